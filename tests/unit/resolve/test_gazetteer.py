"""Gazetteer: packaged GeoNames places, description parsing, countries, user dumps."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from sitreps.errors import InputError
from sitreps.resolve.gazetteer import COLUMNS, Gazetteer, add_dump, normalize_name, parse_place_description

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "geonames"
SHARED_GEONAMES = Path(__file__).resolve().parents[4] / "shared" / "data" / "geonames_sahel"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("name", "country", "expected", "iso3", "admin1"),
    [
        ("Djibo", None, "Djibo", "BFA", "Sahel"),
        ("Tillaberi", None, "Tillabéri", "NER", "Tillabéri"),
        ("Tillabéri", None, "Tillabéri", "NER", "Tillabéri"),
        ("Segou", None, "Ségou", "MLI", "Ségou"),
        ("Ségou", None, "Ségou", "MLI", "Ségou"),
        ("Timbuktu", None, "Timbuktu", "MLI", "Tombouctou"),
        ("Tombouctou", None, "Timbuktu", "MLI", "Tombouctou"),
        ("Fada Ngourma", None, "Fada N'gourma", "BFA", "Est"),
        ("Ménaka", None, "Ménaka", "MLI", "Ménaka"),
        ("Diffa", None, "Diffa", "NER", "Diffa"),
        ("Nassoumbou", "BFA", "Nassoumbou", "BFA", "Sahel"),
        ("Solhan", "BFA", "Solna", "BFA", "Sahel"),
        ("Ouagadougou", None, "Ouagadougou", "BFA", "Centre"),
    ],
)
def test_geocode_sahel_places_and_spelling_variants(gazetteer, name, country, expected, iso3, admin1):
    best = gazetteer.geocode(name, country).best
    assert best is not None
    assert (best.place.name, best.place.country_iso3, best.place.admin1) == (expected, iso3, admin1)
    assert best.level == "populated"
    assert 0 < best.score <= 1


@pytest.mark.parametrize(
    ("name", "admin2"),
    [("Djibo", "Soum"), ("Mopti", "Mopti"), ("Kidal", "Kidal"), ("Nouna", "Kossi"), ("Tillabéri", "Tillabéri")],
)
def test_geocode_fills_admin2(gazetteer, name, admin2):
    assert gazetteer.geocode(name).best.place.admin2 == admin2


@pytest.mark.parametrize(
    ("name", "country", "expected_iso3"),
    [("Paris", None, "FRA"), ("Paris", "USA", "USA"), ("Kyiv", None, "UKR"), ("Kiev", None, "UKR"), ("Bamako", None, "MLI")],
)
def test_lookup_prefers_given_country_and_capitals(gazetteer, name, country, expected_iso3):
    assert gazetteer.lookup(name, country)[0].place.country_iso3 == expected_iso3


def test_lookup_ranks_exact_above_alternate_and_seat_above_hamlet(gazetteer):
    candidates = gazetteer.lookup("Segou", limit=10)
    assert candidates[0].place.feature_code == "PPLA"
    assert [c.score for c in candidates] == sorted((c.score for c in candidates), reverse=True)


@pytest.mark.parametrize(
    ("misspelt", "expected"),
    [("Ouagadougu", "Ouagadougou"), ("Tombouctu", "Tombouctou"), ("Boulkessi", "Boulikéssi")],
)
def test_lookup_fuzzy_finds_misspellings(gazetteer, misspelt, expected):
    candidates = gazetteer.lookup(misspelt)
    assert expected in {candidates[0].place.name, candidates[0].matched_name}
    assert candidates[0].score < 0.9  # fuzzy matches rank below exact ones


def test_lookup_no_fuzzy_for_short_names(gazetteer):
    assert gazetteer.lookup("Gaoo") == []


@pytest.mark.parametrize(
    ("text", "core", "context"),
    [
        ("Djibo, Soum province", "Djibo", ["Soum"]),
        ("near Mopti", "Mopti", []),
        ("the Tillabéri region", "Tillabéri", []),
        ("Kidal region, Mali", "Kidal", ["Mali"]),
        ("30 km north of Djibo", "Djibo", []),
        ("à 20 km de Gao", "Gao", []),
        ("la région de Mopti", "Mopti", []),
        ("in the vicinity of Koumbri", "Koumbri", []),
        ("Kalari in Piela area", "Kalari", ["Piela"]),
        ("#Thiéry (6km from #Bogandé , #Gnagna )", "Thiéry", ["Bogandé", "Gnagna"]),
        ("Piela area", "Piela", []),
    ],
)
def test_parse_place_description_strips_qualifiers(text, core, context):
    assert parse_place_description(text) == (core, context)


@pytest.mark.parametrize(
    ("text", "country", "name", "level"),
    [
        ("the Tillabéri region", None, "Tillabéri", "admin1"),
        ("Kidal region, Mali", None, "Kidal", "admin1"),
        ("Kossi province", None, "Kossi", "admin2"),
        ("Djibo, Soum province", None, "Djibo", "populated"),
        ("near Mopti", None, "Mopti", "populated"),
        ("Kalari in Piela area", "BFA", "Piéla", "populated"),
        ("Sahel region", "BFA", "Sahel", "admin1"),
    ],
)
def test_geocode_uses_description_context(gazetteer, text, country, name, level):
    best = gazetteer.geocode(text, country).best
    assert (best.place.name, best.level) == (name, level)


@pytest.mark.parametrize(
    ("text", "iso3", "country"),
    [("Mali", "MLI", "Mali"), ("Niger", "NER", "Niger"), ("Burkina Faso", "BFA", "Burkina Faso"), ("Tchad", "TCD", "Chad")],
)
def test_geocode_lone_country_is_the_country_at_its_capital(gazetteer, text, iso3, country):
    best = gazetteer.geocode(text).best
    assert (best.level, best.place.country_iso3, best.place.country) == ("country", iso3, country)
    capital = gazetteer.lookup({"MLI": "Bamako", "NER": "Niamey", "BFA": "Ouagadougou", "TCD": "N'Djamena"}[iso3], iso3)[0]
    assert abs(best.place.latitude - capital.place.latitude) < 0.1


@pytest.mark.parametrize(
    ("word", "iso3"),
    [
        ("Malian", "MLI"), ("maliens", "MLI"), ("Burkinabè", "BFA"), ("burkinabe", "BFA"), ("nigérienne", "NER"),
        ("Nigerien", "NER"), ("Nigerian", "NGA"), ("Côte d'Ivoire", "CIV"), ("Ivory Coast", "CIV"),
        ("Tchad", "TCD"), ("États-Unis", "USA"), ("Royaume-Uni", "GBR"), ("the United States", "USA"), ("French", "FRA"),
    ],
)
def test_country_of_names_and_demonyms(gazetteer, word, iso3):
    assert gazetteer.country_of(word) == iso3


@pytest.mark.parametrize("word", ["Djibo", "soldiers", ""])
def test_country_of_rejects_non_countries(gazetteer, word):
    assert gazetteer.country_of(word) is None


@pytest.mark.parametrize(("iso3", "name"), [("MLI", "Mali"), ("BFA", "Burkina Faso"), ("NER", "Niger"), ("CIV", "Ivory Coast")])
def test_country_name_is_english_short_name(gazetteer, iso3, name):
    assert gazetteer.country_name(iso3) == name


def test_place_names_cover_sahel_villages_not_tiny_foreign_towns(gazetteer):
    names = set(gazetteer.place_names("en", min_population=100_000))
    assert {"Djibo", "Tillabéri", "Nassoumbou", "Mopti", "Burkina Faso", "Paris"} <= names
    assert "Tarkwa" not in names  # a Ghanaian town below the population floor
    assert "Dédougou" in names  # Sahel towns stay whatever their population
    assert all(len(n) >= 4 for n in names)


@pytest.mark.parametrize(("text", "key"), [("Fada N'Gourma", "fada ngourma"), ("Gourma-Rharous", "gourma rharous"), ("Ségou", "segou")])
def test_normalize_name_folds_accents_hyphens_apostrophes(text, key):
    assert normalize_name(text) == key


def test_add_dump_round_trip(tmp_path):
    count = add_dump(FIXTURES / "MR_sample.txt", tmp_path)
    assert count == 3  # three populated places; the wadi is skipped
    written = list(tmp_path.glob("*.tsv.gz"))
    with gzip.open(written[0], "rt", encoding="utf-8") as handle:
        assert tuple(handle.readline().rstrip("\n").split("\t")) == COLUMNS
    gazetteer = Gazetteer.load(tmp_path)
    best = gazetteer.geocode("Fassala Nere", "MRT").best
    assert (best.place.geonameid, best.place.country_iso3, best.place.admin1) == (90000005, "MRT", "Hodh Ech Chargui")
    assert Gazetteer.load().geocode("Fassala", "MRT").best.place.country_iso3 == "MLI"  # packaged: only Mali's


def test_add_dump_names_the_malformed_line(tmp_path):
    with pytest.raises(InputError) as raised:
        add_dump(FIXTURES / "MR_malformed.txt", tmp_path)
    assert raised.value.reason == "bad_record" and "line 2" in raised.value.detail
    assert not list(tmp_path.glob("*.tsv.gz"))


def test_add_dump_missing_file(tmp_path):
    with pytest.raises(InputError) as raised:
        add_dump(tmp_path / "XX.txt", tmp_path)
    assert raised.value.reason == "not_found"


@pytest.mark.skipif(not SHARED_GEONAMES.is_dir(), reason="../shared/data/geonames_sahel is absent")
def test_every_sahel_admin_seat_resolves_to_itself(gazetteer):
    seats = []
    for iso2, iso3 in (("ML", "MLI"), ("BF", "BFA"), ("NE", "NER")):
        for line in (SHARED_GEONAMES / f"{iso2}.txt").open(encoding="utf-8"):
            fields = line.split("\t")
            if fields[7] in ("PPLA", "PPLC"):
                seats.append((int(fields[0]), fields[1], iso3))
    found = [gazetteer.geocode(name, iso3).best.place.geonameid == gid for gid, name, iso3 in seats]
    assert len(seats) > 20 and sum(found) / len(found) > 0.9
