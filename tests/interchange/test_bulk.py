"""New items written in bulk land exactly as the ORM's unit of work would write them."""

import sqlite3
import uuid

import pytest

from raadsdossier.domain.errors import InvalidInput
from raadsdossier.services.dossiers import create_from_document, export_json, search
from raadsdossier.services.importing import import_files
from raadsdossier.storage.dossier import Dossier
from raadsdossier.interchange import bulk, load
from tests.interchange.test_roundtrip import full_document, strip_timestamps

# Stamped with the clock, or numbered in whatever order a flush happens to take the items.
VARYING = {"created_at", "updated_at", "recorded_at", "seq"}


GENERATED = "00000000-0000-4000-8000-"  # the ids counted_ids makes


def _masked(value):
    """A generated id as one placeholder: the two ways of writing may draw them in another order."""
    return "<generated id>" if isinstance(value, str) and value.startswith(GENERATED) else value


def tables(path) -> dict:
    """Every row of every table (the search index by item id), without the columns that vary."""
    connection = sqlite3.connect(path)
    try:
        names = [n for (n,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_index%' "
            "AND name NOT LIKE 'sqlite_%'")]
        out = {}
        for name in names:
            cursor = connection.execute(f'SELECT * FROM "{name}"')
            keep = [i for i, d in enumerate(cursor.description) if d[0] not in VARYING]
            out[name] = sorted(repr([_masked(row[i]) for i in keep]) for row in cursor)
        out["search_index"] = sorted((_masked(i), t, b) for i, t, b in connection.execute(
            "SELECT items.id, s.title, s.body FROM search_index AS s JOIN items ON items.seq = s.rowid"))
        seqs = [s for (s,) in connection.execute("SELECT seq FROM items")]
        assert None not in seqs and len(set(seqs)) == len(seqs)
        return out
    finally:
        connection.close()


@pytest.fixture
def counted_ids(monkeypatch):
    """uuid4 counting up from 1 again on each call of the returned function: generated ids (of votes,
    questions, …) are then recognisable, and the same when drawn in the same order."""
    def restart():
        numbers = iter(range(1, 10**6))
        monkeypatch.setattr(uuid, "uuid4", lambda: uuid.UUID(int=next(numbers), version=4))
    return restart


def test_a_new_dossier_from_a_document_of_every_kind_is_the_same_written_in_bulk(tmp_path, monkeypatch,
                                                                                counted_ids):
    counted_ids()
    create_from_document(tmp_path / "bulk.raadsdossier", full_document(), "volledig.json")
    with monkeypatch.context() as patched:
        patched.setattr(bulk, "can_insert", lambda model: False)
        counted_ids()
        create_from_document(tmp_path / "orm.raadsdossier", full_document(), "volledig.json")
    assert tables(tmp_path / "bulk.raadsdossier") == tables(tmp_path / "orm.raadsdossier")
    exports = []
    for name in ("bulk", "orm"):
        with Dossier.open(tmp_path / f"{name}.raadsdossier") as dossier:
            exports.append(strip_timestamps(export_json(dossier)))
            assert [hit.id for hit in search(dossier, "Wuhan beëindigen")] == ["motion-1"]
    assert exports[0] == exports[1]


def test_every_kind_the_loader_writes_goes_in_bulk():
    from raadsdossier.interchange.spec import KINDS, PARTNERSHIP

    assert [spec.key for spec in (PARTNERSHIP, *KINDS) if not bulk.can_insert(spec.model)] == []


def test_an_odata_page_imported_twice_is_the_same_in_bulk_and_changes_nothing_the_second_time(
        new_dossier, tmp_path, monkeypatch):
    from tests.importers.test_tk_odata import TK

    page = TK / "stemming_expand_besluit_agendapunt_zaak_fractie_persoon_page0880.json"
    orm_copy = tmp_path / "orm.raadsdossier"
    orm_copy.write_bytes(new_dossier.read_bytes())
    with Dossier.open(new_dossier) as dossier:
        first = import_files(dossier, [page]).report
    with monkeypatch.context() as patched, Dossier.open(orm_copy) as dossier:
        patched.setattr(bulk, "can_insert", lambda model: False)
        import_files(dossier, [page])
    assert tables(new_dossier) == tables(orm_copy)
    assert sum(first.added.values()) > 50 and not first.updated
    with Dossier.open(new_dossier) as dossier:
        again = import_files(dossier, [page]).report
    assert not again.added and not again.updated and sum(again.unchanged.values()) == sum(first.added.values())
    after = tables(new_dossier)
    assert after["item_versions"] == []  # nothing changed, so no earlier version is kept
    assert after == tables(orm_copy)


def test_a_failure_after_the_bulk_insert_leaves_nothing_written(dossier, monkeypatch):
    before = tables(dossier.path)

    def broken(*args):
        raise InvalidInput("volledig.json", "kapot na het schrijven")

    monkeypatch.setattr(load, "_set_links", broken)
    document = full_document()
    document.pop("partnership")
    document.pop("checklist")
    with pytest.raises(InvalidInput, match="kapot na het schrijven"):
        import_files(dossier, [("volledig.json", document)])
    assert tables(dossier.path) == before
    assert search(dossier, "Wuhan") == []


def test_a_dry_run_leaves_nothing_written(dossier):
    before = tables(dossier.path)
    document = full_document()
    document.pop("partnership")
    report = import_files(dossier, [("volledig.json", document)], dry_run=True).report
    assert report.added["motions"] == 1
    assert tables(dossier.path) == before
