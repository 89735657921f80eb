"""Opening files: only dossiers open; anything else is refused with a message and left untouched."""

import os
import sqlite3
import subprocess
import sys

import pytest

from raadsdossier.domain.errors import DamagedDossier, DossierExists, DossierFileError, DossierNotFound, NotADossier
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


def test_reading_a_dossier_on_another_thread_while_it_is_saved_leaves_the_save_its_journal(new_dossier, monkeypatch):
    """The tracker reads the open dossiers on a worker thread (read-only: it first plays back or removes a journal a
    crash left) while the window saves. A journal whose header is not written yet is also that of a save going on:
    removing it made the save fail with a disk error ("er is niets veranderd") after it had landed."""
    import threading
    from contextlib import contextmanager

    from raadsdossier.services import edits, lists
    from raadsdossier.services.library import open_library
    from raadsdossier.storage import sqlitefile

    journal = sqlitefile.journal_path(new_dossier)
    seen = {}
    original = Dossier.transaction

    @contextmanager
    def transaction_with_reader(self):
        with original(self) as session:
            yield session
            session.flush()  # the change is in the file's pages now: its rollback journal is beside it
            seen["journal during save"] = journal.exists()
            worker = threading.Thread(target=lambda: seen.setdefault("library", open_library([new_dossier])))
            worker.start()
            worker.join()
            seen["journal after read"] = journal.exists()

    with Dossier.open(new_dossier) as dossier:
        monkeypatch.setattr(Dossier, "transaction", transaction_with_reader)
        edits.save_item(dossier, "events", {"id": "e0000000-0000-4000-8000-0000000000aa", "title": "Bezoek delegatie",
                                            "kind": "other", "date": "2024-05"})
        monkeypatch.setattr(Dossier, "transaction", original)
        assert [event["title"] for event in lists.page(dossier, "events")] == ["Bezoek delegatie"]
    assert seen["journal during save"] and seen["journal after read"]
    assert len(seen["library"].dossiers) == 1  # and the reader read it
    assert not journal.exists()  # the save, done, removed its own


def test_an_empty_journal_left_by_a_kill_is_removed_when_the_dossier_is_next_opened(new_dossier):
    from raadsdossier.storage import sqlitefile

    journal = sqlitefile.journal_path(new_dossier)
    journal.write_bytes(b"\x00" * 512)  # a program killed as it began a transaction
    Dossier.open(new_dossier, read_only=True).close()
    assert not journal.exists()


def test_a_copy_into_a_missing_folder_says_the_folder_does_not_exist_and_leaves_nothing(dossier, tmp_path):
    target = tmp_path / "nodir" / "kopie.raadsdossier"
    with pytest.raises(DossierFileError) as refused:
        dossier.save_copy(target)
    assert str(refused.value) == f"{target}: de kopie kon niet worden opgeslagen: de map bestaat niet; " \
                                 "er is niets veranderd."
    assert not target.parent.exists()


COPY = """
import sys
from pathlib import Path
from raadsdossier.domain.errors import DossierError
from raadsdossier.storage.dossier import Dossier
with Dossier.open(Path(sys.argv[1]), read_only=True) as dossier:
    try:
        dossier.save_copy(Path(sys.argv[2]))
    except DossierError as exc:
        print(exc)
"""


def test_a_copy_into_a_folder_that_may_not_be_written_says_permission_is_refused_and_leaves_nothing(new_dossier,
                                                                                                    tmp_path):
    """As the user meets it: root may write any folder, so as root the copy is made without the capability to
    override file permissions (setpriv, from util-linux), as an ordinary user makes it."""
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    folder.chmod(0o555)
    target = folder / "kopie.raadsdossier"
    as_user = [] if os.geteuid() else ["setpriv", "--inh-caps=-dac_override,-dac_read_search,-fowner",
                                       "--bounding-set=-dac_override,-dac_read_search,-fowner"]
    try:
        result = subprocess.run([*as_user, sys.executable, "-c", COPY, str(new_dossier), str(target)],
                                capture_output=True, text=True, timeout=60, check=False)
        assert result.stdout.strip() == f"{target}: de kopie kon niet worden opgeslagen: geen toestemming; " \
                                        "er is niets veranderd.", result.stderr
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)
