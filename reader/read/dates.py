"""Dates as scraped files write them, normalised to ISO ``YYYY-MM-DD``.

``parse_date`` reads one date value (a metadata field, a ``<time datetime>``, a
``Published …`` line); ``date_from_url`` reads ``/2025/12/04/``-style paths.
Ambiguous all-numeric forms such as ``04/05/2025`` give ``None`` rather than a guess.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timezone
from email.utils import parsedate_tz

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"

_ISO = re.compile(r"(?<!\d)(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)")
_COMPACT = re.compile(r"^(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})(?:T|$)")
_MONTH_FIRST = re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE)
_DAY_FIRST = re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE)
_NUMERIC = re.compile(r"(?<![\d/.-])(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<year>\d{4})(?![\d/.-])")
_URL = re.compile(r"/(?P<year>(?:19|20)\d{2})[/-](?P<month>[01]?\d|[a-z]{3,9})[/-](?P<day>[0-3]?\d)(?:/|[-_]|\.|$)",
                  re.IGNORECASE)


def _make(year: int | str, month: int | str, day: int | str) -> str | None:
    try:
        value = date(int(year), int(month), int(day))
    except ValueError:
        return None
    if not 1900 <= value.year <= 2100:
        return None
    return value.isoformat()


def parse_date(value: object) -> str | None:
    """The first date found in ``value`` as ``YYYY-MM-DD``, or ``None``.

    Accepts ISO dates and timestamps, RFC 2822 (``Thu, 04 Dec 2025 10:00:00 +0000``),
    ``December 4, 2025``, ``4 Dec 2025``, ``Dec. 4th, 2025``, unambiguous
    ``31/12/2025``, and Unix timestamps given as numbers (seconds or milliseconds).
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return _from_timestamp(float(value))
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    if text.isdigit() and len(text) in (10, 13):
        return _from_timestamp(float(text))
    match = _COMPACT.match(text)
    if match:
        return _make(*match.group("year", "month", "day"))
    match = _ISO.search(text)
    if match:
        return _make(*match.group("year", "month", "day"))
    rfc = parsedate_tz(text) if "," in text or re.search(r"\d{2}:\d{2}", text) else None
    if rfc and rfc[0] > 0:
        return _make(rfc[0], rfc[1], rfc[2])
    for pattern in (_MONTH_FIRST, _DAY_FIRST):
        match = pattern.search(text)
        if match:
            month = _MONTHS[match.group("month").lower()]
            return _make(match.group("year"), month, match.group("day"))
    match = _NUMERIC.search(text)
    if match:
        first, second = int(match.group("a")), int(match.group("b"))
        if first > 12 >= second:
            return _make(match.group("year"), second, first)
        if second > 12 >= first:
            return _make(match.group("year"), first, second)
    return None


def date_from_url(url: str) -> str | None:
    """A date written into a URL path (``/2019/11/18/``, ``/2019/nov/18/``), or ``None``."""
    for match in _URL.finditer(url or ""):
        month = match["month"]
        month = month if month.isdigit() else _MONTHS.get(month.lower())
        if month:
            return _make(match["year"], month, match["day"])
    return None


def _from_timestamp(seconds: float) -> str | None:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    if not 0 < seconds < 4.2e9:
        return None
    return datetime.fromtimestamp(seconds, tz=timezone.utc).date().isoformat()


# The shape a date takes inside running text (the metadata lifter finds it, parse_date reads it).
_TEXT_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_TEXT_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+"


DATE_PATTERN = (
    r"(?:\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{4}/\d{1,2}/\d{1,2}"
    rf"|(?:{_TEXT_WEEKDAY})?{_TEXT_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|(?:{_TEXT_WEEKDAY})?\d{{1,2}}(?:st|nd|rd|th)?\s+{_TEXT_MONTH},?\s+\d{{4}})"
)
