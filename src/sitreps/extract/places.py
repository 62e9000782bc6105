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
NOT_PLACES = frozenset(
    """the a an on in at of to by for and or but this that these those there their its it he she they
    we his her our after before during when while since as with from into near about against over
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december lundi mardi mercredi jeudi vendredi samedi
    dimanche janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    le la les un une des du de au aux dans selon près pendant lors depuis entre après avant
    army police president minister government state islamic reuters afp ap un al qaeda
    the army police gendarmerie ministry council security soldiers troops gunmen jihadists
    god allah muslim muslims christian islam support africa west east north south central sahel
    rien ramadan ramadhan tabaski eid christmas easter noël pâques carême ce cet cette ces celui celle""".split()
) | frozenset(
    # peoples and wide regions: who, or somewhere too large to be an event's place
    ("fulani", "peul", "peuls", "dogon", "dogons", "tuareg", "tuaregs", "touareg", "touaregs", "bambara", "mossi", "hausa",
     "kanuri", "songhai", "songhaï", "west africa", "east africa", "north africa", "central africa", "southern africa",
     "afrique de l'ouest", "afrique de l’ouest", "middle east", "moyen-orient", "europe", "africa", "afrique",
     # news agencies, which stories name after "told", "à", "selon"
     "xinhua", "anadolu", "ani", "lusa", "efe", "dpa", "aps", "apa", "pti", "ians", "irna", "sputnik", "tass", "ria")
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
_COMPASS_BEFORE = re.compile(
    r"\b(?:north|south|east|west|central|northern|southern|eastern|western|north-?(?:east|west)(?:ern)?|south-?(?:east|west)(?:ern)?|"
    r"(?:le |du |au )?(?:nord|sud|est|ouest|centre|nord-est|nord-ouest|sud-est|sud-ouest)(?: du| de la| de l'| de)?)\s+$",
    re.IGNORECASE,
)
_ADJECTIVAL_AFTER = re.compile(
    r"^\.?(?:-led|-backed)|^\.?\s+(?:troops|forces|soldiers|military|army|service ?members|servicemen|marines|embassy|officials?|"
    r"government|diplomats?|citizens?|nationals?|drones?|air ?strikes?|warplanes|jets|president|secretary|administration|envoy|"
    r"intelligence|navy|air force|special forces|personnel)\b",
    re.IGNORECASE,
)
_IN_COUNTRY_BEFORE = re.compile(
    r"\b(?:in|across|throughout|inside|within|au|aux|en|partout au|à travers (?:le|la|l')|dans tout (?:le|la|l'))\s+(?:the\s+)?"
    r"(?:[a-z][\w-]*\s+){0,2}$"  # "in troubled Burkina", "in jihadist-hit Burkina", "in eastern Burkina Faso"
)
_TOPIC_AFTER = re.compile(r"^\s*[:–—]")
_EVENT_NOUN_AFTER = re.compile(
    r"^\s+(?:\w+\s+)?(?:attacks?|massacres?|ambush(?:es)?|clashes|bombings?|killings?|violence|unrest|protests?|coup)\b", re.IGNORECASE
)
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|of|from|to|around|outside|into|à|a|dans|de|d'|près de|vers|sur)\s+(?:the\s+|la\s+|le\s+|les\s+|l')?"
    r"(?:[A-ZÀ-Ý][\w-]*['’]s\s+)?(?:(?:northern|southern|eastern|western|central)\s+)?"
    r"(?:village of\s+|town of\s+|city of\s+|capital,?\s+|localité de\s+|village de\s+|ville de\s+|commune de\s+|capitale,?\s+)?$"
    # "in Mali's capital, Bamako", "dans la capitale Port-au-Prince": the place in apposition
    r"|\b(?:capital|capitale|city|town|ville)\s*,?\s*$",
    re.IGNORECASE,
)


