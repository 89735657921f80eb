"""Tweede Kamer OData records: the importer's constants and ids, reading the file's records one at a time,
recognising entity types, a decision's rows as kept until the file is read, the report's words for what
was skipped, and the compact view of a document that the schema check reads."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from functools import lru_cache
from json.decoder import scanstring
from pathlib import Path

from raadsdossier.domain.errors import InvalidInput
from raadsdossier.importers._tk_entities import entity_by_fields
from raadsdossier.storage.files import json_problem, read_text

NAME = "tk-odata"
# Fixed for good: ids derived from it make a second import of the same records update the first.
NAMESPACE = uuid.UUID("9d4a7c2e-51b8-5f3a-8e6d-0b2f4c7a1e93")
MAX_BYTES = 100 * 1024 * 1024
SEATS = 150  # the Tweede Kamer; a party vote covers all of them
PUBLISHER = "Tweede Kamer der Staten-Generaal"
ODATA_BASE = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0"
KOOP_ADDRESS = "https://zoek.officielebekendmakingen.nl/{}.html"

MOTION, QUESTIONS = "Motie", "Schriftelijke vragen"
CHOICES = {"voor": "for", "tegen": "against", "niet deelgenomen": "not_voting"}
NOTE_SEVERAL = "Het bestand koppelt deze stemming niet aan één motie"

# Keys of the report's skipped counts (shown as "overgeslagen: 162 Zaken van een andere soort, …"), each
# with its singular ("1 onvolledig besluit"): `counted_skip` words a count. Deleted placeholders and the
# entities not imported are counted per entity (_tk_entities.counted, counted_deleted).
SKIP_OTHER_ZAAK = "Zaken van een andere soort"
SKIP_UNKNOWN = "records van een onbekende soort"
SKIP_INCOMPLETE = "onvolledige besluiten"
SKIP_NO_MOTION = "besluiten niet over een motie"
SKIP_NO_VOTES = "Besluiten zonder stemmingen"
_SINGULAR = {SKIP_OTHER_ZAAK: "Zaak van een andere soort", SKIP_UNKNOWN: "record van een onbekende soort",
             SKIP_INCOMPLETE: "onvolledig besluit", SKIP_NO_MOTION: "besluit niet over een motie",
             SKIP_NO_VOTES: "Besluit zonder stemmingen"}
# Why a Besluit without its Stemming is skipped, in the report's words.
NO_VOTES_REASON = "een besluit wordt alleen met zijn stemmingen geïmporteerd (vraag het op met $expand=Stemming)"


def counted_skip(key: str, count: int) -> str:
    """The report's key for `count` of SKIP_*: the singular for one ("1 onvolledig besluit")."""
    word = _SINGULAR.get(key, key) if count == 1 else key
    return f"{word} — {NO_VOTES_REASON}" if key == SKIP_NO_VOTES else word

_DATETIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
_CONTEXT_TYPE = re.compile(r"#(?:[\w.]+\.)?(\w+)")
_KOOP_NUMBER = re.compile(r"^(kst|kv|ah|h|stb|stcrt|trb|blg)-[\w-]+$")
_WHITESPACE = re.compile(r"\s*")
_DECODER = json.JSONDecoder()


@lru_cache(maxsize=8192)  # a page names the same Fractie, Zaak and Besluit ids many times over
def make_id(*parts) -> str:
    return str(uuid.uuid5(NAMESPACE, "tk/" + "/".join(str(p) for p in parts)))


def _kind_of(value) -> str:
    return {dict: "een object", list: "een lijst", str: "tekst", bool: "true/false", int: "een getal",
            float: "een getal", type(None): "null"}.get(type(value), type(value).__name__)


def _text(value) -> str | None:
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _stream(path: Path) -> Iterator[_Record | _Page]:
    """The file's records one at a time, each in a `_Page`: the page is given before its records and again,
    counted, after them.

    The file holds one JSON value or several one after another (pages put together with `cat`): a server
    response `{"@odata.context", "value": [...], "@odata.nextLink"}`, a bare `value` array, a list of
    responses, or one entity object. The records of a response or an array are parsed one at a time, so
    that a 60 MB page is never all Python objects at once: the reader keeps of a record what it needs. A
    place in the second and later values is named "deel 2, value[5]".
    """
    cursor = _Cursor(read_text(path, MAX_BYTES, "OData-JSON", " (vraag kleinere pagina's op)"))
    if cursor.at_end():
        raise InvalidInput(path, "het bestand is leeg; verwacht OData-JSON van de Tweede Kamer.")
    try:
        number = 0
        while not cursor.at_end():
            number += 1
            yield from _value(path, cursor, f"deel {number}, " if number > 1 else "")
    except json.JSONDecodeError as exc:
        raise json_problem(path, exc) from None


