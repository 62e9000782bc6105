"""Extract stage: stories in, event mentions out.

Reads ``Article.text``, ``published`` and ``language``. Fills the text-level fields of
``Mention``: type, evidence, date, actor and place phrases, fatalities, claimant, confidence.

Only sentences with an event trigger (a cheap regex pass) reach spaCy, which runs NER alone:
that is what keeps the whole pipeline faster than spaCy parsing the text.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable, Iterator

from ..config import Settings
from ..errors import Deadline
from ..model import EVENT_TYPE_OF, EVENT_TYPES, NON_STATE_ARMED_TYPES, Article, Claim, Mention, Rejected, disorder_type_of
from .claimant import find_claimant
from .claims import read_claim
from .classifier import Trigger, classify
from .dates import find_dates
from .earlier import link_earlier, split_earlier_event
from .fatalities import count_fatalities
from .filters import is_generic, is_not_event, off_topic_cues
from .places import PlacePhrase, find_places
from .roles import ARMED_TYPES, DEFAULT_TEXTS, assign_roles, find_actor_phrases
from .sentences import Sentence, split_sentences
from .typemodel import NOT_ACLED

STAGE = "extract"
READS = ("Article.text", "Article.published", "Article.language")
FILLS = (
    "Mention.sub_event_type", "Mention.evidence", "Mention.evidence_span", "Mention.event_date",
    "Mention.time_precision", "Mention.date_text", "Mention.actor1_text", "Mention.actor2_text",
    "Mention.assoc_actor1_texts", "Mention.assoc_actor2_texts", "Mention.place_text",
    "Mention.place_qualifier", "Mention.country_hint", "Mention.fatalities", "Mention.fatalities_text",
    "Mention.civilian_targeting", "Mention.claimant", "Mention.confidence",
)

# Definite references to an event already told ("The attack", "L'attaque"): such a sentence adds
# to the event before it instead of starting another.
_ANAPHORA = (
    "the attack", "the assault", "the raid", "the ambush", "the strike", "the explosion", "the blast",
    "the clash", "the clashes", "the fighting", "the incident", "the killings", "the massacre",
    "the abduction", "the kidnapping", "the protest", "the bombing", "this attack", "the violence",
    "l'attaque", "l'assaut", "l'embuscade", "la frappe", "l'explosion", "les affrontements",
    "les combats", "l'incident", "le massacre", "l'enlèvement", "la manifestation", "cette attaque",
    "ces violences", "les violences",
)

_YEAR = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")
_SURROGATE = re.compile("[\ud800-\udfff]")

# A date right after a reporting verb is when something was said, not when it happened.
_REPORTING_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|reported|added|statement|communiqué|a déclaré|a indiqué|a annoncé|diffusé|publié|"
    r"a affirmé|ont déclaré|ont indiqué)\b[^.;]{0,35}$",
    re.I,
)
# "OUAGADOUGOU, 4 March 2024 -": the dateline dates the report, not the event.
_DATELINE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý' .-]{2,40},?\s*(?:\(\w+\)\s*)?$")
# "Diapaga, le 7 novembre 2024 (L'Écho de l'Est) - Mardi 5 novembre, ...": the date before the
# dash dates the report.
_DATELINE_DATE_AFTER = re.compile(r"^\s*(?:\([^()]{1,60}\)\s*)?[-–—]\s")
_DATELINE_MAX_START = 50
# A claim of responsibility, or an official putting the blame on a group: the sentence names the
# perpetrator of the event told before it.
_CLAIM = re.compile(
    r"claimed (?:responsibility|the (?:attack|assault|ambush|killing|bombing|blast|abduction|kidnapping))|"
    r"\bblam(?:ed|es|ing)\b|attributed (?:the \w+ )?to|(?:a|ont) revendiqué|revendication|"
    r"(?:a|ont) (?:imputé|attribué) (?:l'\w+ |cette \w+ )?(?:à|aux)",
    re.I,
)
_GENERIC_ARMED = re.compile(r"\b(?:gunmen|assailants|attackers|jihadists|militants|fighters|terrorists|armed men|hommes armés|individus armés|assaillants|djihadistes|jihadistes|terroristes)\b", re.I)


def _unidentified(actor_text: str) -> bool:
    return bool(_GENERIC_ARMED.search(actor_text)) or actor_text in ("unidentified gunmen", "hommes armés non identifiés")


# The type model: a sentence whose probability mass on crime, disasters and diplomacy exceeds
# NOT_ACLED_SHARE is set aside (a claim of responsibility is not: it names the event's actor and
# joins the event it claims); RULE_WEIGHT is what a trigger rule adds to the
# model's probability for its own sub-event type. Chosen by cross-validation, docs/evaluation.md.
NOT_ACLED_SHARE = 0.5
NOT_POLITICAL = tuple(label for label in NOT_ACLED if label != "ATTRIB")
RULE_WEIGHT = 0.6

# Trigger rules this sure name an act that is an event by itself (see data/triggers.toml scores).
DEFINITE_TRIGGER = 0.85

# A story with this many sport cues is a match report: its "deadly counter-attack" is no event.
OFF_TOPIC_STORY_CUES = 4

_ANAPHORA_PATTERN = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in _ANAPHORA) + r")(?![\w-])", re.I)


@dataclass
class _Draft:
    """A mention being assembled from one sentence and the sentences that continue it."""

    sub_event_type: str
    sentences: list[Sentence]
    trigger_start: int  # offset in the first sentence
    trigger_score: float
    event_date: date | None = None
    time_precision: int | None = None
    date_text: str = ""
    date_spill: tuple[int, int] = (0, 0)
    explicit_date: bool = False
    fatalities: int = 0
    fatalities_text: str = ""
    claimant: str | None = None
    place_text: str = ""
    place_qualifier: str = ""
    country_hint: str = ""
    roles: object = None


def run(articles: Iterable[Article], settings: Settings, resources, deadline: Deadline | None = None) -> Iterator[Mention | Claim | Rejected]:
    for article in articles:
        yield from extract_article(article, settings, resources, deadline)


def extract_article(article: Article, settings: Settings, resources, deadline: Deadline | None = None) -> list[Mention | Claim | Rejected]:
    """Mentions, claims and rejected sentences of one article. ``deadline`` (the document's time
    budget) is checked at every sentence and raises ``TimeBudgetExceeded`` when spent."""
    deadline = deadline or Deadline()
    if _SURROGATE.search(article.text) or _SURROGATE.search(article.title or ""):
        # Ingest never lets one through; an Article made by hand may hold one, and spaCy cannot
        # encode it. One character for one: offsets stay the same.
        article = dataclasses.replace(article, text=_SURROGATE.sub("\ufffd", article.text), title=_SURROGATE.sub("\ufffd", article.title or "") or article.title)
    lexicon = resources.lexicon
    language = article.language
    type_model = resources.type_model if language == "en" else None
    if off_topic_cues(f"{article.title or ''}\n{article.text}", language, lexicon) >= OFF_TOPIC_STORY_CUES:
        return [Rejected(article.article_id, article.path, STAGE, "not_event", "off-topic story (sport)")]
    sentences = split_sentences(article.text)
    # (index, the text read for this event, its triggers, (days before the main event, the gap as
    # written) when it is an earlier event told inside the sentence, the sentence quoted as evidence)
    candidates: list[tuple[int, Sentence, list, tuple[int, str] | None, Sentence]] = []
    out: list[Mention | Claim | Rejected] = []
    # Sentences set aside as no event that still name who did the event before them ("Police
    # blamed Boko Haram, which has used ... for a decade"): index -> why they are no event.
    claims_only: dict[int, str] = {}
    for index, sentence in enumerate(sentences):
        deadline.check()
        triggers = classify(sentence.text, language, lexicon)
        reason = is_not_event(sentence.text, language, lexicon) if triggers else "no event trigger"
        if reason and _CLAIM.search(sentence.text):
            claims_only[index] = reason
            # Only the actors of a claim are read: a sentence without a trigger gets a placeholder.
            candidates.append((index, sentence, triggers or [Trigger("Attack", 0, 0, "", 0.0)], None, sentence))
            continue
        if not triggers:
            continue
        if reason:
            out.append(_rejected(article, f"s{index}", "not_event", reason))
            if reason == "period_statistic":
                out.extend(_claim(sentence.text, article, index, resources))
            continue
        probabilities = type_model.probabilities(sentence.text) if type_model else {}
        if sum(probabilities.get(label, 0.0) for label in NOT_POLITICAL) > NOT_ACLED_SHARE:
            out.append(_rejected(article, f"s{index}", "not_event", "reads as crime, disaster or diplomacy"))
            continue
        split = split_earlier_event(sentence, language, lexicon, resources.number_rules)
        if split is None:
            candidates.append((index, sentence, _weighed(triggers, probabilities), None, sentence))
            continue
        (main, main_triggers), (clause, clause_triggers), days, gap = split
        main_probabilities = type_model.probabilities(main.text) if type_model else {}
        candidates.append((index, main, _weighed(main_triggers, main_probabilities), None, sentence))
        clause_probabilities = type_model.probabilities(clause.text) if type_model else {}
        candidates.append((index, clause, _weighed(clause_triggers, clause_probabilities), (days, gap), sentence))
    if not candidates:
        return out

    nlp = resources.nlp(language)
    docs = nlp.pipe([sentence.text for _, sentence, _, _, _ in candidates])
    opening = sentences[:40]
    countries = _countries_named(article, opening + [sentence for _, sentence, _, _, _ in candidates], resources.gazetteer)
    article_country = _most_named(countries, {-1} | {s.start for s in opening})
    drafts: list[_Draft] = []
    previous_index = -10
    for (index, sentence, triggers, earlier, whole), doc in zip(candidates, docs):
        deadline.check()
        ner_spans = [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]
        country = next((iso3 for iso3, by_name in countries.get(whole.start, ()) if by_name), None) or article_country
        draft = _draft(sentence, triggers, ner_spans, article, country, resources, drafts)
        draft.sentences = [whole]  # a part of a sentence is read, the whole sentence is quoted
        if index in claims_only:
            if drafts and _continues(drafts[-1], draft, sentence, index - previous_index):
                _credit_claim(drafts[-1], draft)
            else:
                out.append(_rejected(article, f"s{index}", "not_event", claims_only[index]))
            continue
        if earlier is not None and drafts:
            link_earlier(draft, drafts[-1], *earlier)
            drafts.append(draft)
        elif drafts and _continues(drafts[-1], draft, sentence, index - previous_index):
            _absorb(drafts[-1], draft)
        else:
            drafts.append(draft)
        previous_index = index
    for number, draft in enumerate(drafts):
        _retype_by_toll(draft)
        # An unambiguous act ("suicide bombers blew themselves up", "a chlorine attack") is an
        # event even when the sentence names no actor; a common verb needs an actor to be one.
        definite = bool(draft.roles.actor1 or draft.roles.actor2) or draft.trigger_score >= DEFINITE_TRIGGER
        if not draft.place_text and not definite and not draft.explicit_date:
            out.append(_rejected(article, f"d{number}", "not_event", "no actor and no place"))
            continue
        vague = not draft.explicit_date and not draft.fatalities and (
            not draft.place_text or draft.place_qualifier in ("region", "unlisted-region")
        )
        if vague and (not definite or _tells_many(draft, language, lexicon)):
            # "Fighting resumed in the north", "attacks in the Tillabéri region have continued":
            # no town, no day, no toll, and no definite actors doing one thing - not codable.
            out.append(_rejected(article, f"d{number}", "not_event", "no town, no day, no toll: not one definite event"))
            continue
        if _is_vague_summary(draft, drafts):
            out.append(_rejected(article, f"d{number}", "not_event", "summary of events told in detail"))
            continue
        if _is_old(draft, article):
            out.append(_rejected(article, f"d{number}", "not_event", "past event recalled as background"))
            continue
        out.append(_to_mention(article, number, draft, settings))
    return out


def _tells_many(draft: _Draft, language: str, lexicon) -> bool:
    return any(is_generic(s.text, language, lexicon) for s in draft.sentences)


def _is_vague_summary(draft: _Draft, drafts: list[_Draft]) -> bool:
    """A lede like "residents describe attacks, a burned market and a drone strike" names no place
    and no day; the story tells each of those events in detail further on."""
    if draft.place_text or draft.explicit_date:
        return False
    family = disorder_type_of(draft.sub_event_type)
    return any(other is not draft and other.place_text and disorder_type_of(other.sub_event_type) == family for other in drafts)


def _is_old(draft: _Draft, article: Article) -> bool:
    """A sentence whose only years are long before publication recalls history ("declared a
    caliphate by Boko Haram in 2014"), unless a date in it fixes the event: a day ("Tuesday,
    April 24, 2018") names one event however old, and fusion joins it to that event's reports."""
    if article.published is None or (draft.explicit_date and draft.time_precision == 1):
        return False
    text = " ".join(s.text for s in draft.sentences)
    years = [int(y) for y in _YEAR.findall(text)]
    if not years or max(years) >= article.published.year - 1:
        return False
    return not (draft.explicit_date and draft.event_date and draft.event_date.year >= article.published.year - 1)


_PROTEST_SEVERITY = {"Peaceful protest": 0, "Protest with intervention": 1, "Excessive force against protesters": 2, "Violent demonstration": 3}
_SURE_PROTEST_RULE = 0.8


def _weighed(triggers: list, probabilities: dict[str, float]) -> list:
    """Triggers best first, the first carrying the sentence's sub-event type.

    Rules alone rank by the taxonomy's precedence (the highest event type wins, then the surest
    rule). The type model re-decides only the type: each rule's score (times RULE_WEIGHT) is added
    to the model's probability for its sub-event type, and a type no rule read wins when the model
    alone is surer. The first trigger keeps its place in the sentence, where roles are read from.
    """
    ranked = sorted(triggers, key=lambda t: (EVENT_TYPES.index(EVENT_TYPE_OF[t.sub_event_type]), -t.score))
    if not probabilities:
        return ranked
    support = {label: p for label, p in probabilities.items() if label in EVENT_TYPE_OF}
    for trigger in triggers:
        support[trigger.sub_event_type] = max(
            support.get(trigger.sub_event_type, 0.0), probabilities.get(trigger.sub_event_type, 0.0) + RULE_WEIGHT * trigger.score
        )
    chosen = max(support, key=support.get)
    if chosen in _PROTEST_SEVERITY:
        # Police intervening in a protest is seen, not guessed: a sure rule for a harsher protest
        # type keeps it against the model's taste for the common peaceful protest.
        harsher = [t.sub_event_type for t in triggers if t.score >= _SURE_PROTEST_RULE and _PROTEST_SEVERITY.get(t.sub_event_type, -1) > _PROTEST_SEVERITY[chosen]]
        chosen = max(harsher, key=_PROTEST_SEVERITY.get, default=chosen)
    if chosen == ranked[0].sub_event_type:
        return ranked
    return [dataclasses.replace(ranked[0], sub_event_type=chosen), *ranked[1:]]


def _draft(sentence, triggers, ner_spans, article, country, resources, drafts) -> _Draft:
    language = article.language
    text = sentence.text
    trigger = triggers[0]
    phrases = find_actor_phrases(text, resources.actors, country)
    roles = _named_back(assign_roles(text, phrases, trigger.start), text, drafts)
    roles = _own_operation(roles, text, trigger.sub_event_type, language)
    sub_event_type = _retype(trigger.sub_event_type, roles)
    ner_places = [(s, e) for s, e, label in ner_spans if label in ("GPE", "LOC", "FAC")]
    places = find_places(text, resources.gazetteer, list(roles.spans), ner_places)
    located = [p for p in places if p.level != "country"]
    place = located[0] if located else (places[0] if places else None)
    if not located and _SAME_PLACE.search(text):
        # "they set fire to the town's market": the town the story has been telling of.
        earlier = next((d for d in reversed(drafts) if d.place_text and d.place_qualifier in ("", "near")), None)
        if earlier is not None:
            place = PlacePhrase(0, 0, earlier.place_text, earlier.place_qualifier, "populated", 0.0)
    draft = _Draft(
        sub_event_type=sub_event_type,
        sentences=[sentence],
        trigger_start=trigger.start,
        trigger_score=trigger.score,
        place_text=place.text if place else "",
        place_qualifier=place.qualifier if place else "",
        country_hint=country or "",
        roles=roles,
    )
    _date(draft, text, article, resources, drafts)
    count = count_fatalities(text, language, resources.number_rules)
    draft.fatalities, draft.fatalities_text = count.value, count.text
    draft.claimant = find_claimant(text, ner_spans)
    return draft


def _date(draft: _Draft, text: str, article: Article, resources, drafts: list[_Draft]) -> None:
    reference = next((d.event_date for d in reversed(drafts) if d.event_date and d.explicit_date), None)
    matches = [
        m for m in find_dates(text, article.published, article.language, resources.date_rules, reference=reference)
        if not _REPORTING_BEFORE.search(text[max(0, m.start - 60) : m.start])
        and not _DATELINE.match(text[: m.start])
        and not (m.start < _DATELINE_MAX_START and _DATELINE_DATE_AFTER.match(text[m.end :]))
    ]
    if matches:
        match = matches[0]
        draft.event_date, draft.time_precision, draft.date_text = match.value, match.precision, match.text
        draft.date_spill = match.spill
        draft.explicit_date = True
        return
    if reference is not None:
        # Narrative context: an undated sentence after a dated one tells of the same days.
        previous = next(d for d in reversed(drafts) if d.event_date and d.explicit_date)
        draft.event_date, draft.time_precision = previous.event_date, previous.time_precision
        draft.date_text, draft.date_spill = previous.date_text, previous.date_spill
        return
    if article.published:
        # Nothing in the text fixes the day: the event falls in the week before publication,
        # coded as that week (precision 2, date = its middle day).
        draft.event_date, draft.time_precision = article.published - timedelta(days=3), 2


# "the fighters", "les assaillants": a definite article points back to a group already named.
_BACK_REFERENCE = re.compile(
    r"\b(?:the|these|those|les|ces)\s+(?:\w+\s+)?(?:fighters|militants|jihadists|gunmen|assailants|attackers|insurgents|"
    r"combattants|assaillants|jihadistes|djihadistes|hommes armés|terroristes|insurgés)\b",
    re.I,
)


_CLAIMED_TOLL = re.compile(r"\bclaim(?:ed|s|ing)\b|\bboast\w*|revendiqu\w*|affirm\w* avoir", re.I)
_SAME_PLACE = re.compile(r"\bthe (?:town|village|city|locality)(?:'s)?\b|\b(?:la ville|le village|la localité|la commune)\b(?!\s+(?:de|d'))", re.I)


def _named_back(roles, text: str, drafts: list[_Draft]):
    """Put the group named earlier in the story in place of "the fighters" (same story only)."""
    if (roles.actor1 and not _unidentified(roles.actor1)) or not _BACK_REFERENCE.search(text):
        return roles
    for earlier in reversed(drafts):
        named = earlier.roles.actor1
        if named and not _unidentified(named) and earlier.roles.actor1_type in ARMED_TYPES and earlier.roles.actor1_type != "State forces":
            return dataclasses.replace(roles, actor1=named, actor1_type=earlier.roles.actor1_type)
    return roles


# "Selon l'armée, une opération ... a permis de tuer quinze assaillants": the army, named only as
# the speaker, reports its own operation.
_ARMY_SPEAKER = re.compile(
    r"\b(?:selon|d'après)\s+(?:l'armée|l'état-major|les FDS|les FAMa|les forces armées)|"
    r"\b(?:a|ont) (?:indiqué|annoncé|précisé|affirmé) (?:l'armée|l'état-major)|"
    r"\b(?:according to the (?:army|military)|the (?:army|military) said|(?:army|military) said)\b",
    re.I,
)
_OPERATION = re.compile(r"\b(?:opération|operation|riposte|offensive|ratissage|sweep|counter-?attack|contre-attaque|frappes?|strikes?)\b", re.I)


def _own_operation(roles, text: str, sub_event_type: str, language: str):
    """A battle whose only side named is the enemy, told by the army about its operation: the
    army is the other side (its name was set aside as the speaker)."""
    if EVENT_TYPE_OF[sub_event_type] != "Battles" or "State forces" in (roles.actor1_type, roles.actor2_type):
        return roles
    if not (_ARMY_SPEAKER.search(text) and _OPERATION.search(text)):
        return roles
    enemy, kind = (roles.actor1, roles.actor1_type) if roles.actor1 else (roles.actor2, roles.actor2_type)
    army = "armée" if language == "fr" else "army"
    return dataclasses.replace(roles, actor1=army, actor1_type="State forces", actor2=enemy, actor2_type=kind)


def _retype(sub_event_type: str, roles) -> str:
    """Battles need two armed sides; violence against civilians needs unarmed targets."""
    target = roles.actor2_type
    if sub_event_type == "Attack" and target in ARMED_TYPES and (roles.actor1_type in ARMED_TYPES or not roles.actor1):
        return "Armed clash"  # whoever attacks soldiers or a base is armed
    if EVENT_TYPE_OF[sub_event_type] == "Battles" and target == "Civilians":
        return "Attack"
    if EVENT_TYPE_OF[sub_event_type] == "Battles" and "Rioters" in (roles.actor1_type, target):
        return "Mob violence"  # a crowd or vigilantes are no organised armed side
    return sub_event_type


def _retype_by_toll(draft: _Draft) -> None:
    """People killed in an abduction raid make it an attack (the higher sub-type)."""
    if draft.sub_event_type == "Abduction/forced disappearance" and draft.fatalities > 0:
        draft.sub_event_type = "Attack"


def _continues(previous: _Draft, draft: _Draft, sentence: Sentence, gap: int) -> bool:
    """Does this sentence add to the event before it rather than report a new one?

    A sentence close to an event that names no other place and no other day tells more of the
    same event ("They burned the granaries", "Fourteen soldiers were wounded"): by the contract's
    event unit it is that event, whatever tactic it names.
    """
    new_place = draft.place_text and previous.place_text and draft.place_text != previous.place_text
    paragraphs = sentence.paragraph - previous.sentences[-1].paragraph
    if _CLAIM.search(sentence.text) and not new_place:
        # A claim or the blame comes a few sentences after the facts, before the next story.
        return gap <= 4 and paragraphs <= 2
    if gap > 2 or paragraphs > 1:
        return False
    new_date = draft.explicit_date and previous.event_date and draft.event_date != previous.event_date
    if new_place or new_date:
        return False
    if _ANAPHORA_PATTERN.search(sentence.text):
        return True
    return not draft.place_text and not draft.explicit_date


def _absorb(target: _Draft, extra: _Draft) -> None:
    target.sentences.extend(extra.sentences)
    # Restatements ("Among the dead were three women...") repeat, not add, so keep the larger;
    # but a party's own claim ("JNIM claimed it had killed dozens") never raises a reported toll.
    claimed_toll = target.fatalities and _CLAIMED_TOLL.search(" ".join(x.text for x in extra.sentences))
    if extra.fatalities > target.fatalities and not claimed_toll:
        target.fatalities, target.fatalities_text = extra.fatalities, extra.fatalities_text
    target.claimant = target.claimant or extra.claimant
    if not target.place_text and extra.place_text:
        target.place_text, target.place_qualifier = extra.place_text, extra.place_qualifier
    claim = _CLAIM.search(" ".join(x.text for x in extra.sentences))
    # "JNIM claimed the attack" refers to the event told; its word "attack" does not retype it.
    if not claim and (
        EVENT_TYPES.index(EVENT_TYPE_OF[extra.sub_event_type]) < EVENT_TYPES.index(EVENT_TYPE_OF[target.sub_event_type])
        # "Hundreds marched ... Police fired tear gas": the protest is what it became.
        or _PROTEST_SEVERITY.get(extra.sub_event_type, -1) > _PROTEST_SEVERITY.get(target.sub_event_type, 99)
    ):
        target.sub_event_type = extra.sub_event_type
    if not (claim and _credit_claim(target, extra)) and extra.roles.actor1 and not target.roles.actor1:
        target.roles = dataclasses.replace(target.roles, actor1=extra.roles.actor1, actor1_type=extra.roles.actor1_type)


def _credit_claim(target: _Draft, claim: _Draft) -> bool:
    """"JNIM claimed the attack", "Police blamed Boko Haram": the named group is the perpetrator
    the first report left unidentified. Whether the claim named one."""
    roles = claim.roles
    named = next(
        ((text, kind) for text, kind in ((roles.actor1, roles.actor1_type), (roles.actor2, roles.actor2_type))
         if text and kind in NON_STATE_ARMED_TYPES and not _unidentified(text)),
        None,
    )
    if named and (not target.roles.actor1 or _unidentified(target.roles.actor1)):
        target.roles = dataclasses.replace(target.roles, actor1=named[0], actor1_type=named[1])
    return named is not None


_CIVILIAN_HARM = re.compile(
    r"\b(?:people|persons|civilians|shoppers|worshipp?ers|passengers|mourners|market|mosque|church|school|wedding|funeral|"
    r"personnes|civils|fidèles|passagers|marché|mosquée|église|école|mariage|funérailles)\b",
    re.I,
)


def _to_mention(article: Article, number: int, draft: _Draft, settings: Settings) -> Mention | Rejected:
    mention_id = f"{article.article_id}#m{number}"
    if draft.event_date is None:
        return Rejected(mention_id, article.path, STAGE, "no_date", "no publication date and no date in the text")
    roles = draft.roles
    language = article.language if article.language in ("en", "fr") else "en"
    event_type = EVENT_TYPE_OF[draft.sub_event_type]
    actor1, actor2 = roles.actor1, roles.actor2
    if event_type == "Violence against civilians" and roles.actor2_type != "Civilians":
        actor2 = DEFAULT_TEXTS["civilians"][language]
    if event_type == "Protests":
        # The protesters are actor1; the only second side is state forces that intervene.
        state = [(t, k) for t, k in ((roles.actor1, roles.actor1_type), (roles.actor2, roles.actor2_type)) if k == "State forces"]
        actor1 = roles.actor1 if roles.actor1_type == "Protesters" else roles.actor2 if roles.actor2_type == "Protesters" else DEFAULT_TEXTS["protesters"][language]
        actor2 = state[0][0] if state and draft.sub_event_type != "Peaceful protest" else ""
    if draft.sub_event_type == "Mob violence" and roles.actor2_type != "Civilians":
        actor2 = DEFAULT_TEXTS["civilians"][language]
    if not actor2 and (
        draft.sub_event_type in ("Looting/property destruction", "Arrests")
        or (event_type == "Explosions/Remote violence" and _CIVILIAN_HARM.search(draft.sentences[0].text))
    ):
        # What is looted or burned belongs to civilians, and those arrested are civilians, unless
        # the text names others; a blast among shoppers or worshippers strikes civilians.
        actor2 = DEFAULT_TEXTS["civilians"][language]
    if draft.sub_event_type == "Arrests" and roles.actor1_type != "State forces" and roles.actor2_type == "State forces":
        actor1, actor2 = actor2, actor1 if roles.actor1_type in ("Civilians", "Protesters") else DEFAULT_TEXTS["civilians"][language]
    if event_type == "Riots" and not actor1:
        actor1 = DEFAULT_TEXTS["rioters"][language]
    if (event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians") or draft.sub_event_type == "Looting/property destruction") and not actor1:
        actor1 = DEFAULT_TEXTS["armed"][language]
    first, last = draft.sentences[0], draft.sentences[-1]
    evidence = " ".join(s.text for s in draft.sentences)
    civilian_targeting = event_type == "Violence against civilians" or (
        event_type == "Explosions/Remote violence" and (roles.actor2_type == "Civilians" or actor2 == DEFAULT_TEXTS["civilians"][language])
    )
    confidence = _confidence(draft)
    return Mention(
        mention_id=mention_id,
        article_id=article.article_id,
        document_id=article.document_id,
        path=article.path,
        sub_event_type=draft.sub_event_type,
        evidence=evidence,
        evidence_span=(first.start, last.end),
        language=article.language,
        url=article.url,
        title=article.title,
        publisher=article.publisher,
        published=article.published,
        event_date=draft.event_date,
        time_precision=draft.time_precision,
        date_text=draft.date_text,
        date_spill=draft.date_spill,
        actor1_text=actor1,
        actor2_text=actor2 if actor2 != actor1 else "",
        assoc_actor1_texts=roles.assoc1,
        assoc_actor2_texts=roles.assoc2,
        place_text=draft.place_text,
        place_qualifier=draft.place_qualifier,
        country_hint=draft.country_hint,
        fatalities=draft.fatalities,
        fatalities_text=draft.fatalities_text,
        civilian_targeting=civilian_targeting,
        claimant=draft.claimant,
        confidence=confidence,
    )


def _confidence(draft: _Draft) -> float:
    score = 0.5 * draft.trigger_score
    score += 0.15 if draft.place_text else 0.0
    score += 0.15 if draft.roles.actor1 else 0.0
    score += 0.1 if draft.explicit_date else 0.0
    score += 0.1 if (draft.fatalities or draft.claimant) else 0.0
    return round(min(score, 0.99), 3)


def _countries_named(article: Article, sentences: list[Sentence], gazetteer) -> dict[int, list[tuple[str, bool]]]:
    """Countries each sentence names, keyed by sentence start (the title at -1): (ISO3, True) for a
    country name, (ISO3, False) for a place whose name belongs to one country only. Each sentence is
    read once, whether it serves the article's vote, its own event, or both."""
    unique = {s.start: s.text for s in sentences}
    texts = [(-1, article.title or "")] + sorted(unique.items())
    found: dict[int, list[tuple[str, bool]]] = {}
    for start, text in texts:
        for phrase in find_places(text, gazetteer, []):
            if phrase.level == "country":
                iso3, by_name = gazetteer.country_of(phrase.text), True
            else:
                homes = {c.place.country_iso3 for c in gazetteer.lookup(phrase.text, None, limit=5, fuzzy=False)}
                iso3, by_name = (homes.pop() if len(homes) == 1 else None), False
            if iso3:
                found.setdefault(start, []).append((iso3, by_name))
    return found


def _most_named(countries: dict[int, list[tuple[str, bool]]], voters: set[int]) -> str | None:
    """The country the story is about: the one its title and opening sentences name most."""
    counts = Counter(iso3 for start, named in countries.items() if start in voters for iso3, _ in named)
    return counts.most_common(1)[0][0] if counts else None


def _claim(text: str, article: Article, index: int, resources) -> list[Claim]:
    """The claim a period statistic makes, its area chosen among the places the sentence names."""
    words = resources.number_rules.for_language(article.language)
    places = [(p.start, p.end, p.text) for p in find_places(text, resources.gazetteer, [], [])]
    claim = read_claim(text, article, index, find_claimant(text), words, places)
    return [claim] if claim is not None else []


def _rejected(article: Article, item: str, reason: str, detail: str) -> Rejected:
    """A dropped sentence (``s<index>``) or draft event (``d<index>``), counted with its reason."""
    return Rejected(f"{article.article_id}#{item}", article.path, STAGE, reason, detail)


__all__ = ["run", "extract_article", "STAGE", "READS", "FILLS"]
