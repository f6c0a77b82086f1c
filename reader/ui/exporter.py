"""Export All off the UI thread.

:class:`Exporter` runs one :class:`ExportJob` at a time on its own one-thread pool (the
loader's stays free for opening and refreshing folders), with a progress dialog. The
library writes the articles (:meth:`reader.library.Library.export_all`: each as the
reading pane shows it, unique names, atomic writes, nothing else replaced, never into
the folder of the open sources). Progress and the final :class:`reader.export.ExportReport` come back by signal;
``cancel()`` stops after the article being written, and what was written stays.
"""
from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog

from .counts import counted

log = logging.getLogger(__name__)

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

    def run(self) -> None:  # worker thread
        from reader.export import ExportError, ExportReport

        last = 0.0

        def on_progress(done: int, total: int) -> None:
            nonlocal last
            now = time.monotonic()
            if now - last >= PROGRESS_S:
                last = now
                self.signals.progress.emit(done, total)

        try:
            report = self.library.export_all(self.articles, self.folder, self.fmt,
                                             cancel=self.cancel_event, on_progress=on_progress)
        except ExportError as err:  # refused: the folder holds the open sources
            report = ExportReport(failed=[(err.path, err.reason)])
        except Exception as err:  # noqa: BLE001 - export_all reports bad files; this is a bug's last net
            log.exception("exporting to %s failed", self.folder)
            report = ExportReport(failed=[(str(self.folder), f"{type(err).__name__}: {err}")])
        done = len(report.written) + len(report.unchanged) + len(report.failed)
        self.signals.progress.emit(done, len(self.articles))
        self.signals.finished.emit(report, self.cancel_event.is_set())


class Exporter(QObject):
    """Export All for ``window``: the job, a window-modal progress dialog that can
    cancel (shown only when the export takes a while), and the outcome in the status
    bar, an error dialog for the files that failed, and ``window.exported``."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.progress.connect(self._on_progress)
        self._signals.finished.connect(self._on_finished)
        self._job: ExportJob | None = None
        self.dialog: QProgressDialog | None = None
        self._target = ("", "")  # folder, format

    @property
    def busy(self) -> bool:
        return self._job is not None

    def start(self, articles: list, folder: Path, fmt: str, library) -> bool:
        """Export ``articles`` to ``folder`` as ``fmt``; False if one is running already."""
        status = self.window.statusBar()
        if self._job is not None:
            status.showMessage("An export is already running.", 5000)
            return False
        self._target = (str(folder), fmt)
        dlg = QProgressDialog(f"Exporting {counted(len(articles), 'article')} to {_short(folder)}…", "Cancel",
                              0, len(articles), self.window)
        dlg.setWindowTitle("Export All")
        dlg.setWindowModality(Qt.WindowModality.WindowModal)  # the folder stays as it is
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        dlg.setMinimumDuration(400)  # a quick export shows no dialog ...
        dlg.setValue(0)  # ... (the countdown starts here; set before the job can report)
        dlg.canceled.connect(self.cancel)  # its Cancel button, Escape, closing it
        self.dialog = dlg
        status.showMessage(f"Exporting {counted(len(articles), 'article')}…")
        self._job = ExportJob(articles, folder, fmt, library, self._signals)
        self.pool.start(self._job)
        return True

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel_event.set()

    def wait(self, msecs: int = 5000) -> bool:
        return self.pool.waitForDone(msecs)

    def close(self, msecs: int = 5000) -> None:
        """The window closes: stop after the file being written, tell nobody."""
        self.cancel()
        self._signals.finished.disconnect(self._on_finished)
        self._drop_dialog()
        self.wait(msecs)

    def _drop_dialog(self) -> None:
        dlg, self.dialog = self.dialog, None
        if dlg is not None:
            dlg.canceled.disconnect(self.cancel)  # (closing it would cancel)
            dlg.close()
            dlg.deleteLater()

    def _on_progress(self, done: int, total: int) -> None:
        dlg = self.dialog
        if dlg is not None and not dlg.wasCanceled():  # (setValue would show it again)
            dlg.setLabelText(f"Exported {done:,} of {total:,} articles to {_short(self._target[0])}…")
            dlg.setValue(done)  # (last: a modal dialog's setValue runs pending events,
            # the export's end among them)

    def _on_finished(self, report, cancelled: bool) -> None:
        self._job = None
        self._drop_dialog()
        folder, fmt = self._target
        line = report.summary(_short(folder), fmt)
        self.window.statusBar().showMessage(f"Stopped: {line}" if cancelled else line.capitalize(), 10000)
        if report.failed:
            lines = "\n".join(f"{what}: {why}" for what, why in report.failed[:20])
            more = f"\n… and {len(report.failed) - 20} more" if len(report.failed) > 20 else ""
            self.window.show_error("Some Articles Were Not Exported", lines + more)
        self.window.exported.emit(list(report.written))


def _short(path, most: int = 60) -> str:
    """A path cut in the middle to at most ``most`` characters (dialogs, status bar)."""
    text = str(path)
    if len(text) <= most:
        return text
    keep = most - 1
    return text[:keep // 3] + "…" + text[-(keep - keep // 3):]
