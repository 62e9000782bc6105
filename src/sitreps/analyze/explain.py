"""Text form of ``sitreps.api.explain``: an event's sources side by side, and why they merged."""

from __future__ import annotations

_FIELDS = (
    ("document", lambda s, r: s.document),
    ("publisher", lambda s, r: s.publisher or ""),
    ("published", lambda s, r: s.published.isoformat() if s.published else ""),
    ("arrived", lambda s, r: r["arrived"].isoformat(sep=" ", timespec="seconds") if r["arrived"] else ""),
    ("copy of", lambda s, r: s.copy_of),
    ("date", lambda s, r: s.event_date.isoformat() if s.event_date else ""),
    ("place", lambda s, r: s.location),
    ("fatalities", lambda s, r: str(s.fatalities)),
    ("actor1", lambda s, r: s.actor1),
    ("actor2", lambda s, r: s.actor2),
    ("claimant", lambda s, r: s.claimant or ""),
)
_WIDTH = 34


def format_explanation(found: dict) -> str:
    event = found["event"]
    lines = [
        f"{event.event_id}: {event.sub_event_type}, {event.event_date}, {event.location or event.country}",
        f"  {event.actor1 or '?'} vs {event.actor2 or '-'}; fatalities {event.fatalities} "
        f"(low {event.fatalities_low}, best {event.fatalities_best}, high {event.fatalities_high}); confidence {event.confidence}",
        "",
    ]
    rows = found["sources"]
    header = ["", *[f"source {n + 1}" for n in range(len(rows))]]
    table = [header]
    for name, get in _FIELDS:
        table.append([name, *[_cut(get(r["source"], r)) for r in rows]])
    table.append(["why merged", "first source", *[_why(r["signals"]) for r in rows[1:]]])
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    lines += ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in table]
    lines.append("")
    for n, row in enumerate(rows, 1):
        lines.append(f"source {n} evidence: {row['source'].evidence}")
    for kind, ids, moved in found["overrides"]:
        what = f"merged {', '.join(ids[1:])} into {ids[0]}" if kind == "merge" else f"split {', '.join(moved)} from {ids[0]} into {ids[1]}"
        lines.append(f"analyst override: {what}")
    return "\n".join(lines)


def _why(signals) -> str:
    if signals is None:
        return "(no stored report)"
    if signals.copy:
        return "copy of the same article"
    parts = []
    if signals.days_apart is not None:
        parts.append(f"{signals.days_apart}d of {signals.days_allowed}d")
        if signals.day_slip:
            parts.append("a day's slip, same spot and toll")
    if signals.km_apart is not None:
        parts.append(f"{signals.km_apart:g} km")
    parts.append("actors agree" if signals.actors_agree else "actors differ")
    if not signals.fits:
        parts.append("merged by analyst")
    return f"score {signals.score():.2f}: " + ", ".join(parts)


def _cut(text: str) -> str:
    return text if len(text) <= _WIDTH else text[: _WIDTH - 1] + "…"
