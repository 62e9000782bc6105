"""Fusion against the store: reports arriving over several ingests join the stored event, copies
count once, and the store can tell what it knew on an earlier date. Real pipeline, real DuckDB
file, articles written for these tests."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from sitreps import api
from sitreps.fuse import incremental
from sitreps.fuse.copies import find_copies, signature, similarity
from sitreps.store import Store

WIRE = """Gunmen kill eleven villagers in northern Burkina Faso

Published 13 March 2024

Gunmen on motorbikes attacked the village of Gaskindé in Burkina Faso's Soum province on Monday,
killing eleven civilians and wounding several others, local sources said. The attackers burned
granaries and took livestock before heading towards the border, residents told reporters. The
army sent reinforcements from Djibo on Tuesday morning, a security source said.
"""

LOCAL = """Attaque meurtrière à Gaskindé

Publié le 14 mars 2024

Des hommes armés ont attaqué lundi le village de Gaskindé, dans la province du Soum, tuant au
moins quatorze civils, selon un élu local joint par téléphone. Les assaillants ont incendié des
greniers avant de repartir vers la frontière.
"""

REPOST = """Home | Sahel | Security | Contact
Reposted from the wire service
""" + WIRE + """
Share this story. Comments are closed.
"""

OTHER = """Clashes near Arbinda

Published 20 March 2024

