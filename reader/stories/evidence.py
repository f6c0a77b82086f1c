"""What an article says that identifies its event, in a form cheap to compare.

Two kinds of evidence:

* the *wording*: hashed shingles of four words, whose overlap finds copies however they
  were cut, retitled, padded with boilerplate or extended by a paragraph;
* the *facts*: the names (capitalised words not opening a sentence), the numbers and the
  organisations an article names, and its date. A rewrite by another outlet shares few
  shingles but many of these; a look-alike event (the same body's next decision) shares
  a name or two but not its numbers, its people and its day.
"""
from __future__ import annotations

import json
import re
import struct
import sys
import zlib
from array import array
from dataclasses import dataclass
from datetime import date as Date
from functools import lru_cache
from typing import Sequence

from ..record import Article

SHINGLE = 4  # words per shingle

_WORD = re.compile(r"[^\W_]+(?:['’.,][^\W_]+)*")
# capitalised words that say nothing about which event it is
_STOP_NAMES = frozenset("""
the a an and or but if in on at of for to by with from as is it its this that these those
he she they we i you his her their our my your there here when where while after before
said says according also however meanwhile mr mrs ms dr sir monday tuesday wednesday
thursday friday saturday sunday january february march april may june july august
september october november december today yesterday tomorrow read more share comment
photo video image file reuters ap afp update updated advertisement
""".split())
_YEAR = re.compile(r"(?:19|20)\d\d$")
_NUMBER_WORDS = {w: str(n) for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_NUMBER_WORDS.update({"dozen": "12", "twenty": "20", "thirty": "30", "hundred": "100"})
_TOO_COMMON = frozenset("0123")  # numbers that say nothing about an event
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
# a capitalised word of 3+ letters after a word (not opening a sentence or a quote)
_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ](?<=[\w,;] .)[^\W\d_]{2,}\b")
_MIX = 0x01000193  # the FNV prime: mixes four word hashes into one shingle hash


@dataclass(frozen=True, slots=True)
class Evidence:
    key: str
    shingles: frozenset[int]
    names: frozenset[str]  # lowercase proper names, single words
    numbers: frozenset[str]  # numbers in digits ("seven" too), without separators; no years
    organisations: frozenset[str]  # lowercase organisation names and aliases
    day: int | None  # the date as a day number (date.toordinal), if known
    words: int
    signature: bytes = b""  # the MinHash of the shingles, serialised (see signature_of)


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)


def evidence_of(article: Article) -> Evidence:
    text = "\n".join(article.paragraphs)
    lower = _WORD.findall(text.lower())
    shingles = shingles_of(lower)
    return Evidence(article.key, shingles, _names(text), _numbers(text, lower),
                    _organisations(article), _day(article.date), len(lower), signature_of(shingles))


PERMUTATIONS = 64  # MinHash permutations
_SEED = 1  # fixed: signatures are cached and compared across runs
_SCHEME = "affine32"  # datasketch's permutations of 32-bit hashes (its default from 2.0)
_BYTE_ORDER = "<"  # of a serialised signature


@lru_cache(maxsize=1)
def _permutations():
    """The affine permutations ``h -> a*h + b (mod 2**32)`` every signature shares: drawn
    as ``datasketch.MinHash(num_perm=PERMUTATIONS, seed=_SEED, scheme="affine32")`` draws
    them (made once, not per article)."""
    import numpy as np

    gen = np.random.RandomState(_SEED)
    a = gen.randint(0, 1 << 31, PERMUTATIONS, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, PERMUTATIONS, dtype=np.uint32)
    return a, b


_HEADER = struct.Struct(_BYTE_ORDER + "qiB")  # a LeanMinHash's seed, -num_perm, scheme code
_VALUES = struct.Struct(f"{_BYTE_ORDER}{PERMUTATIONS}I")  # its hash values
_AFFINE32 = 1  # datasketch's code for the affine32 scheme in a LeanMinHash's bytes
_MASK = 0xFFFFFFFF
_EMPTY = _VALUES.pack(*[_MASK] * PERMUTATIONS)  # no shingles: every value the largest hash
_made = 0  # signatures made in this process


def signature_of(shingles: frozenset[int]) -> bytes:
    """The MinHash of ``shingles`` serialised as a ``datasketch.LeanMinHash``
    (:func:`minhash_of` reads it back): what ``datasketch.MinHash(num_perm=PERMUTATIONS,
    seed=_SEED, hashfunc=int, scheme="affine32").update_batch(shingles)`` holds (the
    shingles are already 32-bit hashes, hashed no further). Computed here, with numpy,
    without importing ``datasketch`` (which imports scipy: most of a loading process's
    start); a process's first signature in plain Python, quicker than importing numpy,
    so that the first article of a folder shows sooner."""
    global _made
    header = _HEADER.pack(_SEED, -PERMUTATIONS, _AFFINE32)
    if not shingles:
        return header + _EMPTY
    _made += 1
    if _made == 1 and "numpy" not in sys.modules:
        return header + _values_in_python(shingles)
    import numpy as np

    a, b = _permutations()
    h = np.fromiter(shingles, dtype=np.uint32, count=len(shingles)).reshape(-1, 1)
    # the MurmurHash3 finalizer datasketch mixes each input with (uint32: products wrap)
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    h = h ^ (h >> np.uint32(16))
    return header + (h * a + b).min(axis=0).astype(_BYTE_ORDER + "u4").tobytes()


def warm_up() -> None:
    """Import numpy and draw the permutations now (a loading process, before its first
    file: all its signatures are then made with numpy)."""
    _permutations()


