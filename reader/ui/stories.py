"""Stories in the window: the list as one row per story, and the current article's versions.

:class:`StoryModel` is a tree over the library's stories (a row per story: its earliest
version's title, the count of versions, date and source; its versions under it);
:class:`StoryTree` shows it in place of the article list while the View menu's "One Row
per Story" is on. :class:`VersionsPanel` lists the versions of the current article's
story (click one to open it) with a Compare button. :class:`Stories` builds these,
adds the actions and connects them to the window. The stories come from the loader,
grouped on its thread (:meth:`reader.library.Library.stories`).
"""
from __future__ import annotations

import logging

from PySide6.QtCore import (QAbstractItemModel, QAbstractListModel, QModelIndex, QObject, QSortFilterProxyModel, Qt,
                            Signal)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QListView, QPushButton,
                               QStyledItemDelegate, QTreeView, QVBoxLayout, QWidget)

from reader.record import Article
from reader.stories import Story

from .documents import AcceptRole, ArticleRole
from .listview import SOURCE_CHARS, ContentWidth, FoldingColumns

log = logging.getLogger(__name__)

COLUMNS = ("Title", "Versions", "Date", "Source")
TITLE, VERSIONS, DATE, SOURCE = range(4)
_TOP = 0  # internal id of a story's row; a version's is its story's row + 1


