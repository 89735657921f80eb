"""Fusion in a dark palette draws a check box's frame darker than the window (its outline is the window colour made
darker), which on a dark window leaves an unchecked box all but invisible: in the checklist's tree, the sources of
a form, every check box. `DarkIndicators` draws the frame again in the palette's Mid colour where the palette is
dark; gui/app.py sets it when the window first goes dark (a light window keeps Fusion as it is, made at start-up).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleFactory

_INDICATORS = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck)


class DarkIndicators(QProxyStyle):
    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def drawPrimitive(self, element, option, painter, widget=None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        palette = option.palette
        dark = palette.color(QPalette.ColorRole.Window).lightness() < palette.color(
            QPalette.ColorRole.WindowText).lightness()
        if element in _INDICATORS and dark:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(option.rect).adjusted(0.5, 0.5, -1.5, -1.5), 2, 2)
            painter.restore()
