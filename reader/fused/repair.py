"""Repair of words fused where a hard line break was deleted: "resolved toinitiate" -> "to initiate".

Scraped text is often hard-wrapped at some width W and then has its line breaks deleted
without a space, so the last word of every line fuses with the first word of the next.
A greedy wrap is deterministic, which this module exploits instead of guessing words:

* a line of a paragraph starting at offset ``pos`` ends at a break ``p <= pos + W``, and the
  word starting at ``p`` did not fit, so it reaches column ``pos + W``.  The break therefore
  lies inside the space-free token covering character ``pos + W - 1``, and the next line
  starts at ``p``.  Given W, the whole chain of breaks follows, up to where inside each
  token the break falls -- which `reader.fused.words.split_candidates` scores.
* W is unknown, so the search carries an interval of widths along each chain and narrows it
  at every step; chains that hit a space or an unsplittable word die.  Clean text dies at
  once almost everywhere, which keeps the search cheap.
* Evidence is pooled per text: the longest paragraphs are searched over all widths, the
  others only near the width they show; the width with the best total score over all
  paragraphs wins if the total is convincing; a paragraph is only repaired by a chain that
  fits that width (or, without a shared width, by its own chain if that alone is
  convincing).  The first paragraph may have lost a prefix (a dateline) after the wrap,
  so its first line may be any length; a chain that dies on one unscorable token after a
  good start skips that break and carries on.

Only spaces are inserted; text without the defect comes back unchanged (same object).
"""
from __future__ import annotations

import logging
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial
from itertools import repeat
from operator import itemgetter, sub

from .words import ANSWERS, split_candidates_upto, word_costs

__all__ = ["split_fused_words", "repair", "folder_width", "prior_width", "WIDTHS", "WEAK"]

log = logging.getLogger(__name__)

WIDTHS = range(30, 161)       # hard-wrap widths considered
ALL = (WIDTHS.start, WIDTHS.stop - 1)
BEAM = 3                      # chain states kept per line (all-width search)
AHEAD = 3.0                   # expected score per break still to come (beam ranking)
NARROW_BEAM = 2               # ... (search near a known width)
TEXT_MIN = 6.0                # total score needed for a width shared by the text
AT_WIDTH_MIN = -4.0           # a paragraph's chain at the shared width needs this
SHIFTED_ONE_BREAK = 4.0       # ... a single free break in a cut paragraph needs this
PARA_MIN = 14.0               # ... for a single paragraph on its own
LAST_FULL = -1.0              # score of a last line exactly W long
PROBE_PARAS = 4               # paragraphs searched over all widths ...
PROBE_CHARS = 1500            # ... or this many characters of them
PROBE_ENOUGH = 20.0           # ... or until a width has this much support
NEAR = 3.0                    # widths within this of the best are searched in the rest
FRACTION_SLACK = 6            # k lines wrapped at W read as one line of kW less k slacks
RESYNC = -4.0                 # score of skipping a break no candidate explains
RESYNC_AFTER = 12.0           # ... allowed once a chain has scored this much
LONGEST = 2 * WIDTHS.stop     # longer space-free tokens are not searched
NO_CHAIN = 4.0                # penalty: a long paragraph with no chain at the width
PRIOR_MIN = 2.0               # total score needed at a width the folder shows (the prior)
WEAK = -1                     # repair()'s wrap: a sign of the defect, too weak to tell a width


_FOLDER_WIDTH: ContextVar[int | None] = ContextVar("folder_width", default=None)


@contextmanager
def folder_width(width: int | None):
    """Within the block, texts cleaned in this thread take ``width`` as their folder's wrap
    width (the ``prior`` of :func:`repair`): what the library uses to load a short text
    again once the other texts of its folder have shown their width."""
    token = _FOLDER_WIDTH.set(width)
    try:
        yield
    finally:
        _FOLDER_WIDTH.reset(token)


def prior_width() -> int | None:
    """The folder's wrap width set by :func:`folder_width`, if any."""
    return _FOLDER_WIDTH.get()


def split_fused_words(text: str, prior: int | None = None) -> str:
    """Insert the spaces lost where hard-wrapped lines were joined; change nothing else.
    ``prior``: a width the text's folder shows (see :func:`repair`)."""
    return repair(text, prior)[0]


