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

from bisect import bisect_left
import re
from dataclasses import dataclass

from .numbers import (
    MAX_COUNT,
    LanguageNumbers,
    NumberRules,
    Quantity,
    Token,
    ends_at,
    find_quantities,
    is_digits,
    load_number_rules,
    match_at,
    person_follows,
    tokenise,
)

# Gap (in tokens, with punctuation penalties) beyond which a number is not tied to a word.
_MAX_GAP = 10
_COMMA_PENALTY = 1
_HARD_PENALTY = 6
_HARD_BREAKS = frozenset({";", ":", "—", "«", "»", '"', "“", "”"})
_CONJUNCTIONS = frozenset({"and", "et", ",", "as", "well", "ainsi", "que", "plus"})

_QUOTED_WORD = re.compile(r"[«“\"]\s?([^\W\d_]+)\s?[»”\"]")


@dataclass(frozen=True)
class FatalityCount:
    value: int
    text: str
    low: int | None = None
    high: int | None = None
    attackers: int = 0


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


def count_fatalities(sentence: str, language: str, rules: NumberRules | None = None) -> FatalityCount:
    """The conservative number of people the sentence reports killed (see the module doc)."""
    rules = rules or load_number_rules()
    words = rules.for_language(language)
    # A word in quotes is still that word: une « soixantaine » de morts. Same length, same offsets.
    sentence = _QUOTED_WORD.sub(lambda m: " " + m.group(1) + " ", sentence)
    tokens = tokenise(sentence)
    if not tokens:
        return FatalityCount(0, "")
    cues = _find_cues(tokens, words)
    quantities = find_quantities(sentence, tokens, words, {c.start for c in cues})
    if not quantities:
        return FatalityCount(0, "")
    cues = _settle_cue_sides(cues, quantities)
    groups = _group_lists(tokens, quantities, cues, words)
    cue_ends = [c.end for c in cues]
    counted: list[tuple[Quantity, _Cue]] = []
    for group in groups:
        cue = _best_cue(tokens, group, cues, cue_ends)
        if cue is not None and cue.needs_person and not person_follows(tokens, group[-1].end, words):
            # "faisant une soixantaine de morts": not the people "faisant" would need, so the
            # death word after the number is the one it goes with.
            cue = _best_cue(tokens, group, cues, cue_ends, skip=cue)
        if cue is None or not cue.death or cue.negated:
            continue
        for quantity in group:
            if cue.needs_person and not person_follows(tokens, quantity.end, words):
                continue
            if tokens[quantity.start].text in words.articles and _speaker_follows(tokens, quantity.end, words):
                continue  # "..., a resident said": a source, not a victim
            counted.append((quantity, cue))
    counted = _drop_subsets(tokens, counted, words)
    counted = _drop_other_time(tokens, counted, words)
    if not counted:
        return FatalityCount(0, "")
    direct = [(q, c) for q, c in counted if not c.toll]
    counted = direct or [max(counted, key=lambda pair: pair[0].value)]
    counted = _drop_parts_of_total(counted)
    return _summarise(sentence, tokens, counted, words)


# --- outcome words ------------------------------------------------------------------------


def _find_cues(tokens: list[Token], words: LanguageNumbers) -> list[_Cue]:
    all_phrases = sorted(
        words.death_before | words.death_after | words.not_death, key=lambda p: (-len(p), p)
    )
    cues: list[_Cue] = []
    i = 0
    while i < len(tokens):
        phrase = match_at(tokens, i, all_phrases)
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


def _is_negated(tokens: list[Token], cue_start: int, words: LanguageNumbers) -> bool:
    """'no one was killed', 'aucun mort', 'sans faire de victimes'."""
    window_start = max(0, cue_start - 3)
    for end in range(cue_start, window_start, -1):
        if is_digits(tokens[end - 1].text):
            return False
        if ends_at(tokens, end, words.negations):
            return True
    return False


def _settle_cue_sides(cues: list[_Cue], quantities: list[Quantity]) -> list[_Cue]:
    """A word that can take its number on either side ("killed") is active when a number follows
    it closely ("gunmen killed 3"), and then it does not also take a number before it."""
    settled = []
    starts = {q.start for q in quantities}
    for cue in cues:
        if cue.before and cue.after and any(cue.end + d in starts for d in range(3)):
            cue = _Cue(cue.start, cue.end, cue.death, False, True, cue.toll, cue.needs_person, cue.negated)
        settled.append(cue)
    return settled


# --- tying numbers to outcome words -------------------------------------------------------


def _gap(tokens: list[Token], start: int, end: int) -> int:
    cost = end - start
    if cost > _MAX_GAP:
        return cost  # too far whatever lies between: never read a long stretch of tokens
    for token in tokens[start:end]:
        if token.text == ",":
            cost += _COMMA_PENALTY
        elif token.text in _HARD_BREAKS or token.text == ".":
            cost += _HARD_PENALTY
    return cost


def _group_lists(tokens: list[Token], quantities: list[Quantity], cues: list[_Cue], words: LanguageNumbers) -> list[list[Quantity]]:
    """Quantities listed together ("three women and four children") share one outcome word."""
    cue_tokens = {i for c in cues for i in range(c.start, c.end)}
    groups: list[list[Quantity]] = []
    for quantity in quantities:
        if groups:
            previous = groups[-1][-1]
            between = range(previous.end, quantity.start)
            # "killed 9 people, a resident said": an article after a comma starts
            # another phrase, not one more victim of the list.
            after_comma = any(tokens[i].text == "," for i in between) and tokens[quantity.start].text in words.articles
            linked = (
                not after_comma
                and len(between) <= 4
                and any(tokens[i].text in _CONJUNCTIONS for i in between)
                and not any(i in cue_tokens for i in between)
                and not any(tokens[i].text in _HARD_BREAKS for i in between)
            )
            if linked:
                groups[-1].append(quantity)
                continue
        groups.append([quantity])
    return groups


