"""One password state for a dossier and all its backups: a backup on another password is named, never skipped;
`backups` and `check` say which backups do not fit the dossier and why; an interrupted change is finished or
undone at the next command, which says so."""

from __future__ import annotations

import os
import sqlite3

import pytest

from raadsdossier.domain.errors import BackupsInTheWay
from raadsdossier.services import safety
from raadsdossier.storage import backups, encryption
from raadsdossier.storage.dossier import Dossier
from tests.conftest import sha256

A, B = "wachtwoord-van-toen", "het-nieuwe-wachtwoord"


def _encrypt_alone(backup, password):
    """What an older version could leave after an interrupted encrypt: this backup encrypted, the rest not."""
    converted = backup.with_name("alleen.tmp-omzetting")
    encryption._convert(backup, converted, None, password)
    os.replace(converted, backup)


@pytest.fixture
def mixed(new_dossier):
    """A plain dossier with two backups, the older of which is encrypted with A."""
    backups.make_backup(new_dossier, None, "manual")
    backups.make_backup(new_dossier, None, "auto")
    older = backups.list_backups(new_dossier)[-1].path
    _encrypt_alone(older, A)
    return new_dossier, older


def _fits(path, password) -> list:
    return [(b.path.name, backups.diagnose(b.path, password, thorough=True)) for b in backups.list_backups(path)
            if backups.diagnose(b.path, password, thorough=True) is not None]


def test_encrypt_names_a_backup_on_another_password_and_changes_nothing(mixed):
    path, older = mixed
    before = {p: sha256(p) for p in [path, *(b.path for b in backups.list_backups(path))]}
    with pytest.raises(BackupsInTheWay) as raised:
        safety.encrypt(path, B)
    assert raised.value.need_password == [older]
    assert older.name in str(raised.value) and "--backup-password-file" in str(raised.value)
    assert "er is niets veranderd" in str(raised.value)
    assert {p: sha256(p) for p in before} == before
    assert not encryption.changing(path) and not [p for p in path.parent.iterdir() if p.name.endswith(".nieuw")]


def test_with_that_backups_password_all_end_on_the_new_one(mixed):
    path, older = mixed
    change = safety.encrypt(path, B, backup_passwords=[A])
    assert sorted(change.converted) == sorted(b.path for b in backups.list_backups(path))
    assert encryption.is_encrypted(path) and _fits(path, B) == []


def test_the_command_line_asks_for_the_backup_password_file(mixed, cli, tmp_path):
    path, older = mixed
    (tmp_path / "b.txt").write_text(B + "\n")
    (tmp_path / "a.txt").write_text(A + "\n")
    refused = cli("encrypt", path, "--new-password-file", tmp_path / "b.txt")
    assert refused.returncode == 1
    [line] = refused.stderr.strip().splitlines()
    assert older.name in line and "--backup-password-file" in line and "Traceback" not in refused.stderr
    assert not encryption.is_encrypted(path)
    done = cli("encrypt", path, "--new-password-file", tmp_path / "b.txt", "--backup-password-file", tmp_path / "a.txt")
    assert done.returncode == 0, done.stderr
    assert "versleuteld, met 2 reservekopieën" in done.stdout
    assert _fits(path, B) == []


def _rewrite(backup, old, new, change=None):
    """Re-write `backup` from password `old` to `new` (None: plain), with `change(plain_file)` in between."""
    plain = backup.with_name("tussen.tmp-omzetting")
    encryption._convert(backup, plain, old, None)
    if change:
        change(plain)
    encryption._convert(plain, backup.with_name("klaar.tmp-omzetting"), None, new)
    os.replace(backup.with_name("klaar.tmp-omzetting"), backup)
    plain.unlink()


def _newer(plain):
    with sqlite3.connect(plain) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099_later'")


