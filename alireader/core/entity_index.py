"""The corpus-wide entity index: which entities the corpus mentions, how often, and where.

Built article by article (:meth:`EntityIndex.add`), so the UI can fill it in a worker and show
progress (:func:`build_index` does the loop, with a progress callback and a way to stop), and
kept up to date when one article changes (``add`` again replaces it; :meth:`EntityIndex.remove`).
An entity is identified by its **key** (its text folded: case, accents, apostrophes, hyphens;
see :func:`entity_key`) and its label, so "Sébastien Badault" and "SEBASTIEN BADAULT" are one
PER, while "Orange" the company and "Orange" the town stay apart.

For the search bar, :func:`parse_entity_filter` reads ``@Badault`` and ``per:badault`` terms and
:meth:`EntityIndex.match` gives the IDs of the articles that mention such an entity, or
:meth:`EntityIndex.match_numbers` their numbers: each article the index has seen has one, for
good, so that a search index can keep a table from those numbers to its own documents and join
the answer without a string lookup per article (100k of them at 100k articles).

Not thread-safe: build it in one worker, then hand it over (or read it only from that worker).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import chain
from operator import attrgetter
from typing import Any, Final

from alireader.core.entities import LABELS, Entity, extract
from alireader.core.gazetteer import key as _fold_key

FORMAT_VERSION: Final = 1
"""The version of :meth:`EntityIndex.to_dict`'s output; other versions are not read back."""

_WORD = re.compile(r"[^\W_]+")
_FILTER = re.compile(r"^(?:@|(?P<label>per|org|loc|misc|date|money|percent):)(?P<text>.+)$", re.I)

SHORT_PREFIX: Final = 4
"""While a query is typed, an entity name of one word of up to this many letters (``@p``)
stands only for the entity words it begins that the most articles mention, as a short last word
of the plain search stands for its most frequent words (see :meth:`EntityIndex.match`). Four,
not the plain search's three: at 100k articles "@pari" still names 19k articles (Paris and
Parisien), and each costs a dict lookup and a score per keystroke."""
SHORT_PREFIX_ARTICLES: Final = 10_000
"""How many articles those words may find: they are taken most mentioned first (the word itself
first, if an entity has it) until the next one would pass this (articles counted per entity,
so an article naming two counts twice); the first is always taken. A prefix whose words count
fewer articles than this finds all of them, as a longer one does."""


def entity_key(text: str) -> str:
    """How an entity's text is compared: folded (case, accents, apostrophes) with hyphens as
    spaces. ``entity_key("Jean-Pierre Dupré") == entity_key("JEAN PIERRE DUPRE")``."""
    return _fold_key(text)


def key_words(text: str) -> tuple[str, ...]:
    """The words of a text as the index matches them: ``"L'Oréal"`` -> ``("l", "oreal")``."""
    return tuple(_WORD.findall(entity_key(text)))


class Mentions(dict[tuple[str, str, str], int]):
    """An article's entities as the index takes them: ``(key, label, text) -> mentions`` per
    distinct spelling and label, in the order each first occurs (see :func:`grouped_mentions`).
    Made where the entities are found (a worker process, see
    :func:`alireader.core.analysers.index_digest`): a few items cross to the app's process
    instead of every span, and the index does no folding there."""

    __slots__ = ()


_LABEL_AND_TEXT = attrgetter("label", "text")


def grouped_mentions(entities: Iterable[Entity]) -> Mentions:
    """``entities`` as :class:`Mentions`: :meth:`EntityIndex.add` of either gives the same
    index."""
    counts = Counter(map(_LABEL_AND_TEXT, entities))
    key = _fold_key  # entity_key without its own call: this runs for every article
    return Mentions(((key(text), label, text), count) for (label, text), count in counts.items())


