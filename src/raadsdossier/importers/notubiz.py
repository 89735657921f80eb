"""Notubiz module items (JSON from `modules/<n>/items`) as an import format.

A file holds `{"items": [...]}` (with or without `pagination`); each item has an `id`, a
`module_id`, an `organisation_id` and `attributes`: `{"id", "label", "datatype", "values"}`.
Attributes are read by their numeric id, which Notubiz keeps the same for every council;
the labels differ per council ("Stemming", "Uitslag", "Status" for the same field 62), so
they are only used to name a field in `follow_up` and in error messages.

    module 6  Moties (and amendments)  → motions
    module 4  Schriftelijke vragen     → question sets (Notubiz gives no question texts:
                                          a set has zero questions)
    module 3  Toezeggingen             → commitments
    items of other modules are skipped and reported (skipped count and a warning); a file
    with only such items, an empty `items` list and the module list (`{"modules": [...]}`,
    which holds no items) are read as nothing to import, with a sentence saying so (the
    import exits 3, docs/imports.md). Nothing is left out without the user being told.

Attributes used (ids):
    1 Titel → title              15 Datum → date / submitted_on / promised_on
    36 Indiener(s) → people       37 Fractie(s) → parties      87 Medeondertekenaars → people
    62 outcome, else 71 status   → the motion's status (ingetrokken → withdrawn, aangehouden
                                   → held, verworpen / niet aangenomen → rejected, aangenomen
                                   → adopted) or the commitment's (afgedaan → fulfilled, …)
    61 vote line ("Stemmen voor: 23 CDA, AL, …") when its label or text speaks of votes
    45 Type "Amendement"         → the motion is an amendment
    23 Portefeuillehouder        → addressees of questions, promised_by of a commitment
    17 Afdoeningsdatum           → answered_on of questions; a commitment with one is fulfilled
    28 Termijn afdoening         → deadline of a commitment      24 Zaakcode → reference
    35 Toelichting               → description of a commitment
    datatype "document" (2 Hoofddocument, 21 Afdoeningsdocument, …) → one source each
    the item's own `attachments` ({"document": [...]}, the documents attached to it) → one source each
    54 Ingediend in              → a link to that Notubiz agenda item (a value with reference_model
                                   "agenda_item"; its label, which ends with the meeting in
                                   parentheses, stays in follow_up): the item is put on that agenda
                                   item when its meeting is in the dossier, from a `notubiz-meeting`
                                   import before or after this one; without it the link is skipped

Motions:
- Amendments are imported as motions (the model has no amendment kind), their title
  prefixed "Amendement: " so that they stand out and sort together.
- Submitters are the people of 36 followed by the parties of 37; co-submitters the people of 87.
- Every attribute without a field of its own (outcome, type, agenda item, portfolio holder,
  dates, remarks) is kept as a "Label: value" line in `follow_up`, in the order of the file;
  so the outcome is always there verbatim.
- A vote is added when the outcome is a result (aangenomen, verworpen, staken der stemmen)
  or there is a vote line: a party vote with that result as recorded and the vote line (HTML
  removed) verbatim as its note. The line is parsed into choices per party only when it
  fixes every party's seats: a side whose total is given with one party ("Stemmen tegen:
  3 - PA"), parties with their seats ("VVD (8)"), members counted one seat for their party
  ("A. Visser (VVA)"). Notubiz normally gives only a total per side ("23 CDA, AL, SGP, …"),
  and a party without seats would count for nothing, so the computed result would be wrong:
  then the vote has no choices and its recorded result stands.

Ids are uuid5 of a fixed namespace and "notubiz/<item id>" (sources, documents, people likewise,
and the meetings and agenda items of notubiz_meeting.py: item_id, document_id, meeting_id and
agenda_item_id below make them for both modules; parties by council and name, so the parties of a
vote line are the submitting parties when the names match). Importing a file again updates what
it made.

Files over 50 MB are refused; bad input raises InvalidInput naming the file and the item.
"""

from __future__ import annotations

import html
import json
import re
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from raadsdossier.domain.enums import (
    CommitmentStatus, Confidentiality, PersonRole, QuestionSetKind, SourceKind, VoteKind,
)
from raadsdossier.domain.errors import InvalidInput
from raadsdossier.importers import ImportFormat, register
from raadsdossier.importers._common import motion_status, vote_result
from raadsdossier.storage.files import json_problem, read_head, read_text
from raadsdossier.importers._vote_line import parse_vote_line
from raadsdossier.interchange import FORMAT
from raadsdossier.base.words import number_of
from raadsdossier.interchange.load import check_schema

