"""Saved web pages: the article's paragraphs and metadata, not the page around them.

Main-content extraction is trafilatura's (chosen by measurement, see
``benchmarks/extraction.py``); this module reads the page's metadata itself (so the
precedence is ours), turns trafilatura's body tree into paragraphs and inline links,
and trims what extractors commonly let through (a repeated headline, "Related:"
teasers, trailing newsletter/share/comment furniture: see :mod:`.boilerplate`).
"""
from __future__ import annotations

import re
from urllib.parse import urljoin

import lxml.html
import trafilatura
from lxml import etree

from ...counts import counted
from ...record import ArticleError, Draft, Link
from . import boilerplate
from .boilerplate import Block
from .htmlmeta import PageMeta, read_meta

MAX_DEPTH = 255  # libxml2 drops everything below this depth unless told otherwise
MIN_PROSE_WORDS = 12  # words outside link labels: fewer is a menu or a list of links
FALLBACK_BELOW = 1000  # characters of text from the first pass
FALLBACK_SHARE = 0.4  # ...or this share of the text in the page's paragraphs
CONTINUED_SHARE = 0.8  # below this share, look for the body's continuation (see _continued)
TRIM_NOTICE_WORDS = 40  # our trimming of the extractor's text is reported from this many words
TRIM_NOTICE_SHARE = 0.1  # ...and this share of its text
_FLATTEN = re.compile(r"(?i)</?(?:div|span|section|article|font|center|aside|main)\b[^>]*>")
_BLOCKS = {"p", "head", "item", "quote", "row", "code", "list", "table", "lb", "div"}
_KINDS = {"head": "heading", "item": "item", "quote": "quote"}  # trafilatura's tags → block kinds
_EMBED_WRAPPER = re.compile(r"(?i)social|embed|tweet|twitter")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_PARSER_OPTIONS = dict(collect_ids=False, default_doctype=False, encoding="utf-8",
                       remove_comments=True, remove_pis=True)


def parse(text: str, path: str, url: str | None = None) -> list[Draft]:
    """One draft for the article in the page ``text`` (raises ArticleError if none)."""
    return [parse_page(text, path, url)]


def extract_html(html: str, url: str | None = None):
    """The cleaned :class:`~reader.record.Article` of an HTML page (no network access)."""
    from ..clean import finish

    return finish(parse_page(html, url or "", url))


def article_text(html: str) -> str:
    """The body text as the reading pane shows it (the benchmark's callable)."""
    return extract_html(html).text


def parse_page(html: str, path: str, url: str | None = None) -> Draft:
    warnings: list[str] = []
    tree = _load(html, warnings)
    if tree is None:
        raise ArticleError(path, "this file is not readable as an HTML page")
    meta = read_meta(tree, url)
    _drop_controls(tree)
    _drop_hover_cards(tree)
    _unwrap_embedded_posts(tree)
    truncated = is_truncated(html)
    description = "" if _lead_in_body(tree, meta.description) else meta.description
    verbatim: list[str] = []
    found = _body(tree, url or meta.canonical, verbatim)
    blocks = boilerplate.trim(found, meta.headlines, description, meta.date)
    _report_trimmed(found, blocks, meta.headlines, warnings)
    if truncated:
        warnings.append("the page ends before its markup does (a download cut short?): "
                        "its text is shown as far as it goes")
        if boilerplate.prose_words(blocks) < MIN_PROSE_WORDS:
            blocks = _plain_blocks(tree) or blocks
    if not blocks or (not truncated and boilerplate.prose_words(blocks) < MIN_PROSE_WORDS):
        raise ArticleError(path, "no article text found in this page")
    draft = _draft(path, meta, blocks, warnings, url or meta.canonical)
    draft.verbatim = verbatim
    return draft


