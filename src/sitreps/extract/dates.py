"""Event dates in one sentence, English and French.

A rule layer of regular expressions built from data/dates.toml finds date phrases and resolves
them; dateparser is used only for "three days ago" / "il y a trois jours" shapes.

Kinds of match (``DateMatch.kind``):
- ``absolute``: the text fixes the date ("12 March 2024", "in March 2023", "12/03/2024").
- ``anchor_relative``: resolved against the publication date (``anchor``): weekdays, "yesterday",
  "last week", "last March", "on 3 February" (no year). Dropped when there is no anchor: the
  date is never guessed from today's date.
- ``chain_relative``: resolved against the date of an earlier event in the text (``reference``):
  "the next day", "two days later", "la veille". Dropped when no reference is given.

Conventions, chosen to be simple and predictable:
- A weekday ("on Monday", "lundi", "Monday night") is the most recent such day on or before the
  anchor (the anchor itself when it is that weekday); "last Monday" / "lundi dernier" is the most
  recent one strictly before the anchor.
- "The night of Saturday to Sunday" / "dans la nuit du 12 au 13 mars" / "12-14 March" is the
  first day (precision 1).
- A yearless day or month takes the most recent year that does not put it after the anchor;
  "last March" / "mars dernier" is the most recent March before the anchor's month.
- Precision 2 (a week) dates the middle day of the Monday-Sunday week (the Thursday), precision 3
  (a month) the 15th, or the 1st / last day for "early" / "late" ("début" / "fin"). A date
  resolved from the anchor is never after the anchor: a mid-week or mid-month date that would be
  in the future is moved back to the anchor.
- English all-digit dates are read day-first unless only the month-first reading is valid or,
  with an anchor, is the closer date not after it; French ones are always day-first.
- Bare years ("in 2012"), clock times, ages and counts are never dates.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
import tomllib
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from importlib import resources as importlib_resources
from typing import Callable, Literal, Mapping

import dateparser

from .numbers import digits_value, is_digits

DateKind = Literal["absolute", "anchor_relative", "chain_relative"]


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    text: str
    value: date
    precision: int  # 1 day, 2 week, 3 month
    relative: bool  # needed the anchor or a reference date
    kind: DateKind = "absolute"
    # Days before / after ``value`` the event may really fall on: a night runs into the next
    # day, "early on Monday" may be Sunday night, "12-14 March" spans three days.
    spill: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class LanguageDates:
    """One language's date vocabulary and the patterns built from it."""

    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    month_positions: Mapping[str, str]
    day_offsets: Mapping[str, int]
    chain_offsets: Mapping[str, int]
    chain_units: Mapping[str, int]
    span_units: Mapping[str, int]
    week_offsets: Mapping[str, int]
    month_offsets: Mapping[str, int]
    number_words: Mapping[str, int]
    numeric_day_first: bool
    spill_late: re.Pattern[str]  # the date runs past midnight ("late on", "night", "soir")
    spill_early: re.Pattern[str]  # the date may be the night before ("early on", "à l'aube")
    named_year: re.Pattern[str]  # a bare year named as a time ("since 2012", "en 2022")
    patterns: tuple[tuple[str, re.Pattern[str]], ...]


@dataclass(frozen=True)
class DateRules:
    languages: Mapping[str, LanguageDates]

    def for_language(self, language: str) -> tuple[LanguageDates, ...]:
        """The tables for a language; both when the language is not one sitreps knows."""
        if language in self.languages:
            return (self.languages[language],)
        return tuple(self.languages.values())


