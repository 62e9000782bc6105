"""sitreps: raw news pages in, ACLED-style conflict event records out."""

from .api import (
    check, claims, demo, events, explain, extract_paths, extract_text, gazetteer_add, geocode, ingest_paths, merge, run_paths,
    sample_paths, split,
)
from .model import Event, SourceClaim

__version__ = "0.1.0"
__all__ = [
    "Event", "SourceClaim", "check", "claims", "demo", "events", "explain", "extract_paths", "extract_text", "gazetteer_add", "geocode",
    "ingest_paths", "merge", "run_paths", "sample_paths", "split",
]