class _Page:
    """A server response (or a bare array, or one record) in the file: its context, and how many records
    it held once they are read."""

    __slots__ = ("context", "where", "records", "done")

    def __init__(self, context, where: str) -> None:
        self.context, self.where, self.records, self.done = context, where, 0, False


def _value(path: Path, cursor: _Cursor, prefix: str) -> Iterator[_Record | _Page]:
    """The records of the top-level value at the cursor."""
    def fail(where: str, problem: str) -> InvalidInput:
        return InvalidInput(path, f"{where}: {problem}")

    if cursor.sees("["):
        page = _Page(None, prefix.rstrip(", ") or "het bestand")
        yield page
        for index in cursor.elements():
            element = cursor.value()
            if isinstance(element, dict) and isinstance(element.get("value"), list):  # a list of responses
                inner = _Page(element.get("@odata.context"), f"{prefix}[{index}].value")
                yield inner
                hint = _type_in_context(inner.context)
                for number, record in enumerate(element["value"]):
                    if not isinstance(record, dict):
                        raise fail(f"{prefix}[{index}].value[{number}]",
                                   f"is {_kind_of(record)}, geen OData-record (een object).")
                    inner.records += 1
                    yield _Record(f"{prefix}[{index}].value[{number}]", record, hint)
                inner.done = True
                yield inner
                continue
            if not isinstance(element, dict):
                raise fail(f"{prefix}[{index}]", f"is {_kind_of(element)}, geen OData-record (een object).")
            page.records += 1
            yield _Record(f"{prefix}[{index}]", element, None)
        page.done = True
        yield page
        return
    if not cursor.sees("{"):
        raise fail(prefix.rstrip(", ") or "het bestand",
                   f"bevat {_kind_of(cursor.value())}, geen OData-JSON (een object of een lijst van objecten).")
    members: dict = {}
    page = None
    for key in cursor.members():
        if key != "value" or not cursor.sees("["):
            members[key] = cursor.value()
            continue
        page = _Page(members.get("@odata.context"), f"{prefix}value")
        yield page
        hint = _type_in_context(page.context)
        for index in cursor.elements():
            element = cursor.value()
            if not isinstance(element, dict):
                raise fail(f"{prefix}value[{index}]", f"is {_kind_of(element)}, geen OData-record (een object).")
            page.records += 1
            yield _Record(f"{prefix}value[{index}]", element, hint)
        page.done = True
        yield page
    if page is None:
        if "value" in members:
            raise fail(f"{prefix}value", f"is {_kind_of(members['value'])}, geen lijst van OData-records.")
        context = members.get("@odata.context")
        page = _Page(context, f"{prefix}het record" if prefix else "het record")
        yield page
        page.records += 1
        yield _Record(page.where, members, _type_in_context(context))
        page.done = True
        yield page


class _Cursor:
    """A place in the file's JSON text, read a value, an array element or an object member at a time
    (json's own decoder parses each value; this only walks the brackets around them)."""

    def __init__(self, text: str) -> None:
        self.text, self.at = text, 0
        self.skip()

    def skip(self) -> None:
        self.at = _WHITESPACE.match(self.text, self.at).end()

    def at_end(self) -> bool:
        return self.at >= len(self.text)

    def sees(self, char: str) -> bool:
        return self.text.startswith(char, self.at)

    def value(self):
        value, self.at = _DECODER.raw_decode(self.text, self.at)
        self.skip()
        return value

    def expect(self, char: str, message: str) -> None:
        if not self.sees(char):
            raise json.JSONDecodeError(message, self.text, self.at)
        self.at += 1
        self.skip()

    def elements(self) -> Iterator[int]:
        """The index of each element of the array at the cursor, with the cursor on it; the caller reads the
        element (`value`) before it asks for the next one."""
        self.expect("[", "Expecting '['")
        if self.sees("]"):
            self.expect("]", "Expecting ']'")
            return
        index = 0
        while True:
            yield index
            if self.sees("]"):
                self.expect("]", "Expecting ']'")
                return
            self.expect(",", "Expecting ',' delimiter")
            index += 1

    def members(self) -> Iterator[str]:
        """Each key of the object at the cursor, with the cursor on its value; the caller reads the value
        (`value`, or the elements of an array) before it asks for the next key."""
        self.expect("{", "Expecting '{'")
        if self.sees("}"):
            self.expect("}", "Expecting '}'")
            return
        while True:
            if not self.sees('"'):
                raise json.JSONDecodeError("Expecting property name enclosed in double quotes", self.text, self.at)
            key, self.at = scanstring(self.text, self.at + 1)
            self.skip()
            self.expect(":", "Expecting ':' delimiter")
            yield key
            if self.sees("}"):
                self.expect("}", "Expecting '}'")
                return
            self.expect(",", "Expecting ',' delimiter")


