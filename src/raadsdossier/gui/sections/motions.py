"""Moties: each motion's votes per party or member, the computed result, and a chart of each vote."""

from __future__ import annotations

import copy

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QGridLayout, QGroupBox, QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton,
    QSizePolicy, QSpinBox, QTableWidget, QVBoxLayout, QWidget,
)

from raadsdossier.services import lists
from raadsdossier.domain.enums import VoteChoice, VoteKind, VoteResult
from raadsdossier.domain.votes import side_changes
from raadsdossier.gui.forms import LongTextEdit, compact
from raadsdossier.gui.i18n import label
from raadsdossier.gui.sections.items import ItemSection
from raadsdossier.gui.vote_chart import VoteChart


def _tr(text: str) -> str:
    return QCoreApplication.translate("VoteEditor", text)


def changed_parties(votes: list[dict], names: dict[str, str]) -> list[str]:
    """Lines such as "GroenLinks: tegen → voor (stemming 2 → 3)" for parties that changed their vote
    (domain/votes.py side_changes, which a party's record across dossiers uses too)."""
    by_party = [{c["party"]: c["choice"] for c in vote.get("choices", []) if c.get("party")} for vote in votes]
    return [f"{names.get(change.party, change.party)}: {label(change.before)} → {label(change.after)} "
            f"({change.number} → {change.number + 1})" for change in side_changes(by_party)]


