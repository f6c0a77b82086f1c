"""The word lists organisation recognition reads: gazetteer, head nouns, non-organisations.

All three live in ``resources/`` (package ``reader.resources``) and are written from
general knowledge. They are loaded once, lazily, into plain dicts keyed by
*normalised token tuples* (see :func:`norm_token`), so that recognition is a matter of
dict look-ups on candidate token sequences. No Qt here.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache
from ..assets import resource

log = logging.getLogger(__name__)

_ISATION = re.compile(r"isation")
_TRANSLIT = re.compile(r"-[ie]-")


def norm_token(token: str) -> str:
    """Lower-case one token and fold spelling variants that name the same thing.

    ``Organisation``/``Organization`` -> ``organization``; the Urdu/Persian izafat
    ``-e-``/``-i-`` -> ``-e-`` (``Lashkar-i-Balochistan`` = ``Lashkar-e-Balochistan``);
    curly apostrophes -> straight; ``Co.`` -> ``co``.
    """
    key = token.lower().replace("’", "'").rstrip(".")
    if "isation" in key:
        key = _ISATION.sub("ization", key)
    if "-" in key:
        key = _TRANSLIT.sub("-e-", key)
        if key.startswith(("ul-", "al-")):
            key = key[3:]
    return key


def norm_name(name: str) -> str:
    """The normalised key of a whole name: its tokens normalised, joined by spaces."""
    return " ".join(norm_token(t) for t in name.split())


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer organisation: its canonical name and what it is."""

    name: str
    kind: str
    forms: tuple[str, ...] = ()  # its names of two words or more, as written


@dataclass(slots=True)
class Lexicon:
    # normalised token tuple -> (entry, needs_sport_context, the alias as written when it
    # matches only so ("LeT", "CBS"), common_word, possessive ("Lowe's"), needs the long
    # form in the text (an ambiguous acronym: "APP"))
    names: dict[tuple[str, ...], tuple[Entry, bool, str, bool, bool, bool]]
    first: dict[str, int]  # first normalised token -> longest name starting with it
    heads: dict[str, set[str]]  # head token (normalised) -> flags
    stop: frozenset[str]  # normalised tokens that never start or sit inside a name's left part
    titles: frozenset[tuple[str, ...]]
    places: frozenset[tuple[str, ...]]
    countries: frozenset[tuple[str, ...]]
    demonyms: frozenset[str]
    abbreviations: frozenset[str]
    not_org: frozenset[tuple[str, ...]]  # every listed phrase: never an organisation alone
    title_words: frozenset[str] = frozenset()
    given: frozenset[str] = frozenset()  # given names (normalised)


def _lines(name: str):
    text = resource(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#") or line.startswith("##"):
            yield line.rstrip()


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(norm_token(t) for t in phrase.split())


@cache
def lexicon() -> Lexicon:
    sections: dict[str, set[tuple[str, ...]]] = {}
    current = "stop"
    for line in _lines("not-organisations.txt"):
        if line.startswith("## "):
            current = line[3:].strip()
            continue
        sections.setdefault(current, set()).add(_key(line))
    countries = frozenset(sections.get("country", ()))
    places = frozenset(sections.get("place", ())) | countries
    heads: dict[str, set[str]] = {}
    for line in _lines("org-heads.txt"):
        word, *flags = line.split()
        heads.setdefault(norm_token(word), set()).update(flags)
    names: dict[tuple[str, ...], tuple[Entry, bool, str, bool, bool, bool]] = {}
    for line in _lines("organisations.tsv"):
        fields = line.split("\t")
        canonical = fields[0].strip()
        aliases = [a.strip() for a in fields[1].split("|")] if len(fields) > 1 and fields[1].strip() else []
        forms = tuple(f.lstrip("?~!") for f in [canonical, *aliases] if " " in f.strip())
        entry = Entry(canonical.lstrip("?~!"), fields[2].strip() if len(fields) > 2 else "", forms)
        for alias in [*aliases, canonical]:  # an alias's flags win over the bare canonical
            sport_only = alias.startswith("?")
            common = alias.startswith("~")
            supported = alias.startswith("!")
            alias = alias.lstrip("?~!")
            possessive = " " not in alias and alias.endswith(("'s", "’s"))
            key = _key(alias[:-2] if possessive else alias)
            if not key:
                continue
            if entry.kind == "sport" and key in places:
                sport_only = True
            # short acronyms match only as written: "LeT" is not "Let", "CBS" is not "CBs"
            caps_only = len(alias) <= 6 and " " not in alias and any(c.isupper() for c in alias[1:])
            names.setdefault(key, (entry, sport_only, alias.rstrip(".") if caps_only else "", common,
                                   possessive, supported))
    first: dict[str, int] = {}
    for key in names:
        first[key[0]] = max(first.get(key[0], 0), len(key))
    all_not = set()
    for phrases in sections.values():
        all_not |= phrases
    log.debug("organisation lists: %d names, %d head nouns, %d non-organisation phrases",
              len(names), len(heads), len(all_not))
    return Lexicon(
        names=names,
        first=first,
        heads=heads,
        stop=frozenset(k[0] for k in sections.get("stop", ()) | sections.get("time", ()) if len(k) == 1),
        titles=frozenset(sections.get("title", ())),
        places=places,
        countries=countries,
        demonyms=frozenset(k[0] for k in sections.get("demonym", ()) if len(k) == 1),
        abbreviations=frozenset(k[0] for k in sections.get("abbreviation", ()) if len(k) == 1),
        not_org=frozenset(all_not),
        title_words=frozenset(w for k in sections.get("title", ()) for w in k),
        given=frozenset(norm_token(w) for line in _lines("given-names.txt") for w in line.split()),
    )


@cache
def common_words(min_score: int = 44) -> frozenset[str]:
    """Frequent English words (``resources/words-en.txt.gz``, shared with the word joiner):
    an all-capital token that is one of these ("UNITED", "HILLS") is shouting, not an acronym."""
    import gzip

    words: set[str] = set()
    with gzip.open(resource("words-en.txt.gz"), "rt", encoding="utf-8") as fh:
        for line in fh:
            score, _, rest = line.partition("\t")
            if score.isdigit() and int(score) >= min_score:
                words.update(rest.split())
    return frozenset(words)
