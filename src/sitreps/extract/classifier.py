"""Sentence-level event triggers: which of the contract's sub-event types a sentence's words point to.

This runs on every sentence of every article, before any spaCy, so it is regular expressions only.
Per language, one prefilter (the union of every rule's trigger words, without their context)
rejects most sentences with a single search; only sentences that pass it are masked ("heart
attack", "gold mine", background clauses) and run through the rules' context patterns.

The rule tables live in ``data/triggers.toml``; ``load_lexicon`` compiles them once into a frozen
``Lexicon`` that the caller keeps and passes in.
"""

from __future__ import annotations

import re
import unicodedata
import tomllib
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from ..errors import ConfigError
from ..model import EVENT_TYPE_OF, SUB_EVENT_TYPES

TRIGGERS_FILE = "triggers.toml"
FILTER_KEYS = (
    "period", "aggregate", "strong", "single_event", "statistic_except",
    "hypothetical", "hypothetical_except", "non_event_context", "background", "off_topic", "generic", "aftermath",
)
_PRECEDENCE = {sub: rank for rank, sub in enumerate(s for subs in SUB_EVENT_TYPES.values() for s in subs)}
_MACRO = re.compile(r"@(\w+)")
_CORE_OPEN = "(?P<t>"
# Typographic apostrophes and no-break spaces become their ASCII forms; one character for one
# keeps every offset valid in the original sentence.
def _accent_folds() -> dict[str, str]:
    """Accented Latin letters to their base letter, one character for one ("é" -> "e"): scraped
    French often drops its accents ("attaquee"), and a cue must still match it."""
    folds = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = unicodedata.normalize("NFKD", char)[0]
        if base != char and base.isascii() and base.isalpha():
            folds[char] = base
    return folds


_FOLDS = _accent_folds()
_NORMALISE = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "\u00a0": " ", "\u202f": " "})


def _accent_optional(pattern: str) -> str:
    """A pattern whose accented letters also match their bare letter ("attaquée" matches
    "attaquee"), inside character classes too; the text itself is left as written, so "marché"
    (a market) never reads as "marche" (a march)."""
    out, in_class, escaped = [], False, False
    for index, char in enumerate(pattern):
        if escaped:
            out.append(char)
            escaped = False
            continue
        if char == "\\":
            escaped = True
        elif char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        base = _FOLDS.get(char)
        in_range = in_class and ("-" in (pattern[index - 1 : index], pattern[index + 1 : index + 2]))
        if base is None or in_range:
            out.append(char)  # an end of a range ("À-Ý") stays as written
        elif in_class:
            out.append(char + base)
        else:
            out.append(f"[{char}{base}]")
    return "".join(out)


@dataclass(frozen=True)
class Trigger:
    """One event cue in a sentence; ``start``/``end`` are offsets into that sentence."""

    sub_event_type: str
    start: int
    end: int
    text: str
    score: float


@dataclass(frozen=True)
class Rule:
    """A cue family: patterns of one sub-event type with sentence-level conditions."""

    sub_event_type: str
    pattern: re.Pattern[str]
    score: float
    requires: re.Pattern[str] | None = None
    unless: re.Pattern[str] | None = None


@dataclass(frozen=True)
class FilterCues:
    """Compiled cue lists for ``sitreps.extract.filters`` (None when a list is empty)."""

    period: re.Pattern[str] | None = None
    aggregate: re.Pattern[str] | None = None
    strong: re.Pattern[str] | None = None
    single_event: re.Pattern[str] | None = None
    statistic_except: re.Pattern[str] | None = None
    hypothetical: re.Pattern[str] | None = None
    hypothetical_except: re.Pattern[str] | None = None
    non_event_context: re.Pattern[str] | None = None
    background: re.Pattern[str] | None = None
    off_topic: re.Pattern[str] | None = None
    generic: re.Pattern[str] | None = None
    aftermath: re.Pattern[str] | None = None


@dataclass(frozen=True)
class LanguageLexicon:
    language: str
    prefilter: re.Pattern[str]
    mask: re.Pattern[str] | None
    rules: tuple[Rule, ...]
    filters: FilterCues


@dataclass(frozen=True)
class Lexicon:
    """Every language's compiled rules. Unknown languages fall back to English."""

    languages: Mapping[str, LanguageLexicon]

    def for_language(self, language: str) -> LanguageLexicon:
        found = self.languages.get((language or "").lower()[:2])
        return found if found is not None else self.languages["en"]


