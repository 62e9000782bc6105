"""The public Python API. The CLI and the web server are thin faces over these functions.

>>> import sitreps
>>> events = sitreps.extract_text("On 3 March 2024, gunmen killed 12 villagers in Djibo, Burkina Faso.")
>>> events[0].sub_event_type
'Attack'
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Iterable

from . import ingest, ingestion, pipeline
from .fuse import incremental
from .ingest.published import EARLIEST_YEAR, LATEST_YEAR, plausible
from .config import Settings, load_settings
from .errors import UsageError
from .model import NON_STATE_ARMED_TYPES, Claim, Event
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
        text, published=_published(published), url=url, language=language, settings=settings, resources=resources
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
    return pipeline.process(documents, settings, resources, published=_published(published), progress=progress)


def ingest_paths(
    paths: Iterable[str | Path],
    *,
    db: str | Path | None = None,
    published: date | str | None = None,
    settings: Settings | None = None,
    resources: Resources | None = None,
    progress: Progress | None = None,
):
    """Extract events from new documents and add them to the store, committing every
    ``ingest_batch_documents`` documents; returns (RunResult, AddResult) for the whole run."""
    settings, resources = _context(settings, resources)
    published = _published(published)  # a usage error must not leave a new, empty store behind
    return ingestion.ingest(pipeline.read_documents([str(p) for p in paths], settings), str(db or settings.db_path),
                            published, settings, resources, progress)


def events(
    *,
    db: str | Path | None = None,
    country: str | None = None,
    since: date | str | None = None,
    until: date | str | None = None,
    event_type: str | None = None,
    actor: str | None = None,
    limit: int | None = None,
    as_of: date | str | None = None,
    settings: Settings | None = None,
) -> list[Event]:
    """Stored events matching the filters; with ``as_of``, as the store knew them at the end of
    that day (only the reports that had arrived by then)."""
    from .store import Store

    settings = settings or load_settings()
    since, until, as_of = _date(since), _date(until), _date(as_of)
    with Store.open(db or settings.db_path, read_only=True, wait_seconds=settings.store_wait_seconds) as store:
        if as_of is not None:
            known = incremental.known_on(store, datetime.combine(as_of + timedelta(days=1), time.min), settings)
            found = [e for e in known if _matches(e, country, since, until, event_type, actor)]
            return found[:limit] if limit is not None else found
        return store.events(
            country=country.upper() if country else None,
            since=since,
            until=until,
            event_type=event_type,
            actor=actor,
            limit=limit,
        )


def _matches(event: Event, country, since, until, event_type, actor) -> bool:
    """The store's filters, for events rebuilt in memory (``as_of``)."""
    if country and country.lower() not in (event.iso3.lower(), event.country.lower()):
        return False
    if since and (event.event_date is None or event.event_date < since):
        return False
    if until and (event.event_date is None or event.event_date > until):
        return False
    if event_type and event_type.lower() not in (event.event_type.lower(), event.sub_event_type.lower()):
        return False
    names = (event.actor1, event.actor2, event.assoc_actor_1, event.assoc_actor_2)
    return not actor or any(actor.lower() in name.lower() for name in names)


def explain(event_id: str, *, db: str | Path | None = None, settings: Settings | None = None) -> dict:
    """An event with each source's own claim, when it arrived, and why it was merged: the
    signals fusion weighed for each source against the first one, and the overrides applied."""
    from .fuse.explain import signals
    from .store import Store

    settings = settings or load_settings()
    with Store.open(db or settings.db_path, read_only=True, wait_seconds=settings.store_wait_seconds) as store:
        event = store.event(event_id)
        members = store.mentions(event_ids=[event_id])
        copies = store.copies()
        overrides = [(kind, ids, moved) for kind, ids, moved in store.overrides() if event_id in ids]
    by_mention = {m.mention_id: (m, added) for m, _, _, added in members}
    anchor = members[0][0] if members else None
    rows = []
    for source in event.sources:
        mention, added = by_mention.get(source.mention_id, (None, None))
        why = signals(mention, anchor, settings, copies) if mention and anchor and mention is not anchor else None
        rows.append({"source": source, "arrived": added, "signals": why})
    return {"event": event, "sources": rows, "overrides": overrides}


def merge(event_ids: list[str], *, db: str | Path | None = None, settings: Settings | None = None) -> Event:
    """Merge events into the first one (an analyst's decision, kept by every later ingest)."""
    from .fuse import Cluster, events_of
    from .store import Store

    settings = settings or load_settings()
    if len(set(event_ids)) < 2:
        raise UsageError("merge needs at least two different event ids")
    with Store.open(db or settings.db_path, wait_seconds=settings.store_wait_seconds) as store:
        for event_id in event_ids:
            store.event(event_id)  # a clear error for an unknown id
        members = store.mentions(event_ids=event_ids)
        bare = sorted(set(event_ids) - {event_id for _, event_id, _, _ in members})
        if bare:
            # Merging would drop their sources: events stored before schema 2 keep no reports.
            raise UsageError(f"events {', '.join(bare)} have no stored reports to merge (stored before schema 2); re-ingest their documents")
        target = event_ids[0]
        (fused,) = events_of([Cluster([m for m, _, _, _ in members], target, merged=True)], store.copies(), settings)
        moved = {m.mention_id: target for m, _, _, _ in members}
        store.save_override("merge", event_ids, moved, [fused], removed=[e for e in event_ids[1:] if e != target])
        return store.event(target)


