"""Backups of a dossier: made with SQLite's backup API, verified, renamed into place, rotated; and restore.

A dossier `arnhem.raadsdossier` keeps its backups in the folder
`arnhem.raadsdossier-reservekopieen/` beside it, as complete dossier files named
`arnhem.20261201-194012.auto.raadsdossier`. A backup is written under a hidden temporary
name, checked with `quick_check` and only then given its name, so a backup that is listed is
always whole. Backups of an encrypted dossier are encrypted with the same password.

Functions here may be called from any thread; they open their own connections.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from raadsdossier.base import tempfiles
from raadsdossier.storage import sqlitefile
from raadsdossier.storage.locking import canonical
from raadsdossier.domain.errors import DamagedDossier, DossierError, DossierFileError, InvalidInput

BACKUP_DIR_SUFFIX = "-reservekopieen"
# The dossier's own backup policy (BackupPolicy.text()), kept in dossier_meta so it travels with the file.
POLICY_META_KEY = "backup_policy"
# Why a backup was made (file names and the interchange with the GUI use the English words).
REASONS = {
    "auto": "automatisch", "manual": "handmatig", "migration": "vóór bijwerken", "restore": "vóór terugzetten",
    "repair": "vóór reparatie", "import": "vóór import", "encrypt": "vóór versleutelen",
}
_NAME = re.compile(r"^(?P<stem>.+)\.(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?\.(?P<reason>[a-z]+)(?P<suffix>\.[^.]+)$")


@dataclass(frozen=True)
class BackupPolicy:
    """How many backups to keep: the newest `recent`, and the newest of each of the last days, weeks and months
    that have one. Automatic backups are made at most every `interval_minutes`."""

    recent: int = 5
    daily: int = 7
    weekly: int = 4
    monthly: int = 12
    interval_minutes: int = 30

    FIELDS = ("recent", "daily", "weekly", "monthly", "interval_minutes")

    @classmethod
    def parse(cls, text: str) -> "BackupPolicy":
        """From "recent=5,daily=7,weekly=4,monthly=12" (any subset); InvalidInput when wrong."""
        values = {}
        for part in filter(None, (p.strip() for p in text.split(","))):
            key, _, value = part.partition("=")
            key = key.strip()
            if key not in cls.FIELDS or not value.strip().isdigit():
                raise InvalidInput(None, f"onbekende instelling voor reservekopieën: '{part}' "
                                         f"(gebruik bijvoorbeeld recent=5,daily=7,weekly=4,monthly=12).")
            values[key] = int(value)
        policy = cls(**values)
        if policy.recent < 1:
            raise InvalidInput(None, "bewaar minstens één recente reservekopie (recent=1 of meer).")
        return policy

    def text(self) -> str:
        return ",".join(f"{name}={getattr(self, name)}" for name in self.FIELDS)


@dataclass(frozen=True)
class Backup:
    path: Path
    made: datetime
    reason: str

    @property
    def reason_nl(self) -> str:
        return REASONS.get(self.reason, self.reason)


def backup_dir(path: Path) -> Path:
    """The folder beside the dossier file (its real place, whatever path leads to it) that holds its backups."""
    path = canonical(path)
    return path.with_name(path.name + BACKUP_DIR_SUFFIX)


def list_backups(path: Path) -> list[Backup]:
    """The finished backups of the dossier at `path`, newest first (temporary files are never listed)."""
    directory = backup_dir(path)
    if not directory.is_dir():
        return []
    found = []
    for candidate in directory.iterdir():
        match = _NAME.match(candidate.name)
        if not match or candidate.name.startswith(".") or not candidate.is_file():
            continue
        made = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
        found.append((made, int(match["n"] or 1), Backup(candidate, made, match["reason"])))
    return [backup for *_key, backup in sorted(found, key=lambda t: (t[0], t[1]), reverse=True)]


def _target_name(path: Path, reason: str, now: datetime) -> Path:
    """The next backup's name; backups made in the same second are numbered, so the order stays total."""
    directory = backup_dir(path)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    real = canonical(path)
    stem, suffix = real.stem, real.suffix or ".raadsdossier"
    same_second = [m for m in map(_NAME.match, (p.name for p in directory.glob(f"{stem}.{stamp}*")))
                   if m and m["stamp"] == stamp]
    n = max((int(m["n"] or 1) for m in same_second), default=0) + 1
    return directory / (f"{stem}.{stamp}.{reason}{suffix}" if n == 1 else f"{stem}.{stamp}-{n}.{reason}{suffix}")


def fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def copy_verified(source: Path, target: Path, password: str | None, problem_path: Path | None = None,
                  doing: str = "de reservekopie kon niet worden gemaakt") -> None:
    """Copy the database at `source` to the new file `target` with the backup API and check the copy.

    `target` is written under a temporary name beside it and renamed into place only after
    `quick_check` says ok; on any failure nothing is left at `target`, and the error (naming `problem_path`,
    else `target`) says "{doing}: {why}" ("de map bestaat niet", "geen toestemming", "de schijf is vol").
    """
    temporary = tempfiles.beside(target)
    errors = sqlitefile.db_errors()
    try:
        # Made here, empty (SQLite takes an empty file for a new database): for a folder that is missing or refuses
        # a new file SQLite says only "unable to open database file", the system says which.
        os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
        src = sqlitefile.connect(source, "ro", password)
        try:
            dst = sqlitefile.connect(temporary, "rwc", password)
            try:
                src.backup(dst)
                verdict = dst.execute("PRAGMA quick_check").fetchone()[0]
            finally:
                dst.close()
        finally:
            src.close()
        if verdict != "ok":
            raise DamagedDossier(problem_path or source, f"de kopie is niet in orde ({verdict}); het dossier zelf is "
                                                         "waarschijnlijk beschadigd. Er is niets veranderd.")
        with temporary.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
        fsync_dir(target.parent)
    except (*errors, OSError) as exc:
        if isinstance(exc, FileNotFoundError) and not target.parent.is_dir():
            raise DossierFileError(problem_path or target, f"{doing}: de map bestaat niet; er is niets veranderd.",
                                   reason="de map bestaat niet") from exc
        raise sqlitefile.write_failure(problem_path or target, doing, exc) from exc
    finally:
        temporary.unlink(missing_ok=True)
        sqlitefile.journal_path(temporary).unlink(missing_ok=True)


def make_backup(path: Path, password: str | None = None, reason: str = "manual", now: datetime | None = None,
                policy: BackupPolicy | None = None) -> Path:
    """Back up the dossier at `path` and rotate its backups; returns the new backup's path.

    The dossier may be open (in this or another process): the backup API copies one
    consistent state. Raises DossierFileError (or StorageFull) and leaves no partial file.
    """
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    from raadsdossier.storage.encryption import changing

    path = Path(path)
    if changing(path):  # a backup made now could miss the change and keep the old password
        raise DossierFileError(path, "het wachtwoord van dit dossier wordt op dit moment gewijzigd (of dat is "
                                     "onderbroken); de reservekopie is niet gemaakt. Open het dossier opnieuw en "
                                     "probeer het dan nog eens.")
    now = now or datetime.now()
    directory = backup_dir(path)
    try:
        directory.mkdir(exist_ok=True)
    except OSError as exc:
        raise sqlitefile.write_failure(directory, "de map voor reservekopieën kan niet worden gemaakt", exc) from exc
    tempfiles.remove_leftovers(directory)
    target = _target_name(path, reason, now)
    copy_verified(path, target, password, problem_path=path)
    rotate(path, policy or BackupPolicy(), keep=target)
    return target


def _newest_per(backups: list[Backup], bucket, count: int) -> set[Path]:
    kept: dict = {}
    for backup in backups:  # newest first, so the first one seen in a bucket is its newest
        key = bucket(backup.made)
        if key not in kept:
            if len(kept) == count:
                break
            kept[key] = backup.path
    return set(kept.values())


def rotate(path: Path, policy: BackupPolicy, keep: Path | None = None) -> list[Path]:
    """Delete the backups the policy does not keep; returns what was removed."""
    backups = list_backups(path)
    kept = {b.path for b in backups[:policy.recent]}
    kept |= _newest_per(backups, lambda made: made.date(), policy.daily)
    kept |= _newest_per(backups, lambda made: made.isocalendar()[:2], policy.weekly)
    kept |= _newest_per(backups, lambda made: (made.year, made.month), policy.monthly)
    if keep is not None:
        kept.add(keep)
    removed = []
    for backup in backups:
        if backup.path not in kept:
            try:
                backup.path.unlink()
                removed.append(backup.path)
            except OSError:
                pass
    return removed


def needs_auto_backup(path: Path, policy: BackupPolicy, now: datetime | None = None) -> bool:
    """Whether the dossier changed since its newest backup and that backup is older than the interval."""
    now = now or datetime.now()
    backups = list_backups(path)
    if not backups:
        return True
    newest = backups[0]
    if now - newest.made < timedelta(minutes=policy.interval_minutes):
        return False
    try:  # file times, not the clock: the backup was finished after it read the dossier
        return Path(path).stat().st_mtime > newest.path.stat().st_mtime
    except OSError:
        return False


