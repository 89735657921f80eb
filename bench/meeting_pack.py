"""Benchmark: one meeting pack over 4 dossiers of 1,000 items against the 4 packs of that meeting made one by one.

Usage: python bench/meeting_pack.py [--items 1000] [--dossiers 4] [--runs 3]
Each dossier is the generated one (bench/generate.py, seeds 1..N) with a council meeting of ten agenda items
added, every motion on one of them and every commitment at the meeting. Prints a table and writes
bench/results/meeting_pack.json. Target (issue 16): the meeting pack (PDF) within 1.2x the sum of the single
meeting packs (`pack --meeting REF FILE`, PDF, default sections) of the same dossiers.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

REFERENCE = "raad-bench"


def with_meeting(items: int, seed: int) -> dict:
    """The generated document of `items` items with a meeting that its motions and commitments belong to."""
    from generate import document

    doc = document(items, seed)
    meeting_id = f"{seed:08x}-0000-4000-8000-000000000000"
    agenda = [{"id": f"{seed:08x}-0000-4000-8000-0000000000{i:02}", "number": str(i), "title": f"Agendapunt {i}",
               "kind": "debate"} for i in range(1, 11)]
    doc.setdefault("meetings", []).append({"id": meeting_id, "reference": REFERENCE, "date": "2026-12-14",
                                           "body": "council", "title": "Raadsvergadering", "agenda_items": agenda})
    for index, motion in enumerate(doc.get("motions", [])):
        motion.update(meeting_id=meeting_id, agenda_item_id=agenda[index % len(agenda)]["id"])
    for commitment in doc.get("commitments", []):
        commitment["meeting_id"] = meeting_id
    return doc


def measure(items: int, dossiers: int, runs: int, workdir: Path) -> dict:
    from pack import timed

    from raadsdossier.export.build import PackOptions
    from raadsdossier.services.dossiers import create_from_document
    from raadsdossier.services.packs import make_meeting_pack, make_pack
    from raadsdossier.storage.dossier import Dossier

    paths = []
    for seed in range(1, dossiers + 1):
        path = workdir / f"dossier-{seed}.raadsdossier"
        create_from_document(path, with_meeting(items, seed), "bench")
        paths.append(path)
    options = PackOptions(meeting=REFERENCE)
    with ExitStack() as stack:
        opened = [stack.enter_context(Dossier.open(path, read_only=True)) for path in paths]
        singles = [timed(lambda d=d, i=i: make_pack(d, workdir / f"single-{i}.pdf", options), runs)
                   for i, d in enumerate(opened)]
        meeting = timed(lambda: make_meeting_pack(opened, workdir / "meeting.pdf", options), runs)
    from pypdf import PdfReader

    return {"items": items, "dossiers": dossiers, "single_packs_s": singles, "sum_single_s": sum(singles),
            "meeting_pack_s": meeting, "ratio": meeting / sum(singles),
            "meeting_pack_pages": len(PdfReader(str(workdir / "meeting.pdf")).pages)}


def measure_four(items: int, runs: int, workdir: Path) -> dict:
    """As bench/run.py calls it (bench/run.py --only meeting_pack): four dossiers."""
    return measure(items, 4, runs, workdir)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--dossiers", type=int, default=4)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        results = measure(args.items, args.dossiers, args.runs, Path(tmp))
    for key, value in results.items():
        print(f"{key:>20}: {value:.2f}" if isinstance(value, float) else f"{key:>20}: {value}")
    out = Path(__file__).resolve().parent / "results"
    out.mkdir(exist_ok=True)
    (out / "meeting_pack.json").write_text(json.dumps(results, indent=2))
    ok = results["ratio"] <= 1.2
    print("target met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
