"""Hostile documents mixed with the shipped sample pages, through the real `sitreps extract` and
`sitreps ingest`: the sample pages' events come out exactly as in a clean run, each bad file is
named once on stderr, nothing crashes, and the run exits with code 5.

The hostile pages were written for this test. Those that are readable tell of events in 2019, so
none of them can fuse with a sample page's event and change it. An unreadable file and folder
need permissions to bite: as root the command runs without the capabilities that bypass them
(setpriv, util-linux).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from e2e_cli import RUN_TIMEOUT_S, jsonl, sitreps_env, stable_record

from sitreps.api import sample_paths

DIGITS = {
    "superscript": "\u00b9\u00b2",
    "subscript": "\u2081\u2082",
    "circled": "\u2460\u2461",
    "fullwidth": "\uff11\uff12",
    "arabic_indic": "\u0661\u0662",
    "devanagari": "\u0967\u0968",
}
EVENT = "MOPTI, 4 June 2019 - Gunmen killed {n} villagers in Sofara, Mali, on Monday, local officials said.{x} The attackers fled."

# Files whose stderr line must say this (a phrase of errors.REASONS); every other hostile file is
# read without a word.
BAD = {
    "binary.txt": "binary",
    "invalid.json": "not valid JSON",
    "unreadable.txt": "cannot be read",
    "locked": "cannot be read",
    "empty.txt": "empty",
    "loop": "symbolic link back",
    "huge_runon.txt": "max_document_chars",
}
MAX_CHARS = 150_000


def _hostile_folder(root: Path) -> Path:
    folder = root / "hostile"
    folder.mkdir()
    for name, digits in DIGITS.items():
        text = EVENT.format(n=digits, x=f" It was the {digits} attack in {digits} weeks.")
        (folder / f"digits_{name}.txt").write_text(text, encoding="utf-8")
    zero_width = EVENT.format(n="1\u200b2", x=" Dia\u00adfa\u200drabé\u2060 \ufeff").replace("Sofara", "So\u200bfara")
    (folder / "zero_width.txt").write_text(zero_width, encoding="utf-8")
    # Valid JSON with lone surrogate escapes, in the text, the title and the id.
    text = EVENT.format(n="12 \\ud800", x="\\udc00")  # JSON escapes, written as they are
    records = '[{"id": "sur\\ud800", "title": "\\udfff", "text": "' + text + '"}]'
    (folder / "surrogates.json").write_text(records, encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "invalid.json").write_text('{"id": "x", "text": "Gunmen killed', encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    words = "gunmen attacked villagers near the river while soldiers answered with strikes and residents fled".split()
    (folder / "runon.txt").write_text(", ".join(" ".join(words) for _ in range(600)), encoding="utf-8")  # ~60 KB, one sentence
    (folder / "huge_runon.txt").write_text(" ".join(words * 2000), encoding="utf-8")  # ~200 KB > MAX_CHARS
    (folder / "unreadable.txt").write_text(EVENT.format(n="12", x=""), encoding="utf-8")
    (folder / "unreadable.txt").chmod(0)
    (folder / "locked").mkdir()
    (folder / "locked" / "page.txt").write_text(EVENT.format(n="12", x=""), encoding="utf-8")
    (folder / "locked").chmod(0)
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    return folder


def _run(args: list, cwd: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "sitreps.cli", *map(str, args)]
    if os.geteuid() == 0:
        assert shutil.which("setpriv"), "as root this test needs setpriv (util-linux) to honour file permissions"
        command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--", *command]
    env = sitreps_env(cwd, SITREPS_MAX_DOCUMENT_CHARS=str(MAX_CHARS))
    proc = subprocess.run(command, cwd=cwd, env=env, capture_output=True, timeout=RUN_TIMEOUT_S)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8", "replace"))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    folder = _hostile_folder(root)
    inputs = [*map(str, sample_paths()), folder]
    extracted = _run(["extract", *inputs, "--format", "jsonl"], cwd=root)
    ingested = _run(["ingest", *inputs, "--db", root / "mixed.duckdb"], cwd=root)
    stored = _run(["events", "--db", root / "mixed.duckdb", "--format", "jsonl"], cwd=root)
    yield folder, extracted, ingested, stored
    for locked in (folder / "unreadable.txt", folder / "locked"):
        locked.chmod(0o700)


def _from_samples(events: list[dict]) -> list[dict]:
    samples = {str(p) for p in sample_paths()}
    return [e for e in events if any(s["document"] in samples for s in e["sources"])]


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_hostile_run_exits_partial_without_traceback(hostile, command):
    proc = hostile[1] if command == "extract" else hostile[2]
    assert proc.returncode == 5, proc.stderr
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr


@pytest.mark.parametrize("command", ["extract", "ingest"])
@pytest.mark.parametrize("name", sorted(BAD))
def test_hostile_run_names_each_bad_file_once(hostile, command, name):
    folder, proc = hostile[0], hostile[1] if command == "extract" else hostile[2]
    lines = [line for line in proc.stderr.splitlines() if line.startswith(f"sitreps: error: {folder / name}")]
    assert len(lines) == 1, proc.stderr
    assert BAD[name] in lines[0]


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_hostile_run_names_no_readable_file(hostile, command):
    folder, proc = hostile[0], hostile[1] if command == "extract" else hostile[2]
    named = [line for line in proc.stderr.splitlines() if line.startswith("sitreps: error: ")]
    assert len(named) == len(BAD), proc.stderr


def test_hostile_extract_keeps_the_sample_events_identical(hostile, samples_run):
    assert _from_samples(jsonl(hostile[1].stdout)) == samples_run.events


def test_hostile_extract_reads_odd_digits_as_numbers(hostile):
    folder, proc = hostile[0], hostile[1]
    # Each report's own toll (the pages tell one event, which fusion joins).
    tolls = {Path(s["document"]).name: s["fatalities"] for e in jsonl(proc.stdout) for s in e["sources"] if str(folder) in s["document"]}
    # Decimal digits of any script are 12; superscript, subscript and circled digits are no count.
    assert {name: tolls.get(f"digits_{name}.txt") for name in DIGITS} == {
        "superscript": 0, "subscript": 0, "circled": 0, "fullwidth": 12, "arabic_indic": 12, "devanagari": 12,
    }
    assert tolls.get("zero_width.txt") == 12 and "sur\ufffd" in {s["document"] for e in jsonl(proc.stdout) for s in e["sources"]}


def test_hostile_ingest_stores_the_sample_events_unchanged(hostile, samples_run):
    _, _, ingested, stored = hostile
    assert stored.returncode == 0, stored.stderr
    got = sorted(json.dumps(stable_record(e)) for e in _from_samples(jsonl(stored.stdout)))
    assert got == sorted(json.dumps(stable_record(e)) for e in samples_run.events)
