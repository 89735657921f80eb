"""Zetels tellen: the seats for the next vote on a motion, for/against/unknown per party, the total and whether
it passes, updating as the user chooses (services/seats.py). Nothing of it is stored."""

from __future__ import annotations

import re

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup, QDialog, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QRadioButton, QScrollArea,
    QSizePolicy, QVBoxLayout, QWidget,
)

from raadsdossier.gui.i18n import format_date
from raadsdossier.services import seats

NAME, SEATS, FOR, AGAINST, UNKNOWN, GUESS = range(6)  # the grid's columns
_CHOICE_COLUMN = {seats.FOR: FOR, seats.AGAINST: AGAINST, seats.UNKNOWN: UNKNOWN}


def _fill(text: str, *values: str) -> str:
    """`text` with %1, %2, … replaced by `values` in one pass (a party's name may itself hold "%2")."""
    return re.sub(r"%(\d)", lambda match: values[int(match.group(1)) - 1], text)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class SeatsDialog(QDialog):
    """The count `base` (seats.seat_count, read off the GUI thread by the caller) shown with its pre-fill, then
    counted again on every choice (seats.recount: no dossier read)."""

    def __init__(self, base: seats.SeatCount, parent=None) -> None:
        super().__init__(parent)
        self.base = base
        self.count = self.base
        self.choices: dict[str, str] = {}  # what the user set; the other parties keep their pre-fill
        self.groups: dict[str, QButtonGroup] = {}
        self.guess_labels: dict[str, QLabel] = {}

        when = f" ({format_date(self.base.motion_date)})" if self.base.motion_date else ""
        title = self.tr("Zetels tellen")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        heading = QLabel(f"<h2>{_escape(title)}</h2><p><b>{_escape(self.base.motion_name)}</b>{_escape(when)}</p>")
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.RichText)
        intro = QLabel(self.tr(
            "De fracties van de huidige raad met hun zetels. Kies per fractie voor, tegen of onbekend. Vooringevuld "
            "is een schatting: de laatste stemming van de fractie over deze motie, of, als zij daarover nog niet "
            "stemde, haar laatste stemming over een andere motie van dit dossier (moties hebben geen themalabels; "
            "het dossier is één stedenband). Onbekende zetels kunnen alle kanten op, ook afwezig."))
        intro.setWordWrap(True)

        table = QWidget()
        self.grid = QGridLayout(table)
        self.grid.setHorizontalSpacing(14)
        self.grid.setColumnStretch(GUESS, 1)
        for column, text in ((NAME, self.tr("Fractie")), (SEATS, self.tr("Zetels")), (FOR, self.tr("Keuze")),
                             (GUESS, self.tr("Schatting"))):
            header = QLabel(f"<b>{_escape(text)}</b>")
            if column == SEATS:
                header.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.grid.addWidget(header, 0, column, 1, 3 if column == FOR else 1)
        for row, party in enumerate(self.base.parties, start=1):
            self._add_party(row, party)
        if not self.base.parties:
            empty = QLabel(self.tr("Dit dossier heeft geen huidige fracties. Voeg onder Fracties de fracties van de "
                                   "raad toe, met hun zetels."))
            empty.setWordWrap(True)
            self.grid.addWidget(empty, 1, 0, 1, 6)
        self.grid.setRowStretch(len(self.base.parties) + 1, 1)
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(table)
        scroll.setAccessibleName(self.tr("Fracties en hun keuze"))

        self.total_label = QLabel()
        self.total_label.setTextFormat(Qt.TextFormat.PlainText)
        self.total_label.setWordWrap(True)
        self.total_label.setAccessibleName(self.tr("Totaal"))
        self.verdict_label = QLabel()
        self.verdict_label.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setAccessibleName(self.tr("Uitkomst"))
        font = QFont(self.verdict_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.verdict_label.setFont(font)
        note = QLabel("<i>" + _escape(self.tr("Deze telling wordt niet opgeslagen.")) + "</i>")
        note.setAccessibleName(self.tr("Deze telling wordt niet opgeslagen."))

        self.reset_button = QPushButton(self.tr("Terug naar de schatting"))
        self.reset_button.setAccessibleName(self.tr("Elke fractie terug naar de schatting"))
        self.reset_button.clicked.connect(self.reset)
        close = QPushButton(self.tr("Sluiten"))
        close.setAccessibleName(self.tr("Sluiten"))
        close.clicked.connect(self.accept)
        close.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(note, 1)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(close)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(line)
        layout.addWidget(self.total_label)
        layout.addWidget(self.verdict_label)
        layout.addLayout(buttons)
        self._fit(parent)
        self.show_count()

    def _add_party(self, row: int, party: seats.PartySeats) -> None:
        name = QLabel(_escape(party.display_name))
        name.setTextFormat(Qt.TextFormat.RichText)
        number = QLabel(str(party.seats) if party.seats is not None else self.tr("zetels onbekend"))
        number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        group = QButtonGroup(self)
        for choice, text in ((seats.FOR, self.tr("voor")), (seats.AGAINST, self.tr("tegen")),
                             (seats.UNKNOWN, self.tr("onbekend"))):
            button = QRadioButton(text)
            button.setAccessibleName(f"{party.display_name}: {text}")
            button.setProperty("choice", choice)
            group.addButton(button)
            self.grid.addWidget(button, row, _CHOICE_COLUMN[choice])
            button.setChecked(choice == party.choice)
        group.buttonClicked.connect(lambda button, party_id=party.id: self.choose(party_id, button.property("choice")))
        guess = QLabel()
        guess.setTextFormat(Qt.TextFormat.PlainText)  # a motion's title is shown as it is stored
        guess.setWordWrap(True)
        guess.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # wraps, never widens the dialog
        guess.setMinimumWidth(160)
        self.grid.addWidget(name, row, NAME)
        self.grid.addWidget(number, row, SEATS)
        self.grid.addWidget(guess, row, GUESS)
        self.groups[party.id] = group
        self.guess_labels[party.id] = guess

    def _fit(self, parent) -> None:
        """Wide enough for most bases on one line, as high as the parties need; never more than most of the
        window (the parties scroll then)."""
        room = parent.window().size() if parent is not None else None
        if room is None or room.width() <= 0:
            room = QSize(1280, 800)
        width = max(640, min(1120, int(room.width() * 0.9)))
        self.resize(width, 400)
        self.layout().activate()
        table = self.scroll.widget()
        rows = table.heightForWidth(self.scroll.viewport().width()) if table.hasHeightForWidth() else -1
        rows = max(rows, table.sizeHint().height())
        fixed = self.sizeHint().height() - self.scroll.sizeHint().height()
        self.resize(width, max(420, min(fixed + rows + 24, int(room.height() * 0.92))))

    # -- choosing ----------------------------------------------------------------------------------------

    def choose(self, party_id: str, choice: str) -> None:
        """The user set a party: count again (no dossier read)."""
        self.choices[party_id] = choice
        self.show_count()

    def set_choice(self, party_id: str, choice: str) -> None:
        """Check the radio button of `choice` for the party and count again, as a click does."""
        for button in self.groups[party_id].buttons():
            if button.property("choice") == choice:
                button.setChecked(True)
        self.choose(party_id, choice)

    def reset(self) -> None:
        """Every party back to its pre-filled choice."""
        self.choices = {}
        self.show_count()
        for party in self.count.parties:
            for button in self.groups[party.id].buttons():
                button.setChecked(button.property("choice") == party.choice)

    def show_count(self) -> None:
        self.count = seats.recount(self.base, self.choices)
        for party in self.count.parties:
            label = self.guess_labels[party.id]
            basis = "; ".join(self.basis_text(b) for b in party.basis)
            if party.guessed:
                label.setText(_fill(self.tr("geschat — gebaseerd op: %1"), basis))
                label.setToolTip(_fill(self.tr("Geschat naar: %1"), basis))
            elif party.id in self.choices and party.basis:
                label.setText(_fill(self.tr("door u gekozen (de schatting was: %1)"), self._word(party.prefill)))
                label.setToolTip(_fill(self.tr("Geschat naar: %1"), basis))
            elif party.id in self.choices:
                label.setText(self.tr("door u gekozen"))
                label.setToolTip("")
            else:
                label.setText(self.tr("geen eerdere stemming"))
                label.setToolTip(self.tr("Deze fractie stemde nog over geen motie van dit dossier."))
            label.setEnabled(party.guessed or party.id in self.choices)
        self.reset_button.setEnabled(bool(self.choices))
        self.total_label.setText(self.total_text(self.count))
        self.verdict_label.setText(self.verdict_text(self.count))

    # -- texts (the Dutch is services/seats.py's, word for word) -------------------------------------------

    def _word(self, choice: str) -> str:
        return {seats.FOR: self.tr("voor"), seats.AGAINST: self.tr("tegen"), seats.UNKNOWN: self.tr("onbekend")}[choice]

    def basis_text(self, basis: seats.Basis) -> str:
        when = f" ({format_date(basis.date)})" if basis.date else ""
        if basis.this_motion:
            return _fill(self.tr("stemming %1 van deze motie"), str(basis.vote)) + when
        name = f"{basis.reference} {basis.title}" if basis.reference else basis.title
        return name + when

    def _seats(self, number: int) -> str:
        return self.tr("1 zetel") if number == 1 else _fill(self.tr("%1 zetels"), str(number))

    def _names(self, names: list[str]) -> str:
        return names[0] if len(names) == 1 else _fill(self.tr("%1 en %2"), ", ".join(names[:-1]), names[-1])

    def unknown_text(self, count: seats.SeatCount) -> str:
        unsized = list(count.seats_unknown)
        if count.unknown and unsized:
            return _fill(self.tr("nog %1 onbekend, en de zetels van %2"), self._seats(count.unknown),
                         self._names(unsized))
        if count.unknown:
            return _fill(self.tr("nog %1 onbekend"), self._seats(count.unknown))
        if unsized:
            return _fill(self.tr("zetels van %1 onbekend"), self._names(unsized))
        return ""

    def verdict_text(self, count: seats.SeatCount) -> str:
        """services.seats.sentence in the current language."""
        if not count.parties:
            return self.tr("Geen huidige fracties in dit dossier: voeg de fracties van de raad met hun zetels toe om "
                           "te tellen.")
        unknown = self.unknown_text(count)
        settled = _fill(self.tr("; %1, maar dat verandert de uitkomst niet"), unknown) if unknown else ""
        size = _fill(self.tr("ten minste %1"), str(count.council_size)) if count.seats_unknown else str(count.council_size)
        for_, against = str(count.for_), str(count.against)
        if count.verdict == "adopted":
            return _fill(self.tr("Aangenomen bij %1 van %2 zetels%3."), for_, size, settled)
        if count.verdict == "rejected":
            return _fill(self.tr("Verworpen: %1 voor, %2 tegen%3."), for_, against, settled)
        if count.verdict == "tied":
            return _fill(self.tr("Staken der stemmen: %1 voor, %2 tegen; de raad stemt opnieuw."), for_, against)
        return _fill(self.tr("%1 — uitkomst open (%2 voor, %3 tegen)."), unknown[:1].upper() + unknown[1:], for_, against)

    def total_text(self, count: seats.SeatCount) -> str:
        text = _fill(self.tr("Voor: %1 · tegen: %2 · onbekend: %3 — van %4"), str(count.for_), str(count.against),
                     str(count.unknown), self._seats(count.council_size))
        if count.majority:
            text += _fill(self.tr(", meerderheid %1"), self._seats(count.majority))
        if count.seats_unknown:
            text += _fill(self.tr("; zetels onbekend: %1"), ", ".join(count.seats_unknown))
        return text
