"""Export through the library: where exports may go, and the articles as shown.

Every front end (the window's Export Article and Export All, ``article-reader export``)
exports through :class:`reader.library.Library`, which uses what is here:

* :func:`export_problem`: a folder that holds the open sources is refused, with one
  message. Exports there would sit beside the sources; the window's file watcher would
  load them as new articles (a folder of 100 listed 200).
* :func:`export_shown`: each article written as the reading pane shows it, with the
  names the whole folder recognised marked (``library.as_shown``).

No Qt here.
"""
from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping, Sequence

from ..export import ExportReport, export_all, export_article
from ..record import Article

log = logging.getLogger(__name__)

SOURCES_REASON = "holds source articles; choose another folder so exports never sit beside the sources"

OnProgress = Callable[[int, int], None]  # articles done, articles in all


def export_problem(folder: str | os.PathLike, roots: Iterable[str | os.PathLike],
                   files: Iterable[str] = ()) -> str:
    """Why ``folder`` must not take exports ('' when it may): it is, or lies inside, an
    open folder among ``roots``, or it holds an open file (a root or one of ``files``,
    as found or as its link resolves: pass both)."""
    target = os.path.realpath(folder)
    for root in roots:
        root = os.fspath(root)
        if os.path.isdir(root):
            real = os.path.realpath(root)
            if target == real or target.startswith(real.rstrip(os.sep) + os.sep):
                return f"{folder}: {SOURCES_REASON}"
        elif os.path.realpath(os.path.dirname(os.path.abspath(root))) == target:
            return f"{folder}: {SOURCES_REASON}"
    parents = {os.path.dirname(os.path.abspath(path)) for path in files}
    if target in parents or any(os.path.realpath(p) == target for p in parents):
        return f"{folder}: {SOURCES_REASON}"
    return ""


def export_shown(shown: Callable[[Article], Article], articles: Sequence[Article],
                 folder: str | os.PathLike, fmt: str, cancel: threading.Event | None = None,
                 on_progress: OnProgress | None = None,
                 versions: Mapping[str, Sequence[Article]] | None = None) -> ExportReport:
    """One file per article in ``folder`` (:func:`reader.export.export_all`), each as
    ``shown`` makes it; stops after the article being written when ``cancel`` is set
    (what was written stays). ``on_progress(done, total)`` after each article is
    prepared (on this thread). ``versions`` (key -> the other versions of its story) are
    named in each article's file."""
    total = len(articles)

    def prepared() -> Iterator[Article]:
        for done, article in enumerate(articles):
            if cancel is not None and cancel.is_set():
                return
            try:
                article = shown(article)
            except Exception:  # noqa: BLE001 - a bug there must not cost the export: as loaded
                log.exception("marking the folder's names in %s failed", article.key)
            yield article
            if on_progress is not None:
                on_progress(done + 1, total)

    return export_all(prepared(), folder, fmt, versions)


def export_one(shown: Callable[[Article], Article], article: Article, dest: str | os.PathLike,
               fmt: str | None, overwrite: bool) -> Path:
    """``article`` as shown, written to ``dest`` (see :func:`reader.export.export_article`)."""
    return export_article(shown(article), dest, fmt, overwrite=overwrite)
