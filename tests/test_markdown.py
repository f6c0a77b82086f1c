"""Markdown notes: plain text without markup, links as links, metadata lines lifted."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.read.formats import markdown
from reader.record import ArticleError, Link

FIXTURES = Path(__file__).parent / "fixtures" / "md"
ARTICLES = Path(__file__).parent.parent / "articles"


def parse(text: str):
    return markdown.parse(text, "note.md")[0]


def test_field_notes_sample():
    draft = markdown.parse((ARTICLES / "field-notes.md").read_text("utf-8"), "field-notes.md")[0]
    assert draft.title == "Harbour authority pauses dredging after seagrass survey"
    assert draft.date == "2025-12-04"
    assert draft.authors == ["Maren Holt"]
    assert draft.paragraphs[0].startswith("The Port of Tallinn has paused maintenance dredging")
    assert "What the survey found" in draft.paragraphs
    assert "Sediment samples showed no rise in heavy metals." in draft.paragraphs
    text = "\n".join(draft.paragraphs)
    for markup in ("#", "**", "](", "![", "> ", "- ", "_no_", "Sources", "seagrass.jpg"):
        assert markup not in text
    assert [link for link in draft.links if link.kind == "source"] == [
        Link("https://www.example.org/emi/seagrass-2025", "Estonian Marine Institute survey summary", "source"),
        Link("https://www.example.com/port/notices/2025-48", "Port of Tallinn notice to mariners", "source"),
    ]
    assert Link("https://www.example.org/eea/coastal-pilots", "coastal restoration programme",
                "inline") in draft.links


def test_front_matter_lists_code_and_reference_links():
    draft = markdown.parse((FIXTURES / "front-matter.md").read_text("utf-8"), "front-matter.md")[0]
    assert draft.title == "Library extends opening hours"
    assert draft.date == "2024-05-02"
    assert draft.authors == ["Sara Lind", "Ola Nyberg"]
    assert draft.tags == ["libraries", "city council"]
    assert draft.paragraphs == [
        "The city library will open until 21:00 on weekdays from June, the council's culture "
        "committee decided on Tuesday.",
        "The reading room keeps its current hours.",
        "The children's section opens at 09:00 on Saturdays.",
        'opening_hours = "09-21"',
        "Details are in the committee minutes.",
    ]
    assert Link("https://notes.example.org/2024/library-hours", "", "source") in draft.links
    assert Link("https://council.example.org/minutes/2024-04-30", "committee minutes", "inline") in draft.links


@pytest.mark.parametrize("source, paragraph", [
    ("Some **bold**, *italic*, __strong__, _em_ and ~~struck~~ words.",
     "Some bold, italic, strong, em and struck words."),
    ("Run `make test` first.", "Run make test first."),
    ("A ![chart of rainfall](chart.png) picture.", "A picture."),
    ("See <https://example.org/x> now.", "See https://example.org/x now."),
    ("> Quoted words from the minister.", "Quoted words from the minister."),
    ("* first point", "first point"),
    ("3. third point", "third point"),
    ("Snake_case_names stay whole and 2*3*4 too.", "Snake_case_names stay whole and 2*3*4 too."),
    ("Escaped \\*stars\\* stay.", "Escaped *stars* stay."),
    ("Soft wrapped\nline joins.", "Soft wrapped line joins."),
])
def test_inline_markup_removed(source, paragraph):
    assert parse("# Title\n\n" + source).paragraphs == [paragraph]


@pytest.mark.parametrize("line, date", [
    ("Published 4 December 2025", "2025-12-04"),
    ("Published on Dec 4, 2025 at 10:00", "2025-12-04"),
    ("Date: 2025-12-04", "2025-12-04"),
    ("**Published:** Thu, 04 Dec 2025 10:00:00 +0000", "2025-12-04"),
    ("_Updated 2025-12-05_ · 4 min read", "2025-12-05"),
])
def test_date_lines(line, date):
    draft = parse(f"# Title\n\n{line}\n\nThe body of the note.")
    assert draft.date == date
    assert draft.paragraphs == ["The body of the note."]


def test_published_in_prose_is_not_a_date_line():
    draft = parse("# Title\n\nPublished research on the bay has grown since 2020, the survey says.")
    assert draft.date is None
    assert len(draft.paragraphs) == 1


def test_setext_title_and_inline_source_line():
    draft = parse("Council budget\n==============\n\nThe council passed its budget.\n\n"
                  "Source: [City Hall press office](https://city.example.org/press/42)")
    assert draft.title == "Council budget"
    assert draft.paragraphs == ["The council passed its budget."]
    assert draft.links == [Link("https://city.example.org/press/42", "City Hall press office", "source")]


def test_sources_list_with_bare_urls():
    draft = parse("# T\n\nText here.\n\n**Sources:**\n\n- https://a.example.org/one\n- https://b.example.org/two\n")
    assert [(link.url, link.kind) for link in draft.links] == [
        ("https://a.example.org/one", "source"), ("https://b.example.org/two", "source")]


def test_only_http_links_are_kept():
    draft = parse("# T\n\nSee [this](javascript:alert(1)) and [that](mailto:a@b.c) here.")
    assert draft.paragraphs == ["See this and that here."]
    assert draft.links == []


def test_empty_note_is_an_error():
    with pytest.raises(ArticleError) as error:
        markdown.parse("# Only a heading\n\n---\n", "empty.md")
    assert "no article text" in error.value.reason


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gives_drafts_or_an_article_error(text):
    try:
        drafts = markdown.parse(text, "generated")
    except ArticleError:
        return
    assert all(draft.paragraphs for draft in drafts)


def test_fused_word_repair_leaves_code_and_tables_alone():
    import textwrap

    from reader.read.clean import finish

    prose = [
        "The harbour board met on Tuesday evening to discuss the state of the old sea wall, which has been "
        "crumbling since the storms of last winter and now leans towards the water in several places.",
        "Engineers told the board that the wall could fail within two years unless the council paid for new "
        "stone facing and drainage works, and they warned that the cost would only rise if it waited.",
        "Residents who live along the front said they had been asking for repairs for almost a decade and "
        "were tired of being ignored by a board that met behind closed doors and published its minutes late.",
    ]
    code = "const form=new FormData(document.getElementById('signup'));fetch('/api/join',{method:'POST',body:form});"
    row = "| Harbourmaster | HarbourBoardChairman | StoneFacing |"
    fused = ["".join(textwrap.wrap(paragraph, 44)) for paragraph in prose]
    source = "\n\n".join([fused[0], fused[1], "```js", code, "```", row, fused[2],
                          "Call `document.getElementById` once the page has loaded and the board's form is shown."])
    article = finish(parse(source))
    assert list(article.paragraphs[:3]) == prose[:2] + [code]
    assert article.paragraphs[3] == "Harbourmaster | HarbourBoardChairman | StoneFacing"
    assert article.paragraphs[4] == prose[2]
    assert "document.getElementById once" in article.paragraphs[5]


def test_headings_items_and_quotes_keep_their_kind():
    from reader.read.clean import finish

    source = ("# Flood defences finished\n\nThe new wall was finished on Friday, a month early.\n\n"
              "## What changes\n\n- The riverside path reopens\n- Parking returns to the quay\n\n"
              "> We can sleep at night again, said a neighbour.\n\nThe council will inspect it each spring.\n")
    article = finish(parse(source))
    assert article.title == "Flood defences finished"
    assert [(block.kind, block.text) for block in article.blocks] == [
        ("paragraph", "The new wall was finished on Friday, a month early."),
        ("heading", "What changes"),
        ("item", "The riverside path reopens"),
        ("item", "Parking returns to the quay"),
        ("quote", "We can sleep at night again, said a neighbour."),
        ("paragraph", "The council will inspect it each spring."),
    ]
