"""Benchmark: search in a shared store of 1,000,000 items in 100 dossiers (issue 19).

Usage: python bench/store_search.py [--dossiers 100] [--items 10000] [--runs 3]
       python bench/store_search.py --small     (10 dossiers of 1,000 items, 2 runs: checks the script in < 1 min)

The store lives in a throw-away PostgreSQL cluster (tests/pg.py): nothing is kept, here or in bench/.cache. One
dossier is generated (bench/generate.py, --items items as it counts them, each question one) and published
(services.store.publish); the other --dossiers − 1 are copies made by the server, table by table (CREATE TABLE …
(LIKE … INCLUDING ALL), INSERT … SELECT; the search index's tsvector and its GIN index are made again for every
copy) and entered in the store's catalog. The copies keep the original's ids (each dossier is a schema of its own)
but not its foreign keys, which searching does not use.

Figures:
- first search in a dossier: services.search keeps each dossier's word counts for ranking (storage/search.py's
  dossier_stats, which reads the dossier's text once, until its revision changes); this is that first search;
- search: services.dossiers.search_store (limit 50, with snippets) for bench/run.py's 100 queries of 1–3 words,
  query i in dossier i mod --dossiers, each query --runs times in passes over all 100 (as run.py); a query's time
  is its median. Also the first pass alone, in which every phrase's n(q) is counted anew (later passes find it
  kept). Target: p95 <= 100 ms;
- baseline in the same run: the bare PostgreSQL query for the same words, ranked by the server alone
  (to_tsquery('dutch', …) with the last word as a prefix, ts_rank_cd, LIMIT 50), no snippets.
Prints the figures, writes bench/results/store_search.json and exits 1 when the target is missed.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))  # tests/pg.py: the throw-away cluster

TARGET_P95_S = 0.100


def queries(count: int = 100, seed: int = 7) -> list[str]:
    """bench/run.py's queries: 1–3 words as a user types them, drawn from the generated vocabulary by frequency."""
    import generate

    rng = random.Random(seed)
    return [" ".join(generate.content_word(rng) for _ in range(rng.choice((1, 1, 2, 2, 3)))) for _ in range(count)]


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]


def name_of(index: int) -> str:
    return f"benchstad-{index:03}"


def clone(connection, source: str, index: int) -> None:
    """A copy of the dossier in schema `source` as the store's dossier name_of(index), made by the server."""
    from sqlalchemy import text

    from raadsdossier.storage import store

    target = store.schema_name(name_of(index))
    connection.execute(text(f"CREATE SCHEMA {target}"))
    tables = connection.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = :s ORDER BY tablename"),
                                {"s": source}).scalars().all()
    for table in tables:
        columns = ", ".join(connection.execute(text(
            "SELECT quote_ident(column_name) FROM information_schema.columns WHERE table_schema = :s AND "
            "table_name = :t AND is_generated = 'NEVER' ORDER BY ordinal_position"),
            {"s": source, "t": table}).scalars())
        connection.execute(text(f"CREATE TABLE {target}.{table} (LIKE {source}.{table} INCLUDING ALL)"))
        connection.execute(text(f"INSERT INTO {target}.{table} ({columns}) SELECT {columns} FROM {source}.{table}"))
    connection.execute(text(
        f"INSERT INTO {store.CATALOG}.dossiers (name, schema_name, display_name, revision, published_by) "
        "VALUES (:n, :s, :d, 1, current_user)"), {"n": name_of(index), "s": target, "d": f"Benchstad {index}"})


def build(url: str, dossiers: int, items: int, workdir: Path) -> dict:
    """The store: one generated dossier published, the rest cloned; how long each step took."""
    from generate import document
    from sqlalchemy import text

    from raadsdossier.services import store
    from raadsdossier.services.dossiers import create_from_document
    from raadsdossier.storage import store as storage

    times = {}
    store.init(url)
    path = workdir / "benchstad.raadsdossier"
    started = time.perf_counter()
    create_from_document(path, document(items, seed=1), "bench")
    times["generate_s"] = time.perf_counter() - started
    started = time.perf_counter()
    store.publish(path, url, name_of(0))
    times["publish_s"] = time.perf_counter() - started
    started = time.perf_counter()
    engine = storage.engine_for(url)
    try:
        for index in range(1, dossiers):
            with engine.begin() as connection:
                clone(connection, storage.schema_name(name_of(0)), index)
        with engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
            source = storage.schema_name(name_of(0))
            for table in ("items", "questions"):
                times[f"{table}_per_dossier"] = connection.execute(
                    text(f"SELECT count(*) FROM {source}.{table}")).scalar()
            times["database_bytes"] = connection.execute(text("SELECT pg_database_size(current_database())")).scalar()
    finally:
        engine.dispose()
    times["clone_s"] = time.perf_counter() - started
    return times


