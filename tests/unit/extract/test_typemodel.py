"""The trained sub-event type model: training, the saved format, inference, and its packaged weights."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from sitreps.errors import MissingResourceError
from sitreps.extract.typemodel import NOT_ACLED, load_type_model, save_type_model, tokens, train_type_model

sklearn = pytest.importorskip("sklearn")

# Written for this test: three sub-event types and a crime class, four sentences each.
TRAINING = [
    ("Fighter jets bombed rebel positions outside the town.", "Air/drone strike"),
    ("A drone strike hit a militant hideout near the border.", "Air/drone strike"),
    ("Warplanes pounded the camp for a second night.", "Air/drone strike"),
    ("The air force bombed a convoy of armed men.", "Air/drone strike"),
    ("Police arrested twelve opposition activists at dawn.", "Arrests"),
    ("Security agents detained a journalist at his home.", "Arrests"),
    ("Gendarmes arrested the mayor on charges of complicity.", "Arrests"),
    ("Soldiers detained dozens of men during a search operation.", "Arrests"),
    ("Thousands marched peacefully through the capital to demand elections.", "Peaceful protest"),
    ("Students staged a sit-in outside the ministry.", "Peaceful protest"),
    ("Traders marched to the town hall to protest new taxes.", "Peaceful protest"),
    ("Women held a peaceful rally in the main square.", "Peaceful protest"),
    ("Robbers stole cash from a bank in the city centre.", "ORG_CRIME"),
    ("Drug traffickers were caught with cocaine at the port.", "ORG_CRIME"),
    ("A gang robbed a jewellery shop and fled.", "ORG_CRIME"),
    ("Smugglers hid stolen cars in a warehouse.", "ORG_CRIME"),
]


@pytest.fixture(scope="module")
def model():
    return train_type_model([t for t, _ in TRAINING], [label for _, label in TRAINING], min_df=1)


def test_tokens_fold_digits_and_add_bigrams():
    assert tokens("Killed 12 in 2019") == ["killed", "00", "in", "0000", "killed 00", "00 in", "in 0000"]


def test_probabilities_sum_to_one_over_the_trained_classes(model):
    probabilities = model.probabilities("Jets bombed a rebel camp.")
    assert set(probabilities) == {"Air/drone strike", "Arrests", "Peaceful protest", "ORG_CRIME"}
    assert math.isclose(sum(probabilities.values()), 1.0, rel_tol=1e-9)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Warplanes bombed positions of armed men near the camp.", "Air/drone strike"),
        ("Police detained three activists at their homes.", "Arrests"),
        ("Hundreds marched peacefully to the ministry.", "Peaceful protest"),
        ("Robbers stole cash and fled in stolen cars.", "ORG_CRIME"),
    ],
)
def test_model_reads_unseen_sentences_of_its_classes(model, sentence, expected):
    probabilities = model.probabilities(sentence)
    assert max(probabilities, key=probabilities.get) == expected


def test_inference_matches_scikit_learn(model):
    """The pure-Python reader computes what scikit-learn's pipeline would."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts, labels = [t for t, _ in TRAINING], [label for _, label in TRAINING]
    vectorizer = TfidfVectorizer(analyzer=tokens, min_df=1, sublinear_tf=True, norm="l2")
    classifier = LogisticRegression(C=10.0, max_iter=2000, random_state=0).fit(vectorizer.fit_transform(texts), labels)
    sentence = "Soldiers detained a journalist after jets bombed the camp."
    expected = dict(zip(classifier.classes_, classifier.predict_proba(vectorizer.transform([sentence]))[0]))
    got = model.probabilities(sentence)
    for label, probability in expected.items():
        assert got[label] == pytest.approx(probability, abs=1e-6)


def test_saved_model_reads_back_the_same(model, tmp_path):
    path = tmp_path / "model.json.gz"
    save_type_model(model, path)
    again = load_type_model(path)
    sentence = "Students marched to the ministry."
    assert again.probabilities(sentence) == pytest.approx(model.probabilities(sentence), abs=1e-3)
    second = tmp_path / "second.json.gz"
    save_type_model(again, second)
    assert second.read_bytes() == path.read_bytes()  # saving is deterministic


def test_unreadable_model_file_names_the_file(tmp_path):
    path = tmp_path / "broken.json.gz"
    path.write_bytes(b"not gzip")
    with pytest.raises(MissingResourceError, match="broken.json.gz"):
        load_type_model(path)


def test_packaged_model_is_small_and_knows_every_class():
    from importlib import resources

    from sitreps.model import SUB_EVENT_TYPES

    packaged = resources.files("sitreps.data").joinpath("type_model.json.gz")
    assert len(packaged.read_bytes()) < 1_000_000
    model = load_type_model()
    acled = {sub for subs in SUB_EVENT_TYPES.values() for sub in subs}
    assert set(model.classes) == acled | set(NOT_ACLED)


REPO = Path(__file__).resolve().parents[3]
SHARED = REPO.parent / "shared" / "data"


@pytest.mark.skipif(not (SHARED / "case2021_task2" / "dev.tsv").is_file(), reason="../shared/data is absent")
def test_packaged_weights_are_what_the_training_script_builds(tmp_path):
    import subprocess
    import sys
    from importlib import resources

    script = REPO / "scripts" / "train_type_model.py"
    out = tmp_path / "model.json.gz"
    subprocess.run([sys.executable, str(script), "--shared", str(SHARED), "--out", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == resources.files("sitreps.data").joinpath("type_model.json.gz").read_bytes()
