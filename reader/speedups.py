"""The fused-word repair compiled: `reader.joins` and `reader.joins_words` built by Cython.

``setup.py`` compiles the two modules, unchanged, into the package ``article_reader_speedups``
when Cython and a C compiler are at hand (``pip install .``, not an editable install),
with the C types of ``reader/joins.pxd`` and ``joins_words.pxd``.  Each compiled module
carries ``SOURCE_SHA1``, the `digest` of the files it was made from.  The compiled code
runs the same Python about 1.7 times as fast (``benchmarks/fused_words.py`` prints both).

`compiled()` hands out the compiled ``joins`` only while every compiled module was made
from exactly the files beside this one: a checkout edited or moved to another commit after
the install runs interpreted, never stale.  The package is top-level, so the build
installed in site-packages also serves a source checkout of the same code (tests, the
benchmark scorer run from the repository).  ``ARTICLE_READER_PURE=1`` turns it off.
No Qt here; setup.py loads this file by path for `digest`.
"""
from __future__ import annotations

import hashlib
import importlib
import os
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from types import ModuleType

PACKAGE = "article_reader_speedups"
MODULES = ("joins_words", "joins")          # compiled together: joins imports joins_words
HERE = Path(__file__).resolve().parent


def digest(folder: Path, name: str) -> str:
    """SHA-1 of module ``name``'s source in folder and of its C types (.pxd), if any."""
    sha = hashlib.sha1((folder / f"{name}.py").read_bytes())
    types = folder / f"{name}.pxd"
    if types.exists():
        sha.update(b"\0" + types.read_bytes())
    return sha.hexdigest()


def compiled(package: str = PACKAGE, sources: Path = HERE,
             suffixes: tuple[str, ...] = tuple(EXTENSION_SUFFIXES)) -> ModuleType | None:
    """The compiled ``joins`` module if it is a build of the sources in ``sources``
    (``suffixes``: what a compiled module's file name ends with)."""
    if os.environ.get("ARTICLE_READER_PURE", "") not in ("", "0"):
        return None
    try:
        for name in MODULES:
            expected = digest(sources, name)
            module = importlib.import_module(f"{package}.{name}")
            if not str(getattr(module, "__file__", "")).endswith(suffixes):
                return None                          # not a compiled module
            if getattr(module, "SOURCE_SHA1", None) != expected:
                return None                          # a build of other code
        return importlib.import_module(f"{package}.joins")
    except Exception:          # not built, no source to compare with, a broken build:
        return None            # whatever it is, the interpreted code runs
