"""Each normalisation step on its own, then the whole pipeline."""
from __future__ import annotations

import pytest

from reader.read.clean import (debris_label, finish, normalise_unicode, remove_debris, split_paragraphs,
                          tidy_paragraphs, fallback_title)
from reader.read.metadata import lift_dateline, lift_glued_metadata, lift_metadata_lines, lift_title
from reader.record import Draft


def draft(body="", paragraphs=None, **kw) -> Draft:
    return Draft(path="x.txt", format="txt", body=body, paragraphs=paragraphs, **kw)


# ---------------------------------------------------------------- unicode
@pytest.mark.parametrize("raw, clean", [
    ("e\u0301te\u0301", "été"),                        # NFC
    ("10\u00a0km and\u2009more\u202fhere", "10 km and more here"),  # odd spaces
    ("co\u00adop\u200beration\ufeff", "cooperation"),  # soft hyphen, zero-width, BOM
    ("bell\x07 and\x1b escape\x85", "bell and escape\n"),  # controls; NEL is a line break
    ("line\r\nwindows\rmac", "line\nwindows\nmac"),
    ("“Curly” quotes – dashes, naïve Zürich", "“Curly” quotes – dashes, naïve Zürich"),
])
def test_normalise_unicode(raw, clean):
    assert normalise_unicode(draft(raw)).body == clean


# ---------------------------------------------------------------- metadata lines
def test_source_tags_date_and_by_lines_are_lifted():
    d = lift_metadata_lines(draft(
        "By Jane Doe and John Roe\nPublished: December 4, 2025\nText of the story.\n"
        "Source: https://example.com/a, https://example.org/b\nTags: Energy; Oil | Gas"))
    assert d.body == "Text of the story."
    assert [link.url for link in d.links] == ["https://example.com/a", "https://example.org/b"]
    assert all(link.kind == "source" for link in d.links)
    assert d.tags == ["Energy", "Oil", "Gas"]
    assert d.date == "2025-12-04"
    assert d.authors == ["Jane Doe", "John Roe"]


@pytest.mark.parametrize("line", [
    "By contrast, the ministry said nothing.",
    "Tags are small labels. They said so.",
    "Sources said the talks had failed.",
])
def test_prose_that_looks_like_metadata_stays(line):
    body = f"Intro paragraph.\n\n{line}\n\nMore text."
    assert line in lift_metadata_lines(draft(body)).body


# ---------------------------------------------------------------- debris
@pytest.mark.parametrize("line, label", [
    ("ogimageimage-name", "flattened meta tag"),
    ("og:image", "flattened meta tag"),
    ("twitter:card summary_large_image", None),
    ("Advertisement", "advertisement"),
    ("Share this article", "share bar"),
    ("Facebook Twitter WhatsApp Email", "share bar"),
    ("Subscribe to our newsletter", "subscribe prompt"),
    ("Read more: Floods hit the north", "read-more link"),
    ("We use cookies to improve your experience. By continuing you accept our policy.", "cookie notice"),
    ("Accept all cookies", "cookie notice"),
    ("© 2025 Example Media Ltd. All rights reserved.", "footer"),
    ("The subscribers said they would read more books.", None),
    ("Advertisement revenue fell 20% in the quarter.", None),
])
def test_debris_label(line, label):
    assert debris_label(line) == label


def test_remove_debris_reports_each_removal():
    d = remove_debris(draft("Real text.\nAdvertisement\nMore real text.\nogimageimage-name"))
    assert d.body == "Real text.\nMore real text."
    assert len(d.warnings) == 2 and "advertisement" in d.warnings[0]


# ---------------------------------------------------------------- paragraphs
def test_blank_lines_separate_paragraphs_and_wrapped_lines_reflow():
    body = ("The first paragraph was hard-wrapped at a width of about\n"
            "sixty columns, as old newswires were, and it goes on here.\n\n"
            "A second paragraph, also wrapped at the same width, reads\n"
            "on without a break. It ends here.")
    d = split_paragraphs(draft(body))
    assert d.paragraphs == [
        "The first paragraph was hard-wrapped at a width of about sixty columns, as old newswires were, and it goes on here.",
        "A second paragraph, also wrapped at the same width, reads on without a break. It ends here."]


