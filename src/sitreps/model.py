"""Plain typed records that flow between stages.

Data moves one way: ``Document`` (ingest reads a file) -> ``Article`` (one story,
cleaned) -> ``Mention`` (one event as one article tells it, extracted and then
resolved) -> ``Event`` (mentions of one real-world event fused, with one
``SourceClaim`` per report). Anything a stage drops becomes a ``Rejected``.

Spans are character offsets into ``Article.text``. Dates are ``datetime.date``;
only the edges (JSON, DuckDB, HTTP) turn records into dicts.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal

TextKind = Literal["html", "text"]

# The contract's closed vocabularies, in the contract's order of precedence.
EVENT_TYPES: tuple[str, ...] = (
    "Battles",
    "Protests",
    "Riots",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Strategic developments",
)

SUB_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Government regains territory", "Non-state actor overtakes territory", "Armed clash"),
    "Protests": ("Excessive force against protesters", "Protest with intervention", "Peaceful protest"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

EVENT_TYPE_OF: dict[str, str] = {sub: et for et, subs in SUB_EVENT_TYPES.items() for sub in subs}

# Actor type labels, in the order of their ACLED inter codes (1..8).
ACTOR_TYPES: tuple[str, ...] = (
    "State forces",
    "Rebel group",
    "Political militia",
    "Identity militia",
    "Rioters",
    "Protesters",
    "Civilians",
    "External/Other forces",
)
# Organised armed groups that are not a state's forces: the perpetrators a claim of
# responsibility names and that tell two attacks on the same day apart.
NON_STATE_ARMED_TYPES: tuple[str, ...] = ("Rebel group", "Political militia", "Identity militia")


# How far the true day may be from a date of each time precision (days): a week's date is its
# middle day, a month's the 15th; a date of unknown precision is read as a month's.
DATE_SLACK_DAYS: dict[int | None, int] = {1: 0, 2: 3, 3: 15, None: 15}
# A report that gives no date tells of something within this many days of its publication.
UNDATED_REPORT_DAYS = 45


# Areas wider than one country that period statistics are often given for, with their
# countries (facts): a claim about "the central Sahel" is checked against all three.
WIDER_AREAS: dict[str, tuple[str, ...]] = {
    "central sahel": ("BFA", "MLI", "NER"),
    "sahel central": ("BFA", "MLI", "NER"),
    "liptako-gourma": ("BFA", "MLI", "NER"),
    "three borders area": ("BFA", "MLI", "NER"),
    "zone des trois frontières": ("BFA", "MLI", "NER"),
    "lake chad basin": ("CMR", "NER", "NGA", "TCD"),
    "bassin du lac tchad": ("CMR", "NER", "NGA", "TCD"),
}


def disorder_type_of(sub_event_type: str) -> str:
    """The contract's disorder type for a sub-event type."""
    if sub_event_type == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    event_type = EVENT_TYPE_OF[sub_event_type]
    if event_type == "Strategic developments":
        return "Strategic developments"
    if event_type == "Protests" or sub_event_type == "Violent demonstration":
        return "Demonstrations"
    return "Political violence"


def interaction_of(inter1: str, inter2: str) -> str:
    """Two actor type labels joined lowest code first; one label when there is no actor2."""
    labels = [label for label in (inter1, inter2) if label]
    labels.sort(key=ACTOR_TYPES.index)
    return "-".join(labels)


@dataclass(frozen=True)
class Document:
    """One input as read from disk: a file, a JSON record, or a WARC response."""

    document_id: str  # JSON record id, or the path (with "#n" for the n-th record of a WARC)
    path: str  # the file it came from
    kind: TextKind
    content: str  # decoded text or HTML
    url: str | None = None
    title: str | None = None
    published: date | None = None
    language: str | None = None
    retrieved: date | None = None  # when the page was fetched (a record's "retrieved", WARC-Date)


@dataclass(frozen=True)
class Article:
    """One story: boilerplate removed, aggregator pages already split."""

    article_id: str  # document_id, plus "#story-n" when a page held several stories
    document_id: str
    path: str
    text: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: date | None = None
    published_source: str | None = None  # "metadata", "url", "dateline", "html", "cli"
    # When the day of publication is unknown but the page gives its month ("date 2023-02", a
    # /2023/02/ URL): the first day of that month. Relative dates then fix only the month.
    published_month: date | None = None
    language: str = "en"
    # When the page was fetched: no event it tells is later. Never a publication date.
    retrieved: date | None = None


@dataclass(frozen=True)
class Rejected:
    """An item a stage dropped, with a reason code from ``errors.REASONS``."""

    item_id: str
    path: str
    stage: str
    reason: str
    detail: str = ""
    trace: str = field(default="", repr=False, compare=False)  # the traceback of an internal_error

    @property
    def where(self) -> str:
        """The file, and the record in it when the item is one: ``pages/a.json: record r7``,
        ``pages/b.jsonl: line 3``, ``pages/c.warc.gz: record 2``, or just ``pages/d.txt``."""
        if self.item_id == self.path or not self.path:
            return self.item_id or self.path
        rest = self.item_id[len(self.path) + 1 :] if self.item_id.startswith(self.path) else ""
        if rest and self.item_id[len(self.path)] == ":":
            return f"{self.path}: line {rest}"
        if rest and self.item_id[len(self.path)] == "#":
            return f"{self.path}: record {rest}"
        return f"{self.path}: record {self.item_id}"


@dataclass(frozen=True)
class Place:
    """A gazetteer entry."""

    name: str
    country_iso3: str
    country: str
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None
    feature_code: str = ""
    population: int = 0


