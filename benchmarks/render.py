"""Turn a :class:`~benchmarks.compose.Draft` into file content, with the seeds' kinds of noise.

Each noise kind is named (``NOISE_KINDS``) and counted, so a corpus says what it holds and the
tests can check that every kind is there. The text renderer knows every kind; Markdown files and
JSON records get the few that scraped feeds of those formats really carry.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from benchmarks.compose import Draft
from benchmarks.lexicon import MONTHS, draw_person

NOISE_KINDS = (
    "title_repeated",
    "loading",
    "avatar",
    "stray_lines",
    "comment_prompt",
    "read_more",
    "share_bar",
    "photo_caption",
    "category_line",
    "byline_written_by",
    "byline_par",
    "afp_tag",
    "glued_sentences",
    "inline_headings",
    "no_title",
    "footer",
)
PARAGRAPH_STYLES = ("blank_lines", "one_per_line", "one_block")

# How often each kind shows up in a .txt article (each is also forced in turn, so a small corpus
# still holds every kind).
_TXT_RATES = {
    "title_repeated": 0.07,
    "loading": 0.06,
    "avatar": 0.05,
    "stray_lines": 0.05,
    "comment_prompt": 0.10,
    "read_more": 0.08,
    "share_bar": 0.08,
    "photo_caption": 0.08,
    "category_line": 0.12,
    "byline_written_by": 0.07,
    "byline_par": 0.15,
    "afp_tag": 0.15,
    "glued_sentences": 0.08,
    "inline_headings": 0.25,
    "no_title": 0.06,
    "footer": 0.05,
}
COMMENT_PROMPTS = (
    (
        "Vous devez être membre pour ajouter des commentaires.",
        "Devenez membre, ou connectez-vous.",
        "Aucun commentaire n'est disponible pour l'instant",
    ),
    ("Ce contenu n'est pas ouvert aux commentaires.",),
    ("Réagir à cet article", "0 commentaire"),
    ("Vous devez être membre pour ajouter des commentaires.",),
)
SHARE_BARS = (
    (
        "Partager sur Facebook",
        "Partager sur Twitter",
        "Partager sur LinkedIn",
        "Envoyer par e-mail",
    ),
    ("Partager :", "Facebook", "Twitter", "LinkedIn", "E-mail"),
    ("Partager sur Facebook", "Partager sur X"),
    ("Partager cet article : Facebook Twitter WhatsApp",),
)
FOOTERS = (
    ("L'équipe", "Mots-clés :", "Suivre l'émission"),
    ("Tous droits réservés",),
    ("Mots-clés :", "commerce, international"),
    ("Publié le {date}", "Mis à jour le {date}"),
)


@dataclass(slots=True)
class Rendered:
    """One article as written: the text a reader sees and what noise it carries."""

    text: str  # the whole .txt/.md content, or a JSON record's body
    title: str | None  # only for JSON records: the record's title field
    noise: list[str] = field(default_factory=list)
    style: str = "blank_lines"


def _quote(text: str, style: str, apostrophe: str, capital_accents: bool) -> str:
    """Rewrite quotes and apostrophes in one typographic style (copies of a story differ here)."""
    opening, closing = {
        "guillemets": ("«\u00a0", "\u00a0»"),
        "tight": ("«", "»"),
        "curly": ("“", "”"),
        "straight": ('"', '"'),
    }[style]
    text = _QUOTED.sub(lambda m: opening + (m.group(1) or m.group(2) or m.group(3)) + closing, text)
    text = text.replace("’" if apostrophe == "'" else "'", apostrophe)
    if not capital_accents:
        text = text.translate(_CAPITALS)
    return text


_QUOTED = re.compile(r"«[\s\u00a0\u202f]*(.+?)[\s\u00a0\u202f]*»|“(.+?)”|\"(.+?)\"")
_CAPITALS = str.maketrans("ÉÈÊÀÂÎÔÇ", "EEEAAIOC")


def _choose_noise(rng: random.Random, forced: str | None, draft: Draft) -> set[str]:
    kinds = {kind for kind, rate in _TXT_RATES.items() if rng.random() < rate}
    if forced:
        kinds.add(forced)
    if {"byline_written_by", "byline_par"} <= kinds:
        kinds.discard("byline_par" if forced == "byline_written_by" else "byline_written_by")
    if "no_title" in kinds:
        kinds.discard("title_repeated")
    if not draft.headings:
        kinds.discard("inline_headings")
    return kinds


def _date_text(draft: Draft) -> str:
    year, month, day = draft.date
    return f"{day:02d}/{month:02d}/{year} à {8 + day % 12}h{(day * 7) % 60:02d}"


def _paragraph_texts(draft: Draft, glued: bool, rng: random.Random) -> list[str]:
    texts = []
    glue_at = int(rng.random() * len(draft.paragraphs)) if glued else -1
    for k, sentences in enumerate(draft.paragraphs):
        # "essor.Quelques": the scraper lost the space after the period (all of a block, or one
        # paragraph of a normal article).
        joiner = "" if glued and (k == glue_at or rng.random() < 0.3) else " "
        texts.append(joiner.join(sentences))
    if glued and all(len(p) < 2 for p in draft.paragraphs) and len(texts) > 1:
        texts[0:2] = [texts[0] + texts[1]]
    return texts


def render_txt(draft: Draft, rng: random.Random, forced: str | None) -> Rendered:
    """A scraped ``.txt`` page: header debris, a body in one of three paragraph styles, footers."""
    kinds = _choose_noise(rng, forced, draft)
    style = "one_block" if "glued_sentences" in kinds and rng.random() < 0.3 else None
    style = style or rng.choices(PARAGRAPH_STYLES, (0.6, 0.3, 0.1))[0]
    author = draft.author or draw_person(rng)
    agency = draft.agency or "AFP"
    head: list[str] = []
    if "category_line" in kinds:
        head += [draft.category, ""]
    if "no_title" not in kinds:
        head.append(draft.title)
        if "title_repeated" in kinds:
            # Seed 000: the title, debris, then the title twice more.
            head += ["", "le", "0"] if "stray_lines" in kinds else [""]
            head += [draft.title] * (1 + (rng.random() < 0.6))
    if "stray_lines" in kinds and "title_repeated" not in kinds:
        head += rng.choice((["le"], ["0"], ["le", "0"]))
    if "loading" in kinds:
        head.append("loading...")
    caption_in_head = "photo_caption" in kinds and rng.random() < 0.5
    if caption_in_head:
        head.append(_caption(draft, rng))
    if head and rng.random() < 0.5:
        head.append("")
    if "avatar" in kinds:
        head.append("Avatar")
    if "byline_written_by" in kinds:
        head.append(f"Written by {author}")
    elif "byline_par" in kinds:
        head.append(
            rng.choice((f"Par {author}", f"Par {author}, à {draft.place}", f"PAR {author.upper()}"))
        )
    if draft.author and not kinds & {"byline_written_by", "byline_par"} and rng.random() < 0.2:
        head.append(f"{draft.author} - {draft.publication}")

    paragraphs = _paragraph_texts(draft, "glued_sentences" in kinds, rng)
    if "afp_tag" in kinds:
        roll = rng.random()
        if roll < 0.4:
            paragraphs[0] = f"{draft.place} ({agency}) - {paragraphs[0]}"
        elif roll < 0.8:
            paragraphs[-1] = f"{paragraphs[-1]} ({agency})"
        else:
            paragraphs.append(f"({agency})")
    share_after_lead = "share_bar" in kinds and rng.random() < 0.3
    # (text, is_paragraph): headings, captions and share bars sit between paragraphs.
    blocks: list[tuple[str, bool]] = []
    for k, text in enumerate(paragraphs):
        if "inline_headings" in kinds and k in draft.headings:
            blocks.append((draft.headings[k], False))
        blocks.append((text, True))
        if k == 0 and "photo_caption" in kinds and not caption_in_head:
            blocks.append((_caption(draft, rng), False))
        if k == 0 and share_after_lead:
            blocks.append(("\n".join(rng.choice(SHARE_BARS)), False))
    if style == "one_block":
        body_text = _one_block(blocks, glued="glued_sentences" in kinds)
    elif style == "one_per_line":
        body_text = "\n".join(text for text, _ in blocks)
    else:
        body_text = "\n\n".join(text for text, _ in blocks)

    tail: list[str] = []
    if "share_bar" in kinds and not share_after_lead:
        tail.append("\n".join(rng.choice(SHARE_BARS)))
    if "read_more" in kinds:
        tail.append(f"Lire la suite de l'article sur {draft.publication}")
    if "comment_prompt" in kinds:
        tail.append("\n".join(rng.choice(COMMENT_PROMPTS)))
    if "footer" in kinds:
        tail.append("\n".join(rng.choice(FOOTERS)).format(date=_date_text(draft)))
    parts = ["\n".join(head).strip("\n")] if head else []
    parts.append(body_text)
    parts += tail
    text = ("\n\n" if rng.random() < 0.7 else "\n\n\n").join(p for p in parts if p)
    text = _quote(text, draft.quotes, draft.apostrophe, draft.capital_accents)
    if rng.random() < 0.5:
        text += "\n"
    return Rendered(text=text, title=None, noise=sorted(kinds), style=style)


def _one_block(blocks: list[tuple[str, bool]], glued: bool) -> str:
    """Consecutive paragraphs on one line, as on the page seed 000 was scraped from (glued with
    no space when the scraper lost it); headings, captions and share bars still break the line."""
    lines: list[str] = []
    run: list[str] = []
    for text, is_paragraph in blocks:
        if is_paragraph:
            run.append(text)
            continue
        if run:
            lines.append(("" if glued else " ").join(run))
            run = []
        lines.append(text)
    if run:
        lines.append(("" if glued else " ").join(run))
    return "\n".join(lines)


def _caption(draft: Draft, rng: random.Random) -> str:
    credit = rng.choice((draft.agency or "AFP", "Getty Images", "Reuters", "DR", "Pixabay"))
    return rng.choice(
        (
            f"{draft.title} © {credit}",
            f"Photo : {draft.place} / {credit} ©",
            f"© {credit} - Tous droits réservés",
            f"(Photo d'illustration © {credit})",
        )
    )


def render_md(draft: Draft, rng: random.Random) -> Rendered:
    """A Markdown export: ``# Title``, an italic byline, ``##`` headings, sometimes front matter."""
    noise: list[str] = []
    lines: list[str] = []
    if rng.random() < 0.25:
        year, month, day = draft.date
        lines += ["---", f"title: {draft.title}", f"date: {year}-{month:02d}-{day:02d}", "---", ""]
    lines += [f"# {draft.title}", ""]
    if draft.author and rng.random() < 0.7:
        lines += [f"*Par {draft.author}*", ""]
        noise.append("byline_par")
    for k, sentences in enumerate(draft.paragraphs):
        if k in draft.headings and rng.random() < 0.6:
            lines += [f"## {draft.headings[k]}", ""]
            noise.append("inline_headings")
        lines += [" ".join(sentences), ""]
    if rng.random() < 0.15:
        lines += [f"[Lire la suite de l'article sur {draft.publication}]({draft.url})", ""]
        noise.append("read_more")
    text = _quote("\n".join(lines), draft.quotes, draft.apostrophe, draft.capital_accents)
    return Rendered(text=text, title=None, noise=sorted(set(noise)), style="blank_lines")


