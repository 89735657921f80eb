"""An item in full, as every pack prints it (a dossier's pack, export/build.py, and a meeting's, export/meeting.py):
a motion with its votes, a question set with its questions and answers, a college note with its position.

`ctx` is the pack's build context (export/build.py): what goes in (`ctx.ok`), what is printed of a text
(`ctx.text`, people at risk left out), the names in a role (`ctx.names`), the source numbers (`ctx.cite`).
"""

from __future__ import annotations

from datetime import date

from raadsdossier.domain.enums import ActorRole, FollowUpState, QuestionSetKind
from raadsdossier.domain.models import CollegeNote, Motion, QuestionSet
from raadsdossier.export.labels import nl, nl_date
from raadsdossier.export.model import Block, Facts, Heading, Paragraph, Table, VoteChart

REDACTED = "[naam weggelaten]"


def refs(numbers: tuple[int, ...]) -> str:
    return "[" + ", ".join(map(str, numbers)) + "]" if numbers else ""


def is_national(item) -> bool:
    """National context (the Tweede Kamer's questions), not the council's own: packs say so where they show it."""
    return isinstance(item, QuestionSet) and item.set_kind == QuestionSetKind.PARLIAMENTARY_QUESTIONS


def motion_detail(ctx, m: Motion, prefix: str = "") -> list[Block]:
    """A motion in full under its own heading: facts, considerations, dictum, follow-up, each vote, sources."""
    blocks: list[Block] = [Heading(2, ctx.text(f"{prefix}{m.reference + ' ' if m.reference else ''}{m.title}"),
                                   ctx.anchor("motie"))]
    rows = [("Datum", nl_date(m.date)), ("Status", nl(m.status))]
    if m.submitter_names:
        rows.append(("Indieners", ctx.names(m, ActorRole.SUBMITTER)))
    if m.co_submitter_names:
        rows.append(("Mede-indieners", ctx.names(m, ActorRole.CO_SUBMITTER)))
    if m.pre_advice:
        rows.append(("Preadvies college", ctx.text(m.pre_advice)))
    blocks.append(Facts(tuple(r for r in rows if r[1])))
    cites = ctx.cite(m)
    for label, text in (("Overwegingen", m.considerations), ("Dictum", m.operative_text)):
        if text:
            blocks.append(Paragraph(label, style="label"))
            blocks.extend(Paragraph(ctx.text(part)) for part in text.split("\n\n") if part.strip())
    blocks.extend(follow_up_detail(ctx, m.follow_up))
    for number, vote in enumerate(m.votes, start=1):
        blocks.extend(_vote(ctx, m, number, vote))
    if cites:
        blocks.append(Paragraph("Bronnen van deze motie", cites, style="small"))
    return blocks


def follow_up_detail(ctx, follow_up) -> list[Block]:
    """What became of an adopted motion or a commitment: its state and deadline ("te laat" when past it), then
    each dated entry with its evidence. Evidence at a level the pack leaves out is not named, only counted."""
    if follow_up is None:
        return []
    today = ctx.options.today or date.today()
    state = nl(follow_up.state) + (" (te laat)" if follow_up.is_overdue(today) else "")
    rows = (("Stand", state if follow_up.state is not FollowUpState.UNKNOWN else ""), ("Uiterlijk", nl_date(follow_up.deadline)))
    blocks: list[Block] = [Paragraph("Uitvoering", style="label"), Facts(tuple(r for r in rows if r[1]))]
    for entry in follow_up.entries:
        shown = [item for item in entry.evidence if ctx.ok(item)]
        for item in shown:
            ctx.seen(item)
        evidence = "; ".join(getattr(item, "title", None) or getattr(item, "file_name", "") for item in shown)
        hidden = len(entry.evidence) - len(shown)
        if hidden:
            evidence += ("; " if evidence else "") + f"{hidden} niet opgenomen stuk{'ken' if hidden > 1 else ''}"
        words = " — ".join(filter(None, [nl_date(entry.date), entry.text]))
        blocks.append(Paragraph(ctx.text(words + (f" (bewijs: {evidence})" if evidence else ""))))
    return blocks


