"""Tagged PDF (PDF/UA-1) for the packs: marked content written while reportlab draws, the structure tree after.

reportlab writes no tags. While a pack is drawn, every piece of content is put in a marked-content
sequence of its own (`/P <</MCID 3>> BDC … EMC`) and recorded as a kid of its structure element, and
everything that is not content (headers, footers, page numbers, the marking, rules and cell shading)
is put in `/Artifact` sequences. `finish` then adds what reportlab cannot write to the finished file
with pikepdf: the structure tree, the parent tree, the link annotations' place in it, the document
language, the title shown by viewers and the PDF/UA identification in the XMP metadata.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, String
from reportlab.platypus import Flowable, Paragraph as RLParagraph, Table as RLTable

from raadsdossier.base import tempfiles


class Element:
    """A structure element: its type (P, H1, TD, …) and its kids in reading order: elements, marked
    content as (page number, MCID) and link annotations as Annotation. An element is made, with its parent,
    before any of its content is drawn, so the tree is in the story's order. `attributes` are the
    element's attribute object: a str value is a PDF name ("/Column"), a list an array of numbers."""

    __slots__ = ("alt", "attributes", "kids", "role")

    def __init__(self, role: str, parent: Element | None = None, alt: str | None = None,
                 attributes: dict | None = None) -> None:
        self.role, self.kids, self.alt, self.attributes = role, [], alt, attributes
        if parent is not None:
            parent.kids.append(self)


class Annotation:
    """A kid of a Link element: the link annotation made on `page` as the `index`-th link of the document."""

    __slots__ = ("index", "page")

    def __init__(self, page: int, index: int) -> None:
        self.page, self.index = page, index


class Tags:
    """The structure of one document while reportlab draws it. One per document; the drawing thread only."""

    def __init__(self) -> None:
        self.root = Element("Document")
        self._next_mcid: dict[int, int] = {}  # page number -> the next free MCID on that page
        self.links: list[tuple[int, Element]] = []  # (page, Link element) in the order the annotations are made

    def reserve(self, canvas, element: Element) -> int:
        """A new MCID on the canvas's current page, owned by `element` (drawn now or later with `begin`)."""
        page = canvas.getPageNumber()
        mcid = self._next_mcid.get(page, 0)
        self._next_mcid[page] = mcid + 1
        element.kids.append((page, mcid))
        return mcid

    def begin(self, canvas, element: Element, mcid: int | None = None) -> None:
        """Open the marked content of `element` (a new MCID unless `mcid` is one reserved); `end` closes it."""
        if mcid is None:
            mcid = self.reserve(canvas, element)
        canvas._code.append(f"/{element.role} <</MCID {mcid}>> BDC")

    @staticmethod
    def end(canvas) -> None:
        canvas._code.append("EMC")

    @staticmethod
    def begin_artifact(canvas, pagination: bool = False) -> None:
        """Open an artifact: what is drawn until `end` is not content (a rule, shading, a page header)."""
        canvas._code.append("/Artifact <</Type /Pagination>> BDC" if pagination else "/Artifact BMC")

    def link(self, canvas, element: Element) -> None:
        """Record that the link annotation just made (canvas.linkRect) belongs to `element`."""
        page = canvas.getPageNumber()
        element.kids.append(Annotation(page, len(self.links)))
        self.links.append((page, element))

    def mcid_counts(self) -> dict[int, int]:
        """{page number: how many MCIDs it has}, for the pages that have any."""
        return dict(self._next_mcid)


class TaggedParagraph(RLParagraph):
    """A paragraph whose text is content of `element`; the pieces it splits into across pages too."""

    def __init__(self, text, style, element: Element | None = None, **kwargs) -> None:
        super().__init__(text, style, **kwargs)
        self.element = element

    def split(self, available_width, available_height):
        pieces = super().split(available_width, available_height)
        for piece in pieces:
            piece.element = self.element
        return pieces

    def drawOn(self, canvas, x, y, _sW=0):
        tags = canvas.tags
        tags.begin(canvas, self.element)
        super().drawOn(canvas, x, y, _sW)
        tags.end(canvas)


