"""Render a pack to DOCX with python-docx: the same content, in the same order, as the PDF.

Word has no layout engine here, so what needs one is left to the word processor or
avoided: the contents are a static list of links to bookmarks on the headings (correct
without refreshing fields, no page numbers), and the footer's page numbers are PAGE and
NUMPAGES fields, which Word and LibreOffice fill in by themselves. The vote chart is a
one-row table of shaded cells, not a picture.

For readers with a screen reader the document declares its language (`Pack.language`), uses
Word's own heading styles with no level skipped, repeats and marks each data table's header row,
marks the label column of a list of facts, and gives the vote bar its text alternative as the
table's title and description (Word's "Alternatieve tekst" of a table).
"""

from __future__ import annotations

import io
import re
from datetime import datetime, timezone
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor, Twips

from raadsdossier.export.docx_xml import (  # bookmark_name is used by the tests through this module
    FONT, FONT_CJK, PARAGRAPH_STYLES, STYLE_CELL, STYLE_LABEL, STYLE_QUOTE, STYLE_SMALL, _PPR, _RPR, _TBLPR, _TCPR,
    _Cell, _attr, _border, _clean, _el, _field, _paragraph_border_bottom, _put, _row_within, _runs_xml, _set_fonts,
    _shade, _text_width, _tight, add_text, bookmark_name,
)
from raadsdossier.export.model import Facts, Heading, Pack, Paragraph, Table, VoteChart

LANGUAGE = "nl-NL"  # when a pack names none
ACCENT = "1F3A5F"
MARK_RED = "B00020"
GREY_HEADER = "555555"
CHOICE_COLOURS = {"for": "2E7D32", "against": "C62828", "not_voting": "9E9E9E"}
PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838  # A4 in twips
MARGIN = 1134  # 2 cm in twips
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
BAR_HEIGHT = 34  # points, as in the PDF
NOTICE = "Dit stuk bevat informatie die niet openbaar is. Niet verspreiden."
FACTS_TITLE = "Gegevens"
CHART_TITLE = "Stemming"
UNSPLIT_LINES = 8  # a table row of at most this many lines is kept on one page



# -- the document -------------------------------------------------------------------

