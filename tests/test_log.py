"""The log: a file in the user's log folder (here the test's), and swallowed errors in it."""
from __future__ import annotations

import logging
import os
import platform
import sys
from pathlib import Path

import pytest

from conftest import write
from reader import cli, load_folder, log
from reader.settings import Settings

PLAIN = "Quay repairs resume\n\nThe port authority said on Monday that work on the north quay would resume.\n"


def log_text() -> str:
    return (Path(os.environ["ARTICLE_READER_LOG_DIR"]) / "article-reader.log").read_text("utf-8")


@pytest.fixture
def parser_bug(monkeypatch):
    def parse(text, path):
        raise RuntimeError("parser bug")
    monkeypatch.setattr("reader.read.formats.text.parse", parse)


def test_setup_writes_the_log_file_in_the_log_folder():
    log.setup("article-reader export news --format md --out out")
    folder = Path(os.environ["ARTICLE_READER_LOG_DIR"])
    assert not folder.exists()  # nothing to say yet: no file
    logging.getLogger("reader.read.load").warning("a note for the log")
    logging.getLogger("elsewhere").warning("not the reader's")
    logging.getLogger("reader.export").debug("too fine for the file")
    assert log.log_file() == folder / "article-reader.log"
    first, second = log_text().splitlines()
    assert first.endswith(" INFO reader.log: article-reader 0.1.0, Python " + platform.python_version()
                          + f", {platform.system()} {platform.release()} {platform.machine()}: "
                          "article-reader export news --format md --out out")
    assert second.endswith(" WARNING reader.read.load: a note for the log")
    log.setup("again")  # replaces the first setup: one handler, one line per record
    logging.getLogger("reader").warning("once")
    assert log_text().count("once") == 1


def test_a_log_folder_that_cannot_be_made_stops_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ARTICLE_READER_LOG_DIR", str(write(tmp_path / "a-file", "x") / "log"))
    log.setup()
    logging.getLogger("reader.export").warning("goes nowhere")
    logging.getLogger("reader.export").warning("nor this")
    assert log.log_file() is None and capsys.readouterr().err == ""


def test_a_parser_bug_in_a_folder_is_logged_and_the_rest_loads(tmp_path, parser_bug, caplog):
    write(tmp_path / "a.txt", PLAIN)
    write(tmp_path / "b.md", "# Quay repairs\n\nThe port authority said on Monday that work would resume.\n")
    with caplog.at_level(logging.WARNING, logger="reader"):
        result = load_folder(tmp_path)
    assert [a.format for a in result.articles] == ["md"]
    assert [f.path for f in result.failures] == [str(tmp_path / "a.txt")]
    [record] = caplog.records
    assert record.name == "reader.read.load" and str(tmp_path / "a.txt") in record.getMessage()
    assert record.exc_info[1].args == ("parser bug",)


def test_the_command_line_logs_what_it_swallows(tmp_path, parser_bug, capsys):
    path = write(tmp_path / "a.txt", PLAIN)
    assert cli.main(["clean", str(path)]) == 2
    err = capsys.readouterr().err
    assert err == f"article-reader: {path}: could not be read (RuntimeError: parser bug)\n"
    text = log_text()
    assert "INFO reader.log: article-reader 0.1.0, Python" in text and f": article-reader clean {path}\n" in text
    assert f"WARNING reader.cli: {path}: could not be read\nTraceback" in text
    assert "RuntimeError: parser bug" in text


def test_a_damaged_settings_file_is_logged(tmp_path, caplog):
    write(tmp_path / "settings.json", "{not json")
    with caplog.at_level(logging.WARNING, logger="reader"):
        assert Settings.load(tmp_path).note
    assert "was damaged" in caplog.text


def test_an_uncaught_exception_is_logged_and_shown(monkeypatch):
    passed_on = []
    monkeypatch.setattr(sys, "excepthook", lambda *exc: passed_on.append(exc[0]))
    shown = []
    log.setup()
    log.install_excepthook(shown.append)
    try:
        raise ValueError("no such row")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    assert shown[0].startswith("Something went wrong: ValueError: no such row")
    assert str(log.log_file()) in shown[0]
    assert "ERROR reader.log: uncaught exception\nTraceback" in log_text()
    assert passed_on == [ValueError]  # a terminal still gets the traceback


def test_a_message_that_fails_is_logged_too(monkeypatch):
    monkeypatch.setattr(sys, "excepthook", lambda *exc: None)
    log.setup()

    def show(text):
        raise RuntimeError("no display")
    log.install_excepthook(show)
    sys.excepthook(KeyError, KeyError("x"), None)
    assert "could not be shown" in log_text() and "RuntimeError: no display" in log_text()
