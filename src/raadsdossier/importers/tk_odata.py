"""Tweede Kamer Gegevensmagazijn (OData v4 JSON: Zaak, Fractie, Stemming, Besluit) as an import format.

A file holds a server response (`{"@odata.context", "value": [...], "@odata.nextLink"}`), a bare
`value` array, or one entity object; also several of these one after another (pages put together
with `cat`), or a list of responses; its records are read one at a time (_tk_records._stream). The
entity comes from `@odata.type` or the context ("…$metadata#Stemming(Besluit(…))"), else from the
fields present (_tk_entities.py, every entity of the Gegevensmagazijn). Entities other than the four
below are named and counted in the report ("250 Activiteiten — …"), deleted placeholders
(`Verwijderd: true`, other fields null) likewise per entity; a file with nothing else is read as a
document without items (the import exits 3), one whose records fit no entity is refused. Dates
("2024-06-17T00:00:00+02:00", 0–7 decimals, an offset or Z) are read as the calendar date written,
never shifted to UTC.

    Zaak, Soort "Motie"      → a motion: reference = Nummer (2024Z10738), title = Onderwerp (the
                               motion's own subject; Titel is the kamerstuk dossier's name and
                               only stands in when there is no Onderwerp), date = GestartOp,
                               pre_advice = Kabinetsappreciatie ("Ontraden"; "Niet beschikbaar …"
                               is no pre-advice and left out), status only when an expanded
                               Besluit says it (aangenomen, verworpen, aangehouden, ingetrokken):
                               a new motion is "submitted" and a later import keeps an outcome.
                               Each expanded Document is a source (its DocumentNummer in the
                               title, DocumentPublicatie.Identifier, else ExterneIdentifier,
                               "kst-32735-395" as document_number, its Url, else the KOOP page
                               of that identifier). When the Zaak names the kamerstuk that
                               publishes it (the document numbered like its Volgnummer, else its
                               one "Motie…" document; else an expanded Kamerstukdossier with the
                               Volgnummer), that kamerstuk keys the motion: id, reference
                               ("32735-395", "36600-V-42") and the document's source are the ones
                               KOOP XML gives it (importers/_publication), so both are one motion.
    Zaak, "Schriftelijke vragen" → a question set: reference = Nummer, title = Onderwerp,
                               submitted_on = GestartOp, no questions (the Zaak holds no text; the
                               key is left out, so questions imported from the text stay), the
                               expanded Documents as sources (a KOOP publication's as above). Its
                               id is the one question_text and koop_xml give that Zaak number, so
                               the three forms of one set meet.
    Zaak of another Soort    → skipped, counted per Soort.
    Fractie                  → a party: name NaamNL, abbreviation Afkorting (kept when it equals
                               the name), seats AantalZetels, valid_from/until DatumActief/Inactief.
    Stemming (rows)          → votes, one per Besluit (below). A Besluit entity with its
                               `Stemming` expanded is read as those rows.

Votes. The rows are grouped by Besluit_Id across the whole file, whatever their order (a row
repeated, e.g. on overlapping pages, counts once). A party vote's choices are the rows' Soort
(Voor → for, Tegen → against, Niet deelgenomen → not_voting) with seats = FractieGrootte, the
size at the time of the vote (the expanded Fractie's AantalZetels is today's, and differs); a roll
call (rows naming a Persoon) has one choice per member. The party is uuid5 of its Fractie Id, made
from the expanded Fractie, else from ActorFractie with FractieGrootte as seats.

Which motion: `Besluit → Agendapunt → Zaak` lists every motion of the agenda item, not only the
one voted on (a direct `Besluit → Zaak` expansion is used when present). When it names exactly one
Zaak of Soort Motie, the vote goes on that motion (made from the expanded Zaak if need be; its
status follows the result). When it names several, the decision becomes an unassigned vote
(agenda_item, decision, result from BesluitTekst, choices, those motions as candidates) for the
user to assign; when the rows name no Besluit expansion at all, likewise without candidates. A
decision whose Zaken are no motions (a bill, an amendment) is skipped and counted.

Whole or not there. The server pages 250 rows in no promised order, so a Besluit's rows can stand
anywhere in a page and run on into another. Every party vote of the Tweede Kamer covers all 150
seats, so a Besluit whose FractieGrootte add up to less than 150 is incomplete; a roll call is whole
with its 150 members (the Gegevensmagazijn records no absence: a member who did not vote has a row
"Niet deelgenomen", which counts). An incomplete Besluit is NOT imported, and the report names it
("Besluit … is onvolledig op deze pagina (92 van de 150 zetels) …"); more than 150 is reported and
skipped too. One file is one document, so halves in two files cannot be merged by the loader; put
the pages one after the other in one file (`cat page880.json page881.json > both.json`), which this
format reads as one, and the Besluit is whole. The decisions are made up in an order the rows' order
does not change (_Decision.order), so shuffled rows give the same document. (The votes are read by
importers/_tk_votes.py, a part of this reader kept in a module of its own.) Importing a vote never
counts it twice or by half; importing the same page again updates what it made (ids are uuid5 of the
Besluit, Zaak, Fractie and Persoon ids).

Sources: each Zaak, Besluit, Fractie and Persoon record is a source titled like "Tweede Kamer
OData: Zaak 2024Z10738 (tk-odata, bestand x.json)", with its OData address; every item links
the one(s) it was read from. KOOP XML owns what a publication says: the document's `fill_only`
lists the motions' and question sets' reference, title, date and source_ids and the sources'
title, date, url, publisher and document_number, so these are only filled in where the dossier's
item has none, and this file's sources are added to the item's (a motion imported again from a
Stemming page keeps the document sources a Zaak file gave it). A Stemming page's Zaak expanded
bare names no kamerstuk: its motion is keyed by the Zaak, apart from the one KOOP XML and a Zaak
with its documents make, unless the same file holds that Zaak with its documents, or the page
expands `Zaak($expand=Kamerstukdossier)` (docs/imports.md).

Files over 100 MB are refused. Bad input raises InvalidInput naming the file and the element.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

from raadsdossier.domain.enums import PersonRole, QuestionSetKind, SourceKind
from raadsdossier.domain.errors import InvalidInput
from raadsdossier.base.gcpause import cyclic_gc_paused
from raadsdossier.importers import ImportFormat, _publication, register
from raadsdossier.interchange import FORMAT
from raadsdossier.interchange.load import check_schema
from raadsdossier.importers._tk_records import (  # make_id and _for_schema are used by the tests too
    MOTION, NAME, ODATA_BASE, PUBLISHER, QUESTIONS, SKIP_OTHER_ZAAK, SKIP_UNKNOWN, _DATETIME,
    _Decision, _Page, _Record, _for_schema, _kind_of, _stream, _text, _type_by_fields, _type_in_context,
    counted_skip, make_id,
)
from raadsdossier.importers._tk_entities import ENTITIES, counted, counted_deleted, counted_empty
from raadsdossier.importers._common import motion_status
from raadsdossier.importers._tk_votes import _VoteReading


class _Reader(_VoteReading):
    def __init__(self, path: Path) -> None:
        self.path = path
        self.origin = f"({NAME}, bestand {path.name})"
        self.base = ODATA_BASE
        self.sources: dict[str, dict] = {}
        self.parties: dict[str, dict] = {}
        self._full_parties: set[str] = set()
        self._row_parties: dict = {}
        self.people: dict[str, dict] = {}
        self.motions: dict[str, dict] = {}
        self._zaak_motions: dict[str, str] = {}  # Zaak Id → its motion's id (its kamerstuk's, else the Zaak's)
        self.aliases: dict[str, list[str]] = {}  # a motion keyed by its kamerstuk → its id keyed by its Zaak
        self.question_sets: dict[str, dict] = {}
        self.unassigned: list[dict] = []
        self.skipped: Counter = Counter()  # SKIP_* → how many
        self.entities: Counter = Counter()  # records of an entity not imported, per entity (Activiteit …)
        self.deleted: Counter = Counter()  # deleted placeholders, per entity
        self.empty_pages: Counter = Counter()  # server pages without records, per entity
        self.other_soorten: Counter = Counter()
        self.warnings: list[str] = []
        self.recognised = 0  # records (and empty pages) of a known entity
        self._decisions: dict[str, _Decision] = {}  # Besluit Id → its Stemming rows, as far as read
        self._row_ids: set[str] = set()  # the Stemming rows read, to count a repeated row once
        self._expansions: dict[tuple[str, str], dict] = {}  # ("Fractie"|"Persoon", Id) → the first expansion

    def fail(self, where: str, problem: str) -> InvalidInput:
        return InvalidInput(self.path, f"{where}: {problem}")

    # -- the file's shape ---------------------------------------------------------------------

    def read(self) -> dict:
        for found in _stream(self.path):
            if isinstance(found, _Page):
                self._page(found)
            else:
                self._record(found)
        if not self.recognised:
            unknown = self.skipped[SKIP_UNKNOWN]
            raise InvalidInput(self.path, "geen gegevens van de Tweede Kamer herkend: geen Zaak, Fractie, Stemming of "
                                          "andere entiteit van het Gegevensmagazijn"
                                          + (f" (wel {unknown} {counted_skip(SKIP_UNKNOWN, unknown)})." if unknown
                                             else "."))
        self._votes()
        return self._document()

    def _page(self, page: _Page) -> None:
        """A server response begins (its address is the sources' base) or ends (empty: named in the report)."""
        self.base = self._base(page.context)
        entity = _type_in_context(page.context)
        if page.done and not page.records and entity in ENTITIES:
            self.recognised += 1
            self.empty_pages[entity] += 1

    def _record(self, record: _Record) -> None:
        """One record: read when it is a Zaak, Fractie, Stemming or Besluit, else counted under its entity."""
        named = _type_in_context(record.data.get("@odata.type")) or record.type
        kind = named if named in ENTITIES else _type_by_fields(record.data)
        if kind is None:
            self.skipped[SKIP_UNKNOWN] += 1
            return
        self.recognised += 1
        if record.data.get("Verwijderd") is True:
            self.deleted[kind] += 1
        elif kind == "Zaak":
            self._zaak(record)
        elif kind == "Fractie":
            self._party(record, record.data)
        elif kind == "Stemming":
            self._row(record)
        elif kind == "Besluit":
            self._besluit(record)
        else:
            self.entities[kind] += 1

    def _base(self, context) -> str:
        if isinstance(context, str) and "/$metadata" in context and context.startswith("https://"):
            return context.split("/$metadata", 1)[0]
        return self.base

    # -- fields ---------------------------------------------------------------------------------

    def _id(self, record: _Record, data: dict | None = None, label: str = "") -> str:
        data = record.data if data is None else data
        value = data.get("Id")
        if not isinstance(value, str) or not value.strip():
            raise self.fail(record.where, f"{label}'Id' is {_kind_of(value)}; elk OData-record heeft een Id.")
        return value.strip()

    def _date(self, record: _Record, data: dict, key: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        match = _DATETIME.match(value) if isinstance(value, str) else None
        if match:
            try:
                return date(*(int(g) for g in match.groups())).isoformat()
            except ValueError:
                pass
        raise self.fail(record.where, f"'{key}' {json.dumps(value, ensure_ascii=False)} is geen datum zoals "
                                      "'2024-06-17T00:00:00+02:00'.")

    def _source(self, key: tuple, label: str, entity: str, entity_id: str, when: str | None = None,
                kind: SourceKind = SourceKind.OTHER) -> str:
        source_id = make_id(*key, "bron")
        if source_id not in self.sources:
            source = {"id": source_id, "kind": kind.value, "title": f"Tweede Kamer OData: {label} {self.origin}",
                      "publisher": PUBLISHER, "url": f"{self.base}/{entity}({entity_id})"}
            if when:
                source["date"] = when
            self.sources[source_id] = source
        return source_id

    @staticmethod
    def _link(entry: dict, *source_ids: str) -> None:
        links = entry.setdefault("source_ids", [])
        for source_id in source_ids:
            if source_id not in links:
                links.append(source_id)

    # -- Zaak -----------------------------------------------------------------------------------

    def _zaak(self, record: _Record) -> None:
        soort = _text(record.data.get("Soort"))
        if soort == MOTION:
            self._motion(record, record.data, documents=True)
        elif soort == QUESTIONS:
            self._question_set(record)
        else:
            self.skipped[SKIP_OTHER_ZAAK] += 1
            self.other_soorten[soort or "zonder soort"] += 1

    def _zaak_source(self, record: _Record, data: dict) -> tuple[str, str | None, str]:
        zaak_id = self._id(record, data, "Zaak: ")
        number = _text(data.get("Nummer"))
        when = self._date(record, data, "GestartOp")
        return self._source(("zaak", zaak_id), f"Zaak {number or zaak_id}", "Zaak", zaak_id, when), when, zaak_id

    def motion_id(self, data: dict) -> tuple[str, _publication.Publication | None]:
        """(the id of the motion of Zaak `data`, the kamerstuk that publishes it or None). The kamerstuk keys
        the motion (the id KOOP XML gives it) when the Zaak's expansion names it (_publication.of_zaak), else
        the Zaak Id does; a Zaak keeps the id it got first in this file, so the votes on a Zaak read with
        its documents go on the motion KOOP XML made, also when the Stemming rows expand it bare."""
        zaak_id = _text(data.get("Id")) or ""
        known = self._zaak_motions.get(zaak_id)
        if known is not None:
            return known, None
        publication = _publication.of_zaak(data)
        motion_id = (publication.motion_id if publication is not None else None) or make_id("zaak", zaak_id)
        self._zaak_motions[zaak_id] = motion_id
        if motion_id != make_id("zaak", zaak_id):
            # The same motion a Stemming page, which expands its Zaak bare, keys by the Zaak: one motion either way.
            self.aliases.setdefault(motion_id, []).append(make_id("zaak", zaak_id))
        return motion_id, publication

    def _motion(self, record: _Record, data: dict, documents: bool = False) -> dict:
        self._id(record, data, "Zaak: ")
        motion_id, publication = self.motion_id(data)
        motion = self.motions.get(motion_id)
        if motion is not None and not documents and "Besluit" not in data:
            return motion  # the same Zaak expanded under another Besluit: nothing new
        source_id, when, zaak_id = self._zaak_source(record, data)
        if motion is None:
            number = _text(data.get("Nummer"))
            motion = {"id": motion_id, "reference": (publication.reference if publication else None) or number,
                      "title": _text(data.get("Onderwerp")) or _text(data.get("Titel")) or f"Motie {number or zaak_id}"}
            if when:
                motion["date"] = when
            advice = _text(data.get("Kabinetsappreciatie"))
            if advice and not advice.lower().startswith("niet beschikbaar"):
                motion["pre_advice"] = advice
            self.motions[motion_id] = motion
        besluiten = [b for b in data.get("Besluit") or [] if isinstance(b, dict) and not b.get("Verwijderd")]
        for besluit in besluiten:
            status = motion_status(besluit.get("BesluitTekst")) or motion_status(besluit.get("BesluitSoort"))
            if status is not None:
                motion["status"] = status.value
        self._link(motion, source_id)
        if documents:
            for index, document in enumerate(data.get("Document") or []):
                if isinstance(document, dict) and not document.get("Verwijderd"):
                    self._link(motion, self._document_source(record, index, document))
        return motion

    def _document_source(self, record: _Record, index: int, document: dict) -> str:
        label = f"Document[{index}]: "
        document_id = self._id(record, document, label)
        version = document.get("HuidigeDocumentVersie") if isinstance(document.get("HuidigeDocumentVersie"), dict) else {}
        publications = [p for p in version.get("DocumentPublicatie") or []
                        if isinstance(p, dict) and not p.get("Verwijderd")]
        # A KOOP publication is one source, whichever format names it (its id and page from _publication).
        publication = _publication.of_document(document)
        identifier = publication.identifier if publication is not None else (
            next((_text(p.get("Identifier")) for p in publications if _text(p.get("Identifier"))), None)
            or _text(version.get("ExterneIdentifier")))
        number = _text(document.get("DocumentNummer"))
        url = publication.url if publication is not None else \
            next((_text(p.get("Url")) for p in publications if _text(p.get("Url"))), None)
        subject = _text(document.get("Onderwerp")) or _text(document.get("Titel")) or _text(document.get("Soort"))
        source_id = publication.source_id if publication is not None else make_id("document", document_id)
        source = {"id": source_id, "kind": SourceKind.PARLIAMENTARY_DOCUMENT.value,
                  "title": f"{subject or 'Document'} ({number or document_id})", "publisher": PUBLISHER}
        when = self._date(record, document, "Datum")
        if when:
            source["date"] = when
        if url:
            source["url"] = url
        if identifier or number:
            source["document_number"] = identifier or number
        self.sources.setdefault(source["id"], source)
        return source["id"]

    def _question_set(self, record: _Record) -> None:
        source_id, when, zaak_id = self._zaak_source(record, record.data)
        number = _text(record.data.get("Nummer"))
        # Keyed like question_text's and koop_xml's sets: one Zaak is one set whichever form came in.
        set_id = _publication.question_set_id(number) if number else make_id("zaak", zaak_id)
        question_set = self.question_sets.setdefault(set_id, {"id": set_id})
        if number:
            question_set["reference"] = number
        question_set["title"] = (_text(record.data.get("Onderwerp")) or _text(record.data.get("Titel"))
                                 or f"Schriftelijke vragen {number or zaak_id}")
        question_set["kind"] = QuestionSetKind.PARLIAMENTARY_QUESTIONS.value
        if when:
            question_set["submitted_on"] = when
        self._link(question_set, source_id)
        for index, document in enumerate(record.data.get("Document") or []):  # the questions, the answers
            if isinstance(document, dict) and not document.get("Verwijderd"):
                self._link(question_set, self._document_source(record, index, document))

    # -- Fractie and Persoon ---------------------------------------------------------------------

    def _party(self, record: _Record, data: dict, seats_then: int | None = None) -> str:
        fractie_id = self._id(record, data, "Fractie: ")
        party_id = make_id("fractie", fractie_id)
        name = _text(data.get("NaamNL")) or _text(data.get("Afkorting")) or _text(data.get("ActorFractie"))
        if name is None:
            raise self.fail(record.where, f"Fractie {fractie_id} heeft geen 'NaamNL' of 'Afkorting'.")
        abbreviation = _text(data.get("Afkorting")) or _text(data.get("ActorFractie"))
        party = self.parties.get(party_id)
        full = "AantalZetels" in data or "NaamNL" in data
        if party is None or (full and party_id not in self._full_parties):  # a Fractie record wins over a vote row
            party = {"id": party_id, "name": name, "abbreviation": abbreviation,
                     "source_ids": party["source_ids"] if party else []}
            seats = data.get("AantalZetels")
            party["seats"] = seats if isinstance(seats, int) and not isinstance(seats, bool) and seats >= 0 else seats_then
            for key, field in (("valid_from", "DatumActief"), ("valid_until", "DatumInactief")):
                when = self._date(record, data, field)
                if when:
                    party[key] = when
            self.parties[party_id] = party
            if full:
                self._full_parties.add(party_id)
        self._link(party, self._source(("fractie", fractie_id), f"Fractie {abbreviation or name}, Id {fractie_id}",
                                       "Fractie", fractie_id))
        return party_id

    def _row_party(self, row: _Record, seats: int | None) -> str | None:
        fractie = row.data.get("Fractie")
        if isinstance(fractie, dict) and not fractie.get("Verwijderd"):
            key = fractie.get("Id")
            if key not in self._row_parties:  # every row repeats the expansion: read it once
                self._row_parties[key] = self._party(row, fractie, seats)
            return self._row_parties[key]
        fractie_id = _text(row.data.get("Fractie_Id"))
        name = _text(row.data.get("ActorFractie"))
        if fractie_id and name:
            key = (fractie_id, name)
            if key not in self._row_parties:
                self._row_parties[key] = self._party(row, {"Id": fractie_id, "ActorFractie": name}, seats)
            return self._row_parties[key]
        return None

    def _person(self, row: _Record, party_id: str | None) -> str:
        persoon = row.data.get("Persoon") if isinstance(row.data.get("Persoon"), dict) else {}
        persoon_id = _text(persoon.get("Id")) or _text(row.data.get("Persoon_Id"))
        person_id = make_id("persoon", persoon_id)
        name = " ".join(filter(None, (_text(persoon.get("Roepnaam")) or _text(persoon.get("Initialen")),
                                      _text(persoon.get("Tussenvoegsel")), _text(persoon.get("Achternaam")))))
        name = name or _text(row.data.get("ActorNaam")) or f"Kamerlid {persoon_id}"
        person = self.people.setdefault(person_id, {"id": person_id, "name": name, "role": PersonRole.MEMBER.value})
        if party_id:
            person["party_id"] = party_id
        self._link(person, self._source(("persoon", persoon_id), f"Persoon {name}, Id {persoon_id}", "Persoon",
                                        persoon_id))
        return person_id

    # -- the document -----------------------------------------------------------------------------

    def _document(self) -> dict:
        document = {"format": FORMAT, "sources": list(self.sources.values()), "parties": list(self.parties.values()),
                    "people": list(self.people.values()), "motions": list(self.motions.values()),
                    "question_sets": list(self.question_sets.values()), "unassigned_votes": self.unassigned}
        document = {k: v for k, v in document.items() if v or k == "format"}
        # KOOP XML owns what a publication says: this format only fills that in and adds its sources.
        owned_elsewhere = _publication.fill_only(_publication.ZAAK_FILL_ONLY, document)
        if owned_elsewhere:
            document["fill_only"] = owned_elsewhere
        aliases = {motion_id: others for motion_id, others in self.aliases.items() if motion_id in self.motions}
        if aliases:
            document["aliases"] = aliases
        if self.other_soorten:
            kinds = ", ".join(f"{soort} {n}" for soort, n in sorted(self.other_soorten.items(), key=lambda i: (-i[1], i[0])))
            self.warnings.insert(0, f"{sum(self.other_soorten.values())} Zaken overgeslagen die geen motie of "
                                    f"schriftelijke vragen zijn ({kinds}).")
        skipped = self._skipped()
        if self.entities and not any(isinstance(value, list) for value in document.values()):
            self.warnings.append("Raadsdossier leest uit het Gegevensmagazijn van de Tweede Kamer alleen Zaken "
                                 "(moties en schriftelijke vragen), Fracties, Stemmingen en Besluiten met hun "
                                 "stemmingen.")
        if skipped or self.warnings:
            document["report"] = {"skipped": skipped, "warnings": self.warnings}
        check_schema(_for_schema(document), self.path)  # a reader bug must not reach the dossier
        return document

    def _skipped(self) -> dict[str, int]:
        """The report's skipped counts, each under the words for that count: "250 Activiteiten — …",
        "1 verwijderde Fractie", "1 onvolledig besluit"."""
        skipped: Counter = Counter()
        for counter, words in ((self.skipped, counted_skip), (self.entities, counted),
                               (self.deleted, counted_deleted), (self.empty_pages, counted_empty)):
            for key, n in counter.items():
                if n:
                    skipped[words(key, n)] += n
        return dict(sorted(skipped.items()))


def read_tk_odata(path: Path) -> dict:
    """Read a Tweede Kamer OData JSON file (Zaak, Fractie, Stemming or Besluit records) into an
    interchange document: motions, question sets, parties, people, votes and unassigned votes
    with their sources, checked against the interchange schema; a `report` says what was skipped.
    Raises InvalidInput naming the file and the element. Pure function: any thread may call it.
    """
    # The reader makes hundreds of thousands of small objects and keeps many of them until it is
    # done; the cyclic collector would walk them over and over (a third of the reading time).
    with cyclic_gc_paused():
        return _Reader(path).read()


_DETECT_FIELDS = ('"Kabinetsappreciatie"', '"FractieGrootte"', '"NaamNL"')


def _detect(path: Path, head: bytes) -> bool:
    text = head.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
    if not text.startswith(("{", "[")) or ('"format"' in text and "raadsdossier/" in text):
        return False
    return ('"@odata' in text or ('"Verwijderd"' in text and '"GewijzigdOp"' in text)
            or any(field in text for field in _DETECT_FIELDS))


FORMAT_SPEC = register(ImportFormat(
    name=NAME,
    description="Tweede Kamer (OData-JSON): moties en schriftelijke vragen (Zaak), fracties, stemmingen",
    suffixes=(".json",),
    detect=_detect,
    read=read_tk_odata,
    priority=20,
))
