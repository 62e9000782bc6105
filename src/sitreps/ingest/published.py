"""Publication dates: record field > HTML metadata > URL > a date line at the top > a dateline.

Every source is explicit: there is no fallback to today's date, and a relative time such as
"3 hours ago" gives a date only when an absolute date anchors it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .rules import BoilerplateRules

# How far into a page a date line or a dateline may stand.
_TOP_LINES = 15
_DATE_LINE_MAX_WORDS = 16
_DATELINE_PARAGRAPHS = 3
_NEARBY_YEAR_CHARS = 300

_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?!\d)")
# "...-8-26-2021/": a day and a month before the year, read only when one of them cannot be a
# month (26), so the order is not guessed.
_URL_DAY_MONTH_YEAR = re.compile(r"(?<![\d])([0-3]?\d)[-_]([0-3]?\d)[-_]((?:19|20)\d\d)(?![\d])")
# A URL path that gives only the month: /2020/11/slug.
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(?!\d)")
# "2023-02" standing alone: the month of an ISO date whose day is not given.
_ISO_MONTH = re.compile(r"(?<![\d-])((?:19|20)\d\d)-(0[1-9]|1[0-2])(?![\d-])")
_URL_COMPACT_DATE = re.compile(r"/((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# What may stand around a date on a date line: times, zones, separators, "à", "at".
_DATE_LINE_FILLER = re.compile(
    r"(?i)\b(?:at|à|a|le|on|the|gmt|utc|cet|wat|edt|est|bst|am|pm|h|t)\b|\d{1,2}\s*[:h]\s*\d{2}|[|·•,:()\-–—/]"
)


@dataclass(frozen=True)
class Dateline:
    """The opening of an agency story: "BAMAKO, March 12 (Reuters) -"."""

    place: str
    agency: str | None
    published: date | None


@dataclass(frozen=True)
class PageDate:
    """A date at the very top of a page, before its headline: "date 2024-03-29 Headline",
    "Published 28/06/2023". ``precision`` is 1 (the day) or 3 (only the month is given);
    ``end`` is where the date and its label end in the line."""

    value: date
    precision: int
    end: int


def leading_date(line: str, rules: BoilerplateRules) -> PageDate | None:
    """The date a page opens with (optionally after a "date", "published", "publié le" label),
    followed by the headline or the text on the same line, or alone on its line."""
    start = 0
    label = rules.published_prefix.match(line.lstrip())
    if label:
        start = len(line) - len(line.lstrip()) + label.end()
    rest = line[start:]
    stripped = len(rest) - len(rest.lstrip())
    found = rules.absolute_date.match(rest.lstrip())
    if found is not None:
        value = _match_date(found, rules)
        if value is not None:
            return PageDate(value, 1, start + stripped + found.end())
    month = _ISO_MONTH.match(rest.lstrip())
    if month is not None and label:
        # A bare "2023-02" opens a page only as a labelled date ("date 2023-02 ...").
        return PageDate(date(int(month.group(1)), int(month.group(2)), 1), 3, start + stripped + month.end())
    return None


def to_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist or is outside the plausible range of news."""
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    return found if plausible(found) else None


# News sitreps reads is dated within these years; a date outside them is an error or noise, and
# date arithmetic near the ends of the calendar would overflow.
EARLIEST_YEAR, LATEST_YEAR = 1900, 2100


def plausible(value: date) -> bool:
    return EARLIEST_YEAR <= value.year <= LATEST_YEAR


def parse_absolute(text: str, rules: BoilerplateRules) -> tuple[date, re.Match[str]] | None:
    """The first full date (day, month and year) in ``text``."""
    for match in rules.absolute_date.finditer(text):
        found = _match_date(match, rules)
        if found is not None:
            return found, match
    return None


