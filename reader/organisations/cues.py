"""The words around a name that say it is an organisation, for :mod:`reader.organisations.scan`.

* cue words right before a name ("the newspaper Dawn", "a spokesperson for X", "data
  from X") or right after it (", a Hungarian packaging company", "'s chief executive",
  " shares", " said in a statement", "-owned"),
* lists whose head noun is an organisation word ("start-ups such as A, B and C", "rivals
  A and B"): :func:`list_members` finds where their members start,
* match reports (:mod:`reader.organisations.sports`): :func:`sporty` counts the words that
  make a text one, :func:`team_spot` finds a name that plays a side (``Denver beat Phoenix
  110-98``).

Regular expressions, one pass each over a text, and :class:`EvidenceRules`, the part of
a :class:`reader.organisations.scan.Scan` that applies them. No Qt.
"""
from __future__ import annotations

import re

from .lexicon import Entry, norm_name, norm_token
from .sports import sporty, team_spot  # noqa: F401 - the scan asks for them here

_UP = "A-ZÀ-ÖØ-Þ"
# candidate kinds, strongest first when two candidates cover the same tokens
POSSESSIVE, DEFINITION, GAZETTEER, HEAD, CUE, ACRONYM = range(6)
# the small words inside a name: "Bank of England", "Procter & Gamble", "Banco do Brasil"
CONN = r"of|for|and|&|in|on|de|del|della|dello|di|der|des|du|la|le|van|von|den|da|do|dos|das|y|e"
_CONNECTORS = frozenset(CONN.split("|")) | {"the"}

# "the newspaper Dawn", "Italian club Atalanta", "software maker Lotus"; "a spokesperson
# for X", "data from X", "shares of X", "the founder of X"
_CUE_NOUNS = (
    "newspaper|daily|weekly|tabloid|magazine|agency|broadcaster|club|side|team|party"
    "|company|firm|group|bank|insurer|airline|conglomerate|maker|manufacturer|producer"
    "|retailer|publisher|brokerage|subsidiary|unit|operator|utility|newsletter|organisation"
    "|organization|movement|outfit|faction|charity|association|federation|union|network"
    "|distributor|supplier|exporter|importer|lender|chain|automaker|carmaker|refiner|brewer"
    "|builder|shipper|miner|developer|wholesaler|start-?up|studio|label")
CUE_BEFORE = re.compile(
    r"\b(?:(?:" + _CUE_NOUNS + r")"
    r"|(?i:(?:spokes(?:man|woman|person)|representative) (?:for|at)"
    r"|(?:data|figures|estimates|analysts?|economists?|strategists?) (?:from|at)"
    r"|(?:shares|stock|a stake|stakes) (?:of|in)"
    r"|(?:chief executive|chief executive officer|CEO|chief financial officer|CFO|co-?founder"
    r"|founder|chairman|chairwoman|shareholders|investors) (?:of|at))) $"
)
# the words a CUE_BEFORE match can end with: its nouns, as written ("start-up" holds a
# hyphen: not one word), and the link words in any case after the words they follow
_CUE_LAST = frozenset(_CUE_NOUNS.replace("start-?up", "startup").split("|"))
_CUE_LINKS = frozenset({"for", "at", "from", "of", "in"})
_CUE_LINKED = frozenset(
    "spokesman spokeswoman spokesperson representative data figures estimates analyst analysts"
    " economist economists strategist strategists shares stock stake stakes executive officer ceo"
    " cfo founder cofounder chairman chairwoman shareholders investors".split())


def _plain(word: str) -> bool:
    return word.isalpha() and word.isascii()


