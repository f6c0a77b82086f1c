"""Stories kept up to date a few articles at a time, and evidence that survives a trip to bytes."""
from __future__ import annotations

from pathlib import Path

from reader.read.load import load_file
from reader.stories import group_stories
from reader.stories.evidence import decode_evidence, encode_evidence, evidence_of
from reader.stories.index import StoryIndex

from stories_corpus import write_folder


def _names(stories) -> set[frozenset[str]]:
    return {frozenset(Path(a.path).stem for a in s.articles) for s in stories}


def _articles(folder: Path):
    truth = write_folder(folder)
    return {Path(p).stem: load_file(p) for p in sorted(truth)}


def test_evidence_read_back_from_bytes_is_the_same(tmp_path):
    for articles in _articles(tmp_path).values():
        evidence = [evidence_of(a) for a in articles]
        assert decode_evidence(encode_evidence(evidence), [a.key for a in articles]) == evidence


def test_an_added_version_joins_its_story_checking_only_itself(tmp_path):
    files = _articles(tmp_path)
    index = StoryIndex()
    late = "crane-3"
    for stem, articles in files.items():
        if stem != late:
            index.add(articles, encode_evidence([evidence_of(a) for a in articles]))
    assert index.update() == len(files) - 1
    index.add(files[late])
    assert index.update() == 1
    everything = [a for articles in files.values() for a in articles]
    assert _names(index.stories()) == _names(group_stories(everything))
    assert late in {Path(a.path).stem for a in index.story_of(files["crane-0"][0].key).articles}


def test_a_removed_version_leaves_its_story(tmp_path):
    files = _articles(tmp_path)
    index = StoryIndex()
    for articles in files.values():
        index.add(articles)
    index.update()
    index.remove([files["crane-0"][0].key])
    assert index.update() == 0
    crane = index.story_of(files["crane-1"][0].key)
    assert "crane-0" not in {Path(a.path).stem for a in crane.articles}
    assert index.story_of(files["crane-0"][0].key) is None


def test_restored_pairs_give_the_stories_without_checking_again(tmp_path):
    files = _articles(tmp_path)
    first = StoryIndex()
    for articles in files.values():
        first.add(articles)
    first.update()
    again = StoryIndex()
    for articles in files.values():
        again.add(articles)
    again.restore(first.pairs(), list(again.articles))
    assert again.pending == 0 and again.update() == 0
    assert _names(again.stories()) == _names(first.stories())
