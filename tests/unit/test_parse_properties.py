"""Properties of parse_article on arbitrary text: it never raises, loses no word, and keeps its
output well formed (blocks, title lengths, determinism)."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from alireader.core.models import ParsedText
from alireader.core.parse import TITLE_MAX_CHARS, parse_article

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORD = re.compile(r"[^\W_]+")

# Lines scraped pages are made of, noise and not, for texts that look like articles.
NOISE = [
    "loading...",
    "Avatar",
    "le",
    "0",
    "Partager sur Facebook / Twitter / LinkedIn",
    "Lire aussi :",
    "Lire la suite de l'article sur Le Parisien.fr",
    "Vous devez être membre pour ajouter des commentaires.",
    "Photo : Jean Dupont / AFP",
    "© Reuters",
    "Publié le 12/03/2021 à 10h32",
    "Par Claire Fontaine",
    "By Jane Doe and John Roe, Reuters",
    "Accueil > Économie > Entreprises",
    "Nous utilisons des cookies pour améliorer votre expérience.",
    "(avec AFP)",
    "Advertisement",
    "Temps de lecture : 3 min",
    "Comments (12)",
    "Mots-clés :",
    "# Titre Markdown",
    "![image](http://x.y/z.jpg)",
    "---",
]
PROSE = [
    "Le géant chinois a annoncé mardi la fermeture de son site.Quelques mois plus tard, rien.",
    "PARIS (AFP) - Le gouvernement a présenté mercredi son plan de relance.",
    "Selon le Wall Street Journal, Alibaba prendrait 37,6\u00a0% d'OpenSky. (AFP)",
    "Une boutique pour bientôt ?",
    "Par ailleurs, le ministre a promis une aide.",
    "By Friday, the airline had cancelled 400 flights.",
    "« Nous fermerons », a-t-il déclaré à l'AFP.",
    "The company said on Tuesday it would close its plant in Ohio.",
]
LINE = st.one_of(
    st.sampled_from(NOISE),
    st.sampled_from(PROSE),
    st.just(""),
    st.text(max_size=120),
    st.text(alphabet=st.sampled_from("ab cdé.?!«»\u00a0\u202f-’'\"()/:|>"), max_size=200),
)
SEPARATOR = st.sampled_from(["\n", "\r\n", "\r", "\u2028", "\u2029", "\n\n"])


@st.composite
def articles(draw: st.DrawFn) -> str:
    """Texts built from article-like lines joined by every kind of line break."""
    lines = draw(st.lists(LINE, max_size=25))
    text = ""
    for line in lines:
        text += line + draw(SEPARATOR)
    return text


TEXTS = st.one_of(
    st.text(),  # every Unicode category: controls, combining marks, format characters ...
    st.text(max_size=3000),
    articles(),
    # A Markdown heading or front-matter title far too long to be a title.
    st.builds(lambda text: "# " + text + "\n\nTexte.", st.text(min_size=150, max_size=400)),
    st.builds(lambda text: f"---\ntitle: {text}\n---\nTexte.", st.text(min_size=150)),
    st.lists(st.sampled_from(NOISE), max_size=15).map("\n".join),  # nothing but noise
    st.builds(
        lambda word, count: (word + " ") * count,  # one huge line
        st.sampled_from(["mot", "essor.Quelques", "a", "©", "l'AFP.\"Open"]),
        st.integers(min_value=1_000, max_value=8_000),
    ),
)


def _words(text: str) -> Counter[str]:
    return Counter(WORD.findall(text))


def _check_shape(parsed: ParsedText) -> None:
    for block in parsed.blocks:
        assert block.text, "empty block"
        assert "\n\n" not in block.text
        assert "\n" not in block.text
        assert block.text == block.text.strip()
    assert parsed.body == "\n\n".join(block.text for block in parsed.blocks)
    assert len(parsed.title) <= 200
    if parsed.title_inferred:
        assert len(parsed.title) <= TITLE_MAX_CHARS


@SETTINGS
@given(TEXTS)
def test_parse_never_raises_and_output_is_well_formed(text: str) -> None:
    _check_shape(parse_article(text))


@SETTINGS
@given(TEXTS)
def test_markdown_parse_never_raises_and_output_is_well_formed(text: str) -> None:
    _check_shape(parse_article(text, markdown=True))


@SETTINGS
@given(TEXTS)
def test_body_and_removed_lines_account_for_every_word(text: str) -> None:
    parsed = parse_article(text)
    pieces = [parsed.body, *(removed.text for removed in parsed.removed)]
    pieces += [value or "" for value in (parsed.author, parsed.source, parsed.category)]
    if not parsed.title_inferred:
        pieces.append(parsed.title)
    found = _words("\n".join(pieces))
    missing = _words(text) - found  # Counter subtraction keeps what is not covered
    assert not missing, missing


@SETTINGS
@given(TEXTS)
def test_parse_is_deterministic(text: str) -> None:
    assert parse_article(text) == parse_article(text)


@SETTINGS
@given(articles())
def test_an_inferred_title_comes_from_the_body(text: str) -> None:
    parsed = parse_article(text)
    if parsed.title_inferred and parsed.title:
        assert parsed.title.rstrip("…").strip() in parsed.body


@SETTINGS
@given(st.lists(st.sampled_from(NOISE[:12]), min_size=1, max_size=12))
def test_noise_alone_leaves_no_body_text_but_is_all_recorded(lines: list[str]) -> None:
    text = "\n".join(lines)
    parsed = parse_article(text)
    recorded = Counter(WORD.findall(" ".join(r.text for r in parsed.removed)))
    recorded += _words(parsed.title if not parsed.title_inferred else "")
    assert not (_words(text) - recorded - _words(parsed.body))
    # Nothing in that list is prose: whatever is left is at most one short line.
    assert len(parsed.blocks) <= 1


# --- hostile text: escapes, markup and odd scripts are text like any other ------------------

HOSTILE = st.sampled_from(
    [
        "\x1b[31mrouge\x1b[0m",
        "\x1b]8;;https://evil.example/\x1b\\lien\x1b]8;;\x1b\\",
        "\x1b]52;c;cm0gLXJm\x07",
        "\x07\x9b2J",
        "[bold red]gras[/]",
        "[link=https://evil.example]ici[/link]",
        "[@click=app.quit]quitter[/]",
        "مرحبا بالعالم",
        "\u202eevil\u202c",
        "👨‍👩‍👧 北京 ｆｕｌｌ",
        "e\u0301te\u0301 Z\u0338\u0321a\u0334",
        "\x00",
    ]
)


@SETTINGS
@given(st.sampled_from(PROSE), HOSTILE, st.sampled_from(PROSE))
def test_escapes_and_markup_inside_prose_are_kept_exactly(
    before: str, hostile: str, after: str
) -> None:
    text = f"Un titre de test\n\n{before} {hostile} {after}\n"
    parsed = parse_article(text)
    assert parsed.title == "Un titre de test"
    assert f" {hostile} " in parsed.body  # the prose around it may lose a dateline


@SETTINGS
@given(st.text(max_size=200), st.text(max_size=80), st.text(max_size=80), HOSTILE)
def test_fields_given_by_json_never_break_the_parse(
    body: str, title: str, author: str, hostile: str
) -> None:
    parsed = parse_article(body + hostile, title=title + hostile, author=author or None)
    _check_shape(parsed)
    assert "\n" not in parsed.title


# Pieces of agency tags and datelines: brackets, agency names, spaces of every kind, dashes.
_TAG_PIECES = st.lists(
    st.sampled_from(
        ["(", ")", "AFP", "Reuters", " ", "\u00a0", "\n", "-", "–", ":", "PARIS", "x" * 30, "/"]
    ),
    max_size=14,
).map("".join)


@SETTINGS
@given(_TAG_PIECES)
@example("x" * 60 + "(AFP) - Texte")  # the longest dateline
@example("x" * 61 + "(AFP) - Texte")  # one character too long
@example("x" * 45 + " \n\u00a0" * 10 + "(Reuters) : Texte")  # spaces after the dateline
@example("PARIS) (AFP) - Texte")
@example("Texte. (AFP) (Reuters)")
def test_agency_tag_shortcuts_find_what_the_patterns_find(text: str) -> None:
    from alireader.core import boilerplate

    leading = boilerplate.LEADING_AGENCY.match(text)
    found = boilerplate.leading_agency(text)
    assert (found and (found.span(), found["source"])) == (
        leading and (leading.span(), leading["source"])
    )
    # The trailing tag is found from its "(": the same tag, without the spaces before it.
    trailing = boilerplate.TRAILING_AGENCY.search(text)
    found = boilerplate.trailing_agency(text)
    assert (found is None) == (trailing is None)
    if found and trailing:
        assert found["source"] == trailing["source"]
        assert found.group(0).strip() == trailing.group(0).strip()
        assert text[: found.start()].rstrip() == text[: trailing.start()].rstrip()
