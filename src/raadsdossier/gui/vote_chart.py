"""A picture of one vote: a bar of seats for, against and not voting, one segment per party."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

COLOURS = {"for": QColor("#2e7d32"), "against": QColor("#c62828"), "not_voting": QColor("#9e9e9e")}


class VoteChart(QWidget):
    """Draws `segments`: (label, choice, weight) in the order for, against, not voting."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.segments: list[tuple[str, str, int]] = []
        self.caption = ""
        self.empty = self.tr("geen stemmen per fractie of lid bekend")
        self.setMinimumHeight(64)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Stemmingsgrafiek"))

    def sizeHint(self) -> QSize:
        return QSize(360, 64)

    def set_vote(self, segments: list[tuple[str, str, int]], caption: str) -> None:
        """Draw `segments`; without any of weight, say why there is no bar: no votes per party or member, or
        (segments all of weight 0) votes whose seats are not known."""
        order = {"for": 0, "against": 1, "not_voting": 2}
        self.segments = sorted((s for s in segments if s[2] > 0), key=lambda s: order[s[1]])
        self.empty = (self.tr("Zonder zetels per fractie kan de uitslag niet worden berekend.") if segments
                      else self.tr("geen stemmen per fractie of lid bekend"))
        self.caption = caption
        self.setAccessibleDescription(caption)
        self.setToolTip(caption)
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        total = sum(weight for _label, _choice, weight in self.segments)
        bar = QRectF(2, 4, self.width() - 4, 28)
        if total == 0:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(bar, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty)
            painter.end()
            return
        x = bar.left()
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, small.pointSizeF() - 1.5))
        painter.setFont(small)
        for label, choice, weight in self.segments:
            width = bar.width() * weight / total
            rect = QRectF(x, bar.top(), width, bar.height())
            painter.fillRect(rect, COLOURS[choice])
            painter.setPen(QPen(QColor("white"), 1))
            painter.drawLine(rect.topRight(), rect.bottomRight())
            text = f"{label} {weight}"
            if painter.fontMetrics().horizontalAdvance(text) < width - 4:
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
            x += width
        painter.setPen(QPen(QColor("black"), 1, Qt.PenStyle.DashLine))
        half = bar.left() + bar.width() / 2
        painter.drawLine(int(half), int(bar.top() - 3), int(half), int(bar.bottom() + 3))
        painter.setPen(self.palette().text().color())
        painter.setFont(self.font())
        counts = {choice: 0 for choice in COLOURS}
        for _label, choice, weight in self.segments:
            counts[choice] += weight
        legend = self.tr("voor %1 · tegen %2 · niet gestemd %3 · streep: de helft").replace(
            "%1", str(counts["for"])).replace("%2", str(counts["against"])).replace("%3", str(counts["not_voting"]))
        legend = painter.fontMetrics().elidedText(legend, Qt.TextElideMode.ElideRight, self.width() - 4)
        painter.drawText(QRectF(2, bar.bottom() + 4, self.width() - 4, 24),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, legend)
        painter.end()
