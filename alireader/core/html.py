"""HTML in structured exports (WordPress ``content.rendered``, RSS descriptions) made plain text.

Deliberately small: article exports carry simple markup (paragraphs, line breaks, links,
emphasis), and a blank line per block is all the parser needs to find paragraphs again.
"""

from __future__ import annotations

import html
import re

HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")
_BLOCK_END = re.compile(
    r"</(?:p|div|h[1-6]|li|blockquote|section|article|figure|tr|ul|ol)\s*>|<br\s*/?>|<hr\s*/?>",
    re.IGNORECASE,
)
_DROPPED = re.compile(r"<(script|style|noscript|iframe)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BLANK_RUNS = re.compile(r"\n\s*\n(?:\s*\n)+")


def looks_like_html(text: str) -> bool:
    """True when ``text`` holds tags or character entities (``&amp;``, ``&#233;``)."""
    return HTML_TAG.search(text) is not None or _ENTITY.search(text) is not None


def html_to_text(markup: str) -> str:
    """Text of ``markup``: blocks separated by blank lines, tags removed, entities decoded."""
    text = _DROPPED.sub("", markup)
    text = _BLOCK_END.sub("\n\n", text)
    text = HTML_TAG.sub("", text)
    text = html.unescape(text)
    return _BLANK_RUNS.sub("\n\n", text).strip()
