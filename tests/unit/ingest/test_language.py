"""Language detection restricted to the languages sitreps reads."""

from __future__ import annotations

import pytest

from sitreps.ingest.language import detect_language, load_identifier


@pytest.fixture(scope="module")
def identifier():
    return load_identifier(("en", "fr"))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Gunmen on motorcycles killed seven villagers near Ouallam on Monday, a local official said.", "en"),
        ("Des hommes armés à moto ont tué sept villageois près de Ouallam lundi, a indiqué un responsable local.", "fr"),
        ("Niamey, Tillabéri, Ouallam", "fr"),
        ("The army said the operation in Ménaka was a success.", "en"),
    ],
)
def test_detect_language_en_fr(identifier, text, language):
    assert detect_language(text, ("en", "fr"), identifier) == language


def test_detect_language_answers_only_allowed_languages(identifier):
    german = "Bewaffnete Männer haben am Montag sieben Dorfbewohner in der Nähe von Ouallam getötet."
    assert detect_language(german, ("en", "fr"), identifier) in {"en", "fr"}


@pytest.mark.parametrize(("text", "allowed", "language"), [("", ("en", "fr"), "en"), ("Attaque à Gao", ("fr",), "fr")])
def test_detect_language_trivial_cases(text, allowed, language):
    assert detect_language(text, allowed) == language


def test_detect_language_without_identifier_loads_its_own_not_the_module_model():
    import py3langid.langid

    assert detect_language("Les soldats ont repoussé une attaque contre le camp de Boni.") == "fr"
    assert py3langid.langid.IDENTIFIER is None
