"""Export All off the UI thread.

:class:`Exporter` runs one :class:`ExportJob` at a time on its own one-thread pool (the
loader's stays free for opening and refreshing folders). Each article is written as the
reading pane shows it: with the names the folder recognised marked
(:func:`reader.entities.with_folder_names`, read under the library's lock), by
:func:`reader.export.export_all` (unique names, atomic writes, nothing else replaced).
Progress and the final :class:`reader.export.ExportReport` come back by signal;
``cancel()`` stops after the article being written, and what was written stays.
"""
from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

PROGRESS_S = 0.1  # progress reports at most this often (and once at the end)


class _Signals(QObject):
    progress = Signal(int, int)  # articles done, articles in all
    finished = Signal(object, bool)  # ExportReport, cancelled


class ExportJob(QRunnable):
    def __init__(self, articles: list, folder: Path, fmt: str, library, signals: _Signals):
        super().__init__()
        self.setAutoDelete(False)  # the Exporter keeps it until it reports finished
        self.articles = list(articles)
        self.folder = folder
        self.fmt = fmt
        self.library = library
        self.signals = signals
        self.cancel_event = threading.Event()

    def _prepared(self):
        """The articles as shown, stopping early when cancelled; reports progress."""
        from reader.entities import with_folder_names

        total, last = len(self.articles), 0.0
        for done, article in enumerate(self.articles):
            if self.cancel_event.is_set():
                return
            if self.library is not None:
                try:
                    with self.library.lock:
                        article = with_folder_names(article, self.library.index)
                except Exception:  # noqa: BLE001 - a bug there must not cost the export: as loaded
                    pass
            yield article
            now = time.monotonic()
            if now - last >= PROGRESS_S:
                last = now
                self.signals.progress.emit(done + 1, total)

    def run(self) -> None:  # worker thread
        from reader.export import ExportReport, export_all

        try:
            report = export_all(self._prepared(), self.folder, self.fmt)
        except Exception as err:  # noqa: BLE001 - export_all reports bad files; this is a bug's last net
            report = ExportReport(failed=[(str(self.folder), f"{type(err).__name__}: {err}")])
        done = len(report.written) + len(report.unchanged) + len(report.failed)
        self.signals.progress.emit(done, len(self.articles))
        self.signals.finished.emit(report, self.cancel_event.is_set())


class Exporter(QObject):
    """Exports in the background; ``finished(report, cancelled)`` ends each export."""

    progress = Signal(int, int)
    finished = Signal(object, bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.progress.connect(self.progress)
        self._signals.finished.connect(self._on_finished)
        self._job: ExportJob | None = None

    @property
    def busy(self) -> bool:
        return self._job is not None

    def start(self, articles: list, folder: Path, fmt: str, library=None) -> bool:
        """Export ``articles`` to ``folder`` as ``fmt``; False if one is running already."""
        if self._job is not None:
            return False
        self._job = ExportJob(articles, folder, fmt, library, self._signals)
        self.pool.start(self._job)
        return True

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel_event.set()

    def wait(self, msecs: int = 5000) -> bool:
        return self.pool.waitForDone(msecs)

    def _on_finished(self, report, cancelled: bool) -> None:
        self._job = None
        self.finished.emit(report, cancelled)