def _match_date(match: re.Match[str], rules: BoilerplateRules) -> date | None:
    groups = match.groupdict()
    for n in "1234":
        year = groups.get(f"y{n}")
        if year is None:
            continue
        month_text = groups[f"m{n}"]
        month = int(month_text) if _ascii_digits(month_text) else rules.months.get(month_text.lower().rstrip("."))
        if month is None:
            return None
        return to_date(int(year), month, int(groups[f"d{n}"]))
    return None


def is_date_line(line: str, rules: BoilerplateRules) -> bool:
    """A line that only gives a date: "Published 12 March 2024", "Mis à jour le 3 février 2023"."""
    if len(line.split()) > _DATE_LINE_MAX_WORDS:
        return False
    found = parse_absolute(line, rules)
    if found is None:
        return False
    rest = line[: found[1].start()] + " " + line[found[1].end() :]
    rest = rules.published_prefix.sub(" ", rest)
    rest = rules.updated_prefix.sub(" ", rest)
    rest = _DATE_LINE_FILLER.sub(" ", rest)
    # A second date ("Publié le ... Mis à jour le ...") is part of the date line too.
    rest = rules.absolute_date.sub(" ", rest)
    return len(rest.split()) <= 1


def date_from_lines(lines: list[str], rules: BoilerplateRules) -> date | None:
    """The date line among the first lines of a page; "published" beats a plain date beats "updated"."""
    best: tuple[int, date] | None = None
    for line in lines[:_TOP_LINES]:
        if not is_date_line(line, rules):
            continue
        published = rules.published_prefix.search(line)
        updated = rules.updated_prefix.search(line)
        if published:
            # "Publié le 3 mars 2024, mis à jour le 4 mars": the date after the published prefix.
            found = parse_absolute(line[published.end() :], rules)
            rank = 0
        else:
            found = parse_absolute(line, rules)
            rank = 2 if updated else 1
        if found is not None and (best is None or rank < best[0]):
            best = (rank, found[0])
    return best[1] if best else None


def date_from_url(url: str | None) -> date | None:
    """A /2024/03/12/ (or 2024-03-12, or /20240312/) date in a URL path."""
    if not url:
        return None
    for pattern in (_URL_DATE, _URL_COMPACT_DATE):
        match = pattern.search(url)
        if match:
            found = to_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            if found is not None:
                return found
    match = _URL_DAY_MONTH_YEAR.search(url)
    if match:
        a, b, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        if (a > 12) != (b > 12):
            return to_date(year, b, a) if a > 12 else to_date(year, a, b)
    return None


def month_from_url(url: str | None) -> date | None:
    """The month of a /2020/11/ URL path that gives no day (first day of that month)."""
    if not url:
        return None
    match = _URL_MONTH.search(url)
    return date(int(match.group(1)), int(match.group(2)), 1) if match else None


