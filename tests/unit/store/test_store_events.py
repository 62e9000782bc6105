"""Reading events back with filters, in event-date order."""

from __future__ import annotations

from datetime import date

import pytest

from sitreps.errors import UsageError
from sitreps.store import Store


@pytest.fixture
def store(tmp_path, make_event, make_source):
    events = [
        make_event("ev-mli-ogossagou", n_sources=2),
        make_event(
            "ev-bfa-djibo",
            event_date=date(2024, 2, 1),
            event_type="Battles",
            sub_event_type="Armed clash",
            disorder_type="Political violence",
            actor1="Military Forces of Burkina Faso (2022-)",
            actor2="JNIM: Group for Support of Islam and Muslims",
            assoc_actor_1="VDP: Volunteers for the Defense of the Homeland",
            assoc_actor_2="",
            iso3="BFA",
            country="Burkina Faso",
            location="Djibo",
            sources=(make_source(7, mention_id="bfa#m0"),),
        ),
        make_event(
            "ev-ner-niamey",
            event_date=date(2024, 4, 20),
            event_type="Protests",
            sub_event_type="Peaceful protest",
            disorder_type="Demonstrations",
            actor1="Protesters (Niger)",
            actor2="",
            assoc_actor_2="",
            iso3="NER",
            country="Niger",
            location="Niamey",
            sources=(),
        ),
        make_event("ev-undated", event_date=None, time_precision=None, n_sources=1),
    ]
    with Store.open(tmp_path / "sitreps.duckdb") as opened:
        opened.add(events=events)
        yield opened


def _ids(events):
    return [event.event_id for event in events]


def test_store_events_orders_by_date_then_id_with_undated_last(store):
    assert _ids(store.events()) == ["ev-bfa-djibo", "ev-mli-ogossagou", "ev-ner-niamey", "ev-undated"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"country": "BFA"}, ["ev-bfa-djibo"]),
        ({"country": "mli"}, ["ev-mli-ogossagou", "ev-undated"]),
        ({"country": "burkina faso"}, ["ev-bfa-djibo"]),
        ({"country": "Chad"}, []),
        ({"since": date(2024, 3, 12)}, ["ev-mli-ogossagou", "ev-ner-niamey"]),
        ({"until": date(2024, 3, 12)}, ["ev-bfa-djibo", "ev-mli-ogossagou"]),
        ({"since": date(2024, 2, 2), "until": date(2024, 4, 19)}, ["ev-mli-ogossagou"]),
        ({"event_type": "Battles"}, ["ev-bfa-djibo"]),
        ({"event_type": "peaceful protest"}, ["ev-ner-niamey"]),
        ({"actor": "jnim"}, ["ev-bfa-djibo"]),
        ({"actor": "volunteers for the defense"}, ["ev-bfa-djibo"]),
        ({"actor": "Fulani"}, ["ev-mli-ogossagou", "ev-undated"]),
        ({"actor": "niger)"}, ["ev-ner-niamey"]),
        ({"actor": "100%"}, []),
        ({"country": "MLI", "since": date(2024, 1, 1)}, ["ev-mli-ogossagou"]),
        ({"limit": 2}, ["ev-bfa-djibo", "ev-mli-ogossagou"]),
        ({"limit": 0}, []),
    ],
)
def test_store_events_filters(store, filters, expected):
    assert _ids(store.events(**filters)) == expected


def test_store_events_keep_their_own_sources(store):
    by_id = {event.event_id: event for event in store.events()}
    assert [s.mention_id for s in by_id["ev-bfa-djibo"].sources] == ["bfa#m0"]
    assert len(by_id["ev-mli-ogossagou"].sources) == 2
    assert by_id["ev-ner-niamey"].sources == ()


def test_store_events_negative_limit_is_usage_error(store):
    with pytest.raises(UsageError):
        store.events(limit=-1)


def test_store_stats_counts_rows(store):
    stats = store.stats()
    assert (stats.events, stats.sources, stats.documents) == (4, 4, 0)
