"""JSON Lines, CSV and terminal table exports of hand-built events."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from sitreps.analyze.export import CSV_COLUMNS, format_table, source_name, write_csv, write_jsonl
from sitreps.model import CONTRACT_FIELDS


def _jsonl(events) -> list[dict]:
    out = io.StringIO()
    write_jsonl(events, out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def _csv(events) -> tuple[list[str], list[dict]]:
    out = io.StringIO()
    write_csv(events, out)
    reader = csv.DictReader(io.StringIO(out.getvalue()))
    return list(reader.fieldnames), list(reader)


def test_export_jsonl_parses_back_in_contract_order(make_event):
    records = _jsonl([make_event(), make_event("ev-2", n_sources=1)])
    assert [r["event_id"] for r in records] == ["ev-bfa-djibo", "ev-2"]
    assert list(records[0]) == list(CONTRACT_FIELDS)
    first = records[0]
    assert first["event_date"] == "2024-03-11"
    assert (first["latitude"], first["longitude"]) == (14.1012, -1.6277)
    assert first["civilian_targeting"] is False
    assert first["sources"][0]["published"] == "2024-03-13"
    assert first["sources"][0]["claimant"] == "the army"
    assert [s["mention_id"] for s in first["sources"]] == ["news/report-1.html#m0", "news/report-2.html#m0"]


@pytest.mark.parametrize(
    ("changes", "field", "expected"),
    [
        ({"event_date": None}, "event_date", None),
        ({"latitude": None}, "latitude", None),
        ({"fatalities_best": None}, "fatalities_best", None),
        ({"location": "Ouagadougou-Zogona"}, "location", "Ouagadougou-Zogona"),
        ({"notes": "Des soldats ont affronté le JNIM près de Djibo."}, "notes", "Des soldats ont affronté le JNIM près de Djibo."),
    ],
)
def test_export_jsonl_field_values(make_event, changes, field, expected):
    (record,) = _jsonl([make_event(**changes)])
    assert record[field] == expected


def test_export_jsonl_keeps_accents_readable(make_event):
    out = io.StringIO()
    write_jsonl([make_event(location="Tillabéri")], out)
    assert "Tillabéri" in out.getvalue()


def test_export_csv_header_and_source_count(make_event):
    header, rows = _csv([make_event(n_sources=3), make_event("ev-none", n_sources=0)])
    assert header == list(CONTRACT_FIELDS) + ["source_count", "first_arrived", "last_arrived"]
    assert header == list(CSV_COLUMNS)
    assert rows[0]["sources"] == "Outlet 1; Outlet 2; Outlet 3"
    assert rows[0]["source_count"] == "3"
    assert (rows[1]["sources"], rows[1]["source_count"]) == ("", "0")


@pytest.mark.parametrize(
    ("changes", "field", "expected"),
    [
        ({}, "civilian_targeting", "false"),
        ({"civilian_targeting": True}, "civilian_targeting", "true"),
        ({}, "event_date", "2024-03-11"),
        ({"event_date": None}, "event_date", ""),
        ({}, "latitude", "14.1012"),
        ({"fatalities_high": None}, "fatalities_high", ""),
        ({"actor1": 'Group "A", splinter'}, "actor1", 'Group "A", splinter'),
        ({"notes": "Line one.\nLine two."}, "notes", "Line one.\nLine two."),
    ],
)
def test_export_csv_values(make_event, changes, field, expected):
    _, (row,) = _csv([make_event(**changes)])
    assert row[field] == expected


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, "Outlet 1"),
        ({"publisher": None}, "Report 1"),
        ({"publisher": None, "title": None}, "news/report-1.html"),
        ({"publisher": "", "title": ""}, "news/report-1.html"),
    ],
)
def test_export_source_name_falls_back(make_source, changes, expected):
    assert source_name(make_source(1, **changes)) == expected


def test_export_csv_names_a_repeated_publisher_once(make_event, make_source):
    event = make_event(sources=(make_source(1, publisher="RFI"), make_source(2, publisher="RFI"), make_source(3)))
    _, (row,) = _csv([event])
    assert (row["sources"], row["source_count"]) == ("RFI; Outlet 3", "3")


def test_export_table_contains_values(make_event):
    table = format_table([make_event(n_sources=2)])
    lines = table.splitlines()
    assert lines[0].split() == ["Event", "id", "Date", "Place", "Type", "Actors", "Deaths", "Sources"]
    row = lines[2]
    assert row.split()[0] == "ev-bfa-djibo"  # the id --explain, merge and split take, first
    for value in ("2024-03-11", "Djibo, Burkina Faso", "Armed clash", "Military Forces of Burkina Faso (2022-) vs JNIM"):
        assert value in row
    assert row.split()[-2:] == ["1", "2"]
    assert lines[-1] == "1 event"


def test_export_table_counts_events_and_marks_undated(make_event):
    table = format_table([make_event(), make_event("ev-2", event_date=None, actor2="")])
    lines = table.splitlines()
    assert lines[-1] == "2 events"
    assert lines[3].split()[:2] == ["ev-2", "unknown"]
    assert " vs " not in lines[3]


def test_export_table_empty():
    assert format_table([]) == "No events."


@pytest.mark.parametrize("width", [72, 80, 100])
def test_export_table_fits_width_with_ellipsis(make_event, width):
    long_name = "Coalition of Patriotic Movements for the Liberation of the Northern Territories"
    table = format_table([make_event(actor1=long_name, location="Ouagadougou-Zogona-Extension")], width=width)
    body = table.splitlines()[:-1]
    assert all(len(line) <= width for line in body)
    assert "…" in body[2]
    assert body[2].split()[-2:] == ["1", "2"]


def test_export_table_cuts_long_cells_without_width(make_event):
    long_actor = "Military Forces of Burkina Faso (2022-) and allied Volunteers for the Defense of the Homeland"
    row = format_table([make_event(actor1=long_actor)]).splitlines()[2]
    assert "…" in row
    assert long_actor not in row


def test_export_writers_return_counts(make_event):
    events = [make_event(), make_event("ev-2")]
    assert write_jsonl(events, io.StringIO()) == 2
    assert write_csv(iter(events), io.StringIO()) == 2
    assert write_jsonl([], io.StringIO()) == 0


def test_export_jsonl_dates_are_iso_strings(make_event, make_source):
    event = make_event(sources=(make_source(1, published=None, event_date=date(2024, 3, 10)),))
    (record,) = _jsonl([event])
    assert record["sources"][0]["published"] is None
    assert record["sources"][0]["event_date"] == "2024-03-10"


def test_export_table_narrower_than_floor_still_shows_every_column(make_event):
    lines = format_table([make_event()], width=20).splitlines()
    assert lines[0].split() == ["Event", "id", "Date", "Place", "Type", "Actors", "Deaths", "Sources"]
    assert lines[2].split()[:2] == ["ev-bfa-djibo", "2024-03-11"]