def split(event_id: str, sources: list[str], *, db: str | Path | None = None, settings: Settings | None = None) -> tuple[Event, Event]:
    """Take sources (document ids, article ids or mention ids) out of an event into a new one."""
    from .fuse import Cluster, events_of
    from .store import Store

    settings = settings or load_settings()
    with Store.open(db or settings.db_path, wait_seconds=settings.store_wait_seconds) as store:
        store.event(event_id)
        members = [m for m, _, _, _ in store.mentions(event_ids=[event_id])]
        if not members:
            raise UsageError(f"event {event_id} has no stored reports to split (stored before schema 2); re-ingest its documents")
        wanted = set(sources)
        moved = [m for m in members if wanted & {m.document_id, m.article_id, m.mention_id, m.path}]
        unknown = wanted - {x for m in moved for x in (m.document_id, m.article_id, m.mention_id, m.path)}
        if unknown:
            raise UsageError(f"event {event_id} has no source {', '.join(sorted(unknown))}; see `sitreps events --explain {event_id}`")
        kept = [m for m in members if m not in moved]
        if not kept:
            raise UsageError(f"splitting every source out of {event_id} leaves nothing; name only some of its sources")
        copies = store.copies()
        split_off = Cluster(moved)
        fused = {e.event_id: e for e in events_of([Cluster(kept, event_id), split_off], copies, settings, stored=store.taken_event_ids)}
        remaining, new_event = fused[event_id], fused[split_off.event_id]
        store.save_override("split", [event_id, new_event.event_id], {m.mention_id: new_event.event_id for m in moved}, [remaining, new_event])
        return store.event(event_id), store.event(new_event.event_id)


def claims(*, db: str | Path | None = None, settings: Settings | None = None) -> list[Claim]:
    """Stored period statistics ("1,200 killed in 2023"), kept apart from events."""
    from .store import Store

    settings = settings or load_settings()
    with Store.open(db or settings.db_path, read_only=True, wait_seconds=settings.store_wait_seconds) as store:
        return store.claims()


def check(claim_id: str, *, db: str | Path | None = None, settings: Settings | None = None) -> dict:
    """A claim beside what the stored events say for the same measure, actors, period and area:
    ``{"claim", "events", "measured", "ratio"}`` (ratio = claimed / measured; None when the
    events cannot measure it, e.g. displacement, or measure zero)."""
    from .store import Store

    settings = settings or load_settings()
    with Store.open(db or settings.db_path, read_only=True, wait_seconds=settings.store_wait_seconds) as store:
        (claim,) = store.claims(claim_id)
        # A wider area ("the central Sahel") covers several countries, joined with ";".
        countries = claim.iso3.split(";") if claim.iso3 else [None]
        found = [e for country in countries for e in store.events(country=country, since=claim.period_start, until=claim.period_end)]
    if claim.admin1:  # an area below the country: a region, a province or a town
        found = [e for e in found if claim.area in (e.admin1, e.admin2, e.location)]
    if claim.subject_actor.startswith("Unidentified"):
        found = [e for e in found if e.inter1 in NON_STATE_ARMED_TYPES]  # "armed groups": any non-state perpetrator
    elif claim.subject_actor:
        found = [e for e in found if claim.subject_actor in (e.actor1, e.assoc_actor_1)]
    if claim.measure == "deaths":
        measured = sum(e.fatalities for e in found)
    elif claim.measure == "events":
        measured = len(found)
    elif claim.measure == "abductions":
        measured = sum(1 for e in found if e.sub_event_type == "Abduction/forced disappearance")
    else:
        measured = None
    ratio = round(claim.value / measured, 2) if measured else None
    return {"claim": claim, "events": found, "measured": measured, "ratio": ratio}


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
    if value is None:
        return None
    try:
        found = value if isinstance(value, date) else date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{value!r} is not a date; use YYYY-MM-DD") from None
    return found


def _published(value: date | str | None) -> date | None:
    """A publication date given by the caller: a date news can have (date arithmetic on it must
    not overflow)."""
    found = _date(value)
    if found is not None and not plausible(found):
        raise UsageError(f"publication date {found.isoformat()} is outside the years {EARLIEST_YEAR}-{LATEST_YEAR}; give the real date (YYYY-MM-DD)")
    return found