def _vote(ctx, motion, number, vote) -> list[Block]:
    heading = f"Stemming {number}" + (f" ({nl_date(vote.date)})" if vote.date else "")
    tally = vote.tally
    if tally is None:  # no seats: no count. The choices the source gives are said, none is made up.
        known = "; ".join(f"{_voter(ctx, cast)} {nl(cast.choice)}" for cast in vote.choices)
        line = f"{heading}: uitslag {nl(vote.recorded_result) or 'onbekend'} (vastgelegd; " + (
            f"bekend is alleen: {known}, zonder zetels)" if known else "geen stemmen per fractie bekend)")
        return [Paragraph(ctx.text(line + (f". {vote.note}" if vote.note else "")))]
    result = f"{heading}: {nl(vote.computed_result)}, {tally.for_} voor en {tally.against} tegen"
    if vote.recorded_result and vote.disagrees:
        result += f" (let op: vastgelegd als {nl(vote.recorded_result)})"
    blocks: list[Block] = [Paragraph(ctx.text(result + (f". {vote.note}" if vote.note else "")))]
    rows, segments = [], []
    for cast in vote.choices:
        who = _voter(ctx, cast)
        rows.append((who, nl(cast.choice), str(cast.seats) if cast.seats is not None else ""))
        segments.append((who, cast.choice.value, cast.weight))
    blocks.append(Table(("Fractie" if vote.kind.value == "party" else "Lid", "Stem", "Zetels"), tuple(rows), (0.5, 0.3, 0.2)))
    order = {"for": 0, "against": 1, "not_voting": 2}
    blocks.append(VoteChart(tuple(sorted((s for s in segments if s[2] > 0), key=lambda s: order[s[1]])),
                            f"voor {tally.for_} · tegen {tally.against} · niet gestemd {tally.not_voting}"))
    return blocks


def _voter(ctx, cast) -> str:
    """Who cast a vote, as printed: the party's abbreviation or name, or the member (unless at risk)."""
    if cast.party is not None:
        return ctx.text(cast.party.abbreviation or cast.party.name)
    if cast.person_id in ctx.sensitive_ids:
        return REDACTED
    return ctx.text(cast.person.name if cast.person else "")


def question_set_detail(ctx, qs: QuestionSet, today, prefix: str = "") -> list[Block]:
    """A question set under its own heading: who asked whom, the dates and term, every question and answer."""
    blocks: list[Block] = [Heading(2, ctx.text(f"{prefix}{qs.reference + ': ' if qs.reference else ''}{qs.title}"),
                                   ctx.anchor("vragen"))]
    rows = [("Soort", nl(qs.set_kind)), ("Ingediend door", ctx.names(qs, ActorRole.SUBMITTER)),
            ("Gericht aan", ctx.names(qs, ActorRole.ADDRESSEE)), ("Ingediend", nl_date(qs.submitted_on)),
            ("Beantwoord", nl_date(qs.answered_on))]
    if qs.days_to_answer is not None:
        rows.append(("Dagen tot antwoord", str(qs.days_to_answer)))
    if qs.deadline:
        state = "te laat beantwoord" if qs.answered_late else "over de termijn" if qs.is_overdue(today) else "binnen de termijn"
        rows.append(("Termijn", f"{nl_date(qs.deadline)} ({state})"))
    if is_national(qs):
        rows.insert(0, ("Context", "Landelijk: Tweede Kamer, niet de eigen raad"))
    blocks.append(Facts(tuple(r for r in rows if r[1])))
    for question in qs.questions:
        blocks.append(Paragraph(f"Vraag {question.number}", style="label"))
        blocks.append(Paragraph(ctx.text(question.text)))
        answer = question.answer or (f"Zie het antwoord op vraag {question.answered_with}." if question.answered_with else
                                     "Nog niet beantwoord.")
        blocks.append(Paragraph(f"Antwoord {question.number}", style="label"))
        blocks.extend(Paragraph(ctx.text(part), style="quote") for part in answer.split("\n\n") if part.strip())
    cites = ctx.cite(qs)
    if cites:
        blocks.append(Paragraph("Bronnen", cites, style="small"))
    return blocks


def college_note_detail(ctx, note: CollegeNote, prefix: str = "") -> list[Block]:
    """A college note under its own heading: its kind, date and status, summary and the college's stated position."""
    blocks: list[Block] = [Heading(2, ctx.text(prefix + note.title), ctx.anchor("collegestuk"))]
    blocks.append(Facts(tuple(r for r in (("Soort", nl(note.note_kind)), ("Datum", nl_date(note.date)),
                                          ("Status", nl(note.status))) if r[1])))
    if note.summary:
        blocks.append(Paragraph(ctx.text(note.summary), ctx.cite(note)))
    if note.stated_position:
        blocks.append(Paragraph("Standpunt van het college", style="label"))
        blocks.append(Paragraph(ctx.text(note.stated_position), ctx.cite(note), style="quote"))
    return blocks
