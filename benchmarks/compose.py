"""Compose one article's clean content (a :class:`Draft`), and near-duplicates of it.

An article is a deterministic function of ``(seed, index)``: its own ``random.Random`` is seeded
from those two integers only, so article 41,327 comes out the same whether it is generated alone,
in order, or again to make a near-duplicate of it (the generator never keeps all articles in
memory). Its sentences are seed sentences with slots refilled, and sentences built from templates
around a cast of made-up people, companies and places.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field, replace

from benchmarks import lexicon as lx
from benchmarks.seedtext import LITERAL, LOC, NUMBER, ORG, PER, WORD, SeedPool

ROLES = (
    "directeur général",
    "directrice générale",
    "présidente",
    "président",
    "porte-parole",
    "analyste",
    "directrice financière",
    "fondateur",
    "responsable des ventes",
    "PDG",
    "économiste",
    "délégué syndical",
)
SAID = (
    "a déclaré",
    "a indiqué",
    "a précisé",
    "a assuré",
    "a expliqué",
    "a reconnu",
    "a souligné",
    "estime",
    "affirme",
    "a confié",
)
AGENCIES = ("AFP", "AFP", "AFP", "Reuters", "AP", "Bloomberg")
PUBLICATIONS = (
    "Le Parisien.fr",
    "Les Échos",
    "Le Figaro",
    "Le Monde",
    "BFM Business",
    "Challenges",
    "L'Usine Nouvelle",
    "01net",
    "ZDNet.fr",
    "La Tribune",
    "Le Journal du Net",
    "France Info",
    "Capital",
    "Ouest-France",
)
CATEGORIES = (
    "Économie",
    "Entreprises",
    "Tech",
    "International",
    "Commerce",
    "Bourse",
    "Médias",
    "High-Tech",
    "Consommation",
    "Innovation",
    "Marchés",
    "Société",
)

# Sentences written for the generator; {W} is a made-up common word, names come from the cast.
SENTENCE_TEMPLATES = (
    "{PER}, {ROLE} de {ORG}, {SAID} {DATE} un plan de {W} de {AMT}.",
    "Selon {ORG}, le marché du {W} a progressé de {PCT} en {YEAR}.",
    "« Nous voulons devenir le leader du {W} à {LOC} », {SAID} {PER} à l’AFP.",
    "La société {ORG}, basée à {LOC}, emploie {CNT} personnes.",
    "M. {SUR} {SAID} que la {W} resterait {W2} jusqu’en {YEAR}.",
    "Mme {SUR}, {ROLE} chez {ORG}, n’a pas souhaité commenter.",
    "Les ventes de {W} ont bondi de {PCT} au dernier trimestre, à {AMT}.",
    "{ORG} prévoit d’ouvrir {CNT} {W} à {LOC} et à {LOC2} d’ici {YEAR}.",
    "Le titre {ORG} a reculé de {PCT} à la Bourse de {LOC}.",
    "Cette {W} doit permettre à {ORG} de rattraper {ORG2}, {SAID} un {ROLE}.",
    "Interrogé par {PUB}, {PER} a refusé de commenter les rumeurs de {W}.",
    "{DATE_CAP}, {ORG} a racheté {ORG2} pour {AMT}, selon {PUB}.",
    "Le groupe a réalisé un chiffre d’affaires de {AMT} en {YEAR}, en hausse de {PCT}.",
    "D’après {PER}, la {W} de {LOC} « n’est qu’un début ».",
    "{ORG} et {ORG2} ont signé {DATE} un accord de {W} portant sur {AMT}.",
    "À {LOC}, les {W} du groupe attirent déjà {CNT} clients par mois.",
    "« C’est une {W} majeure pour nous », {SAID} {PER}.",
    "L’opération, estimée à {AMT}, devrait être finalisée {DATE}.",
    "Les syndicats de {ORG} dénoncent une {W} « brutale » et appellent à la grève {DATE}.",
    "Le {W} représente désormais {PCT} du chiffre d’affaires de {ORG}.",
    "{PER} rejoint {ORG} comme {ROLE}, après dix ans chez {ORG2}.",
    "La {W} de {ORG} à {LOC} compte {CNT} salariés.",
    "Selon une étude de {ORG2}, {PCT} des Français pratiquent la {W} en ligne.",
    "Les autorités de {LOC} ont ouvert une enquête sur la {W} de {ORG}.",
    "Contacté {DATE}, {ORG} n’a pas donné suite.",
    "{ORG} a levé {AMT} auprès de {ORG2} et de {PER}.",
    "Le {W} de {LOC} reste l’un des plus {W2} d’Europe, selon {PUB}.",
    "En {YEAR}, {ORG} comptait {CNT} vendeurs et {CNT2} utilisateurs actifs.",
)
HEADING_TEMPLATES = (
    "{ORG} mise sur la {W}",
    "Une {W} pour bientôt ?",
    "La stratégie « {ORG} {YEAR} »",
    "Des {W} en hausse",
    "{LOC}, nouvelle cible de {ORG}",
    "Le pari de la {W}",
    "Quelles conséquences pour {LOC} ?",
    "{PCT} de croissance",
)
TITLE_TEMPLATES = (
    "{ORG} se sépare de {ORG2}, sa vitrine à {LOC}",
    "{ORG} : enfin un concurrent pour {ORG2} ?",
    "{ORG} veut convertir les commerces français à la « {W} »",
    "{ORG} pense à ouvrir des boutiques {ORG2} en {LOC}",
    "{PER} quitte la direction de {ORG}",
    "Le marché de la {W} en hausse de {PCT}",
    "{LOC} : {ORG} investit {AMT}",
    "{ORG} rachète {ORG2} pour {AMT}",
    "Pourquoi {ORG} parie sur la {W}",
    "{ORG} : la {W} inquiète les investisseurs",
    "À {LOC}, {ORG} supprime {CNT} emplois",
    "{ORG} lance sa {W} à {LOC}",
)
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"^(19|20)\d\d$")


@dataclass(slots=True)
class Draft:
    """The clean content of one article, before noise and file format are applied."""

    index: int
    title: str
    paragraphs: list[list[str]]  # sentences of each paragraph
    headings: dict[int, str]  # heading shown before paragraph k (k >= 1), if the renderer wants
    author: str | None
    agency: str | None
    publication: str
    category: str
    date: tuple[int, int, int]
    place: str  # for datelines: "Paris (AFP) - ..."
    slug_hint: str
    # Typography of this copy; near-duplicates change it.
    quotes: str = "guillemets"
    apostrophe: str = "’"
    capital_accents: bool = True
    duplicate_of: int | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        """A plausible article URL (used by JSON records)."""
        host = re.sub(r"[^a-z0-9]+", "", _ascii(self.publication).lower()) or "presse"
        year, month, _ = self.date
        return f"https://www.{host}.fr/{year}/{month:02d}/{self.slug_hint}-{self.index}.html"


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if ord(ch) < 128)


def slugify(text: str, words: int = 7) -> str:
    """``"L'Oréal : 37,6%"`` -> ``"l-oreal-37-6"``, the first ``words`` words."""
    parts = re.findall(r"[a-z0-9]+", _ascii(text).lower())
    return "-".join(parts[:words]) or "article"


def article_rng(seed: int, index: int, salt: int = 0) -> random.Random:
    """The private random stream of one article (integers only: ``hash()`` is salted per run)."""
    return random.Random((seed * 1_000_003 + index) * 7 + salt)


class _Cast:
    """The people, companies and places one article is about; the first of each is the lead."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.persons = [
            lx.draw_person(rng) for _ in range(1 + (rng.random() < 0.6) + (rng.random() < 0.3))
        ]
        self.orgs = [
            lx.draw_company(rng) for _ in range(1 + (rng.random() < 0.7) + (rng.random() < 0.3))
        ]
        self.places = [
            lx.draw_place(rng) for _ in range(1 + (rng.random() < 0.6) + (rng.random() < 0.2))
        ]

    def pick(self, kind: str, second: bool = False) -> str:
        pool = {PER: self.persons, ORG: self.orgs, LOC: self.places}[kind]
        if second:
            # "X rachète Y": never X twice; a one-company cast meets a newcomer.
            if len(pool) > 1:
                return pool[1 + int(self.rng.random() * (len(pool) - 1))]
            return {PER: lx.draw_person, ORG: lx.draw_company, LOC: lx.draw_place}[kind](self.rng)
        # The lead name dominates, as in real coverage of one story.
        if len(pool) == 1 or self.rng.random() < 0.6:
            return pool[0]
        return pool[1 + int(self.rng.random() * (len(pool) - 1))]


