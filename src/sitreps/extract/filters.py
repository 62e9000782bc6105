"""Sentences that carry an event word but report no single event.

Three kinds, each a cheap regex test over cue lists in ``data/triggers.toml`` (``[<lang>.filters]``):

- period statistics: a summary over a period or area ("more than 6,000 people were killed in the
  region last year", "attacks tripled since 2019"); the contract keeps these apart from events;
- hypothetical or negated events: threats, plans, fears, conditionals, denials ("could strike",
  "a menacé de", "there was no attack", "denied carrying out");
- non-event context: commemorations, trials and sentences about a past attack, sentences about a
  report itself.
"""

from __future__ import annotations

from .classifier import Lexicon, blank, normalise


def is_period_statistic(sentence: str, language: str, lexicon: Lexicon) -> bool:
    """Whether the sentence summarises many events over a period instead of telling one.

    A ``strong`` cue ("so far this year", "deadliest year", "recorded 300 attacks") is enough.
    Otherwise it takes a ``period`` ("in 2023", "last year", "since 2012") together with an
    ``aggregate`` ("more than 6,000", "thousands", "in total", "rose"), and no ``single_event``
    cue that ties the sentence to one day ("On 12 March", "on Monday", "overnight").
    """
    cues = lexicon.for_language(language).filters
    text = blank(normalise(sentence), cues.statistic_except)
    if cues.strong is not None and cues.strong.search(text):
        return True
    if cues.period is None or cues.aggregate is None:
        return False
    if not (cues.period.search(text) and cues.aggregate.search(text)):
        return False
    return not (cues.single_event is not None and cues.single_event.search(text))


def is_hypothetical(sentence: str, language: str, lexicon: Lexicon) -> bool:
    """Whether the event the sentence names is threatened, feared, planned, conditional or denied.

    "No casualties were reported" is still an event; "there was no attack" is not.
    """
    cues = lexicon.for_language(language).filters
    if cues.hypothetical is None:
        return False
    text = blank(normalise(sentence), cues.hypothetical_except)
    return cues.hypothetical.search(text) is not None


def is_non_event_context(sentence: str, language: str, lexicon: Lexicon) -> bool:
    """Whether the sentence is a commemoration, a trial or verdict, or about a report itself."""
    cues = lexicon.for_language(language).filters
    if cues.non_event_context is None:
        return False
    return cues.non_event_context.search(normalise(sentence)) is not None


def is_background(sentence: str, language: str, lexicon: Lexicon) -> bool:
    """Whether the sentence describes a lasting state or a habit, not one event.

    "Djibo has been under blockade for two years", "the group has repeatedly attacked...",
    "the junta, which seized power in 2022": context that news repeats in every story.
    """
    cues = lexicon.for_language(language).filters
    text = normalise(sentence)
    if cues.background is None or cues.background.search(text) is None:
        return False
    # "Thousands marched on Friday, in the largest rally since the military took power last
    # year": a day tells the event; the context is a clause of it.
    return cues.single_event is None or cues.single_event.search(text) is None


def is_generic(sentence: str, language: str, lexicon: Lexicon) -> bool:
    """Whether the sentence tells a run of events or an ongoing state ("attacks have continued in
    the region") rather than one definite event; decides only for sentences without town or day."""
    cues = lexicon.for_language(language).filters
    return cues.generic is not None and cues.generic.search(normalise(sentence)) is not None


def is_aftermath(sentence: str, language: str, lexicon: Lexicon) -> bool:
    """Whether the sentence tells what an event left behind (bodies found, burials, people who
    fled) rather than an act of its own."""
    cues = lexicon.for_language(language).filters
    return cues.aftermath is not None and cues.aftermath.search(normalise(sentence)) is not None


def off_topic_cues(text: str, language: str, lexicon: Lexicon) -> int:
    """How many off-topic cues (sport, markets...) a whole story has: violent metaphors in a
    match report ("a deadly counter-attack") are not events."""
    cues = lexicon.for_language(language).filters
    return 0 if cues.off_topic is None else len(cues.off_topic.findall(text))


def is_not_event(sentence: str, language: str, lexicon: Lexicon) -> str | None:
    """The first filter that rejects the sentence (``period_statistic``, ``hypothetical``,
    ``non_event_context``, ``background``), or None when it may report an event."""
    if is_period_statistic(sentence, language, lexicon):
        return "period_statistic"
    if is_hypothetical(sentence, language, lexicon):
        return "hypothetical"
    if is_non_event_context(sentence, language, lexicon):
        return "non_event_context"
    if is_background(sentence, language, lexicon):
        return "background"
    return None
