"""Quality of extraction measured on real labelled data in ../shared/data.

Three checks, each a function returning a plain report record:

- ``case_scores``: CASE 2021 task 2 snippets (news text labelled with ACLED sub-event types).
  Each snippet goes through the whole pipeline; the sub-event type of its first event (in text
  order) is the prediction, and a snippet that yields no event counts as wrong. Weighted F1 is
  over the 25 ACLED classes: a non-ACLED snippet (crime, disaster, diplomacy, attribution) that
  yields an event counts as a false positive of that event's class. ``batch=False`` reads each
  snippet alone (its first mention's type); ``batch=True`` reads them all in one ``sitreps
  extract`` run, as an analyst would, where fusion may merge snippets and a fused event's type
  is every merged snippet's prediction (``predict_batch``).
- ``ucdp_geocode_scores`` / ``ucdp_headline_scores``: UCDP GED Burkina Faso events. Place
  descriptions go through the geocoder; descriptive source headlines go through the pipeline
  with the source's date as publication date.
- ``gazetteer_self_check``: GeoNames names and alternate spellings of a held-out sample of
  Sahel places (every place whose geonameid ends in 7, a slice no tuning looks at).

``bench/quality.py`` and ``sitreps bench`` are the faces that print these and write them into
docs/benchmarks.md.
"""

from __future__ import annotations

import csv
import json
import math
import re
import tempfile
import unicodedata
import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from .. import ingest, pipeline
from ..errors import MissingResourceError, SitrepsError, UsageError
from ..model import SUB_EVENT_TYPES, Mention
from ..resolve.names import admin_key, normalize_name
from ..resources import Resources

ACLED_SUB_EVENT_TYPES = tuple(sub for subs in SUB_EVENT_TYPES.values() for sub in subs)
CASE_DIR = "case2021_task2"
UCDP_FILE = "ucdp_ged/ucdp_ged_burkina_faso_2016-2023__gedevents-2025-01-17.csv"
GEONAMES_DIR = "geonames_sahel"
NEAR_KM = 25.0
# Snippets carry no date; the pipeline reads them as stories published when the task was run.
CASE_PUBLISHED = date(2021, 6, 30)
SELF_CHECK_DIGIT = "7"  # geonameids ending in this digit are held out from gazetteer tuning
NO_EVENT = "no event"  # the prediction for a snippet that yields no event
CASE_MODELS = ("cross-validated", "rules", "packaged")


# ---------------------------------------------------------------- CASE 2021


@dataclass
class ClassScore:
    label: str
    support: int
    precision: float
    recall: float
    f1: float


@dataclass
class CaseReport:
    snippets: int
    acled_snippets: int
    weighted_f1: float
    accuracy: float  # share of ACLED snippets whose first event has the gold sub-event type
    no_event_share: float  # share of ACLED snippets that yield no event
    non_acled_snippets: int
    non_acled_silent: float  # share of non-ACLED snippets that yield no event
    per_class: list[ClassScore]
    confusions: list[tuple[str, str, int]]  # (gold, predicted or "no event", count)
    predictions: list[tuple[str, str, str]] = field(default_factory=list)  # (id, gold, predicted)


