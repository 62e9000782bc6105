"""Property-based tests: every reader and ingest entry point takes hostile text without raising.

Files are written as real bytes (lone surrogates become the invalid UTF-8 a broken encoder
writes) and read back through ``read_path``; records go through ``json.dumps``, which escapes
surrogates as ``"\\ud800"`` just as the tester's pages did. See tests/unit/hostile.py.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hostile import FUZZ, ODD_DIGITS, ZERO_WIDTH, hostile_text, languages, published  # noqa: E402

from sitreps import ingest  # noqa: E402
from sitreps.errors import InputError  # noqa: E402
from sitreps.ingest import read_path  # noqa: E402
from sitreps.model import Article, Document, Rejected  # noqa: E402

# Decimal digits that ingest turns into ASCII (superscripts and the like are kept).
_NON_ASCII_DECIMALS = {ch for ch in ODD_DIGITS if ch.isdecimal()}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _encodable(text: str | None) -> bool:
    return text is None or text.encode("utf-8") is not None


def _check_items(items) -> list[Document]:
    documents = []
    for item in items:
        assert isinstance(item, (Document, Rejected))
        if isinstance(item, Document):
            assert _encodable(item.content) and _encodable(item.document_id) and _encodable(item.title) and _encodable(item.url)
            documents.append(item)
    return documents


def _check_articles(articles) -> None:
    for article in articles:
        assert isinstance(article, (Article, Rejected))
        if isinstance(article, Article):
            assert _encodable(article.text) and _encodable(article.title)
            assert not set(article.text) & (set(ZERO_WIDTH) | _NON_ASCII_DECIMALS)


@FUZZ
@given(text=hostile_text, suffix=st.sampled_from([".txt", ".html"]), html=st.booleans())
def test_read_path_text_and_html_never_raise(folder, settings, resources, text, suffix, html):
    path = folder / f"page{suffix}"
    page = f"<html><body><p>{text}</p></body></html>" if html else text
    path.write_bytes(page.encode("utf-8", errors="surrogatepass"))
    for document in _check_items(read_path(path, settings)):
        _check_articles(ingest.articles_of(document, settings, resources))


@FUZZ
@given(text=hostile_text, title=hostile_text, record_id=st.one_of(hostile_text, st.integers(), st.none()), when=hostile_text, as_list=st.booleans())
def test_read_path_json_never_raises(folder, settings, resources, text, title, record_id, when, as_list):
    record = {"id": record_id, "text": text, "title": title, "published": when, "url": title, "language": when}
    path = folder / "records.json"
    path.write_text(json.dumps([record, {"id": 2}] if as_list else record), encoding="utf-8")
    for document in _check_items(read_path(path, settings)):
        _check_articles(ingest.articles_of(document, settings, resources))


@FUZZ
@given(lines=st.lists(st.one_of(hostile_text.map(lambda t: json.dumps({"id": t, "html": t})), hostile_text), max_size=5))
def test_read_path_jsonl_never_raises(folder, settings, resources, lines):
    path = folder / "records.jsonl"
    path.write_bytes("\n".join(lines).encode("utf-8", errors="surrogatepass"))
    for document in _check_items(read_path(path, settings)):
        _check_articles(ingest.articles_of(document, settings, resources))


def _warc(payload: bytes, content_type: str) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://example.org/a", "response", payload=io.BytesIO(payload), http_headers=headers))
    return out.getvalue()


@FUZZ
@given(
    text=hostile_text,
    charset=st.sampled_from(["text/html", "text/html; charset=utf-8", "text/html; charset=bogus", "text/html; charset=utf-16"]),
    cut=st.one_of(st.none(), st.integers(min_value=0, max_value=400)),
)
def test_read_path_warc_never_raises(folder, settings, resources, text, charset, cut):
    data = _warc(f"<html><body><p>{text}</p></body></html>".encode("utf-8", errors="surrogatepass"), charset)
    path = folder / "crawl.warc"
    path.write_bytes(data if cut is None else data[:cut])
    for document in _check_items(read_path(path, settings)):
        _check_articles(ingest.articles_of(document, settings, resources))


@FUZZ
@given(text=hostile_text, when=published, language=st.one_of(st.none(), languages), url=st.one_of(st.none(), hostile_text))
def test_from_text_never_raises(settings, resources, text, when, language, url):
    try:
        articles = ingest.from_text(text, published=when, url=url, language=language, settings=settings, resources=resources)
    except InputError as error:  # documented: a text longer than max_document_chars
        assert error.reason == "too_long"
        return
    _check_articles(articles)
