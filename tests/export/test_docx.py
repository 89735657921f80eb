"""DOCX packs read as a reader would: with python-docx for the text and styles, and the zip's XML for the rest."""

from __future__ import annotations

import re
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from raadsdossier.services import edits
from raadsdossier.storage.dossier import Dossier
from raadsdossier.export.build import PackOptions
from raadsdossier.export.docx import bookmark_name, render_docx
from raadsdossier.export.model import Citation, Heading, Pack, Paragraph, Table, VoteChart
from tests.export.conftest import pack_of

SLUGS = ["arnhem-wuhan", "breda-yangzhou", "enschede-dalian", "maastricht-chengdu"]
AUTHOR = "Griffie Enschede"
SECRET = "Geheim beraad over de toekomst van de stedenband"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CM2 = 1134  # 2 cm in twips


@pytest.fixture(scope="module")
def enschede(demo_dir, tmp_path_factory):
    target = tmp_path_factory.mktemp("docx") / "enschede.docx"
    with Dossier.open(demo_dir / "enschede-dalian.raadsdossier", read_only=True) as dossier:
        pack = pack_of(dossier, PackOptions(author=AUTHOR))
    render_docx(pack, target)
    return target, pack


def parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode("utf-8", "replace") for name in archive.namelist()}


def body_xml(path: Path):
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def all_text(document) -> str:
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts += [cell.text for cell in row.cells]
    return "\n".join(texts)


def data_tables(document):
    """Tables with a repeating header row: the pack's Table blocks (facts and vote bars have none)."""
    return [t for t in document.tables if t.rows and t.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None]


def test_headings_are_word_headings_in_the_packs_order(enschede):
    path, pack = enschede
    document = docx.Document(str(path))
    found = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert found == [(f"Heading {h.level}", h.text) for h in pack.headings()]
    assert len(found) > 5


def test_contents_are_links_to_bookmarks_on_the_headings(enschede):
    path, pack = enschede
    root = body_xml(path)
    paragraphs = root.iter(f"{W}p")
    bookmarks = {}  # name -> text of the paragraph it sits in
    links = []
    for p in paragraphs:
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        for start in p.iter(f"{W}bookmarkStart"):
            bookmarks[start.get(f"{W}name")] = text
        for link in p.iter(f"{W}hyperlink"):
            links.append((link.get(f"{W}anchor"), "".join(t.text or "" for t in link.iter(f"{W}t"))))
    expected = [h.text for h in pack.headings() if h.level in (1, 2)]
    assert [text for _anchor, text in links] == expected
    for anchor, text in links:
        assert anchor in bookmarks, anchor
        assert bookmarks[anchor] == text
        assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{0,39}", anchor)
    assert len(set(bookmarks)) == len(pack.headings())
    # static contents: no TOC field for the user to refresh, no page numbers
    instructions = " ".join(t.text or "" for t in root.iter(f"{W}instrText"))
    assert "TOC" not in instructions and "PAGEREF" not in instructions
    document = docx.Document(str(path))
    styles = [p.style.name for p in document.paragraphs]
    contents = styles.index("TOC Heading")
    assert document.paragraphs[contents].text == "Inhoud"
    assert contents < styles.index("Heading 1")
    level2 = [p for p in document.paragraphs if p.style.name == "toc 2"]
    assert level2 and all(p.style.paragraph_format.left_indent > 0 for p in level2)


def test_tables_have_the_packs_header_cells_in_order(enschede):
    path, pack = enschede
    document = docx.Document(str(path))
    expected = [block for block in pack.blocks if isinstance(block, Table)]
    tables = data_tables(document)
    assert [tuple(c.text for c in t.rows[0].cells) for t in tables] == [b.columns for b in expected]
    for table, block in zip(tables, expected):
        assert len(table.rows) == 1 + len(block.rows)
        widths = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert abs(sum(widths) - (11906 - 2 * CM2)) <= 2
        for width, relative in zip(widths, block.widths):
            assert abs(width / sum(widths) - relative) < 0.01
    captions = [p.text for p in document.paragraphs if p.style.name == "Raadsdossier label"]
    assert all(b.caption in captions for b in expected if b.caption)


def test_chinese_is_in_its_own_east_asian_run(enschede):
    path, _pack = enschede
    document = docx.Document(str(path))
    assert "Dalian (大连)" in all_text(document)
    runs = [r for r in body_xml(path).iter(f"{W}r") if "".join(t.text or "" for t in r.iter(f"{W}t")) == "大连"]
    assert runs
    for run in runs:
        fonts = run.find(f"{W}rPr/{W}rFonts")
        assert fonts.get(f"{W}eastAsia") == "Noto Sans CJK SC" and fonts.get(f"{W}hint") == "eastAsia"
    styles = parts(path)["word/styles.xml"]
    assert 'w:ascii="DejaVu Sans"' in styles and 'w:lang w:val="nl-NL"' in styles


