"""Ingest in committed batches (``sitreps.ingestion``, behind ``api.ingest_paths``): a failed
document stores nothing and is tried again; counts add up over batches. Real pipeline, real
DuckDB file; the durability under kill -9, concurrent readers and full disks is tested end to
end in tests/e2e/test_e2e_durable.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitreps import api
from sitreps.ingestion import _batches
from sitreps.model import Document, Rejected
from sitreps.store import Store

BAD_HTML = Path(__file__).parents[1] / "fixtures" / "bad" / "no_text.html"
FIXED_HTML = """<html><head><title>Gunmen kill five in Djibo</title></head><body><article>
<h1>Gunmen kill five in Djibo</h1><p>Published 5 March 2024</p>
<p>Gunmen attacked a market in Djibo, Burkina Faso, on 4 March 2024, killing five traders, residents said.
The attackers fled on motorbikes before soldiers arrived from the nearby camp, a local official told reporters.</p>
</article></body></html>"""


def _samples(*names: str) -> list[Path]:
    return [p for p in api.sample_paths() if p.name in names]


def test_ingest_paths_does_not_store_a_failed_document_and_tries_it_again(tmp_path, settings, resources):
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(BAD_HTML, folder / "broken.html")
    shutil.copy(_samples("boni_clash_en.html")[0], folder / "boni.html")
    db = tmp_path / "m.duckdb"
    first, added = api.ingest_paths([folder], db=db, settings=settings, resources=resources)
    assert [Path(f.path).name for f in first.failures] == ["broken.html"] and added.documents_added == 1
    again, added = api.ingest_paths([folder], db=db, settings=settings, resources=resources)
    # Tried again (and failing again), not skipped as stored: only the good page was stored.
    assert [Path(f.path).name for f in again.failures] == ["broken.html"]
    assert (again.skipped_documents, added.documents_added) == (1, 0)
    (folder / "broken.html").write_text(FIXED_HTML, encoding="utf-8")  # the page is fixed
    fixed, added = api.ingest_paths([folder], db=db, settings=settings, resources=resources)
    assert (fixed.failures, fixed.skipped_documents, added.documents_added) == ([], 1, 1)
    with Store.open(db, read_only=True) as store:
        assert store.stats().documents == 2 and any(e.location == "Djibo" for e in store.events())


@pytest.mark.parametrize("batch", [1, 2, 100])
def test_ingest_paths_counts_add_up_over_batches(tmp_path, settings, resources, batch):
    # Two reports of one attack (English, French) and a page of several events.
    pages = _samples("attack_gaskinde_en.html", "attaque_gaskinde_fr.txt", "menaka_week_en.html")
    db = tmp_path / "m.duckdb"
    result, added = api.ingest_paths(pages, db=db, settings=settings.replace(ingest_batch_documents=batch), resources=resources)
    with Store.open(db, read_only=True) as store:
        stored = store.events()
        mentions = store.mentions()
    assert added.documents_added == 3
    assert (added.events_added, added.events_updated) == (len(stored), 0)  # each event counted once
    assert added.sources_added == len(mentions)
    assert sorted(e.event_id for e in result.events) == sorted(e.event_id for e in stored)
    assert sorted(len(e.sources) for e in stored if e.location == "Gaskindé") == [2]


def test_ingest_batches_hold_documents_with_read_failures_riding_along():
    def document(n):
        return Document(f"d{n}", f"d{n}.txt", "text", "text")

    bad = Rejected("bad.json", "bad.json", "ingest", "bad_json")
    items = [document(1), bad, document(2), document(3), document(4), document(5)]
    assert [[getattr(i, "document_id", "bad") for i in b] for b in _batches(items, 2)] == [
        ["d1", "bad", "d2"], ["d3", "d4"], ["d5"]
    ]
