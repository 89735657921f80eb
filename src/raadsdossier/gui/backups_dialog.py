"""Bestand → Reservekopieën…: the current dossier's backups with what each holds; make one now, or put one back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem,
    QVBoxLayout,
)

from raadsdossier.services import safety
from raadsdossier.storage import backups
from raadsdossier.gui import tasks
from raadsdossier.gui.i18n import counts_text
from raadsdossier.gui.opening import reason, when


class BackupsDialog(QDialog):
    """Lists the backups of the dossier at `path` (open in `window`), newest first. Not modal: it follows the tab."""

    DATE, REASON, CONTENTS = range(3)

    def __init__(self, window, path: Path) -> None:
        super().__init__(window)
        self.main = window
        self.path = Path(path)
        self.backups: list[backups.Backup] = []
        self.setWindowTitle(self.tr("Reservekopieën – %1").replace("%1", self.path.name))
        self.resize(900, 440)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Reservekopieën van %1, de nieuwste bovenaan, in de map %2.\n"
                               "Terugzetten bewaart de huidige toestand eerst als reservekopie, dus ook dat kunt u "
                               "weer ongedaan maken.").replace("%1", self.path.name)
                       .replace("%2", backups.backup_dir(self.path).name))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Gemaakt op"), self.tr("Reden"), self.tr("Inhoud")])
        self.table.setAccessibleName(self.tr("Reservekopieën"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.DATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.REASON, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        layout.addWidget(self.table, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Melding"))
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.make_button = QPushButton(self.tr("Nu een reservekopie maken"))
        self.make_button.clicked.connect(self.make_backup)
        self.restore_button = QPushButton(self.tr("Terugzetten"))
        self.restore_button.setToolTip(self.tr("De gekozen reservekopie in de plaats van het dossier zetten"))
        self.restore_button.clicked.connect(self.restore_selected)
        close = QPushButton(self.tr("Sluiten"))
        close.clicked.connect(self.accept)
        for button in (self.make_button, self.restore_button, close):
            button.setAccessibleName(button.text())
            row.addWidget(button)
        row.insertStretch(2, 1)
        layout.addLayout(row)
        self.reload()

    def _view(self):
        return self.main.view_for(self.path)

    def _busy(self, text: str) -> None:
        self.status.setText(text)
        self.make_button.setEnabled(False)
        self.restore_button.setEnabled(False)

    def _update_buttons(self) -> None:
        view = self._view()
        writable = view is not None and not view.dossier.read_only
        self.make_button.setEnabled(view is not None)
        self.restore_button.setEnabled(writable and self.selected() is not None)

    def selected(self) -> backups.Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def reload(self) -> None:
        """Re-read the list; what each backup holds is counted off the GUI thread."""
        self.backups = [entry.backup for entry in safety.list_backups(self.path, counted=False)]
        self.table.setRowCount(len(self.backups))
        for row, backup in enumerate(self.backups):
            for column, text in ((self.DATE, when(backup.made)), (self.REASON, reason(backup)),
                                 (self.CONTENTS, self.tr("wordt geteld…"))):
                self.table.setItem(row, column, QTableWidgetItem(text))
            self.table.item(row, self.DATE).setData(Qt.ItemDataRole.UserRole, str(backup.path))
            self.table.item(row, self.DATE).setToolTip(backup.path.name)
        if not self.backups:
            self.status.setText(self.tr("Dit dossier heeft nog geen reservekopieën."))
        self._update_buttons()
        view = self._view()
        password = view.dossier.password if view else None
        tasks.run_in_background(lambda: safety.list_backups(self.path, password), self._show_counts,
                                lambda exc: self.status.setText(str(exc)))

    def _show_counts(self, entries: list[safety.BackupEntry]) -> None:
        by_path = {entry.backup.path: entry for entry in entries}
        for row, backup in enumerate(self.backups):
            entry = by_path.get(backup.path)
            if entry is None:  # gone since the list was read
                continue
            if entry.problem is not None:
                text = self.tr("onleesbaar: %1").replace("%1", entry.problem)
            else:
                text = counts_text(entry.counts) or self.tr("leeg")
            item = self.table.item(row, self.CONTENTS)
            item.setText(text)
            item.setToolTip(text)

    def contents(self) -> list[tuple[str, str, str]]:
        """What the table shows, row by row (date, reason, contents)."""
        return [tuple(self.table.item(row, column).text() for column in range(3)) for row in range(self.table.rowCount())]

    def make_backup(self) -> None:
        view = self._view()
        if view is None:
            return
        self._busy(self.tr("Reservekopie wordt gemaakt…"))
        dossier = view.dossier
        tasks.run_in_background(lambda: safety.backup(dossier), self._made, self._failed)

    def _made(self, path: Path) -> None:
        self.reload()
        self.status.setText(self.tr("Reservekopie gemaakt: %1").replace("%1", Path(path).name))
        if self.backups:
            self.table.selectRow(0)

    def _failed(self, exc: Exception) -> None:
        self._update_buttons()
        self.status.setText(self.tr("Niet gelukt: %1").replace("%1", str(exc)))

    def restore_selected(self) -> None:
        backup = self.selected()
        if backup is None or not self.restore_button.isEnabled():
            return
        self._busy(self.tr("Reservekopie van %1 wordt teruggezet…").replace("%1", when(backup.made)))
        self.main.restore_backup(self.path, backup.path,
                                 lambda result: self._restored(backup, result), self._failed)

    def _restored(self, backup: backups.Backup, result: backups.RestoreResult) -> None:
        self.reload()
        if result.previous_was_damaged:
            kept = self.tr("Het beschadigde bestand is bewaard als %1.").replace("%1", result.previous.name)
        else:
            kept = self.tr("De toestand van daarvoor is bewaard als reservekopie (vóór terugzetten).")
        self.status.setText(self.tr("De reservekopie van %1 is teruggezet. %2")
                            .replace("%1", when(backup.made)).replace("%2", kept))