def load_date_rules() -> DateRules:
    """Read data/dates.toml (and the number words of data/numbers.toml) and build the patterns."""
    data_dir = importlib_resources.files("sitreps").joinpath("data")
    table = tomllib.loads(data_dir.joinpath("dates.toml").read_text(encoding="utf-8"))
    numbers = tomllib.loads(data_dir.joinpath("numbers.toml").read_text(encoding="utf-8"))
    languages = {}
    for language in ("en", "fr"):
        raw = table[language]
        number_words = {k: int(v) for k, v in numbers[language]["units"].items() if int(v) > 0}
        languages[language] = LanguageDates(
            months={k.lower(): int(v) for k, v in raw["months"].items()},
            weekdays={k.lower(): int(v) for k, v in raw["weekdays"].items()},
            month_positions=dict(raw["month_positions"]),
            day_offsets=dict(raw["day_offsets"]),
            chain_offsets=dict(raw["chain_offsets"]),
            chain_units=dict(raw["chain_units"]),
            span_units=dict(raw["span_units"]),
            week_offsets=dict(raw["week_offsets"]),
            month_offsets=dict(raw["month_offsets"]),
            number_words=number_words,
            numeric_day_first=bool(raw["numeric_day_first"]),
            spill_late=re.compile(rf"(?<!\w)(?:{_alternation(raw['spill_late'])})(?!\w)", re.IGNORECASE),
            spill_early=re.compile(rf"(?<!\w)(?:{_alternation(raw['spill_early'])})(?!\w)", re.IGNORECASE),
            named_year=re.compile(rf"(?<!\w)(?:{_alternation(raw['year_before'])})\s*(?P<year>(?:19|20)\d\d)(?![\d,.]\d)", re.IGNORECASE),
            patterns=_build_patterns(raw, number_words),
        )
    return DateRules(languages=languages)


def find_dates(
    sentence: str,
    anchor: date | None,
    language: str,
    rules: DateRules | None = None,
    reference: date | None = None,
) -> list[DateMatch]:
    """Date phrases of the sentence, resolved, in order of position (overlaps: longest wins)."""
    rules = rules or load_date_rules()
    candidates: list[DateMatch] = []
    for words in rules.for_language(language):
        for name, pattern in words.patterns:
            resolve = _RESOLVERS[name]
            for match in pattern.finditer(sentence):
                found = resolve(match, _Context(sentence, anchor, reference, words, language))
                if found is not None:
                    candidates.append(dataclasses.replace(found, spill=_spill(found, sentence, words)))
    return _without_overlaps(candidates)


def years_named(text: str, language: str, rules: DateRules | None = None) -> list[int]:
    """The years the text names as times: in full dates and months ("12 March 2019", "November
    2012") and after a word that makes a bare number a year ("since 2012", "the 2015 accord")."""
    rules = rules or load_date_rules()
    years = [m.value.year for m in find_dates(text, None, language, rules) if m.kind == "absolute"]
    for words in rules.for_language(language):
        years.extend(int(match.group("year")) for match in words.named_year.finditer(text))
    return years


@dataclass(frozen=True)
class WeekdayDate:
    """A day and month the text gives with its weekday but no year ("mardi 9 mars",
    "Saturday, May 1"): the calendar allows only some years for it."""

    start: int
    end: int
    weekday: int  # Monday 0
    month: int
    day: int

    def in_year(self, year: int) -> date | None:
        """The date in that year, when the day exists then and falls on the weekday named."""
        value = _safe_date(year, self.month, self.day)
        return value if value is not None and value.weekday() == self.weekday else None


def find_weekday_dates(text: str, language: str, rules: DateRules | None = None) -> list[WeekdayDate]:
    """The yearless dates of the text that name their weekday, in order of position."""
    rules = rules or load_date_rules()
    found: dict[int, WeekdayDate] = {}
    for words in rules.for_language(language):
        for name, pattern in words.patterns:
            if name not in _WEEKDAY_DATE_PATTERNS:
                continue
            for match in pattern.finditer(text):
                if not match.group("weekday") or match.group("year"):
                    continue
                weekday = words.weekdays[match.group("weekday").lower()]
                found.setdefault(match.start(), WeekdayDate(match.start(), match.end(), weekday, _month_of(match, words), _day_of(match)))
    return [found[start] for start in sorted(found)]


_WEEKDAY_DATE_PATTERNS = ("day_month", "month_day")


# --- patterns -----------------------------------------------------------------------------


