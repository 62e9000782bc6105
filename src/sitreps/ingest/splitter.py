"""Aggregator pages: several unrelated stories, each "headline / publisher / 3 hours ago / body".

A story is recognised by its relative-time line, with a headline (and usually a publisher line)
just above it. Pages without such lines may set stories apart with a rule line ("* * *", "---")
followed by a headline. A page with fewer than two stories with text (its own article above the
first headline counts as one) is a single story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cleaner import is_boilerplate, is_prose, word_count
from .rules import BoilerplateRules

_MAX_PUBLISHER_WORDS = 6
_MIN_HEADLINE_WORDS = 3
_MAX_HEADLINE_WORDS = 25
# "kadi_b", "@faso226": a commenter's handle, not a publisher.
_HANDLE = re.compile(r"@\S+|\S*[_\d]\S*")
_EDGE_PUNCTUATION = " ·•|-–—,("
# "* * *", "---", "• • •", "___": a line of nothing but rule characters.
_RULE_LINE = re.compile(r"\s*(?:[*•·=_~#—–-]\s*){3,}")


@dataclass(frozen=True)
class Story:
    """One story of a page; ``index`` is its 1-based number when the page was split."""

    lines: tuple[str, ...]  # the story's lines below its headline block, still uncleaned
    title: str | None = None
    publisher: str | None = None
    when: str | None = None  # the relative time as written ("3 hours ago")
    index: int | None = None


@dataclass(frozen=True)
class _Anchor:
    headline: int  # line numbers in the page
    time_line: int
    publisher: str | None
    when: str


def split_stories(lines: list[str], rules: BoilerplateRules) -> list[Story]:
    """The stories of a page, in order; one ``Story`` with ``index=None`` for a single-story page."""
    anchors = _find_anchors(lines, rules)
    if not anchors:
        anchors = _rule_anchors(lines, rules)
    if not anchors:
        return [Story(lines=tuple(lines))]
    stories: list[Story] = []
    preamble = lines[: anchors[0].headline]
    # A page whose own article comes before a block of teasers keeps that article as a story.
    if any(is_prose(line) for line in preamble):
        stories.append(Story(lines=tuple(preamble)))
    for n, anchor in enumerate(anchors):
        end = anchors[n + 1].headline if n + 1 < len(anchors) else len(lines)
        body = lines[anchor.time_line + 1 : end]
        stories.append(
            Story(
                lines=tuple(body),
                title=lines[anchor.headline],
                publisher=anchor.publisher or _publisher_from_links(body, rules),
                when=anchor.when,
            )
        )
    with_text = [story for story in stories if any(is_prose(line) for line in story.lines)]
    if len(with_text) <= 1:
        # Only the page's own article has text: the timed teasers are a widget, not stories.
        return [Story(lines=tuple(lines))]
    return [_numbered(story, n) for n, story in enumerate(stories, start=1)]


def _numbered(story: Story, index: int) -> Story:
    return Story(lines=story.lines, title=story.title, publisher=story.publisher, when=story.when, index=index)


def _find_anchors(lines: list[str], rules: BoilerplateRules) -> list[_Anchor]:
    anchors: list[_Anchor] = []
    for i, line in enumerate(lines):
        match = rules.relative_time.search(line)
        if match is None:
            continue
        prefix = line[: match.start()].strip(_EDGE_PUNCTUATION)
        if word_count(prefix) > _MAX_PUBLISHER_WORDS:
            continue
        floor = anchors[-1].time_line + 1 if anchors else 0
        anchor = _anchor_at(lines, i, prefix, match.group("when"), floor, rules)
        if anchor is not None:
            anchors.append(anchor)
    return anchors


def _rule_anchors(lines: list[str], rules: BoilerplateRules) -> list[_Anchor]:
    """Stories set apart by rule lines: each rule followed by a headline opens one (the page's
    own article above the first rule is kept by ``split_stories`` as the first story)."""
    anchors: list[_Anchor] = []
    for i, line in enumerate(lines):
        if not _RULE_LINE.fullmatch(line):
            continue
        headline = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
        if headline is not None and _is_headline(lines[headline], rules):
            anchors.append(_Anchor(headline=headline, time_line=headline, publisher=None, when=""))
    return anchors


def _anchor_at(lines: list[str], i: int, prefix: str, when: str, floor: int, rules: BoilerplateRules) -> _Anchor | None:
    if prefix:
        # "Sahel Monitor · 3 hours ago": the publisher shares the time line.
        if not _is_publisher(prefix, rules) or i - 1 < floor or not _is_headline(lines[i - 1], rules):
            return None
        return _Anchor(headline=i - 1, time_line=i, publisher=prefix, when=when)
    if i - 2 >= floor and _is_headline(lines[i - 2], rules) and _is_publisher(lines[i - 1], rules):
        return _Anchor(headline=i - 2, time_line=i, publisher=lines[i - 1], when=when)
    if i - 1 >= floor and _is_headline(lines[i - 1], rules):
        return _Anchor(headline=i - 1, time_line=i, publisher=None, when=when)
    return None


def _is_headline(line: str, rules: BoilerplateRules) -> bool:
    words = word_count(line)
    if not _MIN_HEADLINE_WORDS <= words <= _MAX_HEADLINE_WORDS or line.endswith("."):
        return False
    # A clickbait headline still opens a story: it is dropped later, as a story without text.
    return rules.matches("clickbait", line) or not is_boilerplate(line, rules)


def _is_publisher(line: str, rules: BoilerplateRules) -> bool:
    words = word_count(line)
    if not 1 <= words <= _MAX_PUBLISHER_WORDS or line.endswith((".", "!", "?", ":")):
        return False
    if words == 1 and _HANDLE.fullmatch(line):
        return False
    if rules.drop_category(line) is not None or rules.relative_time.search(line):
        return False
    return not any(p.fullmatch(line) for p in rules.tail_start)


def _publisher_from_links(body: list[str], rules: BoilerplateRules) -> str | None:
    # "Read more on Niamey Daily" names the publisher when no publisher line did.
    for line in body:
        for pattern in rules.publisher_link:
            match = pattern.fullmatch(line)
            if match and match.groupdict().get("publisher"):
                return match.group("publisher").strip()
    return None
