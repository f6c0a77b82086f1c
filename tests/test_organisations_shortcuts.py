"""The recogniser's shortcuts answer exactly what the rules they skip would."""
from __future__ import annotations

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
