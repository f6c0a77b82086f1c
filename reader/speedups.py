"""The fused-word repair compiled: `reader.joins` and `reader.joins_words` built by Cython.

``setup.py`` compiles the two modules, unchanged, into the package ``article_reader_speedups``
when Cython and a C compiler are at hand (``pip install .``); each compiled module carries
``SOURCE_SHA1``, the SHA-1 of the source file it was made from.  The compiled code runs
the same Python, about 1.5 times as fast (``benchmarks/fused_words.py`` prints both).

`compiled()` hands out the compiled ``joins`` only while every compiled module was made
from exactly the source beside this file: a checkout edited or moved to another commit
after the install runs interpreted, never stale.  The package is top-level, so the build
installed in site-packages also serves a source checkout of the same code (tests, the
benchmark scorer run from the repository).  ``ARTICLE_READER_PURE=1`` turns it off.
No Qt here.
"""
from __future__ import annotations

import hashlib
import importlib
import os
from pathlib import Path
from types import ModuleType

PACKAGE = "article_reader_speedups"
MODULES = ("joins_words", "joins")          # compiled together: joins imports joins_words
HERE = Path(__file__).resolve().parent


def compiled(package: str = PACKAGE, sources: Path = HERE) -> ModuleType | None:
    """The compiled ``joins`` module if it is a build of the sources in ``sources``."""
    if os.environ.get("ARTICLE_READER_PURE", "") not in ("", "0"):
        return None
    try:
        for name in MODULES:
            digest = hashlib.sha1((sources / f"{name}.py").read_bytes()).hexdigest()
            module = importlib.import_module(f"{package}.{name}")
            if getattr(module, "SOURCE_SHA1", None) != digest:
                return None                          # a build of other code
    except (ImportError, OSError):
        return None            # not built (no compiler), or no source to compare with
    return module
