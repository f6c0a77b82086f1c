"""Settings (no Qt), the pane's HTML, the loader worker, and ``reader.ui.app.run``."""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest
from conftest_ui import (config_dir, make_article, make_window, news, opened_urls,  # noqa: F401
                         stand_in_discover, stand_in_load)

from reader.settings import RECENT_LIMIT, Settings

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


# -- settings ------------------------------------------------------------------------
def test_settings_round_trip(config_dir):
    s = Settings.load()
    assert s == Settings() and s.note == ""
    s.zoom, s.theme, s.last_paths, s.splitter = 3, "dark", ["/a"], [1, 2, 3]
    s.save()
    again = Settings.load()
    assert (again.zoom, again.theme, again.last_paths, again.splitter) == (3, "dark", ["/a"], [1, 2, 3])
    assert [p.name for p in config_dir.iterdir()] == ["settings.json"]  # no temp file left


def test_settings_use_the_env_override_not_the_user_config(config_dir):
    Settings.load().save()
    assert (config_dir / "settings.json").exists()


@pytest.mark.parametrize("content, note", [
    ("{not json", "damaged"),
    ("[1, 2]", "damaged"),
    ("", "damaged"),
    ('{"zoom": "big", "theme": "purple", "recent": [1], "splitter": [true]}', "invalid"),
])
def test_broken_settings_fall_back_to_defaults_with_a_note(config_dir, content, note):
    config_dir.mkdir()
    (config_dir / "settings.json").write_text(content, encoding="utf-8")
    s = Settings.load()
    assert note in s.note
    assert (s.zoom, s.theme, s.recent, s.splitter) == (0, "system", [], [])


def test_partly_valid_settings_keep_the_good_values(config_dir):
    config_dir.mkdir()
    (config_dir / "settings.json").write_text(json.dumps({"zoom": 2, "theme": 5, "x": 1}))
    s = Settings.load()
    assert s.zoom == 2 and s.theme == "system" and "theme" in s.note


def test_recent_keeps_the_last_ten_without_duplicates():
    s = Settings()
    for i in range(RECENT_LIMIT + 3):
        s.add_recent(f"/f{i}")
    s.add_recent("/f5")
    assert len(s.recent) == RECENT_LIMIT and s.recent[0] == "/f5" and s.recent.count("/f5") == 1


def test_settings_module_imports_no_qt():
    import subprocess
    import sys

    code = "import sys, reader.settings; print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- the pane's HTML -----------------------------------------------------------------
def test_pane_html_escapes_every_value(qtbot):
    from reader.ui.pane import article_html

    hostile = make_article("/x/<evil>.txt", "<script>alert('t')</script>",
                           ["<img src=x onerror=alert(1)> & <a href='javascript:x'>UN</a>",
                            "<style>body{display:none}</style>"], authors=["<b>Bob</b>"])
    html, placed = article_html(hostile, {})
    for bad in ("<script", "<img", "<style", "<a href='javascript", "<b>Bob"):
        assert bad not in html
    assert "&lt;script&gt;" in html and "&amp;" in html
    assert [m.text for m in placed] == ["UN"]


def test_pane_shows_hostile_text_literally(qtbot):
    from reader.ui.pane import ReadingPane

    pane = ReadingPane()
    qtbot.addWidget(pane)
    article = make_article("/x/a.txt", "<b>T</b>", ["<iframe src='https://x'></iframe> The UN met."])
    pane.show_article(article, {})
    text = pane.toPlainText()
    assert "<b>T</b>" in text and "<iframe src='https://x'></iframe> The UN met." in text
    m = article.organisations[0].mentions[0]
    assert pane.cursor_for(m.start, m.end).selectedText() == "UN"


# -- the loader worker ---------------------------------------------------------------
def test_loader_reports_articles_failures_and_finishes(qtbot, news):
    from reader.ui.worker import Loader

    loader = Loader(load=stand_in_load, discover=stand_in_discover)
    got, failed = [], []
    loader.articles_loaded.connect(got.extend)
    loader.file_failed.connect(lambda p, r: failed.append((os.path.basename(p), r)))
    with qtbot.waitSignal(loader.loading_finished, timeout=5000) as done:
        loader.start([str(news)])
    assert done.args == [4, False]
    assert sorted(a.title for a in got) == ["A long report", "Acme profits <b>rise</b>", "Aid talks resume"]
    assert failed == [("d.txt", "the file is empty")]


