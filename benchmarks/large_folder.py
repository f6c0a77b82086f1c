"""Large folders stay instant: the issue-7 figures on a generated corpus.

    python benchmarks/large_folder.py [--n 10000] [--jobs N] [--no-window] [--no-export]
                                      [--no-corrections] [--no-cluster] [--no-open]

Generates a deterministic corpus (:mod:`corpus`: mixed txt/md/html/json, ~5 KB each,
with the defects the cleaner repairs) in a temporary folder, then measures, each phase
in a fresh process with its own cache folder:

* floor: the time to merely read all the files' bytes (every figure is also shown as a
  multiple of it);
* cold open (empty cache): first article available, list complete, fully indexed;
* warm reopen (cache): list complete and searchable; then search latency;
* peak RSS of the opening process (and of its largest pool worker);
* ``article-reader export`` articles/s with ``--jobs 1`` and with all cores;
* corrections (issue 16): correcting every open article for one corrections value
  (:class:`reader.corrections.Corrector`), and one edit, done and undone, on top of 100
  stored corrections (:func:`reader.corrections.recorrect`, what the window runs), beside
  joining every article's text once (the least any scan of the texts costs) and a plain
  scan (one regular expression per name, every article's text);
* ``article-reader export --format jsonl`` on the local process pool and on a local Dask
  cluster of as many single-threaded worker processes (``--scheduler``), side by side,
  with each pass's compute time per article on the cluster's workers (from its task
  stream): what more machines would divide, and what stays on one;
* the window's corrections: each of those edits made through the open window's
  Organisations actions (stored, index and ``org:`` search, list rows, pane and panel) and
  undone, beside the core's ``recorrect`` for the same values in the same process;
* the window (``reader.ui.window.MainWindow`` as it is, offscreen), cold and warm: first
  article shown, loading finished, the longest gap of a 10 ms heartbeat ``QTimer`` (the
  longest UI stall; it also counts other processes holding the cores), UI thread CPU.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

QUERIES = ["ministry", "harbour stri", '"world health organization"', "org:WHO",
           'org:"Coastal Energy Authority" floods', "inflation grain", "p"]


def _rss_mb() -> tuple[float, float]:
    """Peak RSS of this process and of its largest finished child, in MB (Linux: KiB)."""
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / scale
    return own, child


# ---------------------------------------------------------------- phases (child processes)

def phase_open(folder: str, jobs: int | None, searches: bool) -> dict:
    from reader.library import Library

    start = time.perf_counter()
    marks: dict[str, float] = {}

    def on_batch(articles, failures, done, total):
        now = time.perf_counter() - start
        if articles and "first" not in marks:
            marks["first"] = now
        marks["last_batch"] = now

    library = Library()
    stats = library.open([folder], jobs=jobs, on_batch=on_batch)
    opened = time.perf_counter() - start
    out = {"first": marks.get("first"), "list_complete": marks.get("last_batch"), "indexed": opened,
           "articles": stats.articles, "failures": stats.failures, "cached": stats.cached,
           "loaded": stats.loaded, "note": stats.note}
    if searches:
        t = time.perf_counter()
        library.search("harbour")
        out["first_search_ms"] = (time.perf_counter() - t) * 1000
        out["searchable"] = time.perf_counter() - start
        timings = {}
        for q in QUERIES:
            runs = []
            for _ in range(7):
                t = time.perf_counter()
                hits = library.search(q)
                runs.append((time.perf_counter() - t) * 1000)
            timings[q] = (statistics.median(runs), max(runs), len(hits))
        out["search"] = timings
    out["rss"], out["worker_rss"] = _rss_mb()
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    out["cpu"] = own.ru_utime + own.ru_stime
    out["worker_cpu"] = kids.ru_utime + kids.ru_stime
    library.close()
    return out


def phase_window(folder: str, timeout: float) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.settings import Settings
    from reader.ui.window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow(Settings())  # its own loader: reader.library.Library on the user cache
    window.resize(1200, 800)
    window.show()
    app.processEvents()
    clock = QElapsedTimer()
    marks: dict[str, float] = {}
    gaps: list[float] = []
    last = [0.0]

    def beat():
        now = clock.nsecsElapsed() / 1e9
        gaps.append((now - last[0], last[0]))
        last[0] = now

    def shown(article):
        marks.setdefault("first_shown", clock.nsecsElapsed() / 1e9)

    def finished(*_):
        marks.setdefault("finished", clock.nsecsElapsed() / 1e9)
        QTimer.singleShot(50, app.quit)

    window.article_opened.connect(shown)
    window.loading_finished.connect(finished)
    heart = QTimer()
    heart.setInterval(10)
    heart.timeout.connect(beat)
    QTimer.singleShot(int(timeout * 1000), app.quit)
    clock.start()
    heart.start()
    cpu = time.thread_time()
    window.open_paths([folder])
    app.exec()
    heart.stop()
    rows = window.model.rowCount() if hasattr(window, "model") else None
    window.close()
    return {"first_shown": marks.get("first_shown"), "finished": marks.get("finished"),
            "longest_gap_ms": max(gaps)[0] * 1000 if gaps else None, "rows": rows,
            "worst_gaps": [(round(g * 1000), round(at, 3)) for g, at in sorted(gaps, reverse=True)[:4]],
            "timed_out": "finished" not in marks, "rss": _rss_mb()[0], "ui_cpu": time.thread_time() - cpu,
            "over_50ms": sum(g > 0.05 for g, _ in gaps)}


def phase_corrections(folder: str) -> dict:
    import re

    from corpus import ORGANISATIONS, PEOPLE
    from reader.corrections import Corrections, Corrector, recorrect
    from reader.library import Library

    library = Library()
    library.open([folder])
    articles = list(library.articles.values())
    library.close()
    (long1, acronym1), (long2, _) = ORGANISATIONS[0], ORGANISATIONS[1]
    unused = Corrections()
    for i in range(100):
        unused = unused.mark(f"Nowhere Holdings {i}", [f"NWH{i}"])
    edits = {
        "refuse a person's name": lambda c: c.not_organisation(PEOPLE[1]),
        "mark a person's name": lambda c: c.mark(PEOPLE[2]),
        "merge an acronym into its organisation": lambda c: c.merge(acronym1, long1),
        "rename an organisation": lambda c: c.rename(long2, long2 + " Ltd"),
    }
    stored = unused.not_organisation(PEOPLE[3]).mark(PEOPLE[4]).rename(ORGANISATIONS[2][0], "Ministry")

    def median(fn, runs=5):
        """Median wall-clock seconds (and the CPU seconds of that run: on a shared machine
        the wall clock also counts the time other processes held the cores)."""
        times = []
        for _ in range(runs):
            t, cpu = time.perf_counter(), time.process_time()
            result = fn()
            times.append((time.perf_counter() - t, time.process_time() - cpu))
        return sorted(times)[len(times) // 2], result

    floor, _ = median(lambda: sum(len(a.text) for a in articles))
    out = {"articles": len(articles), "floor": floor, "stored": len(stored), "values": {}, "edits": {}}
    for label, edit in [*edits.items(), ("100 names found nowhere", lambda c: unused)]:
        value = edit(Corrections())
        seconds, changed = median(lambda: Corrector(value).changed(articles))
        plain = [re.compile(rf"{re.escape(f)}(?!\w)") for e in value.organisations for f in e.forms]
        naive = median(lambda: sum(1 for a in articles for p in plain if p.search(a.text)), runs=1)[0][0] if plain else None
        out["values"][label] = (seconds, len(changed), naive)
    everything = stored
    for edit in edits.values():
        everything = edit(everything)
    seconds, changed = median(lambda: Corrector(everything).changed(articles))
    out["values"][f"all {len(everything)} at once"] = (seconds, len(changed), None)
    for label, edit in edits.items():
        after = edit(stored)
        done, changed = median(lambda: recorrect(articles, stored, after))
        undone, _ = median(lambda: recorrect(articles, after, stored))
        out["edits"][label] = (done, undone, len(changed))
    return out


def phase_window_corrections(folder: str, timeout: float) -> dict:
    """Each edit of phase_corrections made through the open window (the Organisations
    menu's path: stored, index and org: search, the list's rows, the pane and panel), then
    undone; beside it, the core's recorrect for the same values in the same process."""
    os.environ["ARTICLE_READER_DATA_DIR"] = tempfile.mkdtemp(prefix="corrections-")  # never the user's
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from corpus import ORGANISATIONS, PEOPLE
    from reader.corrections import Corrections, recorrect
    from reader.settings import Settings
    from reader.ui.window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow(Settings())
    window.resize(1200, 800)
    window.show()
    window.loading_finished.connect(lambda *_: QTimer.singleShot(50, app.quit))
    QTimer.singleShot(int(timeout * 1000), app.quit)
    window.open_paths([folder])
    app.exec()
    articles = list(window.library.articles.values())
    (long1, acronym1), (long2, _) = ORGANISATIONS[0], ORGANISATIONS[1]
    edits = {
        "refuse a person's name": lambda c: c.not_organisation(PEOPLE[1]),
        "mark a person's name": lambda c: c.mark(PEOPLE[2]),
        "merge an acronym into its organisation": lambda c: c.merge(acronym1, long1),
        "rename an organisation": lambda c: c.rename(long2, long2 + " Ltd"),
    }
    c = window.correcting
    beats: list[float] = []
    heart = QTimer()
    heart.setInterval(10)
    heart.timeout.connect(lambda: beats.append(time.perf_counter()))
    heart.start()

    def timed(action) -> tuple[float, float]:
        """Seconds until the window has taken the value, and the longest heartbeat gap."""
        loop = QEventLoop()
        c.corrected.connect(loop.quit)
        beats.clear()
        t = time.perf_counter()
        beats.append(t)
        if action() is False:
            return 0.0, 0.0  # nothing to take
        loop.exec()
        end = time.perf_counter()
        c.corrected.disconnect(loop.quit)
        stamps = [*beats, end]
        return end - t, max(b - a for a, b in zip(stamps, stamps[1:]))

    out = {"articles": len(articles), "edits": {}}
    for label, edit in edits.items():
        before = c.value
        done, stall = timed(lambda: c.commit(edit, label))
        after = c.value
        undone, stall_undo = timed(c.step_back)
        t = time.perf_counter()
        changed = recorrect(articles, before, after)
        core = time.perf_counter() - t
        out["edits"][label] = (done, undone, core, len(changed), max(stall, stall_undo))
    heart.stop()
    window.close()
    return out


