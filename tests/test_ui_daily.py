"""The window for daily use (issue #17): small windows, links, keeping your place,
the keyboard, context menus."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest_ui import (config_dir, make_window, news, open_and_wait, opened_urls,  # noqa: F401
                         write_article)
from PySide6.QtCore import Qt

from reader.ui.layout import LIST, PANE, PANEL, SIDE_FLOOR

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "grabbing the keyboard", "support raise")

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
    assert w.splitter.sizes()[LIST] >= SIDE_FLOOR[0] and w.splitter.sizes()[PANEL] >= SIDE_FLOOR[1]
    w.resize(1440, 900)
    qtbot.waitUntil(lambda: w.width() == 1440)
    w.resize(*size)
    qtbot.waitUntil(lambda: w.width() == size[0])
    assert chars_across(w) >= 55


def test_the_sides_get_their_width_back_when_the_window_grows_again(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    w.resize(1440, 900)
    qtbot.waitUntil(lambda: w.width() == 1440)
    before = w.splitter.sizes()
    w.resize(900, 600)
    qtbot.waitUntil(lambda: w.splitter.sizes()[LIST] < before[LIST])
    w.resize(1440, 900)
    qtbot.waitUntil(lambda: w.width() == 1440)
    assert w.splitter.sizes() == before


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


# -- links ---------------------------------------------------------------------------
def linked_loader(links):
    """The stand-in loader, with ``links`` (Link records) added to every article."""
    from dataclasses import replace

    from conftest_ui import stand_in_discover, stand_in_load

    from reader.ui.worker import Loader

    def load(path):
        return [replace(a, links=a.links + tuple(links)) for a in stand_in_load(path)]

    return Loader(load=load, discover=stand_in_discover)


def anchor_of(pane, text: str) -> str:
    """The link target on the first occurrence of ``text`` in the pane ('' if none)."""
    from PySide6.QtGui import QTextCursor

    found = pane.document().find(text)
    assert not found.isNull(), text
    c = QTextCursor(pane.document())
    c.setPosition(found.selectionStart() + 1)
    return c.charFormat().anchorHref()


@pytest.fixture
def statement(tmp_path):
    folder = tmp_path / "statement"
    folder.mkdir()
    write_article(folder, "s.txt", "Ministry statement", [
        "The ministry spoke on Monday.",
        "Read the full statement on the ministry's website. The United Nations agreed.",
        "Write to the press office or see the archive.",
    ], source="https://gov.example.org/statement")
    return folder


def test_in_text_web_links_are_links_with_their_url_shown(qtbot, make_window, statement, opened_urls):
    from reader.record import Link

    w = make_window(loader=linked_loader([
        Link("https://gov.example.org/full", "the ministry's website", "inline"),
        Link("mailto:press@gov.example.org", "the press office", "inline"),
        Link("javascript:alert(1)", "the archive", "inline"),
    ]))
    open_and_wait(qtbot, w, [statement])
    assert anchor_of(w.pane, "the ministry's website") == "https://gov.example.org/full"
    assert anchor_of(w.pane, "the press office") == ""  # not a web link: plain text
    assert anchor_of(w.pane, "the archive") == ""
    assert anchor_of(w.pane, "United Nations").startswith("mention:")  # the highlight stays
    assert "The ministry spoke on Monday." in w.pane.toPlainText()

    found = w.pane.document().find("the ministry's website")
    from PySide6.QtGui import QTextCursor
    c = QTextCursor(w.pane.document())
    c.setPosition(found.selectionStart() + 3)
    point = w.pane.cursorRect(c).center()
    qtbot.mouseMove(w.pane.viewport(), point)
    qtbot.waitUntil(lambda: w.statusBar().currentMessage() == "https://gov.example.org/full")
    qtbot.mouseClick(w.pane.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert opened_urls == ["https://gov.example.org/full"]


def test_sources_open_on_double_click_or_enter_only(qtbot, make_window, statement, opened_urls):
    w = make_window()
    open_and_wait(qtbot, w, [statement])
    view = w.panel.src_view
    rect = view.visualRect(w.panel.sources.index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened_urls == []
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened_urls == ["https://gov.example.org/statement"]
    assert "Opened https://gov.example.org/statement" in w.statusBar().currentMessage()


def test_a_source_whose_label_repeats_the_headline_shows_its_address(qtbot, make_window, statement):
    from reader.record import Link

    w = make_window(loader=linked_loader([Link("https://gov.example.org/s2", "Ministry  statement",
                                               "source")]))
    open_and_wait(qtbot, w, [statement])
    labels = [w.panel.sources.index(r, 0).data() for r in range(w.panel.sources.rowCount())]
    assert labels == ["gov.example.org/statement", "gov.example.org/s2"]


def test_a_browser_that_cannot_start_is_reported_as_a_failure(qtbot, make_window, statement,
                                                              monkeypatch):
    from PySide6.QtGui import QDesktopServices

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    w = make_window()
    open_and_wait(qtbot, w, [statement])
    with qtbot.waitSignal(w.link_failed):
        assert not w.open_link("https://gov.example.org/statement")
    message = w.statusBar().currentMessage()
    assert "Could not open" in message and "Opened" not in message


def test_open_page_in_browser_opens_the_articles_own_page(qtbot, make_window, statement, news,
                                                          opened_urls):
    w = make_window()
    open_and_wait(qtbot, w, [statement])
    w.pane.setFocus()
    qtbot.keyClick(w.pane, Qt.Key.Key_B, CTRL_SHIFT)
    assert opened_urls == ["https://gov.example.org/statement"]
    open_and_wait(qtbot, w, [news])
    w.select_key(str(news / "c.txt"))  # no source line
    assert not w.open_page()
    assert "no web address" in w.statusBar().currentMessage()
    assert opened_urls == ["https://gov.example.org/statement"]


# -- keeping your place ----------------------------------------------------------------
def test_clicking_a_highlight_keeps_the_place_and_counts_from_it(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    w.select_key(str(news / "c.txt"))
    un = sorted(next(o for o in w.current.organisations if o.name == "United Nations").mentions,
                key=lambda m: m.start)
    assert len(un) == 3
    third = un[2]
    bar = w.pane.verticalScrollBar()
    w.pane.setTextCursor(w.pane.cursor_for(third.start, third.start))
    w.pane.ensureCursorVisible()
    scrolled = bar.value()
    assert scrolled > 0  # (the mention is far down the article)
    rect = w.pane.cursorRect(w.pane.cursor_for(third.start + 2, third.start + 2))
    with qtbot.waitSignal(w.organisation_selected):
        qtbot.mouseClick(w.pane.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.panel.mark_label.text() == "3/3"
    assert bar.value() == scrolled
    qtbot.keyClick(w.pane, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert w.panel.mark_label.text() == "2/3"


# -- the keyboard ----------------------------------------------------------------------
def test_tab_runs_list_pane_organisations_sources(qtbot, make_window, news):
    from PySide6.QtWidgets import QApplication

    w = make_window()
    open_and_wait(qtbot, w, [news])
    w.select_key(str(news / "a.txt"))  # highlights and a source to walk past
    w.activateWindow()
    w.list_view.setFocus()
    qtbot.waitUntil(w.list_view.hasFocus)
    seen = [w.list_view]
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [w.list_view, w.pane, w.panel.org_view, w.panel.src_view]


@pytest.fixture
def many(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(60):
        write_article(folder, f"{i:02d}.txt", f"Story {i:02d}", [f"Text {i}."],
                      date=f"2020-01-{i % 28 + 1:02d}")
    return folder


def test_home_end_and_page_keys_move_in_the_article_list(qtbot, make_window, many):
    w = make_window()
    open_and_wait(qtbot, w, [many])
    view = w.list_view
    view.setFocus()
    w.select_row(5)
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.currentIndex().row() == 59
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.currentIndex().row() == 0
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    down = view.currentIndex().row()
    assert down > 5
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert view.currentIndex().row() < down
    assert w.current.title == w.proxy.index(view.currentIndex().row(), 0).data()


def test_home_and_end_move_in_the_organisations_list(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    w.select_key(str(news / "a.txt"))
    view = w.panel.org_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.currentIndex().row() == w.panel.organisations.rowCount() - 1 > 0
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.currentIndex().row() == 0


# -- context menus -----------------------------------------------------------------------
def context_menu(w, viewport, pos):
    """Right-click at ``pos`` of ``viewport``; the menu that opened, as {text: action}."""
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    w.menus.last = None
    QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos,
                                                       viewport.mapToGlobal(pos)))
    menu = w.menus.last
    assert menu is not None and menu.isVisible()
    menu.close()
    return {a.text().replace("&", ""): a for a in menu.actions() if not a.isSeparator()}


def row_point(w, key):
    index = w.proxy.mapFromSource(w.model.index(w.model.row_of(key), 0))
    return w.list_view.visualRect(index).center()


def test_article_list_menu_acts_on_the_row_under_the_pointer(qtbot, make_window, news, opened_urls):
    from PySide6.QtWidgets import QApplication

    w = make_window()
    open_and_wait(qtbot, w, [news])
    w.select_key(str(news / "c.txt"))
    items = context_menu(w, w.list_view.viewport(), row_point(w, str(news / "a.txt")))
    assert {"Open Page in Browser", "Copy Title", "Copy Page Address", "Copy File Path",
            "Show File in Its Folder", "Export Article…"} <= set(items)
    items["Copy Title"].trigger()
    assert QApplication.clipboard().text() == "Aid talks resume"
    items["Copy Page Address"].trigger()
    assert QApplication.clipboard().text() == "https://news.example.com/aid"
    items["Copy File Path"].trigger()
    assert QApplication.clipboard().text() == str(news / "a.txt")
    items["Open Page in Browser"].trigger()
    items["Show File in Its Folder"].trigger()
    assert opened_urls == ["https://news.example.com/aid", QUrl_file(news)]
    asked = []
    w.ask_save_path = lambda suggested, filters: asked.append(suggested) or ("", "")
    items["Export Article…"].trigger()
    assert "aid-talks-resume" in asked[0]
    assert w.current.key == str(news / "c.txt")  # the selection did not move

    items = context_menu(w, w.list_view.viewport(), row_point(w, str(news / "c.txt")))
    assert not items["Open Page in Browser"].isEnabled()  # no web address
    assert not items["Copy Page Address"].isEnabled()


def QUrl_file(path):  # noqa: N802
    from PySide6.QtCore import QUrl
    return QUrl.fromLocalFile(str(path)).toString()


def test_organisation_menu_lists_its_articles_and_copies_its_name(qtbot, make_window, news):
    from PySide6.QtWidgets import QApplication

    w = make_window()
    open_and_wait(qtbot, w, [news])
    w.select_key(str(news / "a.txt"))
    view = w.panel.org_view
    row = w.panel.organisations.row_of("Red Cross")
    items = context_menu(w, view.viewport(), view.visualRect(w.panel.organisations.index(row, 0)).center())
    items["Copy Name"].trigger()
    assert QApplication.clipboard().text() == "Red Cross"
    items["Mark Its Mentions"].trigger()
    assert w.pane.mark_count == 1
    items["Show Articles Naming It"].trigger()
    assert w.proxy.rowCount() == 1


def test_pane_menu_copies_the_real_link_and_searches_the_selection(qtbot, make_window, statement,
                                                                   news):
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication

    from reader.record import Link

    w = make_window(loader=linked_loader([
        Link("https://gov.example.org/full", "the ministry's website", "inline")]))
    open_and_wait(qtbot, w, [statement])

    def point_at(text):
        found = w.pane.document().find(text)
        c = QTextCursor(w.pane.document())
        c.setPosition(found.selectionStart() + 2)
        return w.pane.cursorRect(c).center()

    items = context_menu(w, w.pane.viewport(), point_at("the ministry's website"))
    assert "Copy Link Location" not in items
    items["Copy Link Address"].trigger()
    assert QApplication.clipboard().text() == "https://gov.example.org/full"

    items = context_menu(w, w.pane.viewport(), point_at("United Nations"))
    items["Copy “United Nations”"].trigger()
    assert QApplication.clipboard().text() == "United Nations"
    assert not items["Copy"].isEnabled()  # nothing selected

    w.pane.setTextCursor(w.pane.document().find("full statement"))
    items = context_menu(w, w.pane.viewport(), point_at("The ministry spoke"))
    items["Copy"].trigger()
    assert QApplication.clipboard().text() == "full statement"
    items["Search the Folder for “full statement”"].trigger()
    assert w.filter_edit.text() == "full statement"
    assert "Open Page in Browser" in items


# -- find and search ---------------------------------------------------------------------
def test_the_find_bar_stays_open_and_finds_in_the_next_article(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    w.select_key(str(news / "a.txt"))
    w.pane.setFocus()
    qtbot.keyClick(w.pane, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(w.find_bar.edit, "the")
    assert w.find_bar.count.text()
    qtbot.keyClick(w.find_bar.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # next article
    assert w.current.key != str(news / "a.txt")
    assert w.find_bar.isVisible() and w.find_bar.edit.text() == "the"
    expected = w.pane.toPlainText().lower().count("the")
    assert expected and w.find_bar.count.text() == f"1/{expected}"


def test_the_search_boxs_words_are_marked_in_the_article_it_opens(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    w.filter_edit.setText("harvest weather")
    w.apply_filter()
    assert w.current.key == str(news / "c.txt")
    words = [c.selectedText().lower() for c in w.pane._terms]
    assert words.count("harvest") == 80 and words.count("weather") == 80
    sels = {(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in w.pane.extraSelections()}
    assert {(c.selectionStart(), c.selectionEnd()) for c in w.pane._terms} <= sels
    w.filter_edit.clear()
    w.apply_filter()
    assert w.pane.search_term_count == 0 and not w.pane.extraSelections()


@pytest.mark.parametrize("query, text, found", [
    ("acme ", "Acme and ACME, not Acmeville.", ["Acme", "ACME"]),
    ("acm", "Acme and Acmeville.", ["Acme", "Acmeville"]),  # still typing: a prefix
    ("acm ", "Acme and acm.", ["acm"]),
    ('"red cross" aid', "The Red  Cross sent aid; red, then cross.", ["Red  Cross", "aid"]),
    ("org:Acme", "Acme", []),
    ("über", "Die Über-Nacht", ["Über"]),
])
def test_search_term_spans(query, text, found):
    from reader.ui.terms import term_spans

    assert [text[s:e] for s, e in term_spans(text, query)] == found


# -- details -------------------------------------------------------------------------------
def test_the_title_column_has_room_and_domains_are_not_cut(qtbot, make_window, news, config_dir):
    w = make_window()
    w.resize(1440, 900)
    open_and_wait(qtbot, w, [news])
    qtbot.waitUntil(lambda: w.width() == 1440)
    header = w.list_view.horizontalHeader()
    assert header.sectionSize(0) >= 280
    needed = w.list_view.fontMetrics().horizontalAdvance("foxbusiness.com") + 8
    assert header.sectionSize(2) >= needed


def test_the_selected_organisations_swatch_keeps_its_colour(qtbot, make_window, news):
    from PySide6.QtGui import QIcon

    w = make_window()
    open_and_wait(qtbot, w, [news])
    w.select_key(str(news / "a.txt"))
    w.panel.select("United Nations")
    icon = w.panel.organisations.index(0, 0).data(Qt.ItemDataRole.DecorationRole)
    colour = w.panel.organisations.rows[0].colour
    selected = icon.pixmap(14, 14, QIcon.Mode.Selected).toImage().pixelColor(7, 7)
    assert selected.name() == colour.name()


def test_after_opening_the_first_row_is_shown_not_the_first_loaded(qtbot, make_window, many):
    w = make_window()
    open_and_wait(qtbot, w, [many])
    assert w.list_view.currentIndex().row() == 0
    assert w.current.title == w.proxy.index(0, 0).data()


def test_an_article_picked_while_loading_stays_shown(qtbot, make_window, many):
    w = make_window()
    picked = []

    def pick(_chunk):
        if not picked and w.model.rowCount() >= 2:
            row = w.proxy.rowCount() - 1
            w.select_row(row)
            picked.append(w.current.key)

    w.feeder.fed.connect(pick)
    open_and_wait(qtbot, w, [many])
    assert picked and w.current.key == picked[0]


def test_while_loading_the_count_is_the_lists(qtbot, make_window, many):
    w = make_window()
    seen = []
    w.feeder.fed.connect(lambda _chunk: w.loader.busy and seen.append((w.count_label.text(),
                                                                       w.model.rowCount())))
    open_and_wait(qtbot, w, [many])
    assert seen
    for label, rows in seen:
        assert label == f"{rows:,} in the list, loading…"
    assert w.count_label.text() == "60 articles"


# -- read and unread, and where the reader stopped -----------------------------------------
def is_bold(w, key) -> bool:
    from PySide6.QtWidgets import QStyleOptionViewItem

    index = w.proxy.mapFromSource(w.model.index(w.model.row_of(key), 0))
    option = QStyleOptionViewItem()
    w.list_view.itemDelegate().initStyleOption(option, index)
    return option.font.bold()


def test_unread_rows_are_bold_until_read_a_moment(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    shown = w.current.key
    keys = [str(news / n) for n in ("a.txt", "b.txt", "c.txt")]
    assert all(is_bold(w, k) for k in keys)  # (the one shown while loading was not read)
    w.reading.timer.setInterval(50)
    qtbot.waitUntil(lambda: not is_bold(w, shown))
    others = [k for k in keys if k != shown]
    w.select_key(others[0])
    w.select_key(others[1])  # skipped past at once: still unread
    qtbot.waitUntil(lambda: not is_bold(w, others[1]))
    assert is_bold(w, others[0])


def test_mark_all_read_and_mark_unread_from_the_list_menu(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    w.list_view.setFocus()
    qtbot.keyClick(w.list_view, Qt.Key.Key_R, CTRL_SHIFT)
    assert not any(is_bold(w, str(news / n)) for n in ("a.txt", "b.txt", "c.txt"))
    assert "Marked 3 articles as read" in w.statusBar().currentMessage()
    items = context_menu(w, w.list_view.viewport(), row_point(w, str(news / "b.txt")))
    items["Mark as Unread"].trigger()
    assert is_bold(w, str(news / "b.txt"))
    items = context_menu(w, w.list_view.viewport(), row_point(w, str(news / "b.txt")))
    assert "Mark as Read" in items


def test_show_only_unread(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    first = w.current.key
    w.list_view.setFocus()
    qtbot.keyClick(w.list_view, Qt.Key.Key_U, CTRL_SHIFT)
    assert w.actions_.unread_only.isChecked()
    assert w.proxy.rowCount() == 4  # all unread (one unreadable), the first being read
    w.reading.timer.setInterval(10)
    w.select_key(str(news / "a.txt") if first != str(news / "a.txt") else str(news / "b.txt"))
    qtbot.waitUntil(lambda: w.reading.state.is_read(w.current.key))
    w.select_key(str(news / "c.txt"))
    keys = {w.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 3) for r in range(w.proxy.rowCount())}
    assert len(keys) == 3 and str(news / "c.txt") in keys  # the one read and left is gone
    w.actions_.unread_only.trigger()
    assert w.proxy.rowCount() == 4


def test_reading_state_and_position_outlive_a_restart(qtbot, make_window, news, tmp_path):
    from conftest_ui import stand_in_discover, stand_in_load

    from reader.library import Library
    from reader.ui.worker import Loader

    def window():
        library = Library(cache=tmp_path / "cache" / "cache.sqlite3", load=stand_in_load,
                          discover=stand_in_discover)
        return make_window(loader=Loader(library=library))

    w = window()
    open_and_wait(qtbot, w, [news])
    long_one = str(news / "c.txt")
    w.select_key(long_one)
    bar = w.pane.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    top = w.reading.top_position()
    assert top > 0
    w.close()

    w2 = window()
    open_and_wait(qtbot, w2, [news])
    assert not is_bold(w2, long_one)
    w2.select_key(long_one)
    assert w2.pane.verticalScrollBar().value() > 0
    assert abs(w2.reading.top_position() - top) < 80  # the same line, give or take one


# -- export ----------------------------------------------------------------------------------
def test_export_starts_where_and_as_the_last_one_went(qtbot, make_window, news, tmp_path):
    out = tmp_path / "exports"
    out.mkdir()
    w = make_window()
    open_and_wait(qtbot, w, [news])
    w.select_key(str(news / "a.txt"))
    asked = []

    def answer(path, chosen):
        def ask(suggested, filters):
            asked.append((suggested, filters))
            return str(path), chosen
        return ask

    w.ask_save_path = answer(out / "aid.md", "Markdown (*.md)")
    w.actions_.export_article.trigger()
    assert (out / "aid.md").exists()
    assert asked[0][0].startswith(str(Path.home()))  # the first time: the home folder
    w.close()

    w2 = make_window()  # and after a restart
    open_and_wait(qtbot, w2, [news])
    w2.select_key(str(news / "b.txt"))
    w2.ask_save_path = answer("", "")
    w2.actions_.export_article.trigger()
    suggested, filters = asked[1]
    assert suggested == str(out / "acme-profits-b-rise-b.md")
    assert filters[0] == "Markdown (*.md)"


def test_export_all_offers_formats_by_name(qtbot, make_window, news, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    offered = []

    def get_item(parent, title, label, items, current, editable):
        offered.append((label, list(items), current))
        return "HTML page (.html)", True

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    w = make_window()
    open_and_wait(qtbot, w, [news])
    out = tmp_path / "all"
    w.ask_folder = lambda title: str(out)
    with qtbot.waitSignal(w.exported, timeout=10000):
        w.actions_.export_all.trigger()
    label, items, current = offered[0]
    assert label == "Write each article as:"
    assert items[current] == "Plain text (.txt)"
    assert set(items) == {"Plain text (.txt)", "Markdown (.md)", "HTML page (.html)", "JSON (.json)"}
    assert sorted(p.suffix for p in out.iterdir()) == [".html"] * 3
    with qtbot.waitSignal(w.exported, timeout=10000):
        w.actions_.export_all.trigger()
    assert offered[1][1][offered[1][2]] == "HTML page (.html)"  # the last one's first


def test_columns_first_shown_after_the_welcome_view_get_their_widths(qtbot, make_window, news):
    w = make_window()
    w.resize(1440, 860)
    w.show_welcome()
    qtbot.waitUntil(lambda: w.width() == 1440)
    open_and_wait(qtbot, w, [news])
    assert w.splitter.sizes()[LIST] >= 500


@pytest.mark.parametrize("size, folded", [((900, 600), {1, 2, 3}), ((1440, 900), set())])
def test_the_list_shows_a_readable_title_without_scrolling_sideways(qtbot, make_window, news, size,
                                                                     folded):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    w.resize(*size)
    qtbot.waitUntil(lambda: w.width() == size[0])
    view, header = w.list_view, w.list_view.horizontalHeader()
    qtbot.waitUntil(lambda: not view.horizontalScrollBar().isVisible())
    assert view.horizontalScrollBar().maximum() == 0  # nothing to scroll to
    shown = {c for c in range(4) if not header.isSectionHidden(c)}
    assert shown == {0, 1, 2, 3} - folded
    assert header.sectionSize(0) >= view.fontMetrics().averageCharWidth() * 20
    title = w.proxy.index(0, 0).data()
    rect = view.visualRect(w.proxy.index(0, 0))
    assert rect.width() > 0 and view.viewport().rect().contains(rect.center())
    if not folded:
        assert title and header.sectionSize(0) >= view.fontMetrics().horizontalAdvance(title)


def test_a_folded_column_comes_back_when_the_list_widens(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    header = w.list_view.horizontalHeader()
    widths = [header.sectionSize(c) for c in (1, 2, 3)]
    w.resize(900, 600)
    qtbot.waitUntil(lambda: header.isSectionHidden(3))
    w.resize(1440, 900)
    qtbot.waitUntil(lambda: not header.isSectionHidden(3))
    assert [header.sectionSize(c) for c in (1, 2, 3)] == widths


def test_the_story_tree_folds_its_columns_too(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    w.stories.by_story.setChecked(True)
    w.resize(900, 600)
    tree = w.stories.tree
    qtbot.waitUntil(lambda: w.width() == 900)
    qtbot.waitUntil(lambda: not tree.horizontalScrollBar().isVisible())
    assert tree.header().sectionSize(0) >= tree.fontMetrics().averageCharWidth() * 20


def test_organisation_rows_grow_to_show_a_long_name_whole(qtbot, make_window, tmp_path, monkeypatch):
    import conftest_ui

    long = "International Federation of Red Cross and Red Crescent Societies"
    monkeypatch.setitem(conftest_ui.ORGS, long, ("IFRC",))
    folder = tmp_path / "long"
    folder.mkdir()
    write_article(folder, "f.txt", "Appeal", [f"The {long} (IFRC) launched an appeal."])
    w = make_window()
    open_and_wait(qtbot, w, [folder])
    w.resize(1440, 900)
    qtbot.waitUntil(lambda: w.width() == 1440)
    w.splitter.setSizes([500, 560, 380])  # a panel with room (a narrow one shows one line a name)
    view, model = w.panel.org_view, w.panel.organisations
    row = model.row_of(long)
    assert row >= 0
    width = view.header().sectionSize(0)
    assert view.fontMetrics().horizontalAdvance(long) > width  # (it has to wrap)
    lines = view.fontMetrics().horizontalAdvance(long) // width + 2  # the name, then "also: IFRC"
    qtbot.waitUntil(lambda: view.visualRect(model.index(row, 0)).height() >= lines * view.fontMetrics().lineSpacing())
