"""Generated inputs: cleaning is idempotent and loses no sentence of the body."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings, strategies as st

from reader.read.clean import finish
from reader.export import render_text
from reader.record import Draft

WORDS = st.sampled_from(
    "the council said on Monday it would review budget talks after floods hit northern towns "
    "residents police minister report water prices rose sharply while officials met".split())
SENTENCE = st.lists(WORDS, min_size=4, max_size=14).map(lambda ws: " ".join(ws).capitalize() + ".")
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=4).map(" ".join)
ARTICLE = st.lists(PARAGRAPH, min_size=1, max_size=6)
NOISE = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)


def clean(text: str):
    return finish(Draft(path="x.txt", format="txt", body=text))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLE)
def test_no_sentence_of_the_body_is_lost(paragraphs):
    article = clean("\n\n".join(paragraphs))
    got = re.sub(r"\s+", " ", " ".join(([article.title] if article.title else []) + list(article.paragraphs)))
    for paragraph in paragraphs:
        for sentence in re.findall(r"[^.]+\.", paragraph):
            assert sentence.strip().rstrip(".") in got


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(ARTICLE.map("\n\n".join), NOISE))
def test_cleaning_is_idempotent(text):
    once = clean(text)
    if not once.paragraphs:
        return
    twice = clean(render_text(once))
    assert twice.paragraphs == once.paragraphs
    assert twice.title == once.title
