"""Records <-> table rows. Dicts exist only here, at the DuckDB edge.

Each table's columns are listed once, with their SQL types, so that bulk inserts can cast
their parameters; a test checks these lists against schema.sql.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import struct
from datetime import date, datetime
from typing import Any, Mapping, Sequence

from sitreps.model import Actor, Article, Claim, Document, Event, Mention, Place, Rejected, SourceClaim

Row = dict[str, Any]
_CLAIM_TYPES = {"published": "DATE", "period_start": "DATE", "period_end": "DATE", "value": "BIGINT"}

EVENT_FIELD_TYPES: tuple[tuple[str, str], ...] = (
    ("event_id", "VARCHAR"),
    ("event_date", "DATE"),
    ("time_precision", "INTEGER"),
    ("disorder_type", "VARCHAR"),
    ("event_type", "VARCHAR"),
    ("sub_event_type", "VARCHAR"),
    ("actor1", "VARCHAR"),
    ("actor2", "VARCHAR"),
    ("assoc_actor_1", "VARCHAR"),
    ("assoc_actor_2", "VARCHAR"),
    ("inter1", "VARCHAR"),
    ("inter2", "VARCHAR"),
    ("interaction", "VARCHAR"),
    ("civilian_targeting", "BOOLEAN"),
    ("iso3", "VARCHAR"),
    ("country", "VARCHAR"),
    ("admin1", "VARCHAR"),
    ("admin2", "VARCHAR"),
    ("admin3", "VARCHAR"),
    ("location", "VARCHAR"),
    ("latitude", "DOUBLE"),
    ("longitude", "DOUBLE"),
    ("geo_precision", "INTEGER"),
    ("fatalities", "INTEGER"),
    ("fatalities_low", "INTEGER"),
    ("fatalities_best", "INTEGER"),
    ("fatalities_high", "INTEGER"),
    ("notes", "VARCHAR"),
    ("confidence", "DOUBLE"),
)
EVENT_FIELDS: tuple[str, ...] = tuple(name for name, _ in EVENT_FIELD_TYPES)

# Where and when each stored mention's event could have happened (schema 4), copied out of its
# record so that fusion finds the stored events near a new report without reading records.
MENTION_KEY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("sub_event_type", "VARCHAR"),
    ("day_first", "DATE"),
    ("day_last", "DATE"),
    ("iso3", "VARCHAR"),
    ("admin1", "VARCHAR"),
    ("geo_precision", "INTEGER"),
    ("geonameid", "BIGINT"),
    ("place_name", "VARCHAR"),
    ("latitude", "DOUBLE"),
    ("longitude", "DOUBLE"),
    ("unlisted", "BOOLEAN"),
)

TABLE_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (
        ("content_hash", "VARCHAR"),
        ("document_id", "VARCHAR"),
        ("path", "VARCHAR"),
        ("url", "VARCHAR"),
        ("title", "VARCHAR"),
        ("published", "DATE"),
        ("ingested_at", "TIMESTAMP"),
    ),
    "articles": (
        ("article_id", "VARCHAR"),
        ("document_id", "VARCHAR"),
        ("title", "VARCHAR"),
        ("publisher", "VARCHAR"),
        ("published", "DATE"),
        ("language", "VARCHAR"),
    ),
    "events": EVENT_FIELD_TYPES + (("first_seen_at", "TIMESTAMP"), ("updated_at", "TIMESTAMP")),
    "sources": (
        ("event_id", "VARCHAR"),
        ("position", "INTEGER"),
        ("mention_id", "VARCHAR"),
        ("document", "VARCHAR"),
        ("url", "VARCHAR"),
        ("title", "VARCHAR"),
        ("publisher", "VARCHAR"),
        ("published", "DATE"),
        ("evidence", "VARCHAR"),
        ("claimant", "VARCHAR"),
        ("fatalities", "INTEGER"),
        ("event_date", "DATE"),
        ("location", "VARCHAR"),
        ("actor1", "VARCHAR"),
        ("actor2", "VARCHAR"),
        ("copy_of", "VARCHAR"),
        ("added_at", "TIMESTAMP"),
    ),
    "mentions": (
        ("mention_id", "VARCHAR"),
        ("event_id", "VARCHAR"),
        ("article_id", "VARCHAR"),
        ("document_id", "VARCHAR"),
        ("event_date", "DATE"),
        ("copy_of", "VARCHAR"),
        ("added_at", "TIMESTAMP"),
        ("record", "VARCHAR"),
        *MENTION_KEY_COLUMNS,
    ),
    "article_signatures": (
        ("article_id", "VARCHAR"),
        ("document_id", "VARCHAR"),
        ("original_document", "VARCHAR"),
        ("signature", "UINTEGER[]"),
    ),
    "signature_bands": (
        ("article_id", "VARCHAR"),
        ("band_key", "BIGINT"),
    ),
    "claims": tuple((f.name, _CLAIM_TYPES.get(f.name, "VARCHAR")) for f in dataclasses.fields(Claim)) + (("added_at", "TIMESTAMP"),),
    "overrides": (
        ("override_id", "INTEGER"),
        ("kind", "VARCHAR"),
        ("event_ids", "VARCHAR[]"),
        ("mention_ids", "VARCHAR[]"),
        ("created_at", "TIMESTAMP"),
    ),
    "rejected": (
        ("item_id", "VARCHAR"),
        ("path", "VARCHAR"),
        ("stage", "VARCHAR"),
        ("reason", "VARCHAR"),
        ("detail", "VARCHAR"),
        ("rejected_at", "TIMESTAMP"),
    ),
}

# SourceClaim fields, in the dataclass's order, as stored in the sources table (``arrived`` is
# the table's ``added_at``).
SOURCE_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(SourceClaim) if f.name != "arrived")


def event_to_row(event: Event) -> Row:
    """The event's contract fields except ``sources``, keyed by column name."""
    return {name: getattr(event, name) for name in EVENT_FIELDS}


