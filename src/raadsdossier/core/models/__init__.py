"""The dossier's model: every kind of item, importable from one place."""

from raadsdossier.core.models.activity import Demonstration, Event, Note
from raadsdossier.core.models.base import Base, Item, ItemActor, item_sources
from raadsdossier.core.models.checklist import ChecklistAssessment, assessment_evidence
from raadsdossier.core.models.commitment import Commitment
from raadsdossier.core.models.documents import Attachment, CollegeNote, Source
from raadsdossier.core.models.meeting import AgendaItem, Meeting
from raadsdossier.core.models.meta import DossierMeta
from raadsdossier.core.models.money import Cost, Outcome
from raadsdossier.core.models.motion import Motion, Vote, VoteCast
from raadsdossier.core.models.partnership import Partnership, StatusChange
from raadsdossier.core.models.people import Party, Person
from raadsdossier.core.models.questions import Question, QuestionSet
from raadsdossier.core.models.unassigned import ItemVersion, UnassignedVote

ITEM_CLASSES: dict[str, type[Item]] = {
    cls.__mapper__.polymorphic_identity: cls
    for cls in (Partnership, Party, Person, Meeting, Motion, Commitment, QuestionSet, CollegeNote,
                Demonstration, Event, Cost, Outcome, Source, Attachment, Note, ChecklistAssessment,
                UnassignedVote)
}

__all__ = [
    "AgendaItem", "Attachment", "Base", "ChecklistAssessment", "CollegeNote", "Commitment", "Cost",
    "Demonstration", "DossierMeta", "Event", "ITEM_CLASSES", "Item", "ItemActor", "ItemVersion", "Meeting", "Motion",
    "Note", "Outcome", "Partnership", "Party", "Person", "Question", "QuestionSet", "Source",
    "StatusChange", "UnassignedVote", "Vote", "VoteCast", "assessment_evidence", "item_sources",
]
