"""Place-name gazetteer: GeoNames places of the Sahel, world cities and countries.

The packaged table ``data/gazetteer.tsv.gz`` is built by ``scripts/build_gazetteer.py``
(GeoNames data, CC BY 4.0, www.geonames.org). Users add GeoNames country dumps with
``add_dump``; their places live in ``user_dir`` in the same compact format.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path

from rapidfuzz import fuzz, process

from ..errors import MissingResourceError
from ..model import Place
from .descriptions import LEVEL_WORDS, parse_parts, parse_place_description, strip_qualifiers  # noqa: F401 - re-exported
from .gazetteer_file import (  # noqa: F401 - re-exported
    ALTERNATE_SEPARATOR, COLUMNS, DUMP_COLUMNS, LEVELS, PACKAGED_FILE, add_dump, fill_parent_coordinates, format_row,
    parse_dump_line, read_rows, write_rows,
)
from .names import _COMPASS, admin_key, clean_admin_name, is_compass_name, is_useful_alternate, normalize_name, sound_key  # noqa: F401 - re-exported
from .units import NOT_UNIT_NAMES, UnitMention, bare_unit_name, in_longer_name, name_spans, unit_word_after, unit_word_before

COUNTRIES_FILE = "countries.tsv"
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
_NATURAL_FEATURE_FACTOR = 0.9  # a camp or mine named 'X' ranks below a village that is also called 'X'
_EXACT, _ALTERNATE, _FUZZY = 1.0, 0.9, 0.75
_OTHER_COUNTRY_FACTOR = 0.7
_SEAT_CODES = ("PPLC", "PPLA", "PPLA2")
_ADMIN_BEHIND_SEAT = 0.9
# A direction word before a description's core: 'Western Visayas' is a name, 'western Mali' not.
_DIRECTION_BEFORE = re.compile(r"\b(?:north|south|east|west)(?:ern)?[\s-]+\S.*$", re.IGNORECASE)
# A district outside the Sahel ranks below a village of its name: news names districts with the
# word ('Djugu territory', 'Rutshuru district') and a bare name is mostly the town.
_WORLD_ADMIN2_RANK = 0.5
_CITY_POPULATION = 15000  # a place this big is a city: its name means it before any unit of the name
_BEHIND_PARENT = 0.85  # an admin2 named like the admin1 it lies in, when both match
_FUZZY_MIN_LENGTH = 5
_FUZZY_CUTOFF = 88
_SOUND = 0.85  # same spelling-blind key ('Wahiguya' for 'Ouahigouya')
_SOUND_CUTOFF = 85  # near spellings of that key, within the country
# What the rest of a description ('Kourao, 15km from Bourzanga, Bam province') says about the
# core place: a namesake inside the named unit or near the named town fits; one elsewhere does not.
_NEAR_KM, _FAR_KM = 25.0, 100.0  # a namesake this close to a named town fits fully, one beyond the far one least
_FIT, _SAME_REGION, _MISFIT, _FAR_FIT = 1.0, 0.8, 0.55, 0.7
_CONTEXT_CUTOFF, _CLOSE_FIT = 72, 0.9  # near spellings are trusted further when they also fit the context
# When the core is unknown: the named town (the first named, if they agree), then the named unit.
_ANCHOR_FALLBACK, _UNIT_FALLBACK = 0.53, 0.45
_UNIT_OVER_TOWN = 0.5  # 'Soum province, near Djibo' means Djibo

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


_WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)*")
# Capitalised words that start a phrase but name nothing ('Near Partiaga', 'The Toeni detachment').
_NOT_NAMES = frozenset(normalize_name(w) for w in (
    *LEVEL_WORDS, "the", "near", "in", "at", "on", "of", "and", "between", "around", "vicinity", "village", "town", "city",
    "area", "axis", "road", "route", "sector", "secteur", "commune", "district", "zone", "locality", "hamlet", "north",
    "south", "east", "west", "nord", "sud", "est", "ouest", "le", "la", "les", "des", "du", "de", "pres", "entre",
    "villages", "towns", "localities", "communes", "hamlets", "areas",
))


@dataclass(frozen=True)
class _Context:
    """Admin units and towns the rest of a description names, in the country."""

    units: tuple[int, ...] = ()
    anchors: tuple[int, ...] = ()

    @classmethod
    def of(cls, found: list[tuple[str, list[int], str]], gazetteer: "Gazetteer") -> "_Context":
        """Towns keep the namesakes that lie in the named units, if any do. Weaker hints ('close':
        a near spelling, a piece of the core name) count only when no town is named exactly,
        and only where they agree with the named units."""
        units = cls(units=tuple(i for kind, rows, _ in found if kind == "unit" for i in rows))
        anchors: list[int] = []
        exact = any(kind == "place" for kind, _, _ in found)
        for kind, rows, _ in found:
            if kind == "place" or (kind == "close" and not exact):
                fitting = [i for i in rows if gazetteer._fit(i, units) == _FIT]
                anchors += (fitting or (rows if kind == "place" or not units.units else []))[:5]
        return cls(units.units, tuple(anchors))

    def without(self, index: int, rows: list[list[str]]) -> "_Context":
        """The context less the town named like ``rows[index]``: how well does the rest agree with it?"""
        return _Context(self.units, tuple(a for a in self.anchors if rows[a][1] != rows[index][1]))


class Gazetteer:
    """Indexed gazetteer rows; build with ``Gazetteer.load``."""

    def __init__(self, rows: list[list[str]], demonyms: dict[str, str]):
        self._rows = rows
        self._exact: dict[str, list[int]] = defaultdict(list)
        self._alternate: dict[str, list[int]] = defaultdict(list)
        self._country_rows: dict[str, int] = {}
        self._by_country: dict[str, list[int]] = defaultdict(list)
        exact, alternate, by_country = self._exact, self._alternate, self._by_country
        keys: dict[str, str] = {}  # name -> normalize_name(name): names repeat across columns and rows
        units: list[int] = []
        for index, row in enumerate(rows):  # the hot loop of loading: kept plain
            name, ascii_name = row[1], row[2]
            key1 = keys.get(name)
            if key1 is None:
                key1 = keys[name] = normalize_name(name)
            exact[key1].append(index)
            key2 = keys.get(ascii_name)
            if key2 is None:
                key2 = keys[ascii_name] = normalize_name(ascii_name)
            if key2 != key1:
                exact[key2].append(index)
            if row[3]:
                for other in row[3].split(ALTERNATE_SEPARATOR):
                    key = keys.get(other)
                    if key is None:
                        key = keys[other] = normalize_name(other)
                    if key != key1 and key != key2:
                        alternate[key].append(index)
            if row[13] == "country":
                self._country_rows[row[9]] = index
            elif row[13] != "populated":
                units.append(index)
            by_country[row[9]].append(index)
        fill_parent_coordinates(rows, units, self._country_rows)
        self._sound_tables: dict[str, tuple[dict[str, list[int]], list[str]]] = {}  # per country, on first use
        self._unit_index: dict[str, list[int]] | None = None  # admin_key -> admin rows, on first use
        self._unit_keys: dict[str, dict[str, int]] = {}  # per country: admin_key -> an admin row, on first use
        self._country_names = {row[9]: row[1] for row in (rows[i] for i in self._country_rows.values())}
        self._demonyms = demonyms
        self._fuzzy_index: list[str] | None = None  # every key long enough for a fuzzy search, on first use

    @property
    def _units(self) -> dict[str, list[int]]:
        """admin_key -> admin1/admin2 rows ('North Central region' and 'Centre-Nord' agree)."""
        if self._unit_index is None:
            index: dict[str, list[int]] = defaultdict(list)
            for i, row in enumerate(self._rows):
                if row[13] in ("admin1", "admin2"):
                    for name in {row[1], row[2], *row[3].split(ALTERNATE_SEPARATOR)} - {""}:
                        index[admin_key(name)].append(i)
            self._unit_index = dict(index)
        return self._unit_index

    @property
    def _fuzzy_keys(self) -> list[str]:
        if self._fuzzy_index is None:
            self._fuzzy_index = sorted(k for k in set(self._exact) | set(self._alternate) if len(k) >= _FUZZY_MIN_LENGTH)
        return self._fuzzy_index

    @classmethod
    def load(cls, user_dir: Path | None = None) -> "Gazetteer":
        """The packaged gazetteer plus every ``*.tsv.gz`` file the user added in ``user_dir``."""
        data = importlib_resources.files("sitreps").joinpath("data")
        packaged = data.joinpath(PACKAGED_FILE)
        if not packaged.is_file():
            raise MissingResourceError(f"{PACKAGED_FILE} is missing; run scripts/build_gazetteer.py or reinstall sitreps")
        with packaged.open("rb") as raw:
            rows = read_rows(raw)
        if user_dir is not None and Path(user_dir).is_dir():
            by_id = {row[0]: i for i, row in enumerate(rows)}
            for path in sorted(Path(user_dir).glob("*.tsv.gz")):
                with open(path, "rb") as raw:
                    for row in read_rows(raw):
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
        With a country, near spellings are looked for there only, by their ``sound_key``.
        """
        return self._ranked(self._scored(name, country_iso3, fuzzy), limit)

    def _scored(self, name: str, country_iso3: str | None, fuzzy: bool, cutoff: float = _SOUND_CUTOFF) -> dict[int, tuple[float, str]]:
        """Row index -> (score, matched name) for ``lookup``."""
        key = normalize_name(name)
        scored: dict[int, tuple[float, str]] = {}
        if not key:
            return scored
        # 'North', 'Eastern', 'Nord-Ouest' alone name a unit of the Sahel or of the given country
        # only: a dozen countries have a unit so called, and news uses the words as directions.
        compass = is_compass_name(key)
        for base, hits in ((_EXACT, self._exact.get(key, ())), (_ALTERNATE, self._alternate.get(key, ()))):
            for index in hits:
                if compass and self._rows[index][13] in ("admin1", "admin2") and self._rows[index][9] not in (*FOCUS_COUNTRIES, country_iso3):
                    continue
                score = base * self._weight(index, country_iso3)
                if score > scored.get(index, (0.0, ""))[0]:
                    scored[index] = (score, name)
        bare = bare_unit_name(name)
        if bare:  # 'Borno State', 'province du Nord-Kivu': the unit of that name, not a village
            bare_key = normalize_name(bare)
            for base, hits in ((_EXACT, self._exact.get(bare_key, ())), (_ALTERNATE, self._alternate.get(bare_key, ()))):
                for index in hits:
                    score = base * self._weight(index, country_iso3)
                    if self._rows[index][13] in ("admin1", "admin2") and score > scored.get(index, (0.0, ""))[0]:
                        scored[index] = (score, name)
        in_country = country_iso3 is None or any(self._rows[i][9] == country_iso3 for i in scored)
        if fuzzy and country_iso3 in self._by_country and not in_country:
            for index, similarity in self._spellings(name, country_iso3, cutoff):
                score = (_SOUND if similarity == 100 else _FUZZY * similarity / 100) * self._weight(index, country_iso3)
                if score > scored.get(index, (0.0, ""))[0]:
                    scored[index] = (score, self._rows[index][1])
        elif fuzzy and len(key) >= _FUZZY_MIN_LENGTH and (not scored or not in_country):
            for match, similarity, _ in process.extract(key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF, limit=20):
                for index in [*self._exact.get(match, ()), *self._alternate.get(match, ())]:
                    if country_iso3 and self._rows[index][9] != country_iso3:
                        continue  # a near-spelling abroad is noise when the country is known
                    score = _FUZZY * similarity / 100 * self._weight(index, country_iso3)
                    if score > scored.get(index, (0.0, ""))[0]:
                        scored[index] = (score, self._display_match(index, match))
        # A bare 'Tombouctou' or 'Mopti' means the town more often than the region it heads, and a
        # city of the name ('Kirkuk', 'Portland') more often than a unit so called outside the Sahel.
        seat_countries = {self._rows[i][9] for i in scored if self._rows[i][7] in _SEAT_CODES}
        city = any(self._rows[i][13] == "populated" and int(self._rows[i][12] or 0) >= _CITY_POPULATION
                   for i in self._exact.get(key, ()) if i in scored)
        for index, (score, matched) in list(scored.items()):
            row = self._rows[index]
            if row[13] in ("admin1", "admin2") and (row[9] in seat_countries or (city and row[9] not in FOCUS_COUNTRIES)):
                scored[index] = (score * _ADMIN_BEHIND_SEAT, matched)
        # 'North Kivu' is the province, not an old district of that name inside it.
        parents = {(self._rows[i][9], admin_key(self._rows[i][1])) for i in scored if self._rows[i][13] == "admin1"}
        for index, (score, matched) in list(scored.items()) if parents else ():
            row = self._rows[index]
            if row[13] == "admin2" and (row[9], admin_key(row[10])) in parents and admin_key(row[1]) == admin_key(row[10]):
                scored[index] = (score * _BEHIND_PARENT, matched)
        return scored

    def _fits_level(self, index: int, hint: str) -> bool:
        """Whether a row is of the level a description's word names ('Soum province' an admin2);
        outside the Sahel 'province', 'region' or 'district' only say "an admin unit"."""
        row = self._rows[index]
        return row[13] == hint or (row[13] in ("admin1", "admin2") and hint in ("admin1", "admin2") and row[9] not in FOCUS_COUNTRIES)

    def _sahel_place_first(self, key: str, units: list[int]) -> bool:
        """A district abroad named like a Sahel village or town ('Solhan', 'Kaya'): the Sahel place."""
        return all(self._rows[i][13] == "admin2" and self._rows[i][9] not in FOCUS_COUNTRIES for i in units) and any(
            self._rows[i][13] == "populated" and self._rows[i][9] in FOCUS_COUNTRIES for i in self._exact.get(key, ()))

    def _is_name(self, text: str) -> bool:
        key = normalize_name(text)
        return key in self._exact or key in self._alternate

    def units_in(self, text: str, country_iso3: str | None = None) -> list[UnitMention]:
        """Admin units (admin1, admin2) named in ``text``, in text order: exact names only
        (GeoNames, OCHA and generated English/French forms), longest first, each span once.

        A name starts with a capital letter; a unit word after it ('Borno State') joins the span.
        A name that is also a country's ('Niger') or only compass words ('North', 'Nord-Ouest')
        counts only with a unit word after or before it ('Niger State', 'la région du Nord').
        Candidates are ranked as ``lookup`` ranks exact names, ``country_iso3`` first. Costs a
        regular-expression pass and a few dictionary lookups per capitalised word: cheap enough
        for every sentence.
        """
        found: list[UnitMention] = []
        taken = 0
        for before, run in name_spans(text):
            if run[0][0] < taken:
                continue
            for size in range(len(run), 0, -1):
                start, end = run[0][0], run[size - 1][1]
                key = normalize_name(text[start:end])
                hits = [(base, index) for base, table in ((_EXACT, self._exact), (_ALTERNATE, self._alternate))
                        for index in table.get(key, ()) if self._rows[index][13] in ("admin1", "admin2")]
                if hits and len(key) >= 3:
                    break
            else:
                continue
            if key in NOT_UNIT_NAMES or (text[start:end].isupper() and len(key) <= 4):  # 'May', 'NGO'
                continue
            if in_longer_name(text, before, run[size] if size < len(run) else None):  # 'Boko Haram'
                continue
            if self._sahel_place_first(key, [i for _, i in hits]):  # 'Solhan' is the village in Burkina Faso
                continue
            after = unit_word_after(text, end)
            marked = after is not None or unit_word_before(text, start)
            if not marked and (key in _NOT_NAMES or is_compass_name(key) or self.country_of(key)):
                continue
            scored: dict[int, float] = {}
            for base, index in hits:
                scored[index] = max(scored.get(index, 0.0), base * self._weight(index, country_iso3))
            ranked = sorted(scored.items(), key=lambda item: (-item[1], int(self._rows[item[0]][0])))
            end = after or end
            found.append(UnitMention(start, end, text[start:end], tuple(self._candidate(k, v, text[start:end]) for k, v in ranked)))
            taken = end
        return found

    def geocode(self, name: str, country_iso3: str | None = None) -> Geocoded:
        """The best place for a description such as 'Djibo, Soum province' or 'near Mopti'.

        The rest of the description picks among namesakes and near spellings: a candidate in the
        admin unit it names or near the town it names fits. When the core name is unknown, the
        named town stands in for it, then the named unit.
        """
        core, context, hint, spellings = parse_parts(name)
        if core and core != name.strip() and self._is_name(name.strip()):
            core = name.strip()  # 'La Castellana', 'Le Kef': the article is part of the name
        named = _DIRECTION_BEFORE.search(name, 0, name.find(core) + len(core)) if core and core in name else None
        if named and named.group(0).endswith(core) and self._is_name(named.group(0)):
            core = named.group(0)  # 'Western Visayas' and 'Northern Mindanao' are names; 'western Mali' is not
        wider = []
        for part in context:
            iso3 = self.country_of(part)
            if iso3 and normalize_name(part) in self._exact and self._country_rows.get(iso3) is not None:
                country_iso3 = country_iso3 or iso3
            else:
                wider.append(part)
        if not core:
            return Geocoded(None, [])
        iso3 = self.country_of(core) if not hint and not wider else None
        if iso3 in self._country_rows:  # a lone country name or demonym is the country itself
            others = [c for c in self.lookup(core, country_iso3, limit=6) if c.level != "country"]
            return Geocoded(self._candidate(self._country_rows[iso3], 1.0, core), others[:5])
        scored = self._scored(core, country_iso3, fuzzy=False)
        country = country_iso3 or next((self._rows[i][9] for i in sorted(scored, key=lambda i: -scored[i][0])), None)
        found = [hit for part in wider for hit in self._scan(part, country, near=True)]
        at_home = lambda rows: any(self._rows[i][9] == (country or self._rows[i][9]) for i in rows)  # noqa: E731
        cores = [core, *spellings]
        for text in cores if not at_home(scored) and country else ():  # 'Ouro_ahidjo' for 'Ouro Aidio'
            scored = self._scored(text, country, fuzzy=True, cutoff=101 if text == core else _SOUND_CUTOFF)
            if at_home(scored):
                break
        if not at_home(scored):  # 'Gorom Gorom aerodrome', 'Zoaga Centre Est', 'Bondokuy Mouhoun', 'Dofinega'
            whole = scored
            inner = self._scan(core, country)
            chosen = None
            ordered = [hit for hit in inner if hit[0] != "unit"] + [hit for hit in inner if hit[0] == "unit"]
            for hit, text in ((hit, text) for hit in ordered for text in _tries(hit)):
                scored = self._scored(text, country, fuzzy=True)
                cores.append(text)
                if at_home(scored):
                    chosen = hit
                    break
            scored = scored if chosen or inner else self._scored(core, country, fuzzy=True)
            if not chosen:  # the whole name abroad ('West Bank' with Israel as the country) over a piece of it
                for index, value in whole.items():
                    scored[index] = max(scored.get(index, (0.0, "")), value)
            found = [("close" if hit[0] == "place" else hit[0], *hit[1:]) for hit in inner if hit is not chosen] + found
        context = _Context.of(found, self)
        fits = {i: self._fit(i, context) for i in scored}
        for name in cores if country and (context.units or context.anchors) and max(fits.values(), default=0.0) < _FIT else ():
            narrow = context.anchors or any(self._rows[u][13] == "admin2" for u in context.units)  # not a whole region
            cutoff = _CONTEXT_CUTOFF if narrow else _SOUND_CUTOFF
            close = [(i, sim) for i, sim in self._spellings(name, country, cutoff, 200, 4) if self._fit(i, context) >= _CLOSE_FIT]
            for index, similarity in close:  # the whole core first, then its parts
                fits[index] = self._fit(index, context)
                score = (_SOUND if similarity == 100 else _FUZZY * similarity / 100) * self._weight(index, country)
                scored[index] = max(scored.get(index, (0.0, "")), (score, self._rows[index][1]))
            if close:
                break
        for index, (score, matched) in list(scored.items()):
            level = self._rows[index][13]
            score *= fits[index] * ((1.1 if self._fits_level(index, hint) else 0.8) if hint else 1.0)
            scored[index] = (score * (_UNIT_OVER_TOWN if context.anchors and level in ("admin1", "admin2") else 1.0), matched)
        fallbacks = [(i, _ANCHOR_FALLBACK * self._fit(i, context.without(i, self._rows)) * (1 - 0.01 * min(n, 9)))
                     for n, i in enumerate(context.anchors)]
        fallbacks += [(i, _UNIT_FALLBACK * (1.0 if self._rows[i][13] == "admin2" else 0.95)) for i in context.units]
        for index, score in fallbacks:
            if score > scored.get(index, (0.0, ""))[0]:
                scored[index] = (score, self._rows[index][1])
        ranked = self._ranked(scored, 6)
        return Geocoded(ranked[0] if ranked else None, ranked[1:6])

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

    def is_demonym(self, word: str) -> bool:
        """Whether a word names a country's people ("Russian", "malienne"), not the country."""
        return normalize_name(word) in self._demonyms

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

    def populated_places(self, iso3: str, min_population: int = 0) -> Iterator[Place]:
        """Towns and villages of one country with at least ``min_population`` people."""
        for index in self._by_country.get(iso3.upper(), ()):
            row = self._rows[index]
            if row[13] == "populated" and int(row[12] or 0) >= min_population:
                yield self._candidate(index, 1.0, row[1]).place

    # ---- internals ----------------------------------------------------------------------

    def _ranked(self, scored: dict[int, tuple[float, str]], limit: int) -> list[Candidate]:
        ranked = sorted(scored.items(), key=lambda item: (-item[1][0], int(self._rows[item[0]][0])))
        return [self._candidate(index, score, matched) for index, (score, matched) in ranked[:limit]]

    def _spellings(self, name: str, iso3: str, cutoff: float, limit: int = 20, shortest: int = _FUZZY_MIN_LENGTH) -> list[tuple[int, float]]:
        """Rows of the country whose ``sound_key`` equals or nearly equals that of ``name``."""
        if iso3 not in self._sound_tables:
            table: dict[str, list[int]] = defaultdict(list)
            for index in self._by_country.get(iso3, ()):
                row = self._rows[index]
                for key in {sound_key(n) for n in (row[1], row[2], *row[3].split(ALTERNATE_SEPARATOR)) if n}:
                    table[key].append(index)
            self._sound_tables[iso3] = (dict(table), sorted(table))
        table, keys = self._sound_tables[iso3]
        sound = sound_key(name)
        hits = [(sound, 100.0, 0)] if sound in table else []
        if len(sound) >= shortest and cutoff <= 100:
            hits += process.extract(sound, keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit)
        best: dict[int, float] = {}
        for key, similarity, _ in hits:
            for index in table.get(key, ()):
                best[index] = max(best.get(index, 0.0), similarity)
        return list(best.items())

    def _scan(self, text: str, iso3: str | None, near: bool = False) -> list[tuple[str, list[int], str]]:
        """Names in free text in order, longest first, as (kind, rows, text): 'unit', 'place',
        'country', or 'name' (no rows) for a run of capitalised words that named nothing
        ('Bondokuy' in 'Bondokuy Mouhoun'); with ``near`` such a run becomes 'close' when a
        place of the country is spelt nearly so."""
        found: list[tuple[str, list[int], str]] = []
        for segment in re.split(r"[,;:()\[\]/&+]|\s-\s|\s(?:and|et|or|ou|between|entre)\s", text):
            words, run, i = _WORD.findall(strip_qualifiers(segment.strip())[0]), [], 0
            compass = not re.match(r"(?:\w+\s+)?(?:the|la|le)\s", segment.strip(), re.IGNORECASE)  # 'in the North'
            while i <= len(words):
                spans = (" ".join(words[i:j]) for j in range(min(len(words), i + 4), i, -1))
                hit = next(filter(None, (self._name_in(span, iso3, compass) for span in spans)), None)
                if run and (hit or i == len(words) or not words[i][0].isupper() or normalize_name(words[i]) in _NOT_NAMES):
                    close = [k for k, _ in self._spellings(" ".join(run), iso3, _SOUND_CUTOFF) if self._rows[k][13] == "populated"] if near and iso3 else []
                    found.append(("close", close, self._rows[close[0]][1]) if close else ("name", [], " ".join(run)))
                    run = []
                if hit:
                    found.append(hit)
                    i += len(hit[2].split())
                    continue
                if i < len(words) and words[i][0].isupper() and normalize_name(words[i]) not in _NOT_NAMES:
                    run.append(words[i])
                i += 1
        return found

    def _name_in(self, phrase: str, iso3: str | None, compass_units: bool = True) -> tuple[str, list[int], str] | None:
        """('unit', rows, phrase) for an admin unit of the country, ('place', rows, phrase) for a place in it."""
        if not phrase:
            return None
        if self.country_of(phrase):
            return "country", [], phrase  # 'Burkina Faso' is not the village Bourkina
        key = admin_key(phrase)
        compass = all(w in _COMPASS.values() for w in key.split())
        if compass and not (phrase[0].isupper() and compass_units):
            return None  # 'eastern Burkina Faso' and 'in the North' are no region; 'East region' and 'Centre-Est' are
        units = [i for i in self._units.get(key, ()) if iso3 in (None, self._rows[i][9])]
        if units:
            return "unit", units, phrase
        norm = normalize_name(phrase)
        if phrase[0].isupper() and len(norm) >= 3 and norm not in _NOT_NAMES:
            places = [i for i in (*self._exact.get(norm, ()), *self._alternate.get(norm, ()))
                      if iso3 in (None, self._rows[i][9]) and self._rows[i][13] == "populated"]
            if not places and iso3 and len(sound_key(phrase)) >= _FUZZY_MIN_LENGTH and not any(admin_key(w) in self._units for w in phrase.split()):
                places = [i for i, _ in self._spellings(phrase, iso3, 101) if self._rows[i][13] == "populated"]
            if places:
                return "place", places, phrase
        if len(key) >= 5 and not compass and iso3:  # 'Nametenga', 'Bolucle du Mouhoun'
            keys = self._country_unit_keys(iso3)
            match = process.extractOne(key, list(keys), scorer=fuzz.ratio, score_cutoff=80 if len(key) < 8 else 85)
            if match:
                return "unit", [keys[match[0]]], phrase
        return None

    def _country_unit_keys(self, iso3: str) -> dict[str, int]:
        """admin_key -> an admin row of the country (the last of that key), for near spellings."""
        if iso3 not in self._unit_keys:
            self._unit_keys[iso3] = {k: i for k, rows in self._units.items() for i in rows if self._rows[i][9] == iso3}
        return self._unit_keys[iso3]

    def _fit(self, index: int, context: _Context) -> float:
        """How well a row agrees with the units and towns a description names: 1 near the named
        town or inside the named unit (the province when one is named), less the further off."""
        row, fit = self._rows[index], _FIT
        if context.anchors and row[4]:
            lat, lon = float(row[4]), float(row[5])
            km = min(_km(lat, lon, float(self._rows[a][4] or 0), float(self._rows[a][5] or 0)) for a in context.anchors)
            if km <= _NEAR_KM:
                return _FIT
            fit = max(_FAR_FIT, _FIT - (_FIT - _FAR_FIT) * (km - _NEAR_KM) / (_FAR_KM - _NEAR_KM))
        if context.units:
            a1, a2 = admin_key(row[10]), admin_key(row[11])
            units = [self._rows[u] for u in context.units]
            inner = [u for u in units if u[13] == "admin2"]
            if any(admin_key(u[11]) == a2 for u in inner) or (not inner and any(admin_key(u[10]) == a1 for u in units)):
                return fit
            fit *= _SAME_REGION if any(admin_key(u[10]) == a1 for u in units) else _MISFIT
        return fit

    def _weight(self, index: int, country_iso3: str | None) -> float:
        row = self._rows[index]
        if row[13] == "country":
            rank = 1.0
        elif row[13] == "admin2" and row[9] not in FOCUS_COUNTRIES:
            rank = _WORLD_ADMIN2_RANK
        elif row[6] in ("P", "A"):
            rank = _FEATURE_RANK.get(row[7], _OTHER_POPULATED_RANK)
        else:
            rank = _NATURAL_FEATURE_RANK
        population = min(1.0, math.log10(int(row[12] or 0) + 1) / 7)
        weight = 0.8 + 0.2 * (0.7 * rank + 0.3 * population)
        if row[6] not in ("P", "A"):
            weight *= _NATURAL_FEATURE_FACTOR
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


def _tries(hit: tuple[str, list[int], str]) -> list[str]:
    """A run of unknown words as a whole, then word by word ('Windepoli Wendoupouli')."""
    words = hit[2].split()
    return [hit[2], *words] if hit[0] == "name" and len(words) > 1 else [hit[2]]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))
