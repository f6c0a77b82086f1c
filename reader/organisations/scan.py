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

from . import cues
from .acronyms import AcronymRules
from .cues import ACRONYM, CONN, CUE, DATELINE_AFTER, DEFINITION, GAZETTEER, HEAD, POSSESSIVE, EvidenceRules
from .lexicon import Entry, common_words, lexicon, norm_name, norm_token

_UP = "A-ZÀ-ÖØ-Þ"
_ABBR = r"(?:Co|Corp|Inc|Ltd|Bros|Cos|Mfg|Intl|Jr|Sr|St|Mt|Ft)\.(?![\w])"
_PARTICLE = r"(?:al|el|ul|ad|as|an|ash|at|bin|ibn|de|van|von|di|da|du|le|la|d|l|o|O)[-'’]"
_TAIL = r"[\w&]*(?:[-'’/](?![sS]\b)[\w&]+)*"
# a plural's possessive in a name: "Dockworkers' Union", "Children's Fund"; not "Bills' QB"
_PLURAL_OF = rf"(?:[{_UP}][a-z]*men|Children|People)['’]s(?= [{_UP}])|[{_UP}][\w&]*s['’](?= [{_UP}][a-z])"
_TOK = (rf"(?:[{_UP}]\.){{2,}}|[{_UP}]\.(?= [{_UP}])|{_ABBR}|{_PLURAL_OF}|{_PARTICLE}[{_UP}]{_TAIL}"
        rf"|(?:[{_UP}]|\d+[{_UP}]){_TAIL}|\d+ers\b")  # "49ers", "76ers"
RUN = re.compile(rf"(?<![\w\-’'.])(?:{_TOK})(?: (?:(?:{CONN}) (?:the )?)?(?:{_TOK}))*")
_CAPS_LINE = re.compile(r"^[^a-z\n]*[A-Z][^a-z\n]*$", re.M)
_INDEX_AFTER = re.compile(r" (?:(?:500|100|200|225|250|30|40|50|600|1500|2000)\b(?![-–.,:]\d)|(?:[Ii]ndex|[Ii]ndices|[Cc]omposite|[Ii]ndustrial [Aa]verage|[Ff]utures)\b)")
_SENTENCE_END = re.compile(r"\s*[\"”’']*\s*(?:\n|$)")
# "SpaceX", "SoFi", "WeWork", "JPMorgan": a capital inside a word makes a brand; not a
# name's particle ("McDonald", "DeSantis", "LeBron", "MacArthur")
_MIXED = re.compile(r"(?!(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von)[A-Z])[A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z]{2,}[a-z]{2,}[A-Za-z]*")
_OF = frozenset({"of", "for", "on"})

# what a highlight's tooltip says for the rules that need no detail
LISTED = "listed: organisations.tsv"
SAME = "same name as above"

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


