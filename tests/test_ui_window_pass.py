"""The second window pass (issues #17, #18): whole sources in the list, J/K in the
story view, the Compare dialog from the keyboard, a narrow organisations panel."""
from __future__ import annotations

import pytest
from conftest_ui import config_dir, make_window, open_and_wait, opened_urls, write_article  # noqa: F401
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QPushButton, QStyleOptionViewItem, QToolTip

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


EVENT = ["Flood barriers on the river Ammer failed early on Saturday, and water poured into the old "
         "town of Weyford, forcing 230 residents from their homes.",
         "The United Nations relief office said that emergency shelters had been opened in two "
         "schools and that drinking water was being handed out from trucks."]
ADDED = "Volunteers from the Red Cross arrived on Sunday with blankets and hot meals for the evacuees."


@pytest.fixture
def stories(tmp_path):
    folder = tmp_path / "stories"
    folder.mkdir()
    write_article(folder, "a-wire.txt", "Weyford flooded as barriers fail", EVENT, date="2025-03-08",
                  source="https://www.northernledger.example/weyford")
    write_article(folder, "b-update.txt", "Weyford floods: 230 evacuated (updated)", EVENT + [ADDED],
                  date="2025-03-09", source="https://ap.org/weyford")
    write_article(folder, "c-other.txt", "Acme opens a new plant", [
        "Acme Corporation opened a new assembly plant in Tolbridge on Monday, creating 410 jobs "
        "in a town that lost its steelworks a decade ago.",
        "The plant will build electric scooters for markets across the north of the continent."],
        date="2025-05-02")
    return folder


def open_with_stories(qtbot, window, paths):
    with qtbot.waitSignals([window.loading_finished, window.loader.stories_changed], timeout=30000):
        assert window.open_paths([str(p) for p in paths])


CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_j_and_k_follow_the_story_tree_as_shown(qtbot, make_window, stories):
    w = make_window()
    open_with_stories(qtbot, w, [stories])
    assert w.select_key(str(stories / "a-wire.txt"))
    qtbot.keyClick(w, Qt.Key.Key_S, CTRL_SHIFT)
    tree = w.stories.tree
    assert tree.isVisible() and tree.hasFocus()
    title = lambda: w.current.title  # noqa: E731
    qtbot.keyClick(tree, Qt.Key.Key_J)  # the update is folded inside its story: the next story
    assert title() == "Acme opens a new plant"
    assert tree.currentIndex().data() == "Acme opens a new plant"
    qtbot.keyClick(tree, Qt.Key.Key_K)
    assert title() == "Weyford flooded as barriers fail"
    qtbot.keyClick(tree, Qt.Key.Key_Right)  # unfold the story: its versions are next
    assert tree.isExpanded(tree.currentIndex())
    qtbot.keyClick(tree, Qt.Key.Key_J)
    assert title() == "Weyford floods: 230 evacuated (updated)"
    qtbot.keyClick(tree, Qt.Key.Key_J)
    assert title() == "Acme opens a new plant"
    qtbot.keyClick(tree, Qt.Key.Key_J)  # the last row: stays
    assert title() == "Acme opens a new plant"
    qtbot.keyClick(tree, Qt.Key.Key_K)
    assert title() == "Weyford floods: 230 evacuated (updated)"
    qtbot.keyClick(tree, Qt.Key.Key_K)  # the row above: the story's first version
    assert title() == "Weyford flooded as barriers fail"


def open_compare(qtbot, w, stories):
    assert w.select_key(str(stories / "a-wire.txt"))
    qtbot.keyClick(w, Qt.Key.Key_C, CTRL_SHIFT)
    dialog = w.stories.compare_view
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.first.text)
    return dialog


