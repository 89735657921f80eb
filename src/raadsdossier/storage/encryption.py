"""Encryption at rest: encrypt, decrypt or change the password of a dossier file, its backups with it.

Each conversion writes a complete new file with SQLCipher's `sqlcipher_export`, checks it,
and only then puts it in place of the old one, so a failure at any moment leaves either the
old file or the new one, never half of each. Backups are converted too: a backup left in the
clear beside an encrypted dossier would defeat the point.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from raadsdossier.storage import backups, sqlitefile
from raadsdossier.domain.errors import DossierFileError, InvalidInput
from raadsdossier.storage.locking import DossierLock

MIN_PASSWORD_LENGTH = 8


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(None, f"kies een wachtwoord van minstens {MIN_PASSWORD_LENGTH} tekens.")


def _convert(source: Path, target: Path, old: str | None, new: str | None) -> None:
    """Write `source` (opened with `old`) as the new file `target` (encrypted with `new`, or plain) and check it."""
    cipher = sqlitefile.cipher_module()
    connection = cipher.connect(sqlitefile.uri(source, "ro"), uri=True, isolation_level=None)
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        if old is not None:
            connection.execute(f"PRAGMA key = {sqlitefile.quote_key(old)}")
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        user_version = connection.execute("PRAGMA user_version").fetchone()[0]
        quoted_target = "'" + str(target).replace("'", "''") + "'"
        connection.execute(f"ATTACH DATABASE {quoted_target} AS converted KEY {sqlitefile.quote_key(new or '')}")
        connection.execute("SELECT sqlcipher_export('converted')")
        connection.execute(f"PRAGMA converted.application_id = {int(application_id)}")
        connection.execute(f"PRAGMA converted.user_version = {int(user_version)}")
        connection.execute("DETACH DATABASE converted")
    finally:
        connection.close()
    backups.verify(target, new)
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())


def _replace_with_converted(path: Path, old: str | None, new: str | None) -> None:
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        _convert(path, temporary, old, new)
        os.replace(temporary, path)
    except (*sqlitefile.db_errors(), OSError) as exc:
        raise sqlitefile.write_failure(path, "het omzetten is mislukt", exc, "het bestand is ongewijzigd") from exc
    finally:
        temporary.unlink(missing_ok=True)
        sqlitefile.journal_path(temporary).unlink(missing_ok=True)


def change_encryption(path: Path, old: str | None, new: str | None) -> list[Path]:
    """Re-write the dossier at `path` and each of its backups from password `old` to `new` (None: plain).

    The dossier must not be open for writing anywhere (this takes its lock). The old password
    is checked before anything is written. Returns the backups that were converted.
    """
    path = Path(path)
    if new is not None:
        check_new_password(new)
    lock = DossierLock.acquire(path)
    try:
        sqlitefile.recover_hot_journal(path, old)
        backups.verify(path, old)  # WrongPassword or DamagedDossier before any change
        converted = []
        for backup in backups.list_backups(path):
            backup_old = old if sqlitefile.classify(backup.path) == sqlitefile.ENCRYPTED else None
            if backup_old == new:
                continue
            try:
                _replace_with_converted(backup.path, backup_old, new)
            except DossierFileError:
                continue  # an unreadable backup stays as it was; `check` and the backup list show it
            converted.append(backup.path)
        _replace_with_converted(path, old, new)
        return converted
    finally:
        lock.release()


def is_encrypted(path: Path) -> bool:
    return sqlitefile.classify(Path(path)) == sqlitefile.ENCRYPTED
