"""Regenerate tests/e2e/snapshots/samples_events.jsonl from a real `sitreps extract` run on the
shipped sample pages. Run it after an intended change in extraction quality, then review the diff:

    python tests/e2e/update_snapshot.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from e2e_cli import SNAPSHOT, jsonl, run_sitreps, sample_extract_args, snapshot_lines  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="sitreps-snapshot-") as workdir:
        proc = run_sitreps(sample_extract_args(), cwd=Path(workdir))
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        print(f"sitreps extract failed with exit code {proc.returncode}; snapshot not written", file=sys.stderr)
        return 1
    lines = snapshot_lines(jsonl(proc.stdout))
    SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    print(f"wrote {len(lines)} events to {SNAPSHOT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
