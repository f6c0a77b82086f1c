"""The stable command line, run as a user runs it (a subprocess)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ARTICLES, SAMPLE_1, SAMPLE_2, write


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "reader", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, timeout=120)


def test_clean_prints_title_blank_line_paragraphs():
    out = run("clean", SAMPLE_1)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.split("\n")
    assert lines[0] == "Interpol assistance" and lines[1] == ""
    assert lines[2].startswith("The government of Pakistan’s Balochistan province")
    assert "ogimageimage-name" not in out.stdout and "Tags:" not in out.stdout


def test_clean_json_object():
    out = run("clean", "--json", SAMPLE_2)
    assert out.returncode == 0, out.stderr
    obj = json.loads(out.stdout)
    assert list(obj) == ["path", "format", "title", "date", "authors", "dateline", "text", "paragraphs",
                         "blocks", "organisations", "links", "tags", "warnings"]
    assert obj["date"] == "2025-12-04" and obj["format"] == "txt"
    assert [block["text"] for block in obj["blocks"]] == obj["paragraphs"]
    assert {block["kind"] for block in obj["blocks"]} == {"paragraph"}
    assert obj["text"] == "\n\n".join(obj["paragraphs"])
    for org in obj["organisations"]:
        for m in org["mentions"]:
            assert obj["text"][m["start"]:m["end"]] == m["text"]


@pytest.mark.parametrize("content, message", [
    (b"", "the file is empty"),
    (bytes(range(256)) * 4, "binary data"),
])
def test_clean_bad_input_is_one_line_exit_2(tmp_path, content, message):
    path = write(tmp_path / "bad.txt", content)
    out = run("clean", path)
    assert out.returncode == 2
    assert out.stderr.strip() == f"article-reader: {path}: {message}" or message in out.stderr
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr


def test_clean_missing_file_and_folder(tmp_path):
    out = run("clean", tmp_path / "nope.txt")
    assert out.returncode == 2 and "does not exist" in out.stderr and "Traceback" not in out.stderr
    out = run("clean", tmp_path)
    assert out.returncode == 2 and "is a folder" in out.stderr


def test_export_writes_one_file_per_article_and_a_summary(tmp_path):
    src = tmp_path / "src"
    for name in ("000_788af3e886619c0f.txt", "001_f04f2131fcbc8157.txt"):
        write(src / name, (ARTICLES / name).read_bytes())
    write(src / "broken.txt", b"")
    out = run("export", src, "--format", "md", "--out", tmp_path / "out")
    assert out.returncode == 1
    assert "broken.txt: the file is empty" in out.stderr and "Traceback" not in out.stderr
    assert out.stdout.strip().startswith("exported 2 articles as md to")
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == ["interpol-assistance.md",
                       "the-balochistan-government-on-thursday-announced-that-it-would-launch-a.md"]
    assert sorted(p.name for p in src.iterdir()) == ["000_788af3e886619c0f.txt", "001_f04f2131fcbc8157.txt",
                                                     "broken.txt"]


def test_export_all_good_exits_0(tmp_path):
    out = run("export", SAMPLE_1, "--format", "json", "--out", tmp_path)
    assert out.returncode == 0, out.stderr
    obj = json.loads((tmp_path / "interpol-assistance.json").read_text("utf-8"))
    assert obj["title"] == "Interpol assistance"


def test_export_refuses_the_sources_folder_and_usage_errors(tmp_path):
    write(tmp_path / "a.txt", "Title here\n\nSome body text of the article.\n")
    out = run("export", tmp_path, "--format", "txt", "--out", tmp_path)
    assert out.returncode == 2
    assert out.stderr == f"article-reader: {tmp_path}: holds source articles; choose another folder so exports never sit beside the sources\n"
    out = run("export", tmp_path, "--format", "txt", "--out", tmp_path / "exports")  # inside: refused too
    assert out.returncode == 2 and "beside the sources" in out.stderr
    assert run("export", tmp_path, "--format", "pdf", "--out", tmp_path / "o").returncode == 2
    assert run("export", tmp_path).returncode == 2
    assert run("frobnicate", "--bogus").returncode == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_version_and_help():
    assert run("--version").stdout.startswith("article-reader ")
    out = run("--help")
    assert out.returncode == 0 and "clean" in out.stdout and "export" in out.stdout


def test_export_of_a_folder_marks_the_names_the_folder_knows(tmp_path):
    """As the window shows and exports it: an acronym one article defines is an
    organisation in another that only uses it."""
    src = tmp_path / "src"
    write(src / "a.txt", "Media group complains\n\nThe Alliance for Independent Media (AIM) filed a "
                         "complaint on Monday.\n")
    write(src / "b.txt", "Complaint heard\n\nThe court heard the case on Tuesday. AIM said it would "
                         "appeal the ruling.\n")
    alone = run("clean", "--json", src / "b.txt")
    assert "Alliance for Independent Media" not in alone.stdout  # no evidence in b itself
    out = run("export", src, "--format", "json", "--out", tmp_path / "out", "--jobs", "2")
    assert out.returncode == 0, out.stderr
    b = json.loads((tmp_path / "out" / "complaint-heard.json").read_text("utf-8"))
    (org,) = [o for o in b["organisations"] if o["name"] == "Alliance for Independent Media"]
    assert [m["text"] for m in org["mentions"]] == ["AIM"]
