"""Admin units in free text: the words that mark a unit ('Borno State', 'province du Nord-Kivu')
and the name spans ``Gazetteer.units_in`` looks up.

``UnitMention`` is what ``units_in`` returns: a span of the text and the admin units of that
exact name, best first, with their countries.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the gazetteer imports this module, not the other way round
    from .gazetteer import Candidate

# Words that say a name is an admin unit, English and French (what kind does not matter here:
# a Kenyan county is an admin1, a US county an admin2).
UNIT_WORDS: tuple[str, ...] = (
    "state", "province", "region", "governorate", "district", "territory", "county", "oblast", "department",
    "prefecture", "région", "département", "préfecture", "gouvernorat", "territoire", "état", "etat",
    # Nigeria's LGAs, Mali's cercles and communes: 'Gwoza LGA', 'Gwoza Local Government Area'
    "local government area", "lga", "cercle", "commune",
)
_WORDS = "|".join(UNIT_WORDS)
# 'Borno State', 'Nord-Kivu province', 'Kharkiv oblast' (any case, after the name).
_UNIT_AFTER = re.compile(rf"[\s\-]+(?:{_WORDS})\b", re.IGNORECASE)
# 'the state of Borno', 'province du Nord-Kivu', "région de l'Extrême-Nord" (before the name).
_UNIT_BEFORE = re.compile(
    rf"\b(?:{_WORDS})\s+(?:of\s+(?:the\s+)?|du\s+|de\s+la\s+|de\s+l['’]\s*|des\s+|de\s+|d['’]\s*)?$", re.IGNORECASE
)
_BARE = re.compile(
    rf"^(?:(?:the\s+|la\s+|le\s+|l['’]\s*)?(?:{_WORDS})\s+(?:of\s+(?:the\s+)?|du\s+|de\s+la\s+|de\s+l['’]\s*|des\s+|de\s+|d['’]\s*)(?P<after>.+)"
    rf"|(?P<before>.+?)[\s\-]+(?:{_WORDS}))$",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_JOIN = re.compile(r"[ \t\-‐‑]{1,3}")  # words of one name: spaces and hyphens only
MAX_WORDS = 6  # the longest unit name looked for, in words
# Capitalised words that may open a sentence or title before a name without being part of it.
_LEADING_WORDS = frozenset("""in at on of from to into near around across outside inside across across throughout
    the a an and or but as after before during since while when where with by for
    dans en au aux le la les du de des vers près pres à a pour par sur depuis après apres avant selon""".split())
# Capitalised words that are not names, whatever unit shares them ('May 5', 'Lundi').
NOT_UNIT_NAMES = frozenset("""january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday janvier fevrier mars avril mai juin juillet aout
    septembre octobre novembre decembre lundi mardi mercredi jeudi vendredi samedi dimanche""".split())


@dataclass(frozen=True)
class UnitMention:
    """Admin units named in a text: ``text[start:end]`` (with its unit word when one follows,
    'Borno State'), and every admin1/admin2 unit of that exact name, best first."""

    start: int
    end: int
    text: str
    candidates: tuple["Candidate", ...]

    @property
    def countries(self) -> tuple[str, ...]:
        """ISO3 codes of the candidates, best first, each once."""
        return tuple(dict.fromkeys(c.place.country_iso3 for c in self.candidates))


def bare_unit_name(phrase: str) -> str | None:
    """The name inside a phrase with a unit word ('Borno State' -> 'Borno', 'province du
    Nord-Kivu' -> 'Nord-Kivu', 'the state of Zamfara' -> 'Zamfara'); None without one."""
    match = _BARE.match(phrase.strip())
    if not match:
        return None
    return (match.group("after") or match.group("before")).strip() or None


def unit_word_after(text: str, end: int) -> int | None:
    """End of a unit word right after ``end`` ('Borno| State'), or None."""
    match = _UNIT_AFTER.match(text, end)
    return match.end() if match else None


def unit_word_before(text: str, start: int) -> bool:
    """Whether a unit word and its preposition lead up to ``start`` ('province du |Nord-Kivu')."""
    return bool(_UNIT_BEFORE.search(text, max(0, start - 40), start))


def name_spans(text: str) -> Iterator[tuple[tuple[int, int] | None, list[tuple[int, int]]]]:
    """For each word that starts with a capital: the word just before it when only a space or
    hyphen parts them (or None), and the words (start, end) that can continue one name from it,
    joined by spaces or hyphens only, at most MAX_WORDS. A possessive 's is no part of a word."""
    tokens = [(m.start(), m.end() - (2 if m.group().endswith(("'s", "’s")) else 0)) for m in _TOKEN.finditer(text)]
    for i, (start, _) in enumerate(tokens):
        if not text[start].isupper():
            continue
        run = [tokens[i]]
        for j in range(i + 1, min(len(tokens), i + MAX_WORDS)):
            if not _JOIN.fullmatch(text, tokens[j - 1][1], tokens[j][0]):
                break
            run.append(tokens[j])
        before = tokens[i - 1] if i and _JOIN.fullmatch(text, tokens[i - 1][1], start) else None
        yield before, run


def in_longer_name(text: str, before: tuple[int, int] | None, after: tuple[int, int] | None) -> bool:
    """Whether capitalised words run on either side of a name ('Boko' in 'Boko Haram', 'Keita'
    in 'Ibrahim Keita'): then it is part of another name. Unit words after it and words such as
    'In' or 'The' before it do not count."""
    if after is not None and text[after[0]].isupper() and not _UNIT_AFTER.match(text, max(0, after[0] - 1)):
        return True
    if before is not None and text[before[0]].isupper():
        return text[before[0]:before[1]].lower() not in _LEADING_WORDS
    return False
