"""SQLite errors sorted by result code (``sqlite3.Error.sqlite_errorcode``, Python 3.11+),
never by the message text, which differs between SQLite versions (qutebrowser's
``misc/sql.py`` does the same). What the cache does depends on the kind:

* ``BUSY``: another process holds the lock. Go on without the cache; delete nothing.
* ``READONLY``: the file or folder cannot be written or opened. The same.
* ``QUERY``: the statement itself is wrong (``SQLITE_ERROR``: a malformed full-text
  expression, say). The caller's fault, not the database's.
* ``DAMAGED``: anything else (corrupt, not a database, disk full, ...). The file is
  rebuilt.
"""
from __future__ import annotations

import sqlite3

BUSY = "busy"
READONLY = "readonly"
QUERY = "query"
DAMAGED = "damaged"

_KINDS = {
    sqlite3.SQLITE_BUSY: BUSY,
    sqlite3.SQLITE_LOCKED: BUSY,
    sqlite3.SQLITE_READONLY: READONLY,
    sqlite3.SQLITE_CANTOPEN: READONLY,
    sqlite3.SQLITE_PERM: READONLY,
    sqlite3.SQLITE_AUTH: READONLY,
    sqlite3.SQLITE_IOERR: READONLY,
    sqlite3.SQLITE_ERROR: QUERY,
}


def kind(err: sqlite3.Error) -> str:
    """What ``err`` says about the database: BUSY, READONLY, QUERY or DAMAGED. Errors
    with no result code (the sqlite3 module's own, such as a closed connection) count
    as DAMAGED: the connection is of no more use."""
    code = getattr(err, "sqlite_errorcode", None)
    if code is None:
        return DAMAGED
    return _KINDS.get(code & 0xFF, DAMAGED)  # the primary code of an extended one


def describe(err: sqlite3.Error) -> str:
    """``err`` for a log line: its result code's name and its message."""
    return f"{getattr(err, 'sqlite_errorname', None) or type(err).__name__}: {err}"
