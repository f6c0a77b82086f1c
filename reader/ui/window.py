"""The main window: document list | reading pane | side panel, over the core.

The window shows what the core computed and turns the user's actions into calls on
it; loading runs in :class:`reader.ui.worker.Loader`, rows reach the list through
:class:`reader.ui.feeder.Feeder`, and :class:`reader.ui.watching.FolderWatcher` notices
changes on disk. Dialogs go through the small ``ask_*``/``confirm_*``/``show_error``
methods (:class:`reader.ui.dialogs.Asking`) so tests can answer them.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from reader.formats import listed
from reader.settings import Settings

from . import dialogs, links, settling, viewstate
from .actions import Actions
from .contextmenus import ContextMenus
from .corrections import Correcting
from .counts import counted
from .documents import ArticleFilter, ArticleModel, ArticleRole, Unreadable
from .exporter import Exporter
from .feeder import Feeder
from .findbar import FindBar
from .layout import Columns
from .listview import ArticleList
from .marks import Marks
from .pane import ReadingPane
from .reading import Reading
from .panel import SidePanel
from .searchbar import SearchBar
from .status import LoadStatus
from .stories import Stories
from .theme import apply_theme
from .watching import FolderWatcher
from .welcome import WelcomeView, samples_dir
from .worker import Loader

log = logging.getLogger(__name__)


class MainWindow(dialogs.Asking, QMainWindow):
    folder_opened = Signal(list)  # the paths being loaded
    loading_finished = Signal(int)  # articles in the list
    article_opened = Signal(object)  # the Article now in the pane
    organisation_selected = Signal(str)
    link_opened = Signal(str)
    link_refused = Signal(str)  # not a web link
    link_failed = Signal(str)  # a web link no browser could be started for
    exported = Signal(list)  # paths written

    def __init__(self, settings: Settings | None = None, loader: Loader | None = None):
        super().__init__()
        self.settings = settings if settings is not None else Settings.load()
        self.loader = loader or Loader(self)
        self.loader.setParent(self)
        self.exporter = Exporter(self)
        self.current = None  # Article or Unreadable in the pane
        self.paths: list[str] = []
        self._pending_key = ""
        self.hovered_link = ""  # the link the status bar shows
        self._first_shown = None  # the key shown while loading, until the reader picks one
        self.setWindowTitle("Article Reader")
        self.setAcceptDrops(True)
        self._save_timer = QTimer(self, singleShot=True, interval=400)
        self._save_timer.timeout.connect(self.save_settings)
        self._finish_pending: tuple | None = None  # loading finished, rows still waiting
        self.watcher = FolderWatcher(self.loader, self)

        self.marks = Marks(self)
        self.actions_ = Actions(self)
        self.actions_.build_menus(self)
        self._build()
        self.correcting = Correcting(self)  # issue 16: the user's corrections, undoable
        self.correcting.build_menu(self.menuBar(), self.actions_.view_menu.menuAction())
        self._connect()
        self.menus = ContextMenus(self)
        self.reading = Reading(self)
        viewstate.restore(self)
        if self.settings.note or self.correcting.note:
            self.statusBar().showMessage(self.settings.note or self.correcting.note, 15000)

    # -- construction ----------------------------------------------------------------
    def _build(self) -> None:
        self.model = ArticleModel(self)
        self.proxy = ArticleFilter(self)
        self.proxy.setSourceModel(self.model)
        self.feeder = Feeder(self.model, self.loader.taken, self)

        self.search_bar = SearchBar(self.loader, self.proxy)
        self.filter_edit = self.search_bar.edit
        self.org_filter_bar = self.search_bar.org_bar
        self.org_filter_label = self.search_bar.org_label
        self.org_filter_clear = self.search_bar.org_clear

        self.list_view = ArticleList(self.proxy)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(4, 4, 0, 4)
        ll.addWidget(self.search_bar)
        ll.addWidget(self.list_view, 1)
        self.stories = Stories(self)  # one row per story (View menu), versions, Compare
        self.stories.add_to_menu(self.actions_.view_menu)
        ll.addWidget(self.stories.tree, 1)

        self.pane = ReadingPane()
        self.find_bar = FindBar()
        self.find_bar.hide()
        centre = QWidget()
        cl = QVBoxLayout(centre)
        cl.setContentsMargins(0, 4, 0, 4)
        cl.setSpacing(0)
        cl.addWidget(self.pane, 1)
        cl.addWidget(self.find_bar)

        self.panel = SidePanel()
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.panel)
        right.addWidget(self.stories.versions)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        self.splitter = Columns(left, centre, right, self.pane)

        self.welcome = WelcomeView()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)
        self.status = LoadStatus(self.statusBar(), self.loader, self.model, self.proxy, self)
        self.progress_bar = self.status.progress_bar
        self.cancel_button = self.status.cancel_button
        self.count_label = self.status.count_label

        # Tab: list (or stories) → pane (→ find bar) → organisations → sources → versions
        chain = (self.filter_edit, self.list_view, self.stories.tree, self.pane, self.find_bar.edit,
                 self.panel.org_view, self.panel.src_view, self.panel.only_box,
                 self.stories.versions.view, self.stories.versions.compare_button)
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)

    def _connect(self) -> None:
        a = self.actions_
        a.open_folder.triggered.connect(self.choose_folder)
        a.open_files.triggered.connect(self.choose_files)
        a.recent_menu.aboutToShow.connect(lambda: a.fill_recent(self.settings.recent, self.open_paths))
        a.clear_recent.triggered.connect(self._clear_recent)
        a.export_article.triggered.connect(lambda: dialogs.export_article(self, self.current))
        a.export_all.triggered.connect(lambda: dialogs.export_all(self, self.model.articles()))
        a.quit.triggered.connect(self.close)
        a.find.triggered.connect(self.find_bar.open_bar)
        a.filter.triggered.connect(self.focus_filter)
        a.next_mention.triggered.connect(lambda: self.pane.next_mark(1))
        a.previous_mention.triggered.connect(lambda: self.pane.next_mark(-1))
        a.clear_marks.triggered.connect(self.escape)
        a.next_article.triggered.connect(lambda: self.stories.step(1))  # (the list's or the tree's)
        a.previous_article.triggered.connect(lambda: self.stories.step(-1))
        a.zoom_in.triggered.connect(lambda: self.set_zoom(self.pane.zoom + 1))
        a.zoom_out.triggered.connect(lambda: self.set_zoom(self.pane.zoom - 1))
        a.zoom_reset.triggered.connect(lambda: self.set_zoom(0))
        a.only_selected.toggled.connect(self.set_only_selected)
        a.theme_group.triggered.connect(lambda act: self.set_theme(act.data()))
        a.about.triggered.connect(lambda: dialogs.about(self))

        self.welcome.open_folder_requested.connect(self.choose_folder)
        self.welcome.open_samples_requested.connect(self.open_samples)
        self.search_bar.changed.connect(self._after_filter)
        self.list_view.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.list_view.horizontalHeader().sortIndicatorChanged.connect(lambda *_: self._save_soon())
        self.list_view.horizontalHeader().sortIndicatorChanged.connect(self._show_sort_indicator)
        self.splitter.changed.connect(self._save_soon)
        self.splitter.bind(a.show_list, a.show_panel)

        self.loader.articles_loaded.connect(
            lambda articles: self.feeder.put(self.correcting.as_listed(articles), self.current is None))
        self.loader.file_failed.connect(
            lambda path, reason: self.feeder.put([Unreadable(path, reason)], self.current is None))
        self.loader.loading_finished.connect(self._on_loading_finished)
        self.loader.changed.connect(self._on_changed)
        self.loader.note.connect(lambda note: self.statusBar().showMessage(note, 15000))
        self.feeder.fed.connect(self._on_fed)
        self.feeder.drained.connect(self._on_drained)
        self.stories.connect()

        self.pane.mention_clicked.connect(self.select_mention)
        self.pane.link_clicked.connect(lambda url: self.open_link(url.toString()))
        self.pane.highlighted.connect(lambda url: links.show_hovered(self, self.pane.link_of(url.toString())))
        self.pane.link_focused.connect(lambda url: links.show_hovered(self, url))
        a.open_page.triggered.connect(self.open_page)
        self.pane.marks_changed.connect(self.panel.set_mark_status)
        self.pane.matches_changed.connect(self.find_bar.set_count)
        self.find_bar.search_changed.connect(self.pane.find_text)
        self.find_bar.step_requested.connect(self.pane.next_match)
        self.find_bar.closed.connect(self._on_find_closed)
        self.panel.organisation_selected.connect(self.select_organisation)
        self.marks.selected.connect(self.organisation_selected)
        self.panel.organisation_activated.connect(self.filter_by_organisation)
        self.panel.organisation_cleared.connect(self.marks.cleared)
        self.panel.mark_step_requested.connect(self.pane.next_mark)
        self.panel.only_selected_toggled.connect(a.only_selected.setChecked)
        self.panel.link_activated.connect(self.open_link)
        self.panel.url_copied.connect(lambda url: self.statusBar().showMessage(f"Copied {url}", 4000))

    # -- opening ---------------------------------------------------------------------
    def open_paths(self, paths: list[str], select_key: str = "") -> bool:
        """Load ``paths`` (folders and/or files) in the background; False if none exist."""
        existing = [str(Path(p).expanduser().resolve()) for p in paths if Path(p).expanduser().exists()]
        missing = [p for p in paths if not Path(p).expanduser().exists()]
        if missing:
            self.statusBar().showMessage(f"Not found: {', '.join(missing)}", 10000)
        if not existing:
            return False
        self.paths = existing
        self.watcher.unwatch()
        self.feeder.clear()
        self._finish_pending = None
        self._first_shown = None
        self.model.clear()
        self.current = None
        self.search_bar.reset()
        self._pending_key = select_key
        self.stack.setCurrentWidget(self.splitter)
        self.pane.show_message("Loading…", "\n".join(existing))
        self.panel.show_article(None, {}, None)
        self.status.started()
        self.setWindowTitle(f"{_label(existing)} — Article Reader")
        self.settings.last_paths = existing
        if len(existing) == 1:
            self.settings.add_recent(existing[0])
        self._save_soon()
        self.folder_opened.emit(existing)
        self.loader.paced = True  # the feeder reports what it took (and the GIL is shared)
        self.loader.start(existing)
        return True

    def restore_session(self) -> bool:
        """Reopen what was open last time (and the article that was shown)."""
        s = self.settings
        if s.last_paths and all(Path(p).exists() for p in s.last_paths):
            return self.open_paths(s.last_paths, select_key=s.last_article)
        self.show_welcome()
        return False

    def show_welcome(self) -> None:
        self.stack.setCurrentWidget(self.welcome)

    def choose_folder(self) -> None:
        folder = self.ask_folder("Open Folder of Articles")
        if folder:
            self.open_paths([folder])

    def choose_files(self) -> None:
        files = self.ask_files()
        if files:
            self.open_paths(files)

    def open_samples(self) -> None:
        folder = samples_dir()
        if folder:
            self.open_paths([str(folder)])

    def _clear_recent(self) -> None:
        self.settings.recent = []
        self._save_soon()

    def dragEnterEvent(self, event):  # noqa: N802
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event):  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_paths(paths)

    # -- loading reports -------------------------------------------------------------
    def _on_fed(self, chunk: list) -> None:
        self.status.show_count()
        if self.current is None:
            if self._pending_key and self.model.row_of(self._pending_key) >= 0:
                self.select_key(self._pending_key)
            elif not self._pending_key and any(not isinstance(i, Unreadable) for i in chunk):
                self.select_row(0)  # the first article shows as soon as it arrives
                self._first_shown = getattr(self.current, "key", None)

    def _on_drained(self) -> None:
        if self._finish_pending is not None:
            args, self._finish_pending = self._finish_pending, None
            self._on_loading_finished(*args)

    def cancel_loading(self) -> None:
        """Stop loading; the articles already in the list stay."""
        self.status.cancel()

    def _on_loading_finished(self, seen: int, cancelled: bool) -> None:
        if self.feeder.waiting:  # finish once the list has taken every row
            self._finish_pending = (seen, cancelled)
            return
        self.status.finished()
        articles = len(self.model.articles())
        failed = self.model.rowCount() - articles
        first, self._first_shown = self._first_shown, None
        if self.current is None and self.model.rowCount():
            self.select_row(0)
        if self.list_view.verticalScrollBar().value() == 0:  # (the user has not scrolled)
            QTimer.singleShot(0, self.list_view.scroll_to_current)  # once the view has laid out the rows
        self._pending_key = ""
        if not seen:
            self.pane.show_message("No articles here",
                                   f"No article files ({listed()}) were found in\n"
                                   + "\n".join(self.paths))
        self.marks.refresh_counts()
        self.status.show_count()
        self.statusBar().showMessage(self.status.summary(seen, articles, failed, cancelled), 8000)
        if self.filter_edit.text().strip():
            self.apply_filter()  # a search typed while loading sees all that arrived
        settling.settle(self, first, articles)  # the rest in events of their own

    def _on_changed(self, changes) -> None:
        """Files changed on disk while open: the list follows."""
        self.feeder.feed(None)
        gone = set(changes.removed) | set(changes.recovered)
        current_key = getattr(self.current, "key", None)
        self.model.remove(gone)
        self.model.add(self.correcting.as_listed(list(changes.articles)), replace=True)
        self.model.add([Unreadable(f.path, f.reason) for f in changes.failures], replace=True)
        if self.search_bar.keys is not None:
            self.apply_filter()
        if current_key is not None:
            row = self.model.row_of(current_key)
            if row < 0:
                self.current = None
                self.pane.show_message("This article is gone", "Its file was deleted or changed.")
                self.panel.show_article(None, {}, None)
            elif self.model.item(row) is not self.current:
                self.select_key(current_key)
                self.show_item(self.model.item(row))
        self.status.show_count()
        added = len(changes.articles)
        self.statusBar().showMessage(
            f"Folder changed: {counted(added, 'article')} new or updated, {len(changes.removed)} removed", 6000)
        self.watcher.watch()

    # -- the list --------------------------------------------------------------------
    def select_row(self, row: int) -> bool:
        return self.list_view.select_row(row)

    def select_key(self, key: str) -> bool:
        return self.list_view.select_key(key)

    def _on_current_row(self, current, previous) -> None:
        item = current.data(ArticleRole) if current.isValid() else None
        if item is not None:
            self.show_item(item)

    def show_item(self, item) -> None:
        self.reading.leaving()
        self.current = item
        self.marks.forget_note()
        if isinstance(item, Unreadable):
            self.pane.show_message(item.title, f"This file could not be read:\n{item.reason}\n\n{item.path}")
            self.panel.show_article(None, {}, None)
            self.pane.clear_find()
            return
        item = self.library.articles.get(item.key, item)  # (the list's row may be corrected)
        item = self.current = self.library.as_shown(item)  # names the folder knows, marked too
        self.marks.show(item)
        self.reading.shown(item)
        if self.find_bar.isVisible():  # the find bar stays open: it finds in this one too
            self.pane.find_text(self.find_bar.edit.text())
        self.settings.last_article = item.key
        self._save_soon()
        self.article_opened.emit(item)

    def focus_filter(self) -> None:
        self.search_bar.focus()

    def apply_filter(self) -> None:
        """Show the articles matching the filter box (the library's search: full text,
        ranked, ``org:NAME``); a blank box shows every row."""
        self.search_bar.apply()

    def filter_by_organisation(self, name: str) -> None:
        self.search_bar.restrict_to(name)

    def clear_organisation_filter(self) -> None:
        self.search_bar.lift_restriction()

    def _show_sort_indicator(self, *_) -> None:
        """No column's sort mark while the list shows a search's rank order."""
        self.list_view.horizontalHeader().setSortIndicatorShown(not self.proxy.ranked)

    def _after_filter(self) -> None:
        """The rows shown changed: count them, and keep the pane on a row that is shown
        (the one it showed if it still is, else the first; a message when none is)."""
        self._show_sort_indicator()
        self.pane.mark_search_terms(self.filter_edit.text() if self.search_bar.keys is not None else "")
        self.status.show_count()
        if self.loader.busy and self.current is None:
            return  # the first article to arrive is shown then
        if not self.list_view.keep_current(getattr(self.current, "key", None)) and self.model.rowCount():
            self.current = None
            self.pane.show_message("No matching articles", f"None of the {counted(self.model.rowCount(), 'article')}"
                                   f" listed {self.search_bar.describe()}.")
            self.panel.show_article(None, {}, None)

    @property
    def library(self):
        """The open folder's articles, organisation index and search (the loader's)."""
        return self.loader.library

    # -- organisations -------------------------------------------------------------
    def select_organisation(self, name: str) -> None:
        self.marks.select(name)

    def select_mention(self, name: str, start: int) -> None:
        """A highlighted mention was clicked: its organisation is marked, from there."""
        if self.panel.select(name, notify=False):
            self.marks.select(name, at=start)

    def set_only_selected(self, on: bool) -> None:
        self.settings.only_selected = on
        self._save_soon()
        self.marks.set_only_selected(on)

    def escape(self) -> None:
        """Esc: close the find bar if it has focus, else clear the marks."""
        focus = QApplication.focusWidget()
        if self.find_bar.isVisible() and focus is not None and self.find_bar.isAncestorOf(focus):
            self.find_bar.close_bar()
        elif self.pane.mark_count:
            self.panel.clear_selection()
        elif self.find_bar.isVisible():
            self.find_bar.close_bar()

    def _on_find_closed(self) -> None:
        self.pane.clear_find()
        self.pane.setFocus()

    # -- links ---------------------------------------------------------------------
    def open_link(self, url: str) -> bool:
        """Open web links in the system browser (:func:`reader.ui.links.open_for`)."""
        return links.open_for(self, url)

    def open_page(self) -> bool:
        """Open the shown article's own web page in the browser."""
        return links.open_for(self, links.page_url(self.current), "This article has no web address to open.")

    def start_export(self, articles: list, folder: Path, fmt: str) -> None:
        """Export ``articles`` in the background (see :class:`reader.ui.exporter.Exporter`)."""
        self.exporter.start(articles, folder, fmt, self.library)

    # -- view settings -------------------------------------------------------------
    def set_zoom(self, steps: int) -> None:
        self.pane.set_zoom(steps)
        self.settings.zoom = self.pane.zoom
        self._save_soon()

    def set_theme(self, mode: str) -> None:
        self.settings.theme = mode
        self.actions_.themes[mode].setChecked(True)
        apply_theme(QApplication.instance(), mode)
        self.marks.recolour()
        self._save_soon()

    def changeEvent(self, event):  # noqa: N802 - recolour highlights for the new palette
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.marks.recolour()

    def _save_soon(self) -> None:
        self._save_timer.start()

    def save_settings(self) -> None:
        viewstate.capture(self)
        try:
            self.settings.save()
        except OSError as err:
            log.warning("settings could not be saved: %s", err)
            self.statusBar().showMessage(f"Settings could not be saved: {err.strerror or err}", 10000)

    def closeEvent(self, event):  # noqa: N802
        self.watcher.unwatch()
        self.loader.cancel()
        self.exporter.close()  # stops after the file being written (written files stay)
        self._save_timer.stop()
        self.save_settings()
        self.reading.close()
        self.loader.wait(3000)
        self.correcting.wait(3000)
        super().closeEvent(event)


def _label(paths: list[str]) -> str:
    return Path(paths[0]).name + (f" and {len(paths) - 1} more" if len(paths) > 1 else "")

