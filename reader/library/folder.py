"""The open folder on disk: each file's state, what changed, and the batches reported.

:class:`FileState` is what :class:`reader.library.Library` remembers of a file (resolved
path, size, modification time, its cache id and article keys); :func:`stat_all` looks
at many files at once. :class:`Changes` is what a refresh found, :class:`OpenStats`
what an open did, and :class:`Batches` hands articles to the caller's ``on_batch`` in
batches. No Qt here.
"""
from __future__ import annotations

import os
import stat as stat_
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from ..read.load import Failure
from ..record import Article
from .pool import LoadFile, load_one

OnBatch = Callable[[list[Article], list[Failure], int, int], None]


@dataclass(slots=True)
class OpenStats:
    """What :meth:`reader.library.Library.open` did."""

    files: int = 0  # article files found
    cached: int = 0  # served from the cache without parsing
    loaded: int = 0  # parsed now
    articles: int = 0
    failures: int = 0
    cancelled: bool = False
    seconds: float = 0.0
    note: str = ""  # why the cache is not in use, if it is not


@dataclass(slots=True)
class Changes:
    """What :meth:`reader.library.Library.refresh` found: apply ``removed`` then ``articles`` (an
    article whose key was already listed replaces it)."""

    articles: list[Article] = field(default_factory=list)  # new or changed
    removed: list[str] = field(default_factory=list)  # keys no longer in the folder
    failures: list[Failure] = field(default_factory=list)  # files that now fail
    recovered: list[str] = field(default_factory=list)  # paths that failed and now load or are gone

    def __bool__(self) -> bool:
        return bool(self.articles or self.removed or self.failures or self.recovered)


@dataclass(slots=True)
class FileState:
    resolved: str
    size: int
    mtime_ns: int
    file_id: int | None = None
    keys: tuple[str, ...] = ()


def watched_folders(roots: Iterable[str], files: Iterable[str]) -> list[str]:
    """The root folders among ``roots`` and the folder of each of ``files``, once each."""
    out = dict.fromkeys(p for p in roots if os.path.isdir(p))
    for p in files:
        out.setdefault(os.path.dirname(p))
    return list(out)


class Batches:
    """Collects articles and failures and hands them to ``on_batch`` in batches: the
    first at once, then every ``seconds`` or ``most`` articles, whichever comes first."""

    def __init__(self, on_batch: OnBatch | None, total: int, seconds: float, most: int = 200):
        self.on_batch = on_batch
        self.most = max(1, most)
        self.total = total
        self.seconds = seconds
        self.done = 0
        self.articles: list[Article] = []
        self.failures: list[Failure] = []
        self.sent_any = False
        self.last = time.perf_counter()

    def add(self, articles: Sequence[Article], failures: Sequence[Failure], files: int) -> None:
        self.articles.extend(articles)
        self.failures.extend(failures)
        self.done += files
        if (not self.sent_any and self.articles) or len(self.articles) >= self.most:
            self.flush()
        elif self.done % 64 == 0:
            self.maybe_flush()

    def maybe_flush(self) -> None:
        if time.perf_counter() - self.last >= self.seconds:
            self.flush()

    def flush(self) -> None:
        if self.on_batch is None or not (self.articles or self.failures or self.done == self.total):
            self.articles, self.failures = [], []
            return
        if not self.articles and not self.failures and self.sent_any:
            return
        articles, failures = self.articles, self.failures
        self.articles, self.failures = [], []
        self.sent_any = self.sent_any or bool(articles)
        self.last = time.perf_counter()
        self.on_batch(articles, failures, self.done, self.total)


_dir_cache: dict[str, str] = {}


def resolved_path(path: str) -> str:
    folder, name = os.path.split(os.path.abspath(path))
    real = _dir_cache.get(folder)
    if real is None:
        if len(_dir_cache) > 10_000:
            _dir_cache.clear()
        real = _dir_cache[folder] = os.path.realpath(folder)
    return os.path.join(real, name)


def stat_all(paths: list[str], load: LoadFile | None = None) -> dict[str, FileState | Failure]:
    """Resolved path, size and mtime of each file (one ``lstat`` each; the folder's real
    path is looked up once), or the Failure for one that cannot be read."""
    _dir_cache.clear()  # folders may have moved since the last look
    out: dict[str, FileState | Failure] = {}
    for path in paths:
        try:
            st = os.lstat(path)
            if stat_.S_ISLNK(st.st_mode):
                resolved = os.path.realpath(path)
                st = os.stat(path)
            else:
                resolved = resolved_path(path)
            if not stat_.S_ISREG(st.st_mode):
                raise IsADirectoryError(21, "not a file")
        except OSError:
            failure = _failure_of(path, load)
            out[path] = failure
            continue
        out[path] = FileState(resolved, st.st_size, st.st_mtime_ns)
    return out


def _failure_of(path: str, load: LoadFile | None = None) -> Failure:
    loaded = load_one(path, load)
    if loaded.failure is not None:
        return Failure(loaded.failure_path or path, loaded.failure)
    return Failure(path, "could not be read")


def prune_cache(cache, roots: Sequence[str], states: dict[str, "FileState | Failure"]) -> None:
    """Forget cached files under the open folders ``roots`` that are no longer there."""
    present = {st.resolved for st in states.values() if isinstance(st, FileState)}
    stale = []
    for root in roots:
        if os.path.isdir(root):
            stale.extend(p for p in cache.paths_under(os.path.realpath(root)) if p not in present)
    cache.forget(stale)


def keep_in_cache(cache, file_ids: list[int]) -> None:
    """Mark the open files used today, and keep the cache under its size limit by
    dropping the files of folders opened least recently (never what is open)."""
    from .cachefile import limit_bytes

    cache.touch(file_ids)
    cache.trim(limit_bytes(), keep=file_ids)


def names_ready() -> None:
    """The word lists :meth:`Library.as_shown` marks the folder's names with, read on
    the opening thread (once a process), not by a window showing the first article."""
    from ..organisations.lexicon import common_words, lexicon

    lexicon()
    common_words()
