"""sitreps: raw news pages in, ACLED-style conflict event records out."""

from .api import demo, events, extract_paths, extract_text, gazetteer_add, geocode, ingest_paths, run_paths, sample_paths
from .model import Event, SourceClaim

__version__ = "0.1.0"
__all__ = [
    "Event", "SourceClaim", "demo", "events", "extract_paths", "extract_text", "gazetteer_add", "geocode",
    "ingest_paths", "run_paths", "sample_paths",
]
