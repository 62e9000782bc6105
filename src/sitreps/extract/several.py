"""Several events told in one sentence: "jihadists attacked the villages of A, B and C".

By the contract's event unit each village attacked is an event of its own. A sentence whose
event place is one of a list of towns joined by commas and "and"/"et" tells one event per town;
a toll given per town ("six in Dinguiri, two in Mene") goes to its town, a combined toll to
none of them (it cannot be split honestly; the stories' own sentences about each town give it).
"""

from __future__ import annotations

import re

from .places import NOT_PLACES, PlacePhrase

# Between two towns of one list: ", ", " and ", " et ", ", and ", " as well as ".
_LIST_GAP = re.compile(
    r"^\s*(?:villages?|towns?|hamlets?)?\s*(?:,\s*(?:and|et)?|and|et|&|as well as|ainsi que|or|ou)\s*"
    r"(?:(?:\w+\s+){0,2}(?:in|at|à|au)\s+)?(?:the\s+|la\s+|le\s+|l')?"
    r"(?:(?:villages?|towns?|localités?|communes?|hamlets?)\s+(?:of|de|d')\s+)?$",
    re.IGNORECASE,
)
# A name in a list of towns that the gazetteer does not know: "in Nkambe, Noni and Ndu".
_NAME = re.compile(r"[A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]+)?")
# A route names two ends of one place, not two events: "between A and B", "the Kaya-Dori road".
_ROUTE_BEFORE = re.compile(r"\b(?:between|entre|road|route|axis|axe|track|piste)\s+(?:the\s+|la\s+|le\s+|l')?$", re.IGNORECASE)
_PLURAL_PLACES_BEFORE = re.compile(
    r"\b(?:villages|towns|hamlets|localities|communities|settlements|posts|bases|camps|positions|checkpoints|cities|sites|areas|"
    r"villages|localités|communes|hameaux|postes|bases|camps|positions|villes|sites|quartiers)\b[^.;]{0,60}$",
    re.IGNORECASE,
)
_UNITS_AFTER = re.compile(
    r"^\s*(?:counties|provinces|regions|districts|states|departments|governorates|prefectures|communes|"
    r"régions|départements|préfectures|cercles|localités)\b", re.IGNORECASE
)
# "six in Dinguiri", "deux à Mene": a count right before "in"/"à" and the town.
_COUNT_BEFORE = re.compile(
    r"(?P<n>[0-9]{1,4}|[^\W\d_]+)\s+(?:(?:people|persons|civilians|soldiers|villagers|personnes|civils|soldats|villageois|others?|autres)\s+)?"
    r"(?:killed\s+|died\s+|tués?\s+|tuées?\s+)?(?:in|at|à|a|au)\s+(?:the\s+)?(?:village\s+(?:of\s+|de\s+)?)?$",
    re.IGNORECASE,
)

_TOWN_LEVELS = ("populated", "unknown")


def place_list(text: str, places: list[PlacePhrase], chosen: PlacePhrase | None, is_country=lambda name: False) -> list[PlacePhrase]:
    """The towns listed together with ``chosen`` (itself included, in text order), or [] when it
    stands alone. ``is_country(name)`` tells a country's name from an unlisted town's."""
    if chosen is None or chosen.level not in _TOWN_LEVELS or chosen.qualifier in ("region", "unlisted-region"):
        return []
    towns = sorted((p for p in places if p.level in _TOWN_LEVELS and p.qualifier not in ("region", "unlisted-region")), key=lambda p: p.start)
    groups: list[list[PlacePhrase]] = []
    for town in towns:
        if groups and _LIST_GAP.match(text[groups[-1][-1].end : town.start]):
            groups[-1].append(town)
        else:
            groups.append([town])
    group = next((g for g in groups if any(p.start == chosen.start for p in g)), [])
    group = _with_unlisted(text, group, [p for p in places if p not in group], is_country)
    if len(group) < 2 or _ROUTE_BEFORE.search(text[max(0, group[0].start - 25) : group[0].start]):
        return []
    if _UNITS_AFTER.match(text[group[-1].end :]):
        return []  # "in Garissa, Wajir and Mandera counties": an area, not one event per town
    # Several events only where the text says several places were hit ("the villages of A, B and
    # C", "trois localités : A, B et C") or gives each its toll; "in Pahalgam, Jammu and Kashmir"
    # names one place and where it lies.
    tolls = sum(count_before(text, town, {}) is not None or bool(_COUNT_BEFORE.search(text[max(0, town.start - 40) : town.start])) for town in group)
    if not _PLURAL_PLACES_BEFORE.search(text[max(0, group[0].start - 80) : group[0].start]) and tolls < 2:
        return []
    return group


def _with_unlisted(text: str, group: list[PlacePhrase], others: list[PlacePhrase], is_country) -> list[PlacePhrase]:
    """The list extended by the capitalised names joined to it that the gazetteer lacks."""
    taken = [(p.start, p.end) for p in others]
    names = [
        m for m in _NAME.finditer(text)
        if not any(s < m.end() and m.start() < e for s, e in taken) and not is_country(m.group()) and m.group().lower() not in NOT_PLACES
    ]
    changed = True
    while changed and group:
        changed = False
        for m in names:
            if any(p.start == m.start() for p in group):
                continue
            if m.start() >= group[-1].end and _LIST_GAP.match(text[group[-1].end : m.start()]):
                group = group + [PlacePhrase(m.start(), m.end(), m.group(), "unlisted", "unknown", 0.25)]
                changed = True
            elif m.end() <= group[0].start and _LIST_GAP.match(text[m.end() : group[0].start]):
                group = [PlacePhrase(m.start(), m.end(), m.group(), "unlisted", "unknown", 0.25)] + group
                changed = True
    return group


def count_before(text: str, place: PlacePhrase, units: dict[str, int]) -> int | None:
    """The toll a sentence gives for one town of a list ("six in Dinguiri"), if any."""
    match = _COUNT_BEFORE.search(text[max(0, place.start - 40) : place.start])
    if match is None:
        return None
    word = match.group("n").lower()
    if word.isascii() and word.isdigit():
        return int(word)
    return units.get(word)
