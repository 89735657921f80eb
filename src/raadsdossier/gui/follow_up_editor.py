"""The "Uitvoering" part of a motion's or a commitment's form: the follow-up's state, an optional deadline, and its
dated entries, each with the items of the dossier that are its evidence (a college note, a letter, an event).

The follow-up travels as the item's interchange `follow_up` ({state, deadline, entries: [{date, text,
evidence_ids}]}, or None) and is saved whole with the item (services.edits.save_item), as every field of the
form is: each change is one undoable step, after which the form is loaded again from what was stored.
"""

from __future__ import annotations

import copy
from datetime import date

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QListView, QPlainTextEdit, QPushButton, QSizePolicy, QStyledItemDelegate,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from raadsdossier.domain.enums import FollowUpState
from raadsdossier.domain.errors import NotFound
from raadsdossier.gui.forms import DATE_RE, PARTIAL_DATE_RE, SourceChoiceModel, compact
from raadsdossier.gui.i18n import kind_label, label
from raadsdossier.gui.reading_page import MUTED, NOTICES, item_title
from raadsdossier.services import lists

# The kinds whose items can be a follow-up's evidence, in the order the chooser lists them: what the college
# sent or did first. Parties and people are not evidence of anything done.
EVIDENCE_KINDS = ("college_note", "source", "event", "attachment", "meeting", "commitment", "motion",
                  "question_set", "demonstration", "note", "cost", "outcome")
STATES = tuple(state.value for state in FollowUpState)  # in the order a follow-up goes through them
DATE, TEXT, EVIDENCE = range(3)
EvidenceRole = Qt.ItemDataRole.UserRole  # an entry's evidence ids, on its evidence cell


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class _EntryDelegate(QStyledItemDelegate):
    """The entries' editors: a partial date checked as the form's dates are, and a text of several lines."""

    def createEditor(self, parent, option, index):
        if index.column() == DATE:
            editor = QLineEdit(parent)
            editor.setValidator(QRegularExpressionValidator(PARTIAL_DATE_RE, editor))
            editor.setPlaceholderText(self.tr("JJJJ, JJJJ-MM of JJJJ-MM-DD"))
            editor.setAccessibleName(self.tr("Datum van de regel"))
            return editor
        if index.column() == TEXT:
            editor = QPlainTextEdit(parent)
            editor.setAccessibleName(self.tr("Wat er gebeurde"))
            editor.setTabChangesFocus(True)
            editor.setMinimumHeight(60)
            return editor
        return None

    def updateEditorGeometry(self, editor, option, index) -> None:
        rect = option.rect
        if isinstance(editor, QPlainTextEdit):  # room for a few lines while typing, however low the row is
            rect = rect.adjusted(0, 0, 0, max(0, 72 - rect.height()))
        editor.setGeometry(rect)

    def setModelData(self, editor, model, index) -> None:
        text = editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()
        model.setData(index, text.strip(), Qt.ItemDataRole.EditRole)


