"""find_dates on written English and French sentences.

The anchor (publication date) is Wednesday 13 March 2024; the chain reference (an earlier
event's date) is Monday 4 March 2024.
"""

from __future__ import annotations

from datetime import date

import pytest

from sitreps.extract.dates import find_dates, load_date_rules

ANCHOR = date(2024, 3, 13)  # a Wednesday
REFERENCE = date(2024, 3, 4)


@pytest.fixture(scope="module")
def rules():
    return load_date_rules()


RESOLVED = [
    # absolute days
    ("en", "Gunmen attacked the village on 12 March 2024.", "2024-03-12", 1, "absolute"),
    ("en", "The attack took place on March 12, 2024 near Djibo.", "2024-03-12", 1, "absolute"),
    ("en", "The attack happened on the 1st of March 2023.", "2023-03-01", 1, "absolute"),
    ("en", "The attack on 12/03/2024 killed 5.", "2024-03-12", 1, "absolute"),
    ("en", "The attack on 25/12/2023 killed 5.", "2023-12-25", 1, "absolute"),
    ("en", "Published 2024-03-12: the attack killed 5.", "2024-03-12", 1, "absolute"),
    ("en", "Fighting on Feb. 3 killed two.", "2024-02-03", 1, "anchor_relative"),
    ("en", "On 3 February, soldiers clashed with JNIM.", "2024-02-03", 1, "anchor_relative"),
    ("en", "On 20 December, soldiers clashed with JNIM.", "2023-12-20", 1, "anchor_relative"),
    ("en", "On Friday, March 8, gunmen attacked.", "2024-03-08", 1, "anchor_relative"),
    ("en", "On the night of 12 to 13 March, the camp was attacked.", "2024-03-12", 1, "anchor_relative"),
    # months
    ("en", "In March 2023, the army retook the town.", "2023-03-15", 3, "absolute"),
    ("en", "Fighting resumed in late November 2023.", "2023-11-30", 3, "absolute"),
    ("en", "Fighting resumed in early November 2023.", "2023-11-01", 3, "absolute"),
    ("en", "Fighting broke out in mid-March 2023.", "2023-03-15", 3, "absolute"),
    ("en", "Clashes erupted last March in Menaka.", "2023-03-15", 3, "anchor_relative"),
    ("en", "Clashes erupted in January in Menaka.", "2024-01-15", 3, "anchor_relative"),
    ("en", "In March 12 people were killed.", "2024-03-13", 3, "anchor_relative"),
    ("en", "Clashes erupted last month in Menaka.", "2024-02-15", 3, "anchor_relative"),
    # weekdays and days around the anchor
    ("en", "Militants attacked a checkpoint on Monday.", "2024-03-11", 1, "anchor_relative"),
    ("en", "Militants attacked a checkpoint on Wednesday.", "2024-03-13", 1, "anchor_relative"),
    ("en", "Militants attacked a checkpoint last Wednesday.", "2024-03-06", 1, "anchor_relative"),
    ("en", "Militants attacked a checkpoint Monday night.", "2024-03-11", 1, "anchor_relative"),
    ("en", "Soldiers may march on Monday.", "2024-03-11", 1, "anchor_relative"),
    ("en", "On the night of Saturday to Sunday, jihadists raided the camp.", "2024-03-09", 1, "anchor_relative"),
    ("en", "Gunmen killed five people yesterday.", "2024-03-12", 1, "anchor_relative"),
    ("en", "Gunmen killed five people the day before yesterday.", "2024-03-11", 1, "anchor_relative"),
    ("en", "The army said this morning that it had repelled the attack.", "2024-03-13", 1, "anchor_relative"),
    ("en", "Three days ago, gunmen attacked the market.", "2024-03-10", 1, "anchor_relative"),
    # weeks: the Thursday of the week, never after the anchor
    ("en", "Clashes erupted earlier this week in Menaka.", "2024-03-13", 2, "anchor_relative"),
    ("en", "Clashes erupted last week in Menaka.", "2024-03-07", 2, "anchor_relative"),
    # chains: against the reference date
    ("en", "Two days later, soldiers returned.", "2024-03-06", 1, "chain_relative"),
    ("en", "The next day, soldiers returned.", "2024-03-05", 1, "chain_relative"),
    ("en", "The previous evening, gunmen had looted the market.", "2024-03-03", 1, "chain_relative"),
    ("fr", "Le 3 février 2023, des hommes armés ont attaqué le village.", "2023-02-03", 1, "absolute"),
    ("fr", "Le mardi 1er mars 2022, des hommes armés ont attaqué le village.", "2022-03-01", 1, "absolute"),
    ("fr", "L'attaque a eu lieu le 12/03/2024 à Djibo.", "2024-03-12", 1, "absolute"),
    ("fr", "L'attaque a eu lieu le 05/03/2024 à Djibo.", "2024-03-05", 1, "absolute"),
    ("fr", "Du 2 au 4 mars 2024, des combats ont opposé l'armée aux jihadistes.", "2024-03-02", 1, "absolute"),
    ("fr", "Le premier mars, 12 soldats sont morts.", "2024-03-01", 1, "anchor_relative"),
    ("fr", "Dans la nuit du 12 au 13 mars, des jihadistes ont attaqué un poste.", "2024-03-12", 1, "anchor_relative"),
    ("fr", "En mars 2023, l'armée a repris la ville.", "2023-03-15", 3, "absolute"),
    ("fr", "Début mars 2023, des combats ont éclaté.", "2023-03-01", 3, "absolute"),
    ("fr", "Fin janvier, des combats ont éclaté.", "2024-01-31", 3, "anchor_relative"),
    ("fr", "À la mi-février, des combats ont éclaté.", "2024-02-15", 3, "anchor_relative"),
    ("fr", "En mars dernier, des jihadistes ont attaqué un poste.", "2023-03-15", 3, "anchor_relative"),
    ("fr", "Le mois dernier, des jihadistes ont attaqué un poste.", "2024-02-15", 3, "anchor_relative"),
    ("fr", "Jeudi dernier, des jihadistes ont attaqué un poste.", "2024-03-07", 1, "anchor_relative"),
    ("fr", "Dimanche soir, des jihadistes ont attaqué un poste.", "2024-03-10", 1, "anchor_relative"),
    ("fr", "Lundi, des jihadistes ont attaqué un poste.", "2024-03-11", 1, "anchor_relative"),
    ("fr", "Hier, des jihadistes ont attaqué un poste.", "2024-03-12", 1, "anchor_relative"),
    ("fr", "Avant-hier, des jihadistes ont attaqué un poste.", "2024-03-11", 1, "anchor_relative"),
    ("fr", "Aujourd'hui, des jihadistes ont attaqué un poste.", "2024-03-13", 1, "anchor_relative"),
    ("fr", "Ce matin, des jihadistes ont attaqué un poste.", "2024-03-13", 1, "anchor_relative"),
    ("fr", "Dans la nuit de samedi à dimanche, des jihadistes ont attaqué un poste.", "2024-03-09", 1, "anchor_relative"),
    ("fr", "Il y a trois jours, des hommes armés ont pillé le marché.", "2024-03-10", 1, "anchor_relative"),
    ("fr", "Cette semaine, des jihadistes ont attaqué un poste.", "2024-03-13", 2, "anchor_relative"),
    ("fr", "La semaine dernière, des jihadistes ont attaqué un poste.", "2024-03-07", 2, "anchor_relative"),
    ("fr", "Deux jours plus tard, l'armée est revenue.", "2024-03-06", 1, "chain_relative"),
    ("fr", "Le lendemain, l'armée est revenue.", "2024-03-05", 1, "chain_relative"),
    ("fr", "La veille, des hommes armés avaient pillé le marché.", "2024-03-03", 1, "chain_relative"),
]


