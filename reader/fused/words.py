"""Word costs for fused-word repair: the shipped frequency list and the split score of a token.

`split_candidates(token)` (and `split_candidates_upto`, the same for offsets up to a
column) answers one question for the line-wrap search in `reader.fused.repair`:
if a line break was deleted somewhere inside this space-free token, where could it have
been, and how much more (or less) likely is a space there than the token as it stands?
The answer is a log10 likelihood ratio per position, from a unigram word model (the
`wordfreq` list in `resources/words-en.txt.gz`) and the characters on either side.
"""
from __future__ import annotations

import gzip
import re
import threading
from bisect import bisect_left
from itertools import compress
from ..assets import resource
from .cues import (AFTER_SHORT_LINK, URL_AFTER_SENTENCE, URL_START, _APOS, _LETTERS, _URL_AFTER,
                   case_score, break_score)

UNKNOWN_BASE = 7.0        # cost (-log10 p) of an unknown word: base ...
UNKNOWN_PER_CHAR = 0.5    # ... plus this per character
FLOOR = -6.0              # splits scoring below this are never proposed
MARGIN = 5.0              # candidates this far below the token's best are dropped
SURE = 3.0                # a split this good needs no look at the rest of the token
PREWARM = 8000            # words whose splits are computed when the list loads
CACHE_SIZE = 131072       # answers kept per cache (each emptied when full)

_costs: dict[str, float] | None = None
_LONGEST = 0              # letters in the longest word of the list (parts longer are unknown)



def word_costs() -> dict[str, float]:
    """Lowercase word -> cost in log10 units (9 - Zipf frequency); loaded once.

    Single letters other than "a" and "i" are made expensive: as words they are rare in
    running text, and a cheap "t" or "e" would invite splits like "governmen|t".
    """
    if _costs is None:
        with _LOADING:             # (several threads may ask at once: one loads it)
            if _costs is None:
                _load()
    return _costs


_LOADING = threading.Lock()


def _load() -> None:
    """Read the word list into _costs, then analyse its commonest words once."""
    global _costs
    raw = resource("words-en.txt.gz").read_bytes()
    costs: dict[str, float] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        zipf10, _, words = line.partition("\t")
        costs.update(dict.fromkeys(words.split(" "), 9.0 - int(zipf10) / 10.0))
    for letter in "bcdefghjklmnopqrstuvwxyz":
        costs[letter] = max(costs.get(letter, 8.0), 8.0)
    global _LONGEST
    _LONGEST = max(map(len, costs))
    _costs = costs
    for word in list(costs)[:PREWARM]:   # the most frequent words, analysed now
        if word.isalpha():
            split_candidates(word)
            split_candidates(word.capitalize())


def cost(word: str) -> float:
    """-log10 probability of a word; unknown words cost more the longer they are."""
    w = word.lower().replace("\u2019", "'")
    c = (_costs if _costs is not None else word_costs()).get(w)
    return _unknown(w) if c is None else c


def _unknown(w: str) -> float:
    """cost() of a lowercase word missing from the list."""
    if w.endswith("'s") and w[:-2] in _costs:
        return _costs[w[:-2]] + 0.5
    if len(w) == 1:
        return 8.0
    return UNKNOWN_BASE + UNKNOWN_PER_CHAR * len(w)


def _run_splits(run: str, offset: int, ks: list, ss: list, upto: int = 0) -> None:
    """Append the letter|letter splits inside a run of letters (inner apostrophes allowed)
    at offsets 1 .. upto (all if 0) to ks (offset + k) and ss (score)."""
    low = run.lower()
    if "\u2019" in low:
        low = low.replace("\u2019", "'")
    n = len(run)
    stop = min(n, upto + 1) if upto else n
    if "'" in low:
        _apostrophe_splits(run, low, offset, ks, ss)
        return
    whole = _costs.get(low)
    if whole is not None:                        # a known word: the same every time
        rel_k, rel_s = _known_run(run)
        for k, llr in zip(rel_k, rel_s):
            if k >= stop:
                break
            ks.append(offset + k)
            ss.append(llr)
        return
    whole = _unknown(low)
    mixed = not (run[1:].islower() or run.isupper())  # case may tell: theProvincial
    if mixed or n <= 3 or not _known_suffix_splits(low, whole, stop, offset, ks, ss):
        _all_splits(run, low, whole, stop, mixed, offset, ks, ss)


