"""Rows from the loader into the document list, without freezing the window.

A warm open delivers thousands of articles a second. :class:`Feeder` queues what the
loader sends and adds it to the :class:`reader.ui.documents.ArticleModel` a chunk at a
time, for at most ``budget_ms`` per turn of the event loop (paint, input and the next
batch run between turns). It tells the loader what the list took (the loader waits
when it is far ahead, so the window gets the GIL) and says by signal when rows went
in and when nothing is left waiting. No widget here: tests drive it with a model.
"""
from __future__ import annotations

from collections import deque

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal

from .documents import ArticleModel, Unreadable

FEED_MS = 12  # rows are added for at most this long per turn of the event loop
FEED_CHUNK = 50  # rows added at a time, or when more than FEED_BULK are waiting (a warm
FEED_BULK = 200  # open: batches of a thousand) up to FEED_MOST at once: the list then
FEED_MOST = 2000  # places them in one layout change rather than an insert per place


class Feeder(QObject):
    """Queues rows for ``model``; ``taken(count)`` is called with the articles (not the
    unreadable files) each chunk added, for the loader's pacing."""

    fed = Signal(list)  # the rows just added to the model
    drained = Signal()  # nothing waits any more (after rows were fed)

    def __init__(self, model: ArticleModel, taken=None, parent: QObject | None = None):
        super().__init__(parent)
        self.model = model
        self.taken = taken
        self._incoming: deque = deque()  # articles and Unreadables the list has still to take
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.feed)

    @property
    def waiting(self) -> int:
        return len(self._incoming)

    def put(self, items: list, at_once: bool = False) -> None:
        """Queue ``items``; ``at_once``: start adding now, not at the next turn (the
        first rows of a folder, so its first article shows without delay)."""
        self._incoming.extend(items)
        if self._timer.isActive():
            return
        if at_once:
            self.feed()
        else:
            self._timer.start()

    def clear(self) -> None:
        self._incoming.clear()
        self._timer.stop()

    def feed(self, budget_ms: float | None = FEED_MS) -> None:
        """Add waiting rows a chunk at a time for at most ``budget_ms`` (None: all),
        then let the event loop run and go on after."""
        clock = QElapsedTimer()
        clock.start()
        incoming = self._incoming
        fed = False
        while incoming and (budget_ms is None or clock.elapsed() < budget_ms):
            size = FEED_CHUNK if len(incoming) <= FEED_BULK else FEED_MOST
            chunk = [incoming.popleft() for _ in range(min(size, len(incoming)))]
            self.model.add(chunk)
            fed = True
            if self.taken is not None:
                self.taken(sum(not isinstance(i, Unreadable) for i in chunk))
            self.fed.emit(chunk)
        if incoming:
            self._timer.start()
        elif fed:
            self.drained.emit()
