"""Opening a dossier the way a user needs it: ask its password, offer read-only when it is locked,
and put the newest good backup in the place of a damaged file.

GUI thread only (it asks questions). The file work itself is done by the services (services.dossiers,
services.safety), which the command line uses too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from raadsdossier.domain.errors import (
    DamagedDossier, DossierBusy, DossierError, DossierLocked, PasswordRequired, WrongPassword,
)
from raadsdossier.gui import keystore, prompts
from raadsdossier.gui.i18n import format_date
from raadsdossier.services import dossiers, safety
from raadsdossier.storage.dossier import Dossier


def t(text: str) -> str:
    return QCoreApplication.translate("Opening", text)


def when(made) -> str:
    """When a backup was made, as the rest of the window writes dates: "7 december 2026, 19:44"."""
    return f"{format_date(made.date())}, {made.strftime('%H:%M')}"


def reason(backup) -> str:
    """Why a backup was made, in the window's language (storage/backups.py REASONS has the Dutch)."""
    reasons = {"auto": t("automatisch"), "manual": t("handmatig"), "migration": t("vóór bijwerken"),
               "restore": t("vóór terugzetten"), "repair": t("vóór reparatie"), "import": t("vóór import"),
               "encrypt": t("vóór versleutelen")}
    return reasons.get(backup.reason, backup.reason_nl)


def locked_text(path: Path, exc: DossierLocked) -> str:
    owner = exc.owner or {}
    return (t("%1 is al geopend door %2 op computer %3 (sinds %4).\n\n"
              "U kunt het alleen-lezen openen, of het daar eerst sluiten.")
            .replace("%1", Path(path).name).replace("%2", owner.get("user") or t("een onbekende gebruiker"))
            .replace("%3", owner.get("host") or t("een onbekende computer"))
            .replace("%4", owner.get("since_text") or owner.get("since") or t("onbekend")))


def open_dossier(parent, path: Path, password: str | None = None, read_only: bool = False) -> Dossier | None:
    """Open `path`, asking what is needed; None when it was not opened (the user was told why)."""
    path = Path(path)
    try:  # a password change an earlier run left half-way decides which password the dossier has now
        interrupted = safety.finish_interrupted_change(path)
    except DossierError as exc:
        QMessageBox.warning(parent, t("Dossier niet geopend"), str(exc))
        return None
    if interrupted:
        QMessageBox.information(parent, t("Onderbroken wijziging afgerond"), f"{path.name}: {interrupted}")
    tried_keyring = password is not None
    from_keyring = remember = wrong = False
    while True:
        try:
            # The whole-file check runs after the tab is shown (MainWindow.verify_in_background).
            dossier = dossiers.open_dossier(path, read_only=read_only, password=password, verify=False)
        except (PasswordRequired, WrongPassword) as exc:
            if isinstance(exc, WrongPassword):
                if from_keyring:
                    keystore.forget(path)  # the password was changed elsewhere: ask, and remember the new one
                else:
                    wrong = True
            if not tried_keyring:
                tried_keyring = True
                stored = keystore.get(path)
                if stored:
                    password, from_keyring = stored, True
                    continue
            answer = prompts.ask_password(
                parent, t("Wachtwoord"), t("%1 is versleuteld. Geef het wachtwoord om het te openen.")
                .replace("%1", path.name), wrong=wrong, can_remember=keystore.available())
            if answer is None:
                return None
            (password, remember), from_keyring = answer, False
            continue
        except DossierLocked as exc:
            if read_only or not prompts.confirm(parent, t("Dossier is al geopend"), locked_text(path, exc),
                                                t("Alleen-lezen openen"), t("Annuleren")):
                return None
            read_only = True
            continue
        except DossierBusy as exc:  # another program writes in it right now: wait, never restore
            QMessageBox.information(parent, t("Dossier is bezet"), str(exc))
            return None
        except DamagedDossier as exc:
            if not offer_backup(parent, path, password, exc):
                return None
            continue  # open the backup that now stands in its place
        except DossierError as exc:
            QMessageBox.warning(parent, t("Dossier niet geopend"), str(exc))
            return None
        if remember and password:
            keystore.store(path, password)
        return dossier


def offer_backup(parent, path: Path, password: str | None, exc: DamagedDossier) -> bool:
    """Tell the user the dossier is damaged and offer the newest backup that verifies; True once it is in place.

    The damaged file is set aside under a new name beside it, never deleted (backups.restore does that).
    """
    title = t("Dossier beschadigd")
    owner = safety.in_use(path)
    if owner is not None:  # held by another program: what looked like damage is its work in progress
        QMessageBox.information(parent, t("Dossier is bezet"), str(DossierBusy(path, owner)))
        return False
    good = safety.newest_good_backup(path, password)
    if good is None:
        QMessageBox.warning(parent, title, t("%1\n\nEr is geen reservekopie van dit dossier die in orde is. "
                                             "Het bestand is niet veranderd.").replace("%1", str(exc)))
        return False
    text = (t("%1\n\nDe nieuwste reservekopie die in orde is, is van %2 (%3). Het beschadigde bestand wordt "
              "apart gezet (niet verwijderd) en de reservekopie komt ervoor in de plaats.")
            .replace("%1", str(exc)).replace("%2", when(good.made)).replace("%3", reason(good)))
    if not prompts.confirm(parent, title, text, t("Reservekopie terugzetten"), t("Niet openen")):
        return False
    try:
        result = safety.restore_backup(path, good.path, password, only_if_damaged=True)
    except DossierError as error:
        QMessageBox.warning(parent, title, str(error))
        return False
    kept = result.previous.name if result.previous else t("(geen)")
    QMessageBox.information(parent, t("Reservekopie teruggezet"),
                            t("De reservekopie van %1 staat nu op de plaats van het dossier. Het beschadigde bestand "
                              "is bewaard als %2.").replace("%1", when(good.made)).replace("%2", kept))
    return True
