"""The Overzicht's drawn widgets: the cards, and what the panels of rows and bars (gui/sections/overview_panel.py)
share with them: fonts, shapes, text and focus (gui/sections/columns_layout.py puts
as many side by side as fit).

Each draws what labels, bars and frames inside it would otherwise show, because every widget on the
first screen of start-up is polished, shown and laid out on its own, and a rich-text label lays out its
text document again at every width a layout asks about: the first screen of start-up is benchmarked
(bench/run.py "start"). They know nothing of dossiers; gui/sections/overview.py fills them.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Signal
from PySide6.QtGui import (
    QBrush, QColor, QFont, QFontMetrics, QFontMetricsF, QPainter, QPainterPath, QPalette, QPen, QTextLayout,
)
from PySide6.QtWidgets import QApplication, QStylePainter, QWidget

from raadsdossier.gui.lazy_qt import ALIGN_LEFT, ALIGN_TOP, ALIGN_VCENTER, TEXT_WORD_WRAP, Qt, set_by_name

CARD_WIDTH = 230  # a card's preferred width: the grid puts as many in a row as fit (4 at 1280 px, 6 at 1920)


_fonts: dict[str, QFont] = {}


def dashboard_font(name: str) -> QFont:
    """The dashboard's fonts, made once: "title" (the partnership), "heading" (a panel), "headline" (a card)."""
    if name not in _fonts:
        font = QFont(QApplication.font())
        font.setPointSizeF(font.pointSizeF() * {"title": 1.8, "heading": 1.15, "headline": 1.25}[name])
        font.setBold(True)
        _fonts[name] = font
    return _fonts[name]


# Both widgets paint with their palette's brushes: the shapes as paths (QPainter.fillPath, strokePath), the
# text in the painter's own pen (a widget's painter starts with the palette's WindowText) or through the style
# in a colour role of the palette (QStylePainter.drawItemText, as a QLabel's text is drawn; _Text).
# Not with QPainter.setPen or setBrush: telling their overloads apart makes all of Qt's namespace in Python,
# which the first screen of start-up does not make (gui/lazy_qt.py). The pixels are the same.

def _rounded(rect: QRectF, radius: float) -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(rect, radius, radius)
    return path


def _solid(colour: str) -> QBrush:
    """A solid brush of `colour` ("#229954"), made without QBrush(QColor) (see above)."""
    pen = QPen(QBrush(), 0)
    pen.setColor(QColor(colour))  # a pen's colour is a solid brush
    return pen.brush()


LATIN_END = "\u0250"  # the end of Latin Extended-B: the characters every user-interface font has


class _Text:
    """A text laid out (`layout`, a QTextLayout) with ranges of it in other colours of the palette: `colours` is
    [(start, end, colour role, underlined)]; the rest is drawn in the painter's pen. The ranges are drawn a
    piece of a line at a time through the style (QStylePainter.drawItemText), not as the layout's own formats:
    those are QTextCharFormats, whose wrapper class alone cost the first screen of start-up 1.4% of its
    instructions (see _rounded for why not setPen)."""

    def __init__(self, layout: QTextLayout, colours: list = ()) -> None:
        self.layout, self.colours = layout, list(colours)
        self._ascents: dict[tuple[str, bool], float] = {}

    def boundingRect(self) -> QRectF:
        return self.layout.boundingRect()

    def _ascent(self, piece: str, font: QFont) -> float:
        """The ascent of `piece` drawn on its own (the tallest of its fonts, a fallback font for 武汉 included),
        which is where drawItemText puts its baseline below the top of its rectangle. Latin script is in the font
        itself: its ascent, without laying the piece out."""
        if max(piece) < LATIN_END:
            return QFontMetricsF(font).ascent()
        key = (piece, font.underline())
        if key not in self._ascents:
            alone = QTextLayout(piece, font)
            alone.beginLayout()
            line = alone.createLine()
            line.setLineWidth(1e6)
            alone.endLayout()
            self._ascents[key] = line.ascent()
        return self._ascents[key]

    def draw(self, painter: QPainter, origin: QPointF, palette: QPalette) -> None:
        if not self.colours:
            self.layout.draw(painter, origin)
            return
        layout, text, font = self.layout, self.layout.text(), painter.font()
        plain, underlined = QFont(layout.font()), QFont(layout.font())
        underlined.setUnderline(True)
        spans = sorted(self.colours, key=lambda span: span[:2])  # (roles do not compare)
        # what no range covers is drawn in the text colour, as the painter's pen would
        gaps, at = [], 0
        for first, last, _role, _line in spans:
            if first > at:
                gaps.append((at, first, QPalette.ColorRole.WindowText, False))
            at = max(at, last)
        if at < len(text):
            gaps.append((at, len(text), QPalette.ColorRole.WindowText, False))
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            start, end = line.textStart(), line.textStart() + line.textLength()
            height = math.ceil(line.height())
            for first, last, role, underline in spans + gaps:
                a, b = max(start, first), min(end, last)
                piece = text[a:b].strip()
                if not piece:
                    continue
                # the piece without the spaces around it (in right-to-left text they may stand on either side), at
                # its left edge: where its first character starts or, right to left, where its last one ends
                a += len(text[a:b]) - len(text[a:b].lstrip())
                x = min(_x(line.cursorToX(a)), _x(line.cursorToX(a + len(piece))))
                piece_font = underlined if underline else plain
                # on the line's baseline, also where the piece's own fonts are shorter or taller than the line's
                y = line.y() + line.ascent() - self._ascent(piece, piece_font)
                at = QPointF(origin.x() + x, origin.y() + y)
                painter.setFont(piece_font)
                painter.translate(at)
                painter.drawItemText(QRect(0, 0, 1 << 20, height), ALIGN_LEFT | ALIGN_TOP, palette, True, piece, role)
                painter.translate(-at)
        painter.setFont(font)


