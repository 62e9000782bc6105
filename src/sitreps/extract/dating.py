"""What an article's relative dates are counted from, and the date each event draft takes.

A page's date is not always known. Four cases, from surest to least:

- the day of publication (``Article.published``): "on Monday" is the Monday on or before it;
- only its month (``Article.published_month``, from "date 2023-02" or a /2023/02/ URL): "jeudi"
  then fixes no more than that month (precision 3, the 15th), while "17 mars" still fixes the day;
- neither: the latest full date the text itself gives (a caption "June 13, 2025", an embedded
  post's date, "le vendredi 4 juin 2016") anchors what is relative;
- nor that: a day and month told with their weekday ("mardi 9 mars", "Saturday June 5").
  The calendar allows only some years for it, one every 5, 6 or 11 years, none after the day
  the page was fetched (``Article.retrieved``, else the run day). Of those, the first year at or
  after the latest year the text or its URL names ("since the 2012 accords", /2015/): a story
  rarely names a year more than a few years before its own. A text that names no year takes the
  most recent one. On news_dev's dated pages these rules find the year of the publication day
  91% (years named) and 76% (none named) of the time; the year is a guess, the day is not.
  Without any of these, an event whose sentence fixes no date of its own keeps ``event_date``
  null: the date is never guessed from the run day.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from ..model import Article
from .dates import DateMatch, DateRules, WeekdayDate, find_dates, find_weekday_dates, years_named

AnchorSource = Literal["published", "published_month", "text", "none"]


@dataclass(frozen=True)
class Anchor:
    """The date relative expressions are resolved against, and how much of it is known."""

    value: date | None
    precision: int | None  # 1 the day, 3 only the month
    source: AnchorSource
    # From a date the text gives: the latest day its weekdays reach from it ("Tuesday's blast" in
    # a caption, "on Thursday" in the story), the earliest the story can have been written.
    story_day: date | None = None


def article_anchor(article: Article, rules: DateRules, today: date | None = None) -> Anchor:
    """``today`` is the run day, the latest a page fetched at no known time can be from."""
    if article.published is not None:
        return Anchor(article.published, 1, "published")
    if article.published_month is not None:
        month = article.published_month
        last = date(month.year, month.month, calendar.monthrange(month.year, month.month)[1])
        # A day the story names in that month ("le 28 octobre") dates what "ce samedi" means.
        days = [
            m.value for m in find_dates(article.text, last, article.language, rules)
            if m.precision == 1 and (m.value.year, m.value.month) == (month.year, month.month) and _names_month(m, rules, article.language)
        ]
        if days:
            return _told_anchor(max(days), article, rules)
        return Anchor(last, 3, "published_month")
    # Both languages' months: an English post embedded in a French page dates it too. An
    # "Updated Jan 4, 2017" stamp says when the page last changed, not when its news happened.
    # Only a date that stands apart - a caption's or a post's, at the end of its line, or on a
    # short line - dates the page; one inside a sentence ("the accords of 23 March 2009") dates an
    # event of its own, often long before.
    stated = [
        m.value for m in find_dates(article.text, None, "", rules)
        if m.kind == "absolute" and m.precision == 1 and not _UPDATED.search(article.text[max(0, m.start - 25) : m.start])
        and _stands_apart(article.text, m.start, m.end)
    ]
    if stated:
        return _told_anchor(max(stated), article, rules)
    latest = article.retrieved or today or date.today()
    told = find_weekday_dates(article.text, article.language, rules)
    named = _years_named(article, rules, latest) if told else []
    dated = [day for found in told if (day := _weekday_date(found, named, latest)) is not None]
    if dated:
        return _told_anchor(max(dated), article, rules)
    return Anchor(None, None, "none")


def _told_anchor(value: date, article: Article, rules: DateRules) -> Anchor:
    anchor = Anchor(value, 1, "text")
    words = rules.for_language(article.language)
    reached = [adjust_to_anchor(m, anchor, words).value for m in find_dates(article.text, value, article.language, rules) if _names_weekday_only(m, words)]
    return dataclasses.replace(anchor, story_day=max([value, *reached]))


def _weekday_date(found: WeekdayDate, named: list[int], latest: date) -> date | None:
    """The date of a yearless "mardi 9 mars": the first year that fits at or after the
    latest year the story names, else the latest year that fits; never after ``latest``."""
    earliest = max(named, default=latest.year - _CALENDAR_CYCLE)
    fitting = [day for year in range(earliest, latest.year + 1) if (day := found.in_year(year)) is not None and day <= latest]
    if not fitting:
        return None
    return fitting[0] if named else fitting[-1]


def _years_named(article: Article, rules: DateRules, latest: date) -> list[int]:
    """Years the text and the URL's path name, up to ``latest``'s (a plan "for 2030" is none)."""
    path = _URL_HOST.sub("", article.url or "")
    years = years_named(article.text, article.language, rules) + [int(y) for y in _URL_YEAR.findall(path)]
    return [year for year in years if year <= latest.year]


# Weekdays fall on the same dates again after 28 years at most.
_CALENDAR_CYCLE = 28
_URL_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://[^/]*", re.IGNORECASE)
_URL_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def _names_month(match: DateMatch, rules: DateRules, language: str) -> bool:
    text = match.text.lower()
    return any(word in text for table in rules.for_language(language) for word in table.months) or match.kind == "absolute"


def _stands_apart(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    # A caption ends with the photo's credit: "... in Bamako on May 3, 2021. (JANE DOE / AFP)".
    rest = _CREDIT.sub("", text[end:line_end])
    return not rest.strip(" .)]»\"'") or len(text[line_start:line_end].split()) <= _SHORT_LINE_WORDS


_SHORT_LINE_WORDS = 15
# A bracketed credit: a photographer and an agency ("JANE DOE / AFP"), or an agency in capitals.
_CREDIT = re.compile(r"[\s.,]*[(\[](?:[^()\[\]\n]{0,60}/[^()\[\]\n]{0,60}|[^()\[\]\na-zà-ÿ]{2,60})[)\]][\s.]*$")
_UPDATED = re.compile(r"(?:updated|last modified|modified|mis à jour|actualisé|modifié)(?: on| le)?\W{0,3}$", re.IGNORECASE)


def adjust_to_anchor(match: DateMatch, anchor: Anchor, words) -> DateMatch:
    """Fit a relative date to what the anchor is.

    From a month-only anchor, a weekday or "yesterday" fixes only that month: the 15th,
    precision 3 (a yearless "17 mars" names its day and keeps it). From a date the text gives (a
    caption, an embedded post), a weekday is the nearest such day, before or after it: a photo
    is dated the day of the event, a post the days after; "yesterday" counts from the latest day
    those weekdays reach (``Anchor.story_day``)."""
    if match.kind != "anchor_relative" or match.precision == 3:
        return match
    text = match.text.lower()
    if any(word in text for table in words for word in table.months):
        return match
    if anchor.precision == 3:
        middle = date(anchor.value.year, anchor.value.month, 15)
        return dataclasses.replace(match, value=middle, precision=3, spill=(0, 0))
    names_weekday = _names_weekday(text, words)
    if anchor.source == "text" and names_weekday and (anchor.value - match.value).days > 3:
        return dataclasses.replace(match, value=match.value + timedelta(days=7))
    if anchor.source == "text" and not names_weekday and match.precision == 1 and anchor.story_day:
        # "Yesterday", "overnight" count from the day the story was written, not the caption's.
        return dataclasses.replace(match, value=match.value + (anchor.story_day - anchor.value))
    return match


def _names_weekday(text: str, words) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) for table in words for word in table.weekdays)


def _names_weekday_only(match: DateMatch, words) -> bool:
    """A weekday without a month: "on Thursday", "mardi soir", not "Thursday 20 July"."""
    text = match.text.lower()
    return match.kind == "anchor_relative" and _names_weekday(text, words) and not any(word in text for table in words for word in table.months)


def undated_default(anchor: Anchor) -> tuple[date | None, int | None]:
    """The date of an event whose text fixes none: the day before publication (precision 2: within
    about a week), the month of a month-only page, the week of a date the text gives."""
    if anchor.value is None:
        return None, None
    if anchor.source == "published":
        # News tells of the day or two before it appears: the day before publication, precision 2.
        return anchor.value - timedelta(days=1), 2
    if anchor.precision == 3:
        return date(anchor.value.year, anchor.value.month, 15), 3
    return anchor.value, 2
