"""Loading off the UI thread: the library opens the folder and reports in batches.

:class:`Loader` is what the window talks to. It owns the library
(:class:`reader.library.Library`: the cache, full-text search and the process pool; when
built with its own ``discover``/``load``, a ``Library(cache=False)`` over them)
and runs one job at a time on a one-thread ``QThreadPool``: :class:`OpenJob`
(``library.open``) or :class:`RefreshJob` (``library.refresh``, what a file watcher
asks for). Reports come back by signal; those of a job since replaced are dropped.
"""
from __future__ import annotations

import logging
import sys
import threading
import time

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reader.library import Library
from reader.library.library import Discover
from reader.library.pool import LoadFile

log = logging.getLogger(__name__)


AHEAD = 1500  # articles the library may be ahead of the window before it waits
AHEAD_WAIT_S = 2.0  # longest wait per batch
MAX_BATCH = 1000  # articles per batch from the library (fewer, larger reports)
LOADING_SWITCH_S = 0.0005  # the GIL changes hands this often while a paced load runs (Python's default: 5 ms)


class _JobSignals(QObject):
    batch = Signal(int, object, object, int, int)  # generation, articles, failures, done, total
    finished = Signal(int, int, bool, str)  # generation, files seen, cancelled, note
    refreshed = Signal(int, object)  # generation, reader.library.Changes
    grouped = Signal(int, object)  # generation, [reader.stories.Story]


class OpenJob(QRunnable):
    def __init__(self, generation: int, paths: list[str], library, signals: _JobSignals,
                 jobs: int | None = None):
        super().__init__()
        self.setAutoDelete(False)  # the Loader keeps it alive until it reports finished
        self.generation = generation
        self.paths = list(paths)
        self.library = library
        self.signals = signals
        self.jobs = jobs
        self.cancel_event = threading.Event()
        self.pace = threading.Condition()
        self.pending = 0  # articles sent that the window has not taken yet (see taken)
        self.paced = False  # wait for the window's taken() when far ahead

    def cancel(self) -> None:
        self.cancel_event.set()
        with self.pace:
            self.pace.notify_all()

    def taken(self, count: int) -> None:
        """The window took ``count`` of the articles sent (any thread)."""
        with self.pace:
            self.pending = max(0, self.pending - count)
            if self.pending <= AHEAD:
                self.pace.notify_all()

    def _wait_for_window(self) -> None:
        """Hold the library while the window is more than ``AHEAD`` articles behind.

        A warm open decodes 10,000 cached articles in under a second, holding the GIL
        while the window adds rows and paints: each of the window's Python calls
        (a row's data, a sort step) then waits for the GIL, and the list filled long
        after the library was done. Waiting here, the GIL is free for the window."""
        deadline = time.monotonic() + AHEAD_WAIT_S  # never stuck on a window not listening
        with self.pace:
            while self.pending > AHEAD and not self.cancel_event.is_set():
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self.pace.wait(left)

    def run(self) -> None:  # worker thread
        gen, sig = self.generation, self.signals
        files, note = 0, ""

        def on_batch(articles, failures, done, total):
            with self.pace:
                self.pending += len(articles)
            sig.batch.emit(gen, articles, failures, done, total)
            if self.paced:
                self._wait_for_window()

        try:
            stats = self.library.open(self.paths, jobs=self.jobs, cancel=self.cancel_event,
                                      on_batch=on_batch, max_batch=MAX_BATCH)
            files, note = stats.files, stats.note
            self.library.organisations()  # builds the index's view here, not on the UI thread
            _names_marked(self.library)
            if not self.cancel_event.is_set():  # (stopped or replaced: not worth the wait)
                _group(self.library, gen, sig)
        except Exception as err:  # noqa: BLE001 - the library never should; the window must not die
            log.exception("opening %s failed", self.paths)
            reason = getattr(err, "reason", None) or f"{type(err).__name__}: {err}"
            from reader.read.load import Failure
            sig.batch.emit(gen, [], [Failure(", ".join(self.paths), reason)], 0, 0)
        sig.finished.emit(gen, files, self.cancel_event.is_set(), note)


class RefreshJob(QRunnable):
    def __init__(self, generation: int, paths: list[str] | None, library, signals: _JobSignals):
        super().__init__()
        self.setAutoDelete(True)
        self.generation = generation
        self.paths = paths
        self.library = library
        self.signals = signals

    def run(self) -> None:  # worker thread
        try:
            changes = self.library.refresh(self.paths)
            self.library.organisations()
        except Exception:  # noqa: BLE001 - a failed look is retried at the next change
            log.exception("looking again at %s failed", self.paths)
            return
        if changes:
            self.signals.refreshed.emit(self.generation, changes)
            _group(self.library, self.generation, self.signals)


class GroupJob(QRunnable):
    """Group again what is open (after a correction changed some articles' organisations)."""

    def __init__(self, generation: int, library, signals: _JobSignals):
        super().__init__()
        self.setAutoDelete(True)
        self.generation, self.library, self.signals = generation, library, signals

    def run(self) -> None:  # worker thread
        _group(self.library, self.generation, self.signals)


