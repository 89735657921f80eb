"""Alembic migrations from db/: which revision a file is at, and upgrading it in one transaction."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from raadsdossier.core.errors import DamagedDossier, DossierTooNew
from raadsdossier.paths import migrations_dir


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


def current_revision(connection: Connection, path: Path) -> str | None:
    """The file's schema revision; raises DossierTooNew for a revision this app does not know."""
    revision = MigrationContext.configure(connection).get_current_revision()
    if revision is None:
        raise DamagedDossier(path, "het dossier heeft geen schemaversie; het is onvolledig aangemaakt of beschadigd.")
    if revision not in known_revisions():
        raise DossierTooNew(
            path,
            "dit dossier is gemaakt met een nieuwere versie van Raadsdossier "
            f"(schema {revision}); werk Raadsdossier bij om het te openen.",
        )
    return revision


def upgrade(connection: Connection) -> None:
    """Bring the database on `connection` to head inside the caller's transaction."""
    command.upgrade(alembic_config(connection), "head")


def backup_before_migration(path: Path, revision: str | None) -> Path:
    """Copy the dossier with SQLite's backup API before its schema is changed."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.voor-migratie-{revision}-{stamp}.bak")
    temporary = target.with_name(target.name + ".tmp")
    source = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)
    try:
        destination = sqlite3.connect(temporary)
        try:
            source.backup(destination)
            if destination.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise DamagedDossier(path, "de reservekopie vóór het bijwerken is niet in orde; er is niets veranderd.")
        finally:
            destination.close()
    finally:
        source.close()
    shutil.move(temporary, target)
    return target
