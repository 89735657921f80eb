"""Helpers for the tests of packs: a pack's content, a pack's file, and the text a reader gets from a PDF.

The dossier with secrets (arnhem_with_secrets) and its names are in tests/conftest.py, shared with
tests/services."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from pypdf import PdfReader

from raadsdossier.export.build import PackOptions, build_pack
from raadsdossier.export.model import Pack
from raadsdossier.services import packs
from raadsdossier.storage.dossier import Dossier
from tests.conftest import AT_RISK, INTERNAL_NOTE, SECRET_EVENT  # noqa: F401  (the tests of packs use them from here)


def pack_of(dossier: Dossier, options: PackOptions) -> Pack:
    """The content of the pack `options` make of `dossier` (what both renderers draw)."""
    with dossier.session() as session:
        return build_pack(session, options)


def pack_file(dossier: Dossier, target: Path, options: PackOptions) -> Path:
    """The pack written to `target` the way both faces make it (services.packs.make_pack)."""
    return packs.make_pack(dossier, target, options).written[0]


def pdf_pages(path: Path) -> list[str]:
    """The text of every page as pdftotext reads it (layout kept), falling back to pypdf."""
    try:
        out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
        pages = out.split("\f")
        return pages[:-1] if pages and not pages[-1].strip() else pages
    except FileNotFoundError:
        return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)
