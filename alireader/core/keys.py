"""The stable key of an article's reading state (read mark, bookmark).

The key is computed in two steps so that each runs where its input is: the digest of the
normalised body where the body is (a parse worker process), and the key from the article's final
ID and that digest where IDs are made unique (the process that gathers the corpus). Only the
16-byte digest crosses the process boundary, never the body.
"""

from __future__ import annotations

import hashlib
import unicodedata

DIGEST_SIZE = 16
# The whitespace found in bodies: between blocks (a blank line, one space at once), and around
# French punctuation and figures.
_USUAL_SPACES = ("\n\n", "\n", "\u00a0", "\u202f", "\u2009")


def normalise_body(body: str) -> str:
    """The body as it is hashed: Unicode NFC, casefolded, whitespace runs collapsed to a space."""
    # NFC first so that the same text decoded with composed or decomposed accents (common in
    # French press files) hashes the same; casefold and whitespace collapsing make re-wrapped or
    # re-cased copies of one article share their state.
    text = unicodedata.normalize("NFC", body)
    text = text.lower() if text.isascii() else text.casefold()  # the same on ASCII, faster
    # " ".join(text.split()) without splitting the text into words (most of the cost): the
    # spaces a body holds become plain ones, and if no other space is left (isprintable() is
    # False for every whitespace but " "), runs of plain spaces are collapsed.
    for space in _USUAL_SPACES:
        if space in text:
            text = text.replace(space, " ")
    if not text.isprintable():
        return " ".join(text.split())
    while "  " in text:
        text = text.replace("  ", " ")
    return text.strip(" ")


def body_digest(body: str) -> bytes:
    """A BLAKE2b-128 digest of the normalised body (16 bytes)."""
    digest = hashlib.blake2b(digest_size=DIGEST_SIZE, person=b"alireader-body")
    digest.update(normalise_body(body).encode("utf-8", "surrogatepass"))
    return digest.digest()


def key_from_digest(article_id: str, digest: bytes) -> str:
    """The key of the article ``article_id`` whose :func:`body_digest` is ``digest``."""
    key = hashlib.blake2b(digest_size=16, person=b"alireader-art2")
    key.update(article_id.encode("utf-8", "surrogatepass"))
    # A NUL cannot occur in an ID and the digest has a fixed length, so ID and body cannot run
    # into each other ambiguously.
    key.update(b"\0")
    key.update(digest)
    return key.hexdigest()


def article_key(article_id: str, body: str) -> str:
    """The stable key of an article's read mark and bookmark: 32 hex characters.

    A BLAKE2b-128 hash of the article ID (relative to its corpus root, so it survives moving the
    folder) and the digest of its normalised body (casefolded, Unicode NFC, whitespace
    collapsed), so that re-wrapping a file keeps its state while a different article under the
    same ID does not inherit it. The absolute path is deliberately not part of the key.
    """
    return key_from_digest(article_id, body_digest(body))