Soldiers clashed with jihadists near Arbinda in Burkina Faso on Tuesday, killing six of them, the
army said in a statement.
"""


def _write(folder, name: str, text: str):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def db(tmp_path):
    return tmp_path / "monitor.duckdb"


def _ingest(db, settings, resources, *paths):
    return api.ingest_paths(paths, db=db, settings=settings, resources=resources)


def _gaskinde(db) -> list:
    with Store.open(db, read_only=True) as store:
        return [e for e in store.events() if e.location == "Gaskindé"]


def test_a_later_report_joins_the_stored_event_and_keeps_its_id(tmp_path, db, settings, resources):
    _ingest(db, settings, resources, _write(tmp_path, "wire.txt", WIRE))
    (first,) = _gaskinde(db)
    _, added = _ingest(db, settings, resources, _write(tmp_path, "local.txt", LOCAL))
    (after,) = _gaskinde(db)
    assert after.event_id == first.event_id
    assert added.events_updated >= 1
    assert len(after.sources) == 2
    # Each source keeps its own claim; the fused toll is the lowest credible one.
    assert sorted(s.fatalities for s in after.sources) == [11, 14]
    assert (after.fatalities, after.fatalities_low, after.fatalities_high) == (11, 11, 14)
    assert after.confidence > first.confidence


def test_a_copy_is_kept_but_counts_once(tmp_path, db, settings, resources):
    _ingest(db, settings, resources, _write(tmp_path, "wire.txt", WIRE))
    (alone,) = _gaskinde(db)
    _ingest(db, settings, resources, _write(tmp_path, "repost.txt", REPOST))
    (event,) = _gaskinde(db)
    assert len(event.sources) == 2
    copy = next(s for s in event.sources if s.copy_of)
    original = next(s for s in event.sources if not s.copy_of)
    assert copy.copy_of == original.document
    assert event.confidence == alone.confidence  # a copy confirms nothing


def test_the_store_knows_what_it_knew_on_an_earlier_date(tmp_path, db, settings, resources):
    _ingest(db, settings, resources, _write(tmp_path, "wire.txt", WIRE))
    between = datetime.now(timezone.utc).replace(tzinfo=None)  # the store keeps naive UTC
    _ingest(db, settings, resources, _write(tmp_path, "local.txt", LOCAL), _write(tmp_path, "other.txt", OTHER))
    with Store.open(db, read_only=True) as store:
        then = incremental.known_on(store, between, settings)
        now = incremental.known_on(store, datetime.now(timezone.utc).replace(tzinfo=None), settings)
    assert [len(e.sources) for e in then if e.location == "Gaskindé"] == [1]
    assert [len(e.sources) for e in now if e.location == "Gaskindé"] == [2]
    assert "Arbinda" not in {e.location for e in then} and "Arbinda" in {e.location for e in now}


def test_a_different_event_nearby_stays_apart(tmp_path, db, settings, resources):
    _ingest(db, settings, resources, _write(tmp_path, "wire.txt", WIRE))
    _ingest(db, settings, resources, _write(tmp_path, "other.txt", OTHER))
    with Store.open(db, read_only=True) as store:
        locations = sorted(e.location for e in store.events())
    assert locations.count("Gaskindé") == 1 and "Arbinda" in locations  # as the page spells it; GeoNames has Aribinda


def test_signatures_tell_copies_from_rewrites():
    wire, repost, local = signature(WIRE), signature(REPOST), signature(LOCAL)
    assert similarity(wire, repost) >= 0.7
    assert similarity(wire, local) < 0.2
    found = find_copies({"r": repost, "l": local}, {"w": (wire, "wire-doc")}, {"r": "repost-doc", "l": "local-doc"})
    assert found == {"r": "wire-doc"}


def test_short_texts_have_no_signature():
    assert signature("Gunmen attacked Djibo on Monday.") is None


def test_a_changed_page_replaces_its_old_claim_and_keeps_the_event_id(tmp_path, db, settings, resources):
    wire = _write(tmp_path, "wire.txt", WIRE)
    _ingest(db, settings, resources, wire, _write(tmp_path, "local.txt", LOCAL))
    (first,) = _gaskinde(db)
    # The wire service corrects its toll in place: same file, new content.
    wire.write_text(WIRE.replace("killing eleven civilians", "killing twelve civilians"), encoding="utf-8")
    _ingest(db, settings, resources, wire)
    (after,) = _gaskinde(db)
    assert after.event_id == first.event_id
    assert sorted(s.fatalities for s in after.sources) == [12, 14]  # the old 11 is gone, not kept beside
    assert (after.fatalities, after.fatalities_high) == (12, 14)
    with Store.open(db, read_only=True) as store:
        assert sum(1 for _, event_id, _, _ in store.mentions() if event_id == after.event_id) == 2
        # Only the newest version of the page counts as already seen.
        assert store._con.execute("SELECT count(*) FROM documents WHERE document_id = ?", [str(wire)]).fetchone()[0] == 1


def test_a_changed_page_that_no_longer_tells_an_event_leaves_it(tmp_path, db, settings, resources):
    wire = _write(tmp_path, "wire.txt", WIRE)
    _ingest(db, settings, resources, wire, _write(tmp_path, "local.txt", LOCAL))
    # The page now carries another story: the Gaskindé event keeps only the local report.
    wire.write_text(OTHER, encoding="utf-8")
    _ingest(db, settings, resources, wire)
    (after,) = _gaskinde(db)
    assert [s.fatalities for s in after.sources] == [14]
    with Store.open(db, read_only=True) as store:
        assert any(e.location == "Arbinda" for e in store.events())


def test_a_changed_page_that_was_an_events_only_report_removes_the_event(tmp_path, db, settings, resources):
    wire = _write(tmp_path, "wire.txt", WIRE)
    _ingest(db, settings, resources, wire)
    wire.write_text(OTHER, encoding="utf-8")
    _, added = _ingest(db, settings, resources, wire)
    assert (added.pages_changed, added.events_removed) == (1, 1)
    assert _gaskinde(db) == []
    with Store.open(db, read_only=True) as store:
        assert [e.location for e in store.events()] == ["Arbinda"]


def test_copies_are_looked_for_only_among_similar_articles_of_nearby_weeks(tmp_path, db, settings, resources):
    from datetime import date

    wire = _write(tmp_path, "wire.txt", WIRE)
    _ingest(db, settings, resources, wire, _write(tmp_path, "local.txt", LOCAL))
    (article,) = api.run_paths([wire], settings=settings, resources=resources).articles
    repost, other = signature(article.text), signature(OTHER * 3)  # the wire story word for word, and another
    with Store.open(db, read_only=True) as store:
        near = store.similar_signatures({"r": (repost, date(2024, 3, 20))}, 30)
        assert [Path(original).name for _, original in near.values()] == ["wire.txt"]  # not the local rewrite
        assert store.similar_signatures({"r": (repost, date(2024, 6, 20))}, 30) == {}  # months later
        assert store.similar_signatures({"r": (repost, None)}, 30).keys() == near.keys()  # undated: any day
        assert store.similar_signatures({"o": (other, date(2024, 3, 20))}, 30) == {}


def test_a_changed_page_keeps_an_analysts_split(tmp_path, db, settings, resources):
    wire = _write(tmp_path, "wire.txt", WIRE)
    _ingest(db, settings, resources, wire, _write(tmp_path, "local.txt", LOCAL))
    (event,) = _gaskinde(db)
    kept, split_off = api.split(event.event_id, [str(wire)], db=db, settings=settings)
    # The wire corrects its toll; its report stays in the event the analyst split it into.
    wire.write_text(WIRE.replace("killing eleven civilians", "killing twelve civilians"), encoding="utf-8")
    _ingest(db, settings, resources, wire)
    events = {e.event_id: e for e in _gaskinde(db)}
    assert set(events) == {kept.event_id, split_off.event_id}
    assert [s.fatalities for s in events[split_off.event_id].sources] == [12]
    assert [s.fatalities for s in events[kept.event_id].sources] == [14]


RETAKEN = """Army back in Léré