def read_case(data_dir: Path) -> list[tuple[str, str, str]]:
    """(id, snippet, gold sub-event name or the non-ACLED code) from dev.tsv."""
    folder = data_dir / CASE_DIR
    names = json.loads((folder / "label_to_description__aylien.json").read_text(encoding="utf-8"))
    rows = []
    with open(folder / "dev.tsv", encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            name = names[record["SubType"]]
            rows.append((record["id"], record["EventSnippet"], name if name in ACLED_SUB_EVENT_TYPES else record["SubType"]))
    return rows


def first_mention(text: str, published: date | None, resources: Resources) -> Mention | None:
    """The first event mention (in text order) the whole pipeline reads in ``text``, or None."""
    settings = resources.settings
    articles = ingest.from_text(text, published=published, url=None, language=None, settings=settings, resources=resources)
    mentions = pipeline.process_articles(articles, settings, resources).mentions
    return min(mentions, key=lambda m: m.evidence_span[0], default=None)


def predict_snippet(text: str, resources: Resources) -> str | None:
    """The sub-event type of the first event the pipeline finds in ``text``, or None."""
    mention = first_mention(text, CASE_PUBLISHED, resources)
    return mention.sub_event_type if mention else None


def predict_batch(snippets: Sequence[tuple[str, str]], resources: Resources) -> dict[str, str | None]:
    """The sub-event type each snippet gets when all ``(id, text)`` snippets go through one
    ``sitreps extract`` run (``api.run_paths`` over one JSONL file, published CASE_PUBLISHED).

    A snippet's prediction is the type of the fused event whose source for that snippet has the
    earliest evidence in it; None when no event has a source in it. Fusion works across snippets
    here: an event fused from several snippets gives its one type to each of them.
    """
    from .. import api

    ids = [snippet_id for snippet_id, _ in snippets]
    if len(set(ids)) != len(ids):
        raise UsageError("predict_batch: snippet ids must be unique (each becomes one JSONL record id)")
    with tempfile.TemporaryDirectory(prefix="sitreps-case-") as work:
        records = Path(work) / "snippets.jsonl"
        records.write_text(
            "".join(
                json.dumps({"id": snippet_id, "text": text, "published": CASE_PUBLISHED.isoformat()}, ensure_ascii=False) + "\n"
                for snippet_id, text in snippets
            ),
            encoding="utf-8",
        )
        result = api.run_paths([records], resources=resources)
    if result.failures:
        failed = result.failures[0]
        raise SitrepsError(
            f"CASE batch run: {len(result.failures)} snippet(s) failed, first {failed.item_id} ({failed.reason}: {failed.detail}); "
            "a failed snippet is a bug to fix, not a snippet to score as no event"
        )
    # Where each mention starts: (its story's place among the articles, its evidence offset).
    article_rank = {article.article_id: rank for rank, article in enumerate(result.articles)}
    starts = {m.mention_id: (article_rank.get(m.article_id, 0), m.evidence_span[0]) for m in result.mentions}
    text_of = dict(snippets)
    earliest: dict[str, tuple[tuple[int, int], int]] = {}  # document -> (start, event index)
    for index, event in enumerate(result.events):
        for source in event.sources:
            if source.document not in text_of:
                continue
            start = starts.get(source.mention_id) or (0, _offset(text_of[source.document], source.evidence))
            if source.document not in earliest or (start, index) < earliest[source.document]:
                earliest[source.document] = (start, index)
    return {snippet_id: result.events[earliest[snippet_id][1]].sub_event_type if snippet_id in earliest else None for snippet_id in ids}


def _offset(text: str, evidence: str) -> int:
    """Where ``evidence`` starts in ``text`` (whitespace-blind), or past the end when it is not there."""
    found = text.find(evidence)
    if found < 0:
        found = " ".join(text.split()).find(" ".join(evidence.split()))
    return found if found >= 0 else len(text)


def case_folds(rows: Sequence[tuple[str, str, str]], folds: int = 5) -> list[tuple[list[int], list[int]]]:
    """(train, test) row indices of the stratified, seeded folds every cross-validated CASE figure uses."""
    from sklearn.model_selection import StratifiedKFold

    labels = [gold for _, _, gold in rows]
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=0)
    with warnings.catch_warnings():
        # 'Other' has 2 snippets, fewer than the folds: scikit-learn says so, and it is known.
        warnings.filterwarnings("ignore", message="The least populated class")
        return [(list(train), list(test)) for train, test in splitter.split(rows, labels)]


def case_predictions(
    rows: Sequence[tuple[str, str, str]], resources: Resources, *, folds: int = 5, model: str = "cross-validated", batch: bool = False
) -> list[tuple[str, str, str]]:
    """(id, gold, predicted or NO_EVENT) for ``(id, snippet, gold)`` rows; see ``case_scores``."""
    if model not in CASE_MODELS:
        raise UsageError(f"CASE model {model!r} is not one of {', '.join(CASE_MODELS)}")
    read: Callable[[Sequence[tuple[str, str, str]]], dict[str, str | None]]
    if batch:
        read = lambda chunk: predict_batch([(row_id, text) for row_id, text, _ in chunk], resources)  # noqa: E731
    else:
        read = lambda chunk: {row_id: predict_snippet(text, resources) for row_id, text, _ in chunk}  # noqa: E731
    original = resources.type_model
    predicted: dict[str, str | None] = {}
    try:
        if model == "cross-validated":
            from ..extract.typemodel import train_type_model

            for train, test in case_folds(rows, folds):
                resources.replace("type_model", train_type_model([rows[i][1] for i in train], [rows[i][2] for i in train]))
                predicted.update(read([rows[i] for i in test]))
        else:
            if model == "rules":
                resources.replace("type_model", None)
            predicted.update(read(rows))
    finally:
        resources.replace("type_model", original)
    return [(row_id, gold, predicted[row_id] or NO_EVENT) for row_id, _, gold in rows]


