"""The store's schema version: created on first write-open, older stores upgraded on open.

``schema.sql`` is version 1; ``migrate_v<N>.sql`` takes a store from version N-1 to N (new
stores run them all after ``schema.sql``). A version whose new columns must be filled from
data already stored also has a Python step here (``_FILL``), run in the same transaction.
"""

from __future__ import annotations

from datetime import datetime, timezone
from importlib import resources as importlib_resources

import duckdb

from sitreps.errors import ConfigError, MissingResourceError

from .rows import MENTION_KEY_COLUMNS, mention_from_row, mention_keys, signature_keys

SCHEMA_VERSION = 4
_FILL_CHUNK = 20_000  # stored mentions read and rewritten at a time when an upgrade fills columns


class NeedsMigration(Exception):
    """A read-only open found an older schema: the store is upgraded read-write first."""


def ensure_schema(con: duckdb.DuckDBPyConnection, location: str, read_only: bool) -> None:
    """Check the store's version; create the schema in an empty file, or upgrade an older one."""
    try:  # the common case, one cheap query: a sitreps store of this version
        (version,) = con.execute("SELECT max(version) FROM schema_version").fetchone()
    except duckdb.CatalogException:
        version = None
    if version == SCHEMA_VERSION:
        return
    tables = {
        name
        for (name,) in con.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'main' AND table_catalog = current_database()"
        ).fetchall()
    }
    if "schema_version" in tables:
        (version,) = con.execute("SELECT max(version) FROM schema_version").fetchone()
        if version is None or version > SCHEMA_VERSION:
            raise ConfigError(
                f"{location}: store schema version {version} is not one this sitreps reads "
                f"(it reads {SCHEMA_VERSION}); upgrade sitreps or use another db_path"
            )
        if version < SCHEMA_VERSION:
            if read_only:
                raise NeedsMigration()
            _apply(con, list(range(version + 1, SCHEMA_VERSION + 1)))
        return
    if tables:
        raise ConfigError(
            f"{location}: is a DuckDB database but not a sitreps store (it has tables {', '.join(sorted(tables))}); "
            "choose another db_path"
        )
    if read_only:
        raise MissingResourceError(f"{location}: the store is empty; run `sitreps ingest` first")
    _apply(con, [1, *range(2, SCHEMA_VERSION + 1)])


def _apply(con: duckdb.DuckDBPyConnection, versions: list[int]) -> None:
    """Run the schema steps of these versions and record the version, in one transaction."""
    con.execute("BEGIN TRANSACTION")
    try:
        for version in versions:
            name = "schema.sql" if version == 1 else f"migrate_v{version}.sql"
            con.execute(importlib_resources.files("sitreps.store").joinpath(name).read_text(encoding="utf-8"))
            if version in _FILL:
                _FILL[version](con)
        con.execute("INSERT INTO schema_version VALUES (?, ?)", [SCHEMA_VERSION, _utc_now()])
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def _fill_mention_keys(con: duckdb.DuckDBPyConnection) -> None:
    """Version 4: the date range and place of every stored mention, read from its record."""
    last = ""
    while True:
        rows = con.execute(
            "SELECT mention_id, record FROM mentions WHERE mention_id > ? ORDER BY mention_id LIMIT ?", [last, _FILL_CHUNK]
        ).fetchall()
        if not rows:
            return
        keys = [mention_keys(mention_from_row({"record": record})) for _, record in rows]
        columns = [("mention_id", "VARCHAR"), *MENTION_KEY_COLUMNS]
        values = [[mention_id for mention_id, _ in rows], *([k[name] for k in keys] for name, _ in MENTION_KEY_COLUMNS)]
        lists = ", ".join(f"unnest(?::{sql_type}[]) AS {name}" for name, sql_type in columns)
        assignments = ", ".join(f"{name} = filled.{name}" for name, _ in MENTION_KEY_COLUMNS)
        con.execute(
            f"UPDATE mentions SET {assignments} FROM (SELECT {lists}) AS filled WHERE mentions.mention_id = filled.mention_id",
            values,
        )
        last = rows[-1][0]


def _fill_signature_bands(con: duckdb.DuckDBPyConnection) -> None:
    """Version 4: the band keys of every stored article signature."""
    last = ""
    while True:
        rows = con.execute(
            "SELECT article_id, signature FROM article_signatures WHERE article_id > ? ORDER BY article_id LIMIT ?", [last, _FILL_CHUNK]
        ).fetchall()
        if not rows:
            return
        pairs = [(article_id, key) for article_id, signature in rows for key in signature_keys(signature)]
        con.execute(
            "INSERT INTO signature_bands SELECT unnest(?::VARCHAR[]), unnest(?::BIGINT[])",
            [[a for a, _ in pairs], [k for _, k in pairs]],
        )
        last = rows[-1][0]


def _fill_v4(con: duckdb.DuckDBPyConnection) -> None:
    _fill_mention_keys(con)
    _fill_signature_bands(con)


_FILL = {4: _fill_v4}


def _utc_now() -> datetime:
    # Stored as naive UTC in TIMESTAMP columns so that the file reads the same in every time zone.
    return datetime.now(timezone.utc).replace(tzinfo=None)