NAME = "notubiz"
# Fixed for good: ids derived from it make a second import of the same items update the first.
NAMESPACE = uuid.UUID("3b8e6f1a-9c2d-5e47-8a10-4d6c2b9f7e35")
MAX_BYTES = 50 * 1024 * 1024

MOTIONS, QUESTIONS, COMMITMENTS = 6, 4, 3
MODULE_NAMES = {MOTIONS: "moties en amendementen", QUESTIONS: "schriftelijke vragen", COMMITMENTS: "toezeggingen"}

TITLE, MAIN_DOCUMENT, DATE, ANSWER_DATE, PORTFOLIO, CASE_CODE, DEADLINE = 1, 2, 15, 17, 23, 24, 28
EXPLANATION, SUBMITTERS, PARTIES, TYPE, REMARKS, OUTCOME, STATUS, CO_SIGNERS = 35, 36, 37, 45, 61, 62, 71, 87
SUBMITTED_IN = 54

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$")
_NO_DATE = re.compile(r"^0000-00-00")


def _make_id(*parts) -> str:
    return str(uuid.uuid5(NAMESPACE, "notubiz/" + "/".join(str(p) for p in parts)))


# The ids of what a Notubiz id stands for, in one place: module items and meetings (importers/
# notubiz_meeting.py) name each other, and a document read from either is one source.

def item_id(notubiz_id: int) -> str:
    """The motion, question set or commitment made of module item `notubiz_id`."""
    return _make_id(notubiz_id)


def document_id(notubiz_id: int) -> str:
    """The source made of Notubiz document `notubiz_id`, wherever it is attached."""
    return _make_id("document", notubiz_id)


def meeting_id(notubiz_id: int) -> str:
    """The meeting made of Notubiz meeting (event) `notubiz_id`."""
    return _make_id("meeting", notubiz_id)


def agenda_item_id(notubiz_id: int) -> str:
    """The agenda item made of Notubiz agenda item `notubiz_id`."""
    return _make_id("agenda_item", notubiz_id)


def html_to_text(value: str) -> str:
    """Supplier HTML ("<p>Stemmen voor: …</p>") as plain lines; the words are kept as written."""
    value = re.sub(r"<br\s*/?>|</p>|</div>|</li>", "\n", value, flags=re.I)
    value = html.unescape(re.sub(r"<[^>]+>", "", value)).replace("\u00a0", " ")
    return "\n".join(line.strip() for line in value.splitlines() if line.strip())


# -- statuses and votes ----------------------------------------------------------------------

def commitment_status(text: str) -> CommitmentStatus | None:
    lowered = text.lower()
    if "ingetrokken" in lowered or "vervallen" in lowered:
        return CommitmentStatus.WITHDRAWN
    if re.search(r"\bniet\s+(afgedaan|afgehandeld|voldaan)|\bopen\b|lopend|in behandeling", lowered):
        return CommitmentStatus.OPEN
    if re.search(r"afgedaan|afgehandeld|voldaan|gereed|nagekomen", lowered):
        return CommitmentStatus.FULFILLED
    return None


def _load(path: Path):
    text = read_text(path, MAX_BYTES, "Notubiz-JSON")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise json_problem(path, exc) from None


def _kind_of(value) -> str:
    return {dict: "een object", list: "een lijst", str: "tekst", bool: "true/false", int: "een getal",
            float: "een getal", type(None): "null"}.get(type(value), type(value).__name__)


