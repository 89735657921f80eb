"""Build a pack from a dossier and the user's choices; confidentiality is enforced here, once.

Only `public` items go in unless the user includes `internal` and/or
`confidential` explicitly; people flagged `sensitive` are never named unless
the user asks, in any section, in the sources or in attachment text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from raadsdossier.storage.glance import cost_summary
from raadsdossier.domain.checklist import DONE_STATUSES, META_KEY, load_template, newest_assessments
from raadsdossier.domain import kinds
from raadsdossier.domain.enums import ActorRole, AgendaItemKind, Confidentiality, confidentiality_levels
from raadsdossier.domain.errors import InvalidInput, NotFound
from raadsdossier.domain.models import (
    Attachment, ChecklistAssessment, CollegeNote, Commitment, Cost, Demonstration, DossierMeta, Event, Item, Meeting, Motion, Note,
    FollowUp, ItemActor, Outcome, Partnership, Person, QuestionSet, Source, Vote,
)
from raadsdossier.export import longtext
from raadsdossier.export.details import (
    follow_up_detail, REDACTED, college_note_detail, is_national, motion_detail, question_set_detail, refs,
)
from raadsdossier.export.labels import euro, nl, nl_date
from raadsdossier.export.longtext import shorten
from raadsdossier.export.model import (
    SOURCES_ANCHOR, Block, Citation, Facts, Heading, Pack, Paragraph, Table,
)

TITLE_LIMIT = 300  # characters of the pack's title and subtitle (the cover, and the header of every page)
MARKING = {Confidentiality.CONFIDENTIAL: "VERTROUWELIJK", Confidentiality.INTERNAL: "VERTROUWELIJK – FRACTIE-INTERN"}


@dataclass(frozen=True)
class PackOptions:
    """What the user chose. `sections` are keys of kinds.PACK_SECTIONS (the names of 0.1 are accepted too);
    `include` the levels besides public that go in (Confidentiality values or their names)."""

    sections: tuple[str, ...] = kinds.DEFAULT_PACK_SECTIONS
    include: frozenset[Confidentiality] = frozenset()
    include_sensitive: bool = False
    full_checklist: bool = False  # every recommendation, also when most are not assessed
    meeting: str | None = None  # reference or id
    agenda_item: str | None = None  # its number
    # A meeting's pack prints every agenda item in its place, also those the dossiers hold nothing for (one line
    # each); without it those are listed together in one line.
    whole_agenda: bool = False
    author: str = ""
    today: date | None = None

    def __post_init__(self) -> None:
        resolved = tuple(kinds.pack_section_key(s) or s for s in self.sections)
        unknown = [s for s in resolved if s not in kinds.PACK_SECTION_BY_KEY]
        if unknown:
            raise InvalidInput(None, f"onbekend onderdeel: {', '.join(unknown)} "
                                     f"(kies uit {', '.join(s.key for s in kinds.PACK_SECTIONS)}).")
        object.__setattr__(self, "sections", resolved)
        object.__setattr__(self, "include", frozenset(confidentiality_levels(self.include)))
        if self.agenda_item and not self.meeting:
            raise InvalidInput(None, "--agenda-item gaat samen met --meeting.")

    @property
    def levels(self) -> tuple[Confidentiality, ...]:
        """Every level that goes in, lowest first."""
        return tuple(level for level in Confidentiality.ordered() if level is Confidentiality.PUBLIC
                     or level in self.include)


@dataclass
class _Context:
    options: PackOptions
    sensitive_names: list[str]
    sensitive_ids: set[str]
    source_numbers: dict[str, int] = field(default_factory=dict)  # by the entry's text (_source_text)
    sources: list[Citation] = field(default_factory=list)
    highest: Confidentiality = Confidentiality.PUBLIC
    anchors: int = 0
    included: set[str] = field(default_factory=set)  # ids of the items printed
    withheld: set[str] = field(default_factory=set)  # ids of items left out for their level alone

    def ok(self, item: Item | None) -> bool:
        """Whether `item`'s level goes in (the one rule of confidentiality); an item kept out is remembered."""
        if item is None:
            return False
        if item.confidentiality in self.options.levels:
            return True
        self.withheld.add(item.id)
        return False

    def seen(self, item: Item) -> None:
        """`item` is printed: it counts for the pack's marking."""
        self.included.add(item.id)
        if item.confidentiality.rank > self.highest.rank:
            self.highest = item.confidentiality

    def text(self, value) -> str:
        """Text as printed: sensitive people's names removed unless the user included them."""
        text = "" if value is None else str(value)
        for name in self.sensitive_names:
            text = re.sub(re.escape(name), REDACTED, text, flags=re.IGNORECASE)
        return text

    def names(self, item: Item, role: ActorRole) -> str:
        out = []
        for actor in item.actors_with_role(role):
            if actor.person_id in self.sensitive_ids:
                out.append(REDACTED)
            else:
                out.append(self.text(actor.display_name))
        return ", ".join(out)

    def cite(self, item: Item) -> tuple[int, ...]:
        if "sources" not in self.options.sections:  # no list to point into: no numbers either
            return ()
        return tuple(self.number(source) for source in sorted(item.sources, key=lambda s: (s.date or "", s.title))
                     if self.ok(source))

    def number(self, source: Source) -> int:
        """`source`'s number in the pack's list (given it now when it has none yet); the caller checked its level."""
        # One number per entry as printed: the same document kept in two dossiers of a meeting pack (or twice in
        # one) is one entry of the list.
        key = _source_text(source)
        if key not in self.source_numbers:
            number = len(self.sources) + 1
            self.source_numbers[key] = number
            self.sources.append(Citation(number, self.text(key)))
        self.seen(source)
        return self.source_numbers[key]

    def pack(self, title: str, subtitle: str, blocks: list[Block], today: date) -> Pack:
        """The finished pack: its cover texts (people at risk left out, shortened), the marking of the highest
        level printed, the source list when chosen, and the counts of what went in and what was left out."""
        options = self.options
        return Pack(
            title=shorten(self.text(title), TITLE_LIMIT), subtitle=shorten(self.text(subtitle), TITLE_LIMIT),
            date=nl_date(today), author=shorten(options.author, TITLE_LIMIT),
            marking=MARKING.get(self.highest), levels=options.levels,
            blocks=longtext.fit(blocks), sources=self.sources if "sources" in options.sections else [],
            included_items=len(self.included), withheld_items=len(self.withheld - self.included),
        )

    def anchor(self, prefix: str) -> str:
        self.anchors += 1
        return f"{prefix}-{self.anchors}"


