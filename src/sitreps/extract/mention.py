"""An event frame as a ``Mention``: the contract's default sides filled in, evidence, confidence."""

from __future__ import annotations

import re

from ..config import Settings
from ..model import EVENT_TYPE_OF, Article, Mention
from .frames import Draft
from .roles import DEFAULT_TEXTS


_CIVILIAN_HARM = re.compile(
    r"\b(?:people|persons|civilians|shoppers|worshipp?ers|passengers|mourners|market|mosque|church|school|wedding|funeral|"
    r"personnes|civils|fidèles|passagers|marché|mosquée|église|école|mariage|funérailles)\b",
    re.I,
)


def to_mention(article: Article, number: int, draft: Draft, settings: Settings) -> Mention:
    mention_id = f"{article.article_id}#m{number}"
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
        place_context=tuple(p for p in draft.place_context if p != draft.place_text),
        country_hint=draft.country_hint,
        fatalities=draft.fatalities,
        fatalities_text=draft.fatalities_text,
        civilian_targeting=civilian_targeting,
        claimant=draft.claimant,
        confidence=confidence,
    )


def _confidence(draft: Draft) -> float:
    score = 0.5 * draft.trigger_score
    score += 0.15 if draft.place_text else 0.0
    score += 0.15 if draft.roles.actor1 else 0.0
    score += 0.1 if draft.explicit_date else 0.0
    score += 0.1 if (draft.fatalities or draft.claimant) else 0.0
    return round(min(score, 0.99), 3)