def _alternation(words, case_sensitive: bool = False) -> str:
    """A regex alternation of words, longest first; hyphens and spaces match loosely."""
    escaped = []
    for word in sorted(set(words), key=len, reverse=True):
        body = re.escape(word).replace(r"\ ", r"\s+").replace("'", "['’]")
        escaped.append(body)
    joined = "|".join(escaped)
    return f"(?-i:{joined})" if case_sensitive else f"(?:{joined})"


def _build_patterns(raw: dict, number_words: Mapping[str, int]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    month_names = list(raw["months"])
    if raw["months_case_sensitive"]:
        month_names = [m.capitalize() for m in month_names] + [m.upper() for m in month_names if len(m) > 3]
    full = [m for m in month_names if len(m) > 4 or m.lower() in {"may", "mai", "juin", "mars", "june", "july"}]
    short = [m for m in month_names if m not in full]
    case_sensitive = raw["months_case_sensitive"]
    # Only an abbreviation takes a dot ("Feb."): a full name's dot ends the sentence.
    month = rf"(?P<month>{_alternation(full, case_sensitive)}|{_alternation(short, case_sensitive)}\.?)"
    weekday = rf"(?P<weekday>{_alternation(raw['weekdays'])})"
    weekday2 = rf"(?P<weekday2>{_alternation(raw['weekdays'])})"
    suffix = f"(?:{_alternation(raw['day_suffixes'])})?" if raw["day_suffixes"] else ""
    day = rf"(?P<day>[0-3]?\d|premier){suffix}(?![\d:h])"
    of = rf"(?:{raw['month_day_preposition']}\s+)?" if raw["month_day_preposition"] else ""
    year = r"(?P<year>(?:19|20)\d{2})(?!\d)"
    night = _alternation(raw["night_of"])
    joiners = _alternation(raw["range_joiners"])
    positions = rf"(?P<position>{_alternation(raw['month_positions'])})"
    last_before = rf"(?P<last_before>{_alternation(raw['last_before'])})\s+" if raw["last_before"] else ""
    last_after = rf"(?:\s+(?P<last_after>{_alternation(raw['last_after'])}))?" if raw["last_after"] else ""
    in_words = _alternation(raw["in_words"])
    day_parts = _alternation(raw["day_parts"])
    number = rf"(?P<n>\d{{1,3}}|{_alternation(number_words)})"
    lead = r"(?<![\w-])"
    tail = r"(?![\w])"
    sources = {
        "iso": r"(?<![\d-])(?P<year>(?:19|20)\d{2})-(?P<m>[01]\d)-(?P<day>[0-3]\d)(?![\d-])",
        "numeric": r"(?<![\d/.])(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d)[/.]" + year + r"(?![/.]\d)",
        "night_days": rf"{lead}(?:{night}\s+|{_alternation(raw['range_openers'])}\s+)?(?:the\s+|le\s+)?{day}\s*{joiners}\s*(?:the\s+|le\s+)?[0-3]?\d{suffix}\s+{of}{month}(?:,?\s+{year})?{tail}",
        "night_weekdays": rf"{lead}{night}\s+(?:the\s+|le\s+)?{weekday}(?:\s+{day_parts})?(?:\s*{joiners}\s*(?:the\s+|le\s+)?{weekday2})?{tail}",
        "day_month": rf"{lead}(?:{weekday},?\s+)?(?:the\s+|le\s+)?{day}\s+{of}{month}(?:,?\s+{year})?{tail}",
        "month_year": rf"{lead}(?:{in_words}\s+)?{month},?\s+{year}{tail}",
        "position_month": rf"{lead}{positions}(?:[\s-]+|-?){of}{month}(?:,?\s+{year})?{last_after}{tail}",
        "bare_month": rf"{lead}(?:{last_before}|(?P<in_word>{in_words})\s+)?{month}{last_after}{tail}(?!,?\s*(?:19|20)\d\d)",
        "weekday": rf"{lead}(?:{last_before})?{weekday}{last_after}(?:\s+(?P<part>{day_parts}))?{tail}",
        "day_offset": rf"{lead}(?P<phrase>{_alternation(raw['day_offsets'])}){tail}",
        "week_offset": rf"{lead}(?P<phrase>{_alternation(raw['week_offsets'])}){tail}",
        "month_offset": rf"{lead}(?P<phrase>{_alternation(raw['month_offsets'])}){tail}",
        "chain_offset": rf"{lead}(?P<phrase>{_alternation(raw['chain_offsets'])}){tail}",
        "chain_span": rf"{lead}{number}\s+(?P<unit>{_alternation(raw['span_units'])})\s+(?P<direction>{_alternation(raw['chain_units'])}){tail}",
        "ago": rf"{lead}(?:{'|'.join(_ago_shape(shape, number) for shape in raw['ago'])}){tail}",
    }
    if raw["months_case_sensitive"]:
        # English also writes the month first: "March 12, 2024", "Monday, March 12".
        sources["month_day"] = rf"{lead}(?:{weekday},?\s+)?{month}\s+{day}(?:,?\s+{year})?{tail}"
    return tuple((name, re.compile(source, re.IGNORECASE)) for name, source in sources.items())


def _ago_shape(shape: str, number: str) -> str:
    before, _, after = shape.partition("{n}")
    # Group names must be unique across the alternation: number the groups of each shape.
    return re.escape(before).replace(r"\ ", r"\s+") + number.replace("(?P<n>", "(?:") + re.escape(after).replace(r"\ ", r"\s+")


# --- resolution ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    sentence: str
    anchor: date | None
    reference: date | None
    words: LanguageDates
    language: str


def _make(match: re.Match[str], value: date, precision: int, kind: DateKind) -> DateMatch:
    return DateMatch(
        start=match.start(),
        end=match.end(),
        text=match.group(),
        value=value,
        precision=precision,
        relative=kind != "absolute",
        kind=kind,
    )


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_of(match: re.Match[str], words: LanguageDates) -> int:
    return words.months[match.group("month").lower().rstrip(".")]


def _day_of(match: re.Match[str]) -> int:
    text = match.group("day").lower()
    return 1 if text == "premier" else int(text)


def _yearless(anchor: date, month: int, day: int) -> date | None:
    """The most recent (month, day) on or before the anchor."""
    for year in (anchor.year, anchor.year - 1):
        value = _safe_date(year, month, day)
        if value is not None and value <= anchor:
            return value
    return None


def _day_precise(match: re.Match[str], context: _Context) -> DateMatch | None:
    """'12 March 2024', 'le 3 février', 'March 12, 2024', night ranges (first day)."""
    month, day = _month_of(match, context.words), _day_of(match)
    if match.group("year"):
        value = _safe_date(int(match.group("year")), month, day)
        return _make(match, value, 1, "absolute") if value else None
    if context.anchor is None:
        return None
    # "in March 12 people died": a month and then a count, not a day.
    month_first = match.start("month") < match.start("day")
    if month_first and re.search(r"\b(?:in|during)\s+$", context.sentence[: match.start()], re.IGNORECASE):
        return None
    value = _yearless(context.anchor, month, day)
    return _make(match, value, 1, "anchor_relative") if value else None


def _iso(match: re.Match[str], context: _Context) -> DateMatch | None:
    value = _safe_date(int(match.group("year")), int(match.group("m")), int(match.group("day")))
    return _make(match, value, 1, "absolute") if value else None


def _numeric(match: re.Match[str], context: _Context) -> DateMatch | None:
    a, b, year = int(match.group("a")), int(match.group("b")), int(match.group("year"))
    day_first = _safe_date(year, b, a)
    month_first = None if context.words.numeric_day_first else _safe_date(year, a, b)
    readings = [d for d in (day_first, month_first) if d is not None]
    if not readings:
        return None
    value = readings[0]
    if context.anchor is not None and len(readings) == 2:
        past = [d for d in readings if d <= context.anchor]
        if past:
            value = max(past)
    return _make(match, value, 1, "absolute")


def _month_year(match: re.Match[str], context: _Context) -> DateMatch | None:
    return _make(match, date(int(match.group("year")), _month_of(match, context.words), 15), 3, "absolute")


def _in_month(year: int, month: int, position: str) -> date:
    if position == "start":
        return date(year, month, 1)
    if position == "end":
        return date(year, month, calendar.monthrange(year, month)[1])
    return date(year, month, 15)


def _month_year_before(anchor: date, month: int, strictly: bool) -> int:
    if month < anchor.month or (month == anchor.month and not strictly):
        return anchor.year
    return anchor.year - 1


def _position_month(match: re.Match[str], context: _Context) -> DateMatch | None:
    """'late November 2023', 'fin janvier', 'mi-mars', 'the beginning of March'."""
    month = _month_of(match, context.words)
    key = re.sub(r"\s+", " ", match.group("position").lower()).replace("’", "'")
    position = context.words.month_positions.get(key) or context.words.month_positions.get(key.rstrip("-"), "mid")
    if match.group("year"):
        return _make(match, _in_month(int(match.group("year")), month, position), 3, "absolute")
    if context.anchor is None:
        return None
    strictly = bool(match.groupdict().get("last_after"))
    value = _in_month(_month_year_before(context.anchor, month, strictly), month, position)
    return _make(match, min(value, context.anchor), 3, "anchor_relative")


def _bare_month(match: re.Match[str], context: _Context) -> DateMatch | None:
    """'in March', 'last March', 'en mars', 'mars dernier' (no year): needs the anchor."""
    groups = match.groupdict()
    strictly = bool(groups.get("last_before") or groups.get("last_after"))
    if not (strictly or groups.get("in_word")) or context.anchor is None:
        return None
    month = _month_of(match, context.words)
    value = date(_month_year_before(context.anchor, month, strictly), month, 15)
    return _make(match, min(value, context.anchor), 3, "anchor_relative")


def _weekday_before(anchor: date, weekday: int, strictly: bool) -> date:
    back = (anchor.weekday() - weekday) % 7
    if strictly and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def _weekday(match: re.Match[str], context: _Context) -> DateMatch | None:
    if context.anchor is None:
        return None
    groups = match.groupdict()
    strictly = bool(groups.get("last_before") or groups.get("last_after"))
    weekday = context.words.weekdays[match.group("weekday").lower()]
    return _make(match, _weekday_before(context.anchor, weekday, strictly), 1, "anchor_relative")


def _night_weekdays(match: re.Match[str], context: _Context) -> DateMatch | None:
    """'dans la nuit de samedi à dimanche': the Saturday whose next day is not after the anchor."""
    if context.anchor is None:
        return None
    weekday = context.words.weekdays[match.group("weekday").lower()]
    # A night that runs into a named next day has ended by the anchor; "overnight Saturday" alone
    # follows the plain weekday rule.
    latest = context.anchor - timedelta(days=1) if match.group("weekday2") else context.anchor
    value = _weekday_before(latest, weekday, strictly=False)
    return _make(match, value, 1, "anchor_relative")


def _phrase_key(match: re.Match[str]) -> str:
    return re.sub(r"\s+", " ", match.group("phrase").lower()).replace("’", "'")


def _day_offset(match: re.Match[str], context: _Context) -> DateMatch | None:
    if context.anchor is None:
        return None
    days = context.words.day_offsets[_phrase_key(match)]
    return _make(match, context.anchor + timedelta(days=days), 1, "anchor_relative")


def _mid_week(day: date) -> date:
    return day - timedelta(days=day.weekday()) + timedelta(days=3)


def _week_offset(match: re.Match[str], context: _Context) -> DateMatch | None:
    if context.anchor is None:
        return None
    weeks = context.words.week_offsets[_phrase_key(match)]
    value = _mid_week(context.anchor + timedelta(weeks=weeks))
    return _make(match, min(value, context.anchor), 2, "anchor_relative")


def _shift_month(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _month_offset(match: re.Match[str], context: _Context) -> DateMatch | None:
    if context.anchor is None:
        return None
    year, month = _shift_month(context.anchor, context.words.month_offsets[_phrase_key(match)])
    return _make(match, min(date(year, month, 15), context.anchor), 3, "anchor_relative")


def _chain_offset(match: re.Match[str], context: _Context) -> DateMatch | None:
    if context.reference is None:
        return None
    days = context.words.chain_offsets[_phrase_key(match)]
    return _make(match, context.reference + timedelta(days=days), 1, "chain_relative")


def _number(text: str, words: LanguageDates) -> int | None:
    text = text.lower()
    return digits_value(text, 3) if is_digits(text) else words.number_words.get(text)


def _chain_span(match: re.Match[str], context: _Context) -> DateMatch | None:
    """'two days later', 'trois jours plus tard', 'a week earlier'."""
    if context.reference is None:
        return None
    count = _number(match.group("n"), context.words)
    if not count:
        return None
    unit = context.words.span_units[match.group("unit").lower()]
    direction = context.words.chain_units[re.sub(r"\s+", " ", match.group("direction").lower())]
    value = context.reference + timedelta(days=count * unit * direction)
    return _make(match, value, 1, "chain_relative")


def _ago(match: re.Match[str], context: _Context) -> DateMatch | None:
    """'three days ago', 'il y a deux semaines': dateparser, with the anchor as the base."""
    if context.anchor is None:
        return None
    parsed = dateparser.parse(
        match.group(),
        languages=[context.language] if context.language in ("en", "fr") else ["en", "fr"],
        settings={
            "RELATIVE_BASE": datetime(context.anchor.year, context.anchor.month, context.anchor.day),
            "PREFER_DATES_FROM": "past",
        },
    )
    if parsed is None:
        return None
    value = parsed.date()
    lowered = match.group().lower()
    if "semaine" in lowered or "week" in lowered:
        return _make(match, min(_mid_week(value), context.anchor), 2, "anchor_relative")
    if "mois" in lowered or "month" in lowered:
        return _make(match, min(date(value.year, value.month, 15), context.anchor), 3, "anchor_relative")
    return _make(match, value, 1, "anchor_relative")


_RESOLVERS: dict[str, Callable[[re.Match[str], _Context], DateMatch | None]] = {
    "iso": _iso,
    "numeric": _numeric,
    "night_days": _day_precise,
    "night_weekdays": _night_weekdays,
    "day_month": _day_precise,
    "month_day": _day_precise,
    "month_year": _month_year,
    "position_month": _position_month,
    "bare_month": _bare_month,
    "weekday": _weekday,
    "day_offset": _day_offset,
    "week_offset": _week_offset,
    "month_offset": _month_offset,
    "chain_offset": _chain_offset,
    "chain_span": _chain_span,
    "ago": _ago,
}


# "12-14 March", "the night of 14 to 15 March", "du 12 au 14 mars"; never ISO or numeric dates.
_DAY_RANGE = re.compile(r"(?<![\d/.-])([0-3]?\d)(?:st|nd|rd|th|er)?\s*(?:-|–|to|into|and|au|à|a|et)\s*(?:the\s+|le\s+)?([0-3]?\d)(?![\d/.:h-])")


def _spill(found: DateMatch, sentence: str, words: LanguageDates) -> tuple[int, int]:
    """How far a day-precise date may run into its neighbours, read from the phrase and the few
    words before it ("late on Sunday", "in the night of 12 to 13 March", "tôt lundi")."""
    if found.precision != 1:
        return (0, 0)
    before = " ".join(sentence[: found.start].split()[-3:])  # "late on", "before dawn on", "tôt"
    phrase = f"{before} {found.text}"
    span = _DAY_RANGE.search(found.text)
    after = int(span.group(2)) - int(span.group(1)) if span else 0
    after = after if 0 < after <= 7 else 0
    if after == 0 and words.spill_late.search(phrase):
        after = 1
    return (1 if words.spill_early.search(phrase) else 0, after)


def _without_overlaps(candidates: list[DateMatch]) -> list[DateMatch]:
    """Keep the longest of overlapping matches (the earliest on a tie), in text order."""
    chosen: list[DateMatch] = []
    for candidate in sorted(candidates, key=lambda m: (-(m.end - m.start), m.start)):
        if all(candidate.end <= kept.start or candidate.start >= kept.end for kept in chosen):
            chosen.append(candidate)
    return sorted(chosen, key=lambda m: m.start)
