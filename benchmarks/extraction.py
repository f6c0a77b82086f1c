"""HTML article extraction: F1 and pages/s of the reader's extractor, with trafilatura's
default as the baseline measured in the same run.

Runs ``../shared/bench/score_extraction.py`` (beside the repository) on
``reader.read.formats.html:article_text`` (HTML → the body text the reading pane shows, i.e.
``extract_html(html).text``: the title is shown apart from the body and the benchmark's
ground truth has no title, so none is prefixed) and on the ``trafilatura_default``
builtin. Usage: ``python benchmarks/extraction.py [--bench DIR] [--limit N]``.
"""
from __future__ import annotations

import argparse
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", help="benchmark folder (default: the scorer's own)")
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    if not SCORER.exists():
        print(f"scorer not found at {SCORER}: the shared folder must sit beside the repository")
        return 1
    extra = ["--quiet"]
    if args.bench:
        extra += ["--bench", args.bench]
    if args.limit:
        extra += ["--limit", str(args.limit)]
    for target in (["--callable", OURS], [BASELINE]):
        result = subprocess.run([sys.executable, str(SCORER), *target, *extra], cwd=REPO,
                                capture_output=True, text=True)
        print(result.stdout.strip() or result.stderr.strip())
        if result.returncode:
            return result.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