def _truncated(backup):
    data = backup.read_bytes()
    backup.write_bytes(data[: len(data) // 2])


def test_a_damaged_backup_is_in_the_way_of_a_password_change_too(new_dossier):
    backups.make_backup(new_dossier, None, "manual")
    backup = backups.list_backups(new_dossier)[0].path
    _truncated(backup)
    with pytest.raises(BackupsInTheWay) as raised:
        safety.encrypt(new_dossier, B)
    assert raised.value.need_password == [] and "afgekapt" in str(raised.value)
    assert not encryption.is_encrypted(new_dossier)


EXPECTED = {  # backup (by reason) → what `backups` and `check` say about it
    "manual": "hij heeft nog een ander (ouder) wachtwoord",
    "auto": "gemaakt met een nieuwere versie van Raadsdossier (schema 0099_later)",
    "import": "het bestand is beschadigd (het wachtwoord klopt wel",
    "repair": "staat niet versleuteld naast het versleutelde dossier",
}


def test_backups_and_check_name_each_backup_that_does_not_fit_and_what_to_do(new_dossier, cli, tmp_path):
    """Another password, damaged, a newer format, and a plain one beside the encrypted dossier."""
    password_file = tmp_path / "pw.txt"
    password_file.write_text(B + "\n")
    for reason in ("manual", "auto", "import", "repair", "restore"):
        backups.make_backup(new_dossier, None, reason)
    safety.encrypt(new_dossier, B)
    made = {b.reason: b.path for b in backups.list_backups(new_dossier)}
    _rewrite(made["manual"], B, A)
    _rewrite(made["auto"], B, B, _newer)
    _truncated(made["import"])
    _rewrite(made["repair"], B, None)

    listed = cli("backups", new_dossier, "--password-file", password_file)
    assert listed.returncode == 0, listed.stderr
    blocks = listed.stdout.strip().split("\n")
    for reason, words in EXPECTED.items():
        [line] = [blocks[i - 1] for i, b in enumerate(blocks) if b.strip() == str(made[reason])]
        assert words in line, (reason, line)
    [fine] = [blocks[i - 1] for i, b in enumerate(blocks) if b.strip() == str(made["restore"])]
    assert "notitie" in fine or "leeg" in fine  # the one backup that fits shows what it holds

    checked = cli("check", new_dossier, "--password-file", password_file)
    assert checked.returncode == 1
    assert "4 problemen gevonden" in checked.stdout
    for reason, words in EXPECTED.items():
        [line] = [x for x in checked.stdout.splitlines() if made[reason].name in x]
        assert words in line and ("Verwijder hem" in line or "Werk Raadsdossier bij" in line
                                  or "'passwd' versleutelt hem mee" in line), line
    assert made["restore"].name not in checked.stdout


def test_an_encrypted_backup_beside_a_plain_dossier_is_named(new_dossier, cli):
    backups.make_backup(new_dossier, None, "manual")
    backup = backups.list_backups(new_dossier)[0].path
    _rewrite(backup, None, A)
    listed = cli("backups", new_dossier)
    assert "deze reservekopie is versleuteld en het dossier niet" in listed.stdout
    assert cli("check", new_dossier).returncode == 1


def test_an_interrupted_change_is_undone_or_finished_by_the_next_command_which_says_so(new_dossier, cli, tmp_path):
    """The journal decides: "prepare" is undone, "switch" is finished; both say so on stderr, once."""
    backups.make_backup(new_dossier, None, "manual")
    backup = backups.list_backups(new_dossier)[0].path
    entries = [(target, encryption._new_file(target, "abcd1234")) for target in (new_dossier, backup)]
    for target, new in entries:
        encryption._convert(target, new, None, A)
    before = sha256(new_dossier)
    encryption._write_journal(new_dossier, encryption.ENCRYPT, encryption.PREPARE, entries)
    first = cli("info", new_dossier)
    assert first.returncode == 0 and "een onderbroken versleuteling is ongedaan gemaakt" in first.stderr
    assert sha256(new_dossier) == before and not any(new.exists() for _t, new in entries)
    assert "onderbroken" not in cli("info", new_dossier).stderr  # said once

    for target, new in entries:
        encryption._convert(target, new, None, A)
    encryption._write_journal(new_dossier, encryption.ENCRYPT, encryption.SWITCH, entries)
    os.replace(entries[0][1], new_dossier)  # killed after the first rename
    (tmp_path / "a.txt").write_text(A + "\n")
    second = cli("info", new_dossier, "--password-file", tmp_path / "a.txt")
    assert second.returncode == 0, second.stderr
    assert "een onderbroken versleuteling is afgemaakt: het dossier en zijn reservekopieën zijn nu versleuteld" \
        in second.stderr
    assert encryption.is_encrypted(backup) and backups.diagnose(backup, A) is None
    assert not encryption.changing(new_dossier)


def test_no_backup_is_made_while_a_change_is_pending(new_dossier):
    encryption._write_journal(new_dossier, encryption.PASSWD, encryption.PREPARE, [])
    with pytest.raises(Exception, match="wordt op dit moment gewijzigd"):
        backups.make_backup(new_dossier, None, "manual")
    with Dossier.open(new_dossier) as dossier:  # opening finishes (here: undoes) it, and says so
        assert dossier.interrupted is not None and not dossier.interrupted.finished
    backups.make_backup(new_dossier, None, "manual")


@pytest.mark.parametrize("which", ["dossier", "backup"])
def test_a_file_that_cannot_be_replaced_stops_the_change_before_it_starts(new_dossier, cli, tmp_path, which):
    """An immutable file (chattr +i; as root, permissions alone do not stop a write) failed at the switch, which the
    next command then tried to finish again and again: every command failed. Now nothing starts."""
    import subprocess

    backups.make_backup(new_dossier, None, "manual")
    locked = new_dossier if which == "dossier" else backups.list_backups(new_dossier)[0].path
    if subprocess.run(["chattr", "+i", str(locked)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not possible here (not root, or a file system without it)")
    try:
        (tmp_path / "a.txt").write_text(A + "\n")
        before = sorted(p.name for p in locked.parent.iterdir())
        result = cli("encrypt", new_dossier, "--new-password-file", tmp_path / "a.txt")
        assert result.returncode == 1
        [line] = result.stderr.strip().splitlines()
        assert line == f"raadsdossier: {locked}: het bestand kan niet worden veranderd (geen toestemming); er is " \
                       "niets veranderd."
        assert sorted(p.name for p in locked.parent.iterdir()) == before and not encryption.changing(new_dossier)
        assert cli("info", new_dossier).returncode == 0 and cli("check", new_dossier).returncode == 0
    finally:
        subprocess.run(["chattr", "-i", str(locked)])
