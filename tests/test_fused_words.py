"""Fused-word repair: hard-wrapped lines joined without a space get their spaces back."""
from __future__ import annotations

import textwrap

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from reader import split_fused_words
from reader.fused.repair import repair
from conftest import SAMPLE_1, SAMPLE_2


def damage(text: str, width: int) -> str:
    """The defect: greedy hard wrap at width, line breaks then deleted without a space."""
    return "\n".join("".join(textwrap.wrap(p, width=width, break_long_words=False,
                                           break_on_hyphens=False))
                     for p in text.split("\n"))


def fusing_width(text: str, pair: str, widths=range(55, 100)) -> int:
    """A width at which the wrap breaks exactly at the space inside pair."""
    para = next(p for p in text.split("\n") if pair in p)
    target = para.index(pair) + pair.index(" ")
    for w in widths:
        pos = 0
        for line in textwrap.wrap(para, width=w, break_long_words=False, break_on_hyphens=False):
            pos += len(line)
            if pos == target:
                return w
            pos += 1
    raise AssertionError(f"no width breaks {pair!r}")


BACKGROUND = (
    "Officials in the provincial capital said on Monday that the new measures would be "
    "reviewed every three months, and that the committee overseeing them would publish "
    "its findings in a public report before the end of the financial year.\n"
    "The announcement followed weeks of talks between the ministry, local councils and "
    "representatives of traders, who had warned that closures along the main highway were "
    "hurting small businesses that depend on passing trade and seasonal visitors.\n"
)

HARD = [
    ("letter|letter", "The cabinet has resolved to initiate stringent action against the "
     "groups named in the report, a spokesman said after the meeting ended late on Sunday "
     "evening in the capital.", "to initiate"),
    ("lower|Upper", "Security forces have stepped up patrols along the border and in "
     "Balochistan after a series of attacks on convoys carrying supplies to remote towns "
     "in the mountains.", "in Balochistan"),
    ("comma|letter", "The plan targets financing networks and logistics, and officials "
     "described the efforts, potentially involving foreign partners, as the most ambitious "
     "so far this decade.", "efforts, potentially"),
    ("period|Upper", "Several leaders of the outfits are believed to be living abroad. "
     "Stakeholders in the region have long asked for their extradition through formal "
     "diplomatic channels and treaties.", "abroad. Stakeholders"),
    ("digit|letter", "Police said warrants had been issued against more than 300 "
     "individuals suspected of involvement in the violence, and that further arrests were "
     "expected in the coming weeks.", "300 individuals"),
    ("quote", "At the news conference the minister paused for a moment and then said “We "
     "will not allow anyone to take the law into their own hands,” before leaving the room "
     "without questions.", "said “We"),
    ("bracket", "The statement listed the Baloch Liberation Army (BLA) and several smaller "
     "groups among the organisations whose leaders would be pursued through international "
     "warrants and notices.", "(BLA) and"),
    ("curly apostrophe", "Analysts described the decision as one of Pakistan’s most "
     "significant security moves in years, noting that similar plans had stalled before for "
     "lack of funding and political support.", "Pakistan’s most"),
    ("hyphenated", "The chief minister repeated that the government would now follow a strict "
     "zero-tolerance policy towards violence, whatever the political cost, and asked the "
     "opposition to support the measures.", "zero-tolerance policy"),
    ("real-word fusion", "Thousands of customers were unable to log in to their accounts "
     "for most of the morning after a failed software update at the bank, which apologised "
     "and promised compensation.", "in to"),
    ("unknown proper noun", "Speaking to reporters after the session, Chief Minister "
     "Sarfaraz Bugti asserted that the provincial government would not negotiate with any "
     "group that refused to lay down arms.", "Bugti asserted"),
    ("Capital|Capital", "Officials named the Baloch Liberation Front, the Baloch Republican "
     "Army and two smaller factions as the main targets of the operation announced by the "
     "provincial government.", "Republican Army"),
    ("possessive before s", "Inspectors who reviewed the harbour safety plans found that "
     "the port’s top managers had left too few pilots on duty for the larger ships arriving "
     "at night.", "port’s top"),
    ("comma|year", "The agreement was first drafted in the capital on November 18, 2019 and "
     "signed by the regional governments only after two further rounds of talks with the "
     "unions.", "18, 2019"),
    ("comma|digits in a list", "The survey counted households in the districts numbered (12, "
     "14) on the old census maps, where most families still depend on fishing and seasonal "
     "farm work.", "(12, 14)"),
    ("a|Name", "Residents said a NASA satellite image taken on Friday showed the extent of "
     "the flooding along the river valley and the damage to farmland.", "a NASA"),
    ("suffix in brackets", "Employees may also pay into a 403(b) plan through the "
     "university, which matches contributions of up to five per cent of salary each year.",
     "403(b) plan"),
    ("initials", "Lawyers said the case would be heard by a U.S. court in the spring, after "
     "the judge had ruled on the motions filed by both sides in January.", "a U.S."),
    ("dot|currency", "The charity said the jacket now sells for $90 (Orig. $159) at its shops, "
     "and that all the money raised would go to the winter shelter.", "(Orig. $159)"),
    ("sentence|picture link", "Volunteers cleared the beach of plastic on Saturday as part of "
     "the campaign. pic.twitter.com/a8Xk2LmQ9z Organisers said more than two hundred people "
     "took part this year.", "campaign. pic.twitter.com/a8Xk2LmQ9z"),
]


