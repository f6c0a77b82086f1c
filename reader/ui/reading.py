"""Read and unread, and where the reader stopped, in the window.

An article is read once it has stayed in the pane a moment (not the one shown while a
folder loads and then replaced by the first row, nor those skipped past with J/K). Unread rows are drawn bold (by a delegate:
the list's model is not asked again for every row); View > Show Only Unread hides the
read ones (the one being read stays until another is shown), and Mark All as Read
marks every row the list shows. Where the reader stopped is the first character at
the top of the pane, kept when another article is shown and when the window closes,
and scrolled back to when the article is shown again. The state itself lives in
:class:`reader.library.reading.ReadingState`.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QStyledItemDelegate

from reader.library.reading import FILE_NAME, ReadingState

from .counts import counted
from .documents import ArticleRole, KeyRole, Unreadable

READ_AFTER_MS = 1500  # an article shown this long is read


class UnreadBold(QStyledItemDelegate):
    def __init__(self, state: ReadingState, parent=None):
        super().__init__(parent)
        self.state = state

    def initStyleOption(self, option, index):  # noqa: N802 (Qt name)
        super().initStyleOption(option, index)
        key = index.data(KeyRole)
        if key is not None and not self.state.is_read(key):
            option.font.setBold(True)


class Reading(QObject):
    def __init__(self, window, state: ReadingState | None = None):
        super().__init__(window)
        self.window = window
        if state is None:  # beside the library's cache; with none, for this session only
            cache = window.library.cache
            state = ReadingState(cache.path.with_name(FILE_NAME) if cache.persistent else ":memory:")
        self.state = state
        self._shown = ""  # the key whose position the pane shows
        self.timer = QTimer(self, singleShot=True, interval=READ_AFTER_MS)
        self.timer.timeout.connect(self._read_now)
        self.delegate = UnreadBold(self.state, window.list_view)
        window.list_view.setItemDelegate(self.delegate)
        window.actions_.unread_only.toggled.connect(self.set_unread_only)
        window.actions_.mark_all_read.triggered.connect(self.mark_all_read)

    # -- an article shown, another left -------------------------------------------------
    def leaving(self) -> None:
        """Keep where the reader stopped in the article the pane shows."""
        self.timer.stop()
        if self._shown:
            self.state.set_position(self._shown, self.top_position())
            self._shown = ""

    def shown(self, item) -> None:
        """``item`` is in the pane now: shown where the reader stopped, and read once it
        has stayed there ``READ_AFTER_MS``."""
        if isinstance(item, Unreadable) or item is None:
            return
        self._shown = item.key
        if not self.state.is_read(item.key):
            self.timer.start()
        if self.window.actions_.unread_only.isChecked():
            self.set_unread_only(True)  # the article left, if read, leaves the list
        position = self.state.position(item.key)
        if position > 0:
            self.scroll_to(position)

    def _read_now(self) -> None:
        if self._shown:
            self.mark([self._shown], True)

    def top_position(self) -> int:
        pane = self.window.pane
        if pane.verticalScrollBar().value() == 0:
            return 0
        return pane.cursorForPosition(QPoint(4, 4)).position()

    def scroll_to(self, position: int) -> None:
        pane = self.window.pane
        c = QTextCursor(pane.document())
        c.setPosition(min(position, pane.document().characterCount() - 1))
        bar = pane.verticalScrollBar()
        bar.setValue(bar.value() + pane.cursorRect(c).top())

    # -- marking -------------------------------------------------------------------------
    def mark(self, keys, read: bool) -> int:
        n = self.state.set_read(keys, read)
        self.window.list_view.viewport().update()
        return n

    def mark_all_read(self) -> None:
        """Every article the list shows (with a filter on, those it shows)."""
        proxy = self.window.proxy
        items = (proxy.index(r, 0).data(ArticleRole) for r in range(proxy.rowCount()))
        keys = [item.key for item in items if not isinstance(item, Unreadable)]
        n = self.mark(keys, True)
        self.window.statusBar().showMessage(f"Marked {counted(n, 'article')} as read", 5000)

    def set_unread_only(self, on: bool) -> None:
        current = getattr(self.window.current, "key", None)
        is_read = self.state.is_read
        self.window.proxy.set_keep((lambda key: key == current or not is_read(key)) if on else None)

    def close(self) -> None:
        if self.timer.isActive():
            self._read_now()
        self.leaving()
        self.state.close()
