"""Meetings of the council or a committee, and their agenda items."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from raadsdossier.domain.enums import AgendaItemKind, Body
from raadsdossier.domain.models.base import Base, Item, enum_column, new_id, partial_dates


class Meeting(Item):
    __tablename__ = "meetings"
    __mapper_args__ = {"polymorphic_identity": "meeting"}

    id: Mapped[str] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True)
    # A short handle the user and the CLI name a meeting by, e.g. "raad-2021-07-05".
    reference: Mapped[str | None] = mapped_column(Text, index=True)
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    body: Mapped[Body] = mapped_column(enum_column(Body), default=Body.COUNCIL)
    title: Mapped[str] = mapped_column(Text)

    agenda_items: Mapped[list["AgendaItem"]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="AgendaItem.position"
    )

    _validate_dates = partial_dates("date")

    def search_text(self) -> tuple[str, str]:
        agenda = " ".join(f"{a.number} {a.title}" for a in self.agenda_items)
        return (self.title, " ".join(filter(None, [self.reference, agenda])))


class AgendaItem(Base):
    __tablename__ = "agenda_items"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    # As the agenda prints it ("3", "TKN 1"); empty for a heading. Council agendas repeat numbers, so a
    # number is not unique within a meeting.
    number: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[AgendaItemKind] = mapped_column(enum_column(AgendaItemKind), default=AgendaItemKind.DEBATE)
    # The system and its id this agenda item was imported from ("notubiz:3935516"); None when the user
    # made it. A later capture of the meeting updates imported items and leaves the user's alone.
    origin: Mapped[str | None] = mapped_column(Text, index=True)

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items")
