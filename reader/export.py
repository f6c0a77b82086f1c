"""Export of cleaned articles in the formats of :mod:`reader.formats`, written atomically.

The window and the CLI both call :func:`export_article` and :func:`export_all`.
Source files are never written: exports go to a folder the user chose.
"""
from __future__ import annotations

import html
import json
import logging
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from . import files
from .counts import counted
from .formats import FORMATS, export_format, format_named
from .record import Article

log = logging.getLogger(__name__)


class ExportError(Exception):
    def __init__(self, path: str | os.PathLike, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason

    def __reduce__(self):  # pickled by a cluster worker whose write failed
        return type(self), (self.path, self.reason)


@dataclass(slots=True)
class ExportReport:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (article key or path, reason)

    def summary(self, out_dir: str | os.PathLike, fmt: str) -> str:
        done = len(self.written) + len(self.unchanged)
        line = f"exported {counted(done, 'article')} as {fmt} to {out_dir}"
        if self.unchanged:
            line += f" ({len(self.unchanged)} already up to date)"
        if self.failed:
            line += f"; {len(self.failed)} failed"
        return line


# ---------------------------------------------------------------- the clean --json object

def to_json(article: Article) -> dict:
    """The stable JSON object of ``article-reader clean --json`` (exactly these keys)."""
    return {
        "path": printable_path(article.path),
        "format": article.format,
        "title": article.title,
        "date": article.date,
        "authors": list(article.authors),
        "dateline": article.dateline,
        "text": article.text,
        "paragraphs": list(article.paragraphs),
        "blocks": [{"kind": block.kind, "text": block.text} for block in article.blocks],
        "organisations": [
            {"name": org.name, "aliases": list(org.aliases),
             "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in org.mentions]}
            for org in article.organisations
        ],
        "links": [{"url": link.url, "label": link.label, "kind": link.kind} for link in article.links],
        "tags": list(article.tags),
        "warnings": list(article.warnings),
    }


def printable_path(path: str) -> str:
    """``path`` as text that can be written as UTF-8: bytes of a file name that were not
    UTF-8 (kept by Python as lone surrogates) show as �."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


# ---------------------------------------------------------------- renderers

def metadata_line(article: Article) -> str:
    """date · dateline · authors · source domain, the parts that are known."""
    parts = [article.date, article.dateline.title() if article.dateline and article.dateline.isupper()
             else article.dateline, ", ".join(article.authors), article.domain]
    return " · ".join(p for p in parts if p)


def own_title(article: Article) -> str:
    """The article's title, or "" when it was only made from its first sentence
    (printing that would say the first sentence twice)."""
    title = article.title
    if title and article.paragraphs and article.paragraphs[0].startswith(title.rstrip("…")):
        return ""
    return title


def render_text(article: Article) -> str:
    """Title, blank line, paragraphs (what ``article-reader clean`` prints)."""
    title = own_title(article)
    return "\n\n".join(([title] if title else []) + list(article.paragraphs)) + "\n"


def versions_line(versions: Sequence[Article]) -> str:
    """The other versions of an article's story, named: ``title (path)``, earliest first."""
    return "Other versions: " + "; ".join(f"{v.title} ({printable_path(v.path)})" for v in versions)


def render_txt(article: Article, versions: Sequence[Article] = ()) -> str:
    out = render_text(article)
    tail = [f"Source: {link.url}" for link in article.source_links]
    if article.tags:
        tail.append("Tags: " + ", ".join(article.tags))
    if versions:
        tail.append(versions_line(versions))
    return out + ("\n" + "\n".join(tail) + "\n" if tail else "")


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _md_escape(text: str) -> str:
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return re.sub(r"^(\s*)([-+]|\d+[.)])(\s)", r"\1\\\2\3", text)


_MD_BLOCK = {"paragraph": "", "heading": "## ", "item": "- ", "quote": "> "}


def render_md(article: Article, versions: Sequence[Article] = ()) -> str:
    out = [f"# {_md_escape(own_title(article))}" if own_title(article) else ""]
    if meta := metadata_line(article):
        out.append(f"*{_md_escape(meta)}*")
    out.extend(_MD_BLOCK[block.kind] + _md_escape(block.text) for block in article.blocks)
    if article.source_links:
        out.append("## Sources\n\n" + "\n".join(
            f"- <{link.url}>" if not link.label else f"- [{_md_escape(link.label)}](<{link.url}>)"
            for link in article.source_links))
    if article.tags:
        out.append("Tags: " + ", ".join(_md_escape(t) for t in article.tags))
    if versions:
        out.append(_md_escape(versions_line(versions)))
    return "\n\n".join(p for p in out if p) + "\n"


_HTML_STYLE = """
body{margin:0;background:#fbfaf7;color:#1d1d1f;font:18px/1.6 Georgia,'DejaVu Serif',serif}
main{max-width:40em;margin:3em auto;padding:0 1.2em}
h1{font:700 1.9em/1.2 system-ui,'DejaVu Sans',sans-serif;margin:0 0 .3em}
.meta{color:#666;font:.85em system-ui,'DejaVu Sans',sans-serif;margin-bottom:2em}
mark.org{background:#fde7a8;color:inherit;border-radius:2px;padding:0 1px}
h2{font:600 1em system-ui,'DejaVu Sans',sans-serif;margin-top:2.5em;color:#444}
article h2{font-size:1.15em;margin-top:1.8em;color:inherit}
blockquote{margin:1em 0;padding-left:1em;border-left:3px solid #ccc;font-style:italic}
ul.orgs,ul.sources{font:.9em/1.5 system-ui,'DejaVu Sans',sans-serif;padding-left:1.2em}
a{color:#1a55a8}
@media (prefers-color-scheme:dark){body{background:#1b1c1e;color:#e4e2dd}.meta{color:#9a9a9a}
mark.org{background:#6b5512}h2{color:#bbb}a{color:#8ab4f8}}
"""


def _marked_paragraphs(article: Article) -> list[str]:
    """Escaped paragraphs with each organisation mention wrapped in <mark>."""
    mentions = sorted((m for org in article.organisations for m in org.mentions), key=lambda m: m.start)
    text, pieces, pos = article.text, [], 0
    for m in mentions:
        if m.start < pos or "\n" in text[m.start:m.end]:
            continue
        pieces.append(html.escape(text[pos:m.start]))
        pieces.append(f'<mark class="org" title="{html.escape(m.name)}">{html.escape(text[m.start:m.end])}</mark>')
        pos = m.end
    pieces.append(html.escape(text[pos:]))
    # paragraphs are separated by "\n\n" in text, and no mark spans a paragraph break
    marked = "".join(pieces).split("\n\n")
    out: list[str] = []
    for index, (block, paragraph) in enumerate(zip(article.blocks, marked)):
        previous = article.blocks[index - 1].kind if index else ""
        following = article.blocks[index + 1].kind if index + 1 < len(article.blocks) else ""
        if block.kind == "item":
            out.append(("<ul>" if previous != "item" else "") + f"<li>{paragraph}</li>"
                       + ("</ul>" if following != "item" else ""))
        else:
            tag = {"heading": "h2", "quote": "blockquote"}.get(block.kind, "p")
            out.append(f"<{tag}>{paragraph}</{tag}>")
    return out


def render_html(article: Article, versions: Sequence[Article] = ()) -> str:
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="article-reader">',
        f"<title>{e(article.title or 'Article')}</title>",
        f"<style>{_HTML_STYLE}</style></head><body><main><article>",
        f"<h1>{e(own_title(article))}</h1>" if own_title(article) else "",
        f'<p class="meta">{e(metadata_line(article))}</p>' if metadata_line(article) else "",
        *_marked_paragraphs(article),
        "</article>",
    ]
    if article.organisations:
        parts.append("<h2>Organisations</h2><ul class=\"orgs\">")
        for org in article.organisations:
            aliases = f" ({e(', '.join(org.aliases))})" if org.aliases else ""
            mentions = counted(len(org.mentions), "mention")
            parts.append(f"<li><mark class=\"org\">{e(org.name)}</mark>{aliases} — {mentions}</li>")
        parts.append("</ul>")
    if article.source_links:
        parts.append("<h2>Sources</h2><ul class=\"sources\">")
        for link in article.source_links:
            parts.append(f'<li><a href="{e(link.url)}" rel="noopener noreferrer">{e(link.label or link.url)}</a></li>')
        parts.append("</ul>")
    if article.tags:
        parts.append(f'<p class="meta">Tags: {e(", ".join(article.tags))}</p>')
    if versions:
        parts.append(f'<p class="meta versions">{e(versions_line(versions))}</p>')
    parts.append("</main></body></html>")
    return "\n".join(p for p in parts if p) + "\n"


def render_json(article: Article, versions: Sequence[Article] = ()) -> str:
    """The ``clean --json`` object, each organisation also saying where it came from
    (``"source"``: ``"recogniser"`` or ``"correction"``); ``other_versions`` only in an
    export of one article per story."""
    obj = to_json(article)
    for out, org in zip(obj["organisations"], article.organisations):
        out["source"] = org.source
    if versions:
        obj["other_versions"] = [{"path": printable_path(v.path), "title": v.title, "date": v.date}
                                 for v in versions]
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def render(article: Article, fmt: str, versions: Sequence[Article] = ()) -> str:
    """``article`` as a file of format ``fmt``; ``versions``, the other versions of its
    story, are named in its metadata (a line; in JSON the key ``other_versions``)."""
    entry = format_named(fmt)
    if entry is None:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(f.name for f in FORMATS)}")
    return entry.write_function()(article, versions)


