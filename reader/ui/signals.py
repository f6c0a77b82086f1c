"""``emit(signal, *args)``: emit a Qt signal from Python, safely.

PySide6 6.12.0's ``SignalInstance.emit`` returns ``True`` without taking a reference.
On CPython ≥ 3.12 ``True`` is immortal and nothing happens; on 3.11 every emit drops
``True``'s reference count by one until the interpreter aborts ("bool_dealloc:
deallocating True"), typically after a few thousand emits. Every emit in the window
goes through this function, which measures the defect once and gives the reference
back when it is there.
"""
from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    fired = Signal()


def _emit_drops_true() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.fired.emit()
    return before - sys.getrefcount(True) >= 6


_DROPS_TRUE = _emit_drops_true()
if _DROPS_TRUE:  # give back what the probe took
    for _ in range(8):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))


def emit(signal, *args) -> None:
    signal.emit(*args)
    if _DROPS_TRUE:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
