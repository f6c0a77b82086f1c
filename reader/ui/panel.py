"""The side panel: the organisations the article names, and its sources.

Organisations: colour swatch, canonical name, aliases, mentions in this article and
articles in the folder that name it (from the core's folder-wide index), with the
mark navigator (``1/3``, previous/next, clear, "only this organisation").
Sources: each link's label and domain; a double-click or Enter asks the window to
open one.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QContextMenuEvent, QGuiApplication, QIcon, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView,
                               QLabel, QMenu, QSplitter, QStyledItemDelegate, QStyleOptionViewItem,
                               QToolButton, QTreeView,
                               QVBoxLayout, QWidget)

from .counts import counted

WRAP_CHARS = 30  # an organisation name column narrower than this shows one line a row


@dataclass(frozen=True)
class OrgRow:
    name: str
    aliases: tuple[str, ...]
    here: int
    in_folder: int
    colour: QColor


class OrganisationModel(QAbstractTableModel):
    HEADERS = ("Organisation", "Here", "Articles")
    TIPS = ("Canonical name, and the other names it goes by", "Mentions in this article",
            "Articles in the folder that name it")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[OrgRow] = []

    def set_rows(self, rows: list[OrgRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_of(self, name: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.name == name), -1)

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.HEADERS[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.TIPS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return row.name + (f"\nalso: {', '.join(row.aliases)}" if row.aliases else "")
            return (None, row.here, row.in_folder)[col]
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return _swatch(row.colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            also = f"\nAlso: {', '.join(row.aliases)}" if row.aliases else ""
            return (f"{row.name}{also}\n{counted(row.here, 'mention')} here, named in "
                    f"{counted(row.in_folder, 'article')} in the folder.\n"
                    "Click to mark its mentions; double-click to list the articles naming it.")
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.name
        return None


def _swatch(colour: QColor) -> QIcon:
    """The colour of an organisation's highlights, the same when its row is selected
    (a QIcon's own selected look tints it grey)."""
    pix = QPixmap(14, 14)
    pix.fill(colour)
    icon = QIcon()
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected, QIcon.Mode.Active):
        icon.addPixmap(pix, mode)
    return icon


