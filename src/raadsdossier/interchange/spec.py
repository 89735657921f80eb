"""Which JSON key maps to which model attribute, per kind: one table that export and import share."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from raadsdossier.domain import enums
from raadsdossier.domain.enums import ActorRole
from raadsdossier.domain.models import (
    Attachment, CollegeNote, Commitment, Cost, Demonstration, Event, Item, Meeting, Motion, Note,
    Outcome, Partnership, Party, Person, QuestionSet, Source, UnassignedVote,
)


class T(StrEnum):
    """How a value is written in JSON."""

    TEXT = "text"
    INT = "int"
    BOOL = "bool"
    PARTIAL_DATE = "partial_date"  # "2021", "2021-07" or "2021-07-05"
    DATE = "date"  # "2021-07-05"
    ENUM = "enum"
    MONEY = "money"  # euros as a JSON number; whole cents in the model
    TEXT_LIST = "text_list"
    REF = "ref"  # the id of another item


@dataclass(frozen=True)
class Field:
    key: str
    attr: str
    type: T = T.TEXT
    enum: type | None = None
    ref_kind: str | None = None  # the item kind a REF must point at; None: any kind
    required: bool = False


@dataclass(frozen=True)
class KindSpec:
    key: str  # top-level list in the JSON, e.g. "motions"
    model: type[Item]
    fields: tuple[Field, ...]
    actors: tuple[tuple[str, ActorRole], ...] = field(default=())

    @property
    def kind(self) -> str:
        return self.model.__mapper__.polymorphic_identity

    @property
    def refs(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.type == T.REF)

    @property
    def scalars(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.type != T.REF)


# The kinds whose items carry a follow-up (`follow_up`: {state, deadline, entries}; interchange/load.py).
FOLLOW_UP_KEYS = ("motions", "commitments")

# Agenda items belong to their meeting and are not items themselves; a REF to one is checked apart.
AGENDA_ITEM = "agenda_item"


def _f(key, type_=T.TEXT, attr=None, **kw) -> Field:
    return Field(key, attr or key, type_, **kw)


def _e(key, enum, attr=None, **kw) -> Field:
    return Field(key, attr or key, T.ENUM, enum=enum, **kw)


def _r(key, ref_kind=None, attr=None) -> Field:
    return Field(key, attr or key, T.REF, ref_kind=ref_kind)


PARTNERSHIP = KindSpec("partnership", Partnership, (
    _f("dutch_side", required=True), _e("level", enums.Level, required=True),
    _f("partner_name", required=True), _f("partner_native_name"), _f("partner_country"),
    _f("partner_region"), _f("since"), _e("status", enums.PartnershipStatus),
    _f("focus_themes", T.TEXT_LIST), _f("description"),
))

# Listed in an order in which every reference points backwards, except the
# few (fulfilled_by, evidence) that the loader resolves after all items exist.
KINDS: tuple[KindSpec, ...] = (
    KindSpec("attachments", Attachment, (
        _f("file_name", required=True), _f("media_type"), _f("extracted_text"),
    )),
    KindSpec("sources", Source, (
        _e("kind", enums.SourceKind, attr="source_kind"), _f("title", required=True), _f("publisher"),
        _f("date", T.PARTIAL_DATE), _f("url"), _f("document_number"), _r("attachment_id", "attachment"),
        _r("agenda_item_id", AGENDA_ITEM),
    )),
    KindSpec("parties", Party, (
        _f("name", required=True), _f("abbreviation"), _f("seats", T.INT),
        _f("valid_from", T.PARTIAL_DATE), _f("valid_until", T.PARTIAL_DATE),
    )),
    KindSpec("people", Person, (
        _f("name", required=True), _e("role", enums.PersonRole), _r("party_id", "party"),
        _f("sensitive", T.BOOL), _f("description"),
    )),
    KindSpec("meetings", Meeting, (
        _f("reference"), _f("date", T.PARTIAL_DATE), _e("body", enums.Body), _f("title", required=True),
    )),
    KindSpec("motions", Motion, (
        _f("reference"), _f("title", required=True), _f("date", T.PARTIAL_DATE),
        _r("meeting_id", "meeting"), _r("agenda_item_id", AGENDA_ITEM), _f("considerations"), _f("operative_text"),
        _e("status", enums.MotionStatus), _f("pre_advice"),
    ), actors=(("submitters", ActorRole.SUBMITTER), ("co_submitters", ActorRole.CO_SUBMITTER))),
    KindSpec("commitments", Commitment, (
        _f("title", required=True), _f("description"), _f("promised_on", T.PARTIAL_DATE),
        _r("meeting_id", "meeting"), _r("agenda_item_id", AGENDA_ITEM), _f("deadline", T.DATE),
        _e("status", enums.CommitmentStatus),
        _r("fulfilled_by_id"),
    ), actors=(("promised_by", ActorRole.PROMISED_BY),)),
    KindSpec("question_sets", QuestionSet, (
        _f("reference"), _f("title", required=True), _e("kind", enums.QuestionSetKind, attr="set_kind"),
        _f("submitted_on", T.DATE), _f("answered_on", T.DATE), _f("postponement_notice_on", T.DATE),
        _f("postponement_note"), _f("answer_deadline_days", T.INT), _r("meeting_id", "meeting"),
        _r("agenda_item_id", AGENDA_ITEM),
    ), actors=(("submitters", ActorRole.SUBMITTER), ("addressees", ActorRole.ADDRESSEE))),
    KindSpec("college_notes", CollegeNote, (
        _e("kind", enums.CollegeNoteKind, attr="note_kind"), _e("status", enums.CollegeNoteStatus),
        _f("date", T.PARTIAL_DATE), _f("title", required=True), _f("summary"), _f("stated_position"),
        _r("attachment_id", "attachment"), _r("meeting_id", "meeting"), _r("agenda_item_id", AGENDA_ITEM),
    )),
    KindSpec("demonstrations", Demonstration, (
        _f("title", required=True), _f("date", T.PARTIAL_DATE), _f("place"), _f("estimated_size", T.INT),
        _f("demands"), _f("description"), _r("motion_id", "motion"), _r("meeting_id", "meeting"),
    ), actors=(("organisers", ActorRole.ORGANISER),)),
    KindSpec("events", Event, (
        _e("kind", enums.EventKind, attr="event_kind"), _f("date", T.PARTIAL_DATE),
        _f("end_date", T.PARTIAL_DATE), _f("period"), _f("title", required=True), _f("description"),
    )),
    KindSpec("costs", Cost, (
        _f("amount_eur", T.MONEY, attr="amount_cents", required=True),
        _f("amount_max_eur", T.MONEY, attr="amount_max_cents"), _e("basis", enums.CostBasis),
        _e("category", enums.CostCategory), _f("date", T.PARTIAL_DATE), _f("end_date", T.PARTIAL_DATE),
        _f("description", required=True),
    )),
    KindSpec("outcomes", Outcome, (
        _f("claim", required=True), _f("value"), _f("claimed_by"), _f("date", T.PARTIAL_DATE),
    )),
    KindSpec("unassigned_votes", UnassignedVote, (
        _f("agenda_item"), _f("decision"), _f("date", T.PARTIAL_DATE),
        _e("kind", enums.VoteKind, attr="vote_kind"), _e("result", enums.VoteResult, attr="recorded_result"),
        _f("note"), _r("assigned_to", "motion", attr="assigned_to_id"),
    )),
    KindSpec("notes", Note, (
        _e("kind", enums.NoteKind, attr="note_kind"), _f("title", required=True), _f("body"),
        _r("meeting_id", "meeting"), _r("agenda_item_id", AGENDA_ITEM),
    )),
)

KIND_BY_KEY = {spec.key: spec for spec in KINDS}
KIND_BY_NAME = {spec.kind: spec for spec in (PARTNERSHIP, *KINDS)}
COMMON_KEYS = ("id", "confidentiality", "source_ids", "created_at", "updated_at")


def iter_items(document: dict):
    """(key, index, spec, entry) for every item in the document, partnership first."""
    if document.get("partnership"):
        yield "partnership", None, PARTNERSHIP, document["partnership"]
    for spec in KINDS:
        for index, entry in enumerate(document.get(spec.key) or []):
            yield spec.key, index, spec, entry
