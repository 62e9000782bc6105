"""Event frames: every sentence an article spends on one incident, gathered into one draft.

A news story tells an incident many times: the lede, the details, a quote, a reaction, a revised
toll, a claim of responsibility. By the contract's event unit (one day, one place, one actor
pair) these are one event. A sentence joins the frame of the incident it is compatible with -
the same or an unstated day, the same or a containing place, the same or an unstated actor pair,
a kind of event that can be the same - and starts a frame of its own only when it tells a
different day, place or actor pair as such.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Callable

from ..model import EVENT_TYPE_OF, EVENT_TYPES, NON_STATE_ARMED_TYPES
from .sentences import Sentence

# A claim of responsibility, or an official putting the blame on a group: the sentence names the
# perpetrator of the event told before it.
CLAIM = re.compile(
    r"claimed (?:responsibility|the (?:attack|assault|ambush|killing|bombing|blast|abduction|kidnapping))|"
    r"\bblam(?:ed|es|ing)\b|attributed (?:the \w+ )?to|(?:a|ont) revendiqué|revendication|"
    r"(?:a|ont) (?:imputé|attribué) (?:l'\w+ |cette \w+ )?(?:à|aux)",
    re.I,
)
_GENERIC_ARMED = re.compile(
    r"\b(?:gunmen|assailants|attackers|jihadists|militants|fighters|terrorists|armed men|hommes armés|individus armés|"
    r"assaillants|djihadistes|jihadistes|terroristes)\b",
    re.I,
)
# "JNIM claimed it had killed dozens": a party's own toll never raises one reported by others.
_CLAIMED_TOLL = re.compile(r"\bclaim(?:ed|s|ing)\b|\bboast\w*|revendiqu\w*|affirm\w* avoir", re.I)

# A battle cue this sure ("clashed", "exchange of fire") makes a remote attack a battle; a mere
# "attack" does not.
_SURE_BATTLE = 0.8

PROTEST_SEVERITY = {"Peaceful protest": 0, "Protest with intervention": 1, "Excessive force against protesters": 2, "Violent demonstration": 3}

# Days either side of a date of each precision within which another date of the frame may fall.
_SLACK_DAYS = {1: 0, 2: 3, 3: 15}

# Sub-event types that are events of their own whatever else the story tells on that day: an
# arrest after an attack, an agreement, a new base are other events with other actors.
_STANDALONE = frozenset({"Agreement", "Arrests", "Headquarters or base established", "Other", "Non-violent transfer of territory"})
# A town taken and a town retaken are two events with the same two sides.
_TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})


@dataclass
class Draft:
    """An event being assembled from one sentence and the sentences that continue it."""

    sub_event_type: str
    sentences: list[Sentence]
    trigger_start: int  # offset in the first sentence
    trigger_score: float
    event_date: date | None = None
    time_precision: int | None = None
    date_text: str = ""
    date_spill: tuple[int, int] = (0, 0)
    explicit_date: bool = False
    reported_date: bool = False  # dated by the day it was told ("the group reported Friday")
    fatalities: int = 0
    fatalities_text: str = ""
    claimant: str | None = None
    place_text: str = ""
    place_qualifier: str = ""
    place_level: str = ""
    place_context: list[str] = field(default_factory=list)  # other places named with the event
    place_within: list[str] = field(default_factory=list)  # places the text puts the event's place in
    country_hint: str = ""
    roles: object = None
    indexes: list[int] = field(default_factory=list)  # sentence indexes read
    generic: bool = False  # opened by a sentence that tells a run of events ("attacks continued")
    aftermath: bool = False  # an Other told as what an event left behind ("50 bodies were found")
    summary: bool = False  # "The attacks, in A and B, killed 64": events told before, summed up
    elsewhere: bool = False  # "Meanwhile, ...", "Par ailleurs, ...": the story turns to another event
    # Towns the sentence lists as places of one event each: (text, qualifier, level, own toll).
    several: list[tuple[str, str, str, int | None]] = field(default_factory=list)


@dataclass(frozen=True)
class FrameContext:
    """What compatibility needs from outside the text: the story's country, where a place lies
    (admin1 and admin2 of a town name, by the gazetteer) and the registry name of an actor."""

    country: str | None
    areas_of: Callable[[str, str | None], tuple[str, ...]]
    country_of: Callable[[str, str | None], str | None]
    actor_names: Callable[[str, str | None], frozenset[str]]  # every actor a group's name may mean


def unidentified(actor_text: str) -> bool:
    return bool(_GENERIC_ARMED.search(actor_text)) or actor_text in ("unidentified gunmen", "hommes armés non identifiés")


def find_frame(frames: list[Draft], draft: Draft, context: FrameContext) -> Draft | None:
    """The frame ``draft`` tells more of: among the compatible ones, the one it is linked to
    (same place, same day, right after it), else the latest; None when it tells a different
    incident."""
    fitting = [frame for frame in frames if compatible(frame, draft, context)]
    if not fitting:
        return None
    linked = [f for f in fitting if linked_to(f, draft)]
    same_kind = [f for f in linked if f.sub_event_type == draft.sub_event_type]
    return (same_kind or linked or fitting)[-1]


# "The attacks, which occurred in A and B, ...", "Ces attaques ...": several events told before,
# summed up in one sentence.
SUMMARY_OPENING = re.compile(
    r"^\W*(?:the|these|those|both|the (?:two|three|four|twin)|all (?:the|these)|les|ces|les (?:deux|trois|quatre))\s+(?:\w+\s+)?"
    r"(?:attacks|assaults|raids|strikes|air ?strikes|ambushes|killings|bombings|blasts|explosions|clashes|massacres|"
    r"attaques|assauts|raids|frappes|embuscades|explosions|tueries|affrontements|attentats|massacres)\b",
    re.I,
)

# "Meanwhile, ...", "In a separate incident, ...": the story turns to another event.
ELSEWHERE_OPENING = re.compile(
    r"^\W*(?:meanwhile|elsewhere|separately|in (?:a |another )?separate (?:incident|attack|development)|in another (?:incident|attack|development)|"
    r"in other (?:news|developments)|par ailleurs|ailleurs|dans un autre (?:incident|registre))\b",
    re.I,
)

# "The attack", "l'embuscade": a definite reference to an event already told.
_ANAPHORA = re.compile(
    r"(?<![\w-])(?:the|this|that|l'|l’|la|le|cette|cet|ce) ?(?:attack|assault|raid|ambush|strike|air ?strike|explosion|blast|"
    r"clash(?:es)?|fighting|incident|killings?|massacre|abduction|kidnapping|protest|bombing|violence|offensive|operation|"
    r"attaque|assaut|embuscade|frappe|explosion|affrontements?|combats|incident|tuerie|massacre|enlèvement|manifestation|"
    r"attentat|opération|offensive|violences)(?![\w-])",
    re.I,
)


def linked_to(frame: Draft, draft: Draft) -> bool:
    """Whether a sentence tells more of a frame positively, not just without contradicting it:
    the same place, the same stated day, a definite "the attack", a claim, or the very next
    sentence. Only a linked sentence may change the frame's type and sides."""
    if draft.place_text and frame.place_text and _key(draft.place_text) == _key(frame.place_text):
        return True
    if draft.explicit_date and frame.explicit_date and draft.event_date == frame.event_date:
        return True
    text = " ".join(s.text for s in draft.sentences)
    if _ANAPHORA.search(text) or CLAIM.search(text):
        return True
    return bool(draft.indexes and frame.indexes) and draft.indexes[0] - max(frame.indexes) <= 1


