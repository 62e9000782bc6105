"""`sitreps bench` and bench/quality.py as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from e2e_cli import run_sitreps

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "data"


def test_bench_names_a_folder_without_the_labelled_data(tmp_path):
    done = run_sitreps(["bench", "--data", tmp_path / "nowhere"], cwd=tmp_path)
    assert done.returncode == 4
    assert "nowhere" in done.stderr and "Traceback" not in done.stderr


def test_quality_script_skips_cleanly_without_data(tmp_path):
    done = subprocess.run([sys.executable, str(REPO / "bench" / "quality.py"), "--data", str(tmp_path)], capture_output=True, text=True)
    assert done.returncode == 0
    assert "skipped" in done.stderr


@pytest.mark.skipif(not (SHARED / "case2021_task2" / "dev.tsv").is_file(), reason="../shared/data is absent")
def test_bench_prints_every_table_on_the_shared_data(tmp_path):
    pytest.importorskip("sklearn")
    done = run_sitreps(["bench", "--data", SHARED], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    headings = ["CASE 2021 dev: weighted F1", "UCDP GED Burkina Faso", "UCDP headlines", "Gazetteer self-check", "| Grenade |"]
    if (SHARED / "news_dev" / "corpus.jsonl").is_file() and (SHARED.parent / "tools" / "score_news.py").is_file():
        headings += ["news_dev (real excerpts", "fusion_dev (real pages"]
    for heading in headings:
        assert heading in done.stdout
    weighted_f1 = float(done.stdout.split("no event = wrong) | ")[1].split(" | ")[1])
    assert 0.5 < weighted_f1 <= 1.0
    # The same snippets all in one `sitreps extract` run: rules, then cross-validated.
    batch_row = done.stdout.split("CASE: all snippets in one `sitreps extract` run")[1].splitlines()[0]
    rules_f1, cross_validated_f1 = (float(cell) for cell in batch_row.split(" | ")[1:3])
    assert 0.5 < rules_f1 <= 1.0 and 0.5 < cross_validated_f1 <= 1.0
    assert "CASE, one run: snippets read otherwise than alone" in done.stdout


def test_fusion_bench_scores_a_small_generated_corpus(tmp_path):
    keep = tmp_path / "corpus"
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "fusion.py"), "--events", "16", "--seed", "3", "--keep", str(keep)],
        capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["true_events"] == 16 and figures["articles"] == len(list(keep.glob("E*.txt")))
    # Every report's event is somewhere, and the two shares are shares.
    assert figures["true_events_found"] == 16
    assert 0.0 <= figures["double_counted"] <= 1.0 and 0.0 <= figures["wrong_merges"] <= 1.0


def test_news_script_skips_cleanly_without_data(tmp_path):
    done = subprocess.run([sys.executable, str(REPO / "bench" / "news.py"), "--data", str(tmp_path)], capture_output=True, text=True)
    assert done.returncode == 0
    assert "skipped" in done.stderr
