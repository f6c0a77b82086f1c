"""Corpus exports on this machine: shards of JSON Lines or Parquet, organisations.csv and
failures.jsonl, through the core function and the command line."""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, SAMPLE_1, write
from corpus_folder import make_folder
from reader.corpus.local import export_corpus
from reader.corpus.shards import plan_shards, read_shard
from reader.read.load import iter_article_paths

def clean_json_keys():
    out = run("clean", "--json", SAMPLE_1)
    return list(json.loads(out.stdout))


def run(*args):
    return subprocess.run([sys.executable, "-m", "reader", *map(str, args)], capture_output=True,
                          text=True, timeout=120, cwd=ROOT)


def shards(folder, fmt):
    return sorted(p for p in folder.iterdir() if p.name.startswith("articles-"))


def objects(folder, fmt):
    return [obj for p in shards(folder, fmt) for obj in read_shard(p.read_bytes(), fmt)]


@pytest.mark.parametrize("counts, size, plan", [
    ([], 3, []),
    ([0, 0], 3, []),
    ([2, 2, 2], 3, [[(0, 0, 2), (1, 0, 1)], [(1, 1, 2), (2, 0, 2)]]),
    ([7], 3, [[(0, 0, 3)], [(0, 3, 6)], [(0, 6, 7)]]),
    ([1, 0, 3], 2, [[(0, 0, 1), (2, 0, 1)], [(2, 1, 3)]]),
])
def test_plan_shards_cuts_every_shard_size_articles(counts, size, plan):
    assert plan_shards(counts, size) == plan


def test_jsonl_shards_hold_the_json_export_objects_in_folder_order(tmp_path):
    src = make_folder(tmp_path / "src")
    files = list(iter_article_paths([src]))
    report = export_corpus(files, str(tmp_path / "out"), "jsonl", jobs=1, shard_size=5)
    assert report.articles == 12 and len(report.failures) == 1
    assert [p.name for p in shards(tmp_path / "out", "jsonl")] == [
        "articles-00000.jsonl", "articles-00001.jsonl", "articles-00002.jsonl"]
    lines = [p.read_text("utf-8").splitlines() for p in shards(tmp_path / "out", "jsonl")]
    assert [len(x) for x in lines] == [5, 5, 2]
    got = [json.loads(line) for x in lines for line in x]
    keys = clean_json_keys()
    assert all(list(obj) == keys for obj in got)
    assert [obj["title"] for obj in got][:2] == ["Port authority sued", "Talks on grain resume, round 1"]
    # the objects `export --format json` writes, one file per article, less the key it
    # adds to clean --json's (where each organisation came from)
    assert run("export", src, "--format", "json", "--out", tmp_path / "json").returncode == 1
    singles = [json.loads(p.read_text("utf-8")) for p in (tmp_path / "json").iterdir()]
    for obj in singles:
        for org in obj["organisations"]:
            org.pop("source")
    key = lambda o: json.dumps(o, sort_keys=True)
    assert sorted(map(key, got)) == sorted(map(key, singles))
    # the folder's names are marked: AIM, defined in one article, is an organisation in the others
    later = next(o for o in got if o["title"] == "Talks on rail resume, round 2")
    (aim,) = [org for org in later["organisations"] if org["name"] == "Alliance for Independent Media"]
    assert [m["text"] for m in aim["mentions"]] == ["AIM"]


def test_parquet_holds_the_same_rows_as_jsonl(tmp_path):
    pyarrow = pytest.importorskip("pyarrow")
    from reader.corpus.shards import _schema

    assert _schema(pyarrow).names == clean_json_keys()  # every key of clean --json is a column
    src = make_folder(tmp_path / "src")
    files = list(iter_article_paths([src]))
    export_corpus(files, str(tmp_path / "jsonl"), "jsonl", jobs=1, shard_size=5)
    export_corpus(files, str(tmp_path / "parquet"), "parquet", jobs=1, shard_size=5)
    assert [p.stem for p in shards(tmp_path / "parquet", "parquet")] == [
        p.stem for p in shards(tmp_path / "jsonl", "jsonl")]
    assert objects(tmp_path / "parquet", "parquet") == objects(tmp_path / "jsonl", "jsonl")


