"""Where the shipped data files (``resources/``) are: the installed ``reader.resources``
package, or the ``resources/`` folder beside ``reader/`` when run from a checkout
without installing (``python -m reader`` in the source tree)."""
from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path


def resources_dir() -> Traversable:
    try:
        return resources.files("reader.resources")
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "resources"


def resource(name: str) -> Traversable:
    return resources_dir() / name
