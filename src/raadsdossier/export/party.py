"""A fraction pack: one party's motions across a library of dossiers, each in full, grouped per dossier, after a
table of all of them (motion, dossier, date, status, the party's vote, the follow-up).

The party's motions are those it submitted (as submitter or co-submitter, itself or through a member) or voted on,
matched by any of its spellings (domain/parties.py), as the motion tracker matches them (services/library.py).
One build context over all the dossiers, as a meeting's pack has (export/meeting.py): one rule of
confidentiality, one numbered source list, people at risk named in none of them unless the user asked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from raadsdossier.domain.enums import ActorRole
from raadsdossier.domain.errors import NotFound
from raadsdossier.domain.models import ItemActor, Motion, Party, Person, Vote, VoteCast
from raadsdossier.domain.parties import PartyNames
from raadsdossier.domain.votes import party_choice, side_changes
from raadsdossier.export.build import PackOptions, new_context, pack_items
from raadsdossier.export.details import motion_detail
from raadsdossier.export.labels import nl, nl_date
from raadsdossier.export.meeting import dossier_name
from raadsdossier.export.model import SOURCES_ANCHOR, Block, Heading, Pack, Paragraph, Table


@dataclass(frozen=True)
class PartyPackContent:
    pack: Pack
    party: str  # the party as the pack names it
    dossiers: tuple[str, ...]  # the dossiers with motions of the party in the pack, in the order given
    without: tuple[str, ...]  # the dossiers given without any (at the levels chosen)


@dataclass(frozen=True)
class _Members:
    """Who stands for the party in one dossier: its party items and their members, and the plain names (a
    submitter typed as "GroenLinks") that spell it."""

    party_ids: frozenset[str]
    person_ids: frozenset[str]
    plain_names: tuple[str, ...]
    name: str | None  # the dossier's own name of the party


def _members(session: Session, names: PartyNames, party: str) -> _Members:
    found = [p for p in session.scalars(select(Party)) if names.same(p.name, party) or names.same(p.abbreviation, party)]
    party_ids = frozenset(p.id for p in found)
    person_ids = frozenset(session.scalars(select(Person.id).where(Person.party_id.in_(party_ids)))) if party_ids else frozenset()
    plain = tuple(name for name in session.scalars(select(ItemActor.name).where(ItemActor.name.is_not(None)).distinct())
                  if names.same(name, party))
    return _Members(party_ids, person_ids, plain, found[0].name if found else None)


def _of_party(members: _Members):
    """The SQL condition: motions the party submitted or voted on."""
    roles = (ActorRole.SUBMITTER, ActorRole.CO_SUBMITTER)
    submitted = select(ItemActor.item_id).where(ItemActor.role.in_(roles), or_(
        ItemActor.party_id.in_(members.party_ids), ItemActor.person_id.in_(members.person_ids),
        ItemActor.name.in_(members.plain_names)))
    voted = select(Vote.motion_id).join(VoteCast, VoteCast.vote_id == Vote.id).where(or_(
        VoteCast.party_id.in_(members.party_ids), VoteCast.person_id.in_(members.person_ids)))
    return or_(Motion.id.in_(submitted), Motion.id.in_(voted))


def _party_choices(motion: Motion, members: _Members) -> list[str | None]:
    """The party's choice in each vote on `motion` (domain/votes.py party_choice; None where it took no part)."""
    return [party_choice(cast.choice for cast in vote.choices
                         if cast.party_id in members.party_ids or cast.person_id in members.person_ids)
            for vote in motion.votes]


def _vote_text(choices: list[str | None]) -> str:
    """The party's vote as the summary shows it: its last choice, and the way there when it changed sides
    ("tegen → voor")."""
    taken = [choice for choice in choices if choice]
    if not taken:
        return "–"
    changes = side_changes([{"party": choice} if choice else {} for choice in choices])
    if not changes:
        return nl(taken[-1])
    return " → ".join([nl(changes[0].before), *(nl(change.after) for change in changes)])


def _follow_up_text(motion: Motion, today: date) -> str:
    follow_up = motion.follow_up
    if follow_up is None:
        return "–"
    return nl(follow_up.state) + (" (te laat)" if follow_up.is_overdue(today) else "") + \
        (f", uiterlijk {nl_date(follow_up.deadline)}" if follow_up.deadline else "")


def build_party_pack(dossiers: Sequence[tuple[str, Session]], party: str, names: PartyNames,
                     options: PackOptions) -> PartyPackContent:
    """The fraction pack of `party` over the dossiers (fallback name, session), as the user chose (`options`:
    the levels, people at risk, the author, whether sources are listed). NotFound when no dossier has a motion
    of the party at the levels chosen. Reads only."""
    today = options.today or date.today()
    ctx = new_context(options, [session for _name, session in dossiers])
    summary, body, present, without, spelled = [], [], [], [], []
    for fallback, session in dossiers:
        name = dossier_name(session, fallback)
        members = _members(session, names, party)
        if members.name:
            spelled.append(members.name)
        found = pack_items(session, ctx, Motion, [Motion.date, Motion.reference, Motion.title],
                           where=_of_party(members)) if members.party_ids or members.plain_names else []
        if not found:
            without.append(name)
            continue
        present.append(name)
        body.append(Heading(1, ctx.text(name), ctx.anchor("dossier")))
        for motion in found:
            summary.append((ctx.text(f"{motion.reference + ' ' if motion.reference else ''}{motion.title}"),
                            ctx.text(name), nl_date(motion.date), nl(motion.status),
                            _vote_text(_party_choices(motion, members)), _follow_up_text(motion, today)))
            body.extend(motion_detail(ctx, motion))
    shown = max(set(spelled), key=spelled.count) if spelled else party
    if not present:
        raise NotFound(f"Geen van de dossiers ({', '.join(without)}) heeft moties van {party} op de gekozen niveaus.")
    blocks: list[Block] = [Heading(1, "Overzicht", ctx.anchor("overzicht")),
                           Table(("Motie", "Dossier", "Datum", "Status", "Stem", "Uitvoering"), tuple(summary),
                                 (0.28, 0.16, 0.12, 0.14, 0.12, 0.18), f"Moties van {shown}; Stem: hoe {shown} stemde")]
    if without:
        blocks.append(Paragraph(ctx.text(f"Zonder moties van {shown}: {', '.join(without)}."), style="small"))
    blocks.extend(body)
    if "sources" in options.sections and ctx.sources:
        blocks.append(Heading(1, "Bronnen", SOURCES_ANCHOR))
    count = "1 motie" if len(summary) == 1 else f"{len(summary)} moties"
    subtitle = f"{count} in {'dossier' if len(present) == 1 else 'dossiers'} {', '.join(present)}"
    pack = ctx.pack(f"Fractiestuk {shown}", subtitle, blocks, today)
    return PartyPackContent(pack, shown, tuple(present), tuple(without))
