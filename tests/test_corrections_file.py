"""The corrections file: its format, and where and how it is stored."""
from __future__ import annotations

import json
import os

import pytest
from hypothesis import given, settings, strategies as st

from reader.corrections import CorrectionError, Corrections, Entry, dumps, parse
from reader.corrections import store

EXAMPLE = {"version": 1,
           "organisations": [{"name": "SoftBank Group", "aliases": ["SoftBank Group Corp", "SoftBank"]}],
           "not_organisations": ["Neumann"]}


# ---------------------------------------------------------------- the format

def test_the_issues_example_reads_as_written():
    c = parse(json.dumps(EXAMPLE))
    assert c == Corrections((Entry("SoftBank Group", ("SoftBank Group Corp", "SoftBank")),), ("Neumann",))
    assert json.loads(dumps(c)) == EXAMPLE


def test_unknown_keys_are_kept_on_export():
    data = dict(EXAMPLE, comment="mine", tool={"by": "script", "n": [1, 2]})
    data["organisations"] = [dict(EXAMPLE["organisations"][0], note="parent company", wikidata="Q1")]
    back = json.loads(dumps(parse(json.dumps(data))))
    assert back == data
    edited = parse(json.dumps(data)).mark("SoftBank Group", ["SBG"]).not_organisation("PDF")
    back = json.loads(dumps(edited))
    assert back["comment"] == "mine" and back["tool"] == data["tool"]
    assert back["organisations"][0]["note"] == "parent company"


def test_an_empty_file_of_version_1_is_no_corrections():
    assert parse('{"version": 1}') == Corrections()


def test_two_objects_with_one_name_are_one_organisation():
    c = parse(json.dumps({"version": 1, "organisations": [{"name": "IBM", "aliases": ["Big Blue"]},
                                                          {"name": "IBM", "aliases": ["I.B.M."]}]}))
    assert c.organisations == (Entry("IBM", ("Big Blue", "I.B.M.")),)


@pytest.mark.parametrize("text, reason", [
    ("", "not JSON"),
    ("{", "not JSON"),
    ("[1, 2]", "not an object"),
    ('{"organisations": []}', 'no "version"'),
    ('{"version": 2}', "newer"),
    ('{"version": "1"}', "expected 1"),
    ('{"version": true}', "expected 1"),
    ('{"version": 1, "organisations": {}}', "organisations is a object, not a list"),
    ('{"version": 1, "organisations": ["IBM"]}', "organisations[0] is a string"),
    ('{"version": 1, "organisations": [{"aliases": []}]}', 'organisations[0] has no "name"'),
    ('{"version": 1, "organisations": [{"name": "  "}]}', "organisations[0].name: a name cannot be empty"),
    ('{"version": 1, "organisations": [{"name": "IBM", "aliases": "Big Blue"}]}', "aliases is a string"),
    ('{"version": 1, "organisations": [{"name": "IBM", "aliases": [3]}]}', "aliases[0] is a number"),
    ('{"version": 1, "organisations": [{"name": "A", "aliases": ["X"]}, {"name": "B", "aliases": ["X"]}]}',
     "'X' is a name of two organisations"),
    ('{"version": 1, "organisations": [{"name": "A"}], "not_organisations": ["A"]}', "both an organisation"),
    ('{"version": 1, "not_organisations": "Neumann"}', "not_organisations is a string"),
    ('{"version": 1, "not_organisations": [null]}', "not_organisations[0] is a null"),
    ("[" * 100_000, "not"),
])
def test_a_malformed_file_is_refused_with_a_one_line_reason(text, reason):
    with pytest.raises(CorrectionError) as err:
        parse(text)
    assert reason in str(err.value) and "\n" not in str(err.value)


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
                           max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["version", "organisations", "not_organisations", "x"]),
                       json_values | st.lists(st.dictionaries(st.sampled_from(["name", "aliases", "y"]),
                                                              json_values | st.lists(st.text(max_size=6)))),
                       max_size=4))
def test_any_json_is_read_or_refused_with_a_reason(data):
    try:
        c = parse(json.dumps(data))
    except CorrectionError as err:
        assert str(err) and "\n" not in str(err)
    else:
        assert parse(dumps(c)) == c


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_text_is_read_or_refused_with_a_reason(text):
    try:
        parse(text)
    except CorrectionError as err:
        assert str(err) and "\n" not in str(err)


# ---------------------------------------------------------------- the stored file

def test_the_file_lives_in_the_data_folder_the_environment_names(tmp_path, monkeypatch):
    monkeypatch.setenv(store.ENV_DIR, str(tmp_path / "elsewhere"))
    assert store.stored_path() == tmp_path / "elsewhere" / "corrections.json"


def test_no_file_is_no_corrections_and_no_note():
    stored = store.load()
    assert stored.corrections == Corrections() and stored.note == "" and not stored.blocked


def test_saved_corrections_load_back():
    c = Corrections().mark("SoftBank Group", ["SoftBank"]).not_organisation("Neumann")
    path = store.save(c)
    assert path == store.stored_path() and store.load().corrections == c
    assert json.loads(path.read_text("utf-8"))["version"] == 1


def test_a_broken_file_is_reported_kept_aside_and_never_overwritten():
    path = store.stored_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b'{"version": 1, "organisations": [{"name": "SoftBank"')
    stored = store.load()
    assert stored.corrections == Corrections() and not stored.blocked
    kept = [p for p in path.parent.iterdir() if p.name.startswith("corrections.json.broken-")]
    assert len(kept) == 1 and kept[0].read_bytes() == b'{"version": 1, "organisations": [{"name": "SoftBank"'
    assert "broken" in stored.note and str(kept[0]) in stored.note and "not JSON" in stored.note
    assert not path.exists()
    store.save(Corrections().mark("Roche"))  # the reader goes on; the broken copy stays
    assert kept[0].read_bytes().startswith(b'{"version": 1')
    assert store.load().corrections == Corrections().mark("Roche")


def test_a_second_broken_file_does_not_replace_the_first_kept_one():
    path = store.stored_path()
    path.parent.mkdir(parents=True)
    for content in (b"first", b"second"):
        path.write_bytes(content)
        assert store.load().note
    kept = sorted(p.read_bytes() for p in path.parent.iterdir() if ".broken-" in p.name)
    assert kept == [b"first", b"second"]


def test_a_file_that_cannot_be_read_blocks_saving():
    path = store.stored_path()
    path.mkdir(parents=True)  # a folder where the file should be: reading it fails
    stored = store.load()
    assert stored.blocked and "cannot be read" in stored.note and stored.corrections == Corrections()


def test_a_failed_write_leaves_the_earlier_file_and_no_temporary_file(monkeypatch):
    store.save(Corrections().mark("Roche"))
    before = store.stored_path().read_bytes()

    def full_disk(*args):
        raise OSError(28, "No space left on device")
    with monkeypatch.context() as patched:
        patched.setattr(os, "replace", full_disk)
        with pytest.raises(OSError):
            store.save(Corrections().mark("Novartis"))
    assert store.stored_path().read_bytes() == before
    assert [p.name for p in store.stored_path().parent.iterdir()] == ["corrections.json"]
