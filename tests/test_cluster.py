"""Corpus exports on a Dask cluster (a ``distributed.LocalCluster`` of two worker
processes): the same files as the local run, and nothing lost when a worker dies."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from contextlib import contextmanager

import pytest

from conftest import ROOT, write
from corpus_folder import make_folder
from reader.corpus.cluster import export_on_cluster
from reader.corpus.local import export_corpus
from reader.fused.repair import WEAK, repair

distributed = pytest.importorskip("distributed")


@contextmanager
def local_cluster():
    """Two worker processes that can import ``reader`` (installed in CI; here from the
    checkout, through PYTHONPATH) and this module (for the worker plugin below). A task
    is given up after killing one worker, not the default three: quicker tests."""
    import dask

    path = os.pathsep.join(p for p in (str(ROOT), str(ROOT / "tests"), os.environ.get("PYTHONPATH")) if p)
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}), \
            distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0",
                                     env={"PYTHONPATH": path}) as local:
        yield local


@pytest.fixture(scope="module")
def cluster():
    with local_cluster() as local:
        yield local


@pytest.fixture
def client(cluster):
    with distributed.Client(cluster, set_as_default=False) as c:
        c.wait_for_workers(2, timeout=60)
        yield c


def files_of(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def local_run(src, out, fmt="jsonl", shard_size=4):
    return export_corpus([str(src)], str(out), fmt, jobs=1, shard_size=shard_size)


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_cluster_writes_what_the_local_run_writes(tmp_path, client, fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    src = make_folder(tmp_path / "src")
    local = local_run(src, tmp_path / "local", fmt)
    report = export_on_cluster(client, [str(src)], str(tmp_path / "cluster"), fmt, shard_size=4, part_size=3)
    assert files_of(tmp_path / "cluster") == files_of(tmp_path / "local")
    assert sorted(files_of(tmp_path / "cluster")) == [
        f"articles-0000{i}.{fmt}" for i in range(3)] + ["failures.jsonl", "organisations.csv"]
    assert (report.articles, report.shards, report.failures) == (local.articles, local.shards, local.failures)


def test_command_line_on_the_cluster_matches_the_local_run_line_for_line(tmp_path, cluster):
    """Typed as a user types it, with paths relative to the folder the command runs in
    (the workers run elsewhere): the same lines, paths as typed."""
    src = make_folder(tmp_path / "src")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p))
    runs = {}
    for name, extra in (("local", []), ("cluster", ["--scheduler", cluster.scheduler_address])):
        out = subprocess.run([sys.executable, "-m", "reader", "export", "src", "--format", "jsonl",
                              "--out", name, *extra], capture_output=True, text=True,
                             timeout=300, cwd=tmp_path, env=env)
        assert out.returncode == 1, out.stderr  # the empty file
        assert "src/z-empty.txt: the file is empty" in out.stderr and "Traceback" not in out.stderr
        runs[name] = out.stdout
        lines = sorted(line for p in sorted((tmp_path / name).iterdir()) if p.suffix == ".jsonl"
                       for line in p.read_text("utf-8").splitlines())
        runs[name, "lines"] = lines
    assert runs["cluster"].replace("cluster", "local") == runs["local"]
    assert len(runs["local", "lines"]) == 13  # 12 articles and the failure
    assert '"path":"src/a00-defines.txt"' in runs["local", "lines"][0]
    assert runs["cluster", "lines"] == runs["local", "lines"]


def test_a_worker_killed_mid_run_loses_nothing(tmp_path, client):
    src = make_folder(tmp_path / "src", n=16)
    local_run(src, tmp_path / "local")
    pids = client.run(os.getpid)  # worker address -> process id
    address, victim = sorted(pids.items())[0]
    killed = []

    def kill_one(what, done, total):
        if not killed:  # pass one has begun: kill a worker, with the loaded parts it holds
            held = [key for key in client.has_what()[address] if str(key).startswith("load-")]
            os.kill(victim, signal.SIGKILL)
            killed.append((what, done, total, held))

    report = export_on_cluster(client, [str(src)], str(tmp_path / "cluster"), "jsonl", shard_size=4,
                               part_size=1, on_progress=kill_one)
    what, done, total, held = killed[0]
    assert what == "loaded" and done < total and held  # it died holding loaded files
    assert victim not in client.run(os.getpid).values()  # it did die (and the nanny replaced it)
    assert not report.failed
    assert files_of(tmp_path / "cluster") == files_of(tmp_path / "local")


def test_a_folder_that_cannot_be_made_is_reported_not_raised(tmp_path, client):
    src = make_folder(tmp_path / "src", n=3)
    (tmp_path / "file").write_text("not a folder")
    out = str(tmp_path / "file" / "out")
    for report in (local_run(src, out), export_on_cluster(client, [str(src)], out, "jsonl", shard_size=4)):
        assert report.articles == 0 and report.shards == []
        assert report.failed and all(path == out and "cannot create the folder" in reason
                                     for path, reason in report.failed)


def test_paths_and_output_may_be_fsspec_urls(tmp_path, client):
    src = make_folder(tmp_path / "src", n=5)
    local_run(src, tmp_path / "local")
    report = export_on_cluster(client, [f"file://{src}"], f"file://{tmp_path / 'cluster'}", "jsonl", shard_size=4)
    assert report.articles == 7 and len(report.failures) == 1
    got, want = files_of(tmp_path / "cluster"), files_of(tmp_path / "local")
    assert sorted(got) == sorted(want)
    # the same articles and tables; the paths are the URLs they were read from
    assert got["organisations.csv"] == want["organisations.csv"]
    assert f'"path":"file://{src}/a00-defines.txt"'.encode() in got["articles-00000.jsonl"]
    for name in got:
        assert got[name].decode().replace(f"file://{src}", str(src)) == want[name].decode()


def test_missing_paths_and_the_sources_folder_are_refused_before_any_work(tmp_path, client):
    from reader.corpus.sources import HoldsSources, MissingSources

    src = make_folder(tmp_path / "src", n=2)
    with pytest.raises(MissingSources) as missing:
        export_on_cluster(client, [str(src), str(tmp_path / "nope")], str(tmp_path / "out"), "jsonl")
    assert missing.value.args[0] == [str(tmp_path / "nope")]
    with pytest.raises(HoldsSources):
        export_on_cluster(client, [str(src)], str(src), "jsonl")
    assert not (tmp_path / "out").exists() and sorted(p.name for p in src.iterdir())[-1] == "z-empty.txt"


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_one_file_per_article_on_the_cluster_as_on_one_machine(tmp_path, cluster, fmt):
    """The same names (a title twice gets -2; a file holding something else is kept and
    the export goes beside it; one holding this same export is left as it is), the same bytes."""
    src = make_folder(tmp_path / "src", n=4)
    write(src / "again.txt", "Port authority sued\n\nA different article under the same title, "
                             "about the Harbour Development Board.\n")
    runs = {}
    for name, extra in (("local", []), ("cluster", ["--scheduler", cluster.scheduler_address])):
        out = tmp_path / name
        write(out / f"talks-on-grain-resume-round-1.{fmt}", "a file of the user's")
        for attempt in range(2):  # the second run finds its own files: all up to date
            done = subprocess.run([sys.executable, "-m", "reader", "export", str(src), "--format", fmt,
                                   "--out", str(out), *extra], capture_output=True, text=True, timeout=300,
                                  cwd=ROOT)
            assert done.returncode == 1, done.stderr  # the empty file
            assert "z-empty.txt: the file is empty" in done.stderr and "Traceback" not in done.stderr
            runs[name, attempt] = done.stdout.replace(str(out), "OUT")
        runs[name] = files_of(out)
    assert runs["cluster"] == runs["local"]
    assert runs["cluster", 0] == runs["local", 0] == f"exported 7 articles as {fmt} to OUT; 1 file could not be read\n"
    assert runs["cluster", 1] == runs["local", 1] == (
        f"exported 7 articles as {fmt} to OUT (7 already up to date); 1 file could not be read\n")
    assert {f"port-authority-sued.{fmt}", f"port-authority-sued-2.{fmt}", f"talks-on-grain-resume-round-1-2.{fmt}",
            f"talks-on-grain-resume-round-1.{fmt}"} <= set(runs["local"])
    assert runs["local"][f"talks-on-grain-resume-round-1.{fmt}"] == b"a file of the user's"


class CrashOn(distributed.WorkerPlugin):
    """Makes a process die (as a crash in a parser would) when it loads a file named
    ``name``: the worker, and the child processes it loads files in after that."""

    def __init__(self, name: str):
        self.name = name

    def setup(self, worker):
        from reader.corpus import passes

        patch = ("import os\nfrom reader.corpus import passes\nload_one = passes.load_one\n"
                 f"passes.load_one = lambda path: os._exit(70) if path.endswith({self.name!r}) else load_one(path)\n")
        exec(patch, {})
        passes.CHILD = patch + passes.CHILD


def test_a_file_that_crashes_its_process_is_listed_and_the_rest_written(tmp_path):
    """On a cluster of its own: its workers keep the crash."""
    src = make_folder(tmp_path / "src", n=6)
    local_run(src, tmp_path / "local")
    write(src / "a03-crash.txt", "Crash\n\nThe Harbour Development Board met on Monday.\n")
    with local_cluster() as own, distributed.Client(own, set_as_default=False) as client:
        client.wait_for_workers(2, timeout=60)
        client.register_plugin(CrashOn("a03-crash.txt"), name="crash")
        report = export_on_cluster(client, [str(src)], str(tmp_path / "cluster"), "jsonl", shard_size=4,
                                   part_size=4)
    crash = str(src / "a03-crash.txt")
    assert report.failures == [(crash, "reading it crashed the process that read it"),
                               (str(src / "z-empty.txt"), "the file is empty")]
    got, want = files_of(tmp_path / "cluster"), files_of(tmp_path / "local")
    assert sorted(got) == sorted(want)
    assert {name: data for name, data in got.items() if name != "failures.jsonl"} == {
        name: data for name, data in want.items() if name != "failures.jsonl"}
    assert got["failures.jsonl"].decode().splitlines()[0] == (
        f'{{"path":"{crash}","reason":"reading it crashed the process that read it"}}')


def test_the_users_corrections_apply_on_the_cluster_as_on_one_machine(tmp_path, cluster):
    src = make_folder(tmp_path / "src", n=3)
    data = tmp_path / "data"
    write(data / "corrections.json", json.dumps({
        "version": 1, "organisations": [{"name": "Harbour Board", "aliases": ["Harbour Development Board"]}],
        "not_organisations": ["National Audit Office"]}))
    env = dict(os.environ, ARTICLE_READER_DATA_DIR=str(data),
               PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p))
    runs = {}
    for name, extra in (("local", []), ("cluster", ["--scheduler", cluster.scheduler_address]),
                        ("plain", ["--no-corrections"])):
        out = subprocess.run([sys.executable, "-m", "reader", "export", str(src), "--format", "jsonl",
                              "--out", str(tmp_path / name), *extra], capture_output=True, text=True,
                             timeout=300, cwd=ROOT, env=env)
        assert out.returncode == 1, out.stderr  # the empty file
        runs[name] = [json.loads(line) for line in (tmp_path / name / "articles-00000.jsonl").open()]
    assert runs["cluster"] == runs["local"] != runs["plain"]
    names = lambda objs: {org["name"] for obj in objs for org in obj["organisations"]}
    assert "Harbour Board" in names(runs["local"]) and "National Audit Office" not in names(runs["local"])
    assert "Harbour Development Board" in names(runs["plain"]) and "National Audit Office" in names(runs["plain"])


def test_short_texts_borrow_their_folders_wrap_width_on_the_cluster_as_locally(tmp_path, client):
    """Long texts wrapped at one width show it; the short texts beside them, fused alike,
    are too short to show it and are repaired with it on the cluster as on one machine,
    each folder with its own width, though its files are spread over several parts."""
    from test_fused_folder import LONG, SHORT, _write, damage

    shorts = [SHORT, SHORT.replace("Police", "Firemen"), SHORT.replace("spring", "autumn")]
    src = tmp_path / "src"
    for folder, width in (("wire", 66), ("wire/agency", 72)):
        (src / folder).mkdir(parents=True)
        for n, text in enumerate(shorts):
            assert repair(damage(text, width))[1] == WEAK  # too short to repair alone
            _write(src / folder, f"a{n}-short.txt", damage(text, width))
        for n, text in enumerate(LONG):
            _write(src / folder, f"b{n}-long.txt", damage(text, width))
    _write(src, "alone.txt", damage(SHORT))  # a folder of its own showing no width
    local = local_run(src, tmp_path / "local", shard_size=5)
    report = export_on_cluster(client, [str(src)], str(tmp_path / "cluster"), "jsonl", shard_size=5, part_size=2)
    assert files_of(tmp_path / "cluster") == files_of(tmp_path / "local")
    assert (report.articles, report.shards) == (local.articles, local.shards) == (13, [
        "articles-00000.jsonl", "articles-00001.jsonl", "articles-00002.jsonl"])
    texts = {os.path.relpath(obj["path"], src): obj["text"] for p in sorted((tmp_path / "cluster").glob("*.jsonl"))
             for obj in map(json.loads, p.read_text("utf-8").splitlines())}
    for folder in ("wire", "wire/agency"):
        for n, text in enumerate(shorts):
            assert texts[f"{folder}/a{n}-short.txt"] == text.replace("\n", "\n\n")
    assert "wouldopen" in texts["alone.txt"]
