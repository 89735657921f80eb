"""Commitments (toezeggingen): what the college promised, by when, and what fulfilled it."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from raadsdossier.domain.enums import ActorRole, CommitmentStatus
from raadsdossier.domain.models.base import Item, enum_column, partial_dates
from raadsdossier.domain.models.follow_up import FollowUp


class Commitment(Item):
    __tablename__ = "commitments"

    id: Mapped[str] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True)
    # Two foreign keys point at `items`; the inheritance join is the one on `id`.
    __mapper_args__ = {"polymorphic_identity": "commitment", "inherit_condition": id.column == Item.id}
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    promised_on: Mapped[str | None] = mapped_column(String(10))
    meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"), index=True)
    agenda_item_id: Mapped[str | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), index=True
    )
    deadline: Mapped[date | None]
    status: Mapped[CommitmentStatus] = mapped_column(enum_column(CommitmentStatus), default=CommitmentStatus.OPEN)
    # The document (college note, source, …) that fulfilled the promise.
    fulfilled_by_id: Mapped[str | None] = mapped_column(ForeignKey("items.id", ondelete="SET NULL"), index=True)

    meeting: Mapped["Meeting | None"] = relationship(foreign_keys=[meeting_id])  # noqa: F821
    agenda_item: Mapped["AgendaItem | None"] = relationship(foreign_keys=[agenda_item_id])  # noqa: F821
    fulfilled_by: Mapped[Item | None] = relationship(foreign_keys=[fulfilled_by_id], remote_side="Item.id")
    follow_up: Mapped[FollowUp | None] = relationship(
        primaryjoin="Commitment.id == foreign(FollowUp.item_id)", cascade="all, delete-orphan", uselist=False)

    _validate_dates = partial_dates("promised_on")

    @property
    def promised_by(self) -> list[str]:
        return self.actor_names(ActorRole.PROMISED_BY)

    def is_overdue(self, today: date) -> bool:
        return self.status == CommitmentStatus.OPEN and self.deadline is not None and today > self.deadline

    def search_text(self) -> tuple[str, str]:
        return (self.title, " ".join(filter(None, [" ".join(self.promised_by), self.description,
                                                   self.follow_up.text() if self.follow_up else None])))
