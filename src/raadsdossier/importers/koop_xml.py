"""KOOP official publications (`<officiele-publicatie>` XML: motions, Kamervragen, Aanhangsel) as an import format.

What the publication holds becomes, with every field taken from the file and nothing guessed:

- a motion (`<kamerstuk>` whose metadata type is "Motie" or whose `stuk/titel` says MOTIE):
  `reference` "32735-395", or with the dossier's addition "36600-V-42" (a budget chapter: two chapters
  of one budget each have a motion nr. 42), from the publication's identifier (below), else from
  `dossiernummer` (`dossiernr` without spaces, `begrotingshoofdstuk`; else `OVERHEIDop.dossiernummer`
  "36600" or "36600-V") and `ondernummer` (else `OVERHEIDop.ondernummer`), `title`
  (`OVERHEIDop.documenttitel`, else `stuk/titel` with its capitals undone), `date`
  (`datumtekst/datum/@isodatum`, else `DCTERMS.issued`), submitter and co-submitters (the
  signatories after "en gaat over tot de orde van de dag", in `al` or `al-groep`, as written),
  `considerations` and `operative_text` (the paragraphs before and from the dictum, "verzoekt …",
  "spreekt uit …", joined with blank lines);
- a question set (`kamervragen`/`vragen` with `vraag` and `antwoord`, each numbered by `nr`
  "Vraag 1", "Antwoord 2 en 3"): `reference` the Zaak number (2022Z11774), dates from
  `kamervraagomschrijving/datum/@isodatum`, the submitters and answering ministers as written;
- any other kamerstuk: only its source, with a warning;
- a publication with neither (a Staatsblad, a Gemeenteblad): nothing to import, which the report says
  (`raadsdossier import` exits 3, docs/imports.md).

Every item rests on one source for the publication (kind parliamentary_document, its identifier as
document number, "… (koop-xml: kst-32735-395, bestand kst-32735-395.xml)", its page on
zoek.officielebekendmakingen.nl). The identifier is `DC.identifier`, else the one in
`OVERHEIDop.externMetadataRecord`, else the kamerstuk's numbers ("kst-36600-V-42"), else the file's name;
it is read in any case and written as KOOP writes it. Ids come from it through importers/_publication
(a question set: from its Zaak number, shared with the plain-text format), so importing the same
publication again updates it, and the Tweede Kamer's Zaak (tk-odata) and an SRU record of it (koop-sru)
meet the same motion and source. This format owns the text: title, date, submitters, considerations,
operative text and the source; the motion's and question set's `source_ids` are listed under
`fill_only` (sources another format linked stay). The status of a motion is left out: a new motion gets
"submitted", and importing the file again keeps an outcome recorded since.

The parsing helpers (importers/_xml: `read_xml`, `repair_double_encoding`) are shared with koop_sru: import
files come from outside, so no entity is expanded, nothing external is fetched, and files over
50 MB or nested deeper than 200 elements are refused.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from raadsdossier.domain.enums import QuestionSetKind, SourceKind
from raadsdossier.importers import ImportFormat, _publication, question_text, register
from raadsdossier.importers._common import with_present
from raadsdossier.interchange import FORMAT
from raadsdossier.interchange.load import check_schema
from raadsdossier.importers._xml import (
    XmlFile, child, children, clean_text, descendant, iso_date, local_name, read_xml, text_of,
)

# Fixed for good: ids derived from it make a second import of the same publication update the first.
NAMESPACE = _publication.NAMESPACE
NAME = "koop-xml"


def source_id(document_number: str) -> str:
    """The id of the source for a KOOP publication; koop-sru and tk-odata give the same identifier the same id."""
    return _publication.source_id(document_number)


# -- the publication ----------------------------------------------------------------------------

# "36 600", "36600-V", "36 600 VIII", "21 501-20": the dossier's number, then its addition (a budget chapter)
_DOSSIER_NUMBER = re.compile(r"^(\d{1,3}(?:[\s.]?\d{3})*)(?:\s*-\s*|\s+)?([A-Za-z0-9()]+)?$")
_EXTERN_RECORD = re.compile(r"^(https?://zoek\.officielebekendmakingen\.nl)/([a-z]+(?:-[A-Za-z0-9]+)+)/metadata\.xml$")


class _Publication:
    def __init__(self, xml: XmlFile) -> None:
        self.xml = xml
        self.root = xml.root
        if local_name(self.root.tag) != "officiele-publicatie":
            raise xml.fail(self.root, f"het hoofdelement is <{local_name(self.root.tag)}>, geen "
                                      "<officiele-publicatie>; dit is geen officiële publicatie van KOOP.")
        self.meta: dict[str, list[tuple[str, ET.Element]]] = {}
        metadata = child(self.root, "metadata")
        for element in (metadata if metadata is not None else []):
            if local_name(element.tag) == "meta" and (element.get("content") or "").strip():
                self.meta.setdefault(element.get("name", "").lower(), []).append(
                    (element.get("content").strip(), element))

    def meta_text(self, name: str) -> str | None:
        values = self.meta.get(name.lower())
        if not values:
            return None
        value, element = values[0]
        return clean_text(value, self.xml, element, f"<meta name=\"{element.get('name')}\">")

    def meta_all(self, name: str) -> list[str]:
        return [value for value, _ in self.meta.get(name.lower(), [])]

    def text(self, element: ET.Element | None, what: str) -> str | None:
        return None if element is None else clean_text(text_of(element), self.xml, element, what)

    def document(self) -> dict:
        kamerstuk = descendant(self.root, "kamerstuk")
        questions = descendant(self.root, "kamervragen", "vragen")
        if questions is None and descendant(self.root, "vraag") is not None:
            questions = self.root
        if kamerstuk is not None:
            return self._kamerstuk(kamerstuk)
        if questions is not None:
            return _QuestionSet(self, questions).document()
        # Recognised, but nothing to import (a Staatsblad, a Gemeenteblad): said, not refused (docs/imports.md).
        # The publication's own element: a Gemeenteblad opens with the blad's <kop> ("GEMEENTEBLAD") before it.
        kind = next((local_name(c.tag) for c in self.root if local_name(c.tag) not in ("metadata", "kop")), None)
        what = f"officiële publicatie <{kind}>" if kind else "officiële publicatie"
        report: dict = {"skipped": {f"{what} zonder <kamerstuk> of <kamervragen> — alleen moties, Kamervragen en "
                                    "antwoorden daarop worden geïmporteerd": 1}}
        if self.xml.warnings:
            report["warnings"] = list(self.xml.warnings)
        return {"format": FORMAT, "report": report}

    # -- what every publication has ------------------------------------------------------------

    def document_number(self, fallback: str | None = None) -> str:
        """The publication's identifier as KOOP writes it ("kst-36600-V-42"; one it cannot read as written)."""
        number = self.meta_text("DC.identifier")
        if not number:
            match = _EXTERN_RECORD.match(self.meta_text("OVERHEIDop.externMetadataRecord") or "")
            number = match.group(2) if match else fallback
        if number:
            found = _publication.parse(number)
            return found.identifier if found else number
        found = _publication.parse(self.xml.path.name)
        if found is not None and found.series in ("kst", "kv", "ah", "h", "blg"):
            return found.identifier
        raise self.xml.fail(child(self.root, "metadata"),
                            "<metadata> geeft geen documentnummer (DC.identifier of OVERHEIDop.externMetadataRecord) "
                            "en de bestandsnaam ook niet (zoals 'kst-32735-395.xml').")

    def url(self, number: str) -> str | None:
        """The publication's page on zoek.officielebekendmakingen.nl: of its identifier, else of the record the
        file names."""
        found = _publication.parse(number)
        if found is not None:
            return found.url
        match = _EXTERN_RECORD.match(self.meta_text("OVERHEIDop.externMetadataRecord") or "")
        return f"{match.group(1)}/{match.group(2)}.html" if match else None

    def publisher(self) -> str | None:
        creator = self.meta_text("DC.creator")
        if creator:
            return creator
        for line in self.root.iter():
            if local_name(line.tag) == "tekstregel" and line.get("inhoud") == "kameraanduiding":
                return self.text(line, "<tekstregel inhoud=\"kameraanduiding\">")
        return None

    def source(self, number: str, title: str, when: str | None) -> dict:
        source = {"id": source_id(number), "kind": SourceKind.PARLIAMENTARY_DOCUMENT.value,
                  "title": f"{title} ({NAME}: {number}, bestand {self.xml.path.name})", "document_number": number}
        return with_present(source, publisher=self.publisher(), date=when, url=self.url(number))

    def finish(self, document: dict) -> dict:
        document = {"format": FORMAT, **document, "people": [], "parties": []}
        owned_elsewhere = _publication.fill_only(_publication.KOOP_FILL_ONLY, document)
        if owned_elsewhere:  # another format's sources of the same item stay linked
            document["fill_only"] = owned_elsewhere
        if self.xml.warnings:
            document["report"] = {"warnings": list(self.xml.warnings)}
        check_schema(document, self.xml.path)  # a parser bug must not reach the dossier
        return document

    # -- a kamerstuk: a motion, or only a source ----------------------------------------------

    def _kamerstuk(self, kamerstuk: ET.Element) -> dict:
        stuk = child(kamerstuk, "stuk")
        if stuk is None:
            raise self.xml.fail(kamerstuk, "<kamerstuk> heeft geen <stuk>, dus geen titel en geen tekst.")
        written = self._numbers(kamerstuk, stuk)
        number = self.document_number(written.identifier if written else None)
        # The identifier is the publication's key: when it names the kamerstuk's numbers, they are its.
        named = _publication.parse(number)
        publication = named if named is not None and named.reference else written
        reference = publication.reference if publication is not None else None
        written_title = self.text(child(stuk, "titel"), "<stuk>/<titel>")
        datum = child(stuk, "datumtekst", "datum")
        when = (iso_date(datum.get("isodatum"), self.xml, datum, "<datum isodatum>") if datum is not None else None) \
            or self.meta_date("DCTERMS.issued") or self.meta_date("DCTERMS.available")

        types = [value.lower() for value in self.meta_all("DC.type")]
        if "motie" not in types and not re.search(r"\bmotie\b", written_title or "", re.I):
            title = self.meta_text("OVERHEIDop.documenttitel") or written_title or number
            self.xml.warnings.append(f"{number} is geen motie ('{title}'); alleen de bron is geïmporteerd.")
            return self.finish({"sources": [self.source(number, title, when)]})

        parts = _motion_parts(self, stuk)
        signatories = parts["signatories"] or self.meta_all("OVERHEIDop.indiener")
        title = self.meta_text("OVERHEIDop.documenttitel") or _undo_capitals(written_title, signatories)
        if not title:
            raise self.xml.fail(stuk, "de motie heeft geen titel (geen OVERHEIDop.documenttitel en geen "
                                      "<stuk>/<titel>).")
        source = self.source(number, title, when)
        motion_id = (named.motion_id if named is not None else None) or str(uuid.uuid5(NAMESPACE, f"{number}/motie"))
        motion = {"id": motion_id, "reference": reference, "title": title}
        if when:
            motion["date"] = when
        if signatories:
            motion["submitters"] = [{"name": signatories[0]}]
            motion["co_submitters"] = [{"name": name} for name in signatories[1:]]
        motion["considerations"] = "\n\n".join(parts["considerations"]) or None
        motion["operative_text"] = "\n\n".join(parts["operative"]) or None
        motion["source_ids"] = [source["id"]]
        return self.finish({"motions": [motion], "sources": [source]})

    def _numbers(self, kamerstuk: ET.Element, stuk: ET.Element) -> _publication.Publication | None:
        """The kamerstuk its numbers make: `<dossiernummer>` (`<dossiernr>` "36 600", a budget chapter in
        `<begrotingshoofdstuk>` "V"), else `OVERHEIDop.dossiernummer` ("36600", "36600-V"; the first of
        "36600;36725"), and `<ondernummer>`, else `OVERHEIDop.ondernummer`; None when one is missing."""
        numbers = child(kamerstuk, "dossier", "dossiernummer")
        dossier = self.text(child(numbers, "dossiernr"), "<dossiernr>") \
            or (self.meta_text("OVERHEIDop.dossiernummer") or "").split(";")[0].strip()
        chapter = self.text(child(numbers, "begrotingshoofdstuk"), "<begrotingshoofdstuk>")
        sub = self.text(child(stuk, "stuknr", "ondernummer"), "<ondernummer>") \
            or self.meta_text("OVERHEIDop.ondernummer")
        match = _DOSSIER_NUMBER.match(dossier or "")
        if not match or not sub:
            return None
        return _publication.kamerstuk(match.group(1), chapter or match.group(2), sub)

    def meta_date(self, name: str) -> str | None:
        values = self.meta.get(name.lower())
        if not values:
            return None
        value, element = values[0]
        return iso_date(value, self.xml, element, f"<meta name=\"{element.get('name')}\">")