def cue_before(text: str, start: int):
    """``CUE_BEFORE.search(text, max(0, start - 34), start)`` for a name at ``start`` after
    a space, without the search where the words before that space say the answer: most
    words end no cue; a noun is the cue alone; a link word ("for", "of") needs one of a few
    words before it. (Every character the search could match a cue's last letter with, in
    any case, is a letter.)"""
    if start < 2 or not text[start - 2].isalpha():
        return None  # every cue ends with a letter ("percent. Acme": none)
    low = max(0, start - 34)
    space = text.rfind(" ", low, start - 1)
    word = text[max(low, space + 1):start - 1]
    if _plain(word):
        if word in _CUE_LAST:
            return CUE_BEFORE.match(text, start - 1 - len(word), start)
        if word.lower() not in _CUE_LINKS:
            return None
        if space > low:
            before = text[max(low, text.rfind(" ", low, space) + 1):space]
            if _plain(before) and before.lower() not in _CUE_LINKED:
                return None
    return CUE_BEFORE.search(text, low, start)


# "Cofinec, the Hungarian packaging company", "Douglas & Lomason shares", "X's chief
# executive", "X said in a statement"
CUE_AFTER = re.compile(
    r"(?:,? (?:a|an|the|[A-Z][\w-]*['’]s) (?:[\w-]+ ){0,3}?(?:company|group|firm|bank|newspaper|daily|agency|union"
    r"|maker|manufacturer|producer|airline|insurer|retailer|club|side|party|broadcaster"
    r"|conglomerate|brokerage|utility|operator|publisher|subsidiary|holding|distributor|supplier"
    r"|lender|chain|automaker|carmaker|refiner|brewer|start-?up)\b"
    r"(?! [A-Z]| said| says| reported| reports| added| quoted| told| wrote)"
    r"|(?:['’]s)? (?:shares|shareholders|stock price)\b"
    r"| (?:daily|newspaper|weekly|tabloid|news agency)(?= said| reported| quoted|,)"
    r"|, which (?:makes|sells|owns|operates|runs|builds|develops|produces|provides|offers"
    r"|manufactures|publishes)\b"
    r"|['’]s (?:chief executive|CEO|chief financial officer|CFO|co-?founder|founder|chairman"
    r"|chairwoman|board of directors|spokes(?:man|woman|person)|parent company|market value"
    r"|headquarters|share price)\b)"
)
# a person's title inside a run names the person after it ("Russian President Boris Yeltsin")
_PERSON_TITLES = frozenset(
    "president chancellor minister premier senator governor mayor king queen prince princess"
    " sheikh emperor pope ambassador secretary chairman chairwoman congressman congresswoman".split())


# the company cues a person's name takes too
_PERSONAL_CUE = re.compile(r"['’]s shares|spokes|representative", re.I)
# a model number after a brand: "the PlayStation 5"
_MODEL_AFTER = re.compile(r" \d")


_NEXT_WORD = re.compile(r" ([a-z]+)\b")


def before_titled_person(keys: list[str], start: int, stop: int) -> int:
    """Where the words ``keys[start:stop]`` stop before a person's title that has more
    words after it ("... of President Sali Berisha"); ``stop`` when there is none."""
    for k in range(start, stop - 1):
        if keys[k] in _PERSON_TITLES:
            return k
    return stop


# weaker: a person says things in statements too, so not after a person's name
SAID_IN_STATEMENT = re.compile(r" said in a (?:statement|filing|press release)\b")
# "according to Refinitiv data"
ACCORDING_TO = re.compile(r"\baccording to $")
DATA_AFTER = re.compile(r" (?:data|figures|estimates)\b")
# "Minneapolis-based First Bank System": a company after where it is based
_BASED = re.compile(r"-based$")
# "Tallowfield-owned stores": the name before the hyphen
OWNED = re.compile(r"-(?:owned|backed|controlled|funded)$")

# a dateline after a name at a line's start: "IRVINE, Calif.", "NABLUS, West Bank 1996-08-30"
DATELINE_AFTER = re.compile(r",? *(?:[A-Z][\w.]*\.? *){0,2}(?:\n|\d{4}-\d\d-\d\d|\(|:)")
# what joins the names of a list: "A, B and C"
_LIST_GAPS = frozenset({", ", ", and ", ", or "})
# a city used as a place: "in Seattle", "ARLINGTON, Texas"
_PLACE_BEFORE = re.compile(r"(?:\b(?:[Ii]n|[Aa]t|[Ff]rom|[Nn]ear)|[A-Z]{2,},) $")

