"""Notubiz meetings (JSON from `events/meetings/<id>`) with their agendas as an import format.

A file holds one meeting: the API's answer `{"meeting": {...}}`, or the meeting object itself as
scrapers store it (Open Raadsinformatie's dumps). Each file becomes ONE meeting with ALL its agenda
items, and its documents as sources:

    id                           reference "notubiz-<id>"; the ids of the meeting, its agenda items
                                 and documents derive from Notubiz' own ids (notubiz.meeting_id,
                                 agenda_item_id, document_id), so a later capture updates them
    attributes                   title: "Titel" when attributes is an object keyed by label (as
                                 Open Raadsinformatie stores it), attribute id 1 when it is the
                                 API's list of {id, value}; else "Notubiz-vergadering <id>" with
                                 its gremium. HTML in it is reduced to text.
    plannings[0].start_date      date: its date part ("2018-02-08 13:30:00" → 2018-02-08); no
                                 plannings, no date
    title names a commissie      body "committee", else "council" (Notubiz' own top-level "body"
                                 says "council" for every event, committees too: not read)
    url, else self               the source the meeting rests on (the meeting page)
    documents                    sources (kind "other", title, date from publication_date, url);
                                 the meeting's source_ids
    canceled                     a warning; the meeting is imported as it stands

Agenda items (`agenda_items`, children nested in an item's own `agenda_items` or pointing at their
`parent`) come in source order: siblings by Notubiz' `order` field, those without one after those
with one, in file order; children follow their parent, depth-first. An item that appears twice (a
dump that lists children both nested and at the top) is read once.

    type_data.title_prefix       number: trimmed, a trailing dot dropped ("3." → "3", "TKN 1" stays);
                                 numbers may repeat within a meeting
    type_data.attributes id 1    title (HTML reduced to text)
    type_data.heading, or        kind "heading"; every other item "debate" (Notubiz does not mark
    type "label"                 formalities)
    id                           origin "notubiz:<id>"
    documents                    sources as above, with "agenda_item_id": the agenda item
    module_items                 links: the motion, question set or commitment notubiz.py makes of
                                 that module item is put on this agenda item when it is in the
                                 dossier (the module items' own import links back through their
                                 attribute 54)

Skipped, and said so in the report: documents without an address (url), an agenda item or
document without a Notubiz id. Not read: locations, descriptions, announcement texts, start
offsets, the documents of the module items (the module items' import reads those).

Files over 50 MB are refused; bad input raises InvalidInput naming the file and the element.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from raadsdossier.domain.enums import AgendaItemKind, Body, Confidentiality, SourceKind
from raadsdossier.domain.errors import InvalidInput
from raadsdossier.importers import ImportFormat, register
from raadsdossier.importers._common import with_present
from raadsdossier.importers.notubiz import (
    _kind_of, _load, _make_id, _number, agenda_item_id, document_id, html_to_text, item_id, meeting_id,
)
from raadsdossier.interchange import FORMAT
from raadsdossier.interchange.load import check_schema
from raadsdossier.storage.files import read_head

NAME = "notubiz-meeting"
TITLE = 1  # the title attribute, of a meeting and of an agenda item

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$")
_COMMITTEE = re.compile(r"commissie", re.I)
_MODULE_ITEM_SELF = re.compile(r"/items/(\d+)/?$")  # "api.notubiz.nl/modules/6/items/1124979"


def _text(value) -> str:
    if not isinstance(value, str):
        return ""
    return (html_to_text(value) if "<" in value else value).strip()


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.sources: dict[str, dict] = {}
        self.links: list[dict] = []
        self.skipped: dict[str, int] = {}
        self.warnings: list[str] = []

    def fail(self, where: str, problem: str) -> InvalidInput:
        return InvalidInput(self.path, f"{where}: {problem}" if where else problem)

    def skip(self, what: str, warning: str) -> None:
        self.skipped[what] = self.skipped.get(what, 0) + 1
        self.warnings.append(warning)

    # -- the meeting -----------------------------------------------------------------------

    def read(self) -> dict:
        data = _load(self.path)
        meeting, where = self._meeting_object(data)
        number = _number(meeting.get("id"))
        if number is None:
            raise self.fail(f"{where}id", f"{json.dumps(meeting.get('id'), ensure_ascii=False)} is geen "
                                          "vergadernummer; Notubiz nummert vergaderingen met gehele getallen.")
        self.meeting_id = meeting_id(number)
        title = self._meeting_title(meeting, number, where)
        when = self._start_date(meeting, where)

        page = self._meeting_source(meeting, number, title, when)
        source_ids = [page["id"]]
        for index, raw in enumerate(self._list(meeting, "documents", where)):
            source = self._document(raw, f"{where}documents[{index}]", None)
            if source is not None and source["id"] not in source_ids:
                source_ids.append(source["id"])

        agenda = []
        for raw, at in self._agenda_in_order(meeting, where):
            agenda.append(self._agenda_item(raw, at))
        for index, raw in enumerate(self._list(meeting, "module_items", where)):
            self._link_module_item(raw, f"{where}module_items[{index}]", None)
        if meeting.get("canceled") is True:
            self.warnings.append(f"Notubiz meldt dat vergadering {number} ('{title}') is afgelast; "
                                 "ze is ingelezen zoals ze er staat.")

        entry = with_present({"id": self.meeting_id, "reference": f"notubiz-{number}"}, date=when)
        entry["body"] = (Body.COMMITTEE if _COMMITTEE.search(title) else Body.COUNCIL).value
        entry["title"] = title
        if "agenda_items" in meeting:  # a file without the key says nothing of the agenda: the dossier's stays
            entry["agenda_items"] = agenda
        entry["source_ids"] = source_ids
        document: dict = {"format": FORMAT, "sources": list(self.sources.values()), "meetings": [entry]}
        if self.links:
            document["links"] = self.links
        if self.skipped or self.warnings:
            document["report"] = {"skipped": self.skipped, "warnings": self.warnings}
        check_schema(document, self.path)  # a parser bug must not reach the dossier
        return document

    def _meeting_object(self, data) -> tuple[dict, str]:
        """The meeting and the path to it in messages ("meeting." when the API's wrapper is there)."""
        if isinstance(data, dict) and isinstance(data.get("meeting"), dict):
            return data["meeting"], "meeting."
        if isinstance(data, dict) and isinstance(data.get("events"), list):
            raise self.fail("", "dit is een lijst van Notubiz-vergaderingen (events), zonder hun agenda's. "
                                "Importeer de vergaderingen zelf, elk als events/meetings/<nummer>.")
        if isinstance(data, dict) and isinstance(data.get("items"), list):
            raise self.fail("", "dit zijn Notubiz-module-items (moties, vragen of toezeggingen), geen vergadering; "
                                "importeer het bestand als 'notubiz'.")
        if not isinstance(data, dict) or not ("agenda_items" in data or "plannings" in data):
            found = _kind_of(data) if not isinstance(data, dict) else "een object zonder 'agenda_items' of 'plannings'"
            raise self.fail("", f"verwacht een Notubiz-vergadering (events/meetings/<nummer>: een object met "
                                f"'agenda_items' en 'plannings'), gevonden {found}.")
        return data, ""

    def _list(self, holder: dict, key: str, where: str) -> list:
        value = holder.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(f"{where}{key}", f"is {_kind_of(value)}, geen lijst.")
        return value

    def _meeting_title(self, meeting: dict, number: int, where: str) -> str:
        attributes = meeting.get("attributes")
        title = ""
        if isinstance(attributes, dict):
            title = next((_text(v) for k, v in attributes.items() if str(k).strip().lower() == "titel"), "")
        elif isinstance(attributes, list):
            title = next((_text(a.get("value")) for a in attributes
                          if isinstance(a, dict) and _number(a.get("id")) == TITLE), "")
        elif attributes is not None:
            raise self.fail(f"{where}attributes", f"is {_kind_of(attributes)}, geen lijst of object van attributen.")
        if title:
            return title
        gremium = meeting.get("gremium") if isinstance(meeting.get("gremium"), dict) else {}
        organisation = meeting.get("organisation") if isinstance(meeting.get("organisation"), dict) else {}
        of = [f"{label} {_number(holder.get('id'))}" for label, holder in
              (("gremium", gremium), ("organisatie", organisation)) if _number(holder.get("id")) is not None]
        return f"Notubiz-vergadering {number}" + (f" ({', '.join(of)})" if of else "")

    def _start_date(self, meeting: dict, where: str) -> str | None:
        plannings = self._list(meeting, "plannings", where)
        first = plannings[0] if plannings else None
        if not isinstance(first, dict) or not first.get("start_date"):
            return None
        return self._date(first["start_date"], f"{where}plannings[0].start_date")

    def _date(self, written, where: str) -> str | None:
        if not isinstance(written, str) or not written.strip() or written.startswith("0000-00-00"):
            return None
        match = _DATE.match(written.strip())
        try:
            if match:
                return date(int(match.group(1)), int(match.group(2)), int(match.group(3))).isoformat()
        except ValueError:
            pass
        raise self.fail(where, f"'{written}' is geen datum zoals '2018-02-08 13:30:00'.")

    def _meeting_source(self, meeting: dict, number: int, title: str, when: str | None) -> dict:
        url = meeting.get("url") if isinstance(meeting.get("url"), str) else None  # the public page, when given
        kind = SourceKind.WEB_PAGE
        if not (url and url.startswith("http")):  # else the API's address of the meeting
            self_link = meeting.get("self") if isinstance(meeting.get("self"), str) else None
            url = f"https://{self_link}" if self_link and not self_link.startswith("http") else self_link
            kind = SourceKind.OTHER
        source = with_present({"id": _make_id("bron", "vergadering", number), "kind": kind.value,
                               # No file name in it (as other formats have): a later capture comes in another file.
                               "title": f"Notubiz-vergadering {number}: {title}",
                               "publisher": "Notubiz"}, date=when, url=url)
        self.sources[source["id"]] = source
        return source

    # -- documents ---------------------------------------------------------------------------

    def _document(self, raw, where: str, on_agenda_item: str | None) -> dict | None:
        """The source of one Notubiz document (made once, whichever part of the meeting names it
        first); None when it is skipped."""
        if not isinstance(raw, dict):
            raise self.fail(where, f"verwacht een document (een object), gevonden {_kind_of(raw)}.")
        number = _number(raw.get("id"))
        versions = raw.get("versions") if isinstance(raw.get("versions"), list) else []
        file_name = next((v.get("file_name") for v in versions if isinstance(v, dict) and v.get("file_name")), None)
        title = _text(raw.get("title")) or file_name or (f"Notubiz-document {number}" if number is not None else "")
        if number is None:
            self.skip("documenten zonder Notubiz-id", f"{where}: document '{title or '?'}' heeft geen id en is "
                                                    "overgeslagen.")
            return None
        url = raw.get("url") if isinstance(raw.get("url"), str) and raw["url"].startswith("http") else None
        if url is None:
            self.skip("documenten zonder adres", f"{where}: document {number} ('{title}') heeft geen adres (url) "
                                                 "en is overgeslagen.")
            return None
        source_id = document_id(number)
        if source_id in self.sources:
            return self.sources[source_id]
        when = None
        for key in ("publication_date", "date"):
            try:
                when = when or self._date(raw.get(key), f"{where}.{key}")
            except InvalidInput:  # a document's date is a detail: without it the document is still worth having
                self.warnings.append(f"{where}.{key}: '{raw.get(key)}' is geen datum; document {number} staat "
                                     "er zonder die datum in.")
        source = with_present({"id": source_id, "kind": SourceKind.OTHER.value, "title": title,
                               "publisher": "Notubiz"}, date=when, url=url)
        if _number(raw.get("confidential")):
            source["confidentiality"] = Confidentiality.CONFIDENTIAL.value
        if on_agenda_item:
            source["agenda_item_id"] = on_agenda_item
        self.sources[source_id] = source
        return source

    # -- the agenda ------------------------------------------------------------------------

    def _agenda_in_order(self, meeting: dict, where: str) -> list[tuple[dict, str]]:
        """Every agenda item once, with where it is in the file, in the order the docstring gives."""
        found: dict[int, tuple[dict, str]] = {}  # Notubiz id → (item, where), in file order
        children: dict[int | None, list[int]] = {}  # parent id (None: the meeting) → ids in file order

        def walk(items: list, at: str, parent: int | None) -> None:
            for index, raw in enumerate(items):
                here = f"{at}[{index}]"
                if not isinstance(raw, dict):
                    raise self.fail(here, f"verwacht een agendapunt (een object), gevonden {_kind_of(raw)}.")
                number = _number(raw.get("id"))
                if number is None:
                    self.skip("agendapunten zonder Notubiz-id",
                              f"{here}: agendapunt zonder id ('{self._item_title(raw)}') is overgeslagen.")
                    continue
                if number in found:
                    continue  # listed twice (nested and at the top): the first one stands
                found[number] = (raw, here)
                declared = raw.get("parent")
                declared = _number(declared.get("id")) if isinstance(declared, dict) else _number(declared)
                children.setdefault(parent if parent is not None else declared, []).append(number)
                walk(self._list(raw, "agenda_items", f"{here}."), f"{here}.agenda_items", number)

        walk(self._list(meeting, "agenda_items", where), f"{where}agenda_items", None)
        # A parent the file does not hold: its children stand at the top.
        for parent in [p for p in children if p is not None and p not in found]:
            children.setdefault(None, []).extend(children.pop(parent))

        def in_order(ids: list[int]) -> list[int]:
            ordered = [n for n in ids if _order(found[n][0]) is not None]
            ordered.sort(key=lambda n: _order(found[n][0]))  # stable: equal orders keep file order
            return ordered + [n for n in ids if _order(found[n][0]) is None]

        result: list[tuple[dict, str]] = []
        placed: set[int] = set()

        def emit(ids: list[int]) -> None:
            for number in in_order(ids):
                if number in placed:
                    continue
                placed.add(number)
                result.append(found[number])
                emit(children.get(number, []))

        emit(children.get(None, []))
        emit([n for n in found if n not in placed])  # a loop of parents reaches nothing from the top
        return result

    def _item_title(self, raw: dict) -> str:
        type_data = raw.get("type_data") if isinstance(raw.get("type_data"), dict) else {}
        attributes = type_data.get("attributes") if isinstance(type_data.get("attributes"), list) else []
        values = [a for a in attributes if isinstance(a, dict)]
        title = next((_text(a.get("value")) for a in values if _number(a.get("id")) == TITLE), "")
        return title or next((_text(a.get("value")) for a in values if _text(a.get("value"))), "")

    def _agenda_item(self, raw: dict, where: str) -> dict:
        number = _number(raw["id"])
        type_data = raw.get("type_data")
        if type_data is not None and not isinstance(type_data, dict):
            raise self.fail(f"{where}.type_data", f"is {_kind_of(type_data)}, geen object.")
        type_data = type_data or {}
        prefix = type_data.get("title_prefix")
        written = str(prefix).strip().rstrip(".").strip() if isinstance(prefix, (str, int)) else ""
        heading = type_data.get("heading") is True or raw.get("type") == "label"
        entry = {"id": agenda_item_id(number), "number": written or None,
                 "title": self._item_title(raw) or "(zonder titel)",
                 "kind": (AgendaItemKind.HEADING if heading else AgendaItemKind.DEBATE).value,
                 "origin": f"notubiz:{number}"}
        for index, document in enumerate(self._list(raw, "documents", f"{where}.")):
            self._document(document, f"{where}.documents[{index}]", entry["id"])
        for index, module_item in enumerate(self._list(raw, "module_items", f"{where}.")):
            self._link_module_item(module_item, f"{where}.module_items[{index}]", entry["id"])
        return entry

    def _link_module_item(self, raw, where: str, on_agenda_item: str | None) -> None:
        """A motion, question set or commitment handled at the meeting (or one of its agenda items)."""
        number = None
        if isinstance(raw, dict):
            number = _number(raw.get("id"))
            match = _MODULE_ITEM_SELF.search(str(raw.get("self") or ""))
            if number is None and match:
                number = int(match.group(1))
        elif _number(raw) is not None:
            number = _number(raw)
        if number is None:
            self.skip("module-items zonder Notubiz-id", f"{where}: een module-item zonder id is overgeslagen.")
            return
        link = {"item": item_id(number), "meeting_id": self.meeting_id}
        if on_agenda_item:
            link["agenda_item_id"] = on_agenda_item
        if link not in self.links:
            self.links.append(link)


def _order(raw: dict) -> float | None:
    value = raw.get("order")
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value).strip())
    except ValueError:
        return None


