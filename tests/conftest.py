"""Session-wide fixtures: one Settings and one Resources for every unit test that asks for them.

spaCy models, the gazetteer and the actor registry load in seconds, so the whole session shares
one ``Resources`` (they load on first use). Folder conftests (ingest, store, analyze) define
their own fixtures of the same names where they need something else; theirs win there.
"""

from __future__ import annotations

import pytest

from sitreps.config import Settings, load_settings
from sitreps.resources import Resources


@pytest.fixture(scope="session")
def settings(tmp_path_factory) -> Settings:
    # An empty environment keeps SITREPS_* variables of the shell out of the tests, and an empty
    # gazetteer folder keeps places a user added on this machine out of the results.
    user_gazetteer = tmp_path_factory.mktemp("user_gazetteer")
    return load_settings(environ={}, overrides={"gazetteer_dir": str(user_gazetteer)})


@pytest.fixture(scope="session")
def resources(settings: Settings) -> Resources:
    return Resources(settings)


@pytest.fixture(scope="session")
def gazetteer(resources: Resources):
    return resources.gazetteer


@pytest.fixture(scope="session")
def registry(resources: Resources):
    return resources.actors