def test_long_lines_are_paragraphs_of_their_own():
    long1, long2 = "A" + " word" * 40 + ".", "B" + " word" * 35 + "."
    assert split_paragraphs(draft(f"{long1}\n{long2}")).paragraphs == [long1, long2]


def test_short_line_ending_a_sentence_ends_the_paragraph():
    body = ("This wrapped paragraph has a long first line that fills it\n"
            "and a short last line.\n"
            "Next paragraph starts on the next line without a blank line\n"
            "between them.")
    assert len(split_paragraphs(draft(body)).paragraphs) == 2


def test_hyphen_at_a_wrapped_line_end_joins_the_word():
    body = "The decision follows a multi-\nprong strategy adopted by the council last year to\ncut costs."
    assert "multi-prong" in split_paragraphs(draft(body)).paragraphs[0]


# ---------------------------------------------------------------- title, glued metadata, dateline
def test_title_is_a_first_short_line_without_terminal_punctuation():
    d = lift_title(draft(paragraphs=["Floods hit the north", "Rain fell for days."]))
    assert d.title == "Floods hit the north" and d.paragraphs == ["Rain fell for days."]
    d = lift_title(draft(paragraphs=["Rain fell for days.", "It stopped."]))
    assert d.title == "" and len(d.paragraphs) == 2


@pytest.mark.parametrize("first, date, rest", [
    (" date 2025-12-04 The Balochistan government said", "2025-12-04", "The Balochistan government said"),
    ("Published: 4 December 2025 | The council met", "2025-12-04", "The council met"),
    ("Updated on Dec. 5, 2025 Talks resumed", "2025-12-05", "Talks resumed"),
])
def test_glued_metadata(first, date, rest):
    d = lift_glued_metadata(draft(paragraphs=[first, "More."]))
    assert d.date == date and d.paragraphs == [rest, "More."]


@pytest.mark.parametrize("first, place, rest", [
    ("ISLAMABAD:The government of Pakistan decided", "ISLAMABAD", "The government of Pakistan decided"),
    ("NEW YORK (Reuters) - Stocks rose on Monday", "NEW YORK", "Stocks rose on Monday"),
    ("LAHORE, Pakistan — Police said on Friday", "LAHORE", "Police said on Friday"),
])
def test_dateline(first, place, rest):
    d = lift_dateline(draft(paragraphs=[first]))
    assert d.dateline == place and d.paragraphs == [rest]


def test_no_dateline_in_ordinary_sentences():
    for first in ("NATO said on Monday it would act.", "The UN: a history of failure and hope"):
        assert lift_dateline(draft(paragraphs=[first])).dateline is None


def test_tidy_collapses_spaces_and_keeps_repeats():
    d = tidy_paragraphs(draft(paragraphs=["a  b", "", "a b", "c"]))
    assert d.paragraphs == ["a b", "a b", "c"]


def test_fallback_title_is_the_first_sentence_shortened():
    assert fallback_title("Short one. Then more.") == "Short one"
    long = "The " + "very " * 40 + "long sentence."
    t = fallback_title(long)
    assert t.endswith("…") and len(t) <= 92


# ---------------------------------------------------------------- the whole pipeline
def test_pipeline_on_a_scraped_text():
    body = ("Council approves budget\n"
            "By Ana Lima\n\n"
            "LISBON: The city council approved its budget on Monday after a long debate.\n\n"
            "Advertisement\n\n"
            "The vote was 30 to 21.\n"
            "Share this article\n"
            "Source: https://news.example.pt/budget\n")
    a = finish(draft(body))
    assert a.title == "Council approves budget"
    assert a.authors == ("Ana Lima",)
    assert a.dateline == "LISBON"
    assert a.paragraphs == ("The city council approved its budget on Monday after a long debate.",
                            "The vote was 30 to 21.")
    assert a.links[0].url == "https://news.example.pt/budget" and a.domain == "news.example.pt"
    assert len(a.warnings) == 2
