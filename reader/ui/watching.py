"""Noticing changes on disk while a folder is open.

:class:`FolderWatcher` watches what the library has open (its folders, so files that
appear and go are seen, and up to ``most_files`` of its files, since an edit in place
does not change the folder), gathers what the ``QFileSystemWatcher`` reports, and
``delay_ms`` after the last report asks the loader to look again at those paths. It
waits while the loader is busy (an open sees the change itself, or it looks after).
The changes come back through ``loader.changed``. No widget here: tests drive it with
a loader.
"""
from __future__ import annotations

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer

WATCH_DELAY_MS = 250  # changes on disk are looked at this long after the last report
WATCH_FILES = 2000  # at most this many open files are watched one by one (folders always)


class FolderWatcher(QObject):
    def __init__(self, loader, parent: QObject | None = None, delay_ms: int = WATCH_DELAY_MS,
                 most_files: int = WATCH_FILES):
        super().__init__(parent)
        self.loader = loader
        self.most_files = most_files
        self.watcher = QFileSystemWatcher(self)
        self._changed: dict[str, None] = {}
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self._look)
        self.watcher.directoryChanged.connect(self._on_change)
        self.watcher.fileChanged.connect(self._on_change)

    def watched(self) -> list[str]:
        return self.watcher.directories() + self.watcher.files()

    def watch(self) -> None:
        """Watch what the loader's library has open (adding what is new to it)."""
        library = self.loader.library
        wanted = library.folders() + library.files()[:self.most_files]
        have = set(self.watched())
        new = [p for p in wanted if p not in have]
        if new:
            self.watcher.addPaths(new)

    def unwatch(self) -> None:
        """Watch nothing, and forget the changes not yet looked at."""
        paths = self.watched()
        if paths:
            self.watcher.removePaths(paths)
        self._changed.clear()
        self._timer.stop()

    def _on_change(self, path: str) -> None:
        self._changed[path] = None
        self._timer.start()

    def _look(self) -> None:
        if self.loader.busy:
            self._timer.start()
            return
        paths, self._changed = list(self._changed), {}
        if paths:
            self.loader.refresh(paths)
