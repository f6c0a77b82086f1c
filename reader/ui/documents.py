"""The document list: a table model over the loaded articles and a filter proxy.

Rows are :class:`reader.record.Article` records, or :class:`Unreadable` entries for
files the core refused (shown with a mark and the reason, so nothing is silently
dropped). Columns: title, date, source domain, number of organisations.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (QAbstractTableModel, QModelIndex, QPersistentModelIndex,
                            QSortFilterProxyModel, Qt)
from PySide6.QtWidgets import QApplication, QStyle

COLUMNS = ("Title", "Date", "Source", "Orgs")
TITLE, DATE, SOURCE, ORGS = range(4)
ArticleRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
KeyRole = Qt.ItemDataRole.UserRole + 3


@dataclass(frozen=True)
class Unreadable:
    """A file the core could not read, with the user-facing reason."""

    path: str
    reason: str

    @property
    def key(self) -> str:
        return self.path

    @property
    def title(self) -> str:
        return Path(self.path).name


class ArticleModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []
        self._row_of: dict[str, int] = {}

    # -- feeding -----------------------------------------------------------------
    def clear(self) -> None:
        self.beginResetModel()
        self._rows, self._row_of = [], {}
        self.endResetModel()

    def add(self, items: list, replace: bool = False) -> None:
        """Append ``items``; one whose key is listed already is skipped, or with
        ``replace`` takes that row's place."""
        new = []
        for item in items:
            row = self._row_of.get(item.key)
            if row is None:
                new.append(item)
            elif replace:
                self._rows[row] = item
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        new = list({i.key: i for i in new}.values())
        if not new:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        for n, item in enumerate(new, first):
            self._rows.append(item)
            self._row_of[item.key] = n
        self.endInsertRows()

    def remove(self, keys) -> None:
        """Drop the rows of ``keys`` (unknown keys are ignored)."""
        rows = sorted((self._row_of[k] for k in set(keys) if k in self._row_of), reverse=True)
        if not rows:
            return
        while rows:  # contiguous runs, last first
            end = start = rows.pop(0)
            while rows and rows[0] == start - 1:
                start = rows.pop(0)
            self.beginRemoveRows(QModelIndex(), start, end)
            del self._rows[start:end + 1]
            self.endRemoveRows()
        self._row_of = {item.key: n for n, item in enumerate(self._rows)}

    # -- reading -----------------------------------------------------------------
    def item(self, row: int):
        return self._rows[row]

    def items(self) -> list:
        return list(self._rows)

    def articles(self) -> list:
        return [r for r in self._rows if not isinstance(r, Unreadable)]

    def row_of(self, key: str) -> int:
        return self._row_of.get(key, -1)

    def sort_key(self, row: int, col: int):
        """What column ``col`` of ``row`` sorts by (one Python call per comparison,
        where the proxy's own sort asks ``data`` twice and compares variants)."""
        item = self._rows[row]
        if isinstance(item, Unreadable):
            return item.title.casefold() if col == TITLE else (-1 if col == ORGS else "")
        if col == TITLE:
            return (item.title or Path(item.path).name).casefold()
        if col == DATE:
            return item.date or ""
        if col == SOURCE:
            return item.domain.casefold()
        return len(item.organisations)

    # -- Qt ------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return ("Title", "Publication date", "Source domain",
                    "Organisations named")[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item, col = self._rows[index.row()], index.column()
        bad = isinstance(item, Unreadable)
        if role == ArticleRole:
            return item
        if role == KeyRole:
            return item.key
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            if col == TITLE:
                return (item.title or Path(item.path).name) if not bad else item.title
            if col == DATE:
                return "" if bad else (item.date or "")
            if col == SOURCE:
                return "" if bad else item.domain
            if col == ORGS:
                if bad:
                    return -1 if role == SortRole else ""
                return len(item.organisations)
        if role == Qt.ItemDataRole.ToolTipRole and col == TITLE:
            if bad:
                return f"Could not be read: {item.reason}"
            if item.warnings:
                return "Cleaning notes:\n" + "\n".join(f"• {w}" for w in item.warnings)
            return item.title
        if role == Qt.ItemDataRole.DecorationRole and col == TITLE:
            if bad:
                return _icon(QStyle.StandardPixmap.SP_MessageBoxCritical)
            if item.warnings:
                return _icon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == ORGS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and col == TITLE:
            if bad:
                return f"Could not be read: {item.reason}"
            if item.warnings:
                return f"{len(item.warnings)} cleaning notes"
        return None


_icons: dict = {}


def _icon(which):
    if which not in _icons:
        _icons[which] = QApplication.style().standardIcon(which)
    return _icons[which]


class ArticleFilter(QSortFilterProxyModel):
    """Sorts by column; keeps the rows a search found (:meth:`set_search`: the keys the
    library's search gave) and, when an organisation filter is on, only the articles
    that name it (:meth:`set_keys`)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._found: frozenset[str] | None = None
        self._keys: frozenset[str] | None = None
        self.setSortRole(SortRole)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)

    def set_search(self, keys) -> None:
        """Keep only these keys (a search's results); ``None``: no search."""
        found = None if keys is None else frozenset(keys)
        if found != self._found:
            self._change(lambda: setattr(self, "_found", found))

    def set_keys(self, keys) -> None:
        """Restrict to these article keys; ``None`` lifts the restriction."""
        self._change(lambda: setattr(self, "_keys", None if keys is None else frozenset(keys)))

    def _change(self, apply) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
            self.beginFilterChange()
            apply()
            self.endFilterChange()
        else:
            apply()
            self.invalidateFilter()

    def lessThan(self, left, right) -> bool:  # noqa: N802
        model: ArticleModel = self.sourceModel()
        col = left.column()
        a, b = model.sort_key(left.row(), col), model.sort_key(right.row(), col)
        if a != b:
            return a < b
        return left.row() < right.row()  # ties keep folder order

    @property
    def restricted(self) -> bool:
        return self._keys is not None

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if self._keys is None and self._found is None:
            return True
        key = self.sourceModel().item(row).key
        return ((self._keys is None or key in self._keys)
                and (self._found is None or key in self._found))
