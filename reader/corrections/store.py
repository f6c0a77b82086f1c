"""Where the user's corrections live: one file, read once, written atomically.

The file is ``corrections.json`` in ``platformdirs.user_data_dir("article-reader")``, or
in ``$ARTICLE_READER_DATA_DIR`` when that is set (tests point it at a temporary folder).
It applies to every folder the reader opens. A file that cannot be used is reported and
never overwritten: a broken one is moved aside (``corrections.json.broken-<time>``) and
the reader goes on without it; one that cannot be read or moved blocks saving until it
is dealt with. No Qt here.
"""
from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

from ..files import write_atomic
from .fileformat import dumps, parse
from .model import CorrectionError, Corrections

log = logging.getLogger(__name__)

APP_NAME = "article-reader"
ENV_DIR = "ARTICLE_READER_DATA_DIR"
FILE_NAME = "corrections.json"


def data_dir() -> Path:
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME))


def stored_path() -> Path:
    return data_dir() / FILE_NAME


@dataclass(frozen=True, slots=True)
class Stored:
    """What :func:`load` found: the corrections to use, and why the file was not used."""

    corrections: Corrections
    path: Path
    note: str = ""  # one line for the user; "" when the file was used or there was none
    blocked: bool = False  # the file is still there unread: saving would overwrite it


def load(path: Path | None = None) -> Stored:
    """The stored corrections; never raises. A missing file is no corrections."""
    path = path or stored_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Stored(Corrections(), path)
    except OSError as err:
        log.warning("corrections file %s cannot be read", path, exc_info=True)
        return Stored(Corrections(), path, f"The corrections file {path} cannot be read "
                      f"({err.strerror or err}); going on without corrections.", blocked=True)
    try:
        return Stored(parse(raw.decode("utf-8-sig")), path)
    except UnicodeDecodeError:
        reason = "not UTF-8 text"
    except CorrectionError as err:
        reason = str(err)
    aside = _set_aside(path)
    log.warning("corrections file %s is broken (%s); kept as %s", path, reason, aside)
    if aside is None:
        return Stored(Corrections(), path, f"The corrections file {path} is broken ({reason}) and "
                      "could not be moved aside; going on without corrections.", blocked=True)
    return Stored(Corrections(), path, f"The corrections file was broken ({reason}); it is kept "
                  f"as {aside} and the reader goes on without it.")


def save(corrections: Corrections, path: Path | None = None) -> Path:
    """Write ``corrections`` to the user's file (or ``path``) atomically. Raises OSError."""
    path = path or stored_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, dumps(corrections))
    return path


def _set_aside(path: Path) -> Path | None:
    """Rename a broken file to ``<name>.broken-<time>`` beside it; None if that failed."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for n in range(100):
        aside = path.with_name(f"{path.name}.broken-{stamp}" + (f"-{n}" if n else ""))
        if aside.exists():
            continue
        try:
            os.rename(path, aside)
            return aside
        except OSError:
            log.warning("could not move %s aside", path, exc_info=True)
            return None
    return None
