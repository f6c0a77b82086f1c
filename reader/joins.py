"""Repair of words fused where a hard line break was deleted: "resolved toinitiate" -> "to initiate".

Scraped text is often hard-wrapped at some width W and then has its line breaks deleted
without a space, so the last word of every line fuses with the first word of the next.
A greedy wrap is deterministic, which this module exploits instead of guessing words:

* a line of a paragraph starting at offset ``pos`` ends at a break ``p <= pos + W``, and the
  word starting at ``p`` did not fit, so it reaches column ``pos + W``.  The break therefore
  lies inside the space-free token covering character ``pos + W - 1``, and the next line
  starts at ``p``.  Given W, the whole chain of breaks follows, up to where inside each
  token the break falls -- which `reader.joins_words.split_candidates` scores.
* W is unknown, so the search carries an interval of widths along each chain and narrows it
  at every step; chains that hit a space or an unsplittable word die.  Clean text dies at
  once almost everywhere, which keeps the search cheap.
* Evidence is pooled per text: the width with the best total score over all paragraphs
  wins if the total is convincing; a paragraph is only repaired by a chain that fits that
  width (or, without a shared width, by its own chain if that alone is convincing).

Only spaces are inserted; text without the defect comes back unchanged (same object).
"""
from __future__ import annotations

from .joins_words import split_candidates, word_costs

__all__ = ["split_fused_words", "WIDTHS"]

WIDTHS = range(30, 161)       # hard-wrap widths considered
BEAM = 24                     # chain states kept per line
TEXT_MIN = 6.0                # total score needed for a width shared by the text
PARA_MIN = 14.0               # ... for a single paragraph on its own
LAST_FULL = -1.0              # score of a last line exactly W long
NO_CHAIN = 4.0                # penalty: a long paragraph with no chain at the width


def split_fused_words(text: str) -> str:
    """Insert the spaces lost where hard-wrapped lines were joined; change nothing else."""
    if len(text) < 2 * WIDTHS.start:
        return text
    word_costs()
    lines = text.split("\n")
    found = []                                   # (line index, start, chains)
    for k, line in enumerate(lines):
        if len(line) <= WIDTHS.start:
            continue
        start = len(line) - len(line.lstrip())
        body = line[start:].rstrip()
        found.append((k, start, body, _chains(body)))
    if not any(f[3] for f in found):
        return text
    width = _shared_width(found, lines)
    changed = False
    for k, start, body, chains in found:
        if not chains:
            continue
        best = None
        if width is not None:
            for lo, hi, score, breaks in chains:
                if lo <= width <= hi and (best is None or score > best[0]):
                    best = (score, breaks)
        if best is None:
            for lo, hi, score, breaks in chains:
                if score >= PARA_MIN and _nbreaks(breaks) >= 2 and (best is None or score > best[0]):
                    best = (score, breaks)
        if best is None:
            continue
        line = lines[k]
        cuts = _unlink(best[1])
        parts, prev = [], 0
        for p in cuts:
            parts.append(line[prev:start + p])
            prev = start + p
        parts.append(line[prev:])
        lines[k] = " ".join(parts)
        changed = True
    return "\n".join(lines) if changed else text


def _shared_width(found, lines):
    """The width best supported by all paragraphs together, or None."""
    lo_w, hi_w = WIDTHS.start, WIDTHS.stop - 1
    total = [0.0] * (hi_w - lo_w + 1)
    for k, start, body, chains in found:
        best = [None] * len(total)
        for lo, hi, score, breaks in chains:
            for w in range(lo, hi + 1):
                j = w - lo_w
                if best[j] is None or score > best[j]:
                    best[j] = score
        n = len(body)
        for j, b in enumerate(best):
            if b is not None:
                total[j] += b
            elif n > j + lo_w:
                total[j] -= NO_CHAIN
    j = max(range(len(total)), key=total.__getitem__)
    return j + lo_w if total[j] >= TEXT_MIN else None


def _nbreaks(breaks) -> int:
    n = 0
    while breaks is not None:
        n += 1
        breaks = breaks[0]
    return n


def _unlink(breaks) -> list[int]:
    out = []
    while breaks is not None:
        out.append(breaks[1])
        breaks = breaks[0]
    out.reverse()
    return out


def _chains(para: str):
    """Complete break chains of one paragraph: [(w_lo, w_hi, score, linked breaks)]."""
    n = len(para)
    done = []
    frontier = [(0.0, 0, WIDTHS.start, min(WIDTHS.stop - 1, n), None)]
    while frontier:
        nxt = {}
        for score, pos, lo, hi, breaks in frontier:
            if breaks is not None and hi >= n - pos:      # the rest fits on one line
                if lo <= n - pos:      # a last line of exactly W: less likely than a break
                    done.append((n - pos, n - pos, score + LAST_FULL, breaks))
                if hi > n - pos:
                    done.append((max(lo, n - pos + 1), hi, score, breaks))
                hi = n - pos                              # (or one more fused break)
                if hi < lo:
                    continue
            i, end = pos + lo - 1, pos + hi - 1           # where column W-1 may fall
            while i <= end:
                if para[i] == " ":
                    i += 1
                    continue
                s = para.rfind(" ", 0, i) + 1
                t = para.find(" ", i)
                if t < 0:
                    t = n
                base = s if s > pos else pos
                w_lo = max(lo, i - pos + 1)
                w_hi = min(hi, t - pos)
                tok = para[base:t]
                q = '"' in tok and para.count('"', 0, base) % 2 == 1
                for off, llr in split_candidates(tok, q):
                    p = base + off
                    a = max(w_lo, p - pos)
                    if base == pos and p - pos > w_hi:        # a single word longer than W
                        a, b = w_lo, min(w_hi, p - pos - 1)
                    else:
                        b = w_hi
                    if a > b:
                        continue
                    key = (p, a, b)
                    sc = score + llr
                    old = nxt.get(key)
                    if old is None or sc > old[0]:
                        nxt[key] = (sc, p, a, b, (breaks, p))
                i = t + 1
        if len(nxt) > BEAM:
            frontier = sorted(nxt.values(), key=lambda st: st[0], reverse=True)[:BEAM]
        else:
            frontier = list(nxt.values())
    return done
