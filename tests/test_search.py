"""Search: the query language, ranking, org:, and odd input never raising."""
from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import write
from reader.library import Library
from reader.library.search import parse

PARSED = [  # what is typed -> the FTS5 expression (None: no text terms)
    ("harbour", '"harbour"*'),
    ("harbour ", '"harbour"'),
    ("harbour stri", '"harbour" "stri"*'),
    ("h", '"h"'),  # one letter is matched whole, not as a prefix of everything
    ('"port authority"', '"port authority"'),
    ('"port auth', '"port auth"*'),
    ("lashkar-e-balochistan", '"lashkar e balochistan"*'),
    ("Ministry AND OR NOT (", '"ministry" "and" "or" "not"'),
    ('a"b', '"a b"'),
    ("NEAR(x y)", '"near x" "y"'),
    ("col:value*", '"col value"*'),
    ("court polic*", '"court" "polic"*'),
    ("Zürich", '"zürich"*'),
    ("!!! ???", None),
    ("org:BLA", None),
]


@pytest.mark.parametrize("typed, expected", PARSED)
def test_parse(typed, expected):
    assert parse(typed).match() == expected


@pytest.mark.parametrize("typed, org, quoted, match", [
    ("org:BLA", "BLA", False, None),
    ('org:"Bank of England" rates', "Bank of England", True, '"rates"*'),
    ("floods org:Bank of England", "Bank of England", False, '"floods"'),
    ("org:", None, False, None),
    ('org:"unclosed', "unclosed", True, None),
])
def test_parse_org(typed, org, quoted, match):
    q = parse(typed)
    assert (q.org, q.org_quoted, q.match()) == (org, quoted, match)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_input_makes_a_valid_expression(typed):
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE fts USING fts5(title, body, orgs)")
    con.execute("INSERT INTO fts VALUES ('a title', 'some body text', 'Org')")
    match = parse(typed).match()
    if match is not None:
        con.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (match,)).fetchall()


ARTICLES = {
    "a.txt": "Harbour strike ends\n\nDock workers returned after the Harbour Workers Union (HWU) agreed a deal.\n",
    "b.txt": "Grain prices\n\nFarmers said the harbour was closed. Prices rose sharply at the market.\n",
    "c.txt": "Union talks\n\nThe HWU said talks would resume. The Harbour Workers Union wants higher wages.\n",
    "d.txt": "Court ruling\n\nThe Supreme Court ruled on the water plan. Judges spoke of the port authority.\n",
}


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    folder = tmp_path_factory.mktemp("news")
    for name, text in ARTICLES.items():
        write(folder / name, text)
    lib = Library(cache=False)
    lib.open([folder], jobs=1)
    lib.folder = folder
    return lib


def names(library, query):
    return [k.rsplit("/", 1)[-1] for k in library.search(query)]


def test_title_match_ranks_first(library):
    assert names(library, "harbour")[0] == "a.txt"
    assert set(names(library, "harbour ")) == {"a.txt", "b.txt", "c.txt"}


def test_prefix_while_typing(library):
    assert names(library, "harb") == names(library, "harbour")
    assert names(library, "harb ") == []


def test_phrase(library):
    assert names(library, '"port authority"') == ["d.txt"]
    assert names(library, '"authority port"') == []


def test_all_words_must_match(library):
    assert names(library, "harbour prices") == ["b.txt"]


@pytest.mark.parametrize("query", ["org:HWU", "org:Harbour Workers Union", 'org:"Harbour Workers Union"',
                                   "org:hwu", "org:harbour workers"])
def test_org_finds_the_articles_naming_it_under_any_name(library, query):
    assert sorted(names(library, query)) == ["a.txt", "c.txt"]


def test_org_with_text(library):
    assert names(library, "org:HWU wages") == ["c.txt"]
    assert names(library, 'org:"Harbour Workers Union" deal') == ["a.txt"]


def test_org_unknown_gives_nothing(library):
    assert names(library, "org:Nobody Inc") == []


def test_blank_gives_everything_and_junk_gives_nothing(library):
    assert names(library, "  ") == ["a.txt", "b.txt", "c.txt", "d.txt"]
    assert names(library, "!!!") == []


@pytest.mark.parametrize("query", ['"', '""', "*", "org:\"", "(", "NEAR(", "a OR", "-x", "^", "\x00", "ü*",
                                   "title:harbour", "{body}: x", "\"a\" AND \"b", "org:" + "x" * 5000])
def test_odd_input_never_raises(library, query):
    assert isinstance(library.search(query), list)
