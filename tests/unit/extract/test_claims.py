"""Period statistics read as claims, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from sitreps.extract.claims import read_claim
from sitreps.model import Article

PUBLISHED = date(2024, 6, 1)


def _claim(text: str, language: str = "en"):
    article = Article(article_id="a", document_id="a", path="a.txt", text=text, title=None, published=PUBLISHED, language=language)
    return read_claim(text, article, 3, None)


@pytest.mark.parametrize(
    "text, measure, value, qualifier, start, end",
    [
        ("More than 1,200 people were killed by armed groups in Burkina Faso in 2023.", "deaths", 1200, "more than", date(2023, 1, 1), date(2023, 12, 31)),
        ("Au moins 300 civils ont été tués par des jihadistes dans la région de Mopti l'an dernier.", "deaths", 300, "au moins", date(2023, 1, 1), date(2023, 12, 31)),
        ("Some 2 million people have been displaced since 2019.", "displaced", 2_000_000, "some", date(2019, 1, 1), PUBLISHED),
        ("Monitors recorded 340 attacks in the region over the past six months.", "events", 340, "", date(2023, 12, 4), PUBLISHED),
        ("Plus de 150 personnes ont été enlevées depuis le début de l'année.", "abductions", 150, "plus de", date(2024, 1, 1), PUBLISHED),
    ],
)
def test_a_period_statistic_reads_as_a_claim(text, measure, value, qualifier, start, end):
    claim = _claim(text, "fr" if " ont " in text else "en")
    assert (claim.measure, claim.value, claim.qualifier, claim.period_start, claim.period_end) == (measure, value, qualifier, start, end)
    assert claim.claim_id == "a#c3" and claim.evidence == text


@pytest.mark.parametrize(
    "text, subject",
    [
        ("More than 1,200 people were killed by armed groups in Burkina Faso in 2023.", "armed groups"),
        ("Armed groups killed about 1,200 civilians in 2023.", "Armed groups"),
        ("About 900 deaths in 2023, according to figures compiled by conflict monitors.", ""),
    ],
)
def test_the_subject_is_who_did_it_not_who_counted(text, subject):
    assert _claim(text).subject_text == subject


def test_the_relative_period_near_the_number_beats_a_year_told_as_history():
    claim = _claim("More than 6,000 people were killed last year, the highest toll since the crisis began in 2012.")
    assert (claim.period_start, claim.period_end) == (date(2023, 1, 1), date(2023, 12, 31))


def test_a_year_is_not_a_count():
    assert _claim("The insurgency that began in 2012 has spread south.") is None