def _report_trimmed(found: list[Block], kept: list[Block], titles: list[str],
                    warnings: list[str]) -> None:
    """Say so when our trimming left out a good part of what the extractor kept: the
    reader should know the page held more than the pane shows (the headline, shown
    above the body, does not count)."""
    shown = {id(block) for block in kept}
    headlines = set(map(boilerplate.text_key, titles))
    removed = [block for block in found
               if id(block) not in shown and boilerplate.text_key(block.text) not in headlines]
    words = boilerplate.prose_words(removed) if removed else 0
    if words < TRIM_NOTICE_WORDS or words < TRIM_NOTICE_SHARE * boilerplate.prose_words(found):
        return
    first = removed[0].text
    first = first if len(first) <= 60 else first[:57] + "…"
    warnings.append(f"left out {counted(len(removed), 'paragraph')} ({words} words) "
                    f"the extractor kept, as page furniture, beginning “{first}”")


_OPENED = re.compile(r"(?i)<(?:html|body)\b")
_CLOSED = re.compile(r"(?i)</(?:html|body)\s*>")
_PLAIN_BLOCKS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre")
_OUTSIDE = {"nav", "header", "footer", "aside", "script", "style", "noscript", "form", "button"}


def is_truncated(html: str) -> bool:
    """A page that opens ``<html>``/``<body>``, never closes either, and stops inside
    text or a tag was cut off (a download that stopped). HTML may leave out the closing
    tags, so a page ending on a complete tag is whole; so is a fragment with neither."""
    return (bool(_OPENED.search(html)) and not html.rstrip().endswith(">")
            and not _CLOSED.search(html))


def _plain_blocks(tree) -> list[Block]:
    """The paragraphs of a page the extractor found too little in (a truncated page):
    its text blocks outside navigation, in page order."""
    blocks: list[Block] = []
    for element in tree.iter(*_PLAIN_BLOCKS):
        if any(ancestor.tag in _OUTSIDE or ancestor.tag in _PLAIN_BLOCKS
               for ancestor in element.iterancestors()):
            continue
        text = " ".join(element.text_content().split())
        if text:
            blocks.append(Block(text, (), "p"))
    return blocks


def _lead_in_body(tree, description: str) -> bool:
    """A heading repeating the page description is a standfirst ("dek") when it sits in
    the article's header, and the lead paragraph when it sits among the paragraphs."""
    key = boilerplate.text_key(description)
    if not key:
        return False
    for heading in tree.iter("h2", "h3", "h4"):
        raw = heading.text_content()
        if not 0.5 * len(description) <= len(raw) <= 2 * len(description) + 20:
            continue  # a cheap look at the length before comparing the letters
        text = boilerplate.text_key(raw)
        if text and (text == key or (len(text) > 40 and key.startswith(text[:-3]))):
            parent = heading.getparent()
            return parent is not None and sum(child.tag == "p" for child in parent) >= 2
    return False


def _load(html: str, warnings: list[str]):
    data = html.encode("utf-8", "surrogatepass")
    parser = lxml.html.HTMLParser(**_PARSER_OPTIONS)
    try:
        tree = lxml.html.fromstring(data, parser=parser)
    except (etree.ParserError, ValueError):
        return None
    if any("Excessive depth" in entry.message for entry in parser.error_log):
        warnings.append(f"the page nests its elements more than {MAX_DEPTH} deep; "
                        "its layout was flattened to read it")
        flat = _FLATTEN.sub("", html).encode("utf-8", "surrogatepass")
        try:
            tree = lxml.html.fromstring(flat, parser=lxml.html.HTMLParser(**_PARSER_OPTIONS))
        except (etree.ParserError, ValueError):
            return None
    return tree


_CONTROLS = ('//a[starts-with(translate(normalize-space(@href), "JAVSCRIPT", "javscript"), "javascript:")'
             ' or (@onclick and (not(@href) or starts-with(normalize-space(@href), "#")))]')


def _drop_controls(tree) -> None:
    """Links that only run a script are dropped. Page controls ("View gallery", "Print",
    "Share") go with their words; a script link inside running text (a glossary pop-up
    around a quotation) leaves its words, which are the story's."""
    for link in tree.xpath(_CONTROLS):
        if _in_running_text(link):
            link.drop_tag()
        else:
            link.drop_tree()


def _in_running_text(link) -> bool:
    """Text follows the link in its paragraph, after a space or punctuation: a control
    stands alone, ends its paragraph, or is glued to the next word (a widget's label)."""
    parent = link.getparent()
    if parent is None:
        return False
    following = [link.tail or ""]
    for sibling in link.itersiblings():
        following.append(sibling.text_content())
        following.append(sibling.tail or "")
    after = "".join(following)
    label = link.text_content().strip()
    if not after.strip() or not label:
        return False
    return not (after[:1].isalnum() and label[-1:].isalnum())


