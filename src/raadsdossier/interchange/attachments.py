"""Attachments from files: the bytes, the media type and the text that search finds in them."""

from __future__ import annotations

import base64
import codecs
import hashlib
import html
import io
import mimetypes
import re
import uuid
from pathlib import Path

from raadsdossier.domain.enums import Confidentiality
from raadsdossier.storage.files import read_bytes, unicode_encoding

MAX_SIZE = 200 * 1024 * 1024  # a dossier is mailed and copied; refuse what would make it unwieldy


# The text search finds in one attachment: its first 16 MB. A council document's text is far shorter (a 200 MB
# PDF of scans holds a few MB); a text file larger than this is a log or a dump, and indexing all of it would
# take gigabytes of memory for nothing anyone reads. The file itself is kept whole.
MAX_TEXT = 16 * 1024 * 1024


def extract_text(file_name: str, data: bytes, media_type: str) -> str | None:
    """The readable text of a file (at most MAX_TEXT characters), or None when its kind has none we can read."""
    suffix = Path(file_name).suffix.lower()
    try:
        if media_type.startswith("text/") or suffix in (".txt", ".md", ".csv", ".json", ".xml"):
            text = _decode(data)[:MAX_TEXT]
            if suffix in (".html", ".htm") or media_type == "text/html":
                text = html.unescape(re.sub(r"(?s)<(script|style).*?</\1>|<[^>]+>", " ", text))
            return re.sub(r"[ \t]{2,}|\t", " ", text).strip()
        if suffix == ".pdf" or media_type == "application/pdf":
            import logging

            from pypdf import PdfReader

            # pypdf logs what it repairs ("EOF marker not found") through Python's last-resort handler, a line
            # of English on the command line's standard error; what a user needs to know is said by the caller
            logging.getLogger("pypdf").setLevel(logging.CRITICAL)

            reader = PdfReader(io.BytesIO(data))
            return _first(page.extract_text() or "" for page in reader.pages)
        if suffix == ".docx":
            from docx import Document

            document = Document(io.BytesIO(data))
            return _first(p.text for p in document.paragraphs)
    except Exception:  # an unreadable file is still worth keeping; it is just not searchable
        return None
    return None


def _first(parts) -> str:
    """The parts (pages, paragraphs) one per line, up to MAX_TEXT characters: the rest is not read."""
    kept, size = [], 0
    for part in parts:
        kept.append(part)
        size += len(part) + 1
        if size > MAX_TEXT:
            break
    return "\n".join(kept)[:MAX_TEXT].strip()


def _decode(data: bytes) -> str:
    """The text of the first MAX_TEXT characters' bytes: UTF-8, UTF-16 or UTF-32 with its byte order mark (as
    Notepad saves "Unicode"), else Windows-1252."""
    unicode = unicode_encoding(data)
    if unicode is not None:  # a character cut off at the end is left out
        return codecs.getincrementaldecoder(unicode)(errors="replace").decode(data[:4 * MAX_TEXT + 4])
    data = data[:MAX_TEXT + 3]  # +3: a character cut off at the end is dropped
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            if encoding == "utf-8-sig" and exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
                return data[:exc.start].decode(encoding)  # only the last character was cut off (MAX_TEXT)
            continue
    return data.decode("latin-1")


def attachment_from_file(path: Path) -> dict:
    """An interchange dict for a new attachment holding the file at `path`."""
    path = Path(path)
    data = read_bytes(path, MAX_SIZE, "bijlagen")
    media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return {
        "id": str(uuid.uuid4()),
        "confidentiality": Confidentiality.PUBLIC.value,
        "file_name": path.name,
        "media_type": media_type,
        "extracted_text": extract_text(path.name, data, media_type),
        "sha256": hashlib.sha256(data).hexdigest(),
        "content_base64": base64.b64encode(data).decode("ascii"),
    }
