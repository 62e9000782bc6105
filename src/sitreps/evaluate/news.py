"""Extraction and fusion measured on real news pages: news_dev and fusion_dev in ../shared/data.

The matching is the project's scorers' own (../shared/tools/score_news.py and score_fusion.py,
loaded from beside the data folder, never copied): a predicted event matches a gold event of its
page when country, type (or an accepted alternative), date (within the gold precision's window)
and place or an actor agree, each gold event taking at most one prediction.

- ``news_scores``: every excerpt of news_dev in one ``sitreps extract`` run (the same
  ``api.run_paths`` the command calls); precision, recall and F1, per-field accuracy on matched
  events, and the error counts (double-counted, from period statistics, from no-event pages).
- ``fusion_scores``: every page of fusion_dev ingested into one fresh store, then the stored
  events; pairwise fusion precision and recall, incidents that end as one event, look-alikes
  merged.
"""

from __future__ import annotations

import importlib.util
import json
import tempfile
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from types import ModuleType

from ..errors import MissingResourceError
from ..resources import Resources

NEWS_DIR = "news_dev"
FUSION_DIR = "fusion_dev"
FIELDS = ("sub_event_type", "actor1", "place", "admin1", "fatalities_exact", "fatalities_tolerant", "date_exact", "civilian_targeting")


@dataclass
class NewsReport:
    excerpts: int
    gold_events: int  # required (not optional) gold events
    predicted: int
    matched: int
    precision: float
    recall: float
    f1: float
    main_recall: tuple[int, int]  # (found, total) of the gold events that are the page's news
    double_counted: int
    from_statistics: int
    from_no_event_pages: int
    fields: dict[str, tuple[int, int]]  # name -> (right, rated)
    missed: list[tuple[str, str, str, str]] = field(default_factory=list)  # (excerpt, date, type, place)


@dataclass
class FusionReport:
    pages: int
    gold_page_events: int
    matched_page_events: int
    pair_precision: float
    pair_recall: float
    pair_f1: float
    clusters_as_one: tuple[int, int]
    lookalikes_merged: int
    predicted: int


def load_scorer(data_dir: Path, name: str) -> ModuleType:
    """A scorer of ../shared/tools (beside the data folder), loaded as a module."""
    path = data_dir.parent / "tools" / f"{name}.py"
    if not path.is_file():
        raise MissingResourceError(f"{path}: the scorer is missing; pass the shared data folder that has ../tools beside it")
    spec = importlib.util.spec_from_file_location(f"sitreps_scorer_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_pages(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _write_input(pages: list[dict], out: Path, scorer: ModuleType) -> None:
    """The pages as sitreps JSONL input, the way the scorer's make-input writes them."""
    source = out.with_suffix(".corpus.jsonl")
    source.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pages), encoding="utf-8")
    scorer.make_input(str(source), str(out))
    source.unlink()


def _by_document(events: list[dict]) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for event in events:
        for document in {str(s.get("document")) for s in event.get("sources") or []}:
            found.setdefault(document, []).append(event)
    return found


def news_scores(data_dir: Path, resources: Resources) -> NewsReport:
    from .. import api

    scorer = load_scorer(data_dir, "score_news")
    items = read_pages(data_dir / NEWS_DIR / "corpus.jsonl")
    with tempfile.TemporaryDirectory(prefix="sitreps-news-") as work:
        records = Path(work) / "in.jsonl"
        _write_input(items, records, scorer)
        result = api.run_paths([records], resources=resources)
    events = [e.to_dict() for e in result.events]
    # Sources name the record id as their document (JSONL records are documents of their own).
    return score_news(items, _by_document(events), scorer)


