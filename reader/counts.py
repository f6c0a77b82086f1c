"""Counts as the reader words them, in the window and on the command line: "1 article",
"2,000 articles". No Qt here.
"""
from __future__ import annotations


def counted(count: int, noun: str) -> str:
    """``count`` with thousands separators and ``noun``, plural unless it is one."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
