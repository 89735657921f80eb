"""Motions, or rows of a partnership directory, from a CSV file (format `csv`), recognised by the header row.

The file is UTF-8, with or without BOM (Excel: "CSV UTF-8"); the delimiter, `;` or `,`, is sniffed
from the header row. Header names are case-insensitive. Two shapes:

Motions — `kenmerk;titel;datum;indieners;status;uitslag;dictum` (only `titel` is required; the
other columns may be left out):

    kenmerk    the motion's reference ("M12")
    titel      its title
    datum      JJJJ, JJJJ-MM, JJJJ-MM-DD or DD-MM-JJJJ
    indieners  names separated by "|"; stored as plain names, not as people or parties
    status     ingediend, aangehouden, ingetrokken, aangenomen or verworpen
    uitslag    aangenomen or verworpen: one vote with that recorded result and no choices
               (it replaces the votes the motion had; a status that says the opposite is refused)
    dictum     the operative text

  A motion's id comes from its kenmerk and the year of its date ("M12" recurs every year), or,
  without kenmerk, from its title and date: importing an edited sheet again updates the motions
  instead of adding them twice. An empty cell leaves that field in the dossier as it was.

Partnership directory — `nederlandse_kant;niveau;partner;land;status;sinds` (`nederlandse_kant`
and `partner` required): one row per partnership, like the provincial list. A dossier holds one
partnership, so importing such a file updates the dossier's partnership from the one row whose
nederlandse_kant and partner match it (case and spaces ignored) — niveau (gemeente/provincie),
land, status (actief, sluimerend, opgeschort, beëindigd, onbekend) and sinds (text) — and adds
nothing else; no matching row, or two, is refused. Choosing the row needs the dossier's
partnership: `read_csv(path, partnership=…)`.

Every row is checked before anything is returned: one bad row refuses the whole file with
"regel N, kolom 'datum': …". Each file becomes one source, "CSV-bestand NAME (csv)", that the
motions rest on.
"""

from __future__ import annotations

import csv
import io
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from raadsdossier.base.words import number_of
from raadsdossier.domain.enums import Level, MotionStatus, PartnershipStatus, SourceKind, VoteResult
from raadsdossier.domain.errors import InvalidInput
from raadsdossier.importers import ImportFormat, register
from raadsdossier.storage.files import read_text
from raadsdossier.interchange import FORMAT
from raadsdossier.interchange.load import check_schema

NAME = "csv"
# Fixed for good: ids derived from it make a second import of the same rows update the first.
NAMESPACE = uuid.UUID("0b7d3c52-8f0e-5a61-b4c9-3e2f7a1d6c84")

MOTION_COLUMNS = ("kenmerk", "titel", "datum", "indieners", "status", "uitslag", "dictum")
MOTION_REQUIRED = ("titel",)
DIRECTORY_COLUMNS = ("nederlandse_kant", "niveau", "partner", "land", "status", "sinds")
DIRECTORY_REQUIRED = ("nederlandse_kant", "partner")
SHAPES = {"motions": (MOTION_COLUMNS, MOTION_REQUIRED), "directory": (DIRECTORY_COLUMNS, DIRECTORY_REQUIRED)}

MOTION_STATUS = {
    "ingediend": MotionStatus.SUBMITTED, "aangehouden": MotionStatus.HELD, "ingetrokken": MotionStatus.WITHDRAWN,
    "aangenomen": MotionStatus.ADOPTED, "verworpen": MotionStatus.REJECTED,
}
VOTE_RESULT = {"aangenomen": VoteResult.ADOPTED, "verworpen": VoteResult.REJECTED}
LEVEL = {"gemeente": Level.MUNICIPALITY, "provincie": Level.PROVINCE}
PARTNERSHIP_STATUS = {
    "actief": PartnershipStatus.ACTIVE, "sluimerend": PartnershipStatus.DORMANT,
    "opgeschort": PartnershipStatus.SUSPENDED, "beëindigd": PartnershipStatus.ENDED,
    "beeindigd": PartnershipStatus.ENDED, "onbekend": PartnershipStatus.UNKNOWN,
}
_OPPOSITE = {MotionStatus.ADOPTED: VoteResult.REJECTED, MotionStatus.REJECTED: VoteResult.ADOPTED}

_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_DUTCH_DATE = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")
MAX_BYTES = 50_000_000  # far beyond any sheet of motions; a bigger file is not what the user meant


