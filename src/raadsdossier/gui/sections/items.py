"""A section listing items of one kind: filter box, sortable lazy table, and a pane that reads the chosen item.

The pane reads first: a typeset page (gui/reading.py) of the item. Bewerken (the button, F2 or a double
click on the row) turns the same pane into the item's form, which saves each field as it is left;
Klaar (or Escape) returns to reading. A section without items shows what belongs there instead of an
empty table, with buttons to make one or import some.
"""

from __future__ import annotations

import copy
import uuid

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QAbstractScrollArea, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QScrollArea,
    QSplitter, QStackedWidget, QTableView, QTableWidget, QTextBrowser, QVBoxLayout, QWidget,
)

from raadsdossier.domain.enums import Confidentiality
from raadsdossier.services import lists
from raadsdossier.gui.forms import ItemForm
from raadsdossier.gui.i18n import count_label, kind_label
from raadsdossier.gui.models import Column, IdRole, ItemTableModel
from raadsdossier.gui.reading_page import MUTED, TRACKER_SCHEME, item_title, short_title
from raadsdossier.gui.row_fit import VisibleRowFit
from raadsdossier.gui.sections.base import PEOPLE, Section
from raadsdossier.interchange.spec import KIND_BY_KEY, T


# Columns fit the rows on the first screen, not every loaded row (sizeHintForColumn reads each one).
FIT_ROWS = 40
# The list's share of the section's width until the user moves the divider (then remembered): the
# reading pane gets the larger part.
LIST_SHARE = 0.42
TITLE_MIN = 180  # the title column's least width before other columns make way (its text wraps in taller rows)
READ, EDIT = range(2)


def _settings(widget):
    """The window's workspace.Settings (the divider's place is remembered there), if the widget is in one."""
    return getattr(widget.window(), "settings", None)


