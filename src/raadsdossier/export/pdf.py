"""Render a pack to PDF with reportlab: cover, contents with page numbers, header and footer on every page;
tagged for PDF/UA-1 (export/pdf_tags.py)."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate, CondPageBreak, Flowable, Frame, KeepTogether, NextPageTemplate, PageBreak, PageTemplate,
    Paragraph as RLParagraph, Spacer, TableStyle,
)
from reportlab.pdfgen.canvas import Canvas

from raadsdossier.export import fonts
from raadsdossier.export.longtext import LONG_WORD, chunks
from raadsdossier.export.model import Facts, Heading, Pack, Paragraph, Table, VoteChart
from raadsdossier.export.pdf_tags import Element, Figure, Tags, TaggedParagraph, TaggedTable, finish

_LONG_WORD = re.compile(rf"\S{{{LONG_WORD},}}")
FONT, FONT_BOLD, FONT_ITALIC, FONT_CJK = "RD-Sans", "RD-Sans-Bold", "RD-Sans-Italic", "RD-CJK"
MARGIN = 20 * mm
CHOICE_COLOURS = {"for": colors.HexColor("#2e7d32"), "against": colors.HexColor("#c62828"),
                  "not_voting": colors.HexColor("#9e9e9e")}
ACCENT = colors.HexColor("#1f3a5f")
_registered = False


def _register_fonts() -> None:
    global _registered
    if _registered:
        return
    pdfmetrics.registerFont(TTFont(FONT, fonts.font_path(fonts.BODY)))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, fonts.font_path(fonts.BOLD)))
    pdfmetrics.registerFont(TTFont(FONT_ITALIC, fonts.font_path(fonts.ITALIC)))
    pdfmetrics.registerFont(TTFont(FONT_CJK, fonts.font_path(fonts.CJK)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD)
    _registered = True


def markup(text: str) -> str:
    """Paragraph markup for plain text: escaped, line breaks kept, CJK runs in the CJK font."""
    parts = []
    for run, is_cjk in fonts.split_cjk(text or ""):
        safe = escape(run).replace("\n", "<br/>")
        parts.append(f'<font face="{FONT_CJK}">{safe}</font>' if is_cjk else safe)
    return "".join(parts)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, bulletFontName=FONT, fontSize=9.5, leading=13, spaceAfter=4)
    return {
        "body": base,
        "quote": ParagraphStyle("quote", parent=base, leftIndent=10, textColor=colors.HexColor("#222222")),
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10.5, textColor=colors.HexColor("#444444")),
        "label": ParagraphStyle("label", parent=base, fontName=FONT_BOLD, spaceBefore=4, spaceAfter=1, keepWithNext=1),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5, spaceAfter=0),
        "fact": ParagraphStyle("fact", parent=base, fontName=FONT_BOLD, fontSize=8.5, leading=10.5, spaceAfter=0),
        "head": ParagraphStyle("head", parent=base, fontName=FONT_BOLD, fontSize=8.5, leading=10.5, spaceAfter=0,
                               textColor=colors.white),
        "h1": ParagraphStyle("h1", parent=base, fontName=FONT_BOLD, fontSize=16, leading=20, spaceBefore=6,
                             spaceAfter=8, textColor=ACCENT, keepWithNext=1),
        "h2": ParagraphStyle("h2", parent=base, fontName=FONT_BOLD, fontSize=11.5, leading=15, spaceBefore=10,
                             spaceAfter=4, textColor=ACCENT, keepWithNext=1),
        "cover_title": ParagraphStyle("ct", parent=base, fontName=FONT_BOLD, fontSize=24, leading=30, spaceAfter=12,
                                      textColor=ACCENT),
        "cover_sub": ParagraphStyle("cs", parent=base, fontSize=14, leading=19, spaceAfter=24),
        "cover_mark": ParagraphStyle("cm", parent=base, fontName=FONT_BOLD, fontSize=16, leading=22, alignment=TA_CENTER,
                                     textColor=colors.HexColor("#b00020")),
        "toc_title": ParagraphStyle("tt", parent=base, fontName=FONT_BOLD, fontSize=16, leading=20, spaceAfter=10,
                                    textColor=ACCENT),
    }


class _HeadingParagraph(TaggedParagraph):
    """A heading that registers itself in the contents and the PDF outline."""

    def __init__(self, text: str, style, level: int, anchor: str, plain: str, element: Element) -> None:
        super().__init__(f'<a name="{anchor}"/>{text}', style, element)
        self.toc_level, self.anchor, self.plain = level, anchor, plain


TOC_TITLE_HEIGHT = 32
TOC_LINE = {1: 15.0, 2: 11.5}
TOC_FONT = {1: (FONT_BOLD, 9.5), 2: (FONT, 8.5)}
NUMBER_WIDTH = 28


def toc_layout(pack: Pack, height: float) -> list[list[tuple[int, str, str]]]:
    """The contents split over pages: [[(level, text, anchor), …], …]. Exact, since every entry is one line."""
    pages: list[list[tuple[int, str, str]]] = [[]]
    used = TOC_TITLE_HEIGHT
    for heading in pack.headings():
        line = TOC_LINE[min(heading.level, 2)]
        if used + line > height:
            pages.append([])
            used = 0.0
        pages[-1].append((min(heading.level, 2), heading.text, heading.anchor))
        used += line
    return pages


class _TocPage(Flowable):
    """One page of the contents, drawn in the single layout pass: the entries and their links now, the
    page numbers when the pages are written (_NumberedCanvas.save), once every heading has found its page.
    Each entry is a TOCI with a Reference to a Link: the entry's text, its page number and its annotation."""

    def __init__(self, doc: "_Doc", index: int, title: Element | None, links: list[Element]) -> None:
        super().__init__()
        self.doc, self.index, self.title, self.links = doc, index, title, links

    def wrap(self, available_width, available_height):
        self.width = available_width
        return available_width, available_height - 1

    def draw(self) -> None:
        canvas, entries, tags = self.canv, self.doc.toc_pages[self.index], self.doc.tags
        y = self.doc.height - 2
        if self.title is not None:
            canvas.setFont(FONT_BOLD, 16)
            canvas.setFillColor(ACCENT)
            tags.begin(canvas, self.title)
            canvas.drawString(0, y - 16, "Inhoud")
            tags.end(canvas)
            y -= TOC_TITLE_HEIGHT
        canvas.setFillColor(colors.black)
        numbers = self.doc.toc_numbers.setdefault(canvas.getPageNumber(), [])
        for (level, text, anchor), link in zip(entries, self.links):
            font, size = TOC_FONT[level]
            line = TOC_LINE[level]
            indent = 0 if level == 1 else 12
            room = self.width - indent - NUMBER_WIDTH - 10
            shown = _fit(text, font, size, room)
            baseline = y - line + 3
            tags.begin(canvas, link)
            _draw_mixed_font(canvas, indent, baseline, shown, font, size)
            tags.end(canvas)
            end = indent + _mixed_width(shown, font, size) + 3
            canvas.setFont(FONT, size)
            dots = "." * max(0, int((self.width - NUMBER_WIDTH - end) / pdfmetrics.stringWidth(". ", FONT, size)))
            Tags.begin_artifact(canvas)
            canvas.drawString(end, baseline, " ".join(dots))
            Tags.end(canvas)
            x0, y0 = canvas.absolutePosition(0, y - line)
            x1, y1 = canvas.absolutePosition(self.width, y)
            canvas.linkRect(text, anchor, (x0, y0, x1, y1), relative=0, thickness=0)  # text: the link's description
            tags.link(canvas, link)
            right, bottom = canvas.absolutePosition(self.width, baseline)
            numbers.append((tags.reserve(canvas, link), link, anchor, right, bottom, font, size))
            y -= line


