"""iBabs SOAP answers (a motion from `GetListEntry`, member votes from `GetListEntryVotes…`) as an import format.

Two answers are read, each from its own file:

`GetListEntryResponse` — one entry of a council's motions list. Its `Values` are key/value
pairs whose keys the council chose (Utrecht: ID, Kenmerk, Agendapunt, Datum, Onderwerp,
Status, Indiener(s), Mede-indieners, Portefeuillehouder, …); `Documents` are the PDFs with a
public download address. It becomes one motion:

    (the keys in any case; "Titel" for "Onderwerp", "Datum motie" or "Datum indiening" for
    "Datum", "Indieners" or "Indiener", "Mede-indiener(s)" or "Medeondertekenaars", as other
    councils' lists name them)
    Onderwerp "M25 Vergroen …"     reference "M25", title "Vergroen …" (a leading motion
                                   number is split off; without one the subject is the title)
    Datum "Jan 29 2026 12:00AM"    date 2026-01-29 (iBabs writes dates as SQL Server's
                                   "mon dd yyyy hh:miAM"; ISO dates are read as well)
    Status "Motie verworpen"       status rejected (aangenomen → adopted, verworpen or niet
                                   aangenomen → rejected, ingetrokken → withdrawn,
                                   aangehouden → held, ingediend → submitted; other wording
                                   leaves the status alone)
    Indiener(s), Mede-indieners    submitters and co-submitters: people, ";"-separated as
                                   "Passier, C.E. (Charlotte) (Volt)". The person is named
                                   "Charlotte Passier" (call name, any "van"/"de", surname;
                                   the initials when there is no call name), keeps the string
                                   as written in its description, and belongs to the party
                                   in the last parentheses (parties are created by name).
    every other non-empty value    a line "Key: value" in follow_up (shown as "Uitvoering"),
                                   in the order of the file: Agendapunt, Status,
                                   Portefeuillehouder, … — nothing the file says is dropped.
    Documents                      one source each (title, public download address);
                                   a document marked Confidential becomes a confidential source.

The motion's id is a uuid5 of the entry's "ID" value (of its subject and date when a list
has no "ID"), so importing the same answer again updates the motion.

`GetListEntryVotesByListEntryIdResponse` — how each member voted: {EntryId, GroupName,
UserName "Passier, Charlotte", Vote true/false}. The members become people ("Charlotte
Passier", the same person as the submitter above) in their party (GroupName).

Why the votes do not land on the motion by themselves: the two answers share no key. The
votes name their entry only by its EntryId (a GUID, the parameter of the request), and the
entry answer does not contain that GUID at all — only its numeric "ID" — while a motion in
the interchange cannot be written without its title, which the votes file does not have. So
the votes file becomes one *unassigned vote* (roll call, one choice per member, its id a
uuid5 of the EntryId) that the user assigns to the motion once, with `raadsdossier
assign-vote` or in the window (the import says so in a warning). Both files can be imported
together in either order, or apart; importing either again updates what it made.

Sources: the entry answer, the votes answer and each document are sources; every item links
the source(s) it was read from, titled like "iBabs-lijstitem 7381 (ibabs, bestand x.xml)".

XML is parsed with defusedxml (no DTD, no entities, nothing fetched); files over 50 MB are
refused. Anything else that is wrong raises InvalidInput naming the file and the element.
"""

from __future__ import annotations

import re
import uuid
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from raadsdossier.domain.enums import Confidentiality, PersonRole, SourceKind, VoteChoice, VoteKind
from raadsdossier.domain.errors import InvalidInput
from raadsdossier.importers import ImportFormat, register
from raadsdossier.importers._common import motion_status
from raadsdossier.importers._xml import not_utf8
from raadsdossier.interchange import FORMAT
from raadsdossier.interchange.load import check_schema
from raadsdossier.storage.files import read_bytes

NAME = "ibabs"
# Fixed for good: ids derived from it make a second import of the same answer update the first.
NAMESPACE = uuid.UUID("0d5b7c8e-2f4a-5b61-9e3c-7a1d4f6b8c20")
MAX_BYTES = 50 * 1024 * 1024

ENTRY = "GetListEntryResponse"
VOTES = "GetListEntryVotesByListEntryIdResponse"

MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_IBABS_DATE = re.compile(r"^([A-Za-z]{3})\s+(\d{1,2})\s+(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?\s*[AaPp][Mm])?$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+)?$")
# Only "M25": an "A2" in a subject is as likely a motorway as an amendment number.
_REFERENCE = re.compile(r"^\s*(M\s?\d+[a-zA-Z]?)\s+(?:[-–:]\s*)?(\S.*)$")
_PARENS = re.compile(r"\(([^()]*)\)")
_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.)+$|^[A-Z]$")
_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")