class EntryTable(QTableWidget):
    """The dated entries, as tall as its rows (the form scrolls, the table does not), texts wrapped."""

    def __init__(self, parent=None) -> None:
        super().__init__(0, 3, parent)
        self.setWordWrap(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(DATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(EVIDENCE, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_args: self.fit())

    def fit(self) -> None:
        self.resizeRowsToContents()
        rows = sum(self.rowHeight(row) for row in range(self.rowCount()))
        self.setFixedHeight(self.horizontalHeader().height() + rows + 2 * self.frameWidth() + 2)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()  # a narrower table wraps its texts on more lines


class EvidenceDialog(QDialog):
    """Choose the items of the dossier that show what an entry says: a checkable list of every item that can be
    evidence, with a filter. `chosen_ids()` after it is accepted."""

    def __init__(self, dossier, chosen: list[str], exclude: str | None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bewijs kiezen"))
        chosen_set = set(chosen)
        self.titles: dict[str, str] = {}  # id -> title, without the kind the list shows before it
        options = []
        for kind in EVIDENCE_KINDS:
            caption = _capital(kind_label(kind))
            for item_id, title in lists.choices(dossier, kind):
                if item_id != exclude:
                    self.titles[item_id] = title
                    options.append((item_id, f"{caption}: {title}"))
        options.sort(key=lambda option: option[0] not in chosen_set)  # the chosen first, each group in its order
        self.model = SourceChoiceModel(self)
        self.model.set_choices(options, chosen)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        intro = QLabel(self.tr("Vink de stukken aan die laten zien wat er gebeurde: een collegestuk, een brief, "
                               "een gebeurtenis of een ander item van het dossier."))
        intro.setWordWrap(True)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filteren…"))
        self.filter_edit.setAccessibleName(self.tr("Filter bewijs"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.list = QListView()
        self.list.setModel(self.proxy)
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)  # wrapped again at a new width, not cut off with "…"
        self.list.setUniformItemSizes(False)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setAccessibleName(self.tr("Items van het dossier"))
        self.empty = QLabel(self.tr("Dit dossier heeft nog geen collegestukken, bronnen, gebeurtenissen of andere "
                                    "items die als bewijs kunnen dienen. Voeg ze toe of importeer ze, en kies ze dan hier."))
        self.empty.setWordWrap(True)
        self.empty.setVisible(not options)
        self.list.setVisible(bool(options))
        self.filter_edit.setVisible(bool(options))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Kiezen"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.resize(620, 480)

    def set_checked(self, item_id: str, checked: bool = True) -> bool:
        """Tick (or untick) the item `item_id`, as a click would; False when it is not in the list."""
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if index.data(Qt.ItemDataRole.UserRole) == item_id:
                state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                return self.model.setData(index, state, Qt.ItemDataRole.CheckStateRole)
        return False

    def chosen_ids(self) -> list[str]:
        return self.model.chosen_ids()


class FollowUpEditor(QWidget):
    """What became of an adopted motion or a commitment. `edited` when the user changed something; `value()` is
    then the follow-up as it is to be saved (None: not tracked)."""

    edited = Signal()

    def __init__(self, dossier, key: str, parent=None) -> None:
        super().__init__(parent)
        self.dossier = dossier
        self.key = key
        self.item: dict = {}
        self.follow_up: dict | None = None
        self._filling = False
        self._titles: dict[str, str] = {}  # evidence id -> how the table names it, for this item's reading

        heading = QLabel("<h3>" + self.tr("Uitvoering") + "</h3>")
        # Two parts, one shown at a time (not a stacked widget: that is as tall as its tallest page).
        self.start_page = self._start_page()
        self.editor_page = self._editor_page()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.start_page)
        layout.addWidget(self.editor_page)
        self.editor_page.hide()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    # -- building -----------------------------------------------------------------

    def _start_page(self) -> QWidget:
        """An item whose follow-up is not tracked: what tracking it means, and the button that starts it."""
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.start_text = QLabel()
        self.start_text.setWordWrap(True)
        self.start_text.setTextFormat(Qt.TextFormat.PlainText)
        self.start_button = QPushButton(self.tr("Uitvoering bijhouden"))
        self.start_button.setAccessibleName(self.tr("Uitvoering bijhouden"))
        self.start_button.clicked.connect(self.start)
        layout.addWidget(self.start_text)
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    def _editor_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.state = compact(QComboBox())
        for value in STATES:
            self.state.addItem(label(value), value)
        self.state.setAccessibleName(self.tr("Stand van de uitvoering"))
        self.state.activated.connect(lambda _index: self._emit())
        self.deadline = QLineEdit()
        self.deadline.setValidator(QRegularExpressionValidator(DATE_RE, self.deadline))
        self.deadline.setPlaceholderText(self.tr("JJJJ-MM-DD (mag leeg blijven)"))
        self.deadline.setAccessibleName(self.tr("Uiterste datum van de uitvoering"))
        self.deadline.editingFinished.connect(self._emit)
        self.overdue = QLabel(self.tr("De uitvoering is over de uiterste datum."))
        background, colour = NOTICES["warning"]
        self.overdue.setStyleSheet(f"background: {background}; color: {colour}; padding: 4px 8px;")
        self.overdue.setWordWrap(True)
        self.overdue.hide()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setContentsMargins(0, 0, 0, 0)
        self.labels = [QLabel(self.tr("Stand")), QLabel(self.tr("Uiterlijk"))]
        form.addRow(self.labels[0], self.state)
        form.addRow(self.labels[1], self.deadline)
        layout.addLayout(form)
        layout.addWidget(self.overdue)

        self.table = EntryTable()
        self.table.setHorizontalHeaderLabels([self.tr("Datum"), self.tr("Wat er gebeurde"), self.tr("Bewijs")])
        self.table.setAccessibleName(self.tr("Regels van de uitvoering"))
        self.table.setItemDelegate(_EntryDelegate(self))
        self.table.itemChanged.connect(self._cell_edited)
        self.table.cellDoubleClicked.connect(lambda row, column: self.choose_evidence(row) if column == EVIDENCE else None)
        self.table.currentCellChanged.connect(lambda *_args: self._update_buttons())
        self.no_entries = QLabel(self.tr("Nog geen regels. Voeg een regel toe voor elke stap: een brief of besluit "
                                         "van het college, een gesprek, een uitgevoerde maatregel — met de datum en "
                                         "de stukken die het laten zien."))
        self.no_entries.setWordWrap(True)
        self.no_entries.setStyleSheet(f"color: {MUTED};")
        layout.addWidget(self.table)
        layout.addWidget(self.no_entries)

        self.add_button = QPushButton(self.tr("Regel toevoegen"))
        self.add_button.clicked.connect(self.add_entry)
        self.remove_button = QPushButton(self.tr("Regel verwijderen"))
        self.remove_button.clicked.connect(self.remove_entry)
        self.evidence_button = QPushButton(self.tr("Bewijs kiezen…"))
        self.evidence_button.setAccessibleName(self.tr("Bewijs kiezen voor de gekozen regel"))
        self.evidence_button.clicked.connect(lambda: self.choose_evidence(self._row()))
        self.stop_button = QPushButton(self.tr("Niet meer bijhouden"))
        self.stop_button.setToolTip(self.tr("De uitvoering met al haar regels weghalen (ongedaan te maken)"))
        self.stop_button.clicked.connect(self.stop)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.evidence_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.stop_button)
        layout.addLayout(buttons)
        return page

    def align_labels(self, width: int) -> None:
        """Give the state's and deadline's labels `width`, so that their fields line up with the form's."""
        for caption in self.labels:
            caption.setMinimumWidth(width)

    # -- loading and reading --------------------------------------------------------

    def load(self, item: dict | None) -> None:
        """Show the follow-up of `item` (an interchange dict), or nothing to edit when None."""
        self.item = copy.deepcopy(item) if item else {}
        follow_up = self.item.get("follow_up")
        self.follow_up = copy.deepcopy(follow_up) if isinstance(follow_up, dict) else None
        self.start_page.setVisible(self.follow_up is None)
        self.editor_page.setVisible(self.follow_up is not None)
        if self.follow_up is None:
            self._fill_start()
            return
        self._filling = True
        try:
            state = self.follow_up.get("state") or "unknown"
            self.state.setCurrentIndex(max(0, self.state.findData(state)))
            self.deadline.setText(self.follow_up.get("deadline") or "")
            self.overdue.setVisible(bool((self.item.get("_computed") or {}).get("follow_up_overdue")))
            entries = self.follow_up.get("entries") or []
            self._titles = self._evidence_titles(entries)
            keep = self.table.currentRow()
            self.table.setRowCount(len(entries))  # in place: this may run inside a cell's own signal
            for row, entry in enumerate(entries):
                self._set_row(row, entry)
            self.table.setVisible(bool(entries))
            self.no_entries.setVisible(not entries)
            if 0 <= keep < len(entries):
                self.table.setCurrentCell(keep, self.table.currentColumn())
            self.table.fit()
        finally:
            self._filling = False
        self._update_buttons()

    def _fill_start(self) -> None:
        status = self.item.get("status")
        if self.key == "commitments":
            text = self.tr("Houd bij hoe het college deze toezegging uitvoert: hoe ver het is, wanneer het af moet "
                           "zijn, en wat er gebeurde, met de stukken die het laten zien.")
        elif status == "adopted":
            text = self.tr("Deze motie is aangenomen. Houd bij wat het college ermee doet: hoe ver het is, wanneer "
                           "het af moet zijn, en wat er gebeurde, met de stukken die het laten zien.")
        else:
            text = self.tr("Nog niet bijgehouden. Zodra de motie is aangenomen, kunt u hier bijhouden wat het "
                           "college ermee doet.")
        prominent = self.key == "commitments" or status == "adopted"
        background, colour = NOTICES["info"]
        self.start_text.setStyleSheet(f"background: {background}; color: {colour}; padding: 6px 8px;" if prominent
                                      else f"color: {MUTED};")
        self.start_text.setText(text)
        self.start_button.setDefault(prominent)

    def _evidence_titles(self, entries: list[dict]) -> dict[str, str]:
        titles = {}
        for item_id in {i for entry in entries for i in entry.get("evidence_ids") or []}:
            titles[item_id] = self._titles.get(item_id) or self._title_of(item_id)
        return titles

    def _title_of(self, item_id: str) -> str:
        try:
            key, data = lists.get(self.dossier, item_id)
        except NotFound:
            return self.tr("(niet gevonden in dit dossier)")
        return item_title(key, data)

    def _set_row(self, row: int, entry: dict) -> None:
        ids = list(entry.get("evidence_ids") or [])
        names = "; ".join(self._titles.get(i, i) for i in ids)
        for column, text in ((DATE, entry.get("date") or ""), (TEXT, entry.get("text") or ""), (EVIDENCE, names)):
            cell = self.table.item(row, column)
            if cell is None:
                cell = QTableWidgetItem()
                self.table.setItem(row, column, cell)
            cell.setText(text)
            cell.setToolTip(text if column != DATE else "")
        evidence = self.table.item(row, EVIDENCE)
        evidence.setData(EvidenceRole, ids)
        evidence.setFlags(evidence.flags() & ~Qt.ItemFlag.ItemIsEditable)  # chosen with Bewijs kiezen…
        # An entry without evidence says how to give it some; its colour sets it apart from a title.
        evidence.setForeground(self.palette().placeholderText() if not ids else self.palette().text())
        if not ids:
            evidence.setText(self.tr("nog geen (dubbelklik om te kiezen)"))
            evidence.setToolTip(self.tr("Dubbelklik om de stukken te kiezen die deze regel laten zien"))

    def value(self) -> dict | None:
        """The follow-up as the form shows it (None when not tracked)."""
        if self.follow_up is None:
            return None
        return {"state": self.state.currentData(), "deadline": self.deadline.text().strip() or None,
                "entries": [self._entry(row) for row in range(self.table.rowCount())]}

    def _entry(self, row: int) -> dict:
        def text(column: int) -> str | None:
            cell = self.table.item(row, column)
            return (cell.text() if cell is not None else "") or None

        evidence = self.table.item(row, EVIDENCE)
        ids = evidence.data(EvidenceRole) if evidence is not None else None
        return {"date": text(DATE), "text": text(TEXT), "evidence_ids": sorted(ids or [])}

    # -- changes --------------------------------------------------------------------

    def _emit(self) -> None:
        if not self._filling and self.follow_up is not None and self.value() != self.follow_up:
            self.edited.emit()

    def _cell_edited(self, cell: QTableWidgetItem) -> None:
        if not self._filling and cell.column() != EVIDENCE:
            self._emit()

    def _row(self) -> int:
        return self.table.currentRow()

    def _update_buttons(self) -> None:
        has_row = 0 <= self._row() < self.table.rowCount()
        self.remove_button.setEnabled(self.table.rowCount() > 0)
        self.evidence_button.setEnabled(has_row)

    def start(self) -> None:
        """Start tracking: a follow-up not yet begun, without a deadline or entries."""
        if self.follow_up is not None or not self.item:
            return
        self.follow_up = {"state": "not_started", "deadline": None, "entries": []}
        self._filling = True
        try:
            self.state.setCurrentIndex(self.state.findData("not_started"))
            self.deadline.clear()
            self.table.setRowCount(0)
        finally:
            self._filling = False
        self.edited.emit()  # the form's value now has a follow-up where the stored item has none: it is saved

    def stop(self) -> None:
        """Stop tracking: the follow-up and its entries go (one undoable step, as every change)."""
        if self.follow_up is None:
            return
        self.follow_up = None
        self.edited.emit()

    def add_entry(self) -> None:
        """A new entry dated today, its text to be typed (the cell is opened for it once it is saved)."""
        if self.follow_up is None:
            return
        row = self.table.rowCount()
        self._filling = True
        try:
            self.table.setRowCount(row + 1)
            self._set_row(row, {"date": date.today().isoformat(), "text": None, "evidence_ids": []})
        finally:
            self._filling = False
        self.edited.emit()
        if row < self.table.rowCount():  # saved: the form was loaded again with the new entry
            self.table.setVisible(True)
            self.table.setCurrentCell(row, TEXT)
            self.table.editItem(self.table.item(row, TEXT))

    def remove_entry(self) -> None:
        row = self._row()
        if row < 0:
            row = self.table.rowCount() - 1
        if row < 0:
            return
        self._filling = True
        try:
            self.table.removeRow(row)
        finally:
            self._filling = False
        self.edited.emit()

    def choose_evidence(self, row: int) -> EvidenceDialog | None:
        """The chooser of entry `row`'s evidence (window-modal; its choice is saved when it is accepted)."""
        if not 0 <= row < self.table.rowCount():
            return None
        cell = self.table.item(row, EVIDENCE)
        dialog = EvidenceDialog(self.dossier, list(cell.data(EvidenceRole) or []), self.item.get("id"), self)
        dialog.accepted.connect(lambda: self._set_evidence(row, dialog.chosen_ids(), dialog.titles))
        dialog.open()
        return dialog

    def _set_evidence(self, row: int, ids: list[str], titles: dict[str, str]) -> None:
        if not 0 <= row < self.table.rowCount():
            return
        cell = self.table.item(row, EVIDENCE)
        if sorted(cell.data(EvidenceRole) or []) == sorted(ids):
            return
        for item_id in ids:
            self._titles.setdefault(item_id, titles.get(item_id, item_id))
        self._filling = True
        try:
            cell.setData(EvidenceRole, list(ids))
        finally:
            self._filling = False
        self._emit()