def bare_query(words: list[str]) -> str:
    """The words as one to_tsquery input, the last a prefix: what a plain PostgreSQL search would ask."""
    return " & ".join(words) + ":*"


def measure(url: str, dossiers: int, runs: int) -> dict:
    from sqlalchemy import text

    from raadsdossier.services import dossiers as services
    from raadsdossier.services import search as server_search
    from raadsdossier.storage import store as storage
    from raadsdossier.storage.search import _WORD

    qs = queries()
    where = [name_of(index % dossiers) for index in range(len(qs))]
    first_search = []
    for index in range(dossiers):  # each dossier's first search reads its text once (dossier_stats)
        started = time.perf_counter()
        services.search_store(url, name_of(index), "stedenband")
        first_search.append(time.perf_counter() - started)
    ours_runs: list[list[float]] = [[] for _ in qs]
    bare_runs: list[list[float]] = [[] for _ in qs]
    hits = []
    engine = storage.engine_for(url)
    try:
        with engine.connect() as bare:
            for run in range(runs):
                for index, (query, name) in enumerate(zip(qs, where)):
                    started = time.perf_counter()
                    found = services.search_store(url, name, query)
                    ours_runs[index].append(time.perf_counter() - started)
                    if run == 0:
                        hits.append(len(found))
                    started = time.perf_counter()
                    bare.execute(text(
                        f"SELECT rowid FROM {storage.schema_name(name)}.search_index "
                        "WHERE document @@ to_tsquery('dutch', :q) "
                        "ORDER BY ts_rank_cd(document, to_tsquery('dutch', :q)) DESC LIMIT 50"),
                        {"q": bare_query(_WORD.findall(query))}).all()
                    bare.rollback()
                    bare_runs[index].append(time.perf_counter() - started)
    finally:
        engine.dispose()
        server_search.close_all()
    ours = [statistics.median(times) for times in ours_runs]
    first_pass = [times[0] for times in ours_runs]
    bare = [statistics.median(times) for times in bare_runs]
    slowest = sorted(zip(ours, qs), reverse=True)[:5]
    return {"queries": len(qs), "runs": runs,
            "first_search_in_dossier_median_s": statistics.median(first_search),
            "first_search_in_dossier_max_s": max(first_search),
            "search_median_s": statistics.median(ours), "search_p95_s": p95(ours), "search_max_s": max(ours),
            "first_pass_median_s": statistics.median(first_pass), "first_pass_p95_s": p95(first_pass),
            "bare_median_s": statistics.median(bare), "bare_p95_s": p95(bare),
            "median_hits": statistics.median(hits),
            "slowest": [f"{seconds * 1000:.0f} ms: {query}" for seconds, query in slowest]}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossiers", type=int, default=100)
    parser.add_argument("--items", type=int, default=10_000, help="items of each dossier, as bench/generate.py counts")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--small", action="store_true", help="10 dossiers of 1,000 items, 2 runs")
    args = parser.parse_args(argv)
    if args.small:
        args.dossiers, args.items, args.runs = 10, 1000, 2
    from tests.pg import Cluster

    cluster = Cluster()
    try:
        with tempfile.TemporaryDirectory(prefix="store-search-") as workdir:
            url = cluster.create_database("opslag")
            started = time.perf_counter()
            results = {"dossiers": args.dossiers, "items_each": args.items, "items": args.dossiers * args.items,
                       **build(url, args.dossiers, args.items, Path(workdir))}
            results["build_s"] = time.perf_counter() - started
            results.update(measure(url, args.dossiers, args.runs))
    finally:
        cluster.stop()
    for key, value in results.items():
        if key == "slowest":
            print(f"{'slowest (median of runs)':>34}: " + "; ".join(value))
        else:
            print(f"{key:>34}: {value:.4f}" if isinstance(value, float) else f"{key:>34}: {value}")
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / ("store_search_small.json" if args.small else "store_search.json")).write_text(json.dumps(results, indent=2))
    met = results["search_p95_s"] <= TARGET_P95_S
    print(f"search p95 {results['search_p95_s'] * 1000:.1f} ms (target <= {TARGET_P95_S * 1000:.0f} ms): "
          f"{'PASS' if met else 'MISS'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
