"""Export renderers, file names, atomic writes, never overwriting another article."""
from __future__ import annotations

import json
import os
from unittest import mock

import pytest

from conftest import SAMPLE_1, write
from reader import load_article
from reader.export import (ExportError, export_all, export_article, render, suggested_filename, to_json,
                           write_atomic)
from reader.record import Article, Link, Mention, Organisation


def make(title="Floods <hit> the north", paragraphs=("Rain & wind fell for days.", "The <b>UN</b> helped."),
         **kw) -> Article:
    base = dict(path="/src/a.txt", format="txt", title=title, date="2025-01-02", authors=("Ana Lima",),
                dateline="LISBON", paragraphs=tuple(paragraphs), links=(Link("https://ex.com/a", "", "source"),),
                tags=("Weather",), warnings=())
    base.update(kw)
    return Article(**base)


def test_json_has_exactly_the_stable_keys():
    obj = to_json(make())
    assert list(obj) == ["path", "format", "title", "date", "authors", "dateline", "text", "paragraphs",
                         "blocks", "organisations", "links", "tags", "warnings"]
    assert obj["text"] == "Rain & wind fell for days.\n\nThe <b>UN</b> helped."
    assert obj["blocks"] == [{"kind": "paragraph", "text": "Rain & wind fell for days."},
                             {"kind": "paragraph", "text": "The <b>UN</b> helped."}]
    assert obj["links"] == [{"url": "https://ex.com/a", "label": "", "kind": "source"}]


def test_html_export_escapes_everything_and_marks_organisations():
    text = "Rain & wind fell for days.\n\nThe <b>UN</b> helped."
    start = text.index("UN</b>")
    org = Organisation("United Nations", ("UN",), (Mention(start, start + 2, "UN", "United Nations"),))
    page = render(make(organisations=(org,)), "html")
    assert "<h1>Floods &lt;hit&gt; the north</h1>" in page
    assert "&lt;b&gt;<mark class=\"org\" title=\"United Nations\">UN</mark>&lt;/b&gt;" in page
    assert "<script" not in page and "default-src 'none'" in page
    assert "Rain &amp; wind" in page


def test_txt_and_md_exports():
    txt = render(make(), "txt")
    assert txt.startswith("Floods <hit> the north\n\nRain & wind fell for days.\n\n")
    assert "Source: https://ex.com/a" in txt and "Tags: Weather" in txt
    md = render(make(), "md")
    assert md.startswith("# Floods \\<hit\\> the north\n\n*2025-01-02 · Lisbon · Ana Lima · ex.com*")
    assert "- <https://ex.com/a>" in md


def test_exported_txt_reloads_to_the_same_article(tmp_path):
    article = load_article(SAMPLE_1)
    path = export_article(article, tmp_path / "out.txt")
    again = load_article(path)
    assert again.title == article.title and again.paragraphs == article.paragraphs
    assert again.source_links == article.source_links and again.tags == article.tags


@pytest.mark.parametrize("title, name", [
    ("Floods hit the north", "floods-hit-the-north.txt"),
    ("Qu’est-ce que c’est? Ça va / à Zürich", "quest-ce-que-cest-ça-va-à-zürich.txt"),
    ("CON", "con-article.txt"),
    ("", "a.txt"),
    ("../../etc/passwd", "etc-passwd.txt"),
    ("x" * 200, "x" * 80 + ".txt"),
    # every script keeps its letters (Unicode NFC): no more "wday-ru" or hashed names
    ("Выборы в Москве: что известно", "выборы-в-москве-что-известно.txt"),
    ("서울 시장, 새 예산 발표", "서울-시장-새-예산-발표.txt"),
    ("東京で新しい駅が開業", "東京で新しい駅が開業.txt"),
    ("हिन्दी समाचार", "हिन्दी-समाचार.txt"),
    ("Zu\u0308rich news", "zürich-news.txt"),  # decomposed in, composed out
    ('a<b>c:d"e|f?g*h\\i\x07j. ', "a-b-c-d-e-f-g-h-i-j.txt"),  # what file systems refuse
    # a long title is cut after a whole word
    ("Council votes to widen the harbour road after a long and sometimes bitter public debate",
     "council-votes-to-widen-the-harbour-road-after-a-long-and-sometimes-bitter-public.txt"),
    ("東" * 100, "東" * 66 + ".txt"),  # within 200 bytes of UTF-8
])
def test_suggested_filenames_are_safe(title, name):
    assert suggested_filename(make(title=title), "txt") == name


