"""Helpers shared by the end-to-end tests: run the real `sitreps` command, read its JSONL, score
its events against the sample pages' hand-coded gold, and read input pages as text.

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

MANIFEST = Path(__file__).parents[2] / "src" / "sitreps" / "samples" / "MANIFEST.toml"
GOLD_FIELDS = ("sub_event_type", "actor1", "actor2", "location", "event_date", "fatalities")
# The fields two runs over the same pages must agree on.
STABLE_FIELDS = ("event_id", "event_date", "sub_event_type", "actor1", "actor2", "location", "iso3", "fatalities")
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


def stable_record(event: dict) -> dict:
    """An event reduced to what two runs over the same pages must agree on, sources by file name."""
    record = {name: event[name] for name in STABLE_FIELDS}
    record["sources"] = sorted(Path(source["document"]).name for source in event["sources"])
    return record


def score_against_gold(events: list[dict]) -> dict[str, float]:
    """Recall, precision and per-field accuracy of ``sitreps extract`` events against the gold of
    the sample pages (MANIFEST.toml, written with the pages). A gold event takes the unused event
    of its page that agrees with it most (place 2, sub-type 1, date 1), at least 2."""
    import tomllib

    gold = tomllib.loads(MANIFEST.read_text(encoding="utf-8"))
    by_page: dict[str, list[dict]] = {}
    for event in events:
        for page in {Path(source["document"]).name for source in event["sources"]}:
            by_page.setdefault(page, []).append(event)
    expected = [(sample["file"], event) for sample in gold["sample"] for event in sample.get("event", [])]
    matched, right = 0, {name: 0 for name in GOLD_FIELDS}
    for page in {file for file, _ in expected}:
        unused = list(by_page.get(page, []))
        for _, event in ((f, e) for f, e in expected if f == page):
            best = max(unused, key=lambda e: _similarity(event, e), default=None)
            if best is None or _similarity(event, best) < 2:
                continue
            unused.remove(best)
            matched += 1
            for name in GOLD_FIELDS:
                right[name] += _agrees(name, event, best)
    predicted = sum(len(v) for v in by_page.values())
    scores = {"recall": matched / len(expected), "precision": matched / predicted if predicted else 0.0}
    scores.update({name: right[name] / matched if matched else 0.0 for name in GOLD_FIELDS})
    return scores


def _places(gold: dict) -> set[str]:
    # The event may name the place as the page spells it ("the village of Anderamboukane").
    spelled = re.sub(r"^(?:[a-z]+\s+)+", "", gold.get("location_text", ""))
    return {gold.get("location", "")} | set(gold.get("location_alternatives", [])) | ({spelled} if spelled else set())


def _similarity(gold: dict, event: dict) -> int:
    return 2 * (event["location"] in _places(gold)) + (event["sub_event_type"] == gold.get("sub_event_type")) + (
        event["event_date"] == (str(gold["event_date"]) if "event_date" in gold else None)
    )


def _agrees(name: str, gold: dict, event: dict) -> bool:
    if name == "location":
        return event["location"] in _places(gold)
    if name == "event_date":
        return event["event_date"] == (str(gold["event_date"]) if "event_date" in gold else None)
    if name == "fatalities":
        return event["fatalities"] == gold.get("fatalities", 0)
    return event[name] == gold.get(name, "")


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
