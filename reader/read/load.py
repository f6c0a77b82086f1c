"""Finding article files and loading them into clean Article records.

Folders are walked recursively (hidden files and folders skipped, symlink loops
survived); each file is read (never written), decoded, parsed by its format's
parser and run through the cleaning pipeline.
"""
from __future__ import annotations

import errno
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Iterable, Iterator

from .decode import MAX_BYTES, NotText, decode
from ..counts import counted
from ..formats import article_extensions, article_format as format_of, format_named
from ..record import Article, ArticleError, Draft

log = logging.getLogger(__name__)

MAX_HTML_CHARS = 5_000_000


@dataclass(frozen=True, slots=True)
class Failure:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(slots=True)
class FolderResult:
    articles: list[Article] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


def iter_article_files(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Article files under ``paths`` (folders walked recursively, in name order).

    Hidden files and folders are skipped; each real folder is visited once, so
    symlink loops end. Files named explicitly are yielded whatever their extension
    (loading them says if the type is not one we read)."""
    return map(Path, iter_article_paths(paths))


def iter_article_paths(paths: Iterable[str | os.PathLike]) -> Iterator[str]:
    """:func:`iter_article_files` as strings: a reopen from the cache walks every file of
    the folder, and needs no ``Path`` object per file."""
    seen: set[tuple[int, int]] = set()
    for path in paths:
        path = str(PurePath(path))  # tidied as Path() tidies it: "./news/" -> "news"
        if os.path.isdir(path):
            yield from _walk(path, seen)
        else:
            yield path


def _walk(folder: str, seen: set[tuple[int, int]]) -> Iterator[str]:
    try:
        st = os.stat(folder)
    except OSError:
        return
    if (st.st_dev, st.st_ino) in seen:
        return
    seen.add((st.st_dev, st.st_ino))
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name.casefold())
    except OSError:
        return
    subfolders = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir():
                subfolders.append(entry.path)
            elif entry.is_file() and format_of(entry.name):
                yield entry.path
        except OSError:
            continue
    for sub in subfolders:
        yield from _walk(sub, seen)


def _reason(err: OSError) -> str:
    return {
        errno.ENOENT: "the file does not exist (deleted or moved?)",
        errno.EACCES: "permission denied: the file cannot be read",
        errno.EPERM: "permission denied: the file cannot be read",
        errno.EISDIR: "this is a folder, not a file",
        errno.ELOOP: "too many levels of symbolic links",
    }.get(err.errno, err.strerror or str(err))


def read_text(path: str | Path) -> tuple[str, list[str]]:
    """The decoded text of a file and the decoding warnings; ArticleError if unreadable."""
    name = str(path)
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as err:
        raise ArticleError(name, _reason(err)) from None
    if not data:
        raise ArticleError(name, "the file is empty")
    try:
        decoded = decode(data)
    except NotText as err:
        raise ArticleError(name, str(err)) from None
    return decoded.text, decoded.warnings


def parse_text(text: str, path: str, fmt: str) -> list[Draft]:
    """Drafts of the articles in ``text``, by the parser for ``fmt``."""
    entry = format_named(fmt)
    if entry is None:
        raise ArticleError(path, f"not an article format this reader knows ({fmt})")
    return entry.parse_function()(text, path)


def load_file(path: str | os.PathLike) -> list[Article]:
    """Every article in one file (JSON lists and JSON Lines hold several), cleaned.

    Raises ArticleError (``.reason`` is a user-facing sentence) if the file cannot be
    read as an article."""
    from .clean import finish

    name = str(path)
    fmt = format_of(name)
    if fmt is None:
        suffix = Path(name).suffix or "(none)"
        raise ArticleError(name, f"not an article file: extension {suffix} is not one of "
                                 + " ".join(sorted(article_extensions())))
    text, warnings = read_text(path)
    if not text.strip():
        raise ArticleError(name, "the file holds only whitespace")
    if fmt == "html" and len(text) > MAX_HTML_CHARS:
        # page extraction grows faster than linearly with page size; no news page is this big
        text = text[:MAX_HTML_CHARS]
        warnings.append(f"the page is larger than {MAX_HTML_CHARS // 1_000_000} MB: only its first "
                        f"{MAX_HTML_CHARS // 1_000_000} MB were read")
    drafts = parse_text(text, name, fmt)
    articles = []
    for draft in drafts:
        draft.warnings[:0] = warnings
        article = finish(draft)
        if article.paragraphs:
            articles.append(article)
    if not articles:
        raise ArticleError(name, "no article text found: after cleaning nothing is left to read")
    return articles


def load_article(path: str | os.PathLike, index: int = 0) -> Article:
    """The article in ``path`` (the ``index``-th one in files that hold several)."""
    articles = load_file(path)
    if not 0 <= index < len(articles):
        raise ArticleError(str(path), f"the file holds {counted(len(articles), 'article')}; there is no number {index}")
    return articles[index]


def load_folder(*paths: str | os.PathLike) -> FolderResult:
    """Every article under the given folders or files, with a Failure for each file
    that could not be read; one bad file never stops the rest."""
    result = FolderResult()
    for path in iter_article_files(paths):
        try:
            result.articles.extend(load_file(path))
        except ArticleError as err:
            log.debug("%s: %s", err.path, err.reason)
            result.failures.append(Failure(err.path, err.reason))
        except Exception as err:  # a parser bug must not lose the rest of the folder
            log.warning("%s: could not be read", path, exc_info=True)
            result.failures.append(Failure(str(path), f"could not be read ({type(err).__name__}: {err})"))
    return result
