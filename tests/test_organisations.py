"""Organisation recognition, merging and the folder-wide index (reader.organisations.recognise)."""
from __future__ import annotations

from pathlib import Path

import pytest

from reader.organisations.recognise import (
    IndexEntry, OrganisationIndex, find_organisations, org_spans, organisations_of, with_folder_names,
)
from reader.record import Article, Mention, Organisation

ARTICLES = Path(__file__).resolve().parent.parent / "articles"

# Sample 000 as the pipeline hands it over (words fused at line ends repaired).
SAMPLE_000 = "\n\n".join([
    "ISLAMABAD: The government of Pakistan’s Balochistan province has resolved to initiate "
    "stringent actions against more than 300 individuals allegedly involved in militant "
    "activities. According to an official statement released by the provincial administration, "
    "the move was finalized during a high-level meeting chaired by Balochistan Chief Minister "
    "Mir Sarfaraz Bugti.",
    "The announcement highlights a comprehensive strategy to accelerate the prosecution of cases "
    "against the leadership of several banned entities, such as the Baloch Liberation Army (BLA), "
    "Baloch Liberation Front (BLF), United Baloch Army (UBA), Baloch Republican Guards (BRG), "
    "Baloch Republican Army (BRA), and Lashkar-e-Balochistan.",
    "Chief Minister Bugti directed relevant authorities to collaborate with the federal Ministry "
    "of Interior and Ministry of Foreign Affairs to expedite the issuance of red notices through "
    "Interpol. In his remarks during the meeting, Bugti asserted that full-scale operations would "
    "be conducted under the guidelines of the Provincial Action Plan.",
    "Balochistan, rich in natural resources yet marred by underdevelopment and ethnic tensions, "
    "has long been a hotspot for insurgent activities.",
    "This development comes at a time when Pakistan is intensifying its fight against terrorism. "
    "The focus on Interpol red notices reflects a strategic pivot.",
])


def names(text: str) -> list[str]:
    return [m.text for m in find_organisations(text)]


def org_named(orgs, name):
    return next((o for o in orgs if o.name == name), None)


# -- the samples -------------------------------------------------------------------------

def test_sample_000_every_organisation_found():
    orgs = organisations_of(SAMPLE_000)
    got = {o.name: set(o.aliases) for o in orgs}
    assert got == {
        "Baloch Liberation Army": {"BLA"},
        "Baloch Liberation Front": {"BLF"},
        "United Baloch Army": {"UBA"},
        "Baloch Republican Guards": {"BRG"},
        "Baloch Republican Army": {"BRA"},
        "Lashkar-e-Balochistan": set(),
        "Ministry of Interior": set(),
        "Ministry of Foreign Affairs": set(),
        "Interpol": set(),
    }
    assert len(org_named(orgs, "Interpol").mentions) == 2


def test_sample_001_every_organisation_found_and_merged():
    text = (ARTICLES / "001_f04f2131fcbc8157.txt").read_text(encoding="utf-8")
    orgs = organisations_of(text)
    got = {o.name: set(o.aliases) for o in orgs}
    assert got == {
        "International Criminal Police Organisation": {"Interpol"},
        "Chief Minister’s Secretariat": set(),
        "Balochistan Liberation Army": {"BLA"},
        "Balochistan Liberation Front": {"BLF"},
        "United Baloch Army": set(),
        "Baloch Revolution Group": set(),
        "Lashkar-i-Balochistan": set(),
    }
    interpol = org_named(orgs, "International Criminal Police Organisation")
    assert [m.text for m in interpol.mentions].count("Interpol") == 4  # "Interpol’s" included


@pytest.mark.parametrize("path", [ARTICLES / "000_788af3e886619c0f.txt", ARTICLES / "001_f04f2131fcbc8157.txt"])
def test_samples_highlight_no_place_title_or_person(path):
    text = path.read_text(encoding="utf-8")
    highlighted = set(names(text))
    for word in ("Balochistan", "Pakistan", "Islamabad", "Chief Minister", "CM", "Bugti",
                 "Sarfaraz Bugti", "Mir Sarfaraz Bugti", "Thursday", "Provincial Action Plan"):
        assert word not in highlighted


