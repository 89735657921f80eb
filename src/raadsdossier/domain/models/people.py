"""Parties (fracties) and people: members, aldermen, activists, experts."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from raadsdossier.domain.enums import PersonRole
from raadsdossier.domain.models.base import Item, enum_column, partial_dates


class Party(Item):
    __tablename__ = "parties"
    __mapper_args__ = {"polymorphic_identity": "party"}

    id: Mapped[str] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    abbreviation: Mapped[str | None] = mapped_column(Text)
    seats: Mapped[int | None]
    valid_from: Mapped[str | None] = mapped_column(String(10))
    valid_until: Mapped[str | None] = mapped_column(String(10))

    _validate_dates = partial_dates("valid_from", "valid_until")

    @property
    def title(self) -> str:
        return self.name

    def search_text(self) -> tuple[str, str]:
        return (self.name, self.abbreviation or "")


class Person(Item):
    __tablename__ = "people"
    __mapper_args__ = {"polymorphic_identity": "person"}

    id: Mapped[str] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    role: Mapped[PersonRole] = mapped_column(enum_column(PersonRole), default=PersonRole.OTHER)
    party_id: Mapped[str | None] = mapped_column(ForeignKey("parties.id", ondelete="SET NULL"), index=True)
    # People at risk (human-rights defenders, their families) are never named in a
    # pack unless the user asks for it explicitly.
    sensitive: Mapped[bool] = mapped_column(default=False)
    description: Mapped[str | None] = mapped_column(Text)

    party: Mapped[Party | None] = relationship(foreign_keys=[party_id])

    @property
    def title(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        if self.party is not None:
            return f"{self.name} ({self.party.abbreviation or self.party.name})"
        return self.name

    def search_text(self) -> tuple[str, str]:
        return (self.name, self.description or "")
