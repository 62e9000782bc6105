"""find_claimant on written English and French sentences."""

from __future__ import annotations

import pytest

from sitreps.extract.claimant import find_claimant


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Five people were killed, according to Human Rights Watch.", "Human Rights Watch"),
        ("According to Human Rights Watch, soldiers executed 12 men in Djibo.", "Human Rights Watch"),
        ("Cinq personnes ont été tuées, selon Human Rights Watch.", "Human Rights Watch"),
        ("Ten soldiers died on Monday, Reuters reported.", "Reuters"),
        ("Amnesty International said the army killed 20 villagers.", "Amnesty International"),
    ],
)
def test_find_claimant_named_organisation(sentence, expected):
    assert find_claimant(sentence) == expected


@pytest.mark.parametrize(
    "sentence, word",
    [
        ("Selon l'armée, dix terroristes ont été neutralisés près de Djibo.", "armée"),
        ("Dix terroristes ont été neutralisés près de Djibo, selon l'armée.", "armée"),
        ("D'après l'armée, l'attaque a fait cinq morts.", "armée"),
        ("The army said ten militants were killed near Djibo.", "army"),
        ("Ten militants were killed near Djibo, the army said.", "army"),
        ("Le gouvernement a indiqué que dix civils ont été tués.", "gouvernement"),
        ("According to local sources, the attack killed eight people.", "sources"),
    ],
)
def test_find_claimant_institution_phrase(sentence, word):
    claimant = find_claimant(sentence)
    assert claimant is not None
    assert word in claimant


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen killed five villagers in Boni on Monday.",
        "Des hommes armés ont tué cinq civils à Boni lundi.",
        "The attack also wounded 20 people.",
    ],
)
def test_find_claimant_none_when_nobody_claims(sentence):
    assert find_claimant(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "It said ten soldiers were killed.",
        "They said the village was burned.",
    ],
)
def test_find_claimant_pronoun_is_not_a_claimant(sentence):
    assert find_claimant(sentence) is None


@pytest.mark.parametrize(
    "sentence, ner_label, expected",
    [
        (
            "According to a statement from the Burkinabe Ministry of Security, 12 attackers died.",
            "ORG",
            "Ministry of Security",
        ),
    ],
)
def test_find_claimant_ner_span_narrows_a_long_phrase(sentence, ner_label, expected):
    start = sentence.index(expected)
    assert find_claimant(sentence, [(start, start + len(expected), ner_label)]) == expected
