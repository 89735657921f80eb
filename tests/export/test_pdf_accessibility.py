"""PDF packs as assistive technology reads them (PDF/UA-1): the structure tree walked with pikepdf, every
page's content stream parsed, and the external checker `pdfua` where it is installed."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name
from pypdf import PdfReader

from raadsdossier.export.build import PackOptions
from raadsdossier.export.model import Citation, Facts, Heading, Pack, Paragraph, Table, VoteChart
from raadsdossier.export.pdf import render_pdf
from raadsdossier.storage.dossier import Dossier
from tests.export.conftest import AT_RISK, SECRET_EVENT, add_votes, pack_file, pack_of, pdf_pages, squash

EVERY_SECTION = ("summary", "timeline", "motions", "commitments", "question_sets", "college_notes", "demonstrations",
                 "checklist", "costs_and_outcomes", "attachments", "notes", "sources")
TEXT_SHOWING = {"Tj", "TJ", "'", '"'}
PAINTING = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do"}  # Do: an image or a form


@dataclass
class Walk:
    """What a walk over a tagged PDF found: the problems, and what it counted on the way."""

    problems: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)  # every structure element's type, in reading order
    headings: list[tuple[str, str]] = field(default_factory=list)  # (H1/H2…, its text) in reading order
    tables: list[dict] = field(default_factory=list)  # per Table: counts of TH, TD and TH without /Scope
    figures: list[str] = field(default_factory=list)  # the /Alt of each Figure
    marked: int = 0  # marked-content sequences with an MCID found in the pages


def _number_tree(node, out: dict) -> dict:
    for index in range(0, len(node.get("/Nums", ())), 2):
        out[int(node.Nums[index])] = node.Nums[index + 1]
    for kid in node.get("/Kids", ()):
        _number_tree(kid, out)
    return out


def shown_text(path: Path) -> dict[tuple[int, int | str], str]:
    """The text of each page as a reader decodes it (pypdf), by marked content: {(page index, MCID): text},
    and (page index, "artifact") and (page index, "untagged") for the rest."""
    out: dict[tuple[int, int | str], str] = {}
    for index, page in enumerate(PdfReader(str(path)).pages):
        _PageText(index, out).read(page)
    return out


class _PageText:
    """pypdf's text visitors for one page: the marked content open, and the text shown in it."""

    def __init__(self, index: int, out: dict) -> None:
        self.index, self.out, self.stack = index, out, []

    def read(self, page) -> None:
        page.extract_text(visitor_operand_before=self.operator, visitor_text=self.text)

    def operator(self, operator, operands, _cm, _tm) -> None:
        if operator in (b"BDC", b"BMC"):
            properties = operands[1] if operator == b"BDC" else None
            mcid = properties.get("/MCID") if hasattr(properties, "get") else None
            self.stack.append((str(operands[0]), None if mcid is None else int(mcid)))
        elif operator == b"EMC" and self.stack:
            self.stack.pop()

    def text(self, shown, _cm, _tm, _font, _size) -> None:
        if shown:
            mcid = next((m for _tag, m in reversed(self.stack) if m is not None), None)
            key = mcid if mcid is not None else \
                "artifact" if any(t == "/Artifact" for t, _m in self.stack) else "untagged"
            self.out[self.index, key] = self.out.get((self.index, key), "") + shown


def _text_of(texts: dict, page_numbers: dict, element) -> str:
    """The text an element's own marked content shows."""
    out = []
    kids = element.get("/K")
    for kid in (kids if isinstance(kids, Array) else [kids]):
        if isinstance(kid, int):
            out.append(texts.get((page_numbers[element.Pg.objgen], kid), ""))
        elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR:
            out.append(texts.get((page_numbers[kid.Pg.objgen], int(kid.MCID)), ""))
    return squash("".join(out)).strip()


