"""Damaged and unusual encodings: NUL bytes, and UTF-16 without a BOM in any script."""

from __future__ import annotations

import pytest

from alireader.core.decode import BinaryContent, decode_bytes

TEXTS = [
    "Économie : l’été à Paris\n\nLes États-Unis ont décidé. Ça change tout.\n",
    "北京新闻标题\n\n这是正文的第一句。\n\n这是第二句，还有更多内容。\n",
    "Заголовок статьи\n\nЭто первое предложение. Это второе.\n",
    "日本語のタイトル\n\n一二三、これは本文です。\n\n二つ目の段落です。\n",  # 一 is U+4E00
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_in_any_script(text: str, encoding: str) -> None:
    decoded = decode_bytes(text.encode(encoding))
    assert (decoded.text, decoded.encoding) == (text, encoding)
    assert decoded.note == "read as UTF-16 without a byte-order mark"


@pytest.mark.parametrize("text", TEXTS)
def test_nul_padding_at_the_end_is_ignored(text: str) -> None:
    for data in (text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")):
        decoded = decode_bytes(data + bytes(5000))
        assert decoded.text == text
        assert decoded.note is not None and "5000 NUL bytes of padding" in decoded.note


@pytest.mark.parametrize(
    "data",
    [
        "Un NUL\x00ici, en UTF-8 : été.\n".encode(),
        ("Deux NUL\x00 ici, " + "un été ordinaire. " * 200 + "et\x00 là.").encode(),
        ("Un long texte ordinaire. " * 200 + "\x00 et la suite. ").encode() * 2,
    ],
    ids=["one", "two-far-apart", "long"],
)
def test_stray_nuls_in_text_are_kept_and_noted(data: bytes) -> None:
    decoded = decode_bytes(data)
    assert decoded.text == data.decode("utf-8")
    assert decoded.note is not None and "NUL byte" in decoded.note and "␀" in decoded.note


@pytest.mark.parametrize(
    "data",
    [
        bytes(100),  # nothing but NULs
        b"texte\x00" * 50,  # NULs everywhere
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 8,
        "Du texte puis des octets de contrôle ".encode() + bytes(range(1, 9)) * 20 + b"\x00",
    ],
    ids=["only-nuls", "nuls-everywhere", "zip", "controls"],
)
def test_many_nuls_or_controls_are_still_binary(data: bytes) -> None:
    with pytest.raises(BinaryContent):
        decode_bytes(data)
