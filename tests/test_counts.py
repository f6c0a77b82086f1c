"""Counts worded the same way in the window, the command line and the files' messages."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import write
from reader import ArticleError, load_article
from reader.counts import counted
from reader.export import ExportReport


@pytest.mark.parametrize("count, text", [(0, "0 articles"), (1, "1 article"), (2, "2 articles"),
                                          (12345, "12,345 articles")])
def test_counted(count, text):
    assert counted(count, "article") == text


def test_export_summary_words_its_counts():
    report = ExportReport(written=[Path("a.txt")] * 1200)
    assert report.summary("out", "txt") == "exported 1,200 articles as txt to out"
    assert ExportReport(written=[Path("a.txt")]).summary("out", "md") == "exported 1 article as md to out"


def test_asking_for_an_article_a_file_does_not_hold(tmp_path):
    path = write(tmp_path / "one.json", json.dumps([{"title": "Quay repairs", "text": "The quay reopens."}]))
    with pytest.raises(ArticleError) as err:
        load_article(path, index=3)
    assert err.value.reason == "the file holds 1 article; there is no number 3"
