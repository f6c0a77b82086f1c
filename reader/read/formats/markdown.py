"""Markdown notes: the text without its markup, links kept as links.

- front matter (``---`` / ``key: value`` / ``---``) gives title, date, authors, tags, url;
- the first heading is the title; later headings stay as paragraphs;
- ``[label](url)``, ``[label][ref]`` and ``<https://…>`` leave their label in the text and
  become inline links; images (``![alt](src)``) are dropped with their alt text;
- emphasis, heading hashes, list bullets, quote marks, code fences and rules go;
- a ``Sources:`` list (or ``Source: …`` line) becomes source links; a ``Published …`` /
  ``Date:`` line the date; a ``By …`` line the authors. Those lines leave the body.
"""
from __future__ import annotations

import re

from ...record import ArticleError, Draft, Link
from ..dates import parse_date

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_REFERENCE_DEF = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+[\"'(].*[\"')])?\s*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\((?:[^()\s]+|\([^)]*\))*(?:\s+\"[^\"]*\")?\)|!\[([^\]]*)\]\[[^\]]*\]")
_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\]]*\])+)\]\(\s*<?([^()\s>]+(?:\([^)]*\)[^()\s>]*)*)>?(?:\s+\"[^\"]*\")?\s*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[([^\]]*)\]")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_BARE_URL = re.compile(r"(?<![(\[<\"'=])\bhttps?://[^\s<>()\]]+[^\s<>()\].,;:!?'\"]")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1(?!\w)")
_CODE = re.compile(r"`+([^`]*)`+")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_SOURCES = re.compile(r"(?i)^\s*(?:#{1,6}\s*)?(?:\*\*|__)?(sources?|references|via)(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?\s*:?\s*(.*)$")
_PUBLISHED = re.compile(r"(?i)^\s*(?:\*\*|__|_|\*)?(?:published|posted|date|updated|first published)(?:\s+on)?(?:\*\*|__|_|\*)?\s*:?\s*(.+)$")
_BYLINE = re.compile(r"(?i)^\s*(?:\*\*|__|_|\*)?(?:by|author|authors)(?:\*\*|__|_|\*)?\s*:?\s+(.+)$")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>~|])")  # \* is a literal star
_SHELTER = 0xE000  # escaped characters wait in the private use area while markup goes
_SHELTERED = re.compile("[\ue000-\ue07f]")
_PIECES = re.compile(r"\s+[·|•—–]\s+")
_FRONT_KEYS = {"title": "title", "date": "date", "published": "date", "author": "authors",
               "authors": "authors", "tags": "tags", "keywords": "tags", "url": "url",
               "source": "url", "canonical": "url", "site": "site"}


def parse(text: str, path: str) -> list[Draft]:
    draft = Draft(path=path, format="md")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = _front_matter(lines, draft)
    references = _reference_definitions(lines)
    paragraphs: list[str] = []
    kinds: list[str] = []  # beside paragraphs: heading, item, quote or paragraph
    current: list[str] = []
    current_kind = ["paragraph"]
    in_code = False
    sources_open = False

    def add(text: str, kind: str) -> None:
        paragraphs.append(text)
        kinds.append(kind)

    def flush():
        if current:
            add(_inline(" ".join(current), draft, references), current_kind[0])
            current.clear()
        current_kind[0] = "paragraph"

    for index, line in enumerate(lines):
        if _FENCE.match(line):
            flush()
            in_code = not in_code
            continue
        if in_code:
            if line.strip():
                add(line.strip(), "paragraph")
                draft.verbatim.append(line.strip())  # code is never re-spaced
            continue
        if not line.strip():
            flush()
            continue
        if "|" in line and _TABLE_RULE.match(line):
            continue
        if _TABLE_ROW.match(line):  # a table row: its own paragraph, never re-spaced
            flush()
            row = " | ".join(cell.strip() for cell in line.strip().strip("|").split("|"))
            add(row, "paragraph")
            draft.verbatim.append(row)
            continue
        draft.verbatim.extend(match.group(1) for match in _CODE.finditer(line) if match.group(1).strip())
        if _REFERENCE_DEF.match(line) or _RULE.match(line) and not current:
            flush()
            continue
        if current and _SETEXT.match(line) and index > 0:  # "Title\n=====" heading
            heading = _inline(" ".join(current), draft, references)
            current.clear()
            current_kind[0] = "paragraph"
            _add_heading(heading, draft, paragraphs, kinds)
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            _add_heading(_inline(heading.group(2), draft, references), draft, paragraphs, kinds)
            sources_open = False
            continue
        stripped = _QUOTE.sub("", line)
        bullet = _BULLET.match(stripped)
        if sources_open and (bullet or _BARE_URL.match(stripped.strip()) or _LINK.match(stripped.strip())):
            _add_sources(stripped[bullet.end():] if bullet else stripped, draft, references)
            continue
        sources_open = False
        if _metadata_line(stripped, draft, references):
            if _SOURCES.match(stripped) and not _SOURCES.match(stripped).group(2).strip():
                sources_open = True
            flush()
            continue
        if bullet:
            flush()
            stripped = stripped[bullet.end():]
            current_kind[0] = "item"
        elif not current and _QUOTE.match(line):
            current_kind[0] = "quote"
        current.append(stripped.strip())
    flush()
    draft.kinds = [kind for text, kind in zip(paragraphs, kinds) if text]
    draft.paragraphs = [p for p in paragraphs if p]
    if not draft.paragraphs:
        raise ArticleError(path, "no article text found in this Markdown file")
    return [draft]