def _x(cursor) -> float:
    """QTextLine.cursorToX's x (PySide6 gives it with the cursor position as a tuple)."""
    return cursor[0] if isinstance(cursor, tuple) else cursor


class _FocusRepaint:
    """A drawn widget whose focus ring (the current card or row) is painted again as focus comes and goes."""

    def focusInEvent(self, event) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:
        self.update()
        super().focusOutEvent(event)


class CardGrid(_FocusRepaint, QWidget):
    """A card per section with its figures: a headline ("3 moties") and a detail ("waarvan 1 aangenomen"),
    word-wrapped, in rows of as many cards as fit at CARD_WIDTH (4 at 1280 px, 6 at 1920), the cards of
    a row equally high.

    One widget draws them all: twelve card widgets cost the first screen more than everything else on it
    (each is polished, shown and laid out on its own). A click on a card, or Enter or the space bar on the
    current card (the arrow keys move it; Tab leaves the grid), emits `activated` with its key. Screen
    readers hear the current card's sentence as the grid's name.
    """

    activated = Signal(str)
    MARGINS = (14, 10, 12, 10)  # inside a card: left, top, right, bottom
    ICON, GAP, MOST = 22, 10, 8

    class Entry:
        __slots__ = ("key", "headline", "detail", "spoken", "description", "empty", "icon")

        def __init__(self, key: str) -> None:
            self.key, self.headline, self.detail, self.spoken, self.description = key, "", "", "", ""
            self.empty, self.icon = False, None

    def __init__(self, keys: list[str], parent=None) -> None:
        super().__init__(parent)
        self.entries = {key: self.Entry(key) for key in keys}
        self.order = list(keys)
        self.current = 0
        self.hovered = -1
        self._cache: dict[int, tuple] = {}  # width -> (height, cards, texts): layouts ask about a width often
        set_by_name(self, "focusPolicy", "StrongFocus")
        self.setMouseTracking(True)

    def set_card(self, key: str, headline: str, detail: str, spoken: str, description: str, empty: bool) -> None:
        """`empty`: the section holds nothing yet; the headline ("geen moties") is then quieter."""
        entry = self.entries[key]
        entry.headline, entry.detail, entry.spoken, entry.description, entry.empty = (
            headline, detail, spoken, description, empty)
        self._changed()

    def set_icons(self, icons: dict) -> None:
        for key, icon in icons.items():
            self.entries[key].icon = icon
        self._changed()

    def _changed(self) -> None:
        self._cache.clear()
        self._speak()
        self.updateGeometry()
        self.update()

    def _speak(self) -> None:
        entry = self.entries[self.order[self.current]]
        self.setAccessibleName(entry.spoken)
        self.setAccessibleDescription(entry.description)

    def text_of(self, key: str) -> str:
        return self.entries[key].spoken

    def text(self) -> str:
        return "\n".join(self.entries[key].spoken for key in self.order)

    def rect_of(self, key: str) -> QRect:
        return self._laid_out(self.width())[1][self.order.index(key)]

    # -- layout -------------------------------------------------------------------------

    def columns_for(self, width: int) -> int:
        """As many cards per row as fit, spread evenly over the rows they need: 12 cards where 7 fit are two
        rows of 6, not 7 and 5."""
        fit = max(1, min(self.MOST, (width + self.GAP) // (CARD_WIDTH + self.GAP)))
        count = len(self.order)
        if count <= fit:
            return fit
        rows = -(-count // fit)
        return -(-count // rows)

    @property
    def columns(self) -> int:
        """Cards per row at the grid's width now."""
        return self.columns_for(self.width())

    def _texts(self, entry, width: int) -> tuple[QRect, QRect]:
        """The headline's and the detail's rectangles in a card `width` wide at (0, 0)."""
        left, top, right, _bottom = self.MARGINS
        flags = TEXT_WORD_WRAP
        indent = self.ICON + 8 if entry.icon is not None else 0
        inner = max(1, width - left - right)
        head_width = max(1, inner - indent)
        metrics = QFontMetrics(dashboard_font("headline"))
        head = metrics.boundingRect(QRect(0, 0, head_width, 10_000), flags, entry.headline)
        head = QRect(left + indent, top, head_width, max(head.height(), self.ICON if entry.icon is not None else 0))
        detail = QRect(left, head.bottom() + 3, inner, 0)
        if entry.detail:
            detail.setHeight(self.fontMetrics().boundingRect(QRect(0, 0, inner, 10_000), flags,
                                                             entry.detail).height())
        return head, detail

    def _laid_out(self, width: int):
        """(height, each card's rectangle, each card's (headline, detail) rectangles) at `width`."""
        if width not in self._cache:
            columns = self.columns_for(width)
            card_width = max(1, (width - self.GAP * (columns - 1)) // columns)
            entries = [self.entries[key] for key in self.order]
            texts = [self._texts(entry, card_width) for entry in entries]
            cards, top = [], 0
            for start in range(0, len(entries), columns):
                row = texts[start:start + columns]
                high = max(detail.bottom() + 1 + self.MARGINS[3] for _head, detail in row)
                cards += [QRect(column * (card_width + self.GAP), top, card_width, high)
                          for column in range(len(row))]
                top += high + self.GAP
            self._cache[width] = (max(0, top - self.GAP), cards, texts)
        return self._cache[width]

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._laid_out(width)[0]

    def sizeHint(self) -> QSize:  # measures nothing, as Panel's
        width = 4 * CARD_WIDTH + 3 * self.GAP
        return QSize(width, self._cache[width][0] if width in self._cache else 0)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, 0)

    # -- painting -----------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        _height, cards, texts = self._laid_out(self.width())
        painter = QStylePainter(self)  # see _rounded
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        role, wrap = QPalette.ColorRole, TEXT_WORD_WRAP | ALIGN_LEFT
        for index, (key, card, (head, detail)) in enumerate(zip(self.order, cards, texts)):
            if not card.intersects(event.rect()):
                continue
            entry = self.entries[key]
            focused = index == self.current and self.hasFocus()
            lit = focused or index == self.hovered
            frame = _rounded(QRectF(card).adjusted(0.5, 0.5, -0.5, -0.5), 6)
            painter.fillPath(frame, palette.brush(role.Base))
            painter.strokePath(frame, QPen(palette.brush(role.Highlight if lit else role.Mid), 2 if focused else 1))
            origin = card.topLeft()
            if entry.icon is not None:
                entry.icon.paint(painter, QRect(origin + QPoint(*self.MARGINS[:2]), QSize(self.ICON, self.ICON)))
            painter.setFont(dashboard_font("headline"))
            painter.drawItemText(head.translated(origin), wrap | ALIGN_VCENTER, palette, True, entry.headline,
                                 role.PlaceholderText if entry.empty else role.WindowText)
            if entry.detail:
                painter.setFont(self.font())
                painter.drawItemText(detail.translated(origin), wrap, palette, True, entry.detail, role.PlaceholderText)

    # -- input --------------------------------------------------------------------------

    def _card_at(self, point) -> int:
        return next((index for index, card in enumerate(self._laid_out(self.width())[1]) if card.contains(point)), -1)

    def mouseMoveEvent(self, event) -> None:
        hovered = self._card_at(event.position().toPoint())
        if hovered != self.hovered:
            self.hovered = hovered
            self.setCursor(Qt.CursorShape.PointingHandCursor if hovered >= 0 else Qt.CursorShape.ArrowCursor)
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:
        self.hovered = -1
        self.update()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        index = self._card_at(event.position().toPoint()) if event.button() == Qt.MouseButton.LeftButton else -1
        if index >= 0:
            self.current = index
            self._speak()
            self.activated.emit(self.order[index])
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        key, count = event.key(), len(self.order)
        columns = self.columns_for(self.width())
        moves = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -columns, Qt.Key.Key_Down: columns}
        if key in moves:
            self.current = min(count - 1, max(0, self.current + moves[key]))
        elif key == Qt.Key.Key_Home:
            self.current = 0
        elif key == Qt.Key.Key_End:
            self.current = count - 1
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.order[self.current])
            return
        else:
            super().keyPressEvent(event)
            return
        self._speak()
        self.update()