class LinkModel(QAbstractTableModel):
    HEADERS = ("Source", "Domain")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.links: list = []
        self._title = ""

    def set_links(self, links, title: str = "") -> None:
        """``title``: the article's; a label that only repeats it shows the URL instead."""
        self.beginResetModel()
        self.links = list(links)
        self._title = " ".join(title.split()).casefold()
        self.endResetModel()

    def label(self, link) -> str:
        label = " ".join(link.label.split())
        if not label or label.casefold() == self._title:
            return link.url.split("://", 1)[-1]
        return label

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.links)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else 2

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        link = self.links[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.label(link) if index.column() == 0 else link.domain
        if role == Qt.ItemDataRole.ToolTipRole:
            return link.url
        if role == Qt.ItemDataRole.UserRole:
            return link.url
        return None


def shortened(name: str, room: int, advance) -> str:
    """``name`` within ``room`` pixels (``advance`` measures a text): its inner capitalised
    words cut to initials, longest first ("Baloch L. Army", "Baloch R. Army" where the
    end alone would say "Baloch Liber…" for both), then cut with "…" (by the view)."""
    words = name.split(" ")
    inner = sorted((i for i in range(1, len(words) - 1) if words[i][:1].isupper() and len(words[i]) > 2),
                   key=lambda i: -len(words[i]))
    for i in inner:
        if advance(" ".join(words)) <= room:
            break
        words[i] = words[i][0] + "."
    return " ".join(words)


class _Wrapped(QStyledItemDelegate):
    """Rows as tall as the first column's text wrapped at that column's width (a tree
    view's own measure ignores the width, and cut names to "Baloch Liberation …").
    In a narrow column (under ``WRAP_CHARS``) a row is one line instead (wrapped, a few
    long names filled a small window's panel): the name :func:`shortened`, so names that
    start alike stay told apart; its tooltip says it whole, with its other names."""

    def compact(self) -> bool:
        view = self.parent()
        return view.header().sectionSize(0) < view.fontMetrics().averageCharWidth() * WRAP_CHARS

    def initStyleOption(self, option, index):  # noqa: N802 (Qt name)
        super().initStyleOption(option, index)
        if index.column() == 0 and self.compact():
            name = option.text.replace("\u2028", "\n").split("\n", 1)[0]  # (Qt's line break)
            room = self.parent().header().sectionSize(0) - option.decorationSize.width() - 16
            option.text = shortened(name, room, option.fontMetrics.horizontalAdvance)
            option.features = option.features & ~QStyleOptionViewItem.ViewItemFeature.WrapText

    def sizeHint(self, option, index):  # noqa: N802 (Qt name)
        size = super().sizeHint(option, index)
        if index.column() == 0 and not self.compact():
            view = self.parent()
            width = view.header().sectionSize(0) - option.decorationSize.width() - 16
            text = str(index.data() or "")
            lines = option.fontMetrics.boundingRect(QRect(0, 0, max(width, 20), 10_000),
                                                    int(Qt.TextFlag.TextWordWrap), text)
            size.setHeight(max(size.height(), lines.height() + 6))
        return size


def _table(name: str, model) -> QTreeView:
    view = QTreeView()
    view.setModel(model)
    view.setRootIsDecorated(False)
    view.setUniformRowHeights(True)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAccessibleName(name)
    view.header().setStretchLastSection(False)
    view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for col in range(1, model.columnCount()):
        view.header().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    return view


class SidePanel(QWidget):
    organisation_selected = Signal(str)  # clicked: mark its mentions
    organisation_activated = Signal(str)  # double-clicked: list articles naming it
    organisation_cleared = Signal()
    mark_step_requested = Signal(int)  # +1 next, -1 previous
    only_selected_toggled = Signal(bool)
    link_activated = Signal(str)
    url_copied = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.organisations = OrganisationModel(self)
        self.sources = LinkModel(self)

        self.org_title = QLabel("<b>Organisations</b>")
        self.org_view = _table("Organisations named in this article", self.organisations)
        self.org_view.setUniformRowHeights(False)
        self.org_view.setWordWrap(True)
        self.org_view.setItemDelegate(_Wrapped(self.org_view))
        self.org_view.header().sectionResized.connect(
            lambda column, *_: column == 0 and self.org_view.scheduleDelayedItemsLayout())
        self.org_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.org_view.clicked.connect(self._on_org_clicked)
        self.org_view.activated.connect(self._on_org_clicked)
        self.org_view.doubleClicked.connect(
            lambda i: self.organisation_activated.emit(self.organisations.rows[i.row()].name))
        self.menu_hooks: list = []  # hook(menu, organisation name or None) adds items
        self.last_menu: QMenu | None = None  # the sources' menu last shown (for tests)

        self.mark_label = QLabel("")
        self.mark_label.setAccessibleName("Marked mention")
        self.prev_button = _tool("◀", "Previous mention (Shift+F3)")
        self.next_button = _tool("▶", "Next mention (F3)")
        self.clear_button = _tool("✕", "Clear marks (Esc)")
        self.only_box = QCheckBox("Only this one")
        self.only_box.setToolTip("Highlight only the selected organisation")
        self.only_box.setAccessibleName("Highlight only the selected organisation")
        self.prev_button.clicked.connect(lambda: self.mark_step_requested.emit(-1))
        self.next_button.clicked.connect(lambda: self.mark_step_requested.emit(1))
        self.clear_button.clicked.connect(self.clear_selection)
        self.only_box.toggled.connect(self.only_selected_toggled)
        nav = QHBoxLayout()
        nav.setContentsMargins(0, 0, 0, 0)
        for w in (self.prev_button, self.mark_label, self.next_button, self.clear_button):
            nav.addWidget(w)
        nav.addStretch(1)
        nav.addWidget(self.only_box)

        self.src_title = QLabel("<b>Sources</b>")
        self.src_view = _table("Source links of this article", self.sources)
        # a double-click or Enter opens a source (a single click only selects it, even
        # where the style activates items on one click)
        self.src_view.doubleClicked.connect(self._on_link)
        self.src_view.installEventFilter(self)
        self.src_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.src_view.customContextMenuRequested.connect(self._link_menu)

        top, bottom = QWidget(), QWidget()
        tl, bl = QVBoxLayout(top), QVBoxLayout(bottom)
        for layout in (tl, bl):
            layout.setContentsMargins(4, 4, 4, 4)
        tl.addWidget(self.org_title)
        tl.addWidget(self.org_view, 1)
        tl.addLayout(nav)
        bl.addWidget(self.src_title)
        bl.addWidget(self.src_view, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.set_mark_status(0, 0)
        self.setMinimumWidth(220)

    # -- filling -----------------------------------------------------------------
    def show_article(self, article, colours: dict, index) -> None:
        """``index`` is the folder-wide OrganisationIndex (or None)."""
        rows = []
        for org in article.organisations if article else ():
            entry = index.entry_for(org.name) if index is not None else None
            aliases = list(org.aliases)
            for alias in (entry.aliases if entry else ()):
                if alias not in aliases and alias != org.name:
                    aliases.append(alias)
            rows.append(OrgRow(org.name, tuple(aliases), len(org.mentions),
                               len(entry.articles) if entry else 1,
                               colours.get(org.name, (QColor("gray"),))[0]))
        self.organisations.set_rows(rows)
        self.sources.set_links(article.source_links if article else (), article.title if article else "")
        n, s = len(rows), len(self.sources.links)
        if article is None:  # no article shown (loading, an unreadable file): nothing to say
            self.org_title.setText("<b>Organisations</b>")
            self.src_title.setText("<b>Sources</b>")
        else:
            self.org_title.setText(f"<b>Organisations</b> ({n})" if n else
                                   "<b>Organisations</b> — none recognised")
            self.src_title.setText(f"<b>Sources</b> ({s})" if s else "<b>Sources</b> — none")
        self.set_mark_status(0, 0)

    def refresh_counts(self, article, colours: dict, index) -> None:
        name = self.selected_name()
        self.show_article(article, colours, index)
        if name:
            self.select(name, notify=False)

    # -- selection ---------------------------------------------------------------
    def selected_name(self) -> str | None:
        rows = self.org_view.selectionModel().selectedRows()
        return self.organisations.rows[rows[0].row()].name if rows else None

    def select(self, name: str, notify: bool = True) -> bool:
        row = self.organisations.row_of(name)
        if row < 0:
            return False
        self.org_view.setCurrentIndex(self.organisations.index(row, 0))
        self.org_view.scrollTo(self.organisations.index(row, 0))
        if notify:
            self.organisation_selected.emit(name)
        return True

    def clear_selection(self) -> None:
        self.org_view.clearSelection()
        self.org_view.setCurrentIndex(QModelIndex())
        self.set_mark_status(0, 0)
        self.organisation_cleared.emit()

    def set_mark_status(self, current: int, total: int) -> None:
        self.mark_label.setText(f"{current}/{total}" if total else "")
        for w in (self.prev_button, self.next_button):
            w.setEnabled(total > 1)
        self.clear_button.setEnabled(total > 0)

    def _on_org_clicked(self, index: QModelIndex) -> None:
        self.organisation_selected.emit(self.organisations.rows[index.row()].name)


    # -- links -------------------------------------------------------------------
    def _on_link(self, index: QModelIndex) -> None:
        self.link_activated.emit(self.sources.links[index.row()].url)

    def eventFilter(self, obj, event):  # noqa: N802 (Qt name)
        if (obj is self.src_view and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and self.src_view.currentIndex().isValid()):
            self._on_link(self.src_view.currentIndex())
            return True
        if (obj is self.src_view and event.type() == QEvent.Type.ContextMenu
                and event.reason() == QContextMenuEvent.Reason.Keyboard):
            index = self.src_view.currentIndex()  # the Menu key: the current source's menu
            if index.isValid():
                self._link_menu(self.src_view.visualRect(index).center(), index)
            return True
        return super().eventFilter(obj, event)

    def _link_menu(self, pos: QPoint, index: QModelIndex | None = None) -> None:
        if index is None:
            index = self.src_view.indexAt(pos)
        if not index.isValid():
            return
        url = self.sources.links[index.row()].url
        menu = QMenu(self)
        menu.addAction("Copy URL", lambda: self.copy_url(url))
        menu.addAction("Open in Browser", lambda: self.link_activated.emit(url))
        self.last_menu = menu
        menu.popup(self.src_view.viewport().mapToGlobal(pos))

    def copy_url(self, url: str) -> None:
        QGuiApplication.clipboard().setText(url)
        self.url_copied.emit(url)


def _tool(text: str, tip: str) -> QToolButton:
    b = QToolButton()
    b.setText(text)
    b.setToolTip(tip)
    b.setAccessibleName(tip.split(" (")[0])
    b.setAutoRaise(True)
    return b
