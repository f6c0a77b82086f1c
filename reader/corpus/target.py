"""Where a corpus export goes: a local folder or any fsspec URL (``s3://bucket/news``).

Every file is written whole or not at all: a local file by
:func:`reader.files.write_atomic_bytes` (a temporary file in the same folder, a rename),
a remote one through a temporary name and a move (object stores put an object whole
anyway). Picklable, so cluster workers write directly.
"""
from __future__ import annotations

import logging
import os

from ..export import ExportError
from ..files import write_atomic_bytes

log = logging.getLogger(__name__)


def is_url(path: str) -> bool:
    return "://" in str(path)


class Target:
    def __init__(self, location: str):
        self.location = str(location)
        self._fs = None
        self._root = self.location
        if is_url(self.location):
            from fsspec.core import url_to_fs

            self._fs, self._root = url_to_fs(self.location)

    def __repr__(self) -> str:
        return f"Target({self.location!r})"

    def make(self) -> None:
        """Create the folder; ExportError if it cannot be."""
        try:
            if self._fs is None:
                os.makedirs(self._root, exist_ok=True)
            else:
                self._fs.makedirs(self._root, exist_ok=True)
        except OSError as err:
            raise ExportError(self.location, f"cannot create the folder: {err.strerror or err}") from None

    def path_of(self, name: str) -> str:
        return os.path.join(self._root, name) if self._fs is None else f"{self._root.rstrip('/')}/{name}"

    def write(self, name: str, data: bytes) -> str:
        """Write ``data`` as ``name`` atomically; its path, or ExportError with the reason."""
        path = self.path_of(name)
        if self._fs is not None:
            tmp = f"{path}.tmp-{os.getpid()}"
            try:
                with self._fs.open(tmp, "wb") as fh:
                    fh.write(data)
                self._fs.mv(tmp, path)
            except OSError as err:
                raise ExportError(path, err.strerror or str(err)) from None
            return path
        try:
            write_atomic_bytes(path, data)
        except OSError as err:
            raise ExportError(path, err.strerror or str(err)) from None
        return path

    def read(self, name: str) -> bytes | None:
        """The bytes of ``name``, None if there is no such file (or it cannot be read)."""
        try:
            if self._fs is None:
                with open(self.path_of(name), "rb") as fh:
                    return fh.read()
            with self._fs.open(self.path_of(name), "rb") as fh:
                return fh.read()
        except (OSError, ValueError):
            return None

    def exists(self, name: str) -> bool:
        path = self.path_of(name)
        return os.path.exists(path) if self._fs is None else self._fs.exists(path)

    def names(self) -> list[str]:
        """The names of the files in the folder (none if it cannot be listed)."""
        try:
            if self._fs is None:
                return sorted(os.listdir(self._root))
            return sorted(p.rstrip("/").rsplit("/", 1)[-1] for p in self._fs.ls(self._root, detail=False))
        except OSError as err:
            log.warning("cannot list %s: %s", self.location, err)
            return []

    def remove(self, name: str) -> None:
        path = self.path_of(name)
        try:
            if self._fs is None:
                os.unlink(path)
            else:
                self._fs.rm(path)
        except OSError as err:
            raise ExportError(path, f"cannot remove an earlier shard: {err.strerror or err}") from None
