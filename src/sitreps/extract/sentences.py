"""Cheap sentence splitting with character offsets.

spaCy's parser is the slowest part of its pipeline, and most sentences of a news page carry no
event, so sentences are cut with a regular expression and only those with a trigger are parsed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that end with a period without ending the sentence (EN and FR news usage).
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt cpl pte st mt ft no vs etc jr sr gov sen rep
    cmdr adm brig mgr me mme mlle mm av bd approx est dept univ inc ltd co corp jan feb mar apr
    jun jul aug sep sept oct nov dec""".split()
)

# A sentence ends at . ! ? or an ellipsis, before whitespace and something that can open a sentence.
_BOUNDARY = re.compile(r"""(?<=[.!?…])((?:\s?["'»”’)])*)\s+(?=["'«“‘(]?[A-ZÀ-ÖØ-Þ0-9])""")
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*[-•*]\s)|\n")

# A "sentence" longer than this (a run-on without full stops, a table flattened into one line) is
# read in pieces cut at clause boundaries, so that every later pass works on bounded text and a
# document's cost stays linear in its length. The longest real news sentence seen is ~1,900 chars.
MAX_SENTENCE_CHARS = 2000
# Where a long sentence may be cut, best first: after a semicolon or colon, after a comma or a
# dash between words, then at any space.
_CLAUSE_ENDS = (re.compile(r"[;:]\s"), re.compile(r",\s|\s[-–—]\s"), re.compile(r"\s"))


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with offsets; a line break always ends a sentence."""
    sentences: list[Sentence] = []
    paragraph = 0
    position = 0
    for block in _PARAGRAPH.split(text):
        block_start = text.find(block, position)
        position = block_start + len(block)
        if not block.strip():
            continue
        cut = 0
        for boundary in _BOUNDARY.finditer(block):
            if _ends_with_abbreviation(block[cut : boundary.start()]):
                continue
            # Closing quotes belong to the sentence they close.
            _append(sentences, block, block_start, cut, boundary.end(1), paragraph)
            cut = boundary.end()
        _append(sentences, block, block_start, cut, len(block), paragraph)
        paragraph += 1
    return sentences


def _ends_with_abbreviation(chunk: str) -> bool:
    # Only the end of the chunk is read: after an abbreviation the chunk grows, and reading it
    # whole again at every full stop would be quadratic.
    tail = chunk[-80:].rstrip("\"'»”’) ")
    match = re.search(r"(\b[\w]+)\.$", tail)
    if not match or (match.start() == 0 and len(chunk) > 80):
        return False  # no word, or one that may begin before the tail: too long to be abbreviated
    word = match.group(1)
    # Single capitals are initials ("J. Smith"), dotted acronyms end in a capital ("U.S.").
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _append(out: list[Sentence], block: str, offset: int, start: int, end: int, paragraph: int) -> None:
    while end - start > MAX_SENTENCE_CHARS:
        cut = _clause_cut(block, start, start + MAX_SENTENCE_CHARS)
        _append_piece(out, block, offset, start, cut, paragraph)
        start = cut
    _append_piece(out, block, offset, start, end, paragraph)


def _clause_cut(block: str, start: int, limit: int) -> int:
    """Where to end a piece of an over-long sentence: after the last clause boundary before
    ``limit`` in the second half of the window, else at ``limit``."""
    floor = start + MAX_SENTENCE_CHARS // 2
    for boundary in _CLAUSE_ENDS:
        last = None
        for last in boundary.finditer(block, floor, limit):
            pass
        if last is not None:
            return last.end()
    return limit


def _append_piece(out: list[Sentence], block: str, offset: int, start: int, end: int, paragraph: int) -> None:
    piece = block[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    begin = offset + start + lead
    out.append(Sentence(begin, begin + len(stripped), stripped, paragraph))