@dataclass(frozen=True, slots=True)
class EntityEntry:
    """One entity of the corpus: its most frequent spelling, label, mentions and articles."""

    text: str
    label: str
    key: str
    count: int
    """Mentions over the whole corpus."""
    articles: tuple[str, ...]
    """IDs of the articles that mention it, in the order they were added."""


@dataclass(frozen=True, slots=True)
class NumberedMatch:
    """:meth:`EntityIndex.match_numbers`' answer: the articles as numbers, and the IDs they
    number (``ids[number]``; the index's own list, which only grows: read it, never change it)."""

    numbers: set[int] | frozenset[int]
    ids: list[str]


@dataclass(slots=True)
class _Tally:
    count: int = 0
    forms: Counter[str] = field(default_factory=Counter)
    articles: dict[int, int] = field(default_factory=dict)  # number -> mentions, in added order

    def __reduce__(self) -> tuple[type[_Tally], tuple[int, Counter[str], dict[int, int]]]:
        # Its fields, not the default state of a slotted class (a dict and a tuple made per
        # tally, which a pickler keeps alive in its memo until the end: 150k of them).
        return (_Tally, (self.count, self.forms, self.articles))


_Ref = tuple[str, str]  # (key, label)


class _ShortPrefixes:
    """What :meth:`EntityIndex.match` chose for short prefixes, for one state of the index
    (dropped by any change): per (prefix, label) its words, per (words, label) the articles
    they find, and those as IDs. Pickles empty."""

    __slots__ = ("found", "found_ids", "words")

    def __init__(self) -> None:
        self.words: dict[tuple[str, str | None], tuple[str, ...]] = {}
        self.found: dict[tuple[tuple[str, ...], str | None], frozenset[int]] = {}
        self.found_ids: dict[frozenset[int], frozenset[str]] = {}

    def __reduce__(self) -> tuple[type[_ShortPrefixes], tuple[()]]:
        return (_ShortPrefixes, ())


