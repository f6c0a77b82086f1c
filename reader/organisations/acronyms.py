"""Acronyms an article defines, for :mod:`reader.organisations.scan`.

``Long Name (ACR)`` and ``ACR (Long Name)`` when the initials spell the acronym
(:func:`initials_match`), and an acronym in brackets right after a recognised
organisation's name whatever it spells ("Party of Democratic Action (SDA)"). A defined
acronym joins its long form's organisation and is marked wherever it recurs.
"""
from __future__ import annotations

import re

from .cues import DEFINITION
from .index import acronym_signature
from .lexicon import norm_name, norm_token

_UP = "A-ZÀ-ÖØ-Þ"
ACR = re.compile(rf"\(([{_UP}][{_UP}0-9&\-]*[{_UP}0-9][a-z]?)\)")
_SMALL_PARTS = frozenset({"e", "i", "ul", "al", "el", "de", "of", "and", "for", "the", "&", "la", "du", "des", "y", "in", "on"})


def initials_match(acr: str, toks: list[str]) -> bool:
    """Do the words of ``toks`` spell ``acr``?  Small words and izafat parts may be skipped;
    an all-capital word may contribute all its letters."""
    letters = [c for c in acr.upper() if c.isalnum()]
    parts: list[tuple[str, bool]] = []  # (letters it may contribute, optional)
    for tok in toks:
        for p in re.split(r"[-'’]", tok):
            if p:
                parts.append((p if p.isupper() and len(p) > 1 else p[0].upper(), p.lower() in _SMALL_PARTS))

    def match(li: int, pi: int, skip: bool) -> bool:
        if pi == len(parts):
            return li == len(letters)
        chunk, optional = parts[pi]
        if optional and match(li, pi + 1, skip):
            return True
        if "".join(letters[li:li + len(chunk)]) == chunk.upper() and match(li + len(chunk), pi + 1, skip):
            return True
        if len(chunk) > 1 and li < len(letters) and letters[li] == chunk[0] and match(li + 1, pi + 1, skip):
            return True
        # a long form may have one word the acronym leaves out: "New York State Attorney General (NYAG)"
        return skip and 0 < pi < len(parts) - 1 and match(li, pi + 1, False)

    return len(parts) >= 2 and match(0, 0, len(parts) >= 5 and len(letters) >= 3)


class AcronymRules:
    """The acronym rules of :class:`reader.organisations.scan.Scan` (a mixin: it uses the
    scan's ``text``, ``lex``, ``acronyms``, ``union``, ``remember`` and ``gaz_ids``)."""

    def _definitions(self, toks, keys, offs, end, prev, cands) -> None:
        text = self.text
        n = len(toks)
        # Long Name (ACR)
        if n >= 2 and text.startswith(" (", end):
            m = ACR.match(text, end + 1)
            if m:
                acr = m.group(1)
                for j in range(max(0, n - 12), n - 1):  # long forms have at most a dozen words
                    if self._name_token(toks[j], keys[j]) and initials_match(acr, toks[j:]):
                        self._define(acr, toks[j:], keys[j:], j, n, cands)
                        break
        # ACR (Long Name)
        if prev is not None and 2 <= n <= 12 and text.startswith(")", end):
            acr = prev[0][-1]
            if text[prev[3]:offs[0]] == " (" and acr.isupper() and initials_match(acr, toks):
                self._define(acr, toks, keys, 0, n, cands)
    def _define(self, acr, toks, keys, j, n, cands) -> None:
        key = tuple(keys)
        lex = self.lex
        if key in lex.not_org or keys[-1] in lex.title_words and not (
                keys[0] not in lex.title_words and any(key[:k] in lex.places for k in (1, 2, 3))):
            return  # "Chief Minister (CM)", "Chief Executive Officer (CEO)": titles, not bodies;
            # but a place's office is one: "New York State Attorney General (NYAG)"
        long_name = " ".join(toks)
        hit = self.lex.names.get(key)
        org = ("g:" + hit[0].name) if hit else "n:" + norm_name(long_name)
        if hit:
            self.gaz_ids[org] = hit[0]
        sig = acronym_signature(acr, long_name)
        known = self.acronyms.get(acr)
        if known is None:
            self.acronyms[acr] = (sig, org)
            self.union(org, "a:" + acr)
        elif known[0] == sig:
            self.union(known[1], org)
        cands.append((j, n, DEFINITION, org, "acronym defined"))
        self.remember((norm_token(acr),), "a:" + acr if known is None else known[1], caps_only=True, defined=True)
    def _named_acronym(self, pos: int, org: str) -> None:
        """An acronym in brackets right after an organisation's name is its acronym, even
        when it spells the name in another language: "Party of Democratic Action (SDA)"."""
        m = ACR.match(self.text, pos)
        if m is None or m.group(1) in self.acronyms or len(m.group(1)) > 6:
            return
        acr = m.group(1)
        self.acronyms[acr] = (acr, org)
        self.union(org, "a:" + acr)
        self.remember((norm_token(acr),), org, caps_only=True, defined=True)

    def _join_acronyms(self) -> None:
        """"IAG" and "International Airlines Group" in one text, no brackets between them:
        an acronym the initials of a long form found here spell is that organisation."""
        text = self.text
        acronyms, longs = {}, {}
        for s, e, org in self.found:
            name = text[s:e]
            if name.isupper() and name.isalpha() and 2 <= len(name) <= 6:
                acronyms.setdefault(name, org)
            elif " " in name and not name.isupper():
                longs.setdefault(name, org)
        if not acronyms or not longs:
            return
        for acr, org in acronyms.items():
            if acr in self.acronyms:
                continue  # defined in brackets: already joined
            matches = {self.find(o) for name, o in longs.items() if initials_match(acr, name.split())}
            if len(matches) == 1:
                self.union(matches.pop(), org)
