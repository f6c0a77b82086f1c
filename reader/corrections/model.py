"""The user's corrections as one immutable value, and the edits the window makes to it.

A :class:`Corrections` value holds organisation entries (a name and its other names:
one organisation wherever any of them occurs) and strings that are never an
organisation. Every edit returns a new value, so undo/redo is a stack of values and
"changed?" is ``!=``. Edits keep the value consistent: a string is a form of at most one
entry, and never both a form and refused. No Qt here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterable

MAX_LENGTH = 200  # longer than any organisation's name; a pasted paragraph is a mistake
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w")


class CorrectionError(ValueError):
    """An edit or a file that cannot be taken; ``str(err)`` is a one-line reason."""


def clean_name(text: str) -> str:
    """``text`` as corrections store it: whitespace runs become one space, none at the ends.
    Raises CorrectionError for a name that could never be found as whole words."""
    if not isinstance(text, str):
        raise CorrectionError(f"a name must be text, not {type(text).__name__}")
    name = _SPACE.sub(" ", text).strip()
    if not name:
        raise CorrectionError("a name cannot be empty")
    if len(name) > MAX_LENGTH:
        raise CorrectionError(f"{name[:40]!r}… is longer than {MAX_LENGTH} characters")
    if not _WORD.search(name):
        raise CorrectionError(f"{name!r} has no letter or digit")
    return name


@dataclass(frozen=True, slots=True)
class Entry:
    """One organisation the user named: ``name`` is shown, ``aliases`` are its other names."""

    name: str
    aliases: tuple[str, ...] = ()
    extra: tuple[tuple[str, str], ...] = ()  # unknown keys of the file's object (key, JSON text)

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Corrections:
    organisations: tuple[Entry, ...] = ()
    not_organisations: tuple[str, ...] = ()
    extra: tuple[tuple[str, str], ...] = ()  # unknown top-level keys of the file (key, JSON text)

    def __bool__(self) -> bool:
        return bool(self.organisations or self.not_organisations)

    def __len__(self) -> int:
        return len(self.organisations) + len(self.not_organisations)

    # ------------------------------------------------------------ look-ups

    def entry_for(self, form: str) -> Entry | None:
        """The entry one of whose names is ``form`` (as written), or None."""
        form = _SPACE.sub(" ", form).strip()
        for entry in self.organisations:
            if form in entry.forms:
                return entry
        return None

    def is_refused(self, form: str) -> bool:
        return _SPACE.sub(" ", form).strip() in self.not_organisations

    # ------------------------------------------------------------ edits

    def not_organisation(self, *names: str) -> Corrections:
        """Never highlight ``names`` again; each stops being a name of any entry (an
        entry left without names goes; one that lost its name is named by its next alias)."""
        refused = [clean_name(n) for n in names]
        entries = list(self.organisations)
        for name in refused:
            entries = _without_form(entries, name)
        not_orgs = tuple(dict.fromkeys([*self.not_organisations, *refused]))
        return replace(self, organisations=tuple(entries), not_organisations=not_orgs)

    def mark(self, name: str, aliases: Iterable[str] = ()) -> Corrections:
        """``name`` and ``aliases`` are one organisation named ``name``, wherever they occur.
        Joins the entry ``name`` already belongs to (which is then named ``name``); an
        alias that belonged to another entry moves here; none of them stays refused."""
        name = clean_name(name)
        forms = list(dict.fromkeys([name, *(clean_name(a) for a in aliases)]))
        entries = list(self.organisations)
        home = _index_of(entries, name)
        extra: tuple[tuple[str, str], ...] = ()
        old: list[str] = []
        if home is not None:
            extra, old = entries[home].extra, list(entries[home].forms)
            del entries[home]
        for form in forms[1:]:
            entries = _without_form(entries, form)
        aliases_ = tuple(dict.fromkeys(f for f in [*forms[1:], *old] if f != name))
        entries.insert(len(entries) if home is None else home, Entry(name, aliases_, extra))
        return self._with(entries, forms)

    def add_alias(self, existing: str, alias: str) -> Corrections:
        """``alias`` is another name of the organisation shown as ``existing`` (an entry's
        name or alias, or an organisation the recogniser found, which becomes an entry)."""
        existing, alias = clean_name(existing), clean_name(alias)
        entry = self.entry_for(existing)
        if entry is None:
            return self.mark(existing, [alias])
        if alias in entry.forms:
            return self._with(list(self.organisations), [alias])
        return self.mark(entry.name, [*entry.aliases, alias])

    def merge(self, source: str, target: str) -> Corrections:
        """The organisation shown as ``source`` is the same as ``target``: every name of
        ``source``'s entry (or ``source`` alone) becomes another name of ``target``'s."""
        source, target = clean_name(source), clean_name(target)
        if source == target:
            return self
        into = self.entry_for(target)
        moved = self.entry_for(source)
        if into is not None and into == moved:
            return self
        forms = list(moved.forms) if moved is not None else [source]
        entries = [e for e in self.organisations if e != moved]
        base = into.aliases if into is not None else ()
        name = into.name if into is not None else target
        merged = replace(self, organisations=tuple(entries))
        return merged.mark(name, [*base, *forms])

    def rename(self, old: str, new: str) -> Corrections:
        """Show the organisation named ``old`` as ``new``; ``old`` stays one of its names
        (its mentions stay marked). Renaming to another entry's name merges the two."""
        old, new = clean_name(old), clean_name(new)
        if old == new:
            return self
        entry = self.entry_for(old)
        other = self.entry_for(new)
        if other is not None and other is not entry:
            return self.merge(old, new).mark(new)
        if entry is None:
            return self.mark(new, [old])
        entries = list(self.organisations)
        entries[entries.index(entry)] = replace(entry, name=new, aliases=tuple(
            dict.fromkeys(a for a in (entry.name, *entry.aliases) if a != new)))
        return self._with(entries, [new])

    def remove(self, item: Entry | str) -> Corrections:
        """Take one correction back: an entry, a refused string, or one alias of an entry."""
        if isinstance(item, Entry):
            entries = [e for e in self.organisations if e != item]
            if len(entries) == len(self.organisations):
                entries = [e for e in self.organisations if e.name != item.name]
            return replace(self, organisations=tuple(entries))
        text = _SPACE.sub(" ", item).strip()
        if text in self.not_organisations:
            return replace(self, not_organisations=tuple(n for n in self.not_organisations if n != text))
        entries = list(self.organisations)
        for i, entry in enumerate(entries):
            if entry.name == text:
                del entries[i]
                return replace(self, organisations=tuple(entries))
            if text in entry.aliases:
                entries[i] = replace(entry, aliases=tuple(a for a in entry.aliases if a != text))
                return replace(self, organisations=tuple(entries))
        return self

    def merged_with(self, other: Corrections) -> Corrections:
        """``other`` (an imported file) added to these: where the two disagree, ``other``
        wins; its unknown keys replace ours of the same name."""
        out = self
        for entry in other.organisations:
            out = out.mark(entry.name, entry.aliases)
            if entry.extra:
                entries = list(out.organisations)
                i = _index_of(entries, entry.name)
                entries[i] = replace(entries[i], extra=_merged_extra(entries[i].extra, entry.extra))
                out = replace(out, organisations=tuple(entries))
        if other.not_organisations:
            out = out.not_organisation(*other.not_organisations)
        return replace(out, extra=_merged_extra(self.extra, other.extra))

    def _with(self, entries: list[Entry], forms: Iterable[str]) -> Corrections:
        """``entries``, with ``forms`` no longer refused."""
        gone = set(forms)
        return replace(self, organisations=tuple(entries),
                       not_organisations=tuple(n for n in self.not_organisations if n not in gone))


def _index_of(entries: list[Entry], form: str) -> int | None:
    for i, entry in enumerate(entries):
        if form in entry.forms:
            return i
    return None


def _without_form(entries: list[Entry], form: str) -> list[Entry]:
    out = []
    for entry in entries:
        if form == entry.name:
            if entry.aliases:
                out.append(replace(entry, name=entry.aliases[0], aliases=entry.aliases[1:]))
        elif form in entry.aliases:
            out.append(replace(entry, aliases=tuple(a for a in entry.aliases if a != form)))
        else:
            out.append(entry)
    return out


def _merged_extra(ours: tuple[tuple[str, str], ...], theirs: tuple[tuple[str, str], ...]):
    merged = dict(ours)
    merged.update(theirs)
    return tuple(merged.items())
