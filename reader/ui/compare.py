"""Two versions of a story side by side (:func:`reader.stories.compare`).

Each side shows its version's text with the sentences only it has on a tinted
background, and the organisations only it names listed under it and marked (bold,
coloured) where the text names them. The comparison is of two articles already
loaded: no file is read here. Give it the articles as shown (the user's corrections
applied); :meth:`CompareDialog.show_versions` shows them again after a correction.
"""
from __future__ import annotations

import html
import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QTextCharFormat
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QTextBrowser,
                               QVBoxLayout, QWidget)

from reader.record import Article
from reader.stories import Comparison, compare

from . import comparekeys as keys

log = logging.getLogger(__name__)


def _colours() -> tuple[str, str]:
    """(sentence background, organisation text) readable on the current palette."""
    dark = QApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
    return ("#5a4a12", "#ffb86b") if dark else ("#fff1b8", "#b3261e")


class VersionSide(QWidget):
    """One version: title and source, its text with what only it has marked, and the
    organisations only it names."""

    def __init__(self, label: str, parent=None):
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.text = QTextBrowser()
        self.text.setAccessibleName(f"Version {label}")
        self.text.setOpenLinks(False)
        self.only = QLabel()
        self.only.setWordWrap(True)
        self.only.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.only)
        self.label = label
        self.organisations_only: tuple[str, ...] = ()

    def show_version(self, article: Article, spans, organisations_only: tuple[str, ...]) -> None:
        back, ink = _colours()
        self.organisations_only = organisations_only
        where = article.domain or Path(article.path).name  # (a file name, not where it sits)
        self.heading.setText(f"{self.label}: {article.title}\n{article.date or 'undated'} · {where}")
        marks = [(m.start, m.end) for org in article.organisations if _named(org, organisations_only)
                 for m in org.mentions]
        self.text.setHtml(_html(article.text, spans, marks, back, ink))
        if organisations_only:
            names = ", ".join(f'<b style="color:{ink}">{html.escape(n)}</b>' for n in organisations_only)
            self.only.setText(f"Organisations only here: {names}")
        else:
            self.only.setText("Organisations only here: none")

    def marked_sentences(self) -> list[str]:
        """The text shown on the 'only here' background, a run per sentence."""
        return _runs(self.text, lambda f: f.background().style() != Qt.BrushStyle.NoBrush)

    def marked_names(self) -> list[str]:
        """The text shown as an organisation only this version names."""
        return _runs(self.text, lambda f: f.fontWeight() >= 700)


class CompareDialog(QDialog):
    """Version A (the article being read) beside version B (another of its story)."""

    def __init__(self, first: Article, second: Article, parent=None):
        super().__init__(parent)
        self.setWindowTitle(f"Compare: {first.title}")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.first, self.second = VersionSide("A"), VersionSide("B")
        self.legend = legend = QLabel()
        legend.setWordWrap(True)
        self.show_versions(first, second)
        sides = QHBoxLayout()
        sides.addWidget(self.first, 1)
        sides.addWidget(self.second, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(legend)
        layout.addLayout(sides, 1)
        layout.addWidget(buttons)
        self.resize(1100, 700)
        keys.install(self, buttons)  # Tab order, F3 between marked sentences, names

    def reject(self) -> None:
        """Escape closes (and so deletes) the dialog, as the Close button does (QDialog's
        own closing calls this too: hide first, so that call is not refused)."""
        super().reject()
        self.close()

    def show_versions(self, first: Article, second: Article) -> None:
        """Compare ``first`` and ``second`` (as shown: corrected) and show what each alone has."""
        self.first_article, self.second_article = first, second
        self.comparison: Comparison = compare(first, second)
        c = self.comparison
        self.first.show_version(first, c.spans_only_first, c.organisations_only_first)
        self.second.show_version(second, c.spans_only_second, c.organisations_only_second)
        back, _ = _colours()
        both = ", ".join(c.organisations_both) or "none"
        self.legend.setText(f'<span style="background:{back}">Sentences only one version has</span> are '
                            f"marked. Organisations both name: {html.escape(both)}")


def _named(org, names: tuple[str, ...]) -> bool:
    return org.name in names or any(a in names for a in org.aliases)


def _html(text: str, sentences, names, back: str, ink: str) -> str:
    """``text`` as HTML: the ``sentences`` spans on ``back``, the ``names`` spans bold in ``ink``."""
    cuts = sorted({0, len(text), *(p for span in (*sentences, *names) for p in span)})
    out = []
    for start, end in zip(cuts, cuts[1:]):
        piece = html.escape(text[start:end]).replace("\n", "<br>")
        in_sentence = any(a <= start and end <= b for a, b in sentences)
        in_name = any(a <= start and end <= b for a, b in names)
        style = (f"background-color:{back};" if in_sentence else "") + \
                (f"color:{ink};font-weight:700;" if in_name else "")
        out.append(f'<span style="{style}">{piece}</span>' if style else piece)
    return "<div>" + "".join(out) + "</div>"


def _runs(browser: QTextBrowser, marked) -> list[str]:
    """The runs of ``browser``'s text whose character format ``marked`` accepts."""
    runs: list[str] = []
    block = browser.document().begin()
    joined = False
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid():
                fmt: QTextCharFormat = fragment.charFormat()
                if marked(fmt):
                    if joined and runs:
                        runs[-1] += fragment.text()
                    else:
                        runs.append(fragment.text())
                    joined = True
                else:
                    joined = False
            it += 1
        block = block.next()
        joined = False
    return [r.strip() for r in runs if r.strip()]

