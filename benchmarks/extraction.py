"""HTML article extraction: F1 and pages/s of the reader's extractor, with trafilatura's
default as the baseline measured in the same run.

Runs ``../shared/bench/score_extraction.py`` (beside the repository) on
``reader.read.formats.html:article_text`` (HTML → the body text the reading pane shows, i.e.
``extract_html(html).text``: the title is shown apart from the body and the benchmark's
ground truth has no title, so none is prefixed) and on the ``trafilatura_default``
builtin, then bylines and dates beside trafilatura's metadata (``benchmarks/metadata.py``:
what the dev ground truth lets us score). Usage:
``python benchmarks/extraction.py [--bench DIR] [--limit N] [--no-metadata] [--json]``.

``--json`` scores our extractor only, with the same scorer run, and prints its quality
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
SCORER = SHARED / "bench" / "score_extraction.py"
OURS = "reader.read.formats.html:article_text"
BASELINE = "trafilatura_default"


# the scorer's one-line result: "LABEL F1 0.xxx  P 0.xxx  R 0.xxx  acc …"
_FIGURES = re.compile(r"\sF1 ([0-9.]+)\s+P ([0-9.]+)\s+R ([0-9.]+)\s")


def score(target: list[str], extra: list[str]) -> tuple[int, str]:
    """Run the shared scorer on one extractor: its exit code and its one-line result."""
    result = subprocess.run([sys.executable, str(SCORER), *target, *extra], cwd=REPO,
                            capture_output=True, text=True)
    return result.returncode, result.stdout.strip() or result.stderr.strip()


def figures(line: str) -> dict[str, float]:
    """The quality figures in the scorer's one-line result."""
    found = _FIGURES.search(line)
    if not found:
        raise ValueError(f"no F1/P/R in the scorer's output: {line!r}")
    return dict(zip(("f1", "precision", "recall"), map(float, found.groups())))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", help="benchmark folder (default: the scorer's own)")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--json", action="store_true",
                        help="score our extractor only; print its F1, precision and recall as JSON")
    parser.add_argument("--no-metadata", action="store_true", help="skip the bylines and dates")
    args = parser.parse_args()
    if not SCORER.exists():
        print(f"scorer not found at {SCORER}: the shared folder must sit beside the repository",
              file=sys.stderr if args.json else sys.stdout)
        return 1
    extra = ["--quiet"]
    if args.bench:
        extra += ["--bench", args.bench]
    if args.limit:
        extra += ["--limit", str(args.limit)]
    if args.json:
        code, line = score(["--callable", OURS], extra)
        if code:
            print(line, file=sys.stderr)
            return code
        try:
            print(json.dumps(figures(line)))
        except ValueError as error:
            print(error, file=sys.stderr)
            return 1
        return 0
    for target in (["--callable", OURS], [BASELINE]):
        code, line = score(target, extra)
        print(line)
        if code:
            return code
    if not args.no_metadata:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import metadata

        bench = Path(args.bench) if args.bench else SCORER.parent.parent / "data" / "extraction-dev"
        metadata.dev_figures(bench)
        metadata.page_figures()
    return 0


if __name__ == "__main__":
    sys.exit(main())
