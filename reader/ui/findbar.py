"""Find in article: a bar under the reading pane with the match count."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget



class FindBar(QWidget):
    search_changed = Signal(str)
    step_requested = Signal(int)  # +1 next, -1 previous
    closed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("Find in article")
        self.edit.setAccessibleName("Find in article")
        self.edit.setClearButtonEnabled(True)
        self.count = QLabel("")
        self.count.setAccessibleName("Matches")
        self.count.setMinimumWidth(70)
        buttons = []
        for text, tip, slot in (("▲", "Previous match (Shift+Enter)", lambda: self.step_requested.emit(-1)),
                                ("▼", "Next match (Enter)", lambda: self.step_requested.emit(1)),
                                ("✕", "Close find bar (Esc)", self.close_bar)):
            b = QToolButton()
            b.setText(text)
            b.setToolTip(tip)
            b.setAccessibleName(tip.split(" (")[0])
            b.setAutoRaise(True)
            b.clicked.connect(slot)
            buttons.append(b)
        self.prev_button, self.next_button, self.close_button = buttons
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(QLabel("Find:"))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        for b in buttons:
            layout.addWidget(b)
        self.edit.textChanged.connect(self.search_changed)
        self.edit.returnPressed.connect(lambda: self.step_requested.emit(1))
        self.edit.installEventFilter(self)

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()
        if self.edit.text():
            self.search_changed.emit(self.edit.text())

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def set_count(self, current: int, total: int) -> None:
        if not self.edit.text():
            self.count.setText("")
        elif total == 0:
            self.count.setText("no matches")
        else:
            self.count.setText(f"{current}/{total}")

    def eventFilter(self, obj, event):  # noqa: N802 - Shift+Enter and Esc in the edit
        if obj is self.edit and event.type() == event.Type.KeyPress:
            key, mods = event.key(), event.modifiers()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods & Qt.KeyboardModifier.ShiftModifier:
                self.step_requested.emit(-1)
                return True
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(obj, event)
