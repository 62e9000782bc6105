"""Shared runs of the real `sitreps` command. Each run loads spaCy and the gazetteer (seconds),
so one run's output is shared by every assertion about it."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from e2e_cli import jsonl, run_sitreps, sample_extract_args  # noqa: E402

from sitreps.api import sample_paths  # noqa: E402

# Two records written for these tests: a village attack in Mali and a clash in Niger.
RECORDS = (
    {
        "id": "rec-mali-1",
        "url": "https://example.org/2024/03/05/sofara",
        "title": "Gunmen kill villagers in central Mali",
        "published": "2024-03-05",
        "text": "MOPTI, 5 March 2024 - Gunmen killed nine villagers in an attack on Sofara in central Mali "
        "on Monday, local officials said. The assailants arrived on motorbikes and left before dawn.",
    },
    {
        "id": "rec-niger-2",
        "title": "Soldiers clash with jihadists in western Niger",
        "published": "2024-04-10",
        "text": "NIAMEY, 10 April 2024 - Nigerien soldiers clashed with Islamic State fighters near Tera in "
        "the Tillaberi region on Tuesday, killing 15 militants, the defence ministry said in a statement.",
    },
)


@dataclass(frozen=True)
class Run:
    proc: subprocess.CompletedProcess
    events: list[dict]
    workdir: Path


@pytest.fixture(scope="session")
def sample_files() -> list[Path]:
    return sample_paths()


@pytest.fixture(scope="session")
def samples_run(tmp_path_factory) -> Run:
    """`sitreps extract` on the shipped sample pages, JSONL on stdout."""
    workdir = tmp_path_factory.mktemp("extract_samples")
    proc = run_sitreps(sample_extract_args(), cwd=workdir)
    assert proc.returncode == 0, proc.stderr
    return Run(proc, jsonl(proc.stdout), workdir)


@pytest.fixture(scope="session")
def samples_csv_run(tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    """The same inputs again, as CSV written with -o: a second run for the stability check."""
    workdir = tmp_path_factory.mktemp("extract_csv")
    out = workdir / "events.csv"
    proc = run_sitreps(["extract", *map(str, sample_paths()), "--format", "csv", "-o", out], cwd=workdir)
    assert proc.returncode == 0, proc.stderr
    return proc, out


@pytest.fixture(scope="session")
def records_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("records") / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def records_run(records_file: Path) -> Run:
    """`sitreps extract records.jsonl -o out.jsonl`."""
    workdir = records_file.parent
    proc = run_sitreps(["extract", records_file, "-o", "out.jsonl"], cwd=workdir)
    assert proc.returncode == 0, proc.stderr
    return Run(proc, jsonl((workdir / "out.jsonl").read_text(encoding="utf-8")), workdir)
