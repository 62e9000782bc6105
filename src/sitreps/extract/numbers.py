"""Reading quantities of people from a sentence's word tokens, in English and French.

Tokens, phrase matching, and quantities: digits ("1,200"), number words ("twenty-three",
"vingt-trois"), "a dozen", ranges and bounds ("between 10 and 15", "at least 12"), and vague
words ("several", "dozens"), with the checks that a number counts people at all (not a date, a
time, a calibre or a sum of money). ``sitreps.extract.fatalities`` ties these quantities to death
words. Vocabularies are in ``data/numbers.toml`` (``load_number_rules``).
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, fields
from importlib import resources as importlib_resources
from typing import Mapping

VAGUE_SMALL = 3
VAGUE_LARGE = 10
# No report counts more people than this in one figure: a larger figure is capped to it, and a
# run of more than 9 digits is no count at all (an identifier or noise). Counts must fit the
# store's 32-bit columns, sums included.
MAX_COUNT = 100_000_000
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th", "er", "e", "ème", "eme"})


_TOKEN = re.compile(
    r"\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?!\d)"  # 1,200 / 1 200 / 1.200
    r"|\d+(?:[.,]\d+)?"
    r"|[^\W\d_]+(?:[-‐][^\W\d_]+)*"
    r"|'"
    r"|[^\w\s]"
)
# Spans that hold digits but never a count of people: clock times, numeric dates, percentages.
_BLOCKED = re.compile(
    r"\b\d{1,2}\s?[:h]\s?\d{2}\b"
    r"|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b"
    r"|\d+(?:[.,]\d+)?\s?(?:%|per\s?cent|pour\s?cent)"
    r"|\b\d{1,2}\s?(?:a\.?m\.?|p\.?m\.?)(?!\w)",
    re.IGNORECASE,
)

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class LanguageNumbers:
    """The vocabulary of one language, as token tuples ready for matching."""

    units: Mapping[str, int]
    scales: Mapping[str, int]
    number_joiners: frozenset[str]
    articles: frozenset[str]
    approx_nouns: Mapping[str, int]
    approx_plurals: Mapping[str, int]
    vague: tuple[Phrase, ...]
    large_scale: tuple[Phrase, ...]
    lower: tuple[Phrase, ...]
    upper: tuple[Phrase, ...]
    about: tuple[Phrase, ...]
    added: tuple[Phrase, ...]
    range_open: frozenset[str]
    range_joiners: frozenset[str]
    rising: frozenset[str]
    subset_before: tuple[Phrase, ...]
    subset_after: tuple[Phrase, ...]
    death_before: frozenset[Phrase]
    death_after: frozenset[Phrase]
    needs_person: frozenset[Phrase]
    toll: frozenset[Phrase]
    not_death: frozenset[Phrase]
    negations: tuple[Phrase, ...]
    units_after: frozenset[str]
    context_before: frozenset[str]
    people: tuple[Phrase, ...]
    attackers: tuple[Phrase, ...]
    other_time: tuple[Phrase, ...]  # "a day after", "au lendemain de": another event's clause follows
    among: tuple[Phrase, ...]  # "five pupils were among 14 killed": a part of the next figure
    speech: frozenset[str]  # "..., a resident said": the person after a comma is a source
    months: frozenset[str]


@dataclass(frozen=True)
class NumberRules:
    languages: Mapping[str, LanguageNumbers]

    def for_language(self, language: str) -> LanguageNumbers:
        return self.languages.get(language) or self.languages["en"]


@dataclass(frozen=True)
class Token:
    text: str  # lower-cased, apostrophes normalised
    start: int
    end: int


@dataclass(frozen=True)
class Quantity:
    start: int  # token index
    end: int  # token index, exclusive
    value: int
    low: int | None
    high: int | None
    vague: bool = False


def load_number_rules() -> NumberRules:
    """Read data/numbers.toml (and the month names of data/dates.toml, so dates are not counted)."""
    data_dir = importlib_resources.files("sitreps").joinpath("data")
    table = tomllib.loads(data_dir.joinpath("numbers.toml").read_text(encoding="utf-8"))
    dates = tomllib.loads(data_dir.joinpath("dates.toml").read_text(encoding="utf-8"))
    languages = {}
    for language in ("en", "fr"):
        raw = dict(table[language], scales=table["common"]["scales"], months=list(dates[language]["months"]))
        values = {}
        for f in fields(LanguageNumbers):
            kind = str(f.type)
            if kind.startswith("Mapping"):
                values[f.name] = {_normalise(k): int(v) for k, v in raw[f.name].items()}
            elif kind == "tuple[Phrase, ...]":
                values[f.name] = _phrases(raw[f.name])
            elif kind == "frozenset[Phrase]":
                values[f.name] = frozenset(_phrases(raw[f.name]))
            else:
                values[f.name] = frozenset(_normalise(w) for w in raw[f.name])
        languages[language] = LanguageNumbers(**values)
    return NumberRules(languages=languages)


# --- tokens and phrases -------------------------------------------------------------------


def _normalise(text: str) -> str:
    return text.lower().replace("’", "'").replace("‐", "-")


def tokenise(text: str) -> list[Token]:
    normalised = _normalise(text)
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(normalised)]


def _phrases(items: list[str]) -> tuple[Phrase, ...]:
    phrases = {tuple(t.text for t in tokenise(item)) for item in items}
    # Longest first, so "lost their lives" wins over "lost".
    return tuple(sorted((p for p in phrases if p), key=lambda p: (-len(p), p)))


def match_at(tokens: list[Token], i: int, phrases) -> Phrase | None:
    if i >= len(tokens):
        return None
    first = tokens[i].text
    for phrase in phrases:
        # The first word is compared before a tuple is built: this runs for every token.
        if phrase[0] == first and tuple(t.text for t in tokens[i : i + len(phrase)]) == phrase:
            return phrase
    return None


def ends_at(tokens: list[Token], end: int, phrases) -> Phrase | None:
    if not 0 < end <= len(tokens):
        return None
    last = tokens[end - 1].text
    for phrase in phrases:
        start = end - len(phrase)
        if phrase[-1] == last and start >= 0 and tuple(t.text for t in tokens[start:end]) == phrase:
            return phrase
    return None


def is_digits(text: str) -> bool:
    """Whether ``text`` starts with an ASCII digit. Only ASCII digits are read as numbers: ingest
    turns other scripts' decimal digits into ASCII, and superscript, subscript or circled digits
    ("²", "₃", "①"), for which ``str.isdigit()`` is true but ``int()`` fails, are no numbers."""
    return "0" <= text[:1] <= "9"


def digits_value(text: str, max_digits: int = 9) -> int | None:
    """The value of a run of ASCII digits, or None for anything else or a run longer than
    ``max_digits`` (no count is that long, and ``int()`` refuses runs of over 4,300 digits)."""
    if not text or len(text) > max_digits or not text.isascii() or not text.isdigit():
        return None
    return int(text)


# --- quantities ---------------------------------------------------------------------------


def find_quantities(sentence: str, tokens: list[Token], words: LanguageNumbers, cue_starts: set[int]) -> list[Quantity]:
    """Quantities of people in the sentence; ``cue_starts`` are the token indexes of outcome words
    ("several killed": a vague word right before one counts even without a person noun)."""
    spans = [m.span() for m in _BLOCKED.finditer(sentence)]
    blocked = ([s for s, _ in spans], [e for _, e in spans])
    large = any(match_at(tokens, i, words.large_scale) for i in range(len(tokens)))
    quantities: list[Quantity] = []
    i = 0
    while i < len(tokens):
        found = _read_quantity(tokens, i, words, cue_starts, large)
        if found is None:
            i += 1
            continue
        quantity = _apply_modifiers(tokens, found, words)
        if _is_not_people(tokens, quantity, words, blocked, cue_starts):
            i = quantity.end
            continue
        quantities.append(quantity)
        i = quantity.end
    return quantities


def spelled_numbers(sentence: str, words: LanguageNumbers) -> list[tuple[int, int, int]]:
    """(start, end, value) character spans of the numbers written in words ("forty",
    "vingt-trois", "two hundred"); digits are left to the caller's own pattern."""
    tokens = tokenise(sentence)
    found, i = [], 0
    while i < len(tokens):
        number = None if is_digits(tokens[i].text) else _read_number(tokens, i, words)
        if number is None or is_digits(tokens[number[1] - 1].text):
            i += 1
            continue
        value, end = number
        found.append((tokens[i].start, tokens[end - 1].end, value))
        i = end
    return found