def test_mentions_index_into_the_text_and_do_not_overlap():
    text = (ARTICLES / "001_f04f2131fcbc8157.txt").read_text(encoding="utf-8")
    mentions = find_organisations(text)
    assert mentions == sorted(mentions, key=lambda m: m.start)
    for m in mentions:
        assert text[m.start:m.end] == m.text
    for a, b in zip(mentions, mentions[1:]):
        assert a.end <= b.start
    assert find_organisations(text) == mentions  # deterministic
    assert org_spans(text) == [(m.start, m.end) for m in mentions]


# -- hard cases ------------------------------------------------------------------------------

HARD_CASES = [
    # acronym definitions, both orders, and later bare uses
    ("The Tehreek-e-Taliban Pakistan (TTP) said the TTP would respond.",
     ["Tehreek-e-Taliban Pakistan", "TTP", "TTP"]),
    ("Fighters of the Zomian Freedom Front (ZFF) attacked a post. ZFF later denied it.",
     ["Zomian Freedom Front", "ZFF", "ZFF"]),
    ("Officials of the QRM (Qarnic Resistance Movement) met. The QRM said nothing.",
     ["QRM", "Qarnic Resistance Movement", "QRM"]),
    # nested names inside a longer sentence
    ("He asked the federal Ministry of Interior to act within a week.", ["Ministry of Interior"]),
    ("The Bank of England raised rates.", ["Bank of England"]),
    ("A report by the Department of Trade and Industry was published.",
     ["Department of Trade and Industry"]),
    # names at the start of a sentence
    ("Interpol issued a notice. Ministry of Foreign Affairs officials declined to comment.",
     ["Interpol", "Ministry of Foreign Affairs"]),
    # possessives
    ("The government would seek Interpol’s assistance and Interpol's database.",
     ["Interpol", "Interpol"]),
    ("According to the Chief Minister’s Secretariat, the meeting ended.",
     ["Chief Minister’s Secretariat"]),
    # all-capital headlines
    ("NATO AND REUTERS IN TALKS\nNATO said on Monday it was talking to Reuters.",
     ["NATO", "REUTERS", "NATO", "Reuters"]),
    # hyphenated names, South Asian forms
    ("Lashkar-e-Taiba and Jaish-e-Mohammad were banned, as was Lashkar-e-Zomia.",
     ["Lashkar-e-Taiba", "Jaish-e-Mohammad", "Lashkar-e-Zomia"]),
    ("Leaders of Jamiat Ulema-e-Islam and Pakistan Tehreek-e-Insaf met.",
     ["Jamiat Ulema-e-Islam", "Pakistan Tehreek-e-Insaf"]),
    ("Shares of Acme Widgets Corp. rose while Fiat SpA fell.", ["Acme Widgets Corp.", "Fiat SpA"]),
    ("Shares of Procter & Gamble rose.", ["Procter & Gamble"]),
    # the leading "the" stays outside
    ("The United Nations and the World Bank disagreed.", ["United Nations", "World Bank"]),
    # consistency: recognised once, recognised at every mention
    ("Farlow Holdings Inc. said profit rose. Farlow expects more next year.",
     ["Farlow Holdings Inc.", "Farlow"]),
]


@pytest.mark.parametrize("text, expected", HARD_CASES)
def test_hard_cases(text, expected):
    assert names(text) == expected


NOT_ORGANISATIONS = [
    "Balochistan Chief Minister Mir Sarfaraz Bugti met the Prime Minister on Monday in Quetta.",
    "CM Bugti said Pakistan and Afghanistan would talk in March.",
    "Henry Ford was born in Michigan.",
    "The West Bank and the Soviet Union were discussed.",
    "THE GOVERNMENT OF THE UNITED STATES SAID SO\nIt did.",
    "GDP grew by 3 percent, the IMF said.",  # only the IMF
    "Let the SUV with AWD charge over USB. Who knows?",
    "The Plug & Charge feature works. WHO CARES, THEY SAID\nNo one.",
    "IRVINE, Calif. 1996-08-30\nThe weather was fine.",
]


@pytest.mark.parametrize("text", NOT_ORGANISATIONS)
def test_places_titles_people_are_not_organisations(text):
    assert [n for n in names(text) if n != "IMF"] == []


