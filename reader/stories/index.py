"""The stories of a changing set of articles, kept up to date a few articles at a time.

:class:`StoryIndex` holds each article's evidence, the candidate indexes (``datasketch``'s
MinHash LSH for copies, postings of each article's sample of uncommon facts for rewrites)
and the pairs found to be the same event. When articles are added or changed, only their own
candidates are checked (:meth:`StoryIndex.update`); a removed article takes its pairs
with it. Stories are the connected groups of pairs.

The pairs can be saved and given back (:meth:`pairs`, :meth:`restore`): articles whose
pairs were restored are not checked again, and their evidence is not even decoded
until an article that must be checked arrives. Grouping all at once
(:func:`reader.stories.group_stories`) is the same index with every article new.
"""
from __future__ import annotations

import heapq
import logging
from collections import defaultdict
from dataclasses import replace
from typing import Iterable, Sequence

from ..record import Article
from .evidence import (PERMUTATIONS, Evidence, decode_evidence, evidence_of, minhash_of, pack_shingles,
                       signature_of, unpack_shingles)
from .group import (Story, _facts, _fact_hash, common_above, rarity, RARE_FACTS, same_story)

log = logging.getLogger(__name__)

COPY_CANDIDATE = 0.3  # LSH threshold (estimated shingle Jaccard) for copy candidates


class StoryIndex:
    """The articles added so far, grouped into stories on :meth:`update`. Not
    thread-safe: one caller at a time (the library holds a lock around it)."""

    def __init__(self) -> None:
        self.articles: dict[str, Article] = {}  # key -> article, in the order added
        self._blobs: dict[str, tuple[bytes, tuple[str, ...]]] = {}  # key -> its file's evidence, undecoded
        self._evidence: dict[str, Evidence] = {}
        # key -> its shingles, packed (their Evidence holds none): unpacked only for a
        # pair to check, and dropped after it, so the index holds bytes, not int sets
        self._packed: dict[str, bytes] = {}
        self._indexed: set[str] = set()  # keys in df, lsh and postings
        self._df: dict[str, int] = defaultdict(int)
        self._lsh = None  # a datasketch MinHashLSH, made at the first update (its import is slow)
        self._postings: dict[str, set[str]] = defaultdict(set)
        self._sampled: dict[str, list[str]] = {}
        self._pairs: dict[str, set[str]] = defaultdict(set)
        self._dirty: dict[str, None] = {}  # keys whose candidates are still to check
        self._stories: list[Story] | None = None
        self._story_of: dict[str, Story] = {}
        self.checked = 0  # articles whose candidates the last update checked

    # -- what changes ---------------------------------------------------------------
    def add(self, articles: Sequence[Article], evidence: bytes | None = None) -> None:
        """Add (or replace) one file's ``articles``; ``evidence`` is their encoded
        evidence (:func:`reader.stories.evidence.encode_evidence`), if already made."""
        keys = tuple(a.key for a in articles)
        self.remove(k for k in keys if k in self.articles)
        for a in articles:
            self.articles[a.key] = a
            self._dirty[a.key] = None
            if evidence is not None:
                self._blobs[a.key] = (evidence, keys)
        self._stories = None

    def remove(self, keys: Iterable[str]) -> None:
        for key in list(keys):
            if self.articles.pop(key, None) is None:
                continue
            self._stories = None
            self._dirty.pop(key, None)
            self._blobs.pop(key, None)
            self._packed.pop(key, None)
            e = self._evidence.pop(key, None)
            if key in self._indexed:
                self._indexed.discard(key)
                for f in _facts(e):
                    self._df[f] -= 1
                if key in self._lsh:
                    self._lsh.remove(key)
                for f in self._sampled.pop(key, ()):
                    self._postings[f].discard(key)
            for other in self._pairs.pop(key, ()):
                self._pairs[other].discard(key)

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
        fresh = [k for k in self.articles if k not in self._indexed]
        for key in fresh:
            for f in _facts(self._evidence_of(key)):
                self._df[f] += 1
        n = len(self.articles)
        cap = common_above(n)
        if self._lsh is None:
            from datasketch import MinHashLSH

            self._lsh = MinHashLSH(threshold=COPY_CANDIDATE, num_perm=PERMUTATIONS)
        sketches = {}
        for key in fresh:
            m = sketches[key] = self._minhash(key)  # may make the evidence again
            e = self._evidence[key]
            if m is not None:
                self._lsh.insert(key, m, check_duplication=False)
            # a sample of its uncommon facts, the same for every article that has them: a
            # teaser's sample holds every fact of the full version's that the teaser names
            facts = heapq.nsmallest(RARE_FACTS, (f for f in _facts(e) if self._df[f] <= cap), key=_fact_hash)
            self._sampled[key] = facts
            for f in facts:
                self._postings[f].add(key)
            self._indexed.add(key)
        weight = rarity(self._df, n)
        tried = 0
        for key in dirty:
            e = self._whole(key)
            for other in self._candidates(key, sketches.get(key)):
                tried += 1
                if other not in self._pairs[key] and same_story(e, self._whole(other), weight):
                    self._pairs[key].add(other)
                    self._pairs[other].add(key)
        log.debug("%d candidate pairs for %d of %d articles", tried, len(dirty), n)
        return len(dirty)

    def _candidates(self, key: str, minhash) -> set[str]:
        found: set[str] = set(self._lsh.query(minhash)) if minhash is not None else set()
        seen: dict[str, int] = defaultdict(int)
        for f in self._sampled[key]:
            for other in self._postings[f]:
                seen[other] += 1
        found.update(k for k, count in seen.items() if count >= 2)
        found.discard(key)
        return found

    def _minhash(self, key: str):
        """The LeanMinHash of ``key``'s shingles, from its evidence (made again from the
        shingles if the stored one is damaged); None for evidence without one."""
        e = self._evidence[key]
        if not e.signature:
            return None
        try:
            return minhash_of(e.signature)
        except ValueError as err:
            log.info("damaged MinHash for %s, made again: %r", key, err)
        e = self._evidence[key] = replace(e, signature=signature_of(self._whole(key).shingles))
        return minhash_of(e.signature)

    def _whole(self, key: str) -> Evidence:
        """The evidence of ``key`` with its shingles, unpacked for the caller alone."""
        return replace(self._evidence[key], shingles=unpack_shingles(self._packed.get(key, b"")))

    def _evidence_of(self, key: str) -> Evidence:
        e = self._evidence.get(key)
        if e is not None:
            return e
        stored = self._blobs.pop(key, None)
        if stored is not None:
            blob, keys = stored
            try:
                for x in decode_evidence(blob, keys, self._packed):
                    if x.key in self.articles and x.key not in self._evidence:
                        self._evidence[x.key] = x
                        self._blobs.pop(x.key, None)
            except (ValueError, TypeError, KeyError) as err:
                log.info("damaged evidence for %s, made again: %r", key, err)
        e = self._evidence.get(key)
        if e is None:
            made = evidence_of(self.articles[key])
            self._packed[key] = pack_shingles(made.shingles)
            e = self._evidence[key] = replace(made, shingles=frozenset())
        return e

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
