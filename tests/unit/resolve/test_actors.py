"""Actor registry: alias finding, regime periods, dated aliases, generic actors, user files."""

from __future__ import annotations

import tomllib
from datetime import date
from importlib import resources as importlib_resources

import pytest

from sitreps.errors import ConfigError
from sitreps.model import ACTOR_TYPES
from sitreps.resolve.actors import ActorRegistry, ActorSpan


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry.load()


def _found(registry: ActorRegistry, text: str) -> list[tuple[str, str]]:
    return [(span.text, span.key) for span in registry.find(text)]


# -- find -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Gunmen killed 12 villagers in Boni on Monday before FAMa troops arrived.",
            [("Gunmen", "unidentified_armed_group"), ("villagers", "civilians"), ("FAMa", "military"), ("troops", "military")],
        ),
        (
            "JNIM claimed the ambush that killed 7 soldiers and 2 VDPs near Djibo.",
            [("JNIM", "jnim"), ("soldiers", "military"), ("VDPs", "vdp")],
        ),
        (
            "Des hommes armés non identifiés ont tué cinq fidèles dans une mosquée.",
            [("hommes armés non identifiés", "unidentified_armed_group"), ("fidèles", "civilians")],
        ),
        (
            "L’armée malienne et les mercenaires russes ont frappé des positions du Front de libération de l’Azawad.",
            [("armée malienne", "military"), ("mercenaires russes", "russian_mercenaries"),
             ("Front de libération de l’Azawad", "fla")],
        ),
        (
            "Les manifestants ont été dispersés par la gendarmerie, puis des émeutiers ont pillé le marché.",
            [("manifestants", "protesters"), ("gendarmerie", "gendarmerie"), ("émeutiers", "rioters")],
        ),
        (
            "Fighters of the Etat islamique au Grand Sahara clashed with Jama’at Nusrat al-Islam wal-Muslimin.",
            [("Etat islamique au Grand Sahara", "is_sahel"), ("Jama’at Nusrat al-Islam wal-Muslimin", "jnim")],
        ),
        ("Suspected JNIM militants stormed the camp.", [("JNIM militants", "jnim")]),
        ("Le Jnim a revendiqué l'attaque contre la Minusma.", [("Jnim", "jnim"), ("Minusma", "minusma")]),
        ("Eleven soldiers died as the Mali army repelled al-Qaeda fighters.",
         [("soldiers", "military"), ("Mali army", "military"), ("al-Qaeda fighters", "al_qaeda")]),
        ("Les djihadistes de l'EIGS ont attaqué Tillabéri.", [("djihadistes de l'EIGS", "is_sahel")]),
    ],
)
def test_actors_find_aliases_in_english_and_french(registry, sentence, expected):
    assert _found(registry, sentence) == expected


@pytest.mark.parametrize(
    "sentence, alias",
    [
        ("À Ménaka, les élèves et les éleveurs ont fui.", "éleveurs"),
        ("Forces Armées Maliennes soldiers", "Forces Armées Maliennes"),
        ("Près d’Inatès l’Etat Islamique a revendiqué", "Etat Islamique"),
        ("Déjà «\u00a0Al-Qaïda au Maghreb islamique\u00a0» menaçait", "Al-Qaïda au Maghreb islamique"),
    ],
)
def test_actors_find_offsets_index_the_original_text(registry, sentence, alias):
    start = sentence.index(alias)
    assert (start, start + len(alias), alias) in [(s.start, s.end, s.text) for s in registry.find(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("IS claimed the attack.", [("IS", "islamic_state")]),
        ("This is what the EI said.", [("EI", "islamic_state")]),
        ("The fama of the town is old.", []),
        ("The Platform denied it.", [("Platform", "platform")]),
        ("On the platform, people waited.", []),
        ("Une plateforme numérique.", []),
        ("Un sabre ancien et un serval.", []),
    ],
)
def test_actors_find_acronyms_and_listed_aliases_are_case_sensitive(registry, sentence, expected):
    assert _found(registry, sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("the Islamic State in the Greater Sahara attacked", [("Islamic State in the Greater Sahara", "is_sahel")]),
        ("the Islamic State West Africa Province said", [("Islamic State West Africa Province", "iswap")]),
        ("des individus armés non identifiés", [("individus armés non identifiés", "unidentified_armed_group")]),
        ("Operation Barkhane helicopters", [("Operation Barkhane", "military")]),
    ],
)
def test_actors_find_longest_match_wins(registry, sentence, expected):
    assert _found(registry, sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("UNICEF delivered aid", []),
        ("Wagnerian opera", []),
        ("ISWAPS and JNIMs", []),
        ("a police-like policy", [("police", "police")]),
        ("the U.N. said", [("U.N.", "united_nations")]),
    ],
)
def test_actors_find_respects_word_boundaries(registry, sentence, expected):
    assert _found(registry, sentence) == expected


