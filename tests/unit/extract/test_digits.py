"""Only ASCII digits are numbers: superscript, subscript and circled digits, and runs of digits
too long to be a count, are read as no number instead of crashing ``int()``."""

from __future__ import annotations

from datetime import date

import pytest

from sitreps import extract
from sitreps.extract.claims import read_claim
from sitreps.extract.fatalities import count_fatalities
from sitreps.extract.numbers import MAX_COUNT, digits_value, is_digits
from sitreps.model import Article, Mention


@pytest.mark.parametrize(
    "text, value",
    [("12", 12), ("007", 7), ("999999999", 999999999), ("1234567890", None), ("\u00b3", None), ("\u2460", None),
     ("\u2083", None), ("\u0663", None), ("1\u00b2", None), ("", None), ("12a", None), ("9" * 5000, None)],
)
def test_digits_value_reads_ascii_digit_runs_only(text, value):
    assert digits_value(text) == value


@pytest.mark.parametrize("text, digit", [("12", True), ("\u00b3", False), ("\u2460x", False), ("\uff11", False), ("", False)])
def test_is_digits_is_ascii_only(text, digit):
    assert is_digits(text) is digit


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("Gunmen killed 12\u00b3 villagers in Djibo.", 12),  # a footnote mark after the toll
        ("Gunmen killed \u00b3 villagers in Djibo.", 0),
        ("Gunmen killed \u2460 villagers in Djibo.", 0),
        ("Gunmen killed 1\u2083 villagers in Djibo.", 1),
        ("Gunmen killed 99999999999999999999 villagers in Djibo.", 0),
        ("Gunmen killed " + "9" * 5000 + " villagers in Djibo.", 0),
        ("Gunmen killed 99,999,999 villagers and 99,999,999 soldiers in Djibo.", MAX_COUNT),
        ("Gunmen killed 12 million villagers in Djibo.", 12_000_000),
        ("Gunmen killed 120 million villagers in Djibo.", MAX_COUNT),
    ],
)
def test_count_fatalities_survives_odd_digits_and_huge_numbers(resources, sentence, value):
    assert count_fatalities(sentence, "en", resources.number_rules).value == value


@pytest.mark.parametrize("count", ["\u00b2\u2070\u00b2\u2074", "1" * 5000, "99999999999999"])
def test_read_claim_skips_numbers_that_are_no_count(resources, count):
    article = Article("a", "a", "a.txt", "", published=date(2024, 3, 5), language="en")
    sentence = f"Armed groups killed {count} civilians in Burkina Faso over the past \u00b3 months."
    claim = read_claim(sentence, article, 0, None, resources.number_rules.for_language("en"), [])
    assert claim is None or claim.value <= 10**15


@pytest.mark.parametrize("digit", ["\u00b3", "\u2083", "\u2460", "\u00b2\u2070\u00b2\u2074"])
def test_extract_article_reads_sentences_with_odd_digits(settings, resources, digit):
    text = f"Gunmen killed 1{digit} villagers in Djibo, Burkina Faso, on {digit} March 2024, residents said. It was {digit} weeks after JNIM seized the town."
    article = Article("a", "a", "a.txt", text, published=date(2024, 3, 5), language="en")
    mentions = [m for m in extract.run([article], settings, resources) if isinstance(m, Mention)]
    assert mentions and mentions[0].fatalities == 1
