"""Reports of one event over several ingests, through the real `sitreps` command: the stored event
keeps its id, `--explain` shows each source and why it merged, `split` and `merge` hold through
later ingests, and `--as-of` tells what was known on an earlier day."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from e2e_cli import run_sitreps

WIRE = """Gunmen kill nine villagers in northern Burkina Faso

Published 13 March 2024

Gunmen on motorbikes attacked the village of Gaskindé in Burkina Faso's Soum province on Monday,
killing nine civilians and wounding several others, local sources said. The attackers burned
granaries and took livestock before heading towards the border, residents told reporters.
"""

RADIO = """Gaskindé : le bilan s'alourdit

Publié le 15 mars 2024

Des hommes armés ont attaqué lundi le village de Gaskindé, dans la province du Soum, tuant au
moins douze civils, selon un élu local joint par téléphone.
"""

LATE = """Survivors of Gaskindé attack describe the raid

Published 18 March 2024

Survivors said gunmen killed ten villagers in Gaskindé, in Burkina Faso's Soum province, on
Monday 11 March, before setting fire to granaries.
"""


def _events(workdir, db) -> list[dict]:
    out = run_sitreps(["events", "--db", db, "--format", "jsonl"], cwd=workdir)
    assert out.returncode == 0, out.stderr
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def _gaskinde(workdir, db) -> list[dict]:
    return [e for e in _events(workdir, db) if e["location"] == "Gaskindé"]


@pytest.fixture()
def workdir(tmp_path):
    for name, text in (("wire.txt", WIRE), ("radio.txt", RADIO), ("late.txt", LATE)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _ingest(workdir, db, *names):
    out = run_sitreps(["ingest", *names, "--db", db], cwd=workdir)
    assert out.returncode == 0, out.stderr
    return out


def test_reports_over_ingests_fuse_explain_split_and_merge(workdir):
    db = workdir / "m.duckdb"
    _ingest(workdir, db, "wire.txt")
    (first,) = _gaskinde(workdir, db)
    _ingest(workdir, db, "radio.txt")
    (event,) = _gaskinde(workdir, db)
    assert event["event_id"] == first["event_id"] and len(event["sources"]) == 2

    explained = run_sitreps(["events", "--db", db, "--explain", event["event_id"]], cwd=workdir)
    assert explained.returncode == 0, explained.stderr
    assert "wire.txt" in explained.stdout and "radio.txt" in explained.stdout
    assert "why merged" in explained.stdout and "actors agree" in explained.stdout

    split = run_sitreps(["split", event["event_id"], "radio.txt", "--db", db], cwd=workdir)
    assert split.returncode == 0, split.stderr
    apart = _gaskinde(workdir, db)
    assert sorted(len(e["sources"]) for e in apart) == [1, 1]
    assert event["event_id"] in {e["event_id"] for e in apart}

    # A later report joins one of them; the split stays.
    _ingest(workdir, db, "late.txt")
    after = _gaskinde(workdir, db)
    assert len(after) == 2 and sorted(len(e["sources"]) for e in after) == [1, 2]

    other = next(e["event_id"] for e in after if e["event_id"] != event["event_id"])
    merged = run_sitreps(["merge", event["event_id"], other, "--db", db], cwd=workdir)
    assert merged.returncode == 0, merged.stderr
    (whole,) = _gaskinde(workdir, db)
    assert whole["event_id"] == event["event_id"] and len(whole["sources"]) == 3
    assert (whole["fatalities"], whole["fatalities_high"]) == (9, 12)
    overrides = run_sitreps(["events", "--db", db, "--explain", whole["event_id"]], cwd=workdir).stdout
    assert "analyst override: split" in overrides and "analyst override: merged" in overrides


def test_as_of_a_day_before_anything_arrived_shows_nothing(workdir):
    db = workdir / "m.duckdb"
    _ingest(workdir, db, "wire.txt")
    yesterday = (date.today() - timedelta(days=2)).isoformat()
    before = run_sitreps(["events", "--db", db, "--as-of", yesterday, "--format", "jsonl"], cwd=workdir)
    today = run_sitreps(["events", "--db", db, "--as-of", (date.today() + timedelta(days=1)).isoformat(), "--format", "jsonl"], cwd=workdir)
    assert before.returncode == today.returncode == 0, before.stderr + today.stderr
    assert before.stdout.strip() == ""
    assert any(json.loads(line)["location"] == "Gaskindé" for line in today.stdout.splitlines())


@pytest.mark.parametrize(
    "args, message",
    [
        (["split", "SRnope", "wire.txt"], "no event"),
        (["merge", "SRnope"], "at least two"),
    ],
)
def test_override_errors_are_clear(workdir, args, message):
    db = workdir / "m.duckdb"
    _ingest(workdir, db, "wire.txt")
    out = run_sitreps([*args, "--db", db], cwd=workdir)
    assert out.returncode != 0 and message in out.stderr


STATS = """Armed groups killed hundreds in Burkina Faso last year, monitors say

