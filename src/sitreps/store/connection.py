"""Opening a store file under DuckDB's one-writer rule, and errors a person can act on.

One process may hold a DuckDB file read-write, and while it does no other process may open it,
not even read-only. sitreps therefore holds the file only briefly: an ingest opens it for each
batch it writes and closes it in between, and every command that finds the file held waits for
it (``store_wait_seconds``), polling, before it gives up with a clear message. Disk errors while
writing (a full disk, a read-only file) become one-line errors too; a transaction that fails
leaves the store as its last commit left it.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import duckdb

from sitreps.errors import ConfigError, MissingResourceError, SitrepsError

MEMORY = ":memory:"
_FIRST_POLL, _LONGEST_POLL = 0.02, 0.25  # seconds between tries while another process holds the file
# DuckDB messages (lower case) that mean the disk or the file refused a write, in plain words.
_DISK_PROBLEMS = {
    "no space left": "the disk is full",
    "file too large": "the file may not grow any larger",
    "disk quota": "the disk quota is used up",
    "read-only file system": "the file system is read-only",
    "permission denied": "permission denied",
    "operation not permitted": "the file may not be changed",
}


def connect(location: str, read_only: bool, wait_seconds: float) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection to ``location``, waiting up to ``wait_seconds`` while another process
    holds the file."""
    if location != MEMORY:
        path = Path(location)
        if path.is_dir():
            raise ConfigError(f"{path}: is a folder; the store path must name a file (set db_path or --db)")
        if read_only and not path.exists():
            raise MissingResourceError(f"{path}: no sitreps store there yet; run `sitreps ingest` first or set db_path")
        if not read_only:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ConfigError(f"{path}: cannot create its folder ({exc.strerror}); choose another db_path") from None
    deadline = time.monotonic() + max(wait_seconds, 0.0)
    pause = _FIRST_POLL
    while True:
        try:
            return duckdb.connect(location, read_only=read_only)
        except duckdb.Error as exc:
            message = str(exc)
            if not _is_lock(message) or time.monotonic() >= deadline:
                raise open_error(location, message, wait_seconds) from None
        time.sleep(min(pause, max(deadline - time.monotonic(), 0.0)))
        pause = min(pause * 1.5, _LONGEST_POLL)


def open_error(location: str, message: str, wait_seconds: float = 0.0) -> SitrepsError:
    """The error for a store DuckDB cannot open, from DuckDB's message."""
    if "not a valid DuckDB database" in message:
        return ConfigError(
            f"{location}: is not a DuckDB database; point db_path (or --db) at a sitreps store or a new file name"
        )
    if _is_lock(message):
        holder = re.search(r"PID (\d+)", message)
        by = f" (process {holder.group(1)})" if holder else ""
        if wait_seconds > 0:
            return MissingResourceError(
                f"{location}: is still in use by another process{by} after waiting {wait_seconds:g} s, such as a "
                "`sitreps ingest` writing to it; retry when it has finished, or raise store_wait_seconds"
            )
        return MissingResourceError(
            f"{location}: is in use by another process{by}, such as a `sitreps ingest` writing to it; "
            "retry when it has finished, or set store_wait_seconds to wait for it"
        )
    if _is_disk_problem(message):
        return MissingResourceError(
            f"{location}: cannot open the store for writing ({_reason(message)}); make the file and its folder "
            "writable or set db_path to another place"
        )
    return MissingResourceError(f"{location}: cannot open the store ({message})")


def write_error(location: str, error: duckdb.Error) -> SitrepsError | None:
    """The error for a write the disk or file refused (full disk, read-only file), or None for
    another failure (a bug, raised as it is)."""
    message = str(error)
    if not (_is_disk_problem(message) or isinstance(error, (duckdb.IOException, duckdb.FatalException))):
        return None
    return MissingResourceError(
        f"{location}: cannot write the store ({_reason(message)}); free disk space or make the file and its folder "
        "writable, then run the command again: what was committed before is kept"
    )


def _is_lock(message: str) -> bool:
    return "could not set lock" in message.lower() or "conflicting lock" in message.lower()


def _is_disk_problem(message: str) -> bool:
    lowered = message.lower()
    return any(problem in lowered for problem in _DISK_PROBLEMS)


def _reason(message: str) -> str:
    """DuckDB's message in a few words: the system's reason when it gives one."""
    lowered = message.lower()
    for problem, words in _DISK_PROBLEMS.items():
        if problem in lowered:
            return words
    return " ".join(message.split())[:200] or "unknown error"
