"""Fuse stage: mentions of one real-world event become one Event with one source per report.

Version ``fuse.key.v2`` onwards: each mention joins the cluster it fits best by the contract's event
unit (one day, one place, one main pair of actors), with date windows widened by each mention's
time precision and place windows by its geo precision; a mention that fits none starts a new
event. Stored clusters keep their ``event_id`` when reports join them (``assign``), and analyst
overrides hold: stored mentions never move, and a merged cluster takes a report that fits any
of its members. Each report keeps its own claim in ``Event.sources``; copies of one
article (``copies``) are kept as sources but count once towards confidence.

``fuse.key.v3`` (real news, several outlets): a one-day slip between outlets is forgiven for one
spot and a large matching toll; reports that all name civilians as victims but blame different
kinds of perpetrator are one massacre; a village the gazetteer lacks matches an exactly placed
town only by name; the fused type follows the reports whose actors bear it out.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
from collections import Counter
from datetime import date, timedelta
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping

from rapidfuzz import fuzz

from ..config import Settings
from ..model import (
    DATE_SLACK_DAYS,
    EVENT_TYPE_OF,
    EVENT_TYPES,
    NON_STATE_ARMED_TYPES,
    Event,
    Mention,
    SourceClaim,
    disorder_type_of,
    interaction_of,
)
from ..resolve.names import normalize_name  # the gazetteer's name key: spellings compare as it compares them

VERSION = "fuse.key.v3"
STAGE = "fuse"
READS = ("Mention.event_date", "Mention.place", "Mention.actor1", "Mention.sub_event_type", "Mention.fatalities")
FILLS = ("Event.*",)

_UNIDENTIFIED = "Unidentified Armed Group"
_SAME_NAME_RATIO = 85  # rapidfuzz ratio of two folded place names that are spellings of one
# A day-precise date one day off is forgiven between outlets only for tolls this large that
# agree this closely (smaller / larger): ordinary clashes recur at one place on following days,
# mass killings that size rarely do, and two of them rarely leave the same toll.
SLIP_DAYS = 1
SLIP_MIN_TOLL = 15
SLIP_TOLL_RATIO = 0.8


@dataclass
class Cluster:
    """The mentions of one event. ``event_id`` is set once the event is stored; ``merged`` when an
    analyst merged it (its members need not all fit each other)."""

    mentions: list[Mention]
    event_id: str | None = None
    merged: bool = False


def run(mentions: Iterable[Mention], settings: Settings, resources=None, copies: Mapping[str, str] | None = None) -> list[Event]:
    """Fuse mentions with nothing stored (stateless extraction)."""
    clusters = assign([], mentions, settings)
    return events_of(clusters, copies or {}, settings)


def assign(clusters: list[Cluster], mentions: Iterable[Mention], settings: Settings, copies: Mapping[str, str] | None = None) -> list[Cluster]:
    """Put each new mention in the cluster it fits best (stored or new); returns every cluster,
    the ones given first. Mentions already in a cluster never move: analysts' merges and splits
    stay as they made them. A mention of a copied article (``copies``: article id -> document it
    copies) goes where the same sentence of the original went, whatever its date now resolves to
    (a repost a day later turns "yesterday" into another day)."""
    clusters = list(clusters)
    copies = copies or {}
    for mention in sorted(mentions, key=lambda m: (m.event_date or date.min, m.mention_id)):
        original = copies.get(mention.article_id)
        home = next((c for c in clusters if original and any(m.document_id == original and m.evidence == mention.evidence for m in c.mentions)), None)
        if home is not None:
            home.mentions.append(mention)
            continue
        fitting = [c for c in clusters if _fits(mention, c, settings)]
        if not fitting:
            clusters.append(Cluster([mention]))
            continue
        best = min(fitting, key=lambda c: (_gap(mention, c), clusters.index(c)))
        best.mentions.append(mention)
    return clusters


def _fits(mention: Mention, cluster: Cluster, settings: Settings) -> bool:
    check = any if cluster.merged else all
    return check(same_event(mention, other, settings) for other in cluster.mentions)


def _gap(mention: Mention, cluster: Cluster) -> tuple[float, float, float]:
    """How far a mention is from a cluster it fits (closest member): days, kilometres, then
    difference in tolls. A vague date or place says nothing about which fitting event is
    nearer, so it counts as 0; the toll then tells look-alike events apart ("earlier this week,
    6 soldiers" is the event of 5 or 6 dead, not the one of 8)."""
    members = cluster.mentions
    days = km = deaths = math.inf
    if mention.event_date and mention.time_precision == 1:
        days = min((_date_mismatch(mention, m) for m in members if m.event_date), default=math.inf)
    elif mention.event_date:
        days = 0
    if mention.place and mention.geo_precision == 1:
        km = min((_distance_km(mention.place, m.place) for m in members if m.place), default=math.inf)
    elif mention.place:
        km = 0
    if mention.fatalities:
        deaths = min((abs(mention.fatalities - m.fatalities) for m in members if m.fatalities), default=math.inf)
    return days, km, deaths


def _date_mismatch(a: Mention, b: Mention) -> int:
    """Days by which two dates' spans differ at either end: "the night of 4 to 5 June" is nearer
    a report of the 4th-5th than one of the 5th, which it also fits."""
    a_first, a_last = _span(a)
    b_first, b_last = _span(b)
    return abs((a_first - b_first).days) + abs((a_last - b_last).days)


def _span(mention: Mention) -> tuple[date, date]:
    before, after = mention.date_spill
    return mention.event_date - timedelta(days=before), mention.event_date + timedelta(days=after)


def events_of(
    clusters: list[Cluster], copies: Mapping[str, str], settings: Settings, stored: Callable[[list[str]], set[str]] = lambda _: set()
) -> list[Event]:
    """The fused event of each cluster: stored clusters keep their id; a new one takes the id of
    its event unit, suffixed when that id is taken by another cluster or stored (``stored``
    gives, for the ids of new events, the stored ids among them and their suffixed forms),
    deterministic for the same inputs."""
    events = []
    fresh = []
    taken: set[str] = set()
    for cluster in clusters:
        event = fuse_cluster(cluster.mentions, copies, settings)
        if cluster.event_id:
            events.append(dataclasses.replace(event, event_id=cluster.event_id))
            taken.add(cluster.event_id)
        else:
            fresh.append((event, cluster))
    stored_ids = stored(sorted({event.event_id for event, _ in fresh})) if fresh else set()
    for event, cluster in sorted(fresh, key=lambda pair: (pair[0].event_id, min(m.mention_id for m in pair[1].mentions))):
        unique, count = event.event_id, 1
        while unique in taken or unique in stored_ids:
            count += 1
            unique = f"{event.event_id}-{count}"
        taken.add(unique)
        cluster.event_id = unique  # the cluster is now the stored event of that id
        events.append(dataclasses.replace(event, event_id=unique))
    return sorted(events, key=lambda e: (e.event_date or date.min, e.event_id))


def same_event(a: Mention, b: Mention, settings: Settings) -> bool:
    """Could two mentions tell of the same event (day, place, actors, kind of violence)?"""
    if a.article_id == b.article_id:
        # Extraction already gathered what one story tells of one event into one mention; two
        # mentions of one story are two events it told apart.
        return False
    if a.document_id != b.document_id and not (_precise_enough(a) and _precise_enough(b)):
        # Reports of different documents are one event only when each fixes a date and a place
        # below the country: two undated, or country-wide, reports share nothing but a country.
        return False
    return alike(a, b, settings)


def alike(a: Mention, b: Mention, settings: Settings) -> bool:
    """Do two mentions agree on kind of violence, day, place and actors (whoever reported them)?"""
    if _family(a.sub_event_type) != _family(b.sub_event_type):
        return False
    if a.article_id == b.article_id and a.sub_event_type != b.sub_event_type:
        return False  # two tactics one story kept apart (an abduction and an IED) are two reports
    if a.event_date and b.event_date and days_apart(a, b) > days_allowed(a, b, settings) and not _day_slip(a, b, settings):
        return False
    if not _same_place(a, b, settings):
        return False
    return _compatible_actors(a, b)


def _day_slip(a: Mention, b: Mention, settings: Settings) -> bool:
    """Two outlets that date one incident a day apart: a night attack dated by when it began or
    ended, another time zone, or a page that pairs the wrong date with the weekday. A day-precise
    report of the same spot the next day is usually another event (the contract's unit is one
    day), so a one-day slip is forgiven only when the reports agree on what a second event would
    hardly repeat: the same town or village, and a large toll both give within a small ratio."""
    if a.document_id == b.document_id or not (a.time_precision == b.time_precision == 1):
        return False
    if days_apart(a, b) > days_allowed(a, b, settings) + SLIP_DAYS:
        return False
    if not _same_spot(a, b):
        return False
    low, high = sorted((a.fatalities, b.fatalities))
    return low >= SLIP_MIN_TOLL and low >= SLIP_TOLL_RATIO * high


def _precise_enough(mention: Mention) -> bool:
    """A date, and a place finer than a whole country (a town, a region, or a named village the
    gazetteer lacks)."""
    if mention.event_date is None or mention.place is None:
        return False
    return bool(mention.place.admin1) or mention.geo_precision in (1, 2) or mention.unlisted


def days_apart(a: Mention, b: Mention) -> int:
    """Days between two reports' dates, each widened by its spill (a night runs into the next
    day, "early on Monday" may be Sunday night): 0 when the widened dates meet."""
    a_first, a_last = _span(a)
    b_first, b_last = _span(b)
    return max((b_first - a_last).days, (a_first - b_last).days, 0)


def days_allowed(a: Mention, b: Mention, settings: Settings) -> int:
    """How many days apart two dated reports of one event may be, given both precisions."""
    window = settings.fuse_date_window_days if a.time_precision == b.time_precision == 1 else 0
    return window + _slack(a) + _slack(b)


def _slack(mention: Mention) -> int:
    return DATE_SLACK_DAYS.get(mention.time_precision, DATE_SLACK_DAYS[None])


def same_kind(sub_event_type: str) -> tuple[str, ...]:
    """The sub-event types a report of this type can be one event with (its family)."""
    family = _family(sub_event_type)
    return tuple(s for s in EVENT_TYPE_OF if _family(s) == family)


def _family(sub_event_type: str) -> str:
    disorder = disorder_type_of(sub_event_type)
    # Sources disagree on tactics (clash vs attack) far more than on whether violence happened.
    if disorder.startswith("Political violence"):
        return "violence"
    if disorder == "Strategic developments":
        return sub_event_type
    return disorder


def _same_place(a: Mention, b: Mention, settings: Settings) -> bool:
    if a.place is None or b.place is None:
        return False  # an unplaced report is known to be no other report's event
    if a.place.country_iso3 != b.place.country_iso3:
        return False
    if a.geo_precision == b.geo_precision == 1:
        return a.place.geonameid == b.place.geonameid or a.place.name == b.place.name
    if a.unlisted and b.unlisted:
        # Villages the gazetteer lacks are coded to their country: the names themselves tell
        # "Hosrawa" / "Hossrawa" (one village) from two different ones.
        return _alike_names(a.place_text, b.place_text)
    if (a.unlisted and b.geo_precision == 1) or (b.unlisted and a.geo_precision == 1):
        # A village the gazetteer lacks is coded to its country, so its coordinates say nothing;
        # a town placed exactly is the same place only when it is a spelling of that village
        # ("Ogossagou" / "Ogossogou") or the town the story names it by ("X, near Bankass"). Any
        # town of the country would merge neighbouring villages struck the same day.
        village, town = (a, b) if a.unlisted else (b, a)
        names = (village.place_text, *village.place_context)
        return any(_alike_names(name, town.place.name) or _alike_names(name, town.place_text) for name in names if name)
    if (a.geo_precision == 3) != (b.geo_precision == 3):
        # A region-level report can be the same event as a town-level one inside that region.
        region = a.place if a.geo_precision == 3 else b.place
        town = b.place if a.geo_precision == 3 else a.place
        return not region.admin1 or region.admin1 == town.admin1
    return _distance_km(a.place, b.place) <= settings.fuse_distance_km


def _same_spot(a: Mention, b: Mention) -> bool:
    """One town or village by name, not merely one area: both placed exactly at the same town,
    or both villages the gazetteer lacks with names that are spellings of one."""
    if a.place is None or b.place is None or a.place.country_iso3 != b.place.country_iso3:
        return False
    if a.unlisted or b.unlisted:
        return a.unlisted and b.unlisted and _alike_names(a.place_text, b.place_text)
    if a.geo_precision == b.geo_precision == 1:
        return a.place.geonameid == b.place.geonameid or a.place.name == b.place.name
    return False


def _alike_names(a: str, b: str) -> bool:
    return bool(a and b) and fuzz.ratio(normalize_name(a), normalize_name(b)) >= _SAME_NAME_RATIO


def _compatible_actors(a: Mention, b: Mention) -> bool:
    groups_a, groups_b = _named_groups(a), _named_groups(b)
    if groups_a and groups_b and not groups_a & groups_b:
        # JNIM attacking the army and IS Sahel attacking the army are two events; which side a
        # report names first ("the army repelled IS Sahel" / "IS Sahel attacked the army") is not.
        return False
    # Two complete actor pairs of different kinds are two events on one spot ("attackers killed
    # students" and "police special forces killed the attackers"); reports that disagree on who
    # the perpetrator was (an early "the army", a later "a Dogon militia") are not: when both say
    # civilians were the victims, the other side is the outlets' attribution, not another event.
    pair_a, pair_b = _sides(a), _sides(b)
    if len(pair_a) == 2 and len(pair_b) == 2 and pair_a != pair_b:
        return "civilians" in pair_a and "civilians" in pair_b
    return True


def _sides(mention: Mention) -> frozenset[str]:
    kinds = {"State forces": "forces", "External/Other forces": "forces", "Civilians": "civilians", "Protesters": "protesters", "Rioters": "rioters"}
    return frozenset(kinds.get(x.actor_type, "armed") for x in (mention.actor1, mention.actor2) if x)


def _named_groups(mention: Mention) -> set[str]:
    """The named non-state armed groups on either side of a mention. An ethnic or communal
    militia is described rather than named ("Dogon militia", "Dozo hunters" may be one group)."""
    return {
        x.name for x in (mention.actor1, mention.actor2)
        if x and x.actor_type in NON_STATE_ARMED_TYPES and x.actor_type != "Identity militia" and _named(x)
    }


def _named(actor) -> str:
    return actor.name if actor and not actor.name.startswith((_UNIDENTIFIED, "Civilians", "Protesters", "Rioters")) else ""


def _distance_km(p, q) -> float:
    if None in (p.latitude, p.longitude, q.latitude, q.longitude):
        return math.inf
    lat1, lon1, lat2, lon2 = map(math.radians, (p.latitude, p.longitude, q.latitude, q.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def fuse_cluster(mentions: list[Mention], copies: Mapping[str, str], settings: Settings) -> Event:
    """The event the mentions of one cluster tell, with one source claim per report."""
    dated = [m for m in mentions if m.event_date]
    best_date = _most_precise(dated, lambda m: m.time_precision or 9, lambda m: m.event_date)
    placed = [m for m in mentions if m.place]
    best_place = _most_precise(placed, lambda m: m.geo_precision or 9, lambda m: m.place.geonameid or m.place.name)
    # The type most independent reports give whose actors bear it out, then the type most
    # reports give, then the contract's precedence: one outlet that calls a massacre a clash
    # does not make it one, nor do two that call it a clash without naming a second armed side
    # when another names the civilians who were shot.
    types = {m.sub_event_type for m in mentions}
    reporting = {s: len({copies.get(m.article_id, m.document_id) for m in mentions if m.sub_event_type == s}) for s in types}
    borne_out = {s: len({copies.get(m.article_id, m.document_id) for m in mentions if m.sub_event_type == s and _type_borne_out(m)}) for s in types}
    sub_event_type = min(reporting, key=lambda s: (-borne_out[s], -reporting[s], EVENT_TYPES.index(_event_type(s)), s))
    actor1 = _common_actor([m.actor1 for m in mentions])
    actor2 = _common_actor([m.actor2 for m in mentions if m.actor2 and (not actor1 or m.actor2.name != actor1.name)])
    assoc1 = _names(a for m in mentions for a in m.assoc_actors1 if not _same(a, actor1, actor2))
    assoc2 = _names(a for m in mentions for a in m.assoc_actors2 if not _same(a, actor1, actor2))
    sources = _sources(mentions, copies, settings)
    reported = [s.fatalities for s in sources if s.fatalities > 0]
    place = best_place.place if best_place else None
    inter1 = actor1.actor_type if actor1 else ""
    inter2 = actor2.actor_type if actor2 else ""
    event_date = best_date.event_date if best_date else None
    record = dict(
        event_date=event_date,
        time_precision=best_date.time_precision if best_date else None,
        disorder_type=disorder_type_of(sub_event_type),
        event_type=_event_type(sub_event_type),
        sub_event_type=sub_event_type,
        actor1=actor1.name if actor1 else "",
        actor2=actor2.name if actor2 else "",
        assoc_actor_1="; ".join(assoc1),
        assoc_actor_2="; ".join(assoc2),
        inter1=inter1,
        inter2=inter2,
        interaction=interaction_of(inter1, inter2),
        civilian_targeting=any(m.civilian_targeting for m in mentions),
        iso3=place.country_iso3 if place else "",
        country=place.country if place else "",
        admin1=place.admin1 if place else "",
        admin2=place.admin2 if place else "",
        admin3=place.admin3 if place else "",
        location=place.name if place else "",
        latitude=round(place.latitude, 4) if place and place.latitude is not None else None,
        longitude=round(place.longitude, 4) if place and place.longitude is not None else None,
        geo_precision=best_place.geo_precision if best_place else None,
        # The conservative figure is the lowest number a source reported; "no number" is not zero.
        fatalities=min(reported) if reported else 0,
        fatalities_low=min(reported) if reported else None,
        fatalities_best=sorted(reported)[(len(reported) - 1) // 2] if reported else None,
        fatalities_high=max(reported) if reported else None,
        confidence=_confidence(mentions, copies),
        sources=tuple(sources),
    )
    record["notes"] = _notes(record)
    # Unplaced events have no place to tell them apart: their first report stands in for it.
    where = (place.geonameid or place.name) if place else f"unplaced:{min(m.mention_id for m in mentions)}"
    record["event_id"] = event_id(event_date, where, _family(sub_event_type), record["actor1"], record["actor2"])
    return Event(**record)


def _type_borne_out(mention: Mention) -> bool:
    """Does a report name the sides its type needs? A battle needs two armed sides, violence
    against civilians its civilian victims; other types ask nothing of the actors."""
    event_type = mention.event_type
    if event_type == "Battles":
        return bool(mention.actor1 and mention.actor2) and "civilians" not in _sides(mention)
    if event_type == "Violence against civilians":
        return mention.civilian_targeting or "civilians" in _sides(mention)
    return True


def event_id(event_date, where, family, actor1, actor2) -> str:
    """Stable id of the event unit: the same day, place, kind of event and actors give the same id."""
    key = "|".join(str(x) for x in (event_date, where, family, actor1, actor2))
    return "SR" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:14]


def _event_type(sub_event_type: str) -> str:
    return EVENT_TYPE_OF[sub_event_type]


def _most_precise(mentions: list[Mention], precision, value):
    if not mentions:
        return None
    best = min(precision(m) for m in mentions)
    tied = [m for m in mentions if precision(m) == best]
    votes = Counter(value(m) for m in tied)
    top = max(votes.values())
    return next(m for m in tied if votes[value(m)] == top)


def _common_actor(actors):
    actors = [a for a in actors if a]
    if not actors:
        return None
    named = [a for a in actors if not a.name.startswith(_UNIDENTIFIED)] or actors
    votes = Counter(a.name for a in named)
    top = max(votes.values())
    return next(a for a in named if votes[a.name] == top)


def _same(actor, *others) -> bool:
    return any(o is not None and actor.name == o.name for o in others)


def _names(actors) -> list[str]:
    names: list[str] = []
    for actor in actors:
        if actor.name not in names:
            names.append(actor.name)
    return names


def _sources(mentions: list[Mention], copies: Mapping[str, str], settings: Settings) -> list[SourceClaim]:
    """One claim per report: mentions from the same article that could tell one event are that
    article's one claim. Fusion only joins such mentions; an analyst's merge can bring together
    what one article told as different events (another day, place or kind), and each of those
    stays a claim of its own."""
    claims = []
    for article_mentions in _reports(mentions, settings):
        first = article_mentions[0]
        precise = min(article_mentions, key=lambda m: (m.time_precision or 9, m.geo_precision or 9))
        claims.append(
            SourceClaim(
                document=first.document_id,
                url=first.url,
                title=first.title,
                publisher=first.publisher,
                published=first.published,
                evidence=" ".join(dict.fromkeys(m.evidence for m in article_mentions)),
                claimant=next((m.claimant for m in article_mentions if m.claimant), None),
                fatalities=max(m.fatalities for m in article_mentions),
                event_date=precise.event_date,
                location=precise.place.name if precise.place else precise.place_text,
                actor1=first.actor1.name if first.actor1 else "",
                actor2=first.actor2.name if first.actor2 else "",
                mention_id=first.mention_id,
                copy_of=copies.get(first.article_id, ""),
            )
        )
    return claims


def _reports(mentions: list[Mention], settings: Settings) -> list[list[Mention]]:
    """The mentions grouped into reports: per article, linked by ``alike`` (in the order
    of their first mention)."""
    by_article: dict[str, list[list[Mention]]] = {}
    for mention in mentions:
        groups = by_article.setdefault(mention.article_id, [])
        joined = [g for g in groups if any(alike(mention, other, settings) for other in g)]
        for group in joined[1:]:  # the mention links groups that were apart: one report
            joined[0].extend(group)
            groups.remove(group)
        if joined:
            joined[0].append(mention)
        else:
            groups.append([mention])
    order = {id(m): n for n, m in enumerate(mentions)}
    reports = [sorted(group, key=lambda m: order[id(m)]) for groups in by_article.values() for group in groups]
    return sorted(reports, key=lambda group: order[id(group[0])])


def _confidence(mentions: list[Mention], copies: Mapping[str, str]) -> float:
    """Independent reports raise confidence: 1 - prod(1 - c) over distinct documents, a copy
    counting as the document it copies."""
    per_document: dict[str, float] = {}
    for mention in mentions:
        key = copies.get(mention.article_id) or mention.document_id
        per_document[key] = max(per_document.get(key, 0.0), mention.confidence)
    doubt = 1.0
    for value in per_document.values():
        doubt *= 1.0 - value
    return round(min(1.0 - doubt, 0.99), 3)


def _notes(record: dict) -> str:
    where = ", ".join(x for x in (record["location"], record["admin1"], record["country"]) if x) or "an unknown place"
    when = record["event_date"].isoformat() if record["event_date"] else "an unknown date"
    actors = record["actor1"] or "An unidentified actor"
    if record["actor2"]:
        actors += f" against {record['actor2']}"
    deaths = record["fatalities"]
    tail = f" {deaths} reported killed." if deaths else ""
    return f"On {when}, {record['sub_event_type'].lower()}: {actors} in {where}.{tail}"