def repair(text: str, prior: int | None = None) -> tuple[str, int]:
    """(the text repaired as :func:`split_fused_words` does, its wrap): the wrap is the
    width the text's own lines show, or :data:`WEAK` when they show signs of the defect
    but too few to tell a width (a short text), or 0 (no sign).

    ``prior`` is a width other texts of the same folder were wrapped at: a text whose
    own evidence is too weak is repaired at that width when its chains there score
    enough; a text with a width of its own, or with no sign of the defect, is not
    affected by it."""
    if len(text) <= WIDTHS.start:
        return text, 0
    word_costs()
    lines = text.split("\n")
    paras = []                                   # [line index, start, body, chains]
    for k, line in enumerate(lines):
        if len(line) > WIDTHS.start:
            start = len(line) - len(line.lstrip())
            paras.append([k, start, line[start:].rstrip(), None])
    if not paras:
        return text, 0
    # Probe the longest paragraphs over all widths (until one width is clearly supported);
    # the other paragraphs are then searched only near that width.
    order = sorted(paras, key=lambda f: len(f[2]), reverse=True)
    size, probed = 0, []
    for f in order[:PROBE_PARAS]:
        f[3] = _chains(f[2], WIDTHS.start, WIDTHS.stop - 1)
        probed.append(f)
        size += len(f[2])
        lo, hi, total = _near(probed)
        if total >= PROBE_ENOUGH or size >= PROBE_CHARS:
            break
    if total < TEXT_MIN and max((c[2] for f in probed for c in f[3]), default=-1.0) < 0.0:
        return text, 0                           # no sign of the defect anywhere
    if total > 0.0:
        lo, hi, total = _fractions(probed, lo, hi, total)
    if total < TEXT_MIN:
        lo, hi = ALL
    everywhere = (lo, hi) == ALL
    beam = NARROW_BEAM if hi - lo < 8 else BEAM
    for f in paras:
        if f[3] is None:
            f[3] = _chains(f[2], lo, hi, beam)
        elif not everywhere and not any(c[0] <= hi and lo <= c[1] for c in f[3]):
            # a probe without a chain near the width: the search over all widths keeps a
            # few chains per line and may have dropped this one; look again, near it
            f[3] = f[3] + _chains(f[2], lo, hi, beam)
    width, total = _shared_width(paras, lo, hi)
    if total < TEXT_MIN or (total < PARA_MIN and sum(
            _best(f[3], width, 0.0) is not None for f in paras) < 2):
        width = None                 # one paragraph alone needs as much as on its own
    wrap = width or WEAK
    if width is None and prior in WIDTHS:
        width = _at_prior(paras, prior)
    repaired = 0
    for f in paras:
        k, start, body, chains = f
        if width is not None and len(body) < width:
            continue                             # one line at the shared width: intact
        best = _best(chains, width, AT_WIDTH_MIN) if width is not None else None
        if best is None and width is not None and f is paras[0]:   # a dateline lifted off?
            shifted = _chains(body, width, width, NARROW_BEAM, shifted=True)
            best = _best([c for c in shifted if c[3][0] is not None], width, AT_WIDTH_MIN)
            best = best or _best(shifted, width, SHIFTED_ONE_BREAK)
        if best is None:                         # this paragraph on its own, over all widths
            if f not in probed and not everywhere:
                chains = _chains(body, WIDTHS.start, WIDTHS.stop - 1)
            best = _best(chains, None, PARA_MIN)
        if best is None:
            continue
        line = lines[k]
        parts, prev = [], 0
        for p in _unlink(best):
            parts.append(line[prev:start + p])
            prev = start + p
        parts.append(line[prev:])
        lines[k] = " ".join(parts)
        repaired += 1
    if not repaired:
        return text, wrap
    log.debug("fused words: %d of %d paragraphs repaired, wrap width %s", repaired, len(paras),
              width or "their own")
    return "\n".join(lines), wrap


def _at_prior(paras, prior: int) -> int | None:
    """prior, if the paragraphs' chains at that width (searched now) score PRIOR_MIN in
    all and every paragraph longer than it has one; else None."""
    for f in paras:
        if not any(c[0] <= prior <= c[1] for c in f[3]):
            f[3] = f[3] + _chains(f[2], prior, prior, NARROW_BEAM)
    total = _support(paras, prior, prior)[0]
    if total < PRIOR_MIN or any(len(f[2]) > prior and _best(f[3], prior, AT_WIDTH_MIN) is None
                                for f in paras):
        return None
    return prior



