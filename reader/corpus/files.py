"""Pass two of a one-file-per-article export (txt, md, html, json) on a cluster, as steps
that give the files :func:`reader.export.export_all` gives: the same names (from the
title; ``-2``, ``-3`` … in folder order when taken; a file holding something else is
never replaced, one holding this same export is left as it is) and the same bytes.

Each part is rendered where it lives (:func:`render_files`); only each file's suggested
name and a digest of its content go to the one task that names them in folder order
(:func:`assign_names`); each part then writes its own files (:func:`write_files`).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Sequence

from ..export import ExportError, render, suggested_filename
from ..formats import format_named
from ..library.pool import Loaded
from .passes import Folder, articles_of
from .target import Target


@dataclass(slots=True)
class Article:
    key: str
    name: str  # suggested by the title
    content: bytes  # the rendered file, or b"" when it cannot be written as UTF-8
    problem: str = ""  # why it cannot be written


@dataclass(slots=True)
class Written:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (article key, reason), as export_all


def render_files(part: Sequence[Loaded], folder: Folder, fmt: str) -> list[Article]:
    out = []
    for article in articles_of(part):
        shown = folder.shown(article)
        text = render(shown, fmt)
        try:
            out.append(Article(shown.key, suggested_filename(shown, fmt), text.encode("utf-8")))
        except UnicodeEncodeError as err:
            out.append(Article(shown.key, suggested_filename(shown, fmt), b"",
                               f"text that cannot be written as UTF-8 ({err.reason})"))
    return out


def digests(files: Sequence[Article]) -> list[tuple[str, str]]:
    return [(f.name, hashlib.sha256(f.content).hexdigest()) for f in files]


def assign_names(target: Target, fmt: str, *parts: Sequence[tuple[str, str]]) -> list[list[tuple[str, bool]]]:
    """For each file of each part, in order: (its name, whether the folder already holds
    this same content under it), by the rule of :func:`reader.export.export_all`."""
    suffix = format_named(fmt).suffix
    taken: set[str] = set()
    out = []
    for part in parts:
        names = []
        for name, digest in part:
            stem, n, held = name[: -len(suffix)], 1, None
            while True:
                if name.lower() not in taken:
                    held = target.read(name) if target.exists(name) else None
                    if held is None or hashlib.sha256(held).hexdigest() == digest:
                        break
                n += 1
                name = f"{stem}-{n}{suffix}"
            taken.add(name.lower())
            names.append((name, held is not None))
        out.append(names)
    return out


def write_files(target: Target, files: Sequence[Article], names: Sequence[tuple[str, bool]]) -> Written:
    done = Written()
    for file, (name, same) in zip(files, names):
        if same:
            done.unchanged.append(name)
            continue
        try:
            if file.problem:
                raise ExportError(target.path_of(name), file.problem)
            done.written.append(target.write(name, file.content))
        except ExportError as err:
            done.failed.append((file.key, f"{err.path}: {err.reason}"))
    return done
