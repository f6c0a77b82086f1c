"""What the reader has read, and where they stopped: per article key, across restarts.

A small SQLite file (``reading.sqlite3``) beside the article cache
(:func:`reader.library.cachefile.cache_dir`), with one table: an article's key (its
path, plus ``#N`` in multi-article files), whether it was read, and the position in
the shown text where the reader stopped. It is a file of its own, not a table of
``cache.sqlite3``, because that cache is deleted whenever the cleaning pipeline
changes, and what the reader read must outlive that.

Every key read is kept in memory (a set: what the list asks for every row it paints);
writes go straight to the file. Should the file be unusable (read-only folder, a
damaged file), the state lives in memory for the session and :attr:`note` says why:
reading never fails because of it. No Qt here.
"""
from __future__ import annotations

import logging
import sqlite3
import time
from pathlib import Path
from typing import Iterable

from .cachefile import cache_dir

log = logging.getLogger(__name__)

FILE_NAME = "reading.sqlite3"
_TABLE = """CREATE TABLE IF NOT EXISTS reading (
    key TEXT PRIMARY KEY, read INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL DEFAULT 0, at REAL NOT NULL DEFAULT 0)"""


class ReadingState:
    def __init__(self, path: Path | str | None = None):
        """``path``: the file (None: the user's, beside the cache; ":memory:": none)."""
        self.note = ""
        self.path = cache_dir() / FILE_NAME if path is None else path if path == ":memory:" else Path(path)
        try:
            self._db = self._open(self.path)
        except (sqlite3.Error, OSError) as err:
            log.warning("reading state %s unusable (%s): kept in memory this session", self.path, err)
            self.note = f"What you read is not remembered this session: {err}"
            self._db = self._open(":memory:")
        self._read = {key for (key,) in self._db.execute("SELECT key FROM reading WHERE read = 1")}

    @staticmethod
    def _open(path) -> sqlite3.Connection:
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(str(path), check_same_thread=False, timeout=1.0)
        if path != ":memory:":  # a write on each article change: no fsync on the UI thread
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
        db.execute(_TABLE)
        db.execute("SELECT count(*) FROM reading").fetchone()  # a damaged file fails here
        return db

    def close(self) -> None:
        self._db.close()

    # -- read or not -------------------------------------------------------------------
    def is_read(self, key: str) -> bool:
        return key in self._read

    def set_read(self, keys: Iterable[str], read: bool = True) -> int:
        """Mark ``keys`` read (or unread); how many changed."""
        changed = [k for k in keys if (k in self._read) != read]
        if not changed:
            return 0
        if read:
            self._read.update(changed)
        else:
            self._read.difference_update(changed)
        now = time.time()
        self._write("INSERT INTO reading (key, read, at) VALUES (?, ?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET read = excluded.read, at = excluded.at",
                    [(k, int(read), now) for k in changed])
        return len(changed)

    # -- where the reader stopped ------------------------------------------------------
    def position(self, key: str) -> int:
        """Where the reader stopped in ``key`` (0: at the top, or never opened)."""
        try:
            row = self._db.execute("SELECT position FROM reading WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as err:
            log.warning("reading position of %s not read: %s", key, err)
            return 0
        return row[0] if row else 0

    def set_position(self, key: str, position: int) -> None:
        self._write("INSERT INTO reading (key, position, at) VALUES (?, ?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET position = excluded.position, at = excluded.at",
                    [(key, max(0, int(position)), time.time())])

    def _write(self, sql: str, rows: list[tuple]) -> None:
        try:
            with self._db:
                self._db.executemany(sql, rows)
        except sqlite3.Error as err:
            log.warning("reading state not saved: %s", err)
            self.note = f"What you read could not be saved: {err}"
