"""The shipped sample pages and their gold (MANIFEST.toml) agree with each other.

The manifest is the gold that end-to-end tests and benchmarks score against, so a typo in a
date, an actor name or an evidence fragment would silently corrupt every score. These tests
pin the manifest to the page text and to the contract's vocabularies.
"""

from __future__ import annotations

import json
import re
import tomllib
from datetime import date
from html import unescape
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import pytest

from sitreps.model import EVENT_TYPE_OF

SAMPLES = Path(str(resources.files("sitreps") / "samples"))
EXPECTED = Path(__file__).resolve().parents[2] / "fixtures" / "expected"
COUNTRIES = {"BFA", "MLI", "NER", "NGA"}
ACTORLESS_SUB_EVENT_TYPES = {"Peaceful protest"}


def _load_manifest() -> dict:
    with (SAMPLES / "MANIFEST.toml").open("rb") as fh:
        return tomllib.load(fh)


class _VisibleText(HTMLParser):
    """Text a reader sees: everything outside <head>, <script> and <style>."""

    _HIDDEN = {"head", "script", "style"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self._HIDDEN:
            self._hidden_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN and self._hidden_depth:
            self._hidden_depth -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden_depth:
            self.parts.append(data)


def _page_text(file: str) -> str:
    raw = (SAMPLES / file).read_text(encoding="utf-8")
    if file.endswith(".html"):
        parser = _VisibleText()
        parser.feed(raw)
        raw = " ".join(parser.parts)
    return re.sub(r"\s+", " ", unescape(raw)).strip()


MANIFEST = _load_manifest()
SAMPLE_ROWS = MANIFEST["sample"]
EVENT_ROWS = [(s["file"], e) for s in SAMPLE_ROWS for e in s.get("event", [])]


def _sample_id(sample: dict) -> str:
    return sample["file"]


def _event_id(row: tuple[str, dict]) -> str:
    return f"{row[0]}:{row[1]['key']}"


def test_manifest_names_every_sample_file_and_nothing_else():
    named = [s["file"] for s in SAMPLE_ROWS]
    on_disk = sorted(p.name for p in SAMPLES.iterdir() if p.suffix in {".html", ".txt"})
    assert MANIFEST["schema_version"] == 1
    assert len(named) == len(set(named))
    assert sorted(named) == on_disk


@pytest.mark.parametrize("sample", SAMPLE_ROWS, ids=_sample_id)
def test_sample_metadata_matches_file(sample):
    path = SAMPLES / sample["file"]
    assert path.is_file()
    assert sample["format"] == {".html": "html", ".txt": "text"}[path.suffix]
    assert sample["language"] in {"en", "fr"}
    assert sample["stories"] >= 1
    if "published" in sample:
        assert isinstance(sample["published"], date)
        assert sample["published_source"] in {"metadata", "html", "dateline", "url"}
    if sample["format"] == "html" and sample.get("published_source") == "metadata":
        published = sample["published"].isoformat()
        assert f'property="article:published_time" content="{published}' in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("sample", SAMPLE_ROWS, ids=_sample_id)
def test_sample_length_is_a_realistic_page(sample):
    words = len(_page_text(sample["file"]).split())
    assert 250 <= words <= 1200, words


@pytest.mark.parametrize("row", EVENT_ROWS, ids=_event_id)
def test_event_uses_contract_vocabulary(row):
    _, event = row
    assert event["sub_event_type"] in EVENT_TYPE_OF
    assert event["iso3"] in COUNTRIES
    assert event["actor1"]
    if event["sub_event_type"] not in ACTORLESS_SUB_EVENT_TYPES:
        assert event["actor2"]
    assert event["geo_precision"] in {1, 2, 3}
    assert isinstance(event["fatalities"], int) and event["fatalities"] >= 0
    assert isinstance(event["civilian_targeting"], bool)
    if "event_date" in event:
        assert isinstance(event["event_date"], date)
        assert event["time_precision"] in {1, 2, 3}
    else:
        assert "time_precision" not in event
    if event["sub_event_type"] in {"Attack", "Abduction/forced disappearance", "Sexual violence"}:
        assert event["actor2"].startswith("Civilians (")


@pytest.mark.parametrize("row", EVENT_ROWS, ids=_event_id)
def test_event_evidence_occurs_in_page(row):
    file, event = row
    text = _page_text(file)
    assert event["evidence"] in text
    assert event["location_text"] in text


@pytest.mark.parametrize("sample", SAMPLE_ROWS, ids=_sample_id)
def test_non_event_fragments_occur_in_page(sample):
    text = _page_text(sample["file"])
    missing = [fragment for fragment in sample["not_events"] if fragment not in text]
    assert not missing


@pytest.mark.parametrize("row", [r for r in EVENT_ROWS if "event_date" in r[1]], ids=_event_id)
def test_event_date_is_not_after_publication(row):
    file, event = row
    sample = next(s for s in SAMPLE_ROWS if s["file"] == file)
    if "published" in sample:
        assert event["event_date"] <= sample["published"]


def test_no_event_files_are_exactly_the_samples_without_events():
    without_events = sorted(s["file"] for s in SAMPLE_ROWS if not s.get("event"))
    assert sorted(MANIFEST["no_event_files"]) == without_events


@pytest.mark.parametrize("fused", MANIFEST["fused"], ids=lambda f: f["key"])
def test_fused_event_matches_its_reports(fused):
    reports = [e for file, e in EVENT_ROWS if e["key"] == fused["key"]]
    files = sorted(file for file, e in EVENT_ROWS if e["key"] == fused["key"])
    assert files == sorted(fused["files"])
    assert len({(e["event_date"], e["sub_event_type"], e["location"]) for e in reports}) == 1
    figures = [e["fatalities"] for e in reports]
    assert (fused["fatalities"], fused["fatalities_low"], fused["fatalities_high"]) == (
        min(figures),
        min(figures),
        max(figures),
    )


def test_expected_events_agree_with_manifest():
    lines = (EXPECTED / "events.jsonl").read_text(encoding="utf-8").splitlines()
    expected = {r["key"]: r for r in map(json.loads, lines)}
    assert set(expected) == {e["key"] for _, e in EVENT_ROWS}
    for file, event in EVENT_ROWS:
        record = expected[event["key"]]
        date_text = event["event_date"].isoformat() if "event_date" in event else None
        assert record["event_date"] == date_text
        assert record["event_type"] == EVENT_TYPE_OF[event["sub_event_type"]]
        for name in ("sub_event_type", "actor1", "actor2", "location", "iso3", "civilian_targeting"):
            assert record[name] == event[name], (event["key"], name)
        assert file in record["sources"]
        assert record["fatalities"] <= event["fatalities"] <= record["fatalities_high"]


def test_cleaning_expectations_name_real_fragments():
    with (EXPECTED / "cleaning.toml").open("rb") as fh:
        pages = tomllib.load(fh)["page"]
    assert sorted(p["file"] for p in pages) == sorted(s["file"] for s in SAMPLE_ROWS)
    for page in pages:
        text = _page_text(page["file"])
        missing = [fragment for fragment in page["keep"] + page["drop"] if fragment not in text]
        assert not missing, (page["file"], missing)


def test_samples_cover_the_required_mix():
    languages = [s["language"] for s in SAMPLE_ROWS]
    formats = {s["format"] for s in SAMPLE_ROWS}
    sub_event_types = {e["sub_event_type"] for _, e in EVENT_ROWS}
    assert len(SAMPLE_ROWS) >= 14
    assert languages.count("fr") >= 5
    assert formats == {"html", "text"}
    assert any(s["stories"] > 1 for s in SAMPLE_ROWS)
    assert any("published" not in s for s in SAMPLE_ROWS)
    assert any(e.get("time_precision") == 3 for _, e in EVENT_ROWS)
    assert any("event_date" not in e for _, e in EVENT_ROWS)
    assert {
        "Armed clash",
        "Remote explosive/landmine/IED",
        "Air/drone strike",
        "Abduction/forced disappearance",
        "Peaceful protest",
        "Protest with intervention",
        "Arrests",
        "Attack",
        "Non-state actor overtakes territory",
        "Government regains territory",
        "Mob violence",
        "Looting/property destruction",
        "Suicide bomb",
        "Agreement",
    } <= sub_event_types
