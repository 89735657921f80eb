"""Changing a dossier's items: save, delete, assess a checklist item, assign a vote, add files, undo.

Each function is one user action, one transaction, and returns a `Change` (services/changes.py) naming
what it added, changed and removed, with the undo step that puts it back. A save is a one-item import
(interchange/load.py), so it is checked the same way. Any thread may call these, one dossier per thread
at a time; on bad input nothing is written and a DossierError says why.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from raadsdossier.base.gcpause import cyclic_gc_paused
from raadsdossier.domain import kinds
from raadsdossier.domain.errors import DossierError, InvalidInput, NotFound
from raadsdossier.domain.field_labels import field_label
from raadsdossier.domain.models import (
    AgendaItem, ChecklistAssessment, Item, ItemActor, Motion, UnassignedVote, Vote, VoteCast, assessment_evidence,
    item_sources,
)
from raadsdossier.interchange import FORMAT
from raadsdossier.interchange.attachments import attachment_from_file
from raadsdossier.interchange.export import export_assessment, export_item, loaders
from raadsdossier.interchange.load import ImportReport, apply_document, check_schema
from raadsdossier.interchange.spec import AGENDA_ITEM, KIND_BY_NAME, KINDS, PARTNERSHIP
from raadsdossier.services.changes import Change, UndoStep
from raadsdossier.services.lists import spec_of
from raadsdossier.storage import indexing
from raadsdossier.storage.dossier import Dossier
from raadsdossier.storage.search import search_table

CHECKLIST = "checklist"  # the collection key of checklist assessments (kinds.by_key)
CHUNK = 500  # ids per IN (…): well below SQLite's limit on bound parameters


class ItemInUse(DossierError):
    """The item cannot be deleted while other items depend on it (e.g. a party in a vote)."""


class InvalidField(InvalidInput):
    """A field of an item to save holds what it may not: nothing where something must be, or a value of the
    wrong form. The message names the field as the item's form labels it; `field` is its interchange key."""

    def __init__(self, field: str, problem: str, element: tuple, reason: str) -> None:
        self.field = field
        super().__init__(None, problem, element, reason)


def _clean(data: dict, times: bool = False) -> dict:
    """An interchange dict as a document takes it: without the lists' extras (`_computed`), and without its
    timestamps unless `times` (a form's dict carries those it was read with, which a save must not put back)."""
    return {k: v for k, v in data.items()
            if not k.startswith("_") and (times or k not in ("created_at", "updated_at"))}


def _apply_entries(session: Session, entries: Iterable[tuple[str, dict]], origin: str,
                   times: bool = False) -> ImportReport:
    """Save interchange dicts ((collection key, dict)) in one document, assessments in one per template;
    with `times`, each item's creation and last change as the dicts give them (_clean)."""
    document: dict = {"format": FORMAT}
    checklists: dict[str, list[dict]] = {}
    for key, data in entries:
        if key == CHECKLIST:
            entry = _clean(data)
            checklists.setdefault(entry.pop("template"), []).append(entry)
        elif key == "partnership":
            document["partnership"] = _clean(data, times)
        else:
            document.setdefault(key, []).append(_clean(data, times))
    report = apply_document(session, document, origin, whole_items=True) if len(document) > 1 else ImportReport()
    for template, items in checklists.items():
        report.merge(apply_document(session, {"format": FORMAT, "checklist": {"template": template, "items": items}},
                                    origin))
    return report


def save_item(dossier: Dossier, key: str, data: dict) -> Change:
    """Create or update one item of collection `key` (matched by its `id`) from an interchange dict.

    The item is checked as an import's file is, against the interchange schema and then by the document's
    own checks, before anything is written: a form's emptied title would otherwise reach SQLite, whose
    refusal ("NOT NULL constraint failed: sources.title") says nothing to a user. What the checks refuse is
    said of the field as the form labels it (InvalidField: "Titel is verplicht", "Datum: '2021-02-30' is
    geen bestaande datum"), not by its place in a document as an import's message has it ("motions[0].date")."""
    spec = spec_of(key)  # NotFound for a key that names no kind
    entry = _clean(data)
    try:
        check_schema({"format": FORMAT, key: entry if spec is PARTNERSHIP else [entry]}, key)
        with dossier.transaction() as session:
            return Change.from_report(_apply_entries(session, [(key, data)], key))
    except InvalidInput as exc:
        raise _as_the_form_says(key, entry, exc) from None


def _as_the_form_says(key: str, entry: dict, exc: InvalidInput) -> InvalidInput:
    """`exc`, about the one item of a save's document (`entry`), said of the field it is about as the form
    labels that field. A field left empty that the checks refuse is one that must be filled: "verplicht"."""
    item = (key,) if key == PARTNERSHIP.key else (key, 0)
    if exc.element[:len(item)] != item or len(exc.element) == len(item):
        return exc  # not about one field (an id used by another kind of item): the import's words will do
    field = exc.element[len(item)]
    if len(exc.element) == len(item) + 1 and entry.get(field) in (None, ""):
        problem = f"{field_label(field)} is verplicht"
    else:
        problem = f"{field_label(field)}: {exc.reason}"
    return InvalidField(field, f"{problem}; de wijziging is niet opgeslagen.", exc.element, exc.reason)


