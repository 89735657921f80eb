"""What happened around the partnership: demonstrations, timeline events, notes."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from raadsdossier.domain.enums import ActorRole, EventKind, NoteKind
from raadsdossier.domain.models.base import Item, enum_column, partial_dates


class Demonstration(Item):
    __tablename__ = "demonstrations"
    __mapper_args__ = {"polymorphic_identity": "demonstration"}

    id: Mapped[str] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    place: Mapped[str | None] = mapped_column(Text)
    estimated_size: Mapped[int | None]
    demands: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    motion_id: Mapped[str | None] = mapped_column(ForeignKey("motions.id", ondelete="SET NULL"), index=True)
    meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"), index=True)

    motion: Mapped["Motion | None"] = relationship(foreign_keys=[motion_id])  # noqa: F821
    meeting: Mapped["Meeting | None"] = relationship(foreign_keys=[meeting_id])  # noqa: F821

    _validate_dates = partial_dates("date")

    @property
    def organisers(self) -> list[str]:
        return self.actor_names(ActorRole.ORGANISER)

    def search_text(self) -> tuple[str, str]:
        return (self.title, " ".join(filter(None, [
            self.place, " ".join(self.organisers), self.demands, self.description,
        ])))


class Event(Item):
    __tablename__ = "events"
    __mapper_args__ = {"polymorphic_identity": "event"}

    id: Mapped[str] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True)
    event_kind: Mapped[EventKind] = mapped_column(enum_column(EventKind), default=EventKind.OTHER)
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    end_date: Mapped[str | None] = mapped_column(String(10))
    # A period as the source words it, when it has no exact date ("sinds 2019").
    period: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)

    _validate_dates = partial_dates("date", "end_date")

    def search_text(self) -> tuple[str, str]:
        return (self.title, " ".join(filter(None, [self.period, self.description])))


class Note(Item):
    """The user's own notes, such as speaking notes for a debate."""

    __tablename__ = "notes"
    __mapper_args__ = {"polymorphic_identity": "note"}

    id: Mapped[str] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True)
    note_kind: Mapped[NoteKind] = mapped_column(enum_column(NoteKind), default=NoteKind.GENERAL)
    title: Mapped[str] = mapped_column(Text)
    body: Mapped[str | None] = mapped_column(Text)
    meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"), index=True)
    agenda_item_id: Mapped[str | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), index=True
    )

    meeting: Mapped["Meeting | None"] = relationship(foreign_keys=[meeting_id])  # noqa: F821
    agenda_item: Mapped["AgendaItem | None"] = relationship(foreign_keys=[agenda_item_id])  # noqa: F821

    def search_text(self) -> tuple[str, str]:
        return (self.title, self.body or "")
