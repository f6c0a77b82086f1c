"""The user's corrections to the organisations: the value and its edits (``model``), the
file format (``fileformat``), where it is stored (``store``) and how an article reads
corrected (``apply``). No Qt here."""
from .apply import CORRECTION, RECOGNISER, Corrector, apply, apply_all, recorrect
from .fileformat import dumps, parse
from .model import CorrectionError, Corrections, Entry

__all__ = ["Corrections", "Entry", "CorrectionError", "Corrector", "apply", "apply_all", "recorrect",
           "parse", "dumps", "RECOGNISER", "CORRECTION"]
