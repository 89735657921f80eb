"""The follow-up of an adopted motion or a commitment: how far the college got, by when, and the dated
entries that show it, each with the items that are its evidence (a college note, a letter, an event)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Column, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from raadsdossier.domain.enums import FollowUpState
from raadsdossier.domain.models.base import Base, Item, enum_column, partial_dates

follow_up_evidence = Table(
    "follow_up_evidence",
    Base.metadata,
    Column("entry_id", ForeignKey("follow_up_entries.id", ondelete="CASCADE"), primary_key=True),
    Column("item_id", ForeignKey("items.id", ondelete="CASCADE"), primary_key=True, index=True),
)

# A follow-up that is settled either way is never overdue.
SETTLED = (FollowUpState.DONE, FollowUpState.NOT_DONE)


class FollowUp(Base):
    __tablename__ = "follow_ups"

    item_id: Mapped[str] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True)
    state: Mapped[FollowUpState] = mapped_column(enum_column(FollowUpState), default=FollowUpState.UNKNOWN)
    deadline: Mapped[date | None]

    entries: Mapped[list["FollowUpEntry"]] = relationship(
        cascade="all, delete-orphan", order_by="FollowUpEntry.position"
    )

    def is_overdue(self, today: date) -> bool:
        return self.deadline is not None and today > self.deadline and self.state not in SETTLED

    def text(self) -> str:
        """Every entry's words, for search."""
        return " ".join(entry.text for entry in self.entries if entry.text)


class FollowUpEntry(Base):
    __tablename__ = "follow_up_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("follow_ups.item_id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    date: Mapped[str | None] = mapped_column(String(10))  # a partial date, as the source gives it
    text: Mapped[str | None] = mapped_column(Text)

    evidence: Mapped[list[Item]] = relationship(secondary=follow_up_evidence)

    _validate_dates = partial_dates("date")