def read_notubiz_meeting(path: Path) -> dict:
    """Read a Notubiz meeting (events/meetings/<id>) into an interchange document.

    One meeting with every agenda item in source order, its documents and those of its agenda items
    as sources, and links that put the module items handled at it on their agenda items; checked
    against the interchange schema, ids derived from Notubiz' own. Raises InvalidInput naming the
    file and the element. Pure function: any thread may call it.
    """
    return _Reader(path).read()


# Keys only a meeting has; the module items (notubiz.py) have none of them.
_SIGNS = ('"agenda_items"', '"plannings"', '"title_prefix"', "events/meetings/")


def _detect(path: Path, head: bytes) -> bool:
    text = head.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
    if not text.startswith("{") or ('"format"' in text and "raadsdossier/" in text):  # our own export has agendas too
        return False
    if any(sign in text for sign in _SIGNS):
        return True
    # A meeting's own documents can fill the first 4 KiB before any sign: look further in a Notubiz file.
    if "api.notubiz.nl" in text and '"module_id"' not in text:
        more = read_head(path, 1024 * 1024).decode("utf-8", errors="ignore")
        return any(sign in more for sign in _SIGNS)
    return False


FORMAT_SPEC = register(ImportFormat(
    name=NAME,
    description="Notubiz: een vergadering met haar agenda en stukken (JSON van events/meetings/…)",
    suffixes=(".json",),
    detect=_detect,
    read=read_notubiz_meeting,
    # Before the module items (20): a meeting's head can show the "module_id" of the motions handled at it.
    priority=19,
))
