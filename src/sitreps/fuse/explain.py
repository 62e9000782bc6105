"""Why two reports are one event: the signals ``same_event`` weighs, with their values.

``sitreps events --explain ID`` prints these for each source of an event against its first
source, so an analyst can see why reports were merged and decide whether to split them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..config import Settings
from ..model import Mention
from . import _compatible_actors, _day_slip, _distance_km, _family, _same_place, days_allowed, days_apart, same_event


@dataclass(frozen=True)
class Signals:
    same_kind: bool  # both in one family of event types (violence, protests, riots, one development)
    days_apart: int | None  # between the dates, each widened by its night / early-morning spill
    days_allowed: int | None  # the window both dates' precisions allow
    km_apart: float | None
    same_place: bool  # by the precision-aware place test
    actors_agree: bool  # no two different named perpetrators
    copy: bool  # one report copies the other
    fits: bool  # what fusion decides from all of the above
    # Dates a day beyond the window, forgiven for one spot and a large toll both give (fuse._day_slip)
    day_slip: bool = False

    def score(self) -> float:
        """One number for the strength of the match, 0..1: 1 is the same day and place with
        agreeing actors; each day or 10 km of distance within the window costs a little."""
        if not self.fits:
            return 0.0
        if self.copy:
            return 1.0
        score = 1.0
        if self.days_apart and self.days_allowed:
            score -= 0.3 * self.days_apart / max(self.days_allowed, 1)
        if self.km_apart:
            score -= min(0.3, self.km_apart / 100.0)
        return round(max(score, 0.1), 2)


def signals(a: Mention, b: Mention, settings: Settings, copies: dict[str, str] | None = None) -> Signals:
    copies = copies or {}
    days = days_apart(a, b) if a.event_date and b.event_date else None
    allowed = days_allowed(a, b, settings) if a.event_date and b.event_date else None
    km = _distance_km(a.place, b.place) if a.place and b.place else None
    copy = copies.get(a.article_id) == b.document_id or copies.get(b.article_id) == a.document_id
    return Signals(
        same_kind=_family(a.sub_event_type) == _family(b.sub_event_type),
        days_apart=days,
        days_allowed=allowed,
        km_apart=round(km, 1) if km is not None and km != float("inf") else None,
        same_place=_same_place(a, b, settings),
        actors_agree=_compatible_actors(a, b),
        copy=copy,
        fits=same_event(a, b, settings),
        day_slip=days is not None and allowed is not None and days > allowed and _day_slip(a, b, settings),
    )
