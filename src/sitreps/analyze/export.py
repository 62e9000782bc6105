"""Event exports: JSON Lines, CSV and a fixed-width terminal table.

Pure functions over ``model.Event``: they write to the stream they are given and never open
files or print. Field names and order are the contract's (``model.CONTRACT_FIELDS``).
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from typing import Any, TextIO

from sitreps.model import CONTRACT_FIELDS, Event, SourceClaim

COORDINATE_DECIMALS = 4
SOURCE_SEPARATOR = "; "
# first_arrived / last_arrived: when the store received the event's first and latest report.
CSV_COLUMNS: tuple[str, ...] = CONTRACT_FIELDS + ("source_count", "first_arrived", "last_arrived")
ELLIPSIS = "…"

# Table columns: header, widest a cell may be when no width is asked for, right-aligned.
_TABLE_COLUMNS: tuple[tuple[str, int, bool], ...] = (
    ("Event id", 20, False),  # what --explain, merge and split take: never cut
    ("Date", 10, False),
    ("Place", 32, False),
    ("Type", 34, False),
    ("Actors", 64, False),
    ("Deaths", 6, True),
    ("Sources", 7, True),
)
# Columns that give up characters when the table must fit a width: (floor, weight). Actor
# names carry the most information, so they keep about twice the room of the others.
_SHRINKABLE = {"Place": (6, 1), "Type": (6, 1), "Actors": (10, 2)}
_GAP = "  "


def event_record(event: Event) -> dict[str, Any]:
    """The contract's JSON object for one event, coordinates rounded to 4 decimals."""
    record = event.to_dict()
    for name in ("latitude", "longitude"):
        if record[name] is not None:
            record[name] = round(record[name], COORDINATE_DECIMALS)
    return record


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    """Write one JSON object per line; returns the number of events written."""
    count = 0
    for event in events:
        out.write(json.dumps(event_record(event), ensure_ascii=False))
        out.write("\n")
        count += 1
    return count


def source_name(source: SourceClaim) -> str:
    """How a source is named in CSV and tables: its publisher, else its title, else its document."""
    return source.publisher or source.title or source.document


def csv_row(event: Event) -> dict[str, str]:
    """One CSV row: contract fields as text, ``sources`` as ``;``-joined names, plus ``source_count``."""
    record = event_record(event)
    row = {name: _csv_value(record[name]) for name in CONTRACT_FIELDS if name != "sources"}
    # The same outlet reporting twice is one name in the list; source_count still counts both.
    names = dict.fromkeys(source_name(source) for source in event.sources)
    row["sources"] = SOURCE_SEPARATOR.join(names)
    row["source_count"] = str(len(event.sources))
    arrived = sorted(s.arrived for s in event.sources if s.arrived)
    row["first_arrived"] = arrived[0].isoformat(timespec="seconds") if arrived else ""
    row["last_arrived"] = arrived[-1].isoformat(timespec="seconds") if arrived else ""
    return row


def write_csv(events: Iterable[Event], out: TextIO) -> int:
    """Write a header and one row per event; returns the number of events written."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in events:
        writer.writerow(csv_row(event))
        count += 1
    return count


def format_table(events: Iterable[Event], width: int | None = None) -> str:
    """A readable fixed-width table, one line per event, ending with an "N events" line.

    Long cells are cut with an ellipsis; with ``width`` the place, type and actor columns shrink
    (down to a floor) so that lines fit it.
    """
    cells = [_table_cells(event) for event in events]
    if not cells:
        return "No events."
    headers = [header for header, _, _ in _TABLE_COLUMNS]
    widths = [
        min(cap, max([len(header)] + [len(row[i]) for row in cells]))
        for i, (header, cap, _) in enumerate(_TABLE_COLUMNS)
    ]
    if width is not None:
        widths = _fit(widths, headers, width)
    lines = [_table_line(headers, widths), _table_line(["-" * w for w in widths], widths)]
    lines += [_table_line(row, widths) for row in cells]
    lines.append(f"{len(cells)} event" + ("" if len(cells) == 1 else "s"))
    return "\n".join(lines)


def _table_cells(event: Event) -> list[str]:
    place = ", ".join(part for part in (event.location, event.country) if part)
    actors = f"{event.actor1} vs {event.actor2}" if event.actor2 else event.actor1
    return [
        event.event_id,
        event.event_date.isoformat() if event.event_date else "unknown",
        _one_line(place),
        _one_line(event.sub_event_type),
        _one_line(actors),
        str(event.fatalities),
        str(len(event.sources)),
    ]


def _fit(widths: list[int], headers: list[str], width: int) -> list[int]:
    """Shrink the widest (by weight) shrinkable column one character at a time until lines fit."""
    widths = list(widths)
    shrinkable = {i: _SHRINKABLE[h] for i, h in enumerate(headers) if h in _SHRINKABLE}
    while sum(widths) + len(_GAP) * (len(widths) - 1) > width:
        candidates = [i for i, (floor, _) in shrinkable.items() if widths[i] > floor]
        if not candidates:
            break
        widest = max(candidates, key=lambda i: widths[i] / shrinkable[i][1])
        widths[widest] -= 1
    return widths


def _table_line(cells: list[str], widths: list[int]) -> str:
    parts = []
    for cell, width, (_, _, right) in zip(cells, widths, _TABLE_COLUMNS):
        text = _truncate(cell, width)
        parts.append(text.rjust(width) if right else text.ljust(width))
    return _GAP.join(parts).rstrip()


def _truncate(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    return text[: max(width - 1, 0)] + ELLIPSIS if width > 0 else ""


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
