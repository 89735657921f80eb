"""The Overzicht's drawn widgets: the cards and the panels of rows and bars (gui/sections/columns_layout.py puts
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
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QStylePainter, QWidget

from raadsdossier.gui.lazy_qt import ALIGN_LEFT, ALIGN_RIGHT, ALIGN_TOP, ALIGN_VCENTER, TEXT_WORD_WRAP, Qt, set_by_name

CARD_WIDTH = 230  # a card's preferred width: the grid puts as many in a row as fit (4 at 1280 px, 6 at 1920)
PANEL_WIDTH = 420  # likewise for the panels (2 at 1280 px, 3 at 1920)


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



class Panel(_FocusRepaint, QWidget):
    """A box of rows drawn in one widget: a title (a link to a section, or not), then headings, lines of text,
    label–value pairs, label–link rows and progress bars.

    One widget per panel, not a box of labels: each widget on the first screen is polished, shown and laid
    out on its own, and a rich-text label lays out a text document again at every width a layout asks
    about. Rows (`set_rows`), each a tuple:
      ("heading", text) | ("text", text) | ("value", label, text, strong)
      | ("link", label, link, after, target, strong) | ("bar", name, done, total, "12 van 32", target)
    A click on the title, a link or a bar, or Enter or the space bar on the current one (the arrow keys
    move it), emits `activated` with its target ("item:<id>", "section:<key>"). Screen readers hear the
    panel's title as its name and every row as its description.
    """

    activated = Signal(str)
    MARGINS = (16, 10, 14, 12)  # left, top, right, bottom
    GAP, SPACE, BAR_HEIGHT = 12, 6, 8

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.title, self.title_target, self.accent = "", None, None
        self.rows: list[tuple] = []
        self.current = 0  # which of `targets()` the keyboard is on
        self._cache: dict[int, tuple] = {}  # width -> (height, title piece, row pieces): layouts ask often
        self._cache_font = QFont(self.font())
        self.setMouseTracking(True)

    def set_title(self, title: str, target: str | None = None, accent: str | None = None) -> None:
        self.title, self.title_target, self.accent = title, target, accent
        self._changed()

    def set_rows(self, rows: list[tuple]) -> None:
        self.rows = rows
        self.current = 0
        self._changed()

    def _changed(self) -> None:
        self._cache.clear()
        set_by_name(self, "focusPolicy", "StrongFocus" if self.targets() else "NoFocus")
        self.setAccessibleDescription(self.text(with_title=False))
        self._speak()
        self.updateGeometry()
        self.update()

    def _speak(self) -> None:
        """The accessible name: the title, and the link the keyboard is on when it is not the title."""
        links = [(row[2] if row[0] == "link" else row[1]) for row in self.rows if row[0] in ("link", "bar")]
        index = self.current - (1 if self.title_target else 0)
        self.setAccessibleName(f"{self.title}: {links[index]}" if 0 <= index < len(links) else self.title)

    def targets(self) -> list[str]:
        """Where the title and each link or bar lead, top to bottom."""
        found = [self.title_target] if self.title_target else []
        return found + [row[4] if row[0] == "link" else row[5] for row in self.rows if row[0] in ("link", "bar")]

    def text(self, with_title: bool = True) -> str:
        """The title and the rows as plain text, a line each."""
        lines = [self.title] if with_title and self.title else []
        for row in self.rows:
            if row[0] == "link":
                lines.append(" ".join(part for part in row[1:4] if part))
            elif row[0] == "value":
                lines.append(" ".join(part for part in row[1:3] if part))
            elif row[0] == "bar":
                lines.append(f"{row[1]}: {row[4]}")
            else:
                lines.append(row[1])
        return "\n".join(lines)

    def rect_of(self, target: str) -> QRect:
        """Where the link to `target` is (an empty rectangle when there is none)."""
        return next((rect for rect, found in self._hits(self.width()) if found == target), QRect())

    # -- layout ---------------------------------------------------------------------------

    def _text_layout(self, text: str, font: QFont, width: int, colours: list = ()) -> tuple[_Text, int]:
        """`text` laid out at `width`, with `colours` (see _Text). A line break or tab in it is a space: a
        panel's row is one paragraph (and _Text draws its pieces on their own, where either would start a line or
        jump to a tab stop)."""
        layout = QTextLayout(text.replace("\n", " ").replace("\t", " "), font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        height = 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1, width))
            line.setPosition(QPointF(0, height))
            height += line.height()
        layout.endLayout()
        return _Text(layout, colours), math.ceil(height)

    def _laid_out(self, width: int) -> tuple:
        """(height, (title rect, layout) or None, [(row, rect, layout, bar rect, count rect)]) at `width`.
        A link or value row's rect is its text's, right of the label column; a bar row's, its name's."""
        if self.font() != self._cache_font:
            self._cache.clear()
            self._cache_font = QFont(self.font())
        if width in self._cache:
            return self._cache[width]
        role = QPalette.ColorRole
        left, top, right, bottom = self.MARGINS
        inner = max(1, width - left - right)
        metrics = self.fontMetrics()
        labels = [metrics.horizontalAdvance(row[1]) for row in self.rows if row[0] in ("link", "value") and row[1]]
        label_width = min(max(labels) + self.GAP, inner * 2 // 5) if labels else 0
        bars = [row for row in self.rows if row[0] == "bar"]
        names = min(max((metrics.horizontalAdvance(row[1]) for row in bars), default=0) + 1, inner * 2 // 5)
        counts = max((metrics.horizontalAdvance(row[4]) for row in bars), default=0) + 1
        title = None
        if self.title:
            font = QFont(dashboard_font("heading"))
            font.setUnderline(bool(self.title_target))
            colours = [(0, len(self.title), role.Link, True)] if self.title_target else ()
            layout, high = self._text_layout(self.title, font, inner, colours)
            title = (QRect(left, top, inner, high), layout)
            top += high + self.SPACE
        pieces = []
        for index, row in enumerate(self.rows):
            font = QFont(self.font())
            bar = count = None
            colours = ()
            if row[0] == "link":
                text = f"{row[2]} {row[3]}" if row[3] else row[2]
                x, row_width = left + label_width, inner - label_width
                # The link underlined in the link colour, what follows it quieter (in the text colour when strong)
                link = len(row[2])
                colours = [(0, link, role.Link, True),
                           (link, len(text), role.WindowText if row[5] else role.PlaceholderText, False)]
            elif row[0] == "value":
                font.setBold(row[3])
                text, x, row_width = row[2], left + label_width, inner - label_width
            elif row[0] == "bar":
                text, x, row_width = row[1], left, names
                colours = [(0, len(text), role.Link, False)]
            else:
                font.setBold(row[0] == "heading")
                top += self.SPACE if row[0] == "heading" and index else 0
                text, x, row_width = row[1], left, inner
            layout, high = self._text_layout(text, font, row_width, colours)
            if row[0] == "bar":
                high = max(high, metrics.height())
                bar_left = left + names + self.GAP
                bar = QRect(bar_left, top + (high - self.BAR_HEIGHT) // 2,
                            max(20, inner - names - counts - 2 * self.GAP), self.BAR_HEIGHT)
                count = QRect(left + inner - counts, top, counts, high)
            pieces.append((row, QRect(x, top, max(1, row_width), high), layout, bar, count))
            top += high + (4 if row[0] == "bar" else 2)
        last = pieces[-1][1] if pieces else title[0] if title else QRect(0, top, 0, 0)
        self._cache[width] = (last.bottom() + 1 + bottom, title, pieces)
        return self._cache[width]

    def _hits(self, width: int) -> list[tuple[QRect, str]]:
        """(where to click, target) of the title and each link and bar, top to bottom."""
        _height, title, pieces = self._laid_out(width)
        hits = [(title[0], self.title_target)] if title and self.title_target else []
        for row, rect, _layout, bar, count in pieces:
            if row[0] == "link":
                hits.append((rect, row[4]))
            elif row[0] == "bar":
                hits.append((rect.united(bar).united(count), row[5]))
        return hits

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._laid_out(width)[0]

    # The hints measure nothing: a layout at one more width (a hint's) was a good part of the first
    # screen's cost. The height always comes from heightForWidth.
    def sizeHint(self) -> QSize:
        return QSize(PANEL_WIDTH, self._cache[PANEL_WIDTH][0] if PANEL_WIDTH in self._cache else 0)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 0)

    # -- painting -----------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        painter = QStylePainter(self)  # its pen is the palette's WindowText; see _rounded
        palette = self.palette()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        frame = _rounded(box, 6)
        painter.fillPath(frame, palette.brush(QPalette.ColorRole.Base))
        painter.strokePath(frame, QPen(palette.brush(QPalette.ColorRole.Mid), 1))
        if self.accent:
            painter.fillPath(_rounded(QRectF(box.left(), box.top(), 5, box.height()), 2), _solid(self.accent))
        _height, title, pieces = self._laid_out(self.width())
        if title:
            title[1].draw(painter, QPointF(title[0].topLeft()), palette)
        for row, rect, layout, bar, count in pieces:
            if row[0] in ("link", "value") and row[1]:
                painter.drawText(QRect(self.MARGINS[0], rect.top(), rect.left() - self.MARGINS[0], rect.height()),
                                 ALIGN_LEFT | ALIGN_TOP, row[1])
            if row[0] == "bar":
                self._paint_bar(painter, row, rect, layout, bar, count)
            else:
                layout.draw(painter, QPointF(rect.topLeft()), palette)
        targets = self._hits(self.width())
        if self.hasFocus() and 0 <= self.current < len(targets):
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(targets[self.current][0].adjusted(-2, 0, 1, 0))

    def _paint_bar(self, painter: QPainter, row: tuple, rect: QRect, layout: QTextLayout, bar: QRect,
                   count: QRect) -> None:
        _kind, _name, done, total, figure, _target = row
        palette = self.palette()
        layout.draw(painter, QPointF(rect.left(), rect.top() + (rect.height() - layout.boundingRect().height()) / 2),
                    palette)
        painter.fillPath(_rounded(QRectF(bar), 4), palette.brush(QPalette.ColorRole.Midlight))
        if total and done:
            filled = bar.width() * min(done, total) / total
            painter.fillPath(_rounded(QRectF(bar.x(), bar.y(), filled, bar.height()), 4),
                             palette.brush(QPalette.ColorRole.Highlight))
        painter.drawText(count, ALIGN_RIGHT | ALIGN_VCENTER, figure)

    # -- input ----------------------------------------------------------------------------

    def _target_at(self, point) -> int:
        return next((index for index, (rect, _target) in enumerate(self._hits(self.width())) if rect.contains(point)),
                    -1)

    def mouseMoveEvent(self, event) -> None:
        over = self._target_at(event.position().toPoint()) >= 0
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        index = self._target_at(event.position().toPoint()) if event.button() == Qt.MouseButton.LeftButton else -1
        if index >= 0:
            self.current = index
            self.activated.emit(self._hits(self.width())[index][1])
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        targets = self.targets()
        if targets and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            self.current = min(len(targets) - 1, max(0, self.current + step))
            self._speak()
            self.update()
            return
        if targets and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(targets[min(self.current, len(targets) - 1)])
            return
        super().keyPressEvent(event)