def score_news(items: list[dict], preds_by: dict[str, list[dict]], scorer: ModuleType) -> NewsReport:
    """The scorer's matching over every excerpt, tallied as its report does."""
    compat, quality, fold = scorer.compat, scorer.quality, scorer.fold
    fields = {name: [0, 0] for name in FIELDS}
    predicted = matched = double = statistics = negatives = 0
    core = core_hit = main = main_hit = 0
    missed = []
    for item in items:
        preds, golds = preds_by.get(item["id"], []), item["events"]
        predicted += len(preds)
        pairs = sorted(
            ((quality(p, g) - 0.5 * bool(g.get("optional")), gi, pi) for gi, g in enumerate(golds) for pi, p in enumerate(preds) if compat(p, g)),
            reverse=True,
        )
        used: dict[int, int] = {}
        for _, gi, pi in pairs:
            if pi not in used and gi not in used.values():
                used[pi] = gi
        for gi, gold in enumerate(golds):
            if gold.get("optional"):
                continue
            core += 1
            main += not gold.get("background")
            if gi in used.values():
                core_hit += 1
                main_hit += not gold.get("background")
            elif not gold.get("background"):
                missed.append((item["id"], str(gold.get("event_date")), gold["sub_event_type"], str(gold.get("location"))))
        matched += len(used)
        for pi, pred in enumerate(preds):
            if pi in used:
                _rate_fields(fields, pred, golds[used[pi]], scorer)
                continue
            double += any(compat(pred, golds[gi]) for gi in used.values())
            evidence = fold(" ".join(str(s.get("evidence") or "") for s in pred.get("sources") or []))
            statistics += any(fold(n["text"])[:60] in evidence for n in item.get("not_events") or [])
            negatives += not golds
    precision = matched / predicted if predicted else 0.0
    recall = core_hit / core if core else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return NewsReport(
        excerpts=len(items), gold_events=core, predicted=predicted, matched=matched, precision=precision, recall=recall,
        f1=f1, main_recall=(main_hit, main), double_counted=double, from_statistics=statistics,
        from_no_event_pages=negatives, fields={k: (v[0], v[1]) for k, v in fields.items()}, missed=missed,
    )


def _rate_fields(fields: dict[str, list[int]], pred: dict, gold: dict, scorer: ModuleType) -> None:
    fold, words = scorer.fold, scorer.words
    types = {(gold["event_type"], gold["sub_event_type"])} | {tuple(x) for x in gold.get("acceptable_alternatives") or []}
    _tally(fields, "sub_event_type", pred.get("sub_event_type") in {s for _, s in types})
    wanted = scorer.gold_actor_words({"actor1": gold.get("actor1")})
    if wanted:
        _tally(fields, "actor1", bool(wanted & words(pred.get("actor1")) or wanted & words(pred.get("actor2"))))
    if gold.get("location"):
        _tally(fields, "place", scorer.place_match(pred, {"location": gold["location"]}))
    if gold.get("admin1"):
        got = pred.get("admin1")
        _tally(fields, "admin1", bool(got) and (fold(gold["admin1"]) in fold(got) or fold(got) in fold(gold["admin1"])))
    low, high = gold.get("fatalities_low"), gold.get("fatalities_high")
    if low is not None:
        count = int(pred.get("fatalities") or 0)
        _tally(fields, "fatalities_exact", count == low)
        top = high if high is not None else max(low * 1.5, low + 2)
        _tally(fields, "fatalities_tolerant", (low * 0.5 if high is None else low) <= count <= top)
    if gold.get("time_precision") == 1 and gold.get("event_date"):
        _tally(fields, "date_exact", str(pred.get("event_date")) == gold["event_date"])
    if gold.get("civilian_targeting") is not None:
        _tally(fields, "civilian_targeting", bool(pred.get("civilian_targeting")) == bool(gold["civilian_targeting"]))


def _tally(fields: dict[str, list[int]], name: str, right: bool) -> None:
    fields[name][0] += bool(right)
    fields[name][1] += 1