def _best(chains, width, minimum):
    """Breaks of the best chain fitting width (any width if None) scoring >= minimum."""
    best, top = None, minimum
    for lo, hi, score, breaks in chains:
        if score >= top and (width is None or lo <= width <= hi):
            best, top = breaks, score
    return best


def _support(paras, lo_w, hi_w, no_chain=NO_CHAIN):
    """Total score over paragraphs of their best chain, for each width lo_w..hi_w; a
    paragraph longer than the width but without a chain costs no_chain.

    Each width's total receives the same additions in the same order (paragraph order)
    as a plain loop over widths would; only the widths a paragraph has chains for are
    visited in Python, the penalised runs between them are C-level slice maps."""
    size = hi_w - lo_w + 1
    total = [0.0] * size
    for f in paras:
        best: dict[int, float] = {}
        for lo, hi, score, breaks in f[3]:
            for j in range(max(lo, lo_w) - lo_w, min(hi, hi_w) - lo_w + 1):
                old = best.get(j)
                if old is None or score > old:
                    best[j] = score
        # widths w = j + lo_w below the paragraph's length without a chain are penalised
        cut = min(size, len(f[2]) - lo_w) if no_chain else 0
        prev = 0
        for j in sorted(best):
            if prev < j and prev < cut:
                _penalise(total, prev, min(j, cut), no_chain)
            total[j] += best[j]
            prev = j + 1
        if prev < cut:
            _penalise(total, prev, cut, no_chain)
    return total


def _penalise(total: list, a: int, b: int, cost: float) -> None:
    """total[j] -= cost for a <= j < b."""
    total[a:b] = map(sub, total[a:b], repeat(cost, b - a))


def _shared_width(paras, lo_w, hi_w):
    """(width, total score) of the width in [lo_w, hi_w] best supported by all paragraphs."""
    total = _support(paras, lo_w, hi_w)
    j = max(range(len(total)), key=total.__getitem__)
    return j + lo_w, total[j]


def _near(paras):
    """The widths whose support in probes comes close to the best one's: (lo, hi, best
    total).  A probe may miss the true chain, so a paragraph without one costs nothing."""
    total = _support(paras, WIDTHS.start, WIDTHS.stop - 1, 0.0)
    j = max(range(len(total)), key=total.__getitem__)
    lo = hi = j
    while lo > 0 and total[lo - 1] >= total[j] - NEAR:
        lo -= 1
    while hi < len(total) - 1 and total[hi + 1] >= total[j] - NEAR:
        hi += 1
    return lo + WIDTHS.start, hi + WIDTHS.start, total[j]