# ---------------------------------------------------------------- files

_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


NAME_CHARS = 80  # a suggested name's length at most (before the suffix)
NAME_BYTES = 200  # and in UTF-8 (file systems allow 255 bytes; the suffix and "-2" fit)
_APOSTROPHES = re.compile(r"['\u2019\u02bc]")
_DASHES = re.compile(r"-{2,}")


def suggested_filename(article: Article, fmt: str) -> str:
    """A file name from the title (NFC): the words of every script, lower case, joined
    by ``-``; punctuation, spaces and what file systems refuse (``/ \\ : * ? " < > |``,
    controls, a leading or trailing dot) become one ``-``. A long title is cut at a word
    boundary; a name Windows reserves gets ``-article``."""
    slug = _slug(article.title or Path(article.path).stem) or _slug(Path(article.path).stem) or "article"
    if slug in _RESERVED:
        slug += "-article"
    if article.index:
        slug += f"-{article.index + 1}"
    return slug + format_named(fmt).suffix


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFC", _APOSTROPHES.sub("", text)).lower()
    # letters, marks and digits of every script stay; anything else is a break
    kept = "".join(c if unicodedata.category(c)[0] in "LMN" else "-" for c in text)
    slug = _DASHES.sub("-", kept).strip("-")
    return unicodedata.normalize("NFC", _cut(slug))


