"""Render a pack to PDF with reportlab: cover, contents with page numbers, header and footer on every page."""

from __future__ import annotations

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
    BaseDocTemplate, CondPageBreak, Frame, KeepTogether, NextPageTemplate, PageBreak, PageTemplate,
    Paragraph as RLParagraph, Spacer, Table as RLTable, TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents
from reportlab.pdfgen.canvas import Canvas

from raadsdossier.export import fonts
from raadsdossier.export.model import Facts, Heading, Pack, Paragraph, Table, VoteChart

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
        "label": ParagraphStyle("label", parent=base, fontName=FONT_BOLD, spaceBefore=4, spaceAfter=1),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5, spaceAfter=0),
        "fact": ParagraphStyle("fact", parent=base, fontName=FONT_BOLD, fontSize=8.5, leading=10.5, spaceAfter=0),
        "head": ParagraphStyle("head", parent=base, fontName=FONT_BOLD, fontSize=8.5, leading=10.5, spaceAfter=0,
                               textColor=colors.white),
        "h1": ParagraphStyle("h1", parent=base, fontName=FONT_BOLD, fontSize=16, leading=20, spaceBefore=6,
                             spaceAfter=8, textColor=ACCENT),
        "h2": ParagraphStyle("h2", parent=base, fontName=FONT_BOLD, fontSize=11.5, leading=15, spaceBefore=10,
                             spaceAfter=4, textColor=ACCENT),
        "cover_title": ParagraphStyle("ct", parent=base, fontName=FONT_BOLD, fontSize=24, leading=30, spaceAfter=12,
                                      textColor=ACCENT),
        "cover_sub": ParagraphStyle("cs", parent=base, fontSize=14, leading=19, spaceAfter=24),
        "cover_mark": ParagraphStyle("cm", parent=base, fontName=FONT_BOLD, fontSize=16, leading=22, alignment=TA_CENTER,
                                     textColor=colors.HexColor("#b00020")),
        "toc_title": ParagraphStyle("tt", parent=base, fontName=FONT_BOLD, fontSize=16, leading=20, spaceAfter=10,
                                    textColor=ACCENT),
    }


class _HeadingParagraph(RLParagraph):
    """A heading that registers itself in the contents and the PDF outline."""

    def __init__(self, text: str, style, level: int, anchor: str, plain: str) -> None:
        super().__init__(f'<a name="{anchor}"/>{text}', style)
        self.toc_level, self.anchor, self.plain = level, anchor, plain


class _Doc(BaseDocTemplate):
    def __init__(self, target, pack: Pack, **kwargs) -> None:
        super().__init__(target, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN + 6 * mm,
                         bottomMargin=MARGIN, title=pack.title, author=pack.author or "", subject=pack.subtitle,
                         creator="Raadsdossier", producer="Raadsdossier", keywords="",
                         # else every page declares Helvetica, a font that is not embedded
                         initialFontName=FONT, initialFontSize=9.5, **kwargs)
        self.pack = pack
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([
            PageTemplate(id="cover", frames=[frame], onPage=self._cover_page),
            PageTemplate(id="body", frames=[frame], onPage=self._body_page),
        ])

    def afterFlowable(self, flowable) -> None:
        if isinstance(flowable, _HeadingParagraph):
            self.notify("TOCEntry", (flowable.toc_level - 1, flowable.plain, self.page, flowable.anchor))
            self.canv.bookmarkPage(flowable.anchor)
            self.canv.addOutlineEntry(flowable.plain, flowable.anchor, level=flowable.toc_level - 1)

    def _cover_page(self, canvas, doc) -> None:
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.rect(0, A4[1] - 18 * mm, A4[0], 18 * mm, stroke=0, fill=1)
        canvas.restoreState()
        self._marking(canvas)
        self._footer(canvas)

    def _body_page(self, canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.setFillColor(colors.HexColor("#555555"))
        _draw_mixed(canvas, self.leftMargin, A4[1] - MARGIN + 2 * mm, self.pack.title, 8)
        canvas.setStrokeColor(colors.HexColor("#bbbbbb"))
        canvas.line(self.leftMargin, A4[1] - MARGIN, A4[0] - self.rightMargin, A4[1] - MARGIN)
        canvas.restoreState()
        self._marking(canvas)
        self._footer(canvas)

    def _marking(self, canvas) -> None:
        if not self.pack.marking:
            return
        canvas.saveState()
        canvas.setFont(FONT_BOLD, 9)
        canvas.setFillColor(colors.HexColor("#b00020"))
        canvas.drawRightString(A4[0] - self.rightMargin, A4[1] - MARGIN + 2 * mm, self.pack.marking)
        canvas.drawCentredString(A4[0] / 2, MARGIN - 12 * mm, self.pack.marking)
        canvas.restoreState()

    def _footer(self, canvas) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.setFillColor(colors.HexColor("#555555"))
        left = self.pack.date + (f" · {self.pack.author}" if self.pack.author else "")
        _draw_mixed(canvas, self.leftMargin, MARGIN - 7 * mm, left, 8)
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
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont(FONT, 8)
            self.setFillColor(colors.HexColor("#555555"))
            self.drawRightString(A4[0] - MARGIN, MARGIN - 7 * mm, f"Pagina {self._pageNumber} van {total}")
            super().showPage()
        super().save()


def _table(table: Table, styles, width: float) -> list:
    data = [[RLParagraph(markup(c), styles["head"]) for c in table.columns]]
    data += [[RLParagraph(markup(cell), styles["cell"]) for cell in row] for row in table.rows]
    flow = RLTable(data, colWidths=[w * width for w in table.widths], repeatRows=1, hAlign="LEFT")
    flow.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # the cells' own default would be Helvetica, not embedded
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f1f4f8")]),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#c5ccd6")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    out = []
    if table.caption:
        out.append(RLParagraph(markup(table.caption), styles["label"]))
    out += [flow, Spacer(1, 6)]
    return out


