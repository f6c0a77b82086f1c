"""The quality gate: today's dev-set figures against the committed baseline.

    python benchmarks/gate.py             # compare; exit 1 if a figure dropped by more than its margin
    python benchmarks/gate.py --update    # measure and write benchmarks/baseline.json

It runs ``benchmarks/extraction.py``, ``fused_words.py`` and ``organisations.py`` with
``--json``: each scores our code only (no trafilatura or wordninja baseline, no speed)
with the shared scorer in ``../shared/bench`` on the dev data in ``../shared/data``, the
same scorer run as the script's human-readable output. The test suite runs the gate
(``tests/test_quality_gate.py``), so a change that makes a figure worse fails CI.

When your change moves a figure on purpose (an improvement, or a small loss traded for a
larger gain elsewhere):

1. rebase onto main first, so the baseline you start from holds the others' gains;
2. ``python benchmarks/gate.py --update``: it prints each figure's old and new value and
   rewrites ``benchmarks/baseline.json``;
3. commit ``baseline.json`` with the change that moved it, the old and new figures in the
   commit body, and update the README's table from the scripts' human-readable output.

Never edit ``baseline.json`` by hand: if it conflicts in a rebase, take main's side, finish
the rebase and run ``--update`` on the result. Exit codes: 0 every figure holds (or ``--update``
wrote the baseline), 1 a figure dropped by more than its margin, 2 nothing could be
measured or compared (no ``../shared``, a script failed, no or an unreadable baseline).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# shared/ sits beside the repo, or beside the folder of worktrees that holds it
SHARED = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.exists()),
              ROOT.parent / "shared")
BASELINE = ROOT / "benchmarks" / "baseline.json"
UPDATE = "python benchmarks/gate.py --update"

# The largest drop each figure may take and still pass, by script (benchmarks/NAME.py).
# The figures come out the same to the last digit run after run, so a margin does not
# absorb noise: it absorbs the drift of a fresh install picking newer trafilatura or lxml
# within pyproject's ranges, while a change that loses a few pages', names' or breaks'
# worth fails. F1 is the headline; precision and recall get more room, so that a trade
# between them that raises F1 passes.
MARGINS = {
    "extraction": {"f1": 0.005, "precision": 0.01, "recall": 0.01},
    "fused_words": {"recall": 0.002, "precision": 0.002, "false_splits_per_10k_control": 0.5},
    "organisations": {"f1": 0.005, "precision": 0.01, "recall": 0.01},
}
# figures where a rise is the loss
LOWER_IS_BETTER = {"false_splits_per_10k_control"}


class GateError(Exception):
    """Nothing to compare: the figures or the baseline could not be had."""


def measure() -> dict[str, dict[str, float]]:
    """Today's quality figures, from each script's ``--json`` run."""
    figures = {}
    for script in MARGINS:
        path = ROOT / "benchmarks" / f"{script}.py"
        print(f"scoring {script} …", file=sys.stderr, flush=True)
        done = subprocess.run([sys.executable, str(path), "--json"], cwd=ROOT,
                              capture_output=True, text=True, check=False)
        if done.returncode:
            raise GateError(f"benchmarks/{script}.py --json failed (exit {done.returncode}): "
                            f"{(done.stderr or done.stdout).strip()}")
        try:
            figures[script] = json.loads(done.stdout.strip().splitlines()[-1])
        except (IndexError, ValueError) as error:
            raise GateError(f"benchmarks/{script}.py --json printed no JSON ({error}): "
                            f"{done.stdout.strip()!r}") from error
        if not isinstance(figures[script], dict):
            raise GateError(f"benchmarks/{script}.py --json printed {figures[script]!r}, "
                            "not an object of figures")
    return figures


def read_baseline(path: Path) -> dict[str, dict[str, float]]:
    try:
        baseline = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GateError(f"no baseline at {path}: write it with {UPDATE}") from None
    except (OSError, ValueError) as error:
        raise GateError(f"cannot read the baseline {path} ({error}): rewrite it with {UPDATE}") from None
    if not isinstance(baseline, dict) or not all(isinstance(v, dict) for v in baseline.values()):
        raise GateError(f"the baseline {path} is not a JSON object of scripts' figures: "
                        f"rewrite it with {UPDATE}")
    return baseline


def write_baseline(path: Path, figures: dict[str, dict[str, float]]) -> None:
    """Write the baseline atomically (:func:`reader.files.write_atomic`)."""
    from reader.files import write_atomic

    write_atomic(path, json.dumps(figures, indent=2, sort_keys=True) + "\n")


def compare(baseline: dict, current: dict) -> list[tuple[str, float | None, float | None, float, str]]:
    """One row per gated figure: (name, baseline, now, margin, verdict), where the verdict
    is ``ok``, ``better``, ``DROP`` (worse by more than the margin), ``no baseline`` or
    ``not measured``."""
    rows = []
    for script, margins in MARGINS.items():
        for figure, margin in margins.items():
            name = f"{script} {figure}"
            base = baseline.get(script, {}).get(figure)
            now = current.get(script, {}).get(figure)
            if not isinstance(now, (int, float)):
                rows.append((name, base, now, margin, "not measured"))
                continue
            if not isinstance(base, (int, float)):
                rows.append((name, base, now, margin, "no baseline"))
                continue
            loss = now - base if figure in LOWER_IS_BETTER else base - now
            verdict = "DROP" if loss > margin + 1e-9 else "better" if loss < -1e-9 else "ok"
            rows.append((name, base, now, margin, verdict))
    return rows


def report(rows) -> str:
    def num(x):
        return "—" if not isinstance(x, (int, float)) else f"{x:.4f}"

    def change(base, now):
        both = isinstance(base, (int, float)) and isinstance(now, (int, float))
        return f"{now - base:+.4f}" if both else "—"

    lines = [f"{'figure':<42} {'baseline':>8} {'now':>8} {'change':>8} {'margin':>7}"]
    for name, base, now, margin, verdict in rows:
        lines.append(f"{name:<42} {num(base):>8} {num(now):>8} {change(base, now):>8} "
                     f"{margin:>7.3f}  {verdict}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--update", action="store_true", help="write today's figures as the baseline")
    ap.add_argument("--baseline", type=Path, default=BASELINE, help=f"default: {BASELINE}")
    a = ap.parse_args(argv)
    try:
        if not SHARED.exists():
            raise GateError(f"no shared folder at {SHARED}: the scorers and dev data must sit beside "
                            "the repository, so there is nothing to measure")
        if a.update:
            try:
                old = read_baseline(a.baseline)
            except GateError:  # a missing or broken baseline is what --update replaces
                old = {}
            current = measure()
            rows = compare(old, current)
            print(report(rows))
            unmeasured = [name for name, _, _, _, verdict in rows if verdict == "not measured"]
            if unmeasured:
                raise GateError(f"no figure for {', '.join(unmeasured)}: the baseline is left as it was")
            write_baseline(a.baseline, current)
            print(f"\nwrote {a.baseline}: commit it with the change that moved the figures, "
                  "old and new in the commit body")
            return 0
        baseline = read_baseline(a.baseline)
        rows = compare(baseline, measure())
    except GateError as error:
        print(f"quality gate: {error}", file=sys.stderr)
        return 2
    print(report(rows))
    failed = [f"{name} ({verdict})" for name, _, _, _, verdict in rows if verdict not in ("ok", "better")]
    if failed:
        print(f"\nquality gate FAILED against {a.baseline}: {', '.join(failed)}. A drop is worse "
              "than the baseline by more than the figure's margin. If your change is meant to move "
              f"it, run {UPDATE} and say why, with the figures, in the commit body.")
        return 1
    print(f"\nquality gate passed: {len(rows)} figures hold against {a.baseline.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
