"""Two versions of a story side by side: what only one of them says, and names.

Sentences are matched by their words, not their characters: a sentence counts as in
both when the other version has one that shares most of its words (punctuation, case,
a changed word or two aside). Organisations are merged the way the folder merges them
(:class:`reader.organisations.OrganisationIndex`), so one body named differently in the
two versions ("Baloch Liberation Army", "Balochistan Liberation Army", both "BLA") is one
organisation, under its display name. Give it the articles as shown (the user's
corrections applied: :meth:`reader.library.Library.as_shown`,
:func:`reader.corrections.apply`): a name refused is then in neither, names merged are
one, and an organisation the corrections name is listed under that name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..corrections import CORRECTION
from ..organisations import OrganisationIndex
from ..record import Article

SAME_SENTENCE = 0.7  # share of the shorter sentence's words the other must have
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’')\]]*|$)")
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Comparison:
    organisations_both: tuple[str, ...]
    organisations_only_first: tuple[str, ...]
    organisations_only_second: tuple[str, ...]
    sentences_only_first: tuple[str, ...]
    sentences_only_second: tuple[str, ...]
    spans_only_first: tuple[tuple[int, int], ...]  # offsets into the first's text
    spans_only_second: tuple[tuple[int, int], ...]

    def to_json(self) -> dict:
        return {"organisations": {"both": list(self.organisations_both),
                                  "only_first": list(self.organisations_only_first),
                                  "only_second": list(self.organisations_only_second)},
                "sentences": {"only_first": list(self.sentences_only_first),
                              "only_second": list(self.sentences_only_second)}}


def compare(first: Article, second: Article) -> Comparison:
    if second.key == first.key:
        second = replace(second, index=second.index + (1 << 20))  # its own place in the index
    index = OrganisationIndex()
    index.add(first)
    index.add(second)
    named = _corrected_names(first, second, index)
    names_first = _display_names(first, index, named)
    names_second = _display_names(second, index, named)
    both = [n for n in names_first if n in names_second]
    only_first = [n for n in names_first if n not in names_second]
    only_second = [n for n in names_second if n not in names_first]
    s1, s2 = sentences(first.text), sentences(second.text)
    w1 = [_words(first.text[a:b]) for a, b in s1]
    w2 = [_words(second.text[a:b]) for a, b in s2]
    lone1 = [span for span, words in zip(s1, w1) if not _matched(words, w2)]
    lone2 = [span for span, words in zip(s2, w2) if not _matched(words, w1)]
    return Comparison(tuple(both), tuple(only_first), tuple(only_second),
                      tuple(first.text[a:b] for a, b in lone1),
                      tuple(second.text[a:b] for a, b in lone2), tuple(lone1), tuple(lone2))


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, surrounding spaces left out."""
    spans = []
    for m in _SENTENCE.finditer(text):
        chunk = m.group(0)
        start = m.start() + len(chunk) - len(chunk.lstrip())
        end = m.start() + len(chunk.rstrip())
        if end > start and _WORD.search(text, start, end):
            spans.append((start, end))
    return spans


def _corrected_names(first: Article, second: Article, index: OrganisationIndex) -> dict[str, str]:
    """Index entry name -> the name the user's corrections give it (they win)."""
    named: dict[str, str] = {}
    for org in (*first.organisations, *second.organisations):
        entry = index.entry_for(org.name)
        if org.source == CORRECTION and entry is not None:
            named.setdefault(entry.name, org.name)
    return named


def _display_names(article: Article, index: OrganisationIndex, named: dict[str, str]) -> list[str]:
    names: list[str] = []
    for org in article.organisations:
        entry = index.entry_for(org.name)
        name = named.get(entry.name, entry.name) if entry is not None else org.name
        if name not in names:
            names.append(name)
    return names


def _words(sentence: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(sentence))


def _matched(words: frozenset[str], others: list[frozenset[str]]) -> bool:
    if not words:
        return True
    for other in others:
        shared = len(words & other)
        if shared and shared >= SAME_SENTENCE * min(len(words), len(other)) \
                and shared >= 0.5 * max(len(words), len(other)):
            return True
    return False
