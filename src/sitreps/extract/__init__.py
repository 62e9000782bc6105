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
from datetime import date
from typing import Iterable, Iterator

from ..config import Settings
from ..errors import Deadline
from ..model import EVENT_TYPE_OF, EVENT_TYPES, NON_STATE_ARMED_TYPES, Article, Claim, Mention, Rejected, disorder_type_of
from .claimant import find_claimant
from .claims import read_claim
from .classifier import Trigger, classify
from .dates import find_dates
from .dating import Anchor, adjust_to_anchor, article_anchor, undated_default
from .earlier import link_earlier, split_earlier_event
from .frames import CLAIM, ELSEWHERE_OPENING, PROTEST_SEVERITY, REVISED_TOLL, SUMMARY_OPENING, Draft, FrameContext, absorb, credit_claim, find_frame, placed, unidentified
from .fatalities import count_fatalities
from .filters import is_aftermath, is_generic, is_not_event, off_topic_cues
from .places import PlacePhrase, dateline_end, find_places, introduced_as_place, lies_within
from .several import count_before, place_list
from .mention import to_mention
from .roles import ARMED_TYPES, assign_roles, find_actor_phrases
from .sentences import Sentence, split_sentences
from .typemodel import NOT_ACLED

STAGE = "extract"
READS = ("Article.text", "Article.published", "Article.language", "Article.retrieved")
FILLS = (
    "Mention.sub_event_type", "Mention.evidence", "Mention.evidence_span", "Mention.event_date",
    "Mention.time_precision", "Mention.date_text", "Mention.actor1_text", "Mention.actor2_text",
    "Mention.assoc_actor1_texts", "Mention.assoc_actor2_texts", "Mention.place_text",
    "Mention.place_qualifier", "Mention.place_context", "Mention.country_hint", "Mention.fatalities", "Mention.fatalities_text",
    "Mention.civilian_targeting", "Mention.claimant", "Mention.confidence",
)

# How many sentences after a dated event an undated one still shares its days.
_NARRATIVE_GAP = 2

_YEAR = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")
_SURROGATE = re.compile("[\ud800-\udfff]")

