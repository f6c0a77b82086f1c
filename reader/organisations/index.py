"""The folder-wide organisation index: organisation -> articles naming it, mention counts.

Each article's organisations (already merged within the article by
:func:`reader.organisations.recognise.organisations_of`) are merged across articles by the same rules:
the same normalised name or alias (spelling variants folded), the same gazetteer body,
an acronym defined by compatible long forms (``Baloch``/``Balochistan Liberation Army
(BLA)``), and a bare acronym joining the organisation that spells it out. Adding an
article is incremental (a few dict look-ups per organisation); removing one marks the
index for a rebuild on the next query. No Qt here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import lexicon, norm_name, norm_token

_SMALL = frozenset({"e", "i", "ul", "al", "el", "of", "and", "for", "the", "&", "de", "la", "du", "des", "y"})


def acronym_signature(acr: str, long_name: str) -> str:
    """Long forms of one acronym with the same signature name one organisation: each
    content word cut to its first four letters (``Baloch``/``Balochistan`` -> ``balo``)."""
    words = [norm_token(w) for w in re.split(r"[\s\-]+", long_name) if w and w.lower() not in _SMALL]
    return acr.upper() + "|" + " ".join(w[:4] for w in words)


def _is_acronym(form: str) -> bool:
    return " " not in form and form.isupper()


@dataclass(frozen=True, slots=True)
class IndexEntry:
    name: str  # canonical: the most complete long form seen in any article
    aliases: tuple[str, ...]  # the other surface forms, most used first
    articles: tuple[str, ...]  # article keys, in the order they were added
    mentions: int  # mentions across all those articles


class _Cluster:
    __slots__ = ("forms", "articles", "into", "has_long")

    def __init__(self):
        self.forms: dict[str, int] = {}
        self.articles: dict[str, int] = {}
        self.into: _Cluster | None = None
        self.has_long = False

    def root(self) -> _Cluster:
        c = self
        while c.into is not None:
            c = c.into
        return c


class OrganisationIndex:
    """Organisations across a folder of articles, merged; cheap to grow one article at a time."""

    def __init__(self):
        self._articles: dict[str, tuple] = {}
        self._derived: dict = {}
        self._reset()

    def _reset(self) -> None:
        self._keys: dict[str, _Cluster] = {}
        self._clusters: list[_Cluster] = []
        self._dirty = False
        self._cache: tuple[list[IndexEntry], dict[str, IndexEntry]] | None = None

    def __len__(self) -> int:
        return len(self._view()[0])

    def add(self, article) -> None:
        """Add (or replace) one article: uses ``article.key`` and ``article.organisations``."""
        key = article.key
        if key in self._articles:
            self.remove(key)
        self._articles[key] = tuple(article.organisations)
        if not self._dirty:
            self._merge_article(key, self._articles[key])
            self._cache = None

    def remove(self, key: str) -> None:
        if self._articles.pop(key, None) is not None:
            self._dirty = True
            self._cache = None

    def clear(self) -> None:
        self._articles.clear()
        self._reset()

    def entries(self) -> list[IndexEntry]:
        """Every organisation, most articles first, then most mentions, then by name."""
        return list(self._view()[0])

    def entry_for(self, name_or_alias: str) -> IndexEntry | None:
        """The organisation known by this name or alias (spelling variants folded)."""
        if self._dirty or self._cache is not None:
            view = self._view()[1]
            return view.get(name_or_alias.strip()) or view.get(norm_name(name_or_alias))
        # cheap while articles are still arriving: no full rebuild, just this cluster
        form = name_or_alias.strip()
        keys = ["n:" + norm_name(form), "b:" + form, "l:" + form]
        hit = lexicon().names.get(tuple(norm_token(t) for t in form.split()))
        if hit is not None:
            keys.append("g:" + hit[0].name)
        for k in keys:
            c = self._keys.get(k)
            if c is not None and c.root().articles:
                return _entry(c.root())
        return None

    def derived(self, build):
        """``build(entries)`` for view-time tables (e.g. the names to mark in every article),
        computed once and cached until the index changes."""
        view = self._view()
        got = self._derived.get(build)
        if got is None or got[0] is not view:
            got = self._derived[build] = (view, build(view[0]))
        return got[1]

    def articles_naming(self, name_or_alias: str) -> list[str]:
        entry = self.entry_for(name_or_alias)
        return list(entry.articles) if entry else []

    # -- building ------------------------------------------------------------------
    def _view(self):
        if self._dirty:
            self._reset()
            for key, orgs in self._articles.items():
                self._merge_article(key, orgs)
        if self._cache is None:
            entries = []
            for c in self._clusters:
                if c.into is None and c.articles:
                    entries.append(_entry(c))
            entries.sort(key=lambda e: (-len(e.articles), -e.mentions, e.name.lower()))
            lookup: dict[str, IndexEntry] = {}
            for e in entries:
                for form in (e.name, *e.aliases):
                    lookup.setdefault(form, e)
                    lookup.setdefault(norm_name(form), e)
            self._cache = (entries, lookup)
        return self._cache

    def _merge_article(self, article_key: str, orgs) -> None:
        for org in orgs:
            forms = (org.name, *org.aliases)
            lookup, register, soft, has_long = _keys_of(forms)
            targets = []
            for k in lookup:
                c = self._keys.get(k)
                if c is not None:
                    targets.append(c.root())
            for how, k in soft:
                c = self._keys.get(k)
                if c is None:
                    continue
                c = c.root()
                if how == "claim-bare" and not c.has_long:
                    targets.append(c)
                elif how == "join-long" and not targets:
                    targets.append(c)
            if targets:
                cluster = targets[0]
                for other in targets[1:]:
                    if other is not cluster:
                        _absorb(cluster, other)
            else:
                cluster = _Cluster()
                self._clusters.append(cluster)
            for k in register:
                self._keys.setdefault(k, cluster)
            for how, k in soft:
                if how == "register-free":
                    self._keys.setdefault(k, cluster)
            cluster.has_long = cluster.has_long or has_long
            count = len(org.mentions) or 1
            for m in org.mentions:
                cluster.forms[m.text] = cluster.forms.get(m.text, 0) + 1
            for f in forms:
                cluster.forms.setdefault(f, 0)
            cluster.articles[article_key] = cluster.articles.get(article_key, 0) + count


@lru_cache(maxsize=65536)
def _keys_of(forms: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...], tuple, bool]:
    """How an organisation known by ``forms`` (name first) meets the index:
    (keys it joins, keys it registers, soft keys: (how, key) that only join or are only
    claimed if free, whether it has a long form).  Cached: the same organisations recur
    across a folder's articles, and a warm open merges 10,000 articles at once."""
    names = lexicon().names
    longs = [f for f in forms if not _is_acronym(f)]
    acrs = [f for f in forms if _is_acronym(f)]
    lookup, register = [], []
    for f in longs:
        k = "n:" + norm_name(f)
        lookup.append(k)
        register.append(k)
    for f in forms:
        hit = names.get(tuple(norm_token(t) for t in f.split()))
        if hit is not None:
            lookup.append("g:" + hit[0].name)
            register.append("g:" + hit[0].name)
    soft = []
    for a in acrs:
        if longs:
            for f in longs:
                k = "s:" + acronym_signature(a, f)
                lookup.append(k)
                register.append(k)
            soft.append(("claim-bare", "b:" + a))
            soft.append(("register-free", "l:" + a))
        else:
            lookup.append("b:" + a)
            register.append("b:" + a)
            soft.append(("join-long", "l:" + a))
    return tuple(lookup), tuple(register), tuple(soft), bool(longs)


def _absorb(into: _Cluster, other: _Cluster) -> None:
    for f, n in other.forms.items():
        into.forms[f] = into.forms.get(f, 0) + n
    for a, n in other.articles.items():
        into.articles[a] = into.articles.get(a, 0) + n
    into.has_long = into.has_long or other.has_long
    other.forms, other.articles = {}, {}
    other.into = into


def _entry(c: _Cluster) -> IndexEntry:
    forms = sorted(c.forms, key=lambda f: (-c.forms[f], f))
    longs = [f for f in forms if not f.isupper()] or forms
    name = max(longs, key=lambda f: (len(f), c.forms[f], [-ord(ch) for ch in f]))
    aliases = tuple(f for f in forms if f != name)
    return IndexEntry(name, aliases, tuple(c.articles), sum(c.articles.values()))
