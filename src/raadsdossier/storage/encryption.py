"""Encryption at rest: encrypt, decrypt or change the password of a dossier and all its backups, as one step.

A dossier and its backups always share one password state. A change of it (encrypt, decrypt, passwd) runs in
two phases, recorded in a small journal beside the dossier (`.arnhem.raadsdossier.wachtwoordwissel`, names
only, never a password):

1. *prepare*: each file (the dossier and every backup) is written anew with SQLCipher's `sqlcipher_export`
   under a hidden name beside it and checked; the old files are not touched.
2. *switch*: the journal is rewritten to say "switch" (the moment the change is decided), each new file is
   renamed over its old one, and the journal goes.

A change interrupted in phase 1 is undone at the next open or command (the new files are removed); one
interrupted in phase 2 is finished (the renames still to do). `finish_interrupted` does that and says which,
so that a face can tell the user. A backup that does not open with the dossier's password is never skipped
in silence: the change refuses, naming it, until its password is given or it is removed.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from raadsdossier.domain.errors import BackupsInTheWay, DamagedDossier, DossierFileError, DossierLocked, InvalidInput, WrongPassword
from raadsdossier.base import tempfiles
from raadsdossier.storage import backups, sqlitefile, store
from raadsdossier.storage.files import os_reason
from raadsdossier.storage.locking import DossierLock, canonical

MIN_PASSWORD_LENGTH = 8
JOURNAL_FORMAT = "raadsdossier-wachtwoordwissel/1"
PREPARE, SWITCH = "prepare", "switch"
ENCRYPT, DECRYPT, PASSWD = "encrypt", "decrypt", "passwd"
# The change's name, and the state of the files once it is done and when it was undone.
_WORDS = {
    ENCRYPT: ("versleuteling", "versleuteld", "niet versleuteld"),
    DECRYPT: ("ontsleuteling", "niet meer versleuteld", "versleuteld met het wachtwoord dat ze hadden"),
    PASSWD: ("wachtwoordwijziging", "versleuteld met het nieuwe wachtwoord", "versleuteld met het oude wachtwoord"),
}


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(None, f"kies een wachtwoord van minstens {MIN_PASSWORD_LENGTH} tekens.")


def is_encrypted(path: Path) -> bool:
    return sqlitefile.classify(Path(path)) == sqlitefile.ENCRYPTED


def journal_path(path: Path) -> Path:
    """The journal of a password change of the dossier at `path` (beside its real file)."""
    real = canonical(Path(path))
    return real.with_name(f".{real.name}.wachtwoordwissel")


def changing(path: Path) -> bool:
    """Whether a password change of the dossier at `path` is under way or was interrupted."""
    return journal_path(path).exists()


@dataclass(frozen=True)
class Interrupted:
    """A password change that was interrupted and has now been finished or undone."""

    action: str  # ENCRYPT, DECRYPT or PASSWD
    finished: bool  # True: finished (the new password state); False: undone (the old one)
    files: int  # the dossier and its backups that were switched or left as they were

    def sentence_nl(self) -> str:
        name, done, undone = _WORDS[self.action]
        if self.finished:
            return (f"een onderbroken {name} is afgemaakt: het dossier en zijn reservekopieën zijn nu {done}.")
        return (f"een onderbroken {name} is ongedaan gemaakt: het dossier en zijn reservekopieën zijn nog {undone}; "
                "doe het opnieuw als u dat wilt.")


@dataclass(frozen=True)
class PasswordChange:
    converted: list[Path]  # the backups written with the new password state
    already: list[Path]  # backups that were in the new state already


# -- the journal ------------------------------------------------------------------------------------------


def _write_journal(path: Path, action: str, state: str, entries: list[tuple[Path, Path]]) -> None:
    """Write the journal whole (beside it, then renamed over it) and make it durable."""
    journal = journal_path(path)
    folder = journal.parent
    record = {"format": JOURNAL_FORMAT, "action": action, "state": state, "started": datetime.now().isoformat(),
              "files": [{"target": os.path.relpath(target, folder), "new": os.path.relpath(new, folder)}
                        for target, new in entries]}
    temporary = tempfiles.beside(journal)
    with temporary.open("w", encoding="utf-8") as handle:
        json.dump(record, handle, ensure_ascii=False, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, journal)
    backups.fsync_dir(folder)


def _read_journal(path: Path) -> tuple[str, str, list[tuple[Path, Path]]]:
    journal = journal_path(path)
    folder = journal.parent
    try:
        record = json.loads(journal.read_text(encoding="utf-8"))
        entries = [(folder / entry["target"], folder / entry["new"]) for entry in record["files"]]
        action, state = record["action"], record["state"]
        if record.get("format") != JOURNAL_FORMAT or action not in _WORDS or state not in (PREPARE, SWITCH):
            raise ValueError(record.get("format"))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DossierFileError(journal, f"het logboek van een onderbroken wachtwoordwijziging is onleesbaar ({exc}); "
                                        "het dossier is niet veranderd. Kijk of het dossier en zijn reservekopieën "
                                        "openen, en verwijder dan dit bestand.") from exc
    return action, state, entries


def _remove(new: Path) -> None:
    new.unlink(missing_ok=True)
    sqlitefile.journal_path(new).unlink(missing_ok=True)


def _undo(path: Path, entries: list[tuple[Path, Path]]) -> None:
    for _target, new in entries:
        _remove(new)
    journal_path(path).unlink(missing_ok=True)
    backups.fsync_dir(journal_path(path).parent)


def _switch(path: Path, entries: list[tuple[Path, Path]]) -> None:
    """Rename every new file over its old one (those renamed before an interruption are gone), then end."""
    folders = set()
    for target, new in entries:
        if new.exists():
            os.replace(new, target)
            folders.add(target.parent)
        sqlitefile.journal_path(new).unlink(missing_ok=True)
    for folder in folders:
        backups.fsync_dir(folder)
    journal_path(path).unlink()
    backups.fsync_dir(journal_path(path).parent)


def finish_interrupted(path: Path) -> Interrupted | None:
    """Finish or undo a password change of the dossier at `path` that was interrupted; None when there was none,
    or when another program holds the dossier (it is changing it now, or finished that when it opened it)."""
    path = Path(path)
    if not changing(path):
        return None
    try:
        lock = DossierLock.acquire(path)
    except DossierLocked:
        return None
    try:
        return finish_interrupted_locked(path)
    finally:
        lock.release()


def finish_interrupted_locked(path: Path) -> Interrupted | None:
    """`finish_interrupted` for a caller that holds the dossier's lock."""
    journal = journal_path(path)
    tempfiles.remove_leftovers(journal.parent, journal.name)  # a journal killed while it was being written
    if not journal.exists():
        return None
    action, state, entries = _read_journal(path)
    try:
        if state == SWITCH:
            _switch(path, entries)
        else:
            _undo(path, entries)
    except OSError as exc:
        raise sqlitefile.write_failure(path, "een onderbroken wachtwoordwijziging kon niet worden afgerond", exc,
                                       "probeer het opnieuw") from exc
    return Interrupted(action, state == SWITCH, len(entries))