def _facts(facts: Facts, styles, width: float) -> list:
    data = [[RLParagraph(markup(k), styles["fact"]), RLParagraph(markup(v), styles["cell"])] for k, v in facts.rows]
    if not data:
        return []
    flow = RLTable(data, colWidths=[0.28 * width, 0.72 * width], hAlign="LEFT")
    flow.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 1),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 1), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [flow, Spacer(1, 4)]


def vote_drawing(chart: VoteChart, width: float) -> Drawing:
    """The vote as a bar of seats per party: green for, red against, grey not voting; a line at half."""
    height = 34
    drawing = Drawing(width, height + 14)
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
    """Write `pack` as a PDF to `target`; `progress(done, total)` is called as blocks are laid out."""
    _register_fonts()
    styles = _styles()
    doc = _Doc(str(target), pack)
    width = doc.width
    story: list = [NextPageTemplate("body")]
    story.append(Spacer(1, 40 * mm))
    story.append(RLParagraph(markup(pack.title), styles["cover_title"]))
    story.append(RLParagraph(markup(pack.subtitle), styles["cover_sub"]))
    rows = [("Datum", pack.date)]
    if pack.author:
        rows.append(("Opgesteld door", pack.author))
    rows.append(("Opgenomen niveaus", ", ".join({"public": "openbaar", "internal": "fractie-intern",
                                                  "confidential": "vertrouwelijk"}[lv] for lv in pack.levels)))
    rows.append(("Hoogste niveau in dit stuk", pack.marking or "OPENBAAR"))
    story += _facts(Facts(tuple(rows)), styles, width)
    if pack.marking:
        story.append(Spacer(1, 14 * mm))
        story.append(RLParagraph(markup(pack.marking), styles["cover_mark"]))
        story.append(RLParagraph(markup("Dit stuk bevat informatie die niet openbaar is. Niet verspreiden."),
                                 ParagraphStyle("cm2", parent=styles["body"], alignment=TA_CENTER)))
    story.append(PageBreak())
    toc = TableOfContents()
    toc.levelStyles = [
        ParagraphStyle("toc1", parent=styles["body"], fontName=FONT_BOLD, fontSize=10, leading=14, leftIndent=0, firstLineIndent=0),
        ParagraphStyle("toc2", parent=styles["body"], fontName=FONT, fontSize=8.5, leading=11, leftIndent=12, firstLineIndent=0),
    ]
    toc.dotsMinLevel = 0
    toc.tableStyle = TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                 ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])
    story.append(RLParagraph("Inhoud", styles["toc_title"]))
    story.append(toc)
    story.append(PageBreak())
    total = len(pack.blocks) or 1
    first_section = True
    for index, block in enumerate(pack.blocks):
        if isinstance(block, Heading):
            style = styles["h1"] if block.level == 1 else styles["h2"]
            if block.level == 1 and not first_section:
                story.append(CondPageBreak(60 * mm))
            first_section = first_section and block.level != 1
            story.append(_HeadingParagraph(markup(block.text), style, block.level, block.anchor, block.text))
            if block.text == "Bronnen" and block.level == 1:
                for source in pack.sources:
                    story.append(RLParagraph(f"{source.number}. {markup(source.text)}", styles["small"]))
        elif isinstance(block, Paragraph):
            story.append(RLParagraph(markup(block.text) + _cite(block), styles[block.style]))
        elif isinstance(block, Facts):
            story += _facts(block, styles, width)
        elif isinstance(block, Table):
            story += _table(block, styles, width)
        elif isinstance(block, VoteChart):
            story.append(KeepTogether([vote_drawing(block, width * 0.8), Spacer(1, 6)]))
        if progress and index % 50 == 0:
            progress(index, total)
    doc.multiBuild(story, canvasmaker=_NumberedCanvas)
    _scrub_comments(Path(target))
    if progress:
        progress(total, total)
    return target
