"""A pack for one meeting across several dossiers: the agenda in its order, under each agenda item what each
dossier holds for it, then what the dossiers hold for the meeting as a whole, one numbered source list for the
whole pack, and the one rule of confidentiality (export/build.py) over all of them.

A griffie's council meeting often has items on two partnerships (or a partnership and a national motion):
one pack serves the meeting. Meetings match across dossiers by their reference (or id), and by date when
both dossiers give one; a dossier without the meeting is named in the pack and in the result, not an error.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import and_, false, or_, select
from sqlalchemy.orm import Session

from raadsdossier.domain import kinds
from raadsdossier.domain.enums import ActorRole, AgendaItemKind
from raadsdossier.domain.errors import NotFound
from raadsdossier.domain.models import (
    CollegeNote, Commitment, Demonstration, Meeting, Motion, Note, Partnership, QuestionSet, Source,
)
from raadsdossier.export.build import PackOptions, new_context, pack_items
from raadsdossier.export.details import college_note_detail, follow_up_detail, motion_detail, question_set_detail, refs
from raadsdossier.export.labels import nl, nl_date
from raadsdossier.export.model import SOURCES_ANCHOR, Block, Facts, Heading, Pack, Paragraph, Table


@dataclass(frozen=True)
class MeetingPackContent:
    pack: Pack
    dossiers: tuple[str, ...]  # the dossiers that have the meeting, in the order given
    missing: tuple[str, ...]  # the dossiers given that do not have it (named in the pack too)
    # The dossiers whose meeting is at a level the user left out: not in the pack, and not named in it (that
    # would tell its readers the meeting exists); only the one who makes the pack is told.
    withheld: tuple[str, ...] = ()


@dataclass
class _Part:
    name: str  # the dossier as the pack names it: "Arnhem – Wuhan"
    session: Session
    meeting: Meeting | None
    # What it holds for the meeting, as printed: agenda item id (None: the meeting as a whole) -> blocks
    held: dict = field(default_factory=dict)
    counts: Counter = field(default_factory=Counter)  # pack section -> items printed


def dossier_name(session: Session, fallback: str) -> str:
    partnership = session.scalars(select(Partnership)).first()
    return f"{partnership.dutch_side} – {partnership.partner_name}" if partnership else fallback


def find_meeting(session: Session, reference: str, on: str | None = None) -> Meeting | None:
    """The meeting with this reference (or id) in the dossier `session` reads; of several, the one on `on` (an
    undated one only when none has that date). A meeting whose date differs from `on` (both known) is another
    meeting of the same name."""
    found = list(session.scalars(select(Meeting).where(Meeting.reference == reference).order_by(Meeting.date)))
    by_id = session.get(Meeting, reference)
    if by_id is not None and by_id not in found:
        found.insert(0, by_id)
    if on:
        found = [m for m in found if m.date == on] or [m for m in found if not m.date]
    return found[0] if found else None


def same_number(number: str) -> str:
    """An agenda number as a reader means it: "05", "5" and " 5 " are one agenda item, "7A" is "7a"."""
    return re.sub(r"\d+", lambda digits: str(int(digits.group())), re.sub(r"\s+", "", number or "").lower())


def _number_key(number: str) -> list:
    """Agenda numbers in their natural order: 2 before 10, 7 before 7a before 8."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", number) if part]


