"""The keyboard and the mouse as the user drives them (issue #17): the text's links
walked with Tab and opened with Enter, every list's Home/End/PageUp/PageDown, the menus
and the context menus without a mouse, a side folded by dragging its edge."""
from __future__ import annotations

import pytest
from conftest_ui import config_dir, make_window, news, open_and_wait, opened_urls  # noqa: F401
from PySide6.QtCore import Qt
from test_ui_daily import linked_loader, statement  # noqa: F401

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "grabbing the keyboard", "support raise")


WALKED = ("https://gov.example.org/full", "https://gov.example.org/archive")


def walk_loader():
    from reader.record import Link

    return linked_loader([Link(WALKED[0], "the ministry's website", "inline"),
                          Link("mailto:press@gov.example.org", "the press office", "inline"),
                          Link(WALKED[1], "the archive", "inline")])


def tab(qtbot, back: bool = False, ctrl: bool = False):
    """Press Tab (Shift+Tab) where the focus is; the widget that has it then."""
    from PySide6.QtWidgets import QApplication

    mods = Qt.KeyboardModifier.ShiftModifier if back else Qt.KeyboardModifier.NoModifier
    if ctrl:
        mods |= Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab if back else Qt.Key.Key_Tab, mods)
    return QApplication.focusWidget()


def test_tab_walks_the_web_links_in_the_text_and_enter_opens_one(qtbot, make_window, statement,
                                                                 opened_urls):
    from PySide6.QtWidgets import QToolTip

    w = make_window(loader=walk_loader())
    open_and_wait(qtbot, w, [statement])
    w.activateWindow()
    w.list_view.setFocus()
    qtbot.waitUntil(w.list_view.hasFocus)
    assert tab(qtbot) is w.pane and w.pane.focused_link() == ""
    assert tab(qtbot) is w.pane  # the first web link (not the highlight before it)
    assert w.pane.focused_link() == WALKED[0]
    assert w.pane.textCursor().selectedText() == "the ministry's website"
    assert w.statusBar().currentMessage() == WALKED[0]
    assert QToolTip.text() == WALKED[0]
    assert tab(qtbot) is w.pane  # past the highlight and the mail link (plain text)
    assert w.pane.textCursor().selectedText() == "the archive"
    assert w.statusBar().currentMessage() == WALKED[1]
    assert tab(qtbot) is w.panel.org_view  # after the last link, on to the organisations
    assert w.statusBar().currentMessage() == "" and not w.pane.textCursor().hasSelection()

    assert tab(qtbot, back=True) is w.pane
    assert tab(qtbot, back=True) is w.pane and w.pane.focused_link() == WALKED[1]
    qtbot.keyClick(w.pane, Qt.Key.Key_Return)
    assert opened_urls == [WALKED[1]]
    assert "Opened https://gov.example.org/archive" in w.statusBar().currentMessage()
    assert tab(qtbot, back=True) is w.pane and w.pane.focused_link() == WALKED[0]
    assert tab(qtbot, back=True) is w.list_view  # before the first, back to the list
    assert opened_urls == [WALKED[1]]


def test_ctrl_tab_leaves_the_pane_without_walking_its_links(qtbot, make_window, statement):
    w = make_window(loader=walk_loader())
    open_and_wait(qtbot, w, [statement])
    w.activateWindow()
    w.pane.setFocus()
    qtbot.waitUntil(w.pane.hasFocus)
    assert tab(qtbot) is w.pane and w.pane.focused_link() == WALKED[0]
    assert tab(qtbot, ctrl=True) is w.panel.org_view
    w.pane.setFocus()
    assert tab(qtbot, back=True, ctrl=True) is w.list_view


def test_tab_starts_from_the_links_in_view(qtbot, make_window, news):
    from reader.record import Link

    w = make_window(loader=linked_loader([Link("https://example.net/one", "Filler paragraph 3 ", "inline"),
                                          Link("https://example.net/two", "Filler paragraph 30 ", "inline")]))
    open_and_wait(qtbot, w, [news])
    w.select_key(str(news / "c.txt"))
    w.activateWindow()
    w.list_view.setFocus()
    assert tab(qtbot) is w.pane
    bar = w.pane.verticalScrollBar()
    bar.setValue(w.pane.cursorRect(w.pane.document().find("Filler paragraph 20 ")).top() + bar.value())
    assert tab(qtbot) is w.pane and w.pane.focused_link() == "https://example.net/two"


