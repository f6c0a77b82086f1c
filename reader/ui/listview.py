"""The document list's table: title, date, source, organisations, one row per file.

In a narrow list the title stays readable: the other columns fold away (the last
first) while the title would get fewer than ``TITLE_CHARS`` characters, and come
back at their widths when there is room (:class:`FoldingColumns`, also used by the
one-row-per-story tree).
"""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView

TITLE_CHARS = 20  # the title column keeps this many characters before another column shows


class FoldingColumns(QObject):
    """Keep ``view``'s first (stretching) column readable: hide the other columns, in
    the order of ``columns`` (kept longest first), that do not fit beside it."""

    def __init__(self, view: QAbstractItemView, header: QHeaderView, columns: tuple[int, ...]):
        super().__init__(view)
        self.view, self.header, self.columns = view, header, columns
        self.widths = {c: header.sectionSize(c) for c in columns}
        header.sectionResized.connect(self._on_resized)

    def _on_resized(self, column: int, _old: int, new: int) -> None:
        if column in self.widths and new > 0 and not self.header.isSectionHidden(column):
            self.widths[column] = new  # (the user dragged it, or it was set)

    def room(self) -> int:
        """The width the columns share: the view's inside, less a vertical scroll bar
        (counted whether shown or not, so rows arriving do not unfold a column)."""
        view = self.view
        bar = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, view)
        return view.width() - 2 * view.frameWidth() - bar

    def fit(self) -> None:
        spare = self.room() - self.view.fontMetrics().averageCharWidth() * TITLE_CHARS
        for column in self.columns:
            width = self.widths[column]
            shown = 0 < width <= spare
            spare = spare - width if shown else -1  # a column that does not fit hides those after it
            if self.header.isSectionHidden(column) == shown:
                self.header.setSectionHidden(column, not shown)
                if shown:
                    self.header.resizeSection(column, width)

    def hidden(self) -> list[int]:
        return [c for c in self.columns if self.header.isSectionHidden(c)]


class ArticleList(QTableView):
    """A table, not a tree: a QTreeView lays out every row whenever rows arrive, a
    QTableView only what is visible."""

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName("Articles")
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.setCornerButtonEnabled(False)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # fixed widths: ResizeToContents measures up to 1,000 rows whenever rows arrive
        width = self.fontMetrics().horizontalAdvance
        # wide enough for most news domains ("foxbusiness.com" was cut)
        for col, sample in ((1, "2025-12-31 "), (2, "washingtonpost.com"), (3, "Orgs ▼")):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width(sample) + 16)
        header.setMinimumSectionSize(36)
        self.folding = FoldingColumns(self, header, (1, 2, 3))  # date, then source, then orgs

    def resizeEvent(self, event):  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self.folding.fit()

    def moveCursor(self, action, modifiers):  # noqa: N802 (Qt name)
        """Home and End go to the first and last row (a table's own go to the first and
        last column of the row, which with whole rows selected does nothing)."""
        move = QAbstractItemView.CursorAction
        if action == move.MoveHome:
            if self.model().rowCount():
                return self.model().index(0, max(0, self.currentIndex().column()))
        elif action == move.MoveEnd:
            rows = self.model().rowCount()
            if rows:
                return self.model().index(rows - 1, max(0, self.currentIndex().column()))
        return super().moveCursor(action, modifiers)

    def select_row(self, row: int) -> bool:
        """Make ``row`` (of the rows shown) the current one, in view; False if no such row."""
        model = self.model()
        if not 0 <= row < model.rowCount():
            return False
        index = model.index(row, 0)
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.scrollTo(index)
        return True

    def select_key(self, key: str) -> bool:
        """Make the row of the article ``key`` current; False if it is not shown."""
        proxy = self.model()
        source = proxy.sourceModel()
        row = source.row_of(key)
        if row < 0:
            return False
        return self.select_row(proxy.mapFromSource(source.index(row, 0)).row())

    def step(self, step: int) -> None:
        """The next (``step`` 1) or previous (-1) row; the first when none is current."""
        row = self.currentIndex().row()
        self.select_row(max(0, min(self.model().rowCount() - 1, row + step)) if row >= 0 else 0)

    def scroll_to_current(self) -> None:
        current = self.currentIndex()
        if current.isValid():
            self.scrollTo(current)

    def keep_current(self, key: str | None) -> bool:
        """After the rows shown changed: keep a row current (the one of ``key`` if it is
        shown, else the first). False when no row is shown."""
        current = self.currentIndex()
        if not current.isValid() and key is not None and self.select_key(key):
            current = self.currentIndex()  # shown again: selected again
        if current.isValid():
            self.scrollTo(current)
            return True
        return self.select_row(0)
