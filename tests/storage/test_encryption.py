"""Encryption at rest: nothing readable in the file or its backups; a wrong password changes nothing."""

import pytest

from raadsdossier.storage import backups, encryption
from raadsdossier.domain.errors import InvalidInput, PasswordRequired, WrongPassword
from raadsdossier.domain.models import Person
from raadsdossier.services.dossiers import PartnershipFields, create_dossier, search
from raadsdossier.storage.dossier import Dossier
from tests.conftest import sha256

SENTINEL = "Mihrigul Tursun-Sentinel"  # a name that must never be readable on disk
PASSWORD = "lange-zin met spaties"


def _assert_unreadable(path):
    data = path.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    for needle in (SENTINEL.encode(), "Tursun".encode("utf-16-le"), b"Enschede", b"search_index"):
        assert needle not in data


def _encrypted_dossier(tmp_path):
    path = tmp_path / "geheim.raadsdossier"
    create_dossier(path, PartnershipFields("Enschede", "municipality", "Dalian"), password=PASSWORD)
    with Dossier.open(path, password=PASSWORD) as dossier:
        with dossier.transaction() as session:
            session.add(Person(name=SENTINEL, sensitive=True, confidentiality="confidential"))
        dossier.backup()
    return path


def test_encrypted_dossier_and_its_backups_hide_everything(tmp_path):
    path = _encrypted_dossier(tmp_path)
    _assert_unreadable(path)
    [backup] = backups.list_backups(path)
    _assert_unreadable(backup.path)
    assert backups.item_counts(backup.path, PASSWORD) == {"person": 1}
    with Dossier.open(path, password=PASSWORD, read_only=True) as dossier:
        assert [hit.title for hit in search(dossier, "tursun")] == [SENTINEL]


def test_wrong_or_missing_password_says_so_and_changes_nothing(tmp_path):
    path = _encrypted_dossier(tmp_path)
    before = sha256(path)
    with pytest.raises(WrongPassword, match="het wachtwoord klopt niet"):
        Dossier.open(path, password="verkeerd wachtwoord")
    with pytest.raises(PasswordRequired, match="versleuteld"):
        Dossier.open(path)
    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["geheim.raadsdossier", "geheim.raadsdossier-reservekopieen"]


def test_encrypt_an_existing_dossier_converts_its_backups_and_decrypt_undoes_it(new_dossier):
    with Dossier.open(new_dossier) as dossier:
        with dossier.transaction() as session:
            session.add(Person(name=SENTINEL))
        dossier.backup()
    converted = encryption.change_encryption(new_dossier, None, PASSWORD).converted
    assert len(converted) == 1
    _assert_unreadable(new_dossier)
    _assert_unreadable(converted[0])
    with Dossier.open(new_dossier, password=PASSWORD) as dossier:
        assert dossier.encrypted
        assert [hit.title for hit in search(dossier, "tursun")] == [SENTINEL]
    encryption.change_encryption(new_dossier, PASSWORD, None)
    assert new_dossier.read_bytes().startswith(b"SQLite format 3")
    assert backups.list_backups(new_dossier)[0].path.read_bytes().startswith(b"SQLite format 3")
    with Dossier.open(new_dossier) as dossier:
        assert not dossier.encrypted and search(dossier, "tursun")


def test_change_password_re_keys_dossier_and_backups(tmp_path):
    path = _encrypted_dossier(tmp_path)
    encryption.change_encryption(path, PASSWORD, "een nieuw wachtwoord")
    with pytest.raises(WrongPassword):
        Dossier.open(path, password=PASSWORD)
    Dossier.open(path, password="een nieuw wachtwoord").close()
    [backup] = backups.list_backups(path)
    assert backups.item_counts(backup.path, "een nieuw wachtwoord") == {"person": 1}
    restored = backups.restore(path, backup.path, "een nieuw wachtwoord")
    _assert_unreadable(restored.previous)


def test_a_wrong_old_password_changes_nothing(tmp_path):
    path = _encrypted_dossier(tmp_path)
    before = sha256(path)
    backup_before = sha256(backups.list_backups(path)[0].path)
    with pytest.raises(WrongPassword):
        encryption.change_encryption(path, "niet het wachtwoord", "een nieuw wachtwoord")
    assert sha256(path) == before and sha256(backups.list_backups(path)[0].path) == backup_before


def test_short_passwords_are_refused(tmp_path):
    with pytest.raises(InvalidInput, match="minstens 8 tekens"):
        create_dossier(tmp_path / "x.raadsdossier", PartnershipFields("A", "municipality", "B"), password="kort")
    assert list(tmp_path.iterdir()) == []