# -- merging -------------------------------------------------------------------------------

MERGES = [
    # (text, canonical name, the other surface forms)
    ("Interpol, or the International Criminal Police Organisation, helps. Interpol’s notices.",
     "International Criminal Police Organisation", ("Interpol",)),
    ("The Baloch Liberation Army (BLA) and the Balochistan Liberation Army (BLA) are one.",
     "Balochistan Liberation Army", ("Baloch Liberation Army", "BLA")),
    ("Lashkar-e-Balochistan claimed it; Lashkar-i-Balochistan denied it.",
     "Lashkar-e-Balochistan", ("Lashkar-i-Balochistan",)),
    ("The World Health Organisation and the World Health Organization.",
     "World Health Organisation", ("World Health Organization",)),
    ("The UN said. The United Nations agreed.", "United Nations", ("UN",)),
]


@pytest.mark.parametrize("text, name, aliases", MERGES)
def test_merging_within_a_text(text, name, aliases):
    orgs = organisations_of(text)
    assert len(orgs) == 1
    assert orgs[0].name == name
    assert set(orgs[0].aliases) == set(aliases)


def test_different_long_forms_of_one_acronym_stay_apart():
    text = ("The Baloch Republican Guards (BRG) and the Baloch Revolution Group (BRG) differ.")
    assert {o.name for o in organisations_of(text)} == {"Baloch Republican Guards", "Baloch Revolution Group"}


def test_organisations_ordered_by_first_mention():
    orgs = organisations_of("Reuters spoke to NATO. Then NATO spoke to Reuters and the IMF.")
    assert [o.name for o in orgs] == ["Reuters", "North Atlantic Treaty Organization", "International Monetary Fund"]
    assert [len(o.mentions) for o in orgs] == [2, 2, 1]


# -- the folder-wide index -----------------------------------------------------------------

def article(path: str, text: str, index: int = 0) -> Article:
    paragraphs = tuple(text.split("\n\n"))
    return Article(path=path, format="txt", title="", date=None, authors=(), dateline=None,
                   paragraphs=paragraphs, links=(), tags=(), warnings=(),
                   organisations=organisations_of("\n\n".join(paragraphs)), index=index)


def test_index_merges_the_samples():
    index = OrganisationIndex()
    index.add(article("a.txt", SAMPLE_000))
    index.add(article("b.txt", (ARTICLES / "001_f04f2131fcbc8157.txt").read_text(encoding="utf-8")))
    bla = index.entry_for("BLA")
    assert isinstance(bla, IndexEntry)
    assert bla.name == "Balochistan Liberation Army"
    assert set(bla.aliases) >= {"Baloch Liberation Army", "BLA"}
    assert bla.articles == ("a.txt", "b.txt")
    assert bla.mentions == 4
    assert index.entry_for("Baloch Liberation Army") == bla
    assert index.entry_for("Lashkar-i-Balochistan") == index.entry_for("Lashkar-e-Balochistan")
    assert len(index.entry_for("Lashkar-e-Balochistan").articles) == 2
    interpol = index.entry_for("Interpol")
    assert interpol.name == "International Criminal Police Organisation"
    assert interpol.articles == ("a.txt", "b.txt")
    assert index.entry_for("Baloch Republican Guards") != index.entry_for("Baloch Revolution Group")
    entries = index.entries()
    assert entries[0].name in {"International Criminal Police Organisation", "Balochistan Liberation Army",
                               "Balochistan Liberation Front"}
    assert [len(e.articles) for e in entries] == sorted((len(e.articles) for e in entries), reverse=True)
    assert index.articles_naming("Interpol") == ["a.txt", "b.txt"]
    assert index.articles_naming("Ministry of Interior") == ["a.txt"]
    assert index.articles_naming("Nobody at all") == []
    assert index.entry_for("Balochistan") is None


def test_index_bare_acronym_joins_its_long_form_across_articles():
    index = OrganisationIndex()
    index.add(article("1.txt", "The BLA claimed the attack."))
    index.add(article("2.txt", "The Baloch Liberation Army (BLA) denied it."))
    index.add(article("3.txt", "The Balochistan Liberation Army (BLA) spoke."))
    entry = index.entry_for("BLA")
    assert entry.articles == ("1.txt", "2.txt", "3.txt")
    assert entry.name == "Balochistan Liberation Army"
    assert len(index.entries()) == 1