def build_meeting_pack(dossiers: Sequence[tuple[str, Session]], options: PackOptions) -> MeetingPackContent:
    """One pack for the meeting `options.meeting` (and only `options.agenda_item`, when given) over the dossiers
    (fallback name, session). NotFound when no dossier has the meeting, or none has the agenda item."""
    if not options.meeting:
        raise NotFound("Kies de vergadering (--meeting) voor een stuk over meer dossiers.")
    today = options.today or date.today()
    ctx = new_context(options, [session for _name, session in dossiers])
    parts, on, withheld = [], None, []
    for fallback, session in dossiers:
        meeting = find_meeting(session, options.meeting, on)
        name = dossier_name(session, fallback)
        if meeting is not None and not ctx.ok(meeting):
            withheld.append((name, meeting.confidentiality))  # a meeting at a level the user left out is not in this pack
            continue
        on = on or (meeting.date if meeting is not None else None)
        parts.append(_Part(name, session, meeting))
    present = [part for part in parts if part.meeting is not None]
    missing = tuple(part.name for part in parts if part.meeting is None)
    if not present and withheld and not parts:
        levels = sorted({level for _name, level in withheld}, key=lambda level: level.rank)
        raise NotFound(f"De vergadering '{options.meeting}' is {' of '.join(nl(level) for level in levels)} in "
                       f"{', '.join(name for name, _level in withheld)}; neem dat niveau op "
                       f"(--include {','.join(level.value for level in levels)}) om er een stuk van te maken.")
    if not present:
        names = [*(part.name for part in parts), *(name for name, _level in withheld)]
        where = (f"niet in dit dossier ({names[0]})" if len(names) == 1
                 else f"in geen van de dossiers ({', '.join(names)})")
        raise NotFound(f"De vergadering '{options.meeting}' staat {where}"
                       + (" op de gekozen niveaus." if withheld else ". ") + _known_meetings(ctx, parts))
    for part in present:
        ctx.seen(part.meeting)
    first = present[0].meeting

    agenda = _agenda(present)
    if options.agenda_item:
        agenda = [entry for entry in agenda if entry.number and same_number(entry.number) == same_number(options.agenda_item)]
        if not agenda:
            raise NotFound(f"Agendapunt {options.agenda_item} staat niet op de agenda van '{first.title}' "
                           f"in {', '.join(part.name for part in present)}.")
    chosen = {agenda_item_id for entry in agenda for _part, agenda_item_id in entry.ids}
    for part in present:  # each item's heading names its dossier, unless the pack is of one dossier
        _gather(ctx, part, today, {a.id for a in part.meeting.agenda_items if a.id in chosen}, whole=not options.agenda_item,
                prefix=f"{part.name}: " if len(dossiers) > 1 else "")
    body = _agenda_body(ctx, agenda, options.whole_agenda or bool(options.agenda_item))
    whole = [block for part in present for block in part.held.get(None, [])]
    if whole:
        body.append(Heading(1, "Bij de vergadering als geheel", ctx.anchor("vergadering")))
        body.extend(whole)
    blocks = _overview(ctx, present, missing) + body
    if "sources" in options.sections and ctx.sources:
        blocks.append(Heading(1, "Bronnen", SOURCES_ANCHOR))

    title = f"{first.title}, {nl_date(first.date)}" if first.date else first.title
    names = [part.name for part in present]
    covers = ("dossier " if len(names) == 1 else "dossiers ") + ", ".join(names)
    subtitle = (f"{_agenda_title(agenda[0])} — {covers}" if options.agenda_item else covers[0].upper() + covers[1:])
    pack = ctx.pack(title, subtitle, blocks, today)
    return MeetingPackContent(pack, tuple(names), missing, tuple(name for name, _level in withheld))


def _known_meetings(ctx, parts: list[_Part]) -> str:
    """The meetings the dossiers do have (at the levels chosen), and how to get one in: for the message after an
    unknown --meeting."""
    known = []
    for part in parts:
        for meeting in part.session.scalars(select(Meeting).order_by(Meeting.date, Meeting.title)):
            if ctx.ok(meeting):
                label = f"{meeting.reference or meeting.id} ({', '.join(filter(None, [nl_date(meeting.date), meeting.title]))})"
                if label not in known:
                    known.append(label)
    have = ("Wel bekend: " + "; ".join(known[:12]) + ("; …" if len(known) > 12 else "") + ". ") if known \
        else "Er staan nog geen vergaderingen in. "
    return (have + "Haal een vergadering met haar agenda binnen met 'raadsdossier import DOSSIER BESTAND' (een "
            "Notubiz-vergadering als JSON, of de vergaderpagina van GemeenteOplossingen als HTML), of voeg er een toe "
            "in het venster; 'raadsdossier meetings DOSSIER' toont de vergaderingen van een dossier.")


@dataclass
class _AgendaEntry:
    """One agenda item of the meeting as the pack prints it, with the agenda items it stands for in each dossier."""

    number: str | None
    title: str
    heading: bool
    ids: list = field(default_factory=list)  # [(_Part, agenda item id)]

    def held(self) -> list[Block]:
        return [block for part, agenda_item_id in self.ids for block in part.held.get(agenda_item_id, [])]


def _agenda_key(agenda_item) -> tuple:
    """What makes two dossiers' agenda items one: the same imported agenda item (`origin`), else the same number
    as a reader means it ("5", "05" and " 5 " are one), else (a heading) the same words."""
    if agenda_item.origin:
        return ("origin", agenda_item.origin)
    if agenda_item.number and agenda_item.kind is not AgendaItemKind.HEADING:
        return ("number", same_number(agenda_item.number))
    return ("heading", " ".join(agenda_item.title.casefold().split()))


