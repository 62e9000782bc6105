"""Actor registry: alias finding, regime periods, dated aliases, generic actors, user files."""

from __future__ import annotations

import time
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


def test_actors_find_is_fast(registry):
    sentence = ("Unidentified gunmen on motorbikes attacked the village of Solhan overnight, killing at least "
                "132 civilians, while Burkinabe soldiers and VDP volunteers were stationed nearby. ")
    started = time.perf_counter()
    for _ in range(500):
        registry.find(sentence)
    assert time.perf_counter() - started < 2.0  # about 0.1 ms per sentence; generous for shared cores


# -- resolve: state forces and periods -------------------------------------------------------------


@pytest.mark.parametrize(
    "country, on, expected",
    [
        ("MLI", date(2001, 12, 31), "Military Forces of Mali"),
        ("MLI", date(2012, 3, 21), "Military Forces of Mali (2002-2012)"),
        ("MLI", date(2012, 3, 22), "Military Forces of Mali (2012-2013)"),
        ("MLI", date(2013, 9, 3), "Military Forces of Mali (2012-2013)"),
        ("MLI", date(2013, 9, 4), "Military Forces of Mali (2013-2020)"),
        ("MLI", date(2020, 8, 17), "Military Forces of Mali (2013-2020)"),
        ("MLI", date(2020, 8, 18), "Military Forces of Mali (2020-2021)"),
        ("MLI", date(2021, 5, 23), "Military Forces of Mali (2020-2021)"),
        ("MLI", date(2021, 5, 24), "Military Forces of Mali (2021-)"),
        ("MLI", None, "Military Forces of Mali (2021-)"),
        ("BFA", date(2022, 1, 23), "Military Forces of Burkina Faso (2015-2022)"),
        ("BFA", date(2022, 1, 24), "Military Forces of Burkina Faso (2022)"),
        ("BFA", date(2022, 9, 29), "Military Forces of Burkina Faso (2022)"),
        ("BFA", date(2022, 9, 30), "Military Forces of Burkina Faso (2022-)"),
        ("NER", date(2021, 4, 1), "Military Forces of Niger (2011-2021)"),
        ("NER", date(2023, 7, 25), "Military Forces of Niger (2021-2023)"),
        ("NER", date(2023, 7, 26), "Military Forces of Niger (2023-)"),
        ("NGA", date(2024, 2, 1), "Military Forces of Nigeria (2023-)"),
        ("KEN", date(2024, 2, 1), "Military Forces of Kenya"),
    ],
)
def test_actors_resolve_state_forces_period_at_boundaries(registry, country, on, expected):
    actor = registry.resolve("soldiers", country, on)
    assert (actor.name, actor.actor_type, actor.country_iso3) == (expected, "State forces", country)


@pytest.mark.parametrize(
    "phrase, country, on, expected",
    [
        ("policiers", "NER", date(2023, 7, 26), "Police Forces of Niger (2023-)"),
        ("police", "BFA", date(2022, 2, 1), "Police Forces of Burkina Faso (2022)"),
        ("gendarmes", "MLI", date(2021, 5, 24), "Police Forces of Mali (2021-) Gendarmerie"),
        ("la gendarmerie nationale", "NER", date(2022, 1, 1), "Police Forces of Niger (2021-2023) Gendarmerie"),
    ],
)
def test_actors_resolve_police_and_gendarmerie_follow_regime_periods(registry, phrase, country, on, expected):
    actor = registry.resolve(phrase, country, on)
    assert (actor.name, actor.actor_type) == (expected, "State forces")


@pytest.mark.parametrize(
    "phrase, event_country, on, expected_name, expected_type",
    [
        ("Malian troops", "BFA", date(2023, 1, 1), "Military Forces of Mali (2021-)", "External/Other forces"),
        ("soldats nigériens", "NER", date(2022, 1, 1), "Military Forces of Niger (2021-2023)", "State forces"),
        ("FAMa", None, date(2019, 1, 1), "Military Forces of Mali (2013-2020)", "State forces"),
        ("Barkhane", "MLI", date(2019, 1, 1), "Military Forces of France", "External/Other forces"),
        ("soldiers", None, None, "Military Forces", "State forces"),
    ],
)
def test_actors_resolve_demonym_fixes_the_state(registry, phrase, event_country, on, expected_name, expected_type):
    actor = registry.resolve(phrase, event_country, on)
    assert (actor.name, actor.actor_type) == (expected_name, expected_type)


# -- resolve: dated and per-country aliases ---------------------------------------------------------


@pytest.mark.parametrize(
    "phrase, country, on, expected",
    [
        ("Russian mercenaries", "MLI", date(2022, 3, 27), "Wagner Group"),
        ("Russian mercenaries", "MLI", date(2025, 6, 5), "Wagner Group"),
        ("Russian mercenaries", "MLI", date(2025, 6, 6), "Africa Corps"),
        ("mercenaires russes", None, None, "Africa Corps"),
        ("instructeurs russes", "MLI", date(2023, 1, 1), "Wagner Group"),
        ("Russian troops", "BFA", date(2025, 9, 1), "Africa Corps"),
        ("Russian troops", "UKR", date(2024, 1, 1), "Military Forces of Russia"),
        ("Wagner fighters", "MLI", date(2025, 9, 1), "Wagner Group"),
    ],
)
def test_actors_resolve_alias_periods_wagner_then_africa_corps(registry, phrase, country, on, expected):
    actor = registry.resolve(phrase, country, on)
    assert actor.name == expected
    assert actor.actor_type == "External/Other forces"


