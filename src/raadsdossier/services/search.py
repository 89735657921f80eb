"""Search a dossier in a griffie's shared store (issue 19): the search of services.dossiers.search, done by the
server with PostgreSQL's own Dutch full-text search (storage/search.py's `search_postgres`), giving the same
hits, snippets and marks as a search in a local file.

Like a local search, every hit carries its confidentiality and nothing is left out here: whoever shows the hits
hides what is confidential unless asked (the command line's `search --include`, the window's tag).

The engine of each store URL is kept for the life of the process, so that searching as one types does not
connect again for every letter, and so are each dossier's stats for ranking (storage/search.py's
`dossier_stats`, which read all its text) until its revision changes; `close_all` lets both go.
"""

from __future__ import annotations

import threading

from raadsdossier.storage import search as search_index
from raadsdossier.storage import store

_engines: dict[str, object] = {}
_stats: dict[tuple[str, str], tuple[int, search_index.DossierStats]] = {}  # (url, schema) → (revision, stats)
_lock = threading.Lock()


def _engine(url: str):
    with _lock:
        engine = _engines.get(url)
        if engine is None:
            engine = _engines[url] = store.engine_for(url)
        return engine


def close_all() -> None:
    """Close the connections kept for searching (the next search connects again)."""
    with _lock:
        engines = list(_engines.values())
        _engines.clear()
        _stats.clear()
    for engine in engines:
        engine.dispose()


def search_store(url: str, name: str, query: str, limit: int = 50) -> list[search_index.SearchHit]:
    """The best `limit` hits for what the user typed in the dossier `name` of the store at `url`, as
    services.dossiers.search gives them for a local file. Reads only, in one read-only transaction."""
    # One snapshot for the catalog, the stats and the search (a check-in meanwhile changes none of them).
    with store.connected(url, snapshot=True, engine=_engine(url)) as connection:
        schema, revision = store.enter_dossier(connection, name)
        with _lock:
            kept_revision, stats = _stats.get((url, schema), (None, None))
        if kept_revision != revision:
            stats = search_index.dossier_stats(connection)
            with _lock:
                _stats[(url, schema)] = (revision, stats)
        return search_index.search_postgres(connection, query, limit, stats)
