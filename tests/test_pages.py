"""The page corpus in ``tests/pages/``: pages written for the ways an extractor loses,
damages or pads an article's text, each beside a ``.json`` of what the reader must show.

Keys of the expectation: ``case`` (what the page is about), ``paragraphs`` (the body
exactly), ``contains``/``absent`` (strings the body must or must not hold), ``warnings``
(strings some warning must hold), ``inline_links`` (the body's link targets, in order),
and any article field to compare exactly (``title``, ``date``, ``authors``...).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.read.formats.html import extract_html

PAGES = Path(__file__).parent / "pages"
CASES = sorted(path.stem for path in PAGES.glob("*.json"))
FIELDS = ("title", "date", "authors", "site", "blocks")


def _expected(name: str) -> dict:
    return json.loads((PAGES / f"{name}.json").read_text("utf-8"))


@pytest.mark.parametrize("name", CASES)
def test_page(name):
    expected = _expected(name)
    url = expected.get("url")
    article = extract_html((PAGES / f"{name}.html").read_text("utf-8"), url)
    if "paragraphs" in expected:
        assert list(article.paragraphs) == expected["paragraphs"]
    for text in expected.get("contains", ()):
        assert text in article.text
    for text in expected.get("absent", ()):
        assert text not in article.text
    for text in expected.get("warnings", ()):
        assert any(text in warning for warning in article.warnings), article.warnings
    if "inline_links" in expected:
        assert [link.url for link in article.links if link.kind == "inline"] == expected["inline_links"]
    for field in FIELDS:
        if field in expected:
            value = getattr(article, field)
            if field == "blocks":
                value = [{"kind": block.kind, "text": block.text} for block in value]
            elif isinstance(value, tuple):
                value = list(value)
            assert value == expected[field]


def test_every_page_has_its_expectation():
    pages = sorted(path.stem for path in PAGES.glob("*.html"))
    assert pages == CASES