def _agenda(present: list[_Part]) -> list[_AgendaEntry]:
    """The meeting's agenda over all dossiers. An agenda imported from the council's system (its items have an
    `origin`) is printed in its own order, headings and repeated numbers as they are, with what another
    dossier adds placed after the agenda item it follows there; an agenda typed in by hand, in the natural
    order of its numbers (2 before 10, 7 before 7a)."""
    entries: dict[tuple, _AgendaEntry] = {}
    order: list[tuple] = []
    for part in present:
        previous = None
        for agenda_item in part.meeting.agenda_items:
            key = _agenda_key(agenda_item)
            if key not in entries:
                entries[key] = _AgendaEntry(agenda_item.number.strip() if agenda_item.number else None, agenda_item.title,
                                            agenda_item.kind is AgendaItemKind.HEADING)
                order.insert(order.index(previous) + 1 if previous is not None else len(order) if order else 0, key)
            entries[key].ids.append((part, agenda_item.id))
            previous = key
    if not any(a.origin for part in present for a in part.meeting.agenda_items):
        order.sort(key=lambda key: _number_key(entries[key].number or ""))
    return [entries[key] for key in order]


def _agenda_title(entry: _AgendaEntry) -> str:
    return f"Agendapunt {entry.number}: {entry.title}" if entry.number else entry.title


def _agenda_body(ctx, agenda: list[_AgendaEntry], whole_agenda: bool) -> list[Block]:
    """The agenda in its order: each agenda item with what the dossiers hold for it. Without `whole_agenda`, the
    agenda items the dossiers hold nothing for are one line after the others, and a heading of the agenda is
    printed only above an agenda item that is; with it, every agenda item and heading is printed in its place,
    an empty one with a line saying so."""
    body: list[Block] = []
    heading, empty = None, []
    for entry in agenda:
        if entry.heading:
            heading = entry
            if whole_agenda:
                body.append(Heading(1, ctx.text(entry.title), ctx.anchor("agenda")))
            continue
        found = entry.held()
        if not found and not whole_agenda:
            empty.append(entry)
            continue
        if heading is not None and not whole_agenda:
            body.append(Heading(1, ctx.text(heading.title), ctx.anchor("agenda")))
        heading = None
        body.append(Heading(1, ctx.text(_agenda_title(entry)), ctx.anchor("agendapunt")))
        body.extend(found or [Paragraph("Geen van de dossiers heeft stukken bij dit agendapunt.", style="small")])
    if empty:
        listed = "; ".join(f"{entry.number} {entry.title}" if entry.number else entry.title for entry in empty)
        count = "1 agendapunt" if len(empty) == 1 else f"{len(empty)} agendapunten"
        body.append(Paragraph(ctx.text(f"Zonder stukken uit de dossiers ({count}): {listed}."),
                              style="small"))
    return body


def _overview(ctx, present: list[_Part], missing: tuple[str, ...]) -> list[Block]:
    """The dossiers this pack covers, each with its partnership's status (when its level goes in) and what the
    pack prints of it for the meeting."""
    rows = []
    for part in present:
        partnership = part.session.scalars(select(Partnership)).first()
        status = ""
        if ctx.ok(partnership):
            ctx.seen(partnership)
            status = nl(partnership.status)
        held = ", ".join(kinds.by_key(section).count_text(part.counts[section])
                         for section in [*(row[0] for row in LINKED), "sources"] if part.counts[section])
        rows.append((ctx.text(part.name), status, held or "niets"))
    blocks: list[Block] = [Heading(1, "Dossiers in dit stuk", ctx.anchor("dossiers")),
                           Table(("Dossier", "Status stedenband", "Bij deze vergadering"), tuple(rows), (0.5, 0.25, 0.25))]
    if missing:
        blocks.append(Paragraph(ctx.text("Niet in dit stuk, want deze vergadering staat niet in het dossier: "
                                         + ", ".join(missing) + "."), style="small"))
    return blocks


def _kind(prefix: str, word: str) -> str:
    """"Arnhem – Wuhan: toezegging – " in a pack of several dossiers, "Toezegging – " in one of one dossier."""
    return f"{prefix}{word} – " if prefix else f"{word.capitalize()} – "