def _all_splits(run, low, whole, stop, mixed, offset, ks, ss) -> None:
    get = _costs.get
    n = len(low)
    unknown = _unknown_costs(n)
    if n > _LONGEST:          # a long run: parts longer than any word are not looked up
        lefts = _part_costs(low, stop, True)
        rights = _part_costs(low, stop, False)
        for k in range(1, stop):
            llr = whole - lefts[k - 1] - rights[k - 1]
            if mixed:
                llr += case_score(run, k, run[k - 1], run[k])
            if llr >= FLOOR:
                ks.append(offset + k)
                ss.append(llr)
        return
    for k in range(1, stop):
        llr = whole - get(low[:k], unknown[k]) - get(low[k:], unknown[n - k])
        if mixed:
            llr += case_score(run, k, run[k - 1], run[k])
        if llr >= FLOOR:
            ks.append(offset + k)
            ss.append(llr)


def _part_costs(low: str, stop: int, left: bool) -> list:
    """[cost of low[:k] (left) or of low[k:] for k = 1 .. stop - 1], as cost() gives them,
    looking up only the parts no longer than the longest word."""
    n = len(low)
    unknown = _unknown_costs(n)
    get = _costs.get
    if left:
        cut = min(stop, _LONGEST + 1)              # k < cut: low[:k] may be a word
        return [get(low[:k], unknown[k]) for k in range(1, cut)] + unknown[cut:stop]
    cut = min(max(1, n - _LONGEST), stop)          # k >= cut: low[k:] may be a word
    return ([unknown[n - k] for k in range(1, cut)]
            + [get(low[k:], unknown[n - k]) for k in range(cut, stop)])


def _apostrophe_splits(run, low, offset, ks, ss) -> None:
    """Splits of a run with apostrophes: "Pakistan’s|most", "don’t|know".

    low is run lowercased with ’ as ', so its pieces need no more normalising for
    cost() (lower() is idempotent); the cost of the piece up to the next apostrophe is
    looked up once per apostrophe, not once per split."""
    mixed = not (run[1:].islower() or run.isupper())
    j = -2
    joined = 0.0                                # (set at the first split)
    for k in range(1, len(run)):
        a, b = run[k - 1], run[k]
        if not (a.isalpha() and b.isalpha()):
            continue
        if j < k and j != -1:                   # the next apostrophe at or after k
            j = low.find("'", k)
            joined = _cost_low(low[:j] if j >= 0 else low)
        x, y = low[:k], (low[k:j] if j >= 0 else low[k:])
        llr = joined - _cost_low(x) - _cost_low(y)
        if mixed:
            llr += case_score(run, k, a, b)
        if llr >= FLOOR:
            ks.append(offset + k)
            ss.append(llr)


def _cost_low(w: str) -> float:
    """cost() of a word already lowercased with ’ as '."""
    c = _costs.get(w)
    return _unknown(w) if c is None else c


_KNOWN_RUNS: dict[str, tuple[tuple[int, ...], tuple[float, ...]]] = {}


def _known_run(run: str) -> tuple[tuple[int, ...], tuple[float, ...]]:
    """All splits of a run that is itself a known word (cached: such runs recur)."""
    got = _KNOWN_RUNS.get(run)
    if got is None:
        ks: list[int] = []
        ss: list[float] = []
        low = run.lower()
        _all_splits(run, low, _costs[low], len(run), not (run[1:].islower() or run.isupper()),
                    0, ks, ss)
        if len(_KNOWN_RUNS) >= CACHE_SIZE:
            _KNOWN_RUNS.clear()
        got = _KNOWN_RUNS[run] = tuple(ks), tuple(ss)
    return got