@pytest.mark.parametrize(("language", "sentence", "value", "precision", "kind"), RESOLVED)
def test_find_dates_resolves_phrase(rules, language, sentence, value, precision, kind):
    matches = find_dates(sentence, ANCHOR, language, rules, reference=REFERENCE)
    assert matches, "no date found"
    first = matches[0]
    assert (first.value.isoformat(), first.precision, first.kind) == (value, precision, kind)
    assert first.relative == (kind != "absolute")
    assert sentence[first.start : first.end] == first.text


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Since 2012, more than 2,000 people have died in the region."),
        ("en", "In 2023, armed groups killed 1,200 people."),
        ("en", "The fighting lasted 24 hours and ended at 10:30."),
        ("en", "A 12-year-old boy and a man aged 45 were among the dead."),
        ("en", "The army may march 30 km to the border."),
        ("fr", "Depuis 2012, plus de 2 000 personnes sont mortes, dont 12 à 10h30."),
        ("fr", "Un garçon de 12 ans a été tué à 30 km de Djibo."),
        ("fr", "Sept soldats ont été tués en 2019."),
    ],
)
def test_find_dates_ignores_numbers_that_are_not_dates(rules, language, sentence):
    assert find_dates(sentence, ANCHOR, language, rules) == []


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "On 3 February, soldiers clashed with JNIM."),
        ("en", "Militants attacked a checkpoint on Monday."),
        ("en", "Clashes erupted last week in Menaka."),
        ("en", "Three days ago, gunmen attacked the market."),
        ("fr", "Hier, des jihadistes ont attaqué un poste."),
        ("fr", "Fin janvier, des combats ont éclaté."),
    ],
)
def test_find_dates_drops_relative_phrases_without_anchor(rules, language, sentence):
    assert find_dates(sentence, None, language, rules) == []


