"""extract_article on small English and French stories written for these tests.

Publication date: Wednesday 13 March 2024, so "on Monday" / "lundi" is 11 March 2024.
"""

from __future__ import annotations

from datetime import date

import pytest

from sitreps.extract import extract_article
from sitreps.model import Article, Mention, Rejected

PUBLISHED = date(2024, 3, 13)  # a Wednesday
MONDAY = date(2024, 3, 11)


def _article(text, language="en", published=PUBLISHED, title=None, article_id="story-1"):
    return Article(
        article_id=article_id,
        document_id=article_id,
        path=f"{article_id}.txt",
        text=text,
        title=title,
        published=published,
        language=language,
    )


def _extract(text, settings, resources, **kwargs):
    out = extract_article(_article(text, **kwargs), settings, resources)
    mentions = [x for x in out if isinstance(x, Mention)]
    rejected = [x for x in out if isinstance(x, Rejected)]
    return mentions, rejected


ONE_EVENT = [
    ("en", "Gunmen killed five villagers in Gaskindé on Monday.", "Monday"),
    ("fr", "Des hommes armés ont tué cinq civils à Gaskindé lundi.", "lundi"),
]


@pytest.mark.parametrize("language, text, date_text", ONE_EVENT)
def test_extract_article_one_event_sentence_gives_one_mention(settings, resources, language, text, date_text):
    mentions, rejected = _extract(text, settings, resources, language=language)
    assert len(mentions) == 1 and not rejected
    mention = mentions[0]
    assert mention.event_date == MONDAY
    assert mention.time_precision == 1
    assert mention.date_text == date_text
    assert mention.place_text == "Gaskindé"
    assert mention.fatalities == 5
    assert mention.sub_event_type == "Attack"


@pytest.mark.parametrize("language, text, date_text", ONE_EVENT)
def test_extract_article_mention_carries_article_fields(settings, resources, language, text, date_text):
    (mention,) = _extract(text, settings, resources, language=language)[0]
    assert mention.mention_id == "story-1#m0"
    assert (mention.article_id, mention.document_id, mention.path) == ("story-1", "story-1", "story-1.txt")
    assert mention.published == PUBLISHED
    assert mention.language == language
    assert text[mention.evidence_span[0] : mention.evidence_span[1]] == mention.evidence


@pytest.mark.parametrize(
    "language, first, follow_up",
    [
        ("en", "Gunmen killed five villagers in Gaskindé on Monday.", "The attack also wounded 20 people."),
        ("fr", "Des hommes armés ont tué cinq civils à Gaskindé lundi.", "L'attaque a aussi fait vingt blessés."),
    ],
)
def test_extract_article_follow_up_sentence_adds_to_the_same_mention(settings, resources, language, first, follow_up):
    mentions, _ = _extract(f"{first} {follow_up}", settings, resources, language=language)
    assert len(mentions) == 1
    assert first in mentions[0].evidence and follow_up in mentions[0].evidence
    assert mentions[0].fatalities == 5


@pytest.mark.parametrize(
    "language, text, places, dates",
    [
        (
            "en",
            "Gunmen killed five villagers in Gaskindé on Monday.\n\n"
            "On Thursday, soldiers clashed with JNIM fighters in Kidal.",
            ["Gaskindé", "Kidal"],
            [MONDAY, date(2024, 3, 7)],
        ),
        (
            "fr",
            "Des hommes armés ont tué cinq civils à Gaskindé lundi.\n\n"
            "Jeudi, des soldats ont affronté des combattants du JNIM à Kidal.",
            ["Gaskindé", "Kidal"],
            [MONDAY, date(2024, 3, 7)],
        ),
    ],
)
def test_extract_article_two_events_give_two_mentions(settings, resources, language, text, places, dates):
    mentions, _ = _extract(text, settings, resources, language=language)
    assert [m.place_text for m in mentions] == places
    assert [m.event_date for m in mentions] == dates
    assert [m.mention_id for m in mentions] == ["story-1#m0", "story-1#m1"]


@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "More than 6,000 people were killed in the region last year."),
        ("fr", "Plus de 6 000 personnes ont été tuées dans la région l'an dernier."),
    ],
)
def test_extract_article_period_statistic_is_rejected_not_event(settings, resources, language, text):
    mentions, rejected = _extract(text, settings, resources, language=language)
    assert mentions == []
    assert [r.reason for r in rejected] == ["not_event"]
    assert rejected[0].stage == "extract"


@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "JNIM threatened to attack Kayes."),
        ("fr", "Le JNIM a menacé d'attaquer Kayes."),
    ],
)
def test_extract_article_hypothetical_gives_no_mention(settings, resources, language, text):
    mentions, rejected = _extract(text, settings, resources, language=language)
    assert mentions == []
    assert [r.reason for r in rejected] == ["not_event"]


