"""How an import merges with what the dossier already holds, beyond matching items by id: the other ids an
item has in other formats (`aliases`), the fields a format only fills in (`fill_only`), a meeting's agenda
merged with the one the dossier has, items put on the agenda items they belong to (`links`, and the
documents they cite), a follow-up given in the text form of before, and an update that would shrink what is
stored (`shrinks`). interchange/load.py calls these while it applies a document, in its transaction."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from raadsdossier.domain.models import (
    AgendaItem, CollegeNote, Commitment, FollowUp, FollowUpEntry, Item, ItemAlias, Meeting, Motion, Note, QuestionSet,
    Source,
)
from raadsdossier.domain.enums import FollowUpState
from raadsdossier.domain.models.base import item_sources
from raadsdossier.interchange.spec import KINDS, KindSpec, iter_items
from raadsdossier.base.words import number_of

if TYPE_CHECKING:
    from raadsdossier.interchange.load import ImportReport


def resolve_aliases(session: Session, document: dict, by_name: bool = True
                    ) -> tuple[dict, dict[str, set[str]], list[tuple[str, str]]]:
    """The document with each item that the dossier knows by another id given that id, the aliases to keep
    ({item id as applied: its other ids}), and the pairs of items the dossier already has as two that the
    document says are one (imported before from files that did not name each other).

    An entry's id is the dossier's item when an item has it, else when a recorded alias (item_aliases) names
    it, else when one of the ids the document's `aliases` gives for it is an item (or an alias of one) of the
    same kind, else (with `by_name`: an import, not the user saving a form) when the item is one the dossier has
    under the name it has outside any dossier (`same_by_name`). Every occurrence of a mapped id in the document
    (references too) is replaced."""
    given: dict[str, list[str]] = document.get("aliases") or {}
    kinds_given = {entry["id"]: spec.kind for _k, _i, spec, entry in iter_items(document)}
    if not given and not kinds_given:
        return document, {}, []
    asked = set(kinds_given) | {other for others in given.values() for other in others}
    known: dict[str, tuple[str, str]] = {}  # id or alias -> (item id, kind)
    asked_list = list(asked)
    for start in range(0, len(asked_list), 500):
        chunk = asked_list[start:start + 500]
        for item_id, kind in session.execute(select(Item.id, Item.kind).where(Item.id.in_(chunk))):
            known[item_id] = (item_id, kind)
        for alias_id, item_id, kind in session.execute(
                select(ItemAlias.alias_id, Item.id, Item.kind).join(Item, Item.id == ItemAlias.item_id)
                .where(ItemAlias.alias_id.in_(chunk))):
            known.setdefault(alias_id, (item_id, kind))
    mapping: dict[str, str] = {}
    for entry_id, kind in kinds_given.items():
        if entry_id in known and known[entry_id][0] == entry_id:
            continue  # the item itself
        for candidate in [entry_id, *given.get(entry_id, [])]:
            found = known.get(candidate)
            if found is not None and found[1] == kind and found[0] != entry_id:
                mapping[entry_id] = found[0]
                break
    if by_name:
        mapping.update(same_by_name(session, document, mapping, known))
    keep: dict[str, set[str]] = {}
    doubles = []
    for entry_id, others in given.items():
        if entry_id not in kinds_given:
            continue
        final = mapping.get(entry_id, entry_id)
        doubles += [(final, known[i][0]) for i in others if i in known and known[i][0] not in (final, entry_id)
                    and known[i][1] == kinds_given[entry_id] and known.get(final, (None,))[0] == final]
        ids = {entry_id, *others} - {final}
        keep[final] = {i for i in ids if i not in kinds_given and not (i in known and known[i][0] == i)}
    for entry_id, final in mapping.items():
        keep.setdefault(final, set()).add(entry_id)
    if mapping:
        document = _replace_ids(document, mapping)
    return document, keep, doubles


# What names an item outside any dossier, per kind, tried in this order: a question set by its reference (the
# Kamer's zaak number, 2022Z11774, or the council's own), a source by its document number, else by its address.
NAMES = {"question_set": ((QuestionSet, "reference"),),
         "source": ((Source, "document_number"), (Source, "url"))}


def same_by_name(session: Session, document: dict, mapping: dict[str, str], known: dict) -> dict[str, str]:
    """{entry id: item id} for entries new to the dossier by their ids that it has under another id: the same
    Kamervragen typed in by hand, or built from another format, and now imported from their official text. Each
    by the first of its NAMES that it has and that exactly one item of the dossier has too (several: no match),
    an item no other entry of the document is already. A few queries, whatever the number of entries (an OData
    page brings thousands of sources)."""
    named: list[tuple[str, list[tuple]]] = []  # (entry id, its names in NAMES' order)
    wanted: dict[tuple, set[str]] = {}
    for _key, _index, spec, entry in iter_items(document):
        if entry["id"] in mapping or entry["id"] in known or spec.kind not in NAMES:
            continue
        names = []
        for model, name in NAMES[spec.kind]:
            value = entry.get(name)
            if isinstance(value, str) and value.strip():
                names.append((model, name, value.strip()))
                wanted.setdefault((model, name), set()).add(value.strip())
        if names:
            named.append((entry["id"], names))
    having: dict[tuple, list[str]] = {}  # (model, name, value) -> the ids of the items that have it
    for (model, name), values in wanted.items():
        column, values = getattr(model, name), sorted(values)
        for start in range(0, len(values), 500):
            for item_id, value in session.execute(select(model.id, column).where(column.in_(values[start:start + 500]))):
                having.setdefault((model, name, value), []).append(item_id)
    taken = set(mapping.values()) | {item_id for item_id, _kind in known.values()}
    found: dict[str, str] = {}
    for entry_id, names in named:
        ids = next((having[name] for name in names if name in having), [])
        if len(ids) == 1 and ids[0] not in taken:
            found[entry_id] = ids[0]
            taken.add(ids[0])
    return found


def _replace_ids(value, mapping: dict[str, str]):
    if isinstance(value, str):
        return mapping.get(value, value)
    if isinstance(value, list):
        return [_replace_ids(item, mapping) for item in value]
    if isinstance(value, dict):
        return {mapping.get(key, key): _replace_ids(item, mapping) for key, item in value.items()}
    return value


def record_aliases(session: Session, aliases: dict[str, set[str]]) -> None:
    """Keep the other ids of the items just applied, so that an import naming one of them finds the item."""
    wanted = {alias: item_id for item_id, others in aliases.items() for alias in others}
    if not wanted:
        return
    have = set(session.scalars(select(ItemAlias.alias_id).where(ItemAlias.alias_id.in_(list(wanted)))))
    for alias, item_id in wanted.items():
        if alias not in have and session.get(Item, item_id) is not None:
            session.add(ItemAlias(alias_id=alias, item_id=item_id))
    session.flush()


# The kinds that can stand on a meeting's agenda item (their `meeting_id` and `agenda_item_id`).
_ON_AGENDA = (Motion, Commitment, QuestionSet, CollegeNote, Note)


def merged_agenda(session: Session, current: list[AgendaItem], given: list[dict], keep_others: bool = True) -> list[AgendaItem]:
    """The meeting's agenda after an import: the agenda items `given`, in their order (matched by id, so a
    later capture of the meeting renames, renumbers and reorders them in place), and those already there
    that the import does not name but that are the user's: made by hand (no `origin`) or with something
    linked to them. Each kept item stays after the item it followed. An imported item the later capture
    dropped, with nothing on it, goes."""
    by_id = {a.id: a for a in current}
    agenda = []
    for entry in given:
        row = by_id.pop(entry["id"], None) or AgendaItem(id=entry["id"])
        row.number, row.title = entry.get("number"), entry["title"]
        row.kind = entry.get("kind") or "debate"
        row.origin = entry.get("origin", row.origin)  # a form that does not show it keeps it
        agenda.append(row)
    placed = {id(row) for row in agenda}
    previous = None
    for row in current if keep_others else ():
        if row.id in by_id and (row.origin is None or _has_links(session, row.id)):
            at = agenda.index(previous) + 1 if previous is not None else 0
            agenda.insert(at, row)
            placed.add(id(row))
        if id(row) in placed:
            previous = row
    for position, row in enumerate(agenda):
        row.position = position
    return agenda


def _has_links(session: Session, agenda_item_id: str) -> bool:
    return any(session.scalar(select(model.id).where(model.agenda_item_id == agenda_item_id).limit(1)) is not None
               for model in _ON_AGENDA + (Source,))


def only_what_is_missing(item: Item, spec: KindSpec, entry: dict, names: list[str]) -> dict:
    """`entry` for an item already in the dossier, without those of `names` the item already has a value
    for (the document's `fill_only`: a format that is not the first word on these fields only fills gaps);
    its `source_ids` among `names` are added to the item's own."""
    entry = dict(entry)
    fields = {f.key: f for f in spec.fields}
    roles = dict(spec.actors)
    for name in names:
        if name not in entry:
            continue
        if name == "source_ids":
            have = [source.id for source in item.sources]
            entry[name] = have + [i for i in entry[name] if i not in have]
        elif name in roles:
            if any(actor.role == roles[name] for actor in item.actors):
                del entry[name]
        elif getattr(item, fields[name].attr) not in (None, "", []):
            del entry[name]
    return entry


def link_to_agenda(session: Session, document: dict, placed: list, report: "ImportReport") -> None:
    """Put items on the agenda items the document says they belong to: its `links` ({item, meeting_id,
    agenda_item_id}, applied when both ends exist, here or already in the dossier), and, for the items and
    sources of this document, the agenda item of a source an item cites. An item already on a meeting or
    agenda item keeps it: an import never moves what the user placed."""
    added = {item.id for spec, _entry, item, before in placed if before is None}
    keys = {spec.model: spec.key for spec in KINDS}

    def link(item, meeting_id: str | None, agenda_item_id: str | None) -> None:
        if not isinstance(item, _ON_AGENDA) or item.agenda_item_id is not None:
            return
        if agenda_item_id is not None:
            agenda_item = session.get(AgendaItem, agenda_item_id)
            if agenda_item is None:
                return
            meeting_id = agenda_item.meeting_id
        elif meeting_id is None or session.get(Meeting, meeting_id) is None:
            return
        if item.meeting_id not in (None, meeting_id):
            return  # on another meeting already
        if item.meeting_id == meeting_id and agenda_item_id is None:
            return
        item.meeting_id, item.agenda_item_id = meeting_id, agenda_item_id
        if item.id not in added:
            report.linked[keys[type(item)]] += 1

    for entry in document.get("links") or []:
        link(session.get(Item, entry["item"]), entry.get("meeting_id"), entry.get("agenda_item_id"))
    session.flush()
    # The agenda item of a document an item cites: for the items of this document, and the items that cite
    # the documents of this document.
    items = {item.id for _spec, _entry, item, _before in placed if isinstance(item, _ON_AGENDA)}
    sources = {item.id for _spec, _entry, item, _before in placed if isinstance(item, Source) and item.agenda_item_id}
    if not items and not sources:
        return
    rows = session.execute(
        select(item_sources.c.item_id, item_sources.c.source_id, Source.agenda_item_id)
        .join(Source, Source.id == item_sources.c.source_id)
        .where(Source.agenda_item_id.is_not(None))
    ).all()
    found: dict[str, set[str]] = {}
    for item_id, source_id, agenda_item_id in rows:
        if item_id in items or source_id in sources:
            found.setdefault(item_id, set()).add(agenda_item_id)
    for item_id, agenda_item_ids in found.items():
        if len(agenda_item_ids) == 1:  # documents of two agenda items: which one is not for the import to say
            link(session.get(Item, item_id), None, next(iter(agenda_item_ids)))


def set_follow_up(session: Session, item, value) -> None:
    """The item's follow-up from its interchange form: an object ({state, deadline, entries}) is the follow-up as
    it is to be; null removes it. The text of before (a string: an import format's or an old file's words) is one
    undated entry: added unless an entry already says it, so that importing a source again neither doubles it nor
    drops what the user added since."""
    if value is None:
        item.follow_up = None
        return
    if isinstance(value, str):
        if not value.strip():
            return
        follow_up = item.follow_up
        if follow_up is None:
            item.follow_up = FollowUp(state=FollowUpState.UNKNOWN, entries=[FollowUpEntry(position=0, text=value)])
        elif all(entry.text != value for entry in follow_up.entries):
            follow_up.entries.append(FollowUpEntry(position=len(follow_up.entries), text=value))
        return
    entries = []
    for position, data in enumerate(value.get("entries") or []):
        entry = FollowUpEntry(position=position, date=data.get("date"), text=data.get("text"))
        entry.evidence = [session.get(Item, i) for i in data.get("evidence_ids") or []]
        entries.append(entry)
    follow_up = FollowUp(state=FollowUpState(value.get("state") or "unknown"),
                         deadline=date.fromisoformat(value["deadline"]) if value.get("deadline") else None, entries=entries)
    if item.follow_up is not None:
        item.follow_up = None  # the old rows go before the new ones (same key) land
        session.flush()
    item.follow_up = follow_up


def shrinks(item: Item, spec: KindSpec, entry: dict, source) -> str | None:
    """The warning when an import would leave a stored question set with fewer questions than it has, or with an
    answer cut short (the start of the stored one), else None.

    A file cut short (a text copied in part, a download broken off) still reads as a valid question set, and
    updating would drop the questions it lost and cut its last answer: such an update is refused for the item
    and said. The window saving a form (`whole_items`) may remove questions; it never comes here.
    """
    if spec.key != "question_sets" or "questions" not in entry:
        return None
    have, given = len(item.questions), len(entry["questions"] or [])
    if given < have:
        return (f"{source}: de vragenset '{item.title}' heeft in dit bestand {number_of(given, 'vraag', 'vragen')}, "
                f"in het dossier {have}: is het bestand afgebroken? De vragenset is niet bijgewerkt.")
    # A file cut inside its last answer has every question, and that answer is the start of the stored one.
    stored = {question.number: " ".join((question.answer or "").split()) for question in item.questions}
    for question in entry["questions"] or []:
        answer, kept = " ".join((question.get("answer") or "").split()), stored.get(question.get("number"), "")
        if answer and len(answer) < len(kept) and kept.startswith(answer):
            return (f"{source}: in de vragenset '{item.title}' is het antwoord op vraag {question.get('number')} "
                    f"korter dan in het dossier en er het begin van: is het bestand afgebroken? De vragenset is "
                    "niet bijgewerkt.")
    return None
