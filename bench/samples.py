"""Score the pipeline against the hand-coded gold of the shipped sample pages.

The gold is src/sitreps/samples/MANIFEST.toml (written with the pages, for this project). Each
page is run alone and its mentions fused per story, then matched to the gold events of that
story. Reported: events found (recall), events that match no gold event (precision, and events
from the no-event pages), and, over matched pairs, how often type, actors, place, date and
fatalities are right.

    python bench/samples.py            # table
    python bench/samples.py --verbose  # every miss and false event
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from docblock import replace_block

from sitreps import api, fuse
from sitreps.config import load_settings
from sitreps.resources import Resources

SAMPLES = Path(api.__file__).parent / "samples"


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    no_event_file_events: int = 0
    fields: dict = field(default_factory=lambda: {k: [0, 0] for k in ("sub_event_type", "event_type", "actor1", "actor2", "location", "event_date", "fatalities")})
    misses: list = field(default_factory=list)
    false: list = field(default_factory=list)


def load_gold() -> dict:
    return tomllib.loads((SAMPLES / "MANIFEST.toml").read_text(encoding="utf-8"))


def score(resources: Resources) -> Tally:
    gold = load_gold()
    tally = Tally()
    for sample in gold["sample"]:
        result = api.run_paths([SAMPLES / sample["file"]], resources=resources)
        by_story: dict[int, list] = {}
        for article in result.articles:
            index = int(article.article_id.rsplit("#story-", 1)[1]) if "#story-" in article.article_id else 1
            mentions = [m for m in result.mentions if m.article_id == article.article_id]
            by_story[index] = fuse.run(mentions, resources.settings)
        predicted = [(i, e) for i, events in by_story.items() for e in events]
        tally.predicted += len(predicted)
        if sample["file"] in gold.get("no_event_files", []):
            tally.no_event_file_events += len(predicted)
        expected = sample.get("event", [])
        tally.gold += len(expected)
        unused = list(predicted)
        for event in expected:
            story = event.get("story", 1)
            candidates = [(i, e) for i, e in unused if i == story or len(by_story) == 1]
            best = max(candidates, key=lambda c: _similarity(event, c[1]), default=None)
            if best is None or _similarity(event, best[1]) < 2:
                tally.misses.append((sample["file"], event.get("key"), event.get("sub_event_type"), event.get("location")))
                continue
            unused.remove(best)
            tally.matched += 1
            _compare(tally, event, best[1])
        tally.false.extend((sample["file"], e.sub_event_type, e.location, e.sources[0].evidence[:120]) for _, e in unused)
    return tally


def _places(event: dict) -> set[str]:
    # The event may name the place as the page spells it ("the village of Anderamboukane").
    spelled = re.sub(r"^(?:[a-z]+\s+)+", "", event.get("location_text", ""))
    return {event.get("location", "")} | set(event.get("location_alternatives", [])) | ({spelled} if spelled else set())


def _similarity(gold: dict, event) -> float:
    score = 0.0
    score += 2 if event.location in _places(gold) else 0
    score += 1 if event.sub_event_type == gold.get("sub_event_type") else 0
    score += 1 if event.event_type == _event_type(gold) else 0
    score += 1 if str(event.event_date) == str(gold.get("event_date")) else 0
    return score


def _event_type(gold: dict) -> str:
    from sitreps.model import EVENT_TYPE_OF

    return EVENT_TYPE_OF.get(gold.get("sub_event_type", ""), "")


def _compare(tally: Tally, gold: dict, event) -> None:
    checks = {
        "sub_event_type": event.sub_event_type == gold.get("sub_event_type"),
        "event_type": event.event_type == _event_type(gold),
        "actor1": event.actor1 == gold.get("actor1", ""),
        "actor2": event.actor2 == gold.get("actor2", ""),
        "location": event.location in _places(gold),
        "event_date": (str(event.event_date) if event.event_date else None) == (str(gold["event_date"]) if "event_date" in gold else None),
        "fatalities": event.fatalities == gold.get("fatalities", 0),
    }
    for name, ok in checks.items():
        tally.fields[name][0] += ok
        tally.fields[name][1] += 1
        if not ok:
            got = getattr(event, name)
            tally.misses.append(("field", gold.get("key"), name, f"gold={gold.get(name)!r} got={got!r}"))


def report(tally: Tally) -> dict:
    figures = {
        "gold_events": tally.gold,
        "predicted_events": tally.predicted,
        "recall": round(tally.matched / tally.gold, 3) if tally.gold else None,
        "precision": round(tally.matched / tally.predicted, 3) if tally.predicted else None,
        "events_from_no_event_pages": tally.no_event_file_events,
    }
    for name, (right, total) in tally.fields.items():
        figures[f"{name}_accuracy"] = round(right / total, 3) if total else None
    return figures


LABELS = {
    "gold_events": "gold events (hand-coded, per story)",
    "predicted_events": "events extracted (fused per story)",
    "recall": "gold events found",
    "precision": "extracted events that match a gold event",
    "events_from_no_event_pages": "events from the 3 pages with no event",
    "sub_event_type_accuracy": "sub-event type right (matched events)",
    "event_type_accuracy": "event type right",
    "actor1_accuracy": "actor1 right (exact name)",
    "actor2_accuracy": "actor2 right (exact name)",
    "location_accuracy": "location right",
    "event_date_accuracy": "event date right",
    "fatalities_accuracy": "fatalities equal to the conservative figure",
}


def table(figures: dict) -> str:
    rows = ["| measure | value |", "|---|---|"]
    rows += [f"| {LABELS[key]} | {value} |" for key, value in figures.items()]
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()
    resources = Resources(load_settings())
    tally = score(resources)
    figures = report(tally)
    for key, value in figures.items():
        print(f"{key:32} {value}")
    if args.write_docs:
        replace_block("samples", table(figures))
    if args.verbose:
        for miss in tally.misses:
            print("MISS", *miss, sep=" | ")
        for false in tally.false:
            print("FALSE", *false, sep=" | ")
    print(json.dumps(figures), file=sys.stderr)


if __name__ == "__main__":
    main()
