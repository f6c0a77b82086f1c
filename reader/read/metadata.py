"""Pipeline steps that lift metadata out of an article's body into its fields.

Whole lines (``Source: URL``, ``Tags: a, b``, ``date 2025-12-04``, ``By NAME``), the
title line, metadata glued to the start of the first paragraph, and the dateline.
"""
from __future__ import annotations

import re

from .authors import clean_authors
from .dates import DATE_PATTERN, parse_date
from ..record import Draft, Link

_URL = r"https?://[^\s<>\"'()]+[^\s<>\"'().,;:!?]"
_SOURCE_LINE = re.compile(rf"(?:sources?|via|original(?: article| story)?|link|url)\s*:\s*(?P<urls>{_URL}(?:\s*[,;|]?\s*{_URL})*)\s*", re.I)
_TAGS_LINE = re.compile(r"(?:tags?|keywords?|topics?|categories|category)\s*:\s*(?P<tags>.{1,400})", re.I)
_DATE_WORDS = r"(?:date[d]?|published(?:\s+on)?|posted(?:\s+on)?|first published(?:\s+on)?|updated(?:\s+on)?|last updated(?:\s+on)?)"
_DATE_LINE = re.compile(rf"(?P<word>{_DATE_WORDS})?\s*:?\s*(?P<date>{DATE_PATTERN})(?:\s*(?:at\s+)?\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?\s*[A-Z]{{0,4}})?\.?", re.I)
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|van|von|de|da|del|der|bin|al|ul|e))*"
_BY_LINE = re.compile(rf"(?i:by|written by|authors?|reporting by)\s*:?\s+(?P<names>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)\s*(?:[|,–—-]\s*[^.!?]{{0,60}})?")
_GLUED = re.compile(rf"\s*(?P<word>{_DATE_WORDS})\s*:?\s*(?P<date>{DATE_PATTERN})\s*[|,–—-]?\s*(?=\S)", re.I)
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'’.-]{2,}(?: [A-Z][A-Z'’.-]+){0,3})"   # ISLAMABAD, NEW YORK
    r"(?:,\s*[A-Z][a-z]+\.?(?: [A-Z][a-z]+)?)?"                  # , Pakistan / , Calif.
    r"(?:\s*\((?:[A-Za-z .]{2,30})\))?"                           # (Reuters)
    r"\s*(?::|—|–|--?)\s*(?=[\"“‘A-Z0-9])")
_TERMINAL = re.compile(r"[.!?…,;:][\"”’')\]]*$")
HEAD_LINES = 6  # date and by-lines are only lifted from this many lines at the top or bottom


def lift_metadata_lines(draft: Draft) -> Draft:
    """``Source: URL`` → source link, ``Tags: a, b`` → tags, date and by-lines → fields."""
    lines = draft.body.split("\n")
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    edge = set(nonblank[:HEAD_LINES] + nonblank[-HEAD_LINES:])
    kept = []
    for i, line in enumerate(lines):
        stripped = line.strip()
        if (m := _SOURCE_LINE.fullmatch(stripped)):
            for url in re.findall(_URL, m["urls"]):
                draft.links.append(Link(url, "", "source"))
        elif (m := _TAGS_LINE.fullmatch(stripped)) and _looks_like_tags(m["tags"]):
            draft.tags.extend(t.strip().strip("#") for t in re.split(r"[,;|]", m["tags"]) if t.strip())
        elif i in edge and (m := _DATE_LINE.fullmatch(stripped)) and (iso := parse_date(m["date"])):
            if draft.date is None or not (m["word"] or "").lower().endswith("updated"):
                draft.date = draft.date or iso
        elif i in edge and len(stripped) <= 100 and (m := _BY_LINE.fullmatch(stripped)):
            draft.authors.extend(n for n in clean_authors(m["names"]) if n not in draft.authors)
        else:
            kept.append(line)
    draft.body = "\n".join(kept)
    return draft


def _looks_like_tags(value: str) -> bool:
    parts = [p.strip() for p in re.split(r"[,;|]", value) if p.strip()]
    return bool(parts) and all(len(p) <= 40 and not _TERMINAL.search(p) for p in parts)


def lift_title(draft: Draft) -> Draft:
    """A first short line without terminal punctuation, followed by more text, is the title."""
    paragraphs = draft.paragraphs or []
    if draft.title or len(paragraphs) < 2:
        return draft
    first = paragraphs[0]
    if len(first) <= 150 and not _TERMINAL.search(first) and len(first.split()) <= 20 and first[:1].isupper() | first[:1].isdigit() | (first[:1] in "\"“‘'"):
        draft.title = first
        draft.paragraphs = paragraphs[1:]
    return draft


def lift_glued_metadata(draft: Draft) -> Draft:
    """`` date 2025-12-04 The Balochistan government…`` → date; the paragraph reads on."""
    paragraphs = draft.paragraphs or []
    if paragraphs and (m := _GLUED.match(paragraphs[0])) and (iso := parse_date(m["date"])):
        draft.date = draft.date or iso
        rest = paragraphs[0][m.end():]
        draft.paragraphs = ([rest] if rest else []) + paragraphs[1:]
    return draft


def lift_dateline(draft: Draft) -> Draft:
    """A leading ``ISLAMABAD:`` becomes the dateline; the paragraph keeps reading naturally."""
    paragraphs = draft.paragraphs or []
    if paragraphs and not draft.dateline and (m := _DATELINE.match(paragraphs[0])):
        rest = paragraphs[0][m.end():]
        if len(rest.split()) >= 3:
            draft.dateline = m["place"].strip()
            draft.paragraphs = [rest] + paragraphs[1:]
    return draft
