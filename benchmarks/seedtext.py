"""The five seed articles, cut into reusable pieces: sentences with slots, headings, titles.

A seed sentence becomes a *template*: its literal text, with slots where the generator may put a
made-up word (long lowercase words), a name (capitalised spans, typed PER/LOC/ORG by simple cues)
or a number of the same shape. The seeds' own boilerplate (comment prompts, ``loading...``, ...)
is dropped here; the renderer adds noise of its own, in known kinds and amounts.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from benchmarks.lexicon import FIRST_NAMES

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"

# Lines of the seeds that are scraping debris, not article text.
_DEBRIS = re.compile(
    r"^(loading\.\.\.|avatar|le|0|lire la suite.*|vous devez.*|devenez membre.*|aucun commentaire.*"
    r"|l'équipe|mots-clés :|suivre l'émission|ce contenu n'est pas ouvert.*|written by .*"
    r"|économie)$",
    re.IGNORECASE,
)
# "essor.Quelques", "l'AFP.\"OpenSky": a period glued to the next sentence.
_GLUED = re.compile(r"(?<=[^\W\d_]|[»”\")])\.(?=[A-ZÉÈÀÎ«“\"0-9])")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[A-ZÉÈÀÎ«“\"0-9])")
_TOKEN = re.compile(
    r"(?<![\w’'-])(?:"
    r"(?P<num>\d+(?:[.,]\d+|[\u00a0\u202f ]\d{3}(?!\d))*)"  # 2.000, 37,6, 50 000
    # Wall Street Journal, Alibaba.com, États-Unis
    r"|(?P<cap>[A-ZÉÈÀÎ][\w’'-]*(?:\.[a-z]+)*(?:\s+[A-ZÉÈÀÎ][\w-]*)*)"
    r"|(?P<word>[a-zàâäéèêëîïôöùûüç]{6,})(?![\w’'-])"  # long lowercase words: the open vocabulary
    r")"
)
# Capitalised words that are grammar, not names.
_NOT_NAMES = frozenset(
    str.split(
        "Le La Les L Un Une Des Du De Il Elle Ils On Et Mais Pour Selon En Ce Ces Cette Sa Son Ses "
        "Nos Notre Que Qui Dans Sur Par Avec Après Toutefois Là Pas Chaque Surtout Ceci Quelques "
        "Mot-valise Business Model Top"
    )
)
_PLACE_CUES = (" à ", " en ", " aux ", " au ", "depuis ")

# Slot kinds in a template.
LITERAL, WORD, NUMBER, PER, ORG, LOC = "lit", "word", "num", "PER", "ORG", "LOC"


@dataclass(frozen=True, slots=True)
class SeedPool:
    """Everything the generator borrows from the seeds."""

    sentences: tuple[tuple[tuple[str, str], ...], ...]  # templates: (kind, original text) parts
    titles: tuple[tuple[tuple[str, str], ...], ...]
    headings: tuple[tuple[tuple[str, str], ...], ...]
    texts: tuple[str, ...]  # the raw seeds, for the "seeds alone" baseline
    digest: str  # sha256 of the seed files, part of the corpus marker


def _template(sentence: str) -> tuple[tuple[str, str], ...]:
    """Cut a sentence into literal parts and typed slots."""
    parts: list[tuple[str, str]] = []
    position = 0
    for match in _TOKEN.finditer(sentence):
        start, text = match.start(), match.group()
        kind = match.lastgroup or LITERAL
        if kind == "cap":
            first = text.split()[0].rstrip(".")
            if start == 0 or first in _NOT_NAMES:
                continue  # sentence-initial capitals and grammar words stay literal
            before = sentence[max(0, start - 8) : start]
            if first in FIRST_NAMES and " " in text:
                kind = PER
            elif any(before.endswith(cue) for cue in _PLACE_CUES):
                kind = LOC
            else:
                kind = ORG
        elif kind == "num":
            kind = NUMBER
        else:
            kind = WORD
        if start > position:
            parts.append((LITERAL, sentence[position:start]))
        parts.append((kind, text))
        position = match.end()
    if position < len(sentence):
        parts.append((LITERAL, sentence[position:]))
    return tuple(parts)


def _fold(text: str) -> str:
    """Letters only, no accents: "2.000"/"2000" and "Etats"/"États" copies fold alike."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in text if ch.isalpha() and not unicodedata.combining(ch))


def load_seed_pool(seeds_dir: Path = SEEDS_DIR) -> SeedPool:
    """Read the seeds (sorted by name, so the pool's order never depends on the file system)."""
    files = sorted(seeds_dir.glob("*.txt"))
    if not files:
        raise FileNotFoundError(f"no seed articles in {seeds_dir}")
    digest = hashlib.sha256()
    texts: list[str] = []
    sentences: dict[str, str] = {}  # folded -> sentence: de-duplicates 000 against 001
    titles: list[str] = []
    headings: list[str] = []
    for path in files:
        raw = path.read_bytes()
        digest.update(raw)
        text = raw.decode("utf-8")
        texts.append(text)
        lines = [line.strip() for line in text.splitlines()]
        lines = [line for line in lines if line and not _DEBRIS.match(line)]
        if not lines:
            continue
        titles.append(lines[0])
        for line in lines[1:]:
            if line == lines[0]:
                continue  # the repeated title lines of seed 000
            if len(line) < 70 and not line.endswith((".", "»", "”")):
                headings.append(line)
                continue
            for piece in _SENTENCE_END.split(_GLUED.sub(". ", line)):
                sentence = piece.strip()
                if len(sentence.split()) >= 6:
                    sentences.setdefault(_fold(sentence), sentence)
    return SeedPool(
        sentences=tuple(_template(s) for s in sentences.values()),
        titles=tuple(_template(t) for t in dict.fromkeys(titles)),
        headings=tuple(_template(h) for h in dict.fromkeys(headings)),
        texts=tuple(texts),
        digest=digest.hexdigest(),
    )
