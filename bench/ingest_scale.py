"""Ingest cost against the size of the store: ms per new document into stores of 0 to 100k events.

Stores of 1k, 10k, 50k and 100k stored events are built fast from synthetic reports written
straight through the store's own write function (``Store.save_fused``, the one ingest uses), so
they have every table and index a real store has:

- events in 30 countries, weighted like conflict data (Burkina Faso, Mali, Niger, Nigeria and
  Somalia most; 45% in the three Sahel countries), at towns of the packaged gazetteer chosen
  with their population as weight, near a town (geo precision 2) or at the region level (3);
  dates spread over 2016-2025 (more in later years), 85% day-precise, 7% week, 6% month,
  2% undated, 5% night reports that spill into the next day;
- 1-4 reports each (55% one, 25% two, 12% three, 8% four), told by different articles, a
  few of them copies of another; each article its own document with a 64-value signature;
- the sub-event types and actors of Sahel conflict data; each event fused from its reports by
  ``fuse.fuse_cluster``, exactly as ingest fuses them.

The stores grow into one another (the 10k store is the 1k store plus 9k events), and a copy of
each is ingested into. The batch of new documents is fixed: the 17 sample pages shipped with
sitreps and 100 generated pages of bench/corpus.py (seed 7), all in the Sahel, 2022-2024, so
their reports meet stored events. Each size is measured in its own child process (models are
loaded and warmed by ingesting the batch into a scratch store first), in ``--repeat`` rounds
over all sizes (so that each size meets the same machine load), best of the rounds; the table
gives ms per document, the ratio to the empty store, and peak memory (RSS).

    python bench/ingest_scale.py --write-docs
    python bench/ingest_scale.py --sizes 0,1000 --repeat 1   # quick look
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from docblock import replace_block  # noqa: E402

SIZES = (0, 1_000, 10_000, 50_000, 100_000)
CORPUS_DOCUMENTS, CORPUS_SEED = 100, 7
TARGET_RATIO = 1.5
CHUNK = 2_000  # events per save_fused call while building

# Country weights, like conflict data of Africa and the Middle East (the Sahel most).
COUNTRY_WEIGHTS = {
    "BFA": 17, "MLI": 15, "NER": 13, "NGA": 10, "SOM": 6, "COD": 5, "SDN": 4, "CMR": 4, "TCD": 3, "ETH": 3,
    "SSD": 2, "CAF": 2, "MOZ": 2, "LBY": 2, "YEM": 2, "SYR": 2, "IRQ": 1, "AFG": 1, "MRT": 1, "BEN": 1,
    "TGO": 1, "GHA": 1, "CIV": 1, "SEN": 1, "GIN": 1, "KEN": 1, "UGA": 1, "PAK": 1, "DZA": 1, "EGY": 1,
}
YEAR_WEIGHTS = {2016: 4, 2017: 5, 2018: 7, 2019: 9, 2020: 10, 2021: 11, 2022: 13, 2023: 14, 2024: 14, 2025: 13}
SUB_EVENT_WEIGHTS = {
    "Attack": 26, "Armed clash": 24, "Remote explosive/landmine/IED": 8, "Air/drone strike": 6,
    "Abduction/forced disappearance": 6, "Peaceful protest": 7, "Protest with intervention": 3,
    "Violent demonstration": 2, "Mob violence": 2, "Looting/property destruction": 4, "Arrests": 5,
    "Non-state actor overtakes territory": 2, "Government regains territory": 2, "Suicide bomb": 1,
    "Shelling/artillery/missile attack": 2, "Disrupted weapons use": 1,
}
PRECISION_WEIGHTS = {1: 85, 2: 7, 3: 6, None: 2}
GEO_WEIGHTS = {1: 70, 2: 18, 3: 12}
REPORT_WEIGHTS = {1: 55, 2: 25, 3: 12, 4: 8}
GROUPS = ("JNIM: Group for Support of Islam and Muslims", "Islamic State (Sahel)", "Islamic State (West Africa)",
          "Boko Haram: Jamaatu Ahli is-Sunna lid-Dawati wal-Jihad", "Al Shabaab")


def _pick(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def places_by_country(resources) -> dict[str, tuple[list, list, list]]:
    """Per country: towns, their population weights, and region-level places (admin1)."""
    gazetteer = resources.gazetteer
    found = {}
    for iso3 in COUNTRY_WEIGHTS:
        towns = [p for p in gazetteer.populated_places(iso3) if p.latitude is not None][:4000]
        if not towns:
            continue
        weights = [max(p.population, 500) ** 0.5 for p in towns]
        regions = []
        for admin1 in sorted({p.admin1 for p in towns if p.admin1})[:40]:
            best = gazetteer.geocode(admin1, iso3).best
            if best is not None and best.level == "admin1":
                regions.append(best.place)
        found[iso3] = (towns, weights, regions or towns[:1])
    return found


def _actors(rng: random.Random, sub_event_type: str, country: str):
    from sitreps.model import Actor

    army = Actor(f"Military Forces of {country}", "State forces", "")
    police = Actor(f"Police Forces of {country}", "State forces", "")
    civilians = Actor(f"Civilians ({country})", "Civilians", "")
    group = Actor(rng.choice(GROUPS), "Rebel group", "") if rng.random() < 0.5 else Actor(f"Unidentified Armed Group ({country})", "Political militia", "")
    if sub_event_type in ("Peaceful protest",):
        return Actor(f"Protesters ({country})", "Protesters", ""), None
    if sub_event_type in ("Protest with intervention",):
        return Actor(f"Protesters ({country})", "Protesters", ""), police
    if sub_event_type in ("Violent demonstration", "Mob violence"):
        return Actor(f"Rioters ({country})", "Rioters", ""), civilians
    if sub_event_type == "Arrests":
        return police, civilians
    if sub_event_type in ("Armed clash", "Government regains territory", "Air/drone strike", "Shelling/artillery/missile attack"):
        return (army, group) if rng.random() < 0.5 else (group, army)
    if sub_event_type == "Disrupted weapons use":
        return army, group
    return group, civilians


def synthetic_events(first: int, count: int, places: dict, seed: int, settings):
    """Events ``first`` .. ``first + count - 1`` (the same for the same seed, whatever the chunk):
    yields (documents, articles, signatures, mentions, events) chunks for ``save_fused``."""
    from sitreps.fuse import fuse_cluster
    from sitreps.model import Article, Document, Mention

    countries = [c for c in COUNTRY_WEIGHTS if c in places]
    country_weights = [COUNTRY_WEIGHTS[c] for c in countries]
    taken: set[str] = set()
    for start in range(first, first + count, CHUNK):
        documents, articles, signatures, mentions, events = [], [], {}, [], []
        for n in range(start, min(start + CHUNK, first + count)):
            rng = random.Random(f"{seed}:{n}")
            iso3 = rng.choices(countries, weights=country_weights)[0]
            towns, weights, regions = places[iso3]
            year = _pick(rng, YEAR_WEIGHTS)
            day = date(year, 1, 1) + timedelta(days=rng.randrange(365))
            town = rng.choices(towns, weights=weights)[0]
            sub_event_type = _pick(rng, SUB_EVENT_WEIGHTS)
            actor1, actor2 = _actors(rng, sub_event_type, town.country)
            toll = rng.choice([0, 0, 1, 2, 3, 4, 5, 7, 9, 12, 15, 20, 30])
            members = []
            for r in range(_pick(rng, REPORT_WEIGHTS)):
                document_id = f"synthetic/{n:07d}-{r}.html"
                published = day + timedelta(days=rng.choice([0, 1, 1, 2, 3, 7]))
                precision = _pick(rng, PRECISION_WEIGHTS)
                geo = _pick(rng, GEO_WEIGHTS)
                place = rng.choice([p for p in regions if p.admin1 == town.admin1] or regions) if geo == 3 else town
                event_date = None if precision is None else {1: day, 2: day + timedelta(days=rng.randrange(-3, 4)), 3: day.replace(day=15)}[precision]
                evidence = f"Report {r} of synthetic event {n}: {sub_event_type.lower()} in {place.name}, {toll} killed."
                text = evidence + " " + " ".join(f"w{rng.randrange(10**6)}" for _ in range(60))
                members.append(Mention(
                    mention_id=f"{document_id}#m0", article_id=document_id, document_id=document_id, path=document_id,
                    sub_event_type=sub_event_type, evidence=evidence, evidence_span=(0, len(evidence)), language=rng.choice(["en", "fr"]),
                    url=f"https://news{r}.example/{n}", title=f"Event {n}", publisher=f"Outlet {rng.randrange(300)}",
                    published=published, event_date=event_date, time_precision=precision,
                    date_spill=(0, 1) if rng.random() < 0.05 else (0, 0), place_text=place.name,
                    place_qualifier="near" if geo == 2 else ("region" if geo == 3 else ""), country_hint=iso3,
                    fatalities=max(0, toll + rng.choice([0, 0, 0, -1, 1, 2])) if toll else 0, confidence=round(rng.uniform(0.5, 0.95), 2),
                    actor1=actor1, actor2=actor2, place=place, geo_precision=geo, civilian_targeting=actor2 is not None and actor2.actor_type == "Civilians",
                ))
                documents.append((Document(document_id, document_id, "html", text, members[-1].url, f"Event {n}", published), f"{seed}:{n}:{r}"))
                articles.append(Article(document_id, document_id, document_id, text, f"Event {n}", members[-1].url, members[-1].publisher, published, "metadata", members[-1].language))
                signatures[document_id] = (tuple(rng.getrandbits(32) for _ in range(64)), document_id, document_id)
            copies = {}
            if len(members) > 1 and rng.random() < 0.1:  # the last report copies the first
                copies[members[-1].article_id] = members[0].document_id
                signatures[members[-1].article_id] = (signatures[members[0].article_id][0], members[-1].document_id, members[0].document_id)
            event = fuse_cluster(members, copies, settings)
            unique, k = event.event_id, 1
            while unique in taken:
                k += 1
                unique = f"{event.event_id}-{k}"
            taken.add(unique)
            events.append(dataclasses.replace(event, event_id=unique))
            mentions += [(m, unique, copies.get(m.article_id, "")) for m in members]
        yield documents, articles, signatures, mentions, events


def build_stores(folder: Path, sizes: list[int], seed: int) -> dict[int, Path]:
    """One store file per size, each grown from the one before."""
    from sitreps.config import load_settings
    from sitreps.resources import Resources
    from sitreps.store import Store

    settings = load_settings(environ={})
    places = places_by_country(Resources(settings))
    working = folder / "growing.duckdb"
    working.unlink(missing_ok=True)
    built, have = {}, 0
    for size in sorted(s for s in sizes if s > 0):
        started = time.perf_counter()
        with Store.open(working) as store:
            for documents, articles, signatures, mentions, events in synthetic_events(have, size - have, places, seed, settings):
                store.save_fused(documents, articles, signatures, mentions, events)
        have = size
        built[size] = folder / f"store-{size}.duckdb"
        shutil.copyfile(working, built[size])
        print(f"built a store of {size:,} events in {time.perf_counter() - started:.0f} s ({built[size].stat().st_size / 2**20:.0f} MB)", file=sys.stderr)
    return built


def batch_paths(folder: Path) -> list[str]:
    import corpus

    from sitreps.api import sample_paths

    path = corpus.write_jsonl(folder / "corpus.jsonl", CORPUS_DOCUMENTS, CORPUS_SEED)
    return [*map(str, sample_paths()), str(path)]


CHILD = r"""
import json, os, resource, shutil, sys, time
from sitreps import api
from sitreps.config import load_settings
from sitreps.resources import Resources
db, scratch, *paths = sys.argv[1:]
settings = load_settings(environ={})
resources = Resources(settings)
api.ingest_paths(paths, db=scratch, settings=settings, resources=resources)  # loads and warms the models
target = db + ".copy"
if os.path.exists(db):
    shutil.copyfile(db, target)
    with open(target, "rb+") as copied:  # written to disk now: the first commit must not wait for the copy
        os.fsync(copied.fileno())
