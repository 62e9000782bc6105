"""Resolve stage: text phrases of a mention to gazetteer places and registry actors.

Reads ``place_text``, ``place_qualifier``, ``country_hint``, ``actor*_text``, ``event_date``.
Fills ``place``, ``geo_precision``, ``actor1``, ``actor2``, ``assoc_actors1``, ``assoc_actors2``.
Places are resolved first: the country of the place is the country of generic actors
("soldiers" in Djibo are the Military Forces of Burkina Faso).
"""

from __future__ import annotations

import dataclasses
from typing import Iterable, Iterator

from ..config import Settings
from ..model import NON_STATE_ARMED_TYPES, WIDER_AREAS, Claim, Mention, Place
from .names import normalize_name

STAGE = "resolve"
READS = ("Mention.place_text", "Mention.place_qualifier", "Mention.place_context", "Mention.country_hint", "Mention.actor1_text", "Mention.event_date")
FILLS = ("Mention.place", "Mention.geo_precision", "Mention.actor1", "Mention.actor2", "Mention.assoc_actors1", "Mention.assoc_actors2")


def run(mentions: Iterable[Mention], settings: Settings, resources) -> Iterator[Mention]:
    for mention in mentions:
        yield resolve_mention(mention, resources.gazetteer, resources.actors)


def resolve_mention(mention: Mention, gazetteer, registry) -> Mention:
    place, precision = resolve_place(mention, gazetteer)
    country = place.country_iso3 if place else (mention.country_hint or None)
    on = mention.event_date

    def actor(text: str):
        return registry.resolve(text, country, on) if text else None

    actor1, actor2 = actor(mention.actor1_text), actor(mention.actor2_text)
    assoc1 = tuple(a for a in map(actor, mention.assoc_actor1_texts) if a and a != actor1)
    assoc2 = tuple(a for a in map(actor, mention.assoc_actor2_texts) if a and a != actor2)
    confidence = mention.confidence if place else round(mention.confidence * 0.8, 3)
    return dataclasses.replace(
        mention,
        place=place,
        geo_precision=precision,
        actor1=actor1,
        actor2=actor2 if actor2 != actor1 else None,
        assoc_actors1=assoc1,
        assoc_actors2=assoc2,
        confidence=confidence,
    )


def resolve_place(mention: Mention, gazetteer) -> tuple[Place | None, int | None]:
    """The place and its geo precision: 1 the town itself, 2 near a town, 3 a region or country."""
    country = mention.country_hint or None
    if mention.place_text and not mention.place_qualifier.startswith("unlisted"):
        found = gazetteer.geocode(mention.place_text, country).best
        if found is not None:
            if found.level in ("admin1", "admin2", "country") or mention.place_qualifier == "region":
                return found.place, 3
            return _as_written(found.place, mention.place_text), 2 if mention.place_qualifier == "near" else 1
    if mention.place_text and mention.place_qualifier.startswith("unlisted"):
        return _unlisted(mention, gazetteer, country)
    if country:
        found = gazetteer.geocode(gazetteer.country_name(country), country).best
        if found is not None:
            return found.place, 3
    return None, None


def _as_written(place: Place, text: str) -> Place:
    """The town under the name the source gives it ("Solhan", "Seytenga"), where the gazetteer
    knows it by another spelling ("Solna", "Sitenga"): the event's location is the place the text
    names, its units and coordinates the gazetteer's."""
    if not text or normalize_name(text) == normalize_name(place.name) or len(text.split()) > 4:
        return place
    return dataclasses.replace(place, name=text)


def _unlisted(mention: Mention, gazetteer, country: str | None) -> tuple[Place | None, int | None]:
    """A village (or a region) the gazetteer lacks keeps its name; it is coded to the town or
    unit the story names with it (precision 2 near a town, 3 in a region), else to its country."""
    near = None
    for text in mention.place_context:
        found = gazetteer.geocode(text, country).best
        if found is not None and found.level != "country" and (country is None or found.place.country_iso3 == country):
            near = found
            break
    if near is None and not country:
        return None, None
    base = near.place if near is not None else gazetteer.geocode(gazetteer.country_name(country), country).best.place
    regional = mention.place_qualifier == "unlisted-region"
    place = dataclasses.replace(
        base, name=mention.place_text, admin1=mention.place_text if regional and near is None else base.admin1 if near else "",
        admin2=base.admin2 if near is not None and near.level != "admin1" else "", admin3="", geonameid=None, feature_code="unlisted",
        population=0,
    )
    precision = 2 if near is not None and near.level == "populated" and not regional else 3
    return place, precision


def resolve_claim(claim: Claim, gazetteer, registry) -> Claim:
    """A claim's area as a country, admin1 or town (with its country and admin1), or a wider area
    ("the central Sahel": its countries joined with ";"); and its subject as a registry actor,
    taken from the words before the verb or after "by", else from any armed group the sentence
    names by one of its aliases."""
    iso3, admin1, area = "", "", ""
    wider = WIDER_AREAS.get(claim.area_text.lower()) if claim.area_text else None
    found = gazetteer.geocode(claim.area_text).best if claim.area_text and not wider else None
    if wider:
        iso3, area = ";".join(wider), claim.area_text
    elif found is not None:
        place = found.place
        iso3 = place.country_iso3
        if found.level == "country":
            area = place.country
        elif found.level == "admin1":
            area = admin1 = place.name
        else:
            area, admin1 = place.name, place.admin1
    country = iso3 if iso3 and not wider else None
    actor = registry.resolve(claim.subject_text, country, claim.period_end) if claim.subject_text else None
    subject_text = claim.subject_text
    if actor is None or actor.name.startswith("Unidentified"):
        named = _named_group(claim.evidence, registry, country, claim.period_end)
        if named is not None:
            actor, subject_text = named
    return dataclasses.replace(claim, iso3=iso3, admin1=admin1, area=area, subject_text=subject_text, subject_actor=actor.name if actor else "")


def _named_group(text: str, registry, country: str | None, on) -> tuple | None:
    """The first named non-state armed group the text mentions by any alias: (actor, as written)."""
    for span in registry.find(text):
        actor = registry.actor(span.key, country, on)
        if actor.actor_type in NON_STATE_ARMED_TYPES and not actor.name.startswith("Unidentified"):
            return actor, span.text
    return None