class StoryModel(QAbstractItemModel):
    """The stories as a tree: a row per story (its representative), its versions under it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._stories: list[Story] = []
        self.accepts = None  # the list's filter, by article key: AcceptRole asks it

    def set_stories(self, stories: list[Story]) -> None:
        self.beginResetModel()
        self._stories = list(stories)
        self.endResetModel()

    def stories(self) -> list[Story]:
        return list(self._stories)

    def stories_at(self, row: int) -> Story:
        return self._stories[row]

    def index_of(self, key: str) -> QModelIndex:
        """The row of the article ``key``: its story's row if it is the representative,
        else its row under its story."""
        for row, story in enumerate(self._stories):
            for n, a in enumerate(story.articles):
                if a.key == key:
                    top = self.index(row, 0)
                    return top if n == 0 else self.index(n, 0, top)
        return QModelIndex()

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        if parent.isValid():
            if parent.internalId() != _TOP or not 0 <= row < len(self._stories[parent.row()].articles):
                return QModelIndex()
            return self.createIndex(row, column, parent.row() + 1)
        if not 0 <= row < len(self._stories):
            return QModelIndex()
        return self.createIndex(row, column, _TOP)

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        if not parent.isValid():
            return len(self._stories)
        if parent.internalId() == _TOP and parent.column() == 0:
            story = self._stories[parent.row()]
            return len(story.articles) if len(story.articles) > 1 else 0
        return 0

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return len(COLUMNS)

    def _article(self, index: QModelIndex) -> tuple[Article, Story, bool]:
        if index.internalId() == _TOP:
            story = self._stories[index.row()]
            return story.representative, story, True
        story = self._stories[index.internalId() - 1]
        return story.articles[index.row()], story, False

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        article, story, top = self._article(index)
        if role == ArticleRole:
            return article
        if role == AcceptRole:  # a story is kept if the list keeps a version of it
            keep = not top or self.accepts is None or any(self.accepts(a.key) for a in story.articles)
            return "1" if keep else ""
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == TITLE:
                return article.title
            if col == VERSIONS:
                return str(len(story.articles)) if top else ""
            if col == DATE:
                return article.date or ""
            if col == SOURCE:
                return article.domain
        if role == Qt.ItemDataRole.ToolTipRole:  # (a source cut with "…" shown whole)
            return (article.domain or None) if col == SOURCE else article.path
        if role == Qt.ItemDataRole.TextAlignmentRole and col == VERSIONS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None


class StoryFilter(QSortFilterProxyModel):
    """The stories with a version the list's filter shows (``accepts(key)``: the search
    and the organisation filter of :class:`reader.ui.documents.ArticleFilter`); all the
    versions of a story shown are listed under it. While the list shows every row
    (``filtering()`` false) Qt keeps every story without asking Python once per story
    (a folder's 10,000 each time the stories arrive); else it keeps those whose
    ``AcceptRole`` is "1"."""

    def __init__(self, accepts, parent=None, filtering=lambda: True):
        super().__init__(parent)
        self.accepts = accepts
        self.filtering = filtering
        self.setFilterRole(AcceptRole)
        self.setFilterKeyColumn(0)

    def setSourceModel(self, model) -> None:  # noqa: N802
        super().setSourceModel(model)
        model.accepts = self.accepts
        self.refilter()

    def refilter(self) -> None:
        pattern = "1" if self.filtering() else ""
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
            self.beginFilterChange()
            if self.filterRegularExpression().pattern() != pattern:
                self.setFilterFixedString(pattern)
            self.endFilterChange()
        else:
            if self.filterRegularExpression().pattern() != pattern:
                self.setFilterFixedString(pattern)
            self.invalidateFilter()


class StoryTree(QTreeView):
    """The list as one row per story, each expandable to its versions."""

    def __init__(self, model: StoryFilter, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName("Stories")
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        width = self.fontMetrics().horizontalAdvance
        for col, sample in ((VERSIONS, "Versions"), (DATE, "2025-12-31 "), (SOURCE, "example.com")):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width(sample) + 16)
        self.folding = FoldingColumns(self, header, (VERSIONS, DATE, SOURCE), shrinks={SOURCE: SOURCE_CHARS})
        self.source_width = ContentWidth(self, self.folding, SOURCE)

    def resizeEvent(self, event):  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self.folding.fit()

    def select_key(self, key: str) -> bool:
        proxy = self.model()
        index = proxy.mapFromSource(proxy.sourceModel().index_of(key))
        if not index.isValid():
            return False
        if index.parent().isValid():
            self.expand(index.parent())
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True


class VersionsModel(QAbstractListModel):
    """The versions of one story, earliest first; the current article's row is bold."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._articles: list[Article] = []
        self.current_key = ""

    def set_versions(self, articles: list[Article], current_key: str) -> None:
        self.beginResetModel()
        self._articles, self.current_key = list(articles), current_key
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._articles)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        a = self._articles[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            where = a.domain or a.path.rsplit("/", 1)[-1]
            return f"{a.date or '—'}  {a.title}  ({where})"
        if role == ArticleRole:
            return a
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{a.title}\n{a.date or 'no date'} · {a.path}"
        if role == Qt.ItemDataRole.FontRole and a.key == self.current_key:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None


class _NoWiderThanView(QStyledItemDelegate):
    """Rows as wide as the list, their text cut with "…", not a sideways scroll bar."""

    def sizeHint(self, option, index):  # noqa: N802 (Qt name)
        size = super().sizeHint(option, index)
        size.setWidth(min(size.width(), self.parent().viewport().width()))
        return size


class VersionsPanel(QWidget):
    """"Versions of this story": click one to open it; Compare sets it beside the current."""

    version_activated = Signal(object)  # Article
    compare_requested = Signal(object)  # Article: the version to set beside the current one

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = VersionsModel(self)
        self.label = QLabel("Versions of this story")
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setAccessibleName("Versions of this story")
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)  # (the tooltip has it whole)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setItemDelegate(_NoWiderThanView(self.view))
        self.compare_button = QPushButton("Compare with the Current Article")
        self.compare_button.setAccessibleName("Compare versions")
        self.compare_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.compare_button)
        self.view.clicked.connect(self._on_clicked)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._enable())
        self.compare_button.clicked.connect(self._on_compare)
        self.show_versions(None)

    def show_versions(self, story: Story | None, current_key: str = "") -> None:
        articles = list(story.articles) if story is not None and len(story.articles) > 1 else []
        self.model.set_versions(articles, current_key)
        self.label.setText(f"Versions of this story ({len(articles)})" if articles
                           else "Versions of this story: this is the only one")
        self._enable()

    def selected(self) -> Article | None:
        index = self.view.currentIndex()
        return index.data(ArticleRole) if index.isValid() else None

    def other_version(self) -> Article | None:
        """The version to compare with: the one selected, else the first that is not current."""
        chosen = self.selected()
        if chosen is not None and chosen.key != self.model.current_key:
            return chosen
        for row in range(self.model.rowCount()):
            a = self.model.index(row).data(ArticleRole)
            if a.key != self.model.current_key:
                return a
        return None

    def _enable(self) -> None:
        self.compare_button.setEnabled(self.other_version() is not None)

    def _on_clicked(self, index: QModelIndex) -> None:
        article = index.data(ArticleRole)
        if article is not None and article.key != self.model.current_key:
            self.version_activated.emit(article)

    def _on_compare(self) -> None:
        other = self.other_version()
        if other is not None:
            self.compare_requested.emit(other)


