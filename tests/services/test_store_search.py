"""Search in a dossier on the shared store (issue 19) gives what the same search gives in the file: the same
hits in the same order, with the same snippets and marks, on a real PostgreSQL server (PostgreSQL's Dutch
full-text search finds the candidates; storage/search.py says how the rest is made to agree with FTS5)."""

from __future__ import annotations

import json

import importlib.util
import random
import shutil

import pytest

from raadsdossier.domain.enums import Confidentiality
from raadsdossier.domain.models import Note
from raadsdossier.services import dossiers, store
from raadsdossier.services import search as server_search
from raadsdossier.storage.dossier import Dossier
from raadsdossier.storage.store import StoreError
from tests.conftest import REPO, SECRET_EVENT

DEMOS = ("arnhem-wuhan", "breda-yangzhou", "enschede-dalian", "maastricht-chengdu")
GENERATED = "gegenereerd"  # bench/generate.py's dossier of 1,000 items


def _generate_module():
    spec = importlib.util.spec_from_file_location("bench_generate", REPO / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bench_queries(count: int = 100, seed: int = 7) -> list[str]:
    """bench/run.py's search queries: 1–3 words drawn from the generated text's vocabulary by frequency, the
    last one as typed (a prefix)."""
    generate = _generate_module()
    rng = random.Random(seed)
    return [" ".join(generate.content_word(rng) for _ in range(rng.choice((1, 1, 2, 2, 3)))) for _ in range(count)]


# What people type into the demo dossiers, letter by letter too; phrases, accents, stop words, odd input.
TYPED = ["m", "me", "men", "mens", "mensenr", "mensenrechten", "Oeigoeren", "Wuhan stedenband", "stedenb",
         '"raad van"', "de", "d", "va", "raad van", "beëindigen", "beeindigen", "export-logo", "Éénmalige", "ee",
         "moties", "motie", "college notitie", "2019", "Xinjiang dwangarbeid", "AND OR", '"', "*"]


@pytest.fixture(scope="module")
def published(postgres, demo_dir, tmp_path_factory):
    """A store with the four demo dossiers and a generated one of 1,000 items; their files, by name."""
    from raadsdossier.services.dossiers import create_from_document

    url = postgres.create_database("zoeken")
    store.init(url)
    folder = tmp_path_factory.mktemp("zoeken")
    files = {}
    for slug in DEMOS:
        files[slug] = folder / f"{slug}.raadsdossier"
        shutil.copy(demo_dir / f"{slug}.raadsdossier", files[slug])
    files[GENERATED] = folder / f"{GENERATED}.raadsdossier"
    create_from_document(files[GENERATED], _generate_module().document(1000, seed=1), "test")
    for name, path in files.items():
        store.publish(path, url, name)
    yield url, files
    server_search.close_all()


def _seen(hits) -> list[tuple]:
    """What the user sees of each hit, in order."""
    return [(hit.kind, hit.id, hit.title, hit.snippet, hit.confidentiality) for hit in hits]


def _assert_same(url, name, dossier, query, limit):
    local = dossiers.search(dossier, query, limit)
    server = dossiers.search_store(url, name, query, limit)
    assert _seen(server) == _seen(local), f"{name}: {query!r}"
    if len(search_index_terms(query)) > 1:  # one phrase: the server's rank leaves out its idf (same order)
        assert [hit.rank for hit in server] == pytest.approx([hit.rank for hit in local], rel=1e-9)


def search_index_terms(query: str):
    from raadsdossier.storage.search import query_terms, to_fts_query

    return query_terms(to_fts_query(query))


@pytest.mark.parametrize("name", [*DEMOS, GENERATED])
def test_the_server_gives_the_same_hits_in_the_same_order_with_the_same_snippets(published, name):
    # Stricter than "the same top hits": every one of the best ten is the same item in the same place, with the
    # same title and snippet, marked the same way ([…]), for each of the bench's 100 queries and what people type.
    url, files = published
    with Dossier.open(files[name], read_only=True) as dossier:
        for query in bench_queries() + TYPED:
            _assert_same(url, name, dossier, query, 10)


def test_the_fifty_best_of_the_generated_dossier_are_the_same_too(published):
    url, files = published
    with Dossier.open(files[GENERATED], read_only=True) as dossier:
        found = 0
        for query in bench_queries():
            _assert_same(url, GENERATED, dossier, query, 50)
            found += len(dossiers.search(dossier, query, 50))
    assert found > 1500  # the queries do find things: most have dozens of hits


def test_hits_carry_their_confidentiality_as_in_the_file(postgres, arnhem_with_secrets):
    url = postgres.create_database("zoeken_vertrouwelijk")
    store.init(url)
    store.publish(arnhem_with_secrets, url, "arnhem")
    word = SECRET_EVENT.split()[-1]  # "ambassade"
    server = dossiers.search_store(url, "arnhem", word)
    with Dossier.open(arnhem_with_secrets, read_only=True) as dossier:
        assert _seen(server) == _seen(dossiers.search(dossier, word))
    assert (SECRET_EVENT, Confidentiality.CONFIDENTIAL) in [(hit.title, hit.confidentiality) for hit in server]


def test_a_checkin_is_found_at_once(published, tmp_path):
    url, _files = published
    mine = tmp_path / "mijn.raadsdossier"
    store.checkout(url, "breda-yangzhou", mine)
    assert dossiers.search_store(url, "breda-yangzhou", "Spreektekst") == []  # the dossier's stats are kept now
    with Dossier.open(mine) as dossier, dossier.transaction() as session:
        session.add(Note(title="Spreektekst voor de commissie", body="Over de stedenband met Yangzhou."))
    store.checkin(mine)
    with Dossier.open(mine, read_only=True) as dossier:
        for query in ("Spreektekst", "stedenband Yangzhou", "commissie"):
            _assert_same(url, "breda-yangzhou", dossier, query, 10)
    assert [hit.title for hit in dossiers.search_store(url, "breda-yangzhou", "Spreektekst")] == [
        "Spreektekst voor de commissie"]


def test_an_unknown_dossier_or_store_is_said_in_dutch(published, postgres):
    url, _files = published
    with pytest.raises(StoreError, match="geen dossier 'onbekend'"):
        dossiers.search_store(url, "onbekend", "raad")
    empty = postgres.create_database("zoeken_leeg")
    with pytest.raises(StoreError, match="geen Raadsdossier-opslag"):
        dossiers.search_store(empty, "arnhem-wuhan", "raad")


def test_the_command_line_searches_a_dossier_on_the_server_as_it_searches_the_file(postgres, demo_copy, cli):
    from raadsdossier.services import store

    url = postgres.create_database("zoeken_cli")
    store.init(url)
    path = demo_copy("arnhem-wuhan")
    store.publish(path, url, "arnhem-wuhan")
    for query in ("Oeigoeren", "stedenband Wuh"):
        local = cli("search", path, query, "--json")
        remote = cli("server", "search", url, "arnhem-wuhan", query, "--json")
        assert remote.returncode == 0, remote.stderr
        assert json.loads(remote.stdout) == json.loads(local.stdout) and json.loads(local.stdout)
