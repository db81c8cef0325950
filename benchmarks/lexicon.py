"""A made-up, open-ended French-ish lexicon drawn at Zipf frequencies.

Sentences shuffled from the five seed articles alone hold some 1,400 distinct words, whatever the
corpus size, and make every vocabulary index look ten times faster than it will be on real news,
whose vocabulary keeps growing (Heaps' law: some 250k-500k distinct words at 100k articles). This
module supplies the growth: every word class (common words, surnames, companies, places) is an
unbounded, deterministic sequence of pronounceable strings indexed by rank, and ranks are drawn
from a Zipf-Mandelbrot law, so a few words are everywhere and new ones keep turning up.

Everything here is a pure function of its arguments and of the ``random.Random`` passed in; nothing
uses the global ``random`` state or ``hash()`` (salted per process), so a corpus is the same byte
for byte on every run and machine.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache


def _words(text: str) -> tuple[str, ...]:
    """``"a b c"`` -> ``("a", "b", "c")``: long word tables stay readable on a few lines."""
    return tuple(text.split())


# Syllables are onset + vowel; words are syllables + a class suffix. Vowels with accents make the
# search's accent folding do real work.
_ONSETS = _words("b br c ch cl cr d dr f fl fr g gl gr j l m n p pl pr qu r s t tr v")  # 26
_VOWELS = _words("a e i o u ou ai au é è eu an on in oi")  # 15
_NAME_ONSETS = _words("b c d f g h j k l m n p r s t v z br ch gr kr tr st")  # 23
_NAME_VOWELS = _words("a e i o u é ou ai au y")  # 10

# Every suffix starts with a consonant, so a syllable's vowel never runs into it ("quauure").
_COMMON_SUFFIXES = _words(
    "tion ment nage teur neuse rique lette nisme liste toir rance lence terie nité ture lade tier "
    "lière nable nal relle neux nois rant"
)
_SURNAME_SUFFIXES = _words(
    "nard tier lec mot rin raud teau liani nescu ski rez lov ger mand relli lès roux nais lac vich"
)
_COMPANY_SUFFIXES = _words("lex via ron tis rix go fy ly ra tek pay net soft lo lium nora")
_PLACE_SUFFIXES = _words("ville bourg lac ny lières court heim lange mont roux largues reil")

# Fixed words around a company or place root: they do not grow the vocabulary, the root does.
_COMPANY_FORMS = (
    "{}",
    "{}",
    "{}",
    "{} Group",
    "{} SA",
    "{} Technologies",
    "{} Capital",
    "{} Holding",
    "{} Industries",
    "{} Partners",
    "{} Labs",
    "{}Box",
)
_PLACE_FORMS = ("{}", "{}", "{}", "Saint-{}", "{}-sur-Mer", "{}-les-Bains", "Le {}", "{}-sur-Loire")

# Real first names: a person's first name is a closed class, the surname is not.
FIRST_NAMES = _words(
    "Jean Marie Pierre Michel Anne Philippe Nathalie Isabelle Alain Sylvie Nicolas Catherine "
    "Laurent Christine Sébastien Julie Thomas Sophie Jacques Valérie Stéphane Céline Michael Sarah "
    "David Claire François Camille Olivier Émilie Patrick Hélène Éric Aurélie Julien Caroline "
    "Christophe Sandrine Frédéric Laure Bruno Marion Antoine Léa Vincent Chloé Guillaume Manon "
    "Mathieu Inès Hugo Amandine Ning Wei Jack Daniel Laura Karim Fatima Yasmine Mehdi Kenji Lucia "
    "Marco Elena Hans Ingrid Paolo Ana Youssef Amira Li Mei Raj Priya"
)

# Real places keep the location cues ("à Paris", "en Chine") realistic next to made-up ones.
REAL_PLACES = (
    *_words(
        "Paris Lyon Marseille Lille Bordeaux Toulouse Nantes Strasbourg Londres Milan Madrid "
        "Berlin Bruxelles Genève Pékin Shanghai Hangzhou Shenzhen Tokyo Séoul Singapour Seattle "
        "Chine France Espagne Italie Allemagne Europe Asie"
    ),
    "New York",
    "San Francisco",
)
REAL_COMPANIES = (
    "Alibaba",
    "AliExpress",
    "Amazon",
    "eBay",
    "Tmall",
    "OpenSky",
    "Cdiscount",
    "Fnac Darty",
    "Carrefour",
    "JD.com",
    "Tencent",
    "Google",
)


@dataclass(frozen=True, slots=True)
class _WordClass:
    """One open-ended class of words: rank -> word, frequent ranks short, rare ranks long."""

    onsets: tuple[str, ...]
    vowels: tuple[str, ...]
    suffixes: tuple[str, ...]
    # A prime larger than every table size, so ``offset * scramble`` modulo a level's capacity is
    # a bijection (distinct ranks stay distinct) that spreads neighbouring ranks apart.
    scramble: int
    capitalise: bool

    def word(self, rank: int) -> str:
        """The word of ``rank`` (0 = the most frequent)."""
        syllables = len(self.onsets) * len(self.vowels)
        level, capacity, offset = 1, syllables * len(self.suffixes), rank
        while offset >= capacity:
            offset -= capacity
            level += 1
            capacity *= syllables
        code = offset * self.scramble % capacity
        code, suffix = divmod(code, len(self.suffixes))
        parts: list[str] = []
        for _ in range(level):
            code, syllable = divmod(code, syllables)
            onset, vowel = divmod(syllable, len(self.vowels))
            parts.append(self.onsets[onset] + self.vowels[vowel])
        text = "".join(parts) + self.suffixes[suffix]
        return text[:1].upper() + text[1:] if self.capitalise else text


_COMMON = _WordClass(_ONSETS, _VOWELS, _COMMON_SUFFIXES, 1_000_003, False)
_SURNAME = _WordClass(_NAME_ONSETS, _NAME_VOWELS, _SURNAME_SUFFIXES, 999_983, True)
_COMPANY = _WordClass(_NAME_ONSETS, _NAME_VOWELS, _COMPANY_SUFFIXES, 1_000_033, True)
_PLACE = _WordClass(_ONSETS, _VOWELS, _PLACE_SUFFIXES, 999_979, True)

# Zipf-Mandelbrot parameters (tail exponent, offset) per class, tuned so that the whole corpus
# measures ~50k distinct words at 10k articles and ~330k at 100k (see benchmarks/README.md).
# A smaller exponent means a heavier tail: more words seen once.
_COMMON_LAW = (0.30, 50.0)
_SURNAME_LAW = (0.45, 20.0)
_COMPANY_LAW = (0.50, 10.0)
_PLACE_LAW = (0.55, 10.0)
_MAX_RANK = 10**12


def zipf_rank(rng: random.Random, exponent: float, offset: float) -> int:
    """Draw a 0-based rank from a Zipf-Mandelbrot law by inverting its continuous tail.

    ``P(rank >= r) ~ ((r + offset) / (1 + offset)) ** -exponent``: the number of distinct ranks
    after ``T`` draws grows like ``T ** exponent``-ish, which is Heaps' law for the lexicon.
    """
    u = 1.0 - rng.random()  # in (0, 1]: never zero, so the power is finite
    rank = int((1.0 + offset) * u ** (-1.0 / exponent) - offset) - 1
    return min(max(rank, 0), _MAX_RANK)


@lru_cache(maxsize=200_000)
def common_word(rank: int) -> str:
    """The lowercase made-up word of ``rank`` (cached: frequent ranks come back constantly)."""
    return _COMMON.word(rank)


@lru_cache(maxsize=100_000)
def surname(rank: int) -> str:
    """The made-up surname of ``rank``."""
    return _SURNAME.word(rank)


@lru_cache(maxsize=50_000)
def company(rank: int) -> str:
    """The made-up company name of ``rank``: a root plus, sometimes, a fixed form word."""
    return _COMPANY_FORMS[rank % len(_COMPANY_FORMS)].format(_COMPANY.word(rank))


@lru_cache(maxsize=50_000)
def place(rank: int) -> str:
    """The made-up place name of ``rank``."""
    return _PLACE_FORMS[rank % len(_PLACE_FORMS)].format(_PLACE.word(rank))


def draw_common(rng: random.Random) -> str:
    """A common (lowercase) word at Zipf frequency, sometimes in the plural."""
    word = common_word(zipf_rank(rng, *_COMMON_LAW))
    # Inflection is part of why real vocabularies grow: "plateforme", "plateformes".
    if rng.random() < 0.2 and word[-1] not in "sx":
        return word + ("x" if word.endswith(("eau", "eu")) else "s")
    return word


def draw_person(rng: random.Random) -> str:
    """A person's name: a real first name (Zipf over the list) and a made-up surname."""
    first = FIRST_NAMES[min(zipf_rank(rng, 1.2, 5.0), len(FIRST_NAMES) - 1)]
    return f"{first} {surname(zipf_rank(rng, *_SURNAME_LAW))}"