def test_paragraph_styles_citations_and_sources(enschede):
    path, pack = enschede
    document = docx.Document(str(path))
    paragraphs = document.paragraphs
    cited = next(b for b in pack.blocks if isinstance(b, Paragraph) and b.citations and b.style == "body")
    found = next(p for p in paragraphs if p.text.startswith(cited.text))
    assert found.style.name == "Normal"
    assert found.text == cited.text + " [" + ", ".join(map(str, cited.citations)) + "]"
    assert found.runs[-1].font.size.pt < 9
    quote = next(b for b in pack.blocks if isinstance(b, Paragraph) and b.style == "quote")
    assert next(p for p in paragraphs if p.text == quote.text).style.paragraph_format.left_indent > 0
    label = next(b for b in pack.blocks if isinstance(b, Paragraph) and b.style == "label")
    assert next(p for p in paragraphs if p.text == label.text).style.font.bold
    # the source list right after the "Bronnen" heading
    texts = [p.text for p in paragraphs]
    start = next(i for i, p in enumerate(paragraphs) if p.style.name == "Heading 1" and p.text == "Bronnen")
    assert pack.sources
    assert texts[start + 1:start + 1 + len(pack.sources)] == [f"{s.number}. {s.text}" for s in pack.sources]


def test_cover_page_and_header_and_footer(enschede):
    path, pack = enschede
    document = docx.Document(str(path))
    assert document.paragraphs[0].text == pack.title and document.paragraphs[1].text == pack.subtitle
    cover = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert cover == {"Datum": pack.date, "Opgesteld door": AUTHOR, "Opgenomen niveaus": "openbaar",
                     "Hoogste niveau in dit stuk": "OPENBAAR"}
    section = document.sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
    assert {section.left_margin.twips, section.right_margin.twips, section.top_margin.twips,
            section.bottom_margin.twips} == {CM2}
    assert not section.different_first_page_header_footer
    xml = parts(path)
    header = next(v for k, v in xml.items() if k.startswith("word/header"))
    footer = next(v for k, v in xml.items() if k.startswith("word/footer"))
    assert pack.title in header
    assert f"{pack.date} · {AUTHOR}" in footer and "Pagina " in footer and " van " in footer
    instructions = re.findall(r"<w:instrText[^>]*>([^<]*)</w:instrText>", footer)
    assert [i.strip() for i in instructions] == ["PAGE", "NUMPAGES"]
    assert "updateFields" not in xml["word/settings.xml"]


def test_core_properties_are_clean(enschede):
    path, pack = enschede
    props = docx.Document(str(path)).core_properties
    assert props.title == pack.title and props.subject == pack.subtitle
    assert props.author == AUTHOR and props.last_modified_by == AUTHOR
    assert props.comments == props.keywords == props.category == ""
    assert props.revision == 1 and props.language == "nl-NL"
    now = datetime.now(timezone.utc)
    for stamp in (props.created, props.modified):
        assert abs(now - stamp.replace(tzinfo=stamp.tzinfo or timezone.utc)) < timedelta(minutes=10)
    xml = parts(path)
    assert "docProps/thumbnail.jpeg" not in xml and not any(name.startswith("customXml") for name in xml)
    for name, text in xml.items():
        assert "python-docx" not in text.lower(), name
    app = etree.fromstring(xml["docProps/app.xml"].encode())
    fields = {el.tag.split("}")[-1]: (el.text or "") for el in app}
    assert fields["Application"] == "Raadsdossier" and fields.get("Company", "") == ""
    assert fields.get("Template", "Normal.dotm") == "Normal.dotm"
    assert "Microsoft" not in xml["docProps/app.xml"] and "AppVersion" not in fields


def test_confidential_items_and_marking_only_when_included(demo_copy, tmp_path):
    path = demo_copy("enschede-dalian")
    with Dossier.open(path) as dossier:
        edits.save_item(dossier, "events", {"id": "e0000000-0000-4000-8000-0000000000d1", "title": SECRET, "kind": "other",
                                       "date": "2021-08", "confidentiality": "confidential"})
    with Dossier.open(path, read_only=True) as dossier:
        secret_pack = pack_of(dossier, PackOptions(include=frozenset({"confidential"}), author=AUTHOR))
        public_pack = pack_of(dossier, PackOptions(author=AUTHOR))
    secret = render_docx(secret_pack, tmp_path / "vertrouwelijk.docx")
    public = render_docx(public_pack, tmp_path / "openbaar.docx")

    xml = parts(secret)
    header = next(v for k, v in xml.items() if k.startswith("word/header"))
    assert "VERTROUWELIJK" in header
    assert re.search(r'<w:color w:val="B00020"/>', header) and "<w:b/>" in header
    text = all_text(docx.Document(str(secret)))
    assert SECRET in text
    assert "Dit stuk bevat informatie die niet openbaar is. Niet verspreiden." in text

    for name, content in parts(public).items():
        if name.startswith("word/"):
            assert "VERTROUWELIJK" not in content, name
            assert SECRET not in content, name


