"""Benchmark: a pack of a dossier with a field of a million characters (issue 21, "Any text lays out").

Usage: python bench/long_text.py [--chars 1000000] [--runs 1] [--limit 10]

A copy of the Arnhem–Wuhan demo dossier (one motion) gets three long fields, one per way text can be long:
  - one motion's title: `--chars` characters with no space at all (a word that must be broken anywhere,
    shown in a table cell, a heading and the contents);
  - the motion's considerations: `--chars` characters of words (a paragraph split across pages);
  - a new note's text: `--chars` characters, words and paragraph breaks mixed.
Every pack section is included, internal items too (notes are internal). Each format is made by
`raadsdossier pack` in a fresh process, the way a griffie's batch runs it. Each figure is the
median of --runs runs; exits 1 when a pack takes more than --limit seconds.
"""

from __future__ import annotations

import argparse
import json
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
WORDS = ("stedenband", "mensenrechten", "de", "raad", "motie", "college", "van", "het", "Wuhan", "overweegt")


def words(chars: int, breaks: bool = False) -> str:
    out, size, index = [], 0, 0
    while size < chars:
        word = WORDS[index % len(WORDS)]
        out.append(word)
        size += len(word) + 1
        index += 1
        if breaks and index % 400 == 0:
            out.append("\n\n")
    return " ".join(out)[:chars]


def prepare(target: Path, chars: int) -> None:
    """The demo dossier at `target` with the three long fields."""
    from sqlalchemy import select

    from raadsdossier.domain.models import Motion, Note
    from raadsdossier.storage.dossier import Dossier

    shutil.copyfile(DEMO, target)
    with Dossier.open(target) as dossier, dossier.transaction() as session:
        motions = session.scalars(select(Motion).order_by(Motion.id)).all()
        motions[0].title = ("mensenrechtenstedenband" * (chars // 23 + 1))[:chars]
        motions[0].considerations = words(chars)
        session.add(Note(title="Lange notitie", body=words(chars, breaks=True)))


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, timeout=600)
    return time.perf_counter() - start


def measure(chars: int, runs: int, workdir: Path) -> dict:
    dossier = workdir / "lang.raadsdossier"
    prepare(dossier, chars)
    results: dict = {"chars": chars}
    for fmt in ("pdf", "docx"):
        out = workdir / f"pack.{fmt}"
        command = [sys.executable, "-m", "raadsdossier", "pack", str(dossier), "-o", str(out),
                   "--include", "internal"]
        results[f"{fmt}_s"] = statistics.median(timed(command) for _ in range(runs))
        results[f"{fmt}_bytes"] = out.stat().st_size
    from pypdf import PdfReader

    results["pdf_pages"] = len(PdfReader(str(workdir / "pack.pdf")).pages)
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--limit", type=float, default=10.0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        results = measure(args.chars, args.runs, Path(tmp))
    for key, value in results.items():
        print(f"{key:>10}: {value:.2f}" if isinstance(value, float) else f"{key:>10}: {value}")
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "long_text.json").write_text(json.dumps(results, indent=2))
    ok = results["pdf_s"] <= args.limit and results["docx_s"] <= args.limit
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