@dataclass
class _Table:
    """A CSV file read: which shape its header says, and every non-empty row with the line it starts on."""

    path: Path
    shape: str
    columns: list[str]
    rows: list[tuple[int, dict[str, str]]]

    def fail(self, line: int, column: str | None, problem: str) -> InvalidInput:
        where = f"regel {line}, kolom '{column}'" if column else f"regel {line}"
        return InvalidInput(self.path, f"{where}: {problem}")


def _column_name(cell: str) -> str:
    """ "Nederlandse kant" and "NEDERLANDSE_KANT" both name `nederlandse_kant`."""
    return re.sub(r"[\s\-]+", "_", cell.strip().lstrip("\ufeff").strip().casefold())


def _delimiter(header_line: str) -> str:
    try:
        return csv.Sniffer().sniff(header_line, delimiters=";,").delimiter
    except csv.Error:  # a single column: nothing to sniff, and nothing to split either
        return ";"


def _shape_of(columns: list[str]) -> str | None:
    """The shape whose required columns the header has; the two sets have no column in common."""
    for shape in ("directory", "motions"):
        if all(required in columns for required in SHAPES[shape][1]):
            return shape
    return None


def _header_line(text: str) -> str:
    return text.lstrip("\ufeff").split("\n", 1)[0].rstrip("\r")


def _detect(path: Path, head: bytes) -> bool:
    text = head.decode("utf-8", errors="ignore")
    header = _header_line(text)
    if not header.strip():
        return False
    try:
        columns = [_column_name(c) for c in next(csv.reader([header], delimiter=_delimiter(header)), [])]
    except csv.Error:  # binary bytes (a DOCX's zip, a PDF) decoded as text: certainly no sheet
        return False
    if len(columns) < 2 and path.suffix.lower() != ".csv":
        return False  # a text whose first line is "Titel" is no sheet of motions
    shape = _shape_of(columns)
    if shape is None:
        return False
    # Most columns must be ours, so that some other CSV that happens to have a "titel" column is not taken.
    known = sum(1 for c in columns if c in SHAPES[shape][0])
    return known * 2 > len(columns)


def _read_table(path: Path) -> _Table:
    text = read_text(path, MAX_BYTES, "CSV met moties of stedenbanden", save_as="CSV UTF-8")
    header = _header_line(text)
    if not header.strip():
        raise InvalidInput(path, "regel 1: de kopregel ontbreekt; verwacht bijvoorbeeld "
                                 f"'{';'.join(MOTION_COLUMNS)}'.")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(header), strict=True)
    try:
        columns = [_column_name(c) for c in next(reader)]
        shape = _shape_of(columns)
        if shape is None:
            raise InvalidInput(path, f"regel 1: de kopregel noemt niet de kolommen van een CSV met moties "
                                     f"({';'.join(MOTION_COLUMNS)}) of met stedenbanden "
                                     f"({';'.join(DIRECTORY_COLUMNS)}).")
        known = SHAPES[shape][0]
        seen: set[str] = set()
        for column in columns:
            if column in seen:
                raise InvalidInput(path, f"regel 1: de kolom '{column}' staat twee keer in de kopregel.")
            seen.add(column)
            if column not in known:
                raise InvalidInput(path, f"regel 1: de kolom '{column}' is onbekend; "
                                         f"bekend zijn {', '.join(known)}.")
        rows: list[tuple[int, dict[str, str]]] = []
        line = reader.line_num + 1  # the line the next record starts on
        for cells in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue
            # Fewer cells than columns: the missing ones are empty (some programs drop trailing delimiters), except
            # in a last row the file stops in the middle of (no line break after it): a file cut short, whose row
            # would otherwise be imported as half a motion.
            cut_short = len(cells) < len(columns) and line > text.count("\n") and not text.endswith(("\n", "\r"))
            if cut_short or (len(cells) > len(columns) and any(cell.strip() for cell in cells[len(columns):])):
                raise InvalidInput(path, f"regel {start}: deze regel heeft {number_of(len(cells), 'cel', 'cellen')}, "
                                         f"maar de kopregel {len(columns)} kolommen"
                                         + (", en het bestand houdt midden in die regel op: is het afgebroken?"
                                            if cut_short else "."))
            # A quoted cell over several lines: Excel's \r\n become \n, as in the dossier's other texts (a lone \r
            # is a character of the cell, kept as the other control characters are).
            rows.append((start, {column: cell.replace("\r\n", "\n").strip()
                                 for column, cell in zip(columns, cells)}))
    except csv.Error as exc:
        raise InvalidInput(path, f"regel {reader.line_num}: geen geldige CSV ({_csv_reason(exc)}).") from None
    return _Table(path, shape, columns, rows)


