"""count_fatalities on written English and French sentences."""

from __future__ import annotations

import pytest

from sitreps.extract.fatalities import FatalityCount, count_fatalities
from sitreps.extract.numbers import load_number_rules


@pytest.fixture(scope="module")
def rules():
    return load_number_rules()


VALUES = [
    # digits, number words, list sums
    ("en", "Gunmen killed 12 people and wounded 30 others in Djibo on Monday.", 12),
    ("en", "Three women and four children were killed when the mine exploded.", 7),
    ("en", "Seven soldiers and two volunteers (VDP) were killed.", 9),
    ("en", "A soldier and two civilians were killed.", 3),
    ("en", "Twenty-five civilians were killed and dozens were injured.", 25),
    ("en", "One hundred and twelve people were killed in the attack.", 112),
    ("en", "Armed groups killed 1,200 people in 2023.", 1200),
    ("en", "A dozen villagers were killed.", 12),
    ("en", "Gunmen killed a soldier and wounded two others.", 1),
    ("en", "A 12-year-old boy was shot dead near the market at 10:30.", 1),
    ("en", "12 killed as jihadists attack convoy", 12),
    ("en", "Attack kills 12 in Burkina Faso", 12),
    # another day's toll, a part of the next figure, a source after a comma
    ("en", "Four guards were killed on Friday when their truck hit a mine, a day after a bomb on the same road killed six soldiers.", 4),
    ("fr", "Trois gendarmes ont été tués vendredi, au lendemain de la mort de cinq soldats dans une embuscade.", 3),
    ("en", "Five pupils were among 14 people killed in the shelling of the town.", 14),
    ("en", "Shelling killed 9 people overnight, a resident said.", 9),
    ("en", "Gunmen killed two herders and a trader near the well.", 3),
    # modifiers and ranges
    ("en", "At least 20 people, including five children, were killed in the attack.", 20),
    ("en", "Between 10 and 15 soldiers died in the ambush.", 10),
    ("en", "Up to 30 villagers were massacred, residents said.", 30),
    ("en", "Some 50 people were killed.", 50),
    ("en", "More than 100 people were killed in the attack on Solhan.", 100),
    ("en", "About 40 people lost their lives in the attack.", 40),
    # tolls, additions, parts
    ("en", "The death toll rose to 30 on Tuesday.", 30),
    ("en", "The death toll from Sunday's attack rose to 40.", 40),
    ("en", "At least 12 people were killed on Sunday, bringing the death toll from the week's attacks to 40.", 12),
    ("en", "Another five died in hospital on Wednesday.", 5),
    ("en", "Five soldiers were killed, and the attackers lost 12 men.", 17),
    ("en", "Militants killed 12 people, including 7 soldiers and 5 civilians.", 12),
    ("en", "Five people were killed, three of them soldiers.", 5),
    ("en", "He was one of 12 people killed.", 12),
    ("en", "The bodies of 12 people were found near the well.", 12),
    ("en", "The attack left 15 dead and 20 wounded.", 15),
    # vague words
    ("en", "Several soldiers were killed in the clash.", 3),
    ("en", "Many villagers were killed in the massacre.", 10),
    ("en", "Dozens of people were killed.", 12),
    ("en", "Hundreds of civilians were killed.", 100),
    # not deaths, not people
    ("en", "The blast caused dozens of casualties.", 0),
    ("en", "Thirty people were abducted and 12 arrested.", 0),
    ("en", "No one was killed in the attack, police said.", 0),
    ("en", "The army lost 3 vehicles in the ambush.", 0),
    ("en", "The 12 victims were buried on Monday.", 0),
    ("en", "The convoy of 3 vehicles was ambushed 12 km from Mopti, killing four soldiers.", 4),
    ("en", "Gunmen killed 12 people aged 20 to 45 and kidnapped 8 women.", 12),
    ("en", "The 2012 crisis displaced 300,000 people and killed 4,000.", 4000),
    ("en", "On 12 March, gunmen killed five people.", 5),
    ("en", "Police arrested 20 protesters and killed two.", 2),
    ("fr", "Au moins 12 soldats ont été tués et 30 blessés.", 12),
    ("fr", "Des hommes armés ont tué trois femmes et quatre enfants.", 7),
    ("fr", "Trois militaires et cinq civils ont été tués.", 8),
    ("fr", "Vingt et un soldats ont été tués.", 21),
    ("fr", "Quatre-vingt-dix personnes ont été massacrées.", 90),
    ("fr", "Au moins 1 200 personnes ont été tuées.", 1200),
    ("fr", "Des hommes armés ont tué un gendarme.", 1),
    ("fr", "Un enfant âgé de 12 ans a été tué à 10h30.", 1),
    ("fr", "Entre 10 et 15 civils ont péri dans l'attaque.", 10),
    ("fr", "Jusqu'à 30 civils auraient été tués.", 30),
    ("fr", "Plus de 40 civils ont été tués par des jihadistes présumés.", 40),
    ("fr", "L'attaque a fait vingt-cinq morts et des dizaines de blessés.", 25),
    ("fr", "Le bilan provisoire fait état de 25 morts et 40 blessés.", 25),
    ("fr", "Le bilan s'élève à 30 morts.", 30),
    ("fr", "Le bilan est passé de 10 à 15 morts.", 15),
    ("fr", "Cinq soldats ont trouvé la mort dans l'embuscade.", 5),
    ("fr", "Cinq morts, dont trois soldats.", 5),
    ("fr", "Une douzaine de civils ont été exécutés.", 12),
    ("fr", "Plusieurs villageois ont perdu la vie.", 3),
    ("fr", "Quelques civils ont été tués lors du massacre.", 10),
    ("fr", "Des dizaines de personnes ont été tuées.", 12),
    ("fr", "Des centaines de civils ont été tués.", 100),
    ("fr", "Cinq personnes ont été enlevées et trois portées disparues.", 0),
    ("fr", "Aucun mort n'a été signalé.", 0),
    ("fr", "L'attaque n'a fait aucune victime.", 0),
    ("fr", "Des dizaines de maisons ont été détruites et 5 personnes tuées.", 5),
    ("fr", "Deux kamikazes se sont fait exploser, tuant 15 personnes.", 15),
]