def compatible(frame: Draft, draft: Draft, context: FrameContext) -> bool:
    if draft.elsewhere and not (draft.place_text and frame.place_text and _key(draft.place_text) == _key(frame.place_text)):
        return False  # "Meanwhile, the army says it killed 20 militants": another event
    if frame.generic and placed(draft) and not placed(frame):
        # A lede that sums up several events ("residents describe attacks, a burned market and a
        # drone strike") is no frame for the one the story then tells at its place.
        return False
    return (
        (_kinds_agree(frame.sub_event_type, draft.sub_event_type) or _aftermath_of(frame, draft))
        and (_dates_agree(frame, draft) or _found_after(frame, draft) or _same_toll_same_place(frame, draft))
        and _places_agree(frame, draft, context)
        and (draft.summary or _sides_agree(frame, draft, context))
    )


def _kinds_agree(a: str, b: str) -> bool:
    if a in _STANDALONE or b in _STANDALONE:
        return a == b
    if {a, b} == _TERRITORY:
        return False
    family = {"Battles": "violence", "Violence against civilians": "violence", "Explosions/Remote violence": "violence",
              "Protests": "crowd", "Riots": "crowd", "Strategic developments": "damage"}
    kinds = {family[EVENT_TYPE_OF[a]], family[EVENT_TYPE_OF[b]]}
    if len(kinds) == 1 or "damage" in kinds:
        return True  # looting and burning are what an attack or a riot did
    # A lynching told as a killing is the crowd's violence.
    return "Mob violence" in (a, b)


