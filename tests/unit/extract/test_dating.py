"""What an undated page's relative dates are counted from (``article_anchor``), on sentences
written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from sitreps.extract.dates import load_date_rules
from sitreps.extract.dating import article_anchor
from sitreps.model import Article


@pytest.fixture(scope="module")
def rules():
    return load_date_rules()


def _anchor(rules, text, language="en", url=None, retrieved=None, today=date(2025, 6, 1)):
    article = Article("s", "s", "s.txt", text, url=url, language=language, retrieved=retrieved)
    return article_anchor(article, rules, today=today)


@pytest.mark.parametrize(
    "language, text, expected",
    [
        # 17 January fell on a Saturday in 2009, 2015 and 2026: the latest before the run day.
        ("fr", "Des jeunes ont saccagé le marché de Zinder samedi 17 janvier.", date(2015, 1, 17)),
        ("en", "Soldiers were ambushed on Saturday, January 17 near Ayorou.", date(2015, 1, 17)),
        # Wednesday 20 January: 2010, 2016, 2021.
        ("en", "Police fired tear gas at marchers in Niamey on Wednesday 20 January.", date(2021, 1, 20)),
    ],
)
def test_article_anchor_weekday_and_day_fix_the_latest_year_that_fits(rules, language, text, expected):
    anchor = _anchor(rules, text, language)
    assert (anchor.value, anchor.precision, anchor.source) == (expected, 1, "text")


def test_article_anchor_weekday_date_is_never_after_the_fetch_day(rules):
    text = "Des jeunes ont saccagé le marché de Zinder samedi 17 janvier."
    assert _anchor(rules, text, "fr", retrieved=date(2026, 3, 2), today=date(2030, 1, 1)).value == date(2026, 1, 17)
    assert _anchor(rules, text, "fr", retrieved=date(2026, 1, 16), today=date(2030, 1, 1)).value == date(2015, 1, 17)


@pytest.mark.parametrize(
    "text, url, expected",
    [
        # A story is seldom years later than the latest year it names: the first fitting year from it.
        ("Police fired tear gas at marchers in Niamey on Wednesday 20 January, as in the protests of 2014.", None, date(2016, 1, 20)),
        ("Police fired tear gas at marchers in Niamey on Wednesday 20 January, since the 2009 accords.", None, date(2010, 1, 20)),
        # The year in the URL's path counts too; the host's digits do not.
        ("Police fired tear gas at marchers in Niamey on Wednesday 20 January.", "https://news2016.example/2010/niamey-march", date(2010, 1, 20)),
        # A number of people is no year.
        ("Police fired tear gas at 2014 marchers in Niamey on Wednesday 20 January.", None, date(2021, 1, 20)),
    ],
)
def test_article_anchor_weekday_date_year_follows_the_years_named(rules, text, url, expected):
    assert _anchor(rules, text, url=url).value == expected


def test_article_anchor_weekday_date_no_year_fits_gives_no_anchor(rules):
    # From 2022 (the latest year named) to the run day, 20 January never falls on a Wednesday.
    text = "Police fired tear gas at marchers on Wednesday 20 January, after the elections of 2022."
    assert _anchor(rules, text).value is None


def test_article_anchor_yearless_date_without_weekday_gives_no_anchor(rules):
    assert _anchor(rules, "Gunmen attacked the mosque of Gaskindé on 21 March during prayers.").source == "none"


def test_article_anchor_date_inside_a_long_sentence_does_not_date_the_page(rules):
    text = "The accords signed in the capital on March 23, 2009 by the government and the rebels (the CNDP) have never been applied in full."
    assert _anchor(rules, text).source == "none"


@pytest.mark.parametrize(
    "caption",
    [
        "Soldiers are cheered as they drive through the main square of the capital on March 5, 2021. (JANE DOE / AFP)",
        "Soldiers are cheered as they drive through the main square of the capital on March 5, 2021 [Photo by Jane Doe/Reuters]",
        "Soldiers are cheered as they drive through the main square of the capital on March 5, 2021. (AFP)",
    ],
)
def test_article_anchor_caption_ending_with_its_photo_credit_dates_the_page(rules, caption):
    text = f"{caption}\n\nMutinous soldiers detained the president on Friday."
    assert _anchor(rules, text).value == date(2021, 3, 5)


def test_article_anchor_remark_in_brackets_after_a_date_is_no_credit(rules):
    text = "The bombing of the market on March 5, 2021 (a Friday) killed four people and wounded many more in the town."
    assert _anchor(rules, text).source == "none"


def test_article_anchor_story_day_is_the_latest_day_the_weekdays_reach(rules):
    # The caption is a Tuesday; the story's "Thursday" is two days after it.
    text = (
        "Police guard the site of the blast in Djibo on July 18, 2023.\n\n"
        "A suicide bomber killed three policemen at a checkpoint in Kaya on Thursday."
    )
    anchor = _anchor(rules, text)
    assert (anchor.value, anchor.story_day) == (date(2023, 7, 18), date(2023, 7, 20))


def test_adjust_to_anchor_yesterday_counts_from_the_story_day(rules):
    from sitreps.extract.dates import find_dates
    from sitreps.extract.dating import adjust_to_anchor

    text = "Police guard the site of the blast in Djibo on July 18, 2023.\n\nGunmen attacked Kaya on Thursday."
    anchor = _anchor(rules, text)
    words = rules.for_language("en")
    [overnight] = find_dates("It came hours after an overnight raid on a police post.", anchor.value, "en", rules)
    [tuesday] = find_dates("A car bomb hit a convoy on Tuesday.", anchor.value, "en", rules)
    assert adjust_to_anchor(overnight, anchor, words).value == date(2023, 7, 19)
    assert adjust_to_anchor(tuesday, anchor, words).value == date(2023, 7, 18)
