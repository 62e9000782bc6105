"""Throughput benchmark: `sitreps extract` against spaCy parsing the same texts, in one run.

Generates a corpus of synthetic news pages (bench/corpus.py), then times, as separate child
processes measured the same way (wall time from process start, peak resident memory from
wait4), two jobs over the same articles:

  sitreps   `sitreps extract corpus.jsonl -o events.jsonl` (the whole pipeline: reading,
            cleaning, splitting, extraction, resolution, fusion, writing)
  spacy     the same story texts (after sitreps' cleaning, which is not timed) through
            `nlp.pipe` with the full pipeline of the same spaCy model per language

The ratio sitreps/spacy is the figure reported (target <= 0.6, issue 11). With --write-docs the table
replaces the throughput block of docs/benchmarks.md.

    python bench/throughput.py --articles 500 --repeat 2 --write-docs
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Issue 11: the whole pipeline in at most 0.6 of the time spaCy's full pipeline takes.
TARGET_RATIO = 0.6
sys.path.insert(0, str(ROOT / "bench"))

from docblock import replace_block  # noqa: E402

SPACY_CHILD = r"""
import json, sys, spacy
from sitreps.config import load_settings
from sitreps import ingest
from sitreps.resources import SPACY_MODELS
path = sys.argv[1]
settings = load_settings()
texts = {}
for document in ingest.read_path(path, settings):
    for article in ingest.articles_of(document, settings, None):
        if hasattr(article, "text"):
            texts.setdefault(article.language, []).append(article.text)
sys.stdout.write("READY\n"); sys.stdout.flush()
sys.stdin.readline()  # the parent starts its clock here: text preparation is not timed
words = 0
for language, batch in sorted(texts.items()):
    nlp = spacy.load(SPACY_MODELS.get(language, SPACY_MODELS["en"]))
    for doc in nlp.pipe(batch, batch_size=64):
        words += len(doc)
print(json.dumps({"articles": sum(map(len, texts.values())), "tokens": words}))
"""


def run_child(args: list[str], wait_for_ready: bool = False) -> dict:
    """Run a child; return wall seconds, peak RSS (MB) and its JSON output, if any."""
    process = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if wait_for_ready:
        line = process.stdout.readline()
        if line.strip() != "READY":
            raise RuntimeError(f"child did not start: {line!r} {process.stderr.read()}")
    start = time.perf_counter()
    if wait_for_ready:
        process.stdin.write("go\n")
        process.stdin.flush()
    process.stdin.close()
    out = process.stdout.read()
    err = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 5):
        raise RuntimeError(f"{args[:3]} exited {process.returncode}: {err[-2000:]}")
    data = json.loads(out.strip().splitlines()[-1]) if out.strip().startswith("{") or "\n{" in out else {}
    return {"seconds": seconds, "peak_mb": usage.ru_maxrss / 1024, **data}


def measure(articles: int, seed: int, repeat: int) -> dict:
    import corpus

    with tempfile.TemporaryDirectory() as tmp:
        corpus_path = Path(tmp) / "corpus.jsonl"
        corpus.write_jsonl(corpus_path, articles, seed)
        sitreps_bin = str(Path(sys.executable).with_name("sitreps"))
        env_args = [sitreps_bin, "extract", str(corpus_path), "-o", str(Path(tmp) / "events.jsonl")]
        runs = {"sitreps": [], "spacy": []}
        for _ in range(repeat):  # interleaved, so both sides see the same machine load
            runs["sitreps"].append(run_child(env_args))
            runs["spacy"].append(run_child([sys.executable, "-c", SPACY_CHILD, str(corpus_path)], wait_for_ready=True))
        events = sum(1 for _ in open(Path(tmp) / "events.jsonl", encoding="utf-8"))
    best = {name: min(r, key=lambda x: x["seconds"]) for name, r in runs.items()}
    stories = best["spacy"]["articles"]
    return {
        "documents": articles,
        "stories": stories,
        "tokens": best["spacy"]["tokens"],
        "events": events,
        "seed": seed,
        "repeat": repeat,
        "sitreps_seconds": round(best["sitreps"]["seconds"], 2),
        "spacy_seconds": round(best["spacy"]["seconds"], 2),
        "sitreps_docs_per_s": round(articles / best["sitreps"]["seconds"], 1),
        "spacy_docs_per_s": round(articles / best["spacy"]["seconds"], 1),
        "sitreps_peak_mb": round(max(r["peak_mb"] for r in runs["sitreps"])),
        "spacy_peak_mb": round(max(r["peak_mb"] for r in runs["spacy"])),
        "ratio": round(best["sitreps"]["seconds"] / best["spacy"]["seconds"], 3),
    }


def table(result: dict) -> str:
    return "\n".join(
        [
            "| job | wall time (s) | documents/s | peak memory (MB) |",
            "|---|---|---|---|",
            f"| `sitreps extract` (whole pipeline) | {result['sitreps_seconds']} | {result['sitreps_docs_per_s']} | {result['sitreps_peak_mb']} |",
            f"| spaCy `nlp.pipe`, full pipeline, same texts | {result['spacy_seconds']} | {result['spacy_docs_per_s']} | {result['spacy_peak_mb']} |",
            "",
            f"**Time ratio sitreps / spaCy: {result['ratio']}** (target ≤ 0.6). "
            f"{result['documents']} generated documents ({result['stories']} stories, {result['tokens']:,} tokens, "
            f"seed {result['seed']}), best of {result['repeat']} interleaved runs, {result['events']} events written.",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()
    result = measure(args.articles, args.seed, args.repeat)
    text = table(result)
    print(text)
    print(json.dumps(result))
    if args.write_docs:
        replace_block("throughput", text)
    if result["ratio"] > TARGET_RATIO:
        sys.exit(1)


if __name__ == "__main__":
    main()