def test_the_menu_key_on_a_link_offers_to_open_and_copy_it(qtbot, make_window, statement):
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    w = make_window(loader=walk_loader())
    open_and_wait(qtbot, w, [statement])
    w.activateWindow()
    w.pane.setFocus()
    qtbot.waitUntil(w.pane.hasFocus)
    tab(qtbot)
    tab(qtbot)  # on the archive link
    w.menus.last = None
    at = w.pane.cursorRect().center()  # where Qt puts a menu asked for with the keyboard
    QApplication.sendEvent(w.pane, QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, at,
                                                     w.pane.mapToGlobal(at)))
    menu = w.menus.last
    menu.close()
    items = {a.text(): a for a in menu.actions() if not a.isSeparator()}
    items["Copy Link Address"].trigger()
    assert QApplication.clipboard().text() == WALKED[1]
    assert "Open Link in Browser" in items


def test_a_link_opened_with_enter_and_no_browser_is_a_failure(qtbot, make_window, statement, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    w = make_window(loader=walk_loader())
    open_and_wait(qtbot, w, [statement])
    w.activateWindow()
    w.pane.setFocus()
    qtbot.waitUntil(w.pane.hasFocus)
    tab(qtbot)
    with qtbot.waitSignal(w.link_failed) as failed:
        qtbot.keyClick(w.pane, Qt.Key.Key_Enter)
    assert failed.args == [WALKED[0]]
    assert w.statusBar().currentMessage().startswith("Could not open")



def test_hovering_a_link_in_the_text_shows_its_address_in_a_tooltip(qtbot, make_window, statement):
    from PySide6.QtGui import QHelpEvent, QTextCursor
    from PySide6.QtWidgets import QApplication, QToolTip

    w = make_window(loader=walk_loader())
    open_and_wait(qtbot, w, [statement])
    found = w.pane.document().find("the archive")
    c = QTextCursor(w.pane.document())
    c.setPosition(found.selectionStart() + 3)
    at = w.pane.cursorRect(c).center()
    view = w.pane.viewport()
    QApplication.sendEvent(view, QHelpEvent(QHelpEvent.Type.ToolTip, at, view.mapToGlobal(at)))
    assert QToolTip.text() == WALKED[1]


def test_a_source_opens_on_a_double_click(qtbot, make_window, statement, opened_urls):
    w = make_window()
    open_and_wait(qtbot, w, [statement])
    view = w.panel.src_view
    point = view.visualRect(w.panel.sources.index(0, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert opened_urls == []
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert opened_urls == ["https://gov.example.org/statement"]


# -- every list: Home, End, PageUp, PageDown -----------------------------------------------
def walk_list(qtbot, view, rows: int) -> None:
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.currentIndex().row() == rows - 1
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.currentIndex().row() == 0
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.currentIndex().row() > 0
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert view.currentIndex().row() == 0


def test_home_end_and_page_keys_move_in_the_sources_stories_and_versions(qtbot, make_window, tmp_path):
    from conftest_ui import write_article

    from reader.record import Link

    folder = tmp_path / "many"
    folder.mkdir()
    body = ["The river Ammer burst its banks at Weyford on Saturday, and 230 residents were moved "
            "to two schools while engineers examined the third section of the flood barrier."]
    for i in range(30):
        write_article(folder, f"{i:02d}.txt", f"Story {i:02d}", [f"Text {i} of its own, number {i * 7919}."],
                      date="2020-01-02")
    for i in range(12):
        write_article(folder, f"v{i:02d}.txt", f"Weyford flooded, version {i}", body, date="2020-01-03")
    w = make_window(loader=linked_loader([Link(f"https://example.net/{i}", f"Source {i}", "source")
                                          for i in range(30)]))
    with qtbot.waitSignals([w.loading_finished, w.loader.stories_changed], timeout=30000):
        w.open_paths([str(folder)])
    w.select_key(str(folder / "v00.txt"))
    walk_list(qtbot, w.panel.src_view, w.panel.sources.rowCount())
    versions = w.stories.versions
    qtbot.waitUntil(lambda: versions.model.rowCount() == 12)
    walk_list(qtbot, versions.view, 12)
    w.stories.by_story.setChecked(True)
    walk_list(qtbot, w.stories.tree, w.stories.filter.rowCount())


# -- the menus without a mouse -----------------------------------------------------------------
def test_every_menu_opens_from_the_keyboard_and_every_item_is_in_one(qtbot, make_window, news):
    from PySide6.QtWidgets import QApplication

    w = make_window()
    open_and_wait(qtbot, w, [news])
    bar = w.menuBar()
    menus = [a.menu() for a in bar.actions() if a.menu()]
    keys = [m.title()[m.title().index("&") + 1].upper() for m in menus]
    assert len(set(keys)) == len(keys)  # one Alt+letter each
    for menu, key in zip(menus, keys):
        w.list_view.setFocus()
        qtbot.keyClick(w, getattr(Qt.Key, f"Key_{key}"), Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda menu=menu: QApplication.activePopupWidget() is menu)
        menu.close()
    in_menus = set()

    def collect(menu):
        for a in menu.actions():
            in_menus.add(a)
            if a.menu():
                collect(a.menu())
    w.actions_.recent_menu.aboutToShow.emit()  # (Open Recent fills itself when opened)
    for m in menus:
        collect(m)
    missing = [a.text() for a in w.actions() if a not in in_menus]
    assert missing == []  # every action the window has is in a menu the keyboard opens


def keyboard_menu(w, view):
    """The context menu the Menu key opens on ``view`` (Qt puts it at the input cursor)."""
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    w.menus.last = None
    rect = view.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
    at = (rect.toRect() if hasattr(rect, "toRect") else rect).center()
    QApplication.sendEvent(view, QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, at, view.mapToGlobal(at)))
    menu = w.menus.last
    assert menu is not None
    menu.close()
    return {a.text().replace("&", ""): a for a in menu.actions() if not a.isSeparator()}


def test_the_menu_key_opens_the_list_and_organisation_menus_on_the_current_row(qtbot, make_window, news):
    from PySide6.QtWidgets import QApplication

    w = make_window()
    open_and_wait(qtbot, w, [news])
    w.select_key(str(news / "b.txt"))
    w.list_view.setFocus()
    keyboard_menu(w, w.list_view)["Copy Title"].trigger()
    assert QApplication.clipboard().text() == "Acme profits <b>rise</b>"
    w.select_key(str(news / "a.txt"))
    view = w.panel.org_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End)
    name = w.panel.organisations.rows[-1].name
    keyboard_menu(w, view)["Copy Name"].trigger()
    assert QApplication.clipboard().text() == name


def test_the_menu_key_on_a_source_offers_its_own_address(qtbot, make_window, statement):
    from PySide6.QtWidgets import QApplication

    from reader.record import Link

    w = make_window(loader=linked_loader([Link("https://gov.example.org/second", "Second", "source")]))
    open_and_wait(qtbot, w, [statement])
    view = w.panel.src_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End)
    rect = view.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
    from PySide6.QtGui import QContextMenuEvent
    at = rect.center()
    QApplication.sendEvent(view, QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, at, view.mapToGlobal(at)))
    menu = w.panel.last_menu
    menu.close()
    next(a for a in menu.actions() if a.text() == "Copy URL").trigger()
    assert QApplication.clipboard().text() == "https://gov.example.org/second"


