"""``article-reader export --one-per-story``: the fullest version of each story, naming the others."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from stories_corpus import write_folder


def _export(*args):
    return subprocess.run([sys.executable, "-m", "reader", "export", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)


def test_one_file_per_story_with_the_others_named_in_json(tmp_path):
    truth = write_folder(tmp_path / "news")
    done = _export(tmp_path / "news", "--format", "json", "--out", tmp_path / "out", "--one-per-story")
    assert done.returncode == 0, done.stderr
    records = [json.loads(p.read_text("utf-8")) for p in sorted((tmp_path / "out").glob("*.json"))]
    assert len(records) == len(set(truth.values()))  # one per story
    crane = next(r for r in records if "crane" in r["title"].lower())
    assert crane["title"] == "Verana terminal to reopen after crane collapse (updated)"  # the fullest
    named = {Path(v["path"]).name for v in crane["other_versions"]}
    assert named == {f"crane-{n}.json" for n in (0, 1, 2, 4, 5)}
    assert all(set(v) == {"path", "title", "date"} for v in crane["other_versions"])
    port = next(r for r in records if r["title"] == "Verana approves channel deepening")
    assert "other_versions" not in port  # a story of one names nothing


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_the_others_are_named_on_a_line_in_text_formats(tmp_path, fmt):
    write_folder(tmp_path / "news")
    done = _export(tmp_path / "news", "--format", fmt, "--out", tmp_path / "out", "--one-per-story")
    assert done.returncode == 0, done.stderr
    files = {p.name: p.read_text("utf-8") for p in (tmp_path / "out").iterdir()}
    assert len(files) == 5
    flood = next(text for name, text in files.items() if name.startswith("floods-force"))
    line = next(line for line in flood.splitlines() if "Other versions" in line)
    assert "flood-1.json" in line and "Castellane floods" in line


def test_without_the_option_every_article_is_written(tmp_path):
    truth = write_folder(tmp_path / "news")
    done = _export(tmp_path / "news", "--format", "json", "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    records = [json.loads(p.read_text("utf-8")) for p in (tmp_path / "out").glob("*.json")]
    assert len(records) == len(truth) and not any("other_versions" in r for r in records)