def _known_suffix_splits(low, whole, stop, offset, ks, ss) -> bool:
    """Shortcut for an unknown run: try only the splits whose right part is a word.

    Returns False (nothing added) unless one of them is clearly good; a split whose right
    part is unknown scores at most k/2 - 1.3 then (k = length of the left part)."""
    get = _costs.get
    base, per = UNKNOWN_BASE, UNKNOWN_PER_CHAR
    mark = len(ks)
    best = FLOOR
    for k in range(1, stop):
        cy = get(low[k:])
        if cy is not None:
            llr = whole - (get(low[:k]) or base + per * k) - cy
            if llr >= FLOOR:
                ks.append(offset + k)
                ss.append(llr)
                if llr > best:
                    best = llr
    if best < SURE or best < per * (stop - 1) - 1.3:
        del ks[mark:], ss[mark:]
        return False
    return True


_RUN = re.compile(rf"[{_LETTERS}]+(?:[{_APOS}][{_LETTERS}]+)*")
_NON_LETTER = re.compile(r"[\W\d_]")
_WRAPPED = re.compile(r"([^\w#@/.]{1,3}|)([^\W\d_]+)([^\w#@/]{1,4}|)")   # “We  said,  (BLA)
_MARKUP = re.compile(r"[<>{}]")
_LINKISH = re.compile(r"[#@/]|\.\w")
_AFTER_LINK = re.compile(r"[A-Z][a-z]+[.,;:!?\"”’)]*$")      # a capitalised word ends the token
# (a tweet's short links and picture links have 10-character ids, often fused with the
# next word)
_URL = re.compile(r"(?:https?://t\.co|(?:https?://|(?<![A-Za-z]))pic\.twitter\.com)/[A-Za-z0-9]{10}"
                  r"|(?:https?://|www\.)\S+", re.IGNORECASE)
_SHORT_LINK = re.compile(r"(?:https?://)?(?:t\.co|pic\.twitter\.com)/", re.IGNORECASE)
_ADDRESS = re.compile(r"#\w+|[\w.+-]*\w@[a-z0-9][a-z0-9-]*(?:\.[a-z]{2,})+|@\w+"
                      r"|\w[\w-]*(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|info|io|co|uk|pk|in|de|fr)\b")


# Answers of split_candidates(), which the search asks again for every recurring word:
ANSWERS: dict[str, tuple[tuple[int, float], ...]] = {}   # tokens whose answer does not
# depend on a column limit (all but unknown one-word tokens), no open quote; the search
# reads it directly before calling split_candidates_upto
_UNKNOWN: dict[str, tuple[tuple[int, float], ...]] = {}  # unknown words, no open quote
_QUOTED: dict[str, tuple[tuple[int, float], ...]] = {}   # any token after an open quote


def split_candidates(tok: str, quote_open: bool = False) -> tuple[tuple[int, float], ...]:
    """Offsets i (1 <= i < len(tok)) where a space may have been lost, with their scores.

    quote_open: an odd number of straight double quotes precede tok in its paragraph.
    """
    if quote_open:
        cache = _QUOTED
    else:
        got = ANSWERS.get(tok)
        if got is not None:
            return got
        cache = _UNKNOWN if tok.isalpha() and tok.lower() not in _costs else ANSWERS
    got = cache.get(tok)
    if got is None:
        if len(cache) >= CACHE_SIZE:
            cache.clear()
        got = cache[tok] = _analyse(tok, quote_open, len(tok))
    return got


def split_candidates_upto(tok: str, quote_open: bool, upto: int) -> tuple[tuple[int, float], ...]:
    """split_candidates() limited to offsets <= upto (cheaper for long fused tokens,
    which are seldom seen twice)."""
    if upto < len(tok) - 1 and tok.isalpha():
        low = tok.lower()
        if low not in _costs:                           # fused words are seldom seen twice
            if len(tok) > 3 and (tok[1:].islower() or tok.isupper()):
                return _unknown_word(tok, low, upto)    # the commonest: "toinitiate"
            return _analyse(tok, quote_open, upto)
    return split_candidates(tok, quote_open)            # cached: words recur


