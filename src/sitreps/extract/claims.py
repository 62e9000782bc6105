"""Period statistics as claims: "more than 1,200 people were killed by armed groups in Burkina
Faso in 2023, according to a monitoring group".

Such a sentence is no event (the contract keeps period summaries apart from events): the extract
stage sets it aside as ``period_statistic`` and this module reads it into a ``Claim`` - the
number and what it counts (deaths, attacks, abductions, displaced people), the period it covers
(resolved against the publication date), the area and actors it names as written, and who says
so. ``resolve`` then normalises the actors and the area; ``sitreps check`` compares the claim with
what the stored events add up to.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, timedelta
from typing import Sequence

from ..model import WIDER_AREAS, Claim
from .numbers import LanguageNumbers, digits_value, is_digits, spelled_numbers

# What is counted, in English and French, by the noun or verb next to the number.
_MEASURES = (
    ("displaced", r"displaced|forced (?:\w+ )?from their homes|fled their homes|déplacé(?:e|s|es)?|ont fui"),
    ("abductions", r"abduct\w*|kidnap\w*|enlev\w*|enlèvements?|otages?"),
    ("events", r"attacks|incidents|attaques|attentats|incidents sécuritaires|violent events|événements"),
    ("deaths", r"killed|dead|deaths|died|lives|fatalities|tu(?:é|ée|és|ées)|morts|décès|victimes|ont péri|perdu la vie"),
)
_NUMBER = re.compile(
    r"(?P<qualifier>more than|over|nearly|almost|about|around|at least|some|close to|an estimated|roughly|up to|"
    r"plus de|près de|environ|au moins|quelque|presque|un total de|jusqu'à)?\s*"
    r"(?P<value>\d{1,3}(?:[,.  ]\d{3})+|\d+)(?P<scale>\s*(?:million|millions|m\b))?",
    re.I,
)
_MONTHS = {
    name: n + 1
    for n, names in enumerate(
        zip(
            "january february march april may june july august september october november december".split(),
            "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
        )
    )
    for name in names
}
_YEAR = r"((?:19|20)\d\d)"
_PERIODS = (
    # (pattern, how to read it) - the first that matches wins
    (rf"\bbetween {_YEAR} and {_YEAR}|\bentre {_YEAR} et {_YEAR}|\bfrom {_YEAR} (?:to|until) {_YEAR}|\bde {_YEAR} à {_YEAR}", "span"),
    (r"\b(?:in|during) the first half of " + _YEAR + r"|\bau premier semestre(?: de)? " + _YEAR, "first_half"),
    (r"\bsince the (?:start|beginning) of (?:the year|this year)|depuis le début de (?:l'année|cette année)|so far this year", "this_year"),
    (rf"\bsince (?:the (?:start|beginning) of )?{_YEAR}|depuis (?:le début de )?{_YEAR}", "since_year"),
    (r"\bsince (\w+)(?: " + _YEAR + r")?|depuis (?:le mois de )?(\w+)(?: " + _YEAR + r")?", "since_month"),
    (r"\blast year|l'an dernier|l'an passé|l'année dernière|l'année passée", "last_year"),
    (r"\bthis year|cette année", "this_year"),
    (r"\blast month|le mois dernier", "last_month"),
    (r"\b(?:over|in|during) the (?:past|last) (\w+) (months|weeks|years)|(?:au cours|durant|pendant) des (\w+) (?:derniers|dernières) (mois|semaines|années)", "past_n"),
    (rf"\b(?:in|during|throughout|over|en|durant|pendant|au cours de(?: l'année)?) {_YEAR}", "year"),
)
# Spelled-out counts of months or weeks ("over the past six months", "des trois derniers mois").
_SMALL = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "nine": 9, "twelve": 12,
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "neuf": 9, "douze": 12,
}
_BY = re.compile(
    r"\b(?:by|par)\s+(?P<who>[^,.;:()]{2,60}?)(?=\s+(?:in|at|on|during|since|over|across|throughout|last|this|en|au|aux|à|dans|"
    r"depuis|durant|pendant|selon|according|have|has|ont|a)\b|[,.;:()]|$)",
    re.I,
)


# "figures compiled by conflict monitors": who counted, not who killed.
_SOURCE_BEFORE = re.compile(r"\b(?:compiled|published|released|collected|gathered|documented|recorded|reported|counted|compilées?|publiées?|recensées?)\s*$", re.I)
# "Armed groups killed about 1,200 civilians": the subject right before an active verb.
_AGENT_FIRST = re.compile(
    r"(?P<who>\b(?:[A-Z][\w'-]*|armed|jihadist|islamist|state|security|groupes?)(?:\s+[\w'-]+){0,2}?)\s+(?:have\s+|had\s+|ont\s+|a\s+)?"
    r"(?:killed|abducted|kidnapped|displaced|carried out|tué|enlevé|mené|perpétré)\b",
)


# "the central Sahel": an area wider than one country (``model.WIDER_AREAS``) a statistic is given for.
_WIDER_AREA = re.compile("|".join(re.escape(name) for name in sorted(WIDER_AREAS, key=len, reverse=True)), re.I)
_QUALIFIER_BEFORE = re.compile(
    r"(?P<qualifier>more than|over|nearly|almost|about|around|at least|some|close to|an estimated|roughly|up to|"
    r"plus de|près de|environ|au moins|quelque|presque|un total de|jusqu'à)\s*$",
    re.I,
)


# "Forty people were killed": the words before a passive verb are its victims, not its agent.
_PASSIVE_END = re.compile(r"\b(?:were|was|been|are|is|being|été|sont|est)$", re.I)


def read_claim(
    sentence: str,
    article,
    index: int,
    claimant: str | None,
    words: LanguageNumbers | None = None,
    places: Sequence[tuple[int, int, str]] = (),
) -> Claim | None:
    """The claim a period-statistic sentence makes, or None when it names no number it counts.
    ``words`` (the language's number words) lets spelled-out counts ("forty people") count;
    ``places`` are the (start, end, text) place phrases found in the sentence, among which the
    area is the one nearest the number."""
    found = _count(sentence, words)
    if found is None:
        return None
    measure, value, qualifier, text, at = found
    start, end, period_text = _period(sentence, article.published)
    by = next((m for m in _BY.finditer(sentence) if not _SOURCE_BEFORE.search(sentence[: m.start()])), None)
    by = by or next((m for m in _AGENT_FIRST.finditer(sentence) if not _PASSIVE_END.search(m.group("who"))), None)
    return Claim(
        claim_id=claim_id(article.article_id, index),
        article_id=article.article_id,
        document_id=article.document_id,
        url=article.url,
        publisher=article.publisher,
        published=article.published,
        claimant=claimant,
        subject_text=by.group("who").strip() if by else "",
        measure=measure,
        value=value,
        qualifier=qualifier,
        value_text=text,
        period_start=start,
        period_end=end,
        period_text=period_text,
        evidence=sentence.strip(),
        language=article.language,
        area_text=_nearest_area(sentence, places, at),
    )


def claim_id(article_id: str, index: int) -> str:
    """Short stable id of the claim in sentence ``index`` of an article (typed by analysts)."""
    return "SC" + hashlib.sha1(f"{article_id}#c{index}".encode("utf-8")).hexdigest()[:10]


def _nearest_area(sentence: str, places: Sequence[tuple[int, int, str]], at: int) -> str:
    """The area named nearest the number, the first after it before any before it ("2,000 killed
    in the central Sahel in 2023, most of them in Burkina Faso": the central Sahel)."""
    wider = [(m.start(), m.end(), m.group()) for m in _WIDER_AREA.finditer(sentence)]
    # "the central Sahel" is one area, not the Sahel region of Burkina Faso inside its words.
    spans = wider + [p for p in places if not any(start <= p[0] < end for start, end, _ in wider)]
    nearest = min(spans, key=lambda span: (span[0] < at, abs(span[0] - at)), default=None)
    return nearest[2] if nearest else ""


def _count(sentence: str, words: LanguageNumbers | None = None) -> tuple[str, int, str, str, int] | None:
    """(measure, value, qualifier, as written, position) for the number that a measure word
    follows or precedes; years are not counts."""
    candidates: list[tuple[int, int, int, str]] = []  # (start, end, value, qualifier)
    for match in _NUMBER.finditer(sentence):
        raw = match.group("value")
        digits = digits_value(re.sub(r"[,.  ]", "", raw), 12)
        if digits is None or (1900 <= digits <= 2099 and not match.group("qualifier")):
            continue
        value = digits * (1_000_000 if match.group("scale") else 1)
        candidates.append((match.start(), match.end(), value, (match.group("qualifier") or "").lower()))
    for start, end, value in spelled_numbers(sentence, words) if words else []:
        qualifier = _QUALIFIER_BEFORE.search(sentence[:start])
        candidates.append((qualifier.start() if qualifier else start, end, value, qualifier.group("qualifier").lower() if qualifier else ""))
    for start, end, value, qualifier in sorted(candidates):
        after = sentence[end : end + 60]
        before = sentence[max(0, start - 40) : start]
        near: list[tuple[int, str]] = []  # (distance in characters, measure)
        for measure, pattern in _MEASURES:
            following = re.search(rf"^\W*(?:[\w'-]+\s+){{0,4}}?(?:{pattern})\b", after, re.I)
            preceding = re.search(rf"\b(?:{pattern})\s*(?:\w+\s+){{0,2}}$", before, re.I)
            if following:
                near.append((following.end(), measure))
            if preceding:
                near.append((len(before) - preceding.start(), measure))
        if near:
            # "forty people were killed in attacks": the measure word nearest the number.
            return min(near)[1], value, qualifier, sentence[start:end].strip(), start
    return None


def _period(sentence: str, published: date | None) -> tuple[date | None, date | None, str]:
    today = published or date.today()
    for pattern, kind in _PERIODS:
        match = re.search(pattern, sentence, re.I)
        if not match:
            continue
        groups = [g for g in match.groups() if g]
        text = match.group(0)
        if kind == "span" and len(groups) >= 2:
            return date(int(groups[0]), 1, 1), date(int(groups[1]), 12, 31), text
        if kind == "first_half" and groups:
            return date(int(groups[0]), 1, 1), date(int(groups[0]), 6, 30), text
        if kind == "year" and groups:
            return date(int(groups[0]), 1, 1), date(int(groups[0]), 12, 31), text
        if kind == "since_year" and groups:
            return date(int(groups[0]), 1, 1), today, text
        if kind == "since_month" and groups and groups[0].lower() in _MONTHS:
            year = int(groups[1]) if len(groups) > 1 else today.year
            start = date(year, _MONTHS[groups[0].lower()], 1)
            if start > today:
                start = date(year - 1, start.month, 1)
            return start, today, text
        if kind == "this_year":
            return date(today.year, 1, 1), today, text
        if kind == "last_year":
            return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31), text
        if kind == "last_month":
            end = today.replace(day=1) - timedelta(days=1)
            return end.replace(day=1), end, text
        if kind == "past_n" and len(groups) >= 2:
            n = (digits_value(groups[0], 3) or 0) if is_digits(groups[0]) else _SMALL.get(groups[0].lower(), 0)
            unit = groups[1].lower()
            days = n * (7 if unit.startswith(("week", "semaine")) else 365 if unit.startswith(("year", "ann")) else 30)
            if days:
                return today - timedelta(days=days), today, text
    return None, None, ""
