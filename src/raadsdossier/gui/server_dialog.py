"""The questions the Server menu asks: a server's address (and a name on it), which dossier to fetch from the
server, and where to save it.

Each question is one module-level function (as in gui/prompts.py), so tests replace it instead of clicking
through a modal dialog; the dialogs themselves are tested on their own.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from raadsdossier.gui import tasks


def t(text: str) -> str:
    return QCoreApplication.translate("ServerDialog", text)


def address_problem(address: str) -> str | None:
    """Why `address` cannot be used as the server's address (translated), or None when it can be tried."""
    address = address.strip()
    if not address:
        return t("Vul het adres van de server in.")
    try:
        parts = urlsplit(address)
        password = parts.password or parse_qs(parts.query).get("password")
    except ValueError:
        return t("Dit is geen bruikbaar adres. Schrijf postgresql://gebruiker@server/database of service:NAAM.")
    if password:
        return t("Zet geen wachtwoord in het adres: het zou dan in de instellingen komen. Zet het in ~/.pgpass "
                 "of in pg_service.conf.")
    return None


def _password_note() -> QLabel:
    note = QLabel(t("Het wachtwoord hoort niet in het adres: zet het in ~/.pgpass of in pg_service.conf (vraag "
                    "de beheerder van de server). Raadsdossier onthoudt alleen het adres."))
    note.setWordWrap(True)
    note.setObjectName("password-note")
    note.setStyleSheet("color: #808080;")  # reading_page.MUTED: reads on a light and on a dark palette
    return note


def _error_label() -> QLabel:
    error = QLabel()
    error.setWordWrap(True)
    error.setObjectName("error")
    error.setStyleSheet("color: #a40000;")
    error.setVisible(False)
    return error


def _address_edit(address: str) -> QLineEdit:
    edit = QLineEdit(address)
    edit.setObjectName("address")
    edit.setAccessibleName(t("Adres van de server"))
    edit.setPlaceholderText("postgresql://gebruiker@server/database")
    edit.setToolTip(t("postgresql://gebruiker@server/database, of service:NAAM voor een dienst uit pg_service.conf"))
    edit.setMinimumWidth(420)
    edit.setCursorPosition(0)
    return edit


