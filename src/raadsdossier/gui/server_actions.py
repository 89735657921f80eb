"""The Server menu (issue 19): the shared store on PostgreSQL in the window, as `raadsdossier server …` offers it
on the command line (services/store.py does the work).

- Opslag maken… / Dossiers op de server… (fetch one: a checkout, then open it) / Op de server zetten… (publish the
  current dossier) / Wijzigingen versturen (check in) / Bijwerken (update) / Conflicten oplossen…;
- the current dossier's server status in the status bar, for a dossier fetched from a server: changes to send,
  behind, up to date, or offline; read off the GUI thread, again after every server action and when the tab
  changes;
- the conflict dialog (gui/conflict_dialog.py) after a check-in or update that left conflicts.

This module is imported only when the Server menu is first shown or a dossier from a server becomes the current
one (gui/window_menus.py), never while the window starts. The server's address is remembered in the settings
(never a password: that belongs in ~/.pgpass or pg_service.conf). An action that writes the dossier file
closes it around the work and opens it again (SafetyActions._reopen_after), as the data-safety actions do.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from raadsdossier.gui import server_dialog, tasks
from raadsdossier.storage.store_keys import CONFLICTS_KEY, ORIGIN_KEY

# After an edit, the status is read again once the edits pause this long (it reads the whole dossier).
STATUS_AFTER_EDIT_MS = 1500


def t(text: str) -> str:
    return QCoreApplication.translate("ServerActions", text)


def _changes(count: int) -> str:
    return t("1 wijziging") if count == 1 else t("%1 wijzigingen").replace("%1", str(count))


def _conflicts(count: int) -> str:
    return t("1 conflict") if count == 1 else t("%1 conflicten").replace("%1", str(count))


def status_text(status) -> str:
    """What the status bar says of a checked-out dossier's services.store.Status."""
    if status.server_revision is None:
        text = t("Server niet bereikbaar — u werkt offline")
        if status.local_changes:
            text += "; " + t("%1 te versturen").replace("%1", _changes(status.local_changes))
        return text
    parts = []
    if status.conflicts:
        parts.append(t("%1 te beslissen").replace("%1", _conflicts(len(status.conflicts))))
    if status.local_changes:
        parts.append(t("%1 te versturen").replace("%1", _changes(status.local_changes)))
    if status.behind:
        parts.append(t("achter, versie %1 beschikbaar").replace("%1", str(status.server_revision)))
    return t("Server: %1").replace("%1", ", ".join(parts) if parts else t("bijgewerkt"))


def status_tooltip(status) -> str:
    if status.server_revision is None:
        return t("'%1' op %2; dit bestand is op versie %3. De server is nu niet te bereiken: u werkt offline verder "
                 "en verstuurt uw wijzigingen later.").replace("%1", status.dossier).replace("%2", status.url) \
            .replace("%3", str(status.revision))
    return t("'%1' op %2; dit bestand is op versie %3, de server op versie %4.").replace(
        "%1", status.dossier).replace("%2", status.url).replace("%3", str(status.revision)).replace(
        "%4", str(status.server_revision))


def sync_report(done, sent: bool) -> str:
    """"arnhem-wuhan: 3 wijzigingen verstuurd, 1 wijziging binnengehaald; nu versie 4." of a check-in (`sent`) or
    an update's services.store.Synced."""
    parts = []
    if sent:
        parts.append(t("%1 verstuurd").replace("%1", _changes(done.sent)) if done.sent else t("niets te versturen"))
    if done.taken:
        parts.append(t("%1 binnengehaald").replace("%1", _changes(done.taken)))
    elif not sent:
        parts.append(t("niets nieuws op de server"))
    return t("%1: %2; nu versie %3.").replace("%1", done.dossier).replace("%2", ", ".join(parts)).replace(
        "%3", str(done.revision))


def conflicts_from_status(stored: list[dict]) -> list:
    """The conflicts a dossier keeps (dossier_meta, as the last check-in or update reported them) as
    storage.store.Conflict, for the conflict dialog."""
    import json

    from raadsdossier.storage.store import Conflict

    return [Conflict(c["table"], json.dumps(c["key"]), c["field"], c.get("mine"), c.get("theirs"), c.get("by"),
                     c.get("at")) for c in stored]


