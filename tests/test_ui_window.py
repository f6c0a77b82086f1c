"""The reader window, driven as a user would: open, read, click, filter, export."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest_ui import (config_dir, make_window, news, open_and_wait, opened_urls,  # noqa: F401
                         write_article)
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QUrl
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QLineEdit, QProgressDialog,
                               QPushButton, QTextEdit)


pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def titles(window):
    proxy = window.proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def select_title(qtbot, window, title):
    for r in range(window.proxy.rowCount()):
        if window.proxy.index(r, 0).data() == title:
            window.select_row(r)
            assert window.current.title == title
            return
    raise AssertionError(f"{title!r} not in the list: {titles(window)}")


def test_open_folder_lists_articles_and_marks_unreadable(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    assert sorted(titles(w)) == sorted(["Aid talks resume", "Acme profits <b>rise</b>",
                                        "A long report", "d.txt"])
    row = w.model.row_of(str(news / "d.txt"))
    tip = w.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "empty" in tip
    aid = w.model.index(w.model.row_of(str(news / "a.txt")), 0)
    assert "cookie notice" in aid.data(Qt.ItemDataRole.ToolTipRole)
    assert aid.data(Qt.ItemDataRole.DecorationRole) is not None
    assert w.model.index(aid.row(), 2).data() == "news.example.com"
    assert w.model.index(aid.row(), 3).data() == 2  # United Nations, Red Cross
    assert "3 articles, 1 unreadable" == w.count_label.text()


def test_list_sorts_by_date_newest_first(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    dates = [w.proxy.index(r, 1).data() for r in range(w.proxy.rowCount())]
    assert dates[:3] == ["2025-02-10", "2025-01-03", "2024-12-31"]


def test_selecting_an_article_shows_it_escaped_in_the_pane(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    select_title(qtbot, w, "Aid talks resume")  # (the newest, this one, shows first)
    with qtbot.waitSignal(w.article_opened):
        select_title(qtbot, w, "Acme profits <b>rise</b>")
    text = w.pane.toPlainText()
    assert text.startswith("Acme profits <b>rise</b>")  # markup-looking text shows literally
    assert "2025-02-10 · biz.example.org" in text
    assert "Analysts said Acme would expand." in text
    assert [r.name for r in w.panel.organisations.rows] == ["Acme Corporation"]
    assert w.panel.organisations.rows[0].aliases == ("Acme",)
    assert w.panel.organisations.rows[0].here == 2


def test_first_article_opens_while_loading_and_unreadable_shows_reason(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    assert w.current is not None
    select_title(qtbot, w, "d.txt")
    assert "could not be read" in w.pane.toPlainText()
    assert w.panel.organisations.rowCount() == 0


def test_panel_click_marks_mentions_and_scrolls_to_the_first(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    select_title(qtbot, w, "A long report")
    assert w.pane.verticalScrollBar().value() == 0
    row = w.panel.organisations.row_of("United Nations")
    rect = w.panel.org_view.visualRect(w.panel.organisations.index(row, 0))
    with qtbot.waitSignal(w.organisation_selected):
        qtbot.mouseClick(w.panel.org_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.pane.mark_count == 3
    assert w.panel.mark_label.text() == "1/3"
    assert w.pane.verticalScrollBar().value() > 0  # the first mention is far down
    sels = w.pane.extraSelections()
    cursor = QTextCursor(sels[0].cursor)
    assert 0 <= w.pane.cursorRect(cursor).top() < w.pane.viewport().height()
    assert cursor.selectedText() == "United Nations"
    w.actions_.next_mention.trigger()
    assert w.panel.mark_label.text() == "2/3"
    w.actions_.previous_mention.trigger()
    w.actions_.previous_mention.trigger()
    assert w.panel.mark_label.text() == "3/3"
    qtbot.mouseClick(w.panel.next_button, Qt.MouseButton.LeftButton)
    assert w.panel.mark_label.text() == "1/3"
    w.actions_.clear_marks.trigger()  # Esc
    assert w.pane.mark_count == 0 and w.panel.mark_label.text() == ""
    assert w.panel.selected_name() is None


def test_mention_offsets_land_on_the_mention_text(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    select_title(qtbot, w, "Aid talks resume")
    for org in w.current.organisations:
        for m in org.mentions:
            assert w.pane.cursor_for(m.start, m.end).selectedText() == m.text


def test_clicking_a_highlighted_mention_selects_the_organisation(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    select_title(qtbot, w, "Aid talks resume")
    red = next(o for o in w.current.organisations if o.name == "Red Cross").mentions[0]
    cursor = w.pane.cursor_for(red.start + 2, red.start + 2)
    rect = w.pane.cursorRect(cursor)
    assert w.pane.anchorAt(rect.center()).startswith("mention:")
    with qtbot.waitSignal(w.organisation_selected) as sig:
        qtbot.mouseClick(w.pane.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sig.args == ["Red Cross"]
    assert w.panel.selected_name() == "Red Cross"
    assert w.pane.mark_count == 1


def test_mention_tooltip_names_canonical_and_aliases(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    select_title(qtbot, w, "Aid talks resume")
    assert w.pane.tooltip_for("United Nations") == "United Nations\nAlso: UN"


def test_only_selected_organisation_highlighted(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    select_title(qtbot, w, "Aid talks resume")
    assert "Red Cross" in w.pane.toHtml() and w.pane.toHtml().count("mention:") == 4
    w.panel.select("Red Cross")
    w.panel.only_box.setChecked(True)
    assert w.actions_.only_selected.isChecked()
    assert w.pane.toHtml().count("mention:") == 1
    assert w.pane.mark_count == 1
    w.panel.only_box.setChecked(False)
    assert w.pane.toHtml().count("mention:") == 4


def test_filter_box_matches_title_and_text(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    w.actions_.filter.trigger()
    assert w.filter_edit.hasFocus() or QApplication.focusWidget() is w.filter_edit
    qtbot.keyClicks(w.filter_edit, "harvest")  # only in the long report's text
    qtbot.waitUntil(lambda: titles(w) == ["A long report"], timeout=2000)  # after a pause in typing
    w.filter_edit.clear()
    assert len(titles(w)) == 4  # clearing shows all at once
    qtbot.keyClicks(w.filter_edit, "ACME")  # title, case-insensitive
    qtbot.waitUntil(lambda: titles(w) == ["Acme profits <b>rise</b>"], timeout=2000)
    w.filter_edit.clear()
    assert len(titles(w)) == 4


def test_search_results_are_listed_best_first_until_a_header_is_clicked(qtbot, make_window, tmp_path):
    """The list shows the library's rank order while a search is on, whatever column
    it was sorted by; a click on a column header still sorts the results by it."""
    folder = tmp_path / "harbours"
    folder.mkdir()
    filler = "The council met on Tuesday to discuss the budget for the coming year."
    write_article(folder, "1.txt", "Budget talks", [filler, "A harbour was mentioned once."], date="2025-03-01")
    write_article(folder, "2.txt", "Harbour dredging to start", ["The harbour will be dredged.",
                  "Harbour users welcomed the harbour plan."], date="2024-01-01")
    write_article(folder, "3.txt", "Ferry timetable", [filler, "Ferries leave the harbour hourly, "
                  "and the harbour office sells tickets."], date="2025-06-01")
    write_article(folder, "4.txt", "Weather", ["Rain all week."], date="2024-06-01")
    w = make_window()
    open_and_wait(qtbot, w, [folder])
    header = w.list_view.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(1) + 5, header.height() // 2))
    by_date = titles(w)
    assert by_date == sorted(by_date, key=lambda t: {"Budget talks": "2025-03-01", "Harbour dredging to start":
                             "2024-01-01", "Ferry timetable": "2025-06-01", "Weather": "2024-06-01"}[t],
                             reverse=header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)
    ranked = [w.library.articles[k].title for k in w.library.search("harbour")]
    assert ranked[0] == "Harbour dredging to start" and len(ranked) == 3
    assert ranked != [t for t in by_date if t in ranked]  # (else this test would prove nothing)

    w.filter_edit.setFocus()
    qtbot.keyClicks(w.filter_edit, "harbour")
    qtbot.waitUntil(lambda: titles(w) == ranked, timeout=2000)
    assert not header.isSortIndicatorShown()

    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,  # the Title header
                     pos=QPoint(header.sectionViewportPosition(0) + 5, header.height() // 2))
    assert header.isSortIndicatorShown() and header.sortIndicatorSection() == 0
    descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert titles(w) == sorted(ranked, key=str.casefold, reverse=descending)
    qtbot.keyClicks(w.filter_edit, " ")  # refining the search keeps the column's order
    w.apply_filter()
    assert titles(w) == sorted(ranked, key=str.casefold, reverse=descending)

    w.filter_edit.clear()
    assert titles(w) == sorted(by_date, key=str.casefold, reverse=descending)
    qtbot.keyClicks(w.filter_edit, "harbour")  # a new search: best first again
    w.apply_filter()
    assert titles(w) == ranked and not header.isSortIndicatorShown()


def test_the_pane_and_the_count_follow_the_filter(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    select_title(qtbot, w, "Aid talks resume")
    assert w.count_label.text() == "3 articles, 1 unreadable"
    w.filter_edit.setText("harvest")  # only the long report: the shown article is filtered out
    w.apply_filter()
    assert titles(w) == ["A long report"]
    assert w.current.title == "A long report"  # the pane moved to a listed article
    assert w.list_view.currentIndex().row() == 0
    assert w.count_label.text() == "1 shown of 3 articles, 1 unreadable"
    w.filter_edit.setText("zebra crossing")  # nothing matches
    w.apply_filter()
    assert titles(w) == [] and w.current is None
    assert "No matching articles" in w.pane.toPlainText() and "“zebra crossing”" in w.pane.toPlainText()
    assert w.count_label.text() == "0 shown of 3 articles, 1 unreadable"
    w.filter_edit.setText("")
    w.apply_filter()
    assert len(titles(w)) == 4 and w.current is not None
    assert w.count_label.text() == "3 articles, 1 unreadable"


def test_organisation_filter_with_the_shown_article_outside_it(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    select_title(qtbot, w, "A long report")
    w.filter_by_organisation("Acme Corporation")
    assert titles(w) == ["Acme profits <b>rise</b>"]
    assert w.current.title == "Acme profits <b>rise</b>"
    assert w.org_filter_label.text() == "Naming <b>Acme Corporation</b>: 1 article"
    assert w.count_label.text().startswith("1 shown of 3 articles")
    w.clear_organisation_filter()
    assert len(titles(w)) == 4 and w.current.title == "Acme profits <b>rise</b>"  # stays on it


def test_double_click_organisation_lists_articles_naming_it(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    select_title(qtbot, w, "Aid talks resume")
    row = w.panel.organisations.row_of("United Nations")
    assert w.panel.organisations.rows[row].in_folder == 2
    rect = w.panel.org_view.visualRect(w.panel.organisations.index(row, 0))
    qtbot.mouseClick(w.panel.org_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(w.panel.org_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sorted(titles(w)) == ["A long report", "Aid talks resume"]
    assert w.org_filter_bar.isVisibleTo(w)
    qtbot.mouseClick(w.org_filter_clear, Qt.MouseButton.LeftButton)
    assert len(titles(w)) == 4


def test_j_and_k_move_between_articles(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    w.select_row(0)
    w.pane.setFocus()
    first = w.current.key
    qtbot.keyClick(w.pane, Qt.Key.Key_J)
    assert w.current.key != first
    qtbot.keyClick(w.pane, Qt.Key.Key_K)
    assert w.current.key == first
    w.actions_.next_article.trigger()
    w.actions_.next_article.trigger()
    assert w.list_view.currentIndex().row() == 2


def test_find_in_article_counts_and_walks(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    select_title(qtbot, w, "Aid talks resume")
    w.actions_.find.trigger()
    assert w.find_bar.isVisible()
    qtbot.keyClicks(w.find_bar.edit, "un")
    # "UN" twice, "United" once, "resume"? no; "comment"? no; "declined"? no -> case-insensitive "un"
    expected = w.pane.toPlainText().lower().count("un")
    assert w.find_bar.count.text() == f"1/{expected}"
    qtbot.keyClick(w.find_bar.edit, Qt.Key.Key_Return)
    assert w.find_bar.count.text() == f"2/{expected}"
    qtbot.keyClick(w.find_bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert w.find_bar.count.text() == f"1/{expected}"
    w.find_bar.edit.setText("zebra")
    assert w.find_bar.count.text() == "no matches"
    qtbot.keyClick(w.find_bar.edit, Qt.Key.Key_Escape)
    assert not w.find_bar.isVisible()


def test_zoom_folder_article_and_sort_remembered_across_restart(qtbot, make_window, news, config_dir):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    select_title(qtbot, w, "A long report")
    size = w.pane.font().pointSizeF()
    w.actions_.zoom_in.trigger()
    w.actions_.zoom_in.trigger()
    assert w.pane.font().pointSizeF() > size
    w.list_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    w.close()
    assert (config_dir / "settings.json").exists()

    w2 = make_window()
    assert w2.pane.zoom == 2
    assert w2.list_view.horizontalHeader().sortIndicatorSection() == 0
    with qtbot.waitSignal(w2.loading_finished):
        assert w2.restore_session()
    assert w2.paths == [str(news.resolve())]
    assert w2.current.title == "A long report"
    assert w2.settings.recent[0] == str(news.resolve())
    w2.actions_.zoom_reset.trigger()
    assert w2.pane.font().pointSizeF() == pytest.approx(size)


def test_corrupt_settings_give_defaults_and_a_note(qtbot, make_window, config_dir):
    config_dir.mkdir()
    (config_dir / "settings.json").write_text("{not json", encoding="utf-8")
    w = make_window()
    assert w.settings.zoom == 0
    assert "damaged" in w.statusBar().currentMessage()
    assert w.stack.currentWidget() is w.welcome or not w.restore_session()
    w.close()
    import json
    assert json.loads((config_dir / "settings.json").read_text())["zoom"] == 0


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd",
                                 "data:text/html,<b>x</b>", "ftp://example.com/x", "mailto:a@b.c"])
def test_links_other_than_web_are_refused(qtbot, make_window, opened_urls, url):
    w = make_window()
    with qtbot.waitSignal(w.link_refused):
        assert not w.open_link(url)
    assert opened_urls == []
    assert "Refused" in w.statusBar().currentMessage()
    w.pane.anchorClicked.emit(QUrl(url))  # a link clicked in the pane goes the same way
    assert opened_urls == []


def test_web_links_open_in_the_browser_and_sources_panel(qtbot, make_window, news, opened_urls):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    select_title(qtbot, w, "Aid talks resume")
    assert w.panel.sources.rowCount() == 1
    assert w.panel.sources.index(0, 1).data() == "news.example.com"
    rect = w.panel.src_view.visualRect(w.panel.sources.index(0, 0))
    qtbot.mouseClick(w.panel.src_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened_urls == []  # one click selects
    qtbot.mouseDClick(w.panel.src_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened_urls == ["https://news.example.com/aid"]
    w.panel.copy_url("https://news.example.com/aid")
    assert QApplication.clipboard().text() == "https://news.example.com/aid"


def test_pane_loads_no_resource(qtbot, make_window):
    w = make_window()
    assert w.pane.loadResource(QTextDocument.ResourceType.ImageResource.value,
                               QUrl("https://tracker.example.com/pixel.gif")) is None
    assert w.pane.loadResource(QTextDocument.ResourceType.StyleSheetResource.value,
                               QUrl("https://evil.example.com/x.css")) is None
    requested = []
    original = type(w.pane).loadResource

    def spy(self, kind, url):
        requested.append(url.toString())
        return original(self, kind, url)

    type(w.pane).loadResource = spy
    try:
        w.pane.setHtml("<p>x<img src='https://tracker.example.com/pixel.gif'></p>")
        w.pane.document().size()  # force layout, which asks for images
    finally:
        type(w.pane).loadResource = original
    assert all("tracker" in u for u in requested)  # asked, and got nothing


def test_export_article_writes_the_chosen_type_and_asks_before_overwrite(
        qtbot, make_window, news, tmp_path):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    select_title(qtbot, w, "Aid talks resume")
    out = tmp_path / "out"
    out.mkdir()
    dest = out / "aid"
    w.ask_save_path = lambda suggested, filters: (str(dest), "Markdown (*.md)")
    with qtbot.waitSignal(w.exported):
        w.actions_.export_article.trigger()
    written = out / "aid.md"
    text = written.read_text(encoding="utf-8")
    assert "Aid talks resume" in text and "Red Cross joined" in text
    assert "aid.md" in w.statusBar().currentMessage()

    asked = []
    w.confirm_overwrite = lambda path: asked.append(path) or False
    w.ask_save_path = lambda suggested, filters: (str(written), "Plain text (*.txt)")
    w.actions_.export_article.trigger()
    assert asked == [str(written)]
    assert written.read_text(encoding="utf-8") == text  # not overwritten

    w.ask_save_path = lambda suggested, filters: (str(out / "aid.json"), "Plain text (*.txt)")
    w.actions_.export_article.trigger()
    import json
    assert json.loads((out / "aid.json").read_text())["title"] == "Aid talks resume"


def test_export_failure_names_file_and_reason(qtbot, make_window, news, tmp_path):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    dest = tmp_path / "missing-folder" / "x.txt"
    errors = []
    w.ask_save_path = lambda suggested, filters: (str(dest), "Plain text (*.txt)")
    w.show_error = lambda title, text: errors.append(text)
    w.actions_.export_article.trigger()
    assert len(errors) == 1 and str(dest) in errors[0]
    assert not dest.exists()


def test_export_all_writes_one_file_per_article(qtbot, make_window, news, tmp_path):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    out = tmp_path / "all"
    out.mkdir()
    w.ask_folder = lambda title: str(out)
    w.ask_export_format = lambda formats: "txt"
    with qtbot.waitSignal(w.exported, timeout=10000) as done:
        w.actions_.export_all.trigger()  # written on a worker thread
    files = sorted(p.name for p in out.iterdir())
    assert len(files) == 3, files
    assert sorted(p.name for p in done.args[0]) == files
    assert w.statusBar().currentMessage().startswith("Exported 3 articles as txt")
    assert w.exporter.dialog is None and not w.exporter.busy


def test_export_all_refuses_the_open_folder_with_the_command_lines_message(qtbot, make_window, news):
    """Export All's dialog starts in the folder being read: choosing it, or a folder
    inside it, is refused (exports there would be loaded as articles), nothing is
    written, and the list keeps its rows."""
    from reader.library.exports import SOURCES_REASON

    w = make_window()
    open_and_wait(qtbot, w, [news])
    before = sorted(p.name for p in news.iterdir())
    rows = w.model.rowCount()
    for folder in (news, news / "exports"):
        errors, formats_asked = [], []
        w.ask_folder = lambda title, folder=folder: str(folder)
        w.ask_export_format = lambda formats: formats_asked.append(formats) or "txt"
        w.show_error = lambda title, text: errors.append((title, text))
        w.actions_.export_all.trigger()
        assert errors == [("Cannot Export Here", f"{folder}: {SOURCES_REASON}")]
        assert not formats_asked and not w.exporter.busy
    qtbot.wait(2 * 250 + 100)  # what the file watcher would have seen
    assert sorted(p.name for p in news.iterdir()) == before
    assert w.model.rowCount() == rows


def test_export_article_refuses_the_open_folder(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    select_title(qtbot, w, "Aid talks resume")
    errors = []
    w.ask_save_path = lambda suggested, filters: (str(news / "aid.md"), "Markdown (*.md)")
    w.show_error = lambda title, text: errors.append(text)
    w.actions_.export_article.trigger()
    assert len(errors) == 1 and "holds source articles" in errors[0]
    assert not (news / "aid.md").exists()


def test_export_all_can_be_cancelled_and_keeps_what_was_written(qtbot, make_window, news, tmp_path,
                                                                 monkeypatch):
    import threading

    import reader.export

    w = make_window()
    open_and_wait(qtbot, w, [news])
    gate, real_write = threading.Event(), reader.export.write_atomic
    writes = []

    def slow_write(dest, content):
        real_write(dest, content)
        writes.append(dest)
        gate.wait(5)  # the first file is written, then the export waits for the test

    monkeypatch.setattr(reader.export, "write_atomic", slow_write)
    out = tmp_path / "all"
    w.ask_folder = lambda title: str(out)
    w.ask_export_format = lambda formats: "md"
    w.actions_.export_all.trigger()
    qtbot.waitUntil(lambda: len(writes) == 1, timeout=5000)
    assert w.exporter.busy
    assert w.model.rowCount() == 4  # the window stayed responsive meanwhile
    dialog = w.exporter.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=3000)  # shown once the export takes a while
    assert dialog.isModal() and dialog.value() >= 0
    shown = []

    class Shows(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Show:
                shown.append(obj)
            return False

    spy = Shows()
    dialog.installEventFilter(spy)
    with qtbot.waitSignal(w.exported, timeout=10000):
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Cancel
        gate.set()
    assert not dialog.isVisible() and not shown  # it went away and did not come back
    assert [p.name for p in out.iterdir()] == [writes[0].name]
    assert w.statusBar().currentMessage().startswith("Stopped: exported 1 article as md")


def test_welcome_view_and_samples_button(qtbot, make_window):
    w = make_window()
    assert not w.restore_session()
    assert w.stack.currentWidget() is w.welcome
    assert w.welcome.samples_button.isVisibleTo(w)  # running from a checkout
    opened = []
    w.ask_folder = lambda title: opened.append(title) or ""
    qtbot.mouseClick(w.welcome.open_button, Qt.MouseButton.LeftButton)
    assert opened


def test_drop_a_folder_opens_it(qtbot, make_window, news):
    from PySide6.QtCore import QMimeData, QPointF
    from PySide6.QtGui import QDropEvent

    w = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(news))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(w.loading_finished):
        w.dropEvent(event)
    assert w.model.rowCount() == 4


def test_open_recent_lists_last_ten(qtbot, make_window, tmp_path):
    w = make_window()
    for i in range(12):
        folder = tmp_path / f"f{i}"
        folder.mkdir()
        write_article(folder, "x.txt", f"T{i}", ["Body."])
        open_and_wait(qtbot, w, [folder])
    w.actions_.recent_menu.aboutToShow.emit()  # what opening the menu does
    entries = [a.text() for a in w.actions_.recent_menu.actions() if a.text() and not a.isSeparator()]
    assert entries[0] == str((tmp_path / "f11").resolve())
    assert len(entries) == 11  # ten folders and "Clear Recent"


def test_dark_theme_changes_palette_and_highlights(qtbot, make_window, news):
    from reader.ui.theme import is_dark

    w = make_window()
    open_and_wait(qtbot, w, [news])
    select_title(qtbot, w, "Aid talks resume")
    light_html = w.pane.toHtml()
    w.actions_.themes["dark"].trigger()
    assert is_dark(QApplication.palette())
    assert w.settings.theme == "dark"
    assert w.pane.toHtml() != light_html  # highlight colours re-chosen for dark
    w.actions_.themes["system"].trigger()


def test_every_control_has_an_accessible_name(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    w.find_bar.show()
    kinds = (QAbstractButton, QLineEdit, QAbstractItemView, QTextEdit)
    controls = [c for kind in kinds for c in w.findChildren(kind)]
    unnamed = [type(c).__name__ + ":" + (c.objectName() or getattr(c, "text", lambda: "")())
               for c in controls
               if c.isVisibleTo(w) and not c.accessibleName()
               and not type(c).__name__.startswith("QHeader")
               and c.parent() is not None and "qt_" not in c.objectName()]
    assert unnamed == []


def test_real_core_opens_the_sample_articles(qtbot, make_window):
    """With the real loader the list shows exactly what the core loads, refusals marked."""
    from reader.read.load import load_folder

    samples = Path(__file__).resolve().parents[1] / "articles"
    expected = load_folder(samples)
    w = make_window(real_loader=True)
    open_and_wait(qtbot, w, [samples])
    assert sorted(a.title for a in w.model.articles()) == sorted(a.title for a in expected.articles)
    assert w.model.rowCount() == len(expected.articles) + len(expected.failures)
    if expected.articles:
        first = expected.articles[0]
        assert w.select_key(first.key)
        assert w.pane.toPlainText().startswith(first.title or Path(first.path).name)
        if first.paragraphs:
            assert first.paragraphs[0][:40] in w.pane.toPlainText()


def test_keyboard_shortcuts_reach_their_actions(qtbot, make_window, news, tmp_path):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    select_title(qtbot, w, "Aid talks resume")
    asked = []
    w.ask_folder = lambda title: asked.append("folder") or ""
    w.ask_save_path = lambda suggested, filters: asked.append("save") or ("", "")
    ctrl = Qt.KeyboardModifier.ControlModifier
    w.pane.setFocus()
    qtbot.keyClick(w.pane, Qt.Key.Key_O, ctrl)
    qtbot.keyClick(w.pane, Qt.Key.Key_E, ctrl)
    assert asked == ["folder", "save"]
    qtbot.keyClick(w.pane, Qt.Key.Key_Equal, ctrl)
    assert w.pane.zoom == 1
    qtbot.keyClick(w.pane, Qt.Key.Key_Minus, ctrl)
    qtbot.keyClick(w.pane, Qt.Key.Key_Minus, ctrl)
    assert w.pane.zoom == -1
    qtbot.keyClick(w.pane, Qt.Key.Key_0, ctrl)
    assert w.pane.zoom == 0
    w.panel.select("United Nations")
    qtbot.keyClick(w.pane, Qt.Key.Key_F3)
    assert w.panel.mark_label.text() == "2/3"
    qtbot.keyClick(w.pane, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert w.panel.mark_label.text() == "1/3"
    qtbot.keyClick(w.pane, Qt.Key.Key_Escape)
    assert w.panel.mark_label.text() == ""
    qtbot.keyClick(w.pane, Qt.Key.Key_F, ctrl)
    assert w.find_bar.isVisible() and w.find_bar.edit.hasFocus()
    qtbot.keyClicks(w.find_bar.edit, "jk")  # letters typed in a box are text, not J/K
    assert w.find_bar.edit.text() == "jk" and w.current.title == "Aid talks resume"
    qtbot.keyClick(w.find_bar.edit, Qt.Key.Key_Escape)
    assert not w.find_bar.isVisible()
    qtbot.keyClick(w.pane, Qt.Key.Key_L, ctrl)
    assert w.filter_edit.hasFocus()
    qtbot.keyClick(w.filter_edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert w.current.title != "Aid talks resume"


def test_tab_order_runs_list_pane_panel(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    chain, widget = [], w.filter_edit
    for _ in range(16):  # (hidden widgets and the views' own parts are in the chain too)
        chain.append(widget)
        widget = widget.nextInFocusChain()
    order = [c for c in chain if c in (w.filter_edit, w.list_view, w.pane, w.panel.org_view)]
    assert order == [w.filter_edit, w.list_view, w.pane, w.panel.org_view]


def test_after_loading_the_shown_article_is_in_view(qtbot, make_window, tmp_path):
    from conftest_ui import write_article

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(150):  # the first file to arrive is the oldest: last in the date-sorted list
        write_article(folder, f"{i:03d}.txt", f"Story {i}", [f"Text {i}."],
                      date=f"20{10 + i // 12:02d}-{i % 12 + 1:02d}-01")
    w = make_window()
    open_and_wait(qtbot, w, [folder])
    assert w.current.title == "Story 149"  # the first row (newest), not the first to load
    row = w.list_view.currentIndex().row()
    assert row == 0
    qtbot.waitUntil(lambda: w.list_view.viewport().rect().contains(
        w.list_view.visualRect(w.list_view.currentIndex())), timeout=2000)


def test_closing_the_window_during_an_export_takes_its_dialog_away(qtbot, make_window, news, tmp_path,
                                                                   monkeypatch):
    import threading

    import reader.export

    w = make_window()
    open_and_wait(qtbot, w, [news])
    gate, real_write = threading.Event(), reader.export.write_atomic
    monkeypatch.setattr(reader.export, "write_atomic", lambda d, c: (real_write(d, c), gate.wait(5)))
    w.ask_folder = lambda title: str(tmp_path / "out")
    w.ask_export_format = lambda formats: "txt"
    w.actions_.export_all.trigger()
    qtbot.waitUntil(lambda: w.exporter.dialog is not None and w.exporter.dialog.isVisible(), timeout=3000)
    threading.Timer(0.2, gate.set).start()
    w.close()
    assert not any(isinstance(t, QProgressDialog) and t.isVisible() for t in QApplication.topLevelWidgets())
    assert not w.exporter.busy or w.exporter.wait(5000)
    assert len(list((tmp_path / "out").iterdir())) == 1  # stopped after the file being written


def test_the_mention_count_message_goes_with_its_article(qtbot, make_window, news):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    select_title(qtbot, w, "Aid talks resume")
    w.select_organisation("United Nations")
    assert w.statusBar().currentMessage() == "United Nations: 3 mentions in this article"
    select_title(qtbot, w, "A long report")
    assert w.statusBar().currentMessage() == ""


def test_a_long_export_folder_is_shortened_in_the_status_bar(qtbot, make_window, news, tmp_path):
    w = make_window()
    open_and_wait(qtbot, w, [news])
    out = tmp_path.joinpath(*[f"a-rather-long-folder-name-{i}" for i in range(6)])
    w.ask_folder = lambda title: str(out)
    w.ask_export_format = lambda formats: "txt"
    with qtbot.waitSignal(w.exported, timeout=10000):
        w.actions_.export_all.trigger()
    message = w.statusBar().currentMessage()
    assert message.startswith("Exported 3 articles as txt to ") and "…" in message
    assert len(message) < 100 and message.endswith(out.name[-20:])


def test_panel_headings_say_none_only_about_a_shown_article(qtbot, make_window, news):
    w = make_window()
    assert w.panel.org_title.text() == "<b>Organisations</b>"  # nothing shown yet
    open_and_wait(qtbot, w, [news])
    select_title(qtbot, w, "Aid talks resume")
    assert w.panel.org_title.text().startswith("<b>Organisations</b> (")
    w.select_key(str(news / "d.txt"))  # the unreadable file
    assert w.panel.org_title.text() == "<b>Organisations</b>"
    assert w.panel.src_title.text() == "<b>Sources</b>"


def test_a_folder_without_articles_says_so(qtbot, make_window, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.pdf").write_bytes(b"%PDF-1.4")          # not an article format
    w = make_window()
    open_and_wait(qtbot, w, [empty])
    assert w.model.rowCount() == 0
    assert w.statusBar().currentMessage() == "No article files found"
    assert "No articles here" in w.pane.toPlainText()
    assert str(empty) in w.pane.toPlainText()


def test_the_folder_names_are_worked_out_on_the_loader_thread(qtbot, make_window, news, monkeypatch):
    """The names every shown article is marked with come from the whole folder's index:
    worked out once the folder is in, on the loader's thread, not when the window shows
    the first row (a 10,000-article folder's take a while)."""
    import threading

    from reader.organisations import recognise
    from reader.ui.documents import ArticleRole

    threads = []
    real = recognise.folder_names

    def folder_names(entries):
        threads.append(threading.current_thread())
        return real(entries)

    monkeypatch.setattr(recognise, "folder_names", folder_names)
    w = make_window()
    open_and_wait(qtbot, w, [news])
    assert w.current.key == w.proxy.index(0, 0).data(ArticleRole).key  # the first row shows
    assert threads and threads[-1] is not threading.main_thread()
    made = len(threads)
    for row in range(w.proxy.rowCount()):
        w.select_row(row)
    assert len(threads) == made


def test_a_large_folder_fills_the_list_in_bounded_turns_and_shows_the_first_row(qtbot, make_window, tmp_path):
    """Rows arrive faster than the list can take them at once: the feeder hands them
    over in turns of at most FEED_TURN, every row is listed in the end, in date order,
    and the first row is the one shown."""
    from conftest_ui import write_article

    from reader.ui.documents import ArticleRole
    from reader.ui.feeder import FEED_TURN

    folder = tmp_path / "large"
    folder.mkdir()
    n = 2 * FEED_TURN + 150
    for i in range(n):
        write_article(folder, f"{i:04d}.txt", f"Story {i}", [f"Text {i}."],
                      date=f"20{10 + i % 15:02d}-{i % 12 + 1:02d}-{i % 28 + 1:02d}")
    w = make_window()
    turns: list[int] = []
    original = w.feeder.feed

    def feed(*args):
        before = w.model.rowCount()
        original(*args)
        turns.append(w.model.rowCount() - before)

    w.feeder._timer.timeout.disconnect()
    w.feeder._timer.timeout.connect(feed)
    with qtbot.waitSignal(w.loading_finished, timeout=60000):
        assert w.open_paths([str(folder)])
    assert w.proxy.rowCount() == n
    dates = [w.proxy.index(r, 1).data() for r in range(n)]
    assert dates == sorted(dates, reverse=True)
    assert w.current.key == w.proxy.index(0, 0).data(ArticleRole).key
    assert w.list_view.currentIndex().row() == 0
    assert turns and max(turns) <= FEED_TURN
