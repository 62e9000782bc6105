"""Runs the stages in order. No logic of its own beyond wiring and bookkeeping.

ingest (documents -> articles) -> extract -> resolve -> fuse. Each stage states the fields it
reads and fills; ``check_stages`` verifies, when a pipeline is built, that every field a stage
reads is filled by the input records or by an earlier stage.
"""

from __future__ import annotations

import dataclasses
import hashlib
import traceback
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterable, Iterator

from . import extract, fuse, ingest, resolve
from .config import Settings
from .errors import INPUT_FAILURES, ConfigError, Deadline, TimeBudgetExceeded
from .model import Article, Claim, Document, Event, Mention, Rejected

STAGES = (ingest, extract, resolve, fuse)
# Fields the input records carry before any stage runs.
_GIVEN = ("Article.text", "Article.published", "Article.language")

Progress = Callable[[Iterable], Iterable]


@dataclass
class RunResult:
    events: list[Event] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)  # period statistics, kept apart from events
    articles: list[Article] = field(default_factory=list)
    documents: list[tuple[Document, str]] = field(default_factory=list)  # (document, content hash)
    rejected: list[Rejected] = field(default_factory=list)
    skipped_documents: int = 0  # already in the store

    @property
    def failures(self) -> list[Rejected]:
        """Inputs that could not be read: these make the run exit with code 5."""
        return [r for r in self.rejected if r.reason in INPUT_FAILURES]


def check_stages(stages=STAGES) -> None:
    filled = set(_GIVEN)
    for stage in stages:
        for needed in getattr(stage, "READS", ()):
            wildcard = needed.split(".", 1)[0] + ".*"
            if needed not in filled and wildcard not in filled and not needed.startswith("Article."):
                raise ConfigError(f"stage {stage.__name__} reads {needed}, which no earlier stage fills")
        filled.update(getattr(stage, "FILLS", ()))


def content_hash(document: Document) -> str:
    return hashlib.sha256(document.content.encode("utf-8")).hexdigest()


def read_documents(paths: Iterable[str], settings: Settings) -> Iterator[Document | Rejected]:
    for path in paths:
        yield from ingest.read_path(path, settings)


def process(
    items: Iterable[Document | Rejected],
    settings: Settings,
    resources,
    *,
    published: date | None = None,
    seen: Callable[[str], bool] | None = None,
    progress: Progress | None = None,
    fuse_events: bool = True,
) -> RunResult:
    """Documents to fused events. ``seen(hash)`` skips documents already stored; a caller that
    fuses against a store itself passes ``fuse_events=False``.

    Each document is isolated: one that takes longer than ``max_document_seconds`` becomes a
    ``too_slow`` rejection, and an unexpected exception anywhere in ingest, extract or resolve
    becomes that document's ``internal_error`` rejection (with the traceback in ``trace``). Either
    way nothing of that document is kept and every other document is processed."""
    check_stages()
    result = RunResult()
    for item in (progress or (lambda x: x))(items):
        if isinstance(item, Rejected):
            result.rejected.append(item)
            continue
        digest = content_hash(item)
        if seen is not None and seen(digest):
            result.skipped_documents += 1
            continue
        try:
            found = _process_document(item, settings, resources, published, Deadline(settings.max_document_seconds))
        except TimeBudgetExceeded as exc:
            result.rejected.append(Rejected(item.document_id, item.path, "pipeline", "too_slow", exc.message))
            continue
        except Exception as exc:  # noqa: BLE001 - a bug on one document must not lose the others; reported with its traceback
            trace = "".join(traceback.format_exception(exc))
            detail = f"{type(exc).__name__}: {exc}"[:300]
            result.rejected.append(Rejected(item.document_id, item.path, "pipeline", "internal_error", detail, trace=trace))
            continue
        result.documents.append((item, digest))
        result.articles.extend(found.articles)
        result.mentions.extend(found.mentions)
        result.claims.extend(found.claims)
        result.rejected.extend(found.rejected)
    if fuse_events:
        result.events = fuse.run(result.mentions, settings, resources)
    return result


def _process_document(document: Document, settings: Settings, resources, published: date | None, deadline: Deadline) -> RunResult:
    """One document through ingest, extract and resolve; kept by the caller only if all went well."""
    found = RunResult()
    for article in ingest.articles_of(document, settings, resources):
        deadline.check()
        if isinstance(article, Rejected):
            found.rejected.append(article)
            continue
        if article.published is None and published is not None:
            article = dataclasses.replace(article, published=published, published_source="cli")
        found.articles.append(article)
        _extract_and_resolve([article], settings, resources, found, deadline)
    return found


def process_articles(articles: Iterable[Article], settings: Settings, resources) -> RunResult:
    check_stages()
    result = RunResult()
    result.articles = list(articles)
    _extract_and_resolve(result.articles, settings, resources, result)
    result.events = fuse.run(result.mentions, settings, resources)
    return result


def _extract_and_resolve(
    articles: list[Article], settings: Settings, resources, result: RunResult, deadline: Deadline | None = None
) -> None:
    found = list(extract.run(articles, settings, resources, deadline=deadline))
    result.rejected.extend(m for m in found if isinstance(m, Rejected))
    mentions = [m for m in found if isinstance(m, Mention) and m.confidence >= settings.min_confidence]
    for mention in resolve.run(mentions, settings, resources):
        if deadline is not None:
            deadline.check()
        result.mentions.append(mention)
    result.claims.extend(resolve.resolve_claim(c, resources.gazetteer, resources.actors) for c in found if isinstance(c, Claim))
