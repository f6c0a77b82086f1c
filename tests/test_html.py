"""HTML pages: the article's paragraphs and metadata, never the page furniture."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.read.formats import html
from reader.record import ArticleError

FIXTURES = Path(__file__).parent / "fixtures" / "html"
ARTICLES = Path(__file__).parent.parent / "articles"

BODY = " ".join(["The council met on Tuesday and agreed to repair the old harbour wall before winter."] * 3)


def page(head: str = "", body: str = "", url_title: str = "") -> str:
    return (f"<html><head>{head}</head><body><article>{body}"
            f"<p>{BODY}</p><p>{BODY} It also set aside money for the ferry pier.</p>"
            f"</article></body></html>")


@pytest.fixture(scope="module")
def harbour():
    return html.parse((FIXTURES / "harbour-news.html").read_text("utf-8"), "harbour-news.html")[0]


def test_news_page_keeps_only_article_paragraphs(harbour):
    text = "\n".join(harbour.paragraphs)
    assert harbour.paragraphs[0].startswith("Dockers at the city's container terminal voted")
    assert harbour.paragraphs[-1].startswith("Business groups welcomed the deal")
    for furniture in ("cookies", "Home", "Weather", "Most read", "Bridge closed", "Related",
                      "Port workers walk out", "newsletter", "All rights reserved", "Facebook",
                      "_tracker", "trackClick", "analytics"):
        assert furniture not in text


def test_news_page_metadata(harbour):
    assert harbour.title == "Port strike ends after dockers accept pay deal"
    assert harbour.date == "2024-03-15"
    assert harbour.authors == ["Jonas Berg"]
    assert harbour.site == "Coastline Daily"
    assert harbour.format == "html"


def test_links_are_canonical_source_and_body_links_only(harbour):
    assert harbour.links[0].kind == "source"
    assert harbour.links[0].url == "https://coastline-daily.example/local/2024/03/15/port-strike-ends"
    inline = {link.url: link.label for link in harbour.links if link.kind == "inline"}
    assert inline == {
        "https://union.example.org/news/dockers-ballot": "Transport Workers' Union",
        "https://coastline-daily.example/local/2024/03/port-figures": "updated traffic figures",
    }


def test_sample_page_in_articles_folder():
    draft = html.parse((ARTICLES / "sample-news-page.html").read_text("utf-8"), "sample.html")[0]
    assert draft.title == "Wind farm operators sign shared grid deal with Baltic regulators"
    assert draft.date == "2025-11-27"
    assert draft.tags == ["energy", "offshore wind"]
    assert len(draft.paragraphs) == 7
    assert all(link.url.startswith("https://") for link in draft.links)
    assert not any("sharer" in link.url or "intent" in link.url for link in draft.links)


@pytest.mark.parametrize("head, body, field, expected", [
    # title: og:title > JSON-LD headline > h1 > <title> without the site name
    ('<meta property="og:title" content="OG title"><script type="application/ld+json">'
     '{"@type":"NewsArticle","headline":"LD title"}</script><title>Tag title</title>',
     "<h1>H1 title</h1>", "title", "OG title"),
    ('<script type="application/ld+json">{"@type":"NewsArticle","headline":"LD title"}</script>'
     "<title>Tag title</title>", "<h1>H1 title</h1>", "title", "LD title"),
    ("<title>Harbour wall repaired: what next? | Daily</title>", "<h1>Harbour wall repaired: what next?</h1>",
     "title", "Harbour wall repaired: what next?"),
    # an h1 that is not the page's headline (a site header, a section label) loses to <title>
    ("<title>Harbour wall repaired after the storm | Coast News</title>", "<h1>About This Site</h1>",
     "title", "Harbour wall repaired after the storm | Coast News"),
    ("<title>The Daily view on the harbour: a wall at last | Editorial</title>", "<h1>Editorial</h1>",
     "title", "The Daily view on the harbour: a wall at last"),
    ('<meta property="og:site_name" content="The Daily Example"><title>Harbour wall repaired | The Daily Example</title>',
     "", "title", "Harbour wall repaired"),
    ("<title>Harbour wall repaired - Daily Example</title>"
     '<link rel="canonical" href="https://dailyexample.example/a/1">', "", "title", "Harbour wall repaired"),
    ("<title>Walls: a history - part one</title>", "", "title", "Walls: a history - part one"),
    # date: article:published_time > JSON-LD datePublished > <time datetime> > URL
    ('<meta property="article:published_time" content="2024-01-02T10:00:00Z">'
     '<script type="application/ld+json">{"@type":"NewsArticle","headline":"x","datePublished":"2024-01-03"}</script>',
     '<time datetime="2024-01-04">4 Jan</time>', "date", "2024-01-02"),
    ('<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle",'
     '"headline":"x","datePublished":"Wed, 03 Jan 2024 08:00:00 GMT"}]}</script>',
     '<time datetime="2024-01-09">9 Jan</time>', "date", "2024-01-03"),
    ("", '<time datetime="2024-01-04T09:00">4 Jan</time>', "date", "2024-01-04"),
    ('<meta property="og:url" content="https://example.org/news/2024/01/05/wall">', "", "date", "2024-01-05"),
    ("", "", "date", None),
    # authors, site, canonical
    ('<script type="application/ld+json">{"@type":"NewsArticle","headline":"x","author":'
     '[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Kim"}]}</script>'
     '<meta name="author" content="Someone Else">', "", "authors", ["Ann Lee", "Bo Kim"]),
    ('<meta name="author" content="By Ann Lee and Bo Kim">', "", "authors", ["Ann Lee", "Bo Kim"]),
    ('<meta property="og:site_name" content="Daily Example">', "", "site", "Daily Example"),
    ('<link rel="canonical" href="https://example.org/a">', "", "site", "example.org"),
])
def test_metadata_precedence(head, body, field, expected):
    draft = html.parse(page(head, body), "page.html")[0]
    assert getattr(draft, field) == expected


@pytest.mark.parametrize("head, expected", [
    ('<meta property="og:url" content="https://example.org/og">'
     '<link rel="canonical" href="https://example.org/canonical">', "https://example.org/og"),
    ('<link rel="canonical" href="https://example.org/canonical">', "https://example.org/canonical"),
    ('<meta property="og:url" content="javascript:alert(1)">', None),
])
def test_canonical_url_is_the_source_link(head, expected):
    draft = html.parse(page(head), "page.html")[0]
    sources = [link.url for link in draft.links if link.kind == "source"]
    assert sources == ([expected] if expected else [])


def test_headline_repeated_at_top_of_body_is_not_a_paragraph():
    draft = html.parse(page('<meta property="og:title" content="Harbour wall to be repaired">',
                            "<h1>Harbour wall to be repaired</h1>"), "page.html")[0]
    assert draft.paragraphs[0].startswith("The council met")


def test_page_without_article_is_an_error_with_a_reason():
    with pytest.raises(ArticleError) as error:
        html.parse((FIXTURES / "no-article.html").read_text("utf-8"), "no-article.html")
    assert error.value.reason == "no article text found in this page"
    with pytest.raises(ArticleError):
        html.parse("", "empty.html")


def test_hostile_markup_never_reaches_text_or_links():
    body = ('<script>document.write("INJECTED")</script><iframe src="https://evil.example/x">IFRAME</iframe>'
            '<p>See <a href="javascript:steal()">this</a>, <a href="data:text/html,hi">that</a> and '
            '<a href="https://good.example/report">the report</a> for the repair plans in detail.</p>'
            '<style>p { color: red }</style>')
    draft = html.parse(page(body=body), "page.html")[0]
    text = "\n".join(draft.paragraphs)
    assert "INJECTED" not in text and "IFRAME" not in text and "color" not in text
    assert [link.url for link in draft.links] == ["https://good.example/report"]


def test_deep_nesting_is_read_quickly_with_a_warning():
    depth = 50_000
    deep = ("<html><body>" + "<div>" * depth + f"<p>{BODY}</p><p>{BODY}</p>" + "</div>" * depth
            + "</body></html>")
    started = time.perf_counter()
    draft = html.parse(deep, "deep.html")[0]
    assert time.perf_counter() - started < 5
    assert any("nests" in warning for warning in draft.warnings)
    assert draft.paragraphs[0].startswith("The council met")


def test_embedded_post_is_kept_as_a_quote():
    body = ('<div class="social-embed"><blockquote class="twitter-tweet"><p>The wall is finally '
            'getting fixed, twenty years after the storm.</p>&mdash; Harbour Watch (@harbourwatch)'
            '</blockquote></div>')
    draft = html.parse(page(body=body), "page.html")[0]
    assert any("finally getting fixed" in paragraph for paragraph in draft.paragraphs)


def test_trailing_prompts_and_teasers_are_trimmed():
    body = (f"<p>{BODY}</p><p>Related: <a href='https://example.org/r'>Ferry pier to close for a month</a></p>"
            f"<p>{BODY} The work starts in May.</p>")
    tail = ("<p>Follow us on Twitter and Facebook. Sign up for our newsletter.</p>"
            "<p>Leave a comment</p>")
    source = f"<html><body><article>{body}{tail}</article></body></html>"
    draft = html.parse(source, "page.html")[0]
    assert draft.paragraphs[-1].endswith("The work starts in May.")
    assert not any(paragraph.startswith("Related") for paragraph in draft.paragraphs)


def test_extract_html_returns_the_cleaned_article():
    from reader import extract_html

    article = extract_html((FIXTURES / "harbour-news.html").read_text("utf-8"),
                           "https://coastline-daily.example/local/2024/03/15/port-strike-ends")
    assert article.title == "Port strike ends after dockers accept pay deal"
    assert article.text.startswith("Dockers at the city's container terminal")
    assert "cookies" not in article.text


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gives_drafts_or_an_article_error(text):
    try:
        drafts = html.parse(text, "generated")
    except ArticleError:
        return
    assert all(draft.paragraphs for draft in drafts)


@pytest.mark.parametrize("last", [
    "The video was shared on Facebook and Twitter thousands of times within an hour.",
    "Residents can sign up for the repair programme at the town hall until Friday.",
    "Its subscription revenue rose by a fifth, the company said. Leave a comment below.",
])
def test_a_real_last_paragraph_is_not_furniture(last):
    draft = html.parse(f"<html><body><article><p>{BODY}</p><p>{last}</p></article></body></html>",
                       "page.html")[0]
    assert draft.paragraphs[-1] == last


def test_script_links_are_page_controls_not_text():
    body = ('<p>Fishing groups said they would study the plan. '
            '<a href="javascript:void(0)" onclick="openGallery()">View gallery</a></p>'
            '<p>Officials <a href="#" onclick="share()">Share</a>declined to comment '
            '<a href="JavaScript:print()">Print this page</a>on Monday, citing the '
            '<a href="#fn1">report</a> and the <a href="https://example.org/plan">published plan</a>.</p>')
    article = html.extract_html(page(body=body))
    text = article.text
    for control in ("View gallery", "Share", "Print this page"):
        assert control not in text
    assert "Fishing groups said they would study the plan." in text
    assert "Officials declined to comment on Monday, citing the report and the published plan." in text
    assert any(link.url == "https://example.org/plan" and link.label == "published plan" for link in article.links)


@pytest.mark.parametrize("source, cut", [
    ("<html><body><p>The Sindh Police said the <b>Counter Terrorism Department (CTD) arrested", True),
    ("<html><body><p>The Sindh Police said the officers arrested two men.</p><di", True),
    ("<html><body><p>The Sindh Police said the officers arrested two men.</p>", False),  # closing tags may be left out
    ("<p>The Sindh Police said the officers arrested", False),  # a fragment, not a page
    ("<html><body><p>The Sindh Police said.</p></body></html>", False),
])
def test_a_page_cut_off_is_told_from_one_that_leaves_out_closing_tags(source, cut):
    assert html.is_truncated(source) is cut