def walk(path: Path, language: str = "nl-NL") -> Walk:
    """Check the PDF at `path` against the machine-checkable part of PDF/UA-1 that packs can get wrong."""
    found = Walk()
    problem = found.problems.append
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        if str(root.get("/Lang", "")) != language:
            problem(f"document language is {root.get('/Lang')!r}, not {language!r}")
        if not root.get("/MarkInfo", {}).get("/Marked", False):
            problem("no /MarkInfo <</Marked true>>")
        if not root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False):
            problem("viewers are not asked to show the title (/DisplayDocTitle)")
        title = str(pdf.docinfo.get("/Title", ""))
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            if not title or meta.get("dc:title") != title:
                problem(f"title {title!r} in Info, {meta.get('dc:title')!r} in XMP")
            if meta.get("pdfuaid:part") != "1":
                problem("no PDF/UA identification (pdfuaid:part 1) in the XMP metadata")
        tree = root.get("/StructTreeRoot")
        if tree is None:
            problem("no structure tree")
            return found
        parent_tree = _number_tree(tree.ParentTree, {})

        # The pages: every text-showing or painting operator in an MCID's marked content or in an artifact.
        in_pages: set[tuple] = set()
        for number, page in enumerate(pdf.pages, start=1):
            if page.obj.get("/Tabs") != Name.S:
                problem(f"page {number}: no /Tabs /S")
            for font in page.Resources.get("/Font", {}).values():
                descriptor = (font.DescendantFonts[0] if "/DescendantFonts" in font else font).get("/FontDescriptor", {})
                if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                    problem(f"page {number}: font {font.get('/BaseFont')} is not embedded")
            stack: list[tuple[str, int | None]] = []  # ("Artifact" | role | "other", MCID)
            for operands, operator in pikepdf.parse_content_stream(page):
                op = str(operator)
                if op in ("BDC", "BMC"):
                    tag = str(operands[0])[1:]
                    mcid = operands[1].get("/MCID") if op == "BDC" and isinstance(operands[1], Dictionary) else None
                    if mcid is not None:
                        key = (page.objgen, int(mcid))
                        if any(t == "Artifact" or m is not None for t, m in stack):
                            problem(f"page {number}: MCID {mcid} inside other marked content or an artifact")
                        if key in in_pages:
                            problem(f"page {number}: MCID {mcid} used twice")
                        in_pages.add(key)
                        found.marked += 1
                    stack.append((tag, None if mcid is None else int(mcid)))
                elif op == "EMC":
                    if not stack:
                        problem(f"page {number}: EMC without BDC/BMC")
                    else:
                        stack.pop()
                elif (op in TEXT_SHOWING or op in PAINTING) and \
                        not any(t == "Artifact" or m is not None for t, m in stack):
                    problem(f"page {number}: untagged {'text' if op in TEXT_SHOWING else 'graphics'} ({op})")
            if stack:
                problem(f"page {number}: marked content left open at the end of the page")

        # The tree: every element's kids, its marked content owned once, and owned by the parent tree too.
        owned: dict[tuple, pikepdf.Object] = {}
        page_numbers = {page.objgen: index for index, page in enumerate(pdf.pages)}
        texts = shown_text(path)

        def element(node, parent) -> None:
            role = str(node.S)[1:]
            found.roles.append(role)
            if node.get("/P") is None or node.P.objgen != parent.objgen:
                problem(f"{role}: its /P is not its parent")
            kids = node.get("/K", Array())
            kids = kids if isinstance(kids, Array) else Array([kids])
            roles_below = []
            for kid in kids:
                if isinstance(kid, int) or (isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR):
                    page = node.Pg if isinstance(kid, int) else kid.Pg
                    key = (page.objgen, int(kid) if isinstance(kid, int) else int(kid.MCID))
                    if key in owned:
                        problem(f"{role}: MCID {key[1]} on page {page_numbers[key[0]] + 1} has two owners")
                    owned[key] = node
                    mapped = parent_tree.get(int(page.get("/StructParents", -1)))
                    if mapped is None or key[1] >= len(mapped) or mapped[key[1]].objgen != node.objgen:
                        problem(f"{role}: the parent tree does not lead MCID {key[1]} of page "
                                f"{page_numbers[key[0]] + 1} back to it")
                elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.OBJR:
                    annotation = kid.Obj
                    back = parent_tree.get(int(annotation.get("/StructParent", -1)))
                    if back is None or back.objgen != node.objgen:
                        problem(f"{role}: its annotation's /StructParent does not lead back to it")
                    if not str(annotation.get("/Contents", "")).strip():
                        problem(f"{role}: its annotation has no /Contents")
                    roles_below.append("OBJR")
                elif isinstance(kid, Dictionary):
                    roles_below.append(str(kid.S)[1:])
                    element(kid, node)
            if role in ("H1", "H2", "H3", "H4", "H5", "H6"):
                found.headings.append((role, _text_of(texts, page_numbers, node)))
            elif role == "Table":
                cells = [str(cell.S)[1:] for row in kids if isinstance(row, Dictionary) and row.get("/S") == Name.TR
                         for cell in (row.K if isinstance(row.K, Array) else [row.K])]
                unscoped = sum(1 for row in kids if isinstance(row, Dictionary) and row.get("/S") == Name.TR
                               for cell in (row.K if isinstance(row.K, Array) else [row.K])
                               if cell.S == Name.TH and "/Scope" not in cell.get("/A", {}))
                found.tables.append({"TH": cells.count("TH"), "TD": cells.count("TD"), "unscoped": unscoped})
                if "TH" not in cells:
                    problem(f"a Table with {len(cells)} cells and no TH")
                if set(roles_below) - {"TR", "Caption"}:
                    problem(f"a Table holds {sorted(set(roles_below) - {'TR', 'Caption'})}")
            elif role == "Figure":
                alt = str(node.get("/Alt", ""))
                found.figures.append(alt)
                if not alt.strip():
                    problem("a Figure without /Alt")
                if "/BBox" not in node.get("/A", {}):
                    problem("a Figure without a /BBox attribute")
            elif role == "Link" and "OBJR" not in roles_below:
                problem("a Link element without its annotation (OBJR)")

        document = tree.K
        if isinstance(document, Array) or document.get("/S") != Name.Document:
            problem("the structure tree does not start with one Document element")
        element(document if not isinstance(document, Array) else document[0], tree)

        for key in in_pages - set(owned):
            problem(f"page {page_numbers[key[0]] + 1}: MCID {key[1]} is owned by no structure element")
        for key in set(owned) - in_pages:
            problem(f"page {page_numbers[key[0]] + 1}: MCID {key[1]} of {owned[key].S} is in no page")
        for number, page in enumerate(pdf.pages, start=1):
            for annotation in page.get("/Annots", ()):
                if "/StructParent" not in annotation:
                    problem(f"page {number}: a {annotation.get('/Subtype')} annotation outside the structure")

    levels = [int(role[1]) for role, _text in found.headings]
    if levels and levels[0] != 1:
        problem(f"the first heading is {found.headings[0]}, not an H1")
    for (before, _t), (after, text) in zip(found.headings, found.headings[1:]):
        if int(after[1]) > int(before[1]) + 1:
            problem(f"{before} is followed by {after} {text!r}: a level skipped")
    return found


