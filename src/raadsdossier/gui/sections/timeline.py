"""Tijdlijn: every dated item of every kind on one list, filterable by kind, read page by page."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QHBoxLayout, QTableView, QVBoxLayout

from raadsdossier.domain import kinds
from raadsdossier.services import lists
from raadsdossier.gui.i18n import format_date, kind_label, label
from raadsdossier.gui.models import PAGE, IdRole
from raadsdossier.gui.sections.base import Section

# The kinds with a date, which the timeline can show (services/lists.py: _DATED and question sets).
KINDS = ["motion", "commitment", "question_set", "college_note", "demonstration", "event", "cost", "outcome",
         "source", "meeting"]
DATE, KIND, TITLE, CONFIDENTIALITY = range(4)


class TimelineModel(QAbstractTableModel):
    """Timeline entries of the chosen sections, oldest first; rows arrive page by page (fetchMore),
    so a dossier with 100,000 dated items shows its first screen as fast as one with ten."""

    def __init__(self, dossier, headers: list[str], parent=None) -> None:
        super().__init__(parent)
        self.dossier = dossier
        self.headers = headers
        self.keys: set[str] = set()
        self.entries: list[lists.TimelineEntry] = []
        self.total = 0

    def set_keys(self, keys: set[str]) -> None:
        self.beginResetModel()
        self.keys = set(keys)
        self.total = lists.timeline_count(self.dossier, self.keys)
        self.entries = lists.timeline_page(self.dossier, self.keys, 0, PAGE)
        self.endResetModel()

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and len(self.entries) < self.total

    def fetchMore(self, parent=QModelIndex()) -> None:
        more = lists.timeline_page(self.dossier, self.keys, len(self.entries), PAGE)
        if not more:
            self.total = len(self.entries)
            return
        self.beginInsertRows(QModelIndex(), len(self.entries), len(self.entries) + len(more) - 1)
        self.entries.extend(more)
        self.endInsertRows()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == DATE:
                return format_date(entry.date) + (f" – {format_date(entry.end_date)}" if entry.end_date else "")
            if column == KIND:
                return kind_label(entry.kind)
            if column == TITLE:
                return entry.title
            return label(entry.confidentiality)
        if role == IdRole:
            return entry.id
        return None


class TimelineSection(Section):
    key = "timeline"
    kinds = tuple(KINDS)

    def __init__(self, view, parent=None) -> None:
        super().__init__(view, parent)
        self.filters: dict[str, QCheckBox] = {}
        bar = QHBoxLayout()
        for kind in KINDS:
            box = QCheckBox(kind_label(kind))
            box.setChecked(kind != "source")
            box.setAccessibleName(self.tr("Toon %1").replace("%1", kind_label(kind)))
            box.toggled.connect(lambda _on: self.refresh())
            self.filters[kind] = box
            bar.addWidget(box)
        bar.addStretch(1)
        self.list_model = TimelineModel(view.dossier, [self.tr("Datum"), self.tr("Soort"), self.tr("Titel"),
                                                  self.tr("Vertrouwelijkheid")], self)
        self.table = QTableView()
        self.table.setModel(self.list_model)
        self.table.setAccessibleName(self.tr("Tijdlijn"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setResizeContentsPrecision(40)  # fit the first screen's rows, not every loaded one
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.table)

    def refresh(self) -> None:
        super().refresh()
        self.list_model.set_keys({kinds.kind(kind).key for kind, box in self.filters.items() if box.isChecked()})
        for column in range(TITLE):
            self.table.resizeColumnToContents(column)
        self.table.setColumnWidth(TITLE, max(self.table.columnWidth(TITLE), 420))

    def entry_titles(self) -> list[str]:
        """Titles of the rows read so far (the first page, and more as the list is scrolled)."""
        return [entry.title for entry in self.list_model.entries]

    def open_row(self, row: int) -> None:
        if 0 <= row < len(self.list_model.entries):
            self.view.open_item(self.list_model.entries[row].id)
