"""The window's actions (menu entries and shortcuts) and its menu bar."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

SK = QKeySequence.StandardKey


class Actions:
    """Every action the window offers, created once; the window connects them."""

    def __init__(self, window: QMainWindow):
        def make(text, shortcuts=(), tip=""):
            a = QAction(text, window)
            keys: list[QKeySequence] = []
            for s in shortcuts:
                for k in (QKeySequence.keyBindings(s) if isinstance(s, SK) else [QKeySequence(s)]):
                    if k.toString() and k.toString() not in {x.toString() for x in keys}:
                        keys.append(k)
            if keys:
                a.setShortcuts(keys)
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            if tip:
                a.setStatusTip(tip)
            window.addAction(a)  # shortcuts work even with the menu bar hidden
            return a

        self.open_folder = make("Open &Folder…", [SK.Open, "Ctrl+O"], "Open a folder of articles")
        self.open_files = make("Open F&iles…", ["Ctrl+Shift+O"], "Open article files")
        self.recent_menu = QMenu("Open &Recent", window)
        self.clear_recent = make("Clear Recent")
        self.export_article = make("&Export Article…", ["Ctrl+E"],
                                   "Save the cleaned article as text, Markdown, HTML or JSON")
        self.export_all = make("Export &All…", ["Ctrl+Shift+E"],
                               "Save every loaded article into a folder")
        self.open_page = make("Open Page in &Browser", ["Ctrl+Shift+B"],
                              "Open the article's web page in the browser")
        self.quit = make("&Quit", [SK.Quit, "Ctrl+Q"])

        self.find = make("&Find in Article…", [SK.Find, "Ctrl+F"])
        self.filter = make("Filter &List", ["Ctrl+L"], "Filter the article list by title and text")
        self.next_mention = make("Next Mention", ["F3"])
        self.previous_mention = make("Previous Mention", ["Shift+F3"])
        self.clear_marks = make("Clear Marks", ["Esc"])

        self.next_article = make("&Next Article", ["J", "Alt+Down"])
        self.previous_article = make("&Previous Article", ["K", "Alt+Up"])
        self.show_list = make("Article &List", ["Ctrl+Shift+L"], "Show or hide the article list")
        self.show_panel = make("Organisations and &Sources", ["Ctrl+Shift+P"],
                               "Show or hide the side panel")
        for a in (self.show_list, self.show_panel):
            a.setCheckable(True)
            a.setChecked(True)
        self.unread_only = make("Show Only &Unread", ["Ctrl+Shift+U"], "List only the articles not read yet")
        self.unread_only.setCheckable(True)
        self.mark_all_read = make("&Mark All as Read", ["Ctrl+Shift+R"],
                                  "Mark every article the list shows as read")
        self.zoom_in = make("Zoom &In", ["Ctrl+=", "Ctrl++", SK.ZoomIn])
        self.zoom_out = make("Zoom &Out", ["Ctrl+-", SK.ZoomOut])
        self.zoom_reset = make("&Actual Size", ["Ctrl+0"])
        self.only_selected = make("Highlight Only the &Selected Organisation")
        self.only_selected.setCheckable(True)
        self.theme_group = QActionGroup(window)
        self.themes = {}
        for mode, text in (("system", "&System"), ("light", "&Light"), ("dark", "&Dark")):
            a = make(text)
            a.setCheckable(True)
            a.setData(mode)
            self.theme_group.addAction(a)
            self.themes[mode] = a

        self.about = make("&About Article Reader")

    def build_menus(self, window: QMainWindow) -> None:
        bar = window.menuBar()
        file = bar.addMenu("&File")
        file.addActions([self.open_folder, self.open_files])
        file.addMenu(self.recent_menu)
        file.addSeparator()
        file.addActions([self.export_article, self.export_all])
        file.addSeparator()
        file.addAction(self.open_page)
        file.addSeparator()
        file.addAction(self.quit)
        edit = bar.addMenu("&Edit")
        edit.addActions([self.find, self.filter])
        edit.addSeparator()
        edit.addActions([self.next_mention, self.previous_mention, self.clear_marks])
        view = self.view_menu = bar.addMenu("&View")
        view.addActions([self.show_list, self.show_panel])
        view.addSeparator()
        view.addActions([self.next_article, self.previous_article])
        view.addSeparator()
        view.addActions([self.unread_only, self.mark_all_read])
        view.addSeparator()
        view.addActions([self.zoom_in, self.zoom_out, self.zoom_reset])
        view.addSeparator()
        view.addAction(self.only_selected)
        theme = view.addMenu("&Theme")
        theme.addActions(list(self.themes.values()))
        help_ = bar.addMenu("&Help")
        help_.addAction(self.about)

    def fill_recent(self, recent: list[str], open_paths) -> None:
        """The Open Recent menu: ``recent`` (those gone greyed out), then Clear."""
        menu = self.recent_menu
        menu.clear()
        for path in recent:
            act = menu.addAction(path, lambda p=path: open_paths([p]))
            act.setEnabled(Path(path).exists())
        if recent:
            menu.addSeparator()
        menu.addAction(self.clear_recent)
        self.clear_recent.setEnabled(bool(recent))