_KINDS = r"(villages|towns|localités|village|town|city|district|province|region|county|state|area|neighbou?rhood|camp|military camp|army camp|military base|base|army post|military post|localité|ville|commune|quartier|région|département|camp militaire|base militaire|poste militaire|poste)"
_KIND_BEFORE = re.compile(r"\b(?:the |la |le |l')?" + _KINDS + r" (?:of|de|d')\s*$", re.IGNORECASE)
# "Hosingow village", "Dalabé, a village of the Mopti region", "Kafr Jenah, un petit village".
_KIND_AFTER = re.compile(r"(?:\s+|,\s+(?:a|an|un|une)\s+(?:(?:small|remote|tiny|petit|petite)\s+)?)" + _KINDS + r"\b", re.IGNORECASE)
_REGION_KINDS = frozenset({"district", "province", "region", "county", "state", "région", "département"})

# Where people went or came from, not where the event was: "the troops withdrew towards Niono",
# "reinforcements were sent from Douentza", "ont fui vers Djibo".
_DESTINATION = re.compile(
    r"\b(?:towards?|in the direction of|(?:fled|withdrew|retreated|pulled back|headed|heading|moved|returned) (?:to|for)|"
    r"(?:sent|dispatched|deployed|flown|brought|arrived|came|coming) from|"
    r"vers|en direction de|en provenance de|(?:envoyés?|dépêchés?|venus?|arrivés?) (?:de|depuis)|"
    r"(?:ont fui|se sont repliés|se sont réfugiés|se sont retirés) (?:à|sur|vers)|"
    # "families moved from the hamlet to Dori", "the wounded were evacuated to Gao": where
    # people were taken or went afterwards, a few words after the verb.
    r"(?:fled|moved|displaced|relocated|evacuated|transported|rushed|airlifted|transferred|taken|flown)\b(?:\s+[\w'’-]+){0,4}?\s+(?:to|into)|(?:sought|took|taking|found) refuge in|"
    r"(?:évacué|transporté|transféré|conduit|réfugié|déplacé|fui|replié|acheminé)(?:e|s|es)?\b(?:\s+[\w'’-]+){0,4}?\s+(?:à|vers|au|en)|"
    # "the authorities of Niamey", "le gouvernement de Bamako": the capital names the government.
    r"(?:authorities|government|junta|regime|officials|autorités|gouvernement|régime|junte|pouvoir) (?:of|in|de|d'|à))\s+"
    r"(?:the\s+|la\s+|le\s+|l')?(?:(?:town|city|village|localité|ville) (?:of|de|d')\s+)?$",
    re.IGNORECASE,
)

# A place named beside the event's place, not as it: "near the border with Mali", "neighbouring
# Niger", "à la frontière avec le Niger".
_BESIDE = re.compile(
    r"\b(?:borders? (?:with|of)|bordering|borders|neighbou?ring|à la frontière (?:avec|du|de la|de l')|frontalière? (?:avec|du|de)|"
    r"frontière (?:avec|du|de la)|voisin(?:e|s|es)?(?: du| de la| de)?|limitrophe (?:du|de la|de))\s+(?:the\s+|la\s+|le\s+|l')?$",
    re.IGNORECASE,
)

_FOCUS_COUNTRIES = frozenset({"MLI", "BFA", "NER"})
# A city this large abroad is a place wherever the story is about ("Kabul", "Lagos"); a village
# abroad is taken only in a country the story names.
_KNOWN_CITY = 100_000

# A dateline opens a report with where it was filed, not where the event was: "BAMAKO, Mali (AP)
# —", "New York [US], December 8 (ANI):", "Jenin, (APP - ... 21st May, 2024)".
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-ZÀ-Ý][\w'’.-]*(?:\s+[A-ZÀ-Ý][\w'’.-]*){0,3})"
    r"(?P<rest>(?:\s*,\s*[\w'’. -]{1,40}?|\s*[\[(][^\])\n]{1,80}[\])]){1,3})\s*(?:[-–—:]|\s-)\s"
)
_MONTH_WORD = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|fév|mars|avr|mai|juin|juil|août|sept|déc)\w*\b", re.IGNORECASE
)


