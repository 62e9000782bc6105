"""Who the text says is making the claim: "according to HRW", "the army said", "selon l'armée"."""

from __future__ import annotations

import re

_STOP = r"(?=[,.;:()\"«»“”]|\s(?:on|in|at|late|early|that|who|which|told|said|added|le|la|qui|que|a\s|ont\s|dans|lors)\b|$)"
_PATTERNS = [
    re.compile(r"\b(?:according to|citing|cited by)\s+(?P<who>[^,.;:()]{2,80}?)" + _STOP, re.I),
    re.compile(r"\b(?:selon|d'après|de source)\s+(?P<who>[^,.;:()]{2,80}?)" + _STOP, re.I),
    re.compile(r"(?P<who>\b[A-Z][\w'’.-]*(?:\s+(?:of|for|de|du|des|la|le|[A-Z][\w'’.-]*))*)\s+(?:said|says|told|reported|announced|claimed|stated|confirmed|a déclaré|a indiqué|a annoncé|a affirmé|a revendiqué|ont revendiqué|a confirmé)\b"),
    re.compile(r"\b(?:said|says|announced|claimed|a déclaré|a indiqué|a annoncé|a affirmé|a précisé|indique|affirme)\s+(?P<who>(?:the\s+|l'|le\s+|la\s+|les\s+)?[A-Z][\w'’.-]*(?:\s+(?:of|for|de|du|des|[A-Z][\w'’.-]*))*)"),
    re.compile(r"(?P<who>\b(?:the\s+)?(?:army|military|government|police|ministry|governor|mayor|residents?|witnesses|sources?|officials?|l'armée|le gouvernement|la police|des habitants|des témoins|des sources)(?:\s+[\w'’-]+){0,4}?)\s+(?:said|says|told|reported|announced|claimed|a déclaré|ont déclaré|a indiqué|ont indiqué|ont rapporté|a rapporté)\b", re.I),
]
_LEADING = re.compile(r"^(?:the|a|an|le|la|les|l'|des|un|une)\s+", re.I)
_GENERIC_WORDS = frozenset({"it", "he", "she", "they", "we", "il", "elle", "ils", "on", "this", "that", "which", "who"})


def find_claimant(sentence: str, ner_spans: list[tuple[int, int, str]] = ()) -> str | None:
    """The claimant named in ``sentence``, trimmed to a name, or None.

    ``ner_spans`` (start, end, label) from the NER model narrow a long phrase to the organisation
    or person inside it.
    """
    for pattern in _PATTERNS:
        for match in pattern.finditer(sentence):
            who = match.group("who").strip()
            start = match.start("who")
            inner = [s for s in ner_spans if start <= s[0] and s[1] <= match.end("who") and s[2] in ("ORG", "PERSON", "PER", "NORP", "GPE")]
            if inner and len(who.split()) > 4:
                who = sentence[inner[0][0] : inner[0][1]]
            who = _LEADING.sub("", who).strip(" '’\"")
            if not who or who.lower() in _GENERIC_WORDS or len(who) > 80:
                continue
            return who
    return None
