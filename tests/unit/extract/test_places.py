"""find_places on written English and French event sentences, with the packaged gazetteer."""

from __future__ import annotations

import pytest

from sitreps.extract.places import find_places


def _places(sentence, gazetteer, excluded=()):
    return [(p.text, p.qualifier, p.level) for p in find_places(sentence, gazetteer, list(excluded))]


@pytest.mark.parametrize(
    "sentence, first",
    [
        ("Gunmen killed five villagers in Gaskindé, near Djibo, on Monday.", "Gaskindé"),
        ("Des hommes armés ont attaqué le village de Gaskindé, près de Djibo.", "Gaskindé"),
        ("Soldiers entered the town of Léré, in the Timbuktu region, on Friday.", "Léré"),
        ("Les soldats ont repris le contrôle de Léré, dans la région de Tombouctou.", "Léré"),
    ],
)
def test_find_places_most_specific_place_comes_first(gazetteer, sentence, first):
    places = find_places(sentence, gazetteer, [])
    assert places[0].text == first
    assert places[0].qualifier == ""
    assert places[0].level == "populated"


@pytest.mark.parametrize(
    "sentence, town",
    [
        ("Gunmen killed five villagers in Gaskindé, near Djibo, on Monday.", "Djibo"),
        ("Soldiers clashed with jihadists outside Djibo.", "Djibo"),
        ("An IED exploded 20 km from Djibo on Tuesday.", "Djibo"),
        ("Des hommes armés ont attaqué le village de Gaskindé, près de Djibo.", "Djibo"),
        ("Une embuscade a eu lieu non loin de Djibo.", "Djibo"),
    ],
)
def test_find_places_near_phrase_gets_near_qualifier(gazetteer, sentence, town):
    assert (town, "near", "populated") in _places(sentence, gazetteer)


@pytest.mark.parametrize(
    "sentence, region",
    [
        ("Soldiers clashed with jihadists in the Tillabéri region.", "Tillabéri"),
        ("Clashes erupted in the Mopti region on Sunday.", "Mopti"),
        ("Des affrontements ont eu lieu dans la région de Tillabéri.", "Tillabéri"),
    ],
)
def test_find_places_region_phrase_gets_region_qualifier(gazetteer, sentence, region):
    places = find_places(sentence, gazetteer, [])
    assert [(p.text, p.qualifier) for p in places] == [(region, "region")]


@pytest.mark.parametrize(
    "sentence, town",
    [
        ("Soldiers retook Léré, in the Timbuktu region, on Friday.", "Léré"),
        ("L'armée a repris Léré vendredi.", "Léré"),
    ],
)
def test_find_places_focus_country_village_wins_over_foreign_homonym(gazetteer, sentence, town):
    assert town in [p.text for p in find_places(sentence, gazetteer, [])]


@pytest.mark.parametrize(
    "sentence, country",
    [
        ("Fighting spread across Mali on Monday.", "Mali"),
        ("Soldiers clashed with militants in Nigeria.", "Nigeria"),
        ("Des combats ont eu lieu au Burkina Faso.", "Burkina Faso"),
    ],
)
def test_find_places_country_names_give_level_country(gazetteer, sentence, country):
    assert (country, "region", "country") in _places(sentence, gazetteer)


@pytest.mark.parametrize(
    "sentence, town, country",
    [
        ("Gunmen killed five villagers in Gaskindé, in Burkina Faso, on Monday.", "Gaskindé", "Burkina Faso"),
        ("Fighting in Mali spread to Djibo.", "Djibo", "Mali"),
        ("Au Niger, des soldats ont été tués à Téra.", "Téra", "Niger"),
    ],
)
def test_find_places_country_ranks_below_towns(gazetteer, sentence, town, country):
    assert [p.text for p in find_places(sentence, gazetteer, [])] == [town, country]


@pytest.mark.parametrize(
    "sentence, person_tail",
    [
        # Traoré, Sidibé and Koné are also villages of Mali and Burkina Faso.
        ("Captain Ibrahim Traoré visited troops on Monday.", "Traoré"),
        ("The minister, Colonel Abdoulaye Sidibé, visited the wounded.", "Sidibé"),
        ("Le capitaine Ibrahim Traoré a rendu visite aux soldats.", "Traoré"),
        ("Spokesman Amadou Koné condemned the attack.", "Koné"),
    ],
)
def test_find_places_person_name_ending_in_village_name_is_not_a_place(gazetteer, sentence, person_tail):
    assert person_tail not in [p.text for p in find_places(sentence, gazetteer, [])]


@pytest.mark.parametrize(
    "sentence, word",
    [
        # "Somé", "Bon" and "Tin" are villages in Burkina Faso and Mali.
        ("Some villagers fled after the raid.", "Some"),
        ("Bon, les soldats sont arrivés à Djibo.", "Bon"),
        ("Tin roofs were burned by the attackers.", "Tin"),
    ],
)
def test_find_places_sentence_initial_common_word_is_not_a_place(gazetteer, sentence, word):
    assert word not in [p.text for p in find_places(sentence, gazetteer, [])]


@pytest.mark.parametrize(
    "sentence, town",
    [
        ("Residents of Tin fled after the raid.", "Tin"),
        ("Soldiers entered Kidal on Monday.", "Kidal"),
        ("Les soldats sont arrivés à Djibo.", "Djibo"),
    ],
)
def test_find_places_village_after_a_locative_is_a_place(gazetteer, sentence, town):
    assert town in [p.text for p in find_places(sentence, gazetteer, [])]


@pytest.mark.parametrize(
    "sentence, actor, skipped",
    [
        ("Mali soldiers attacked a camp at Boni.", "Mali soldiers", "Mali"),
        ("Soldiers of the Djibo garrison repelled an attack in Boni.", "Soldiers of the Djibo garrison", "Djibo"),
        ("Les soldats du Niger ont repoussé une attaque à Boni.", "soldats du Niger", "Niger"),
    ],
)
def test_find_places_places_inside_excluded_actor_spans_are_skipped(gazetteer, sentence, actor, skipped):
    start = sentence.index(actor)
    inside = [p.text for p in find_places(sentence, gazetteer, [])]
    outside = [p.text for p in find_places(sentence, gazetteer, [(start, start + len(actor))])]
    assert skipped in inside
    assert skipped not in outside
    assert "Boni" in outside


@pytest.mark.parametrize(
    "sentence, place",
    [
        ("Gunmen killed five villagers in Gaskindé on Monday.", "Gaskindé"),
        ("Une attaque a visé Nassoumbou (nord).", "Nassoumbou"),
    ],
)
def test_find_places_offsets_index_the_sentence(gazetteer, sentence, place):
    found = next(p for p in find_places(sentence, gazetteer, []) if p.text == place)
    assert sentence[found.start : found.end] == place