def _commitment(ctx, c: Commitment, today, prefix: str) -> list[Block]:
    status = nl(c.status) + (" (te laat)" if c.is_overdue(today) else "")
    rows = (("Toegezegd door", ctx.names(c, ActorRole.PROMISED_BY)), ("Op", nl_date(c.promised_on)),
            ("Uiterlijk", nl_date(c.deadline)), ("Status", status), ("Bron", refs(ctx.cite(c))))
    blocks: list[Block] = [Heading(2, ctx.text(f"{_kind(prefix, 'toezegging')}{c.title}"), ctx.anchor("toezegging")),
                           Facts(tuple(r for r in rows if r[1]))]
    if c.description:
        blocks.append(Paragraph(ctx.text(c.description)))
    return blocks + follow_up_detail(ctx, c.follow_up)


def _demonstration(ctx, d: Demonstration, today, prefix: str) -> list[Block]:
    rows = (("Datum", nl_date(d.date)), ("Plaats", ctx.text(d.place)), ("Organisatoren", ctx.names(d, ActorRole.ORGANISER)))
    return [Heading(2, ctx.text(f"{_kind(prefix, 'demonstratie')}{d.title}"), ctx.anchor("demonstratie")),
            Facts(tuple(r for r in rows if r[1])),
            *(Paragraph(ctx.text(text), ctx.cite(d)) for text in (d.demands, d.description) if text)]


def _note(ctx, note: Note, today, prefix: str) -> list[Block]:
    return [Heading(2, ctx.text(f"{_kind(prefix, 'notitie')}{note.title}"), ctx.anchor("notitie")),
            *(Paragraph(ctx.text(text)) for text in (note.body or "").split("\n\n") if text.strip())]


# What a dossier can hold for a meeting, in the order a meeting's pack prints it: (pack section, model, order,
# detail(ctx, item, today, prefix)). All but demonstrations can also stand on one agenda item.
LINKED = (
    ("motions", Motion, (Motion.date, Motion.reference), lambda ctx, m, today, prefix: motion_detail(ctx, m, prefix)),
    ("commitments", Commitment, (Commitment.deadline, Commitment.title), _commitment),
    ("question_sets", QuestionSet, (QuestionSet.submitted_on, QuestionSet.title),
     lambda ctx, qs, today, prefix: question_set_detail(ctx, qs, today, _kind(prefix, "vragen"))),
    ("college_notes", CollegeNote, (CollegeNote.date, CollegeNote.title),
     lambda ctx, note, today, prefix: college_note_detail(ctx, note, _kind(prefix, "collegestuk"))),
    ("demonstrations", Demonstration, (Demonstration.date, Demonstration.title), _demonstration),
    ("notes", Note, (Note.title,), _note),  # the user's own, only when the pack includes notes
)


def _gather(ctx, part: _Part, today, agenda_ids: set[str], whole: bool, prefix: str) -> None:
    """What the dossier of `part` holds for the agenda items `agenda_ids` and (`whole`) for the meeting without
    an agenda item, in full, into part.held by agenda item id (None for the meeting as a whole), counted per
    kind. Each kind is read once, only its items at this meeting (SQL), whatever the length of the agenda."""
    meeting_id = part.meeting.id
    for section, model, order, detail in LINKED:
        if section not in ctx.options.sections:
            continue
        on_agenda = getattr(model, "agenda_item_id", None)
        at_meeting = and_(model.meeting_id == meeting_id, on_agenda.is_(None)) if on_agenda is not None \
            else model.meeting_id == meeting_id
        where = or_(on_agenda.in_(agenda_ids), at_meeting if whole else false()) if on_agenda is not None \
            else (at_meeting if whole else false())
        for item in pack_items(part.session, ctx, model, list(order), where=where):
            key = getattr(item, "agenda_item_id", None)
            part.held.setdefault(key if key in agenda_ids else None, []).extend(detail(ctx, item, today, prefix))
            part.counts[section] += 1
    if "sources" in ctx.options.sections and agenda_ids:  # the documents the council's system lists at each agenda item
        documents = pack_items(part.session, ctx, Source, [Source.agenda_item_id, Source.date, Source.title],
                               where=Source.agenda_item_id.in_(agenda_ids))
        for agenda_item_id in dict.fromkeys(source.agenda_item_id for source in documents):
            shown = [source for source in documents if source.agenda_item_id == agenda_item_id]
            part.held.setdefault(agenda_item_id, [])[:0] = [
                Paragraph(f"{prefix}stukken bij dit agendapunt" if prefix else "Stukken bij dit agendapunt", style="label"),
                *(Paragraph(ctx.text(source.title), (ctx.number(source),), style="small") for source in shown)]
            part.counts["sources"] += len(shown)