class Stories(QObject):
    """The stories part of the window: the tree, the versions panel, the View menu's
    toggle and Compare, connected to ``window`` (a :class:`reader.ui.window.MainWindow`)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.model = StoryModel(self)
        self.filter = StoryFilter(window.proxy.accepts_key, self, lambda: window.proxy.filtering)
        self.filter.setSourceModel(self.model)
        self.tree = StoryTree(self.filter)
        self.tree.hide()
        self.versions = VersionsPanel()
        self.compare_view = None  # the open CompareDialog, if any
        self.by_story = QAction("One Row per &Story", window)
        self.by_story.setCheckable(True)
        self.by_story.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.by_story.setStatusTip("List each story once (its earliest version), or every article")
        self.compare = QAction("&Compare Versions…", window)
        self.compare.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.compare.setStatusTip("Set another version of this story beside the current article")
        for action in (self.by_story, self.compare):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)
        self.compare.setEnabled(False)

    def add_to_menu(self, menu) -> None:
        menu.addSeparator()
        menu.addActions([self.by_story, self.compare])

    def connect(self) -> None:
        w = self.window
        w.loader.stories_changed.connect(self.set_stories)
        w.article_opened.connect(self.show_versions)
        w.folder_opened.connect(lambda _paths: self.set_stories([]))
        self.by_story.toggled.connect(self.set_by_story)
        self.by_story.toggled.connect(lambda _on: w._save_soon())  # (remembered)
        self.compare.triggered.connect(self.compare_current)
        self.versions.version_activated.connect(lambda a: self.open_article(a))
        self.versions.compare_requested.connect(self.compare_with)
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current)
        w.search_bar.changed.connect(self.filter.refilter)
        w.correcting.corrected.connect(self.follow_corrections)

    # -- what the library found ---------------------------------------------------------
    def set_stories(self, stories: list[Story]) -> None:
        key = getattr(self.window.current, "key", None)
        self.model.set_stories(stories)
        self.filter.refilter()  # (the list's filter may have changed since the last)
        if key is not None:
            if self.tree.isVisible():
                self.tree.select_key(key)
            self.show_versions(self.window.current)

    def show_versions(self, article) -> None:
        key = getattr(article, "key", "")
        if key and self.tree.isVisible():  # (opened from elsewhere: J/K, a version's click)
            current = self.tree.currentIndex().data(ArticleRole)
            if getattr(current, "key", None) != key:
                self.tree.select_key(key)
        story = self.window.library.story_of(key) if key else None
        self.versions.show_versions(story, key)
        self.compare.setEnabled(self.versions.other_version() is not None)

    # -- the list: every article, or one row per story ---------------------------------------
    def set_by_story(self, on: bool) -> None:
        w = self.window
        w.list_view.setVisible(not on)
        self.tree.setVisible(on)
        key = getattr(w.current, "key", None)
        if on:
            if key is not None:
                self.tree.select_key(key)
            self.tree.setFocus()
        else:
            if key is not None:
                w.select_key(key)
            w.list_view.setFocus()

    def step(self, step: int) -> None:
        """Next (``step`` 1) or previous (-1) article in the order the list shows: the
        story tree's rows as they are laid out (a story, then its versions when it is
        expanded), or the table's."""
        if not self.by_story.isChecked():
            self.window.list_view.step(step)
            return
        tree, key = self.tree, getattr(self.window.current, "key", None)
        target = tree.currentIndex()
        if not target.isValid():
            target = tree.model().index(0, 0)
        else:  # (an expanded story's first version is the story's own article: passed over)
            while target.isValid() and getattr(target.data(ArticleRole), "key", None) == key:
                target = tree.indexBelow(target) if step > 0 else tree.indexAbove(target)
        if target.isValid():
            tree.setCurrentIndex(target.siblingAtColumn(0))
            tree.scrollTo(target)

    def _on_tree_current(self, current: QModelIndex, _previous) -> None:
        article = current.data(ArticleRole) if current.isValid() else None
        if article is not None and article.key != getattr(self.window.current, "key", None):
            self.open_article(article)

    def open_article(self, article: Article) -> None:
        """Show ``article`` (selected in the list if it is listed)."""
        w = self.window
        if not w.select_key(article.key):
            w.show_item(article)

    def follow_corrections(self, keys: list) -> None:
        """A correction changed the organisations of the articles ``keys``: their stories
        are checked again (in the background) and an open Compare shows them as corrected."""
        if keys:
            self.window.loader.regroup()
        view = self.compare_view
        if view is not None and view.isVisible():
            library = self.window.library
            first, second = (library.articles.get(a.key, a) for a in (view.first_article, view.second_article))
            view.show_versions(library.as_shown(first), library.as_shown(second))

    # -- compare -------------------------------------------------------------------------
    def compare_current(self) -> None:
        other = self.versions.other_version()
        if other is not None:
            self.compare_with(other)

    def compare_with(self, other: Article) -> None:
        from .compare import CompareDialog

        current = self.window.current
        if not isinstance(current, Article):
            return
        other = self.window.library.as_shown(other)  # the names the folder taught, as the pane shows
        if self.compare_view is not None:
            self.compare_view.close()
        self.compare_view = CompareDialog(current, other, self.window)
        self.compare_view.show()
