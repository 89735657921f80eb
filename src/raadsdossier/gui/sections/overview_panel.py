"""The Overzicht's panels of rows and bars, drawn in one widget each (see gui/sections/overview_widgets.py, whose
fonts, shapes, text and focus they share; gui/sections/columns_layout.py puts as many side by side as fit)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Signal
from PySide6.QtGui import QFont, QPainter, QPalette, QPen, QTextLayout, QTextOption
from PySide6.QtWidgets import QStylePainter, QWidget

from raadsdossier.gui.lazy_qt import ALIGN_LEFT, ALIGN_RIGHT, ALIGN_TOP, ALIGN_VCENTER, Qt, set_by_name
from raadsdossier.gui.sections.overview_widgets import _FocusRepaint, _rounded, _solid, _Text, dashboard_font

PANEL_WIDTH = 420  # a panel's preferred width: as many side by side as fit (2 at 1280 px, 3 at 1920)


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