def _fractions(probed, lo, hi, total):
    """The probes' widths [lo, hi], or a fraction of them that the probes support better.

    The all-width search keeps a few chains per line; where two breaks in a row score
    nothing it can lose the true width W while 2W (every other break, k lines read as one)
    survives.  A search near W/k finds the chain again; it wins if its total beats the
    one at the multiple.  Returns (lo, hi, total) as _near does."""
    for k in range(2, hi // WIDTHS.start + 1):
        f_lo, f_hi = max(WIDTHS.start, lo // k), hi // k + FRACTION_SLACK
        found = [[f[0], f[1], f[2], _chains(f[2], f_lo, f_hi)] for f in probed]
        support = _support(found, f_lo, f_hi, 0.0)
        j = max(range(len(support)), key=support.__getitem__)
        if support[j] > total:
            for f, g in zip(probed, found):
                f[3] = f[3] + g[3]             # (the probes' chains still cover every width)
            w = j + f_lo
            return w, w, support[j]
    return lo, hi, total


def _unlink(breaks) -> list[int]:
    out = []
    while breaks is not None:
        out.append(breaks[1])
        breaks = breaks[0]
    out.reverse()
    return out


def _expand(nxt, score, pos, lo, hi, breaks, first, last, free, para, n):
    """Add to nxt the states for a break in a token of para (n long) covering a column in
    [first, last], from the state (score, pos, lo, hi, breaks); free: the break may be
    anywhere before the column and the widths stay [lo, hi]."""
    i = first
    while i <= last:
        if para[i] == " ":
            i += 1
            continue
        s = para.rfind(" ", 0, i) + 1
        t = para.find(" ", i)
        if t < 0:
            t = n
        if t - s > LONGEST:                   # no words: base64, a run of dashes
            i = t + 1
            continue
        base = s if s > pos else pos
        t_lo = i - pos + 1
        if t_lo < lo:
            t_lo = lo
        t_hi = t - pos
        if t_hi > hi:
            t_hi = hi
        tok = para[base:t]
        got = None if '"' in tok else ANSWERS.get(tok)       # a recurring word
        if got is None:
            got = split_candidates_upto(tok, '"' in tok and para.count('"', 0, base) % 2 == 1,
                                        t - base if (base == pos or free) else pos + t_hi - base)
        for off, llr in got:
            p = base + off
            b = t_hi                # widths [a, b]: the line up to p fits, the word at p not
            if free:
                a, b = lo, hi
            elif p - pos > t_hi:
                if base != pos:
                    continue
                a = t_lo                              # a single word longer than W
                if b >= p - pos - 1:
                    b = p - pos - 1
                if a > b:
                    continue
            else:
                a = p - pos if p - pos > t_lo else t_lo
                if base == pos and a > t_lo:      # a line of one word: at widths below its
                    key = (p, t_lo, a - 1)        # length, a word longer than W, as above
                    sc = score + llr
                    old = nxt.get(key)
                    if old is None or sc > old[0]:
                        nxt[key] = (sc, p, t_lo, a - 1, (breaks, p))
            key = (p, a, b)
            sc = score + llr
            old = nxt.get(key)
            if old is None or sc > old[0]:
                nxt[key] = (sc, p, a, b, (breaks, p))
        i = t + 1


def _chains(para: str, w_lo: int, w_hi: int, beam: int = 0, shifted: bool = False):
    """Complete break chains of one paragraph for widths in [w_lo, w_hi]:
    [(lowest width, highest width, score, linked breaks)].  shifted: the paragraph lost
    (or gained) an unknown prefix after the wrap, so its first line may be any length.
    Where every chain dies (a break nothing scores) after a good start, the break is
    skipped and the chain picked up again on the next line: one odd token does not cost
    a long paragraph all its repairs."""
    n = len(para)
    done = []
    beam = beam or BEAM
    find = para.find
    frontier = [(0.0, 0, w_lo, min(w_hi, n), None)]
    resyncs = 1 + n // (8 * w_lo)
    while frontier:
        nxt: dict = {}
        ended = False
        for score, pos, lo, hi, breaks in frontier:
            if breaks is not None and n - pos > lo and find(" ", pos) < 0:
                done.append((lo, hi, score, breaks))       # the rest is one word, too long
                ended = True
            if breaks is not None and hi >= n - pos:      # the rest fits on one line
                ended = True
                if lo <= n - pos:      # a last line of exactly W: less likely than a break
                    done.append((n - pos, n - pos, score + LAST_FULL, breaks))
                if hi > n - pos:
                    done.append((max(lo, n - pos + 1), hi, score, breaks))
                hi = n - pos                              # (or one more fused break)
                if hi < lo:
                    continue
            if shifted and breaks is None:
                _expand(nxt, score, pos, lo, hi, breaks, pos, pos + hi - 1, True, para, n)
            else:
                _expand(nxt, score, pos, lo, hi, breaks, pos + lo - 1, pos + hi - 1, False, para, n)
        if not nxt and not ended and resyncs and frontier:
            resyncs -= 1                 # skip the break nothing explains, go on after it
            score, pos, lo, hi, breaks = max(frontier, key=_SCORE)
            if score > RESYNC_AFTER and pos + hi < n:
                t = find(" ", pos + hi - 1)               # the end of the token that failed
                if t < 0 or n - t <= hi:                  # ... which held the last break
                    done.append((lo, hi, score + RESYNC, breaks))
                else:
                    _expand(nxt, score + RESYNC, t, lo, hi, breaks, t + 1, min(n, t + hi) - 1, True,
                            para, n)
        if len(nxt) > beam:          # the best so far, and the best counting breaks to come
            states = list(nxt.values())
            states.sort(key=_SCORE, reverse=True)
            frontier = states[:beam]
            states = states[beam:]
            states.sort(key=partial(_ahead, n), reverse=True)
            frontier += states[:beam]
        else:
            frontier = list(nxt.values())
    return done


_SCORE = itemgetter(0)          # of a chain state (score, pos, lo, hi, breaks)


def _ahead(n: int, state: tuple) -> float:
    """A chain state's score counting the breaks still to come in a paragraph n long."""
    return state[0] + AHEAD * (n - state[1]) / state[3]

