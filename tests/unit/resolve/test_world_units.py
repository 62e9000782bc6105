"""World admin units in the gazetteer: names and their English/French forms, namesakes, country
hints, coordinates, and ``units_in`` over the project's own sentences."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[3] / "scripts"


@pytest.fixture(scope="module")
def world_admin():
    # scripts/ is not a package: load the builder's admin-unit module from its file.
    spec = importlib.util.spec_from_file_location("world_admin", SCRIPTS / "world_admin.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["world_admin"] = module  # dataclasses look their module up there
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules["world_admin"]


@pytest.mark.parametrize(
    ("text", "iso3", "name", "level"),
    [
        ("Borno State", "NGA", "Borno", "admin1"),
        ("Borno", "NGA", "Borno", "admin1"),
        ("Zamfara", "NGA", "Zamfara", "admin1"),
        ("Kano State", "NGA", "Kano", "admin1"),
        ("Niger State", "NGA", "Niger", "admin1"),
        ("North Kivu", "COD", "Nord Kivu", "admin1"),
        ("Nord-Kivu", "COD", "Nord Kivu", "admin1"),
        ("province du Nord-Kivu", "COD", "Nord Kivu", "admin1"),
        ("Khyber Pakhtunkhwa", "PAK", "Khyber Pakhtunkhwa", "admin1"),
        ("Lower Shabelle", "SOM", "Lower Shabeelle", "admin1"),
        ("Far North", "CMR", "Far North", "admin1"),
        ("Extrême-Nord", "CMR", "Far North", "admin1"),
        ("Extreme-Nord", "CMR", "Far North", "admin1"),
        ("Idleb", "SYR", "Idlib", "admin1"),
        ("Unity State", "SSD", "Unity", "admin1"),
        ("Manipur", "IND", "Manipur", "admin1"),
        ("Western Visayas", "PHL", "Western Visayas", "admin1"),
        ("Shan-North", "MMR", "Shan (North)", "admin1"),
    ],
)
def test_geocode_world_admin1_and_its_variants(gazetteer, text, iso3, name, level):
    best = gazetteer.geocode(text).best
    assert (best.place.country_iso3, best.place.name, best.level) == (iso3, name, level)


@pytest.mark.parametrize(
    ("text", "iso3", "admin1", "name"),
    [
        ("Djugu territory", "COD", "Ituri", "Djugu"),
        ("Rutshuru district", "COD", "Nord Kivu", "Rutshuru"),
        ("Imphal West", "IND", "Manipur", "Imphal West"),
        ("Negros Occidental", "PHL", "Western Visayas", "Negros Occidental"),
    ],
)
def test_geocode_world_admin2_carries_its_admin1(gazetteer, text, iso3, admin1, name):
    best = gazetteer.geocode(text).best
    assert (best.place.country_iso3, best.place.admin1, best.place.name, best.level) == (iso3, admin1, name, "admin2")


@pytest.mark.parametrize(
    ("text", "country", "iso3", "name"),
    [
        ("Nord", "BFA", "BFA", "Nord"),
        ("Nord-Ouest", "CMR", "CMR", "North-West"),
        ("Punjab", "IND", "IND", "Punjab"),
        ("Punjab", "PAK", "PAK", "Punjab"),
        ("Sahel", "BFA", "BFA", "Sahel"),
    ],
)
def test_geocode_country_hint_wins_among_namesake_units(gazetteer, text, country, iso3, name):
    best = gazetteer.geocode(text, country).best
    assert (best.place.country_iso3, best.place.name) == (iso3, name)


@pytest.mark.parametrize(("text", "iso3"), [("Kirkuk", "IRQ"), ("Portland", "USA"), ("Lagos", "NGA"), ("Kano", "NGA")])
def test_geocode_a_bare_city_name_is_the_city_not_the_unit(gazetteer, text, iso3):
    best = gazetteer.geocode(text).best
    assert (best.place.country_iso3, best.level) == (iso3, "populated")


def test_lookup_compass_unit_names_abroad_need_the_country(gazetteer):
    assert not [c for c in gazetteer.lookup("Eastern", fuzzy=False) if c.level in ("admin1", "admin2")]
    assert {c.place.country_iso3 for c in gazetteer.lookup("Eastern", "GHA", fuzzy=False) if c.level == "admin1"} == {"GHA"}


def test_lookup_world_unit_outranks_a_sahel_hamlet_of_its_name(gazetteer):
    assert gazetteer.lookup("Borno", fuzzy=False)[0].place.country_iso3 == "NGA"
    assert gazetteer.lookup("Borno", "MLI", fuzzy=False)[0].place.country_iso3 == "MLI"


def test_every_world_unit_has_coordinates_its_own_or_its_parents(gazetteer):
    for text in ("Masisi territory", "Djugu territory", "Unity State", "Shan-North"):
        place = gazetteer.geocode(text).best.place
        assert place.latitude is not None and place.longitude is not None, text


def test_units_in_finds_units_and_their_countries(gazetteer):
    text = "Gunmen attacked two villages in Borno State on Monday, and others struck in Zamfara."
    found = gazetteer.units_in(text)
    assert [(u.text, u.countries[0], u.candidates[0].level) for u in found] == [
        ("Borno State", "NGA", "admin1"), ("Zamfara", "NGA", "admin1")]
    assert all(text[u.start:u.end] == u.text for u in found)


def test_units_in_reads_french_and_unit_words_before_the_name(gazetteer):
    found = gazetteer.units_in("Des combats ont eu lieu dans la province du Nord-Kivu, dans le territoire de Rutshuru.")
    assert [(u.text, u.countries[0]) for u in found] == [("Nord-Kivu", "COD"), ("Rutshuru", "COD")]


@pytest.mark.parametrize(
    "text",
    [
        "Niger and Mali signed the agreement.",  # countries are not units
        "Fighting moved to the North on Friday.",  # a direction
        "Boko Haram fighters withdrew.",  # part of a longer name
        "May was a quiet month.",  # a month
    ],
)
def test_units_in_skips_countries_directions_longer_names_and_months(gazetteer, text):
    assert gazetteer.units_in(text) == []


@pytest.mark.parametrize(
    ("text", "iso3"), [("Troops deployed in Niger State.", "NGA"), ("Clashes in la région du Nord.", "BFA")]
)
def test_units_in_takes_country_and_compass_names_with_a_unit_word(gazetteer, text, iso3):
    found = gazetteer.units_in(text, iso3)
    assert len(found) == 1 and found[0].countries[0] == iso3


@pytest.mark.parametrize(
    ("name", "variant"),
    [
        ("Nord Kivu", "North Kivu"),
        ("South Kivu", "Sud-Kivu"),
        ("Far North", "Extrême-Nord"),
        ("North-West", "Nord-Ouest"),
        ("Western Darfur", "West Darfur"),
        ("Mayo-Kebbi Est", "East Mayo-Kebbi"),
        ("West Kordofan State", "West Kordofan"),
        ("Shan (North)", "Shan-North"),
        ("Region VI (Western Visayas)", "Western Visayas"),
    ],
)
def test_build_name_variants(world_admin, name, variant):
    assert variant in world_admin.name_variants({name}, "XXX")


def test_build_arabic_article_variant_only_where_arabic_names(world_admin):
    assert "Anbar" in world_admin.name_variants({"Al Anbar"}, "IRQ")
    assert "Oro" not in world_admin.name_variants({"El Oro"}, "ECU")


@pytest.mark.parametrize("name", ["South Governorate", "Central Federal District", "Free State"])
def test_build_keeps_the_unit_word_where_the_rest_is_no_name(world_admin, name):
    assert world_admin.display_name(name) == name


def test_build_match_keys_join_languages_and_keep_directions_apart(world_admin):
    assert world_admin.match_keys("Far North") & world_admin.match_keys("Extrême-Nord")
    assert world_admin.similarity(world_admin.match_keys("Idlib"), world_admin.match_keys("Idleb")) >= world_admin.MATCH_CUTOFF["admin1"]
    north, south = world_admin.match_keys("North Kazakhstan Region"), world_admin.match_keys("South Kazakhstan")
    assert world_admin.similarity(north, south) < world_admin.MATCH_CUTOFF["admin1"]