def draw_company(rng: random.Random) -> str:
    """A company: now and then a real one, mostly a made-up one at Zipf frequency."""
    if rng.random() < 0.15:
        return rng.choice(REAL_COMPANIES)
    return company(zipf_rank(rng, *_COMPANY_LAW))


def draw_place(rng: random.Random) -> str:
    """A place: real cities and countries a third of the time, else a made-up one."""
    if rng.random() < 0.35:
        return rng.choice(REAL_PLACES)
    return place(zipf_rank(rng, *_PLACE_LAW))


# --- numbers, dates and amounts -------------------------------------------------------------------

MONTHS = _words(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
)
WEEKDAYS = _words("lundi mardi mercredi jeudi vendredi samedi dimanche")
_SCALES = ("millions", "milliards")
_CURRENCIES = ("de dollars", "d'euros", "de yuans", "de francs suisses", "de livres")
# Thousands separators seen in scraped French text: none, a dot, a space, a no-break space,
# a narrow no-break space.
_THOUSANDS = ("", ".", " ", "\u00a0", "\u202f")


def _grouped(value: int, separator: str) -> str:
    text = str(value)
    if not separator or value < 1000:
        return text
    groups = []
    while text:
        groups.append(text[-3:])
        text = text[:-3]
    return separator.join(reversed(groups))


