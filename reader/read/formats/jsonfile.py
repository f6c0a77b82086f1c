"""Scraper exports in JSON: one article object, a list of them, a wrapper such as
``{"articles": [...]}``, schema.org ``NewsArticle`` (also inside ``@graph``), or JSON
Lines (one article per line; a bad line is skipped with a warning).

Field names are the common ones (see ``_TITLE``, ``_BODY`` …); a body given as HTML
has its text extracted; each article's ``index`` is its position in the file.
"""
from __future__ import annotations

import json
import re

from ...record import ArticleError, Draft, Link
from ..dates import parse_date
from .fragment import fragment_text, looks_like_html

_TITLE = ("headline", "title", "name")
_BODY = ("articleBody", "article_body", "content", "text", "body", "fullText", "full_text",
         "fulltext", "article", "articleText", "article_text", "story", "html")
_DATE = ("datePublished", "date_published", "date", "published", "pubDate", "pub_date",
         "published_at", "publishedAt", "publish_date", "publishDate", "published_date",
         "publication_date", "created_at", "createdAt", "dateCreated", "created", "timestamp",
         "time", "dateModified", "updated_at")
_AUTHOR = ("author", "authors", "byline", "creator", "writer", "by")
_URL = ("url", "link", "canonical", "canonical_url", "canonicalUrl", "source_url", "sourceUrl",
        "permalink", "mainEntityOfPage", "@id")
_TAGS = ("tags", "keywords", "categories", "category", "topics", "section", "articleSection")
_SITE = ("publisher", "site", "site_name", "siteName", "source", "domain", "outlet", "feed")
_WRAPPERS = ("articles", "data", "items", "results", "entries", "posts", "records", "docs",
             "documents", "hits", "stories", "news", "@graph", "itemListElement", "rows")
NO_ARTICLE = "JSON holds no article (expected an object with a body/text field)"


def parse(text: str, path: str) -> list[Draft]:
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise ArticleError(path, "the file is empty")
    warnings: list[str] = []
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        if path.lower().endswith(".jsonl") or _looks_like_lines(text, error):
            return _lines(text, path)
        raise ArticleError(path, _decode_reason(text, error)) from None
    return _drafts(_articles(data), path, warnings)


def _looks_like_lines(text: str, error: json.JSONDecodeError) -> bool:
    """``Extra data`` after a first complete value on line 1: JSON Lines."""
    return error.msg == "Extra data" and text.lstrip().startswith(("{", "["))


def _decode_reason(text: str, error: json.JSONDecodeError) -> str:
    end = len(text.rstrip())
    cut_string = error.msg.startswith("Unterminated string") and '"' not in text[error.pos + 1:]
    if error.pos >= end or cut_string:
        last_line = text[:end].count("\n") + 1
        return f"truncated JSON at line {last_line} (the file ends in the middle of the data)"
    return f"not valid JSON at line {error.lineno}, column {error.colno}: {error.msg}"


def _lines(text: str, path: str) -> list[Draft]:
    objects: list[dict] = []
    warnings: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            warnings.append(f"line {number} is not valid JSON ({error.msg}); skipped")
            continue
        found = _articles(value)
        if not found:
            warnings.append(f"line {number} holds no article; skipped")
        objects.extend(found)
    if not objects:
        reason = NO_ARTICLE if not warnings else f"no readable article line ({warnings[0]})"
        raise ArticleError(path, reason)
    return _drafts(objects, path, warnings)


def _drafts(objects: list[dict], path: str, warnings: list[str]) -> list[Draft]:
    if not objects:
        raise ArticleError(path, NO_ARTICLE)
    drafts = []
    for index, item in enumerate(objects):
        draft = _draft(item, path, index)
        if index == 0:
            draft.warnings.extend(warnings)
        drafts.append(draft)
    return drafts