def test_the_story_view_keeps_accessible_names(qtbot, make_window, news):
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLineEdit, QTextEdit

    w = make_window()
    open_and_wait(qtbot, w, [news])
    w.list_view.setFocus()
    qtbot.keyClick(w.list_view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert w.stories.tree.isVisible()
    controls = [c for kind in (QAbstractButton, QLineEdit, QAbstractItemView, QTextEdit) for c in w.findChildren(kind)]
    unnamed = [type(c).__name__ for c in controls if c.isVisibleTo(w) and not c.accessibleName()
               and not type(c).__name__.startswith("QHeader") and "qt_" not in c.objectName()]
    assert unnamed == []
    assert w.stories.tree.hasFocus()  # and the keyboard is on it


def test_tab_runs_from_the_story_tree_to_the_text_and_back(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    w.stories.by_story.setChecked(True)
    w.activateWindow()
    w.stories.tree.setFocus()
    qtbot.waitUntil(w.stories.tree.hasFocus)
    assert tab(qtbot) is w.pane
    assert tab(qtbot) is w.panel.org_view
    assert tab(qtbot, back=True) is w.pane
    assert tab(qtbot, back=True) is w.stories.tree


def test_dragging_the_lists_edge_with_the_mouse_folds_it_and_the_menu_knows(qtbot, make_window, news):
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    from reader.ui.layout import LIST

    w = make_window()
    open_and_wait(qtbot, w, [news])
    handle = w.splitter.handle(1)  # between the list and the text
    middle = handle.rect().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=middle)
    for x in (-50, -150, -handle.mapTo(w.splitter, QPoint(0, 0)).x()):  # to the window's border
        QTest.mouseMove(handle, QPoint(x, middle.y()))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=QPoint(-handle.mapTo(w.splitter, QPoint(0, 0)).x(), middle.y()))
    qtbot.waitUntil(lambda: w.splitter.sizes()[LIST] == 0)
    assert not w.actions_.show_list.isChecked()
    qtbot.keyClick(w.pane, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert w.splitter.sizes()[LIST] > 150


def test_a_linked_organisation_name_keeps_its_link(qtbot, make_window, statement, opened_urls):
    """A link whose words are a highlight ("the Red Cross" linked to its site) was shown
    as the highlight alone: its link could not be opened at all."""
    from PySide6.QtGui import QHelpEvent, QTextCursor
    from PySide6.QtWidgets import QApplication, QToolTip

    from reader.record import Link

    site = "https://un.example.org/"
    w = make_window(loader=linked_loader([Link(site, "United Nations", "inline"),
                                          Link(WALKED[1], "the archive", "inline")]))
    open_and_wait(qtbot, w, [statement])
    found = w.pane.document().find("United Nations")
    c = QTextCursor(w.pane.document())
    c.setPosition(found.selectionStart() + 3)
    at = w.pane.cursorRect(c).center()
    view = w.pane.viewport()
    QApplication.sendEvent(view, QHelpEvent(QHelpEvent.Type.ToolTip, at, view.mapToGlobal(at)))
    assert QToolTip.text().startswith("United Nations") and QToolTip.text().endswith(f"Link: {site}")
    qtbot.mouseMove(view, at)
    qtbot.waitUntil(lambda: w.statusBar().currentMessage() == site)
    with qtbot.waitSignal(w.organisation_selected):  # a click still marks the organisation
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=at)
    assert opened_urls == []
    items = context_menu_at(w, at)
    items["Copy Link Address"].trigger()
    assert QApplication.clipboard().text() == site
    assert "Show Articles Naming It" in items

    w.activateWindow()
    w.list_view.setFocus()
    qtbot.waitUntil(w.list_view.hasFocus)
    assert tab(qtbot) is w.pane
    assert tab(qtbot) is w.pane and w.pane.focused_link() == site
    assert w.pane.textCursor().selectedText() == "United Nations"
    qtbot.keyClick(w.pane, Qt.Key.Key_Return)
    assert opened_urls == [site]
    assert tab(qtbot) is w.pane and w.pane.focused_link() == WALKED[1]


