"""Bylines and dates of HTML pages: the reader's against trafilatura's metadata
extraction, measured in the same run.

The dev pages' ground truth (``shared/data/extraction-dev``) holds each page's body
and URL, no byline and no date. So both are compared, and where the two extractors
differ, each answer is judged against the page itself at scoring time; nothing of the
dev pages is stored.

Bylines (:func:`judged`): a byline is right when the page shows each of its names as a
credit (after "By"/"Author:", or in an element marked author/byline outside the
comments) spelt as a name (capitalised: a site account shown as "by admin" is not one; a
month or a job title such as "Writer" is no part of a name);
no byline is right when the other's is not so shown.

Dates (:func:`judged_dates`), on every page: trafilatura's date is
``extract_metadata(...).date`` (htmldate inside it). Where it and ours differ, each is
judged against the publication dates the page states (:func:`stated_dates`, a reading
written here, sharing no code with either extractor): the ``content`` of
``article:published_time``-style metas and of ``itemprop=datePublished``, JSON-LD
``datePublished``/``dateCreated`` values, the ``datetime`` and the text of ``<time>``
elements and of elements marked date/timestamp/published/pubdate/dateline, dates written
after "Published"/"Posted"/"Posted on" in the visible text, and the first date written
in the 300 characters of visible text after the first ``<h1>`` (the article's header),
skipping one written after "Updated"; never a date marked
modified/updated, nor one inside comments, related-story lists, ``<aside>``, ``<nav>``
or ``<footer>``. A date is right when it is the calendar day of one of them as written
(``2019-11-19T04:58:46Z`` states the 19th), or the day before a timestamp stated in
UTC (a page in the Americas shows the 18th for it), and not later than the day it is
scored (an event's date in the text is no publication date); no date is right when the
page states none. The date in the URL (``/2019/11/18/``) is scored as before, on the pages
whose URL spells one, with neither extractor given the URL. Where the two agree, the
script also says how many of the agreed dates the page states (a check, not a score).
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
from datetime import date as date_type, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
BENCHES = [base / "shared" / "data" / "extraction-dev" for base in (REPO.parent, REPO.parent.parent)]
PAGES = REPO / "tests" / "pages"
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-]([01]?\d)[/-]([0-3]?\d)(?:[/_.-]|$)")


def ours(html: str, url: str | None = None) -> tuple[str | None, list[str]]:
    from reader.read.formats.html import extract_html

    try:
        article = extract_html(html, url)
    except Exception:  # a page we cannot read scores as nothing found
        return None, []
    return article.date, list(article.authors)


def theirs(html: str, url: str | None = None) -> tuple[str | None, list[str]]:
    from trafilatura.metadata import extract_metadata

    found = extract_metadata(html, default_url=url)
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


_CUE = re.compile(r"(?i)\b(?:by|author|authors|written by|posted by|reporting by)\b\s*:?\s*")
_MARKED = re.compile(r"(?i)author|byline|by-line|\bcreator\b")
_PUNCT = re.compile(r"[^\w\s]+")


def _norm(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", text).split())


# a month (a date read on into the name: "Ann Lee November") or a job title ("AP Auto
# Writer") is not part of a name
_NOT_A_NAME = re.compile(r"\b(?:january|february|march|april|june|july|august|september|october"
                         r"|november|december|writer|editor|correspondent|reporter|columnist)\b")


def _credits(html: str) -> list[str]:
    """The page's visible byline texts: what follows a "By"/"Author:" cue (80 characters),
    and the text of elements marked author/byline (class, id, itemprop, rel), outside
    scripts, forms and comment sections; case kept."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except Exception:  # noqa: BLE001 - an unreadable page shows no credit
        return []
    for element in tree.xpath("//script|//style|//noscript|//template|//head|//form"):
        element.drop_tree()
    for element in tree.xpath("//*[@class or @id]"):
        marks = f'{element.get("class", "")} {element.get("id", "")}'.lower()
        if "comment" in marks and element.getparent() is not None:
            element.drop_tree()
    zones = []
    text = " ".join(" ".join(tree.itertext()).split())  # (a space between elements' texts)
    for match in _CUE.finditer(text):
        zones.append(text[match.end():match.end() + 80])
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        marks = " ".join(element.get(name, "") for name in ("class", "id", "itemprop", "rel"))
        if _MARKED.search(marks):
            zones.append(" ".join(" ".join(element.itertext()).split())[:200])
    return [_norm(zone) for zone in zones if zone]


def _credited(name: str, zones: list[str]) -> bool:
    """The page shows ``name`` as a credit, spelt as a name: each word capitalised where
    the page shows it (a lower-case "admin" is an account, not a byline)."""
    key = _norm(name).lower()
    if not key or _NOT_A_NAME.search(key):
        return False
    for zone in zones:
        at = zone.lower().find(key)
        while at >= 0:
            shown = zone[at:at + len(key)]
            before, after = zone[at - 1:at] if at else " ", zone[at + len(key):at + len(key) + 1] or " "
            if not before.isalnum() and not after.isalnum() and all(w[:1].isupper() for w in shown.split()
                                                                    if w.isalpha() and len(w) > 3):
                return True
            at = zone.lower().find(key, at + 1)
    return False


