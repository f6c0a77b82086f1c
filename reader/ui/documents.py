"""The document list: a table model over the loaded articles and a filter proxy.

Rows are :class:`reader.record.Article` records, or :class:`Unreadable` entries for
files the core refused (shown with a mark and the reason, so nothing is silently
dropped). Columns: title, date, source domain, number of organisations.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (QAbstractTableModel, QModelIndex, QSize,
                            QSortFilterProxyModel, Qt)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

COLUMNS = ("Title", "Date", "Source", "Orgs")
TITLE, DATE, SOURCE, ORGS = range(4)
ArticleRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
KeyRole = Qt.ItemDataRole.UserRole + 3
AcceptRole = Qt.ItemDataRole.UserRole + 4  # "1" when the filter keeps the row (see ArticleFilter)
LAYOUT_RUNS = 48  # new rows going to more places than this: one layout change instead


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
        self._keys: list[tuple] = []  # per row, what each column sorts by (see sort_key)
        self._seq: list[int] = []  # per row, its place in arrival (folder) order
        self._next = 0
        self._row_of: dict[str, int] | None = {}  # None: to be worked out again
        self._present: set[str] = set()  # the keys listed (kept up to date, unlike _row_of)
        self._column = -1  # the rows are kept sorted by this column (-1: arrival order)
        self._descending = False
        self._rank: dict[str, int] | None = None  # or by this rank (a search's), key -> place
        self.accepts = None  # what AcceptRole asks of a row's key (None: every row is kept)

    # -- feeding -----------------------------------------------------------------
    def clear(self) -> None:
        self.beginResetModel()
        self._rows, self._keys, self._seq, self._row_of, self._next = [], [], [], {}, 0
        self._present = set()
        self.endResetModel()

    def add(self, items: list, replace: bool = False) -> None:
        """Add ``items`` in their sorted places; one whose key is listed already is
        skipped, or with ``replace`` takes that row's place."""
        new = []
        present = self._present  # (not _rows_by_key(): rebuilt after every insert, that
        moved = False            # made filling a 10,000-row list quadratic)
        changed: list[int] = []
        for item in items:
            if item.key not in present:
                new.append(item)
            elif replace:
                row = self._rows_by_key()[item.key]
                self._rows[row] = item
                keys = _sort_keys(item)
                moved = moved or (self._rank is None and self._column >= 0
                                  and keys[self._column] != self._keys[row][self._column])
                self._keys[row] = keys
                changed.append(row)
        if changed:  # one signal for a run of rows (a correction can replace thousands)
            runs = [(min(changed), max(changed))] if len(changed) > LAYOUT_RUNS else [(r, r) for r in changed]
            for first, last in runs:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        if moved:
            self._sort()
        new = list({i.key: i for i in new}.values())
        if not new:
            return
        present.update(i.key for i in new)
        keys = [_sort_keys(i) for i in new]
        seqs = list(range(self._next, self._next + len(new)))
        self._next += len(new)
        if self._column < 0 or self._rank is not None:  # (rows the rank does not know go last)
            places = [len(self._rows)] * len(new)
        else:
            places = [self._place(k[self._column], q) for k, q in zip(keys, seqs)]
        # a run of new rows per place, the last place first so the earlier stay right
        order = list(range(len(new)))  # arrival order, then shown order within a place
        if self._column >= 0 and self._rank is None:
            col = self._column
            order.sort(key=lambda n: keys[n][col], reverse=self._descending)  # stable
        order.sort(key=places.__getitem__)
        self._row_of = None
        if len(set(places)) > LAYOUT_RUNS:
            self._merge(new, keys, seqs, places, order)
            return
        n = len(order) - 1
        while n >= 0:
            place, last = places[order[n]], n
            while n > 0 and places[order[n - 1]] == place:
                n -= 1
            run = order[n:last + 1]
            self.beginInsertRows(QModelIndex(), place, place + len(run) - 1)
            self._rows[place:place] = [new[i] for i in run]
            self._keys[place:place] = [keys[i] for i in run]
            self._seq[place:place] = [seqs[i] for i in run]
            self.endInsertRows()
            n -= 1

    def _merge(self, new: list, keys: list, seqs: list, places: list, order: list) -> None:
        """Put many rows in many places at once: one layout change, not an insert per
        place (each insert costs the proxy and the view work in proportion to the rows
        listed; a warm open adds rows in batches of up to a thousand)."""
        self.layoutAboutToBeChanged.emit()
        olds = self.persistentIndexList()
        rows, row_keys, row_seq = self._rows, self._keys, self._seq
        new_rows, new_keys, new_seq = [], [], []
        prev = 0
        for n in order:  # by place; the old rows between places are copied as slices
            place = places[n]
            if place > prev:
                new_rows += rows[prev:place]
                new_keys += row_keys[prev:place]
                new_seq += row_seq[prev:place]
                prev = place
            new_rows.append(new[n])
            new_keys.append(keys[n])
            new_seq.append(seqs[n])
        new_rows += rows[prev:]
        new_keys += row_keys[prev:]
        new_seq += row_seq[prev:]
        self._rows, self._keys, self._seq = new_rows, new_keys, new_seq
        at = sorted(places)  # an old row moves down by the new rows placed at or before it
        self.changePersistentIndexList(olds, [
            self.index(i.row() + bisect_right(at, i.row()), i.column()) if i.isValid() else i
            for i in olds])
        self.layoutChanged.emit()

    def remove(self, keys) -> None:
        """Drop the rows of ``keys`` (unknown keys are ignored)."""
        keys = set(keys)
        row_of = self._rows_by_key()
        rows = sorted((row_of[k] for k in keys if k in row_of), reverse=True)
        if not rows:
            return
        self._present.difference_update(keys)
        while rows:  # contiguous runs, last first
            end = start = rows.pop(0)
            while rows and rows[0] == start - 1:
                start = rows.pop(0)
            self.beginRemoveRows(QModelIndex(), start, end)
            del self._rows[start:end + 1]
            del self._keys[start:end + 1]
            del self._seq[start:end + 1]
            self.endRemoveRows()
        self._row_of = None

    # -- sorting -------------------------------------------------------------------
    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Keep the rows sorted by ``column`` (-1: arrival order); ties keep arrival
        order. Sorting here, in Python, spares the proxy its per-comparison calls (a
        dozen or more per added row), which slow a large list's filling."""
        self._column = column if 0 <= column < len(COLUMNS) else -1
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._rank = None
        self._sort()

    def rank(self, ranks: dict[str, int] | None) -> None:
        """Keep the rows in the order of ``ranks`` (key -> place; the rest after, in
        arrival order) until :meth:`sort` asks for a column; ``None``: the column again.
        One sort in Python, not the proxy's comparison per pair of rows (a second for
        10,000 search results)."""
        self._rank = ranks
        self._sort()

    @property
    def ranked(self) -> bool:
        return self._rank is not None

    @property
    def sort_column(self) -> int:
        return self._column

    def _place(self, key, seq: int) -> int:
        """Where a row with sort ``key`` and arrival ``seq`` goes among the rows."""
        col, rows_keys, rows_seq = self._column, self._keys, self._seq
        lo, hi = 0, len(rows_keys)
        desc = self._descending
        while lo < hi:
            mid = (lo + hi) // 2
            other = rows_keys[mid][col]
            if desc:
                before = other > key or (other == key and rows_seq[mid] < seq)
            else:
                before = other < key or (other == key and rows_seq[mid] < seq)
            if before:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def _sort(self) -> None:
        col, rank = self._column, self._rank
        idx = sorted(range(len(self._rows)), key=self._seq.__getitem__)
        if rank is not None:
            rows, last = self._rows, len(rank)
            idx.sort(key=lambda r: rank.get(rows[r].key, last))  # stable
        elif col >= 0:
            idx.sort(key=lambda r: self._keys[r][col], reverse=self._descending)  # stable
        if idx == list(range(len(idx))):
            return
        self.layoutAboutToBeChanged.emit()
        new_row = {old: new for new, old in enumerate(idx)}
        olds = self.persistentIndexList()
        self._rows = [self._rows[r] for r in idx]
        self._keys = [self._keys[r] for r in idx]
        self._seq = [self._seq[r] for r in idx]
        self._row_of = None
        self.changePersistentIndexList(
            olds, [self.index(new_row[i.row()], i.column()) if i.isValid() else i for i in olds])
        self.layoutChanged.emit()

    # -- reading -----------------------------------------------------------------
    def _rows_by_key(self) -> dict[str, int]:
        if self._row_of is None:
            self._row_of = {item.key: n for n, item in enumerate(self._rows)}
        return self._row_of

    def item(self, row: int):
        return self._rows[row]

    def items(self) -> list:
        """All rows' items, in arrival (folder) order."""
        return [self._rows[r] for r in sorted(range(len(self._rows)), key=self._seq.__getitem__)]

    def articles(self) -> list:
        return [r for r in self.items() if not isinstance(r, Unreadable)]

    def row_of(self, key: str) -> int:
        return self._rows_by_key().get(key, -1)

    def sort_key(self, row: int, col: int):
        """What column ``col`` of ``row`` sorts by."""
        return self._keys[row][col]

    # -- Qt ------------------------------------------------------------------------
    def index(self, row: int, column: int, parent=QModelIndex()) -> QModelIndex:
        """(Qt's own asks rowCount and columnCount, two calls into Python, for each of
        the thousand indexes a paint of the list makes.)"""
        if 0 <= row < len(self._rows) and 0 <= column < len(COLUMNS) and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

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
        return self._cell(index.row(), index.column(), role)

    def multiData(self, index, roles) -> None:  # noqa: N802
        """Every role a paint asks of a cell (seven) in one call, not one call each."""
        if index.isValid():
            row, col, cell = index.row(), index.column(), self._cell
            for slot in roles:
                slot.setData(cell(row, col, slot.role()))

    def _cell(self, row: int, col: int, role):
        item = self._rows[row]
        if role == AcceptRole:
            return "1" if self.accepts is None or self.accepts(item.key) else ""
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
        if role == Qt.ItemDataRole.ToolTipRole and col == TITLE:  # the whole title, and why
            if bad:
                return f"{item.title}\nCould not be read: {item.reason}"
            title = item.title or Path(item.path).name
            if item.warnings:
                return f"{title}\n\nCleaning notes:\n" + "\n".join(f"• {w}" for w in item.warnings)
            return title
        if role == Qt.ItemDataRole.ToolTipRole and col == SOURCE and not bad:
            return item.domain or None
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


