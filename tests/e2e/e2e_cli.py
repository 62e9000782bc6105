"""Helpers shared by the end-to-end tests and update_snapshot.py: run the real `sitreps` command,
read its JSONL, reduce events to the snapshot's stable fields, and read input pages as text.

Every run gets its own HOME and XDG_DATA_HOME so nothing touches the user's files, and no
SITREPS_* variable from the caller's shell leaks in.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

SNAPSHOT = Path(__file__).parent / "snapshots" / "samples_events.jsonl"
UPDATE_COMMAND = "python tests/e2e/update_snapshot.py"
SNAPSHOT_FIELDS = ("event_id", "event_date", "sub_event_type", "actor1", "actor2", "location", "iso3", "fatalities")
# Generous: a run loads spaCy and the gazetteer; a hang must still end the suite.
RUN_TIMEOUT_S = 300


def sitreps_env(home: Path, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("SITREPS_")}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "xdg"), SITREPS_PROGRESS="never")
    env.update(extra)
    return env


def run_sitreps(args: list[str], cwd: Path, home: Path | None = None, **env: str) -> subprocess.CompletedProcess:
    """The console command as a user runs it (``python -m sitreps.cli`` is the same entry point).

    Output is decoded here rather than in text mode, which would turn a progress bar's carriage
    returns into newlines."""
    proc = subprocess.run(
        [sys.executable, "-m", "sitreps.cli", *map(str, args)],
        cwd=cwd,
        env=sitreps_env(home or cwd, **env),
        capture_output=True,
        timeout=RUN_TIMEOUT_S,
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8", errors="replace")
    )


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def snapshot_record(event: dict) -> dict:
    record = {name: event[name] for name in SNAPSHOT_FIELDS}
    record["sources"] = [Path(source["document"]).name for source in event["sources"]]
    return record


def snapshot_lines(events: list[dict]) -> list[str]:
    """One JSON line per event, sorted by date then id so that a diff shows what changed."""
    records = sorted((snapshot_record(e) for e in events), key=lambda r: (r["event_date"] or "9999", r["event_id"]))
    return [json.dumps(r, ensure_ascii=False, sort_keys=False) for r in records]


def sample_extract_args() -> list[str]:
    from sitreps.api import sample_paths

    return ["extract", *map(str, sample_paths()), "--format", "jsonl"]


def _normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def visible_text(raw: str, is_html: bool) -> str:
    """The page's words with tags removed and whitespace collapsed, to look evidence up in."""
    if is_html:
        raw = html.unescape(re.sub(r"<[^>]+>", " ", raw))
    return _normalised(raw)


def page_texts(paths: list[Path]) -> dict[str, str]:
    """Text of every input document, keyed as `sources[].document` names it: the path for
    files, the record id for JSON/JSONL records."""
    texts: dict[str, str] = {}
    for path in paths:
        raw = path.read_text(encoding="utf-8")
        if path.suffix in (".json", ".jsonl"):
            records = [json.loads(line) for line in raw.splitlines() if line.strip()] if path.suffix == ".jsonl" else json.loads(raw)
            for record in records if isinstance(records, list) else [records]:
                body = record.get("text") or record.get("html") or ""
                texts[str(record["id"])] = visible_text(body, "html" in record and not record.get("text"))
        else:
            texts[str(path)] = visible_text(raw, path.suffix in (".html", ".htm"))
    return texts


def evidence_sentences(evidence: str) -> list[str]:
    """Evidence may join non-adjacent sentences; each must appear in the page on its own."""
    return [s for s in re.split(r"(?<=[.!?»\"”])\s+(?=[A-ZÀ-Ý«\"“])", _normalised(evidence)) if s]
