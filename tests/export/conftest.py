"""Fixtures for packs: a demo dossier with internal and confidential items and a person at risk added."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from raadsdossier.export.build import PackOptions, build_pack
from raadsdossier.export.model import Pack
from raadsdossier.services import edits, lists, packs
from raadsdossier.storage.dossier import Dossier

SECRET_EVENT = "Vertrouwelijk gesprek met de ambassade"
INTERNAL_NOTE = "Fractie-intern: stemadvies voor de raad"
AT_RISK = "Aynur Testpersoon"  # a made-up name for the test only


@pytest.fixture
def arnhem_with_secrets(demo_copy) -> Path:
    path = demo_copy("arnhem-wuhan")
    with Dossier.open(path) as dossier:
        edits.save_item(dossier, "events", {"id": "e0000000-0000-4000-8000-000000000001", "title": SECRET_EVENT,
                                       "kind": "other", "date": "2021-08", "confidentiality": "confidential"})
        edits.save_item(dossier, "events", {"id": "e0000000-0000-4000-8000-000000000002", "title": INTERNAL_NOTE,
                                       "kind": "statement", "date": "2021-06", "confidentiality": "internal"})
        edits.save_item(dossier, "people", {"id": "e0000000-0000-4000-8000-000000000003", "name": AT_RISK,
                                       "role": "activist", "sensitive": True})
        demonstration = lists.page(dossier, "demonstrations")[0]
        demonstration["description"] = f"{AT_RISK} sprak de raad toe over haar familie."
        demonstration["organisers"] = [{"person": "e0000000-0000-4000-8000-000000000003"}]
        edits.save_item(dossier, "demonstrations", demonstration)
    return path


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
