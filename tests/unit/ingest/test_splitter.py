"""Aggregator pages split into stories; single-story pages stay whole."""

from __future__ import annotations

from datetime import date

import pytest

from sitreps.ingest.articles import build_articles
from sitreps.ingest.cleaner import to_lines
from sitreps.ingest.splitter import split_stories
from sitreps.model import Article, Document, Rejected

# An aggregator page written for this test: three stories, a clickbait teaser with a time line
# but no text, and a block of clickbait headlines.
AGGREGATOR = """Sahel Headlines
Home | Mali | Burkina Faso | Niger | Sport
Wednesday 6 March 2024
Top stories

Jihadists attack gendarmerie post in Sebba
Yagha Info
2 hours ago
Gunmen attacked the gendarmerie post in Sebba on Tuesday evening, killing two gendarmes and wounding three others, a security source said.
The attackers took weapons and motorcycles before fleeing towards the border with Niger.
Read more on Yagha Info

Mali : la junte suspend les activités des partis politiques
Bamako Matin · il y a 5 heures
Les autorités de transition ont suspendu mercredi les activités des partis politiques et des associations à caractère politique, selon un décret lu à la télévision nationale.
La mesure restera en vigueur « jusqu'à nouvel ordre », précise le texte.

You won't believe what this Niamey chef cooked for the minister
Buzz Sahel
3 hours ago

Floods destroy homes in Agadez region
Niger Post
1 day ago
Heavy rains destroyed more than 200 homes in the Agadez region over the weekend, the civil protection agency said on Monday.
No deaths were reported, but several families are sheltering in schools.

Trending now
10 photos that show Timbuktu like you have never seen it
This one weird trick doubles millet harvests in Dosso
"""


@pytest.fixture(scope="module")
def stories(rules):
    return split_stories(to_lines(AGGREGATOR), rules)


def test_split_stories_finds_every_timed_story(stories):
    assert [(s.index, s.title, s.publisher, s.when) for s in stories] == [
        (1, "Jihadists attack gendarmerie post in Sebba", "Yagha Info", "2 hours ago"),
        (2, "Mali : la junte suspend les activités des partis politiques", "Bamako Matin", "il y a 5 heures"),
        (3, "You won't believe what this Niamey chef cooked for the minister", "Buzz Sahel", "3 hours ago"),
        (4, "Floods destroy homes in Agadez region", "Niger Post", "1 day ago"),
    ]


@pytest.fixture(scope="module")
def built(resources):
    document = Document(document_id="agg.txt", path="agg.txt", kind="text", content=AGGREGATOR)
    return build_articles(document, resources)


def test_build_articles_gives_one_article_per_story(built):
    articles = [a for a in built if isinstance(a, Article)]
    assert [a.article_id for a in articles] == ["agg.txt#story-1", "agg.txt#story-2", "agg.txt#story-4"]
    assert [a.publisher for a in articles] == ["Yagha Info", "Bamako Matin", "Niger Post"]
    assert [a.language for a in articles] == ["en", "fr", "en"]


def test_build_articles_rejects_clickbait_story_without_text(built):
    [rejected] = [r for r in built if isinstance(r, Rejected)]
    assert (rejected.item_id, rejected.reason) == ("agg.txt#story-3", "boilerplate")


def test_build_articles_story_text_has_no_teasers(built):
    texts = [a.text for a in built if isinstance(a, Article)]
    assert texts[0].startswith("Gunmen attacked the gendarmerie post in Sebba")
    assert not any("Read more" in t or "Trending" in t or "10 photos" in t or "weird trick" in t for t in texts)
    assert texts[2].endswith("several families are sheltering in schools.")


def test_build_articles_relative_times_resolve_against_page_date(built):
    articles = [a for a in built if isinstance(a, Article)]
    assert [a.published for a in articles] == [date(2024, 3, 6), date(2024, 3, 6), date(2024, 3, 5)]


def test_build_articles_relative_time_without_anchor_gives_no_date(resources):
    content = AGGREGATOR.replace("Wednesday 6 March 2024\n", "")
    document = Document(document_id="agg.txt", path="agg.txt", kind="text", content=content)
    articles = [a for a in build_articles(document, resources) if isinstance(a, Article)]
    assert len(articles) == 3 and all(a.published is None for a in articles)


