"""Shared fixtures for the ingest tests: the rule table, the ingest resources, settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitreps.config import Settings
from sitreps.ingest import load_resources
from sitreps.ingest.rules import load_boilerplate

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"

# A plain story written for these tests (invented, Sahel news style).
GOOD_STORY = (
    "Gunmen attack market in Boulkessi\n"
    "Suspected jihadists attacked the weekly market in Boulkessi on Thursday morning, killing "
    "five traders and burning several stalls, a local official said.\n"
    "The attackers arrived on motorcycles and fled towards the Malian border before soldiers "
    "from the nearby camp reached the market.\n"
)


@pytest.fixture(scope="session")
def rules():
    return load_boilerplate()


@pytest.fixture(scope="session")
def settings():
    return Settings()


@pytest.fixture(scope="session")
def resources(settings):
    return load_resources(settings)


@pytest.fixture(scope="session")
def bad_dir() -> Path:
    return FIXTURES / "bad"


@pytest.fixture(scope="session")
def good_story() -> str:
    return GOOD_STORY


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD_STORY, encoding="utf-8")
    return path