def judged(ours_: list[str], theirs_: list[str], html: str) -> tuple[bool, bool]:
    """(ours right, trafilatura's right) for a page where the two bylines disagree."""
    zones = _credits(html)
    shown = {name: bool(names) and all(_credited(n, zones) for n in names)
             for name, names in (("ours", ours_), ("theirs", theirs_))}
    return (shown["ours"] or (not ours_ and not shown["theirs"]),
            shown["theirs"] or (not theirs_ and not shown["ours"]))


_MONTHS = {name: number for number, names in enumerate((
    "jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
    "aug august", "sep sept september", "oct october", "nov november", "dec december"), start=1)
    for name in names.split()}
_MONTH_NAME = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WRITTEN = (
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)[-/.](?P<month>[01]?\d)[-/.](?P<day>[0-3]?\d)(?!\d)"),
    re.compile(rf"(?i)\b{_MONTH_NAME}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(rf"(?i)(?<!\d)(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\.?\s+(?:of\s+)?{_MONTH_NAME},?\s+(?P<year>(?:19|20)\d\d)\b"),
)
_IN_UTC = re.compile(r"(?i)\d(?:\.\d+)?\s*(?:Z|[+-]00:?00|GMT|UTC)\b")
_PUBLISHED_KEY = re.compile(r"(?i)published|pubdate|publish-date|publish_date|dateline|post-date|posted-on"
                            r"|date-?created|article:published|dc\.date|(?<![a-z])(?:date|timestamp)(?![a-z])")
_NOT_PUBLISHED = re.compile(r"(?i)modif|updat|revis|expir")
_ELSEWHERE = re.compile(r"(?i)comment|related|recommend|popular|trending|sidebar|more-stories|read-next")
_UPDATED = re.compile(r"(?i)\b(?:updated|modified|edited)\b.{0,30}?(?:19|20)\d\d")
_WHOLE = ("html", "body", "main", "article")  # their classes describe the page ("comments-open")
_DATE_CUE = re.compile(r"(?i)\b(?:published|posted|posted on|first published)\b\s*(?:on|:)?\s*")
_LD_DATE = re.compile(r'"(?:datePublished|dateCreated)"\s*:\s*"([^"]{6,60})"')


def _written_date(text: str) -> tuple[int, int, int] | None:
    """The first calendar day written in ``text`` (ISO, "Nov 19, 2019", "19 November
    2019"), as (year, month, day); the judge's own reading, not either extractor's."""
    found = []
    for pattern in _WRITTEN:
        match = pattern.search(text)
        if match:
            month = match["month"]
            month = int(month) if month.isdigit() else _MONTHS[month.lower()]
            found.append((match.start(), int(match["year"]), month, int(match["day"])))
    for _, year, month, day in sorted(found):
        try:
            date_type(year, month, day)
        except ValueError:
            continue
        return year, month, day
    return None


def stated_dates(html: str) -> set[str]:
    """The publication days the page states (see the module's docstring), ISO; a
    timestamp stated in UTC also allows the day before."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except Exception:  # noqa: BLE001 - an unreadable page states nothing
        return set()
    values: list[str] = [match.group(1) for script in tree.iter("script")
                         if "ld+json" in (script.get("type") or "").lower()
                         for match in _LD_DATE.finditer(script.text or "")]
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        marks = " ".join(element.get(name, "") for name in ("property", "name", "itemprop", "class", "id"))
        if element.tag in ("script", "style"):
            continue
        if (_NOT_PUBLISHED.search(marks) and not _PUBLISHED_KEY.search(marks)) or _hidden_zone(element):
            continue
        if element.tag == "meta":
            if _PUBLISHED_KEY.search(marks) or marks.strip().lower() in ("date", "datepublished"):
                values.append(element.get("content", ""))
        elif element.tag == "time" or _PUBLISHED_KEY.search(marks):
            values.append(element.get("datetime", "") or element.get("content", ""))
            shown = " ".join(" ".join(element.itertext()).split())[:120]
            if not re.match(r"(?i)(?:last\s+)?(?:updated|modified|edited)\b", shown):
                values.append(shown)
    for element in tree.xpath("//script|//style|//noscript|//template|//head|//aside|//nav|//footer"):
        element.drop_tree()
    for element in tree.xpath("//*[@class or @id]"):
        if (_ELSEWHERE.search(f'{element.get("class", "")} {element.get("id", "")}')
                and element.tag not in _WHOLE and element.getparent() is not None):
            element.drop_tree()
    text = " ".join(" ".join(tree.itertext()).split())
    values.extend(text[match.end():match.end() + 60] for match in _DATE_CUE.finditer(text))
    heading = tree.find(".//h1")
    if heading is not None:  # the article's header: the first date shown under its headline
        title = " ".join(heading.text_content().split())
        at = text.find(title) if title else -1
        if at >= 0:
            header = text[at + len(title):at + len(title) + 300]
            values.append(_UPDATED.sub(" ", header))  # ("Updated May 20, 2023 · Published …")
    days: set[str] = set()
    for value in values:
        found = _written_date(value or "")
        if not found or date_type(*found) > date_type.today():
            continue                    # (nothing is published later than it is scored)
        day = date_type(*found)
        days.add(day.isoformat())
        if _IN_UTC.search(value):
            days.add((day - timedelta(days=1)).isoformat())
    return days


def _hidden_zone(element) -> bool:
    """Inside comments, related-story lists, an aside, a nav or a footer."""
    for ancestor in element.iterancestors():
        marks = f'{ancestor.get("class", "")} {ancestor.get("id", "")}'
        if ancestor.tag in ("aside", "nav", "footer") or (ancestor.tag not in _WHOLE and _ELSEWHERE.search(marks)):
            return True
    return False


def judged_dates(ours_: str | None, theirs_: str | None, html: str) -> tuple[bool, bool]:
    """(ours right, trafilatura's right) for a page where the two dates differ."""
    stated = stated_dates(html)
    return ((ours_ in stated) if ours_ else not stated, (theirs_ in stated) if theirs_ else not stated)


def dev_figures(bench: Path) -> None:
    truth = json.loads((bench / "ground-truth.json").read_text("utf-8"))
    dated, right, bylined, agree, pages = 0, {"ours": 0, "trafilatura": 0}, {"ours": 0, "trafilatura": 0}, 0, 0
    disputed, won = 0, {"ours": 0, "trafilatura": 0}
    dates = {"agree": 0, "confirmed": 0, "disputed": 0, "ours": 0, "trafilatura": 0,
             "given": {"ours": 0, "trafilatura": 0}}
    for key, entry in truth.items():
        with gzip.open(bench / "html" / f"{key}.html.gz", "rt", encoding="utf-8") as file:
            html = file.read()
        results = {"ours": ours(html), "trafilatura": theirs(html)}
        pages += 1
        for name, (date, authors) in results.items():
            bylined[name] += bool(authors)
            dates["given"][name] += bool(date)
        same = _names(results["ours"][1]) == _names(results["trafilatura"][1])
        agree += same
        if not same:
            verdict = judged(results["ours"][1], results["trafilatura"][1], html)
            disputed += 1
            won["ours"] += verdict[0]
            won["trafilatura"] += verdict[1]
        our_date, their_date = results["ours"][0], results["trafilatura"][0]
        if our_date == their_date:
            dates["agree"] += 1
            dates["confirmed"] += judged_dates(our_date, their_date, html)[0]
        else:
            verdict = judged_dates(our_date, their_date, html)
            dates["disputed"] += 1
            dates["ours"] += verdict[0]
            dates["trafilatura"] += verdict[1]
        expected = _url_date(entry.get("url", ""))
        if expected:
            dated += 1
            for name, (date, _) in results.items():
                right[name] += date == expected
    print(f"dev pages: {pages}; dated by their URL: {dated} (the ground truth has no dates or bylines)")
    for name in ("ours", "trafilatura"):
        print(f"  {name:<12} dates right by the URL {right[name]}/{dated}   pages with a date "
              f"{dates['given'][name]}/{pages}   pages with a byline {bylined[name]}/{pages}")
    print(f"  dates the same on {dates['agree']}/{pages} pages (of which the page states "
          f"{dates['confirmed']}: a check, not a score)")
    print(f"  where they differ ({dates['disputed']} pages), right by the page's stated publication date: "
          f"ours {dates['ours']}/{dates['disputed']}, trafilatura {dates['trafilatura']}/{dates['disputed']}")
    print(f"  bylines the same (names, any case) on {agree}/{pages} pages")
    print(f"  where they differ ({disputed} pages), right by the page's visible credit: "
          f"ours {won['ours']}/{disputed}, trafilatura {won['trafilatura']}/{disputed}")
    print(f"  pages with the same byline, or the right one where they differ: ours "
          f"{agree + won['ours']}/{pages}, trafilatura {agree + won['trafilatura']}/{pages} "
          "(not a score: where both agree, neither is checked)")


def page_figures() -> None:
    right = {"ours": [0, 0], "trafilatura": [0, 0]}  # [bylines, dates]
    counts = [0, 0]
    for expectation in sorted(PAGES.glob("*.json")):
        expected = json.loads(expectation.read_text("utf-8"))
        if "authors" not in expected and "date" not in expected:
            continue
        html = expectation.with_suffix(".html").read_text("utf-8")
        url = expected.get("url")  # (a page's own URL, as tests/test_pages.py gives it)
        results = {"ours": ours(html, url), "trafilatura": theirs(html, url)}
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
