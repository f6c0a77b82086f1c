"""Links in an article: web links open in the system browser, nothing else does.

:func:`link_spans` places an article's in-text links in its text (the extractors keep
each link's label, not where it stood): each label is looked for after the previous
one, so a label said twice links where the article linked it. Only web links are
placed; any other link stays plain text. :class:`KeyboardLinks` walks a pane's web
links from the keyboard, as a browser's Tab does.
"""
from __future__ import annotations

from bisect import bisect_left
from urllib.parse import urlsplit

from PySide6.QtCore import QPoint, QUrl
from PySide6.QtGui import QDesktopServices, QTextCursor

WEB_SCHEMES = ("http", "https")
MIN_LABEL = 2  # a one-letter label is too small to click (and found everywhere)


def is_web(url: str) -> bool:
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.netloc)


def link_spans(article) -> list[tuple[int, int, str]]:
    """``(start, end, url)`` of the article's in-text web links in ``Article.text``,
    in order and not overlapping."""
    text = article.text
    spans: list[tuple[int, int, str]] = []  # kept in order of start
    starts: list[int] = []
    after = 0
    for link in article.links:
        label = " ".join(link.label.split())
        if link.kind != "inline" or len(label) < MIN_LABEL or not is_web(link.url):
            continue
        at = text.find(label, after)
        if at < 0:
            at = text.find(label)  # linked out of order
        end = at + len(label)
        i = bisect_left(starts, at)
        if at < 0 or (i > 0 and spans[i - 1][1] > at) or (i < len(spans) and spans[i][0] < end):
            continue  # not found, or over a link already placed
        spans.insert(i, (at, end, link.url.strip()))
        starts.insert(i, at)
        after = end
    return spans


def page_url(article) -> str:
    """The article's own web page (its first web source link), or ''."""
    for link in getattr(article, "source_links", ()):
        if is_web(link.url):
            return link.url.strip()
    return ""


def open_web_link(url: str) -> tuple[bool, str]:
    """Open ``url`` in the browser if it is a web link; whether it was opened, and what
    to tell the user."""
    shown = url if len(url) < 80 else url[:77] + "…"
    if not is_web(url):
        return False, f"Refused to open “{shown}”: only web links (http, https) are opened."
    if not QDesktopServices.openUrl(QUrl(url.strip())):
        return False, f"Could not open “{shown}”: no web browser could be started."
    return True, f"Opened {shown} in the browser"


def open_for(window, url: str, none: str = "") -> bool:
    """Open ``url`` for ``window``: what happened in its status bar, and its signal
    (``link_opened``, ``link_refused`` for a link not on the web, ``link_failed`` when
    no browser could be started). An empty ``url`` shows ``none``."""
    bar = window.statusBar()
    if not url:
        bar.showMessage(none, 6000)
        return False
    opened, message = open_web_link(url)
    bar.showMessage(message, 5000 if opened else 10000)
    if opened:
        window.link_opened.emit(url)
    else:
        (window.link_failed if is_web(url) else window.link_refused).emit(url)
    return opened


def show_hovered(window, url: str) -> None:
    """The web link under the mouse in ``window``'s status bar, as browsers show it."""
    bar = window.statusBar()
    if is_web(url):
        window.hovered_link = url
        bar.showMessage(url)
    elif window.hovered_link and bar.currentMessage() == window.hovered_link:
        window.hovered_link = ""
        bar.clearMessage()


def document_links(document, link_of=lambda href: href) -> list[tuple[int, int, str]]:
    """``(start, end, url)`` document positions of the web links in ``document``, in
    order; ``link_of(href)`` is the web link an anchor stands for (a highlight's, the
    link around it). A link cut in pieces (by a highlight inside it) counts once."""
    found: list[tuple[int, int, str]] = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            url = link_of(fmt.anchorHref()) if fmt.isAnchor() else ""
            if is_web(url):
                start, end = fragment.position(), fragment.position() + fragment.length()
                if found and found[-1][2] == url and found[-1][1] == start:
                    start = found.pop()[0]
                found.append((start, end, url))
            it += 1
        block = block.next()
    return found


class KeyboardLinks:
    """Tab and Shift+Tab on a text browser's web links (never its highlights): from the
    text cursor, or from the top (Shift+Tab: the bottom) of what is in view when focus
    came by Tab or the cursor is out of view. The link reached is selected and
    scrolled to; past the last (first) one, focus leaves the browser."""

    def __init__(self, browser):
        self.browser = browser
        self._links: list[tuple[int, int, str]] | None = None  # found when first asked
        self.current = -1
        self.from_view = True

    def reset(self) -> None:
        """The document changed: no link is current, and none is known."""
        self._links, self.current, self.from_view = None, -1, True

    def links(self) -> list[tuple[int, int, str]]:
        if self._links is None:
            self._links = document_links(self.browser.document(), self.browser.link_of)
        return self._links

    def url(self) -> str:
        """The web link the keyboard is on ('' if none, or if the selection moved off it)."""
        links = self._links  # (none known: none walked to since the page changed)
        if links is None or not 0 <= self.current < len(links):
            return ""
        c = self.browser.textCursor()
        start, end, url = links[self.current]
        return url if (c.selectionStart(), c.selectionEnd()) == (start, end) else ""

    def step(self, forward: bool) -> str:
        """Select the next (previous) web link; its URL, or '' when there is none."""
        links = self.links()
        if self.url():
            index = self.current + (1 if forward else -1)
        else:
            at = self._start(forward)
            if forward:
                index = next((n for n, (s, _e, _u) in enumerate(links) if s >= at), len(links))
            else:
                index = max((n for n, (_s, e, _u) in enumerate(links) if e <= at), default=-1)
        self.from_view = False
        if not 0 <= index < len(links):
            self.leave()
            return ""
        self.current = index
        start, end, url = links[index]
        c = QTextCursor(self.browser.document())
        c.setPosition(start)
        c.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.browser.setTextCursor(c)  # (and scrolled to)
        return url

    def leave(self) -> None:
        """No link is current; a selected one is no longer selected."""
        if self.url():
            c = self.browser.textCursor()
            c.clearSelection()
            self.browser.setTextCursor(c)
        self.current = -1

    def _start(self, forward: bool) -> int:
        b = self.browser
        view = b.viewport().rect()
        c = b.textCursor()
        if not self.from_view and view.intersects(b.cursorRect(c)):
            return c.selectionEnd() if forward else c.selectionStart()
        corner = QPoint(0, 0) if forward else QPoint(view.width() - 1, view.height() - 1)
        return b.cursorForPosition(corner).position()
