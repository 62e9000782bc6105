"""Place-name gazetteer: GeoNames places of the Sahel, world cities and countries.

The packaged table ``data/gazetteer.tsv.gz`` is built by ``scripts/build_gazetteer.py``
(GeoNames data, CC BY 4.0, www.geonames.org). Users add GeoNames country dumps with
``add_dump``; their places live in ``user_dir`` in the same compact format.
"""

from __future__ import annotations

import dataclasses
import gzip
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path

from rapidfuzz import fuzz, process

from ..errors import InputError, MissingResourceError
from ..model import Place

COLUMNS: tuple[str, ...] = (
    "geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude", "feature_class",
    "feature_code", "country_iso2", "country_iso3", "admin1", "admin2", "population", "level",
)
LEVELS: tuple[str, ...] = ("populated", "admin2", "admin1", "country")
ALTERNATE_SEPARATOR = "|"
PACKAGED_FILE = "gazetteer.tsv.gz"
COUNTRIES_FILE = "countries.tsv"
DUMP_COLUMNS = 19
# Countries whose villages are always offered to the NER entity ruler, whatever their population.
FOCUS_COUNTRIES: tuple[str, ...] = ("MLI", "BFA", "NER")

# How much a feature type counts when several places share a name: capitals and admin seats
# are what news reports mean far more often than a hamlet of the same name.
_FEATURE_RANK: dict[str, float] = {
    "PCLI": 1.0, "PPLC": 1.0, "PPLA": 0.9, "ADM1": 0.8, "PPLA2": 0.8, "ADM2": 0.7,
    "PPLA3": 0.7, "PPLA4": 0.65, "PPL": 0.55, "PPLL": 0.5, "PPLX": 0.45,
}
_OTHER_POPULATED_RANK = 0.4
_NATURAL_FEATURE_RANK = 0.35
_EXACT, _ALTERNATE, _FUZZY = 1.0, 0.9, 0.75
_OTHER_COUNTRY_FACTOR = 0.7
_SEAT_CODES = ("PPLC", "PPLA", "PPLA2")
_ADMIN_BEHIND_SEAT = 0.9
_FUZZY_MIN_LENGTH = 5
_FUZZY_CUTOFF = 88

_FOLDED = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "đ": "d", "ı": "i"})
_APOSTROPHES = re.compile(r"[’'`´ʼʻ‘]")
_SEPARATORS = re.compile(r"[\s\-‐‑–—_/.,]+")


def normalize_name(text: str) -> str:
    """Index key: lowercase, accents stripped, apostrophes dropped, hyphens as spaces."""
    text = text.lower().translate(_FOLDED)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = _APOSTROPHES.sub("", text)
    return _SEPARATORS.sub(" ", text).strip()


def is_useful_alternate(name: str) -> bool:
    """Latin-script names only: no codes, URLs, numbers or romanised junk in lowercase."""
    if not name or len(name) > 60 or any(c.isdigit() for c in name) or "http" in name or "www" in name:
        return False
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 2 or not letters[0].isupper():
        return False
    if name.isupper() and len(name) <= 4:  # airport and postal codes such as BKO
        return False
    return all(unicodedata.name(c, "").startswith("LATIN") for c in letters)


_ADMIN_AFFIXES = re.compile(
    r"^(?:province\s+(?:du|de\s+la|de\s+l[’']|des|de)\s*|cercle\s+(?:de|d[’'])\s*|d[ée]partement\s+(?:de|du|d[’'])\s*"
    r"|r[ée]gion\s+(?:de|du|d[’'])\s*|ville\s+de\s+)|\s+(?:province|cercle|region|department|prefecture)$",
    re.IGNORECASE,
)


def clean_admin_name(name: str) -> str:
    """'Province du Soum' -> 'Soum', 'Douentza Cercle' -> 'Douentza', 'Mopti Region' -> 'Mopti'."""
    return _ADMIN_AFFIXES.sub("", name).strip() or name


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


# ---- place descriptions -------------------------------------------------------------------

