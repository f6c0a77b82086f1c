"""The cleaning pipeline: a Draft as a parser found it → a clean, frozen Article.

Each step is a small function ``Draft -> Draft``; :data:`PIPELINE` lists them in
order. Steps before :func:`split_paragraphs` work on ``draft.body`` (text with
lines); the rest work on ``draft.paragraphs``. Drafts that arrive with paragraphs
(HTML, JSON) are joined into a body first so every format gets the same treatment.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from ..assets import resource
from ..counts import counted

from .metadata import lift_glued_metadata, lift_dateline, lift_metadata_lines, lift_title
from ..record import Article, Draft, Link

# ---------------------------------------------------------------- size

MAX_ARTICLE_CHARS = 2_000_000  # about 300,000 words: longer than any article; the rest is cut


def limit_size(draft: Draft) -> Draft:
    """Cut an oversized body at a paragraph break, with a notice, so that one huge file
    cannot stall the reader (cleaning and recognition stay within a few seconds)."""
    if len(draft.body) > MAX_ARTICLE_CHARS:
        cut = draft.body.rfind("\n", MAX_ARTICLE_CHARS // 2, MAX_ARTICLE_CHARS)
        cut = cut if cut > 0 else MAX_ARTICLE_CHARS
        shown = len(draft.body[:cut].split())
        draft.warnings.append(f"the article is very long ({len(draft.body):,} characters): only its first "
                              f"{shown:,} words are shown")
        draft.body = draft.body[:cut]
    return draft


# ---------------------------------------------------------------- unicode

_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\v\f]")
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff\u180e]")  # soft hyphen, zero-width space, word joiner, BOM
# C0/C1 controls and DEL except newline; U+FFFD stays (it marks bytes that could not be read).
_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029\x85]")
_SURROGATES = re.compile("[\ud800-\udfff]")  # only from escapes like "\udcff" in JSON: not text


def normalise_unicode(draft: Draft) -> Draft:
    """NFC; odd spaces → space; soft hyphens, zero-width characters and controls removed.

    Curly quotes, dashes and non-English letters stay as they are."""
    text = _LINE_BREAKS.sub("\n", draft.body)
    text = unicodedata.normalize("NFC", text)
    text = _ODD_SPACES.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROLS.sub("", text)
    draft.body = _SURROGATES.sub("\ufffd", text)
    draft.title = _SURROGATES.sub("\ufffd", _CONTROLS.sub("", _ODD_SPACES.sub(" ", _INVISIBLE.sub(
        "", unicodedata.normalize("NFC", _LINE_BREAKS.sub(" ", draft.title)))))).strip()
    return draft


# ---------------------------------------------------------------- debris

@lru_cache(maxsize=1)
def debris_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The (label, pattern) pairs of ``resources/debris.txt``."""
    source = resource("debris.txt").read_text("utf-8")
    patterns = []
    for line in source.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, _, pattern = line.partition("\t")
        patterns.append((label.strip(), re.compile(pattern.strip(), re.IGNORECASE)))
    return tuple(patterns)


def debris_label(line: str) -> str | None:
    """The kind of page furniture ``line`` is, or None if it reads as article text."""
    line = line.strip()
    if not line or len(line) > 600:
        return None
    for label, pattern in debris_patterns():
        if pattern.fullmatch(line):
            return label
    return None


def remove_debris(draft: Draft) -> Draft:
    """Drop whole lines that are menus, share bars, cookie notices, meta-tag leftovers…"""
    kept, removed = [], []
    for line in draft.body.split("\n"):
        label = debris_label(line)
        if label is None:
            kept.append(line)
        else:
            removed.append((label, line.strip()))
    if removed:
        draft.body = "\n".join(kept)
        for label, line in removed:
            shown = line if len(line) <= 60 else line[:57] + "…"
            draft.warnings.append(f"removed {label}: “{shown}”")
    return draft


# ---------------------------------------------------------------- paragraphs

_TERMINAL = re.compile(r"[.!?…:;][\"”’')\]]*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•–]|\d{1,3}[.)])\s+")
WRAP_LIMIT = 110  # lines this short or shorter, in a block of several, are hard-wrapped


def split_paragraphs(draft: Draft) -> Draft:
    """Blank lines separate paragraphs; hard-wrapped lines are reflowed into one."""
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", draft.body):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if len(lines) == 1 or max(map(len, lines)) > WRAP_LIMIT:
            paragraphs.extend(lines)
        else:
            paragraphs.extend(_reflow(lines))
    draft.paragraphs = paragraphs
    draft.body = ""
    return draft


def _reflow(lines: list[str]) -> list[str]:
    width = max(map(len, lines))
    out: list[str] = []
    current = lines[0]
    for prev, line in zip(lines, lines[1:]):
        ends_paragraph = len(prev) < 0.6 * width and _TERMINAL.search(prev)
        if ends_paragraph or _LIST_ITEM.match(line) or _LIST_ITEM.match(prev):
            out.append(current)
            current = line
        elif re.search(r"[^\W\d_]-$", current) and line[:1].islower():
            current += line  # a word hyphenated across the line break
        else:
            current += " " + line
    out.append(current)
    return out


# ---------------------------------------------------------------- fused words, tidying

