"""The main window: document list | reading pane | side panel, over the core.

The window shows what the core computed and turns the user's actions into calls on
it; loading runs in :class:`reader.ui.worker.Loader`. Dialogs go through the small
``ask_*``/``confirm_*``/``show_error`` methods so tests can answer them.
"""
from __future__ import annotations

import logging
import sys
from collections import deque
from pathlib import Path

from PySide6.QtCore import (QByteArray, QElapsedTimer, QEvent, QFileSystemWatcher,
                            QItemSelectionModel, Qt, QTimer, QUrl, Signal)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFileDialog, QHBoxLayout,
                               QHeaderView, QInputDialog, QLabel, QLineEdit, QMainWindow,
                               QMessageBox, QProgressBar, QSplitter, QStackedWidget,
                               QTableView, QToolButton, QVBoxLayout, QWidget)

from reader.settings import Settings

from . import dialogs
from .actions import Actions
from .counts import counted
from .documents import ArticleFilter, ArticleModel, ArticleRole, Unreadable
from .exporter import Exporter
from .findbar import FindBar
from .pane import ReadingPane
from .panel import SidePanel
from .theme import apply_theme, is_dark, organisation_colours
from .welcome import WelcomeView, samples_dir
from .worker import Loader

log = logging.getLogger(__name__)

WEB_SCHEMES = ("http", "https")
SEARCH_DELAY_MS = 150  # the filter searches this long after the last key
WATCH_DELAY_MS = 250  # changes on disk are looked at this long after the last report
FEED_MS = 12  # rows are added for at most this long per turn of the event loop
FEED_CHUNK = 50  # rows added at a time, or when more than FEED_BULK are waiting (a warm
FEED_BULK = 200  # open: batches of a thousand) up to FEED_MOST at once: the list then
FEED_MOST = 2000  # places them in one layout change rather than an insert per place
PROGRESS_MS = 150  # the progress bar shows news at most this often
LOADING_SWITCH_S = 0.0005  # the GIL changes hands this often while loading (Python's default: 5 ms)
WATCH_FILES = 2000  # at most this many open files are watched one by one (folders always)


