"""The steps that finish opening a folder, each in an event of its own.

Once the loader is done and the list holds every row, the window settles: the list's
first row replaces the article that happened to load first (unless the reader picked
one meanwhile), the folder's files are watched, and ``loading_finished`` is emitted.
Showing an article waits for the library's lock, which the loader thread may still
hold for a moment: the first row waits until the lock is free. The steps come
``AFTER_MS`` apart, so the window answers between them.
"""
from __future__ import annotations

from PySide6.QtCore import QTimer

AFTER_MS = 20  # between the steps: time for the window to answer
TRIES = 20  # times the first row waits for the library's lock (then it is shown anyway)


def settle(window, first: str | None, articles: int) -> None:
    """``first``: the key shown as rows arrived (None: none, or the reader picked one)."""
    later(window, lambda: _first_row(window, first, articles, TRIES))


def later(window, step) -> None:
    """``step`` in AFTER_MS, unless another folder has been opened meanwhile."""
    paths = window.paths
    QTimer.singleShot(AFTER_MS, lambda: paths is window.paths and step())


def _first_row(window, first: str | None, articles: int, tries: int) -> None:
    if first is not None and getattr(window.current, "key", None) == first and window.model.rowCount():
        lock = window.library.lock
        if tries and not lock.acquire(blocking=False):
            later(window, lambda: _first_row(window, first, articles, tries - 1))
            return
        if tries:
            lock.release()
        window.select_row(0)
    later(window, lambda: (window.watcher.watch(), window.loading_finished.emit(articles)))
