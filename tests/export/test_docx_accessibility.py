"""DOCX packs as a screen reader meets them: the language, the headings, the tables' headers, the chart's words.

What Word's accessibility check and a screen reader read is in the XML: the language on the document's
default run properties, the outline level of each paragraph, the header row of a table (w:tblHeader), the
title and description of a table (w:tblCaption, w:tblDescription) and of a drawing (wp:docPr/@descr).
"""

from __future__ import annotations

import zipfile
from itertools import pairwise
from pathlib import Path

import docx
import pytest
from lxml import etree

from raadsdossier.export.build import PackOptions
from raadsdossier.export.docx import render_docx
from raadsdossier.export.model import Facts, Heading, Pack, Paragraph, Table, VoteChart
from raadsdossier.storage.dossier import Dossier
from tests.export.conftest import add_votes, pack_of

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
SLUGS = ["arnhem-wuhan", "breda-yangzhou", "enschede-dalian", "maastricht-chengdu"]
EVERYTHING = PackOptions(include=frozenset({"internal", "confidential"}))


def xml_of(path: Path, name: str):
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def text_of(element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def rows_of(table) -> list:
    return table.findall(f"{W}tr")


def header_rows(table) -> list[int]:
    return [i for i, row in enumerate(rows_of(table)) if row.find(f"{W}trPr/{W}tblHeader") is not None]


def table_property(table, tag: str) -> str | None:
    element = table.find(f"{W}tblPr/{W}{tag}")
    return None if element is None else element.get(f"{W}val")


def tiny_pack(*blocks, language: str = "nl-NL") -> Pack:
    return Pack(title="Raad", subtitle="Toegankelijk", date="1 maart 2026", author="", marking=None,
                levels=("public",), blocks=list(blocks), language=language)


@pytest.fixture(scope="module")
def everything(demo_dir, tmp_path_factory):
    """Every demo dossier's pack with every level, as DOCX: [(path, pack)]."""
    folder = tmp_path_factory.mktemp("docx-a11y")
    made = []
    for slug in SLUGS:
        with Dossier.open(demo_dir / f"{slug}.raadsdossier", read_only=True) as dossier:
            pack = pack_of(dossier, EVERYTHING)
        made.append((render_docx(pack, folder / f"{slug}.docx"), pack))
    return made


@pytest.fixture
def voted(demo_copy, tmp_path):
    """The Arnhem dossier's motions with two votes of parties added, as DOCX: (path, pack)."""
    path = demo_copy("arnhem-wuhan")
    with Dossier.open(path) as dossier:
        add_votes(dossier, [("2021-09", [("GroenLinks", "for", 8), ("D66", "for", 5), ("VVD", "against", 6)]),
                            ("2021-10", [("GroenLinks", "against", 8), ("VVD", "for", 6)])])
        pack = pack_of(dossier, PackOptions(sections=("motions",)))
    return render_docx(pack, tmp_path / "stemming.docx"), pack


# -- the language and the title -----------------------------------------------------

def test_the_document_language_and_title_come_from_the_pack(everything, tmp_path):
    english = tiny_pack(Heading(1, "Kop", "kop"), language="en-GB")
    for language, (path, pack) in [("nl-NL", everything[0]),
                                   ("en-GB", (render_docx(english, tmp_path / "engels.docx"), english))]:
        lang = xml_of(path, "word/styles.xml").find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
        assert lang.get(f"{W}val") == language
        assert lang.get(f"{W}eastAsia") == "zh-CN"  # the Chinese place names in the text
        assert xml_of(path, "word/settings.xml").find(f"{W}themeFontLang").get(f"{W}val") == language
        props = docx.Document(str(path)).core_properties
        assert props.language == language
        assert props.title == pack.title
        # no run says otherwise
        overridden = [el.get(f"{W}val") for el in xml_of(path, "word/document.xml").iter(f"{W}lang")]
        assert all(value in (None, language) for value in overridden)


# -- headings ---------------------------------------------------------------------

def outline(path: Path) -> list[tuple[int, str]]:
    """(level from 1, text) of every paragraph a reader's list of headings shows: its outline level,
    set on the paragraph or on its style or the styles that one is based on."""
    styles = xml_of(path, "word/styles.xml")
    by_id = {s.get(f"{W}styleId"): s for s in styles.findall(f"{W}style")}

    def style_level(style_id, seen=()):
        style = by_id.get(style_id)
        if style is None or style_id in seen:
            return None
        level = style.find(f"{W}pPr/{W}outlineLvl")
        if level is not None:
            return int(level.get(f"{W}val"))
        based = style.find(f"{W}basedOn")
        return style_level(based.get(f"{W}val"), (*seen, style_id)) if based is not None else None

    found = []
    for p in xml_of(path, "word/document.xml").iter(f"{W}p"):
        direct = p.find(f"{W}pPr/{W}outlineLvl")
        style = p.find(f"{W}pPr/{W}pStyle")
        level = int(direct.get(f"{W}val")) if direct is not None else \
            style_level(style.get(f"{W}val") if style is not None else "Normal")
        if level is not None and level < 9:  # 9 is body text
            found.append((level + 1, text_of(p)))
    return found


def test_headings_are_the_packs_in_order_with_no_level_skipped(everything):
    for path, pack in everything:
        found = outline(path)
        assert found == [(h.level, h.text) for h in pack.headings()]
        assert found[0][0] == 1
        assert all(b <= a + 1 for (a, _), (b, _) in pairwise(found))
        styles = [p.style.name for p in docx.Document(str(path)).paragraphs if p.style.name.startswith("Heading")]
        assert styles == [f"Heading {h.level}" for h in pack.headings()]


def test_a_pack_that_skips_a_level_gets_none_skipped(tmp_path):
    pack = tiny_pack(Heading(2, "Eerst een onderdeel", "a"), Paragraph("tekst"), Heading(1, "Sectie", "b"),
                     Heading(2, "Onderdeel", "c"), Heading(2, "Nog een", "d"))
    path = render_docx(pack, tmp_path / "niveaus.docx")
    assert outline(path) == [(1, "Eerst een onderdeel"), (1, "Sectie"), (2, "Onderdeel"), (2, "Nog een")]
    contents = [p.style.name for p in docx.Document(str(path)).paragraphs if p.style.name.startswith("toc")]
    assert contents == ["toc 1", "toc 1", "toc 2", "toc 2"]


# -- tables ---------------------------------------------------------------------

def test_every_table_has_its_headers_marked(everything):
    """A data table's first row is its header row (repeated on each page); a list of facts has labels in
    its first column instead; the vote bar has its text alternative. No table is left without either."""
    for path, pack in everything:
        tables = list(xml_of(path, "word/document.xml").iter(f"{W}tbl"))
        data = [t for t in tables if header_rows(t)]
        expected = [b for b in pack.blocks if isinstance(b, Table) and b.columns]
        assert [tuple(text_of(c) for c in rows_of(t)[0].findall(f"{W}tc")) for t in data] == \
            [b.columns for b in expected]
        for table, block in zip(data, expected):
            assert header_rows(table) == [0]
            assert rows_of(table)[0].find(f"{W}trPr/{W}cantSplit") is not None
            assert table.find(f"{W}tblPr/{W}tblLook").get(f"{W}firstRow") == "1"
            assert table_property(table, "tblCaption") == (block.caption or None)
        facts = [t for t in tables if not header_rows(t)]
        # the cover's facts and each Facts block
        assert len(facts) == 1 + sum(isinstance(b, Facts) and bool(b.rows) for b in pack.blocks)
        for table in facts:
            look = table.find(f"{W}tblPr/{W}tblLook")
            assert (look.get(f"{W}firstRow"), look.get(f"{W}firstColumn")) == ("0", "1")
            assert table_property(table, "tblCaption") == "Gegevens"


def test_short_rows_stay_on_one_page_and_long_ones_may_split(tmp_path):
    long = "Een toelichting die doorloopt. " * 120
    pack = tiny_pack(Heading(1, "Toezeggingen", "t"),
                     Table(("Toezegging", "Status"), (("Kort", "open"), (long, "open"), ("Ook kort", "afgedaan")),
                           (0.7, 0.3)),
                     Facts((("Datum", "1 maart 2026"), ("Toelichting", long))))
    path = render_docx(pack, tmp_path / "rijen.docx")
    tables = list(xml_of(path, "word/document.xml").iter(f"{W}tbl"))
    table = next(t for t in tables if header_rows(t))
    unsplit = [row.find(f"{W}trPr/{W}cantSplit") is not None for row in rows_of(table)]
    assert unsplit == [True, True, False, True]
    facts = tables[-1]
    assert [text_of(row.find(f"{W}tc")) for row in rows_of(facts)] == ["Datum", "Toelichting"]
    assert [row.find(f"{W}trPr/{W}cantSplit") is not None for row in rows_of(facts)] == [True, False]


# -- charts and drawings ------------------------------------------------------------

def test_every_chart_and_drawing_has_its_text_alternative(voted):
    path, pack = voted
    charts = [b for b in pack.blocks if isinstance(b, VoteChart)]
    assert sum("GroenLinks (8)" in c.alt_text for c in charts) == 2  # the two votes added
    root = xml_of(path, "word/document.xml")
    described = [t for t in root.iter(f"{W}tbl") if t.find(f"{W}tblPr/{W}tblDescription") is not None]
    assert [table_property(t, "tblDescription") for t in described] == [c.alt_text for c in charts]
    assert any(c.alt_text.startswith("Staafdiagram van de stemming: voor GroenLinks (8), D66 (5); tegen VVD (6).")
               for c in charts)
    for table in described:
        assert table_property(table, "tblCaption") == "Stemming"
        look = table.find(f"{W}tblPr/{W}tblLook")  # a picture made of cells has no header row or column
        assert (look.get(f"{W}firstRow"), look.get(f"{W}firstColumn")) == ("0", "0") and not header_rows(table)
        # the bar itself: one row of shaded cells
        assert len(rows_of(table)) == 1 and all(c.find(f"{W}tcPr/{W}shd") is not None
                                                for c in rows_of(table)[0].findall(f"{W}tc"))
    # a picture, should one ever be drawn, says what it shows
    with zipfile.ZipFile(path) as archive:
        names = [n for n in archive.namelist() if n.startswith(("word/document", "word/header", "word/footer"))]
    for name in names:
        for doc_pr in xml_of(path, name).iter(f"{WP}docPr"):
            assert (doc_pr.get("descr") or "").strip() or doc_pr.get("title"), name


def test_the_text_alternative_is_escaped_and_whole(tmp_path):
    chart = VoteChart((('"Partij" <A> & B', "for", 3), ("C", "against", 2)), "voor 3 · tegen 2 · niet gestemd 0")
    path = render_docx(tiny_pack(Heading(1, "Moties", "m"), chart), tmp_path / "tekens.docx")
    described = [t for t in xml_of(path, "word/document.xml").iter(f"{W}tbl")
                 if t.find(f"{W}tblPr/{W}tblDescription") is not None]
    assert [table_property(t, "tblDescription") for t in described] == [chart.alt_text]