def test_export_all_names_are_unique_and_never_replace_another_article(tmp_path):
    a, b = make(path="/src/a.txt"), make(path="/src/b.txt", paragraphs=("Other text.",))
    write(tmp_path / "floods-hit-the-north.json", "someone else's file")
    report = export_all([a, b], tmp_path, "json")
    names = sorted(p.name for p in report.written)
    assert names == ["floods-hit-the-north-2.json", "floods-hit-the-north-3.json"]
    assert (tmp_path / "floods-hit-the-north.json").read_text() == "someone else's file"
    assert json.loads((tmp_path / "floods-hit-the-north-2.json").read_text())["path"] == "/src/a.txt"
    again = export_all([a, b], tmp_path, "json")  # exporting again changes nothing
    assert not again.written and len(again.unchanged) == 2
    assert len(list(tmp_path.iterdir())) == 3


def test_export_article_refuses_to_overwrite_unless_asked(tmp_path):
    dest = write(tmp_path / "x.md", "old")
    with pytest.raises(FileExistsError):
        export_article(make(), dest)
    assert dest.read_text() == "old"
    export_article(make(), dest, overwrite=True)
    assert dest.read_text().startswith("# Floods")


def test_atomic_write_failure_keeps_the_earlier_file(tmp_path):
    dest = write(tmp_path / "x.txt", "earlier")
    with mock.patch("os.replace", side_effect=OSError(28, "No space left on device")):
        with pytest.raises(ExportError, match="No space left on device"):
            write_atomic(dest, "new content")
    assert dest.read_text() == "earlier"
    assert os.listdir(tmp_path) == ["x.txt"]  # the temporary file is gone


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only folders")
def test_permission_denied_is_reported(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    report = export_all([make()], folder, "txt")
    assert report.failed and "ermission denied" in report.failed[0][1]


def test_disk_full_during_write_is_reported_per_article(tmp_path):
    with mock.patch("os.fsync", side_effect=OSError(28, "No space left on device")):
        report = export_all([make()], tmp_path, "txt")
    assert report.failed == [("/src/a.txt", f"{tmp_path / 'floods-hit-the-north.txt'}: No space left on device")]
    assert os.listdir(tmp_path) == []


STRUCTURED = dict(paragraphs=("Rain fell.", "What the council said", "Close the road", "Open the shelter",
                              "We were ready, said the mayor."),
                  kinds=("paragraph", "heading", "item", "item", "quote"))


def test_json_blocks_keep_headings_items_and_quotes():
    obj = to_json(make(**STRUCTURED))
    assert [block["kind"] for block in obj["blocks"]] == ["paragraph", "heading", "item", "item", "quote"]
    assert [block["text"] for block in obj["blocks"]] == obj["paragraphs"]


def test_md_and_html_exports_keep_the_structure():
    md = render(make(**STRUCTURED), "md")
    assert "\n\n## What the council said\n\n- Close the road\n\n- Open the shelter\n\n> We were ready" in md
    page = render(make(**STRUCTURED), "html")
    assert "<h2>What the council said</h2><ul><li>Close the road</li><li>Open the shelter</li></ul>" in "".join(page.split("\n"))
    assert "<blockquote>We were ready, said the mayor.</blockquote>" in page


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_exported_files_get_the_users_umask(tmp_path):
    mask = os.umask(0o022)
    os.umask(mask)
    dest = export_article(make(title="Modes"), tmp_path / "modes.txt")
    assert dest.stat().st_mode & 0o777 == 0o666 & ~mask
    report = export_all([make(title="Other")], tmp_path / "all", "md")
    assert report.written[0].stat().st_mode & 0o777 == 0o666 & ~mask