# A date right after a reporting verb is when something was said, not when it happened.
_REPORTING_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|reported|added|statement|communiqué|a déclaré|a indiqué|a annoncé|diffusé|publié|"
    r"a affirmé|ont déclaré|ont indiqué)\b[^.;]{0,35}$",
    re.I,
)
# A date that is part of a name: "le Mouvement du 23 mars", "la place du 26 Mars", "the March 23
# Movement", "6 October Bridge".
_NAMED_AFTER_DATE = re.compile(r"\b[A-ZÀ-Ý][\w'’-]+ (?:du|de la|of the|of)\s+$")
_NAME_AFTER_DATE = re.compile(r"\s+(?:[A-Z][a-z]+\s+)?(?:Movement|Mouvement|Bridge|Square|Street|Avenue|Stadium|Boulevard|Brigade|Alliance|Coalition)\b")
# "OUAGADOUGOU, 4 March 2024 -": the dateline dates the report, not the event.
_DATELINE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý' .-]{2,40},?\s*(?:\(\w+\)\s*)?$")
# "Diapaga, le 7 novembre 2024 (L'Écho de l'Est) - Mardi 5 novembre, ...": the date before the
# dash dates the report.
_DATELINE_DATE_AFTER = re.compile(r"^\s*(?:\([^()]{1,60}\)\s*)?[-–—]\s")
_DATELINE_MAX_START = 50
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
        if reason and CLAIM.search(sentence.text):
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
    anchor = article_anchor(article, resources.date_rules)
    countries = _countries_named(article, opening + [sentence for _, sentence, _, _, _ in candidates], resources.gazetteer)
    article_country, clear = _most_named(countries, {-1} | {s.start for s in opening})
    # Places abroad are read in a story clearly about one country only where it names them.
    named_countries = frozenset(iso3 for named in countries.values() for iso3, how in named if how in ("where", "name")) if clear else None
    context = _frame_context(article_country, resources)
    drafts: list[Draft] = []  # the event frames, in the order the story opens them
    main_part: Draft | None = None  # the main event of the sentence last read
    for (index, sentence, triggers, earlier, whole), doc in zip(candidates, docs):
        deadline.check()
        ner_spans = [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]
        country = next((iso3 for iso3, how in countries.get(whole.start, ()) if how == "where"), None) or article_country
        draft = _draft(sentence, triggers, ner_spans, article, anchor, country, named_countries, resources, drafts, index)
        draft.sentences = [whole]  # a part of a sentence is read, the whole sentence is quoted
        draft.generic = is_generic(sentence.text, language, lexicon)
        draft.aftermath = draft.sub_event_type == "Other" and is_aftermath(sentence.text, language, lexicon)
        draft.summary = bool(SUMMARY_OPENING.match(sentence.text))
        draft.elsewhere = bool(ELSEWHERE_OPENING.match(sentence.text))
        if index in claims_only:
            # A claim or the blame names who did an event the story told: it credits that event.
            frame = find_frame(drafts, draft, context)
            if frame is not None:
                credit_claim(frame, draft)
            else:
                out.append(_rejected(article, f"s{index}", "not_event", claims_only[index]))
            continue
        if earlier is not None and main_part is not None:
            link_earlier(draft, main_part, *earlier)
            drafts.append(draft)
            continue
        for part in _one_per_town(draft):
            frame = find_frame(drafts, part, context)
            if frame is not None:
                absorb(frame, part)
            elif part.summary and drafts:
                # A sum of the events told ("the attacks left 64 dead") that fits none of them.
                out.append(_rejected(article, f"s{index}", "not_event", "summary of events told"))
                continue
            else:
                drafts.append(part)
            main_part = frame or part
    towns_read: dict[tuple[int, str], list[str]] = {}  # (sentence, country) -> towns it names
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
        if (draft.generic and not draft.fatalities and not (draft.explicit_date and draft.time_precision == 1) and len(draft.sentences) == 1
                and disorder_type_of(draft.sub_event_type) == "Political violence"):
            # "Last month, a series of attacks struck the villages of A, B and C": a run of attacks, with
            # no toll and no day of its own, told in one sentence, is no event per town. (Protests
            # "across the country" are still protests, coded where they are told.)
            out.append(_rejected(article, f"d{number}", "not_event", "a run of events with no day of its own"))
            continue
        if _is_vague_summary(draft, drafts):
            out.append(_rejected(article, f"d{number}", "not_event", "summary of events told in detail"))
            continue
        if _is_old(draft, anchor):
            out.append(_rejected(article, f"d{number}", "not_event", "past event recalled as background"))
            continue
        _place_from_neighbours(draft, sentences, resources.gazetteer, named_countries, towns_read)
        out.append(to_mention(article, number, draft, settings))
    return out


# How many sentences either side of an event's own a town named there places it.
_NEIGHBOUR_SENTENCES = 2


def _place_from_neighbours(draft: Draft, sentences: list[Sentence], gazetteer, named_countries, read: dict) -> None:
    """An event told without a town ("twenty soldiers died in an ambush in Mali") takes the
    one town of its country that the sentences around it name ("the convoy had set off from Ansongo"),
    as a place near which it happened (precision 2). Two towns there, or none: it stays where
    the text put it. ``read`` keeps each sentence's towns for the other drafts of the article."""
    if placed(draft) or not draft.indexes or not draft.country_hint:
        return
    near = {i for index in draft.indexes for i in range(index - _NEIGHBOUR_SENTENCES, index + _NEIGHBOUR_SENTENCES + 1)}
    towns: dict[str, str] = {}
    for i in sorted(near - set(draft.indexes)):
        if 0 <= i < len(sentences):
            key = (i, draft.country_hint)
            if key not in read:
                read[key] = _towns_named(sentences[i].text, draft.country_hint, gazetteer, named_countries)
            for town in read[key]:
                towns.setdefault(town.casefold(), town)
    if len(towns) == 1:
        draft.place_text, draft.place_qualifier, draft.place_level = next(iter(towns.values())), "near", "populated"


def _towns_named(text: str, country: str, gazetteer, named_countries) -> list[str]:
    """The towns of ``country`` the text puts as places ("in Gao", "the town of Gao")."""
    towns = []
    for phrase in find_places(text, gazetteer, [], (), country, named_countries):
        if phrase.level == "populated" and introduced_as_place(text, phrase):
            best = gazetteer.geocode(phrase.text, country).best
            if best is not None and best.place.country_iso3 == country:
                towns.append(phrase.text)
    return towns