def item_counts(backup: Path, password: str | None = None) -> dict[str, int]:
    """How many items of each kind a backup holds (read-only); DamagedDossier when it cannot be read."""
    try:
        connection = sqlitefile.connect_any(backup, "ro", password)
    except sqlitefile.db_errors() as exc:
        raise DamagedDossier(backup, f"deze reservekopie kan niet worden gelezen ({sqlitefile.reason(exc)}).") from exc
    try:
        rows = connection.execute("SELECT kind, count(*) FROM items GROUP BY kind").fetchall()
    except sqlitefile.db_errors() as exc:
        raise DamagedDossier(backup, f"deze reservekopie kan niet worden gelezen ({sqlitefile.reason(exc)}).") from exc
    finally:
        connection.close()
    return {kind: count for kind, count in rows if kind != "partnership"}


def _partnership(path: Path, password: str | None) -> tuple[str, str] | None:
    """(id, "Arnhem – Wuhan") of the partnership a dossier or backup is about; None when it cannot be read."""
    try:
        connection = sqlitefile.connect_any(path, "ro", password)
    except (DossierError, *sqlitefile.db_errors()):
        return None
    try:
        row = connection.execute("SELECT p.id, p.dutch_side, p.partner_name FROM partnerships p "
                                 "JOIN items i ON i.id = p.id ORDER BY i.seq LIMIT 1").fetchone()
    except sqlitefile.db_errors():
        return None
    finally:
        connection.close()
    return (row[0], f"{row[1]} – {row[2]}") if row else None


# What a backup that does not fit its dossier is: the kind of problem decides what the user can do.
OTHER_PASSWORD, DAMAGED, NEWER, PLAIN_BESIDE_ENCRYPTED = "password", "damaged", "newer", "plain"


@dataclass(frozen=True)
class BackupProblem:
    kind: str  # OTHER_PASSWORD, DAMAGED, NEWER or PLAIN_BESIDE_ENCRYPTED
    text: str  # one Dutch sentence: what is wrong and what to do


def diagnose(backup: Path, password: str | None, thorough: bool = False) -> BackupProblem | None:
    """Why the backup at `backup` does not fit a dossier with `password` (None: a plain dossier); None when it
    does. Opens the backup read-only; with `thorough`, SQLite's quick_check reads every page of it too."""
    from raadsdossier.domain.errors import WrongPassword
    from raadsdossier.storage import migrations

    set_aside = "Verwijder hem of zet hem apart; de andere reservekopieën blijven bruikbaar."
    try:
        state = sqlitefile.classify(backup)
    except DossierFileError as exc:
        return BackupProblem(DAMAGED, f"deze reservekopie is onbruikbaar: {exc.problem} {set_aside}")
    if state == sqlitefile.ENCRYPTED and password is None:
        return BackupProblem(OTHER_PASSWORD, "deze reservekopie is versleuteld en het dossier niet: hij opent alleen "
                                             "met het wachtwoord waarmee hij is versleuteld (of hij is beschadigd). "
                                             f"Weet u dat wachtwoord niet meer, dan is hij niet te gebruiken. {set_aside}")
    try:
        connection = sqlitefile.connect(backup, "ro", password if state == sqlitefile.ENCRYPTED else None)
    except WrongPassword:
        return BackupProblem(OTHER_PASSWORD, "deze reservekopie opent niet met het wachtwoord van het dossier: hij "
                                             "heeft nog een ander (ouder) wachtwoord, of hij is beschadigd. Geef dat "
                                             "wachtwoord bij 'passwd' (--backup-password-file) om hem op het wachtwoord "
                                             f"van het dossier te zetten. {set_aside}")
    except sqlitefile.db_errors() as exc:
        return BackupProblem(DAMAGED, f"deze reservekopie kan niet worden gelezen ({sqlitefile.reason(exc)}). {set_aside}")
    except DossierFileError as exc:
        return BackupProblem(DAMAGED, f"deze reservekopie is onbruikbaar: {exc.problem} {set_aside}")
    try:
        if connection.execute("PRAGMA application_id").fetchone()[0] != sqlitefile.APPLICATION_ID:
            return BackupProblem(DAMAGED, f"dit is geen Raadsdossier-dossier. {set_aside}")
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is not None and row[0] not in migrations.known_revisions():
            return BackupProblem(NEWER, f"deze reservekopie is gemaakt met een nieuwere versie van Raadsdossier "
                                        f"(schema {row[0]}); deze versie kan hem niet terugzetten. Werk Raadsdossier "
                                        "bij om hem te gebruiken.")
        if thorough:
            verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
            if verdict != "ok":
                return BackupProblem(DAMAGED, f"deze reservekopie is beschadigd (integriteitscontrole: "
                                              f"{sqlitefile.first_problem(verdict)}). {set_aside}")
    except sqlitefile.db_errors() as exc:
        return BackupProblem(DAMAGED, f"deze reservekopie kan niet worden gelezen ({sqlitefile.reason(exc)}). {set_aside}")
    finally:
        connection.close()
    if state == sqlitefile.PLAIN and password is not None:
        return BackupProblem(PLAIN_BESIDE_ENCRYPTED, "deze reservekopie staat niet versleuteld naast het versleutelde "
                                                     "dossier: wie de map leest, leest hem. 'passwd' versleutelt hem "
                                                     "mee; of verwijder hem.")
    return None


