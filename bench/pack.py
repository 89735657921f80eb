"""Benchmark: a pack for a 1,000-item dossier, PDF and DOCX, against a bare reportlab script.

Usage: python bench/pack.py [--items 1000] [--runs 3]
Prints a table and writes bench/results/pack.json. Target: each format < 5 s and the PDF
within 1.5x of bare reportlab laying out the same paragraphs and tables.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def bare_reportlab(pack, target: Path) -> None:
    """The same paragraphs and tables with plain reportlab: no cover, contents, header or fonts of ours."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table
    from xml.sax.saxutils import escape

    from raadsdossier.export import model

    styles = getSampleStyleSheet()
    story = []
    for block in pack.blocks:
        if isinstance(block, model.Heading):
            story.append(Paragraph(escape(block.text), styles["Heading1" if block.level == 1 else "Heading2"]))
        elif isinstance(block, model.Paragraph):
            story.append(Paragraph(escape(block.text), styles["BodyText"]))
        elif isinstance(block, (model.Table, model.Facts)):
            rows = [list(block.columns)] + [list(r) for r in block.rows] if isinstance(block, model.Table) else \
                [list(r) for r in block.rows]
            story.append(Table([[Paragraph(escape(c), styles["BodyText"]) for c in row] for row in rows]))
    SimpleDocTemplate(str(target), pagesize=A4).build(story)


def timed(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


SECTIONS = ("summary", "timeline", "motions", "question_sets", "college_notes", "costs_and_outcomes", "sources")


def measure(path: Path, runs: int, workdir: Path) -> dict:
    """Median seconds for our PDF, our DOCX and bare reportlab on the same blocks, for the dossier at `path`."""
    from pypdf import PdfReader

    from raadsdossier.export.build import PackOptions, build_pack
    from raadsdossier.services.packs import make_pack
    from raadsdossier.storage.dossier import Dossier

    with Dossier.open(path, read_only=True) as dossier:
        options = PackOptions(sections=SECTIONS)
        with dossier.session() as session:
            pack = build_pack(session, options)
        results = {
            "pdf_s": timed(lambda: make_pack(dossier, workdir / "p.pdf", options), runs),
            "docx_s": timed(lambda: make_pack(dossier, workdir / "p.docx", options), runs),
            "bare_reportlab_s": timed(lambda: bare_reportlab(pack, workdir / "bare.pdf"), runs),
        }
    results["pages"] = len(PdfReader(str(workdir / "p.pdf")).pages)
    results["pdf_vs_bare"] = results["pdf_s"] / results["bare_reportlab_s"]
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    from generate import cached

    with tempfile.TemporaryDirectory() as tmp:
        results = measure(cached(args.items, 1), args.runs, Path(tmp))
    results["items"] = args.items
    for key, value in results.items():
        print(f"{key:>18}: {value:.2f}" if isinstance(value, float) else f"{key:>18}: {value}")
    out = Path(__file__).resolve().parent / "results"
    out.mkdir(exist_ok=True)
    (out / "pack.json").write_text(json.dumps(results, indent=2))
    ok = results["pdf_s"] < 5 and results["docx_s"] < 5 and results["pdf_vs_bare"] <= 1.5
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
