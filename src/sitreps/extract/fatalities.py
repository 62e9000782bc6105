"""How many people a sentence says were killed, the conservative way.

The sentence is cut into word tokens; quantities (digits, number words, "a dozen", vague words
such as "several") and outcome words ("killed", "wounded", "tués", "blessés") are found on those
tokens, and each quantity is tied to the nearest outcome word on the side where that word takes
its number ("12 dead", "killing 12"). Only quantities tied to a death word count.

Conventions (the contract asks for the lowest credible number):
- "at least 12" -> 12 (low 12); "between 10 and 15" -> 10 (low 10, high 15).
- "up to 30" -> 30 (high 30, low None): it is the only figure given, so it is the count.
- Quantities joined by "and" or commas before one death word add up ("three women and four
  children were killed" = 7); so do separate death clauses ("killed 5 soldiers, and the attackers
  lost 12 men" = 17, attackers 12).
- A part of a number already counted ("including 5 children", "three of them soldiers") is not
  added again; nor are parts that add up to a total given in the same sentence.
- A cumulative toll ("the death toll rose to 30") counts only when the sentence gives no other
  death figure.
- Vague words count 3, or the large-scale figure (10) when the sentence speaks of a massacre or
  of hundreds; "dozens" 12, "scores" 20, "hundreds" 100, "thousands" 1000.
- Injured, arrested, abducted, missing, displaced, "casualties" and "victims" are not deaths.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields
from importlib import resources as importlib_resources
from typing import Mapping

VAGUE_SMALL = 3
VAGUE_LARGE = 10
# Gap (in tokens, with punctuation penalties) beyond which a number is not tied to a word.
_MAX_GAP = 10
_COMMA_PENALTY = 1
_HARD_PENALTY = 6
_HARD_BREAKS = frozenset({";", ":", "—", "«", "»", '"', "“", "”"})
_CONJUNCTIONS = frozenset({"and", "et", ",", "as", "well", "ainsi", "que", "plus"})
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
    months: frozenset[str]


@dataclass(frozen=True)
class NumberRules:
    languages: Mapping[str, LanguageNumbers]

    def for_language(self, language: str) -> LanguageNumbers:
        return self.languages.get(language) or self.languages["en"]


@dataclass(frozen=True)
class FatalityCount:
    value: int
    text: str
    low: int | None = None
    high: int | None = None
    attackers: int = 0


@dataclass(frozen=True)
class _Token:
    text: str  # lower-cased, apostrophes normalised
    start: int
    end: int


@dataclass(frozen=True)
class _Quantity:
    start: int  # token index
    end: int  # token index, exclusive
    value: int
    low: int | None
    high: int | None
    vague: bool = False


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    death: bool
    before: bool  # the number may stand before the word ("12 dead")
    after: bool  # the number may stand after the word ("killing 12")
    toll: bool
    needs_person: bool
    negated: bool


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


def count_fatalities(sentence: str, language: str, rules: NumberRules | None = None) -> FatalityCount:
    """The conservative number of people the sentence reports killed (see the module doc)."""
    rules = rules or load_number_rules()
    words = rules.for_language(language)
    tokens = _tokenise(sentence)
    if not tokens:
        return FatalityCount(0, "")
    cues = _find_cues(tokens, words)
    quantities = _find_quantities(sentence, tokens, words, cues)
    if not quantities:
        return FatalityCount(0, "")
    cues = _settle_cue_sides(cues, quantities)
    groups = _group_lists(tokens, quantities, cues)
    counted: list[tuple[_Quantity, _Cue]] = []
    for group in groups:
        cue = _best_cue(tokens, group, cues)
        if cue is None or not cue.death or cue.negated:
            continue
        for quantity in group:
            if cue.needs_person and not _person_follows(tokens, quantity.end, words):
                continue
            counted.append((quantity, cue))
    counted = _drop_subsets(tokens, counted, words)
    if not counted:
        return FatalityCount(0, "")
    direct = [(q, c) for q, c in counted if not c.toll]
    counted = direct or [max(counted, key=lambda pair: pair[0].value)]
    counted = _drop_parts_of_total(counted)
    return _summarise(sentence, tokens, counted, words)


# --- tokens and phrases -------------------------------------------------------------------


def _normalise(text: str) -> str:
    return text.lower().replace("’", "'").replace("‐", "-")


def _tokenise(text: str) -> list[_Token]:
    normalised = _normalise(text)
    return [_Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(normalised)]


def _phrases(items: list[str]) -> tuple[Phrase, ...]:
    phrases = {tuple(t.text for t in _tokenise(item)) for item in items}
    # Longest first, so "lost their lives" wins over "lost".
    return tuple(sorted((p for p in phrases if p), key=lambda p: (-len(p), p)))


def _match_at(tokens: list[_Token], i: int, phrases) -> Phrase | None:
    for phrase in phrases:
        if tuple(t.text for t in tokens[i : i + len(phrase)]) == phrase:
            return phrase
    return None


def _ends_at(tokens: list[_Token], end: int, phrases) -> Phrase | None:
    for phrase in phrases:
        start = end - len(phrase)
        if start >= 0 and tuple(t.text for t in tokens[start:end]) == phrase:
            return phrase
    return None


def _is_digits(text: str) -> bool:
    return text[:1].isdigit()


# --- outcome words ------------------------------------------------------------------------


def _find_cues(tokens: list[_Token], words: LanguageNumbers) -> list[_Cue]:
    all_phrases = sorted(
        words.death_before | words.death_after | words.not_death, key=lambda p: (-len(p), p)
    )
    cues: list[_Cue] = []
    i = 0
    while i < len(tokens):
        phrase = _match_at(tokens, i, all_phrases)
        if phrase is None:
            i += 1
            continue
        death = phrase not in words.not_death
        cues.append(
            _Cue(
                start=i,
                end=i + len(phrase),
                death=death,
                before=not death or phrase in words.death_before,
                after=not death or phrase in words.death_after,
                toll=phrase in words.toll,
                needs_person=phrase in words.needs_person,
                negated=_is_negated(tokens, i, words),
            )
        )
        i += len(phrase)
    return cues


def _is_negated(tokens: list[_Token], cue_start: int, words: LanguageNumbers) -> bool:
    """'no one was killed', 'aucun mort', 'sans faire de victimes'."""
    window_start = max(0, cue_start - 3)
    for end in range(cue_start, window_start, -1):
        if _is_digits(tokens[end - 1].text):
            return False
        if _ends_at(tokens, end, words.negations):
            return True
    return False


def _settle_cue_sides(cues: list[_Cue], quantities: list[_Quantity]) -> list[_Cue]:
    """A word that can take its number on either side ("killed") is active when a number follows
    it closely ("gunmen killed 3"), and then it does not also take a number before it."""
    settled = []
    for cue in cues:
        if cue.before and cue.after and any(0 <= q.start - cue.end <= 2 for q in quantities):
            cue = _Cue(cue.start, cue.end, cue.death, False, True, cue.toll, cue.needs_person, cue.negated)
        settled.append(cue)
    return settled


# --- quantities ---------------------------------------------------------------------------


def _find_quantities(
    sentence: str, tokens: list[_Token], words: LanguageNumbers, cues: list[_Cue]
) -> list[_Quantity]:
    blocked = [m.span() for m in _BLOCKED.finditer(sentence)]
    cue_starts = {c.start for c in cues}
    large = any(_match_at(tokens, i, words.large_scale) for i in range(len(tokens)))
    quantities: list[_Quantity] = []
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


def _read_quantity(
    tokens: list[_Token], i: int, words: LanguageNumbers, cue_starts: set[int], large: bool
) -> _Quantity | None:
    text = tokens[i].text
    vague = _match_at(tokens, i, words.vague)
    if vague and not (i + len(vague) < len(tokens) and _read_number(tokens, i + len(vague), words)):
        end = i + len(vague)
        if _person_follows(tokens, end, words) or end in cue_starts:
            value = VAGUE_LARGE if large else VAGUE_SMALL
            return _Quantity(i, end, value, None, None, vague=True)
        return None
    if text in words.approx_plurals:
        return _Quantity(i, i + 1, words.approx_plurals[text], None, None, vague=True)
    if text in words.articles and i + 1 < len(tokens):
        following = tokens[i + 1].text
        if following in words.approx_nouns:
            return _Quantity(i, i + 2, words.approx_nouns[following], None, None)
        if _person_follows(tokens, i + 1, words, singular_slack=1):
            return _Quantity(i, i + 1, 1, None, None)
        return None
    number = _read_number(tokens, i, words)
    if number is None:
        return None
    value, end = number
    if end < len(tokens) and tokens[end].text in words.approx_nouns:
        value, end = value * words.approx_nouns[tokens[end].text], end + 1
    return _Quantity(i, end, value, None, None)


def _read_number(tokens: list[_Token], i: int, words: LanguageNumbers) -> tuple[int, int] | None:
    """A number in digits or words starting at token i: (value, end index)."""
    text = tokens[i].text
    if _is_digits(text):
        digits = re.sub(r"[,.\u00a0\u202f ]", "", text)
        is_grouped = re.fullmatch(r"\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+", text) is not None
        if not is_grouped and not text.isdigit():
            return None  # a decimal: not a head count
        value, end = int(digits), i + 1
        if end < len(tokens) and tokens[end].text in words.scales:
            value, end = value * words.scales[tokens[end].text], end + 1
        return value, end
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
    return total + current, end


def _apply_modifiers(tokens: list[_Token], quantity: _Quantity, words: LanguageNumbers) -> _Quantity:
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
        if _ends_at(tokens, start, words.lower):
            low = value
        elif _ends_at(tokens, start, words.upper):
            high = value
    return _Quantity(start, end, value, low, high, vague=quantity.vague)


def _is_not_people(
    tokens: list[_Token],
    quantity: _Quantity,
    words: LanguageNumbers,
    blocked: list[tuple[int, int]],
    cue_starts: set[int],
) -> bool:
    """Ages, distances, dates, years, times, vehicles and other things counted with numbers."""
    first, last = tokens[quantity.start], tokens[quantity.end - 1]
    if any(s <= first.start < e or s < last.end <= e for s, e in blocked):
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
    is_year = first.text.isdigit() and len(first.text) == 4 and 1900 <= int(first.text) <= 2100
    if is_year and quantity.end - quantity.start == 1:
        return not (_person_follows(tokens, quantity.end, words) or quantity.end in cue_starts)
    return False


def _is_part_of_number(tokens: list[_Token], end: int, words: LanguageNumbers) -> bool:
    """'one of 12 people killed', 'deux sur les 12 morts': the larger number is the count."""
    if end >= len(tokens) or tokens[end].text not in {"of", "sur", "parmi"}:
        return False
    j = end + 1
    if j < len(tokens) and tokens[j].text in {"the", "les", "ces", "these", "those"}:
        j += 1
    return j < len(tokens) and _read_number(tokens, j, words) is not None


def _person_follows(tokens: list[_Token], i: int, words: LanguageNumbers, singular_slack: int = 2) -> bool:
    """A people noun at i, after an optional "of"/"de" and up to `singular_slack` adjectives."""
    j = i
    # "a 12-year-old boy": the age sits between the article and the noun.
    if j + 2 < len(tokens) and _is_digits(tokens[j].text) and tokens[j + 2].text.startswith("year"):
        j += 3
    if j < len(tokens) and tokens[j].text in {"of", "de", "d", "des"}:
        j += 1
        if j < len(tokens) and tokens[j].text in {"'", "them", "the", "les", "ces", "ses", "leurs"}:
            j += 1
    for k in range(j, min(j + singular_slack + 1, len(tokens))):
        if _match_at(tokens, k, words.people):
            return True
        if _is_digits(tokens[k].text) or tokens[k].text in {",", ".", ";"}:
            return False
    return False


# --- tying numbers to outcome words -------------------------------------------------------


def _gap(tokens: list[_Token], start: int, end: int) -> int:
    cost = end - start
    for token in tokens[start:end]:
        if token.text == ",":
            cost += _COMMA_PENALTY
        elif token.text in _HARD_BREAKS or token.text == ".":
            cost += _HARD_PENALTY
    return cost


def _group_lists(tokens: list[_Token], quantities: list[_Quantity], cues: list[_Cue]) -> list[list[_Quantity]]:
    """Quantities listed together ("three women and four children") share one outcome word."""
    cue_tokens = {i for c in cues for i in range(c.start, c.end)}
    groups: list[list[_Quantity]] = []
    for quantity in quantities:
        if groups:
            previous = groups[-1][-1]
            between = range(previous.end, quantity.start)
            linked = (
                len(between) <= 4
                and any(tokens[i].text in _CONJUNCTIONS for i in between)
                and not any(i in cue_tokens for i in between)
                and not any(tokens[i].text in _HARD_BREAKS for i in between)
            )
            if linked:
                groups[-1].append(quantity)
                continue
        groups.append([quantity])
    return groups


def _best_cue(tokens: list[_Token], group: list[_Quantity], cues: list[_Cue]) -> _Cue | None:
    best: tuple[int, int, _Cue] | None = None
    first, last = group[0], group[-1]
    for cue in cues:
        if cue.start >= last.end and cue.before:
            cost, side = _gap(tokens, last.end, cue.start), 0
        elif cue.end <= first.start and cue.after:
            cost, side = _gap(tokens, cue.end, first.start), 1
        else:
            continue
        if cost <= _MAX_GAP and (best is None or (cost, side) < best[:2]):
            best = (cost, side, cue)
    return best[2] if best else None


def _drop_subsets(
    tokens: list[_Token], counted: list[tuple[_Quantity, _Cue]], words: LanguageNumbers
) -> list[tuple[_Quantity, _Cue]]:
    """'12 people, including 5 children' / 'cinq morts, dont trois soldats': keep 12 / cinq."""
    kept: list[tuple[_Quantity, _Cue]] = []
    part_cues: list[_Cue] = []
    for quantity, cue in counted:
        start = quantity.start
        while start > 0 and tokens[start - 1].text == ",":
            start -= 1
        is_part = bool(_ends_at(tokens, start, words.subset_before)) or bool(
            _match_at(tokens, quantity.end, words.subset_after)
        )
        # "including 7 soldiers and 5 civilians": the rest of the list is part of the total too.
        if kept and (is_part or any(cue is c for c in part_cues)):
            part_cues.append(cue)
            continue
        kept.append((quantity, cue))
    return kept


def _drop_parts_of_total(counted: list[tuple[_Quantity, _Cue]]) -> list[tuple[_Quantity, _Cue]]:
    """'12 killed: 7 soldiers and 5 civilians' counts 12, not 24."""
    if len(counted) < 3:
        return counted
    largest = max(counted, key=lambda pair: pair[0].value)
    rest = sum(q.value for q, _ in counted if (q, _) is not largest and q is not largest[0])
    return [largest] if rest == largest[0].value else counted


def _summarise(
    sentence: str, tokens: list[_Token], counted: list[tuple[_Quantity, _Cue]], words: LanguageNumbers
) -> FatalityCount:
    value = sum(q.value for q, _ in counted)
    low = high = None
    if any(q.low is not None for q, _ in counted):
        low = sum(q.value if q.low is None else q.low for q, _ in counted)
    if any(q.high is not None for q, _ in counted):
        high = sum(q.value if q.high is None else q.high for q, _ in counted)
    attackers = sum(q.value for q, c in counted if _is_attacker(tokens, q, c, words))
    first = min(min(_modifier_start(tokens, q, words), c.start) for q, c in counted)
    last = max(max(_noun_end(tokens, q, words), c.end) for q, c in counted)
    text = sentence[tokens[first].start : tokens[last - 1].end]
    return FatalityCount(value=value, text=text, low=low, high=high, attackers=attackers)


def _is_attacker(tokens: list[_Token], quantity: _Quantity, cue: _Cue, words: LanguageNumbers) -> bool:
    """'12 terrorists were neutralised', 'two of the attackers', 'the attackers lost 5 men'."""
    stop = quantity.end
    while stop < min(len(tokens), quantity.end + 5) and tokens[stop].text not in {",", ";", "."}:
        if stop == cue.start:
            break
        stop += 1
    for i in range(quantity.start, stop):
        if _match_at(tokens, i, words.attackers):
            return True
    if cue.needs_person and cue.end <= quantity.start:
        # "the attackers lost 5 men": the side is the subject before the verb.
        for i in range(max(0, cue.start - 4), cue.start):
            if _match_at(tokens, i, words.attackers):
                return True
    # "5 killed on the attackers' side", "parmi les assaillants"
    after = cue.end if cue.end > quantity.end else quantity.end
    for i in range(after, min(len(tokens), after + 5)):
        if tokens[i].text in {",", ";", "."}:
            break
        if tokens[i].text in {"among", "parmi", "côté", "side", "rangs"} and any(
            _match_at(tokens, k, words.attackers) for k in range(i, min(len(tokens), i + 4))
        ):
            return True
    return False


def _modifier_start(tokens: list[_Token], quantity: _Quantity, words: LanguageNumbers) -> int:
    """Where the quantity's text starts, with its "at least" or "up to" (for FatalityCount.text)."""
    for phrases in (words.lower, words.upper, words.about, words.added):
        phrase = _ends_at(tokens, quantity.start, phrases)
        if phrase:
            return quantity.start - len(phrase)
    return quantity.start


def _noun_end(tokens: list[_Token], quantity: _Quantity, words: LanguageNumbers) -> int:
    """Where the quantity's text ends, with the people noun right after it ("12 soldiers")."""
    for i in range(quantity.end, min(len(tokens), quantity.end + 3)):
        phrase = _match_at(tokens, i, words.people)
        if phrase:
            return i + len(phrase)
        if tokens[i].text not in {"of", "de", "d", "'", "des", "the", "les"}:
            break
    return quantity.end
