"""sitreps.evaluate: the scoring arithmetic on hand-made predictions, and the benchmark faces on
the shared data (skipped when ../shared/data is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitreps import evaluate
from sitreps.errors import UsageError

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def test_score_case_counts_no_event_as_wrong_and_non_acled_events_as_false_positives():
    predictions = [
        ("1", "Armed clash", "Armed clash"),
        ("2", "Armed clash", "no event"),
        ("3", "Arrests", "Arrests"),
        ("4", "Arrests", "Armed clash"),
        ("5", "ORG_CRIME", "Arrests"),  # a crime snippet read as an arrest
        ("6", "DIPLO", "no event"),
    ]
    report = evaluate.score_case(predictions)
    by_label = {c.label: c for c in report.per_class}
    assert by_label["Armed clash"].precision == pytest.approx(1 / 2)
    assert by_label["Armed clash"].recall == pytest.approx(1 / 2)
    assert by_label["Arrests"].precision == pytest.approx(1 / 2)  # one of two arrest readings is right
    assert by_label["Arrests"].recall == pytest.approx(1 / 2)
    assert report.weighted_f1 == pytest.approx(0.5)
    assert report.accuracy == pytest.approx(2 / 4)
    assert report.no_event_share == pytest.approx(1 / 4)
    assert report.non_acled_snippets == 2 and report.non_acled_silent == pytest.approx(1 / 2)
    assert ("Armed clash", "no event", 1) in report.confusions


# Snippets written for these tests (not CASE text): four unrelated reports, one without an event.
UNRELATED = [
    ("kenya-protest", "Police in Nairobi fired tear gas at hundreds of protesters who blocked the main road to demand "
     "lower fuel prices on Tuesday.", "Protest with intervention"),
    ("afghanistan-ied", "A roadside bomb killed three soldiers on patrol near Kandahar in southern Afghanistan on Monday, "
     "officials said.", "Remote explosive/landmine/IED"),
    ("peru-arrests", "Peruvian police arrested 14 activists during a march in Lima on Wednesday, the interior ministry said.", "Arrests"),
    ("chile-talks", "The foreign ministers of Chile and Argentina met in Santiago on Thursday to discuss trade and border "
     "crossings.", "DIPLO"),
]
# Two reports of one attack, told with different verbs: one run fuses them into one event.
SAME_ATTACK = [
    ("attack-a", "Gunmen on motorbikes killed seven villagers in an attack on Gaskinde in northern Burkina Faso on Sunday, "
     "residents said.", ""),
    ("attack-b", "Seven people were killed on Sunday when gunmen attacked Gaskinde in northern Burkina Faso, a local "
     "official told reporters.", ""),
]


@pytest.fixture(scope="module")
def unrelated_predictions(resources):
    alone = evaluate.case_predictions(UNRELATED, resources, model="rules")
    together = evaluate.case_predictions(UNRELATED, resources, model="rules", batch=True)
    return alone, together


def test_case_predictions_in_one_run_agree_with_each_snippet_alone_for_unrelated_snippets(unrelated_predictions):
    alone, together = unrelated_predictions
    assert together == alone
    predicted = {row_id: label for row_id, _, label in together}
    assert predicted["afghanistan-ied"] == "Remote explosive/landmine/IED"
    assert predicted["kenya-protest"] == "Protest with intervention"


def test_case_predictions_in_one_run_count_a_snippet_without_event_as_no_event(unrelated_predictions):
    _, together = unrelated_predictions
    assert ("chile-talks", "DIPLO", evaluate.NO_EVENT) in together
    report = evaluate.score_case(together)
    assert report.snippets == 4 and report.acled_snippets == 3
    assert report.non_acled_snippets == 1 and report.non_acled_silent == 1.0


def test_predict_batch_gives_a_fused_event_type_to_every_snippet_it_was_read_from(resources):
    together = evaluate.predict_batch([(row_id, text) for row_id, text, _ in SAME_ATTACK], resources)
    assert together["attack-a"] is not None
    assert together["attack-a"] == together["attack-b"]


def test_case_predictions_restore_the_type_model_and_refuse_unknown_models(resources):
    original = resources.type_model
    evaluate.case_predictions(UNRELATED[:1], resources, model="rules", batch=True)
    assert resources.type_model is original
    with pytest.raises(UsageError, match="not one of"):
        evaluate.case_predictions(UNRELATED, resources, model="rulez")


def test_predict_batch_refuses_duplicate_ids(resources):
    with pytest.raises(UsageError, match="unique"):
        evaluate.predict_batch([("x", "One text here."), ("x", "Another text here.")], resources)


def test_read_otherwise_counts_snippets_left_silent_and_retyped():
    alone = evaluate.score_case([("1", "Arrests", "Arrests"), ("2", "Attack", "Attack"), ("3", "Attack", "Attack")])
    together = evaluate.score_case([("1", "Arrests", "no event"), ("2", "Attack", "Armed clash"), ("3", "Attack", "Attack")])
    assert evaluate.read_otherwise(alone, together) == "2 (1 no event, 1 another type)"


def test_distance_km_is_great_circle():
    # Bamako to Ouagadougou is about 700 km.
    assert evaluate.distance_km(12.65, -8.0, 12.37, -1.53) == pytest.approx(703, abs=10)


def test_descriptive_headlines_skip_tweets_hashtags_and_report_titles():
    row = {
        "source_headline": "Tweet;#Burkina #Sahel;Security Incidents;Gunmen kill four traders near Djibo market",
        "source_date": "2022-05-01;2022-05-01;2022-05-02;2022-05-03",
    }
    headlines = evaluate.descriptive_headlines(row)
    assert [h for h, _ in headlines] == ["Gunmen kill four traders near Djibo market"]
    assert headlines[0][1].isoformat() == "2022-05-03"


@pytest.mark.skipif(not (SHARED / "case2021_task2" / "dev.tsv").is_file(), reason="../shared/data is absent")
def test_case_reader_maps_codes_to_contract_names():
    rows = evaluate.read_case(SHARED)
    assert len(rows) == 510
    golds = {gold for _, _, gold in rows}
    assert golds - set(evaluate.ACLED_SUB_EVENT_TYPES) <= {"ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"}
    assert "Armed clash" in golds


@pytest.mark.skipif(not (SHARED / evaluate.UCDP_FILE).is_file(), reason="../shared/data is absent")
def test_geocoder_places_most_ucdp_descriptions_near_ucdp_points(resources):
    report = evaluate.ucdp_geocode_scores(SHARED, resources)
    assert report.descriptions > 1000
    # A floor well under the measured 85%: the benchmark, not this test, tracks the figure.
    assert report.within_km > 0.75 and report.admin1_right > 0.85
