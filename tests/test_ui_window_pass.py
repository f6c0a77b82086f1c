"""The second window pass (issues #17, #18): whole sources in the list, J/K in the
story view, the Compare dialog from the keyboard, a narrow organisations panel."""
from __future__ import annotations

import pytest
from conftest_ui import config_dir, make_window, open_and_wait, opened_urls, write_article  # noqa: F401
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from reader.ui.documents import SOURCE

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "grabbing the keyboard", "support raise")

LONG_DOMAIN = "harbourlightsgazette.example"
TEXT = ["The harbour board met on Tuesday to discuss the new ferry timetable for the islands.",
        "Residents asked for an earlier crossing on weekdays and a later one on Fridays."]


@pytest.fixture
def sources(tmp_path):
    folder = tmp_path / "sources"
    folder.mkdir()
    for i, domain in enumerate(("bbc.co.uk", LONG_DOMAIN, "ap.org")):
        write_article(folder, f"{i}.txt", f"Ferry timetable story number {i}", TEXT,
                      date=f"2025-04-0{i + 1}", source=f"https://www.{domain}/news/{i}")
    return folder


def source_cell(w, domain):
    proxy = w.proxy
    for row in range(proxy.rowCount()):
        index = proxy.index(row, SOURCE)
        if index.data() == domain:
            return index
    raise AssertionError(domain)


def tooltip_at(view, pos: QPoint) -> str:
    QToolTip.hideText()
    event = QHelpEvent(QHelpEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    return QToolTip.text()


def test_a_long_source_shows_whole_at_full_size_and_cut_with_a_tooltip_when_small(qtbot, make_window, sources):
    w = make_window()
    w.resize(1440, 900)
    open_and_wait(qtbot, w, [sources])
    view, header = w.list_view, w.list_view.horizontalHeader()
    index = source_cell(w, LONG_DOMAIN)
    qtbot.waitUntil(lambda: header.sectionSize(SOURCE) >= view.sizeHintForIndex(index).width())
    assert not header.isSectionHidden(SOURCE)
    assert view.visualRect(index).width() >= view.fontMetrics().horizontalAdvance(LONG_DOMAIN) + 8
    whole = view.sizeHintForIndex(index).width()
    cut_at = []
    for width in range(1400, 880, -40):  # a smaller window: cut short, then folded away
        w.resize(width, 700)
        qtbot.waitUntil(lambda: w.width() == width)
        if not header.isSectionHidden(SOURCE) and header.sectionSize(SOURCE) < whole:
            cut_at.append(width)
            view.scrollTo(index)
            assert tooltip_at(view, view.visualRect(index).center()) == LONG_DOMAIN
    assert cut_at, "the source column never showed cut short"
    assert header.isSectionHidden(SOURCE)  # at 900 px the title keeps the room
    w.resize(1440, 900)
    qtbot.waitUntil(lambda: w.width() == 1440)
    assert header.sectionSize(SOURCE) >= view.sizeHintForIndex(index).width()
