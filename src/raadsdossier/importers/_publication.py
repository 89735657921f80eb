"""One official publication across formats: its identifier ("kst-36600-V-42") gives one id, reference, source, page.

KOOP names each publication on zoek.officielebekendmakingen.nl by an identifier: the series, then its
parts, joined by hyphens.

    kst-36600-V-42      Kamerstuk: dossier 36 600, the dossier's addition V (a budget chapter: V,
                        XII, IIA, B; or a sub-dossier: 21 501-20 → kst-21501-20-1234), number 42
                        (in the Eerste Kamer a letter: kst-36600-B-K). The last part is the number,
                        whatever stands between it and the dossier is the addition.
    kst-26643-1344      the same without an addition.
    kst-…-42-h1         a reprint (herdruk, -h1; -n1): its own publication and source, the same motion.
    kv-tk-2023Z00815    Kamervragen: the Zaak number of the questions.
    ah-tk-20212022-3578 Aanhangsel der Handelingen (the answers); h-tk-… Handelingen; blg-… a bijlage;
                        stb-, stcrt-, gmb-, … other series: identifier, source and address only.

The identifier is read in any case, with or without ".xml"/".html"/".pdf" and with or without the
address in front of it; `identifier` is then the form KOOP writes (series in lower case, the rest in
upper case: "kst-36600-V-42", "kv-tk-2023Z00815"; a reprint's "-h1" in lower case).

Ids stay what koop_xml gave them from the start (uuid5 of NAMESPACE): a motion "<identifier>/motie"
(a reprint: of the identifier it reprints), a source "<identifier>/bron". The Tweede Kamer's Zaak
(tk_odata) names the same identifier in its documents, so KOOP XML, an SRU record and the Zaak of one
publication are one source, and the motion it publishes one motion. A question set stays keyed by its Zaak
number (question_text's NAMESPACE), which a kv-tk identifier carries.

Pure functions without Qt: any thread may call them.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from raadsdossier.importers import question_text

# Fixed for good (koop_xml's since its first release): ids derived from it make a second import of the
# same publication, in any format that names it, update the first.
NAMESPACE = uuid.UUID("b3494f7b-d0e8-4ecb-9d05-73c261c9afdd")
ADDRESS = "https://zoek.officielebekendmakingen.nl/{}.html"

# Who owns which field of one publication's items (docs/imports.md): the publication (KOOP XML) owns its
# text; the Zaak (tk-odata) owns what the publication does not say (pre-advice, outcome, votes). A format
# lists the fields it does not own as the document's `fill_only` (written only where the dossier's item has
# none; `source_ids` added to the item's), so that importing the formats in any order, again, changes nothing.
KOOP_FILL_ONLY = {"motions": ("source_ids",), "question_sets": ("source_ids",)}
ZAAK_FILL_ONLY = {"motions": ("reference", "title", "date", "source_ids"),
                  "question_sets": ("reference", "title", "submitted_on", "source_ids"),
                  "sources": ("title", "date", "url", "publisher", "document_number")}
SEARCH_FILL_ONLY = {"sources": ("title", "date", "url", "publisher", "document_number")}

KAMERSTUK, QUESTIONS, ANSWERS = "kst", "kv", "ah"
_CHAMBERS = ("tk", "ek", "vv")  # kv-tk, ah-ek, h-vv: the series names its chamber

_PART = r"[0-9a-z()]+"
_IDENTIFIER = re.compile(rf"^([a-z]+)((?:-{_PART})+)$")
_ADDRESS = re.compile(r"^(?:https?://)?zoek\.officielebekendmakingen\.nl/(?:dossier/)?", re.I)
_SUFFIX = re.compile(r"(?:/metadata\.xml|\.(?:xml|html?|pdf|odt))$", re.I)
_REPRINT = re.compile(r"^[hn]\d+$")
_ZAAK = re.compile(r"^\d{4}Z\d{5}$")
_DOSSIER = re.compile(r"^\d+$")


@dataclass(frozen=True)
class Publication:
    """An official publication by its identifier; for a kamerstuk also dossier, addition and number."""

    identifier: str  # "kst-36600-V-42", as KOOP writes it
    series: str  # "kst", "kv", "ah", "h", "blg", "stb", … (without the chamber)
    dossier: str | None = None  # a kamerstuk's dossier number without spaces: "36600"
    addition: str | None = None  # a kamerstuk's budget chapter or sub-dossier: "V", "XII", "20"; None without
    number: str | None = None  # a kamerstuk's number within the dossier (ondernummer): "42", "K"
    reprint: str | None = None  # "h1" for a reprint
    zaak: str | None = None  # Kamervragen: the Zaak number "2023Z00815"

    @property
    def reference(self) -> str | None:
        """How a reader cites it: a kamerstuk "36600-V-42" (the chapter kept: two budget chapters can
        have a motion of the same number), Kamervragen their Zaak number; None for other series."""
        if self.series == KAMERSTUK and self.dossier and self.number:
            return "-".join(filter(None, (self.dossier, self.addition, self.number)))
        return self.zaak

    @property
    def url(self) -> str:
        """The publication's public page."""
        return ADDRESS.format(self.identifier)

    @property
    def source_id(self) -> str:
        """The id of the source for this publication, the same in every format that names it."""
        return source_id(self.identifier)

    @property
    def motion_id(self) -> str | None:
        """The id of the motion a kamerstuk publishes (a reprint: the motion it reprints); None for another
        series. Whether the kamerstuk is a motion is for the format to say."""
        if self.series != KAMERSTUK:
            return None
        original = self.identifier[: -len(self.reprint) - 1] if self.reprint else self.identifier
        return str(uuid.uuid5(NAMESPACE, f"{original}/motie"))

    @property
    def question_set_id(self) -> str | None:
        """The id of the question set of Kamervragen (keyed by their Zaak, as question_text and tk_odata key
        it); None when the identifier names no Zaak."""
        return question_set_id(self.zaak) if self.zaak else None