def new_context(options: PackOptions, sessions) -> _Context:
    """What a pack's build keeps track of, for the dossiers `sessions` read: the people flagged sensitive in
    any of them are named in none of them unless the user asked."""
    sensitive = [] if options.include_sensitive else [
        person for session in sessions for person in session.scalars(select(Person).where(Person.sensitive))]
    return _Context(options, sorted({p.name for p in sensitive}, key=len, reverse=True), {p.id for p in sensitive})


def _source_text(source: Source) -> str:
    parts = [p for p in (source.publisher, source.title) if p]
    text = ", ".join(parts)
    if source.document_number:
        text += f" ({source.document_number})"
    if source.date:
        text += f", {nl_date(source.date)}"
    if source.url:
        text += f". {source.url}"
    return text


def build_pack(session: Session, options: PackOptions) -> Pack:
    """The pack for the dossier `session` reads, as the user chose; NotFound for an unknown meeting or agenda item.

    Reads only. The pack says how many items it holds and how many were left out for their level alone
    (Pack.included_items, Pack.withheld_items): the export dialog shows those figures before it is made.
    """
    today = options.today or date.today()
    partnership = session.scalars(select(Partnership)).first()
    if partnership is None:
        raise NotFound("Dit dossier heeft geen stedenband; er valt geen stuk van te maken.")
    if options.meeting:  # a meeting's pack follows its agenda, for one dossier as for several
        from raadsdossier.export.meeting import build_meeting_pack

        return build_meeting_pack([("dossier", session)], options).pack
    ctx = new_context(options, [session])
    title, subtitle = f"Dossier {partnership.dutch_side} – {partnership.partner_name}", "Informatiepakket"
    blocks: list[Block] = []
    builders = {
        "summary": _summary, "timeline": _timeline, "motions": _motions, "commitments": _commitments,
        "question_sets": _question_sets, "college_notes": _college_notes, "demonstrations": _demonstrations,
        "checklist": _checklist, "costs_and_outcomes": _costs_and_outcomes, "attachments": _attachments,
        "notes": _notes,
    }
    for key in options.sections:
        if key == "sources":
            continue
        section = builders[key](session, ctx, partnership, today)
        if section:  # a section only when it has content
            blocks.append(Heading(1, kinds.PACK_SECTION_BY_KEY[key].title, ctx.anchor(key)))
            blocks.extend(section)
    if "sources" in options.sections:
        blocks.extend(_sources(session, ctx))
    return ctx.pack(title, subtitle, blocks, today)


