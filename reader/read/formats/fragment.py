"""An HTML fragment that *is* the article body (a JSON ``content`` field, a CMS export):
its paragraphs and links, with no boilerplate detection (the whole fragment is kept)."""
from __future__ import annotations

import re

import lxml.html
from lxml import etree

from ...record import Link

_MARKUP = re.compile(r"<(?:p|br|div|a|span|em|strong|b|i|h[1-6]|ul|ol|li|blockquote|figure|img|table)\b[^>]*>", re.I)
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "tr", "br",
           "figure", "figcaption", "pre", "section", "article", "ul", "ol", "table", "dd", "dt"}
_SKIP = {"script", "style", "noscript", "iframe", "template", "svg", "button", "form", "object", "embed"}


def looks_like_html(text: str) -> bool:
    return bool(_MARKUP.search(text))


def fragment_text(html: str) -> tuple[list[str], list[Link]]:
    """Paragraphs and http(s) links of an HTML fragment."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return [" ".join(re.sub(r"<[^>]+>", " ", html).split())], []
    paragraphs: list[str] = []
    links: list[Link] = []
    parts: list[str] = []
    skipping = 0

    def flush():
        text = " ".join("".join(parts).split())
        if text:
            paragraphs.append(text)
        parts.clear()

    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _SKIP:
                skipping += 1
            if skipping:
                continue
            if tag in _BLOCKS:
                flush()
            if tag == "a":
                href = (element.get("href") or "").strip()
                if re.match(r"(?i)https?://", href):
                    links.append(Link(href, " ".join(element.text_content().split()), "inline"))
            if element.text and tag:
                parts.append(element.text)
        else:
            if tag in _SKIP:
                skipping -= 1
            elif not skipping and tag in _BLOCKS:
                flush()
            if element.tail and element is not root and not skipping:
                parts.append(element.tail)
    flush()
    return paragraphs, links