def _fit(text: str, font: str, size: float, room: float) -> str:
    """`text` as it fits on one line of `room` points: whole, or its longest start that fits with "…"."""
    if _mixed_width(text, font, size) <= room:
        return text
    low, high = 0, len(text)  # the longest start that fits with "…" after it
    while low < high:
        middle = (low + high + 1) // 2
        if _mixed_width(text[:middle] + "…", font, size) <= room:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def _mixed_width(text: str, font: str, size: float) -> float:
    return sum(pdfmetrics.stringWidth(run, FONT_CJK if cjk else font, size) for run, cjk in fonts.split_cjk(text))


def _draw_mixed_font(canvas, x: float, y: float, text: str, font: str, size: float) -> None:
    for run, is_cjk in fonts.split_cjk(text):
        face = FONT_CJK if is_cjk else font
        canvas.setFont(face, size)
        canvas.drawString(x, y, run)
        x += pdfmetrics.stringWidth(run, face, size)


class _Doc(BaseDocTemplate):
    def __init__(self, target, pack: Pack, **kwargs) -> None:
        super().__init__(target, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN + 6 * mm,
                         bottomMargin=MARGIN, title=pack.title, author=pack.author or "", subject=pack.subtitle,
                         creator="Raadsdossier", producer="Raadsdossier", keywords="",
                         # else every page declares Helvetica, a font that is not embedded
                         initialFontName=FONT, initialFontSize=9.5, **kwargs)
        self.pack = pack
        self.toc_pages = toc_layout(pack, self.height)
        # The title in every page's header and the date and author in its footer, each on its line: left of
        # the marking and of "Pagina 999 van 999".
        marking = pdfmetrics.stringWidth(pack.marking, FONT_BOLD, 9) + 6 * mm if pack.marking else 0
        self._header_text = _fit(pack.title, FONT, 8, self.width - marking)
        footer = pack.date + (f" · {pack.author}" if pack.author else "")
        self._footer_text = _fit(footer, FONT, 8, self.width - pdfmetrics.stringWidth("Pagina 9999 van 9999", FONT, 8)
                                 - 6 * mm)
        self.tags = Tags()
        self.toc_numbers: dict[int, list] = {}  # page -> (MCID, Link element, anchor, x, y, font, size) of each number
        self.heading_pages: dict[str, int] = {}
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate(id="cover", frames=[frame], onPage=self._cover_page),
            PageTemplate(id="body", frames=[frame], onPage=self._body_page),
        ])

    def afterFlowable(self, flowable) -> None:
        if isinstance(flowable, _HeadingParagraph):
            self.heading_pages[flowable.anchor] = self.page
            self.canv.bookmarkPage(flowable.anchor)
            self.canv.addOutlineEntry(flowable.plain, flowable.anchor, level=flowable.toc_level - 1)

    def draw_toc_numbers(self, canvas) -> None:
        """Fill in the page numbers of the contents on the canvas's current page, now that every heading has its page."""
        canvas.setFillColor(colors.black)
        for mcid, link, anchor, x, y, font, size in self.toc_numbers.get(canvas.getPageNumber(), ()):
            self.tags.begin(canvas, link, mcid)
            canvas.setFont(font, size)
            canvas.drawRightString(x, y, str(self.heading_pages.get(anchor, "")))
            self.tags.end(canvas)

    def _cover_page(self, canvas, doc) -> None:
        Tags.begin_artifact(canvas, pagination=True)
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.rect(0, A4[1] - 18 * mm, A4[0], 18 * mm, stroke=0, fill=1)
        canvas.restoreState()
        self._marking(canvas, top=False)  # the cover shows it large; the band above is dark
        self._footer(canvas)
        Tags.end(canvas)

    def _body_page(self, canvas, doc) -> None:
        Tags.begin_artifact(canvas, pagination=True)  # the header, the marking and the footer: not content
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.setFillColor(colors.HexColor("#555555"))
        _draw_mixed(canvas, self.leftMargin, A4[1] - MARGIN + 2 * mm, self._header_text, 8)
        canvas.setStrokeColor(colors.HexColor("#bbbbbb"))
        canvas.line(self.leftMargin, A4[1] - MARGIN, A4[0] - self.rightMargin, A4[1] - MARGIN)
        canvas.restoreState()
        self._marking(canvas)
        self._footer(canvas)
        Tags.end(canvas)

    def _marking(self, canvas, top: bool = True) -> None:
        if not self.pack.marking:
            return
        canvas.saveState()
        canvas.setFont(FONT_BOLD, 9)
        canvas.setFillColor(colors.HexColor("#b00020"))
        if top:
            canvas.drawRightString(A4[0] - self.rightMargin, A4[1] - MARGIN + 2 * mm, self.pack.marking)
        canvas.drawCentredString(A4[0] / 2, MARGIN - 12 * mm, self.pack.marking)
        canvas.restoreState()

    def _footer(self, canvas) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.setFillColor(colors.HexColor("#555555"))
        _draw_mixed(canvas, self.leftMargin, MARGIN - 7 * mm, self._footer_text, 8)
        canvas.restoreState()


