"""Loading off the UI thread: discover article files, load each, report in batches.

:class:`Loader` is what the window talks to; it runs one :class:`LoadJob` at a time
on a ``QThreadPool`` and drops reports from jobs it has since replaced or cancelled.
The job's source (``discover`` and ``load``) is injectable so the library of issue 7
can take its place without the window changing.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


Discover = Callable[[list[str]], Iterable[Path]]
Load = Callable[[Path], list]


def default_discover(paths: list[str]) -> Iterator[Path]:
    from reader.load import iter_article_files

    return iter_article_files([Path(p) for p in paths])


def default_load(path: Path) -> list:
    from reader.load import load_file

    return load_file(path)


class _JobSignals(QObject):
    articles_loaded = Signal(int, object)  # generation, list[Article]
    file_failed = Signal(int, str, str)  # generation, path, reason
    finished = Signal(int, int, bool)  # generation, files seen, cancelled


class LoadJob(QRunnable):
    def __init__(self, generation: int, paths: list[str], signals: _JobSignals,
                 discover: Discover, load: Load, batch_seconds: float = 0.1):
        super().__init__()
        self.setAutoDelete(False)  # the Loader keeps it alive until it reports finished
        self.generation = generation
        self.paths = list(paths)
        self.signals = signals
        self.discover = discover
        self.load = load
        self.batch_seconds = batch_seconds
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:  # worker thread
        gen, sig = self.generation, self.signals
        seen = 0
        batch: list = []
        last = time.monotonic()
        first = True
        try:
            for path in self.discover(self.paths):
                if self._cancel.is_set():
                    break
                seen += 1
                try:
                    batch.extend(self.load(path))
                except Exception as err:  # ArticleError has .reason; anything else is a bug's text
                    reason = getattr(err, "reason", None) or f"{type(err).__name__}: {err}"
                    sig.file_failed.emit(gen, str(path), reason)
                now = time.monotonic()
                if batch and (first or now - last >= self.batch_seconds):
                    sig.articles_loaded.emit(gen, batch)  # the first article goes out at once
                    batch, last, first = [], now, False
        except Exception as err:
            reason = getattr(err, "reason", None) or f"{type(err).__name__}: {err}"
            sig.file_failed.emit(gen, ", ".join(self.paths), reason)
        if batch and not self._cancel.is_set():
            sig.articles_loaded.emit(gen, batch)
        sig.finished.emit(gen, seen, self._cancel.is_set())


class Loader(QObject):
    """Loads paths in the background; only the latest request's reports come out."""

    articles_loaded = Signal(list)
    file_failed = Signal(str, str)
    loading_finished = Signal(int, bool)  # files seen, cancelled

    def __init__(self, parent: QObject | None = None, discover: Discover | None = None,
                 load: Load | None = None):
        super().__init__(parent)
        self.discover = discover or default_discover
        self.load = load or default_load
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._signals = _JobSignals(self)
        self._signals.articles_loaded.connect(self._on_articles)
        self._signals.file_failed.connect(self._on_failed)
        self._signals.finished.connect(self._on_finished)
        self._generation = 0
        self._job: LoadJob | None = None
        self._running: dict[int, LoadJob] = {}  # jobs still on a thread, cancelled or not

    @property
    def busy(self) -> bool:
        return self._job is not None

    def start(self, paths: list[str]) -> None:
        self.cancel()
        self._generation += 1
        self._job = LoadJob(self._generation, paths, self._signals, self.discover, self.load)
        self._running[self._generation] = self._job
        self.pool.start(self._job)

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self._job = None
            self._generation += 1  # anything still in flight is stale

    def wait(self, msecs: int = 5000) -> bool:
        return self.pool.waitForDone(msecs)

    def _on_articles(self, gen: int, articles: list) -> None:
        if gen == self._generation:
            self.articles_loaded.emit(list(articles))

    def _on_failed(self, gen: int, path: str, reason: str) -> None:
        if gen == self._generation:
            self.file_failed.emit(path, reason)

    def _on_finished(self, gen: int, seen: int, cancelled: bool) -> None:
        self._running.pop(gen, None)
        if gen == self._generation:
            self._job = None
            self.loading_finished.emit(seen, cancelled)
