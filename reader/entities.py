"""Organisations: find every mention in a text, merge each organisation's names.

Rules, not a model (fast, deterministic, no download). Candidate spans come from

* the gazetteer (``resources/organisations.tsv``: well-known bodies and their aliases),
* head nouns (``resources/org-heads.txt``: "... Army", "Ministry of ...", "... Corp",
  "Lashkar-e-..."), names joined by "&", cue words ("the newspaper Dawn"),
* acronym definitions in both orders, ``Long Name (ACR)`` and ``ACR (Long Name)``,
* bare all-capital acronyms that are not common words,

with ``resources/not-organisations.txt`` (places, titles, days, months, function words)
keeping those words out; then every other occurrence of a name recognised once is marked
too. The rules are in :mod:`reader.entities_scan`.

Merging within a text: acronym <-> long form, spelling variants folded by
:func:`reader.entities_lexicon.norm_token` (``-e-``/``-i-``, Organisation/Organization),
long forms that define the same acronym and differ only in word endings (``Baloch`` /
``Balochistan Liberation Army (BLA)``). Canonical name: the most complete long form seen.
Across a folder: :class:`OrganisationIndex`.
"""
from __future__ import annotations

from .entities_index import IndexEntry, OrganisationIndex
from .entities_scan import Scan
from .record import Mention, Organisation

__all__ = [
    "find_organisations", "organisations_of", "group_organisations", "org_spans",
    "OrganisationIndex", "IndexEntry",
]


def find_organisations(text: str) -> list[Mention]:
    """Every organisation mention in ``text``: sorted by start, non-overlapping, each with
    the canonical name of its organisation (merged within this text)."""
    scan = Scan(text)
    spans = scan.spans()
    names = scan.names()
    find = scan.find
    return [Mention(s, e, text[s:e], names[find(org)]) for s, e, org in spans]


def organisations_of(text: str) -> tuple[Organisation, ...]:
    """The organisations ``text`` names, in order of first mention."""
    return group_organisations(find_organisations(text))


def group_organisations(mentions: list[Mention]) -> tuple[Organisation, ...]:
    """Group mentions by canonical name; aliases: the other surface forms, in order seen."""
    by_name: dict[str, list[Mention]] = {}
    for m in mentions:
        by_name.setdefault(m.name, []).append(m)
    return tuple(
        Organisation(name, tuple(dict.fromkeys(m.text for m in ms if m.text != name)), tuple(ms))
        for name, ms in by_name.items()
    )


def org_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every mention: the adapter for ``shared/bench/score_orgs.py``."""
    return [(s, e) for s, e, _ in Scan(text).spans()]
