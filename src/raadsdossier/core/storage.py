"""Dossier files: create, open (checking what the file is first), and one transaction per change.

Storage setup: a single SQLite file in rollback-journal mode (no -wal/-shm side
files, so a dossier can be copied, mailed or put on a network drive as one file),
`synchronous=FULL` so a committed change survives a power cut, foreign keys on.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from raadsdossier.core import migrations, search
from raadsdossier.core.errors import (
    DamagedDossier, DossierExists, DossierFileError, DossierNotFound, NotADossier,
)
from raadsdossier.core.models import DossierMeta, Partnership

SUFFIX = ".raadsdossier"
# PRAGMA application_id: "RDOS". Marks a SQLite file as a dossier without reading tables.
APPLICATION_ID = 0x52444F53
_SQLITE_MAGIC = b"SQLite format 3\x00"


class DossierSession(Session):
    """Sessions on a dossier; the search index follows their flushes."""


search.install_hooks(DossierSession)


def _connect_uri(path: Path, mode: str) -> str:
    return f"file:{quote(str(path.resolve()))}?mode={mode}"


def _make_engine(path: Path, mode: str) -> Engine:
    uri = _connect_uri(path, mode)

    def creator():
        # isolation_level=None: SQLAlchemy, not the sqlite3 module, decides where
        # transactions begin, so DDL in migrations is transactional too (the
        # documented pysqlite recipe; see the "begin" listener below).
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA busy_timeout = 5000")
        if mode != "ro":
            conn.execute("PRAGMA journal_mode = DELETE")
        return conn

    engine = create_engine("sqlite://", creator=creator)

    @event.listens_for(engine, "begin")
    def _begin(connection):
        connection.exec_driver_sql("BEGIN")

    return engine


def read_application_id(path: Path) -> int | None:
    """The application id in a SQLite header, or None when the file is not a SQLite database."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise DossierFileError(path, f"het bestand kan niet worden gelezen ({exc.strerror}).") from exc
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        return None
    return int.from_bytes(header[68:72], "big")


def check_is_dossier(path: Path) -> None:
    """Raise a typed error unless `path` is an existing dossier file. Reads, never writes."""
    if not path.exists():
        raise DossierNotFound(path)
    if path.is_dir():
        raise NotADossier(path, "dit is een map, geen dossierbestand.")
    app_id = read_application_id(path)
    if app_id is None:
        raise NotADossier(path, "dit is geen Raadsdossier-bestand (het is geen SQLite-database).")
    if app_id != APPLICATION_ID:
        raise NotADossier(path, "dit is een SQLite-database, maar geen Raadsdossier-dossier.")


class Dossier:
    """An open dossier file. Use `transaction()` for changes and `session()` for reading."""

    def __init__(self, path: Path, engine: Engine, read_only: bool = False) -> None:
        self.path = path
        self.engine = engine
        self.read_only = read_only
        self._sessions = sessionmaker(bind=engine, class_=DossierSession, expire_on_commit=False)

    # -- lifecycle -------------------------------------------------------

    @classmethod
    def create(cls, path: Path | str) -> "Dossier":
        """Create a new, empty dossier at `path` (which must not exist) at the newest schema."""
        path = Path(path)
        if path.exists():
            raise DossierExists(path)
        if not path.parent.is_dir():
            raise DossierFileError(path, "de map waarin het dossier moet komen bestaat niet.")
        engine = _make_engine(path, "rwc")
        try:
            with engine.begin() as connection:
                connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
                migrations.upgrade(connection)
        except BaseException:
            engine.dispose()
            path.unlink(missing_ok=True)
            raise
        return cls(path, engine)

    @classmethod
    def open(cls, path: Path | str, read_only: bool = False) -> "Dossier":
        """Open an existing dossier, migrating it to the newest schema if it is older.

        Raises DossierNotFound, NotADossier, DamagedDossier or DossierTooNew and then
        leaves the file exactly as it was.
        """
        path = Path(path)
        check_is_dossier(path)
        probe = _make_engine(path, "ro")
        try:
            with probe.connect() as connection:
                revision = migrations.current_revision(connection, path)
        except (DatabaseError, OperationalError) as exc:
            raise DamagedDossier(path, f"het dossier is beschadigd en kan niet worden gelezen ({_reason(exc)}).") from exc
        finally:
            probe.dispose()
        if not read_only and revision != migrations.head_revision():
            migrations.backup_before_migration(path, revision)
        engine = _make_engine(path, "ro" if read_only else "rw")
        dossier = cls(path, engine, read_only)
        if not read_only and revision != migrations.head_revision():
            try:
                with engine.begin() as connection:
                    migrations.upgrade(connection)
            except (DatabaseError, OperationalError) as exc:
                engine.dispose()
                raise DamagedDossier(path, f"het dossier kon niet worden bijgewerkt ({_reason(exc)}); er is niets veranderd.") from exc
        return dossier

    def close(self) -> None:
        self.engine.dispose()

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
            raise DossierFileError(self.path, f"de wijziging kon niet worden opgeslagen ({_reason(exc)}); er is niets veranderd.") from exc
        finally:
            session.close()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for reading; nothing it changes is committed."""
        session = self._sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def save_copy(self, target: Path | str) -> Path:
        """Write a consistent copy of this dossier to `target` (never overwriting), via SQLite's backup API."""
        target = Path(target)
        if target.exists():
            raise DossierExists(target)
        temporary = target.with_name(f".{target.name}.tmp")
        raw = self.engine.raw_connection()
        try:
            destination = sqlite3.connect(temporary)
            try:
                raw.driver_connection.backup(destination)
            finally:
                destination.close()
        except (sqlite3.Error, OSError) as exc:
            temporary.unlink(missing_ok=True)
            raise DossierFileError(target, f"de kopie kon niet worden geschreven ({exc}).") from exc
        finally:
            raw.close()
        try:
            os.link(temporary, target)
        except FileExistsError:
            raise DossierExists(target) from None
        finally:
            temporary.unlink(missing_ok=True)
        return target

    def partnership(self, session: Session) -> Partnership | None:
        return session.scalars(select(Partnership)).first()

    def meta(self, session: Session, key: str) -> str | None:
        row = session.get(DossierMeta, key)
        return row.value if row else None


def _reason(exc: Exception) -> str:
    original = getattr(exc, "orig", None) or exc
    return str(original).strip() or exc.__class__.__name__
