"""Short texts borrow their folder's wrap width: a text of three short paragraphs shows
too few deleted line breaks to tell the width it was wrapped at, and keeps its fused
words alone; opened with the other texts of its folder, wrapped alike, it is repaired."""
from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from reader.cli import main
from reader.fused.repair import WEAK, repair
from reader.library import Library
from reader.read.load import load_file

WIDTH = 66
LONG = [
    ("The ferry that links the two islands made its last crossing of the season on Friday, "
     "carrying a dozen passengers, a tractor and a crate of lobster pots across the sound. For "
     "the crew, the end of the season is a time to take stock: this year the boat carried more "
     "passengers than in any year since it entered service, most of them walkers.\n"
     "The operator says the numbers justify a second boat in the summer months, but the harbour "
     "at the northern landing is too small to take two vessels at once, and islanders have "
     "argued for years that it should be dredged and its wall extended before anything else."),
    ("The orchard on the hill behind the school was planted in 1908 by a headmaster who believed "
     "every child should know how to graft an apple tree, and most of his trees are still "
     "standing. For decades nobody looked after them: the grass grew waist-high and the fruit "
     "fell and rotted where it landed.\n"
     "Six years ago a group of parents asked the school if they could take the orchard on. They "
     "cut the grass with scythes, pruned the oldest trees in winter and planted thirty new ones, "
     "and among the old trees they found varieties not recorded in the county for fifty years."),
    ("Engineers have begun replacing the iron footbridge over the railway at the edge of town, a "
     "crossing that has carried commuters to the station since the line opened in the 1870s. The "
     "old bridge will be lifted out in one piece on Saturday night, when the line is closed.\n"
     "Its replacement is wider and has lifts at both ends, so that people with wheelchairs and "
     "prams will no longer have to go half a mile round by the level crossing, where the "
     "barriers are down for up to twenty minutes in every hour at the busiest times of day."),
]
SHORT = ("Doctors at the mother-and-child hospital said the new wing would open in the spring.\n"
         "Patients from the old ward were moved on Tuesday without problems.\n"
         "Police closed the bridge for three hours after a lorry shed its load.")
CLEAN_SHORT = ("The council voted to close the library on Sundays from next month, a spokesman "
               "said on Monday evening after the meeting.\n"
               "Residents said they had not been consulted about the change and would appeal.")


def damage(text: str, width: int = WIDTH) -> str:
    """Hard-wrapped at width, the line breaks then deleted without a space."""
    return "\n".join("".join(textwrap.wrap(p, width=width, break_long_words=False, break_on_hyphens=False))
                     for p in text.split("\n"))


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text.replace("\n", "\n\n") + "\n", encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "wire"
    root.mkdir()
    for n, text in enumerate(LONG):
        _write(root, f"long-{n}.txt", damage(text))
    _write(root, "short.txt", damage(SHORT))
    _write(root, "clean.txt", CLEAN_SHORT)
    return root


def _paragraphs(library: Library, name: str) -> list[str]:
    return next(list(a.paragraphs) for a in library.articles.values() if a.path.endswith(name))


def test_the_short_text_alone_is_too_weak_to_repair():
    damaged = damage(SHORT)
    assert "wouldopen" in damaged and "itsload" in damaged
    assert repair(damaged) == (damaged, WEAK)  # unrepaired, but unharmed
    assert repair(damaged, WIDTH)[0] == SHORT  # the folder's width is enough


def test_a_short_text_is_repaired_with_its_folder(folder):
    library = Library(cache=False)
    library.open([folder], jobs=1)
    assert _paragraphs(library, "short.txt") == SHORT.split("\n")
    for n, text in enumerate(LONG):
        assert _paragraphs(library, f"long-{n}.txt") == text.split("\n")
    assert _paragraphs(library, "clean.txt") == CLEAN_SHORT.split("\n")  # no false splits
    short = next(a for a in library.articles.values() if a.path.endswith("short.txt"))
    assert any("fused" in w for w in short.warnings)


def test_the_short_text_alone_stays_as_it_was(folder):
    library = Library(cache=False)
    library.open([folder / "short.txt"], jobs=1)
    assert _paragraphs(library, "short.txt") == damage(SHORT).split("\n")
    assert [list(a.paragraphs) for a in load_file(str(folder / "short.txt"))] == [damage(SHORT).split("\n")]


def test_each_article_is_reported_once_and_a_warm_open_agrees(folder, tmp_path):
    seen: list[str] = []
    cache = tmp_path / "cache.sqlite3"
    for _ in range(2):  # cold, then warm from the cache
        seen.clear()
        library = Library(cache=cache)
        stats = library.open([folder], jobs=1, on_batch=lambda arts, fails, done, total: seen.extend(
            a.key for a in arts))
        assert sorted(seen) == sorted(library.articles) and len(seen) == 5
        assert _paragraphs(library, "short.txt") == SHORT.split("\n")
        library.close()
    assert stats.cached == 5


def test_export_of_the_folder_shows_what_the_window_shows(folder, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["export", str(folder), "--format", "json", "--out", str(out), "--no-corrections"]) == 0
    exported = {json.loads(p.read_text("utf-8"))["title"]: json.loads(p.read_text("utf-8"))
                for p in out.glob("*.json")}
    short = next(v for v in exported.values() if v["text"].startswith("Doctors"))
    assert "would open" in short["text"] and "its load" in short["text"]


def test_a_folder_of_unwrapped_short_texts_is_left_alone(tmp_path):
    root = tmp_path / "notes"
    root.mkdir()
    for n, text in enumerate(LONG):
        _write(root, f"long-{n}.txt", damage(text))
    texts = [CLEAN_SHORT, SHORT, "A lorry shed its load on the bridge.\nThe road reopened at noon."]
    for n, text in enumerate(texts):
        _write(root, f"s{n}.txt", text)
    library = Library(cache=False)
    library.open([root], jobs=1)
    for n, text in enumerate(texts):
        assert _paragraphs(library, f"s{n}.txt") == text.split("\n")


def test_a_short_text_added_later_is_repaired_and_listed_once(folder):
    library = Library(cache=False)
    library.open([folder], jobs=1)
    later = SHORT.replace("Police", "Firemen")
    assert repair(damage(later))[1] == WEAK
    _write(folder, "later.txt", damage(later))
    changes = library.refresh([folder])
    keys = [a.key for a in changes.articles]
    assert len(keys) == len(set(keys)) == 1
    assert list(changes.articles[0].paragraphs) == later.split("\n")


def test_the_search_finds_the_repaired_words(folder, tmp_path):
    for cache in (tmp_path / "cache.sqlite3", tmp_path / "cache.sqlite3", False):  # cold, warm, none
        library = Library(cache=cache)
        library.open([folder], jobs=1)
        assert library.search("load") == [str(folder / "short.txt")]
        library.close()