def test_the_window_runs_on_an_uncached_library(qtbot, make_window, news):
    """A loader given its own load function is the users' Library over it, with no cache:
    the same opening, search and index code, and nothing written to the cache folder."""
    from conftest_ui import open_and_wait

    from reader.library import Library

    w = make_window()
    assert type(w.library) is Library and not w.library.cache.persistent
    open_and_wait(qtbot, w, [news])
    assert w.library.search("harv") == [str(news / "c.txt")]  # full text, a word's prefix
    assert w.library.search('org:"Acme Corporation"') == [str(news / "b.txt")]
    cache_dir = os.environ["ARTICLE_READER_CACHE_DIR"]
    assert not os.path.exists(cache_dir) or not os.listdir(cache_dir)


def test_a_new_request_drops_the_old_ones_reports(qtbot, news, tmp_path):
    import threading

    from reader.ui.worker import Loader

    gate = threading.Event()

    def slow_load(path):
        gate.wait(5)
        return stand_in_load(path)

    loader = Loader(load=slow_load, discover=stand_in_discover)
    loader.pool.setMaxThreadCount(2)
    got = []
    loader.articles_loaded.connect(got.extend)
    loader.start([str(news)])
    other = tmp_path / "other"
    other.mkdir()
    (other / "z.txt").write_text("Zed\n\nBody text.\n", encoding="utf-8")
    with qtbot.waitSignal(loader.loading_finished, timeout=5000):
        loader.start([str(other)])
        gate.set()
    assert loader.wait(5000)
    qtbot.wait(50)
    assert [a.title for a in got] == ["Zed"]


def test_loader_survives_a_crashing_source(qtbot, tmp_path):
    from reader.ui.worker import Loader

    def broken_discover(paths):
        raise PermissionError("denied")
        yield  # pragma: no cover

    loader = Loader(load=stand_in_load, discover=broken_discover)
    failed = []
    loader.file_failed.connect(lambda p, r: failed.append(r))
    with qtbot.waitSignal(loader.loading_finished, timeout=5000):
        loader.start([str(tmp_path)])
    assert failed and "denied" in failed[0]


# -- feeding the list and watching the folder, without a window ---------------------
def test_feeder_adds_rows_in_chunks_and_reports_what_the_list_took(qtbot, tmp_path):
    from reader.ui.documents import ArticleModel, Unreadable
    from reader.ui.feeder import FEED_CHUNK, Feeder

    model = ArticleModel()
    taken, fed = [], []
    feeder = Feeder(model, taken.append)
    feeder.fed.connect(fed.append)
    articles = [make_article(tmp_path / f"{n}.txt", f"Story {n}", ["Body."]) for n in range(3 * FEED_CHUNK)]
    feeder.put(articles[:1], at_once=True)  # the first article of a folder: at once
    assert model.rowCount() == 1 and taken == [1]
    with qtbot.waitSignal(feeder.drained, timeout=5000):
        feeder.put(articles[1:] + [Unreadable(str(tmp_path / "bad.txt"), "the file is empty")])
        assert model.rowCount() == 1  # the rest at the next turn of the event loop
    assert model.rowCount() == len(articles) + 1 and feeder.waiting == 0
    assert sum(taken) == len(articles)  # unreadable files are not counted for the loader
    assert len(fed) > 2 and max(len(chunk) for chunk in fed) <= FEED_CHUNK
    feeder.put(articles[:5])
    feeder.clear()
    qtbot.wait(20)
    assert model.rowCount() == len(articles) + 1  # cleared before it was fed (all known anyway)