@pytest.mark.parametrize(
    "phrase, country, on, expected",
    [
        ("Islamic State", "NGA", None, "Islamic State (West Africa)"),
        ("l'État islamique", "MLI", None, "Islamic State (Sahel)"),
        ("Islamic State", None, None, "Islamic State (Sahel)"),
        ("al-Qaeda", "MLI", date(2016, 11, 1), "AQIM: Al Qaeda in the Islamic Maghreb"),
        ("al-Qaïda", "BFA", date(2019, 11, 1), "JNIM: Group for Support of Islam and Muslims"),
        ("al-Qaida", "DZA", date(2019, 11, 1), "AQIM: Al Qaeda in the Islamic Maghreb"),
        ("Tuareg rebels", "MLI", date(2012, 4, 1), "MNLA: National Movement for the Liberation of Azawad"),
        ("rebelles touareg", "MLI", date(2023, 11, 14), "CSP-PSD: Permanent Strategic Framework for Peace, Security and Development"),
        ("separatist rebels", "MLI", date(2024, 7, 27), "CSP-PSD: Permanent Strategic Framework for Peace, Security and Development"),
        ("Tuareg rebels", "MLI", date(2025, 2, 1), "FLA: Azawad Liberation Front"),
        ("peacekeepers", "MLI", date(2019, 1, 1), "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali"),
        ("casques bleus", "CAF", date(2019, 1, 1), "UN: United Nations"),
    ],
)
def test_actors_resolve_shared_aliases_by_country_and_date(registry, phrase, country, on, expected):
    assert registry.resolve(phrase, country, on).name == expected


# -- resolve: generic and named actors -------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase, country, expected_name, expected_type",
    [
        ("villagers", "MLI", "Civilians (Mali)", "Civilians"),
        ("les fidèles", "BFA", "Civilians (Burkina Faso)", "Civilians"),
        ("women and children", "NER", "Civilians (Niger)", "Civilians"),
        ("des personnes déplacées", "BFA", "Civilians (Burkina Faso)", "Civilians"),
        ("civils", "TCD", "Civilians (Chad)", "Civilians"),
        ("manifestants", "NER", "Protesters (Niger)", "Protesters"),
        ("demonstrators", "SEN", "Protesters (Senegal)", "Protesters"),
        ("an angry mob", "NGA", "Rioters (Nigeria)", "Rioters"),
        ("émeutiers", "GIN", "Rioters (Guinea)", "Rioters"),
        ("unidentified gunmen", "NGA", "Unidentified Armed Group (Nigeria)", "Political militia"),
        ("des individus armés", "BFA", "Unidentified Armed Group (Burkina Faso)", "Political militia"),
        ("terroristes", "MLI", "Unidentified Armed Group (Mali)", "Political militia"),
        ("suspected jihadists", "NER", "Unidentified Armed Group (Niger)", "Political militia"),
        ("Dozo hunters", "MLI", "Dozo Communal Militia (Mali)", "Identity militia"),
        ("civilians", None, "Civilians", "Civilians"),
    ],
)
def test_actors_resolve_generic_actors_per_country(registry, phrase, country, expected_name, expected_type):
    actor = registry.resolve(phrase, country, date(2024, 5, 1))
    assert (actor.name, actor.actor_type, actor.country_iso3) == (expected_name, expected_type, country or "")


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("suspected JNIM jihadists", "JNIM: Group for Support of Islam and Muslims"),
        ("gunmen believed to belong to ISWAP", "Islamic State (West Africa)"),
        ("le Groupe de soutien à l'islam et aux musulmans (GSIM)", "JNIM: Group for Support of Islam and Muslims"),
        ("Katiba Macina", "Katiba Macina"),
        ("Jamaat Nusrat al Islam wal Muslimeen", "JNIM: Group for Support of Islam and Muslims"),
        ("JNIM: Group for Support of Islam and Muslims", "JNIM: Group for Support of Islam and Muslims"),
    ],
)
def test_actors_resolve_named_group_wins_over_generic_words(registry, phrase, expected):
    assert registry.resolve(phrase, "MLI", date(2024, 1, 1)).name == expected


@pytest.mark.parametrize(
    "phrase, country, on, expected",
    [
        ("Civilians (Mali)", None, None, "Civilians (Mali)"),
        ("Military Forces of Niger (2021-2023)", "NER", date(2022, 6, 1), "Military Forces of Niger (2021-2023)"),
        ("Unidentified Armed Group (Burkina Faso)", "MLI", None, "Unidentified Armed Group (Burkina Faso)"),
    ],
)
def test_actors_resolve_canonical_names_round_trip(registry, phrase, country, on, expected):
    assert registry.resolve(phrase, country, on).name == expected


@pytest.mark.parametrize("phrase", ["", "the weather was hot", "le marché de Gao", "Jamaica"])
def test_actors_resolve_unknown_phrase_is_none(registry, phrase):
    assert registry.resolve(phrase, "MLI", None) is None


@pytest.mark.parametrize(
    "phrase, expected",
    [("villageois", True), ("Worshippers", True), ("Civilians (Niger)", True), ("gendarmes", False), ("JNIM", False)],
)
def test_actors_is_civilian_classifies_phrases(registry, phrase, expected):
    assert registry.is_civilian(phrase, "NER") is expected


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