@pytest.mark.parametrize(
    ("language", "sentence", "value"),
    [
        ("en", "Gunmen attacked the village on 12 March 2024.", "2024-03-12"),
        ("en", "In March 2023, the army retook the town.", "2023-03-15"),
        ("fr", "Le 3 février 2023, des hommes armés ont attaqué le village.", "2023-02-03"),
    ],
)
def test_find_dates_resolves_absolute_phrases_without_anchor(rules, language, sentence, value):
    matches = find_dates(sentence, None, language, rules)
    assert [m.value.isoformat() for m in matches] == [value]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [("en", "The next day, soldiers returned."), ("fr", "Le lendemain, l'armée est revenue.")],
)
def test_find_dates_chain_phrases_need_a_reference(rules, language, sentence):
    assert find_dates(sentence, ANCHOR, language, rules) == []


def test_find_dates_orders_matches_by_position(rules):
    sentence = "After the attack on 2 March 2024, troops returned on Monday and again yesterday."
    matches = find_dates(sentence, ANCHOR, "en", rules)
    assert [m.text for m in matches] == ["2 March 2024", "Monday", "yesterday"]
    assert [m.start for m in matches] == sorted(m.start for m in matches)


def test_find_dates_weekday_on_anchor_day_is_the_anchor(rules):
    monday = date(2024, 3, 11)
    assert find_dates("Gunmen attacked on Monday.", monday, "en", rules)[0].value == monday
    assert find_dates("Gunmen attacked last Monday.", monday, "en", rules)[0].value == date(2024, 3, 4)


def test_find_dates_loads_rules_when_none_given():
    assert find_dates("Gunmen attacked on 12 March 2024.", None, "en")[0].value == date(2024, 3, 12)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_load_date_rules_tables_are_complete(rules, language):
    words = rules.languages[language]
    assert sorted(set(words.months.values())) == list(range(1, 13))
    assert sorted(words.weekdays.values()) == list(range(7))
    assert set(words.month_positions.values()) <= {"start", "mid", "end"}
    assert words.number_words["two" if language == "en" else "deux"] == 2