def load_lexicon(extra_path: str | Path | None = None) -> Lexicon:
    """Compile the packaged ``data/triggers.toml``, plus an optional user file of the same shape.

    The user file's macros override, its masks, rules and filter cues are added.
    """
    text = importlib_resources.files("sitreps").joinpath("data", TRIGGERS_FILE).read_text(encoding="utf-8")
    tables = [_parse(text, TRIGGERS_FILE)]
    if extra_path is not None:
        path = Path(extra_path)
        try:
            tables.append(_parse(path.read_text(encoding="utf-8"), str(path)))
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read the trigger file ({exc.strerror}); fix the path") from None
    languages = sorted({lang for table in tables for lang in table})
    if "en" not in languages:
        raise ConfigError(f"{TRIGGERS_FILE}: no [en] section; English is the fallback language")
    return Lexicon(MappingProxyType({lang: _compile_language(lang, [t.get(lang, {}) for t in tables]) for lang in languages}))


def normalise(sentence: str) -> str:
    """The sentence with ASCII apostrophes and spaces, same length, so offsets carry over."""
    return sentence.translate(_NORMALISE)


def blank(text: str, pattern: re.Pattern[str] | None) -> str:
    """``text`` with every match of ``pattern`` replaced by spaces (offsets unchanged)."""
    if pattern is None:
        return text
    return pattern.sub(lambda m: " " * len(m.group()), text)


def has_trigger(sentence: str, language: str, lexicon: Lexicon) -> bool:
    """Whether the sentence carries any event trigger (cheap: most sentences stop at the prefilter)."""
    return bool(classify(sentence, language, lexicon))


def classify(sentence: str, language: str, lexicon: Lexicon) -> list[Trigger]:
    """Every event trigger in the sentence, sorted by position.

    Where two cues claim the same words, the stronger one stays (ties go to the contract's
    precedence), so "attacked a military post" is one Armed clash, not also an Attack.
    """
    lang = lexicon.for_language(language)
    text = normalise(sentence)
    if not lang.prefilter.search(text):
        return []
    text = blank(text, lang.mask)
    found: list[Trigger] = []
    for rule in lang.rules:
        # The rule's own pattern first: most rules do not match, and their conditions need not run.
        matches = list(rule.pattern.finditer(text))
        if not matches:
            continue
        if rule.unless is not None and rule.unless.search(text):
            continue
        if rule.requires is not None and not rule.requires.search(text):
            continue
        for match in matches:
            start, end = _core_span(match)
            if end > start:
                found.append(Trigger(rule.sub_event_type, start, end, sentence[start:end], rule.score))
    return _strongest_per_span(found)


def _core_span(match: re.Match[str]) -> tuple[int, int]:
    for name, value in match.groupdict().items():
        if value is not None and name.startswith("t"):
            return match.span(name)
    return match.span()


def _strongest_per_span(triggers: list[Trigger]) -> list[Trigger]:
    kept: list[Trigger] = []
    for trigger in sorted(triggers, key=lambda t: (-t.score, _PRECEDENCE[t.sub_event_type], t.start)):
        if all(trigger.end <= other.start or trigger.start >= other.end for other in kept):
            kept.append(trigger)
    return sorted(kept, key=lambda t: (t.start, -t.score))


# ---- loading ----------------------------------------------------------------------------------


def _parse(text: str, source: str) -> dict[str, Any]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{source}: not valid TOML ({exc})") from None
    if not all(isinstance(value, dict) for value in data.values()):
        raise ConfigError(f"{source}: top-level keys must be language tables such as [en] and [fr]")
    return data


def _compile_language(language: str, sections: list[dict[str, Any]]) -> LanguageLexicon:
    macros: dict[str, str] = {}
    masks: list[str] = []
    rules: list[dict[str, Any]] = []
    filters: dict[str, list[str]] = {key: [] for key in FILTER_KEYS}
    for section in sections:
        macros.update(section.get("macros", {}))
        masks.extend(section.get("mask", []))
        rules.extend(section.get("rule", []))
        for key, values in section.get("filters", {}).items():
            if key not in filters:
                raise ConfigError(f"[{language}.filters] has unknown key {key!r}; use one of {', '.join(FILTER_KEYS)}")
            filters[key].extend(values)
    where = f"[{language}]"
    expand = _macro_expander(macros, where)
    compiled = tuple(_compile_rule(rule, expand, where) for rule in rules)
    cores = [_core(expand(p)) for rule in rules for p in rule.get("patterns", [])]
    if not cores:
        raise ConfigError(f"{where} has no trigger rules")
    return LanguageLexicon(
        language=language,
        prefilter=_prefilter(cores, where),
        mask=_compile([expand(p) for p in masks], where + " mask") if masks else None,
        rules=compiled,
        filters=FilterCues(**{
            key: _compile([expand(p) for p in values], f"{where} filters.{key}") if values else None
            for key, values in filters.items()
        }),
    )


