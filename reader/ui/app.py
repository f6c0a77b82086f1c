"""Start the window: ``article-reader [FOLDER|FILE...]`` ends up in :func:`run`."""
from __future__ import annotations

import sys


def run(paths: list[str]) -> int:
    """Create the application and the main window, open ``paths`` (or restore the
    last session, or show the welcome view) and run until the window closes."""
    import threading

    from PySide6.QtWidgets import QApplication, QMessageBox

    from reader import log
    from reader.settings import Settings

    from .theme import apply_theme
    from .window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("article-reader")
    app.setApplicationDisplayName("Article Reader")
    app.setOrganizationName("article-reader")
    log.setup(" ".join(["article-reader", *paths]))

    def show(text: str) -> None:  # a message box only on the UI thread; elsewhere the log has it
        if threading.current_thread() is threading.main_thread():
            QMessageBox.critical(QApplication.activeWindow(), "Article Reader", text)

    log.install_excepthook(show)
    settings = Settings.load()
    apply_theme(app, settings.theme)
    window = MainWindow(settings)
    window.show()
    if not (paths and window.open_paths(list(paths))):
        window.restore_session()
    return app.exec()


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