@pytest.mark.parametrize(("language", "sentence", "expected"), VALUES)
def test_count_fatalities_value(rules, language, sentence, expected):
    assert count_fatalities(sentence, language, rules).value == expected


RANGES = [
    ("en", "At least 20 people were killed.", 20, None),
    ("en", "Between 10 and 15 soldiers died in the ambush.", 10, 15),
    ("en", "10 to 15 soldiers died in the ambush.", 10, 15),
    ("en", "Up to 30 villagers were massacred.", None, 30),
    ("en", "Twelve soldiers were killed.", None, None),
    ("fr", "Entre 10 et 15 civils ont péri.", 10, 15),
    ("fr", "Au moins 12 soldats ont été tués.", 12, None),
    ("fr", "Jusqu'à 30 civils ont été tués.", None, 30),
]


@pytest.mark.parametrize(("language", "sentence", "low", "high"), RANGES)
def test_count_fatalities_range(rules, language, sentence, low, high):
    count = count_fatalities(sentence, language, rules)
    assert (count.low, count.high) == (low, high)


ATTACKERS = [
    ("en", "The army said soldiers killed 12 terrorists during the clash.", 12, 12),
    ("en", "Five soldiers were killed, and the attackers lost 12 men.", 17, 12),
    ("en", "Two of the attackers were killed in the exchange of fire.", 2, 2),
    ("en", "The attack killed 12 soldiers, the army said, adding that 20 assailants were neutralised.", 32, 20),
    ("en", "Gunmen killed 12 villagers.", 12, 0),
    ("fr", "L'armée a neutralisé 12 terroristes lors des combats.", 12, 12),
    ("fr", "Les assaillants ont perdu une dizaine d'hommes.", 10, 10),
    ("fr", "L'armée affirme avoir neutralisé une trentaine de terroristes.", 30, 30),
    ("fr", "Des jihadistes ont tué cinq soldats.", 5, 0),
]


@pytest.mark.parametrize(("language", "sentence", "value", "attackers"), ATTACKERS)
def test_count_fatalities_attackers(rules, language, sentence, value, attackers):
    count = count_fatalities(sentence, language, rules)
    assert (count.value, count.attackers) == (value, attackers)


@pytest.mark.parametrize(
    ("language", "sentence", "text"),
    [
        ("en", "Gunmen killed 12 people and wounded 30 others.", "killed 12 people"),
        ("en", "At least 20 soldiers were killed.", "At least 20 soldiers were killed"),
        ("fr", "L'attaque a fait 25 morts et 40 blessés.", "25 morts"),
    ],
)
def test_count_fatalities_text_quotes_the_sentence(rules, language, sentence, text):
    count = count_fatalities(sentence, language, rules)
    assert count.text == text
    assert count.text in sentence


@pytest.mark.parametrize("sentence", ["", "The president visited Mopti.", "Soldiers patrolled 12 villages."])
def test_count_fatalities_nothing_reported_is_zero(rules, sentence):
    assert count_fatalities(sentence, "en", rules) == FatalityCount(0, "")


def test_count_fatalities_loads_rules_when_none_given():
    assert count_fatalities("Gunmen killed three people.", "en").value == 3


def test_count_fatalities_unknown_language_uses_english(rules):
    assert count_fatalities("Gunmen killed three people.", "de", rules).value == 3


@pytest.mark.parametrize("language", ["en", "fr"])
def test_load_number_rules_tables_are_complete(rules, language):
    words = rules.for_language(language)
    assert words.units and words.death_before and words.death_after and words.not_death
    assert words.toll <= words.death_before | words.death_after
    assert words.needs_person <= words.death_after
    assert not (words.death_before | words.death_after) & words.not_death
    assert words.months, "month names come from dates.toml so dates are not counted"
