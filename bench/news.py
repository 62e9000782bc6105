"""Extraction and fusion on real news pages: ../shared/data/news_dev and fusion_dev.

Scored with the project's scorers' own matching (../shared/tools/score_news.py and
score_fusion.py, loaded from beside the data); see sitreps.evaluate.news. Skips with a message
when the shared data folder is absent.

    python bench/news.py                # both tables
    python bench/news.py --missed       # also the main events not found
    python bench/news.py --write-docs   # also write them into docs/benchmarks.md
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from docblock import replace_block

from sitreps.config import load_settings
from sitreps.evaluate import news
from sitreps.resources import Resources

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED, help="the shared data folder (default ../shared/data)")
    parser.add_argument("--missed", action="store_true", help="list the main events not found")
    parser.add_argument("--write-docs", action="store_true", help="write the tables into docs/benchmarks.md")
    args = parser.parse_args()
    if not (args.data / news.NEWS_DIR / "corpus.jsonl").is_file() or not (args.data.parent / "tools" / "score_news.py").is_file():
        print(f"skipped: no news_dev corpus or scorer at {args.data}", file=sys.stderr)
        return 0
    started = time.perf_counter()
    resources = Resources(load_settings())
    report = news.news_scores(args.data, resources)
    fusion = news.fusion_scores(args.data, resources) if (args.data / news.FUSION_DIR / "pages.jsonl").is_file() else None
    table = news.format_news(report, fusion)
    print(table)
    if args.missed:
        for missed in report.missed:
            print("missed:", " | ".join(missed))
    print(f"\n({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    if args.write_docs:
        replace_block("news", table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
