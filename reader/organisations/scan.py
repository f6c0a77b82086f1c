"""One recognition pass over one text: the rules behind :func:`reader.organisations.recognise.find_organisations`.

A regex finds *runs*: capitalised tokens joined by single spaces or by the small words
names contain (``of``, ``for``, ``and``, ``&``, ``de`` ...). Each run yields candidate
spans, the longest non-overlapping ones win (ties: the stronger kind), then a second pass
marks every other occurrence of a name recognised in the text. Cost: one regex pass plus a
few dict look-ups per capitalised token.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from .index import acronym_signature
from .lexicon import Entry, common_words, lexicon, norm_name, norm_token

_UP = "A-ZÀ-ÖØ-Þ"
_ABBR = r"(?:Co|Corp|Inc|Ltd|Bros|Cos|Mfg|Intl|Jr|Sr|St|Mt|Ft)\.(?![\w])"
_PARTICLE = r"(?:al|el|ul|ad|as|an|ash|at|bin|ibn|de|van|von|di|da|du|le|la|d|l|o|O)[-'’]"
_TAIL = r"[\w&]*(?:[-'’/](?![sS]\b)[\w&]+)*"
_TOK = rf"(?:[{_UP}]\.){{2,}}|[{_UP}]\.(?= [{_UP}])|{_ABBR}|{_PARTICLE}[{_UP}]{_TAIL}|(?:[{_UP}]|\d+[{_UP}]){_TAIL}"
_CONN = r"of|for|and|&|in|on|de|del|della|dello|di|der|des|du|la|le|van|von|den|da|do|dos|das|y|e"
RUN = re.compile(rf"(?<![\w\-’'.])(?:{_TOK})(?: (?:(?:{_CONN}) (?:the )?)?(?:{_TOK}))*")
_ACR = re.compile(rf"\(([{_UP}][{_UP}0-9&\-]*[{_UP}0-9][a-z]?)\)")
_CAPS_LINE = re.compile(r"^[^a-z\n]*[A-Z][^a-z\n]*$", re.M)
_SPORT = re.compile(
    r"\b(?:soccer|football|footballers?|cricket|rugby|baseball|hockey|basketball|tennis|golf"
    r"|league|goals?|scored|striker|midfielder|goalkeeper|defender|winger|half-?time|coach"
    r"|innings|wickets?|batsman|bowler|pitcher|homers?|homered|inning|touchdowns?"
    r"|referee|tournament|semi-?finals?|quarter-?finals?|champions|club|clubs|captain"
    r"|season|match|matches|squad|cup|title|standings|beat|drew|draw)\b",
    re.I,
)
_DATELINE_AFTER = re.compile(r",? *(?:[A-Z][\w.]*\.? *)?(?:\n|\d{4}-\d\d-\d\d|\(|:)")
# "the newspaper Dawn", "Italian club Atalanta", "software maker Lotus"
_CUE_BEFORE = re.compile(
    r"\b(?:newspaper|daily|weekly|tabloid|magazine|agency|broadcaster|club|side|team|party"
    r"|company|firm|group|bank|insurer|airline|conglomerate|maker|manufacturer|producer"
    r"|retailer|publisher|brokerage|subsidiary|unit|operator|utility|newsletter|organisation"
    r"|organization|movement|outfit|faction|charity|association|federation|union|network"
    r"|distributor|supplier|exporter|importer|lender|chain|automaker|carmaker|refiner|brewer"
    r"|builder|shipper|miner|developer|wholesaler) $"
)
# "Cofinec, the Hungarian packaging company", "Douglas & Lomason shares"
_CUE_AFTER = re.compile(
    r"(?:,? (?:a|an|the) (?:[\w-]+ ){0,3}?(?:company|group|firm|bank|newspaper|daily|agency"
    r"|maker|manufacturer|producer|airline|insurer|retailer|club|side|party|broadcaster"
    r"|conglomerate|brokerage|utility|operator|publisher|subsidiary|holding|distributor|supplier"
    r"|lender|chain|automaker|carmaker|refiner|brewer)\b"
    r"(?! [A-Z]| said| says| reported| reports| added| quoted| told| wrote)|(?:'s|’s)? shares\b)"
)
_SENTENCE_END = re.compile(r"\s*[\"”’']*\s*(?:\n|$)")
_CAMEL_ORG = re.compile(r"[A-Z][a-z]+(?:Bank|Corp|Group|Com|Tel|Air|Net|Soft|Tech|Trust|Care)")
_CONNECTORS = frozenset(_CONN.split("|")) | {"the"}
_OF = frozenset({"of", "for", "on"})
_SMALL_PARTS = frozenset({"e", "i", "ul", "al", "el", "de", "of", "and", "for", "the", "&", "la", "du", "des", "y", "in", "on"})

# candidate kinds, strongest first when two candidates cover the same tokens
POSSESSIVE, DEFINITION, GAZETTEER, HEAD, CUE, ACRONYM = range(6)

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


def initials_match(acr: str, toks: list[str]) -> bool:
    """Do the words of ``toks`` spell ``acr``?  Small words and izafat parts may be skipped;
    an all-capital word may contribute all its letters."""
    letters = [c for c in acr.upper() if c.isalnum()]
    parts: list[tuple[str, bool]] = []  # (letters it may contribute, optional)
    for tok in toks:
        for p in re.split(r"[-'’]", tok):
            if p:
                parts.append((p if p.isupper() and len(p) > 1 else p[0].upper(), p.lower() in _SMALL_PARTS))

    def match(li: int, pi: int) -> bool:
        if pi == len(parts):
            return li == len(letters)
        chunk, optional = parts[pi]
        if optional and match(li, pi + 1):
            return True
        if "".join(letters[li:li + len(chunk)]) == chunk.upper() and match(li + len(chunk), pi + 1):
            return True
        return len(chunk) > 1 and li < len(letters) and letters[li] == chunk[0] and match(li + 1, pi + 1)

    return len(parts) >= 2 and match(0, 0)


class Scan:
    """Recognition over one text; :meth:`spans` -> (start, end, org id), :meth:`names` -> id -> name."""

    def __init__(self, text: str):
        self.text = text
        self.lex = lexicon()
        self.common = common_words()
        self.very_common = common_words(38)
        self.sporty = len(_SPORT.findall(text)) >= 3
        self.caps = [(m.start(), m.end()) for m in _CAPS_LINE.finditer(text)]
        self.caps_starts = [s for s, _ in self.caps]
        self.parent: dict[str, str] = {}
        self.acronyms: dict[str, tuple[str, str]] = {}  # ACR -> (signature, org id)
        self.known: dict[tuple[str, ...], tuple[str, bool]] = {}  # names seen -> (id, caps only)
        self.known_first: dict[str, int] = {}
        self.gaz_ids: dict[str, Entry] = {}
        self.found: list[tuple[int, int, str]] = []  # (start, end, org id)

    # -- merging -----------------------------------------------------------------------
    def find(self, x: str) -> str:
        parent = self.parent
        while x in parent:
            x = parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra

    def remember(self, key: tuple[str, ...], org: str, caps_only: bool = False, defined: bool = False) -> None:
        """Tag ``key`` at every later mention; ``defined``: the text itself defined it
        (``World Health Organization (WHO)``), which outweighs the word lists."""
        if key and key not in self.known and (defined or key not in self.lex.not_org):
            self.known[key] = (org, caps_only)
            if len(key) > self.known_first.get(key[0], 0):
                self.known_first[key[0]] = len(key)

    def in_caps_line(self, pos: int) -> bool:
        i = bisect_right(self.caps_starts, pos) - 1
        return i >= 0 and self.caps[i][1] > pos

    # -- the scan ----------------------------------------------------------------------
    def spans(self) -> list[tuple[int, int, str]]:
        stop = self.lex.stop
        runs = []
        prev = None
        for m in RUN.finditer(self.text):
            toks = m.group().split(" ")
            keys = _keys(toks)
            offs = []
            pos = m.start()
            for t in toks:
                offs.append(pos)
                pos += len(t) + 1
            run = (toks, keys, offs, m.end())
            if len(toks) == 1 and keys[0] in stop:
                if len(toks[0]) > 1 and toks[0].isupper():
                    runs.append(run)  # "WHO", "IT": an organisation only if the text defines it
                prev = run
                continue
            runs.append(run)
            self._first_pass(run, prev)
            prev = run
        if self.known:
            self.found.sort()
            self.taken = list(self.found)
            self.taken_starts = [s for s, _, _ in self.taken]
            for run in runs:
                self._known_pass(run)
        self.found.sort()
        return self.found

    def _name_token(self, tok: str, key: str) -> bool:
        if tok[0].islower() or key in self.lex.stop:
            return False
        # "Minneapolis-based", "Family-controlled": adjectives, not parts of a name
        return "-" not in tok or not tok.rsplit("-", 1)[1][:1].islower()

    def _continues(self, toks, keys, r: int) -> bool:
        """Does a capitalised word after position r-1 carry the name on ("Fed Cup",
        "Kansai International Airport")?  Titles and legal suffixes do not."""
        if r >= len(toks) or not self._name_token(toks[r], keys[r]):
            return False
        k = keys[r]
        return k not in self.lex.heads and k not in self.lex.title_words and k not in self.lex.places

    def _first_pass(self, run, prev) -> None:
        toks, keys, offs, end = run
        lex = self.lex
        n = len(toks)
        caps_line = self.in_caps_line(offs[0]) if self.caps else False
        cands: list[tuple[int, int, int, str]] = []  # (i, j, kind, org id)
        names, first = lex.names, lex.first
        for i in range(n):
            longest = first.get(keys[i])
            if not longest:
                continue
            for j in range(min(n, i + longest), i, -1):
                hit = names.get(tuple(keys[i:j]))
                if hit is None:
                    continue
                entry, sport_only, caps_only, common = hit
                if j == i + 1 and toks[i] in self.acronyms:
                    break  # an acronym this text defined means what the text says, not the gazetteer's
                if sport_only and (not self.sporty or (i == 0 and self._dateline(offs[0], end if j == n else offs[j]))):
                    continue
                if caps_only and (not (toks[i].isupper() or any(c.isupper() for c in toks[i][1:]))
                                  or (self.sporty and keys[i] in lex.abbreviations)):
                    continue  # "LeT" but not "Let"; "RBI" in a baseball report is runs batted in
                if common and (caps_line or (i == 0 and self._sentence_start(offs[0]))):
                    continue
                if not caps_line:
                    if self._continues(toks, keys, j):
                        break  # "Fed Cup", "Labour Day": part of a longer name
                    if j == i + 1 and i > 0 and not toks[i].isupper():
                        p, pk = toks[i - 1], keys[i - 1]
                        if p.isalpha() and not p.isupper() and pk not in lex.stop and (pk,) not in lex.not_org:
                            break  # "Henry Ford": part of a longer (person's) name
                gid = "g:" + entry.name
                self.gaz_ids[gid] = entry
                cands.append((i, j, GAZETTEER, gid))
                break
        if not caps_line:
            self._heads(toks, keys, offs, prev, cands)
            self._definitions(toks, keys, offs, end, prev, cands)
            self._cues(toks, keys, offs, end, cands)
            common = self.common
            for i in range(n):
                t = toks[i]
                if 2 <= len(t) <= 6 and t.isupper() and t.isalpha() and keys[i] not in common \
                        and (keys[i],) not in lex.not_org \
                        and not (i > 0 and toks[i - 1].isupper()) and not (i + 1 < n and toks[i + 1].isupper()) \
                        and not (i == 0 and self._line_head(offs[0], end if n == 1 else offs[1])):
                    cands.append((i, i + 1, ACRONYM, "a:" + t))
                elif _CAMEL_ORG.fullmatch(t):
                    cands.append((i, i + 1, HEAD, "n:" + keys[i]))
        if cands:
            self._accept(toks, keys, offs, cands, prev)

    def _sentence_start(self, pos: int) -> bool:
        before = self.text[max(0, pos - 3):pos].rstrip(" \"'“‘(")
        return not before or before[-1] in ".!?:\n"

    def _line_head(self, start: int, end: int) -> bool:
        """A word opening a line before a dateline or a " - " (``IRVINE, Calif.``,
        ``ATHLETICS - ...``): a place or a topic, not an acronym."""
        return self._dateline(start, end) or (
            (start == 0 or self.text[start - 1] == "\n") and self.text.startswith(" - ", end))

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
            j = i
            while j > 0 and self._name_token(toks[j - 1], keys[j - 1]):
                j -= 1
            if "prefix" in flags:
                # "Lashkar-e-Balochistan", "Pakistan Tehreek-e-Insaf", "Jamiat Ulema-e-Islam"
                r = i + 1
                while r < n and self._name_token(toks[r], keys[r]):
                    r += 1
                if "-" in toks[i] or r > i + 1:
                    cands.append((j, r, HEAD, "n:" + norm_name(" ".join(toks[j:r]))))
                continue
            r = i + 1
            if "of" in flags and i + 2 < n and keys[i + 1] in _OF:
                k = i + 2
                if keys[k] == "the" and k + 1 < n:
                    k += 1
                e = k
                while e < n and self._name_token(toks[e], keys[e]) and keys[e] not in heads:
                    e += 1
                while e + 1 < n and keys[e] in ("and", "&") and self._name_token(toks[e + 1], keys[e + 1]) \
                        and keys[e + 1] not in heads:
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
                    cands.append((0, 1, POSSESSIVE, "n:" + norm_name(self.text[start:offs[0] + len(toks[0])])))
                continue
            if self._continues(toks, keys, r) or any(tuple(keys[k:i + 1]) in lex.not_org for k in range(j, i + 1)):
                continue  # "Kansai International Airport"; "West Bank", "Soviet Union"
            cands.append((j, r, HEAD, "n:" + norm_name(" ".join(toks[j:r]))))
        # "Douglas & Lomason", "Procter & Gamble": two names joined by an ampersand
        if "&" in keys:
            a = keys.index("&")
            common = self.very_common
            if 0 < a < n - 1 and self._name_token(toks[a - 1], keys[a - 1]) and self._name_token(toks[a + 1], keys[a + 1]) \
                    and not (keys[a - 1] in common and keys[a + 1] in common):  # not "Plug & Charge"
                j = a - 1
                while j > 0 and self._name_token(toks[j - 1], keys[j - 1]):
                    j -= 1
                r = a + 2
                if r < n and self._name_token(toks[r], keys[r]) and keys[r] not in heads:
                    r += 1  # "Schroder Wertheim & Co", "Bang & Olufsen": one more word at most
                while r < n and ("suffix" in heads.get(keys[r], ()) or keys[r] in _COMPANY_WORDS):
                    r += 1
                if tuple(keys[j:r]) not in lex.not_org:
                    cands.append((j, r, HEAD, "n:" + norm_name(" ".join(toks[j:r]))))

    def _title_possessive(self, prev, start: int) -> bool:
        gap = self.text[prev[3]:start]
        return gap in ("'s ", "’s ") and tuple(prev[1]) in self.lex.titles

    def _cues(self, toks, keys, offs, end, cands) -> None:
        """A run right after "newspaper", "club", "company" ... or right before ", a ...
        company" / "shares" names an organisation."""
        text = self.text
        start = offs[0]
        before = _CUE_BEFORE.search(text, max(0, start - 16), start) if start and text[start - 1] == " " else None
        after = before is None and _CUE_AFTER.match(text, end)
        if not (before or after):
            return
        n = len(toks)
        j = 0
        while j < n and not self._name_token(toks[j], keys[j]):
            j += 1
        r = j
        while r < n and self._name_token(toks[r], keys[r]):
            r += 1
        if before:  # "the group Human Rights in China": small words inside the name too
            e = r
            while e + 1 < n and keys[e] in _CONNECTORS and keys[e] not in ("and", "&") \
                    and self._name_token(toks[e + 1], keys[e + 1]):
                e += 2
                while e < n and self._name_token(toks[e], keys[e]):
                    e += 1
            if e == n:
                r = n
        if after and r != n:
            return
        if j < r and tuple(keys[j:r]) not in self.lex.not_org and keys[j] not in self.lex.title_words:
            cands.append((j, r, CUE, "n:" + norm_name(" ".join(toks[j:r]))))

    def _definitions(self, toks, keys, offs, end, prev, cands) -> None:
        text = self.text
        n = len(toks)
        # Long Name (ACR)
        if n >= 2 and text.startswith(" (", end):
            m = _ACR.match(text, end + 1)
            if m:
                acr = m.group(1)
                for j in range(max(0, n - 12), n - 1):  # long forms have at most a dozen words
                    if self._name_token(toks[j], keys[j]) and initials_match(acr, toks[j:]):
                        self._define(acr, toks[j:], keys[j:], j, n, cands)
                        break
        # ACR (Long Name)
        if prev is not None and 2 <= n <= 12 and len(prev[0]) == 1 and text.startswith(")", end):
            acr = prev[0][0]
            if text[prev[3]:offs[0]] == " (" and acr.isupper() and initials_match(acr, toks):
                self._define(acr, toks, keys, 0, n, cands)

    def _define(self, acr, toks, keys, j, n, cands) -> None:
        key = tuple(keys)
        if key in self.lex.not_org or keys[-1] in self.lex.title_words:
            return  # "Chief Minister (CM)", "Chief Executive Officer (CEO)": titles, not bodies
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
        cands.append((j, n, DEFINITION, org))
        self.remember((norm_token(acr),), "a:" + acr if known is None else known[1], caps_only=True, defined=True)

    def _accept(self, toks, keys, offs, cands, prev) -> None:
        heads = self.lex.heads
        cands.sort(key=lambda c: (c[0] - c[1] - (c[2] == POSSESSIVE), c[2], c[0]))
        taken = [False] * len(toks)
        for i, j, kind, org in cands:
            if any(taken[i:j]):
                continue
            if kind == ACRONYM:
                known = self.acronyms.get(toks[i])
                if known is not None:
                    org = known[1]
            for k in range(i, j):
                taken[k] = True
            # a title's possessive joins the previous run: "Chief Minister's Secretariat"
            start = prev[2][0] if kind == POSSESSIVE else offs[i]
            last = toks[j - 1]
            stop = offs[j - 1] + len(last)
            if last.endswith(".") and _SENTENCE_END.match(self.text, stop):
                stop -= 1  # "... Lear Corp." at the end of a sentence: the stop is not the name's
            self.found.append((start, stop, org))
            if kind != GAZETTEER:
                self.remember(tuple(keys[i:j]), org, caps_only=kind == ACRONYM)
                if kind in (HEAD, CUE):
                    # "Magna International Inc." -> "Magna" later in the text
                    r = j
                    while r > i + 1 and ("suffix" in heads.get(keys[r - 1], ()) or keys[r - 1] in _COMPANY_WORDS):
                        r -= 1
                    if r < j and keys[i] not in self.common and tuple(keys[i:r]) not in self.lex.not_org:
                        self.remember(tuple(keys[i:r]), org)

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
                    if not self._overlaps(start, stop) and not self._continues(toks, keys, j):
                        self.found.append((start, stop, hit[0]))
                    i = j - 1
                    break
            i += 1

    @classmethod
    def bare(cls, text: str) -> Scan:
        """Just the state :meth:`mark_known` needs (none of the per-text statistics)."""
        self = cls.__new__(cls)
        self.text, self.lex = text, lexicon()
        return self

    def _on_caps_line(self, pos: int) -> bool:
        text = self.text
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        return _CAPS_LINE.match(text, start, len(text) if end < 0 else end) is not None

    def mark_known(self, known, first, taken) -> list[tuple[int, int, str]]:
        """Mark names known from elsewhere (the folder): ``known`` maps normalised token
        tuples -> (id, caps only), ``first`` a first token -> the longest such name;
        ``taken``: sorted (start, end, _) spans already marked, which new ones never overlap.
        A name inside a longer capitalised name ("National Bank" in "Pakistan National
        Bank") is not marked, nor an acronym on an all-capital line. -> new (start, end, id)."""
        self.known, self.known_first = known, first
        self.taken = list(taken)
        self.taken_starts = [s for s, _, _ in self.taken]
        self.found = []
        lex = self.lex
        for m in RUN.finditer(self.text):
            toks = m.group().split(" ")
            if not any(k in first for k in _keys(toks)):
                continue
            keys = _keys(toks)
            offs = []
            pos = m.start()
            for t in toks:
                offs.append(pos)
                pos += len(t) + 1
            i, n = 0, len(toks)
            while i < n:
                longest = first.get(keys[i])
                if longest and (i == 0 or not self._name_token(toks[i - 1], keys[i - 1])
                                or keys[i - 1] in lex.demonyms or keys[i - 1] in lex.title_words
                                or (keys[i - 1],) in lex.places):
                    for j in range(min(n, i + longest), i, -1):
                        hit = known.get(tuple(keys[i:j]))
                        if hit is None or (hit[1] and (not toks[i].isupper() or self._on_caps_line(offs[i]))):
                            continue
                        start, end = offs[i], offs[j - 1] + len(toks[j - 1])
                        if not self._overlaps(start, end) and not self._continues(toks, keys, j):
                            self.found.append((start, end, hit[0]))
                        i = j - 1
                        break
                i += 1
        return self.found

    def _overlaps(self, start: int, stop: int) -> bool:
        idx = bisect_right(self.taken_starts, start)
        for s, e, _ in self.taken[max(0, idx - 1):idx + 1]:
            if s < stop and start < e:
                return True
        return False

    # -- naming ------------------------------------------------------------------------
    def names(self) -> dict[str, str]:
        """Each organisation id found -> its canonical name: the most complete long form seen
        (else the gazetteer's name, else the acronym)."""
        text = self.text
        surfaces: dict[str, list[str]] = {}
        for s, e, org in self.found:
            surfaces.setdefault(self.find(org), []).append(text[s:e])
        gazetteer_name = {self.find(gid): entry.name for gid, entry in self.gaz_ids.items()}
        out: dict[str, str] = {}
        for root, seen in surfaces.items():
            long_forms = [t for t in seen if not t.isupper()]
            if long_forms:
                out[root] = max(long_forms, key=len)
            else:
                out[root] = gazetteer_name.get(root) or max(seen, key=len)
        return out


_COMPANY_WORDS = frozenset(
    norm_token(w) for w in
    "International Group Holdings Holding Corporation Company Industries Enterprises Bancorp Trust"
    " Technologies Systems Communications Electronics Pharmaceuticals Bancshares Financial"
    " Motors Airlines Petroleum Energy Foods Stores Media Brands Partners".split()
)
