"""Backups: verified and whole, rotated by policy (fixed clock), restored with the state before kept."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta

import pytest

from raadsdossier.storage import backups
from raadsdossier.storage.backups import BackupPolicy
from raadsdossier.domain.errors import DamagedDossier, InvalidInput
from raadsdossier.domain.models import Event
from raadsdossier.storage.dossier import Dossier
from tests.conftest import sha256


def _titles(path):
    with sqlite3.connect(path) as conn:
        return sorted(row[0] for row in conn.execute("select title from events"))


def _add(path, title):
    with Dossier.open(path) as dossier, dossier.transaction() as session:
        session.add(Event(title=title))


def test_backup_is_a_whole_dossier_named_by_time_and_reason(new_dossier):
    _add(new_dossier, "Delegatiebezoek")
    made = backups.make_backup(new_dossier, reason="manual", now=datetime(2026, 12, 1, 9, 30, 0))
    assert made == new_dossier.with_name("enschede.raadsdossier-reservekopieen") / \
        "enschede.20261201-093000.manual.raadsdossier"
    backups.verify(made)
    assert _titles(made) == ["Delegatiebezoek"]
    assert backups.item_counts(made) == {"event": 1}
    [listed] = backups.list_backups(new_dossier)
    assert (listed.path, listed.made, listed.reason_nl) == (made, datetime(2026, 12, 1, 9, 30), "handmatig")


def test_rotation_keeps_recent_daily_weekly_and_monthly(new_dossier):
    policy = BackupPolicy(recent=2, daily=3, weekly=2, monthly=2)
    start = datetime(2026, 1, 1, 12, 0)
    for hours in range(0, 24 * 70, 12):  # two backups a day for 70 days
        backups.make_backup(new_dossier, reason="auto", now=start + timedelta(hours=hours), policy=policy)
    kept = [b.made for b in backups.list_backups(new_dossier)]
    last = start + timedelta(hours=24 * 70 - 12)
    assert kept[:2] == [last, last - timedelta(hours=12)]  # the two most recent
    days = {made.date() for made in kept}
    assert {last.date() - timedelta(days=n) for n in range(3)} <= days  # the newest of each of the last 3 days
    assert len({made.isocalendar()[:2] for made in kept}) >= 2
    assert {(made.year, made.month) for made in kept} == {(2026, 3), (2026, 2)}  # monthly=2: January is gone
    assert len(kept) <= 2 + 3 + 2 + 2
    assert all(b.path.exists() for b in backups.list_backups(new_dossier))


def test_policy_text_round_trip_and_bad_policy():
    assert BackupPolicy.parse("recent=3,monthly=6") == BackupPolicy(recent=3, monthly=6)
    assert BackupPolicy.parse(BackupPolicy().text()) == BackupPolicy()
    with pytest.raises(InvalidInput, match="onbekende instelling"):
        BackupPolicy.parse("yearly=2")
    with pytest.raises(InvalidInput, match="minstens één"):
        BackupPolicy.parse("recent=0")


def test_auto_backup_only_when_changed_and_interval_passed(new_dossier):
    with Dossier.open(new_dossier) as dossier:
        first = backups.auto_backup(dossier)
        assert first is not None
        assert backups.auto_backup(dossier) is None  # within the interval
        later = datetime.now() + timedelta(hours=1)
        assert backups.auto_backup(dossier, now=later) is None  # nothing changed since
        with dossier.transaction() as session:
            session.add(Event(title="Nieuw"))
        os.utime(dossier.path, (later.timestamp(), later.timestamp()))
        assert backups.auto_backup(dossier, now=later + timedelta(minutes=1)) is not None


def test_restore_round_trip_keeps_the_state_before(new_dossier):
    _add(new_dossier, "Eerste")
    first = backups.make_backup(new_dossier, now=datetime(2026, 11, 1, 10, 0))
    _add(new_dossier, "Tweede")
    result = backups.restore(new_dossier, first)
    assert _titles(new_dossier) == ["Eerste"]
    assert result.previous.name.endswith(".restore.raadsdossier") and not result.previous_was_damaged
    assert _titles(result.previous) == ["Eerste", "Tweede"]
    back = backups.restore(new_dossier, result.previous)  # and undo the restore
    assert _titles(new_dossier) == ["Eerste", "Tweede"] and back.previous != result.previous


def test_restore_over_a_damaged_dossier_sets_it_aside(new_dossier):
    _add(new_dossier, "Goed")
    good = backups.make_backup(new_dossier)
    data = bytearray(new_dossier.read_bytes())
    data[100:] = b"\xff" * (len(data) - 100)
    new_dossier.write_bytes(bytes(data))
    damaged_hash = sha256(new_dossier)
    result = backups.restore(new_dossier, good)
    assert result.previous_was_damaged and sha256(result.previous) == damaged_hash
    assert _titles(new_dossier) == ["Goed"]


def test_a_damaged_backup_is_not_restored(new_dossier, tmp_path):
    _add(new_dossier, "Blijft")
    bad = tmp_path / "kapot.raadsdossier"
    bad.write_bytes(new_dossier.read_bytes()[:4096])
    before = sha256(new_dossier)
    with pytest.raises(DamagedDossier, match="afgekapt"):
        backups.restore(new_dossier, bad)
    assert sha256(new_dossier) == before


BACKUP_LOOP = """
import sys
from raadsdossier.storage import backups
while True:
    backups.make_backup(sys.argv[1], reason="manual", policy=backups.BackupPolicy(recent=1000))
    print("made", flush=True)
