"""Motions and the votes on them; a vote's result is computed from its choices."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from raadsdossier.domain import votes
from raadsdossier.domain.enums import ActorRole, MotionStatus, VoteChoice, VoteKind, VoteResult
from raadsdossier.domain.models.base import Base, Item, enum_column, new_id, partial_dates
from raadsdossier.domain.models.follow_up import FollowUp
from raadsdossier.domain.votes import Tally


# The status a vote's result gives a motion; a tie gives none (the council votes again).
STATUS_OF_RESULT = {VoteResult.ADOPTED: MotionStatus.ADOPTED, VoteResult.REJECTED: MotionStatus.REJECTED}


class Motion(Item):
    __tablename__ = "motions"
    __mapper_args__ = {"polymorphic_identity": "motion"}
    # One index per sortable column and direction of the Moties list, in exactly the list's ORDER BY
    # (nulls last, then the column, then the id as tie-break; see core.items.page), so a page of 48
    # reads 48 index entries instead of sorting every motion. A NOT NULL column needs one index, read
    # backwards for descending; a nullable one needs two, as nulls stay last both ways. (migration 0003)
    __table_args__ = (
        Index("ix_motions_sort_reference", text("(reference IS NULL)"), "reference", "id"),
        Index("ix_motions_sort_reference_desc", text("(reference IS NULL)"), text("reference DESC"), text("id DESC")),
        Index("ix_motions_sort_date", text("(date IS NULL)"), "date", "id"),
        Index("ix_motions_sort_date_desc", text("(date IS NULL)"), text("date DESC"), text("id DESC")),
        Index("ix_motions_sort_title", "title", "id"),
        Index("ix_motions_sort_status", "status", "id"),
    )

    id: Mapped[str] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True)
    reference: Mapped[str | None] = mapped_column(Text, index=True)
    title: Mapped[str] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"), index=True)
    agenda_item_id: Mapped[str | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), index=True
    )
    # "Constaterende dat …", "overwegende dat …" and the dictum, paragraphs kept apart.
    considerations: Mapped[str | None] = mapped_column(Text)
    operative_text: Mapped[str | None] = mapped_column(Text)
    status: Mapped[MotionStatus] = mapped_column(enum_column(MotionStatus), default=MotionStatus.SUBMITTED)
    pre_advice: Mapped[str | None] = mapped_column(Text)
    # What became of it once adopted (migration 0008 made the free text of before its first entry).
    follow_up: Mapped[FollowUp | None] = relationship(
        primaryjoin="Motion.id == foreign(FollowUp.item_id)", cascade="all, delete-orphan", uselist=False)

    meeting: Mapped["Meeting | None"] = relationship(foreign_keys=[meeting_id])  # noqa: F821
    agenda_item: Mapped["AgendaItem | None"] = relationship(foreign_keys=[agenda_item_id])  # noqa: F821
    votes: Mapped[list["Vote"]] = relationship(
        back_populates="motion", cascade="all, delete-orphan", order_by="Vote.position"
    )

    _validate_dates = partial_dates("date")

    @property
    def submitter_names(self) -> list[str]:
        return self.actor_names(ActorRole.SUBMITTER)

    @property
    def co_submitter_names(self) -> list[str]:
        return self.actor_names(ActorRole.CO_SUBMITTER)

    @property
    def final_result(self) -> VoteResult | None:
        """The result of the last vote: computed where choices are known, else as recorded."""
        return self.votes[-1].result if self.votes else None

    def add_vote(self, vote: "Vote") -> None:
        """Add `vote` as the motion's last vote; the status follows its result (adopted, rejected) unless the
        user set the status by hand: a status other than "submitted" that the votes before did not give
        (held, withdrawn, or a result typed in against them) stays. A tie changes no status."""
        said = STATUS_OF_RESULT.get(self.final_result)
        follows_votes = self.status in (None, MotionStatus.SUBMITTED, said)
        self.votes.append(vote)
        now = STATUS_OF_RESULT.get(self.final_result)
        if follows_votes and now is not None:
            self.status = now

    def search_text(self) -> tuple[str, str]:
        title = f"{self.reference} {self.title}" if self.reference else self.title
        body = " ".join(filter(None, [
            " ".join(self.submitter_names + self.co_submitter_names),
            self.considerations, self.operative_text, self.pre_advice, self.follow_up.text() if self.follow_up else None,
            " ".join(v.note for v in self.votes if v.note),
        ]))
        return (title, body)


class Vote(Base):
    """One vote on a motion: per party (with seats) or per member (roll call)."""

    __tablename__ = "votes"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    motion_id: Mapped[str] = mapped_column(ForeignKey("motions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    date: Mapped[str | None] = mapped_column(String(10))
    kind: Mapped[VoteKind] = mapped_column(enum_column(VoteKind), default=VoteKind.PARTY)
    # The official result as recorded by the council, if the source gives one.
    recorded_result: Mapped[VoteResult | None] = mapped_column(enum_column(VoteResult, name="recorded_result"))
    note: Mapped[str | None] = mapped_column(Text)

    motion: Mapped[Motion] = relationship(back_populates="votes")
    choices: Mapped[list["VoteCast"]] = relationship(
        back_populates="vote", cascade="all, delete-orphan", order_by="VoteCast.position"
    )

    _validate_dates = partial_dates("date")

    @property
    def tally(self) -> Tally | None:
        """Votes for, against and not cast (domain/votes.py); None when they cannot be counted."""
        return votes.tally((cast.choice, cast.seats, cast.person_id is not None) for cast in self.choices)

    @property
    def computed_result(self) -> VoteResult | None:
        tally = self.tally
        return tally.result if tally else None

    @property
    def result(self) -> VoteResult | None:
        """The computed result where the choices are known, else the recorded one."""
        return self.computed_result or self.recorded_result

    @property
    def disagrees(self) -> bool:
        """True when the recorded result contradicts the one computed from the choices."""
        return votes.disagrees(self.tally, self.recorded_result)


class VoteCast(Base):
    """How one party (with its seats) or one member voted."""

    __tablename__ = "vote_casts"
    __table_args__ = (
        CheckConstraint("(party_id IS NULL) <> (person_id IS NULL)", name="party_or_person"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    vote_id: Mapped[str] = mapped_column(ForeignKey("votes.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    party_id: Mapped[str | None] = mapped_column(ForeignKey("parties.id", ondelete="RESTRICT"), index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"), index=True)
    choice: Mapped[VoteChoice] = mapped_column(enum_column(VoteChoice))
    seats: Mapped[int | None]

    vote: Mapped[Vote] = relationship(back_populates="choices")
    party: Mapped["Party | None"] = relationship(foreign_keys=[party_id])  # noqa: F821
    person: Mapped["Person | None"] = relationship(foreign_keys=[person_id])  # noqa: F821

    @property
    def weight(self) -> int:
        """Seats for a party vote; one for a member's own vote."""
        return votes.weight(self.seats, self.person_id is not None)
