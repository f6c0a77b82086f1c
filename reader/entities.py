"""Organisation recognition: find every mention in a text and merge each organisation's names.

Rules, not a model (fast, deterministic, explainable). One regex finds *runs*: capitalised
tokens joined by single spaces or by the small words names contain ("Bank of England",
"Lashkar-e-Balochistan"). Inside each run, candidate spans come from

* the gazetteer (``resources/organisations.tsv``: well-known bodies and their aliases),
* head nouns (``resources/org-heads.txt``: "... Army", "Ministry of ...", "... Corp"),
* acronym definitions in both orders: ``Long Name (ACR)`` and ``ACR (Long Name)``,
* bare all-capital acronyms,

and the longest non-overlapping candidates win. A second pass marks every other
occurrence of a name already recognised in the text (consistency), so a name recognised
once is recognised at every mention. ``resources/not-organisations.txt`` (places, titles,
days, months, function words) keeps those words out of names.

Merging: acronym <-> long form, spelling variants folded by
:func:`reader.entities_lexicon.norm_token` (``-e-``/``-i-``, Organisation/Organization),
and long forms that share an acronym and differ only by a word's ending (``Baloch`` /
``Balochistan Liberation Army (BLA)``). The canonical name is the most complete long form
seen. The folder-wide index is :class:`reader.entities_index.OrganisationIndex`.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from .entities_index import IndexEntry, OrganisationIndex, acronym_signature
from .entities_lexicon import Entry, lexicon, norm_name, norm_token
from .record import Mention, Organisation

__all__ = [
    "find_organisations", "organisations_of", "org_spans", "group_organisations",
    "OrganisationIndex", "IndexEntry",
]

_UP = "A-ZÀ-ÖØ-Þ"
_ABBR = r"(?:Co|Corp|Inc|Ltd|Bros|Cos|Mfg|Intl|Jr|Sr|St|Mt|Ft)\.(?![\w])"
_PARTICLE = r"(?:al|el|ul|ad|as|an|ash|at|bin|ibn|de|van|von|di|da|du|le|la|d|l|o|O)[-'’]"
_TOK = (
    rf"(?:[{_UP}]\.){{2,}}|{_ABBR}|{_PARTICLE}[{_UP}][\w&]*(?:[-'’/](?!s\b)[\w&]+)*"
    rf"|(?:[{_UP}]|\d+[{_UP}])[\w&]*(?:[-'’/](?!s\b)[\w&]+)*"
)
_CONN = r"of|for|and|&|de|del|della|di|der|des|du|la|le|van|von|den|da|do|dos|das|y|e"
_RUN = re.compile(rf"(?<![\w\-’'.])(?:{_TOK})(?: (?:(?:{_CONN}) (?:the )?)?(?:{_TOK}))*")
_ACR = re.compile(rf"\(([{_UP}][{_UP}0-9&\-]*[{_UP}0-9][a-z]?)\)")
_CAPS_LINE = re.compile(r"^[^a-z\n]*[A-Z][^a-z\n]*$", re.M)
_SPORT = re.compile(
    r"\b(?:beat|beats|drew|draw|goals?|scored|innings|wickets?|striker|midfielder|goalkeeper"
    r"|half-?time|league|season|coach|match|matches|pitcher|homers?|innings|batting|bowling"
    r"|penalty|referee|tournament|Cup|points|standings|semifinal|quarter-?final|victory|defeat"
    r"|title|club|clubs|champions|soccer|football|cricket|rugby|baseball|hockey|basketball)\b"
)
_DATELINE_AFTER = re.compile(r"\s+(?:\d{4}-\d\d-\d\d|\d{1,2} [A-Z][a-z]+ \d{4}|\(|-)")
_CONNECTORS = frozenset(_CONN.split("|")) | {"the"}
_OF = frozenset({"of", "for"})
_SMALL_PARTS = frozenset({"e", "i", "ul", "al", "el", "de", "of", "and", "for", "the", "&", "la", "du", "des", "y"})

# candidate kinds, strongest first when two candidates cover the same tokens
_POSSESSIVE, _DEF, _GAZ, _HEAD, _ACRONYM = range(5)


def find_organisations(text: str) -> list[Mention]:
    """Every organisation mention in ``text``: sorted, non-overlapping, each carrying the
    canonical name of its organisation (merged within this text)."""
    return _Scan(text).mentions()


def org_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every organisation mention: the adapter for ``score_orgs.py``."""
    return [(s, e) for s, e, _ in _Scan(text).spans()]