# The keys of a list entry's Values come from each council's own list template: the same field is "Onderwerp"
# in Utrecht and "Titel" elsewhere, "Datum" or "Datum motie". Each field is read from the first of its spellings
# that has a value, compared without case and surrounding spaces; the value given a field of its own is not
# repeated in follow_up, every other one (also a second spelling) goes there as "Key: value".
_TITLE_KEYS = ("Onderwerp", "Titel")
_DATE_KEYS = ("Datum", "Datum motie", "Datum indiening")
_SUBMITTER_KEYS = ("Indiener(s)", "Indieners", "Indiener")
_CO_SUBMITTER_KEYS = ("Mede-indieners", "Mede-indiener(s)", "Medeindieners", "Medeondertekenaars",
                      "Mede-ondertekenaars")


# What expat's messages mean, for the user.
_EXPAT_PROBLEMS = {
    "no element found": "het bestand houdt halverwege op",
    "unclosed token": "het bestand houdt halverwege een element op",
    "mismatched tag": "een sluitlabel hoort niet bij het openingslabel ervoor",
    "not well-formed": "hier staat een teken dat in XML niet mag",
    "junk after document element": "na het hoofdelement staat nog meer",
    "syntax error": "hier begint geen XML",
    "reference to invalid character number": "hier verwijst &#…; naar een teken dat in XML niet mag (een stuurteken "
                                             "of een half teken)",
    "unbound prefix": "een element of attribuut gebruikt een voorvoegsel (prefix:) dat nergens met xmlns: is "
                      "vastgelegd",
}


def _make_id(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "ibabs/" + "/".join(parts)))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child(element: Element, name: str) -> Element | None:
    return next((c for c in element if _local(c.tag) == name), None)


def _children(element: Element, name: str) -> list[Element]:
    return [c for c in element if _local(c.tag) == name]


def _text(element: Element | None, name: str | None = None) -> str:
    if element is not None and name is not None:
        element = _child(element, name)
    return (element.text or "").strip() if element is not None else ""


# -- reading the file ------------------------------------------------------------------------

def _load(path: Path) -> Element:
    data = read_bytes(path, MAX_BYTES, "iBabs-antwoorden")
    if not data.strip():
        raise InvalidInput(path, "het bestand is leeg; verwacht een iBabs-antwoord in XML.")
    try:
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise InvalidInput(path, "het XML bevat een DTD of entiteiten; die worden om veiligheidsredenen "
                                 "niet gelezen, en een iBabs-antwoord heeft ze niet.") from None
    except ParseError as exc:
        line, column = exc.position
        bad = not_utf8(data) if "invalid token" in str(exc) else None
        if bad and bad[0] <= line:  # the byte expat stopped at, or one before it
            raise InvalidInput(path, f"geen geldige XML (regel {bad[0]}): {bad[1]}.") from None
        problem = next((dutch for english, dutch in _EXPAT_PROBLEMS.items() if english in str(exc)),
                       "de XML is niet welgevormd")
        raise InvalidInput(path, f"geen geldige XML (regel {line}, kolom {column}): {problem}.") from None


def _result(path: Path, root: Element) -> tuple[str, Element]:
    """The operation's name and its `…Result` element; InvalidInput for any other document."""
    body = _child(root, "Body") if _local(root.tag) == "Envelope" else None
    if body is None:
        raise InvalidInput(path, f"het hoofdelement is <{_local(root.tag)}>, geen SOAP-<Envelope> met een <Body>; "
                                 "dit is geen iBabs-antwoord.")
    fault = _child(body, "Fault")
    if fault is not None:
        reason = _text(fault, "faultstring") or " ".join(t.strip() for t in fault.itertext() if t.strip())
        raise InvalidInput(path, f"het iBabs-antwoord is een SOAP-fout: {reason or 'zonder omschrijving'}.")
    response = next(iter(body), None)
    if response is None or _local(response.tag) not in (ENTRY, VOTES):
        found = f"<{_local(response.tag)}>" if response is not None else "niets"
        raise InvalidInput(path, f"de <Body> bevat {found}; verwacht <{ENTRY}> of <{VOTES}>.")
    name = _local(response.tag)
    result = _child(response, name.removesuffix("Response") + "Result")
    if result is None:
        raise InvalidInput(path, f"<{name}> bevat geen <{name.removesuffix('Response')}Result>.")
    status = _text(result, "Status")
    if status and status.upper() != "OK":
        message = _text(result, "Message")
        raise InvalidInput(path, f"iBabs meldt status '{status}'" + (f": {message}." if message else "."))
    return name, result