def verify(path: Path, password: str | None = None) -> None:
    """Raise DamagedDossier (or NotADossier, WrongPassword) unless `path` is a whole, readable dossier."""
    try:
        connection = sqlitefile.connect_any(path, "ro", password)
    except sqlitefile.db_errors() as exc:
        raise DamagedDossier(path, f"het bestand kan niet worden gelezen ({sqlitefile.reason(exc)}).") from exc
    try:
        verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
        app_id = connection.execute("PRAGMA application_id").fetchone()[0]
    except sqlitefile.db_errors() as exc:
        raise sqlitefile.busy_or(exc, path, DamagedDossier(path, sqlitefile.damaged("het bestand is beschadigd",
                                                                                  sqlitefile.reason(exc)))) \
            from exc
    finally:
        connection.close()
    if app_id != sqlitefile.APPLICATION_ID:
        from raadsdossier.domain.errors import NotADossier

        raise NotADossier(path, "dit is een SQLite-database, maar geen Raadsdossier-dossier.")
    if verdict != "ok":
        raise DamagedDossier(path, f"het bestand is beschadigd (integriteitscontrole: {verdict}).")


def set_aside(path: Path, now: datetime | None = None) -> Path:
    """Move a damaged dossier (and any journal of it) out of the way, never deleting it; returns its new name."""
    now = now or datetime.now()
    target = path.with_name(f"{path.name}.beschadigd-{now:%Y%m%d-%H%M%S}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.beschadigd-{now:%Y%m%d-%H%M%S}-{n}")
    os.replace(path, target)
    journal = sqlitefile.journal_path(path)
    if journal.exists():
        os.replace(journal, sqlitefile.journal_path(target))
    return target


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    # The state before restoring: a backup (reason "restore"), or the damaged file set aside.
    previous: Path | None
    previous_was_damaged: bool


def restore(path: Path, backup: Path, password: str | None = None, now: datetime | None = None,
            only_if_damaged: bool = False) -> RestoreResult:
    """Put `backup` in the place of the dossier at `path`, keeping the state before as a backup.

    The caller must not have the dossier open; this takes the writer's lock itself (DossierLocked when
    another program has it). A damaged dossier is set aside instead of backed up. The backup is verified
    before anything changes. With `only_if_damaged` (a restore offered because the file seemed damaged)
    the file is checked again once the lock is held, and a healthy one is left alone: nothing is restored.
    """
    from raadsdossier.storage.locking import DossierLock

    path, backup = Path(path), Path(backup)
    verify(backup, password)
    from raadsdossier.storage.encryption import finish_interrupted_locked

    lock = DossierLock.acquire(path)
    try:
        finish_interrupted_locked(path)  # a switch left half-way would otherwise later rename over what is restored
        previous, damaged = None, False
        if path.exists():
            try:
                sqlitefile.classify(path)
                sqlitefile.recover_hot_journal(path, password)
                verify(path, password)
            except DamagedDossier:
                damaged = True
            if only_if_damaged and not damaged:
                raise DossierFileError(path, "het dossier blijkt bij nader inzien in orde: de controle vindt geen "
                                             "fout. Er is niets teruggezet; open het gewoon opnieuw.")
            if not damaged:  # a backup of another partnership given by mistake (the state before would be kept,
                # but the user meant another file)
                mine, theirs = _partnership(path, password), _partnership(backup, password)
                if mine and theirs and mine[0] != theirs[0]:
                    raise DossierFileError(backup, f"dit is een dossier of reservekopie van {theirs[1]}, niet van "
                                                   f"{mine[1]}; er is niets teruggezet.")
            if damaged:
                previous = set_aside(path, now)
            else:
                previous = make_backup(path, password, "restore", now)
        temporary = tempfiles.beside(path)
        try:
            shutil.copyfile(backup, temporary)
            with temporary.open("rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(temporary, path)
            fsync_dir(path.parent)
        except OSError as exc:
            raise sqlitefile.write_failure(path, "de reservekopie kon niet worden teruggezet", exc,
                                           "het dossier is ongewijzigd") from exc
        finally:
            temporary.unlink(missing_ok=True)
        return RestoreResult(backup, previous, damaged)
    finally:
        lock.release()


def auto_backup(dossier, now: datetime | None = None) -> Path | None:
    """Make an automatic backup of an open dossier when its policy says one is due; returns it, or None."""
    policy = dossier.backup_policy()
    if not needs_auto_backup(dossier.path, policy, now):
        return None
    return make_backup(dossier.path, dossier.password, "auto", now, policy)
