"""Article parsing, one kind of scraped-news noise at a time, in French and in English, and the
five bundled seeds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from alireader.core import boilerplate
from alireader.core import parse as parse_module
from alireader.core.models import BlockKind, ParsedText, Removal
from alireader.core.parse import TITLE_MAX_CHARS, parse_article, shorten
from alireader.core.text import fold

LEAD_FR = (
    "Le groupe a annoncé mardi la fermeture de son site de Lyon, qui emploie 300 personnes, "
    "faute de commandes suffisantes depuis le début de l'année."
)
LEAD_EN = (
    "The company said on Tuesday it would close its plant in Ohio, which employs 300 people, "
    "after orders fell sharply over the past year."
)
MORE_FR = "Les syndicats ont dénoncé une décision « brutale » et demandent un plan social."
MORE_EN = "Unions called the decision “brutal” and asked for talks on severance terms."


def parse(*lines: str) -> ParsedText:
    return parse_article("\n".join(lines))


def reasons(parsed: ParsedText) -> dict[str, Removal]:
    return {removed.text: removed.reason for removed in parsed.removed}


def kinds(parsed: ParsedText) -> list[BlockKind]:
    return [block.kind for block in parsed.blocks]


# --- Titles ---------------------------------------------------------------------------------


def test_title_line_is_taken_out_of_the_body() -> None:
    parsed = parse("Le site de Lyon fermera en juin", "", LEAD_FR)
    assert parsed.title == "Le site de Lyon fermera en juin"
    assert not parsed.title_inferred
    assert parsed.body == LEAD_FR
    assert reasons(parsed)["Le site de Lyon fermera en juin"] is Removal.TITLE


@pytest.mark.parametrize(
    "copy",
    [
        "Le site de Lyon fermera en juin",
        "LE SITE DE LYON FERMERA EN JUIN",
        "Le site de Lyon fermera en juin.",
        "Le site de Lyon fermera en juin - Le Progrès",
        "Le site de Lyon fermera en juin | Ouest-France",
    ],
)
def test_repeated_title_lines_are_removed(copy: str) -> None:
    parsed = parse("Le site de Lyon fermera en juin", "", copy, copy, "", LEAD_FR)
    assert parsed.body == LEAD_FR
    assert [r.reason for r in parsed.removed].count(Removal.REPEATED) == 2


def test_title_repeated_as_a_caption_is_a_caption() -> None:
    parsed = parse("Plant closure in Ohio", "Plant closure in Ohio © Getty Images", "", LEAD_EN)
    assert parsed.body == LEAD_EN
    assert reasons(parsed)["Plant closure in Ohio © Getty Images"] is Removal.CAPTION


@pytest.mark.parametrize(
    "title",
    [
        "VIDÉO. Tempête : des rafales à 180 km/h sur le littoral",
        "EXCLUSIF. Le plan secret du gouvernement pour l'hiver",
        "DIRECT. Suivez la réunion des ministres européens",
    ],
)
def test_a_capitalised_kicker_belongs_to_the_title(title: str) -> None:
    parsed = parse(title, "", LEAD_FR)
    assert parsed.title == title
    assert not parsed.title_inferred


def test_site_chrome_above_the_title_is_not_the_title() -> None:
    parsed = parse(
        "Aller au contenu principal",
        "Menu",
        "Se connecter",
        "S'abonner",
        "Le site de Lyon fermera en juin",
        "Offrir cet article",
        "",
        LEAD_FR,
    )
    assert parsed.title == "Le site de Lyon fermera en juin"
    assert parsed.body == LEAD_FR


def test_no_title_line_infers_a_heading_above_the_first_paragraph() -> None:
    # "Lyon" is a dateline word, too short to be the title line or a rubric.
    parsed = parse("Lyon", "Fermeture annoncée", "", LEAD_FR, "", MORE_FR)
    assert parsed.title == "Fermeture annoncée"
    assert parsed.title_inferred
    assert BlockKind.HEADING in kinds(parsed)  # the heading stays in the body


def test_a_section_heading_below_the_lead_is_not_the_inferred_title() -> None:
    lead = (
        "Le géant de la distribution a publié jeudi des résultats en net recul, plombés par "
        "la fermeture de plusieurs hypermarchés en région parisienne."
    )
    parsed = parse(
        lead,
        "",
        "Le titre a chuté de 8 % à la Bourse de Paris dès l'ouverture.",
        "",
        "Un pari manqué",
        "",
        "Le groupe avait misé sur le commerce en ligne, sans rattraper ses concurrents.",
    )
    assert parsed.title_inferred
    assert parsed.title != "Un pari manqué"
    assert lead.startswith(parsed.title.rstrip("…"))
    assert "Un pari manqué" in parsed.body


def test_a_heading_repeated_as_the_picture_caption_is_the_inferred_title() -> None:
    # Sites caption the lead picture with the headline, even below a short lead (seed 002).
    parsed = parse(
        "Le groupe a choisi de fermer son site historique, malgré les protestations.",
        "",
        "Ceux qui y travaillaient depuis vingt ans disent leur amertume.",
        "",
        "Une usine qui ferme ses portes",
        "Une usine qui ferme ses portes © Jean Dupont / Maxppp",
        "",
        "Les 300 salariés seront reclassés dans d'autres sites du groupe, a assuré la direction.",
    )
    assert parsed.title == "Une usine qui ferme ses portes"
    assert parsed.title_inferred


def test_a_text_of_one_line_keeps_it_as_its_body() -> None:
    parsed = parse("Short brief")
    assert parsed.body == "Short brief"
    assert parsed.title == "Short brief"
    assert parsed.title_inferred


@pytest.mark.parametrize(
    "title",
    ["iPhone 15 : Apple adopte enfin l'USB-C", "eBay supprime 1 000 postes en Europe"],
)
def test_a_title_may_start_with_a_lowercase_brand(title: str) -> None:
    parsed = parse(title, "", LEAD_FR)
    assert parsed.title == title
    assert not parsed.title_inferred
    assert parsed.body == LEAD_FR


def test_no_title_and_no_heading_infers_the_lead_cut_at_a_word_boundary() -> None:
    parsed = parse(LEAD_EN, "", MORE_EN)
    assert parsed.title_inferred
    assert len(parsed.title) <= TITLE_MAX_CHARS
    assert parsed.title.endswith("…")
    assert LEAD_EN.startswith(parsed.title[:-1])
    assert LEAD_EN[len(parsed.title) - 1] == " "  # cut between two words


def test_a_short_lead_sentence_is_the_whole_inferred_title() -> None:
    parsed = parse("Le site ferme.La suite est incertaine pour les 300 salariés du groupe.")
    assert parsed.title == "Le site ferme."
    assert parsed.title_inferred


def test_a_date_line_above_the_title_is_no_title() -> None:
    parsed = parse("Publié le 3 février 2022 à 07h15", "Le site de Lyon fermera en juin", LEAD_FR)
    assert parsed.title == "Le site de Lyon fermera en juin"
    assert parsed.date == "2022-02-03"


def test_shorten() -> None:
    assert shorten("court", 100) == "court"
    assert shorten("un deux trois quatre", 12) == "un deux…"
    assert shorten("anticonstitutionnellement", 10) == "anticonst…"
    assert len(shorten("mot " * 100, TITLE_MAX_CHARS)) <= TITLE_MAX_CHARS


# --- Category -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "category"),
    [
        ("Économie", "Économie"),
        ("Faits divers", "Faits divers"),
        ("World", "World"),
        ("Accueil > Économie > Entreprises", "Entreprises"),
        ("Home › News › Local", "Local"),
        ("Rubrique : Santé", "Santé"),
    ],
)
def test_category_line_above_the_title(line: str, category: str) -> None:
    parsed = parse(line, "", "Le site de Lyon fermera en juin prochain", "", LEAD_FR)
    assert parsed.category == category
    assert parsed.title == "Le site de Lyon fermera en juin prochain"
    assert parsed.body == LEAD_FR


def test_short_title_above_a_byline_is_not_a_category() -> None:
    parsed = parse("Lyon : fermeture", "Par Jean Dupont et Marie Curie", "", LEAD_FR)
    assert parsed.title == "Lyon : fermeture"
    assert parsed.category is None
    assert parsed.author == "Jean Dupont et Marie Curie"


# --- Bylines --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "author", "source", "date"),
    [
        ("Par Claire Fontaine", "Claire Fontaine", None, None),
        ("Written by Stephane Leroy", "Stephane Leroy", None, None),
        ("By Jane Doe and John Roe, Reuters", "Jane Doe and John Roe", "Reuters", None),
        ("By Anna Kowalski, Associated Press", "Anna Kowalski", "Associated Press", None),
        ("Par Sophie Lefèvre et Antoine Girard", "Sophie Lefèvre et Antoine Girard", None, None),
        ("Propos recueillis par Léa Marchand", "Léa Marchand", None, None),
        ("Posted by Mark Ellison on March 9, 2022", "Mark Ellison", None, "2022-03-09"),
        ("By Rhys Morgan | 2 May 2023", "Rhys Morgan", None, "2023-05-02"),
        ("Par Jean-Luc d'Arras, le 12/03/2021 à 10h32", "Jean-Luc d'Arras", None, "2021-03-12"),
        ("Par Jean Dupont avec AFP", "Jean Dupont", "AFP", None),
        ("Par Marie Curie, envoyée spéciale à Kiev", "Marie Curie", None, None),
        ("By The Associated Press", None, "Associated Press", None),
        ("Par AFP", None, "AFP", None),
        # A date label ends the names; the agency may be in brackets; other labels.
        ("Par Jean Dupont Publié le 12/03/2021 à 10h32", "Jean Dupont", None, "2021-03-12"),
        ("Par Jean Dupont (avec AFP)", "Jean Dupont", "AFP", None),
        ("Par Jean Dupont (AFP)", "Jean Dupont", "AFP", None),
        ("Par Marie Curie (envoyée spéciale à Kiev)", "Marie Curie", None, None),
        ("Publié le 12 mars 2021 par Jean Dupont", "Jean Dupont", None, "2021-03-12"),
        ("Published March 3, 2021 by Jane Doe", "Jane Doe", None, "2021-03-03"),
        ("Écrit par Léa Marchand", "Léa Marchand", None, None),
        ("Ecrit par Léa Marchand", "Léa Marchand", None, None),
        ("Rédigé par Léa Marchand", "Léa Marchand", None, None),
        ("Posté par Léa Marchand", "Léa Marchand", None, None),
    ],
)
def test_bylines(line: str, author: str | None, source: str | None, date: str | None) -> None:
    parsed = parse("Le site de Lyon fermera en juin", line, "", LEAD_FR)
    assert (parsed.author, parsed.source, parsed.date) == (author, source, date)
    assert parsed.body == LEAD_FR
    assert reasons(parsed)[line] is Removal.BYLINE


@pytest.mark.parametrize(
    "line",
    [
        "Par ailleurs, le ministre a annoncé une aide de 150 millions d'euros.",
        "Par la suite, la direction a promis un plan de reclassement.",
        "By Friday, the airline had cancelled more than 400 flights.",
        "By March 2022, the plant had closed for good.",
        "By contrast, the rival group kept all its sites open.",
    ],
)
def test_prose_starting_like_a_byline_stays(line: str) -> None:
    parsed = parse("Le site de Lyon fermera en juin", line, "", LEAD_FR)
    assert parsed.author is None
    assert parsed.blocks[0].text == line


@pytest.mark.parametrize(
    ("line", "source"),
    [
        ("La rédaction", None),
        ("La rédaction avec AFP", "AFP"),
        ("Par Le Monde avec AFP", "Le Monde"),
        ("By The Guardian", "The Guardian"),
    ],
)
def test_newsroom_and_publication_bylines(line: str, source: str | None) -> None:
    parsed = parse("Le site de Lyon fermera en juin", line, "", LEAD_FR)
    assert parsed.author is None
    assert parsed.source == source
    assert parsed.body == LEAD_FR


def test_byline_labels_start_with_the_cheap_initials_check() -> None:
    # The initials are derived from the labels; every label must get past the first check.
    for label in parse_module._BYLINE_LABELS + parse_module._DATE_LABELS:
        assert label[:1] in parse_module._BYLINE_INITIALS
        assert label[:1].upper() in parse_module._BYLINE_INITIALS
    assert "E" in parse_module._BYLINE_INITIALS  # "Ecrit par", without its accent


def test_words_that_are_no_names_can_all_start_a_name() -> None:
    # An entry that the name pattern cannot match as a first word would be dead.
    name_word = re.compile(parse_module._NAME_WORD)
    for word in parse_module._NOT_NAMES:
        assert name_word.fullmatch(word), word
    assert parse("Le site de Lyon fermera en juin", "By Monday", "", LEAD_EN).author is None


def test_a_signature_at_the_end_is_a_byline() -> None:
    parsed = parse(
        "Le site de Lyon fermera en juin", "", LEAD_FR, "", MORE_FR, "", "Par Jean Dupont"
    )
    assert parsed.author == "Jean Dupont"
    assert "Jean Dupont" not in parsed.body


def test_wire_credits_are_removed() -> None:
    credit = "Reporting by Jane Doe in London; Editing by Mark Potter"
    parsed = parse("Plant closure in Ohio", "", LEAD_EN, "", credit)
    assert parsed.body == LEAD_EN
    assert reasons(parsed)[credit] is Removal.BYLINE


# --- Dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Publié le 12/03/2021 à 10h32 Mis à jour le 12/03/2021 à 14h05", "2021-03-12"),
        ("Le 21/09/2021 à 11:05", "2021-09-21"),
        ("Mis à jour le 14 décembre 2022 à 18:40", "2022-12-14"),
        ("March 3, 2021 10:32 AM UTC Updated 2 hours ago", "2021-03-03"),
        ("Published: 14 June 2023, 09:05 BST", "2023-06-14"),
        ("Updated: 11/25/2020 3:15 PM", "2020-11-25"),
        ("December 13, 2023 10:45 AM GMTUpdated 6 min ago", "2023-12-13"),
        ("21 septembre 2021 • 3 min de lecture", "2021-09-21"),
    ],
)
def test_date_lines_give_the_date(line: str, date: str) -> None:
    parsed = parse("Le site de Lyon fermera en juin", line, "", LEAD_FR)
    assert parsed.date == date
    assert parsed.body == LEAD_FR
    assert reasons(parsed)[line] is Removal.DATELINE


def test_a_date_line_without_a_date_is_removed() -> None:
    line = "Publié aujourd’hui à 09h12, modifié à 10h45"
    parsed = parse("Le site de Lyon fermera en juin", line, "", LEAD_FR)
    assert parsed.date is None
    assert reasons(parsed)[line] is Removal.DATELINE


def test_a_date_in_prose_is_kept_and_not_the_article_date() -> None:
    line = "Le 12 mars 2021, le gouvernement a présenté un plan de relance de 100 milliards."
    parsed = parse("Le plan de relance présenté", "", line)
    assert parsed.body == line
    assert parsed.date is None


def test_bare_dates_in_a_timeline_are_headings_not_the_article_date() -> None:
    parsed = parse(
        "Covid-19 : retour sur les premières semaines de l'épidémie en France",
        "",
        "Il y a trois ans, le pays découvrait un virus venu de Chine. Retour sur les dates clés.",
        "",
        "24 janvier 2020",
        "",
        "Les trois premiers cas sont confirmés en France, à Bordeaux et à Paris.",
        "",
        "17 mars 2020",
        "",
        "Le confinement entre en vigueur à midi sur tout le territoire.",
    )
    assert parsed.date is None
    headings = [block.text for block in parsed.blocks if block.kind is BlockKind.HEADING]
    assert headings == ["24 janvier 2020", "17 mars 2020"]


def test_bare_dates_in_the_header_and_the_footer_are_still_date_lines() -> None:
    parsed = parse(
        "Le site de Lyon fermera en juin", "3 février 2022", "", LEAD_FR, "", "5 février 2022"
    )
    assert parsed.date == "2022-02-03"
    assert parsed.body == LEAD_FR
    assert reasons(parsed)["5 février 2022"] is Removal.DATELINE


def test_a_labelled_date_line_in_the_body_is_still_metadata() -> None:
    line = "Mis à jour le 14 décembre 2022 à 18:40"
    parsed = parse("Le site de Lyon fermera en juin", "", LEAD_FR, "", line, "", MORE_FR)
    assert parsed.body == LEAD_FR + "\n\n" + MORE_FR
    assert parsed.date == "2022-12-14"


def test_year_headings_in_the_body_stay() -> None:
    parsed = parse(
        "La Grande Guerre racontée par les lettres d'un poilu",
        "",
        "Un historien publie la correspondance d'un soldat breton, retrouvée à Morlaix.",
        "",
        "1914",
        "",
        "Jean-Marie part au front en août, persuadé d'être rentré pour Noël.",
        "",
        "1916",
        "",
        "À Verdun, ses lettres se font plus rares et plus sombres.",
    )
    headings = [block.text for block in parsed.blocks if block.kind is BlockKind.HEADING]
    assert headings == ["1914", "1916"]


def test_a_lone_number_in_the_header_or_footer_is_debris() -> None:
    parsed = parse("Le site de Lyon fermera en juin", "2019", "", LEAD_FR, "", "2023")
    assert parsed.body == LEAD_FR
    assert reasons(parsed)["2019"] is Removal.DEBRIS
    assert reasons(parsed)["2023"] is Removal.DEBRIS


def test_the_dispatch_dateline_dates_the_article() -> None:
    parsed = parse("Le site de Lyon fermera", "", "LYON, 3 mars 2021 (AFP) - " + LEAD_FR)
    assert parsed.source == "AFP"
    assert parsed.date == "2021-03-03"
    assert parsed.body.startswith("LYON, 3 mars 2021 - Le groupe")


# --- Source tags ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "body_start"),
    [
        ("Paris (AFP) - " + LEAD_FR, "AFP", "Paris - Le groupe"),
        ("LONDON (Reuters) - " + LEAD_EN, "Reuters", "LONDON - The company"),
        ("(Reuters) - " + LEAD_EN, "Reuters", "- The company"),
        ("WASHINGTON (AP) — " + LEAD_EN, "AP", "WASHINGTON — The company"),
    ],
)
def test_leading_agency_tags(text: str, source: str, body_start: str) -> None:
    parsed = parse("Le site de Lyon fermera", "", text)
    assert parsed.source == source
    assert parsed.body.startswith(body_start)
    assert f"({source})" not in parsed.body


def test_the_lead_tag_is_found_after_a_heading_above_the_lead() -> None:
    parsed = parse(
        "Plant closure in Ohio", "", "Key points", "", "DETROIT, May 21 (Reuters) - " + LEAD_EN
    )
    assert parsed.source == "Reuters"
    assert parsed.blocks[1].text.startswith("DETROIT, May 21 - The company")


def test_a_tag_in_the_second_paragraph_is_text() -> None:
    second = "The union (AP) - an odd aside - said nothing."
    parsed = parse("Plant closure in Ohio", "", LEAD_EN, "", second)
    assert parsed.blocks[1].text == second


@pytest.mark.parametrize("tag", ["(AFP)", "(Reuters)", "(AFP/Reuters)", "(AFP et Reuters)"])
def test_trailing_agency_tags(tag: str) -> None:
    parsed = parse("Le site de Lyon fermera", "", LEAD_FR + " " + tag)
    assert parsed.source == tag.strip("()")
    assert parsed.body == LEAD_FR


@pytest.mark.parametrize(
    ("line", "source"),
    [("(avec AFP)", "AFP"), ("With Reuters", "Reuters"), ("Source : AFP", "AFP"), ("AFP", "AFP")],
)
def test_agency_credit_lines(line: str, source: str) -> None:
    parsed = parse("Le site de Lyon fermera", "", LEAD_FR, "", line)
    assert parsed.source == source
    assert parsed.body == LEAD_FR


def test_an_agency_named_in_prose_stays() -> None:
    line = "« Nous fermerons », a déclaré mardi le directeur du site, interrogé par l'AFP."
    parsed = parse("Le site de Lyon fermera", "", line)
    assert parsed.body == line
    assert parsed.source is None


@pytest.mark.parametrize(
    ("line", "source"),
    [
        ("Lire la suite de l'article sur Le Parisien.fr", "Le Parisien.fr"),
        ("Lire la suite sur Les Échos", "Les Échos"),
        ("Lire l’article complet sur Ouest-France", "Ouest-France"),
        ("Read the full story at Reuters.com", "Reuters.com"),
        ("Continue reading on The Verge", "The Verge"),
        ("This article originally appeared on Wired", "Wired"),
    ],
)
def test_read_more_on_a_site_names_the_source(line: str, source: str) -> None:
    parsed = parse("Le site de Lyon fermera", "", LEAD_FR, "", line)
    assert parsed.source == source
    assert parsed.body == LEAD_FR
    assert reasons(parsed)[line] is Removal.SOURCE


@pytest.mark.parametrize("credit", ["Source : l'Insee.", "Source: company filings"])
def test_a_data_credit_stays_in_the_body_and_is_no_source(credit: str) -> None:
    parsed = parse(
        "Le chômage recule à 7,1 % au troisième trimestre",
        "",
        "Le taux de chômage a reculé de 0,2 point au troisième trimestre, selon l'institut.",
        "",
        credit,
        "",
        "Le recul est plus marqué chez les jeunes, qui profitent de l'essor de l'apprentissage.",
        "",
        credit,
    )
    assert parsed.source is None
    assert parsed.body.count(credit) == 2


def test_a_source_label_in_the_footer_naming_a_publication_is_the_source() -> None:
    parsed = parse("Le site de Lyon fermera", "", LEAD_FR, "", "Source : Le Progrès")
    assert parsed.source == "Le Progrès"
    assert parsed.body == LEAD_FR
    assert reasons(parsed)["Source : Le Progrès"] is Removal.SOURCE


def test_a_source_label_never_overrides_an_agency() -> None:
    parsed = parse("Le site de Lyon fermera", "", LEAD_FR + " (AFP)", "", "Source : Le Progrès")
    assert parsed.source == "AFP"
    parsed = parse("Le site de Lyon fermera", "", "Source : Le Progrès", "", LEAD_FR + " (AFP)")
    assert parsed.source == "AFP"


def test_read_more_with_a_headline_is_a_link_not_a_source() -> None:
    parsed = parse("Plant closure in Ohio", "", LEAD_EN, "", "Read more: Why factories close")
    assert parsed.source is None
    assert parsed.body == LEAD_EN


# --- Loader debris, prompts, share bars, promotions -----------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "loading...",
        "Chargement en cours…",
        "Avatar",
        "le",
        "FR",
        "0",
        "…",
        "Advertisement",
        "PUBLICITÉ",
        "Écouter cet article",
        "Listen to this article",
        "Temps de lecture : 3 min",
        "5 min read",
        "Back to top",
    ],
)
def test_loader_debris(line: str) -> None:
    parsed = parse("Le site de Lyon fermera", "", LEAD_FR, line, "", MORE_FR)
    assert parsed.body == LEAD_FR + "\n\n" + MORE_FR
    assert reasons(parsed)[line] is Removal.DEBRIS


@pytest.mark.parametrize(
    "line",
    [
        "Vous devez être membre pour ajouter des commentaires.",
        "Devenez membre, ou connectez-vous.",
        "Aucun commentaire n'est disponible pour l'instant",
        "Ce contenu n'est pas ouvert aux commentaires.",
        "Réagir",
        "3 commentaires",
        "Voir les commentaires",
        "Leave a reply",
        "Comments (12)",
        "12 comments",
        "Log in to comment",
        "Join the conversation",
    ],
)
def test_comment_and_membership_prompts(line: str) -> None:
    parsed = parse("Le site de Lyon fermera", "", LEAD_FR, "", line, "", MORE_FR)
    assert parsed.body == LEAD_FR + "\n\n" + MORE_FR
    assert reasons(parsed)[line] is Removal.COMMENTS


@pytest.mark.parametrize(
    "line",
    [
        "Partager sur Facebook / Twitter / LinkedIn",
        "Partager sur Facebook Partager sur Twitter Partager sur LinkedIn",
        "Partager | Tweeter | Envoyer par e-mail",
        "Share on Facebook",
        "Facebook Twitter LinkedIn Email",
        "Share this article",
        "Share via Email",
        "Imprimer",
    ],
)
def test_share_bars(line: str) -> None:
    parsed = parse("Le site de Lyon fermera", "", LEAD_FR, line, "", MORE_FR)
    assert parsed.body == LEAD_FR + "\n\n" + MORE_FR
    assert reasons(parsed)[line] is Removal.SHARE


@pytest.mark.parametrize(
    "line",
    [
        "Lire aussi : Les usines françaises face à la crise",
        "À lire aussi : Le chômage partiel prolongé",
        "Inscrivez-vous à notre newsletter Économie",
        "Abonnez-vous pour lire la suite",
        "Réservé aux abonnés",
        "Mots-clés : industrie, emploi",
        "Sign up for our weekly newsletter",
        "Related: Why factories close",
        "Tags: industry, jobs",
        "Our Standards: The Trust Principles.",
    ],
)
def test_promotions(line: str) -> None:
    parsed = parse("Le site de Lyon fermera", "", LEAD_FR, line, "", MORE_FR)
    assert parsed.body == LEAD_FR + "\n\n" + MORE_FR
    assert reasons(parsed)[line] is Removal.PROMO


@pytest.mark.parametrize("label", ["Lire aussi :", "À lire aussi", "Related:", "Read more"])
def test_headline_links_after_a_related_label(label: str) -> None:
    links = ["Les usines françaises face à la crise", "Le chômage partiel prolongé ?"]
    parsed = parse("Le site de Lyon fermera", "", LEAD_FR, "", label, *links, "", MORE_FR)
    assert parsed.body == LEAD_FR + "\n\n" + MORE_FR
    assert all(reasons(parsed)[link] is Removal.PROMO for link in links)


@pytest.mark.parametrize("gap", [[], [""]])
def test_a_related_label_does_not_eat_a_section_heading(gap: list[str]) -> None:
    heading = "Un plan social contesté"
    parsed = parse("Le site de Lyon fermera", "", LEAD_FR, "Lire aussi :", *gap, heading, MORE_FR)
    assert parsed.body == LEAD_FR + "\n\n" + heading + "\n\n" + MORE_FR
    assert kinds(parsed)[1] is BlockKind.HEADING


def test_a_related_label_does_not_eat_the_next_paragraph() -> None:
    parsed = parse("Le site de Lyon fermera", "", LEAD_FR, "", "Lire aussi :", MORE_FR)
    assert parsed.body == LEAD_FR + "\n\n" + MORE_FR


@pytest.mark.parametrize(
    "line",
    [
        "Nous utilisons des cookies pour vous garantir la meilleure expérience sur notre site.",
        "We use cookies to improve your experience. By continuing, you agree to their use.",
        "Accept all cookies",
        "Tout accepter",
        "Continuer sans accepter",
        "Manage preferences",
        "Paramétrer les cookies",
        "By clicking “Accept all cookies”, you agree to the storing of cookies on your device.",
        "En poursuivant votre navigation sur ce site, vous acceptez l'utilisation de cookies.",
        "This website uses cookies to ensure you get the best experience.",
        "Nous utilisons des cookies pour vous proposer des publicités selon vos centres d'intérêt.",
        "Politique de cookies",
    ],
)
def test_cookie_consent_banners(line: str) -> None:
    parsed = parse(line, "Le site de Lyon fermera en juin", "", LEAD_FR)
    assert parsed.title == "Le site de Lyon fermera en juin"
    assert parsed.body == LEAD_FR


def test_a_long_cookie_banner_is_still_a_banner() -> None:
    banner = (
        "Nous et nos partenaires utilisons des cookies et technologies similaires pour "
        "stocker et accéder à des informations sur votre appareil, mesurer l'audience, "
    ) * 4
    parsed = parse(banner, "Le site de Lyon fermera en juin", "", LEAD_FR)
    assert parsed.body == LEAD_FR


def test_a_news_story_about_cookies_keeps_every_paragraph() -> None:
    paragraphs = [
        "La CNIL a sanctionné jeudi Google, estimant que les internautes ne pouvaient pas "
        "refuser les cookies aussi facilement que les accepter.",
        "En continuant leur navigation, les utilisateurs étaient réputés accepter les cookies "
        "publicitaires, a relevé la CNIL dans sa délibération.",
        'Meta had said: "We use cookies to personalise ads." Regulators disagreed.',
        "Le bandeau indiquait : « Nous utilisons des cookies pour vous offrir une meilleure "
        "expérience. En continuant, vous acceptez leur utilisation. » Une formule trompeuse.",
        "« We use cookies to improve your experience », the banner read, according to the "
        "complaint filed in Dublin.",
        "By continuing to browse, users were deemed to have accepted cookies, the regulator found.",
    ]
    lines = ["Amende record pour Google"]
    for paragraph in paragraphs:
        lines += ["", paragraph]
    parsed = parse(*lines)
    assert [block.text for block in parsed.blocks] == paragraphs


def test_prose_about_cookies_stays() -> None:
    line = (
        "La CNIL a infligé une amende de 150 millions d'euros à Google, estimant que refuser "
        "les cookies n'était pas aussi simple que les accepter."
    )
    parsed = parse("Amende record pour Google", "", line)
    assert parsed.body == line


# --- Captions and footers -------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Photo : Julien Mercier / AFP",
        "© Reuters",
        "© Reuters. FILE PHOTO: A technician inspects a silicon wafer.",
        "Le maire lors de la cérémonie. © Maxppp - Jean Dupont",
        "Photo: Anders Nilsson/Getty Images",
        "Crédit photo : Jean Dupont",
        "The ferry at its berth in the harbour. Photo: Rhys Morgan",
        "Getty Images",
        "AFP/Archives",
        "Illustration - Sipa",
    ],
)
def test_photo_captions(line: str) -> None:
    parsed = parse("Le site de Lyon fermera", "", LEAD_FR, line, "", MORE_FR)
    assert parsed.body == LEAD_FR + "\n\n" + MORE_FR
    assert reasons(parsed)[line] is Removal.CAPTION


@pytest.mark.parametrize(
    "line",
    [
        "© 2023 AFP",
        "Copyright 2020 The Associated Press. All rights reserved.",
        "Tous droits réservés",
    ],
)
def test_copyright_footers(line: str) -> None:
    parsed = parse("Le site de Lyon fermera", "", LEAD_FR, "", line)
    assert parsed.body == LEAD_FR
    assert reasons(parsed)[line] is Removal.FOOTER


@pytest.mark.parametrize(
    "line",
    [
        "Regulators may now impose (a) fines, (b) temporary bans and (c) criminal referrals "
        "on firms that sell location data.",
        "Le texte prévoit (c) une taxe sur les transactions.",
        "Le règlement distingue trois cas : (a) les données anonymes, (b) les données "
        "pseudonymes, (c) Les données personnelles.",
    ],
)
def test_an_enumeration_with_c_is_text(line: str) -> None:
    parsed = parse("Plant closure in Ohio", "", LEAD_EN, "", line, "", MORE_EN)
    assert line in parsed.body


@pytest.mark.parametrize(
    "line", ["(c) 2021 Example Media", "Le port de Brest au petit matin (c) Jean Dupont / Maxppp"]
)
def test_a_written_out_copyright_sign_is_a_caption_or_footer(line: str) -> None:
    parsed = parse("Le site de Lyon fermera", "", LEAD_FR, line, "", MORE_FR)
    assert parsed.body == LEAD_FR + "\n\n" + MORE_FR


def test_short_scraps_after_the_last_paragraph_are_footer() -> None:
    parsed = parse("Le site de Lyon fermera", "", LEAD_FR, "", "L'équipe", "Suivre l'émission")
    assert parsed.body == LEAD_FR


def test_the_footer_trim_never_removes_the_whole_body() -> None:
    parsed = parse_article("Short brief", title="Brèves")
    assert parsed.body == "Short brief"


@pytest.mark.parametrize(
    "ending",
    [
        ["Ingrédients", "", "4 pommes", "150 g de farine", "Sel"],
        ["Pour la garniture :", "", "Poireaux", "Crème fraîche", "Gruyère râpé"],
        ["Pour la garniture :", "Poireaux", "Crème fraîche"],
        ["", "- Poireaux", "- Crème fraîche"],
    ],
)
def test_a_final_list_is_not_a_footer(ending: list[str]) -> None:
    parsed = parse(
        "Tarte fine aux poireaux",
        "",
        "Une recette de saison, à servir tiède avec une salade verte.",
        "",
        *ending,
    )
    for line in ending:
        assert line in parsed.body
    assert not any(removed.reason is Removal.FOOTER for removed in parsed.removed)


def test_short_lines_glued_to_the_last_paragraph_are_not_a_footer() -> None:
    parsed = parse("Le site de Lyon fermera", "", LEAD_FR, "Sel et poivre", "Huile d'olive")
    assert "Huile d'olive" in parsed.body


# --- Body structure -------------------------------------------------------------------------


def test_headings_inside_the_body() -> None:
    parsed = parse(
        "Le site de Lyon fermera",
        "",
        LEAD_FR,
        "",
        "Des commandes en chute libre",
        "",
        MORE_FR,
        "",
        "Quel avenir pour les salariés ?",
        "",
        LEAD_FR[:80] + ".",
    )
    assert kinds(parsed) == [
        BlockKind.PARAGRAPH,
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
    ]
    assert parsed.blocks[3].text == "Quel avenir pour les salariés ?"


@pytest.mark.parametrize(
    "line",
    [
        "Les salariés ont été reçus par la direction.",  # final punctuation
        "les salariés en colère",  # starts in lowercase
        "Il pleut. Il vente",  # two sentences
    ],
)
def test_lines_that_are_not_headings(line: str) -> None:
    parsed = parse("Le site de Lyon fermera", "", LEAD_FR, "", line, "", MORE_FR)
    assert kinds(parsed) == [BlockKind.PARAGRAPH] * 3


def test_paragraphs_are_joined_by_one_blank_line() -> None:
    parsed = parse("Le site de Lyon fermera", "", "", "", LEAD_FR, "", "", "", "", MORE_FR, "")
    assert parsed.body == LEAD_FR + "\n\n" + MORE_FR


def test_hard_wrapped_paragraphs_are_rejoined() -> None:
    wrapped = [
        "The company said on Tuesday it would close its plant in Ohio, which",
        "employs 300 people, after orders fell sharply over the past year and",
        "the parent group failed to find a buyer for the site despite months",
        "of talks with three potential investors from Europe and from Asia.",
    ]
    parsed = parse("Plant closure in Ohio", "", *wrapped, "", *wrapped)
    assert len(parsed.blocks) == 1 or parsed.blocks[0].text == " ".join(wrapped)
    assert parsed.blocks[0].text == " ".join(wrapped)


def test_a_brief_of_one_sentence_lines_is_not_hard_wrapped() -> None:
    lines = [
        "Winds of up to 150 km/h are expected on the Finistère coast from Thursday morning.",
        "Schools closed",
        "All schools in Finistère and Côtes-d'Armor will stay shut on Thursday and Friday.",
        "The prefecture has asked residents to stay at home and to avoid all travel.",
        "Trains cancelled",
        "The SNCF has cancelled every regional train in Brittany until Friday noon at least.",
    ]
    parsed = parse("Storm Ciarán: Brittany on red alert", "", *lines)
    assert [block.text for block in parsed.blocks] == lines
    assert kinds(parsed).count(BlockKind.HEADING) == 2


def test_a_heading_glued_into_hard_wrapped_text_stays_a_heading() -> None:
    parsed = parse(
        "Inondations : la Vilaine en crue",
        "",
        "Les services de l'État ont ouvert un centre de crise à Rennes dans la soirée,",
        "alors que le niveau de la Vilaine continuait de monter après trois jours de pluie",
        "ininterrompue sur l'ensemble du bassin versant, selon les relevés de Vigicrues.",
        "Des évacuations",
        "Plusieurs centaines d'habitants des quartiers bas de Redon ont été invités à",
        "quitter leur domicile avant minuit, a indiqué la préfecture dans un communiqué.",
    )
    assert [block.kind for block in parsed.blocks] == [
        BlockKind.PARAGRAPH,
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
    ]
    assert parsed.blocks[1].text == "Des évacuations"
    assert parsed.blocks[0].text.endswith("selon les relevés de Vigicrues.")


def test_a_line_cut_mid_sentence_continues_its_paragraph() -> None:
    parsed = parse("Le site de Lyon fermera", "", LEAD_FR[:70], LEAD_FR[70:].lstrip())
    assert parsed.body == LEAD_FR[:70] + " " + LEAD_FR[70:].lstrip()


def test_glued_sentences_are_kept_as_written() -> None:
    text = "Le site ferme ses portes en juin.Quelques salariés seront reclassés à Lyon."
    parsed = parse("Le site de Lyon fermera", "", text)
    assert parsed.body == text


def test_typography_is_kept() -> None:
    text = "Les ventes ont reculé de 14\u00a0% : « une chute », selon lui\u202f; “sharp”, says he."
    parsed = parse("Le site de Lyon fermera", "", text)
    assert parsed.body == text


def test_crlf_and_unicode_line_separators() -> None:
    text = "Le site de Lyon fermera\r\n\r\n" + LEAD_FR + "\u2028" + "loading...\r" + MORE_FR
    parsed = parse_article(text)
    assert parsed.title == "Le site de Lyon fermera"
    assert "loading" not in parsed.body
    assert LEAD_FR in parsed.body
    assert MORE_FR in parsed.body


def test_nothing_but_noise_gives_an_empty_body() -> None:
    parsed = parse("loading...", "Avatar", "Partager sur Facebook", "Réagir", "0")
    assert parsed.body == ""
    assert parsed.title == ""
    assert len(parsed.removed) == 5


def test_hints_from_structured_data_win() -> None:
    parsed = parse_article(
        "Un autre titre ici\nPar Jean Dupont\n\n" + LEAD_FR,
        title="Le vrai titre",
        author="Marie Curie",
        source="Le Monde",
        date="2021-03-03",
    )
    assert (parsed.title, parsed.author, parsed.source, parsed.date) == (
        "Le vrai titre",
        "Marie Curie",
        "Le Monde",
        "2021-03-03",
    )
    assert not parsed.title_inferred


# --- Markdown -------------------------------------------------------------------------------


def test_markdown_front_matter_headings_images_links_and_emphasis() -> None:
    text = "\n".join(
        [
            "---",
            'title: "Le site de Lyon fermera"',
            "author: Jean Dupont",
            "date: 2021-03-03",
            "---",
            "# Le site de Lyon fermera",
            "",
            "![Une usine](https://example.org/usine.jpg)",
            "",
            "Le groupe a *enfin* annoncé la **fermeture** de son site, selon [Le Monde](https://x.y).",
            "",
            "## Les salariés inquiets",
            "",
            "*Par Marie Curie*",
            "",
            "Un plan_social_prévu reste _à négocier_.",
        ]
    )
    parsed = parse_article(text, markdown=True)
    assert parsed.title == "Le site de Lyon fermera"
    assert parsed.author == "Jean Dupont"
    assert parsed.date == "2021-03-03"
    assert parsed.body == (
        "Le groupe a enfin annoncé la fermeture de son site, selon Le Monde."
        "\n\nLes salariés inquiets\n\nUn plan_social_prévu reste à négocier."
    )
    assert kinds(parsed)[1] is BlockKind.HEADING
    removed = [r.text for r in parsed.removed]
    assert "![Une usine](https://example.org/usine.jpg)" in removed
    assert "*Par Marie Curie*" in removed  # removed lines are shown as written


def test_a_markdown_rule_pair_is_not_front_matter() -> None:
    text = "\n".join(
        [
            "---",
            "",
            "# Le tramway de Brest prolongé jusqu'à Guipavas",
            "",
            "Le conseil métropolitain a voté lundi soir le prolongement de la ligne A.",
            "",
            "---",
            "",
            "Les travaux doivent commencer au printemps.",
        ]
    )
    parsed = parse_article(text, markdown=True)
    assert parsed.title == "Le tramway de Brest prolongé jusqu'à Guipavas"
    assert parsed.body == (
        "Le conseil métropolitain a voté lundi soir le prolongement de la ligne A."
        "\n\nLes travaux doivent commencer au printemps."
    )


def test_front_matter_may_hold_lists_and_multi_line_values() -> None:
    text = "\n".join(
        [
            "---",
            "title: Le tramway de Brest prolongé",
            "tags:",
            "  - transport",
            "  - brest",
            "summary: >",
            "  Un résumé écrit",
            "  sur deux lignes.",
            "---",
            "Le conseil a voté le prolongement.",
        ]
    )
    parsed = parse_article(text, markdown=True)
    assert parsed.title == "Le tramway de Brest prolongé"
    assert parsed.body == "Le conseil a voté le prolongement."


# --- The recognisers on their own -----------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        LEAD_FR,
        LEAD_EN,
        MORE_FR,
        MORE_EN,
        "Une boutique Aliexpress pour bientôt?",
        "Comment expliquer ce succès ? Les analystes avancent plusieurs raisons.",
        "Les commentaires du ministre ont été mal reçus par les syndicats.",
        "Il a partagé sur Facebook une photo de son chien.",
        "Newsletter et réseaux sociaux ont été mobilisés pour la campagne.",
        "Tous droits réservés, précise l'éditeur, qui refuse toute reproduction.",
        "Sign up numbers rose by 20% in March, the company said.",
        "Read more books, the minister urged students on Monday.",
        "Related parties must disclose their stakes, the regulator said.",
        "Copyright law is being rewritten in Brussels.",
        "Photo finish in the Senate as the bill passes by one vote.",
        "Le site utilise des cookies tiers, a reconnu la CNIL dans sa décision.",
        "Accepter la défaite n'est jamais facile pour un champion.",
        "Home prices rose again in March.",
        "Sujet brûlant",
        "Oui",
        "Non.",
        'Meta had said: "We use cookies to personalise ads." Regulators disagreed.',
        "Regulators may now impose (a) fines, (b) temporary bans and (c) criminal referrals.",
        "Sel",
        "Été",
    ],
)
def test_classify_noise_leaves_prose_alone(line: str) -> None:
    assert boilerplate.classify_noise(line, fold(line)) is None


@pytest.mark.parametrize(
    "line",
    [
        "Partager l'article",
        "Copier le lien",
        "Partager sur X (ex-Twitter)",
        "Imprimer l'article",
        "(Crédit : Jean Dupont)",
        "Voir les 12 commentaires",
        "Lire la suite",
        "Diaporama",
        "Publicité - Continuez la lecture ci-dessous",
        "Advertisement - Scroll to continue",
        "Article sponsorisé",
        "Recevez nos newsletters",
        "Newsletter Économie : recevez l'essentiel",
        "READ MORE »",
        "Most popular",
        "Image 1 of 5",
        "Photo 3/12",
        "(Photo by John Smith/Getty Images)",
        "AP Photo/Evan Vucci",
        "Copyright © 2021 Example Media",
        "Reproduction interdite. Tous droits réservés.",
        "Skip to content",
        "Accueil",
    ],
)
def test_classify_noise_knows_site_furniture(line: str) -> None:
    assert boilerplate.classify_noise(line, fold(line)) is not None


def test_agency_list_is_used_by_the_tags() -> None:
    assert "AFP" in boilerplate.AGENCIES
    assert boilerplate.TRAILING_AGENCY.search("fin. (AFP)")
    assert boilerplate.LEADING_AGENCY.match("PARIS (Reuters) - Texte")


# --- The five seeds -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds() -> dict[str, ParsedText]:
    folder = Path(__file__).resolve().parents[2] / "seeds"
    return {
        path.name[:3]: parse_article(path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.txt"))
    }


def test_seed_titles(seeds: dict[str, ParsedText]) -> None:
    assert seeds["000"].title == (
        "Le chinois Alibaba se sépare du site 11 Main, sa vitrine aux Etats-Unis"
    )
    assert seeds["003"].title == (
        'AliExpress (groupe Alibaba) veut convertir les commerces français au "Double 11"'
    )
    assert seeds["004"].title == "Alibaba pense à ouvrir des magasins Aliexpress en France"
    assert seeds["002"].title == "Alibaba : enfin un concurrent pour Amazon ?"
    for name in ("000", "003", "004"):
        assert not seeds[name].title_inferred
    inferred = seeds["001"]
    assert inferred.title_inferred
    assert inferred.title.startswith("Le géant chinois du commerce en ligne Alibaba")
    assert len(inferred.title) <= TITLE_MAX_CHARS


def test_seed_metadata(seeds: dict[str, ParsedText]) -> None:
    assert seeds["004"].author == "Stephane Leroy"
    assert seeds["004"].category == "Économie"
    assert seeds["000"].source == "Le Parisien.fr"
    assert seeds["003"].source == "AFP"


@pytest.mark.parametrize(
    "boilerplate_text",
    [
        "loading",
        "Avatar",
        "Vous devez être membre",
        "Devenez membre",
        "Aucun commentaire",
        "Lire la suite",
        "©",
        "Mots-clés",
        "Suivre l'émission",
        "L'équipe",
        "ouvert aux commentaires",
        "Written by",
        "(AFP)",
    ],
)
def test_no_boilerplate_in_any_seed_body(
    seeds: dict[str, ParsedText], boilerplate_text: str
) -> None:
    for name, parsed in seeds.items():
        assert boilerplate_text not in parsed.body, name
        for block in parsed.blocks:
            assert block.text not in ("le", "0", "Économie"), name


def test_seed_000_has_no_repeated_title_and_keeps_its_glued_text(
    seeds: dict[str, ParsedText],
) -> None:
    parsed = seeds["000"]
    assert "se sépare du site 11 Main" not in parsed.body
    assert "prendre son essor.Quelques mois" in parsed.body
    assert len(parsed.blocks) == 1


def test_seed_bodies_keep_their_headings(seeds: dict[str, ParsedText]) -> None:
    headings = [b.text for b in seeds["004"].blocks if b.kind is BlockKind.HEADING]
    assert headings == ["Une boutique Aliexpress pour bientôt?", "La stratégie “Alibaba 2.0”"]
    assert [b.kind for b in seeds["002"].blocks].count(BlockKind.HEADING) == 1


def test_a_lone_rubric_above_a_lost_title_does_not_title_the_article() -> None:
    # A page whose title the scraper lost, its rubric kept: the lead names the article.
    parsed = parse("Économie", "", "", "Avatar", "Par Philippe Lymot", "", LEAD_FR, "", MORE_FR)
    assert parsed.title_inferred
    assert parsed.title != "Économie"
    assert LEAD_FR.startswith(parsed.title.removesuffix("…"))
    assert parsed.author == "Philippe Lymot"
    # Nothing is lost: the word stays in the text.
    assert parsed.body.startswith("Économie")
