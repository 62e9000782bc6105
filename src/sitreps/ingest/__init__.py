"""ingest: files and folders in, one cleaned ``Article`` per story out (or ``Rejected``).

Reads: files and folders. Fills: every ``Article`` field. See docs/pipeline.md.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..config import Settings
from ..errors import InputError
from ..model import Article, Document, Rejected
from .articles import IngestResources, build_articles, load_resources
from .cleaner import to_lines
from .language import detect_language
from .normalise import normalise_text, without_surrogates
from .readers import read_path, sniff_kind

READS: tuple[str, ...] = ()
FILLS: tuple[str, ...] = (
    "Article.article_id",
    "Article.document_id",
    "Article.path",
    "Article.text",
    "Article.title",
    "Article.url",
    "Article.publisher",
    "Article.published",
    "Article.published_source",
    "Article.language",
    "Article.retrieved",
)

__all__ = [
    "IngestResources",
    "articles_of",
    "detect_language",
    "from_text",
    "load_resources",
    "read_path",
    "run",
]


def run(paths: Iterable[str | Path] | str | Path, settings: Settings, resources: Any = None) -> Iterator[Article | Rejected]:
    """Articles of every file and folder in ``paths``; unreadable inputs and empty stories as Rejected."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    shared = _resources(resources, settings)
    for path in paths:
        for item in read_path(path, settings):
            if isinstance(item, Rejected):
                yield item
            else:
                yield from build_articles(item, shared)


def articles_of(document: Document, settings: Settings, resources: Any = None) -> list[Article | Rejected]:
    """The Articles of one Document already read by ``read_path``."""
    return build_articles(document, _resources(resources, settings))


def from_text(
    text: str,
    *,
    published: date | None = None,
    url: str | None = None,
    language: str | None = None,
    document_id: str = "text",
    settings: Settings | None = None,
    resources: Any = None,
) -> list[Article]:
    """Articles of one text or HTML string (the API's ``extract_text``).

    A caller's ``published`` date counts as metadata: it beats dates found in the text and anchors
    relative times. A text the cleaner would drop entirely (one short paragraph) is kept whole:
    the caller chose it. A text longer than ``max_document_chars`` raises ``InputError``.
    """
    if not text.strip():
        return []
    settings = settings or Settings()
    shared = _resources(resources, settings)
    text, url, language = without_surrogates(text), url and without_surrogates(url), language and without_surrogates(language)
    document = Document(
        document_id=document_id,
        path=document_id,
        kind=sniff_kind(text),
        content=text,
        url=url,
        published=published,
        language=language,
    )
    built = build_articles(document, shared)
    too_long = next((r for r in built if isinstance(r, Rejected) and r.reason == "too_long"), None)
    if too_long is not None:
        raise InputError(document_id, "too_long", f"{too_long.detail}; raise max_document_chars to read it")
    articles = [a for a in built if isinstance(a, Article)]
    if not articles and document.kind == "text":
        body = "\n".join(to_lines(normalise_text(text)))
        articles = [
            Article(
                article_id=document_id,
                document_id=document_id,
                path=document_id,
                text=body,
                url=url,
                published=published,
                published_source="metadata" if published else None,
                language=language or detect_language(body, shared.languages, shared.identifier),
            )
        ]
    return articles


def _resources(resources: Any, settings: Settings) -> IngestResources:
    """Ingest's resources from a shared ``sitreps.resources.Resources`` (its ``ingest``), or loaded now."""
    if isinstance(resources, IngestResources):
        return resources
    shared = getattr(resources, "ingest", None)
    if isinstance(shared, IngestResources):
        return shared
    return load_resources(settings)
