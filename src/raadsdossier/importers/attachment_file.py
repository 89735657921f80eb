"""Any document or image file as an attachment (format `attachment`): the catch-all, asked last.

PDF, DOCX, ODT, TXT, HTML, PNG, JPEG and GIF files, known by their suffix or their first bytes,
are stored whole (hooguit 200 MB) with the text that search finds in them. Each becomes one
attachment and one source of kind "other" titled with the file name, whose document number is
the start of the file's SHA-256; the attachment rests on the source and the source points at the
attachment. Both ids derive from the SHA-256 of the content, so the same file imported twice,
under whatever name, is stored once. Other kinds of file are refused: the dossier is no place for
programs or archives, and a file that claims one kind and holds another is probably not what the
user meant to keep.
"""

from __future__ import annotations

import base64
import io
import re
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path

from raadsdossier.interchange.attachments import MAX_TEXT, attachment_from_file, extract_text
from raadsdossier.domain.enums import SourceKind
from raadsdossier.domain.errors import InvalidInput
from raadsdossier.importers import ImportFormat, register
from raadsdossier.interchange import FORMAT
from raadsdossier.interchange.load import check_schema
from raadsdossier.storage.files import read_head, unicode_encoding

NAME = "attachment"
# Fixed for good: ids derived from it and the content make a second import of a file a no-op.
NAMESPACE = uuid.UUID("5d0e6a3b-2c7f-5b18-9e4a-7f1c3b6d2a90")
MAX_ODT_TEXT = 50_000_000  # content.xml unpacked; a bigger one is a zip bomb, not a council document


@dataclass(frozen=True)
class _Kind:
    label: str  # as the user knows it, for messages
    media_type: str
    suffixes: tuple[str, ...]
    binary: bool  # recognised by its first bytes; a text kind only by its suffix or its markup


_PDF = _Kind("PDF", "application/pdf", (".pdf",), True)
_DOCX = _Kind("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", (".docx",), True)
_ODT = _Kind("ODT", "application/vnd.oasis.opendocument.text", (".odt",), True)
_PNG = _Kind("PNG", "image/png", (".png",), True)
_JPEG = _Kind("JPEG", "image/jpeg", (".jpg", ".jpeg"), True)
_GIF = _Kind("GIF", "image/gif", (".gif",), True)
_HTML = _Kind("HTML", "text/html", (".html", ".htm"), False)
_TXT = _Kind("tekst", "text/plain", (".txt",), False)
KINDS = (_PDF, _DOCX, _ODT, _PNG, _JPEG, _GIF, _HTML, _TXT)
_BY_SUFFIX = {suffix: kind for kind in KINDS for suffix in kind.suffixes}
KNOWN = "PDF, DOCX, ODT, TXT, HTML, PNG, JPEG en GIF"


def _kind_of_content(head: bytes) -> _Kind | None:
    """The kind the first bytes show; None when they show none of ours (plain text shows nothing)."""
    if head.startswith(b"%PDF-"):
        return _PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return _PNG
    if head.startswith(b"\xff\xd8\xff"):
        return _JPEG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return _GIF
    if head.startswith(b"PK\x03\x04"):
        # ODF puts an uncompressed "mimetype" entry first; OOXML's word processor part is named word/.
        if head[30:38] == b"mimetype" and b"application/vnd.oasis.opendocument.text" in head[38:100]:
            return _ODT
        if b"word/" in head:
            return _DOCX
        return None
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<!doctype html", b"<html")):
        return _HTML
    return None


# A text that opens like written questions was meant for `questions-text`, which did not recognise
# it: better "not recognised" (and `--format questions-text` to learn why) than a silent attachment.
_QUESTIONS_OPENING = re.compile(r"^\s*(Kamervra(?:ag|gen)|Schriftelijke\s+vragen)\b", re.I)


def _detect(path: Path, head: bytes) -> bool:
    if path.suffix.lower() == ".txt":
        first = next((line for line in head.decode("utf-8", errors="ignore").lstrip("\ufeff").splitlines()
                      if line.strip()), "")
        return not _QUESTIONS_OPENING.match(first)
    return path.suffix.lower() in _BY_SUFFIX or _kind_of_content(head) is not None