LEAD = ("In a statement released on Saturday morning, the provincial government set out "
        "the plans it had agreed with its partners. ")


@pytest.mark.parametrize("kind, paragraph, pair", HARD, ids=[h[0] for h in HARD])
def test_hard_cases_are_repaired(kind, paragraph, pair):
    gold = BACKGROUND + LEAD + paragraph
    width = fusing_width(gold, pair)
    fused = pair.replace(" ", "")
    defect = damage(gold, width)
    assert fused in defect.split("\n")[-1]
    got = split_fused_words(defect)
    assert got.replace(" ", "") == defect.replace(" ", "")       # only spaces inserted
    assert pair in got
    assert fused not in got


CLEAN = [
    # news, with acronyms, numbers and camel-case brands
    "Shares of Alphabet, which owns YouTube, rose 3.5% on Tuesday after the company said "
    "advertising revenue grew faster than expected. Apple's iPhone sales in China fell for a "
    "second quarter, while McDonald's reported a 2.1bn profit.\n"
    "The Baloch Liberation Front (BLF) and the BLA were named in the statement, published "
    "at www.dawn.com and mirrored on https://example.org/news/2024/05/statement.html.",
    # technology and contacts
    "To report a problem, write to press@example.org or use the #ClimateStrike hashtag on "
    "social media. The PlayStation 5 and Xbox Series X both support 4K output at 120Hz, "
    "and the eBay listing was removed within 24 hours.\n"
    "JavaScript, TypeScript and WebAssembly modules can be loaded into the same page; the "
    "iOS 17.2 update fixed a bug in the AirDrop feature.",
    # science and health
    "COVID-19 vaccines developed by Pfizer-BioNTech and Moderna use mRNA, whereas the "
    "Oxford-AstraZeneca vaccine uses a modified adenovirus. Trials in 2020 enrolled more "
    "than 40,000 volunteers; efficacy was reported at 95% against symptomatic disease.\n"
    "Researchers at the Max Planck Institute measured CO2 levels of 421 ppm at Mauna Loa, "
    "the highest since records began in 1958.",
    # sport, with scores and names
    "New York improved to 14-0-1 in its last 15 games as Mika Zibanejad scored twice and "
    "Igor Shesterkin made 27 saves. The Rangers host the Penguins on Thursday at Madison "
    "Square Garden; puck drop is at 7:30 p.m. ET.",
    # literature-like prose with real words that look fused
    "Nevertheless, somebody had to go into the house. Meanwhile the townspeople gathered "
    "outside, whereupon the innkeeper, notwithstanding his fears, took a lantern and went "
    "upstairs himself; nobody followed him into the dark.",
    # the issue's own examples, unspaced on purpose where the original has no space
    "ISLAMABAD:The government of Pakistan’s Balochistan province has resolved to act "
    "against more than 300 individuals. See www.dawn.com for details, or e-mail "
    "tips@dawn.com.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_is_unchanged(text):
    assert split_fused_words(text) == text


@pytest.mark.parametrize("text", CLEAN + [BACKGROUND + LEAD + h[1] for h in HARD])
@pytest.mark.parametrize("width", [60, 72, 85])
def test_repair_is_idempotent(text, width):
    once = split_fused_words(damage(text, width))
    assert split_fused_words(once) == once


# Found by the generated-articles test below: narrow widths where the true width's chain
# died (a tweet's picture link fused with the next word) and a wrong width won.
_ALPHABET = ("Shares of Alphabet, which owns YouTube, rose 3.5% on Tuesday after the company "
             "said advertising revenue grew faster than expected.")
FOUND_BY_HYPOTHESIS = [
    (_ALPHABET + "\n" + _ALPHABET + " " + _ALPHABET + "\nResearchers at the Max Planck Institute "
     "measured CO2 levels of 421 ppm at Mauna Loa, the highest since records began in 1958.. "
     "pic.twitter.com/a8Xk2LmQ9z Organisers said more than two hundred people took part this "
     "year.. " + _ALPHABET, 40),
]


@pytest.mark.parametrize("text, width", FOUND_BY_HYPOTHESIS)
def test_found_cases_are_repaired_and_idempotent(text, width):
    once = split_fused_words(damage(text, width))
    assert once == text
    assert split_fused_words(once) == once


# Idempotence failures a review found with the width search's fallbacks taken out (fractions
# of the probe's width, probes searched again near the chosen width, one-word lines): they
# repair in one pass now, and must stay so.
SECOND_PASS_CASES = [
    ('New York improved to 14-0-1 in its last 15 games as Mika Zibanejad scored twice and Igor Shesterkin made 27 saves. Analysts described the decision as one of Pakistan’s most significant security moves in years, noting that similar plans had stalled before for lack of funding and political support.. Officials named the Baloch Liberation Front, the Baloch Republican Army and two smaller factions as the main targets of the operation announced by the provincial government.. Volunteers cleared the beach of plastic on Saturday as part of the campaign.\nPolice said warrants had been issued against more than 300 individuals suspected of involvement in the violence, and that further arrests were expected in the coming weeks.. court in the spring, after the judge had ruled on the motions filed by both sides in January.. Residents said a NASA satellite image taken on Friday showed the extent of the flooding along the river valley and the damage to farmland.. COVID-19 vaccines developed by Pfizer-BioNTech and Moderna use mRNA, whereas the Oxford-AstraZeneca vaccine uses a modified adenovirus.\nShares of Alphabet, which owns YouTube, rose 3.5% on Tuesday after the company said advertising revenue grew faster than expected.\nMeanwhile the townspeople gathered outside, whereupon the innkeeper, notwithstanding his fears, took a lantern and went upstairs himself; nobody followed him into the dark..',
     56),
    ('Residents said a NASA satellite image taken on Friday showed the extent of the flooding along the river valley and the damage to farmland.. Officials named the Baloch Liberation Front, the Baloch Republican Army and two smaller factions as the main targets of the operation announced by the provincial government.. Volunteers cleared the beach of plastic on Saturday as part of the campaign.\nOfficials in the provincial capital said on Monday that the new measures would be reviewed every three months, and that the committee overseeing them would publish its findings in a public report before the end of the financial year. COVID-19 vaccines developed by Pfizer-BioNTech and Moderna use mRNA, whereas the Oxford-AstraZeneca vaccine uses a modified adenovirus.\nTo report a problem, write to press@example.org or use the #ClimateStrike hashtag on social media. Trials in 2020 enrolled more than 40,000 volunteers; efficacy was reported at 95% against symptomatic disease. Employees may also pay into a 403(b) plan through the university, which matches contributions of up to five per cent of salary each year.. Inspectors who reviewed the harbour safety plans found that the port’s top managers had left too few pilots on duty for the larger ships arriving at night.. The cabinet has resolved to initiate stringent action against the groups named in the report, a spokesman said after the meeting ended late on Sunday evening in the capital.. JavaScript, TypeScript and WebAssembly modules can be loaded into the same page; the iOS 17.2 update fixed a bug in the AirDrop feature..\nSeveral leaders of the outfits are believed to be living abroad. The cabinet has resolved to initiate stringent action against the groups named in the report, a spokesman said after the meeting ended late on Sunday evening in the capital.. At the news conference the minister paused for a moment and then said “We will not allow anyone to take the law into their own hands,” before leaving the room without questions.. Lawyers said the case would be heard by a U.S.',
     47),
]


@pytest.mark.parametrize("text, width", SECOND_PASS_CASES)
def test_one_pass_leaves_nothing_for_a_second(text, width):
    once = split_fused_words(damage(text, width))
    assert split_fused_words(once) == once


PROSE = BACKGROUND + LEAD + "\n".join(h[1] for h in HARD)


@pytest.mark.parametrize("width", [48, 64, 80, 100, 120])
def test_a_whole_damaged_article_is_restored(width):
    defect = damage(PROSE, width)
    got = split_fused_words(defect)
    assert got.replace(" ", "") == defect.replace(" ", "")
    wrong = [w for w in got.split() if w not in PROSE.split()]
    assert len(wrong) <= 1, wrong        # at most one miss or misplaced split in ~550 words


@pytest.mark.parametrize("width", [64, 77, 90])
def test_a_first_paragraph_that_lost_its_dateline_is_still_repaired(width):
    gold = "ISLAMABAD: " + PROSE
    defect = damage(gold, width)
    cut = defect[len("ISLAMABAD: "):]                 # the cleaner lifted the dateline off
    got = split_fused_words(cut)
    first = got.split("\n")[0]
    wrong = [w for w in first.split() if w not in gold.split()]
    assert len(wrong) <= 1, wrong


@pytest.mark.parametrize("width", [64, 77, 90])
def test_a_token_nothing_can_split_costs_only_its_own_two_breaks(width):
    blob = "data:image/png;base64," + "iVBORw0KGgoAAAANSUhEUgAAA" * 14
    para = " ".join(PROSE.split("\n")[2:6])
    gold = para + " " + blob + " " + para
    got = split_fused_words(damage(gold, width))
    wrong = [w for w in got.split() if w not in gold.split()]
    assert len(wrong) <= 1 and all(blob in w for w in wrong), wrong


FUSED_IN_SAMPLE = ["toinitiate", "allegedlyinvolved", "inBalochistan", "theProvincial",
                   "logisticaland", "efforts,potentially", "Pakistan’smost", "Bugtiasserted",
                   "zero-tolerancepolicy", "RepublicanArmy"]


def test_first_sample_is_repaired_whole_and_per_paragraph():
    text = SAMPLE_1.read_text(encoding="utf-8")
    whole = split_fused_words(text)
    per_paragraph = "\n".join(split_fused_words(p) for p in text.split("\n"))
    present = [fused for fused in FUSED_IN_SAMPLE if fused in text]
    assert len(present) >= 8
    for got in (whole, per_paragraph):
        assert got.replace(" ", "") == text.replace(" ", "")
        for fused in present:
            assert fused not in got
        assert split_fused_words(got) == got


def test_second_sample_is_clean_and_unchanged():
    text = SAMPLE_2.read_text(encoding="utf-8")
    assert split_fused_words(text) == text


@pytest.mark.parametrize("text", ["", "a", "\n\n", "short line", " " * 200, "x" * 500,
                                  "word " * 100, "\n".join(["ab"] * 300)])
def test_degenerate_inputs(text):
    assert split_fused_words(text) == text


SENTENCES = [sentence + "." for text in CLEAN + [h[1] for h in HARD] + [BACKGROUND]
             for sentence in text.replace("\n", " ").split(". ") if len(sentence) > 20]
PARAGRAPH = st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6).map(" ".join)
ARTICLE = st.lists(PARAGRAPH, min_size=1, max_size=6).map("\n".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLE, st.integers(min_value=40, max_value=120))
def test_only_spaces_are_inserted_and_repair_is_idempotent(text, width):
    for source in (text, damage(text, width)):
        got = split_fused_words(source)
        assert got.replace(" ", "") == source.replace(" ", "")
        assert split_fused_words(got) == got


