"""An HTML page's own metadata: title, date, authors, site name, canonical URL, tags.

Precedence (first found wins):
- title: ``og:title``, JSON-LD ``headline``, then the first ``<h1>`` when it is the
  ``<title>``'s headline, else ``<title>`` (an h1 such as "About This Site" or a section
  label such as "Editorial" is not the headline); the site-name suffix (" | Site",
  " - Site") is removed from whichever is used;
- date: htmldate's (metas, JSON-LD, markup, URL) and the page's stated one
  (``article:published_time``, JSON-LD ``datePublished``), reconciled in :func:`_date`;
  then other publication-date metas, the first ``<time datetime>``, the date in the URL;
- authors: JSON-LD ``author`` (``<![CDATA[``-wrapped, ``@id`` references resolved),
  ``<meta name=author>``, ``article:author`` (not a URL), ``itemprop=author``,
  ``rel=author`` and author-page links, "By" and linked names, a ``.byline`` element; cleaned by
  :mod:`reader.read.authors` (no "By", job titles or account handles);
- site: ``og:site_name``, JSON-LD publisher, ``application-name``, the domain;
- canonical: ``og:url``, ``<link rel=canonical>`` (http/https only).
"""
from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urljoin, urlsplit

import htmldate

from ...record import domain_of
from ..authors import clean_authors
from ..dates import DATE_PATTERN, date_from_url, parse_date

log = logging.getLogger(__name__)

_UTC = re.compile(r"(?i)\d(?:Z|\s*(?:\+|-)00:?00|\s*(?:GMT|UTC))\s*$")  # a timestamp in UTC
_DATE_METAS = (
    "article:published_time", "og:published_time", "datepublished", "date", "pubdate",
    "publishdate", "publish-date", "publish_date", "dc.date", "dc.date.issued",
    "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published",
    "cxenseparse:recs:publishtime",
)
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+"
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·•»]\s+|\s+::\s+")
# JSON-LD wrapped for XHTML: "//<![CDATA[ {...} //]]>" (the comment marks are optional)
_CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$|^\s*<!--|-->\s*$")
_ARTICLE_TYPES = re.compile(r"(?i)(article|posting|report|newsarticle|blog)")


@dataclass
class PageMeta:
    title: str = ""
    date: str | None = None
    authors: list[str] = field(default_factory=list)
    site: str = ""
    canonical: str = ""
    tags: list[str] = field(default_factory=list)
    headlines: list[str] = field(default_factory=list)  # every title the page gives
    description: str = ""


def read_meta(tree, url: str | None = None) -> PageMeta:
    metas = _metas(tree)
    ld = _json_ld(tree)
    meta = PageMeta()
    meta.canonical = _canonical(tree, metas, url)
    publisher = ld.get("publisher")
    meta.site = _clean(
        metas.get("og:site_name")
        or (_name(publisher) if publisher else "")
        or metas.get("application-name")
        or domain_of(meta.canonical or url or ""))
    meta.headlines = _titles(tree, metas, ld)
    meta.title = _strip_site(meta.headlines[0], meta.site, meta.canonical or url) if meta.headlines else ""
    meta.description = _clean(metas.get("og:description") or metas.get("description")
                              or ld.get("description") or "")
    meta.date = _date(tree, metas, ld, meta.canonical or url or "")
    meta.authors = _authors(tree, metas, ld, {_key(meta.site), _key(_name(publisher))} - {""})
    meta.tags = _tags(tree, metas, ld)
    return meta


def _clean(text) -> str:
    return " ".join(str(text or "").split())