def render_record_body(draft: Draft, rng: random.Random) -> Rendered:
    """The body field of a JSON record: clean-ish, sometimes with a share bar or a teaser link."""
    noise: list[str] = []
    joiner = "\n\n" if rng.random() < 0.7 else "\n"
    paragraphs = [" ".join(s) for s in draft.paragraphs]
    if draft.agency and rng.random() < 0.3:
        paragraphs[-1] += f" ({draft.agency})"
        noise.append("afp_tag")
    if rng.random() < 0.08:
        paragraphs.append(f"Lire la suite de l'article sur {draft.publication}")
        noise.append("read_more")
    if rng.random() < 0.05:
        paragraphs.append("\n".join(rng.choice(SHARE_BARS)))
        noise.append("share_bar")
    text = _quote(joiner.join(paragraphs), draft.quotes, draft.apostrophe, draft.capital_accents)
    title = _quote(draft.title, draft.quotes, draft.apostrophe, draft.capital_accents)
    return Rendered(
        text=text,
        title=title,
        noise=noise,
        style="blank_lines" if joiner == "\n\n" else "one_per_line",
    )


def record(
    draft: Draft, rendered: Rendered, rng: random.Random, record_id: str | None
) -> dict[str, object]:
    """A JSON/JSONL article object with the field names scrapers use (``text|body|content``)."""
    year, month, day = draft.date
    obj: dict[str, object] = {}
    if record_id is not None:
        obj["id"] = record_id
    if rng.random() < 0.97:
        obj["title"] = rendered.title
    obj[rng.choice(("text", "body", "content"))] = rendered.text
    if draft.author or rng.random() < 0.3:
        obj["author"] = draft.author
    roll = rng.random()
    if roll < 0.5:
        obj["date"] = f"{year}-{month:02d}-{day:02d}"
    elif roll < 0.8:
        obj["date"] = f"{year}-{month:02d}-{day:02d}T{8 + day % 12:02d}:{(day * 7) % 60:02d}:00Z"
    else:
        obj["date"] = f"{day} {MONTHS[month - 1]} {year}"
    obj["url"] = draft.url
    obj["source"] = draft.publication if rng.random() < 0.8 else draft.agency or draft.publication
    return obj
