"""The library's stories: grouped after loading, kept in the cache, regrouped a file at a time."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import reader.stories.index as story_index
from reader.library import Library

from stories_corpus import write_folder


def _stems(stories) -> set[frozenset[str]]:
    return {frozenset(Path(a.path).stem for a in s.articles) for s in stories}


def _expected(truth: dict[str, str]) -> set[frozenset[str]]:
    by_story: dict[str, set[str]] = {}
    for path, story in truth.items():
        by_story.setdefault(story, set()).add(Path(path).stem)
    return {frozenset(v) for v in by_story.values()}


@pytest.fixture
def verdicts(monkeypatch):
    """The pairs the story index judges, as (stem, stem)."""
    seen = []
    judge = story_index.same_story

    def counting(a, b, weight):
        seen.append((Path(a.key).stem, Path(b.key).stem))
        return judge(a, b, weight)
    monkeypatch.setattr(story_index, "same_story", counting)
    return seen


def test_the_library_groups_what_it_opened(tmp_path):
    truth = write_folder(tmp_path / "news")
    library = Library(cache=tmp_path / "cache.sqlite3")
    library.open([tmp_path / "news"], jobs=1)
    assert _stems(library.stories()) == _expected(truth)
    crane = library.story_of(str(tmp_path / "news" / "crane-2.json"))
    assert len(crane.articles) == 6 and crane.representative.date == "2025-11-04"


def test_a_warm_reopen_groups_nothing_again(tmp_path, verdicts, monkeypatch):
    truth = write_folder(tmp_path / "news")
    first = Library(cache=tmp_path / "cache.sqlite3")
    first.open([tmp_path / "news"], jobs=1)
    first.stories()
    first.close()
    assert verdicts
    verdicts.clear()
    made = []
    monkeypatch.setattr(story_index, "evidence_of", lambda a: made.append(a) or None)
    again = Library(cache=tmp_path / "cache.sqlite3")
    again.open([tmp_path / "news"], jobs=1)
    assert _stems(again.stories()) == _expected(truth)
    assert verdicts == [] and made == []


def test_a_changed_file_is_the_only_one_checked(tmp_path, verdicts):
    truth = write_folder(tmp_path / "news")
    library = Library(cache=tmp_path / "cache.sqlite3")
    library.open([tmp_path / "news"], jobs=1)
    library.stories()
    verdicts.clear()
    # the teaser becomes a story of its own: another event, told once
    teaser = tmp_path / "news" / "crane-2.json"
    teaser.write_text(json.dumps({"title": "Choir wins regional prize", "content":
                                  "<p>The Lindenfeld youth choir won the regional prize on Sunday "
                                  "with a programme of folk songs arranged by Maren Oswald.</p>"}),
                      encoding="utf-8")
    os.utime(teaser, ns=(1, 1))
    library.refresh()
    stories = library.stories()
    assert {frozenset({"crane-2"})} <= _stems(stories)
    assert all("crane-2" in pair for pair in verdicts)
    assert len(library.story_of(str(tmp_path / "news" / "crane-0.json")).articles) == 5


def test_the_same_folder_after_a_change_while_closed_checks_only_the_change(tmp_path, verdicts):
    write_folder(tmp_path / "news")
    first = Library(cache=tmp_path / "cache.sqlite3")
    first.open([tmp_path / "news"], jobs=1)
    first.stories()
    first.close()
    verdicts.clear()
    (tmp_path / "news" / "flood-1.json").unlink()
    extra = json.loads((tmp_path / "news" / "flood-0.json").read_text("utf-8"))
    extra["title"] = "Castellane floods: 140 evacuated"
    (tmp_path / "news" / "flood-9.json").write_text(json.dumps(extra), encoding="utf-8")
    again = Library(cache=tmp_path / "cache.sqlite3")
    again.open([tmp_path / "news"], jobs=1)
    stories = again.stories()
    assert {frozenset({"flood-0", "flood-9"})} <= _stems(stories)
    assert verdicts and all("flood-9" in pair for pair in verdicts)


def test_a_load_counts_the_evidence_as_files_arrive_and_a_warm_reopen_decodes_none(tmp_path):
    # what does not depend on the rest of the folder is done while the folder loads, so
    # grouping after the last file has only the verdicts left; a warm reopen whose pairs
    # come from the cache never needs the evidence at all
    write_folder(tmp_path / "news")
    first = Library(cache=tmp_path / "cache.sqlite3")
    first.open([tmp_path / "news"], jobs=1)
    index = first._stories.index
    assert set(index._entries) == set(first.articles) and not index._blobs
    first.stories()
    first.close()
    again = Library(cache=tmp_path / "cache.sqlite3")
    again.open([tmp_path / "news"], jobs=1)
    again.stories()
    assert again._stories.index._entries == {} and again._stories.index.checked == 0
