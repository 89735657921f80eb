"""Dated assessments of the Amnesty checklist's items, with evidence."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Column, ForeignKey, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from raadsdossier.domain.enums import ChecklistStatus
from raadsdossier.domain.models.base import Base, Item, enum_column

assessment_evidence = Table(
    "assessment_evidence",
    Base.metadata,
    Column("assessment_id", ForeignKey("checklist_assessments.id", ondelete="CASCADE"), primary_key=True),
    Column("item_id", ForeignKey("items.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class ChecklistAssessment(Item):
    """How far one checklist item stood on a date; the newest per item is its current state."""

    __tablename__ = "checklist_assessments"

    id: Mapped[str] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True)
    __mapper_args__ = {"polymorphic_identity": "checklist_assessment", "inherit_condition": id.column == Item.id}

    template: Mapped[str] = mapped_column(Text)
    checklist_item_id: Mapped[str] = mapped_column(Text, index=True)
    status: Mapped[ChecklistStatus] = mapped_column(enum_column(ChecklistStatus), default=ChecklistStatus.NOT_STARTED)
    note: Mapped[str | None] = mapped_column(Text)
    assessed_on: Mapped[date | None]

    evidence: Mapped[list[Item]] = relationship(
        secondary=assessment_evidence,
        primaryjoin="ChecklistAssessment.id == assessment_evidence.c.assessment_id",
        secondaryjoin="Item.id == assessment_evidence.c.item_id",
    )

    @property
    def title(self) -> str:
        return self.checklist_item_id

    def search_text(self) -> tuple[str, str]:
        return (self.checklist_item_id, self.note or "")
