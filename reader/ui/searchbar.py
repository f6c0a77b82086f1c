"""The search box over the document list, and the bar of the organisation filter.

:class:`SearchBar` turns what the user types into the library's search (full text,
ranked, ``org:NAME``), once the typing pauses, and keeps the list's proxy to the keys
found; :meth:`SearchBar.restrict_to` keeps only the articles naming one organisation
(the side panel's double click) and shows a bar to lift that. ``changed`` says the
rows shown may have changed.
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget

from .counts import counted

SEARCH_DELAY_MS = 150  # the filter searches this long after the last key


class SearchBar(QWidget):
    changed = Signal()

    def __init__(self, loader, proxy, parent: QWidget | None = None):
        super().__init__(parent)
        self.loader, self.proxy = loader, proxy
        self.keys: list[str] | None = None  # what the search found, best first (None: no search)
        self.organisation = ""  # the organisation the list is restricted to, if any
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("Search title and text, or org:NAME (Ctrl+L)")
        self.edit.setAccessibleName("Filter articles")
        self.edit.setClearButtonEnabled(True)
        self.org_label = QLabel()
        self.org_label.setAccessibleName("Organisation filter")
        self.org_clear = QToolButton(text="✕", autoRaise=True)
        self.org_clear.setToolTip("Show all articles")
        self.org_clear.setAccessibleName("Show all articles")
        self.org_bar = QWidget()
        bar = QHBoxLayout(self.org_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.org_label, 1)
        bar.addWidget(self.org_clear)
        self.org_bar.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.org_bar)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply)
        self.edit.textChanged.connect(self._on_text)
        self.org_clear.clicked.connect(self.lift_restriction)

    def focus(self) -> None:
        self.edit.setFocus()
        self.edit.selectAll()

    def _on_text(self, text: str) -> None:
        if not text.strip():
            self.apply()  # clearing shows everything at once
        else:
            self._timer.start()  # results as you type, once the typing pauses

    def apply(self) -> None:
        """Show the articles matching the box; a blank box shows every row."""
        self._timer.stop()
        text = self.edit.text()
        self.keys = self.loader.library.search(text) if text.strip() else None
        self.proxy.set_search(self.keys)
        self.changed.emit()

    def search_for(self, text: str) -> None:
        """List the articles that contain ``text`` (the box, filled in)."""
        self.edit.setText(" ".join(text.split()))
        self.apply()

    def restrict_to(self, name: str) -> None:
        """Only the articles naming the organisation ``name`` (under any of its names)."""
        keys = self.loader.library.articles_naming(name)
        self.organisation = name
        self.proxy.set_keys(keys)
        self.org_label.setText(f"Naming <b>{escape(name)}</b>: {escape(counted(len(keys), 'article'))}")
        self.org_bar.show()
        self.changed.emit()

    def lift_restriction(self) -> None:
        self.proxy.set_keys(None)
        self.org_bar.hide()
        self.changed.emit()

    def reset(self) -> None:
        """No search and no restriction (a new folder; the box keeps its text)."""
        self._timer.stop()
        self.keys = None
        self.proxy.set_search(None)
        self.lift_restriction()

    def describe(self) -> str:
        """What the rows shown have in common: "match “x” and name Y"."""
        what = []
        if self.keys is not None:
            what.append(f"match “{self.edit.text().strip()}”")
        if self.proxy.restricted:
            what.append(f"name {self.organisation}")
        return " and ".join(what)
