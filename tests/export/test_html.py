"""HTML packs read as a browser and a screen reader read them: parsed with the standard library's html.parser."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import docx
import pytest

from raadsdossier.domain.errors import InvalidInput
from raadsdossier.export.build import PackOptions
from raadsdossier.export.docx import render_docx
from raadsdossier.export.html import render_html
from raadsdossier.export.model import Citation, Facts, Heading, Pack, Paragraph, Table, VoteChart
from raadsdossier.export.write import format_of, write_pack
from raadsdossier.services import edits
from raadsdossier.storage.dossier import Dossier
from tests.export.conftest import add_votes, pack_file, pack_of

SLUGS = ["arnhem-wuhan", "breda-yangzhou", "enschede-dalian", "maastricht-chengdu"]
EVERYTHING = PackOptions(include=frozenset({"internal", "confidential"}), author="Griffie")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SCRIPT = '<script>alert("weg")</script> & "Dalian"'


# -- a small tree of the page ------------------------------------------------------------

@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)
    parent: Node | None = None

    def iter(self, *tags: str):
        for child in self.children:
            if isinstance(child, Node):
                if not tags or child.tag in tags:
                    yield child
                yield from child.iter(*tags)

    def find(self, *tags: str) -> Node | None:
        return next(self.iter(*tags), None)

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else ("\n" if c.tag == "br" else c.text) for c in self.children)

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("#document")
        self.doctype = None

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), parent=self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, dict(attrs), parent=self.current))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        assert self.current.tag == tag, f"</{tag}> closes <{self.current.tag}>"
        self.current = self.current.parent

    def handle_data(self, data):
        self.current.children.append(data)


def page(path: Path) -> Node:
    """The parsed page; every element closed where it was opened."""
    builder = _Builder()
    builder.feed(path.read_text(encoding="utf-8"))
    builder.close()
    assert builder.current is builder.root and builder.doctype == "DOCTYPE html"
    return builder.root


def source_list(root: Node) -> Node:
    return next(ol for ol in root.iter("ol") if ol.attrs.get("class") == "sources")


def squashed(text: str) -> str:
    return " ".join(text.split())


def headings(root: Node) -> list[tuple[int, str]]:
    return [(int(h.tag[1]), h.text) for h in root.iter("h1", "h2", "h3", "h4", "h5", "h6")]


def tiny_pack(*blocks, **changes) -> Pack:
    fields = {"title": "Raad", "subtitle": "Webpagina", "date": "1 maart 2026", "author": "", "marking": None,
              "levels": ("public",), "blocks": list(blocks)}
    return Pack(**(fields | changes))


# -- fixtures -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def everything(demo_dir, tmp_path_factory):
    """Every demo dossier's pack with every level, as HTML and DOCX: [(html, docx, pack)]."""
    folder = tmp_path_factory.mktemp("html")
    made = []
    for slug in SLUGS:
        with Dossier.open(demo_dir / f"{slug}.raadsdossier", read_only=True) as dossier:
            pack = pack_of(dossier, EVERYTHING)
        made.append((render_html(pack, folder / f"{slug}.html"), render_docx(pack, folder / f"{slug}.docx"), pack))
    return made


@pytest.fixture
def voted(demo_copy, tmp_path):
    """The Arnhem dossier's motions with a vote of parties added, as HTML: (path, pack)."""
    path = demo_copy("arnhem-wuhan")
    with Dossier.open(path) as dossier:
        add_votes(dossier, [("2021-09", [("GroenLinks", "for", 8), ("D66", "for", 5), ("VVD", "against", 6)])])
        pack = pack_of(dossier, PackOptions(sections=("motions",)))
    return render_html(pack, tmp_path / "stemming.html"), pack


# -- the page as a whole ---------------------------------------------------------------