def organisations_of(text: str) -> tuple[Organisation, ...]:
    """The organisations ``text`` names, ordered by first mention."""
    return group_organisations(find_organisations(text))


def group_organisations(mentions: list[Mention]) -> tuple[Organisation, ...]:
    """Group mentions by canonical name; aliases are the other surface forms, in order seen."""
    by_name: dict[str, list[Mention]] = {}
    for m in mentions:
        by_name.setdefault(m.name, []).append(m)
    out = []
    for name, ms in by_name.items():
        aliases = tuple(dict.fromkeys(m.text for m in ms if m.text != name))
        out.append(Organisation(name, aliases, tuple(ms)))
    return tuple(out)


def _initials_match(acr: str, toks: list[str]) -> bool:
    """Do the words of ``toks`` spell ``acr``?  Small words and izafat parts may be skipped;
    an all-capital word may contribute all its letters."""
    letters = [c for c in acr.upper() if c.isalnum()]
    parts: list[tuple[str, bool]] = []  # (letters it may contribute, optional)
    for tok in toks:
        for p in re.split(r"[-'’]", tok):
            if not p:
                continue
            optional = p.lower() in _SMALL_PARTS
            parts.append((p if p.isupper() and len(p) > 1 else p[0].upper(), optional))

    def match(li: int, pi: int) -> bool:
        if pi == len(parts):
            return li == len(letters)
        chunk, optional = parts[pi]
        if optional and match(li, pi + 1):
            return True
        if "".join(letters[li:li + len(chunk)]) == chunk.upper() and match(li + len(chunk), pi + 1):
            return True
        if len(chunk) > 1 and li < len(letters) and letters[li] == chunk[0] and match(li + 1, pi + 1):
            return True
        return False

    return len(parts) >= 2 and match(0, 0)


_norm_cache: dict[str, str] = {}


def _keys(toks: list[str]) -> list[str]:
    cache = _norm_cache
    out = []
    for t in toks:
        k = cache.get(t)
        if k is None:
            if len(cache) > 200_000:
                cache.clear()
            k = cache[t] = norm_token(t)
        out.append(k)
    return out


