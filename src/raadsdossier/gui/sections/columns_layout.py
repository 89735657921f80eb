"""ColumnsLayout: widgets side by side in as many equal columns as fit, for the Overzicht's cards and panels
(gui/sections/overview.py). A layout of its own, not a QGridLayout: the columns follow the width inside the
layout pass, and no text is measured at a width it will not be shown at (the first screen of start-up is
benchmarked, bench/run.py "start")."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QLayout, QWidget


def _put(item, rect: QRect) -> None:
    """Give a layout item its place. A widget is placed directly: QWidgetItem.setGeometry first asks the
    widget's size hint (for its maximum size), which had every text laid out at one more width."""
    widget = item.widget()
    if widget is not None:
        widget.setGeometry(rect)
    else:
        item.setGeometry(rect)


class ColumnsLayout(QLayout):
    """Widgets in as many equal columns as fit at `preferred` width each (at most `most`): a grid filled row
    by row, each row as high as its highest widget, or (with `stacks`) stacked columns, `stacks[n - 1]`
    saying which widgets (by index) go in which of n columns.

    The columns follow the width inside the layout pass itself (`setGeometry`): widgets moved between
    rows after a resize cost a second pass of every word-wrapped text below them, on the first screen too.
    """

    def __init__(self, parent: QWidget, preferred: int, minimum: int, most: int,
                 stacks: list[list[list[int]]] | None = None, spacing: int = 10) -> None:
        self._items: list = []
        self._heights: dict[int, int] = {}
        super().__init__(parent)
        self.preferred, self.minimum, self.most, self.stacks = preferred, minimum, most, stacks
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)
        self.columns = 0  # as last laid out

    # QLayout's item list
    def addItem(self, item) -> None:
        self._items.append(item)
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):
        if not 0 <= index < len(self._items):
            return None
        self.invalidate()
        return self._items.pop(index)

    def invalidate(self) -> None:
        self._heights.clear()
        super().invalidate()

    # sizes. No expandingDirections(): QLayout's own (both ways) lays out the Overzicht the same, whose column
    # gives its spare height to the stretch below the panels either way; returning Qt.Orientation here had the
    # first screen make all of Qt's namespace in Python (gui/lazy_qt.py).
    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if width not in self._heights:
            self._heights[width] = self._place(width)
        return self._heights[width]

    # Neither hint asks the widgets: laying out their word-wrapped texts at one more width (a hint's)
    # was a good part of the first screen's cost. The height always comes from heightForWidth.
    def sizeHint(self) -> QSize:
        holder = self.parentWidget()
        width = holder.width() if holder is not None and holder.width() > 0 else self.preferred
        return QSize(width, self._heights.get(width, 0))

    def minimumSize(self) -> QSize:
        return QSize(self.minimum, 0)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect.width(), rect)

    # placing
    def columns_for(self, width: int) -> int:
        most = len(self.stacks) if self.stacks else self.most
        return max(1, min(most, (width + self.spacing()) // (self.preferred + self.spacing())))

    def _place(self, width: int, rect: QRect | None = None) -> int:
        """The height the widgets take at `width`; placed in `rect` when given."""
        columns, gap = self.columns_for(width), self.spacing()
        column_width = max(1, (width - gap * (columns - 1)) // columns)

        def height(item) -> int:
            return item.heightForWidth(column_width) if item.hasHeightForWidth() else item.sizeHint().height()

        def put(item, column: int, top: int, high: int) -> None:
            if rect is not None:
                _put(item, QRect(rect.x() + column * (column_width + gap), rect.y() + top, column_width, high))

        if rect is not None:
            self.columns = columns
        if self.stacks is None:
            shown = [item for item in self._items if not item.isEmpty()]
            top = 0
            for start in range(0, len(shown), columns):
                row = shown[start:start + columns]
                high = max(height(item) for item in row)
                for column, item in enumerate(row):
                    put(item, column, top, high)
                top += high + gap
            return max(0, top - gap)
        bottom = 0
        for column, indices in enumerate(self.stacks[columns - 1]):
            top = 0
            for index in indices:
                item = self._items[index]
                if item.isEmpty():
                    continue
                high = height(item)
                put(item, column, top, high)
                top += high + gap
            bottom = max(bottom, top - gap)
        return max(0, bottom)
