"""The Overzicht's panels draw coloured ranges of a text through the style, piece by piece
(gui/sections/overview_widgets._Text), instead of giving its QTextLayout QTextCharFormat ranges (gui/lazy_qt.py says
why). The pixels must be the ones the layout's own formats give: the baseline where a piece falls back to another
font (武汉), a wrapped link, a right-to-left title (a Uyghur name), a title mixing both directions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QPalette, QTextCharFormat, QTextLayout, QTextOption
from PySide6.QtWidgets import QStylePainter, QWidget

ROLE = QPalette.ColorRole

CASES = {
    "latin": ("Motie stedenband met Wuhan verbreken", " (motie)", 0),
    "fallback font": ("Bezoek aan 武汉市", " (bezoek)", 0),
    "wrapped": ("Demonstratie van Oeigoerse activisten voor het gemeentehuis van Arnhem", " (demonstratie)", 0),
    "right to left": ("ئۇيغۇر كىشىلىك ھوقۇقى", " (notitie)", 2),  # the underline's last pixel may differ
    "both directions": ("Brief over ئۇيغۇر families", " (bron)", 0),
}


def _layout(text: str, font, width: int, formats=()) -> QTextLayout:
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    if formats:
        layout.setFormats(formats)
    layout.beginLayout()
    height = 0.0
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        line.setPosition(QPointF(0, height))
        height += line.height()
    layout.endLayout()
    return layout


def _range(start: int, end: int, brush, underline: bool) -> QTextLayout.FormatRange:
    entry = QTextLayout.FormatRange()
    entry.start, entry.length = start, end - start
    entry.format = QTextCharFormat()
    entry.format.setForeground(brush)
    entry.format.setFontUnderline(underline)
    return entry


class _Canvas(QWidget):
    def __init__(self, draw) -> None:
        super().__init__()
        self.draw = draw
        self.resize(320, 120)

    def paintEvent(self, event) -> None:
        self.draw(QStylePainter(self))


@pytest.mark.parametrize("case", list(CASES))
def test_coloured_pieces_look_like_the_layouts_own_formats(qtbot, case):
    from PySide6.QtWidgets import QApplication

    from raadsdossier.gui.app import apply_style, install_fonts
    from raadsdossier.gui.sections.overview_widgets import _Text

    install_fonts()  # the fallback font for 武汉, as the app has it
    app = QApplication.instance()
    apply_style(app)
    link, after, tolerance = CASES[case]
    text, n = link + after, len(link)
    palette, font = app.palette(), app.font()
    reference = _layout(text, font, 300, [_range(0, n, palette.brush(ROLE.Link), True),
                                          _range(n, len(text), palette.brush(ROLE.PlaceholderText), False)])
    ours = _Text(_layout(text, font, 300), [(0, n, ROLE.Link, True), (n, len(text), ROLE.PlaceholderText, False)])
    images = []
    for draw in (lambda painter: reference.draw(painter, QPointF(5, 5)),
                 lambda painter: ours.draw(painter, QPointF(5, 5), palette)):
        canvas = _Canvas(draw)
        qtbot.addWidget(canvas)
        images.append(canvas.grab().toImage())
    differing = sum(1 for y in range(images[0].height()) for x in range(images[0].width())
                    if images[0].pixel(x, y) != images[1].pixel(x, y))
    assert differing <= tolerance
    assert ours.layout.lineCount() == reference.lineCount()


def test_ranges_that_start_and_end_together_are_drawn(qtbot):
    """Two ranges at the same place (an empty link and nothing after it) are sorted by place only: colour roles
    do not compare."""
    from PySide6.QtWidgets import QApplication

    from raadsdossier.gui.sections.overview_widgets import _Text

    app = QApplication.instance()
    text = _Text(_layout("", app.font(), 300), [(0, 0, ROLE.Link, True), (0, 0, ROLE.PlaceholderText, False)])
    canvas = _Canvas(lambda painter: text.draw(painter, QPointF(5, 5), app.palette()))
    qtbot.addWidget(canvas)
    canvas.grab()  # raised TypeError ('<' between ColorRoles) inside paintEvent
