"""The main window's menus, toolbar and action icons: a mixin of MainWindow (it uses the window's own slots, such
as open_dialog and export_pack). Its texts are translated in MainWindow's context, where they have always been.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolBar

from raadsdossier.gui.lazy_qt import set_by_name


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def _set_shortcut(action: QAction, shortcut) -> None:
    """action.setShortcut(QKeySequence(shortcut)), as Qt does it, through setShortcuts: telling setShortcut's
    overloads apart makes Qt's namespace in Python, which the first screen does not make (gui/lazy_qt.py).
    `shortcut`: a QKeySequence.StandardKey, or text such as "Ctrl+E"."""
    from PySide6.QtGui import QKeySequence  # see WindowMenus._build_menus

    sequence = QKeySequence(shortcut)
    action.setShortcuts([sequence] if not sequence.isEmpty() else [])


class WindowMenus:
    def _new_action(self, text: str, slot, name: str) -> QAction:
        action = QAction(self)  # not QAction(text, self): telling it from QAction(icon, text, self) loads QIcon
        action.setText(text)
        action.triggered.connect(slot)
        action.setObjectName(name)
        return action

    def _action(self, menu, text: str, slot, shortcut=None, name: str = "") -> QAction:
        return self._place(menu, self._new_action(text, slot, name), shortcut)

    @staticmethod
    def _place(menu, action: QAction, shortcut=None) -> QAction:
        if shortcut is not None:
            _set_shortcut(action, shortcut)
        menu.addAction(action)
        return action

    def _build_menus(self, fill: bool = True) -> None:
        """The menu bar's menus and the actions the toolbar shows; their menus' other actions, and every
        shortcut, come with `fill_menus`, which start-up calls once the first screen is painted (gui/app.py): on
        that screen the menus are closed, and filling them (thirty actions, Qt's key-sequence class made in
        Python for their shortcuts) was 10 M of the 262 M instructions it added to a bare window (bench/run.py
        "start")."""
        bar = self.menuBar()
        self._menus = [bar.addMenu(title) for title in (_t("&Bestand"), _t("Be&werken"), _t("&Zoeken"),
                                                        _t("Bee&ld"))]
        self.server_menu = bar.addMenu(_t("&Server"))  # its actions: gui/server_actions.py, made when first needed
        self.server_menu.setObjectName("server")
        self.server_menu.aboutToShow.connect(lambda: self.server_actions().menu_shown())
        self._menus.append(bar.addMenu(_t("&Help")))
        self.undo_action = self.undo_group.createUndoAction(self, _t("&Ongedaan maken"))
        self.redo_action = self.undo_group.createRedoAction(self, _t("Opnie&uw"))
        self.import_action = self._new_action(_t("&Importeren…"), self.import_files, "import")
        self.export_action = self._new_action(_t("&Vergaderstuk maken…"), self.export_pack, "export")
        self.backups_action = self._new_action(_t("&Reservekopieën…"), self.show_backups, "backups")
        self.new_item_action = self._new_action(_t("Nieuw &item"), self._new_item, "new-item")
        self.edit_action = self._new_action(_t("Item &bewerken"), self._edit_item, "edit")
        self.find_action = self._new_action(_t("&Zoeken in dossier"), self.search.focus, "find")
        self.tracker_action = self._new_action(_t("&Moties volgen"), self.show_tracker, "tracker")
        self.manual_action = self._new_action(_t("&Handleiding"), self.show_manual, "manual")
        self.tracker_action.setToolTip(_t("De moties van alle geopende dossiers in één lijst, met stemmingen en uitvoering"))
        self.menus_filled = False
        if fill:
            self.fill_menus()
        else:
            self._update_actions()

    def fill_menus(self) -> None:
        """Every action in its menu, with its shortcut (see _build_menus). Once."""
        from PySide6.QtGui import QKeySequence

        if self.menus_filled:
            return
        self.menus_filled = True
        file_menu, edit_menu, find_menu, view_menu, help_menu = self._menus
        self._action(file_menu, _t("&Nieuw dossier…"), self.new_dossier, QKeySequence.StandardKey.New, "new")
        self._action(file_menu, _t("&Openen…"), self.open_dialog, QKeySequence.StandardKey.Open, "open")
        self._action(file_menu, _t("&Voorbeelddossiers openen"), self.open_demo, None, "demo")
        self.recent_menu = file_menu.addMenu(_t("&Recente dossiers"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self.copy_action = self._action(file_menu, _t("&Kopie opslaan als…"), self.save_copy, "Ctrl+Shift+S", "copy")
        self._place(file_menu, self.export_action, "Ctrl+E")
        self._place(file_menu, self.import_action, "Ctrl+I")
        file_menu.addSeparator()
        self._place(file_menu, self.backups_action)
        self.check_action = self._action(file_menu, _t("Dossier &controleren…"), self.check_dossier, None, "check")
        self.encrypt_action = self._action(file_menu, _t("&Versleutelen…"), self.encrypt_dossier, None, "encrypt")
        self.password_action = self._action(file_menu, _t("&Wachtwoord wijzigen…"), self.change_password, None,
                                            "change-password")
        self.decrypt_action = self._action(file_menu, _t("Versleuteling &opheffen…"), self.decrypt_dossier, None,
                                           "decrypt")
        file_menu.addSeparator()
        self.close_action = self._action(file_menu, _t("&Sluiten"), lambda: self.close_tab(self.tabs.currentIndex()),
                                         "Ctrl+W", "close")
        file_menu.addSeparator()
        self._action(file_menu, _t("&Afsluiten"), self.close, "Ctrl+Q", "quit")

        _set_shortcut(self.undo_action, QKeySequence.StandardKey.Undo)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self._place(edit_menu, self.new_item_action, "Ctrl+Shift+N")
        self._place(edit_menu, self.edit_action, "F2")
        self.delete_action = self._action(edit_menu, _t("Item &verwijderen"), self._delete_item, "Ctrl+Del", "delete")
        self.paste_action = self._action(edit_menu, _t("Vragen &plakken…"), self._paste_questions, "Ctrl+Shift+V",
                                         "paste-questions")

        self._place(find_menu, self.find_action, QKeySequence.StandardKey.Find)

        for number, (text, key) in enumerate((
            (_t("Overzicht"), "overview"), (_t("Tijdlijn"), "timeline"), (_t("Moties"), "motions"),
            (_t("Vragen && antwoorden"), "question_sets"), (_t("Amnesty-checklist"), "checklist"),
        ), start=1):
            self._action(view_menu, text, lambda _checked=False, k=key: self._goto(k), f"Ctrl+{number}", f"goto-{key}")
        view_menu.addSeparator()
        self._place(view_menu, self.tracker_action, "Ctrl+Shift+M")
        language = view_menu.addMenu(_t("&Taal"))
        for text, code in (("Nederlands", "nl"), ("English", "en")):
            action = self._action(language, text, lambda _checked=False, c=code: self._set_language(c), None, f"lang-{code}")
            action.setCheckable(True)
            action.setChecked(self.settings.language == code)

        self._place(help_menu, self.manual_action, QKeySequence.StandardKey.HelpContents)
        self._action(help_menu, _t("&Over Raadsdossier"), self._about, None, "about")
        self._update_actions()

    def server_actions(self):
        """The Server menu's actions and the server status (gui/server_actions.py, imported when first needed)."""
        from raadsdossier.gui.server_actions import ServerActions

        return ServerActions.of(self)

    def _server_status(self) -> None:
        """The current dossier's server status, read off the GUI thread, when it comes from a server; a dossier
        that does not costs one read of its settings, and imports nothing."""
        from raadsdossier.storage.store_keys import ORIGIN_KEY

        view = self.current_view()
        try:
            from_server = view is not None and bool(view.dossier.meta(ORIGIN_KEY))
        except Exception:  # unreadable now: nothing to show
            from_server = False
        if from_server or getattr(self, "_server_actions", None) is not None:
            self.server_actions().refresh_status()

    def _build_toolbar(self) -> None:
        """The main actions in reach, with their names beside the icons (decorate() adds the icons)."""
        bar = QToolBar(_t("Werkbalk"))
        bar.setObjectName("main-toolbar")
        bar.setAccessibleName(_t("Werkbalk"))
        bar.setMovable(False)
        bar.setIconSize(QSize(20, 20))
        set_by_name(bar, "toolButtonStyle", "ToolButtonTextBesideIcon")  # by name, as _set_shortcut says
        self.undo_action.setIconText(_t("Ongedaan maken"))
        self.redo_action.setIconText(_t("Opnieuw"))
        self.toolbar_actions = [
            ("import", self.import_action, _t("Importeren")),
            ("pack", self.export_action, _t("Vergaderstuk")),
            None,
            ("new-item", self.new_item_action, _t("Nieuw")),
            ("edit", self.edit_action, _t("Bewerken")),
            ("undo", self.undo_action, None),
            ("redo", self.redo_action, None),
            None,
            ("mdi6.clipboard-list-outline", self.tracker_action, _t("Moties volgen")),
            ("search", self.find_action, _t("Zoeken")),
            ("backups", self.backups_action, _t("Reservekopieën")),
            ("manual", self.manual_action, _t("Handleiding")),
        ]
        for entry in self.toolbar_actions:
            if entry is None:
                bar.addSeparator()
                continue
            _icon, action, text = entry
            if text:
                action.setIconText(text)
            bar.addAction(action)
        self.addToolBar(bar)  # in the top toolbar area
        self.toolbar = bar

    def decorate_soon(self) -> None:
        """Load the icons off the GUI thread and put them on the actions (called once the dossiers are open:
        earlier, the import would compete with the first screen for the interpreter)."""
        from raadsdossier.gui import icons

        icons.when_ready(self.decorate)

    def decorate(self) -> None:
        """The actions' icons. Not while building the window: loading the icon font (gui/icons.py) takes a
        quarter of a second, and the first screen is shown before it."""
        from raadsdossier.gui import icons

        for entry in self.toolbar_actions:
            if entry is not None:
                entry[1].setIcon(icons.icon(entry[0]))
        for name, key in (("new", "new-dossier"), ("open", "open"), ("check", "check"), ("close", "close")):
            action = self.findChild(QAction, name)
            if action is not None:
                action.setIcon(icons.icon(key))