SINGLE = """Le Sahel Quotidien
Accueil | Politique | Sécurité | Sport
Attaque contre un convoi entre Djibo et Namsiguia
Des hommes armés ont attaqué lundi un convoi de ravitaillement entre Djibo et Namsiguia, tuant au moins six civils, selon des sources locales.
Le convoi, escorté par l'armée, transportait des vivres vers Djibo, sous blocus depuis plus d'un an.
Les plus lus
Un nouveau gouverneur nommé à Dori
Sahel Info · il y a 2 heures
Kaya : les commerçants en grève
Faso Direct · il y a 4 heures
12 commentaires
Patriote226 il y a 1 heure
Courage aux familles des victimes.
"""


def test_split_stories_single_page_with_timed_widget_stays_whole(rules):
    [story] = split_stories(to_lines(SINGLE), rules)
    assert story.index is None


def test_build_articles_single_page_keeps_document_id(resources):
    document = Document(document_id="djibo.txt", path="djibo.txt", kind="text", content=SINGLE)
    [article] = build_articles(document, resources)
    assert article.article_id == "djibo.txt"
    assert article.title == "Attaque contre un convoi entre Djibo et Namsiguia"
    assert article.publisher == "Le Sahel Quotidien"
    assert "gouverneur" not in article.text and "Courage" not in article.text


# A news page whose own article is followed by one story of another site (a "from our partners"
# block with its own headline and time line), written for this test.
ARTICLE_AND_ONE_STORY = """Niger Daily
Home | News | Sahel
Army repels attack on Bilma post
Published 2024-08-26
Soldiers repelled an attack on their post in Bilma on Monday, killing three assailants, the army said.
Two soldiers were wounded and evacuated to Agadez, a security source added.

Gunmen storm village near Gaya
Sahel Monitor · 3 hours ago
At least two villagers were killed when gunmen stormed a village near Gaya on Sunday, local sources said.
The attackers fled on motorbikes towards the border.
"""

# Stories set apart by rule lines, without time lines.
RULED = """Sahel Briefing
Published 2024-08-26
Soldiers repelled an attack on their post in Bilma on Monday, killing three assailants, the army said.
* * *
Attack near Gaya
At least two villagers were killed when gunmen stormed a village near Gaya on Sunday, local sources said.
---
Markets reopen in Dosso
Traders in Dosso reopened their stalls on Monday after a week of closures over fuel prices, the chamber of commerce said.
"""


def test_split_stories_keeps_the_page_article_and_one_timed_story_apart(rules):
    first, second = split_stories(to_lines(ARTICLE_AND_ONE_STORY), rules)
    assert any("Bilma" in line for line in first.lines) and not any("Gaya" in line for line in first.lines)
    assert second.title == "Gunmen storm village near Gaya" and second.publisher == "Sahel Monitor"


def test_split_stories_rule_lines_set_stories_apart(rules):
    stories = split_stories(to_lines(RULED), rules)
    assert [s.title for s in stories] == [None, "Attack near Gaya", "Markets reopen in Dosso"]
    assert not any("Gaya" in line for line in stories[0].lines)


def test_split_stories_a_rule_without_a_story_after_it_leaves_the_page_whole(rules):
    page = "Bilma post attacked\nSoldiers repelled an attack on their post in Bilma on Monday, killing three assailants.\n* * *\nShare this article\n"
    [story] = split_stories(to_lines(page), rules)
    assert story.index is None


def test_build_articles_ruled_stories_take_the_page_date_and_title(resources):
    document = Document(document_id="brief.txt", path="brief.txt", kind="text", content=RULED)
    articles = [a for a in build_articles(document, resources) if isinstance(a, Article)]
    assert [a.article_id for a in articles] == ["brief.txt#story-1", "brief.txt#story-2", "brief.txt#story-3"]
    assert all(a.published == date(2024, 8, 26) for a in articles)
    assert articles[1].title == "Attack near Gaya" and "Gaya" not in articles[0].text