def _aftermath_and_act(frame: Draft, draft: Draft) -> tuple[Draft, Draft] | None:
    """Bodies found, the dead buried, villagers who fled: what an act of violence left behind
    is that event, told again, at its place and day. (What was left behind, the act) when one of
    the two tells the aftermath of the other."""
    left, act = (draft, frame) if draft.aftermath else (frame, draft)
    if not left.aftermath or act.aftermath:
        return None
    violent = EVENT_TYPE_OF[act.sub_event_type] in ("Battles", "Violence against civilians", "Explosions/Remote violence")
    return (left, act) if violent else None


def _aftermath_of(frame: Draft, draft: Draft) -> bool:
    return _aftermath_and_act(frame, draft) is not None


# Bodies are found, and the dead buried, in the days after the attack.
_AFTERMATH_DAYS = 3


def _found_after(frame: Draft, draft: Draft) -> bool:
    pair = _aftermath_and_act(frame, draft)
    if pair is None or not (pair[0].event_date and pair[1].event_date):
        return False
    left, act = pair
    return 0 <= (left.event_date - act.event_date).days <= _AFTERMATH_DAYS


# How long after an event a report of its toll ("an aid group reported Friday") may come.
_REPORTED_WINDOW_DAYS = 31

# Days apart that two tellings of one toll at one place may date it ("last week", "on 27 March").
_SAME_TOLL_DAYS = 7


def _same_toll_same_place(frame: Draft, draft: Draft) -> bool:
    """"80 herders were shot dead last week in Dalabé" and "80 civilians were killed in Dalabé
    between 27 March and 1 April": one toll at one village is one massacre, whatever day each
    sentence counts from."""
    if not (frame.fatalities and frame.fatalities == draft.fatalities and frame.event_date and draft.event_date):
        return False
    if not (placed(frame) and placed(draft) and _key(frame.place_text) == _key(draft.place_text)):
        return False
    return abs((frame.event_date - draft.event_date).days) <= _SAME_TOLL_DAYS


# How far a stated day may lie from a frame dated only by default (the week before publication)
# and still be that frame's day: farther, it is an earlier event ("In January, a woman was
# abducted" in a story of last Sunday's kidnapping).
_DEFAULT_WINDOW_DAYS = 7


