"""The store's lookup of stored events near new reports (``Store.events_near``): it must find
every stored report fusion could join a new one to (a superset of ``fuse.same_event``), and
little else. Random reports over a small world of real places, in a real DuckDB file."""

from __future__ import annotations

import dataclasses
import random
from datetime import date, timedelta

import pytest

from sitreps import fuse
from sitreps.model import Actor, Mention, Place
from sitreps.store import Store

DJIBO = Place("Djibo", "BFA", "Burkina Faso", "Sahel", "Soum", latitude=14.0994, longitude=-1.6306, geonameid=2361177)
GASKINDE = Place("Gaskindé", "BFA", "Burkina Faso", "Sahel", "Soum", latitude=14.2167, longitude=-1.4833, geonameid=2360570)
ARBINDA = Place("Aribinda", "BFA", "Burkina Faso", "Sahel", "Soum", latitude=14.2306, longitude=-0.8681, geonameid=2362226)
KAYA = Place("Kaya", "BFA", "Burkina Faso", "Centre-Nord", "Sanmatenga", latitude=13.0917, longitude=-1.0844, geonameid=2358738)
SAHEL = Place("Sahel", "BFA", "Burkina Faso", "Sahel", latitude=14.0, longitude=-0.5, geonameid=2597267)
BURKINA = Place("Burkina Faso", "BFA", "Burkina Faso", latitude=12.5, longitude=-1.67, geonameid=2361809)
BONI = Place("Boni", "MLI", "Mali", "Mopti", "Douentza", latitude=15.0764, longitude=-1.7942, geonameid=2460596)
UNLISTED = [("Hosrawa", "unlisted"), ("Hossrawa", "unlisted"), ("Tin-Akof", "unlisted")]
# (place, geo precision, place text, qualifier)
PLACES = [
    (DJIBO, 1, "Djibo", ""), (DJIBO, 2, "Djibo", "near"), (GASKINDE, 1, "Gaskindé", ""), (ARBINDA, 1, "Arbinda", ""),
    (KAYA, 1, "Kaya", ""), (SAHEL, 3, "Sahel region", "region"), (BURKINA, 3, "Burkina Faso", ""), (BONI, 1, "Boni", ""),
    *((BURKINA, 3, name, qualifier) for name, qualifier in UNLISTED),
]
TYPES = ["Armed clash", "Attack", "Remote explosive/landmine/IED", "Peaceful protest", "Arrests", "Looting/property destruction"]
ARMY = Actor("Military Forces of Burkina Faso (2022-)", "State forces", "BFA")
DAY = date(2024, 3, 11)


def _random_mention(rng: random.Random, n: int) -> Mention:
    place, precision, text, qualifier = rng.choice(PLACES)
    time_precision = rng.choice([1, 1, 1, 2, 3])
    return Mention(
        mention_id=f"doc{n}#m0", article_id=f"doc{n}", document_id=f"doc{n}", path=f"doc{n}.txt",
        sub_event_type=rng.choice(TYPES), evidence=f"Report {n}.", evidence_span=(0, 10),
        published=DAY + timedelta(days=rng.randrange(-10, 40)),
        event_date=DAY + timedelta(days=rng.randrange(-40, 40)), time_precision=time_precision,
        date_spill=rng.choice([(0, 0), (0, 0), (0, 1), (1, 0)]),
        place_text=text, place_qualifier=qualifier, place=place, geo_precision=precision, actor1=ARMY,
        fatalities=rng.choice([0, 0, 4, 20, 22]),  # large matching tolls: one day's slip may fuse
    )


def _store_each_as_an_event(path, mentions: list[Mention], settings) -> None:
    events = [dataclasses.replace(fuse.fuse_cluster([m], {}, settings), event_id=f"E{m.document_id}") for m in mentions]
    with Store.open(path) as store:
        store.save_fused([], [], {}, [(m, f"E{m.document_id}", "") for m in mentions], events)


