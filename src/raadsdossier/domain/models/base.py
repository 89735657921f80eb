"""The declarative base, the common `Item` table and the links every item has."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

from sqlalchemy import Column, DateTime, Enum, ForeignKey, Index, Integer, MetaData, String, Table, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates

from raadsdossier.domain.dates import check_partial_date
from raadsdossier.domain.enums import ActorRole, Confidentiality

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def enum_column(enum_cls, **kwargs) -> Enum:
    """Store an enum by its value (the glossary's English word), checked by a constraint."""
    return Enum(
        enum_cls,
        values_callable=lambda cls: [member.value for member in cls],
        native_enum=False,
        create_constraint=True,
        validate_strings=True,
        length=32,
        name=kwargs.pop("name", enum_cls.__name__.lower()),
        **kwargs,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: DateTime(timezone=True)}


item_sources = Table(
    "item_sources",
    Base.metadata,
    Column("item_id", ForeignKey("items.id", ondelete="CASCADE"), primary_key=True),
    Column("source_id", ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Item(Base):
    """Everything a dossier holds that can be cited, searched, dated and kept confidential.

    Joined-table inheritance: one `items` row per item, one row in the kind's own
    table. One id space lets any item link to any other (sources, evidence,
    timeline, search hits) with real foreign keys.
    """

    __tablename__ = "items"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    # A small integer key of our own, stable across VACUUM (SQLite's implicit rowid
    # is not): the full-text index is keyed by it. Assigned by core.search.
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    confidentiality: Mapped[Confidentiality] = mapped_column(
        enum_column(Confidentiality), default=Confidentiality.PUBLIC, index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    sources: Mapped[list["Source"]] = relationship(  # noqa: F821
        secondary=item_sources,
        primaryjoin="Item.id == item_sources.c.item_id",
        secondaryjoin="Source.id == item_sources.c.source_id",
    )
    actors: Mapped[list["ItemActor"]] = relationship(
        back_populates="item", cascade="all, delete-orphan", order_by="ItemActor.position",
        foreign_keys="ItemActor.item_id",
    )

    __mapper_args__ = {"polymorphic_on": "kind", "polymorphic_identity": "item"}
    __table_args__ = (
        # A section's list filters by kind: counting the items of a kind among full-text matches reads
        # this index alone (the join to the kind's table read 25,000 rows for a common word).
        Index("ix_items_kind_seq", "kind", "seq"),
        # The lists' confidentiality sort (core.items.page: kind, then confidentiality, then id).
        Index("ix_items_kind_confidentiality", "kind", "confidentiality", "id"),
    )

    # Subclasses name their kind in Dutch for messages and list their searchable text.

    def search_text(self) -> tuple[str, str]:
        """(title, body) indexed for full-text search; subclasses override."""
        return ("", "")

    def actors_with_role(self, role: ActorRole) -> list["ItemActor"]:
        return [actor for actor in self.actors if actor.role == role]

    def actor_names(self, role: ActorRole) -> list[str]:
        return [actor.display_name for actor in self.actors_with_role(role)]


class ItemActor(Base):
    """A person, a party or a plain name in a role towards an item (submitter, organiser, …)."""

    __tablename__ = "item_actors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[str] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    role: Mapped[ActorRole] = mapped_column(enum_column(ActorRole))
    position: Mapped[int] = mapped_column(default=0)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"), index=True)
    party_id: Mapped[str | None] = mapped_column(ForeignKey("parties.id", ondelete="SET NULL"), index=True)
    name: Mapped[str | None] = mapped_column(Text)

    item: Mapped[Item] = relationship(back_populates="actors", foreign_keys=[item_id])
    person: Mapped["Person | None"] = relationship(foreign_keys=[person_id])  # noqa: F821
    party: Mapped["Party | None"] = relationship(foreign_keys=[party_id])  # noqa: F821

    @property
    def display_name(self) -> str:
        if self.person is not None:
            return self.person.display_name
        if self.party is not None:
            return self.party.abbreviation or self.party.name
        return self.name or ""


def partial_dates(*names: str):
    """A validator for a model's partial-date columns ("2021", "2021-07", "2021-07-05")."""

    @validates(*names)
    def _validate(self, key, value):
        return check_partial_date(value)

    _validate.partial_dates = names  # storage/checks.py finds the columns by it
    return _validate
