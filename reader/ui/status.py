"""The status bar's loading progress, Cancel button and article count.

:class:`LoadStatus` shows how far the loader is (at most every ``PROGRESS_MS``: a
progress bar repaints itself at once on each new value, and a warm open reports dozens
of times a second), lets the user stop it (what arrived stays), and otherwise shows how
many articles the list holds and how many of them the filter shows (while loading:
the rows listed so far, beside the files read).
"""
from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QToolButton

from .counts import counted

PROGRESS_MS = 150  # the progress bar shows news at most this often


class LoadStatus(QObject):
    def __init__(self, status_bar, loader, model, proxy, parent: QObject | None = None):
        super().__init__(parent)
        self.loader, self.model, self.proxy = loader, model, proxy
        self.count_label = QLabel("")
        self.count_label.setAccessibleName("Article count")
        # wide enough for "10,000 in the list, loading…" at once: while a fast load changes
        # it many times a second, the status bar's layout lagged and cut it off
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance(
            "00,000 in the list, loading…") + 8)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName("Loading progress")
        self.progress_bar.setTextVisible(True)
        self.progress_bar.setMinimumWidth(220)
        self.progress_bar.hide()
        self.cancel_button = QToolButton(text="Cancel")
        self.cancel_button.setToolTip("Stop loading (the articles already loaded stay)")
        self.cancel_button.setAccessibleName("Cancel loading")
        self.cancel_button.hide()
        for widget in (self.progress_bar, self.cancel_button, self.count_label):
            status_bar.addPermanentWidget(widget)
        self._clock = QElapsedTimer()
        self._next: tuple | None = None
        self._timer = QTimer(self, singleShot=True, interval=PROGRESS_MS)
        self._timer.timeout.connect(self._show_next)
        self.cancel_button.clicked.connect(self.cancel)
        loader.progress.connect(self.progress)

    def started(self) -> None:
        self.count_label.setText("loading…")
        self._show(0, 0)

    def progress(self, done: int, total: int) -> None:
        self._next = (done, total)
        if not self._timer.isActive() or (total and done >= total):
            self._show_next()
            self._timer.start()

    def _show_next(self) -> None:
        if self._next is not None:
            args, self._next = self._next, None
            self._show(*args)

    def _show(self, done: int, total: int) -> None:
        bar = self.progress_bar
        if not self.loader.busy:
            return
        if not bar.isVisible():
            self._clock.start()
            bar.show()
            self.cancel_button.show()
            self.cancel_button.setEnabled(True)
        # a new value repaints the bar at once, and with it every row the list has
        # waiting to be drawn: with updates off, it is drawn at the next paint instead
        bar.setUpdatesEnabled(False)
        bar.setRange(0, total if total > 0 else 100)  # total not known yet: an empty bar
        bar.setValue(min(done, total) if total > 0 else 0)
        seconds = self._clock.elapsed() / 1000
        rate = f" · {done / seconds:,.0f}/s" if done and seconds > 0.2 else ""
        bar.setFormat(f"{done:,} / {total:,} files{rate}" if total else f"{done:,} files{rate}")
        bar.setUpdatesEnabled(True)  # (and update(): drawn with the rest)
        self.show_count()

    def cancel(self) -> None:
        """Stop loading; the articles already in the list stay."""
        if self.loader.busy:
            self.loader.stop()
            self.cancel_button.setEnabled(False)
            self.progress_bar.setFormat("stopping…")

    def finished(self) -> None:
        self.progress_bar.hide()
        self.cancel_button.hide()

    @staticmethod
    def summary(seen: int, articles: int, failed: int, cancelled: bool) -> str:
        """What a finished (or stopped) load brought: for the status bar."""
        note = (f"Loaded {counted(articles, 'article')} from {counted(seen, 'file')}" if seen
                else "No article files found")
        if cancelled:
            note = f"Stopped: {note[0].lower()}{note[1:]}" if seen else "Stopped before any file"
        if failed:
            note += f"; {failed:,} could not be read (marked in the list)"
        return note

    def show_count(self) -> None:
        """How many articles are listed, unreadable, and shown; while loading, how many
        rows the list holds (the progress bar counts the files read)."""
        if self.loader.busy:
            self.count_label.setText(f"{self.model.rowCount():,} in the list, loading…")
            return
        articles = len(self.model.articles())
        failed = self.model.rowCount() - articles
        text = counted(articles, "article") + (f", {failed:,} unreadable" if failed else "")
        if self.proxy.rowCount() < self.model.rowCount():
            text = f"{self.proxy.rowCount():,} shown of {text}"
        self.count_label.setText(text)