def _source(source_id: str, title: str, *, publisher: str | None = None, when: str | None = None,
            url: str | None = None, confidential: bool = False) -> dict:
    source = {"id": source_id, "kind": SourceKind.OTHER.value, "title": title}
    if publisher:
        source["publisher"] = publisher
    if when:
        source["date"] = when
    if url:
        source["url"] = url
    if confidential:
        source["confidentiality"] = Confidentiality.CONFIDENTIAL.value
    return source


# -- names -----------------------------------------------------------------------------------

def readable_name(written: str) -> tuple[str, str | None]:
    """ "Passier, C.E. (Charlotte) (Volt)" → ("Charlotte Passier", "Volt");
    "Heuven, M. van (Maarten) (PvdD)" → ("Maarten van Heuven", "PvdD");
    "Heuven, Maarten van" (a voter's UserName) → ("Maarten van Heuven", None).

    The last parentheses hold the party, the ones before them the call name; with a single
    pair they are taken as the party, as iBabs writes them. Without a comma the name is kept.
    """
    groups = _PARENS.findall(written)
    party = (groups[-1].strip() or None) if groups else None
    call_name = groups[-2].strip() if len(groups) >= 2 else None
    plain = re.sub(r"\s+", " ", _PARENS.sub(" ", written)).strip().strip(",").strip()
    if "," not in plain:
        return plain, party
    surname, _, rest = (part.strip() for part in plain.partition(","))
    tokens = rest.split()
    initials = [t for t in tokens if _INITIALS.match(t)]
    others = [t for t in tokens if not _INITIALS.match(t)]
    if call_name:
        first = [call_name]
        prefix = others
    elif initials:
        first = ["".join(initials)]
        prefix = others
    else:  # "Maarten van": given names, then the prefix that belongs to the surname
        first, prefix = others[:1], others[1:]
    name = " ".join([*first, *prefix, surname]).strip()
    return name or written.strip(), party


def _person_id(name: str) -> str:
    return _make_id("persoon", name.casefold())


def _party_id(name: str) -> str:
    return _make_id("partij", name.casefold())


class _People:
    """People and parties of one document, each once, in the order first met."""

    def __init__(self, source_id: str) -> None:
        self.source_id = source_id
        self.people: dict[str, dict] = {}
        self.parties: dict[str, dict] = {}

    def party(self, name: str) -> str:
        party_id = _party_id(name)
        self.parties.setdefault(party_id, {"id": party_id, "name": name, "source_ids": [self.source_id]})
        return party_id

    def person(self, name: str, party: str | None, description: str | None = None) -> str:
        person_id = _person_id(name)
        if person_id not in self.people:
            person = {"id": person_id, "name": name, "role": PersonRole.MEMBER.value}
            if party:
                person["party_id"] = self.party(party)
            if description:
                person["description"] = description
            person["source_ids"] = [self.source_id]
            self.people[person_id] = person
        return person_id


# -- the motion ------------------------------------------------------------------------------

def parse_ibabs_date(value: str) -> date | None:
    """ "Jan 29 2026 12:00AM" or "2026-01-29" → date; None when it is neither."""
    value = value.strip()
    match = _IBABS_DATE.match(value)
    try:
        if match and match.group(1).lower() in MONTHS:
            return date(int(match.group(3)), MONTHS[match.group(1).lower()], int(match.group(2)))
        match = _ISO_DATE.match(value)
        if match:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return None


def _values(path: Path, result: Element) -> list[tuple[str, str]]:
    values = _child(result, "Values")
    if values is None:
        raise InvalidInput(path, f"<{ENTRY}> bevat geen <Values> met de velden van de motie.")
    pairs = []
    for number, pair in enumerate(values, start=1):
        key_element = _child(pair, "Key")
        if _local(pair.tag) != "KeyValueOfstringstring" or key_element is None:
            raise InvalidInput(path, f"<Values>, veld {number}: <{_local(pair.tag)}> is geen sleutel-waardepaar "
                                     "met een <Key>.")
        # iBabs escapes line breaks inside values as a literal backslash-n.
        pairs.append((_text(key_element), _text(pair, "Value").replace("\\n", "\n")))
    return pairs


def _split_actors(path: Path, key: str, value: str) -> list[str]:
    names = [part.strip() for part in value.split(";") if part.strip()]
    for name in names:
        if name.count("(") != name.count(")"):
            raise InvalidInput(path, f"<Values> '{key}': in '{name}' sluiten de haakjes niet; verwacht "
                                     "'Naam, V. (Roepnaam) (Partij)'.")
    return names