def test_actors_find_carries_country_of_demonym_aliases(registry):
    spans = registry.find("Nigerien soldiers and soldats burkinabè met French troops.")
    assert [(s.text, s.key, s.country_iso3) for s in spans] == [
        ("Nigerien soldiers", "military", "NER"),
        ("soldats burkinabè", "military", "BFA"),
        ("French troops", "military", "FRA"),
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Kenyan security forces dispersed the crowd.", ("Kenyan security forces", "military", "KEN")),
        ("Des soldats kényans ont été déployés.", ("soldats kényans", "military", "KEN")),
        ("Peruvian police fired tear gas.", ("Peruvian police", "police", "PER")),
        ("Les policiers péruviens ont tiré.", ("policiers péruviens", "police", "PER")),
        ("Myanmar military aircraft struck the village.", ("Myanmar military", "military", "MMR")),
    ],
)
def test_actors_every_country_demonym_names_its_forces(registry, sentence, expected):
    # Demonyms come from the gazetteer's country table, not only the Sahel ones in actors.toml.
    assert (registry.find(sentence)[0].text, registry.find(sentence)[0].key, registry.find(sentence)[0].country_iso3) == expected


def test_actors_a_plural_people_is_not_an_adjective(registry):
    assert _found(registry, "Kenyans troops") == [("troops", "military")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Activists held a sit-in outside the ministry.", [("Activists", "protesters")]),
        ("Rebels attacked the convoy.", [("Rebels", "unidentified_armed_group")]),
        ("Les grévistes ont bloqué la route.", [("grévistes", "protesters")]),
    ],
)
def test_actors_protest_crowds_and_unnamed_rebels(registry, sentence, expected):
    assert _found(registry, sentence) == expected


def test_actors_user_demonyms_add_to_the_packaged_ones(tmp_path):
    path = tmp_path / "demonyms.toml"
    path.write_text('[[demonyms]]\ncountry = "KEN"\nen = ["Kenya"]\n', encoding="utf-8")
    registry = ActorRegistry.load(path)
    assert [s.country_iso3 for s in registry.find("Kenya police and Kenyan troops")] == ["KEN", "KEN"]


def test_actors_actor_by_key(registry):
    assert registry.actor("military", "NER", date(2024, 1, 1)).name == "Military Forces of Niger (2023-)"
    assert registry.actor("russian_mercenaries", "MLI", date(2024, 1, 1)).name == "Wagner Group"
    with pytest.raises(KeyError):
        registry.actor("no_such_actor", "MLI", None)


# -- the packaged table --------------------------------------------------------------------------