def _csv_reason(exc: csv.Error) -> str:
    """The csv module's reason in Dutch, for the two its strict reading gives (its own words for any other)."""
    text = str(exc)
    if text == "unexpected end of data":
        return "een cel tussen aanhalingstekens wordt niet afgesloten voor het einde van het bestand"
    if text.endswith("expected after '\"'"):
        return "na een afsluitend aanhalingsteken moet het scheidingsteken of het einde van de regel komen"
    return text


# -- values ------------------------------------------------------------------------------------

def _partial_date(table: _Table, line: int, value: str) -> str:
    """ "2021", "2021-7", "2021-07-05" or "5-7-2021" → "2021", "2021-07", "2021-07-05"."""
    iso, dutch = _ISO_DATE.match(value), _DUTCH_DATE.match(value)
    if iso:
        year, month, day = int(iso.group(1)), iso.group(2), iso.group(3)
    elif dutch:
        year, month, day = int(dutch.group(3)), dutch.group(2), dutch.group(1)
    else:
        raise table.fail(line, "datum", f"'{value}' is geen datum; schrijf JJJJ, JJJJ-MM, JJJJ-MM-DD of DD-MM-JJJJ.")
    try:
        if day is not None:
            return date(year, int(month), int(day)).isoformat()
        if month is not None:
            return date(year, int(month), 1).isoformat()[:7]
        return date(year, 1, 1).isoformat()[:4]
    except ValueError:
        raise table.fail(line, "datum", f"'{value}' is geen bestaande datum.") from None


def _word(table: _Table, line: int, column: str, value: str, words: Mapping):
    found = words.get(value.casefold())
    if found is None:
        allowed = ", ".join(w for w in words if w != "beeindigd")
        raise table.fail(line, column, f"'{value}' is geen bekende waarde; kies uit {allowed}.")
    return found


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


def _source(table: _Table) -> dict:
    return {"id": str(uuid.uuid5(NAMESPACE, f"bron/{table.path.name}")), "kind": SourceKind.OTHER.value,
            "title": f"CSV-bestand {table.path.name} ({NAME})"}


# -- motions -----------------------------------------------------------------------------------

def _motions_document(table: _Table) -> dict:
    source = _source(table)
    motions: list[dict] = []
    first_line: dict[str, int] = {}
    for line, row in table.rows:
        title = row.get("titel", "")
        if not title:
            raise table.fail(line, "titel", "de titel ontbreekt; elke motie heeft een titel.")
        motion: dict = {}
        when = _partial_date(table, line, row["datum"]) if row.get("datum") else None
        reference = row.get("kenmerk") or None
        if reference:
            key, column = f"kenmerk/{reference}/{when[:4] if when else ''}", "kenmerk"
            twice = f"het kenmerk '{reference}'" + (f" met een datum in {when[:4]}" if when else " zonder datum")
        else:
            key, column = f"titel/{title}/{when or ''}", None
            twice = "een motie zonder kenmerk met deze titel en datum"
        if key in first_line:
            raise table.fail(line, column, f"{twice} staat ook op regel {first_line[key]}; "
                                           "geef elke motie een eigen kenmerk.")
        first_line[key] = line
        motion["id"] = str(uuid.uuid5(NAMESPACE, f"motie/{key}"))
        if reference:
            motion["reference"] = reference
        motion["title"] = title
        if when:
            motion["date"] = when
        if row.get("indieners"):
            names = [name.strip() for name in row["indieners"].split("|") if name.strip()]
            if names:
                motion["submitters"] = [{"name": name} for name in names]
        status = _word(table, line, "status", row["status"], MOTION_STATUS) if row.get("status") else None
        if status:
            motion["status"] = status.value
        if row.get("uitslag"):
            result = _word(table, line, "uitslag", row["uitslag"], VOTE_RESULT)
            if status in _OPPOSITE and _OPPOSITE[status] == result:
                raise table.fail(line, "uitslag", f"'{row['uitslag']}' strijdt met de status '{row['status']}'.")
            motion["votes"] = [{"kind": "party", "result": result.value, "note": None, "choices": []}]
        if row.get("dictum"):
            motion["operative_text"] = row["dictum"]
        motion["source_ids"] = [source["id"]]
        motions.append(motion)
    if not motions:
        raise InvalidInput(table.path, "het bestand heeft alleen een kopregel; er staan geen moties in.")
    return {"format": FORMAT, "motions": motions, "sources": [source]}


