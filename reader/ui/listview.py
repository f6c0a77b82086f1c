"""The document list's table: title, date, source, organisations, one row per file.

In a narrow list the title stays readable: the other columns fold away (the last
first) while the title would get fewer than ``TITLE_CHARS`` characters, and come
back at their widths when there is room (:class:`FoldingColumns`, also used by the
one-row-per-story tree). The source column grows to its widest text over a bounded
sample of rows (:class:`ContentWidth`), so domains show whole when there is room.
"""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView

TITLE_CHARS = 20  # the title column keeps this many characters before another column shows
SAMPLE_ROWS = 256  # rows measured (spread over the list) to size a column to its content
WIDEST_CHARS = 44  # a column sized to its content grows no wider than this
SOURCE_CHARS = 12  # short of room, the source column shows this many characters before it folds


class FoldingColumns(QObject):
    """Keep ``view``'s first (stretching) column readable: hide the other columns, in
    the order of ``columns`` (kept longest first), that do not fit beside it."""

    def __init__(self, view: QAbstractItemView, header: QHeaderView, columns: tuple[int, ...],
                 shrinks: dict[int, int] | None = None):
        """``shrinks``: columns that, short of room, show narrower (their text cut with
        "…") down to so many characters before they fold away."""
        super().__init__(view)
        self.view, self.header, self.columns = view, header, columns
        self.widths = {c: header.sectionSize(c) for c in columns}
        self.shrinks = shrinks or {}
        self._fitting = False
        header.sectionResized.connect(self._on_resized)

    def _on_resized(self, column: int, _old: int, new: int) -> None:
        if column in self.widths and new > 0 and not self.header.isSectionHidden(column) \
                and not self._fitting:
            self.widths[column] = new  # (the user dragged it, or it was set)

    def room(self) -> int:
        """The width the columns share: the view's inside, less a vertical scroll bar
        (counted whether shown or not, so rows arriving do not unfold a column)."""
        view = self.view
        bar = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, view)
        return view.width() - 2 * view.frameWidth() - bar

    def fit(self) -> None:
        char = self.view.fontMetrics().averageCharWidth()
        spare = self.room() - char * TITLE_CHARS
        self._fitting = True
        try:
            for column in self.columns:
                width = self.widths[column]
                least = min(width, char * self.shrinks[column]) if column in self.shrinks else width
                shown = 0 < least <= spare
                width = min(width, spare)
                spare = spare - width if shown else -1  # a column that does not fit hides those after it
                if self.header.isSectionHidden(column) == shown:
                    self.header.setSectionHidden(column, not shown)
                if shown and self.header.sectionSize(column) != width:
                    self.header.resizeSection(column, width)
        finally:
            self._fitting = False
        self.view.updateGeometries()  # (the sideways scroll range now, not at the next paint)

    def hidden(self) -> list[int]:
        return [c for c in self.columns if self.header.isSectionHidden(c)]


class ContentWidth(QObject):
    """Widen ``column`` of ``view`` to its widest text over at most ``SAMPLE_ROWS`` top-level
    rows spread over the model (never every row: a folder can list 10,000), when rows
    arrive or change; never narrower than it is (what the user dragged stays). A longer
    text elsewhere is cut with "…" and shown whole in its tooltip."""

    def __init__(self, view: QAbstractItemView, folding: FoldingColumns, column: int):
        super().__init__(view)
        self.view, self.folding, self.column = view, folding, column
        self.timer = QTimer(self, singleShot=True, interval=60)
        self.timer.timeout.connect(self.fit)
        model = view.model()
        for signal in (model.rowsInserted, model.modelReset, model.layoutChanged):
            signal.connect(self.timer.start)

    def widest(self) -> int:
        view, model = self.view, self.view.model()
        rows = model.rowCount()
        if not rows:
            return 0
        step, advance = max(1, rows // SAMPLE_ROWS), view.fontMetrics().horizontalAdvance
        sample = (model.index(r, self.column) for r in range(0, rows, step))
        widest = max(sample, key=lambda index: advance(str(index.data() or "")))
        return view.sizeHintForIndex(widest).width()  # (the delegate's margins: one row measured so)

    def fit(self) -> None:
        cap = self.view.fontMetrics().averageCharWidth() * WIDEST_CHARS
        width = min(self.widest() + 4, cap)
        if width > self.folding.widths[self.column]:
            self.folding.widths[self.column] = width
            self.folding.fit()


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
        # date, then source (cut short before it folds), then orgs
        self.folding = FoldingColumns(self, header, (1, 2, 3), shrinks={2: SOURCE_CHARS})
        self.source_width = ContentWidth(self, self.folding, 2)

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