def _tells_many(draft: Draft, language: str, lexicon) -> bool:
    return any(is_generic(s.text, language, lexicon) for s in draft.sentences)


def _is_vague_summary(draft: Draft, drafts: list[Draft]) -> bool:
    """A lede like "residents describe attacks, a burned market and a drone strike" names no place
    and no day; the story tells each of those events in detail further on."""
    if draft.place_text or draft.explicit_date:
        return False
    family = disorder_type_of(draft.sub_event_type)
    return any(other is not draft and other.place_text and disorder_type_of(other.sub_event_type) == family for other in drafts)


def _is_old(draft: Draft, anchor: Anchor) -> bool:
    """A sentence whose only years are long before publication recalls history ("declared a
    caliphate by Boko Haram in 2014"), unless a date in it fixes the event: a day ("Tuesday,
    April 24, 2018") names one event however old, and fusion joins it to that event's reports."""
    if anchor.value is None or (draft.explicit_date and draft.time_precision == 1):
        return False
    text = " ".join(s.text for s in draft.sentences)
    years = [int(y) for y in _YEAR.findall(text)]
    if not years or max(years) >= anchor.value.year - 1:
        return False
    return not (draft.explicit_date and draft.event_date and draft.event_date.year >= anchor.value.year - 1)


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
    if chosen in PROTEST_SEVERITY:
        # Police intervening in a protest is seen, not guessed: a sure rule for a harsher protest
        # type keeps it against the model's taste for the common peaceful protest.
        harsher = [t.sub_event_type for t in triggers if t.score >= _SURE_PROTEST_RULE and PROTEST_SEVERITY.get(t.sub_event_type, -1) > PROTEST_SEVERITY[chosen]]
        chosen = max(harsher, key=PROTEST_SEVERITY.get, default=chosen)
    if chosen == ranked[0].sub_event_type:
        return ranked
    return [dataclasses.replace(ranked[0], sub_event_type=chosen), *ranked[1:]]


def _draft(sentence, triggers, ner_spans, article, anchor, country, named_countries, resources, drafts, index) -> Draft:
    language = article.language
    text = sentence.text
    trigger = triggers[0]
    phrases = find_actor_phrases(text, resources.actors, country)
    roles = _named_back(assign_roles(text, phrases, trigger.start), text, drafts)
    roles = _own_operation(roles, text, trigger.sub_event_type, language)
    roles = _named_affiliate(roles, resources.actors, country)
    sub_event_type = _retype(trigger.sub_event_type, roles)
    ner_places = [(s, e) for s, e, label in ner_spans if label in ("GPE", "LOC", "FAC")]
    # Every actor name is no place, also one set aside as a speaker ("Boko Haram", not Boko).
    actor_spans = [(span.start, span.end) for span in resources.actors.find(text) if not _is_country_name(span.text, resources.gazetteer)]
    dateline = [(0, dateline_end(text))] if sentence.start == 0 else []
    # A name the model reads as a person is no place unless the text puts it as one ("in Djibo"):
    # villages share their names with families (Sanogo, Konaré, Traoré).
    people = [
        (s, e) for s, e, label in ner_spans
        if label in ("PERSON", "PER") and not _IN_PLACE.search(text[max(0, s - 25) : s]) and _reads_as_person(text, s, e)
        and not resources.gazetteer.country_of(text[s:e]) and not resources.gazetteer.lookup(text[s:e], None, limit=1, fuzzy=False)
    ]
    places = find_places(text, resources.gazetteer, list(roles.spans) + actor_spans + dateline + people, ner_places, country, named_countries)
    located = [p for p in places if p.level not in ("country", "country-named", "country-people")]
    countries_where = [p for p in places if p.level == "country"]
    place = located[0] if located else (countries_where[0] if countries_where else None)
    if not located and _SAME_PLACE.search(text):
        # "they set fire to the town's market": the town the story has been telling of.
        earlier = next((d for d in reversed(drafts) if d.place_text and d.place_qualifier in ("", "near")), None)
        if earlier is not None:
            place = PlacePhrase(0, 0, earlier.place_text, earlier.place_qualifier, earlier.place_level or "populated", 0.0)
    context_places = tuple(p.text for p in located if place is None or p.start != place.start)
    draft = Draft(
        place_context=list(context_places),
        place_within=[p.text for p in located if place is not None and lies_within(text, place, p)],
        sub_event_type=sub_event_type,
        sentences=[sentence],
        trigger_start=trigger.start,
        trigger_score=trigger.score,
        place_text=place.text if place else "",
        place_qualifier=place.qualifier if place else "",
        place_level=place.level if place else "",
        country_hint=country or "",
        roles=roles,
        indexes=[index],
    )
    _date(draft, text, article, anchor, resources, drafts)
    count = count_fatalities(text, language, resources.number_rules)
    draft.fatalities, draft.fatalities_text = count.value, count.text
    draft.claimant = find_claimant(text, ner_spans)
    draft.several = [
        (town.text, town.qualifier, town.level, count_before(text, town, resources.number_rules.for_language(language).units))
        for town in place_list(text, places, place if located else None, lambda name: bool(resources.gazetteer.country_of(name)))
    ]
    return draft