def case_scores(
    data_dir: Path, resources: Resources, *, folds: int = 5, model: str = "cross-validated", batch: bool = False
) -> CaseReport:
    """Weighted F1 over the 25 ACLED classes on CASE 2021 dev snippets, through the whole pipeline.

    The packaged type model was trained on these snippets, so its figure here would flatter it:
    ``model="cross-validated"`` trains one model per fold on the other folds (stratified, seeded)
    and reads each snippet with the model that never saw it. ``model="rules"`` runs the trigger
    rules alone; ``model="packaged"`` uses the shipped weights (a training-set figure).

    ``batch=False`` runs each snippet through the pipeline alone; ``batch=True`` runs all of
    them (with cross-validation, each fold's) in one ``sitreps extract`` run, as analysts use it.
    """
    return score_case(case_predictions(read_case(data_dir), resources, folds=folds, model=model, batch=batch))


def score_case(predictions: list[tuple[str, str, str]]) -> CaseReport:
    gold_counts = Counter(gold for _, gold, _ in predictions)
    predicted_counts = Counter(predicted for _, _, predicted in predictions)
    hits = Counter(gold for _, gold, predicted in predictions if gold == predicted)
    per_class = []
    for label in ACLED_SUB_EVENT_TYPES:
        support = gold_counts[label]
        precision = hits[label] / predicted_counts[label] if predicted_counts[label] else 0.0
        recall = hits[label] / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class.append(ClassScore(label, support, precision, recall, f1))
    acled = [p for p in predictions if p[1] in ACLED_SUB_EVENT_TYPES]
    other = [p for p in predictions if p[1] not in ACLED_SUB_EVENT_TYPES]
    total_support = sum(c.support for c in per_class)
    confusions = Counter((gold, predicted) for _, gold, predicted in acled if gold != predicted)
    return CaseReport(
        snippets=len(predictions),
        acled_snippets=len(acled),
        weighted_f1=sum(c.f1 * c.support for c in per_class) / total_support if total_support else 0.0,
        accuracy=sum(1 for _, g, p in acled if g == p) / len(acled) if acled else 0.0,
        no_event_share=sum(1 for _, _, p in acled if p == NO_EVENT) / len(acled) if acled else 0.0,
        non_acled_snippets=len(other),
        non_acled_silent=sum(1 for _, _, p in other if p == NO_EVENT) / len(other) if other else 0.0,
        per_class=per_class,
        confusions=[(g, p, n) for (g, p), n in confusions.most_common(10)],
        predictions=predictions,
    )


# ---------------------------------------------------------------- UCDP GED


@dataclass
class GeocodeReport:
    descriptions: int
    found: int  # the geocoder returned a place below the country
    within_km: float  # share of all descriptions within NEAR_KM of UCDP's point
    admin1_right: float  # share of descriptions whose admin1 is UCDP's (where UCDP gives one)
    admin1_rated: int
    misses: list[tuple[str, str, float | None]] = field(default_factory=list)  # (description, got, km)


@dataclass
class HeadlineReport:
    headlines: int
    with_event: int
    country_right: float
    place_rated: int  # events placed below the country
    place_within_km: float
    date_rated: int  # events whose date the headline fixes to the day
    date_right: float
    deaths_rated: int  # events with a toll
    deaths_in_range: float
    zero_deaths_ok: float  # events without a toll where UCDP's low estimate is 0


