"""kill -9 at random moments: committed changes survive, migrations are all or nothing."""

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from raadsdossier.storage import migrations
from raadsdossier.domain.errors import DossierFileError
from raadsdossier.storage.dossier import Dossier
from tests.conftest import sha256

OLD = Path(__file__).resolve().parents[1] / "fixtures" / "dossiers" / "schema-0001-arnhem.raadsdossier"

COMMIT_LOOP = """
import sys
from raadsdossier.domain.models import Attachment, Event
from raadsdossier.storage.dossier import Dossier
dossier = Dossier.open(sys.argv[1])
n = int(sys.argv[2])
while True:
    with dossier.transaction() as session:
        session.add(Event(title=f"wijziging {n}", description="stedenband " * 300))
        session.add(Attachment(file_name=f"bijlage-{n}.txt", media_type="text/plain",
                               content=bytes(range(256)) * 200, extracted_text="motie " * 500))
    print(n, flush=True)  # reported only after the commit returned
    n += 1
"""


def test_kill_9_while_committing_in_a_loop_loses_nothing_reported(new_dossier):
    rng = random.Random(2021)
    reported: list[int] = []
    trials, interrupted = 25, 0
    for trial in range(trials):
        start = reported[-1] + 1 if reported else 0
        process = subprocess.Popen([sys.executable, "-c", COMMIT_LOOP, str(new_dossier), str(start)],
                                   stdout=subprocess.PIPE, text=True)
        reported.append(int(process.stdout.readline()))  # it is running and committing
        time.sleep(rng.uniform(0.0, 0.4))
        os.kill(process.pid, signal.SIGKILL)
        rest, _ = process.communicate()
        reported += [int(line) for line in rest.split()]
        interrupted += Path(str(new_dossier) + "-journal").exists()  # killed inside a transaction
        with Dossier.open(new_dossier) as dossier:  # takes over the stale lock, rolls back the hot journal
            with dossier.session() as session:
                assert session.connection().exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
                titles = set(session.connection().exec_driver_sql("SELECT title FROM events").scalars())
                attachments = session.connection().exec_driver_sql("SELECT count(*) FROM attachments").scalar()
        missing = [n for n in reported if f"wijziging {n}" not in titles]
        assert not missing, f"trial {trial}: committed changes {missing} are gone"
        assert attachments == len(titles)  # each transaction landed whole or not at all
        # The next trial continues after the last number the file holds, reported or not.
        reported.append(max(int(t.split()[1]) for t in titles))
    assert len(titles) > trials
    print(f"{trials} kills, {interrupted} inside a transaction, {len(titles)} changes committed")
    assert interrupted >= 3, "too few kills landed inside a transaction to test recovery"


SLOW_MIGRATION = """
import sys, time
from raadsdossier.storage import migrations
from raadsdossier.storage.dossier import Dossier
real = migrations.upgrade
def slow(connection):
    real(connection)
    print("migrated, not committed", flush=True)
    time.sleep(float(sys.argv[2]))
migrations.upgrade = slow
Dossier.open(sys.argv[1]).close()
print("committed", flush=True)
"""


def _schema(path):
    with sqlite3.connect(path) as conn:
        version = conn.execute("select version_num from alembic_version").fetchone()[0]
        tables = {row[0] for row in conn.execute("select name from sqlite_master where type = 'table'")}
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    return version, "unassigned_votes" in tables


def test_kill_9_during_a_migration_leaves_the_old_schema_whole(tmp_path):
    path = tmp_path / "oud.raadsdossier"
    shutil.copy(OLD, path)
    process = subprocess.Popen([sys.executable, "-c", SLOW_MIGRATION, str(path), "30"], stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "migrated, not committed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert Path(str(path) + "-journal").exists()  # killed inside the transaction
    with Dossier.open(path, read_only=True):  # the crash is rolled back; read-only does not migrate
        pass
    assert _schema(path) == ("0001", False)
    [backup] = (tmp_path / "oud.raadsdossier-reservekopieen").iterdir()
    assert _schema(backup) == ("0001", False)
    with Dossier.open(path):  # and the next open migrates it
        pass
    assert _schema(path) == (migrations.head_revision(), True)


def test_kill_9_at_random_moments_of_opening_an_old_dossier(tmp_path):
    rng = random.Random(7)
    for trial in range(6):
        path = tmp_path / f"oud-{trial}.raadsdossier"
        shutil.copy(OLD, path)
        process = subprocess.Popen([sys.executable, "-c", SLOW_MIGRATION, str(path), "0"], stdout=subprocess.PIPE)
        time.sleep(rng.uniform(0.2, 1.5))
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        with Dossier.open(path, read_only=True):
            pass
        assert _schema(path) in {("0001", False), (migrations.head_revision(), True)}
        for backup in (tmp_path / f"oud-{trial}.raadsdossier-reservekopieen").glob("*.raadsdossier"):
            assert _schema(backup) == ("0001", False)  # a listed backup is whole


def test_a_failing_migration_leaves_the_file_byte_identical(tmp_path, monkeypatch):
    path = tmp_path / "oud.raadsdossier"
    shutil.copy(OLD, path)
    before = sha256(path)
    real = migrations.upgrade

    def upgrade_then_fail(connection):
        real(connection)
        raise RuntimeError("migratie 0002 faalt halverwege")

    monkeypatch.setattr(migrations, "upgrade", upgrade_then_fail)
    with pytest.raises(DossierFileError, match="kon niet worden bijgewerkt .*migratie 0002 faalt.*ongewijzigd"):
        Dossier.open(path)
    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["oud.raadsdossier", "oud.raadsdossier-reservekopieen"]