def test_cli_encrypted_dossier_with_password_files(cli, tmp_path):
    good, bad, new = tmp_path / "pw", tmp_path / "fout", tmp_path / "nieuw"
    good.write_text(PASSWORD + "\n", encoding="utf-8")
    bad.write_text("dit is het niet\n", encoding="utf-8")
    new.write_text("nog een ander wachtwoord\n", encoding="utf-8")
    path = tmp_path / "a.raadsdossier"
    result = cli("new", path, "--dutch-side", "Arnhem", "--level", "municipality", "--partner", "Wuhan",
                 "--encrypt", "--new-password-file", good)
    assert result.returncode == 0 and "versleuteld" in result.stdout
    assert not path.read_bytes().startswith(b"SQLite format 3")
    before = sha256(path)
    no_password = cli("info", path)  # no terminal to ask on
    assert no_password.returncode == 1 and "versleuteld" in no_password.stderr and "--password-file" in no_password.stderr
    wrong = cli("info", path, "--password-file", bad)
    assert wrong.returncode == 1 and "het wachtwoord klopt niet" in wrong.stderr
    assert sha256(path) == before
    assert "Arnhem (gemeente) – Wuhan" in cli("info", path, "--password-file", good).stdout
    backup = cli("backup", path, "--password-file", good).stdout.strip()
    assert backup.endswith(".manual.raadsdossier") and not open(backup, "rb").read(16).startswith(b"SQLite")
    no_new = cli("passwd", path, "--password-file", good)  # no terminal to ask the new one on
    assert no_new.returncode == 1 and "geen nieuw wachtwoord gegeven" in no_new.stderr
    assert "--new-password-file" in no_new.stderr and "is versleuteld" not in no_new.stderr
    assert cli("passwd", path, "--password-file", good, "--new-password-file", new).returncode == 0
    assert cli("info", path, "--password-file", good).returncode == 1
    wrong_listing = cli("backups", path, "--password-file", good)  # the old password: not the dossier's now
    assert wrong_listing.returncode == 1 and "het wachtwoord klopt niet" in wrong_listing.stderr
    assert "Verwijder" not in wrong_listing.stdout + wrong_listing.stderr  # not: "remove this good backup"
    listing = cli("backups", path, "--password-file", new)
    assert listing.returncode == 0 and "handmatig" in listing.stdout and "kan niet" not in listing.stdout
    pack = cli("pack", path, "-o", tmp_path / "a.pdf", "--password-file", new)
    assert pack.returncode == 0 and (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")
    meetings = cli("meetings", path, "--password-file", new)  # it said to use --password-file, then refused it
    assert meetings.returncode == 0 and "geen vergaderingen" in meetings.stdout
    assert cli("decrypt", path, "--password-file", new).returncode == 0
    assert path.read_bytes().startswith(b"SQLite format 3")
    assert cli("info", path).returncode == 0


def test_no_command_takes_a_password_on_the_command_line(cli):
    for command in ("new", "info", "import", "pack", "encrypt", "passwd", "decrypt", "restore", "backup", "check"):
        help_text = cli(command, "--help").stdout
        assert "--password " not in help_text and "--password=" not in help_text


def test_every_command_that_reads_a_dossier_file_takes_its_password_from_a_file():
    """A command told a script to use --password-file and then refused it ('meetings')."""
    from raadsdossier.cli.parser import build_parser

    def commands(parser):
        for action in parser._actions:
            if action.__class__.__name__ == "_SubParsersAction":
                for name, sub in action.choices.items():
                    yield name, sub
                    yield from ((f"{name} {inner}", deeper) for inner, deeper in commands(sub))

    # 'new' and 'encrypt' make an encrypted dossier (--new-password-file); 'gui' asks in the window
    lacking = [name for name, sub in commands(build_parser("server"))
               if {"file", "files"} & {a.dest for a in sub._actions} and name not in ("gui", "new", "encrypt")
               and "password_file" not in {a.dest for a in sub._actions}]
    assert lacking == []


def test_the_backups_of_a_damaged_encrypted_dossier_are_listed_with_its_password(cli, tmp_path):
    """Checking the password against the dossier first must not hide the backups a damaged dossier needs."""
    good = tmp_path / "pw"
    good.write_text(PASSWORD + "\n", encoding="utf-8")
    path = tmp_path / "a.raadsdossier"
    assert cli("new", path, "--dutch-side", "Arnhem", "--level", "municipality", "--partner", "Wuhan",
               "--encrypt", "--new-password-file", good).returncode == 0
    assert cli("backup", path, "--password-file", good).returncode == 0
    with open(path, "r+b") as handle:  # the first page after its salt: no key opens it now
        handle.seek(16)
        handle.write(b"\xff" * 4000)
    listing = cli("backups", path, "--password-file", good)
    assert listing.returncode == 0, listing.stderr
    assert "handmatig" in listing.stdout and "kan niet" not in listing.stdout