class _Scan:
    """One pass of recognition over one text."""

    def __init__(self, text: str):
        self.text = text
        self.lex = lexicon()
        self.sporty = len(_SPORT.findall(text)) >= 4
        self.caps = [(m.start(), m.end()) for m in _CAPS_LINE.finditer(text)]
        self.caps_starts = [s for s, _ in self.caps]
        self.parent: dict[str, str] = {}
        self.acronyms: dict[str, tuple[str, str]] = {}  # ACR -> (signature, org id)
        self.known: dict[tuple[str, ...], tuple[str, bool]] = {}  # doc names -> (id, caps only)
        self.known_first: dict[str, int] = {}
        self.gaz_ids: dict[str, Entry] = {}
        self.found: list[tuple[int, int, str]] = []  # (start, end, org id)

    # -- merging ---------------------------------------------------------------
    def find(self, x: str) -> str:
        parent = self.parent
        while parent.get(x, x) != x:
            x = parent[x] = parent.get(parent[x], parent[x])
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra

    def remember(self, key: tuple[str, ...], org: str, caps_only: bool = False) -> None:
        if key not in self.known and key not in self.lex.not_org:
            self.known[key] = (org, caps_only)
            if len(key) > self.known_first.get(key[0], 0):
                self.known_first[key[0]] = len(key)

    def in_caps_line(self, pos: int) -> bool:
        i = bisect_right(self.caps_starts, pos) - 1
        return i >= 0 and self.caps[i][1] > pos

    # -- the scan ----------------------------------------------------------------
    def spans(self) -> list[tuple[int, int, str]]:
        text, lex = self.text, self.lex
        runs = []
        prev = None
        for m in _RUN.finditer(text):
            s = m.start()
            toks = m.group().split(" ")
            keys = _keys(toks)
            offs = []
            pos = s
            for t in toks:
                offs.append(pos)
                pos += len(t) + 1
            run = (toks, keys, offs, m.end())
            if len(toks) == 1 and keys[0] in lex.stop:
                prev = run
                continue
            runs.append(run)
            self._first_pass(run, prev)
            prev = run
        if self.known:
            self.found.sort()
            self.taken_starts = [s for s, _, _ in self.found]
            self.taken = list(self.found)
            for run in runs:
                self._known_pass(run)
        self.found.sort()
        return self.found

    def _name_token(self, tok: str, key: str) -> bool:
        return not tok[0].islower() and key not in self.lex.stop

    def _first_pass(self, run, prev) -> None:
        toks, keys, offs, end = run
        text, lex = self.text, self.lex
        n = len(toks)
        caps_line = self.in_caps_line(offs[0]) if self.caps else False
        cands: list[tuple[int, int, int, str]] = []  # (i, j, kind, org id)
        names = lex.names
        first = lex.first
        # gazetteer
        for i in range(n):
            longest = first.get(keys[i])
            if not longest:
                continue
            for j in range(min(n, i + longest), i, -1):
                hit = names.get(tuple(keys[i:j]))
                if hit is None:
                    continue
                entry, sport_only, caps_only, common = hit
                if sport_only and (not self.sporty or (i == 0 and self._dateline(offs[0], end if j == n else offs[j]))):
                    continue
                if caps_only and not toks[i].isupper():
                    continue
                if common and (caps_line or (i == 0 and self._sentence_start(offs[0]))):
                    continue
                if j == i + 1 and i > 0 and not caps_line and not toks[i].isupper():
                    pk = keys[i - 1]
                    if self._name_token(toks[i - 1], pk) and (pk,) not in lex.not_org and pk not in lex.demonyms:
                        continue  # "Henry Ford": part of a longer (person's) name
                gid = "g:" + entry.name
                self.gaz_ids[gid] = entry
                cands.append((i, j, _GAZ, gid))
                break
        if not caps_line:
            self._heads(toks, keys, offs, prev, cands)
            self._definitions(toks, keys, offs, end, prev, cands)
            for i in range(n):
                t = toks[i]
                if 2 <= len(t) <= 6 and t.isupper() and t.isalpha() and (keys[i],) not in lex.not_org:
                    cands.append((i, i + 1, _ACRONYM, "a:" + t))
        if cands:
            self._accept(toks, keys, offs, cands, prev)

    def _sentence_start(self, pos: int) -> bool:
        before = self.text[max(0, pos - 3):pos].rstrip(" \"'“‘(")
        return not before or before[-1] in ".!?:\n"

    def _dateline(self, start: int, end: int) -> bool:
        line_start = start == 0 or self.text[start - 1] == "\n"
        return line_start and _DATELINE_AFTER.match(self.text, end) is not None

    def _heads(self, toks, keys, offs, prev, cands) -> None:
        lex = self.lex
        heads = lex.heads
        n = len(toks)
        for i in range(n):
            flags = heads.get(keys[i])
            if flags is None and "-" in keys[i]:
                flags = heads.get(keys[i].split("-", 1)[0])
            if flags is None or not toks[i][0].isupper():
                continue
            if "prefix" in flags:
                # "Lashkar-e-Balochistan", "Pakistan Tehreek-e-Insaf", "Jamiat Ulema-e-Islam"
                j = i
                while j > 0 and self._name_token(toks[j - 1], keys[j - 1]):
                    j -= 1
                r = i + 1
                while r < n and self._name_token(toks[r], keys[r]):
                    r += 1
                if "-" in toks[i] or r > i + 1:
                    cands.append((j, r, _HEAD, "n:" + norm_name(" ".join(toks[j:r]))))
                continue
            j = i
            while j > 0 and self._name_token(toks[j - 1], keys[j - 1]):
                j -= 1
            r = i + 1
            if "of" in flags and i + 2 < n and keys[i + 1] in _OF:
                k = i + 2
                if keys[k] == "the" and k + 1 < n:
                    k += 1
                e = k
                while e < n and self._name_token(toks[e], keys[e]) and keys[e] not in heads:
                    e += 1
                while e + 1 < n and keys[e] in ("and", "&") and self._name_token(toks[e + 1], keys[e + 1]) and keys[e + 1] not in heads:
                    e += 2
                    while e < n and self._name_token(toks[e], keys[e]) and keys[e] not in heads:
                        e += 1
                if e > k:
                    r = e
            while r < n and "suffix" in heads.get(keys[r], ()):
                r += 1
            if "suffix" in flags and j == i:
                continue
            if j == i and r == i + 1:
                # a bare head: only after a title's possessive ("Chief Minister's Secretariat")
                if i == 0 and prev is not None and self._title_possessive(prev, offs[0]):
                    start = prev[2][0]
                    org = "n:" + norm_name(self.text[start:offs[0] + len(toks[0])])
                    cands.append((0, 1, _POSSESSIVE, org))
                continue
            # strip demonyms/places that merely qualify a suffix-less head ("British Labour Party" stays)
            if tuple(keys[j:r]) in lex.not_org:
                continue
            surface = " ".join(toks[j:r])
            cands.append((j, r, _HEAD, "n:" + norm_name(surface)))

    def _title_possessive(self, prev, start: int) -> bool:
        pt, pk, po, pe = prev
        gap = self.text[pe:start]
        return gap in ("'s ", "’s ") and tuple(pk) in self.lex.titles

    def _definitions(self, toks, keys, offs, end, prev, cands) -> None:
        text = self.text
        n = len(toks)
        # Long Name (ACR)
        if n >= 2 and text.startswith(" (", end):
            m = _ACR.match(text, end + 1)
            if m:
                acr = m.group(1)
                for j in range(n - 1):
                    if self._name_token(toks[j], keys[j]) and _initials_match(acr, toks[j:]):
                        self._define(acr, toks[j:], keys[j:], j, n, cands)
                        break
        # ACR (Long Name)
        if prev is not None and n >= 2 and len(prev[0]) == 1 and text.startswith(")", end):
            pt, pk, po, pe = prev
            if text[pe:offs[0]] == " (" and pt[0].isupper() and _initials_match(pt[0], toks):
                self._define(pt[0], toks, keys, 0, n, cands)

    def _define(self, acr, toks, keys, j, n, cands) -> None:
        key = tuple(keys)
        if key in self.lex.not_org:
            return
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
        cands.append((j, n, _DEF, org))
        self.remember((norm_token(acr),), "a:" + acr if known is None else known[1], caps_only=True)

    def _accept(self, toks, keys, offs, cands, prev) -> None:
        lex = self.lex
        cands.sort(key=lambda c: (c[0] - c[1] - (c[2] == _POSSESSIVE), c[2], c[0]))
        taken = [False] * len(toks)
        for i, j, kind, org in cands:
            if any(taken[i:j]):
                continue
            if kind == _ACRONYM:
                known = self.acronyms.get(toks[i])
                if known is not None:
                    org = known[1]
            for k in range(i, j):
                taken[k] = True
            # a title's possessive joins the previous run: "Chief Minister's Secretariat"
            start = prev[2][0] if kind == _POSSESSIVE else offs[i]
            stop = offs[j - 1] + len(toks[j - 1])
            self.found.append((start, stop, org))
            if kind != _GAZ:
                self.remember(tuple(keys[i:j]), org, caps_only=kind == _ACRONYM)

    def _known_pass(self, run) -> None:
        toks, keys, offs, end = run
        known, first = self.known, self.known_first
        n = len(toks)
        i = 0
        while i < n:
            longest = first.get(keys[i])
            if longest:
                for j in range(min(n, i + longest), i, -1):
                    hit = known.get(tuple(keys[i:j]))
                    if hit is None or (hit[1] and not toks[i].isupper()):
                        continue
                    start, stop = offs[i], offs[j - 1] + len(toks[j - 1])
                    if not self._overlaps(start, stop):
                        self.found.append((start, stop, hit[0]))
                    i = j - 1
                    break
            i += 1

    def _overlaps(self, start: int, stop: int) -> bool:
        idx = bisect_right(self.taken_starts, start)
        for s, e, _ in self.taken[max(0, idx - 1):idx + 1]:
            if s < stop and start < e:
                return True
        return False

    # -- naming ----------------------------------------------------------------------
    def mentions(self) -> list[Mention]:
        spans = self.spans()
        text = self.text
        surfaces: dict[str, list[str]] = {}
        for s, e, org in spans:
            surfaces.setdefault(self.find(org), []).append(text[s:e])
        gazetteer_name = {self.find(gid): entry.name for gid, entry in self.gaz_ids.items()}
        names: dict[str, str] = {}
        for root, seen in surfaces.items():
            long_forms = [t for t in seen if not t.isupper()]
            if long_forms:
                names[root] = max(long_forms, key=len)
            else:
                names[root] = gazetteer_name.get(root) or max(seen, key=len)
        return [Mention(s, e, text[s:e], names[self.find(org)]) for s, e, org in spans]
