"""A corpus export on this machine, through :class:`reader.library.Library` (the door the
window and the one-file-per-article export use): pass one is the library's open on its
process pool, pass two runs in this process, shard after shard."""
from __future__ import annotations

from typing import Callable, Sequence

from ..corrections import Corrections
from ..export import ExportError
from .passes import CorpusReport, Named, Rendered, remove_stale_shards, write_failures, write_organisations, \
    write_shard
from .shards import SHARD_SIZE, require_pyarrow
from .sources import HoldsSources
from .target import Target

Progress = Callable[[str, int, int], None]  # (what: "loaded"/"written", done, total)
OnFailure = Callable[[str, str], None]  # (path, reason) of a file that could not be read


def export_corpus(paths: Sequence[str], out: str, fmt: str, jobs: int | None = None,
                  shard_size: int = SHARD_SIZE, on_failure: OnFailure | None = None,
                  on_progress: Progress | None = None, corrections: Corrections | None = None) -> CorpusReport:
    """Write the articles under ``paths`` (files and folders) as shards of ``fmt``
    ("jsonl" or "parquet") into ``out`` (a folder or an fsspec URL), with
    ``organisations.csv`` and ``failures.jsonl``, and the user's ``corrections`` applied. Raises HoldsSources (with the
    library's reason) for a folder that holds the sources, MissingPackage for parquet
    without pyarrow."""
    from ..library import Library

    if fmt == "parquet":
        require_pyarrow()
    library = Library(cache=False, searchable=False)
    library.corrections = corrections  # applied by as_shown
    try:
        problem = library.export_problem(out, paths)
        if problem:
            raise HoldsSources(problem)
        return _export(library, paths, Target(out), CorpusReport(out, fmt), jobs, shard_size,
                       on_failure, on_progress)
    finally:
        library.close()


def _export(library, paths, target: Target, report: CorpusReport, jobs, shard_size, on_failure,
            on_progress) -> CorpusReport:
    fmt = report.fmt
    try:
        target.make()
    except ExportError as err:
        report.failed.append((err.path, err.reason))
        return report

    def loaded(articles, failures, done, total) -> None:
        if on_progress:
            on_progress("loaded", done, total)

    library.open(paths, jobs=jobs, on_batch=loaded)
    for failure in library.failures.values():
        report.failures.append((failure.path, failure.reason))
        if on_failure:
            on_failure(failure.path, failure.reason)
    batch = Rendered(fmt)
    named: list[Named] = []  # every article's organisations as written, for organisations.csv
    shards = 0  # planned, written or not: a shard that failed keeps its number
    total = -(-len(library.articles) // shard_size)

    def flush() -> None:
        nonlocal shards
        count = len(batch.rows)
        try:
            report.shards.append(write_shard(target, shards, fmt, [(0, count)], batch.rows))
            report.articles += count
        except ExportError as err:
            report.failed.append((err.path, err.reason))
        shards += 1
        named.extend(batch.named)
        batch.rows.clear()
        batch.named.clear()
        if on_progress:
            on_progress("written", shards, total)

    for article in list(library.articles.values()):
        batch.add(library.as_shown(article))
        if len(batch.rows) == shard_size:
            flush()
    if batch.rows:
        flush()
    for step in (lambda: write_organisations(target, named), lambda: write_failures(target, report.failures)):
        try:
            step()
        except ExportError as err:
            report.failed.append((err.path, err.reason))
    report.failed += remove_stale_shards(target, fmt, shards)
    return report