Published 2 January 2025

More than 400 civilians were killed by armed groups in Burkina Faso in 2024, according to a monitoring group.

Across the central Sahel, more than 2,000 people were killed in 2024, the UN said.

More than 150 civilians were killed by armed groups in Soum province in 2024, the group added.
"""


KAYA = """Five civilians killed in Kaya

Published 3 May 2024

Gunmen killed five civilians in Kaya, Burkina Faso, on 2 May 2024, residents said.
"""


def test_period_statistics_are_claims_checked_against_the_events(workdir):
    (workdir / "stats.txt").write_text(STATS, encoding="utf-8")
    (workdir / "kaya.txt").write_text(KAYA, encoding="utf-8")
    db = workdir / "m.duckdb"
    _ingest(workdir, db, "wire.txt", "kaya.txt", "stats.txt")
    assert all(e["location"] != "Burkina Faso" or e["fatalities"] < 400 for e in _events(workdir, db))  # no event from it
    listed = run_sitreps(["claims", "--db", db, "--format", "jsonl"], cwd=workdir)
    assert listed.returncode == 0, listed.stderr
    region, claim, wider = sorted((json.loads(line) for line in listed.stdout.splitlines()), key=lambda c: c["value"])
    assert (region["value"], region["area"], region["admin1"], region["iso3"]) == (150, "Soum", "Sahel", "BFA")
    assert (claim["measure"], claim["value"], claim["qualifier"]) == ("deaths", 400, "more than")
    assert (wider["value"], wider["area"], wider["iso3"]) == (2000, "central Sahel", "BFA;MLI;NER")
    assert (claim["period_start"], claim["period_end"], claim["iso3"]) == ("2024-01-01", "2024-12-31", "BFA")
    assert claim["claimant"] == "monitoring group"
    checked = run_sitreps(["check", claim["claim_id"], "--db", db], cwd=workdir)
    assert checked.returncode == 0, checked.stderr
    # The stored Gaskindé (nine killed) and Kaya (five) attacks by gunmen are the events' side of it.
    assert "2 in the same period, area and actors, 14 fatalities" in checked.stdout
    assert "claimed / stored: 28.57" in checked.stdout
    # The central Sahel counts the events of all three countries (here the two in Burkina Faso).
    checked = run_sitreps(["check", wider["claim_id"], "--db", db], cwd=workdir)
    assert checked.returncode == 0, checked.stderr
    assert "claimed / stored: 142.86" in checked.stdout
    # A province counts only the events inside it: Gaskindé is in Soum, Kaya is not.
    checked = run_sitreps(["check", region["claim_id"], "--db", db], cwd=workdir)
    assert checked.returncode == 0, checked.stderr
    assert "claimed / stored: 16.67" in checked.stdout


def test_exports_tell_when_each_report_arrived(workdir):
    import csv
    import io

    db = workdir / "m.duckdb"
    _ingest(workdir, db, "wire.txt")
    _ingest(workdir, db, "radio.txt")
    (event,) = _gaskinde(workdir, db)
    arrived = [s["arrived"] for s in event["sources"]]
    assert len(arrived) == 2 and all(arrived) and arrived == sorted(arrived)  # two ingests, in arrival order
    out = run_sitreps(["events", "--db", db, "--format", "csv"], cwd=workdir)
    assert out.returncode == 0, out.stderr
    (row,) = [r for r in csv.DictReader(io.StringIO(out.stdout)) if r["location"] == "Gaskindé"]
    assert (row["first_arrived"], row["last_arrived"]) == (arrived[0], arrived[1])


def test_a_page_changed_in_place_replaces_its_report(workdir):
    db = workdir / "m.duckdb"
    _ingest(workdir, db, "wire.txt", "radio.txt")
    (before,) = _gaskinde(workdir, db)
    (workdir / "wire.txt").write_text(WIRE.replace("killing nine civilians", "killing ten civilians"), encoding="utf-8")
    out = _ingest(workdir, db, "wire.txt")
    assert "1 changed pages replaced" in out.stderr
    (after,) = _gaskinde(workdir, db)
    assert after["event_id"] == before["event_id"]
    assert sorted(s["fatalities"] for s in after["sources"]) == [10, 12]
    assert after["fatalities"] == 10
