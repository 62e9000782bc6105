"""Property-based tests: resolve takes mentions whose place and actor phrases are hostile text
(every kind of Unicode digit, lone surrogates, zero-width characters) without raising. The
mentions are real ones, extracted from a sentence written for this test, with their phrases
replaced. See tests/unit/hostile.py."""

from __future__ import annotations

import dataclasses
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hostile import FUZZ, hostile_text  # noqa: E402

from sitreps import extract, resolve  # noqa: E402
from sitreps.model import Article, Mention  # noqa: E402

SENTENCE = "Gunmen killed 12 villagers in Djibo, Burkina Faso, on Sunday, residents said."


@pytest.fixture(scope="module")
def mention(settings, resources) -> Mention:
    article = Article(article_id="r", document_id="r", path="r.txt", text=SENTENCE, published=date(2024, 3, 5), language="en")
    return next(m for m in extract.run([article], settings, resources) if isinstance(m, Mention))


@FUZZ
@given(place=hostile_text, actor1=hostile_text, actor2=hostile_text, country=st.sampled_from(["", "BFA", "MLI", "???"]))
def test_resolve_run_never_raises(settings, resources, mention, place, actor1, actor2, country):
    hostile = dataclasses.replace(
        mention, place_text=place, actor1_text=actor1, actor2_text=actor2, country_hint=country, assoc_actor1_texts=(actor2,)
    )
    [resolved] = list(resolve.run([hostile], settings, resources))
    assert resolved.mention_id == mention.mention_id


@FUZZ
@given(place=hostile_text, country=st.sampled_from([None, "BFA", "NER", "XXX"]))
def test_geocode_never_raises(gazetteer, place, country):
    found = gazetteer.geocode(place, country)
    assert found.best is None or found.best.place.name