def _articles(data, depth: int = 0) -> list[dict]:
    """The article objects in a decoded JSON value, in file order."""
    if depth > 6:
        return []
    if isinstance(data, list):
        found: list[dict] = []
        for item in data:
            found.extend(_articles(item, depth + 1))
        return found
    if not isinstance(data, dict):
        return []
    if _body_value(data) is not None:
        return [data]
    if isinstance(data.get("item"), dict):  # ItemList element: {"@type": "ListItem", "item": {...}}
        return _articles(data["item"], depth + 1)
    for key in _WRAPPERS:
        if isinstance(data.get(key), (list, dict)):
            found = _articles(data[key], depth + 1)
            if found:
                return found
    for value in data.values():  # any other key holding a list of articles
        if isinstance(value, list):
            found = _articles(value, depth + 1)
            if found:
                return found
    return []


def _first(item: dict, keys: tuple[str, ...]):
    for key in keys:
        value = item.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _text_of(value) -> str:
    """A field's text: a string, a list of strings, or {"rendered"/"text"/"html"/"value": …}."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        for key in ("rendered", "text", "html", "value", "content", "body", "#text"):
            if isinstance(value.get(key), (str, list)):
                return _text_of(value[key])
        return ""
    if isinstance(value, list):
        texts = [_text_of(part) for part in value]
        return "\n\n".join(text for text in texts if text.strip())
    return ""


def _body_value(item: dict) -> str | None:
    for key in _BODY:
        if key in item:
            text = _text_of(item[key])
            if text.strip():
                return text
    return None


def _draft(item: dict, path: str, index: int) -> Draft:
    draft = Draft(path=path, format="json", index=index)
    body = _body_value(item) or ""
    if looks_like_html(body):
        draft.paragraphs, links = fragment_text(body)
        draft.links.extend(links)
    else:
        draft.paragraphs = [" ".join(part.split()) for part in re.split(r"\n\s*\n", body)
                            if part.strip()]
        if len(draft.paragraphs) == 1 and "\n" in body.strip():  # one line per paragraph
            draft.paragraphs = [" ".join(line.split()) for line in body.splitlines() if line.strip()]
    if not draft.paragraphs:
        draft.warnings.append("the article's body field holds no readable text")
    title = _text_of(_first(item, _TITLE))
    draft.title = " ".join(fragment_text(title)[0]) if looks_like_html(title) else " ".join(title.split())
    for key in _DATE:
        draft.date = parse_date(item.get(key)) if not isinstance(item.get(key), dict) else None
        if draft.date:
            break
    draft.authors = _names(_first(item, _AUTHOR))
    url = _first(item, _URL)
    if isinstance(url, dict):
        url = url.get("@id") or url.get("url")
    if isinstance(url, str) and re.match(r"(?i)https?://", url.strip()):
        draft.links.insert(0, Link(url.strip(), draft.title, "source"))
    draft.tags = _tags(_first(item, _TAGS))
    site = _first(item, _SITE)
    draft.site = (_names(site) or [""])[0] if not isinstance(site, str) else site.strip()
    return draft


def _names(value) -> list[str]:
    """Authors given as "A and B", ["A", "B"], {"name": "A"} or [{"name": "A"}, …]."""
    if isinstance(value, dict):
        value = value.get("name") or value.get("display_name") or value.get("title") or ""
    if isinstance(value, list):
        names: list[str] = []
        for item in value:
            names.extend(name for name in _names(item) if name not in names)
        return names
    if not isinstance(value, str):
        return []
    value = re.sub(r"(?i)^\s*by\s+", "", value)
    parts = re.split(r"\s*(?:;|&|\band\b)\s*", value)
    if all(len(part.split()) >= 2 for part in value.split(",")):
        parts = [name for part in parts for name in part.split(",")]
    return [" ".join(part.split()) for part in parts if part.strip()]


def _tags(value) -> list[str]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        return []
    tags: list[str] = []
    for item in value:
        tag = (item.get("name") or item.get("term") or "") if isinstance(item, dict) else str(item)
        tag = " ".join(str(tag).split())
        if tag and tag not in tags:
            tags.append(tag)
    return tags
