"""Links in an article: web links open in the system browser, nothing else does."""
from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

WEB_SCHEMES = ("http", "https")


def open_web_link(url: str) -> tuple[bool, str]:
    """Open ``url`` in the browser if it is a web link; whether it was, and what to tell
    the user."""
    scheme = QUrl(url).scheme().lower()
    if scheme not in WEB_SCHEMES:
        shown = url if len(url) < 80 else url[:77] + "…"
        return False, f"Refused to open “{shown}”: only web links (http, https) are opened."
    QDesktopServices.openUrl(QUrl(url))
    return True, f"Opened {url} in the browser"
