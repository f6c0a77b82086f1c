"""Corrections in the window (issue 16), driven through the menus and the shortcuts:
the panel, the highlights, the list's Orgs column, the folder counts and org: search
follow at once; undo/redo; a new window on the same data folder keeps them."""
from __future__ import annotations

import pytest
from conftest_ui import config_dir, make_window, news, open_and_wait, opened_urls  # noqa: F401
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu

from reader.corrections.store import load

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def show(qtbot, window, title):
    for r in range(window.proxy.rowCount()):
        if window.proxy.index(r, 0).data() == title:
            window.select_row(r)
            return
    raise AssertionError(title)


def orgs_column(window, title) -> int:
    for r in range(window.proxy.rowCount()):
        if window.proxy.index(r, 0).data() == title:
            return window.proxy.index(r, 3).data()
    raise AssertionError(title)


def panel_names(window) -> list[str]:
    return [r.name for r in window.panel.organisations.rows]


def highlighted(window) -> set[str]:
    return {m.name for m in window.pane._placed}


def acting(qtbot, window):
    """Wait for the window to have taken the correction (it is applied in the background)."""
    return qtbot.waitSignal(window.correcting.corrected, timeout=10000)


def opened(qtbot, make_window, news, title="Aid talks resume"):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    show(qtbot, w, title)
    return w


