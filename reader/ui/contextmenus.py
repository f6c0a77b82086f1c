"""Right-click (and Menu key) menus on the article list, the organisations and the pane.

Each menu acts on what is under the pointer (the row, the organisation, the link or
the highlight), which need not be the one selected; asked for with the keyboard
(the Menu key, Shift+F10), on the current row, organisation or the link Tab is on. :class:`ContextMenus` builds them
over the window it is given (Mu's ``Editor(view)``) and keeps the last one shown as
``last`` so tests can pick from it.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QUrl
from PySide6.QtGui import QContextMenuEvent, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMenu

from . import dialogs
from .documents import ArticleRole, Unreadable
from .links import page_url
from .pane import MENTION_SCHEME

log = logging.getLogger(__name__)


class ContextMenus(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.last: QMenu | None = None
        self._by_keyboard = None  # the view a keyboard asked a menu of, until it is shown
        for view, handler in ((window.list_view, self._list_menu),
                              (window.panel.org_view, self._organisation_menu),
                              (window.pane, self._pane_menu)):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(handler)
            view.installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802 (Qt name)
        """Note a menu asked for with the keyboard: it comes to the view itself, at the
        input cursor in the view's coordinates (a mouse's comes through the viewport, in
        the viewport's), so it is about the current item, not the one at that point."""
        if event.type() == QEvent.Type.ContextMenu:
            keyboard = event.reason() == QContextMenuEvent.Reason.Keyboard
            self._by_keyboard = obj if keyboard else None
        return False

    def _keyboard(self, view) -> bool:
        by_keyboard, self._by_keyboard = self._by_keyboard is view, None
        return by_keyboard

    def _index(self, view, pos: QPoint):
        """The item the menu is about, and where (in the viewport) to show it."""
        if self._keyboard(view):
            index = view.currentIndex()
            return index, view.visualRect(index).center()
        return view.indexAt(pos), pos

    def _show(self, menu: QMenu, widget, pos: QPoint) -> None:
        self.last = menu
        menu.popup(widget.mapToGlobal(pos))

    # -- the article list ----------------------------------------------------------
    def _list_menu(self, pos: QPoint) -> None:
        view = self.window.list_view
        index, pos = self._index(view, pos)
        item = index.data(ArticleRole) if index.isValid() else None
        if item is not None:
            self._show(self.article_menu(item), view.viewport(), pos)

    def article_menu(self, item) -> QMenu:
        w = self.window
        menu = QMenu(w)
        url = page_url(item)
        act = menu.addAction("Open Page in Browser", lambda: w.open_link(url))
        act.setEnabled(bool(url))
        menu.addSeparator()
        menu.addAction("Copy Title", lambda: self.copy(item.title, "title"))
        act = menu.addAction("Copy Page Address", lambda: self.copy(url, "address"))
        act.setEnabled(bool(url))
        menu.addAction("Copy File Path", lambda: self.copy(str(Path(item.path)), "file path"))
        menu.addAction("Show File in Its Folder", lambda: self.show_in_folder(item.path))
        menu.addSeparator()
        act = menu.addAction("Export Article…", lambda: dialogs.export_article(w, self._as_shown(item)))
        act.setEnabled(not isinstance(item, Unreadable))
        if not isinstance(item, Unreadable):
            menu.addSeparator()
            read = w.reading.state.is_read(item.key)
            menu.addAction("Mark as Unread" if read else "Mark as Read",
                           lambda: w.reading.mark([item.key], not read))
        return menu

    def _as_shown(self, item):
        return self.window.library.as_shown(item)

    # -- the organisations -----------------------------------------------------------
    def _organisation_menu(self, pos: QPoint) -> None:
        view = self.window.panel.org_view
        index, pos = self._index(view, pos)
        if index.isValid():
            name = self.window.panel.organisations.rows[index.row()].name
            self._show(self.organisation_menu(name), view.viewport(), pos)

    def organisation_menu(self, name: str) -> QMenu:
        w = self.window
        menu = QMenu(w)
        menu.addAction("Mark Its Mentions", lambda: w.panel.select(name))
        menu.addAction("Show Articles Naming It", lambda: w.filter_by_organisation(name))
        menu.addSeparator()
        menu.addAction("Copy Name", lambda: self.copy(name, "name"))
        for hook in w.panel.menu_hooks:          # e.g. the corrections' items
            hook(menu, name)
        return menu

    # -- the reading pane ------------------------------------------------------------
    def _pane_menu(self, pos: QPoint) -> None:
        pane = self.window.pane
        if self._keyboard(pane):  # about the link Tab is on, at the text cursor
            pos = pane.cursorRect().center()
            anchor = pane.focused_link()
        else:
            anchor = pane.anchorAt(pos)
        self._show(self.pane_menu(anchor), pane.viewport(), pos)

    def pane_menu(self, anchor: str = "") -> QMenu:
        """``anchor``: the link under the pointer ('' if none)."""
        w, pane = self.window, self.window.pane
        menu = QMenu(w)
        selected = pane.textCursor().selectedText().replace("\u2029", " ").strip()
        act = menu.addAction("Copy", pane.copy)
        act.setEnabled(bool(selected))
        menu.addAction("Select All", pane.selectAll)
        mention = pane.mention_name(anchor) if anchor.startswith(MENTION_SCHEME + ":") else None
        link = pane.link_of(anchor)  # (a highlight's too, when a link was around its name)
        if link:
            menu.addSeparator()
            menu.addAction("Open Link in Browser", lambda: w.open_link(link))
            menu.addAction("Copy Link Address", lambda: self.copy(link, "link"))
        if anchor.startswith(MENTION_SCHEME + ":"):
            name = pane.mention_name(anchor)
            if name:
                menu.addSeparator()
                menu.addAction(f"Copy “{_short(name)}”", lambda: self.copy(name, "name"))
                menu.addAction("Show Articles Naming It", lambda: w.filter_by_organisation(name))
        if selected:
            menu.addSeparator()
            menu.addAction(f"Search the Folder for “{_short(selected)}”",
                           lambda: w.search_bar.search_for(selected))
        url = page_url(w.current)
        if url:
            menu.addSeparator()
            menu.addAction(w.actions_.open_page)
        for hook in pane.menu_hooks:             # e.g. the corrections' items
            hook(menu, mention or None)
        return menu

    # -- doing -------------------------------------------------------------------------
    def copy(self, text: str, what: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.window.statusBar().showMessage(f"Copied the {what}: {_short(text, 80)}", 4000)

    def show_in_folder(self, path: str) -> bool:
        folder = Path(path).parent
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.window.statusBar().showMessage(f"Opened {folder}", 4000)
            return True
        log.warning("no file manager opened %s", folder)
        self.window.statusBar().showMessage(f"Could not open the folder {folder}: "
                                            "no file manager could be started.", 10000)
        return False


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