def test_organisations_csv_and_failures_jsonl_beside_the_shards(tmp_path):
    src = make_folder(tmp_path / "src", n=4)
    report = export_corpus([str(src)], str(tmp_path / "out"), "jsonl", jobs=1)
    rows = list(csv.DictReader((tmp_path / "out" / "organisations.csv").open(encoding="utf-8")))
    assert list(rows[0]) == ["name", "aliases", "articles", "mentions", "first_date", "last_date"]
    by_name = {r["name"]: r for r in rows}
    aim = by_name["Alliance for Independent Media"]
    assert aim["aliases"] == "AIM" and aim["articles"] == "5"  # as marked in the shards
    assert (aim["first_date"], aim["last_date"]) == ("2025-03-02", "2025-05-01")
    who = by_name["World Health Organization"]
    assert (who["articles"], who["mentions"], who["first_date"], who["last_date"]) == (
        "2", "2", "2025-05-01", "2025-05-02")
    failures = [json.loads(line) for line in (tmp_path / "out" / "failures.jsonl").read_text().splitlines()]
    assert failures == [{"path": str(src / "z-empty.txt"), "reason": "the file is empty"}]
    assert report.failures == [(str(src / "z-empty.txt"), "the file is empty")]


def test_a_smaller_export_again_leaves_no_stale_shard(tmp_path):
    src = make_folder(tmp_path / "src")
    files = list(iter_article_paths([src]))
    export_corpus(files, str(tmp_path / "out"), "jsonl", jobs=1, shard_size=3)
    write(tmp_path / "out" / "notes.txt", "mine")
    export_corpus(files[:3], str(tmp_path / "out"), "jsonl", jobs=1, shard_size=3)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "articles-00000.jsonl", "failures.jsonl", "notes.txt", "organisations.csv"]
    assert len(objects(tmp_path / "out", "jsonl")) == 3


def test_command_line_jsonl_exit_codes_and_messages(tmp_path):
    src = make_folder(tmp_path / "src", n=3)
    out = run("export", src, "--format", "jsonl", "--out", tmp_path / "out")
    assert out.returncode == 1, out.stderr
    assert f"{src / 'z-empty.txt'}: the file is empty" in out.stderr and "Traceback" not in out.stderr
    assert out.stdout.strip() == f"exported 5 articles as jsonl to {tmp_path / 'out'} in 1 shard; " \
                                 "1 file could not be read"
    (src / "z-empty.txt").unlink()
    assert run("export", src, "--format", "jsonl", "--out", tmp_path / "out").returncode == 0
    assert run("export", src, "--format", "jsonl", "--out", src).returncode == 2
    assert "beside the sources" in run("export", src, "--format", "jsonl", "--out", src).stderr
    inside = run("export", src, "--format", "jsonl", "--out", src / "corpus")
    assert inside.returncode == 2 and inside.stderr.strip() == (
        f"article-reader: {src / 'corpus'}: holds source articles; choose another folder so exports "
        "never sit beside the sources")
    assert run("export", tmp_path / "nope", "--format", "jsonl", "--out", tmp_path / "o").returncode == 2


def test_scheduler_without_dask_says_how_to_install_it(tmp_path):
    src = make_folder(tmp_path / "src", n=2)
    for fmt in ("jsonl", "md"):
        code = ("import sys; sys.modules['distributed'] = sys.modules['dask'] = None\n"
                "from reader.cli import main\n"
                f"sys.exit(main(['export', {str(src)!r}, '--format', {fmt!r}, '--out', {str(tmp_path / 'out')!r},"
                " '--scheduler', 'tcp://127.0.0.1:8786']))")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
        assert out.returncode == 2
        assert out.stderr.strip() == "article-reader: --scheduler needs Dask: install with pip install '.[cluster]'"
        assert not (tmp_path / "out").exists()


def test_parquet_without_pyarrow_says_how_to_install_it(tmp_path):
    src = make_folder(tmp_path / "src", n=2)
    code = ("import sys; sys.modules['pyarrow'] = None\n"
            "from reader.cli import main\n"
            f"sys.exit(main(['export', {str(src)!r}, '--format', 'parquet', '--out', {str(tmp_path / 'out')!r}]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert out.returncode == 2
    assert out.stderr.strip() == ("article-reader: --format parquet needs pyarrow: "
                                  "install with pip install '.[cluster]'")
    assert not (tmp_path / "out").exists()


def test_unreachable_scheduler_is_one_line_exit_2(tmp_path):
    pytest.importorskip("distributed")
    src = make_folder(tmp_path / "src", n=2)
    out = run("export", src, "--format", "jsonl", "--out", tmp_path / "out", "--scheduler", "tcp://127.0.0.1:9")
    assert out.returncode == 2 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in out.stderr
    assert "Traceback" not in out.stderr


def test_shards_get_the_mode_of_any_new_file(tmp_path):
    """Not mkstemp's 0600: a corpus is read by the user's other programs and accounts."""
    src = make_folder(tmp_path / "src", n=2)
    old = os.umask(0o022)
    try:
        export_corpus([str(src)], str(tmp_path / "out"), "jsonl", jobs=1)
    finally:
        os.umask(old)
    modes = {p.name: p.stat().st_mode & 0o777 for p in (tmp_path / "out").iterdir()}
    assert modes == {"articles-00000.jsonl": 0o644, "organisations.csv": 0o644, "failures.jsonl": 0o644}
