"""The persistent cache: each article file's cleaned articles and full-text index, in SQLite.

One database file (``cache.sqlite3``) in ``platformdirs.user_cache_dir("article-reader")``,
or in ``$ARTICLE_READER_CACHE_DIR`` when that is set. A row per article file, keyed by its
resolved path and valid only for the same size and modification time (``mtime_ns``); it
holds the file's articles (compact JSON, see :func:`reader.library.codec.encode_articles`) and
their story evidence, or the reason it could not be read. The ``stories`` table keeps, per
set of open folders, the pairs of articles found to tell one event (see
:class:`reader.stories.index.StoryIndex`), so a warm reopen does not group again. The
FTS5 table ``fts`` indexes every cached article's title, text and
organisation names; its rowid is ``file_id << 20 | article.index``.

The whole database is stamped with :func:`reader.library.cachefile.pipeline_version`, a hash of the source of the
modules and resources that shape an Article, so any change to the cleaning pipeline
discards the cached results. A corrupt or foreign-version database is deleted and
rebuilt; a locked (after a busy timeout), read-only or unusable one is replaced by an
in-memory database for this session, so the reader works without a cache and never
crashes because of it (:attr:`Cache.note` says why).

Threads: writes (``lookup``/``store``/``forget``) come from one thread at a time (the
loader's); :meth:`Cache.search` may be called from any thread and reads through a
connection of its own (WAL mode: readers never wait for the writer). No Qt here.
"""
from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from ..record import Article
from . import sqlerrors
from .cachefile import FILE_NAME, SCHEMA, SIZE_FACTOR, cache_dir, pipeline_version
from .codec import db_key, encode_articles, search_columns, utf8_text

log = logging.getLogger(__name__)

BUSY_SECONDS = 2.0  # how long to wait for another process's lock before going without the cache
INDEX_BITS = 20  # fts rowid = file_id << INDEX_BITS | article.index
MAX_INDEX = (1 << INDEX_BITS) - 1
STORY_ROWS = 20  # sets of open folders whose stories are kept


# ---------------------------------------------------------------- the database

@dataclass(frozen=True, slots=True)
class Entry:
    """A cached file: its id, and its encoded articles or the reason it failed."""

    file_id: int
    blob: bytes | None
    failure: str | None
    evidence: bytes | None = None  # the articles' story evidence, encoded


@dataclass(slots=True)
class Row:
    """One file's load result for :meth:`Cache.store`."""

    path: str  # resolved path
    size: int
    mtime_ns: int
    articles: list[Article]
    blob: bytes | None = None  # encode_articles(articles), if already made (workers make it)
    failure: str | None = None
    evidence: bytes | None = None  # the articles' story evidence (reader.stories.evidence)


_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL, failure TEXT, data BLOB, seen INTEGER NOT NULL DEFAULT 0,
    evidence BLOB);
