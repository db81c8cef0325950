"""Decoding article files: every encoding people really have, and never an exception."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alireader.core.decode import BinaryContent, decode_bytes

TEXT = "Les États-Unis, « L’Oréal » et 37,6 % — déjà."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "utf-32-le"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("cp1252"), "windows-1252"),
    ],
)
def test_text_comes_back_whole(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.text == TEXT
    assert decoded.encoding == encoding


def test_the_bom_is_not_part_of_the_text() -> None:
    assert not decode_bytes(codecs.BOM_UTF8 + b"Titre").text.startswith("\ufeff")


def test_latin1_bytes_undefined_in_cp1252_still_decode() -> None:
    # 0x81 is undefined in Windows-1252: Latin-1 takes over rather than failing.
    decoded = decode_bytes(b"caf\xe9 \x81")
    assert decoded.text == "café \x81"
    assert decoded.encoding == "latin-1"


def test_mostly_utf8_with_a_bad_byte_keeps_the_utf8_text() -> None:
    decoded = decode_bytes("Réunion à Paris ".encode() + b"\xff" + " été".encode())
    assert decoded.text == "Réunion à Paris \ufffd été"
    assert decoded.note is not None and "invalid UTF-8" in decoded.note


def test_windows_1252_with_accidental_utf8_sequences_is_still_windows_1252() -> None:
    # "é" then a no-break space and "»" is E9 A0 BB in Windows-1252: valid UTF-8 by accident.
    text = "Le marché\u00a0» a réagi. " * 3 + "Éléments créés à Noël, déjà."
    decoded = decode_bytes(text.encode("cp1252"))
    assert decoded.encoding == "windows-1252"
    assert decoded.text == text


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)),
        bytes(range(0, 32)) * 40,
        b"\x00\x01" * 20,  # a NUL every other byte, like UTF-16, but no text
    ],
)
def test_binary_content_is_refused(data: bytes) -> None:
    with pytest.raises(BinaryContent):
        decode_bytes(data)


def test_escape_sequences_are_text_not_binary() -> None:
    assert decode_bytes(b"Titre \x1b[31mrouge\x1b[0m\x07").text == "Titre \x1b[31mrouge\x1b[0m\x07"


@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_are_refused_as_binary(data: bytes) -> None:
    try:
        decoded = decode_bytes(data)
    except BinaryContent:
        return
    assert isinstance(decoded.text, str)
