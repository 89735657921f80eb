"""Benchmark: the motion tracker over a library of 20 dossiers of 10,000 items each.

Usage: python bench/tracker.py [--dossiers 20] [--items 10000] [--runs 5]
Each dossier is the generated one (bench/generate.py, seeds 1..N) under a Dutch side of its own, with a
follow-up on every third adopted motion (one in four of those past its deadline and unsettled, so overdue),
built once and cached in bench/.cache. Figures (issue 17), each the median of --runs runs:
- list: services.library.open_library over the folder plus track() of every motion (everything the tracker
  shows: votes with their choices, follow-ups), target <= 1 s;
- filter by party, and by follow-up "overdue", on the library read: target <= 200 ms each;
- baseline, in the same run: each dossier opened read-only (Dossier.open) and its motions counted with one query.
Prints a table and writes bench/results/tracker.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

VERSION = 1  # bump when the library's content changes: the cached folder carries it in its name
TARGETS = {"list_s": 1.0, "filter_party_s": 0.2, "filter_overdue_s": 0.2}


def library_document(items: int, seed: int) -> dict:
    """The generated document of `items` items under a Dutch side of its own, with follow-ups."""
    from generate import document

    doc = document(items, seed)
    doc["partnership"]["dutch_side"] = f"Benchstad {seed}"
    adopted = [motion for motion in doc["motions"] if motion["status"] == "adopted"]
    for index, motion in enumerate(adopted[::3]):
        overdue = index % 4 == 0
        motion["follow_up"] = {
            "state": "in_progress" if overdue else ("done", "not_started", "unknown")[index % 3],
            "deadline": "2020-06-30" if overdue else "2030-06-30",
            "entries": [{"date": motion["date"], "text": "Het college zegt een evaluatie toe.", "evidence_ids": []}]}
    return doc


def library_folder(dossiers: int, items: int) -> Path:
    """The folder of the library, built once under bench/.cache (read-only: shared by every run). Its name carries
    the schema: a dossier of an older one would be read from an upgraded copy, inside the timings."""
    from generate import CACHE

    from raadsdossier.services.dossiers import create_from_document
    from raadsdossier.storage.migrations import head_revision

    folder = CACHE / f"tracker-v{VERSION}-schema{head_revision()}-{dossiers}x{items}"
    folder.mkdir(parents=True, exist_ok=True)
    for seed in range(1, dossiers + 1):
        path = folder / f"benchstad-{seed:02}.raadsdossier"
        if not path.exists():
            create_from_document(path, library_document(items, seed), "bench")
    return folder


def baseline(folder: Path) -> int:
    """Each dossier opened read-only and its motions counted with one query: the least a tracker must do."""
    from raadsdossier.storage.dossier import Dossier

    total = 0
    for path in sorted(folder.glob("*.raadsdossier")):
        with Dossier.open(path, read_only=True, verify=False) as dossier, dossier.connection() as connection:
            total += connection.execute("SELECT count(*) FROM motions").fetchone()[0]
    return total


def measure(dossiers: int, items: int, runs: int) -> dict:
    from pack import timed

    from raadsdossier.services.library import MotionFilter, open_library, track

    folder = library_folder(dossiers, items)
    motions = baseline(folder)  # once untimed: the files are in the page cache for every figure alike
    times = []
    for _ in range(runs):
        library = rows = None  # the last run's library is freed before the clock starts, not inside the figure
        start = time.perf_counter()
        library = open_library([folder])
        rows = track(library).motions
        times.append(time.perf_counter() - start)
    by_party, overdue = MotionFilter(party="GroenLinks"), MotionFilter(follow_up="overdue")
    return {
        "dossiers": dossiers, "items": items, "motions": motions, "listed": len(rows),
        "votes": sum(len(row["votes"]) for row in rows),
        "baseline_open_and_count_s": timed(lambda: baseline(folder), runs),
        "list_s": statistics.median(times),
        "filter_party_s": timed(lambda: track(library, by_party), runs),
        "party_motions": len(track(library, by_party).motions),
        "filter_overdue_s": timed(lambda: track(library, overdue), runs),
        "overdue_motions": len(track(library, overdue).motions),
    }


def measure_library(dossiers: int, runs: int, workdir: Path) -> dict:
    """As bench/run.py calls it (in a fresh process: bench/run.py --only tracker): `dossiers` of 10,000 items, with
    an app folder of its own in `workdir` (the party equivalences of whoever runs it play no part)."""
    os.environ["RAADSDOSSIER_HOME"] = str(workdir / "tracker-home")
    return measure(dossiers, 10_000, runs)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=20)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as home:
        os.environ["RAADSDOSSIER_HOME"] = home  # (as measure_library)
        results = measure(args.dossiers, args.items, args.runs)
    for key, value in results.items():
        print(f"{key:>28}: {value:.3f}" if isinstance(value, float) else f"{key:>28}: {value}")
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "tracker.json").write_text(json.dumps(results, indent=2))
    missed = [key for key, limit in TARGETS.items() if results[key] > limit]
    print("targets met" if not missed else f"TARGET MISSED: {', '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
