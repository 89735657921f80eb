"""PDF packs read as a reader would: every page's text, the contents, the marking, the fonts."""

from __future__ import annotations

import re
import subprocess

import pytest
from pypdf import PdfReader

from raadsdossier.storage.dossier import Dossier
from raadsdossier.export.build import PackOptions
from tests.export.conftest import AT_RISK, INTERNAL_NOTE, SECRET_EVENT, add_votes, pack_file, pack_of, pdf_pages, squash

SLUGS = ["arnhem-wuhan", "breda-yangzhou", "enschede-dalian", "maastricht-chengdu"]


@pytest.fixture(scope="module")
def enschede_pdf(demo_dir, tmp_path_factory):
    target = tmp_path_factory.mktemp("pack") / "enschede.pdf"
    with Dossier.open(demo_dir / "enschede-dalian.raadsdossier", read_only=True) as dossier:
        pack_file(dossier, target, PackOptions(author="Griffie Enschede"))
        pack = pack_of(dossier, PackOptions(author="Griffie Enschede"))
    return target, pack


def test_every_page_says_which_page_of_how_many(enschede_pdf):
    path, _pack = enschede_pdf
    pages = pdf_pages(path)
    assert len(pages) == len(PdfReader(str(path)).pages) > 3
    for number, text in enumerate(pages, start=1):
        assert f"Pagina {number} van {len(pages)}" in text
        if number > 1:
            assert "Dossier Enschede – Dalian" in text


def test_contents_entries_point_at_the_pages_where_the_headings_are(enschede_pdf):
    path, pack = enschede_pdf
    pages = pdf_pages(path)
    contents = pages[1]
    assert "Inhoud" in contents
    for heading in pack.headings():
        match = re.search(re.escape(heading.text[:40]) + r".*?\.[ .]*(\d+)\s*$", contents, flags=re.MULTILINE)
        assert match, f"{heading.text!r} is not in the contents"
        page = int(match.group(1))
        assert squash(heading.text)[:40] in squash(pages[page - 1]), f"{heading.text!r} is not on page {page}"


def test_content_of_the_demo_pack(enschede_pdf):
    path, pack = enschede_pdf
    text = squash(" ".join(pdf_pages(path)))
    assert "Dalian (大连)" in text
    assert "Demonstratie in Enschede" in text
    for number in range(1, 18):
        assert f"Vraag {number}" in text and f"Antwoord {number}" in text
    assert "Dagen tot antwoord 35" in text
    assert "Griffie Enschede" in text
    assert "VERTROUWELIJK" not in text  # only public items: no marking
    for source in pack.sources:
        assert f"{source.number}. " in text


def test_fonts_are_embedded_and_metadata_is_clean(enschede_pdf):
    path, _pack = enschede_pdf
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts  # the "emb" column
    assert any("DroidSansFallback" in line for line in fonts)
    info = PdfReader(str(path)).metadata
    assert info.title == "Dossier Enschede – Dalian" and info.author == "Griffie Enschede"
    assert info.creator == "Raadsdossier" and info.producer == "Raadsdossier"
    assert b"ReportLab" not in path.read_bytes()


def test_confidential_items_stay_out_unless_included(arnhem_with_secrets, tmp_path):
    with Dossier.open(arnhem_with_secrets, read_only=True) as dossier:
        public = pack_file(dossier, tmp_path / "openbaar.pdf", PackOptions())
        internal = pack_file(dossier, tmp_path / "intern.pdf", PackOptions(include=frozenset({"internal"})))
        everything = pack_file(dossier, tmp_path / "alles.pdf",
                                PackOptions(include=frozenset({"internal", "confidential"}), include_sensitive=True))
    text = squash(" ".join(pdf_pages(public)))
    assert SECRET_EVENT not in text and INTERNAL_NOTE not in text and "VERTROUWELIJK" not in text
    assert AT_RISK not in text and "[naam weggelaten] sprak de raad toe" in text

    pages = pdf_pages(internal)
    text = squash(" ".join(pages))
    assert INTERNAL_NOTE in text and SECRET_EVENT not in text and AT_RISK not in text
    assert all("VERTROUWELIJK – FRACTIE-INTERN" in page for page in pages)

    pages = pdf_pages(everything)
    text = squash(" ".join(pages))
    assert SECRET_EVENT in text and INTERNAL_NOTE in text and AT_RISK in text
    assert all(re.search(r"VERTROUWELIJK(?! –)", page) for page in pages)


@pytest.mark.parametrize("slug", SLUGS)
def test_every_demo_dossier_makes_a_pdf(demo_dir, tmp_path, slug):
    with Dossier.open(demo_dir / f"{slug}.raadsdossier", read_only=True) as dossier:
        path = pack_file(dossier, tmp_path / f"{slug}.pdf", PackOptions())
        pack = pack_of(dossier, PackOptions())
    text = squash(" ".join(pdf_pages(path)))
    for heading in pack.headings(1):
        assert heading.text in text
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_a_vote_per_party_is_tabled_and_charted(arnhem_with_secrets, tmp_path):

    with Dossier.open(arnhem_with_secrets) as dossier:
        # The sources name no D66 or VVD in Arnhem's council: add_votes makes them.
        add_votes(dossier, [("2021-09", [("GroenLinks", "for", 8), ("D66", "for", 5), ("VVD", "against", 6)])])
        path = pack_file(dossier, tmp_path / "stemming.pdf", PackOptions(sections=("motions",)))
    text = squash(" ".join(pdf_pages(path)))
    assert "Stemming 4 (september 2021): aangenomen, 13 voor en 6 tegen (let op: vastgelegd als verworpen)" in text
    assert "voor 13 · tegen 6 · niet gestemd 0" in text
    assert "GroenLinks voor 8" in text
