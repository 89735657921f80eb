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
from raadsdossier.services import edits, lists, packs
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


def add_votes(dossier: Dossier, votes) -> None:
    """Votes of parties [(date, [(party, choice, seats)])] on the dossier's first motion; the parties are
    added under these names when the dossier has none of that name."""
    parties = {p["name"]: p["id"] for p in lists.page(dossier, "parties")}
    for number, name in enumerate(sorted({name for _date, choices in votes for name, _c, _s in choices})):
        if name not in parties:
            parties[name] = f"e0000000-0000-4000-8000-0000000001{number:02d}"
            edits.save_item(dossier, "parties", {"id": parties[name], "name": name, "confidentiality": "public"})
    motion = lists.page(dossier, "motions")[0]
    for date, choices in votes:
        motion["votes"].append({"date": date, "kind": "party", "result": "rejected", "note": None, "choices": [
            {"party": parties[name], "choice": choice, "seats": seats} for name, choice, seats in choices]})
    edits.save_item(dossier, "motions", motion)
