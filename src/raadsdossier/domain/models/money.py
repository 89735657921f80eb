"""Costs of the partnership and the outcomes it is said to have yielded."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from raadsdossier.domain.enums import CostBasis, CostCategory
from raadsdossier.domain.models.base import Item, enum_column, partial_dates


class Cost(Item):
    __tablename__ = "costs"
    __mapper_args__ = {"polymorphic_identity": "cost"}

    id: Mapped[str] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True)
    # Whole cents, so sums are exact; a range ("5000 tot 12.000 euro per reis") has a maximum.
    amount_cents: Mapped[int]
    amount_max_cents: Mapped[int | None]
    basis: Mapped[CostBasis] = mapped_column(enum_column(CostBasis), default=CostBasis.TOTAL)
    category: Mapped[CostCategory] = mapped_column(enum_column(CostCategory), default=CostCategory.OTHER)
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    end_date: Mapped[str | None] = mapped_column(String(10))
    description: Mapped[str] = mapped_column(Text)

    _validate_dates = partial_dates("date", "end_date")

    @property
    def amount_eur(self) -> Decimal:
        return Decimal(self.amount_cents) / 100

    @property
    def amount_max_eur(self) -> Decimal | None:
        return None if self.amount_max_cents is None else Decimal(self.amount_max_cents) / 100

    @property
    def title(self) -> str:
        return self.description

    def search_text(self) -> tuple[str, str]:
        return (self.description, "")


class Outcome(Item):
    __tablename__ = "outcomes"
    __mapper_args__ = {"polymorphic_identity": "outcome"}

    id: Mapped[str] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True)
    claim: Mapped[str] = mapped_column(Text)
    # The claimed figure as the source states it ("€15 mln omzet").
    value: Mapped[str | None] = mapped_column(Text)
    claimed_by: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(10), index=True)

    _validate_dates = partial_dates("date")

    @property
    def title(self) -> str:
        return self.claim

    def search_text(self) -> tuple[str, str]:
        return (self.claim, " ".join(filter(None, [self.value, self.claimed_by])))
