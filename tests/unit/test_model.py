"""The record contract helpers: disorder types, interactions, Event.to_dict."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest

from sitreps.model import (
    ACTOR_TYPES,
    CONTRACT_FIELDS,
    EVENT_TYPE_OF,
    SUB_EVENT_TYPES,
    Event,
    Mention,
    SourceClaim,
    disorder_type_of,
    interaction_of,
)


@pytest.mark.parametrize(
    "sub_event_type, expected",
    [
        ("Armed clash", "Political violence"),
        ("Government regains territory", "Political violence"),
        ("Air/drone strike", "Political violence"),
        ("Attack", "Political violence"),
        ("Abduction/forced disappearance", "Political violence"),
        ("Mob violence", "Political violence"),
        ("Violent demonstration", "Demonstrations"),
        ("Peaceful protest", "Demonstrations"),
        ("Protest with intervention", "Demonstrations"),
        ("Excessive force against protesters", "Political violence; Demonstrations"),
        ("Arrests", "Strategic developments"),
        ("Looting/property destruction", "Strategic developments"),
    ],
)
def test_disorder_type_of_follows_the_contract(sub_event_type, expected):
    assert disorder_type_of(sub_event_type) == expected


@pytest.mark.parametrize("sub_event_type", sorted(EVENT_TYPE_OF))
def test_disorder_type_of_covers_every_sub_event_type(sub_event_type):
    assert disorder_type_of(sub_event_type) in {
        "Political violence",
        "Demonstrations",
        "Strategic developments",
        "Political violence; Demonstrations",
    }


@pytest.mark.parametrize("sub_event_type", ["Battle", "armed clash", ""])
def test_disorder_type_of_unknown_sub_event_type_raises(sub_event_type):
    with pytest.raises(KeyError):
        disorder_type_of(sub_event_type)


def test_sub_event_types_count_is_the_contracts_25():
    assert sum(len(subs) for subs in SUB_EVENT_TYPES.values()) == 25 == len(EVENT_TYPE_OF)


@pytest.mark.parametrize(
    "inter1, inter2, expected",
    [
        ("State forces", "Civilians", "State forces-Civilians"),
        ("Civilians", "State forces", "State forces-Civilians"),
        ("Rebel group", "State forces", "State forces-Rebel group"),
        ("External/Other forces", "Political militia", "Political militia-External/Other forces"),
        ("Protesters", "Protesters", "Protesters-Protesters"),
        ("Rebel group", "", "Rebel group"),
        ("", "Civilians", "Civilians"),
        ("", "", ""),
    ],
)
def test_interaction_of_joins_lowest_code_first(inter1, inter2, expected):
    assert interaction_of(inter1, inter2) == expected


@pytest.mark.parametrize("label", ["Military", "state forces"])
def test_interaction_of_unknown_label_raises(label):
    with pytest.raises(ValueError):
        interaction_of(label, "Civilians")


def test_actor_types_are_the_eight_inter_codes():
    assert len(ACTOR_TYPES) == 8 and ACTOR_TYPES[0] == "State forces" and ACTOR_TYPES[-1] == "External/Other forces"


def _source(n: int, published: date | None, event_date: date | None) -> SourceClaim:
    return SourceClaim(
        document=f"doc{n}", url=None, title=None, publisher=None, published=published,
        evidence="Soldiers clashed with JNIM in Djibo.", claimant="the army", fatalities=n,
        event_date=event_date, location="Djibo",
    )


def _event(event_date: date | None, sources: tuple[SourceClaim, ...]) -> Event:
    return Event(
        event_id="SR0000", event_date=event_date, time_precision=1, disorder_type="Political violence",
        event_type="Battles", sub_event_type="Armed clash", actor1="Military Forces of Burkina Faso (2022-)",
        actor2="JNIM: Group for Support of Islam and Muslims", assoc_actor_1="", assoc_actor_2="",
        inter1="State forces", inter2="Rebel group", interaction="State forces-Rebel group",
        civilian_targeting=False, iso3="BFA", country="Burkina Faso", admin1="Sahel", admin2="Soum",
        admin3="", location="Djibo", latitude=14.0994, longitude=-1.6306, geo_precision=1, fatalities=1,
        fatalities_low=1, fatalities_best=1, fatalities_high=2, notes="", confidence=0.8, sources=sources,
    )


@pytest.mark.parametrize(
    "event_date, expected",
    [(date(2024, 3, 11), "2024-03-11"), (None, None)],
)
def test_event_to_dict_dates_are_iso_strings(event_date, expected):
    record = _event(event_date, ()).to_dict()
    assert record["event_date"] == expected
    assert list(record) == list(CONTRACT_FIELDS)


@pytest.mark.parametrize(
    "published, event_date",
    [(date(2024, 3, 13), date(2024, 3, 11)), (None, None), (date(2024, 3, 13), None)],
)
def test_event_to_dict_sources_are_dicts_with_iso_dates(published, event_date):
    record = _event(date(2024, 3, 11), (_source(1, published, event_date), _source(2, None, None))).to_dict()
    first = record["sources"][0]
    assert isinstance(record["sources"], list) and len(record["sources"]) == 2
    assert first["published"] == (published.isoformat() if published else None)
    assert first["event_date"] == (event_date.isoformat() if event_date else None)
    assert set(first) == {f.name for f in dataclasses.fields(SourceClaim)}
    json.dumps(record)  # the contract's JSON shape: nothing left that JSON cannot hold


@pytest.mark.parametrize("sub_event_type, event_type", [("Attack", "Violence against civilians"), ("Grenade", "Explosions/Remote violence")])
def test_mention_event_type_follows_sub_event_type(sub_event_type, event_type):
    mention = Mention(
        mention_id="a#m0", article_id="a", document_id="a", path="a.txt",
        sub_event_type=sub_event_type, evidence="x", evidence_span=(0, 1),
    )
    assert mention.event_type == event_type
