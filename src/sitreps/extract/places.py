"""Place phrases in an event sentence, found through the gazetteer rather than the NER model.

The small spaCy models tag many Sahel towns (Djibo, Tillabéri, Ménaka...) as PERSON, so the
gazetteer decides what is a place: capitalised word runs are looked up by exact name, and spaCy's
GPE/LOC entities are only a second source for places the gazetteer lacks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A run of capitalised words, allowing the particles place names carry ("Bandiagara de", "Ouro-
# Modi", "N'Tillit", "Dar es Salaam", "Tin-Akoff").
_CAPITALISED_RUN = re.compile(
    r"(?:(?<=\s)|(?<=^)|(?<=[(\"'«“‘’-]))"
    r"((?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|N['’][A-Z][\w-]*)"
    r"(?:\s+(?:(?:de|du|des|la|le|el|al|es|ad|ag|wan|n)\s+)?(?:[A-ZÀ-ÖØ-Þ][\w'’-]*))*)"
)
# Words that open a sentence or name a thing, never a place in these texts, even where a village
# carries the same name.
_NOT_PLACES = frozenset(
    """the a an on in at of to by for and or but this that these those there their its it he she they
    we his her our after before during when while since as with from into near about against over
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december lundi mardi mercredi jeudi vendredi samedi
    dimanche janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    le la les un une des du de au aux dans selon près pendant lors depuis entre après avant
    army police president minister government state islamic reuters afp ap un al qaeda
    the army police gendarmerie ministry council security soldiers troops gunmen jihadists
    god allah muslim muslims christian islam support africa west east north south central sahel
    rien""".split()
)
_NEAR = re.compile(
    r"\b(?:near|outside|outskirts of|close to|not far from|on the road (?:to|between)|\d+\s*(?:km|kilometres|kilometers|miles)\s+(?:from|north of|south of|east of|west of)"
    r"|près de|non loin de|aux environs de|dans les environs de|à la périphérie de|à\s+\d+\s*(?:km|kilomètres)\s+(?:de|d'|au nord de|au sud de|à l'est de|à l'ouest de)"
    r"|sur l'axe|entre)\s+(?:the\s+|la\s+|le\s+|les\s+|l')?$",
    re.IGNORECASE,
)
_REGION_AFTER = re.compile(
    r"^\s*(?:region|province|district|department|commune|circle|cercle|state|area|région|département|préfecture)\b",
    re.IGNORECASE,
)
_REGION_BEFORE = re.compile(
    r"\b(?:region of|province of|department of|la région de|la province de|le département de|le cercle de|la commune de|the)\s+$",
    re.IGNORECASE,
)
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|of|from|to|around|outside|into|à|a|dans|de|d'|près de|vers|sur)\s+(?:the\s+|la\s+|le\s+|les\s+|l')?(?:village of\s+|town of\s+|city of\s+|localité de\s+|village de\s+|ville de\s+|commune de\s+)?$",
    re.IGNORECASE,
)


_KINDS = r"(village|town|city|district|province|region|county|state|area|neighbou?rhood|camp|localité|ville|commune|quartier|région|département)"
_KIND_BEFORE = re.compile(r"\b(?:the |la |le |l')?" + _KINDS + r" (?:of|de|d')\s*$", re.IGNORECASE)
_KIND_AFTER = re.compile(r"\s+" + _KINDS + r"\b", re.IGNORECASE)
_REGION_KINDS = frozenset({"district", "province", "region", "county", "state", "région", "département"})

# Where people went or came from, not where the event was: "the troops withdrew towards Niono",
# "reinforcements were sent from Douentza", "ont fui vers Djibo".
_DESTINATION = re.compile(
    r"\b(?:towards?|in the direction of|(?:fled|withdrew|retreated|pulled back|headed|heading|moved|returned) (?:to|for)|"
    r"(?:sent|dispatched|deployed|flown|brought|arrived|came|coming) from|"
    r"vers|en direction de|en provenance de|(?:envoyés?|dépêchés?|venus?|arrivés?) (?:de|depuis)|"
    r"(?:ont fui|se sont repliés|se sont réfugiés|se sont retirés) (?:à|sur|vers))\s+(?:the\s+|la\s+|le\s+|l')?$",
    re.IGNORECASE,
)

_FOCUS_COUNTRIES = frozenset({"MLI", "BFA", "NER"})


@dataclass(frozen=True)
class PlacePhrase:
    start: int
    end: int
    text: str
    qualifier: str  # "", "near", "region"; "unlisted" or "unlisted-region" for places the gazetteer lacks
    level: str  # gazetteer level of the best reading: populated, admin2, admin1, country, unknown
    score: float


def find_places(sentence: str, gazetteer, excluded: list[tuple[int, int]], extra_spans=()) -> list[PlacePhrase]:
    """Place phrases in ``sentence``, best first; spans inside ``excluded`` (actor names) are skipped.

    ``extra_spans`` are (start, end) spans from the NER model, used when the gazetteer knows them.
    """
    runs = [(m.start(1), m.end(1)) for m in _CAPITALISED_RUN.finditer(sentence)]
    ner = set(extra_spans)
    found: dict[tuple[int, int], PlacePhrase] = {}
    for start, end in [*runs, *extra_spans]:
        for sub_start, sub_end in _sub_spans(sentence, start, end):
            if any(s <= sub_start and sub_end <= e for s, e in excluded):
                continue
            whole_run = sub_start == start and sub_end == _trim(sentence, start, end)
            phrase = _read_place(sentence, sub_start, sub_end, gazetteer, whole_run)
            if phrase:
                found.setdefault((phrase.start, phrase.end), phrase)
                break
        else:
            unlisted = _unlisted_place(sentence, start, _trim(sentence, start, end), (start, end) in ner, excluded)
            if unlisted and not any(p.start <= unlisted.start < p.end for p in found.values()):
                found.setdefault((unlisted.start, unlisted.end), unlisted)
    return sorted(found.values(), key=lambda p: (-p.score, p.start))


def _unlisted_place(sentence: str, start: int, end: int, from_ner: bool, excluded) -> PlacePhrase | None:
    """A place the gazetteer lacks, kept when the text plainly introduces it as a place: a NER
    place after "in"/"near", or any capitalised name with a kind word ("Hosingow village", "the
    village of Kafr Jenah", "Uruzgan province"). Its country comes from the story."""
    text = sentence[start:end]
    if len(text) < 3 or text.lower() in _NOT_PLACES or any(s <= start and end <= e for s, e in excluded):
        return None
    before, after = sentence[max(0, start - 60) : start], sentence[end : end + 25]
    kind_before = _KIND_BEFORE.search(before)
    kind_after = _KIND_AFTER.match(after)
    if not (kind_before or kind_after or (from_ner and _LOCATIVE_BEFORE.search(before))):
        return None
    regional = (kind_after and kind_after.group(1).lower() in _REGION_KINDS) or (kind_before and kind_before.group(1).lower() in _REGION_KINDS)
    return PlacePhrase(start, end, text, "unlisted-region" if regional else "unlisted", "unknown", 0.25)


def _sub_spans(sentence: str, start: int, end: int):
    """Longest first: the whole run, then shorter runs of its words ("Gao Kidal" -> "Gao")."""
    words = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", sentence[start:end])]
    for size in range(len(words), 0, -1):
        for i in range(len(words) - size + 1):
            yield words[i][0], _trim(sentence, words[i][0], words[i + size - 1][1])


def _trim(sentence: str, start: int, end: int) -> int:
    while end > start and sentence[end - 1] in ".,;:'’-)":
        end -= 1
    if sentence[start:end].endswith(("'s", "’s")):
        end -= 2
    return end


def _read_place(sentence: str, start: int, end: int, gazetteer, whole_run: bool = True) -> PlacePhrase | None:
    text = sentence[start:end]
    if len(text) < 2 or text.lower() in _NOT_PLACES:
        return None
    before = sentence[max(0, start - 60) : start]
    after = sentence[end : end + 25]
    if _DESTINATION.search(before):
        return None
    if gazetteer.country_of(text):
        return PlacePhrase(start, end, text, "region", "country", 0.2)
    candidates = gazetteer.lookup(text, None, limit=8, fuzzy=False)
    if not candidates:
        return None
    # A Sahel village beats a bigger namesake abroad ("Léré" in Mali, not Lere in Nigeria).
    best = next((c for c in candidates if c.place.country_iso3 in _FOCUS_COUNTRIES), candidates[0])
    locative = bool(_LOCATIVE_BEFORE.search(before))
    sentence_initial = not sentence[:start].strip(" \t\"'«»“”‘’([—–-")
    if not locative and (sentence_initial or len(text) <= 3 or not whole_run):
        # Short or sentence-initial capitalised words are too often ordinary words, and the tail
        # of a longer name ("Captain Ibrahim Traoré") is a person, not the village of that name.
        return None
    if not locative and best.place.country_iso3 not in _FOCUS_COUNTRIES:
        # Abroad, only a place introduced as a place counts: world-city names collide with words.
        return None
    qualifier = ""
    if _NEAR.search(before):
        qualifier = "near"
    elif best.level in ("admin1", "admin2") or _REGION_AFTER.match(after) or _REGION_BEFORE.search(before):
        qualifier = "region"
    # The most specific place wins: a village over the region around it ("Léré, in the Timbuktu
    # region"), and the event's own place over the town it is near ("Gaskindé, near Djibo").
    level_weight = {"populated": 1.0, "admin2": 0.7, "admin1": 0.6, "country": 0.2}.get(best.level, 0.5)
    qualifier_weight = {"": 1.0, "near": 0.8, "region": 0.6}[qualifier]
    score = level_weight * qualifier_weight * (1.0 if locative else 0.7)
    return PlacePhrase(start, end, text, qualifier, best.level, round(score, 3))