class VoteEditor(QGroupBox):
    """One vote: date, kind, recorded result, note, and the choices per party or member."""

    def __init__(self, section: "MotionSection", number: int, vote: dict, computed: dict | None) -> None:
        super().__init__(_tr("Stemming %1").replace("%1", str(number)))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)  # scroll, never squash
        self.section = section
        self.vote = copy.deepcopy(vote)
        self.computed = computed or {}  # the core's result for the saved vote: {"computed", "tally"}
        self.kind = vote.get("kind") or "party"
        self.date = QLineEdit(vote.get("date") or "")
        self.date.setPlaceholderText(_tr("JJJJ, JJJJ-MM of JJJJ-MM-DD"))
        self.date.setAccessibleName(_tr("Datum van stemming %1").replace("%1", str(number)))
        self.date.editingFinished.connect(section.save_votes)
        self.kind_combo = compact(QComboBox())
        for value in VoteKind:
            self.kind_combo.addItem(label(value.value), value.value)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(self.kind))
        self.kind_combo.setAccessibleName(_tr("Soort stemming %1").replace("%1", str(number)))
        self.kind_combo.activated.connect(lambda _i: section.save_votes())
        self.recorded = compact(QComboBox())
        self.recorded.addItem(_tr("niet vastgelegd"), None)
        for value in VoteResult:
            self.recorded.addItem(label(value.value), value.value)
        self.recorded.setCurrentIndex(max(0, self.recorded.findData(vote.get("result"))))
        self.recorded.setAccessibleName(_tr("Vastgelegde uitslag van stemming %1").replace("%1", str(number)))
        self.recorded.activated.connect(lambda _i: section.save_votes())
        self.note = LongTextEdit()  # a note is often a few sentences: shown whole, from its start
        self.note.setPlainText(vote.get("note") or "")
        self.note.setAccessibleName(_tr("Toelichting bij stemming %1").replace("%1", str(number)))
        self.note.editingFinished.connect(section.save_votes)

        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(_tr("Stemmen bij stemming %1").replace("%1", str(number)))
        who = _tr("Fractie") if self.kind == "party" else _tr("Lid")
        self.table.setHorizontalHeaderLabels([who, _tr("Keuze"), _tr("Zetels")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):  # as wide as the longest choice ("niet gestemd") and the seats' box
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.options = lists.choices(section.view.dossier, "party" if self.kind == "party" else "person")
        for choice in vote.get("choices", []):
            self._add_row(choice.get("party") or choice.get("person"), choice["choice"], choice.get("seats"))
        self.table.setMinimumHeight(min(48 + 32 * max(1, self.table.rowCount()), 360))

        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.chart = VoteChart()
        add_row = QPushButton(_tr("Regel erbij"))
        add_row.clicked.connect(lambda: (self._add_row(None, "for", None), section.save_votes()))
        add_all = QPushButton(_tr("Alle fracties"), self)  # with its parent before it is shown (gui/sections/items.py)
        add_all.setToolTip(_tr("Voeg elke fractie met haar zetels toe die nog niet in deze stemming staat"))
        add_all.clicked.connect(self._add_all_parties)
        add_all.setVisible(self.kind == "party")
        remove_row = QPushButton(_tr("Regel weg"))
        remove_row.clicked.connect(self._remove_row)
        remove_vote = QPushButton(_tr("Stemming weg"))
        remove_vote.setAccessibleName(_tr("Stemming %1 verwijderen").replace("%1", str(number)))
        remove_vote.clicked.connect(lambda: section.remove_vote(self))

        top = QFormLayout()
        for text, widget in ((_tr("Datum"), self.date), (_tr("Soort"), self.kind_combo),
                             (_tr("Vastgelegde uitslag"), self.recorded), (_tr("Toelichting"), self.note)):
            top.addRow(text, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        buttons = QGridLayout()
        for index, button in enumerate((add_row, add_all, remove_row, remove_vote)):
            buttons.addWidget(button, index // 2, index % 2)
        layout.addLayout(buttons)
        layout.addWidget(self.result_label)
        layout.addWidget(self.chart)
        self.show_result()

    def _add_row(self, ref: str | None, choice: str, seats: int | None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        who = compact(QComboBox())
        who.addItem("—", None)
        for value, text in self.options:
            who.addItem(text, value)
        who.setCurrentIndex(max(0, who.findData(ref)))
        who.setAccessibleName(_tr("Wie, regel %1").replace("%1", str(row + 1)))
        who.activated.connect(lambda _i, combo=who: self._picked(combo))
        what = QComboBox()  # a few short words: as wide as the longest, which the column follows
        for value in VoteChoice:
            what.addItem(label(value.value), value.value)
        what.setCurrentIndex(what.findData(choice))
        what.setAccessibleName(_tr("Keuze, regel %1").replace("%1", str(row + 1)))
        what.activated.connect(lambda _i: self.section.save_votes())
        count = QSpinBox()
        count.setRange(0, 1000)
        count.setSpecialValueText("—")
        count.setValue(seats or 0)
        count.setEnabled(self.kind == "party")
        count.setAccessibleName(_tr("Zetels, regel %1").replace("%1", str(row + 1)))
        count.editingFinished.connect(self.section.save_votes)
        self.table.setCellWidget(row, 0, who)
        self.table.setCellWidget(row, 1, what)
        self.table.setCellWidget(row, 2, count)

    def _picked(self, combo: QComboBox) -> None:
        if self.kind == "party":  # fill in the party's seats when known
            seats = self.section.party_seats.get(combo.currentData())
            for row in range(self.table.rowCount()):
                if self.table.cellWidget(row, 0) is combo and seats:
                    self.table.cellWidget(row, 2).setValue(seats)
        self.section.save_votes()

    def _add_all_parties(self) -> None:
        present = {self.table.cellWidget(r, 0).currentData() for r in range(self.table.rowCount())}
        for party_id, _name in self.options:
            if party_id not in present:
                self._add_row(party_id, "for", self.section.party_seats.get(party_id))
        self.section.save_votes()

    def _remove_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row >= 0:
            self.table.removeRow(row)
            self.section.save_votes()

    def value(self) -> dict:
        kind = self.kind_combo.currentData()
        choices = []
        for row in range(self.table.rowCount()):
            ref = self.table.cellWidget(row, 0).currentData()
            if ref is None:
                continue
            seats = self.table.cellWidget(row, 2).value() or None
            entry = {"party": ref} if kind == "party" else {"person": ref}
            entry["choice"] = self.table.cellWidget(row, 1).currentData()
            entry["seats"] = seats if kind == "party" else None
            choices.append(entry)
        return {"date": self.date.text().strip() or None, "kind": kind, "result": self.recorded.currentData(),
                "note": self.note.toPlainText().strip() or None, "choices": choices}

    def show_result(self) -> None:
        vote = self.value()
        counts = self.computed.get("tally")  # the rule lives in the core (Vote.tally); the GUI only shows it
        names = dict(self.options)
        recorded = vote["result"]
        if counts is None:  # no votes per party or member, or no seats to count them by
            text = _tr("Uitslag (vastgelegd): %1").replace("%1", label(recorded)) if recorded else \
                _tr("Nog geen uitslag bekend.")
            self.chart.set_vote([(names.get(choice.get("party") or choice.get("person"), "?"), choice["choice"], 0)
                                 for choice in vote["choices"]], text)
        else:
            for_, against, _absent = counts
            computed = self.computed["computed"]
            text = (_tr("Berekende uitslag: %1 (%2 voor, %3 tegen)")
                    .replace("%1", label(computed)).replace("%2", str(for_)).replace("%3", str(against)))
            if recorded:
                text += " · " + _tr("vastgelegd: %1").replace("%1", label(recorded))
                if recorded != computed:
                    text += " · <b>" + _tr("let op: de vastgelegde uitslag klopt niet met de stemmen") + "</b>"
            segments = []
            for choice in vote["choices"]:
                ref = choice.get("party") or choice.get("person")
                weight = choice["seats"] if choice.get("seats") is not None else (1 if choice.get("person") else 0)
                segments.append((names.get(ref, "?"), choice["choice"], weight))
            self.chart.set_vote(segments, text.replace("<b>", "").replace("</b>", ""))
        self.result_label.setText(text)


class MotionSection(ItemSection):
    def extra_buttons(self) -> list[QPushButton]:
        self.seats_button = QPushButton(self.tr("Zetels tellen…"))
        self.seats_button.setAccessibleName(self.tr("Zetels tellen voor de volgende stemming over deze motie"))
        self.seats_button.setToolTip(self.tr("Tel met de huidige zetels per fractie of de motie het haalt; "
                                             "er wordt niets opgeslagen"))
        self.seats_button.setEnabled(False)
        self.seats_button.clicked.connect(self.count_seats)
        return [self.seats_button]

    def count_seats(self) -> None:
        """The Zetels tellen dialog for the chosen motion (gui/seats_dialog.py), read off the GUI thread (finding a
        party's last vote can walk many motions); it stores nothing."""
        from raadsdossier.services import seats

        if self.current is None:
            return
        dossier, motion_id = self.view.dossier, self.current["id"]

        def show(count) -> None:
            from raadsdossier.gui.seats_dialog import SeatsDialog

            self.seats_dialog = SeatsDialog(count, self)
            self.seats_dialog.open()

        self.view.run_in_background(lambda: seats.seat_count(dossier, motion_id), self.tr("De zetels worden geteld…"),
                                    show, lambda exc: QMessageBox.warning(self, self.tr("Zetels tellen"), str(exc)))

    def extra_editor(self) -> QWidget:
        box = QWidget()
        self.votes_layout = QVBoxLayout(box)
        self.votes_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel("<h3>" + self.tr("Stemmingen") + "</h3>")
        self.changes_label = QLabel()
        self.changes_label.setWordWrap(True)
        self.add_vote_button = QPushButton(self.tr("Stemming toevoegen"))
        self.add_vote_button.clicked.connect(self.add_vote)
        self.votes_layout.addWidget(heading)
        self.votes_layout.addWidget(self.changes_label)
        self.vote_box = QVBoxLayout()
        self.votes_layout.addLayout(self.vote_box)
        self.votes_layout.addWidget(self.add_vote_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.vote_editors: list[VoteEditor] = []
        self.party_seats: dict[str, int] = {}
        return box

    def heading_html(self, data: dict) -> str:
        ref = f"{data['reference']} " if data.get("reference") else ""
        result = data.get("_computed", {}).get("result")
        status = label(data.get("status"))
        extra = " — " + self.tr("uitslag") + f": {label(result)}" if result else ""
        title = data.get("title", "")
        named = title.lower().startswith(("motie", self.tr("Motie").lower()))  # a Dutch title in either language
        prefix = "" if named else self.tr("Motie") + " "
        status_word = self.tr("Status")
        return f"<h3>{prefix}{ref}{title}</h3><p>{status_word}: {status}{extra}</p>"

    def load_extra(self, data: dict | None) -> None:
        for editor in self.vote_editors:
            editor.setParent(None)
            editor.deleteLater()
        self.vote_editors = []
        self.add_vote_button.setEnabled(data is not None)
        self.seats_button.setEnabled(data is not None)
        if data is None:
            self.changes_label.clear()
            return
        self.party_seats = {}
        for row in lists.page(self.view.dossier, "parties", limit=1000):
            if row.get("seats"):
                self.party_seats[row["id"]] = row["seats"]
        computed = data.get("_computed", {}).get("votes_computed", [])
        for number, vote in enumerate(data.get("votes", []), start=1):
            editor = VoteEditor(self, number, vote, computed[number - 1] if number <= len(computed) else None)
            self.vote_editors.append(editor)
            self.vote_box.addWidget(editor)
        names = dict(lists.choices(self.view.dossier, "party"))
        changes = changed_parties(data.get("votes", []), names)
        self.changes_label.setText(
            (self.tr("Veranderd tussen stemmingen:") + "<br>" + "<br>".join(changes)) if changes else "")

    def save_votes(self) -> None:
        if self.current is None:
            return
        after = copy.deepcopy(self.current)
        after["votes"] = [editor.value() for editor in self.vote_editors]
        if after["votes"] != self.current.get("votes"):
            self.save(after)

    def add_vote(self) -> None:
        if self.current is None:
            return
        after = copy.deepcopy(self.current)
        after["votes"] = list(after.get("votes", [])) + [{"date": None, "kind": "party", "result": None,
                                                          "note": None, "choices": []}]
        self.save(after)

    def remove_vote(self, editor: VoteEditor) -> None:
        after = copy.deepcopy(self.current)
        after["votes"] = [e.value() for e in self.vote_editors if e is not editor]
        self.save(after)

