"""Encodings: BOMs, UTF-8, UTF-16, legacy single-byte; binary refused; no silent mojibake."""
from __future__ import annotations

import codecs

import pytest

from reader.read.decode import NotText, decode

TEXT = "Café society – “quoted” naïve façade, 30 € and £5."


@pytest.mark.parametrize("data, encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf_8"),
    (TEXT.encode("utf-16"), "utf_16_le"),  # with BOM
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf_16_be"),
    (TEXT.encode("utf-16-le"), "utf_16_le"),  # no BOM
    (TEXT.encode("utf-16-be"), "utf_16_be"),  # no BOM
    (TEXT.encode("cp1252"), "cp1252"),
])
def test_encodings_round_trip(data, encoding):
    decoded = decode(data)
    assert decoded.text == TEXT
    assert decoded.encoding == encoding


def test_legacy_encoding_is_reported():
    decoded = decode("Müller’s café".encode("cp1252"))
    assert decoded.text == "Müller’s café"
    assert decoded.warnings == ["not UTF-8: read as Windows-1252"]


def test_latin1_without_cp1252_only_bytes():
    decoded = decode("Ça coûte 5 à 6 livres, señor.".encode("latin-1"))
    assert decoded.text == "Ça coûte 5 à 6 livres, señor."


def test_invalid_utf8_in_the_middle_keeps_utf8_and_says_so():
    data = "Zürich “first” half. ".encode() * 50 + b"\xff\xfe broken " + "Genève second half.".encode()
    decoded = decode(data)
    assert "Zürich “first”" in decoded.text and "Genève second half." in decoded.text
    assert "\ufffd" in decoded.text
    assert decoded.warnings and "invalid UTF-8" in decoded.warnings[0]


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 20,
    b"\x89PNG\r\n\x1a\n" + bytes(500),
    b"PK\x03\x04" + bytes(range(40)) * 30,
])
def test_binary_is_refused_with_a_reason(data):
    with pytest.raises(NotText, match="binary"):
        decode(data)


def test_a_stray_nul_is_removed_not_fatal():
    decoded = decode(b"A long enough line of ordinary text." * 5 + b"\x00" + b" More text.")
    assert "\x00" not in decoded.text and decoded.text.endswith("More text.")
    assert any("NUL" in w for w in decoded.warnings)
