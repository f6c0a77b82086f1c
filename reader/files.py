"""Writing files: everything the reader writes (exports, settings) goes through
:func:`write_atomic`, so a crash or a full disk never leaves half a file. No Qt here.
"""
from __future__ import annotations

import os
from pathlib import Path


def write_atomic(path: str | os.PathLike, text: str) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``path`` via a temporary file in the
    same folder, synced to disk, then renamed over ``path``: a failure leaves any
    earlier file as it was and no temporary file behind.

    The file gets the mode any new file gets under the user's umask (``mkstemp``'s
    0600 would hide an export from the user's other programs and accounts). Raises
    OSError, or UnicodeEncodeError for text that cannot be written as UTF-8."""
    write_atomic_bytes(path, text.encode("utf-8"))


def write_atomic_bytes(path: str | os.PathLike, data: bytes) -> None:
    """:func:`write_atomic` for bytes (a corpus export's shards). Raises OSError."""
    path = Path(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        tmp = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
        try:
            fd = os.open(tmp, flags, 0o666)  # the umask takes its bits off, as for any new file
            break
        except FileExistsError:
            continue
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