def test_not_an_organisation_by_delete_on_the_panel_goes_everywhere_and_undoes(qtbot, make_window, news):
    w = opened(qtbot, make_window, news)
    assert orgs_column(w, "Aid talks resume") == 2
    assert w.panel.select("Red Cross")
    w.panel.org_view.setFocus()
    with acting(qtbot, w):
        qtbot.keyClick(w.panel.org_view, Qt.Key.Key_Delete)
    assert panel_names(w) == ["United Nations"]
    assert "Red Cross" not in highlighted(w)
    assert orgs_column(w, "Aid talks resume") == 1
    assert w.library.search("org:Red Cross") == []
    assert load().corrections.not_organisations == ("Red Cross",)

    with acting(qtbot, w):
        qtbot.keyClick(w.pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel_names(w) == ["United Nations", "Red Cross"]
    assert orgs_column(w, "Aid talks resume") == 2
    assert load().corrections.not_organisations == ()
    with acting(qtbot, w):
        qtbot.keyClick(w.pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert panel_names(w) == ["United Nations"]
    assert load().corrections.not_organisations == ("Red Cross",)


def test_not_an_organisation_from_a_highlights_menu_and_a_restart(qtbot, make_window, news):
    w = opened(qtbot, make_window, news)
    un = next(o for o in w.current.organisations if o.name == "United Nations").mentions[0]
    rect = w.pane.cursorRect(w.pane.cursor_for(un.start + 2, un.start + 2))
    assert w.pane.mention_at(rect.center()) == "United Nations"
    menu = QMenu()
    w.pane.menu_hooks[-1](menu, w.pane.mention_at(rect.center()))
    item = next(a for a in menu.actions() if a.text() == "Not an Organisation")
    with acting(qtbot, w):
        item.trigger()
    assert "United Nations" not in highlighted(w)  # its name and its alias (UN) both go
    assert w.library.articles_naming("United Nations") == []
    assert orgs_column(w, "A long report") == 0

    again = make_window()  # a restart: the same data folder
    open_and_wait(qtbot, again, [news])
    show(qtbot, again, "Aid talks resume")
    assert panel_names(again) == ["Red Cross"]
    assert orgs_column(again, "A long report") == 0


def test_mark_as_organisation_from_the_selection_by_ctrl_m_and_the_menu(qtbot, make_window, news):
    w = opened(qtbot, make_window, news, "Acme profits <b>rise</b>")
    text = w.current.text
    start = text.index("Analysts")
    w.pane.setTextCursor(w.pane.cursor_for(start, start + len("Analysts")))
    asked = []
    w.correcting.ask_mark_name = lambda words, names: asked.append((words, names)) or "Market Analysts Ltd"
    w.pane.setFocus()
    with acting(qtbot, w):
        qtbot.keyClick(w.pane, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert asked == [("Analysts", ["Acme Corporation"])]
    assert "Market Analysts Ltd" in panel_names(w)
    assert orgs_column(w, "Acme profits <b>rise</b>") == 2
    assert w.library.search('org:"Market Analysts Ltd"') == [w.current.key]
    with acting(qtbot, w):
        w.correcting.undo.trigger()
    assert panel_names(w) == ["Acme Corporation"]

    # attached to an existing organisation as another of its names, from the Organisations menu
    w.pane.setTextCursor(w.pane.cursor_for(start, start + len("Analysts")))
    w.correcting.ask_mark_name = lambda words, names: "Acme Corporation"
    with acting(qtbot, w):
        w.correcting.mark.trigger()
    assert panel_names(w) == ["Acme Corporation"]
    row = w.panel.organisations.rows[0]
    assert "Analysts" in row.aliases and row.here == 3


def test_same_organisation_as_merges_two_panel_entries(qtbot, make_window, news):
    w = opened(qtbot, make_window, news)
    w.correcting.ask_same_as = lambda name, others: others[0]
    assert w.panel.select("Red Cross")
    w.panel.org_view.setFocus()
    with acting(qtbot, w):
        qtbot.keyClick(w.panel.org_view, Qt.Key.Key_M,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert panel_names(w) == ["United Nations"]
    assert w.panel.organisations.rows[0].here == 4
    assert orgs_column(w, "Aid talks resume") == 1
    assert sorted(w.library.search("org:Red Cross")) == sorted(w.library.articles_naming("United Nations"))
    with acting(qtbot, w):
        w.correcting.undo.trigger()
    assert panel_names(w) == ["United Nations", "Red Cross"]


def test_rename_by_f2_and_from_the_panels_menu(qtbot, make_window, news):
    w = opened(qtbot, make_window, news)
    w.correcting.ask_new_name = lambda name: "UN Secretariat"
    assert w.panel.select("United Nations")
    w.panel.org_view.setFocus()
    with acting(qtbot, w):
        qtbot.keyClick(w.panel.org_view, Qt.Key.Key_F2)
    assert panel_names(w) == ["UN Secretariat", "Red Cross"]
    assert w.library.search('org:"UN Secretariat"')
    menu = QMenu()
    w.panel.menu_hooks[-1](menu, "UN Secretariat")
    w.correcting.ask_new_name = lambda name: "United Nations Organisation"
    with acting(qtbot, w):
        next(a for a in menu.actions() if a.text() == "Rename…").trigger()
    assert panel_names(w) == ["United Nations Organisation", "Red Cross"]
    with acting(qtbot, w):
        w.correcting.undo.trigger()
    with acting(qtbot, w):
        w.correcting.undo.trigger()
    assert panel_names(w) == ["United Nations", "Red Cross"]
    with acting(qtbot, w):
        w.correcting.redo.trigger()
    assert panel_names(w) == ["UN Secretariat", "Red Cross"]


def test_the_corrections_dialog_lists_them_and_removes_one(qtbot, make_window, news):
    w = opened(qtbot, make_window, news)
    with acting(qtbot, w):
        w.correcting.refuse("Red Cross")
    w.correcting.ask_new_name = lambda name: "UN Secretariat"
    with acting(qtbot, w):
        w.correcting.rename_organisation("United Nations")
    dialog = w.correcting.show_dialog()
    qtbot.addWidget(dialog)
    assert dialog.rows() == ["Organisation: UN Secretariat (also: United Nations)",
                             "Not an organisation: Red Cross"]
    dialog.list.item(1).setSelected(True)
    with acting(qtbot, w):
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.rows() == ["Organisation: UN Secretariat (also: United Nations)"]
    assert panel_names(w) == ["UN Secretariat", "Red Cross"]
    with acting(qtbot, w):
        w.correcting.undo.trigger()
    assert dialog.rows()[1] == "Not an organisation: Red Cross"
    assert panel_names(w) == ["UN Secretariat"]


def test_delete_in_the_filter_box_edits_the_text_not_the_corrections(qtbot, make_window, news):
    w = opened(qtbot, make_window, news)
    w.panel.select("Red Cross")
    w.filter_edit.setFocus()
    w.filter_edit.setText("abc")
    w.filter_edit.setCursorPosition(0)
    qtbot.keyClick(w.filter_edit, Qt.Key.Key_Delete)
    assert w.correcting.wait()
    assert w.filter_edit.text() == "bc"
    assert not load().corrections


def test_delete_on_a_clicked_highlight_in_the_pane(qtbot, make_window, news):
    w = opened(qtbot, make_window, news)
    red = next(o for o in w.current.organisations if o.name == "Red Cross").mentions[0]
    rect = w.pane.cursorRect(w.pane.cursor_for(red.start + 2, red.start + 2))
    qtbot.mouseClick(w.pane.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.panel.selected_name() == "Red Cross"
    w.pane.setFocus()
    with acting(qtbot, w):
        qtbot.keyClick(w.pane, Qt.Key.Key_Delete)
    assert "Red Cross" not in highlighted(w)
    assert panel_names(w) == ["United Nations"]


def test_the_right_click_menus_carry_the_corrections(qtbot, make_window, news):
    # the panel's and the pane's context menus (reader.ui.contextmenus) hold the
    # corrections' items beside their own, for the organisation under the pointer
    w = opened(qtbot, make_window, news)
    panel_menu = [a.text() for a in w.menus.organisation_menu("Red Cross").actions()]
    assert "Show Articles Naming It" in panel_menu and "Not an Organisation" in panel_menu
    un = next(o for o in w.current.organisations if o.name == "United Nations").mentions[0]
    rect = w.pane.cursorRect(w.pane.cursor_for(un.start + 2, un.start + 2))
    menu = w.menus.pane_menu(w.pane.anchorAt(rect.center()))
    item = next(a for a in menu.actions() if a.text() == "Not an Organisation")
    assert item.isEnabled()
    with acting(qtbot, w):
        item.trigger()
    assert "United Nations" not in highlighted(w)
