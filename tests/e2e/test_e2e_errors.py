"""Bad inputs and bad usage: the right exit code and one clear stderr line, never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from e2e_cli import jsonl, run_sitreps

from sitreps.api import sample_paths

BAD_DIR = Path(__file__).parents[1] / "fixtures" / "bad"
GOOD_PAGE = "boni_clash_en.html"
# What each bad fixture's stderr line must say (a phrase of errors.REASONS).
BAD_FILES = {
    "bad_encoding.txt": "not valid text",
    "binary.txt": "binary",
    "empty.txt": "empty",
    "malformed.json": "not valid JSON",
    "missing_text.json": "without the required fields",
    "no_text.html": "no extractable text",
    "truncated.warc.gz": "not a readable WARC",
}


@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory):
    """A folder with every bad fixture and one good sample page."""
    workdir = tmp_path_factory.mktemp("mixed")
    folder = workdir / "pages"
    shutil.copytree(BAD_DIR, folder)
    shutil.copy(next(p for p in sample_paths() if p.name == GOOD_PAGE), folder / GOOD_PAGE)
    return run_sitreps(["extract", "pages"], cwd=workdir)


def test_bad_fixtures_are_all_covered():
    assert sorted(p.name for p in BAD_DIR.iterdir()) == sorted(BAD_FILES)


def test_extract_mixed_folder_exits_partial(mixed_run):
    assert mixed_run.returncode == 5, mixed_run.stderr
    assert "Traceback" not in mixed_run.stderr


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_extract_mixed_folder_names_each_bad_file_once(mixed_run, name):
    lines = [line for line in mixed_run.stderr.splitlines() if name in line]
    assert len(lines) == 1, mixed_run.stderr
    assert lines[0].startswith("sitreps: error: ")
    assert BAD_FILES[name] in lines[0]


def test_extract_mixed_folder_keeps_the_good_page(mixed_run):
    documents = {Path(s["document"]).name for e in jsonl(mixed_run.stdout) for s in e["sources"]}
    assert GOOD_PAGE in documents
    # The truncated WARC's first record is whole: its events may be kept, nothing else's.
    assert documents <= {GOOD_PAGE, "truncated.warc.gz#1"}
    assert GOOD_PAGE not in mixed_run.stderr


@pytest.mark.parametrize(
    "args, codes, phrase",
    [
        (["extract", "no/such/page.html"], {5}, "does not exist"),
        (["extract", "page.txt", "--published", "2024-13-45"], {2, 3}, "2024-13-45"),
        (["extract", "page.txt", "--published", "yesterday"], {2, 3}, "yesterday"),
        (["extract", "page.txt", "--no-such-option"], {2}, "--no-such-option"),
        (["events", "--db", "fake.duckdb"], {3, 4}, "fake.duckdb"),
        (["extract", "page.txt", "-o", "no/such/dir/out.jsonl"], {2, 3}, "cannot write"),
        (["--config", "bad.toml", "extract", "page.txt"], {3}, "unknown_key"),
        (["--config", "absent.toml", "config", "show"], {3}, "absent.toml"),
    ],
    ids=["missing-path", "bad-date", "word-date", "unknown-option", "not-duckdb", "unwritable-output", "config-unknown-key", "config-missing"],
)
def test_cli_bad_usage_exits_with_one_line(tmp_path, args, codes, phrase):
    (tmp_path / "page.txt").write_text("Gunmen killed two herders near Djibo on Monday, residents said.\n", encoding="utf-8")
    (tmp_path / "fake.duckdb").write_text("this is not a database\n", encoding="utf-8")
    (tmp_path / "bad.toml").write_text('progress = "never"\nunknown_key = 1\n', encoding="utf-8")
    proc = run_sitreps(args, cwd=tmp_path)
    assert proc.returncode in codes, proc.stderr
    assert "Traceback" not in proc.stderr
    assert phrase in proc.stderr
    # click's usage errors add "Usage:" and "Try ..." lines; our own errors are one line.
    error_lines = [line for line in proc.stderr.splitlines() if "error" in line.lower()]
    assert len(error_lines) == 1, proc.stderr


def test_cli_bad_published_reads_no_input(tmp_path):
    # The date is checked before the (slow) pipeline runs: no events, no partial output.
    (tmp_path / "page.txt").write_text("Gunmen killed two herders near Djibo on Monday.\n", encoding="utf-8")
    proc = run_sitreps(["extract", "page.txt", "--published", "2024-02-30"], cwd=tmp_path)
    assert proc.returncode in (2, 3)
    assert proc.stdout == ""


def test_events_on_a_missing_store_creates_no_file(tmp_path):
    proc = run_sitreps(["events", "--db", "absent.duckdb"], cwd=tmp_path)
    assert proc.returncode in (3, 4), proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "absent.duckdb").exists()