def fusion_scores(data_dir: Path, resources: Resources) -> FusionReport:
    """fusion_dev ingested page by page into one fresh store, scored on the stored events."""
    from .. import api

    scorer = load_scorer(data_dir, "score_news")
    pages = read_pages(data_dir / FUSION_DIR / "pages.jsonl")
    clusters = json.loads((data_dir / FUSION_DIR / "clusters.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="sitreps-fusion-") as work:
        records = Path(work) / "in.jsonl"
        _write_input(pages, records, scorer)
        db = Path(work) / "fusion.duckdb"
        api.ingest_paths([records], db=db, resources=resources)
        events = [e.to_dict() for e in api.events(db=db, settings=resources.settings)]
    return score_fusion(events, pages, clusters, scorer)


def score_fusion(events: list[dict], pages: list[dict], clusters: list[dict], scorer: ModuleType) -> FusionReport:
    """score_fusion.py's measure: gold page-events matched one to one within their page, then
    pairs of page-events of different pages, fused or not, against same incident or not."""
    compat, quality = scorer.compat, scorer.quality
    by_doc: dict[str, set[int]] = {}
    for i, event in enumerate(events):
        for source in event.get("sources") or []:
            by_doc.setdefault(str(source.get("document")), set()).add(i)
    assigned: dict[tuple[str, int], int] = {}
    gold: list[tuple[str, int, str]] = []
    for page in pages:
        candidates = by_doc.get(page["id"], set())
        pairs = sorted(((quality(events[i], g), k, i) for k, g in enumerate(page["events"]) for i in candidates if compat(events[i], g)), reverse=True)
        used_events, used_gold = set(), set()
        for _, k, i in pairs:
            if i not in used_events and k not in used_gold:
                assigned[(page["id"], k)] = i
                used_events.add(i)
                used_gold.add(k)
        gold += [(page["id"], k, g["cluster"]) for k, g in enumerate(page["events"])]
    same = fused = both = 0
    for (page_a, k_a, cluster_a), (page_b, k_b, cluster_b) in combinations(gold, 2):
        if page_a == page_b:
            continue
        is_same = cluster_a == cluster_b
        event_a, event_b = assigned.get((page_a, k_a)), assigned.get((page_b, k_b))
        is_fused = event_a is not None and event_a == event_b
        same += is_same
        fused += is_fused
        both += is_same and is_fused
    precision = both / fused if fused else 0.0
    recall = both / same if same else 0.0
    mains = [c for c in clusters if c["cluster"].startswith("C")]
    as_one = 0
    for cluster in mains:
        found = [assigned.get((p, k)) for p, k, c in gold if c == cluster["cluster"]]
        as_one += bool(found) and None not in found and len(set(found)) == 1
    merged = 0
    for cluster in clusters:
        other = cluster.get("lookalike_of")
        if not other:
            continue
        mine = {assigned.get((p, k)) for p, k, c in gold if c == cluster["cluster"]} - {None}
        theirs = {assigned.get((p, k)) for p, k, c in gold if c == other} - {None}
        merged += bool(mine & theirs)
    return FusionReport(
        pages=len(pages), gold_page_events=len(gold), matched_page_events=len(assigned), pair_precision=precision,
        pair_recall=recall, pair_f1=2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        clusters_as_one=(as_one, len(mains)), lookalikes_merged=merged, predicted=len(events),
    )


def format_news(report: NewsReport, fusion: FusionReport | None = None) -> str:
    """The reports as the markdown docs/benchmarks.md keeps."""
    pct = lambda right, rated: f"{right}/{rated} = {100 * right / rated:.0f}%" if rated else "n/a"  # noqa: E731
    lines = [
        "| news_dev (real excerpts, one `sitreps extract` run) | figure | target (issue 11) |",
        "|---|---|---|",
        f"| event F1 (P / R) | **{report.f1:.3f}** ({report.precision:.3f} / {report.recall:.3f}) | ≥ 0.75 |",
        f"| main events found | {report.main_recall[0]}/{report.main_recall[1]} | |",
        f"| events predicted / matched | {report.predicted} / {report.matched} | |",
        f"| double-counted inside one article | {report.double_counted} ({100 * report.double_counted / max(report.predicted, 1):.1f}% of output) | ≤ 2% |",
        f"| events from period statistics / from no-event pages | {report.from_statistics} / {report.from_no_event_pages} | ≤ 2 / ≤ 2 |",
        *(f"| {name.replace('_', ' ')} (matched events) | {pct(*report.fields[name])} | {_FIELD_TARGETS.get(name, '')} |" for name in FIELDS),
    ]
    if fusion is not None:
        lines += [
            "",
            "| fusion_dev (real pages, one store) | figure | target (issue 11) |",
            "|---|---|---|",
            f"| incidents that end as one event | {fusion.clusters_as_one[0]} of {fusion.clusters_as_one[1]} | ≥ 75% |",
            f"| pairwise fusion F1 (P / R) | {fusion.pair_f1:.3f} ({fusion.pair_precision:.3f} / {fusion.pair_recall:.3f}) | |",
            f"| look-alike pairs merged | {fusion.lookalikes_merged} | 0 |",
            f"| gold page-events matched | {fusion.matched_page_events}/{fusion.gold_page_events} | |",
        ]
    return "\n".join(lines)


_FIELD_TARGETS = {"place": "≥ 70%", "fatalities_tolerant": "≥ 80%", "actor1": "≥ 85%", "date_exact": "≥ 90%"}
