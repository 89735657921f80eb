"""College notes, sources and attachments: the documents a dossier rests on."""

from __future__ import annotations

import hashlib

from sqlalchemy import ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from raadsdossier.domain.enums import CollegeNoteKind, CollegeNoteStatus, SourceKind
from raadsdossier.domain.models.base import Item, enum_column, partial_dates


class Attachment(Item):
    __tablename__ = "attachments"
    __mapper_args__ = {"polymorphic_identity": "attachment"}

    id: Mapped[str] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True)
    file_name: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(Text, default="application/octet-stream")
    size: Mapped[int] = mapped_column(default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    # Loaded only when asked for: lists and searches never pull the bytes.
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    extracted_text: Mapped[str | None] = mapped_column(Text)

    def set_content(self, data: bytes) -> None:
        self.content = data
        self.size = len(data)
        self.sha256 = hashlib.sha256(data).hexdigest()

    @property
    def title(self) -> str:
        return self.file_name

    def search_text(self) -> tuple[str, str]:
        return (self.file_name, self.extracted_text or "")


class Source(Item):
    __tablename__ = "sources"
    __mapper_args__ = {"polymorphic_identity": "source"}

    id: Mapped[str] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True)
    source_kind: Mapped[SourceKind] = mapped_column(enum_column(SourceKind), default=SourceKind.OTHER)
    title: Mapped[str] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    url: Mapped[str | None] = mapped_column(Text)
    document_number: Mapped[str | None] = mapped_column(Text, index=True)
    attachment_id: Mapped[str | None] = mapped_column(ForeignKey("attachments.id", ondelete="SET NULL"))
    # The agenda item this document belongs to, as the council system lists it (a meeting import); an
    # item citing the document is linked to that agenda item when it has none (interchange/load.py).
    agenda_item_id: Mapped[str | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), index=True
    )

    attachment: Mapped[Attachment | None] = relationship(foreign_keys=[attachment_id])

    _validate_dates = partial_dates("date")

    def search_text(self) -> tuple[str, str]:
        return (self.title, " ".join(filter(None, [self.publisher, self.document_number, self.url])))


class CollegeNote(Item):
    __tablename__ = "college_notes"
    __mapper_args__ = {"polymorphic_identity": "college_note"}

    id: Mapped[str] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True)
    note_kind: Mapped[CollegeNoteKind] = mapped_column(enum_column(CollegeNoteKind), default=CollegeNoteKind.NOTE)
    status: Mapped[CollegeNoteStatus] = mapped_column(
        enum_column(CollegeNoteStatus), default=CollegeNoteStatus.PUBLISHED
    )
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    stated_position: Mapped[str | None] = mapped_column(Text)
    attachment_id: Mapped[str | None] = mapped_column(ForeignKey("attachments.id", ondelete="SET NULL"))
    # The meeting and agenda item that discuss it, if any.
    meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"), index=True)
    agenda_item_id: Mapped[str | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), index=True
    )

    attachment: Mapped[Attachment | None] = relationship(foreign_keys=[attachment_id])
    meeting: Mapped["Meeting | None"] = relationship(foreign_keys=[meeting_id])  # noqa: F821
    agenda_item: Mapped["AgendaItem | None"] = relationship(foreign_keys=[agenda_item_id])  # noqa: F821

    _validate_dates = partial_dates("date")

    def search_text(self) -> tuple[str, str]:
        return (self.title, " ".join(filter(None, [self.summary, self.stated_position])))
