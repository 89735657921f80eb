"""Dialogs: a new dossier (by hand or from the provincial directory), optionally encrypted."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QMessageBox

from raadsdossier.services.directory import rows
from raadsdossier.domain.enums import Level, PartnershipStatus
from raadsdossier.services.dossiers import PartnershipFields
from raadsdossier.gui.i18n import is_english, label
from raadsdossier.gui.prompts import password_problem


class NewDossierDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nieuw dossier"))
        self.directory = QComboBox()
        self.directory.setAccessibleName(self.tr("Uit de lijst van provinciale stedenbanden"))
        self.directory.addItem(self.tr("— zelf invullen —"), None)
        for row in rows():
            self.directory.addItem(f"{row.dutch_side} – {row.partner_name} ({self._status(row)}, {row.since})", row)
        self.directory.activated.connect(self._from_directory)
        self.dutch_side = QLineEdit()
        self.level = QComboBox()
        for value in Level:
            self.level.addItem(label(value.value), value.value)
        self.partner = QLineEdit()
        self.native = QLineEdit()
        self.country = QLineEdit("China")
        self.since = QLineEdit()
        self.status = QComboBox()
        for value in PartnershipStatus:
            self.status.addItem(label(value.value), value.value)
        self.status.setCurrentIndex(self.status.findData("unknown"))
        form = QFormLayout(self)
        for text, widget in ((self.tr("Uit lijst"), self.directory), (self.tr("Nederlandse kant *"), self.dutch_side),
                             (self.tr("Niveau"), self.level), (self.tr("Partner *"), self.partner),
                             (self.tr("Naam in eigen schrift"), self.native), (self.tr("Land"), self.country),
                             (self.tr("Sinds"), self.since), (self.tr("Status"), self.status)):
            widget.setAccessibleName(text.rstrip(" *"))
            form.addRow(text, widget)
        self.encrypt = QCheckBox(self.tr("Versleutelen met een wachtwoord"))
        self.encrypt.setAccessibleName(self.tr("Versleutelen met een wachtwoord"))
        self.encrypt.setToolTip(self.tr("Zonder het wachtwoord is het dossier niet te openen, ook niet door ons. "
                                        "Bewaar het goed."))
        form.addRow("", self.encrypt)
        self.password = QLineEdit()
        self.repeat = QLineEdit()
        for text, widget in ((self.tr("Wachtwoord"), self.password), (self.tr("Wachtwoord (nogmaals)"), self.repeat)):
            widget.setEchoMode(QLineEdit.EchoMode.Password)
            widget.setAccessibleName(text)
            widget.setEnabled(False)
            form.addRow(text, widget)
        self.encrypt.toggled.connect(self.password.setEnabled)
        self.encrypt.toggled.connect(self.repeat.setEnabled)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.row = None

    def _status(self, row) -> str:
        """The status as the list words it ("Na 2019 sluimerend"); in English by its value, with the year it gives."""
        if not is_english():
            return row.status_text
        after = re.match(r"Na (\d{4}) ", row.status_text)
        status = label(row.status.value)
        return self.tr("%1 na %2").replace("%1", status).replace("%2", after[1]) if after else status

    def _from_directory(self, _index: int) -> None:
        self.row = self.directory.currentData()
        if self.row is None:
            return
        self.dutch_side.setText(self.row.dutch_side)
        self.level.setCurrentIndex(self.level.findData("province"))
        self.partner.setText(self.row.partner_name)
        self.since.setText(self.row.since or "")
        self.status.setCurrentIndex(self.status.findData(self.row.status.value))

    def _accept(self) -> None:
        if not self.dutch_side.text().strip() or not self.partner.text().strip():
            QMessageBox.warning(self, self.tr("Nieuw dossier"), self.tr("Vul de Nederlandse kant en de partner in."))
            return
        if self.encrypt.isChecked():
            problem = password_problem(self.password.text(), self.repeat.text())
            if problem:
                QMessageBox.warning(self, self.tr("Nieuw dossier"), problem)
                return
        self.accept()

    def chosen_password(self) -> str | None:
        """The password to encrypt the new dossier with, or None for a plain file."""
        return self.password.text() if self.encrypt.isChecked() else None

    def fields(self) -> PartnershipFields:
        if self.row is not None and self.partner.text().strip() == self.row.partner_name:
            base = self.row.fields()
        else:
            base = None
        return PartnershipFields(
            dutch_side=self.dutch_side.text().strip(), level=Level(self.level.currentData()),
            partner_name=self.partner.text().strip(), partner_native_name=self.native.text().strip() or None,
            partner_country=self.country.text().strip() or None, since=self.since.text().strip() or None,
            status=PartnershipStatus(self.status.currentData()),
            status_period=base.status_period if base else None, status_note=base.status_note if base else None,
        )
