"""Readers: each input format, content sniffing, encodings, folders."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from sitreps.ingest.readers import decode_bytes, is_binary, read_path, sniff_kind
from sitreps.model import Document, Rejected

ARTICLE_HTML = """<!DOCTYPE html>
<html><head><title>Soldiers killed near Boni | Mali Wire</title>
<meta property="og:site_name" content="Mali Wire"></head>
<body><nav><a href="/">Home</a> <a href="/mali">Mali</a></nav>
<article><h1>Soldiers killed near Boni</h1>
<p>Three soldiers were killed on Sunday when their vehicle hit an improvised explosive device
on the road between Boni and Hombori, a military source said.</p>
<p>Two other soldiers were wounded and taken to the hospital in Douentza, the source added.</p>
</article></body></html>
"""


def _documents(path: Path, settings) -> list[Document]:
    items = list(read_path(path, settings))
    assert all(isinstance(i, Document) for i in items), items
    return items


def test_read_path_text_file_is_one_document(tmp_path, settings, good_story):
    path = tmp_path / "boulkessi.txt"
    path.write_text(good_story, encoding="utf-8")
    [doc] = _documents(path, settings)
    assert (doc.document_id, doc.path, doc.kind) == (str(path), str(path), "text")
    assert "Boulkessi on Thursday" in doc.content


def test_read_path_html_file_is_html(tmp_path, settings):
    path = tmp_path / "boni.html"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    [doc] = _documents(path, settings)
    assert doc.kind == "html" and doc.document_id == str(path)


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("page.txt", ARTICLE_HTML, "html"),  # a .txt full of tags is HTML
        ("page.html", "Gunmen killed two herders near Ménaka on Monday, residents said.\n", "text"),
    ],
)
def test_read_path_sniffs_kind_by_content(tmp_path, settings, name, content, kind):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    [doc] = _documents(path, settings)
    assert doc.kind == kind


def test_read_path_json_record_keeps_its_fields(tmp_path, settings):
    record = {
        "id": "ner-2024-0042",
        "html": ARTICLE_HTML,
        "url": "https://maliwire.example/2024/03/10/boni",
        "title": "Soldiers killed near Boni",
        "published": "2024-03-11T08:30:00+00:00",
        "language": "en",
        "retrieved": "2024-03-12T17:05:00Z",
    }
    path = tmp_path / "record.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    [doc] = _documents(path, settings)
    assert doc.document_id == "ner-2024-0042"
    assert doc.kind == "html"
    assert doc.url == record["url"] and doc.title == record["title"]
    assert doc.published == date(2024, 3, 11) and doc.language == "en"
    assert doc.retrieved == date(2024, 3, 12)


def test_read_path_json_list_gives_one_document_per_record(tmp_path, settings, good_story):
    records = [{"id": "a1", "text": good_story}, {"text": "Des hommes armés ont tué trois bergers près de Ménaka lundi."}]
    path = tmp_path / "records.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    docs = _documents(path, settings)
    # A record without an id is named after its place in the list.
    assert [d.document_id for d in docs] == ["a1", f"{path}#2"]
    assert docs[1].kind == "text"


def test_read_path_jsonl_reads_every_record(tmp_path, settings, good_story):
    lines = [
        json.dumps({"id": "r1", "text": good_story, "published": "2024-05-02"}),
        "",
        json.dumps({"id": "r2", "html": ARTICLE_HTML, "url": "https://maliwire.example/boni"}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    docs = _documents(path, settings)
    assert [(d.document_id, d.kind, d.published) for d in docs] == [
        ("r1", "text", date(2024, 5, 2)),
        ("r2", "html", None),
    ]


def _warc_bytes(pages: list[tuple[str, str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, content_type, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode("utf-8")), http_headers=headers)
        writer.write_record(record)
    return buffer.getvalue()


def test_read_path_warc_reads_html_responses_only(tmp_path, settings):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(
        _warc_bytes(
            [
                ("https://maliwire.example/2024/03/10/boni", "text/html; charset=utf-8", ARTICLE_HTML),
                ("https://maliwire.example/logo.css", "text/css", "body { color: red }"),
                ("https://maliwire.example/mopti", "text/html", ARTICLE_HTML.replace("Boni", "Mopti")),
            ]
        )
    )
    docs = _documents(path, settings)
    assert [d.document_id for d in docs] == [f"{path}#1", f"{path}#2"]
    assert docs[0].url == "https://maliwire.example/2024/03/10/boni"
    # WARC-Date is the crawl date, never the publication date; it is kept as when it was fetched.
    assert all(d.published is None and d.retrieved is not None for d in docs)
    assert "Mopti" in docs[1].content


def test_read_path_folder_recurses_sorted_and_skips_hidden(tmp_path, settings, good_story):
    (tmp_path / "b").mkdir()
    (tmp_path / ".cache").mkdir()
    for name in ("b/two.txt", "a.txt", ".hidden.txt", ".cache/three.txt"):
        (tmp_path / name).write_text(good_story, encoding="utf-8")
    docs = _documents(tmp_path, settings)
    assert [Path(d.document_id).relative_to(tmp_path).as_posix() for d in docs] == ["a.txt", "b/two.txt"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Des hommes armés ont attaqué le poste de gendarmerie à Ségou.".encode("utf-8"), "Ségou"),
        ("\ufeffL'armée a repoussé une attaque à Tessit.".encode("utf-8"), "L'armée a repoussé"),
        ("Des hommes armés ont attaqué le poste de gendarmerie à Ségou.".encode("latin-1"), "attaqué le poste de gendarmerie à Ségou"),
        ("L’armée a annoncé « neutraliser » des terroristes près de Tessit.".encode("cp1252"), "« neutraliser »"),
        ("Les soldats ont été déployés à Gao.".encode("utf-16"), "déployés à Gao"),
    ],
)
def test_decode_bytes_reads_french_encodings(data, expected):
    text = decode_bytes(data)
    assert text is not None and expected in text and not text.startswith("\ufeff")


@pytest.mark.parametrize(
    ("data", "binary"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", True),
        (bytes(range(1, 32)) * 10 + b"some text", True),
        ("Attaque à Djibo\n\tbilan provisoire\r\n".encode("utf-8"), False),
        ("Les soldats".encode("utf-16"), False),
    ],
)
def test_is_binary_detects_nul_and_control_bytes(data, binary):
    assert is_binary(data) is binary


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("<!doctype html><html><body><p>Attack</p></body></html>", "html"),
        ("<div><p>One</p><p>Two</p><p>Three</p></div>", "html"),
        ("The army said 3 < 4 and 5 > 2 were the figures in Gao.", "text"),
    ],
)
def test_sniff_kind_by_content(text, kind):
    assert sniff_kind(text) == kind


@pytest.mark.parametrize(("name", "reason"), [("missing.txt", "not_found"), ("notes.docx", "unsupported")])
def test_read_path_rejects_missing_and_unsupported(tmp_path, settings, name, reason):
    path = tmp_path / name
    if reason == "unsupported":
        path.write_bytes(b"PK\x03\x04")
    [item] = list(read_path(path, settings))
    assert isinstance(item, Rejected) and item.reason == reason and item.stage == "ingest"