_PREAMBLE = re.compile(r"^(de (eerste |tweede )?kamer|gehoord de beraadslaging(en)?)\b[ ,;:.]*$", re.I)
_DICTUM = re.compile(r"^(verzoekt|spreekt\b.*\buit|roept|draagt|besluit|dringt|vraagt|nodigt|keurt|wijst|geeft|"
                     r"zegt|stelt vast|betreurt|veroordeelt)\b", re.I)
_CLOSING = re.compile(r"^en gaat over tot de orde van de dag\b", re.I)


def _paragraphs(publication: _Publication, element: ET.Element) -> list[tuple[str, ET.Element, str]]:
    """(kind, element, text) for each paragraph under `element` in order: kind "al", or "groep" for
    the lines of an <al-groep>; list items keep their number; footnotes are left out."""
    out = []
    for node in element:
        name = local_name(node.tag)
        if name in ("noot", "nr"):
            continue
        if name == "al":
            text = publication.text(node, "<al>")
            if text:
                out.append(("al", node, text))
        elif name == "al-groep":
            for line in children(node, "al"):
                text = publication.text(line, "<al-groep>/<al>")
                if text:
                    out.append(("groep", line, text))
        elif name == "li":
            label = publication.text(child(node, "li.nr"), "<li.nr>")
            body = [text for _, _, text in _paragraphs(publication, node)]
            if body:
                out.append(("al", node, " ".join(filter(None, [label, *body]))))
        else:
            out.extend(_paragraphs(publication, node))
    return out