def dateline_end(sentence: str) -> int:
    """Where a report's dateline ends in its first sentence (0 when it has none)."""
    match = _DATELINE.match(sentence)
    if match is None:
        return 0
    place, rest = match.group("place"), match.group("rest")
    if place.isupper() or "(" in rest or "[" in rest or _MONTH_WORD.search(rest):
        return match.end()
    return 0


@dataclass(frozen=True)
class PlacePhrase:
    start: int
    end: int
    text: str
    qualifier: str  # "", "near", "region"; "unlisted" or "unlisted-region" for places the gazetteer lacks
    level: str  # gazetteer level of the best reading: populated, admin2, admin1, country, unknown
    score: float


def find_places(
    sentence: str, gazetteer, excluded: list[tuple[int, int]], extra_spans=(), country: str | None = None,
    named_countries: frozenset[str] | None = None,
) -> list[PlacePhrase]:
    """Place phrases in ``sentence``, best first; spans inside ``excluded`` (actor names) are skipped.

    ``extra_spans`` are (start, end) spans from the NER model, used when the gazetteer knows them.
    ``country`` is the country the story is about: a name found there beats its namesakes. When
    ``named_countries`` is given, a place abroad is taken only in a country the story names, so a
    village that shares its name with an agency or a word ("Xinhua", "Ariel") is no place.
    """
    runs = [(m.start(1), m.end(1)) for m in _CAPITALISED_RUN.finditer(sentence)]
    ner = set(extra_spans)
    found: dict[tuple[int, int], PlacePhrase] = {}
    for start, end in [*runs, *extra_spans]:
        for sub_start, sub_end in _sub_spans(sentence, start, end):
            if any(s <= sub_start and sub_end <= e for s, e in excluded):
                continue
            whole_run = sub_start == start and sub_end == _trim(sentence, start, end)
            phrase = _read_place(sentence, sub_start, sub_end, gazetteer, whole_run, country, named_countries)
            if phrase:
                found.setdefault((phrase.start, phrase.end), phrase)
                break
        else:
            spelled = _spelled_otherwise(sentence, start, _trim(sentence, start, end), gazetteer, country, excluded)
            if spelled is not None:
                found.setdefault((spelled.start, spelled.end), spelled)
                continue
            unlisted = _unlisted_place(sentence, start, _trim(sentence, start, end), (start, end) in ner, excluded)
            if unlisted is not None and (gazetteer.lookup(unlisted.text, None, limit=1, fuzzy=False) or gazetteer.country_of(unlisted.text)):
                # known elsewhere and set aside above, or a people ("the Malian villages of A
                # and B"): not a village the gazetteer lacks
                unlisted = None
            if unlisted and not any(p.start <= unlisted.start < p.end for p in found.values()):
                found.setdefault((unlisted.start, unlisted.end), unlisted)
    return sorted(found.values(), key=lambda p: (-p.score, p.start))


# How close another spelling must sound for a name the text puts as a place ("Ogossagou" for the
# gazetteer's "Ogossogou"): only in the story's own country, only for a name after "in", "at".
_SPELLING_SCORE = 0.8


def _spelled_otherwise(sentence: str, start: int, end: int, gazetteer, country: str | None, excluded) -> PlacePhrase | None:
    text = sentence[start:end]
    if not country or len(text) < 5 or len(text.split()) > 3 or any(word.lower() in NOT_PLACES for word in text.split()):
        return None
    before = sentence[max(0, start - 60) : start]
    if any(s <= start and end <= e for s, e in excluded) or not _LOCATIVE_BEFORE.search(before):
        return None
    if _DESTINATION.search(before) or _BESIDE.search(before):
        return None
    best = gazetteer.geocode(text, country).best
    if best is None or best.level != "populated" or best.place.country_iso3 != country or best.score < _SPELLING_SCORE:
        return None
    qualifier = "near" if _NEAR.search(sentence[max(0, start - 60) : start]) else ""
    return PlacePhrase(start, end, text, qualifier, "populated", 0.9)