def _number(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


@dataclass
class _Attribute:
    id: int
    label: str
    datatype: str
    values: list[dict]


class _Item:
    """One item's attributes by id, and the sentences that name the item and its attributes."""

    def __init__(self, reader: "_Reader", index: int, raw) -> None:
        self.reader = reader
        self.where = f"items[{index}]"
        if not isinstance(raw, dict):
            raise self.fail(f"verwacht een Notubiz-item (een object), gevonden {_kind_of(raw)}.")
        self.id = _number(raw.get("id"))
        if self.id is None:
            raise self.fail(f"'id' {json.dumps(raw.get('id'), ensure_ascii=False)} is geen itemnummer.")
        self.where = f"items[{index}] (item {self.id})"
        self.module = _number(raw.get("module_id"))
        if self.module is None:
            raise self.fail(f"'module_id' {json.dumps(raw.get('module_id'), ensure_ascii=False)} is geen modulenummer.")
        organisation = _number(raw.get("organisation_id"))
        self.organisation = str(organisation) if organisation is not None else "onbekend"
        attributes = raw.get("attributes")
        if not isinstance(attributes, list):
            raise self.fail(f"'attributes' is {_kind_of(attributes)}, geen lijst van attributen.")
        # The documents attached to the item ({"document": [...]}; PHP writes an empty one as []). Their place
        # in the item differs per capture: the key can come first, before "module_id".
        attached = raw.get("attachments")
        attached = attached.get("document") if isinstance(attached, dict) else attached
        attached = [attached] if isinstance(attached, dict) else attached if isinstance(attached, list) else []
        self.attachments = [document for document in attached if isinstance(document, dict)]
        self.attributes: dict[int, _Attribute] = {}
        for position, attribute in enumerate(attributes):
            where = f"attributes[{position}]"
            if not isinstance(attribute, dict):
                raise self.fail(f"{where}: verwacht een attribuut (een object), gevonden {_kind_of(attribute)}.")
            attribute_id = _number(attribute.get("id"))
            if attribute_id is None:
                raise self.fail(f"{where}.id: {json.dumps(attribute.get('id'), ensure_ascii=False)} is geen "
                                "attribuutnummer; Notubiz nummert attributen met gehele getallen.")
            values = attribute.get("values")
            if values is None:
                values = []
            if not isinstance(values, list) or not all(isinstance(v, dict) for v in values):
                raise self.fail(f"{where} ('{attribute.get('label')}'): 'values' is geen lijst van waarden.")
            known = self.attributes.get(attribute_id)
            if known is not None:  # the same field twice: its values together
                known.values.extend(values)
                continue
            self.attributes[attribute_id] = _Attribute(attribute_id, str(attribute.get("label") or attribute_id),
                                                       str(attribute.get("datatype") or ""), list(values))

    def fail(self, problem: str) -> InvalidInput:
        return InvalidInput(self.reader.path, f"{self.where}: {problem}")

    def label(self, attribute_id: int) -> str:
        attribute = self.attributes.get(attribute_id)
        return f"attribuut {attribute_id} ('{attribute.label}')" if attribute else f"attribuut {attribute_id}"

    def texts(self, attribute_id: int) -> list[str]:
        """The written values (text or numbers) of an attribute, HTML removed, empty ones left out."""
        attribute = self.attributes.get(attribute_id)
        out = []
        for value in attribute.values if attribute else []:
            content = value.get("content")
            if isinstance(content, str) and content.strip():
                out.append(html_to_text(content) if "<" in content else content.strip())
            elif isinstance(content, (int, float)) and not isinstance(content, bool) and not value.get("meta_data"):
                out.append(str(content))
        return [text for text in out if text]

    def text(self, attribute_id: int) -> str | None:
        texts = self.texts(attribute_id)
        return texts[0] if texts else None

    def references(self, attribute_id: int, model: str | None = None) -> list[tuple[str, str]]:
        """(Notubiz id, label) of the values that point at a `model` ("person", "party", "role"; None: any)."""
        attribute = self.attributes.get(attribute_id)
        out = []
        for value in attribute.values if attribute else []:
            meta = value.get("meta_data")
            if isinstance(meta, dict) and str(meta.get("label") or "").strip() and \
                    (model is None or meta.get("reference_model") == model):
                out.append((str(value.get("content")), str(meta["label"]).strip()))
        return out

    def labels(self, attribute_id: int) -> list[str]:
        return [label for _, label in self.references(attribute_id)]

    def date(self, attribute_id: int) -> str | None:
        written = self.text(attribute_id)
        if written is None or _NO_DATE.match(written):
            return None
        match = _DATE.match(written)
        try:
            if match:
                return date(int(match.group(1)), int(match.group(2)), int(match.group(3))).isoformat()
        except ValueError:
            pass
        raise self.fail(f"{self.label(attribute_id)}: '{written}' is geen datum zoals '2026-01-22 00:00:00'.")

    def documents(self) -> list[dict]:
        found = []
        for attribute in self.attributes.values():
            for value in attribute.values:
                document = value.get("document")
                if isinstance(document, dict):
                    found.append(document)
        return found

    def shown(self, attribute_id: int) -> str | None:
        """An attribute as one line of text for follow_up or a description."""
        attribute = self.attributes[attribute_id]
        if attribute.datatype == "datetime":
            return self.date(attribute_id)
        parts = self.texts(attribute_id) + self.labels(attribute_id)
        return ", ".join(parts) if parts else None


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.document: dict = {"format": FORMAT, "sources": [], "parties": [], "people": [], "motions": [],
                               "question_sets": [], "commitments": [], "links": []}
        self._sources: dict[str, dict] = {}
        self._parties: dict[str, dict] = {}
        self._people: dict[str, dict] = {}

    def fail(self, problem: str) -> InvalidInput:
        return InvalidInput(self.path, problem)

    def read(self) -> dict:
        data = _load(self.path)
        if isinstance(data, dict) and "items" not in data and isinstance(data.get("modules"), list):
            names = ", ".join(f"{m.get('custom_name') or m.get('name')} ({m.get('id')})"
                              for m in data["modules"] if isinstance(m, dict))
            count = len(data["modules"])  # recognised, but nothing to import: said, not refused (docs/imports.md)
            return {"format": FORMAT, "report": {
                "skipped": {f"{'module' if count == 1 else 'modules'} van Notubiz — de modulelijst bevat geen "
                            "items": count},
                "warnings": [f"dit is de modulelijst van Notubiz ({names or 'leeg'}); die bevat geen items. "
                             "Importeer de items van een module, zoals modules/6/items voor de moties."]}}
        if not isinstance(data, dict) or not isinstance(data.get("items"), list):
            found = _kind_of(data) if not isinstance(data, dict) else "een object zonder lijst 'items'"
            raise self.fail(f"verwacht een JSON-object met een lijst 'items' (Notubiz modules/<nummer>/items), "
                            f"gevonden {found}.")
        if not data["items"]:
            return {"format": FORMAT, "report": {"warnings": ["de lijst 'items' is leeg; er is niets om in te lezen."]}}
        seen: dict[int, int] = {}
        other_modules: dict[int, int] = {}  # module → items skipped
        for index, raw in enumerate(data["items"]):
            item = _Item(self, index, raw)
            if item.id in seen:
                raise item.fail(f"item {item.id} staat ook op plaats {seen[item.id]} in de lijst.")
            seen[item.id] = index
            if item.module == MOTIONS:
                self._motion(item)
            elif item.module == QUESTIONS:
                self._question_set(item)
            elif item.module == COMMITMENTS:
                self._commitment(item)
            else:
                other_modules[item.module] = other_modules.get(item.module, 0) + 1
        known = ", ".join(f"{name} (module {number})" for number, name in MODULE_NAMES.items())
        document = {k: v for k, v in self.document.items() if v or k == "format"}
        if other_modules:  # the rest is read (if any), and the user is told what was not
            document["report"] = {
                "skipped": {f"notubiz-items (module {m})": n for m, n in sorted(other_modules.items())},
                "warnings": [f"{number_of(n, 'item', 'items')} van module {m} overgeslagen; Raadsdossier leest "
                             f"alleen {known}."
                             for m, n in sorted(other_modules.items())],
            }
        check_schema(document, self.path)  # a parser bug must not reach the dossier
        return document

    # -- shared parts ----------------------------------------------------------------------

    def _item_sources(self, item: _Item, when: str | None) -> list[str]:
        source_id = _make_id("bron", "item", item.id)
        if source_id not in self._sources:
            source = {"id": source_id, "kind": SourceKind.OTHER.value,
                      "title": f"Notubiz-item {item.id} ({NAME}, bestand {self.path.name})", "publisher": "Notubiz"}
            if when:
                source["date"] = when
            self._add_source(source)
        ids = [source_id]
        for document in item.documents() + item.attachments:
            number = _number(document.get("id"))
            if number is None:
                raise item.fail(f"een document heeft als 'id' {json.dumps(document.get('id'))}, geen nummer.")
            versions = document.get("versions") if isinstance(document.get("versions"), list) else []
            file_name = next((v.get("file_name") for v in versions if isinstance(v, dict) and v.get("file_name")), None)
            source = {"id": document_id(number), "kind": SourceKind.OTHER.value,
                      "title": str(document.get("title") or file_name or f"Notubiz-document {number}"),
                      "publisher": "Notubiz"}
            if isinstance(document.get("url"), str) and document["url"].startswith("http"):
                source["url"] = document["url"]
            if _number(document.get("confidential")):
                source["confidentiality"] = Confidentiality.CONFIDENTIAL.value
            self._add_source(source)
            if source["id"] not in ids:
                ids.append(source["id"])
        return ids

    def _add_source(self, source: dict) -> None:
        if source["id"] not in self._sources:
            self._sources[source["id"]] = source
            self.document["sources"].append(source)

    def _link(self, entry: dict, source_id: str) -> None:
        if source_id not in entry["source_ids"]:
            entry["source_ids"].append(source_id)

    def party(self, item: _Item, name: str, source_id: str) -> str:
        party_id = _make_id(item.organisation, "partij", name.casefold())
        if party_id not in self._parties:
            self._parties[party_id] = {"id": party_id, "name": name, "source_ids": []}
            self.document["parties"].append(self._parties[party_id])
        self._link(self._parties[party_id], source_id)
        return party_id

    def person(self, item: _Item, notubiz_id: str, name: str, source_id: str) -> str:
        person_id = _make_id(item.organisation, "persoon", notubiz_id)
        if person_id not in self._people:
            self._people[person_id] = {"id": person_id, "name": name, "role": PersonRole.MEMBER.value,
                                       "source_ids": []}
            self.document["people"].append(self._people[person_id])
        self._link(self._people[person_id], source_id)
        return person_id

    def _people_of(self, item: _Item, attribute_id: int, source_id: str) -> list[dict]:
        return [{"person": self.person(item, notubiz_id, label, source_id)}
                for notubiz_id, label in item.references(attribute_id, "person")]

    def _parties_of(self, item: _Item, attribute_id: int, source_id: str) -> list[dict]:
        return [{"party": self.party(item, label, source_id)} for _, label in item.references(attribute_id, "party")]

    def _lines(self, item: _Item, skip: set[int]) -> list[str]:
        lines = []
        for attribute_id, attribute in item.attributes.items():
            if attribute_id in skip or attribute.datatype == "document":
                continue
            shown = item.shown(attribute_id)
            if shown:
                lines.append(f"{attribute.label}: {shown}")
        return lines

    def _submitted_in(self, item: _Item, made_id: str) -> None:
        """Attribute 54 ("Ingediend in") names the agenda item the item was submitted at, by its Notubiz id:
        a link to that agenda item, applied when its meeting is in the dossier (or comes later: the
        meeting's own import links its module items back)."""
        for value in item.attributes[SUBMITTED_IN].values if SUBMITTED_IN in item.attributes else []:
            meta = value.get("meta_data")
            target = _number(value.get("content"))
            if isinstance(meta, dict) and meta.get("reference_model") == "agenda_item" and target is not None:
                self.document["links"].append({"item": made_id, "agenda_item_id": agenda_item_id(target)})

    def _title(self, item: _Item) -> str:
        return item.text(TITLE) or f"Notubiz-item {item.id}"

    def _outcome(self, item: _Item) -> str | None:
        """The outcome field: 62, unless only 71 says something a status can be read from."""
        candidates = [t for t in (item.text(OUTCOME), item.text(STATUS)) if t]
        decisive = [t for t in candidates if motion_status(t) or vote_result(t)]
        return (decisive or candidates or [None])[0]

    # -- the three kinds -------------------------------------------------------------------

    def _motion(self, item: _Item) -> None:
        when = item.date(DATE)
        source_ids = self._item_sources(item, when)
        title = self._title(item)
        # The type field says it; without one, the document types do ("Amendement").
        kind = " ".join(item.texts(TYPE)) if TYPE in item.attributes else " ".join(
            str(t.get("value")) for d in item.documents() for t in d.get("types") or [] if isinstance(t, dict))
        if re.search(r"amendement", kind, re.I):
            title = f"Amendement: {title}"
        motion: dict = {"id": item_id(item.id), "title": title}
        if when:
            motion["date"] = when
        outcome = self._outcome(item)
        status = motion_status(outcome) if outcome else None
        if status is not None:
            motion["status"] = status.value
        motion["submitters"] = (self._people_of(item, SUBMITTERS, source_ids[0])
                                + self._parties_of(item, PARTIES, source_ids[0]))
        motion["co_submitters"] = self._people_of(item, CO_SIGNERS, source_ids[0])

        vote_line = item.text(REMARKS)
        # 61 is "Opmerkingen" in most councils: a vote line only when its label or its text says so.
        remarks_are_votes = bool(vote_line) and bool(re.search(r"stem", item.attributes[REMARKS].label, re.I)
                                                     or re.search(r"\bstemmen\s+(voor|tegen)\b", vote_line, re.I))
        skip = {TITLE, DATE, SUBMITTERS, PARTIES, CO_SIGNERS} | ({REMARKS} if remarks_are_votes else set())
        follow_up = self._lines(item, skip)
        if follow_up:
            motion["follow_up"] = "\n".join(follow_up)
        result = vote_result(outcome) if outcome else None
        if result is not None or remarks_are_votes:
            vote: dict = {"kind": VoteKind.PARTY.value, "result": result.value if result else None,
                          "note": vote_line if remarks_are_votes else outcome, "choices": []}
            if when:
                vote["date"] = when
            for name, choice, seats in (parse_vote_line(vote_line) or []) if remarks_are_votes else []:
                vote["choices"].append({"party": self.party(item, name, source_ids[0]), "choice": choice.value,
                                        "seats": seats})
            motion["votes"] = [vote]
        motion["source_ids"] = source_ids
        self.document["motions"].append(motion)
        self._submitted_in(item, motion["id"])

    def _question_set(self, item: _Item) -> None:
        submitted = item.date(DATE)
        source_ids = self._item_sources(item, submitted)
        question_set: dict = {"id": item_id(item.id)}
        if item.text(CASE_CODE):
            question_set["reference"] = item.text(CASE_CODE)
        question_set["title"] = self._title(item)
        question_set["kind"] = QuestionSetKind.COUNCIL_QUESTIONS.value
        if submitted:
            question_set["submitted_on"] = submitted
        answered = item.date(ANSWER_DATE)
        if answered:
            question_set["answered_on"] = answered
        question_set["submitters"] = (self._people_of(item, SUBMITTERS, source_ids[0])
                                      + self._parties_of(item, PARTIES, source_ids[0]))
        question_set["addressees"] = [{"name": label} for label in item.labels(PORTFOLIO)]
        question_set["questions"] = []  # Notubiz has the questions only inside the documents
        question_set["source_ids"] = source_ids
        self.document["question_sets"].append(question_set)
        self._submitted_in(item, question_set["id"])

    def _commitment(self, item: _Item) -> None:
        promised = item.date(DATE)
        source_ids = self._item_sources(item, promised)
        commitment: dict = {"id": item_id(item.id), "title": self._title(item)}
        explanation = item.text(EXPLANATION)
        lines = self._lines(item, {TITLE, DATE, DEADLINE, EXPLANATION, SUBMITTERS, PORTFOLIO})
        description = "\n\n".join(filter(None, [explanation, "\n".join(lines)]))
        if description:
            commitment["description"] = description
        if promised:
            commitment["promised_on"] = promised
        deadline = item.date(DEADLINE)
        if deadline:
            commitment["deadline"] = deadline
        written = self._outcome(item)
        status = commitment_status(written) if written else None
        if status is None:
            status = CommitmentStatus.FULFILLED if item.date(ANSWER_DATE) else CommitmentStatus.OPEN
        commitment["status"] = status.value
        commitment["promised_by"] = ([{"name": label} for label in item.labels(PORTFOLIO)]
                                     + self._people_of(item, SUBMITTERS, source_ids[0]))
        commitment["source_ids"] = source_ids
        self.document["commitments"].append(commitment)
        self._submitted_in(item, commitment["id"])


def read_notubiz(path: Path) -> dict:
    """Read a Notubiz module-items file into an interchange document.

    Motions (with amendments), question sets and commitments, with their people, parties and
    sources; checked against the interchange schema; ids derived from Notubiz' own ids.
    Raises InvalidInput naming the file and the item. Pure function: any thread may call it.
    """
    return _Reader(path).read()


def _detect(path: Path, head: bytes) -> bool:
    text = head.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
    if not text.startswith("{"):
        return False
    # An item's attachments can fill the first 4 KiB before its "module_id" (Ermelo's ingekomen stukken):
    # look further into a file that starts as a Notubiz items list, as notubiz-meeting does.
    if '"items"' in text and '"module_id"' not in text and ("api.notubiz.nl" in text or '"attachments"' in text):
        text = read_head(path, 1024 * 1024).decode("utf-8", errors="ignore")
    items = '"module_id"' in text and '"attributes"' in text
    module_list = '"modules"' in text and '"custom_name"' in text
    return items or module_list


FORMAT_SPEC = register(ImportFormat(
    name=NAME,
    description="Notubiz: moties en amendementen, schriftelijke vragen of toezeggingen (JSON van modules/…/items)",
    suffixes=(".json",),
    detect=_detect,
    read=read_notubiz,
    priority=20,
))
