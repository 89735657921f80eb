"""Votes an import could not tie to exactly one motion, kept until the user assigns them, and item history."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from raadsdossier.domain.enums import VoteKind, VoteResult
from raadsdossier.domain.models.base import Base, Item, enum_column, partial_dates, utcnow


class UnassignedVote(Item):
    """A decision with its per-party (or per-member) choices whose motion the source does not name.

    A Tweede Kamer `Stemming` page expanded through `Besluit → Agendapunt → Zaak`
    lists every motion of the agenda item; the vote is kept here, with those
    motions as candidates, until the user assigns it to the right one.
    """

    __tablename__ = "unassigned_votes"
    __mapper_args__ = {"polymorphic_identity": "unassigned_vote"}

    id: Mapped[str] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True)
    agenda_item: Mapped[str | None] = mapped_column(Text)
    decision: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(10))
    vote_kind: Mapped[VoteKind] = mapped_column(enum_column(VoteKind, name="unassigned_vote_kind"), default=VoteKind.PARTY)
    recorded_result: Mapped[VoteResult | None] = mapped_column(enum_column(VoteResult, name="unassigned_result"))
    note: Mapped[str | None] = mapped_column(Text)
    # [{"party" or "person": id, "choice": "for"|"against"|"not_voting", "seats": n}], as a motion's vote
    choices: Mapped[list[dict]] = mapped_column(JSON, default=list)
    candidate_motions: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Set when the user assigned it: the vote then lives on that motion, and this record stays so
    # that importing the same file again recognises the decision instead of offering it anew.
    assigned_to_id: Mapped[str | None] = mapped_column(ForeignKey("motions.id", ondelete="SET NULL"), index=True)

    _validate_dates = partial_dates("date")

    @property
    def title(self) -> str:
        return self.decision or self.agenda_item or self.id

    def search_text(self) -> tuple[str, str]:
        return (self.title, " ".join(filter(None, [self.agenda_item, self.note])))


class ItemVersion(Base):
    """An item as it was before an import or edit changed it (its interchange form)."""

    __tablename__ = "item_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    origin: Mapped[str | None] = mapped_column(Text)  # what changed it: an import file, "bewerking"
    data: Mapped[dict] = mapped_column(JSON)


class ItemAlias(Base):
    """Another id the same item has in another import format: a Tweede Kamer motion is keyed by its Zaak in
    a Stemming page and by its Kamerstuk in KOOP XML. An import naming the item by an alias updates it
    (interchange/load.py, a document's `aliases`) instead of adding a second one."""

    __tablename__ = "item_aliases"

    alias_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
