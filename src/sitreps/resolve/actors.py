"""Actor registry: actor aliases found in text and resolved to canonical ACLED-style actors.

The registry is built from ``data/actors.toml`` with an optional user file merged over it (see
docs/actors.md). At load, every alias is compiled into two trie-shaped regexes, because ``find``
runs on every candidate sentence: one over accent- and case-folded text, one over accent-folded
text for acronyms, whose case matters ("IS" is the Islamic State, "is" a verb).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from datetime import date
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from ..errors import ConfigError
from ..model import ACTOR_TYPES, Actor

PACKAGED_FILE = "data/actors.toml"
# Every country's demonyms, shared with the gazetteer: "Kenyan forces", "soldats kényans".
DEMONYMS_FILE = "data/countries.tsv"
KINDS: tuple[str, ...] = ("actors", "generic", "shared")  # TOML sections holding actor entries

# Only long aliases are matched fuzzily: short ones would match unrelated words.
_FUZZY_MIN_LENGTH = 10
_FUZZY_CUTOFF = 90.0
_APOSTROPHES = "\u2019\u2018\u02bc\u00b4`"
_DASHES = "\u2010\u2011\u2012\u2013\u2014"
_SPACES = "\u00a0\u202f\u2009"
_FLEX = re.compile(r"[\s\-]+")
_ISO3 = re.compile(r"^[A-Z]{3}$")
# Generic armed nouns ("militants", "djihadistes") next to a named group belong to that group.
_ARMED_NOUN_KEY = "unidentified_armed_group"
_OF_GAP = re.compile(r"^\s+(?:of|from|of the|from the|du|des|de|de la|de l['\u2019]|d['\u2019])\s*$", re.IGNORECASE)

_FIELDS: dict[str, dict[str, type]] = {
    "actors": {"key": str, "name": str, "actor_type": str, "country": str, "aliases": list,
               "add_aliases": list, "case_sensitive": list},
    "generic": {"key": str, "name": str, "name_no_country": str, "actor_type": str, "state_forces": bool,
                "aliases": list, "add_aliases": list, "case_sensitive": list, "en_templates": list,
                "fr_templates": list, "country_aliases": dict},
    "shared": {"key": str, "aliases": list, "add_aliases": list, "case_sensitive": list, "rules": list},
}
_REQUIRED: dict[str, tuple[str, ...]] = {"actors": ("name", "actor_type"), "generic": ("name", "actor_type"),
                                         "shared": ("rules",)}
_RULE_FIELDS = {"actor", "country", "countries", "from", "until"}


@dataclass(frozen=True)
class ActorSpan:
    """One alias occurrence; offsets index the text given to ``find``."""

    start: int
    end: int
    text: str
    key: str
    country_iso3: str = ""  # set when the alias itself names the country ("FAMa", "Malian troops")


@dataclass(frozen=True)
class Period:
    start: date
    label: str


@dataclass(frozen=True)
class Rule:
    """Which actor a shared alias means for an event's country and date."""

    actor: str
    country: str = ""  # fixes the country of a generic target
    countries: tuple[str, ...] = ()
    start: date | None = None
    until: date | None = None

    def fits_country(self, iso3: str) -> bool:
        return not self.countries or iso3 in self.countries

    def fits_date(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.until is None or on <= self.until)


@dataclass(frozen=True)
class Entry:
    key: str
    kind: str  # one of KINDS
    name: str = ""
    actor_type: str = ""
    country_iso3: str = ""
    name_no_country: str = ""
    state_forces: bool = False
    rules: tuple[Rule, ...] = ()


