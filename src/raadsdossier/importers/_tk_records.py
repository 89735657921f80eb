"""Tweede Kamer OData records: the importer's constants and ids, reading the file's JSON values,
recognising entity types, and the compact view of a document that the schema check reads."""

from __future__ import annotations

import json
import re
import uuid
from functools import lru_cache
from pathlib import Path

from raadsdossier.domain.errors import InvalidInput
from raadsdossier.storage.files import read_text

NAME = "tk-odata"
# Fixed for good: ids derived from it make a second import of the same records update the first.
NAMESPACE = uuid.UUID("9d4a7c2e-51b8-5f3a-8e6d-0b2f4c7a1e93")
MAX_BYTES = 100 * 1024 * 1024
SEATS = 150  # the Tweede Kamer; a party vote covers all of them
PUBLISHER = "Tweede Kamer der Staten-Generaal"
ODATA_BASE = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0"
KOOP_ADDRESS = "https://zoek.officielebekendmakingen.nl/{}.html"

MOTION, QUESTIONS = "Motie", "Schriftelijke vragen"
ENTITY_TYPES = ("Zaak", "Fractie", "Stemming", "Besluit")
CHOICES = {"voor": "for", "tegen": "against", "niet deelgenomen": "not_voting"}
NOTE_SEVERAL = "Het bestand koppelt deze stemming niet aan één motie"

# Keys of the report's skipped counts (shown as "overgeslagen: 162 Zaken van een andere soort, …").
SKIP_OTHER_ZAAK = "Zaken van een andere soort"
SKIP_DELETED = "verwijderde records"
SKIP_UNKNOWN = "records van een andere soort"
SKIP_INCOMPLETE = "onvolledige besluiten"
SKIP_NO_MOTION = "besluiten niet over een motie"
SKIP_NO_VOTES = "besluiten zonder stemmen"

_DATETIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
_CONTEXT_TYPE = re.compile(r"#(?:[\w.]+\.)?(\w+)")
_KOOP_NUMBER = re.compile(r"^(kst|kv|ah|h|stb|stcrt|trb|blg)-[\w-]+$")
_WHITESPACE = re.compile(r"\s*")


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


def _load(path: Path) -> list:
    """The JSON values in the file, one after another (usually one)."""
    text = read_text(path, MAX_BYTES, "OData-JSON", " (vraag kleinere pagina's op)")
    decoder = json.JSONDecoder()
    values, position = [], _WHITESPACE.match(text, 0).end()
    while position < len(text):
        try:
            value, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as exc:
            raise InvalidInput(path, f"geen geldige JSON op regel {exc.lineno}, kolom {exc.colno}: {exc.msg}.") from None
        values.append(value)
        position = _WHITESPACE.match(text, position).end()
    if not values:
        raise InvalidInput(path, "het bestand is leeg; verwacht OData-JSON van de Tweede Kamer.")
    return values


def _type_in_context(context) -> str | None:
    """ "…/$metadata#Stemming(Besluit(…))" → "Stemming"; "#Zaak/$entity" → "Zaak"."""
    match = _CONTEXT_TYPE.search(context) if isinstance(context, str) else None
    return match.group(1) if match else None


def _type_by_fields(record: dict) -> str | None:
    if "FractieGrootte" in record or "ActorFractie" in record or (
            "Besluit_Id" in record and str(record.get("Soort") or "").lower() in CHOICES):
        return "Stemming"
    if "NaamNL" in record or "AantalZetels" in record:
        return "Fractie"
    if "BesluitTekst" in record or "StemmingsSoort" in record:
        return "Besluit"
    if "Nummer" in record and "Soort" in record:
        return "Zaak"
    return None


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
