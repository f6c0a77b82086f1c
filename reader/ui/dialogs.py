"""The window's questions to the user (:class:`Asking`), and Export and About: the
conversations with the user around the core's export."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from reader.formats import open_filter


LICENCES = (
    ("article-reader", "MIT"),
    ("Qt for Python (PySide6) and Qt", "LGPL-3.0"),
    ("trafilatura", "Apache-2.0"),
    ("Beautiful Soup", "MIT"),
    ("lxml", "BSD-3-Clause"),
    ("charset-normalizer", "MIT"),
    ("platformdirs", "MIT"),
)


class Asking:
    """The window's questions to the user, one method each, so tests can answer them
    (``window.ask_folder = lambda title: ...``). For a QMainWindow subclass; reads
    ``self.paths`` (what is open)."""

    def ask_folder(self, title: str) -> str:
        return QFileDialog.getExistingDirectory(self, title, self._start_dir())

    def ask_files(self) -> list[str]:
        files, _ = QFileDialog.getOpenFileNames(
            self, "Open Articles", self._start_dir(), open_filter())
        return files

    def ask_save_path(self, suggested: str, filters: list[str]) -> tuple[str, str]:
        return QFileDialog.getSaveFileName(
            self, "Export Article", suggested, ";;".join(filters), filters[0],
            QFileDialog.Option.DontConfirmOverwrite)

    def ask_export_format(self, formats: list[str]) -> str:
        """One of ``formats`` (the first offered first), chosen by its name."""
        from reader.formats import format_named

        labels = [f"{format_named(f).label} ({format_named(f).suffix})" for f in formats]
        choice, ok = QInputDialog.getItem(self, "Export All", "Write each article as:", labels, 0, False)
        return formats[labels.index(choice)] if ok and choice in labels else ""

    def confirm_overwrite(self, path: str) -> bool:
        answer = QMessageBox.question(
            self, "Replace File?", f"“{path}” already exists.\nDo you want to replace it?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def _start_dir(self) -> str:
        return self.paths[0] if self.paths else str(Path.home())

    def export_dir(self) -> str:
        """Where an export is suggested: where the last one went, else the home folder
        (never beside the sources)."""
        last = self.settings.export_dir
        if last and Path(last).is_dir() and not self.library.export_problem(last):
            return last
        return str(Path.home())


def export_article(window, article) -> Path | None:
    """Ask where, then write ``article`` (as shown) in the format the chosen file type names."""
    from .documents import Unreadable

    if article is None or isinstance(article, Unreadable):
        window.statusBar().showMessage("Nothing to export: open an article first.", 5000)
        return None
    from reader.export import ExportError, suggested_filename
    from reader.formats import export_format, format_named, save_filters

    filters = save_filters()
    last = window.settings.export_format if window.settings.export_format in filters.values() else "txt"
    suggested = str(Path(window.export_dir()) / suggested_filename(article, last))
    path, chosen = window.ask_save_path(suggested, sorted(filters, key=lambda f: filters[f] != last))
    if not path:
        return None
    fmt = export_format(path) or filters.get(chosen, "txt")
    dest = Path(path)
    if export_format(dest) is None:
        dest = dest.with_name(dest.name + format_named(fmt).suffix)
    if not allowed(window, dest.parent):
        return None
    overwrite = False
    if dest.exists():
        if not window.confirm_overwrite(str(dest)):
            window.statusBar().showMessage("Export cancelled.", 4000)
            return None
        overwrite = True
    try:
        written = window.library.export_article(article, dest, fmt, overwrite=overwrite)
    except FileExistsError:
        window.show_error("Export Failed", f"Could not export to {dest}:\nthe file appeared "
                                           "while exporting; nothing was overwritten.")
        return None
    except ExportError as err:
        window.show_error("Export Failed", f"Could not export to {err.path}:\n{err.reason}")
        return None
    window.settings.export_dir, window.settings.export_format = str(Path(written).parent), fmt
    window.save_settings()
    window.statusBar().showMessage(f"Exported “{article.title}” to {written}", 8000)
    window.exported.emit([written])
    return written


def export_all(window, articles: list) -> None:
    """Ask for a folder and a format, then write one file per article there (in the
    background: see :meth:`reader.ui.window.MainWindow.start_export`)."""
    if not articles:
        window.statusBar().showMessage("Nothing to export: open a folder first.", 5000)
        return
    from reader.formats import names

    folder = window.ask_folder("Export All Articles to Folder")
    if not folder or not allowed(window, folder):
        return
    last = window.settings.export_format
    fmt = window.ask_export_format(sorted(names(), key=lambda f: f != last))  # the last one's first
    if not fmt:
        return
    window.settings.export_format = fmt
    window.save_settings()
    window.start_export(articles, Path(folder), fmt)


def allowed(window, folder) -> bool:
    """The library's word on exporting into ``folder``: never where the open sources
    are (the same rule and message as ``article-reader export``)."""
    problem = window.library.export_problem(folder)
    if problem:
        window.show_error("Cannot Export Here", problem)
    return not problem


def about(window) -> None:
    from reader import __version__

    rows = "".join(f"<tr><td>{name}</td><td>&nbsp;{lic}</td></tr>" for name, lic in LICENCES)
    QMessageBox.about(
        window, "About Article Reader",
        f"<h3>Article Reader {__version__}</h3>"
        "<p>Reads folders of scraped news articles, cleaned, with the organisations "
        "they name highlighted.</p>"
        f"<p>Qt {qVersion()}</p><p><b>Licences</b></p><table>{rows}</table>"
        "<p>Bundled word and organisation lists: see the README.</p>")
