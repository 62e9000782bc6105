"""The plain-text cleaner, the HTML extractor and the boilerplate rule table."""

from __future__ import annotations

import re

import pytest

from sitreps.ingest.cleaner import clean_lines, extract_html, find_title, is_menu, strip_paragraphs, to_lines
from sitreps.ingest.rules import load_boilerplate

# A scraped page written for this test: every kind of clutter around a four-paragraph story.
SCRAPED_PAGE = """Sahel Courier
Home | World | Africa | Sahel | Business | Sport
Search
We use cookies to personalise content and ads. By continuing you accept our cookie policy.
Accept all cookies
Security
Soldiers killed in ambush near Tessit as convoy is attacked
Published 14 March 2024
By Ibrahim Maïga
Share on Facebook Share on X Copy link
Ask our AI assistant about this story
Eleven Malian soldiers were killed on Tuesday when their convoy was ambushed near Tessit, in the Gao region, two security sources said.
The convoy was carrying fuel and food to the army camp in Tessit when it came under fire from heavy machine guns, one of the sources said.
Advertisement
Mali at a glance
Population: 22 million
Capital: Bamako
Official language: French
The Islamic State Sahel Province has been active in the area since 2017 and has attacked the camp several times.
Read more
Five things to know about the Tessit camp
Timeline: a decade of war in northern Mali
Sign up for our newsletter to get the Sahel briefing every morning.
The army said in a statement that reinforcements had been sent and that the attackers had suffered heavy losses.
Ibrahim Maïga is a journalist covering security in the Sahel for the Sahel Courier.
Produced by Awa Keita, edited by Paul Martin. Sound design by Issa Diarra.
Related articles
Gunmen kill 12 in attack on village near Ansongo
Convoy reaches Léré after two-week blockade
You won't believe what this Gao tailor made for the president
3 comments
sahel_watch · 2 hours ago
May God rest their souls. The soldiers deserve better equipment.
Reply
Leave a comment
About us | Contact | Privacy policy
© 2024 Sahel Courier. All rights reserved.
"""

BODY_SENTENCES = [
    "Eleven Malian soldiers were killed on Tuesday when their convoy was ambushed near Tessit",
    "The convoy was carrying fuel and food to the army camp in Tessit",
    "The Islamic State Sahel Province has been active in the area since 2017",
    "The army said in a statement that reinforcements had been sent",
]

CLUTTER = [
    "Home | World",
    "cookies",
    "Published 14 March 2024",
    "By Ibrahim Maïga",
    "Share on Facebook",
    "AI assistant",
    "Advertisement",
    "Population: 22 million",
    "Capital: Bamako",
    "Five things to know",
    "Sign up for our newsletter",
    "is a journalist covering",
    "Produced by",
    "Related articles",
    "Gunmen kill 12 in attack",
    "You won't believe",
    "3 comments",
    "sahel_watch",
    "May God rest their souls",
    "Reply",
    "Privacy policy",
    "All rights reserved",
]


@pytest.fixture(scope="module")
def cleaned(rules) -> str:
    return "\n".join(clean_lines(to_lines(SCRAPED_PAGE), rules))


@pytest.mark.parametrize("sentence", BODY_SENTENCES)
def test_clean_lines_keeps_body_sentences(cleaned, sentence):
    assert sentence in cleaned


@pytest.mark.parametrize("clutter", CLUTTER)
def test_clean_lines_drops_boilerplate(cleaned, clutter):
    assert clutter not in cleaned


def test_clean_lines_keeps_paragraph_order(cleaned):
    positions = [cleaned.index(s) for s in BODY_SENTENCES]
    assert positions == sorted(positions) and len(cleaned.splitlines()) == 4


# French clutter, one kind per case, placed between two body paragraphs.
FRENCH_BODY_BEFORE = "Des hommes armés ont attaqué dimanche un poste de gendarmerie à Sebba, dans la province du Yagha, tuant deux gendarmes."
FRENCH_BODY_AFTER = "Les assaillants ont emporté des armes et des motos avant de prendre la fuite vers la frontière nigérienne, selon une source locale."


@pytest.mark.parametrize(
    "clutter",
    [
        "Publicité",
        "Abonnez-vous à notre newsletter pour recevoir l'essentiel de l'actualité",
        "Posez votre question à notre assistant IA",
        "Nous utilisons des cookies pour améliorer votre expérience.",
        "Partager sur Facebook",
        "Accueil | Actualités | Politique | Sécurité | Sport",
        "Mis à jour le 3 février 2023 à 10h15",
        "Par Aïssata Maïga",
        "Capitale : Niamey",
        "Ce podcast a été produit par Mariam Sanogo et réalisé par Yacouba Cissé.",
    ],
)
def test_clean_lines_drops_french_boilerplate(rules, clutter):
    kept = clean_lines([FRENCH_BODY_BEFORE, clutter, FRENCH_BODY_AFTER], rules)
    assert kept == [FRENCH_BODY_BEFORE, FRENCH_BODY_AFTER]


