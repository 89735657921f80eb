"""Benchmark: importing a Tweede Kamer OData Stemming file of 10,000 rows through the CLI's code path.

Usage: python bench/odata_import.py [--rows 10000] [--runs 3] [--limit 3.0] [--profile]

Writes a deterministic synthetic `Stemming` response into a temporary file: rows shaped like
the real page tests/fixtures/tk-odata/stemming_expand_…_page0880.json (each row with its
Besluit(Agendapunt(Zaak)), Fractie and Persoon expanded, 15 parties adding up to 150 seats, a
decision text that matches the seats), ≈ 670 Besluiten on agenda items of 1 to 11 motions; the
last Besluit is cut off, as on a real page. Then it imports the file into a new dossier with
`raadsdossier.importers.read_source` + `raadsdossier.services.importing.import_files`, the
same calls as `raadsdossier import`, and prints the median time of the runs (each into a fresh
dossier) and how it splits between reading and loading. Exits 1 when the median exceeds
--limit seconds. --profile prints the top of a cProfile of one run.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TEMPLATE = REPO / "tests" / "fixtures" / "tk-odata" / "stemming_expand_besluit_agendapunt_zaak_fractie_persoon_page0880.json"
SEATS = 150


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def synthetic_page(rows: int, seed: int = 880) -> dict:
    """A `Stemming` response of `rows` rows, the same for the same arguments."""
    page = json.loads(TEMPLATE.read_text(encoding="utf-8"))
    template = page["value"][0]
    first = page["value"][:15]  # the first Besluit: one row per party, 150 seats
    assert sum(r["FractieGrootte"] for r in first) == SEATS
    zaak_template = template["Besluit"]["Agendapunt"]["Zaak"][0]
    rng = random.Random(seed)
    out: list[dict] = []
    item_number = 0
    while len(out) < rows:
        item_number += 1
        agendapunt = copy.deepcopy({k: v for k, v in template["Besluit"]["Agendapunt"].items() if k != "Zaak"})
        agendapunt.update(Id=_uuid(rng), Nummer=f"2025P{10000 + item_number:05d}",
                          Onderwerp=f"Moties ingediend bij het tweeminutendebat nummer {item_number}")
        motions = rng.choice([1, 1, 2, 3, 5, 5, 8, 11])
        zaken = []
        for m in range(motions):
            zaak = dict(zaak_template, Id=_uuid(rng), Nummer=f"2025Z{20000 + item_number * 11 + m:05d}",
                        Volgnummer=1000 + m, Onderwerp=f"Motie {m + 1} bij debat {item_number} over een onderwerp",
                        Kabinetsappreciatie=rng.choice(["Oordeel Kamer", "Ontraden", "Overbodig"]))
            zaken.append(zaak)
        agendapunt["Zaak"] = zaken
        for order in range(motions):
            if len(out) >= rows:
                break
            choices = [rng.choice(["Voor", "Tegen", "Tegen", "Voor", "Niet deelgenomen"]) for _ in first]
            seats_for = sum(r["FractieGrootte"] for r, c in zip(first, choices) if c == "Voor")
            seats_against = sum(r["FractieGrootte"] for r, c in zip(first, choices) if c == "Tegen")
            adopted = seats_for > seats_against
            besluit = {k: v for k, v in template["Besluit"].items() if k != "Agendapunt"}
            besluit.update(Id=_uuid(rng), Agendapunt_Id=agendapunt["Id"], AgendapuntZaakBesluitVolgorde=order + 1,
                           BesluitTekst="Aangenomen." if adopted else "Verworpen.",
                           BesluitSoort="Stemmen - aangenomen" if adopted else "Stemmen - verworpen",
                           Agendapunt=agendapunt)
            for party_row, choice in zip(first, choices):
                if len(out) >= rows:
                    break
                row = {k: v for k, v in party_row.items() if k != "Besluit"}
                row.update(Id=_uuid(rng), Besluit_Id=besluit["Id"], Soort=choice, Besluit=besluit)
                out.append(row)
    return {"@odata.context": page["@odata.context"], "value": out}


def import_once(source: Path, workdir: Path, run: int) -> tuple[float, float, object]:
    from raadsdossier.services.dossiers import PartnershipFields, create_dossier
    from raadsdossier.services.importing import import_files
    from raadsdossier.storage.dossier import Dossier
    from raadsdossier.importers import read_source

    target = workdir / f"bench-{run}.raadsdossier"
    create_dossier(target, PartnershipFields(dutch_side="Enschede", level="municipality", partner_name="Dalian"))
    start = time.perf_counter()
    with Dossier.open(target) as dossier:
        document = read_source(source)[1]
        read = time.perf_counter() - start
        report = import_files(dossier, [(str(source), document)]).report
    return read, time.perf_counter() - start, report


def measure(rows: int, runs: int, workdir: Path) -> dict:
    """Median seconds (total and reading) of importing a synthetic Stemming file of `rows` rows, each run into a new dossier."""
    source = workdir / "stemming_synthetic.json"
    source.write_text(json.dumps(synthetic_page(rows), ensure_ascii=False), encoding="utf-8")
    reads, totals = [], []
    for run in range(runs):
        read, total, _report = import_once(source, workdir, run)
        reads.append(read)
        totals.append(total)
    return {"rows": rows, "import_s": statistics.median(totals), "read_s": statistics.median(reads)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=float, default=3.0)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as directory:
        workdir = Path(directory)
        source = workdir / "stemming_synthetic.json"
        page = synthetic_page(args.rows)
        source.write_text(json.dumps(page, ensure_ascii=False), encoding="utf-8")
        besluiten = len({r["Besluit_Id"] for r in page["value"]})
        print(f"{args.rows} Stemming-rijen, {besluiten} besluiten, {source.stat().st_size / 1e6:.1f} MB")
        reads, totals = [], []
        for run in range(args.runs):
            read, total, report = import_once(source, workdir, run)
            reads.append(read)
            totals.append(total)
        print(report.summary_nl())
        median = statistics.median(totals)
        print(f"import (mediaan van {args.runs}): {median:.2f} s — lezen {statistics.median(reads):.2f} s, "
              f"laden {median - statistics.median(reads):.2f} s (grens {args.limit:.1f} s)")
        if args.profile:
            import cProfile
            import pstats
            profiler = cProfile.Profile()
            profiler.runcall(import_once, source, workdir, args.runs)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    return 0 if median <= args.limit else 1


if __name__ == "__main__":
    sys.exit(main())
