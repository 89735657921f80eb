"""Any text lays out: every text field of every kind, at any length, makes a PDF and a DOCX pack with the whole
text in it; a table cell too long for a page is shortened in the table and given whole after it.

The target time (a 1 MB field within 10 s) is measured in bench/long_text.py; here a pack only has to
finish at all, within a bound far above it (before issue 21 a 1 MB title ran for more than 10 minutes)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from sqlalchemy import Text, select

from raadsdossier.domain import kinds
from raadsdossier.domain.enums import Confidentiality
from raadsdossier.domain.models import Base, Motion, Note
from raadsdossier.export.build import MARKING, PackOptions
from raadsdossier.export.longtext import MORE
from raadsdossier.storage.dossier import Dossier
from tests.export.conftest import pack_file, pack_of, pdf_pages

NOT_CONTENT = {"dossier_meta", "item_versions"}  # the dossier's settings and its history, not what a pack shows
ALL_LEVELS = frozenset({Confidentiality.INTERNAL, Confidentiality.CONFIDENTIAL})
WORDS = "stedenband mensenrechten de raad motie college van het Wuhan overweegt ".split()


def words(count: int) -> str:
    return " ".join(WORDS[index % len(WORDS)] for index in range(count))


def no_space(length: int) -> str:
    return ("mensenrechtenstedenband" * (length // 23 + 1))[:length]


def bare(text: str) -> str:
    """Text without any whitespace: how a long word broken over lines and a paragraph split over pages
    compare with what was stored."""
    return re.sub(r"\s+", "", text)


def pdf_body(path: Path) -> str:
    """The PDF's text without each page's header, footer and marking: what reads on from page to page."""
    pages = []
    for page in pdf_pages(path):
        lines = [line for line in page.splitlines() if line.strip()][1:]  # the header: the dossier's name
        pages.append("\n".join(line for line in lines if not re.search(r"Pagina \d+ van \d+", line)
                               and line.strip() not in MARKING.values()))
    return "\n".join(pages)


def docx_text(path: Path) -> str:
    document = Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)


def _pack(path: Path, target: Path, timeout: int = 300) -> subprocess.CompletedProcess:
    every = ",".join(section.key for section in kinds.PACK_SECTIONS)
    return subprocess.run([sys.executable, "-m", "raadsdossier", "pack", str(path), "-o", str(target), "--sections", every,
                           "--include", "internal,confidential"], capture_output=True, text=True, timeout=timeout)


@pytest.mark.parametrize("length", [10_000, 1_000_000])
def test_a_motion_title_of_any_length_makes_both_packs_with_the_whole_title(demo_copy, tmp_path, length):
    path = demo_copy("arnhem-wuhan")
    title = no_space(length)
    with Dossier.open(path) as dossier, dossier.transaction() as session:
        motion = session.scalars(select(Motion)).first()
        motion.title = title
    for suffix in ("pdf", "docx"):
        target = tmp_path / f"stuk.{suffix}"
        result = _pack(path, target)
        assert result.returncode == 0, result.stderr
        assert result.stderr == "" and result.stdout.strip() == str(target)
    text = docx_text(tmp_path / "stuk.docx")
    assert title in text  # whole, once at least
    assert f"{title[:300]}" in text and MORE.strip() in text  # the motions table shows its start
    assert bare(title) in bare(pdf_body(tmp_path / "stuk.pdf"))
    assert bare(MORE) in bare(pdf_body(tmp_path / "stuk.pdf"))  # the motions table refers to the whole text


def test_a_long_text_is_split_over_pages_and_a_long_word_breaks_inside_the_page(demo_copy, tmp_path):
    path = demo_copy("arnhem-wuhan")
    body, word = words(30_000), no_space(20_000)
    with Dossier.open(path) as dossier, dossier.transaction() as session:
        session.add(Note(title="Lange notitie", body=f"{body}\n\n{word}", confidentiality=Confidentiality.INTERNAL))
    target = tmp_path / "stuk.pdf"
    assert _pack(path, target).returncode == 0
    text = pdf_body(target)
    assert bare(body) in bare(text) and bare(word) in bare(text)
    width = max(len(line) for line in text.splitlines() if word[:40] in bare(line))
    assert width <= 130  # the word broke at the page's width (pdftotext keeps the lines as laid out)


def _long_value(marker: str) -> str:
    return f"{marker} {words(600)} {no_space(1_500)} einde-{marker}"


def test_every_text_field_of_every_kind_at_length_makes_both_packs_whole(demo_copy, tmp_path):
    """Every unbounded text column of every table the pack reads gets 6,000 characters, a word of 1,500 among
    them; whatever of it the pack shows is in the PDF and the DOCX whole."""
    path = demo_copy("arnhem-wuhan")
    values: dict[str, str] = {}
    with Dossier.open(path) as dossier, dossier.transaction() as session:
        session.add(Note(title="notitie", body="tekst", confidentiality=Confidentiality.INTERNAL))
        for mapper in Base.registry.mappers:
            cls = mapper.class_
            if mapper.local_table.name in NOT_CONTENT:
                continue
            columns = [column for column in mapper.columns
                       if type(column.type) is Text and not column.foreign_keys and not column.primary_key
                       and column.table is mapper.local_table]
            if not columns:
                continue
            for row in session.scalars(select(cls)).all():
                for column in columns:
                    marker = f"veld-{mapper.local_table.name}-{column.key}-{len(values)}"
                    values[marker] = _long_value(marker)
                    setattr(row, mapper.get_property_by_column(column).key, values[marker])
    options = PackOptions(sections=tuple(section.key for section in kinds.PACK_SECTIONS), include=ALL_LEVELS,
                          include_sensitive=True)
    with Dossier.open(path, read_only=True) as dossier:
        pack = pack_of(dossier, options)
        pdf = pack_file(dossier, tmp_path / "stuk.pdf", options)
        docx = pack_file(dossier, tmp_path / "stuk.docx", options)
    shown = _model_text(pack)
    whole = [marker for marker, value in values.items() if value in shown]
    assert len(whole) >= 25, f"only {len(whole)} long fields are in the pack: the test would prove little"
    pdf_text, docx_whole = bare(pdf_body(pdf)), docx_text(docx)
    for marker in whole:
        assert bare(values[marker]) in pdf_text, f"{marker} is not whole in the PDF"
        assert values[marker] in docx_whole, f"{marker} is not whole in the DOCX"


def _model_text(pack) -> str:
    from raadsdossier.export.model import Facts, Heading, Paragraph, Table

    parts = [pack.title, pack.subtitle]
    for block in pack.blocks:
        if isinstance(block, (Heading, Paragraph)):
            parts.append(block.text)
        elif isinstance(block, Table):
            parts += [cell for row in block.rows for cell in row]
        elif isinstance(block, Facts):
            parts += [value for _label, value in block.rows]
    parts += [source.text for source in pack.sources]
    return "\n".join(parts)