def pack_items(session: Session, ctx: _Context, model, order, keep=lambda item: True, where=None) -> list:
    """The items of a kind that go in: allowed levels and in scope (`keep`, and the SQL condition `where` that
    spares reading the others). Only these count for the marking."""
    # Sources, actors and a motion's votes are read for nearly every item: load them per kind in a
    # few queries instead of lazily per item (a 1,000-item pack issued several thousand queries).
    loads = [selectinload(model.sources), selectinload(model.actors).selectinload(ItemActor.person)]
    if model is Motion:
        loads.append(selectinload(Motion.votes).selectinload(Vote.choices))
    if model in (Motion, Commitment):
        loads.append(selectinload(model.follow_up).selectinload(FollowUp.entries))
    elif model is QuestionSet:
        loads.append(selectinload(QuestionSet.questions))
    query = select(model).options(*loads).order_by(*order)
    if where is not None:
        query = query.where(where)
    items = [item for item in session.scalars(query) if keep(item) and ctx.ok(item)]
    for item in items:
        ctx.seen(item)
    return items


# -- sections -------------------------------------------------------------------

def _summary(session, ctx, p: Partnership, today) -> list[Block]:
    ctx.seen(p)
    partner = p.partner_name + (f" ({p.partner_native_name})" if p.partner_native_name else "")
    rows = [("Nederlandse kant", f"{p.dutch_side} ({nl(p.level)})"), ("Partner", partner)]
    where = ", ".join(x for x in (p.partner_region, p.partner_country) if x)
    if where:
        rows.append(("Regio en land", where))
    rows += [("Sinds", p.since or "onbekend"), ("Status", nl(p.status))]
    if p.focus_themes:
        rows.append(("Speerpunten", ", ".join(p.focus_themes)))
    blocks: list[Block] = [Facts(tuple((k, ctx.text(v)) for k, v in rows))]
    if p.description:
        blocks.append(Paragraph(ctx.text(p.description), ctx.cite(p)))
    if p.status_history:
        blocks.append(Table(("Wanneer", "Status", "Toelichting"),
                            tuple((c.period or nl_date(c.date), nl(c.status), ctx.text(c.note)) for c in p.status_history),
                            (0.25, 0.2, 0.55), "Statusgeschiedenis"))
    return blocks


_TIMELINE = [(Event, "date", "title"), (Motion, "date", "title"), (Demonstration, "date", "title"),
             (CollegeNote, "date", "title"), (Commitment, "promised_on", "title"), (QuestionSet, "submitted_on", "title")]
UNDATED = "Datum onbekend"