@pytest.fixture
def everything(arnhem_with_secrets, tmp_path):
    """The Arnhem demo pack with every section, internal and confidential items and a vote chart."""
    options = PackOptions(sections=EVERY_SECTION, include=frozenset({"internal", "confidential"}),
                          include_sensitive=True, author="Griffie Arnhem")
    with Dossier.open(arnhem_with_secrets) as dossier:
        add_votes(dossier, [("2021-09", [("GroenLinks", "for", 8), ("D66", "for", 5), ("VVD", "against", 6)])])
        path = pack_file(dossier, tmp_path / "alles.pdf", options)
        pack = pack_of(dossier, options)
    return path, pack


def test_the_pack_with_everything_is_tagged(everything):
    path, pack = everything
    found = walk(path)
    assert found.problems == []
    # The walk saw what a reader needs, not an empty tree that has nothing to fail on.
    assert found.headings[0] == ("H1", pack.title) and ("H1", "Inhoud") in found.headings
    assert [text for _role, text in found.headings[2:]] == [squash(h.text) for h in pack.headings()]
    assert [role for role, _text in found.headings[2:]] == [f"H{h.level}" for h in pack.headings()]
    assert found.roles.count("TOCI") == found.roles.count("Link") == len(pack.headings())
    assert found.roles.count("LI") == len(pack.sources) > 0
    assert len(found.tables) == sum(isinstance(b, (Facts, Table)) for b in pack.blocks) + 1  # and the cover's
    assert all(table["unscoped"] == 0 for table in found.tables)
    charts = [b for b in pack.blocks if isinstance(b, VoteChart)]
    assert charts and found.figures == [chart.alt_text for chart in charts]
    assert "voor GroenLinks (8), D66 (5); tegen VVD (6)" in found.figures[0]
    assert found.marked > 100


def test_headers_footers_and_the_marking_are_artifacts_and_the_text_is_all_there(everything):
    """What the pages show is what the tree holds, less the header, footer, page number and marking."""
    path, pack = everything
    texts = shown_text(path)
    pages = len(pdf_pages(path))
    tagged = squash(" ".join(text for (_page, key), text in sorted(texts.items(), key=str) if isinstance(key, int)))
    assert not any(key == "untagged" for _page, key in texts)
    assert SECRET_EVENT in tagged and AT_RISK in tagged and "Pagina " not in tagged
    for page in range(pages):
        artifacts = texts[page, "artifact"]
        assert f"Pagina {page + 1} van {pages}" in artifacts and "VERTROUWELIJK" in artifacts
        if page:
            assert pack.title in artifacts  # the header
    assert pack.marking == "VERTROUWELIJK" and "VERTROUWELIJK" in tagged  # as content on the cover


def long_pack() -> Pack:
    """A pack whose table and paragraph run over several pages, so both are split and the header repeated."""
    rows = tuple((f"{n}", f"Punt {n} van de lijst, met wat tekst erbij", "aangenomen") for n in range(1, 160))
    blocks = [Heading(1, "Moties", "s-motions"), Heading(2, "Een lange lijst", "i-1"),
              Table(("Nr.", "Onderwerp", "Uitslag"), rows, (0.15, 0.6, 0.25), caption="Alle punten"),
              Paragraph("De raad overweegt dat " * 2000, citations=(1,)),
              Facts((("Datum", "1 januari 2021"), ("Status", "aangenomen"))),
              VoteChart((("GL", "for", 8), ("VVD", "against", 6)), "voor 8 · tegen 6 · niet gestemd 0"),
              Heading(1, "Bronnen", "sources")]
    return Pack(title="Lange lijst", subtitle="Proef", date="1 januari 2021", author="", marking=None, levels=(),
                blocks=blocks, sources=[Citation(1, "Een bron " * 300)])


