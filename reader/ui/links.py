"""Links in an article: web links open in the system browser, nothing else does.

:func:`link_spans` places an article's in-text links in its text (the extractors keep
each link's label, not where it stood): each label is looked for after the previous
one, so a label said twice links where the article linked it. Only web links are
placed; any other link stays plain text.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

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
    spans: list[tuple[int, int, str]] = []
    after = 0
    for link in article.links:
        label = " ".join(link.label.split())
        if link.kind != "inline" or len(label) < MIN_LABEL or not is_web(link.url):
            continue
        at = text.find(label, after)
        if at < 0:
            at = text.find(label)  # linked out of order
        end = at + len(label)
        if at < 0 or any(s < end and at < e for s, e, _ in spans):
            continue
        spans.append((at, end, link.url.strip()))
        after = end
    spans.sort()
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