def _timeline(session, ctx, p, today) -> list[Block]:
    """Every item of the timeline's kinds: the dated ones in order of date, then under "Datum onbekend" the
    ones the sources give no date (each with the date of the source that reports it, earliest first, and
    an event's period as its source words it, "sinds 2019"). None is dropped."""
    dated, undated = [], []
    for model, date_attr, title_attr in _TIMELINE:
        for item in pack_items(session, ctx, model, [getattr(model, date_attr)]):
            when = getattr(item, date_attr)
            when = when.isoformat() if hasattr(when, "isoformat") else when
            row = (_timeline_label(item), ctx.text(_timeline_title(item, title_attr)), ctx.cite(item))
            if when:
                end = getattr(item, "end_date", None)
                dated.append((when, nl_date(when) + (f" – {nl_date(end)}" if end else ""), *row))
            else:
                reported = min((s.date for s in item.sources if s.date and ctx.ok(s)), default=None)
                period = getattr(item, "period", None)
                words = ctx.text(period) if period else ""
                if reported:
                    words += ("; " if words else "") + f"bron: {nl_date(reported)}"
                undated.append((reported or "~", words, *row))
    blocks: list[Block] = []
    columns, widths = ("Datum", "Soort", "Wat", "Bron"), (0.2, 0.17, 0.53, 0.1)
    if dated:
        dated.sort(key=lambda r: r[0])
        blocks.append(Table(columns, tuple((when, kind, title, refs(cites)) for _k, when, kind, title, cites in dated),
                            widths))
    if undated:
        undated.sort(key=lambda r: (r[0], r[3]))
        blocks.append(Table(("Periode of bron", "Soort", "Wat", "Bron"),
                            tuple((words, kind, title, refs(cites)) for _k, words, kind, title, cites in undated),
                            widths, UNDATED))
        blocks.append(Paragraph("De bronnen geven deze onderdelen geen datum; ze staan in de volgorde van de bron die "
                                "ze noemt.", style="small"))
    return blocks


def _timeline_label(item) -> str:
    if isinstance(item, Event) and item.event_kind:
        return nl(item.event_kind)
    if isinstance(item, QuestionSet):
        return nl(item.set_kind) + (" (landelijk)" if is_national(item) else "")
    return kinds.kind(item.kind).singular


def _timeline_title(item, title_attr: str) -> str:
    if isinstance(item, QuestionSet):
        return f"{item.reference or ''} {item.title}".strip()
    return getattr(item, title_attr)


def _motions(session, ctx, p, today) -> list[Block]:
    motions = pack_items(session, ctx, Motion, [Motion.date, Motion.reference])
    if not motions:
        return []
    blocks: list[Block] = [Table(
        ("Kenmerk", "Titel", "Indieners", "Datum", "Status", "Uitslag"),
        tuple((m.reference or "", ctx.text(m.title), ctx.names(m, ActorRole.SUBMITTER), nl_date(m.date), nl(m.status),
               nl(m.final_result)) for m in motions),
        (0.11, 0.29, 0.16, 0.15, 0.14, 0.15))]
    for m in motions:
        blocks.extend(motion_detail(ctx, m))
    return blocks


def _commitments(session, ctx, p, today) -> list[Block]:
    items = pack_items(session, ctx, Commitment, [Commitment.deadline, Commitment.title])
    if not items:
        return []
    rows = []
    for c in items:
        status = nl(c.status) + (" (te laat)" if c.is_overdue(today) else "")
        rows.append((ctx.text(c.title), ctx.names(c, ActorRole.PROMISED_BY), nl_date(c.promised_on), nl_date(c.deadline),
                     status, refs(ctx.cite(c))))
    blocks: list[Block] = [Table(("Toezegging", "Toegezegd door", "Op", "Uiterlijk", "Status", "Bron"), tuple(rows),
                                 (0.34, 0.18, 0.12, 0.12, 0.14, 0.1))]
    for c in items:
        if c.description:
            blocks.append(Paragraph(ctx.text(f"{c.title}: {c.description}"), ctx.cite(c)))
        if c.follow_up is not None:
            blocks.append(Paragraph(ctx.text(c.title), style="label"))
            blocks.extend(follow_up_detail(ctx, c.follow_up)[1:])  # under the commitment's title, not "Uitvoering"
    return blocks


def _question_sets(session, ctx, p, today) -> list[Block]:
    return [block for qs in pack_items(session, ctx, QuestionSet, [QuestionSet.submitted_on])
            for block in question_set_detail(ctx, qs, today)]


def _college_notes(session, ctx, p, today) -> list[Block]:
    return [block for note in pack_items(session, ctx, CollegeNote, [CollegeNote.date])
            for block in college_note_detail(ctx, note)]