# "start-ups such as A, B and C", "rivals A and B", "lenders including A": the link words
# first (a literal the regex engine finds fast), then the head noun before them
_LIST_LINK = re.compile(
    r",? (?:such as|including|like|among them) (?:the )?(?=[" + _UP + r"])"
    r"|\b(?:[Rr]ivals|[Cc]ompetitors|[Pp]eers) (?:the )?(?=[" + _UP + r"])"
)
_LIST_HEAD = re.compile(
    r"\b(?:companies|firms|start-?ups|banks|lenders|insurers|brands|retailers|airlines"
    r"|carmakers|automakers|manufacturers|makers|chains|outlets|publications|newspapers"
    r"|broadcasters|networks|studios|clubs|teams|parties|unions|agencies|organi[sz]ations"
    r"|charities|giants|platforms|exchanges|universities|funds|operators|carriers|suppliers"
    r"|publishers|labels|businesses|corporations|conglomerates|brokerages|fintechs|blue chips|stocks"
    r"|rivals|competitors|peers)$", re.I)
_MEMBER = re.compile(rf"[{_UP}][\w&'’.-]*(?: (?:of |& )?[{_UP}][\w&'’.-]*)*")
_LIST_SEP = re.compile(r"(?:,? and |,? or |, |/)(?:the )?(?=[" + _UP + r"])")


def list_members(text: str) -> dict[int, str]:
    """Where each member of a list headed by an organisation word starts -> the cue (its
    head and link words); members are the capitalised names joined by commas, "and", "or"."""
    out: dict[int, str] = {}
    for m in _LIST_LINK.finditer(text):
        link = m.group().strip(" ,").removesuffix(" the")
        if link[0] in "RCPrcp" and link[-1] == "s":  # "rivals A and B"
            cue = "listed after " + link
        else:
            head = _LIST_HEAD.search(text, max(0, m.start() - 16), m.start())
            if head is None:
                continue
            cue = f"listed after {head.group()} {link}"
        pos = m.end()
        for _ in range(12):
            name = _MEMBER.match(text, pos)
            if name is None:
                break
            out[pos] = cue
            pos = name.end()
            sep = _LIST_SEP.match(text, pos)
            if sep is None:
                break
            pos = sep.end()
    return out


# "the BLA claimed": a short acronym doing what organisations do
_ACTS = re.compile(
    r" (?:said|says|claimed|denied|announced|reported|stated|warned|urged|accused|rejected|confirmed"
    r"|insisted|demanded|issued|launched|condemned|welcomed|called|spokes(?:man|woman|person))\b")

# a stock's ticker: "trades under the ticker NVDA", "the symbol ABCD", "(NYSE: ZNTX)"
_TICKER_BEFORE = re.compile(
    r"(?:\b(?:[Tt]icker|[Ss]ymbol)(?: symbol)?|\b(?:NYSE|NASDAQ|Nasdaq|AMEX|TSX|TSXV|LSE|ASX|HKEX|SGX|NSE|BSE"
    r"|OTC|OTCQX|Xetra|Euronext|SIX|TSE|JSE|KRX|TWSE)\s?:) [\"“']?$")


def ticker(text: str, start: int) -> bool:
    """Is the all-capital word at ``start`` a stock's ticker rather than an organisation?"""
    return _TICKER_BEFORE.search(text, max(0, start - 16), start) is not None


# "KNP members", "SDA officials": people who belong to a body; "the CGT union": what it is
_MEMBERS = re.compile(
    r"(?:['’]s)? (?:members?|officials|leaders?|leadership|chairman|chairwoman|spokes(?:man|woman|person)"
    r"|headquarters|militants|fighters|supporters|lawmakers|deputies|activists|unions)\b"
    # "the CGT union", "the PNV party": what the body is, said after its name
    r"| (?:union|party|movement|militia|alliance|coalition|federation|confederation)\b(?!-)")


