"""What the characters either side of a possible deleted line break say about it.

`break_score(token, i)` is the log10 likelihood ratio of a deleted space before ``token[i]``
from punctuation, digits, quotes, brackets, dots and case alone; `case_score` the part that
letter case adds. The word list's side of the question is in :mod:`reader.fused.words`.
"""
from __future__ import annotations

import re


STRONG = 6.0              # punctuation evidence: ",potentially", "said“We", "(BLA)and"
RARE = -5.0               # possible but unusual: a space after “ or before a hyphen
URL_START = 2.0           # a break before a URL ("www.", "https://") ...
URL_AFTER_SENTENCE = 6.0  # ... after a sentence's end (cancels the dot's -4 as a domain's)
AFTER_SHORT_LINK = 6.0    # a break after a tweet's link id (10 characters): the next word
A_NAME = 0.0              # "aNobel": the article before a name, not a brand like "iPhone"
POSSESSIVE = -2.0         # a space after ’ before an s: "Ford’ sunexecuted" is a possessive
                          # "Ford’s unexecuted" (a plural's ’ follows an s; a closing quote
                          # has an opening one, or the s-word is a word: "reform’ saying")

_LETTERS = r"^\W\d_"
_APOS = "'\u2019"
# a word piece: letters with inner apostrophes ("Pakistan’s", "don’t")
_TAIL_WORD = re.compile(rf"[{_LETTERS}]+(?:[{_APOS}][{_LETTERS}]+)*$")
_HEAD_WORD = re.compile(rf"[{_LETTERS}]+")
_UNIT = frozenset("""st nd rd th s am pm m bn mn k km kg g gb mb tb mw kw gw mm cm ft
    mph kph ml mg h hr hrs min x d p c f v yo mp lb lbs oz""".split())
_OPEN = "“‘([{«"
_CLOSE = "”’)]}»"
_SENT = ",;:!?"
_DASH = "—–"


def case_score(run: str, k: int, a: str, b: str) -> float:
    """Evidence from letter case around a split at run[k]."""
    if a.islower() and b.isupper():
        lw = run[:k]
        if k >= 2 and lw.islower():
            return 4.0                      # theProvincial, inBalochistan
        if k == 1:
            return A_NAME if a == "a" else -4.0     # iPhone, eBay; but a|Nobel Prize
        if lw[:1].isupper() and k <= 3:
            return -2.0                     # McDonald, MacBook
        return 1.0                          # RepublicanArmy (YouTube is in the list)
    if a.isupper() and b.islower() and k >= 2 and run[:k].isupper():
        return -1.0                         # BLAand vs NYAGquestions: weak either way
    return 0.0


_SUFFIX = frozenset(["s", "t", "re", "ve", "ll", "d", "m"])     # don’t, Pakistan’s, we’ll
_ABBREV = re.compile(r"(?:^|[^A-Za-z])(?:[A-Za-z]\.)+$")          # e.g. i.e. U.S.


def break_score(tok: str, i: int, quote_open: bool) -> float | None:
    """Log10 likelihood ratio of a deleted space before tok[i], or None if impossible.

    quote_open: an odd number of straight double quotes precede tok in its paragraph.
    """
    a, b = tok[i - 1], tok[i]
    left, right = tok[:i], tok[i:]
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
        if (b in "sS" and tok[i - 2] not in "sS" and "\u2018" not in left
                and not (a == "'" and "'" in left[:-1])
                and words.cost(m.group()[1:]) <= words.cost(m.group()) + 1.0):
            return POSSESSIVE       # Ford’s|unexecuted, not Ford’|sunexecuted; but reform’|saying
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
        c = words.cost(rw)
        if rw in _UNIT or (len(rw) <= 2 and c > 4.0):
            return -2.0                     # 5th, 22kW, 10am: usually one token
        return 2.0 - max(0.0, c - 5.0)
    if a.isalpha() and b.isdigit():
        m = _TAIL_WORD.search(left)
        lw = m.group() if m else a
        if lw.islower() and words.cost(lw) < 6.0 and (len(lw) > 1 or lw == "a"):
            return 2.0
        return -3.0
    if a in _SENT:
        if a == ":" and right[:2] == "//":
            return RARE
        if a == ":" and b.isupper():
            return 1.0                      # "ISLAMABAD:The" datelines exist unsplit
        if b.isdigit():
            digits = _digits_at(tok, i)
            if left[-2:-1].isdigit() and (a != "," or digits == 3 or (
                    digits != 4 and (i + digits == len(tok) or tok[i + digits] not in ")]-\u2013"))):
                return RARE                 # 3:30, 1,500, 2,5 -- but 18,|2019, (10,|11) split
            return 2.0
        return STRONG
    if a == ".":
        if b in _CURRENCY:
            return 3.0                      # (Orig.|$1,599)
        if _ABBREV.search(left):            # e.g.|breathlessness, U.S.|Army, never e.|g.
            m = _HEAD_WORD.match(right)
            if m and len(m.group()) == 1 and right[1:2] == ".":
                return RARE
            return 1.0
        if (b.isupper() and left[-2:-1].isupper() and not left[-3:-2].isupper()
                and _INITIAL.match(tok, i)):
            return RARE                     # initials: George R.|R. Martin, a U.|S. court
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
        if b == "(" and a.isalnum() and _SUFFIX_IN_BRACKETS.match(tok, i) and (
                a.isdigit() or (_TAIL_WORD.search(left).group()
                                + tok[i + 1: tok.index(")", i)]).lower() in words._costs):
            return RARE                     # 401(k), name(s), child(ren); not and|(c)
        return STRONG if (a.isalnum() or a in _SENT + "." + _DASH) else 1.0
    if a in _CLOSE:
        return STRONG - 1.0 if (b.isalnum() or b in _OPEN) else RARE
    if a in _DASH or b in _DASH:
        return 0.0
    if a in _CURRENCY and b.isdigit():
        return RARE                         # $4.99
    if a == "%" or b in "$£€#@":
        return 3.0                          # 5%of, about$5, the#hashtag, follow@user
    if a == "#" or a == "@":
        return RARE
    return -3.0


_DIGITS = re.compile(r"\d*")
_SUFFIX_IN_BRACKETS = re.compile(r"\([a-z]{1,3}\)")
_URL_AFTER = frozenset(".,;:!?)”’\"")
_CURRENCY = "$£€"
_INITIAL = re.compile(r"[A-Z]\.")


def _digits_at(tok: str, i: int) -> int:
    """How many decimal digits tok has from i on."""
    return len(_DIGITS.match(tok, i).group())


# (last: reader.fused.words imports the names above from here)
from . import words  # noqa: E402
