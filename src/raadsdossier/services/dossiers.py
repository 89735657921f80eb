"""Dossiers as wholes: create one, open and close one, what it holds (`info`), search it, export it.

These functions may be called from any thread, one dossier per thread at a time. `info` and `search`
read with plain SQL, without the ORM's models, so that the command line answers them quickly.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from raadsdossier.base import tempfiles
from raadsdossier.base.gcpause import cyclic_gc_paused
from raadsdossier.domain.checklist import DEFAULT_TEMPLATE, META_KEY, load_template
from raadsdossier.domain.enums import Level, PartnershipStatus
from raadsdossier.domain.errors import DossierExists, DossierFileError, InvalidInput, StorageFull
from raadsdossier.storage import backups, glance
from raadsdossier.storage import search as search_index
from raadsdossier.storage.dossier import Dossier
from raadsdossier.storage.files import os_reason
from raadsdossier.storage.encryption import check_new_password


@dataclass(frozen=True)
class PartnershipFields:
    dutch_side: str
    level: Level
    partner_name: str
    partner_native_name: str | None = None
    partner_country: str | None = "China"
    since: str | None = None
    status: PartnershipStatus = PartnershipStatus.UNKNOWN
    status_period: str | None = None
    status_note: str | None = None


def _publish_new(path: Path, build, password: str | None = None) -> None:
    """Build a dossier under a temporary name next to `path`, then give it its name.

    A failure while filling it leaves nothing behind; `path` is never overwritten
    (os.link fails when the name is taken, even if another program just took it).
    """
    path = Path(path)
    if path.exists():
        raise DossierExists(path)
    if not path.parent.is_dir():
        raise DossierFileError(path, "de map waarin het dossier moet komen bestaat niet.")
    temporary = tempfiles.beside(path)
    try:
        os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL))  # whether the folder takes a new file
        os.unlink(temporary)
    except OSError as exc:  # SQLite would only say "unable to open database file"
        raise DossierFileError(path, f"in deze map kan geen dossier worden gemaakt ({os_reason(exc)}).") from None
    try:
        try:
            dossier = Dossier.create(temporary, password)
            try:
                build(dossier)
            finally:
                dossier.close()
        except DossierFileError as exc:
            if exc.path != temporary:
                raise
            # name the file the user asked for, not our scratch name; a write the disk refused made no dossier
            if isinstance(exc, StorageFull) or exc.reason != exc.problem:
                raise (StorageFull if isinstance(exc, StorageFull) else DossierFileError)(
                    path, f"het dossier kon niet worden gemaakt: {exc.reason}; er is geen dossier gemaakt.",
                    reason=exc.reason) from exc
            raise DossierFileError(path, exc.problem) from exc
        try:
            try:
                os.link(temporary, path)
            except FileExistsError:
                raise DossierExists(path) from None
            except OSError:  # file systems without hard links
                if path.exists():
                    raise DossierExists(path) from None
                os.replace(temporary, path)
        except OSError as exc:
            raise DossierFileError(path, f"het dossier kon niet worden gemaakt ({os_reason(exc)}); er is geen "
                                         "dossier gemaakt.") from None
    finally:
        temporary.unlink(missing_ok=True)
        Path(str(temporary) + "-journal").unlink(missing_ok=True)


def create_dossier(path: Path, fields: PartnershipFields, checklist_template: str = DEFAULT_TEMPLATE,
                   password: str | None = None) -> None:
    """Create a new dossier file for one partnership, with the checklist attached; encrypted with a password."""
    load_template(checklist_template)
    if password is not None:
        check_new_password(password)

    from raadsdossier.domain.models import DossierMeta, Partnership, StatusChange

    def build(dossier: Dossier) -> None:
        with dossier.transaction() as session:
            partnership = Partnership(
                dutch_side=fields.dutch_side, level=fields.level, partner_name=fields.partner_name,
                partner_native_name=fields.partner_native_name, partner_country=fields.partner_country,
                since=fields.since, status=fields.status,
            )
            if fields.status_period or fields.status_note:
                partnership.status_history = [StatusChange(
                    status=fields.status, period=fields.status_period, note=fields.status_note,
                )]
            session.add(partnership)
            session.add(DossierMeta(key=META_KEY, value=checklist_template))

    _publish_new(path, build, password)


def create_from_document(path: Path, document: dict, source_name, password: str | None = None):
    """Create a new dossier holding everything in an interchange document (encrypted with a password)."""
    if password is not None:
        check_new_password(password)
    if not document.get("partnership"):
        raise InvalidInput(source_name, "het bestand bevat geen stedenband (partnership), dus er kan geen dossier van worden gemaakt.")
    reports = []

    from raadsdossier.domain.models import DossierMeta
    from raadsdossier.interchange.load import apply_document

    def build(dossier: Dossier) -> None:
        with cyclic_gc_paused(), dossier.transaction() as session:
            reports.append(apply_document(session, document, source_name))
            if session.get(DossierMeta, META_KEY) is None:
                session.add(DossierMeta(key=META_KEY, value=DEFAULT_TEMPLATE))

    _publish_new(path, build, password)
    return reports[0]


def export_json(dossier: Dossier) -> dict:
    """The whole dossier as an interchange document (docs/interchange.md)."""
    from raadsdossier.interchange.export import export_dossier

    with dossier.session() as session:
        return export_dossier(session)


def export_json_text(dossier: Dossier) -> str:
    """`export_json` as the text an export file holds (UTF-8 JSON, indented, ending in a newline)."""
    import json

    return json.dumps(export_json(dossier), ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class ExportWritten:
    path: Path
    size: int  # bytes written


def export_json_file(dossier: Dossier, target: Path) -> ExportWritten:
    """Write the dossier's interchange document to `target`, whole or not at all. Never over the dossier itself,
    another dossier or any file that is not text (storage/files.write_whole); InvalidInput naming `target`."""
    from raadsdossier.storage.files import write_whole

    target = Path(target)
    if target.exists() and target.resolve() == Path(dossier.path).resolve():
        raise InvalidInput(target, "dit is het dossier zelf; een export schrijft er niet overheen. Kies een andere "
                                   "naam, op .json.")
    data = export_json_text(dossier).encode("utf-8")
    return ExportWritten(write_whole(target, data, "de export"), len(data))


@dataclass
class DossierInfo:
    path: str
    partnership: dict | None
    counts: dict[str, int]
    checklist: dict | None
    open_questions_overdue: int
    votes_disagreeing: list[str] = field(default_factory=list)
    unassigned_votes: int = 0  # decisions not yet assigned to a motion (counts has them all, assigned or not)


def dossier_info(dossier: Dossier, today: date | None = None) -> DossierInfo:
    """The partnership, the number of items per kind, the checklist's progress, the question sets over
    their deadline and the votes whose recorded result contradicts their choices. Reads only."""
    with dossier.connection() as connection:
        overview = glance.overview(connection, today or date.today())
        disagreeing = glance.disagreeing_votes(connection)
    counts = {kind: n for kind, n in overview["counts"].items() if kind != "partnership"}
    checklist = overview["checklist"]
    if checklist:
        checklist = {"template": checklist["template"], "done": checklist["done"], "total": checklist["total"]}
    return DossierInfo(str(dossier.path), overview["partnership"], counts, checklist,
                       len(overview["overdue_questions"]), disagreeing,
                       overview["figures"]["unassigned_votes"]["unassigned"])


def search(dossier: Dossier, query: str, limit: int = 50) -> list[search_index.SearchHit]:
    """The best `limit` hits for what the user typed (storage/search.py). Reads only."""
    with dossier.engine.connect() as connection:
        return search_index.search(connection, query, limit)


def search_store(url: str, name: str, query: str, limit: int = 50) -> list[search_index.SearchHit]:
    """The same search in the dossier `name` of the shared store at `url`, on the server (services/search.py):
    the same hits, snippets and marks. Reads only."""
    from raadsdossier.services.search import search_store as find  # PostgreSQL's driver only when asked for

    return find(url, name, query, limit)


# -- opening and closing ------------------------------------------------------------------------------

def open_dossier(path: Path, read_only: bool = False, password: str | None = None, verify: bool = True,
                 scratch: bool = False) -> Dossier:
    """Open the dossier at `path` (see storage.dossier.Dossier.open for what it checks and refuses; `scratch`: read
    from a private copy a dry run may write to)."""
    return Dossier.open(path, read_only=read_only, password=password, verify=verify, scratch=scratch)


@dataclass(frozen=True)
class Closed:
    """How closing went: the automatic backup made, or why it could not be (what was saved is saved)."""

    backup: Path | None = None
    backup_problem: str | None = None  # "de schijf is vol …": a warning, never "nothing changed"


def close_dossier(dossier: Dossier, backup: bool = True) -> Closed:
    """Close an open dossier, first making the automatic backup when one is due (a dossier open for
    writing whose policy asks for one). Always closes; a backup that fails is reported in the result,
    since everything saved before stays saved."""
    try:
        return Closed(backups.auto_backup(dossier) if backup and not dossier.read_only else None)
    except DossierFileError as exc:
        return Closed(None, exc.reason)
    finally:
        dossier.close()


@contextmanager
def opened(path: Path, read_only: bool = False, password: str | None = None,
           closed: list[Closed] | None = None, backup: bool = True, scratch: bool = False) -> Iterator[Dossier]:
    """A dossier open for the length of a `with` block, closed after it the way `close_dossier` closes
    (the automatic backup only when the block ended without an error, and with `backup`: not after a dry run,
    which says nothing is saved); how that went is appended to `closed` when given."""
    dossier = open_dossier(path, read_only=read_only, password=password, scratch=scratch)
    try:
        yield dossier
    except BaseException:
        dossier.close()
        raise
    outcome = close_dossier(dossier, backup=backup)
    if closed is not None:
        closed.append(outcome)