# -- the change -------------------------------------------------------------------------------------------


def _convert(source: Path, target: Path, old: str | None, new: str | None) -> None:
    """Write `source` (opened with `old`) as the new file `target` (encrypted with `new`, or plain) and check it
    (on the same connection: SQLCipher derives each file's key once, and that takes a good part of a second)."""
    cipher = sqlitefile.cipher_module()
    connection = cipher.connect(sqlitefile.uri(source, "ro"), uri=True, isolation_level=None)
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute("PRAGMA temp_store = MEMORY")  # as sqlitefile.connect: no clear text in a temporary file
        if old is not None:
            connection.execute(f"PRAGMA key = {sqlitefile.quote_key(old)}")
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        user_version = connection.execute("PRAGMA user_version").fetchone()[0]
        quoted_target = "'" + str(target).replace("'", "''") + "'"
        connection.execute(f"ATTACH DATABASE {quoted_target} AS converted KEY {sqlitefile.quote_key(new or '')}")
        # No journal and no syncs while the new file is written: it is checked and synced whole afterwards, and
        # an interrupted one is thrown away (the journal of the change names it).
        connection.execute("PRAGMA converted.journal_mode = OFF")
        connection.execute("PRAGMA converted.synchronous = OFF")
        connection.execute("SELECT sqlcipher_export('converted')")
        connection.execute(f"PRAGMA converted.application_id = {int(application_id)}")
        connection.execute(f"PRAGMA converted.user_version = {int(user_version)}")
        verdict = connection.execute("PRAGMA converted.quick_check").fetchone()[0]
        connection.execute("DETACH DATABASE converted")
    finally:
        connection.close()
    if verdict != "ok" or sqlitefile.classify(target) != (sqlitefile.PLAIN if new is None else sqlitefile.ENCRYPTED):
        raise DamagedDossier(source, f"de omgezette kopie is niet in orde ({verdict}); er is niets veranderd.")
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())


def _opens_with(backup: Path, candidates: list[str | None]) -> tuple[bool, str | None]:
    """Which of `candidates` opens the backup (None for a plain one): (True, it), or (False, None)."""
    if sqlitefile.classify(backup) == sqlitefile.PLAIN:
        backups.verify(backup, None)  # DamagedDossier: a plain backup that cannot be read is named, not converted
        return True, None
    for candidate in candidates:
        if candidate is None:
            continue
        try:  # reading the schema is enough here: the conversion reads every page, and checks what it wrote
            sqlitefile.connect(backup, "ro", candidate).close()
        except WrongPassword:
            continue
        return True, candidate
    return False, None


