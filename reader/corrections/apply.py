"""The article as the user's corrections say it should read.

:func:`apply` is pure: the recogniser's article in, the corrected article out (the same
object when the corrections do not touch it). Mentions whose text is refused go, and an
organisation left without mentions goes with them; every name or alias of an entry is
found as whole words, exactly as written, and its mentions, with those of any
organisation the recogniser found under one of those names, become one organisation
named as the entry says, marked ``source="correction"``.

Speed: a :class:`Corrector` is built once per corrections value: one regular expression
for all the entries' names, shaped as a trie (shared prefixes written once, so a
hundred names cost little more than one), and one set of the names that decide whether
an article's own organisations are touched. An article none of whose mentions is named
there and whose text the expression does not match is returned as it is. No Qt here.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from typing import Iterable

from ..record import Article, Mention, Organisation
from .model import Corrections

RECOGNISER = "recogniser"
CORRECTION = "correction"
WHY = "your corrections"  # Mention.why of a mention only a correction made

_SPACE = re.compile(r"\s+")
_last: tuple = (None, None)  # the last corrections value apply() saw, and its Corrector


def apply(article: Article, corrections: Corrections) -> Article:
    """``article`` with ``corrections`` applied (``article`` itself when none touches it)."""
    global _last
    last = _last  # one read and one write of a pair: safe from any thread
    if last[0] is not corrections:
        last = _last = (corrections, Corrector(corrections))
    return last[1].apply(article)


def apply_all(articles: Iterable[Article], corrections: Corrections) -> list[Article]:
    """Every article of ``articles`` corrected, in order."""
    correct = Corrector(corrections).apply
    return [correct(a) for a in articles]


def recorrect(articles: Iterable[Article], old: Corrections, new: Corrections) -> dict[str, Article]:
    """key -> the article as ``new`` corrects it, for each of ``articles`` (as the
    recogniser gave them) that may read otherwise under ``old``; every other article
    reads the same under both. What the window runs after an edit, an undo or a redo:
    only the difference between the two values is looked for in every article, so one
    edit costs about the same however many corrections are stored."""
    probe = Corrector(difference(old, new))
    correct = Corrector(new).apply
    return {a.key: correct(a) for a in articles if probe.touches(a)}


def difference(old: Corrections, new: Corrections) -> Corrections:
    """The entries and refusals that are in one of ``old`` and ``new`` but not the other:
    an article none of them touches is corrected the same by both."""
    olds, news = set(old.organisations), set(new.organisations)
    refused_old, refused_new = set(old.not_organisations), set(new.not_organisations)
    return Corrections(
        tuple([e for e in old.organisations if e not in news] + [e for e in new.organisations if e not in olds]),
        tuple([n for n in old.not_organisations if n not in refused_new]
              + [n for n in new.not_organisations if n not in refused_old]))


class Corrector:
    """One corrections value, compiled; :meth:`apply` corrects one article."""

    __slots__ = ("corrections", "refused", "forms", "names", "keys", "pattern")

    def __init__(self, corrections: Corrections):
        self.corrections = corrections
        self.refused = frozenset(corrections.not_organisations)
        self.forms: dict[str, int] = {}  # every name and alias -> index of its entry
        for i, entry in enumerate(corrections.organisations):
            for form in entry.forms:
                self.forms.setdefault(form, i)
        self.names = [entry.name for entry in corrections.organisations]
        self.keys = self.refused | self.forms.keys()  # a mention named here is touched
        self.pattern = _whole_words(self.forms) if self.forms else None

    def changed(self, articles: Iterable[Article]) -> dict[str, Article]:
        """key -> corrected article, for the articles the corrections change."""
        out = {}
        correct = self.apply
        for article in articles:
            fixed = correct(article)
            if fixed is not article:
                out[article.key] = fixed
        return out

    def apply(self, article: Article) -> Article:
        touched, text, first = self._probe(article)
        return self._correct(article, text, first) if touched else article

    def touches(self, article: Article) -> bool:
        """Whether the corrections may change ``article`` (False: they certainly do not)."""
        return self._probe(article)[0]

    def _probe(self, article: Article) -> tuple[bool, str, re.Match | None]:
        keys = self.keys
        if not keys:
            return False, "", None
        for org in article.organisations:  # aliases: every surface but the name
            if org.name in keys or not keys.isdisjoint(org.aliases):
                return True, article.text, None
        if self.pattern is None:
            return False, "", None
        text = article.text
        first = self.pattern.search(text)
        return first is not None, text, first

    def _correct(self, article: Article, text: str, first: re.Match | None = None) -> Article:
        refused, forms, keys = self.refused, self.forms, self.keys
        # what stays of the recogniser's organisations: [org, its mentions that stay, or
        # None for all of them]; and the mentions each entry takes over (entry -> list)
        units: list[list] = []
        taken: dict[int, list[Mention]] = {}
        touched = False
        for org in article.organisations:
            if org.name not in keys and keys.isdisjoint(org.aliases):
                units.append([org, None])
                continue
            touched = True
            claim = forms.get(org.name)
            if claim is None:
                claim = next((forms[a] for a in org.aliases if a in forms), None)
            own = []
            for m in org.mentions:
                surface = _norm(m.text)
                if surface in refused:
                    continue
                entry = forms.get(surface, claim)
                if entry is None:
                    own.append(m)
                else:
                    taken.setdefault(entry, []).append(m)
            if own:
                units.append([org, own])
        added = self._found(text, units, taken, first) if self.pattern is not None else ()
        if not touched and not added:
            return article  # a name matched only inside a longer mention
        for s, e, entry in added:
            taken.setdefault(entry, []).append(
                Mention(start=s, end=e, text=text[s:e], name=self.names[entry], why=WHY))
        return replace(article, organisations=self._organisations(units, taken))

    def _found(self, text: str, units: list[list], taken: dict[int, list[Mention]],
               first: re.Match | None) -> list:
        """Whole-word matches of the entries' names that no staying mention covers, as
        (start, end, entry); a staying mention a match overlaps without covering it goes."""
        matches = []
        forms = self.forms
        search = self.pattern.search
        m = first or search(text)
        while m is not None:
            s, e = m.span()
            if s and (text[s - 1].isalnum() or text[s - 1] == "_"):
                m = search(text, s + 1)  # not a word start: look again from the next character
                continue
            matches.append((s, e, forms[_norm(m.group())]))
            m = search(text, e)
        if not matches:
            return matches
        spans = sorted([(m.start, m.end) for org, own in units for m in (org.mentions if own is None else own)]
                       + [(m.start, m.end) for ms in taken.values() for m in ms])
        starts = [sp[0] for sp in spans]
        added, cut = [], []
        for s, e, entry in matches:
            i = bisect_right(starts, s) - 1
            if i >= 0 and spans[i][1] >= e:
                continue  # inside (or exactly) a mention that stays
            j = bisect_right(starts, e - 1)
            lo = i if i >= 0 and spans[i][1] > s else i + 1
            cut.extend(spans[lo:j])  # overlapped: the user's name wins
            added.append((s, e, entry))
        if cut:
            gone = set(cut)
            for unit in units:
                ms = unit[0].mentions if unit[1] is None else unit[1]
                keep = [m for m in ms if (m.start, m.end) not in gone]
                if len(keep) != len(ms):
                    unit[1] = keep
            for entry, ms in taken.items():
                taken[entry] = [m for m in ms if (m.start, m.end) not in gone]
        return added

    def _organisations(self, units: list[list], taken: dict[int, list[Mention]]) -> tuple[Organisation, ...]:
        out: list[tuple[int, Organisation]] = []
        for org, own in units:
            if own is None:
                out.append((org.mentions[0].start if org.mentions else 0, org))
            elif own:
                name = org.name
                if name in self.refused:
                    surfaces = [m.text for m in own]
                    name = max(dict.fromkeys(surfaces), key=surfaces.count)
                out.append((own[0].start, _organisation(name, own, org.source)))
        for entry, ms in taken.items():
            if ms:
                ms.sort(key=lambda m: m.start)
                out.append((ms[0].start, _organisation(self.names[entry], ms, CORRECTION)))
        out.sort(key=lambda o: o[0])
        return tuple(org for _, org in out)


def _organisation(name: str, mentions: list[Mention], source: str) -> Organisation:
    mentions = [m if m.name == name else replace(m, name=name) for m in mentions]
    aliases = tuple(dict.fromkeys(m.text for m in mentions if m.text != name))
    return Organisation(name, aliases, tuple(mentions), source=source)


def _norm(text: str) -> str:
    """``text`` with each run of whitespace one space (as corrections store names)."""
    return text if text.isprintable() and "  " not in text else _SPACE.sub(" ", text).strip()


def _whole_words(forms: Iterable[str]) -> re.Pattern:
    """One expression for all ``forms`` (a trie of their characters), each ending at a
    word boundary; a space in a form matches any one space character in the text. The
    start boundary is checked by the caller: a look-behind here would hide the
    expression's first characters from the regex engine's fast scan."""
    trie: dict = {}
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}
    return re.compile(f"(?:{_emit(trie)})(?!\\w)")


def _emit(node: dict) -> str:
    ends = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        atom = "[ \\xa0]" if ch == " " else re.escape(ch)
        branches.append(atom + _emit(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if ends:
        return f"(?:{body})?" if len(branches) == 1 else f"{body}?"
    return body