def date_from_html(html: str, today: date | None = None) -> tuple[date | None, str]:
    """The original publication date of an HTML page (htmldate, no body search) and its source:
    "metadata" when a <meta> tag or JSON-LD states it, "html" when it is in the visible page."""
    from htmldate import find_date

    try:
        # No url: htmldate would read the URL's date first, and the URL ranks below metadata.
        found = find_date(html, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except ValueError:
        return None, "html"
    if not found:
        return None, "html"
    value = date.fromisoformat(found)
    # A date after the run day is a metadata error, not a publication date.
    if value > (today or date.today()):
        return None, "html"
    return value, "metadata" if _in_metadata(html, found) else "html"


_META_TAG = re.compile(r"<meta\b[^>]*>", re.I)
_JSONLD_DATE = re.compile(r'"date(?:Published|Created)"\s*:\s*"([^"]{10})', re.I)


def _in_metadata(html: str, iso: str) -> bool:
    head = html[: html.lower().find("<body")] if "<body" in html.lower() else html
    for tag in _META_TAG.findall(head):
        if re.search(r"date|time", tag, re.I) and re.search(r'content\s*=\s*["\']' + iso, tag, re.I):
            return True
    return any(found == iso for found in _JSONLD_DATE.findall(html))


def find_dateline(paragraphs: list[str], rules: BoilerplateRules, context: str = "") -> Dateline | None:
    """An agency dateline at the start of one of the first paragraphs.

    "BAMAKO, March 12 (Reuters) -" has no year: it gives a date only when the dateline itself,
    the ``context`` (title) or the start of the text names exactly one year.
    """
    pattern = _dateline_pattern(rules)
    for paragraph in paragraphs[:_DATELINE_PARAGRAPHS]:
        match = pattern.match(paragraph)
        if not match:
            continue
        # A known agency by its usual name; any other source in brackets is the publisher itself.
        agency = _agency_name(match.group("agency"), rules) or _short_source(match.group("source"))
        when = match.group("when") or ""
        published = None
        day_month = rules.day_month.search(when) if when else None
        if day_month:
            published = _dateline_date(day_month, rules, context + " " + paragraph[:_NEARBY_YEAR_CHARS])
        return Dateline(place=match.group("place").strip(), agency=agency, published=published)
    return None


def _dateline_pattern(rules: BoilerplateRules) -> re.Pattern[str]:
    agencies = "|".join(re.escape(a) for a in sorted(rules.agencies, key=len, reverse=True))
    return re.compile(
        r"(?P<place>[A-ZÀ-Ý][A-ZÀ-Ý'’ .-]{1,40}?|[A-ZÀ-Ý][a-zà-ÿ'’-]+(?: [A-ZÀ-Ý][a-zà-ÿ'’-]+)?)"
        r"(?:,\s*(?P<when>[^()\n]{3,40}?))?\s*"
        r"(?:\((?:(?P<agency>%s)|(?P<source>[A-ZÀ-Ý][^()\n]{1,40}))\)\s*)?[-–—]" % agencies
    )


def _short_source(text: str | None) -> str | None:
    return text.strip() if text and len(text.split()) <= 5 else None


def _agency_name(spelling: str | None, rules: BoilerplateRules) -> str | None:
    return rules.agencies.get(spelling) if spelling else None


def _dateline_date(match: re.Match[str], rules: BoilerplateRules, nearby: str) -> date | None:
    day = int(match.group("d1") or match.group("d2"))
    month = rules.months.get((match.group("m1") or match.group("m2")).lower())
    if month is None:
        return None
    if match.group("y"):
        return to_date(int(match.group("y")), month, day)
    years = set(_YEAR.findall(nearby))
    if len(years) != 1:
        return None
    return to_date(int(years.pop()), month, day)


def resolve_relative(when: str, anchor: date | None, rules: BoilerplateRules) -> date | None:
    """The date of "3 hours ago", "il y a 2 jours", "yesterday" counted back from ``anchor``."""
    if anchor is None:
        return None
    text = when.lower().strip()
    if re.fullmatch(r"yesterday|hier", text):
        return anchor - timedelta(days=1)
    if re.fullmatch(r"today|aujourd.hui|just now|à l.instant", text):
        return anchor
    match = re.search(r"(\d+|an?|une?|one)\s*([a-zé]+)", text.replace("il y a", ""))
    if not match:
        return None
    amount = int(match.group(1)) if _ascii_digits(match.group(1)) else 1
    unit_word = match.group(2)
    unit = rules.relative_units.get(unit_word) or rules.relative_units.get(unit_word.rstrip("s"))
    if unit in ("s", "m", "h"):
        # Hours ago is the anchor's day (or the day before): the anchor's day is the closer guess.
        return anchor
    if amount > 3660:
        return None  # "99999 days ago" is no publication date
    if unit == "d":
        return anchor - timedelta(days=amount)
    if unit == "w":
        return anchor - timedelta(weeks=amount)
    return None


def _ascii_digits(text: str) -> bool:
    """ASCII digits only, at most 9 of them: "²" passes ``str.isdigit()`` but not ``int()``."""
    return 0 < len(text) <= 9 and text.isascii() and text.isdigit()
