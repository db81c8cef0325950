"""The built-in entity extractor: patterns, names, consistency, invariants, backend choice."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alireader.core import entities
from alireader.core.entities import LABELS, BuiltinBackend, Entity, SpacyBackend, extract


def found(text: str) -> set[tuple[str, str]]:
    return {(entity.text, entity.label) for entity in extract(text)}


@pytest.mark.parametrize(
    ("text", "expected", "label"),
    [
        # French amounts
        ("Il a levé 200 millions de dollars l'an dernier.", "200 millions de dollars", "MONEY"),
        ("Le PIB atteint 268,4 milliards de yuans.", "268,4 milliards de yuans", "MONEY"),
        (
            "Un budget de 3 milliards 600 millions d'euros.",
            "3 milliards 600 millions d'euros",
            "MONEY",
        ),
        ("Le billet coûte 16 euros.", "16 euros", "MONEY"),
        ("Une amende de 50 000 euros a été requise.", "50 000 euros", "MONEY"),
        ("Un contrat de 12 M€ signé hier.", "12 M€", "MONEY"),
        ("Il faudra deux milliards d'euros.", "deux milliards d'euros", "MONEY"),
        # English amounts
        ("The firm raised $4bn last year.", "$4bn", "MONEY"),
        ("Sales reached €34.7 billion in total.", "€34.7 billion", "MONEY"),
        ("It costs $1 million a year.", "$1 million", "MONEY"),
        ("a deal worth US$5 million", "US$5 million", "MONEY"),
        # percentages, with every space French typography uses
        ("une part de 37,6% du marché", "37,6%", "PERCENT"),
        ("en hausse de 20 % sur un an", "20 %", "PERCENT"),
        ("en hausse de 20\u00a0% sur un an", "20\u00a0%", "PERCENT"),
        ("en hausse de 20\u202f% sur un an", "20\u202f%", "PERCENT"),
        ("up 70 percent from a year earlier", "70 percent", "PERCENT"),
        ("une baisse de 5 pour cent", "5 pour cent", "PERCENT"),
        # French dates
        ("Il a été lancé en juin 2014 à grand bruit.", "juin 2014", "DATE"),
        ("La décision est attendue le 31 mars.", "31 mars", "DATE"),
        ("La cérémonie du 11 novembre a eu lieu.", "11 novembre", "DATE"),
        ("Les ventes de mai 2020 ont chuté.", "mai 2020", "DATE"),
        ("Sur la saison 2014/2015, le club a gagné.", "2014/2015", "DATE"),
        ("Le sommet s'ouvre mardi 3 mars 2020 à midi.", "mardi 3 mars 2020", "DATE"),
        ("Le 1er janvier, tout change.", "1er janvier", "DATE"),
        ("Il l'a dit lundi devant la presse.", "lundi", "DATE"),
        ("depuis les années 1990, rien", "années 1990", "DATE"),
        ("Fondée en 2011, elle emploie", "2011", "DATE"),
        # English dates
        ("The merger closed on March 3, 2020 after a review.", "March 3, 2020", "DATE"),
        ("It opened on 3 March 2020 in the city.", "3 March 2020", "DATE"),
        ("The deal was sealed on Tuesday by both boards.", "Tuesday", "DATE"),
        ("Results are due in September for the group.", "September", "DATE"),
    ],
)
def test_patterns(text: str, expected: str, label: str) -> None:
    assert (expected, label) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ils étaient sept.",  # "sept." is not September
        "May I ask a question?",  # a modal, not a month
        "Le prix a baissé de 3 livres.",  # books, not pounds
    ],
)
def test_lookalikes_are_not_dates_or_amounts(text: str) -> None:
    assert not [e for e in extract(text) if e.label in ("DATE", "MONEY")]


def test_people_places_and_organisations_from_cues() -> None:
    text = (
        "Selon M. Armand Quelvenec, directeur de la Banque de France à Lyon, le groupe "
        "Veltravia a perdu de l'argent. La présidente Odile Marchetti s'est rendue au Japon."
    )
    assert {
        ("Armand Quelvenec", "PER"),
        ("Banque de France", "ORG"),
        ("Lyon", "LOC"),
        ("Veltravia", "ORG"),
        ("Odile Marchetti", "PER"),
        ("Japon", "LOC"),
    } <= found(text)


def test_sentence_initial_words_are_not_names() -> None:
    text = (
        "Mais rien n'est joué. Selon les analystes, la hausse continue. Quelques clients "
        "hésitent. Concrètement, rien ne change."
    )
    assert found(text) == set()


def test_a_name_after_an_opening_word_is_kept() -> None:
    assert ("Armand Quelvenec", "PER") in found("Selon Armand Quelvenec, tout va bien.")


def test_elisions() -> None:
    text = (
        "Le rachat d'Altorvia par la société Brivane a surpris. Les actions de L'Orvalis montent."
    )
    names = found(text)
    assert ("Altorvia", "ORG") in names  # the elided article is not part of the name
    assert ("L'Orvalis", "ORG") in names  # inside a sentence, a capital L' belongs to the name
    assert not any(text.startswith("d'") for text, _ in names)


def test_an_elided_country_opening_a_sentence() -> None:
    assert ("Allemagne", "LOC") in found("L'Allemagne a voté contre le texte.")


def test_consistency_propagates_a_surname() -> None:
    text = (
        "Le président du club, Tristan Kervadec, a démissionné. Kervadec dirigeait le club "
        "depuis dix ans. Les supporters regretteront Kervadec."
    )
    labels = [e.label for e in extract(text) if e.text == "Kervadec"]
    assert labels == ["PER", "PER"]  # the sentence-initial one too


def test_a_word_written_in_lower_case_elsewhere_is_not_a_name() -> None:
    text = "Le marché du Numérique progresse. Le numérique représente une part croissante."
    assert ("Numérique", "ORG") not in found(text)


def test_hyphenated_and_particle_names() -> None:
    names = found(
        "La ministre Ursula von der Leyen a rencontré Jean-Pierre Lacombe à Saint-Étienne."
    )
    assert {
        ("Ursula von der Leyen", "PER"),
        ("Jean-Pierre Lacombe", "PER"),
        ("Saint-Étienne", "LOC"),
    } <= names


def test_french_style_organisation_names_run_on() -> None:
    names = found("Le rapport de la Commission de régulation de l'énergie a été publié.")
    assert ("Commission de régulation de l'énergie", "ORG") in names


def test_english_names() -> None:
    text = "Shares of Coastline Systems fell after Judge Margaret Ellison ruled in Boston."
    assert {
        ("Coastline Systems", "ORG"),
        ("Margaret Ellison", "PER"),
        ("Boston", "LOC"),
    } <= found(text)


def test_dates_cut_capitalised_runs() -> None:
    assert ("Microsoft", "ORG") in found("On Tuesday Microsoft said it would hire.")


def _check_invariants(text: str, result: list[Entity]) -> None:
    previous_end = 0
    for entity in result:
        assert entity.label in LABELS
        assert 0 <= entity.start < entity.end <= len(text)
        assert entity.start >= previous_end, "sorted and non-overlapping"
        assert text[entity.start : entity.end] == entity.text
        # On word boundaries: never a piece of a word.
        if entity.start > 0:
            assert not (text[entity.start - 1].isalnum() and text[entity.start].isalnum())
        if entity.end < len(text):
            assert not (text[entity.end - 1].isalnum() and text[entity.end].isalnum())
        previous_end = entity.end


_PIECES = st.sampled_from(
    [
        "Jean",
        "Dupont",
        "M.",
        "Mme",
        "de",
        "la",
        "Banque",
        "France",
        "Paris",
        "L'",
        "d'",
        "Oréal",
        "200",
        "millions",
        "d'euros",
        "%",
        "37,6",
        "mars",
        "2020",
        "$4bn",
        "€",
        "Selon",
        "Mais",
        ".",
        ",",
        " ",
        "\n",
        "\u00a0",
        "\u202f",
        "«",
        "»",
        "-",
        "'",
        "’",
        "États-Unis",
        "von",
        "der",
        "SA",
        "Inc",
        "groupe",
        "à",
        "le",
        "11",
        "Main",
        "é",
        "ﬁ",
        "\x1b",
        "Tuesday",
        "March",
        "3,",
        "ÉCONOMIE",
        "iPhone",
        "Apple's",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=40).map(" ".join))
def test_any_text_gives_sorted_disjoint_entities_on_word_boundaries(text: str) -> None:
    _check_invariants(text, extract(text))


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_arbitrary_unicode_is_handled(text: str) -> None:
    _check_invariants(text, extract(text))


def test_builtin_is_the_default_without_spacy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(entities, "spacy_available", lambda model=entities.SPACY_MODEL: False)
    chosen = entities.backend("auto")
    assert isinstance(chosen, BuiltinBackend) and chosen.notice is None
    asked = entities.backend("spacy")
    assert isinstance(asked, BuiltinBackend)
    assert asked.notice is not None and "spaCy" in asked.notice
    assert entities.backend("builtin").notice is None


def test_spacy_is_chosen_when_installed_and_loaded_lazily(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(entities, "spacy_available", lambda model=entities.SPACY_MODEL: True)
    chosen = entities.backend("auto")
    assert isinstance(chosen, SpacyBackend)
    assert chosen._nlp is None  # nothing imported until it is used
    assert isinstance(entities.backend("builtin"), BuiltinBackend)


def test_spacy_backend_merges_numeric_entities() -> None:
    class _Span:
        def __init__(self, start: int, end: int, label: str) -> None:
            self.start_char, self.end_char, self.label_ = start, end, label

    class _Doc:
        def __init__(self, ents: list[_Span]) -> None:
            self.ents = ents

    text = "Jean Dupont a payé 300 euros le 3 mars."
    fake = SpacyBackend()
    # spaCy's own "date" (as MISC) overlaps the built-in DATE, which wins.
    fake._nlp = lambda _: _Doc([_Span(0, 11, "PER"), _Span(32, 38, "MISC")])
    result = fake.extract(text)
    assert [(e.text, e.label) for e in result] == [
        ("Jean Dupont", "PER"),
        ("300 euros", "MONEY"),
        ("3 mars", "DATE"),
    ]


def test_unknown_backend_name() -> None:
    with pytest.raises(ValueError):
        entities.backend("nltk")


def test_spacy_availability_is_checked_without_importing(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    assert entities.spacy_available("no_such_model_xyz") is False
    assert "spacy" not in sys.modules or entities.spacy_available() in (True, False)


# --- Third round: organisations named by a lower-case head, clubs of a place, brands ----------


def test_a_lower_case_institution_head_makes_one_organisation() -> None:
    names = found(
        "Le musée d'Ostrevia rouvre. Le ministère de la Culture et le ministère de "
        "l'Éducation nationale financent la fondation des Amis de Vélorne."
    )
    assert {
        ("musée d'Ostrevia", "ORG"),
        ("ministère de la Culture", "ORG"),
        ("ministère de l'Éducation nationale", "ORG"),
        ("fondation des Amis de Vélorne", "ORG"),
    } <= names


def test_a_head_named_after_a_person_stops_before_its_town() -> None:
    names = found("Les élèves du lycée Armand-Quelvenec de Brestoux manifestent.")
    assert ("lycée Armand-Quelvenec", "ORG") in names
    assert not any(text.startswith("lycée") and "Brestoux" in text for text, _ in names)


def test_a_head_keeps_known_places_and_people_apart() -> None:
    names = found("L'université de Lyon et la fondation de Jean Marvault ont signé.")
    assert ("Lyon", "LOC") in names  # an office named after its place: the place
    assert ("Jean Marvault", "PER") in names  # "de" + a person: the person
    assert not any(text.startswith(("université", "fondation")) for text, _ in names)


def test_an_office_of_a_place_gives_the_place() -> None:
    names = found("Le tribunal de Varennelle a jugé l'affaire. Le parquet de Brestoux fait appel.")
    assert {("Varennelle", "LOC"), ("Brestoux", "LOC")} <= names


def test_the_minister_of_a_portfolio_is_still_no_name() -> None:
    assert not any("Mines" in text for text, _ in found("Le ministre des Mines a parlé."))


def test_an_unknown_word_and_a_known_place_make_a_club() -> None:
    names = found("Il arrive du Sporting de Lisbonne après avoir joué pour Racines de France.")
    assert ("Racines de France", "ORG") in names
    assert ("France", "LOC") not in names


def test_a_sentence_opening_word_before_a_place_is_not_a_club() -> None:
    names = found("Arrivée de Paris ce matin, la délégation repart demain.")
    assert ("Paris", "LOC") in names


def test_a_lower_case_brand_with_an_inner_capital() -> None:
    names = found("Elle revend ses objets sur vBazar et achète un iPhone 15. Il consomme 3 kWh.")
    assert ("vBazar", "ORG") in names
    assert ("iPhone 15", "MISC") in names
    assert not any("kWh" in text for text, _ in names)


def test_an_acronym_after_a_preposition_stays_an_organisation() -> None:
    assert ("FNTB", "ORG") in found("Le dossier a été transmis au FNTB mardi.")


def test_where_someone_works_is_an_organisation() -> None:
    names = found("Maria Olsen, an analyst at Quellmark, expects a cut.")
    assert ("Quellmark", "ORG") in names


def test_an_english_place_noun_after_a_name() -> None:
    assert ("Vastoria", "LOC") in found("Storms hit the Vastoria region on Monday.")


def test_a_first_name_that_is_also_a_word_starts_a_person() -> None:
    assert ("Christian Morvelec", "PER") in found("Selon Christian Morvelec, tout est prêt.")


def test_a_name_after_an_opening_article_is_a_name() -> None:
    names = found("Le port est calme. L'Orbalis estime que la saison sera bonne.")
    assert ("Orbalis", "ORG") in names


def test_a_cue_does_not_cross_a_coordination() -> None:
    names = found("Le groupe possède les marques Président et Vallorin.")
    assert ("Vallorin", "PER") not in names


def test_a_long_french_name_runs_through_en_and_et() -> None:
    names = found("L'Institut de recherche en chimie et pharmacologie a publié une étude.")
    assert ("Institut de recherche en chimie et pharmacologie", "ORG") in names


def test_streets_and_landmarks_keep_their_lower_case_head() -> None:
    assert {("rue des Tanneurs", "LOC"), ("palais des Festivals", "LOC")} <= found(
        "Le magasin de la rue des Tanneurs a rouvert près du palais des Festivals."
    )
    assert ("boulevard Anatole-France", "LOC") in found("Il habite boulevard Anatole-France.")
    # A known place after a landmark that is no street: the place alone.
    assert found("La cathédrale de Chartres attire les foules.") == {("Chartres", "LOC")}


def test_awards_and_events_are_misc() -> None:
    assert ("prix Femina", "MISC") in found("Elle a reçu le prix Femina mardi.")
    assert ("Festival de Deauville", "MISC") in found("Le Festival de Deauville s'ouvre.")
    assert ("Festival international de Bayeux", "MISC") in found(
        "Le Festival international de Bayeux a fermé."
    )
    assert ("Miami Open", "MISC") in found("He won the Miami Open last year.")
    assert ("Clean Air Act", "MISC") in found("Congress passed the Clean Air Act.")


def test_a_capitalised_common_word_is_not_a_cased_acronym() -> None:
    assert found("Un entrepôt a brûlé. Us et coutumes.") == set()
    assert ("UN", "ORG") in found("The UN said on Monday it would help.")


def test_a_town_s_people_are_misc() -> None:
    assert ("Nancéiens", "MISC") in found("Les Nancéiens ont gagné samedi.")
    assert ("Quimpérois", "MISC") in found("Les supporters saluent les Quimpérois.")


def test_a_regional_branch_stops_before_its_region() -> None:
    assert {("Direction régionale des douanes", "ORG"), ("Normandie", "LOC")} <= found(
        "La Direction régionale des douanes de Normandie a saisi 2 tonnes."
    )
    assert ("Bibliothèque nationale de France", "ORG") in found(
        "Le manuscrit rejoint la Bibliothèque nationale de France."
    )


def test_a_score_is_no_model_number() -> None:
    assert ("Mené", "MISC") not in found("Mené 2-1 à la pause, le club a réagi.")
    assert not any(text.endswith("6") for text, _ in found("Carlos Ruiz a gagné 6-4, 6-3."))


def test_an_acronym_and_a_person_after_de_stay_apart() -> None:
    assert {("CDU-CSU", "ORG"), ("Friedrich Merz", "PER")} <= found(
        "La victoire de la CDU-CSU de Friedrich Merz est nette."
    )


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(list("0123456789 ,.%$€£/-–:aAeEkKmMsSU\u00a0\u202f'’")),
            # The look-aheads of NUMERIC_AT_DIGIT: words that share a scale's, a currency's
            # or a month's first letters, a code, an ordinal day.
            st.sampled_from(
                [
                    *("mars ", "juin ", "millions ", "euros ", "deux ", "May ", "2020", "Mds"),
                    *("milliards ", "personnes", "de ", "d’", "Dollars", "LIVRES sterling"),
                    *("pour", "cent", "USD", "Main", "1er ", "3rd ", "Mars", "août", "/", "bn"),
                ]
            ),
        ),
        max_size=30,
    ).map("".join)
)
def test_numbers_are_matched_as_the_single_numeric_pattern_would(text: str) -> None:
    from alireader.core.entity_patterns import NUMERIC, NUMERIC_AT_DIGIT, NUMERIC_AT_OTHER

    for start in range(len(text)):
        split = (NUMERIC_AT_DIGIT if text[start].isdigit() else NUMERIC_AT_OTHER).match(text, start)
        whole = NUMERIC.match(text, start)
        assert (whole and (whole.group(), whole.lastgroup)) == (
            split and (split.group(), split.lastgroup)
        )


def test_a_quoted_title_after_a_work_noun_is_misc() -> None:
    assert ("Les Jours heureux", "MISC") in found("Son roman, « Les Jours heureux », paraît.")
    assert ("Lumières du Nord", "MISC") in found("L'exposition « Lumières du Nord » ouvre.")
    # A quotation is no title.
    assert not any(label == "MISC" for _, label in found("« On a gagné », dit Paul Roux."))


def test_a_company_named_after_a_person_after_an_organisation_cue() -> None:
    assert ("Jean Lefebvre", "ORG") in found("Le groupe Jean Lefebvre a signé le contrat.")
    assert ("Jean Lefebvre", "PER") in found("Jean Lefebvre a signé le contrat.")


def test_a_common_noun_opening_a_sentence_is_not_part_of_the_name() -> None:
    assert ("Lufthansa", "ORG") in found("Rival Lufthansa declined to comment.")


def test_clubs_towns_and_bodies_named_after_a_country() -> None:
    assert ("PSV Eindhoven", "ORG") in found("Il a signé au PSV Eindhoven cet été.")
    assert ("Ouest-France", "ORG") in found("Le quotidien Ouest-France l'a révélé.")
    assert ("Flamanville", "LOC") in found("Le chantier de Flamanville a pris du retard.")
    assert {("National Gallery", "ORG"), ("Londres", "LOC")} <= found(
        "Le tableau est prêté par la National Gallery de Londres."
    )


def test_events_with_a_lower_case_head_and_named_storms() -> None:
    assert ("championnats d'Europe", "MISC") in found("Il a gagné aux championnats d'Europe.")
    assert ("Storm Ciara", "MISC") in found("Storm Ciara hit the coast on Sunday.")


def test_possessives_arabic_particles_and_directions() -> None:
    assert {("Canada", "LOC"), ("Competition Bureau", "ORG")} <= found(
        "The deal needs approval from Canada's Competition Bureau."
    )
    assert ("Mohamed al-Kadri", "PER") in found("Le régime de Mohamed al-Kadri est tombé.")
    assert ("Nord-Kivu", "LOC") in found("Les combats ont repris au Nord-Kivu.")
    assert ("La Motte-Servolex", "LOC") in found("Un accident a eu lieu à La Motte-Servolex.")


def test_a_nationality_before_a_person() -> None:
    assert {("Suisse", "MISC"), ("Marc Rossi", "PER")} <= found("Il devance le Suisse Marc Rossi.")


def test_a_short_name_in_brackets_after_an_organisation() -> None:
    assert ("Fnopa", "ORG") in found(
        "La Fédération nationale des opticiens amateurs (Fnopa) proteste."
    )


@given(st.integers(0, 10**6), st.integers(0, 10**6), st.sampled_from(LABELS), st.text())
def test_an_entity_comes_back_equal_from_a_pickle(
    start: int, end: int, label: str, text: str
) -> None:
    # Entities cross from worker processes and into the article cache as pickles.
    import pickle

    entity = Entity(start, end, label, text)
    for protocol in (0, pickle.HIGHEST_PROTOCOL):
        again = pickle.loads(pickle.dumps([entity, entity], protocol))
        assert again == [entity, entity]
        assert type(again[0]) is Entity


@given(
    st.lists(
        st.builds(
            Entity, st.integers(0, 10**6), st.integers(0, 10**6), st.sampled_from(LABELS), st.text()
        )
    )
)
def test_an_article_s_entities_come_back_equal_from_a_pickle(found: list[Entity]) -> None:
    import pickle

    from alireader.core.entities import Entities

    for protocol in (0, pickle.HIGHEST_PROTOCOL):
        again = pickle.loads(pickle.dumps(Entities(found), protocol))
        assert again == found
        assert type(again) is Entities
        assert all(type(entity) is Entity for entity in again)
        assert [hash(entity) for entity in again] == [hash(entity) for entity in found]


def test_a_number_leads_a_name_only_whole() -> None:
    assert ("20 Minutes", "ORG") in found("Le site 20 Minutes l'a révélé.")
    # The last digits of a longer number never start a name inside that number.
    assert all(entity.text[0] != "0" for entity in extract("Le groupe 00000 Jean a signé."))


def test_a_name_keeps_one_label_when_two_cues_disagree_equally() -> None:
    # "AliExpress a annoncé" (an organisation's verb) and "sur AliExpress" (a place's
    # preposition) are cues of equal weight: the first mention's label holds for both.
    text = (
        "AliExpress a annoncé mardi un nouveau service. Les clients achètent sur AliExpress, "
        "la place de marché du groupe, des produits venus de Chine."
    )
    labels = {entity.label for entity in extract(text) if entity.text == "AliExpress"}
    assert labels == {"ORG"}
