"""Bytes to text for article files of unknown encoding, without ever raising.

Order of trust: a byte-order mark; UTF-16 without a BOM (recognised by its NUL pattern); strict
UTF-8; UTF-8 with a few bad bytes replaced (when the file clearly is UTF-8); Windows-1252; and
Latin-1, which decodes anything. Binary data is recognised and refused.

Damaged text is still text: NUL padding at the end of a file (left by a crash or an interrupted
download) is ignored, and a stray NUL byte in otherwise clean text is kept (the interface shows
it as ␀); either is reported in :attr:`Decoded.note`.
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


# Bytes that can sit beside a NUL in a UTF-16 code unit of text: tab, line breaks, printable
# ASCII and the Latin-1 letters and signs.
_TEXT_LOW_BYTES = frozenset([0x09, 0x0A, 0x0D, *range(0x20, 0x7F), *range(0xA0, 0x100)])


def _reads_as_utf16(low: bytes, high: bytes) -> bool:
    """True when the code units with a NUL ``high`` byte look like the ASCII part of text.

    ``low`` and ``high`` are the low and high bytes of each code unit. Text in other scripts
    (Chinese, Russian ...) has such units only for its spaces, line breaks, digits and ASCII
    punctuation: many of them, none with a control character, and some spaces or line breaks.
    A stray NUL in single-byte text makes one or two, beside any byte.
    """
    paired = [low_byte for low_byte, high_byte in zip(low, high, strict=False) if not high_byte]
    # Three or more: fewer NULs are read as stray NULs in single-byte text (see looks_binary).
    if len(paired) < max(3, len(high) // 100) or low.count(0) >= len(paired):
        return False
    return all(b in _TEXT_LOW_BYTES for b in paired) and any(b in b" \n" for b in paired)


def _utf16_without_bom(sample: bytes) -> str | None:
    # Without a NUL (most files) every test below fails: none is made.
    if len(sample) < 4 or 0 not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nuls, odd_nuls = even.count(0), odd.count(0)
    # ASCII-range text in UTF-16 has a NUL in every other byte.
    if odd_nuls > 0.4 * len(odd) and even_nuls < 0.05 * len(even):
        return "utf-16-le"
    if even_nuls > 0.4 * len(even) and odd_nuls < 0.05 * len(odd):
        return "utf-16-be"
    # Only code units with a NUL high byte count: without NULs (most files) nothing to test.
    if odd_nuls and _reads_as_utf16(even, odd):
        return "utf-16-le"
    if even_nuls and _reads_as_utf16(odd, even):
        return "utf-16-be"
    return None


def _mostly_controls(text: str) -> bool:
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r\f") + text.count("\ufffd")
    return controls > 0.10 * max(len(text), 1)


def looks_binary(sample: bytes) -> bool:
    """NUL bytes, or many control bytes, in what should be text.

    A stray NUL (at most one per 1000 bytes, or one in a shorter file) in text that is
    otherwise clean (under 1% control bytes) is damage, not binary: compressed and random data
    have one NUL in 256 bytes and a control byte in ten.
    """
    if not sample:
        return False
    nuls = sample.count(0)
    # One pass in C: the bytes translate() deletes are the control bytes (NULs included).
    controls = len(sample) - len(sample.translate(None, _BINARY_BYTES)) - nuls
    if nuls:
        return nuls > max(1, len(sample) // 1000) or controls > 0.01 * len(sample)
    return controls / len(sample) > 0.10


def _nul_note(text: str) -> str | None:
    count = text.count("\x00")
    if not count:
        return None
    return f"{count} NUL byte{'s' * (count > 1)} in the text (shown as ␀)"


def _padding_note(padding: int) -> str | None:
    if not padding:
        return None
    return f"{padding} NUL byte{'s' * (padding > 1)} of padding at the end ignored"


def _with_notes(decoded: Decoded, *notes: str | None) -> Decoded:
    """``decoded`` with ``notes`` added to its note (one note per file, parts joined by "; ")."""
    if not any(notes):
        return decoded
    parts = [note for note in (decoded.note, *notes) if note]
    return Decoded(decoded.text, decoded.encoding, "; ".join(parts) or None)


def decode_bytes(data: bytes) -> Decoded:
    """Decode the bytes of an article file; raises :class:`BinaryContent` for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_with_bom(data, bom, encoding)
    content = data.rstrip(b"\x00")
    if not content:
        raise BinaryContent("binary content")  # nothing but NUL bytes
    if (utf16 := _utf16_without_bom(content[:_SAMPLE])) is not None:
        # The padding may have taken the NUL of the last code unit ("\n\x00" in UTF-16-LE).
        units = content + b"\x00" * (len(content) % 2)
        decoded = _decode_utf16(units, utf16)
        return _with_notes(decoded, _padding_note(len(data) - len(units)))
    decoded = _decode_single_byte(content)
    return _with_notes(decoded, _nul_note(decoded.text), _padding_note(len(data) - len(content)))


def _decode_with_bom(data: bytes, bom: bytes, encoding: str) -> Decoded:
    body = data[len(bom) :] if encoding != "utf-8-sig" else data
    name = encoding.replace("-sig", "")
    try:
        return Decoded(body.decode(encoding), name)
    except UnicodeDecodeError:
        text = body.decode(encoding, errors="replace")
        return Decoded(text, name, f"invalid {name.upper()} bytes were replaced with �")


def _decode_utf16(data: bytes, encoding: str) -> Decoded:
    text = data.decode(encoding, errors="replace")
    # A NUL in every other byte is also what many binary formats look like: only text that
    # reads as text was UTF-16.
    if _mostly_controls(text[: _SAMPLE // 2]):
        raise BinaryContent("binary content")
    return Decoded(text, encoding, "read as UTF-16 without a byte-order mark")


def _decode_single_byte(data: bytes) -> Decoded:
    if looks_binary(data[:_SAMPLE]):
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