class ActorRegistry:
    """Canonical actors, their aliases and the regime periods of state forces."""

    def __init__(self, merged: "_Merged"):
        self._tables = (_fold_table(True), _fold_table(False))
        self._countries = dict(merged.countries)
        self._country_codes = {_fold_key(name, self._tables[0]): iso3 for iso3, name in self._countries.items()}
        self._periods = dict(merged.regimes)
        self._entries = merged.build_entries()
        self._insensitive, sensitive = merged.build_aliases(self._tables)
        self._matchers = tuple(
            (_trie_regex(aliases), table, aliases)
            for aliases, table in ((self._insensitive, self._tables[0]), (sensitive, self._tables[1]))
            if aliases
        )
        self._fuzzy_choices = sorted(alias for alias in self._insensitive if len(alias) >= _FUZZY_MIN_LENGTH)
        self._canonical = tuple((_template_regex(e.name), e.key) for e in self._entries.values() if e.kind == "generic")

    @classmethod
    def load(cls, extra_file: Path | None = None) -> "ActorRegistry":
        """The packaged registry, with ``extra_file`` (a user TOML) merged over it."""
        packaged = importlib_resources.files("sitreps").joinpath(PACKAGED_FILE)
        merged = _Merged()
        merged.demonyms.update(demonyms_from_tsv(importlib_resources.files("sitreps").joinpath(DEMONYMS_FILE).read_text(encoding="utf-8")))
        merged.add(_parse_toml(packaged.read_text(encoding="utf-8"), f"sitreps/{PACKAGED_FILE}"), f"sitreps/{PACKAGED_FILE}")
        if extra_file is not None:
            path = Path(extra_file)
            try:
                text = path.read_text(encoding="utf-8")
            except FileNotFoundError:
                raise ConfigError(f"{path}: actor file does not exist") from None
            except (OSError, UnicodeDecodeError) as exc:
                raise ConfigError(f"{path}: actor file cannot be read ({exc})") from None
            merged.add(_parse_toml(text, str(path)), str(path))
        merged.check()
        return cls(merged)

    # -- lookups -------------------------------------------------------------------------------

    def find(self, text: str) -> list[ActorSpan]:
        """Every alias occurrence; of overlapping matches the leftmost, then the longest, wins."""
        found: list[tuple[int, int, tuple[str, str]]] = []
        for regex, table, aliases in self._matchers:
            for match in regex.finditer(text.translate(table)):
                target = aliases.get(_FLEX.sub(" ", match.group()))
                if target is not None:
                    found.append((match.start(), match.end(), target))
        found.sort(key=lambda item: (item[0], item[0] - item[1]))
        spans: list[ActorSpan] = []
        edge = 0
        for start, end, (key, country) in found:
            if start >= edge:
                spans.append(ActorSpan(start, end, text[start:end], key, country))
                edge = end
        return self._absorb_armed_nouns(text, spans)

    def _absorb_armed_nouns(self, text: str, spans: list[ActorSpan]) -> list[ActorSpan]:
        """"JNIM militants" and "les djihadistes de l'EIGS" name one actor: the group absorbs the noun."""
        merged: list[ActorSpan] = []
        for span in spans:
            last = merged[-1] if merged else None
            if last is not None:
                pair = (self._entries[last.key].kind, self._entries[span.key].kind)
                gap = text[last.end : span.start]
                if pair[0] != "generic" and span.key == _ARMED_NOUN_KEY and not gap.strip():
                    merged[-1] = ActorSpan(last.start, span.end, text[last.start : span.end], last.key, last.country_iso3)
                    continue
                if last.key == _ARMED_NOUN_KEY and pair[1] != "generic" and _OF_GAP.match(gap):
                    merged[-1] = ActorSpan(last.start, span.end, text[last.start : span.end], span.key, span.country_iso3)
                    continue
            merged.append(span)
        return merged

    def resolve(self, text: str, country_iso3: str | None = None, on: date | None = None) -> Actor | None:
        """The canonical actor an alias or free phrase names, or None when it names none.

        A named group in the phrase wins over a generic one ("JNIM jihadists" is JNIM); otherwise
        the leftmost alias decides. ``country_iso3`` is the event's country: it fills generic
        actors and decides country rules; ``on`` picks regime periods and dated aliases.
        """
        event_country = country_iso3 or ""
        canonical = self._from_canonical(text.strip())
        if canonical is not None:
            return self._actor_for(canonical[0], canonical[1], event_country, on)
        spans = self.find(text)
        if spans:
            span = min(spans, key=lambda s: (self._entries[s.key].kind == "generic", s.start))
        else:
            span = self._fuzzy(text)
            if span is None:
                return None
        return self._actor_for(span.key, span.country_iso3, event_country, on)

    def readings(self, text: str, country_iso3: str | None = None) -> frozenset[str]:
        """The names of every actor a phrase may mean: one, except for a shared alias whose
        actor the country and date decide ("Islamic State" may be its Sahel or its West Africa
        province; "al-Qaeda" AQIM or JNIM). Two reports naming a group so are not two groups."""
        spans = [s for s in self.find(text) if self._entries[s.key].kind != "generic"]
        if not spans or self._entries[spans[0].key].kind != "shared":
            actor = self.resolve(text, country_iso3, None)
            return frozenset({actor.name}) if actor is not None else frozenset({text})
        rules = self._entries[spans[0].key].rules
        return frozenset(self._actor_for(rule.actor, rule.country, country_iso3 or "", None).name for rule in rules)

    def actor(self, key: str, country_iso3: str | None = None, on: date | None = None) -> Actor:
        """The actor of a registry key (as in ``ActorSpan.key``) for a country and date."""
        if key not in self._entries:
            raise KeyError(f"no actor {key!r} in the actor registry")
        return self._actor_for(key, "", country_iso3 or "", on)

    def is_civilian(self, text: str, country_iso3: str | None = None) -> bool:
        """True when the phrase names civilians (villagers, "fidèles", "Civilians (Mali)" ...)."""
        return self.actor_type_of(text, country_iso3) == "Civilians"

    def actor_type_of(self, text: str, country_iso3: str | None = None, on: date | None = None) -> str | None:
        """The ACLED actor type of the actor a phrase names, or None."""
        resolved = self.resolve(text, country_iso3, on)
        return resolved.actor_type if resolved else None

    def kind(self, key: str) -> str:
        """``actors`` (a named group), ``generic`` (takes a country) or ``shared`` (depends on date/country)."""
        return self._entries[key].kind

    def country_name(self, iso3: str) -> str | None:
        return self._countries.get(iso3)

    def country_code(self, name: str) -> str | None:
        """ISO3 of an English country short name as the registry spells it."""
        return self._country_codes.get(_fold_key(name, self._tables[0]))

    def period_label(self, country_iso3: str, on: date | None = None) -> str:
        """The regime period on ``on`` ("2021-"); the latest with no date; "" when none applies."""
        periods = self._periods.get(country_iso3, ())
        if not periods:
            return ""
        if on is None:
            return periods[-1].label
        label = ""
        for period in periods:
            if period.start <= on:
                label = period.label
        return label

    # -- internals -----------------------------------------------------------------------------

    def _actor_for(self, key: str, fixed_country: str, event_country: str, on: date | None) -> Actor:
        entry = self._entries[key]
        if entry.kind == "shared":
            rule = _pick_rule(entry.rules, event_country, on)
            return self._actor_for(rule.actor, rule.country or fixed_country, event_country, on)
        if entry.kind == "actors":
            return Actor(entry.name, entry.actor_type, entry.country_iso3)
        country = fixed_country or event_country
        if not country:
            return Actor(entry.name_no_country, entry.actor_type, "")
        period = self.period_label(country, on) if entry.state_forces else ""
        name = entry.name.format(country=self._countries.get(country, country), period=f" ({period})" if period else "")
        actor_type = entry.actor_type
        if entry.state_forces and event_country and country != event_country:
            actor_type = "External/Other forces"  # ACLED: state forces acting outside their country
        return Actor(name, actor_type, country)

    def _from_canonical(self, text: str) -> tuple[str, str] | None:
        """(key, country) for a canonical generic name such as "Civilians (Mali)"."""
        for regex, key in self._canonical:
            match = regex.match(text)
            if match:
                iso3 = self.country_code(match.group("country"))
                if iso3:
                    return key, iso3
        return None

    def _fuzzy(self, text: str) -> ActorSpan | None:
        folded = _fold_key(text, self._tables[0])
        if len(folded) < _FUZZY_MIN_LENGTH or not self._fuzzy_choices:
            return None
        best = process.extractOne(folded, self._fuzzy_choices, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
        if best is None:
            return None
        key, country = self._insensitive[best[0]]
        return ActorSpan(0, len(text), text, key, country)


def _pick_rule(rules: tuple[Rule, ...], country: str, on: date | None) -> Rule:
    fitting = [rule for rule in rules if rule.fits_country(country)] or list(rules)
    if on is not None:
        for rule in fitting:
            if rule.fits_date(on):
                return rule
    # No date, or a date no rule covers: the rule that lasts longest (the latest) applies.
    return max(fitting, key=lambda rule: rule.until or date.max)


# -- folding and regexes ---------------------------------------------------------------------------


def _fold_table(lower: bool) -> dict[int, str]:
    """A length-preserving str.translate table: accents dropped, quotes and dashes unified.

    One character in, one character out, so match offsets in folded text are offsets in the
    original. Latin letters (all English and French ones) are covered; other scripts pass through.
    """
    table: dict[int, str] = {}
    for code in range(0x250):
        char = chr(code)
        decomposed = unicodedata.normalize("NFD", char)
        base = decomposed[0] if all(unicodedata.combining(c) for c in decomposed[1:]) else char
        if lower and len(base.lower()) == 1:
            base = base.lower()
        if base != char:
            table[code] = base
    table.update({ord(c): "'" for c in _APOSTROPHES})
    table.update({ord(c): "-" for c in _DASHES})
    table.update({ord(c): " " for c in _SPACES})
    return table


def _fold_key(text: str, table: dict[int, str]) -> str:
    """The dictionary form of an alias: folded, hyphens as spaces, single spaces."""
    return _FLEX.sub(" ", text.translate(table)).strip()


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return " " not in alias.strip() and upper >= 2 and upper * 2 >= len(letters)


def _trie_regex(aliases: dict[str, Any]) -> re.Pattern[str]:
    """One regex for all aliases, factored as a trie so matching does not try each alias in turn.

    Optional tails are greedy, so of two aliases starting at the same place the longer wins.
    """
    trie: dict[str, dict] = {}
    for alias in aliases:
        node = trie
        for char in alias:
            node = node.setdefault(char, {})
        node[""] = {}
    return re.compile(r"(?<!\w)" + _trie_pattern(trie) + r"(?!\w)")


def _trie_pattern(node: dict[str, dict]) -> str:
    branches = [
        (r"[\s\-]+" if char == " " else re.escape(char)) + _trie_pattern(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        body = "(?:" + body + ")?"
    return body


def _template_regex(template: str) -> re.Pattern[str]:
    pattern = re.escape(template).replace(r"\{country\}", r"(?P<country>[^()]+?)")
    pattern = pattern.replace(r"\{period\}", r"(?:\ \([^)]*\))?")
    return re.compile(pattern + r"\Z", re.IGNORECASE)


# -- loading and merging ---------------------------------------------------------------------------


def _parse_toml(text: str, label: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{label}: not valid TOML ({exc})") from None


class _Merged:
    """Registry files merged in order: later files add entries or override fields of earlier ones."""

    def __init__(self) -> None:
        self.countries: dict[str, str] = {}
        self.regimes: dict[str, tuple[Period, ...]] = {}
        self.demonyms: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self.fields: dict[str, dict[str, Any]] = {}  # key -> merged fields (plus "kind")
        self.origin: dict[str, str] = {}  # key -> file that last touched the entry
        self.declared: dict[str, list[tuple[str, str, int]]] = {}  # key -> (alias, country, file index)
        self.files: list[str] = []

    def add(self, data: dict[str, Any], label: str) -> None:
        index = len(self.files)
        self.files.append(label)
        unknown = sorted(set(data) - {"schema", "countries", "regimes", "demonyms", *KINDS})
        if unknown:
            raise ConfigError(f"{label}: unknown section(s) {', '.join(unknown)}; see docs/actors.md")
        countries = data.get("countries", {})
        if not isinstance(countries, dict):
            raise ConfigError(f"{label}: [countries] must be a table")
        for iso3, name in countries.items():
            if not _ISO3.match(iso3) or not isinstance(name, str) or not name.strip():
                raise ConfigError(f"{label}: countries: {iso3} must be an ISO3 code with a country name")
            self.countries[iso3] = name.strip()
        for n, item in enumerate(_array(data, "regimes", label)):
            where = f"{label}: regimes[{n}]"
            _only(item, {"country", "periods"}, where)
            periods = []
            for p in _list(item.get("periods"), f"{where}.periods", dict):
                _only(p, {"start", "label"}, f"{where}.periods")
                periods.append(Period(_date(p.get("start"), f"{where}.periods.start"), _str(p.get("label"), f"{where}.periods.label")))
            self.regimes[_iso3(item.get("country"), f"{where}.country")] = tuple(sorted(periods, key=lambda p: p.start))
        for n, item in enumerate(_array(data, "demonyms", label)):
            where = f"{label}: demonyms[{n}]"
            _only(item, {"country", "en", "fr"}, where)
            iso3 = _iso3(item.get("country"), f"{where}.country")
            en, fr = self.demonyms.get(iso3, ((), ()))  # a file adds adjectives to the ones known
            self.demonyms[iso3] = (tuple(dict.fromkeys((*en, *_list(item.get("en", []), f"{where}.en", str)))),
                                   tuple(dict.fromkeys((*fr, *_list(item.get("fr", []), f"{where}.fr", str)))))
        for kind in KINDS:
            for n, item in enumerate(_array(data, kind, label)):
                self._add_entry(kind, item, f"{label}: {kind}[{n}]", label, index)

    def _add_entry(self, kind: str, item: dict[str, Any], where: str, label: str, index: int) -> None:
        key = _str(item.get("key"), f"{where}.key")
        where = f"{where} (key {key!r})"
        _only(item, set(_FIELDS[kind]), where)
        for name, expected in _FIELDS[kind].items():
            if name in item and not isinstance(item[name], expected):
                raise ConfigError(f"{where}: {name} must be a {expected.__name__}")
        for name in ("aliases", "add_aliases", "case_sensitive", "en_templates", "fr_templates"):
            _list(item.get(name, []), f"{where}.{name}", str)
        previous = self.fields.get(key)
        if previous is not None and previous["kind"] != kind:
            raise ConfigError(f"{where}: key is already used by an [[{previous['kind']}]] entry in {self.origin[key]}")
        if previous is None:
            missing = [name for name in _REQUIRED[kind] if name not in item]
            if missing:
                raise ConfigError(f"{where}: missing {', '.join(missing)}")
            previous = self.fields[key] = {"kind": kind}
            self.declared[key] = []
        if "rules" in item:
            item = {**item, "rules": _rules(item["rules"], where)}
        if "country_aliases" in item:
            for iso3, aliases in item["country_aliases"].items():
                _iso3(iso3, f"{where}.country_aliases")
                _list(aliases, f"{where}.country_aliases.{iso3}", str)
        declared = self.declared[key]
        if "aliases" in item:  # a later file's list replaces the earlier one
            declared[:] = [d for d in declared if d[1]]
            declared.extend((alias, "", index) for alias in item["aliases"])
        if "country_aliases" in item:
            replaced = set(item["country_aliases"])
            declared[:] = [d for d in declared if d[1] not in replaced]
            declared.extend((a, iso3, index) for iso3, aliases in item["country_aliases"].items() for a in aliases)
        declared.extend((alias, "", index) for alias in item.get("add_aliases", []))
        previous.update({k: v for k, v in item.items() if k not in ("aliases", "add_aliases", "country_aliases")})
        self.origin[key] = label

    def check(self) -> None:
        """Cross-entry checks, once every file is merged."""
        for key, fields in self.fields.items():
            where = f"{self.origin[key]}: {fields['kind']} entry {key!r}"
            if "actor_type" in fields and fields["actor_type"] not in ACTOR_TYPES:
                raise ConfigError(f"{where}: actor_type {fields['actor_type']!r} is not one of {', '.join(ACTOR_TYPES)}")
            if fields.get("country") and fields["country"] not in self.countries:
                raise ConfigError(f"{where}: country {fields['country']!r} is not in [countries]")
            if fields["kind"] == "generic":
                try:
                    fields["name"].format(country="X", period="")
                except (KeyError, IndexError, ValueError):
                    raise ConfigError(f"{where}: name may use only {{country}} and {{period}}") from None
                if "{country}" not in fields["name"]:
                    raise ConfigError(f"{where}: a generic name needs {{country}}")
            for rule in fields.get("rules", ()):
                target = self.fields.get(rule.actor)
                if target is None or target["kind"] == "shared":
                    raise ConfigError(f"{where}: rule actor {rule.actor!r} is not an [[actors]] or [[generic]] key")
                if rule.country and target["kind"] != "generic":
                    raise ConfigError(f"{where}: rule country needs a [[generic]] actor, not {rule.actor!r}")

    def build_entries(self) -> dict[str, Entry]:
        entries = {}
        for key, f in self.fields.items():
            name = f.get("name", "")
            no_country = f.get("name_no_country") or _FLEX.sub(" ", name.replace("({country})", "").replace("{country}", "").replace("{period}", "")).strip()
            entries[key] = Entry(key, f["kind"], name, f.get("actor_type", ""), f.get("country", ""),
                                 no_country, bool(f.get("state_forces", False)), tuple(f.get("rules", ())))
        return entries

    def build_aliases(self, tables: tuple[dict[int, str], dict[int, str]]) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
        """(case-insensitive, case-sensitive) maps of folded alias -> (key, country).

        Declared aliases outrank generated ones (canonical names, demonym templates); a later
        file outranks an earlier one; two declarations in one file conflict.
        """
        chosen: dict[tuple[bool, str], tuple[tuple[int, int], str, str]] = {}
        for key, fields in self.fields.items():
            exact = set(fields.get("case_sensitive", ()))
            candidates = [(alias, country, (1, index)) for alias, country, index in self.declared[key]]
            candidates += [(alias, country, (0, 0)) for alias, country in self._generated(key, fields)]
            for alias, country, rank in candidates:
                sensitive = alias in exact or _is_acronym(alias)
                folded = _fold_key(alias, tables[1] if sensitive else tables[0])
                if not folded:
                    continue
                slot = (sensitive, folded)
                held = chosen.get(slot)
                if held is not None and held[0] == rank and rank[0] == 1 and held[1:] != (key, country):
                    raise ConfigError(f"{self.files[rank[1]]}: alias {alias!r} names both {held[1]!r} and {key!r}")
                if held is None or rank > held[0]:
                    chosen[slot] = (rank, key, country)
        insensitive = {folded: (key, country) for (sensitive, folded), (_, key, country) in chosen.items() if not sensitive}
        sensitive_map = {folded: (key, country) for (sensitive, folded), (_, key, country) in chosen.items() if sensitive}
        return insensitive, sensitive_map

    def _generated(self, key: str, fields: dict[str, Any]) -> list[tuple[str, str]]:
        if fields["kind"] == "actors":
            return [(fields["name"], "")]
        generated = []
        for iso3, (en, fr) in sorted(self.demonyms.items()):
            for template in fields.get("en_templates", ()):
                generated += [(template.replace("{adj}", adj), iso3) for adj in en]
            for template in fields.get("fr_templates", ()):
                generated += [(template.replace("{adj}", adj), iso3) for adj in fr]
        return generated


def demonyms_from_tsv(text: str) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """ISO3 -> (English adjectives, French forms) from countries.tsv (iso3, names, demonyms).

    English adjectives are the capitalised words less plurals ("Kenyans" is a people, "Kenyan"
    the adjective of "Kenyan troops"); French forms are the lower-case words, every gender and
    number, as they follow the noun ("soldats kényans").
    """
    demonyms = {}
    for line in text.splitlines()[1:]:
        iso3, _names, words = (line.split("\t") + ["", ""])[:3]
        forms = [w.strip() for w in words.split("|") if w.strip()]
        capitalised = [w for w in forms if w[0].isupper()]
        en = tuple(w for w in capitalised if not (w.endswith("s") and w[:-1] in capitalised))
        fr = tuple(w for w in forms if not w[0].isupper())
        if en or fr:
            demonyms[iso3] = (en, fr)
    return demonyms


def _array(data: dict[str, Any], name: str, label: str) -> list[dict[str, Any]]:
    value = data.get(name, [])
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise ConfigError(f"{label}: {name} must be an array of tables ([[{name}]])")
    return value


def _only(item: dict[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(item) - allowed)
    if unknown:
        raise ConfigError(f"{where}: unknown field(s) {', '.join(unknown)} (allowed: {', '.join(sorted(allowed))})")


def _list(value: Any, where: str, item_type: type) -> list:
    if not isinstance(value, list) or not all(isinstance(v, item_type) for v in value):
        raise ConfigError(f"{where} must be a list of {item_type.__name__}")
    return value


def _str(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where} must be a non-empty string")
    return value.strip()


def _iso3(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _ISO3.match(value):
        raise ConfigError(f"{where} must be an ISO3 country code such as \"MLI\", not {value!r}")
    return value


def _date(value: Any, where: str) -> date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ConfigError(f"{where} must be a date such as 2021-05-24, not {value!r}")


def _rules(value: Any, where: str) -> tuple[Rule, ...]:
    rules = []
    for n, raw in enumerate(_list(value, f"{where}.rules", dict)):
        at = f"{where}.rules[{n}]"
        _only(raw, _RULE_FIELDS, at)
        countries = tuple(_iso3(c, f"{at}.countries") for c in _list(raw.get("countries", []), f"{at}.countries", str))
        rules.append(Rule(
            actor=_str(raw.get("actor"), f"{at}.actor"),
            country=_iso3(raw["country"], f"{at}.country") if "country" in raw else "",
            countries=countries,
            start=_date(raw["from"], f"{at}.from") if "from" in raw else None,
            until=_date(raw["until"], f"{at}.until") if "until" in raw else None,
        ))
    if not rules:
        raise ConfigError(f"{where}: rules must not be empty")
    return tuple(rules)
