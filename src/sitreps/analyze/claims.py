"""Text and JSON forms of claims (period statistics) and of a claim checked against the events."""

from __future__ import annotations

from ..model import Claim


def _period(claim: Claim) -> str:
    if claim.period_start and claim.period_end:
        return f"{claim.period_start.isoformat()}..{claim.period_end.isoformat()}"
    return claim.period_text or "?"


def format_claims(claims: list[Claim]) -> str:
    if not claims:
        return "No claims."
    lines = [f"{'claim':<34}  {'measure':<10}  {'value':>9}  {'period':<22}  {'area':<18}  {'about':<28}  claimant"]
    for c in claims:
        value = f"{c.qualifier + ' ' if c.qualifier else ''}{c.value}"
        lines.append(
            f"{c.claim_id[-34:]:<34}  {c.measure:<10}  {value:>9}  {_period(c):<22}  {(c.area or '?')[:18]:<18}  "
            f"{(c.subject_actor or c.subject_text or '-')[:28]:<28}  {c.claimant or '-'}"
        )
    lines.append(f"{len(claims)} claims")
    return "\n".join(lines)


def format_check(found: dict) -> str:
    claim, measured, ratio = found["claim"], found["measured"], found["ratio"]
    about = claim.subject_actor or claim.subject_text or "any actor"
    lines = [
        f"claim {claim.claim_id}: {claim.qualifier + ' ' if claim.qualifier else ''}{claim.value} {claim.measure}, "
        f"{_period(claim)}, {claim.area or 'area not stated'}, by {about}; according to {claim.claimant or 'the text'}",
        f"  \"{claim.evidence}\"",
    ]
    if measured is None:
        lines.append(f"stored events: {len(found['events'])} in the same period and area; they do not measure {claim.measure}")
    else:
        unit = "fatalities" if claim.measure == "deaths" else claim.measure
        lines.append(f"stored events: {len(found['events'])} in the same period, area and actors, {measured} {unit}")
        lines.append(f"claimed / stored: {ratio if ratio is not None else 'n/a (stored figure is 0)'}")
    return "\n".join(lines)