def _reshape_number(text: str, rng: random.Random) -> str:
    """Same shape, other digits: ``37,6`` -> ``82,1``, years stay plausible years."""
    if _YEAR.match(text):
        return lx.year(rng)
    first = [True]

    def digit(_: re.Match[str]) -> str:
        if first[0]:
            first[0] = False
            return str(rng.randrange(1, 10))
        return str(rng.randrange(10))

    return _DIGIT.sub(digit, text)


class _Filler:
    """Fills seed templates and generator templates for one article."""

    def __init__(self, rng: random.Random, cast: _Cast, rate: float) -> None:
        self.rng = rng
        self.cast = cast
        self.rate = rate  # share of a seed sentence's long words replaced by made-up ones

    def seed(self, template: tuple[tuple[str, str], ...]) -> str:
        rng, out = self.rng, []
        for kind, text in template:
            if kind == LITERAL:
                out.append(text)
            elif kind == WORD:
                out.append(lx.draw_common(rng) if rng.random() < self.rate else text)
            elif kind == NUMBER:
                out.append(_reshape_number(text, rng) if rng.random() < 0.7 else text)
            else:
                out.append(self.cast.pick(kind) if rng.random() < 0.75 else text)
        return "".join(out)

    def template(self, template: str) -> str:
        return _PLACEHOLDER.sub(self._value, template)

    def _value(self, match: re.Match[str]) -> str:
        name, rng, cast = match.group(1), self.rng, self.cast
        if name in ("W", "W2"):
            return lx.draw_common(rng)
        if name == "PER":
            return cast.pick(PER) if rng.random() < 0.8 else lx.draw_person(rng)
        if name == "SUR":
            return cast.pick(PER).split(" ", 1)[-1]
        if name in ("ORG", "ORG2"):
            return cast.pick(ORG, second=name == "ORG2")
        if name in ("LOC", "LOC2"):
            return cast.pick(LOC, second=name == "LOC2")
        if name == "PCT":
            return lx.percent(rng)
        if name == "AMT":
            return lx.amount(rng)
        if name in ("CNT", "CNT2"):
            return lx.count(rng)
        if name == "DATE":
            return lx.date_phrase(rng)
        if name == "DATE_CAP":
            date = lx.date_phrase(rng)
            return date[:1].upper() + date[1:]
        if name == "YEAR":
            return lx.year(rng)
        if name == "ROLE":
            return rng.choice(ROLES)
        if name == "SAID":
            return rng.choice(SAID)
        if name == "PUB":
            return rng.choice(PUBLICATIONS)
        raise KeyError(name)