NOISE = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400)


@settings(max_examples=200, deadline=None)
@given(NOISE)
def test_any_text_only_gains_spaces(text):
    got = split_fused_words(text)
    assert got.replace(" ", "") == text.replace(" ", "")


# tokens of word characters that are not letters ("₂", "²", "Ⅻ"): one \w run, not isalpha()
WORD_CHAR_TOKENS = ["CO₂", "km²", "theCO₂", "Ⅻcentury", "H₂O"]


@pytest.mark.parametrize("token", WORD_CHAR_TOKENS)
def test_word_character_tokens_are_scored_without_error(token):
    text = ("Emissions of carbon dioxide and other greenhouse gases rose sharply in the decade "
            f"to the year {token} figures were first published by the national statistics "
            "agency in the capital, officials said.")
    for source in (text, damage(text, 60)):
        got = split_fused_words(source)
        assert got.replace(" ", "") == source.replace(" ", "")


# Text on which a cue of the token scorer could misfire (a closing quote before an s-word,
# an acronym's dot before initials, decimal commas, list letters in brackets, a picture
# link fused with the next word): repaired at every width that fuses the pair.
MISFIRES = [
    ("Critics dismissed what the minister had called ‘decisive reform’ saying the measures "
     "would only shift costs onto local councils, which already struggle to pay for schools "
     "and roads.", "reform’ saying"),
    ("The alliance said the decision had been backed by every member of NATO. U.S. officials "
     "said the troops would leave within weeks, once the new commander had taken over.",
     "NATO. U.S."),
    ("The project will cost about 4,5 billion euros, the ministry said in Rome, and the first "
     "section of the new line should open to passengers before the end of the decade.",
     "4,5 billion"),
    ("Under the law the court must consider (a) the interests of the child, (b) the views of "
     "the parents and (c) any risk of harm, before deciding where the child should live in "
     "future.", "and (c)"),
    ("Photos from the scene were posted on Twitter pic.twitter.com/Zz9QkLp2aB and on Facebook, "
     "where the police asked witnesses to come forward with any information about the "
     "attack.", "pic.twitter.com/Zz9QkLp2aB and"),
]


