"""The recogniser's shortcuts answer exactly what the rules they skip would."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.organisations.cues import CUE_BEFORE, cue_before

_WORDS = ["the", "a", "newspaper", "Newspaper", "start-up", "startup", "up", "setup", "For", "fOR",
          "at", "from", "of", "in", "of.", "shares", "Shares", "ſhares", "spokesman", "Spokeswoman",
          "data", "stake", "stakes", "a-stake", "club3", "3club", "éclub", "(club", "[bank]", "bank,",
          "_bank", "Xbank", "Acme", "chief executive", "officer", "CEO", "co-founder", "cofounder",
          "investors", "ın", "İn", "", "daily:", "percent."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14))
def test_the_cue_before_a_name_is_what_the_full_search_finds(words):
    text = " ".join(words) + " Tallowfield said"
    for start in range(1, len(text)):
        if text[start - 1] == " ":
            quick, full = cue_before(text, start), CUE_BEFORE.search(text, max(0, start - 34), start)
            assert (quick and (quick.span(), quick.group())) == (full and (full.span(), full.group()))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="AaBbXxÉéİıſK-'’&0", min_size=1, max_size=10))
def test_a_word_lower_case_after_its_first_letter_is_never_a_mixed_case_brand(word):
    from reader.organisations.scan import _MIXED

    assert not word[1:].islower() or _MIXED.fullmatch(word) is None


# the match-report words as one regular expression spelled them before it became a trie
_SPORT_BEFORE = re.compile(
    r"\b(?:(?P<sport>soccer|football|footballers?|cricket|rugby|baseball|hockey|basketball|tennis"
    r"|golf|striker|midfielder|goalkeeper|winger|half-?time|innings|wickets?|batsman|bowler"
    r"|pitchers?|homers?|homered|inning|touchdowns?|quarterback|referee|semi-?finals?"
    r"|quarter-?finals?|playoffs?|nba|nfl|nhl|mlb|rebounds|kickoff|scrum|batting|bowling|goalie"
    r"|shutout|puck|power[- ]?play|hat-?trick|strikeouts?)"
    r"|(?P<match>league|goals?|scored|defender|coach|tournament|champions|captain|matches|squad"
    r"|cup|standings|drew|draw|fixture|derby|penalty)"
    r"|season|match|club|clubs|title|beat|points|assists|overtime|victory|defeat|defeated"
    r"|rallied|pitched|matchup)\b")
_SPORT_WORDS = ["goal", "goals", "goalie", "goalkeeper", "match", "matches", "matchup", "matchups", "power",
                "play", "power play", "power-play", "powerplay", "half", "time", "half-time", "semi-final",
                "semifinals", "quarter-finals", "hat-trick", "Cup", "DREW", "beat", "beaten", "defeat",
                "defeated", "club", "clubs", "clubhouse", "title", "points", "nba", "innings", "inning",
                "wicket", "pitched", "pitcher", "homer", "homered", "ministry", "said", "the", "-", "2-1",
                "_goal", "goal_", "goal2", "égoal", "kickoff", "kick-off", "victory", "season's"]


def _sporty_before(text: str) -> bool:
    hits = matchy = 0
    strong = False
    for m in _SPORT_BEFORE.finditer(text.lower()):
        hits += 1
        strong = strong or m.group("sport") is not None
        matchy += m.group("match") is not None
    return hits >= 3 and (strong or matchy >= 2)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_SPORT_WORDS), max_size=12), st.sampled_from([" ", "  ", ", ", "-", "\n", ""]))
def test_a_match_report_is_told_as_the_words_regex_told_it(words, gap):
    from reader.organisations.sports import _SPORT, _SPORT_KIND, sporty

    text = gap.join(words)
    assert sporty(text) == _sporty_before(text)
    assert [m.span() for m in _SPORT.finditer(text.lower())] == [m.span() for m in _SPORT_BEFORE.finditer(text.lower())]
    assert all(m.group() in _SPORT_KIND for m in _SPORT.finditer(text.lower()))