class AddressDialog(QDialog):
    """The server's address (prefilled with the remembered one), and optionally a name on the server."""

    def __init__(self, parent, title: str, text: str, address: str = "", name: str | None = None,
                 accept_text: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        intro = QLabel(text)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.address = _address_edit(address)
        form.addRow(t("&Adres van de server"), self.address)
        self.name = None
        if name is not None:
            self.name = QLineEdit(name)
            self.name.setObjectName("name")
            self.name.setAccessibleName(t("Naam op de server"))
            self.name.setToolTip(t("Onder deze naam vinden anderen het dossier op de server"))
            form.addRow(t("&Naam op de server"), self.name)
        layout.addWidget(_password_note())
        self.error = _error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        if accept_text:
            buttons.button(QDialogButtonBox.StandardButton.Ok).setText(accept_text)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(max(self.sizeHint().width(), 560), self.sizeHint().height())

    def _accept(self) -> None:
        problem = address_problem(self.address.text())
        if problem is None and self.name is not None and not self.name.text().strip():
            problem = t("Vul de naam in waaronder het dossier op de server komt.")
        if problem:
            self.error.setText(problem)
            self.error.setVisible(True)
            return
        self.accept()


def ask_address(parent, title: str, text: str, address: str, accept_text: str | None = None) -> str | None:
    """The address the user typed (checked: no password in it); None when they cancel."""
    dialog = AddressDialog(parent, title, text, address, accept_text=accept_text)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.address.text().strip()


def ask_publish(parent, address: str, name: str) -> tuple[str, str] | None:
    """(address, name on the server) for putting a dossier on the server; None when they cancel."""
    dialog = AddressDialog(parent, t("Op de server zetten"),
                           t("Het dossier komt op de server onder de naam hieronder. Daarna is dit bestand opgehaald "
                             "van de server: u werkt erin zoals altijd, ook offline, en stuurt uw wijzigingen met "
                             "Server → Wijzigingen versturen."), address, name, t("Op de server zetten"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.address.text().strip(), dialog.name.text().strip()


class ServerDossiersDialog(QDialog):
    """The dossiers on a server: the address, a button to show what is there, and the list to pick from."""

    COLUMNS = ("name", "display_name", "revision", "last")

    def __init__(self, parent, address: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(t("Dossiers op de server"))
        self.found = []
        self.listed_address: str | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(t("Kies een dossier en haal het op: het komt als een bestand op deze computer, waarin u ook "
                         "offline werkt. Met Server → Wijzigingen versturen gaan uw wijzigingen terug naar de server."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        caption = QLabel(t("&Adres van de server"))
        self.address = _address_edit(address)
        caption.setBuddy(self.address)
        self.address.returnPressed.connect(self.list_dossiers)
        self.show_button = QPushButton(t("&Tonen"))
        self.show_button.setObjectName("show")
        self.show_button.setAccessibleName(t("Dossiers op deze server tonen"))
        self.show_button.clicked.connect(self.list_dossiers)
        row.addWidget(caption)
        row.addWidget(self.address, 1)
        row.addWidget(self.show_button)
        layout.addLayout(row)
        layout.addWidget(_password_note())
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setObjectName("state")
        layout.addWidget(self.state)
        self.error = _error_label()
        layout.addWidget(self.error)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("dossiers")
        self.table.setAccessibleName(t("Dossiers op de server"))
        self.table.setHorizontalHeaderLabels([t("Naam op de server"), t("Dossier"), t("Versie"),
                                              t("Laatst bijgewerkt")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self._accept())
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.fetch = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.fetch.setText(t("&Ophalen…"))
        self.fetch.setAccessibleName(t("Het gekozen dossier ophalen"))
        self.fetch.setEnabled(False)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(760, 460)
        if address.strip():
            self.list_dossiers()

    def list_dossiers(self) -> None:
        """Ask the server at the typed address for its dossiers (off the GUI thread)."""
        from raadsdossier.services import store

        address = self.address.text().strip()
        problem = address_problem(address)
        if problem:
            self._failed(problem)
            return
        self.error.setVisible(False)
        self.state.setText(t("De server wordt gevraagd welke dossiers er zijn…"))
        self.show_button.setEnabled(False)
        self.setCursor(Qt.CursorShape.BusyCursor)
        tasks.run_in_background(lambda: store.list_dossiers(address), lambda found: self._listed(address, found),
                                lambda exc: self._failed(str(exc)), owner=self)

    def _listed(self, address: str, found: list) -> None:
        self.unsetCursor()
        self.show_button.setEnabled(True)
        self.found, self.listed_address = list(found), address
        self.table.setRowCount(len(self.found))
        for row, stored in enumerate(self.found):
            last = stored.last_checkin or stored.published_at
            values = (stored.name, stored.display_name, str(stored.revision),
                      last.astimezone().strftime("%d-%m-%Y %H:%M") if last else "")
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if column == 2:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, cell)
        if self.found:
            self.state.setText(t("%1 dossier(s) op %2.").replace("%1", str(len(self.found))).replace("%2", address))
            self.table.selectRow(0)
            self.table.setFocus()
        else:
            self.state.setText(t("Er staan nog geen dossiers op %1. Zet er een op met Server → Op de server "
                                 "zetten.").replace("%1", address))
        self._selection_changed()

    def _failed(self, message: str) -> None:
        self.unsetCursor()
        self.show_button.setEnabled(True)
        self.state.setText("")
        self.error.setText(message)
        self.error.setVisible(True)
        self.found, self.listed_address = [], None
        self.table.setRowCount(0)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.fetch.setEnabled(self.chosen() is not None)

    def chosen(self):
        """The StoredDossier picked, or None."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.listed_address is None or rows[0].row() >= len(self.found):
            return None
        return self.found[rows[0].row()]

    def _accept(self) -> None:
        if self.chosen() is not None:
            self.accept()


def choose_dossier(parent, address: str):
    """(address, StoredDossier) the user picked from the server's list; None when they cancel."""
    dialog = ServerDossiersDialog(parent, address)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
        return None
    return dialog.listed_address, dialog.chosen()


def ask_save_path(parent, suggested: Path) -> Path | None:
    """Where to save a dossier fetched from the server; None when they cancel. An existing file is not offered
    for overwriting: fetching never overwrites (the caller says so)."""
    from PySide6.QtWidgets import QFileDialog

    from raadsdossier.base.filenames import with_extension
    from raadsdossier.storage.sqlitefile import SUFFIX

    name, _filter = QFileDialog.getSaveFileName(parent, t("Opgehaald dossier opslaan"), str(suggested),
                                                "Raadsdossier (*.raadsdossier);;Alle bestanden (*)",
                                                options=QFileDialog.Option.DontConfirmOverwrite)
    if not name:
        return None
    return with_extension(name, SUFFIX)
