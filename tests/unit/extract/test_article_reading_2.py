"""Reading the article (issue 11, second session), on stories written for these tests: places
told inside another, namesakes abroad, what an attack left behind, reported days, protest
severity, crowds, groups named by their parent organisation, speakers and destinations."""

from __future__ import annotations

from datetime import date

from sitreps.extract import extract_article
from sitreps.extract.places import PlacePhrase, find_places, lies_within
from sitreps.model import Article, Mention

PUBLISHED = date(2024, 3, 13)  # a Wednesday


def _mentions(text, settings, resources, language="en", published=PUBLISHED):
    article = Article("s", "s", "s.txt", text, published=published, language=language)
    return [m for m in extract_article(article, settings, resources) if isinstance(m, Mention)]


def _phrase(sentence: str, name: str) -> PlacePhrase:
    start = sentence.index(name)
    return PlacePhrase(start, start + len(name), name, "", "populated", 1.0)


# ---- places inside places, namesakes abroad ------------------------------------------------------


def test_a_place_told_inside_another_lies_within_it():
    sentence = "Gunmen burned a school in Dalli in Bindawa Local Government Area of Katsina State on Monday."
    assert lies_within(sentence, _phrase(sentence, "Dalli"), _phrase(sentence, "Bindawa"))
    assert lies_within(sentence, _phrase(sentence, "Dalli"), _phrase(sentence, "Katsina State"))
    listed = "Gunmen attacked Dalli and Bindawa on Monday."
    assert not lies_within(listed, _phrase(listed, "Dalli"), _phrase(listed, "Bindawa"))
    moved = "Gunmen attacked Dalli in the morning before moving to Bindawa."
    assert not lies_within(moved, _phrase(moved, "Dalli"), _phrase(moved, "Bindawa"))


def test_a_village_in_an_area_named_before_is_that_event(settings, resources):
    text = (
        "Nine people were killed on Monday in an attack in the Gorang area, officials said.\n\n"
        "Police said the attackers struck a Tembe village in the Gorang area before dawn on Monday, where nine people died."
    )
    assert len(_mentions(text, settings, resources)) == 1


def test_a_namesake_abroad_set_in_a_unit_of_the_story_country_is_a_village_there(settings, resources):
    # "Djibo" is a Burkinabè town in the gazetteer; set in a Nigerian local government area and
    # state, it is a Nigerian village the gazetteer lacks.
    sentence = "Bandits raided the weekly market in Djibo in Gwoza Local Government Area of Borno State at night."
    places = find_places(sentence, resources.gazetteer, [], (), "NGA", frozenset())
    assert (places[0].text, places[0].qualifier) == ("Djibo", "unlisted")
    alone = "Gunmen attacked Djibo in the Sahel region on Monday."
    assert find_places(alone, resources.gazetteer, [], (), "BFA", frozenset())[0].qualifier == ""


def test_unit_words_of_local_government_areas_and_cercles(resources):
    units = resources.gazetteer.units_in("The clinic lies in Gwoza LGA, near the hills.", "NGA")
    assert [u.text for u in units] == ["Gwoza LGA"]
    assert units[0].candidates[0].place.country_iso3 == "NGA"


def test_where_people_fled_or_were_taken_is_not_the_event_place(settings, resources):
    text = "Gunmen killed eleven villagers in Seno on Sunday. The wounded were later evacuated by road to Dori."
    assert [m.place_text for m in _mentions(text, settings, resources)] == ["Seno"]


# ---- what an attack left behind, and the day it was told -----------------------------------------


def test_bodies_found_after_an_attack_are_that_attack(settings, resources):
    text = (
        "Gunmen killed dozens of villagers in Gaskindé on Saturday, officials said.\n\n"
        "By Sunday, rescuers had found 42 bodies in Gaskindé, and the toll may rise."
    )
    mentions = _mentions(text, settings, resources)
    assert [(m.sub_event_type, m.event_date) for m in mentions] == [("Attack", date(2024, 3, 9))]