# ---------------------------------------------------------------- the driver

def _child(args: list[str], cache: Path) -> dict:
    from reader.library.cachefile import ENV_VERSION, pipeline_version

    # every phase uses the pipeline version of the tree as the run started
    env = dict(os.environ, ARTICLE_READER_CACHE_DIR=str(cache), QT_QPA_PLATFORM="offscreen",
               ARTICLE_READER_CONFIG_DIR=str(cache / "config"), **{ENV_VERSION: pipeline_version()})
    done = subprocess.run([sys.executable, __file__, *args], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"phase {args[:2]} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _floor(folder: Path) -> tuple[float, int]:
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    best = None
    total = 0
    for _ in range(3):
        t = time.perf_counter()
        total = 0
        for p in files:
            with open(p, "rb") as fh:
                total += len(fh.read())
        dt = time.perf_counter() - t
        best = dt if best is None else min(best, dt)
    return best or 1e-9, total


def _export(folder: Path, out: Path, jobs: int, fmt: str = "txt", *extra: str) -> tuple[float, str]:
    shutil.rmtree(out, ignore_errors=True)
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "reader", "export", str(folder), "--format", fmt,
                           "--out", str(out), "--jobs", str(jobs), *extra], capture_output=True, text=True,
                          cwd=HERE.parent)
    return time.perf_counter() - t, (done.stdout.strip() or done.stderr.strip()[-300:])


