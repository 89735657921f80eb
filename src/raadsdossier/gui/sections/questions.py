"""Vragen & antwoorden: each numbered question beside its answer; a set can be pasted as plain text."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QMessageBox, QPlainTextEdit, QPushButton,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from raadsdossier.domain.errors import DossierError
from raadsdossier.gui.i18n import format_date
from raadsdossier.gui.sections.items import ItemSection


class PasteDialog(QDialog):
    """Paste written questions in the plain-text form (as published) to add them as a set."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Vragen plakken"))
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("Tekst van de vragen en antwoorden"))
        self.text.setPlaceholderText(self.tr("Kamervraag 2022Z11774\n\nTitel\n\nIngediend 10 juni 2022\n…\n • Vraag 1\n  …"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Plak hier de tekst van schriftelijke vragen of Kamervragen met de antwoorden.")))
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(640, 480)


class QuestionSection(ItemSection):
    def extra_editor(self) -> QWidget:
        box, self.questions = self.child_table(
            self.tr("Vragen en antwoorden"), [self.tr("Nr."), self.tr("Vraag"), self.tr("Antwoord")],
            [(self.tr("Vraag toevoegen"), self.add_question), (self.tr("Vraag verwijderen"), self.remove_question)],
            stretch=(1, 2))
        self.questions.itemChanged.connect(self._question_edited)
        self._filling = False
        return box

    def extra_buttons(self) -> list[QPushButton]:
        paste = QPushButton(self.tr("Vragen plakken…"))
        paste.setAccessibleName(self.tr("Vragen en antwoorden als tekst plakken"))
        paste.clicked.connect(self.paste_dialog)
        return [paste]

    def heading_html(self, data: dict) -> str:
        computed = data.get("_computed", {})
        ref = f"{data['reference']} " if data.get("reference") else ""
        lines = [f"<h3>{ref}{data.get('title', '')}</h3>"]
        facts = []
        if data.get("submitted_on"):
            facts.append(self.tr("ingediend %1").replace("%1", format_date(data["submitted_on"])))
        if data.get("answered_on"):
            facts.append(self.tr("beantwoord %1").replace("%1", format_date(data["answered_on"])))
        if computed.get("days_to_answer") is not None:
            facts.append(self.tr("na %1 dagen").replace("%1", str(computed["days_to_answer"])))
        if computed.get("deadline"):
            facts.append(self.tr("termijn tot %1").replace("%1", format_date(computed["deadline"])))
        if computed.get("overdue"):
            facts.append("<b>" + self.tr("over de termijn, nog niet beantwoord") + "</b>")
        elif computed.get("answered_late"):
            facts.append("<b>" + self.tr("te laat beantwoord") + "</b>")
        lines.append("<p>" + ", ".join(facts) + "</p>")
        return "".join(lines)

    def load_extra(self, data: dict | None) -> None:
        self._filling = True
        try:
            questions = (data or {}).get("questions", [])
            # Rows are updated in place: this runs inside a cell's own itemChanged signal,
            # and deleting that cell there would crash.
            self.questions.setRowCount(len(questions))
            for row, question in enumerate(questions):
                answer = question.get("answer") or ""
                if not answer and question.get("answered_with"):
                    answer = self.tr("(zie het antwoord op vraag %1)").replace("%1", str(question["answered_with"]))
                for column, text in enumerate((str(question["number"]), question["question"], answer)):
                    cell = self.questions.item(row, column)
                    if cell is None:
                        cell = QTableWidgetItem()
                        cell.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                        if column == 0:
                            cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                        self.questions.setItem(row, column, cell)
                    cell.setText(text)
        finally:
            self._filling = False

    def _question_edited(self, cell: QTableWidgetItem) -> None:
        if self._filling or self.current is None:
            return
        after = copy.deepcopy(self.current)
        question = after["questions"][cell.row()]
        text = cell.text().strip()
        if cell.column() == 1:
            question["question"] = text
        elif cell.column() == 2:
            if question.get("answered_with") and text.startswith("("):
                return
            question["answer"] = text or None
            question["answered_with"] = None if text else question.get("answered_with")
        self.save(after)

    def add_question(self) -> None:
        if self.current is None:
            return
        after = copy.deepcopy(self.current)
        number = max((q["number"] for q in after.get("questions", [])), default=0) + 1
        after["questions"] = after.get("questions", []) + [
            {"number": number, "question": self.tr("Nieuwe vraag"), "answer": None, "answered_with": None}]
        self.save(after)

    def remove_question(self) -> None:
        row = self.questions.currentRow()
        if self.current is None or row < 0:
            return
        after = copy.deepcopy(self.current)
        del after["questions"][row]
        self.save(after)

    def paste_text(self, text: str) -> str | None:
        """Add the question set in `text` (plain-text form) as one undoable import; returns its id, or None
        after telling why not."""
        from raadsdossier.importers.question_text import parse_question_text

        name = self.tr("geplakte tekst")
        try:
            document = parse_question_text(text, name)
        except DossierError as exc:
            QMessageBox.warning(self, self.tr("Vragen niet herkend"), str(exc))
            return None
        set_id = document["question_sets"][0]["id"]
        self.view.import_files([(name, document)], self.tr("Vragen plakken"), lambda _result: self.show_item(set_id))
        return set_id

    def paste_dialog(self) -> None:
        dialog = PasteDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.paste_text(dialog.text.toPlainText())