def _dates_agree(frame: Draft, draft: Draft) -> bool:
    if not (frame.event_date and draft.event_date):
        return True
    if frame.explicit_date != draft.explicit_date:
        stated, default = (frame, draft) if frame.explicit_date else (draft, frame)
        if default.reported_date:
            # "An aid group reported Friday that the toll of the killings ...": told that day, of any
            # event in the month before it.
            return 0 <= (default.event_date - stated.event_date).days <= _REPORTED_WINDOW_DAYS
        window = _DEFAULT_WINDOW_DAYS if (default.time_precision or 3) < 3 else 31
        return abs((stated.event_date - default.event_date).days) <= window
    if not frame.explicit_date:
        return True
    if {frame.time_precision, draft.time_precision} == {1, 3}:
        # "On 14 April" and "last month" in one story are two events, not one told twice.
        return False
    first_a, last_a = _span(frame)
    first_b, last_b = _span(draft)
    return first_a <= last_b and first_b <= last_a


def _span(draft: Draft) -> tuple[date, date]:
    slack = _SLACK_DAYS.get(draft.time_precision or 3, 15)
    before, after = draft.date_spill
    return draft.event_date - timedelta(days=before + slack), draft.event_date + timedelta(days=after + slack)


def _places_agree(frame: Draft, draft: Draft, context: FrameContext) -> bool:
    a, b = frame.place_text, draft.place_text
    if not a or not b:
        return True
    key_a, key_b = _key(a), _key(b)
    if key_a == key_b or key_a in key_b or key_b in key_a:
        return True
    if key_a in {_key(p) for p in draft.place_within} or key_b in {_key(p) for p in frame.place_within}:
        return True  # "an attack on a village in the X area" after "an attack in the X area"
    country_a, country_b = context.country_of(a, context.country), context.country_of(b, context.country)
    if country_a and country_b and country_a != country_b:
        return False
    if "country" in (frame.place_level, draft.place_level):
        return True  # "in Mali" and "in Djibo" can be one place
    # One place inside the other: a town in the region named ("Djibo" and "the Soum province"),
    # a department in its region.
    areas_a = {_key(x) for x in context.areas_of(a, context.country)}
    areas_b = {_key(x) for x in context.areas_of(b, context.country)}
    regional_a, regional_b = _regional(frame), _regional(draft)
    # "Near Ténenkou" is the town, not the cercle Diafarabé lies in.
    if (regional_a and key_a in areas_b) or (regional_b and key_b in areas_a):
        return True
    if regional_a != regional_b:
        # A town the gazetteer does not place may lie in the region the story names.
        return not (areas_b if regional_a else areas_a)
    return False


def placed(draft: Draft) -> bool:
    """Whether the draft has a place below its country."""
    return bool(draft.place_text) and draft.place_level not in ("country", "country-named", "country-people")


def _regional(draft: Draft) -> bool:
    return draft.place_qualifier in ("region", "unlisted-region") or draft.place_level in ("admin1", "admin2")


def _sides_agree(frame: Draft, draft: Draft, context: FrameContext) -> bool:
    """Named armed groups must agree; two complete actor pairs must be the same pair (either
    order): "gunmen killed two villagers" and "soldiers killed the gunmen" are two events."""
    named_a, named_b = _named_groups(frame, context), _named_groups(draft, context)
    if named_a and named_b and not named_a & named_b:
        return False
    pair_a, pair_b = _pair(frame.roles, frame.sub_event_type), _pair(draft.roles, draft.sub_event_type)
    if len(pair_a) == 2 and len(pair_b) == 2 and pair_a != pair_b:
        return False
    # A side that the other's complete pair lacks ("an army patrol hit a landmine" after "gunmen
    # killed villagers") is another actor pair; civilians caught in a fight are that fight's.
    if len(pair_a) == 2 and pair_b - pair_a - {"civilians"}:
        return False
    if len(pair_b) == 2 and pair_a - pair_b - {"civilians"}:
        return False
    return True


def _side(actor_type: str) -> str:
    if actor_type in ("State forces", "External/Other forces"):
        return "forces"
    if actor_type in NON_STATE_ARMED_TYPES:
        return "armed"
    return actor_type.lower()


# The side a kind of event implies when the sentence does not name it: violence against
# civilians strikes civilians, a protest is protesters', a riot rioters'.
_IMPLIED_SIDE = {"Violence against civilians": "civilians", "Protests": "protesters", "Riots": "rioters"}


