"""The files of a corpus export: what goes in them, byte for byte.

``articles-00000.jsonl`` … hold one ``clean --json`` object per line, ``SHARD_SIZE``
articles each in the folder's order; ``articles-00000.parquet`` … hold the same objects as
rows with the same columns (nested lists and structs). Beside them ``organisations.csv``
(the folder-wide index) and ``failures.jsonl`` (files that could not be read). Either
engine calls these functions, so a local run and a cluster run write the same bytes.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Iterable, Sequence

from ..export import printable_path

FORMATS = ("jsonl", "parquet")
SHARD_SIZE = 10_000  # articles per shard: files of a few tens of MB, few enough for millions
ORGANISATIONS = "organisations.csv"
FAILURES = "failures.jsonl"
ORGANISATION_COLUMNS = ("name", "aliases", "articles", "mentions", "first_date", "last_date")


class MissingPackage(Exception):
    """An optional package (pyarrow, dask) is not installed; the message says how to get it."""


def shard_name(number: int, fmt: str) -> str:
    return f"articles-{number:05d}.{fmt}"


def is_shard_name(name: str, fmt: str) -> bool:
    stem, dot, suffix = name.rpartition(".")
    return (dot == "." and suffix == fmt and stem.startswith("articles-")
            and len(stem) >= 14 and stem[9:].isdigit())


def plan_shards(counts: Sequence[int], shard_size: int = SHARD_SIZE) -> list[list[tuple[int, int, int]]]:
    """Shard ``k`` holds articles ``k*shard_size`` up to the next, in order, when part ``i``
    holds ``counts[i]`` of them: for each shard, its (part, start, stop) slices."""
    shards: list[list[tuple[int, int, int]]] = []
    room = 0
    for part, count in enumerate(counts):
        start = 0
        while start < count:
            if room == 0:
                shards.append([])
                room = shard_size
            stop = min(count, start + room)
            shards[-1].append((part, start, stop))
            room -= stop - start
            start = stop
    return shards


def encode_row(obj: dict, fmt: str):
    """One article's row of a shard: its JSON line (bytes), or for Parquet the object with
    UTF-8 text. Rows are made where the article is rendered (in parallel on a cluster) and
    are what travels to the shard's writer: a JSON line is smaller than the object."""
    if fmt == "jsonl":
        return _json_line(obj)
    if fmt == "parquet":
        return _utf8(obj)
    raise ValueError(f"unknown corpus format {fmt!r}; choose one of {', '.join(FORMATS)}")


def encode_shard(rows: Sequence, fmt: str) -> bytes:
    """The bytes of one shard holding ``rows`` (from :func:`encode_row`)."""
    if fmt == "jsonl":
        return b"".join(rows)
    if fmt == "parquet":
        return _parquet(rows)
    raise ValueError(f"unknown corpus format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _json_line(obj: dict) -> bytes:
    try:
        return (json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate in the text: \udcXX escapes are still JSON
        return (json.dumps(obj, ensure_ascii=True, separators=(",", ":")) + "\n").encode("ascii")


def require_pyarrow():
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise MissingPackage("--format parquet needs pyarrow: install with pip install '.[cluster]'") from None
    return pyarrow


def _schema(pa):
    strings = pa.list_(pa.string())
    mention = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
    organisation = pa.struct([("name", pa.string()), ("aliases", strings), ("mentions", pa.list_(mention))])
    link = pa.struct([("url", pa.string()), ("label", pa.string()), ("kind", pa.string())])
    block = pa.struct([("kind", pa.string()), ("text", pa.string())])
    return pa.schema([  # the keys of reader.export.to_json, in its order
        ("path", pa.string()), ("format", pa.string()), ("title", pa.string()), ("date", pa.string()),
        ("authors", strings), ("dateline", pa.string()), ("text", pa.string()), ("paragraphs", strings),
        ("blocks", pa.list_(block)), ("organisations", pa.list_(organisation)), ("links", pa.list_(link)),
        ("tags", strings), ("warnings", strings),
    ])


def _parquet(rows: Sequence[dict]) -> bytes:
    pa = require_pyarrow()
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(rows, schema=_schema(pa))
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return sink.getvalue().to_pybytes()


def _utf8(value):
    """``value`` with lone surrogates (undecodable bytes) shown as �: Parquet strings are UTF-8."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
            return value
        except UnicodeEncodeError:
            return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    if isinstance(value, dict):
        return {k: _utf8(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_utf8(v) for v in value]
    return value


def read_shard(data: bytes, fmt: str) -> list[dict]:
    """The objects of a shard (for tests and readers of the corpus)."""
    if fmt == "jsonl":
        return [json.loads(line) for line in data.decode("utf-8").splitlines() if line]
    pa = require_pyarrow()
    import pyarrow.parquet as pq

    return pq.read_table(pa.BufferReader(data)).to_pylist()


def organisations_csv(entries: Iterable, dates: dict[str, str | None]) -> bytes:
    """One row per organisation of the folder index (most articles first): its name, its
    other names joined by "; ", how many articles name it and how often, and the first
    and last date of those articles (empty when none is dated)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ORGANISATION_COLUMNS)
    for entry in entries:
        known = sorted(d for d in (dates.get(key) for key in entry.articles) if d)
        writer.writerow([_utf8(entry.name), _utf8("; ".join(entry.aliases)), len(entry.articles),
                         entry.mentions, known[0] if known else "", known[-1] if known else ""])
    return out.getvalue().encode("utf-8")


def failures_jsonl(failures: Iterable[tuple[str, str]]) -> bytes:
    """One ``{"path", "reason"}`` object per file that could not be read."""
    return b"".join(_json_line({"path": printable_path(path), "reason": reason})
                    for path, reason in failures)
