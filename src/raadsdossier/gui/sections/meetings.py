"""Vergaderingen: meetings and their agenda items."""

from __future__ import annotations

import copy
import uuid

from PySide6.QtWidgets import QTableWidgetItem, QWidget

from raadsdossier.gui.sections.items import ItemSection


class MeetingSection(ItemSection):
    def extra_editor(self) -> QWidget:
        box, self.agenda = self.child_table(self.tr("Agendapunten"), [self.tr("Nummer"), self.tr("Titel")],
                                            [(self.tr("Agendapunt toevoegen"), self.add_agenda_item)], stretch=(1,))
        self.agenda.itemChanged.connect(self._edited)
        self._filling = False
        return box

    def load_extra(self, data: dict | None) -> None:
        self._filling = True
        try:
            entries = (data or {}).get("agenda_items", [])
            self.agenda.setRowCount(len(entries))  # in place: this may run inside a cell's own signal
            for row, entry in enumerate(entries):
                for column, text in enumerate((entry.get("number") or "", entry["title"])):
                    cell = self.agenda.item(row, column)
                    if cell is None:
                        cell = QTableWidgetItem()
                        self.agenda.setItem(row, column, cell)
                    cell.setText(text)
        finally:
            self._filling = False

    def _edited(self, cell: QTableWidgetItem) -> None:
        if self._filling or self.current is None:
            return
        after = copy.deepcopy(self.current)
        entry = after["agenda_items"][cell.row()]
        entry["number" if cell.column() == 0 else "title"] = cell.text().strip() or entry["number" if cell.column() == 0 else "title"]
        self.save(after)

    def add_agenda_item(self) -> None:
        if self.current is None:
            return
        after = copy.deepcopy(self.current)
        number = str(len(after.get("agenda_items", [])) + 1)
        after["agenda_items"] = after.get("agenda_items", []) + [
            {"id": str(uuid.uuid4()), "number": number, "title": self.tr("Nieuw agendapunt"), "kind": "debate"}]
        self.save(after)