class _Writer:
    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.language = _clean(pack.language).strip() or LANGUAGE
        self.doc = Document()
        self.body = self.doc.element.body
        self.bookmarks = 0
        self.break_pending = False  # the next paragraph starts a new page

    # setup ----------------------------------------------------------------------

    def setup(self) -> None:
        for element in list(self.body):  # whatever text the template brought
            if element.tag != qn("w:sectPr"):
                self.body.remove(element)
        self._drop_template_parts()
        self._styles()
        self._settings()
        self._font_table()
        self._theme_fonts()
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Twips(PAGE_WIDTH), Twips(PAGE_HEIGHT)
        section.left_margin = section.right_margin = Twips(MARGIN)
        section.top_margin = section.bottom_margin = Twips(MARGIN)
        section.header_distance = section.footer_distance = Mm(10)
        section.gutter = Twips(0)

    def _drop_template_parts(self) -> None:
        """The default template's thumbnail, bibliography item and Word 2010 style copy: not ours."""
        unwanted = ("/metadata/thumbnail", "/customXml", "/stylesWithEffects")
        for part in (self.doc.part.package, self.doc.part):
            for rid, rel in list(part.rels.items()):
                if rel.reltype.endswith(unwanted):
                    del part.rels[rid]
                    part.rels._target_parts_by_rId.pop(rid, None)

    def _styles(self) -> None:
        styles = self.doc.styles
        defaults = styles.element.find(qn("w:docDefaults"))
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        _set_fonts(rpr)
        for tag in ("w:sz", "w:szCs"):
            _put(rpr, _el(tag, val=19), _RPR)
        _put(rpr, _el("w:lang", val=self.language, eastAsia="zh-CN", bidi="ar-SA"), _RPR)
        ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
        _put(ppr, _el("w:spacing", after=80, line=276, lineRule="auto"), _PPR)

        def reset(style, *, size, bold=None, colour=None, before=None, after=None):
            rpr = style.element.get_or_add_rPr()
            _set_fonts(rpr)
            style.font.size = Pt(size)
            style.font.italic = False if style.font.italic else None
            if bold is not None:
                style.font.bold = bold
            style.font.color.rgb = RGBColor.from_string(colour) if colour else None
            for tag in ("w:spacing", "w:kern"):  # character spacing from the template
                for old in rpr.findall(qn(tag)):
                    rpr.remove(old)
            ppr = style.element.get_or_add_pPr()
            for tag in ("w:pBdr", "w:numPr", "w:contextualSpacing"):
                for old in ppr.findall(qn(tag)):
                    ppr.remove(old)
            if before is not None:
                style.paragraph_format.space_before = Pt(before)
            if after is not None:
                style.paragraph_format.space_after = Pt(after)

        reset(styles["Heading 1"], size=16, bold=True, colour=ACCENT, before=12, after=8)
        reset(styles["Heading 2"], size=11.5, bold=True, colour=ACCENT, before=10, after=4)
        for name in ("Heading 1 Char", "Heading 2 Char", "Title Char", "Subtitle Char"):
            char = styles[name]
            _set_fonts(char.element.get_or_add_rPr())
            char.font.color.rgb = None
        reset(styles["Title"], size=24, bold=True, colour=ACCENT, before=0, after=12)
        styles["Title"].paragraph_format.line_spacing = 1.1
        reset(styles["Subtitle"], size=14, bold=False, after=24)
        reset(styles["TOC Heading"], size=16, bold=True, colour=ACCENT, before=0, after=10)
        for name in ("Header", "Footer"):
            style = styles[name]
            style.paragraph_format.tab_stops.clear_all()
            style.paragraph_format.tab_stops.add_tab_stop(Twips(TEXT_WIDTH), WD_TAB_ALIGNMENT.RIGHT)
            style.font.size = Pt(8)
            style.font.color.rgb = RGBColor.from_string(GREY_HEADER)

        def add(name, *, size=None, bold=None, colour=None, indent=None, before=None, after=None, base="Normal",
                style_id=None):
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH, builtin=style_id is not None)
            if style_id:  # Word's own id for its built-in style of this name
                style.style_id = style_id
            style.base_style = styles[base]
            style.quick_style = True
            if size is not None:
                style.font.size = Pt(size)
            if bold is not None:
                style.font.bold = bold
            if colour is not None:
                style.font.color.rgb = RGBColor.from_string(colour)
            fmt = style.paragraph_format
            if indent is not None:
                fmt.left_indent = Pt(indent)
            if before is not None:
                fmt.space_before = Pt(before)
            if after is not None:
                fmt.space_after = Pt(after)
            return style

        add(STYLE_QUOTE, indent=10, colour="222222")
        add(STYLE_SMALL, size=8, colour="444444")
        label = add(STYLE_LABEL, bold=True, before=4, after=1)
        label.paragraph_format.keep_with_next = True
        cell = add(STYLE_CELL, size=8.5, before=0, after=0)
        cell.paragraph_format.line_spacing = 1.0
        toc1 = add("toc 1", size=10, bold=True, before=4, after=1, style_id="TOC1")
        toc1.paragraph_format.keep_with_next = True
        add("toc 2", size=8.5, indent=12, before=0, after=1, style_id="TOC2")
        for name in ("toc 1", "toc 2"):
            styles[name].next_paragraph_style = styles["Normal"]

    def _settings(self) -> None:
        settings = self.doc.settings.element
        for tag in ("w:rsids", "w:proofState", "w:savePreviewPicture", "w:attachedTemplate"):
            for old in settings.findall(qn(tag)):
                settings.remove(old)
        for old in settings.findall(qn("w14:docId")):
            settings.remove(old)
        lang = settings.find(qn("w:themeFontLang"))
        if lang is not None:
            lang.attrib.clear()
            lang.set(qn("w:val"), self.language)
            lang.set(qn("w:eastAsia"), "zh-CN")
        for compat in settings.iter(qn("w:compatSetting")):
            if compat.get(qn("w:name")) == "compatibilityMode":
                compat.set(qn("w:val"), "15")  # not opened in compatibility mode
        for tag, value in (("w:decimalSymbol", ","), ("w:listSeparator", ";")):
            element = settings.find(qn(tag))
            if element is not None:
                element.set(qn("w:val"), value)

    def _part(self, reltype_end: str):
        for rel in self.doc.part.rels.values():
            if not rel.is_external and rel.reltype.endswith(reltype_end):
                return rel.target_part
        return None

    def _font_table(self) -> None:
        """Only the fonts used, each described well enough for the word processor to pick a substitute."""
        part = self._part("/fontTable")
        if part is None or not hasattr(part, "_blob"):
            return
        part._blob = (
            "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f'<w:font w:name="{FONT}"><w:altName w:val="Verdana"/><w:panose1 w:val="020B0603030804020204"/>'
            '<w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>'
            f'<w:font w:name="{FONT_CJK}"><w:altName w:val="Microsoft YaHei"/>'
            '<w:panose1 w:val="020B0500000000000000"/><w:charset w:val="86"/><w:family w:val="swiss"/>'
            '<w:pitch w:val="variable"/></w:font>'
            "</w:fonts>"
        ).encode("utf-8")

    def _theme_fonts(self) -> None:
        """The theme's Latin fonts (Cambria/Calibri in the template) become the body font too."""
        part = self._part("/theme")
        if part is None or not hasattr(part, "_blob") or not part._blob:
            return
        xml = part._blob.decode("utf-8")
        for which in ("majorFont", "minorFont"):
            xml = re.sub(rf'(<a:{which}>\s*<a:latin typeface=")[^"]*(")', rf"\g<1>{FONT}\g<2>", xml)
        part._blob = xml.encode("utf-8")

    def properties(self) -> None:
        props = self.doc.core_properties
        now = datetime.now(timezone.utc).replace(microsecond=0)
        props.title = _clean(self.pack.title)[:255]
        props.author = _clean(self.pack.author)[:255]
        props.last_modified_by = _clean(self.pack.author)[:255]
        props.subject = _clean(self.pack.subtitle)[:255]
        props.comments = props.keywords = props.category = ""
        props.revision = 1
        props.created = props.modified = now
        props.language = self.language
        for part in self.doc.part.package.iter_parts():
            if str(part.partname) == "/docProps/app.xml":
                part._blob = (
                    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
                    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
                    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
                    "<Application>Raadsdossier</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
                    "<Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
                    "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
                ).encode("utf-8")

    # header and footer -------------------------------------------------------------

    def header_footer(self) -> None:
        section = self.doc.sections[0]
        section.different_first_page_header_footer = False
        header = section.header
        header.is_linked_to_previous = False
        paragraph = header.paragraphs[0]
        paragraph.style = self.doc.styles["Header"]
        add_text(paragraph, self.pack.title, size=8, colour=GREY_HEADER)
        if self.pack.marking:
            paragraph.add_run("\t")
            add_text(paragraph, self.pack.marking, bold=True, size=9, colour=MARK_RED)
        _paragraph_border_bottom(paragraph, "BBBBBB")

        footer = section.footer
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.style = self.doc.styles["Footer"]
        left = self.pack.date + (f" · {self.pack.author}" if self.pack.author else "")
        grey = {"size": 8, "colour": GREY_HEADER}
        add_text(paragraph, left + "\tPagina ", **grey)
        _field(paragraph, "PAGE", "1", **grey)
        add_text(paragraph, " van ", **grey)
        _field(paragraph, "NUMPAGES", "1", **grey)
        if self.pack.marking:
            mark = footer.add_paragraph(style=self.doc.styles["Footer"])
            mark.alignment = WD_ALIGN_PARAGRAPH.CENTER
            mark.paragraph_format.space_before = Pt(2)
            add_text(mark, self.pack.marking, bold=True, size=9, colour=MARK_RED)

    # building blocks -------------------------------------------------------------

    def style_id(self, name: str) -> str:
        """The style's id, looked up once: python-docx scans every style on each lookup by name."""
        cache = self.__dict__.setdefault("_style_ids", {})
        if name not in cache:
            cache[name] = self.doc.styles[name].style_id
        return cache[name]

    def paragraph(self, style: str = "Normal"):
        paragraph = self.doc.add_paragraph()
        paragraph._p.style = self.style_id(style)
        if self.break_pending:
            paragraph.paragraph_format.page_break_before = True
            self.break_pending = False
        return paragraph

    def _flush_break(self) -> None:
        """A page break before a table: tables cannot carry one themselves."""
        if self.break_pending:
            self.break_pending = False
            _tight(self.doc.add_paragraph()).add_run().add_break(WD_BREAK.PAGE)

    def spacer(self, points: float) -> None:
        _tight(self.doc.add_paragraph(), exact=points)

    def table(self, n_rows: int, widths: list[int], *, cell_margins=(0, 100, 0, 100)):
        self._flush_break()
        table = self.doc.add_table(rows=n_rows, cols=len(widths))
        table.autofit = False  # fixed layout: the widths as given
        tblpr = table._tbl.tblPr
        _put(tblpr, _el("w:tblW", w=sum(widths), type="dxa"), _TBLPR)
        _put(tblpr, _el("w:tblInd", w=0, type="dxa"), _TBLPR)
        margins = _el("w:tblCellMar")
        for tag, value in zip(("top", "left", "bottom", "right"), cell_margins):
            margins.append(_el(f"w:{tag}", w=value, type="dxa"))
        _put(tblpr, margins, _TBLPR)
        grid = table._tbl.tblGrid
        for col, width in zip(grid.findall(qn("w:gridCol")), widths):
            col.set(qn("w:w"), str(width))
        for row in table.rows:
            for cell, width in zip(row.cells, widths):
                cell.width = Twips(width)
        return table

    def cell_text(self, cell, text: str, *, style: str = STYLE_CELL, **formatting):
        paragraph = cell.paragraphs[0]
        paragraph._p.style = self.style_id(style)
        add_text(paragraph, text, **formatting)
        return paragraph

    def facts(self, facts: Facts) -> None:
        if not facts.rows:
            return
        widths = [round(0.28 * TEXT_WIDTH), TEXT_WIDTH - round(0.28 * TEXT_WIDTH)]
        rows = [[_Cell(label, bold=True), _Cell(value)] for label, value in facts.rows]
        self.fast_table(widths, rows, cell_margins=(20, 0, 20, 100), first_column=True, title=FACTS_TITLE)
        self.spacer(4)

    def data_table(self, block: Table) -> None:
        if not block.columns:
            return
        if block.caption:
            caption = self.paragraph(STYLE_LABEL)
            caption.paragraph_format.keep_with_next = True
            add_text(caption, block.caption)
        n = len(block.columns)
        relative = list(block.widths) if len(block.widths) == n and sum(block.widths) > 0 else [1.0] * n
        total = sum(relative)
        widths = [int(TEXT_WIDTH * w / total) for w in relative]
        widths[-1] = TEXT_WIDTH - sum(widths[:-1])
        rows = [[_Cell(text, bold=True, colour="FFFFFF", fill=ACCENT) for text in block.columns]]
        for index, values in enumerate(block.rows):
            values = tuple(values)[:n] + ("",) * max(0, n - len(values))
            rows.append([_Cell(text, fill="F1F4F8" if index % 2 else None) for text in values])
        self.fast_table(widths, rows, cell_margins=(60, 100, 60, 100), header=True, grid="C5CCD6",
                        title=block.caption)
        self.spacer(6)

    def fast_table(self, widths: list[int], rows: list[list["_Cell"]], *, cell_margins, header: bool = False,
                   first_column: bool = False, grid: str | None = None, title: str = "") -> None:
        """A fixed-layout table written as XML and parsed once: python-docx's cell API is
        far too slow for the hundreds of tables a big pack has.

        With `header` the first row holds the column headings: marked as the header row, which Word
        repeats on every page and screen readers announce with each cell. With `first_column` the
        first column holds the rows' labels (a list of facts has no column headings). `title` is the
        table's title for screen readers. Rows short enough to fit on a page do not split across pages.
        """
        self._flush_break()
        style = self.style_id(STYLE_CELL)
        parts = [f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
                 '<w:tblInd w:w="0" w:type="dxa"/>']
        if grid:
            parts.append("<w:tblBorders>" + "".join(
                f'<w:{tag} w:val="single" w:sz="2" w:space="0" w:color="{grid}"/>'
                for tag in ("top", "left", "bottom", "right", "insideH", "insideV")) + "</w:tblBorders>")
        parts.append('<w:tblLayout w:type="fixed"/><w:tblCellMar>' + "".join(
            f'<w:{tag} w:w="{value}" w:type="dxa"/>' for tag, value in zip(("top", "left", "bottom", "right"), cell_margins))
            + f'</w:tblCellMar><w:tblLook w:val="0000" w:firstRow="{int(header)}" w:lastRow="0" '
            f'w:firstColumn="{int(first_column)}" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>')
        if title:
            parts.append(f'<w:tblCaption w:val="{_attr(title)}"/>')
        parts.append("</w:tblPr><w:tblGrid>")
        parts.extend(f'<w:gridCol w:w="{w}"/>' for w in widths)
        parts.append("</w:tblGrid>")
        for index, row in enumerate(rows):
            parts.append("<w:tr>")
            if header and index == 0:
                parts.append("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")  # repeated on every page
            elif _row_within(row, widths, cell_margins, UNSPLIT_LINES):
                parts.append("<w:trPr><w:cantSplit/></w:trPr>")
            for cell, width in zip(row, widths):
                fill = f'<w:shd w:val="clear" w:color="auto" w:fill="{cell.fill}"/>' if cell.fill else ""
                parts.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{fill}</w:tcPr>'
                             f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{_runs_xml(cell)}</w:p></w:tc>')
            parts.append("</w:tr>")
        parts.append("</w:tbl>")
        self.doc.element.body.sectPr.addprevious(parse_xml("".join(parts)))

    def vote_chart(self, chart: VoteChart) -> None:
        width = int(TEXT_WIDTH * 0.8)
        segments = [s for s in chart.segments if s[2] > 0]
        if segments:
            total = sum(weight for _label, _choice, weight in segments)
            widths = [max(1, int(width * weight / total)) for _label, _choice, weight in segments]
            widths[-1] = max(1, width - sum(widths[:-1]))
            table = self.table(1, widths, cell_margins=(0, 0, 0, 0))
            row = table.rows[0]
            row.height = Pt(BAR_HEIGHT)
            row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY
            row._tr.get_or_add_trPr().append(_el("w:cantSplit"))
            # the bar is a picture made of cells: its title and description are its text alternative
            tblpr = table._tbl.tblPr
            _put(tblpr, _el("w:tblLook", val="0000", firstRow=0, lastRow=0, firstColumn=0, lastColumn=0, noHBand=1,
                            noVBand=1), _TBLPR)  # no header row or column: python-docx's default claims both
            _put(tblpr, _el("w:tblCaption", val=CHART_TITLE), _TBLPR)
            _put(tblpr, _el("w:tblDescription", val=_clean(chart.alt_text)), _TBLPR)
            for cell, cell_width, (label, choice, weight) in zip(row.cells, widths, segments):
                _shade(cell, CHOICE_COLOURS.get(choice, "9E9E9E"))
                tcpr = cell._tc.get_or_add_tcPr()
                cell_borders = _el("w:tcBorders")
                for tag in ("top", "left", "bottom", "right"):
                    cell_borders.append(_border(f"w:{tag}", "FFFFFF", size=4))
                _put(tcpr, cell_borders, _TCPR)
                _put(tcpr, _el("w:noWrap"), _TCPR)
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                paragraph = cell.paragraphs[0]
                paragraph._p.style = self.style_id(STYLE_CELL)
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                paragraph.paragraph_format.keep_with_next = True
                text = f"{label} {weight}"
                if _text_width(text, 7) < cell_width / 20 - 3:
                    add_text(paragraph, text, size=7, colour="FFFFFF")
            # the dashed line at half, under the bar
            half = self.paragraph()
            _tight(half, exact=9).paragraph_format.keep_with_next = True
            half.paragraph_format.tab_stops.add_tab_stop(Twips(width // 2), WD_TAB_ALIGNMENT.CENTER)
            add_text(half, "\t┆", size=8, colour="000000")
        caption = _tight(self.paragraph(STYLE_SMALL), after=6)
        add_text(caption, chart.caption + " · streep: de helft", size=7, colour="333333")

    def heading(self, block: Heading, name: str, level: int) -> None:
        paragraph = self.paragraph(f"Heading {level}")
        self.bookmarks += 1
        start = _el("w:bookmarkStart", id=self.bookmarks, name=name)
        paragraph._p.append(start)
        add_text(paragraph, block.text)
        paragraph._p.append(_el("w:bookmarkEnd", id=self.bookmarks))

    def text(self, block: Paragraph) -> None:
        paragraph = self.paragraph(PARAGRAPH_STYLES.get(block.style, "Normal"))
        add_text(paragraph, block.text)
        if block.citations:
            add_text(paragraph, f" [{', '.join(map(str, block.citations))}]", size=7, colour="555555")

    # the parts ----------------------------------------------------------------------

    def cover(self) -> None:
        pack = self.pack
        title = self.paragraph("Title")
        title.paragraph_format.space_before = Mm(40)
        add_text(title, pack.title)
        add_text(self.paragraph("Subtitle"), pack.subtitle)
        self.facts(pack.cover_facts())
        if pack.marking:
            mark = self.paragraph()
            mark.alignment = WD_ALIGN_PARAGRAPH.CENTER
            mark.paragraph_format.space_before = Mm(14)
            add_text(mark, pack.marking, bold=True, size=16, colour=MARK_RED)
            notice = self.paragraph()
            notice.alignment = WD_ALIGN_PARAGRAPH.CENTER
            add_text(notice, NOTICE)
        self.break_pending = True

    def contents(self, names: list[str], levels: list[int]) -> None:
        add_text(self.paragraph("TOC Heading"), "Inhoud")
        for heading, name, level in zip(self.pack.headings(), names, levels):
            if level not in (1, 2):
                continue
            paragraph = self.paragraph(f"toc {level}")
            link = _el("w:hyperlink", anchor=name, history=1)
            for run in add_text(paragraph, heading.text):
                link.append(run._r)  # moves the run into the link
            paragraph._p.append(link)
        self.break_pending = True

    def sources(self) -> None:
        for source in self.pack.sources:
            paragraph = self.paragraph(STYLE_SMALL)
            paragraph.paragraph_format.left_indent = Pt(14)
            paragraph.paragraph_format.first_line_indent = Pt(-14)
            add_text(paragraph, f"{source.number}. {source.text}")


def render_docx(pack: Pack, target: Path, progress=None) -> Path:
    """Write `pack` as a Word document to `target`; `progress(done, total)` is called as blocks are written."""
    writer = _Writer(pack)
    writer.setup()
    writer.properties()
    writer.header_footer()
    writer.cover()
    used: set[str] = set()
    names = [bookmark_name(h.anchor, used) for h in pack.headings()]
    levels = pack.outline_levels(9)  # Word's heading styles
    writer.contents(names, levels)
    total = len(pack.blocks) or 1
    heading_index = 0
    for index, block in enumerate(pack.blocks):
        if isinstance(block, Heading):
            writer.heading(block, names[heading_index], levels[heading_index])
            heading_index += 1
            if block.opens_sources:
                writer.sources()
        elif isinstance(block, Paragraph):
            writer.text(block)
        elif isinstance(block, Facts):
            writer.facts(block)
        elif isinstance(block, Table):
            writer.data_table(block)
        elif isinstance(block, VoteChart):
            writer.vote_chart(block)
        if progress and index % 50 == 0:
            progress(index, total)
    # Zipped in memory, then written: python-docx leaves its ZipFile open when a write fails (a full disk), and
    # the ZipFile's own clean-up then failed again at exit, printing a traceback after our sentence. The
    # document is in memory already; its zip is smaller.
    buffer = io.BytesIO()
    writer.doc.save(buffer)
    with open(target, "wb") as handle:
        handle.write(buffer.getbuffer())
    if progress:
        progress(total, total)
    return target
