"""Keeping a dossier safe: backups, restoring one, the check and its repair, and encryption.

Both faces call these: the command line (`backup`, `backups`, `restore`, `check`, `encrypt`, …) and the
window's Bestand menu. The work itself is done by storage/ (backups.py, checks.py, encryption.py); these
functions are the user's actions on top of it. Any thread may call them; they can take seconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from raadsdossier.domain.errors import DossierError, InvalidInput, WrongPassword
from raadsdossier.services.changes import Change
from raadsdossier.storage import backups, encryption, locking, sqlitefile
from raadsdossier.storage.dossier import Dossier

if TYPE_CHECKING:
    from raadsdossier.storage import checks


def backup(dossier: Dossier, policy: str | None = None) -> Path:
    """Make a backup now and return its path. With `policy` ("recent=5,daily=7,…") that becomes the
    dossier's backup policy first (the dossier must then be open for writing)."""
    if policy is not None:
        from raadsdossier.domain.models import DossierMeta

        parsed = backups.BackupPolicy.parse(policy)
        with dossier.transaction() as session:
            session.merge(DossierMeta(key=backups.POLICY_META_KEY, value=parsed.text()))
    return dossier.backup("manual")


def auto_backup(dossier: Dossier) -> Path | None:
    """The automatic backup, when the dossier's policy says one is due and it changed; returns it, or None."""
    return backups.auto_backup(dossier)


@dataclass(frozen=True)
class BackupEntry:
    backup: backups.Backup
    counts: dict[str, int] | None  # items per kind ("motion"), None when the backup cannot be read
    problem: str | None  # why it does not fit the dossier (cannot be read, another password…) and what to do
    problem_kind: str | None = None  # backups.OTHER_PASSWORD, DAMAGED, NEWER or PLAIN_BESIDE_ENCRYPTED


def list_backups(path: Path, password: str | None = None, counted: bool = True) -> list[BackupEntry]:
    """The backups of the dossier at `path`, newest first, each with what it holds (read with `password`, the
    dossier's) or why it does not fit the dossier; without `counted` they are only listed (quick: no backup is
    opened), with counts and problem None. WrongPassword when `password` opens neither the dossier itself nor
    any of its backups: else every backup would be said not to fit it, and the user told to remove good backups.
    A dossier that is damaged (or busy) does not stop the listing: its backups are what its user needs then."""
    if counted and password is not None and Path(path).exists():
        try:
            sqlitefile.connect(Path(path), "ro", password).close()
        except WrongPassword:  # or a damaged first page: then the password still opens a backup
            if not any(_opens(found.path, password) for found in backups.list_backups(Path(path))):
                raise
        except DossierError:
            pass
    entries = []
    for found in backups.list_backups(Path(path)):
        if not counted:
            entries.append(BackupEntry(found, None, None))
            continue
        problem = backups.diagnose(found.path, password)
        counts = None
        if problem is None or problem.kind == backups.PLAIN_BESIDE_ENCRYPTED:
            try:
                counts = backups.item_counts(found.path, password)
            except DossierError as exc:
                problem = backups.BackupProblem(backups.DAMAGED, getattr(exc, "problem", None) or str(exc))
        entries.append(BackupEntry(found, counts, problem and problem.text, problem and problem.kind))
    return entries


def _opens(path: Path, password: str) -> bool:
    try:
        sqlitefile.connect_any(path, "ro", password).close()
    except DossierError:
        return False
    return True


def newest_good_backup(path: Path, password: str | None = None) -> backups.Backup | None:
    """The newest backup of the dossier at `path` that is whole and opens with `password`; None when none does."""
    for found in backups.list_backups(Path(path)):
        try:
            backups.verify(found.path, password)
        except DossierError:
            continue
        return found
    return None


def restore_backup(path: Path, backup: Path, password: str | None = None,
                   only_if_damaged: bool = False) -> backups.RestoreResult:
    """Put `backup` in the place of the dossier at `path`; the state before is kept as a backup (or, when
    damaged, set aside). The dossier must not be open for writing. With `only_if_damaged` (the window's
    offer after the file seemed damaged) a file that turns out healthy is left alone (DossierFileError)."""
    return backups.restore(Path(path), Path(backup), password, only_if_damaged=only_if_damaged)


def in_use(path: Path) -> dict | None:
    """Who has the dossier at `path` open for writing (user, host, since), or None when nobody does."""
    return locking.read_owner(Path(path))


def check(dossier: Dossier) -> "checks.CheckReport":
    """Every check of the file, its contents and its backups; changes nothing."""
    from raadsdossier.storage import checks

    return checks.check(dossier)


@dataclass(frozen=True)
class Repair:
    report: "checks.CheckReport"  # the check after the repair, with the backup made before it and what was done
    change: Change  # what a face must read again: the whole dossier when anything was repaired


def repair(dossier: Dossier) -> Repair:
    """A backup, then the repair of what the check found (one transaction), then the check again."""
    from raadsdossier.storage import checks

    report = checks.repair(dossier)
    return Repair(report, Change.whole_dossier() if report.repaired else Change())


def finish_interrupted_change(path: Path) -> str | None:
    """Finish or undo a password change of the dossier at `path` that an earlier run left half-way; the sentence
    to tell the user which, or None when there was none. Faces call this before they ask for a password."""
    interrupted = encryption.finish_interrupted(Path(path))
    return interrupted.sentence_nl() if interrupted else None


def require_plain(path: Path) -> None:
    """InvalidInput unless the dossier at `path` is stored in the clear (a face asks this before it asks
    for a new password)."""
    if encryption.is_encrypted(path):
        raise InvalidInput(path, "dit dossier is al versleuteld; gebruik 'passwd' om het wachtwoord te wijzigen.")


def require_encrypted(path: Path, hint: str = "") -> None:
    """InvalidInput unless the dossier at `path` is encrypted; `hint` says what to do instead."""
    if not encryption.is_encrypted(path):
        raise InvalidInput(path, "dit dossier is niet versleuteld" + (f"; {hint}" if hint else "") + ".")


# encrypt, decrypt and change_password change the dossier and every backup as one step (storage/encryption.py).
# A backup on another password raises BackupsInTheWay naming it; its password, once the user gives it, goes in
# `backup_passwords`. Each returns the backups converted (PasswordChange.converted).

def encrypt(path: Path, password: str, backup_passwords: Sequence[str] = ()) -> encryption.PasswordChange:
    """Encrypt the dossier at `path` and its backups with `password`."""
    require_plain(path)
    return encryption.change_encryption(Path(path), None, password, tuple(backup_passwords))


def decrypt(path: Path, password: str, backup_passwords: Sequence[str] = ()) -> encryption.PasswordChange:
    """Store the dossier at `path` and its backups in the clear again."""
    require_encrypted(path)
    return encryption.change_encryption(Path(path), password, None, tuple(backup_passwords))


PASSWD_HINT = "gebruik 'encrypt' om het te versleutelen"


def change_password(path: Path, old: str, new: str, backup_passwords: Sequence[str] = ()) -> encryption.PasswordChange:
    """Give the encrypted dossier at `path` and its backups the password `new`."""
    require_encrypted(path, PASSWD_HINT)
    return encryption.change_encryption(Path(path), old, new, tuple(backup_passwords))
