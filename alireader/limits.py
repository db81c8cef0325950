"""How much of one article is shown at once: the display limit shared by the reader and
``alireader show``.

Laying out megabytes of text freezes a terminal UI and floods a terminal, so an article whose
body is over ``reader.max_display_kb`` (KiB of UTF-8) is shown up to a paragraph break near the
limit, followed by a notice saying how much was left out and how to see it all. Nothing is
hidden for good: the reader's "show anyway" key and ``show --full`` print everything.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_DISPLAY_KB = 128
"""The default of ``reader.max_display_kb``: 128 KiB, some 20,000 words, several times the
longest news article. The reader pane lays out the whole text it shows at once, on the event
loop, at about 6 ms a KiB here: 1 MiB froze the keys for 6 s, 128 KiB costs under a second."""

_BACK_OFF = 0.2
"""How far back from the limit (a share of it) a paragraph or line break may be taken."""


@dataclass(frozen=True, slots=True)
class Cut:
    """Where a body over the limit is cut, and how big it is."""

    at: int
    """The number of characters shown."""
    total_bytes: int
    """The whole body's size in UTF-8."""
    shown_bytes: int
    """The size of what is shown."""


def display_cut(body: str, limit_bytes: int) -> Cut | None:
    """Where to cut ``body`` so that at most ``limit_bytes`` of it (UTF-8) is shown: at a
    paragraph break near the limit, else a line break, else a space, else exactly there.
    None when the whole body fits (or the limit is not positive)."""
    if limit_bytes <= 0 or len(body) * 4 <= limit_bytes:
        return None  # no character takes more than 4 bytes: it fits without measuring
    head = body[: limit_bytes + 1].encode("utf-8", "surrogatepass")
    if len(head) <= limit_bytes:
        return None  # the whole body is shorter than the limit in characters and in bytes
    at = len(head[:limit_bytes].decode("utf-8", "ignore"))
    floor = int(at * (1 - _BACK_OFF))
    for separator in ("\n\n", "\n", " "):
        found = body.rfind(separator, floor, at)
        if found > 0:
            at = found
            break
    total = len(body.encode("utf-8", "surrogatepass"))
    return Cut(at, total, len(body[:at].encode("utf-8", "surrogatepass")))


def size_text(size: int) -> str:
    """``"3.2 MB"``, ``"850 KB"``: a size as people read it (binary units, as the config)."""
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


def cut_notice(cut: Cut, how: str) -> str:
    """The line that follows a cut body: what was left out and ``how`` to see it all."""
    return (
        f"[Only the first {size_text(cut.shown_bytes)} of this {size_text(cut.total_bytes)} "
        f"article is shown ({size_text(cut.total_bytes - cut.shown_bytes)} left out, over "
        f"the reader.max_display_kb limit). {how}]"
    )