def _read_quantity(
    tokens: list[Token], i: int, words: LanguageNumbers, cue_starts: set[int], large: bool
) -> Quantity | None:
    text = tokens[i].text
    vague = match_at(tokens, i, words.vague)
    if vague and not (i + len(vague) < len(tokens) and _read_number(tokens, i + len(vague), words)):
        end = i + len(vague)
        if person_follows(tokens, end, words) or end in cue_starts:
            value = VAGUE_LARGE if large else VAGUE_SMALL
            return Quantity(i, end, value, None, None, vague=True)
        return None
    if text in words.approx_plurals:
        return Quantity(i, i + 1, words.approx_plurals[text], None, None, vague=True)
    if text in words.articles and i + 1 < len(tokens):
        following = tokens[i + 1].text
        if following in words.approx_nouns:
            return Quantity(i, i + 2, words.approx_nouns[following], None, None)
        if person_follows(tokens, i + 1, words, singular_slack=1):
            return Quantity(i, i + 1, 1, None, None)
        return None
    number = _read_number(tokens, i, words)
    if number is None:
        return None
    value, end = number
    if end < len(tokens) and tokens[end].text in words.approx_nouns:
        value, end = value * words.approx_nouns[tokens[end].text], end + 1
    return Quantity(i, end, value, None, None)


