"""Hypothesis strategies for hostile text, shared by the property-based tests of every stage.

Random Unicode alone rarely reaches the code that reads numbers, dates and places, so the text is
built from pieces: the characters that broke sitreps (every kind of digit that ``str.isdigit()``
accepts, lone surrogates, zero-width characters, control characters), words that make a
sentence an event (triggers, tolls, places, dates in English and French), numbers far too large
to be counts, and arbitrary Unicode in between.
"""

from __future__ import annotations

import sys
import unicodedata
from datetime import date

from hypothesis import HealthCheck, settings, strategies as st

# Every character str.isdigit() accepts but ASCII does not: decimal digits of other scripts
# (Arabic-Indic, Devanagari, fullwidth...), superscripts, subscripts, circled digits...
ODD_DIGITS = "".join(ch for ch in map(chr, range(0x80, sys.maxunicode + 1)) if ch.isdigit())
# A sample of each kind of other numeric character ("½", "Ⅻ", "〇") for good measure.
OTHER_NUMERIC = "".join(ch for ch in map(chr, range(0x80, 0x3100)) if unicodedata.numeric(ch, None) is not None and not ch.isdigit())
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
SURROGATES = "\ud800\udbff\udc00\udfff"
CONTROLS = "\x00\x01\x07\x0b\x0c\x1b\x7f\x85\u2028\u2029"

WORDS = (
    "Gunmen killed 12 villagers in Djibo, Burkina Faso, on 3 March 2024, residents said.",
    "Des hommes armés ont tué 7 civils à Ménaka le lundi 4 mars 2024.",
    "killed", "tués", "dead", "morts", "wounded", "at least", "au moins", "between", "and", "et",
    "dozens", "des dizaines", "soldiers", "soldats", "jihadists", "JNIM", "army", "attack", "ambush",
    "protest", "clashes", "Djibo", "Mopti", "Niamey", "Tillabéri", "Mali", "Niger", "in", "à", "on",
    "le", "March", "mars", "Monday", "lundi", "last week", "la semaine dernière", "2024", "1999",
    "12/03/2024", "2024-03-12", "10:30", "3 hours ago", "il y a 2 jours", "since January",
    "over the past six months", "a week after", "deux jours après", "12 to 15", "1,200", "1 200",
    "99999999999999999999", "9" * 5000, "4,294,967,296", "0", "-", ",", ".", ";", ":", "(", ")",
    "\"", "«", "»", "'", "’", "\n", "\n\n", " ", "\t",
)

piece = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(ODD_DIGITS + OTHER_NUMERIC),
    st.sampled_from(ZERO_WIDTH + SURROGATES + CONTROLS),
    st.text(max_size=12),
)
# Pieces joined with nothing or a space: digits glued to numbers and words ("12³", "Dji\u200bbo").
hostile_text = st.builds(
    lambda parts, glue: glue.join(parts), st.lists(piece, max_size=40), st.sampled_from(["", " "])
)
languages = st.sampled_from(["en", "fr", "xx"])
published = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))

# Fast and reproducible: no example database on disk, no deadline (the first example loads models).
FUZZ = settings(max_examples=60, deadline=None, database=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