def read_ucdp(data_dir: Path) -> list[dict[str, str]]:
    with open(data_dir / UCDP_FILE, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def ucdp_geocode_scores(data_dir: Path, resources: Resources) -> GeocodeReport:
    """Geocode every UCDP `where_description` (exact and near places, where_prec 1-2)."""
    rows = [r for r in read_ucdp(data_dir) if r["where_prec"] in ("1", "2") and r["where_description"].strip()]
    gazetteer = resources.gazetteer
    near = admin_right = admin_rated = found = 0
    misses = []
    for row in rows:
        description = " ".join(row["where_description"].split())
        candidate = gazetteer.geocode(description, "BFA").best
        if candidate is None or candidate.level == "country":
            misses.append((description, "-", None))
            continue
        found += 1
        best = candidate.place
        km = distance_km(best.latitude, best.longitude, float(row["latitude"]), float(row["longitude"]))
        if km <= NEAR_KM:
            near += 1
        else:
            misses.append((description, f"{best.name} ({best.admin1})", km))
        if row["adm_1"]:
            admin_rated += 1
            admin_right += admin_key(best.admin1) == admin_key(row["adm_1"])
    return GeocodeReport(
        descriptions=len(rows),
        found=found,
        within_km=near / len(rows) if rows else 0.0,
        admin1_right=admin_right / admin_rated if admin_rated else 0.0,
        admin1_rated=admin_rated,
        misses=misses,
    )


_NOT_DESCRIPTIVE = re.compile(
    r"^(?:tweets?|facebook|post|\W*#.*|@.*|security incidents?|crisis ?watch.*|.*\b(?:weekly|monthly|daily)\b.*(?:report|update|brief).*)$",
    re.IGNORECASE,
)


def descriptive_headlines(row: dict[str, str]) -> list[tuple[str, date | None]]:
    """The row's source headlines that tell something, each with its source date."""
    headlines = row["source_headline"].split(";")
    dates = row["source_date"].split(";")
    out = []
    for index, headline in enumerate(headlines):
        headline = " ".join(headline.split())
        if len(headline.split()) < 4 or _NOT_DESCRIPTIVE.match(headline):
            continue
        raw = dates[index] if index < len(dates) else ""
        try:
            published = date.fromisoformat(raw.strip()[:10])
        except ValueError:
            published = None
        out.append((headline, published))
    return out


def _ucdp_date(raw: str) -> date:
    return datetime.strptime(raw, "%m/%d/%Y %H:%M:%S").date()


def ucdp_headline_scores(data_dir: Path, resources: Resources) -> HeadlineReport:
    """Run each descriptive headline through the pipeline; compare its first event with UCDP's."""
    headlines = with_event = country = 0
    place_rated = place_near = date_rated = date_right = deaths_rated = deaths_ok = zero_rated = zero_ok = 0
    for row in read_ucdp(data_dir):
        start, end = _ucdp_date(row["date_start"]), _ucdp_date(row["date_end"])
        low, high = int(row["low_est"]), int(row["high_est"])
        for headline, published in descriptive_headlines(row):
            headlines += 1
            mention = first_mention(headline, published, resources)
            if mention is None:
                continue
            with_event += 1
            place = mention.place
            country += bool(place and place.country_iso3 == "BFA")
            if place and place.admin1 and row["where_prec"] in ("1", "2", "3"):
                place_rated += 1
                place_near += distance_km(place.latitude, place.longitude, float(row["latitude"]), float(row["longitude"])) <= NEAR_KM
            if mention.event_date and mention.time_precision == 1:
                date_rated += 1
                date_right += start <= mention.event_date <= end
            if mention.fatalities:
                deaths_rated += 1
                deaths_ok += low <= mention.fatalities <= high
            else:
                zero_rated += 1
                zero_ok += low == 0
    return HeadlineReport(
        headlines=headlines,
        with_event=with_event,
        country_right=country / with_event if with_event else 0.0,
        place_rated=place_rated,
        place_within_km=place_near / place_rated if place_rated else 0.0,
        date_rated=date_rated,
        date_right=date_right / date_rated if date_rated else 0.0,
        deaths_rated=deaths_rated,
        deaths_in_range=deaths_ok / deaths_rated if deaths_rated else 0.0,
        zero_deaths_ok=zero_ok / zero_rated if zero_rated else 0.0,
    )


# ---------------------------------------------------------------- gazetteer self-check


@dataclass
class SelfCheckReport:
    names: int
    names_within_km: float
    alternates: int
    alternates_within_km: float
    variants: int  # ASCII spellings with the accents and doubled letters a reporter drops
    variants_within_km: float


def gazetteer_self_check(data_dir: Path, resources: Resources, per_country: int = 400) -> SelfCheckReport:
    """Look up held-out GeoNames populated places by name, by alternate name and by a plain
    spelling variant, with their country as hint; a hit is the first candidate within NEAR_KM."""
    gazetteer = resources.gazetteer
    tallies = {kind: [0, 0] for kind in ("name", "alternate", "variant")}
    for iso2, iso3 in (("ML", "MLI"), ("BF", "BFA"), ("NE", "NER")):
        taken = 0
        with open(data_dir / GEONAMES_DIR / f"{iso2}.txt", encoding="utf-8") as handle:
            for line in handle:
                f = line.rstrip("\n").split("\t")
                if len(f) < 15 or f[6] != "P" or not f[0].endswith(SELF_CHECK_DIGIT):
                    continue
                taken += 1
                if taken > per_country:
                    break
                lat, lon = float(f[4]), float(f[5])
                alternates = [a for a in f[3].split(",") if a and normalize_name(a) != normalize_name(f[1]) and not re.search(r"\d", a)]
                queries = [("name", f[1])]
                if alternates:
                    queries.append(("alternate", alternates[0]))
                variant = _plain_variant(f[1])
                if variant != f[1]:
                    queries.append(("variant", variant))
                for kind, query in queries:
                    tallies[kind][0] += 1
                    best = gazetteer.geocode(query, iso3).best
                    if best and best.place.latitude is not None and distance_km(best.place.latitude, best.place.longitude, lat, lon) <= NEAR_KM:
                        tallies[kind][1] += 1
    rate = lambda kind: tallies[kind][1] / tallies[kind][0] if tallies[kind][0] else 0.0  # noqa: E731
    return SelfCheckReport(
        names=tallies["name"][0], names_within_km=rate("name"),
        alternates=tallies["alternate"][0], alternates_within_km=rate("alternate"),
        variants=tallies["variant"][0], variants_within_km=rate("variant"),
    )


def _plain_variant(name: str) -> str:
    """How an English wire often writes a Sahel name: no accents, no doubled letters, 'ou' kept."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"([a-z])\1", r"\1", plain)


def require_data(data_dir: Path) -> None:
    if not (data_dir / CASE_DIR / "dev.tsv").is_file():
        raise MissingResourceError(f"{data_dir}: no {CASE_DIR}/dev.tsv here; pass the shared data folder (../shared/data)")


# ---------------------------------------------------------------- all checks, one table


@dataclass
class QualityReport:
    case_rules: CaseReport  # each snippet alone
    case: CaseReport  # rules + type model, cross-validated, each snippet alone
    case_rules_batch: CaseReport  # all snippets in one `sitreps extract` run
    case_batch: CaseReport  # cross-validated, each fold's snippets in one run
    geocode: GeocodeReport
    headlines: HeadlineReport
    self_check: SelfCheckReport


def quality(data_dir: Path, resources: Resources) -> QualityReport:
    """Every check above on ``data_dir`` (the shared data folder)."""
    require_data(data_dir)
    cross_validated = "cross-validated" if resources.settings.type_model else "rules"
    return QualityReport(
        case_rules=case_scores(data_dir, resources, model="rules"),
        case=case_scores(data_dir, resources, model=cross_validated),
        case_rules_batch=case_scores(data_dir, resources, model="rules", batch=True),
        case_batch=case_scores(data_dir, resources, model=cross_validated, batch=True),
        geocode=ucdp_geocode_scores(data_dir, resources),
        headlines=ucdp_headline_scores(data_dir, resources),
        self_check=gazetteer_self_check(data_dir, resources),
    )


def read_otherwise(alone: CaseReport, together: CaseReport) -> str:
    """How many snippets one run reads otherwise than alone: in all, then those left with no
    event (dropped by the reader, or no event found) and those given another type (fusion with
    another snippet, a fused event's type), as ``41 (29 no event, 12 another type)``."""
    predicted_alone = {row_id: predicted for row_id, _, predicted in alone.predictions}
    changed = [predicted for row_id, _, predicted in together.predictions if predicted_alone.get(row_id) != predicted]
    silent = sum(1 for predicted in changed if predicted == NO_EVENT)
    return f"{len(changed)} ({silent} no event, {len(changed) - silent} another type)"


def format_quality(report: QualityReport) -> str:
    """The report as the markdown tables docs/benchmarks.md keeps."""
    case, rules, geo, head, check = report.case, report.case_rules, report.geocode, report.headlines, report.self_check
    batch, rules_batch = report.case_batch, report.case_rules_batch
    pct = lambda x: f"{100 * x:.1f}%"  # noqa: E731
    lines = [
        "| check | rules only | rules + type model (5-fold CV) | target | anchor |",
        "|---|---|---|---|---|",
        f"| CASE 2021 dev: weighted F1, 25 ACLED classes ({case.acled_snippets} snippets; no event = wrong) "
        f"| {rules.weighted_f1:.3f} | {case.weighted_f1:.3f} | ≥ 0.80 | best shared-task system 0.839 |",
        f"| CASE: first event has the gold sub-event type | {pct(rules.accuracy)} | {pct(case.accuracy)} | | |",
        f"| CASE: ACLED snippets yielding no event | {pct(rules.no_event_share)} | {pct(case.no_event_share)} | | |",
        f"| CASE: non-ACLED snippets yielding no event ({case.non_acled_snippets}) "
        f"| {pct(rules.non_acled_silent)} | {pct(case.non_acled_silent)} | ≥ 70% | |",
        f"| CASE: all snippets in one `sitreps extract` run (CV: one run per fold): weighted F1 "
        f"| {rules_batch.weighted_f1:.3f} | {batch.weighted_f1:.3f} | ≥ 0.80 | |",
        f"| CASE, one run: first event has the gold sub-event type | {pct(rules_batch.accuracy)} | {pct(batch.accuracy)} | | |",
        f"| CASE, one run: non-ACLED snippets yielding no event | {pct(rules_batch.non_acled_silent)} | {pct(batch.non_acled_silent)} | | |",
        f"| CASE, one run: snippets read otherwise than alone (of {case.snippets}) "
        f"| {read_otherwise(rules, rules_batch)} | {read_otherwise(case, batch)} | | |",
        "",
        "| check | figure | target | anchor |",
        "|---|---|---|---|",
        f"| UCDP GED Burkina Faso: place description geocoded within {NEAR_KM:.0f} km ({geo.descriptions} events, where_prec 1-2) "
        f"| {pct(geo.within_km)} | ≥ 85% | Mordecai 3: within 161 km 83-98% |",
        f"| UCDP: right admin1 ({geo.admin1_rated} events with one) | {pct(geo.admin1_right)} | ≥ 90% | |",
        f"| UCDP headlines: yield an event ({head.headlines} descriptive headlines) | {pct(head.with_event / head.headlines if head.headlines else 0)} | | |",
        f"| UCDP headlines: right country (of events) | {pct(head.country_right)} | | Mordecai 3: 97-99% |",
        f"| UCDP headlines: place within {NEAR_KM:.0f} km ({head.place_rated} placed below the country) | {pct(head.place_within_km)} | | GDELT audit: place 75% |",
        f"| UCDP headlines: date inside UCDP's dates ({head.date_rated} day-precise) | {pct(head.date_right)} | ≥ 85% | |",
        f"| UCDP headlines: deaths inside UCDP's low-high ({head.deaths_rated} with a toll) | {pct(head.deaths_in_range)} | | |",
        f"| Gazetteer self-check, held-out GeoNames names ({check.names}) | {pct(check.names_within_km)} | | |",
        f"| Gazetteer self-check, alternate spellings ({check.alternates}) | {pct(check.alternates_within_km)} | | |",
        f"| Gazetteer self-check, plain ASCII variants ({check.variants}) | {pct(check.variants_within_km)} | | |",
        "",
        "Per class (rules + type model, cross-validated):",
        "",
        "| sub-event type | snippets | precision | recall | F1 |",
        "|---|---|---|---|---|",
        *(f"| {c.label} | {c.support} | {c.precision:.2f} | {c.recall:.2f} | {c.f1:.2f} |" for c in case.per_class),
        "",
        "Top confusions (gold → first event): " + "; ".join(f"{g} → {p} ({n})" for g, p, n in case.confusions[:8]) + ".",
    ]
    return "\n".join(lines)
