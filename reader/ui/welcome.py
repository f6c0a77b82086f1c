"""The view shown when nothing is open: open a folder, or the bundled samples."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from reader.formats import listed


def samples_dir() -> Path | None:
    """The sample ``articles/`` folder: beside the package in a checkout, or next to
    the package's parent folder (or the environment's share folder) when installed."""
    package = Path(__file__).resolve().parents[1]  # .../reader
    candidates = [package.parent / "articles", package.parent.parent / "articles",
                  Path(sys.prefix) / "share" / "article-reader" / "articles"]
    for folder in candidates:
        if folder.is_dir() and any(folder.iterdir()):
            return folder
    return None


class WelcomeView(QWidget):
    open_folder_requested = Signal()
    open_samples_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        title = QLabel("<h1>Article Reader</h1>")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(f"Open a folder of scraped articles ({listed()}) to read\n"
                      "them cleaned, with the organisations they name highlighted.\n"
                      "You can also drop a folder or files onto this window.")
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)
        self.open_button = QPushButton("Open folder…")
        self.open_button.setAccessibleName("Open folder")
        self.open_button.setDefault(True)
        self.samples_button = QPushButton("Open the sample articles")
        self.samples_button.setAccessibleName("Open the sample articles")
        self.samples_button.setVisible(samples_dir() is not None)
        self.open_button.clicked.connect(self.open_folder_requested)
        self.samples_button.clicked.connect(self.open_samples_requested)
        for b in (self.open_button, self.samples_button):
            b.setMinimumWidth(260)
            b.setMinimumHeight(36)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addSpacing(24)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.samples_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
