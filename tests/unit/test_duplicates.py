"""Near-duplicate detection: copies as sites republish them are found, look-alikes are not."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alireader.core.corpus import load_corpus
from alireader.core.duplicates import (
    COMMON_FINGERPRINT,
    Cluster,
    DuplicateIndex,
    duplicates_of,
    find_clusters,
    normalise,
    pair_metrics,
    sketch,
    words,
)
from alireader.paths import bundled_seeds_dir

_SYLLABLES = ("ba", "ri", "lon", "te", "ma", "sou", "vel", "dé", "ça", "nor", "pi", "qué")


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    return ["".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 4))) for _ in range(size)]


def _story(seed: int, paragraphs: int = 12, topic: int | None = None) -> list[str]:
    """A made-up article: paragraphs of sentences with names, quotes, numbers, apostrophes.
    Stories of one ``topic`` draw on the same words."""
    vocabulary = _vocabulary(random.Random(seed if topic is None else topic), 400)
    rng = random.Random(seed)
    result = []
    for _ in range(paragraphs):
        sentences = []
        for _ in range(rng.randint(2, 3)):
            body = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(12, 22)))
            name = rng.choice(vocabulary).capitalize()
            amount = f"{rng.randint(2, 99)} {rng.randint(100, 999)}"
            sentences.append(
                f"{body.capitalize()} à l’État de {name}, « {rng.choice(vocabulary)} » "
                f"pour {amount} euros."
            )
        result.append(" ".join(sentences))
    return result


ORIGINAL = _story(1)


def _text(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def _restyled(text: str) -> str:
    """Other quotes, apostrophes, thousands separators and accents on capitals."""
    for old, new in (("« ", '"'), (" »", '"'), ("’", "'"), ("État", "Etat")):
        text = text.replace(old, new)
    return __import__("re").sub(r"(\d) (\d{3})", r"\1.\2", text)


VARIANTS = {
    "truncated to half": _text(ORIGINAL[:6]),
    "reflowed into one paragraph": " ".join(ORIGINAL),
    "quotes and numbers restyled": _restyled(_text(ORIGINAL)),
    "boilerplate added": "Partager sur Facebook\n\n"
    + _text(ORIGINAL)
    + "\n\nLire aussi : nos autres articles.\n\nAbonnez-vous à notre lettre d’information.",
    "paragraphs dropped": _text(ORIGINAL[:3] + ORIGINAL[5:9] + ORIGINAL[10:]),
    "truncated, reflowed and restyled": _restyled(" ".join(ORIGINAL[:7])),
}

_OTHER = _story(2)
_THIRD = _story(3)
_FOURTH = _story(4, topic=1)  # the original's words, other sentences
DISTRACTORS = {
    "shares only the lead": _text(ORIGINAL[:1] + _OTHER[:11]),
    "quotes a few paragraphs": _text(_THIRD[:5] + ORIGINAL[4:6] + _THIRD[5:11]),
    "same topic, different text": _text(_FOURTH),
}


def _clusters_with(text: str, threshold: float = 0.8) -> list[Cluster]:
    return find_clusters([("original", _text(ORIGINAL)), ("other", text)], threshold)


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_each_kind_of_copy_is_a_duplicate(name: str) -> None:
    clusters = _clusters_with(VARIANTS[name])
    assert [set(c.articles) for c in clusters] == [{"original", "other"}], name


@pytest.mark.parametrize("name", sorted(DISTRACTORS))
def test_look_alikes_stay_alone(name: str) -> None:
    assert _clusters_with(DISTRACTORS[name]) == [], name


def test_all_copies_and_distractors_together_make_one_cluster() -> None:
    articles = [("original", _text(ORIGINAL))]
    articles += [(f"copy: {name}", text) for name, text in VARIANTS.items()]
    articles += [(f"distractor: {name}", text) for name, text in DISTRACTORS.items()]
    clusters = find_clusters(articles)
    assert len(clusters) == 1
    assert set(clusters[0].articles) == {"original"} | {f"copy: {n}" for n in VARIANTS}
    assert clusters[0].similarity >= 0.8


def test_a_latin1_file_is_a_copy_of_its_utf8_original(tmp_path: Path) -> None:
    text = "Une copie\n\n" + _text(ORIGINAL).replace("’", "'")
    (tmp_path / "utf8.txt").write_text(text, encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes(text.encode("latin-1"))
    corpus = load_corpus([tmp_path])
    assert {article.encoding for article in corpus} != {"utf-8"}
    clusters = find_clusters((a.id, a.body) for a in corpus)
    assert [set(c.articles) for c in clusters] == [{"utf8", "latin1"}]


def test_on_the_seeds_000_and_001_are_the_only_cluster() -> None:
    corpus = load_corpus([bundled_seeds_dir()])
    clusters = find_clusters((a.id, a.body) for a in corpus)
    assert len(clusters) == 1
    assert sorted(member[:3] for member in clusters[0].articles) == ["000", "001"]
    # 001 is the whole story, 000 a shorter copy of it.
    assert clusters[0].representative.startswith("001")


def test_a_round_up_does_not_chain_two_unrelated_stories() -> None:
    first, second = _text(_story(10, 4)), _text(_story(11, 4))
    clusters = find_clusters(
        [("first", first), ("round-up", first + "\n\n" + second), ("second", second)]
    )
    assert len(clusters) == 1
    assert "round-up" in clusters[0].articles
    assert {"first", "second"} - set(clusters[0].articles)  # never both


def test_a_story_republished_by_many_sites_is_one_cluster() -> None:
    # More copies than a fingerprint may have articles before it counts as a set phrase.
    sites = COMMON_FINGERPRINT * 3
    articles = [
        (f"site {n}", f"Publié par le site {n} ({_vocabulary(random.Random(n), 3)})\n\n" + text)
        for n, text in enumerate([_text(ORIGINAL), *VARIANTS.values()] * (sites // 7 + 1))
    ][:sites]
    articles.append(("other", _text(_OTHER)))
    clusters = find_clusters(articles)
    assert [len(c.articles) for c in clusters] == [sites]
    assert "other" not in clusters[0].articles


def test_truncated_copy_metrics_are_containment_not_jaccard() -> None:
    metrics = pair_metrics(_text(ORIGINAL), VARIANTS["truncated to half"])
    assert metrics.containment_b > 0.95  # all of the half is in the whole
    assert 0.35 < metrics.containment_a < 0.65  # about half of the whole is in the half
    assert metrics.jaccard == pytest.approx(metrics.containment_a, abs=0.05)
    assert metrics.similarity == pytest.approx(metrics.containment_b)


def test_a_brief_is_not_a_copy_of_every_long_article_quoting_it() -> None:
    brief = ORIGINAL[0]
    long_article = _text([*_OTHER, *_FOURTH[:8], brief])
    metrics = pair_metrics(brief, long_article)
    assert metrics.containment_a > 0.95
    assert metrics.similarity == metrics.jaccard < 0.2


def test_the_representative_is_the_longest_copy() -> None:
    clusters = find_clusters([("half", VARIANTS["truncated to half"]), ("whole", _text(ORIGINAL))])
    assert clusters[0].representative == "whole"
    assert clusters[0].articles == ("half", "whole")  # the order they were added in
    assert clusters[0].others("half") == ("whole",)


def test_the_threshold_decides() -> None:
    text = VARIANTS["paragraphs dropped"]
    similarity = pair_metrics(_text(ORIGINAL), text).similarity
    assert _clusters_with(text, threshold=min(1.0, similarity + 0.01)) == []
    assert _clusters_with(text, threshold=similarity - 0.01) != []


def test_normalisation_folds_typography() -> None:
    assert normalise("Les « États » : 2 000 € et 1.500.000") == 'les " etats " : 2000 € et 1500000'
    assert words("L’État, d'abord") == words("l'Etat - D’ABORD") == ["l", "etat", "d", "abord"]
    assert words("e\u0301tats") == words("états")  # decomposed accents


def test_sketches_do_not_depend_on_the_process() -> None:
    # Python's string hashes change with PYTHONHASHSEED; sketches must not.
    text = _text(ORIGINAL[:2])
    code = (
        "import sys; from alireader.core.duplicates import sketch; "
        "s = sketch(sys.stdin.read()); sys.stdout.write(s.ids.hex() + s.fingerprints.hex())"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            input=text,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={"PYTHONHASHSEED": seed, "PYTHONPATH": str(Path.cwd())},
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    made_here = sketch(text)
    assert outputs == {made_here.ids.hex() + made_here.fingerprints.hex()}
    assert made_here.fingerprints  # there is something to compare


def test_the_index_is_incremental() -> None:
    index = DuplicateIndex()
    index.add("original", _text(ORIGINAL))
    index.add("other", _text(_OTHER))
    assert index.clusters() == []
    index.add("copy", VARIANTS["paragraphs dropped"])
    assert [set(c.articles) for c in index.clusters()] == [{"original", "copy"}]
    assert "copy" in index
    assert len(index) == 3
    assert index.metrics("copy", "original").containment_a > 0.95
    assert [(a, b) for a, b, _ in index.pairs()] == [("original", "copy")]
    with pytest.raises(ValueError, match="already"):
        index.add("copy", "anything")


def test_duplicates_of_lists_the_other_members() -> None:
    clusters = [Cluster(("a", "b", "c"), 0.9, "b")]
    assert duplicates_of(clusters) == {"a": ("b", "c"), "b": ("a", "c"), "c": ("a", "b")}


def test_empty_and_tiny_texts_are_handled() -> None:
    assert sketch("").size == 0
    assert pair_metrics("", "").similarity == 0.0
    assert pair_metrics("Oui.", "Oui.").similarity == 1.0
    assert find_clusters([("a", ""), ("b", ""), ("c", "…")]) == []


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300), st.text(max_size=300))
def test_pair_metrics_are_symmetric_and_bounded(a: str, b: str) -> None:
    forward, backward = pair_metrics(a, b), pair_metrics(b, a)
    assert forward.similarity == backward.similarity
    assert forward.containment_a == backward.containment_b
    for value in (forward.similarity, forward.jaccard, forward.containment_a):
        assert 0.0 <= value <= 1.0
    if words(a):
        assert pair_metrics(a, a).similarity == 1.0
