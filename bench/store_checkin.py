"""Benchmark: 20 clients check in to one shared store at the same time (issue 19).

Usage: python bench/store_checkin.py [--clients 20] [--changes 100] [--items 5000] [--change edit|note]
A throw-away PostgreSQL cluster (tests/pg.py, removed afterwards) holds a store with one dossier: the generated
one of --items items (bench/generate.py). Each client is a process of its own. It checks the dossier out to a file
of its own (services.store.checkout) and makes --changes changes, one transaction each:
- edit (the default): gives --changes items a new title, items no other client edits (so nothing conflicts);
- note: adds --changes notes.
When every client is ready they all check in at once (services.store.checkin). Check-ins of one dossier take
turns on the server (storage/store.py locks the dossier's catalog row for the length of one), so the last one
waits for all the others. Afterwards the server must hold every change of every client (clients × changes, none
lost) and each client's file its own. Prints the figures, writes bench/results/store_checkin.json and exits 1
when a change was lost, a check-in failed or one reported a conflict.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))  # tests/pg.py: the throw-away cluster

DOSSIER = "benchstad"


def changed_title(client: int, change: int) -> str:
    return f"Bench: wijziging {change:03} van client {client:02}"


def client(index: int, url: str, folder: Path, changes: int, ids: list[str] | None, ready, results) -> None:
    """One client: check out, make `changes` changes (new titles for `ids`, or new notes when None), each in a
    transaction of its own, wait for the others, check in; puts its figures (or its error) on `results`."""
    from raadsdossier.domain.models import Item, Note
    from raadsdossier.services import store
    from raadsdossier.storage.dossier import Dossier

    path = folder / f"client-{index:02}.raadsdossier"
    try:
        start = time.perf_counter()
        store.checkout(url, DOSSIER, path)
        checked_out = time.perf_counter()
        with Dossier.open(path) as dossier:
            for change in range(changes):
                with dossier.transaction() as session:
                    if ids is None:
                        session.add(Note(title=changed_title(index, change), body=f"Notitie van client {index}."))
                    else:
                        session.get(Item, ids[change]).title = changed_title(index, change)
        edited = time.perf_counter()
    except BaseException:
        ready.abort()  # the others are not kept waiting for this one
        raise
    ready.wait()
    began = time.monotonic()  # CLOCK_MONOTONIC: the same clock in every process
    try:
        synced = store.checkin(path)
    except Exception as exc:
        results.put({"client": index, "error": f"{type(exc).__name__}: {str(exc)[:300]}",
                     "checkin_start": began, "checkin_end": time.monotonic()})
        return
    ended = time.monotonic()
    with Dossier.open(path, read_only=True) as dossier, dossier.engine.connect() as connection:
        own = file_titles(connection, index)
    results.put({"client": index, "checkout_s": checked_out - start, "edits_s": edited - checked_out,
                 "checkin_start": began, "checkin_end": ended, "checkin_s": ended - began, "sent": synced.sent,
                 "taken": synced.taken, "conflicts": len(synced.conflicts), "revision": synced.revision,
                 "own_changes_in_file": len(own)})


def file_titles(connection, index: int | None = None) -> list[str]:
    """The changed titles in the dossier on `connection` (a file's, or the server's with its schema on the search
    path): every client's, or one's."""
    from sqlalchemy import text

    from raadsdossier.domain.models import Base

    like = "Bench: wijziging % van client " + ("%" if index is None else f"{index:02}")
    tables = [table.name for table in Base.metadata.sorted_tables if "title" in table.c]
    return [title for (title,) in connection.execute(text(
        " UNION ALL ".join(f"SELECT title FROM {table} WHERE title LIKE :l" for table in tables)), {"l": like})]


def titled_items(path: Path, count: int) -> list[str]:
    """The ids of `count` items of the dossier at `path` that have a title, in a fixed order."""
    from raadsdossier.domain.models import Item
    from raadsdossier.storage.dossier import Dossier

    with Dossier.open(path, read_only=True) as dossier, dossier.session() as session:
        ids = sorted(item.id for item in session.query(Item) if "title" in type(item).__mapper__.columns)
    if len(ids) < count:
        raise SystemExit(f"the dossier has {len(ids)} items with a title, {count} are needed: give more --items")
    return ids[:count]


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, -(-95 * len(ordered) // 100) - 1)]


def server_titles(url: str) -> list[str]:
    from raadsdossier.storage import store

    engine = store.engine_for(url)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql(f"SET search_path TO {store.schema_name(DOSSIER)}")
            return file_titles(connection)
    finally:
        engine.dispose()


def measure(clients: int, changes: int, items: int, kind: str, workdir: Path) -> dict:
    from generate import document
    from tests.pg import Cluster

    from raadsdossier.services import store
    from raadsdossier.services.dossiers import create_from_document

    cluster = Cluster()
    try:
        url = cluster.create_database("opslag")
        store.init(url)
        original = workdir / f"{DOSSIER}.raadsdossier"
        create_from_document(original, document(items, seed=1), "bench")
        started = time.perf_counter()
        store.publish(original, url, DOSSIER)
        published_s = time.perf_counter() - started

        ids = titled_items(original, clients * changes) if kind == "edit" else None
        context = multiprocessing.get_context("spawn")  # no engine or file handle inherited by a fork
        ready, results = context.Barrier(clients + 1), context.Queue()
        processes = [context.Process(target=client, args=(
            index, url, workdir, changes, ids[index * changes:(index + 1) * changes] if ids else None, ready, results))
            for index in range(clients)]
        for process in processes:
            process.start()
        ready.wait()  # every client has checked out and made its changes
        released = time.monotonic()
        found = [results.get(timeout=3600) for _ in processes]
        for process in processes:
            process.join()
        total_s = max(f["checkin_end"] for f in found) - released
        titles = server_titles(url)
    finally:
        cluster.stop()
    expected = {changed_title(c, n) for c in range(clients) for n in range(changes)}
    failed = [f for f in found if "error" in f]
    found = [f for f in found if "error" not in f] or [{"checkout_s": 0, "edits_s": 0, "checkin_s": 0, "conflicts": 0,
                                                          "revision": 0, "own_changes_in_file": 0}]
    checkins = [f["checkin_s"] for f in found]
    return {
        "clients": clients, "changes_per_client": changes, "change": kind, "items": items, "publish_s": published_s,
        "checkout_median_s": statistics.median(f["checkout_s"] for f in found),
        "edits_median_s": statistics.median(f["edits_s"] for f in found),
        "total_checkin_s": total_s, "failed_checkins": len(failed),
        "first_error": failed[0]["error"] if failed else None,
        "checkin_min_s": min(checkins), "checkin_median_s": statistics.median(checkins),
        "checkin_p95_s": p95(checkins), "checkin_max_s": max(checkins),
        "checkin_each_s": [round(f["checkin_s"], 3) for f in sorted(found, key=lambda f: f["checkin_end"])],
        "server_changes": len(titles), "server_changes_expected": len(expected),
        "lost": len(expected - set(titles)), "twice": len(titles) - len(set(titles)),
        "conflicts": sum(f["conflicts"] for f in found),
        "files_with_all_own_changes": sum(f["own_changes_in_file"] == changes for f in found),
        "final_revision": max(f["revision"] for f in found),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--changes", type=int, default=100, help="changes (notes) per client")
    parser.add_argument("--items", type=int, default=5000, help="items of the generated dossier on the server")
    parser.add_argument("--change", choices=("edit", "note"), default="edit",
                        help="edit: new titles for existing items (default); note: new notes")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="store-checkin-") as workdir:
        results = measure(args.clients, args.changes, args.items, args.change, Path(workdir))
    for key, value in results.items():
        if key != "checkin_each_s":
            print(f"{key:>26}: {value:.3f}" if isinstance(value, float) else f"{key:>26}: {value}")
    print(f"{'check-ins, in order (s)':>26}: {' '.join(f'{s:.2f}' for s in results['checkin_each_s'])}")
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "store_checkin.json").write_text(json.dumps(results, indent=2))
    ok = results["lost"] == 0 and results["twice"] == 0 and results["conflicts"] == 0 and \
        results["failed_checkins"] == 0 and results["server_changes"] == results["server_changes_expected"]
    print("no change lost" if ok else "CHANGES LOST OR IN CONFLICT")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
