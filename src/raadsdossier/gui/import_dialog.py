"""The import dialog: a dry run of the files first, then the import itself as one undoable step.

Both run off the GUI thread through the same service the command line uses (services.importing): the
dry run reads and checks every file and writes nothing; the import adds what the dry run read, without
reading the files again, while the window keeps responding and the dialog shows that it is busy.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout,
)

from raadsdossier.domain import kinds
from raadsdossier.gui import tasks
from raadsdossier.gui.i18n import count_label, kind_label
from raadsdossier.importers import formats
from raadsdossier.services import importing
from raadsdossier.services.importing import ImportResult


def _what(key: str) -> str:
    """A row's name in the preview: the kind's plural for a collection key, else the format's own words."""
    return kind_label(kinds.by_key(key).name, 2) if key in kinds.BY_KEY else key


class ImportDialog(QDialog):
    """Shows per file what would be added, updated and skipped, with any errors, before importing."""

    def __init__(self, view, paths: list[Path], parent=None) -> None:
        super().__init__(parent)
        self.view = view
        self.paths = [Path(p) for p in paths]
        self.result: ImportResult | None = None  # the dry run on screen
        self.imported: ImportResult | None = None  # the import, once done
        self.setWindowTitle(self.tr("Importeren in %1").replace("%1", view.title))
        self.format = QComboBox()
        self.format.setAccessibleName(self.tr("Formaat"))
        self.format.addItem(self.tr("herkennen"), "auto")
        for fmt in formats():
            self.format.addItem(f"{fmt.description} ({fmt.name})", fmt.name)
        self.format.activated.connect(lambda _i: self.read())
        self.add = QPushButton(self.tr("Bestanden kiezen…"))
        self.add.clicked.connect(self.choose)
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
        top.addWidget(self.add)
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

    def _busy(self, text: str) -> None:
        self.confirm.setEnabled(False)
        self.format.setEnabled(False)
        self.add.setEnabled(False)
        self.status.setText(text)
        self.progress.show()

    def _idle(self) -> None:
        self.format.setEnabled(True)
        self.add.setEnabled(True)
        self.progress.hide()

    def read(self) -> None:
        """Read every file and do a dry run, off the GUI thread."""
        fmt, paths, dossier = self.format.currentData(), list(self.paths), self.view.dossier
        self._busy(self.tr("De bestanden worden gelezen en gecontroleerd…"))
        tasks.run_in_background(lambda: importing.import_files(dossier, paths, fmt, dry_run=True, isolated=True),
                                self._show, self._failed)

    def _failed(self, exc: Exception) -> None:
        self._idle()
        self.preview.clear()
        self._error_row(str(exc))
        self.status.setText(self.tr("Er is iets mis met een bestand; er wordt niets geïmporteerd."))

    def _error_row(self, text: str) -> None:
        row = QTreeWidgetItem([text])
        row.setForeground(0, Qt.GlobalColor.darkRed)
        row.setToolTip(0, text)
        self.preview.addTopLevelItem(row)

    def _show(self, result: ImportResult) -> None:
        self.result = result
        self._idle()
        self.preview.clear()
        for file in result.files:
            if file.error is not None:
                self._error_row(str(file.error))
                continue
            report = file.report
            top = QTreeWidgetItem([Path(file.name).name, str(sum(report.added.values())),
                                   str(sum(report.updated.values())), str(sum(report.skipped.values()))])
            top.setToolTip(0, file.name)
            for key in sorted(set(report.added) | set(report.updated) | set(report.skipped), key=_what):
                top.addChild(QTreeWidgetItem([_what(key), str(report.added[key]), str(report.updated[key]),
                                              str(report.skipped[key])]))
            for warning in report.warnings:
                top.addChild(QTreeWidgetItem([warning]))
            self.preview.addTopLevelItem(top)
            top.setExpanded(True)
        self.preview.resizeColumnToContents(0)
        # a gap before the first figure: "…11774.txt3" read as part of the name
        self.preview.setColumnWidth(0, self.preview.columnWidth(0) + 3 * self.preview.fontMetrics().averageCharWidth())
        ok = bool(result.documents) and not result.errors and not result.nothing_to_import
        self.confirm.setEnabled(ok)
        if result.nothing_to_import:  # the sentence `raadsdossier import` prints, from the same service
            self.status.setText("\n".join(result.nothing_texts))
            return
        self.status.setText(self.tr("Niets is nog opgeslagen. Kies Importeren om dit in één stap toe te voegen "
                                    "(ongedaan te maken met Ctrl+Z).") if ok else
                            self.tr("Er is iets mis met een bestand; er wordt niets geïmporteerd."))

    def run_import(self) -> None:
        """Import what the dry run read, off the GUI thread; the dialog closes when it is done and the
        window's status bar says what was imported."""
        if self.result is None or not self.view.writable():
            return
        result, dossier = self.result, self.view.dossier
        self._busy(self.tr("Bezig met importeren…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(False)
        tasks.run_in_background(lambda: importing.import_files(dossier, result), self._imported, self._import_failed)

    def _imported(self, result: ImportResult) -> None:
        self.imported = result
        self.view.apply(result.change, self.tr("Importeren"))
        self.view.message.emit(self.tr("Geïmporteerd in %1. %2").replace("%1", self.view.dossier.path.name)
                               .replace("%2", self.summary(result)))
        self.accept()

    def summary(self, result: ImportResult) -> str:
        """"Toegevoegd: 3 moties, 1 bron; bijgewerkt: 2." in the current language."""
        report = result.report
        added = [count_label(kind.name, report.added[kind.key]) for kind in kinds.KINDS if report.added[kind.key]]
        return (self.tr("Toegevoegd: %1; bijgewerkt: %2.")
                .replace("%1", ", ".join(added) or self.tr("niets"))
                .replace("%2", QLocale().toString(sum(report.updated.values()))))

    def _import_failed(self, exc: Exception) -> None:
        self._idle()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(True)
        self.confirm.setEnabled(True)
        self.status.setText(self.tr("Het importeren is niet gelukt; er is niets veranderd. %1").replace("%1", str(exc)))