def event_from_row(row: Mapping[str, Any], sources: Sequence[SourceClaim] = ()) -> Event:
    """An ``Event`` from an events-table row (extra columns such as timestamps are ignored)."""
    return Event(**{name: row[name] for name in EVENT_FIELDS}, sources=tuple(sources))


def source_to_row(event_id: str, position: int, source: SourceClaim, added_at: datetime) -> Row:
    row: Row = {"event_id": event_id, "position": position}
    row.update({name: getattr(source, name) for name in SOURCE_FIELDS})
    row["added_at"] = added_at
    return row


def source_from_row(row: Mapping[str, Any]) -> SourceClaim:
    return SourceClaim(**{name: row[name] for name in SOURCE_FIELDS}, arrived=row.get("added_at"))


def source_key(source: SourceClaim) -> tuple[str, ...]:
    """What makes two claims the same report: the mention id, or its document and evidence."""
    if source.mention_id:
        return ("mention", source.mention_id)
    return ("text", source.document, source.evidence)


def document_to_row(document: Document, content_hash: str, ingested_at: datetime) -> Row:
    return {
        "content_hash": content_hash,
        "document_id": document.document_id,
        "path": document.path,
        "url": document.url,
        "title": document.title,
        "published": document.published,
        "ingested_at": ingested_at,
    }


def article_to_row(article: Article) -> Row:
    return {
        "article_id": article.article_id,
        "document_id": article.document_id,
        "title": article.title,
        "publisher": article.publisher,
        "published": article.published,
        "language": article.language,
    }


def rejected_to_row(item: Rejected, at: datetime) -> Row:
    row: Row = {name: getattr(item, name) for name in ("item_id", "path", "stage", "reason", "detail")}
    row["rejected_at"] = at
    return row


# -- mentions: the resolved reports behind each event, kept so fusion can run again -------------


def mention_to_row(mention: Mention, event_id: str, copy_of: str, added_at: datetime) -> Row:
    return {
        "mention_id": mention.mention_id,
        "event_id": event_id,
        "article_id": mention.article_id,
        "document_id": mention.document_id,
        "event_date": mention.event_date,
        "copy_of": copy_of,
        "added_at": added_at,
        "record": json.dumps(dataclasses.asdict(mention), default=_json_default, ensure_ascii=False),
        **mention_keys(mention),
    }


def mention_keys(mention: Mention) -> Row:
    """The columns of ``MENTION_KEY_COLUMNS``: the days the event may have been on
    (``Mention.possible_days``) and its place (all None for a mention without a place)."""
    days = mention.possible_days()
    place = mention.place
    return {
        "sub_event_type": mention.sub_event_type,
        "day_first": days[0] if days else None,
        "day_last": days[1] if days else None,
        "iso3": place.country_iso3 if place else None,
        "admin1": place.admin1 if place else None,
        "geo_precision": mention.geo_precision if place else None,
        "geonameid": place.geonameid if place else None,
        "place_name": place.name if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "unlisted": mention.unlisted,
    }


def mention_from_row(row: Mapping[str, Any]) -> Mention:
    data = json.loads(row["record"])
    for name in ("published", "event_date"):
        data[name] = date.fromisoformat(data[name]) if data[name] else None
    for name in ("actor1", "actor2"):
        data[name] = Actor(**data[name]) if data[name] else None
    for name in ("assoc_actors1", "assoc_actors2"):
        data[name] = tuple(Actor(**a) for a in data[name])
    for name in ("assoc_actor1_texts", "assoc_actor2_texts", "evidence_span", "date_spill"):
        if name in data:  # mentions stored before a field existed take its default
            data[name] = tuple(data[name])
    data["place"] = Place(**data["place"]) if data["place"] else None
    return Mention(**data)


def _json_default(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot store {type(value).__name__} in a mention record")


CLAIM_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Claim))


def claim_to_row(claim: Claim, added_at: datetime) -> Row:
    return {**{name: getattr(claim, name) for name in CLAIM_FIELDS}, "added_at": added_at}


def claim_from_row(row: Mapping[str, Any]) -> Claim:
    return Claim(**{name: row[name] for name in CLAIM_FIELDS})


# -- signature bands: candidate copies found by index -----------------------------------------

# MinHash LSH's banding for fusion's copy threshold (0.7 over 64 values: 8 bands of 8 values,
# as datasketch's MinHashLSH chooses; a test keeps the two equal). Two articles whose signatures
# agree on every value of one band are candidate copies; fusion compares their signatures.
SIGNATURE_BANDS = 8


def signature_keys(signature: Sequence[int]) -> list[int]:
    """One 64-bit key per band of a signature: equal keys, equal bands."""
    rows = len(signature) // SIGNATURE_BANDS
    keys = []
    for band in range(SIGNATURE_BANDS):
        values = struct.pack(f"<I{rows}I", band, *signature[band * rows : (band + 1) * rows])
        keys.append(int.from_bytes(hashlib.blake2b(values, digest_size=8).digest(), "little", signed=True))
    return keys