def _drop_hover_cards(tree) -> None:
    """A card that pops up over a linked name (the name again, a photo, the person's
    latest headlines) sits glued to the link in the markup, so its text runs into the
    sentence ("Rep. Ann LeeAnn LeeLee doubles down…"): an element right after a link,
    with nothing between them, whose text starts with the link's, is such a card."""
    for link in list(tree.iter("a")):
        label = " ".join(link.text_content().split())
        card = link.getnext()
        if (len(label) < 4 or card is None or (link.tail or "").strip()
                or card.tag not in ("span", "div", "aside", "section")):
            continue
        if " ".join(card.text_content().split()).startswith(label):
            card.drop_tree()


def _unwrap_embedded_posts(tree) -> None:
    """Quoted social posts (``blockquote.twitter-tweet``) are part of the story; their
    "social"/"embed" wrappers make extractors discard them, so they become plain quotes."""
    for quote in tree.xpath('//blockquote[contains(@class, "twitter-tweet")]'):
        quote.attrib.pop("class", None)
        wrapper = quote
        parent = wrapper.getparent()
        while (parent is not None and len(parent) <= 3
               and _EMBED_WRAPPER.search(f'{parent.get("class", "")} {parent.get("id", "")}')):
            wrapper, parent = parent, parent.getparent()
        if wrapper is not quote and parent is not None:
            quote.tail = wrapper.tail
            wrapper.addprevious(quote)
            parent.remove(wrapper)


def _body(tree, base_url: str | None, verbatim: list[str]) -> list[Block]:
    """trafilatura's main extractor; its fallbacks (readability, jusText) only when the
    first pass finds little text, or less than 40% of what the page's paragraphs hold
    (a body split by an advert, a lead in another container): the fallbacks are slow,
    but they are what rescues a page the first pass misreads."""
    options = dict(url=base_url, include_comments=False, include_links=True,
                   include_tables=True, with_metadata=False)
    document = trafilatura.bare_extraction(tree, fast=True, **options)
    found = len(document.text or "") if document is not None else 0
    page = _paragraph_chars(tree)
    if found < FALLBACK_BELOW or found < FALLBACK_SHARE * page:
        document = trafilatura.bare_extraction(tree, **options) or document
    if document is None or document.body is None:
        return []
    blocks = _blocks(document.body, verbatim)
    if len(document.text or "") < CONTINUED_SHARE * page:
        blocks += _continued(tree, blocks)
    return blocks


def _paragraph_chars(tree) -> int:
    """Characters of text in the page's ``<p>`` elements: what a page of paragraphs holds."""
    return sum(len(text) for text in tree.xpath("//p//text()"))


def _signature(element) -> tuple[str, str]:
    return element.tag, " ".join((element.get("class") or "").split())


def _continued(tree, blocks: list[Block]) -> list[Block]:
    """The rest of a body the extractor stopped short of: paragraphs after the last one
    it kept, in another container of the same kind (an advert or a pull quote split the
    body in two ``<article>``/``<div class=body>`` parts) or of any kind right after an
    advert that follows the body (:func:`.boilerplate.follows_advert`), up to the next headline (the
    start of another article: an ``<h1>``, or an ``<h2>`` outside such a container)."""
    keys = {boilerplate.text_key(block.text)[:80] for block in blocks if len(block.text) >= 40}
    seen_parents: dict[int, object] = {}  # (the elements kept alive: lxml reuses a live proxy)
    signatures: set[tuple[str, str]] = set()
    extra: list[Block] = []
    started = False
    for element in tree.iter("p", "h1", "h2"):
        parent = element.getparent()
        if element.tag != "p":
            # another article's headline: an <h1>, or an <h2> outside the body's containers
            # (a subheading inside one of them is the same article's)
            if started and (element.tag == "h1" or parent is None or _signature(parent) not in signatures):
                break
            continue
        if parent is None:
            continue
        text = " ".join(element.text_content().split())
        if len(text) >= 40 and boilerplate.text_key(text)[:80] in keys:
            started = True
            seen_parents[id(parent)] = parent
            signatures.add(_signature(parent))
            extra.clear()  # the extractor kept a later paragraph: what came before is not lost
        elif (started and text and id(parent) not in seen_parents
              and (_signature(parent) in signatures or boilerplate.follows_advert(element, seen_parents))
              and not any(a.tag in _OUTSIDE for a in element.iterancestors())):
            signatures.add(_signature(parent))
            extra.append(Block(text, (), "p"))
    return extra