_DIRECTION = r"(?:north|south|east|west|nord|sud|est|ouest)(?:[\s-]?(?:east|west|est|ouest))?"
_DISTANCE = r"(?:(?:about|some|around|approximately|environ|à|a\s+dozen|a\s+few|\w+)\s+)?(?:\d+(?:[.,]\d+)?\s*)?(?:km|kms|kilometres?|kilometers?|miles?)"
_LEADING = re.compile(
    rf"^{_DISTANCE}\s+(?:away\s+)?(?:(?:to\s+the\s+|au\s+)?{_DIRECTION}\s+)?(?:of|from|de|du|d[’'])?\s*"
    rf"|^(?:to\s+the\s+)?{_DIRECTION}\s+(?:of|de|du|d[’'])\s+"
    r"|^(?:in|at|on|near|outside|around|between|close\s+to|not\s+far\s+from|the|a|an|près\s+de|pres\s+de|non\s+loin\s+de"
    r"|aux\s+environs\s+de|dans|entre|à|en|au|aux|sur|le|la|les|l[’'])\s+"
    r"|^(?:the\s+)?(?:town|city|village|commune|locality|area|region|province|district|department|cercle|municipality|"
    r"vicinity|outskirts|surroundings|bush|forest|forest\s+area|height|territory|axis)\s+of\s+"
    r"|^(?:(?:la\s+)?(?:ville|commune|localité|localite|région|region|province|zone|préfecture|prefecture|cercle|périphérie|"
    r"brousse|forêt)|le\s+village|le\s+département|le\s+departement|les\s+environs)\s+(?:de|du|d[’'])\s*"
    r"|^(?:village|cercle|département|departement|axe)\s+(?:de|du|d[’'])\s*",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"\s+(?:town|towns|city|village|commune|comune|locality|area|region|région|province|district|department|dep[’']t|"
    r"département|cercle|municipality|zone|sector|secteur|prefecture|préfecture|camp|axis|road|surroundings|vicinity|"
    r"forest|mining\s+site|site|border|neighbou?rhood|outskirts|bush)$",
    re.IGNORECASE,
)
# Words that join a place to a wider one: "Kalari in Piela area", "Gomboro near Dori".
_CONNECTOR = re.compile(
    rf"\s+(?:in|near|on|along|at|close\s+to|not\s+far\s+from|outside|{_DIRECTION}\s+of|{_DISTANCE}\s+(?:from|away|of)|"
    r"dans|près\s+de|non\s+loin\s+de|au\s+(?:nord|sud)|à\s+l[’']\s*(?:est|ouest))\s+",
    re.IGNORECASE,
)
_LEVEL_WORDS: dict[str, str] = {
    "region": "admin1", "région": "admin1", "province": "admin2", "cercle": "admin2", "department": "admin2",
    "département": "admin2", "departement": "admin2", "prefecture": "admin2", "préfecture": "admin2",
}
_LEVEL_WORD = re.compile(r"^(?:(?:the|la|le)\s+)?(" + "|".join(_LEVEL_WORDS) + r")\b", re.IGNORECASE)


def _strip_qualifiers(text: str) -> tuple[str, str]:
    """Drop stacked leading qualifiers ('near the town of') and one trailing kind word ('region')."""
    hint = ""
    for _ in range(5):
        stripped = _LEADING.sub("", text, count=1).strip()
        if not stripped or stripped == text:
            break
        word = _LEVEL_WORD.match(text)
        hint = _LEVEL_WORDS[word.group(1).lower()] if word else hint
        text = stripped
    trailing = _TRAILING.search(text)
    if trailing and trailing.start() > 0:
        hint = _LEVEL_WORDS.get(trailing.group(0).strip().lower(), hint)
        text = text[: trailing.start()].strip()
    return text.strip(" .'\"’-"), hint


