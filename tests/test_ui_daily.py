"""The window for daily use (issue #17): small windows, links, keeping your place,
the keyboard, context menus."""
from __future__ import annotations

import pytest
from conftest_ui import (config_dir, make_window, news, open_and_wait, opened_urls,  # noqa: F401
                         write_article)
from PySide6.QtCore import Qt

from reader.ui.layout import LIST, PANE, PANEL

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def chars_across(window) -> float:
    return window.pane.viewport().width() / window.pane.fontMetrics().averageCharWidth()


@pytest.mark.parametrize("size", [(900, 600), (1024, 700)])
def test_a_small_window_keeps_a_readable_pane(qtbot, make_window, news, size):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    w.resize(*size)
    qtbot.waitUntil(lambda: w.width() == size[0])
    assert chars_across(w) >= 55  # the headline no longer wraps two letters a line
    assert w.splitter.sizes()[LIST] >= 150 and w.splitter.sizes()[PANEL] >= 150
    w.resize(1440, 900)
    qtbot.waitUntil(lambda: w.width() == 1440)
    w.resize(*size)
    qtbot.waitUntil(lambda: w.width() == size[0])
    assert chars_across(w) >= 55


def test_side_columns_fold_from_the_view_menu_and_its_shortcuts(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    w.resize(900, 600)
    qtbot.waitUntil(lambda: w.width() == 900)
    before = w.pane.width()
    w.pane.setFocus()
    qtbot.keyClick(w.pane, Qt.Key.Key_P, CTRL_SHIFT)
    assert w.splitter.sizes()[PANEL] == 0 and not w.actions_.show_panel.isChecked()
    qtbot.keyClick(w.pane, Qt.Key.Key_L, CTRL_SHIFT)
    assert w.splitter.sizes()[LIST] == 0 and not w.actions_.show_list.isChecked()
    assert w.pane.width() > before + 300
    w.actions_.show_panel.trigger()
    assert w.splitter.sizes()[PANEL] > 150 and w.actions_.show_panel.isChecked()
    qtbot.keyClick(w.pane, Qt.Key.Key_L, CTRL_SHIFT)
    assert w.splitter.sizes()[LIST] > 150 and w.actions_.show_list.isChecked()
    assert chars_across(w) >= 40


def test_dragging_an_edge_to_the_border_folds_the_side(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    w.splitter.moveSplitter(0, 1)  # what dragging the list's edge to the left does
    assert w.splitter.sizes()[LIST] == 0
    assert not w.actions_.show_list.isChecked()
    w.actions_.show_list.trigger()
    assert w.splitter.sizes()[LIST] > 150


def test_the_pane_cannot_be_dragged_narrower_than_readable(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    w.splitter.moveSplitter(w.width(), 1)  # drag the list's edge across the pane
    assert w.splitter.sizes()[PANE] > 0 and chars_across(w) >= 38


def test_folded_sides_and_widths_are_remembered(qtbot, make_window, news, config_dir):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    w.splitter.setSizes([300, 600, 300])
    w.splitter.set_shown(PANEL, False)
    w.close()
    w2 = make_window()  # (the window's width is the fixture's: the pane takes what is left)
    open_and_wait(qtbot, w2, [news])
    assert [w2.splitter.sizes()[i] for i in (LIST, PANEL)] == [300, 0]
    assert not w2.actions_.show_panel.isChecked() and w2.actions_.show_list.isChecked()
    w2.actions_.show_panel.trigger()
    assert w2.splitter.sizes()[PANEL] == 300


def test_lines_stay_a_comfortable_length_in_a_wide_pane(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    w.resize(1900, 800)
    w.actions_.show_list.trigger()
    w.actions_.show_panel.trigger()
    qtbot.waitUntil(lambda: w.pane.width() > 1500)
    frame = w.pane.document().rootFrame().frameFormat()
    column = w.pane.viewport().width() - frame.leftMargin() - frame.rightMargin()
    assert column / w.pane.fontMetrics().averageCharWidth() <= 80