@pytest.mark.parametrize(
    ("language", "sentence", "value", "spill"),
    [
        # A night runs into the next day; "early on" may still be the night before.
        ("en", "Gunmen attacked the village late on Sunday.", "2024-03-10", (0, 1)),
        ("en", "Gunmen attacked the village on Sunday night.", "2024-03-10", (0, 1)),
        ("en", "Gunmen attacked the village in the night of Sunday to Monday.", "2024-03-10", (0, 1)),
        ("en", "Gunmen attacked the village early on Monday.", "2024-03-11", (1, 0)),
        ("en", "Fighting raged from 12-14 March near Djibo.", "2024-03-12", (0, 2)),
        ("en", "Gunmen attacked the village on Monday.", "2024-03-11", (0, 0)),
        ("en", "Early reports said gunmen attacked a market in the town on Monday.", "2024-03-11", (0, 0)),
        ("fr", "Des hommes armés ont attaqué le village dans la nuit de dimanche à lundi.", "2024-03-10", (0, 1)),
        ("fr", "Des hommes armés ont attaqué le village tard dimanche soir.", "2024-03-10", (0, 1)),
        ("fr", "Des hommes armés ont attaqué le village tôt lundi matin.", "2024-03-11", (1, 0)),
        ("fr", "Des hommes armés ont attaqué le village au petit matin du 11 mars.", "2024-03-11", (1, 0)),
    ],
)
def test_find_dates_spill_marks_dates_that_may_cross_midnight(rules, language, sentence, value, spill):
    [match] = find_dates(sentence, ANCHOR, language, rules)
    assert match.value.isoformat() == value
    assert match.spill == spill


def test_find_dates_vague_dates_do_not_spill(rules):
    [match] = find_dates("Gunmen attacked the village late last week.", ANCHOR, "en", rules)
    assert match.precision == 2 and match.spill == (0, 0)


@pytest.mark.parametrize(
    ("language", "sentence"),
    [("en", "The attack on 2024-03-05 killed 5."), ("fr", "L'attaque du 05/07/2024 a fait 5 morts."), ("en", "The attack on March 3, 2024 killed 5.")],
)
def test_find_dates_iso_and_numeric_dates_are_no_ranges(rules, language, sentence):
    [match] = find_dates(sentence, ANCHOR, language, rules)
    assert match.spill == (0, 0)


@pytest.mark.parametrize(
    ("language", "sentence", "found"),
    [
        ("fr", "Les boutiques du centre ont fermé ce samedi 17 janvier.", [(5, 1, 17)]),
        ("en", "A patrol hit a mine near Ayorou on Saturday, May 1.", [(5, 5, 1)]),
        ("en", "Soldiers were ambushed on Sunday 2nd May and on Monday 3 May.", [(6, 5, 2), (0, 5, 3)]),
        # A year, or no weekday: nothing for the calendar to fix.
        ("en", "A patrol hit a mine near Ayorou on Saturday, May 1, 2021.", []),
        ("fr", "Des soldats sont tombés dans une embuscade le 1er mai.", []),
    ],
)
def test_find_weekday_dates_yearless_dates_with_their_weekday(rules, language, sentence, found):
    from sitreps.extract.dates import find_weekday_dates

    assert [(d.weekday, d.month, d.day) for d in find_weekday_dates(sentence, language, rules)] == found


def test_weekday_date_in_year_checks_the_calendar(rules):
    from sitreps.extract.dates import find_weekday_dates

    [saturday] = find_weekday_dates("Rioters burned a church on Saturday 17 January.", "en", rules)
    assert saturday.in_year(2015) == date(2015, 1, 17)
    assert saturday.in_year(2016) is None


@pytest.mark.parametrize(
    ("language", "text", "years"),
    [
        ("en", "Mali has been unstable since 2012; the accords of 23 March 2009 failed.", [2009, 2012]),
        ("en", "The 2015 peace deal, signed in June 2015, named 2000 fighters.", [2015, 2015]),
        ("fr", "Le pays est en crise depuis 2012 et les élections de fin 2020 n'ont rien changé.", [2012, 2020]),
    ],
)
def test_years_named_reads_years_as_times_only(rules, language, text, years):
    from sitreps.extract.dates import years_named

    assert sorted(years_named(text, language, rules)) == years