def test_bodies_found_with_no_attack_told_stay_an_event_of_their_own(settings, resources):
    mentions = _mentions("Residents found twelve bodies in a well near Gaskindé on Monday.", settings, resources)
    assert [m.sub_event_type for m in mentions] == ["Other"]


def test_a_toll_reported_days_later_belongs_to_the_massacre_told(settings, resources):
    text = (
        "Soldiers shot dead about 30 herders at Gaskindé on February 20, a local official said.\n\n"
        "An aid group reported on Friday that the toll of the killings had doubled."
    )
    mentions = _mentions(text, settings, resources, published=date(2024, 3, 2))
    assert [(m.place_text, m.event_date) for m in mentions] == [("Gaskindé", date(2024, 2, 20))]


# ---- crowds -----------------------------------------------------------------------------------------


def test_a_protest_where_bricks_were_thrown_stays_a_riot(settings, resources):
    text = (
        "On Wednesday, rival youth wings paraded through Chittagong, and some hurled stones at one another.\n\n"
        "\"Young people held protests all over town,\" a shopkeeper said."
    )
    assert [m.sub_event_type for m in _mentions(text, settings, resources, published=date(2024, 7, 17))] == ["Violent demonstration"]


def test_houses_a_mob_set_on_fire_are_mob_violence(settings, resources):
    text = "An angry mob torched two shops in Kisumu late on Friday, police said."
    assert [m.sub_event_type for m in _mentions(text, settings, resources, published=date(2023, 6, 16))] == ["Mob violence"]


# ---- actors -----------------------------------------------------------------------------------------


def test_a_group_named_by_its_parent_organisation_is_the_same_side(settings, resources):
    text = (
        "Fighters of the Islamic State's West Africa Province overran an army post in Bosso on Sunday, killing 20 soldiers.\n\n"
        "The Islamic State group said on Tuesday that it had carried out the assault on the post in Niger."
    )
    mentions = _mentions(text, settings, resources, published=date(2019, 12, 12))
    assert len(mentions) == 1


def test_the_readings_of_a_shared_alias(resources):
    assert {"Islamic State (Sahel)", "Islamic State (West Africa)"} <= resources.actors.readings("the Islamic State group", "NER")
    assert resources.actors.readings("JNIM", "MLI") == frozenset({"JNIM: Group for Support of Islam and Muslims"})


def test_police_confirming_an_abduction_are_its_source_not_its_side(settings, resources):
    text = (
        "Armed men seized 25 pupils from a school in Dalli on Monday.\n\n"
        "State police confirmed the kidnapping of the 25 pupils in Dalli."
    )
    mentions = _mentions(text, settings, resources)
    assert len(mentions) == 1 and "police" not in (mentions[0].actor1_text or "").lower()


# ---- summaries, habits, the capital as its government --------------------------------------------


def test_a_summary_of_the_attacks_told_adds_no_event_and_no_toll(settings, resources):
    text = (
        "Jihadists attacked a passenger boat near Gaskindé on Thursday, killing 40 civilians.\n\n"
        "The same day, gunmen attacked the army camp in Arbinda, killing 12 soldiers.\n\n"
        "The attacks, in Gaskindé and Arbinda, left 52 people dead in all, the government said."
    )
    mentions = _mentions(text, settings, resources, published=date(2024, 3, 15))
    assert sorted((m.place_text, m.fatalities) for m in mentions) == [("Arbinda", 12), ("Gaskindé", 40)]


def test_a_state_long_subjected_to_abductions_tells_no_event(settings, resources):
    text = "The eastern province has long been plagued by kidnappings for ransom."
    assert _mentions(text, settings, resources) == []


def test_the_capital_named_as_the_government_is_not_the_event_place(settings, resources):
    sentence = "Gunmen kidnapped two aid workers in Tillabéri on Monday, the authorities of Niamey said."
    places = [p.text for p in find_places(sentence, resources.gazetteer, [], (), "NER", frozenset())]
    assert "Tillabéri" in places and "Niamey" not in places


