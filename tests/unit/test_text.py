"""Text utilities: sentence splitting on glued scraped text, folding, control characters, words."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from alireader.core.text import (
    count_words,
    fold,
    fold_lines,
    sentence_spans,
    split_sentences,
    strip_accents,
    visible_controls,
)

# --- sentence_spans -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Sentences glued by scraping: the text is kept, the boundary is still seen.
        ("prendre son essor.Quelques mois avant", ["prendre son essor.", "Quelques mois avant"]),
        ("transmise à l'AFP.\"OpenSky et 11 Main", ["transmise à l'AFP.", '"OpenSky et 11 Main']),
        ("de façon distincte.11 Main était perçu", ["de façon distincte.", "11 Main était perçu"]),
        ("since 2021.The company said", ["since 2021.", "The company said"]),
        ("de Sandouville ».Selon le cabinet", ["de Sandouville ».", "Selon le cabinet"]),
        ("extraordinaire.« C'est un coup »", ["extraordinaire.", "« C'est un coup »"]),
        ("Vraiment ?Oui, vraiment.", ["Vraiment ?", "Oui, vraiment."]),
        ("en hausse de 2 %.Le marché recule", ["en hausse de 2 %.", "Le marché recule"]),
        ("a gagné 40 €.Il l'a dit", ["a gagné 40 €.", "Il l'a dit"]),
        # Ordinary boundaries.
        (
            "Il pleut. Il vente! Et toi? « Bien. »",
            ["Il pleut.", "Il vente!", "Et toi?", "« Bien. »"],
        ),
        ("Fin de l'histoire.", ["Fin de l'histoire."]),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Plus de 2.000 vendeurs ont rejoint la plateforme",
        "Le site Alibaba.com est chinois",
        "M. Dupont et Mme Durand sont arrivés",
        "Made in the U.S.A. and sold in France",
        "Le fondateur J. Ma a parlé",
        "Les ventes ont progressé de 4.2% cette année",
        "Il attendait...Puis il est parti",
        "Dr. Smith met Mr. Jones",
        "voir p. 12 du rapport",
        "On Jan. 5 the board met again",
        "Shares fell on Sept. 14 and again on Oct. 2",
        "Le 3 févr. 2022 et le 7 janv. 2023, la cour a statué",
        "From Aug. 1 to Dec. 31 the plant stays shut",
    ],
)
def test_not_sentence_boundaries(text: str) -> None:
    assert split_sentences(text) == [text]


def test_spans_are_offsets_into_the_unchanged_text() -> None:
    text = "  Un.Deux  trois. Quatre  "
    spans = sentence_spans(text)
    assert [text[start:end] for start, end in spans] == ["Un.", "Deux  trois.", "Quatre"]
    assert all(text[start] != " " and text[end - 1] != " " for start, end in spans)


def test_spans_of_empty_and_blank_text() -> None:
    assert sentence_spans("") == []
    assert sentence_spans("   \n ") == []


@given(st.text(max_size=300))
@settings(max_examples=150, deadline=None)
def test_spans_are_ordered_disjoint_and_cover_every_word(text: str) -> None:
    spans = sentence_spans(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        previous_end = end
    # Only whitespace lies outside the spans.
    outside = list(text)
    for start, end in spans:
        outside[start:end] = [" "] * (end - start)
    assert "".join(outside).strip() == ""


def test_long_glued_text_is_split_quickly() -> None:
    # Linear time: a megabyte of glued sentences splits in well under a second.
    text = "Une phrase courte.Une autre phrase. " * 30_000
    assert len(sentence_spans(text)) == 60_000


# --- fold and strip_accents -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("États-Unis", "Etats-Unis"),
        ("L’Oréal à Noël", "L’Oreal a Noel"),
        ("ﬁn", "fin"),
        ("Łódź", "Lodz"),
        ("cafe\u0301", "cafe"),  # already decomposed
        ("déjà vu", "deja vu"),
        ("Москва", "Москва"),  # no accents to strip in Cyrillic
        ("北京", "北京"),
        ("plain ascii", "plain ascii"),
    ],
)
def test_strip_accents(text: str, expected: str) -> None:
    assert strip_accents(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L’Oréal", "l'oreal"),
        ("L'OREAL", "l'oreal"),
        ("«\u00a0Bonjour\u00a0»", '" bonjour "'),
        ("“Hello”", '"hello"'),
        ("Île-de-France – Paris", "ile-de-france - paris"),
        ("  Trop   d'espaces\t\n ici ", "trop d'espaces ici"),
        ("10\u202f590\u00a0%", "10 590 %"),
        ("Œuvre et cœur", "oeuvre et coeur"),
        ("Straße", "strasse"),
        ("Ça", "ca"),
        ("Mots-clés :", "mots-cles :"),
        ("", ""),
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


def test_fold_makes_typographic_variants_equal() -> None:
    assert fold("L’Oréal « 11 Main » – 2\u00a0000") == fold('l\'oreal " 11 main " - 2 000')


@given(st.text(max_size=200))
@settings(max_examples=150, deadline=None)
def test_fold_is_idempotent_and_clean(text: str) -> None:
    folded = fold(text)
    assert fold(folded) == folded
    assert folded == folded.strip()
    assert "  " not in folded


# Characters where one line alone and lines folded together could part ways: ligatures and
# signs outside the Latin letters (the general path), a sign whose decomposition is a Latin
# letter (U+212B), marks already decomposed, typographic punctuation, odd spaces, surrogates.
_FOLD_ALPHABET = st.one_of(
    st.sampled_from(
        [
            *"aZé É\u0301\u0340ﬁœßŁ’`«»–\u00a0\u202f\u2003\t\r\x0b\x00€©…Å\u212b\u212aΣς北",
            *("\ud800", "\udcff", "\u2028", "\x85"),
        ]
    ),
    st.characters(exclude_characters="\n"),
)


@given(st.lists(st.text(alphabet=_FOLD_ALPHABET, max_size=30), max_size=12))
@settings(max_examples=300, deadline=None)
# fold() maps "`" only in a line that is not all ASCII, whatever its neighbours are.
@example(["`", "\x80"])
@example(["`’", "`"])
def test_fold_lines_folds_each_line_alone(lines: list[str]) -> None:
    assert fold_lines(lines) == [fold(line) for line in lines]


def test_fold_lines_chooses_the_path_per_line() -> None:
    # "Å" (Angstrom sign) folds to "a" on the Latin path; the euro sign sends its own line,
    # not its neighbours, down the general path.
    lines = ["Ångström", "40 €", "", "  Trop   d’espaces ", "Straße"]
    assert fold_lines(lines) == ["angstrom", "40 €", "", "trop d'espaces", "strasse"]
    assert fold_lines([]) == []


# --- visible_controls -------------------------------------------------------------------------


def test_visible_controls_makes_escapes_inert() -> None:
    assert visible_controls("\x1b[31mrouge\x07") == "␛[31mrouge␇"
    assert visible_controls("a\x7fb") == "a\u2421b"
    assert visible_controls("c1\x9bd") == "c1<0x9b>d"


def test_visible_controls_keeps_tabs_newlines_and_text() -> None:
    text = "Ligne 1\n\tLigne 2 « é » 北京"
    assert visible_controls(text) == text


@given(st.text(max_size=200))
@settings(max_examples=150, deadline=None)
def test_visible_controls_leaves_no_control(text: str) -> None:
    shown = visible_controls(text)
    assert not any((ord(ch) < 0x20 and ch not in "\t\n") or 0x7F <= ord(ch) <= 0x9F for ch in shown)


# --- count_words ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("l’Hexagone", 1),
        ("Les États-Unis", 2),
        ("une participation de 37,6% dans OpenSky", 6),
        ("plus de 2.000 vendeurs", 4),
        ("« Bonjour », dit-il.", 2),
        ("", 0),
        ("— … ?", 0),
        ("Alibaba.com", 2),
    ],
)
def test_count_words(text: str, expected: int) -> None:
    assert count_words(text) == expected


_WORD_DEFINITION = re.compile(r"[^\W_]+(?:(?:['’\-]|[.,](?=\d))[^\W_]+)*")


@given(
    st.text(
        alphabet=st.one_of(
            st.sampled_from(list("ab1_ '’-.,;:!?()«»…\n\u00a0\u2003٣²Ⅻ")), st.characters()
        ),
        max_size=80,
    )
)
@settings(max_examples=300, deadline=None)
def test_count_words_counts_the_regex_words(text: str) -> None:
    # The definition of a word, counted the slow way.
    assert count_words(text) == len(_WORD_DEFINITION.findall(text))
