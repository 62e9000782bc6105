"""Extraction quality on real labelled data: CASE 2021 snippets, UCDP GED Burkina Faso, GeoNames.

What each figure means is in sitreps.evaluate (the same code `sitreps bench` runs). Needs the
shared data folder beside the repository (skips with a message when it is absent) and
scikit-learn for the cross-validated type model (installed with the dev extra).

    python bench/quality.py                 # table
    python bench/quality.py --write-docs    # also update docs/benchmarks.md
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from docblock import replace_block

from sitreps import evaluate
from sitreps.config import load_settings
from sitreps.resources import Resources

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED, help="the shared data folder (default ../shared/data)")
    parser.add_argument("--write-docs", action="store_true", help="write the table into docs/benchmarks.md")
    args = parser.parse_args()
    if not (args.data / evaluate.CASE_DIR / "dev.tsv").is_file():
        print(f"skipped: no labelled data at {args.data}", file=sys.stderr)
        return 0
    started = time.perf_counter()
    report = evaluate.quality(args.data, Resources(load_settings()))
    table = evaluate.format_quality(report)
    print(table)
    print(f"\n({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    if args.write_docs:
        replace_block("quality", table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
