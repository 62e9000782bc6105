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

import dataclasses
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Sequence

from ..config import Settings
from ..model import Article, Event, Mention
from . import Cluster, _fits, assign, events_of
from .copies import find_copies, signature

# Wider than any date window ``same_event`` allows (two month-precise dates: 15 + 15 days).
CANDIDATE_DAYS = 45


# Copies are looked for among articles published this many days around the new ones: a repost
# comes within weeks, and the index stays the size of a few weeks of news however big the store.
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
    days = [a.published for a in articles if a.published]
    window = (min(days) - timedelta(days=COPY_WINDOW_DAYS), max(days) + timedelta(days=COPY_WINDOW_DAYS)) if days else None
    stored_signatures = {k: v for k, v in store.signatures(window).items() if k not in replaced}
    copies_found = find_copies(new_signatures, stored_signatures, document_of)
    all_copies = {**store.copies(), **copies_found}
    clusters, old_home = _candidates(store, mentions, replaced)
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
    events = events_of(touched, all_copies, taken=store.event_ids() - emptied)
    assignments = [(m, c.event_id, copies_found.get(m.article_id, "")) for c in touched for m in c.mentions if m.mention_id in new_ids]
    signatures = {a: (sig, document_of[a], copies_found.get(a, document_of[a])) for a, sig in new_signatures.items()}
    return FusionUpdate(events, assignments, signatures, copies_found, replaced, sorted(emptied))


def _candidates(store, mentions: Sequence[Mention], replaced: Sequence[str]) -> tuple[list[Cluster], dict[str, str]]:
    """The stored events a new mention could join, each with all its mentions, and the events
    that held mentions of replaced articles (without those mentions); with where each replaced
    mention was (mention id -> event id)."""
    dates = [m.event_date for m in mentions if m.event_date]
    event_ids = set(store.events_of_articles(replaced)) if replaced else set()
    if dates:
        window = timedelta(days=CANDIDATE_DAYS)
        event_ids |= set(store.events_with_mentions_between(min(dates) - window, max(dates) + window))
    if not event_ids:
        return [], {}
    merged = {event_ids_[0] for kind, event_ids_, _ in store.overrides() if kind == "merge"}
    gone = set(replaced)
    clusters: dict[str, Cluster] = {}
    old_home: dict[str, str] = {}
    for mention, event_id, _, _ in store.mentions(event_ids=sorted(event_ids)):
        cluster = clusters.setdefault(event_id, Cluster([], event_id, event_id in merged))
        if mention.article_id in gone:
            old_home[mention.mention_id] = event_id
        else:
            cluster.mentions.append(mention)
    return list(clusters.values()), old_home


def known_on(store, moment, copies: dict[str, str] | None = None) -> list[Event]:
    """The events as the store knew them at ``moment``: only reports that had arrived by then."""
    by_event: dict[str, list[Mention]] = {}
    arrived = {}
    for mention, event_id, _, added_at in store.mentions(added_until=moment):
        by_event.setdefault(event_id, []).append(mention)
        arrived[mention.mention_id] = added_at
    copies = store.copies() if copies is None else copies
    events = events_of([Cluster(members, event_id) for event_id, members in by_event.items()], copies, taken=set())
    return [
        dataclasses.replace(e, sources=tuple(dataclasses.replace(s, arrived=arrived.get(s.mention_id)) for s in e.sources))
        for e in events
    ]
