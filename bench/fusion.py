"""Fusion benchmark: many reports of one event become one record, look-alike events stay apart.

Generates a corpus (seeded) in which each of N events is told by 1-6 articles written
differently: English or French, other words, other date styles ("on Monday", "le 12 mars",
"yesterday"), spellings without accents, partial details (no perpetrator, no toll), different
tolls, and verbatim reposts with other page furniture. Free prose around the lead: quotes,
details, period statistics ("more than 2,000 killed since 2015", which are claims, not events)
and earlier events recalled by month ("In March 2023, an attack on X killed 9", themselves true
events many articles recall). Reports disagree on the day of night attacks ("late on Sunday",
"early on Monday", "in the night of Sunday to Monday"); some give only the week ("earlier this
week"). Aggregator pages carry two unrelated stories, and pages list "related" headlines of other
events. A share of the events has a look-alike twin that is a different event: the same place
the next day, or the same day in a neighbouring town. The articles are ingested into a fresh
store in publication-day batches (as a monitor receives them), then each stored event is
compared with the events its sources were written from:

  double-counted  share of true events whose reports ended in more than one stored event
  wrong merges    share of stored events whose reports tell of more than one true event

Each source of a stored event is traced to the story it was read from (the page part holding its
evidence), so a page with two stories counts for both. Targets (issue 4): both <= 2%. With
--write-docs the table replaces the fusion block of docs/benchmarks.md.

    python bench/fusion.py --events 220 --write-docs
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from docblock import replace_block  # noqa: E402

from sitreps import api  # noqa: E402
from sitreps.config import load_settings  # noqa: E402
from sitreps.resources import Resources  # noqa: E402
from sitreps.store import Store  # noqa: E402

COUNTRIES = {"BFA": ("Burkina Faso", "au Burkina Faso"), "MLI": ("Mali", "au Mali"), "NER": ("Niger", "au Niger")}
PERPETRATORS = {
    "jnim": (["JNIM fighters", "fighters of the al-Qaeda-linked JNIM", "militants of the Group for Support of Islam and Muslims (JNIM)"],
             ["des combattants du JNIM", "des jihadistes du GSIM", "des éléments du JNIM"]),
    "issp": (["Islamic State Sahel fighters", "militants of the Islamic State Sahel Province", "IS Sahel militants"],
             ["des combattants de l'État islamique au Sahel", "des jihadistes de l'EIGS", "des éléments de l'État islamique au Sahel"]),
    "gunmen": (["gunmen", "unidentified gunmen", "armed men on motorbikes"], ["des hommes armés", "des individus armés", "des hommes armés non identifiés"]),
}
EN_NUMBERS = "zero one two three four five six seven eight nine ten eleven twelve".split()
FR_NUMBERS = "zéro un deux trois quatre cinq six sept huit neuf dix onze douze".split()
EN_DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
FR_DAYS = "lundi mardi mercredi jeudi vendredi samedi dimanche".split()
EN_MONTHS = "January February March April May June July August September October November December".split()
FR_MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()

# One template per (kind, language); {who} the perpetrator, {n} the toll, {where} the place,
# {when} the date phrase. Templates without {who} or {n} are the partial reports.
TEMPLATES = {
    ("attack", "en"): [
        "{who} attacked the town of {where} {when}, killing {n} civilians, residents said.",
        "At least {n} villagers were killed when {who} stormed {where} {when}, local sources told reporters.",
        "{when_cap}, {who} opened fire on civilians in {where}, killing {n} people, a local official said.",
        "Civilians were killed in an attack on {where} {when}, residents said, without giving a toll.",
    ],
    ("attack", "fr"): [
        "{who_cap} ont attaqué la localité de {where} {when}, tuant {n} civils, selon des habitants.",
        "Au moins {n} villageois ont été tués {when} lors d'une attaque de {who} contre {where}, selon des sources locales.",
        "{when_cap}, {who} ont ouvert le feu sur des civils à {where}, faisant {n} morts, a indiqué un élu local.",
    ],
    ("clash", "en"): [
        "Soldiers clashed with {who} near {where} {when}, killing {n} of the assailants, the army said.",
        "The army said it repelled an attack by {who} on its post in {where} {when}; {n} soldiers were killed.",
        "{when_cap}, troops fought {who} at {where}, the army said in a statement, reporting {n} dead among the attackers.",
    ],
    ("clash", "fr"): [
        "Des militaires ont affronté {who} près de {where} {when}, tuant {n} assaillants, selon l'armée.",
        "L'armée a repoussé {when} une attaque de {who} contre son poste de {where}; {n} soldats ont été tués.",
    ],
    ("ied", "en"): [
        "A military convoy hit an improvised explosive device near {where} {when}, killing {n} soldiers, security sources said.",
        "{n} soldiers died when their vehicle struck a roadside bomb outside {where} {when}, an army source said.",
    ],
    ("ied", "fr"): [
        "Un convoi militaire a sauté sur un engin explosif improvisé près de {where} {when}, tuant {n} soldats, selon des sources sécuritaires.",
        "{n_cap} militaires ont été tués {when} lorsque leur véhicule a heurté une mine artisanale à la sortie de {where}.",
    ],
}
RELATED = {"en": ["Gunmen kill {n} in {where}", "{where}: {n} dead in attack", "Army repels assault near {where}"],
           "fr": ["{where} : {n} morts dans une attaque", "Des hommes armés tuent {n} personnes à {where}", "L'armée repousse une attaque près de {where}"]}
TITLES = {"en": ["Attack near {where}", "{where}: deadly violence", "Security update: {where}"],
          "fr": ["Attaque à {where}", "{where} : des morts", "Sécurité : {where}"]}
FURNITURE = ["Home | News | Sahel | Contact\n", "Accueil | Actualités | Sahel\n", "Share on Facebook · X · WhatsApp\n"]


# Prose around the lead. Statistics are claims, never events; details and quotes tell nothing new.
DETAILS = {
    "en": ["The attackers fled on motorbikes towards the bush after the raid.", "Shops and the weekly market stayed closed the next day.",
           "\u201cWe heard gunshots for more than an hour,\u201d a resident said by phone.", "Reinforcements were sent to the area, a security source said.",
           "No group had claimed responsibility by the evening."],
    "fr": ["Les assaillants se sont enfuis à moto en direction de la brousse.", "Les boutiques et le marché hebdomadaire sont restés fermés le lendemain.",
           "« Nous avons entendu des tirs pendant plus d'une heure », a confié un habitant joint par téléphone.",
           "Des renforts ont été dépêchés dans la zone, selon une source sécuritaire.", "L'attaque n'avait pas été revendiquée dans la soirée."],
}
STATISTICS = {
    "en": "Violence by armed groups has killed more than {n} people in {country} since 2015, according to a monitoring group.",
    "fr": "Les violences des groupes armés ont fait plus de {n} morts {country_fr} depuis 2015, selon une ONG de suivi.",
}
RECALL = {
    "en": "In {month} {year}, an attack on {where} killed {n} people.",
    "fr": "En {month} {year}, une attaque contre {where} avait fait {n} morts.",
}
NIGHT_PHRASES = {
    # (language, style) -> phrase for a night that starts on ``day``
    "en": ["in the night of {wd} to {wd2}", "late on {wd}", "early on {wd2}", "on {wd} night"],
    "fr": ["dans la nuit de {wd} à {wd2}", "tard {wd} soir", "tôt {wd2} matin", "dans la nuit du {d} au {d2} {month}"],
}
WEEK_PHRASES = {"en": "earlier this week", "fr": "en début de semaine"}


@dataclass
class TrueEvent:
    key: str
    kind: str
    country: str
    place: object
    day: date
    perpetrator: str
    toll: int
    twin_of: str = ""  # the event this one looks like
    night: bool = False  # a night attack: reports disagree on its day
    articles: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PastEvent:
    """An earlier event that articles recall by month ("In March 2023, an attack on X killed 9")."""

    key: str
    country: str
    place: object
    day: date
    toll: int


@dataclass
class Page:
    """One file: its text and the stories in it, each the true event it tells of."""

    name: str
    text: str
    published: date
    stories: list[tuple[str, str]] = field(default_factory=list)  # (true event key, story text)


def towns(resources) -> dict[str, list]:
    """Places the geocoder reads back to themselves, per country (the benchmark is of fusion)."""
    gazetteer, found = resources.gazetteer, {}
    for iso3 in COUNTRIES:
        keep = []
        for place in gazetteer.populated_places(iso3, 1000):
            best = gazetteer.geocode(place.name, iso3).best
            if best and best.place.geonameid == place.geonameid and len(place.name) > 3:
                keep.append(place)
        found[iso3] = keep
    return found


def _km(a, b) -> float:
    from sitreps.fuse import _distance_km

    return _distance_km(a, b)


def make_events(count: int, places: dict[str, list], rng: random.Random) -> list[TrueEvent]:
    events: list[TrueEvent] = []
    start = date(2024, 1, 8)
    while len(events) < count:
        iso3 = rng.choice(sorted(places))
        place = rng.choice(places[iso3])
        kind = rng.choice(["attack", "attack", "clash", "ied"])
        day = start + timedelta(days=rng.randrange(0, 300))
        perpetrator = rng.choice(sorted(PERPETRATORS))
        night = kind != "ied" and rng.random() < 0.2
        event = TrueEvent(f"E{len(events):04d}", kind, iso3, place, day, perpetrator, rng.randint(2, 12), night=night)
        events.append(event)
        if rng.random() < 0.25 and len(events) < count:
            # A look-alike that is another event: same place the next day, or same day nearby.
            neighbours = [p for p in places[iso3] if 15 <= _km(p, place) <= 60]
            if rng.random() < 0.5 or not neighbours:
                twin = TrueEvent(f"E{len(events):04d}", kind, iso3, place, day + timedelta(days=1), perpetrator, rng.randint(2, 12), event.key)
            else:
                twin = TrueEvent(f"E{len(events):04d}", kind, iso3, rng.choice(neighbours), day, perpetrator, rng.randint(2, 12), event.key)
            events.append(twin)
    return events


def make_past_events(places: dict[str, list], rng: random.Random, per_country: int = 4) -> dict[str, list[PastEvent]]:
    """A few earlier events per country, in 2023, each in its own town and month."""
    past: dict[str, list[PastEvent]] = {}
    for iso3 in sorted(places):
        chosen = rng.sample(places[iso3], per_country)
        months = rng.sample(range(1, 13), per_country)
        past[iso3] = [PastEvent(f"P{iso3}{i}", iso3, p, date(2023, m, 15), rng.randint(5, 40)) for i, (p, m) in enumerate(zip(chosen, months))]
    return past


def _plain(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _date_phrase(event: TrueEvent, published: date, language: str, rng: random.Random) -> str:
    day = event.day
    gap = (published - day).days
    if event.night and gap >= 2:
        # Night attacks: sources disagree on the day (the evening it began, the morning after).
        after = day + timedelta(days=1)
        names = EN_DAYS if language == "en" else FR_DAYS
        return rng.choice(NIGHT_PHRASES[language]).format(
            wd=names[day.weekday()], wd2=names[after.weekday()], d=day.day, d2=after.day, month=FR_MONTHS[after.month - 1])
    if 2 <= gap < 5 and day.weekday() < published.weekday() and rng.random() < 0.12:
        return WEEK_PHRASES[language]  # only the week is known
    styles = ["full", "day_month"] + (["weekday"] if 0 < gap < 6 else []) + (["yesterday"] if gap == 1 else [])
    style = rng.choice(styles)
    if language == "en":
        return {"full": f"on {EN_MONTHS[day.month - 1]} {day.day}, {day.year}", "day_month": f"on {day.day} {EN_MONTHS[day.month - 1]}",
                "weekday": f"on {EN_DAYS[day.weekday()]}", "yesterday": "yesterday"}[style]
    return {"full": f"le {day.day} {FR_MONTHS[day.month - 1]} {day.year}", "day_month": f"le {day.day} {FR_MONTHS[day.month - 1]}",
            "weekday": f"{FR_DAYS[day.weekday()]}", "yesterday": "hier"}[style]


def _number(n: int, language: str, rng: random.Random) -> str:
    words = EN_NUMBERS if language == "en" else FR_NUMBERS
    return words[n] if n < len(words) and rng.random() < 0.5 else str(n)


def write_story(event: TrueEvent, rng: random.Random, language: str, published: date, past: list[PastEvent]) -> tuple[str, str, list[tuple[str, str]]]:
    """(headline, body, stories) of one report of ``event``; stories maps each paragraph that
    tells of an event to its key (the lead, and any earlier event recalled)."""
    toll = max(1, event.toll + rng.choice([0, 0, 0, -1, 1, 2]))  # sources disagree on the toll
    where = event.place.name if rng.random() < 0.7 else _plain(event.place.name)
    country_en, country_fr = COUNTRIES[event.country]
    where_full = f"{where}, {country_fr}" if language == "fr" else f"{where}, {country_en}"
    who = rng.choice(PERPETRATORS[event.perpetrator][0 if language == "en" else 1])
    when = _date_phrase(event, published, language, rng)
    template = rng.choice(TEMPLATES[(event.kind, language)])
    n = _number(toll, language, rng)
    lead = template.format(who=who, who_cap=who[0].upper() + who[1:], n=n, n_cap=n[0].upper() + n[1:], where=where_full,
                           when=when, when_cap=when[0].upper() + when[1:])
    stories = [(event.key, lead)]
    paragraphs = [lead]
    kinds = rng.sample(["statistic", "recall", "detail", "quote"], rng.choice([0, 0, 1, 2, 3]))
    for kind in kinds:
        if kind == "statistic":
            total = rng.randrange(2, 9) * 1000 + rng.randrange(0, 10) * 100
            number = f"{total:,}" if language == "en" else f"{total:,}".replace(",", " ")
            paragraphs.append(STATISTICS[language].format(n=number, country=country_en, country_fr=country_fr))
        elif kind == "recall" and past:
            earlier = rng.choice(past)
            months = EN_MONTHS if language == "en" else FR_MONTHS
            text = RECALL[language].format(month=months[earlier.day.month - 1], year=earlier.day.year, where=earlier.place.name, n=earlier.toll)
            text = text[0].upper() + text[1:]
            paragraphs.append(text)
            stories.append((earlier.key, text))
        elif kind == "quote":
            paragraphs.append(DETAILS[language][2])
        else:
            paragraphs.append(rng.choice(DETAILS[language][:2] + DETAILS[language][3:]))
    title = rng.choice(TITLES[language]).format(where=where)
    return title, "\n\n".join(paragraphs), stories


def write_page(event: TrueEvent, rng: random.Random, past: list[PastEvent], related: list[TrueEvent],
               other: TrueEvent | None, other_past: list[PastEvent]) -> Page:
    """One report of ``event``: a news page, or an aggregator page that also carries ``other``."""
    language = "fr" if rng.random() < 0.4 else "en"
    published = event.day + timedelta(days=rng.choice([0, 1, 1, 2, 3]))
    title, body, stories = write_story(event, rng, language, published, past)
    dateline = f"Published {published.isoformat()}" if language == "en" else f"Publié le {published.isoformat()}"
    parts = [rng.choice(FURNITURE) + title, dateline, body]
    if other is not None:
        # An aggregator page: a second, unrelated story under its own headline.
        other_title, other_body, other_stories = write_story(other, rng, language, published, other_past)
        if rng.random() < 0.5:
            parts += ["* * *", other_title, other_body]
        else:
            parts += [other_title, rng.choice(["Sahel Monitor", "Agence Sahel Info", "Niger Daily"]) + " · " + rng.choice(["3 hours ago", "il y a 5 heures", "2 hours ago"]), other_body]
        stories += other_stories
    if related:
        label = "Related articles" if language == "en" else "À lire aussi"
        parts.append(label + "\n" + "\n".join(f"- {rng.choice(RELATED[language]).format(where=r.place.name, n=r.toll)}" for r in related))
    parts.append(rng.choice(FURNITURE))
    return Page("", "\n\n".join(parts), published, stories)


def build_corpus(events: list[TrueEvent], past: dict[str, list[PastEvent]], folder: Path, rng: random.Random) -> tuple[dict[date, list[Path]], dict[str, Page]]:
    """Write every report; returns the files per publication day (their arrival batches) and each
    file's page (with the stories in it)."""
    batches: dict[date, list[Path]] = defaultdict(list)
    pages: dict[str, Page] = {}
    by_key = {e.key: e for e in events}
    for event in events:
        written: list[Page] = []
        for number in range(rng.randint(1, 6)):
            if written and rng.random() < 0.15:
                # A repost: the same words on another site, another day.
                source = rng.choice(written)
                page = Page("", f"{rng.choice(FURNITURE)}Reposted\n{source.text}", source.published + timedelta(days=1), list(source.stories))
            else:
                related = rng.sample(events, 2) if rng.random() < 0.3 else []
                # An aggregator carries another story of the same days (and never the twin).
                recent = [e for e in events if 0 <= (event.day - e.day).days <= 2 and e.key != event.key
                          and e.twin_of != event.key and event.twin_of != e.key]
                other = rng.choice(recent) if recent and rng.random() < 0.08 else None
                use_past = past[event.country] if rng.random() < 0.6 else []
                page = write_page(event, rng, use_past, related, other, past[other.country] if other else [])
            written.append(page)
            page.name = f"{event.key}-{number}.txt"
            (folder / page.name).write_text(page.text, encoding="utf-8")
            pages[page.name] = page
            for key, _ in page.stories:
                owner = by_key.get(key)  # earlier events recalled have no TrueEvent
                if owner is not None and page.name not in owner.articles:
                    owner.articles.append(page.name)
            batches[page.published].append(folder / page.name)
    return batches, pages


