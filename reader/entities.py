"""Organisation recognition (placeholder: issue 4)."""
from __future__ import annotations

from .record import Mention, Organisation


def find_organisations(text: str) -> list[Mention]:
    return []


def group_organisations(mentions: list[Mention]) -> tuple[Organisation, ...]:
    by_name: dict[str, list[Mention]] = {}
    for m in mentions:
        by_name.setdefault(m.name, []).append(m)
    return tuple(
        Organisation(name, tuple(sorted({m.text for m in ms} - {name})), tuple(ms))
        for name, ms in by_name.items()
    )


def organisations_of(text: str) -> tuple[Organisation, ...]:
    return group_organisations(find_organisations(text))
