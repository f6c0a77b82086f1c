#!/usr/bin/env python3
"""Benchmark: grouping articles into stories (reader.stories.group_stories).

Quality: versions are generated from the dev pages' article texts (``../shared/data/
extraction-dev/ground-truth.json``, read here, never copied): for each text, the text
itself, a retitled copy padded with boilerplate, a teaser cut to its first paragraphs, a
copy whose hard-wrapped lines lost their breaks (fused words), and an update with one more
paragraph, with the same date. B-cubed precision, recall and F1 over all versions are
printed for our grouping and, in the same run, for a baseline that groups only identical
texts. Run with ``--undated`` too: the same without dates.

Speed: the time the Library takes to group 10,000 articles of the large-folder corpus
(benchmarks/corpus.py) after loading them (evidence made by the loading processes),
beside, in the same run, group_stories over the same articles (evidence made there: the
baseline), a warm reopen's grouping (pairs from the cache) and a regroup after one file
changed; and the time the articles took to load.

Against ``export`` (``--pair N``, default 3,000): the command line's ``stories DIR --json``
and ``export DIR --format txt --out OUT`` on a generated folder of N articles, run one
after the other, twice, each a new process with no cache (both load through
``Library(cache=False)``): wall and CPU time (the command's and its loading processes').

    python benchmarks/stories.py [--n 10000] [--undated] [--skip-speed] [--pair 3000]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TRUTH = SHARED / "data" / "extraction-dev" / "ground-truth.json"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

BOILERPLATE = ["Sign up for our daily newsletter to get the top stories in your inbox.",
               "Copyright 2025. All rights reserved. This material may not be republished."]
UPDATE = ("This story has been updated with comment from officials, who said on Friday that "
          "a full statement would follow once the review had been completed.")


def versions(body: str, n: int, rng: random.Random, dated: bool) -> list[dict]:
    """The versions of one text (dicts for a JSON article file)."""
    from corpus import _fuse_wrapped

    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    title = " ".join(paragraphs[0].split()[:9]) if paragraphs else f"Story {n}"
    day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    width = rng.randint(60, 90)
    made = [
        (title, paragraphs),
        (f"{title} (wire)", paragraphs + BOILERPLATE),
        (f"In brief: {title}", paragraphs[:max(2, len(paragraphs) // 3)]),
        (title, [_fuse_wrapped(p, width) for p in paragraphs]),
        (f"{title} (updated)", paragraphs + [UPDATE]),
    ]
    out = []
    for t, ps in made:
        record = {"title": t, "content": "".join(f"<p>{p}</p>" for p in ps)}
        if dated:
            record["published"] = day
        out.append(record)
    return out


def b_cubed(clusters: list[list[str]], gold: dict[str, str]) -> tuple[float, float, float]:
    cluster_of = {k: i for i, c in enumerate(clusters) for k in c}
    members: dict[str, list[str]] = defaultdict(list)
    for k, g in gold.items():
        members[g].append(k)
    p = r = 0.0
    for k in gold:
        mine = clusters[cluster_of[k]]
        correct = sum(gold[x] == gold[k] for x in mine)
        p += correct / len(mine)
        r += correct / len(members[gold[k]])
    p, r = p / len(gold), r / len(gold)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def identical_texts(articles) -> list[list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for a in articles:
        groups[" ".join(a.text.split()).lower()].append(a.key)
    return list(groups.values())


def quality(dated: bool) -> None:
    from reader.read.load import load_file
    from reader.stories import group_stories

    if not TRUTH.exists():
        print(f"no {TRUTH}: quality not measured")
        return
    bodies = [v.get("articleBody", "") for v in json.loads(TRUTH.read_text("utf-8")).values()]
    rng = random.Random(11)
    gold = {}
    articles = []
    with tempfile.TemporaryDirectory() as tmp:
        for n, body in enumerate(b for b in bodies if len(b.split()) > 40):
            for m, record in enumerate(versions(body, n, rng, dated)):
                path = Path(tmp) / f"{n:03d}-{m}.json"
                path.write_text(json.dumps(record), encoding="utf-8")
                for a in load_file(str(path)):
                    articles.append(a)
                    gold[a.key] = str(n)
        start = time.perf_counter()
        ours = [[a.key for a in s.articles] for s in group_stories(articles)]
        seconds = time.perf_counter() - start
    label = "dated" if dated else "undated"
    print(f"{len(articles)} versions of {len(set(gold.values()))} dev texts ({label})")
    for name, clusters in (("reader.stories", ours), ("baseline: identical texts", identical_texts(articles))):
        p, r, f = b_cubed(clusters, gold)
        print(f"  {name:28} B-cubed P {p:.4f}  R {r:.4f}  F1 {f:.4f}  ({len(clusters)} stories)")
    print(f"  grouping took {seconds * 1000:.0f} ms")


def speed(n: int) -> None:
    import os

    from corpus import generate
    from reader.library import Library
    from reader.stories import group_stories

    with tempfile.TemporaryDirectory() as tmp:
        paths = generate(os.path.join(tmp, "news"), n)
        cache = os.path.join(tmp, "cache.sqlite3")
        library = Library(cache=cache)
        start = time.perf_counter()
        library.open([os.path.join(tmp, "news")])
        load_s = time.perf_counter() - start
        articles = list(library.articles.values())
        start, cpu = time.perf_counter(), time.process_time()
        stories = library.stories()
        group_s, group_cpu = time.perf_counter() - start, time.process_time() - cpu
        import resource

        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024  # open + grouping
        start = time.perf_counter()
        baseline = group_stories(articles)
        base_s = time.perf_counter() - start
        library.close()
        again = Library(cache=cache)
        start = time.perf_counter()
        again.open([os.path.join(tmp, "news")])
        reopen_s = time.perf_counter() - start
        start = time.perf_counter()
        warm = again.stories()
        warm_s = time.perf_counter() - start
        changed = Path(paths[len(paths) // 2])
        changed.write_text(changed.read_text("utf-8") + "\n\nA paragraph added later.\n", encoding="utf-8")
        again.refresh([str(changed)])
        start = time.perf_counter()
        again.stories()
        change_s = time.perf_counter() - start
        again.close()
    same = {frozenset(a.key for a in s.articles) for s in stories} == \
        {frozenset(a.key for a in s.articles) for s in baseline} == {frozenset(a.key for a in s.articles) for s in warm}
    print(f"{len(articles)} articles of the large-folder corpus, loaded in {load_s:.1f} s (process pool, "
          f"all cores, evidence made there), reopened warm in {reopen_s:.1f} s; {len(stories)} stories"
          f"{'' if same else ' (DIFFERENT GROUPINGS!)'}")
    print(f"  grouping, evidence from the loading processes  {group_s:6.2f} s (CPU {group_cpu:.2f} s; peak RSS "
          f"of the open and the grouping: {peak_mb} MB)")
    print(f"  baseline: group_stories (evidence made here)   {base_s:6.2f} s")
    print(f"  warm reopen (pairs from the cache)             {warm_s:6.2f} s")
    print(f"  after one file changed                         {change_s:6.2f} s")


def pair(n: int, runs: int = 2) -> None:
    """``stories`` beside ``export`` on the same n articles, each a cold process."""
    import os
    import resource
    import subprocess

    from corpus import generate

    def run(args: list[str]) -> tuple[float, float]:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "reader", *args], cwd=ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(args[:1])} failed: {done.stderr[-500:]}")
        return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)

    with tempfile.TemporaryDirectory() as tmp:
        news = os.path.join(tmp, "news")
        generate(news, n)
        print(f"`stories` beside `export` over {n:,} generated articles (each a new process, no cache):")
        for i in range(runs):
            s_wall, s_cpu = run(["stories", news, "--json"])
            e_wall, e_cpu = run(["export", news, "--format", "txt", "--out", os.path.join(tmp, f"out{i}")])
            print(f"  run {i + 1}: stories {s_wall:5.1f} s (CPU {s_cpu:5.1f} s), export {e_wall:5.1f} s "
                  f"(CPU {e_cpu:5.1f} s): stories / export {s_wall / e_wall:.2f} (bar: <= 1.5)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000, help="articles for the speed figure")
    ap.add_argument("--undated", action="store_true", help="also score the versions without dates")
    ap.add_argument("--skip-speed", action="store_true")
    ap.add_argument("--pair", type=int, default=0, metavar="N",
                    help="also time `stories` against `export` over N generated articles (3000: the bar)")
    a = ap.parse_args()
    quality(dated=True)
    if a.undated:
        quality(dated=False)
    if not a.skip_speed:
        speed(a.n)
    if a.pair:
        pair(a.pair)


if __name__ == "__main__":
    main()
