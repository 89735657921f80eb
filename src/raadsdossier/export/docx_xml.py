"""Small helpers for writing WordprocessingML: elements in schema order, runs with CJK fonts, fields."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape as xml_escape

from docx.enum.text import WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from raadsdossier.export import fonts

FONT = "DejaVu Sans"
FONT_CJK = "Noto Sans CJK SC"

_INVALID_XML = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Schema order of the children we insert ourselves (python-docx knows only part of it).
_TBLPR = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
          "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption",
          "tblDescription")
_TCPR = ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "textDirection",
         "tcFitText", "vAlign", "hideMark")
_PPR = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
        "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct",
        "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
        "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
        "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")
_RPR = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
        "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
        "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em",
        "lang", "eastAsianLayout", "specVanish", "oMath")

# Our own paragraph styles, and which one each of the pack's paragraph styles uses.
STYLE_QUOTE, STYLE_SMALL, STYLE_LABEL, STYLE_CELL = (
    "Raadsdossier citaat", "Raadsdossier klein", "Raadsdossier label", "Raadsdossier cel")
PARAGRAPH_STYLES = {"body": "Normal", "quote": STYLE_QUOTE, "small": STYLE_SMALL, "label": STYLE_LABEL}


# -- small XML helpers ------------------------------------------------------------

def _el(tag: str, **attrs: str):
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), str(value))
    return element


def _put(parent, child, order: tuple[str, ...]):
    """Put `child` into `parent` in schema order, replacing an element of the same tag."""
    local = child.tag.split("}")[-1]
    for old in parent.findall(child.tag):
        parent.remove(old)
    rank = order.index(local)
    for sibling in parent:
        name = sibling.tag.split("}")[-1] if isinstance(sibling.tag, str) else ""
        if name in order and order.index(name) > rank:
            sibling.addprevious(child)
            return child
    parent.append(child)
    return child


def _border(tag: str, colour: str, size: int = 4, val: str = "single"):
    return _el(tag, val=val, sz=size, space=0, color=colour)


def _clean(text) -> str:
    """Text that XML can hold: other control characters dropped, page and line feeds as line breaks."""
    text = "" if text is None else str(text)
    text = text.replace("\r\n", "\n").replace("\x0b", "\n").replace("\x0c", "\n")
    return _INVALID_XML.sub("", text)


def _set_fonts(rpr, *, eastasia_hint: bool = False) -> None:
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = _put(rpr, _el("w:rFonts"), _RPR)
    rfonts.attrib.clear()
    for attr in ("ascii", "hAnsi", "cs"):
        rfonts.set(qn(f"w:{attr}"), FONT)
    rfonts.set(qn("w:eastAsia"), FONT_CJK)
    if eastasia_hint:
        rfonts.set(qn("w:hint"), "eastAsia")


def add_text(paragraph, text, *, bold: bool | None = None, size: float | None = None, colour: str | None = None):
    """Runs for `text` in `paragraph`: CJK runs of their own, in the east-Asian font; line breaks kept."""
    runs = []
    for part, is_cjk in fonts.split_cjk(_clean(text)):
        run = paragraph.add_run(part)
        if is_cjk:
            rfonts = run._r.get_or_add_rPr().get_or_add_rFonts()
            rfonts.set(qn("w:eastAsia"), FONT_CJK)
            rfonts.set(qn("w:hint"), "eastAsia")
        if bold is not None:
            run.bold = bold
        if size is not None:
            run.font.size = Pt(size)
        if colour is not None:
            run.font.color.rgb = RGBColor.from_string(colour)
        runs.append(run)
    return runs


class _Cell:
    __slots__ = ("text", "bold", "colour", "fill")

    def __init__(self, text, *, bold: bool = False, colour: str | None = None, fill: str | None = None) -> None:
        self.text, self.bold, self.colour, self.fill = text, bold, colour, fill


def _runs_xml(cell: _Cell) -> str:
    """The runs of a cell as XML, with the same fonts and breaks as `add_text`."""
    out = []
    base = ("<w:b/>" if cell.bold else "") + (f'<w:color w:val="{cell.colour}"/>' if cell.colour else "")
    for part, is_cjk in fonts.split_cjk(_clean(cell.text)):
        fonts_xml = f'<w:rFonts w:eastAsia="{FONT_CJK}" w:hint="eastAsia"/>' if is_cjk else ""
        pieces = part.split("\n")
        body = "<w:br/>".join(f'<w:t xml:space="preserve">{xml_escape(piece)}</w:t>' for piece in pieces)
        out.append(f"<w:r><w:rPr>{fonts_xml}{base}</w:rPr>{body}</w:r>")
    return "".join(out)


def _attr(text) -> str:
    """`text` for an XML attribute written between double quotes."""
    return xml_escape(_clean(text), {'"': "&quot;"})


def _field(paragraph, instruction: str, shown: str, **formatting) -> None:
    """A complex field (PAGE, NUMPAGES) with `shown` as its value until the word processor lays the page out."""
    def run(child):
        r = add_text(paragraph, "x", **formatting)[0]
        r._r.remove(r._r.find(qn("w:t")))
        r._r.append(child)

    run(_el("w:fldChar", fldCharType="begin"))
    instr = _el("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" {instruction} "
    run(instr)
    run(_el("w:fldChar", fldCharType="separate"))
    add_text(paragraph, shown, **formatting)
    run(_el("w:fldChar", fldCharType="end"))


def _paragraph_border_bottom(paragraph, colour: str) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    border = _el("w:pBdr")
    border.append(_el("w:bottom", val="single", sz=4, space=1, color=colour))
    _put(ppr, border, _PPR)


def _tight(paragraph, *, after: float = 0, exact: float | None = None):
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(after)
    if exact is not None:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(exact)
    return paragraph


def bookmark_name(anchor: str, used: set[str]) -> str:
    """A valid, unique Word bookmark name for `anchor`: letters, digits and _, at most 40, starting with a letter."""
    name = re.sub(r"[^A-Za-z0-9_]", "_", anchor or "")
    if not name[:1].isalpha():
        name = "h_" + name
    name = name[:40]
    candidate, number = name, 1
    while candidate in used:
        number += 1
        suffix = f"_{number}"
        candidate = name[:40 - len(suffix)] + suffix
    used.add(candidate)
    return candidate


def _text_width(text: str, size: float) -> float:
    """A generous estimate of the width of `text` in DejaVu Sans, in points (no font metrics here)."""
    width = 0.0
    for part, is_cjk in fonts.split_cjk(text):
        for char in part:
            if is_cjk:
                width += 1.0
            elif char in "ijlt.,:;'|!()[]-/ ":
                width += 0.36
            elif char.isupper() or char in "mw%@":
                width += 0.8
            else:
                width += 0.64
    return width * size


def _shade(cell, fill: str) -> None:
    _put(cell._tc.get_or_add_tcPr(), _el("w:shd", val="clear", color="auto", fill=fill), _TCPR)


def _row_within(row: list[_Cell], widths: list[int], cell_margins, lines: int) -> bool:
    """Whether every cell of the row takes at most `lines` lines (cell text is 8.5 points; a generous estimate)."""
    for cell, width in zip(row, widths):
        points = max(1.0, (width - cell_margins[1] - cell_margins[3]) / 20)
        text = _clean(cell.text)
        if (text.count("\n") + 1) + len(text) * 8.5 / points <= lines:  # no character is wider than its size
            continue
        if sum(1 + int(_text_width(part, 8.5) // points) for part in text.split("\n")) > lines:
            return False
    return True