# the cluster engine's task names (reader.corpus.cluster), by pass; "index" and
# "organisations" are one task each, the rest one per part of files or per shard
PASSES = {"load": "load + recognise", "report": "failures, wrap widths seen",
          "lend": "short texts again, folder's wrap", "names": "index input", "index": "folder index (one task)",
          "render": "render with folder names", "rows": "rows for the shards",
          "shard": "encode + write shards",
          "named": "organisations input", "organisations": "organisations.csv (one task)"}


def _cluster_exports(folder: Path, work: Path, jobs: int, n: int, floor: float) -> None:
    """``export --format jsonl`` on the pool and on a local cluster of ``jobs`` workers."""
    try:
        from distributed import Client, LocalCluster, get_task_stream
    except ImportError:
        print("  (no cluster figures: install with pip install '.[cluster]')")
        return
    seconds, summary = _export(folder, work / "export-jsonl-pool", jobs, "jsonl")
    print(f"  local pool, --jobs {jobs:<2}     {_fmt(seconds, floor)}   {n / seconds:6.0f} articles/s   [{summary}]")
    pythonpath = os.pathsep.join(p for p in (str(HERE.parent), os.environ.get("PYTHONPATH")) if p)
    with LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=":0",
                      env={"PYTHONPATH": pythonpath}, silence_logs=logging.CRITICAL) as cluster, \
            Client(cluster) as client:
        client.wait_for_workers(jobs)
        with get_task_stream(client) as tasks:
            cluster_seconds, summary = _export(folder, work / "export-jsonl-cluster", jobs, "jsonl",
                                               "--scheduler", cluster.scheduler_address)
        stream = tasks.data
    print(f"  local cluster, {jobs} workers {_fmt(cluster_seconds, floor)}   {n / cluster_seconds:6.0f} articles/s"
          f"   {cluster_seconds / seconds:.2f}x the pool   bar 1.5x   [{summary}]")
    compute: dict[str, float] = {}
    for task in stream:
        name = str(task["key"]).strip("()'\"").split("-")[0]
        compute[name] = compute.get(name, 0.0) + sum(
            s["stop"] - s["start"] for s in task["startstops"] if s["action"] == "compute")
    total = sum(compute.values())
    print(f"  cluster workers' compute: {total:.1f} s in all, {total / n * 1000:.2f} ms per article"
          f" ({total / cluster_seconds:.2f} of {jobs} workers busy on average)")
    for name, label in PASSES.items():
        if name in compute:
            print(f"    {label:<32} {compute[name]:7.2f} s   {compute[name] / n * 1000:6.3f} ms/article")


