"""The results of Ctrl+F under the search box: a list that floats over the window, each hit painted as rich
text with its matches marked, the kind's icon and a confidentiality tag.

Made when the search panel (gui/search_panel.py) first needs it, not for the first screen of start-up.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QFont, QFontMetrics, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QFrame, QLabel, QListWidget, QStyle, QStyledItemDelegate, QStyleOptionViewItem,
    QVBoxLayout,
)

from raadsdossier.domain.enums import Confidentiality
from raadsdossier.gui.search_panel import HIT_ROLE, Hit, SearchPanel, hit_html, tag_text

TAG_COLOURS = {  # confidentiality tag: (background, text)
    Confidentiality.INTERNAL: ("#fff1cc", "#6b4700"),
    Confidentiality.CONFIDENTIAL: ("#fde2e1", "#8f1d1d"),
}


def _mix(a: QColor, b: QColor, share_of_b: float) -> str:
    """A colour between `a` and `b` (by `share_of_b`), as #rrggbb: a muted text that keeps its contrast."""
    mixed = [round(x * (1 - share_of_b) + y * share_of_b) for x, y in
             ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue()))]
    return QColor(*mixed).name()


class HitDelegate(QStyledItemDelegate):
    """Paints a hit: the kind's icon, the title and snippet as rich text with the matches marked, and the
    confidentiality as a small tag on the right."""

    PAD_X, PAD_Y, ICON, GAP = 8, 5, 18, 8

    def __init__(self, panel: SearchPanel, view: QListWidget) -> None:
        super().__init__(view)
        self.panel = panel
        self.view = view

    def _hit(self, index) -> Hit | None:
        hit = index.data(HIT_ROLE)
        return hit if isinstance(hit, Hit) else None

    def _tag_size(self, hit: Hit, font: QFont) -> QSize:
        text = tag_text(hit)
        if not text:
            return QSize(0, 0)
        metrics = QFontMetrics(self._tag_font(font))
        return QSize(metrics.horizontalAdvance(text) + 16, metrics.height() + 4)

    @staticmethod
    def _tag_font(font: QFont) -> QFont:
        small = QFont(font)
        if font.pointSizeF() > 0:
            small.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        else:  # a font sized in pixels
            small.setPixelSize(max(8, round(font.pixelSize() * 0.85)))
        return small

    def _text_width(self, hit: Hit, total: int, font: QFont) -> int:
        tag = self._tag_size(hit, font)
        return max(80, total - 2 * self.PAD_X - self.ICON - self.GAP - (tag.width() + self.GAP if tag.width() else 0))

    def document(self, hit: Hit, font: QFont, width: int, muted: str = "#6b6b6b") -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(font)
        doc.setHtml(hit_html(hit, self.panel.showing_everywhere(), muted))
        doc.setTextWidth(width)
        return doc

    def row_height(self, index, width: int, font: QFont) -> int:
        hit = self._hit(index)
        if hit is None:
            return QFontMetrics(font).height() + 2 * self.PAD_Y
        doc = self.document(hit, font, self._text_width(hit, width, font))
        return int(doc.size().height()) + 2 * self.PAD_Y

    def sizeHint(self, option, index) -> QSize:
        width = self.view.viewport().width()
        return QSize(width, self.row_height(index, width, option.font))

    def paint(self, painter, option, index) -> None:
        hit = self._hit(index)
        if hit is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # the background and selection only: the text is painted below
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        text_colour = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = text_colour.name() if selected else _mix(palette.color(QPalette.ColorRole.Text),
                                                         palette.color(QPalette.ColorRole.Base), 0.42)
        rect = opt.rect.adjusted(self.PAD_X, self.PAD_Y, -self.PAD_X, -self.PAD_Y)
        painter.save()
        from raadsdossier.gui import icons  # qtawesome is slow to import: loaded off the GUI thread, then shown

        view = opt.widget
        if icons.ready(lambda: view.viewport().update() if view is not None else None):
            icons.kind_icon(hit.kind).paint(painter, QRect(rect.left(), rect.top() + 1, self.ICON, self.ICON))
        tag = self._tag_size(hit, opt.font)
        if tag.width():
            background, foreground = TAG_COLOURS.get(hit.confidentiality, ("#e8e8e8", "#333333"))
            box = QRectF(rect.right() - tag.width(), rect.top(), tag.width(), tag.height())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QColor(foreground).lighter(160))
            painter.setBrush(QColor(background))
            painter.drawRoundedRect(box, tag.height() / 2, tag.height() / 2)
            painter.setPen(QColor(foreground))
            painter.setFont(self._tag_font(opt.font))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, tag_text(hit))
        width = self._text_width(hit, opt.rect.width(), opt.font)
        doc = self.document(hit, opt.font, width, muted)
        painter.translate(rect.left() + self.ICON + self.GAP, rect.top())
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, text_colour)
        painter.setClipRect(QRectF(0, 0, width, rect.height() + 1))
        doc.documentLayout().draw(painter, context)
        painter.restore()


class ResultsOverlay(QFrame):
    """The results under the search box: a frameless child of the main window, raised above its content
    and placed by the panel, so that showing it moves nothing."""

    def __init__(self, panel: SearchPanel) -> None:
        super().__init__(panel)
        self.setObjectName("search-results")
        self.setFrameShape(QFrame.Shape.Box)  # a plain line in the palette's dark tone: the list's edge shows on
        self.setFrameShadow(QFrame.Shadow.Plain)  # a white page, in the light and the dark palette
        self.setForegroundRole(QPalette.ColorRole.Dark)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.summary = QLabel()
        self.summary.setObjectName("search-summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(QCoreApplication.translate("SearchPanel", "Aantal zoekresultaten"))
        self.summary.setContentsMargins(8, 6, 8, 5)
        self.list = QListWidget()
        self.list.setObjectName("search-list")
        self.list.setAccessibleName(QCoreApplication.translate("SearchPanel", "Zoekresultaten"))
        # The box keeps the keyboard: arrows and Enter there move through and open the results.
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setMouseTracking(True)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.delegate = HitDelegate(panel, self.list)
        self.list.setItemDelegate(self.delegate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.setSpacing(0)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self.hide()

    def preferred_height(self, width: int) -> int:
        inner = width - 2 - self.list.verticalScrollBar().sizeHint().width()
        rows = sum(self.delegate.row_height(self.list.model().index(row, 0), inner, self.list.font())
                   for row in range(self.list.count()))
        summary = self.summary.heightForWidth(width - 2)  # not sizeHint: a wrapping label's is for a narrow one
        if summary < 0:
            summary = self.summary.sizeHint().height()
        return 2 + summary + rows + (2 if rows else 0)