def _entry_document(path: Path, result: Element) -> dict:
    pairs = _values(path, result)
    values: dict[str, str] = {}
    for key, value in pairs:
        if key in values and values[key] != value:
            raise InvalidInput(path, f"<Values>: het veld '{key}' staat twee keer in het antwoord, met "
                                     "verschillende waarden.")
        values[key] = value
    used = {"id"}  # casefolded keys read into a field of their own

    def pick(names: tuple[str, ...]) -> str | None:
        """The first of `names` (any case) with a value in this entry; None when none has one."""
        for name in (name.casefold() for name in names):
            found = next((k for k, v in values.items() if k.strip().casefold() == name and v.strip()), None)
            if found is not None:
                used.add(found.casefold())
                return found
        return None

    title_key = pick(_TITLE_KEYS)
    subject = values[title_key] if title_key else ""
    if not subject:
        raise InvalidInput(path, "<Values>: het veld 'Onderwerp' of 'Titel' (de titel van de motie) ontbreekt of is "
                                 "leeg.")
    when = None
    date_key = pick(_DATE_KEYS)
    if date_key:
        parsed = parse_ibabs_date(values[date_key])
        if parsed is None:
            raise InvalidInput(path, f"<Values> '{date_key}': '{values[date_key]}' is geen datum zoals iBabs die "
                                     "schrijft ('Jan 29 2026 12:00AM').")
        when = parsed.isoformat()

    entry_number = values.get("ID") or None
    key = f"lijstitem/{entry_number}" if entry_number else f"lijstitem-zonder-id/{subject}/{when or ''}"
    container = _child(result, "Documents")
    documents = _children(container, "iBabsDocument") if container is not None else []
    site = _site(documents)
    publisher = f"iBabs {site}" if site else "iBabs"
    label = f"iBabs-lijstitem {entry_number}" if entry_number else f"iBabs-lijstitem '{subject}'"
    entry_source = _source(_make_id("bron", key), f"{label} ({NAME}, bestand {path.name})",
                           publisher=publisher, when=when)
    sources = [entry_source]
    for number, document in enumerate(documents, start=1):
        sources.append(_document_source(path, number, document, publisher, when))

    people = _People(entry_source["id"])
    actors: dict[str, list[dict]] = {}
    for field, keys in (("submitters", _SUBMITTER_KEYS), ("co_submitters", _CO_SUBMITTER_KEYS)):
        key_used = pick(keys)
        if key_used is None:
            continue
        for written in _split_actors(path, key_used, values[key_used]):
            name, party = readable_name(written)
            actors.setdefault(field, []).append({"person": people.person(name, party, description=written)})

    reference, title = None, subject
    match = _REFERENCE.match(subject)
    if match:
        reference, title = match.group(1).replace(" ", ""), match.group(2).strip()
    motion: dict = {"id": _make_id("motie", key)}
    if reference:
        motion["reference"] = reference
    motion["title"] = title
    if when:
        motion["date"] = when
    status = motion_status(values.get("Status", ""))
    if status is not None:
        motion["status"] = status.value
    motion.update(actors)
    follow_up = [f"{k}: {v}" for k, v in pairs
                 if v and k.casefold() not in used and not (k == "Afgedaan" and v == "0")]
    if follow_up:
        motion["follow_up"] = "\n".join(follow_up)
    motion["source_ids"] = [s["id"] for s in sources]
    return {"format": FORMAT, "sources": sources, "parties": list(people.parties.values()),
            "people": list(people.people.values()), "motions": [motion]}


def _site(documents: list[Element]) -> str | None:
    for document in documents:
        url = _text(document, "PublicDownloadURL")
        site = parse_qs(urlsplit(url).query).get("site") if url else None
        if site:
            return site[0]
    return None


def _document_source(path: Path, number: int, document: Element, publisher: str, when: str | None) -> dict:
    document_id = _text(document, "Id")
    title = _text(document, "DisplayName") or _text(document, "FileName")
    if not document_id or not title:
        missing = "<Id>" if not document_id else "<DisplayName> of <FileName>"
        raise InvalidInput(path, f"<Documents>, document {number}: {missing} ontbreekt.")
    return _source(_make_id("document", document_id.lower()), title, publisher=publisher, when=when,
                   url=_text(document, "PublicDownloadURL") or None,
                   confidential=_text(document, "Confidential").lower() == "true")


# -- the votes -------------------------------------------------------------------------------

