"""The two passes of a corpus export, as steps either engine runs (no engine code here).

Pass one: :func:`load_part` loads and recognises a part of the files (the local run has
one part, a cluster many); on a cluster, :func:`report_of` tells what wrap widths a part's
texts show and :func:`lend_widths` loads its short texts again with their folder's (what
:class:`reader.library.Library` does locally); :func:`build_folder` merges every
article's organisations, in file order, into the folder-wide index. Pass two: :func:`render_part` turns each article
into its ``clean --json`` object with the names the whole folder recognised marked, and
:func:`write_shard` writes a shard from the slices of the parts that :func:`plan_shards`
gives it. A part is a list of :class:`reader.library.pool.Loaded` (encoded articles or a
failure), compact enough to keep in a cluster's memory between the passes.
"""
from __future__ import annotations

import logging
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterator, NamedTuple, Sequence

from ..corrections import Corrections, apply as corrected
from ..counts import counted
from ..export import ExportError, to_json
from ..library.gcpause import paused
from ..library.pool import Loaded, load_one
from ..library.widths import load_again, seen_widths, too_weak
from ..organisations.recognise import OrganisationIndex, folder_names, with_folder_names
from ..read.decode import MAX_BYTES
from ..record import Article, Organisation
from .shards import FAILURES, ORGANISATIONS, encode_row, encode_shard, failures_jsonl, is_shard_name, \
    organisations_csv, shard_name
from .sources import resolve
from .target import Target, is_url

log = logging.getLogger(__name__)


@dataclass(slots=True)
class CorpusReport:
    out: str
    fmt: str
    articles: int = 0
    shards: list[str] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # unreadable files: (path, reason)
    failed: list[tuple[str, str]] = field(default_factory=list)  # files not written: (name, reason)

    def summary(self) -> str:
        line = (f"exported {counted(self.articles, 'article')} as {self.fmt} to {self.out} "
                f"in {counted(len(self.shards), 'shard')}")
        if self.failed:
            line += f"; {counted(len(self.failed), 'file')} not written"
        if self.failures:
            line += f"; {counted(len(self.failures), 'file')} could not be read"
        return line


@dataclass(slots=True)
class Folder:
    """What pass two needs from pass one: the index, each article's date (by key), and
    the user's corrections to apply."""

    index: OrganisationIndex
    dates: dict[str, str | None]
    corrections: Corrections | None = None

    def shown(self, article: Article) -> Article:
        """``article`` as :meth:`reader.library.Library.as_shown` shows it: the names the
        folder taught marked, then the corrections applied."""
        shown = with_folder_names(article, self.index)
        return corrected(shown, self.corrections) if self.corrections else shown


# ---------------------------------------------------------------- pass one

def load_path(path: str, cwd: str = "") -> Loaded:
    """:func:`reader.library.pool.load_one`, for fsspec URLs too (fetched to a temporary
    file of the same name, loaded, and named by the URL again), and for paths relative to
    the folder ``cwd`` (named as given)."""
    if not is_url(path):
        real = resolve(path, cwd)
        loaded = load_one(real)
        if real == path:
            return loaded
        about = path if loaded.failure_path == real else loaded.failure_path
        return Loaded(path, loaded.blob, loaded.failure, about)
    import fsspec

    folder = tempfile.mkdtemp(prefix="article-reader-")
    try:
        local = os.path.join(folder, path.rstrip("/").rsplit("/", 1)[-1] or "article")
        try:
            with fsspec.open(path, "rb") as src, open(local, "wb") as dst:
                dst.write(src.read(MAX_BYTES + 1))
        except (OSError, ValueError) as err:
            return Loaded(path, None, f"could not be read ({type(err).__name__}: {err})", path)
        loaded = load_one(local)
        failure_path = path if loaded.failure_path == local else loaded.failure_path
        return Loaded(path, loaded.blob, loaded.failure, failure_path)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def load_part(paths: Sequence[str], cwd: str = "") -> list[Loaded]:
    """Pass one for a part. Here and in the other steps a cluster's worker runs, no cyclic
    garbage collection (:func:`reader.library.gcpause.paused`): the records made are
    acyclic, and a worker holds the whole folder's parts, which every collection would
    scan again."""
    with paused():
        return [load_path(p, cwd) for p in paths]


CRASHED = "reading it crashed the process that read it"

# what a child process of a worker runs: load each file named, send each Loaded as it is done
CHILD = """\
import pickle, sys
from reader.corpus import passes
for path in sys.argv[2:]:
    data = pickle.dumps(passes.load_path(path, sys.argv[1]))
    sys.stdout.buffer.write(len(data).to_bytes(8, "big") + data)
    sys.stdout.buffer.flush()
"""


def load_sandboxed(paths: Sequence[str], cwd: str = "") -> list[Loaded]:
    """:func:`load_part` in child processes, for files whose task killed its worker (a
    crash in a parser, memory exhausted): a file that crashes its child is listed with
    the files that could not be read, and a new child goes on with the next one."""
    out: list[Loaded] = []
    rest = list(paths)
    while rest:
        done = subprocess.run([sys.executable, "-c", CHILD, cwd, *rest], capture_output=True)
        data, got = done.stdout, 0
        while len(data) >= 8 and len(data) >= 8 + int.from_bytes(data[:8], "big"):
            size = int.from_bytes(data[:8], "big")
            out.append(pickle.loads(data[8:8 + size]))
            data, got = data[8 + size:], got + 1
        rest = rest[got:]
        if rest:
            log.warning("%s: crashed a child process (exit code %s): %s", rest[0], done.returncode,
                        done.stderr.decode("utf-8", "replace")[-500:])
            out.append(Loaded(rest[0], None, CRASHED, rest[0]))
            rest = rest[1:]
    return out


