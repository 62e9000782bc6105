"""An ingest that is killed, that runs while others read, or that meets a full disk or a read-only
store, through the real `sitreps` command and real store files.

One ingest runs to the end while `sitreps events` processes read the store; another, of the same
pages into another store, is killed with SIGKILL once the store shows a few documents committed
(polled by this process, which may read the store while the ingest runs), then run again. The
two stores must then hold the same events, ids and sources. Both commit every document
(`SITREPS_INGEST_BATCH_DOCUMENTS=1`, a real setting) so that the kill lands mid-way.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from e2e_cli import RUN_TIMEOUT_S, jsonl, run_sitreps, sitreps_env

from sitreps.api import sample_paths
from sitreps.errors import MissingResourceError
from sitreps.store import Store

SUMMARY = re.compile(r"(\d+) new documents \((\d+) already stored\)")
BATCH = {"SITREPS_INGEST_BATCH_DOCUMENTS": "1"}
KILL_AFTER = 3  # documents committed
# Twelve attacks, each told by two outlets (2024): more pages, so that the ingest runs long
# enough to be read and killed mid-way, and reports that fuse across pages.
ATTACKS = [
    ("Djibo", "Burkina Faso", "4 March", 9), ("Kaya", "Burkina Faso", "9 March", 4), ("Dori", "Burkina Faso", "15 March", 12),
    ("Titao", "Burkina Faso", "2 April", 6), ("Sebba", "Burkina Faso", "18 April", 7), ("Diapaga", "Burkina Faso", "3 May", 5),
    ("Boni", "Mali", "11 March", 8), ("Hombori", "Mali", "27 March", 3), ("Douentza", "Mali", "14 April", 10),
    ("Niono", "Mali", "6 May", 4), ("Téra", "Niger", "20 March", 15), ("Ouallam", "Niger", "25 April", 11),
]


def _pages(folder: Path) -> list[Path]:
    folder.mkdir()
    for n, (town, country, day, toll) in enumerate(ATTACKS):
        (folder / f"{n:02d}-wire.txt").write_text(
            f"Gunmen kill {toll} in {town}\n\nPublished {day} 2024\n\nGunmen attacked the town of {town}, {country}, "
            f"on {day} 2024, killing {toll} civilians, local officials said. The attackers fled on motorbikes "
            "before the army arrived, residents told reporters.\n", encoding="utf-8")
        (folder / f"{n:02d}-radio.txt").write_text(
            f"{town}: attack leaves {toll + 2} dead\n\nPublished {day} 2024\n\nArmed men killed {toll + 2} people in "
            f"an attack on {town} in {country} on {day} 2024, a security source said. Shops and the market stayed "
            "closed the next day.\n", encoding="utf-8")
    return sorted(folder.iterdir())


def _start_ingest(db: Path, inputs: list[Path], workdir: Path, **env: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "sitreps.cli", "ingest", *map(str, inputs), "--db", str(db)],
        cwd=workdir, env=sitreps_env(workdir, **BATCH, **env), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _committed(db: Path) -> int:
    """Documents committed to the store so far, read while the ingest may be writing."""
    try:
        with Store.open(db, read_only=True, wait_seconds=30) as store:
            return store.stats().documents
    except MissingResourceError:  # not created yet
        return 0


def _wait_for(db: Path, documents: int, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + RUN_TIMEOUT_S
    while _committed(db) < documents:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the ingest committed nothing"
        time.sleep(0.02)


def _stored(workdir: Path, db: Path) -> list[dict]:
    out = run_sitreps(["events", "--db", db, "--format", "jsonl"], cwd=workdir)
    assert out.returncode == 0, out.stderr
    events = jsonl(out.stdout)
    for event in events:
        for source in event["sources"]:
            source.pop("arrived")  # when this store received it: the one thing that may differ
    return events


@dataclass(frozen=True)
class Runs:
    inputs: list[Path]
    clean: subprocess.CompletedProcess
    clean_events: list[dict]
    readers: list[tuple[int, int, bool]]  # (exit code, events seen, finished while the ingest ran)
    killed_code: int
    committed_at_kill: int
    rerun: subprocess.CompletedProcess
    rerun_events: list[dict]


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> Runs:
    workdir = tmp_path_factory.mktemp("durable")
    inputs = [*sample_paths(), *_pages(workdir / "pages")]

    # A whole ingest, read by `sitreps events` again and again while it runs.
    clean = workdir / "clean.duckdb"
    proc = _start_ingest(clean, inputs, workdir)
    _wait_for(clean, 1, proc)
    readers = []
    while proc.poll() is None:
        read = run_sitreps(["events", "--db", clean, "--format", "jsonl"], cwd=workdir)
        readers.append((read.returncode, len(jsonl(read.stdout)) if read.returncode == 0 else -1, proc.poll() is None))
    out, err = proc.communicate(timeout=RUN_TIMEOUT_S)
    clean_run = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)

    # The same ingest into another store, killed once a few documents are committed, then again.
    killed = workdir / "killed.duckdb"
    proc = _start_ingest(killed, inputs, workdir)
    _wait_for(killed, KILL_AFTER, proc)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=RUN_TIMEOUT_S)
    committed = _committed(killed)
    rerun = run_sitreps(["ingest", *inputs, "--db", killed], cwd=workdir, **BATCH)
    return Runs(inputs, clean_run, _stored(workdir, clean), readers, proc.returncode, committed, rerun, _stored(workdir, killed))


def test_ingest_runs_to_the_end_while_others_read(runs):
    assert runs.clean.returncode == 0, runs.clean.stderr
    assert SUMMARY.search(runs.clean.stderr).group(1) == str(len(runs.inputs))


def test_events_can_be_read_while_an_ingest_runs(runs):
    assert runs.readers and all(code == 0 for code, _, _ in runs.readers), runs.readers
    during = [seen for _, seen, running in runs.readers if running]
    # At least one read finished mid-way, and saw the part of the store committed by then.
    assert any(seen < len(runs.clean_events) for seen in during), runs.readers


def test_ingest_killed_mid_way_keeps_what_it_committed(runs):
    assert runs.killed_code == -signal.SIGKILL
    assert KILL_AFTER <= runs.committed_at_kill < len(runs.inputs)


def test_ingest_rerun_after_a_kill_adds_only_the_rest(runs):
    assert runs.rerun.returncode == 0, runs.rerun.stderr
    new, already = map(int, SUMMARY.search(runs.rerun.stderr).groups())
    assert (new, already) == (len(runs.inputs) - runs.committed_at_kill, runs.committed_at_kill)


def test_ingest_rerun_after_a_kill_equals_one_clean_run(runs):
    assert runs.rerun_events == runs.clean_events
    ids = [e["event_id"] for e in runs.rerun_events]
    assert len(ids) == len(set(ids)) and any(len(e["sources"]) > 1 for e in runs.rerun_events)  # no doubles; fused


def test_ingest_on_a_full_disk_fails_in_one_line_and_keeps_what_was_committed(tmp_path):
    db = tmp_path / "m.duckdb"
    inputs = sample_paths()
    proc = _start_ingest(db, inputs, tmp_path)
    _wait_for(db, 1, proc)
    # From now on the disk is full for the ingest: no file of it may grow (a write past the limit
    # fails with EFBIG, as one on a full disk fails with ENOSPC; Python ignores SIGXFSZ).
    resource.prlimit(proc.pid, resource.RLIMIT_FSIZE, (1, 1))
    out, err = proc.communicate(timeout=RUN_TIMEOUT_S)
    assert proc.returncode == 4, err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"sitreps: error: {db}: cannot write the store (") and "run the command again" in err
    committed = _committed(db)  # what was committed before the disk filled is there, whole
    assert 1 <= committed < len(inputs) and re.search(rf"\({committed} new documents? of this run stored before it\)", err)
    again = run_sitreps(["ingest", *inputs, "--db", db], cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert SUMMARY.search(again.stderr).groups() == (str(len(inputs) - committed), str(committed))


@pytest.fixture()
def read_only_store(tmp_path):
    db = tmp_path / "m.duckdb"
    assert run_sitreps(["ingest", sample_paths()[0], "--db", db], cwd=tmp_path).returncode == 0
    if os.geteuid() == 0:
        # root writes through file modes: the file is made immutable instead.
        if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(db)], capture_output=True).returncode != 0:
            pytest.skip("as root, only an immutable file (chattr +i) is read-only, and this file system has none")
        yield db
        subprocess.run(["chattr", "-i", str(db)], check=True)
    else:
        db.chmod(0o444)
        yield db


def test_ingest_into_a_read_only_store_fails_in_one_line_and_reads_still_work(tmp_path, read_only_store):
    out = run_sitreps(["ingest", sample_paths()[1], "--db", read_only_store], cwd=tmp_path)
    assert out.returncode == 4, out.stderr
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr
    assert f"{read_only_store}: cannot open the store for writing" in out.stderr and "writable" in out.stderr
    read = run_sitreps(["events", "--db", read_only_store, "--format", "jsonl"], cwd=tmp_path)
    assert read.returncode == 0 and jsonl(read.stdout), read.stderr
    assert json.loads(read.stdout.splitlines()[0])["event_id"].startswith("SR")
