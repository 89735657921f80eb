"""Rows as tall as their text: a table's visible rows wrap their text and grow to show all of it.

QTableView can fit every row to its content (the vertical header's ResizeToContents), but it measures every
loaded row at every change, and a list of a 100,000-item dossier loads thousands as it is scrolled through. Only
the rows on screen are measured here, again whenever what is on screen may have changed: other rows, a sort, a
filter, another width of the window or of a column, a scroll. A row never gets lower than the table's default
row height, so a one-line row looks as it did without wrapping, and a row of more lines keeps the room a one-line
row has around its text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QTableView


class VisibleRowFit(QObject):
    """Wraps `table`'s text and keeps the rows on screen as tall as their text (`fit`), from now on, following the
    model the table has now. Owned by the table: it goes with it."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        table.setWordWrap(True)
        # Coalesced: a reset, a sort and a resize in one turn of the event loop measure once, after them.
        self._pending = QTimer(self, singleShot=True, interval=0)
        self._pending.timeout.connect(self.fit)
        table.horizontalHeader().sectionResized.connect(self.schedule)
        table.verticalScrollBar().valueChanged.connect(self.schedule)
        self._viewport = table.viewport()  # kept: the filter may see its last events as the table goes
        self._viewport.installEventFilter(self)
        self._watch(table.model())

    def _watch(self, model) -> None:
        if model is None:
            return
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved,
                       model.dataChanged):
            signal.connect(self.schedule)

    def schedule(self, *_args) -> None:
        self._pending.start()

    def eventFilter(self, watched, event) -> bool:
        if watched is self._viewport and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.schedule()
        return False

    def fit(self) -> None:
        """Measure the rows on screen now, top to bottom, each at its columns' widths: a row that grows pushes
        the next ones down, so the rows measured are those on screen once this is done. The current row, when it
        was on screen (a search hit the list was just scrolled to), stays on screen."""
        table = self.table
        model = table.model()
        top = table.rowAt(0)
        if model is None or top < 0:
            return
        current = table.currentIndex()
        keep = current.isValid() and self._on_screen(current.row())
        least = table.verticalHeader().defaultSectionSize()
        # A row of one line has this much room around its text; a row of more lines gets as much.
        room = max(0, least - table.fontMetrics().height() - 1)
        bottom = table.viewport().height()
        row, rows = top, model.rowCount()
        while row < rows and table.rowViewportPosition(row) < bottom:
            if not table.isRowHidden(row):
                height = max(least, table.sizeHintForRow(row) + room)
                if table.rowHeight(row) != height:
                    table.setRowHeight(row, height)
            row += 1
        if keep and not self._on_screen(current.row()):
            table.scrollTo(current)  # scrolls: the rows then on screen are measured next

    def _on_screen(self, row: int) -> bool:
        top = self.table.rowViewportPosition(row)
        return top >= 0 and top + self.table.rowHeight(row) <= self.table.viewport().height()