def _one_per_town(draft: Draft) -> list[Draft]:
    """A draft whose sentence lists several towns, as one draft per town (see ``several``)."""
    if not draft.several:
        return [draft]
    out = []
    for text, qualifier, level, toll in draft.several:
        clone = dataclasses.replace(draft, sentences=list(draft.sentences), indexes=list(draft.indexes), several=[])
        clone.place_text, clone.place_qualifier, clone.place_level = text, qualifier, level
        clone.fatalities, clone.fatalities_text = (toll, str(toll)) if toll is not None else (0, "")
        out.append(clone)
    return out


def _date(draft: Draft, text: str, article: Article, anchor: Anchor, resources, drafts: list[Draft]) -> None:
    reference = next((d.event_date for d in reversed(drafts) if d.event_date and d.explicit_date), None)
    words = resources.date_rules.for_language(article.language)
    matches = [
        adjust_to_anchor(m, anchor, words)
        for m in find_dates(text, anchor.value, article.language, resources.date_rules, reference=reference)
        if not _REPORTING_BEFORE.search(text[max(0, m.start - 60) : m.start])
        and not _NAMED_AFTER_DATE.search(text[max(0, m.start - 40) : m.start])
        and not _NAME_AFTER_DATE.match(text[m.end :])
        and not _DATELINE.match(text[: m.start])
        and not (m.start < _DATELINE_MAX_START and _DATELINE_DATE_AFTER.match(text[m.end :]))
    ]
    if matches and not REVISED_TOLL.search(text):
        match = matches[0]
        draft.event_date, draft.time_precision, draft.date_text = match.value, match.precision, match.text
        draft.date_spill = match.spill
        draft.explicit_date = True
        return
    reported = [
        m for m in find_dates(text, anchor.value, article.language, resources.date_rules)
        if m.precision == 1 and _REPORTING_BEFORE.search(text[max(0, m.start - 60) : m.start])
    ]
    if reported and reported[0].value <= (anchor.value or reported[0].value):
        # "Militants said Wednesday they had taken the town": told with no day of its own, the
        # event falls in the days up to the day it was reported (that day, precision 2).
        draft.event_date, draft.time_precision, draft.date_text = reported[0].value, 2, reported[0].text
        draft.reported_date = True
        return
    previous = next((d for d in reversed(drafts) if d.event_date and d.explicit_date), None)
    if previous is not None and draft.indexes[0] - max(previous.indexes) <= _NARRATIVE_GAP:
        # Narrative context: an undated sentence right after a dated one tells of the same days.
        draft.event_date, draft.time_precision = previous.event_date, previous.time_precision
        draft.date_text, draft.date_spill = previous.date_text, previous.date_spill
        return
    # Nothing in the text fixes the day: the week before publication, the page's month, or null.
    draft.event_date, draft.time_precision = undated_default(anchor)


