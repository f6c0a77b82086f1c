"""Stories kept up to date a few articles at a time, and evidence that survives a trip to bytes."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reader.read.load import load_file
from reader.record import Article
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


# lowercase, without figures: no facts to find them by, only their wording (MinHash LSH)
_PLAIN = ("the old ferry across the lake stopped running this week after the owners said the "
          "boat needed a new engine and the money for one could not be found before winter",
          "people who live on the far shore now drive around the lake, which takes most of an "
          "hour, and several said they would miss the quiet crossing in the early morning",
          "the owners hope that a buyer will take the boat on and keep the route open next year")


def _plain(path: str, paragraphs) -> Article:
    return Article(path, "txt", "the ferry", None, (), None, tuple(paragraphs), (), (), ())


def _damaged(signature: bytes) -> list[bytes]:
    from datasketch import LeanMinHash, MinHash

    other = LeanMinHash(MinHash(num_perm=64, seed=7))  # other permutations
    foreign = bytearray(other.bytesize("<"))
    other.serialize(foreign, "<")
    return [signature[:20], b"\x00" * len(signature), bytes(foreign)]


def test_a_copy_is_found_by_its_wording_alone():
    original = _plain("/news/ferry.txt", _PLAIN)
    padded = _plain("/wire/ferry.txt", _PLAIN + ("sign up for our newsletter to read more like this",))
    unrelated = _plain("/news/other.txt", ("a quite different piece about the weather in the hills "
                                           "and how the walkers should dress for the rain and cold",))
    stories = group_stories([original, padded, unrelated])
    assert {frozenset(a.path for a in s.articles) for s in stories} == {
        frozenset({"/news/ferry.txt", "/wire/ferry.txt"}), frozenset({"/news/other.txt"})}


def test_a_copy_with_a_damaged_signature_in_its_evidence_still_joins_its_story():
    original = _plain("/news/ferry.txt", _PLAIN)
    copy = _plain("/wire/ferry.txt", _PLAIN + ("sign up for our newsletter to read more like this",))
    good = evidence_of(copy)
    for bad in _damaged(good.signature):
        index = StoryIndex()
        index.add([original])
        index.add([copy], encode_evidence([replace(good, signature=bad)]))
        index.update()
        assert index.story_of(original.key) is index.story_of(copy.key), bad


def test_a_changed_version_leaves_its_story_and_a_new_copy_joins():
    original = _plain("/news/ferry.txt", _PLAIN)
    index = StoryIndex()
    index.add([original])
    index.add([_plain("/wire/ferry.txt", _PLAIN)])
    index.update()
    rewritten = _plain("/wire/ferry.txt", ("a quite different piece about the weather in the hills "
                                           "and how the walkers should dress for the rain and cold",))
    index.add([rewritten])  # the same file, changed: the same key
    index.update()
    assert len(index.story_of(original.key).articles) == 1
    index.add([_plain("/blog/ferry.txt", _PLAIN[:2])])
    index.update()
    assert {a.path for a in index.story_of(original.key).articles} == {"/news/ferry.txt", "/blog/ferry.txt"}


def test_grouped_evidence_keeps_its_shingles_packed(tmp_path):
    # the index keeps each article's shingles as bytes, whether the loader made its
    # evidence or the index did: unpacked, thousands of articles take hundreds of MB
    files = _articles(tmp_path)
    index = StoryIndex()
    for i, articles in enumerate(files.values()):
        index.add(articles, encode_evidence([evidence_of(a) for a in articles]) if i % 2 else None)
    index.update()
    everything = [a for articles in files.values() for a in articles]
    assert _names(index.stories()) == _names(group_stories(everything))
    assert set(index._entries) == set(index.articles)
    assert all(isinstance(e.packed, bytes) and isinstance(e.facts, tuple) for e in index._entries.values())


def test_the_index_keeps_each_fact_once_however_many_articles_name_it(tmp_path):
    # thousands of articles name the same people, places and figures: the index keeps
    # one string for each, not one per article that names it
    files = _articles(tmp_path)
    index = StoryIndex()
    for articles in files.values():
        index.add(articles, encode_evidence([evidence_of(a) for a in articles]))
    index.update()
    strings: dict[str, int] = {}
    for entry in index._entries.values():
        for f in entry.facts:
            assert strings.setdefault(f, id(f)) == id(f), f
    assert max(index._df.values()) > 1


def test_prepared_as_they_arrive_or_all_at_the_end_the_stories_are_the_same(tmp_path):
    files = _articles(tmp_path)
    late, early = StoryIndex(), StoryIndex()
    for articles in files.values():
        blob = encode_evidence([evidence_of(a) for a in articles])
        late.add(articles, blob)
        early.add(articles, blob, prepare=True)  # decoded and counted as each file arrives
    late.update()
    early.update()
    assert _names(early.stories()) == _names(late.stories())
    assert early._sampled == late._sampled


def test_copy_candidates_are_those_datasketch_lsh_gives():
    from datasketch import MinHashLSH
    from datasketch.lsh import _optimal_param

    from reader.stories.bands import BANDS, ROWS, THRESHOLD, Bands, band_keys
    from reader.stories.evidence import PERMUTATIONS, minhash_of

    assert _optimal_param(THRESHOLD, PERMUTATIONS, 0.5, 0.5) == (BANDS, ROWS)
    texts = {"a": _PLAIN, "b": _PLAIN[:2], "c": _PLAIN[1:], "d": ("the weather in the hills is cold "
                                                                 "and wet this week for walkers",)}
    lsh, bands = MinHashLSH(threshold=THRESHOLD, num_perm=PERMUTATIONS), Bands()
    signatures = {k: evidence_of(_plain(f"/x/{k}.txt", t)).signature for k, t in texts.items()}
    for k, sig in signatures.items():
        lsh.insert(k, minhash_of(sig))
        bands.insert(k, band_keys(sig))
    for k, sig in signatures.items():
        assert bands.query(band_keys(sig)) == set(lsh.query(minhash_of(sig)))
    bands.remove("a", band_keys(signatures["a"]))
    assert "a" not in bands.query(band_keys(signatures["b"]))
