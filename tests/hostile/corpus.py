"""A corpus of hostile and odd files, built in a test's temporary folder.

Each :class:`Case` is one file: its name (bytes, so names need not be valid UTF-8), its content,
whether an article should come out of it, and what its one warning must say (None: no warning).
The tests load the whole folder at once, so they also check that one bad file never stops the
others from loading.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

# Terminal escape sequences: colour (CSI), a hyperlink (OSC 8), a clipboard write (OSC 52),
# the bell, a C1 CSI (0x9b) and "clear the screen".
ESCAPES = (
    "\x1b[31mrouge\x1b[0m \x1b]8;;https://evil.example/\x1b\\lien\x1b]8;;\x1b\\ "
    "\x1b]52;c;cm0gLXJmIH4=\x07 cloche\x07 \x9b2J \x1b[2J"
)
ESCAPES_SHOWN = (
    "␛[31mrouge␛[0m ␛]8;;https://evil.example/␛\\lien␛]8;;␛\\ "
    "␛]52;c;cm0gLXJmIH4=␇ cloche␇ <0x9b>2J ␛[2J"
)
# Rich and Textual markup, including an action link that would quit the app if parsed.
MARKUP = "[bold red]gras[/] [link=https://evil.example]lien[/link] [/] [@click=app.quit]quitter[/]"
RTL = "عنوان المقال بالعربية"
WIDE = "🎉 Fête à 北京 : 日本語のタイトル 한국어"
COMBINING = "Te\u0301le\u0301phone Z\u0338\u0321\u031b\u0316\u0344a\u0334l\u0337g\u0336o"
CJK_UTF16 = "北京新闻标题\n\n这是正文的第一句。\n\n这是第二句，还有更多内容。\n"
FRENCH = "Économie : l’été à Paris\n\nLes États-Unis ont décidé. Ça change tout.\n"
ARTICLE = "Un article ordinaire\n\nLe premier paragraphe dit quelque chose d'utile. Il continue.\n"


def article(title: str, body: str = "Le corps de l'article continue ici.") -> bytes:
    """A small text article in UTF-8 whose first line is its title."""
    return f"{title}\n\n{body}\n".encode()


@dataclass(frozen=True, slots=True)
class Case:
    """One file of the hostile corpus and what loading it must give."""

    name: bytes
    data: bytes
    article_id: str | None  # the ID of the article it gives, None: no article
    warning: str | None = None  # a phrase of its one warning, None: no warning
    title: str | None = None  # the title the article must have, exactly

    @property
    def stem(self) -> str:
        """The file name without its extension, as text (undecodable bytes escaped)."""
        return os.fsdecode(self.name).rsplit(".", 1)[0]


JSONL = "\n".join(
    [
        '{"title": "Premier enregistrement", "text": "Un texte valable."}',
        "{pas du json",
        "[1, 2, 3]",
        '{"title": "Titre \\u001b[31m\\udcff [bold]x[/]", "text": "Corps \\u0007 \\ud800."}',
        '{"title": "Dernier", "text": "Encore un texte."}',
    ]
).encode()

CASES: tuple[Case, ...] = (
    Case(b"good.txt", ARTICLE.encode(), "good", title="Un article ordinaire"),
    Case(b"binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, None,
         "binary content"),
    Case(b"nul-inside.txt", article("Un NUL au milieu", "Avant\x00après le NUL."), "nul-inside",
         "NUL", title="Un NUL au milieu"),
    Case(b"nul-padded.txt", article("Un fichier rempli de NUL") + bytes(4096), "nul-padded",
         "NUL", title="Un fichier rempli de NUL"),
    Case(b"invalid-utf8.txt",
         article("Réunion à Paris : été, déjà") + b"Octets \xff\xfe perdus \xc3.\n",
         "invalid-utf8", "invalid UTF-8", title="Réunion à Paris : été, déjà"),
    Case(b"utf16-bom.txt", FRENCH.encode("utf-16"), "utf16-bom", None,
         title="Économie : l’été à Paris"),
    Case(b"utf16le-nobom.txt", FRENCH.encode("utf-16-le"), "utf16le-nobom",
         "without a byte-order mark", title="Économie : l’été à Paris"),
    Case(b"utf16be-nobom.txt", FRENCH.encode("utf-16-be"), "utf16be-nobom",
         "without a byte-order mark", title="Économie : l’été à Paris"),
    Case(b"cjk-utf16-nobom.txt", CJK_UTF16.encode("utf-16-le"), "cjk-utf16-nobom",
         "without a byte-order mark", title="北京新闻标题"),
    Case(b"empty.txt", b"", None, "empty"),
    Case(b"broken.jsonl", JSONL, "broken/1", "skipped", title="Premier enregistrement"),
    Case(b"escapes.txt", article(f"Titre {ESCAPES}", f"Le corps {ESCAPES} continue."),
         "escapes", title=f"Titre {ESCAPES}"),
    Case(b"markup.txt", article(f"Titre {MARKUP}", f"Le corps {MARKUP} continue."), "markup",
         title=f"Titre {MARKUP}"),
    Case(b"rtl.txt", article(RTL, "هذا نص عربي. וזה משפט בעברית. Et du français."), "rtl",
         title=RTL),
    Case(b"wide.txt", article(WIDE, "👨‍👩‍👧 Une famille, ｆｕｌｌ ｗｉｄｔｈ, 中文字符。"), "wide",
         title=WIDE),
    Case(b"combining.txt", article(COMBINING, "E\u0301te\u0301 a\u0300 la\u0300 mer."),
         "combining", title=COMBINING),
    Case(b"new\nline.txt", article("Un nom avec un saut de ligne"), "new\nline",
         title="Un nom avec un saut de ligne"),
    Case(b"bad\xffname.txt", article("Un nom qui n'est pas UTF-8"), "bad\ufffdname",
         title="Un nom qui n'est pas UTF-8"),
    Case(b"esc\x1b[31mname.txt", article("Un nom avec une séquence"), "esc\x1b[31mname",
         title="Un nom avec une séquence"),
)  # fmt: skip

BAD = tuple(case for case in CASES if case.warning is not None)


def write_cases(folder: Path, cases: Iterable[Case] = CASES) -> Path:
    """Write ``cases`` into ``folder`` (created), names as bytes, and return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    base = os.fsencode(folder)
    for case in cases:
        with open(base + b"/" + case.name, "wb") as handle:
            handle.write(case.data)
    return folder


