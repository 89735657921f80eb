"""Opening files: only dossiers open; anything else is refused with a message and left untouched."""

import sqlite3

import pytest

from raadsdossier.domain.errors import DamagedDossier, DossierExists, DossierNotFound, NotADossier
from raadsdossier.domain.models import Event
from raadsdossier.services.dossiers import PartnershipFields, create_dossier
from raadsdossier.storage.dossier import Dossier
from tests.conftest import sha256


def test_mistyped_path_is_not_created(tmp_path):
    missing = tmp_path / "enschde.raadsdossier"
    with pytest.raises(DossierNotFound, match="bestaat niet"):
        Dossier.open(missing)
    assert not missing.exists()


def test_text_file_is_refused_and_unchanged(tmp_path):
    text = tmp_path / "notities.raadsdossier"
    text.write_text("Spreektekst voor de raad\n", encoding="utf-8")
    before = sha256(text)
    with pytest.raises(NotADossier, match="tekstbestand, geen Raadsdossier-dossier"):
        Dossier.open(text)
    assert sha256(text) == before


def test_other_sqlite_database_is_refused_and_unchanged(tmp_path):
    other = tmp_path / "ander.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("create table t (x)")
    before = sha256(other)
    with pytest.raises(NotADossier, match="geen Raadsdossier-dossier"):
        Dossier.open(other)
    assert sha256(other) == before


def test_damaged_dossier_is_refused_and_unchanged(new_dossier):
    data = bytearray(new_dossier.read_bytes())
    data[100:] = b"\xff" * (len(data) - 100)  # keep the header, wreck every page
    new_dossier.write_bytes(bytes(data))
    before = sha256(new_dossier)
    with pytest.raises(DamagedDossier, match="beschadigd"):
        Dossier.open(new_dossier)
    assert sha256(new_dossier) == before


def test_new_refuses_to_overwrite(new_dossier):
    before = sha256(new_dossier)
    with pytest.raises(DossierExists):
        create_dossier(new_dossier, PartnershipFields("Arnhem", "municipality", "Wuhan"))
    assert sha256(new_dossier) == before


def test_committed_change_is_in_the_file_and_failed_transaction_leaves_nothing(dossier):
    with dossier.transaction() as session:
        session.add(Event(title="Handelsmissie afgeblazen", date="2021-05"))
    with pytest.raises(RuntimeError):
        with dossier.transaction() as session:
            session.add(Event(title="Half werk"))
            session.flush()
            raise RuntimeError("crash halfway")
    dossier.close()
    with sqlite3.connect(dossier.path) as conn:
        titles = [row[0] for row in conn.execute("select title from events")]
        indexed = conn.execute("select count(*) from search_index where search_index match 'half'").fetchone()[0]
    assert titles == ["Handelsmissie afgeblazen"]
    assert indexed == 0


def test_dossier_is_one_file_without_side_files(dossier):
    with dossier.transaction() as session:
        session.add(Event(title="x"))
    names = sorted(p.name for p in dossier.path.parent.iterdir())
    assert names == [f".{dossier.path.name}.lock", dossier.path.name]  # the writer's lock, only while open
    dossier.close()
    assert [p.name for p in dossier.path.parent.iterdir()] == [dossier.path.name]


def test_read_only_dossier_refuses_changes(new_dossier):
    with Dossier.open(new_dossier, read_only=True) as opened:
        with pytest.raises(Exception, match="alleen-lezen"):
            with opened.transaction():
                pass
