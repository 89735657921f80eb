"""Write a whole dossier as an interchange document (a dict ready for json.dumps)."""

from __future__ import annotations

import base64
from datetime import date, datetime, timezone
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from raadsdossier.domain.checklist import META_KEY
from raadsdossier.domain.models import (
    ChecklistAssessment, Commitment, DossierMeta, FollowUp, FollowUpEntry, Item, ItemAlias, Meeting, Motion,
    Partnership, QuestionSet, Vote,
)
from raadsdossier.interchange import FORMAT
from raadsdossier.interchange.spec import KINDS, PARTNERSHIP, Field, KindSpec, T


def timestamp(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc).replace(tzinfo=None)
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def money(cents: int | None) -> int | float | None:
    if cents is None:
        return None
    return cents // 100 if cents % 100 == 0 else float(Decimal(cents) / 100)


def _value(item, field: Field):
    value = getattr(item, field.attr)
    if value is None:
        return None
    if field.type == T.MONEY:
        return money(value)
    if field.type == T.DATE:
        return value.isoformat() if isinstance(value, date) else value
    if field.type == T.ENUM:
        return str(value.value if hasattr(value, "value") else value)
    if field.type == T.TEXT_LIST:
        return list(value)
    return value


def _v(value):
    """An enum's value; also a plain string, as set on an object not yet reloaded from the database."""
    return getattr(value, "value", value)


def _actor(actor) -> dict:
    if actor.person_id:
        return {"person": actor.person_id}
    if actor.party_id:
        return {"party": actor.party_id}
    return {"name": actor.name}


def loaders(model) -> list:
    """Eager loads of what `export_item` reads of items of `model` (their sources, actors and children):
    one query per relationship for a whole batch of items instead of several per item."""
    options = [selectinload(model.sources), selectinload(model.actors)]
    if model is Motion:
        options.append(selectinload(Motion.votes).selectinload(Vote.choices))
        options.append(selectinload(Motion.follow_up).selectinload(FollowUp.entries).selectinload(FollowUpEntry.evidence))
    elif model is Commitment:
        options.append(selectinload(Commitment.follow_up).selectinload(FollowUp.entries).selectinload(FollowUpEntry.evidence))
    elif model is QuestionSet:
        options.append(selectinload(QuestionSet.questions))
    elif model is Meeting:
        options.append(selectinload(Meeting.agenda_items))
    elif model is Partnership:
        options.append(selectinload(Partnership.status_history))
    elif model is ChecklistAssessment:
        options.append(selectinload(ChecklistAssessment.evidence))
    return options


def export_item(item: Item, spec: KindSpec) -> dict:
    out: dict = {"id": item.id, "confidentiality": _v(item.confidentiality)}
    for field in spec.fields:
        out[field.key] = _value(item, field)
    for key, role in spec.actors:
        out[key] = [_actor(a) for a in item.actors if a.role == role]
    out.update(_children(item))
    out["source_ids"] = sorted(source.id for source in item.sources)
    out["created_at"] = timestamp(item.created_at)
    out["updated_at"] = timestamp(item.updated_at)
    return out


def export_follow_up(follow_up) -> dict | None:
    if follow_up is None:
        return None
    return {"state": _v(follow_up.state), "deadline": follow_up.deadline.isoformat() if follow_up.deadline else None,
            "entries": [{"date": e.date, "text": e.text, "evidence_ids": sorted(item.id for item in e.evidence)}
                        for e in follow_up.entries]}


def _agenda_item(agenda_item) -> dict:
    out = {"id": agenda_item.id, "number": agenda_item.number, "title": agenda_item.title, "kind": _v(agenda_item.kind)}
    if agenda_item.origin:  # only an imported one has it: a hand-made agenda exports as before
        out["origin"] = agenda_item.origin
    return out


