"""The export dialog: choose what goes into a pack, see what that means, and make it off the GUI thread."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QMessageBox, QProgressBar, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
)
from PySide6.QtCore import Qt

from PySide6.QtCore import QTimer

from raadsdossier.domain import kinds
from raadsdossier.domain.enums import Confidentiality
from raadsdossier.domain.errors import DossierError
from raadsdossier.export.build import PackOptions
from raadsdossier.gui import tasks
from raadsdossier.gui.i18n import section_title
from raadsdossier.services import packs
from raadsdossier.storage.dossier import Dossier


class _Progress(QObject):
    """Carries progress from the worker thread to the dialog (a queued signal)."""

    changed = Signal(int, int)


class ExportDialog(QDialog):
    def __init__(self, dossier: Dossier, title: str, parent=None) -> None:
        super().__init__(parent)
        self.dossier = dossier
        self.setWindowTitle(self.tr("Vergaderstuk maken"))
        self.info = packs.pack_choices(dossier)
        self.written: list[Path] = []
        self.counts: packs.PackCounts | None = None  # what the current choice includes, once counted

        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Waarvoor"))
        self.scope.addItem(self.tr("Het hele dossier"), (None, None))
        for reference, meeting_title, agenda in self.info["meetings"]:
            for number, agenda_title in agenda:
                self.scope.addItem(meeting_title + ", " + self.tr("agendapunt") + f" {number}: {agenda_title}", (reference, number))

        self.sections = QTreeWidget()
        self.sections.setAccessibleName(self.tr("Onderdelen"))
        self.sections.setHeaderLabels([self.tr("Onderdeel"), self.tr("Openbaar"), self.tr("Fractie-intern"),
                                       self.tr("Vertrouwelijk")])
        self.sections.setRootIsDecorated(False)
        for section in kinds.PACK_SECTIONS:
            counts = self.info["sections"][section.key]
            row = QTreeWidgetItem([section_title(section.title, "PackSections"),
                                   *(str(counts[level]) for level in Confidentiality.ordered())])
            row.setData(0, Qt.ItemDataRole.UserRole, section.key)
            row.setCheckState(0, Qt.CheckState.Checked if section.default else Qt.CheckState.Unchecked)
            self.sections.addTopLevelItem(row)
        self.sections.resizeColumnToContents(0)

        self.internal = QCheckBox(self.tr("Ook fractie-interne items opnemen"))
        self.confidential = QCheckBox(self.tr("Ook vertrouwelijke items opnemen"))
        n = self.info["sensitive_people"]
        self.sensitive = QCheckBox(self.tr("Personen die risico lopen bij naam noemen (%1 in dit dossier)").replace("%1", str(n)))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Wat erin gaat"))
        # What a choice includes is counted by the pack builder itself, off the GUI thread, once the
        # choices have settled for a moment.
        self._count_timer = QTimer(self, singleShot=True, interval=150)
        self._count_timer.timeout.connect(self._count)
        self._counting = 0  # which count is the latest; an older one that arrives later is dropped
        for box in (self.internal, self.confidential, self.sensitive):
            box.toggled.connect(self._update_summary)
        self.sections.itemChanged.connect(lambda *_: self._update_summary())
        self.scope.currentIndexChanged.connect(lambda _index: self._update_summary())

        self.author = QLineEdit()
        self.author.setAccessibleName(self.tr("Opgesteld door"))
        self.pdf = QCheckBox("PDF")
        self.pdf.setChecked(True)
        self.docx = QCheckBox(self.tr("DOCX (bewerkbaar)"))
        self.docx.setChecked(True)
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
        self.target = QLineEdit(str(dossier.path.with_name(f"{slug}-stuk")))
        self.target.setAccessibleName(self.tr("Bestandsnaam zonder extensie"))
        browse = QPushButton(self.tr("Bladeren…"))
        browse.clicked.connect(self._browse)
        self.open_when_done = QCheckBox(self.tr("Openen als het klaar is"))
        self.open_when_done.setChecked(True)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Voortgang"))
        self.progress.hide()
        self._progress = _Progress(self)
        self._progress.changed.connect(self._show_progress)

        form = QFormLayout()
        form.addRow(self.tr("Waarvoor"), self.scope)
        form.addRow(self.tr("Opgesteld door"), self.author)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(browse)
        form.addRow(self.tr("Bestand"), target_row)
        formats = QHBoxLayout()
        formats.addWidget(self.pdf)
        formats.addWidget(self.docx)
        formats.addStretch(1)
        form.addRow(self.tr("Formaat"), formats)
        levels = QGroupBox(self.tr("Vertrouwelijkheid"))
        levels_layout = QVBoxLayout(levels)
        for widget in (self.internal, self.confidential, self.sensitive, self.summary):
            levels_layout.addWidget(widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.make = self.buttons.addButton(self.tr("Maken"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.make.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Onderdelen en het aantal items per niveau:")))
        layout.addWidget(self.sections)
        layout.addWidget(levels)
        layout.addWidget(self.open_when_done)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.resize(640, 640)
        self._update_summary()

    def chosen_sections(self) -> tuple[str, ...]:
        out = []
        for i in range(self.sections.topLevelItemCount()):
            row = self.sections.topLevelItem(i)
            if row.checkState(0) == Qt.CheckState.Checked:
                out.append(row.data(0, Qt.ItemDataRole.UserRole))
        return tuple(out)

    def options(self) -> PackOptions:
        meeting, agenda_item = self.scope.currentData()
        include = frozenset(level for level, box in ((Confidentiality.INTERNAL, self.internal),
                                                     (Confidentiality.CONFIDENTIAL, self.confidential))
                            if box.isChecked())
        return PackOptions(sections=self.chosen_sections(), include=include,
                           include_sensitive=self.sensitive.isChecked(), meeting=meeting, agenda_item=agenda_item,
                           author=self.author.text().strip())

    def _update_summary(self) -> None:
        self.summary.setText(self.tr("Wordt geteld…"))
        self._count_timer.start()

    def _count(self) -> None:
        self._counting += 1
        generation, options, dossier = self._counting, self.options(), self.dossier
        tasks.run_in_background(lambda: packs.pack_counts(dossier, options),
                                lambda counts: self._show_counts(generation, counts),
                                lambda exc: self._show_counts(generation, exc))

    def _show_counts(self, generation: int, counts) -> None:
        if generation != self._counting:
            return
        if isinstance(counts, Exception):
            self.summary.setText(str(counts))
            return
        text = self.tr("%1 items gaan erin; %2 niet-openbare items blijven eruit.") \
            .replace("%1", str(counts.included_items)).replace("%2", str(counts.withheld_items))
        if counts.marking:
            text += " " + self.tr("Het stuk krijgt de markering VERTROUWELIJK op elke pagina.")
        self.summary.setText(text)
        self.counts = counts

    def _browse(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Vergaderstuk opslaan"), self.target.text())
        if name:
            self.target.setText(str(Path(name).with_suffix("")))

    def targets(self) -> list[Path]:
        base = Path(self.target.text().strip())
        return [base.with_suffix(f".{fmt}") for fmt, box in (("pdf", self.pdf), ("docx", self.docx)) if box.isChecked()]

    def start(self) -> None:
        targets = self.targets()
        if not targets or not self.chosen_sections():
            QMessageBox.warning(self, self.tr("Vergaderstuk maken"), self.tr("Kies ten minste één onderdeel en één formaat."))
            return
        options = self.options()
        self.make.setEnabled(False)
        self.progress.show()
        self.progress.setRange(0, 100 * len(targets))
        self.progress.setValue(0)
        report = self._progress.changed.emit

        def work():  # on a worker thread; the rendering itself runs in a child process (services/packs.py)
            return packs.make_pack(self.dossier, targets, options,
                                   lambda done, total: report(100 * len(targets) * done // max(total, 1), 0),
                                   isolated=True)

        tasks.run_in_background(work, self._done, self._failed)

    def _show_progress(self, value: int, _unused: int) -> None:
        self.progress.setValue(value)

    def _done(self, result: packs.PackResult) -> None:
        self.written = list(result.written)
        self.progress.setValue(self.progress.maximum())
        if self.open_when_done.isChecked():
            for path in self.written:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.make.setEnabled(True)
        self.progress.hide()
        message = str(exc) if isinstance(exc, DossierError) else self.tr("Het stuk kon niet worden gemaakt: %1").replace("%1", str(exc))
        QMessageBox.warning(self, self.tr("Vergaderstuk maken"), message)
