"""Stories: versions of one event grouped, look-alike events kept apart, versions compared."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.read.load import load_file
from reader.stories import compare, group_stories

from conftest import ROOT, SAMPLE_1, SAMPLE_2
from stories_corpus import write_folder


def _run(*args):
    return subprocess.run([sys.executable, "-m", "reader", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)


def _grouping(folder: Path, truth: dict[str, str]) -> set[frozenset[str]]:
    articles = [a for path in sorted(truth) for a in load_file(path)]
    return {frozenset(Path(a.path).stem for a in s.articles) for s in group_stories(articles)}


def _expected(truth: dict[str, str]) -> set[frozenset[str]]:
    by_story: dict[str, set[str]] = {}
    for path, story in truth.items():
        by_story.setdefault(story, set()).add(Path(path).stem)
    return {frozenset(v) for v in by_story.values()}


@pytest.mark.parametrize("dated", [True, False], ids=["dated", "undated"])
def test_versions_of_an_event_are_one_story_and_look_alikes_are_not(tmp_path, dated):
    # copies retitled, padded, cut short, updated, with fused words, and a rewrite in other
    # words; beside them the same port authority's next project and the same central
    # bank's next decision, which must stay apart, with or without dates to tell them
    truth = write_folder(tmp_path, dated=dated)
    assert _grouping(tmp_path, truth) == _expected(truth)


def test_every_article_is_in_exactly_one_story(tmp_path):
    truth = write_folder(tmp_path)
    articles = [a for path in sorted(truth) for a in load_file(path)]
    keys = [a.key for s in group_stories(articles) for a in s.articles]
    assert sorted(keys) == sorted(a.key for a in articles)


def test_a_story_lists_its_earliest_version_first(tmp_path):
    truth = write_folder(tmp_path)
    articles = [a for path in sorted(truth, reverse=True) for a in load_file(path)]
    crane = next(s for s in group_stories(articles) if len(s.articles) == 6)
    assert crane.articles[-1].date == "2025-11-05"      # the update came a day later
    assert crane.fullest.title == "Verana terminal to reopen after crane collapse (updated)"


def test_the_sample_articles_are_one_story():
    a, b = load_file(SAMPLE_1)[0], load_file(SAMPLE_2)[0]
    stories = group_stories([a, b])
    assert len(stories) == 1 and {x.key for x in stories[0].articles} == {a.key, b.key}


def test_compare_the_samples_names_what_only_one_of_them_has():
    result = compare(load_file(SAMPLE_1)[0], load_file(SAMPLE_2)[0])
    # one organisation under two spellings (Baloch / Balochistan Liberation Army) is in both
    assert "Balochistan Liberation Army" in result.organisations_both
    assert {"Baloch Republican Guards", "Baloch Republican Army"} <= set(result.organisations_only_first)
    assert {"Baloch Revolution Group", "Chief Minister’s Secretariat"} <= set(result.organisations_only_second)
    assert not set(result.organisations_both) & set(result.organisations_only_first)
    assert any("Interpol" in s for s in result.sentences_only_second)


def test_compare_finds_the_added_paragraph_and_nothing_else(tmp_path):
    truth = write_folder(tmp_path)
    wire = load_file(next(p for p in truth if p.endswith("crane-0.json")))[0]
    update = load_file(next(p for p in truth if p.endswith("crane-3.json")))[0]
    result = compare(wire, update)
    assert result.sentences_only_first == ()
    assert result.sentences_only_second == (
        "Later on Tuesday the authority said the terminal would reopen on Thursday once the "
        "wreckage of the crane had been removed.",)
    start, end = result.spans_only_second[0]
    assert update.text[start:end] == result.sentences_only_second[0]


def test_cli_stories_json_is_the_documented_shape(tmp_path):
    truth = write_folder(tmp_path / "news")
    out = _run("stories", tmp_path / "news", "--json")
    assert out.returncode == 0, out.stderr
    stories = json.loads(out.stdout)
    assert [len(s["articles"]) for s in stories][:2] == [6, 2]       # several versions first
    assert all(set(s) == {"title", "articles"} for s in stories)
    assert all(set(a) == {"path", "title", "date"} for s in stories for a in s["articles"])
    assert sorted(a["path"] for s in stories for a in s["articles"]) == sorted(truth)
    assert stories[0]["title"] == stories[0]["articles"][0]["title"]


def test_cli_stories_text_and_unreadable_files(tmp_path):
    write_folder(tmp_path / "news")
    (tmp_path / "news" / "broken.json").write_text("{not json", encoding="utf-8")
    out = _run("stories", tmp_path / "news")
    assert out.returncode == 1                                     # a file could not be read
    assert "broken.json" in out.stderr and "Traceback" not in out.stderr
    assert out.stdout.startswith("6 versions: ")
    assert _run("stories", tmp_path / "missing").returncode == 2


def test_cli_compare_json_is_the_documented_shape():
    out = _run("compare", SAMPLE_1, SAMPLE_2, "--json")
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    assert set(got) == {"organisations", "sentences"}
    assert set(got["organisations"]) == {"both", "only_first", "only_second"}
    assert set(got["sentences"]) == {"only_first", "only_second"}
    assert "Balochistan Liberation Army" in got["organisations"]["both"]
    assert "Baloch Revolution Group" in got["organisations"]["only_second"]


def test_cli_compare_refuses_a_folder_or_a_missing_file(tmp_path):
    out = _run("compare", tmp_path, SAMPLE_1)
    assert out.returncode == 2 and "is a folder" in out.stderr
    out = _run("compare", tmp_path / "nope.txt", SAMPLE_1)
    assert out.returncode == 2 and "Traceback" not in out.stderr
