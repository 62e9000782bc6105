"""The gazetteer's file format: a gzipped TSV with the COLUMNS header, one place a line.

``format_row`` and ``write_rows`` write it (scripts/build_gazetteer.py, ``add_dump``),
``read_rows`` reads it, ``parse_dump_line`` validates a GeoNames dump line. Latitude and
longitude may be empty on an admin row: the unit then sits at its parent's coordinates (the
admin1's for an admin2, the country's for an admin1; ``fill_parent_coordinates`` at load).
Row ids are GeoNames ids; a negative id is a unit that only the OCHA p-code list knows.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable
from importlib import resources as importlib_resources
from pathlib import Path

from ..errors import InputError, MissingResourceError
from .names import clean_admin_name, is_useful_alternate, normalize_name

COLUMNS: tuple[str, ...] = (
    "geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude", "feature_class",
    "feature_code", "country_iso2", "country_iso3", "admin1", "admin2", "population", "level",
)
LEVELS: tuple[str, ...] = ("populated", "admin2", "admin1", "country")
ALTERNATE_SEPARATOR = "|"
PACKAGED_FILE = "gazetteer.tsv.gz"
DUMP_COLUMNS = 19


def parse_dump_line(line: str, path: Path, line_no: int) -> list[str]:
    """The 19 fields of one GeoNames dump line, or InputError naming the line."""
    fields = line.rstrip("\r\n").split("\t")
    if len(fields) != DUMP_COLUMNS:
        raise InputError(str(path), "bad_record", f"line {line_no}: {len(fields)} columns, GeoNames dumps have {DUMP_COLUMNS}")
    try:
        int(fields[0])
        lat, lon = float(fields[4]), float(fields[5])
        int(fields[14] or 0)
    except ValueError:
        raise InputError(str(path), "bad_record", f"line {line_no}: geonameid, coordinates or population is not a number") from None
    if not fields[1] or not -90 <= lat <= 90 or not -180 <= lon <= 180 or len(fields[8]) != 2:
        raise InputError(str(path), "bad_record", f"line {line_no}: missing name, bad coordinates or bad country code")
    return fields


def format_row(values: dict[str, object]) -> str:
    """One gazetteer line in COLUMNS order; tabs and newlines in names cannot leak in."""
    cells = []
    for column in COLUMNS:
        value = values.get(column, "")
        if column in ("latitude", "longitude") and value != "":
            value = f"{float(value):.4f}"
        cells.append(re.sub(r"[\t\r\n]", " ", str(value)))
    return "\t".join(cells)


def write_rows(lines: Iterable[str], out: Path) -> int:
    """Write sorted lines as a deterministic gzip file (no timestamp, no file name)."""
    lines = sorted(lines, key=lambda line: (line.split("\t", 9)[8], int(line.split("\t", 1)[0])))
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as zipped:
        zipped.write(("\t".join(COLUMNS) + "\n").encode("utf-8"))
        for line in lines:
            zipped.write((line + "\n").encode("utf-8"))
    return len(lines)


def read_rows(raw) -> list[list[str]]:
    """The rows of a gazetteer file. Codes, admin names and levels repeat across rows: each
    distinct value is kept once, which saves memory (some 30 MB for the packaged table)."""
    with gzip.open(raw, "rb") as unzipped:
        lines = unzipped.read().decode("utf-8").split("\n")
    if tuple(lines[0].split("\t")) != COLUMNS:
        raise MissingResourceError("gazetteer file has unexpected columns; rebuild it with scripts/build_gazetteer.py")
    rows = [line.split("\t") for line in lines[1:] if line]
    shared: dict[str, str] = {}
    for row in rows:
        row[6:12] = [shared.setdefault(value, value) for value in row[6:12]]
        row[13] = shared.setdefault(row[13], row[13])
    return rows


def fill_parent_coordinates(rows: list[list[str]], units: list[int], country_rows: dict[str, int]) -> None:
    """Admin rows (indexes ``units``) written without coordinates (no city inside to place them)
    take their parent's, in place: an admin2 its admin1's, an admin1 its country's."""
    admin1_at: dict[tuple[str, str], int] = {}  # (ISO3, admin1 name) -> a placed admin1 row
    for level in ("admin1", "admin2"):
        for index in units:
            row = rows[index]
            if row[13] != level:
                continue
            if not row[4]:
                parent = admin1_at.get((row[9], row[10])) if level == "admin2" else country_rows.get(row[9])
                if parent is None or not rows[parent][4]:
                    continue
                rows[index] = row = [*row[:4], rows[parent][4], rows[parent][5], *row[6:]]
            if level == "admin1":
                admin1_at.setdefault((row[9], row[1]), index)


# ---- user additions ----------------------------------------------------------------------


def add_dump(path: Path, user_dir: Path) -> int:
    """Validate a GeoNames country dump and save its populated places and admin units in ``user_dir``."""
    path, user_dir = Path(path), Path(user_dir)
    if not path.is_file():
        raise InputError(str(path), "not_found")
    iso3_of = _packaged_iso3()
    records: list[list[str]] = []
    try:
        with open(path, encoding="utf-8") as handle:
            for line_no, line in enumerate(handle, start=1):
                if line.strip() and not line.startswith("#"):
                    records.append(parse_dump_line(line, path, line_no))
    except UnicodeDecodeError:
        raise InputError(str(path), "bad_encoding", "GeoNames dumps are UTF-8") from None
    if not records:
        raise InputError(str(path), "empty")
    # A country dump carries its own ADM1/ADM2 features: their codes name the admin units.
    admin1 = {(r[8], r[10]): clean_admin_name(r[1]) for r in records if r[7] == "ADM1"}
    admin2 = {(r[8], r[10], r[11]): clean_admin_name(r[1]) for r in records if r[7] == "ADM2"}
    lines = []
    for r in records:
        level = {"ADM1": "admin1", "ADM2": "admin2"}.get(r[7], "populated" if r[6] == "P" else "")
        if not level:
            continue
        name = clean_admin_name(r[1]) if level != "populated" else r[1]
        alternates = {a for a in r[3].split(",") if is_useful_alternate(a)} | ({r[1]} if name != r[1] else set())
        alternates = sorted(a for a in alternates if normalize_name(a) not in (normalize_name(name), normalize_name(r[2])))
        lines.append(format_row({
            "geonameid": r[0], "name": name, "asciiname": r[2], "alternatenames": ALTERNATE_SEPARATOR.join(alternates),
            "latitude": r[4], "longitude": r[5], "feature_class": r[6], "feature_code": r[7], "country_iso2": r[8],
            "country_iso3": iso3_of.get(r[8], r[8]), "admin1": admin1.get((r[8], r[10]), ""),
            "admin2": admin2.get((r[8], r[10], r[11]), ""), "population": int(r[14] or 0), "level": level,
        }))
    write_rows(lines, user_dir / (path.name.rsplit(".", 1)[0] + ".tsv.gz"))
    return sum(1 for r in records if r[6] == "P")


def _packaged_iso3() -> dict[str, str]:
    """ISO2 -> ISO3 from the packaged country rows."""
    packaged = importlib_resources.files("sitreps").joinpath("data", PACKAGED_FILE)
    if not packaged.is_file():
        return {}
    with packaged.open("rb") as raw:
        return {row[8]: row[9] for row in read_rows(raw) if row[13] == "country"}