# The small models tag many Sahel towns as people, so a PERSON span is taken for one only with
# more to go on: a first name and a surname, a title, or the verb of a speaker after it.
_TITLE_BEFORE = re.compile(r"\b(?:mr|mrs|ms|dr|gen|col|capt|lt|maj|sgt|president|minister|spokesman|spokeswoman|leader|lawyer|m|mme|président|ministre|porte-parole|avocat|chef)\.?\s+$", re.IGNORECASE)
_SPEAKER_VERB_AFTER = re.compile(r"^,?\s+(?:said|says|told|added|stated|explained|a déclaré|a dit|a indiqué|a affirmé|a expliqué|a ajouté)\b", re.IGNORECASE)


def _reads_as_person(text: str, start: int, end: int) -> bool:
    return (
        len(text[start:end].split()) >= 2
        or bool(_TITLE_BEFORE.search(text[max(0, start - 20) : start]))
        or bool(_SPEAKER_VERB_AFTER.match(text[end : end + 20]))
    )


_IN_PLACE = re.compile(
    r"\b(?:in|at|near|outside|into|from|towards?|à|a|au|dans|près de|vers|de|village of|town of|city of|village de|ville de|localité de)\s+(?:the\s+|la\s+|le\s+|l')?$",
    re.IGNORECASE,
)
# "the fighters", "les assaillants": a definite article points back to a group already named.
_BACK_REFERENCE = re.compile(
    r"\b(?:the|these|those|les|ces)\s+(?:\w+\s+)?(?:fighters|militants|jihadists|gunmen|assailants|attackers|insurgents|"
    r"combattants|assaillants|jihadistes|djihadistes|hommes armés|terroristes|insurgés)\b",
    re.I,
)


_SAME_PLACE = re.compile(r"\bthe (?:town|village|city|locality)(?:'s)?\b|\b(?:la ville|le village|la localité|la commune)\b(?!\s+(?:de|d'))", re.I)


def _named_back(roles, text: str, drafts: list[Draft]):
    """Put the group named earlier in the story in place of "the fighters" (same story only)."""
    if (roles.actor1 and not unidentified(roles.actor1)) or not _BACK_REFERENCE.search(text):
        return roles
    for earlier in reversed(drafts):
        named = earlier.roles.actor1
        if named and not unidentified(named) and earlier.roles.actor1_type in ARMED_TYPES and earlier.roles.actor1_type != "State forces":
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


def _is_country_name(text: str, gazetteer) -> bool:
    """"Burkina Faso" is a place even where the registry reads it as a side ("Burkina Faso: eight
    killed"); "Burkinabe troops" is not."""
    return bool(gazetteer.country_of(text)) and not gazetteer.is_demonym(text)


def _named_affiliate(roles, registry, country):
    """"Terrorists affiliated to Daesh", "gunmen linked to al-Qaeda": unnamed attackers tied to a
    named group are that group's (the group is the perpetrator, as a claim would make it)."""
    if not roles.actor1 or not unidentified(roles.actor1):
        return roles
    for text in roles.assoc1:
        actor = registry.resolve(text, country, None)
        if actor is not None and actor.actor_type in NON_STATE_ARMED_TYPES:
            rest = tuple(t for t in roles.assoc1 if t != text)
            return dataclasses.replace(roles, actor1=text, actor1_type=actor.actor_type, assoc1=rest)
    return roles


# A crowd that is no demonstration: a mob, vigilantes, "la foule en colère".
_MOB = re.compile(r"\b(?:mobs?|vigilantes?|foule|lyncheurs)\b", re.IGNORECASE)


def _retype(sub_event_type: str, roles) -> str:
    """Battles need two armed sides; violence against civilians needs unarmed targets."""
    target = roles.actor2_type
    if sub_event_type == "Attack" and target in ARMED_TYPES and (roles.actor1_type in ARMED_TYPES or not roles.actor1):
        return "Armed clash"  # whoever attacks soldiers or a base is armed
    if EVENT_TYPE_OF[sub_event_type] == "Battles" and target == "Civilians":
        return "Attack"
    if EVENT_TYPE_OF[sub_event_type] == "Battles" and "Rioters" in (roles.actor1_type, target):
        return "Mob violence"  # a crowd or vigilantes are no organised armed side
    if roles.actor1_type == "Rioters" and sub_event_type in ("Looting/property destruction", "Violent demonstration") and _MOB.search(roles.actor1):
        return "Mob violence"  # houses a mob set on fire: a crowd's violence, no demonstration
    if sub_event_type == "Looting/property destruction" and roles.actor1_type == "Rioters":
        return "Violent demonstration"
    if EVENT_TYPE_OF[sub_event_type] == "Protests" and "Rioters" in (roles.actor1_type, target):
        return "Violent demonstration"  # police dispersing a mob face a riot, not a protest
    return sub_event_type


