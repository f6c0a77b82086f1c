"""The corrections file format (UTF-8 JSON), read with one-line reasons and written back.

    {"version": 1,
     "organisations": [{"name": "SoftBank Group", "aliases": ["SoftBank Group Corp", "SoftBank"]}],
     "not_organisations": ["Neumann"]}

``organisations`` and ``not_organisations`` may be left out (nothing of that kind).
Keys this version does not know, at the top and in an organisation's object, are kept
and written back on export. No Qt here.
"""
from __future__ import annotations

import json

from .model import CorrectionError, Corrections, Entry, clean_name

VERSION = 1
_KNOWN = ("version", "organisations", "not_organisations")
_ENTRY_KNOWN = ("name", "aliases")


def parse(text: str) -> Corrections:
    """The corrections ``text`` holds; raises CorrectionError with a one-line reason."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise CorrectionError(f"not JSON ({err.msg} at line {err.lineno}, column {err.colno})") from None
    except RecursionError:
        raise CorrectionError("not a corrections file (JSON nested too deeply)") from None
    return from_data(data)


def from_data(data: object) -> Corrections:
    """The corrections of an already decoded JSON value (see :func:`parse`)."""
    if not isinstance(data, dict):
        raise CorrectionError(f"not a corrections file (a JSON {_kind(data)}, not an object)")
    if "version" not in data:
        raise CorrectionError(f'no "version" (a corrections file says "version": {VERSION})')
    version = data["version"]
    if version != VERSION or isinstance(version, bool):
        newer = isinstance(version, int) and not isinstance(version, bool) and version > VERSION
        raise CorrectionError(f'"version" is {json.dumps(version)[:20]}: '
                              + ("written by a newer article-reader" if newer else f"expected {VERSION}"))
    entries = _list(data, "organisations")
    seen: dict[str, str] = {}  # form -> the name of the entry it belongs to
    organisations = []
    for i, item in enumerate(entries):
        where = f"organisations[{i}]"
        if not isinstance(item, dict):
            raise CorrectionError(f"{where} is a {_kind(item)}, not an object with a \"name\"")
        if "name" not in item:
            raise CorrectionError(f'{where} has no "name"')
        name = _name(item["name"], f"{where}.name")
        aliases = []
        for j, alias in enumerate(_list(item, "aliases", where)):
            alias = _name(alias, f"{where}.aliases[{j}]")
            if alias != name and alias not in aliases:
                aliases.append(alias)
        for form in (name, *aliases):
            if form in seen and seen[form] != name:
                raise CorrectionError(f"{form!r} is a name of two organisations ({seen[form]!r} and {name!r})")
            seen[form] = name
        organisations.append(Entry(name, tuple(aliases), _extra(item, _ENTRY_KNOWN)))
    refused = []
    for j, value in enumerate(_list(data, "not_organisations")):
        value = _name(value, f"not_organisations[{j}]")
        if value in seen:
            raise CorrectionError(f"{value!r} is both an organisation ({seen[value]!r}) and not one")
        if value not in refused:
            refused.append(value)
    return Corrections(tuple(_joined(organisations)), tuple(refused), _extra(data, _KNOWN))


def dumps(corrections: Corrections) -> str:
    """The file's text: what :func:`parse` reads back as ``corrections``."""
    data: dict = {"version": VERSION, "organisations": [], "not_organisations": list(corrections.not_organisations)}
    for entry in corrections.organisations:
        obj: dict = {"name": entry.name, "aliases": list(entry.aliases)}
        obj.update((k, json.loads(v)) for k, v in entry.extra)
        data["organisations"].append(obj)
    data.update((k, json.loads(v)) for k, v in corrections.extra)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _joined(entries: list[Entry]) -> list[Entry]:
    """Two objects with the same name are one entry (their aliases together)."""
    by_name: dict[str, Entry] = {}
    for entry in entries:
        if entry.name in by_name:
            first = by_name[entry.name]
            aliases = tuple(dict.fromkeys([*first.aliases, *entry.aliases]))
            by_name[entry.name] = Entry(first.name, aliases, tuple({**dict(first.extra), **dict(entry.extra)}.items()))
        else:
            by_name[entry.name] = entry
    return list(by_name.values())


def _list(obj: dict, key: str, where: str = "") -> list:
    value = obj.get(key, [])
    if not isinstance(value, list):
        raise CorrectionError(f"{where + '.' if where else ''}{key} is a {_kind(value)}, not a list")
    return value


def _name(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise CorrectionError(f"{where} is a {_kind(value)}, not text")
    try:
        return clean_name(value)
    except CorrectionError as err:
        raise CorrectionError(f"{where}: {err}") from None


def _extra(obj: dict, known: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((k, json.dumps(v, ensure_ascii=False)) for k, v in obj.items() if k not in known)


def _kind(value: object) -> str:
    if value is None:
        return "null"
    return {bool: "boolean", int: "number", float: "number", str: "string", list: "list",
            dict: "object"}.get(type(value), type(value).__name__)
