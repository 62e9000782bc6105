"""The embedded DuckDB store: ``Store.open(path)``, idempotent ``add``, filtered ``events``."""

from .duck import SCHEMA_VERSION, AddResult, Store, StoreStats, content_hash

__all__ = ["SCHEMA_VERSION", "AddResult", "Store", "StoreStats", "content_hash"]
