"""The public Python API. The CLI and the web server are thin faces over these functions.

>>> import sitreps
>>> events = sitreps.extract_text("On 3 March 2024, gunmen killed 12 villagers in Djibo, Burkina Faso.")
>>> events[0].sub_event_type
'Attack'
"""

from __future__ import annotations

from datetime import date
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Iterable

from . import ingest, pipeline
from .fuse import incremental
from .config import Settings, load_settings
from .errors import UsageError
from .model import Event
from .pipeline import Progress, RunResult
from .resources import Resources


def _context(settings: Settings | None, resources: Resources | None) -> tuple[Settings, Resources]:
    settings = settings or (resources.settings if resources else load_settings())
    return settings, resources or Resources(settings)


def extract_text(
    text: str,
    *,
    published: date | str | None = None,
    url: str | None = None,
    language: str | None = None,
    settings: Settings | None = None,
    resources: Resources | None = None,
) -> list[Event]:
    """Events in one text or HTML string (stateless)."""
    settings, resources = _context(settings, resources)
    articles = ingest.from_text(
        text, published=_date(published), url=url, language=language, settings=settings, resources=resources
    )
    return pipeline.process_articles(articles, settings, resources).events


def extract_paths(
    paths: Iterable[str | Path],
    *,
    published: date | str | None = None,
    settings: Settings | None = None,
    resources: Resources | None = None,
) -> list[Event]:
    """Events in files and folders (stateless). Use ``run_paths`` to also see failed inputs."""
    return run_paths(paths, published=published, settings=settings, resources=resources).events


def run_paths(
    paths: Iterable[str | Path],
    *,
    published: date | str | None = None,
    settings: Settings | None = None,
    resources: Resources | None = None,
    progress: Progress | None = None,
) -> RunResult:
    """Events, mentions and rejected inputs for files and folders (stateless)."""
    settings, resources = _context(settings, resources)
    documents = pipeline.read_documents([str(p) for p in paths], settings)
    return pipeline.process(documents, settings, resources, published=_date(published), progress=progress)


def ingest_paths(
    paths: Iterable[str | Path],
    *,
    db: str | Path | None = None,
    published: date | str | None = None,
    settings: Settings | None = None,
    resources: Resources | None = None,
    progress: Progress | None = None,
):
    """Extract events from new documents and add them to the store; returns (RunResult, AddResult)."""
    from .store import Store

    settings, resources = _context(settings, resources)
    published = _date(published)  # a usage error must not leave a new, empty store behind
    with Store.open(db or settings.db_path) as store:
        documents = pipeline.read_documents([str(p) for p in paths], settings)
        result = pipeline.process(documents, settings, resources, published=published, seen=store.has_document, progress=progress)
        fused = incremental.update(store, result.articles, result.mentions, settings)
        added = store.save_fused(result.documents, result.articles, fused.signatures, fused.assignments, fused.events)
        result.events = fused.events
    return result, added


def events(
    *,
    db: str | Path | None = None,
    country: str | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
    event_type: str | None = None,
    actor: str | None = None,
    limit: int | None = None,
    settings: Settings | None = None,
) -> list[Event]:
    """Stored events matching the filters."""
    from .store import Store

    settings = settings or load_settings()
    since, until = _date(since), _date(until)
    with Store.open(db or settings.db_path, read_only=True) as store:
        return store.events(
            country=country.upper() if country else None,
            since=since,
            until=until,
            event_type=event_type,
            actor=actor,
            limit=limit,
        )


def geocode(place: str, *, country: str | None = None, settings: Settings | None = None, resources: Resources | None = None) -> dict:
    """The gazetteer's best reading of a place name, with the alternatives it considered."""
    settings, resources = _context(settings, resources)
    found = resources.gazetteer.geocode(place, country.upper() if country else None)

    def as_dict(candidate) -> dict:
        p = candidate.place
        return {
            "name": p.name,
            "admin1": p.admin1,
            "admin2": p.admin2,
            "country": p.country,
            "iso3": p.country_iso3,
            "latitude": p.latitude,
            "longitude": p.longitude,
            "geonameid": p.geonameid,
            "level": candidate.level,
            "score": round(candidate.score, 3),
        }

    best = as_dict(found.best) if found.best else None
    return {"query": place, "country_hint": country, **(best or {"name": None}), "alternatives": [as_dict(c) for c in found.alternatives]}


def gazetteer_add(path: str | Path, *, settings: Settings | None = None) -> int:
    """Add a GeoNames country dump to the user gazetteer; returns the number of places added."""
    from .resolve.gazetteer import add_dump

    settings = settings or load_settings()
    return add_dump(Path(path), settings.user_gazetteer_dir())


def sample_paths() -> list[Path]:
    """The sample news pages shipped with sitreps."""
    root = importlib_resources.files("sitreps").joinpath("samples")
    return sorted(Path(str(p)) for p in root.iterdir() if p.name.endswith((".txt", ".html", ".htm", ".json", ".jsonl")))


def demo(*, settings: Settings | None = None, resources: Resources | None = None, progress: Progress | None = None) -> RunResult:
    """Run the pipeline on the shipped sample pages."""
    return run_paths(sample_paths(), settings=settings, resources=resources, progress=progress)


def _date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{value!r} is not a date; use YYYY-MM-DD") from None