def assess(dossier: Dossier, template: str, entry: dict) -> Change:
    """Add (or, with `assessment_id`, update) one dated assessment of checklist item `entry["id"]`."""
    with dossier.transaction() as session:
        return Change.from_report(_apply_entries(session, [(CHECKLIST, {**entry, "template": template})], CHECKLIST))


def _exported(item: Item) -> tuple[str, dict]:
    """(collection key, interchange dict) of an item as it is now: what saving it back needs."""
    if isinstance(item, ChecklistAssessment):
        return CHECKLIST, export_assessment(item, with_template=True)
    spec = KIND_BY_NAME[item.kind]
    return spec.key, export_item(item, spec)


def _chunks(ids: Sequence[str]):
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]


def _dependents(session: Session, doomed: list[Item]) -> list[Item]:
    """The items that refer to any of `doomed` (by a reference, as an actor, as a source or as evidence),
    other than those themselves: deleting `doomed` empties those references, so undo must put them back."""
    ids = [item.id for item in doomed]
    by_kind = {item.kind for item in doomed}
    found: set[str] = set()
    for chunk in _chunks(ids):
        agenda = select(AgendaItem.id).where(AgendaItem.meeting_id.in_(chunk))
        for spec in KINDS:
            for f in spec.refs:
                if f.ref_kind is None or f.ref_kind in by_kind or (f.ref_kind == AGENDA_ITEM and "meeting" in by_kind):
                    column = getattr(spec.model, f.attr)
                    found.update(session.scalars(select(spec.model.id).where(
                        column.in_(agenda if f.ref_kind == AGENDA_ITEM else chunk))))
        if by_kind & {"person", "party"}:
            found.update(session.scalars(select(ItemActor.item_id).where(
                or_(ItemActor.person_id.in_(chunk), ItemActor.party_id.in_(chunk)))))
        if "source" in by_kind:
            found.update(session.scalars(select(item_sources.c.item_id).where(item_sources.c.source_id.in_(chunk))))
        found.update(session.scalars(select(assessment_evidence.c.assessment_id)
                                     .where(assessment_evidence.c.item_id.in_(chunk))))
    doomed_ids = set(ids)
    return list(_load(session, [item_id for item_id in found if item_id not in doomed_ids]).values())


