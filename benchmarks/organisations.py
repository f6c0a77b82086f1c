"""Organisation recognition: accuracy and speed against a simple rule baseline, same run.

    python benchmarks/organisations.py [--data PATH] [--errors N] [--samples]
    python benchmarks/organisations.py --json

Runs ``../shared/bench/score_orgs.py`` (when ``shared/`` sits beside the repo) on
``reader.organisations.recognise:org_spans`` and on :func:`baseline_spans` (capitalised words ending in an
organisation noun, plus all-capital acronyms), and prints both one to a row: exact-span F1,
precision and recall (the headline), the overlap F1 and words/s. ``--errors N`` adds the
recogniser's most frequent misses and false alarms, ``--samples`` what it finds in the
sample articles. Then both again on the held-out-style texts written for
``tests/test_organisations_heldout.py`` (2020s pages and 1990s wire copy, none from the dev
data): precision, recall and F1 of the highlights' text, places and products not counted.
Prints figures; asserts nothing.

``--json`` scores the recogniser only, with the same scorer run, and prints its exact-span
figures as one JSON object, ``{"f1": …, "precision": …, "recall": …}`` (what
``benchmarks/gate.py`` compares with the committed baseline).
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# shared/ sits beside the repo, or beside the folder of worktrees that holds it
SHARED = next((p for p in (REPO.parent / "shared", REPO.parent.parent / "shared") if p.exists()),
              REPO.parent / "shared")
SCORER = SHARED / "bench" / "score_orgs.py"
DATA = SHARED / "data" / "orgs-dev" / "eng.testa.prose"
SAMPLES = ("000_788af3e886619c0f.txt", "001_f04f2131fcbc8157.txt")
OURS = "reader.organisations.recognise:org_spans"
BASELINE = "benchmarks.organisations:baseline_spans"
# the scorer's lines: "data=… units=N words=N gold_ORG=N …", "EXACT   P=0.xxxx R=0.xxxx F1=0.xxxx",
# "OVERLAP P=… R=… F1=…", "SPEED   N,NNN words/s …", "top FN: […]", "top FP: […]"
_EXACT = re.compile(r"^EXACT\s+P=([0-9.]+)\s+R=([0-9.]+)\s+F1=([0-9.]+)", re.MULTILINE)
_DATA = re.compile(r"\bunits=(\d+) words=(\d+) gold_ORG=(\d+)")
_OVERLAP = re.compile(r"^OVERLAP\s+P=[0-9.]+\s+R=[0-9.]+\s+F1=([0-9.]+)", re.MULTILINE)
_SPEED = re.compile(r"^SPEED\s+([0-9,]+) words/s", re.MULTILINE)
_ERRORS = re.compile(r"^top F[NP]: .*", re.MULTILINE)

_HEADS = (
    "Army|Front|Group|Ministry|Department|Authority|Agency|Council|Commission|Committee|Party"
    "|Movement|Bank|Union|Organisation|Organization|Corporation|Corp|Company|Co|Inc|Ltd|Limited"
    "|Trust|Society|Foundation|Police|Secretariat|University|Court|Assembly|Association"
)
_BASELINE = re.compile(
    rf"\b(?:(?!(?:The|A|An|In|On|At|For|But|And|He|She|It|This)\b)[A-Z][\w&-]*\s+(?:of\s+)?){{0,4}}(?:{_HEADS})\b\.?(?:\s+of(?:\s+[A-Z][\w-]*)+)?|\b[A-Z]{{2,6}}\b"
)


def baseline_spans(text: str) -> list[tuple[int, int]]:
    """The rule baseline: capitalised names ending in an organisation noun, and acronyms."""
    return [m.span() for m in _BASELINE.finditer(text)]


def score(spec: str, data: Path, errors: int) -> str:
    cmd = [sys.executable, str(SCORER), spec, "--data", str(data)]
    if errors:
        cmd += ["--errors", str(errors)]
    done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, check=False)
    return (done.stdout + done.stderr).strip()


def figures(output: str) -> dict[str, float]:
    """The exact-span precision, recall and F1 in the scorer's output."""
    found = _EXACT.search(output)
    if not found:
        raise ValueError(f"no EXACT line in the scorer's output: {output!r}")
    precision, recall, f1 = map(float, found.groups())
    return {"f1": f1, "precision": precision, "recall": recall}


