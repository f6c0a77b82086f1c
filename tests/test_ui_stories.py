"""Stories in the window, driven as a user would: one row per story, versions, Compare."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest_ui import config_dir, make_window, opened_urls, write_article  # noqa: F401
from PySide6.QtCore import Qt

from conftest import SAMPLE_1, SAMPLE_2
from reader.ui.documents import ArticleRole

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

EVENT = [
    "Flood barriers on the river Ammer failed early on Saturday, and water from the swollen river "
    "poured into the old town of Weyford, forcing 230 residents from their homes.",
    "The United Nations relief office in the region said that emergency shelters had been opened "
    "in two schools and that drinking water was being handed out from trucks.",
    "Mayor Orla Brandt said the barriers had been inspected in April and that engineers would now "
    "examine why the third section had given way under the pressure of the water.",
]
ADDED = "Volunteers from the Red Cross arrived on Sunday with blankets and hot meals for the evacuees."


@pytest.fixture
def versions(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    write_article(folder, "a-wire.txt", "Weyford flooded as barriers fail", EVENT, date="2025-03-08")
    write_article(folder, "b-update.txt", "Weyford floods: 230 evacuated (updated)", EVENT + [ADDED],
                  date="2025-03-09")
    write_article(folder, "c-other.txt", "Acme opens a new plant", [
        "Acme Corporation opened a new assembly plant in Tolbridge on Monday, creating 410 jobs "
        "in a town that lost its steelworks a decade ago.",
        "The plant will build electric scooters for markets across the north of the continent."],
        date="2025-05-02")
    return folder


def open_with_stories(qtbot, window, paths):
    with qtbot.waitSignals([window.loading_finished, window.loader.stories_changed], timeout=30000):
        assert window.open_paths([str(p) for p in paths])


def click(qtbot, view, index):
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def test_the_list_shows_one_row_per_story_and_opens_its_versions(qtbot, make_window, versions):
    w = make_window()
    open_with_stories(qtbot, w, [versions])
    assert not w.stories.tree.isVisible()
    qtbot.keyClick(w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    tree, model = w.stories.tree, w.stories.filter  # (what the tree shows)
    assert tree.isVisible() and not w.list_view.isVisible() and w.stories.by_story.isChecked()
    rows = [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]
    assert rows == [("Weyford flooded as barriers fail", "2"), ("Acme opens a new plant", "1")]
    story = model.index(0, 0)
    tree.expand(story)
    assert [model.index(r, 0, story).data() for r in range(model.rowCount(story))] == \
        ["Weyford flooded as barriers fail", "Weyford floods: 230 evacuated (updated)"]
    click(qtbot, tree, model.index(1, 0, story))
    assert w.current.title == "Weyford floods: 230 evacuated (updated)"
    assert "Red Cross" in w.pane.toPlainText()
    w.stories.by_story.trigger()  # back to every article
    assert w.list_view.isVisible() and w.proxy.rowCount() == 3
    assert w.current.title == "Weyford floods: 230 evacuated (updated)"


def test_the_panel_lists_the_versions_and_a_click_opens_one(qtbot, make_window, versions):
    w = make_window()
    open_with_stories(qtbot, w, [versions])
    assert w.select_key(str(versions / "a-wire.txt"))
    panel = w.stories.versions
    shown = [panel.model.index(r).data() for r in range(panel.model.rowCount())]
    assert len(shown) == 2 and "(updated)" in shown[1]
    click(qtbot, panel.view, panel.model.index(1))
    assert w.current.key == str(versions / "b-update.txt")
    assert w.select_key(str(versions / "c-other.txt"))
    assert panel.model.rowCount() == 0 and not panel.compare_button.isEnabled()


def test_compare_marks_the_added_sentence_and_the_organisation_only_one_names(qtbot, make_window, versions):
    w = make_window()
    open_with_stories(qtbot, w, [versions])
    assert w.select_key(str(versions / "a-wire.txt"))
    panel = w.stories.versions
    qtbot.mouseClick(panel.compare_button, Qt.MouseButton.LeftButton)
    dialog = w.stories.compare_view
    assert dialog is not None and dialog.isVisible()
    assert dialog.first.marked_sentences() == []
    assert dialog.second.marked_sentences() == [ADDED]
    assert dialog.second.organisations_only == ("Red Cross",)
    assert "Red Cross" in dialog.second.only.text() and "Red Cross" in dialog.second.marked_names()
    assert dialog.first.organisations_only == () and "none" in dialog.first.only.text()
    dialog.close()
    qtbot.keyClick(w, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert w.stories.compare_view.isVisible()  # the menu's shortcut opens it too
    w.stories.compare_view.close()


def test_the_sample_articles_are_one_story_and_compare_in_the_window(qtbot, make_window, tmp_path):
    folder = tmp_path / "samples"
    folder.mkdir()
    for sample in (SAMPLE_1, SAMPLE_2):
        (folder / Path(sample).name).write_bytes(Path(sample).read_bytes())
    w = make_window(real_loader=True)
    open_with_stories(qtbot, w, [folder])
    assert w.stories.model.rowCount() == 1 and w.stories.model.index(0, 1).data() == "2"
    w.stories.compare.trigger()
    dialog = w.stories.compare_view
    only_first = set(dialog.first.organisations_only) | set(dialog.second.organisations_only)
    assert {"Baloch Revolution Group", "Baloch Republican Army"} <= only_first
    sentences = dialog.first.marked_sentences() + dialog.second.marked_sentences()
    assert any("Interpol" in s for s in sentences)
    dialog.grab().save(str(tmp_path / "compare.png"))
    dialog.close()


def test_a_version_added_while_open_joins_its_story_in_the_list(qtbot, make_window, versions):
    w = make_window()
    open_with_stories(qtbot, w, [versions])
    w.stories.by_story.setChecked(True)
    write_article(versions, "d-teaser.txt", "In brief: Weyford flooded", EVENT[:2], date="2025-03-08")
    with qtbot.waitSignal(w.loader.stories_changed, timeout=30000):
        w.loader.refresh()
    model = w.stories.model
    assert [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())] == \
        [("Weyford flooded as barriers fail", "3"), ("Acme opens a new plant", "1")]


def test_the_story_rows_follow_the_search(qtbot, make_window, versions):
    w = make_window()
    open_with_stories(qtbot, w, [versions])
    w.stories.by_story.setChecked(True)
    w.focus_filter()
    qtbot.keyClicks(w.filter_edit, "evacuees")  # only the update says it
    w.apply_filter()
    shown = w.stories.filter
    assert [(shown.index(r, 0).data(), shown.index(r, 1).data()) for r in range(shown.rowCount())] == \
        [("Weyford flooded as barriers fail", "2")]  # its story, with every version
    w.filter_edit.clear()
    w.apply_filter()
    assert shown.rowCount() == 2


def test_the_story_row_follows_the_article_opened_elsewhere(qtbot, make_window, versions):
    w = make_window()
    open_with_stories(qtbot, w, [versions])
    w.stories.by_story.setChecked(True)
    assert w.select_key(str(versions / "a-wire.txt"))
    panel = w.stories.versions
    click(qtbot, panel.view, panel.model.index(1))  # the update, from the versions panel
    assert w.current.key == str(versions / "b-update.txt")
    assert w.stories.tree.currentIndex().data(ArticleRole).key == w.current.key
    before = w.current.key
    qtbot.keyClick(w.stories.tree, Qt.Key.Key_J)  # the next article, as the list orders them
    assert w.current.key != before
    assert w.stories.tree.currentIndex().data(ArticleRole).key == w.current.key


def test_one_row_per_story_is_remembered_across_a_restart(qtbot, make_window, versions, config_dir):
    import json

    w = make_window()
    open_with_stories(qtbot, w, [versions])
    w.list_view.setFocus()
    qtbot.keyClick(w.list_view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert w.stories.tree.isVisible()
    assert w.select_key(str(versions / "b-update.txt"))
    w.close()
    assert json.loads((config_dir / "settings.json").read_text(encoding="utf-8"))["by_story"] is True

    w2 = make_window()  # the app started again
    assert w2.stories.by_story.isChecked()
    with qtbot.waitSignals([w2.loading_finished, w2.loader.stories_changed], timeout=30000):
        assert w2.restore_session()
    tree = w2.stories.tree
    assert tree.isVisible() and not w2.list_view.isVisible()
    assert w2.current.key == str(versions / "b-update.txt")
    qtbot.waitUntil(lambda: getattr(tree.currentIndex().data(ArticleRole), "key", None) == w2.current.key)
    qtbot.keyClick(tree, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    w2.close()  # off again: remembered off
    w3 = make_window()
    assert not w3.stories.by_story.isChecked() and not w3.stories.tree.isVisible()


def test_the_versions_panel_elides_long_titles_instead_of_scrolling_sideways(qtbot, make_window, versions):
    w = make_window()
    open_with_stories(qtbot, w, [versions])
    w.resize(900, 600)
    qtbot.waitUntil(lambda: w.width() == 900)
    assert w.select_key(str(versions / "b-update.txt"))
    view = w.stories.versions.view
    qtbot.waitUntil(lambda: view.model().rowCount() == 2)
    assert not view.horizontalScrollBar().isVisible()
    for row in range(2):
        assert view.visualRect(view.model().index(row)).right() <= view.viewport().width()
    tip = view.model().index(1).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Weyford floods: 230 evacuated (updated)\n2025-03-09")


def test_an_open_compare_and_the_stories_follow_a_correction(qtbot, make_window, versions):
    w = make_window()
    open_with_stories(qtbot, w, [versions])
    assert w.select_key(str(versions / "a-wire.txt"))
    qtbot.mouseClick(w.stories.versions.compare_button, Qt.MouseButton.LeftButton)
    dialog = w.stories.compare_view
    assert dialog.second.organisations_only == ("Red Cross",)
    w.correcting.ask_new_name = lambda name: "IFRC"
    with qtbot.waitSignals([w.correcting.corrected, w.loader.stories_changed], timeout=10000):
        w.correcting.rename_organisation("Red Cross")             # shown under the user's name
    assert dialog.second.organisations_only == ("IFRC",) and "IFRC" in dialog.second.only.text()
    assert "Red Cross" in dialog.second.marked_names()            # (the words the text has)
    with qtbot.waitSignals([w.correcting.corrected, w.loader.stories_changed], timeout=10000):
        w.correcting.step_back()                                  # undone
    assert dialog.second.organisations_only == ("Red Cross",)
    with qtbot.waitSignals([w.correcting.corrected, w.loader.stories_changed], timeout=10000):
        w.correcting.refuse("Red Cross")                          # no organisation at all
    assert dialog.second.organisations_only == () and dialog.second.marked_names() == []
    assert "none" in dialog.second.only.text()
    dialog.close()
    w.stories.compare.trigger()                                   # opened again: the same
    assert w.stories.compare_view.second.organisations_only == ()
    w.stories.compare_view.close()


def test_the_stories_arrive_without_a_call_per_story_while_nothing_is_filtered(qapp):
    """A folder's stories (thousands) reach the hidden story tree after every open: with
    no search on, the filter keeps them all without asking the list about each."""
    from conftest_ui import make_article

    from reader.stories import Story
    from reader.ui.stories import StoryFilter, StoryModel

    stories = [Story(tuple(make_article(f"/f/{s}-{v}.txt", f"Story {s}", ["Text."]) for v in range(1 + s % 3)))
               for s in range(300)]
    asked, filtering = [], [False]

    def accepts(key):
        asked.append(key)
        return key.startswith("/f/7-")

    model = StoryModel()
    shown = StoryFilter(accepts, filtering=lambda: filtering[0])
    shown.setSourceModel(model)
    model.set_stories(stories)
    shown.refilter()
    assert shown.rowCount() == 300 and asked == []
    filtering[0] = True
    shown.refilter()
    assert [shown.index(r, 0).data() for r in range(shown.rowCount())] == ["Story 7"]
    top = shown.index(0, 0)
    assert [shown.index(r, 0, top).data(ArticleRole).key for r in range(shown.rowCount(top))] == \
        ["/f/7-0.txt", "/f/7-1.txt"]  # every version of a story shown
