"""Period statistics read as claims, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from sitreps import ingest, pipeline
from sitreps.extract.claims import claim_id, read_claim
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
    assert claim.claim_id == claim_id("a", 3) and claim.claim_id.startswith("SC") and len(claim.claim_id) == 12
    assert claim.evidence == text


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


@pytest.mark.parametrize(
    "text, language, value",
    [
        ("Forty people were killed in attacks in the region over the past three months.", "en", 40),
        ("Some eighty-five soldiers have been killed since January.", "en", 85),
        ("Quarante-deux civils ont été tués dans des attaques depuis janvier.", "fr", 42),
    ],
)
def test_a_spelled_out_count_reads_when_the_number_words_are_given(resources, text, language, value):
    article = Article(article_id="a", document_id="a", path="a.txt", text=text, title=None, published=PUBLISHED, language=language)
    claim = read_claim(text, article, 0, None, resources.number_rules.for_language(language))
    assert (claim.measure, claim.value) == ("deaths", value)
    assert read_claim(text, article, 0, None) is None  # digits only without them


def test_the_measure_is_the_word_nearest_the_number():
    # "attacks" follows too, but "killed" is what the forty were.
    assert _claim("Jihadists say 40 people were killed in attacks over the past three months.").measure == "deaths"


def test_a_passive_subject_is_the_victims_not_the_perpetrator():
    assert _claim("More than 300 Malian soldiers were killed in 2023.").subject_text == ""


def _claims_of(resources, settings, text: str):
    articles = ingest.from_text(text, settings=settings, resources=resources)
    return pipeline.process_articles(articles, settings, resources)


@pytest.mark.parametrize(
    "sentence",
    [
        "Jihadist attacks killed 40 civilians in the Centre-Nord region last month, according to a local rights group.",
        "Some 85 soldiers have been killed by JNIM in Mali since January, according to a monitoring group.",
        "Des attaques jihadistes ont fait 40 morts dans la région du Centre-Nord le mois dernier, selon une ONG.",
    ],
)
def test_small_counts_over_a_period_are_claims_not_events(resources, settings, sentence):
    result = _claims_of(resources, settings, f"Published 2024-03-20\n\n{sentence}")
    assert result.events == [] and len(result.claims) == 1
    assert result.claims[0].value in (40, 85)


def test_a_month_precise_single_attack_with_a_small_toll_stays_an_event(resources, settings):
    result = _claims_of(resources, settings, "Published 2024-03-20\n\nGunmen killed 12 villagers in an attack on Djibo last month, residents said.")
    assert len(result.events) == 1 and result.claims == []


def test_the_area_is_the_one_named_nearest_the_number(resources, settings):
    text = "Published 2024-03-20\n\nMore than 2,000 people were killed in the central Sahel in 2023, the UN said, most of them in Burkina Faso."
    [claim] = _claims_of(resources, settings, text).claims
    assert (claim.area, claim.iso3) == ("central Sahel", "BFA;MLI;NER")


def test_the_subject_is_found_by_any_alias_of_a_named_group(resources, settings):
    text = "Published 2024-03-20\n\nThe Islamic State in the Greater Sahara killed more than 900 civilians in Niger since 2021, according to a monitoring group."
    [claim] = _claims_of(resources, settings, text).claims
    assert claim.subject_actor == "Islamic State (Sahel)" and claim.iso3 == "NER"
