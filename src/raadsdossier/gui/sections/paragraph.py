"""Paragraph: a word-wrapped label measured once per width (gui/sections/overview.py, the Overzicht's header)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

from raadsdossier.gui.lazy_qt import TEXT_WORD_WRAP, set_by_name


class Paragraph(QLabel):
    """A word-wrapped label (the Overzicht's partnership name, facts and history) that lays its text out once for
    each width it is asked about. A layout asks a label for its height at one width several times over (eight times
    at three widths before the first screen of start-up is painted), and QLabel lays its text out again each
    time; its size hints laid it out at three more widths: 23 M of the 81 M instructions of that screen's first
    layout and paint, most of it for the history, the longest text on it. Remembered, 6.5 M less (bench/README.md).

    The hints mean what QLabel's mean, each from one layout: the preferred size is the text at 80 average
    characters (QLabel's first try), the minimum its widest word by one line. (QLabel tries narrower widths
    for a short text; in these rows it is always given the full width.) Set in a layout without margins or frame.
    """

    _KEPT = 16  # widths remembered: a window being resized asks about one after another

    def __init__(self, text: str = "", plain: bool = False) -> None:
        super().__init__(text)
        if plain:  # set by name: the first screen makes no Qt.* enum (gui/lazy_qt.py)
            set_by_name(self, "textFormat", "PlainText")
        self.setWordWrap(True)
        self._heights: dict[int, int] = {}
        self._measured_in = QFont(self.font())

    def setText(self, text: str) -> None:
        self._heights.clear()
        super().setText(text)

    def make_selectable(self) -> None:
        """Selectable with the mouse: laid out in a text document from now on."""
        set_by_name(self, "textInteractionFlags", "TextSelectableByMouse")
        self._heights.clear()

    def heightForWidth(self, width: int) -> int:
        if self.font() != self._measured_in:  # a new font (the system's, or the app's zoom) measures anew
            self._heights.clear()
            self._measured_in = QFont(self.font())
        if width not in self._heights:
            if len(self._heights) >= self._KEPT:
                self._heights.clear()
            self._heights[width] = super().heightForWidth(width)
        return self._heights[width]

    def sizeHint(self) -> QSize:
        width = min(80 * self.fontMetrics().averageCharWidth(), self.maximumWidth())
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        widest_word = metrics.boundingRect(QRect(0, 0, 0, 1 << 20), TEXT_WORD_WRAP, self.text()).width()
        return QSize(widest_word, metrics.height())