def _packaged() -> dict:
    text = importlib_resources.files("sitreps").joinpath("data/actors.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def test_actors_packaged_table_is_consistent(registry):
    data = _packaged()
    for section in ("actors", "generic"):
        for entry in data[section]:
            assert entry["actor_type"] in ACTOR_TYPES, entry["key"]
    for regime in data["regimes"]:
        starts = [p["start"] for p in regime["periods"]]
        assert starts == sorted(starts) and regime["country"] in data["countries"]
    assert len(data["countries"]) > 240


def test_actors_packaged_aliases_each_find_their_own_actor(registry):
    data = _packaged()
    wrong = []
    for section in ("actors", "generic", "shared"):
        for entry in data[section]:
            aliases = list(entry.get("aliases", [])) + [a for group in entry.get("country_aliases", {}).values() for a in group]
            for alias in aliases:
                spans = registry.find(f"({alias})")
                if [(s.text, s.key) for s in spans] != [(alias, entry["key"])]:
                    wrong.append((alias, entry["key"], spans))
    assert wrong == []


# -- user files ----------------------------------------------------------------------------------

_USER_FILE = """
[countries]
XAA = "Atlantis"

[[regimes]]
country = "KEN"
periods = [{ start = 2022-09-13, label = "2022-" }]

[[actors]]
key = "lakurawa"
name = "Lakurawa"
actor_type = "Rebel group"
aliases = ["Lakurawa", "Lakurawa fighters", "FLM"]

[[actors]]
key = "wagner"
name = "Wagner Group (PMC)"

[[actors]]
key = "jnim"
add_aliases = ["Nusrat al-Islam"]

[[generic]]
key = "civilians"
add_aliases = ["bystanders"]
"""


def test_actors_load_extra_file_adds_and_overrides(tmp_path):
    path = tmp_path / "my_actors.toml"
    path.write_text(_USER_FILE, encoding="utf-8")
    registry = ActorRegistry.load(path)
    assert registry.resolve("Lakurawa fighters", "NGA", None).name == "Lakurawa"
    assert registry.resolve("FLM", "MLI", None).name == "Lakurawa"  # the user file outranks the packaged alias
    assert registry.resolve("Wagner", "MLI", None).name == "Wagner Group (PMC)"
    assert registry.resolve("Wagner", "MLI", None).actor_type == "External/Other forces"  # fields not named are kept
    assert registry.resolve("Nusrat al-Islam", "MLI", None).name == "JNIM: Group for Support of Islam and Muslims"
    assert registry.resolve("JNIM", "MLI", None).name == "JNIM: Group for Support of Islam and Muslims"
    assert registry.resolve("bystanders", "XAA", None).name == "Civilians (Atlantis)"
    assert registry.resolve("soldiers", "KEN", date(2023, 1, 1)).name == "Military Forces of Kenya (2022-)"
    assert [s.key for s in registry.find("Lakurawa attacked villagers")] == ["lakurawa", "civilians"]


@pytest.mark.parametrize(
    "content, problem",
    [
        ("[[actors]\nkey = 'x'", "not valid TOML"),
        ("[[actors]]\nkey = 'x'\nname = 'X'\nactor_type = 'Rebels'", "actor_type 'Rebels' is not one of"),
        ("[[actors]]\nkey = 'x'\nname = 'X'\nactor_type = 'Rebel group'\nalias = ['X']", "unknown field(s) alias"),
        ("[[actors]]\nkey = 'x'\nactor_type = 'Rebel group'", "missing name"),
        ("[[actors]]\nkey = 'x'\nname = 'X'\nactor_type = 'Rebel group'\naliases = 'X'", "aliases must be a list"),
        ("[[shared]]\nkey = 's'\naliases = ['zz top']\nrules = [{ actor = 'nobody' }]", "rule actor 'nobody'"),
        ("[[shared]]\nkey = 's'\nrules = [{ actor = 'wagner', until = 'June' }]", "must be a date"),
        ("[[regimes]]\ncountry = 'Mali'\nperiods = []", "ISO3 country code"),
        ("[[generic]]\nkey = 'g'\nname = 'Farmers'\nactor_type = 'Civilians'", "needs {country}"),
        ("[[actors]]\nkey = 'a'\nname = 'A'\nactor_type = 'Rebel group'\naliases = ['Zorro']\n"
         "[[actors]]\nkey = 'b'\nname = 'B'\nactor_type = 'Rebel group'\naliases = ['zorro']", "alias 'zorro' names both"),
        ("[[generic]]\nkey = 'jnim'\nname = 'J ({country})'\nactor_type = 'Rebel group'", "already used by an [[actors]] entry"),
        ("[misc]\nx = 1", "unknown section(s) misc"),
    ],
)
def test_actors_load_malformed_file_raises_config_error(tmp_path, content, problem):
    path = tmp_path / "bad_actors.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        ActorRegistry.load(path)
    assert str(path) in caught.value.message
    assert problem in caught.value.message


def test_actors_load_missing_file_raises_config_error(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        ActorRegistry.load(tmp_path / "nope.toml")


def test_actors_span_is_a_frozen_record():
    span = ActorSpan(0, 4, "JNIM", "jnim")
    with pytest.raises(AttributeError):
        span.start = 1  # type: ignore[misc]