def _read_number(tokens: list[Token], i: int, words: LanguageNumbers) -> tuple[int, int] | None:
    """A number in digits or words starting at token i: (value, end index)."""
    text = tokens[i].text
    if is_digits(text):
        digits = re.sub(r"[,.\u00a0\u202f ]", "", text)
        is_grouped = re.fullmatch(r"[0-9]{1,3}(?:[,.\u00a0\u202f ][0-9]{3})+", text) is not None
        value = digits_value(digits) if is_grouped or text.isdigit() else None  # a decimal is no head count
        if value is None:
            return None
        end = i + 1
        if end < len(tokens) and tokens[end].text in words.scales:
            value, end = value * words.scales[tokens[end].text], end + 1
        return min(value, MAX_COUNT), end  # "120 million" is read whole, and capped
    total = current = 0
    end = i
    seen = False
    while end < len(tokens):
        parts = tokens[end].text.split("-")
        if not all(p in words.units or p in words.scales or p in words.number_joiners for p in parts):
            break
        if all(p in words.number_joiners for p in parts):
            break
        last_part = ""
        for part in parts:
            if part in words.number_joiners:
                continue
            if part in words.scales:
                scale = words.scales[part]
                if scale >= 1000:
                    total += (current or 1) * scale
                    current = 0
                else:
                    current = (current or 1) * scale
            elif part in ("vingt", "vingts") and current % 100 == 4:
                current += 76  # "quatre-vingt": 4 becomes 80
            else:
                current += words.units[part]
            last_part = part
        seen = True
        end += 1
        if end + 1 < len(tokens) and tokens[end].text in words.number_joiners:
            following = tokens[end + 1].text.split("-")[0]
            # "one hundred and twelve" (after a scale), "vingt et un" (a ten, then one or eleven);
            # "twelve and five" stays two numbers.
            after_scale = last_part in words.scales and following in words.units
            french_unit = following in {"un", "une", "onze"} and current % 10 == 0 and current >= 20
            if after_scale or french_unit:
                end += 1
    if not seen:
        return None
    return min(total + current, MAX_COUNT), end


