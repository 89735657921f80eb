"""What the CLI and the GUI do to dossiers: each mutating call is one transaction.

These functions may be called from any thread, one dossier per thread at a time.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from raadsdossier.storage import search as search_index
from raadsdossier.domain.checklist import DEFAULT_TEMPLATE, META_KEY, current_states, load_template, progress
from raadsdossier.storage.encryption import check_new_password
from raadsdossier.domain.enums import Level, PartnershipStatus
from raadsdossier.domain.errors import DossierExists, DossierFileError, InvalidInput
from raadsdossier.base.gcpause import cyclic_gc_paused
from raadsdossier.domain.models import DossierMeta, Item, Motion, Partnership, QuestionSet, StatusChange
from raadsdossier.storage.dossier import Dossier
from raadsdossier.interchange.export import export_dossier
from raadsdossier.interchange.load import ImportReport, apply_document

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
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        dossier = Dossier.create(temporary, password)
        try:
            build(dossier)
        except DossierFileError as exc:
            if exc.path == temporary:  # name the file the user asked for, not our scratch name
                raise DossierFileError(path, exc.problem) from exc
            raise
        finally:
            dossier.close()
        try:
            os.link(temporary, path)
        except FileExistsError:
            raise DossierExists(path) from None
        except OSError:  # file systems without hard links
            if path.exists():
                raise DossierExists(path) from None
            os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
        Path(str(temporary) + "-journal").unlink(missing_ok=True)


def create_dossier(path: Path, fields: PartnershipFields, checklist_template: str = DEFAULT_TEMPLATE,
                   password: str | None = None) -> None:
    """Create a new dossier file for one partnership, with the checklist attached; encrypted with a password."""
    load_template(checklist_template)
    if password is not None:
        check_new_password(password)

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


def create_from_document(path: Path, document: dict, source_name, password: str | None = None) -> ImportReport:
    """Create a new dossier holding everything in an interchange document (encrypted with a password)."""
    if password is not None:
        check_new_password(password)
    if not document.get("partnership"):
        raise InvalidInput(source_name, "het bestand bevat geen stedenband (partnership), dus er kan geen dossier van worden gemaakt.")
    reports: list[ImportReport] = []

    def build(dossier: Dossier) -> None:
        with cyclic_gc_paused(), dossier.transaction() as session:
            reports.append(apply_document(session, document, source_name))
            if session.get(DossierMeta, META_KEY) is None:
                session.add(DossierMeta(key=META_KEY, value=DEFAULT_TEMPLATE))

    _publish_new(path, build, password)
    return reports[0]


# An import of at least this many items is "large": a backup is made before it.
LARGE_IMPORT = 100


def import_size(documents: list[tuple[str, dict]]) -> int:
    """How many items the documents hold (the top-level lists of each interchange document)."""
    return sum(len(value) for _name, document in documents for value in document.values() if isinstance(value, list))


def import_documents(dossier: Dossier, documents: list[tuple[str, dict]], dry_run: bool = False) -> ImportReport:
    """Add the items of several documents in one transaction; with dry_run nothing is kept.

    A large import (LARGE_IMPORT items or more) is preceded by a backup, so it can be undone
    by restoring even after the program closed.
    """
    if not dry_run and import_size(documents) >= LARGE_IMPORT:
        dossier.backup("import")
    total = ImportReport()
    session_cm = dossier.session() if dry_run else dossier.transaction()
    with cyclic_gc_paused(), session_cm as session:  # the ORM's objects for thousands of items
        for name, document in documents:
            total.merge(apply_document(session, document, name))
        if dry_run:
            session.rollback()
    return total


def export_json(dossier: Dossier) -> dict:
    with dossier.session() as session:
        return export_dossier(session)


@dataclass
class DossierInfo:
    path: str
    partnership: dict | None
    counts: dict[str, int]
    checklist: dict | None
    open_questions_overdue: int
    votes_disagreeing: list[str] = field(default_factory=list)


def dossier_info(dossier: Dossier, today: date | None = None) -> DossierInfo:
    today = today or date.today()
    with dossier.session() as session:
        partnership = dossier.partnership(session)
        counts = {kind: n for kind, n in session.execute(select(Item.kind, func.count()).group_by(Item.kind))}
        counts.pop("partnership", None)
        template_id = dossier.meta(session, META_KEY)
        checklist = None
        if template_id:
            template = load_template(template_id)
            done, total = progress(current_states(session, template))
            checklist = {"template": template.id, "done": done, "total": total}
        overdue = sum(1 for qs in session.scalars(select(QuestionSet)) if qs.is_overdue(today))
        disagreeing = [
            f"{m.reference or m.title}, stemming {i + 1}"
            for m in session.scalars(select(Motion)) for i, v in enumerate(m.votes) if v.disagrees
        ]
        p = None
        if partnership is not None:
            p = {
                "id": partnership.id, "dutch_side": partnership.dutch_side, "level": partnership.level.value,
                "partner_name": partnership.partner_name, "partner_native_name": partnership.partner_native_name,
                "partner_country": partnership.partner_country, "partner_region": partnership.partner_region,
                "since": partnership.since, "status": partnership.status.value,
                "status_history": [
                    {"date": c.date, "period": c.period, "status": c.status.value, "note": c.note}
                    for c in partnership.status_history
                ],
            }
        return DossierInfo(str(dossier.path), p, counts, checklist, overdue, disagreeing)


def search(dossier: Dossier, query: str, limit: int = 50) -> list[search_index.SearchHit]:
    with dossier.session() as session:
        return search_index.search(session, query, limit)
