"""``article-reader export … --format jsonl|parquet`` and ``export … --scheduler ADDRESS``:
the command line's side (checks, messages, progress, exit codes) of a corpus export on the
local process pool or a Dask cluster, and of a one-file-per-article export on a cluster."""
from __future__ import annotations

import logging
import os
import sys
import time
from typing import Callable

from ..corrections.commands import user_corrections
from ..counts import counted
from .shards import FORMATS, SHARD_SIZE, MissingPackage, require_pyarrow
from .target import is_url

log = logging.getLogger(__name__)


class _Progress:
    """``loaded 1,200/10,000 files`` on one rewritten stderr line, at most 5 times a second,
    when stderr is a terminal (a log file gets the failures and the summary only)."""

    def __init__(self):
        self.live = sys.stderr.isatty()
        self.last = 0.0

    def __call__(self, what: str, done: int, total: int) -> None:
        now = time.monotonic()
        if not self.live or (now - self.last < 0.2 and done < total):
            return
        self.last = now
        unit = "files" if what == "loaded" else "shards"
        sys.stderr.write(f"\r{what} {done:,}/{total:,} {unit}\033[K")
        sys.stderr.flush()

    def end(self) -> None:
        if self.live and self.last:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def export_command(paths: list[str], fmt: str, out: str, jobs: int, scheduler: str | None,
                   err: Callable[[str], None], shard_size: int = SHARD_SIZE, corrections: bool = True) -> int:
    """``export`` with ``--format jsonl|parquet`` or ``--scheduler``; its exit code.
    ``corrections``: apply the user's (``--no-corrections``: not)."""
    if scheduler is None:  # on a cluster the workers look for the paths, where they are
        urls = [p for p in paths if is_url(p)]
        if urls:
            err(f"{urls[0]}: URLs are read on a Dask cluster (--scheduler ADDRESS); give a local path")
            return 2
        missing = [p for p in paths if not os.path.exists(p)]
        for p in missing:
            err(f"{p}: no such file or folder")
        if missing:
            return 2
    if not is_url(out) and os.path.exists(out) and not os.path.isdir(out):
        err(f"{out}: exists and is not a folder")
        return 2
    if jobs < 0:
        err(f"--jobs {jobs}: give a number of processes (0 or nothing: all cores)")
        return 2
    if shard_size < 1:
        err(f"--shard-size {shard_size}: give a number of articles per shard")
        return 2
    progress = _Progress()

    def failed_file(path: str, reason: str) -> None:
        progress.end()
        err(f"{path}: {reason}")

    try:
        if fmt == "parquet":
            require_pyarrow()
        fixes = user_corrections(corrections, err)
        if scheduler is None:
            outcome = _local(paths, fmt, out, jobs, shard_size, failed_file, progress, err, fixes)
        else:
            outcome = _cluster(paths, fmt, out, scheduler, shard_size, failed_file, progress, err, fixes)
    except MissingPackage as missing_package:
        progress.end()
        err(str(missing_package))
        return 2
    except Exception as error:  # the cluster gave up on a task (e.g. its workers kept dying)
        progress.end()
        log.info("the export failed", exc_info=True)
        hint = "" if scheduler is None else (" (the scheduler and every worker need article-reader "
                                             "installed, the same version as here)")
        err(f"the export failed: {type(error).__name__}: {error}{hint}")
        return 1
    progress.end()
    if outcome is None:
        return 2
    summary, failed, unreadable = outcome
    for name, reason in failed:
        err(f"{name}: export failed: {reason}")
    print(summary)
    return 1 if unreadable or failed else 0


Outcome = tuple[str, list[tuple[str, str]], list[tuple[str, str]]]  # summary, not written, unreadable


def _local(paths, fmt, out, jobs, shard_size, failed_file, progress, err, fixes) -> Outcome | None:
    from .local import export_corpus
    from .sources import HoldsSources

    try:
        report = export_corpus(paths, out, fmt, jobs=jobs or None, shard_size=shard_size,
                               on_failure=failed_file, on_progress=progress, corrections=fixes)
    except HoldsSources as problem:
        err(str(problem))
        return None
    return report.summary(), report.failed, report.failures


def _cluster(paths, fmt, out, scheduler, shard_size, failed_file, progress, err, fixes) -> Outcome | None:
    from .cluster import connect, export_files_on_cluster, export_on_cluster
    from .sources import HoldsSources, MissingSources

    try:
        client = connect(scheduler)
    except OSError as error:
        err(str(error))
        return None
    try:
        if fmt in FORMATS:
            report = export_on_cluster(client, paths, out, fmt, shard_size=shard_size,
                                       on_failure=failed_file, on_progress=progress, corrections=fixes)
            return report.summary(), report.failed, report.failures
        files_report, unreadable = export_files_on_cluster(client, paths, out, fmt, on_failure=failed_file,
                                                           on_progress=progress, corrections=fixes)
        summary = files_report.summary(out, fmt)
        if unreadable:
            summary += f"; {counted(len(unreadable), 'file')} could not be read"
        return summary, files_report.failed, unreadable
    except MissingSources as missing:
        for p in missing.args[0]:
            err(f"{p}: no such file or folder")
        return None
    except HoldsSources as problem:
        err(str(problem))
        return None
    finally:
        client.close()
