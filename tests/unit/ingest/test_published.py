"""Publication dates: each source, their order of precedence, and no date when none is fixed."""

from __future__ import annotations

from datetime import date

import pytest

from sitreps.ingest.articles import build_articles
from sitreps.ingest.published import (
    date_from_html,
    date_from_lines,
    date_from_url,
    find_dateline,
    is_date_line,
    resolve_relative,
)
from sitreps.model import Document

BODY = (
    "Gunmen killed four people in an attack on a village near Mopti on Sunday, local officials said.\n"
    "The attackers burned granaries and stole cattle before leaving.\n"
)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Published 12 March 2024"], date(2024, 3, 12)),
        (["Mis à jour le 3 février 2023"], date(2023, 2, 3)),
        (["March 12, 2024 10:31 GMT"], date(2024, 3, 12)),
        (["Publié le lundi 10 juin 2024 à 11h42"], date(2024, 6, 10)),
        (["Publié le 06/04/2024 à 09:15"], date(2024, 4, 6)),
        (["Updated 14 March 2024", "Published 12 March 2024"], date(2024, 3, 12)),
        (["Publié le 3 mars 2024, mis à jour le 4 mars 2024"], date(2024, 3, 3)),
        (["Samedi 8 juin 2024, des hommes armés ont attaqué le village de Gaskindé, faisant 15 morts."], None),
        (["Published 31 February 2024"], None),
    ],
)
def test_date_from_lines(rules, lines, expected):
    assert date_from_lines(lines, rules) == expected


@pytest.mark.parametrize(
    ("line", "is_date"),
    [("Published 12 March 2024", True), ("12/03/2024", True), ("Since 12 March 2024 the army has controlled the road to Gao.", False)],
)
def test_is_date_line(rules, line, is_date):
    assert is_date_line(line, rules) is is_date


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/africa/2024/03/12/mali-attack", date(2024, 3, 12)),
        ("https://news.example/mali-attack-2023-11-05.html", date(2023, 11, 5)),
        ("https://news.example/20240312/mali-attack", date(2024, 3, 12)),
        ("https://news.example/article/123456789", None),
        ("https://news.example/2024/13/45/bad", None),
        (None, None),
    ],
)
def test_date_from_url(url, expected):
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    ("paragraph", "context", "expected_date", "agency"),
    [
        ("BAMAKO, March 12 (Reuters) - Gunmen killed eight soldiers near Mopti.", "Mali attack kills eight (2024)", date(2024, 3, 12), "Reuters"),
        ("BAMAKO, March 12 (Reuters) - Gunmen killed eight soldiers near Mopti.", "", None, "Reuters"),
        ("NIAMEY, 3 mars 2023 (AFP) - Des hommes armés ont tué huit soldats.", "", date(2023, 3, 3), "AFP"),
        ("OUAGADOUGOU, Jan 5 (AP) - Troops said they killed 20 fighters in 2019 and 2023 raids.", "", None, "AP"),
    ],
)
def test_find_dateline_needs_a_year(rules, paragraph, context, expected_date, agency):
    dateline = find_dateline([paragraph], rules, context)
    assert dateline is not None
    assert (dateline.published, dateline.agency) == (expected_date, agency)


@pytest.mark.parametrize(
    ("when", "anchor", "expected"),
    [
        ("3 hours ago", date(2024, 5, 14), date(2024, 5, 14)),
        ("il y a 2 jours", date(2024, 5, 14), date(2024, 5, 12)),
        ("yesterday", date(2024, 5, 1), date(2024, 4, 30)),
        ("2 weeks ago", date(2024, 5, 14), date(2024, 4, 30)),
        ("3 hours ago", None, None),
    ],
)
def test_resolve_relative(rules, when, anchor, expected):
    assert resolve_relative(when, anchor, rules) == expected