def compose_article(seed: int, index: int, pool: SeedPool) -> Draft:
    """The clean content of article ``index``: a pure function of ``(seed, index, pool)``."""
    rng = article_rng(seed, index)
    cast = _Cast(rng)
    filler = _Filler(rng, cast, rate=0.08 + 0.22 * rng.random())
    seed_share = 0.35 + 0.4 * rng.random()  # some articles lean on the seeds, some on templates

    def sentence() -> str:
        if rng.random() < seed_share:
            return filler.seed(rng.choice(pool.sentences))
        return filler.template(rng.choice(SENTENCE_TEMPLATES))

    # Lengths vary like real news: mostly short pieces, a long tail of long ones.
    n_paragraphs = 3 + min(int(rng.expovariate(1 / 6.0)), 30)
    paragraphs = [
        [sentence() for _ in range(1 + (rng.random() < 0.5) + (rng.random() < 0.2))]
        for _ in range(n_paragraphs)
    ]
    headings: dict[int, str] = {}
    for _ in range(1 + (n_paragraphs > 6)):
        at = 1 + int(rng.random() * (n_paragraphs - 1))
        if rng.random() < 0.2 and pool.headings:
            headings[at] = filler.seed(rng.choice(pool.headings))
        else:
            headings[at] = filler.template(rng.choice(HEADING_TEMPLATES))
    if rng.random() < 0.25:
        title = filler.seed(rng.choice(pool.titles))
    else:
        title = filler.template(rng.choice(TITLE_TEMPLATES))
    title = title[:1].upper() + title[1:]
    return Draft(
        index=index,
        title=title,
        paragraphs=paragraphs,
        headings=headings,
        author=lx.draw_person(rng) if rng.random() < 0.6 else None,
        agency=rng.choice(AGENCIES) if rng.random() < 0.35 else None,
        publication=rng.choice(PUBLICATIONS),
        category=rng.choice(CATEGORIES),
        date=(
            2008 + int(rng.random() * 17),
            1 + int(rng.random() * 12),
            1 + int(rng.random() * 28),
        ),
        place=cast.places[0],
        slug_hint=slugify(title),
        quotes=rng.choice(("guillemets", "guillemets", "curly", "straight", "tight")),
        apostrophe="’" if rng.random() < 0.6 else "'",
        capital_accents=rng.random() < 0.9,
    )