def _inline_code(element) -> bool:
    """``<code>`` inside a paragraph, heading, item or another code block is part of it."""
    parent = element.getparent()
    return element.tag == "code" and parent is not None and parent.tag in ("p", "head", "item", "cell", "code", "hi")


def _blocks(body, verbatim: list[str] | None = None) -> list[Block]:
    """Walk trafilatura's body tree (p, head, list/item, quote, table/row/cell, ref, lb);
    the text of code and table rows is added to ``verbatim``."""
    verbatim = [] if verbatim is None else verbatim
    blocks: list[Block] = []
    links: list[Link] = []
    parts: list[str] = []
    kinds: list[str] = ["p"]

    def flush():
        text = " ".join("".join(parts).split())
        if text:
            blocks.append(Block(text, tuple(links), kinds[-1]))
        parts.clear()
        links.clear()

    for event, element in etree.iterwalk(body, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag == "code" or tag == "row":
                verbatim.append(" ".join("".join(element.itertext()).split()))
            if tag in _BLOCKS and not _inline_code(element):
                flush()
                # a paragraph inside a quote or a list item is part of it
                kinds.append(kinds[-1] if tag == "p" and kinds[-1] in ("quote", "item") else tag)
            elif tag == "cell" and parts:
                parts.append(" | ")
            if tag == "ref" and _is_web_target(element.get("target") or ""):
                label = " ".join("".join(element.itertext()).split())
                links.append(Link(element.get("target") or "", label, "inline"))
            if element.text:
                if tag not in _BLOCKS:
                    _space_between_scripts(parts, element.text)
                parts.append(element.text)
        else:
            if tag in _BLOCKS and not _inline_code(element):
                flush()
                kinds.pop()
            if element.tail and element is not body:
                if tag not in _BLOCKS:
                    _space_between_scripts(parts, element.tail)
                parts.append(element.tail)
    flush()
    return blocks


def _is_web_target(target: str) -> bool:
    """An http(s) or relative link target; a file:, data:, mailto:... link's words are
    plain text (the link is dropped, its label stays)."""
    scheme = re.match(r"\s*([A-Za-z][A-Za-z0-9+.-]*):", target)
    return scheme is None or scheme.group(1).lower() in ("http", "https")


def _space_between_scripts(parts: list[str], following: str) -> None:
    """Markup separating Latin words from CJK text ("アプリ<a>Kindle</a>に") reads as a space."""
    if not parts or not parts[-1] or not following:
        return
    before, after = parts[-1][-1], following[0]
    if (_CJK.match(before) and after.isascii() and after.isalnum()) or (
            before.isascii() and before.isalnum() and _CJK.match(after)):
        parts.append(" ")


def _draft(path: str, meta: PageMeta, blocks: list[Block], warnings: list[str],
           base_url: str | None) -> Draft:
    links: list[Link] = []
    if meta.canonical:
        links.append(Link(meta.canonical, meta.title, "source"))
    seen = {meta.canonical}
    for link in (link for block in blocks for link in block.links):
        if base_url and not link.url.lower().startswith(("http:", "https:", "javascript:", "data:")):
            link = Link(urljoin(base_url, link.url), link.label, link.kind)
        if link.url not in seen and boilerplate.is_article_link(link.url):
            seen.add(link.url)
            links.append(link)
    return Draft(path=path, format="html", paragraphs=[block.text for block in blocks], title=meta.title,
                 date=meta.date, authors=meta.authors, links=links, tags=meta.tags,
                 warnings=warnings, site=meta.site,
                 kinds=[_KINDS.get(block.kind, "paragraph") for block in blocks])
