"""Benchmark: how long `raadsdossier info` and `raadsdossier search` take on a demo dossier, from a fresh process.

Usage: python bench/cli_start.py [--runs 15] [--limit 1.3]

The baseline, measured in the same run: a bare Python process that imports `sqlalchemy.orm` and runs
one SQLite query on the same file. Each command runs `--runs` times in a fresh process, interleaved
with the baseline so that a busy moment of the machine hits all of them alike, with Python's bytecode
cache on (as an installed app has it; a cache of its own in bench/.cache/pycache, warmed by one run
not counted). Each figure is the median. Exits 1 when `info` or `search` takes more than --limit
times the baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEMO = REPO / "resources" / "demo" / "dossiers" / "arnhem-wuhan.raadsdossier"


def commands(dossier: Path) -> dict[str, list[str]]:
    python = sys.executable
    baseline = ("import sqlalchemy.orm, sqlite3, sys; "
                "sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM items').fetchall()")
    return {
        "baseline": [python, "-c", baseline, str(dossier)],
        "info": [python, "-m", "raadsdossier", "info", str(dossier)],
        "search": [python, "-m", "raadsdossier", "search", str(dossier), "wuhan motie"],
    }


def _env() -> dict:
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(HERE / ".cache" / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=_env(), timeout=120)
    return time.perf_counter() - start


def measure(runs: int, workdir: Path) -> dict:
    dossier = workdir / DEMO.name
    shutil.copyfile(DEMO, dossier)
    todo = commands(dossier)
    for command in todo.values():  # warm the bytecode cache and the file cache
        timed(command)
    times: dict[str, list[float]] = {name: [] for name in todo}
    for _run in range(runs):
        for name, command in todo.items():
            times[name].append(timed(command))
    medians = {f"{name}_s": statistics.median(values) for name, values in times.items()}
    for name in ("info", "search"):
        medians[f"{name}_ratio"] = medians[f"{name}_s"] / medians["baseline_s"]
    return medians


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--limit", type=float, default=1.3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="raadsdossier-cli-") as scratch:
        result = measure(args.runs, Path(scratch))
    print(json.dumps(result, indent=2))
    ok = all(result[f"{name}_ratio"] <= args.limit for name in ("info", "search"))
    for name in ("info", "search"):
        verdict = "PASS" if result[f"{name}_ratio"] <= args.limit else "MISS"
        print(f"{name}: {result[f'{name}_s']:.3f} s vs baseline {result['baseline_s']:.3f} s = "
              f"{result[f'{name}_ratio']:.2f}× (≤ {args.limit}×) {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
