"""The window's view as the settings keep it: geometry, splitter, sort order, zoom,
theme, the "only the selected organisation" switch and "one row per story"."""
from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QApplication

from .theme import apply_theme


def restore(window) -> None:
    """Show ``window`` as its settings say."""
    s = window.settings
    if s.geometry:
        window.restoreGeometry(QByteArray.fromBase64(s.geometry.encode("ascii")))
    else:
        window.resize(1300, 800)
    window.splitter.restore(s.splitter)
    order = Qt.SortOrder.DescendingOrder if s.sort_descending else Qt.SortOrder.AscendingOrder
    window.list_view.sortByColumn(s.sort_column if 0 <= s.sort_column < 4 else 1, order)
    window.pane.set_zoom(s.zoom)
    window.actions_.themes.get(s.theme, window.actions_.themes["system"]).setChecked(True)
    window.actions_.only_selected.setChecked(s.only_selected)
    window.panel.only_box.setChecked(s.only_selected)
    window.stories.by_story.setChecked(s.by_story)
    if s.theme != "system":
        apply_theme(QApplication.instance(), s.theme)


def capture(window) -> None:
    """Put what the user arranged in ``window`` into its settings (not saved here)."""
    s = window.settings
    s.geometry = bytes(window.saveGeometry().toBase64()).decode("ascii")
    s.splitter = window.splitter.state()
    header = window.list_view.horizontalHeader()
    s.sort_column = header.sortIndicatorSection()
    s.sort_descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    s.zoom = window.pane.zoom
    s.by_story = window.stories.by_story.isChecked()
