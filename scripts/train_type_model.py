"""Train the packaged sub-event type model, src/sitreps/data/type_model.json.gz.

Data: the CASE 2021 task 2 dev snippets in ../shared/data/case2021_task2 (the even half of the
shared task's labelled test set; the odd half is never read). Figures for this model on these
snippets are only ever reported cross-validated: see `python bench/quality.py`.

    pip install -c constraints.txt -e ".[dev]"      # scikit-learn
    python scripts/train_type_model.py --shared ../shared/data

Deterministic: the same data give byte-identical weights.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sitreps.evaluate import read_case
from sitreps.extract.typemodel import MODEL_FILE, save_type_model, train_type_model

OUT = Path(__file__).resolve().parent.parent / "src" / "sitreps" / "data" / MODEL_FILE


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, required=True, help="the shared data folder (../shared/data)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = read_case(args.shared)
    model = train_type_model([text for _, text, _ in rows], [gold for _, _, gold in rows])
    save_type_model(model, args.out)
    print(f"{args.out}: {len(rows)} snippets, {len(model.classes)} classes, {len(model.vocabulary)} features, "
          f"{args.out.stat().st_size / 1e3:.0f} kB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
