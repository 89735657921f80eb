"""SRU search results of officielebekendmakingen.nl (`searchRetrieveResponse`, gzd records) as an import format.

Each record becomes a source, with or without XML namespaces (a captured answer may have
lost them), from a whole `searchRetrieveResponse` or a single `<record>`:

    owmskern/identifier                      → document_number ("stb-2025-252", written as KOOP writes
                                               it: "KST-36600-v-42" → "kst-36600-V-42"), and the id
    owmskern/title                           → title, followed by "(koop-sru: <identifier>,
    owmsmantel/subject (each)                    bestand <file>; onderwerp: <subjects>)"
    owmsmantel/date, issued, available, owmskern/modified (the first given)  → date
    enrichedData/preferredUrl, itemUrl[@manifestation="html"], url,
    owmsmantel/hasVersion/@resourceIdentifier (the first given)             → url
    owmsmantel/publisher, else owmskern/creator                             → publisher
    identifier prefix kst, kv, ah, h, blg, stb, stcrt → kind parliamentary_document, else other

The source id is the one koop-xml and tk-odata give the same identifier (importers/_publication),
so a record found by a search, the publication imported later and the Tweede Kamer's Zaak that
names it are one source. A record makes no motion or question set, only their source; the other
formats own the source's text: its title, date, url, publisher and document number are listed under
`fill_only` (written only where the source has none yet). Text before the XML (a capturing script's
log lines) is skipped and double-encoded text ("FinanciÃ«n") repaired, each with a warning;
garbling that cannot be repaired is refused, never stored.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from raadsdossier.domain.enums import SourceKind
from raadsdossier.importers import ImportFormat, _publication, register
from raadsdossier.importers._common import with_present
from raadsdossier.importers._xml import (
    XmlFile, child, children, clean_text, descendant, iso_date, local_name, read_xml, text_of,
)
from raadsdossier.interchange import FORMAT
from raadsdossier.interchange.load import check_schema

NAME = "koop-sru"
PARLIAMENTARY_PREFIXES = ("kst", "kv", "ah", "h", "blg", "stb", "stcrt")


def _records(xml: XmlFile) -> list[ET.Element]:
    root = xml.root
    name = local_name(root.tag)
    if name == "record":
        return [root]
    if name != "searchRetrieveResponse":
        raise xml.fail(root, f"het hoofdelement is <{name}>, verwacht <searchRetrieveResponse> of <record> (SRU).")
    container = child(root, "records")
    records = children(container, "record") if container is not None else []
    diagnostic = descendant(root, "diagnostic")
    if not records and diagnostic is not None:
        message = text_of(child(diagnostic, "message") if child(diagnostic, "message") is not None else diagnostic)
        message = clean_text(message, xml, diagnostic, "<diagnostic>") or "zonder uitleg"
        raise xml.fail(diagnostic, f"<diagnostic>: de zoekdienst meldt een fout ({message}); er zijn geen records.")
    return records


class _Record:
    def __init__(self, xml: XmlFile, record: ET.Element, index: int) -> None:
        self.xml = xml
        self.record = record
        position = child(record, "recordPosition")
        self.where = f"<record> {index}" + (f" (recordPosition {text_of(position).strip()})"
                                            if position is not None and text_of(position).strip() else "")
        original = descendant(record, "originalData")
        if original is None:
            raise xml.fail(record, f"{self.where}: <originalData> ontbreekt; alleen records in het gzd-schema van "
                                   "officielebekendmakingen.nl kunnen worden gelezen.")
        self.kern = descendant(original, "owmskern")
        self.mantel = descendant(original, "owmsmantel")
        self.enriched = descendant(record, "enrichedData")

    def _elements(self, parent: ET.Element | None, name: str) -> list[ET.Element]:
        return children(parent, name) if parent is not None else []

    def text(self, parent: ET.Element | None, name: str) -> str | None:
        for element in self._elements(parent, name):
            value = clean_text(text_of(element), self.xml, element, f"{self.where}: <{name}>")
            if value:
                return value
        return None

    def required(self, name: str) -> str:
        value = self.text(self.kern, name)
        if not value:
            raise self.xml.fail(self.record, f"{self.where}: <owmskern>/<{name}> ontbreekt of is leeg.")
        return value

    def date(self) -> str | None:
        for parent, name in ((self.mantel, "date"), (self.mantel, "issued"), (self.mantel, "available"),
                             (self.kern, "modified")):
            for element in self._elements(parent, name):
                value = iso_date(text_of(element), self.xml, element, f"{self.where}: <{name}>")
                if value:
                    return value
        return None

    def url(self) -> str | None:
        candidates = [text_of(e) for e in self._elements(self.enriched, "preferredUrl")]
        candidates += [text_of(e) for e in self._elements(self.enriched, "itemUrl") if e.get("manifestation") == "html"]
        candidates += [text_of(e) for e in self._elements(self.enriched, "url")]
        candidates += [e.get("resourceIdentifier") or "" for e in self._elements(self.mantel, "hasVersion")]
        return next((c.strip() for c in candidates if c.strip().startswith(("https://", "http://"))), None)

    def source(self) -> dict:
        identifier = self.required("identifier")
        publication = _publication.parse(identifier)
        identifier = publication.identifier if publication is not None else identifier
        title = self.required("title")
        subjects = [value for e in self._elements(self.mantel, "subject")
                    if (value := clean_text(text_of(e), self.xml, e, f"{self.where}: <subject>"))]
        about = f"; onderwerp: {'; '.join(subjects)}" if subjects else ""
        kind = (SourceKind.PARLIAMENTARY_DOCUMENT if identifier.split("-")[0].lower() in PARLIAMENTARY_PREFIXES
                else SourceKind.OTHER)
        source = {"id": _publication.source_id(identifier), "kind": kind.value,
                  "title": f"{title} ({NAME}: {identifier}, bestand {self.xml.path.name}{about})",
                  "document_number": identifier}
        return with_present(source, publisher=self.text(self.mantel, "publisher") or self.text(self.kern, "creator"),
                            date=self.date(), url=self.url())


def parse_sru(xml: XmlFile) -> dict:
    """An interchange document with one source per record; InvalidInput naming the record and element."""
    sources: list[dict] = []
    seen: set[str] = set()
    duplicates = 0
    for index, record in enumerate(_records(xml), 1):
        source = _Record(xml, record, index).source()
        if source["id"] in seen:  # the same publication twice in one answer: keep the first
            duplicates += 1
            continue
        seen.add(source["id"])
        sources.append(source)
    document: dict = {"format": FORMAT, "sources": sources}
    if sources:  # a search record only fills in what the publication or its Zaak did not say
        document["fill_only"] = _publication.fill_only(_publication.SEARCH_FILL_ONLY, document)
    report: dict = {}
    if duplicates:
        report["skipped"] = {"sources": duplicates}
        xml.warnings.append(f"{duplicates} record(s) kwamen twee keer voor en zijn één keer geïmporteerd.")
    if not sources:
        xml.warnings.append("het SRU-antwoord bevat geen records; er is niets geïmporteerd.")
    if xml.warnings:
        report["warnings"] = list(xml.warnings)
    if report:
        document["report"] = report
    check_schema(document, xml.path)  # a parser bug must not reach the dossier
    return document


def read_koop_sru(path: Path) -> dict:
    """Read an SRU answer file into an interchange document of sources (checked against the schema).

    Raises InvalidInput(path, "…") for unsafe, broken or unreadable files; writes nothing.
    Pure function: any thread may call it.
    """
    return parse_sru(read_xml(path, skip_leading_junk=True))


def _detect(path: Path, head: bytes) -> bool:
    return b"searchRetrieveResponse" in head or (b"<record" in head and (b"gzd" in head or b"originalData" in head))


FORMAT_SPEC = register(ImportFormat(
    name=NAME,
    description="Zoekresultaat (SRU) van officielebekendmakingen.nl: elke publicatie als bron",
    suffixes=(".xml",),
    detect=_detect,
    read=read_koop_sru,
    priority=20,
))