class ServerActions(QObject):
    """The Server menu's actions and the server status of one main window."""

    @classmethod
    def of(cls, window) -> ServerActions:
        found = getattr(window, "_server_actions", None)
        if found is None:
            found = cls(window)
            window._server_actions = found
        return found

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.actions: dict[str, QAction] = {}
        self.label: QLabel | None = None
        self.busy = False
        self.conflict_dialog = None
        self._generation = 0  # of the status read last asked for: an older answer is dropped
        self._undecided: set[str] = set()  # item ids the user left undecided in the last conflict dialog
        self._edits = QTimer(self)
        self._edits.setSingleShot(True)
        self._edits.setInterval(STATUS_AFTER_EDIT_MS)
        self._edits.timeout.connect(self.refresh_status)
        self.fill_menu()

    # -- the menu -----------------------------------------------------------------

    def fill_menu(self) -> None:
        if self.actions:
            return
        menu = self.window.server_menu
        for entry in (
            ("server-init", t("Opslag &maken…"), self.init_store,
             t("De opslag voor dossiers maken in een PostgreSQL-database")),
            ("server-list", t("&Dossiers op de server…"), self.fetch_dossier,
             t("De dossiers op de server tonen en er een ophalen om in te werken")),
            None,
            ("server-publish", t("&Op de server zetten…"), self.publish,
             t("Het huidige dossier op de server zetten, zodat anderen het kunnen ophalen")),
            ("server-checkin", t("&Wijzigingen versturen"), self.checkin,
             t("Uw wijzigingen naar de server sturen en die van anderen binnenhalen")),
            ("server-update", t("&Bijwerken"), self.update,
             t("Binnenhalen wat anderen op de server wijzigden; uw eigen wijzigingen blijven hier")),
            ("server-resolve", t("&Conflicten oplossen…"), self.resolve_stored,
             t("Per item kiezen tussen uw waarde en die van de server")),
        ):
            if entry is None:
                menu.addSeparator()
                continue
            name, text, slot, tip = entry
            action = QAction(text, self.window)
            action.setObjectName(name)
            action.setStatusTip(tip)
            action.setToolTip(tip)
            action.triggered.connect(lambda _checked=False, s=slot: s())
            menu.addAction(action)
            self.actions[name] = action
        menu.setToolTipsVisible(True)
        self.update_actions()

    def menu_shown(self) -> None:
        self.fill_menu()
        self.update_actions()

    def _origin(self, view) -> tuple[bool, bool]:
        """(whether `view`'s dossier was fetched from a server, whether it keeps conflicts to decide)."""
        if view is None:
            return False, False
        try:
            return bool(view.dossier.meta(ORIGIN_KEY)), bool(view.dossier.meta(CONFLICTS_KEY))
        except Exception:  # unreadable now: the actions wait; opening it again says what is wrong
            return False, False

    def update_actions(self) -> None:
        view = self.window.current_view()
        from_server, conflicts = self._origin(view)
        writable = view is not None and not view.dossier.read_only
        for name, enabled in (("server-init", True), ("server-list", True),
                              ("server-publish", writable and not from_server),
                              ("server-checkin", writable and from_server), ("server-update", writable and from_server),
                              ("server-resolve", writable and from_server and conflicts)):
            action = self.actions.get(name)
            if action is not None:
                action.setEnabled(enabled and not self.busy)

    # -- the status ---------------------------------------------------------------

    def _status_label(self) -> QLabel:
        if self.label is None:
            self.label = QLabel()
            self.label.setObjectName("server-status")
            self.label.setAccessibleName(t("Serverstatus"))
            self.label.setContentsMargins(8, 0, 8, 0)
            self.window.statusBar().addPermanentWidget(self.label)
        return self.label

    def _show_status(self, text: str, tooltip: str = "") -> None:
        label = self._status_label()
        label.setText(text)
        label.setToolTip(tooltip)
        label.setAccessibleDescription(tooltip)
        label.setVisible(True)

    def refresh_status(self) -> None:
        """Read the current dossier's server status off the GUI thread and show it; hide it for a dossier not
        from a server."""
        self.update_actions()
        view = self.window.current_view()
        self._generation += 1
        generation = self._generation
        if view is None or not self._origin(view)[0]:
            if self.label is not None:
                self.label.setVisible(False)
            return
        if not getattr(view, "_server_watched", False):  # its edits change what there is to send
            view._server_watched = True
            view.changed.connect(lambda _change, v=view: self._edited(v))
        if self.label is None or not self.label.isVisible():
            self._show_status(t("Server: status wordt opgehaald…"))
        from raadsdossier.services import store

        dossier = view.dossier
        tasks.run_in_background(lambda: store.status(dossier), lambda status: self._status_read(generation, status),
                                lambda exc: self._status_failed(generation, exc))

    def _edited(self, view) -> None:
        if view is self.window.current_view():
            self._edits.start()

    def _status_read(self, generation: int, status) -> None:
        if generation != self._generation:
            return
        if status is None:
            if self.label is not None:
                self.label.setVisible(False)
        else:
            self._show_status(status_text(status), status_tooltip(status))
        self.update_actions()

    def _status_failed(self, generation: int, exc: Exception) -> None:
        if generation == self._generation:
            self._show_status(t("Server: status onbekend"), str(exc))

    # -- running the work ---------------------------------------------------------

    def _start(self, text: str) -> None:
        self.busy = True
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.window.statusBar().showMessage(text)
        self.update_actions()

    def _stop(self) -> None:
        if self.busy:
            self.busy = False
            QApplication.restoreOverrideCursor()
            self.window.statusBar().clearMessage()
        self.update_actions()

    def _run(self, work, on_done, busy_text: str) -> None:
        """`work()` off the GUI thread with the busy cursor; `on_done(result)`, or the error said in a message."""
        self._start(busy_text)

        def done(result):
            self._stop()
            on_done(result)

        tasks.run_in_background(work, done, self._failed)

    def _failed(self, exc: Exception) -> None:
        self._stop()
        QMessageBox.warning(self.window, t("Niet gelukt"), str(exc))
        self.refresh_status()

    def _remember(self, address: str) -> None:
        self.window.settings.server_address = address
        self.window.settings.save()

    def _told(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 15000)
        QMessageBox.information(self.window, t("Server"), text)

    # -- the actions --------------------------------------------------------------

    def init_store(self) -> None:
        """Server → Opslag maken…: the store's catalog in a PostgreSQL database (nothing changes if it is there)."""
        from raadsdossier.services import store

        address = server_dialog.ask_address(
            self.window, t("Opslag maken"),
            t("Maak de opslag voor dossiers in een PostgreSQL-database. De database zelf maakt de beheerder van de "
              "server; Raadsdossier maakt er zijn opslag in. Bestaat die al, dan verandert er niets."),
            self.window.settings.server_address, t("Opslag maken"))
        if address is None:
            return

        def done(made: bool) -> None:
            self._remember(address)
            self._told(t("Op %1 is de opslag gemaakt. Zet er dossiers op met Server → Op de server zetten.")
                       .replace("%1", address) if made else
                       t("Op %1 was de opslag er al; er is niets veranderd.").replace("%1", address))

        self._run(lambda: store.init(address), done, t("De opslag wordt gemaakt op %1…").replace("%1", address))

    def fetch_dossier(self):
        """Server → Dossiers op de server…: pick one, choose where to save it, fetch it (a checkout) and open it."""
        from raadsdossier.gui import workspace
        from raadsdossier.services import store
        from raadsdossier.storage.sqlitefile import SUFFIX

        choice = server_dialog.choose_dossier(self.window, self.window.settings.server_address)
        if choice is None:
            return
        address, stored = choice
        self._remember(address)
        workspace.dossier_dir().mkdir(parents=True, exist_ok=True)
        path = server_dialog.ask_save_path(self.window, workspace.dossier_dir() / f"{stored.name}{SUFFIX}")
        if path is None:
            return
        if path.exists():
            QMessageBox.warning(self.window, t("Niet opgehaald"), t(
                "Er is al een bestand %1. Ophalen overschrijft nooit een bestand: kies een andere naam.")
                .replace("%1", str(path)))
            return

        def done(synced) -> None:
            view = self.window.open_path(path)
            self._told(t("'%1' is opgehaald (versie %2) en staat in %3. U werkt erin zoals altijd, ook offline; "
                         "Server → Wijzigingen versturen stuurt uw wijzigingen terug.")
                       .replace("%1", synced.dossier).replace("%2", str(synced.revision)).replace("%3", str(path)))
            if view is not None:
                self.refresh_status()

        self._run(lambda: store.checkout(address, stored.name, path), done,
                  t("'%1' wordt opgehaald van de server…").replace("%1", stored.name))

    def publish(self) -> None:
        """Server → Op de server zetten…: the current dossier on the server; the file is then checked out."""
        from raadsdossier.services import store

        view = self.window.current_view()
        if view is None or view.dossier.read_only:
            return
        answer = server_dialog.ask_publish(self.window, self.window.settings.server_address, view.dossier.path.stem)
        if answer is None:
            return
        address, name = answer
        path, password = view.dossier.path, view.dossier.password

        def done(synced) -> None:
            self._stop()
            self._remember(address)
            self._told(t("%1 staat op de server als '%2' (versie %3). Dit bestand is nu opgehaald van de server: "
                         "stuur uw wijzigingen met Server → Wijzigingen versturen.")
                       .replace("%1", path.name).replace("%2", synced.dossier).replace("%3", str(synced.revision)))
            self.refresh_status()

        self._start(t("%1 wordt op de server gezet…").replace("%1", path.name))
        self.window._reopen_after(view, lambda: store.publish(path, address, name, password), password, password,
                                  done, self._failed)

    def checkin(self) -> None:
        """Server → Wijzigingen versturen."""
        self._undecided = set()
        self.sync(self.window.current_view(), True)

    def update(self) -> None:
        """Server → Bijwerken."""
        self._undecided = set()
        self.sync(self.window.current_view(), False)

    def sync(self, view, send: bool, mine=(), theirs=(), decided: str = "") -> None:
        """Check in (`send`) or update `view`'s dossier, with the choices `mine` / `theirs` (item ids) for
        conflicts reported before; report what happened, and show the conflicts left."""
        from raadsdossier.services import store

        if view is None or view.dossier.read_only or not self._origin(view)[0]:
            return
        path, password = view.dossier.path, view.dossier.password
        mine, theirs = list(mine), list(theirs)
        if send:
            work = lambda: store.checkin(path, password, mine, theirs)  # noqa: E731
            busy = t("Wijzigingen van %1 worden verstuurd…").replace("%1", path.name)
        else:
            work = lambda: store.update(path, password, theirs)  # noqa: E731
            busy = t("%1 wordt bijgewerkt van de server…").replace("%1", path.name)

        def done(synced) -> None:
            self._stop()
            report = (decided + " " if decided else "") + sync_report(synced, send)
            self.refresh_status()
            new = [c for c in synced.conflicts if c.item_id not in self._undecided]
            if new:
                self.show_conflicts(path, synced.dossier, synced.conflicts, report)
                return
            if synced.conflicts:
                report += " " + (t("Eén conflict wacht nog op uw keuze (Server → Conflicten oplossen…); tot dan "
                                   "blijven beide waarden bewaard.") if len(synced.conflicts) == 1 else
                                 t("%1 conflicten wachten nog op uw keuze (Server → Conflicten oplossen…); tot dan "
                                   "blijven beide waarden bewaard.").replace("%1", str(len(synced.conflicts))))
            self._told(report)

        self._start(busy)
        self.window._reopen_after(view, work, password, password, done, self._failed)

    # -- conflicts ----------------------------------------------------------------

    def show_conflicts(self, path: Path, name: str, conflicts: list, report: str = ""):
        """The conflict dialog for the dossier at `path` (open in the window); returns it (shown, not waited for)."""
        from raadsdossier.gui.conflict_dialog import ConflictDialog, item_names

        view = self.window.view_for(path)
        names = item_names(view.dossier, [c.item_id for c in conflicts]) if view is not None else {}
        if report:
            self.window.statusBar().showMessage(report, 15000)
        dialog = ConflictDialog(self.window, name, conflicts, names, report)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(lambda mine, theirs: self._decide(path, dialog, mine, theirs))
        dialog.rejected.connect(lambda: self._later(len(conflicts)))
        self.conflict_dialog = dialog
        dialog.open()
        return dialog

    def resolve_stored(self):
        """Server → Conflicten oplossen…: the conflicts the current dossier keeps from its last check-in or update."""
        import json

        view = self.window.current_view()
        if view is None:
            return None
        try:
            raw, origin = view.dossier.meta(CONFLICTS_KEY), json.loads(view.dossier.meta(ORIGIN_KEY) or "{}")
        except Exception as exc:
            QMessageBox.warning(self.window, t("Niet gelukt"), str(exc))
            return None
        conflicts = conflicts_from_status(json.loads(raw)) if raw else []
        if not conflicts:
            self._told(t("%1 heeft geen conflicten met de server.").replace("%1", view.dossier.path.name))
            return None
        self._undecided = set()
        return self.show_conflicts(view.dossier.path, origin.get("dossier", view.dossier.path.stem), conflicts)

    def _decide(self, path: Path, dialog, mine: list[str], theirs: list[str]) -> None:
        """Toepassen: a check-in with the choices (an update when every choice is the server's value)."""
        self.conflict_dialog = None
        self._undecided = {c.item_id for c in dialog.conflicts} - set(mine) - set(theirs)
        view = self.window.view_for(path)
        chosen = len(mine) + len(theirs)
        decided = (t("Gekozen voor 1 item: %2 met uw waarde, %3 met die van de server.") if chosen == 1 else
                   t("Gekozen voor %1 items: %2 met uw waarde, %3 met die van de server.")).replace(
            "%1", str(chosen)).replace("%2", str(len(mine))).replace("%3", str(len(theirs)))
        self.sync(view, bool(mine), mine, theirs, decided)

    def _later(self, count: int) -> None:
        self.conflict_dialog = None
        self._told((t("Het conflict blijft bewaard tot u kiest") if count == 1 else
                    t("De %1 conflicten blijven bewaard tot u kiest").replace("%1", str(count))) + ": " +
                   t("uw waarden in dit dossier, die van de server op de server. Van de items in conflict is niets "
                     "verstuurd of overschreven. Kies later met Server → Conflicten oplossen…"))