def articles_of(part: Sequence[Loaded]) -> Iterator[Article]:
    for loaded in part:
        yield from loaded.articles()


def failures_of(part: Sequence[Loaded]) -> list[tuple[str, str]]:
    """(path, reason) of each file of the part that could not be read, as the local
    export names them on stderr."""
    return [(loaded.failure_path or loaded.path, loaded.failure) for loaded in part if loaded.failure is not None]


class PartReport(NamedTuple):
    """What pass one tells the driver of a part: its unreadable files, the wrap widths
    its texts show (:func:`reader.library.widths.seen_widths`), and its files whose
    texts are too short to show one (which wait for their folder's)."""

    failures: list[tuple[str, str]]
    widths: dict[str, Counter]
    weak: list[str]


def report_of(part: Sequence[Loaded]) -> PartReport:
    with paused():
        files = [(loaded.path, loaded.articles()) for loaded in part if loaded.failure is None]
        return PartReport(failures_of(part), seen_widths(a for _, articles in files for a in articles),
                          [path for path, articles in files if too_weak(articles)])


def lend_widths(part: Sequence[Loaded], widths: dict[str, int], cwd: str = "") -> list[Loaded]:
    """The part with each file named in ``widths`` (path -> its folder's wrap width, from
    :func:`reader.library.widths.agreed_widths`) loaded again with that width, as
    :class:`reader.library.Library` loads its short texts once the folder is in."""
    with paused():
        return [(load_again(loaded.path, widths[loaded.path], lambda p: load_path(p, cwd)) or loaded)
                if loaded.path in widths else loaded for loaded in part]


class Named(NamedTuple):
    """What the index needs of an article (``OrganisationIndex.add`` reads key and
    organisations), and its date for the organisations table."""

    key: str
    date: str | None
    organisations: tuple[Organisation, ...]


def index_input(part: Sequence[Loaded]) -> list[Named]:
    with paused():
        return [Named(a.key, a.date, a.organisations) for a in articles_of(part)]


def index_of(*inputs: Sequence[Named]) -> Folder:
    """The folder-wide index of the articles in ``inputs`` (from :func:`index_input`),
    added in their order, as the window and the local export add them."""
    index = OrganisationIndex()
    dates: dict[str, str | None] = {}
    for named in inputs:
        for article in named:
            index.add(article)
            dates[article.key] = article.date
    return Folder(index, dates)


def build_folder(*inputs: Sequence[Named], corrections: Corrections | None = None) -> Folder:
    """:func:`index_of`, ready for pass two: its tables built once here (not by every
    copy of it), so that several threads may read it, and ``corrections`` to apply."""
    with paused():
        folder = index_of(*inputs)
        folder.corrections = corrections
        folder.index.entries()
        folder.index.derived(folder_names)
    return folder


# ---------------------------------------------------------------- pass two

@dataclass(slots=True)
class Rendered:
    """A part's articles as written: their rows of a shard of ``fmt`` (their ``clean
    --json`` objects, encoded), and what the organisations table needs of them."""

    fmt: str
    rows: list = field(default_factory=list)
    named: list[Named] = field(default_factory=list)

    def add(self, shown: Article) -> None:
        """Add an article as the folder shows it (see :func:`render_part`)."""
        self.rows.append(encode_row(to_json(shown), self.fmt))
        self.named.append(Named(shown.key, shown.date, shown.organisations))


def render_part(part: Sequence[Loaded], folder: Folder, fmt: str) -> Rendered:
    """Pass two for a part: each article with the names the whole folder recognised marked."""
    rendered = Rendered(fmt)
    with paused():
        for article in articles_of(part):
            rendered.add(folder.shown(article))
    return rendered


def named_of(rendered: Rendered) -> list[Named]:
    return rendered.named


def make_target(target: Target) -> Target:
    """``target`` once its folder exists (ExportError if it cannot be created)."""
    target.make()
    return target


def rows_of(rendered: Rendered) -> list:
    """A part's rows alone: what a shard's writer fetches (not its organisations)."""
    return rendered.rows


def write_shard(target: Target, number: int, fmt: str, spans: Sequence[tuple[int, int]],
                *rows: Sequence) -> str:
    """Write shard ``number`` from ``rows[i][start:stop]`` for each ``spans[i]`` (the rows
    of the parts it takes articles from, see :func:`rows_of`)."""
    name = shard_name(number, fmt)
    target.write(name, encode_shard([row for (start, stop), part in zip(spans, rows) for row in part[start:stop]],
                                    fmt))
    return name


def write_organisations(target: Target, *named: Sequence[Named]) -> str:
    """``organisations.csv`` for the articles as written (from :func:`named_of`), so its
    counts agree with the shards: a name the folder taught is counted where it is marked."""
    folder = index_of(*named)
    target.write(ORGANISATIONS, organisations_csv(folder.index.entries(), folder.dates))
    return ORGANISATIONS


def write_failures(target: Target, failures: Sequence[tuple[str, str]]) -> str:
    target.write(FAILURES, failures_jsonl(failures))
    return FAILURES


def remove_stale_shards(target: Target, fmt: str, keep: int) -> list[tuple[str, str]]:
    """Remove the shards of ``fmt`` numbered ``keep`` and up that an earlier, larger export
    left (they would repeat articles); the (name, reason) of those that could not be."""
    failed = []
    for name in target.names():
        if is_shard_name(name, fmt) and int(name[9:-len(fmt) - 1]) >= keep:
            try:
                target.remove(name)
            except ExportError as err:
                failed.append((name, err.reason))
    return failed
