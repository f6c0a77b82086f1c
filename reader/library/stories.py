"""The stories of what a :class:`reader.library.Library` has open, kept in its cache.

Articles go into a :class:`reader.stories.index.StoryIndex` as they load, with the
evidence the loading processes made (or the cache held). After an open, the pairs found
the last time these folders were open are taken back from the cache for the files that
have not changed since, so only new and changed articles have their candidates checked:
a warm reopen groups nothing, a changed file is checked alone. No Qt here.

Articles loaded now (not from the cache) have their evidence decoded and counted as
they arrive (the part of grouping that does not depend on the rest of the folder), so
little is left for :meth:`FolderStories.group` once the last file is in. The
organisations counted are those the user's corrections give: an article's as corrected
when it is added, and again after an edit (:meth:`FolderStories.recorrect`); the pairs
saved remember the corrections they were found with, and a reopen under other
corrections checks again the articles the difference touches.

Threads: ``add``/``remove``/``restore``/``group`` from the loader's thread (``group``
may take a second for thousands of new articles); ``recorrect`` from the thread that
takes a new corrections value; ``published`` and ``story_of`` from any thread: they
give what the last ``group`` found, at once.
"""
from __future__ import annotations

import json
import logging
import os
import threading
import time
from typing import Iterable, Sequence

from ..corrections import Corrections
from ..corrections.apply import Corrector, difference
from ..corrections.fileformat import dumps, parse
from ..record import Article
from ..stories.group import Story
from ..stories.index import StoryIndex

log = logging.getLogger(__name__)


class FolderStories:
    def __init__(self, cache) -> None:
        self.cache = cache
        self.lock = threading.Lock()
        self.index = StoryIndex()
        self.roots = ""
        self.seconds = 0.0  # what the last group took
        self._published: list[Story] | None = None
        self._story_of: dict[str, Story] = {}

    def reset(self, roots: Sequence[str]) -> None:
        with self.lock:
            self.index = StoryIndex()
            self.roots = "\n".join(sorted(os.path.realpath(p) for p in roots))
            self._published, self._story_of = None, {}

    def add(self, articles: Sequence[Article], evidence: bytes | None,
            shown: Sequence[Article] | None = None, fresh: bool = False) -> None:
        """``articles`` (``shown``: as corrected) and their encoded evidence; ``fresh``:
        loaded now, so to be checked: its evidence is decoded and counted at once."""
        with self.lock:
            self.index.add(articles, evidence, shown, prepare=fresh)

    def remove(self, keys: Iterable[str]) -> None:
        with self.lock:
            self.index.remove(keys)

    def recorrect(self, shown: dict[str, Article]) -> None:
        """Articles corrected again (key -> as shown now): checked again at the next group."""
        with self.lock:
            self.index.recorrect(shown)

    def restore(self, files: dict[str, tuple[int, int, tuple[str, ...]]],
                corrections: Corrections | None = None) -> int:
        """Take back the pairs saved for these folders, for the files in ``files`` (path
        -> size, mtime_ns, article keys) unchanged since and the articles the
        ``corrections`` (now) read as they did then; returns how many articles."""
        blob = self.cache.stories(self.roots)
        if blob is None:
            return 0
        try:
            saved = json.loads(blob)
            states, pairs = saved["files"], saved["pairs"]
            checked = [k for path, (size, mtime_ns, keys) in files.items()
                       if states.get(path) == [size, mtime_ns] for k in keys]
            then = saved.get("corrections", "")
            if then != _text(corrections):
                checked = self._untouched(checked, parse(then) if then else Corrections(), corrections)
            with self.lock:
                self.index.restore(((a, b) for a, b in pairs), checked)
        except (ValueError, TypeError, KeyError, AttributeError) as err:
            log.info("the saved stories of %s are damaged, grouping again: %r", self.roots, err)
            return 0
        return len(checked)

    def _untouched(self, keys: list[str], then: Corrections, now: Corrections | None) -> list[str]:
        """Those of ``keys`` whose articles both corrections values read the same."""
        probe = Corrector(difference(then, now or Corrections()))
        with self.lock:
            articles = self.index.articles
            return [k for k in keys if k in articles and not probe.touches(articles[k])]

    def group(self, files: dict[str, tuple[int, int, tuple[str, ...]]],
              corrections: Corrections | None = None) -> list[Story]:
        """The stories of the open articles: the new and changed ones checked now, the
        pairs saved in the cache for the next open (``files`` as for :meth:`restore`,
        ``corrections`` those the articles were added with)."""
        with self.lock:
            if not self.index.pending and self._published is not None:
                return self._published
            start = time.perf_counter()
            checked = self.index.update()
            stories = self.index.stories()
            self._story_of = {a.key: s for s in stories for a in s.articles}
            self._published = stories
            self.seconds = time.perf_counter() - start
            if checked:
                data = {"files": {p: [size, mtime_ns] for p, (size, mtime_ns, _) in files.items()},
                        "pairs": self.index.pairs(), "corrections": _text(corrections)}
                # ASCII: a file name's undecodable bytes (\udcXX) survive the trip
                self.cache.store_stories(self.roots, json.dumps(data, separators=(",", ":")).encode("ascii"))
            log.debug("%d articles checked for stories in %.2f s", checked, self.seconds)
            return stories

    def published(self) -> list[Story]:
        """What the last :meth:`group` found ([] before the first)."""
        return self._published or []

    def story_of(self, key: str) -> Story | None:
        return self._story_of.get(key)


def _text(corrections: Corrections | None) -> str:
    """The corrections as saved beside the pairs ('' for none)."""
    return dumps(corrections) if corrections else ""
