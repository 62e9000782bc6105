"""Article text out of HTML (trafilatura) and out of scraped plain text (sitreps' own rules).

The plain-text cleaner works line by line: a line is a paragraph. It drops lines that the
rule table says are boilerplate, menus, link lists after a "Related articles" heading,
comment sections, infoboxes and the header zone before the first real paragraph.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser

from .published import is_date_line
from .rules import BoilerplateRules

# A paragraph of article text: a sentence of some length, or a long line whatever its ending.
_PROSE_MIN_WORDS = 8
_PROSE_LONG_WORDS = 20
_SENTENCE_END = re.compile(r"[.!?…:;»\"”’)\]]\s*$")
# Runs of this many short lines in a row are menus, link lists or headline lists.
_SHORT_RUN = 3
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


@dataclass(frozen=True)
class HtmlText:
    """Text and metadata trafilatura (or the fallback) found in an HTML page."""

    text: str
    title: str | None = None
    sitename: str | None = None


def extract_html(html: str, url: str | None = None) -> HtmlText | None:
    """Main text of an HTML page (trafilatura, precision first); <p> text when that finds nothing."""
    import trafilatura

    found = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        favor_precision=True,
        include_tables=False,
        with_metadata=True,
        # Dates come from published.py; keep trafilatura's own date search cheap and body-free.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (found.text or "").strip() if found is not None else ""
    if text:
        return HtmlText(text=text, title=_clean_inline(found.title), sitename=_clean_inline(found.sitename))
    fallback = strip_paragraphs(html)
    if fallback.text:
        return fallback
    return None


def strip_paragraphs(html: str) -> HtmlText:
    """The text of every <p> element and the <title>, for pages trafilatura cannot read."""
    parser = _ParagraphParser()
    parser.feed(html)
    parser.close()
    paragraphs = [_clean_inline(p) for p in parser.paragraphs]
    return HtmlText(text="\n".join(p for p in paragraphs if p), title=_clean_inline(parser.title))


class _ParagraphParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.title = ""
        self._in_p = False
        self._in_title = False
        self._skip = 0
        self._current: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("script", "style", "noscript"):
            self._skip += 1
        elif tag == "p":
            self._flush()
            self._in_p = True
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "noscript"):
            self._skip = max(0, self._skip - 1)
        elif tag == "p":
            self._flush()
        elif tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._in_title:
            self.title += data
        elif self._in_p:
            self._current.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _flush(self) -> None:
        if self._current:
            self.paragraphs.append("".join(self._current))
        self._current = []
        self._in_p = False


def to_lines(text: str) -> list[str]:
    """Non-empty, space-normalised lines; hard-wrapped paragraphs are joined back into one line."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    blocks = [block.split("\n") for block in re.split(r"\n\s*\n", text)]
    width = max((len(line.rstrip()) for block in blocks for line in block), default=0)
    lines: list[str] = []
    for block in blocks:
        block = [_clean_inline(line) for line in block]
        block = [line for line in block if line]
        if _is_hard_wrapped(block, width):
            lines.append(" ".join(block))
        else:
            lines.extend(block)
    return lines


def _is_hard_wrapped(block: list[str], width: int) -> bool:
    # Text wrapped at a fixed width (mail, some scrapers): every line but the last fills it.
    if len(block) < 2 or not 40 <= width <= 100:
        return False
    return all(len(line) >= 0.7 * width for line in block[:-1])


def _clean_inline(text: str | None) -> str:
    return _SPACES.sub(" ", text or "").strip()


def word_count(line: str) -> int:
    return len(line.split())


def is_prose(line: str) -> bool:
    """A paragraph of article text rather than a heading, link or label."""
    words = word_count(line)
    if words >= _PROSE_LONG_WORDS:
        return True
    return words >= _PROSE_MIN_WORDS and bool(_SENTENCE_END.search(line))


# A short label that introduces a list: "More from the site:", "In sequence:".
_LIST_LABEL = re.compile(r"(?:[^.!?:]|\.(?=\S)){1,60}:\s*")  # "Site.org picks:", no sentence before it
_LIST_LABEL_WORDS = 6


def is_list_label(line: str) -> bool:
    return word_count(line) <= _LIST_LABEL_WORDS and _LIST_LABEL.fullmatch(line) is not None


