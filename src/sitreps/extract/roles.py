"""Who did what to whom: actor phrases of an event sentence assigned to sides.

Actor phrases come from the actor registry's alias finder; the registry also says what type
each phrase is (civilians, state forces, ...). Roles follow the sentence: a passive agent ("by
JNIM", "par des hommes armés") is the perpetrator, civilians are never the perpetrator of
political violence, and the first armed actor before the trigger acts on the first after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_AGENT_BEFORE = re.compile(r"(?<!backed )(?<!supported )(?<!assisted )(?<!appuyés )(?<!appuyé )(?<!soutenus )(?<!soutenu )(?<!accompanied )\b(?:by|par|from|de la part)\s+(?:the\s+|suspected\s+|presumed\s+|des\s+|les\s+|la\s+|le\s+|l'|d'|de\s+)?$", re.I)
_SAME_SIDE_GAP = re.compile(
    r"^\s*(?:,|and|et|with|from|of|du|de|alongside|backed by|supported by|assisted by|along with|together with|aux côtés des?|appuyés? par|soutenus? par|avec|"
    r"(?:\w+\s+)?(?:affiliated (?:to|with)|linked to|loyal to|allied (?:to|with)|affiliés? (?:à|au|aux)|liés? (?:à|au|aux)|proches? (?:de|du|des)))\s*(?:the\s+|les\s+|des\s+|la\s+|le\s+|l')?$",
    re.I,
)
# An actor the sentence shows being harmed is the target, wherever it stands in the sentence:
# "nine soldiers were killed", "a military vehicle struck a landmine", "an attack on the army".
_VICTIM_AFTER = re.compile(
    r"^\s*(?:[\w'’-]+\s+){0,4}?(?:died|perished|lost their lives|were among the dead|sont morts|ont péri|ont perdu la vie)\b"
    r"|^\s*(?:[\w'’-]+\s+){0,4}?(?:were|was|have been|had been|got|ont été|a été|avaient été|sont)\s+(?:\w+\s+)?"
    r"(?:killed|attacked|ambushed|targeted|hit|wounded|injured|abducted|kidnapped|executed|massacred|shot|"
    r"tués?|tuées|attaqués?|visés?|pris pour cible|enlevés?|blessés?|exécutés?|massacrés?)\b"
    r"|^\s*(?:[\w'’-]+\s+){0,6}?(?:struck|hit|ran over|drove over|came under|a sauté sur|ont sauté sur|a heurté|ont été pris)\b"
    # "the five police officers killed in the attack", "les soldats tués lors de l'embuscade"
    r"|^\s*(?:[\w'’-]+\s+){0,2}?(?:killed|slain|wounded|injured|abducted|kidnapped|tués?|tuées|blessés?|enlevés?)\s+(?:in|during|by|on|lors|dans|par|au cours)\b",
    re.I,
)
_TARGET_BEFORE = re.compile(
    r"\b(?:against|on|targeting|killing|killed|ambushed|attacked|attacking|abducted|kidnapped|contre|visant|ciblant|tuant|"
    r"the lives of|the deaths? of|coûté la vie à|la mort de|"
    r"tué|enlevé|attaqué|de|d')\s+(?:the\s+|a\s+|an\s+|les\s+|des\s+|la\s+|le\s+|l'|un\s+|une\s+)?(?:[\w'’-]+\s+){0,2}$",
    re.I,
)
ARMED_TYPES = frozenset({"State forces", "Rebel group", "Political militia", "Identity militia", "External/Other forces"})

# Default actor phrases when a sub-event type implies a side the sentence does not name.
DEFAULT_TEXTS = {
    "civilians": {"en": "civilians", "fr": "civils"},
    "protesters": {"en": "protesters", "fr": "manifestants"},
    "rioters": {"en": "rioters", "fr": "émeutiers"},
    "armed": {"en": "unidentified gunmen", "fr": "hommes armés non identifiés"},
}


@dataclass(frozen=True)
class ActorPhrase:
    start: int
    end: int
    text: str
    actor_type: str
    name: str


@dataclass(frozen=True)
class Roles:
    actor1: str = ""
    actor2: str = ""
    assoc1: tuple[str, ...] = ()
    assoc2: tuple[str, ...] = ()
    actor1_type: str = ""
    actor2_type: str = ""
    spans: tuple[tuple[int, int], ...] = field(default_factory=tuple)


# "Residents said ...", "the army told AFP": a speaker, not a side of the event.
_SPEAKER_AFTER = re.compile(
    r"^\s*(?:[\w'’-]+\s+){0,3}?(?:said|say|says|told|report(?:s|ed)?|confirm(?:s|ed)?|announc(?:e|es|ed)|stated|added|disclosed|revealed|"
    r"a déclaré|ont déclaré|a indiqué|ont indiqué|ont rapporté|a rapporté|a affirmé|ont affirmé|racontent|raconte|témoigne)\b",
    re.I,
)
# Named only as what someone is suspected of ("suspected of being informants for armed groups").
_MENTIONED_ONLY_BEFORE = re.compile(
    r"\b(?:suspected of (?:being|collaborating with|working for|links to|informing|helping|aiding|supplying|spying for)|"
    r"accused of (?:being|collaborating with|working for|supporting|informing|helping|aiding|supplying)|"
    r"informants? (?:for|of)|collaborat\w+ with|soupçonné(?:e|s|es)? d'(?:être|appartenir|avoir (?:renseigné|aidé|informé|ravitaillé|collaboré avec))|"
    r"accusé(?:e|s|es)? d'(?:être|appartenir|avoir (?:renseigné|aidé|informé|ravitaillé|collaboré avec))|"
    r"informateurs? (?:des?|du)|collaborat\w+ avec|de connivence avec)\s+(?:the\s+|des\s+|les\s+|la\s+|le\s+|l'|d')?(?:[\w'’-]+\s+){0,4}$",
    re.I,
)
# "confirmed dead by the police": the police report the event, they are not its agent.
_REPORTED_BY_BEFORE = re.compile(r"\b(?:confirmed|reported|announced|declared|pronounced|confirmés?|annoncés?)\b(?:\s+\w+){0,2}\s+(?:by|par)\s+(?:the\s+|la\s+|le\s+|les\s+|l')?$", re.I)
_SPEAKER_BEFORE = re.compile(r"\b(?:according to|selon|d'après|citing)\s+(?:the\s+|l'|la\s+|le\s+|les\s+|des\s+|a\s+|un\s+|une\s+)?(?:[\w'’-]+\s+){0,2}$", re.I)
# "..., said the army." / "a déclaré l'armée.": a speaker named after the verb, at the clause end.
_SPEAKER_INVERTED = re.compile(r"\b(?:said|says|told|a déclaré|a indiqué|a affirmé|ont déclaré|ont indiqué)\s+(?:the\s+|l'|la\s+|le\s+|les\s+|des\s+|a\s+|un\s+|une\s+)?(?:[\w'’-]+\s+){0,2}$", re.I)


def find_actor_phrases(sentence: str, registry, country_iso3: str | None) -> list[ActorPhrase]:
    phrases = []
    for span in registry.find(sentence):
        before = sentence[max(0, span.start - 60) : span.start]
        after = sentence[span.end : span.end + 40]
        inverted = _SPEAKER_INVERTED.search(before[-40:]) and re.match(r"^\s*(?:[.,;:)»”\"]|$)", after)
        if (_SPEAKER_AFTER.match(after) or _SPEAKER_BEFORE.search(before[-40:]) or inverted or _MENTIONED_ONLY_BEFORE.search(before)
                or _REPORTED_BY_BEFORE.search(before)):
            continue
        actor = registry.resolve(span.text, country_iso3 or None, None)
        if actor is None:
            continue
        phrases.append(ActorPhrase(span.start, span.end, span.text, actor.actor_type, actor.name))
    return phrases


def assign_roles(sentence: str, phrases: list[ActorPhrase], trigger_start: int) -> Roles:
    """Sides of the event from the actor phrases of its sentence."""
    if not phrases:
        return Roles()
    agents = [p for p in phrases if _AGENT_BEFORE.search(sentence[max(0, p.start - 30) : p.start])]
    armed = [p for p in phrases if p.actor_type in ARMED_TYPES]
    crowd = [p for p in phrases if p.actor_type in ("Protesters", "Rioters")]
    civilians = [p for p in phrases if p.actor_type == "Civilians"]

    victims = [p for p in phrases if p not in agents and _is_victim(sentence, p, trigger_start)]
    actor1 = next((p for p in agents if p.actor_type != "Civilians"), None)
    if actor1 is None:
        able = [p for p in armed + crowd if p not in victims]
        before = [p for p in able if p.start < trigger_start]
        after = [p for p in able if p.start >= trigger_start]
        actor1 = (before or after or [None])[0]
    others = [p for p in phrases if actor1 is None or (p.name != actor1.name and p is not actor1)]
    assoc1 = _joined(sentence, actor1, others) if actor1 else []
    remaining = [p for p in others if p not in assoc1]
    target_victims = [p for p in victims if p in remaining]
    actor2 = target_victims[0] if target_victims else _pick_target(remaining, trigger_start, civilians)
    assoc2 = _joined(sentence, actor2, [p for p in remaining if p is not actor2]) if actor2 else []
    return Roles(
        actor1=actor1.text if actor1 else "",
        actor2=actor2.text if actor2 else "",
        assoc1=tuple(_unique(p.text for p in assoc1 if p.name != (actor1.name if actor1 else ""))),
        assoc2=tuple(_unique(p.text for p in assoc2 if p.name != (actor2.name if actor2 else ""))),
        actor1_type=actor1.actor_type if actor1 else "",
        actor2_type=actor2.actor_type if actor2 else "",
        spans=tuple((p.start, p.end) for p in phrases),
    )


def _is_victim(sentence: str, phrase: ActorPhrase, trigger_start: int) -> bool:
    if _VICTIM_AFTER.match(sentence[phrase.end : phrase.end + 60]):
        return True
    return phrase.start > trigger_start and bool(_TARGET_BEFORE.search(sentence[max(0, phrase.start - 40) : phrase.start]))


def _pick_target(candidates: list[ActorPhrase], trigger_start: int, civilians: list[ActorPhrase]) -> ActorPhrase | None:
    if not candidates:
        return None
    after = [p for p in candidates if p.start >= trigger_start]
    armed_after = [p for p in after if p.actor_type in ARMED_TYPES]
    if armed_after:
        return armed_after[0]
    if after:
        return after[0]
    armed = [p for p in candidates if p.actor_type in ARMED_TYPES]
    return (armed or candidates)[0]


def _joined(sentence: str, head: ActorPhrase, others: list[ActorPhrase]) -> list[ActorPhrase]:
    """Phrases chained to ``head`` by "and", "backed by", "aux côtés de"..."""
    chain = []
    edge = head
    for phrase in sorted(others, key=lambda p: p.start):
        if phrase.start < edge.end:
            continue
        if _SAME_SIDE_GAP.match(sentence[edge.end : phrase.start]) and phrase.actor_type in ARMED_TYPES | {head.actor_type}:
            chain.append(phrase)
            edge = phrase
    return chain


def _unique(texts) -> list[str]:
    seen: list[str] = []
    for text in texts:
        if text not in seen:
            seen.append(text)
    return seen
