"""The Compare dialog from the keyboard: Tab runs version A → version B → the buttons,
Escape closes, F3 / Shift+F3 (and the Next/Previous Difference buttons) select the
next or previous sentence only one version has, in the side being read."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QTextBrowser

HINT = "F3 / Shift+F3: next / previous marked sentence"


def marked_spans(browser: QTextBrowser) -> list[tuple[int, int]]:
    """Where ``browser``'s text is on the 'only here' background: (start, end)
    positions, one a run of marked text (touching fragments joined)."""
    spans: list[tuple[int, int]] = []
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid() and fragment.charFormat().background().style() != Qt.BrushStyle.NoBrush:
                start, end = fragment.position(), fragment.position() + fragment.length()
                if spans and spans[-1][1] == start:
                    spans[-1] = (spans[-1][0], end)
                elif fragment.text().strip():
                    spans.append((start, end))
            it += 1
        block = block.next()
    return spans


def step_marks(browser: QTextBrowser, step: int) -> bool:
    """Select the next (``step`` 1) or previous (-1) marked run after or before the
    cursor, round the end; False when the side has none."""
    spans = marked_spans(browser)
    if not spans:
        return False
    cursor = browser.textCursor()
    if step > 0:
        after = cursor.selectionEnd() if cursor.hasSelection() else cursor.position()
        start, end = next((s for s in spans if s[0] >= after), spans[0])
    else:
        before = cursor.selectionStart()
        start, end = next((s for s in reversed(spans) if s[1] <= before), spans[-1])
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    browser.setFocus(Qt.FocusReason.ShortcutFocusReason)
    return True


def install(dialog, buttons: QDialogButtonBox) -> None:
    """Keys, buttons, tab order and accessible names for ``dialog`` (a CompareDialog
    with ``first`` and ``second`` sides)."""
    sides = (dialog.first, dialog.second)
    for side in sides:
        side.text.setTabChangesFocus(True)
        side.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        side.text.setAccessibleDescription(f"{side.heading.text()}. Sentences only this version "
                                           f"has are marked; {HINT}.")
        side.only.setAccessibleName(f"Organisations only in version {side.label}")
    last = {"side": dialog.first}  # the side last read: the one F3 steps through

    def go(step: int) -> None:
        focused = next((s for s in sides if s.text.hasFocus()), last["side"])
        for side in (focused, *(s for s in sides if s is not focused)):
            if step_marks(side.text, step):
                last["side"] = side
                return

    previous = QPushButton("&Previous Difference")
    following = QPushButton("&Next Difference")
    for button, step, key in ((previous, -1, "Shift+F3"), (following, 1, "F3")):
        button.setAutoDefault(False)
        button.setToolTip(f"Select the {'previous' if step < 0 else 'next'} sentence only one "
                          f"version has ({key})")
        button.clicked.connect(lambda _=False, step=step: go(step))
        buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        QShortcut(QKeySequence(key), dialog, lambda step=step: go(step))
    has_marks = any(marked_spans(side.text) for side in sides)
    previous.setEnabled(has_marks)
    following.setEnabled(has_marks)
    close = buttons.button(QDialogButtonBox.StandardButton.Close)
    chain = [dialog.first.text, dialog.second.text, previous, following, close]
    for a, b in zip(chain, chain[1:]):
        dialog.setTabOrder(a, b)
    dialog.first.text.setFocus(Qt.FocusReason.OtherFocusReason)

