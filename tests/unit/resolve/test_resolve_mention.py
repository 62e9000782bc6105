"""resolve_mention and resolve_place on hand-built mentions, with the packaged gazetteer and registry."""

from __future__ import annotations

from datetime import date

import pytest

from sitreps.model import Mention
from sitreps.resolve import resolve_mention, resolve_place, run


def _mention(**changes) -> Mention:
    fields = dict(
        mention_id="story-1#m0",
        article_id="story-1",
        document_id="story-1",
        path="story-1.txt",
        sub_event_type="Armed clash",
        evidence="Soldiers clashed with JNIM fighters near Djibo on Monday.",
        evidence_span=(0, 57),
        event_date=date(2024, 3, 11),
        time_precision=1,
        confidence=0.8,
    )
    fields.update(changes)
    return Mention(**fields)


@pytest.mark.parametrize(
    "place_text, qualifier, country_hint, name, iso3, precision",
    [
        ("Djibo", "", "", "Djibo", "BFA", 1),
        ("Ménaka", "", "", "Ménaka", "MLI", 1),
        ("Djibo", "near", "", "Djibo", "BFA", 2),
        ("Tillabéri", "region", "", "Tillabéri", "NER", 3),
        ("Mopti", "region", "", "Mopti", "MLI", 3),
        ("Mali", "region", "", "Mali", "MLI", 3),
        ("Léré", "", "MLI", "Léré", "MLI", 1),
    ],
)
def test_resolve_place_qualifier_sets_geo_precision(gazetteer, place_text, qualifier, country_hint, name, iso3, precision):
    mention = _mention(place_text=place_text, place_qualifier=qualifier, country_hint=country_hint)
    place, geo_precision = resolve_place(mention, gazetteer)
    assert (place.name, place.country_iso3, geo_precision) == (name, iso3, precision)


@pytest.mark.parametrize("iso3, country", [("NER", "Niger"), ("MLI", "Mali"), ("BFA", "Burkina Faso")])
def test_resolve_place_without_place_text_falls_back_to_country_hint(gazetteer, iso3, country):
    place, geo_precision = resolve_place(_mention(country_hint=iso3), gazetteer)
    assert (place.name, place.country_iso3, geo_precision) == (country, iso3, 3)


@pytest.mark.parametrize("place_text", ["", "Xyzzyqwv"])
def test_resolve_place_unknown_place_and_no_country_is_none(gazetteer, place_text):
    assert resolve_place(_mention(place_text=place_text), gazetteer) == (None, None)


@pytest.mark.parametrize(
    "place_text, on, actor_text, expected",
    [
        ("Djibo", date(2024, 3, 11), "soldiers", "Military Forces of Burkina Faso (2022-)"),
        ("Djibo", date(2021, 3, 1), "soldiers", "Military Forces of Burkina Faso (2015-2022)"),
        ("Ménaka", date(2024, 3, 11), "soldiers", "Military Forces of Mali (2021-)"),
        ("Djibo", date(2024, 3, 11), "gunmen", "Unidentified Armed Group (Burkina Faso)"),
        ("Ménaka", date(2024, 3, 11), "hommes armés", "Unidentified Armed Group (Mali)"),
        ("Djibo", date(2024, 3, 11), "villagers", "Civilians (Burkina Faso)"),
    ],
)
def test_resolve_mention_generic_actor_gets_the_place_country(gazetteer, registry, place_text, on, actor_text, expected):
    mention = _mention(place_text=place_text, event_date=on, actor1_text=actor_text)
    assert resolve_mention(mention, gazetteer, registry).actor1.name == expected


@pytest.mark.parametrize(
    "country_hint, expected",
    [("BFA", "Military Forces of Burkina Faso (2022-)"), ("NER", "Military Forces of Niger (2023-)")],
)
def test_resolve_mention_unplaced_actor_uses_country_hint(gazetteer, registry, country_hint, expected):
    mention = _mention(country_hint=country_hint, actor1_text="soldiers", event_date=date(2024, 3, 11))
    assert resolve_mention(mention, gazetteer, registry).actor1.name == expected


@pytest.mark.parametrize(
    "actor1, actor2, assoc1, expected",
    [
        (
            "soldiers",
            "JNIM",
            ("Wagner",),
            ("Military Forces of Mali (2021-)", "JNIM: Group for Support of Islam and Muslims", ("Wagner Group",)),
        ),
        ("soldats", "civils", (), ("Military Forces of Mali (2021-)", "Civilians (Mali)", ())),
    ],
)
def test_resolve_mention_fills_both_sides_and_associates(gazetteer, registry, actor1, actor2, assoc1, expected):
    mention = _mention(place_text="Ménaka", actor1_text=actor1, actor2_text=actor2, assoc_actor1_texts=assoc1)
    resolved = resolve_mention(mention, gazetteer, registry)
    assert (resolved.actor1.name, resolved.actor2.name, tuple(a.name for a in resolved.assoc_actors1)) == expected


@pytest.mark.parametrize("actor2_text", ["soldiers", "troops"])
def test_resolve_mention_actor2_same_as_actor1_is_dropped(gazetteer, registry, actor2_text):
    mention = _mention(place_text="Djibo", actor1_text="soldiers", actor2_text=actor2_text)
    resolved = resolve_mention(mention, gazetteer, registry)
    assert resolved.actor1 is not None and resolved.actor2 is None


@pytest.mark.parametrize(
    "place_text, confidence",
    [("Djibo", 0.8), ("Xyzzyqwv", 0.64)],
)
def test_resolve_mention_unplaced_mention_loses_confidence(gazetteer, registry, place_text, confidence):
    assert resolve_mention(_mention(place_text=place_text), gazetteer, registry).confidence == confidence


@pytest.mark.parametrize("count", [1, 3])
def test_resolve_run_yields_one_mention_per_input(settings, resources, count):
    mentions = [_mention(mention_id=f"story-1#m{i}", place_text="Djibo") for i in range(count)]
    resolved = list(run(mentions, settings, resources))
    assert [m.mention_id for m in resolved] == [m.mention_id for m in mentions]
    assert all(m.place is not None and m.place.name == "Djibo" for m in resolved)
