"""Closed vocabularies of the model; the values are the English names of the glossary."""

from __future__ import annotations

from enum import StrEnum

from raadsdossier.domain.errors import InvalidInput


class Confidentiality(StrEnum):
    PUBLIC = "public"
    INTERNAL = "internal"
    CONFIDENTIAL = "confidential"

    @property
    def rank(self) -> int:
        """0 for public, 1 internal, 2 confidential: a higher rank is seen by fewer people."""
        return _CONF_RANK[self]

    @classmethod
    def ordered(cls) -> tuple["Confidentiality", ...]:
        """Every level, lowest rank first."""
        return tuple(sorted(cls, key=lambda level: level.rank))


_CONF_RANK = {Confidentiality.PUBLIC: 0, Confidentiality.INTERNAL: 1, Confidentiality.CONFIDENTIAL: 2}


def confidentiality_levels(names) -> list[Confidentiality]:
    """The levels `names` stand for ("internal", Confidentiality.CONFIDENTIAL, …), in the order given;
    InvalidInput naming every one that is none."""
    levels, bad = [], []
    for name in names:
        try:
            levels.append(Confidentiality(name))
        except ValueError:
            bad.append(str(name))
    if bad:
        raise InvalidInput(None, f"onbekend vertrouwelijkheidsniveau: {', '.join(bad)} "
                                 f"(kies uit {', '.join(level.value for level in Confidentiality.ordered())}).")
    return levels


class Level(StrEnum):
    MUNICIPALITY = "municipality"
    PROVINCE = "province"


class PartnershipStatus(StrEnum):
    ACTIVE = "active"
    DORMANT = "dormant"
    SUSPENDED = "suspended"
    ENDED = "ended"
    UNKNOWN = "unknown"


class PersonRole(StrEnum):
    MEMBER = "member"
    ALDERMAN = "alderman"
    MAYOR = "mayor"
    CLERK = "clerk"
    ACTIVIST = "activist"
    EXPERT = "expert"
    OFFICIAL = "official"
    OTHER = "other"


class Body(StrEnum):
    COUNCIL = "council"
    COMMITTEE = "committee"


class AgendaItemKind(StrEnum):
    FORMALITY = "formality"
    DEBATE = "debate"
    HEADING = "heading"  # a line that groups the items under it ("Ter kennisname"); nothing is decided on it


class MotionStatus(StrEnum):
    SUBMITTED = "submitted"
    HELD = "held"
    WITHDRAWN = "withdrawn"
    ADOPTED = "adopted"
    REJECTED = "rejected"


class VoteKind(StrEnum):
    PARTY = "party"
    ROLL_CALL = "roll_call"


class VoteChoice(StrEnum):
    FOR = "for"
    AGAINST = "against"
    NOT_VOTING = "not_voting"


class VoteResult(StrEnum):
    ADOPTED = "adopted"
    REJECTED = "rejected"
    # Equal votes for and against: the motion is not adopted (Gemeentewet art. 32
    # has it put to the vote again), so a tie is kept apart from a plain rejection.
    TIED = "tied"


class CommitmentStatus(StrEnum):
    OPEN = "open"
    FULFILLED = "fulfilled"
    WITHDRAWN = "withdrawn"


class FollowUpState(StrEnum):
    """How far the college got with what an adopted motion or a commitment asked."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_DONE = "not_done"
    UNKNOWN = "unknown"


class QuestionSetKind(StrEnum):
    COUNCIL_QUESTIONS = "council_questions"
    PARLIAMENTARY_QUESTIONS = "parliamentary_questions"


class CollegeNoteKind(StrEnum):
    NOTE = "note"
    INFORMATION_LETTER = "information_letter"
    LETTER = "letter"
    DECISION = "decision"


class CollegeNoteStatus(StrEnum):
    PLANNED = "planned"
    PUBLISHED = "published"


class EventKind(StrEnum):
    TRADE_MISSION = "trade_mission"
    DELEGATION_VISIT = "delegation_visit"
    GIFT = "gift"
    SIGNING = "signing"
    CANCELLATION = "cancellation"
    STATEMENT = "statement"
    DECISION = "decision"
    OTHER = "other"


class CostCategory(StrEnum):
    TRAVEL = "travel"
    GIFT = "gift"
    STAFF = "staff"
    EVENT = "event"
    OTHER = "other"


class CostBasis(StrEnum):
    TOTAL = "total"
    PER_YEAR = "per_year"
    PER_TRIP = "per_trip"


class SourceKind(StrEnum):
    ARTICLE = "article"
    LETTER = "letter"
    REPORT = "report"
    WEB_PAGE = "web_page"
    PARLIAMENTARY_DOCUMENT = "parliamentary_document"
    OTHER = "other"


class NoteKind(StrEnum):
    SPEAKING_NOTES = "speaking_notes"
    GENERAL = "general"


class ChecklistStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_APPLICABLE = "not_applicable"


class ActorRole(StrEnum):
    """What an actor (person, party or a plain name) is to an item."""

    SUBMITTER = "submitter"
    CO_SUBMITTER = "co_submitter"
    ADDRESSEE = "addressee"
    ORGANISER = "organiser"
    PROMISED_BY = "promised_by"
