"""Word costs for fused-word repair: the shipped frequency list and the split score of a token.

`split_candidates(token)` answers one question for the line-wrap search in `reader.joins`:
if a line break was deleted somewhere inside this space-free token, where could it have
been, and how much more (or less) likely is a space there than the token as it stands?
The answer is a log10 likelihood ratio per position, from a unigram word model (the
`wordfreq` list in `resources/words-en.txt.gz`) and the characters on either side.
"""
from __future__ import annotations

import gzip
import re
from functools import lru_cache
from importlib import resources

UNKNOWN_BASE = 7.0        # cost (-log10 p) of an unknown word: base ...
UNKNOWN_PER_CHAR = 0.5    # ... plus this per character
STRONG = 6.0              # punctuation evidence: ",potentially", "said“We", "(BLA)and"
FLOOR = -6.0              # splits scoring below this are never proposed
RARE = -5.0               # possible but unusual: a space after “ or before a hyphen

_costs: dict[str, float] | None = None


def word_costs() -> dict[str, float]:
    """Lowercase word -> cost in log10 units (9 - Zipf frequency); loaded once."""
    global _costs
    if _costs is None:
        raw = (resources.files("reader.resources") / "words-en.txt.gz").read_bytes()
        costs: dict[str, float] = {}
        for line in gzip.decompress(raw).decode("utf-8").splitlines():
            zipf10, _, words = line.partition("\t")
            costs.update(dict.fromkeys(words.split(" "), 9.0 - int(zipf10) / 10.0))
        _costs = costs
    return _costs


_LETTERS = "A-Za-z\u00c0-\u024f"
_APOS = "'\u2019"
# a word piece: letters with inner apostrophes ("Pakistan’s", "don’t")
_TAIL_WORD = re.compile(rf"[{_LETTERS}]+(?:[{_APOS}][{_LETTERS}]+)*$")
_HEAD_WORD = re.compile(rf"[{_LETTERS}]+")
_PLAIN = re.compile(rf"[{_LETTERS}]+")
_URLISH = re.compile(r"(?:https?://|www\.)|@[A-Za-z0-9]|^#\w|\.(?:com|org|net|gov|edu|uk|pk|in|io)\b",
                     re.IGNORECASE)
_UNIT = frozenset("""st nd rd th s am pm m bn mn k km kg g gb mb tb mw kw gw mm cm ft
    mph kph ml mg h hr hrs min x d p c f v th-century yo mp lb lbs oz""".split())
_OPEN = "“‘([{«"
_CLOSE = "”’)]}»"
_SENT = ",;:!?"
_DASH = "—–"


def cost(word: str) -> float:
    costs = _costs if _costs is not None else word_costs()
    w = word.lower().replace("\u2019", "'")
    c = costs.get(w)
    if c is None:
        if w.endswith("'s") and w[:-2] in costs:
            c = costs[w[:-2]] + 0.5
        else:
            c = UNKNOWN_BASE + UNKNOWN_PER_CHAR * len(w)
    if len(w) == 1 and w not in ("a", "i"):
        c = max(c, 8.0)
    return c


def _letter_split(left: str, right: str) -> float | None:
    """Score a split between two letters: cost(joined) - cost(left) - cost(right)."""
    m = _TAIL_WORD.search(left)
    lw = m.group() if m else left[-1]
    m = _HEAD_WORD.match(right)
    rw = m.group() if m else right[0]
    llr = cost(lw + rw) - cost(lw) - cost(rw)
    a, b = lw[-1], rw[0]
    if a.islower() and b.isupper():
        if len(lw) >= 2 and lw.islower():
            llr += 4.0                      # theProvincial, inBalochistan
        elif len(lw) == 1:
            llr -= 4.0                      # iPhone, eBay
        elif lw[:1].isupper() and len(lw) <= 3:
            llr -= 2.0                      # McDonald, MacBook-like prefixes
        else:
            llr += 1.0                      # RepublicanArmy (YouTube is in the list)
    elif a.isupper() and b.islower() and len(lw) >= 2 and lw.isupper():
        llr -= 1.0                          # BLAand vs NYAGquestions: weak either way
    return llr


_SUFFIX = frozenset(["s", "t", "re", "ve", "ll", "d", "m"])     # don’t, Pakistan’s, we’ll
_ABBREV = re.compile(r"(?:^|[^A-Za-z])(?:[A-Za-z]\.)+$")          # e.g. i.e. U.S.


