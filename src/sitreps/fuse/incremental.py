"""Fusion against what is stored: a new report joins the stored event it tells of.

The store keeps every resolved mention with the event it belongs to, so a new ingest does not
start from scratch: the stored events a new mention could belong to are looked up in the store
by country, kind, days and place (``Store.events_near``, an index of every stored report's
possible days and place), only those are loaded whole, each new mention joins the one it fits
best (``fuse.assign``) or starts a new event, and only the events that changed are fused again.
The cost of a batch depends on how many stored events are near its reports, not on the size of
the store. Stored events keep their ``event_id``; a stored mention never moves on its own (only
``merge`` and ``split`` move it), so analyst overrides hold through every later ingest.

``store`` is anything with the methods of ``sitreps.store.Store`` used here.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Sequence

from ..config import Settings
from ..model import Article, Event, Mention
from . import SLIP_DAYS, Cluster, _fits, assign, events_of, same_kind
from .copies import find_copies, signature

# Copies are looked for among articles published this many days around each new one (a repost
# comes within weeks) that share a signature band with it (the store's band index).
COPY_WINDOW_DAYS = 30


@dataclass(frozen=True)
class FusionUpdate:
    events: list[Event]  # created or changed
    assignments: list[tuple[Mention, str, str]]  # (new mention, its event id, document it copies)
    signatures: dict[str, tuple[tuple[int, ...] | None, str, str]]  # article -> (signature, document, original)
    copies: dict[str, str]  # new article -> document it copies
    replaced_articles: list[str] = field(default_factory=list)  # stored articles of pages that changed
    removed_events: list[str] = field(default_factory=list)  # events left with no report


def update(store, articles: Sequence[Article], mentions: Sequence[Mention], settings: Settings) -> FusionUpdate:
    """Fuse one ingest's mentions into the stored events (nothing is written here).

    A page ingested again after it changed (same document, new content) replaces its stored
    articles: their old mentions leave their events, which are fused again from what remains. A
    new mention with the id of an old one goes back to that event while it still fits it (so
    overrides hold and ids stay); the others are placed like any new report, and an event left
    with no report is removed."""
    document_of = {a.article_id: a.document_id for a in articles}
    replaced = sorted(store.articles_of_documents(sorted(set(document_of.values()))))
    new_signatures = {a.article_id: signature(a.text) for a in articles}
    published = {a.article_id: a.published for a in articles}
    candidates = store.similar_signatures({a: (sig, published[a]) for a, sig in new_signatures.items()}, COPY_WINDOW_DAYS)
    stored_signatures = {k: v for k, v in candidates.items() if k not in replaced}
    copies_found = find_copies(new_signatures, stored_signatures, document_of)
    clusters, old_home, stored_copies = _candidates(store, mentions, replaced, set(copies_found.values()), settings)
    all_copies = {**stored_copies, **copies_found}
    # The new version of a changed page's report goes back to the event it was in (an analyst's
    # merge or split of it holds, and an event it alone told keeps its id) while it still fits.
    by_id = {c.event_id: c for c in clusters}
    returned: set[str] = set()
    for mention in (m for m in mentions if m.mention_id in old_home):
        home = by_id[old_home[mention.mention_id]]
        if not home.mentions or _fits(mention, home, settings):
            home.mentions.append(mention)
            returned.add(mention.mention_id)
    emptied = {c.event_id for c in clusters if not c.mentions}
    clusters = assign([c for c in clusters if c.mentions], [m for m in mentions if m.mention_id not in returned], settings, all_copies)
    new_ids = {m.mention_id for m in mentions}
    shrunk = set(old_home.values())  # events that lost a report of a changed page: fused again
    touched = [c for c in clusters if c.event_id in shrunk or any(m.mention_id in new_ids for m in c.mentions)]
    events = events_of(touched, all_copies, settings, stored=lambda ids: store.taken_event_ids(ids) - emptied)
    assignments = [(m, c.event_id, copies_found.get(m.article_id, "")) for c in touched for m in c.mentions if m.mention_id in new_ids]
    signatures = {a: (sig, document_of[a], copies_found.get(a, document_of[a])) for a, sig in new_signatures.items()}
    return FusionUpdate(events, assignments, signatures, copies_found, replaced, sorted(emptied))


def _candidates(
    store, mentions: Sequence[Mention], replaced: Sequence[str], originals: set[str], settings: Settings
) -> tuple[list[Cluster], dict[str, str], dict[str, str]]:
    """The stored events a new mention could join (near it, or holding the original a new copy
    repeats), each with all its mentions, and the events that held mentions of replaced articles
    (without those mentions); with where each replaced mention was (mention id -> event id) and
    the stored copies among the loaded mentions (article id -> document it copies)."""
    event_ids = set(store.events_of_articles(replaced)) if replaced else set()
    # The day window reaches one more day: reports of one incident dated a day apart by two
    # outlets may be one event (``fuse._day_slip``); fusion decides.
    event_ids |= set(store.events_near(mentions, same_kind, settings.fuse_date_window_days + SLIP_DAYS, settings.fuse_distance_km))
    if originals:
        event_ids |= set(store.events_of_documents(sorted(originals)))
    if not event_ids:
        return [], {}, {}
    merged = {event_ids_[0] for kind, event_ids_, _ in store.overrides() if kind == "merge"}
    gone = set(replaced)
    clusters: dict[str, Cluster] = {}
    old_home: dict[str, str] = {}
    copies: dict[str, str] = {}
    for mention, event_id, copy_of, _ in store.mentions(event_ids=sorted(event_ids)):
        cluster = clusters.setdefault(event_id, Cluster([], event_id, event_id in merged))
        if copy_of:
            copies[mention.article_id] = copy_of
        if mention.article_id in gone:
            old_home[mention.mention_id] = event_id
        else:
            cluster.mentions.append(mention)
    return list(clusters.values()), old_home, copies


def known_on(store, moment, settings: Settings, copies: dict[str, str] | None = None) -> list[Event]:
    """The events as the store knew them at ``moment``: only reports that had arrived by then."""
    by_event: dict[str, list[Mention]] = {}
    arrived = {}
    for mention, event_id, _, added_at in store.mentions(added_until=moment):
        by_event.setdefault(event_id, []).append(mention)
        arrived[mention.mention_id] = added_at
    copies = store.copies() if copies is None else copies
    events = events_of([Cluster(members, event_id) for event_id, members in by_event.items()], copies, settings)
    return [
        dataclasses.replace(e, sources=tuple(dataclasses.replace(s, arrived=arrived.get(s.mention_id)) for s in e.sources))
        for e in events
    ]
