"""An open folder: its articles by key, their organisation index, and full-text search.

:class:`Library` is the core the window's loader worker drives; it imports no Qt and
is made to run on a worker thread::

    library = Library()                      # the user's cache (Library(cache=False): none)
    stats = library.open(["/home/me/news"], jobs=None, on_batch=show, cancel=event)
    library.search('org:"Bank of England" rates')   # -> [article key, ...], best first
    changes = library.refresh(["/home/me/news/2024"])  # a QFileSystemWatcher said so

``open`` finds the article files, serves the ones the cache holds unchanged (no
parsing), then loads the rest on all cores (:mod:`reader.library.pool`), storing each
file's articles and full-text index in the cache as they arrive; short texts then borrow
their folder's wrap width (:mod:`reader.library.widths`). Progress goes to
``on_batch(articles, failures, done, total)``, called on the thread that called ``open``
(emit a signal from it, touch no widget): the first batch as soon as one file is ready,
then about every ``batch_seconds``, at most ``max_batch`` (200) articles each. The
organisations panel can use :meth:`organisations` (built on the loader thread).

It is the one door the front ends use: the window (through
:class:`reader.ui.worker.Loader`), its exporter and ``article-reader export`` all open,
search, ask for :meth:`Library.as_shown` (an article with the names the folder taught
marked) and export (:meth:`Library.export_all`, which refuses the sources' folder) here.

While ``open``/``refresh`` run, the cyclic garbage collector is paused and the records
built are then frozen out of its sight (:func:`reader.library.gcpause.paused_and_frozen`).
:meth:`Library.stories` groups the open articles into stories (:mod:`reader.library.stories`).
Threads: ``open``/``refresh``/``close`` from one thread at a time (the loader's);
``search``, ``articles``, ``failures`` and ``organisations()`` from any thread meanwhile
(they see what has loaded so far); read the live ``index`` (:class:`OrganisationIndex`)
from another thread only inside ``with library.lock:``, or use :meth:`organisations`.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path
from typing import Callable, Iterable, Sequence

from .cache import Cache, Row
from .codec import decode_articles
from ..corrections import Corrections, apply as corrected
from ..export import ExportError, ExportReport
from ..organisations.index import IndexEntry, OrganisationIndex
from ..organisations.recognise import with_folder_names
from .exports import SOURCES_REASON, OnProgress, export_one, export_problem, export_shown
from .folder import (Batches, Changes, FileState, OnBatch, OpenStats, keep_in_cache, prune_cache, resolved_path,
                     names_ready, stat_all, watched_folders)
from .gcpause import paused_and_frozen
from ..read.load import Failure, iter_article_paths
from .pool import LoadFile, Loaded, load_files, load_one
from ..record import Article
from .search import _terms, fts_expression, org_articles, parse
from .stories import FolderStories
from .widths import FolderWidths
from ..stories.group import Story

log = logging.getLogger(__name__)
_LOOKUP = 500  # cached files read per query

Discover = Callable[[list[str]], Iterable[str | os.PathLike]]


class Library:
    """The articles of the open folders, their organisations, and search over them.

    ``cache``: None for the user's cache, False for none (an in-memory index only), a
    path for another database file, or a :class:`reader.library.cache.Cache`.
    ``load`` (a path's articles, or :class:`reader.record.ArticleError`) and ``discover``
    (the article files under some paths) replace the pipeline's for a source of another
    kind, or a test's; a ``load`` of the caller's runs on the opening thread.
    ``searchable=False`` with ``cache=False`` builds no full-text index at all (the
    command line's export, which never searches: less memory and time); :meth:`search`
    then finds only ``org:`` queries."""

    def __init__(self, cache: Cache | str | os.PathLike | bool | None = None,
                 load: LoadFile | None = None, discover: Discover | None = None,
                 searchable: bool = True):
        if isinstance(cache, Cache):
            self.cache = cache
        elif cache is False:
            self.cache = Cache(":memory:")
        else:
            self.cache = Cache(None if cache in (None, True) else cache)
        self.lock = threading.RLock()  # guards index and the maps below against readers
        self.paths: list[str] = []
        self.articles: dict[str, Article] = {}  # key -> article, in folder order
        self.failures: dict[str, Failure] = {}  # path -> why it could not be read
        self.index = OrganisationIndex()
        self._files: dict[str, FileState] = {}  # path as found -> its state
        self._by_id: dict[int, str] = {}  # cache file id -> path as found
        self._resets = self.cache.resets
        self._load = load
        self._discover = discover
        self.searchable = searchable
        self.corrections: Corrections | None = None  # the user's, applied to articles as shown
        self._stories = FolderStories(self.cache)
        self._widths = FolderWidths()  # short texts held back until their folder's wrap is known

    @property
    def note(self) -> str:
        """Why the cache is not in use or was rebuilt ('' when all is well)."""
        return self.cache.note

    # -- opening -------------------------------------------------------------------------
    def open(self, paths: Iterable[str | os.PathLike], jobs: int | None = None,
             on_batch: OnBatch | None = None, cancel: threading.Event | None = None,
             batch_seconds: float = 0.1, max_batch: int = 200) -> OpenStats:
        """Replace what is open by the article files under ``paths`` (folders walked as
        :func:`reader.read.load.iter_article_files` does). Cached files come first, then the
        rest load on ``jobs`` processes (None: all cores; 1: this thread). Returns when all
        are in, or soon after ``cancel`` is set (what arrived stays). Never raises for a
        bad file or a bad cache. A batch holds at most ``max_batch`` articles: a warm
        open delivers thousands a second, and the window must take each batch within
        one frame."""
        with paused_and_frozen():
            return self._open(paths, jobs, on_batch, cancel, batch_seconds, max_batch)

    def _open(self, paths, jobs, on_batch, cancel, batch_seconds, max_batch=200) -> OpenStats:
        start = time.perf_counter()
        with self.lock:
            self.paths = [str(p) for p in paths]
            self.articles = {}
            self.failures = {}
            self.index = OrganisationIndex()
            self._files = {}
            self._by_id = {}
            self._stories.reset(self.paths)
            self._widths = FolderWidths()
        found = self._find(self.paths)
        names_ready()
        order = {p: n for n, p in enumerate(found)}
        stats = OpenStats(files=len(found))
        states = stat_all(found, self._load)
        progress = Batches(on_batch, len(found), batch_seconds, max_batch)
        self._add_files(list(states.items()), jobs, cancel, progress, stats)
        self._widths.lend(self, cancel, progress, None)
        self._reorder(order)
        if not (cancel is not None and cancel.is_set()):
            prune_cache(self.cache, self.paths, states)
        self._stories.restore(self._file_states(), self.corrections)
        progress.flush()
        if not (cancel is not None and cancel.is_set()):
            keep_in_cache(self.cache, [st.file_id for st in self._files.values() if st.file_id is not None])
        stats.articles, stats.failures = len(self.articles), len(self.failures)
        stats.cancelled = cancel is not None and cancel.is_set()
        stats.seconds = time.perf_counter() - start
        stats.note = self.cache.note
        return stats

    def _add_files(self, items: list[tuple[str, FileState | Failure]], jobs, cancel, progress: "Batches",
                   stats: OpenStats | None = None, changes: Changes | None = None) -> None:
        """Serve ``items`` from the cache where it holds them, load the rest."""
        ok = {path: st for path, st in items if isinstance(st, FileState)}
        for path, st in items:
            if isinstance(st, Failure):
                self._put_failure(path, st, progress, changes)
        misses = []
        hits: dict = {}
        pending = list(ok.items())
        for n, (path, st) in enumerate(pending):
            if n % _LOOKUP == 0:  # a slice at a time: the first article shows sooner, less memory
                part = pending[n:n + _LOOKUP]
                hits = self.cache.lookup({s.resolved: (s.size, s.mtime_ns) for _, s in part})
            entry = hits.get(st.resolved)
            if entry is None:
                misses.append(path)
                continue
            if cancel is not None and cancel.is_set():
                return
            articles = None
            if entry.blob is not None:
                try:
                    articles = decode_articles(entry.blob, path)
                except (ValueError, TypeError, KeyError, RecursionError) as err:
                    log.info("a damaged cache row for %s, loading the file again: %r", path, err)
                    misses.append(path)  # a damaged row: load the file again
                    continue
            st.file_id = entry.file_id
            if articles is not None:
                self._put_articles(path, st, articles, progress, changes, entry.evidence)
            else:
                self._put_failure(path, Failure(path, entry.failure or "could not be read"), progress, changes, st)
            if stats:
                stats.cached += 1
        if not misses or (cancel is not None and cancel.is_set()):
            return
        rows: list[tuple[str, FileState, Loaded]] = []
        last = time.perf_counter()
        first = not self.articles

        def flush() -> None:
            nonlocal rows, last
            if rows:
                self._store(rows, progress, changes)
                rows, last = [], time.perf_counter()

        if first:  # nothing to show yet: the first file loads here while the pool starts
            head, misses = misses[0], misses[1:]
            rows.append((head, ok[head], load_one(head, self._load)))
            flush()
            if stats:
                stats.loaded += 1
        for loaded in load_files(misses, jobs=jobs, cancel=cancel, load=self._load):
            rows.append((loaded.path, ok[loaded.path], loaded))
            if stats:
                stats.loaded += 1
            if time.perf_counter() - last >= progress.seconds or len(rows) >= 256:
                flush()
        if not (cancel is not None and cancel.is_set()):
            flush()

    def _store(self, rows: list[tuple[str, FileState, Loaded]], progress: "Batches",
               changes: Changes | None) -> None:
        decoded = []
        cache_rows = []
        for path, st, loaded in rows:
            try:
                articles = loaded.articles()
            except (ValueError, TypeError, KeyError) as err:  # cannot happen unless a bug
                log.exception("the articles of %s could not be decoded", path)
                loaded = Loaded(path, None, f"could not be read ({type(err).__name__}: {err})", path)
                articles = []
            decoded.append((path, st, loaded, articles))
            cache_rows.append(Row(st.resolved, st.size, st.mtime_ns, articles, loaded.blob, loaded.failure,
                                  loaded.evidence))
        ids = self.cache.store(cache_rows) if self.searchable else {}
        if self.cache.resets != self._resets:
            self._reindex()
        for path, st, loaded, articles in decoded:
            st.file_id = ids.get(st.resolved)
            if loaded.failure is None:
                self._put_articles(path, st, articles, progress, changes, loaded.evidence, fresh=True)
            else:
                self._put_failure(path, Failure(loaded.failure_path or path, loaded.failure), progress, changes, st)
        progress.maybe_flush()

    def _put_articles(self, path: str, st: FileState, articles: list[Article], progress: "Batches",
                      changes: Changes | None, evidence: bytes | None = None, files: int = 1,
                      fresh: bool = False) -> None:
        shown = [corrected(a, self.corrections) for a in articles] if self.corrections else articles
        with self.lock:
            self._drop(path, changes)
            st.keys = tuple(a.key for a in articles)
            self._files[path] = st
            if st.file_id is not None:
                self._by_id[st.file_id] = path
            for a, s in zip(articles, shown):  # the index and the stories count them as shown
                self.articles[a.key] = a
                self.index.add(s)
        self._stories.add(articles, evidence, shown, fresh)  # (fresh: to check, prepared now)
        if changes is not None:
            changes.articles.extend(articles)
            if changes.removed:
                keep = set(st.keys)
                changes.removed = [k for k in changes.removed if k not in keep]
        progress.add(self._widths.hold(path, articles, evidence), (), files)

    def _put_failure(self, path: str, failure: Failure, progress: "Batches",
                     changes: Changes | None, st: FileState | None = None) -> None:
        with self.lock:
            self._drop(path, changes)
            self.failures[path] = failure
            if changes is not None and changes.recovered and changes.recovered[-1] == path:
                changes.recovered.pop()  # it failed before and fails still
            if st is not None:
                st.keys = ()
                self._files[path] = st
                if st.file_id is not None:
                    self._by_id[st.file_id] = path
        if changes is not None:
            changes.failures.append(failure)
        progress.add((), (failure,), 1)

    def _drop(self, path: str, changes: Changes | None) -> None:
        """Forget what ``path`` held (under the lock)."""
        old = self._files.pop(path, None)
        if old is not None:
            self._stories.remove(old.keys)
            for key in old.keys:
                if self.articles.pop(key, None) is not None:
                    self.index.remove(key)
                    if changes is not None:
                        changes.removed.append(key)
            if old.file_id is not None and self._by_id.get(old.file_id) == path:
                del self._by_id[old.file_id]
        if self.failures.pop(path, None) is not None and changes is not None:
            changes.recovered.append(path)

    def _reorder(self, order: dict[str, int]) -> None:
        """Articles in folder order (cached files were served first)."""
        with self.lock:
            items = sorted(self.articles.items(), key=lambda kv: (order.get(kv[1].path, len(order)), kv[1].index))
            self.articles = dict(items)
            self.failures = dict(sorted(self.failures.items(), key=lambda kv: order.get(kv[0], len(order))))

    def _reindex(self) -> None:
        """The cache lost its contents (it failed and went to memory): index what is open."""
        self._resets = self.cache.resets
        with self.lock:
            files = list(self._files.items())
            articles = dict(self.articles)
        by_path: dict[str, list[Article]] = {}
        for a in articles.values():
            by_path.setdefault(a.path, []).append(a)
        rows = [Row(st.resolved, st.size, st.mtime_ns, by_path.get(path, [])) for path, st in files]
        ids = self.cache.store(rows, keep_data=False)
        with self.lock:
            self._by_id = {}
            for path, st in files:
                st.file_id = ids.get(st.resolved)
                if st.file_id is not None:
                    self._by_id[st.file_id] = path

    def _find(self, paths: Sequence[str | os.PathLike]) -> list[str]:
        """The article files under ``paths``, in folder order."""
        if self._discover is None:
            return list(iter_article_paths(paths))
        return [str(p) for p in self._discover([str(p) for p in paths])]

    # -- noticing changes -----------------------------------------------------------------
    def refresh(self, paths: Iterable[str | os.PathLike] | None = None, jobs: int | None = None,
                on_batch: OnBatch | None = None, cancel: threading.Event | None = None) -> Changes:
        """Bring the open folder up to date with the disk: new files are loaded, changed
        ones (size or modification time) reloaded, deleted ones dropped. ``paths`` limits
        the look to those files or folders (what a ``QFileSystemWatcher`` reported:
        ``fileChanged``/``directoryChanged``); None looks at everything that is open.
        Returns the :class:`Changes` (also sent to ``on_batch`` as they load)."""
        with paused_and_frozen():
            return self._refresh(paths, jobs, on_batch, cancel)

    def _refresh(self, paths, jobs, on_batch, cancel) -> Changes:
        changes = Changes()
        if paths is None:
            scopes = [Path(p) for p in self.paths]
        else:
            scopes = [Path(p) for p in paths]
        with self.lock:
            known = dict(self._files)
            known_failed = set(self.failures)
        candidates: dict[str, None] = {}
        gone: list[str] = []
        for scope in scopes:
            s = str(scope)
            prefix = s.rstrip(os.sep) + os.sep
            under = [p for p in (*known, *known_failed) if p == s or p.startswith(prefix)]
            if scope.is_dir():
                present = set(self._find([scope]))
                for p in present:
                    candidates[p] = None
                gone.extend(p for p in under if p not in present)
            elif scope.exists():
                candidates[s] = None
            else:
                gone.extend(under)
        with self.lock:
            for p in dict.fromkeys(gone):
                self._drop(p, changes)
        states = stat_all(list(candidates), self._load)
        todo = []
        for path, st in states.items():
            old = known.get(path)
            if isinstance(st, FileState) and old is not None and (old.size, old.mtime_ns, old.resolved) == (st.size, st.mtime_ns, st.resolved):
                continue  # unchanged
            if isinstance(st, Failure) and path in known_failed and self.failures.get(path) == st:
                continue
            todo.append((path, st))
        self.cache.forget(resolved_path(p) for p in gone)
        progress = Batches(on_batch, len(todo), 0.1)
        if todo:
            self._add_files(todo, jobs if len(todo) > 16 else 1, cancel, progress, changes=changes)
            self._widths.lend(self, cancel, progress, changes)
            order = {p: n for n, p in enumerate(self._find(self.paths))}
            self._reorder(order)
        progress.flush()
        return changes

    # -- searching --------------------------------------------------------------------------
    def search(self, query: str) -> list[str]:
        """Keys of the open articles matching ``query`` (see :mod:`reader.library.search`), best
        first: bm25 over title, text and organisation names; ``org:NAME`` keeps the
        articles naming that organisation under any of its names (most mentions first
        when there is no text to rank by). A blank query gives every key in folder order;
        a query with nothing searchable in it gives []. Never raises for what a user
        types. Quick enough for the UI thread, where the filter box calls it."""
        q = parse(query)
        if q.blank:
            return list(self.articles)
        org_keys: dict[str, int] | None = None
        terms, prefix = q.terms, q.prefix
        if q.org is not None:
            with self.lock:
                org_keys, extra = org_articles(q, self.index, self.articles)
            if extra:
                more, more_prefix = _terms(" ".join(extra) + (" " if query[-1:].isspace() else ""))
                terms, prefix = terms + more, more_prefix
        match = fts_expression(terms, prefix) if self.searchable else None
        if match is None:
            if org_keys is None:
                return []
            order = {k: i for i, k in enumerate(self.articles)}
            return sorted(org_keys, key=lambda k: (-org_keys[k], order.get(k, 0)))
        try:
            hits = self.cache.search(match)
        except Exception:  # noqa: BLE001 - a search must never take the window down
            log.warning("search for %r (%r) failed", query, match, exc_info=True)
            return []
        by_id, articles = self._by_id, self.articles
        out = []
        for file_id, index in hits:
            path = by_id.get(file_id)
            if path is None:
                continue
            key = path if index == 0 else f"{path}#{index}"
            if key in articles and (org_keys is None or key in org_keys):
                out.append(key)
        return out

    def folders(self) -> list[str]:
        """The open roots and every folder holding an open file: what a
        ``QFileSystemWatcher`` should watch to see files appear, change and go."""
        with self.lock:
            paths = list(self._files) + list(self.failures)
        return watched_folders(self.paths, paths)

    def files(self) -> list[str]:
        """The open files, in folder order, then those that could not be read."""
        with self.lock:
            files = dict.fromkeys(a.path for a in self.articles.values())
            files.update(dict.fromkeys(self.failures))
        return list(files)

    def organisations(self) -> list[IndexEntry]:
        """A snapshot of the organisation index (safe from any thread)."""
        with self.lock:
            return self.index.entries()

    def articles_naming(self, name: str) -> list[str]:
        """Keys of the open articles naming the organisation ``name`` (any of its names)."""
        with self.lock:
            return self.index.articles_naming(name)

    # -- stories (see reader.library.stories: call stories() on the loader's thread) -----
    def stories(self) -> list[Story]:
        """The open articles in stories; only those new or changed since are checked."""
        return self._stories.group(self._file_states(), self.corrections)

    def story_of(self, key: str) -> Story | None:
        """The story of the article ``key`` as the last :meth:`stories` found (any thread)."""
        return self._stories.story_of(key)

    def _file_states(self) -> dict[str, tuple[int, int, tuple[str, ...]]]:
        with self.lock:
            return {p: (st.size, st.mtime_ns, st.keys) for p, st in self._files.items() if st.keys}

    # -- the article as shown, and export ------------------------------------------------
    def as_shown(self, article: Article) -> Article:
        """``article`` as the folder shows it: the names other open articles taught
        (an acronym one defines, ...) marked in it too, then :attr:`corrections`
        applied (safe from any thread)."""
        with self.lock:
            shown, corrections = with_folder_names(article, self.index), self.corrections
        return corrected(shown, corrections) if corrections else shown

    def export_problem(self, folder: str | os.PathLike, paths: Iterable[str | os.PathLike] | None = None) -> str:
        """Why exports must not go into ``folder`` ('' when they may): it holds the open
        sources (or those of ``paths``, before they are opened). Exports there would
        sit beside the sources and be loaded as articles at the next look."""
        if paths is not None:
            return export_problem(folder, list(paths))
        with self.lock:
            roots = list(self.paths)
            files = [*self._files, *(st.resolved for st in self._files.values()), *self.failures]
        return export_problem(folder, roots, files)

    def export_all(self, articles: Sequence[Article], folder: str | os.PathLike, fmt: str,
                   cancel: threading.Event | None = None, on_progress: OnProgress | None = None,
                   versions: dict[str, Sequence[Article]] | None = None) -> ExportReport:
        """Write ``articles`` as shown, one file each, into ``folder`` (see
        :func:`reader.export.export_all`; ``versions`` names other versions). Raises
        :class:`ExportError` for a folder holding the open sources (:meth:`export_problem`)."""
        if self.export_problem(folder):
            raise ExportError(folder, SOURCES_REASON)
        return export_shown(self.as_shown, articles, folder, fmt, cancel, on_progress, versions)

    def export_article(self, article: Article, dest: str | os.PathLike, fmt: str | None = None,
                       overwrite: bool = False) -> Path:
        """Write ``article`` as shown to the file ``dest`` (see
        :func:`reader.export.export_article`); refused like :meth:`export_all`."""
        folder = os.path.dirname(os.path.abspath(dest))
        if self.export_problem(folder):
            raise ExportError(folder, SOURCES_REASON)
        return export_one(self.as_shown, article, dest, fmt, overwrite)

    def close(self) -> None:
        self.cache.close()


__all__ = ["Library", "OpenStats", "Changes", "OnBatch", "Discover"]
