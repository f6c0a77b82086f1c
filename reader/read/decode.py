"""Bytes to text: BOMs, UTF-8, UTF-16/32 and legacy single-byte encodings.

Decoding never silently produces mojibake: UTF-8 is tried strictly first; a file
that is UTF-8 but for a few damaged bytes keeps its UTF-8 reading and says how many
bytes were replaced; only a file that is not UTF-8 at all is handed to
charset-normalizer, and the encoding it chose is reported. Binary files are refused.
"""
from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass, field

from ..counts import counted

log = logging.getLogger(__name__)

MAX_BYTES = 48 * 1024 * 1024  # larger files are cut here, with a warning

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Bytes that never occur in text: C0 controls other than tab, newlines, form feed, escape.
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_ENCODING_NAMES = {
    "cp1252": "Windows-1252", "latin_1": "Latin-1 (ISO-8859-1)", "iso8859_15": "Latin-9 (ISO-8859-15)",
    "utf_16": "UTF-16", "utf_16_le": "UTF-16", "utf_16_be": "UTF-16",
}


class NotText(ValueError):
    """The bytes are not text in any encoding we read; the message says why."""


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes) -> Decoded:
    """Decode a file's bytes; raise NotText for binary data."""
    warnings: list[str] = []
    if len(data) > MAX_BYTES:
        data = data[:MAX_BYTES]
        warnings.append(f"file is larger than {MAX_BYTES // (1024 * 1024)} MB: only the first "
                        f"{MAX_BYTES // (1024 * 1024)} MB were read")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_as(data[len(bom):], encoding, warnings)
    utf16 = _sniff_utf16(data)
    if utf16:
        return _decode_as(data, utf16, warnings)
    sample = data[:65536]
    nuls = sample.count(0)
    if nuls:
        if nuls > len(sample) // 100 or len(_BINARY_BYTES.findall(sample)) > len(sample) // 50:
            raise NotText("binary data, not text (contains NUL bytes)")
        data = data.replace(b"\x00", b"")
        warnings.append(f"removed {nuls if len(data) <= 65536 else 'some'} NUL bytes")
    elif len(_BINARY_BYTES.findall(sample)) > max(8, len(sample) // 50):
        raise NotText("binary data, not text (control bytes throughout)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", warnings)
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        warnings.append(f"{counted(bad, 'invalid UTF-8 byte sequence')} replaced by �")
        return Decoded(text, "utf-8", warnings)
    return _legacy(data, warnings)


def _decode_as(data: bytes, encoding: str, warnings: list[str]) -> Decoded:
    text = data.decode(encoding, errors="replace")
    bad = text.count("\ufffd")
    if bad:
        name = _ENCODING_NAMES.get(encoding.replace('-', '_'), encoding)
        warnings.append(f"{counted(bad, f'undecodable {name} sequence')} replaced by �")
    return Decoded(text, encoding.replace("-", "_"), warnings)


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII-range text shows a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    sample = sample[: len(sample) // 2 * 2]
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) > half * 0.6 and even.count(0) < half * 0.05:
        return "utf-16-le"
    if even.count(0) > half * 0.6 and odd.count(0) < half * 0.05:
        return "utf-16-be"
    return None


_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _mostly_utf8(data: bytes) -> bool:
    """True when most non-ASCII bytes form valid UTF-8 sequences (a damaged UTF-8 file)."""
    high = sum(1 for _ in re.finditer(rb"[\x80-\xff]", data[:1_000_000]))
    if not high:
        return True
    in_seqs = sum(len(m.group()) for m in _UTF8_SEQ.finditer(data[:1_000_000]))
    return in_seqs >= high * 0.8


def _legacy(data: bytes, warnings: list[str]) -> Decoded:
    from charset_normalizer import from_bytes

    results = from_bytes(data[:262144], steps=5, chunk_size=512)
    plausible = [r.encoding for r in results]
    # charset-normalizer ranks sibling code pages almost equally on short texts
    # (cp775 before cp1252 for plain French). Western text is by far the commonest
    # legacy case, so cp1252 wins whenever it is among the plausible readings.
    if not plausible or any(e in _WESTERN for e in plausible):
        try:
            text, encoding = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:  # bytes cp1252 leaves undefined: Latin-1 has them all
            text, encoding = data.decode("latin_1"), "latin_1"
    else:
        encoding = plausible[0]
        text = data.decode(encoding, errors="replace")
    name = _ENCODING_NAMES.get(encoding, encoding)
    log.debug("not UTF-8: read as %s (charset-normalizer's readings: %s)", encoding, ", ".join(plausible))
    warnings.append(f"not UTF-8: read as {name}")
    return Decoded(text, encoding, warnings)


_WESTERN = {"cp1252", "latin_1", "iso8859_15", "iso8859_1", "mac_roman", "cp850", "cp437"}
