"""The reading pane's page: the cleaned article as HTML, built here and nowhere else.

Every value is escaped; the page's own HTML never reaches here. Mention offsets index
into ``Article.text`` (paragraphs joined by a blank line); each paragraph is one block
rendered with ``white-space: pre-wrap`` so offsets map to document positions by simple
addition. Highlights are ``mention:N`` anchors; in-text web links are links (a
highlight inside one keeps its anchor: :func:`linked_mentions` says which link).
"""
from __future__ import annotations

from bisect import bisect_right
from html import escape

from PySide6.QtGui import QColor

from .links import link_spans

MENTION_SCHEME = "mention"

Colours = dict[str, tuple[QColor, QColor]]  # organisation name -> (background, text)


def article_html(article, colours: Colours, only: str | None = None,
                 links: list[tuple[int, int, str]] | None = None) -> tuple[str, list]:
    """The pane's HTML for ``article`` and the mentions it made clickable, in order;
    ``links``: its :func:`reader.ui.links.link_spans`, when the caller has them."""
    mentions = sorted(
        (m for org in article.organisations for m in org.mentions
         if only is None or m.name == only),
        key=lambda m: (m.start, -m.end),
    )
    aliases = {org.name: org.aliases for org in article.organisations}
    from reader.export import metadata_line, own_title  # as the exports have them

    # a title made from the first sentence is not shown above it (it would say it twice)
    title = own_title(article) if article.title else _file_name(article.path)
    out = [f"<h1>{_flat(title)}</h1>"] if title else []

    meta = metadata_line(article)
    if meta:
        out.append(f"<p style='color:gray'>{_flat(meta)}</p>")
    placed: list = []
    links = link_spans(article) if links is None else links

    def plain(a: int, b: int) -> str:  # Article.text[a:b], its web links as links
        out, at = [], a
        for s, e, url in links:
            if e <= at or s >= b:
                continue
            s, e = max(s, at), min(e, b)
            out.append(_text(text[at:s]))
            out.append(f"<a href='{escape(url)}'>{_text(text[s:e])}</a>")
            at = e
        out.append(_text(text[at:b]))
        return "".join(out)

    text = article.text
    start = 0
    queue = iter(mentions)
    pending = next(queue, None)
    kinds = [block.kind for block in getattr(article, "blocks", ())] or ["paragraph"] * len(article.paragraphs)
    for number, para in enumerate(article.paragraphs):
        end = start + len(para)
        pieces, cursor = [], start
        while pending is not None and pending.start < end:
            m, pending = pending, next(queue, None)
            if m.start < cursor or m.end > end or m.end <= m.start:
                continue  # overlapping or straddling a paragraph break: leave it plain
            pieces.append(plain(cursor, m.start))
            bg, fg = colours.get(m.name, (QColor("#ffe08a"), QColor("#111111")))
            tip = m.name + (f" — also: {', '.join(aliases.get(m.name, ()))}"
                            if aliases.get(m.name) else "")
            pieces.append(
                f"<a href='{MENTION_SCHEME}:{len(placed)}' title='{escape(tip)}' "
                f"style='background-color:{bg.name()}; color:{fg.name()}; "
                f"text-decoration:none'>{_text(para[m.start - start:m.end - start])}</a>")
            placed.append(m)
            cursor = m.end
        pieces.append(plain(cursor, end))
        out.append(_block(kinds[number], "".join(pieces)))
        start = end + 2
    return "\n".join(out), placed


def linked_mentions(placed: list, spans: list[tuple[int, int, str]]) -> dict[int, str]:
    """The highlights (their numbers) inside a web link of the text, and its URL: the
    highlight's anchor takes the place of the link's, whose URL is kept for them."""
    starts = [start for start, _end, _url in spans]  # (in order, not overlapping)
    linked = {}
    for n, m in enumerate(placed):
        i = bisect_right(starts, m.start) - 1
        if i >= 0 and m.end <= spans[i][1]:
            linked[n] = spans[i][2]
    return linked


def _block(kind: str, inner: str) -> str:
    """One paragraph of the body as one document block: a subheading looks like one, a
    list item has its bullet and a quote its indent (outside the text, so mention
    offsets still map one-to-one)."""
    if kind == "heading":
        return f"<h3 style='white-space:pre-wrap'>{inner}</h3>"
    if kind == "item":
        return f"<ul style='margin-top:0; margin-bottom:0'><li style='white-space:pre-wrap'>{inner}</li></ul>"
    if kind == "quote":
        return f"<p style='white-space:pre-wrap; margin-left:2em; font-style:italic'>{inner}</p>"
    return f"<p style='white-space:pre-wrap'>{inner}</p>"


# Characters that would not map one-to-one into the document: line and paragraph breaks
# become <br/> (one line separator, same block), other controls a space.
_ONE_FOR_ONE = {c: " " for c in range(32) if c not in (9, 10)} | {0x7F: " ", 0x2029: "\n"}


def _text(s: str) -> str:
    return escape(s.translate(_ONE_FOR_ONE)).replace("\n", "<br/>")


def _flat(s: str) -> str:
    """One line of escaped text (titles, metadata): every break becomes a space."""
    return escape(s.translate(_ONE_FOR_ONE).replace("\n", " ").replace("\u2028", " "))


def _u16(s: str) -> int:
    """Length in UTF-16 code units: what document positions count."""
    return len(s) if s.isascii() else len(s.encode("utf-16-le")) // 2


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]
