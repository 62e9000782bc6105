"""Name keys for matching place names across spellings, accents and languages.

``normalize_name`` is the exact key, ``sound_key`` the spelling-blind one (French and English
transcriptions of one Sahel name share it), ``admin_key`` compares admin-unit names across
languages ("North Central" and "Centre-Nord"). Also the tests that keep GeoNames alternates and
admin names useful.
"""

from __future__ import annotations

import re
import unicodedata

_FOLDED = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "đ": "d", "ı": "i"})
_APOSTROPHES = re.compile(r"[’'`´ʼʻ‘]")
_SEPARATORS = re.compile(r"[\s\-‐‑–—_/.,]+")
_PLAIN = re.compile(r"[a-z]+(?: [a-z]+)*")  # already a key: most names, so they skip the work below


def _strip_marks(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# Accented Latin letters (Latin-1 to Latin Extended-B, Latin Extended Additional) to what
# ``_strip_marks`` makes of them, one table lookup each: the same result, a good deal faster.
_LATIN_MARKS = {code: _strip_marks(chr(code)) for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00))
                if _strip_marks(chr(code)) != chr(code)}


def normalize_name(text: str) -> str:
    """Index key: lowercase, accents stripped, apostrophes dropped, hyphens as spaces."""
    text = text.lower()
    if _PLAIN.fullmatch(text):
        return text
    text = text.translate(_FOLDED)
    if not text.isascii():
        folded = text.translate(_LATIN_MARKS)
        text = folded if folded.isascii() else _strip_marks(text)
    text = _APOSTROPHES.sub("", text)
    return _SEPARATORS.sub(" ", text).strip()


_COMPASS = {
    "north": "nord", "northern": "nord", "south": "sud", "southern": "sud", "east": "est", "eastern": "est",
    "west": "ouest", "western": "ouest", "center": "centre", "central": "centre", "centre": "centre",
}


_COMPASS_WORDS = frozenset({*_COMPASS, *_COMPASS.values(), "northeast", "northwest", "southeast", "southwest",
                            "northeastern", "northwestern", "southeastern", "southwestern"})


def is_compass_name(name: str) -> bool:
    """Whether a name is only compass words ('North', 'Nord-Ouest', 'Northeastern', 'Centre-Est')."""
    words = normalize_name(name).split()
    return bool(words) and all(w in _COMPASS_WORDS for w in words)


def admin_key(name: str) -> str:
    """Order- and language-blind key of an admin name: 'North Central region' and 'Centre-Nord' agree."""
    words = [_COMPASS.get(w, w) for w in normalize_name(name).split() if w not in ("region", "province")]
    return " ".join(sorted(words))


_SOUNDS = tuple((re.compile(pattern), replacement) for pattern, replacement in (
    (r"[^a-z]", ""), (r"d[jy]|di(?=[aeou])", "j"), (r"ou|oo|w", "u"), (r"y", "i"), (r"ph", "f"),
    (r"c(?=[aou])|ck|qu|kh", "k"), (r"gh", "g"), (r"gu(?=[ei])", "g"), (r"sh|tch", "ch"), (r"(?<!c)h", ""),
    (r"(.)\1+", r"\1"),
))


def sound_key(name: str) -> str:
    """Spelling-blind key for names written in French or English transcription: 'Ouahigouya' and
    'Wahiguya', 'Diarakorosso' and 'Dyarakorosso', 'Namssiguia' and 'Namsiguia' share one."""
    key = normalize_name(name)
    for pattern, replacement in _SOUNDS:
        key = pattern.sub(replacement, key)
    return key


def is_useful_alternate(name: str) -> bool:
    """Latin-script names only: no codes, URLs, numbers or romanised junk in lowercase."""
    if not name or len(name) > 60 or any(c.isdigit() for c in name) or "http" in name or "www" in name:
        return False
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 2 or not letters[0].isupper():
        return False
    if name.isupper() and len(name) <= 4:  # airport and postal codes such as BKO
        return False
    return all(unicodedata.name(c, "").startswith("LATIN") for c in letters)


_ADMIN_AFFIXES = re.compile(
    r"^(?:province\s+(?:du|de\s+la|de\s+l[’']|des|de)\s*|cercle\s+(?:de|d[’'])\s*|d[ée]partement\s+(?:de|du|d[’'])\s*"
    r"|r[ée]gion\s+(?:de|du|d[’'])\s*|ville\s+de\s+)|\s+(?:province|cercle|region|department|prefecture)$",
    re.IGNORECASE,
)


def clean_admin_name(name: str) -> str:
    """'Province du Soum' -> 'Soum', 'Douentza Cercle' -> 'Douentza', 'Mopti Region' -> 'Mopti'."""
    return _ADMIN_AFFIXES.sub("", name).strip() or name
