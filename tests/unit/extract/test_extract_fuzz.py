"""Property-based tests: extract's entry points and its number and date readers take hostile text
(every kind of Unicode digit, lone surrogates, zero-width characters, huge numbers) without
raising, and what they return stays in range. See tests/unit/hostile.py."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hostile import FUZZ, hostile_text, languages, published  # noqa: E402

from sitreps import extract  # noqa: E402
from sitreps.extract.dates import find_dates  # noqa: E402
from sitreps.extract.fatalities import count_fatalities  # noqa: E402
from sitreps.extract.numbers import MAX_COUNT, spelled_numbers, tokenise  # noqa: E402
from sitreps.extract.sentences import MAX_SENTENCE_CHARS, split_sentences  # noqa: E402
from sitreps.model import Article, Claim, Mention, Rejected  # noqa: E402


@FUZZ
@given(text=hostile_text, title=hostile_text, language=languages, when=published)
def test_extract_article_never_raises(settings, resources, text, title, language, when):
    article = Article(article_id="a", document_id="a", path="a.txt", text=text, title=title, published=when, language=language)
    found = list(extract.run([article], settings, resources))
    for item in found:
        assert isinstance(item, (Mention, Claim, Rejected))
        if isinstance(item, Mention):
            assert 0 <= item.fatalities <= MAX_COUNT
            item.evidence.encode("utf-8")


@FUZZ
@given(text=hostile_text, language=languages)
def test_count_fatalities_never_raises_and_stays_a_count(resources, text, language):
    count = count_fatalities(text, language, resources.number_rules)
    assert 0 <= count.value <= MAX_COUNT
    for bound in (count.low, count.high):
        assert bound is None or 0 <= bound


@FUZZ
@given(text=hostile_text, language=languages)
def test_spelled_numbers_never_raises(resources, text, language):
    words = resources.number_rules.for_language(language)
    for start, end, value in spelled_numbers(text, words):
        assert 0 <= start < end <= len(text) and 0 <= value <= MAX_COUNT
    assert all(token.text for token in tokenise(text))


@FUZZ
@given(text=hostile_text, language=languages, anchor=published)
def test_find_dates_never_raises(resources, text, language, anchor):
    for found in find_dates(text, anchor, language, resources.date_rules):
        assert found.precision in (1, 2, 3)
        assert text[found.start : found.end] == found.text


@FUZZ
@given(text=hostile_text, repeat=hostile_text.map(lambda t: t * 200))
def test_split_sentences_bounds_every_piece_and_keeps_offsets(text, repeat):
    whole = text + repeat
    for sentence in split_sentences(whole):
        assert 0 < len(sentence.text) <= MAX_SENTENCE_CHARS
        assert whole[sentence.start : sentence.end] == sentence.text
