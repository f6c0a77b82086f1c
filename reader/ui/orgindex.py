"""The folder-wide organisation index the window uses.

``reader.entities.OrganisationIndex`` (issue 4) is the real one; until it lands this
stand-in groups by canonical name only. Delete the stand-in once the core has it.
"""
from __future__ import annotations

from dataclasses import dataclass, field


def new_index():
    try:
        from reader.entities import OrganisationIndex
    except ImportError:
        return _StandInIndex()
    return OrganisationIndex()


@dataclass
class _Entry:
    name: str
    aliases: tuple[str, ...] = ()
    articles: list[str] = field(default_factory=list)
    mentions: int = 0


class _StandInIndex:
    def __init__(self):
        self._entries: dict[str, _Entry] = {}

    def add(self, article) -> None:
        for org in article.organisations:
            e = self._entries.setdefault(org.name, _Entry(org.name))
            e.aliases = tuple(dict.fromkeys(e.aliases + tuple(org.aliases)))
            if article.key not in e.articles:
                e.articles.append(article.key)
            e.mentions += len(org.mentions)

    def remove(self, key: str) -> None:
        for e in self._entries.values():
            if key in e.articles:
                e.articles.remove(key)

    def entries(self) -> list[_Entry]:
        return [e for e in self._entries.values() if e.articles]

    def entry_for(self, name: str):
        if name in self._entries:
            return self._entries[name]
        return next((e for e in self._entries.values() if name in e.aliases), None)

    def articles_naming(self, name: str) -> list[str]:
        e = self.entry_for(name)
        return list(e.articles) if e else []