def _analyse(tok: str, quote_open: bool, upto: int) -> tuple[tuple[int, float], ...]:
    ks: list[int] = []        # candidate offsets and their scores, as two lists: fewer
    ss: list[float] = []      # objects for the garbage collector than (offset, score) pairs
    if tok.isalpha():
        n = len(tok)
        low = tok.lower()
        whole = _costs.get(low)
        if whole is not None:                   # a known word: its splits are cached
            rel_k, rel_s = _known_run(tok)
            stop = min(n, upto + 1) if upto else n
            if rel_k and rel_k[-1] >= stop:
                i = bisect_left(rel_k, stop)
                rel_k, rel_s = rel_k[:i], rel_s[:i]
            return _near_best(rel_k, rel_s)
        if n > 3 and (tok[1:].islower() or tok.isupper()):
            return _unknown_word(tok, low, upto)
        _run_splits(tok, 0, ks, ss, upto)
        return _near_best(ks, ss)
    markup = _MARKUP.search(tok) is not None     # debris such as "Noksu>and": see _sure_runs
    m = None if markup else _WRAPPED.fullmatch(tok)
    if m and m.group(2) != tok:     # a word in punctuation: "said," "(BLA)" "“We": reuse the
        # word's candidates ("CO₂", "km²" are one word-character run but not isalpha():
        # they take the general path below rather than recurse on themselves)
        a, b = m.span(2)
        if b - a >= 2:
            for k, llr in split_candidates(m.group(2)):
                if a + k > upto:
                    break
                ks.append(a + k)
                ss.append(llr)
        for i in (*range(1, a + 1), *range(b, min(len(tok), upto + 1))):
            if i <= upto:
                llr = break_score(tok, i, quote_open)
                if llr is not None and llr >= FLOOR:
                    ks.append(i)
                    ss.append(llr)
        return _near_best(ks, ss)
    for m in _RUN.finditer(tok):
        start = m.start()
        if start >= upto:
            break
        if markup:
            _sure_run_splits(m.group(), start, ks, ss, upto)
        elif m.end() - start >= 2:
            _run_splits(m.group(), start, ks, ss, upto - start)
    n = len(tok)
    seen = -1
    for m in _NON_LETTER.finditer(tok):
        j = m.start()
        if j > upto:
            break
        for i in (j, j + 1):
            if i <= seen or i == 0 or i == n or i > upto:
                continue
            if markup and (tok[i - 1] in "<{" or tok[i] in ">}"):
                continue                # not between a bracket and what it opens or closes
            seen = i
            s = break_score(tok, i, quote_open)
            if s is not None and s >= FLOOR:
                ks.append(i)
                ss.append(s)
    if _LINKISH.search(tok):
        _inside_links(tok, ks, ss)
    return _near_best(ks, ss)


def _sure_run_splits(run: str, start: int, ks: list, ss: list, upto: int) -> None:
    """The splits inside a run of letters of a token holding markup characters (``<``,
    ``>``, ``{``, ``}``), appended as _run_splits does: only a sure one or where a capital
    follows a small letter ("<PalaceTale", "JangNoksu>"). Such debris often holds a name,
    and a doubtful split of it once gave "No ksu>and" for "Noksu>and"."""
    if len(run) < 4:
        return
    for k, llr in split_candidates(run):
        if start + k <= upto and (llr >= SURE or run[k - 1].islower() and run[k].isupper()):
            ks.append(start + k)
            ss.append(llr)


