"""Hand-built records for the store tests."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from sitreps.model import Article, Document, Event, SourceClaim


def make_source(n: int, **changes) -> SourceClaim:
    source = SourceClaim(
        document=f"news/report-{n}.html",
        url=f"https://example.org/report-{n}",
        title=f"Report {n}",
        publisher=f"Outlet {n}",
        published=date(2024, 3, 13),
        evidence=f"Gunmen attacked the village of Ogossagou on Tuesday, killing {n + 4} people, report {n} said.",
        claimant=None,
        fatalities=n + 4,
        event_date=date(2024, 3, 12),
        location="Ogossagou",
        actor1="gunmen",
        actor2="villagers",
        mention_id=f"news/report-{n}.html#m0",
    )
    return dataclasses.replace(source, **changes)


def make_event(event_id: str = "ev-mali-1", n_sources: int = 2, **changes) -> Event:
    event = Event(
        event_id=event_id,
        event_date=date(2024, 3, 12),
        time_precision=1,
        disorder_type="Political violence",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        actor1="Unidentified Armed Group (Mali)",
        actor2="Civilians (Mali)",
        assoc_actor_1="",
        assoc_actor_2="Fulani Ethnic Group (Mali)",
        inter1="Political militia",
        inter2="Civilians",
        interaction="Political militia-Civilians",
        civilian_targeting=True,
        iso3="MLI",
        country="Mali",
        admin1="Mopti",
        admin2="Bankass",
        admin3="",
        location="Ogossagou",
        latitude=14.2167,
        longitude=-3.6167,
        geo_precision=1,
        fatalities=5,
        fatalities_low=5,
        fatalities_best=5,
        fatalities_high=6,
        notes="Gunmen attacked Ogossagou village, killing at least 5 civilians.",
        confidence=0.8,
        sources=tuple(make_source(i) for i in range(1, n_sources + 1)),
    )
    return dataclasses.replace(event, **changes)


def make_document(n: int, content: str | None = None) -> Document:
    return Document(
        document_id=f"news/report-{n}.html",
        path=f"news/report-{n}.html",
        kind="html",
        content=content if content is not None else f"<html><body>Report {n} about Ogossagou.</body></html>",
        url=f"https://example.org/report-{n}",
        title=f"Report {n}",
        published=date(2024, 3, 13),
    )


def make_article(n: int) -> Article:
    return Article(
        article_id=f"news/report-{n}.html",
        document_id=f"news/report-{n}.html",
        path=f"news/report-{n}.html",
        text=f"Report {n} about Ogossagou.",
        title=f"Report {n}",
        publisher=f"Outlet {n}",
        published=date(2024, 3, 13),
        language="en",
    )


@pytest.fixture(name="make_event")
def make_event_fixture():
    return make_event


@pytest.fixture(name="make_source")
def make_source_fixture():
    return make_source


@pytest.fixture(name="make_document")
def make_document_fixture():
    return make_document


@pytest.fixture(name="make_article")
def make_article_fixture():
    return make_article
