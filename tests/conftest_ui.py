"""Helpers for the window tests: small articles with known organisations, a loader
that reads them without the real cleaning pipeline, and a window fixture that keeps
settings in a tmp folder (tests never touch the real user config)."""
from __future__ import annotations

import os
import re
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from reader.record import Article, Link, Mention, Organisation  # noqa: E402

# The stand-in recogniser's organisations: canonical name -> aliases.
ORGS = {
    "United Nations": ("UN",),
    "Acme Corporation": ("Acme",),
    "Red Cross": (),
}


def organisations_in(text: str) -> tuple[Organisation, ...]:
    found = []
    for name, aliases in ORGS.items():
        for form in (name, *aliases):
            for m in re.finditer(rf"\b{re.escape(form)}\b", text):
                found.append(Mention(m.start(), m.end(), form, name))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept, end = [], -1
    for m in found:
        if m.start >= end:
            kept.append(m)
            end = m.end
    orgs = []
    for name in dict.fromkeys(m.name for m in kept):
        ms = tuple(m for m in kept if m.name == name)
        orgs.append(Organisation(name, tuple(sorted({m.text for m in ms} - {name})), ms))
    return tuple(orgs)


def make_article(path, title, paragraphs, date=None, links=(), warnings=(), authors=(),
                 dateline=None) -> Article:
    paragraphs = tuple(paragraphs)
    return Article(path=str(path), format="txt", title=title, date=date,
                   authors=tuple(authors), dateline=dateline, paragraphs=paragraphs,
                   links=tuple(links), tags=(), warnings=tuple(warnings),
                   organisations=organisations_in("\n\n".join(paragraphs)))


def write_article(folder: Path, name: str, title: str, paragraphs, date: str = "",
                  source: str = "", warning: str = "") -> Path:
    """A tiny test format the stand-in loader reads: title line, ``key: value``
    header lines, then blank-line separated paragraphs."""
    lines = [title]
    if date:
        lines.append(f"date: {date}")
    if source:
        lines.append(f"source: {source}")
    if warning:
        lines.append(f"warning: {warning}")
    path = folder / name
    path.write_text("\n".join(lines) + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def stand_in_load(path: Path) -> list[Article]:
    from reader.record import ArticleError

    raw = Path(path).read_text(encoding="utf-8")
    if not raw.strip():
        raise ArticleError(str(path), "the file is empty")
    head, _, body = raw.partition("\n\n")
    title, *meta = head.split("\n")
    fields = dict(line.split(": ", 1) for line in meta if ": " in line)
    links = [Link(fields["source"], "", "source")] if "source" in fields else []
    paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
    return [make_article(path, title, paragraphs, date=fields.get("date"), links=links,
                         warnings=[fields["warning"]] if "warning" in fields else [])]


def stand_in_discover(paths):
    for p in map(Path, paths):
        yield from (sorted(q for q in p.rglob("*.txt")) if p.is_dir() else [p])


@pytest.fixture
def config_dir(tmp_path, monkeypatch):
    folder = tmp_path / "config"
    monkeypatch.setenv("ARTICLE_READER_CONFIG_DIR", str(folder))
    return folder


@pytest.fixture
def opened_urls(monkeypatch):
    from PySide6.QtGui import QDesktopServices

    urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toString()) or True)
    return urls


@pytest.fixture
def make_window(qtbot, config_dir, opened_urls):
    """Build windows over the stand-in loader (a new one per call = an app restart)."""
    from PySide6.QtWidgets import QApplication

    from reader.settings import Settings
    from reader.ui.theme import apply_theme
    from reader.ui.window import MainWindow
    from reader.ui.worker import Loader

    made = []

    def make(real_loader: bool = False, loader=None):
        if loader is None and not real_loader:
            loader = Loader(load=stand_in_load, discover=stand_in_discover)
        w = MainWindow(Settings.load(), loader)
        qtbot.addWidget(w)
        w.resize(1200, 700)
        w.show()
        made.append(w)
        return w

    yield make
    for w in made:
        w.loader.cancel()
        w.loader.wait(3000)
    apply_theme(QApplication.instance(), "system")


def open_and_wait(qtbot, window, paths, **kw):
    with qtbot.waitSignal(window.loading_finished, timeout=10000):
        assert window.open_paths([str(p) for p in paths], **kw)


@pytest.fixture
def news(tmp_path):
    """A folder of three small articles plus one unreadable (empty) file."""
    folder = tmp_path / "news"
    folder.mkdir()
    filler = [f"Filler paragraph {i} about the weather and the harvest." for i in range(40)]
    write_article(folder, "a.txt", "Aid talks resume", [
        "The United Nations said on Monday that talks would resume.",
        "Officials from the Red Cross joined the UN delegation.",
        "A spokesman for the UN declined to comment.",
    ], date="2025-01-03", source="https://news.example.com/aid", warning="Removed a cookie notice")
    write_article(folder, "b.txt", "Acme profits <b>rise</b>", [
        "Acme Corporation reported higher profits.",
        "Analysts said Acme would expand.",
    ], date="2025-02-10", source="https://biz.example.org/acme")
    write_article(folder, "c.txt", "A long report", filler + [
        "Only at the end does the United Nations appear.",
        "Then the UN again, and the United Nations once more.",
    ] + filler, date="2024-12-31")
    (folder / "d.txt").write_text("", encoding="utf-8")
    return folder
