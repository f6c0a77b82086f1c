"""The user's corrections: the value's edits, and the article as corrected (plain pytest)."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from reader.corrections import CORRECTION, RECOGNISER, CorrectionError, Corrections, Corrector, Entry, apply
from reader.record import Article, Mention, Organisation


def article(text: str, orgs: dict[str, list[str]] | None = None, path: str = "a.txt") -> Article:
    """An article whose recogniser found ``orgs`` (name -> surfaces, each marked wherever
    it occurs as whole words), as :func:`reader.organisations.recognise` would give it."""
    paragraphs = tuple(text.split("\n\n"))
    text = "\n\n".join(paragraphs)
    found = sorted(((m.start(), m.end(), name) for name, surfaces in (orgs or {}).items() for s in surfaces
                    for m in re.finditer(rf"(?<!\w){re.escape(s)}(?!\w)", text)), key=lambda f: (f[0], -f[1]))
    by_name: dict[str, list[Mention]] = {}
    end = 0
    for start, stop, name in found:  # longest first where two start together; no overlaps
        if start >= end:
            by_name.setdefault(name, []).append(Mention(start, stop, text[start:stop], name))
            end = stop
    organisations = [Organisation(name, tuple(dict.fromkeys(m.text for m in ms if m.text != name)), tuple(ms))
                     for name, ms in by_name.items()]
    organisations.sort(key=lambda o: o.mentions[0].start)
    return Article(path, "txt", "A title", None, (), None, paragraphs, (), (), (), tuple(organisations))


def shown(a: Article) -> dict[str, list[str]]:
    """What the panel would list: name -> the surfaces marked, in text order."""
    for org in a.organisations:
        for m in org.mentions:
            assert a.text[m.start:m.end] == m.text and m.name == org.name
    return {org.name: [m.text for m in org.mentions] for org in a.organisations}


def sources(a: Article) -> dict[str, str]:
    return {org.name: org.source for org in a.organisations}


WEWORK = ("WeWork said on Tuesday that Neumann would step down. Neumann founded the company "
          "with SoftBank money.\n\nSoftBank Group Corp declined to comment.")


# ---------------------------------------------------------------- edits

def test_every_edit_returns_a_new_value_and_leaves_the_old_one():
    empty = Corrections()
    steps = [empty]
    steps.append(steps[-1].not_organisation("Neumann"))
    steps.append(steps[-1].mark("Flatiron Health"))
    steps.append(steps[-1].add_alias("Flatiron Health", "Flatiron"))
    steps.append(steps[-1].merge("SoftBank", "SoftBank Group"))
    steps.append(steps[-1].rename("SoftBank Group", "SoftBank Group Corp"))
    steps.append(steps[-1].remove("Neumann"))
    assert empty == Corrections() and not empty
    assert all(a != b for a, b in zip(steps, steps[1:]))  # each step is a change an undo can revert
    assert steps[-1] == Corrections(organisations=(
        Entry("Flatiron Health", ("Flatiron",)),
        Entry("SoftBank Group Corp", ("SoftBank Group", "SoftBank"))))


def test_not_organisation_takes_the_name_out_of_entries():
    c = Corrections().mark("Acme Corp", ["Acme", "ACME"]).mark("Neumann")
    c = c.not_organisation("Neumann", "Acme")
    assert c.not_organisations == ("Neumann", "Acme")
    assert c.organisations == (Entry("Acme Corp", ("ACME",)),)  # the entry named only Neumann went
    c = c.not_organisation("Acme Corp")
    assert c.organisations == (Entry("ACME"),)  # lost its name: named by its next alias
    assert c.not_organisation("Neumann") == c  # refusing twice changes nothing


def test_mark_joins_the_entry_the_name_belongs_to_and_takes_aliases_from_others():
    c = Corrections().mark("SoftBank Group", ["SoftBank"]).mark("Vision Fund", ["SVF"])
    c = c.mark("SoftBank Group", ["SBG", "SVF"])
    assert c.organisations == (Entry("SoftBank Group", ("SBG", "SVF", "SoftBank")), Entry("Vision Fund"))
    assert c.mark("SoftBank", []).organisations[0] == Entry("SoftBank", ("SoftBank Group", "SBG", "SVF"))


def test_marking_a_refused_name_takes_the_refusal_back():
    c = Corrections().not_organisation("Apple").mark("Apple")
    assert c.not_organisations == () and c.entry_for("Apple") == Entry("Apple")


def test_add_alias_to_an_entry_or_to_an_organisation_the_recogniser_found():
    c = Corrections().add_alias("Magna International", "Magna")
    assert c.organisations == (Entry("Magna International", ("Magna",)),)
    c = c.add_alias("Magna", "Magna Intl")  # an alias names the entry too
    assert c.organisations == (Entry("Magna International", ("Magna", "Magna Intl")),)


def test_merge_one_organisation_into_another():
    c = Corrections().merge("SoftBank", "SoftBank Group")
    assert c.organisations == (Entry("SoftBank Group", ("SoftBank",)),)
    c = c.mark("SVF", ["Vision Fund"]).merge("Vision Fund", "SoftBank")
    assert c.organisations == (Entry("SoftBank Group", ("SoftBank", "SVF", "Vision Fund")),)
    assert c.merge("SVF", "SoftBank Group") == c  # already one
    assert Corrections().merge("WeWork", "WeWork") == Corrections()


def test_rename_keeps_the_old_name_as_an_alias_and_merges_into_a_taken_name():
    c = Corrections().rename("Softbank", "SoftBank Group")
    assert c.organisations == (Entry("SoftBank Group", ("Softbank",)),)
    c = c.mark("Vision Fund").rename("Vision Fund", "SoftBank Group")
    assert c.organisations == (Entry("SoftBank Group", ("Softbank", "Vision Fund")),)
    assert c.rename("SoftBank Group", "SoftBank Group") == c


def test_remove_an_entry_a_refusal_or_an_alias():
    c = Corrections().mark("SoftBank Group", ["SoftBank", "SBG"]).not_organisation("Neumann")
    assert c.remove("Neumann").not_organisations == ()
    assert c.remove("SBG").organisations == (Entry("SoftBank Group", ("SoftBank",)),)
    assert c.remove(c.organisations[0]).organisations == ()
    assert c.remove("SoftBank Group").organisations == ()
    assert c.remove("Nothing") == c


@pytest.mark.parametrize("bad", ["", "   ", "--", "x" * 201])
def test_names_that_could_never_be_found_are_refused_with_a_reason(bad):
    with pytest.raises(CorrectionError) as err:
        Corrections().mark(bad)
    assert "\n" not in str(err.value) and str(err.value)


def test_names_are_stored_with_their_spaces_tidied():
    assert Corrections().mark("  SoftBank \n Group ").organisations == (Entry("SoftBank Group"),)


# ---------------------------------------------------------------- apply

def test_a_persons_surname_refused_goes_in_every_article():
    one = article(WEWORK, {"WeWork": ["WeWork"], "Neumann": ["Neumann"]})
    two = article("Neumann spoke in Tel Aviv.", {"Neumann": ["Neumann"]}, path="b.txt")
    c = Corrections().not_organisation("Neumann")
    assert shown(apply(one, c)) == {"WeWork": ["WeWork"]}
    assert apply(two, c).organisations == ()
    assert apply(one, c).organisations[0] is one.organisations[0]  # the rest as it was


def test_a_missed_company_marked_is_found_wherever_it_occurs():
    text = "Flatiron Health, a cancer-data firm, sold itself to Roche.\n\nRoche paid $1.9bn for Flatiron Health."
    a = article(text, {"Roche": ["Roche"]})
    fixed = apply(a, Corrections().mark("Flatiron Health"))
    assert shown(fixed) == {"Flatiron Health": ["Flatiron Health", "Flatiron Health"], "Roche": ["Roche", "Roche"]}
    assert sources(fixed) == {"Flatiron Health": CORRECTION, "Roche": RECOGNISER}
    assert fixed.organisations[0].mentions[1].start == text.rindex("Flatiron Health")
    assert {m.why for m in fixed.organisations[0].mentions} == {"your corrections"}


def test_softbank_merged_into_softbank_group():
    text = ("SoftBank Group said it would sell shares. SoftBank has lost money on WeWork.\n\n"
            "A SoftBank spokesman declined to comment.")
    a = article(text, {"SoftBank Group": ["SoftBank Group"], "SoftBank": ["SoftBank"], "WeWork": ["WeWork"]})
    fixed = apply(a, Corrections().merge("SoftBank", "SoftBank Group"))
    assert shown(fixed) == {"SoftBank Group": ["SoftBank Group", "SoftBank", "SoftBank"], "WeWork": ["WeWork"]}
    org = fixed.organisations[0]
    assert org.aliases == ("SoftBank",) and org.source == CORRECTION
    assert {m.name for m in org.mentions} == {"SoftBank Group"}


def test_an_acronyms_case_matters():
    text = "NASA and the ESA signed. Nasa officials said the nasal spray and NASAL are unrelated."
    fixed = apply(article(text), Corrections().mark("NASA"))
    assert shown(fixed) == {"NASA": ["NASA"]}


def test_names_are_found_as_whole_words_only():
    text = "Acme sold Acmeville land to SuperAcme; Acme's shares rose (Acme)."
    assert shown(apply(article(text), Corrections().mark("Acme"))) == {"Acme": ["Acme", "Acme", "Acme"]}


def test_an_alias_names_the_organisation_a_recogniser_found_under_it():
    text = "Alphabet Inc. reported results. Google's parent, Alphabet, beat forecasts."
    a = article(text, {"Alphabet Inc.": ["Alphabet Inc."], "Google": ["Google"]})
    fixed = apply(a, Corrections().mark("Alphabet", ["Alphabet Inc.", "Google"]))
    assert shown(fixed) == {"Alphabet": ["Alphabet Inc.", "Google", "Alphabet"]}
    assert fixed.organisations[0].aliases == ("Alphabet Inc.", "Google")


def test_a_name_inside_a_longer_mention_leaves_the_article_as_it_was():
    a = article("Apple Daily closed in Hong Kong.", {"Apple Daily": ["Apple Daily"]})
    assert apply(a, Corrections().mark("Apple")) is a


def test_a_marked_name_overlapping_a_recognised_one_wins():
    text = "The Lima Harbour Board met. Lima Harbour traffic fell."
    a = article(text, {"Harbour Board": ["Harbour Board"]})
    fixed = apply(a, Corrections().mark("Lima Harbour"))
    assert shown(fixed) == {"Lima Harbour": ["Lima Harbour", "Lima Harbour"]}


def test_an_organisation_whose_every_name_is_refused_goes_and_one_left_with_another_is_renamed():
    text = "The PDF and the XLS files. WHO, the World Health Organization, said so."
    a = article(text, {"PDF": ["PDF"], "XLS": ["XLS"], "WHO": ["WHO", "World Health Organization"]})
    fixed = apply(a, Corrections().not_organisation("PDF", "XLS", "WHO"))
    assert shown(fixed) == {"World Health Organization": ["World Health Organization"]}


def test_an_article_the_corrections_do_not_touch_is_the_same_object():
    a = article(WEWORK, {"WeWork": ["WeWork"]})
    c = Corrections().mark("Flatiron Health").not_organisation("PDF")
    assert apply(a, c) is a and apply(a, Corrections()) is a


def test_the_corrector_lists_only_the_articles_it_changes():
    arts = [article(WEWORK, {"WeWork": ["WeWork"], "Neumann": ["Neumann"]}, path="a.txt"),
            article("Roche bought a firm.", {"Roche": ["Roche"]}, path="b.txt"),
            article("Flatiron Health grew.", path="c.txt")]
    changed = Corrector(Corrections().not_organisation("Neumann").mark("Flatiron Health")).changed(arts)
    assert sorted(changed) == ["a.txt", "c.txt"]
    assert shown(changed["c.txt"]) == {"Flatiron Health": ["Flatiron Health"]}


def test_names_with_spaces_match_across_a_non_breaking_space():
    text = "Shares of SoftBank\u00a0Group fell."
    fixed = apply(article(text), Corrections().mark("SoftBank Group"))
    assert [m.text for m in fixed.organisations[0].mentions] == ["SoftBank\u00a0Group"]


def test_many_entries_share_one_expression():
    c = Corrections()
    for i in range(300):
        c = c.mark(f"Company{i} Holdings", [f"CH{i}"])
    text = "CH7 and Company12 Holdings merged; CH70 did not; CH700 is no entry."
    assert shown(apply(article(text), c)) == {
        "Company7 Holdings": ["CH7"], "Company12 Holdings": ["Company12 Holdings"], "Company70 Holdings": ["CH70"]}


def test_the_cache_keeps_where_an_organisation_came_from():
    from reader.library.codec import decode_articles, encode_articles

    fixed = apply(article(WEWORK, {"WeWork": ["WeWork"]}), Corrections().mark("SoftBank"))
    assert sources(fixed) == {"WeWork": RECOGNISER, "SoftBank": CORRECTION}
    assert decode_articles(encode_articles([fixed])) == [fixed]


def test_the_json_export_says_where_each_organisation_came_from():
    import json

    from reader.export import render, to_json

    fixed = apply(article(WEWORK, {"WeWork": ["WeWork"]}), Corrections().mark("SoftBank"))
    exported = json.loads(render(fixed, "json"))
    assert [(o["name"], o["source"]) for o in exported["organisations"]] == [
        ("WeWork", "recogniser"), ("SoftBank", "correction")]
    assert "source" not in to_json(fixed)["organisations"][0]  # clean --json keeps its keys


def test_an_imported_file_wins_where_it_disagrees():
    stored = Corrections().mark("SoftBank").not_organisation("Vision Fund")
    incoming = Corrections((Entry("SoftBank Group", ("SoftBank", "Vision Fund")),), ("Neumann",))
    assert stored.merged_with(incoming) == Corrections(
        (Entry("SoftBank Group", ("SoftBank", "Vision Fund")),), ("Neumann",))


NAMES = ["SoftBank", "SoftBank Group", "SBG", "Neumann", "WeWork", "NASA", "Vision Fund"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["not", "mark", "alias", "merge", "rename", "remove"]),
                          st.sampled_from(NAMES), st.lists(st.sampled_from(NAMES), max_size=3)), max_size=12))
def test_any_sequence_of_edits_keeps_the_value_consistent(steps):
    from reader.corrections import dumps, parse

    c = Corrections()
    for op, name, others in steps:
        other = others[0] if others else name
        c = {"not": lambda: c.not_organisation(name, *others), "mark": lambda: c.mark(name, others),
             "alias": lambda: c.add_alias(name, other), "merge": lambda: c.merge(name, other),
             "rename": lambda: c.rename(name, other), "remove": lambda: c.remove(name)}[op]()
        forms = [f for e in c.organisations for f in e.forms]
        assert len(forms) == len(set(forms))  # a name belongs to one entry at most
        assert not set(forms) & set(c.not_organisations)  # and is never refused as well
        assert parse(dumps(c)) == c


def test_the_library_shows_and_exports_articles_corrected(tmp_path):
    from conftest import write

    from reader.library import Library

    write(tmp_path / "src" / "a.txt", "Quarterly results\n\nShares of Quillfeather Pharma rose after "
          "the World Health Organization approved its vaccine.\n")
    library = Library(cache=False)
    try:
        library.open([tmp_path / "src"], jobs=1)
        [a] = library.articles.values()
        assert "Quillfeather Pharma Group" not in shown(library.as_shown(a))
        library.corrections = Corrections().add_alias("Quillfeather Pharma Group", "Quillfeather Pharma")
        assert shown(library.as_shown(a))["Quillfeather Pharma Group"] == ["Quillfeather Pharma"]
        report = library.export_all([a], tmp_path / "out", "json")
        assert len(report.written) == 1
        assert '"source": "correction"' in report.written[0].read_text("utf-8")
    finally:
        library.close()


ARTICLES = [
    article(WEWORK, {"WeWork": ["WeWork"], "Neumann": ["Neumann"], "SoftBank Group Corp": ["SoftBank Group Corp"]},
            path="a.txt"),
    article("SoftBank Group and SoftBank's Vision Fund (SVF) invested in WeWork and NASA.",
            {"SoftBank Group": ["SoftBank Group"], "SoftBank": ["SoftBank"], "WeWork": ["WeWork"]}, path="b.txt"),
    article("Nasa and the SBG deal: Neumann, Vision Fund.", {"Vision Fund": ["Vision Fund"]}, path="c.txt"),
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["not", "mark", "merge", "rename", "remove"]),
                          st.sampled_from(NAMES), st.sampled_from(NAMES)), max_size=8))
def test_recorrecting_what_an_edit_touches_gives_what_correcting_everything_gives(steps):
    from reader.corrections import recorrect

    c = Corrections()
    current = {a.key: a for a in ARTICLES}
    for op, name, other in steps:
        new = {"not": lambda: c.not_organisation(name), "mark": lambda: c.mark(name, [other]),
               "merge": lambda: c.merge(name, other), "rename": lambda: c.rename(name, other),
               "remove": lambda: c.remove(name)}[op]()
        current.update(recorrect(ARTICLES, c, new))
        c = new
        assert current == {a.key: apply(a, c) for a in ARTICLES}


def test_recorrect_looks_only_at_what_changed():
    from reader.corrections import recorrect

    stored = Corrections().not_organisation("Neumann")
    assert recorrect(ARTICLES, stored, stored) == {}
    assert sorted(recorrect(ARTICLES, stored, stored.mark("NASA"))) == ["b.txt"]
    assert sorted(recorrect(ARTICLES, stored, Corrections())) == ["a.txt"]  # c.txt never marked it


WORDS = ["SoftBank", "Group", "WeWork", "Neumann", "NASA", "Nasa", "said", "the", "and", "Vision", "Fund", "SVF",
         "Corp", "of", ",", "'s", "\n\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40),
       st.lists(st.sampled_from(NAMES + ["Group", "SoftBank Group Corp"]), max_size=4),
       st.lists(st.tuples(st.sampled_from(NAMES + ["Corp"]), st.lists(st.sampled_from(NAMES + ["Corp"]), max_size=2)),
                max_size=3),
       st.lists(st.sampled_from(NAMES), max_size=3))
def test_any_article_corrected_keeps_its_highlights_sound(words, found, marks, refused):
    text = " ".join(words).replace(" \n\n ", "\n\n").strip() or "x"
    a = article(text, {name: [name] for name in found})
    c = Corrections()
    for name, aliases in marks:
        c = c.mark(name, aliases)
    if refused:
        c = c.not_organisation(*refused)
    fixed = apply(a, c)
    shown(fixed)  # offsets index the text; every mention is named as its organisation
    spans = sorted((m.start, m.end) for o in fixed.organisations for m in o.mentions)
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:]))  # never two on one word
    assert not {m.text for o in fixed.organisations for m in o.mentions} & set(c.not_organisations)
    for entry in c.organisations:
        for form in entry.forms:
            for m in re.finditer(rf"(?<!\w){re.escape(form).replace(' ', '[ ]')}(?!\w)", fixed.text):
                assert any(s <= m.start() and m.end() <= e for s, e in spans), (form, m.start())
    assert {o.name for o in fixed.organisations if o.source == CORRECTION} <= {e.name for e in c.organisations}