"""


def test_kill_9_during_backup_never_leaves_a_half_backup_listed(tmp_path, new_dossier):
    with Dossier.open(new_dossier) as dossier, dossier.transaction() as session:
        for n in range(3000):  # a few MB, so that a backup takes long enough to be interrupted
            session.add(Event(title=f"Gebeurtenis {n}", description="tekst " * 200))
    rng = random.Random(6)
    interrupted = []  # what each kill left: a half backup under its temporary name, never under a listed one
    for _trial in range(10):
        process = subprocess.Popen([sys.executable, "-c", BACKUP_LOOP, str(new_dossier)], stdout=subprocess.PIPE)
        process.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.3))
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        interrupted += [p.name for p in backups.backup_dir(new_dossier).iterdir() if p.name.startswith(".")]
        listed = backups.list_backups(new_dossier)
        for backup in listed:
            backups.verify(backup.path)
            assert backups.item_counts(backup.path) == {"event": 3000}
    assert len(listed) >= 10
    assert interrupted, "no trial interrupted a backup while it was being written"
    assert all(name.endswith(".tmp") or ".tmp-journal" in name for name in interrupted)
    # The next backup removes what the killed ones left (base/tempfiles.py: their processes have ended).
    backups.make_backup(new_dossier, None, "manual")
    assert not [p.name for p in backups.backup_dir(new_dossier).iterdir() if p.name.startswith(".")]


def test_backups_made_in_the_same_second_keep_their_order(new_dossier):
    now = datetime(2026, 12, 1, 12, 0, 0)
    made = [backups.make_backup(new_dossier, reason=reason, now=now) for reason in ("manual", "restore", "auto")]
    assert [b.path for b in backups.list_backups(new_dossier)] == made[::-1]
    assert made[1].name == "enschede.20261201-120000-2.restore.raadsdossier"


def test_a_dossier_of_another_partnership_is_not_restored_in_place_of_this_one(run, demo_copy):
    """`restore A other.raadsdossier` replaced Arnhem's dossier with Breda's without a word (the state before was
    kept as a backup, but the user had meant another file)."""
    arnhem, breda = demo_copy("arnhem-wuhan"), demo_copy("breda-yangzhou")
    before = sha256(arnhem)
    code, out, err = run("restore", arnhem, breda)
    assert code == 1
    assert f"{breda}: dit is een dossier of reservekopie van Breda – Yangzhou, niet van Arnhem – Wuhan" in err
    assert sha256(arnhem) == before and not backups.list_backups(arnhem)