def _story_of(page: Page, evidence: str) -> str:
    """The true event a source was read from: the story holding the longest opening of its
    evidence (the lead's story when none holds it verbatim, e.g. a headline)."""
    texts = [(key, " ".join(text.split())) for key, text in page.stories]
    for length in (160, 100, 60, 30):
        probe = evidence.strip()[:length]
        holding = [key for key, text in texts if probe and probe in text]
        if holding:
            return holding[0]
    return page.stories[0][0]


def score(events: list[TrueEvent], pages: dict[str, Page], db: Path) -> dict:
    with Store.open(db, read_only=True) as store:
        stored = store.events()
    homes: dict[str, set[str]] = defaultdict(set)
    wrong = 0
    for event in stored:
        told = {_story_of(pages[Path(s.document).name], " ".join(s.evidence.split())) for s in event.sources if Path(s.document).name in pages}
        wrong += len(told) > 1
        for key in told:
            homes[key].add(event.event_id)
    found = len(homes)
    doubled = sum(len(ids) > 1 for ids in homes.values())
    current = [k for k in homes if k.startswith("E")]
    return {
        "true_events": len(events),
        "twins": sum(1 for e in events if e.twin_of),
        "night_events": sum(1 for e in events if e.night),
        "articles": len(pages),
        "aggregator_pages": sum(1 for p in pages.values() if len({k for k, _ in p.stories if k.startswith("E")}) > 1),
        "true_events_found": len(current),
        "earlier_events_found": found - len(current),
        "stored_events": len(stored),
        "double_counted": round(doubled / max(found, 1), 4),
        "wrong_merges": round(wrong / max(len(stored), 1), 4),
        "double_counted_events": doubled,
        "wrongly_merged_events": wrong,
        "doubled_keys": sorted(k for k, ids in homes.items() if len(ids) > 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=220)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--write-docs", action="store_true")
    parser.add_argument("--keep", type=Path, help="Write the corpus and store here instead of a temporary folder.")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    settings = load_settings()
    resources = Resources(settings)
    places = towns(resources)
    events = make_events(args.events, places, rng)
    past = make_past_events(places, rng)
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        batches, pages = build_corpus(events, past, folder, rng)
        db = folder / "fusion.duckdb"
        started = time.perf_counter()
        for day in sorted(batches):
            api.ingest_paths(batches[day], db=db, settings=settings, resources=resources)
        seconds = time.perf_counter() - started
        figures = {**score(events, pages, db), "batches": len(batches), "seconds": round(seconds, 1), "seed": args.seed}
    table = "\n".join([
        "| measure | value | target |",
        "|---|---|---|",
        f"| true events ({figures['twins']} look-alike twins: same place next day, or same day 15-60 km away; {figures['night_events']} night attacks whose reports disagree on the day) | {figures['true_events']} | |",
        f"| reports (1-6 per event, EN/FR, free prose, reposts; {figures['aggregator_pages']} aggregator pages with two stories) | {figures['articles']} | |",
        f"| true events found | {figures['true_events_found']} | |",
        f"| earlier events recalled by month (\"In March 2023, an attack on X killed 9\") found | {figures['earlier_events_found']} | |",
        f"| stored events | {figures['stored_events']} | |",
        f"| **events double-counted** | {figures['double_counted']:.1%} ({figures['double_counted_events']}) | ≤ 2% |",
        f"| **wrong merges** | {figures['wrong_merges']:.1%} ({figures['wrongly_merged_events']}) | ≤ 2% |",
        "",
        f"Ingested in {figures['batches']} publication-day batches in {figures['seconds']} s (seed {figures['seed']}).",
    ])
    print(table)
    print(json.dumps(figures))
    if args.write_docs:
        replace_block("fusion", table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
