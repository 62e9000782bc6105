"""The embedded DuckDB store: ``Store.open(path)``, idempotent ``add``, filtered ``events``."""

from .duck import AddResult, Store, StoreStats, content_hash
from .schema import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "AddResult", "Store", "StoreStats", "content_hash"]