@pytest.mark.parametrize("heading", ["À lire aussi", "Lire aussi :", "Sur le même sujet", "Similar posts", "Read more"])
def test_clean_lines_drops_link_list_after_heading(rules, heading):
    lines = [
        FRENCH_BODY_BEFORE,
        heading,
        "Djibo : un convoi arrive après trois semaines",
        "Kaya : la route nationale rouverte",
        FRENCH_BODY_AFTER,
    ]
    assert clean_lines(lines, rules) == [FRENCH_BODY_BEFORE, FRENCH_BODY_AFTER]


@pytest.mark.parametrize(
    "line",
    [
        "By Monday night the toll had risen to fifteen dead, according to the local health centre.",
        "Par ailleurs, trois soldats ont été blessés lors de l'accrochage près de Boni, selon l'armée.",
        "L'auteur de l'attaque a été arrêté mardi à Gao par la gendarmerie, selon le procureur.",
        "The population of Djibo has doubled since 2019 as people fled the surrounding villages.",
    ],
)
def test_clean_lines_keeps_body_lines_that_look_like_clutter(rules, line):
    assert clean_lines([FRENCH_BODY_BEFORE, line], rules) == [FRENCH_BODY_BEFORE, line]


def test_clean_lines_drops_comments_to_the_end(rules):
    lines = [FRENCH_BODY_BEFORE, "12 commentaires", "Wendkouni il y a 3 heures", "Courage aux populations du Yagha, que Dieu protège nos soldats.", FRENCH_BODY_AFTER]
    assert clean_lines(lines, rules) == [FRENCH_BODY_BEFORE]


@pytest.mark.parametrize(
    ("line", "menu"),
    [
        ("Home | World | Africa | Sport", True),
        ("Accueil • Monde • Afrique • Économie", True),
        ("Menu", True),
        ("Mali: gunmen kill 12 | village attacked near Mopti as army sends reinforcements to the area", False),
        ("Gunmen kill nine villagers near Djibo", False),
    ],
)
def test_is_menu(rules, line, menu):
    assert is_menu(line, rules) is menu


def test_to_lines_joins_hard_wrapped_paragraphs():
    text = (
        "Gunmen attacked the village of Tin-Akoff on Sunday and killed six herders,\n"
        "residents said, adding that dozens of cattle had been stolen.\n"
        "\n"
        "The army said it had sent a patrol to the area.\n"
    )
    assert to_lines(text) == [
        "Gunmen attacked the village of Tin-Akoff on Sunday and killed six herders, "
        "residents said, adding that dozens of cattle had been stolen.",
        "The army said it had sent a patrol to the area.",
    ]


def test_find_title_picks_headline_not_site_or_section(rules):
    assert find_title(to_lines(SCRAPED_PAGE), rules) == "Soldiers killed in ambush near Tessit as convoy is attacked"


HTML_PAGE = """<!DOCTYPE html><html><head><title>Drone strike hits wedding near Tillabéri | Niger Post</title>
<meta property="og:site_name" content="Niger Post"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/niger">Niger</a></li></ul></nav>
<article><h1>Drone strike hits wedding near Tillabéri</h1>
<p>A drone strike killed at least nine people attending a wedding near Tillabéri on Saturday, relatives of the victims told the Niger Post.</p>
<p>The army said it had targeted a meeting of armed group commanders and denied that civilians were among the dead.</p>
<p>Human rights groups called for an independent investigation into the strike.</p>
</article>
<section class="comments"><h2>Comments</h2>
<div class="comment"><p>faso_watch: This is the third strike on civilians this year, shame on them.</p></div></section>
</body></html>"""


def test_extract_html_keeps_article_and_metadata_without_comments():
    found = extract_html(HTML_PAGE)
    assert found is not None
    assert "A drone strike killed at least nine people" in found.text
    assert "third strike on civilians" not in found.text
    assert found.title == "Drone strike hits wedding near Tillabéri"
    assert found.sitename == "Niger Post"


def test_strip_paragraphs_reads_p_text_and_title():
    found = strip_paragraphs("<title>Attaque à Sebba</title><div><p>Deux gendarmes <b>tués</b> à Sebba.</p><script>x=1</script><p>Bilan provisoire.")
    assert found.text == "Deux gendarmes tués à Sebba.\nBilan provisoire."
    assert found.title == "Attaque à Sebba"


def test_extract_html_returns_none_without_text():
    assert extract_html("<html><body><div><span></span></div></body></html>") is None


def test_load_boilerplate_patterns_compile_and_cover_both_languages():
    rules = load_boilerplate()
    assert {"advertisement", "share", "cookies", "newsletter", "ai_prompt", "comments", "author_bio", "podcast_credits", "navigation", "clickbait"} <= set(rules.drop_line)
    assert all(isinstance(p, re.Pattern) for patterns in rules.drop_line.values() for p in patterns)
    assert rules.months["mars"] == rules.months["march"] == 3
    assert {"home", "accueil"} <= rules.menu_words


def test_a_list_label_and_the_bare_headlines_under_it_are_chrome(rules):
    page = (
        "Gunmen killed nine herders near Tessit on Sunday, the army said in a statement on Monday.\n"
        "SahelNews.org picks:\n"
        "Twelve traders kidnapped on the road to Gao\n"
        "The army said reinforcements had reached the camp and that the road was open again."
    )
    cleaned = "\n".join(clean_lines(to_lines(page), rules))
    assert "Twelve traders kidnapped" not in cleaned and "picks:" not in cleaned
    assert "reinforcements had reached the camp" in cleaned
