"""Organisations: find every mention in a text, merge each organisation's names.

Rules, not a model (fast, deterministic, no download). Candidate spans come from

* the gazetteer (``resources/organisations.tsv``: well-known bodies and their aliases),
* head nouns (``resources/org-heads.txt``: "... Army", "Ministry of ...", "... Corp",
  "Lashkar-e-..."), names joined by "&", cue words ("the newspaper Dawn"),
* acronym definitions in both orders, ``Long Name (ACR)`` and ``ACR (Long Name)``,
* company cues around a name ("a spokesperson for X", "X's chief executive", "data from
  X", "X-owned"), the members of a list headed by an organisation word ("start-ups such
  as A, B and C"), mixed-case brands ("SpaceX", "SoFi"), cities playing a side in a match
  report ("Denver beat Phoenix 110-98"),
* bare all-capital acronyms of four letters or more that are not common words or a
  domain's abbreviations; shorter ones only with evidence ("the BLA claimed", "KNP
  members"),

with ``resources/not-organisations.txt`` (places, titles, days, months, function words)
keeping those words out; then every other occurrence of a name recognised once is marked
too, except the surname of a person the text named in full ("Adam Neumann" ... "Neumann").
Every mention says why it was made (``Mention.why``). The rules are in
:mod:`reader.organisations.scan`, :mod:`~reader.organisations.cues` and
:mod:`~reader.organisations.acronyms`.

Merging within a text: acronym <-> long form, spelling variants folded by
:func:`reader.organisations.lexicon.norm_token` (``-e-``/``-i-``, Organisation/Organization),
long forms that define the same acronym and differ only in word endings (``Baloch`` /
``Balochistan Liberation Army (BLA)``). Canonical name: the most complete long form seen.
Across a folder: :class:`OrganisationIndex`; :func:`with_folder_names` marks, when an
article is shown, the names the folder knows but this article gives no evidence for.
"""
from __future__ import annotations

from dataclasses import replace

from .index import IndexEntry, OrganisationIndex
from .lexicon import common_words, lexicon, norm_token
from .acronyms import initials_match
from .scan import Scan
from ..record import Article, Mention, Organisation

__all__ = [
    "find_organisations", "organisations_of", "group_organisations", "org_spans",
    "OrganisationIndex", "IndexEntry", "with_folder_names", "folder_names",
]


def find_organisations(text: str) -> list[Mention]:
    """Every organisation mention in ``text``: sorted by start, non-overlapping, each with
    the canonical name of its organisation (merged within this text)."""
    scan = Scan(text)
    spans = scan.spans()
    names = scan.names()
    find = scan.find
    why = scan.why
    return [Mention(s, e, text[s:e], names[find(org)], why.get(s, "")) for s, e, org in spans]


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


FOLDER = "named so in another article of the folder"


def with_folder_names(article: Article, index: OrganisationIndex) -> Article:
    """``article`` with its organisations completed by the folder: every name ``index``
    knows (see :func:`folder_names`) that occurs in the text unmarked becomes a mention.
    It joins the article's organisation the index says it belongs to, else a new
    organisation named by the index. The same ``article`` when nothing is added.
    Cheap enough to call whenever an article is shown (read the index under its lock)."""
    known, first = index.derived(folder_names)
    if not known:
        return article
    text = article.text
    taken = sorted((m.start, m.end, "") for org in article.organisations for m in org.mentions)
    found = Scan.bare(text).mark_known(known, first, taken)
    if not found:
        return article
    own: dict[str, int] = {}  # index name -> position of the article's organisation
    for i, org in enumerate(article.organisations):
        for form in (org.name, *org.aliases):
            entry = index.entry_for(form)
            if entry is not None:
                own.setdefault(entry.name, i)
                break
    orgs = [[org.name, list(org.aliases), list(org.mentions)] for org in article.organisations]
    for start, end, name in sorted(found):
        i = own.get(name)
        if i is None:
            i = own[name] = len(orgs)
            orgs.append([name, [], []])
        surface = text[start:end]
        orgs[i][2].append(Mention(start, end, surface, orgs[i][0], FOLDER))
        if surface != orgs[i][0] and surface not in orgs[i][1]:
            orgs[i][1].append(surface)
    return replace(article, organisations=tuple(
        Organisation(name, tuple(aliases), tuple(sorted(ms, key=lambda m: m.start)))
        for name, aliases, ms in orgs))


def folder_names(entries: list[IndexEntry]):
    """The names worth marking in every article of a folder, from its index entries:
    -> (normalised token tuple -> (canonical name, capitals only), first token -> longest).

    Multi-word names always (not places, titles or other listed non-organisations); a
    single word only when it is an acronym the folder defines (a long form of the same
    organisation spells it out), matched as written, or the distinctive first word of a
    company's long form ("Magna" of "Magna International Inc.") that some article used
    alone; never a common English word."""
    lex = lexicon()
    common = common_words()
    known: dict[tuple[str, ...], tuple[str, bool]] = {}

    def bad(key: tuple[str, ...]) -> bool:
        return (key in lex.not_org or key in lex.places or key in lex.titles
                or all(k in lex.stop or k in lex.demonyms for k in key))

    for entry in entries:
        forms = (entry.name, *entry.aliases)
        longs = [f.split() for f in forms if " " in f.strip()]
        for form in forms:
            toks = form.split()
            if not toks:
                continue
            key = tuple(norm_token(t) for t in toks)
            if len(key) > 1 and key[0] == "the":
                key = key[1:]
            if bad(key):
                continue
            if len(key) > 1:
                known.setdefault(key, (entry.name, False))
                continue
            word = toks[0]
            if key[0] in lex.stop or len(word) < 2:
                continue
            if word.isupper() and word.isalpha():
                if any(initials_match(word, t) for t in longs):
                    known.setdefault(key, (entry.name, True))
            elif (word[0].isupper() and len(word) > 2 and key[0] not in common
                    and any(norm_token(t[0]) == key[0] for t in longs if len(t) > 1)):
                known.setdefault(key, (entry.name, False))
    first: dict[str, int] = {}
    for key in known:
        first[key[0]] = max(first.get(key[0], 0), len(key))
    return known, first