def test_the_page_declares_its_language_and_title_and_needs_nothing_else(everything, tmp_path):
    path, _docx, pack = everything[0]
    root = page(path)
    html = root.find("html")
    assert html.attrs["lang"] == "nl-NL" == pack.language
    assert root.find("title").text == pack.title
    assert root.find("meta").attrs == {"charset": "utf-8"}
    assert root.find("script") is None and root.find("link") is None and root.find("iframe") is None
    for element in root.iter():
        assert "src" not in element.attrs and "srcset" not in element.attrs, element.tag
        assert not any(name.startswith("on") for name in element.attrs), element.tag  # no event handlers
    style = "".join(s.text for s in root.iter("style"))
    assert "@import" not in style and "url(" not in style
    assert "max-width: 45em" in style and "@media print" in style
    # links leave the page only towards the sources, and only to web addresses
    for link in root.iter("a"):
        href = link.attrs["href"]
        if not href.startswith("#"):
            assert href.startswith(("https://", "http://")), href
            assert any(a.tag == "ol" and "sources" in (a.attrs.get("class") or "") for a in link.ancestors())
    english = page(render_html(tiny_pack(Heading(1, "Kop", "kop"), language="en-GB"), tmp_path / "en.html"))
    assert english.find("html").attrs["lang"] == "en-GB"


def test_the_cover_and_the_contents_lead_to_every_heading(everything):
    path, _docx, pack = everything[2]
    root = page(path)
    cover = root.find("header")
    assert cover.find("p").text == pack.title
    facts = {dt.text: dd.text for dt, dd in zip(cover.iter("dt"), cover.iter("dd"))}
    assert facts == {"Datum": pack.date, "Opgesteld door": "Griffie",
                     "Opgenomen niveaus": "openbaar, fractie-intern, vertrouwelijk", "Hoogste niveau in dit stuk":
                     "OPENBAAR"}
    nav = root.find("nav")
    assert nav.attrs["aria-labelledby"] and root.find("main") is not None
    links = list(nav.iter("a"))
    assert [a.text for a in links] == [h.text for h in pack.headings()]
    ids = {el.attrs["id"]: el for el in root.iter() if "id" in el.attrs}
    assert [ids[a.attrs["href"][1:]].tag for a in links] == [f"h{h.level}" for h in pack.headings()]
    # the items are listed under their section
    nested = [a for a in links if sum(1 for n in a.ancestors() if n.tag == "ol") == 2]
    assert [a.text for a in nested] == [h.text for h in pack.headings(2)] and nested


def test_ids_are_unique_and_every_link_inside_the_page_has_its_target(everything, tmp_path):
    awkward = tiny_pack(Heading(1, "Een", "1 kop"), Heading(2, "Twee", "1 kop"), Heading(1, "Drie", "bron-1"),
                        Paragraph("Tekst", (1,)), Heading(1, "Bronnen", "sources"), sources=[Citation(1, "Een bron")])
    paths = [p for p, _d, _pack in everything] + [render_html(awkward, tmp_path / "raar.html")]
    for path in paths:
        root = page(path)
        ids = [el.attrs["id"] for el in root.iter() if "id" in el.attrs]
        assert len(ids) == len(set(ids)), path.name
        assert all(ids) and not any(" " in i for i in ids)
        for link in root.iter("a"):
            if link.attrs["href"].startswith("#"):
                assert link.attrs["href"][1:] in ids, (path.name, link.attrs["href"])


# -- headings -----------------------------------------------------------------------

def test_headings_are_the_packs_in_order_and_the_same_as_in_the_docx(everything):
    for path, docx_path, pack in everything:
        found = headings(page(path))
        assert found == [(h.level, h.text) for h in pack.headings()]
        assert found[0][0] == 1 and all(b <= a + 1 for (a, _), (b, _) in pairwise(found))
        in_docx = [(int(p.style.name[-1]), p.text) for p in docx.Document(str(docx_path)).paragraphs
                   if p.style.name.startswith("Heading")]
        assert found == in_docx, path.name


def test_a_pack_that_skips_a_level_gets_none_skipped(tmp_path):
    pack = tiny_pack(Heading(2, "Eerst een onderdeel", "a"), Heading(1, "Sectie", "b"), Heading(2, "Onderdeel", "c"))
    root = page(render_html(pack, tmp_path / "niveaus.html"))
    assert headings(root) == [(1, "Eerst een onderdeel"), (1, "Sectie"), (2, "Onderdeel")]


# -- blocks -------------------------------------------------------------------------

