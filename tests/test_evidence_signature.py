"""Story signatures: the MinHash datasketch would make, made without importing it."""
from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from reader.stories import evidence
from reader.stories.evidence import PERMUTATIONS, minhash_of, signature_of

REPO = Path(__file__).resolve().parent.parent


def _datasketch_signature(shingles: frozenset[int]) -> bytes:
    from datasketch import LeanMinHash, MinHash

    m = MinHash(num_perm=PERMUTATIONS, seed=1, hashfunc=int, scheme="affine32")
    m.update_batch(shingles)
    lean = LeanMinHash(m)
    buf = bytearray(lean.bytesize("<"))
    lean.serialize(buf, "<")
    return bytes(buf)


def _shingles(n: int, seed: int) -> frozenset[int]:
    rng = random.Random(seed)
    return frozenset(rng.getrandbits(32) for _ in range(n)) | ({0, 0xFFFFFFFF} if n == 3 else set())


@pytest.mark.parametrize("n", [0, 1, 3, 64, 700, 5000])
def test_a_signature_is_the_one_datasketch_makes(n):
    shingles = _shingles(n, n)
    expected = _datasketch_signature(shingles)
    assert signature_of(shingles) == expected
    if shingles:  # the plain-Python way (a process's first signature) gives the same bytes
        assert signature_of(frozenset())[:13] + evidence._values_in_python(shingles) == expected
    assert minhash_of(expected).jaccard(minhash_of(signature_of(shingles))) == 1.0


def test_an_articles_evidence_is_made_without_importing_datasketch(tmp_path):
    article = tmp_path / "ferry.txt"
    article.write_text("Ferry stops running\n\nThe old ferry across the lake stopped running this "
                       "week after the Lakeside Ferry Company said the boat needed a new engine.\n",
                       encoding="utf-8")
    code = ("import sys\nfrom reader.library.pool import load_one\n"
            f"loaded = load_one({str(article)!r})\n"
            "assert loaded.failure is None and loaded.evidence, loaded\n"
            "print(sorted(m for m in ('datasketch', 'scipy') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("words", [[], ["one"], ["one", "two", "three"], ["ferry"] * 5,
                                   "the old ferry across the lake stopped running this week after the owners said".split()
                                   * 30])
def test_shingles_are_the_same_with_numpy_and_without(words, monkeypatch):
    import numpy  # noqa: F401

    with_numpy = evidence.shingles_of(words)
    monkeypatch.delitem(sys.modules, "numpy")
    assert evidence.shingles_of(words) == with_numpy
    assert all(0 <= code <= 0xFFFFFFFF for code in with_numpy)
