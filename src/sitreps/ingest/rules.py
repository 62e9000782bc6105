"""The boilerplate rule table (``data/boilerplate.toml``) and its one loader."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

from ..errors import ConfigError

_FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class BoilerplateRules:
    """Compiled line patterns for the cleaner, splitter and date finder."""

    drop_line: dict[str, tuple[re.Pattern[str], ...]]  # category -> patterns (fullmatch)
    block_start: tuple[re.Pattern[str], ...]
    tail_start: tuple[re.Pattern[str], ...]
    infobox_label: re.Pattern[str]  # "Label: value"
    infobox_heading: tuple[re.Pattern[str], ...]
    menu_words: frozenset[str]
    menu_separator: re.Pattern[str]
    relative_time: re.Pattern[str]  # searched at the end of a line
    relative_units: dict[str, str]  # unit word -> s/m/h/d/w
    publisher_link: tuple[re.Pattern[str], ...]
    months: dict[str, int]
    published_prefix: re.Pattern[str]
    updated_prefix: re.Pattern[str]
    agencies: dict[str, str]  # spelling in a dateline -> publisher name
    absolute_date: re.Pattern[str]  # "12 March 2024", "March 12, 2024", "2024-03-12", "12/03/2024"
    day_month: re.Pattern[str]  # "March 12" or "12 mars", year optional (datelines)

    def matches(self, category: str, line: str) -> bool:
        return any(p.fullmatch(line) for p in self.drop_line[category])

    def drop_category(self, line: str) -> str | None:
        """The first drop_line category whose pattern covers the whole line, if any."""
        for category, patterns in self.drop_line.items():
            if any(p.fullmatch(line) for p in patterns):
                return category
        return None


def load_boilerplate(path: Path | None = None) -> BoilerplateRules:
    """Read and compile the packaged rule table (or ``path``); fail clearly on a bad pattern."""
    if path is None:
        text = importlib_resources.files("sitreps").joinpath("data/boilerplate.toml").read_text(encoding="utf-8")
        where = "sitreps/data/boilerplate.toml"
    else:
        text = Path(path).read_text(encoding="utf-8")
        where = str(path)
    try:
        table = tomllib.loads(text)
        return _compile(table)
    except (tomllib.TOMLDecodeError, re.error, KeyError, TypeError) as exc:
        raise ConfigError(f"{where}: invalid boilerplate rules ({type(exc).__name__}: {exc})") from None


def _compile(table: dict[str, Any]) -> BoilerplateRules:
    def many(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, _FLAGS) for p in patterns)

    story = table["story"]
    dates = table["dates"]
    months = {name.lower(): int(number) for name, number in dates["months"].items()}
    infobox = table["infobox"]
    return BoilerplateRules(
        drop_line={category: many(patterns) for category, patterns in table["drop_line"].items()},
        block_start=many([p for group in table["block_start"].values() for p in group]),
        tail_start=many([p for group in table["tail_start"].values() for p in group]),
        infobox_label=re.compile(r"(?:%s)\s*:\s*\S.{0,100}" % "|".join(infobox["labels"]), _FLAGS),
        infobox_heading=many(infobox["headings"]),
        menu_words=frozenset(word.lower() for word in table["menu"]["words"]),
        menu_separator=re.compile(table["menu"]["separators"]),
        relative_time=re.compile(r"(?:^|(?<=[\s·•|,(-]))(?P<when>%s)\s*\)?$" % "|".join(story["relative_time"]), _FLAGS),
        relative_units={k.lower(): v for k, v in story["relative_units"].items()},
        publisher_link=many(story["publisher_link"]),
        months=months,
        published_prefix=re.compile(r"(?:%s)\b\s*:?" % "|".join(dates["published_prefixes"]), _FLAGS),
        updated_prefix=re.compile(r"(?:%s)\b\s*:?" % "|".join(dates["updated_prefixes"]), _FLAGS),
        agencies=dict(table["dateline"]["agencies"]),
        absolute_date=_absolute_date(_alternation(months), _alternation(dates["weekdays"])),
        day_month=re.compile(
            r"(?:(?P<d1>\d{1,2})(?:er|st|nd|rd|th)?\s+(?P<m1>%(m)s)\.?|(?P<m2>%(m)s)\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)"
            r"(?:,?\s+(?P<y>(?:19|20)\d\d))?\b" % {"m": _alternation(months)},
            _FLAGS,
        ),
    )


def _absolute_date(months: str, weekdays: str) -> re.Pattern[str]:
    # Group names carry the shape: dmy, mdy, iso, numeric day-first (French and British use).
    weekday = r"(?:(?:%s)\.?,?\s+(?:the\s+|le\s+)?)?" % weekdays
    return re.compile(
        r"\b(?:"
        r"%(wd)s(?P<d1>\d{1,2})(?:er|st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>%(m)s)\.?,?\s+(?P<y1>(?:19|20)\d\d)"
        r"|%(wd)s(?P<m2>%(m)s)\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d)"
        r"|(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d)"
        r"|(?P<d4>\d{1,2})[/.](?P<m4>\d{1,2})[/.](?P<y4>(?:19|20)\d\d)"
        r")\b" % {"wd": weekday, "m": months},
        _FLAGS,
    )


def _alternation(words: Any) -> str:
    # Longest first, so "sept" wins over "sep" and "juillet" over "juil".
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
