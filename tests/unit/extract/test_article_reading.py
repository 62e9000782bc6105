"""Reading the article, not the sentence (issue 11), on stories written for these tests: event
frames, several events in one sentence, page dates, places in the story's context, tolls."""

from __future__ import annotations

from datetime import date

import pytest

from sitreps.extract import extract_article
from sitreps.model import Article, Mention

PUBLISHED = date(2024, 3, 13)  # a Wednesday


def _mentions(text, settings, resources, language="en", published=PUBLISHED, month=None):
    article = Article("s", "s", "s.txt", text, published=published, published_month=month, language=language)
    return [m for m in extract_article(article, settings, resources) if isinstance(m, Mention)]


# ---- event frames ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "language, text",
    [
        (
            "en",
            "Gunmen killed seven villagers in Gaskindé on Monday, local officials said.\n\n"
            "The governor of the region condemned the attack and announced an investigation.\n\n"
            "\"They came on motorbikes and fired at everyone,\" a survivor said.\n\n"
            "Among the dead were three women, residents said.",
        ),
        (
            "fr",
            "Des hommes armés ont tué sept villageois lundi à Gaskindé, selon des élus locaux.\n\n"
            "Le gouverneur a condamné l'attaque et annoncé une enquête.\n\n"
            "« Ils sont arrivés à moto et ont tiré sur tout le monde », a raconté un survivant.",
        ),
    ],
)
def test_frame_one_incident_told_many_times_is_one_mention(settings, resources, language, text):
    mentions = _mentions(text, settings, resources, language)
    assert [(m.place_text, m.event_date, m.fatalities) for m in mentions] == [("Gaskindé", date(2024, 3, 11), 7)]


def test_frame_another_actor_pair_on_the_same_day_is_another_event(settings, resources):
    text = (
        "Gunmen killed two village chiefs in Gaskindé on Monday.\n\n"
        "Soldiers later killed five of the gunmen in a clash near the village, the army said."
    )
    mentions = _mentions(text, settings, resources)
    assert sorted(m.sub_event_type for m in mentions) == ["Armed clash", "Attack"]


def test_frame_another_town_the_same_day_is_another_event(settings, resources):
    text = "Gunmen killed four herders in Gaskindé on Monday.\n\nThe same day, gunmen killed three traders in Arbinda."
    assert sorted(m.place_text for m in _mentions(text, settings, resources)) == ["Arbinda", "Gaskindé"]


def test_frame_a_town_taken_and_retaken_are_two_events(settings, resources):
    text = (
        "JNIM fighters seized Hombori on 1 March 2024 after overrunning the army camp.\n\n"
        "On 8 March 2024, Malian troops retook Hombori, the army said."
    )
    types = {m.sub_event_type: m.event_date for m in _mentions(text, settings, resources)}
    assert types == {"Non-state actor overtakes territory": date(2024, 3, 1), "Government regains territory": date(2024, 3, 8)}


def test_frame_a_background_month_is_another_event_than_the_news(settings, resources):
    text = "Gunmen killed six people in Gaskindé on Monday.\n\nIn January, gunmen killed four people in Gaskindé."
    dates = sorted((m.event_date, m.time_precision) for m in _mentions(text, settings, resources))
    assert dates == [(date(2024, 1, 15), 3), (date(2024, 3, 11), 1)]


def test_frame_a_revised_toll_replaces_the_first_a_restatement_does_not(settings, resources):
    revised = "Gunmen killed five people in Gaskindé on Monday.\n\nThe death toll from the attack rose to 12 on Tuesday."
    restated = "Gunmen killed five people in Gaskindé on Monday.\n\nThe attack left 3 dead in one family alone."
    assert [m.fatalities for m in _mentions(revised, settings, resources)] == [12]
    assert [m.fatalities for m in _mentions(restated, settings, resources)] == [5]


def test_frame_a_later_sentence_places_an_unplaced_lede(settings, resources):
    text = "Gunmen killed nine civilians in northern Burkina Faso on Monday.\n\nThe attack took place in Gaskindé, residents said."
    assert [m.place_text for m in _mentions(text, settings, resources)] == ["Gaskindé"]


# ---- several events in one sentence ---------------------------------------------------------


def test_several_villages_named_as_attacked_are_one_event_each(settings, resources):
    text = "Jihadists attacked the villages of Gaskindé, Arbinda and Kelbo on Sunday, killing dozens of people."
    mentions = _mentions(text, settings, resources)
    assert sorted(m.place_text for m in mentions) == ["Arbinda", "Gaskindé", "Kelbo"]
    assert all(m.fatalities == 0 for m in mentions)  # a combined toll goes to no single village


def test_several_each_village_keeps_its_own_toll(settings, resources):
    text = "Gunmen killed nine people on Sunday: six in Gaskindé and three in Kelbo."
    assert sorted((m.place_text, m.fatalities) for m in _mentions(text, settings, resources)) == [("Gaskindé", 6), ("Kelbo", 3)]


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers were ambushed on the road between Ouallam and Simiri on Monday.",
        "Police arrested three suspects in Garissa, Wajir and Mandera counties on Monday.",
    ],
)
def test_several_a_route_or_an_area_is_one_event(settings, resources, text):
    assert len(_mentions(text, settings, resources)) == 1