def _pair(roles, sub_event_type: str | None = None) -> frozenset[str]:
    if roles is None:
        return frozenset()
    sides = {_side(kind) for text, kind in ((roles.actor1, roles.actor1_type), (roles.actor2, roles.actor2_type)) if text and kind}
    implied = _IMPLIED_SIDE.get(EVENT_TYPE_OF[sub_event_type]) if sub_event_type else None
    if implied in ("protesters", "rioters") and "civilians" in sides:
        sides = (sides - {"civilians"}) | {implied}  # the students who march are the protesters
    if implied and len(sides) < 2:
        sides.add(implied)
    return frozenset(sides)


def _named_groups(draft: Draft, context: FrameContext) -> set[str]:
    roles = draft.roles
    if roles is None:
        return set()
    return {
        name
        for text, kind in ((roles.actor1, roles.actor1_type), (roles.actor2, roles.actor2_type))
        if text and kind in NON_STATE_ARMED_TYPES and not unidentified(text)
        for name in context.actor_names(text, context.country)
    }


def _key(text: str) -> str:
    """A place name folded for comparison: no accents, case, "the" or punctuation."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()
    words = re.findall(r"\w+", folded)
    return " ".join(w for w in words if w not in ("the", "la", "le", "les", "l", "region", "province", "state", "région"))


def absorb(target: Draft, extra: Draft) -> None:
    """Add a sentence's reading to the frame it continues. A sentence that only does not
    contradict the frame ("Niger has long faced attacks by jihadists") adds its words, not its
    type, sides, place or toll."""
    # A summary of several events ("the attacks killed 64 in all") adds its words and places,
    # never its combined toll, type or sides, to one of them.
    linked = linked_to(target, extra) and not extra.summary
    target.sentences.extend(s for s in extra.sentences if s not in target.sentences)
    target.indexes.extend(extra.indexes)
    target.place_context.extend(p for p in extra.place_context + ([extra.place_text] if extra.place_text else []) if p not in target.place_context)
    target.place_within.extend(p for p in extra.place_within if p not in target.place_within)
    if extra.place_text and not placed(target) and placed(extra):
        # The town a later sentence names places a frame told without one.
        target.place_text, target.place_qualifier, target.place_level = extra.place_text, extra.place_qualifier, extra.place_level
    if extra.explicit_date and (not target.explicit_date or (extra.time_precision or 9) < (target.time_precision or 9)):
        # The day a later sentence gives ("The ambush happened on Monday") dates a frame told
        # without one.
        target.event_date, target.time_precision, target.date_text = extra.event_date, extra.time_precision, extra.date_text
        target.date_spill, target.explicit_date = extra.date_spill, True
    if not linked:
        return
    joined = " ".join(x.text for x in extra.sentences)
    if _revises_toll(target, extra, joined):
        target.fatalities, target.fatalities_text = extra.fatalities, extra.fatalities_text
    target.claimant = target.claimant or extra.claimant
    if extra.place_text and (not target.place_text or _more_specific(extra, target)):
        target.place_text, target.place_qualifier, target.place_level = extra.place_text, extra.place_qualifier, extra.place_level
    claim = CLAIM.search(joined)
    # "JNIM claimed the attack" refers to the event told; its word "attack" does not retype it.
    if not claim and _raises_type(target, extra):
        target.sub_event_type = extra.sub_event_type
    if not (claim and credit_claim(target, extra)) and extra.roles.actor1 and not target.roles.actor1:
        target.roles = dataclasses.replace(target.roles, actor1=extra.roles.actor1, actor1_type=extra.roles.actor1_type)
    if extra.roles.actor2 and not target.roles.actor2 and extra.roles.actor2 != target.roles.actor1:
        target.roles = dataclasses.replace(target.roles, actor2=extra.roles.actor2, actor2_type=extra.roles.actor2_type)


# "The death toll rose to 30", "le bilan s'est alourdi à 12": a later figure replaces the first,
# and the day it gives is when the toll was told, not another event.
REVISED_TOLL = re.compile(
    r"\b(?:toll|bilan|number of (?:dead|deaths|people killed|victims))\b[^.;]{0,40}?\b(?:rose|risen|climbed|increased|jumped|grew|"
    r"reached|stands?|stood|now|revised|passé|passe|grimpé|s'élève|s’élève|alourdi|atteint|monté|porté|revu)\b|\brevis(?:ed|ing) (?:the )?(?:death )?toll",
    re.IGNORECASE,
)
_VAGUE_TOLL = re.compile(r"\b(?:several|many|numerous|dozens|scores|hundreds|some|plusieurs|nombreux|nombreuses|dizaines|centaines|quelques)\b", re.I)


def _revises_toll(target: Draft, extra: Draft, joined: str) -> bool:
    """Whether a later sentence's toll replaces the frame's. The first figure a story gives
    stands; a revised toll ("rose to 30"), or a figure where the first was vague ("several")
    or missing, replaces it. A party's own claim ("JNIM claimed it had killed dozens") never does."""
    if not extra.fatalities or extra.fatalities == target.fatalities:
        return False
    if target.fatalities and _CLAIMED_TOLL.search(joined):
        return False
    if not target.fatalities:
        return True
    if REVISED_TOLL.search(joined):
        return extra.fatalities > target.fatalities
    return bool(_VAGUE_TOLL.search(target.fatalities_text)) and not _VAGUE_TOLL.search(extra.fatalities_text)