def test_feeder_hands_the_list_bounded_turns_until_every_row_is_in(qtbot, tmp_path):
    """A warm open queues thousands of rows at once: each turn of the event loop adds
    at most FEED_TURN of them, in chunks of at most FEED_BULK_CHUNK, the turns at least
    FEED_EVERY_MS apart (the list paints after each; FEED_CATCH_UP_MS while more than a
    turn's rows wait), all of them in the end, in the order they came."""
    import time

    from reader.ui.documents import ArticleModel
    from reader.ui.feeder import FEED_BULK_CHUNK, FEED_CATCH_UP_MS, FEED_EVERY_MS, FEED_TURN, Feeder

    turns: list[list[int]] = []
    times: list[tuple[float, float, int]] = []

    class Counted(Feeder):
        def feed(self, *args):
            turns.append([])
            start = time.monotonic()
            super().feed(*args)
            times.append((start, time.monotonic(), self.waiting))

    model = ArticleModel()
    feeder = Counted(model)
    feeder.fed.connect(lambda chunk: turns[-1].append(len(chunk)))
    articles = [make_article(tmp_path / f"{n}.txt", f"Story {n}", ["Body."]) for n in range(3 * FEED_TURN + 7)]
    with qtbot.waitSignal(feeder.drained, timeout=10000):
        feeder.put(articles)
    assert model.rowCount() == len(articles)
    assert [a.key for a in model.items()] == [a.key for a in articles]
    turns = [t for t in turns if t]
    assert len(turns) >= 4 and all(sum(t) <= FEED_TURN for t in turns)
    assert max(n for t in turns for n in t) <= FEED_BULK_CHUNK
    for (_, end, left), (start, _, _) in zip(times, times[1:]):
        assert start - end >= (FEED_EVERY_MS if left <= FEED_TURN else FEED_CATCH_UP_MS) / 1000 * 0.9
    assert any(left > FEED_TURN for _, _, left in times) and any(0 < left <= FEED_TURN for _, _, left in times)
    feeder.put(articles[:1])  # more rows soon after: they wait for the next turn too
    assert feeder.waiting == 1


def test_folder_watcher_asks_the_loader_to_look_again(qtbot, tmp_path):
    from conftest_ui import write_article

    from reader.ui.watching import FolderWatcher
    from reader.ui.worker import Loader

    folder = tmp_path / "watched"
    folder.mkdir()
    write_article(folder, "a.txt", "First", ["Body one."])
    loader = Loader(load=stand_in_load, discover=stand_in_discover)
    with qtbot.waitSignal(loader.loading_finished, timeout=5000):
        loader.start([str(folder)])
    watcher = FolderWatcher(loader, delay_ms=50)
    watcher.watch()
    assert str(folder) in watcher.watched() and str(folder / "a.txt") in watcher.watched()
    with qtbot.waitSignal(loader.changed, timeout=5000) as changed:
        write_article(folder, "b.txt", "Second", ["Body two."])
    assert [a.title for a in changed.args[0].articles] == ["Second"]
    watcher.unwatch()
    assert watcher.watched() == []
    assert loader.wait(5000)


