"""Light and dark: Fusion style with explicit palettes, or the system palette.

Organisation colours come in pairs (background, text) chosen per theme so a
highlight stays readable on either: pale tints with dark text on light, deep
tints with light text on dark.
"""
from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

# Hues spread round the wheel, in an order where neighbours differ strongly.
_HUES = (210, 30, 130, 330, 50, 270, 170, 0, 90, 240, 300, 190)

_system: tuple[str, QPalette] | None = None  # the platform's style and palette


def apply_theme(app: QApplication, mode: str) -> None:
    """``mode`` is "system" (the platform's style and palette, light or dark as the
    system is), "light" or "dark" (Fusion with this module's palettes)."""
    global _system
    if _system is None:
        _system = (app.style().name(), QPalette(app.palette()))
    if mode in ("dark", "light"):
        app.setStyle("Fusion")
        app.setPalette(dark_palette() if mode == "dark" else light_palette())
    elif app.style().name() != _system[0] or app.palette() != _system[1]:
        app.setStyle(_system[0])
        app.setPalette(_system[1])
    # Fusion outlines a check box in the window colour, darker: on the dark palette an
    # unchecked box all but vanished (1.15:1). Check boxes outline from a lighter one.
    box = QPalette(app.palette())
    if mode == "dark":
        box.setColor(QPalette.ColorRole.Window, QColor("#8a8a8e"))
    app.setPalette(box, "QCheckBox")


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def light_palette() -> QPalette:
    p = QPalette()
    _set(p, window="#efefef", base="#ffffff", alt="#f5f5f5", text="#1b1b1b",
         button="#e6e6e6", highlight="#2f6fbf", link="#1a5fb4", mid="#b8b8b8",
         disabled="#8a8a8a", tooltip="#ffffdc")
    return p


def dark_palette() -> QPalette:
    p = QPalette()
    _set(p, window="#2b2b2e", base="#1e1e20", alt="#262628", text="#e6e6e6",
         button="#38383b", highlight="#3d7bd0", link="#8cb8ff", mid="#4a4a4e",
         disabled="#7d7d80", tooltip="#38383b")
    return p


def _set(p: QPalette, *, window, base, alt, text, button, highlight, link, mid,
         disabled, tooltip) -> None:
    R = QPalette.ColorRole
    for role, value in (
        (R.Window, window), (R.WindowText, text), (R.Base, base), (R.AlternateBase, alt),
        (R.Text, text), (R.Button, button), (R.ButtonText, text), (R.Highlight, highlight),
        (R.HighlightedText, "#ffffff"), (R.Link, link), (R.LinkVisited, link),
        (R.ToolTipBase, tooltip), (R.ToolTipText, text), (R.PlaceholderText, disabled),
        (R.Mid, mid), (R.Midlight, mid), (R.Dark, mid), (R.BrightText, "#ffffff"),
    ):
        p.setColor(role, QColor(value))
    for role in (R.Text, R.WindowText, R.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))


def organisation_colours(index: int, dark: bool) -> tuple[QColor, QColor]:
    """(background, text) for the ``index``-th organisation of an article."""
    hue = _HUES[index % len(_HUES)]
    if dark:
        return QColor.fromHsl(hue, 110, 70), QColor("#f2f2f2")
    return QColor.fromHsl(hue, 200, 215), QColor("#111111")


def mark_colour(dark: bool) -> QColor:
    """Background of the selected organisation's mentions (with black text: contrast
    above 9:1 in both themes); the current one takes the palette's highlight."""
    return QColor("#f5b700") if dark else QColor("#ffc233")