# -- partnership directory ---------------------------------------------------------------------

@dataclass(frozen=True)
class DirectoryCsvRow:
    line: int
    dutch_side: str
    partner_name: str
    level: Level | None
    partner_country: str | None
    status: PartnershipStatus | None
    since: str | None


def _directory_rows(table: _Table) -> list[DirectoryCsvRow]:
    rows = []
    first_line: dict[tuple[str, str], int] = {}
    for line, row in table.rows:
        for column in DIRECTORY_REQUIRED:
            if not row.get(column):
                raise table.fail(line, column, "deze cel is leeg; elke rij noemt de Nederlandse kant en de partner.")
        pair = (_key(row["nederlandse_kant"]), _key(row["partner"]))
        if pair in first_line:
            raise table.fail(line, None, f"{row['nederlandse_kant']} – {row['partner']} staat ook op regel "
                                         f"{first_line[pair]}.")
        first_line[pair] = line
        rows.append(DirectoryCsvRow(
            line=line, dutch_side=row["nederlandse_kant"], partner_name=row["partner"],
            level=_word(table, line, "niveau", row["niveau"], LEVEL) if row.get("niveau") else None,
            partner_country=row.get("land") or None,
            status=_word(table, line, "status", row["status"], PARTNERSHIP_STATUS) if row.get("status") else None,
            since=row.get("sinds") or None,
        ))
    if not rows:
        raise InvalidInput(table.path, "het bestand heeft alleen een kopregel; er staan geen stedenbanden in.")
    return rows


def _directory_document(table: _Table, partnership: Mapping | None) -> dict:
    rows = _directory_rows(table)  # every row is checked, whichever one the dossier needs
    if partnership is None:
        raise InvalidInput(table.path, "dit is een CSV met stedenbanden; die werkt de stedenband van een dossier "
                                       "bij, en dit dossier heeft er geen.")
    wanted = (_key(partnership["dutch_side"]), _key(partnership["partner_name"]))
    row = next((r for r in rows if (_key(r.dutch_side), _key(r.partner_name)) == wanted), None)
    if row is None:
        listed = ", ".join(f"{r.dutch_side} – {r.partner_name}" for r in rows[:5]) + (" …" if len(rows) > 5 else "")
        raise InvalidInput(table.path, f"geen rij noemt de stedenband van dit dossier "
                                       f"({partnership['dutch_side']} – {partnership['partner_name']}); "
                                       f"het bestand noemt {listed}.")
    level = row.level.value if row.level else str(partnership["level"])
    entry: dict = {"id": partnership["id"], "dutch_side": partnership["dutch_side"], "level": level,
                   "partner_name": partnership["partner_name"]}
    if row.partner_country:
        entry["partner_country"] = row.partner_country
    if row.status:
        entry["status"] = row.status.value
    if row.since:
        entry["since"] = row.since
    # No source: a partnership has no source_ids; the file name is in the item's history instead.
    return {"format": FORMAT, "partnership": entry}


# -- entry points ------------------------------------------------------------------------------

def read_csv(path: Path, partnership: Mapping | None = None) -> dict:
    """Read a motions CSV or a partnership-directory CSV into an interchange document.

    `partnership` is the dossier's partnership ({"id", "dutch_side", "level", "partner_name"},
    as in dossier_info), needed only for a directory CSV: the document then updates that
    partnership from its row. Raises InvalidInput naming the file, the line and the column;
    nothing is returned unless every row is valid. Pure function: any thread may call it.
    """
    table = _read_table(Path(path))
    if table.shape == "motions":
        document = _motions_document(table)
    else:
        document = _directory_document(table, partnership)
    check_schema(document, table.path)  # a parser bug must not reach the dossier
    return document


FORMAT_SPEC = register(ImportFormat(
    name=NAME,
    description="Moties of stedenbanden als CSV (kopregel kenmerk;titel;datum;… of nederlandse_kant;partner;…)",
    suffixes=(".csv",),
    detect=_detect,
    read=read_csv,
    wants_partnership=True,
))
