"""Copy candidates: the bands of each article's MinHash signature (locality-sensitive
hashing), in one compact table.

A signature (the ``datasketch.LeanMinHash`` bytes :func:`reader.stories.evidence.signature_of`
writes) is cut into ``BANDS`` bands of ``ROWS`` hash values; two articles sharing any band
are candidates. ``BANDS`` x ``ROWS`` is what ``datasketch.MinHashLSH`` chooses for the same
threshold and permutations, so the candidates are the ones it would give; the table is
ours because it is small: one dict entry per band of an article (its value the article's
key, or a tuple of keys for a band several share), where ``MinHashLSH`` keeps a set per
band and a list of byte strings per article (about 6 KB an article), and importing it
imports scipy (half a second and ~55 MB). No Qt here.
"""
from __future__ import annotations

import struct
from array import array

from .evidence import _SEED, PERMUTATIONS

THRESHOLD = 0.3  # estimated shingle Jaccard from which copies are candidates
BANDS, ROWS = 21, 3  # datasketch.lsh._optimal_param(THRESHOLD, PERMUTATIONS, 0.5, 0.5)
_AFFINE32 = 1  # datasketch's scheme code for affine32 in a LeanMinHash's bytes
_HEADER = struct.pack("<qiB", _SEED, -PERMUTATIONS, _AFFINE32)
_SIZE = len(_HEADER) + 4 * PERMUTATIONS
_WIDTH = 4 * ROWS  # bytes per band


def band_keys(signature: bytes) -> array | None:
    """The keys of ``signature``'s bands (None: not a signature of our permutations).
    Keys are hashes, good for this process only: never store them."""
    if len(signature) != _SIZE or not signature.startswith(_HEADER):
        return None
    start = len(_HEADER)
    return array("q", (hash(signature[start + i * _WIDTH:start + (i + 1) * _WIDTH]) ^ i for i in range(BANDS)))


class Bands:
    """Articles by the bands of their signatures."""

    __slots__ = ("_table",)

    def __init__(self) -> None:
        self._table: dict[int, str | tuple[str, ...]] = {}

    def insert(self, key: str, keys: array) -> None:
        table = self._table
        for band in keys:
            there = table.get(band)
            if there is None:
                table[band] = key
            elif there.__class__ is str:
                table[band] = (there, key)
            else:
                table[band] = (*there, key)

    def remove(self, key: str, keys: array) -> None:
        table = self._table
        for band in keys:
            there = table.get(band)
            if there == key:
                del table[band]
            elif there.__class__ is tuple and key in there:
                rest = tuple(k for k in there if k != key)
                table[band] = rest[0] if len(rest) == 1 else rest

    def query(self, keys: array) -> set[str]:
        """The articles sharing a band with ``keys`` (the asker too, if inserted)."""
        found = set(map(self._table.get, keys))
        found.discard(None)
        shared = [there for there in found if there.__class__ is tuple]
        for there in shared:
            found.discard(there)
            found.update(there)
        return found

    def __len__(self) -> int:
        return len(self._table)
