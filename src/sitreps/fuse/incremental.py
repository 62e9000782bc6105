"""Fusion against what is stored: a new report joins the stored event it tells of.

The store keeps every resolved mention with the event it belongs to, so a new ingest does not
start from scratch: the stored events whose dates are near the new mentions are loaded whole,
each new mention joins the one it fits best (``fuse.assign``) or starts a new event, and only
the events that changed are fused again. Stored events keep their ``event_id``; a stored mention
never moves on its own (only ``merge`` and ``split`` move it), so analyst overrides hold through
every later ingest.

``store`` is anything with the methods of ``sitreps.store.Store`` used here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Sequence

from ..config import Settings
from ..model import Article, Event, Mention
from . import Cluster, assign, events_of
from .copies import find_copies, signature

# Wider than any date window ``same_event`` allows (two month-precise dates: 15 + 15 days).
CANDIDATE_DAYS = 45


@dataclass(frozen=True)
class FusionUpdate:
    events: list[Event]  # created or changed
    assignments: list[tuple[Mention, str, str]]  # (new mention, its event id, document it copies)
    signatures: dict[str, tuple[tuple[int, ...] | None, str, str]]  # article -> (signature, document, original)
    copies: dict[str, str]  # new article -> document it copies


def update(store, articles: Sequence[Article], mentions: Sequence[Mention], settings: Settings) -> FusionUpdate:
    """Fuse one ingest's mentions into the stored events (nothing is written here)."""
    document_of = {a.article_id: a.document_id for a in articles}
    new_signatures = {a.article_id: signature(a.text) for a in articles}
    copies_found = find_copies(new_signatures, store.signatures(), document_of)
    clusters = _candidates(store, mentions)
    clusters = assign(clusters, mentions, settings)
    new_ids = {m.mention_id for m in mentions}
    touched = [c for c in clusters if any(m.mention_id in new_ids for m in c.mentions)]
    events = events_of(touched, {**store.copies(), **copies_found}, taken=store.event_ids())
    assignments = [(m, c.event_id, copies_found.get(m.article_id, "")) for c in touched for m in c.mentions if m.mention_id in new_ids]
    signatures = {a: (sig, document_of[a], copies_found.get(a, document_of[a])) for a, sig in new_signatures.items()}
    return FusionUpdate(events, assignments, signatures, copies_found)


def _candidates(store, mentions: Sequence[Mention]) -> list[Cluster]:
    """The stored events a new mention could join, each with all its mentions."""
    dates = [m.event_date for m in mentions if m.event_date]
    if not dates:
        return []
    window = timedelta(days=CANDIDATE_DAYS)
    event_ids = store.events_with_mentions_between(min(dates) - window, max(dates) + window)
    merged = {event_ids_[0] for kind, event_ids_, _ in store.overrides() if kind == "merge"}
    clusters: dict[str, Cluster] = {}
    for mention, event_id, _, _ in store.mentions(event_ids=event_ids):
        clusters.setdefault(event_id, Cluster([], event_id, event_id in merged)).mentions.append(mention)
    return list(clusters.values())


def known_on(store, moment, copies: dict[str, str] | None = None) -> list[Event]:
    """The events as the store knew them at ``moment``: only reports that had arrived by then."""
    by_event: dict[str, list[Mention]] = {}
    for mention, event_id, _, _ in store.mentions(added_until=moment):
        by_event.setdefault(event_id, []).append(mention)
    copies = store.copies() if copies is None else copies
    return events_of([Cluster(members, event_id) for event_id, members in by_event.items()], copies, taken=set())
