"""Written questions (schriftelijke vragen, Kamervragen) and their numbered answers."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from raadsdossier.domain.enums import ActorRole, QuestionSetKind
from raadsdossier.domain.models.base import Base, Item, enum_column, new_id


class QuestionSet(Item):
    __tablename__ = "question_sets"
    __mapper_args__ = {"polymorphic_identity": "question_set"}

    id: Mapped[str] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True)
    reference: Mapped[str | None] = mapped_column(Text, index=True)
    title: Mapped[str] = mapped_column(Text)
    set_kind: Mapped[QuestionSetKind] = mapped_column(
        enum_column(QuestionSetKind), default=QuestionSetKind.COUNCIL_QUESTIONS
    )
    submitted_on: Mapped[date | None]
    answered_on: Mapped[date | None]
    postponement_notice_on: Mapped[date | None]
    postponement_note: Mapped[str | None] = mapped_column(Text)
    # The rule of procedure's term for answering, in days (e.g. 30 for art. 41 RvO).
    answer_deadline_days: Mapped[int | None]
    # The meeting and agenda item they are on (mondelinge vragen, or written ones a debate takes up), if any.
    meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"), index=True)
    agenda_item_id: Mapped[str | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), index=True
    )

    meeting: Mapped["Meeting | None"] = relationship(foreign_keys=[meeting_id])  # noqa: F821
    agenda_item: Mapped["AgendaItem | None"] = relationship(foreign_keys=[agenda_item_id])  # noqa: F821

    questions: Mapped[list["Question"]] = relationship(
        back_populates="question_set", cascade="all, delete-orphan", order_by="Question.number"
    )

    @property
    def submitters(self) -> list[str]:
        return self.actor_names(ActorRole.SUBMITTER)

    @property
    def addressees(self) -> list[str]:
        return self.actor_names(ActorRole.ADDRESSEE)

    @property
    def days_to_answer(self) -> int | None:
        if self.submitted_on and self.answered_on:
            return (self.answered_on - self.submitted_on).days
        return None

    @property
    def deadline(self) -> date | None:
        if self.submitted_on and self.answer_deadline_days is not None:
            return self.submitted_on + timedelta(days=self.answer_deadline_days)
        return None

    def is_overdue(self, today: date) -> bool:
        """Unanswered past the deadline rule (a postponement notice does not stop the clock)."""
        deadline = self.deadline
        if deadline is None:
            return False
        if self.answered_on is not None:
            return False
        return today > deadline

    @property
    def answered_late(self) -> bool:
        deadline = self.deadline
        return bool(deadline and self.answered_on and self.answered_on > deadline)

    def search_text(self) -> tuple[str, str]:
        title = f"{self.reference} {self.title}" if self.reference else self.title
        parts = [" ".join(self.submitters + self.addressees), self.postponement_note]
        for question in self.questions:
            parts += [question.text, question.answer]
        return (title, " ".join(filter(None, parts)))


class Question(Base):
    """A numbered question; its answer, or a pointer to the question whose answer covers it."""

    __tablename__ = "questions"
    __table_args__ = (UniqueConstraint("question_set_id", "number"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    question_set_id: Mapped[str] = mapped_column(ForeignKey("question_sets.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    answer: Mapped[str | None] = mapped_column(Text)
    # "Antwoord 2 en 3": question 3 is answered together with question 2.
    answered_with: Mapped[int | None]

    question_set: Mapped[QuestionSet] = relationship(back_populates="questions")

    def effective_answer(self) -> str | None:
        if self.answer:
            return self.answer
        if self.answered_with is not None:
            for other in self.question_set.questions:
                if other.number == self.answered_with:
                    return other.answer
        return None
