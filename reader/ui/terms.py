"""Where the search box's words stand in an article, to mark them when it is opened.

The words are the library's (:func:`reader.library.search.parse`): each term matches
whole words, case-insensitively, a phrase its words in order with anything but a line
break between them, and the last word as a prefix while it is being typed, as the
search itself does. No Qt here.
"""
from __future__ import annotations

import re

from reader.library.search import parse


def term_pattern(query: str) -> re.Pattern | None:
    """One pattern matching every text term of ``query`` (None when it has none)."""
    q = parse(query)
    if not q.terms:
        return None
    alternatives = []
    for i, term in enumerate(q.terms):
        body = r"[^\w\n]+".join(re.escape(token) for token in term)
        open_end = q.prefix and i == len(q.terms) - 1
        alternatives.append(rf"\b{body}" + (r"\w*" if open_end else r"\b"))
    alternatives.sort(key=len, reverse=True)  # a phrase before a word it starts with
    return re.compile("|".join(alternatives), re.IGNORECASE)


def term_spans(text: str, query: str, limit: int = 2000) -> list[tuple[int, int]]:
    """``(start, end)`` in ``text`` of the search words of ``query``, at most ``limit``."""
    pattern = term_pattern(query)
    if pattern is None:
        return []
    spans = []
    for m in pattern.finditer(text):
        if m.end() > m.start():
            spans.append((m.start(), m.end()))
            if len(spans) >= limit:
                break
    return spans