def table(data: Path, runs: list[tuple[str, str]]) -> str:
    """The scores of each (label, scorer output), one system to a row, under a line that
    says what they were measured on."""
    size = _DATA.search(runs[0][1])
    units, words, gold = map(int, size.groups()) if size else (0, 0, 0)
    lines = [f"Organisations, exact spans, on {data.name}: {units} documents, {words:,} words, "
             f"{gold} gold names",
             f"{'':<44} {'F1':>6} {'precision':>9} {'recall':>6} {'overlap F1':>10} {'words/s':>10}"]
    for label, output in runs:
        got = figures(output)
        overlap, speed = _OVERLAP.search(output), _SPEED.search(output)
        lines.append(f"{label:<44} {got['f1']:>6.4f} {got['precision']:>9.4f} {got['recall']:>6.4f} "
                     f"{overlap.group(1) if overlap else '?':>10} {speed.group(1) if speed else '?':>10}")
    return "\n".join(lines)


def samples() -> None:
    sys.path.insert(0, str(REPO))
    from reader.organisations.recognise import organisations_of
    try:
        from reader.fused.repair import split_fused_words
    except ImportError:  # the word joiner is another module's job; raw text still works
        def split_fused_words(text: str) -> str:
            return text
    for name in SAMPLES:
        path = REPO / "articles" / name
        if not path.exists():
            continue
        text = split_fused_words(path.read_text(encoding="utf-8"))
        print(f"\n{name}:")
        for org in organisations_of(text):
            also = f"  (also: {', '.join(org.aliases)})" if org.aliases else ""
            print(f"  {len(org.mentions):2d} x {org.name}{also}")


def own_texts() -> str:
    """Precision, recall and F1 on the held-out-style texts of the tests, by era, for the
    recogniser and the rule baseline."""
    sys.path.insert(0, str(REPO))
    from reader.organisations.recognise import find_organisations
    from tests.test_organisations_heldout import CASES, RECENT, WIRE, score as score_cases

    systems = [(OURS, lambda text: [m.text for m in find_organisations(text)]),
               ("rule baseline, same run", lambda text: [text[s:e] for s, e in baseline_spans(text)])]
    eras = [("2020s pages", RECENT), ("1990s wire", WIRE), ("all", CASES)]
    lines = [f"Organisations on the held-out-style test texts: {len(CASES)} texts, "
             f"{sum(len(c.gold) for c in CASES)} gold mentions",
             f"{'':<44} {'era':<12} {'F1':>6} {'precision':>9} {'recall':>6}"]
    for label, find in systems:
        for era, cases in eras:
            got = score_cases(find, cases)
            lines.append(f"{label:<44} {era:<12} {got['f1']:>6.4f} {got['precision']:>9.4f} {got['recall']:>6.4f}")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--errors", type=int, default=0, help="show the N most frequent misses and false alarms")
    ap.add_argument("--samples", action="store_true", help="list what the recogniser finds in the sample articles")
    ap.add_argument("--json", action="store_true",
                    help="score the recogniser only; print its exact-span F1, precision and recall as JSON")
    a = ap.parse_args()
    if a.json:
        if not (SCORER.exists() and a.data.exists()):
            print(f"no scorer or data at {SCORER} / {a.data}: the shared folder must sit beside the "
                  "repository", file=sys.stderr)
            return 1
        try:
            print(json.dumps(figures(score(OURS, a.data, 0))))
        except ValueError as error:
            print(error, file=sys.stderr)
            return 1
        return 0
    if a.samples:
        samples()
        print()
    if not (SCORER.exists() and a.data.exists()):
        print(f"no scorer or data at {SCORER} / {a.data}: no scores")
        return 1
    runs = [(OURS, score(OURS, a.data, a.errors)), ("rule baseline, same run", score(BASELINE, a.data, 0))]
    try:
        print(table(a.data, runs))
    except ValueError:
        for label, output in runs:
            print(f"== {label}\n{output}")
        print("the scorer gave no scores (above: what it printed)")
        return 1
    if a.errors:
        print(f"\n{OURS}, most frequent:")
        print("\n".join(_ERRORS.findall(runs[0][1])))
    print()
    print(own_texts())
    return 0


if __name__ == "__main__":
    sys.exit(main())
