"""Loading on several processes gives exactly what one process gives, in the same order."""
from __future__ import annotations

import threading

import pytest

import reader.library.pool
from conftest import ARTICLES, write
from reader.cli import main
from reader.read.load import iter_article_files, load_folder
from reader.library.pool import load_files


def story(n: int) -> str:
    words = " ".join(f"word{n * 7 + i}" for i in range(60))
    return (f"Report {n} from the harbour\n\ndate 2024-03-{n % 28 + 1:02d} ISLAMABAD: The Ministry of "
            f"Water Resources said on Monday that {words}. The Harbour Workers Union (HWU) agreed.\n")


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setattr(reader.library.pool, "MIN_POOL", 0)  # a pool even for a small folder
    root = tmp_path / "news"
    for n in range(30):
        write(root / f"{n:02d}.{'md' if n % 3 == 0 else 'txt'}", story(n))
    write(root / "empty.txt", b"")
    write(root / "binary.txt", bytes(range(256)) * 4)
    for sample in ARTICLES.iterdir():
        if sample.is_file():
            write(root / "samples" / sample.name, sample.read_bytes())
    return root


def test_pool_and_one_process_give_identical_results(folder):
    paths = [str(p) for p in iter_article_files([folder])]
    one = list(load_files(paths, jobs=1))
    two = list(load_files(paths, jobs=2, chunk=3))
    assert [x.path for x in two] == paths
    assert two == one
    articles = [a for x in two for a in x.articles()]
    assert articles == load_folder(folder).articles
    assert sum(x.failure is not None for x in two) == len(load_folder(folder).failures) >= 2


def test_cancel_ends_the_pool_early(folder):
    cancel = threading.Event()
    got = []
    for loaded in load_files([str(p) for p in iter_article_files([folder])], jobs=2, chunk=2, cancel=cancel):
        got.append(loaded)
        cancel.set()
    assert 1 <= len(got) < 10


def test_export_with_jobs_matches_one_process(folder, tmp_path, capsys):
    outputs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        code = main(["export", str(folder), "--format", "json", "--out", str(out), "--jobs", jobs])
        captured = capsys.readouterr()
        outputs[jobs] = (code, captured.out.replace(str(out), "OUT"), captured.err,
                         {p.name: p.read_bytes() for p in out.iterdir()})
    assert outputs["1"] == outputs["2"]
    assert outputs["1"][0] == 1 and len(outputs["1"][3]) >= 30  # two files fail, the rest export


def test_default_jobs_is_all_cores():
    assert reader.library.pool.default_jobs() >= 1
