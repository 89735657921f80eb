"""Alembic migrations from db/: which revision a file is at, and upgrading it in one transaction."""

from __future__ import annotations

import re
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


_REVISION_LINE = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*['\"]?([\w.-]+|None)['\"]?", re.MULTILINE)


@lru_cache(maxsize=1)
def _chain() -> tuple[str, ...]:
    """The revisions of db/versions in order, read from the files' own `revision`/`down_revision` lines.

    Opening a dossier only needs to know which revisions exist and which is newest; reading
    that here spares every open the import of Alembic (a quarter of a second), which is
    loaded only when a file is actually migrated. A test holds this to Alembic's own reading.
    """
    parents: dict[str, str | None] = {}
    for version_file in sorted((migrations_dir() / "versions").glob("*.py")):
        fields = dict(_REVISION_LINE.findall(version_file.read_text(encoding="utf-8")))
        if "revision" in fields:
            parents[fields["revision"]] = None if fields.get("down_revision") in (None, "None") else fields["down_revision"]
    children = {parent: child for child, parent in parents.items()}
    order, current = [], children.get(None)
    while current is not None:
        order.append(current)
        current = children.get(current)
    return tuple(order)


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


def upgrade(connection: Connection) -> None:
    """Bring the database on `connection` to head inside the caller's transaction."""
    from alembic import command

    command.upgrade(alembic_config(connection), "head")


def stamp_app_version(connection: Connection) -> None:
    """Record which app version last brought the file to its schema (named when a newer file is refused)."""
    connection.exec_driver_sql(
        "INSERT INTO dossier_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (APP_VERSION_KEY, raadsdossier.__version__),
    )