def case_of(path: str) -> Case:
    """The case whose file ``path`` (as loading reported it) is."""
    name = os.fsencode(path).rsplit(b"/", 1)[-1]
    shown = name.decode("utf-8", "replace")
    for case in CASES:
        if name == case.name or shown == case.name.decode("utf-8", "replace"):
            return case
    raise AssertionError(f"no case for {path!r}")


def snapshot(folder: Path) -> dict[bytes, tuple[int, int, int]]:
    """(mode, size, mtime) of every entry under ``folder``, by bytes path: proof nothing changed."""
    found = {}
    for root, dirs, files in os.walk(os.fsencode(folder)):
        for name in [*dirs, *files]:
            path = os.path.join(root, name)
            info = os.lstat(path)
            found[path] = (info.st_mode, info.st_size, info.st_mtime_ns)
    return found


def read_only(folder: Path) -> Iterator[None]:
    """Make ``folder`` read-only for the duration (a generator for contextlib)."""
    paths = [os.fsencode(folder), *snapshot(folder)]
    modes = {path: os.lstat(path).st_mode for path in paths}
    for path in paths:
        if not os.path.islink(path):
            os.chmod(path, modes[path] & 0o555)
    try:
        yield
    finally:
        for path in paths:
            if not os.path.islink(path):
                os.chmod(path, modes[path])


def encodable(text: str) -> bool:
    """True when ``text`` can be written as UTF-8 (no lone surrogates from undecodable names)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