class TaggedTable(RLTable):
    """A table whose cells are content of their TH/TD elements; `rows` has a (TR element, [cell elements])
    per row. Shading and rules are artifacts, and so are header rows repeated on a following page.
    Without spans (SPAN), which packs do not use: reportlab then draws the cells row by row."""

    def __init__(self, data, *args, rows: list | None = None, **kwargs) -> None:
        super().__init__(data, *args, **kwargs)
        self.rows = rows

    def split(self, available_width, available_height):
        pieces = super().split(available_width, available_height)  # made by self.__class__, without rows
        if len(pieces) == 2:  # the rows before the break, then the repeated header and the rest
            first, rest = pieces
            kept = first._nrows
            repeated = rest._nrows - (self._nrows - kept)
            first.rows = self.rows[:kept]
            rest.rows = [None] * repeated + self.rows[kept:]
        return pieces

    def draw(self):
        self._drawn = 0  # the cells drawn so far: the next one's row and column
        super().draw()

    def _drawBkgrnd(self):
        Tags.begin_artifact(self.canv)
        super()._drawBkgrnd()
        Tags.end(self.canv)

    def _drawLines(self):
        Tags.begin_artifact(self.canv)
        super()._drawLines()
        Tags.end(self.canv)

    def _drawCell(self, cellval, cellstyle, pos, size):
        row, column = divmod(self._drawn, self._ncols)
        self._drawn += 1
        canvas, cells = self.canv, self.rows[row]
        if cells is None:
            Tags.begin_artifact(canvas)
        else:
            canvas.tags.begin(canvas, cells[1][column])
        super()._drawCell(cellval, cellstyle, pos, size)
        Tags.end(canvas)


class Figure(Flowable):
    """A reportlab Drawing as a Figure element with the alternative text of `element` and its box on the page."""

    def __init__(self, drawing, element: Element) -> None:
        super().__init__()
        self.drawing, self.element = drawing, element
        self.width, self.height = drawing.width, drawing.height

    def wrap(self, available_width, available_height):
        return self.drawing.wrap(available_width, available_height)

    def drawOn(self, canvas, x, y, _sW=0):
        x0, y0 = canvas.absolutePosition(x, y)
        x1, y1 = canvas.absolutePosition(x + self.width, y + self.height)
        self.element.attributes = {"O": "/Layout", "BBox": [round(v, 2) for v in (x0, y0, x1, y1)]}
        canvas.tags.begin(canvas, self.element)
        self.drawing.drawOn(canvas, x, y, _sW)
        canvas.tags.end(canvas)


def finish(path: Path, tags: Tags, title: str, language: str) -> None:
    """Add the structure tree of `tags` and the document's accessibility entries to the PDF at `path`, in place.

    `tags` must have recorded the drawing of exactly this file: the MCIDs in its pages and its link
    annotations, in order. The file is rewritten whole: pikepdf writes a temporary file beside it, named as
    base/tempfiles.py names them (pikepdf's own name for one would outlive a killed process), and it replaces
    `path` when whole."""
    tagged = tempfiles.beside(path)
    try:
        _tag(path, tagged, tags, title, language)
        os.replace(tagged, path)
    finally:
        tagged.unlink(missing_ok=True)