# -- run() ------------------------------------------------------------------------------
def test_run_opens_the_paths_and_returns_the_exit_code(qtbot, config_dir, news, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reader.ui import app as app_module
    from reader.ui import window as window_module

    seen = []

    class Probe(window_module.MainWindow):
        def __init__(self, settings):
            from reader.ui.worker import Loader
            super().__init__(settings, Loader(load=stand_in_load, discover=stand_in_discover))
            self.loading_finished.connect(lambda n: (seen.append(n), self.close(),
                                                     QTimer.singleShot(0, QApplication.quit)))

    monkeypatch.setattr(window_module, "MainWindow", Probe)
    QTimer.singleShot(10000, QApplication.quit)  # safety net
    assert app_module.run([str(news)]) == 0
    assert seen == [3]
    assert Settings.load().last_paths == [str(news.resolve())]
    logging.getLogger("reader.ui").warning("a note from the window")  # the window keeps a log
    log = (Path(os.environ["ARTICLE_READER_LOG_DIR"]) / "article-reader.log").read_text("utf-8")
    assert "INFO reader.log: article-reader 0.1.0, Python" in log and f": article-reader {news}\n" in log
    assert "WARNING reader.ui: a note from the window" in log


def test_emitting_signals_keeps_true_alive(qtbot):
    """PySide6-Essentials 6.12.0 on CPython 3.11 drops a reference to True on every
    emit until the interpreter aborts; pyproject keeps 3.11 on < 6.12. This fails if
    an affected build is installed."""
    import sys

    from PySide6.QtCore import QObject, Signal

    class Probe(QObject):
        fired = Signal(int)

    probe = Probe()
    before = sys.getrefcount(True)
    for i in range(5000):
        probe.fired.emit(i)
    assert abs(sys.getrefcount(True) - before) < 50


_TRICKY = "ab UN\n\t\r \u00a0\u200b\u2028\u2029😀é<&>'\"\x00\x0c"


def _as_selected(text: str) -> str:
    """What QTextCursor.selectedText() gives back for ``text`` as the pane renders it."""
    out = []
    for ch in text:
        if ch in "\n\u2029\u2028":
            out.append("\u2028")
        elif ch == "\x7f" or (ord(ch) < 32 and ch != "\t"):
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def test_mention_offsets_map_exactly_whatever_the_text(qtbot):
    from hypothesis import given, settings, strategies as st

    from reader.record import Mention, Organisation
    from reader.ui.pane import ReadingPane

    pane = ReadingPane()
    qtbot.addWidget(pane)
    para = st.text(alphabet=_TRICKY, min_size=1, max_size=30).filter(lambda p: "\n\n" not in p)

    @settings(max_examples=150, deadline=None)
    @given(st.lists(para, min_size=1, max_size=5), st.data(), st.text(alphabet=_TRICKY, max_size=10))
    def check(paragraphs, data, title):
        article = make_article("/x.txt", title, paragraphs)
        text = "\n\n".join(paragraphs)
        i = data.draw(st.integers(0, len(paragraphs) - 1))  # mentions lie inside one paragraph
        local = data.draw(st.integers(0, len(paragraphs[i]) - 1))
        length = data.draw(st.integers(1, len(paragraphs[i]) - local))
        start = sum(len(p) + 2 for p in paragraphs[:i]) + local
        end = start + length
        m = Mention(start, end, text[start:end], "X")
        article = type(article)(**{**{f: getattr(article, f) for f in article.__slots__},
                                   "organisations": (Organisation("X", (), (m,)),)})
        pane.show_article(article, {})
        assert pane.cursor_for(start, end).selectedText() == _as_selected(text[start:end])
        assert pane.toHtml().count("mention:") == 1

    check()


def test_pane_does_not_repeat_a_title_made_from_the_first_sentence(qtbot):
    from reader.ui.pane import article_html

    long_first = ("Officials from the regional water board said on Tuesday that the reservoir "
                  "would be refilled before the summer, after months of drought and rationing.")
    derived = make_article("/f/a.txt", long_first[:80].rsplit(" ", 1)[0] + "…", [long_first, "More."])
    html, _ = article_html(derived, {})
    assert "<h1>" not in html and html.count("Officials from the regional") == 1
    own = make_article("/f/b.txt", "Reservoir to be refilled", [long_first])
    html, _ = article_html(own, {})
    assert "<h1>Reservoir to be refilled</h1>" in html
    untitled = make_article("/f/c.txt", "", ["Some text."])
    assert "<h1>c.txt</h1>" in article_html(untitled, {})[0]


@pytest.mark.qt_log_ignore("does not support raise")  # the offscreen platform's tooltip
def test_hovering_a_highlight_shows_why_it_was_made(qtbot):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    from reader.organisations.recognise import organisations_of
    from reader.ui.pane import ReadingPane

    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.resize(600, 400)
    pane.show()
    text = "A spokesperson for Varnholt declined to comment."
    article = make_article("/x.txt", "", [text])
    article = type(article)(**{**{f: getattr(article, f) for f in article.__slots__},
                               "organisations": organisations_of(text)})
    pane.show_article(article, {})
    start = text.index("Varnholt")
    rect = pane.cursorRect(pane.cursor_for(start + 2, start + 2))
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), pane.viewport().mapToGlobal(rect.center()))
    pane.viewportEvent(event)
    qtbot.waitUntil(lambda: QToolTip.isVisible())
    assert QToolTip.text() == "Varnholt\nWhy: cue: spokesperson for"
    QToolTip.hideText()


