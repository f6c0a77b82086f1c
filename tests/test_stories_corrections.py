"""Stories and Compare follow the user's corrections to the organisations: the command
line (``stories``, ``compare``, ``--no-corrections``) and the library, after an edit and
after a reopen under other corrections."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from reader.corrections import Corrections, Entry
from reader.corrections.store import save
from reader.library import Library
from reader.library.corrected import correct

from conftest import ROOT, SAMPLE_1, SAMPLE_2

# One event told by two outlets in other words: they share a place and a figure, and
# name the port's operator differently. Only the user's merge of the two names tells
# that it is the same body; two other stories beside them.
HERALD = ("Dock strike halts Tessaly port", [
    "Dockworkers in Tessaly walked off the job on Monday after pay talks with the Orvane Maritime "
    "Group collapsed, leaving 38 ships waiting offshore.",
    "The Orvane Maritime Group said it regretted the walkout and would meet the union again."])
COURIER = ("Ships queue off Tessaly as dockers strike", [
    "Cargo piled up at the Tessaly terminal on Monday as its operator, OMG Shipping, failed to end "
    "a strike by loaders that has left 38 vessels at anchor."])
OTHERS = {"c-farmers.txt": ("Farmers protest grain prices", [
    "Farmers drove tractors into the centre of Lindemar on Tuesday to protest against low grain "
    "prices set by the Cereal Board.", "The Cereal Board said it would review the prices in 21 days."]),
    "d-museum.txt": ("Museum reopens after repairs", [
        "The Kelham Museum reopened its east wing on Thursday after a roof repair that took 14 months.",
        "Visitors queued from early morning to see the restored Varga murals."])}
MERGED = Corrections(organisations=(Entry("Orvane Maritime Group", ("OMG Shipping",)),))


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for name, (title, paragraphs) in {"a-herald.txt": HERALD, "b-courier.txt": COURIER, **OTHERS}.items():
        (folder / name).write_text(f"Title: {title}\nDate: 2025-06-02\n\n" + "\n\n".join(paragraphs) + "\n",
                                   encoding="utf-8")
    return folder


def _stems(stories) -> set[frozenset[str]]:
    return {frozenset(Path(a.path).stem for a in s.articles) for s in stories}


TOGETHER = {frozenset({"a-herald", "b-courier"}), frozenset({"c-farmers"}), frozenset({"d-museum"})}
APART = {frozenset({"a-herald"}), frozenset({"b-courier"}), frozenset({"c-farmers"}), frozenset({"d-museum"})}


def _run(*args):
    return subprocess.run([sys.executable, "-m", "reader", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)


def _opened(folder: Path, corrections=None, cache=False) -> Library:
    library = Library(cache=cache)
    library.corrections = corrections
    library.open([folder], jobs=1)
    return library


def test_stories_count_the_organisations_as_corrected(tmp_path):
    folder = _folder(tmp_path)
    assert _stems(_opened(folder).stories()) == APART
    assert _stems(_opened(folder, MERGED).stories()) == TOGETHER


def test_an_edit_while_open_regroups_only_what_it_touched(tmp_path):
    library = _opened(_folder(tmp_path))
    assert _stems(library.stories()) == APART
    correct(library, MERGED, save=None)
    assert _stems(library.stories()) == TOGETHER
    assert library._stories.index.checked == 1          # the one whose organisations read otherwise
    correct(library, Corrections(), save=None)          # undone
    assert _stems(library.stories()) == APART


def test_a_reopen_under_other_corrections_checks_again_what_they_touch(tmp_path):
    folder, cache = _folder(tmp_path), tmp_path / "cache.sqlite3"
    first = _opened(folder, cache=cache)
    assert _stems(first.stories()) == APART
    first.close()
    again = _opened(folder, MERGED, cache=cache)
    assert _stems(again.stories()) == TOGETHER
    assert again._stories.index.checked == 2
    again.close()
    same = _opened(folder, MERGED, cache=cache)          # the same corrections: nothing checked
    assert _stems(same.stories()) == TOGETHER and same._stories.index.checked == 0
    same.close()


def test_cli_stories_follows_the_stored_corrections_unless_told_not_to(tmp_path):
    folder = _folder(tmp_path)
    save(MERGED)

    def grouped(*extra):
        out = _run("stories", folder, "--json", *extra)
        assert out.returncode == 0, out.stderr
        return {frozenset(Path(a["path"]).stem for a in s["articles"]) for s in json.loads(out.stdout)}

    assert grouped() == TOGETHER
    assert grouped("--no-corrections") == APART


def test_cli_compare_lists_the_organisations_as_corrected(tmp_path):
    save(Corrections(organisations=(Entry("Baloch Republican Forces", ("Baloch Republican Army",
                                                                        "Baloch Revolution Group")),
                                    Entry("BLA militants", ("Baloch Liberation Army",
                                                            "Balochistan Liberation Army"))),
                     not_organisations=("Chief Minister’s Secretariat",)))

    def organisations(*extra):
        out = _run("compare", SAMPLE_1, SAMPLE_2, "--json", *extra)
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)["organisations"]

    got = organisations()
    assert "Baloch Republican Forces" in got["both"]                  # a merge the user made
    assert "BLA militants" in got["both"]                             # shown under its corrected name
    assert "Chief Minister’s Secretariat" not in got["only_second"]   # a name the user refused
    assert not {"Baloch Republican Army", "Baloch Revolution Group", "Balochistan Liberation Army"} & {
        n for names in got.values() for n in names}
    plain = organisations("--no-corrections")
    assert "Chief Minister’s Secretariat" in plain["only_second"]
    assert "Baloch Revolution Group" in plain["only_second"] and "Balochistan Liberation Army" in plain["both"]
