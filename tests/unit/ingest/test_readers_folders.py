"""Folders and records: symbolic links followed, loops and empty inputs reported, every problem
named by its file (and record)."""

from __future__ import annotations

import json
import os

import pytest

from sitreps.errors import INPUT_FAILURES
from sitreps.ingest import read_path
from sitreps.model import Document, Rejected


def _by_reason(items) -> dict[str, list[Rejected]]:
    found: dict[str, list[Rejected]] = {}
    for item in items:
        if isinstance(item, Rejected):
            found.setdefault(item.reason, []).append(item)
    return found


def test_read_path_follows_a_symlinked_folder(tmp_path, settings, good_story):
    real = tmp_path / "crawls" / "monday"
    real.mkdir(parents=True)
    (real / "page.txt").write_text(good_story, encoding="utf-8")
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "monday").symlink_to(real, target_is_directory=True)
    items = list(read_path(pages, settings))
    assert [type(i) for i in items] == [Document]
    assert items[0].path == str(pages / "monday" / "page.txt")


def test_read_path_reports_a_symlink_loop_once(tmp_path, settings, good_story):
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "page.txt").write_text(good_story, encoding="utf-8")
    (folder / "sub" / "back").symlink_to(folder, target_is_directory=True)
    items = list(read_path(folder, settings))
    assert sum(isinstance(i, Document) for i in items) == 1
    [loop] = _by_reason(items)["symlink_loop"]
    assert loop.path == str(folder / "sub" / "back") and loop.reason in INPUT_FAILURES


def test_read_path_reads_a_folder_linked_twice_once(tmp_path, settings, good_story):
    folder = tmp_path / "pages"
    (folder / "a").mkdir(parents=True)
    (folder / "a" / "page.txt").write_text(good_story, encoding="utf-8")
    (folder / "b").symlink_to(folder / "a", target_is_directory=True)
    items = list(read_path(folder, settings))
    assert sum(isinstance(i, Document) for i in items) == 1
    [again] = _by_reason(items)["skipped"]
    assert again.path == str(folder / "b") and "already read" in again.detail


@pytest.mark.parametrize("content", [None, "README.md"])
def test_read_path_reports_a_folder_without_inputs(tmp_path, settings, content):
    folder = tmp_path / "empty"
    folder.mkdir()
    if content:
        (folder / content).write_text("notes", encoding="utf-8")
    [empty] = _by_reason(read_path(folder, settings))["empty"]
    assert empty.path == str(folder) and empty.reason in INPUT_FAILURES and ".txt" in empty.detail


def test_read_path_reports_broken_and_looping_file_links(tmp_path, settings):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    unreadable = _by_reason(read_path(folder, settings))["unreadable"]
    assert sorted(os.path.basename(r.path) for r in unreadable) == ["a.txt", "b.txt", "broken.txt"]
    [given] = list(read_path(folder / "broken.txt", settings))
    assert given.reason == "not_found" and "broken symbolic link" in given.detail


def test_read_path_names_undecodable_file_names_printably(tmp_path, settings, good_story):
    folder = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(folder, "w", encoding="utf-8") as handle:
        handle.write(good_story)
    [document] = list(read_path(tmp_path, settings))
    assert document.path.endswith("caf\ufffd.txt")
    document.path.encode("utf-8")


def test_read_path_json_record_surrogates_become_replacement_characters(tmp_path, settings, good_story):
    path = tmp_path / "records.json"
    path.write_text('{"id": "r\\ud800", "title": "\\udfff", "text": ' + json.dumps(good_story + " \\ud800") + "}", encoding="utf-8")
    [document] = list(read_path(path, settings))
    assert document.document_id == "r\ufffd" and document.title == "\ufffd"
    document.content.encode("utf-8")


@pytest.mark.parametrize(
    "records, where",
    [
        ([{"id": "r7", "title": "no text"}], "records.json: record r7"),
        ([{"title": "no text"}], "records.json: record 1"),
        ([{"id": "ok", "text": "x"}, "not a record"], "records.json: record 2"),
    ],
)
def test_rejected_where_names_file_and_record(tmp_path, settings, records, where):
    path = tmp_path / "records.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    [rejected] = [i for i in read_path(path, settings) if isinstance(i, Rejected)]
    assert rejected.where == f"{tmp_path}/{where}"


def test_rejected_where_names_jsonl_line(tmp_path, settings):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "a", "text": "ok text here"}\n{"id": \n', encoding="utf-8")
    [rejected] = [i for i in read_path(path, settings) if isinstance(i, Rejected)]
    assert rejected.where == f"{path}: line 2" and rejected.reason == "bad_json"


def test_read_path_json_with_a_huge_integer_is_bad_json(tmp_path, settings):
    path = tmp_path / "huge.json"
    path.write_text('{"id": ' + "9" * 5000 + ', "text": "x"}', encoding="utf-8")
    [rejected] = list(read_path(path, settings))
    assert rejected.reason == "bad_json" and rejected.path == str(path)


def test_read_path_jsonl_keeps_a_record_with_a_line_separator(tmp_path, settings, good_story):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "a", "text": good_story + "\u2028more"}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert [type(i) for i in read_path(path, settings)] == [Document]


def test_read_path_record_published_out_of_range_is_no_date(tmp_path, settings, good_story):
    path = tmp_path / "records.json"
    path.write_text(json.dumps({"id": "a", "text": good_story, "published": "0001-01-01"}), encoding="utf-8")
    [document] = list(read_path(path, settings))
    assert document.published is None