def test_tables_have_a_caption_and_column_headers(everything):
    seen = 0
    for path, _docx, pack in everything:
        expected = [b for b in pack.blocks if isinstance(b, Table) and b.columns]
        tables = list(page(path).iter("table"))
        assert len(tables) == len(expected)
        for table, block in zip(tables, expected):
            head = table.find("thead")
            cells = list(head.iter("th", "td"))
            assert [c.tag for c in cells] == ["th"] * len(block.columns)
            assert [c.text for c in cells] == list(block.columns)
            assert all(c.attrs.get("scope") == "col" for c in cells)
            caption = table.find("caption")
            assert (caption.text if caption else "") == block.caption
            rows = list(table.find("tbody").iter("tr"))
            assert [tuple(td.text for td in row.iter("td")) for row in rows] == \
                [tuple(r) + ("",) * (len(block.columns) - len(r)) for r in block.rows]
            seen += 1
    assert seen > 10


def test_facts_are_description_lists(everything):
    path, _docx, pack = everything[0]
    lists_ = list(page(path).find("main").iter("dl"))
    expected = [b for b in pack.blocks if isinstance(b, Facts) and b.rows]
    assert [[(dt.text, dd.text) for dt, dd in zip(dl.iter("dt"), dl.iter("dd"))] for dl in lists_] == \
        [list(b.rows) for b in expected]


def test_paragraph_styles(tmp_path):
    pack = tiny_pack(Heading(1, "Kop", "k"), Paragraph("Gewoon"), Paragraph("Zo zei hij het", style="quote"),
                     Paragraph("Klein", style="small"), Paragraph("Vraag 1", style="label"),
                     Paragraph("Twee\nregels"))
    main = page(render_html(pack, tmp_path / "stijlen.html")).find("main")
    assert [p.text for p in main.iter("p")] == ["Gewoon", "Zo zei hij het", "Klein", "Vraag 1", "Twee\nregels"]
    assert main.find("blockquote").find("p").text == "Zo zei hij het"
    assert [p.attrs.get("class") for p in main.iter("p")] == [None, None, "small", "label", None]


def test_a_vote_chart_is_a_figure_with_its_text_alternative(voted):
    path, pack = voted
    charts = [b for b in pack.blocks if isinstance(b, VoteChart)]
    figures = list(page(path).iter("figure"))
    assert len(figures) == len(charts)
    for figure, chart in zip(figures, charts):
        assert figure.find("svg").find("title").text == chart.alt_text
    figure, chart = next((f, c) for f, c in zip(figures, charts) if "D66 (5)" in c.alt_text)  # the vote added
    svg = figure.find("svg")
    assert svg.attrs["role"] == "img"
    title = svg.find("title")
    assert svg.attrs["aria-labelledby"] == title.attrs["id"]
    assert title.text == chart.alt_text
    assert chart.alt_text.startswith("Staafdiagram van de stemming: voor GroenLinks (8), D66 (5); tegen VVD (6).")
    assert [r.attrs["fill"] for r in svg.iter("rect")] == ["#2e7d32", "#2e7d32", "#c62828"]
    widths = [float(r.attrs["width"]) for r in svg.iter("rect")]
    assert [round(w / sum(widths), 3) for w in widths] == [round(s / 19, 3) for s in (8, 5, 6)]
    assert squashed(figure.find("figcaption").text).startswith(chart.caption)


def test_a_vote_without_seats_is_told_in_words(tmp_path):
    chart = VoteChart((("GroenLinks", "for", 0),), "voor 0 · tegen 0 · niet gestemd 0")
    figure = page(render_html(tiny_pack(Heading(1, "Moties", "m"), chart), tmp_path / "leeg.html")).find("figure")
    assert figure.find("svg") is None
    assert figure.find("p").text == chart.alt_text
    assert figure.find("figcaption").text.startswith(chart.caption)


def test_every_citation_is_a_link_to_its_numbered_source(everything):
    for path, _docx, pack in everything:
        root = page(path)
        sources = source_list(root)
        items = list(sources.iter("li"))
        assert [(li.attrs["id"], li.attrs["value"], li.text) for li in items] == \
            [(f"bron-{s.number}", str(s.number), s.text) for s in pack.sources]
        previous = [el for el in sources.parent.children if isinstance(el, Node)]
        assert previous[previous.index(sources) - 1].text == "Bronnen"  # right after its heading
        cited = [n for b in pack.blocks if isinstance(b, Paragraph) for n in b.citations]
        links = [a for a in root.find("main").iter("a") if a.attrs["href"].startswith("#bron-")]
        assert [a.text for a in links] == [str(n) for n in cited] and cited
        assert all(a.attrs["href"] == f"#bron-{a.text}" and a.attrs["aria-label"] == f"bron {a.text}" for a in links)
        assert all(a.parent.text.startswith("[") and a.parent.text.endswith("]") for a in links)