def fill_only(owned_elsewhere: dict[str, tuple[str, ...]], document: dict) -> dict[str, list[str]]:
    """The `fill_only` of `document`: of `owned_elsewhere`, the lists the document has."""
    return {key: list(names) for key, names in owned_elsewhere.items() if document.get(key)}


def source_id(identifier: str) -> str:
    """The source id for a publication identifier, normalised when it is one (a name that is not, such as
    a record's own number, is used as given)."""
    found = parse(identifier)
    return str(uuid.uuid5(NAMESPACE, f"{found.identifier if found else identifier.strip()}/bron"))


def question_set_id(zaak: str) -> str:
    """The id of the question set of the Zaak "2022Z11774", whichever format read it."""
    return str(uuid.uuid5(question_text.NAMESPACE, f"{zaak}/vragenset"))


def parse(text: str | None) -> Publication | None:
    """The publication `text` names ("kst-36600-V-42", "KST-36600-v-42.xml", its address on
    zoek.officielebekendmakingen.nl); None when it names none."""
    if not isinstance(text, str):
        return None
    plain = _SUFFIX.sub("", _ADDRESS.sub("", text.strip())).lower()
    match = _IDENTIFIER.match(plain)
    if match is None:
        return None
    series, parts = match.group(1), match.group(2).split("-")[1:]
    prefix = series
    if series in (QUESTIONS, ANSWERS, "h") and parts and parts[0] in _CHAMBERS:
        prefix = f"{series}-{parts.pop(0)}"
    if not parts:
        return None
    reprint = parts.pop() if series == KAMERSTUK and len(parts) >= 3 and _REPRINT.match(parts[-1]) else None
    parts = [part.upper() for part in parts]
    identifier = "-".join([prefix, *parts] + ([reprint] if reprint else []))
    if series == KAMERSTUK and len(parts) >= 2 and _DOSSIER.match(parts[0]):
        return Publication(identifier, series, dossier=parts[0], addition="-".join(parts[1:-1]) or None,
                           number=parts[-1], reprint=reprint)
    if series == QUESTIONS and len(parts) == 1 and _ZAAK.match(parts[0]):
        return Publication(identifier, series, zaak=parts[0])
    return Publication(identifier, series)