def test_index_remove_and_replace():
    index = OrganisationIndex()
    index.add(article("1.txt", "Reuters and NATO."))
    index.add(article("2.txt", "Reuters again."))
    assert index.articles_naming("Reuters") == ["1.txt", "2.txt"]
    index.remove("1.txt")
    assert index.articles_naming("Reuters") == ["2.txt"]
    assert index.entry_for("NATO") is None
    index.add(article("2.txt", "Nothing here."))  # replacing an article drops its old names
    assert index.entries() == []
    index.add(article("multi.json", "The IMF lent.", index=3))
    assert index.articles_naming("International Monetary Fund") == ["multi.json#3"]


def test_index_sorts_by_articles_then_mentions():
    index = OrganisationIndex()
    index.add(article("1.txt", "NATO, NATO, NATO and Reuters."))
    index.add(article("2.txt", "Reuters and the IMF."))
    assert [e.name for e in index.entries()] == [
        "Reuters", "North Atlantic Treaty Organization", "International Monetary Fund"]
    assert [e.mentions for e in index.entries()] == [2, 3, 1]


# -- any text ----------------------------------------------------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

_WORDS = st.sampled_from([
    "the", "of", "and", "Army", "Bank", "Ministry", "Interpol", "BLA", "(", ")", "(BLA)", "’s",
    "Lashkar-e-", "Baloch", "Liberation", "NATO", "Inc.", "&", "\n", "\n\n", ".", ",", "Corp.",
    "REUTERS", "Co", "X", "é", "Öl", "Chief", "Minister", "Secretariat", "U.S.", "-", "'s",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=40), st.sampled_from([" ", "", "  "]))
def test_any_text_gives_sorted_disjoint_mentions_that_match_the_text(words, sep):
    text = sep.join(words)
    mentions = find_organisations(text)
    last_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert m.start >= last_end
        assert text[m.start:m.end] == m.text
        assert m.name
        last_end = m.end
    assert sum(len(o.mentions) for o in organisations_of(text)) == len(mentions)


def test_long_capitalised_runs_and_acronym_after_them():
    text = " ".join(["Alpha Beta Gamma Delta"] * 500) + " (ABGD) " + "NATO, " * 2000
    mentions = find_organisations(text)
    assert mentions[0].text == "Alpha Beta Gamma Delta" and mentions[0].start == len(text.split(" (")[0]) - 22
    assert sum(m.text == "NATO" for m in mentions) == 2000


def test_an_acronym_the_text_defines_beats_the_gazetteers_meaning():
    orgs = organisations_of("The Federal Audit Office (FAO) released a report. The FAO said spending rose.")
    assert [(o.name, o.aliases, len(o.mentions)) for o in orgs] == [("Federal Audit Office", ("FAO",), 3)]


def test_a_defined_acronym_that_is_also_a_word_is_tagged():
    text = "The World Health Organization (WHO) warned on Monday. WHO officials met. Who knows?"
    (org,) = organisations_of(text)
    assert org.name == "World Health Organization" and [m.text for m in org.mentions][1:] == ["WHO", "WHO"]


def test_titles_with_acronyms_are_not_organisations():
    assert organisations_of("Chief Minister (CM) Bugti spoke. The CM left.") == ()


# -- names the folder knows, marked in every article (issue 4) -------------------------------

def folder(*texts: str) -> tuple[OrganisationIndex, list[Article]]:
    index = OrganisationIndex()
    arts = [article(f"{i}.txt", t) for i, t in enumerate(texts)]
    for a in arts:
        index.add(a)
    return index, arts


def marked(a: Article) -> list[tuple[str, str]]:
    return sorted(((m.text, m.name) for o in a.organisations for m in o.mentions),
                  key=lambda tm: a.text.index(tm[0]))


