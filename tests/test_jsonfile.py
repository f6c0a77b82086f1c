"""Scraper JSON exports: common field names, wrappers, schema.org, JSON Lines."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.read.formats import jsonfile
from reader.record import ArticleError, Link

FIXTURES = Path(__file__).parent / "fixtures" / "json"
ARTICLES = Path(__file__).parent.parent / "articles"
BODY = "The council approved four new cycle lanes on Thursday."


def parse(value, path: str = "export.json"):
    return jsonfile.parse(json.dumps(value) if not isinstance(value, str) else value, path)


def test_scraper_export_sample():
    first, second = jsonfile.parse((ARTICLES / "scraper-export.json").read_text("utf-8"),
                                   "scraper-export.json")
    assert (first.index, second.index) == (0, 1)
    assert first.title == "Rail freight talks resume as strike deadline nears"
    assert first.date == "2025-12-03"
    assert first.authors == ["Priya Natarajan", "Tomás Ferreira"]
    assert first.tags == ["transport", "labour", "rail"]
    assert len(first.paragraphs) == 3 and "trackView" not in " ".join(first.paragraphs)
    assert first.links[0] == Link("https://news.example.com/2025/12/03/rail-freight-strike-talks",
                                  first.title, "source")
    assert Link("https://www.example.org/bdi/statement", "Federation of German Industries",
                "inline") in first.links
    assert second.authors == ["Aino Lehtinen"]
    assert second.date == "2025-12-04"
    assert second.site == "Example News"
    assert second.tags == ["science", "oceans", "funding"]
    assert len(second.paragraphs) == 3


@pytest.mark.parametrize("fields, attribute, expected", [
    ({"headline": "H", "title": "T"}, "title", "H"),
    ({"name": "N"}, "title", "N"),
    ({"title": {"rendered": "Caf&eacute; <em>opens</em>"}}, "title", "Café opens"),
    ({"datePublished": "2024-06-06T10:00:00Z"}, "date", "2024-06-06"),
    ({"pubDate": "Thu, 06 Jun 2024 10:00:00 GMT"}, "date", "2024-06-06"),
    ({"published": "June 6, 2024"}, "date", "2024-06-06"),
    ({"date": "6 Jun 2024"}, "date", "2024-06-06"),
    ({"published_at": 1717668000}, "date", "2024-06-06"),
    ({"date": "soon"}, "date", None),
    ({"author": "Mia Holm"}, "authors", ["Mia Holm"]),
    ({"author": "Mia Holm and Ali Demir"}, "authors", ["Mia Holm", "Ali Demir"]),
    ({"authors": ["Mia Holm", "Ali Demir"]}, "authors", ["Mia Holm", "Ali Demir"]),
    ({"author": {"@type": "Person", "name": "Mia Holm"}}, "authors", ["Mia Holm"]),
    ({"authors": [{"name": "Mia Holm"}, {"name": "Ali Demir"}]}, "authors", ["Mia Holm", "Ali Demir"]),
    ({"tags": ["transport", "city"]}, "tags", ["transport", "city"]),
    ({"keywords": "transport, city"}, "tags", ["transport", "city"]),
    ({"publisher": {"name": "City Post"}}, "site", "City Post"),
])
def test_common_field_names(fields, attribute, expected):
    (draft,) = parse({"text": BODY, **fields})
    assert getattr(draft, attribute) == expected


@pytest.mark.parametrize("key", ["articleBody", "content", "text", "body"])
def test_body_field_names(key):
    (draft,) = parse({"title": "T", key: BODY})
    assert draft.paragraphs == [BODY]


@pytest.mark.parametrize("key", ["url", "link", "canonical"])
def test_url_field_names_give_a_source_link(key):
    (draft,) = parse({"title": "T", "text": BODY, key: "https://city.example.org/a"})
    assert draft.links == [Link("https://city.example.org/a", "T", "source")]


def test_html_body_has_its_text_extracted():
    body = ('<p>First <b>bold</b> paragraph.</p><script>alert(1)</script><p>See '
            '<a href="https://x.example.org/r">the report</a> and <a href="javascript:x()">more</a>.</p>')
    (draft,) = parse({"title": "T", "content": {"rendered": body}})
    assert draft.paragraphs == ["First bold paragraph.", "See the report and more."]
    assert draft.links == [Link("https://x.example.org/r", "the report", "inline")]


@pytest.mark.parametrize("wrapper", ["articles", "data", "items", "results"])
def test_wrappers_and_lists(wrapper):
    drafts = parse({"status": "ok", wrapper: [{"title": "A", "text": BODY}, {"title": "B", "text": BODY}]})
    assert [(draft.title, draft.index) for draft in drafts] == [("A", 0), ("B", 1)]


def test_schema_org_graph():
    (draft,) = jsonfile.parse((FIXTURES / "graph-newsarticle.json").read_text("utf-8"), "graph.json")
    assert draft.title == "Reservoir levels recover after wet autumn"
    assert draft.date == "2023-11-20"
    assert draft.authors == ["Eva Moreau", "Luc Girard"]
    assert draft.site == "Valley Courier"
    assert draft.links == [Link("https://valley-courier.example/news/reservoirs-recover", draft.title, "source")]
    assert len(draft.paragraphs) == 2


def test_json_lines_skip_a_bad_line_with_a_warning():
    drafts = jsonfile.parse((FIXTURES / "export.jsonl").read_text("utf-8"), "export.jsonl")
    assert [draft.title for draft in drafts] == ["Council approves cycle lanes", "Night buses return"]
    assert [draft.index for draft in drafts] == [0, 1]
    assert drafts[1].date == "2024-06-07"
    assert any("line 2" in warning for warning in drafts[0].warnings)


def test_json_lines_in_a_json_file():
    text = json.dumps({"title": "A", "text": BODY}) + "\n" + json.dumps({"title": "B", "text": BODY})
    assert [draft.title for draft in jsonfile.parse(text, "lines.json")] == ["A", "B"]


@pytest.mark.parametrize("name, reason", [
    ("truncated.json", "truncated JSON at line 1"),
    ("no-article.json", "JSON holds no article (expected an object with a body/text field)"),
])
def test_files_without_an_article(name, reason):
    with pytest.raises(ArticleError) as error:
        jsonfile.parse((FIXTURES / name).read_text("utf-8"), name)
    assert error.value.reason.startswith(reason)


@pytest.mark.parametrize("text, reason", [
    ('{"title": "T",\n "text": "abc",\n "date": ', "truncated JSON at line 3"),
    ("", "the file is empty"),
    ("[1, 2, 3]", "JSON holds no article"),
    ('{"title": "only a title"}', "JSON holds no article"),
    ('{"title" "x"}', "not valid JSON at line 1"),
])
def test_clear_reasons(text, reason):
    with pytest.raises(ArticleError) as error:
        jsonfile.parse(text, "x.json")
    assert error.value.reason.startswith(reason)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gives_drafts_or_an_article_error(text):
    try:
        drafts = jsonfile.parse(text, "generated")
    except ArticleError:
        return
    assert all(draft.paragraphs for draft in drafts)
