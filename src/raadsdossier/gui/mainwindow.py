"""The main window: open dossiers as tabs, menus with shortcuts, search, undo/redo."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QFileDialog, QLabel, QMainWindow, QMessageBox, QPushButton, QStackedWidget, QTabWidget, QVBoxLayout, QWidget,
)

from raadsdossier import __version__
from raadsdossier.core import services
from raadsdossier.core.demo import write_demo_dossiers
from raadsdossier.core.errors import DossierError
from raadsdossier.core.storage import SUFFIX, Dossier
from raadsdossier.gui import workspace
from raadsdossier.gui.dossier_view import DossierView
from raadsdossier.gui.search_panel import SearchPanel

FILE_FILTER = "Raadsdossier (*.raadsdossier);;Alle bestanden (*)"


class MainWindow(QMainWindow):
    def __init__(self, settings: workspace.Settings) -> None:
        super().__init__()
        self.settings = settings
        self.undo_group = QUndoGroup(self)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setAccessibleName(self.tr("Open dossiers"))
        self.tabs.tabBar().setAccessibleName(self.tr("Open dossiers"))
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.search = SearchPanel(self._search_targets)
        self.search.open_hit.connect(self._open_hit)
        self.welcome = self._welcome_page()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(self.tabs)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self.resize(1280, 820)
        self._update_title()

    # -- building ------------------------------------------------------------------

    def _welcome_page(self) -> QWidget:
        page = QWidget()
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
        return page

    def _action(self, menu, text: str, slot, shortcut=None, name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        action.setObjectName(name)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Bestand"))
        self._action(file_menu, self.tr("&Nieuw dossier…"), self.new_dossier, QKeySequence.StandardKey.New, "new")
        self._action(file_menu, self.tr("&Openen…"), self.open_dialog, QKeySequence.StandardKey.Open, "open")
        self._action(file_menu, self.tr("&Voorbeelddossiers openen"), self.open_demo, None, "demo")
        self.recent_menu = file_menu.addMenu(self.tr("&Recente dossiers"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self.copy_action = self._action(file_menu, self.tr("&Kopie opslaan als…"), self.save_copy, "Ctrl+Shift+S", "copy")
        self.export_action = self._action(file_menu, self.tr("&Vergaderstuk maken…"), self.export_pack, "Ctrl+E", "export")
        self.import_action = self._action(file_menu, self.tr("&Importeren…"), self.import_files, "Ctrl+I", "import")
        self.close_action = self._action(file_menu, self.tr("&Sluiten"), lambda: self.close_tab(self.tabs.currentIndex()),
                                         "Ctrl+W", "close")
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Afsluiten"), self.close, "Ctrl+Q", "quit")

        edit_menu = bar.addMenu(self.tr("Be&werken"))
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("&Ongedaan maken"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("Opnie&uw"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence.StandardKey.Redo])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.new_item_action = self._action(edit_menu, self.tr("Nieuw &item"), self._new_item, "Ctrl+Shift+N", "new-item")
        self.delete_action = self._action(edit_menu, self.tr("Item &verwijderen"), self._delete_item, "Ctrl+Del", "delete")
        self._action(edit_menu, self.tr("Vragen &plakken…"), self._paste_questions, "Ctrl+Shift+V", "paste-questions")

        find_menu = bar.addMenu(self.tr("&Zoeken"))
        self._action(find_menu, self.tr("&Zoeken in dossier"), self.search.focus, QKeySequence.StandardKey.Find, "find")

        view_menu = bar.addMenu(self.tr("Bee&ld"))
        for number, (text, key) in enumerate((
            (self.tr("Overzicht"), "overview"), (self.tr("Tijdlijn"), "timeline"), (self.tr("Moties"), "motions"),
            (self.tr("Vragen && antwoorden"), "question_sets"), (self.tr("Amnesty-checklist"), "checklist"),
        ), start=1):
            self._action(view_menu, text, lambda _checked=False, k=key: self._goto(k), f"Ctrl+{number}", f"goto-{key}")
        language = view_menu.addMenu(self.tr("&Taal"))
        for text, code in (("Nederlands", "nl"), ("English", "en")):
            action = self._action(language, text, lambda _checked=False, c=code: self._set_language(c), None, f"lang-{code}")
            action.setCheckable(True)
            action.setChecked(self.settings.language == code)

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&Over Raadsdossier"), self._about, None, "about")
        self._update_actions()

    # -- dossiers ------------------------------------------------------------------

    def views(self) -> list[DossierView]:
        return [self.tabs.widget(i) for i in range(self.tabs.count())]

    def current_view(self) -> DossierView | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, DossierView) else None

    def _search_targets(self):
        current = self.current_view()
        return (current.dossier if current else None), [view.dossier for view in self.views()]

    def open_path(self, path: Path, remember: bool = True) -> DossierView | None:
        """Open a dossier file as a tab (or switch to it when it is open); errors are shown, not raised."""
        path = Path(path).resolve()
        for index, view in enumerate(self.views()):
            if view.dossier.path.resolve() == path:
                self.tabs.setCurrentIndex(index)
                return view
        try:
            dossier = Dossier.open(path)
        except DossierError as exc:
            QMessageBox.warning(self, self.tr("Dossier niet geopend"), str(exc))
            return None
        view = DossierView(dossier)
        view.changed.connect(lambda _key: self._update_title())
        self.undo_group.addStack(view.undo_stack)
        index = self.tabs.addTab(view, view.title)
        self.tabs.setTabToolTip(index, str(path))
        self.tabs.setCurrentIndex(index)
        self.pages.setCurrentWidget(self.tabs)
        if remember:
            self.settings.add_recent(path)
            self._remember_open()
        return view

    def open_dialog(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(self, self.tr("Dossier openen"), str(workspace.dossier_dir()),
                                                      FILE_FILTER)
        for name in names:
            self.open_path(Path(name))

    def open_demo(self) -> list[DossierView]:
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
        from raadsdossier.gui.dialogs import NewDossierDialog

        dialog = NewDossierDialog(self)
        if dialog.exec() != NewDossierDialog.DialogCode.Accepted:
            return None
        fields = dialog.fields()
        slug = re.sub(r"[^a-z0-9]+", "-", f"{fields.dutch_side}-{fields.partner_name}".lower()).strip("-")
        workspace.dossier_dir().mkdir(parents=True, exist_ok=True)
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Nieuw dossier opslaan"),
                                                    str(workspace.dossier_dir() / f"{slug}{SUFFIX}"), FILE_FILTER)
        if not name:
            return None
        return self.create_dossier(Path(name), fields)

    def create_dossier(self, path: Path, fields) -> DossierView | None:
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        try:
            services.create_dossier(path, fields)
        except DossierError as exc:
            QMessageBox.warning(self, self.tr("Nieuw dossier"), str(exc))
            return None
        self.settings.mark_welcomed()
        return self.open_path(path)

    def save_copy(self) -> None:
        view = self.current_view()
        if view is None:
            return
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Kopie opslaan als"),
                                                    str(view.dossier.path.with_name(view.dossier.path.stem + "-kopie" + SUFFIX)),
                                                    FILE_FILTER)
        if name:
            try:
                view.dossier.save_copy(Path(name))
            except DossierError as exc:
                QMessageBox.warning(self, self.tr("Kopie niet opgeslagen"), str(exc))
            else:
                self.statusBar().showMessage(self.tr("Kopie opgeslagen: %1").replace("%1", name), 5000)

    def import_files(self, paths: list[Path] | None = None):
        from raadsdossier.gui.import_dialog import ImportDialog

        view = self.current_view()
        if view is None:
            return None
        dialog = ImportDialog(view, paths or [], self)
        dialog.open()
        if not paths:
            dialog.choose()
        return dialog

    def export_pack(self):
        from raadsdossier.gui.export_dialog import ExportDialog

        view = self.current_view()
        if view is None:
            return None
        dialog = ExportDialog(view.dossier, view.title, self)
        dialog.open()
        return dialog

    def close_tab(self, index: int) -> None:
        if index < 0:
            return
        view = self.tabs.widget(index)
        self.tabs.removeTab(index)
        self.undo_group.removeStack(view.undo_stack)
        view.close()
        view.deleteLater()
        if self.tabs.count() == 0:
            self.pages.setCurrentWidget(self.welcome)
        self._remember_open()

    def _remember_open(self) -> None:
        self.settings.open_files = [view.dossier.path for view in self.views()]
        self.settings.save()
        self._update_actions()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_files:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        if not self.settings.recent_files:
            self.recent_menu.addAction(self.tr("(geen)")).setEnabled(False)

    # -- actions on the current dossier --------------------------------------------

    def _tab_changed(self, _index: int) -> None:
        view = self.current_view()
        self.undo_group.setActiveStack(view.undo_stack if view else None)
        self._update_title()
        self._update_actions()
        if self.search.box.text():
            self.search.run_search()

    def _update_actions(self) -> None:
        has_view = self.current_view() is not None
        for action in (getattr(self, name, None) for name in ("copy_action", "export_action", "import_action", "close_action",
                                                                 "new_item_action", "delete_action")):
            if action is not None:
                action.setEnabled(has_view)

    def _update_title(self) -> None:
        view = self.current_view()
        if view is None:
            self.setWindowTitle("Raadsdossier")
            return
        state = self.tr("alleen-lezen") if view.dossier.read_only else self.tr("alle wijzigingen opgeslagen")
        self.setWindowTitle(f"{view.title} ({view.dossier.path.name}) — {state} — Raadsdossier")
        self.tabs.setTabText(self.tabs.currentIndex(), view.title)

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

    def _paste_questions(self) -> None:
        view = self.current_view()
        if view is not None:
            view.show_section("question_sets").paste_dialog()

    def _open_hit(self, path: str, item_id: str) -> None:
        view = self.open_path(Path(path), remember=False)
        if view is not None:
            view.open_item(item_id)

    def _set_language(self, code: str) -> None:
        self.settings.language = code
        self.settings.save()
        for action in self.findChildren(QAction):
            if action.objectName().startswith("lang-"):
                action.setChecked(action.objectName() == f"lang-{code}")
        QMessageBox.information(self, "Raadsdossier", self.tr("De nieuwe taal is actief na het herstarten van Raadsdossier."))

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("Over Raadsdossier"),
                          self.tr("<h3>Raadsdossier %1</h3><p>Dossiers over stedenbanden, en vergaderstukken daaruit. "
                                  "Werkt volledig zonder internet.</p>").replace("%1", __version__))

    def closeEvent(self, event) -> None:
        self._remember_open()
        for view in self.views():
            view.dossier.close()
        super().closeEvent(event)