def percent(rng: random.Random) -> str:
    """A percentage as the press writes it: ``37,6%``, ``12 %``, ``+4,2\u00a0%``."""
    value = (
        f"{rng.randrange(100)},{rng.randrange(10)}"
        if rng.random() < 0.6
        else str(rng.randrange(1, 100))
    )
    sign = rng.choice(("", "", "", "+", "-"))
    space = rng.choice(("", " ", "\u00a0"))
    return f"{sign}{value}{space}%"


def amount(rng: random.Random) -> str:
    """A sum of money: ``200 millions de dollars``, ``3,2 milliards d'euros``, ``45 000 euros``."""
    roll = rng.random()
    if roll < 0.55:
        whole = rng.choice((rng.randrange(1, 10), rng.randrange(10, 1000)))
        number = f"{whole},{rng.randrange(1, 10)}" if rng.random() < 0.4 else str(whole)
        return f"{number} {rng.choice(_SCALES)} {rng.choice(_CURRENCIES)}"
    if roll < 0.85:
        value = rng.randrange(1, 1000) * rng.choice((1, 10, 100, 1000))
        unit = rng.choice(("euros", "dollars", "€", "$", "yuans"))
        return f"{_grouped(value, rng.choice(_THOUSANDS))} {unit}"
    return f"{rng.randrange(1, 999)} M€" if rng.random() < 0.5 else f"{rng.randrange(1, 99)} Md$"


def count(rng: random.Random) -> str:
    """A plain quantity: ``2.000``, ``50 000``, ``16 millions``, ``200``."""
    if rng.random() < 0.3:
        return f"{rng.randrange(2, 500)} {rng.choice(('millions', 'milliards'))}"
    value = rng.randrange(2, 100) * rng.choice((1, 10, 100, 1000))
    return _grouped(value, rng.choice(_THOUSANDS))


def year(rng: random.Random) -> str:
    """A year between 1998 and 2024."""
    return str(rng.randrange(1998, 2025))


def date_phrase(rng: random.Random) -> str:
    """A date as a sentence holds it: ``mardi``, ``le 12 mars 2019``, ``en juin 2014``."""
    roll = rng.random()
    month = rng.choice(MONTHS)
    if roll < 0.3:
        return rng.choice(WEEKDAYS)
    if roll < 0.6:
        day = rng.randrange(1, 29)
        return f"le {'1er' if day == 1 else day} {month} {year(rng)}"
    if roll < 0.85:
        return f"en {month} {year(rng)}"
    return f"le {rng.randrange(1, 29)}/{rng.randrange(1, 13):02d}"
