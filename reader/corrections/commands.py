"""``article-reader corrections import FILE | export FILE | list``, and the corrections
``clean`` and ``export`` apply.

Exit codes as for every command: 0 done; 1 the stored corrections could not be read or
written; 2 usage, or a FILE that cannot be read or is not a corrections file (then the
stored corrections are left exactly as they were). No Qt here.
"""
from __future__ import annotations

import logging
import os
import sys
from typing import Callable

from ..counts import counted
from ..files import write_atomic
from . import store
from .fileformat import dumps, parse
from .model import CorrectionError, Corrections

log = logging.getLogger(__name__)

Say = Callable[[str], None]  # prints one line on stderr, prefixed with the program's name


def user_corrections(enabled: bool, err: Say) -> Corrections | None:
    """The stored corrections for ``clean``/``export`` (None: none, or ``--no-corrections``);
    a file that cannot be used is reported and the command goes on without it."""
    if not enabled:
        return None
    stored = store.load()
    if stored.note:
        err(stored.note)
    return stored.corrections or None


def cmd_corrections(action: str, file: str | None, err: Say) -> int:
    if action == "import":
        return _import(file, err)
    stored = store.load()
    if stored.note:
        err(stored.note)
        if stored.blocked:
            return 1
    if action == "export":
        return _export(stored.corrections, file, err)
    return _list(stored)


def _import(file: str, err: Say) -> int:
    try:
        with open(file, "rb") as fh:
            raw = fh.read()
    except OSError as e:
        err(f"{file}: {_reason(e)}")
        return 2
    try:
        incoming = parse(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        err(f"{file}: not a corrections file (not UTF-8 text); nothing imported")
        return 2
    except CorrectionError as e:
        err(f"{file}: {e}; nothing imported")
        return 2
    stored = store.load()
    if stored.note:
        err(stored.note)
        if stored.blocked:
            err("nothing imported: the stored corrections would be overwritten")
            return 1
    merged = stored.corrections.merged_with(incoming)
    try:
        path = store.save(merged, stored.path)
    except (OSError, UnicodeEncodeError) as e:
        log.warning("could not save the corrections to %s", stored.path, exc_info=True)
        err(f"{stored.path}: could not be written ({_reason(e)}); nothing imported")
        return 1
    print(f"imported {_counts(incoming)} from {file}; {path} now holds {_counts(merged)}")
    return 0


def _export(corrections: Corrections, file: str, err: Say) -> int:
    text = dumps(corrections)
    if file == "-":
        sys.stdout.write(text)
        return 0
    if os.path.isdir(file):
        err(f"{file}: is a folder; give the name of the file to write")
        return 2
    try:
        write_atomic(file, text)
    except (OSError, UnicodeEncodeError) as e:
        log.warning("could not export the corrections to %s", file, exc_info=True)
        err(f"{file}: could not be written ({_reason(e)})")
        return 1
    print(f"exported {_counts(corrections)} to {file}")
    return 0


def _list(stored: store.Stored) -> int:
    c = stored.corrections
    if not c:
        print(f"no corrections ({stored.path})")
        return 0
    for entry in c.organisations:
        also = f" (also: {', '.join(entry.aliases)})" if entry.aliases else ""
        print(f"organisation: {entry.name}{also}")
    for name in c.not_organisations:
        print(f"not an organisation: {name}")
    return 0


def _counts(c: Corrections) -> str:
    orgs, nots = len(c.organisations), len(c.not_organisations)
    return (f"{counted(orgs, 'organisation')} and "
            f"{counted(nots, 'name')} that {'are' if nots != 1 else 'is'} not one")


def _reason(e: BaseException) -> str:
    if isinstance(e, FileNotFoundError):
        return "no such file"
    if isinstance(e, IsADirectoryError):
        return "is a folder"
    if isinstance(e, OSError):
        return e.strerror or str(e)
    return str(e)