class ItemSection(Section):
    """Items of one kind. Subclasses add editors for children via `extra_editor()`."""

    extra_shows: tuple[str, ...] = ()  # kinds besides PEOPLE whose titles a subclass shows
    can_create = True  # whether "Nieuw" makes an item (unassigned votes only come from imports)

    def __init__(self, view, key: str, title: str, columns: list[Column], parent=None) -> None:
        super().__init__(view, parent)
        self.key = key
        self.spec = KIND_BY_KEY[key]
        self.kinds = (self.spec.kind,)
        # the names of submitters, who promised, …; and what a subclass shows of other kinds
        self.also_shows = (*(PEOPLE if self.spec.actors else ()), *self.extra_shows)
        self.title = title
        self.current: dict | None = None
        self._editing: str | None = None  # the id of the item whose form is shown

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filteren…"))
        self.filter_edit.setAccessibleName(self.tr("Filter %1").replace("%1", title))
        self.filter_edit.setClearButtonEnabled(True)
        self._filter_timer = QTimer(self, singleShot=True, interval=200)
        self._filter_timer.timeout.connect(lambda: self.model.set_filter(self.filter_edit.text()))
        self.filter_edit.textChanged.connect(lambda _text: self._filter_timer.start())

        self.model = ItemTableModel(view.dossier, key, columns, self, load=False)  # read when first shown
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Lijst %1").replace("%1", title))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Sorted as the model reads at first (its first sortable column, A to Z), with the header's arrow saying so.
        # The arrow is set before sorting is turned on: turning it on sorts by the arrow, which Qt puts on the first
        # column, descending (every list read Z to A).
        self.table.horizontalHeader().setSortIndicator(
            next((i for i, c in enumerate(columns) if c.sort_key == self.model.order), -1), Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.row_fit = VisibleRowFit(self.table)  # a long title wraps in its row, never cut off
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(FIT_ROWS)
        self.wide_column = next((i for i, c in enumerate(columns)
                                 if c.sort_key in ("title", "description", "claim", "name", "file_name")), 0)
        self.model.modelReset.connect(self._fit_columns)
        self.table.viewport().installEventFilter(self)
        self.model.count_changed.connect(self._update_count)
        self._fit_columns()
        self.table.selectionModel().currentRowChanged.connect(lambda current, _prev: self._select_row(current.row()))
        self.table.doubleClicked.connect(lambda _index: self.edit())

        self.new_button = QPushButton(self.tr("Nieuw"))
        self.new_button.setAccessibleName(self.tr("Nieuw item: %1").replace("%1", kind_label(self.spec.kind)))
        self.new_button.clicked.connect(self.new_item)
        self.delete_button = QPushButton(self.tr("Verwijderen"))
        self.delete_button.setAccessibleName(self.tr("Geselecteerd item verwijderen"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.count_label = QLabel()

        listing = QWidget()
        left_layout = QVBoxLayout(listing)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter_edit)
        left_layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        for button in self.extra_buttons():
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        left_layout.addLayout(buttons)
        self.empty = self._empty_page()
        self.left = QStackedWidget()
        self.left.addWidget(listing)
        self.left.addWidget(self.empty)

        self.form = ItemForm(view.dossier, self.spec)
        self.form.edited.connect(self._save_form)
        editor = QWidget()
        self.editor_layout = QVBoxLayout(editor)
        self.done_button = QPushButton(self.tr("Klaar met bewerken"))
        self.done_button.setToolTip(self.tr("Terug naar de leesweergave (Esc); wijzigingen zijn al opgeslagen"))
        self.done_button.clicked.connect(self.read)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Elk veld wordt opgeslagen zodra u het verlaat.")), 1)
        top.addWidget(self.done_button)
        self.editor_layout.addLayout(top)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.editor_layout.addWidget(self.heading)
        self.editor_layout.addWidget(self.form)
        extra = self.extra_editor()
        if extra is not None:
            self.editor_layout.addWidget(extra)
        self.editor_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(editor)
        scroll.setAccessibleName(self.tr("Bewerken: %1").replace("%1", title))

        self.pane = QStackedWidget()
        self.pane.addWidget(self._read_page())
        self.pane.addWidget(scroll)
        self.splitter = QSplitter()
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.pane)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.splitterMoved.connect(self._remember_split)
        self._split_done = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        # F2 is the window's Bewerken action (MainWindow), which calls edit() on the section shown.
        self._back_key = QShortcut(QKeySequence(Qt.Key.Key_Escape), scroll, self.read,
                                   context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._update_count()

    def _read_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit_button = QPushButton(self.tr("Bewerken (F2)"))
        self.edit_button.setAccessibleName(self.tr("Bewerken"))
        self.edit_button.clicked.connect(self.edit)
        self.edit_button.setEnabled(False)
        row = QHBoxLayout()
        row.setContentsMargins(4, 0, 4, 0)
        row.addStretch(1)
        row.addWidget(self.edit_button)
        self.reader = QTextBrowser()
        self.reader.setOpenLinks(False)
        self.reader.setAccessibleName(self.tr("Lezen: %1").replace("%1", self.title))
        self.reader.anchorClicked.connect(self._link)
        layout.addLayout(row)
        layout.addWidget(self.reader, 1)
        return page

    def _empty_page(self) -> QWidget:
        """What a section without items shows: what belongs there, and how to add it."""
        from raadsdossier.gui.sections.registry import empty_text

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        text = QLabel(empty_text(self.key))
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setAccessibleName(self.tr("Nog leeg: %1").replace("%1", self.title))
        layout.addWidget(text)
        row = QHBoxLayout()
        row.addStretch(1)
        # Made with its parent: shown before it has one, a widget is a window of its own for a moment, and takes the
        # keyboard focus from the main window (the navigator's arrow keys and F2 then did nothing).
        self.empty_new = QPushButton(self.tr("Nieuw…"), page)
        self.empty_new.setAccessibleName(self.tr("Nieuw item: %1").replace("%1", kind_label(self.spec.kind)))
        self.empty_new.clicked.connect(self.new_item)
        self.empty_new.setVisible(self.can_create)
        self.empty_import = QPushButton(self.tr("Importeren…"))
        self.empty_import.setAccessibleName(self.tr("Importeren in %1").replace("%1", self.title))
        self.empty_import.clicked.connect(lambda: self.view.import_dialog())
        row.addWidget(self.empty_new)
        row.addWidget(self.empty_import)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        return page

    # -- reading and editing -------------------------------------------------------

    def mode(self) -> int:
        return self.pane.currentIndex()

    def edit(self) -> None:
        """Turn the pane into the current item's form (nothing happens without an item, or read-only)."""
        if self.current is None or self.view.dossier.read_only:
            return
        self._editing = self.current["id"]
        self.pane.setCurrentIndex(EDIT)
        first = self.form.widgets.get(self.spec.fields[0].key) if self.spec.fields else None
        (first or self.form).setFocus()

    def read(self) -> None:
        """Back to the reading page. A field still being typed in is saved first (leaving it saves it)."""
        if self.pane.currentIndex() == EDIT:
            self.done_button.setFocus()  # leaving a field emits its editingFinished: it is saved now
        self.pane.setCurrentIndex(READ)
        self._render()

    def _render(self) -> None:
        if self.current is None:
            self.reader.setHtml(self._nothing_chosen())
            return
        from raadsdossier.gui.reading import item_html

        bar = self.reader.verticalScrollBar()
        keep = bar.value() if getattr(self, "_rendered", None) == self.current["id"] else 0
        self.reader.setHtml(item_html(self.view.dossier, self.key, self.current))
        bar.setValue(keep)
        self._rendered = self.current["id"]

    def _nothing_chosen(self) -> str:
        text = self.tr("Kies een %1 in de lijst om het hier te lezen.").replace("%1", kind_label(self.spec.kind))
        return f"<p style='color: {MUTED}'>{_escape(text)}</p>"

    def _link(self, url: QUrl) -> None:
        if url.scheme() == "item":
            self.view.open_item(url.path())
        elif url.scheme() == TRACKER_SCHEME:
            self.view.party_record_asked.emit(url.path(QUrl.ComponentFormattingOption.FullyDecoded))
        else:
            QDesktopServices.openUrl(url)

    def reading_text(self) -> str:
        """What the reading page shows, as plain text."""
        return self.reader.toPlainText()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._split_done:  # the divider's place, once the section has its real width
            self._split_done = True
            settings = _settings(self)
            share = (settings.data.get("list_share") if settings is not None else None) or LIST_SHARE
            width = max(self.splitter.width(), 400)
            self.splitter.setSizes([int(width * share), width - int(width * share)])

    def _remember_split(self, _pos: int, _index: int) -> None:
        settings = _settings(self)
        sizes = self.splitter.sizes()
        if settings is not None and sum(sizes):
            settings.data["list_share"] = round(sizes[0] / sum(sizes), 3)  # saved with the window's settings

    # -- hooks for subclasses --------------------------------------------------

    def extra_editor(self) -> QWidget | None:
        return None

    def child_table(self, title: str, headers: list[str], buttons: list[tuple[str, object]],
                    stretch: tuple[int, ...]) -> tuple[QWidget, QTableWidget]:
        """An editor for an item's rows of children (agenda items, questions): a heading, a table with
        `headers` whose columns `stretch` share the width (the others fit their content), and a row of
        (caption, slot) buttons under it. Each row is as tall as its text at the columns' width (measured again
        when they change), and the table as tall as its rows: the form around it scrolls, the table does not
        (with rows measured once, before the columns had their width, the first question was cut off)."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("<h3>" + _escape(title) + "</h3>"))
        table = QTableWidget(0, len(headers))
        table.setAccessibleName(title)
        table.setHorizontalHeaderLabels(headers)
        for column in range(len(headers)):
            table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column in stretch
                                                          else QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().hide()
        table.setWordWrap(True)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        table.setMinimumHeight(0)
        row = QHBoxLayout()
        for caption, slot in buttons:
            button = QPushButton(caption)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        layout.addWidget(table)
        layout.addLayout(row)
        return box, table

    def extra_buttons(self) -> list[QPushButton]:
        return []

    def load_extra(self, data: dict | None) -> None:
        pass

    def heading_html(self, data: dict) -> str:
        named = data.get("title") or data.get("name") or data.get("claim") or data.get("file_name")
        # else as its read view names it (an unassigned vote by its decision, a cost by its description)
        title = short_title(named or item_title(self.spec.key, data), 120, sentences=False)
        kind = kind_label(self.spec.kind).capitalize()
        if title.lower().startswith(kind.lower()):
            return f"<h3>{_escape(title)}</h3>"
        return f"<h3>{kind}: {_escape(title)}</h3>"

    def new_defaults(self) -> dict:
        """Values for the required fields of a new item, which the user then edits."""
        defaults: dict = {}
        for field in self.spec.fields:
            if not field.required:
                continue
            if field.type == T.MONEY:
                defaults[field.key] = 0
            elif field.type == T.ENUM:
                defaults[field.key] = next(iter(field.enum)).value
            else:
                defaults[field.key] = self.tr("Nieuw: %1").replace("%1", kind_label(self.spec.kind))
        return defaults

    # -- behaviour ---------------------------------------------------------------

    def _fit_columns(self) -> None:
        """Each column's natural width: its content on the first screen's rows (up to a cap). `_reflow`
        then shows what fits beside the title column, which stretches over the rest."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        self._natural = {}
        for column in range(self.model.columnCount()):
            if column == self.wide_column:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
                continue
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(self.table.sizeHintForColumn(column), header.fontMetrics().horizontalAdvance(title) + 24)
            self._natural[column] = min(width + 12, 220)
            self.table.setColumnWidth(column, self._natural[column])
        shown = range(min(len(self.model.rows), FIT_ROWS))
        self._blank = {column for column in self._natural  # nothing in it on the first screen
                       if not any(self.model.data(self.model.index(row, column)) for row in shown)}
        # Nothing in it at all (every row is on the first screen): not shown, its room goes to the title; the column
        # the list is sorted by stays, with the arrow that says so, where there are rows to sort.
        whole = len(self.model.rows) <= FIT_ROWS and not self.model.canFetchMore()
        sorted_by = self.table.horizontalHeader().sortIndicatorSection() if len(self.model.rows) > 1 else -1
        self._empty = {column for column in self._blank if column != sorted_by} if whole else set()
        self._reflow()

    def _reflow(self) -> None:
        """Show the columns that fit beside a readable title column, in their order (columns empty on the
        first screen last, then confidentiality: a non-public row is also shaded), up to the first that does not
        fit: a narrower one after it is not shown in its place (a cost's "Einddatum" without its "Datum" reads as
        the date). The others come back when the list is made wider. A column with nothing in any row is not shown
        (`_fit_columns`). The list never needs a horizontal scroll bar."""
        natural = getattr(self, "_natural", None)
        if not natural:
            return
        room = self.table.viewport().width() - TITLE_MIN
        blank, empty = getattr(self, "_blank", set()), getattr(self, "_empty", set())
        order = sorted(natural, key=lambda c: (c in blank, self.model.columns[c].sort_key == "confidentiality", c))
        for column in order:
            if column in empty:
                self.table.setColumnHidden(column, True)
                continue
            fits = natural[column] <= room
            self.table.setColumnHidden(column, not fits)
            if fits:
                self.table.setColumnWidth(column, natural[column])
                room -= natural[column]
            else:
                room = -1  # nothing after it either

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._reflow()
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        super().refresh()
        keep = self.current["id"] if self.current else None
        self.model.reload()
        self._update_count()
        if keep and not self.show_item(keep):
            self._load(None)

    def _update_count(self) -> None:
        if not self.model.loaded:
            self.count_label.clear()
            return
        total = self.model.total
        kind = self.spec.kind
        if not self.model.total_exact:  # a filter with more matches than it counts (services.lists.COUNT_BOUND)
            self.count_label.setText(self.tr("meer dan %1").replace("%1", count_label(kind, total)))
        else:
            self.count_label.setText(count_label(kind, total))
        empty = total == 0 and not self.model.text_filter
        self.left.setCurrentWidget(self.empty if empty else self.left.widget(0))
        self.pane.setVisible(not empty)

    def is_empty(self) -> bool:
        """Whether the section shows its empty state (no items at all, not merely none matching a filter)."""
        return self.left.currentWidget() is self.empty

    def _select_row(self, row: int) -> None:
        if row < 0 or row >= len(self.model.rows):
            self._load(None)
            return
        item_id = self.model.rows[row]["id"]
        if self.current and self.current["id"] == item_id:
            return
        _key, data = lists.get(self.view.dossier, item_id)
        if self.mode() == EDIT and item_id != self._editing:
            self.pane.setCurrentIndex(READ)  # another item is read first, not edited
        self._load(data)

    def _load(self, data: dict | None) -> None:
        self.current = copy.deepcopy(data) if data else None
        self.form.load(data)
        self.heading.setText(self.heading_html(data) if data else "")
        self.delete_button.setEnabled(data is not None and not self.view.dossier.read_only)
        self.edit_button.setEnabled(data is not None and not self.view.dossier.read_only)
        self.load_extra(data)
        if data is None:
            self.pane.setCurrentIndex(READ)
        self._render()

    def show_item(self, item_id: str) -> bool:
        if not self.model.loaded:
            self.refresh()
        row = self.model.row_of(item_id)
        while row < 0 and self.model.canFetchMore():
            self.model.fetchMore()
            row = self.model.row_of(item_id)
        if row < 0 and self.model.text_filter:
            self.filter_edit.clear()
            self.model.set_filter("")
            return self.show_item(item_id)
        if row < 0:
            return False
        self.current = None
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        self._select_row(row)
        return True

    def _save_form(self) -> None:
        if self.current is None:
            return
        self.save(self.form.value())

    def save(self, after: dict) -> None:
        """Save an edited version of the current item as one undoable step."""
        if self.view.save_item(self.key, after, self.tr("%1 bewerken").replace("%1", kind_label(self.spec.kind))):
            self.show_item(after["id"])

    def new_item(self) -> None:
        if not self.can_create:  # Ctrl+Shift+N in a list whose items only an import makes
            self.view.message.emit(self.tr("In %1 komen items alleen uit een import.").replace("%1", self.title))
            return
        data = {"id": str(uuid.uuid4()), "confidentiality": Confidentiality.PUBLIC.value, **self.new_defaults()}
        if self.view.save_item(self.key, data, self.tr("%1 toevoegen").replace("%1", kind_label(self.spec.kind))):
            self.filter_edit.clear()
            self.show_item(data["id"])
            self.edit()  # a new item is filled in first

    def delete_selected(self) -> None:
        if self.current is not None:
            self.view.delete_item(self.current["id"], kind_label(self.spec.kind))

    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(IdRole) if index.isValid() else None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
