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
corpus exports all open through the library, so all show the same text; a file opened
on its own (or ``clean FILE``) has no folder to borrow from. The cache keeps what a file
is on its own; its full-text index, the text as shown. No Qt here.
"""
from __future__ import annotations

import logging
import os
import threading
from collections import Counter
from typing import Iterable

from ..fused.repair import WEAK, folder_width
from ..record import Article
from .cache import Row
from .codec import encode_articles
from .pool import load_one

log = logging.getLogger(__name__)

MIN_TEXTS = 2  # texts of a folder that must show a width before it is lent


def folder_widths(articles: Iterable[Article]) -> dict[str, int]:
    """Each folder's wrap width: the one most of its texts show by their own lines (a
    width one off another counts for it), when at least MIN_TEXTS show it."""
    counts: dict[str, Counter] = {}
    for article in articles:
        if article.wrap > 0:
            counts.setdefault(os.path.dirname(article.path), Counter())[article.wrap] += 1
    out = {}
    for folder, seen in counts.items():
        near = {w: seen[w - 1] + seen[w] + seen[w + 1] for w in seen}
        width = max(sorted(near), key=lambda w: (near[w], seen[w]))
        if near[width] >= MIN_TEXTS:
            out[folder] = width
    return out


class FolderWidths:
    """The articles held back while a folder loads, and their loading again."""

    def __init__(self) -> None:
        self.held: dict[str, tuple[list[Article], bytes | None]] = {}  # path -> its articles, evidence
        self.lending = False

    def hold(self, path: str, articles: list[Article], evidence: bytes | None = None) -> list[Article]:
        """The articles of ``path`` to report now; a file holding a text too short to show
        its wrap is held back whole (until :meth:`lend`)."""
        if self.lending or not any(a.wrap == WEAK for a in articles):
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
                    with folder_width(width):
                        loaded = load_one(path, library._load)
                    if loaded.failure is not None:  # it loaded a moment ago: keep what it gave
                        log.info("%s: loading again with its folder's wrap width failed: %s", path, loaded.failure)
                        loaded = None
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