@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "Gunmen killed five villagers in Gaskindé."),
        ("fr", "Des hommes armés ont tué cinq civils à Gaskindé."),
    ],
)
def test_extract_article_no_published_and_no_date_keeps_the_event_undated(settings, resources, language, text):
    # A page without a date still yields its event: the date stays null, never the run day.
    mentions, _ = _extract(text, settings, resources, language=language, published=None)
    assert [(m.place_text, m.event_date, m.time_precision) for m in mentions] == [("Gaskindé", None, None)]


@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "Gunmen attacked the village of Gaskindé on Monday."),
        ("fr", "Des hommes armés ont attaqué le village de Gaskindé lundi."),
    ],
)
def test_extract_article_relative_day_without_published_keeps_the_event_undated(settings, resources, language, text):
    # "On Monday" needs an anchor the page does not give: the event is kept, its date null.
    mentions, _ = _extract(text, settings, resources, language=language, published=None)
    assert [(m.place_text, m.event_date) for m in mentions] == [("Gaskindé", None)]


@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "Gunmen killed five villagers in Gaskindé in March 2024."),
        ("en", "Gunmen attacked the village of Gaskindé in March 2024."),
        ("fr", "Des hommes armés ont tué cinq civils à Gaskindé en mars 2024."),
    ],
)
def test_extract_article_month_without_published_has_precision_3(settings, resources, language, text):
    mentions, _ = _extract(text, settings, resources, language=language, published=None)
    assert len(mentions) == 1
    assert mentions[0].time_precision == 3
    assert mentions[0].event_date == date(2024, 3, 15)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed five villagers in Gaskindé in March 2024.",
        "Gunmen killed five villagers in Gaskindé on 12 March 2024.",
    ],
)
def test_extract_article_month_name_is_not_a_protest_march(settings, resources, text):
    (mention,) = _extract(text, settings, resources)[0]
    assert mention.sub_event_type == "Attack"


@pytest.mark.parametrize(
    "language, title, text",
    [
        (
            "en",
            "Cup final: Djibo stun the champions",
            "The striker scored twice as the home side launched a deadly counter-attack in the league "
            "match on Monday. The coach praised the goalkeeper after the final whistle at the stadium.",
        ),
        (
            "fr",
            "Coupe nationale : Djibo bat le champion",
            "Le buteur a marqué deux buts lundi et l'équipe a mené une attaque meurtrière en fin de match. "
            "L'entraîneur a salué le gardien de but au stade après la finale du championnat.",
        ),
    ],
)
def test_extract_article_sport_story_gives_no_mention(settings, resources, language, title, text):
    mentions, rejected = _extract(text, settings, resources, language=language, title=title)
    assert mentions == []
    assert [r.reason for r in rejected] == ["not_event"]


@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "Gunmen killed five villagers in Gaskindé on Monday. JNIM claimed the attack."),
        ("en", "Gunmen killed five villagers in Gaskindé on Monday. JNIM claimed responsibility for the attack."),
        ("fr", "Des hommes armés ont tué cinq civils à Gaskindé lundi. Le JNIM a revendiqué l'attaque."),
    ],
)
def test_extract_article_claim_keeps_one_mention(settings, resources, language, text):
    mentions, _ = _extract(text, settings, resources, language=language)
    assert len(mentions) == 1
    assert "JNIM" in mentions[0].evidence


@pytest.mark.parametrize(
    "language, text",
    [
        pytest.param(
            "en", "Gunmen killed five villagers in Gaskindé on Monday. JNIM claimed the attack."
        ),
        pytest.param(
            "en",
            "Gunmen killed five villagers in Gaskindé on Monday. JNIM claimed responsibility for the attack.",
        ),
        ("fr", "Des hommes armés ont tué cinq civils à Gaskindé lundi. Le JNIM a revendiqué l'attaque."),
    ],
)
def test_extract_article_claim_names_the_perpetrator(settings, resources, language, text):
    (mention,) = _extract(text, settings, resources, language=language)[0]
    assert mention.actor1_text == "JNIM"


@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "The president met the visiting delegation in Bamako on Monday."),
        ("fr", "Le président a reçu la délégation à Bamako lundi."),
    ],
)
def test_extract_article_story_without_event_gives_nothing(settings, resources, language, text):
    assert extract_article(_article(text, language=language), settings, resources) == []


@pytest.mark.parametrize("language, text, date_text", ONE_EVENT)
def test_extract_article_is_deterministic(settings, resources, language, text, date_text):
    article = _article(text, language=language)
    assert extract_article(article, settings, resources) == extract_article(article, settings, resources)