def _draw_mixed(canvas, x: float, y: float, text: str, size: float) -> None:
    """drawString with the CJK font for CJK runs (reportlab has no per-glyph fallback)."""
    for run, is_cjk in fonts.split_cjk(text):
        font = FONT_CJK if is_cjk else canvas._fontname
        canvas.setFont(font, size)
        canvas.drawString(x, y, run)
        x += pdfmetrics.stringWidth(run, font, size)
    canvas.setFont(FONT, size)


class _NumberedCanvas(Canvas):
    """Holds pages back until the end so every footer can say "Pagina x van y"."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pages = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        doc = getattr(self, "doc", None)
        for state in self._pages:
            self.__dict__.update(state)
            if doc is not None:
                doc.draw_toc_numbers(self)
            self.setFont(FONT, 8)
            self.setFillColor(colors.HexColor("#555555"))
            Tags.begin_artifact(self, pagination=True)
            self.drawRightString(A4[0] - MARGIN, MARGIN - 7 * mm, f"Pagina {self._pageNumber} van {total}")
            Tags.end(self)
            super().showPage()
        super().save()


def _cell(text: str, style: ParagraphStyle, room: float):
    """A plain string when it fits on one line (much faster to lay out), else a wrapping paragraph."""
    if "\n" not in text and not fonts.has_cjk(text) and \
            pdfmetrics.stringWidth(text, style.fontName, style.fontSize) <= room:
        return text
    return RLParagraph(markup(text), style)


def _table_rows(table: Element, rows, header: str) -> list[tuple[Element, list[Element]]]:
    """A TR element with its cells for each row of `rows`: TH with the scope `header` ("Column": the
    first row, "Row": the first cell of each row) and TD for the rest."""
    scope = {"O": "/Table", "Scope": f"/{header}"}
    out = []
    for number, row in enumerate(rows):
        tr = Element("TR", table)
        out.append((tr, [Element("TH", tr, attributes=scope) if (number == 0 if header == "Column" else column == 0)
                         else Element("TD", tr) for column in range(len(row))]))
    return out


def _table(table: Table, styles, width: float, parent: Element) -> list:
    widths = [w * width for w in table.widths]
    data = [[_cell(c, styles["head"], w - 7) for c, w in zip(table.columns, widths)]]
    data += [[_cell(cell, styles["cell"], w - 7) for cell, w in zip(row, widths)] for row in table.rows]
    element = Element("Table", parent)
    caption = Element("Caption", element) if table.caption else None
    flow = TaggedTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT", rows=_table_rows(element, data, "Column"))
    flow.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # the cells' own default would be Helvetica, not embedded
        ("FONTSIZE", (0, 0), (-1, -1), 8.5), ("LEADING", (0, 0), (-1, -1), 10.5),
        ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD), ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f1f4f8")]),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#c5ccd6")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    out = []
    if caption is not None:
        out.append(TaggedParagraph(markup(table.caption), styles["label"], caption))
    out += [flow, Spacer(1, 6)]
    return out


def _facts(facts: Facts, styles, width: float, parent: Element) -> list:
    """The facts as a table of two columns: the label of each row (a TH of the row) and its value."""
    data = [[_cell(k, styles["fact"], 0.28 * width - 7), _cell(v, styles["cell"], 0.72 * width - 7)] for k, v in facts.rows]
    if not data:
        return []
    flow = TaggedTable(data, colWidths=[0.28 * width, 0.72 * width], hAlign="LEFT",
                       rows=_table_rows(Element("Table", parent), data, "Row"))
    flow.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTNAME", (0, 0), (0, -1), FONT_BOLD),
                              ("FONTSIZE", (0, 0), (-1, -1), 8.5), ("LEADING", (0, 0), (-1, -1), 10.5),
                              ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 1),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 1), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [flow, Spacer(1, 4)]


def vote_drawing(chart: VoteChart, width: float) -> Drawing:
    """The vote as a bar of seats per party: green for, red against, grey not voting; a line at half."""
    height = 34
    drawing = Drawing(width, height + 14, initialFontName=FONT, initialFontSize=7)  # else Helvetica: not embedded
    total = sum(weight for _label, _choice, weight in chart.segments) or 1
    x = 0.0
    for label, choice, weight in chart.segments:
        w = width * weight / total
        drawing.add(Rect(x, 14, w, height, fillColor=CHOICE_COLOURS[choice], strokeColor=colors.white, strokeWidth=0.5))
        text = f"{label} {weight}"
        if pdfmetrics.stringWidth(text, FONT, 7) < w - 3:
            drawing.add(String(x + w / 2, 14 + height / 2 - 2.5, text, fontName=FONT, fontSize=7,
                               fillColor=colors.white, textAnchor="middle"))
        x += w
    drawing.add(Line(width / 2, 11, width / 2, 14 + height + 2, strokeColor=colors.black, strokeDashArray=[2, 2]))
    drawing.add(String(0, 2, chart.caption + " · streep: de helft", fontName=FONT, fontSize=7,
                       fillColor=colors.HexColor("#333333")))
    return drawing


def _paragraphs(text: str, style: ParagraphStyle, width: float, element: Element, prefix: str = "",
                suffix: str = "") -> list:
    """`text` as paragraphs of at most export.longtext.CHUNK characters each (`prefix` markup before the
    first, `suffix` after the last), all content of `element`: reportlab lays out one paragraph in time
    that grows faster than its length, so a text of a million characters is laid out piece by piece, across
    as many pages as it needs. The pieces of one paragraph follow each other without the space between
    paragraphs."""
    room = (width - style.leftIndent - style.rightIndent - 12) * 0.96  # the frame's padding, and a margin
    pieces = chunks(_break_long_words(text, style.fontName, style.fontSize, room))
    out = []
    for index, (piece, continues) in enumerate(pieces):
        piece_style, first = style, index == 0 or not pieces[index - 1][1]
        if continues or not first:
            piece_style = ParagraphStyle(f"{style.name}-piece", parent=style, spaceBefore=style.spaceBefore if first else 0,
                                         spaceAfter=0 if continues else style.spaceAfter)
        out.append(TaggedParagraph((prefix if index == 0 else "") + markup(piece)
                                   + (suffix if index == len(pieces) - 1 else ""), piece_style, element))
    return out


def _break_long_words(text: str, font: str, size: float, room: float) -> str:
    """`text` with every run of more than LONG_WORD characters without a space broken into lines that fit
    `room` points, starting on a line of its own. reportlab breaks a long word itself, but measures it one
    character at a time, again for every page it spans: a million characters take minutes."""
    if len(text) < LONG_WORD:
        return text

    def lines(match: re.Match) -> str:
        word, out, start, used = match.group(0), [], 0, 0.0
        width = {char: _mixed_width(char, font, size) for char in set(word)}
        ends = list(accumulate(map(width.__getitem__, word)))  # the width up to and including each character
        while start < len(word):
            end = max(bisect_right(ends, used + room, lo=start), start + 1)  # at least one character a line
            out.append(word[start:end])
            used, start = ends[end - 1], end
        before = "" if match.start() == 0 or text[match.start() - 1] == "\n" else "\n"
        return before + "\n".join(out)

    return _LONG_WORD.sub(lines, text)


def _cite(paragraph: Paragraph) -> str:
    if not paragraph.citations:
        return ""
    return f' <font size="7" color="#555555">[{", ".join(map(str, paragraph.citations))}]</font>'


_LIBRARY_COMMENTS = (b"ReportLab Generated PDF document (opensource)",
                     b"ReportLab generated PDF document -- digest (opensource)")


def _scrub_comments(path: Path) -> None:
    """Blank the library's name in the file's two comment lines; same length, so offsets stay valid."""
    data = path.read_bytes()
    for comment in _LIBRARY_COMMENTS:
        data = data.replace(comment, b"Raadsdossier".ljust(len(comment)))
    path.write_bytes(data)


def render_pdf(pack: Pack, target: Path, progress=None) -> Path:
    """Write `pack` as a tagged PDF (PDF/UA-1) to `target`; `progress(done, total)` is called as blocks are laid out.

    The structure: the cover (its title an H1), the contents (an H1 and a TOC), then the pack's sections
    as H1 and its items as H2, with P, Table, L (the sources) and Figure (the votes) in reading order."""
    _register_fonts()
    styles = _styles()
    doc = _Doc(str(target), pack)
    root = doc.tags.root
    width = doc.width
    story: list = [NextPageTemplate("body")]
    story.append(Spacer(1, 40 * mm))
    story.append(TaggedParagraph(markup(pack.title), styles["cover_title"], Element("H1", root)))
    story.append(TaggedParagraph(markup(pack.subtitle), styles["cover_sub"], Element("P", root)))
    story += _facts(pack.cover_facts(), styles, width, root)
    if pack.marking:
        story.append(Spacer(1, 14 * mm))
        story.append(TaggedParagraph(markup(pack.marking), styles["cover_mark"], Element("P", root)))
        story.append(TaggedParagraph(markup("Dit stuk bevat informatie die niet openbaar is. Niet verspreiden."),
                                     ParagraphStyle("cm2", parent=styles["body"], alignment=TA_CENTER),
                                     Element("P", root)))
    story.append(PageBreak())
    title = Element("H1", root)
    toc = Element("TOC", root) if any(doc.toc_pages) else None
    for index, entries in enumerate(doc.toc_pages):
        links = [Element("Link", Element("Reference", Element("TOCI", toc))) for _entry in entries]
        story.append(_TocPage(doc, index, title if index == 0 else None, links))
        story.append(PageBreak())
    total = len(pack.blocks) or 1
    first_section = True
    for index, block in enumerate(pack.blocks):
        if isinstance(block, Heading):
            style = styles["h1"] if block.level == 1 else styles["h2"]
            if block.level == 1 and not first_section:
                story.append(CondPageBreak(60 * mm))
            first_section = first_section and block.level != 1
            story.append(_HeadingParagraph(markup(block.text), style, block.level, block.anchor, block.text,
                                           Element(f"H{min(block.level, 2)}", root)))
            if block.opens_sources and pack.sources:
                sources = Element("L", root, attributes={"O": "/List", "ListNumbering": "/Decimal"})
                for source in pack.sources:
                    body = Element("LBody", Element("LI", sources))
                    story += _paragraphs(source.text, styles["small"], width, body, prefix=f"{source.number}. ")
        elif isinstance(block, Paragraph):
            story += _paragraphs(block.text, styles[block.style], width, Element("P", root), suffix=_cite(block))
        elif isinstance(block, Facts):
            story += _facts(block, styles, width, root)
        elif isinstance(block, Table):
            story += _table(block, styles, width, root)
        elif isinstance(block, VoteChart):
            figure = Figure(vote_drawing(block, width * 0.8), Element("Figure", root, alt=block.alt_text))
            story.append(KeepTogether([figure, Spacer(1, 6)]))
        if progress and index % 50 == 0:
            progress(index, total)

    def canvasmaker(*args, **kwargs):
        canvas = _NumberedCanvas(*args, **kwargs)
        canvas.doc, canvas.tags = doc, doc.tags
        return canvas

    doc.build(story, canvasmaker=canvasmaker)  # one layout pass: the contents fill in their numbers at the end
    _scrub_comments(Path(target))
    finish(Path(target), doc.tags, pack.title, pack.language)  # in place: `target` is write.py's temporary file
    if progress:
        progress(total, total)
    return target