def _best_cue(tokens: list[Token], group: list[Quantity], cues: list[_Cue], cue_ends: list[int], skip: _Cue | None = None) -> _Cue | None:
    """The outcome word the group is tied to. Cues are in text order and do not overlap, so only
    those within ``_MAX_GAP`` tokens of the group are looked at (``cue_ends``: their ends)."""
    best: tuple[int, int, _Cue] | None = None
    first, last = group[0], group[-1]
    for index in range(bisect_left(cue_ends, first.start - _MAX_GAP), len(cues)):
        cue = cues[index]
        if cue is skip:
            continue
        if cue.start > last.end + _MAX_GAP:
            break
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
    tokens: list[Token], counted: list[tuple[Quantity, _Cue]], words: LanguageNumbers
) -> list[tuple[Quantity, _Cue]]:
    """'12 people, including 5 children' / 'cinq morts, dont trois soldats': keep 12 / cinq."""
    kept: list[tuple[Quantity, _Cue]] = []
    part_cues: set[int] = set()  # ids of the cues of parts
    for quantity, cue in counted:
        start = quantity.start
        while start > 0 and tokens[start - 1].text == ",":
            start -= 1
        is_part = bool(ends_at(tokens, start, words.subset_before)) or bool(
            match_at(tokens, quantity.end, words.subset_after)
        )
        # "including 7 soldiers and 5 civilians": the rest of the list is part of the total too.
        if kept and (is_part or id(cue) in part_cues):
            part_cues.add(id(cue))
            continue
        kept.append((quantity, cue))
    return kept


def _speaker_follows(tokens: list[Token], end: int, words: LanguageNumbers) -> bool:
    return any(t.text in words.speech for t in tokens[end : end + 5])


def _drop_other_time(
    tokens: list[Token], counted: list[tuple[Quantity, _Cue]], words: LanguageNumbers
) -> list[tuple[Quantity, _Cue]]:
    """'Four guards died, a day after a bomb killed six soldiers': the toll after a clause about
    another day is that day's event, not more of this one. 'Five pupils were among 14 people
    killed': the first figure is part of the second."""
    if len(counted) < 2:
        return counted
    other = next((i for i in range(len(tokens)) if match_at(tokens, i, words.other_time)), None)
    if other is not None and any(q.end <= other for q, _ in counted):
        counted = [(q, c) for q, c in counted if q.start < other]
    return [
        (q, c) for q, c in counted
        if not (any(match_at(tokens, i, words.among) for i in range(q.end, min(len(tokens), q.end + 3)))
                and any(other_q.start > q.end for other_q, _ in counted))
    ]


def _drop_parts_of_total(counted: list[tuple[Quantity, _Cue]]) -> list[tuple[Quantity, _Cue]]:
    """'12 killed: 7 soldiers and 5 civilians' counts 12, not 24."""
    if len(counted) < 3:
        return counted
    largest = max(counted, key=lambda pair: pair[0].value)
    rest = sum(q.value for q, _ in counted if (q, _) is not largest and q is not largest[0])
    return [largest] if rest == largest[0].value else counted


def _summarise(
    sentence: str, tokens: list[Token], counted: list[tuple[Quantity, _Cue]], words: LanguageNumbers
) -> FatalityCount:
    value = min(sum(q.value for q, _ in counted), MAX_COUNT)
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


def _is_attacker(tokens: list[Token], quantity: Quantity, cue: _Cue, words: LanguageNumbers) -> bool:
    """'12 terrorists were neutralised', 'two of the attackers', 'the attackers lost 5 men'."""
    stop = quantity.end
    while stop < min(len(tokens), quantity.end + 5) and tokens[stop].text not in {",", ";", "."}:
        if stop == cue.start:
            break
        stop += 1
    for i in range(quantity.start, stop):
        if match_at(tokens, i, words.attackers):
            return True
    if cue.needs_person and cue.end <= quantity.start:
        # "the attackers lost 5 men": the side is the subject before the verb.
        for i in range(max(0, cue.start - 4), cue.start):
            if match_at(tokens, i, words.attackers):
                return True
    # "5 killed on the attackers' side", "parmi les assaillants"
    after = cue.end if cue.end > quantity.end else quantity.end
    for i in range(after, min(len(tokens), after + 5)):
        if tokens[i].text in {",", ";", "."}:
            break
        if tokens[i].text in {"among", "parmi", "côté", "side", "rangs"} and any(
            match_at(tokens, k, words.attackers) for k in range(i, min(len(tokens), i + 4))
        ):
            return True
    return False


def _modifier_start(tokens: list[Token], quantity: Quantity, words: LanguageNumbers) -> int:
    """Where the quantity's text starts, with its "at least" or "up to" (for FatalityCount.text)."""
    for phrases in (words.lower, words.upper, words.about, words.added):
        phrase = ends_at(tokens, quantity.start, phrases)
        if phrase:
            return quantity.start - len(phrase)
    return quantity.start


def _noun_end(tokens: list[Token], quantity: Quantity, words: LanguageNumbers) -> int:
    """Where the quantity's text ends, with the people noun right after it ("12 soldiers")."""
    for i in range(quantity.end, min(len(tokens), quantity.end + 3)):
        phrase = match_at(tokens, i, words.people)
        if phrase:
            return i + len(phrase)
        if tokens[i].text not in {"of", "de", "d", "'", "des", "the", "les"}:
            break
    return quantity.end
