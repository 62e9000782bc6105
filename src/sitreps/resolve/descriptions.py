"""Reading free-text place descriptions: "Kourao (15 km from Bourzanga), Bam province",
"near the town of Zoaga", "vicinity of X in the department of Y".

``parse_place_description`` splits a description into its core place name and the wider or
nearby places it names; the gazetteer then uses those to choose among namesakes.
"""

from __future__ import annotations

import re
import unicodedata

_DIRECTION = r"(?:north|south|east|west|nord|sud|est|ouest)(?:[\s-]?(?:east|west|est|ouest))?"
_DISTANCE = r"(?:(?:about|some|around|approximately|environ|à|a\s+dozen|a\s+few|\w+)\s+)?(?:\d+(?:[.,]\d+)?\s*)?(?:km|kms|kilometres?|kilometers?|miles?)"
_LEADING = re.compile(
    rf"^{_DISTANCE}\s+(?:away\s+)?(?:(?:to\s+the\s+|au\s+)?{_DIRECTION}\s+)?(?:of|from|de|du|d[’'])?\s*"
    rf"|^(?:to\s+the\s+)?{_DIRECTION}\s+(?:of|de|du|d[’'])\s+"
    r"|^(?:in|at|on|near|outside|around|between|close\s+to|not\s+far\s+from|the|a|an|près\s+de|pres\s+de|non\s+loin\s+de"
    r"|aux\s+environs\s+de|dans|entre|à|en|au|aux|sur|le|la|les|l[’'])\s+"
    r"|^(?:(?:north|south)[\s-]?)?(?:north|south|east|west)ern\s+(?!(?:region|province)\b)"
    r"|^(?:the\s+)?(?:towns?|city|villages?|hamlets?|communes?|locality|area|region|province|district|department|cercle|"
    r"municipality|vicinity|outskirts|surroundings|bush|forest|forest\s+area|height|territory|state|governorate|axis)\s+of\s+"
    r"|^(?:(?:la\s+)?(?:ville|commune|localité|localite|région|region|province|zone|préfecture|prefecture|cercle|périphérie|"
    r"brousse|forêt)|le\s+village|le\s+département|le\s+departement|les\s+environs)\s+(?:de|du|d[’'])\s*"
    r"|^(?:village|cercle|département|departement|axe|(?:le\s+)?territoire|(?:le\s+)?gouvernorat)\s+(?:de|du|d[’'])\s*",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"\s+(?:town|towns|city|village|commune|comune|locality|area|region|région|province|district|department|dep[’']t|"
    r"département|cercle|municipality|zone|sector|secteur|prefecture|préfecture|camp|axis|road|surroundings|vicinity|"
    r"forest|mining\s+site|site|border|neighbou?rhood|outskirts|bush|territory|territoire)$",
    re.IGNORECASE,
)
# Words that join a place to a wider one: "Kalari in Piela area", "Gomboro near Dori".
_CONNECTOR = re.compile(
    rf"\s+(?:in|near|on|along|at|close\s+to|not\s+far\s+from|outside|{_DIRECTION}\s+of|{_DISTANCE}\s+(?:from|away|of)|"
    r"dans|près\s+de|non\s+loin\s+de|au\s+(?:nord|sud)|à\s+l[’']\s*(?:est|ouest))\s+",
    re.IGNORECASE,
)
# The level each word names in the Sahel; elsewhere any of them just says "an admin unit".
LEVEL_WORDS: dict[str, str] = {
    "region": "admin1", "région": "admin1", "province": "admin2", "cercle": "admin2", "department": "admin2",
    "département": "admin2", "departement": "admin2", "prefecture": "admin2", "préfecture": "admin2",
    "state": "admin1", "governorate": "admin1", "gouvernorat": "admin1", "district": "admin2", "territory": "admin2",
    "territoire": "admin2",
}
_LEVEL_WORD = re.compile(r"^(?:(?:the|la|le)\s+)?(" + "|".join(LEVEL_WORDS) + r")\b", re.IGNORECASE)


def strip_qualifiers(text: str) -> tuple[str, str]:
    """Drop stacked leading qualifiers ('near the town of') and one trailing kind word ('region')."""
    hint = ""
    for _ in range(5):
        stripped = _LEADING.sub("", text, count=1).strip()
        if not stripped or stripped == text:
            break
        word = _LEVEL_WORD.match(text)
        hint = LEVEL_WORDS[word.group(1).lower()] if word else hint
        text = stripped
    trailing = _TRAILING.search(text)
    if trailing and trailing.start() > 0:
        hint = LEVEL_WORDS.get(trailing.group(0).strip().lower(), hint)
        text = text[: trailing.start()].strip()
    return text.strip(" .'\"’-"), hint


def parse_parts(text: str) -> tuple[str, list[str], str, list[str]]:
    """Core name, context names (wider places, innermost first), a level hint from 'region' etc.
    and other spellings of the core ('Belharo (also called Belhouro)')."""
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")  # zero-width spaces
    text = re.sub(r"(?<=[^\W_])#|(#[^\W_][^\s#,;()]*)\s+(?=#)", lambda m: (m.group(1) or "") + ", #", text)
    text = re.sub(r"[#_]", " ", text)  # '#Sanmatenga #Kaya' and 'Kaya#Bam' are lists, '#Gorom_Gorom' one name
    lines = [line.strip(" .;:") for line in text.splitlines() if line.strip(" .;:")] or [""]
    main, extra = lines[0], lines[1:]
    brackets = re.findall(r"\(([^)]*)\)?", main)
    main = re.sub(r"\([^)]*\)?", " ", main)
    pieces = [p.strip() for p in re.split(r"[,;]", re.sub(r"\s+", " ", main)) if p.strip()] or [""]
    core, hint = strip_qualifiers(pieces[0])
    joined = _CONNECTOR.split(core, maxsplit=1)
    if len(joined) == 2 and joined[0].strip():
        core, hint = strip_qualifiers(joined[0])  # 'Tia area in the Mouhoun region': the region is context
        pieces.insert(1, joined[1])
    owner = re.fullmatch(r"((?:\S+\s+){0,2}?\S+)[’']s\s+(.+)", core)  # "Ouagadougou's Ragnongo neighbourhood"
    if owner:
        core = strip_qualifiers(owner.group(2))[0]
        pieces.insert(1, owner.group(1))
    context, spellings = [], []
    for piece in [*pieces[1:], *brackets, *extra]:
        for part in re.split(r"[,;]", piece):
            also = re.match(r"\s*(?:also\s+(?:called|known\s+as|spelt|spelled)|a\.?k\.?a\.?|alias|dit|appel[ée]e?)\s+(.+)", part, re.I)
            if also:
                spellings.append(also.group(1).strip())
                continue
            for sub in _CONNECTOR.split(" " + part.strip()):  # 'Mentao area in the Sahel': both count
                if re.match(rf"\s*the\s+{_DIRECTION}(?![\w’'-])", sub, re.IGNORECASE):
                    continue  # 'in the North' is a direction; 'North region' and '(North)' name a region
                name, _ = strip_qualifiers(sub.strip())
                if name and not re.fullmatch(r"(?:and|et|of|de)\b.*", name, re.IGNORECASE):
                    context.append(name)
    return core, context, hint, spellings


def parse_place_description(text: str) -> tuple[str, list[str]]:
    """'Djibo, Soum province' -> ('Djibo', ['Soum']); 'near Mopti' -> ('Mopti', [])."""
    core, context, _, _ = parse_parts(text)
    return core, context
