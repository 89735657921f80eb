"""The app's own interchange JSON ("raadsdossier/1") as an import format."""

from __future__ import annotations

from pathlib import Path

from raadsdossier.importers import ImportFormat, register
from raadsdossier.interchange.load import read_document


def _detect(path: Path, head: bytes) -> bool:
    text = head.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
    return text.startswith("{") and '"format"' in text and "raadsdossier/" in text


FORMAT = register(ImportFormat(
    name="dossier-json",
    description="Raadsdossier-uitwisselbestand (JSON)",
    suffixes=(".json",),
    detect=_detect,
    read=read_document,
))