# A namesake abroad this large (or a capital) is the city itself even in a sentence about another
# country's villages ("displaced people from Kaya reached Niamey").
_HOME_VILLAGE_MAX_POPULATION = 500_000
_SMALL_KINDS = frozenset({"village", "town", "localité", "quartier", "neighbourhood", "neighborhood", "camp"})


def _home_village(sentence: str, start: int, end: int, before: str, after: str, gazetteer, country: str, best) -> bool:
    """Whether a name whose gazetteer places all lie abroad is told as a place of the story's own
    country: introduced as a village or town ("the village of X", "X town"), or set in an admin
    unit of that country that the sentence names ("X in Gwoza LGA", "X, Borno State")."""
    if best.place.population >= _HOME_VILLAGE_MAX_POPULATION or best.place.feature_code == "PPLC":
        return False
    kind = _KIND_BEFORE.search(before) or _KIND_AFTER.match(after)
    if kind and kind.group(1).lower().rstrip("s") in _SMALL_KINDS:
        return True
    return any(
        country in unit.countries and best.place.country_iso3 not in unit.countries
        for unit in gazetteer.units_in(sentence[end : end + 80], country)
    ) if _UNIT_FOLLOWS.match(after) else False


# "X in Gwoza", "X, Borno State", "X (Borno)": the unit that follows a place is where it lies.
_UNIT_FOLLOWS = re.compile(r"^\s*(?:,|\(|in |dans |à |en )", re.IGNORECASE)


# "X in Bindawa LGA of Katsina State", "le village de X, dans la commune de Y": words that put
# a place inside the next one, with no list ("X and Y", "X, Y") between them.
_WITHIN_GAP = re.compile(
    # Capitalised names between, in any case only the unit words: "in the morning before moving
    # to" puts nothing inside anything.
    r"^\s*(?i:village|town|area|locality|localité|quartier)?\s*,?\s*(?i:in|inside|of|dans|en|de)\s+(?i:the\s+|la\s+|le\s+|l'|l’)?"
    r"(?:(?:[A-ZÀ-Ý][\w'’-]*|(?i:village|town|area|district|county|state|commune|cercle|region|région|province|département|local government area|lga))\s+){0,6}"
    r"(?:(?i:of|de|du|de la)\s+(?i:the\s+|la\s+|le\s+|l')?)?(?:(?i:district|county|state|commune|cercle|region|région|province|département)\s+(?i:of|de|du)\s+)?$"
)


def introduced_as_place(sentence: str, phrase: PlacePhrase) -> bool:
    """Whether the text puts the name as a place ("in Gao", "the town of Gao"), not as a word
    that may be a person's or a month's name."""
    before = sentence[max(0, phrase.start - 60) : phrase.start]
    return bool(_LOCATIVE_BEFORE.search(before) or _KIND_BEFORE.search(before))


def lies_within(sentence: str, place: PlacePhrase, other: PlacePhrase) -> bool:
    """Whether the sentence puts ``place`` inside ``other``, named after it ("a Tembe village in
    the Gorang area", "Dalli in Bindawa Local Government Area of Katsina State")."""
    if other.start <= place.end:
        return False
    gap = sentence[place.end : other.start]
    return len(gap) <= 60 and bool(_WITHIN_GAP.match(gap))


