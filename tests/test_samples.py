"""The two sample articles that started the project, as golden cases."""
from __future__ import annotations

import filecmp

import pytest

from reader import load_article
from conftest import ARTICLES, ROOT, SAMPLE_1, SAMPLE_2

SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def first():
    return load_article(SAMPLE_1)


@pytest.fixture(scope="module")
def second():
    return load_article(SAMPLE_2)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside this checkout")
@pytest.mark.parametrize("name", ["000_788af3e886619c0f.txt", "001_f04f2131fcbc8157.txt"])
def test_samples_are_byte_identical_to_the_seeds(name):
    assert filecmp.cmp(SEEDS / name, ARTICLES / name, shallow=False)


def test_first_sample_metadata(first):
    assert first.title == "Interpol assistance"
    assert first.dateline == "ISLAMABAD"
    assert first.format == "txt"
    assert len(first.paragraphs) == 6
    assert [link.url for link in first.source_links] == [
        "https://www.dawn.com/news/1876543", "https://www.bbc.com/news/world-asia-12345678"]
    assert first.tags == ("Pakistan", "Balochistan", "Militancy", "Terrorism")
    assert first.domain == "dawn.com"


def test_first_sample_text_is_clean(first):
    text = first.text
    assert text.startswith("The government of Pakistan’s Balochistan province has resolved to initiate")
    for debris in ("ogimageimage-name", "Source:", "Tags:", "ISLAMABAD"):
        assert debris not in text
    for fused in ("toinitiate", "allegedlyinvolved", "inBalochistan", "theProvincial", "logisticaland",
                  "efforts,potentially", "Pakistan’smost", "Bugtiasserted", "zero-tolerancepolicy",
                  "RepublicanArmy"):
        assert fused not in text, fused
    assert any("flattened meta tag" in w for w in first.warnings)
    assert any("fused" in w for w in first.warnings)


def test_second_sample(second):
    assert second.date == "2025-12-04"
    assert second.text.startswith("The Balochistan government on Thursday")
    assert "“After reviewing the material" in second.text  # curly quotes kept
    assert "Interpol’s assistance" in second.text
    assert len(second.paragraphs) == 12
    assert second.title.startswith("The Balochistan government on Thursday")
