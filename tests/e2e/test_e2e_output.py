"""An output that cannot be written (a full disk, a closed pipe) ends every command that writes
with one line naming the output and the problem, and exit code 3: never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from e2e_cli import RUN_TIMEOUT_S, run_sitreps, sitreps_env

from sitreps.api import sample_paths

FULL = "/dev/full"  # every write fails with ENOSPC, as on a full disk
PAGES = ("simiri_attack_en.html", "statistics_central_sahel.html")  # events, and a claim


def _page(name: str = PAGES[0]) -> str:
    return str(next(p for p in sample_paths() if p.name == name))


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    workdir = tmp_path_factory.mktemp("output")
    path = workdir / "monitor.duckdb"
    proc = run_sitreps(["ingest", *map(_page, PAGES), "--db", path], cwd=workdir)
    assert proc.returncode == 0, proc.stderr
    return path


def _into(args: list, stdout, cwd: Path) -> subprocess.CompletedProcess:
    proc = subprocess.run(
        [sys.executable, "-m", "sitreps.cli", *map(str, args)],
        cwd=cwd, env=sitreps_env(cwd), stdout=stdout, stderr=subprocess.PIPE, timeout=RUN_TIMEOUT_S,
    )
    return subprocess.CompletedProcess(proc.args, proc.returncode, "", proc.stderr.decode("utf-8", "replace"))


def _assert_one_line(proc: subprocess.CompletedProcess, output: str, problem: str) -> None:
    assert proc.returncode == 3, proc.stderr
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr, proc.stderr
    [line] = proc.stderr.splitlines()
    assert line.startswith(f"sitreps: error: {output}: cannot write the output ({problem})"), line


def test_extract_output_file_on_a_full_disk(tmp_path):
    proc = run_sitreps(["extract", _page(), "-o", FULL], cwd=tmp_path)
    _assert_one_line(proc, FULL, "No space left on device")


@pytest.mark.parametrize(
    "args",
    [["extract", "PAGE", "--format", "csv"], ["events", "--db", "DB"], ["claims", "--db", "DB"],
     ["claims", "--db", "DB", "--format", "jsonl"], ["demo"], ["config", "show"]],
    ids=lambda args: " ".join(args),
)
def test_standard_output_on_a_full_disk(db, args):
    args = [_page() if a == "PAGE" else db if a == "DB" else a for a in args]
    with open(FULL, "w") as full:
        proc = _into(args, full, db.parent)
    _assert_one_line(proc, "standard output", "No space left on device")


@pytest.mark.parametrize("args", [["extract", "PAGE", "--format", "jsonl"], ["events", "--db", "DB"]], ids=lambda args: args[0])
def test_standard_output_closed_by_its_reader(db, args):
    args = [_page() if a == "PAGE" else db if a == "DB" else a for a in args]
    proc = subprocess.Popen(
        [sys.executable, "-m", "sitreps.cli", *map(str, args)],
        cwd=db.parent, env=sitreps_env(db.parent), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    proc.stdout.close()  # like `| head -0`: the reader is gone before anything is written
    stderr = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    done = subprocess.CompletedProcess(args, proc.wait(timeout=RUN_TIMEOUT_S), "", stderr)
    _assert_one_line(done, "standard output", "Broken pipe")
    assert "stopped early" in stderr
