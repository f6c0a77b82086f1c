"""The article record: what every stage after loading consumes.

A loader turns a file into one or more :class:`Draft` objects (raw fields as the
file had them); :func:`reader.read.clean.finish` turns a draft into a frozen
:class:`Article` (cleaned paragraphs, lifted metadata, organisations, warnings).
No Qt here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit


class ArticleError(Exception):
    """A file that cannot be read as an article; ``str(err)`` is the user-facing reason."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    label: str = ""
    kind: str = "inline"  # "source" (Source: lines, canonical URLs, cited sources) or "inline"

    @property
    def domain(self) -> str:
        return domain_of(self.url)


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of an organisation; offsets index into ``Article.text``."""

    start: int
    end: int
    text: str
    name: str  # canonical name of its organisation
    why: str = ""  # the rule or list that made it ("listed: organisations.tsv", "acronym defined")


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str  # canonical: the most complete long form seen
    aliases: tuple[str, ...]  # every other surface form seen (acronyms, variants)
    mentions: tuple[Mention, ...]
    source: str = "recogniser"  # or "correction": named by the user's corrections


KINDS = ("paragraph", "heading", "item", "quote")  # what a block of the body is


@dataclass(frozen=True, slots=True)
class Block:
    """One block of an article's body: its kind (see :data:`KINDS`) and its text."""

    kind: str
    text: str


@dataclass(slots=True)
class Draft:
    """Raw fields of one article as a format parser found them (before cleaning).

    ``body`` is plain text (paragraphs separated by blank lines, possibly hard-wrapped
    and carrying metadata lines); parsers that already know the paragraphs (HTML, JSON)
    give ``paragraphs`` instead and leave ``body`` empty.
    """

    path: str
    format: str
    body: str = ""
    paragraphs: list[str] | None = None
    title: str = ""
    date: str | None = None
    authors: list[str] = field(default_factory=list)
    dateline: str | None = None
    links: list[Link] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    site: str = ""
    index: int = 0  # position of the article inside its file (JSON lists, JSON Lines)
    kinds: list[str] | None = None  # beside ``paragraphs``: each one's kind (see KINDS)
    verbatim: list[str] = field(default_factory=list)  # code and table text: never re-spaced
    wrap: int = 0  # the width its lines were hard-wrapped at (reader.fused.repair.repair)


@dataclass(frozen=True, slots=True)
class Article:
    path: str
    format: str
    title: str
    date: str | None
    authors: tuple[str, ...]
    dateline: str | None
    paragraphs: tuple[str, ...]
    links: tuple[Link, ...]
    tags: tuple[str, ...]
    warnings: tuple[str, ...]
    organisations: tuple[Organisation, ...] = ()
    site: str = ""
    index: int = 0
    kinds: tuple[str, ...] = ()  # one per paragraph; empty when all are plain paragraphs
    wrap: int = 0  # hard-wrapped at this width, by its own lines; -1: too short to tell; 0: not

    @property
    def blocks(self) -> tuple[Block, ...]:
        """The body as blocks: each paragraph with its kind (heading, list item, quote or
        paragraph); the texts are ``paragraphs``, in the same order."""
        kinds = self.kinds if len(self.kinds) == len(self.paragraphs) else ()
        return tuple(Block(kinds[i] if kinds else "paragraph", text)
                     for i, text in enumerate(self.paragraphs))

    @property
    def text(self) -> str:
        """The paragraphs joined by one blank line; mention offsets index into this."""
        return "\n\n".join(self.paragraphs)

    @property
    def source_links(self) -> tuple[Link, ...]:
        return tuple(link for link in self.links if link.kind == "source")

    @property
    def domain(self) -> str:
        """The article's source domain: its first source link's, else its site name."""
        for link in self.links:
            if link.kind == "source":
                return link.domain
        return self.site

    @property
    def key(self) -> str:
        """Identifies the article within a folder: path, plus the index in multi-article files."""
        return self.path if self.index == 0 else f"{self.path}#{self.index}"


_PLAIN_HOST = re.compile(r"https?://([A-Za-z0-9.-]+)(?=(?::\d*)?(?:[/?#]|$))")  # no user@


def domain_of(url: str) -> str:
    """The host of ``url`` without "www." ('' if none), as ``urlsplit`` finds it; the
    common ``http(s)://host/...`` without urlsplit, as the document list asks for every
    row's source domain when it sorts and paints."""
    m = _PLAIN_HOST.match(url)
    if m is not None:
        host = m.group(1).lower()
    else:
        try:
            host = urlsplit(url).hostname or ""
        except ValueError:
            return ""
    return host[4:] if host.startswith("www.") else host
