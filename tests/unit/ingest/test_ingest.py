"""The stage entry points: run() over files and folders, from_text() for the API."""

from __future__ import annotations

import json
from datetime import date

import pytest

from sitreps.ingest import articles_of, from_text, run
from sitreps.model import Article, Document, Rejected

FRENCH_PAGE = """Le Quotidien du Niger
Accueil | Politique | Sécurité | Société | Sport
Tillabéri : cinq soldats tués dans une embuscade près de Téra
Publié le 14 mai 2024
Par Hamidou Issa
Cinq soldats nigériens ont été tués lundi dans une embuscade tendue par des hommes armés près de Téra, dans la région de Tillabéri, a annoncé le ministère de la Défense.
Selon le communiqué, une dizaine d'assaillants ont été « neutralisés » lors de la riposte de l'armée.
Abonnez-vous à notre newsletter
"""

ENGLISH_HTML = """<!DOCTYPE html><html><head><title>Kidnapped aid workers freed near Ménaka | Sahel Dispatch</title>
<meta property="og:site_name" content="Sahel Dispatch">
<meta property="article:published_time" content="2024-04-22T09:00:00Z"></head>
<body><div class="ad">Advertisement</div><article><h1>Kidnapped aid workers freed near Ménaka</h1>
<p>Three aid workers abducted last month on the road to Ménaka have been released, their organisation said on Monday.</p>
<p>The three Malian nationals were seized by gunmen on March 18 while travelling to a health centre in Inékar.</p>
</article></body></html>"""


def test_run_reads_a_folder_of_mixed_inputs(tmp_path, settings, resources):
    (tmp_path / "tera.txt").write_text(FRENCH_PAGE, encoding="utf-8")
    (tmp_path / "menaka.html").write_text(ENGLISH_HTML, encoding="utf-8")
    record = {"id": "feed-1", "text": "Gunmen killed two traders on the road between Gao and Ansongo on Friday, police said.", "published": "2024-06-01", "url": "https://feed.example/a"}
    (tmp_path / "feed.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    items = list(run([tmp_path], settings, resources))
    assert all(isinstance(i, Article) for i in items), items
    by_id = {a.article_id: a for a in items}
    assert set(by_id) == {"feed-1", str(tmp_path / "menaka.html"), str(tmp_path / "tera.txt")}

    tera = by_id[str(tmp_path / "tera.txt")]
    assert tera.title == "Tillabéri : cinq soldats tués dans une embuscade près de Téra"
    assert (tera.published, tera.published_source, tera.language) == (date(2024, 5, 14), "dateline", "fr")
    assert tera.publisher == "Le Quotidien du Niger"
    assert tera.text.startswith("Cinq soldats nigériens") and "newsletter" not in tera.text

    menaka = by_id[str(tmp_path / "menaka.html")]
    assert (menaka.title, menaka.publisher, menaka.language) == ("Kidnapped aid workers freed near Ménaka", "Sahel Dispatch", "en")
    assert (menaka.published, menaka.published_source) == (date(2024, 4, 22), "metadata")
    assert "Advertisement" not in menaka.text

    feed = by_id["feed-1"]
    assert (feed.published, feed.url, feed.publisher) == (date(2024, 6, 1), "https://feed.example/a", "feed.example")


def test_run_accepts_a_single_path(tmp_path, settings, resources, good_story):
    path = tmp_path / "one.txt"
    path.write_text(good_story, encoding="utf-8")
    [article] = list(run(str(path), settings, resources))
    assert article.article_id == str(path) and article.title == "Gunmen attack market in Boulkessi"


def test_run_rejects_page_without_article_text(tmp_path, settings, resources):
    (tmp_path / "menu.txt").write_text("Home | World | Africa\nSign in | Register\nAdvertisement\n", encoding="utf-8")
    [item] = list(run([tmp_path], settings, resources))
    assert isinstance(item, Rejected) and item.reason == "no_text"


def test_articles_of_uses_given_language(resources, settings):
    document = Document(document_id="x", path="x", kind="text", content=FRENCH_PAGE, language="EN")
    [article] = articles_of(document, settings, resources)
    assert article.language == "en"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Gunmen killed 5 people in Mopti on Tuesday.", "en"),
        ("Des hommes armés ont tué cinq personnes à Mopti", "fr"),
    ],
)
def test_from_text_keeps_a_short_snippet_whole(resources, text, language):
    [article] = from_text(text, published=date(2024, 3, 12), resources=resources)
    assert (article.article_id, article.text, article.language) == ("text", text, language)
    assert (article.published, article.published_source) == (date(2024, 3, 12), "metadata")


def test_from_text_cleans_pages_and_splits_html(resources):
    [article] = from_text(ENGLISH_HTML, url="https://sahel.example/2024/04/20/menaka", document_id="api-1", resources=resources)
    assert article.article_id == "api-1" and article.url == "https://sahel.example/2024/04/20/menaka"
    assert article.published == date(2024, 4, 22)  # metadata beats the URL
    assert article.text.startswith("Three aid workers abducted")


def test_from_text_empty_gives_nothing(resources):
    assert from_text("   \n", resources=resources) == []


@pytest.mark.parametrize(
    "content",
    [
        "Gunmen kill five villagers near Djibo",  # a headline-like feed item
        "Soldiers repelled an attack on their base in Arbinda on Monday, the army said",  # no full stop
    ],
)
def test_articles_of_keeps_a_short_text_given_whole(resources, settings, content):
    # A snippet is its own story: cleaning would read it as a page's stray line and drop it.
    [article] = articles_of(Document("x", "x", "text", content), settings, resources)
    assert article.text == content
