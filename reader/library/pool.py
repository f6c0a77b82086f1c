"""Loading many files on every core: a process pool, results in input order.

Cleaning and recognition are CPU-bound Python, so a folder is loaded by worker
processes (``concurrent.futures.ProcessPoolExecutor``, started with ``spawn`` so it is
safe from a program with threads, such as the window). Files go out in small chunks;
each worker loads its files with :func:`load_one` and sends back the encoded articles
(:func:`reader.library.codec.encode_articles`: the cache stores those bytes as they are) with
their story evidence, or the reason a file failed. ``jobs=1`` runs the same function in this process, so a pool and
a single process give identical results, in the same order. No Qt here.
"""
from __future__ import annotations

import logging
import os
import threading
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context
from typing import Callable, Iterator, Sequence

from .codec import decode_articles, encode_articles
from ..record import Article, ArticleError

log = logging.getLogger(__name__)

CHUNK = 8  # files per task: small enough to balance, large enough to amortise the pickling
AHEAD = 4  # chunks in flight per worker
MIN_POOL = 256  # fewer files than this load in this process (quicker than starting workers)


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True, slots=True)
class Loaded:
    """One file's outcome: ``blob`` (encoded articles) or ``failure`` (the reason)."""

    path: str
    blob: bytes | None
    failure: str | None
    failure_path: str = ""  # the path the reason is about (ArticleError.path)
    evidence: bytes | None = None  # the articles' story evidence (reader.stories.evidence), encoded

    def articles(self) -> list[Article]:
        return decode_articles(self.blob, self.path) if self.blob is not None else []


LoadFile = Callable[[str], Sequence[Article]]  # a file's articles, or ArticleError


def load_one(path: str, load: LoadFile | None = None) -> Loaded:
    """Load one file (with ``load``, or the pipeline's :func:`reader.read.load.load_file`)
    and encode its articles; never raises for a bad file (the same failure texts as
    :func:`reader.read.load.load_folder`)."""
    if load is None:
        from ..read.load import load_file as load

    try:
        articles = list(load(path))
        return Loaded(path, encode_articles(articles), None, evidence=_evidence(path, articles))
    except ArticleError as err:
        return Loaded(path, None, err.reason, err.path)
    except Exception as err:  # a parser bug must not lose the rest of the folder
        log.exception("loading %s failed", path)
        return Loaded(path, None, f"could not be read ({type(err).__name__}: {err})", path)


def _evidence(path: str, articles: list[Article]) -> bytes | None:
    """What identifies each article's event (made here, on the loading process, so that
    grouping stories later costs little); None if it cannot be made (made again then)."""
    from ..stories.evidence import encode_evidence, evidence_of

    try:
        return encode_evidence([evidence_of(a) for a in articles])
    except Exception:  # noqa: BLE001 - stories are extra: the file's articles must still load
        log.exception("the story evidence of %s could not be made", path)
        return None


def _load_chunk(paths: list[str]) -> list[Loaded]:
    return [load_one(p) for p in paths]


def _warm_up() -> None:
    """Import the pipeline once per worker, before its first file."""
    from ..read import clean  # noqa: F401
    from ..organisations import recognise as entities
    from ..read import load
    from ..organisations.lexicon import lexicon
    from ..stories import evidence

    lexicon()
    evidence.warm_up()


def load_files(paths: Sequence[str], jobs: int | None = None,
               cancel: threading.Event | None = None, chunk: int = CHUNK,
               load: LoadFile | None = None) -> Iterator[Loaded]:
    """:class:`Loaded` for each path, in the order given, on ``jobs`` processes (None:
    all cores; 1: this process). Stops early when ``cancel`` is set (the workers finish
    the chunk they hold and exit). Fewer than ``MIN_POOL`` files load in this process,
    and so do all with a ``load`` of the caller's (it need not pickle)."""
    paths = [str(p) for p in paths]
    jobs = default_jobs() if not jobs or jobs < 1 else jobs
    if jobs == 1 or load is not None or len(paths) < max(MIN_POOL, 2 * chunk):
        for path in paths:
            if cancel is not None and cancel.is_set():
                return
            yield load_one(path, load)
        return
    chunks = [paths[i:i + chunk] for i in range(0, len(paths), chunk)]
    jobs = min(jobs, len(chunks))
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn"),
                                   initializer=_warm_up)
    pending: deque[tuple[Future, list[str]]] = deque()
    todo = iter(chunks)
    cancelled = False
    try:
        for part in todo:
            pending.append((executor.submit(_load_chunk, part), part))
            if len(pending) >= jobs * AHEAD:
                break
        while pending:
            future, part = pending.popleft()
            try:
                results = _result(future, cancel)
            except BrokenProcessPool:  # a worker died: finish here, one file at a time
                log.warning("a loading process died; loading the rest in this one")
                rest = part + [p for _, q in pending for p in q] + [p for q in todo for p in q]
                pending.clear()
                for path in rest:
                    if cancel is not None and cancel.is_set():
                        cancelled = True
                        return
                    yield load_one(path)
                return
            if results is None:
                cancelled = True
                return
            for part in todo:
                pending.append((executor.submit(_load_chunk, part), part))
                break
            yield from results
    finally:
        for future, _ in pending:
            future.cancel()
        executor.shutdown(wait=not cancelled, cancel_futures=True)


def _result(future: Future, cancel: threading.Event | None) -> list[Loaded] | None:
    """The chunk's results, waiting in short steps so a cancel is noticed at once."""
    while True:
        if cancel is not None and cancel.is_set():
            return None
        try:
            return future.result(timeout=0.05)
        except TimeoutError:
            continue
