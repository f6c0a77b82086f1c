"""The search box's language, turned into safe SQLite FTS5 expressions.

What a user types::

    harbour strike          both words (any order), the last one as a prefix: "harbour" "strike"*
    "port authority"        the exact phrase
    lashkar-e-balochistan   a word with inner punctuation is a phrase of its parts
    polic*                  a trailing * on the last word asks for a prefix
    org:BLA  org:"Bank of England"
                            the articles naming that organisation under any of its names
                            (resolved by :class:`reader.library.Library` through the
                            folder's organisation index)

Every token is quoted in the FTS expression, so nothing a user types (operators, stray
quotes, brackets, ``*``, ``:``, ``NEAR``) is a syntax error: :func:`parse` never raises
and never builds an invalid expression. No Qt here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..organisations.index import IndexEntry, OrganisationIndex
from ..record import Article

# what the unicode61 tokenizer keeps as token characters: letters, digits, marks
_TOKEN = re.compile(r"[^\W_]+(?:[\u0300-\u036f]+[^\W_]*)*")
_ORG = re.compile(r"(?i)(?:^|(?<=\s))org:")
MIN_PREFIX = 2  # a last token shorter than this is matched whole (one letter matches everything)


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: the text terms and the ``org:`` part, if any."""

    terms: tuple[tuple[str, ...], ...] = ()  # each term: one token, or a phrase's tokens
    prefix: bool = False  # the last term's last token is being typed: match it as a prefix
    org: str | None = None  # the text after org:, stripped (quotes removed)
    org_quoted: bool = False  # org:"…" names exactly one organisation
    blank: bool = field(default=False)  # nothing typed at all

    def match(self) -> str | None:
        """The FTS5 MATCH expression of the text terms; None when there are none."""
        return fts_expression(self.terms, self.prefix)


def parse(query: str) -> Query:
    """Split what the user typed into text terms and an ``org:`` name; never raises."""
    if not isinstance(query, str):
        query = str(query)
    if not query.strip():
        return Query(blank=True)
    org, org_quoted = None, False
    m = _ORG.search(query)
    if m:
        rest = query[m.end():].lstrip()
        text = query[:m.start()]
        if rest.startswith('"'):
            close = rest.find('"', 1)
            org = rest[1:close] if close > 0 else rest[1:]
            org_quoted = True
            text += " " + (rest[close + 1:] if close > 0 else "")
        else:
            org = rest
        org = " ".join(org.split()) or None
        query = text
    terms, prefix = _terms(query)
    return Query(terms=terms, prefix=prefix, org=org, org_quoted=org_quoted)


def _terms(text: str) -> tuple[tuple[tuple[str, ...], ...], bool]:
    terms: list[tuple[str, ...]] = []
    prefix = False
    pos = 0
    for piece in re.finditer(r'"([^"]*)("?)|(\S+)', text):
        pos = piece.end()
        if piece.group(3) is None:  # a phrase, closed or still being typed
            tokens = tuple(t.lower() for t in _TOKEN.findall(piece.group(1)))
            if tokens:
                terms.append(tokens)
            prefix = bool(tokens) and not piece.group(2)  # an unclosed quote: still typing
        else:
            tokens = tuple(t.lower() for t in _TOKEN.findall(piece.group(3)))
            if tokens:
                terms.append(tokens)
            last = piece.group(3)[-1]
            prefix = bool(tokens) and (last.isalnum() or last == "*")  # "y)" is a finished word
    if pos < len(text):  # trailing whitespace: the last word is complete
        prefix = False
    if prefix and terms and len(terms[-1][-1]) < MIN_PREFIX:
        prefix = False
    return tuple(terms), prefix


def fts_expression(terms, prefix: bool = False) -> str | None:
    """``"a" "b c" "d"*``: every term quoted (tokens are letters and digits only)."""
    if not terms:
        return None
    parts = ['"' + " ".join(t) + '"' for t in terms]
    if prefix:
        parts[-1] += "*"
    return " ".join(parts)


def org_articles(q: Query, index: OrganisationIndex, articles: dict[str, Article]) -> tuple[dict[str, int], list[str]]:
    """Article key -> mentions of the organisation(s) ``q.org`` names, and the words
    after the name that are search text (``org:BLA attack``). Hold the index's lock."""
    name = q.org or ""
    extra: list[str] = []
    entries: list[IndexEntry] = []
    if q.org_quoted:
        entry = index.entry_for(name)
        entries = [entry] if entry else _org_like(index, name)
    else:
        words = name.split()
        for n in range(len(words), 0, -1):
            entry = index.entry_for(" ".join(words[:n]))
            if entry is not None:
                entries, extra = [entry], words[n:]
                break
        else:
            entries = _org_like(index, name)
    counts: dict[str, int] = {}
    for entry in entries:
        forms = {entry.name, *entry.aliases}
        for key in entry.articles:
            article = articles.get(key)
            if article is None:
                continue
            n = sum(len(o.mentions) or 1 for o in article.organisations
                    if o.name in forms or not forms.isdisjoint(o.aliases))
            counts[key] = counts.get(key, 0) + max(n, 1)
    return counts, extra


def _org_like(index: OrganisationIndex, text: str) -> list[IndexEntry]:
    """Organisations one of whose names contains ``text`` (as the user types)."""
    needle = text.casefold()
    if not needle:
        return []
    return [e for e in index.entries()
            if needle in e.name.casefold() or any(needle in a.casefold() for a in e.aliases)]
