"""A folder's wrap width lent to its short texts.

The fused-word repair (:mod:`reader.fused.repair`) finds the width a text was hard-wrapped
at from the text's own lines; a short text (a few paragraphs, a break or two each) often
shows signs of the defect but too few to tell a width, and keeps its fused words
(``bypersonnel``). Texts scraped together are wrapped alike: when other texts of the same
folder show one width, such a text is loaded again with that width as its prior
(:func:`reader.fused.repair.folder_width`) once the whole folder is in.

:class:`FolderWidths` does this for :class:`reader.library.Library`: while a folder
loads it holds back the files with a text too short to tell (``Article.wrap == WEAK``)
from the batches reported, then :meth:`FolderWidths.lend` loads each again with its
folder's width when the folder shows one, and reports it. The window, ``export`` and the
local corpus exports all open through the library; a corpus export on a cluster
(:mod:`reader.corpus.cluster`) applies the same rule with the functions below, from the
widths each part's texts show (:func:`seen_widths`, :func:`merged`, :func:`agreed_widths`,
:func:`too_weak`, :func:`load_again`), so all show the same text. A file opened
on its own (or ``clean FILE``) has no folder to borrow from. The cache keeps what a file
is on its own; its full-text index, the text as shown. No Qt here.
"""
from __future__ import annotations

import logging
import os
import threading
from collections import Counter
from typing import Callable, Iterable

from ..fused.repair import WEAK, folder_width
from ..record import Article
from .cache import Row
from .codec import encode_articles
from .pool import Loaded, load_one

log = logging.getLogger(__name__)

MIN_TEXTS = 2  # texts of a folder that must show a width before it is lent


def seen_widths(articles: Iterable[Article]) -> dict[str, Counter]:
    """The widths each folder's texts show by their own lines: folder -> width -> texts.
    Those of parts of a folder, merged with :func:`merged`, are those of the whole."""
    counts: dict[str, Counter] = {}
    for article in articles:
        if article.wrap > 0:
            counts.setdefault(os.path.dirname(article.path), Counter())[article.wrap] += 1
    return counts


def merged(parts: Iterable[dict[str, Counter]]) -> dict[str, Counter]:
    """:func:`seen_widths` of several parts of the folders, as one."""
    out: dict[str, Counter] = {}
    for part in parts:
        for folder, seen in part.items():
            out.setdefault(folder, Counter()).update(seen)
    return out


def agreed_widths(counts: dict[str, Counter]) -> dict[str, int]:
    """Each folder's wrap width, from what its texts show (:func:`seen_widths`): the one
    most of them show (a width one off another counts for it), when at least MIN_TEXTS
    show it."""
    out = {}
    for folder, seen in counts.items():
        near = {w: seen[w - 1] + seen[w] + seen[w + 1] for w in seen}
        width = max(sorted(near), key=lambda w: (near[w], seen[w]))
        if near[width] >= MIN_TEXTS:
            out[folder] = width
    return out


def folder_widths(articles: Iterable[Article]) -> dict[str, int]:
    """Each folder's wrap width, from its articles (see :func:`agreed_widths`)."""
    return agreed_widths(seen_widths(articles))


def too_weak(articles: Iterable[Article]) -> bool:
    """Whether a file's articles wait for their folder's width: one of its texts shows
    signs of the defect, too few to tell a width of its own."""
    return any(a.wrap == WEAK for a in articles)


def load_again(path: str, width: int, load: Callable[[str], Loaded]) -> Loaded | None:
    """``path`` loaded again (by ``load``) with its folder's ``width``; None if that
    failed (it loaded a moment ago: what it gave then stands)."""
    with folder_width(width):
        loaded = load(path)
    if loaded.failure is not None:
        log.info("%s: loading again with its folder's wrap width failed: %s", path, loaded.failure)
        return None
    return loaded


class FolderWidths:
    """The articles held back while a folder loads, and their loading again."""

    def __init__(self) -> None:
        self.held: dict[str, tuple[list[Article], bytes | None]] = {}  # path -> its articles, evidence
        self.lending = False

    def hold(self, path: str, articles: list[Article], evidence: bytes | None = None) -> list[Article]:
        """The articles of ``path`` to report now; a file holding a text too short to show
        its wrap is held back whole (until :meth:`lend`)."""
        if self.lending or not too_weak(articles):
            return articles
        self.held[path] = (articles, evidence)
        return []

    def lend(self, library, cancel: threading.Event | None, progress, changes) -> None:
        """Report the files held back, each loaded again with its folder's width when the
        folder shows one (put in ``library`` as a reload of the file), else as they were.
        A ``library``'s own step of ``open``/``refresh``, on its thread."""
        held, self.held = self.held, {}
        if not held:
            return
        widths = folder_widths(list(library.articles.values()))
        self.lending = True
        try:
            for path, (kept, evidence) in held.items():
                width = widths.get(os.path.dirname(path))
                loaded = None
                if width is not None and path in library._files and not (cancel is not None and cancel.is_set()):
                    loaded = load_again(path, width, lambda p: load_one(p, library._load))
                if loaded is None:
                    progress.add(kept, (), 0)
                else:
                    if changes is not None:  # what the first load reported is replaced
                        changes.articles = [a for a in changes.articles if a.path != path]
                    st = library._files[path]
                    lent = loaded.articles()
                    library._put_articles(path, st, lent, progress, changes, loaded.evidence, 0)
                    if library.searchable and st.file_id is not None:
                        # the search indexes the text as shown; the cache keeps the file's
                        # own load (what it is on its own), given as the row's bytes
                        library.cache.store([Row(st.resolved, st.size, st.mtime_ns, lent, encode_articles(kept),
                                                 None, evidence)])
        finally:
            self.lending = False