def _demonstrations(session, ctx, p, today) -> list[Block]:
    blocks: list[Block] = []
    for demo in pack_items(session, ctx, Demonstration, [Demonstration.date]):
        blocks.append(Heading(2, ctx.text(demo.title), ctx.anchor("demonstratie")))
        rows = [("Datum", nl_date(demo.date)), ("Plaats", ctx.text(demo.place)),
                ("Organisatoren", ctx.names(demo, ActorRole.ORGANISER)),
                ("Omvang", str(demo.estimated_size) if demo.estimated_size else ""),
                ("Over motie", ctx.text(demo.motion.title) if demo.motion is not None and ctx.ok(demo.motion) else "")]
        blocks.append(Facts(tuple(r for r in rows if r[1])))
        for text in (demo.demands, demo.description):
            if text:
                blocks.append(Paragraph(ctx.text(text), ctx.cite(demo)))
    return blocks


def _checklist(session, ctx, p, today) -> list[Block]:
    meta = session.get(DossierMeta, META_KEY)
    if meta is None:
        return []
    template = load_template(meta.value)
    assessments = list(session.scalars(select(ChecklistAssessment).where(ChecklistAssessment.template == template.id)
                                       .order_by(ChecklistAssessment.seq)))
    # An item with any assessment whose level does not go in is shown as not assessed: its history is not
    # for this pack's readers.
    hidden = {a.checklist_item_id for a in assessments if not ctx.ok(a)}
    newest = newest_assessments((a.checklist_item_id, a.status, a.assessed_on, a) for a in assessments)
    shown = {item_id: row[3] for item_id, row in newest.items() if item_id not in hidden}
    blocks: list[Block] = [Paragraph(ctx.text(template.title))]
    # Mostly unassessed: the progress per part and only the assessed recommendations (32 rows of "niet
    # begonnen" filled three pages and said nothing), unless the user asks for all of them.
    assessed_count = sum(1 for item in template.items if item.id in shown)
    complete = ctx.options.full_checklist or assessed_count * 2 >= len(template.items)
    summary = []
    for section_id, section_title in template.sections:
        members = [item for item in template.items if item.section == section_id]
        done = sum(1 for item in members if item.id in shown and shown[item.id].status in DONE_STATUSES)
        assessed = sum(1 for item in members if item.id in shown)
        summary.append((section_title, f"{assessed} van {len(members)}", f"{done} van {len(members)}"))
    blocks.append(Table(("Onderdeel", "Beoordeeld", "Afgerond"), tuple(summary), (0.6, 0.2, 0.2),
                        "Voortgang per onderdeel"))
    if not complete:
        blocks.append(Paragraph(
            f"{assessed_count} van de {len(template.items)} aanbevelingen zijn beoordeeld; hieronder staan alleen "
            "de beoordeelde. Kies 'volledige checklist' (--full-checklist) voor alle aanbevelingen.", style="small"))
    for section_id, section_title in template.sections:
        rows = []
        for item in (item for item in template.items if item.section == section_id):
            assessment = shown.get(item.id)
            if assessment is None:
                if complete:
                    rows.append((item.title, nl("not_started"), "", ""))
            else:
                ctx.seen(assessment)
                rows.append((item.title, nl(assessment.status), nl_date(assessment.assessed_on),
                             ctx.text(assessment.note)))
        if rows:
            blocks.append(Heading(2, section_title, ctx.anchor("checklist")))
            blocks.append(Table(("Aanbeveling", "Status", "Beoordeeld", "Notitie"), tuple(rows),
                                (0.45, 0.15, 0.15, 0.25)))
    return blocks


