"""A dossier's meetings with their agendas and what stands on each agenda item: `raadsdossier meetings`.

Reads only. The window shows the same through the meeting's read view; this is the list a griffie checks
after importing a meeting (did the motions land on their agenda items?) and a script reads with --json.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from raadsdossier.domain.models import (
    CollegeNote, Commitment, Demonstration, Meeting, Motion, Note, QuestionSet, Source,
)
from raadsdossier.storage.dossier import Dossier

# What can stand on a meeting (and, all but demonstrations, on one of its agenda items), in the order listed.
_LINKED = (Motion, Commitment, QuestionSet, CollegeNote, Demonstration, Note)


def _entry(item) -> dict:
    out = {"kind": item.kind, "id": item.id, "title": item.title, "confidentiality": item.confidentiality.value}
    reference = getattr(item, "reference", None)
    if reference:
        out["reference"] = reference
    return out


def meeting_list(dossier: Dossier) -> list[dict]:
    """Every meeting, earliest first (undated last): {id, reference, date, body, title, confidentiality,
    documents, linked, agenda_items: [{id, number, title, kind, documents, linked}]}. `linked` lists the items
    on the meeting (as a whole) or agenda item: {kind, id, reference?, title, confidentiality}; `documents` the
    sources of the meeting or agenda item: {id, title, url}."""
    with dossier.session() as session:
        meetings = list(session.scalars(select(Meeting).options(selectinload(Meeting.agenda_items),
                                                                selectinload(Meeting.sources))))
        meetings.sort(key=lambda m: (m.date is None, m.date or "", m.title))
        on_agenda: dict[str, list[dict]] = {}
        on_meeting: dict[str, list[dict]] = {}
        for model in _LINKED:
            for item in session.scalars(select(model).where(model.meeting_id.is_not(None))):
                agenda_item_id = getattr(item, "agenda_item_id", None)
                if agenda_item_id:
                    on_agenda.setdefault(agenda_item_id, []).append(_entry(item))
                else:
                    on_meeting.setdefault(item.meeting_id, []).append(_entry(item))
        documents: dict[str, list[dict]] = {}
        for source in session.scalars(select(Source).where(Source.agenda_item_id.is_not(None)).order_by(Source.title)):
            documents.setdefault(source.agenda_item_id, []).append(_document(source))
        return [{
            "id": m.id, "reference": m.reference, "date": m.date, "body": m.body.value if m.body else None,
            "title": m.title, "confidentiality": m.confidentiality.value,
            "documents": [_document(s) for s in sorted(m.sources, key=lambda s: s.title)],
            "linked": on_meeting.get(m.id, []),
            "agenda_items": [{"id": a.id, "number": a.number, "title": a.title, "kind": a.kind.value,
                              "documents": documents.get(a.id, []), "linked": on_agenda.get(a.id, [])}
                             for a in m.agenda_items],
        } for m in meetings]


def _document(source: Source) -> dict:
    return {"id": source.id, "title": source.title, "url": source.url}
