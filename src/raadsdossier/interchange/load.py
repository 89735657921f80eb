"""Read an interchange document: check it completely, then add or update its items in one go.

Nothing is written unless the whole document is valid: `check_document` finds every
problem first (naming the element), `apply_document` then writes inside the
caller's transaction.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

import jsonschema
import jsonschema_rs
from sqlalchemy import select
from sqlalchemy.orm import Session

from raadsdossier.domain import kinds
from raadsdossier.domain.checklist import META_KEY, load_template
from raadsdossier.domain.dates import check_partial_date
from raadsdossier.domain.enums import Confidentiality
from raadsdossier.domain.errors import InvalidInput, NotFound
from raadsdossier.domain.models.base import new_id
from raadsdossier.domain.models import (
    AgendaItem, ChecklistAssessment, DossierMeta, Item, ItemActor,
    ItemVersion, Partnership, Question, Source, StatusChange, Vote, VoteCast,
)
from raadsdossier.interchange import bulk, merging
from raadsdossier.interchange.export import export_assessment, export_item
from raadsdossier.interchange import FORMAT
from raadsdossier.interchange.schema_text import document_path, schema_element, schema_problem, schema_reason
from raadsdossier.interchange.spec import AGENDA_ITEM, FOLLOW_UP_KEYS, KIND_BY_KEY, PARTNERSHIP, KindSpec, T, iter_items
from raadsdossier.base.paths import resource
from raadsdossier.base.sizes import MB
from raadsdossier.storage.files import json_problem, read_text

SCHEMA_FILE = ("schemas", "raadsdossier-1.schema.json")
# An interchange file is parsed whole, in about three times its size of memory. 512 MB holds the export of
# a dossier with the largest attachment one may add (200 MB, 267 MB as base64) and keeps an import's
# memory near 1.5 GB; `raadsdossier export-json` warns when it writes a file larger than this.
MAX_BYTES = 512 * MB


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(resource(*SCHEMA_FILE).read_text(encoding="utf-8"))


@dataclass
class ImportReport:
    """What applying documents did, per collection key ("motions", "checklist" for assessments): how many
    items were added, updated and skipped, which ones, and each updated item as it was before."""

    added: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)  # keys are collection keys or the format's own words
    # Items put on a meeting's agenda item by this import (the document's `links`, or a source of the
    # agenda item they cite), per collection key; an item added by the same import is counted as added only.
    linked: Counter = field(default_factory=Counter)
    # Items the document holds that were already there exactly as it gives them: not counted as updated.
    unchanged: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    added_ids: dict[str, list[str]] = field(default_factory=dict)
    updated_ids: dict[str, list[str]] = field(default_factory=dict)
    # (collection key, the item exported as it was) for each item updated, in the order applied; a checklist
    # assessment as its checklist entry with its "template".
    previous: list[tuple[str, dict]] = field(default_factory=list)

    def merge(self, other: "ImportReport") -> None:
        self.added.update(other.added)
        self.updated.update(other.updated)
        self.skipped.update(other.skipped)
        self.linked.update(other.linked)
        self.unchanged.update(other.unchanged)
        self.warnings.extend(other.warnings)
        for mine, theirs in ((self.added_ids, other.added_ids), (self.updated_ids, other.updated_ids)):
            for key, ids in theirs.items():
                mine.setdefault(key, []).extend(ids)
        self.previous.extend(other.previous)

    def _added(self, key: str, item_id: str) -> None:
        self.added[key] += 1
        self.added_ids.setdefault(key, []).append(item_id)

    def _updated(self, key: str, item_id: str, before: dict) -> None:
        self.updated[key] += 1
        self.updated_ids.setdefault(key, []).append(item_id)
        self.previous.append((key, before))

    def _unchanged(self, items: list[tuple[str, str]]) -> None:
        """Count these (key, id), first counted as updated, as unchanged: applying them changed nothing."""
        if not items:
            return
        same = set(items)
        for key, _item_id in items:
            self.updated[key] -= 1
            self.unchanged[key] += 1
        self.updated = +self.updated  # drop the zero counts
        for key in list(self.updated_ids):
            self.updated_ids[key] = [i for i in self.updated_ids[key] if (key, i) not in same]
            if not self.updated_ids[key]:
                del self.updated_ids[key]
        self.previous = [(key, before) for key, before in self.previous if (key, before.get("id")) not in same]

    def summary_nl(self) -> str:
        """"toegevoegd: 3 moties, 1 bron; bijgewerkt: niets" (skipped things as the format words them)."""
        order = {kind.key: index for index, kind in enumerate(kinds.KINDS)}

        def fmt(counter: Counter) -> str:  # kinds in the registry's order, then what the format skipped
            return ", ".join(kinds.by_key(key).count_text(n) if key in kinds.BY_KEY else f"{n} {key}"
                             for key, n in sorted(counter.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])))\
                or "niets"
        text = f"toegevoegd: {fmt(self.added)}; bijgewerkt: {fmt(self.updated)}"
        if self.unchanged:
            text += f"; al zo in het dossier: {fmt(self.unchanged)}"
        if self.linked:
            text += f"; aan een agendapunt gekoppeld: {fmt(self.linked)}"
        if self.skipped:
            text += f"; overgeslagen: {fmt(self.skipped)}"
        return text


def read_document(path: Path) -> dict:
    """Parse and schema-check an interchange file; InvalidInput names the file and the element."""
    text = read_text(path, MAX_BYTES, "interchange-JSON",
                     hint="; voeg grote bijlagen los aan het dossier toe in plaats van via dit bestand")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise json_problem(path, exc) from None
    except RecursionError:
        raise InvalidInput(path, "het bestand is te diep genest om veilig te lezen.") from None
    check_schema(document, path)
    return document


def _inline_refs(schema_doc: dict) -> dict:
    """The schema with each local "$ref" replaced by what it points to (refs that would recurse are kept,
    and so are the $defs they need). Same meaning, but the validator no longer resolves a reference for
    every item of every list: validating an import of 10,000 vote rows spent 1 s of its 3.5 s doing that."""
    defs = schema_doc.get("$defs", {})

    def walk(node, stack: tuple[str, ...]):
        if isinstance(node, list):
            return [walk(value, stack) for value in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/") and ref[8:] in defs and ref[8:] not in stack:
            target = walk(defs[ref[8:]], stack + (ref[8:],))
            rest = {key: walk(value, stack) for key, value in node.items() if key != "$ref"}
            return {**rest, "allOf": [*rest.get("allOf", []), target]} if rest else target
        return {key: walk(value, stack) for key, value in node.items()}

    return walk(schema_doc, ())


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(_inline_refs(schema()))


@lru_cache(maxsize=1)
def _quick_check():
    """jsonschema-rs's `is_valid` for the schema: a document it finds valid is valid for jsonschema too
    (tests/interchange/test_schema_check.py holds it to that), in a thirtieth of the time.

    jsonschema stays the judge of everything else: the Rust check follows the standard's regular
    expressions (``\\d`` is an ASCII digit) where Python's are looser, so a document it refuses may
    still pass jsonschema; and only jsonschema's errors say which element is wrong.
    """
    return jsonschema_rs.validator_for(schema()).is_valid


def check_schema(document, source) -> None:
    if not isinstance(document, dict):
        raise InvalidInput(source, "het bestand bevat geen JSON-object met een dossier.")
    version = document.get("format")
    if version != FORMAT:
        raise InvalidInput(
            source,
            f"onbekende formaatversie {json.dumps(version, ensure_ascii=False)}; "
            f"deze versie van Raadsdossier leest \"{FORMAT}\".",
        )
    if _quick_check()(document):
        return
    error = jsonschema.exceptions.best_match(_validator().iter_errors(document))
    if error is not None:
        raise InvalidInput(source, schema_problem(error), schema_element(error), schema_reason(error))


# -- semantic checks ---------------------------------------------------------

def _element(key: str, index: int | None, *rest) -> tuple:
    """Where in the document, as InvalidInput.element has it: ("motions", 0, "date"), ("partnership", "level")."""
    return (key, *([index] if index is not None else []), *rest)


def _where(key: str, index: int | None, *rest) -> str:
    return document_path(_element(key, index, *rest))


def _invalid(source, element: tuple, reason: str) -> InvalidInput:
    """InvalidInput about one element: "motions[0].date: {reason}."."""
    return InvalidInput(source, f"{document_path(element)}: {reason}.", element, reason)


def check_document(session: Session, document: dict, source) -> None:
    """Raise InvalidInput for the first problem that would stop the document from applying."""
    kinds_in_file: dict[str, str] = {}
    for key, index, spec, entry in iter_items(document):
        item_id = entry["id"]
        if item_id in kinds_in_file:
            raise InvalidInput(source, f"{_where(key, index, 'id')}: het id {item_id} komt twee keer voor.")
        kinds_in_file[item_id] = spec.kind
    checklist = document.get("checklist") or {}
    for index, entry in enumerate(checklist.get("items") or []):
        if entry.get("assessment_id"):
            kinds_in_file[entry["assessment_id"]] = "checklist_assessment"

    existing: dict[str, str] = {}
    ids = list(kinds_in_file)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        existing.update({row[0]: row[1] for row in session.execute(select(Item.id, Item.kind).where(Item.id.in_(chunk)))})
    for key, index, spec, entry in iter_items(document):
        have = existing.get(entry["id"])
        if have is not None and have != spec.kind:
            raise InvalidInput(source, f"{_where(key, index, 'id')}: het id {entry['id']} is in het dossier al een {have}, geen {spec.kind}.")

    def resolve(target: str, want: str | None, where: str | tuple) -> None:
        """`where` is the element's path, or the parts `_where` makes it from: only a failure needs
        the words, and making them for each of the ~28,000 references of a 10,000-row OData import cost 0.05-0.1 s."""
        kind = kinds_in_file.get(target) or existing.get(target)
        if kind is not None and (want is None or kind == want):
            return
        if kind is None:
            kind = session.scalar(select(Item.kind).where(Item.id == target))
            if kind is not None:
                existing[target] = kind
        if kind is None:
            reason = f"verwijst naar {target}, dat niet in het bestand of het dossier staat"
        elif want is not None and kind != want:
            reason = f"verwijst naar een {kind}, maar hier hoort een {want}"
        else:
            return
        if isinstance(where, str):
            raise InvalidInput(source, f"{where}: {reason}.")
        raise _invalid(source, _element(*where), reason)

    for key, names in (document.get("fill_only") or {}).items():
        spec = KIND_BY_KEY.get(key)
        known = {f.key for f in spec.fields} | {k for k, _role in spec.actors} | {"source_ids"} if spec else set()
        for name in names:
            if name not in known:
                raise InvalidInput(source, f"fill_only.{key}: '{name}' is geen veld van {key}.")
    agenda_ids = {a["id"] for m in document.get("meetings") or [] for a in m.get("agenda_items") or []}
    for key, index, spec, entry in iter_items(document):
        for f in spec.fields:
            value = entry.get(f.key)
            if value is None:
                continue
            parts = (key, index, f.key)
            if f.type == T.REF and f.ref_kind == AGENDA_ITEM:
                if value not in agenda_ids and session.get(AgendaItem, value) is None:
                    raise _invalid(source, _element(*parts),
                                   f"agendapunt {value} bestaat niet in het bestand of het dossier")
            elif f.type == T.REF:
                resolve(value, f.ref_kind, parts)
            elif f.type == T.PARTIAL_DATE:
                try:
                    check_partial_date(value)
                except ValueError as exc:
                    raise _invalid(source, _element(*parts), str(exc)) from None
            elif f.type == T.DATE:
                _parse_date(value, source, _element(*parts))
            elif f.type == T.MONEY:
                _cents(value, source, _element(*parts))
        for position, source_id in enumerate(entry.get("source_ids") or []):
            resolve(source_id, "source", (key, index, "source_ids", position))
        for actor_key, _role in spec.actors:
            for position, actor in enumerate(entry.get(actor_key) or []):
                for ref_key, want in (("person", "person"), ("party", "party")):
                    if actor.get(ref_key):
                        resolve(actor[ref_key], want, (key, index, actor_key, position, ref_key))
        for c_index, choice in enumerate(entry.get("choices") or [] if spec.key == "unassigned_votes" else []):
            for ref_key in ("party", "person"):
                if choice.get(ref_key):
                    resolve(choice[ref_key], ref_key, (key, index, "choices", c_index, ref_key))
        follow_up = entry.get("follow_up") if spec.key in FOLLOW_UP_KEYS else None
        if isinstance(follow_up, dict):
            if follow_up.get("deadline"):
                _parse_date(follow_up["deadline"], source, _element(key, index, "follow_up", "deadline"))
            for e_index, follow_entry in enumerate(follow_up.get("entries") or []):
                if follow_entry.get("date"):
                    try:
                        check_partial_date(follow_entry["date"])
                    except ValueError as exc:
                        raise _invalid(source, _element(key, index, "follow_up", "entries", e_index, "date"),
                                       str(exc)) from None
                for position, target in enumerate(follow_entry.get("evidence_ids") or []):
                    resolve(target, None, (key, index, "follow_up", "entries", e_index, "evidence_ids", position))
        for m_index, motion_id in enumerate(entry.get("candidate_motions") or []):
            resolve(motion_id, "motion", (key, index, "candidate_motions", m_index))
        for v_index, vote in enumerate(entry.get("votes") or []):
            for c_index, choice in enumerate(vote.get("choices") or []):
                for ref_key in ("party", "person"):
                    if choice.get(ref_key):
                        resolve(choice[ref_key], ref_key, (key, index, "votes", v_index, "choices", c_index, ref_key))
        if spec.key == "attachments":
            _attachment_bytes(entry, source, _where(key, index, "content_base64"))
        if spec.key == "question_sets":
            numbers = [q["number"] for q in entry.get("questions") or []]
            if len(numbers) != len(set(numbers)):
                raise InvalidInput(source, f"{_where(key, index, 'questions')}: een vraagnummer komt twee keer voor.")
    if checklist:
        try:
            template = load_template(checklist["template"])
        except NotFound as exc:
            raise InvalidInput(source, f"checklist.template: {exc}") from None
        for index, entry in enumerate(checklist.get("items") or []):
            if template.item(entry["id"]) is None:
                raise InvalidInput(source, f"checklist.items[{index}].id: '{entry['id']}' staat niet in de checklist {template.id}.")
            if entry.get("assessed_on"):
                _parse_date(entry["assessed_on"], source, ("checklist", "items", index, "assessed_on"))
            for position, target in enumerate(entry.get("evidence_ids") or []):
                resolve(target, None, f"checklist.items[{index}].evidence_ids[{position}]")
            for position, target in enumerate(entry.get("source_ids") or []):
                resolve(target, "source", f"checklist.items[{index}].source_ids[{position}]")


def _parse_date(value: str, source, element: tuple) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        shaped = re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)  # "2021-02-30" has the form, but is no day
        what = "bestaande datum" if shaped else "datum van de vorm JJJJ-MM-DD"
        raise _invalid(source, element, f"'{value}' is geen {what}") from None


def _cents(value, source, element: tuple) -> int:
    try:
        cents = Decimal(str(value)) * 100
    except InvalidOperation:
        raise _invalid(source, element, f"'{value}' is geen bedrag") from None
    if cents != cents.to_integral_value():
        raise _invalid(source, element, f"{value} heeft meer dan twee decimalen")
    return int(cents)


def _attachment_bytes(entry: dict, source, where: str) -> bytes:
    try:
        data = base64.b64decode(entry.get("content_base64") or "", validate=True)
    except (binascii.Error, ValueError):
        raise InvalidInput(source, f"{where}: de inhoud is geen geldige base64.") from None
    if entry.get("sha256") and hashlib.sha256(data).hexdigest() != entry["sha256"]:
        raise InvalidInput(source, f"{where}: de inhoud klopt niet met de sha256-controlesom; het bestand is beschadigd.")
    return data


def _timestamp(value: str | None) -> datetime | None:
    if not value:
        return None
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(timezone.utc).replace(tzinfo=None)
    return parsed


# -- applying ----------------------------------------------------------------

def apply_document(session: Session, document: dict, source, whole_items: bool = False) -> ImportReport:
    """Check `document`, then add its items or update those already present (matched by id).

    An import merges a meeting's agenda with the one the dossier has (`_merged_agenda`); with `whole_items`
    (the user saving an item from its form, undo) each entry is the item as it is to be, and an agenda item
    it does not list goes.

    Runs inside the caller's transaction; on InvalidInput nothing has been written.
    """
    document, aliases, doubles = merging.resolve_aliases(session, document, by_name=not whole_items)
    check_document(session, document, source)
    # Items refer to each other in every direction (a motion to its meeting's agenda
    # item, a commitment to the note that fulfilled it); every reference was checked
    # above, and SQLite checks them all again when the transaction commits.
    session.connection().exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    with session.no_autoflush:
        report = _apply(session, document, source, whole_items)
    merging.record_aliases(session, aliases)
    for first, second in doubles:
        items = [session.get(Item, i) for i in (first, second)]
        report.warnings.append(
            f"{source}: '{items[0].title}' en '{items[1].title}' zijn volgens dit bestand één {kinds.kind(items[0].kind).singular}, "
            "maar het dossier had ze al als twee (uit bestanden die elkaar niet noemden); houd er één over.")
    return report


def _preload(session: Session, document: dict) -> dict[str, Item]:
    """The items of the document that the dossier already has, loaded in a few queries
    instead of one query per item (new items are then known to be new without asking)."""
    ids = [entry["id"] for _k, _i, _s, entry in iter_items(document)]
    found: dict[str, Item] = {}
    for start in range(0, len(ids), 500):
        for item in session.scalars(select(Item).where(Item.id.in_(ids[start:start + 500]))):
            found[item.id] = item
    return found


def _apply(session: Session, document: dict, source, whole_items: bool = False) -> ImportReport:
    existing = _preload(session, document)
    fill_only = document.get("fill_only") or {}
    report = ImportReport()
    told = document.get("report") or {}  # what the format itself skipped or wants to say
    report.skipped.update(told.get("skipped") or {})
    report.warnings.extend(f"{source}: {warning}" for warning in told.get("warnings") or [])
    current = session.scalars(select(Partnership)).first()
    placed: list[tuple[KindSpec, dict, Item, dict | None]] = []
    fresh: list[Item] = []  # new items that bulk.insert_new writes without the unit of work
    for key, index, spec, entry in iter_items(document):
        if spec is PARTNERSHIP and current is not None and current.id != entry["id"]:
            report.warnings.append(
                f"de stedenband in {source} ({entry.get('dutch_side')} – {entry.get('partner_name')}) "
                "is een andere dan die van dit dossier; die is niet overgenomen."
            )
            continue
        item = existing.get(entry["id"])
        before = None
        if item is not None:
            if spec.key in fill_only:
                entry = merging.only_what_is_missing(item, spec, entry, fill_only[spec.key])
            if not whole_items and (shrunk := merging.shrinks(item, spec, entry, source)):
                report.warnings.append(shrunk)
                report.skipped[spec.key] += 1
                continue
            before = export_item(item, spec)
            report._updated(spec.key, item.id, before)
        else:
            report._added(spec.key, entry["id"])
            item = spec.model(id=entry["id"])
            if bulk.can_insert(spec.model):
                fresh.append(item)  # its collections are set empty there
            else:
                for relationship in bulk.collections(spec.model):  # known empty: no lazy load later
                    setattr(item, relationship, [])
                session.add(item)
        _set_scalars(item, spec, entry, source)
        placed.append((spec, entry, item, before))
    bulk.insert_new(session, fresh)
    session.flush()
    written = {id(item) for item in fresh}
    source_links: list[dict] = []  # of the items written in bulk, inserted the same way
    for spec, entry, item, _before in placed:
        _set_links(session, item, spec, entry, source, source_links if id(item) in written else None, whole_items)
    bulk.insert_source_links(session, source_links)
    session.flush()
    if not whole_items:  # the user saving an item says where it stands, also when that is nowhere
        merging.link_to_agenda(session, document, placed, report)
    unchanged = []
    for spec, entry, item, before in placed:  # keep what an update changed, as the item's history
        if before is not None:
            if _content(export_item(item, spec)) != _content(before):
                session.add(ItemVersion(item_id=item.id, origin=str(source), data=before))
            else:
                unchanged.append((spec.key, item.id))
    report._unchanged(unchanged)
    _apply_checklist(session, document.get("checklist"), report, source)
    session.flush()
    return report


def _content(exported: dict) -> dict:
    return {k: v for k, v in exported.items() if k not in ("created_at", "updated_at")}


def _set_scalars(item: Item, spec: KindSpec, entry: dict, source) -> None:
    if "confidentiality" in entry:
        item.confidentiality = Confidentiality(entry["confidentiality"])
    for f in spec.scalars:
        if f.key not in entry:
            continue
        value = entry[f.key]
        if value is not None:
            if f.type == T.ENUM:
                value = f.enum(value)
            elif f.type == T.DATE:
                value = date.fromisoformat(value)
            elif f.type == T.MONEY:
                value = _cents(value, source, (f.key,))
            elif f.type == T.TEXT_LIST:
                value = list(value)
        elif f.type == T.TEXT_LIST:
            value = []
        elif f.type == T.BOOL:
            value = False
        setattr(item, f.attr, value)
    if spec.key == "unassigned_votes":
        if "choices" in entry:
            item.choices = [dict(c) for c in entry["choices"] or []]
        if "candidate_motions" in entry:
            item.candidate_motions = list(entry["candidate_motions"] or [])
    if spec.key == "attachments" and "content_base64" in entry:
        item.set_content(_attachment_bytes(entry, source, "content_base64"))
    for stamp in ("created_at", "updated_at"):
        if entry.get(stamp):
            setattr(item, stamp, _timestamp(entry[stamp]))


def _set_links(session: Session, item: Item, spec: KindSpec, entry: dict, source,
               source_links: list[dict] | None = None, whole_items: bool = False) -> None:
    """Set the item's references and child rows from `entry`. With `source_links`, the item was just
    written by bulk.insert_new and has no sources yet: its links are added to that list as rows."""
    for f in spec.refs:
        if f.key in entry:
            setattr(item, f.attr, entry[f.key])
    if "source_ids" in entry:
        sources = [session.get(Source, source_id) for source_id in entry["source_ids"]]
        if source_links is None:
            item.sources = sources
        else:
            bulk.link_sources(item, sources, source_links)
    if any(key in entry for key, _ in spec.actors):
        keep = [a for a in item.actors if all(role != a.role for key, role in spec.actors if key in entry)]
        new = []
        for key, role in spec.actors:
            for position, actor in enumerate(entry.get(key) or []):
                new.append(ItemActor(role=role, position=position, person_id=actor.get("person"),
                                     party_id=actor.get("party"), name=actor.get("name")))
        item.actors = keep + new
    if "status_history" in entry:
        item.status_history = [
            StatusChange(position=i, date=c.get("date"), period=c.get("period"), status=c["status"], note=c.get("note"))
            for i, c in enumerate(entry["status_history"])
        ]
    if "agenda_items" in entry:
        item.agenda_items = merging.merged_agenda(session, item.agenda_items, entry["agenda_items"], keep_others=not whole_items)
    if "votes" in entry:
        item.votes = [_vote(i, v) for i, v in enumerate(entry["votes"])]
    if "follow_up" in entry and spec.key in FOLLOW_UP_KEYS:
        merging.set_follow_up(session, item, entry["follow_up"])
    if "questions" in entry:
        item.questions.clear()
        session.flush()  # numbers are unique per set: the old rows must go before the new ones land
        item.questions = [
            Question(number=q["number"], text=q["question"], answer=q.get("answer"), answered_with=q.get("answered_with"))
            for q in entry["questions"]
        ]


def _vote(position: int, data: dict) -> Vote:
    vote = Vote(position=position, date=data.get("date"), kind=data.get("kind") or "party",
                recorded_result=data.get("result"), note=data.get("note"))
    vote.choices = [
        VoteCast(position=i, party_id=c.get("party"), person_id=c.get("person"), choice=c["choice"], seats=c.get("seats"))
        for i, c in enumerate(data.get("choices") or [])
    ]
    return vote


def _apply_checklist(session: Session, checklist: dict | None, report: ImportReport, source) -> None:
    if not checklist:
        return
    meta = session.get(DossierMeta, META_KEY)
    if meta is None:
        session.add(DossierMeta(key=META_KEY, value=checklist["template"]))
    for entry in checklist.get("items") or []:
        assessed_on = date.fromisoformat(entry["assessed_on"]) if entry.get("assessed_on") else None
        if entry.get("assessment_id"):
            assessment = session.get(ChecklistAssessment, entry["assessment_id"])
        else:  # no id: the same item assessed on the same day is the same assessment
            assessment = session.scalars(select(ChecklistAssessment).where(
                ChecklistAssessment.template == checklist["template"],
                ChecklistAssessment.checklist_item_id == entry["id"],
                ChecklistAssessment.assessed_on == assessed_on,
            )).first()
        if assessment is not None:
            report._updated("checklist", assessment.id, export_assessment(assessment, with_template=True))
        else:
            assessment = ChecklistAssessment(id=entry.get("assessment_id") or new_id())
            session.add(assessment)
            report._added("checklist", assessment.id)
        assessment.template = checklist["template"]
        assessment.checklist_item_id = entry["id"]
        assessment.status = entry.get("status") or "not_started"
        assessment.note = entry.get("note")
        assessment.assessed_on = assessed_on
        if "confidentiality" in entry:
            assessment.confidentiality = Confidentiality(entry["confidentiality"])
        session.flush()
        assessment.evidence = [session.get(Item, i) for i in entry.get("evidence_ids") or []]
        assessment.sources = [session.get(Source, i) for i in entry.get("source_ids") or []]
