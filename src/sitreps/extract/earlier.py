"""Two events in one sentence: "the army retook Léré a week after JNIM seized it".

The clause after a stated gap of days or weeks is an earlier (or later) event of its own, by the
contract's event unit; its date, place and opponent come from the main event of the sentence.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import timedelta

from .classifier import classify
from .numbers import digits_value, is_digits
from .sentences import Sentence


# "... retook Léré a week after JNIM seized it": an earlier event told inside the sentence.
_EARLIER = {
    "en": re.compile(
        r",?\s+(?P<gap>(?P<n>[^\W\d_]+|\d{1,2})\s+(?P<unit>days?|weeks?)\s+(?P<dir>after|before))\s+(?=\S)",
        re.I,
    ),
    "fr": re.compile(
        r",?\s+(?P<gap>(?P<n>[^\W\d_]+|\d{1,2})\s+(?P<unit>jours?|semaines?)\s+(?P<dir>après|avant))(?:\s+que|\s+qu['’])?\s*(?=\S)",
        re.I,
    ),
}


def split_earlier_event(sentence: Sentence, language: str, lexicon, numbers):
    """Split "X retook the town a week after Y seized it" into the main event and the earlier one.

    Only a stated gap of days or weeks splits: "retook the town after clashes" is one event (the
    clashes are part of the retaking), while "a week after" puts the second act on another day,
    which by the contract's event unit is another event. Returns ((main, triggers), (clause,
    triggers), days the clause's event lies before the main one, the gap as written), or None.
    """
    pattern = _EARLIER.get(language)
    match = pattern.search(sentence.text) if pattern else None
    if match is None:
        return None
    cut, clause_start = match.start(), match.end()
    main = Sentence(sentence.start, sentence.start + cut, sentence.text[:cut], sentence.paragraph)
    clause = Sentence(sentence.start + clause_start, sentence.end, sentence.text[clause_start:], sentence.paragraph)
    main_triggers, clause_triggers = classify(main.text, language, lexicon), classify(clause.text, language, lexicon)
    if not main_triggers or not clause_triggers:
        return None
    words, n = numbers.for_language(language), match.group("n").lower()
    count = digits_value(n, 2) if is_digits(n) else words.units.get(n) or (1 if n in words.articles else None)
    if not count:
        return None
    days = count * (7 if match.group("unit").lower().startswith(("week", "semaine")) else 1)
    if match.group("dir").lower() in ("before", "avant"):
        days = -days
    return (main, main_triggers), (clause, clause_triggers), days, match.group("gap")


def link_earlier(clause, main, days_before: int, gap: str) -> None:
    """The earlier event's date, place and opponent come from the main event's sentence."""
    if main.event_date is not None:
        clause.event_date = main.event_date - timedelta(days=days_before)
        clause.time_precision, clause.explicit_date = main.time_precision, main.explicit_date
        clause.date_text = f"{gap} {main.date_text}".strip() if main.date_text else gap
    if not clause.place_text:
        clause.place_text, clause.place_qualifier = main.place_text, main.place_qualifier
    roles, other = clause.roles, main.roles
    if roles.actor1 and other.actor1 and other.actor1 != roles.actor1:
        # "Troops retook the town a week after JNIM seized it": the troops lost it to JNIM, and
        # took it back from JNIM.
        if not roles.actor2 or roles.actor2 == other.actor2:
            clause.roles = dataclasses.replace(roles, actor2=other.actor1, actor2_type=other.actor1_type)
        if not other.actor2 or other.actor2 == roles.actor1:
            main.roles = dataclasses.replace(other, actor2=roles.actor1, actor2_type=roles.actor1_type)
