"""Bylines and dates of HTML pages: the reader's against trafilatura's metadata
extraction, measured in the same run.

The dev pages' ground truth (``shared/data/extraction-dev``) holds each page's body
and URL, no byline and no date. So dates are scored on the pages whose URL spells out a
full date (``/2019/11/18/``), against that date, with neither extractor given the URL;
bylines can only be counted there (how many pages get one, how often the two agree).
Both are also scored on the hand-written pages in ``tests/pages/`` that state an
expected byline or date (written for this project: a check of the rules, not a
held-out measure). Usage: ``python benchmarks/metadata.py [--bench DIR]``.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
BENCHES = [base / "shared" / "data" / "extraction-dev" for base in (REPO.parent, REPO.parent.parent)]
PAGES = REPO / "tests" / "pages"
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-]([01]?\d)[/-]([0-3]?\d)(?:[/_.-]|$)")


def ours(html: str) -> tuple[str | None, list[str]]:
    from reader.read.formats.html import extract_html

    try:
        article = extract_html(html)
    except Exception:  # a page we cannot read scores as nothing found
        return None, []
    return article.date, list(article.authors)


def theirs(html: str) -> tuple[str | None, list[str]]:
    from trafilatura.metadata import extract_metadata

    found = extract_metadata(html)
    authors = [name.strip() for name in (found.author or "").split(";") if name.strip()]
    return found.date, authors


def _url_date(url: str) -> str | None:
    match = _URL_DATE.search(url)
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def _names(authors: list[str]) -> set[str]:
    return {" ".join(name.lower().split()) for name in authors}


def dev_figures(bench: Path) -> None:
    truth = json.loads((bench / "ground-truth.json").read_text("utf-8"))
    dated, right, bylined, agree, pages = 0, {"ours": 0, "trafilatura": 0}, {"ours": 0, "trafilatura": 0}, 0, 0
    for key, entry in truth.items():
        with gzip.open(bench / "html" / f"{key}.html.gz", "rt", encoding="utf-8") as file:
            html = file.read()
        results = {"ours": ours(html), "trafilatura": theirs(html)}
        pages += 1
        for name, (_, authors) in results.items():
            bylined[name] += bool(authors)
        agree += _names(results["ours"][1]) == _names(results["trafilatura"][1])
        expected = _url_date(entry.get("url", ""))
        if expected:
            dated += 1
            for name, (date, _) in results.items():
                right[name] += date == expected
    print(f"dev pages: {pages}; dated by their URL: {dated} (the ground truth has no dates or bylines)")
    for name in ("ours", "trafilatura"):
        print(f"  {name:<12} dates right {right[name]}/{dated}   pages with a byline {bylined[name]}/{pages}")
    print(f"  bylines the same (names, any case) on {agree}/{pages} pages")


def page_figures() -> None:
    right = {"ours": [0, 0], "trafilatura": [0, 0]}  # [bylines, dates]
    counts = [0, 0]
    for expectation in sorted(PAGES.glob("*.json")):
        expected = json.loads(expectation.read_text("utf-8"))
        if "authors" not in expected and "date" not in expected:
            continue
        html = expectation.with_suffix(".html").read_text("utf-8")
        results = {"ours": ours(html), "trafilatura": theirs(html)}
        for name, (date, authors) in results.items():
            if "authors" in expected:
                right[name][0] += authors == expected["authors"]
            if "date" in expected:
                right[name][1] += date == expected["date"]
        counts[0] += "authors" in expected
        counts[1] += "date" in expected
    print(f"tests/pages: {counts[0]} pages with an expected byline, {counts[1]} with a date")
    for name, (bylines, dates) in right.items():
        print(f"  {name:<12} bylines exactly right {bylines}/{counts[0]}   dates right {dates}/{counts[1]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, help="benchmark folder (default: the shared dev pages)")
    args = parser.parse_args()
    bench = args.bench or next((path for path in BENCHES if path.exists()), None)
    if bench is None:
        print("dev pages not found: the shared folder must sit beside the repository")
        return 1
    dev_figures(bench)
    page_figures()
    return 0


if __name__ == "__main__":
    sys.exit(main())
