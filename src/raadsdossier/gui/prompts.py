"""Small questions the data-safety actions ask: a password, a new password (twice), a yes-or-no with named buttons.

Each question is one module-level function, so tests replace it (as they replace QMessageBox's
static calls) instead of clicking through a modal dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox, QVBoxLayout,
)

from raadsdossier.storage.encryption import MIN_PASSWORD_LENGTH


def t(text: str) -> str:
    return QCoreApplication.translate("Prompts", text)


def password_problem(new: str, repeated: str | None) -> str | None:
    """Why a new password cannot be used (translated), or None when it can."""
    if len(new) < MIN_PASSWORD_LENGTH:
        return t("Kies een wachtwoord van minstens %1 tekens.").replace("%1", str(MIN_PASSWORD_LENGTH))
    if repeated is not None and new != repeated:
        return t("De twee wachtwoorden zijn niet gelijk.")
    return None


class PasswordDialog(QDialog):
    """A password (optionally the current one first, and a new one twice), with an optional "remember" box."""

    def __init__(self, parent, title: str, text: str, *, current: bool = False, new: bool = False,
                 can_remember: bool = False, error: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.new_mode = new
        layout = QVBoxLayout(self)
        intro = QLabel(text)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.error = QLabel(error)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a40000;")
        self.error.setVisible(bool(error))
        layout.addWidget(self.error)
        form = QFormLayout()
        layout.addLayout(form)
        self.current = self.password = self.repeat = None
        fields = []
        if current or not new:
            fields.append(("current", t("Wachtwoord") if not new else t("Huidig wachtwoord")))
        if new:
            fields += [("password", t("Nieuw wachtwoord")), ("repeat", t("Nieuw wachtwoord (nogmaals)"))]
        for name, caption in fields:
            edit = QLineEdit()
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setAccessibleName(caption)
            edit.setObjectName(f"password-{name}")
            form.addRow(caption, edit)
            setattr(self, name, edit)
        self.remember = None
        if can_remember:
            self.remember = QCheckBox(t("Onthouden op deze computer"))
            self.remember.setAccessibleName(t("Wachtwoord onthouden op deze computer"))
            self.remember.setToolTip(t("Het wachtwoord wordt bewaard in de sleutelbos van het systeem, "
                                       "niet in de instellingen van Raadsdossier."))
            layout.addWidget(self.remember)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        if self.new_mode:
            problem = password_problem(self.password.text(), self.repeat.text())
            if problem:
                self.error.setText(problem)
                self.error.setVisible(True)
                return
        elif not self.current.text():
            self.error.setText(t("Vul het wachtwoord in."))
            self.error.setVisible(True)
            return
        self.accept()


def ask_password(parent, title: str, text: str, *, wrong: bool = False,
                 can_remember: bool = False) -> tuple[str, bool] | None:
    """The password the user typed and whether to remember it; None when they cancel."""
    dialog = PasswordDialog(parent, title, text, can_remember=can_remember,
                            error=t("Het wachtwoord klopt niet. Probeer het opnieuw.") if wrong else "")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.current.text(), bool(dialog.remember and dialog.remember.isChecked())


def ask_new_password(parent, title: str, text: str, *, current: bool = False) -> tuple[str | None, str] | None:
    """(current password or None, new password) typed twice and long enough; None when they cancel."""
    dialog = PasswordDialog(parent, title, text, current=current, new=True)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return (dialog.current.text() if dialog.current else None), dialog.password.text()


def question_box(parent, title: str, text: str, accept: str, reject: str) -> tuple[QMessageBox, object]:
    """A warning box with two named buttons; returns (box, the accept button). Not shown yet."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(reject, QMessageBox.ButtonRole.RejectRole)
    yes.setAccessibleName(accept)
    no.setAccessibleName(reject)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    return box, yes


def confirm(parent, title: str, text: str, accept: str, reject: str) -> bool:
    """Ask with two named buttons ("Alleen-lezen openen" / "Annuleren"); True when `accept` was clicked."""
    box, yes = question_box(parent, title, text, accept, reject)
    box.exec()
    return box.clickedButton() is yes
