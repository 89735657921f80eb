"""The export dialog: choose what goes into a pack, make it off the GUI thread, then say where it went."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QMessageBox, QProgressBar, QPushButton, QSizePolicy, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWidget,
)

from raadsdossier.base.filenames import with_extension, without_extension
from raadsdossier.domain import kinds
from raadsdossier.domain.enums import Confidentiality
from raadsdossier.domain.errors import DossierError
from raadsdossier.export.build import PackOptions
from raadsdossier.export.write import FORMATS
from raadsdossier.gui import icons, tasks
from raadsdossier.gui.i18n import section_title
from raadsdossier.gui.workspace import Settings
from raadsdossier.services import packs
from raadsdossier.storage.dossier import Dossier

# A name typed with one of these at its end ends in each format's own instead: "raad.pdf" makes raad.pdf and raad.docx.
_EXTENSIONS = tuple(f".{fmt}" for fmt in FORMATS)


def documents_folder() -> Path:
    """The user's Documents folder, or the home folder where there is none (GUI thread)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if location and Path(location).is_dir():
        return Path(location)
    return Path.home()


def default_name(title: str) -> str:
    """The proposed file name (no extension) of a pack of the dossier titled `title`: "arnhem-wuhan-stuk"."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return f"{slug}-stuk" if slug else "stuk"


class _Progress(QObject):
    """Carries progress from the worker thread to the dialog (a queued signal)."""

    changed = Signal(int, int)


class ExportDialog(QDialog):
    """Three states: choosing (the form), busy (form and buttons disabled, progress shown), done (what was
    made and where, with Openen / Map tonen / Sluiten). A failure returns to choosing with a message."""

    def __init__(self, dossier: Dossier, title: str, parent=None,
                 others: list[tuple[str, Dossier]] | tuple = ()) -> None:
        super().__init__(parent)
        self.dossier = dossier
        self.others = list(others)  # the other open dossiers (title, dossier): a meeting's pack may cover them too
        self.setWindowTitle(self.tr("Vergaderstuk maken"))
        self.info = packs.pack_choices(dossier)
        self.written: list[Path] = []
        self.pack_result: packs.PackResult | None = None  # what the service made, once done
        self.counts: packs.PackCounts | None = None  # what the current choice includes, once counted
        self.busy = False
        settings = getattr(parent, "settings", None)
        self.settings: Settings | None = settings if isinstance(settings, Settings) else None

        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Waarvoor"))
        self.scope.addItem(self.tr("Het hele dossier"), (None, None))
        for reference, meeting_title, agenda in self.info["meetings"]:
            self.scope.addItem(meeting_title + " " + self.tr("(de hele vergadering)"), (reference, None))
            for number, agenda_title in agenda:  # numbered agenda items only: a pack is of an agenda item by its number
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

        # A meeting's pack over several dossiers: the other open dossiers that have the chosen meeting.
        self.also = QGroupBox(self.tr("Ook uit deze geopende dossiers (één stuk per agendapunt)"))
        self.also_layout = QVBoxLayout(self.also)
        self.also_boxes: list[tuple[QCheckBox, Dossier]] = []
        self.also.hide()
        self.full_checklist = QCheckBox(self.tr("Alle aanbevelingen van de checklist, ook de niet beoordeelde"))
        self.full_checklist.toggled.connect(self._update_summary)
        # A meeting's pack: the agenda items the dossiers hold nothing for each in its place, or together on one line.
        self.whole_agenda = QCheckBox(self.tr("Elk agendapunt op zijn plaats, ook zonder stukken uit het dossier"))
        self.whole_agenda.hide()

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
        self.scope.currentIndexChanged.connect(lambda _index: (self._offer_others(), self._update_summary()))

        self.author = QLineEdit()
        self.author.setAccessibleName(self.tr("Opgesteld door"))
        self.pdf = QCheckBox("PDF")
        self.pdf.setChecked(True)
        self.docx = QCheckBox(self.tr("DOCX (bewerkbaar)"))
        self.docx.setChecked(True)
        self.html = QCheckBox(self.tr("HTML (voor de website)"))
        # The proposed folder: where this dossier's last pack went, else Documents (never the app's own
        # hidden folder, where a user would not look for it).
        self.folder = self._proposed_folder()
        self.target = QLineEdit(str(self.folder / default_name(title)))
        self.target.setAccessibleName(self.tr("Bestandsnaam zonder extensie"))
        self.browse = QPushButton(self.tr("Bladeren…"))
        self.browse.clicked.connect(self._browse)
        self.open_when_done = QCheckBox(self.tr("Openen als het klaar is"))
        self.open_when_done.setChecked(True)

        form = QFormLayout()
        form.addRow(self.tr("Waarvoor"), self.scope)
        form.addRow(self.tr("Opgesteld door"), self.author)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(self.browse)
        form.addRow(self.tr("Bestand"), target_row)
        formats = QHBoxLayout()
        formats.addWidget(self.pdf)
        formats.addWidget(self.docx)
        formats.addWidget(self.html)
        formats.addStretch(1)
        form.addRow(self.tr("Formaat"), formats)
        levels = QGroupBox(self.tr("Vertrouwelijkheid"))
        levels_layout = QVBoxLayout(levels)
        for widget in (self.internal, self.confidential, self.sensitive, self.summary):
            levels_layout.addWidget(widget)
        # The choices, as one widget: disabled as a whole while the pack is made, hidden once it is.
        self.choices = QWidget()
        choices_layout = QVBoxLayout(self.choices)
        choices_layout.setContentsMargins(0, 0, 0, 0)
        choices_layout.addLayout(form)
        choices_layout.addWidget(self.also)
        choices_layout.addWidget(self.whole_agenda)
        choices_layout.addWidget(QLabel(self.tr("Onderdelen en het aantal items per niveau:")))
        choices_layout.addWidget(self.sections)
        choices_layout.addWidget(self.full_checklist)
        choices_layout.addWidget(levels)
        choices_layout.addWidget(self.open_when_done)

        # Busy: a line that says what is happening, and the progress of the files being written.
        self.progress_label = QLabel(self.tr("Het vergaderstuk wordt gemaakt…"))
        self.progress_label.hide()
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Voortgang"))
        self.progress.hide()
        self._progress = _Progress(self)
        self._progress.changed.connect(self._show_progress)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.make = self.buttons.addButton(self.tr("Maken"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.make.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)

        self.outcome = self._build_outcome()
        self.outcome.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.choices)
        layout.addWidget(self.outcome)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        layout.addWidget(self.done_buttons)
        self.resize(640, 640)
        self._update_summary()

    def _build_outcome(self) -> QWidget:
        """The "done" state: a mark, what was made and where, and room for a problem opening it."""
        outcome = QWidget()
        mark = QLabel()
        mark.setPixmap(icons.icon("done", "#229954").pixmap(32, 32))
        mark.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.outcome_title = QLabel(self.tr("Vergaderstuk gemaakt"))
        font = self.outcome_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.outcome_title.setFont(font)
        self.outcome_text = QLabel()
        self.outcome_text.setAccessibleName(self.tr("Resultaat"))
        self.outcome_text.setWordWrap(True)
        self.outcome_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome_text.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        # A problem opening the file or folder: the pack was made, so a warning beside the message, not a box.
        self.open_problem = QLabel()
        self.open_problem.setAccessibleName(self.tr("Probleem bij openen"))
        self.open_problem.setWordWrap(True)
        self.open_problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        warning = QLabel()
        warning.setPixmap(icons.icon("warning", "#b9770e").pixmap(20, 20))
        self.open_problem_row = QWidget()
        problem_row = QHBoxLayout(self.open_problem_row)
        problem_row.setContentsMargins(0, 6, 0, 0)
        problem_row.addWidget(warning, 0, Qt.AlignmentFlag.AlignTop)
        problem_row.addWidget(self.open_problem, 1)
        self.open_problem_row.hide()
        text = QVBoxLayout()
        text.addWidget(self.outcome_title)
        text.addWidget(self.outcome_text)
        text.addWidget(self.open_problem_row)
        text.addStretch(1)
        row = QHBoxLayout(outcome)
        row.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)

        # In the order a user reads them, the one that ends the dialog last (not the platform's button order).
        self.open_button = QPushButton(icons.icon("open-file"), self.tr("Openen"))
        self.open_button.clicked.connect(self.open_file)
        self.folder_button = QPushButton(icons.icon("show-folder"), self.tr("Map tonen"))
        self.folder_button.clicked.connect(self.show_folder)
        self.close_button = QPushButton(self.tr("Sluiten"))
        self.close_button.clicked.connect(self.accept)
        self.done_buttons = QWidget()
        buttons = QHBoxLayout(self.done_buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addStretch(1)
        for button in (self.open_button, self.folder_button, self.close_button):
            buttons.addWidget(button)
        self.done_buttons.hide()
        return outcome

    def _proposed_folder(self) -> Path:
        remembered = self.settings.pack_folder(self.dossier.path) if self.settings else None
        if remembered is not None and remembered.is_dir():
            return remembered
        return documents_folder()

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
                           include_sensitive=self.sensitive.isChecked(), full_checklist=self.full_checklist.isChecked(),
                           meeting=meeting, agenda_item=agenda_item, author=self.author.text().strip(),
                           whole_agenda=bool(meeting) and not agenda_item and self.whole_agenda.isChecked())

    def _offer_others(self) -> None:
        """For a meeting: a box for each other open dossier that has that meeting (by its reference)."""
        for box, _dossier in self.also_boxes:
            box.deleteLater()
        self.also_boxes = []
        meeting, agenda_item = self.scope.currentData()
        self.whole_agenda.setVisible(bool(meeting) and not agenda_item)
        if meeting:
            for title, dossier in self.others:
                if packs.has_meeting(dossier, meeting):
                    box = QCheckBox(title)
                    box.toggled.connect(self._update_summary)
                    self.also_layout.addWidget(box)
                    self.also_boxes.append((box, dossier))
        self.also.setVisible(bool(self.also_boxes))

    def chosen_dossiers(self) -> list[Dossier]:
        """This dossier, and for a meeting the other open dossiers ticked to go in the same pack."""
        return [self.dossier] + [dossier for box, dossier in self.also_boxes if box.isChecked()]

    def _update_summary(self) -> None:
        self.summary.setText(self.tr("Wordt geteld…"))
        self._count_timer.start()

    def _count(self) -> None:
        self._counting += 1
        generation, options, dossiers = self._counting, self.options(), self.chosen_dossiers()
        tasks.run_in_background(lambda: packs.counts(dossiers, options),
                                lambda counts: self._show_counts(generation, counts),
                                lambda exc: self._show_counts(generation, exc), owner=self)

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
            self.target.setText(str(without_extension(name, _EXTENSIONS)))

    def targets(self) -> list[Path]:
        """The files to write; a bare name goes into the proposed folder. Empty when no name or format."""
        text = self.target.text().strip()
        if not text:
            return []
        base = Path(text).expanduser()
        if not base.is_absolute():
            base = self.folder / base
        if not base.name or base.name in (".", ".."):
            return []
        base = without_extension(base, _EXTENSIONS)
        return [with_extension(base, f".{fmt}")
                for fmt, box in (("pdf", self.pdf), ("docx", self.docx), ("html", self.html)) if box.isChecked()]

    # -- making the pack -----------------------------------------------------------------------------

    def start(self) -> None:
        if not self.target.text().strip():
            QMessageBox.warning(self, self.tr("Vergaderstuk maken"), self.tr("Kies een naam voor het bestand."))
            return
        targets = self.targets()
        if not targets or not self.chosen_sections():
            QMessageBox.warning(self, self.tr("Vergaderstuk maken"), self.tr("Kies ten minste één onderdeel en één formaat."))
            return
        options = self.options()
        self._set_busy(True)
        self.progress.setRange(0, 0)  # busy until the first file reports how far it is
        self.progress.setValue(0)
        steps = 100 * len(targets)
        report = self._progress.changed.emit
        dossiers = self.chosen_dossiers()

        def work():  # on a worker thread; the rendering itself runs in a child process (services/packs.py)
            step = lambda done, total: report(steps * done // max(total, 1), steps)  # noqa: E731
            return packs.make(dossiers, targets, options, step, isolated=True)

        tasks.run_in_background(work, self._done, lambda exc: self._failed(exc, targets))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.choices.setEnabled(not busy)
        self.buttons.setEnabled(not busy)
        self.progress_label.setVisible(busy)
        self.progress.setVisible(busy)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def reject(self) -> None:
        # Closing while the pack is made would hide where it went: the work cannot be stopped midway.
        if not self.busy:
            super().reject()

    def _show_progress(self, value: int, maximum: int) -> None:
        if self.progress.maximum() != maximum:
            self.progress.setRange(0, maximum)
        self.progress.setValue(value)

    def _done(self, result: packs.PackResult) -> None:
        self.pack_result = result
        self.written = list(result.written)
        self.progress.setRange(0, max(self.progress.maximum(), 1))
        self.progress.setValue(self.progress.maximum())
        self._set_busy(False)
        if self.written:
            self._remember_folder(self.written[0].parent)
        self._show_outcome(result)
        window = self.parent()
        if window is not None and hasattr(window, "statusBar"):
            window.statusBar().showMessage(
                self.tr("Vergaderstuk opgeslagen als %1").replace("%1", ", ".join(map(str, self.written))), 60000)
        if self.open_when_done.isChecked():
            self.open_file()

    def _remember_folder(self, folder: Path) -> None:
        if self.settings is None:
            return
        self.settings.remember_pack_folder(self.dossier.path, folder)
        try:
            self.settings.save()
        except OSError:  # a preference only: the next pack proposes Documents again
            pass

    def _show_outcome(self, result: packs.PackResult) -> None:
        # Each path on a line of its own: wrapped inside a sentence, a path breaks at its hyphens.
        where = self.tr("Opgeslagen als:") + "\n" + "\n".join(str(path) for path in self.written)
        counts = self.tr("Items in het stuk: %1. Niet-openbare items weggelaten: %2.") \
            .replace("%1", str(result.included_items)).replace("%2", str(result.withheld_items))
        if isinstance(result, packs.MeetingPackResult):
            counts += "\n" + self.tr("Dossiers in het stuk: %1.").replace("%1", ", ".join(result.dossiers))
            if result.withheld:
                counts += "\n" + self.tr("Niet opgenomen, want de vergadering heeft daar een niveau dat niet is "
                                          "gekozen: %1.").replace("%1", ", ".join(result.withheld))
        self.outcome_text.setText(where + "\n\n" + counts)
        self.choices.hide()
        self.buttons.hide()
        self.outcome.show()
        self.done_buttons.show()
        self.open_button.setEnabled(bool(self.written))
        self.folder_button.setEnabled(bool(self.written))
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        # The form is gone: shrink to what the message needs (keeping the width the paths were laid out in).
        QTimer.singleShot(0, lambda: self.resize(self.width(), self._height_needed()))

    def open_file(self) -> bool:
        """Open the pack (its first file: the PDF when one was made) in the program the system has for it.

        When that fails the dialog says so, with the full path, so the user can find the file themselves.
        """
        if not self.written:
            return False
        path = self.written[0]
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.open_problem_row.hide()
            return True
        self._say_open_problem(
            self.tr("Het bestand kon niet worden geopend: er is waarschijnlijk geen programma voor %1-bestanden "
                    "ingesteld. Het staat in:\n%2").replace("%1", path.suffix.lstrip(".").upper()).replace("%2", str(path)))
        return False

    def show_folder(self) -> bool:
        """Show the folder the pack went to in the system's file manager; say so with the path when that fails."""
        if not self.written:
            return False
        folder = self.written[0].parent
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.open_problem_row.hide()
            return True
        self._say_open_problem(self.tr("De map kon niet worden geopend. Het vergaderstuk staat in:\n%1")
                               .replace("%1", str(folder)))
        return False

    def _say_open_problem(self, text: str) -> None:
        self.open_problem.setText(text)
        self.open_problem_row.show()
        QTimer.singleShot(0, lambda: self.resize(self.width(), max(self.height(), self._height_needed())))

    def _height_needed(self) -> int:
        """The height the visible contents need at the current width (wrapped labels included)."""
        layout = self.layout()
        return max(layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else 0,
                   layout.totalMinimumSize().height())

    def _failed(self, exc: Exception, targets: list[Path]) -> None:
        self._set_busy(False)
        if isinstance(exc, DossierError):
            message = str(exc)  # the core's sentence names the file
        else:
            message = self.tr("Het stuk %1 kon niet worden gemaakt: %2") \
                .replace("%1", ", ".join(map(str, targets))).replace("%2", str(exc))
        QMessageBox.warning(self, self.tr("Vergaderstuk maken"), message)