@pytest.mark.parametrize("window, km", [(0, 25.0), (1, 25.0), (0, 60.0)])
def test_store_events_near_finds_every_event_fusion_could_join(tmp_path, settings, window, km):
    settings = settings.replace(fuse_date_window_days=window, fuse_distance_km=km)
    rng = random.Random(window * 100 + int(km))
    stored = [_random_mention(rng, n) for n in range(400)]
    new = [_random_mention(rng, n) for n in range(400, 520)]
    _store_each_as_an_event(tmp_path / "s.duckdb", stored, settings)
    found_any = 0
    with Store.open(tmp_path / "s.duckdb", read_only=True) as store:
        for mention in new:
            # Fusion asks for one more day than its window: a one-day slip between outlets.
            near = set(store.events_near([mention], fuse.same_kind, window + fuse.SLIP_DAYS, km))
            fitting = {f"E{b.document_id}" for b in stored if fuse.same_event(mention, b, settings)}
            assert fitting <= near, (mention.place_text, mention.sub_event_type, sorted(fitting - near))
            found_any += bool(fitting)
            # Selective: only stored reports of the same country and kind, whose days meet.
            for event_id in near:
                b = stored[int(event_id[4:])]
                assert b.place.country_iso3 == mention.place.country_iso3
                assert b.sub_event_type in fuse.same_kind(mention.sub_event_type)
        everything = set(store.events_near(new, fuse.same_kind, window, km))
        assert everything == set().union(*(store.events_near([m], fuse.same_kind, window, km) for m in new))
    assert found_any > 20  # the world is small enough that many new reports have a fitting stored one
    assert len(everything) < len(stored)


def test_store_events_near_skips_far_days_other_places_and_reports_without_days(tmp_path, settings):
    base = _random_mention(random.Random(1), 0)
    base = dataclasses.replace(base, mention_id="d0#m0", article_id="d0", document_id="d0", sub_event_type="Armed clash", place=DJIBO, geo_precision=1, place_text="Djibo",
                               place_qualifier="", event_date=DAY, time_precision=1, date_spill=(0, 0), published=DAY)
    stored = [
        base,
        dataclasses.replace(base, mention_id="d1#m0", article_id="d1", document_id="d1", event_date=DAY + timedelta(days=60)),
        dataclasses.replace(base, mention_id="d2#m0", article_id="d2", document_id="d2", place=KAYA, place_text="Kaya"),
        dataclasses.replace(base, mention_id="d3#m0", article_id="d3", document_id="d3", sub_event_type="Peaceful protest"),
        # No date, published the same week: its event may be any day of the weeks around.
        dataclasses.replace(base, mention_id="d4#m0", article_id="d4", document_id="d4", event_date=None, time_precision=None),
        # Neither a date nor a publication date: never a candidate.
        dataclasses.replace(base, mention_id="d5#m0", article_id="d5", document_id="d5", event_date=None, time_precision=None, published=None),
    ]
    _store_each_as_an_event(tmp_path / "s.duckdb", stored, settings)
    probe = dataclasses.replace(base, mention_id="new#m0", article_id="new", document_id="new")
    with Store.open(tmp_path / "s.duckdb", read_only=True) as store:
        assert store.events_near([probe], fuse.same_kind, 0, 25.0) == ["Ed0", "Ed4"]
        late = dataclasses.replace(probe, event_date=DAY + timedelta(days=100), published=DAY + timedelta(days=100))
        assert store.events_near([late], fuse.same_kind, 0, 25.0) == []
        undated = dataclasses.replace(probe, event_date=None, time_precision=None, published=DAY + timedelta(days=40))
        assert store.events_near([undated], fuse.same_kind, 0, 25.0) == ["Ed0", "Ed1", "Ed4"]
        assert store.events_near([dataclasses.replace(undated, published=None)], fuse.same_kind, 0, 25.0) == []
        assert store.events_near([dataclasses.replace(probe, place=None)], fuse.same_kind, 0, 25.0) == []
