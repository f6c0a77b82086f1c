"""The user's corrections to the organisations, in the window (issue #16).

:class:`Correcting` owns the actions (Not an Organisation, Mark as Organisation, Same
Organisation as…, Rename, Undo/Redo, Corrections…), puts them in an Organisations menu
and in the panel's and the pane's context menus (through their ``menu_hooks``), and
keeps the undo history: a stack of :class:`reader.corrections.Corrections` values, so an
undo is taking the value before. Each value goes to the core
(:func:`reader.library.corrected.correct`: stored, the index and ``org:`` search
updated) and the window then shows the changed articles: the list's rows, the pane, the
panel. Its questions go through ``ask_*`` methods tests can answer.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QInputDialog, QLabel, QListWidget,
                               QListWidgetItem, QMenu, QVBoxLayout)

from reader.corrections import CorrectionError, Corrections, Entry
from reader.corrections.apply import Corrector
from reader.corrections.store import load as load_stored, save as save_stored
from reader.library.corrected import correct

from .counts import counted
from .documents import Unreadable

log = logging.getLogger(__name__)


class _Signals(QObject):
    done = Signal(object)  # key -> article corrected again
    failed = Signal(object)  # the OSError that kept the value from being stored


class _Job(QRunnable):
    """One value taken by the library, on the pool's thread: it may re-correct thousands
    of articles (a name most of a folder holds), which would stall the window."""

    def __init__(self, library, value: Corrections, save, signals: _Signals, shown: str | None):
        super().__init__()
        self.library, self.value, self.save, self.signals = library, value, save, signals
        self.shown = shown  # the key of the article in the pane

    def run(self) -> None:  # pool thread
        library = self.library
        try:
            changed = correct(library, self.value, save=self.save)
            # the index's view and its folder-names table are rebuilt here, not on the
            # UI thread when the pane and the panel show the article again
            library.organisations()
            article = library.articles.get(self.shown) if self.shown else None
            if article is not None:
                library.as_shown(article)
        except OSError as err:
            self.signals.failed.emit(err)
        except Exception as err:  # noqa: BLE001 - a bug must not take the window down
            log.exception("corrections could not be applied")
            self.signals.failed.emit(err)
        else:
            self.signals.done.emit(changed)


class Correcting(QObject):
    corrected = Signal(list)  # keys of the articles that may read otherwise now

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        stored = load_stored()
        self.blocked = stored.blocked  # the file is there unread: never overwrite it
        self.note = stored.note
        window.library.corrections = stored.corrections
        self.done: list[tuple[Corrections, str]] = []  # (value before, what was done)
        self.undone: list[tuple[Corrections, str]] = []  # (value after, what was done)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.busy = None  # (signals, message, what to do once taken) of the value being taken

        def make(text, keys=(), context=Qt.ShortcutContext.WindowShortcut, tip=""):
            a = QAction(text, window)
            if keys:
                a.setShortcuts([QKeySequence(k) for k in keys])
            a.setShortcutContext(context)
            a.setStatusTip(tip)
            return a

        near = Qt.ShortcutContext.WidgetWithChildrenShortcut  # on the panel or the pane only
        self.not_organisation = make("&Not an Organisation", ["Del"], near,
                                     "Never highlight this name again, in any article")
        self.mark = make("&Mark as Organisation…", ["Ctrl+M"], tip="Mark the selected words as an organisation")
        self.same_as = make("&Same Organisation as…", ["Ctrl+Shift+M"], near,
                            "Merge this organisation into another")
        self.rename = make("&Rename Organisation…", ["F2"], near, "Show this organisation under another name")
        self.undo = make("&Undo Correction", ["Ctrl+Z"])
        self.redo = make("&Redo Correction", ["Ctrl+Shift+Z", "Ctrl+Y"])
        self.review = make("&Corrections…", tip="Review or remove your corrections")
        for a in (self.mark, self.undo, self.redo, self.review):
            window.addAction(a)
        for widget in (window.panel.org_view, window.pane):
            widget.addActions([self.not_organisation, self.same_as, self.rename])
        self.not_organisation.triggered.connect(lambda: self.refuse(self.target()))
        self.mark.triggered.connect(self.mark_selection)
        self.same_as.triggered.connect(lambda: self.merge(self.target()))
        self.rename.triggered.connect(lambda: self.rename_organisation(self.target()))
        self.undo.triggered.connect(self.step_back)
        self.redo.triggered.connect(self.step_forward)
        self.review.triggered.connect(self.show_dialog)
        window.panel.menu_hooks.append(self.add_to_menu)
        window.pane.menu_hooks.append(self.add_to_menu)
        self._enable()

    @property
    def value(self) -> Corrections:
        return self.window.library.corrections or Corrections()

    def build_menu(self, bar, before=None) -> QMenu:
        menu = QMenu("&Organisations", bar)
        menu.addActions([self.not_organisation, self.mark, self.same_as, self.rename])
        menu.addSeparator()
        menu.addActions([self.undo, self.redo])
        menu.addSeparator()
        menu.addAction(self.review)
        if before is None:
            bar.addMenu(menu)
        else:
            bar.insertMenu(before, menu)
        return menu

    def add_to_menu(self, menu: QMenu, name: str | None) -> None:
        """The context menu's items for the organisation ``name`` (None: none there)."""
        menu.addSeparator()
        for text, act in (("Not an Organisation", lambda: self.refuse(name)),
                          ("Same Organisation as…", lambda: self.merge(name)),
                          ("Rename…", lambda: self.rename_organisation(name))):
            item = menu.addAction(text, act)
            item.setEnabled(name is not None)
        item = menu.addAction("Mark as Organisation…", self.mark_selection)
        item.setEnabled(bool(self.selection()))

    def as_listed(self, articles: list) -> list:
        """Loaded ``articles`` as the list counts their organisations: corrected."""
        value = self.window.library.corrections
        if not value:
            return articles
        fix = Corrector(value).apply
        return [a if isinstance(a, Unreadable) else fix(a) for a in articles]

    # -- what the user points at ------------------------------------------------------
    def target(self) -> str | None:
        """The organisation selected in the panel (a click on a highlight selects it)."""
        return self.window.panel.selected_name()

    def selection(self) -> str:
        return " ".join(self.window.pane.textCursor().selectedText().replace("\u2029", " ").split())

    def _organisation(self, name: str):
        current = self.window.current
        return next((o for o in getattr(current, "organisations", ()) if o.name == name), None)

    # -- the edits ---------------------------------------------------------------------
    def refuse(self, name: str | None) -> None:
        if not name:
            return self._say("Select an organisation in the panel or click a highlight first")
        org = self._organisation(name)
        forms = [name, *(org.aliases if org is not None else ())]
        self.commit(lambda c: c.not_organisation(*forms), f"“{name}” is not an organisation")

    def mark_selection(self) -> None:
        words = self.selection()
        if not words:
            return self._say("Select the words to mark in the article first")
        names = [r.name for r in self.window.panel.organisations.rows]
        choice = " ".join(self.ask_mark_name(words, names).split())
        if not choice:
            return
        if choice in names and choice != words:
            self.commit(lambda c: c.add_alias(choice, words), f"“{words}” is another name of “{choice}”")
        else:
            aliases = [words] if choice != words else []
            self.commit(lambda c: c.mark(choice, aliases), f"“{words}” marked as “{choice}”")

    def merge(self, name: str | None) -> None:
        if not name:
            return self._say("Select an organisation in the panel or click a highlight first")
        others = [r.name for r in self.window.panel.organisations.rows if r.name != name]
        into = " ".join(self.ask_same_as(name, others).split())
        if into and into != name:
            self.commit(lambda c: c.merge(name, into), f"“{name}” is the same organisation as “{into}”")

    def rename_organisation(self, name: str | None) -> None:
        if not name:
            return self._say("Select an organisation in the panel or click a highlight first")
        new = " ".join(self.ask_new_name(name).split())
        if new and new != name:
            self.commit(lambda c: c.rename(name, new), f"“{name}” renamed “{new}”")

    def commit(self, edit, label: str) -> bool:
        """Take ``edit(value)`` as the corrections, undoably (in the background: the
        window follows when :attr:`corrected` is emitted)."""
        old = self.value
        try:
            new = edit(old)
        except CorrectionError as err:
            self.window.show_error("Cannot Correct", str(err))
            return False
        if new == old:
            return False

        def then():
            self.done.append((old, label))
            self.undone.clear()
        return self._take(new, label, then)

    def step_back(self) -> None:
        """Undo: the value before the last edit."""
        if self.done:
            before, label = self.done[-1]
            now = self.value

            def then():
                self.done.pop()
                self.undone.append((now, label))
            self._take(before, f"Undone: {label}", then)

    def step_forward(self) -> None:
        """Redo: the value the last undo left."""
        if self.undone:
            after, label = self.undone[-1]
            now = self.value

            def then():
                self.undone.pop()
                self.done.append((now, label))
            self._take(after, f"Redone: {label}", then)

    def _take(self, value: Corrections, message: str, then) -> bool:
        """Start storing and applying ``value``; False while another is being taken."""
        if self.busy is not None:
            self._say("Still applying the last correction…")
            return False
        signals = _Signals()
        signals.done.connect(self._taken)
        signals.failed.connect(self._not_taken)
        self.busy = (signals, message, then)
        self._enable()
        shown = getattr(self.window.current, "key", None)
        self.pool.start(_Job(self.window.library, value, None if self.blocked else save_stored, signals, shown))
        return True

    def _taken(self, changed: dict) -> None:
        _, message, then = self.busy
        self.busy = None
        then()
        self._enable()
        self.show(list(changed.values()))
        self._say(message + (" (not saved: the corrections file could not be read)" if self.blocked else ""))
        self.corrected.emit(list(changed))

    def _not_taken(self, err: Exception) -> None:
        self.busy = None
        self._enable()
        log.warning("corrections not taken: %s", err)
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
        self.window.show_error("Corrections Not Saved", f"Your corrections could not be saved: {reason}")

    def wait(self, msecs: int = 5000) -> bool:
        """Block until the value being taken is in (tests, closing)."""
        return self.pool.waitForDone(msecs)

    def show(self, articles: list) -> None:
        """The window after a new value: the changed rows (``articles``, corrected), the
        search, the pane and the panel."""
        w = self.window
        w.model.add(articles, replace=True)
        if w.search_bar.keys is not None:
            w.apply_filter()
        key = getattr(w.current, "key", None)
        if key is not None and not isinstance(w.current, Unreadable) and key in w.library.articles:
            selected = w.panel.selected_name()
            w.show_item(w.library.articles[key])
            if selected and w.panel.select(selected, notify=False):
                w.marks.select(selected)
        self.dialog_refresh()

    def _enable(self) -> None:
        idle = self.busy is None
        self.undo.setEnabled(idle and bool(self.done))
        self.redo.setEnabled(idle and bool(self.undone))
        self.undo.setText(f"&Undo {self.done[-1][1]}" if self.done else "&Undo Correction")
        self.redo.setText(f"&Redo {self.undone[-1][1]}" if self.undone else "&Redo Correction")

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 6000)

    # -- the questions (tests replace these) ----------------------------------------
    def ask_mark_name(self, words: str, names: list[str]) -> str:
        """A name for ``words`` (prefilled with them), or one of ``names`` it is another
        name of; '' to cancel."""
        name, ok = QInputDialog.getItem(self.window, "Mark as Organisation",
                                        "Name it, or pick the organisation it is another name of:",
                                        [words, *names], 0, True)
        return name if ok else ""

    def ask_same_as(self, name: str, others: list[str]) -> str:
        into, ok = QInputDialog.getItem(self.window, "Same Organisation as…",
                                        f"“{name}” is the same organisation as:", others, 0, True)
        return into if ok else ""

    def ask_new_name(self, name: str) -> str:
        new, ok = QInputDialog.getText(self.window, "Rename Organisation", f"Show “{name}” as:", text=name)
        return new if ok else ""

    # -- the Corrections… dialog ------------------------------------------------------
    def show_dialog(self) -> "CorrectionsDialog":
        self.dialog = CorrectionsDialog(self)
        self.dialog.show()
        return self.dialog

    def dialog_refresh(self) -> None:
        dialog = getattr(self, "dialog", None)
        if dialog is not None and dialog.isVisible():
            dialog.fill()