class Scan(EvidenceRules, AcronymRules):
    """Recognition over one text; :meth:`spans` -> (start, end, org id), :meth:`names` -> id -> name."""

    def __init__(self, text: str):
        self.text = text
        self.lex = lexicon()
        self.common = common_words()
        self.very_common = common_words(38)
        self.sporty = cues.sporty(text)
        self.members = cues.list_members(text) if " " in text else {}
        self.surnames: set[str] = set()  # of people the text named in full
        self.stretch: set[int] = set()  # starts of tokens a listed name extends by "'s"
        self.possessive: set[tuple[str, ...]] = set()  # known names that end in "'s"
        self.caps = [(m.start(), m.end()) for m in _CAPS_LINE.finditer(text)]
        self.caps_starts = [s for s, _ in self.caps]
        self.parent: dict[str, str] = {}
        self.acronyms: dict[str, tuple[str, str]] = {}  # ACR -> (signature, org id)
        self.known: dict[tuple[str, ...], tuple[str, bool]] = {}  # names seen -> (id, caps only)
        self.known_first: dict[str, int] = {}
        self.gaz_ids: dict[str, Entry] = {}
        self.found: list[tuple[int, int, str]] = []  # (start, end, org id)
        self.why: dict[int, str] = {}  # start of a found span -> the rule that made it
        self.deferred: list[tuple[int, int, str]] = []  # sentence-opening common words, kept if named again

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
            if key[-1].endswith("'s"):  # "Boatmen's": the token is "Boatmen" before a lower-case word
                key = (*key[:-1], key[-1][:-2])
                self.possessive.add(key)
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
            offs = _offsets(m.start(), toks)
            run = (toks, keys, offs, m.end())
            if len(toks) == 1 and keys[0] in stop:
                if len(toks[0]) > 1 and toks[0].isupper():
                    runs.append(run)  # "IT": an organisation only if the text defines it,
                    listed = self.lex.names.get((keys[0],))
                    if listed is not None and listed[2] == toks[0]:
                        self._first_pass(run, prev)  # "WHO" only if listed as written
                prev = run
                continue
            runs.append(run)
            self._first_pass(run, prev)
            prev = run
        if self.known:
            self.found.sort()
            self.taken, self.taken_starts = list(self.found), [s for s, _, _ in self.found]
            for run in runs:
                if len(run[1]) > 1 or run[1][0] in self.known_first:  # one word no known name starts: nothing
                    self._known_pass(run)
        if self.deferred:
            self._named_again(LISTED)
        if len(self.found) > 1:
            self._with_others(runs)
        if self.surnames:
            self._drop_surnames()
        self._join_acronyms()
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
                entry, sport_only, written, common, possessive, supported = hit
                if j == i + 1 and toks[i] in self.acronyms:
                    break  # an acronym this text defined means what the text says, not the gazetteer's
                if sport_only and (not self.sporty or (i == 0 and self._dateline(offs[0], end if j == n else offs[j]))):
                    continue
                if sport_only and i == 0 and j == 1 and keys[0] in self.common and self._sentence_start(offs[0]) \
                        and not cues.team_spot(self.text, offs[0], offs[0] + len(toks[0])):
                    # "Reading the game", "Forest fires" opening a sentence: the club only
                    # where the text names it elsewhere ("Reading beat Forest 2-1")
                    self.deferred.append((offs[0], offs[0] + len(toks[0]), "g:" + entry.name))
                    continue
                if written and toks[i].replace("’", "'").rstrip(".") != written:
                    continue  # "LeT" but not "Let", "CBS" but not "CBs" (cornerbacks)
                if possessive and not self.text.startswith(("'s", "’s"), offs[j - 1] + len(toks[j - 1])):
                    continue  # "Lowe's", not "Lowe"
                if (supported or (written and keys[i] in lex.abbreviations)) and not self._supported(entry):
                    continue  # "APP" is an app, "RBI" runs batted in, unless the long form is here
                if common and (caps_line or (not written and i == 0 and self._sentence_start(offs[0]))):
                    if not caps_line:  # "Zoom said" opening a sentence: Zoom if named so elsewhere
                        self.deferred.append((offs[0], offs[j - 1] + len(toks[j - 1]), "g:" + entry.name))
                    continue  # "Who" opening a sentence, but "WHO" is the organisation
                if _INDEX_AFTER.match(self.text, offs[j - 1] + len(toks[j - 1])):
                    continue  # "S&P 500", "Dow Jones industrial average": an index
                if j < n and (j == i + 1 and (keys[i] in lex.title_words and keys[j] in lex.title_words or keys[j] == "minister")
                              or any(tuple(keys[i:k]) in lex.titles for k in range(j + 1, min(n, i + 4) + 1))):
                    continue  # "Vice President", "Labour Minister": a title, not the listed "Vice"
                if not caps_line:
                    if self._continues(toks, keys, j):
                        break  # "Fed Cup", "Labour Day": part of a longer name
                    if j == i + 1 and i > 0 and not toks[i].isupper():
                        p, pk = toks[i - 1], keys[i - 1]
                        if p.isalpha() and not p.isupper() and pk not in lex.stop and (pk,) not in lex.not_org:
                            break  # "Henry Ford": part of a longer (person's) name
                gid = "g:" + entry.name
                self.gaz_ids[gid] = entry
                if possessive:
                    self.stretch.add(offs[j - 1])
                while j < n and "suffix" in lex.heads.get(keys[j], ()):
                    j += 1  # "Oil and Gas Development Company Limited"
                cands.append((i, j, GAZETTEER, gid, LISTED))
                break
        if not caps_line:
            self._heads(toks, keys, offs, prev, cands)
            self._definitions(toks, keys, offs, end, prev, cands)
            self._cues(toks, keys, offs, end, cands)
            if self.members:
                self._members(toks, keys, offs, cands)
            if self.sporty:
                self._sides(toks, keys, offs, end, cands)
            common = self.common
            for i in range(n):
                t = toks[i]
                # a short acronym is an organisation only with evidence (a list, a definition, a cue)
                if 2 <= len(t) <= 6 and t.isupper() and t.isalpha() and keys[i] not in common \
                        and (len(t) > 3 or cues.acts_as_organisation(self.text, offs[i], offs[i] + len(t))) \
                        and not _INDEX_AFTER.match(self.text, offs[i] + len(t)) and not cues.ticker(self.text, offs[i]) \
                        and (keys[i],) not in lex.not_org \
                        and not (i > 0 and toks[i - 1].isupper()) and not (i + 1 < n and toks[i + 1].isupper()) \
                        and not (i == 0 and self._line_head(offs[0], end if n == 1 else offs[1])):
                    cands.append((i, i + 1, ACRONYM, "a:" + t, "acronym"))
                elif len(t) > 3 and not t[1:].islower() and _MIXED.fullmatch(t) and keys[i] not in common and (keys[i],) not in lex.not_org \
                        and not self._continues(toks, keys, i + 1) and not self._product(offs[i], offs[i] + len(t)):
                    cands.append((i, i + 1, HEAD, "n:" + keys[i], "mixed-case brand"))
        taken = self._accept(toks, keys, offs, cands, prev) if cands else None
        if n > 1:  # a person is named in two words or more
            self._people(toks, keys, offs, taken or [False] * n)

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
        return line_start and DATELINE_AFTER.match(self.text, end) is not None

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
            why = "organisation word: " + toks[i]
            j = i
            while j > 0 and self._name_token(toks[j - 1], keys[j - 1]):
                j -= 1
            if "prefix" in flags:
                # "Lashkar-e-Balochistan", "Pakistan Tehreek-e-Insaf", "Jamiat Ulema-e-Islam"
                r = i + 1
                while r < n and self._name_token(toks[r], keys[r]):
                    r += 1
                if "-" in toks[i] or r > i + 1:
                    cands.append((j, r, HEAD, "n:" + norm_name(" ".join(toks[j:r])), why))
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
                e = cues.before_titled_person(keys, k, e)  # not "Democratic Party of President Sali Berisha"
                if e > k:
                    r = e
            while r < n and "suffix" in heads.get(keys[r], ()):
                r += 1
            if "suffix" in flags and j == i or "long" in flags and i - j < 2:
                continue  # "Traffic Safety Administration", but not "the Obama Administration"
            if j == i and r == i + 1:
                # a bare head: only after a title's possessive ("Chief Minister's Secretariat")
                if i == 0 and prev is not None and self._title_possessive(prev, offs[0]):
                    start = prev[2][0]
                    cands.append((0, 1, POSSESSIVE, "n:" + norm_name(self.text[start:offs[0] + len(toks[0])]),
                                  "an office's " + toks[0]))
                continue
            if r == n - 1 and r == i + 1 and (keys[r],) in lex.places and "suffix" not in flags:
                r = n  # "Frontier Corps Balochistan": a force named with its province
            if self._continues(toks, keys, r) or any(tuple(keys[k:i + 1]) in lex.not_org for k in range(j, i + 1)):
                continue  # "Kansai International Airport"; "West Bank", "Soviet Union"
            cands.append((j, r, HEAD, "n:" + norm_name(" ".join(toks[j:r])), why))
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
                    cands.append((j, r, HEAD, "n:" + norm_name(" ".join(toks[j:r])), "names joined by &"))

    def _title_possessive(self, prev, start: int) -> bool:
        gap = self.text[prev[3]:start]
        return gap in ("'s ", "’s ") and tuple(prev[1]) in self.lex.titles

    def _accept(self, toks, keys, offs, cands, prev) -> list[bool]:
        """Keep the longest non-overlapping candidates; -> which tokens they took."""
        lex = self.lex
        heads = lex.heads
        cands.sort(key=lambda c: (c[0] - c[1] - (c[2] == POSSESSIVE), c[2], c[0]))
        taken = [False] * len(toks)
        for i, j, kind, org, why in cands:
            if any(taken[i:j]):
                continue
            if kind == ACRONYM:
                known = self.acronyms.get(toks[i])
                if known is not None:
                    org, why = known[1], "acronym defined"
            for k in range(i, j):
                taken[k] = True
            # a title's possessive joins the previous run: "Chief Minister's Secretariat"
            start = prev[2][0] if kind == POSSESSIVE else offs[i]
            last = toks[j - 1]
            stop = offs[j - 1] + len(last)
            key = tuple(keys[i:j])
            if last.endswith(".") and _SENTENCE_END.match(self.text, stop):
                stop -= 1  # "... Lear Corp." at the end of a sentence: the stop is not the name's
            elif kind == GAZETTEER and offs[j - 1] in self.stretch or key in self.possessive \
                    and self.text.startswith(("'s", "’s"), stop):
                stop += 2  # "Lowe's", and "Boatmen's" after "Boatmen's Bancshares Inc."
            elif kind == CUE and "-" in last and (owned := cues.OWNED.search(last)):
                stop -= len(owned.group())
                key = (*key[:-1], norm_token(last[:owned.start()]))
            seen = self.known.get(key)
            if seen is not None and kind != DEFINITION:
                self.union(seen[0], org)  # a name shown to be an organisation is the same one here
            self.found.append((start, stop, org))
            self.why[start] = why
            if j == len(toks) and kind in (GAZETTEER, HEAD, CUE) and self.text.startswith(" (", stop):
                self._named_acronym(stop + 1, org)
            if kind == GAZETTEER and self.sporty and self.gaz_ids[org].kind == "sport":
                self._team_city(self.gaz_ids[org].name, org)
            elif kind == CUE and why == "sports: a club and its city":
                self._team_city(" ".join(keys[i:j]), org)
            if kind != GAZETTEER:
                self.remember(key, org, caps_only=kind == ACRONYM)
                if kind in (HEAD, CUE):
                    # "Magna International Inc." -> "Magna" later in the text
                    r = j
                    while r > i + 1 and ("suffix" in heads.get(keys[r - 1], ()) or keys[r - 1] in _COMPANY_WORDS):
                        r -= 1
                    if r < j and keys[i] not in self.common and tuple(keys[i:r]) not in lex.not_org:
                        self.remember(tuple(keys[i:r]), org)
                    # "Walt Disney Co." is the listed "Walt Disney", also called "Disney"
                    hit = lex.names.get(tuple(keys[i:r])) if r < j else None
                    if hit is not None:
                        self.gaz_ids["g:" + hit[0].name] = hit[0]
                        self.union(org, "g:" + hit[0].name)
        return taken

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
                    if self.possessive and tuple(keys[i:j]) in self.possessive:
                        if not self.text.startswith(("'s", "’s"), stop):
                            continue
                        stop += 2
                    if not self._overlaps(start, stop) \
                            and not (self._continues(toks, keys, j) and not self.in_caps_line(start)) \
                            and not (tuple(keys[i:j]) in self.lex.places and self._as_place(start, stop)):
                        self.found.append((start, stop, hit[0]))
                        self.why[start] = "acronym defined" if toks[i] in self.acronyms else SAME
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
            offs = _offsets(m.start(), toks)
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
    " Motors Airlines Petroleum Energy Foods Stores Media Brands Partners Mining Resources Minerals"
    " Steel Chemicals Insurance Software Networks Therapeutics Entertainment Hotels Logistics".split()
)


def _offsets(start: int, toks: list[str]) -> list[int]:
    """Where each of a run's tokens (split on single spaces) starts in the text."""
    offs = []
    for t in toks:
        offs.append(start)
        start += len(t) + 1
    return offs
