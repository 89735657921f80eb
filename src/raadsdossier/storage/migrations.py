"""Alembic migrations from db/: which revision a file is at, and upgrading it in one transaction."""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import raadsdossier
from raadsdossier.domain.errors import DamagedDossier, DossierTooNew
from raadsdossier.base.paths import migrations_dir

if TYPE_CHECKING:  # SQLAlchemy is imported only by what opens a dossier: a glance (core/glance.py) needs none
    from sqlalchemy.engine import Connection


APP_VERSION_KEY = "app_version"


def alembic_config(connection: Connection | None = None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def _script():
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


@lru_cache(maxsize=1)
def _chain() -> tuple[str, ...]:
    """The revisions of db/versions in order: each file is named after its revision ("0008_follow_ups.py" is
    revision "0008", whose down_revision is the file before it). A test holds this to Alembic's own reading of
    the files.

    Opening a dossier only needs to know which revisions exist and which is newest; the names tell that without
    Alembic (a quarter of a second to import, loaded only when a file is actually migrated) and without reading
    the files: a glance (storage/glance.py) asks on a thread beside start-up, where each file read handed
    Python's lock over and back.
    """
    return tuple(sorted(name.split("_", 1)[0] for name in os.listdir(migrations_dir() / "versions")
                        if name.endswith(".py") and name[:1].isdigit()))


def head_revision() -> str:
    return _chain()[-1]


def known_revisions() -> set[str]:
    return set(_chain())


def _written_by(connection: Connection) -> str | None:
    try:
        return connection.exec_driver_sql(
            f"SELECT value FROM dossier_meta WHERE key = '{APP_VERSION_KEY}'").scalar()
    except Exception:  # an old or foreign schema without the table: the version is simply unknown
        return None


def current_revision(connection: Connection, path: Path) -> str | None:
    """The file's schema revision; raises DossierTooNew for a revision this app does not know."""
    from sqlalchemy.exc import OperationalError

    try:
        revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    except OperationalError as exc:
        if "no such table" not in str(exc.orig):
            raise
        revision = None
    if revision is None:
        raise DamagedDossier(path, "het dossier heeft geen schemaversie; het is onvolledig aangemaakt of beschadigd.")
    if revision not in known_revisions():
        writer = _written_by(connection)
        made_with = f"Raadsdossier {writer}" if writer else "een nieuwere versie van Raadsdossier"
        raise DossierTooNew(
            path,
            f"dit dossier is gemaakt met {made_with} (schema {revision}); deze versie, Raadsdossier "
            f"{raadsdossier.__version__}, kent schema's tot en met {head_revision()}. Werk Raadsdossier bij om het te openen; "
            "het bestand is niet veranderd.",
        )
    return revision


# Alembic runs a migration through module-wide state (alembic.context and alembic.op point at the migration
# running, and env.py is loaded anew for each), so two upgrades at once on two threads would run one file's steps
# on the other's connection. The window does that: the motion tracker reads a library on a worker thread, which
# upgrades private copies of older dossiers, while the GUI thread opens and upgrades a dossier of its own.
_upgrading = threading.Lock()


def upgrade(connection: Connection) -> None:
    """Bring the database on `connection` to head inside the caller's transaction; one upgrade at a time in the
    process (see `_upgrading`)."""
    from alembic import command

    with _upgrading:
        command.upgrade(alembic_config(connection), "head")


def stamp_app_version(connection: Connection) -> None:
    """Record which app version last brought the file to its schema (named when a newer file is refused)."""
    connection.exec_driver_sql(
        "INSERT INTO dossier_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (APP_VERSION_KEY, raadsdossier.__version__),
    )