def _values_in_python(shingles: frozenset[int]) -> bytes:
    """:func:`signature_of`'s hash values, in plain Python (~7 ms for an article)."""
    mixed = []
    for h in shingles:
        h ^= h >> 16
        h = (h * 0x85EBCA6B) & _MASK
        h ^= h >> 13
        h = (h * 0xC2B2AE35) & _MASK
        mixed.append(h ^ (h >> 16))
    a, b = _permutations_in_python()
    return _VALUES.pack(*[min((h * x + y) & _MASK for h in mixed) for x, y in zip(a, b)])


@lru_cache(maxsize=1)
def _permutations_in_python() -> tuple[list[int], list[int]]:
    """:func:`_permutations` as Python ints, drawn without numpy: ``random.Random``'s
    Mersenne Twister set to the state ``numpy.random.RandomState(_SEED)`` starts from,
    whose 32-bit draws ``randint`` uses as they come for these ranges."""
    import random

    state = [_SEED]
    for i in range(1, 624):  # MT19937's init_genrand
        prev = state[-1]
        state.append((1812433253 * (prev ^ (prev >> 30)) + i) & _MASK)
    twister = random.Random()
    twister.setstate((3, (*state, 624), None))
    a = [(twister.getrandbits(32) & 0x7FFFFFFF) * 2 + 1 for _ in range(PERMUTATIONS)]
    b = [twister.getrandbits(32) for _ in range(PERMUTATIONS)]
    return a, b


def minhash_of(signature: bytes):
    """The ``LeanMinHash`` that :func:`signature_of` serialised. Raises ValueError on bytes
    that are not one, or one made with other permutations."""
    from datasketch import LeanMinHash

    try:
        m = LeanMinHash.deserialize(signature, _BYTE_ORDER)
    except struct.error as err:
        raise ValueError(f"not a MinHash: {err}") from None
    if (m.seed, m.scheme, len(m.hashvalues)) != (_SEED, _SCHEME, PERMUTATIONS):
        raise ValueError(f"a MinHash of other permutations: seed {m.seed}, {m.scheme}, {len(m.hashvalues)}")
    return m


def encode_evidence(evidence: Sequence[Evidence]) -> bytes:
    """One file's evidence as compact bytes (what the loading processes send back and the
    cache keeps beside the articles); keys are left out (the articles give them)."""
    rows = [[pack_shingles(e.shingles).hex(), sorted(e.names), sorted(e.numbers),
             sorted(e.organisations), e.day, e.words, e.signature.hex()] for e in evidence]
    return json.dumps(rows, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def decode_evidence(blob: bytes, keys: Sequence[str], packed: dict[str, bytes] | None = None) -> list[Evidence]:
    """The evidence :func:`encode_evidence` wrote, for the articles ``keys`` (in order).
    With ``packed``, the shingles are left out (an empty set) and put there, key ->
    bytes, for :func:`unpack_shingles` when needed: most of the work of decoding.
    Raises ValueError/TypeError on bad bytes or a count that does not match."""
    rows = json.loads(blob)
    if len(rows) != len(keys):
        raise ValueError(f"evidence for {len(rows)} articles, not {len(keys)}")
    out = []
    for key, (shingles, names, numbers, organisations, day, words, signature) in zip(keys, rows):
        if packed is None:
            codes = unpack_shingles(bytes.fromhex(shingles))
        else:
            packed[key], codes = bytes.fromhex(shingles), frozenset()
        out.append(Evidence(key, codes, frozenset(names), frozenset(numbers),
                            frozenset(organisations), day, words, bytes.fromhex(signature)))
    return out


def pack_shingles(shingles: frozenset[int]) -> bytes:
    """``shingles`` as the bytes :func:`unpack_shingles` reads: 4 bytes each, not ~70."""
    return array("I", sorted(shingles)).tobytes()


def unpack_shingles(packed: bytes) -> frozenset[int]:
    codes = array("I")
    codes.frombytes(packed)
    return frozenset(codes)


def shingles_of(words: list[str]) -> frozenset[int]:
    """32-bit hashes of every run of SHINGLE words (one shingle for a shorter text)."""
    if not words:
        return frozenset()
    codes = {w: zlib.crc32(w.encode()) for w in set(words)}
    h = [codes[w] for w in words]
    if len(h) < SHINGLE:
        h += [0] * (SHINGLE - len(h))
    m = _MIX
    if "numpy" in sys.modules:  # the same sums modulo 2**32, a column at a time
        import numpy as np

        a, m = np.array(h, dtype=np.uint32), np.uint32(_MIX)
        return frozenset((((a[:-3] * m + a[1:-2]) * m + a[2:-1]) * m + a[3:]).tolist())
    return frozenset((((a * m + b) * m + c) * m + d) & 0xFFFFFFFF
                     for a, b, c, d in zip(h, h[1:], h[2:], h[3:]))


def _names(text: str) -> frozenset[str]:
    return frozenset(low for low in (w.lower() for w in _NAME.findall(text)) if low not in _STOP_NAMES)


def _numbers(text: str, lower_words: list[str]) -> frozenset[str]:
    found = {n.replace(",", "") for n in _DIGITS.findall(text)}
    found.update(_NUMBER_WORDS[w] for w in lower_words if w in _NUMBER_WORDS)
    return frozenset(n for n in found if n not in _TOO_COMMON) - _years(found)


def _years(numbers: set[str]) -> set[str]:
    return {n for n in numbers if _YEAR.match(n)}


def _organisations(article: Article) -> frozenset[str]:
    forms = set()
    for org in article.organisations:
        forms.add(org.name.lower())
        forms.update(a.lower() for a in org.aliases)
    return frozenset(forms)


def _day(iso: str | None) -> int | None:
    if not iso:
        return None
    try:
        return Date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None