FOLDER_CASES = [
    # (article A: where the evidence is, article B: shown, B's marks after, B's marks before)
    ("The Alliance for Independent Media (AIM) filed a complaint.",
     "AIM said it would appeal.",
     [("AIM", "Alliance for Independent Media")], []),
    # a company named by its head noun in A, then by its short name; in B only the short
    # name, at the start of a sentence; "Magna Carta" is another name
    ("Magna International Inc. said on Monday. Later Magna expects growth.",
     "Magna said profits rose.\n\nThe Magna Carta is old.",
     [("Magna", "Magna International Inc.")], []),
    # a cue word in A ("the Italian club"), nothing but the name in B
    ("The Italian club Atalanta Bergamo won.",
     "Atalanta Bergamo lost on Sunday.",
     [("Atalanta Bergamo", "Atalanta Bergamo")], []),
    # the new mention joins B's own organisation of the same name
    ("The Alliance for Independent Mariners (AIM) filed a complaint.",
     "The Alliance for Independent Mariners met. AIM said it would appeal.",
     [("Alliance for Independent Mariners", "Alliance for Independent Mariners"),
      ("AIM", "Alliance for Independent Mariners")],
     [("Alliance for Independent Mariners", "Alliance for Independent Mariners")]),
    # an acronym written as a word, or on an all-capital headline, is not the acronym
    ("The Alliance for Independent Media (AIM) filed a complaint.",
     "AIM HIGH, SAYS COACH\n\nOur aim is to win. Aim high.",
     [], []),
    # a known name inside a longer name is not marked, at either end
    ("The Italian club Atalanta Bergamo won.",
     "Fans of Real Atalanta Bergamo cheered. Atalanta Bergamo Town lost.",
     [], []),
]


@pytest.mark.parametrize("a_text, b_text, after, before", FOLDER_CASES)
def test_folder_names_marked_in_another_article(a_text, b_text, after, before):
    index, (_, b) = folder(a_text, b_text)
    assert marked(b) == before
    shown = with_folder_names(b, index)
    assert marked(shown) == after
    if after == before:
        assert shown is b


def test_folder_places_titles_and_common_words_are_never_marked():
    # an index that (wrongly) knows places, titles, days and words as names of an organisation
    text = "Pakistan Army"
    org = Organisation("Pakistan Army", ("Pakistan", "Army", "Monday", "Chief Minister", "New York", "The"),
                       (Mention(0, 13, text, "Pakistan Army"),))
    a = Article(path="a.txt", format="txt", title="", date=None, authors=(), dateline=None,
                paragraphs=(text,), links=(), tags=(), warnings=(), organisations=(org,))
    index = OrganisationIndex()
    index.add(a)
    b = article("b.txt", "Pakistan said on Monday that the Army and the Chief Minister met in New York. The end.")
    index.add(b)
    assert with_folder_names(b, index) is b


def test_folder_names_idempotent_offsets_on_the_text_no_overlaps():
    index, (a, b, c) = folder(
        "The Alliance for Independent Mariners (AIM) and the Italian club Atalanta Bergamo.",
        "AIM spoke.\n\nAtalanta Bergamo and Alliance for Independent Mariners. AIM again, then Reuters.",
        "Nothing to see here.")
    shown = with_folder_names(b, index)
    assert shown is not b and shown.paragraphs == b.paragraphs and shown.key == b.key
    assert with_folder_names(shown, index) == shown
    assert with_folder_names(c, index) is c
    text = shown.text
    mentions = sorted((m for o in shown.organisations for m in o.mentions), key=lambda m: m.start)
    assert [m.text for m in mentions] == ["AIM", "Atalanta Bergamo", "Alliance for Independent Mariners", "AIM",
                                          "Reuters"]
    last = 0
    for m in mentions:
        assert text[m.start:m.end] == m.text and m.start >= last
        last = m.end
    for o in shown.organisations:
        assert all(m.name == o.name for m in o.mentions)
        assert o.name not in o.aliases
    aim = next(o for o in shown.organisations if o.name == "Alliance for Independent Mariners")
    assert [m.text for m in aim.mentions] == ["AIM", "Alliance for Independent Mariners", "AIM"]
    assert aim.aliases == ("AIM",)


def test_a_name_marked_from_the_folder_says_so():
    index, (_, b) = folder("The Alliance for Independent Media (AIM) filed a complaint.",
                           "AIM said it would appeal.")
    shown = with_folder_names(b, index)
    assert [m.why for o in shown.organisations for m in o.mentions] == [
        "named so in another article of the folder"]