def _retype_by_toll(draft: Draft) -> None:
    """People killed in an abduction raid make it an attack (the higher sub-type)."""
    if draft.sub_event_type == "Abduction/forced disappearance" and draft.fatalities > 0:
        draft.sub_event_type = "Attack"


def _frame_context(country: str | None, resources) -> FrameContext:
    gazetteer, registry = resources.gazetteer, resources.actors
    found: dict[tuple[str, str | None], object] = {}

    def best(name: str, iso3: str | None):
        if (name, iso3) not in found:
            found[(name, iso3)] = gazetteer.geocode(name, iso3).best
        return found[(name, iso3)]

    def areas_of(name: str, iso3: str | None) -> tuple[str, ...]:
        """The admin units a place name lies in (empty when the gazetteer does not know it)."""
        candidate = best(name, iso3)
        place = candidate.place if candidate is not None and candidate.level != "country" else None
        return tuple(x for x in (place.admin1, place.admin2) if x) if place else ()

    def country_of(name: str, iso3: str | None) -> str | None:
        candidate = best(name, iso3)
        return candidate.place.country_iso3 if candidate is not None else None

    def actor_names(text: str, iso3: str | None) -> frozenset[str]:
        return registry.readings(text, iso3)

    return FrameContext(country, areas_of, country_of, actor_names)


def _countries_named(article: Article, sentences: list[Sentence], gazetteer) -> dict[int, list[tuple[str, str]]]:
    """Countries each sentence names, keyed by sentence start (the title at -1), as (ISO3, how):
    "name" for a country's name, "place" for a place whose name belongs to one country only,
    "people" for a people's name ("Malian soldiers"). Each sentence is read once, whether it
    serves the article's vote, its own event, or both."""
    unique = {s.start: s.text for s in sentences}
    texts = [(-1, article.title or "")] + sorted(unique.items())
    found: dict[int, list[tuple[str, str]]] = {}
    for start, text in texts:
        named = found.setdefault(start, [])
        for phrase in find_places(text, gazetteer, []):
            if phrase.level in ("country", "country-named", "country-people"):
                # The sentence's own country only where it says the event was ("in Mali"); "U.S.
                # troops" names a people, like a demonym.
                how = {"country": "where", "country-named": "name", "country-people": "people"}[phrase.level]
                named.append((gazetteer.country_of(phrase.text), how))
                continue
            candidates = gazetteer.lookup(phrase.text, None, limit=5, fuzzy=False)
            homes = {c.place.country_iso3 for c in candidates}
            cities = {c.place.country_iso3 for c in candidates if c.place.population >= _KNOWN_CITY}
            if len(homes) == 1 or len(cities) == 1:
                named.append(((homes if len(homes) == 1 else cities).pop(), "place"))
        for word in _CAPITALISED_WORD.findall(text):
            if gazetteer.is_demonym(word):
                named.append((gazetteer.country_of(word), "people"))
    return found


_CAPITALISED_WORD = re.compile(r"\b[A-ZÀ-Ý][a-zà-ÿ]+\b")
# How much each way of naming a country counts when the story's country is voted.
# A country named as an actor ("the US retaliated", "U.S. troops") says less about where the
# story is than a place in it or "in Afghanistan".
_VOTE = {"where": 1.0, "place": 1.0, "name": 0.5, "people": 0.3}
_KNOWN_CITY = 100_000
_CLEAR_VOTES = 2.0


def _most_named(countries: dict[int, list[tuple[str, str]]], voters: set[int]) -> tuple[str | None, bool]:
    """The country the story is about: the one its title and opening sentences name most; and
    whether it is clearly that one (twice the votes of any other)."""
    counts: Counter = Counter()
    for start, named in countries.items():
        if start in voters:
            for iso3, how in named:
                counts[iso3] += _VOTE[how]
    ranked = counts.most_common(2)
    if not ranked:
        return None, False
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    return ranked[0][0], ranked[0][1] >= 2 * second and ranked[0][1] >= _CLEAR_VOTES


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
