"""Dossier files: create, open (checking what the file is first), and one transaction per change.

Storage setup: a single SQLite file in rollback-journal mode (no -wal/-shm side
files, so a dossier can be copied, mailed or put on a network drive as one file),
`synchronous=FULL` so a committed change survives a power cut, foreign keys on.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from functools import cache

from sqlalchemy import create_engine, event
from sqlalchemy.pool import QueuePool
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from typing import TYPE_CHECKING

from raadsdossier.domain.errors import (
    DamagedDossier, DossierError, DossierExists, DossierFileError, PasswordRequired,
)
from raadsdossier.storage import backups, migrations, sqlitefile
from raadsdossier.storage.locking import DossierLock
from raadsdossier.storage.sqlitefile import APPLICATION_ID, ENCRYPTED, SUFFIX  # noqa: F401  (APPLICATION_ID, SUFFIX re-exported)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

# The ORM and the models are imported when the first session is made, not with this module: mapping
# the models costs a third of a second, and the command line's `info` and `search` read with plain SQL.


@cache
def _session_class() -> type[Session]:
    """Sessions on a dossier; the search index follows their flushes (storage/indexing.py)."""
    from sqlalchemy.orm import Session

    from raadsdossier.storage import indexing

    class DossierSession(Session):
        pass

    indexing.install_hooks(DossierSession)
    return DossierSession


def _make_engine(path: Path, mode: str, password: str | None = None) -> Engine:
    # The connection is in autocommit mode: SQLAlchemy, not the sqlite3 module, decides where
    # transactions begin, so DDL in migrations is transactional too (the documented pysqlite
    # recipe; see the "begin" listener below).
    module = sqlite3 if password is None else sqlitefile.cipher_module()
    # QueuePool, as SQLAlchemy gives a file database: the "sqlite://" URL that `creator` needs would get the
    # pool of an in-memory one (SingletonThreadPool), which closes the connections of other threads, even
    # one in the middle of a read, once more than five threads have used it (the window's background tasks).
    engine = create_engine("sqlite://", creator=lambda: sqlitefile.connect(path, mode, password), module=module,
                           poolclass=QueuePool)

    @event.listens_for(engine, "begin")
    def _begin(connection):
        connection.exec_driver_sql("BEGIN")

    return engine


def _remove_leftovers(path: Path) -> None:
    """Remove what a program killed while it wrote this dossier's files left: temporary copies beside it and in
    its backup folder (a restore, a backup). Files that another running program writes are left alone."""
    from raadsdossier.base import tempfiles
    from raadsdossier.storage.locking import canonical

    real = canonical(path)
    tempfiles.remove_leftovers(real.parent, real.name)
    tempfiles.remove_leftovers(backups.backup_dir(real))


def check_is_dossier(path: Path) -> str:
    """Raise a typed error unless `path` is an existing dossier file; returns PLAIN or ENCRYPTED. Reads, never writes."""
    return sqlitefile.classify(Path(path))


class Dossier:
    """An open dossier file. Use `transaction()` for changes and `session()` for reading.

    A dossier opened for writing holds its lock (see core/locking.py) until `close()`.
    """

    def __init__(self, path: Path, engine: Engine, read_only: bool = False, password: str | None = None,
                 lock: DossierLock | None = None) -> None:
        self.path = path
        self.engine = engine
        self.read_only = read_only
        self.lock = lock
        self._password = password  # kept in memory only: new connections and backups need it
        self._session_factory: sessionmaker | None = None
        self._scratch: Path | None = None  # the folder of the upgraded copy an older dossier is read from
        # A password change interrupted earlier that opening this dossier finished or undone (encryption.Interrupted).
        self.interrupted = None

    def _sessions(self) -> Session:
        if self._session_factory is None:
            from sqlalchemy.orm import sessionmaker

            self._session_factory = sessionmaker(bind=self.engine, class_=_session_class(), expire_on_commit=False)
        return self._session_factory()

    @property
    def encrypted(self) -> bool:
        return self._password is not None

    @property
    def password(self) -> str | None:
        return self._password

    # -- lifecycle -------------------------------------------------------

    @classmethod
    def create(cls, path: Path | str, password: str | None = None) -> "Dossier":
        """Create a new, empty dossier at `path` (which must not exist) at the newest schema.

        With a password the file is encrypted with SQLCipher from its first byte.
        """
        path = Path(path)
        if path.exists():
            raise DossierExists(path)
        if not path.parent.is_dir():
            raise DossierFileError(path, "de map waarin het dossier moet komen bestaat niet.")
        if password is not None and not password:
            raise DossierFileError(path, "een leeg wachtwoord kan een dossier niet versleutelen.")
        engine = _make_engine(path, "rwc", password)
        try:
            with engine.begin() as connection:
                connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
                migrations.upgrade(connection)
                migrations.stamp_app_version(connection)
        except BaseException as exc:
            engine.dispose()
            path.unlink(missing_ok=True)
            sqlitefile.journal_path(path).unlink(missing_ok=True)
            if isinstance(exc, (OperationalError, DatabaseError, OSError, *sqlitefile.db_errors())):
                # a full disk, a folder that refuses: SQLite's English would otherwise reach the user
                raise sqlitefile.write_failure(path, "het dossier kon niet worden gemaakt", exc,
                                               after="er is geen dossier gemaakt") from exc
            raise
        return cls(path, engine, password=password)

    @classmethod
    def open(cls, path: Path | str, read_only: bool = False, password: str | None = None,
             verify: bool = True, scratch: bool = False) -> "Dossier":
        """Open an existing dossier, migrating it to the newest schema if it is older.

        Opened read-only, an older dossier is not changed: it is read from a private copy brought up to the
        newest schema (in the system's temporary folder, removed on close), so that a pack or a look at a
        dossier another program has open works with an older file too. With `scratch` (read-only only) it is
        always read from such a copy, which sessions may write to and which goes on close: a dry run of an import
        writes there, so it needs neither the writer's lock nor a file or folder it may write.

        Raises DossierNotFound, NotADossier, DamagedDossier, DossierTooNew, PasswordRequired,
        WrongPassword or DossierLocked and then leaves the file exactly as it was. A dossier
        opened for writing is locked against other writers; a lock left by a crashed program
        is taken over. With `verify`, SQLite's quick_check runs first so that damage anywhere
        in the file is found now rather than when that part is read.
        """
        from raadsdossier.storage import encryption

        path = Path(path)
        # A password change another run left half-way is finished or undone first: it decides the password.
        interrupted = encryption.finish_interrupted(path)
        if check_is_dossier(path) == ENCRYPTED:
            if password is None:
                raise PasswordRequired(path)
        else:
            password = None
        lock = None if read_only else DossierLock.acquire(path)
        try:
            _remove_leftovers(path)
            sqlitefile.recover_hot_journal(path, password)
            revision = cls._probe(path, password, verify)
            migrate = not read_only and revision != migrations.head_revision()
            if read_only and (scratch or revision != migrations.head_revision()):
                engine, folder = _upgraded_copy(path, password, writable=scratch)
                opened = cls(path, engine, read_only, password, lock)
                opened._scratch, opened.interrupted = folder, interrupted
                return opened
            if migrate:
                backups.make_backup(path, password, "migration")
            engine = _make_engine(path, "ro" if read_only else "rw", password)
            if migrate:
                try:
                    with engine.begin() as connection:
                        migrations.upgrade(connection)
                        migrations.stamp_app_version(connection)
                except Exception as exc:  # a migration that fails for any reason leaves the old schema whole
                    engine.dispose()
                    raise DossierFileError(path, f"het dossier kon niet worden bijgewerkt naar deze versie van "
                                                 f"Raadsdossier ({_reason(exc)}); het bestand is ongewijzigd.") from exc
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        opened = cls(path, engine, read_only, password, lock)
        opened.interrupted = interrupted
        return opened

    @staticmethod
    def _probe(path: Path, password: str | None, verify: bool) -> str:
        """The file's schema revision, after checking (read-only) that SQLite can read all of it."""
        probe = _make_engine(path, "ro", password)
        try:
            with probe.connect() as connection:
                revision = migrations.current_revision(connection, path)
                if verify:
                    verdict = connection.exec_driver_sql("PRAGMA quick_check").scalar()
                    if verdict != "ok":
                        raise DamagedDossier(path, f"het dossier is beschadigd (de integriteitscontrole meldt: "
                                                   f"{sqlitefile.first_problem(verdict)}); er is niets veranderd.")
                return revision
        except (DatabaseError, OperationalError) as exc:
            unreadable = sqlitefile.damaged("het dossier is beschadigd en kan niet worden gelezen", _reason(exc))
            raise sqlitefile.busy_or(exc, path, DamagedDossier(path, unreadable)) from exc
        finally:
            probe.dispose()

    def close(self) -> None:
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        scratch, self._scratch = self._scratch, None
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)

    def __enter__(self) -> "Dossier":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # -- sessions --------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of change: everything done with the session lands, or nothing does."""
        if self.read_only:
            raise DossierFileError(self.path, "het dossier is alleen-lezen geopend.")
        session = self._sessions()
        try:
            with session.begin():
                yield session
        except (OperationalError, DatabaseError) as exc:
            session.close()
            self._recover_after_failed_write()
            raise sqlitefile.write_failure(self.path, "de wijziging kon niet worden opgeslagen", exc) from exc
        except (ValueError, LookupError) as exc:
            raise self._unreadable_value(exc) or exc
        finally:
            session.close()

    def _recover_after_failed_write(self) -> None:
        """Put the file back as it was, on disk, now. A write that fails half-way (a full disk) leaves its
        rollback journal beside the file, and SQLite plays it back only at the next read, which the failing
        connection, in its error state, may never make: a copy of the file alone would then be damaged. So
        every connection goes, and a fresh one reads, which rolls the journal back (byte for byte)."""
        if not sqlitefile.journal_path(self.path).exists():
            return  # rolled back already (the usual case: a refused change)
        self.engine.dispose()
        try:
            sqlitefile.recover_hot_journal(self.path, self._password)
        except DossierError:
            pass  # the next open says what is wrong; the write's own error is the one to report now

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for reading; nothing it changes is committed. A read that waited in vain for another
        program's write raises DossierBusy; one SQLite cannot make, DamagedDossier."""
        session = self._sessions()
        try:
            yield session
        except (OperationalError, DatabaseError) as exc:
            raise self._read_failure(exc) from exc
        except (ValueError, LookupError) as exc:
            raise self._unreadable_value(exc) or exc
        finally:
            session.rollback()
            session.close()

    def _read_failure(self, exc: BaseException) -> DossierFileError:
        return sqlitefile.busy_or(exc, self.path, DamagedDossier(
            self.path, f"het dossier kan niet worden gelezen ({_reason(exc)}); 'raadsdossier check' zegt meer."))

    def _unreadable_value(self, exc: Exception) -> DamagedDossier | None:
        """A stored value SQLAlchemy could not make into its column's type as it loaded a row (a date, a time, a
        JSON text or a choice changed outside Raadsdossier), as DamagedDossier; None for any other error (such as
        a validator of ours refusing a value: raised in our code, not in SQLAlchemy's)."""
        if isinstance(exc, KeyError):  # a missing key is a fault of code, not a stored value (SQLAlchemy's choices
            return None                # raise LookupError itself)
        innermost = None
        frame = exc.__traceback__
        while frame is not None:
            parts = Path(frame.tb_frame.f_code.co_filename).parts
            if "sqlalchemy" in parts or "raadsdossier" in parts:
                innermost = "sqlalchemy" if "sqlalchemy" in parts else "raadsdossier"
            frame = frame.tb_next
        if innermost != "sqlalchemy":
            return None
        damaged = DamagedDossier(self.path, "een opgeslagen waarde in het dossier kan niet worden gelezen (een datum of "
                                            "een ander gegeven dat buiten Raadsdossier is veranderd); 'raadsdossier "
                                            "check' zegt welke, 'raadsdossier check --repair' maakt onleesbare datums leeg.")
        damaged.__cause__ = exc
        return damaged

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        """The DB-API connection in a read transaction (one snapshot for every query), for reading with
        plain SQL: no ORM model is imported for it. Nothing done with it is committed."""
        try:
            raw = self.engine.raw_connection()
        except (OperationalError, DatabaseError) as exc:
            raise self._read_failure(exc) from exc
        try:
            connection = raw.driver_connection
            connection.execute("BEGIN")
            try:
                yield connection
            except sqlitefile.db_errors() as exc:
                raise self._read_failure(exc) from exc
            finally:
                connection.execute("ROLLBACK")
        finally:
            raw.close()

    def quick_check(self) -> str:
        """SQLite's quick_check over the whole file: "ok", or the first problem it reports.

        Any thread (it uses a connection of its own). The window runs it after a dossier is shown
        (Dossier.open(verify=False)), because on a large file it takes a noticeable part of a second.
        Raises DossierFileError when the file cannot be checked now (busy, gone), which is not damage.
        """
        try:
            connection = sqlitefile.connect(self.path, "ro", self._password)
            try:
                return sqlitefile.first_problem(connection.execute("PRAGMA quick_check").fetchone()[0])
            finally:
                connection.close()
        except sqlitefile.db_errors() as exc:
            if type(exc).__name__ == "DatabaseError" \
                    or "malformed" in str(exc):
                return _reason(exc)  # "database disk image is malformed", "file is not a database"
            raise sqlitefile.busy_or(exc, self.path, DossierFileError(
                self.path, f"het dossier kon nu niet worden gecontroleerd ({_reason(exc)}).")) from exc

    def save_copy(self, target: Path | str) -> Path:
        """Write a consistent, verified copy of this dossier to `target` (never overwriting).

        A copy of an encrypted dossier is encrypted with the same password.
        """
        target = Path(target)
        if target.exists():
            raise DossierExists(target)
        backups.copy_verified(self.path, target, self._password, doing="de kopie kon niet worden opgeslagen")
        return target

    def backup(self, reason: str = "manual") -> Path:
        """Make a backup now (see core/backups.py), rotated by this dossier's policy."""
        return backups.make_backup(self.path, self._password, reason, policy=self.backup_policy())

    def backup_policy(self) -> backups.BackupPolicy:
        text = self.meta(backups.POLICY_META_KEY)
        try:
            return backups.BackupPolicy.parse(text) if text else backups.BackupPolicy()
        except DossierError:
            return backups.BackupPolicy()

    def meta(self, key: str) -> str | None:
        """A value of the dossier's own settings (dossier_meta), or None."""
        with self.connection() as connection:
            row = connection.execute("SELECT value FROM dossier_meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None


_reason = sqlitefile.reason


def _upgraded_copy(path: Path, password: str | None, writable: bool = False) -> tuple[Engine, Path]:
    """A read-only engine (with `writable`, one that may write) on a private copy of the dossier `path`, migrated
    to the newest schema; and the folder the copy is in. `path` itself is only read. Raises DossierFileError
    (naming `path`) when the copy cannot be made or migrated (a full disk: nothing is left behind)."""
    scratch = Path(tempfile.mkdtemp(prefix="raadsdossier-"))
    try:
        copy = scratch / path.name
        try:
            backups.copy_verified(path, copy, password, problem_path=path)
        except DamagedDossier:
            raise
        except DossierFileError as exc:  # its sentence speaks of a backup: say what this copy is for
            why = "een proef wordt gedaan op een tijdelijke kopie" if writable else \
                "het dossier is van een oudere versie en wordt gelezen uit een tijdelijke, bijgewerkte kopie"
            raise DossierFileError(path, f"{why}, maar die kon niet worden gemaakt ({exc.reason}); "
                                         f"het bestand is ongewijzigd.") from exc
        engine = _make_engine(copy, "rw", password)
        try:
            with engine.begin() as connection:
                migrations.upgrade(connection)
        except Exception as exc:
            raise DossierFileError(path, f"het dossier kon niet worden gelezen: het is van een oudere versie en kon "
                                         f"niet worden bijgewerkt ({_reason(exc)}); het bestand is ongewijzigd.") from exc
        finally:
            engine.dispose()
        return _make_engine(copy, "rw" if writable else "ro", password), scratch
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
