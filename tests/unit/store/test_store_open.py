"""Opening a store: schema creation, versioning and the errors a person can act on."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time

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


@pytest.fixture()
def holder(tmp_path):
    """Another process holding the store read-write (as an ingest does while it writes a batch)
    until it is told to let go; ``holder.release()`` tells it."""
    path = tmp_path / "sitreps.duckdb"
    Store.open(path).close()
    code = textwrap.dedent(
        f"""
        import sys, duckdb
        con = duckdb.connect({str(path)!r})
        print("ready", flush=True)
        sys.stdin.readline()
        con.close()
        print("released", flush=True)
        sys.stdin.readline()
        """
    )
    process = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "ready"

    def release():
        process.stdin.write("\n")
        process.stdin.flush()
        assert process.stdout.readline().strip() == "released"

    process.path, process.release = path, release
    yield process
    process.communicate("\n\n", timeout=10)


@pytest.mark.parametrize("read_only", [False, True])
def test_store_open_locked_by_other_process_is_missing_resource(holder, read_only):
    with pytest.raises(MissingResourceError) as caught:
        Store.open(holder.path, read_only=read_only)
    message = caught.value.message
    assert "in use by another process" in message and str(holder.pid) in message
    assert "`sitreps ingest`" in message and "retry when it has finished" in message and "serve" not in message


def test_store_open_waits_for_the_other_process_to_let_go(holder):
    threading.Timer(0.5, holder.release).start()
    started = time.monotonic()
    with Store.open(holder.path, read_only=True, wait_seconds=30) as store:
        assert store.stats().events == 0
    assert 0.4 < time.monotonic() - started < 30


def test_store_open_gives_up_after_waiting(holder):
    with pytest.raises(MissingResourceError, match=r"still in use by another process .* after waiting 0.3 s"):
        Store.open(holder.path, wait_seconds=0.3)
