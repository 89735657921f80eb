"""The partnership a dossier is about, and the history of its status."""

from __future__ import annotations

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from raadsdossier.domain.dates import year_of
from raadsdossier.domain.enums import Level, PartnershipStatus
from raadsdossier.domain.models.base import Base, Item, enum_column, new_id, partial_dates


class Partnership(Item):
    __tablename__ = "partnerships"
    __mapper_args__ = {"polymorphic_identity": "partnership"}

    id: Mapped[str] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True)
    dutch_side: Mapped[str] = mapped_column(Text)
    level: Mapped[Level] = mapped_column(enum_column(Level))
    partner_name: Mapped[str] = mapped_column(Text)
    partner_native_name: Mapped[str | None] = mapped_column(Text)
    partner_country: Mapped[str | None] = mapped_column(Text)
    partner_region: Mapped[str | None] = mapped_column(Text)
    # A year or a fuzzy text as the source gives it ("1999", "Voor 2007").
    since: Mapped[str | None] = mapped_column(Text)
    status: Mapped[PartnershipStatus] = mapped_column(
        enum_column(PartnershipStatus), default=PartnershipStatus.UNKNOWN
    )
    focus_themes: Mapped[list[str]] = mapped_column(JSON, default=list)
    description: Mapped[str | None] = mapped_column(Text)

    status_history: Mapped[list["StatusChange"]] = relationship(
        back_populates="partnership", cascade="all, delete-orphan",
        order_by="StatusChange.position",
    )

    @property
    def since_year(self) -> int | None:
        return year_of(self.since)

    @property
    def title(self) -> str:
        return f"{self.dutch_side} – {self.partner_name}"

    def search_text(self) -> tuple[str, str]:
        history = " ".join(filter(None, (f"{c.period or ''} {c.note or ''}" for c in self.status_history)))
        body = " ".join(filter(None, [
            self.partner_native_name, self.partner_country, self.partner_region, self.since,
            " ".join(self.focus_themes or []), self.description, history,
        ]))
        return (self.title, body)


class StatusChange(Base):
    """One entry of the status history: "Na 2019 sluimerend" is period "Na 2019", status dormant."""

    __tablename__ = "status_changes"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    partnership_id: Mapped[str] = mapped_column(ForeignKey("partnerships.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    date: Mapped[str | None] = mapped_column(String(10))
    period: Mapped[str | None] = mapped_column(Text)
    status: Mapped[PartnershipStatus] = mapped_column(enum_column(PartnershipStatus))
    note: Mapped[str | None] = mapped_column(Text)

    partnership: Mapped[Partnership] = relationship(back_populates="status_history")

    _validate_dates = partial_dates("date")
