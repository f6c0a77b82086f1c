"""The reader's log: a rotating file in the user's log folder, and a last net for
exceptions nothing caught. No Qt here: the window passes in how to show a message.

Each module logs to ``logging.getLogger(__name__)``, under the ``reader`` logger that
:func:`setup` gives the file. The file is ``article-reader.log`` in
``platformdirs.user_log_dir("article-reader")``, or in ``$ARTICLE_READER_LOG_DIR``
when that is set (tests point it at a temporary folder). Used as a library, without
:func:`setup`, the reader logs nowhere (see ``reader/__init__.py``).
"""
from __future__ import annotations

import logging
import os
import sys
import threading
from pathlib import Path
from typing import Callable

APP_NAME = "article-reader"
ENV_DIR = "ARTICLE_READER_LOG_DIR"
FILE_NAME = "article-reader.log"
MAX_BYTES = 1_000_000  # then the file rotates, keeping BACKUPS older ones
BACKUPS = 3
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"

log = logging.getLogger(__name__)
_ROOT = logging.getLogger("reader")
_handler: _LogFile | None = None
_lock = threading.Lock()


def log_dir() -> Path:
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME))


class _LogFile(logging.Handler):
    """The log file, opened at the first record, which it follows with a line saying
    what ran: a command with nothing to log writes no file and spends no time finding
    the log folder. A folder that cannot be written means no log, never an error."""

    def __init__(self, command: str):
        super().__init__()
        self.command = command
        self.file: logging.FileHandler | None = None
        self.failed = False

    def emit(self, record: logging.LogRecord) -> None:  # called under the handler's lock
        if self.file is None:
            if self.failed or not self._open():
                return
        self.file.emit(record)

    def _open(self) -> bool:
        import logging.handlers
        import platform

        from . import __version__

        path = log_dir() / FILE_NAME
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.file = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                                             encoding="utf-8")
        except OSError:  # a read-only home, say: the reader works on, without a log
            self.failed = True
            return False
        self.file.setFormatter(logging.Formatter(FORMAT))
        self.file.emit(log.makeRecord(
            log.name, logging.INFO, __file__, 0, "%s %s, Python %s, %s %s %s: %s",
            (APP_NAME, __version__, platform.python_version(), platform.system(), platform.release(),
             platform.machine(), self.command), None))
        return True

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
        super().close()


def setup(command: str = "", level: int = logging.INFO) -> None:
    """Send the ``reader`` loggers' records at ``level`` and above to the log file,
    where each process's first record follows a line naming the version and ``command``
    (what the user ran). Calling it again replaces the earlier setup."""
    global _handler
    with _lock:
        _close()
        _handler = _LogFile(command)
        _ROOT.addHandler(_handler)
        _ROOT.setLevel(level)


def close() -> None:
    """Stop writing the log file (tests call it after each test)."""
    with _lock:
        _close()


def _close() -> None:
    global _handler
    if _handler is not None:
        _ROOT.removeHandler(_handler)
        _handler.close()
        _handler = None
        _ROOT.setLevel(logging.NOTSET)


def log_file() -> Path | None:
    """The file the log is written to, once it is."""
    file = _handler.file if _handler is not None else None
    return Path(file.baseFilename) if file is not None else None


def install_excepthook(show: Callable[[str], None]) -> None:
    """Make an exception nothing caught a logged error plus a short message (``show``
    is handed the text), not a traceback on a terminal the user may not have. The
    previous hook still runs, so a terminal shows the traceback too. Ctrl+C is left alone."""
    previous = sys.excepthook
    showing = threading.Lock()  # one message at a time: an error while one is up is only logged

    def hook(kind, value, tb):
        if issubclass(kind, KeyboardInterrupt):
            return previous(kind, value, tb)
        log.error("uncaught exception", exc_info=(kind, value, tb))
        if showing.acquire(blocking=False):
            where = log_file()
            try:
                show(f"Something went wrong: {kind.__name__}: {value}\n\n"
                     "The reader carries on, but what you were doing may not have finished."
                     + (f"\nDetails are in the log: {where}" if where else ""))
            except Exception:  # the message is a courtesy; the error is logged already
                log.exception("the message about an uncaught exception could not be shown")
            finally:
                showing.release()
        previous(kind, value, tb)

    sys.excepthook = hook
