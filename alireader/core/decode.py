"""Bytes to text for article files of unknown encoding, without ever raising.

Order of trust: a byte-order mark; UTF-16 without a BOM (recognised by its NUL pattern); strict
UTF-8; UTF-8 with a few bad bytes replaced (when the file clearly is UTF-8); Windows-1252; and
Latin-1, which decodes anything. Binary data is recognised and refused.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE = 8192
# A valid multi-byte UTF-8 sequence: its presence says the file was meant as UTF-8.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# Control bytes that never occur in text (tab, newlines, form feed and ESC are left out).
_BINARY_BYTES = bytes(range(0x00, 0x08)) + bytes(range(0x0E, 0x1A)) + bytes(range(0x1C, 0x20))


@dataclass(frozen=True, slots=True)
class Decoded:
    """The text of a file, how it was read, and a note when bytes had to be replaced."""

    text: str
    encoding: str
    note: str | None = None


class BinaryContent(ValueError):
    """The bytes are not text (an image, an archive, a compiled file ...)."""


def _utf16_without_bom(sample: bytes) -> str | None:
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nuls, odd_nuls = even.count(0), odd.count(0)
    # ASCII-range text in UTF-16 has a NUL in every other byte.
    if odd_nuls > 0.4 * len(odd) and even_nuls < 0.05 * len(even):
        return "utf-16-le"
    if even_nuls > 0.4 * len(even) and odd_nuls < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _mostly_controls(text: str) -> bool:
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r\f") + text.count("\ufffd")
    return controls > 0.10 * max(len(text), 1)


def looks_binary(sample: bytes) -> bool:
    """NUL bytes, or many control bytes, in what should be text."""
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(sample.count(bytes([byte])) for byte in _BINARY_BYTES)
    return controls / len(sample) > 0.10


def decode_bytes(data: bytes) -> Decoded:
    """Decode the bytes of an article file; raises :class:`BinaryContent` for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :] if encoding != "utf-8-sig" else data
            name = encoding.replace("-sig", "")
            try:
                return Decoded(body.decode(encoding), name)
            except UnicodeDecodeError:
                text = body.decode(encoding, errors="replace")
                return Decoded(text, name, f"invalid {name.upper()} bytes were replaced with �")
    sample = data[:_SAMPLE]
    if (utf16 := _utf16_without_bom(sample)) is not None:
        text = data.decode(utf16, errors="replace")
        # A NUL in every other byte is also what many binary formats look like: only text that
        # reads as text was UTF-16.
        if _mostly_controls(text[: _SAMPLE // 2]):
            raise BinaryContent("binary content")
        return Decoded(text, utf16, "read as UTF-16 without a byte-order mark")
    if looks_binary(sample):
        raise BinaryContent("binary content")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        # Windows-1252 text can contain byte runs that happen to be valid UTF-8 ("é »" is
        # E9 A0 BB), but in it invalid bytes far outnumber them. A UTF-8 file with a few stray
        # bytes is the other way round.
        if len(_UTF8_MULTIBYTE.findall(data)) >= bad:
            plural = "s" * (bad > 1)
            note = f"{bad} invalid UTF-8 byte{plural} replaced with � (first at byte {error.start})"
            return Decoded(text, "utf-8", note)
    try:
        return Decoded(data.decode("cp1252"), "windows-1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 maps every byte, so this never fails.
        return Decoded(data.decode("latin-1"), "latin-1")