def _motion_parts(publication: _Publication, stuk: ET.Element) -> dict:
    """Split a motion's text: the preamble ("De Kamer, gehoord de beraadslaging,") is dropped,
    then considerations until the dictum, the dictum until "en gaat over tot de orde van de dag",
    then the signatories. A trailing <al-groep> is taken as signatories when the closing line is missing."""
    body = descendant(stuk, "tekst", "vrije-tekst", "algemeen")
    body = stuk if body is None else body
    paragraphs = _paragraphs(publication, body)
    if not paragraphs:
        raise publication.xml.fail(body, f"<{local_name(body.tag)}> van de motie bevat geen alinea's (<al>).")
    if not any(_CLOSING.match(text) for _, _, text in paragraphs):
        end = len(paragraphs)
        while end and paragraphs[end - 1][0] == "groep":
            end -= 1
        paragraphs = paragraphs[:end] + [("signature", *rest) for _, *rest in paragraphs[end:]]
    considerations, operative, signatories = [], [], []
    state = "preamble"
    for kind, _, text in paragraphs:
        if state == "signatures" or kind == "signature":
            # A signatory can end the sentence: "Bushoff." (kst-36396-7), "Paulusma." (kst-32793-739).
            name = text.rstrip(" .,;:")
            if name:
                signatories.append(name)
        elif _CLOSING.match(text):
            state = "signatures"
        elif state == "preamble" and _PREAMBLE.match(text):
            continue
        elif state != "operative" and _DICTUM.match(text):
            state = "operative"
            operative.append(text)
        elif state == "operative":
            operative.append(text)
        else:
            state = "considerations"
            considerations.append(text)
    if not operative:  # no dictum found: keep the whole text where a reader looks first
        considerations, operative = [], considerations
    return {"considerations": considerations, "operative": operative, "signatories": signatories}


