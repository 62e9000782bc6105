"""sitreps: raw news pages in, ACLED-style conflict event records out."""

from .api import events, extract_paths, extract_text, geocode, ingest_paths, run_paths
from .model import Event, SourceClaim

__version__ = "0.1.0"
__all__ = ["Event", "SourceClaim", "events", "extract_paths", "extract_text", "geocode", "ingest_paths", "run_paths"]