def _plan(path: Path, old: str | None, new: str | None, backup_passwords: list[str],
          known: set[Path]) -> tuple[list[tuple[Path, str | None]], list[Path]]:
    """The backups of `path` not in `known` that must change, each with the password that opens it now, and those
    already in the new state. BackupsInTheWay (before anything is written) for a backup nothing opens."""
    plan, already, problems, need_password = [], [], [], []
    for found in backups.list_backups(path):
        if found.path in known:
            continue
        candidates = [old, *backup_passwords, new]
        try:
            opens, current = _opens_with(found.path, candidates)
        except DossierFileError as exc:
            problems.append((found.path, exc.problem))
            continue
        if not opens:
            problems.append((found.path, "hij is versleuteld met een ander wachtwoord, of beschadigd"))
            need_password.append(found.path)
        elif current == new:
            already.append(found.path)
        else:
            plan.append((found.path, current))
    if problems:
        raise BackupsInTheWay(path, problems, need_password)
    return plan, already


def change_encryption(path: Path, old: str | None, new: str | None,
                      backup_passwords: list[str] | tuple[str, ...] = ()) -> PasswordChange:
    """Re-write the dossier at `path` and each of its backups from password `old` to `new` (None: plain), as one
    step (see the module's text). `backup_passwords` open backups that still have another password.

    The dossier must not be open for writing anywhere (this takes its lock). The old password and every backup
    are checked before anything is written: WrongPassword, DamagedDossier or BackupsInTheWay leave all as it was.
    """
    path = Path(path)
    if new is not None:
        check_new_password(new)
    action = ENCRYPT if old is None else DECRYPT if new is None else PASSWD
    lock = DossierLock.acquire(path)
    try:
        finish_interrupted_locked(path)  # the faces did this before asking for passwords; here only for a caller that did not
        sqlitefile.recover_hot_journal(path, old)
        backups.verify(path, old)  # WrongPassword or DamagedDossier before any change
        plan, already = _plan(path, old, new, list(backup_passwords), set())
        # A dossier checked out from a server keeps beside it a copy of what was checked out (storage/store.py):
        # it holds the same text, so it changes password with the dossier.
        base = store.base_path(path)
        if base.exists():
            plan.insert(0, (base, old))
        _check_can_replace([path, *(target for target, _current in plan)])
        token = uuid.uuid4().hex[:8]
        entries: list[tuple[Path, Path]] = []
        try:
            for target, current in [(path, old), *plan]:
                entries.append((target, _new_file(target, token)))
                _write_journal(path, action, PREPARE, entries)  # names the file before it is written
                _convert(target, entries[-1][1], current, new)
            # A backup another program made (from a reader) while this one prepared joins the change.
            while extra := _plan(path, old, new, list(backup_passwords), {t for t, _n in entries} | set(already))[0]:
                for target, current in extra:
                    entries.append((target, _new_file(target, token)))
                    _write_journal(path, action, PREPARE, entries)
                    _convert(target, entries[-1][1], current, new)
            _write_journal(path, action, SWITCH, entries)
        except BaseException as exc:
            _undo(path, entries)
            if isinstance(exc, (*sqlitefile.db_errors(), OSError)):
                raise sqlitefile.write_failure(path, "het omzetten is mislukt", exc,
                                               "het dossier en zijn reservekopieën zijn ongewijzigd") from exc
            raise
        try:
            _switch(path, entries)
        except OSError as exc:  # the change is decided: the next open or command finishes it
            raise sqlitefile.write_failure(path, "het omzetten kon niet worden afgemaakt", exc,
                                           "het wordt afgemaakt bij de volgende keer openen") from exc
        return PasswordChange([target for target, _new in entries[1:] if target != base], already)
    finally:
        lock.release()


def _check_can_replace(files: list[Path]) -> None:
    """DossierFileError naming the first of `files` that could not be replaced by its new version, or whose folder
    takes no new file, before anything is written: a change that fails only at its switch is finished at every
    next open, and an immutable or read-only file would make every next open fail. Nothing is left behind."""
    folders: set[Path] = set()
    for target in files:
        try:
            os.close(os.open(target, os.O_WRONLY))  # a file made immutable (chattr +i) or read-only refuses this
        except OSError as exc:
            raise DossierFileError(target, f"het bestand kan niet worden veranderd ({os_reason(exc)}); er is "
                                           "niets veranderd.") from None
        if target.parent in folders:
            continue
        folders.add(target.parent)
        probe = tempfiles.beside(target)
        try:
            os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL))
            os.unlink(probe)
        except OSError as exc:
            raise DossierFileError(target, f"in de map van dit bestand kan niets worden geschreven ({os_reason(exc)}); "
                                           "er is niets veranderd.") from None


def _new_file(target: Path, token: str) -> Path:
    return target.with_name(f".{target.name}.wachtwoordwissel-{token}.nieuw")