def test_split_tables_and_paragraphs_stay_tagged(tmp_path):
    pack = long_pack()
    path = render_pdf(pack, tmp_path / "lang.pdf")
    found = walk(path)
    assert found.problems == []
    with pikepdf.open(path) as pdf:
        assert len(pdf.pages) > 8
        elements = [pdf.Root.StructTreeRoot.K]
        table = paragraph = None
        while elements:
            node = elements.pop()
            kids = node.get("/K")
            kids = kids if isinstance(kids, Array) else [kids]
            if node.S == Name.Table and len(kids) > 100:
                table = node
            if node.S == Name.P and len(kids) > 1:
                paragraph = node
            elements += [k for k in kids if isinstance(k, Dictionary) and "/S" in k]
        # One Table of a caption, the header row and every row, though it is drawn on several pages with the
        # header repeated on each (an artifact there); one P for the paragraph, content on page after page.
        assert table is not None and len(table.K) == 1 + 1 + 159
        assert str(table.K[1].K[0].S) == "/TH" and str(table.K[2].K[0].S) == "/TD"
        assert len({row.K[0].Pg.objgen for row in list(table.K)[2:]}) > 2  # rows on three pages or more,
        assert all(isinstance(th.K, int) for th in table.K[1].K)  # the header read once: its repeats are artifacts
        assert paragraph is not None and len({kid.Pg.objgen for kid in paragraph.K if isinstance(kid, Dictionary)}) > 2
    assert found.headings == [("H1", "Lange lijst"), ("H1", "Inhoud"), ("H1", "Moties"), ("H2", "Een lange lijst"),
                              ("H1", "Bronnen")]


@pytest.mark.parametrize("slug", ["enschede-dalian", "maastricht-chengdu"])
def test_demo_packs_are_tagged(demo_dir, tmp_path, slug):
    with Dossier.open(demo_dir / f"{slug}.raadsdossier", read_only=True) as dossier:
        path = pack_file(dossier, tmp_path / f"{slug}.pdf", PackOptions(sections=EVERY_SECTION))
    assert walk(path).problems == []


def test_the_walk_finds_what_is_missing(everything, tmp_path):
    """The checks above can fail: an untagged PDF, and a tagged one spoilt in the ways the walk looks for."""
    from reportlab.pdfgen.canvas import Canvas

    untagged = tmp_path / "kaal.pdf"
    canvas = Canvas(str(untagged))
    canvas.drawString(72, 720, "Tekst zonder tags")
    canvas.save()
    problems = " | ".join(walk(untagged).problems)
    assert "document language" in problems and "no structure tree" in problems and "DisplayDocTitle" in problems

    path, _pack = everything
    spoilt = tmp_path / "bedorven.pdf"
    with pikepdf.open(path) as pdf:
        nodes, seen = [pdf.Root.StructTreeRoot.K], {"H2": 0}
        while nodes:
            node = nodes.pop(0)
            kids = node.get("/K")
            kids = kids if isinstance(kids, Array) else [kids]
            if node.S == Name.Figure:
                del node.Alt
            elif node.S == Name.H2 and not seen["H2"]:
                node.S, seen["H2"] = Name.H3, 1
            elif node.S == Name.TH:
                node.S = Name.TD
            nodes += [k for k in kids if isinstance(k, Dictionary) and "/S" in k]
        contents = pdf.pages[1]  # take the contents' title out of the structure: marked, but without an MCID
        contents.Contents = pdf.make_stream(contents.Contents.read_bytes().replace(b"/H1 <</MCID 0>> BDC",
                                                                                   b"/Span BMC"))
        del pdf.Root.Lang
        pdf.save(spoilt)
    problems = " | ".join(walk(spoilt).problems)
    assert "a Figure without /Alt" in problems
    assert "H1 is followed by H3" in problems and "a level skipped" in problems
    assert "no TH" in problems
    assert "page 2: untagged text" in problems and "page 2: MCID 0 of /H1 is in no page" in problems
    assert "document language" in problems


def test_the_external_checker_finds_nothing(everything):
    """`pdfua check` (PyPI: pdfua, built on pikepdf; in the test extra): no finding of any severity."""
    path, _pack = everything
    result = subprocess.run([sys.executable, "-m", "pdfua", "check", str(path)], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "result: PASS (no findings)" in result.stdout and "[skip" not in result.stdout, result.stdout