class CorrectionsDialog(QDialog):
    """Every correction, one row each; Remove takes the selected ones back (undoably)."""

    def __init__(self, correcting: Correcting):
        super().__init__(correcting.window)
        self.correcting = correcting
        self.setWindowTitle("Corrections")
        self.summary = QLabel()
        self.list = QListWidget()
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.list.setAccessibleName("Your corrections")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.remove_button = buttons.addButton("&Remove", QDialogButtonBox.ButtonRole.ActionRole)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(460, 360)
        self.fill()

    def fill(self) -> None:
        value = self.correcting.value
        self.list.clear()
        for entry in value.organisations:
            also = f" (also: {', '.join(entry.aliases)})" if entry.aliases else ""
            self._add(f"Organisation: {entry.name}{also}", entry)
        for name in value.not_organisations:
            self._add(f"Not an organisation: {name}", name)
        self.summary.setText(f"{counted(len(value), 'correction')}, applied in every folder you open."
                             if value else "No corrections yet.")
        self.remove_button.setEnabled(bool(value))

    def _add(self, text: str, item: Entry | str) -> None:
        row = QListWidgetItem(text)
        row.setData(Qt.ItemDataRole.UserRole, item)
        self.list.addItem(row)

    def rows(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def remove_selected(self) -> None:
        items = [i.data(Qt.ItemDataRole.UserRole) for i in self.list.selectedItems()]
        if not items:
            return

        def without(value: Corrections) -> Corrections:
            for item in items:
                value = value.remove(item)
            return value

        self.correcting.commit(without, f"removed {counted(len(items), 'correction')}")
        self.fill()
