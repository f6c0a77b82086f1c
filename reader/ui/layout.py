"""The three columns: the article list and the side panel fold away, the pane stays readable.

:class:`Columns` is the window's splitter (list | pane | panel). Either side
collapses, by dragging its edge to the window's border or with a View menu action,
and comes back at the width it had. The pane never shrinks below a readable width,
and when the window gets smaller the sides give up their width first (down to a
floor each), so a small window still shows a column of text rather than two panels
round a strip; when it grows again they get it back first.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QWidget

LIST, PANE, PANEL = 0, 1, 2
DEFAULT_SIZES = (600, 520, 320)
READABLE_CHARS = 40  # the pane never gets narrower than this
COMFORTABLE_CHARS = 66  # a smaller window takes width from the sides to give this
SIDE_FLOOR = (200, 250)  # the list and the panel shrink no further to make room


class Columns(QSplitter):
    changed = Signal()  # a side was folded or unfolded, or the user moved an edge
    side_toggled = Signal(int, bool)  # LIST or PANEL, shown

    def __init__(self, side_list: QWidget, centre: QWidget, panel: QWidget, reading: QWidget):
        """``reading`` (inside ``centre``) is the widget whose font sets the widths."""
        super().__init__(Qt.Orientation.Horizontal)
        for w in (side_list, centre, panel):
            self.addWidget(w)
        self.setStretchFactor(PANE, 1)
        self.setChildrenCollapsible(True)
        self.setCollapsible(PANE, False)
        chars = reading.fontMetrics().averageCharWidth()
        centre.setMinimumWidth(chars * READABLE_CHARS + 40)
        self._comfortable = chars * COMFORTABLE_CHARS + 40
        self._widths = {LIST: DEFAULT_SIZES[LIST], PANEL: DEFAULT_SIZES[PANEL]}
        self._shown = {LIST: True, PANEL: True}
        self.setSizes(list(DEFAULT_SIZES))
        self._first_sizes: list[int] | None = list(DEFAULT_SIZES)  # for the first showing
        self.splitterMoved.connect(self._on_moved)

    # -- folding -------------------------------------------------------------------
    def is_shown(self, side: int) -> bool:
        return self.sizes()[side] > 0

    def set_shown(self, side: int, shown: bool) -> None:
        """Fold ``side`` (LIST or PANEL) away, or bring it back at its last width."""
        sizes = self.sizes()
        if (sizes[side] > 0) == shown:
            return
        if shown:
            width = max(self._widths.get(side, DEFAULT_SIZES[side]), SIDE_FLOOR[side // 2])
            room = sizes[PANE] - self.widget(PANE).minimumWidth()
            width = max(min(width, room), self.widget(side).minimumSizeHint().width())
            sizes[side], sizes[PANE] = width, sizes[PANE] - width
        else:
            self._widths[side] = sizes[side]
            sizes[PANE], sizes[side] = sizes[PANE] + sizes[side], 0
        self.setSizes(sizes)
        self._note_shown()
        self.changed.emit()

    def bind(self, show_list, show_panel) -> None:
        """Checkable actions that fold and unfold the list and the panel, and show which
        are shown."""
        actions = {LIST: show_list, PANEL: show_panel}
        for side, action in actions.items():
            action.triggered.connect(lambda on, side=side: self.set_shown(side, on))
        self.side_toggled.connect(lambda side, shown: actions[side].setChecked(shown))

    def toggle(self, side: int) -> None:
        self.set_shown(side, not self.is_shown(side))

    def state(self) -> list[int]:
        """The three widths (a folded side's is 0), then the list's and the panel's
        widths to unfold to: for the settings."""
        return self.sizes() + [self._widths[LIST], self._widths[PANEL]]

    def restore(self, state: list[int]) -> None:
        """Widths as :meth:`state` gave them (or just the three)."""
        if len(state) not in (3, 5) or any(n < 0 for n in state) or state[PANE] <= 0:
            return
        sizes, unfold = state[:3], state[3:] or [0, 0]
        for side, width in zip((LIST, PANEL), unfold):
            if sizes[side] > 0 or width > 0:
                self._widths[side] = sizes[side] or width
        self.setSizes(sizes)
        self._first_sizes = list(sizes)
        self._note_shown()

    def showEvent(self, event):  # noqa: N802 (Qt name)
        """Sizes set before the splitter was first shown are scaled to the width it had
        then (none): they are set again, once it has its width."""
        super().showEvent(event)
        if self._first_sizes is not None:
            sizes, self._first_sizes = self._first_sizes, None
            self.setSizes(sizes)
            self.fit()

    # -- keeping the pane readable -------------------------------------------------
    def resizeEvent(self, event):  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        """Give the sides back the widths they gave up, as far as the pane keeps a
        comfortable width; give the pane a comfortable width from the sides, as far as
        their floors allow; then lift a side squeezed below its floor, from the pane's width above
        its readable minimum."""
        sizes = self.sizes()
        if sum(sizes) <= 0:
            return
        extra = sizes[PANE] - self._comfortable  # a wider window: the sides get back what they gave
        for side in (LIST, PANEL):
            short = self._widths[side] - sizes[side]
            if sizes[side] > 0 and short > 0 and extra > 0:
                give = min(short, extra)
                sizes[side] += give
                sizes[PANE] -= give
                extra -= give
        need = self._comfortable - sizes[PANE]
        spare = {side: max(0, sizes[side] - SIDE_FLOOR[side // 2]) for side in (LIST, PANEL)
                 if sizes[side] > 0}
        total = sum(spare.values())
        if need > 0 and total > 0:
            take = min(need, total)
            for side, extra in spare.items():
                cut = take * extra // total
                sizes[side] -= cut
                sizes[PANE] += cut
        room = sizes[PANE] - self.widget(PANE).minimumWidth()
        for side in (LIST, PANEL):
            short = SIDE_FLOOR[side // 2] - sizes[side]
            if sizes[side] > 0 and short > 0 and room > 0:
                give = min(short, room)
                sizes[side] += give
                sizes[PANE] -= give
                room -= give
        if sizes != self.sizes():
            self.setSizes(sizes)

    def _on_moved(self, *_) -> None:
        sizes = self.sizes()
        for side in (LIST, PANEL):
            if sizes[side] > 0:
                self._widths[side] = sizes[side]
        self._note_shown()
        self.changed.emit()

    def _note_shown(self) -> None:
        sizes = self.sizes()
        for side in (LIST, PANEL):
            shown = sizes[side] > 0
            if shown != self._shown[side]:
                self._shown[side] = shown
                self.side_toggled.emit(side, shown)
