"""A section listing items of one kind: filter box, sortable lazy table, and an editor pane."""

from __future__ import annotations

import copy
import uuid

from PySide6.QtCore import QItemSelectionModel, QLocale, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QScrollArea, QSplitter,
    QTableView, QTableWidget, QVBoxLayout, QWidget,
)

from raadsdossier.domain.enums import Confidentiality
from raadsdossier.services import lists
from raadsdossier.gui.forms import ItemForm
from raadsdossier.gui.i18n import kind_label
from raadsdossier.gui.models import Column, IdRole, ItemTableModel
from raadsdossier.gui.sections.base import PEOPLE, Section
from raadsdossier.interchange.spec import KIND_BY_KEY, T


# Columns fit the rows on the first screen, not every loaded row (sizeHintForColumn reads each one).
FIT_ROWS = 40


class ItemSection(Section):
    """Items of one kind. Subclasses add editors for children via `extra_editor()`."""

    extra_shows: tuple[str, ...] = ()  # kinds besides PEOPLE whose titles a subclass shows

    def __init__(self, view, key: str, title: str, columns: list[Column], parent=None) -> None:
        super().__init__(view, parent)
        self.key = key
        self.spec = KIND_BY_KEY[key]
        self.kinds = (self.spec.kind,)
        # the names of submitters, who promised, …; and what a subclass shows of other kinds
        self.also_shows = (*(PEOPLE if self.spec.actors else ()), *self.extra_shows)
        self.title = title
        self.current: dict | None = None

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
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(FIT_ROWS)
        self.wide_column = next((i for i, c in enumerate(columns)
                                 if c.sort_key in ("title", "description", "claim", "name", "file_name")), 0)
        self.model.modelReset.connect(self._fit_columns)
        self.model.count_changed.connect(self._update_count)
        self._fit_columns()
        self.table.selectionModel().currentRowChanged.connect(lambda current, _prev: self._select_row(current.row()))

        self.new_button = QPushButton(self.tr("Nieuw"))
        self.new_button.setAccessibleName(self.tr("Nieuw item: %1").replace("%1", kind_label(self.spec.kind)))
        self.new_button.clicked.connect(self.new_item)
        self.delete_button = QPushButton(self.tr("Verwijderen"))
        self.delete_button.setAccessibleName(self.tr("Geselecteerd item verwijderen"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.count_label = QLabel()

        left = QWidget()
        left_layout = QVBoxLayout(left)
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

        self.form = ItemForm(view.dossier, self.spec)
        self.form.edited.connect(self._save_form)
        editor = QWidget()
        self.editor_layout = QVBoxLayout(editor)
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

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([680, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self._update_count()

    # -- hooks for subclasses --------------------------------------------------

    def extra_editor(self) -> QWidget | None:
        return None

    def child_table(self, title: str, headers: list[str], buttons: list[tuple[str, object]],
                    stretch: tuple[int, ...]) -> tuple[QWidget, QTableWidget]:
        """An editor for an item's rows of children (agenda items, questions): a heading, a table with
        `headers` whose columns `stretch` share the width (the others fit their content), and a row of
        (caption, slot) buttons under it."""
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
        title = (data.get("title") or data.get("name") or data.get("claim") or data.get("file_name")
                 or data.get("description") or "")
        if len(title) > 120:
            title = title[:117].rstrip() + "…"
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
        """Narrow columns fit their content (up to a cap); the title column takes the rest."""
        for column in range(self.model.columnCount()):
            width = max(self.table.sizeHintForColumn(column), self.table.horizontalHeader().sectionSizeHint(column))
            cap = 300 if column == self.wide_column else 120
            self.table.setColumnWidth(column, max(min(width + 8, cap), 260 if column == self.wide_column else 0))

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
        if not self.model.total_exact:  # a filter with more matches than it counts (services.lists.COUNT_BOUND)
            self.count_label.setText(self.tr("meer dan %1 items").replace("%1", QLocale().toString(total)))
        else:
            self.count_label.setText(self.tr("1 item") if total == 1 else self.tr("%1 items").replace("%1", QLocale().toString(total)))

    def _select_row(self, row: int) -> None:
        if row < 0 or row >= len(self.model.rows):
            self._load(None)
            return
        item_id = self.model.rows[row]["id"]
        if self.current and self.current["id"] == item_id:
            return
        _key, data = lists.get(self.view.dossier, item_id)
        self._load(data)

    def _load(self, data: dict | None) -> None:
        self.current = copy.deepcopy(data) if data else None
        self.form.load(data)
        self.heading.setText(self.heading_html(data) if data else "")
        self.delete_button.setEnabled(data is not None and not self.view.dossier.read_only)
        self.load_extra(data)

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
        data = {"id": str(uuid.uuid4()), "confidentiality": Confidentiality.PUBLIC.value, **self.new_defaults()}
        if self.view.save_item(self.key, data, self.tr("%1 toevoegen").replace("%1", kind_label(self.spec.kind))):
            self.filter_edit.clear()
            self.show_item(data["id"])
            first = self.form.widgets.get(self.spec.fields[0].key)
            if first is not None:
                first.setFocus()

    def delete_selected(self) -> None:
        if self.current is not None:
            self.view.delete_item(self.current["id"], kind_label(self.spec.kind))

    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(IdRole) if index.isValid() else None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
