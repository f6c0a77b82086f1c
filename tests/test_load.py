"""Finding and loading article files: folders, hidden files, symlink loops, bad input."""
from __future__ import annotations

import os

import pytest

from conftest import ARTICLES, write
from reader import ArticleError, load_article, load_file, load_folder
from reader.read.load import iter_article_files

STORY = "Harbour reopens\n\nThe harbour reopened on Monday after a week of storms, officials said.\n"


def test_folder_is_walked_recursively_in_name_order_skipping_hidden(tmp_path):
    write(tmp_path / "b.txt", STORY)
    write(tmp_path / "a.md", "# A\n\nSome text here.\n")
    write(tmp_path / "sub" / "c.txt", STORY)
    write(tmp_path / ".hidden.txt", STORY)
    write(tmp_path / ".git" / "d.txt", STORY)
    write(tmp_path / "notes.pdf", b"%PDF-1.4")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_article_files([tmp_path])]
    assert found == ["a.md", "b.txt", "sub/c.txt"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlink_loops_are_survived(tmp_path):
    write(tmp_path / "x" / "story.txt", STORY)
    os.symlink(tmp_path, tmp_path / "x" / "loop")
    os.symlink(tmp_path / "x", tmp_path / "x" / "self")
    found = list(iter_article_files([tmp_path]))
    assert [p.name for p in found] == ["story.txt"]


def test_load_folder_reports_failures_and_keeps_going(tmp_path):
    write(tmp_path / "good.txt", STORY)
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "binary.txt", bytes(range(256)) * 8)
    result = load_folder(tmp_path)
    assert [a.title for a in result.articles] == ["Harbour reopens"]
    reasons = {os.path.basename(f.path): f.reason for f in result.failures}
    assert reasons == {"empty.txt": "the file is empty", "binary.txt": "binary data, not text (contains NUL bytes)"}


def test_sample_folder_loads_every_file_without_failures():
    result = load_folder(ARTICLES)
    assert not result.failures, result.failures
    formats = {a.format for a in result.articles}
    assert formats == {"txt", "md", "html", "json"}
    assert len({a.path for a in result.articles}) == len(list(iter_article_files([ARTICLES])))


def test_cp1252_sample_reads_without_mojibake():
    article = load_article(ARTICLES / "marseille-port-strike-cp1252.txt")
    assert article.title == "Dockers’ strike halts Marseille port for a third day"
    assert article.authors == ("Hélène Marchal",)
    assert "€30 million" in article.text and "Frédéric Guérin" in article.text
    assert "not UTF-8: read as Windows-1252" in article.warnings


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "the file is empty"),
    ("blank.txt", b"  \n\n\t\n", "only whitespace"),
    ("binary.txt", b"\x00\x01\x02\x03" * 500, "binary"),
    ("notes.pdf", b"%PDF-1.4", "not an article file"),
    ("debris.txt", b"Advertisement\nShare this article\n", "no article text"),
])
def test_bad_input_raises_a_clear_article_error(tmp_path, name, content, reason):
    path = write(tmp_path / name, content)
    with pytest.raises(ArticleError) as info:
        load_file(path)
    assert reason in info.value.reason
    assert info.value.path == str(path)


def test_missing_and_unreadable_files(tmp_path):
    with pytest.raises(ArticleError, match="does not exist"):
        load_file(tmp_path / "gone.txt")
    with pytest.raises(ArticleError, match="folder"):
        load_file(write(tmp_path / "dir.txt" / "x.txt", STORY).parent)
    if os.geteuid() != 0:  # root reads everything
        path = write(tmp_path / "locked.txt", STORY)
        path.chmod(0)
        with pytest.raises(ArticleError, match="permission denied"):
            load_file(path)


def test_load_article_index_out_of_range(tmp_path):
    path = write(tmp_path / "one.txt", STORY)
    with pytest.raises(ArticleError, match="no number 3"):
        load_article(path, 3)


def test_source_files_are_never_written(tmp_path):
    path = write(tmp_path / "story.txt", STORY)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    load_folder(tmp_path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.txt"]