def is_menu(line: str, rules: BoilerplateRules) -> bool:
    """A navigation bar: "Home | World | Africa | Sport", or a single navigation word."""
    if line.lower().strip(" :") in rules.menu_words:
        return True
    items = [item.strip() for item in rules.menu_separator.split(line) if item and item.strip()]
    if len(items) < 3:
        return False
    short = [item for item in items if word_count(item) <= 4 and not _SENTENCE_END.search(item)]
    if len(short) < len(items):
        return False
    nav = sum(1 for item in items if item.lower() in rules.menu_words or item[:1].isupper())
    return nav == len(items)


def is_timestamp(line: str, rules: BoilerplateRules) -> bool:
    """A relative time with at most a short name before it ("kadi_b 2 hours ago")."""
    match = rules.relative_time.search(line)
    return match is not None and word_count(line[: match.start()]) <= 4


def is_infobox_line(line: str, rules: BoilerplateRules) -> bool:
    return word_count(line) <= 14 and rules.infobox_label.fullmatch(line) is not None


def is_boilerplate(line: str, rules: BoilerplateRules) -> bool:
    """A line that is never article text, wherever it stands."""
    return (
        rules.drop_category(line) is not None
        or is_menu(line, rules)
        or is_infobox_line(line, rules)
        or any(p.fullmatch(line) for p in rules.infobox_heading)
        or is_timestamp(line, rules)
        or is_date_line(line, rules)
    )


def clean_lines(lines: list[str], rules: BoilerplateRules) -> list[str]:
    """The article paragraphs among ``lines``, in order."""
    kept: list[str] = []
    seen_prose = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if any(p.fullmatch(line) for p in rules.tail_start):
            if seen_prose:
                break  # a comment section: nothing after it is the article
            i += 1
            continue
        if any(p.fullmatch(line) for p in rules.block_start) or any(p.fullmatch(line) for p in rules.infobox_heading):
            i = _skip_block(lines, i + 1, rules)
            continue
        if is_boilerplate(line, rules):
            i += 1
            continue
        if seen_prose and is_list_label(line) and i + 1 < len(lines) and not is_prose(lines[i + 1]):
            # "Site.org picks:", "Also on this topic:" and the bare headlines under it.
            i = _skip_block(lines, i + 1, rules)
            continue
        run_end = _short_run_end(lines, i, rules)
        if run_end - i >= _SHORT_RUN:
            i = run_end
            continue
        if is_prose(line):
            seen_prose = True
        # Before the first paragraph is the header zone: title, section, byline, site name.
        if seen_prose:
            kept.append(line)
        i += 1
    return _drop_trailing_short(kept)


def _skip_block(lines: list[str], i: int, rules: BoilerplateRules) -> int:
    # The links or facts under a "Related articles"/"Key facts" heading: short lines and labels.
    while i < len(lines) and (not is_prose(lines[i]) or is_infobox_line(lines[i], rules)):
        if any(p.fullmatch(lines[i]) for p in rules.tail_start):
            break
        i += 1
    return i


def _short_run_end(lines: list[str], i: int, rules: BoilerplateRules) -> int:
    end = i
    while end < len(lines) and not is_prose(lines[end]) and not any(p.fullmatch(lines[end]) for p in rules.tail_start):
        end += 1
    return end


def _drop_trailing_short(kept: list[str]) -> list[str]:
    # A short line after the last paragraph is a leftover label ("Share", a site name), not text.
    while kept and not is_prose(kept[-1]):
        kept.pop()
    return kept


def find_title(lines: list[str], rules: BoilerplateRules) -> str | None:
    """The headline of a scraped page: the longest plain short line before the first paragraph."""
    candidates: list[str] = []
    for line in lines:
        if is_boilerplate(line, rules) or any(p.fullmatch(line) for p in rules.block_start):
            continue
        if is_prose(line):
            break
        if 3 <= word_count(line) <= 25:
            candidates.append(line)
    if not candidates:
        return None
    return max(candidates, key=word_count)


def find_sitename(lines: list[str], rules: BoilerplateRules) -> str | None:
    """The site name of a scraped page: a short first line right above the navigation menu."""
    if len(lines) < 2 or not 1 <= word_count(lines[0]) <= 6 or _SENTENCE_END.search(lines[0]):
        return None
    if is_boilerplate(lines[0], rules) or rules.relative_time.search(lines[0]):
        return None
    return lines[0] if any(is_menu(line, rules) for line in lines[1:3]) else None
