"""Bestand → Dossier controleren…: check the dossier off the GUI thread, say what was found, repair what can be."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog, QHBoxLayout, QLabel, QListWidget, QProgressBar, QPushButton, QVBoxLayout, QWidget,
)

from raadsdossier.services import safety
from raadsdossier.storage import checks
from raadsdossier.gui import tasks


class CheckDialog(QDialog):
    """Runs checks.check on the dossier of `view` as soon as it opens; Repareren only when something can be repaired."""

    def __init__(self, window, view) -> None:
        super().__init__(window)
        self.main = window
        self.view = view
        self.report: checks.CheckReport | None = None
        self.setWindowTitle(self.tr("Dossier controleren – %1").replace("%1", view.dossier.path.name))
        self.resize(680, 380)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Uitkomst van de controle"))
        layout.addWidget(self.summary)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: a check has no steps to count
        self.progress.setAccessibleName(self.tr("Bezig met controleren"))
        layout.addWidget(self.progress)
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.done_label.setVisible(False)
        layout.addWidget(self.done_label)
        self.findings = QListWidget()
        self.findings.setAccessibleName(self.tr("Gevonden problemen"))
        self.findings.setWordWrap(True)
        layout.addWidget(self.findings, 1)
        self.filler = QWidget()  # takes the list's room when there is no list, so the texts stay on top
        self.filler.setVisible(False)
        layout.addWidget(self.filler, 1)
        row = QHBoxLayout()
        self.repair_button = QPushButton(self.tr("Repareren"))
        self.repair_button.setToolTip(self.tr("Maakt eerst een reservekopie en repareert dan wat te repareren is"))
        self.repair_button.clicked.connect(self.repair)
        self.again_button = QPushButton(self.tr("Opnieuw controleren"))
        self.again_button.clicked.connect(self.run_check)
        close = QPushButton(self.tr("Sluiten"))
        close.clicked.connect(self.accept)
        for button in (self.repair_button, self.again_button, close):
            button.setAccessibleName(button.text())
        row.addWidget(self.repair_button)
        row.addStretch(1)
        row.addWidget(self.again_button)
        row.addWidget(close)
        layout.addLayout(row)
        self.run_check()

    def _busy(self, text: str) -> None:
        self.summary.setText(text)
        self.progress.setVisible(True)
        self.repair_button.setEnabled(False)
        self.again_button.setEnabled(False)

    def run_check(self) -> None:
        self._busy(self.tr("Het dossier wordt gecontroleerd…"))
        self.done_label.setVisible(False)
        dossier = self.view.dossier
        tasks.run_in_background(lambda: safety.check(dossier), self._show, self._failed)

    def _failed(self, exc: Exception) -> None:
        self.progress.setVisible(False)
        self.again_button.setEnabled(True)
        self.summary.setText(self.tr("De controle kon niet worden uitgevoerd: %1").replace("%1", str(exc)))

    def _show(self, report: checks.CheckReport) -> None:
        self.report = report
        self.progress.setVisible(False)
        self.again_button.setEnabled(True)
        self.findings.clear()
        if report.ok:
            self.summary.setText(self.tr("Het dossier is in orde. Gecontroleerd: het bestand zelf, de verwijzingen "
                                         "tussen items, de stemmingen en de zoekindex."))
            self.findings.setVisible(False)
            self.filler.setVisible(True)
        else:
            count = len(report.findings)
            self.summary.setText(self.tr("Er is 1 probleem gevonden:") if count == 1 else
                                 self.tr("Er zijn %1 problemen gevonden:").replace("%1", str(count)))
            self.findings.setVisible(True)
            self.filler.setVisible(False)
            for finding in report.findings:
                how = (self.tr("te repareren met Repareren") if finding.repairable else
                       self.tr("niet te repareren; zet een reservekopie terug (Bestand → Reservekopieën…)"))
                self.findings.addItem(f"{finding.message[:1].upper()}{finding.message[1:]} — {how}")
        repairable = any(f.repairable for f in report.findings)
        self.repair_button.setEnabled(repairable and not self.view.dossier.read_only)

    def finding_texts(self) -> list[str]:
        return [self.findings.item(row).text() for row in range(self.findings.count())]

    def repair(self) -> None:
        self._busy(self.tr("Eerst een reservekopie, dan wordt er gerepareerd…"))
        dossier = self.view.dossier
        tasks.run_in_background(lambda: safety.repair(dossier), self._repaired, self._failed)

    def _repaired(self, repaired: safety.Repair) -> None:
        report = repaired.report
        self._show(report)
        # Repair may have removed rows the undo steps point at: those steps cannot be undone any more.
        self.view.undo_stack.clear()
        self.view.refresh_for(repaired.change)
        lines = [self.tr("Gerepareerd. Eerst is een reservekopie gemaakt: %1.").replace(
            "%1", report.backup.name if report.backup else self.tr("(geen)"))]
        lines += [f"• {what}" for what in report.repaired]
        self.done_label.setText("\n".join(lines))
        self.done_label.setVisible(True)