def repair_fused_words(draft: Draft) -> Draft:
    """Restore the spaces lost where hard line breaks were deleted (``toinitiate``)."""
    from ..fused.repair import prior_width, repair

    joined = "\n".join(draft.paragraphs or ())
    repaired, draft.wrap = repair(joined, prior_width())
    if repaired is not joined and draft.verbatim:
        repaired = _keep_verbatim(joined, repaired, draft.verbatim)
    added = repaired.count(" ") - joined.count(" ")
    if added > 0:
        draft.paragraphs = repaired.split("\n")
        draft.warnings.append(f"repaired {counted(added, 'word')} fused at deleted line breaks")
    return draft


def _keep_verbatim(original: str, repaired: str, verbatim: list[str]) -> str:
    """``repaired`` without the spaces the repair put inside code spans and table rows
    (``document.get ElementById``). The repair only inserts spaces, so walking both texts
    side by side tells which characters it added, and where."""
    protected: set[int] = set()
    for piece in {" ".join(piece.split()) for piece in verbatim if len(piece.strip()) > 1}:
        for match in re.finditer(re.escape(piece), original):
            protected.update(range(match.start() + 1, match.end()))
    if not protected:
        return repaired
    out: list[str] = []
    at = 0
    for char in repaired:
        if at < len(original) and char == original[at]:
            out.append(char)
            at += 1
        elif at not in protected:
            out.append(char)
    return "".join(out)


_SPACES = re.compile(r" {2,}")


def tidy_paragraphs(draft: Draft) -> Draft:
    """Collapse runs of spaces; drop empty paragraphs. A repeated paragraph stays: the
    author may repeat a line on purpose (a refrain, a chant), and dropping it loses text."""
    out: list[str] = []
    for paragraph in draft.paragraphs or ():
        paragraph = _SPACES.sub(" ", paragraph).strip()
        if paragraph:
            out.append(paragraph)
    draft.paragraphs = out
    return draft


PIPELINE = (
    limit_size,            # a body longer than any article is cut at a paragraph, with a notice
    normalise_unicode,     # NFC; odd spaces, soft hyphens, zero-width and control characters
    lift_metadata_lines,   # Source:, Tags:, date/Published, By lines → fields
    remove_debris,         # menus, share bars, cookie notices, meta-tag leftovers → warnings
    split_paragraphs,      # blank-line paragraphs; hard-wrapped lines reflowed
    lift_title,            # a first short line without terminal punctuation → title
    lift_glued_metadata,   # " date 2025-12-04 The…" glued to the first paragraph → date
    lift_dateline,         # "ISLAMABAD: The…" → dateline
    repair_fused_words,    # "toinitiate" → "to initiate"
    tidy_paragraphs,       # spaces collapsed, empties dropped, repeats kept
)


def finish(draft: Draft) -> Article:
    """Run the pipeline over a draft and freeze the result, organisations included."""
    from ..organisations.recognise import organisations_of

    given = list(draft.paragraphs or ()) if draft.kinds else []
    if draft.paragraphs is not None and not draft.body:
        draft.body = "\n\n".join(draft.paragraphs)
    for step in PIPELINE:
        draft = step(draft)
    paragraphs = tuple(draft.paragraphs or ())
    kinds = _kinds_of(paragraphs, given, draft.kinds or [])
    if not draft.title and paragraphs:
        draft.title = fallback_title(paragraphs[0])
    text = "\n\n".join(paragraphs)
    return Article(
        path=draft.path,
        format=draft.format,
        title=draft.title,
        date=draft.date,
        authors=tuple(dict.fromkeys(_plain(a) for a in draft.authors if a)),
        dateline=_plain(draft.dateline) if draft.dateline else draft.dateline,
        paragraphs=paragraphs,
        links=tuple(dict.fromkeys(Link(_plain(k.url), _plain(k.label), k.kind) for k in draft.links)),
        tags=tuple(dict.fromkeys(_plain(t) for t in draft.tags if t)),
        warnings=tuple(draft.warnings),
        organisations=organisations_of(text) if text else (),
        site=_plain(draft.site),
        index=draft.index,
        kinds=kinds,
        wrap=draft.wrap,
    )


def _kinds_of(paragraphs: tuple[str, ...], given: list[str], kinds: list[str]) -> tuple[str, ...]:
    """The kind of each cleaned paragraph, from the paragraphs the parser gave with their
    kinds. The pipeline drops whole paragraphs, cuts a lifted dateline or date from the
    front of one and adds spaces inside words, so each cleaned paragraph is matched, in
    order, to the given one whose letters end with its letters."""
    if not given or len(given) != len(kinds) or all(kind == "paragraph" for kind in kinds):
        return ()
    keys = [_letters(text) for text in given]
    out: list[str] = []
    at = 0
    for paragraph in paragraphs:
        key = _letters(paragraph)
        found = next((i for i in range(at, len(keys)) if key and keys[i].endswith(key)), None)
        if found is None:
            out.append("paragraph")
        else:
            out.append(kinds[found])
            at = found + 1
    return tuple(out) if any(kind != "paragraph" for kind in out) else ()


_NOT_LETTERS = re.compile(r"[\W_]+")


def _letters(text: str) -> str:
    return _NOT_LETTERS.sub("", text.lower())


def _plain(value: str) -> str:
    """A metadata value as text: lone surrogates (from JSON escapes) become �."""
    return _SURROGATES.sub("\ufffd", value)


def fallback_title(paragraph: str, limit: int = 90) -> str:
    """A title for an article that has none: its first sentence, shortened."""
    sentence = re.split(r"(?<=[.!?])\s+(?=[\"“A-Z])", paragraph, maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence.rstrip(".")
    cut = sentence[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:–- ") + "…"