def _raises_type(target: Draft, extra: Draft) -> bool:
    """One actor pair, one day, one place, several tactics: the event takes the highest type. A
    battle needs two armed sides: an abduction does not become one because another sentence says
    "armed groups attacked" without saying whom."""
    if extra.sub_event_type in PROTEST_SEVERITY and target.sub_event_type in PROTEST_SEVERITY:
        # "Hundreds marched ... Police fired tear gas": the protest is what it became; a later
        # "young people held protests" does not calm a march where stones were thrown.
        return PROTEST_SEVERITY[extra.sub_event_type] > PROTEST_SEVERITY[target.sub_event_type]
    if EVENT_TYPES.index(EVENT_TYPE_OF[extra.sub_event_type]) >= EVENT_TYPES.index(EVENT_TYPE_OF[target.sub_event_type]):
        return False
    if EVENT_TYPE_OF[extra.sub_event_type] == "Battles":
        if EVENT_TYPE_OF[target.sub_event_type] == "Explosions/Remote violence" and extra.trigger_score < _SURE_BATTLE:
            return False  # "the attack" on a convoy that struck a mine is that explosion, not a battle
        sides = _pair(extra.roles) | _pair(target.roles)
        return "civilians" not in sides and bool(extra.roles.actor2 or extra.roles.actor1 and target.roles.actor2)
    return True


def _more_specific(extra: Draft, target: Draft) -> bool:
    """A town named after the region ("in the Tillabéri region ... in the village of X")."""
    rank = {"country": 0, "admin1": 1, "admin2": 2}
    return rank.get(extra.place_level, 3) > rank.get(target.place_level, 3) or (_regional(target) and not _regional(extra))


def credit_claim(target: Draft, claim: Draft) -> bool:
    """"JNIM claimed the attack", "Police blamed Boko Haram": the named group is the perpetrator
    the first report left unidentified. Whether the claim named one."""
    roles = claim.roles
    named = next(
        ((text, kind) for text, kind in ((roles.actor1, roles.actor1_type), (roles.actor2, roles.actor2_type))
         if text and kind in NON_STATE_ARMED_TYPES and not unidentified(text)),
        None,
    )
    if named and (not target.roles.actor1 or unidentified(target.roles.actor1)):
        target.roles = dataclasses.replace(target.roles, actor1=named[0], actor1_type=named[1])
    return named is not None