def _type_in_context(context) -> str | None:
    """ "…/$metadata#Stemming(Besluit(…))" → "Stemming"; "#Zaak/$entity" → "Zaak"."""
    match = _CONTEXT_TYPE.search(context) if isinstance(context, str) else None
    return match.group(1) if match else None


def _type_by_fields(record: dict) -> str | None:
    """The Gegevensmagazijn entity whose fields `record` carries (_tk_entities.py); None when they fit none."""
    return entity_by_fields(record)


# The fields of a Stemming row that its vote reads; the rest of the row (and its Besluit, Fractie and Persoon
# expansions, kept once per decision or Id) is dropped as soon as the row is read.
_ROW_FIELDS = ("Id", "Besluit_Id", "Soort", "FractieGrootte", "ActorNaam", "ActorFractie", "Vergissing", "Persoon_Id",
               "Fractie_Id")


class _Decision:
    """One Besluit: its Stemming rows read so far (wherever in the file they stand) and its expansion."""

    __slots__ = ("id", "rows", "besluit")

    def __init__(self, besluit_id: str) -> None:
        self.id, self.rows, self.besluit = besluit_id, [], None

    def order(self) -> tuple:
        """A place among the file's decisions that the order of the rows does not change: the date as
        written, the agenda item's and the decision's place, the Besluit Id."""
        besluit = self.besluit or {}
        agendapunt = besluit.get("Agendapunt") if isinstance(besluit.get("Agendapunt"), dict) else {}
        activiteit = agendapunt.get("Activiteit") if isinstance(agendapunt.get("Activiteit"), dict) else {}
        when = next((value for value in (activiteit.get("Datum"), activiteit.get("Aanvangstijd"),
                                          agendapunt.get("Aanvangstijd")) if isinstance(value, str)), "")
        places = [value if isinstance(value, int) and not isinstance(value, bool) else 0
                  for value in (agendapunt.get("Volgorde"), besluit.get("AgendapuntZaakBesluitVolgorde"))]
        return (when[:10], *places, self.id)


class _Record:
    """One entity from the file, with the words that name it in a message."""

    __slots__ = ("where", "data", "type")

    def __init__(self, where: str, data: dict, type_: str | None) -> None:
        self.where, self.data, self.type = where, data, type_


def _for_schema(document: dict) -> dict:
    """The document with each distinct vote choice once: the same schema check, far faster.

    A page repeats the same {party, choice, seats} in hundreds of votes, and validating those
    dominated the check. The schema puts no rule on a `choices` list as a whole (no uniqueItems,
    no length), so checking every distinct choice once, in a list of the same kind, is the same
    check; every other value is checked where it stands.
    """
    def distinct(lists) -> list[dict]:
        seen: dict[str, dict] = {}
        for choices in lists:
            for choice in choices:
                seen.setdefault(json.dumps(choice, sort_keys=True), choice)
        return list(seen.values())

    view = dict(document)
    votes = [v for v in view.get("unassigned_votes", [])]
    if votes:
        everything = distinct(v.get("choices") or [] for v in votes)
        view["unassigned_votes"] = [{**v, "choices": everything if i == 0 else []} for i, v in enumerate(votes)]
    motions = view.get("motions", [])
    if any(m.get("votes") for m in motions):
        everything = distinct(v.get("choices") or [] for m in motions for v in m.get("votes") or [])
        first = next(i for i, m in enumerate(motions) if m.get("votes"))
        view["motions"] = [
            {**m, "votes": [{**v, "choices": everything if (i, j) == (first, 0) else []}
                            for j, v in enumerate(m["votes"])]} if m.get("votes") else m
            for i, m in enumerate(motions)]
    return view