META_HTML = """<html><head><meta property="article:published_time" content="2024-03-10T08:00:00+00:00">
<meta property="article:modified_time" content="2024-03-15T10:00:00+00:00"></head>
<body><p>Fighting has continued in the area since 2012, when armed groups first took the town.</p></body></html>"""
VISIBLE_HTML = """<html><head><title>Clash near Ansongo</title></head><body>
<p class="date"><time datetime="2024-02-20">20 February 2024</time></p><p>Text.</p></body></html>"""
FUTURE_HTML = """<html><head><meta property="article:published_time" content="2031-01-01"></head><body><p>x</p></body></html>"""


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (META_HTML, (date(2024, 3, 10), "metadata")),  # the original date, not the update
        (VISIBLE_HTML, (date(2024, 2, 20), "html")),
        (FUTURE_HTML, (None, "html")),
        ("<html><body><p>Armed groups have been active here since 2012.</p></body></html>", (None, "html")),
    ],
)
def test_date_from_html(html, expected):
    assert date_from_html(html, today=date(2025, 1, 1)) == expected


def _article(resources, **document):
    fields = {"document_id": "d", "path": "d", "kind": "text", "content": BODY}
    fields.update(document)
    [article] = build_articles(Document(**fields), resources)
    return article


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (
            {"published": date(2024, 1, 2), "url": "https://x.example/2023/05/06/a", "content": "Published 7 August 2022\n" + BODY},
            (date(2024, 1, 2), "metadata"),
        ),
        ({"url": "https://x.example/2023/05/06/a", "content": "Published 7 August 2022\n" + BODY}, (date(2023, 5, 6), "url")),
        ({"content": "Published 7 August 2022\n" + BODY}, (date(2022, 8, 7), "dateline")),
        ({"content": "MOPTI, Aug 9 (AFP) - " + BODY, "title": "Mali: four killed near Mopti (2022)"}, (date(2022, 8, 9), "dateline")),
        ({"content": BODY}, (None, None)),
    ],
)
def test_build_articles_date_precedence(resources, document, expected):
    article = _article(resources, **document)
    assert (article.published, article.published_source) == expected


def test_build_articles_html_metadata_beats_url(resources):
    html = META_HTML.replace("<body>", "<body><p>" + BODY.replace("\n", " ") + "</p>")
    article = _article(resources, kind="html", content=html, url="https://x.example/2023/05/06/a")
    assert (article.published, article.published_source) == (date(2024, 3, 10), "metadata")


def test_build_articles_dateline_agency_is_publisher(resources):
    article = _article(resources, content="MOPTI, Aug 9 (Reuters) - " + BODY)
    assert article.publisher == "Reuters"


# ---- a date the page opens with, and pages that give only their month (issue 11) -------------


@pytest.mark.parametrize(
    "content, url, published, month",
    [
        # a leading date line with the headline after it: the page's day, taken off the text
        (" date 2024-03-29 Gunmen kill four in Mopti\n" + BODY, None, date(2024, 3, 29), None),
        # the same day written out again after it
        (" date 2024-03-29 Friday, 29 March 2024 Gunmen kill four in Mopti\n" + BODY, None, date(2024, 3, 29), None),
        # only the month: no day, the month kept for relative dates
        (" date 2023-02 " + BODY, None, None, date(2023, 2, 1)),
        # a /2020/11/ URL path with no day
        (BODY, "https://example.org/2020/11/gunmen-kill-four", None, date(2020, 11, 1)),
        # a day and a month before the year, in the order only one reading allows
        (BODY, "https://example.org/assessment-attack-on-the-airport-8-26-2021/", date(2021, 8, 26), None),
    ],
)
def test_build_articles_reads_a_leading_date_or_a_month(resources, content, url, published, month):
    [article] = build_articles(Document("d", "d.txt", "text", content, url=url), resources)
    assert (article.published, article.published_month) == (published, month)
    # The date is the page's, taken off the text: extraction never reads it as an event's.
    assert not any(x in article.text for x in ("2024-03-29", "29 March 2024", "2023-02"))
    assert article.text.startswith(("Gunmen kill four", "Gunmen killed four"))