@dataclass(frozen=True)
class Actor:
    """A normalised actor from the registry, e.g. ``Military Forces of Mali (2021-)``."""

    name: str
    actor_type: str  # one of ACTOR_TYPES
    country_iso3: str = ""


@dataclass(frozen=True)
class Mention:
    """One event as one article tells it.

    Extraction fills the text-level fields (type, spans, raw actor and place
    phrases, date, fatalities); resolution fills ``actor1``/``actor2``/``place``.
    """

    mention_id: str  # article_id + "#m" + index, stable for the same input
    article_id: str
    document_id: str
    path: str
    sub_event_type: str
    evidence: str  # the exact sentence(s)
    evidence_span: tuple[int, int]
    language: str = "en"
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: date | None = None
    event_date: date | None = None
    time_precision: int | None = None  # 1 day, 2 week, 3 month
    date_text: str = ""
    date_spill: tuple[int, int] = (0, 0)  # days before / after event_date it may fall on (a night)
    actor1_text: str = ""
    actor2_text: str = ""
    assoc_actor1_texts: tuple[str, ...] = ()
    assoc_actor2_texts: tuple[str, ...] = ()
    place_text: str = ""
    place_qualifier: str = ""  # "near", "outskirts", "region" ... drives geo precision
    # Other places the story names with this event ("the village of X, near Bandiagara"): where
    # a village the gazetteer lacks lies.
    place_context: tuple[str, ...] = ()
    country_hint: str = ""  # ISO3 the text mentions, helps place and actor resolution
    fatalities: int = 0
    fatalities_text: str = ""
    civilian_targeting: bool = False
    claimant: str | None = None
    confidence: float = 0.5
    # Filled by resolve:
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actors1: tuple[Actor, ...] = ()
    assoc_actors2: tuple[Actor, ...] = ()
    place: Place | None = None
    geo_precision: int | None = None

    @property
    def event_type(self) -> str:
        return EVENT_TYPE_OF[self.sub_event_type]

    @property
    def unlisted(self) -> bool:
        """A place the gazetteer lacks, introduced as a place by the text (coded to its country)."""
        return self.place_qualifier.startswith("unlisted") and bool(self.place_text)

    def possible_days(self) -> tuple[date, date] | None:
        """The first and last day the event told may have been on: the date widened by its
        spill (a night runs into the next day) and by its precision; for a report without a
        date, ``UNDATED_REPORT_DAYS`` around its publication; None when it has neither."""
        if self.event_date is None:
            if self.published is None:
                return None
            around = timedelta(days=UNDATED_REPORT_DAYS)
            return self.published - around, self.published + around
        slack = DATE_SLACK_DAYS.get(self.time_precision, DATE_SLACK_DAYS[None])
        before, after = self.date_spill
        return self.event_date - timedelta(days=before + slack), self.event_date + timedelta(days=after + slack)


@dataclass(frozen=True)
class SourceClaim:
    """One report of an event, as that source told it."""

    document: str
    url: str | None
    title: str | None
    publisher: str | None
    published: date | None
    evidence: str
    claimant: str | None
    fatalities: int
    event_date: date | None
    location: str
    actor1: str = ""
    actor2: str = ""
    mention_id: str = ""
    # The document this report copies (syndication, repost, aggregator copy): it is kept, but it
    # is not independent confirmation. Empty for an original report.
    copy_of: str = ""
    # When the store first received this report (UTC); None for events not read from a store.
    # Not part of equality: it is when we learnt the claim, not what the source claimed.
    arrived: datetime | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Claim:
    """A statement about a period, not an event: "more than 1,200 people killed by armed groups in
    Burkina Faso in 2023, according to a monitoring group". Extraction fills what the text says;
    resolution fills ``subject_actor``, ``area``, ``iso3`` and ``admin1``."""

    claim_id: str  # "SC" + a hash of the article id and sentence index
    article_id: str
    document_id: str
    url: str | None
    publisher: str | None
    published: date | None
    claimant: str | None  # who says so
    subject_text: str  # the actors the number is about, as written ("armed groups")
    measure: str  # deaths, events, abductions or displaced
    value: int
    qualifier: str  # "more than", "at least", "" ...
    value_text: str  # the number as written
    period_start: date | None
    period_end: date | None
    period_text: str
    evidence: str
    language: str = "en"
    area_text: str = ""
    subject_actor: str = ""
    area: str = ""
    iso3: str = ""
    admin1: str = ""

    def to_dict(self) -> dict:
        """JSON shape (dates as ISO strings)."""
        record = dataclasses.asdict(self)
        for name in ("published", "period_start", "period_end"):
            record[name] = _iso(getattr(self, name))
        return record


@dataclass(frozen=True)
class Event:
    """One real-world event, in the contract's fields (../shared/docs/EVENTS.md)."""

    event_id: str
    event_date: date | None
    time_precision: int | None
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str
    assoc_actor_1: str
    assoc_actor_2: str
    inter1: str
    inter2: str
    interaction: str
    civilian_targeting: bool
    iso3: str
    country: str
    admin1: str
    admin2: str
    admin3: str
    location: str
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    fatalities: int
    fatalities_low: int | None
    fatalities_best: int | None
    fatalities_high: int | None
    notes: str
    confidence: float
    sources: tuple[SourceClaim, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        """The contract's JSON shape (dates as ISO strings)."""
        record = dataclasses.asdict(self)
        record["event_date"] = _iso(self.event_date)
        record["sources"] = [
            {**dataclasses.asdict(s), "published": _iso(s.published), "event_date": _iso(s.event_date),
             "arrived": s.arrived.isoformat(timespec="seconds") if s.arrived else None}
            for s in self.sources
        ]
        return record


CONTRACT_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Event))


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