def _undo_capitals(title: str | None, names: list[str]) -> str | None:
    """ "MOTIE VAN DE LEDEN BOSWIJK EN PATERNOTTE" → "Motie van de leden Boswijk en Paternotte":
    lower case, the signatories' names as they sign, a capital first letter."""
    if not title or not title.isupper():
        return title
    text = title.lower()
    surnames = [name.split()[-1] for name in names if name.split()]  # "J.J.T.M. Valize" signs as "Valize"
    for name in sorted({*names, *surnames}, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(name.lower())}(?!\w)", lambda _m, n=name: n, text)
    return text[:1].upper() + text[1:]


# -- Kamervragen and their answers --------------------------------------------------------------

_NUMBERS = r"\d+(?:\s*(?:,|en|t/m|tot\s+en\s+met|-|–)\s*\d+)*"
_QUESTION_NR = re.compile(rf"^Vra(?:ag|gen)\s+({_NUMBERS})\s*[:.]?$", re.I)
_ANSWER_NR = re.compile(rf"^Antwoord(?:en)?(?:\s+op)?(?:\s+vra(?:ag|gen))?\s+({_NUMBERS})\s*[:.]?$", re.I)
_ZAAK = re.compile(r"^\d{4}Z\d{5}$")
_SUBMITTERS = re.compile(
    r"^Vragen van (?:het lid|de leden)\s+(.+?)\s+aan\s+(.+?)\s+over\s+(.+?)\s*\(ingezonden\b", re.I)