def test_headings_items_and_quotes_show_as_such_and_keep_offsets(qtbot):
    from hypothesis import given, settings, strategies as st

    from reader.record import KINDS, Mention, Organisation
    from reader.ui.pane import ReadingPane

    pane = ReadingPane()
    qtbot.addWidget(pane)
    para = st.text(alphabet=_TRICKY, min_size=1, max_size=30).filter(lambda p: "\n\n" not in p)

    @settings(max_examples=100, deadline=None)
    @given(st.lists(st.tuples(para, st.sampled_from(KINDS)), min_size=1, max_size=6), st.data())
    def check(blocks, data):
        paragraphs = [text for text, _ in blocks]
        article = make_article("/x.html", "Title", paragraphs)
        text = "\n\n".join(paragraphs)
        i = data.draw(st.integers(0, len(paragraphs) - 1))
        local = data.draw(st.integers(0, len(paragraphs[i]) - 1))
        start = sum(len(p) + 2 for p in paragraphs[:i]) + local
        end = start + data.draw(st.integers(1, len(paragraphs[i]) - local))
        m = Mention(start, end, text[start:end], "X")
        article = type(article)(**{**{f: getattr(article, f) for f in article.__slots__},
                                   "organisations": (Organisation("X", (), (m,)),),
                                   "kinds": tuple(kind for _, kind in blocks)})
        pane.show_article(article, {})
        assert pane.cursor_for(start, end).selectedText() == _as_selected(text[start:end])

    check()
    article = make_article("/x.html", "Title", ["Lead.", "A subheading", "One point", "Said someone."])
    article = type(article)(**{**{f: getattr(article, f) for f in article.__slots__},
                               "kinds": ("paragraph", "heading", "item", "quote")})
    pane.show_article(article, {})
    html = pane.toHtml()
    assert "A subheading" in html and "<li" in html and "font-style:italic" in html
    from reader.ui.pane import article_html
    built, _ = article_html(article, {})
    assert "<h3 style='white-space:pre-wrap'>A subheading</h3>" in built


def test_the_welcome_view_names_the_formats_of_the_table(qtbot, monkeypatch):
    from PySide6.QtWidgets import QLabel

    from reader import formats
    from reader.ui.welcome import WelcomeView

    extra = formats.Format("rst", "reStructuredText", (".rst",), (".rst",), "text", "render_txt")
    monkeypatch.setattr(formats, "FORMATS", formats.FORMATS + (extra,))
    view = WelcomeView()
    qtbot.addWidget(view)
    texts = [label.text() for label in view.findChildren(QLabel)]
    assert any("(.txt, .md, .html, .json, .rst)" in text for text in texts)


def test_export_article_adds_the_suffix_of_the_chosen_type(tmp_path, monkeypatch):
    """A file name without a known suffix gets the one the registry gives the chosen type
    (here a format whose suffix is not its name)."""
    from types import SimpleNamespace

    from reader import formats
    from reader.library import Library
    from reader.ui import dialogs

    extra = formats.Format("plain", "Plain words", (".words",), (".words",), "text", "render_txt")
    monkeypatch.setattr(formats, "FORMATS", formats.FORMATS + (extra,))
    asked, emitted, shown = [], [], []

    def ask_save_path(suggested, filters):
        asked.append(filters)
        return str(tmp_path / "notes"), "Plain words (*.words)"  # typed without a suffix

    library = Library(cache=False)  # nothing open: any folder may take the export
    window = SimpleNamespace(
        library=library, settings=SimpleNamespace(export_format="txt", export_dir=""), save_settings=lambda: None,
        export_dir=lambda: str(tmp_path), ask_save_path=ask_save_path, confirm_overwrite=lambda path: False,
        statusBar=lambda: SimpleNamespace(showMessage=lambda text, ms: shown.append(text)),
        exported=SimpleNamespace(emit=emitted.append))
    article = make_article(tmp_path / "src.txt", "Harbour works", ["The quay reopens on Monday."])
    assert dialogs.export_article(window, article) == tmp_path / "notes.words"
    assert "Plain words (*.words)" in asked[0]
    assert (tmp_path / "notes.words").read_text("utf-8").startswith("Harbour works\n\nThe quay reopens")
    assert emitted == [[tmp_path / "notes.words"]]
    library.close()