def _apply_modifiers(tokens: list[Token], quantity: Quantity, words: LanguageNumbers) -> Quantity:
    """'at least', 'up to', 'between 10 and 15', 'rose from 10 to 15'."""
    start, end, value, low, high = quantity.start, quantity.end, quantity.value, None, None
    rising = False
    # A range: "10 to 15", "entre 10 et 15", "10-15".
    if end + 1 < len(tokens) and tokens[end].text in words.range_joiners and not quantity.vague:
        second = _read_number(tokens, end + 1, words)
        opened = start > 0 and tokens[start - 1].text in words.range_open
        joiner = tokens[end].text
        # "and"/"et" make a range only after "between"/"entre"; "de" opens a range only with "à".
        needs_open = joiner in {"and", "et"}
        if second and (opened or not needs_open) and second[0] > value:
            rising = any(t.text in words.rising for t in tokens[max(0, start - 5) : start])
            if rising:
                value = second[0]
            else:
                low, high = value, second[0]
            end = second[1]
            if opened:
                start -= 1
    if low is None and high is None and not rising:
        if ends_at(tokens, start, words.lower):
            low = value
        elif ends_at(tokens, start, words.upper):
            high = value
    return Quantity(start, end, value, low, high, vague=quantity.vague)


def _is_not_people(
    tokens: list[Token],
    quantity: Quantity,
    words: LanguageNumbers,
    blocked: tuple[list[int], list[int]],
    cue_starts: set[int],
) -> bool:
    """Ages, distances, dates, years, times, vehicles and other things counted with numbers."""
    first, last = tokens[quantity.start], tokens[quantity.end - 1]
    if _in_blocked(blocked, first.start, last.end):
        return True
    following = quantity.end
    if following < len(tokens) and tokens[following].text in {"-", "–"}:
        following += 1
    if _is_part_of_number(tokens, quantity.end, words):
        return True
    if following + 1 < len(tokens) and tokens[following].text in {"of", "de", "d"}:
        following += 2 if tokens[following + 1].text == "'" else 1  # "dozens of villages", "dizaines d'armes"
    if following < len(tokens):
        after = tokens[following].text
        if after in words.units_after or after in words.months or after in _ORDINAL_SUFFIXES:
            return True
        if after in {"year-old", "years-old"} or after.startswith("year-"):
            return True
    if quantity.start > 0:
        before = tokens[quantity.start - 1].text
        if before in words.context_before or before in words.months or before in {"n°", "#", "$", "€"}:
            return True
    if quantity.start > 1 and tokens[quantity.start - 1].text in {"de", "d"}:
        if tokens[quantity.start - 2].text in words.context_before:  # "âgé de 12 ans"
            return True
    is_year = len(first.text) == 4 and 1900 <= (digits_value(first.text) or 0) <= 2100
    if is_year and quantity.end - quantity.start == 1:
        return not (person_follows(tokens, quantity.end, words) or quantity.end in cue_starts)
    return False


def _in_blocked(blocked: tuple[list[int], list[int]], start: int, end: int) -> bool:
    """Whether ``start`` or ``end`` falls in a blocked span (the spans are sorted and apart)."""
    starts, ends = blocked
    before = bisect_right(starts, start) - 1  # the last span starting at or before ``start``
    if before >= 0 and start < ends[before]:
        return True
    before = bisect_left(starts, end) - 1  # the last span starting before ``end``
    return before >= 0 and end <= ends[before]


def _is_part_of_number(tokens: list[Token], end: int, words: LanguageNumbers) -> bool:
    """'one of 12 people killed', 'deux sur les 12 morts': the larger number is the count."""
    if end >= len(tokens) or tokens[end].text not in {"of", "sur", "parmi"}:
        return False
    j = end + 1
    if j < len(tokens) and tokens[j].text in {"the", "les", "ces", "these", "those"}:
        j += 1
    return j < len(tokens) and _read_number(tokens, j, words) is not None


def person_follows(tokens: list[Token], i: int, words: LanguageNumbers, singular_slack: int = 2) -> bool:
    """A people noun at i, after an optional "of"/"de" and up to `singular_slack` adjectives."""
    j = i
    # "a 12-year-old boy": the age sits between the article and the noun.
    if j + 2 < len(tokens) and is_digits(tokens[j].text) and tokens[j + 2].text.startswith("year"):
        j += 3
    if j < len(tokens) and tokens[j].text in {"of", "de", "d", "des"}:
        j += 1
        if j < len(tokens) and tokens[j].text in {"'", "them", "the", "les", "ces", "ses", "leurs"}:
            j += 1
    for k in range(j, min(j + singular_slack + 1, len(tokens))):
        if match_at(tokens, k, words.people):
            return True
        if is_digits(tokens[k].text) or tokens[k].text in {",", ".", ";"}:
            return False
    return False