def _costs_and_outcomes(session, ctx, p, today) -> list[Block]:
    costs = pack_items(session, ctx, Cost, [Cost.date])
    outcomes = pack_items(session, ctx, Outcome, [Outcome.date])
    blocks: list[Block] = []
    if costs:
        rows = []
        for c in costs:
            amount = euro(c.amount_cents) + (f" – {euro(c.amount_max_cents)}" if c.amount_max_cents is not None else "")
            period = nl_date(c.date) + (f" – {nl_date(c.end_date)}" if c.end_date else "")
            rows.append((ctx.text(c.description), period, nl(c.category), nl(c.basis), amount, refs(ctx.cite(c))))
        blocks.append(Table(("Omschrijving", "Periode", "Categorie", "Grondslag", "Bedrag", "Bron"), tuple(rows),
                            (0.33, 0.13, 0.12, 0.12, 0.2, 0.1), "Kosten"))
        # The one rule of what costs add up to (storage/glance.py), as the Overzicht and `info` give it:
        # amounts per year or per trip are rates, not sums, and are not added up.
        total = cost_summary((c.amount_cents, c.amount_max_cents, c.basis.value, c.date, c.end_date)
                             for c in costs)["total"]
        if total["count"]:
            low, high = total["low"], total["high"]
            blocks.append(Facts((("Totaal (bedragen met grondslag totaal)",
                                  euro(low) if low == high else f"{euro(low)} – {euro(high)}"),)))
    if outcomes:
        blocks.append(Table(("Opbrengst", "Waarde", "Volgens", "Bron"),
                            tuple((ctx.text(o.claim), ctx.text(o.value), ctx.text(o.claimed_by), refs(ctx.cite(o)))
                                  for o in outcomes), (0.5, 0.2, 0.2, 0.1), "Opbrengsten"))
    return blocks


def _sources(session, ctx, whole: bool = True) -> list[Block]:
    """The numbered list of the sources the pack cites (printed by the renderer after this heading), then, in a
    pack of the whole dossier, its other sources at the chosen levels, unnumbered: no source the pack may show
    is left out. A meeting's pack lists what it cites."""
    others = [source for source in pack_items(session, ctx, Source, [Source.date, Source.title])
              if _source_text(source) not in ctx.source_numbers] if whole else []
    if not ctx.sources and not others:
        return []
    blocks: list[Block] = [Heading(1, kinds.PACK_SECTION_BY_KEY["sources"].title, SOURCES_ANCHOR)]
    if others:
        blocks.append(Paragraph("Overige bronnen in het dossier", style="label"))
        blocks.append(Paragraph("Bronnen die geen onderdeel van dit stuk aanhaalt.", style="small"))
        blocks.extend(Paragraph(ctx.text(_source_text(source)), style="small") for source in others)
    return blocks


def _attachments(session, ctx, p, today) -> list[Block]:
    blocks: list[Block] = []
    for attachment in pack_items(session, ctx, Attachment, [Attachment.file_name]):
        blocks.append(Heading(2, ctx.text(attachment.file_name), ctx.anchor("bijlage")))
        text = (attachment.extracted_text or "").strip()
        if text:
            excerpt = text if len(text) <= 1500 else text[:1500].rsplit(" ", 1)[0] + " …"
            blocks.extend(Paragraph(ctx.text(part), style="small") for part in excerpt.split("\n") if part.strip())
    return blocks


def _notes(session, ctx, p, today) -> list[Block]:
    blocks: list[Block] = []
    for note in pack_items(session, ctx, Note, [Note.title]):
        blocks.append(Heading(2, ctx.text(note.title), ctx.anchor("notitie")))
        blocks.extend(Paragraph(ctx.text(part)) for part in (note.body or "").split("\n\n") if part.strip())
    return blocks


def preview(session: Session) -> dict:
    """What a pack of this dossier could hold, for the export dialog: per pack section the number of items
    at each level ({section key: {Confidentiality: n}}), the number of people flagged sensitive, and the
    meetings with their numbered agenda items ([(reference or id, title, [(number, title)])]; not the headings)."""
    from sqlalchemy import func

    counts: dict[tuple[str, Confidentiality], int] = {}
    rows = session.execute(select(Item.kind, Item.confidentiality, func.count()).group_by(Item.kind, Item.confidentiality))
    for kind, level, n in rows:
        counts[(kind, level)] = n
    sections = {
        section.key: {level: sum(counts.get((kind.name, level), 0) for kind in section.kinds)
                      for level in Confidentiality.ordered()}
        for section in kinds.PACK_SECTIONS
    }
    sensitive = session.scalar(select(func.count()).select_from(Person).where(Person.sensitive)) or 0
    meetings = [(m.reference or m.id, m.title, [(a.number, a.title) for a in m.agenda_items
                                                 if a.number and a.kind is not AgendaItemKind.HEADING])
                for m in session.scalars(select(Meeting).order_by(Meeting.date))]
    return {"sections": sections, "sensitive_people": sensitive, "meetings": meetings}
