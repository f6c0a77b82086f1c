"""The stories of a changing set of articles, kept up to date a few articles at a time.

:class:`StoryIndex` holds each article's evidence in a compact form (its facts as one
tuple of shared strings, its shingles packed, the bands of its MinHash signature), the
candidate indexes (:class:`reader.stories.bands.Bands` for copies, postings of each
article's sample of uncommon facts for rewrites) and the pairs found to be the same
event. When articles are added or changed, only their own candidates are checked
(:meth:`StoryIndex.update`); a removed article takes its pairs with it. Stories are the
connected groups of pairs.

What does not depend on the rest of the folder (decoding the evidence, counting its
facts, its bands) is done as articles are added with ``prepare=True`` (a loading folder:
the work is spread over the load); what does (the sample of uncommon facts, the
verdicts) waits for :meth:`update`, so the stories are the same however the articles
arrived. The pairs can be saved and given back (:meth:`pairs`, :meth:`restore`):
articles whose pairs were restored are not checked again, and their evidence is not
even decoded until an article that must be checked arrives. The organisations an
article names can be replaced by those the user's corrections give it (``shown`` in
:meth:`add`, :meth:`recorrect`). Grouping all at once
(:func:`reader.stories.group_stories`) is the same index with every article new.
"""
from __future__ import annotations

import logging
import sys
from itertools import chain
from collections import Counter, defaultdict
from dataclasses import replace
from typing import Iterable, Sequence

from ..record import Article
from .bands import Bands, band_keys
from .evidence import (Evidence, _organisations, decode_evidence, evidence_of, pack_shingles, signature_of,
                       unpack_shingles)
from .group import Story, _fact_hash, common_above, rarity, RARE_FACTS, same_story

log = logging.getLogger(__name__)

_intern = sys.intern


class _Entry:
    """One article's evidence as the index keeps it."""

    __slots__ = ("facts", "day", "words", "packed", "bands")

    def __init__(self, facts: tuple[str, ...], day, words: int, packed: bytes, bands) -> None:
        self.facts = facts  # "n:name", "#number", "o:organisation", interned
        self.day, self.words, self.packed, self.bands = day, words, packed, bands


def _facts_of(e: Evidence, organisations: frozenset[str]) -> tuple[str, ...]:
    return (*(_intern("n:" + x) for x in e.names), *(_intern("#" + x) for x in e.numbers),
            *(_intern("o:" + x) for x in organisations))


def _with_organisations(facts: tuple[str, ...], organisations: frozenset[str]) -> tuple[str, ...]:
    return (*(f for f in facts if f[0] != "o"), *(_intern("o:" + x) for x in organisations))


def _rank(fact: str) -> tuple[int, str]:
    return _fact_hash(fact), fact


