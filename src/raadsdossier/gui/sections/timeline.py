"""Tijdlijn: every dated item of every kind on one list, filterable by kind."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from raadsdossier.core import items
from raadsdossier.gui.i18n import format_date, kind_label, label
from raadsdossier.gui.sections.base import Section

KINDS = ["motion", "commitment", "question_set", "college_note", "demonstration", "event", "cost", "outcome",
         "source", "meeting"]
KEY_OF = {"motion": "motions", "commitment": "commitments", "question_set": "question_sets",
          "college_note": "college_notes", "demonstration": "demonstrations", "event": "events", "cost": "costs",
          "outcome": "outcomes", "source": "sources", "meeting": "meetings"}


class TimelineSection(Section):
    key = "timeline"

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
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Tijdlijn"))
        self.tree.setHeaderLabels([self.tr("Datum"), self.tr("Soort"), self.tr("Titel"), self.tr("Vertrouwelijkheid")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.itemActivated.connect(self._open)
        self.tree.itemDoubleClicked.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.tree)

    def refresh(self) -> None:
        super().refresh()
        keys = {KEY_OF[kind] for kind, box in self.filters.items() if box.isChecked()}
        self.tree.clear()
        for entry in items.timeline(self.view.dossier, keys):
            when = format_date(entry.date) + (f" – {format_date(entry.end_date)}" if entry.end_date else "")
            row = QTreeWidgetItem([when, kind_label(entry.kind), entry.title, label(entry.confidentiality)])
            row.setData(0, Qt.ItemDataRole.UserRole, entry.id)
            self.tree.addTopLevelItem(row)
        for column in range(3):
            self.tree.resizeColumnToContents(column)

    def entry_titles(self) -> list[str]:
        return [self.tree.topLevelItem(i).text(2) for i in range(self.tree.topLevelItemCount())]

    def _open(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        self.view.open_item(row.data(0, Qt.ItemDataRole.UserRole))