def _fusing_widths(text: str, pair: str, widths=range(40, 121)) -> list[int]:
    para = next(p for p in text.split("\n") if pair in p)
    target = para.index(pair) + pair.index(" ")
    found = []
    for w in widths:
        pos = 0
        for line in textwrap.wrap(para, width=w, break_long_words=False, break_on_hyphens=False):
            pos += len(line)
            if pos == target:
                found.append(w)
                break
            pos += 1
    return found


@pytest.mark.parametrize("paragraph, pair", MISFIRES, ids=[m[1] for m in MISFIRES])
def test_cues_do_not_misfire(paragraph, pair):
    gold = BACKGROUND + LEAD + paragraph
    assert split_fused_words(gold) == gold
    widths = _fusing_widths(gold, pair)
    assert widths
    wrong = [w for w in widths if pair not in split_fused_words(damage(gold, w))]
    assert wrong == []


DEBRIS = (
    "The small theatre by the river staged <Palace Tale of Jang Noksu> and every seat was "
    "taken before the curtain went up.\n"
    "Tickets for the second week go on sale on Friday morning at the box office and online.")


def test_markup_debris_is_not_split_inside_a_name_when_a_folder_width_is_lent():
    defect = damage(DEBRIS, 65)                 # "...Jang Noksu>and every seat..."
    assert "Noksu>and" in defect
    got = repair(defect, prior=65)[0]           # (too short alone: its folder's width lent)
    assert got.replace(" ", "") == defect.replace(" ", "")
    assert "Noksu>" in got and "No ksu" not in got


@pytest.mark.parametrize("width", [49, 65, 66, 67, 78])
def test_words_fused_to_markup_debris_are_split_at_its_edge(width):
    gold = DEBRIS.replace("\n", " ") + "\n" + BACKGROUND
    got = split_fused_words(damage(gold, width))
    wrong = [w for w in got.split() if w not in gold.split()]
    assert not [w for w in wrong if "<" in w or ">" in w], wrong
