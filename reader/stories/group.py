"""A folder's articles grouped into stories: every article in exactly one.

Candidates come from two indexes, never from all pairs:

* MinHash/LSH (``datasketch``) over word shingles finds copies: syndicated wire copy,
  a retitled or padded version, an update with one more paragraph;
* an inverted index of each article's uncommon facts (names, numbers, organisations) finds
  rewrites and teasers, which share few shingles but the same facts.

Each candidate pair then gets a verdict: a *copy* when most of the shorter one's
shingles are in the longer one; a *rewrite* when they name the same rare facts
(weighted by rarity in the folder), including at least one number, or several names
when one of them gives hardly any numbers (the same actors with other figures are
another event), and their dates, where both have one, are within a few days. Stories are the connected
groups; a story's representative is its earliest version.
"""
from __future__ import annotations

import logging
import math
import zlib
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..record import Article
from .evidence import Evidence

log = logging.getLogger(__name__)

COPY_MIN = 0.5  # share of the shorter version's shingles the longer one must hold
COPY_MIN_SHINGLES = 12  # below this many shingles a text is too short to call a copy
RARE_FACTS = 60  # uncommon facts of each article used to find rewrite candidates
REWRITE_MIN = 0.35  # shared facts' weight over the geometric mean of the two totals
REWRITE_NAMES = 3  # shared names needed for a rewrite that shares no number
DISTINCT_NUMBERS = 2  # two versions giving this many figures each share one of them
COMMON_MIN, COMMON_SHARE = 50, 50  # a fact in over max(50, 2% of the folder) is common
SAME_DAYS = 3  # versions of one event are dated within this many days of each other


@dataclass(frozen=True, slots=True)
class Story:
    """Versions of one event: ``articles`` earliest first (undated ones after, in order)."""

    articles: tuple[Article, ...]

    @property
    def representative(self) -> Article:
        return self.articles[0]

    @property
    def title(self) -> str:
        return self.representative.title

    @property
    def fullest(self) -> Article:
        """The version with the most text (the one to keep when keeping one)."""
        return max(self.articles, key=lambda a: sum(map(len, a.paragraphs)))


def group_stories(articles: Sequence[Article]) -> list[Story]:
    """Group ``articles`` into stories: several versions first (largest first), then the
    rest, each in the order of its representative's date."""
    from .index import StoryIndex

    index = StoryIndex()
    for a in articles:
        index.add([a])
    index.update()
    return index.stories()


# -- the verdict ----------------------------------------------------------------------

def same_story(a: Evidence, b: Evidence, weight) -> bool:
    """Whether ``a`` and ``b`` tell the same event (``weight(fact)``: its rarity)."""
    if is_copy(a, b):
        return True
    if a.day is not None and b.day is not None and abs(a.day - b.day) > SAME_DAYS:
        return False
    return rewrite_score(a, b, weight) >= REWRITE_MIN


def is_copy(a: Evidence, b: Evidence) -> bool:
    small, large = (a, b) if len(a.shingles) <= len(b.shingles) else (b, a)
    if len(small.shingles) < COPY_MIN_SHINGLES:
        return small.shingles == large.shingles and bool(small.shingles)
    return len(small.shingles & large.shingles) >= COPY_MIN * len(small.shingles)


def rewrite_score(a: Evidence, b: Evidence, weight) -> float:
    names = [x for x in a.names & b.names if weight("n:" + x)]
    # a single digit is too common to tell an event by
    figures = [x for x in a.numbers & b.numbers if len(x) > 1 and weight("#" + x)]
    if not figures and (len(names) < REWRITE_NAMES or (
            _figures(a) >= DISTINCT_NUMBERS and _figures(b) >= DISTINCT_NUMBERS)):
        return 0.0  # the same actors with other figures: another event
    shared = sum(weight(f) for f in _facts_shared(a, b))
    total = math.sqrt(sum(map(weight, _facts(a))) * sum(map(weight, _facts(b))))
    return shared / total if total else 0.0


def _figures(e: Evidence) -> int:
    return sum(len(n) > 1 for n in e.numbers)


def _facts(e: Evidence) -> Iterable[str]:
    yield from ("n:" + x for x in e.names)
    yield from ("#" + x for x in e.numbers)
    yield from ("o:" + x for x in e.organisations)


def _facts_shared(a: Evidence, b: Evidence) -> Iterable[str]:
    yield from ("n:" + x for x in a.names & b.names)
    yield from ("#" + x for x in a.numbers & b.numbers)
    yield from ("o:" + x for x in a.organisations & b.organisations)


# -- candidates -----------------------------------------------------------------------

def document_frequency(evidence: Sequence[Evidence]) -> dict[str, int]:
    df: dict[str, int] = defaultdict(int)
    for e in evidence:
        for f in _facts(e):
            df[f] += 1
    return df


def common_above(n: int) -> int:
    """Facts named by more articles than this are a topic's, not one event's."""
    return max(COMMON_MIN, n // COMMON_SHARE)


def rarity(df: dict[str, int], n: int):
    """weight(fact): its inverse document frequency among n articles; 0 for a common fact."""
    cap = common_above(n)
    n += 1
    unseen = math.log(n) + 0.1

    def weight(fact: str) -> float:
        count = df.get(fact)
        if not count:
            return unseen
        return math.log(n / count) + 0.1 if count <= cap else 0.0
    return weight


def _fact_hash(fact: str) -> int:
    return zlib.crc32(fact.encode())
