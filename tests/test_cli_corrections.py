"""``article-reader corrections import|export|list`` and ``--no-corrections``, run as a
user runs them (a subprocess; the autouse fixture gives each test its own data folder)."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import write

from reader.corrections import store

STORY = """Drug maker agrees deal

GENEVA: The World Health Organization said on Monday that Quillfeather, a small drug
maker, had agreed to share its vaccine data. Quillfeather will publish the figures
next month.

Analysts at the International Monetary Fund said the deal could help poorer countries.
"""

MINE = {"version": 1,
        "organisations": [{"name": "Quillfeather Pharma", "aliases": ["Quillfeather"], "ticker": "QFP"}],
        "not_organisations": ["International Monetary Fund"],
        "exported_by": "a script of mine"}


def run(*args):
    return subprocess.run([sys.executable, "-m", "reader", *map(str, args)], capture_output=True,
                          text=True, timeout=120)


def organisations(stdout: str) -> dict[str, list[str]]:
    return {o["name"]: [m["text"] for m in o["mentions"]] for o in json.loads(stdout)["organisations"]}


def test_import_then_export_round_trips_with_unknown_keys(tmp_path):
    mine = write(tmp_path / "mine.json", json.dumps(MINE))
    done = run("corrections", "import", mine)
    assert done.returncode == 0, done.stderr
    assert "imported 1 organisation" in done.stdout
    out = tmp_path / "out.json"
    done = run("corrections", "export", out)
    assert done.returncode == 0, done.stderr
    assert json.loads(out.read_text("utf-8")) == MINE
    assert json.loads(run("corrections", "export", "-").stdout) == MINE


def test_import_merges_into_what_is_stored(tmp_path):
    run("corrections", "import", write(tmp_path / "a.json", json.dumps(MINE)))
    more = {"version": 1, "organisations": [{"name": "SoftBank Group", "aliases": ["SoftBank"]}],
            "not_organisations": ["Neumann"]}
    assert run("corrections", "import", write(tmp_path / "b.json", json.dumps(more))).returncode == 0
    listed = run("corrections", "list")
    assert listed.returncode == 0 and listed.stdout.splitlines() == [
        "organisation: Quillfeather Pharma (also: Quillfeather)",
        "organisation: SoftBank Group (also: SoftBank)",
        "not an organisation: International Monetary Fund",
        "not an organisation: Neumann",
    ]


def test_a_malformed_file_is_refused_and_nothing_is_lost(tmp_path):
    run("corrections", "import", write(tmp_path / "a.json", json.dumps(MINE)))
    before = store.stored_path().read_bytes()
    for bad in ('{"version": 1, "organisations": [{"name": 7}]}', "not json", '{"version": 3}'):
        done = run("corrections", "import", write(tmp_path / "bad.json", bad))
        assert done.returncode == 2
        assert len(done.stderr.splitlines()) == 1 and "bad.json" in done.stderr, done.stderr
        assert "Traceback" not in done.stderr
        assert store.stored_path().read_bytes() == before
    done = run("corrections", "import", tmp_path / "missing.json")
    assert done.returncode == 2 and "no such file" in done.stderr


def test_list_with_nothing_stored():
    done = run("corrections", "list")
    assert done.returncode == 0 and done.stdout.startswith("no corrections")


def test_clean_applies_the_corrections_and_no_corrections_ignores_them(tmp_path):
    story = write(tmp_path / "story.txt", STORY)
    plain = organisations(run("clean", "--json", story).stdout)
    assert "International Monetary Fund" in plain and "Quillfeather Pharma" not in plain
    run("corrections", "import", write(tmp_path / "mine.json", json.dumps(MINE)))
    corrected = run("clean", "--json", story)
    assert corrected.returncode == 0, corrected.stderr
    orgs = organisations(corrected.stdout)
    assert orgs["Quillfeather Pharma"] == ["Quillfeather", "Quillfeather"]
    assert "International Monetary Fund" not in orgs and "World Health Organization" in orgs
    ignored = run("clean", "--json", "--no-corrections", story).stdout
    assert organisations(ignored) == plain
    assert list(json.loads(corrected.stdout)) == list(json.loads(ignored))  # the same keys, no "source"


def test_export_applies_the_corrections_and_says_where_each_organisation_came_from(tmp_path):
    write(tmp_path / "src" / "story.txt", STORY)
    run("corrections", "import", write(tmp_path / "mine.json", json.dumps(MINE)))
    done = run("export", tmp_path / "src", "--format", "json", "--out", tmp_path / "out", "--jobs", "1")
    assert done.returncode == 0, done.stderr
    [exported] = (tmp_path / "out").iterdir()
    orgs = {o["name"]: o for o in json.loads(exported.read_text("utf-8"))["organisations"]}
    assert orgs["Quillfeather Pharma"]["source"] == "correction"
    assert orgs["World Health Organization"]["source"] == "recogniser"
    assert "International Monetary Fund" not in orgs
    done = run("export", tmp_path / "src", "--format", "html", "--out", tmp_path / "html", "--jobs", "1")
    page = next((tmp_path / "html").iterdir()).read_text("utf-8")
    assert '<mark class="org" title="Quillfeather Pharma">Quillfeather</mark>' in page
    assert "International Monetary Fund</mark>" not in page
    done = run("export", tmp_path / "src", "--format", "json", "--out", tmp_path / "plain", "--jobs", "1",
               "--no-corrections")
    assert done.returncode == 0, done.stderr
    orgs = {o["name"]: o for o in json.loads(next((tmp_path / "plain").iterdir()).read_text("utf-8"))["organisations"]}
    assert "International Monetary Fund" in orgs and "Quillfeather Pharma" not in orgs
    assert {o["source"] for o in orgs.values()} == {"recogniser"}


def test_a_broken_stored_file_is_reported_and_clean_goes_on_without_it(tmp_path):
    story = write(tmp_path / "story.txt", STORY)
    path = write(store.stored_path(), '{"version": 1, "not_organisations": ["World Health')
    done = run("clean", "--json", story)
    assert done.returncode == 0
    assert "World Health Organization" in organisations(done.stdout)
    assert "broken" in done.stderr and ".broken-" in done.stderr and "Traceback" not in done.stderr
    kept = [p for p in path.parent.iterdir() if ".broken-" in p.name]
    assert [p.read_text("utf-8") for p in kept] == ['{"version": 1, "not_organisations": ["World Health']


def test_export_to_a_folder_or_an_unwritable_place_is_refused(tmp_path):
    assert run("corrections", "export", tmp_path).returncode == 2
    done = run("corrections", "export", tmp_path / "no" / "such" / "folder.json")
    assert done.returncode == 1 and "could not be written" in done.stderr


def test_import_over_a_broken_stored_file_keeps_the_broken_one_aside(tmp_path):
    path = write(store.stored_path(), "{broken")
    done = run("corrections", "import", write(tmp_path / "mine.json", json.dumps(MINE)))
    assert done.returncode == 0, done.stderr
    assert "broken" in done.stderr
    assert json.loads(path.read_text("utf-8")) == MINE
    assert [p.read_text("utf-8") for p in path.parent.iterdir() if ".broken-" in p.name] == ["{broken"]