def _parse(text: str) -> tuple[str, list[str], str]:
    """Core name, context names (wider places, innermost first) and a level hint from 'region' etc."""
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")  # zero-width spaces
    text = re.sub(r"[#_]", " ", text)
    lines = [line.strip(" .;:") for line in text.splitlines() if line.strip(" .;:")] or [""]
    main, extra = lines[0], lines[1:]
    brackets = re.findall(r"\(([^)]*)\)?", main)
    main = re.sub(r"\([^)]*\)?", " ", main)
    pieces = [p.strip() for p in re.split(r"[,;]", re.sub(r"\s+", " ", main)) if p.strip()] or [""]
    core, hint = _strip_qualifiers(pieces[0])
    joined = _CONNECTOR.split(core, maxsplit=1)
    if len(joined) == 2 and joined[0].strip():
        core, inner_hint = _strip_qualifiers(joined[0])
        pieces.insert(1, joined[1])
    context = []
    for piece in [*pieces[1:], *brackets, *extra]:
        for part in re.split(r"[,;]", piece):
            name, _ = _strip_qualifiers(_CONNECTOR.split(" " + part.strip(), maxsplit=1)[-1].strip())
            if name and not re.fullmatch(r"(?:and|et|of|de)\b.*", name, re.IGNORECASE):
                context.append(name)
    return core, context, hint


def parse_place_description(text: str) -> tuple[str, list[str]]:
    """'Djibo, Soum province' -> ('Djibo', ['Soum']); 'near Mopti' -> ('Mopti', [])."""
    core, context, _ = _parse(text)
    return core, context


# ---- records ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    place: Place
    score: float  # 0..1
    matched_name: str
    level: str  # one of LEVELS


@dataclass(frozen=True)
class Geocoded:
    best: Candidate | None
    alternatives: list[Candidate]