def _unknown_word(tok: str, low: str, upto: int) -> tuple[tuple[int, float], ...]:
    """Candidates of an unknown word of one case, like "toinitiate" (the common case):
    first only the splits whose right part is a word; all splits if none is clearly good."""
    get = _costs.get
    n = len(tok)
    whole = UNKNOWN_BASE + UNKNOWN_PER_CHAR * n
    stop = upto + 1 if upto < n else n
    unknown = _unknown_costs(n)
    if len(low) > _LONGEST:   # a long token: right parts longer than any word are unknown
        first = min(len(low) - _LONGEST, stop)
        rights = [None] * (first - 1) + [get(low[k:]) for k in range(first, stop)]
    else:
        rights = [get(low[k:]) for k in range(1, stop)]
    found = []
    best = FLOOR
    for k in compress(range(1, stop), rights):          # (no cost is 0.0: all truthy)
        llr = whole - get(low[:k], unknown[k]) - rights[k - 1]
        if llr >= FLOOR:
            found.append((k, llr))
            if llr > best:
                best = llr
    if best >= SURE and best >= UNKNOWN_PER_CHAR * (stop - 1) - 1.3:
        cut = best - MARGIN
        for k, llr in found:
            if llr < cut:
                return tuple([c for c in found if c[1] >= cut])
        return tuple(found)
    # no clear split with a known right part: all splits, as _all_splits scores them
    ks: list[int] = []
    ss: list[float] = []
    m = len(low)                                        # (may differ from n: "İ")
    unknown = _unknown_costs(m)
    if m > _LONGEST:
        lefts = _part_costs(low, stop, True)
        for k, cy in enumerate(rights, 1):
            llr = whole - lefts[k - 1] - (cy or unknown[m - k])
            if llr >= FLOOR:
                ks.append(k)
                ss.append(llr)
        return _near_best(ks, ss)
    for k, cy in enumerate(rights, 1):
        llr = whole - get(low[:k], unknown[k]) - (cy or unknown[m - k])
        if llr >= FLOOR:
            ks.append(k)
            ss.append(llr)
    return _near_best(ks, ss)


_UNKNOWN_COSTS: list[float] = []


_GROWING = threading.Lock()


def _unknown_costs(n: int) -> list[float]:
    """[cost of an unknown word of k letters for k = 0 .. n at least] (grown on demand,
    one thread at a time; entries are only ever appended, so readers need no lock)."""
    if len(_UNKNOWN_COSTS) <= n:
        with _GROWING:
            if len(_UNKNOWN_COSTS) <= n:
                _UNKNOWN_COSTS.extend([UNKNOWN_BASE + UNKNOWN_PER_CHAR * k
                                       for k in range(len(_UNKNOWN_COSTS), max(n + 1, 512))])
    return _UNKNOWN_COSTS


def _inside_links(tok: str, ks: list, ss: list) -> None:
    """Discourage splits inside URLs, e-mail addresses, domains and hashtags."""
    # a break before "www." is fine; after a sentence's end, more than fine ("." before a
    # lower-case letter alone scores as a domain's dot)
    spans = [(m.start(), m.end(),
              URL_AFTER_SENTENCE if tok[m.start() - 1: m.start()] in _URL_AFTER else URL_START)
             for m in _URL.finditer(tok)]
    starts = {a for a, b, before in spans}       # (not inside the domain it seems to extend)
    # a tweet's link ends with its 10-character id: what follows is the next word
    ends = {b for a, b, before in spans if b < len(tok) and _SHORT_LINK.match(tok, a)}
    spans += [(m.start(), m.end(), 0.0) for m in _ADDRESS.finditer(tok)]
    for j, i in enumerate(ks):
        if i in ends:
            ss[j] += AFTER_SHORT_LINK
    for a, b, before in spans:
        for j, i in enumerate(ks):
            if i == a:
                ss[j] += before
            elif a < i < b and i not in starts and i not in ends:
                if tok[i - 1] in "/.)" and _AFTER_LINK.match(tok, i):
                    ss[j] += 3.0                     # ...jang-noksu-show/|We hope
                else:
                    ss[j] -= 4.0


def _near_best(ks, ss) -> tuple[tuple[int, float], ...]:
    """(offset, score) of the candidates not far below the best one in the token."""
    if not ss:
        return ()
    cut = max(max(ss) - MARGIN, FLOOR)
    if min(ss) >= cut:
        return tuple(zip(ks, ss))
    return tuple([(k, s) for k, s in zip(ks, ss) if s >= cut])