def kamerstuk(dossier: str, addition: str | None, number: str | int) -> Publication | None:
    """The kamerstuk numbered `number` in dossier `dossier` ("36 600", or "36600-V" with its addition) with
    the addition `addition` ("V", "xii", None); None when these do not make a kamerstuk's identifier."""
    dossier = re.sub(r"\s+", "", str(dossier))
    addition = re.sub(r"\s+", "", addition) if addition else ""
    found = parse("-".join(filter(None, ("kst", dossier, addition, str(number).strip()))))
    return found if found is not None and found.number is not None else None


# -- where the Tweede Kamer's OData names it ------------------------------------------------------------

def of_document(document: dict) -> Publication | None:
    """The publication of an OData `Document` with its `HuidigeDocumentVersie` expanded: the version's
    `DocumentPublicatie[].Identifier`, else its `ExterneIdentifier`; None when neither names one."""
    version = document.get("HuidigeDocumentVersie") if isinstance(document.get("HuidigeDocumentVersie"), dict) else {}
    names = [p.get("Identifier") for p in version.get("DocumentPublicatie") or []
             if isinstance(p, dict) and not p.get("Verwijderd")]
    names.append(version.get("ExterneIdentifier"))
    return next((found for name in names if (found := parse(name)) is not None), None)


def of_zaak(zaak: dict) -> Publication | None:
    """The kamerstuk that publishes a motion's `Zaak`, from what the record has expanded; None when it does
    not say (the caller then keys the motion by its Zaak).

    - `Document` expanded: the kamerstuk of the document numbered like the Zaak (`Volgnummer` is the
      motion's number in its dossier), else of the one document of Soort "Motie…" that names a kamerstuk.
      Other documents (a letter on the motion, a changed motion with a number of its own) do not decide.
    - else `Kamerstukdossier` expanded (one dossier: `Nummer`, `Toevoeging`) with the Zaak's `Volgnummer`.

    The vote part calls this with a Zaak expanded under a Besluit: a Stemming page asked with
    `Zaak($expand=Kamerstukdossier)` (or its documents) puts the votes on the motion KOOP XML made.
    """
    volgnummer = zaak.get("Volgnummer")
    volgnummer = str(volgnummer) if isinstance(volgnummer, int) and not isinstance(volgnummer, bool) \
        and volgnummer > 0 else None
    documents = [d for d in zaak.get("Document") or [] if isinstance(d, dict) and not d.get("Verwijderd")]
    found = [(d, p) for d in documents if (p := of_document(d)) is not None and p.series == KAMERSTUK and p.number]
    numbered = [p for _d, p in found if volgnummer and p.number == volgnummer]
    if numbered:
        return numbered[0]
    motions = {p.identifier: p for d, p in found if str(d.get("Soort") or "").strip().lower().startswith("motie")}
    if len(motions) == 1:
        return next(iter(motions.values()))
    if found:
        return None  # documents name other kamerstukken, or several motions: the Zaak does not say which
    dossiers = zaak.get("Kamerstukdossier")
    dossiers = [dossiers] if isinstance(dossiers, dict) else dossiers if isinstance(dossiers, list) else []
    dossiers = [d for d in dossiers if isinstance(d, dict) and not d.get("Verwijderd") and d.get("Nummer")]
    if len(dossiers) == 1 and volgnummer:
        toevoeging = dossiers[0].get("Toevoeging")
        return kamerstuk(str(dossiers[0]["Nummer"]), toevoeging if isinstance(toevoeging, str) else None, volgnummer)
    return None
