"""Older stores are upgraded on open: a schema-1 store (before stored mentions and claims) keeps
its events; a schema-3 store (before the fusion indexes) gets its mentions' days and places and
its signatures' band keys filled from what it holds, and fusion then finds its events."""

from __future__ import annotations

import duckdb

from sitreps import api
from sitreps.fuse import same_kind
from sitreps.store import SCHEMA_VERSION, Store
from sitreps.store.rows import MENTION_KEY_COLUMNS


def _make_v1(path, event_row_sql: str) -> None:
    # Schema 1 is today's schema less the mentions, signatures, overrides and claims tables and the copy link.
    Store.open(path).close()
    con = duckdb.connect(str(path))
    con.execute("DROP TABLE mentions; DROP TABLE article_signatures; DROP TABLE signature_bands; DROP TABLE overrides; DROP TABLE claims")
    con.execute("ALTER TABLE sources DROP COLUMN copy_of")
    con.execute("DELETE FROM schema_version; INSERT INTO schema_version VALUES (1, now())")
    con.execute(event_row_sql)
    con.close()


EVENT = (
    "INSERT INTO events VALUES ('SRold', DATE '2024-03-11', 1, 'Political violence', 'Violence against civilians', 'Attack', "
    "'Unidentified Armed Group (Mali)', 'Civilians (Mali)', '', '', 'Political militia', 'Civilians', "
    "'Political militia-Civilians', true, 'MLI', 'Mali', 'Mopti', '', '', 'Boni', 15.0, -1.9, 1, 4, 4, 4, 4, "
    "'note', 0.6, now(), now())"
)


def test_a_schema_1_store_is_upgraded_and_keeps_its_events(tmp_path):
    path = tmp_path / "old.duckdb"
    _make_v1(path, EVENT)
    with Store.open(path, read_only=True) as store:  # a read-only open upgrades first
        (event,) = store.events()
        assert event.event_id == "SRold" and event.location == "Boni"
        assert store.mentions() == [] and store.overrides() == [] and store.claims() == []
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT max(version) FROM schema_version").fetchone() == (SCHEMA_VERSION,)
    con.close()


def _as_v3(path) -> None:
    """Turn a store into schema 3: no mention key columns, no signature bands."""
    con = duckdb.connect(str(path))
    for name, _ in MENTION_KEY_COLUMNS:
        con.execute(f"ALTER TABLE mentions DROP COLUMN {name}")
    con.execute("DROP TABLE signature_bands")
    con.execute("DELETE FROM schema_version; INSERT INTO schema_version VALUES (3, now())")
    con.close()


def test_a_schema_3_store_gets_its_fusion_indexes_filled(tmp_path, settings, resources):
    page = tmp_path / "wire.txt"
    page.write_text(WIRE, encoding="utf-8")
    path = tmp_path / "v3.duckdb"
    api.ingest_paths([page], db=path, settings=settings, resources=resources)
    with duckdb.connect(str(path), read_only=True) as con:
        columns = ", ".join(name for name, _ in MENTION_KEY_COLUMNS)
        keys = sorted(con.execute(f"SELECT mention_id, {columns} FROM mentions").fetchall())
        bands = sorted(con.execute("SELECT article_id, band_key FROM signature_bands").fetchall())
    assert keys and bands
    _as_v3(path)
    with Store.open(path, read_only=True) as store:  # upgraded first, then read
        (mention, _, _, _) = store.mentions()[0]
        assert store.events_near([mention], same_kind, 0, 25.0) == [e.event_id for e in store.events()]
    with duckdb.connect(str(path), read_only=True) as con:
        assert sorted(con.execute(f"SELECT mention_id, {columns} FROM mentions").fetchall()) == keys
        assert sorted(con.execute("SELECT article_id, band_key FROM signature_bands").fetchall()) == bands
        assert con.execute("SELECT max(version) FROM schema_version").fetchone() == (SCHEMA_VERSION,)


WIRE = """Gunmen kill eleven villagers in northern Burkina Faso

Published 13 March 2024

Gunmen on motorbikes attacked the village of Gaskindé in Burkina Faso's Soum province on Monday,
killing eleven civilians and wounding several others, local sources said. The attackers burned
granaries and took livestock before heading towards the border, residents told reporters.
"""