class MainWindow(QMainWindow):
    folder_opened = Signal(list)  # the paths being loaded
    loading_finished = Signal(int)  # articles in the list
    article_opened = Signal(object)  # the Article now in the pane
    organisation_selected = Signal(str)
    link_opened = Signal(str)
    link_refused = Signal(str)
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
        self._dark_shown = False
        self.setWindowTitle("Article Reader")
        self.setAcceptDrops(True)
        self._save_timer = QTimer(self, singleShot=True, interval=400)
        self._save_timer.timeout.connect(self.save_settings)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self._watch_timer = QTimer(self, singleShot=True, interval=WATCH_DELAY_MS)
        self._watch_timer.timeout.connect(self._refresh_changed)
        self._changed_paths: dict[str, None] = {}
        self._search_keys: list[str] | None = None
        self._org_filter = ""  # the organisation the list is restricted to, if any
        self._mention_note = ""  # the status message about the selected organisation
        self._incoming: deque = deque()  # articles and Unreadables the list has still to take
        self._finish_pending: tuple | None = None
        self._progress_timer = QTimer(self, singleShot=True, interval=PROGRESS_MS)
        self._progress_timer.timeout.connect(self._show_next_progress)
        self._progress_next: tuple | None = None
        self._feed_timer = QTimer(self, singleShot=True, interval=0)
        self._feed_timer.timeout.connect(self._feed)
        self.watcher = QFileSystemWatcher(self)
        self._load_clock = QElapsedTimer()
        self._switch_interval: float | None = None  # Python's, while loading

        self.actions_ = Actions(self)
        self.actions_.build_menus(self)
        self._build()
        self._connect()
        self._restore_view_state()
        self.statusBar().addPermanentWidget(self.progress_bar)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self.statusBar().addPermanentWidget(self.count_label)
        if self.settings.note:
            self.statusBar().showMessage(self.settings.note, 15000)

    # -- construction ----------------------------------------------------------------
    def _build(self) -> None:
        self.model = ArticleModel(self)
        self.proxy = ArticleFilter(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Search title and text, or org:NAME (Ctrl+L)")
        self.filter_edit.setAccessibleName("Filter articles")
        self.filter_edit.setClearButtonEnabled(True)
        self.org_filter_label = QLabel()
        self.org_filter_label.setAccessibleName("Organisation filter")
        self.org_filter_clear = QToolButton(text="✕", autoRaise=True)
        self.org_filter_clear.setToolTip("Show all articles")
        self.org_filter_clear.setAccessibleName("Show all articles")
        self.org_filter_bar = QWidget()
        bar = QHBoxLayout(self.org_filter_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.org_filter_label, 1)
        bar.addWidget(self.org_filter_clear)
        self.org_filter_bar.hide()

        # a table, not a tree: a QTreeView lays out every row whenever rows arrive
        # (32 ms per batch at 10,000 rows, measured), a QTableView only what is visible
        self.list_view = QTableView()
        self.list_view.setModel(self.proxy)
        self.list_view.setAccessibleName("Articles")
        self.list_view.setShowGrid(False)
        self.list_view.setWordWrap(False)
        self.list_view.setTabKeyNavigation(False)
        self.list_view.setCornerButtonEnabled(False)
        rows = self.list_view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.list_view.fontMetrics().height() + 8)
        self.list_view.setAlternatingRowColors(True)
        self.list_view.setSortingEnabled(True)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.list_view.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # fixed widths: ResizeToContents measures up to 1,000 rows whenever rows arrive
        width = self.list_view.fontMetrics().horizontalAdvance
        for col, sample in ((1, "2025-12-31 "), (2, "example.com"), (3, "Orgs ▼")):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width(sample) + 16)
        header.setMinimumSectionSize(36)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(4, 4, 0, 4)
        ll.addWidget(self.filter_edit)
        ll.addWidget(self.org_filter_bar)
        ll.addWidget(self.list_view, 1)

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
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for w in (left, centre, self.panel):
            self.splitter.addWidget(w)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([470, 620, 330])

        self.welcome = WelcomeView()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)
        self.count_label = QLabel("")
        self.count_label.setAccessibleName("Article count")
        # wide enough for "10,000 articles, loading…" at once: while a fast load changes
        # it many times a second, the status bar's layout lagged and cut it off
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance(
            "00,000 articles, loading…") + 8)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName("Loading progress")
        self.progress_bar.setTextVisible(True)
        self.progress_bar.setMinimumWidth(220)
        self.progress_bar.hide()
        self.cancel_button = QToolButton(text="Cancel")
        self.cancel_button.setToolTip("Stop loading (the articles already loaded stay)")
        self.cancel_button.setAccessibleName("Cancel loading")
        self.cancel_button.hide()

        for a, b in ((self.filter_edit, self.list_view), (self.list_view, self.pane),
                     (self.pane, self.find_bar.edit), (self.find_bar.edit, self.panel.org_view),
                     (self.panel.org_view, self.panel.only_box),
                     (self.panel.only_box, self.panel.src_view)):
            QWidget.setTabOrder(a, b)

    def _connect(self) -> None:
        a = self.actions_
        a.open_folder.triggered.connect(self.choose_folder)
        a.open_files.triggered.connect(self.choose_files)
        a.recent_menu.aboutToShow.connect(self._fill_recent)
        a.clear_recent.triggered.connect(self._clear_recent)
        a.export_article.triggered.connect(self.export_current)
        a.export_all.triggered.connect(self.export_everything)
        a.quit.triggered.connect(self.close)
        a.find.triggered.connect(self.find_bar.open_bar)
        a.filter.triggered.connect(self.focus_filter)
        a.next_mention.triggered.connect(lambda: self.pane.next_mark(1))
        a.previous_mention.triggered.connect(lambda: self.pane.next_mark(-1))
        a.clear_marks.triggered.connect(self.escape)
        a.next_article.triggered.connect(lambda: self.step_article(1))
        a.previous_article.triggered.connect(lambda: self.step_article(-1))
        a.zoom_in.triggered.connect(lambda: self.set_zoom(self.pane.zoom + 1))
        a.zoom_out.triggered.connect(lambda: self.set_zoom(self.pane.zoom - 1))
        a.zoom_reset.triggered.connect(lambda: self.set_zoom(0))
        a.only_selected.toggled.connect(self.set_only_selected)
        a.theme_group.triggered.connect(lambda act: self.set_theme(act.data()))
        a.about.triggered.connect(lambda: dialogs.about(self))

        self.welcome.open_folder_requested.connect(self.choose_folder)
        self.welcome.open_samples_requested.connect(self.open_samples)
        self.filter_edit.textChanged.connect(self._on_filter_text)
        self.org_filter_clear.clicked.connect(self.clear_organisation_filter)
        self.list_view.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.list_view.horizontalHeader().sortIndicatorChanged.connect(lambda *_: self._save_soon())
        self.list_view.horizontalHeader().sortIndicatorChanged.connect(self._show_sort_indicator)
        self.splitter.splitterMoved.connect(lambda *_: self._save_soon())

        self.loader.articles_loaded.connect(self._on_articles)
        self.loader.file_failed.connect(self._on_failed)
        self.loader.loading_finished.connect(self._on_loading_finished)
        self.loader.progress.connect(self._on_progress)
        self.loader.changed.connect(self._on_changed)
        self.loader.note.connect(lambda note: self.statusBar().showMessage(note, 15000))
        self.cancel_button.clicked.connect(self.cancel_loading)
        self.watcher.directoryChanged.connect(self._on_disk_change)
        self.watcher.fileChanged.connect(self._on_disk_change)

        self.pane.mention_clicked.connect(lambda name: self.panel.select(name))
        self.pane.link_clicked.connect(lambda url: self.open_link(url.toString()))
        self.pane.marks_changed.connect(self.panel.set_mark_status)
        self.pane.matches_changed.connect(self.find_bar.set_count)
        self.find_bar.search_changed.connect(self.pane.find_text)
        self.find_bar.step_requested.connect(self.pane.next_match)
        self.find_bar.closed.connect(self._on_find_closed)
        self.panel.organisation_selected.connect(self.select_organisation)
        self.panel.organisation_activated.connect(self.filter_by_organisation)
        self.panel.organisation_cleared.connect(self._on_organisation_cleared)
        self.panel.mark_step_requested.connect(self.pane.next_mark)
        self.panel.only_selected_toggled.connect(a.only_selected.setChecked)
        self.panel.link_activated.connect(self.open_link)
        self.panel.url_copied.connect(lambda url: self.statusBar().showMessage(f"Copied {url}", 4000))

    def _restore_view_state(self) -> None:
        s = self.settings
        if s.geometry:
            self.restoreGeometry(QByteArray.fromBase64(s.geometry.encode("ascii")))
        else:
            self.resize(1300, 800)
        if len(s.splitter) == 3 and all(n >= 0 for n in s.splitter):
            self.splitter.setSizes(s.splitter)
        order = Qt.SortOrder.DescendingOrder if s.sort_descending else Qt.SortOrder.AscendingOrder
        self.list_view.sortByColumn(s.sort_column if 0 <= s.sort_column < 4 else 1, order)
        self.pane.set_zoom(s.zoom)
        self.actions_.themes.get(s.theme, self.actions_.themes["system"]).setChecked(True)
        self.actions_.only_selected.setChecked(s.only_selected)
        self.panel.only_box.setChecked(s.only_selected)
        if s.theme != "system":
            apply_theme(QApplication.instance(), s.theme)

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
        self._unwatch()
        self._incoming.clear()
        self._finish_pending = None
        self.model.clear()
        self.current = None
        self.clear_organisation_filter()
        self._search_keys = None
        self.proxy.set_search(None)
        self._show_sort_indicator()
        self._pending_key = select_key
        self.stack.setCurrentWidget(self.splitter)
        self.pane.show_message("Loading…", "\n".join(existing))
        self.panel.show_article(None, {}, None)
        self.count_label.setText("loading…")
        self._show_progress(0, 0)
        self.setWindowTitle(f"{_label(existing)} — Article Reader")
        self.settings.last_paths = existing
        if len(existing) == 1:
            self.settings.add_recent(existing[0])
        self._save_soon()
        self.folder_opened.emit(existing)
        self._share_gil(True)
        self.loader.paced = True  # _feed reports what it took
        self.loader.start(existing)
        return True

    def _share_gil(self, loading: bool) -> None:
        """While the loader thread decodes, the list's Python calls wait for the GIL
        up to the switch interval each time: shorter then, the default again after
        (a warm 10,000-article open: longest UI stall ~90 ms -> ~55 ms)."""
        if loading and self._switch_interval is None:
            self._switch_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(LOADING_SWITCH_S, self._switch_interval))
        elif not loading and self._switch_interval is not None:
            sys.setswitchinterval(self._switch_interval)
            self._switch_interval = None

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

    def _fill_recent(self) -> None:
        menu = self.actions_.recent_menu
        menu.clear()
        for path in self.settings.recent:
            act = menu.addAction(path, lambda p=path: self.open_paths([p]))
            act.setEnabled(Path(path).exists())
        if self.settings.recent:
            menu.addSeparator()
        menu.addAction(self.actions_.clear_recent)
        self.actions_.clear_recent.setEnabled(bool(self.settings.recent))

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
    def _on_articles(self, articles: list) -> None:
        self._incoming.extend(articles)  # the library indexed them on its thread
        self._feed_soon()

    def _on_failed(self, path: str, reason: str) -> None:
        self._incoming.append(Unreadable(path, reason))
        self._feed_soon()

    def _feed_soon(self) -> None:
        if self.current is None and not self._feed_timer.isActive():
            self._feed()  # the first rows at once: the first article shows without delay
        elif not self._feed_timer.isActive():
            self._feed_timer.start()

    def _feed(self, budget_ms: float | None = FEED_MS) -> None:
        """Add waiting rows a chunk at a time for at most ``budget_ms`` (None: all),
        then let the event loop run (paint, input, the next batch) and go on after."""
        clock = QElapsedTimer()
        clock.start()
        incoming = self._incoming
        while incoming and (budget_ms is None or clock.elapsed() < budget_ms):
            size = FEED_CHUNK if len(incoming) <= FEED_BULK else FEED_MOST
            chunk = [incoming.popleft() for _ in range(min(size, len(incoming)))]
            self.model.add(chunk)
            self.loader.taken(sum(not isinstance(i, Unreadable) for i in chunk))
            if self.current is None:
                if self._pending_key and self.model.row_of(self._pending_key) >= 0:
                    self.select_key(self._pending_key)
                elif not self._pending_key and any(not isinstance(i, Unreadable) for i in chunk):
                    self.select_row(0)  # the first article shows as soon as it arrives
        if incoming:
            self._feed_timer.start()
        elif self._finish_pending is not None:
            args, self._finish_pending = self._finish_pending, None
            self._on_loading_finished(*args)

    def _on_progress(self, done: int, total: int) -> None:
        """At most every PROGRESS_MS: a progress bar repaints itself at once on each
        new value, and a warm open reports dozens of times a second."""
        self._progress_next = (done, total)
        if not self._progress_timer.isActive() or (total and done >= total):
            self._show_next_progress()
            self._progress_timer.start()

    def _show_next_progress(self) -> None:
        if self._progress_next is not None:
            args, self._progress_next = self._progress_next, None
            self._show_progress(*args)

    def _show_progress(self, done: int, total: int) -> None:
        bar = self.progress_bar
        if not self.loader.busy:
            return
        if not bar.isVisible():
            self._load_clock.start()
            bar.show()
            self.cancel_button.show()
            self.cancel_button.setEnabled(True)
        bar.setRange(0, total if total > 0 else 100)  # total not known yet: an empty bar
        bar.setValue(min(done, total) if total > 0 else 0)
        seconds = self._load_clock.elapsed() / 1000
        rate = f" · {done / seconds:,.0f}/s" if done and seconds > 0.2 else ""
        bar.setFormat(f"{done:,} / {total:,}{rate}" if total else f"{done:,} files{rate}")
        self.count_label.setText(f"{counted(self.model.rowCount(), 'article')}, loading…")

    def cancel_loading(self) -> None:
        """Stop loading; the articles already in the list stay."""
        if self.loader.busy:
            self.loader.stop()
            self.cancel_button.setEnabled(False)
            self.progress_bar.setFormat("stopping…")

    def _on_loading_finished(self, seen: int, cancelled: bool) -> None:
        if self._incoming:  # finish once the list has taken every row
            self._finish_pending = (seen, cancelled)
            return
        self._share_gil(False)
        self.progress_bar.hide()
        self.cancel_button.hide()
        articles = len(self.model.articles())
        failed = self.model.rowCount() - articles
        if self.current is None and self.model.rowCount():
            self.select_row(0)
        if self.list_view.verticalScrollBar().value() == 0:  # (the user has not scrolled)
            QTimer.singleShot(0, self._scroll_to_current)  # once the view has laid out the rows
        self._pending_key = ""
        if not seen:
            self.pane.show_message("No articles here",
                                   "No article files (.txt, .md, .html, .json) were found in\n"
                                   + "\n".join(self.paths))
        if self.pane.article is not None:
            with self.library.lock:
                self.panel.refresh_counts(self.current, self._colours(self.current), self.library.index)
        self._show_count()
        note = (f"Loaded {counted(articles, 'article')} from {counted(seen, 'file')}" if seen
                else "No article files found")
        if cancelled:
            note = f"Stopped: {note[0].lower()}{note[1:]}" if seen else "Stopped before any file"
        if failed:
            note += f"; {failed:,} could not be read (marked in the list)"
        self.statusBar().showMessage(note, 8000)
        if self.filter_edit.text().strip():
            self.apply_filter()  # a search typed while loading sees all that arrived
        self._watch()
        self.loading_finished.emit(articles)

    def _show_count(self) -> None:
        if self.loader.busy:
            return  # the progress shows "N articles, loading…"
        articles = len(self.model.articles())
        failed = self.model.rowCount() - articles
        text = counted(articles, "article") + (f", {failed:,} unreadable" if failed else "")
        if self.proxy.rowCount() < self.model.rowCount():
            text = f"{self.proxy.rowCount():,} shown of {text}"
        self.count_label.setText(text)

    # -- noticing changes on disk --------------------------------------------------
    def _watch(self) -> None:
        """Watch the open folders (files appear and go) and, up to WATCH_FILES, the
        open files themselves (edits in place do not change their folder)."""
        wanted = list(self.library.folders())
        library = self.library
        with library.lock:
            files = dict.fromkeys(a.path for a in library.articles.values())
            files.update(dict.fromkeys(library.failures))
        wanted += list(files)[:WATCH_FILES]
        have = set(self.watcher.directories()) | set(self.watcher.files())
        new = [p for p in wanted if p not in have]
        if new:
            self.watcher.addPaths(new)

    def _unwatch(self) -> None:
        paths = self.watcher.directories() + self.watcher.files()
        if paths:
            self.watcher.removePaths(paths)
        self._changed_paths.clear()
        self._watch_timer.stop()

    def _on_disk_change(self, path: str) -> None:
        self._changed_paths[path] = None
        self._watch_timer.start()

    def _refresh_changed(self) -> None:
        if self.loader.busy:  # an open is running: it sees the change, or we look after it
            self._watch_timer.start()
            return
        paths, self._changed_paths = list(self._changed_paths), {}
        if paths:
            self.loader.refresh(paths)

    def _on_changed(self, changes) -> None:
        """Files changed on disk while open: the list follows."""
        self._feed(None)
        gone = set(changes.removed) | set(changes.recovered)
        current_key = getattr(self.current, "key", None)
        self.model.remove(gone)
        self.model.add(list(changes.articles), replace=True)
        self.model.add([Unreadable(f.path, f.reason) for f in changes.failures], replace=True)
        if self._search_keys is not None:
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
        self._show_count()
        added = len(changes.articles)
        self.statusBar().showMessage(
            f"Folder changed: {counted(added, 'article')} new or updated, {len(changes.removed)} removed", 6000)
        self._watch()

    # -- the list --------------------------------------------------------------------
    def select_row(self, row: int) -> bool:
        if not 0 <= row < self.proxy.rowCount():
            return False
        index = self.proxy.index(row, 0)
        self.list_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.list_view.scrollTo(index)
        return True

    def select_key(self, key: str) -> bool:
        row = self.model.row_of(key)
        if row < 0:
            return False
        return self.select_row(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def _scroll_to_current(self) -> None:
        """Bring the shown article's row into view (the first article to arrive is shown
        at once, and may sort far down the list by the time all have arrived)."""
        current = self.list_view.currentIndex()
        if current.isValid():
            self.list_view.scrollTo(current)

    def step_article(self, step: int) -> None:
        row = self.list_view.currentIndex().row()
        self.select_row(max(0, min(self.proxy.rowCount() - 1, row + step)) if row >= 0 else 0)

    def _on_current_row(self, current, previous) -> None:
        item = current.data(ArticleRole) if current.isValid() else None
        if item is not None:
            self.show_item(item)

    def show_item(self, item) -> None:
        self.current = item
        self.find_bar.hide()
        if self._mention_note and self.statusBar().currentMessage() == self._mention_note:
            self.statusBar().clearMessage()  # it spoke of the article shown before
        if isinstance(item, Unreadable):
            self.pane.show_message(item.title, f"This file could not be read:\n{item.reason}\n\n{item.path}")
            self.panel.show_article(None, {}, None)
            return
        item = self.current = self.library.as_shown(item)  # names the folder knows, marked too
        colours = self._colours(item)
        self.pane.show_article(item, colours)
        with self.library.lock:
            self.panel.show_article(item, colours, self.library.index)
        self.settings.last_article = item.key
        self._save_soon()
        self.article_opened.emit(item)

    def focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def _on_filter_text(self, text: str) -> None:
        if not text.strip():
            self.apply_filter()  # clearing shows everything at once
        else:
            self._search_timer.start()  # results as you type, once the typing pauses

    def apply_filter(self) -> None:
        """Show the articles matching the filter box (the library's search: full text,
        ranked, ``org:NAME``); a blank box shows every row."""
        self._search_timer.stop()
        text = self.filter_edit.text()
        self._search_keys = self.library.search(text) if text.strip() else None
        self.proxy.set_search(self._search_keys)
        self._show_sort_indicator()
        self._after_filter()

    def _show_sort_indicator(self, *_) -> None:
        """No column's sort mark while the list shows a search's rank order."""
        self.list_view.horizontalHeader().setSortIndicatorShown(not self.proxy.ranked)

    def _after_filter(self) -> None:
        """The rows shown changed: count them, and keep the pane on a row that is shown
        (the one it showed if it still is, else the first; a message when none is)."""
        self._show_count()
        if self.loader.busy and self.current is None:
            return  # the first article to arrive is shown then
        current = self.list_view.currentIndex()
        if not current.isValid() and self.current is not None:
            row = self.model.row_of(self.current.key)  # shown again: select it again
            if row >= 0:
                current = self.proxy.mapFromSource(self.model.index(row, 0))
                if current.isValid():
                    self.select_row(current.row())
        if current.isValid():
            self.list_view.scrollTo(current)
        elif self.proxy.rowCount():
            self.select_row(0)
        elif self.model.rowCount():
            what = []
            if self._search_keys is not None:
                what.append(f"match “{self.filter_edit.text().strip()}”")
            if self.proxy.restricted:
                what.append(f"name {self._org_filter}")
            self.current = None
            self.pane.show_message("No matching articles", f"None of the {counted(self.model.rowCount(), 'article')}"
                                   f" listed {' and '.join(what)}.")
            self.panel.show_article(None, {}, None)

    @property
    def library(self):
        """The open folder's articles, organisation index and search (the loader's)."""
        return self.loader.library

    def filter_by_organisation(self, name: str) -> None:
        keys = self.library.articles_naming(name)
        self._org_filter = name
        self.proxy.set_keys(keys)
        self.org_filter_label.setText(f"Naming <b>{_esc(name)}</b>: {_esc(counted(len(keys), 'article'))}")
        self.org_filter_bar.show()
        self._after_filter()

    def clear_organisation_filter(self) -> None:
        self.proxy.set_keys(None)
        self.org_filter_bar.hide()
        self._after_filter()

    # -- organisations -------------------------------------------------------------
    def _colours(self, article) -> dict:
        dark = self._dark_shown = is_dark(QApplication.palette())
        return {org.name: organisation_colours(i, dark) for i, org in enumerate(article.organisations)}

    def _only(self) -> str | None:
        return self.panel.selected_name() if self.actions_.only_selected.isChecked() else None

    def select_organisation(self, name: str) -> None:
        if self.current is None or isinstance(self.current, Unreadable):
            return
        if self.actions_.only_selected.isChecked():
            self.pane.show_article(self.current, self._colours(self.current), name)
        n = self.pane.mark_organisation(name)
        self._mention_note = f"{name}: {counted(n, 'mention')} in this article"
        self.statusBar().showMessage(self._mention_note, 5000)
        self.organisation_selected.emit(name)

    def _on_organisation_cleared(self) -> None:
        self.pane.clear_marks()
        if self.actions_.only_selected.isChecked() and self.pane.article is not None:
            self.pane.show_article(self.current, self._colours(self.current), None)

    def set_only_selected(self, on: bool) -> None:
        self.panel.only_box.setChecked(on)
        self.settings.only_selected = on
        self._save_soon()
        name = self.panel.selected_name()
        if self.pane.article is not None:
            self.pane.show_article(self.current, self._colours(self.current), name if on else None)
            if name:
                self.pane.mark_organisation(name)

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
        """Open web links in the system browser; refuse every other scheme."""
        scheme = QUrl(url).scheme().lower()
        if scheme not in WEB_SCHEMES:
            shown = url if len(url) < 80 else url[:77] + "…"
            self.statusBar().showMessage(
                f"Refused to open “{shown}”: only web links (http, https) are opened.", 10000)
            self.link_refused.emit(url)
            return False
        QDesktopServices.openUrl(QUrl(url))
        self.statusBar().showMessage(f"Opened {url} in the browser", 5000)
        self.link_opened.emit(url)
        return True

    # -- export --------------------------------------------------------------------
    def export_current(self) -> None:
        if self.current is None or isinstance(self.current, Unreadable):
            self.statusBar().showMessage("Nothing to export: open an article first.", 5000)
            return
        dialogs.export_article(self, self.current)

    def export_everything(self) -> None:
        articles = self.model.articles()
        if not articles:
            self.statusBar().showMessage("Nothing to export: open a folder first.", 5000)
            return
        dialogs.export_all(self, articles)

    def start_export(self, articles: list, folder: Path, fmt: str) -> None:
        """Export ``articles`` in the background (see :class:`reader.ui.exporter.Exporter`)."""
        self.exporter.start(articles, folder, fmt, self.library)

    # -- dialogs (tests replace these) -------------------------------------------
    def ask_folder(self, title: str) -> str:
        return QFileDialog.getExistingDirectory(self, title, self._start_dir())

    def ask_files(self) -> list[str]:
        files, _ = QFileDialog.getOpenFileNames(
            self, "Open Articles", self._start_dir(),
            "Articles (*.txt *.text *.md *.markdown *.html *.htm *.xhtml *.json *.jsonl);;All files (*)")
        return files

    def ask_save_path(self, suggested: str, filters: list[str]) -> tuple[str, str]:
        return QFileDialog.getSaveFileName(
            self, "Export Article", suggested, ";;".join(filters), filters[0],
            QFileDialog.Option.DontConfirmOverwrite)

    def ask_export_format(self, formats: list[str]) -> str:
        choice, ok = QInputDialog.getItem(self, "Export All", "Format:", formats, 0, False)
        return choice if ok else ""

    def confirm_overwrite(self, path: str) -> bool:
        answer = QMessageBox.question(
            self, "Replace File?", f"“{path}” already exists.\nDo you want to replace it?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def _start_dir(self) -> str:
        return self.paths[0] if self.paths else str(Path.home())

    def export_dir(self) -> str:
        """Where an export is suggested: never beside the sources, so the home folder."""
        return str(Path.home())

    # -- view settings -------------------------------------------------------------
    def set_zoom(self, steps: int) -> None:
        self.pane.set_zoom(steps)
        self.settings.zoom = self.pane.zoom
        self._save_soon()

    def set_theme(self, mode: str) -> None:
        self.settings.theme = mode
        self.actions_.themes[mode].setChecked(True)
        apply_theme(QApplication.instance(), mode)
        self.recolour()
        self._save_soon()

    def changeEvent(self, event):  # noqa: N802 - recolour highlights for the new palette
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.recolour()

    def recolour(self) -> None:
        dark = is_dark(QApplication.palette())
        if self.pane.article is not None and dark != self._dark_shown:
            name = self.panel.selected_name()
            self.pane.show_article(self.current, self._colours(self.current), self._only())
            with self.library.lock:
                self.panel.refresh_counts(self.current, self._colours(self.current), self.library.index)
            if name:
                self.pane.mark_organisation(name)

    def _save_soon(self) -> None:
        self._save_timer.start()

    def save_settings(self) -> None:
        s = self.settings
        s.geometry = bytes(self.saveGeometry().toBase64()).decode("ascii")
        s.splitter = list(self.splitter.sizes())
        header = self.list_view.horizontalHeader()
        s.sort_column = header.sortIndicatorSection()
        s.sort_descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        s.zoom = self.pane.zoom
        try:
            s.save()
        except OSError as err:
            log.warning("settings could not be saved: %s", err)
            self.statusBar().showMessage(f"Settings could not be saved: {err.strerror or err}", 10000)

    def closeEvent(self, event):  # noqa: N802
        self._unwatch()
        self.loader.cancel()
        self.exporter.close()  # stops after the file being written (written files stay)
        self._share_gil(False)  # a load cancelled here never reports finished
        self._save_timer.stop()
        self.save_settings()
        self.loader.wait(3000)
        super().closeEvent(event)


def _label(paths: list[str]) -> str:
    return Path(paths[0]).name + (f" and {len(paths) - 1} more" if len(paths) > 1 else "")


def _esc(text: str) -> str:
    from html import escape

    return escape(text)