# ---- dates of pages and of events ---------------------------------------------------------------


def test_dating_a_page_without_a_date_keeps_its_event_undated(settings, resources):
    mentions = _mentions("Gunmen killed five villagers in Gaskindé on Monday.", settings, resources, published=None)
    assert [(m.event_date, m.time_precision) for m in mentions] == [(None, None)]


def test_dating_a_date_the_text_gives_anchors_its_weekdays(settings, resources):
    # A photo caption dated Tuesday 18 July; "Thursday" is the nearest Thursday, two days later.
    text = "A soldier patrols Djibo on July 18, 2023.\n\nGunmen killed four soldiers in Djibo on Thursday."
    dates = {m.event_date for m in _mentions(text, settings, resources, published=None)}
    assert date(2023, 7, 20) in dates


def test_dating_a_weekday_and_day_date_an_undated_page_and_its_weekdays(settings, resources):
    # 17 January was a Saturday in 2015 (and 2026, after the page was fetched).
    text = (
        "À Zinder, des émeutiers ont saccagé le marché samedi 17 janvier et incendié deux entrepôts.\n\n"
        "Dimanche matin, la police a dispersé à coups de gaz lacrymogène une marche de l'opposition à Niamey."
    )
    article = Article("s", "s", "s.txt", text, language="fr", retrieved=date(2025, 12, 1))
    mentions = [m for m in extract_article(article, settings, resources) if isinstance(m, Mention)]
    assert sorted((m.place_text, m.event_date) for m in mentions) == [("Niamey", date(2015, 1, 18)), ("Zinder", date(2015, 1, 17))]


def test_dating_a_month_only_page_fixes_weekdays_to_the_month(settings, resources):
    mentions = _mentions("Gunmen killed five villagers in Gaskindé on Thursday.", settings, resources, published=None, month=date(2023, 2, 1))
    assert [(m.event_date, m.time_precision) for m in mentions] == [(date(2023, 2, 15), 3)]


def test_dating_an_embedded_post_in_english_dates_a_french_page(settings, resources):
    text = (
        "L'attaque du camp militaire de Djibo a fait douze morts mardi soir, selon un bilan officiel.\n\n"
        "— Présidence (@Presidence) December 11, 2019"
    )
    assert [m.event_date for m in _mentions(text, settings, resources, "fr", published=None)] == [date(2019, 12, 10)]


def test_dating_a_date_inside_a_name_is_no_date(settings, resources):
    text = "Les rebelles du Mouvement du 23 mars se sont emparés mardi de la ville de Bunagana."
    assert [m.event_date for m in _mentions(text, settings, resources, "fr")] == [date(2024, 3, 12)]


def test_dating_the_day_an_event_was_reported_dates_it_when_nothing_else_does(settings, resources):
    text = "Militants said on Monday that they had taken control of Kidal."
    assert [(m.event_date, m.time_precision) for m in _mentions(text, settings, resources)] == [(date(2024, 3, 11), 2)]


# ---- places and countries in the story's context ------------------------------------------------


def test_context_a_peoples_name_is_no_place(settings, resources):
    text = "Jihadists killed three Russian soldiers in an ambush near Kidal on Monday."
    mentions = _mentions(text, settings, resources)
    assert [(m.place_text, m.country_hint) for m in mentions] == [("Kidal", "MLI")]


def test_context_a_country_named_as_a_speaker_is_no_place(settings, resources):
    text = (
        "Gunmen abducted an aid worker in Agadez, Niger, on Monday.\n\n"
        "Austria's foreign ministry said it had been informed of the kidnapping."
    )
    assert {m.country_hint for m in _mentions(text, settings, resources)} == {"NER"}


def test_context_the_dateline_city_is_not_the_event_place(settings, resources):
    text = "BAMAKO, March 12 (Reuters) - Gunmen killed eight villagers in Gaskindé on Monday, officials said."
    assert [m.place_text for m in _mentions(text, settings, resources)] == ["Gaskindé"]


def test_context_a_place_beside_the_event_is_not_its_place(settings, resources):
    text = "Gunmen killed eight villagers near the border with Niger on Monday, in the Soum province."
    assert "Niger" not in [m.place_text for m in _mentions(text, settings, resources)]


def test_context_an_affiliate_named_by_its_group_is_that_group(settings, resources):
    text = "Des terroristes affiliés à Daesh ont tué dix fidèles dans une mosquée à Tillabéri lundi."
    mentions = _mentions(text, settings, resources, "fr")
    assert [m.actor1_text for m in mentions] == ["Daesh"]


def test_context_a_cue_matches_a_word_written_without_its_accents(settings, resources):
    text = "L'armee tchadienne a ete attaquee dans la nuit de mercredi a Ngouboua, selon une source militaire."
    assert len(_mentions(text, settings, resources, "fr")) == 1