Published 12 February 2024

Malian soldiers retook the town of Léré, in the Timbuktu region, on Friday 9 February 2024 after
fighting JNIM militants on its outskirts, the army said, adding that 11 militants were killed.
"""


def test_merge_keeps_every_report_of_one_page(tmp_path, db, settings, resources):
    # One page tells of two events (JNIM takes Léré, the army retakes it): an analyst merges them.
    lere = next(p for p in api.sample_paths() if p.name == "lere_taken_retaken_en.html")
    _ingest(db, settings, resources, lere)
    with Store.open(db, read_only=True) as store:
        told = {e.sub_event_type: e for e in store.events() if e.location == "Léré"}
    taken, retaken = told["Non-state actor overtakes territory"], told["Government regains territory"]
    claims = sorted((s.mention_id, s.fatalities, s.event_date) for e in (taken, retaken) for s in e.sources)
    merged = api.merge([retaken.event_id, taken.event_id], db=db, settings=settings)
    assert sorted((s.mention_id, s.fatalities, s.event_date) for s in merged.sources) == claims  # none dropped
    # A later report of the retaking joins the merged event; the page's two reports stay apart.
    _ingest(db, settings, resources, _write(tmp_path, "retaken.txt", RETAKEN))
    with Store.open(db, read_only=True) as store:
        after = store.event(retaken.event_id)
    assert [c for c in claims if c not in {(s.mention_id, s.fatalities, s.event_date) for s in after.sources}] == []
    assert len(after.sources) == 3


SIEGE_START = """Gunmen storm a hotel in Djibo

Published 12 March 2024

Gunmen stormed a hotel in Djibo in Burkina Faso on Monday 11 March 2024, killing twenty civilians
before dawn, a security source said.
"""

SIEGE_END = """Djibo hotel siege ends

Publié le 12 mars 2024

Des hommes armés ont attaqué un hôtel de Djibo le mardi 12 mars 2024, tuant vingt-deux civils,
selon une source sécuritaire.
"""


def test_a_report_a_day_off_with_the_same_spot_and_toll_joins_the_stored_event(tmp_path, db, settings, resources):
    # Two outlets date one siege by its start and its end; the second arrives in a later ingest,
    # so the store's lookup must reach the day after the stored report to find it.
    _ingest(db, settings, resources, _write(tmp_path, "start.txt", SIEGE_START))
    _ingest(db, settings, resources, _write(tmp_path, "end.txt", SIEGE_END))
    with Store.open(db, read_only=True) as store:
        djibo = [e for e in store.events() if e.location == "Djibo"]
    assert len(djibo) == 1, [(e.event_date, [s.fatalities for s in e.sources]) for e in djibo]
    assert sorted(s.fatalities for s in djibo[0].sources) == [20, 22]
