"""One Document to its Articles: extract or clean the text, split stories, date, publisher, language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from ..config import Settings
from ..model import Article, Document, Rejected
from .cleaner import clean_lines, extract_html, find_sitename, find_title, is_boilerplate, to_lines
from .language import detect_language, load_identifier
from .normalise import normalise_text
from .published import date_from_html, date_from_lines, date_from_url, find_dateline, leading_date, month_from_url, resolve_relative
from .readers import reject
from .rules import BoilerplateRules, load_boilerplate
from .splitter import Story, split_stories

# Fewer words than this after cleaning is a teaser, not a story.
_MIN_STORY_WORDS = 8
# A document of at most this many lines and words that cleaning would empty is a snippet told
# whole ("Gunmen kill five in Djibo"): kept as its story.
_SNIPPET_MAX_LINES = 3
_SNIPPET_MAX_WORDS = 80
_SNIPPET_MIN_WORDS = 4


def _is_snippet(lines) -> bool:
    kept = [line for line in lines if line.strip()]
    return 0 < len(kept) <= _SNIPPET_MAX_LINES and _SNIPPET_MIN_WORDS <= sum(len(line.split()) for line in kept) <= _SNIPPET_MAX_WORDS


@dataclass(frozen=True)
class IngestResources:
    """What ingest loads once per run: the boilerplate rules and the language identifier."""

    rules: BoilerplateRules
    languages: tuple[str, ...]
    identifier: Any  # py3langid LanguageIdentifier restricted to ``languages``
    max_chars: int = Settings.max_document_chars  # a longer text is rejected as too_long


def load_resources(settings: Settings | None = None) -> IngestResources:
    settings = settings or Settings()
    languages = tuple(settings.languages)
    return IngestResources(
        rules=load_boilerplate(), languages=languages, identifier=load_identifier(languages), max_chars=settings.max_document_chars
    )


@dataclass(frozen=True)
class _Dated:
    value: date | None = None
    source: str | None = None
    month: date | None = None  # the first day of the month, when only the month is known


def build_articles(document: Document, resources: IngestResources, today: date | None = None) -> list[Article | Rejected]:
    """The stories of ``document``; a page or story without article text becomes ``Rejected``."""
    rules = resources.rules
    title, sitename, page_date = document.title, None, _Dated()
    if document.published is not None:
        page_date = _Dated(document.published, "metadata")
    if document.kind == "html":
        extracted = extract_html(document.content, document.url)
        if extracted is None:
            return [reject(document.document_id, document.path, "bad_html")]
        text, title, sitename = extracted.text, title or extracted.title, extracted.sitename
        if page_date.value is None:
            page_date = _Dated(*date_from_html(document.content, today))
    else:
        text = document.content
    # Checked before any line is cleaned, so that a huge text costs no more than this count.
    if len(text) > resources.max_chars:
        return [reject(document.document_id, document.path, "too_long", f"{len(text)} characters > {resources.max_chars}")]
    text = normalise_text(text)
    title = normalise_text(title) if title else title
    lines = to_lines(text)
    # A date the page opens with ("date 2024-03-29 Headline ...") dates the page, not an event:
    # it is taken off the text so that extraction never reads it as the date of what follows.
    opening = leading_date(lines[0], rules) if lines else None
    if opening is not None:
        lines = [lines[0][opening.end :].strip(" |-–—:,_")] + lines[1:] if lines[0][opening.end :].strip(" |-–—:,_") else lines[1:]
        # The same day written out again ("date 2021-04-19 Monday, 19 April 2021 Nineteen ...").
        again = leading_date(lines[0], rules) if lines else None
        if again is not None and again.value.year == opening.value.year and again.value.month == opening.value.month:
            lines = [lines[0][again.end :].strip(" |-–—:,_")] + lines[1:] if lines[0][again.end :].strip(" |-–—:,_") else lines[1:]
    if document.kind == "text":
        sitename = find_sitename(lines, rules)
    if page_date.value is None:
        page_date = _Dated(date_from_url(document.url), "url")
    if page_date.value is None and opening is not None and opening.precision == 1:
        page_date = _Dated(opening.value, "dateline")
    if page_date.value is None:
        page_date = _Dated(date_from_lines(lines, rules), "dateline")
    if page_date.value is None:
        # Only the month is known: relative dates in the text then fix no more than the month.
        month = opening.value if opening is not None else month_from_url(document.url)
        page_date = _Dated(None, None, month)
    stories = split_stories(lines, rules)
    return [_article(document, story, title, sitename, page_date, resources) for story in stories]


def _article(
    document: Document,
    story: Story,
    page_title: str | None,
    sitename: str | None,
    page_date: _Dated,
    resources: IngestResources,
) -> Article | Rejected:
    rules = resources.rules
    split = story.index is not None
    article_id = f"{document.document_id}#story-{story.index}" if split else document.document_id
    body = clean_lines(list(story.lines), rules)
    text = "\n".join(body)
    least = _MIN_STORY_WORDS
    if len(text.split()) < _MIN_STORY_WORDS and not split and _is_snippet(story.lines):
        # A short text given whole (a feed item, a snippet) is its own story, not page chrome.
        body = [line.strip() for line in story.lines if line.strip() and not is_boilerplate(line.strip(), rules)]
        text, least = "\n".join(body), _SNIPPET_MIN_WORDS
    if len(text.split()) < least:
        if split:
            return reject(article_id, document.path, "boilerplate", f"headline without story text: {story.title or ''}")
        return reject(article_id, document.path, "no_text")
    title = story.title or page_title or find_title(list(story.lines), rules)
    dateline = find_dateline(body, rules, context=title or "")
    dated = _story_date(story, page_date, dateline.published if dateline else None, rules) if split else page_date
    if not split and dated.value is None and dateline and dateline.published:
        dated = _Dated(dateline.published, "dateline")
    publisher = story.publisher or (None if split else sitename) or (dateline.agency if dateline else None)
    if publisher is None and not split:
        publisher = _host(document.url)
    return Article(
        article_id=article_id,
        document_id=document.document_id,
        path=document.path,
        text=text,
        title=title,
        url=document.url,
        publisher=publisher,
        published=dated.value,
        published_source=dated.source if dated.value else None,
        published_month=None if dated.value else page_date.month,
        language=_language(document.language, text, resources),
        retrieved=document.retrieved,
    )


def _story_date(story: Story, page_date: _Dated, dateline_date: date | None, rules: BoilerplateRules) -> _Dated:
    # A story's own date line beats its relative time, which needs the page's date as anchor.
    own = date_from_lines(list(story.lines), rules)
    if own is not None:
        return _Dated(own, "dateline")
    if story.when:
        relative = resolve_relative(story.when, page_date.value, rules)
        if relative is not None:
            return _Dated(relative, page_date.source)
    if dateline_date is None and not story.when:
        # A story set apart by a rule line on a dated page was on that page by its date.
        return page_date
    return _Dated(dateline_date, "dateline")


def _language(given: str | None, text: str, resources: IngestResources) -> str:
    if given:
        code = given.strip().lower()[:2]
        if code in resources.languages:
            return code
    return detect_language(text, resources.languages, resources.identifier)


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None