def _kind(path: Path, head: bytes) -> _Kind:
    """The kind to store the file as; InvalidInput when it is none we keep or not what its name says."""
    named = _BY_SUFFIX.get(path.suffix.lower())
    shown = _kind_of_content(head)
    if named is None and shown is None:
        what = f"'{path.suffix}'-bestanden" if path.suffix else "bestanden zonder herkenbare inhoud"
        raise InvalidInput(path, f"dit soort bestand wordt niet als bijlage bewaard ({what}); "
                                 f"bijlagen zijn {KNOWN}.")
    if named is None:
        return shown
    if named in (_DOCX, _ODT) and head.startswith(b"PK\x03\x04"):
        return named  # the part that makes it one may lie past the first 4 KiB: _check_package looks
    if named.binary and shown is not named:
        found = f"het is een {shown.label}-bestand" if shown else "de inhoud is niet van dat soort"
        raise InvalidInput(path, f"de naam zegt {named.label}, maar {found}; het bestand is beschadigd "
                                 "of heeft de verkeerde extensie.")
    if not named.binary:
        if shown is not None and shown.binary:
            raise InvalidInput(path, f"de naam zegt {named.label}, maar het is een {shown.label}-bestand; "
                                     "geef het de juiste extensie.")
        if b"\x00" in head and unicode_encoding(head) is None:  # UTF-16 text has its zero bytes
            raise InvalidInput(path, f"de naam zegt {named.label}, maar het bestand bevat binaire gegevens "
                                     "in plaats van tekst.")
    return named


def _check_package(path: Path, kind: _Kind) -> None:
    """A DOCX or ODT must be a readable zip with the part that makes it one."""
    part = {_DOCX: "word/document.xml", _ODT: "content.xml"}.get(kind)
    if part is None:
        return
    try:
        with zipfile.ZipFile(path) as archive:
            if part not in archive.namelist():
                raise InvalidInput(path, f"dit zip-bestand is geen {kind.label}-document ({part} ontbreekt).")
    except zipfile.BadZipFile:
        raise InvalidInput(path, f"dit {kind.label}-bestand is beschadigd (geen leesbaar zip-archief).") from None


def _odt_text(data: bytes) -> str | None:
    """The paragraphs and headings of an ODT document; core.attachments reads no ODF."""
    from defusedxml.ElementTree import fromstring

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if archive.getinfo("content.xml").file_size > MAX_ODT_TEXT:
                return None
            root = fromstring(archive.read("content.xml"))
    except Exception:  # unreadable text is no reason to refuse the file: it is just not searchable
        return None
    ns = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
    paragraphs = ["".join(e.itertext()).strip() for e in root.iter() if e.tag in (f"{ns}p", f"{ns}h")]
    return "\n".join(p for p in paragraphs if p)[:MAX_TEXT] or None


def read_attachment(path: Path) -> dict:
    """Read one file into an interchange document holding it as an attachment plus a source for it.

    Raises InvalidInput naming the file when it is missing, over 200 MB, or not of a kind kept
    as an attachment. Ids derive from the content's SHA-256. Pure function: any thread may call it.
    """
    path = Path(path)
    kind = _kind(path, read_head(path))
    attachment = attachment_from_file(path)  # refuses files over 200 MB before reading them
    _check_package(path, kind)
    if kind is _ODT:
        attachment["media_type"] = kind.media_type
        attachment["extracted_text"] = _odt_text(base64.b64decode(attachment["content_base64"]))
    elif attachment["media_type"] != kind.media_type:  # a name without (the usual) suffix
        attachment["media_type"] = kind.media_type
        # extract_text tells some kinds (DOCX) by the suffix alone: give it the suffix the content shows
        attachment["extracted_text"] = extract_text(path.name + kind.suffixes[0],
                                                    base64.b64decode(attachment["content_base64"]), kind.media_type)
    digest = attachment["sha256"]
    attachment["id"] = str(uuid.uuid5(NAMESPACE, f"bijlage/{digest}"))
    source = {"id": str(uuid.uuid5(NAMESPACE, f"bron/{digest}")), "kind": SourceKind.OTHER.value,
              "title": path.name, "document_number": digest[:16], "attachment_id": attachment["id"]}
    attachment["source_ids"] = [source["id"]]
    document = {"format": FORMAT, "attachments": [attachment], "sources": [source]}
    if kind is _PDF and b"%%EOF" not in base64.b64decode(attachment["content_base64"])[-2048:]:
        # cut off (a download broken off): pypdf reads what it can, so say that the rest is missing
        found = "zoeken vindt alleen de tekst die er te lezen is" if attachment.get("extracted_text") else \
            "er is geen tekst uit te halen: zoeken vindt deze bijlage alleen op de bestandsnaam"
        document["report"] = {"warnings": [f"dit PDF-bestand is onvolledig (het einde ontbreekt: is het afgebroken?); "
                                           f"het is zo bewaard, maar {found}."]}
    elif not attachment.get("extracted_text"):
        why = "een afbeelding zonder tekstlaag" if kind in (_PNG, _JPEG, _GIF) else "er is geen tekst uit te halen"
        document["report"] = {"warnings": [f"{why}; zoeken vindt deze bijlage alleen op de bestandsnaam."]}
    check_schema(document, path)  # a bug here must not reach the dossier
    return document


FORMAT_SPEC = register(ImportFormat(
    name=NAME,
    description=f"Een los document of plaatje als bijlage ({KNOWN})",
    suffixes=tuple(_BY_SUFFIX),
    detect=_detect,
    read=read_attachment,
    priority=90,
))