def _unlisted_place(sentence: str, start: int, end: int, from_ner: bool, excluded) -> PlacePhrase | None:
    """A place the gazetteer lacks, kept when the text plainly introduces it as a place: a NER
    place after "in"/"near", or any capitalised name with a kind word ("Hosingow village", "the
    village of Kafr Jenah", "Uruzgan province"). Its country comes from the story."""
    if sentence[start:end].lower().startswith(("the ", "la ", "le ", "les ")):
        start += sentence[start:end].index(" ") + 1
    text = sentence[start:end]
    if len(text) < 3 or not text[0].isupper() or any(w.lower() in NOT_PLACES for w in text.split()) or any(s <= start and end <= e for s, e in excluded):
        return None
    before, after = sentence[max(0, start - 60) : start], sentence[end : end + 25]
    if _DESTINATION.search(before) or _BESIDE.search(before):
        return None
    kind_before = _KIND_BEFORE.search(before)
    kind_after = _KIND_AFTER.match(after)
    if not (kind_before or kind_after or (from_ner and _LOCATIVE_BEFORE.search(before))):
        return None
    regional = (kind_after and kind_after.group(1).lower() in _REGION_KINDS) or (kind_before and kind_before.group(1).lower() in _REGION_KINDS)
    # A village introduced as one ("the village of Djiguibombo, near Bandiagara") is where the
    # event was, more precisely than the known town it is near.
    score = 0.85 if (kind_before or kind_after) and not regional else 0.25
    return PlacePhrase(start, end, text, "unlisted-region" if regional else "unlisted", "unknown", score)


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


def _read_place(
    sentence: str, start: int, end: int, gazetteer, whole_run: bool = True, country: str | None = None,
    named_countries: frozenset[str] | None = None,
) -> PlacePhrase | None:
    text = sentence[start:end]
    if len(text) < 2 or text.lower() in NOT_PLACES:
        return None
    before = sentence[max(0, start - 60) : start]
    after = sentence[end : end + 25]
    if _DESTINATION.search(before) or _BESIDE.search(before):
        return None
    if gazetteer.country_of(text):
        # "Russian missiles", "a French air raid": a people's name says who, not where.
        if gazetteer.is_demonym(text):
            return None
        # "in northern Mali" is where; "Austria's ministry said", "U.S.-led", "U.S. troops" only
        # name a country.
        where = (
            _LOCATIVE_BEFORE.search(before) or _COMPASS_BEFORE.search(before) or _IN_COUNTRY_BEFORE.search(before)
            # a headline's subject ("Burkina Faso: eight killed"), an event's ("Burkina Faso attack")
            or (not sentence[:start].strip() and _TOPIC_AFTER.match(after)) or _EVENT_NOUN_AFTER.match(after)
        ) and not _ADJECTIVAL_AFTER.match(after)
        if _ADJECTIVAL_AFTER.match(after):
            return PlacePhrase(start, end, text, "region", "country-people", 0.2)
        return PlacePhrase(start, end, text, "region", "country" if where else "country-named", 0.2)
    candidates = gazetteer.lookup(text, None, limit=8, fuzzy=False)
    if not candidates:
        return None
    # A namesake in the story's country first; then a Sahel village beats a bigger namesake
    # abroad ("Léré" in Mali, not Lere in Nigeria).
    best = next(
        (c for c in candidates if c.place.country_iso3 == country),
        next((c for c in candidates if c.place.country_iso3 in _FOCUS_COUNTRIES), candidates[0]),
    )
    if (country and best.place.country_iso3 != country and best.place.country_iso3 not in (named_countries or ())
            and _home_village(sentence, start, end, before, after, gazetteer, country, best)):
        # "Djibo in Gwoza LGA, Borno State" in a Nigerian story is a Nigerian village the gazetteer
        # lacks, not its Burkinabè namesake; so is "the X village" of a story about one country
        # whose name the gazetteer knows only abroad. A country the story names is another
        # matter: a border town there is that country's.
        return PlacePhrase(start, end, text, "unlisted", "unknown", 0.85)
    abroad = country and best.place.country_iso3 not in (named_countries or frozenset()) | {country}
    neighbours = country in _FOCUS_COUNTRIES and best.place.country_iso3 in _FOCUS_COUNTRIES
    if abroad and best.place.population < _KNOWN_CITY and (named_countries is not None or not neighbours):
        # A village abroad, in a country the story never names: a word that is also a place name
        # somewhere ("Xinhua", "Ariel"), not where the story is.
        return None
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
