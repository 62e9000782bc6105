"""Text made safe once, where it enters sitreps, for every later stage.

- Unpaired surrogates (a JSON escape such as ``"\\ud800"``, a lossy decoder) become U+FFFD, so any
  text can be encoded as UTF-8: content hashes, DuckDB and the JSON output need it.
- Zero-width characters and the soft hyphen (U+200B, U+200C, U+200D, U+2060, U+FEFF, U+00AD) are
  removed: pasted into "1\\u200b200" or "Dji\\u00adbo" they would split a number or a name that
  reads as whole.
- Decimal digits of other scripts (Arabic-Indic, Devanagari, fullwidth... every Unicode ``Nd``
  digit) become ASCII digits, so "١٢" and "１２" are read as 12 by the ASCII-only number readers.
- Characters that are digits but not decimal digits (superscript "²", subscript "₃", circled
  "①") are kept as they are: they mark footnotes, units and list items and are never read as
  part of a number ("12³" is 12 with a footnote mark, not 123).
"""

from __future__ import annotations

import re
import unicodedata

_SURROGATE = re.compile("[\ud800-\udfff]")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
# ``\d`` matches every Unicode decimal digit (category Nd) and no superscript or circled one.
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")


def without_surrogates(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (a text from ``str.decode`` never has
    one; a JSON string can). Pairs that Python kept split (``"\\ud83d\\ude00"`` read by
    ``json.loads`` is one character already) need no joining."""
    if not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub("\ufffd", text)


def normalise_text(text: str) -> str:
    """``text`` without lone surrogates or zero-width characters, its digits in ASCII."""
    if text.isascii():
        return text
    text = without_surrogates(text).translate(_INVISIBLE)
    return _OTHER_DIGIT.sub(_ascii_digit, text)


def _ascii_digit(match: re.Match) -> str:
    value = unicodedata.decimal(match.group(), None)
    return match.group() if value is None else str(value)