def _cut(slug: str) -> str:
    """``slug`` within NAME_CHARS and NAME_BYTES, at its last ``-`` if one falls in the
    second half (a script without spaces is cut where the limit falls)."""
    if len(slug) <= NAME_CHARS and len(slug.encode("utf-8")) <= NAME_BYTES:
        return slug
    end = min(len(slug), NAME_CHARS)
    while len(slug[:end].encode("utf-8")) > NAME_BYTES:
        end -= 1
    if slug[end:end + 1] == "-":
        return slug[:end]
    word = slug.rfind("-", 0, end)
    return slug[:word] if word >= end // 2 else slug[:end].rstrip("-")


def write_atomic(path: str | os.PathLike, text: str) -> None:
    """:func:`reader.files.write_atomic`, failures raised as ExportError with the reason."""
    try:
        files.write_atomic(path, text)
    except OSError as err:
        raise ExportError(path, err.strerror or str(err)) from None
    except UnicodeEncodeError as err:
        raise ExportError(path, f"text that cannot be written as UTF-8 ({err.reason})") from None


def export_article(article: Article, dest: str | os.PathLike, fmt: str | None = None,
                   overwrite: bool = False) -> Path:
    """Write one article to ``dest``; the format comes from ``fmt`` or the file suffix.

    Raises FileExistsError if ``dest`` exists and ``overwrite`` is false (the window
    asks first), ExportError if it cannot be written."""
    dest = Path(dest)
    fmt = fmt or export_format(dest)
    if format_named(fmt or "") is None:
        raise ExportError(dest, f"unknown export format; use a file name ending in "
                                f"{', '.join(f.suffix for f in FORMATS)}")
    if dest.exists() and not overwrite:
        raise FileExistsError(str(dest))
    write_atomic(dest, render(article, fmt))
    return dest


def export_all(articles: Iterable[Article], out_dir: str | os.PathLike, fmt: str,
               versions: Mapping[str, Sequence[Article]] | None = None) -> ExportReport:
    """One file per article in ``out_dir``, named from its title. Names are unique;
    an existing file is replaced only when it holds this same article's export
    (same content → left as it is), never when it holds something else.
    ``versions``: article key -> the other versions of its story, named in its file."""
    out = Path(out_dir)
    report = ExportReport()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        report.failed.append((str(out), f"cannot create the folder: {err.strerror or err}"))
        log.warning("%s: %s", *report.failed[-1])
        return report
    taken: set[str] = set()
    for article in articles:
        try:
            content = render(article, fmt, versions.get(article.key, ()) if versions else ())
            name = suggested_filename(article, fmt)
            suffix = format_named(fmt).suffix
            stem = name[: -len(suffix)]
            n = 1
            while True:
                dest = out / name
                if name.lower() not in taken:
                    if not dest.exists():
                        break
                    if _same_content(dest, content):
                        break
                n += 1
                name = f"{stem}-{n}{suffix}"
            taken.add(name.lower())
            if dest.exists() and _same_content(dest, content):
                report.unchanged.append(dest)
                continue
            write_atomic(dest, content)
            report.written.append(dest)
        except ExportError as err:
            report.failed.append((article.key, f"{err.path}: {err.reason}"))
            log.warning("%s: export failed: %s", *report.failed[-1])
    log.info("%s", report.summary(out, fmt))
    return report


def _same_content(path: Path, content: str) -> bool:
    try:
        return path.read_text("utf-8") == content
    except (OSError, UnicodeDecodeError):
        return False
