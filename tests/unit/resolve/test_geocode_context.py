"""Gazetteer.geocode with context: namesakes, near spellings, fallbacks, description shapes."""

from __future__ import annotations

import pytest

from sitreps.resolve.gazetteer import admin_key, parse_place_description, sound_key

UNKNOWN = "Zzqarbo"  # a made-up village name that no gazetteer holds


@pytest.mark.parametrize(
    ("one", "other"),
    [("Ouahigouya", "Wahiguya"), ("Diarakorosso", "Dyarakorosso"), ("Namssiguia", "Namsiguia"), ("Gorom-Gorom", "Gorom Gorom"),
     ("Lélé", "Leelee"), ("Tagho", "Tago")],
)
def test_sound_key_joins_french_and_english_spellings(one, other):
    assert sound_key(one) == sound_key(other)


@pytest.mark.parametrize(("one", "other"), [("Ouahigouya", "Oula"), ("Djibo", "Dori"), ("Kaya", "Kalo")])
def test_sound_key_keeps_different_names_apart(one, other):
    assert sound_key(one) != sound_key(other)


@pytest.mark.parametrize(
    ("english", "french"),
    [("North Central region", "Centre-Nord"), ("Center-East", "Centre-Est"), ("Central Plateau", "Plateau-Central"),
     ("South-West Region", "Sud-Ouest"), ("Séno province", "Seno")],
)
def test_admin_key_matches_english_and_french_unit_names(english, french):
    assert admin_key(english) == admin_key(french)


def test_lookup_with_country_finds_near_spelling_there(gazetteer):
    best = gazetteer.lookup("Wahiguya", "BFA")[0]
    assert (best.place.name, best.place.country_iso3) == ("Ouahigouya", "BFA")
    assert best.score < gazetteer.lookup("Ouahigouya", "BFA")[0].score


@pytest.mark.parametrize(
    ("text", "admin2"),
    [("Sam, Bam province", "Bam"), ("Sam village, Boulkiemdé province", "Boulkiemdé"), ("Sam (Boulkiende)", "Boulkiemdé")],
)
def test_geocode_picks_the_namesake_in_the_named_province(gazetteer, text, admin2):
    best = gazetteer.geocode(text, "BFA").best
    assert (best.place.name, best.place.admin2) == ("Sam", admin2)


@pytest.mark.parametrize(("text", "admin2"), [("Bidi, near Gorom-Gorom", "Oudalan"), ("Bidi, 10 km from Ouahigouya", "Yatenga")])
def test_geocode_picks_the_namesake_near_the_named_town(gazetteer, text, admin2):
    best = gazetteer.geocode(text, "BFA").best
    assert (best.place.name, best.place.admin2) == ("Bidi", admin2)


@pytest.mark.parametrize(
    ("text", "name", "level"),
    [
        (f"{UNKNOWN}, 12 km from Djibo", "Djibo", "populated"),
        (f"{UNKNOWN} village, Oudalan province", "Oudalan", "admin2"),
        (f"{UNKNOWN}, near Bittou, eastern Burkina Faso", "Bittou", "populated"),
        ("Djibo's central market", "Djibo", "populated"),
        ("Soum province, near Djibo", "Djibo", "populated"),
    ],
)
def test_geocode_falls_back_to_the_named_town_then_unit(gazetteer, text, name, level):
    best = gazetteer.geocode(text, "BFA").best
    assert (best.place.name, best.level) == (name, level)


def test_geocode_fallback_ranks_below_a_known_core(gazetteer):
    fallback = gazetteer.geocode(f"{UNKNOWN}, 12 km from Djibo", "BFA").best
    known = gazetteer.geocode("Silgadji, 12 km from Djibo", "BFA").best
    assert known.place.name == "Silgadji" and known.score > fallback.score


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("#Yagha #Sebba", "Sebba"),
        ("Tougan Sourou", "Tougan"),
        ("Gorom_Gorom airstrip", "Gorom-Gorom"),
        ("the Sahel region's Dori town", "Dori"),
        (f"{UNKNOWN} (also known as Wahiguya)", "Ouahigouya"),
        ("Ti_n_Samane camp", "Ti-n-Samane"),
    ],
)
def test_geocode_reads_hashtags_possessives_and_names_run_together(gazetteer, text, name):
    assert gazetteer.geocode(text, "BFA").best.place.name == name


@pytest.mark.parametrize("text", [f"{UNKNOWN}, North Central region", f"{UNKNOWN} (Centre-Nord)"])
def test_geocode_english_region_names_are_the_region(gazetteer, text):
    best = gazetteer.geocode(text, "BFA").best
    assert (best.place.name, best.level) == ("Centre-Nord", "admin1")


def test_geocode_in_the_north_is_a_direction_not_the_nord_region(gazetteer):
    assert gazetteer.geocode("Kaya, in the North", "BFA").best.place.name == "Kaya"
    assert gazetteer.geocode(f"{UNKNOWN}, North region", "BFA").best.place.name == "Nord"


def test_geocode_finds_localities_and_prefers_villages_of_the_same_name(gazetteer):
    best = gazetteer.geocode("Inata gold mine", "BFA").best
    assert (best.place.name, best.place.admin2, best.place.country_iso3) == ("Inata", "Soum", "BFA")
    koutougou = gazetteer.lookup("Koutougou", "BFA")
    assert koutougou[0].place.feature_code == "PPL" and "CMP" in {c.place.feature_code for c in koutougou}


@pytest.mark.parametrize(
    ("text", "core", "context"),
    [
        ("Ouagadougou's Gounghin district", "Gounghin", ["Ouagadougou"]),
        ("#Sebba #Yagha", "Sebba", ["Yagha"]),
        ("Tia area in the west's Mouhoun province", "Tia", ["west's Mouhoun"]),
        ("Boni village in Douentza cercle (near Hombori)", "Boni", ["Douentza", "Hombori"]),
        ("around the northern town of Sebba", "Sebba", []),
        ("Kelbo, in the North", "Kelbo", []),
    ],
)
def test_parse_place_description_reads_more_shapes(text, core, context):
    assert parse_place_description(text) == (core, context)
