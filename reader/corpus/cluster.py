"""A corpus export on a Dask distributed cluster: the same two passes, on its workers.

Pass one maps :func:`.passes.load_part` over parts of ``PART_SIZE`` files; the loaded
parts stay in the workers' memory, and only each part's failures and the wrap widths its
texts show come back here (:func:`.passes.report_of`). The folders' widths are decided
here by the library's rule (:mod:`reader.library.widths`), and the parts holding short
texts are loaded again with them where they live (:func:`.passes.lend_widths`). The
index is built by one task from every part's organisations; pass two renders each part
where it lives and writes each shard from the slices of the parts it holds (shard ``k``
is articles ``k*SHARD_SIZE`` on, exactly as the local run cuts them). Everything is
written by the workers, so the client needs no access to the files. A worker that dies
loses nothing: the scheduler runs its tasks again elsewhere, recomputing the parts it
held from their files. No Qt here.
"""
from __future__ import annotations

import logging
import operator
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from ..corrections import Corrections
from ..export import ExportError, ExportReport
from ..library.widths import agreed_widths, merged
from .files import assign_names, digests, render_files, write_files
from .local import OnFailure, Progress
from .passes import CorpusReport, PartReport, build_folder, index_input, lend_widths, load_part, load_sandboxed, \
    make_target, named_of, remove_stale_shards, render_part, report_of, rows_of, write_failures, \
    write_organisations, write_shard
from .shards import SHARD_SIZE, MissingPackage, plan_shards, require_pyarrow
from .sources import HoldsSources, MissingSources, list_sources, resolve
from .target import Target

log = logging.getLogger(__name__)

PART_SIZE = 64  # files per pass-one task: a few hundred ms of work, enough tasks to balance
SANDBOX_TRIES = 3  # loads of a part in child processes before the run gives up
INSTALL = "--scheduler needs Dask: install with pip install '.[cluster]'"


def connect(address: str, timeout: float = 10.0):
    """A ``distributed.Client`` on the scheduler at ``address``. MissingPackage without
    Dask, OSError (with the reason) when the scheduler cannot be reached."""
    try:
        from distributed import Client
    except ImportError:
        raise MissingPackage(INSTALL) from None
    try:
        return Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as err:
        raise OSError(f"cannot reach the Dask scheduler at {address}: {err}") from None
    except ValueError as err:  # an address Dask cannot parse
        raise OSError(f"{address}: not a Dask scheduler address ({err})") from None


@dataclass
class _PassOne:
    run: str  # names this run's tasks
    target: object  # the future of the output's Target, once its folder exists
    parts: list  # futures of the loaded parts, in file order
    inputs: list  # futures of each part's organisations (index_input)
    failures: list[tuple[str, str]]  # (path, reason) of the unreadable files, in file order


def _pass_one(client, paths: Sequence[str], out: str, part_size: int, on_failure: OnFailure | None,
              on_progress: Progress | None) -> _PassOne:
    """List the sources, create the output folder and load every part, on the workers;
    report each unreadable file as its part comes in."""
    from distributed import KilledWorker, as_completed

    run = uuid.uuid4().hex[:12]
    cwd = os.getcwd()  # relative paths are the command line's, wherever the workers run
    files, missing, problem = client.submit(list_sources, list(paths), out, cwd, key=f"sources-{run}").result()
    if missing:
        raise MissingSources(missing)
    if problem:
        raise HoldsSources(problem)
    target = client.submit(make_target, Target(resolve(out, cwd)), key=f"target-{run}")
    chunks = [files[i:i + part_size] for i in range(0, len(files), part_size)]
    parts = client.map(load_part, chunks, cwd=cwd, key=[f"load-{run}-{i}" for i in range(len(chunks))])
    pending = as_completed([], loop=client.loop)
    units: dict[str, int] = {}  # report task -> its part
    reports: list[PartReport] = [PartReport([], {}, []) for _ in chunks]
    sandboxed = [0] * len(chunks)  # times the part was loaded in child processes
    done = 0

    def track(i: int) -> None:
        future = client.submit(report_of, parts[i], key=f"report-{run}-{i}-{sandboxed[i]}")
        units[future.key] = i
        pending.add(future)

    def sandbox(i: int) -> None:
        """A task that killed its workers (Dask gives up after a few deaths) is loaded again
        in child processes of a worker: a file that crashes the parser kills only its child.
        Dask blames every task a dying worker held, so innocent parts come here too."""
        if sandboxed[i] == SANDBOX_TRIES:
            raise RuntimeError(f"workers kept dying while loading {chunks[i][0]} and the next files")
        sandboxed[i] += 1
        log.info("%s…: its task killed its workers; loading its files in child processes", chunks[i][0])
        parts[i] = client.submit(load_sandboxed, chunks[i], cwd, key=f"sandbox-{run}-{i}-{sandboxed[i]}")

    for i in range(len(chunks)):
        track(i)
    for future in pending:
        i = units[future.key]
        if future.status == "error" and isinstance(future.exception(), KilledWorker):
            sandbox(i)
            track(i)
            continue
        reports[i] = future.result()
        for path, reason in reports[i].failures:
            if on_failure:
                on_failure(path, reason)
        done += len(chunks[i])
        if on_progress:
            on_progress("loaded", done, len(files))
    for i, part in enumerate(parts):  # lost with a dying worker, and blamed when loaded again
        if part.status == "error" and isinstance(part.exception(), KilledWorker):
            sandbox(i)
    _lend_widths(client, run, parts, reports, cwd)
    inputs = client.map(index_input, parts, key=[f"names-{run}-{i}" for i in range(len(parts))])
    return _PassOne(run, target, parts, inputs, [f for report in reports for f in report.failures])


