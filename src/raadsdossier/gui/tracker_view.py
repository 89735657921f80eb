"""Moties volgen: every motion of a library of dossiers (the open ones, or a folder of them) in one list, with who
submitted it, how each party voted and what became of it; sorted and filtered, each opened in its dossier.

The library is read by services/library.py off the GUI thread (a folder of many dossiers takes a while) and held
in memory; the filters ask it again (`library.track`), also off the GUI thread. Nothing here reads a dossier.
The window shows motions at every level (they are the user's own dossiers on their own computer), marked as
the dossier's lists mark them: a non-public row shaded, a confidential one in bold.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView, QButtonGroup, QComboBox, QFileDialog, QGridLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QProgressBar, QPushButton, QRadioButton, QSplitter, QStackedWidget, QTableView, QTextBrowser,
    QVBoxLayout, QWidget,
)

from raadsdossier.domain.enums import Confidentiality, FollowUpState, MotionStatus
from raadsdossier.domain.errors import DossierError
from raadsdossier.gui import tasks
from raadsdossier.gui.forms import PARTIAL_DATE_RE, compact
from raadsdossier.gui.i18n import label
from raadsdossier.gui.reading_page import MUTED, esc
from raadsdossier.gui.row_fit import VisibleRowFit
from raadsdossier.gui.tracker_model import CAPS, GIVE_WAY, RowRole, SortRole, TITLE, TrackerModel, abbreviations
from raadsdossier.services import library as motion_library

# The pane reading the chosen motion: this part of the width, within these bounds; the list has the rest.
PANE_SHARE, PANE_MIN, PANE_MAX = 0.38, 380, 580
TITLE_MIN = 240  # the title column's least width before other columns give way
FILTER_DELAY = 250  # ms after the last keystroke in a text filter


class TrackerView(QWidget):
    """The tab "Moties volgen". `open_motion(path, motion id)` when the user opens a motion in its dossier."""

    open_motion = Signal(str, str)
    message = Signal(str)

    def __init__(self, window, parent=None) -> None:
        super().__init__(parent)
        self.window_ = window  # the main window: its open dossiers, its settings
        self.library: motion_library.Library | None = None
        self.stale = True  # read again when next shown
        self.reading = False
        self._generation = 0  # which filtering is the latest; an older one that arrives later is dropped
        settings = getattr(window, "settings", None)
        folder = settings.data.get("tracker_folder") if settings is not None else None
        self.folder: Path | None = Path(folder) if folder else None
        self.setAccessibleName(self.tr("Moties volgen"))

        # What is read: the open dossiers, or a folder of them.
        self.use_open = QRadioButton(self.tr("de geopende dossiers"))
        self.use_folder = QRadioButton()
        self.use_open.setChecked(True)
        self.sources = QButtonGroup(self)
        self.sources.addButton(self.use_open)
        self.sources.addButton(self.use_folder)
        self.use_open.toggled.connect(lambda _checked: self._source_changed())
        self.choose_button = QPushButton(self.tr("Map kiezen…"))
        self.choose_button.clicked.connect(self.choose_folder)
        self.reload_button = QPushButton(self.tr("Opnieuw lezen"))
        self.reload_button.setToolTip(self.tr("Lees de dossiers opnieuw, met wat er sinds is veranderd"))
        self.reload_button.clicked.connect(self.reload)
        source_row = QHBoxLayout()
        source_row.addWidget(QLabel(self.tr("Moties uit:")))
        source_row.addWidget(self.use_open)
        source_row.addWidget(self.use_folder)
        source_row.addWidget(self.choose_button)
        source_row.addStretch(1)
        source_row.addWidget(self.reload_button)
        self._show_folder()

        # The filters.
        self.party = compact(QComboBox())
        self.party.setEditable(True)
        self.party.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.party.lineEdit().setPlaceholderText(self.tr("alle fracties"))
        self.party.setAccessibleName(self.tr("Fractie"))
        self.party.setToolTip(self.tr("De moties die deze fractie indiende of waarover zij stemde"))
        self.submitter = QLineEdit()
        self.submitter.setPlaceholderText(self.tr("naam of deel ervan"))
        self.submitter.setAccessibleName(self.tr("Indiener"))
        self.submitter.setClearButtonEnabled(True)
        self.status = compact(QComboBox())
        self.status.addItem(self.tr("alle"), None)
        for value in MotionStatus:
            self.status.addItem(label(value.value), value.value)
        self.status.setAccessibleName(self.tr("Status"))
        self.follow_up = compact(QComboBox())
        self.follow_up.addItem(self.tr("alle"), None)
        self.follow_up.addItem(self.tr("te laat"), motion_library.OVERDUE)
        self.follow_up.addItem(self.tr("niet bijgehouden"), motion_library.NO_FOLLOW_UP)
        for value in FollowUpState:
            self.follow_up.addItem(label(value.value), value.value)
        self.follow_up.setAccessibleName(self.tr("Uitvoering"))
        self.since = QLineEdit()
        self.since.setValidator(QRegularExpressionValidator(PARTIAL_DATE_RE, self.since))
        self.since.setPlaceholderText(self.tr("JJJJ, JJJJ-MM of JJJJ-MM-DD"))
        self.since.setAccessibleName(self.tr("Sinds"))
        self.since.setClearButtonEnabled(True)
        self.clear_button = QPushButton(self.tr("Filters wissen"))
        self.clear_button.clicked.connect(self.clear_filters)
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY)
        self._filter_timer.timeout.connect(self.apply_filters)
        self.party.currentTextChanged.connect(lambda _text: self._filter_timer.start())
        self.submitter.textChanged.connect(lambda _text: self._filter_timer.start())
        self.since.textChanged.connect(lambda _text: self._filter_timer.start())
        self.status.activated.connect(lambda _index: self.apply_filters())
        self.follow_up.activated.connect(lambda _index: self.apply_filters())
        self.filter_box = QWidget()
        filters = QGridLayout(self.filter_box)
        filters.setContentsMargins(0, 0, 0, 0)
        for column, (caption, widget) in enumerate((
                (self.tr("Fractie"), self.party), (self.tr("Indiener"), self.submitter), (self.tr("Status"), self.status),
                (self.tr("Uitvoering"), self.follow_up), (self.tr("Sinds"), self.since))):
            filters.addWidget(QLabel(caption), 0, column)
            filters.addWidget(widget, 1, column)
            filters.setColumnStretch(column, 1)
        filters.addWidget(self.clear_button, 1, 5)

        # The list, and the motion chosen in it read beside it.
        self.model = TrackerModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Moties in alle dossiers"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the service's order: newest first
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.row_fit = VisibleRowFit(self.table)  # a long title wraps in its row, never cut off
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activated)  # a double click, or Enter
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._show_motion(current))
        self.table.viewport().installEventFilter(self)
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Aantal moties"))

        self.empty_text = QLabel()
        self.empty_text.setWordWrap(True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text.setMaximumWidth(760)  # a sentence across a wide window is hard to read
        self.empty_text.setAccessibleName(self.tr("Nog geen moties"))
        self.empty_buttons: dict[str, QPushButton] = {}
        empty_row = QHBoxLayout()
        empty_row.addStretch(1)
        for name, caption, slot in (("open", self.tr("Dossier openen…"), lambda: self.window_.open_dialog()),
                                    ("folder", self.tr("Map kiezen…"), self.choose_folder),
                                    ("clear", self.tr("Filters wissen"), self.clear_filters)):
            button = QPushButton(caption)
            button.setObjectName(f"tracker-{name}")
            button.clicked.connect(slot)
            self.empty_buttons[name] = button
            empty_row.addWidget(button)
        empty_row.addStretch(1)
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        text_row = QHBoxLayout()  # centred at its greatest width (an alignment flag would cut a wrapped text short)
        text_row.addStretch(1)
        text_row.addWidget(self.empty_text, 100)
        text_row.addStretch(1)
        empty_layout.addLayout(text_row)
        empty_layout.addLayout(empty_row)
        empty_layout.addStretch(2)
        self.empty = empty

        listing = QWidget()
        listing_layout = QVBoxLayout(listing)
        listing_layout.setContentsMargins(0, 0, 0, 0)
        listing_layout.addWidget(self.table, 1)
        self.left = QStackedWidget()
        self.left.addWidget(listing)
        self.left.addWidget(empty)

        self.open_button = QPushButton(self.tr("Openen in het dossier"))
        self.open_button.setToolTip(self.tr("De motie in haar dossier openen (dubbelklik of Enter in de lijst)"))
        self.open_button.clicked.connect(lambda: self._activated(self.table.currentIndex()))
        self.open_button.setEnabled(False)
        self.reader = QTextBrowser()
        self.reader.setOpenLinks(False)
        self.reader.setAccessibleName(self.tr("Lezen: de gekozen motie"))
        pane = QWidget()
        pane_layout = QVBoxLayout(pane)
        pane_layout.setContentsMargins(0, 0, 0, 0)
        button_row = QHBoxLayout()
        button_row.addStretch(1)
        button_row.addWidget(self.open_button)
        pane_layout.addLayout(button_row)
        pane_layout.addWidget(self.reader, 1)
        self.pane = pane
        self.splitter = QSplitter()
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(0, 1)  # a wider window widens the list, whose columns then come back
        self.splitter.setStretchFactor(1, 0)

        # Reading: progress while the dossiers are read, then what was read and what was skipped, and why.
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # the service reads the dossiers in one call: busy, not counted
        self.progress.setAccessibleName(self.tr("Bezig met lezen"))
        self.progress.setMaximumHeight(14)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status_text = QLabel()
        self.status_text.setWordWrap(True)
        self.status_text.setTextFormat(Qt.TextFormat.PlainText)
        self.status_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_text.setAccessibleName(self.tr("Wat er is gelezen"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_text, 1)
        bottom.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(source_row)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.progress)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)
        self._show_motion(QModelIndex())
        self._show_empty()

    # -- what is read ---------------------------------------------------------------

    def _show_folder(self) -> None:
        if self.folder is None:
            self.use_folder.setText(self.tr("een map (nog niet gekozen)"))
            self.use_folder.setEnabled(False)
        else:
            self.use_folder.setText(self.tr("de map %1").replace("%1", str(self.folder)))
            self.use_folder.setEnabled(True)
        self.use_folder.setToolTip(str(self.folder or ""))

    def _source_changed(self) -> None:
        self.reload()

    def choose_folder(self) -> None:
        """Ask for a folder of dossiers and read it."""
        from raadsdossier.gui import workspace

        start = str(self.folder or workspace.dossier_dir())
        name = QFileDialog.getExistingDirectory(self, self.tr("Map met dossiers kiezen"), start)
        if name:
            self.set_folder(Path(name))

    def set_folder(self, folder: Path) -> None:
        """Read the dossiers in `folder` (and remember it for the next time)."""
        self.folder = Path(folder)
        settings = getattr(self.window_, "settings", None)
        if settings is not None:
            settings.data["tracker_folder"] = str(self.folder)
            try:
                settings.save()
            except OSError:  # a preference only
                pass
        self._show_folder()
        if self.use_folder.isChecked():
            self.reload()
        else:
            self.use_folder.setChecked(True)  # reads it (_source_changed)

    def paths(self) -> tuple[list[Path], dict[Path, str]]:
        """The dossier files to read and the passwords known for them (those of the open dossiers)."""
        views = self.window_.views()
        passwords = {view.dossier.path: view.dossier.password for view in views if view.dossier.password}
        if self.use_folder.isChecked() and self.folder is not None:
            return [self.folder], passwords
        return [view.dossier.path for view in views] + [glance.path for glance in self.window_.glances()], passwords

    def mark_stale(self) -> None:
        """Something the tracker shows may have changed (a dossier opened, closed or edited): read again when shown."""
        self.stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not getattr(self, "_split_done", False):  # the divider's place, once the tab has its real width
            self._split_done = True
            width = max(self.splitter.width(), 600)
            pane = min(max(int(width * PANE_SHARE), PANE_MIN), PANE_MAX)
            self.splitter.setSizes([width - pane, pane])
        if self.stale and not self.reading:
            QTimer.singleShot(0, self.reload)  # after the tab is drawn
        self._reflow()

    def reload(self) -> None:
        """Read the library again, off the GUI thread, with a busy bar; then list it through the filters."""
        if self.reading:
            self.stale = True  # read again once this reading is in: what to read changed meanwhile
            return
        self.stale = False
        paths, passwords = self.paths()
        if not paths:
            self.library = None
            self.model.set_rows([], {})
            self.status_text.setText("")
            self._update_count()
            self._show_empty()
            return
        self.reading = True
        self.progress.show()
        self.reload_button.setEnabled(False)
        files = self._count_files(paths)
        self.status_text.setText(self.tr("Bezig met het lezen van %1…").replace("%1", self._dossiers_text(files))
                                 if files else self.tr("De dossiers worden gelezen…"))
        self._show_empty()  # a list not read before says that it is being read
        tasks.run_in_background(lambda: motion_library.open_library(paths, passwords=passwords), self._read,
                                self._failed)

    def _count_files(self, paths: list[Path]) -> int:
        try:
            return len(motion_library.library_files(paths))
        except DossierError:
            return 0

    def _dossiers_text(self, count: int) -> str:
        return self.tr("1 dossier") if count == 1 else self.tr("%1 dossiers").replace("%1", str(count))

    def _motions_text(self, count: int) -> str:
        return self.tr("1 motie") if count == 1 else self.tr("%1 moties").replace("%1", str(count))

    def _read(self, found: motion_library.Library) -> None:
        self.reading = False
        self.progress.hide()
        self.reload_button.setEnabled(True)
        self.library = found
        if self.stale:
            QTimer.singleShot(0, self.reload)
        self._fill_parties()
        total = sum(dossier.motions for dossier in found.dossiers)
        text = self.tr("Gelezen: %1 uit %2.").replace("%1", self._motions_text(total)) \
            .replace("%2", self._dossiers_text(len(found.dossiers)))
        for skipped in found.skipped:
            text += "\n" + self.tr("Overgeslagen: %1 — %2").replace("%1", skipped.path.name).replace("%2", skipped.reason)
        self.status_text.setText(text)
        if not self.isVisible():  # read while another tab was shown: the window's status bar says it there
            self.message.emit(text.replace("\n", " "))
        self.apply_filters()

    def _failed(self, exc: Exception) -> None:
        self.reading = False
        self.progress.hide()
        self.reload_button.setEnabled(True)
        self.library = None
        self.model.set_rows([], {})
        text = str(exc) if isinstance(exc, DossierError) else self.tr("De dossiers konden niet worden gelezen: %1") \
            .replace("%1", str(exc))
        self.status_text.setText(text)
        self.message.emit(text)
        self._update_count()
        self._show_empty()

    def _fill_parties(self) -> None:
        typed = self.party.currentText()
        names = sorted({party.name for party in self.library.parties if party.name}, key=str.casefold)
        self.party.blockSignals(True)
        self.party.clear()
        self.party.addItem("")
        for name in names:
            self.party.addItem(name)
        self.party.setEditText(typed)
        self.party.blockSignals(False)

    # -- filtering ------------------------------------------------------------------

    def filters(self) -> motion_library.MotionFilter:
        """The filters as chosen (every level listed: the user's own dossiers, on their own computer).
        InvalidInput for a date that does not exist."""
        since = self.since.text().strip() if self.since.hasAcceptableInput() else ""
        return motion_library.MotionFilter(
            party=self.party.currentText().strip() or None, submitter=self.submitter.text().strip() or None,
            status=self.status.currentData(), follow_up=self.follow_up.currentData(), since=since or None,
            include=frozenset({Confidentiality.INTERNAL.value, Confidentiality.CONFIDENTIAL.value}))

    def show_party(self, party: str) -> None:
        """The record of `party` in the open dossiers: the motions it submitted or voted on, as a party's page
        links to it. Listed once the dossiers are read (at once when they are)."""
        if not self.use_open.isChecked():
            self.use_open.setChecked(True)  # reads the open dossiers (_source_changed)
        self.party.setEditText(party)  # kept when the list of parties is filled in (_fill_parties)
        if self.library is not None and not self.reading and not self.stale:
            self.apply_filters()

    def is_filtered(self) -> bool:
        return bool(self.party.currentText().strip() or self.submitter.text().strip() or self.status.currentData()
                    or self.follow_up.currentData() or self.since.text().strip())

    def clear_filters(self) -> None:
        for edit in (self.party.lineEdit(), self.submitter, self.since):
            edit.clear()  # (its signal starts the filter timer, which apply_filters stops: one listing)
        self.party.setCurrentIndex(0)
        self.status.setCurrentIndex(0)
        self.follow_up.setCurrentIndex(0)
        self.apply_filters()

    def apply_filters(self) -> None:
        """List the library through the filters (off the GUI thread: a large library takes a moment)."""
        self._filter_timer.stop()
        if self.library is None:
            return
        try:
            chosen = self.filters()
        except DossierError as exc:
            self.count_label.setText(str(exc))
            return
        self._generation += 1
        generation, found = self._generation, self.library
        short = abbreviations(found)

        def done(tracked) -> None:
            if generation != self._generation:
                return
            self._list(tracked.motions, short)

        def failed(exc: Exception) -> None:
            if generation == self._generation:
                self.count_label.setText(str(exc))

        tasks.run_in_background(lambda: motion_library.track(found, chosen), done, failed, owner=self)

    def _list(self, rows: list[dict], short) -> None:
        keep = self.current_motion()
        self.model.set_rows(rows, short)
        self._fit_columns()
        self._update_count()
        self._show_empty()
        if keep is not None:
            self.select(keep["path"], keep["id"])
        if not self.table.currentIndex().isValid():
            self._show_motion(QModelIndex())

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        total = sum(d.motions for d in self.library.dossiers) if self.library is not None else 0
        if self.library is None:
            self.count_label.clear()
        elif shown == total and not self.is_filtered():
            self.count_label.setText(self._motions_text(shown))
        else:
            self.count_label.setText(self.tr("%1 van %2").replace("%1", str(shown)).replace("%2", self._motions_text(total)))

    def _show_empty(self) -> None:
        """The list, or a sentence saying what belongs there and how to get it."""
        rows = self.model.rowCount()
        has_dossiers = self.library is not None and bool(self.library.dossiers)
        self.filter_box.setEnabled(has_dossiers)  # nothing to filter until there is something read
        if rows:
            self.left.setCurrentIndex(0)
            self.pane.show()
            return
        if self.reading:
            text, buttons = self.tr("De dossiers worden gelezen…"), ()
        elif has_dossiers and self.is_filtered():
            text, buttons = self.tr("Geen motie voldoet aan deze filters."), ("clear",)
        elif has_dossiers:
            text = self.tr("In deze dossiers staan nog geen moties. Hier komen de moties uit al uw dossiers samen: wie "
                           "ze indiende, hoe elke fractie stemde en wat het college ermee deed. Importeer moties in "
                           "een dossier (Bestand → Importeren…), of maak er een in de lijst Moties van een dossier.")
            buttons = ("open", "folder")
        else:
            text = self.tr("Hier komen de moties uit al uw dossiers samen: wie ze indiende, hoe elke fractie stemde en "
                           "wat het college ermee deed. Open de dossiers die u wilt volgen, of kies een map met "
                           "dossiers.")
            buttons = ("open", "folder")
        self.empty_text.setText(text)
        for name, button in self.empty_buttons.items():
            button.setVisible(name in buttons)
        self.left.setCurrentIndex(1)
        self.pane.hide()

    # -- the list -------------------------------------------------------------------

    def _fit_columns(self) -> None:
        """Each column as wide as its content on the first screen (up to its cap); `_reflow` then shows what fits."""
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        bold = QFont(self.table.font())
        bold.setBold(True)  # a confidential row, an overdue follow-up
        cell_metrics = QFontMetrics(bold)
        self._natural = {}
        rows = min(self.proxy.rowCount(), 60)
        for column in range(self.model.columnCount()):
            if column == TITLE:
                continue
            widest = metrics.horizontalAdvance(self.model.headers[column]) + 28
            for row in range(rows):
                text = self.proxy.index(row, column).data() or ""
                widest = max(widest, cell_metrics.horizontalAdvance(text) + 16)
            self._natural[column] = min(widest, CAPS[column])
        self._reflow()

    def _reflow(self) -> None:
        """Show the columns that fit beside a readable title, giving way in GIVE_WAY's order; the list never
        needs a horizontal scroll bar."""
        natural = getattr(self, "_natural", None)
        if not natural:
            return
        room = self.table.viewport().width() - TITLE_MIN
        hidden = set()
        needed = sum(natural.values())
        for column in GIVE_WAY:
            if needed <= room:
                break
            hidden.add(column)
            needed -= natural[column]
        for column, width in natural.items():
            self.table.setColumnHidden(column, column in hidden)
            if column not in hidden:
                self.table.setColumnWidth(column, width)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._reflow()
        return super().eventFilter(watched, event)

    def current_motion(self) -> dict | None:
        index = self.table.currentIndex()
        return index.data(RowRole) if index.isValid() else None

    def row_of(self, path: str, motion_id: str) -> int:
        """The row (in the list as sorted) of a motion, or -1."""
        for row in range(self.proxy.rowCount()):
            data = self.proxy.index(row, 0).data(RowRole)
            if data["id"] == motion_id and (path is None or Path(data["path"]) == Path(path)):
                return row
        return -1

    def select(self, path: str | None, motion_id: str) -> bool:
        row = self.row_of(path, motion_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.proxy.index(row, TITLE))
        self.table.scrollTo(self.proxy.index(row, TITLE))
        return True

    def titles(self) -> list[str]:
        """The motions' titles as listed (for tests)."""
        return [self.proxy.index(row, TITLE).data() for row in range(self.proxy.rowCount())]

    def _activated(self, index) -> None:
        if not index.isValid():
            return
        data = index.data(RowRole)
        self.open_motion.emit(data["path"], data["id"])

    # -- the chosen motion ------------------------------------------------------------

    def _show_motion(self, index) -> None:
        data = index.data(RowRole) if index.isValid() else None
        self.open_button.setEnabled(data is not None)
        if data is None:
            text = self.tr("Kies een motie in de lijst om haar hier te lezen. Dubbelklik erop (of druk op Enter) om "
                           "haar in haar dossier te openen.")
            self.reader.setHtml(f"<p style='color:{MUTED}'>{esc(text)}</p>")
            return
        self.reader.setHtml(self.model.motion_html(data))
