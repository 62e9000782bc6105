"""Ingest into the store in committed batches (``api.ingest_paths``; ``sitreps ingest``).

Documents are taken ``ingest_batch_documents`` at a time, in the order they are read. Each
batch is read, extracted and resolved while the store file is closed (other processes may open
it meanwhile), then fused against the store and saved in one transaction, and the file is
closed again. So a kill, a crash or a full disk loses at most the batch in flight: running the
same ingest again skips the documents committed (by content hash) and gives the same store as
one uninterrupted run, because batches hold the same documents and meet the same store. A
document that failed (an input failure or an internal error) stores nothing, so the next
ingest tries it again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Iterator

from . import pipeline
from .config import Settings
from .errors import MissingResourceError
from .fuse import incremental
from .model import Document, Event, Rejected
from .pipeline import Progress, RunResult


def ingest(documents: Iterable[Document | Rejected], location: str, published: date | None, settings: Settings,
           resources, progress: Progress | None = None):
    """Ingest ``documents`` into the store at ``location``; returns (RunResult, AddResult) for
    the whole run: the events it created or changed (as stored last), the rejected items and
    the documents skipped as already stored. Its documents, articles and mentions are in the
    store, not kept in memory, so a long ingest does not grow."""
    from .store import Store

    batches = _batches((progress or _unchanged)(documents), settings.ingest_batch_documents)
    batch = next(batches, [])
    # The store is created or upgraded here, so that one that cannot be written fails at once.
    with Store.open(location, wait_seconds=settings.store_wait_seconds) as store:
        known = store.known_documents(_hashes(batch))
    run = _Run()
    try:
        while batch:
            following = next(batches, [])
            known = _ingest_batch(run, location, batch, known, _hashes(following), published, settings, resources)
            batch = following
    except MissingResourceError as error:
        if run.documents_added:  # what was committed stays: say so
            stored = f"{run.documents_added} new document{'s' if run.documents_added != 1 else ''}"
            raise MissingResourceError(f"{error.message} ({stored} of this run stored before it)") from None
        raise
    return run.result(), run.added()


@dataclass(frozen=True)
class _Batch:
    """What one batch did: the pipeline's result, what the store added (None when there was
    nothing to write), the fusion update and which of its events were stored before it."""

    result: RunResult
    added: object | None = None  # store.AddResult
    fused: incremental.FusionUpdate | None = None
    existed: set[str] = field(default_factory=set)


def _ingest_batch(run: "_Run", location: str, batch: list[Document | Rejected], known: set[str], upcoming: list[str],
                  published: date | None, settings: Settings, resources) -> set[str]:
    """One batch, committed and added to ``run`` (before the store is closed: a failure to close
    comes after the commit). ``known`` are its documents stored already; returns which of the
    ``upcoming`` batch's are, looked up in the same transaction, so that a batch opens the store once."""
    from .store import Store

    result = pipeline.process(batch, settings, resources, published=published, seen=known.__contains__, fuse_events=False)
    failed = _failed_documents(result)
    documents = [(d, h) for d, h in result.documents if d.document_id not in failed]
    if not documents:
        run.add(_Batch(result))
        if not upcoming:
            return set()
        with Store.open(location, read_only=True, wait_seconds=settings.store_wait_seconds) as store:
            return store.known_documents(upcoming)
    articles = [a for a in result.articles if a.document_id not in failed]
    mentions = [m for m in result.mentions if m.document_id not in failed]
    claims = [c for c in result.claims if c.document_id not in failed]
    with Store.open(location, wait_seconds=settings.store_wait_seconds) as store:
        fused = incremental.update(store, articles, mentions, settings)
        existed = store.existing_events([e.event_id for e in fused.events])
        added = store.save_fused(
            documents, articles, fused.signatures, fused.assignments, fused.events, claims,
            replaced_articles=fused.replaced_articles, removed_events=fused.removed_events,
        )
        run.add(_Batch(result, added, fused, existed))
        return store.known_documents(upcoming)


def _failed_documents(result: RunResult) -> set[str]:
    """Ids of the documents of a batch with a failed input or an internal error in them (an
    item of a document has the document's id, or that id and "#...")."""
    failed = set()
    for document, _ in result.documents:
        prefix = document.document_id + "#"
        if any(f.item_id == document.document_id or f.item_id.startswith(prefix) for f in result.failures):
            failed.add(document.document_id)
    return failed


def _batches(items: Iterable[Document | Rejected], size: int) -> Iterator[list[Document | Rejected]]:
    """Items in batches of ``size`` documents (read failures ride along with the documents)."""
    batch: list[Document | Rejected] = []
    count = 0
    for item in items:
        batch.append(item)
        count += isinstance(item, Document)
        if count >= size:
            yield batch
            batch, count = [], 0
    if batch:
        yield batch


def _hashes(batch: list[Document | Rejected]) -> list[str]:
    return [pipeline.content_hash(item) for item in batch if isinstance(item, Document)]


def _unchanged(items: Iterable) -> Iterable:
    return items


class _Run:
    """What the batches of one ingest add up to: the events created and changed (each once, as
    stored last) and the counts of ``AddResult``."""

    def __init__(self) -> None:
        self.rejected: list[Rejected] = []
        self.skipped = 0
        self.documents_added = self.sources_added = self.pages_changed = self.events_removed = 0
        self.events: dict[str, Event] = {}
        self.created: set[str] = set()
        self.updated: set[str] = set()

    def add(self, batch: _Batch) -> None:
        self.rejected += batch.result.rejected
        self.skipped += batch.result.skipped_documents
        added, fused = batch.added, batch.fused
        if added is None or fused is None:
            return
        self.documents_added += added.documents_added
        self.sources_added += added.sources_added
        self.pages_changed += added.pages_changed
        self.events_removed += added.events_removed
        for event_id in fused.removed_events:
            self.events.pop(event_id, None)
            self.created.discard(event_id)
            self.updated.discard(event_id)
        for event in fused.events:
            self.events[event.event_id] = event
            new = event.event_id not in batch.existed or event.event_id in self.created
            (self.created if new else self.updated).add(event.event_id)

    def result(self) -> RunResult:
        events = sorted(self.events.values(), key=lambda e: (e.event_date or date.min, e.event_id))
        return RunResult(events=events, rejected=self.rejected, skipped_documents=self.skipped)

    def added(self):
        from .store import AddResult

        return AddResult(
            documents_added=self.documents_added,
            events_added=len(self.created),
            events_updated=len(self.updated - self.created),
            sources_added=self.sources_added,
            pages_changed=self.pages_changed,
            events_removed=self.events_removed,
        )