def _sort_keys(item) -> tuple:
    """What each column of ``item``'s row sorts by: title, date, source, organisations."""
    if isinstance(item, Unreadable):
        return (item.title.casefold(), "", "", -1)
    return ((item.title or Path(item.path).name).casefold(), item.date or "",
            item.domain.casefold(), len(item.organisations))


_icons: dict = {}


def _icon(which):
    """A standard icon drawn the same on a selected row (the style's selected mode
    tinted the red error mark a muddy purple on the selection colour)."""
    if which not in _icons:
        base = QApplication.style().standardIcon(which)
        icon = QIcon()
        for size in base.availableSizes() or [QSize(16, 16)]:
            pixmap = base.pixmap(size)
            icon.addPixmap(pixmap, QIcon.Mode.Normal)
            icon.addPixmap(pixmap, QIcon.Mode.Selected)
        _icons[which] = icon
    return _icons[which]


class ArticleFilter(QSortFilterProxyModel):
    """Sorts by column; keeps the rows a search found (:meth:`set_search`: the keys the
    library's search gave, best first) and, when an organisation filter is on, only the
    articles that name it (:meth:`set_keys`).

    A search that starts shows its results in rank order (:attr:`ranked`); asking for a
    column's order (a click on its header) sorts by that column until the search is
    cleared. The source model does the ordering either way (:meth:`ArticleModel.rank`),
    so this proxy only filters, and without a Python ``filterAcceptsRow``: while no
    filter is on, Qt's own keeps every row without asking (the model reorders
    thousands of rows at a time as a folder loads, and a call into Python per row made
    each reordering stall the window); while one is on, the proxy keeps the rows whose
    ``AcceptRole`` is "1", which the model answers with :meth:`accepts_key`."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._found: dict[str, int] | None = None  # key -> rank, best first
        self._keys: frozenset[str] | None = None
        self._keep = None  # a further test of a row's key (the unread filter), or None
        self._source: ArticleModel | None = None
        self.setSortRole(SortRole)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)
        self.setFilterRole(AcceptRole)
        self.setFilterKeyColumn(0)

    def set_search(self, keys) -> None:
        """Keep only these keys (a search's results, best first); ``None``: no search."""
        found = None if keys is None else {k: n for n, k in enumerate(keys)}
        if (found is None) == (self._found is None) and list(found or ()) == list(self._found or ()):
            return
        starting = found is not None and self._found is None
        self._change(lambda: setattr(self, "_found", found))
        if starting or (found is not None and self._source.ranked):
            self._source.rank(found)  # best first (a refined search: its new ranks)
        elif found is None and self._source.ranked:
            self._source.rank(None)  # the column's order again

    def set_keys(self, keys) -> None:
        """Restrict to these article keys; ``None`` lifts the restriction."""
        self._change(lambda: setattr(self, "_keys", None if keys is None else frozenset(keys)))

    def set_keep(self, keep) -> None:
        """Show only the rows whose key ``keep(key)`` accepts; ``None`` shows them all."""
        self._change(lambda: setattr(self, "_keep", keep))

    def _change(self, apply) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
            self.beginFilterChange()
            apply()
            self._filter_natively()
            self.endFilterChange()
        else:
            apply()
            self._filter_natively()
            self.invalidateFilter()

    @property
    def filtering(self) -> bool:
        """True while a search, an organisation or the unread filter is on."""
        return self._keys is not None or self._found is not None or self._keep is not None

    def _filter_natively(self) -> None:
        """Qt's filter asks the model's AcceptRole only while a filter is on."""
        on = self.filtering
        if self._source is not None:
            self._source.accepts = self.accepts_key if on else None
        if self.filterRegularExpression().pattern() != ("1" if on else ""):
            self.setFilterFixedString("1" if on else "")

    @property
    def ranked(self) -> bool:
        """True while the rows show a search's rank order."""
        return self._source is not None and self._source.ranked

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """The source model keeps its rows sorted (see :meth:`ArticleModel.sort`, which
        also ends rank order); this proxy shows them in that order and only filters."""
        self._source.sort(column, order)

    def multiData(self, index, roles) -> None:  # noqa: N802
        """(Qt's own asks the model's data() once per role: seven calls into Python for
        each cell a paint draws.)"""
        if index.isValid():
            self._source.multiData(self.mapToSource(index), roles)

    def setSourceModel(self, model) -> None:  # noqa: N802
        super().setSourceModel(model)
        self._source = model  # lessThan runs ~15 times per added row: no lookups there
        self._filter_natively()

    def lessThan(self, left, right) -> bool:  # noqa: N802
        keys = self._source._keys
        col, a_row, b_row = left.column(), left.row(), right.row()
        a, b = keys[a_row][col], keys[b_row][col]
        if a != b:
            return a < b
        return a_row < b_row  # ties keep folder order

    @property
    def restricted(self) -> bool:
        return self._keys is not None

    def accepts_key(self, key: str) -> bool:
        """Whether the article ``key`` passes the search and the organisation filter."""
        return ((self._keys is None or key in self._keys)
                and (self._found is None or key in self._found)
                and (self._keep is None or self._keep(key)))
