"""A corrections value taken by an open folder: stored, the index and org: search follow,
and only the articles the edit touches are corrected again (plain pytest)."""
from __future__ import annotations

from conftest_ui import news, stand_in_discover, stand_in_load  # noqa: F401

from reader.corrections import Corrections
from reader.corrections.store import load
from reader.library import Library
from reader.library.corrected import correct


def opened(folder) -> Library:
    library = Library(cache=False, load=stand_in_load, discover=stand_in_discover)
    library.open([folder], jobs=1)
    return library


def test_refusing_a_name_takes_it_out_of_the_index_search_and_list(news):
    library = opened(news)
    assert sorted(library.search("org:Red Cross")) == [str(news / "a.txt")]
    changed = correct(library, Corrections().not_organisation("Red Cross"))
    assert list(changed) == [str(news / "a.txt")]
    assert [o.name for o in changed[str(news / "a.txt")].organisations] == ["United Nations"]
    assert library.search("org:Red Cross") == []
    assert library.index.entry_for("Red Cross") is None
    assert load().corrections.not_organisations == ("Red Cross",)  # stored


def test_undoing_gives_the_folder_back_as_the_recogniser_had_it(news):
    library = opened(news)
    before = library.articles_naming("Acme Corporation")
    refused = Corrections().not_organisation("Acme Corporation", "Acme")
    correct(library, refused)
    assert library.articles_naming("Acme Corporation") == []
    assert list(correct(library, Corrections())) == [str(news / "b.txt")]
    assert library.articles_naming("Acme Corporation") == before
    assert load().corrections == Corrections()


def test_a_marked_name_is_counted_in_every_article_naming_it(news):
    library = opened(news)
    changed = correct(library, Corrections().mark("Analysts"))
    assert list(changed) == [str(news / "b.txt")]
    assert library.articles_naming("Analysts") == [str(news / "b.txt")]
    assert library.search("org:Analysts") == [str(news / "b.txt")]


def test_a_folder_opened_with_corrections_is_indexed_corrected(news):
    library = Library(cache=False, load=stand_in_load, discover=stand_in_discover)
    library.corrections = Corrections().not_organisation("Red Cross")
    library.open([news], jobs=1)
    assert library.articles_naming("Red Cross") == []


def test_a_value_that_cannot_be_stored_changes_nothing(news):
    library = opened(news)

    def refuse(value):
        raise PermissionError(13, "Permission denied")

    try:
        correct(library, Corrections().not_organisation("Red Cross"), save=refuse)
    except OSError:
        pass
    else:
        raise AssertionError("the error should reach the caller")
    assert library.corrections is None
    assert library.articles_naming("Red Cross") == [str(news / "a.txt")]