_ANSWERERS = re.compile(r"^(?:Antwoord|Mededeling) van\s+(.+?)\s*\((?:ontvangen|ingezonden)\b", re.I)


def _split_names(written: str) -> list[str]:
    """ "Sjoerdsma (D66), Brekelmans (VVD) en Agema (PVV)" → three names: split only after ")"."""
    return [name.strip() for name in re.split(r"(?<=\))\s*(?:,|\ben\b)\s*", written) if name.strip()]


def _split_offices(written: str) -> list[str]:
    """ "Minister X (BZ), mede namens de Minister van Justitie en Veiligheid en de Staatssecretaris …" →
    each office as written, without its article; "en" splits only before "de"/"het"."""
    names = []
    for part in re.split(r",?\s+mede namens\s+|,\s+|\s+en\s+(?=(?:de|het)\s)", written):
        part = re.sub(r"^(?:de|het)\s+", "", part.strip())
        if part:
            names.append(part)
    return names


class _QuestionSet:
    def __init__(self, publication: _Publication, container: ET.Element) -> None:
        self.p = publication
        self.xml = publication.xml
        self.container = container

    def _descriptions(self) -> dict[str, tuple[ET.Element, str]]:
        """The question and answer lines of `kamervraagomschrijving` (type attribute, else the wording)."""
        found: dict[str, tuple[ET.Element, str]] = {}
        for element in self.p.root.iter():
            if local_name(element.tag) not in ("kamervraagomschrijving", "omschr"):
                continue
            text = self.p.text(element, "<kamervraagomschrijving>") or ""
            kind = (element.get("type") or "").lower()
            if kind not in ("vraag", "antwoord", "mededeling"):
                kind = ("vraag" if re.match(r"vragen\b", text, re.I) or "(ingezonden" in text else
                        "antwoord" if re.match(r"antwoord\b", text, re.I) else
                        "mededeling" if re.match(r"mededeling\b", text, re.I) else "")
            if kind and kind not in found:
                found[kind] = (element, text)
        return found

    def _postponement(self, notice: tuple[ET.Element, str] | None) -> dict:
        """An Aanhangsel that only says the answers come later (a `kamervraagopmerking`, "Mededeling van
        Minister …"): recognised, and nothing to import (docs/imports.md); the questions come with the
        Kamervragen, the answers with the Aanhangsel that gives them."""
        remark = self.p.text(descendant(self.container, "kamervraagopmerking"), "<kamervraagopmerking>")
        said = notice[1] if notice else None
        report: dict = {"skipped": {"uitstelbericht (de mededeling dat de vragen niet op tijd worden beantwoord) — "
                                    "het bevat geen vragen of antwoorden": 1},
                        "warnings": [f"{self.p.document_number(self.xml.path.stem)} is een uitstelbericht"
                                     + (f" ({said})" if said else "") + (f": '{remark}'" if remark else "")
                                     + "; importeer de vragen zelf en later het antwoord."] + self.xml.warnings}
        return {"format": FORMAT, "report": report}

    def _date(self, description: tuple[ET.Element, str] | None) -> str | None:
        if description is None:
            return None
        datum = descendant(description[0], "datum")
        if datum is None:
            return None
        if datum.get("isodatum"):
            return iso_date(datum.get("isodatum"), self.xml, datum, "<kamervraagomschrijving>/<datum isodatum>")
        written = self.p.text(datum, "<datum>") or ""
        match = re.fullmatch(r"(\d{1,2})\s+([a-z]+)\s+(\d{4})", written.lower())
        month = question_text.MONTHS.get(match.group(2)) if match else None
        try:
            return date(int(match.group(3)), month, int(match.group(1))).isoformat() if month else None
        except ValueError:
            raise self.xml.fail(datum, f"<datum>: '{written}' is geen bestaande datum.") from None

    def document(self) -> dict:
        descriptions = self._descriptions()
        asked, answered = descriptions.get("vraag"), descriptions.get("antwoord")
        if descendant(self.container, "vraag", "antwoord") is None and (
                "mededeling" in descriptions or descendant(self.container, "kamervraagopmerking") is not None):
            return self._postponement(descriptions.get("mededeling"))
        zaak = self.p.meta_text("OVERHEIDop.vraagnummer") or self.p.text(
            descendant(self.p.root, "kamervraagnummer"), "<kamervraagnummer>")
        zaak = zaak if zaak and _ZAAK.match(zaak) else None
        number = self.p.document_number(f"kv-tk-{zaak}" if zaak and answered is None else None)
        if not zaak:  # "kv-tk-2023Z00815" names its Zaak
            found = _publication.parse(number)
            zaak = found.zaak if found else None
        submitted_on, answered_on = self._date(asked), self._date(answered)
        if submitted_on and answered_on and answered_on < submitted_on:
            raise self.xml.fail(answered[0], f"<kamervraagomschrijving>: de datum van het antwoord ({answered_on}) "
                                             f"ligt vóór die van de vragen ({submitted_on}).")
        asked_match = _SUBMITTERS.match(asked[1]) if asked else None
        answer_match = _ANSWERERS.match(answered[1]) if answered else None

        subject = self.p.text(descendant(self.p.root, "kamervraagonderwerp"), "<kamervraagonderwerp>") \
            or (asked_match.group(3) if asked_match else None)
        document_title = self.p.meta_text("OVERHEIDop.documenttitel") or self.p.meta_text("DC.title") \
            or (answered or asked or (None, None))[1]
        if not subject and document_title:
            over = re.search(r"\bover\s+(.+?)\s*(?:\((?:ingezonden|ontvangen)\b.*)?\.?$", document_title)
            subject = over.group(1) if over else None
        title = (subject[:1].upper() + subject[1:]) if subject else (document_title or f"Kamervragen {zaak or number}")

        submitters = self.p.meta_all("OVERHEIDop.indiener") \
            or (_split_names(asked_match.group(1)) if asked_match else [])
        addressees = (_split_offices(answer_match.group(1)) if answer_match else
                      _split_offices(asked_match.group(2)) if asked_match else [])

        when = self.p.meta_date("DCTERMS.issued") or self.p.meta_date("DCTERMS.available") \
            or answered_on or submitted_on
        source = self.p.source(number, document_title or title, when)
        key = zaak or number
        # Keyed like the plain-text format's sets, so one Zaak is one set whichever form came in.
        set_id = _publication.question_set_id(zaak) if zaak else str(uuid.uuid5(NAMESPACE, f"{number}/vragenset"))
        question_set: dict = {"id": set_id, "reference": key, "title": title,
                              "kind": QuestionSetKind.PARLIAMENTARY_QUESTIONS.value}
        if submitted_on:
            question_set["submitted_on"] = submitted_on
        if answered_on:
            question_set["answered_on"] = answered_on
        if submitters:
            question_set["submitters"] = [{"name": name} for name in submitters]
        if addressees:
            question_set["addressees"] = [{"name": name} for name in addressees]
        question_set["questions"] = self._questions()
        question_set["source_ids"] = [source["id"]]
        return self.p.finish({"question_sets": [question_set], "sources": [source]})

    def _numbered(self, element: ET.Element, pattern: re.Pattern, what: str) -> tuple[str | None, list[int] | None,
                                                                                       list[str]]:
        """(label as written, its numbers, the paragraphs) of a <vraag> or <antwoord>. The label is its
        <nr>, or in older files a first <al> "Vraag 1"."""
        paragraphs = [text for _, _, text in _paragraphs(self.p, element)]
        label = self.p.text(child(element, "nr"), f"<{what}>/<nr>")
        if label is None and paragraphs and pattern.match(paragraphs[0]):
            label, paragraphs = paragraphs[0], paragraphs[1:]
        if label is None:
            return None, None, paragraphs
        match = pattern.match(label)
        try:
            numbers = question_text.question_numbers(match.group(1)) if match else None
        except ValueError:
            numbers = None
        if numbers is None:
            example = "'Vraag 1' of 'Vragen 2 en 3'" if what == "vraag" else "'Antwoord 1' of 'Antwoord 2 en 3'"
            raise self.xml.fail(element, f"<{what}> heeft als nummer '{label}'; verwacht {example}.")
        return label, numbers, paragraphs

    def _questions(self) -> list[dict]:
        questions: dict[int, dict] = {}
        labels: dict[int, str] = {}
        answered_by: dict[int, str] = {}
        last: list[int] = []
        for element in self.container.iter():
            name = local_name(element.tag)
            if name == "vraag":
                label, numbers, paragraphs = self._numbered(element, _QUESTION_NR, "vraag")
                if label is None:
                    raise self.xml.fail(element, "<vraag> heeft geen <nr> zoals 'Vraag 1'.")
                if not paragraphs:
                    raise self.xml.fail(element, f"<vraag> '{label}' bevat geen tekst.")
                texts = paragraphs if len(numbers) > 1 and len(paragraphs) == len(numbers) else \
                    ["\n\n".join(paragraphs)] * len(numbers)
                for number, text in zip(numbers, texts):
                    if number in questions:
                        raise self.xml.fail(element, f"<vraag> '{label}': vraag {number} staat er al als "
                                                     f"'{labels[number]}'.")
                    questions[number] = {"number": number, "question": text, "answer": None, "answered_with": None}
                    labels[number] = label
                last = numbers
            elif name == "antwoord":
                label, numbers, paragraphs = self._numbered(element, _ANSWER_NR, "antwoord")
                if numbers is None:  # no <nr>: it answers the question just above it
                    numbers = last
                    label = f"het antwoord na '{labels[last[0]]}'" if last else None
                if not numbers:
                    raise self.xml.fail(element, "<antwoord> staat vóór elke <vraag> en heeft geen <nr> zoals "
                                                 "'Antwoord 1'.")
                if not paragraphs:
                    raise self.xml.fail(element, f"<antwoord> '{label}' bevat geen tekst.")
                for number in numbers:
                    if number not in questions:
                        raise self.xml.fail(element, f"<antwoord> '{label}' noemt vraag {number}, maar er is geen "
                                                     "<vraag> met dat nummer.")
                    if number in answered_by:
                        raise self.xml.fail(element, f"<antwoord> '{label}': vraag {number} is al beantwoord in "
                                                     f"'{answered_by[number]}'.")
                    answered_by[number] = label
                first, *others = sorted(set(numbers))
                questions[first]["answer"] = "\n\n".join(paragraphs)
                for number in others:
                    questions[number]["answered_with"] = first
        if not questions:
            raise self.xml.fail(self.container, f"<{local_name(self.container.tag)}> bevat geen enkele <vraag>.")
        return [questions[n] for n in sorted(questions)]


# -- the format ---------------------------------------------------------------------------------

def parse_publication(xml: XmlFile) -> dict:
    """An interchange document from a parsed `<officiele-publicatie>`; InvalidInput naming the element."""
    return _Publication(xml).document()


def read_koop_xml(path: Path) -> dict:
    """Read a KOOP publication file into an interchange document (checked against the schema).

    Raises InvalidInput(path, "…") for unsafe, broken or unreadable files; writes nothing.
    Pure function: any thread may call it.
    """
    return parse_publication(read_xml(path))


def _detect(path: Path, head: bytes) -> bool:
    return b"<officiele-publicatie" in head


FORMAT_SPEC = register(ImportFormat(
    name=NAME,
    description="Officiële publicatie van KOOP (motie, Kamervragen of antwoorden, XML)",
    suffixes=(".xml",),
    detect=_detect,
    read=read_koop_xml,
    priority=20,
))