class EntityIndex:
    """Entities of a corpus -> mention counts and article IDs (see the module docstring)."""

    def __init__(self) -> None:
        self._tallies: dict[_Ref, _Tally] = {}
        self._by_article: dict[str, Counter[tuple[str, str, str]]] = {}  # (key, label, form)
        # The articles, numbered in the order they were added: a removed one's number is
        # retired (its ID there becomes ""), never given to another article.
        self._ids: list[str] = []
        self._numbers: dict[str, int] = {}
        self._by_word: dict[str, set[_Ref]] = {}
        # One shared (key, label, form) tuple per spelling, whatever article names it: each
        # article's own copies (the workers send fresh ones) cost ~300 MB at 100k articles,
        # and as many entries in the pickler's memo when the snapshot is saved.
        self._spellings: dict[tuple[str, str, str], tuple[str, str, str]] = {}
        self._sorted_words: list[str] | None = None
        # Per entity word, the articles of its entities (summed over them): see prepare().
        self._word_articles: dict[str, int] | None = None
        self._short_prefixes: _ShortPrefixes | None = None  # made at the first short prefix
        self.mentions = 0
        """Mentions indexed over all articles."""

    def __len__(self) -> int:
        """The number of distinct entities."""
        return len(self._tallies)

    def __contains__(self, article_id: object) -> bool:
        """Whether the article has been added."""
        return article_id in self._by_article

    @property
    def article_count(self) -> int:
        """How many articles have been added."""
        return len(self._by_article)

    def add(self, article_id: str, entities: Iterable[Entity] | Mentions) -> None:
        """Index one article's entities (or its :class:`Mentions`), replacing what the article
        had before."""
        if article_id in self._by_article:
            self.remove(article_id)
        grouped = entities if isinstance(entities, Mentions) else grouped_mentions(entities)
        self._word_articles = self._short_prefixes = None
        mentions: Counter[tuple[str, str, str]] = Counter()
        shared = map(self._spellings.setdefault, grouped, grouped)
        dict.update(mentions, zip(shared, grouped.values(), strict=True))  # in C
        self._by_article[article_id] = mentions
        number = self._numbers.get(article_id)
        if number is None:
            number = self._numbers[article_id] = len(self._ids)
            self._ids.append(article_id)
        tallies = self._tallies
        for (key, label, form), count in mentions.items():
            ref = (key, label)
            tally = tallies.get(ref)
            if tally is None:
                tally = tallies[ref] = _Tally()
                for word in _WORD.findall(key):
                    if word not in self._by_word:
                        self._sorted_words = None
                    self._by_word.setdefault(word, set()).add(ref)
            tally.count += count
            forms = tally.forms
            forms[form] = forms.get(form, 0) + count
            articles = tally.articles
            articles[number] = articles.get(number, 0) + count
        self.mentions += sum(mentions.values())

    def remove(self, article_id: str) -> None:
        """Forget one article (nothing happens if it was never added)."""
        mentions = self._by_article.pop(article_id, None)
        if mentions is None:
            return
        self._word_articles = self._short_prefixes = None
        number = self._numbers.pop(article_id)
        if self._by_article:
            self._ids[number] = ""
        else:  # empty: numbered afresh (a new list, which a caller's table will not mistake)
            self._ids, self._numbers = [], {}
        for (key, label, form), count in mentions.items():
            ref = (key, label)
            tally = self._tallies[ref]
            tally.count -= count
            tally.forms[form] -= count
            if tally.forms[form] <= 0:
                del tally.forms[form]
                self._spellings.pop((key, label, form), None)
            tally.articles.pop(number, None)
            self.mentions -= count
            if tally.count <= 0:
                del self._tallies[ref]
                for word in _WORD.findall(key):
                    refs = self._by_word.get(word)
                    if refs is not None:
                        refs.discard(ref)
                        if not refs:
                            del self._by_word[word]
                            self._sorted_words = None

    def prepare(self) -> None:
        """Do now, once the index is filled, what the first ``@`` term typed would otherwise
        do (some 30 ms at 100k articles): sort the entity words and count each one's articles
        (for :data:`SHORT_PREFIX`). Both are kept, pickled too, until the index changes."""
        self._words_with_prefix("")
        if self._word_articles is None:
            tallies = self._tallies
            self._word_articles = {
                word: sum(len(tallies[ref].articles) for ref in refs)
                for word, refs in self._by_word.items()
            }

    def _entry(self, ref: _Ref, tally: _Tally) -> EntityEntry:
        # The most frequent spelling; ties go to the one seen first.
        text = max(tally.forms.items(), key=lambda item: item[1])[0]
        articles = tuple(map(self._ids.__getitem__, tally.articles))
        return EntityEntry(text, ref[1], ref[0], tally.count, articles)

    def entries(self, label: str | None = None) -> list[EntityEntry]:
        """Every entity (of one label, if given), most mentioned first, then by text."""
        entries = [
            self._entry(ref, tally)
            for ref, tally in self._tallies.items()
            if label is None or ref[1] == label
        ]
        entries.sort(key=lambda entry: (-entry.count, entry.key, LABELS.index(entry.label)))
        return entries

    def entry(self, text: str, label: str) -> EntityEntry | None:
        """The entity written ``text`` (any spelling that folds alike) with ``label``."""
        ref = (entity_key(text), label)
        tally = self._tallies.get(ref)
        return None if tally is None else self._entry(ref, tally)

    def articles_mentioning(self, text: str, label: str | None = None) -> list[str]:
        """IDs of the articles that mention exactly this entity (any label if ``None``), in the
        order they were added."""
        key = entity_key(text)
        labels = LABELS if label is None else (label,)
        found: dict[str, None] = {}
        for one in labels:
            tally = self._tallies.get((key, one))
            if tally is not None:
                found.update(dict.fromkeys(map(self._ids.__getitem__, tally.articles)))
        return list(found)

    def article_entities(self, article_id: str) -> list[tuple[str, str, int]]:
        """``(text, label, mentions)`` of one added article, most mentioned first."""
        mentions = self._by_article.get(article_id, Counter())
        merged: Counter[tuple[str, str]] = Counter()
        spelling: dict[tuple[str, str], str] = {}
        for (key, label, form), count in mentions.items():
            merged[(key, label)] += count
            spelling.setdefault((key, label), form)
        return [(spelling[ref], ref[1], count) for ref, count in merged.most_common()]

    def match(
        self, words: str, label: str | None = None, *, prefix: bool = False
    ) -> set[str] | frozenset[str]:
        """IDs of the articles mentioning an entity that contains every word of ``words``
        (folded like the entities; order free), with ``label`` if given. With ``prefix`` the
        last word may be the start of an entity's word (for a query still being typed); a lone
        word of up to :data:`SHORT_PREFIX` letters then stands only for its most mentioned
        entity words (see :data:`SHORT_PREFIX_ARTICLES`): ``@p`` would otherwise be most of a
        large corpus, on every keystroke. That answer is a frozenset, the same object for the
        same words while the index is unchanged (so a caller can keep what it derived from it).

        ``match("badault")`` finds "Sébastien Badault" and "Badault"; ``match("seb", "PER",
        prefix=True)`` finds them too; ``match("oreal")`` finds "L'Oréal".
        """
        numbers = self.match_numbers(words, label, prefix=prefix).numbers
        ids = map(self._ids.__getitem__, numbers)
        if not isinstance(numbers, frozenset):
            return set(ids)
        known = self._prefix_cache().found_ids
        found = known.get(numbers)
        if found is None:
            found = known[numbers] = frozenset(ids)
        return found

    def match_numbers(
        self, words: str, label: str | None = None, *, prefix: bool = False
    ) -> NumberedMatch:
        """:meth:`match`'s articles as their numbers (see :class:`NumberedMatch`): the
        union of each entity's own numbers, in C, with no string read per article. A short
        prefix's answer is the same frozenset while the index is unchanged, as in ``match``."""
        query = key_words(words)
        if not query:
            return NumberedMatch(set(), self._ids)
        if prefix and len(query) == 1 and len(query[0]) <= SHORT_PREFIX:
            return NumberedMatch(self._short_prefix_match(query[0], label), self._ids)
        refs: set[_Ref] | None = None
        for index, word in enumerate(query):
            if prefix and index == len(query) - 1:
                found = self._refs_with_prefix(word)
            else:
                found = set(self._by_word.get(word, ()))
            refs = found if refs is None else refs & found
            if not refs:
                return NumberedMatch(set(), self._ids)
        return NumberedMatch(self._numbers_of(refs or (), label), self._ids)

    def _refs_with_prefix(self, start: str) -> set[_Ref]:
        refs: set[_Ref] = set()
        for word in self._words_with_prefix(start):
            refs |= self._by_word[word]
        return refs

    def _words_with_prefix(self, start: str) -> list[str]:
        if self._sorted_words is None:
            self._sorted_words = sorted(self._by_word)
        words = self._sorted_words
        first = bisect_left(words, start)
        # Every word beginning with ``start`` sorts before it followed by the last code point.
        return words[first : bisect_left(words, start + "\U0010ffff", first)]

    def _prefix_cache(self) -> _ShortPrefixes:
        if self._short_prefixes is None:
            self._short_prefixes = _ShortPrefixes()
        return self._short_prefixes

    def _short_prefix_match(self, start: str, label: str | None) -> frozenset[int]:
        # Chosen once per state of the index (add() and remove() drop the cache).
        cache = self._prefix_cache()
        chosen = cache.words.get((start, label))
        if chosen is None:
            chosen = cache.words[(start, label)] = self._most_mentioned(start, label)
        found = cache.found.get((chosen, label))
        if found is None:
            refs = chain.from_iterable(map(self._by_word.__getitem__, chosen))
            found = cache.found[(chosen, label)] = frozenset(self._numbers_of(refs, label))
        return found

    def _numbers_of(self, refs: Iterable[_Ref], label: str | None) -> set[int]:
        """The numbers of the articles mentioning the entities ``refs`` (of ``label``, if given)."""
        numbers: set[int] = set()
        for ref in refs:
            if label is None or ref[1] == label:
                numbers.update(self._tallies[ref].articles)
        return numbers

    def _most_mentioned(self, start: str, label: str | None) -> tuple[str, ...]:
        """The entity words beginning with ``start`` to search for it (see
        :data:`SHORT_PREFIX_ARTICLES`); ties in alphabetical order."""
        tallies = self._tallies
        counts: dict[str, int] = {}
        prepared = self._word_articles if label is None else None
        for word in self._words_with_prefix(start):
            # Articles per entity, summed: an article naming two of its entities counts twice.
            if prepared is not None:
                articles = prepared[word]
            else:
                articles = sum(
                    len(tallies[ref].articles)
                    for ref in self._by_word[word]
                    if label is None or ref[1] == label
                )
            if articles:
                counts[word] = articles
        chosen: list[str] = []
        total = 0
        for word in sorted(counts, key=lambda word: (word != start, -counts[word], word)):
            if chosen and total + counts[word] > SHORT_PREFIX_ARTICLES:
                break
            chosen.append(word)
            total += counts[word]
        return tuple(chosen)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable form, to cache the index (read back with :meth:`from_dict`)."""
        return {
            "version": FORMAT_VERSION,
            "articles": {
                article_id: [[key, label, form, count] for (key, label, form), count in m.items()]
                for article_id, m in self._by_article.items()
            },
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EntityIndex:
        """The index :meth:`to_dict` wrote. Raises ``ValueError`` for another format version
        or a malformed document (a stale cache is rebuilt, never trusted)."""
        if data.get("version") != FORMAT_VERSION:
            raise ValueError("not an entity index of this version")
        index = cls()
        try:
            for article_id, rows in data["articles"].items():
                mentions = [
                    Entity(0, 0, str(label), str(form))
                    for _key, label, form, count in rows
                    for _ in range(int(count))
                ]
                index.add(str(article_id), mentions)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise ValueError(f"malformed entity index: {error}") from error
        return index


def build_index(
    articles: Iterable[tuple[str, str]],
    extractor: Callable[[str], list[Entity]] = extract,
    *,
    index: EntityIndex | None = None,
    progress: Callable[[int], None] | None = None,
    every: int = 200,
    stop: Callable[[], bool] | None = None,
) -> EntityIndex:
    """Extract and index ``(article_id, body)`` pairs: the loop a UI worker runs.

    ``progress(done)`` is called every ``every`` articles and at the end; ``stop()`` is asked
    as often, and a true answer returns the index as built so far.
    """
    index = index if index is not None else EntityIndex()
    done = 0
    for article_id, body in articles:
        index.add(article_id, extractor(body))
        done += 1
        if done % every == 0:
            if progress is not None:
                progress(done)
            if stop is not None and stop():
                return index
    if progress is not None:
        progress(done)
    return index


def parse_entity_filter(term: str) -> tuple[str | None, str] | None:
    """Read a query term that filters by entity: ``@Badault`` -> ``(None, "badault")``,
    ``per:badault`` -> ``("PER", "badault")``, ``org:"air france"`` -> ``("ORG", "air france")``.
    Anything else -> ``None``. Feed the result to :meth:`EntityIndex.match`."""
    found = _FILTER.match(term.strip())
    if found is None:
        return None
    text = found.group("text").strip().strip("\"'")
    if not key_words(text):
        return None
    label = found.group("label")
    return (label.upper() if label else None), entity_key(text)