CREATE INDEX IF NOT EXISTS files_seen ON files (seen);
CREATE TABLE IF NOT EXISTS stories (roots TEXT PRIMARY KEY, data BLOB NOT NULL, seen INTEGER NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    title, body, orgs, tokenize = 'unicode61 remove_diacritics 2');
"""
_CHUNK = 900  # bound parameters per statement
DAY = 86400


class Cache:
    """The cache database. ``Cache()`` opens the default file, ``Cache(path)`` another,
    ``Cache(":memory:")`` one that lives only as long as the object (full-text search
    still works). Never raises for a bad database: it falls back to memory and says why
    in :attr:`note`."""

    def __init__(self, path: str | os.PathLike | None = None, busy_seconds: float = BUSY_SECONDS):
        self.busy_seconds = busy_seconds
        self.note = ""  # why the cache is not persistent, or was rebuilt
        self.resets = 0  # times the contents were lost while open (the caller re-stores)
        self._lock = threading.RLock()
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        if path is None:
            path = cache_dir() / FILE_NAME
        self.path: Path | None = None if str(path) == ":memory:" else Path(path)
        self.persistent = self.path is not None
        self._con = self._open()

    # -- opening ---------------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        if self.path is None:
            return self._memory()
        try:
            return self._open_disk()
        except sqlite3.DatabaseError as err:
            what = sqlerrors.kind(err)
            if what in (sqlerrors.BUSY, sqlerrors.READONLY):
                return self._fallback(f"the cache is {'in use' if what == sqlerrors.BUSY else 'read-only'} ({err})")
            log.warning("the cache %s is damaged, rebuilding it: %s", self.path, sqlerrors.describe(err))
            # corrupt: not a database, malformed, ...
            self._delete_files()
            try:
                con = self._open_disk()
                self.note = f"the cache was damaged and has been rebuilt ({err})"
                return con
            except (sqlite3.Error, OSError) as err2:
                return self._fallback(f"the cache cannot be used ({err2})")
        except OSError as err:
            return self._fallback(f"the cache folder cannot be used ({err.strerror or err})")

    def _open_disk(self) -> sqlite3.Connection:
        assert self.path is not None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(self.path, timeout=self.busy_seconds, isolation_level=None,
                              check_same_thread=False)
        try:
            mode = con.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise sqlite3.OperationalError("attempt to write a readonly database (no WAL)")
            con.execute("PRAGMA synchronous=NORMAL")
            con.execute(f"PRAGMA busy_timeout={int(self.busy_seconds * 1000)}")
            version = pipeline_version()
            stamp = None
            has_meta = con.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
            if has_meta:
                stamp = dict(con.execute("SELECT key, value FROM meta").fetchall())
            if stamp != {"schema": SCHEMA, "pipeline": version}:
                self._recreate(con, version)
                if stamp:
                    self.note = "the cache was made by another version and has been rebuilt"
            con.execute("SELECT count(*) FROM files WHERE id = 0").fetchone()
        except BaseException:
            con.close()
            raise
        return con

    @staticmethod
    def _recreate(con: sqlite3.Connection, version: str) -> None:
        with _transaction(con):
            names = [r[0] for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                " AND name NOT LIKE 'fts_%'")]
            for name in names:
                con.execute(f'DROP TABLE IF EXISTS "{name}"')
            for statement in _TABLES.split(";"):
                if statement.strip():
                    con.execute(statement)
            con.executemany("INSERT INTO meta VALUES (?, ?)", [("schema", SCHEMA), ("pipeline", version)])

    def _memory(self) -> sqlite3.Connection:
        con = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        for statement in _TABLES.split(";"):
            if statement.strip():
                con.execute(statement)
        return con

    def _fallback(self, why: str) -> sqlite3.Connection:
        self.persistent = False
        self.note = why + "; working without a cache"
        log.warning("%s", self.note)
        return self._memory()

    def _delete_files(self) -> None:
        assert self.path is not None
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                os.unlink(str(self.path) + suffix)
            except FileNotFoundError:
                pass
            except OSError:
                pass

    def _fail(self, err: sqlite3.Error) -> None:
        """A database error while open: go on in memory (the caller re-stores what it has)."""
        with self._lock:
            try:
                self._con.close()
            except sqlite3.Error:
                pass
            self._close_readers()
            corrupt = sqlerrors.kind(err) not in (sqlerrors.BUSY, sqlerrors.READONLY)
            log.warning("the cache failed, going on in memory%s: %s",
                        " (deleting the damaged file)" if corrupt and self.path else "", sqlerrors.describe(err))
            if corrupt and self.path is not None:
                self._delete_files()
            self._con = self._fallback(f"the cache failed ({err})")
            self.resets += 1

    # -- reading and writing (one writer thread) ---------------------------------------
    def lookup(self, stats: dict[str, tuple[int, int]]) -> dict[str, Entry]:
        """The cached entries among ``stats`` (resolved path -> (size, mtime_ns)) whose
        size and modification time still match."""
        found: dict[str, Entry] = {}
        keys = {db_key(p): p for p in stats}
        paths = list(keys)
        try:
            with self._lock:
                for part, marks in _chunks(paths):
                    rows = self._con.execute(
                        f"SELECT id, path, size, mtime_ns, failure, data, evidence FROM files WHERE path IN "
                        f"({marks})", part).fetchall()
                    for file_id, key, size, mtime_ns, failure, data, evidence in rows:
                        path = keys.get(key)
                        if path is not None and stats[path] == (size, mtime_ns) and (
                                data is not None or failure is not None):
                            found[path] = Entry(file_id, data, failure, evidence)
        except sqlite3.Error as err:
            self._fail(err)
            return {}
        return found

    def file_ids(self, paths: Iterable[str]) -> dict[str, int]:
        """The ids of files the cache knows (whatever their state)."""
        keys = {db_key(p): p for p in paths}
        paths = list(keys)
        out: dict[str, int] = {}
        try:
            with self._lock:
                for part, marks in _chunks(paths):
                    out.update((keys[p], i_) for i_, p in self._con.execute(
                        f"SELECT id, path FROM files WHERE path IN ({marks})", part))
        except sqlite3.Error as err:
            self._fail(err)
        return out

    def store(self, rows: Sequence[Row], keep_data: bool = True) -> dict[str, int]:
        """Save files' results (replacing earlier ones and their index rows) in one
        transaction; returns resolved path -> file id. ``keep_data=False`` indexes only."""
        if not rows:
            return {}
        try:
            return self._store(rows, keep_data and self.persistent)
        except sqlite3.Error as err:
            self._fail(err)
            try:
                return self._store(rows, False)
            except sqlite3.Error:
                return {}

    def _store(self, rows: Sequence[Row], keep_data: bool) -> dict[str, int]:
        ids: dict[str, int] = {}
        now = int(time.time())
        with self._lock:
            con = self._con
            with _transaction(con):
                for row in rows:
                    data = evidence = None
                    if keep_data and row.failure is None:
                        data = row.blob if row.blob is not None else encode_articles(row.articles)
                        evidence = row.evidence
                    key = db_key(row.path)
                    failure = None if row.failure is None else utf8_text(row.failure)
                    found = con.execute("SELECT id FROM files WHERE path = ?", (key,)).fetchone()
                    if found:
                        file_id = found[0]
                        con.execute("UPDATE files SET size=?, mtime_ns=?, failure=?, data=?, seen=?, evidence=? "
                                    "WHERE id=?", (row.size, row.mtime_ns, failure, data, now, evidence, file_id))
                        con.execute("DELETE FROM fts WHERE rowid BETWEEN ? AND ?",
                                    (file_id << INDEX_BITS, (file_id << INDEX_BITS) | MAX_INDEX))
                    else:
                        file_id = con.execute(
                            "INSERT INTO files (path, size, mtime_ns, failure, data, seen, evidence) "
                            "VALUES (?,?,?,?,?,?,?)", (key, row.size, row.mtime_ns, failure, data, now, evidence)).lastrowid
                    ids[row.path] = file_id
                    con.executemany(
                        "INSERT INTO fts (rowid, title, body, orgs) VALUES (?,?,?,?)",
                        [((file_id << INDEX_BITS) | a.index, *search_columns(a))
                         for a in row.articles if 0 <= a.index <= MAX_INDEX])
        return ids

    def stories(self, roots: str) -> bytes | None:
        """What :meth:`store_stories` saved for the folders ``roots`` (None: nothing)."""
        try:
            with self._lock:
                row = self._con.execute("SELECT data FROM stories WHERE roots = ?", (utf8_text(roots),)).fetchone()
        except sqlite3.Error as err:
            self._fail(err)
            return None
        return row[0] if row else None

    def store_stories(self, roots: str, data: bytes) -> None:
        """Keep the stories found in the folders ``roots`` (the STORY_ROWS opened most
        recently are kept). Best effort: a busy cache keeps the older ones."""
        if not self.persistent:
            return
        try:
            with self._lock:
                con = self._con
                with _transaction(con):
                    con.execute("INSERT OR REPLACE INTO stories (roots, data, seen) VALUES (?, ?, ?)",
                                (utf8_text(roots), data, int(time.time())))
                    con.execute("DELETE FROM stories WHERE roots NOT IN (SELECT roots FROM stories "
                                "ORDER BY seen DESC LIMIT ?)", (STORY_ROWS,))
        except sqlite3.Error as err:
            if sqlerrors.kind(err) != sqlerrors.BUSY:
                self._fail(err)

    def paths_under(self, folder: str) -> list[str]:
        """The cached files under ``folder`` (a resolved path), at any depth."""
        lo = db_key(folder).rstrip(os.sep) + os.sep
        hi = lo[:-1] + chr(ord(os.sep) + 1)
        try:
            with self._lock:
                return [r[0] for r in self._con.execute(
                    "SELECT path FROM files WHERE path >= ? AND path < ?", (lo, hi))]
        except sqlite3.Error as err:
            self._fail(err)
            return []

    def forget(self, paths: Iterable[str]) -> None:
        """Drop files (deleted from disk) and their index rows."""
        paths = [db_key(p) for p in paths]
        if not paths:
            return
        try:
            with self._lock:
                con = self._con
                with _transaction(con):
                    for part, marks in _chunks(paths):
                        _delete(con, [r[0] for r in con.execute(
                            f"SELECT id FROM files WHERE path IN ({marks})", part)])
        except sqlite3.Error as err:
            self._fail(err)

    def touch(self, file_ids: Iterable[int]) -> None:
        """Mark files as used now (once a day is enough: the size limit goes by day).
        Best effort: nothing is written when all were marked today, and a cache busy in
        another process is left as it is (the marks wait for the next open)."""
        ids = list(file_ids)
        now = int(time.time())
        try:
            with self._lock:
                con = self._con
                stale = []
                for part, marks in _chunks(ids):
                    stale += [r[0] for r in con.execute(
                        f"SELECT id FROM files WHERE seen < ? AND id IN ({marks})", (now - DAY, *part))]
                if not stale:
                    return
                with _transaction(con):
                    for part, marks in _chunks(stale):
                        con.execute(f"UPDATE files SET seen = ? WHERE id IN ({marks})", (now, *part))
        except sqlite3.Error as err:
            if sqlerrors.kind(err) != sqlerrors.BUSY:
                self._fail(err)

    def size(self) -> int:
        """About how many bytes the contents take: the files' encoded articles times
        SIZE_FACTOR (the text again in the full-text index, and the index itself). An
        estimate, not the file's size: FTS5 frees the space of deleted rows only as it
        merges its segments, and SQLite reuses freed pages rather than shrink the file."""
        try:
            with self._lock:
                data = self._con.execute("SELECT coalesce(sum(length(data)), 0) FROM files").fetchone()[0]
        except sqlite3.Error:
            return 0
        return int(data * SIZE_FACTOR)

    def trim(self, limit: int, keep: Iterable[int] = ()) -> int:
        """Drop the files used least recently (never those in ``keep``: what is open) until
        :meth:`size` is under ``limit`` (under 90% of it, so that the next opens need not
        trim again), or nothing else is left to drop. Returns how many were dropped."""
        if not self.persistent:
            return 0
        keep = set(keep)
        try:
            with self._lock:
                con = self._con
                total = self.size()
                if total <= limit:
                    return 0
                drop = []
                for file_id, data in con.execute(
                        "SELECT id, coalesce(length(data), 0) FROM files ORDER BY seen, id").fetchall():
                    if total <= limit * 0.9:
                        break
                    if file_id not in keep:
                        drop.append(file_id)
                        total -= int(data * SIZE_FACTOR)
                with _transaction(con):
                    _delete(con, drop)
        except sqlite3.Error as err:
            if sqlerrors.kind(err) != sqlerrors.BUSY:  # busy in another process: trimmed at a later open
                self._fail(err)
            return 0
        return len(drop)

    # -- searching (any thread) ---------------------------------------------------------
    def search(self, match: str, weights: tuple[float, float, float] = (8.0, 1.0, 4.0)) -> list[tuple[int, int]]:
        """(file id, article index) of every article matching the FTS5 expression
        ``match``, best first by bm25 (title, text and organisation columns weighted by
        ``weights``). Raises sqlite3.OperationalError for a malformed expression (the
        caller builds expressions with :mod:`reader.library.search`, which never makes one)."""
        sql = (f"SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts, {weights[0]:g}, "
               f"{weights[1]:g}, {weights[2]:g})")
        con = self._reader()
        if con is None:
            with self._lock:
                rows = self._con.execute(sql, (match,)).fetchall()
        else:
            try:
                rows = con.execute(sql, (match,)).fetchall()
            except sqlite3.Error as err:
                if sqlerrors.kind(err) == sqlerrors.QUERY:
                    raise
                log.info("the cache's reader failed, reading through the writer: %s", sqlerrors.describe(err))
                with self._lock:  # the reader could not read (rebuilt underneath): use the writer's
                    rows = self._con.execute(sql, (match,)).fetchall()
        return [(r >> INDEX_BITS, r & MAX_INDEX) for (r,) in rows]

    def _reader(self) -> sqlite3.Connection | None:
        if not self.persistent or self.path is None:
            return None
        con = getattr(self._local, "con", None)
        if con is None:
            try:
                con = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True, isolation_level=None,
                                      check_same_thread=False, timeout=self.busy_seconds)
            except sqlite3.Error:
                return None
            self._local.con = con
            with self._lock:
                self._readers.append(con)
        return con

    def _close_readers(self) -> None:
        for con in self._readers:
            try:
                con.close()
            except sqlite3.Error:
                pass
        self._readers.clear()
        self._local = threading.local()

    def close(self) -> None:
        with self._lock:
            self._close_readers()
            try:
                self._con.close()
            except sqlite3.Error:
                pass


@contextmanager
def _transaction(con: sqlite3.Connection) -> Iterator[None]:
    """A write transaction taking the lock at once; rolled back if anything fails."""
    con.execute("BEGIN IMMEDIATE")
    try:
        yield
        con.execute("COMMIT")
    except BaseException:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise


def _delete(con: sqlite3.Connection, file_ids: Sequence[int]) -> None:
    """Delete files' rows and their full-text rows (inside the caller's transaction)."""
    for file_id in file_ids:
        con.execute("DELETE FROM fts WHERE rowid BETWEEN ? AND ?",
                    (file_id << INDEX_BITS, (file_id << INDEX_BITS) | MAX_INDEX))
    for part, marks in _chunks(file_ids):
        con.execute(f"DELETE FROM files WHERE id IN ({marks})", part)


def _chunks(values: Sequence) -> Iterator[tuple[Sequence, str]]:
    """values in slices of at most _CHUNK, each with its "?,?,…" for an IN (…) list."""
    for i in range(0, len(values), _CHUNK):
        part = values[i:i + _CHUNK]
        yield part, ",".join("?" * len(part))


