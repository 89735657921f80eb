"""The main window: open dossiers as tabs, menus with shortcuts, search, undo/redo, and the data-safety actions
(backups, check, encryption, automatic backups)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QUndoGroup
from PySide6.QtWidgets import (
    QLabel, QMainWindow, QPushButton, QStackedWidget, QTabWidget, QVBoxLayout, QWidget,
)

import raadsdossier
from raadsdossier.base.filenames import with_extension
from raadsdossier.storage import glance
from raadsdossier.domain.errors import DamagedDossier, DossierError
from raadsdossier.storage.sqlitefile import SUFFIX
from raadsdossier.gui import workspace
from raadsdossier.gui.lazy_qt import Qt
from raadsdossier.gui.glance_view import GlanceView
from raadsdossier.gui.safety_actions import SafetyActions
from raadsdossier.gui.window_menus import WindowMenus
from raadsdossier.gui.window_titles import WindowTitles
from raadsdossier.gui.search_panel import SearchPanel

if TYPE_CHECKING:
    from raadsdossier.gui.dossier_view import DossierView

# This module is imported before the data layer (SQLAlchemy and the models), so that the window can
# be shown first (show_glances); what needs the data layer imports it where it is used.

FILE_FILTER = "Raadsdossier (*.raadsdossier);;Alle bestanden (*)"
# How often open dossiers are offered to backups.auto_backup (which itself skips a dossier whose
# newest backup is younger than its policy's interval, or that did not change since).
AUTO_BACKUP_MINUTES = 10


# The window's first size, on a screen with room for it; a smaller screen gets a window that fits (fitted_size).
DEFAULT_SIZE = (1280, 820)
# What a window manager adds around a window (borders, title bar), which QWidget.resize does not count.
FRAME_ROOM = (16, 48)


def fitted_size(wanted: tuple[int, int], available: tuple[int, int]) -> tuple[int, int]:
    """`wanted` (width, height), made smaller where it and its frame do not fit in `available` (a screen's room
    beside its panels and task bar, Qt's QScreen.availableGeometry)."""
    return tuple(min(want, room - frame) for want, room, frame in zip(wanted, available, FRAME_ROOM))


class _BuiltWhenShown(QWidget):
    """A page whose content `build(page)` makes when it is first shown."""

    def __init__(self, build) -> None:
        super().__init__()
        self._build = build

    def showEvent(self, event) -> None:
        if self._build is not None:
            build, self._build = self._build, None
            build(self)
        super().showEvent(event)


class MainWindow(WindowMenus, WindowTitles, SafetyActions, QMainWindow):
    def __init__(self, settings: workspace.Settings, whole: bool = True) -> None:
        """`whole` False: what start-up's first screen does not show waits for `finish_building` (gui/app.py): the
        menus' actions beyond the toolbar's (see WindowMenus._build_menus), the search box's clear button and the tab
        bar's name for screen readers (the tab widget has it; naming the bar made its Python class, 0.6 ms)."""
        super().__init__()
        self.settings = settings
        self.unchecked_demo_copies: list[Path] | None = None  # a first start's, until checked (gui/app.py)
        self.uncopied_demo_dossiers: list[Path] | None = None  # a first start's, until copied (gui/app.py)
        self.undo_group = QUndoGroup(self)
        self.tracker = None  # the tab "Moties volgen" (gui/tracker_view.py), once opened
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setAccessibleName(self.tr("Open dossiers"))
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.search = SearchPanel(self._search_targets, clear_button=whole)
        self.search.open_hit.connect(self._open_hit)
        self.welcome = _BuiltWhenShown(self._welcome_page)  # seldom shown: not at a start with dossiers
        self.pages = QStackedWidget()
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(self.tabs)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        self.read_only_banner = QLabel()
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setAccessibleName(self.tr("Alleen-lezen"))
        self.read_only_banner.setVisible(False)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._build_menus(fill=whole)
        self._build_toolbar()
        self._size_and_place()
        self._update_title()
        if whole:
            self._name_tab_bar()
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(AUTO_BACKUP_MINUTES * 60 * 1000)
        self.backup_timer.timeout.connect(self.auto_backup_all)
        self.backup_timer.start()

    def _size_and_place(self) -> None:
        """The size, place and state the window had when it was last closed: Qt moves it onto a screen that is
        there, and refuses it (False) where the screen is much wider or narrower than it was, or nothing readable
        was saved. Then, as at a first start, DEFAULT_SIZE, or less where a screen it may open on has less room:
        the primary one or the one under the pointer (where window managers put a new window)."""
        saved = self.settings.window_geometry
        if saved and self.restoreGeometry(saved):
            return
        from PySide6.QtGui import QCursor, QGuiApplication

        screens = {QGuiApplication.primaryScreen(), QGuiApplication.screenAt(QCursor.pos())} - {None}
        rooms = [screen.availableGeometry() for screen in screens]
        if rooms:
            self.resize(*fitted_size(DEFAULT_SIZE, (min(room.width() for room in rooms),
                                                    min(room.height() for room in rooms))))
        else:  # no screen known (yet): the window manager fits it
            self.resize(*DEFAULT_SIZE)

    def finish_building(self) -> None:
        """What a window made for the first screen left out (see __init__); nothing when it is there already."""
        self.fill_menus()
        self.search.add_clear_button()
        self._name_tab_bar()

    def _name_tab_bar(self) -> None:
        self.tabs.tabBar().setAccessibleName(self.tr("Open dossiers"))

    # -- building ------------------------------------------------------------------

    def _welcome_page(self, page: QWidget) -> None:
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        text = QLabel(self.tr("<h1>Welkom bij Raadsdossier</h1><p>Eén dossier per stedenband: moties en stemmingen, "
                              "toezeggingen, vragen en antwoorden, collegestukken, demonstraties en de Amnesty-checklist."
                              "</p><p>Begin met de voorbeelddossiers of maak een nieuw dossier.</p>"))
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(text)
        for caption, slot, name in (
            (self.tr("Voorbeelddossiers openen"), self.open_demo, "demo"),
            (self.tr("Nieuw dossier…"), self.new_dossier, "new"),
            (self.tr("Dossier openen…"), self.open_dialog, "open"),
        ):
            button = QPushButton(caption)
            button.setObjectName(f"welcome-{name}")
            button.setAccessibleName(caption.rstrip("…"))
            button.clicked.connect(slot)
            button.setMinimumWidth(260)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def show_manual(self):
        """Help → Handleiding: the manual in the window's language."""
        from raadsdossier.gui.manual import show_manual

        return show_manual(self, self.settings.language)

    # -- dossiers ------------------------------------------------------------------

    def views(self) -> list[DossierView]:
        """The open dossiers' views, in tab order (not the glances still waiting to be opened, nor the tracker)."""
        return [widget for widget in self._tab_widgets() if not isinstance(widget, GlanceView) and widget is not self.tracker]

    def glances(self) -> list[GlanceView]:
        return [widget for widget in self._tab_widgets() if isinstance(widget, GlanceView)]

    def _tab_widgets(self) -> list:
        return [self.tabs.widget(i) for i in range(self.tabs.count())]

    def current_view(self) -> DossierView | None:
        widget = self.tabs.currentWidget()
        return None if widget is None or isinstance(widget, GlanceView) or widget is self.tracker else widget

    def show_glances(self, paths: list[Path], selectable_texts: bool = True,
                     read_from: list[Path] | None = None, read: list | None = None) -> None:
        """Start-up's first step: a tab per dossier with its Overzicht read by core/glance.py, without the
        data layer. `open_glances` then opens them properly, each in its tab's place. `read_from`: the files
        to read the glances from, where not `paths` themselves (a first start's demo dossiers before they are
        copied, gui/app.py). `read`: those glances already read (glance.ReadAhead). (`selectable_texts`: see
        GlanceView.)"""
        sources = read_from or paths
        if read is not None and len(read) != len(paths):
            read = None
        for number, (path, source) in enumerate(zip(paths, sources)):
            if number == 0:  # shown first: read whole; the others' titles now, their glance when first shown
                view = GlanceView(Path(path).resolve(), read[0] if read is not None else glance.glance(source),
                                  selectable_texts=selectable_texts)
            else:
                view = GlanceView(Path(path).resolve(),
                                  partnership=read[number] if read is not None else glance.glance_partnership(source),
                                  selectable_texts=selectable_texts, source=Path(source))
            index = self.tabs.addTab(view, view.title)
            self.tabs.setTabToolTip(index, str(view.path))
        if self.tabs.count():
            self.tabs.setCurrentIndex(0)
            self.pages.setCurrentWidget(self.tabs)

    def open_glances(self, remember: bool = False) -> None:
        """Open every glanced dossier the normal way (passwords, locks and damage are asked about as always);
        with `remember` they become recent files, as files given on the command line do."""
        glances = self.glances()
        for view in glances:
            self.open_path(view.path, remember=remember, in_place_of=view)
        if glances:
            self._remember_open()

    def _search_targets(self):
        """What Ctrl+F searches: the current dossier and every open one, each as (dossier, display name),
        the name as its tab shows it ("Arnhem – Wuhan")."""
        current = self.current_view()
        named = [(view.dossier, name) for view, name in self.names().items()]
        return next((pair for pair in named if current is not None and pair[0] is current.dossier), None), named

    def view_for(self, path: Path) -> DossierView | None:
        path = Path(path).resolve()
        return next((view for view in self.views() if view.dossier.path.resolve() == path), None)

    def open_path(self, path: Path, remember: bool = True, password: str | None = None,
                  in_place_of: GlanceView | None = None) -> DossierView | None:
        """Open a dossier file as a tab (or switch to it when it is open); errors are shown, not raised.

        Asks for the password of an encrypted dossier, offers read-only when another program has it
        open, and offers the newest good backup for a damaged one (gui/opening.py). With `in_place_of`
        the dossier takes that glance's tab (which goes when the dossier cannot be opened).
        """
        from raadsdossier.gui import opening
        from raadsdossier.gui.dossier_view import DossierView

        path = Path(path).resolve()
        for view in self.views():
            if view.dossier.path.resolve() == path:
                self.tabs.setCurrentWidget(view)
                return view
        if in_place_of is None:
            in_place_of = next((view for view in self.glances() if view.path == path), None)
        dossier = opening.open_dossier(self, path, password)
        if dossier is None:
            if in_place_of is not None:
                self.drop_glance(in_place_of)
            return None
        view = DossierView(dossier)
        view.changed.connect(lambda _change: (self._update_title(), self._tracker_stale()))
        view.message.connect(lambda text: self.statusBar().showMessage(text, 15000))
        view.party_record_asked.connect(lambda party: self.show_tracker().show_party(party))
        self.undo_group.addStack(view.undo_stack)
        if in_place_of is not None and self.tabs.indexOf(in_place_of) >= 0:
            was_current = self.tabs.currentWidget() is in_place_of
            overview = view.section("overview")
            if in_place_of.is_read and in_place_of.data is not None and overview.data is None:
                overview.show_glance(in_place_of.data)  # the same first screen until its own read is in
            index = self.tabs.insertTab(self.tabs.indexOf(in_place_of), view, self._tab_title(view))
            self.drop_glance(in_place_of)
            if was_current:
                self.tabs.setCurrentIndex(index)
        else:
            index = self.tabs.addTab(view, self._tab_title(view))
            self.tabs.setCurrentIndex(index)
        self.tabs.setTabToolTip(index, str(path))
        self._retitle_tabs()
        self.pages.setCurrentWidget(self.tabs)
        self._tracker_stale()
        self.verify_in_background(view)
        if remember:
            self.settings.add_recent(path)
            self._remember_open()
        return self.view_for(path)  # when the check ran at once and put a backup in its place: that tab

    def data_layer_failed(self, exc: Exception) -> None:
        """The data layer could not be imported (a damaged installation): say so; the glances stay readable."""
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(self, "Raadsdossier", self.tr(
            "De dossiers kunnen niet worden geopend, omdat een onderdeel van Raadsdossier ontbreekt of beschadigd is "
            "(%1). Installeer Raadsdossier opnieuw; uw dossiers zijn niet veranderd.").replace("%1", str(exc)))

    def drop_glance(self, view: GlanceView) -> None:
        index = self.tabs.indexOf(view)
        if index >= 0:
            self.tabs.removeTab(index)
        view.deleteLater()
        if self.tabs.count() == 0:
            self.pages.setCurrentWidget(self.welcome)

    def verify_in_background(self, view: DossierView) -> None:
        """Check the whole file off the GUI thread; if it is damaged, close it and offer the newest good backup."""
        dossier = view.dossier

        from raadsdossier.gui import opening

        def checked(verdict: str) -> None:
            if verdict == "ok" or view not in self.views():
                return
            path, password = dossier.path, dossier.password
            self.close_tab(self.tabs.indexOf(view), backup=False)  # never back up a damaged file over good ones
            damage = DamagedDossier(path, self.tr("het dossier is beschadigd (de integriteitscontrole meldt: %1).")
                                    .replace("%1", verdict))
            if opening.offer_backup(self, path, password, damage):
                self.open_path(path, password=password)

        # Not being able to check now (the file is busy or gone) is not damage: the next open checks again.
        from raadsdossier.gui import tasks

        tasks.run_in_background(dossier.quick_check, checked, lambda _exc: None)

    def open_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        names, _filter = QFileDialog.getOpenFileNames(self, self.tr("Dossier openen"), str(workspace.dossier_dir()),
                                                      FILE_FILTER)
        for name in names:
            self.open_path(Path(name))

    def open_demo(self) -> list[DossierView]:
        from PySide6.QtWidgets import QMessageBox

        from raadsdossier.services.demo import write_demo_dossiers

        try:
            write_demo_dossiers(workspace.demo_dir())
        except DossierError as exc:
            QMessageBox.warning(self, self.tr("Voorbeelddossiers"), str(exc))
            return []
        opened = [self.open_path(path) for path in sorted(workspace.demo_dir().glob(f"*{SUFFIX}"))]
        self.settings.mark_welcomed()
        self._remember_open()
        return [view for view in opened if view]

    def new_dossier(self) -> DossierView | None:
        from PySide6.QtWidgets import QFileDialog

        from raadsdossier.gui.dialogs import NewDossierDialog

        dialog = NewDossierDialog(self)
        if dialog.exec() != NewDossierDialog.DialogCode.Accepted:
            return None
        fields, password = dialog.fields(), dialog.chosen_password()
        slug = re.sub(r"[^a-z0-9]+", "-", f"{fields.dutch_side}-{fields.partner_name}".lower()).strip("-")
        workspace.dossier_dir().mkdir(parents=True, exist_ok=True)
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Nieuw dossier opslaan"),
                                                    str(workspace.dossier_dir() / f"{slug}{SUFFIX}"), FILE_FILTER)
        if not name:
            return None
        return self.create_dossier(Path(name), fields, password)

    def create_dossier(self, path: Path, fields, password: str | None = None) -> DossierView | None:
        from PySide6.QtWidgets import QMessageBox

        from raadsdossier.services import dossiers

        path = with_extension(path, SUFFIX)
        try:
            dossiers.create_dossier(path, fields, password=password)
        except DossierError as exc:
            QMessageBox.warning(self, self.tr("Nieuw dossier"), str(exc))
            return None
        self.settings.mark_welcomed()
        return self.open_path(path, password=password)

    def save_copy(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        view = self.current_view()
        if view is None:
            return
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Kopie opslaan als"),
                                                    str(view.dossier.path.with_name(view.dossier.path.stem + "-kopie" + SUFFIX)),
                                                    FILE_FILTER)
        if name:
            try:
                copy = view.dossier.save_copy(with_extension(name, SUFFIX))
            except DossierError as exc:
                QMessageBox.warning(self, self.tr("Kopie niet opgeslagen"), str(exc))
            else:
                self.statusBar().showMessage(self.tr("Kopie opgeslagen: %1").replace("%1", str(copy)), 5000)

    def import_files(self, paths: list[Path] | None = None):
        view = self.current_view()
        return view.import_dialog(paths) if view is not None else None

    def export_pack(self):
        from raadsdossier.gui.export_dialog import ExportDialog

        view = self.current_view()
        if view is None:
            return None
        dialog = ExportDialog(view.dossier, view.title, self,
                              [(other.title, other.dossier) for other in self.views() if other is not view])
        dialog.open()
        return dialog

    def close_tab(self, index: int, backup: bool = True) -> None:
        """Close the dossier of tab `index`, first making the automatic backup if one is due."""
        if index < 0:
            return
        view = self.tabs.widget(index)
        if view is self.tracker:
            self._close_tracker()
            return
        if isinstance(view, GlanceView):  # closed before it was opened: nothing to back up or close
            self.drop_glance(view)
            self._remember_open()
            return
        self._close_dossier(view, backup)
        self.tabs.removeTab(index)
        self.undo_group.removeStack(view.undo_stack)
        view.close()
        view.deleteLater()
        self._retitle_tabs()
        if self.tabs.count() == 0:
            self.pages.setCurrentWidget(self.welcome)
        self._remember_open()
        self._tracker_stale()

    def _remember_open(self) -> None:
        self.settings.open_files = [view.path if isinstance(view, GlanceView) else view.dossier.path
                                    for view in self._tab_widgets() if view is not self.tracker]
        self.settings.save()
        self._update_actions()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_files:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        if not self.settings.recent_files:
            self.recent_menu.addAction(self.tr("(geen)")).setEnabled(False)
        self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction(self.tr("Lijst wissen"))
        clear.setObjectName("clear-recent")
        clear.setEnabled(bool(self.settings.recent_files))
        clear.triggered.connect(self.clear_recent)

    def clear_recent(self) -> None:
        self.settings.clear_recent()
        self.settings.forget_pack_folders()  # where packs went also tells which dossiers were worked on
        self.settings.save()
        self.statusBar().showMessage(self.tr("De lijst met recente dossiers is gewist."), 5000)

    # -- actions on the current dossier --------------------------------------------

    def _tab_changed(self, _index: int) -> None:
        view = self.current_view()
        self.undo_group.setActiveStack(view.undo_stack if view else None)
        self._update_title()
        self._update_actions()
        self.search.refresh()  # only a list that is showing: one closed with Escape stays closed
        self._server_status()

    def _update_actions(self) -> None:
        view = self.current_view()
        has_view = view is not None
        writable = has_view and not view.dossier.read_only
        encrypted = has_view and view.dossier.encrypted
        for names, enabled in ((("copy_action", "export_action", "backups_action", "check_action"), has_view),
                               (("close_action",), self.tabs.currentIndex() >= 0),  # a dossier's tab or the tracker's
                               (("import_action", "new_item_action", "delete_action", "paste_action", "edit_action"), writable)):
            for action in (getattr(self, name, None) for name in names):
                if action is not None:
                    action.setEnabled(enabled)
        for name, visible in (("encrypt_action", not encrypted), ("password_action", encrypted),
                              ("decrypt_action", encrypted)):
            action = getattr(self, name, None)
            if action is not None:
                action.setVisible(visible)
                action.setEnabled(writable)
        if hasattr(self, "read_only_banner"):
            self.read_only_banner.setVisible(has_view and not writable)
            if has_view and not writable:
                # Styled when first shown: a style sheet makes Qt style the widget through a style-sheet style,
                # which cost the first screen of start-up 2 ms for a banner it never shows.
                if not self.read_only_banner.styleSheet():
                    self.read_only_banner.setStyleSheet("background: #fff4d6; color: #5c4400; padding: 6px 10px;")
                self.read_only_banner.setText(self.tr(
                    "%1 is alleen-lezen geopend: u kunt lezen, zoeken en vergaderstukken maken, maar niets wijzigen. "
                    "Sluit het dossier op de andere computer en open het opnieuw om te bewerken.")
                    .replace("%1", view.dossier.path.name))

    def _goto(self, key: str) -> None:
        view = self.current_view()
        if view is not None:
            view.show_section(key)

    def _new_item(self) -> None:
        view = self.current_view()
        if view is not None:
            view.current_section().new_item()

    def _delete_item(self) -> None:
        view = self.current_view()
        if view is not None:
            view.current_section().delete_selected()

    def _edit_item(self) -> None:
        view = self.current_view()
        if view is not None:
            edit = getattr(view.current_section(), "edit", None)
            if edit is not None:
                edit()

    def _paste_questions(self) -> None:
        view = self.current_view()
        if view is not None:
            view.show_section("question_sets").paste_dialog()

    # -- the motion tracker --------------------------------------------------------

    def show_tracker(self):
        """Beeld → Moties volgen: the tab listing the motions of every open dossier (or of a folder), opened
        first in the row of tabs when it is not open yet."""
        from raadsdossier.gui.tracker_view import TrackerView

        if self.tracker is None:
            self.tracker = TrackerView(self)
            self.tracker.open_motion.connect(self._open_hit)
            self.tracker.message.connect(lambda text: self.statusBar().showMessage(text, 15000))
            index = self.tabs.insertTab(0, self.tracker, self.tr("Moties volgen"))
            self.tabs.setTabToolTip(index, self.tr("De moties van alle geopende dossiers, of van een map met dossiers"))
        self.pages.setCurrentWidget(self.tabs)
        self.tabs.setCurrentWidget(self.tracker)
        return self.tracker

    def _close_tracker(self) -> None:
        tracker, self.tracker = self.tracker, None
        self.tabs.removeTab(self.tabs.indexOf(tracker))
        tracker.deleteLater()
        if self.tabs.count() == 0:
            self.pages.setCurrentWidget(self.welcome)

    def _tracker_stale(self) -> None:
        """A dossier was opened, closed or changed: the tracker reads again when it is next shown."""
        if self.tracker is not None:
            self.tracker.mark_stale()

    def _open_hit(self, path: str, item_id: str) -> None:
        view = self.open_path(Path(path), remember=False)
        if view is not None:
            view.open_item(item_id)

    def _set_language(self, code: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.settings.language = code
        self.settings.save()
        for action in self.findChildren(QAction):
            if action.objectName().startswith("lang-"):
                action.setChecked(action.objectName() == f"lang-{code}")
        QMessageBox.information(self, "Raadsdossier", self.tr("De nieuwe taal is actief na het herstarten van Raadsdossier."))

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, self.tr("Over Raadsdossier"),
                          self.tr("<h3>Raadsdossier %1</h3><p>Dossiers over stedenbanden, en vergaderstukken daaruit. "
                                  "Werkt volledig zonder internet.</p>").replace("%1", raadsdossier.__version__))

    def closeEvent(self, event) -> None:
        if not self.isMinimized():  # minimized from maximized, Qt's geometry may have lost the maximized state
            self.settings.window_geometry = self.saveGeometry().data()
        try:
            self._remember_open()  # writes the settings, the geometry too
        except OSError:  # a full disk or a read-only home: preferences only; the dossiers are still closed below
            pass
        self.backup_timer.stop()
        for view in self.views():
            self._close_dossier(view)
        super().closeEvent(event)
