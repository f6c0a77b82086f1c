"""Pausing Python's cyclic garbage collector around bulk work that makes no cycles.

Building thousands of small acyclic records (a folder's articles, the fused-word search's
tuples) triggers collections that scan everything alive and find nothing to free.
:func:`paused` turns the collector off for the duration and back on after, and is safe
to nest and to use from several threads at once: the collector is switched off by the
first section to enter and back on (if it was on then) by the last to leave.
:func:`paused_and_frozen` also moves what was built out of the collector's sight.
"""
from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator

_lock = threading.Lock()
_depth = 0  # sections inside paused() now, in all threads
_was_enabled = False  # the collector's state when the first of them entered


@contextmanager
def paused() -> Iterator[None]:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()


@contextmanager
def paused_and_frozen() -> Iterator[None]:
    """No cyclic garbage collection while thousands of (acyclic) records are built, and
    the records moved out of the collector's sight afterwards (``gc.freeze``). Otherwise
    every full collection rescans them all, which slows a large open several times
    over, and the first full collection after it holds the GIL (so the window too) for
    a pause the user sees. Records are freed by reference counting as usual."""
    with paused():
        try:
            yield
        finally:
            gc.freeze()