def _lend_widths(client, run: str, parts: list, reports: Sequence[PartReport], cwd: str) -> None:
    """Each folder's wrap width, decided here from the widths every part's texts show, as
    :class:`reader.library.Library` decides it once a folder is in; the parts holding
    short texts of a folder that shows one are loaded again with it (in place in
    ``parts``), where they live."""
    widths = agreed_widths(merged(report.widths for report in reports))
    for i, report in enumerate(reports):
        lent = {path: widths[os.path.dirname(path)] for path in report.weak if os.path.dirname(path) in widths}
        if lent:
            parts[i] = client.submit(lend_widths, parts[i], lent, cwd, key=f"lend-{run}-{i}")


def export_on_cluster(client, paths: Sequence[str], out: str, fmt: str, shard_size: int = SHARD_SIZE,
                      part_size: int = PART_SIZE, on_failure: OnFailure | None = None,
                      on_progress: Progress | None = None, corrections: Corrections | None = None) -> CorpusReport:
    """:func:`reader.corpus.local.export_corpus` on ``client``'s cluster, for ``paths``
    (files, folders or fsspec URLs, as the workers see them), with the user's
    ``corrections`` applied. Raises MissingSources
    naming the paths that do not exist, HoldsSources if ``out`` holds source articles."""
    from distributed import as_completed

    if fmt == "parquet":
        require_pyarrow()
    one = _pass_one(client, paths, out, part_size, on_failure, on_progress)
    run, target, parts, inputs = one.run, one.target, one.parts, one.inputs
    report = CorpusReport(out, fmt, failures=one.failures)
    counts = client.gather(client.map(len, inputs, key=[f"count-{run}-{i}" for i in range(len(inputs))]))
    folder = client.submit(build_folder, *inputs, corrections=corrections, key=f"index-{run}")
    rendered = [client.submit(render_part, part, folder, fmt, key=f"render-{run}-{i}")
                for i, part in enumerate(parts)]
    rows = client.map(rows_of, rendered, key=[f"rows-{run}-{i}" for i in range(len(rendered))])
    plan = plan_shards(counts, shard_size)
    writes = [client.submit(write_shard, target, number, fmt, [(start, stop) for _, start, stop in slices],
                            *[rows[p] for p, _, _ in slices], key=f"shard-{run}-{number}")
              for number, slices in enumerate(plan)]
    sizes = {future.key: sum(stop - start for _, start, stop in slices) for future, slices in zip(writes, plan)}
    named = client.map(named_of, rendered, key=[f"named-{run}-{i}" for i in range(len(rendered))])
    others = [client.submit(write_organisations, target, *named, key=f"organisations-{run}"),
              client.submit(write_failures, target, report.failures, key=f"failures-file-{run}"),
              client.submit(remove_stale_shards, target, fmt, len(plan), key=f"stale-{run}")]
    written = 0
    for future in as_completed([*writes, *others], loop=client.loop):
        try:
            result = future.result()
        except ExportError as err:
            report.failed.append((err.path, err.reason))
            continue
        except Exception as err:  # a task the cluster gave up on (its workers kept dying)
            log.info("export task %s failed", future.key, exc_info=True)
            report.failed.append((future.key, f"{type(err).__name__}: {err}"))
            continue
        if future.key in sizes:
            report.shards.append(result)
            report.articles += sizes[future.key]
            written += 1
            if on_progress:
                on_progress("written", written, len(plan))
        elif isinstance(result, list):  # the stale shards that could not be removed
            report.failed += result
    report.shards.sort()
    return report


def export_files_on_cluster(client, paths: Sequence[str], out: str, fmt: str, part_size: int = PART_SIZE,
                            on_failure: OnFailure | None = None, on_progress: Progress | None = None,
                            corrections: Corrections | None = None) -> tuple[ExportReport, list[tuple[str, str]]]:
    """:func:`reader.export.export_all` of every article under ``paths`` (one txt, md,
    html or json file each) on ``client``'s cluster, with the folder's names marked as
    the local export marks them: its report, and the (path, reason) of unreadable files."""
    from distributed import as_completed

    one = _pass_one(client, paths, out, part_size, on_failure, on_progress)
    run = one.run
    folder = client.submit(build_folder, *one.inputs, corrections=corrections, key=f"index-{run}")
    rendered = [client.submit(render_files, part, folder, fmt, key=f"render-{run}-{i}")
                for i, part in enumerate(one.parts)]
    sums = client.map(digests, rendered, key=[f"digests-{run}-{i}" for i in range(len(rendered))])
    names = client.submit(assign_names, one.target, fmt, *sums, key=f"names-of-files-{run}")
    writes = [client.submit(write_files, one.target, files, client.submit(operator.getitem, names, i,
                                                                          key=f"file-names-{run}-{i}"),
                            key=f"write-{run}-{i}") for i, files in enumerate(rendered)]
    report = ExportReport()
    done = 0
    for future in as_completed(writes, loop=client.loop):
        try:
            result = future.result()
        except ExportError as err:  # the output folder could not be created
            if not report.failed:
                report.failed.append((err.path, err.reason))
            continue
        report.written += map(Path, result.written)
        report.unchanged += [Path(out) / name for name in result.unchanged]
        report.failed += result.failed
        done += 1
        if on_progress:
            on_progress("written", done, len(writes))
    return report, one.failures
