"""The window over the real library: search from the filter box, org:, the progress bar
and Cancel, and the file watcher (issue 7). Asserts on what the user sees."""
from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from reader.ui.documents import KeyRole
from conftest_ui import (config_dir, make_window, news, open_and_wait, opened_urls,  # noqa: F401
                         stand_in_discover, stand_in_load, write_article)

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

SAMPLES = Path(__file__).resolve().parents[1] / "articles"


def titles(window):
    proxy = window.proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def plain(title: str, *paragraphs: str) -> str:
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


@pytest.fixture
def samples(tmp_path):
    folder = tmp_path / "samples"
    shutil.copytree(SAMPLES, folder)
    return folder


def test_filter_box_searches_the_library_full_text(qtbot, make_window, tmp_path):
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.txt").write_text(plain("Harbour strike ends", "Dock workers returned on Monday after a long dispute."))
    (folder / "b.txt").write_text(plain("Grain prices", "Farmers expect a good harvest this autumn."))
    w = make_window(real_loader=True)
    assert "org:" in w.filter_edit.placeholderText()
    open_and_wait(qtbot, w, [folder])
    assert len(titles(w)) == 2
    w.actions_.filter.trigger()
    qtbot.keyClicks(w.filter_edit, "harv")  # a prefix of a word in the text, as you type
    qtbot.waitUntil(lambda: titles(w) == ["Grain prices"], timeout=3000)
    assert w.library.search("harv") == [str(folder / "b.txt")]
    w.filter_edit.clear()
    assert len(titles(w)) == 2
    qtbot.keyClicks(w.filter_edit, "zebra")
    qtbot.waitUntil(lambda: titles(w) == [], timeout=3000)


def test_org_search_and_panel_counts_use_the_library_index(qtbot, make_window, samples):
    w = make_window(real_loader=True)
    open_and_wait(qtbot, w, [samples])
    entries = [e for e in w.library.organisations() if e.articles]
    assert entries, "the samples name organisations"
    entry = entries[0]
    w.filter_edit.setText(f'org:"{entry.name}"')
    qtbot.waitUntil(lambda: len(titles(w)) == len(entry.articles), timeout=3000)
    keys = {w.proxy.index(r, 0).data(KeyRole) for r in range(w.proxy.rowCount())}
    assert keys == set(entry.articles)
    w.filter_edit.clear()
    # the panel's "Articles" count for an organisation of the shown article is the Library's
    key = entry.articles[0]
    assert w.select_key(key)
    row = w.panel.organisations.row_of(entry.name)
    if row >= 0:
        assert w.panel.organisations.rows[row].in_folder == len(entry.articles)
        w.filter_by_organisation(entry.name)
        assert len(titles(w)) == len(entry.articles)


def test_progress_bar_shows_count_and_cancel_keeps_what_arrived(qtbot, make_window, news):
    from reader.ui.worker import Loader

    gate = threading.Event()
    seen = []

    def slow_load(path):
        seen.append(path)
        if len(seen) > 1:
            gate.wait(5)  # the second file waits until the test has clicked Cancel
        return stand_in_load(path)

    w = make_window(loader=Loader(discover=stand_in_discover, load=slow_load))
    w.open_paths([str(news)])
    qtbot.waitUntil(lambda: w.model.rowCount() == 1, timeout=5000)  # the first article arrived
    assert w.current is not None  # and is shown while loading goes on
    assert w.progress_bar.isVisible() and w.cancel_button.isVisible()
    assert w.progress_bar.text().startswith("1 ")
    with qtbot.waitSignal(w.loading_finished, timeout=5000):
        w.cancel_button.click()
        gate.set()
    assert not w.progress_bar.isVisible() and not w.cancel_button.isVisible()
    assert 1 <= w.model.rowCount() < 4  # what arrived stays, the rest was not loaded
    assert "Stopped" in w.statusBar().currentMessage()


def test_progress_text_has_count_total_and_rate(qtbot, make_window, samples):
    w = make_window(real_loader=True)
    texts = []
    w.loader.progress.connect(lambda done, total: texts.append(w.progress_bar.text()))
    open_and_wait(qtbot, w, [samples])
    assert texts and all(" / " in t for t in texts)
    total = len(list(samples.iterdir()))
    assert texts[-1].startswith(f"{total} / {total}")


def test_watcher_picks_up_new_changed_and_deleted_files(qtbot, make_window, tmp_path):
    folder = tmp_path / "watched"
    folder.mkdir()
    (folder / "a.txt").write_text(plain("First story", "Some words about the weather."))
    (folder / "b.txt").write_text(plain("Second story", "More words about the harbour."))
    w = make_window(real_loader=True)
    open_and_wait(qtbot, w, [folder])
    assert sorted(titles(w)) == ["First story", "Second story"]
    (folder / "c.txt").write_text(plain("Third story arrives", "Written while the folder was open."))
    qtbot.waitUntil(lambda: "Third story arrives" in titles(w), timeout=5000)
    assert w.library.search("written") == [str(folder / "c.txt")]  # searchable too
    (folder / "a.txt").unlink()
    qtbot.waitUntil(lambda: "First story" not in titles(w), timeout=5000)
    (folder / "b.txt").write_text(plain("Second story, updated", "The harbour reopened."))
    qtbot.waitUntil(lambda: "Second story, updated" in titles(w), timeout=5000)
    assert sorted(titles(w)) == ["Second story, updated", "Third story arrives"]


def test_closing_the_window_mid_load_gives_python_its_switch_interval_back(qtbot, make_window, news):
    import sys

    from reader.ui.worker import Loader

    gate = threading.Event()

    def slow_load(path):
        gate.wait(5)
        return stand_in_load(path)

    before = sys.getswitchinterval()
    w = make_window(loader=Loader(discover=stand_in_discover, load=slow_load))
    w.open_paths([str(news)])
    assert sys.getswitchinterval() < before  # shorter while loading: the list gets the GIL
    w.close()
    gate.set()
    assert sys.getswitchinterval() == before


def test_progress_news_does_not_repaint_the_list_at_once(qtbot, make_window, news, monkeypatch):
    """A progress bar repaints itself at once on a new value, and with it the rows the
    list had waiting to be drawn: each report of a warm open then drew the whole list
    besides the paint after the rows went in. The bar shows its news at the next paint."""
    from PySide6.QtCore import QEvent, QObject

    from reader.ui.worker import Loader

    w = make_window()
    open_and_wait(qtbot, w, [news])
    monkeypatch.setattr(Loader, "busy", property(lambda self: True))
    painted = []

    class Paints(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                painted.append(obj)
            return False

    spy = Paints()
    w.list_view.viewport().installEventFilter(spy)
    w.status.started()
    qtbot.wait(300)  # (the bar shows news at most every PROGRESS_MS)
    w.list_view.viewport().update()
    painted.clear()
    w.status.progress(3, 10)
    assert painted == []  # not drawn during the report
    assert w.progress_bar.isVisible() and w.progress_bar.text().startswith("3 / 10")
    qtbot.waitUntil(lambda: painted != [], timeout=2000)  # at the next turn of the event loop
    w.list_view.viewport().removeEventFilter(spy)
