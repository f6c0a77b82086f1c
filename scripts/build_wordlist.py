#!/usr/bin/env python3
"""Build resources/words-en.txt.gz, the word-frequency list used by reader.fused.repair.

Source: the English list of the `wordfreq` package (Robyn Speer et al.,
https://github.com/rspeer/wordfreq), data licensed CC BY-SA 4.0 -- see
resources/WORDS-LICENSE.md.  Dev-time only: the app reads the shipped file and
never imports wordfreq.

Format (UTF-8, gzip): one line per frequency bucket,
    <zipf*10 as an integer> TAB <space-separated lowercase words>
highest buckets first.  Zipf = log10(frequency per billion words).

    python scripts/build_wordlist.py [--top 250000]
"""
from __future__ import annotations

import argparse
import gzip
import re
from collections import defaultdict
from pathlib import Path

import wordfreq

OUT = Path(__file__).resolve().parents[1] / "resources" / "words-en.txt.gz"
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")   # letters, optionally one apostrophe


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--top", type=int, default=250_000)
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    buckets: dict[int, list[str]] = defaultdict(list)
    n = 0
    for w in wordfreq.top_n_list("en", a.top, wordlist="large"):
        if not WORD.fullmatch(w):
            continue
        z = round(wordfreq.zipf_frequency(w, "en", wordlist="large") * 10)
        buckets[z].append(w)
        n += 1
    lines = [f"{z}\t{' '.join(ws)}" for z, ws in sorted(buckets.items(), reverse=True)]
    with gzip.open(a.out, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("\n".join(lines) + "\n")
    print(f"{a.out}: {n} words in {len(lines)} buckets, {a.out.stat().st_size / 1e3:.0f} KB "
          f"(wordfreq {wordfreq.__name__} 'en' large, top {a.top})")


if __name__ == "__main__":
    main()
