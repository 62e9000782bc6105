"""`sitreps ingest` into a temporary DuckDB store, twice, and `sitreps events` with its filters."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from e2e_cli import jsonl, run_sitreps

from sitreps.api import sample_paths

SUMMARY = re.compile(r"(\d+) new documents \((\d+) already stored\), (\d+) new events")


@dataclass(frozen=True)
class Store:
    workdir: Path
    db: Path
    first: object  # CompletedProcess of the first ingest
    second: object
    before: str  # `events --format jsonl` after the first ingest
    after: str  # ... and after the second

    def events(self, *args: str):
        return run_sitreps(["events", "--db", self.db, *args], cwd=self.workdir)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    workdir = tmp_path_factory.mktemp("store")
    db = workdir / "monitor.duckdb"
    inputs = [str(p) for p in sample_paths()]
    first = run_sitreps(["ingest", *inputs, "--db", db], cwd=workdir)
    assert first.returncode == 0, first.stderr
    before = run_sitreps(["events", "--db", db, "--format", "jsonl"], cwd=workdir)
    second = run_sitreps(["ingest", *inputs, "--db", db], cwd=workdir)
    assert second.returncode == 0, second.stderr
    after = run_sitreps(["events", "--db", db, "--format", "jsonl"], cwd=workdir)
    assert before.returncode == after.returncode == 0, before.stderr + after.stderr
    return Store(workdir, db, first, second, before.stdout, after.stdout)


def _summary(stderr: str) -> tuple[int, int, int]:
    found = SUMMARY.search(stderr)
    assert found, f"no ingest summary on stderr: {stderr!r}"
    return tuple(int(n) for n in found.groups())


def test_ingest_first_run_adds_documents_and_events(store):
    new_documents, already, new_events = _summary(store.first.stderr)
    assert new_documents == len(sample_paths())
    assert already == 0
    assert new_events == len(jsonl(store.before)) > 0


def test_ingest_second_run_adds_nothing(store):
    new_documents, already, new_events = _summary(store.second.stderr)
    assert (new_documents, already, new_events) == (0, len(sample_paths()), 0)
    assert store.after == store.before


def test_ingest_stores_events_with_sources(store):
    events = jsonl(store.after)
    assert [e["event_id"] for e in events if not e["sources"]] == []


def test_ingest_stores_the_events_extract_finds(store, samples_run):
    stored = {e["event_id"] for e in jsonl(store.after)}
    assert stored == {e["event_id"] for e in samples_run.events}


def test_ingest_writes_nothing_but_the_store(store):
    # The store path was given with --db: no default ./sitreps.duckdb may appear beside it.
    assert sorted(p.name for p in store.workdir.iterdir() if p.suffix == ".duckdb") == ["monitor.duckdb"]


def _matches(event: dict, flag: str, value: str) -> bool:
    if flag == "--country":
        return event["iso3"] == value
    if flag == "--since":
        return event["event_date"] is not None and event["event_date"] >= value
    if flag == "--until":
        return event["event_date"] is not None and event["event_date"] <= value
    if flag == "--type":
        return event["event_type"] == value
    if flag == "--actor":
        actors = (event["actor1"], event["actor2"], event["assoc_actor_1"], event["assoc_actor_2"])
        return any(value.lower() in actor.lower() for actor in actors)
    raise AssertionError(flag)


@pytest.mark.parametrize(
    "filters",
    [
        {"--country": "MLI"},
        {"--country": "BFA"},
        {"--since": "2024-06-01"},
        {"--until": "2024-03-31"},
        {"--since": "2024-03-01", "--until": "2024-03-31"},
        {"--type": "Violence against civilians"},
        {"--type": "Battles"},
        {"--actor": "jnim"},
        {"--country": "MLI", "--actor": "military forces"},
    ],
    ids=lambda f: " ".join(f"{k} {v}" for k, v in f.items()),
)
def test_events_filters_return_exactly_the_matching_subset(store, filters):
    everything = jsonl(store.after)
    args = [part for flag, value in filters.items() for part in (flag, value)]
    proc = store.events(*args, "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    expected = [e["event_id"] for e in everything if all(_matches(e, f, v) for f, v in filters.items())]
    assert sorted(e["event_id"] for e in jsonl(proc.stdout)) == sorted(expected)


def test_events_filters_narrow_the_store(store):
    # The parametrised filters above must not all be vacuous: the samples have events in
    # Mali and Burkina Faso, and a filter that keeps everything proves nothing.
    everything = jsonl(store.after)
    countries = {e["iso3"] for e in everything}
    assert {"MLI", "BFA"} <= countries
    assert any(e["event_type"] == "Violence against civilians" for e in everything)


def test_events_lowercase_country_is_accepted(store):
    upper = store.events("--country", "MLI", "--format", "jsonl")
    lower = store.events("--country", "mli", "--format", "jsonl")
    assert lower.returncode == 0 and lower.stdout == upper.stdout


def test_events_table_ends_with_the_count(store):
    proc = store.events()
    assert proc.returncode == 0, proc.stderr
    count = len(jsonl(store.after))
    assert proc.stdout.rstrip().splitlines()[-1] == f"{count} events"


@pytest.mark.parametrize("flag", ["--since", "--until"])
def test_events_bad_date_filter_exits_usage(store, flag):
    proc = store.events(flag, "soon")
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and "'soon' is not a date" in proc.stderr


def test_events_table_starts_with_the_ids_explain_merge_and_split_take(store):
    proc = store.events()
    rows = proc.stdout.rstrip().splitlines()[2:-1]
    assert [row.split()[0] for row in rows] == [e["event_id"] for e in jsonl(store.after)]
    first = rows[0].split()[0]
    explained = store.events("--explain", first)
    assert explained.returncode == 0 and explained.stdout.startswith(first), explained.stderr
