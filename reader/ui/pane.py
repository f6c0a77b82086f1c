"""The reading pane: the cleaned article as the HTML :mod:`reader.ui.page` builds.

The browser loads no resource of any kind (``loadResource`` returns nothing) and
follows no link by itself: clicks come out as signals (``mention_clicked`` for a
highlighted mention, ``link_clicked`` for anything else, which the window vets).

From the keyboard, Tab and Shift+Tab walk the article's web links (not its
highlights: the organisations panel is for those), each one selected, its URL in
``link_focused`` and a tooltip, opened with Enter; past the last link (before the
first) Tab (Shift+Tab) leaves the pane, and Ctrl+Tab (Ctrl+Shift+Tab) leaves it at once.

A highlight whose name was linked in the article keeps its click (the organisation is
marked) and offers the link in its tooltip, the status bar, its context menu and to
Tab and Enter.
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip, QWidget

from .links import KeyboardLinks, is_web, link_spans
from .page import MENTION_SCHEME, Colours, _u16, article_html, linked_mentions
from .terms import term_spans
from .theme import is_dark, mark_colour

COLUMN_CHARS = 74  # a comfortable line length


class ReadingPane(QTextBrowser):
    mention_clicked = Signal(str, int)  # organisation name, where the mention starts
    link_clicked = Signal(QUrl)  # any other link; the window decides
    link_focused = Signal(str)  # the web link Tab reached ('' when none is)
    marks_changed = Signal(int, int)  # current (1-based, 0 = none), total
    matches_changed = Signal(int, int)  # find: current, total

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setAccessibleName("Article text")
        self.anchorClicked.connect(self._on_anchor)
        self.article = None
        self._placed: list = []
        self._linked: dict[int, str] = {}  # highlight (its number) -> the web link around it
        self._para_starts: list[tuple[int, int, str]] = []  # (text offset, position, text)
        self._marks: list[QTextCursor] = []
        self._mark = -1
        self._matches: list[QTextCursor] = []
        self._match = -1
        self._terms_query = ""  # the search box's text: its words are marked
        self._terms: list[QTextCursor] = []
        self._zoom = 0
        self._base_size = self.font().pointSizeF()
        self._colours: Colours = {}
        self._only: str | None = None
        self.menu_hooks: list = []  # hook(menu, organisation name or None) adds items
        self.keyboard_links = KeyboardLinks(self)

    # -- resources and links: nothing is loaded, nothing followed ------------------
    def loadResource(self, kind: int, url: QUrl | str):  # noqa: N802 (Qt name)
        return None

    def setSource(self, *args, **kwargs):  # noqa: N802 - never navigate
        return None

    def mention_name(self, anchor: str) -> str:
        """The organisation a ``mention:N`` anchor marks ('' if none)."""
        try:
            return self._placed[int(anchor.split(":", 1)[1])].name
        except (ValueError, IndexError):
            return ""

    def link_of(self, anchor: str) -> str:
        """The web link ``anchor`` stands for: itself, or for a highlight, the link its
        name is part of in the article ('' if none)."""
        if anchor.startswith(MENTION_SCHEME + ":"):
            try:
                return self._linked.get(int(anchor.split(":", 1)[1]), "")
            except ValueError:
                return ""
        return anchor if is_web(anchor) else ""

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() == MENTION_SCHEME:
            try:
                mention = self._placed[int(url.path())]
            except (ValueError, IndexError):
                return
            self.mention_clicked.emit(mention.name, mention.start)
        else:
            self.link_clicked.emit(url)

    def mention_at(self, pos) -> str | None:
        """The organisation of the highlight at ``pos`` (viewport coordinates), or None."""
        anchor = self.anchorAt(pos)
        if not anchor.startswith(MENTION_SCHEME + ":"):
            return None
        try:
            return self._placed[int(anchor.split(":", 1)[1])].name
        except (ValueError, IndexError):
            return None

    # -- the keyboard on links: Tab walks the web links, then leaves ----------------
    def focusNextPrevChild(self, next_: bool) -> bool:  # noqa: N802 (Qt name)
        """Tab (``next_``) or Shift+Tab: the next or previous web link of the article,
        then out of the pane (a text browser's own Tab also walks every highlight)."""
        url = self.keyboard_links.step(next_)
        self._show_link(url)
        return True if url else QWidget.focusNextPrevChild(self, next_)

    def keyPressEvent(self, event):  # noqa: N802 (Qt name)
        key, mods = event.key(), event.modifiers()
        url = self.keyboard_links.url()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and url:
            event.accept()
            self.link_clicked.emit(QUrl(url))
            return
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and mods & Qt.KeyboardModifier.ControlModifier:
            event.accept()  # Ctrl+Tab: out of the pane without walking its links
            self.keyboard_links.leave()
            self._show_link("")
            back = key == Qt.Key.Key_Backtab or bool(mods & Qt.KeyboardModifier.ShiftModifier)
            QWidget.focusNextPrevChild(self, not back)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event):  # noqa: N802 (Qt name)
        if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            self.keyboard_links.current, self.keyboard_links.from_view = -1, True
        super().focusInEvent(event)

    def mousePressEvent(self, event):  # noqa: N802 (Qt name)
        self.keyboard_links.from_view = False  # Tab goes on from where the reader clicked
        super().mousePressEvent(event)

    def focused_link(self) -> str:
        """The web link Tab is on ('' if none)."""
        return self.keyboard_links.url()

    def _show_link(self, url: str) -> None:
        self.link_focused.emit(url)
        if url:
            rect = self.cursorRect()
            QToolTip.showText(self.viewport().mapToGlobal(rect.bottomLeft()), url, self, rect)

    # -- showing -------------------------------------------------------------------
    def show_article(self, article, colours: Colours, only: str | None = None) -> None:
        same = self.article is not None and article is not None and self.article.key == article.key
        scroll = self.verticalScrollBar().value() if same else 0
        self.article, self._colours, self._only = article, colours, only
        self._clear_marks(notify=True)
        self._clear_matches()
        spans = link_spans(article)
        html, self._placed = article_html(article, colours, only, spans)
        self._linked = linked_mentions(self._placed, spans)
        had_link = bool(self.keyboard_links.url())
        self.document().setHtml(html)
        self.keyboard_links.reset()
        if had_link:
            self.link_focused.emit("")
        self._index_paragraphs()
        self._fit_column()
        self._place_terms()
        self.verticalScrollBar().setValue(scroll)

    def show_message(self, title: str, text: str) -> None:
        self.article, self._placed, self._para_starts, self._terms = None, [], [], []
        self._linked = {}
        self._clear_marks(notify=True)
        self._clear_matches()
        had_link = bool(self.keyboard_links.url())
        self.document().setHtml(f"<h1>{escape(title)}</h1><p style='white-space:pre-wrap'>"
                                f"{escape(text)}</p>")
        self.keyboard_links.reset()
        if had_link:
            self.link_focused.emit("")
        self._fit_column()

    def _index_paragraphs(self) -> None:
        doc = self.document()
        header = doc.blockCount() - len(self.article.paragraphs)
        self._para_starts = []
        offset = 0
        for i, para in enumerate(self.article.paragraphs):
            block = doc.findBlockByNumber(header + i)
            self._para_starts.append((offset, block.position(), para))
            offset += len(para) + 2

    def cursor_for(self, start: int, end: int) -> QTextCursor | None:
        """A document cursor selecting ``Article.text[start:end]``."""
        for offset, position, para in reversed(self._para_starts):
            if offset <= start:
                c = QTextCursor(self.document())
                c.setPosition(position + _u16(para[:start - offset]))
                c.setPosition(position + _u16(para[:end - offset]), QTextCursor.MoveMode.KeepAnchor)
                return c
        return None

    # -- organisation marks ------------------------------------------------------
    def mark_organisation(self, name: str, at: int | None = None) -> int:
        """Mark every mention of ``name`` and return how many. The current one is the
        first, scrolled to; or, with ``at``, the mention starting there (one the reader
        clicked: the text stays where it is)."""
        self._clear_marks(notify=False)
        starts: list[int] = []
        if self.article is not None:
            mentions = sorted((m for org in self.article.organisations if org.name == name
                               for m in org.mentions), key=lambda m: m.start)
            for m in mentions:
                c = self.cursor_for(m.start, m.end)
                if c is not None:
                    self._marks.append(c)
                    starts.append(m.start)
        self._mark = (starts.index(at) if at in starts else 0) if self._marks else -1
        self._show_marks(scroll=at is None or at not in starts)
        return len(self._marks)

    def next_mark(self, step: int = 1) -> None:
        if self._marks:
            self._mark = (self._mark + step) % len(self._marks)
            self._show_marks()

    def previous_mark(self) -> None:
        self.next_mark(-1)

    def clear_marks(self) -> None:
        self._clear_marks(notify=True)

    @property
    def mark_count(self) -> int:
        return len(self._marks)

    @property
    def current_mark(self) -> int:
        return self._mark

    def _clear_marks(self, notify: bool) -> None:
        self._marks, self._mark = [], -1
        self._update_selections()
        if notify:
            self.marks_changed.emit(0, 0)

    def _show_marks(self, scroll: bool = True) -> None:
        self._update_selections()
        if self._mark >= 0 and scroll:
            self._scroll_to(self._marks[self._mark])
        self.marks_changed.emit(self._mark + 1, len(self._marks))

    # -- the search box's words ----------------------------------------------------
    def mark_search_terms(self, query: str) -> int:
        """Mark the words of the search box's ``query`` (not scrolled to); how many."""
        self._terms_query = query
        self._place_terms()
        self._update_selections()
        return len(self._terms)

    @property
    def search_term_count(self) -> int:
        return len(self._terms)

    def _place_terms(self) -> None:
        self._terms = []
        if self.article is not None and self._terms_query.strip():
            spans = term_spans(self.article.text, self._terms_query)
            self._terms = [c for s, e in spans if (c := self.cursor_for(s, e))]

    # -- find ------------------------------------------------------------------------
    def find_text(self, needle: str) -> int:
        """Highlight every case-insensitive match; return how many."""
        self._matches, self._match = [], -1
        if needle:
            doc, c = self.document(), QTextCursor(self.document())
            while True:
                c = doc.find(needle, c)
                if c.isNull():
                    break
                self._matches.append(QTextCursor(c))
        return self._step_match(0)

    def next_match(self, step: int = 1) -> int:
        return self._step_match(step)

    def _step_match(self, step: int) -> int:
        if self._matches:
            self._match = 0 if self._match < 0 else (self._match + step) % len(self._matches)
            self._scroll_to(self._matches[self._match])
        self._update_selections()
        self.matches_changed.emit(self._match + 1, len(self._matches))
        return len(self._matches)

    def _clear_matches(self) -> None:
        self._matches, self._match = [], -1
        self._update_selections()

    def clear_find(self) -> None:
        self._clear_matches()
        self.matches_changed.emit(0, 0)

    # -- painting marks and matches ---------------------------------------------
    def _update_selections(self) -> None:
        dark = is_dark(self.palette())
        pal = self.palette()
        mark = QTextCharFormat()
        mark.setBackground(mark_colour(dark))
        mark.setForeground(QColor("#000000"))
        current = QTextCharFormat()
        current.setBackground(pal.highlight())
        current.setForeground(pal.highlightedText())
        match = QTextCharFormat()
        match.setBackground(QColor("#fff176") if not dark else QColor("#8a7a10"))
        match.setForeground(QColor("#000000") if not dark else QColor("#ffffff"))
        term = QTextCharFormat()  # grey and underlined: no organisation's colour is grey
        term.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        term.setUnderlineColor(pal.highlight().color())
        term.setBackground(QColor("#e2e2e2") if not dark else QColor("#4a4a4e"))
        sels = []
        for cursors, index, fmt in ((self._terms, -1, term), (self._marks, self._mark, mark),
                                    (self._matches, self._match, match)):
            for i, c in enumerate(cursors):
                sel = QTextEdit.ExtraSelection()
                sel.cursor, sel.format = c, current if i == index else fmt
                sels.append(sel)
        self.setExtraSelections(sels)

    def _scroll_to(self, cursor: QTextCursor) -> None:
        c = QTextCursor(cursor)
        c.setPosition(cursor.selectionStart())
        rect = self.cursorRect(c)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - self.viewport().height() // 3)

    # -- zoom and the reading column --------------------------------------------
    @property
    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, steps: int) -> None:
        steps = max(-6, min(12, steps))
        font = self.font()
        if self._base_size > 0:
            font.setPointSizeF(self._base_size * (1.1 ** steps))
        self.setFont(font)
        self.document().setDefaultFont(font)
        self._zoom = steps
        self._fit_column()

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self._fit_column()

    def _fit_column(self) -> None:
        width = self.viewport().width()
        column = self.fontMetrics().averageCharWidth() * COLUMN_CHARS
        side = max(16, (width - column) // 2)
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        if fmt.leftMargin() != side:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            fmt.setTopMargin(16)
            fmt.setBottomMargin(24)
            frame.setFrameFormat(fmt)

    # -- tooltips on mentions ------------------------------------------------------
    def viewportEvent(self, event):  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:
            anchor = self.anchorAt(event.pos())
            if anchor.startswith(MENTION_SCHEME + ":"):
                try:
                    m = self._placed[int(anchor.split(":", 1)[1])]
                except (ValueError, IndexError):
                    return True
                link = self.link_of(anchor)
                QToolTip.showText(event.globalPos(), self.tooltip_for(m.name, m.why)
                                  + (f"\nLink: {link}" if link else ""), self)
            elif is_web(anchor):
                QToolTip.showText(event.globalPos(), anchor, self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def tooltip_for(self, name: str, why: str = "") -> str:
        """The organisation's name and other names; ``why``: the rule that made this mention."""
        tip = name
        for org in self.article.organisations if self.article else ():
            if org.name == name:
                tip += f"\nAlso: {', '.join(org.aliases)}" if org.aliases else ""
                break
        return tip + (f"\nWhy: {why}" if why else "")
