"""Stored events near new reports: the lookup fusion makes instead of reading whole weeks.

Each stored mention keeps, in columns of its own (schema 4), the days its event may have been
on (``Mention.possible_days``: its date widened by precision and spill, or the weeks around its
publication when it gives no date) and its place. A new report's candidates are the events with
a stored report that could be the same event by every test fusion makes that a column answers:

- the same country and a sub-event type of the same kind (``kinds``);
- possible days that meet, with ``days`` to spare (the fusion date window); a report with
  neither a date nor a publication date has no days and is never a candidate;
- a place that could be the same: the same town (GeoNames id or name) when both are placed at a
  town, two villages the gazetteer lacks, a region and a place inside it (same admin1, or a
  country-level report), or a point within ``km`` (a bounding box around it).

The list is a superset: fusion (``fuse.same_event``) decides. It is one query per batch: the
new reports become probe rows, one per 8-day bucket their days reach, joined on (country,
bucket of the stored report's first day) with the mention columns, so each probe meets only the
reports of its country and weeks; no stored record is read.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import timedelta

import duckdb

from sitreps.model import Mention

_KM_PER_DEGREE = 110.5  # under the 111.2 km of a degree of latitude (R = 6371 km): a box slightly too big
_MARGIN = 1.01
_ANY_LONGITUDE = (-1e9, 1e9)
_PROBE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("kinds", "VARCHAR[]"),
    ("iso3", "VARCHAR"),
    ("admin1", "VARCHAR"),
    ("precision", "INTEGER"),
    ("geonameid", "BIGINT"),
    ("name", "VARCHAR"),
    ("unlisted", "BOOLEAN"),
    ("day_lo", "DATE"),
    ("day_hi", "DATE"),
    ("lat_lo", "DOUBLE"),
    ("lat_hi", "DOUBLE"),
    ("lon_lo", "DOUBLE"),
    ("lon_hi", "DOUBLE"),
)
_BUCKET_DAYS = 8
_PLACE = """(
    (p.precision = 1 AND coalesce(m.geo_precision, 0) = 1
      AND (m.geonameid = p.geonameid OR (m.geonameid IS NULL AND p.geonameid IS NULL) OR m.place_name = p.name))
    OR (p.unlisted AND m.unlisted)
    OR (coalesce(m.geo_precision, 0) = 3 AND p.precision <> 3 AND (coalesce(m.admin1, '') = '' OR m.admin1 = p.admin1))
    OR (coalesce(m.geo_precision, 0) <> 3 AND p.precision = 3 AND (p.admin1 = '' OR m.admin1 = p.admin1))
    OR (m.latitude BETWEEN p.lat_lo AND p.lat_hi AND m.longitude BETWEEN p.lon_lo AND p.lon_hi)
)"""
# A stored report's first day lies at most its longest span (``span``) before the probe's last
# day, so the buckets from (probe's first day - span) to its last day hold every overlap.
_SQL = f"""
WITH probe AS (SELECT {{columns}}),
span AS (SELECT coalesce(max(day_last - day_first), 0)::INTEGER AS days FROM mentions),
buckets AS (
    SELECT p.*, unnest(range((p.day_lo - span.days - DATE '1970-01-01') // {_BUCKET_DAYS},
                             (p.day_hi - DATE '1970-01-01') // {_BUCKET_DAYS} + 1)) AS bucket
    FROM probe p, span
)
SELECT DISTINCT m.event_id
FROM buckets p JOIN mentions m ON m.iso3 = p.iso3 AND (m.day_first - DATE '1970-01-01') // {_BUCKET_DAYS} = p.bucket
WHERE list_contains(p.kinds, m.sub_event_type) AND m.day_first <= p.day_hi AND m.day_last >= p.day_lo AND {_PLACE}
ORDER BY m.event_id
"""


def events_near(
    con: duckdb.DuckDBPyConnection, mentions: Sequence[Mention], kinds: Callable[[str], Sequence[str]], days: int, km: float
) -> list[str]:
    """Ids of the stored events with a report near one of ``mentions`` (see the module doc)."""
    probes = [probe for probe in (_probe(m, kinds, days, km) for m in mentions) if probe]
    if not probes:
        return []
    columns = ", ".join(f"unnest(?::{sql_type}[]) AS {name}" for name, sql_type in _PROBE_COLUMNS)
    values = [[probe[name] for probe in probes] for name, _ in _PROBE_COLUMNS]
    return [event_id for (event_id,) in con.execute(_SQL.format(columns=columns), values).fetchall()]


def _probe(mention: Mention, kinds, days: int, km: float) -> dict | None:
    place = mention.place
    possible = mention.possible_days()
    if place is None or possible is None:
        return None  # an unplaced report joins only reports of its own article, never a stored one
    window = timedelta(days=max(days, 0))
    lat_lo = lat_hi = lon_lo = lon_hi = None
    if place.latitude is not None and place.longitude is not None:
        dlat = km / _KM_PER_DEGREE * _MARGIN
        lat_lo, lat_hi = place.latitude - dlat, place.latitude + dlat
        widest = min(abs(place.latitude) + dlat, 89.0)
        dlon = dlat / math.cos(math.radians(widest))
        lon_lo, lon_hi = place.longitude - dlon, place.longitude + dlon
        if lon_lo < -180 or lon_hi > 180 or abs(place.latitude) + dlat >= 89.0:
            lon_lo, lon_hi = _ANY_LONGITUDE
    return {
        "kinds": list(kinds(mention.sub_event_type)),
        "iso3": place.country_iso3,
        "admin1": place.admin1 or "",
        "precision": mention.geo_precision or 0,
        "geonameid": place.geonameid,
        "name": place.name,
        "unlisted": mention.unlisted,
        "day_lo": possible[0] - window,
        "day_hi": possible[1] + window,
        "lat_lo": lat_lo,
        "lat_hi": lat_hi,
        "lon_lo": lon_lo,
        "lon_hi": lon_hi,
    }
