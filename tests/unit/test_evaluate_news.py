"""The news_dev tally over the shared scorer's matching, on records written for the project."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitreps.evaluate import news

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
pytestmark = pytest.mark.skipif(not (SHARED.parent / "tools" / "score_news.py").is_file(), reason="../shared/tools is absent")


def _gold(**extra):
    event = {
        "event_date": "2024-03-11", "time_precision": 1, "event_type": "Violence against civilians", "sub_event_type": "Attack",
        "actor1": {"text": "gunmen", "normalized": "Unidentified Armed Group (Burkina Faso)"}, "actor2": None,
        "country": "BFA", "admin1": "Sahel", "location": "Djibo", "fatalities_low": 5, "fatalities_high": 5,
        "civilian_targeting": True,
    }
    event.update(extra)
    return event


def _pred(**extra):
    event = {
        "event_date": "2024-03-11", "event_type": "Violence against civilians", "sub_event_type": "Attack", "iso3": "BFA",
        "admin1": "Sahel", "admin2": "Soum", "admin3": "", "location": "Djibo", "actor1": "Unidentified Armed Group (Burkina Faso)",
        "actor2": "Civilians (Burkina Faso)", "fatalities": 5, "civilian_targeting": True, "sources": [{"document": "x", "evidence": "e"}],
    }
    event.update(extra)
    return event


def test_score_news_counts_a_match_a_double_and_a_statistic():
    scorer = news.load_scorer(SHARED, "score_news")
    items = [
        {"id": "x", "events": [_gold()], "not_events": [{"text": "More than 300 people were killed in the region last year."}]},
        {"id": "y", "events": [], "not_events": []},
    ]
    preds = {
        "x": [
            _pred(),
            _pred(fatalities=7),  # the same event again
            _pred(event_date="2023-06-01", sources=[{"document": "x", "evidence": "More than 300 people were killed in the region last year."}]),
        ],
        "y": [_pred(sources=[{"document": "y", "evidence": "e"}])],
    }
    report = news.score_news(items, preds, scorer)
    assert (report.predicted, report.matched, report.double_counted, report.from_statistics, report.from_no_event_pages) == (4, 1, 1, 1, 1)
    assert report.recall == 1.0 and report.precision == 0.25
    assert report.fields["fatalities_exact"] == (1, 1) and report.fields["place"] == (1, 1)


def test_score_fusion_tells_one_event_from_two():
    scorer = news.load_scorer(SHARED, "score_news")
    pages = [{"id": "a", "events": [dict(_gold(), cluster="C01")]}, {"id": "b", "events": [dict(_gold(), cluster="C01")]}]
    clusters = [{"cluster": "C01", "pages": ["a", "b"]}]
    one = [_pred(sources=[{"document": "a"}, {"document": "b"}])]
    two = [_pred(sources=[{"document": "a"}]), _pred(sources=[{"document": "b"}])]
    fused = news.score_fusion(one, pages, clusters, scorer)
    apart = news.score_fusion(two, pages, clusters, scorer)
    assert (fused.clusters_as_one, fused.pair_recall) == ((1, 1), 1.0)
    assert (apart.clusters_as_one, apart.pair_recall) == ((0, 1), 0.0)
