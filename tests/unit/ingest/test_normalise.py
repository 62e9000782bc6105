"""Text made safe at the edge: lone surrogates, zero-width characters, other scripts' digits."""

from __future__ import annotations

from datetime import date

import pytest

from sitreps import ingest
from sitreps.ingest.normalise import normalise_text, without_surrogates
from sitreps.model import Article


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("12 killed", "12 killed"),
        ("\u0661\u0662 killed", "12 killed"),  # Arabic-Indic
        ("\u0967\u0968 killed", "12 killed"),  # Devanagari
        ("\uff11\uff12 killed", "12 killed"),  # fullwidth
        ("1\u200b200 killed", "1200 killed"),
        ("Dji\u00adbo", "Djibo"),
        ("\ufeffGunmen", "Gunmen"),
        ("a\u200c\u200d\u2060b", "ab"),
        ("12\u00b3 killed", "12\u00b3 killed"),  # a superscript is a footnote mark, kept apart from 12
        ("\u2460 killed", "\u2460 killed"),  # circled one: a list bullet
        ("x\ud800y", "x\ufffdy"),
        ("Tillabéri 2024", "Tillabéri 2024"),
    ],
)
def test_normalise_text_cleans_each_class(raw, clean):
    assert normalise_text(raw) == clean


def test_without_surrogates_keeps_length_and_encodes():
    text = "\udfffa\ud800"
    cleaned = without_surrogates(text)
    assert len(cleaned) == len(text) and cleaned.encode("utf-8") == "\ufffda\ufffd".encode("utf-8")


@pytest.mark.parametrize(
    "digits",
    ["\u0661\u0662", "\uff11\uff12", "1\u200b2", "1\u20602", "\u0967\u0968"],
)
def test_from_text_reads_other_digits_as_the_same_toll(settings, resources, digits):
    text = (
        f"OUAGADOUGOU, 4 March 2024 - Gunmen killed {digits} villagers in Djibo on Sunday, residents said. "
        "The attackers fled on motorbikes."
    )
    [article] = ingest.from_text(text, published=date(2024, 3, 4), settings=settings, resources=resources)
    assert isinstance(article, Article) and "killed 12 villagers" in article.text


def test_from_text_keeps_superscript_apart_from_the_number(settings, resources):
    text = "Gunmen killed 12\u00b3 villagers in Djibo on Sunday, residents said, and burned the market stalls."
    [article] = ingest.from_text(text, published=date(2024, 3, 4), settings=settings, resources=resources)
    assert "12\u00b3" in article.text
