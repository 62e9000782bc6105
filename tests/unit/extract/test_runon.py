"""Run-on sentences (no full stop for tens of kilobytes) are read in time linear in their length:
they are cut into pieces at clause boundaries, and the toll reader never scans a long stretch."""

from __future__ import annotations

import random
import time
from datetime import date

import pytest

from sitreps import extract
from sitreps.extract.fatalities import count_fatalities
from sitreps.extract.sentences import MAX_SENTENCE_CHARS, split_sentences
from sitreps.model import Article

_WORDS = (
    "gunmen killed villagers in Djibo and soldiers attacked the market while residents said that armed men burned "
    "houses near Mopti on Sunday and 12 people died, then the army responded with strikes, according to sources"
).split()


def run_on(chars: int, seed: int = 1) -> str:
    pick = random.Random(seed).choice
    words, size = [], 0
    while size < chars:
        words.append(pick(_WORDS))
        size += len(words[-1]) + 1
    return " ".join(words)


def test_split_sentences_cuts_a_run_on_after_commas():
    text = run_on(20_000)
    pieces = split_sentences(text)
    assert len(pieces) >= 20_000 // MAX_SENTENCE_CHARS
    assert all(len(p.text) <= MAX_SENTENCE_CHARS and text[p.start : p.end] == p.text for p in pieces)
    assert all(p.text.endswith(",") for p in pieces[:-1])


def test_split_sentences_cuts_text_without_spaces_at_the_limit():
    pieces = split_sentences("x" * (3 * MAX_SENTENCE_CHARS + 5))
    assert [len(p.text) for p in pieces] == [MAX_SENTENCE_CHARS] * 3 + [5]


def test_split_sentences_keeps_a_long_real_sentence_whole():
    sentence = "Gunmen attacked " + ", ".join(f"the village of Place{i}" for i in range(80)) + " on Monday."
    assert len(sentence) < MAX_SENTENCE_CHARS
    assert [p.text for p in split_sentences(sentence)] == [sentence]


def test_split_sentences_is_linear_after_many_abbreviations():
    text = "Gen. " * 40_000  # every full stop follows an abbreviation: no sentence ends
    started = time.perf_counter()
    pieces = split_sentences(text)
    assert time.perf_counter() - started < 5 and all(len(p.text) <= MAX_SENTENCE_CHARS for p in pieces)


def test_count_fatalities_on_a_huge_sentence_is_fast(resources):
    # Quadratic before: ~2.6 s at 30,000 characters, minutes at 200,000.
    started = time.perf_counter()
    count_fatalities(run_on(200_000), "en", resources.number_rules)
    assert time.perf_counter() - started < 10


@pytest.mark.parametrize("chars", [30_000])
def test_extract_article_reads_a_run_on_in_seconds(settings, resources, chars):
    # Before: 5 s for 30,000 characters and 100 s for 100,000; now about 1 s and 4 s.
    article = Article("r", "r", "r.txt", run_on(chars), published=date(2024, 3, 5), language="en")
    started = time.perf_counter()
    found = extract.extract_article(article, settings, resources)
    assert found and time.perf_counter() - started < 20
