"""Hostile and broken input: nothing crashes, nothing is lost, nothing is written to the sources."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

sys.path.insert(0, str(Path(__file__).parent / "hostile"))
import corpus  # noqa: E402

from reader import ArticleError, load_file  # noqa: E402
from reader.export import export_all, printable_path, render  # noqa: E402
from reader.formats import article_extensions, names  # noqa: E402
from reader.read.load import iter_article_files, load_folder  # noqa: E402


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    expected = corpus.build(folder)
    return folder, expected


@pytest.fixture(scope="module")
def loaded(hostile):
    folder, _ = hostile
    return {Path(p).name: result for p, result in _load_each(folder).items()}


def _load_each(folder):
    out = {}
    for path in iter_article_files([folder]):
        try:
            out[str(path)] = load_file(path)
        except ArticleError as err:
            out[str(path)] = err
    return out


def checksums(folder: Path) -> dict[str, str]:
    return {os.fsdecode(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


def test_every_case_loads_or_is_refused_with_a_reason(hostile, loaded):
    _, expected = hostile
    assert set(loaded) == set(expected), "discovery missed or invented files"
    for name, kind in expected.items():
        result = loaded[name]
        if kind == "ok":
            assert isinstance(result, list) and result and all(a.paragraphs for a in result), (name, result)
        else:
            assert isinstance(result, ArticleError), (name, result)
            assert len(result.reason) > 10 and "Traceback" not in result.reason


@pytest.mark.parametrize("name, reason", [
    ("empty.txt", "the file is empty"),
    ("whitespace-only.md", "whitespace"),
    ("png-named-txt.txt", "binary"),
    ("zip-named-json.json", "binary"),
    ("truncated.json", "truncated"),
    ("no-article.json", "no article"),
    ("only-boilerplate.html", "no article"),
])
def test_refusals_say_why(loaded, name, reason):
    assert reason in loaded[name].reason.lower()


@pytest.mark.parametrize("name, warning", [
    ("nul-bytes.txt", "NUL"),
    ("invalid-utf8-middle.txt", "invalid UTF-8"),
    ("huge-30mb.txt", "very long"),
    ("many-paragraphs.html", "larger than"),
])
def test_repairs_and_cuts_are_reported(loaded, name, warning):
    assert any(warning in w for a in loaded[name] for w in a.warnings), loaded[name][0].warnings


def test_decoded_variants_read_the_same_story(loaded):
    for name in ("utf16-bom.txt", "utf16-no-bom.txt", "utf16be-bom.md", "mixed-line-endings.txt"):
        article = loaded[name][0]
        assert article.title == "Harbour reopens", name
        assert "The port authority said on Monday" in article.text
        assert "\r" not in article.text


def test_jsonl_keeps_good_lines_and_warns_about_the_bad_one(loaded):
    articles = loaded["jsonl-with-a-bad-line.jsonl"]
    assert [a.title for a in articles] == ["Harbour reopens", "Storm damage counted"]
    assert any("line 2" in w for a in articles for w in a.warnings)


def test_hostile_page_yields_only_text_and_web_links(loaded):
    article = loaded["script-and-pixel.html"][0]
    assert "alert" not in article.text and "pixel" not in article.text
    assert all(link.url.startswith(("http://", "https://")) for link in article.links)
    assert "javascript:" not in json.dumps([link.url for link in article.links])


def test_cli_export_of_the_corpus(hostile, tmp_path):
    folder, expected = hostile
    before = checksums(folder)
    out = subprocess.run([sys.executable, "-m", "reader", "export", str(folder), "--format", "json",
                          "--out", str(tmp_path / "out")], capture_output=True, text=True, timeout=600)
    assert out.returncode == 1, out.stderr  # some files are bad, none crashed
    assert "Traceback" not in out.stderr and "Traceback" not in out.stdout
    bad = [n for n, k in expected.items() if k == "bad"]
    assert len(out.stderr.strip().splitlines()) == len(bad)
    written = [json.loads(p.read_text("utf-8")) for p in (tmp_path / "out").iterdir()]
    sources = {Path(obj["path"]).name for obj in written}
    assert sources == {printable_path(n) for n, k in expected.items() if k == "ok"}
    assert len(written) == sum(k == "ok" for k in expected.values()) + 1  # the JSON Lines file holds two
    assert checksums(folder) == before


def test_sources_untouched_by_open_clean_export_and_a_window_session(hostile, tmp_path, qtbot, monkeypatch):
    folder, _ = hostile
    before = checksums(folder)
    result = load_folder(folder)
    export_all(result.articles, tmp_path / "exports", "html")
    subprocess.run([sys.executable, "-m", "reader", "clean", str(folder / "utf16-bom.txt")],
                   capture_output=True, timeout=120)
    monkeypatch.setenv("ARTICLE_READER_CONFIG_DIR", str(tmp_path / "config"))
    from reader.settings import Settings
    from reader.ui.window import MainWindow

    window = MainWindow(Settings.load())
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.loading_finished, timeout=120000):
        window.open_paths([str(folder)])
    window.select_row(0)
    window.close()
    assert checksums(folder) == before
    assert sorted(os.listdir(folder)) == sorted(os.listdir(folder))  # nothing added beside the sources


# ---------------------------------------------------------------- generated inputs

EXTENSIONS = tuple(sorted(article_extensions()))
FAST = settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))


def _load_never_crashes(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    try:
        articles = load_file(path)
    except ArticleError as err:
        assert err.reason and err.path == str(path)
        return None
    assert articles and all(a.paragraphs for a in articles)
    for article in articles:  # every export renders and can be written as UTF-8
        for fmt in names():
            render(article, fmt).encode("utf-8")
    return articles


@FAST
@given(data=st.binary(max_size=2000), ext=st.sampled_from(EXTENSIONS))
def test_random_bytes(tmp_path_factory, data, ext):
    _load_never_crashes(tmp_path_factory.mktemp("b"), "x" + ext, data)


_TAGS = st.sampled_from(["p", "div", "article", "script", "style", "nav", "footer", "h1", "a", "span",
                         "iframe", "img", "table", "td", "li", "ul", "br", "meta", "title", "body", "html"])
_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
_HTML = st.recursive(_TEXT.map(lambda t: t.replace("<", "&lt;")) | st.just("The council met on Monday and agreed."),
                     lambda inner: st.tuples(_TAGS, st.lists(inner, max_size=4)).map(
                         lambda t: f"<{t[0]}>{''.join(t[1])}</{t[0]}>"), max_leaves=25)


@FAST
@given(html=_HTML)
def test_random_html(tmp_path_factory, html):
    _load_never_crashes(tmp_path_factory.mktemp("h"), "x.html", html.encode())


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _TEXT
    | st.sampled_from(["The council met on Monday and agreed to the plan.", "2025-12-04", "Title",
                       "Lone \udcff surrogate", "https://example.com/\ud800"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["title", "headline", "text", "body", "articleBody", "date", "author", "url",
                         "tags", "articles", "@type", "@graph", "name", "x"]), inner, max_size=5),
    max_leaves=20)


@FAST
@given(value=_JSON)
def test_random_json(tmp_path_factory, value):
    _load_never_crashes(tmp_path_factory.mktemp("j"), "x.json", json.dumps(value).encode())


def test_files_deleted_or_changed_while_loading(tmp_path, monkeypatch):
    """A file listed, then deleted before it is read, is a failure with a reason; a file
    rewritten between listing and reading is read as it is then; the rest loads."""
    import reader.read.load as load

    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(f"Story {name}\n\n{corpus.STORY}", encoding="utf-8")
    real_iter = load.iter_article_files

    def listing_then_changes(paths):
        found = list(real_iter(paths))
        (tmp_path / "b.txt").unlink()
        (tmp_path / "c.txt").write_text("Rewritten story\n\n" + corpus.STORY, encoding="utf-8")
        return iter(found)

    monkeypatch.setattr(load, "iter_article_files", listing_then_changes)
    result = load.load_folder(tmp_path)
    assert [a.title for a in result.articles] == ["Story a.txt", "Rewritten story"]
    assert [(Path(f.path).name, f.reason) for f in result.failures] == [
        ("b.txt", "the file does not exist (deleted or moved?)")]