started = time.perf_counter()
result, added = api.ingest_paths(paths, db=target, settings=settings, resources=resources)
seconds = time.perf_counter() - started
os.remove(target)
print(json.dumps({"seconds": seconds, "documents": added.documents_added, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measure(folder: Path, size: int, store: Path | None, paths: list[str]) -> dict:
    """One timed ingest of the batch into a copy of the store, in a child process."""
    db = store or folder / "empty.duckdb"
    scratch = folder / f"scratch-{size}.duckdb"
    proc = subprocess.run([sys.executable, "-c", CHILD, str(db), str(scratch), *paths],
                          capture_output=True, text=True, env={**os.environ, "SITREPS_PROGRESS": "never"})
    for leftover in (scratch, Path(f"{scratch}.wal"), Path(f"{db}.copy.wal")):
        leftover.unlink(missing_ok=True)
    if proc.returncode not in (0, 5):
        raise RuntimeError(f"size {size}: child exited {proc.returncode}: {proc.stderr[-3000:]}")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    return {"events": size, "documents": out["documents"], "ms_per_document": round(1000 * out["seconds"] / out["documents"], 1),
            "peak_mb": round(out["peak_mb"])}


def table(rows: list[dict], repeat: int) -> str:
    base = rows[0]["ms_per_document"]
    lines = ["| stored events | ms per new document | vs empty store | peak memory (MB) |", "|---|---|---|---|"]
    for row in rows:
        lines.append(f"| {row['events']:,} | {row['ms_per_document']} | {row['ms_per_document'] / base:.2f}× | {row['peak_mb']} |")
    worst = max(r["ms_per_document"] / base for r in rows)
    lines += ["", f"**Worst ratio to the empty store: {worst:.2f}×** (target ≤ {TARGET_RATIO}×). "
              f"{rows[0]['documents']} new documents (17 sample pages, {CORPUS_DOCUMENTS} generated pages, seed {CORPUS_SEED}), "
              f"best of {repeat} rounds over the sizes, each run in a copy of the store."]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="Stored events per store, comma-separated (0 = empty).")
    parser.add_argument("--repeat", type=int, default=3, help="Rounds over the sizes (the best is kept).")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="Build the stores here (and reuse ones already there) instead of a temporary folder.")
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()
    sizes = sorted({int(s) for s in args.sizes.split(",")} | {0})
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        wanted = [s for s in sizes if s and not (folder / f"store-{s}.duckdb").exists()]
        stores = {s: folder / f"store-{s}.duckdb" for s in sizes if s}
        if wanted:
            stores.update(build_stores(folder, sizes, args.seed))
        paths = batch_paths(folder)
        best: dict[int, dict] = {}
        for _ in range(args.repeat):  # rounds over every size, so that each sees the same machine load
            for size in sizes:
                row = measure(folder, size, stores.get(size), paths)
                print(json.dumps(row), file=sys.stderr)
                if size not in best or row["ms_per_document"] < best[size]["ms_per_document"]:
                    best[size] = {**row, "peak_mb": max(row["peak_mb"], best.get(size, row)["peak_mb"])}
        rows = [best[size] for size in sizes]
    text = table(rows, args.repeat)
    print(text)
    print(json.dumps(rows))
    if args.write_docs:
        replace_block("ingest_scale", text)
    return 1 if max(r["ms_per_document"] for r in rows) > TARGET_RATIO * rows[0]["ms_per_document"] else 0


if __name__ == "__main__":
    sys.exit(main())
