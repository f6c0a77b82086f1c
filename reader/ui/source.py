"""A plain stand-in for :class:`reader.library.Library`: injected ``discover``/``load``
functions, no cache, a substring search. No Qt here.

The window always talks to a library object (``open``, ``refresh``, ``search``,
``organisations``, ``index`` under ``lock``, ``folders``). The real one is
:class:`reader.library.Library` (cache, FTS5, process pool); this one serves a
:class:`reader.ui.worker.Loader` built with its own ``discover``/``load`` (tests, or a
source other than files), with the same threading rules: ``open``/``refresh`` on the
loader's thread, the readers from any thread.
"""
from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Callable, Iterable

from reader.organisations.index import IndexEntry, OrganisationIndex
from reader.library.library import Changes, OnBatch, OpenStats, watched_folders
from reader.read.load import Failure

Discover = Callable[[list[str]], Iterable[Path]]
Load = Callable[[Path], list]


class PlainSource:
    """Articles from ``discover``/``load``, an organisation index, substring search."""

    def __init__(self, discover: Discover, load: Load):
        self.discover = discover
        self.load = load
        self.lock = threading.RLock()
        self.paths: list[str] = []
        self.articles: dict = {}  # key -> Article, in load order
        self.failures: dict[str, Failure] = {}
        self.index = OrganisationIndex()
        self._files: dict[str, tuple] = {}  # path -> (size, mtime_ns, keys)
        self.note = ""

    def open(self, paths: Iterable[str | os.PathLike], jobs: int | None = None,
             on_batch: OnBatch | None = None, cancel: threading.Event | None = None,
             batch_seconds: float = 0.1) -> OpenStats:
        start = time.perf_counter()
        paths = [str(p) for p in paths]
        with self.lock:
            self.paths = paths
            self.articles, self.failures, self._files = {}, {}, {}
            self.index = OrganisationIndex()
        stats = OpenStats()
        batch, failed, last, sent = [], [], time.perf_counter(), False
        cancelled = lambda: cancel is not None and cancel.is_set()  # noqa: E731
        try:
            for path in self.discover(paths):
                if cancelled():
                    break
                stats.files += 1
                articles, failure = self._load(path)
                if cancelled():
                    break
                self._put(str(path), articles, failure)
                batch.extend(articles)
                failed.extend([failure] if failure else [])
                if on_batch and (batch or failed) and (not sent or time.perf_counter() - last >= batch_seconds):
                    on_batch(batch, failed, stats.files, 0)
                    batch, failed, last, sent = [], [], time.perf_counter(), True
        except Exception as err:  # a source that cannot even list its files
            failure = Failure(", ".join(paths), getattr(err, "reason", None) or f"{type(err).__name__}: {err}")
            with self.lock:
                self.failures[failure.path] = failure
            failed.append(failure)
        if on_batch and (batch or failed) and not cancelled():
            on_batch(batch, failed, stats.files, stats.files)
        stats.loaded = stats.files
        stats.articles, stats.failures = len(self.articles), len(self.failures)
        stats.cancelled = cancelled()
        stats.seconds = time.perf_counter() - start
        return stats

    def _load(self, path) -> tuple[list, Failure | None]:
        try:
            return list(self.load(path)), None
        except Exception as err:  # ArticleError has .reason; anything else is a bug's text
            return [], Failure(str(path), getattr(err, "reason", None) or f"{type(err).__name__}: {err}")

    def _put(self, path: str, articles: list, failure: Failure | None, changes: Changes | None = None) -> None:
        with self.lock:
            self._drop(path, changes)
            try:
                st = os.stat(path)
                state = (st.st_size, st.st_mtime_ns)
            except OSError:
                state = (-1, -1)
            self._files[path] = (*state, tuple(a.key for a in articles))
            for a in articles:
                self.articles[a.key] = a
                self.index.add(a)
            if failure is not None:
                self.failures[path] = failure
        if changes is not None:
            changes.articles.extend(articles)
            keep = {a.key for a in articles}
            changes.removed = [k for k in changes.removed if k not in keep]
            if failure is not None:
                changes.failures.append(failure)
                if changes.recovered and changes.recovered[-1] == path:
                    changes.recovered.pop()

    def _drop(self, path: str, changes: Changes | None) -> None:
        old = self._files.pop(path, None)
        for key in old[2] if old else ():
            if self.articles.pop(key, None) is not None:
                self.index.remove(key)
                if changes is not None:
                    changes.removed.append(key)
        if self.failures.pop(path, None) is not None and changes is not None:
            changes.recovered.append(path)

    def refresh(self, paths: Iterable[str | os.PathLike] | None = None, jobs: int | None = None,
                on_batch: OnBatch | None = None, cancel: threading.Event | None = None) -> Changes:
        """Look at the open paths again: load new and changed files, drop deleted ones."""
        changes = Changes()
        present = {str(p) for p in self.discover(self.paths)}
        with self.lock:
            for path in [p for p in self._files if p not in present]:
                self._drop(path, changes)
        for path in sorted(present):
            try:
                st = os.stat(path)
                state = (st.st_size, st.st_mtime_ns)
            except OSError:
                state = (-1, -1)
            old = self._files.get(path)
            if old is not None and old[:2] == state:
                continue
            articles, failure = self._load(path)
            self._put(path, articles, failure, changes)
        return changes

    def search(self, query: str) -> list[str]:
        """Keys of the articles whose title or text holds ``query`` (case-insensitive)."""
        needle = query.strip().casefold()
        with self.lock:
            articles = list(self.articles.values())
        return [a.key for a in articles
                if not needle or needle in a.title.casefold() or needle in a.text.casefold()]

    def folders(self) -> list[str]:
        with self.lock:
            files = list(self._files)
        return watched_folders(self.paths, files)

    def organisations(self) -> list[IndexEntry]:
        with self.lock:
            return self.index.entries()

    def close(self) -> None:
        pass
