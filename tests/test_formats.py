"""The one table of formats: every list of formats reads it, so a format is one entry."""
from __future__ import annotations

import pytest

from conftest import write
from reader import cli, formats, load_file
from reader.export import export_article, render, suggested_filename
from reader.formats import Format
from reader.read.load import iter_article_files
from reader.record import Article

PLAIN = "Harbour works resume\n\nThe port authority said on Monday that repairs to the north quay would resume.\n"

RST = Format("rst", "reStructuredText", (".rst",), (".rst",), "text", "render_txt")


@pytest.fixture
def with_rst(monkeypatch):
    monkeypatch.setattr(formats, "FORMATS", formats.FORMATS + (RST,))


def test_a_new_format_is_one_entry(tmp_path, with_rst, capsys):
    src = write(tmp_path / "src" / "quay.rst", PLAIN)
    write(tmp_path / "src" / "notes.rest", PLAIN)  # not in the table: not an article
    assert list(iter_article_files([tmp_path / "src"])) == [src]
    assert load_file(src)[0].title == "Harbour works resume"
    assert "*.rst" in formats.open_filter()
    assert formats.listed() == ".txt, .md, .html, .json, .rst"
    assert formats.save_filters()["reStructuredText (*.rst)"] == "rst"

    assert cli.main(["export", str(tmp_path / "src"), "--format", "rst", "--out", str(tmp_path / "out"),
                     "--jobs", "1"]) == 0
    assert "exported 1 article as rst" in capsys.readouterr().out
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["harbour-works-resume.rst"]

    article = load_file(src)[0]
    assert suggested_filename(article, "rst") == "harbour-works-resume.rst"
    dest = export_article(article, tmp_path / "one.rst")  # the format from the suffix
    assert dest.read_text("utf-8").startswith("Harbour works resume\n\nThe port authority")


def test_the_table_drives_the_command_line_choices(capsys):
    with pytest.raises(SystemExit):
        cli.main(["export", "x", "--format", "docx", "--out", "y"])
    assert "choose from 'txt', 'md', 'html', 'json'" in capsys.readouterr().err


def test_dialog_labels():
    assert formats.save_filters() == {"Plain text (*.txt)": "txt", "Markdown (*.md)": "md",
                                      "HTML page (*.html)": "html", "JSON (*.json)": "json"}
    assert formats.open_filter() == ("Articles (*.txt *.text *.md *.markdown *.html *.htm *.xhtml *.json "
                                     "*.jsonl);;All files (*)")


@pytest.mark.parametrize("name, article, export", [
    ("a.txt", "txt", "txt"), ("a.TEXT", "txt", "txt"), ("a.Markdown", "md", "md"), ("a.htm", "html", "html"),
    ("a.xhtml", "html", None), ("a.jsonl", "json", None), ("a.json", "json", "json"),
    (".txt", None, None), ("notes.", None, None), ("a.docx", None, None), ("dir.md/readme", None, None),
])
def test_formats_by_file_name(name, article, export):
    assert formats.article_format(name) == article
    assert formats.export_format(name) == export


def test_every_entry_has_its_parser_and_writer():
    article = Article(path="a.txt", format="txt", title="T", date=None, authors=(), dateline=None,
                      paragraphs=("One.",), links=(), tags=(), warnings=())
    for entry in formats.FORMATS:
        assert callable(entry.parse_function())
        assert "One." in render(article, entry.name)
        assert entry.suffix in entry.extensions
