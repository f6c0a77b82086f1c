"""The organisations marked in the reading pane, and the side panel beside it.

:class:`Marks` shows an article in the pane and the panel with one colour per
organisation (dark or light as the palette is), marks the organisation the user picks
in the panel (or, with "only the selected", shows that one alone), and draws again in
new colours when the palette turns. It talks to the window it is given (Mu's
``Editor(view)``): its pane, panel, status bar, the "only selected" action, and the
library's index for the panel's counts.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from .counts import counted
from .documents import Unreadable
from .theme import is_dark, organisation_colours


class Marks(QObject):
    selected = Signal(str)  # the organisation now marked in the pane

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self._dark_shown = False
        self._note = ""  # the status message about the selected organisation

    def colours(self, article) -> dict:
        dark = self._dark_shown = is_dark(QApplication.palette())
        return {org.name: organisation_colours(i, dark) for i, org in enumerate(article.organisations)}

    def _only(self) -> str | None:
        w = self.window
        return w.panel.selected_name() if w.actions_.only_selected.isChecked() else None

    def forget_note(self) -> None:
        """Another article is shown: the status message about a mark spoke of the last."""
        bar = self.window.statusBar()
        if self._note and bar.currentMessage() == self._note:
            bar.clearMessage()

    def show(self, article) -> None:
        """``article`` (as shown) in the pane and the panel, nothing marked yet."""
        w = self.window
        colours = self.colours(article)
        w.pane.show_article(article, colours)
        with w.library.lock:
            w.panel.show_article(article, colours, w.library.index)

    def refresh_counts(self) -> None:
        """The panel's counts again (the folder has more articles now)."""
        w = self.window
        if w.pane.article is not None:
            with w.library.lock:
                w.panel.refresh_counts(w.current, self.colours(w.current), w.library.index)

    def select(self, name: str, at: int | None = None) -> None:
        """Mark ``name``'s mentions; ``at``: where the mention the reader clicked starts
        (it becomes the current one, and the text does not move)."""
        w = self.window
        if w.current is None or isinstance(w.current, Unreadable):
            return
        if w.actions_.only_selected.isChecked():
            w.pane.show_article(w.current, self.colours(w.current), name)
        n = w.pane.mark_organisation(name, at)
        self._note = f"{name}: {counted(n, 'mention')} in this article"
        w.statusBar().showMessage(self._note, 5000)
        self.selected.emit(name)

    def cleared(self) -> None:
        w = self.window
        w.pane.clear_marks()
        if w.actions_.only_selected.isChecked() and w.pane.article is not None:
            w.pane.show_article(w.current, self.colours(w.current), None)

    def set_only_selected(self, on: bool) -> None:
        w = self.window
        w.panel.only_box.setChecked(on)
        name = w.panel.selected_name()
        if w.pane.article is not None:
            w.pane.show_article(w.current, self.colours(w.current), name if on else None)
            if name:
                w.pane.mark_organisation(name)

    def recolour(self) -> None:
        """Draw again if the palette turned dark or light since the last drawing."""
        w = self.window
        dark = is_dark(QApplication.palette())
        if w.pane.article is not None and dark != self._dark_shown:
            name = w.panel.selected_name()
            w.pane.show_article(w.current, self.colours(w.current), self._only())
            self.refresh_counts()
            if name:
                w.pane.mark_organisation(name)