def test_a_link_around_a_highlight_is_one_stop_for_tab(qtbot, make_window, statement):
    from reader.record import Link

    vote = Link("https://un.example.org/vote", "The United Nations agreed", "inline")
    w = make_window(loader=linked_loader([vote]))
    open_and_wait(qtbot, w, [statement])
    w.activateWindow()
    w.pane.setFocus()
    qtbot.waitUntil(w.pane.hasFocus)
    assert tab(qtbot) is w.pane
    assert w.pane.textCursor().selectedText() == "The United Nations agreed"
    assert tab(qtbot) is w.panel.org_view


def context_menu_at(w, pos):
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    w.menus.last = None
    view = w.pane.viewport()
    QApplication.sendEvent(view, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.mapToGlobal(pos)))
    menu = w.menus.last
    menu.close()
    return {a.text().replace("&", ""): a for a in menu.actions() if not a.isSeparator()}


@pytest.mark.parametrize("labels, placed", [
    (["alpha beta", "gamma"], ["alpha beta", "gamma"]),
    (["gamma", "alpha beta"], ["alpha beta", "gamma"]),          # linked out of order
    (["alpha beta", "beta gamma"], ["alpha beta"]),              # over one already placed
    (["beta", "alpha beta gamma"], ["beta"]),                    # around one already placed
    (["gamma", "alpha", "beta"], ["alpha", "beta", "gamma"]),
    (["delta", "alpha"], ["alpha"]),                              # not in the text
])
def test_link_spans_place_each_label_once_in_order(labels, placed):
    from conftest_ui import make_article

    from reader.record import Link
    from reader.ui.links import link_spans

    article = make_article("/x/a.txt", "T", ["alpha beta gamma"],
                           links=[Link(f"https://example.org/{n}", label, "inline") for n, label in enumerate(labels)])
    spans = link_spans(article)
    assert [article.text[s:e] for s, e, _url in spans] == placed
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_showing_articles_leaves_their_links_unwalked_until_tab(qtbot, make_window, news, monkeypatch):
    import reader.ui.links as links

    walked = []
    real = links.document_links
    monkeypatch.setattr(links, "document_links", lambda *a, **k: walked.append(1) or real(*a, **k))
    w = make_window()
    open_and_wait(qtbot, w, [news])
    for name in ("a.txt", "b.txt", "c.txt", "a.txt"):
        w.select_key(str(news / name))
    assert walked == []  # (only a Tab in the text needs them)
