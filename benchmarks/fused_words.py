#!/usr/bin/env python3
"""Benchmark: repair of words fused at deleted line breaks (reader.split_fused_words).

With the shared scorer next to the repository (../shared/bench/score_joins.py and its
data), it scores, in one run:
  reader.fused.repair:split_fused_words     the repairer the app runs
  identity                           baseline: change nothing
  wordninja                          baseline: split every letter run with wordninja
                                     (only if the package is importable)
Without ../shared it damages the built-in text below the same way (greedy hard wrap at
several widths, line breaks deleted without a space) and prints the same figures.

    python benchmarks/fused_words.py [--split dev] [--show 10] [--builtin] [--generated 8]
    python benchmarks/fused_words.py --json

--json scores the app's repairer only, with the same scorer run, and prints its quality
figures as one JSON object: {"recall": …, "precision": …, "false_splits_per_10k_control": …}
(what benchmarks/gate.py compares with the committed baseline).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# shared/ sits beside the repo, or beside the folder of worktrees that holds it
SHARED = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.exists()),
              ROOT.parent / "shared")
SCORER = SHARED / "bench" / "score_joins.py"
OURS = "reader.fused.repair:split_fused_words"
sys.path.insert(0, str(ROOT))


# --- baselines (also importable by the shared scorer as "benchmarks/fused_words.py:NAME") ---
def identity(text: str) -> str:
    return text


def wordninja_repair(text: str) -> str:
    import wordninja

    def split(m: re.Match) -> str:
        word = m.group()
        parts = wordninja.split(word)
        return " ".join(parts) if "".join(parts) == word else word

    return re.sub(r"[A-Za-z]{2,}", split, text)


# --- self-contained mode ------------------------------------------------------------------
TEXT = """\
The city council voted on Tuesday to extend the night bus service to the northern suburbs, after a year in which ridership on the existing routes grew by almost a third. Officials said the new routes would start in March and cost about $4.2 million a year.
“We heard the same thing at every meeting,” said Maria Okonkwo, who chairs the transport committee. “People who work late shifts at the hospital and the airport had no way home.” The plan passed 9-2, with two members arguing the money should go to road repairs instead.
Researchers at the University of Leeds have found that a common garden weed produces a compound which slows the growth of certain fungi. The team, led by Dr. Hannah Whitfield, tested 120 plant extracts in the laboratory before narrowing the search to three candidates.
The results, published in the journal Plant Biology (PB), are preliminary. Whitfield cautioned that field trials would take at least two more seasons, and that the compound breaks down quickly in sunlight; the group is now working with a chemistry lab in Utrecht on more stable variants.
Shares of the carmaker fell 6% in early trading on Friday after it cut its delivery forecast for the second time this year, citing shortages of batteries and a slower-than-expected recovery in its European markets. Analysts at two banks lowered their price targets.
The company's chief executive, speaking on a call with investors, said demand remained strong in North America and that a new factory near Monterrey would begin production in the fourth quarter. She declined to say whether job cuts were being considered.
In the final minutes of the match the home side, down to ten players after a red card, held on for a 1-0 win that lifts them out of the relegation zone. Their goalkeeper made four saves in stoppage time alone, including a diving stop from a free kick.
"It was not pretty, but we will take it," the manager told reporters afterwards. The club's next fixture is away at the league leaders on Saturday, a ground where they have not won since 2011. Tickets for the away section sold out within an hour.
Volunteers planted more than 3,000 trees along the river this weekend as part of a project to reduce flooding in the valley. The saplings, mostly willow and alder, were grown at a community nursery run by a local school, whose pupils kept records of each tree.
Farmers downstream have complained for years that water from the hills arrives faster than it used to. Hydrologists from the regional environment agency say the new woodland should slow the flow and hold back silt, although it will take a decade for the trees to make a difference.
The museum reopens next month after a two-year renovation that added a glass roof over the central courtyard, a new education wing and lifts to every floor. Entry to the permanent collection stays free; the opening exhibition, on maps of the ancient world, costs £12.
Among the objects on loan is a clay tablet from around 600 BC that shows the world as a flat disc surrounded by water, with Babylon at its centre. Curators say it is the oldest known attempt to draw the whole world, and it has rarely left its home collection.
"""


def damage(text: str, width: int) -> str:
    """The defect: greedy hard wrap at width, then the line breaks deleted without a space."""
    return "\n".join("".join(textwrap.wrap(p, width=width, break_long_words=False,
                                           break_on_hyphens=False))
                     for p in text.split("\n"))


def gaps(text: str) -> set[int]:
    """Indices into the non-space character stream that have whitespace before them."""
    out, n, pending = set(), 0, False
    for c in text:
        if c.isspace():
            pending = True
        else:
            if pending and n:
                out.add(n)
            pending = False
            n += 1
    return out


def score_self(name: str, fn, widths) -> float:
    fn("Warm up toload any dictionaries.\nSecond line.")       # load time is not throughput
    gold = TEXT.strip()
    gb = gaps(gold)
    words = len(gold.split())
    fused = hit = added = good = 0
    t = 0.0
    nbytes = 0
    for w in widths:
        d = damage(gold, w)
        db = gaps(d)
        t0 = time.perf_counter()
        out = fn(d)
        t += time.perf_counter() - t0
        nbytes += len(d.encode())
        if out.replace(" ", "") != d.replace(" ", ""):
            print(f"{name}: changed characters other than spaces")
        ob = gaps(out)
        fused += len(gb - db)
        hit += len((gb - db) & ob)
        added += len(ob - db)
        good += len((ob - db) & gb)
    ctl = gaps(fn(gold)) - gb
    speed = nbytes / 1e6 / max(t, 1e-9)
    print(f"{name:32s} recall {hit / max(1, fused):.4f}  precision {good / max(1, added):.4f}  "
          f"fs/10k control {1e4 * len(ctl) / words:.1f}  MB/s {speed:.2f}")
    return speed


def score(spec: str, split: str, show: int = 0, result: Path | None = None) -> subprocess.CompletedProcess:
    """Run the shared scorer on one repairer; with ``result``, it appends its figures there as JSON."""
    cmd = [sys.executable, str(SCORER), "score", spec, "--split", split]
    if show:
        cmd += ["--show", str(show)]
    if result:
        cmd += ["--json", str(result)]
    return subprocess.run(cmd, cwd=ROOT, check=False, capture_output=True, text=True)


def quality(split: str) -> dict[str, float]:
    """The app's repairer's quality figures, as the shared scorer computes them."""
    with tempfile.TemporaryDirectory() as tmp:
        result = Path(tmp) / "result.jsonl"
        done = score(OURS, split, result=result)
        if done.returncode or not result.exists():
            raise RuntimeError(f"the scorer failed (exit {done.returncode}): "
                               f"{(done.stderr or done.stdout).strip()}")
        figures = json.loads(result.read_text(encoding="utf-8").splitlines()[-1])
    return {"recall": figures["recall"], "precision": figures["precision"],
            "false_splits_per_10k_control": figures["fs_per10k_control"]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--builtin", action="store_true", help="use the built-in text even if ../shared exists")
    ap.add_argument("--generated", type=int, default=0, metavar="N",
                    help="also score N data sets the shared scorer generates (gen, seeds 1..N) "
                         "from the extraction ground truth: the dev set's articles wrapped at "
                         "other widths (not other articles), for how the figures hold across "
                         "widths")
    ap.add_argument("--json", action="store_true",
                    help="score the app's repairer only; print its quality figures as JSON")
    a = ap.parse_args()
    if a.json:
        if not SCORER.exists():
            print(f"no shared scorer at {SCORER}: the shared folder must sit beside the repository",
                  file=sys.stderr)
            return 1
        try:
            print(json.dumps(quality(a.split)))
        except RuntimeError as error:
            print(error, file=sys.stderr)
            return 1
        return 0
    repairers = [OURS, f"{Path(__file__).resolve()}:identity"]
    if importlib.util.find_spec("wordninja"):
        repairers.append(f"{Path(__file__).resolve()}:wordninja_repair")
    if SCORER.exists() and not a.builtin:
        print(f"shared scorer {SCORER} on split {a.split}")
        for spec in repairers:
            out = score(spec, a.split, a.show if spec == OURS else 0)
            print(out.stdout, end="", flush=True)
            print(out.stderr, end="", file=sys.stderr)
        if a.generated:
            _generated(a.generated)
        return 0
    from reader.fused.repair import split_fused_words

    widths = list(range(40, 121, 8))
    print(f"built-in text ({len(TEXT.split())} words) damaged at widths {widths}")
    fns = {OURS: split_fused_words, "identity": identity}
    if importlib.util.find_spec("wordninja"):
        fns["wordninja"] = wordninja_repair
    for name, fn in fns.items():
        score_self(name, fn, widths)
    return 0


def _generated(n: int) -> None:
    """Recall and precision of the repair over the scorer's generated data sets."""
    truth = SHARED / "data" / "extraction-dev" / "ground-truth.json"
    if not truth.exists():
        print(f"no {truth}: no generated data sets")
        return
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(1, n + 1):
            out = Path(tmp) / f"seed{seed}"
            subprocess.run([sys.executable, str(SCORER), "gen", "--src", str(truth), "--out", str(out),
                            "--seed", str(seed)], check=True, capture_output=True)
            for split in ("dev", "test"):
                run = subprocess.run([sys.executable, str(SCORER), "score", OURS,
                                      "--data", str(out), "--split", split],
                                     cwd=ROOT, check=False, capture_output=True, text=True).stdout
                got = re.search(r"recall ([0-9.]+)\s+precision ([0-9.]+).*control ([0-9.]+)", run)
                if got:
                    rows.append(tuple(float(x) for x in got.groups()))
    if not rows:
        print("generated data sets: no scores")
        return
    recall, precision, control = zip(*rows)
    print(f"generated data sets ({n} seeds x dev/test, {len(rows)} scored): "
          f"recall mean {sum(recall) / len(rows):.4f} (min {min(recall):.4f}), "
          f"precision mean {sum(precision) / len(rows):.4f} (min {min(precision):.4f}), "
          f"false splits per 10k on the control texts at most {max(control):.1f}")



if __name__ == "__main__":
    sys.exit(main())
