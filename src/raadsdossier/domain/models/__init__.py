"""The dossier's model: every kind of item, importable from one place."""

from raadsdossier.domain.models.activity import Demonstration, Event, Note
from raadsdossier.domain.models.base import Base, Item, ItemActor, item_sources
from raadsdossier.domain.models.checklist import ChecklistAssessment, assessment_evidence
from raadsdossier.domain.models.commitment import Commitment
from raadsdossier.domain.models.documents import Attachment, CollegeNote, Source
from raadsdossier.domain.models.follow_up import FollowUp, FollowUpEntry, follow_up_evidence
from raadsdossier.domain.models.meeting import AgendaItem, Meeting
from raadsdossier.domain.models.meta import DossierMeta
from raadsdossier.domain.models.money import Cost, Outcome
from raadsdossier.domain.models.motion import Motion, Vote, VoteCast
from raadsdossier.domain.models.partnership import Partnership, StatusChange
from raadsdossier.domain.models.people import Party, Person
from raadsdossier.domain.models.questions import Question, QuestionSet
from raadsdossier.domain.models.unassigned import ItemAlias, ItemVersion, UnassignedVote

ITEM_CLASSES: dict[str, type[Item]] = {
    cls.__mapper__.polymorphic_identity: cls
    for cls in (Partnership, Party, Person, Meeting, Motion, Commitment, QuestionSet, CollegeNote,
                Demonstration, Event, Cost, Outcome, Source, Attachment, Note, ChecklistAssessment,
                UnassignedVote)
}

__all__ = [
    "AgendaItem", "Attachment", "Base", "ChecklistAssessment", "CollegeNote", "Commitment", "Cost",
    "Demonstration", "DossierMeta", "Event", "FollowUp", "FollowUpEntry", "follow_up_evidence", "ITEM_CLASSES", "Item", "ItemActor", "ItemAlias", "ItemVersion", "Meeting", "Motion",
    "Note", "Outcome", "Partnership", "Party", "Person", "Question", "QuestionSet", "Source",
    "StatusChange", "UnassignedVote", "Vote", "VoteCast", "assessment_evidence", "item_sources",
]