class Gazetteer:
    """Indexed gazetteer rows; build with ``Gazetteer.load``."""

    def __init__(self, rows: list[list[str]], demonyms: dict[str, str]):
        self._rows = rows
        self._exact: dict[str, list[int]] = defaultdict(list)
        self._alternate: dict[str, list[int]] = defaultdict(list)
        self._country_rows: dict[str, int] = {}
        for index, row in enumerate(rows):
            primary = {normalize_name(row[1]), normalize_name(row[2])}
            for key in primary:
                self._exact[key].append(index)
            for alternate in row[3].split(ALTERNATE_SEPARATOR) if row[3] else ():
                key = normalize_name(alternate)
                if key not in primary:
                    self._alternate[key].append(index)
            if row[13] == "country":
                self._country_rows[row[9]] = index
        self._country_names = {row[9]: row[1] for row in (rows[i] for i in self._country_rows.values())}
        self._demonyms = demonyms
        self._fuzzy_keys = sorted(k for k in set(self._exact) | set(self._alternate) if len(k) >= _FUZZY_MIN_LENGTH)

    @classmethod
    def load(cls, user_dir: Path | None = None) -> "Gazetteer":
        """The packaged gazetteer plus every ``*.tsv.gz`` file the user added in ``user_dir``."""
        data = importlib_resources.files("sitreps").joinpath("data")
        packaged = data.joinpath(PACKAGED_FILE)
        if not packaged.is_file():
            raise MissingResourceError(f"{PACKAGED_FILE} is missing; run scripts/build_gazetteer.py or reinstall sitreps")
        with packaged.open("rb") as raw:
            rows = _read_rows(raw)
        if user_dir is not None and Path(user_dir).is_dir():
            by_id = {row[0]: i for i, row in enumerate(rows)}
            for path in sorted(Path(user_dir).glob("*.tsv.gz")):
                with open(path, "rb") as raw:
                    for row in _read_rows(raw):
                        if row[0] in by_id:  # user dumps are newer: they replace packaged rows
                            rows[by_id[row[0]]] = row
                        else:
                            by_id[row[0]] = len(rows)
                            rows.append(row)
        demonyms: dict[str, str] = {}
        for line in data.joinpath(COUNTRIES_FILE).read_text(encoding="utf-8").splitlines()[1:]:
            iso3, _names, words = (line.split("\t") + ["", ""])[:3]
            for word in filter(None, (w.strip() for w in words.split(ALTERNATE_SEPARATOR))):
                demonyms[normalize_name(word)] = iso3
        return cls(rows, demonyms)

    @staticmethod
    def add_dump(path: Path, user_dir: Path) -> int:
        """Same as the module's ``add_dump``; the next ``load(user_dir)`` sees the places."""
        return add_dump(path, user_dir)

    def __len__(self) -> int:
        return len(self._rows)

    # ---- lookups ------------------------------------------------------------------------

    def lookup(self, name: str, country_iso3: str | None = None, limit: int = 10, fuzzy: bool = True) -> list[Candidate]:
        """Places called ``name``, best first: exact > alternate > fuzzy, then prominence.

        ``fuzzy=False`` is the exact-name test extraction runs on every capitalised word run:
        a fuzzy scan of the whole index there would cost more than the rest of the pipeline.
        """
        key = normalize_name(name)
        if not key:
            return []
        scored: dict[int, tuple[float, str]] = {}
        for base, hits in ((_EXACT, self._exact.get(key, ())), (_ALTERNATE, self._alternate.get(key, ()))):
            for index in hits:
                score = base * self._weight(index, country_iso3)
                if score > scored.get(index, (0.0, ""))[0]:
                    scored[index] = (score, name)
        in_country = country_iso3 is None or any(self._rows[i][9] == country_iso3 for i in scored)
        if fuzzy and len(key) >= _FUZZY_MIN_LENGTH and (not scored or not in_country):
            for match, similarity, _ in process.extract(key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF, limit=20):
                for index in [*self._exact.get(match, ()), *self._alternate.get(match, ())]:
                    if country_iso3 and self._rows[index][9] != country_iso3:
                        continue  # a near-spelling abroad is noise when the country is known
                    score = _FUZZY * similarity / 100 * self._weight(index, country_iso3)
                    if score > scored.get(index, (0.0, ""))[0]:
                        scored[index] = (score, self._display_match(index, match))
        # A bare 'Tombouctou' or 'Mopti' means the town more often than the region it heads.
        seat_countries = {self._rows[i][9] for i in scored if self._rows[i][7] in _SEAT_CODES}
        for index, (score, matched) in list(scored.items()):
            if self._rows[index][13] in ("admin1", "admin2") and self._rows[index][9] in seat_countries:
                scored[index] = (score * _ADMIN_BEHIND_SEAT, matched)
        ranked = sorted(scored.items(), key=lambda item: (-item[1][0], int(self._rows[item[0]][0])))
        return [self._candidate(index, score, matched) for index, (score, matched) in ranked[:limit]]

    def geocode(self, name: str, country_iso3: str | None = None) -> Geocoded:
        """The best place for a description such as 'Djibo, Soum province' or 'near Mopti'."""
        core, context, hint = _parse(name)
        admin_context = []
        for part in context:
            iso3 = self.country_of(part)
            if iso3 and normalize_name(part) in self._exact and self._country_rows.get(iso3) is not None:
                country_iso3 = country_iso3 or iso3
            else:
                admin_context.append(normalize_name(part))
        if not core:
            return Geocoded(None, [])
        iso3 = self.country_of(core) if not hint and not admin_context else None
        if iso3 in self._country_rows:  # a lone country name or demonym is the country itself
            others = [c for c in self.lookup(core, country_iso3, limit=6) if c.level != "country"]
            return Geocoded(self._candidate(self._country_rows[iso3], 1.0, core), others[:5])
        candidates = self.lookup(core, country_iso3, limit=25)
        if not candidates:
            for piece in re.split(r"\s+(?:and|et|or|ou)\s+|/|\s*-\s*", core):
                if piece.strip() and piece.strip() != core:
                    candidates = self.lookup(piece.strip(), country_iso3, limit=25)
                    if candidates:
                        break
        if not any(c.place.country_iso3 == (country_iso3 or c.place.country_iso3) for c in candidates):
            # 'Kalari in Piela area': fall back to the wider place the text names, in the country
            for part in context:
                wider = [c for c in self.lookup(part, country_iso3, limit=1) if c.place.country_iso3 == (country_iso3 or c.place.country_iso3)]
                if wider:
                    candidates = [dataclasses.replace(wider[0], score=round(wider[0].score * 0.8, 4)), *candidates]
                    break
        rescored = [_rescore(c, hint, admin_context) for c in candidates]
        rescored.sort(key=lambda c: (-c.score, c.place.geonameid or 0))
        return Geocoded(rescored[0] if rescored else None, rescored[1:6])

    def country_of(self, name: str) -> str | None:
        """ISO3 for a country name or demonym in English or French ('malien' -> 'MLI')."""
        key = normalize_name(name)
        if key.startswith("the "):
            key = key[4:]
        if key in self._demonyms:
            return self._demonyms[key]
        for index in [*self._exact.get(key, ()), *self._alternate.get(key, ())]:
            if self._rows[index][13] == "country":
                return self._rows[index][9]
        return None

    def country_name(self, iso3: str) -> str:
        """English short name ('MLI' -> 'Mali'); the code itself when unknown."""
        return self._country_names.get(iso3.upper(), iso3)

    def place_names(self, language: str | None = None, min_population: int = 0,
                    always_countries: Iterable[str] = FOCUS_COUNTRIES) -> Iterator[str]:
        """Display names and alternates for an NER entity ruler, each once, sorted.

        Countries and admin units always; other places when their population reaches
        ``min_population`` or they lie in ``always_countries`` (Sahel villages have no
        population figure). Names are the same for English and French text: GeoNames
        alternates mix both spellings, and news in either language uses both.
        """
        del language  # one list serves both languages, see above
        keep_countries = set(always_countries)
        names: set[str] = set()
        for row in self._rows:
            if row[13] == "populated" and row[9] not in keep_countries and int(row[12] or 0) < min_population:
                continue
            for name in (row[1], *(row[3].split(ALTERNATE_SEPARATOR) if row[3] else ())):
                if len(name) >= 4 and name[0].isalpha() and not name.islower():
                    names.add(name)
        return iter(sorted(names))

    # ---- internals ----------------------------------------------------------------------

    def _weight(self, index: int, country_iso3: str | None) -> float:
        row = self._rows[index]
        if row[13] == "country":
            rank = 1.0
        elif row[6] in ("P", "A"):
            rank = _FEATURE_RANK.get(row[7], _OTHER_POPULATED_RANK)
        else:
            rank = _NATURAL_FEATURE_RANK
        population = min(1.0, math.log10(int(row[12] or 0) + 1) / 7)
        weight = 0.8 + 0.2 * (0.7 * rank + 0.3 * population)
        if country_iso3 and row[9] != country_iso3:
            weight *= _OTHER_COUNTRY_FACTOR
        return weight

    def _display_match(self, index: int, key: str) -> str:
        row = self._rows[index]
        for name in (row[1], row[2], *row[3].split(ALTERNATE_SEPARATOR)):
            if normalize_name(name) == key:
                return name
        return row[1]

    def _candidate(self, index: int, score: float, matched: str) -> Candidate:
        row = self._rows[index]
        place = Place(
            name=row[1], country_iso3=row[9], country=self.country_name(row[9]), admin1=row[10], admin2=row[11],
            latitude=float(row[4]) if row[4] else None, longitude=float(row[5]) if row[5] else None,
            geonameid=int(row[0]), feature_code=row[7], population=int(row[12] or 0),
        )
        return Candidate(place=place, score=round(min(1.0, score), 4), matched_name=matched, level=row[13])


def _rescore(candidate: Candidate, hint: str, admin_context: list[str]) -> Candidate:
    """Favour the level a qualifier names ('region') and places inside the named admin units."""
    score = candidate.score
    if hint:
        score *= 1.1 if candidate.level == hint else 0.8
    if admin_context:
        admins = {normalize_name(candidate.place.admin1), normalize_name(candidate.place.admin2)} - {""}
        score *= 1.1 if any(c in admins for c in admin_context) else 0.85
    return Candidate(candidate.place, round(min(1.0, score), 4), candidate.matched_name, candidate.level)


def _read_rows(raw) -> list[list[str]]:
    with gzip.open(raw, "rt", encoding="utf-8") as text:
        header = text.readline().rstrip("\n").split("\t")
        if tuple(header) != COLUMNS:
            raise MissingResourceError("gazetteer file has unexpected columns; rebuild it with scripts/build_gazetteer.py")
        return [line.rstrip("\n").split("\t") for line in text]


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
        return {row[8]: row[9] for row in _read_rows(raw) if row[13] == "country"}
