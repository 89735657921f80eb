"""Attachments from files: the bytes, the media type and the text that search finds in them."""

from __future__ import annotations

import base64
import hashlib
import html
import io
import mimetypes
import re
import uuid
from pathlib import Path

from raadsdossier.domain.enums import Confidentiality
from raadsdossier.storage.files import read_bytes

MAX_SIZE = 200 * 1024 * 1024  # a dossier is mailed and copied; refuse what would make it unwieldy


def extract_text(file_name: str, data: bytes, media_type: str) -> str | None:
    """The readable text of a file, or None when its kind has none we can read."""
    suffix = Path(file_name).suffix.lower()
    try:
        if media_type.startswith("text/") or suffix in (".txt", ".md", ".csv", ".json", ".xml"):
            text = _decode(data)
            if suffix in (".html", ".htm") or media_type == "text/html":
                text = html.unescape(re.sub(r"(?s)<(script|style).*?</\1>|<[^>]+>", " ", text))
            return re.sub(r"[ \t]+", " ", text).strip()
        if suffix == ".pdf" or media_type == "application/pdf":
            from pypdf import PdfReader

            reader = PdfReader(io.BytesIO(data))
            return "\n".join((page.extract_text() or "") for page in reader.pages).strip()
        if suffix == ".docx":
            from docx import Document

            document = Document(io.BytesIO(data))
            return "\n".join(p.text for p in document.paragraphs).strip()
    except Exception:  # an unreadable file is still worth keeping; it is just not searchable
        return None
    return None


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
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