def _compile_rule(rule: dict[str, Any], expand, where: str) -> Rule:
    sub = rule.get("type", "")
    if sub not in EVENT_TYPE_OF:
        raise ConfigError(f"{where} rule type {sub!r} is not one of the contract's sub-event types")
    patterns = rule.get("patterns") or []
    score = rule.get("score")
    if not patterns or not isinstance(score, (int, float)) or not 0 < score <= 1:
        raise ConfigError(f"{where} rule {sub!r} needs patterns and a score in (0, 1]")
    # Each pattern's trigger group gets its own name: one alternation may not repeat a name.
    numbered = [expand(p).replace(_CORE_OPEN, f"(?P<t{i}>") for i, p in enumerate(patterns)]
    return Rule(
        sub_event_type=sub,
        pattern=_compile(numbered, f"{where} {sub}"),
        score=float(score),
        requires=_compile([expand(p) for p in rule["requires"]], f"{where} {sub} requires") if rule.get("requires") else None,
        unless=_compile([expand(p) for p in rule["unless"]], f"{where} {sub} unless") if rule.get("unless") else None,
    )


def _macro_expander(macros: dict[str, str], where: str):
    def expand(pattern: str) -> str:
        def one(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in macros:
                raise ConfigError(f"{where} pattern {pattern!r} uses unknown macro @{name}")
            return f"(?:{macros[name]})"

        return _MACRO.sub(one, pattern)

    return expand


def _compile(patterns: list[str], where: str, bounded: bool = True) -> re.Pattern[str]:
    patterns = [_accent_optional(p) for p in patterns]
    wrapped = [rf"\b(?:{p})\b" if bounded else rf"\b{p}" for p in patterns]
    try:
        return re.compile("|".join(wrapped), re.IGNORECASE)
    except re.error as exc:
        bad = next((p for p in patterns if not _compiles(p)), patterns[0])
        raise ConfigError(f"{where}: invalid regular expression {bad!r} ({exc})") from None


def _compiles(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


def _prefilter(cores: list[str], where: str) -> re.Pattern[str]:
    """One search for "could any trigger word start here?", with the trigger words grouped by
    their first letter behind a one-letter lookahead: at most word starts the engine then tries
    one small group instead of hundreds of alternatives."""
    by_letter: dict[str, list[str]] = {}
    for core in cores:
        for alternative in _split_top(core):
            letters = _first_letters(alternative)
            for letter in sorted(letters) if letters else [""]:
                by_letter.setdefault(letter, []).append(alternative)
    groups = [
        f"(?={re.escape(letter)})(?:{'|'.join(alts)})" if letter else f"(?:{'|'.join(alts)})"
        for letter, alts in sorted(by_letter.items())
    ]
    return _compile([f"(?:{'|'.join(groups)})"], where + " prefilter", bounded=False)


def _structure(pattern: str, start: int = 0):
    """(index, char, depth) for every character outside escapes and character classes, where
    depth is the group nesting after that character."""
    depth, i, in_class = 0, start, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        else:
            depth += {"(": 1, ")": -1}.get(char, 0)
            yield i, char, depth
        i += 1


def _split_top(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern (``a|(?:b|c)`` -> ``a``, ``(?:b|c)``)."""
    parts, start = [], 0
    for i, char, depth in _structure(pattern):
        if char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts


def _first_letters(alternative: str) -> set[str] | None:
    """Lower-case letters the alternative must start with, or None when that is not plain."""
    if alternative.startswith("(?:"):
        inner = _group_body(alternative, 3)
        if inner is None:
            return None
        rest = alternative[3 + len(inner) + 1:]
        if rest[:1] in ("?", "*", "{"):
            return None
        letters: set[str] = set()
        for part in _split_top(inner):
            found = _first_letters(part)
            if not found:
                return None
            letters |= found
        return letters
    if alternative[:1].isalpha() and alternative[1:2] not in ("?", "*", "{"):
        return {alternative[0].lower()}
    return None


def _group_body(pattern: str, start: int) -> str | None:
    """The body of the group opened just before ``start``, or None when it never closes."""
    for i, char, depth in _structure(pattern, start):
        if char == ")" and depth == -1:
            return pattern[start:i]
    return None


def _core(pattern: str) -> str:
    """The trigger group's body (what must be in the sentence), or the whole pattern without one."""
    start = pattern.find(_CORE_OPEN)
    if start < 0:
        return pattern
    body = _group_body(pattern, start + len(_CORE_OPEN))
    return pattern if body is None else body