def test_the_compare_dialog_runs_on_the_keyboard(qtbot, make_window, stories):
    from PySide6.QtWidgets import QAbstractButton

    w = make_window()
    open_with_stories(qtbot, w, [stories])
    dialog = open_compare(qtbot, w, stories)
    seen = []
    for _ in range(8):  # Tab visits every control, then comes round again
        widget = QApplication.focusWidget()
        seen.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    buttons = [b for b in dialog.findChildren(QAbstractButton) if b.isVisible()]
    assert {dialog.first.text, dialog.second.text, *buttons} <= set(seen)
    assert seen[:2] == [dialog.first.text, dialog.second.text]
    for widget in set(seen):
        assert widget.accessibleName() or (isinstance(widget, QAbstractButton) and widget.text())
    assert {b.text().replace("&", "") for b in buttons} >= {"Previous Difference", "Next Difference"}
    assert dialog.second.only.accessibleName() == "Organisations only in version B"
    # F3: the sentence only the update has, selected in its side; Shift+F3 comes back to it
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F3)
    assert QApplication.focusWidget() is dialog.second.text
    assert dialog.second.text.textCursor().selectedText().strip() == ADDED
    qtbot.keyClick(dialog.second.text, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.second.text.textCursor().selectedText().strip() == ADDED
    qtbot.keyClick(dialog.second.text, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert w.isVisible()


def test_the_next_difference_button_steps_through_several_marked_sentences(qtbot, make_window, tmp_path):
    folder = tmp_path / "two"
    folder.mkdir()
    extra = ["Engineers from the regional water board began pumping the flooded cellars on Monday.",
             "The mayor promised a public inquiry into the inspection of the failed barriers."]
    write_article(folder, "a-wire.txt", "Weyford flooded as barriers fail", EVENT, date="2025-03-08")
    write_article(folder, "b-update.txt", "Weyford floods (updated)", EVENT[:1] + extra[:1] + EVENT[1:] + extra[1:],
                  date="2025-03-09")
    w = make_window()
    open_with_stories(qtbot, w, [folder])
    dialog = open_compare(qtbot, w, folder)
    heading = dialog.first.heading.text()  # no source: the file's name, not the folders above it
    assert "a-wire.txt" in heading and str(folder) not in heading
    following = next(b for b in dialog.findChildren(QPushButton) if "Next" in b.text())
    got = []
    for _ in range(3):
        qtbot.mouseClick(following, Qt.MouseButton.LeftButton)
        got.append(dialog.second.text.textCursor().selectedText().strip())
    assert got == [extra[0], extra[1], extra[0]]  # round the end
    dialog.close()


LONG_ORGS = {
    "International Federation of Coastal Shipping Associations": ("IFCSA",),
    "Northern Regional Development and Infrastructure Authority": ("NRDIA", "the Authority"),
    "Commission for the Protection of Inland Waterways and Harbours": (),
    "Association of Independent Harbour Pilots and Boat Crews": ("AIHPBC",),
    "Ministry of Transport, Maritime Affairs and Fisheries": ("the Ministry",),
    "European Agency for the Safety of Passenger Ferries": ("EASPF",),
    "Union of Dock Workers, Stevedores and Warehouse Staff": (),
    "Council of Island Municipalities and Rural Communities": ("CIMRC",),
    "Northern Regional Fisheries and Infrastructure Authority": (),
}


@pytest.fixture
def long_names(tmp_path, monkeypatch):
    import conftest_ui

    for name, aliases in LONG_ORGS.items():
        monkeypatch.setitem(conftest_ui.ORGS, name, aliases)
    folder = tmp_path / "long"
    folder.mkdir()
    paragraphs = [f"The {name} ({(aliases or ('it',))[0]}) met the harbour board on Tuesday."
                  for name, aliases in LONG_ORGS.items()]
    write_article(folder, "talks.txt", "Ferry talks", paragraphs, date="2025-04-01")
    return folder


def rows_in_view(view) -> list[int]:
    """The rows of ``view`` shown whole in its viewport."""
    area = view.viewport().rect()
    return [r for r in range(view.model().rowCount())
            if area.contains(view.visualRect(view.model().index(r, 0)))]


def test_a_narrow_organisations_panel_shows_one_line_a_name(qtbot, make_window, long_names):
    w = make_window()
    w.resize(900, 600)
    open_and_wait(qtbot, w, [long_names])
    view = w.panel.org_view
    qtbot.waitUntil(lambda: view.model().rowCount() == len(LONG_ORGS))
    qtbot.waitUntil(lambda: len(rows_in_view(view)) >= 6)
    line = view.fontMetrics().height()
    for row in range(view.model().rowCount()):
        assert view.visualRect(view.model().index(row, 0)).height() < 2 * line
    shown = []  # the text each row shows, as the view paints it
    for row in range(view.model().rowCount()):
        option = QStyleOptionViewItem()
        option.initFrom(view)
        view.itemDelegate().initStyleOption(option, view.model().index(row, 0))
        shown.append(option.fontMetrics.elidedText(option.text, Qt.TextElideMode.ElideRight,
                                                   view.visualRect(view.model().index(row, 0)).width() - 30))
    assert len(set(shown)) == len(shown), shown  # names that start alike stay told apart
    index = view.model().index(1, 0)
    tip = tooltip_at(view, view.visualRect(index).center())
    assert "Northern Regional Development and Infrastructure Authority" in tip and "NRDIA" in tip
    w.resize(1440, 900)
    qtbot.waitUntil(lambda: w.width() == 1440)
    w.splitter.setSizes([500, 440, 500])  # a wide panel: names wrap whole, with their other names
    qtbot.waitUntil(lambda: view.visualRect(index).height() >= 2 * line)
