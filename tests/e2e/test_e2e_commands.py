"""`--help` everywhere, `geocode`, `gazetteer add`, `demo`, and the progress bar."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import click
import pytest
from e2e_cli import run_sitreps

from sitreps.cli import cli

MR_SAMPLE = Path(__file__).parents[1] / "fixtures" / "geonames" / "MR_sample.txt"
GEOCODE_KEYS = {"name", "admin1", "admin2", "country", "latitude", "longitude", "geonameid", "alternatives"}


def _command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths = [prefix]
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            paths += _command_paths(command, prefix + (name,))
        else:
            paths.append(prefix + (name,))
    return paths


@pytest.mark.parametrize("path", _command_paths(cli), ids=lambda p: " ".join(p) or "sitreps")
def test_help_works_for_every_command(tmp_path, path):
    proc = run_sitreps([*path, "--help"], cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Usage: sitreps")
    assert proc.stderr == ""
    assert list(tmp_path.iterdir()) == []  # help loads nothing and writes nothing


def test_geocode_tillaberi_returns_the_place_and_alternatives(tmp_path):
    proc = run_sitreps(["geocode", "Tillaberi"], cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout)
    assert GEOCODE_KEYS <= set(found)
    assert found["name"] == "Tillabéri"
    assert found["country"] == "Niger"
    assert 13 < found["latitude"] < 16 and 0 < found["longitude"] < 3
    assert isinstance(found["geonameid"], int)
    assert isinstance(found["alternatives"], list)


@pytest.fixture(scope="module")
def user_gazetteer(tmp_path_factory):
    """A HOME whose user gazetteer holds the hand-made Mauritanian dump."""
    home = tmp_path_factory.mktemp("gazetteer_home")
    proc = run_sitreps(["gazetteer", "add", MR_SAMPLE], cwd=home)
    return home, proc


def test_gazetteer_add_reports_the_places_added(user_gazetteer):
    home, proc = user_gazetteer
    assert proc.returncode == 0, proc.stderr
    added = re.search(r"added (\d+) places", proc.stderr)
    assert added and int(added.group(1)) > 0, proc.stderr
    assert any((home / "xdg" / "sitreps" / "gazetteer").iterdir())


def test_gazetteer_added_place_is_found_by_geocode(user_gazetteer):
    home, _ = user_gazetteer
    # Bassikounou is only in the hand-made dump (id 90000002); "Bassikounu" is an alternate name.
    proc = run_sitreps(["geocode", "Bassikounu", "--country", "MRT"], cwd=home)
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout)
    assert (found["name"], found["geonameid"], found["country"]) == ("Bassikounou", 90000002, "Mauritania")


def test_demo_with_progress_always_prints_a_table(tmp_path):
    started = time.monotonic()
    proc = run_sitreps(["demo"], cwd=tmp_path, SITREPS_PROGRESS="always")
    elapsed = time.monotonic() - started
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.rstrip().splitlines()
    assert lines[0].split()[:5] == ["Event", "id", "Date", "Place", "Type"]
    assert re.fullmatch(r"SR[0-9a-f]{14}", lines[2].split()[0])  # ids come first
    assert re.fullmatch(r"\d+ events?", lines[-1])
    assert "Traceback" not in proc.stderr
    # The bar waits 2 s before it draws: a run well over that shows it, a short one does not.
    if elapsed > 4:
        assert "sample pages" in proc.stderr and "\r" in proc.stderr, proc.stderr
    elif elapsed < 2:
        assert "\r" not in proc.stderr


def test_config_show_reports_environment_over_defaults(tmp_path):
    proc = run_sitreps(["config", "show"], cwd=tmp_path, SITREPS_DB_PATH="monitor.duckdb")
    assert proc.returncode == 0, proc.stderr
    assert 'db_path = "monitor.duckdb"' in proc.stdout.splitlines()
    assert 'progress = "never"' in proc.stdout.splitlines()