def _fmt(seconds: float | None, floor: float) -> str:
    if seconds is None:
        return "n/a"
    return f"{seconds:8.3f} s  ({seconds / floor:7.1f}x floor)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000, help="articles in the corpus (default 10000)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--jobs", type=int, default=0, help="worker processes (default: all cores)")
    ap.add_argument("--no-window", action="store_true", help="skip the offscreen window figures")
    ap.add_argument("--no-export", action="store_true", help="skip the export figures")
    ap.add_argument("--no-corrections", action="store_true", help="skip the corrections figures")
    ap.add_argument("--no-cluster", action="store_true", help="skip the pool-versus-cluster export figures")
    ap.add_argument("--no-open", action="store_true", help="skip the open, search and memory figures")
    ap.add_argument("--window-timeout", type=float, default=300.0)
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    ap.add_argument("--folder", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.phase == "open":
        print(json.dumps(phase_open(args.folder, args.jobs or None, searches=True)))
        return
    if args.phase == "corrections":
        print(json.dumps(phase_corrections(args.folder)))
        return
    if args.phase == "window-corrections":
        print(json.dumps(phase_window_corrections(args.folder, args.window_timeout)))
        return
    if args.phase == "window":
        print(json.dumps(phase_window(args.folder, args.window_timeout)))
        return

    from corpus import generate
    from reader.library.pool import default_jobs

    jobs = args.jobs or default_jobs()
    work = Path(tempfile.mkdtemp(prefix="article-reader-bench-"))
    try:
        folder = work / "corpus"
        t = time.perf_counter()
        paths = generate(folder, args.n, args.seed)
        print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print(f"corpus: {len(paths)} files, seed {args.seed}, in {work} "
              f"(generated in {time.perf_counter() - t:.1f} s); {jobs} worker processes; "
              f"{os.cpu_count()} cores")
        floor, size = _floor(folder)
        print(f"floor (read all {size / 1e6:.1f} MB of the files' bytes): {floor:.3f} s\n")

        n = len(paths)
        cache = work / "cache"
        if not args.no_open:
            cold = _child(["--phase", "open", "--folder", str(folder), "--jobs", str(jobs)], cache)
            warm = _child(["--phase", "open", "--folder", str(folder), "--jobs", str(jobs)], cache)
            n = cold["articles"]
            print(f"cold open ({cold['loaded']} files parsed, {n} articles, {cold['failures']} failures)")
            print(f"  first article available   {_fmt(cold['first'], floor)}   bar 0.5 s")
            print(f"  list complete             {_fmt(cold['list_complete'], floor)}")
            print(f"  fully indexed             {_fmt(cold['indexed'], floor)}   bar 30 s"
                  f"   ({n / cold['indexed']:.0f} articles/s)")
            print(f"  CPU: opening process {cold['cpu']:.1f} s, pool workers {cold['worker_cpu']:.1f} s"
                  f" (cores busy on average: {(cold['cpu'] + cold['worker_cpu']) / cold['indexed']:.2f})")
            print(f"warm reopen ({warm['cached']} files from the cache, {warm['loaded']} parsed)")
            print(f"  first article available   {_fmt(warm['first'], floor)}")
            print(f"  list complete             {_fmt(warm['indexed'], floor)}")
            print(f"  list complete, searchable {_fmt(warm['searchable'], floor)}   bar 1.5 s"
                  f"   (first search {warm['first_search_ms']:.1f} ms)")
            print(f"search over {n} articles (median / max of 7 runs, hits)       bar 50 ms")
            for q, (median, worst, hits) in warm["search"].items():
                print(f"  {q:<40} {median:6.1f} ms / {worst:6.1f} ms  {hits:6d} hits")
            print("peak RSS")
            print(f"  cold open process         {cold['rss']:8.0f} MB   bar 400 MB"
                  f"   (largest pool worker {cold['worker_rss']:.0f} MB)")
            print(f"  warm reopen process       {warm['rss']:8.0f} MB")
            if cold["note"] or warm["note"]:
                print(f"  cache note: {cold['note'] or warm['note']}")

        if not args.no_corrections:
            fixes = _child(["--phase", "corrections", "--folder", str(folder)], cache)
            floor_s = fixes["floor"][0]
            print(f"corrections over all {fixes['articles']} open articles (median of 5; wall / CPU ms)"
                  f"   bar 1 s   (floor: join every article's text once, {floor_s * 1000:.1f} ms)")
            print("  correct every article for one value        wall /   CPU  x floor  changed   plain scan")
            for label, ((wall, cpu), changed, naive) in fixes["values"].items():
                plain = f"{naive * 1000:10.1f}" if naive is not None else ""
                print(f"    {label:<38} {wall * 1000:6.1f} / {cpu * 1000:5.1f} {wall / floor_s:6.1f}x"
                      f" {changed:7d}   {plain}")
            print(f"  one edit on top of {fixes['stored']} stored corrections    do wall / CPU, undo wall / CPU"
                  f"   changed")
            for label, ((done, done_cpu), (undone, undone_cpu), changed) in fixes["edits"].items():
                print(f"    {label:<38} {done * 1000:6.1f} / {done_cpu * 1000:5.1f}, "
                      f"{undone * 1000:6.1f} / {undone_cpu * 1000:5.1f}   {changed:7d}")

        if not args.no_export:
            print("article-reader export --format txt")
            for j in dict.fromkeys([1, jobs]):
                seconds, summary = _export(folder, work / f"export-{j}", j)
                print(f"  --jobs {j:<3}                {_fmt(seconds, floor)}   {n / seconds:6.0f} articles/s"
                      f"{'   bar 300/s on 2 cores' if j > 1 else ''}   [{summary}]")
        if not args.no_cluster:
            print("article-reader export --format jsonl: local process pool, and a local Dask cluster")
            _cluster_exports(folder, work, jobs, n, floor)

        if not args.no_window:
            variants = [("window (cold: empty cache)", "window", "cache-w"),
                        ("window (warm: same cache)", "window", "cache-w")]
            for title, phase, cache_name in variants:
                print(f"{title}, offscreen")
                try:
                    win = _child(["--phase", phase, "--folder", str(folder),
                                  "--window-timeout", str(args.window_timeout)], work / cache_name)
                except SystemExit as err:
                    print(f"  could not drive the window: {err}")
                    continue
                print(f"  first article shown       {_fmt(win['first_shown'], floor)}   bar 0.5 s")
                print(f"  loading finished          {_fmt(win['finished'], floor)}"
                      f"{'   (timed out)' if win['timed_out'] else ''}   rows {win['rows']}")
                print(f"  longest heartbeat gap     {win['longest_gap_ms']:8.1f} ms   bar 50 ms   "
                      f"(worst gaps, ms at s: {', '.join(f'{g}@{at}' for g, at in win['worst_gaps'])})")
                print(f"  UI thread CPU             {win['ui_cpu']:8.3f} s   ({win['over_50ms']} gaps over 50 ms)")
                print(f"  peak RSS                  {win['rss']:8.0f} MB")
            if not args.no_corrections:
                try:
                    fix = _child(["--phase", "window-corrections", "--folder", str(folder),
                                  "--window-timeout", str(args.window_timeout)], work / "cache-w")
                except SystemExit as err:
                    print(f"  could not drive the window: {err}")
                else:
                    print(f"window: one correction over {fix['articles']} open articles, done and undone "
                          "(wall ms, until the window shows it)   bar 1 s   (core: recorrect alone; "
                          "longest 10 ms heartbeat gap meanwhile)")
                    for label, (done, undone, core, changed, stall) in fix["edits"].items():
                        print(f"    {label:<38} {done * 1000:7.1f}, {undone * 1000:7.1f}   "
                              f"(core {core * 1000:6.1f})   changed {changed:6d}   gap {stall * 1000:5.0f} ms")
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