class StoryIndex:
    """The articles added so far, grouped into stories on :meth:`update`. Not
    thread-safe: one caller at a time (the library holds a lock around it)."""

    def __init__(self) -> None:
        self.articles: dict[str, Article] = {}  # key -> article, in the order added
        self._blobs: dict[str, tuple[bytes, tuple[str, ...]]] = {}  # key -> its file's evidence, undecoded
        self._entries: dict[str, _Entry] = {}  # prepared: counted in df, in the bands
        self._shown: dict[str, frozenset[str]] = {}  # key -> its organisations as corrected
        self._df: dict[str, int] = defaultdict(int)
        self._bands = Bands()
        self._postings: dict[str, set[str] | str] = {}
        self._sampled: dict[str, list[str]] = {}  # key -> its sample, in the postings
        self._pairs: dict[str, set[str]] = defaultdict(set)
        self._dirty: dict[str, None] = {}  # keys whose candidates are still to check
        self._stories: list[Story] | None = None
        self._story_of: dict[str, Story] = {}
        self.checked = 0  # articles whose candidates the last update checked

    # -- what changes ---------------------------------------------------------------
    def add(self, articles: Sequence[Article], evidence: bytes | None = None,
            shown: Sequence[Article] | None = None, prepare: bool = False) -> None:
        """Add (or replace) one file's ``articles``; ``evidence`` is their encoded
        evidence (:func:`reader.stories.evidence.encode_evidence`), if already made;
        ``shown``, the same articles as corrected (their organisations count); with
        ``prepare``, their evidence is decoded and counted now (see the module)."""
        keys = tuple(a.key for a in articles)
        self.remove(k for k in keys if k in self.articles)
        for i, a in enumerate(articles):
            self.articles[a.key] = a
            self._dirty[a.key] = None
            if evidence is not None:
                self._blobs[a.key] = (evidence, keys)
            if shown is not None and shown[i] is not a:
                self._shown[a.key] = _organisations(shown[i])
        self._stories = None
        if prepare:
            for key in keys:
                self._prepare(key)

    def remove(self, keys: Iterable[str]) -> None:
        for key in list(keys):
            if self.articles.pop(key, None) is None:
                continue
            self._stories = None
            self._dirty.pop(key, None)
            self._blobs.pop(key, None)
            self._shown.pop(key, None)
            self._unprepare(key)
            for other in self._pairs.pop(key, ()):
                self._pairs[other].discard(key)

    def recorrect(self, shown: dict[str, Article]) -> None:
        """The articles ``shown`` (key -> article as corrected now) may name other
        organisations: those that do are counted again and checked again at the next
        :meth:`update`."""
        for key, article in shown.items():
            original = self.articles.get(key)
            if original is None:
                continue
            before = self._shown.get(key)
            organisations = _organisations(article)
            if article is original or organisations == _organisations(original):
                self._shown.pop(key, None)
            else:
                self._shown[key] = organisations
            if self._shown.get(key) == before:
                continue
            entry = self._entries.get(key)
            if entry is not None:
                self._unprepare(key)
                facts = _with_organisations(entry.facts, organisations)
                self._index(key, _Entry(facts, entry.day, entry.words, entry.packed, entry.bands))
            self._dirty[key] = None
            for other in self._pairs.pop(key, ()):
                self._pairs[other].discard(key)
            self._stories = None

    def restore(self, pairs: Iterable[tuple[str, str]], checked: Iterable[str]) -> None:
        """Take back saved ``pairs``; the ``checked`` keys (those whose candidates were
        checked when the pairs were found, and are unchanged) need no check again."""
        for key in checked:
            if key in self.articles:
                self._dirty.pop(key, None)
        for a, b in pairs:
            if a in self.articles and b in self.articles and a not in self._dirty and b not in self._dirty:
                self._pairs[a].add(b)
                self._pairs[b].add(a)
        self._stories = None

    @property
    def pending(self) -> int:
        """Articles whose candidates are still to be checked."""
        return len(self._dirty)

    def update(self) -> int:
        """Check the candidates of the articles added since the last update; returns how
        many were checked."""
        dirty = [k for k in self._dirty if k in self.articles]
        self._dirty = {}
        self.checked = len(dirty)
        if not dirty:
            return 0
        self._stories = None
        for key in self.articles:
            if key not in self._entries:
                self._prepare(key)
        n = len(self.articles)
        cap = common_above(n)
        df, postings = self._df, self._postings
        for key, entry in self._entries.items():
            if key in self._sampled:
                continue
            # a sample of its uncommon facts, the same for every article that has them: a
            # teaser's sample holds every fact of the full version's that the teaser names
            facts = [f for f in entry.facts if df[f] <= cap]
            if len(facts) > RARE_FACTS:
                facts = sorted(facts, key=_rank)[:RARE_FACTS]
            self._sampled[key] = facts
            for f in facts:
                there = postings.get(f)
                if there is None:
                    postings[f] = key
                elif isinstance(there, str):
                    postings[f] = {there, key}
                else:
                    there.add(key)
        weight = rarity(df, n)
        tried = 0
        whole: dict[str, Evidence] = {}  # unpacked for this update, a few at a time

        def evidence(k: str) -> Evidence:
            e = whole.get(k)
            if e is None:
                if len(whole) >= 512:
                    whole.clear()
                e = whole[k] = self._whole(k)
            return e

        for key in dirty:
            candidates = self._candidates(key)
            if not candidates:
                continue
            e = evidence(key)
            for other in candidates:
                tried += 1
                if other not in self._pairs[key] and same_story(e, evidence(other), weight):
                    self._pairs[key].add(other)
                    self._pairs[other].add(key)
        log.debug("%d candidate pairs for %d of %d articles", tried, len(dirty), n)
        return len(dirty)

    def _candidates(self, key: str) -> set[str]:
        entry = self._entries[key]
        found = self._bands.query(entry.bands) if entry.bands is not None else set()
        postings = self._postings
        shared = [there for there in map(postings.__getitem__, self._sampled[key]) if there.__class__ is set]
        if shared:  # (a fact only this article's sample holds is a str: no one else's)
            found.update(k for k, count in Counter(chain.from_iterable(shared)).items() if count >= 2)
        found.discard(key)
        return found

    # -- each article's evidence ------------------------------------------------------------
    def _prepare(self, key: str) -> None:
        """Decode the evidence of ``key``'s file (made again if missing or damaged) and
        count it, for each of the file's articles not counted yet."""
        if key in self._entries:
            return
        made: dict[str, tuple[Evidence, bytes]] = {}
        stored = self._blobs.get(key)
        if stored is not None:
            blob, keys = stored
            mine = [k for k in keys if self._blobs.get(k, (None,))[0] is blob]
            for k in mine:
                del self._blobs[k]
            packed: dict[str, bytes] = {}
            try:
                for x in decode_evidence(blob, keys, packed):
                    if x.key in mine:
                        made[x.key] = (x, packed[x.key])
            except (ValueError, TypeError, KeyError) as err:
                log.info("damaged evidence for %s, made again: %r", key, err)
                made = {}
        if key not in made:
            e = evidence_of(self.articles[key])
            made[key] = (replace(e, shingles=frozenset()), pack_shingles(e.shingles))
        for k, (e, packed) in made.items():
            bands = band_keys(e.signature) if e.signature else None
            if bands is None and e.signature:
                log.info("damaged MinHash for %s, made again", k)
                bands = band_keys(signature_of(unpack_shingles(packed)))
            self._index(k, _Entry(_facts_of(e, self._shown.get(k, e.organisations)), e.day, e.words, packed, bands))

    def _index(self, key: str, entry: _Entry) -> None:
        self._entries[key] = entry
        df = self._df
        for f in entry.facts:
            df[f] += 1
        if entry.bands is not None:
            self._bands.insert(key, entry.bands)

    def _unprepare(self, key: str) -> None:
        entry = self._entries.pop(key, None)
        if entry is None:
            return
        df = self._df
        for f in entry.facts:
            df[f] -= 1
            if not df[f]:
                del df[f]
        if entry.bands is not None:
            self._bands.remove(key, entry.bands)
        for f in self._sampled.pop(key, ()):
            there = self._postings.get(f)
            if there == key:
                del self._postings[f]
            elif isinstance(there, set):
                there.discard(key)

    @staticmethod
    def _split(facts: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """(names, numbers, organisations) of ``facts``."""
        return (frozenset(f[2:] for f in facts if f[0] == "n"), frozenset(f[1:] for f in facts if f[0] == "#"),
                frozenset(f[2:] for f in facts if f[0] == "o"))

    def _whole(self, key: str) -> Evidence:
        """The evidence of ``key`` with its shingles, made for the caller alone."""
        entry = self._entries[key]
        names, numbers, organisations = self._split(entry.facts)
        return Evidence(key, unpack_shingles(entry.packed), names, numbers, organisations, entry.day,
                        entry.words)

    # -- what it found --------------------------------------------------------------
    def pairs(self) -> list[tuple[str, str]]:
        """The pairs found to tell the same event (each once)."""
        return [(a, b) for a, others in self._pairs.items() for b in others if a < b]

    def stories(self) -> list[Story]:
        """Every article in one story, as :func:`reader.stories.group_stories` orders
        them (call :meth:`update` first for the latest articles' candidates)."""
        if self._stories is None:
            self._stories = _components(self.articles, self._pairs)
            self._story_of = {a.key: s for s in self._stories for a in s.articles}
        return self._stories

    def story_of(self, key: str) -> Story | None:
        self.stories()
        return self._story_of.get(key)
def _components(articles: dict[str, Article], pairs: dict[str, set[str]]) -> list[Story]:
    position = {k: i for i, k in enumerate(articles)}
    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, others in pairs.items():
        i = position.get(a)
        for b in others:
            j = position.get(b)
            if i is None or j is None:
                continue
            x, y = find(i), find(j)
            if x != y:
                parent[max(x, y)] = min(x, y)
    members: dict[int, list[Article]] = defaultdict(list)
    for k, i in position.items():
        members[find(i)].append(articles[k])
    stories = [Story(tuple(sorted(m, key=_age))) for m in members.values()]
    stories.sort(key=lambda s: (len(s.articles) == 1, -len(s.articles), s.representative.date or "9999",
                                s.representative.key))
    return stories


def _age(article: Article) -> tuple:
    # dates as the evidence reads them (the day), undated last; then the order added
    from .evidence import _day

    day = _day(article.date)
    return (day is None, day or 0)
