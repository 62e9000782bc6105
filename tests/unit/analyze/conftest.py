"""Hand-built events for the export tests."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from sitreps.model import Event, SourceClaim


def make_source(n: int, **changes) -> SourceClaim:
    source = SourceClaim(
        document=f"news/report-{n}.html",
        url=f"https://example.org/report-{n}",
        title=f"Report {n}",
        publisher=f"Outlet {n}",
        published=date(2024, 3, 13),
        evidence=f"Soldiers and JNIM fighters clashed near Djibo on Monday, report {n} said.",
        claimant="the army" if n == 1 else None,
        fatalities=n,
        event_date=date(2024, 3, 11),
        location="Djibo",
        actor1="soldiers",
        actor2="JNIM fighters",
        mention_id=f"news/report-{n}.html#m0",
    )
    return dataclasses.replace(source, **changes)


def make_event(event_id: str = "ev-bfa-djibo", n_sources: int = 2, **changes) -> Event:
    event = Event(
        event_id=event_id,
        event_date=date(2024, 3, 11),
        time_precision=1,
        disorder_type="Political violence",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="Military Forces of Burkina Faso (2022-)",
        actor2="JNIM: Group for Support of Islam and Muslims",
        assoc_actor_1="VDP: Volunteers for the Defense of the Homeland",
        assoc_actor_2="",
        inter1="State forces",
        inter2="Rebel group",
        interaction="State forces-Rebel group",
        civilian_targeting=False,
        iso3="BFA",
        country="Burkina Faso",
        admin1="Sahel",
        admin2="Soum",
        admin3="",
        location="Djibo",
        latitude=14.101234567,
        longitude=-1.627654321,
        geo_precision=2,
        fatalities=1,
        fatalities_low=1,
        fatalities_best=1,
        fatalities_high=2,
        notes="Soldiers clashed with JNIM fighters near Djibo; at least one was killed.",
        confidence=0.75,
        sources=tuple(make_source(i) for i in range(1, n_sources + 1)),
    )
    return dataclasses.replace(event, **changes)


@pytest.fixture(name="make_event")
def make_event_fixture():
    return make_event


@pytest.fixture(name="make_source")
def make_source_fixture():
    return make_source
