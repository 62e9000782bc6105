"""Not-an-event filters on written English and French sentences."""

from __future__ import annotations

import pytest

from sitreps.extract.classifier import Lexicon, load_lexicon
from sitreps.extract.filters import is_hypothetical, is_non_event_context, is_not_event, is_period_statistic


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


STATISTICS = [
    ("en", "More than 6,000 people were killed in the region last year."),
    ("en", "Armed groups killed about 1,200 civilians in 2023."),
    ("en", "Attacks on schools have tripled since 2019."),
    ("en", "Since 2012, the conflict has claimed thousands of lives."),
    ("en", "So far this year, 340 civilians have been killed in the Mopti region."),
    ("en", "The monitoring group has recorded more than 800 attacks on civilians."),
    ("en", "2022 was the deadliest year for civilians in Burkina Faso."),
    ("en", "Over the past five years, hundreds of schools were burned by armed groups."),
    ("fr", "Depuis le début de l'année, plus de 500 civils ont été tués."),
    ("fr", "Au total, 2 000 attaques ont été recensées en 2022."),
    ("fr", "Les violences ont fait des milliers de morts depuis 2015."),
    ("fr", "Les attaques contre les civils ont doublé par rapport à l'an dernier."),
    ("fr", "L'ONG a documenté plus de 300 exécutions sommaires au cours des derniers mois."),
]

SINGLE_EVENTS = [
    ("en", "On 12 March 2023, gunmen killed 12 villagers in Djibo."),
    ("en", "Jihadists attacked a military post in Boni on Monday, killing 15 soldiers."),
    ("en", "It was the deadliest attack since 2019, a local official said."),
    ("en", "In the early hours of Sunday, a roadside bomb killed four soldiers near Gossi."),
    ("en", "Gunmen kidnapped 15 passengers on the road to Ménaka."),
    ("fr", "Le 5 juin 2021, des hommes armés ont tué 160 civils à Solhan."),
    ("fr", "Des jihadistes ont attaqué la localité de Seytenga dans la nuit de samedi à dimanche."),
    ("fr", "C'est l'attaque la plus meurtrière depuis le début de l'année."),
    ("fr", "Une patrouille a été prise en embuscade hier près de Gao."),
]

HYPOTHETICAL = [
    ("en", "The group threatened to attack the town if soldiers stayed."),
    ("en", "Jihadists could strike the capital in the coming weeks, analysts warned."),
    ("en", "The army said it would retaliate against any incursion."),
    ("en", "Officials warned of possible attacks during the election."),
    ("en", "Residents fear an imminent offensive on the town."),
    ("en", "Opposition parties called for protests on Friday."),
    ("en", "The rebels plan to launch an offensive before the rainy season."),
    ("en", "There was no attack on the village, the governor said."),
    ("en", "JNIM denied carrying out the massacre in Moura."),
    ("en", "The army dismissed reports of an airstrike on civilians as false."),
    ("fr", "Le groupe a menacé de frapper la capitale."),
    ("fr", "Les jihadistes pourraient attaquer la ville dans les prochains jours."),
    ("fr", "Il existe un risque d'attaques pendant la période électorale."),
    ("fr", "Les habitants craignent de nouvelles attaques contre le village."),
    ("fr", "L'opposition a appelé à manifester samedi à Bamako."),
    ("fr", "L'armée dément toute exécution de civils à Moura."),
    ("fr", "Aucune attaque n'a été signalée dans la commune depuis lundi."),
]

ACTUAL = [
    ("en", "Gunmen killed 12 villagers in Djibo; no casualties were reported among soldiers."),
    ("en", "Jihadists attacked a military post in Boni, killing 15 soldiers."),
    ("en", "It was not immediately clear if anyone was killed in the airstrike."),
    ("en", "Fifteen people are feared dead after gunmen attacked the market."),
    ("en", "Police fired tear gas at protesters who had marched on parliament."),
    ("fr", "Des hommes armés ont tué neuf civils à Ogossagou, sans faire de blessés parmi les soldats."),
    ("fr", "Même si le bilan reste provisoire, au moins dix soldats ont été tués."),
    ("fr", "Les FAMa ont repoussé une attaque contre le camp de Boulkessi."),
    ("fr", "Des manifestants ont été dispersés à coups de gaz lacrymogènes."),
]

CONTEXT = [
    ("en", "Hundreds gathered to commemorate the victims of the 2019 Ogossagou massacre."),
    ("en", "A court in Bamako sentenced three men to death for the 2015 hotel attack."),
    ("en", "The trial of the accused in the Grand-Bassam attack opened on Tuesday."),
    ("en", "Human Rights Watch presented a new report on abuses by armed groups."),
    ("fr", "Une cérémonie d'hommage aux victimes de l'attaque de Solhan s'est tenue dimanche."),
    ("fr", "Le tribunal a condamné les accusés à 20 ans de prison pour l'attentat."),
    ("fr", "Le procès des auteurs présumés de l'attaque s'est ouvert à Ouagadougou."),
]


@pytest.mark.parametrize(("language", "sentence"), STATISTICS)
def test_is_period_statistic_flags_summaries(lexicon, language, sentence):
    assert is_period_statistic(sentence, language, lexicon)


@pytest.mark.parametrize(("language", "sentence"), SINGLE_EVENTS)
def test_is_period_statistic_keeps_single_events(lexicon, language, sentence):
    assert not is_period_statistic(sentence, language, lexicon)


@pytest.mark.parametrize(("language", "sentence"), HYPOTHETICAL)
def test_is_hypothetical_flags_threats_plans_and_denials(lexicon, language, sentence):
    assert is_hypothetical(sentence, language, lexicon)


@pytest.mark.parametrize(("language", "sentence"), ACTUAL + SINGLE_EVENTS)
def test_is_hypothetical_keeps_reported_events(lexicon, language, sentence):
    assert not is_hypothetical(sentence, language, lexicon)


@pytest.mark.parametrize(("language", "sentence"), CONTEXT)
def test_is_non_event_context_flags_commemorations_trials_and_reports(lexicon, language, sentence):
    assert is_non_event_context(sentence, language, lexicon)


@pytest.mark.parametrize(("language", "sentence"), ACTUAL + SINGLE_EVENTS)
def test_is_non_event_context_keeps_reported_events(lexicon, language, sentence):
    assert not is_non_event_context(sentence, language, lexicon)


@pytest.mark.parametrize(
    ("language", "sentence", "reason"),
    [
        ("en", "More than 6,000 people were killed in the region last year.", "period_statistic"),
        ("fr", "Le groupe a menacé de frapper la capitale.", "hypothetical"),
        ("en", "A court in Bamako sentenced three men to death for the 2015 hotel attack.", "non_event_context"),
        ("en", "Gunmen killed 12 villagers in Djibo on Monday.", None),
    ],
)
def test_is_not_event_names_the_first_filter_that_applies(lexicon, language, sentence, reason):
    assert is_not_event(sentence, language, lexicon) == reason


def test_filters_apostrophes_do_not_change_the_verdict(lexicon):
    sentence = "Depuis le début de l\u2019année, plus de 500 civils ont été tués."
    assert is_period_statistic(sentence, "fr", lexicon)