def test_where_troops_advance_towards_is_not_the_event_place(settings, resources):
    sentence = "Troops seized Tessit after heavy fighting on Wednesday and are advancing towards the town of Ansongo."
    places = [p.text for p in find_places(sentence, resources.gazetteer, [], (), "MLI", frozenset())]
    assert "Tessit" in places and "Ansongo" not in places


def test_an_event_told_without_a_town_takes_the_town_named_around_it(settings, resources):
    text = (
        "The convoy had set off from Ansongo at dawn with fuel for the northern camps.\n\n"
        "Twenty soldiers were killed in a jihadist ambush in Mali on Sunday, the army said."
    )
    mentions = _mentions(text, settings, resources)
    assert [(m.place_text, m.place_qualifier) for m in mentions] == [("Ansongo", "near")]


def test_a_month_or_a_feast_is_no_place(settings, resources):
    sentence = "Gunmen attacked worshippers during the month of Ramadan in Tillabéri."
    assert [p.text for p in find_places(sentence, resources.gazetteer, [], (), "NER", frozenset())] == ["Tillabéri"]


# ---- one massacre told from two days; victims after "the lives of"; one side "from" a group ------


def test_one_toll_at_one_village_told_from_two_days_is_one_event(settings, resources):
    text = (
        "Eighty herders were shot dead last week in Dalabé, a village of the Mopti region, by soldiers, witnesses said.\n\n"
        "A rights group said 80 civilians were killed by soldiers in the village of Dalabé on 26 March."
    )
    mentions = _mentions(text, settings, resources, published=date(2024, 4, 5))
    assert len(mentions) == 1 and mentions[0].place_text == "Dalabé"


def test_soldiers_whose_lives_an_attack_claimed_are_its_target(settings, resources):
    text = "A jihadist attack near Gaskindé on Monday claimed the lives of 12 soldiers, the army said."
    assert [m.sub_event_type for m in _mentions(text, settings, resources)] == ["Armed clash"]


def test_mercenaries_from_a_group_are_one_side_with_the_army(settings, resources):
    text = "Several villagers were shot dead in Gaskindé on Monday by Malian troops and Russian instructors from Wagner."
    mentions = _mentions(text, settings, resources, published=date(2022, 3, 30))
    assert [(m.sub_event_type, m.actor2_text) for m in mentions] == [("Attack", "villagers")]
    assert "Wagner" in mentions[0].assoc_actor1_texts[-1]


def test_a_run_of_attacks_with_no_day_and_no_toll_is_no_event_per_town(settings, resources):
    text = "Last month, a series of attacks struck the villages of Tinfa, Kogou and Bossey, residents said."
    assert _mentions(text, settings, resources) == []


def test_meanwhile_turns_the_story_to_another_event(settings, resources):
    first = "Gunmen killed five villagers in Gaskindé on Monday, officials said.\n\n"
    assert len(_mentions(first + "Gunmen also killed three traders on Monday, residents said.", settings, resources)) == 1
    assert len(_mentions(first + "Meanwhile, gunmen killed three traders on Monday, residents said.", settings, resources)) == 2


def test_soldiers_killed_in_an_attack_are_its_target_and_cette_is_no_place(settings, resources):
    text = "The four soldiers killed in the attack near Gaskindé on Monday were escorting a convoy, the army said."
    mentions = _mentions(text, settings, resources)
    assert [m.sub_event_type for m in mentions] == ["Armed clash"]
    sentence = "Cette commune reste sous surveillance, selon le gouvernement de Niamey."
    assert [p.text for p in find_places(sentence, resources.gazetteer, [], (), "NER", frozenset())] == []


def test_a_people_before_villages_of_is_no_village(settings, resources):
    text = "Gunmen burned granaries on Saturday in the Malian villages of Tinfa and Kogou, officials said."
    mentions = _mentions(text, settings, resources)
    assert sorted(m.place_text for m in mentions) == ["Kogou", "Tinfa"]