def _names_marked(library) -> None:
    """Work out the names the folder marks in every article shown (cached until the
    index changes) here, on the loader's thread: the window shows its first row next."""
    first = next(iter(library.articles.values()), None)
    if first is not None:
        library.as_shown(first)


def _group(library, generation: int, signals: _JobSignals) -> None:
    """Group what is open into stories here, on the loader's thread (the new and changed
    articles are checked; a warm reopen checks none)."""
    try:
        stories = library.stories()
    except Exception:  # noqa: BLE001 - stories are extra: the articles are in the list anyway
        log.exception("grouping the open articles into stories failed")
        return
    signals.grouped.emit(generation, stories)


class Loader(QObject):
    """Loads paths in the background through ``library``; only the latest request's
    reports come out. ``stop()`` ends a load early and keeps what arrived."""

    articles_loaded = Signal(list)
    file_failed = Signal(str, str)
    progress = Signal(int, int)  # files done, files in all (0: not known yet)
    loading_finished = Signal(int, bool)  # files seen, cancelled
    changed = Signal(object)  # reader.library.Changes: files that changed on disk
    note = Signal(str)  # the cache is not in use or was rebuilt: why
    stories_changed = Signal(list)  # [reader.stories.Story]: the open articles' stories

    def __init__(self, parent: QObject | None = None, discover: Discover | None = None,
                 load: LoadFile | None = None, library: Library | None = None, jobs: int | None = None):
        super().__init__(parent)
        if library is None:
            if discover is None and load is None:
                library = Library()
            else:
                library = Library(cache=False, load=load, discover=discover)
        self.library = library
        self.jobs = jobs
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # open/refresh one at a time, as the library needs
        self._signals = _JobSignals(self)
        self._signals.batch.connect(self._on_batch)
        self._signals.finished.connect(self._on_finished)
        self._signals.refreshed.connect(self._on_refreshed)
        self._signals.grouped.connect(self._on_grouped)
        self._generation = 0
        self._job: OpenJob | None = None
        self._running: dict[int, OpenJob] = {}  # jobs still on a thread, cancelled or not
        self.paced = False  # True: the listener calls taken() as it takes the articles
        self._switch_interval: float | None = None  # Python's, while a paced load runs

    @property
    def busy(self) -> bool:
        return self._job is not None

    def start(self, paths: list[str]) -> None:
        self.cancel()
        self._generation += 1
        self._job = OpenJob(self._generation, paths, self.library, self._signals, self.jobs)
        self._job.paced = self.paced
        self._running[self._generation] = self._job
        if self.paced:
            self._share_gil(True)
        self.pool.start(self._job)

    def refresh(self, paths: list[str] | None = None) -> None:
        """Look again at ``paths`` (None: all that is open); changes come by ``changed``."""
        self.pool.start(RefreshJob(self._generation, paths, self.library, self._signals))

    def regroup(self) -> None:
        """Group the open articles again, after the load or refresh running (if any);
        the stories come by ``stories_changed``."""
        self.pool.start(GroupJob(self._generation, self.library, self._signals))

    def stop(self) -> None:
        """End the current load early; what arrived stays, ``loading_finished`` follows."""
        if self._job is not None:
            self._job.cancel()

    def cancel(self) -> None:
        """Abandon the current load and drop everything it still reports."""
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self._generation += 1  # anything still in flight is stale
        self._share_gil(False)  # (an abandoned load never reports finished)

    def _share_gil(self, loading: bool) -> None:
        """While the library decodes on its thread, the window's Python calls wait for
        the GIL up to the switch interval each time: shorter then, so the window's
        stalls stay short, and the default again after."""
        if loading and self._switch_interval is None:
            self._switch_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(LOADING_SWITCH_S, self._switch_interval))
        elif not loading and self._switch_interval is not None:
            sys.setswitchinterval(self._switch_interval)
            self._switch_interval = None

    def wait(self, msecs: int = 5000) -> bool:
        return self.pool.waitForDone(msecs)

    def taken(self, count: int) -> None:
        """The window has put ``count`` more of the loaded articles in its list: the
        library may go on (it waits when far ahead, so the window gets the GIL)."""
        if self._job is not None:
            self._job.taken(count)

    def _on_batch(self, gen: int, articles: list, failures: list, done: int, total: int) -> None:
        if gen != self._generation:
            return
        if articles:
            self.articles_loaded.emit(articles)
        for failure in failures:
            self.file_failed.emit(failure.path, failure.reason)
        self.progress.emit(done, total)

    def _on_finished(self, gen: int, seen: int, cancelled: bool, note: str) -> None:
        self._running.pop(gen, None)
        if gen == self._generation:
            self._job = None
            self._share_gil(False)
            if note:
                self.note.emit(note)
            self.loading_finished.emit(seen, cancelled)

    def _on_refreshed(self, gen: int, changes) -> None:
        if gen == self._generation:
            self.changed.emit(changes)

    def _on_grouped(self, gen: int, stories: list) -> None:
        if gen == self._generation:
            self.stories_changed.emit(stories)
