"""Sentence alignment of two copies: every sentence shown once, in order, changes exact."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from alireader.core.corpus import load_corpus
from alireader.core.diff import Alignment, Op, align, sentences, typographic_key
from alireader.core.duplicates import words
from alireader.paths import bundled_seeds_dir

S1 = "Le groupe a annoncé mardi la vente de sa filiale américaine."
S2 = "L’opération porte sur 2 000 salariés répartis dans douze usines."
S3 = "Les syndicats dénoncent « une décision brutale » et appellent à la grève."
S4 = "Le titre a reculé de 3 % à la Bourse de Paris dans la matinée."
S5 = "Aux États-Unis, la filiale employait encore trois cents personnes."


def _side(alignment: Alignment, side: str) -> list[str]:
    return [text for row in alignment.rows if (text := getattr(row, side)) is not None]


def _ops(alignment: Alignment) -> list[str]:
    return [row.op.value for row in alignment.rows]


def test_paragraph_breaks_do_not_matter() -> None:
    one_block = " ".join([S1, S2, S3, S4])
    paragraphs = "\n\n".join([S1, S2, S3, S4])
    assert _ops(align(one_block, paragraphs)) == ["equal"] * 4


def test_a_truncated_copy_shows_the_missing_tail_as_one_sided_rows() -> None:
    alignment = align(" ".join([S1, S2]), "\n\n".join([S1, S2, S3, S4]))
    assert _ops(alignment) == ["equal", "equal", "insert", "insert"]
    assert alignment.rows[2].a is None
    assert alignment.rows[2].b == S3
    assert alignment.containment_a == 1.0
    assert alignment.words_only_a == 0
    assert alignment.words_only_b == len(words(S3)) + len(words(S4))


def test_a_sentence_cut_short_is_a_changed_sentence() -> None:
    cut = "Les syndicats dénoncent ..."
    alignment = align(f"{S1} {cut}", f"{S1} {S3}")
    assert _ops(alignment) == ["equal", "replace"]
    row = alignment.rows[1]
    assert [s.text for s in row.a_segments if s.changed] == ["..."]
    assert "".join(s.text for s in row.b_segments if not s.changed).strip() == (
        "Les syndicats dénoncent"
    )


def test_word_level_changes_inside_a_sentence() -> None:
    changed = S1.replace("mardi", "mercredi").replace("américaine", "allemande")
    row = align(S1, changed).rows[0]
    assert row.op is Op.REPLACE
    assert [s.text for s in row.a_segments if s.changed] == ["mardi", "américaine"]
    assert [s.text for s in row.b_segments if s.changed] == ["mercredi", "allemande"]
    assert {s.op for s in row.a_segments if s.changed} == {Op.REPLACE}
    assert "".join(s.text for s in row.a_segments) == S1


def test_inserted_words_are_insertions() -> None:
    longer = S1.replace("sa filiale", "sa grande filiale")
    row = align(S1, longer).rows[0]
    assert [(s.text, s.op) for s in row.b_segments if s.changed] == [("grande", Op.INSERT)]
    assert not any(s.changed for s in row.a_segments)


def test_a_moved_sentence_is_moved_not_deleted_and_inserted() -> None:
    alignment = align(" ".join([S1, S2, S3, S4, S5]), " ".join([S1, S3, S4, S5, S2]))
    ops = _ops(alignment)
    assert "delete" not in ops
    assert "insert" not in ops
    moved = [p for p, row in enumerate(alignment.rows) if row.op is Op.MOVED]
    assert len(moved) == 2
    first, second = moved
    assert alignment.rows[first].partner == second
    assert alignment.rows[second].partner == first
    assert alignment.rows[first].a == alignment.rows[second].b == S2
    assert alignment.words_only_a == alignment.words_only_b == 0


def test_a_moved_sentence_with_a_typo_fixed_is_still_moved() -> None:
    fixed = S2.replace("douze", "treize")
    alignment = align(" ".join([S1, S2, S3, S4, S5]), " ".join([S1, S3, S4, S5, fixed]))
    assert _ops(alignment).count("moved") == 2
    row = next(row for row in alignment.rows if row.op is Op.MOVED and row.a is not None)
    assert [s.text for s in row.a_segments if s.changed] == ["douze"]


TYPOGRAPHY = [
    (S3, S3.replace("« ", '"').replace(" »", '"')),
    (S2, S2.replace("’", "'").replace("2 000", "2.000")),
    (S2, S2.replace("2 000", "2000").replace(" ", "  ")),
    (S5, S5.replace("États", "Etats")),
]


def test_typography_is_a_change_unless_ignored() -> None:
    for a, b in TYPOGRAPHY:
        strict = align(a, b)
        assert _ops(strict) == ["replace"], (a, b)
        assert any(s.changed for s in strict.rows[0].b_segments) or a.split() == b.split()
        assert _ops(align(a, b, ignore_typography=True)) == ["equal"], (a, b)


def test_whitespace_alone_is_never_a_change() -> None:
    spaced = S4.replace(" ", "\u00a0", 3).replace("Bourse ", "Bourse  ")
    for ignore in (False, True):
        assert _ops(align(S4, spaced, ignore_typography=ignore)) == ["equal"]


def test_ignoring_typography_keeps_real_changes() -> None:
    b = S5.replace("États", "Etats").replace("trois cents", "quatre cents")
    row = align(S5, b, ignore_typography=True).rows[0]
    assert row.op is Op.REPLACE
    assert [s.text for s in row.a_segments if s.changed] == ["trois"]


def test_typographic_key() -> None:
    assert typographic_key("États") == "Etats"
    assert typographic_key("été") == "été"  # accents on small letters are spelling
    assert typographic_key("2\u202f000") == typographic_key("2.000") == "2000"
    assert typographic_key("«") == typographic_key("“") == '"'
    assert typographic_key("’") == "'"
    assert typographic_key("Œuvre") == "Oeuvre"


def test_changes_are_the_starts_of_runs() -> None:
    alignment = align(" ".join([S1, S2, S3, S4]), " ".join([S1, S5, S3]))
    starts = alignment.changes()
    assert starts[0] == 1
    assert all(alignment.rows[p].op is not Op.EQUAL for p in starts)


def test_the_seed_copies() -> None:
    corpus = {a.id[:3]: a for a in load_corpus([bundled_seeds_dir()])}
    short, whole = corpus["000"], corpus["001"]
    strict = align(short.body, whole.body)
    assert _side(strict, "a") == sentences(short.body)
    assert _side(strict, "b") == sentences(whole.body)
    # 000 stops mid-sentence ("De l'avis des ..."); 001 goes on.
    assert strict.rows[-1].op is Op.INSERT
    assert strict.containment_a > 0.95 > strict.containment_b
    relaxed = align(short.body, whole.body, ignore_typography=True)
    changed = [row for row in relaxed.rows if row.op is Op.REPLACE]
    assert len(changed) == 1  # only the cut sentence: quotes, 2.000 and Etats are typography
    assert relaxed.words_only_a == 0
    assert strict.words_only_a > 0
    assert "delete" not in _ops(relaxed)


_sentence = st.sampled_from([S1, S2, S3, S4, S5, "Oui.", "Non !", "Pourquoi ?"])
_article = st.lists(_sentence, max_size=12).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(_article, _article, st.booleans())
def test_each_side_reads_back_its_sentences_in_order(a: str, b: str, ignore: bool) -> None:
    alignment = align(a, b, ignore_typography=ignore)
    assert _side(alignment, "a") == sentences(a)
    assert _side(alignment, "b") == sentences(b)
    for row in alignment.rows:
        if row.a is not None:
            assert "".join(s.text for s in row.a_segments) == row.a
        if row.b is not None:
            assert "".join(s.text for s in row.b_segments) == row.b
        if row.partner is not None:
            assert alignment.rows[row.partner].partner is not None


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400), st.text(max_size=400), st.booleans())
def test_any_input_is_handled(a: str, b: str, ignore: bool) -> None:
    alignment = align(a, b, ignore_typography=ignore)
    assert _side(alignment, "a") == sentences(a)
    assert _side(alignment, "b") == sentences(b)
    assert 0.0 <= alignment.similarity <= 1.0


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400) | _article, st.booleans())
def test_equal_texts_give_only_equal_rows(text: str, ignore: bool) -> None:
    alignment = align(text, text, ignore_typography=ignore)
    assert {row.op for row in alignment.rows} <= {Op.EQUAL}
    assert alignment.words_only_a == alignment.words_only_b == 0


def test_alignment_is_deterministic() -> None:
    a, b = " ".join([S1, S2, S3, S4, S5]), " ".join([S5, S3, S1])
    assert align(a, b) == align(a, b)
