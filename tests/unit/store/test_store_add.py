"""Adding documents, articles and events: read-back equality, idempotence, appended sources."""

from __future__ import annotations

import duckdb
import pytest

from sitreps.errors import NotFoundError, UsageError
from sitreps.model import Rejected
from sitreps.store import AddResult, Store, content_hash


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "sitreps.duckdb") as opened:
        yield opened


def _documents(make_document, *numbers):
    documents = [make_document(n) for n in numbers]
    return [(d, content_hash(d.content)) for d in documents]


def test_store_add_reads_back_equal_event_with_two_sources(tmp_path, make_event, make_document, make_article):
    event = make_event(n_sources=2)
    path = tmp_path / "sitreps.duckdb"
    with Store.open(path) as store:
        result = store.add(_documents(make_document, 1, 2), [make_article(1), make_article(2)], [event])
    assert result == AddResult(documents_added=2, events_added=1, events_updated=0, sources_added=2)
    with Store.open(path, read_only=True) as store:
        assert store.events() == [event]
        assert store.event(event.event_id) == event
        assert store.stats().articles == 2


@pytest.mark.parametrize(
    "changes",
    [
        {"event_date": None, "time_precision": None, "latitude": None, "longitude": None, "geo_precision": None},
        {"fatalities_low": None, "fatalities_best": None, "fatalities_high": None, "civilian_targeting": False},
        {"notes": "Des hommes armés ont attaqué Ogossagou.", "location": "Ogossagou-Peul", "confidence": 0.123456789},
    ],
    ids=["null-dates-and-coordinates", "null-fatality-range", "accents-and-precision"],
)
def test_store_add_round_trips_optional_fields(store, make_event, make_source, changes):
    event = make_event(**changes, sources=(make_source(1, url=None, publisher=None, published=None, claimant="HRW"),))
    store.add(events=[event])
    assert store.event(event.event_id) == event


def test_store_add_same_document_twice_adds_nothing(store, make_event, make_document, make_article):
    documents = _documents(make_document, 1)
    event = make_event()
    store.add(documents, [make_article(1)], [event])
    before = store.stats()
    again = store.add(documents, [make_article(1)], [event])
    assert again == AddResult(0, 0, 0, 0)
    assert store.stats() == before
    assert store.events() == [event]


def test_store_add_duplicate_content_in_one_batch_is_stored_once(store, make_document):
    first = make_document(1, content="same bytes")
    second = make_document(2, content="same bytes")
    result = store.add([(first, content_hash(first.content)), (second, content_hash(second.content))])
    assert result.documents_added == 1
    assert store.stats().documents == 1


def test_store_has_document_by_content_hash(store, make_document):
    (document, digest), = _documents(make_document, 1)
    assert not store.has_document(digest)
    store.add([(document, digest)])
    assert store.has_document(digest)
    assert not store.has_document(content_hash(document.content + " edited"))


def test_store_add_existing_event_appends_new_source_and_updates_fields(store, make_event, make_source):
    store.add(events=[make_event(n_sources=2)])
    first_seen = store._con.execute("SELECT first_seen_at FROM events").fetchone()
    # The same event seen again with a third report, whose figure raises the high estimate.
    grown = make_event(n_sources=3, fatalities_high=7, notes="Gunmen killed at least 5 people in Ogossagou.")
    result = store.add(events=[grown])
    assert result == AddResult(documents_added=0, events_added=0, events_updated=1, sources_added=1)
    assert store.event(grown.event_id) == grown
    assert store._con.execute("SELECT first_seen_at FROM events").fetchone() == first_seen


def test_store_add_keeps_sources_missing_from_the_update(store, make_event, make_source):
    store.add(events=[make_event(n_sources=2)])
    later = make_event(sources=(make_source(3),))
    result = store.add(events=[later])
    assert result.sources_added == 1
    stored = store.event(later.event_id)
    assert [s.mention_id for s in stored.sources] == [
        "news/report-1.html#m0",
        "news/report-2.html#m0",
        "news/report-3.html#m0",
    ]


def test_store_add_same_mention_id_is_not_a_new_source(store, make_event, make_source):
    store.add(events=[make_event(n_sources=1)])
    reworded = make_event(sources=(make_source(1, evidence="Reworded evidence for the same mention."),))
    result = store.add(events=[reworded])
    assert result.sources_added == 0
    assert result.events_updated == 0
    assert store.event(reworded.event_id).sources == (make_source(1),)


def test_store_add_sources_without_mention_id_dedupe_by_document_and_evidence(store, make_event, make_source):
    anonymous = make_source(1, mention_id="")
    store.add(events=[make_event(sources=(anonymous,))])
    result = store.add(events=[make_event(sources=(anonymous, make_source(2, mention_id="")))])
    assert result.sources_added == 1
    assert len(store.event("ev-mali-1").sources) == 2


def test_store_add_same_event_twice_in_one_batch_merges(store, make_event, make_source):
    result = store.add(events=[make_event(n_sources=1), make_event(sources=(make_source(2),), fatalities=6)])
    assert result == AddResult(documents_added=0, events_added=1, events_updated=0, sources_added=2)
    stored = store.event("ev-mali-1")
    assert stored.fatalities == 6
    assert len(stored.sources) == 2


def test_store_add_rolls_back_on_failure(store, make_event, make_document):
    documents = _documents(make_document, 1)
    broken = make_event(event_id="ev-broken", disorder_type=None)  # NOT NULL column
    with pytest.raises(duckdb.ConstraintException):
        store.add(documents, [], [make_event(), broken])
    assert store.stats().documents == 0
    assert store.stats().events == 0


def test_store_add_on_read_only_store_is_usage_error(tmp_path, make_event):
    path = tmp_path / "sitreps.duckdb"
    Store.open(path).close()
    with Store.open(path, read_only=True) as store:
        with pytest.raises(UsageError, match="read-only"):
            store.add(events=[make_event()])


def test_store_event_missing_id_is_not_found(store):
    with pytest.raises(NotFoundError, match="no-such-event"):
        store.event("no-such-event")


def test_store_add_rejected_counts_in_stats(store):
    items = [Rejected("bad.json", "in/bad.json", "ingest", "bad_json", "line 3"), Rejected("x", "x", "extract", "not_event")]
    assert store.add_rejected(items) == 2
    assert store.stats().rejected == 2


def test_store_stored_mentions_lists_source_mention_ids(store, make_event):
    store.add(events=[make_event(n_sources=2)])
    assert store.stored_mentions() == {"news/report-1.html#m0", "news/report-2.html#m0"}


def test_store_taken_event_ids_finds_ids_and_their_suffixed_forms(store, make_event):
    store.add(events=[make_event(event_id) for event_id in ("SRa", "SRa-2", "SRa-10", "SRab", "SRb-x", "SRc")])
    assert store.taken_event_ids(["SRa", "SRb", "SRd"]) == {"SRa", "SRa-2", "SRa-10"}
    assert store.existing_events(["SRa", "SRd"]) == {"SRa"}