def acts_as_organisation(text: str, start: int, end: int) -> bool:
    """"the BLA claimed", "KNP members", "the CGT union": a short acronym after "the",
    before what bodies do, or before the people who belong to it or what kind of body it is."""
    return (_MEMBERS.match(text, end) is not None
            or text[max(0, start - 4):start] in ("the ", "The ") and _ACTS.match(text, end) is not None)


class EvidenceRules:
    """The cue, list, sports and person rules of :class:`reader.organisations.scan.Scan` (a
    mixin: it uses the scan's ``text``, ``lex``, ``members``, ``remember`` and ``_name_token``)."""

    def _supported(self, entry: Entry) -> bool:
        """Does the text give an ambiguous acronym's long form?"""
        return any(form in self.text for form in entry.forms)

    def _person_word(self, tok: str, key: str) -> bool:
        lex = self.lex
        return (tok[0].isupper() and not tok.isupper() and key not in lex.stop and key not in lex.heads
                and key not in lex.title_words and (key,) not in lex.places and key not in lex.demonyms)

    def _members(self, toks, keys, offs, cands) -> None:
        """Members of a list whose head noun is an organisation word ("start-ups such as ...")."""
        lex = self.lex
        n = len(toks)
        for i in range(n):
            cue = self.members.get(offs[i])
            if cue is None or not self._name_token(toks[i], keys[i]) or keys[i] in lex.given:
                continue
            r = i + 1
            while r < n and self._name_token(toks[r], keys[r]):
                r += 1
            if tuple(keys[i:r]) not in lex.not_org:
                cands.append((i, r, CUE, "n:" + norm_name(" ".join(toks[i:r])), "cue: " + cue))

    def _cues(self, toks, keys, offs, end, cands) -> None:
        """A run right after "newspaper", "a spokesperson for", "data from" ... or right
        before ", a ... company", "'s chief executive", " shares", " said in a statement",
        or written "X-owned", names an organisation (see :mod:`reader.organisations.cues`)."""
        text = self.text
        start = offs[0]
        n = len(toks)
        before = after = None
        first = 0
        if start and text[start - 1] == " ":
            before = cue_before(text, start)
            if before is None and text.startswith("to ", start - 3) \
                    and ACCORDING_TO.search(text, max(0, start - 14), start):
                before = DATA_AFTER.match(text, end)  # "according to Refinitiv data"
        if before is None and n > 2 and keys[1] in ("of", "in", "for", "at", "from"):
            before = CUE_BEFORE.search(text, start, offs[2])  # "Shares of X" opening a sentence
            first = 2
        if before is None and n > 1:
            for k in range(n - 1):
                if toks[k].endswith("-based"):  # "San Francisco-based Stripe"
                    before, first = _BASED.search(toks[k]), k + 1
        if before is None:
            after = CUE_AFTER.match(text, end) or (n == 1 and SAID_IN_STATEMENT.match(text, end))
        owned = OWNED.search(toks[-1]) if after is None and before is None and "-" in toks[-1] else None
        if not (before or after or owned):
            return
        last = n - 1 if owned else n  # "Tallowfield-owned": the name is what comes before the hyphen
        j = first if before else 0
        while j < last and not self._name_token(toks[j], keys[j]):
            j += 1
        r = j
        while r < last and self._name_token(toks[r], keys[r]):
            r += 1
        if owned:
            if r != n - 1 or not toks[-1][0].isupper():
                return
            r, after = n, owned
        elif before and before.re is CUE_BEFORE:  # "the group Human Rights in China"
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
        lex = self.lex
        if j >= r:
            return
        name = _name_of(toks[j:r])
        first = norm_token(name.split(" ", 1)[0])
        if tuple(norm_name(name).split()) not in lex.not_org \
                and first not in lex.title_words and first not in lex.given \
                and not any(k in _PERSON_TITLES for k in keys[j:r - 1]):
            # not "Sarah Whitcombe said in a statement", nor "German Chancellor Helmut
            # Kohl's spokesman": a person's title before more words names a person
            cue = "according to ... data" if before and before.re is DATA_AFTER \
                else (before or after).group().strip(" ,")
            cands.append((j, r, CUE, "n:" + norm_name(name), "cue: " + cue))


    def _with_others(self, runs) -> None:
        """"Magna, Johnson Controls and Lear": in a list of three names or more, joined by
        commas and "and", of which two are organisations, the others are organisations too
        (unless they are places, other listed non-organisations, or people: a given name
        first, or two or three plain words ending in one no dictionary holds)."""
        text = self.text
        lists, members, last = [], [], None
        for toks, keys, offs, end in runs:
            if "and" not in keys and "or" not in keys:
                segments = [(offs[0], end, toks, keys)]  # most runs: one name
            else:
                segments, a = [], 0
                for k in range(len(toks) + 1):
                    if k == len(toks) or keys[k] in ("and", "or"):
                        if k > a:
                            segments.append((offs[a], offs[k - 1] + len(toks[k - 1]), toks[a:k], keys[a:k]))
                        a = k + 1
            if last is not None and text[last:offs[0]] in _LIST_GAPS:
                members.extend(segments)
            else:
                if len(members) >= 3:
                    lists.append(members)
                members = segments
            last = end
        if len(members) >= 3:
            lists.append(members)
        if not lists:
            return
        ends = {e: s for s, e, _ in self.found}  # a member is one when a found name ends it
        lex = self.lex
        for members in lists:
            if sum(ends.get(e, -1) >= s for s, e, _, _ in members) < 2:
                continue
            for s, e, toks, keys in members:
                if e in ends or keys[0] in lex.given or tuple(keys) in lex.not_org \
                        or not all(self._name_token(t, k) for t, k in zip(toks, keys)) \
                        or any(fs < e and s < fe for fs, fe, _ in self.found) \
                        or 2 <= len(toks) <= 3 and keys[-1] not in self.common \
                        and all(self._person_word(t, k) and t.isalpha() for t, k in zip(toks, keys)):
                    continue  # "Satya Nadella" in "Microsoft, Google and Satya Nadella": a person's name
                org = "n:" + norm_name(" ".join(toks))
                self.found.append((s, e, org))
                self.why[s] = "cue: listed with other organisations"

    def _sides(self, toks, keys, offs, end, cands) -> None:
        """In a match report: a city playing a side ("Denver beat Phoenix 110-98"), a word
        and a city playing a side naming a club ("Slavia Prague 2 Sparta 1"); a player whose
        surname is a city ("Allan Houston scored") is no club."""
        lex = self.lex
        n = len(toks)
        key = tuple(keys)
        if key in lex.places and key not in lex.countries and team_spot(self.text, offs[0], end):
            cands.append((0, n, CUE, "n:" + norm_name(" ".join(toks)), "sports: a side in a match report"))
        elif n == 2 and key[1:] in lex.places and key[1:] not in lex.countries and keys[0] not in self.common \
                and keys[0] not in lex.given and self._person_word(toks[0], keys[0]) \
                and team_spot(self.text, offs[0], end):  # not a player: "Allan Houston scored"
            cands.append((0, 2, CUE, "n:" + norm_name(" ".join(toks)), "sports: a club and its city"))

    def _people(self, toks, keys, offs, taken) -> None:
        """Note the surnames of the people a run names, which are people wherever they recur."""
        lex = self.lex
        n = len(toks)
        given, titles = lex.given, lex.title_words
        for i in range(n - 1):
            # "Adam Neumann", "Deputy Prime Minister Tareq Aziz": a person's surname
            if (keys[i] in given or keys[i] in titles and toks[i][0].isupper()) \
                    and not (taken[i] or taken[i + 1]) and self._person_word(toks[i + 1], keys[i + 1]):
                k = i + 1
                while k + 1 < n and k < i + 3 and self._person_word(toks[k + 1], keys[k + 1]) and not taken[k + 1]:
                    k += 1
                self.surnames.add(keys[k])
        # "Dara Khosrowshahi" (a given name not listed): two or three plain capitalised words
        # that no rule took, inside a sentence (not a title-case headline at a line's start)
        if 2 <= n <= 3 and not any(taken) and offs[0] and self.text[offs[0] - 1] != "\n" \
                and all(self._person_word(t, k) and t.isalpha() for t, k in zip(toks, keys)):
            self.surnames.add(keys[-1])

    def _product(self, start: int, end: int) -> bool:
        """Is the mixed-case brand at ``text[start:end]`` a product: after the possessive of
        an organisation found just before ("Apple's AirPods", "Nvidia's GeForce"), or before
        a model number ("PlayStation 5")?  Not after a person's ("Kalvik's QuillPay")."""
        text = self.text
        if _MODEL_AFTER.match(text, end) is not None:
            return True
        return text.startswith(("'s ", "’s "), start - 3) and any(e == start - 3 for _, e, _ in self.found[-3:])

    def _named_again(self, why: str) -> None:
        """A listed name that is also a common word, passed over where it opens a sentence
        ("Zoom said", "Reading scored"), is the organisation where the text names it
        elsewhere too, unless a function word follows it ("Zoom in", "Reading the")."""
        named = {self.find(org) for _, _, org in self.found}
        for start, stop, org in self.deferred:
            following = _NEXT_WORD.match(self.text, stop)
            if following and following.group(1) in self.lex.stop:
                continue  # "Zoom in on the chart", "Reading the game": a verb
            if self.find(org) in named and not any(s < stop and start < e for s, e, _ in self.found):
                self.found.append((start, stop, org))
                self.why[start] = why

    def _drop_surnames(self) -> None:
        """"Neumann" after "Adam Neumann": a person, whatever else said so; except where a
        company cue stands right at the word ("Michael Dell" ... "Dell shares", "Dell,
        which makes laptops"): a founder's company named after them."""
        text, surnames = self.text, self.surnames
        kept = []
        for start, stop, org in self.found:
            word = text[start:stop]
            if norm_token(word) in surnames and " " not in word and not word.isupper():
                after = CUE_AFTER.match(text, stop)
                before = CUE_BEFORE.search(text, max(0, start - 34), start)
                # a person holds shares and has a spokesman too: "Kalvik's shares rose",
                # "a spokesperson for Newsom", "Newsom's spokesman"
                if (after is None or _PERSONAL_CUE.search(after.group())) \
                        and (before is None or _PERSONAL_CUE.search(before.group())):
                    continue
            kept.append((start, stop, org))
        self.found = kept

    def _as_place(self, start: int, stop: int) -> bool:
        """Is a city that names a team used as a place here: a dateline, "in Seattle",
        "ARLINGTON, Texas"?"""
        return (self.in_caps_line(start) or _PLACE_BEFORE.search(self.text, max(0, start - 6), start) is not None
                or DATELINE_AFTER.match(self.text, stop) is not None and self.text.rfind("\n", 0, start) + 1 >= start - 30)

    def _team_city(self, name: str, org: str) -> None:
        """In a match report, a team named in full or by its nickname ("Cleveland Indians",
        "the Brewers") is its city when the city comes alone ("Milwaukee has won 10 of its
        last 15"); a club named by a word and its city ("Real Madrid") is that word alone."""
        lex = self.lex
        keys = norm_name(name).split()
        for k in range(1, len(keys)):
            for part in (tuple(keys[:k]), tuple(keys[k:])):
                if part in lex.places and part not in lex.countries:
                    self.remember(part, org, defined=True)
                    rest = tuple(keys[k:]) if part == tuple(keys[:k]) else tuple(keys[:k])
                    if len(rest) == 1 and rest not in lex.places and rest[0] not in lex.stop:
                        self.remember(rest, org)  # "Real" of "Real Madrid", "United" of "Manchester United"


def _name_of(toks: list[str]) -> str:
    """The name the tokens spell, without a trailing "-owned" ("Tallowfield-owned")."""
    m = OWNED.search(toks[-1])
    return " ".join(toks) if m is None else " ".join([*toks[:-1], toks[-1][:m.start()]])