@pytest.mark.parametrize("slug", SLUGS)
def test_every_demo_dossier_renders(demo_dir, tmp_path, slug):
    calls = []
    with Dossier.open(demo_dir / f"{slug}.raadsdossier", read_only=True) as dossier:
        pack = pack_of(dossier, PackOptions(include=frozenset({"internal", "confidential"})))
    target = render_docx(pack, tmp_path / f"{slug}.docx", progress=lambda done, total: calls.append((done, total)))
    document = docx.Document(str(target))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [h.text for h in pack.headings()]
    assert calls[0] == (0, len(pack.blocks)) and calls[-1] == (len(pack.blocks),) * 2
    assert len(calls) >= 2 + (len(pack.blocks) - 1) // 50


def test_vote_chart_is_a_bar_of_shaded_cells(tmp_path):
    segments = (("GroenLinks", "for", 9), ("D66", "for", 6), ("CU", "for", 1), ("VVD", "against", 7),
                ("PVV", "against", 1), ("SP", "not_voting", 2))
    pack = Pack(title="Raad", subtitle="Stemming", date="1 maart 2026", author="", marking=None, levels=("public",),
                blocks=[Heading(1, "Moties", "motions-1"), VoteChart(segments, "voor 16 · tegen 8 · niet gestemd 2")])
    document = docx.Document(str(render_docx(pack, tmp_path / "stemming.docx")))
    bar = document.tables[-1]
    cells = bar.rows[0].cells
    assert len(bar.rows) == 1 and len(cells) == len(segments)
    widths = [cell.width.twips for cell in cells]
    total = sum(weight for *_rest, weight in segments)
    for width, (_label, _choice, weight) in zip(widths, segments):
        assert abs(width / sum(widths) - weight / total) < 0.005
    assert abs(sum(widths) - 0.8 * (11906 - 2 * CM2)) < 2
    colours = {"for": "2E7D32", "against": "C62828", "not_voting": "9E9E9E"}
    for cell, (label, choice, weight) in zip(cells, segments):
        assert cell._tc.find(f"{W}tcPr/{W}shd").get(f"{W}fill").upper() == colours[choice]
        if cell.text:
            assert cell.text == f"{label} {weight}"
            assert all(run.font.color.rgb == docx.shared.RGBColor(0xFF, 0xFF, 0xFF) for run in cell.paragraphs[0].runs)
    assert cells[0].text == "GroenLinks 9" and cells[2].text == "" and cells[4].text == ""  # 1 seat: too narrow
    assert any(p.text == "voor 16 · tegen 8 · niet gestemd 2 · streep: de helft" for p in document.paragraphs)
    with zipfile.ZipFile(tmp_path / "stemming.docx") as archive:
        assert not any(name.startswith("word/media") for name in archive.namelist())


def test_awkward_text_and_names(tmp_path):
    pack = Pack(title="Raad\x01 " + "lang " * 80, subtitle="", date="1 maart 2026", author="", marking=None,
                levels=("public",),
                blocks=[Heading(1, "1e kop", "1-kop"), Heading(2, "Kop", "1-kop"), Paragraph("regel\fvolgende\x07 regel"),
                        Heading(1, "Bronnen", "sources")],
                sources=[Citation(1, "Een bron")])
    target = render_docx(pack, tmp_path / "raar.docx")
    document = docx.Document(str(target))
    assert "regel\nvolgende regel" in all_text(document)
    assert len(document.core_properties.title) <= 255
    names = re.findall(r'w:bookmarkStart w:id="\d+" w:name="([^"]+)"', parts(target)["word/document.xml"])
    assert len(names) == len(set(names)) == 3
    assert "1. Een bron" in all_text(document)


def test_bookmark_names_are_valid_and_unique():
    used: set[str] = set()
    names = [bookmark_name(anchor, used) for anchor in
             ("summary-1", "summary-1", "1-start", "", "ä-ö", "x" * 80, "x" * 80)]
    assert len(set(names)) == len(names)
    for name in names:
        assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{0,39}", name), name
    assert names[0] == "summary_1"