def _by_kind(items: Iterable[Item]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for item in items:
        out.setdefault(item.kind, set()).add(item.id)
    return out


def _load(session: Session, ids: Sequence[str]) -> dict[str, Item]:
    """The items with these ids (those that exist), each loaded with what exporting it reads, kind by kind."""
    kind_of: dict[str, str] = {}
    for chunk in _chunks(list(dict.fromkeys(ids))):
        rows = session.execute(select(Item.id, Item.kind).where(Item.id.in_(chunk)))
        kind_of.update((item_id, kind) for item_id, kind in rows)
    found: dict[str, Item] = {}
    for kind in set(kind_of.values()):
        model = ChecklistAssessment if kind == "checklist_assessment" else KIND_BY_NAME[kind].model
        wanted = [item_id for item_id, of in kind_of.items() if of == kind]
        for chunk in _chunks(wanted):
            found.update((item.id, item) for item in session.scalars(
                select(model).where(model.id.in_(chunk)).options(*loaders(model))))
    return found


def _title(item: Item) -> str:
    return getattr(item, "title", None) or getattr(item, "name", None) or item.id


def _delete(session: Session, doomed: list[Item], dependents: list[Item]) -> None:
    """Delete `doomed` with plain SQL, their rows in other tables going by the schema's ON DELETE rules, and
    their search index entries with them; `dependents` (whose references were emptied) are indexed again.
    The ORM's unit of work would load and delete every child row of every item one by one: undoing an import
    of 2,700 items took twelve seconds that way."""
    if not doomed:
        return
    session.flush()
    connection = session.connection()
    try:
        index = search_table()
        for chunk in _chunks([item.seq for item in doomed]):
            connection.execute(delete(index).where(index.c.rowid.in_(chunk)))
        for chunk in _chunks([item.id for item in doomed]):
            connection.execute(delete(Item.__table__).where(Item.__table__.c.id.in_(chunk)))
    except IntegrityError:
        what = f"'{_title(doomed[0])}'" if len(doomed) == 1 else "Een van de items"
        raise ItemInUse(f"{what} kan niet worden verwijderd: het wordt nog gebruikt in stemmingen.") from None
    for item in doomed:
        session.expunge(item)
    for item in dependents:
        session.expire(item)  # what refers to the deleted items was emptied by the database, not in memory
    indexing.queue(session, dependents)


def delete_item(dossier: Dossier, item_id: str) -> Change:
    """Delete an item; its undo step puts it back together with the links other items had to it."""
    with dossier.transaction() as session:
        item = _load(session, [item_id]).get(item_id)
        if item is None:
            raise NotFound(f"Het item '{item_id}' bestaat niet (meer) in dit dossier.")
        dependents = _dependents(session, [item])
        saved = [_exported(item), *(_exported(other) for other in dependents)]
        _delete(session, [item], dependents)
        return Change(changed=_by_kind(dependents), removed=_by_kind([item]), undo=UndoStep(tuple(saved)))


def revert(dossier: Dossier, step: UndoStep) -> Change:
    """Carry out an undo step: save its items back as they were, then delete the items it names. One
    transaction; the Change returned has the step that redoes what this undid.

    "As they were" includes their times: an item whose delete is undone is the item it was, made when it was
    made, not a new one; an edit undone leaves the item last changed when it was before that edit, as if
    the edit had not been made (its history keeps the undo as a version all the same). The redo step holds
    the items with their times as they are before the undo, so redoing puts those back in turn."""
    restore_ids = [data.get("assessment_id") if key == CHECKLIST else data["id"] for key, data in step.restore]
    with cyclic_gc_paused(), dossier.transaction() as session:
        present = _load(session, [*restore_ids, *step.delete])
        doomed = [present[item_id] for item_id in dict.fromkeys(step.delete) if item_id in present]
        # The redo, read before anything changes: what the items to restore are now (or that they are new),
        # and the items to delete with whatever refers to them.
        redo_restore: dict[str, tuple[str, dict]] = {}
        redo_delete = []
        for item_id in restore_ids:
            if item_id in present:
                redo_restore.setdefault(item_id, _exported(present[item_id]))
            else:
                redo_delete.append(item_id)
        dependents = _dependents(session, doomed) if doomed else []
        for item in [*doomed, *dependents]:
            redo_restore.setdefault(item.id, _exported(item))
        # Restore first: an item put back may stop referring to one about to go (a vote by a new party).
        session.connection().exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        report = _apply_entries(session, step.restore, "ongedaan maken", times=True)
        _delete(session, doomed, dependents)
        changed = {kind: set(ids) for kind, ids in _by_kind(dependents).items()}
        for key, ids in report.updated_ids.items():
            changed.setdefault(kinds.by_key(key).name, set()).update(ids)
        added = {kinds.by_key(key).name: set(ids) for key, ids in report.added_ids.items()}
        return Change(added, changed, _by_kind(doomed), UndoStep(tuple(redo_restore.values()), tuple(redo_delete)))


def assign_vote(dossier: Dossier, unassigned_id: str, motion_id: str) -> Change:
    """Turn an unassigned vote into the next vote of `motion_id`; undo puts both back as they were. The
    motion's status follows the vote's result unless the user set it by hand (Motion.add_vote); whether
    the recorded result disagrees with the choices is computed from the votes wherever it is shown."""
    with dossier.transaction() as session:
        pending = session.get(UnassignedVote, unassigned_id)
        if pending is None or pending.assigned_to_id is not None:
            raise NotFound(f"De niet-toegewezen stemming '{unassigned_id}' bestaat niet of is al toegewezen.")
        motion = session.get(Motion, motion_id)
        if motion is None:
            raise NotFound(f"De motie {motion_id} bestaat niet in dit dossier.")
        before = (_exported(pending), _exported(motion))
        vote = Vote(position=len(motion.votes), date=pending.date, kind=pending.vote_kind,
                    recorded_result=pending.recorded_result,
                    note="; ".join(filter(None, [pending.decision, pending.note])) or None)
        vote.choices = [VoteCast(position=i, party_id=c.get("party"), person_id=c.get("person"), choice=c["choice"],
                                 seats=c.get("seats")) for i, c in enumerate(pending.choices or [])]
        motion.add_vote(vote)  # its status follows the vote's result, unless the user set it
        motion.sources = list({s.id: s for s in [*motion.sources, *pending.sources]}.values())
        pending.assigned_to_id = motion.id
        return Change(changed={"unassigned_vote": {pending.id}, "motion": {motion.id}}, undo=UndoStep(before))


@dataclass(frozen=True)
class AttachResult:
    change: Change  # the attachments added (one undo step for all of them)
    problems: tuple[str, ...]  # a sentence per file that could not be added, naming it


def add_attachments(dossier: Dossier, paths: Sequence[Path]) -> AttachResult:
    """Keep each file as an attachment (with its text, for search), in one transaction. A file that cannot
    be read is named in `problems` and the others are added all the same."""
    documents, problems = [], []
    for path in paths:
        try:
            documents.append(("attachments", attachment_from_file(Path(path))))
        except DossierError as exc:
            problems.append(str(exc))
    if not documents:
        return AttachResult(Change(), tuple(problems))
    with dossier.transaction() as session:
        change = Change.from_report(_apply_entries(session, documents, "bijlage"))
    return AttachResult(change, tuple(problems))
