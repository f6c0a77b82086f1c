"""Rows from the loader into the document list, without freezing the window.

A warm open delivers thousands of articles a second. :class:`Feeder` queues what the
loader sends and adds it to the :class:`reader.ui.documents.ArticleModel` a chunk at a
time, in turns of the event loop: a turn adds at most ``FEED_TURN`` rows and stops
after ``budget_ms``, and the next comes ``FEED_EVERY_MS`` after it ends (sooner,
``FEED_CATCH_UP_MS``, while more than a turn's rows wait), so the list paints once
per turn (a paint of the list costs as much as adding a few hundred rows), input is
answered, and the loader's thread has the GIL meanwhile. It tells the loader what the list took (the loader waits when
it is far ahead) and says by signal when rows went in and when nothing is left
waiting. No widget here: tests drive it with a model.
"""
from __future__ import annotations

from collections import deque

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal

from .documents import ArticleModel, Unreadable

FEED_MS = 10  # a turn of the event loop adds rows for at most about this long
FEED_CHUNK = 50  # rows handed to the model at a time while few wait,
FEED_BULK = 200  # or, when more than this many wait (a warm open),
FEED_BULK_CHUNK = 250  # this many: the model places them in one layout change
FEED_TURN = 1000  # at most this many rows per turn (each turn is followed by a paint)
FEED_EVERY_MS = 50  # a turn comes at least this long after the last ended,
FEED_CATCH_UP_MS = 15  # or this long while more than FEED_TURN rows wait


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
        self._since = QElapsedTimer()  # since the last turn ended

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
            since = self._since.elapsed() if self._since.isValid() else FEED_EVERY_MS
            self._timer.start(max(0, self._pause() - since))

    def clear(self) -> None:
        self._incoming.clear()
        self._timer.stop()
        self._since.invalidate()

    def feed(self, budget_ms: float | None = FEED_MS) -> None:
        """Add waiting rows a chunk at a time, at most ``FEED_TURN`` of them for at most
        ``budget_ms`` (None: all, at once), then let the event loop run and go on after."""
        clock = QElapsedTimer()
        clock.start()
        incoming = self._incoming
        fed = 0
        while incoming and (budget_ms is None or (fed < FEED_TURN and clock.elapsed() < budget_ms)):
            size = FEED_CHUNK if len(incoming) <= FEED_BULK else FEED_BULK_CHUNK
            if budget_ms is not None:
                size = min(size, FEED_TURN - fed)
            chunk = [incoming.popleft() for _ in range(min(size, len(incoming)))]
            self.model.add(chunk)
            fed += len(chunk)
            if self.taken is not None:
                self.taken(sum(not isinstance(i, Unreadable) for i in chunk))
            self.fed.emit(chunk)
        self._since.start()
        if incoming:
            self._timer.start(self._pause())
        elif fed:
            self.drained.emit()

    def _pause(self) -> int:
        """How long after a turn the next comes: the list keeps up with a loader that
        sends more than a turn's rows before the pause is over."""
        return FEED_CATCH_UP_MS if len(self._incoming) > FEED_TURN else FEED_EVERY_MS
