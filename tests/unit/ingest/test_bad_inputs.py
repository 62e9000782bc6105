"""Bad inputs become Rejected with the right reason; good inputs beside them still go through."""

from __future__ import annotations

import json
import shutil

import pytest

from sitreps.errors import REASONS
from sitreps.ingest import run
from sitreps.ingest.readers import read_path
from sitreps.model import Article, Document, Rejected


@pytest.mark.parametrize(
    ("fixture", "reason"),
    [
        ("binary.txt", "binary"),
        ("empty.txt", "empty"),
        ("bad_encoding.txt", "bad_encoding"),
        ("no_text.html", "bad_html"),
        ("malformed.json", "bad_json"),
        ("missing_text.json", "bad_record"),
        ("truncated.warc.gz", "bad_warc"),
    ],
)
def test_run_rejects_bad_input_and_keeps_good_neighbour(tmp_path, settings, resources, good_file, bad_dir, fixture, reason):
    shutil.copy(bad_dir / fixture, tmp_path / fixture)
    items = list(run([tmp_path], settings, resources))
    rejected = [i for i in items if isinstance(i, Rejected)]
    articles = [i for i in items if isinstance(i, Article)]
    assert [r.reason for r in rejected] == [reason]
    assert reason in REASONS
    assert rejected[0].path == str(tmp_path / fixture)
    assert [a.document_id for a in articles if a.path == str(good_file)] == [str(good_file)]


def test_read_path_truncated_warc_keeps_records_before_the_cut(settings, bad_dir):
    items = list(read_path(bad_dir / "truncated.warc.gz", settings))
    assert isinstance(items[0], Document) and "Kaya" in items[0].content
    assert isinstance(items[-1], Rejected) and items[-1].reason == "bad_warc"


def test_read_path_bad_json_reports_line_number(settings, bad_dir):
    [item] = list(read_path(bad_dir / "malformed.json", settings))
    assert item.reason == "bad_json" and "line 4" in item.detail


def test_read_path_rejects_too_large_before_reading(tmp_path, settings, good_story):
    path = tmp_path / "long.txt"
    path.write_text(good_story * 40, encoding="utf-8")
    small = settings.replace(max_input_mb=0.001)  # about 1 KB
    [item] = list(read_path(path, small))
    assert isinstance(item, Rejected) and item.reason == "too_large"
    assert [type(i) for i in read_path(path, settings)] == [Document]


def test_read_path_jsonl_bad_record_rejects_that_line_only(tmp_path, settings, good_story):
    lines = [
        json.dumps({"id": "ok-1", "text": good_story}),
        '{"id": "broken", "text": "Des soldats ont été tués',  # cut off mid-record
        json.dumps({"id": "no-text", "title": "Attaque à Djibo"}),
        json.dumps(["not", "a", "record"]),
        json.dumps({"id": "ok-2", "text": good_story.replace("Boulkessi", "Arbinda")}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_path(path, settings))
    assert [(type(i).__name__, getattr(i, "document_id", None) or i.item_id) for i in items] == [
        ("Document", "ok-1"),
        ("Rejected", f"{path}:2"),
        ("Rejected", "no-text"),  # a record with an id is named by it
        ("Rejected", f"{path}:4"),
        ("Document", "ok-2"),
    ]
    assert [i.reason for i in items if isinstance(i, Rejected)] == ["bad_json", "bad_record", "bad_record"]
