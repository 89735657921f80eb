"""The import dialog: read the files off the GUI thread, show the dry run, then import as one undoable step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout,
)

from raadsdossier.services import dossiers as services
from raadsdossier.domain.errors import DossierError
from raadsdossier.gui import tasks
from raadsdossier.importers import formats, read_source


class ImportDialog(QDialog):
    """Shows per file what would be added, updated and skipped, with any errors, before importing."""

    def __init__(self, view, paths: list[Path], parent=None) -> None:
        super().__init__(parent)
        self.view = view
        self.paths = [Path(p) for p in paths]
        self.documents: list[tuple[str, dict]] = []
        self.errors: list[str] = []
        self.setWindowTitle(self.tr("Importeren in %1").replace("%1", view.title))
        self.format = QComboBox()
        self.format.setAccessibleName(self.tr("Formaat"))
        self.format.addItem(self.tr("herkennen"), "auto")
        for fmt in formats():
            self.format.addItem(f"{fmt.description} ({fmt.name})", fmt.name)
        self.format.activated.connect(lambda _i: self.read())
        add = QPushButton(self.tr("Bestanden kiezen…"))
        add.clicked.connect(self.choose)
        self.preview = QTreeWidget()
        self.preview.setAccessibleName(self.tr("Wat er gebeurt"))
        self.preview.setHeaderLabels([self.tr("Bestand of soort"), self.tr("Toegevoegd"), self.tr("Bijgewerkt"),
                                      self.tr("Overgeslagen")])
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Voortgang"))
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm = self.buttons.addButton(self.tr("Importeren"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setEnabled(False)
        self.confirm.clicked.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Formaat")))
        top.addWidget(self.format, 1)
        top.addWidget(add)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.preview)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.resize(680, 460)
        if self.paths:
            self.read()

    def choose(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(self, self.tr("Bestanden importeren"))
        if names:
            self.paths = [Path(n) for n in names]
            self.read()

    def read(self) -> None:
        """Parse every file and do a dry run, off the GUI thread."""
        fmt, paths, dossier = self.format.currentData(), list(self.paths), self.view.dossier
        self.confirm.setEnabled(False)
        self.progress.show()

        def work():
            documents, errors = [], []
            partnership = services.dossier_info(dossier).partnership
            for path in paths:
                try:
                    documents.append((str(path), read_source(path, fmt, partnership)[1]))
                except DossierError as exc:
                    errors.append(str(exc))
            reports = []
            for name, document in documents:
                try:
                    reports.append((name, services.import_documents(dossier, [(name, document)], dry_run=True)))
                except DossierError as exc:
                    errors.append(str(exc))
            return documents, errors, reports

        tasks.run_in_background(work, self._show, lambda exc: self._show(([], [str(exc)], [])))

    def _show(self, result) -> None:
        self.documents, self.errors, reports = result
        self.progress.hide()
        self.preview.clear()
        for name, report in reports:
            top = QTreeWidgetItem([Path(name).name, str(sum(report.added.values())), str(sum(report.updated.values())),
                                   str(sum(report.skipped.values()))])
            for kind in sorted(set(report.added) | set(report.updated) | set(report.skipped)):
                top.addChild(QTreeWidgetItem([kind, str(report.added[kind]), str(report.updated[kind]),
                                              str(report.skipped[kind])]))
            for warning in report.warnings:
                top.addChild(QTreeWidgetItem([warning]))
            self.preview.addTopLevelItem(top)
            top.setExpanded(True)
        for error in self.errors:
            row = QTreeWidgetItem([error])
            row.setForeground(0, Qt.GlobalColor.darkRed)
            self.preview.addTopLevelItem(row)
        self.preview.resizeColumnToContents(0)
        ok = bool(self.documents) and not self.errors
        self.confirm.setEnabled(ok)
        self.status.setText(self.tr("Niets is nog opgeslagen. Kies Importeren om dit in één stap toe te voegen "
                                    "(ongedaan te maken met Ctrl+Z).") if ok else
                            self.tr("Er is iets mis met een bestand; er wordt niets geïmporteerd."))

    def run_import(self) -> None:
        if self.view.import_documents(self.documents, self.tr("Importeren")):
            self.accept()
