"""The main window's data-safety actions: backups, the whole-file check, encryption and the automatic backups.

A mixin of MainWindow (it uses its tabs, views, open_path and close_tab). Its texts are translated
in MainWindow's context, where they have always been.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication


if TYPE_CHECKING:
    from raadsdossier.gui.dossier_view import DossierView


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class SafetyActions:
    def show_backups(self):
        from raadsdossier.gui.backups_dialog import BackupsDialog

        view = self.current_view()
        if view is None:
            return None
        dialog = BackupsDialog(self, view.dossier.path)
        dialog.open()
        return dialog

    def check_dossier(self):
        from raadsdossier.gui.check_dialog import CheckDialog

        view = self.current_view()
        if view is None:
            return None
        dialog = CheckDialog(self, view)
        dialog.open()
        return dialog

    def _reopen_after(self, view: DossierView, work, password: str | None, old_password: str | None,
                      on_done, on_error=None) -> None:
        """Close `view`'s dossier, run `work()` off the GUI thread, and open the dossier again in the same place
        (with `password`, or `old_password` when the work failed). The undo history does not survive this."""
        index, path = self.tabs.indexOf(view), view.dossier.path
        self.close_tab(index, backup=False)

        def reopen(with_password):
            again = self.open_path(path, remember=False, password=with_password)
            if again is not None:
                self.tabs.tabBar().moveTab(self.tabs.indexOf(again), min(index, self.tabs.count() - 1))
                self.tabs.setCurrentWidget(again)
            self._remember_open()
            return again

        def done(result):
            reopen(password)
            on_done(result)

        def failed(exc):
            reopen(old_password)
            if on_error is not None:
                on_error(exc)
            else:
                from PySide6.QtWidgets import QMessageBox

                QMessageBox.warning(self, _t("Niet gelukt"), str(exc))

        from raadsdossier.gui import tasks

        tasks.run_in_background(work, done, failed)

    def restore_backup(self, path: Path, backup: Path, on_done, on_error=None) -> None:
        """Put `backup` in the place of the open dossier at `path` (the state before is kept as a backup)."""
        from raadsdossier.services import safety

        view = self.view_for(path)
        if view is None:
            return
        password = view.dossier.password
        self._reopen_after(view, lambda: safety.restore_backup(view.dossier.path, backup, password), password,
                           password, on_done, on_error)

    def encrypt_dossier(self) -> None:
        from raadsdossier.gui import prompts

        view = self.current_view()
        if view is None or view.dossier.encrypted:
            return
        answer = prompts.ask_new_password(
            self, _t("Versleutelen"),
            _t("Kies een wachtwoord voor %1. Het dossier en zijn reservekopieën worden ermee versleuteld. "
                    "Zonder dit wachtwoord is het dossier niet meer te openen: bewaar het goed.")
            .replace("%1", view.dossier.path.name))
        if answer is None:
            return
        _current, new = answer
        self._change_encryption(view, None, new, _t("%1 is nu versleuteld."))

    def change_password(self) -> None:
        from raadsdossier.gui import prompts

        view = self.current_view()
        if view is None or not view.dossier.encrypted:
            return
        answer = prompts.ask_new_password(
            self, _t("Wachtwoord wijzigen"),
            _t("Geef het huidige wachtwoord van %1 en kies een nieuw. De reservekopieën krijgen het nieuwe "
                    "wachtwoord ook.").replace("%1", view.dossier.path.name), current=True)
        if answer is None:
            return
        current, new = answer
        self._change_encryption(view, current, new, _t("Het wachtwoord van %1 is gewijzigd."))

    def decrypt_dossier(self) -> None:
        from raadsdossier.gui import prompts

        view = self.current_view()
        if view is None or not view.dossier.encrypted:
            return
        answer = prompts.ask_password(
            self, _t("Versleuteling opheffen"),
            _t("Na het opheffen kan iedereen die bij %1 of zijn reservekopieën kan, de inhoud lezen. "
                    "Geef het wachtwoord om de versleuteling op te heffen.").replace("%1", view.dossier.path.name))
        if answer is None:
            return
        self._change_encryption(view, answer[0], None, _t("%1 is niet meer versleuteld."))

    def _change_encryption(self, view: DossierView, old: str | None, new: str | None, done_text: str,
                           backup_passwords: tuple[str, ...] = ()) -> None:
        from raadsdossier.gui import keystore
        from raadsdossier.services import safety

        path, in_memory = view.dossier.path, view.dossier.password

        def done(change):
            if keystore.get(path) is not None:  # a remembered password follows the change
                if new is None:
                    keystore.forget(path)
                else:
                    keystore.store(path, new)
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self, "Raadsdossier", done_text.replace("%1", path.name) + " " + (
                _t("Ook %1 reservekopie(ën) zijn omgezet.").replace("%1", str(len(change.converted)))))

        def failed(exc):
            from PySide6.QtWidgets import QMessageBox

            from raadsdossier.domain.errors import BackupsInTheWay

            given = self._backup_passwords(exc) if isinstance(exc, BackupsInTheWay) else None
            again = next((v for v in self.views() if v.dossier.path == path), None)
            if given and again is not None:  # the same change once more, now with the backups' passwords
                self._change_encryption(again, old, new, done_text, backup_passwords + given)
            elif given is None:
                QMessageBox.warning(self, _t("Niet gelukt"), str(exc))

        if old is None:
            work = lambda: safety.encrypt(path, new, backup_passwords)  # noqa: E731
        elif new is None:
            work = lambda: safety.decrypt(path, old, backup_passwords)  # noqa: E731
        else:
            work = lambda: safety.change_password(path, old, new, backup_passwords)  # noqa: E731
        self._reopen_after(view, work, new, in_memory, done, failed)

    def _backup_passwords(self, exc) -> tuple[str, ...] | None:
        """Ask for the password of each backup `exc` (BackupsInTheWay) names; None when one of them cannot be
        opened with any password (it is damaged: the user must remove it) and the user is to be told so; an empty
        tuple when the user cancelled."""
        from raadsdossier.gui import prompts

        if len(exc.need_password) != len(exc.problems):
            return None
        given = []
        for backup in exc.need_password:
            answer = prompts.ask_password(
                self, _t("Wachtwoord van een reservekopie"),
                _t("De reservekopie %1 opent niet met het wachtwoord van het dossier: hij heeft nog een ander "
                   "wachtwoord (of hij is beschadigd). Geef dat wachtwoord, dan wordt hij mee omgezet; er is nog "
                   "niets veranderd.").replace("%1", backup.name))
            if answer is None:
                return ()
            given.append(answer[0])
        return tuple(given)

    # -- automatic backups ---------------------------------------------------------

    def auto_backup_all(self) -> None:
        """Offer every open writable dossier to backups.auto_backup, off the GUI thread (the timer calls this)."""
        from raadsdossier.gui import tasks
        from raadsdossier.services import safety

        for view in self.views():
            if not view.dossier.read_only:
                dossier = view.dossier
                tasks.run_in_background(lambda d=dossier: safety.auto_backup(d), self._auto_backup_done,
                                        self._auto_backup_failed)

    def _close_dossier(self, view: DossierView, backup: bool = True) -> None:
        """Close `view`'s dossier, with the automatic backup when one is due (on this thread: there is no
        later to wait for)."""
        from raadsdossier.services.dossiers import close_dossier

        closed = close_dossier(view.dossier, backup=backup)
        if closed.backup_problem:
            self._auto_backup_failed(closed.backup_problem)
        else:
            self._auto_backup_done(closed.backup)

    def _auto_backup_done(self, path) -> None:
        if path is not None:
            self.statusBar().showMessage(_t("Automatische reservekopie gemaakt: %1").replace("%1", Path(path).name),
                                         5000)

    def _auto_backup_failed(self, problem: Exception | str) -> None:
        self.statusBar().showMessage(_t("Automatische reservekopie niet gelukt: %1").replace("%1", str(problem)), 15000)