def _tag(path: Path, tagged: Path, tags: Tags, title: str, language: str) -> None:
    with pikepdf.open(path) as pdf:
        pages = [page.obj for page in pdf.pages]
        links = _link_annotations(pages, tags)
        root = pdf.Root
        tree = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        writer = _TreeWriter(pdf, tags, pages, links)
        tree.K = writer.write(tags.root, tree)
        # The parent tree: each page's MCIDs, then each link annotation, to the element that owns it.
        numbers = []
        for index, page in enumerate(pages):
            page.StructParents = index
            page.Tabs = Name.S
            numbers += [index, pdf.make_indirect(Array(writer.owners.get(index + 1, [])))]
        for index, (annotation, owner) in enumerate(zip(links, writer.link_owners)):
            annotation.StructParent = len(pages) + index
            numbers += [len(pages) + index, owner]
        tree.ParentTree = pdf.make_indirect(Dictionary(Nums=Array(numbers)))
        tree.ParentTreeNextKey = len(pages) + len(links)
        root.StructTreeRoot = tree
        root.MarkInfo = Dictionary(Marked=True)
        root.Lang = String(language)
        preferences = root.get("/ViewerPreferences", Dictionary())
        preferences.DisplayDocTitle = True
        root.ViewerPreferences = preferences
        pdf.docinfo.Title = String(title)
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta, warnings.catch_warnings():
            warnings.filterwarnings("ignore", "The metadata field /Trapped")  # reportlab's; XMP has no such field
            meta.load_from_docinfo(pdf.docinfo)
            meta["pdfuaid:part"] = "1"
        # Object streams keep the thousands of small structure elements from tripling the file; they and
        # /Tabs need PDF 1.5, and PDF/UA-1 is written against PDF 1.7.
        pdf.save(tagged, object_stream_mode=pikepdf.ObjectStreamMode.generate, min_version="1.7")


def _link_annotations(pages: list, tags: Tags) -> list:
    """The link annotations in the order `tags` recorded them (per page, in the order they were made)."""
    on_page: dict[int, list] = {}
    for number, page in enumerate(pages, start=1):
        on_page[number] = [a for a in page.get("/Annots", ()) if a.get("/Subtype") == Name.Link]
    taken: dict[int, int] = {}
    out = []
    for page, _element in tags.links:
        index = taken.get(page, 0)
        taken[page] = index + 1
        out.append(on_page[page][index])
    if sum(len(found) for found in on_page.values()) != len(out):
        raise RuntimeError("the PDF has link annotations that were not recorded while drawing")
    return out


class _TreeWriter:
    """Writes elements as indirect StructElem objects into `pdf`, noting which one owns each MCID and link."""

    def __init__(self, pdf, tags: Tags, pages: list, links: list) -> None:
        self.pdf, self.pages, self.links = pdf, pages, links
        self.owners: dict[int, list] = {number: [None] * count for number, count in tags.mcid_counts().items()}
        self.link_owners: list = [None] * len(links)
        self._roles: dict[str, Name] = {}

    def write(self, element: Element, parent):
        """`element` with its kids, its parent `parent`; the element's object (for the root: the Document)."""
        role = self._roles.get(element.role) or self._roles.setdefault(element.role, Name("/" + element.role))
        fields = {"/Type": Name.StructElem, "/S": role, "/P": parent}
        if element.alt is not None:
            fields["/Alt"] = String(element.alt)
        if element.attributes:  # a str is a name ("/Column"), a list an array of numbers
            fields["/A"] = Dictionary({f"/{key}": Name(value) if isinstance(value, str) else Array(value)
                                       for key, value in element.attributes.items()})
        # An element with elements below is made first, for them to point at; the others (most) at once.
        node = self.pdf.make_indirect(Dictionary(fields)) if any(isinstance(k, Element) for k in element.kids) else None
        kids, owned, page_of = [], [], None  # page_of: the first marked content's page, the element's /Pg
        for kid in element.kids:
            if isinstance(kid, Element):
                kids.append(self.write(kid, node))
            elif isinstance(kid, Annotation):
                kids.append(Dictionary(Type=Name.OBJR, Obj=self.links[kid.index], Pg=self.pages[kid.page - 1]))
                owned.append(kid)
            else:
                page, mcid = kid
                if page_of is None:
                    page_of = page
                    fields["/Pg"] = self.pages[page - 1]
                kids.append(mcid if page == page_of else Dictionary(Type=Name.MCR, Pg=self.pages[page - 1], MCID=mcid))
                owned.append(kid)
        fields["/K"] = kids[0] if len(kids) == 1 else Array(kids)  # one kid bare, as readers and checkers expect
        if node is None:
            node = self.pdf.make_indirect(Dictionary(fields))
        else:
            node.K = fields["/K"]
            if page_of is not None:
                node.Pg = fields["/Pg"]
        for kid in owned:
            if isinstance(kid, Annotation):
                self.link_owners[kid.index] = node
            else:
                self.owners[kid[0]][kid[1]] = node
        return node
