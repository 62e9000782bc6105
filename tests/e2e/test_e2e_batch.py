"""`sitreps extract` on a batch of unrelated reports gives what each report gives alone (issue 11):
reports that share no precise place and day are never fused into one event."""

from __future__ import annotations

import json

from e2e_cli import jsonl, run_sitreps

from sitreps import api

# Written for this test: unrelated stories, several told without a town or a day of their own.
RECORDS = [
    {"id": "r1", "published": "2024-03-13", "text": "A suicide bomber blew himself up at a market on Monday, killing nine people, police said."},
    {"id": "r2", "published": "2024-03-13", "text": "Gunmen opened fire on worshippers at a mosque on Monday, killing four people, residents said."},
    {"id": "r3", "published": "2024-03-13", "text": "Soldiers clashed with JNIM fighters near Djibo on Monday, the army said, and 12 fighters were killed."},
    {"id": "r4", "published": "2024-03-13", "text": "Hundreds of students marched in the capital on Monday to demand unpaid grants."},
    {"id": "r5", "published": "2024-03-14", "text": "An improvised explosive device struck an army truck on the road to Arbinda on Monday, killing three soldiers."},
    {"id": "r6", "published": "2024-03-13", "text": "Armed men abducted a village chief and two teachers on Monday, local sources said."},
    # Two reports placed only in one country on one day: nothing says they are one event.
    {"id": "r7", "published": "2024-03-13", "text": "Gunmen killed five civilians in Burkina Faso on Monday, a security source said."},
    {"id": "r8", "published": "2024-03-13", "text": "Jihadists killed three herders in Burkina Faso on Monday, residents said."},
]


def _reading(events: list[dict], document: str) -> list[tuple]:
    return sorted(
        (e["sub_event_type"], e["event_date"], e["location"], e["fatalities"])
        for e in events if any(s["document"] == document for s in e["sources"])
    )


def test_extract_batch_equals_each_report_alone(tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    done = run_sitreps(["extract", batch, "--format", "jsonl"], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    together = jsonl(done.stdout)
    assert all(len({s["document"] for s in e["sources"]}) == 1 for e in together), "unrelated reports were fused"
    for record in RECORDS:
        alone = tmp_path / f"{record['id']}.jsonl"
        alone.write_text(json.dumps(record) + "\n", encoding="utf-8")
        by_itself = [e.to_dict() for e in api.extract_paths([alone])]
        assert _reading(together, record["id"]) == _reading(by_itself, record["id"]), record["id"]
        assert _reading(by_itself, record["id"]), f"{record['id']} gave no event"