_VOTE_CHOICES = {"true": VoteChoice.FOR, "false": VoteChoice.AGAINST, "": VoteChoice.NOT_VOTING}


def _votes_document(path: Path, result: Element) -> dict:
    container = _child(result, "ListEntryVotes")
    votes = _children(container, "iBabsListEntryVote") if container is not None else []
    if not votes:  # recognised, but nothing to import: said, not refused (docs/imports.md)
        return {"format": FORMAT, "report": {"warnings": [
            f"<{VOTES}> bevat geen <iBabsListEntryVote>: er zijn geen stemmen om in te lezen."]}}
    entry_id = _text(votes[0], "EntryId")
    if not _GUID.match(entry_id):
        raise InvalidInput(path, f"<iBabsListEntryVote> 1: <EntryId> '{entry_id}' is geen iBabs-id (GUID).")
    entry_id = entry_id.lower()
    source = _source(_make_id("bron", "stemming", entry_id),
                     f"iBabs-stemming over lijstitem {entry_id} ({NAME}, bestand {path.name})", publisher="iBabs")
    people = _People(source["id"])
    choices, seen = [], {}
    for number, vote in enumerate(votes, start=1):
        where = f"<iBabsListEntryVote> {number}"
        if _text(vote, "EntryId").lower() != entry_id:
            raise InvalidInput(path, f"{where}: <EntryId> '{_text(vote, 'EntryId')}' is een ander lijstitem dan "
                                     f"{entry_id}; één bestand hoort de stemmen over één motie te bevatten.")
        user = _text(vote, "UserName")
        if not user:
            raise InvalidInput(path, f"{where}: <UserName> ontbreekt of is leeg.")
        written = _text(vote, "Vote").lower()
        if written not in _VOTE_CHOICES:
            raise InvalidInput(path, f"{where} ({user}): <Vote> '{_text(vote, 'Vote')}' is geen true of false.")
        name, _ = readable_name(user)
        person_id = people.person(name, _text(vote, "GroupName") or None)
        if person_id in seen:
            raise InvalidInput(path, f"{where}: {user} stemt twee keer (ook bij stem {seen[person_id]}).")
        seen[person_id] = number
        choices.append({"person": person_id, "choice": _VOTE_CHOICES[written].value})
    unassigned = {
        "id": _make_id("stemming", entry_id),
        "decision": f"Hoofdelijke stemming uit iBabs over lijstitem {entry_id}",
        "kind": VoteKind.ROLL_CALL.value,
        "note": ("Het iBabs-antwoord noemt de motie alleen bij dit id; wijs de stemming toe aan de motie "
                 "waarover gestemd is."),
        "choices": choices,
        "candidate_motions": [],
        "source_ids": [source["id"]],
    }
    warning = (f"de stemmen noemen hun motie alleen bij het iBabs-id {entry_id}, dat in het antwoord met de motie "
               "niet staat; ze zijn ingelezen als niet-toegewezen stemming. Wijs die toe aan de motie in het venster "
               f"of met 'raadsdossier assign-vote DOSSIER {unassigned['id']} MOTIE-ID'.")
    return {"format": FORMAT, "sources": [source], "parties": list(people.parties.values()),
            "people": list(people.people.values()), "unassigned_votes": [unassigned],
            "report": {"warnings": [warning]}}


# -- the format ------------------------------------------------------------------------------

def read_ibabs(path: Path) -> dict:
    """Read one iBabs SOAP answer (a list entry or its votes) into an interchange document.

    Returns the motion (with its people, parties and sources) for a `GetListEntryResponse`,
    or one unassigned roll-call vote (with the members as people) for a
    `GetListEntryVotesByListEntryIdResponse`; checked against the interchange schema, ids
    derived from iBabs' own ids. Raises InvalidInput naming the file and the element.
    Pure function: any thread may call it.
    """
    root = _load(path)
    name, result = _result(path, root)
    document = _entry_document(path, result) if name == ENTRY else _votes_document(path, result)
    check_schema(document, path)  # a parser bug must not reach the dossier
    return document


_DETECT = re.compile(rf"[<:](?:{ENTRY}|{VOTES})[\s>/]")


def _detect(path: Path, head: bytes) -> bool:
    text = head.decode("utf-8", errors="ignore")
    return "Envelope" in text and bool(_DETECT.search(text))


FORMAT_SPEC = register(ImportFormat(
    name=NAME,
    description="iBabs: motie (GetListEntry) of stemmingen per raadslid (GetListEntryVotesByListEntryId), SOAP-XML",
    suffixes=(".xml",),
    detect=_detect,
    read=read_ibabs,
    priority=20,
))
