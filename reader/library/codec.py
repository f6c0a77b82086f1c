"""The article codec: one file's articles as compact bytes (what the cache stores and the
loading processes send back), what the full-text index holds for an article, and the
key a path is stored under. No Qt, no SQL here."""
from __future__ import annotations

import json
import sys
from itertools import starmap
from typing import Sequence

from ..record import Article, Link, Mention, Organisation


def encode_articles(articles: Sequence[Article]) -> bytes:
    """The articles of one file as compact JSON (arrays, not objects): fast both ways and
    safe to read back whatever the bytes are (bad bytes raise ValueError, never worse)."""
    rows = [[a.path, a.format, a.title, a.date, a.authors, a.dateline, a.paragraphs,
             [(link.url, link.label, link.kind) for link in a.links], a.tags, a.warnings,
             [(o.name, o.aliases, [(m.start, m.end, m.text, m.name, m.why) for m in o.mentions], o.source)
              for o in a.organisations], a.site, a.index, a.kinds, a.wrap] for a in articles]
    try:
        return json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except UnicodeEncodeError:  # a file name with undecodable bytes: \udcXX escapes survive the trip
        return json.dumps(rows, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def decode_articles(blob: bytes, path: str | None = None) -> list[Article]:
    """The articles :func:`encode_articles` wrote; ``path`` replaces the stored path (the
    same file reached by another spelling). Raises ValueError/TypeError on bad bytes."""
    out = []
    for (p, fmt, title, date, authors, dateline, paragraphs, links, tags, warnings, orgs, site,
         index, kinds, wrap) in json.loads(blob):
        out.append(Article(
            path if path is not None else p, fmt, title, date, tuple(authors), dateline,
            tuple(paragraphs), tuple(starmap(Link, links)), tuple(tags), tuple(warnings),
            tuple([Organisation(_intern(name), tuple(map(_intern, aliases)), _mentions(mentions), source)
                   for name, aliases, mentions, source in orgs]),
            site, index, tuple(kinds), wrap))
    return out


_intern = sys.intern


def _mentions(rows: list) -> tuple[Mention, ...]:
    """Mentions with their strings interned: a folder's ~30 mentions an article repeat a
    few thousand names and a hundred reasons, which JSON would give each its own copy."""
    return tuple([Mention(start, end, _intern(text), _intern(name), _intern(why))
                  for start, end, text, name, why in rows])


def search_columns(article: Article) -> tuple[str, str, str]:
    """What the full-text index holds for an article: title, text, organisation names."""
    names = []
    for org in article.organisations:
        names.append(org.name)
        names.extend(org.aliases)
    return utf8_text(article.title), utf8_text(article.text), utf8_text(" ; ".join(dict.fromkeys(names)))


def utf8_text(text: str) -> str:
    """``text`` as SQLite can store it: lone surrogates (from ``\\udc80`` escapes in a
    JSON article) become U+FFFD."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")


def db_key(path: str) -> str:
    """The ``files.path`` of a resolved path: itself, or for a name with undecodable
    bytes (surrogate escapes, which SQLite cannot store) ``bytes:`` and the hex of
    its bytes (no absolute path starts so)."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return "bytes:" + path.encode("utf-8", "surrogateescape").hex()
