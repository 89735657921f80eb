"""Qt item models over the item services: rows arrive page by page (canFetchMore/fetchMore)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from raadsdossier.domain.enums import Confidentiality
from raadsdossier.services import lists
from raadsdossier.storage.dossier import Dossier
from raadsdossier.gui.i18n import label
from raadsdossier.gui.reading_page import short_title

PAGE = 48  # a screen and a half of rows: a page of motions brings ~1,000 vote rows with it
ItemRole = Qt.ItemDataRole.UserRole + 1  # the row's interchange dict
IdRole = Qt.ItemDataRole.UserRole + 2
# A list's cell shows at most this much of a text, cut at a word and marked "…": a list is for finding an item,
# whose read view shows it whole, and its rows are as tall as their text (gui/row_fit.py), measured in time
# that grows with the text: a title of a million characters was a row 560,000 pixels high, 5 s to show.
CELL_CHARS = 300


def cell_text(text):
    """`text` as a list's cell shows it (see CELL_CHARS); anything but a long string as it is."""
    if isinstance(text, str) and len(text) > CELL_CHARS:
        return short_title(text[:CELL_CHARS + 1], CELL_CHARS, sentences=False)
    return text


@dataclass(frozen=True)
class Column:
    header: str
    sort_key: str | None  # interchange key the service sorts by; None: not sortable
    value: Callable[[dict], str]


CONFIDENTIAL_BRUSH = QBrush(QColor("#fde8e8"))
INTERNAL_BRUSH = QBrush(QColor("#fff4d6"))


class ItemTableModel(QAbstractTableModel):
    """The items of one section. Sorting and filtering happen in SQL; rows load lazily."""

    count_changed = Signal()  # `total` or `total_exact` changed (after a reload, or at the list's end)

    def __init__(self, dossier: Dossier, key: str, columns: list[Column], parent=None, load: bool = True) -> None:
        """With load=False nothing is read until `reload()`: a dossier view builds every section's model
        when it opens, but only the section on screen needs its rows."""
        super().__init__(parent)
        self.dossier = dossier
        self.key = key
        self.columns = columns
        self.rows: list[dict] = []
        self.total = 0
        self.total_exact = True  # False: more than `total` items match (a filter counts up to a bound)
        self.loaded = False
        self.text_filter = ""
        self.order = next((c.sort_key for c in columns if c.sort_key), "date")
        self.descending = False
        if load:
            self.reload()

    # -- loading ------------------------------------------------------------

    def reload(self) -> None:
        self.loaded = True
        self.beginResetModel()
        self.rows, self.total, self.total_exact = lists.first_page(
            self.dossier, self.key, text_filter=self.text_filter or None, order=self.order,
            descending=self.descending, limit=PAGE)
        self.endResetModel()
        self.count_changed.emit()

    def _fetch(self, offset: int) -> list[dict]:
        return lists.page(self.dossier, self.key, text_filter=self.text_filter or None, order=self.order,
                          descending=self.descending, offset=offset, limit=PAGE)

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and (len(self.rows) < self.total or not self.total_exact)

    def fetchMore(self, parent=QModelIndex()) -> None:
        more = self._fetch(len(self.rows))
        if more:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
            self.rows.extend(more)
            self.endInsertRows()
        if len(more) < PAGE and (self.total, self.total_exact) != (len(self.rows), True):
            self.total, self.total_exact = len(self.rows), True  # the end of the list: its length is known
            self.count_changed.emit()

    def set_filter(self, text: str) -> None:
        self.text_filter = text.strip()
        self.reload()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        # Qt asks for column -1 to mean "unsorted": keep the default order (columns[-1] would be
        # the last column). Asking again for the order already shown reads nothing.
        key = self.columns[column].sort_key if 0 <= column < len(self.columns) else None
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.order, self.descending) and self.loaded:
            return
        self.order = key
        self.descending = descending
        if self.loaded:
            self.reload()

    def row_of(self, item_id: str) -> int:
        for index, row in enumerate(self.rows):
            if row["id"] == item_id:
                return index
        return -1

    # -- Qt model API -------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cell_text(self.columns[index.column()].value(row))
        if role == ItemRole:
            return row
        if role == IdRole:
            return row["id"]
        if role == Qt.ItemDataRole.BackgroundRole:
            conf = row.get("confidentiality")
            return CONFIDENTIAL_BRUSH if conf == Confidentiality.CONFIDENTIAL else \
                INTERNAL_BRUSH if conf == Confidentiality.INTERNAL else None
        if role == Qt.ItemDataRole.FontRole and row.get("confidentiality") == Confidentiality.CONFIDENTIAL:
            font = QFont()
            font.setBold(True)
            return font
        return None


def confidentiality_column(header: str) -> Column:
    return Column(header, "confidentiality", lambda row: label(row.get("confidentiality")))
