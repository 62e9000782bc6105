"""Opening a store: schema creation, versioning and the errors a person can act on."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import duckdb
import pytest

from sitreps.errors import ConfigError, MissingResourceError
from sitreps.store import SCHEMA_VERSION, Store
from sitreps.store.rows import TABLE_COLUMNS


def test_store_open_creates_schema_with_version(tmp_path):
    path = tmp_path / "nested" / "sitreps.duckdb"
    with Store.open(path):
        pass
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = {name for (name,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        versions = con.execute("SELECT version FROM schema_version").fetchall()
    finally:
        con.close()
    assert tables == {"schema_version", *TABLE_COLUMNS}
    assert versions == [(SCHEMA_VERSION,)]


@pytest.mark.parametrize("table", sorted(TABLE_COLUMNS))
def test_store_schema_columns_match_row_definitions(tmp_path, table):
    path = tmp_path / "sitreps.duckdb"
    Store.open(path).close()
    con = duckdb.connect(str(path), read_only=True)
    try:
        columns = con.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [table],
        ).fetchall()
    finally:
        con.close()
    assert tuple(columns) == TABLE_COLUMNS[table]


def test_store_reopen_keeps_single_version_row(tmp_path):
    path = tmp_path / "sitreps.duckdb"
    for _ in range(2):
        Store.open(path).close()
    with Store.open(path, read_only=True) as store:
        assert store.stats().events == 0
    con = duckdb.connect(str(path), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM schema_version").fetchone() == (1,)
    finally:
        con.close()


@pytest.mark.parametrize(
    "content",
    [b"this is a plain text file, not a database\n" * 200, b"\x00" * 8192],
    ids=["text", "zeros"],
)
def test_store_open_non_duckdb_file_is_config_error(tmp_path, content):
    path = tmp_path / "notes.duckdb"
    path.write_bytes(content)
    with pytest.raises(ConfigError) as caught:
        Store.open(path)
    assert str(path) in caught.value.message
    assert "not a DuckDB database" in caught.value.message


def test_store_open_foreign_duckdb_database_is_config_error(tmp_path):
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE invoices (id INTEGER)")
    con.close()
    with pytest.raises(ConfigError, match="not a sitreps store"):
        Store.open(path)


def test_store_open_newer_schema_is_config_error(tmp_path):
    path = tmp_path / "sitreps.duckdb"
    Store.open(path).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_version VALUES (?, now()::TIMESTAMP)", [SCHEMA_VERSION + 1])
    con.close()
    with pytest.raises(ConfigError, match="schema version"):
        Store.open(path)


def test_store_open_read_only_missing_file_is_missing_resource(tmp_path):
    path = tmp_path / "absent.duckdb"
    with pytest.raises(MissingResourceError, match="sitreps ingest"):
        Store.open(path, read_only=True)
    assert not path.exists()


def test_store_open_folder_is_config_error(tmp_path):
    with pytest.raises(ConfigError, match="folder"):
        Store.open(tmp_path)


def test_store_open_locked_by_other_process_is_missing_resource(tmp_path):
    path = tmp_path / "sitreps.duckdb"
    Store.open(path).close()
    holder_code = textwrap.dedent(
        f"""
        import sys, duckdb
        con = duckdb.connect({str(path)!r})
        print("ready", flush=True)
        sys.stdin.readline()
        """
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", holder_code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(MissingResourceError) as caught:
            Store.open(path)
        assert "in use by another process" in caught.value.message
        assert str(holder.pid) in caught.value.message
    finally:
        holder.communicate("\n", timeout=10)
