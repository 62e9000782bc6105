"""find_actor_phrases and assign_roles on written English and French event sentences.

The trigger offset is given by the trigger word written in each case, so these tests exercise
roles alone, not the classifier.
"""

from __future__ import annotations

import pytest

from sitreps.extract.roles import assign_roles, find_actor_phrases


def _roles(sentence, trigger, registry, country="BFA"):
    phrases = find_actor_phrases(sentence, registry, country)
    return assign_roles(sentence, phrases, sentence.index(trigger))


@pytest.mark.parametrize(
    "sentence, trigger, actor1, actor2",
    [
        ("Twelve civilians were killed by JNIM fighters near Djibo on Monday.", "killed", "JNIM", "civilians"),
        ("Five soldiers were ambushed by gunmen near Djibo.", "ambushed", "gunmen", "soldiers"),
        ("Douze civils ont été tués par des hommes armés près de Djibo.", "tués", "hommes armés", "civils"),
    ],
)
def test_assign_roles_passive_agent_is_actor1(registry, sentence, trigger, actor1, actor2):
    roles = _roles(sentence, trigger, registry)
    assert (roles.actor1, roles.actor2) == (actor1, actor2)


@pytest.mark.parametrize(
    "sentence, trigger, victim",
    [
        ("Nine soldiers were killed in an ambush near Djibo.", "killed", "soldiers"),
        ("Neuf soldats ont été tués dans une embuscade près de Djibo.", "tués", "soldats"),
        ("Gendarmes were attacked at their post in Djibo.", "attacked", "Gendarmes"),
    ],
)
def test_assign_roles_harmed_soldiers_are_actor2(registry, sentence, trigger, victim):
    roles = _roles(sentence, trigger, registry)
    assert roles.actor2 == victim
    assert roles.actor1 == ""


@pytest.mark.parametrize(
    "sentence, trigger, victim",
    [
        ("A military vehicle struck a landmine near Boni.", "landmine", "military"),
        ("Un véhicule militaire a sauté sur une mine près de Boni.", "mine", "militaire"),
    ],
)
def test_assign_roles_vehicle_hitting_a_mine_makes_its_owner_actor2(registry, sentence, trigger, victim):
    roles = _roles(sentence, trigger, registry)
    assert roles.actor2 == victim
    assert roles.actor1 == ""


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("Residents said the village was attacked at dawn.", "Residents"),
        ("Les habitants ont déclaré que le village a été attaqué.", "habitants"),
        ("Villagers told AFP the attack lasted two hours.", "Villagers"),
    ],
)
def test_find_actor_phrases_speaker_is_not_an_actor(registry, sentence, speaker):
    assert speaker not in [p.text for p in find_actor_phrases(sentence, registry, "BFA")]


@pytest.mark.parametrize(
    "sentence, trigger, actor1",
    [
        ("Residents said gunmen attacked the village.", "attacked", "gunmen"),
        ("Residents told AFP that soldiers attacked the village.", "attacked", "soldiers"),
    ],
)
def test_assign_roles_actor_after_a_speaker_is_kept(registry, sentence, trigger, actor1):
    assert _roles(sentence, trigger, registry).actor1 == actor1


@pytest.mark.parametrize(
    "sentence, trigger, actor1, assoc",
    [
        ("Soldiers backed by Wagner attacked a JNIM camp near Boni.", "attacked", "Soldiers", "Wagner"),
        ("Malian soldiers backed by Wagner killed ten jihadists near Boni.", "killed", "Malian soldiers", "Wagner"),
        ("Des soldats appuyés par Wagner ont attaqué un camp du JNIM.", "attaqué", "soldats", "Wagner"),
    ],
)
def test_assign_roles_backed_by_is_assoc(registry, sentence, trigger, actor1, assoc):
    roles = _roles(sentence, trigger, registry, "MLI")
    assert roles.actor1 == actor1
    assert assoc in roles.assoc1


@pytest.mark.parametrize(
    "sentence, trigger, actor1, assoc",
    [
        ("Soldiers and VDP fighters clashed with JNIM near Djibo.", "clashed", "Soldiers", "VDP"),
        ("Les soldats aux côtés des VDP ont affronté le JNIM près de Djibo.", "affronté", "soldats", "VDP"),
    ],
)
def test_assign_roles_joined_actors_are_assoc(registry, sentence, trigger, actor1, assoc):
    roles = _roles(sentence, trigger, registry)
    assert roles.actor1 == actor1
    assert assoc in roles.assoc1
    assert roles.actor2 == "JNIM"


@pytest.mark.parametrize(
    "sentence, trigger, actor1, actor2",
    [
        ("JNIM fighters attacked soldiers near Djibo.", "attacked", "JNIM", "soldiers"),
        ("Soldiers clashed with jihadists near Djibo.", "clashed", "Soldiers", "jihadists"),
        ("Des jihadistes ont attaqué des soldats près de Djibo.", "attaqué", "jihadistes", "soldats"),
    ],
)
def test_assign_roles_armed_actor_before_trigger_acts_on_the_one_after(registry, sentence, trigger, actor1, actor2):
    roles = _roles(sentence, trigger, registry)
    assert (roles.actor1, roles.actor2) == (actor1, actor2)


@pytest.mark.parametrize(
    "sentence, trigger",
    [
        ("Villagers attacked by gunmen fled to Djibo.", "attacked"),
        ("Civilians killed two gunmen near Djibo.", "killed"),
    ],
)
def test_assign_roles_civilians_are_never_actor1(registry, sentence, trigger):
    roles = _roles(sentence, trigger, registry)
    assert roles.actor1_type != "Civilians"


@pytest.mark.parametrize("sentence", ["The bridge was destroyed on Monday.", "Le pont a été détruit lundi."])
def test_assign_roles_no_actor_phrases_give_empty_roles(registry, sentence):
    roles = _roles(sentence, sentence.split()[3], registry)
    assert (roles.actor1, roles.actor2, roles.assoc1, roles.assoc2) == ("", "", (), ())