def _children(item: Item) -> dict:
    if isinstance(item, Partnership):
        return {"status_history": [
            {"date": c.date, "period": c.period, "status": _v(c.status), "note": c.note}
            for c in item.status_history
        ]}
    if isinstance(item, Meeting):
        return {"agenda_items": [_agenda_item(a) for a in item.agenda_items]}
    if isinstance(item, Motion):
        return {"votes": [export_vote(v) for v in item.votes], "follow_up": export_follow_up(item.follow_up)}
    if isinstance(item, Commitment):
        return {"follow_up": export_follow_up(item.follow_up)}
    if isinstance(item, QuestionSet):
        return {"questions": [
            {"number": q.number, "question": q.text, "answer": q.answer, "answered_with": q.answered_with}
            for q in item.questions
        ]}
    if item.kind == "unassigned_vote":
        return {"choices": [dict(c) for c in item.choices or []], "candidate_motions": list(item.candidate_motions or [])}
    if item.kind == "attachment":
        return {
            "size": item.size,
            "sha256": item.sha256,
            "content_base64": base64.b64encode(item.content or b"").decode("ascii"),
        }
    return {}


def export_vote(vote: Vote) -> dict:
    choices = []
    for cast in vote.choices:
        entry = {"party": cast.party_id} if cast.party_id else {"person": cast.person_id}
        entry["choice"] = _v(cast.choice)
        entry["seats"] = cast.seats
        choices.append(entry)
    return {
        "date": vote.date,
        "kind": _v(vote.kind),
        "result": _v(vote.recorded_result) if vote.recorded_result else None,
        "note": vote.note,
        "choices": choices,
    }


def export_dossier(session: Session) -> dict:
    """The whole dossier as an interchange document; ordering is stable (kind, then date, then id)."""
    document: dict = {"format": FORMAT}
    partnership = session.scalars(select(Partnership)).first()
    document["partnership"] = export_item(partnership, PARTNERSHIP) if partnership else None
    order = {spec.key: spec for spec in KINDS}
    for key in ("parties", "people", "meetings", "motions", "commitments", "question_sets", "college_notes",
                "demonstrations", "events", "costs", "outcomes", "sources", "attachments", "notes", "unassigned_votes"):
        spec = order[key]
        query = select(spec.model).options(selectinload(spec.model.sources), selectinload(spec.model.actors))
        items = sorted(session.scalars(query), key=lambda i: (getattr(i, "date", None) or "", i.id))
        document[key] = [export_item(item, spec) for item in items]
    document["checklist"] = export_checklist(session)
    aliases: dict[str, list[str]] = {}
    for alias_id, item_id in session.execute(select(ItemAlias.alias_id, ItemAlias.item_id).order_by(ItemAlias.alias_id)):
        aliases.setdefault(item_id, []).append(alias_id)
    if aliases:  # only a dossier that has them: every other export stays as it was
        document["aliases"] = dict(sorted(aliases.items()))
    return document


def export_checklist(session: Session) -> dict | None:
    meta = session.get(DossierMeta, META_KEY)
    assessments = list(session.scalars(select(ChecklistAssessment)))
    if meta is None and not assessments:
        return None
    from raadsdossier.domain.checklist import load_template

    template_id = meta.value if meta else assessments[0].template
    template = load_template(template_id)
    position = {item.id: index for index, item in enumerate(template.items)}
    assessments.sort(key=lambda a: (position.get(a.checklist_item_id, 10**6), a.assessed_on or date.min, a.id))
    return {"template": template.id, "template_version": template.version,
            "items": [export_assessment(assessment) for assessment in assessments]}


def export_assessment(assessment: ChecklistAssessment, with_template: bool = False) -> dict:
    """One assessment as an entry of the interchange document's checklist; `with_template` adds the
    template's id as "template" (an entry kept apart from its checklist, such as an undo step's)."""
    from raadsdossier.domain.checklist import load_template

    template_item = load_template(assessment.template).item(assessment.checklist_item_id)
    entry = {
        "id": assessment.checklist_item_id,
        "assessment_id": assessment.id,
        "section": template_item.section if template_item else None,
        "title": template_item.title if template_item else None,
        "status": _v(assessment.status),
        "note": assessment.note,
        "assessed_on": assessment.assessed_on.isoformat() if assessment.assessed_on else None,
        "evidence_ids": sorted(item.id for item in assessment.evidence),
        "confidentiality": _v(assessment.confidentiality),
        "source_ids": sorted(source.id for source in assessment.sources),
    }
    if with_template:
        entry["template"] = assessment.template
    return entry