def _metas(tree) -> dict[str, str]:
    found: dict[str, str] = {}
    for element in tree.iterfind(".//meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "")
        value = element.get("content")
        key = key.strip().lower()
        if key and value and value.strip() and key not in found:
            found[key] = value.strip()
    return found


def _json_ld(tree) -> dict:
    """The page's article object from its JSON-LD scripts (``@graph`` and lists flattened)."""
    candidates: list[dict] = []
    for script in tree.iterfind(".//script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(_unwrapped(script.text or ""))
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                if "@graph" in item:
                    stack.append(item["@graph"])
                candidates.append(item)
    named = {item["@id"]: item for item in candidates
             if isinstance(item.get("@id"), str) and "name" in item}
    for item in candidates:
        types = item.get("@type")
        types = " ".join(types) if isinstance(types, list) else str(types or "")
        if _ARTICLE_TYPES.search(types) and ("headline" in item or "datePublished" in item):
            return _resolved(item, named)
    for key in ("headline", "datePublished"):  # a WebPage node stands in for the article
        for item in candidates:
            if key in item:
                return _resolved(item, named)
    return {}


def _resolved(item: dict, named: dict[str, dict]) -> dict:
    """The article object with its author given by reference (``{"@id": …}``, as
    ``@graph`` pages write it) replaced by the node it names."""
    author = item.get("author")
    if not author:
        return item

    def resolve(value):
        if isinstance(value, dict) and "name" not in value and isinstance(value.get("@id"), str):
            return named.get(value["@id"], value)
        return value

    resolved = [resolve(value) for value in author] if isinstance(author, list) else resolve(author)
    return {**item, "author": resolved}


def _unwrapped(text: str) -> str:
    """JSON-LD text without a ``<![CDATA[ ]]>`` or ``<!-- -->`` wrapper (most have none:
    the regex only runs on those that start or end like one)."""
    text = text.strip()
    if text.startswith(("<!", "//")) or text.endswith(("]]>", "-->")):
        return _CDATA.sub("", text)
    return text


def _name(value) -> str:
    if isinstance(value, dict):
        return _clean(value.get("name"))
    if isinstance(value, list):
        return _name(value[0]) if value else ""
    return _clean(value)


def _canonical(tree, metas: dict[str, str], url: str | None) -> str:
    candidates = [metas.get("og:url", "")]
    for link in tree.iterfind(".//link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            candidates.append(link.get("href") or "")
    for candidate in candidates:
        candidate = candidate.strip()
        if url and candidate:
            candidate = urljoin(url, candidate)
        if urlsplit(candidate).scheme in ("http", "https") and urlsplit(candidate).hostname:
            return candidate
    return ""


def _titles(tree, metas: dict[str, str], ld: dict) -> list[str]:
    """Every title the page gives, in order of precedence."""
    h1 = tree.find(".//h1")
    title = tree.find(".//title")
    h1_text = _clean(h1.text_content()) if h1 is not None else ""
    title_text = _clean(title.text_content()) if title is not None else ""
    candidates = (metas.get("og:title"), ld.get("headline"), metas.get("twitter:title"),
                  _page_title(h1_text, title_text), h1_text, title_text)
    titles: list[str] = []
    for candidate in candidates:
        candidate = _clean(candidate) if isinstance(candidate, str) else ""
        if candidate and candidate not in titles:
            titles.append(candidate)
    return titles


def _page_title(h1: str, title: str) -> str:
    """The first ``<h1>`` when it is the ``<title>``'s headline; the ``<title>`` when the
    h1 is something else (a site header such as "About This Site", a section label such
    as "Editorial", which then leaves the title too)."""
    if not h1 or not title:
        return h1 or title
    h1_key, title_key = _key(h1), _key(title)
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) > 1 and any(_key(part) == h1_key for part in parts):
        if all(len(_key(part)) <= len(h1_key) for part in parts):
            return h1  # the h1 is the title's longest part: the headline
        label = next(match for match in _TITLE_SEPARATORS.finditer(title)
                     if _key(title[match.end():]).startswith(h1_key) or _key(title[:match.start()]).endswith(h1_key))
        before, after = title[:label.start()], title[label.end():]
        return before if _key(after) == h1_key else after if _key(before) == h1_key else title
    if h1_key and (h1_key in title_key or title_key in h1_key):
        return h1
    return title


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())


def _strip_site(title: str, site: str, url: str | None) -> str:
    """Remove a " | Site Name" suffix (or "Site Name | " prefix) naming the site."""
    separators = list(_TITLE_SEPARATORS.finditer(title))
    if not separators:
        return title
    names = {_key(site)} if site else set()
    domain = domain_of(url or "")
    if domain:
        names.update((_key(domain.split(".")[0]), _key(domain)))
    names.discard("")

    def is_site(part: str) -> bool:
        key = _key(part)
        return bool(key) and any(key == name or (len(name) > 3 and key.startswith(name))
                                 for name in names)

    last, first = separators[-1], separators[0]
    if is_site(title[last.end():]):
        return title[:last.start()].strip()
    if is_site(title[:first.start()]):
        return title[first.end():].strip()
    return title


def _date(tree, metas: dict[str, str], ld: dict, url: str) -> str | None:
    """The publication date the page states and htmldate finds. The page's article
    metas and JSON-LD state it; htmldate's wider search (local-time metas, markup, the
    URL) wins when it is within a day of that (a UTC timestamp read on the wrong side of
    midnight), the stated date when they are further apart (htmldate found some other
    date). A stated date in local time (an offset other than UTC's, or none) is taken
    as it is, without asking htmldate. Without a stated date, a full date in the URL
    (``/2019/11/18/``, ``/2019/nov/18/``) beats htmldate's when they differ (htmldate
    then guessed from the text: a quoted claim's or a source's date), and when htmldate's
    is a date the metas give as modified, an earlier one the page shows as published
    (a ``<time>`` marked so, "Published …") is taken. Without either:
    other metas, ``<time>`` elements, the URL. A date later than today is none."""
    raw = next((value for value in (metas.get("article:published_time"), ld.get("datePublished"),
                                    ld.get("dateCreated")) if _past(parse_date(value))), None)
    stated = parse_date(raw)
    if stated and not _UTC.search(str(raw)):
        return stated
    found = _htmldate(tree, url)
    in_url = date_from_url(url)
    if not stated and found and in_url and found != in_url:
        return in_url  # htmldate's guess from the text (a quoted date) against the URL's full date
    if stated and found:
        apart = abs(date.fromisoformat(stated) - date.fromisoformat(found))
        return found if apart <= timedelta(days=1) else stated
    if found and not stated and found in _modified(metas, ld):
        shown = _shown_published(tree)  # htmldate took the date of a change: the page may say
        if shown and shown <= found:    # when it was published
            return shown
    if stated or found:
        return stated or found
    for key in _DATE_METAS[1:]:
        found = _past(parse_date(metas.get(key)))
        if found:
            return found
    for time in tree.iterfind(".//time"):
        found = _past(parse_date(time.get("datetime") or "") or parse_date(time.text_content()))
        if found:
            return found
    return _past(date_from_url(url))


def _past(found: str | None) -> str | None:
    """``found`` unless it is later than today: nothing is published after it is read (a
    mistyped year, an event's date)."""
    return found if found and found <= date.today().isoformat() else None


_MODIFIED_METAS = ("article:modified_time", "og:updated_time", "datemodified", "last-modified",
                   "dcterms.modified")
# "Published March 7, 2023", "Posted on 7 March 2023", "First published: 2023-03-07"
_PUBLISHED_TEXT = re.compile(rf"(?i)\b(?:first\s+)?(?:published|posted)\s*(?:on\s*)?:?\s*(?:{_WEEKDAY})?"
                             rf"({DATE_PATTERN})")


def _modified(metas: dict[str, str], ld: dict) -> set[str]:
    """The dates the page's metas and JSON-LD give as when it was modified."""
    values = [metas.get(key) for key in _MODIFIED_METAS] + [ld.get("dateModified")]
    return {found for found in map(parse_date, values) if found}


def _shown_published(tree) -> str | None:
    """A publication date the page shows: a ``<time>`` marked published (``pubdate``,
    class or itemprop), else "Published …"/"Posted on …" in the text of the body."""
    for time in tree.iterfind(".//time"):
        marks = f'{time.get("class", "")} {time.get("itemprop", "")}'.lower()
        if time.get("pubdate") is not None or "publish" in marks:
            found = parse_date(time.get("datetime") or "") or parse_date(time.text_content())
            if found:
                return found
    body = tree.find(".//body")
    match = _PUBLISHED_TEXT.search(_clean(body.text_content()) if body is not None else "")
    return parse_date(match.group(1)) if match else None


def _htmldate(tree, url: str) -> str | None:
    try:
        found = htmldate.find_date(tree, url=url or None, original_date=True, extensive_search=True,
                                   outputformat="%Y-%m-%d")
    except Exception:  # a bug in htmldate must not cost the page: ours still reads it
        log.warning("htmldate failed on %s", url or "a page", exc_info=True)
        return None
    return parse_date(found) if found else None


_AUTHOR_METAS = ("author", "article:author", "dc.creator", "parsely-author", "byl", "sailthru.author")
# a link to an author's page ("by <a href="/author/ann-lee/">Ann Lee</a>")
_AUTHOR_PAGE_LINKS = ('//a[contains(@href, "/author/") or contains(@href, "/authors/")'
                      ' or contains(@href, "/byline/")]')
# a byline's class, "_" and "-" separating words too ("story__byline_name", "c-byline")
_BYLINE_CLASS = re.compile(r"(?i)(?<![a-z0-9])(?:byline|by-line|author-?name|article-?author|author|autor|auteur)"
                           r"(?![a-z0-9])")


def _authors(tree, metas: dict[str, str], ld: dict, site: set[str]) -> list[str]:
    """The first source that names someone other than the site (``site``: its names'
    keys): JSON-LD, author metas (every one of the first kind found), ``itemprop=author``,
    ``rel=author`` links, then an in-page byline element; else a JSON-LD Person named as
    the site (a blog's writer going by its name). Names cleaned (no "By", role, outlet
    suffix or account handle)."""
    value = ld.get("author") or ld.get("creator")
    key = next((key for key in _AUTHOR_METAS if metas.get(key) and not re.match(r"(?i)https?://", metas[key])),
               None)
    named = [element.get("content") or "" for element in tree.iterfind(".//meta")
             if key and (element.get("property") or element.get("name") or "").strip().lower() == key]
    sources = (  # tried in order, each only when the ones before name nobody
        lambda: [_name(item) for item in (value if isinstance(value, list) else [value] if value else [])],
        lambda: named,
        lambda: _itemprop_authors(tree),
        lambda: [_clean(link.text_content()) for link in tree.iterfind(".//a[@rel]")
                 if "author" in (link.get("rel") or "").split()],
        lambda: [_clean(link.text_content()) for link in tree.xpath(_AUTHOR_PAGE_LINKS)
                 if not _in_comments(link)][:3],
        lambda: _by_links(tree),
        lambda: _byline_elements(tree),
    )
    for source in sources:
        cleaned = [name for name in clean_authors([name for name in source() if name and len(name) < 120])
                   if _key(name) not in site]
        if cleaned:
            return cleaned
    # nobody else named: a writer who goes by the site's name (a JSON-LD Person, not the
    # publishing Organization) is the credit
    persons = [_name(item) for item in (value if isinstance(value, list) else [value])
               if isinstance(item, dict) and item.get("@type") == "Person"]
    return clean_authors([name for name in persons if name and len(name) < 120])


def _itemprop_authors(tree) -> list[str]:
    names = []
    for element in tree.xpath('//*[@itemprop="author" or @itemprop="creator"]'):
        named = element.xpath('.//*[@itemprop="name"]')
        source = named[0] if named else element
        names.append(_clean(source.get("content") or source.text_content()))
    return names


_BY = re.compile(r"(?i)\s*(?:by|written by|words by)\s*:?\s*$")


def _by_links(tree) -> list[str]:
    """The linked names of a short unmarked byline: an element whose text opens with
    "By" straight before its first link ("By <a>Ann Lee</a>, <a>Bo Ode</a> on May 2")."""
    for element in tree.xpath('//*[self::p or self::div or self::span or self::h5 or self::h6'
                              ' or self::address or self::li][a]'):
        if not _BY.fullmatch(element.text or "") or _in_comments(element):
            continue
        text = _clean(element.text_content())
        if len(text) > 160:
            continue
        names = [_clean(link.text_content()) for link in element.iterfind("a")]
        return [name for name in names if name][:4]
    return []


def _byline_elements(tree) -> list[str]:
    """A ``.byline``/``.author`` element's text, as short as a byline is."""
    for element in tree.xpath('//*[@class][not(self::body or self::article or self::main'
                              ' or self::section or self::script or self::meta)]'):
        if _BYLINE_CLASS.search(element.get("class", "")) and not _in_comments(element):
            text = _clean(element.text_content())
            if 2 < len(text) <= 80 and not text.endswith(("*", ":")):
                return [text]
    return []


def _in_comments(element) -> bool:
    """Inside a form or a comment section (a comment's author, a "Name *" field)."""
    for ancestor in element.iterancestors():
        if ancestor.tag in ("form", "footer", "aside") or "comment" in (
                f'{ancestor.get("class", "")} {ancestor.get("id", "")}'.lower()):
            return True
    return False


def _tags(tree, metas: dict[str, str], ld: dict) -> list[str]:
    items = [element.get("content") or "" for element in tree.iterfind(".//meta[@property]")
             if element.get("property", "").lower() == "article:tag"]
    if not items:
        keywords = ld.get("keywords") or metas.get("news_keywords") or metas.get("keywords") or ""
        items = keywords if isinstance(keywords, list) else str(keywords).split(",")
    tags: list[str] = []
    for item in items:
        tag = _clean(item)
        if tag and len(tag) < 60 and tag not in tags:
            tags.append(tag)
    return tags[:20]
