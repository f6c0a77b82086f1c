"""Dates as news pages write them → ISO ``YYYY-MM-DD``."""
from __future__ import annotations

import re
from datetime import date

_MONTHS = {m: i for i, names in enumerate((
    (), ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec"))) for m in names}
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+"

# The pattern a date takes inside running text (used by the metadata lifter).
DATE_PATTERN = (
    r"(?:\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{4}/\d{1,2}/\d{1,2}"
    rf"|(?:{_DAY})?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|(?:{_DAY})?\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}})"
)

_ISO = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})")
_MDY = re.compile(rf"(?:{_DAY})?({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", re.I)
_DMY = re.compile(rf"(?:{_DAY})?(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH}),?\s+(\d{{4}})", re.I)
_URL = re.compile(r"/(\d{4})/(\d{1,2})/(\d{1,2})(?:/|$)")


def parse_date(value: str | None) -> str | None:
    """The first date in ``value`` as ``YYYY-MM-DD``, or None. Accepts ISO 8601,
    ``2025/12/04``, ``December 4, 2025``, ``Thu, 4 Dec 2025 10:00:00 GMT``…"""
    if not value:
        return None
    value = value.strip()
    candidates = []
    if m := _ISO.search(value):
        candidates.append((m.start(), int(m[1]), int(m[2]), int(m[3])))
    if m := _MDY.search(value):
        candidates.append((m.start(), int(m[3]), _MONTHS[m[1].lower().rstrip(".")], int(m[2])))
    if m := _DMY.search(value):
        candidates.append((m.start(), int(m[3]), _MONTHS[m[2].lower().rstrip(".")], int(m[1])))
    for _, y, mo, d in sorted(candidates):
        if iso := _valid(y, mo, d):
            return iso
    return None


def date_from_url(url: str | None) -> str | None:
    """``https://example.com/2025/12/04/story`` → ``2025-12-04``."""
    if url and (m := _URL.search(url)):
        return _valid(int(m[1]), int(m[2]), int(m[3]))
    return None


def _valid(y: int, mo: int, d: int) -> str | None:
    try:
        return date(y, mo, d).isoformat() if 1900 <= y <= 2100 else None
    except ValueError:
        return None
