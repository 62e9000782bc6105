"""A schema-1 store (before stored mentions and claims) is upgraded on open, its events kept."""

from __future__ import annotations

import duckdb

from sitreps.store import Store


def _make_v1(path, event_row_sql: str) -> None:
    # Schema 1 is schema 3 less the mentions, signatures, overrides and claims tables and the copy link.
    Store.open(path).close()
    con = duckdb.connect(str(path))
    con.execute("DROP TABLE mentions; DROP TABLE article_signatures; DROP TABLE overrides; DROP TABLE claims")
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
    assert con.execute("SELECT max(version) FROM schema_version").fetchone() == (3,)
    con.close()
