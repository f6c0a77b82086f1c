"""A corpus export on this machine: pass one on the process pool of
:func:`reader.library.pool.load_files`, pass two in this process, shard after shard."""
from __future__ import annotations

from typing import Callable, Sequence

from ..export import ExportError
from ..library.pool import load_files
from .passes import CorpusReport, Rendered, articles_of, build_folder, failures_of, index_input, \
    remove_stale_shards, write_failures, write_organisations, write_shard
from .shards import SHARD_SIZE, require_pyarrow
from .target import Target

Progress = Callable[[str, int, int], None]  # (what: "loaded"/"written", done, total)
OnFailure = Callable[[str, str], None]  # (path, reason) of a file that could not be read


def export_corpus(files: Sequence[str], out: str, fmt: str, jobs: int | None = None,
                  shard_size: int = SHARD_SIZE, on_failure: OnFailure | None = None,
                  on_progress: Progress | None = None) -> CorpusReport:
    """Write ``files``' articles as shards of ``fmt`` ("jsonl" or "parquet") into ``out``
    (a folder or an fsspec URL), with ``organisations.csv`` and ``failures.jsonl``.
    Raises MissingPackage for parquet without pyarrow."""
    if fmt == "parquet":
        require_pyarrow()
    report = CorpusReport(out, fmt)
    target = Target(out)
    try:
        target.make()
    except ExportError as err:
        report.failed.append((err.path, err.reason))
        return report
    part = []
    for done, loaded in enumerate(load_files(list(files), jobs=jobs), 1):
        part.append(loaded)
        for path, reason in failures_of([loaded]):
            report.failures.append((path, reason))
            if on_failure:
                on_failure(path, reason)
        if on_progress:
            on_progress("loaded", done, len(files))
    folder = build_folder(index_input(part))
    batch = Rendered(fmt)
    named = []  # every article's organisations as written, for organisations.csv
    shards = 0  # planned, written or not: a shard that failed keeps its number

    def flush() -> None:
        nonlocal shards
        count = len(batch.rows)
        try:
            report.shards.append(write_shard(target, shards, fmt, [(0, count)], batch))
            report.articles += count
        except ExportError as err:
            report.failed.append((err.path, err.reason))
        shards += 1
        named.extend(batch.named)
        batch.rows.clear()
        batch.named.clear()
        if on_progress:
            on_progress("written", shards, -(-len(folder.dates) // shard_size))

    for article in articles_of(part):
        batch.add(article, folder)
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