def _score(tok: str, i: int, quote_open: bool) -> float | None:
    """Log10 likelihood ratio of a deleted space before tok[i], or None if impossible.

    quote_open: an odd number of straight double quotes precede tok in its paragraph.
    """
    a, b = tok[i - 1], tok[i]
    left, right = tok[:i], tok[i:]
    if a.isalpha() and b.isalpha():
        return _letter_split(left, right)
    if b == "\"":                              # opening if none is open yet
        q = quote_open != (tok.count("\"", 0, i) % 2 == 1)
        if q:
            return RARE
        return STRONG if (a.isalnum() or a in _SENT + "." + _DASH) else 1.0
    if a == "\"":
        q = quote_open != (tok.count("\"", 0, i - 1) % 2 == 1)
        if not q:
            return RARE
        return STRONG - 1.0 if (b.isalnum() or b in _OPEN) else RARE
    if a in _APOS and b.isalpha():
        m = _HEAD_WORD.match(right)
        if m.group().lower() in _SUFFIX or not tok[i - 2: i - 1].isalpha():
            return RARE
        return 2.0                              # artists’ performance, ‘impeachment’ proceedings
    if b in "'\u2019+" or a == "/" or b == "/" or a in _OPEN or b in _CLOSE:
        return RARE
    if b in _SENT or b == "." or b == "%" or a == "-" or b == "-":
        return RARE
    if a.isdigit() and b.isdigit():
        return -4.0
    if a.isdigit() and b.isalpha():
        m = _HEAD_WORD.match(right)
        rw = m.group().lower()
        c = cost(rw)
        if rw in _UNIT or (len(rw) <= 2 and c > 4.0):
            return -2.0                     # 5th, 22kW, 10am: usually one token
        return 2.0 - max(0.0, c - 5.0)
    if a.isalpha() and b.isdigit():
        m = _TAIL_WORD.search(left)
        lw = m.group() if m else a
        if lw.islower() and cost(lw) < 6.0 and (len(lw) > 1 or lw == "a"):
            return 2.0
        return -3.0
    if a in _SENT:
        if a == ":" and right[:2] == "//":
            return RARE
        if a == ":" and b.isupper():
            return 1.0                      # "ISLAMABAD:The" datelines exist unsplit
        if b.isdigit():
            return RARE if left[-2:-1].isdigit() else 2.0
        return STRONG
    if a == ".":
        if _ABBREV.search(left):            # e.g.|breathlessness, U.S.|Army, never e.|g.
            m = _HEAD_WORD.match(right)
            if m and len(m.group()) == 1 and right[1:2] == ".":
                return RARE
            return 1.0
        if b.isupper() or b in _OPEN:
            m = _TAIL_WORD.search(left[:-1])
            lw = m.group() if m else ""
            if len(lw) <= 3 and lw[:1].isupper() and lw != "The":
                return 0.0                  # Mr.Smith, Sept.The: weak
            return STRONG - 1.0
        if b.isdigit():
            return RARE if left[-2:-1].isdigit() else -2.0
        return -4.0                         # dawn.com
    if b in _OPEN:
        return STRONG if (a.isalnum() or a in _SENT + "." + _DASH) else 1.0
    if a in _CLOSE:
        return STRONG - 1.0 if (b.isalnum() or b in _OPEN) else RARE
    if a in _DASH or b in _DASH:
        return 0.0
    if a == "%" or b in "$£€":
        return 3.0
    return -3.0


@lru_cache(maxsize=65536)
def split_candidates(tok: str, quote_open: bool = False) -> tuple[tuple[int, float], ...]:
    """Offsets i (1 <= i < len(tok)) where a space may have been lost, with their scores.

    quote_open: an odd number of straight double quotes precede tok in its paragraph.
    """
    if len(tok) < 2:
        return ()
    url = _URLISH.search(tok) is not None
    out = []
    if _PLAIN.fullmatch(tok):
        for i in range(1, len(tok)):
            s = _letter_split(tok[:i], tok[i:])
            if s >= FLOOR:
                out.append((i, s))
        return tuple(out)
    for i in range(1, len(tok)):
        s = _score(tok, i, quote_open)
        if s is None:
            continue
        if url:
            s -= 3.0
        if s >= FLOOR:
            out.append((i, s))
    return tuple(out)