def _add_heading(text: str, draft: Draft, paragraphs: list[str], kinds: list[str]) -> None:
    if not draft.title and not paragraphs:
        draft.title = text
    elif text:
        paragraphs.append(text)
        kinds.append("heading")


def _metadata_line(line: str, draft: Draft, references: dict[str, str]) -> bool:
    """Lift a Sources:/Published/By line into the draft's fields; True if it was one.

    A line of several parts ("Published 4 Dec 2025 · By Maren Holt · 5 min read") counts
    when its first part does; the other parts are lifted where they can be."""
    pieces = _PIECES.split(line.strip()) if len(line) < 160 else [line]
    if not _metadata_piece(pieces[0], draft, references):
        return False
    for piece in pieces[1:]:
        _metadata_piece(piece, draft, references)
    return True


def _metadata_piece(text: str, draft: Draft, references: dict[str, str]) -> bool:
    text = text.strip()
    match = _SOURCES.match(text)
    if match:
        rest = match.group(2).strip()
        if not rest or _BARE_URL.search(rest) or _LINK.search(rest) or _REF_LINK.search(rest):
            _add_sources(rest, draft, references)
            return True
    if len(text) < 120:
        match = _PUBLISHED.match(text)
        if match and parse_date(_strip_marks(match.group(1))):
            draft.date = draft.date or parse_date(_strip_marks(match.group(1)))
            return True
        match = _BYLINE.match(text)
        if match and not draft.authors and len(match.group(1).split()) <= 12:
            names = re.split(r"\s*(?:,|;|&|\band\b)\s*", _strip_marks(_plain(match.group(1))))
            draft.authors = [name.strip() for name in names if name.strip()]
            return bool(draft.authors)
    return False


def _add_sources(text: str, draft: Draft, references: dict[str, str]) -> None:
    for match in _LINK.finditer(text):
        draft.links.append(Link(match.group(2), _plain(match.group(1)), "source"))
    for match in _REF_LINK.finditer(text):
        url = references.get((match.group(2) or match.group(1)).lower())
        if url:
            draft.links.append(Link(url, _plain(match.group(1)), "source"))
    rest = _REF_LINK.sub("", _LINK.sub("", text))
    for match in _BARE_URL.finditer(rest.replace("<", " ").replace(">", " ")):
        draft.links.append(Link(match.group(0), "", "source"))


def _inline(text: str, draft: Draft, references: dict[str, str]) -> str:
    """Markdown inline markup → plain text; links recorded on the draft."""
    text = _ESCAPED.sub(lambda match: chr(_SHELTER + ord(match.group(1))), text)
    text = _IMAGE.sub("", text)

    def link(match: re.Match) -> str:
        label = _plain(match.group(1))
        _add_link(draft, match.group(2), label)
        return label

    def ref_link(match: re.Match) -> str:
        label = _plain(match.group(1))
        url = references.get((match.group(2) or match.group(1)).lower())
        if url:
            _add_link(draft, url, label)
        return label

    def autolink(match: re.Match) -> str:
        _add_link(draft, match.group(1), match.group(1))
        return match.group(1)

    text = _LINK.sub(link, text)
    text = _REF_LINK.sub(ref_link, text)
    text = _AUTOLINK.sub(autolink, text)
    for match in _BARE_URL.finditer(text):
        _add_link(draft, match.group(0), match.group(0))
    return _plain(text)


def _add_link(draft: Draft, url: str, label: str) -> None:
    if re.match(r"(?i)https?://", url):
        draft.links.append(Link(url, label, "inline"))


def _plain(text: str) -> str:
    text = _CODE.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _strip_marks(text)
    text = _SHELTERED.sub(lambda match: chr(ord(match.group(0)) - _SHELTER), text)
    return " ".join(text.split())


def _strip_marks(text: str) -> str:
    previous = None
    while previous != text:
        previous, text = text, _EMPHASIS.sub(r"\2", text)
    return text


def _reference_definitions(lines: list[str]) -> dict[str, str]:
    found = {}
    for line in lines:
        match = _REFERENCE_DEF.match(line)
        if match:
            found[match.group(1).lower()] = match.group(2)
    return found


def _front_matter(lines: list[str], draft: Draft) -> list[str]:
    """YAML-style ``---`` front matter (simple ``key: value`` and ``- item`` lists)."""
    if not lines or lines[0].strip() != "---":
        return lines
    try:
        end = next(i for i in range(1, min(len(lines), 60)) if lines[i].strip() in ("---", "..."))
    except StopIteration:
        return lines
    key = None
    for line in lines[1:end]:
        item = re.match(r"^\s+-\s+(.*)$", line)
        if item and key:
            _front_value(draft, key, item.group(1))
            continue
        pair = re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$", line)
        if not pair:
            continue
        key = _FRONT_KEYS.get(pair.group(1).lower())
        if key and pair.group(2).strip():
            value = pair.group(2).strip()
            if value.startswith("[") and value.endswith("]"):
                for part in value[1:-1].split(","):
                    _front_value(draft, key, part)
            else:
                _front_value(draft, key, value)
    return lines[end + 1:]


def _front_value(draft: Draft, key: str, value: str) -> None:
    value = value.strip().strip("\"'")
    if not value:
        return
    if key == "title":
        draft.title = value
    elif key == "date":
        draft.date = parse_date(value) or draft.date
    elif key == "authors":
        draft.authors.append(value)
    elif key == "tags":
        draft.tags.extend(part.strip() for part in value.split(",") if part.strip())
    elif key == "url" and re.match(r"(?i)https?://", value):
        draft.links.append(Link(value, "", "source"))
    elif key == "site":
        draft.site = value
