"""The one table of file formats: which files are articles, which parser reads them,
which writer exports them, and the names a file dialog shows.

Everything that lists formats (the loader, the folder walk, the exporter, the command
line's ``--format`` choices, the window's dialogs) reads :data:`FORMATS`; adding a
format is one entry here plus its parser and writer. No Qt here.
"""
from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True, slots=True)
class Format:
    name: str  # as ``Article.format``, ``--format`` and the JSON ``format`` key spell it
    label: str  # what a file dialog shows: "Markdown" -> "Markdown (*.md)"
    extensions: tuple[str, ...]  # article files of this format (lower case, with the dot)
    saves_as: tuple[str, ...]  # file names an export recognises; the first is the one written
    parser: str  # module in reader.read.formats with ``parse(text, path) -> list[Draft]``
    writer: str  # function in reader.export: ``(Article, other versions of its story) -> str``

    @property
    def suffix(self) -> str:
        """The suffix an export in this format is written with."""
        return self.saves_as[0]

    @property
    def dialog_filter(self) -> str:
        return f"{self.label} (*{self.suffix})"

    def parse_function(self) -> Callable:
        return importlib.import_module(f"reader.read.formats.{self.parser}").parse

    def write_function(self) -> Callable:
        return getattr(importlib.import_module("reader.export"), self.writer)


FORMATS: tuple[Format, ...] = (
    Format("txt", "Plain text", (".txt", ".text"), (".txt", ".text"), "text", "render_txt"),
    Format("md", "Markdown", (".md", ".markdown"), (".md", ".markdown"), "markdown", "render_md"),
    # .xhtml and .jsonl are read, never written: the export is HTML5 and one JSON object
    Format("html", "HTML page", (".html", ".htm", ".xhtml"), (".html", ".htm"), "html", "render_html"),
    Format("json", "JSON", (".json", ".jsonl"), (".json",), "jsonfile", "render_json"),
)


def names() -> tuple[str, ...]:
    """The formats' names, in table order: ``("txt", "md", "html", "json")``."""
    return tuple(f.name for f in FORMATS)


def format_named(name: str) -> Format | None:
    return next((f for f in FORMATS if f.name == name), None)


_extensions: tuple[tuple[Format, ...], dict[str, str]] = ((), {})


def article_extensions() -> dict[str, str]:
    """Extension -> format name, for every article file the reader opens."""
    global _extensions
    if _extensions[0] is not FORMATS:  # built once per table (a test may swap in another)
        _extensions = (FORMATS, {ext: f.name for f in FORMATS for ext in f.extensions})
    return _extensions[1]


def _suffix(path: str | os.PathLike) -> str:
    """The suffix as ``Path.suffix`` finds it, lower case ("" for ".txt" or "notes.")."""
    name = os.path.basename(os.fspath(path))
    i = name.rfind(".")
    return name[i:].lower() if 0 < i < len(name) - 1 else ""


def article_format(path: str | os.PathLike) -> str | None:
    """The format of the article file ``path`` by its extension, None if not one we read."""
    return article_extensions().get(_suffix(path))


def export_format(path: str | os.PathLike) -> str | None:
    """The export format a file name asks for by its suffix, None if none does."""
    suffix = _suffix(path)
    return next((f.name for f in FORMATS if suffix in f.saves_as), None) if suffix else None


def listed() -> str:
    """The formats as a message names them: ``".txt, .md, .html, .json"``."""
    return ", ".join(f.extensions[0] for f in FORMATS)


def open_filter() -> str:
    """The Open dialog's filter: every article extension, then all files."""
    patterns = " ".join(f"*{ext}" for f in FORMATS for ext in f.extensions)
    return f"Articles ({patterns});;All files (*)"


def save_filters() -> dict[str, str]:
    """The Save dialog's filters -> export format: ``"Markdown (*.md)" -> "md"``."""
    return {f.dialog_filter: f.name for f in FORMATS}
