"""Alembic migrations from db/: which revision a file is at, and upgrading it in one transaction."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from raadsdossier import __version__
from raadsdossier.core.errors import DamagedDossier, DossierTooNew
from raadsdossier.paths import migrations_dir


APP_VERSION_KEY = "app_version"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@lru_cache(maxsize=1)
def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    return _script().get_current_head()


def known_revisions() -> set[str]:
    return {rev.revision for rev in _script().walk_revisions()}


def _written_by(connection: Connection) -> str | None:
    try:
        return connection.exec_driver_sql(
            f"SELECT value FROM dossier_meta WHERE key = '{APP_VERSION_KEY}'").scalar()
    except Exception:  # an old or foreign schema without the table: the version is simply unknown
        return None


def current_revision(connection: Connection, path: Path) -> str | None:
    """The file's schema revision; raises DossierTooNew for a revision this app does not know."""
    revision = MigrationContext.configure(connection).get_current_revision()
    if revision is None:
        raise DamagedDossier(path, "het dossier heeft geen schemaversie; het is onvolledig aangemaakt of beschadigd.")
    if revision not in known_revisions():
        writer = _written_by(connection)
        made_with = f"Raadsdossier {writer}" if writer else "een nieuwere versie van Raadsdossier"
        raise DossierTooNew(
            path,
            f"dit dossier is gemaakt met {made_with} (schema {revision}); deze versie, Raadsdossier "
            f"{__version__}, kent schema's tot en met {head_revision()}. Werk Raadsdossier bij om het te openen; "
            "het bestand is niet veranderd.",
        )
    return revision


def upgrade(connection: Connection) -> None:
    """Bring the database on `connection` to head inside the caller's transaction."""
    command.upgrade(alembic_config(connection), "head")


def stamp_app_version(connection: Connection) -> None:
    """Record which app version last brought the file to its schema (named when a newer file is refused)."""
    connection.exec_driver_sql(
        "INSERT INTO dossier_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (APP_VERSION_KEY, __version__),
    )