# -- what must not happen --------------------------------------------------------------

def test_markup_in_an_item_is_text_not_markup(demo_copy, tmp_path):
    path = demo_copy("enschede-dalian")
    with Dossier.open(path) as dossier:
        edits.save_item(dossier, "events", {"id": "e0000000-0000-4000-8000-0000000000d2", "title": SCRIPT,
                                            "kind": "other", "date": "2021-08"})
        target = pack_file(dossier, tmp_path / "stuk.html", PackOptions())
    root = page(target)
    assert root.find("script") is None
    assert any(SCRIPT in td.text for td in root.iter("td"))
    assert "<script>" not in target.read_text(encoding="utf-8")
    # and everywhere else a pack puts text
    pack = tiny_pack(Heading(1, SCRIPT, "x"), Paragraph(SCRIPT, (1,)), Facts(((SCRIPT, SCRIPT),)),
                     Table((SCRIPT,), ((SCRIPT,),), (1.0,), SCRIPT), VoteChart(((SCRIPT, "for", 2),), SCRIPT),
                     Heading(1, "Bronnen", "sources"),
                     title=SCRIPT, subtitle=SCRIPT, author=SCRIPT, marking=SCRIPT,
                     sources=[Citation(1, SCRIPT + ' https://example.org/"><script>')])
    written = render_html(pack, tmp_path / "overal.html")
    assert "<script" not in written.read_text(encoding="utf-8")
    root = page(written)
    assert root.find("script") is None
    assert root.find("title").text == f"{SCRIPT} ({SCRIPT})"
    for tag in ("h1", "td", "th", "caption", "dt", "dd", "figcaption"):
        assert any(el.text.startswith(SCRIPT) for el in root.iter(tag)), tag
    assert SCRIPT in root.find("svg").find("title").text
    link = next(source_list(root).iter("a"))
    assert link.attrs["href"] == "https://example.org/"


def test_the_marking_is_at_the_top_and_the_bottom_only_when_there_is_one(demo_copy, tmp_path):
    path = demo_copy("enschede-dalian")
    secret = "Geheim beraad over de stedenband"
    with Dossier.open(path) as dossier:
        edits.save_item(dossier, "events", {"id": "e0000000-0000-4000-8000-0000000000d1", "title": secret,
                                            "kind": "other", "date": "2021-08", "confidentiality": "confidential"})
        marked = pack_file(dossier, tmp_path / "vertrouwelijk.html",
                           PackOptions(include=frozenset({"confidential"})))
        public = pack_file(dossier, tmp_path / "openbaar.html", PackOptions())
    root = page(marked)
    body = [c for c in root.find("body").children if isinstance(c, Node)]
    first = next(el for el in body if el.tag != "a")  # after the link past the contents
    assert first.tag == "p" and first.text.startswith("VERTROUWELIJK")
    assert "Niet verspreiden" in first.text
    last = [c for c in body[-1].children if isinstance(c, Node)][-1]
    assert body[-1].tag == "footer" and last.text.startswith("VERTROUWELIJK")
    assert "VERTROUWELIJK" in root.find("title").text
    assert any(secret in el.text for el in root.iter("td"))
    text = public.read_text(encoding="utf-8")
    assert "VERTROUWELIJK" not in text and secret not in text


# -- the file ---------------------------------------------------------------------------

def test_write_pack_makes_html_by_its_suffix(tmp_path):
    pack = tiny_pack(*[Paragraph(f"Alinea {i}") for i in range(120)])
    calls = []
    target = write_pack(pack, tmp_path / "Stuk.HTML", lambda done, total: calls.append((done, total)))
    assert target.read_bytes().startswith(b"<!DOCTYPE html>")
    assert list(tmp_path.iterdir()) == [target]
    assert calls[0] == (0, 120) and calls[-1] == (120, 120) and len(calls) == 4
    assert format_of(Path("a.html")) == "html"
    with pytest.raises(InvalidInput) as error:
        format_of(tmp_path / "stuk.odt")
    assert all(suffix in str(error.value) for suffix in (".pdf", ".docx", ".html", "stuk.odt"))