_THOUSANDS = re.compile(r"\b\d{1,3}(?:[. \u00a0\u202f]\d{3})+\b")


def near_duplicate(original: Draft, index: int, rng: random.Random) -> Draft:
    """Another copy of ``original`` as a second site would publish it.

    Most copies are truncated to about half (a teaser with "..."), their paragraphs re-broken or
    merged, with other quotes, apostrophes, thousands separators and accents on capitals; the
    renderer then gives the copy boilerplate of its own.
    """
    sentences = [s for paragraph in original.paragraphs for s in paragraph]
    # What was changed, for the corpus manifest (boilerplate always differs: it is re-rendered).
    notes = ["quotes", "apostrophes"]
    if rng.random() < 0.8 and len(sentences) > 3:
        keep = max(2, round(len(sentences) * (0.4 + 0.3 * rng.random())))
        sentences = sentences[:keep]
        notes.append("truncated")
        if rng.random() < 0.4:
            words = sentences[-1].split()
            sentences[-1] = " ".join(words[: max(3, len(words) // 2)]) + " ..."
            notes.append("cut_mid_sentence")
    if rng.random() < 0.6:
        notes.append("paragraphs_rebroken")
        paragraphs: list[list[str]] = []
        position = 0
        while position < len(sentences):
            size = 1 + int(rng.random() * 4)
            paragraphs.append(sentences[position : position + size])
            position += size
    else:
        # Keep the original breaks, cut at the same place.
        paragraphs, left = [], len(sentences)
        for paragraph in original.paragraphs:
            if left <= 0:
                break
            paragraphs.append(paragraph[:left])
            left -= len(paragraph)
        paragraphs[-1] = [*paragraphs[-1][:-1], sentences[-1]]
    separator = rng.choice((".", " ", "\u00a0", ""))
    paragraphs = [
        [_THOUSANDS.sub(lambda m: re.sub(r"[. \u00a0\u202f]", separator, m.group()), s) for s in p]
        for p in paragraphs
    ]
    quotes = rng.choice(
        [q for q in ("guillemets", "curly", "straight", "tight") if q != original.quotes]
    )
    headings = {k: v for k, v in original.headings.items() if k < len(paragraphs)}
    title = original.title
    if rng.random() < 0.15:
        title = f"{original.title} - {original.publication}"
        notes.append("retitled")
    capital_accents = rng.random() < 0.5
    if not capital_accents:
        notes.append("capital_accents")
    return replace(
        original,
        index=index,
        title=title,
        paragraphs=paragraphs,
        headings=headings if rng.random() < 0.5 else {},
        author=original.author if rng.random() < 0.7 else None,
        agency=original.agency if rng.random() < 0.7 else rng.choice(AGENCIES),
        publication=rng.choice(PUBLICATIONS),
        quotes=quotes,
        apostrophe="'" if original.apostrophe == "’" else "’",
        capital_accents=capital_accents,
        duplicate_of=original.index,
        notes=notes,
    )
