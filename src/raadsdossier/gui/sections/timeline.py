"""Tijdlijn: the items of every dated kind under a heading per year, filterable by kind, read page by page.

Undated items are listed too, never dropped: services.lists._placed_at puts an item without a date of its
own at the date of the source it cites, where it reads "datum onbekend (bron: januari 2022)"; an item with
neither a date nor a dated source stands at the end, under the heading "datum onbekend".
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QHeaderView, QLabel, QLayout, QSizePolicy, QStyle, QStyledItemDelegate,
    QStyleOptionViewItem, QTableView, QToolButton, QVBoxLayout, QWidget,
)

from raadsdossier.domain import kinds
from raadsdossier.domain.enums import Confidentiality
from raadsdossier.services import lists
from raadsdossier.gui import icons
from raadsdossier.gui.i18n import format_date, kind_label, label
from raadsdossier.gui.models import PAGE, IdRole, cell_text
from raadsdossier.gui.row_fit import VisibleRowFit
from raadsdossier.gui.sections.base import Section

# The kinds the timeline lists (services/lists.py: TIMELINE_KEYS), in the order of their filter buttons.
KINDS = ["motion", "commitment", "question_set", "college_note", "demonstration", "event", "cost", "outcome",
         "source", "meeting"]
HIDDEN_AT_FIRST = {"source"}  # the documents the other items cite: a second line for nearly every event
DATE, KIND, TITLE, MARK = range(4)
HeadingRole = Qt.ItemDataRole.UserRole + 20  # True on a year's heading row
BAR = 4  # width in pixels of the kind's colour bar at the start of a row
MARKER_COLOURS = {Confidentiality.INTERNAL: "#9a6700", Confidentiality.CONFIDENTIAL: "#b03a2e"}


@dataclass(frozen=True)
class Heading:
    """A year's heading row; year None is the group of items placed nowhere ("datum onbekend")."""

    year: str | None


def group_of(entry: lists.TimelineEntry) -> str | None:
    """The heading an entry stands under: the year of its place (its own date or its source's), or None."""
    return entry.place[:4] if entry.place else None


class TimelineModel(QAbstractTableModel):
    """Timeline entries of the chosen sections in timeline order, a heading row before each year's first
    entry. Entries arrive page by page (fetchMore), so a dossier with 100,000 items shows its first screen
    as fast as one with ten; a heading is added when the first entry of its year arrives.

    Rows: `rows[i]` is a Heading or the index of an entry in `entries`. Roles: DisplayRole and ToolTipRole
    per column, DecorationRole (the kind's icon, the confidentiality marker's lock: made only when a cell
    is painted, as qtawesome is slow to load), ForegroundRole and FontRole, IdRole (the item's id) and
    HeadingRole (True on a heading row)."""

    def __init__(self, dossier, headers: list[str], parent=None) -> None:
        super().__init__(parent)
        self.dossier = dossier
        self.headers = headers
        self.keys: set[str] = set()
        self.entries: list[lists.TimelineEntry] = []
        self.rows: list[Heading | int] = []
        self.total = 0

    # -- loading ------------------------------------------------------------

    def set_keys(self, keys: set[str], total: int | None = None) -> None:
        """Show the entries of these sections (collection keys); `total` their number when known."""
        self.beginResetModel()
        self.keys = set(keys)
        self.total = lists.timeline_count(self.dossier, self.keys) if total is None else total
        self.entries, self.rows = [], []
        first = lists.timeline_page(self.dossier, self.keys, 0, PAGE) if self.total else []
        self._append(first, self._rows_for(first))
        self.endResetModel()

    def _rows_for(self, entries: list[lists.TimelineEntry]) -> list[Heading | int]:
        """The rows that appending these entries adds: each entry, after the heading of a year it starts."""
        added: list[Heading | int] = []
        last = group_of(self.entries[-1]) if self.entries else ""  # "": no group yet, not even None
        for number, entry in enumerate(entries, start=len(self.entries)):
            group = group_of(entry)
            if group != last:
                added.append(Heading(group))
                last = group
            added.append(number)
        return added

    def _append(self, entries: list[lists.TimelineEntry], rows: list[Heading | int]) -> None:
        self.entries.extend(entries)
        self.rows.extend(rows)

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and len(self.entries) < self.total

    def fetchMore(self, parent=QModelIndex()) -> None:
        more = lists.timeline_page(self.dossier, self.keys, len(self.entries), PAGE)
        if not more:
            self.total = len(self.entries)
            return
        rows = self._rows_for(more)
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
        self._append(more, rows)
        self.endInsertRows()

    # -- rows -----------------------------------------------------------------

    def entry_at(self, row: int) -> lists.TimelineEntry | None:
        """The entry on model row `row`; None for a heading or a row that is none."""
        if 0 <= row < len(self.rows):
            target = self.rows[row]
            return None if isinstance(target, Heading) else self.entries[target]
        return None

    def heading_rows(self, first: int = 0, last: int | None = None) -> list[int]:
        stop = len(self.rows) if last is None else last + 1
        return [row for row in range(first, stop) if isinstance(self.rows[row], Heading)]

    def heading_text(self, heading: Heading) -> str:
        return heading.year if heading.year else self.tr("datum onbekend")

    # -- Qt model API -------------------------------------------------------

    def _icons_loaded(self) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1),
                                  [Qt.ItemDataRole.DecorationRole])

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == MARK:
            return self.tr("Vertrouwelijkheid, als het item niet openbaar is")
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if isinstance(self.rows[index.row()], Heading):
            return Qt.ItemFlag.ItemIsEnabled  # read by a screen reader, never selected or opened
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        target = self.rows[index.row()]
        if isinstance(target, Heading):
            return self._heading_data(target, index.column(), role)
        return self._entry_data(self.entries[target], index.column(), role)

    def _heading_data(self, heading: Heading, column: int, role):
        if role == HeadingRole:
            return True
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.heading_text(heading) if column == DATE else None
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.15)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:  # halfway between the list's and a button's shade
            palette = QApplication.palette()
            base, mid = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Midlight)
            return QColor((base.red() + mid.red()) // 2, (base.green() + mid.green()) // 2,
                          (base.blue() + mid.blue()) // 2)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QApplication.palette().color(QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.ToolTipRole and heading.year is None:
            return self.tr("Items zonder datum en zonder bron met een datum")
        return None

    def _date_text(self, entry: lists.TimelineEntry) -> str:
        if entry.dated:
            return format_date(entry.date) + (f" – {format_date(entry.end_date)}" if entry.end_date else "")
        said = entry.period or self.tr("datum onbekend")  # an event's period as its source words it
        if entry.place:
            return self.tr("%1 (bron: %2)").replace("%2", format_date(entry.place)).replace("%1", said)
        return said

    def _entry_data(self, entry: lists.TimelineEntry, column: int, role):
        if role == Qt.ItemDataRole.DisplayRole:
            if column == DATE:
                return self._date_text(entry)
            if column == KIND:  # national context says so, beside the council's own items
                return kind_label(entry.kind) + (" " + self.tr("(landelijk)") if entry.national else "")
            if column == TITLE:
                return cell_text(entry.title)
            return label(entry.confidentiality) if entry.confidentiality != Confidentiality.PUBLIC else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == DATE and not entry.dated:
                if entry.place:
                    return self.tr("Zonder eigen datum: het staat op de datum van de bron die het noemt (%1).") \
                        .replace("%1", format_date(entry.place))
                return self.tr("Zonder eigen datum en zonder bron met een datum.")
            if column == MARK:
                return label(entry.confidentiality)
            return self._entry_data(entry, column, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.DecorationRole:
            # Made only once qtawesome is loaded (a quarter second, on a worker thread): until then none.
            if column in (KIND, MARK) and not icons.ready(self._icons_loaded):
                return None
            if column == KIND:
                return icons.kind_icon(entry.kind)
            if column == MARK and entry.confidentiality != Confidentiality.PUBLIC:
                return icons.icon("mdi6.lock-outline", MARKER_COLOURS[entry.confidentiality])
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == MARK and entry.confidentiality in MARKER_COLOURS:
                return QColor(MARKER_COLOURS[entry.confidentiality])
            if column == DATE and not entry.dated:
                return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
            return None
        if role == Qt.ItemDataRole.FontRole and column == DATE and not entry.dated:
            font = QFont()
            font.setItalic(True)
            return font
        if role == IdRole:
            return entry.id
        if role == Qt.ItemDataRole.UserRole:  # the kind, for the colour bar
            return entry.kind
        return None


class KindBarDelegate(QStyledItemDelegate):
    """Paints the kind's colour as a bar at the start of an entry's first cell, its text after the bar
    (headings have none)."""

    def paint(self, painter, option, index) -> None:
        kind = index.data(Qt.ItemDataRole.UserRole)
        if not kind:
            super().paint(painter, option, index)
            return
        full = QStyleOptionViewItem(option)
        self.initStyleOption(full, index)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, full, painter, widget)  # the whole cell
        shifted = QStyleOptionViewItem(option)
        shifted.rect = option.rect.adjusted(BAR + 4, 0, 0, 0)
        super().paint(painter, shifted, index)
        rect = option.rect
        painter.fillRect(QRect(rect.left(), rect.top() + 1, BAR, rect.height() - 2), QColor(icons.colour(kind)))

    def sizeHint(self, option, index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + BAR + 4, hint.height()) if index.data(Qt.ItemDataRole.UserRole) else hint


class FlowLayout(QLayout):
    """Lays its widgets out left to right and wraps them onto the next line when the width runs out, so the
    filter buttons never run off a 1280-pixel screen."""

    def __init__(self, parent=None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index):
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index):
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        for item in self._items:
            if item.widget() is not None and item.widget().isHidden():
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line_height > 0:
                x, y = area.x(), y + line_height + self._spacing
                line_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()


class TimelineSection(Section):
    key = "timeline"
    kinds = tuple(KINDS)  # a source's date moves the undated items citing it: sources count too

    def __init__(self, view, parent=None) -> None:
        super().__init__(view, parent)
        self.counts: dict[str, int] = {}
        self._decorated = False
        self._tall_rows: list[int] = []  # the heading rows, made taller (_span_headings)
        self.filters: dict[str, QToolButton] = {}
        bar = QWidget()
        flow = FlowLayout(bar)
        for kind in KINDS:
            chip = QToolButton()
            chip.setCheckable(True)
            chip.setChecked(kind not in HIDDEN_AT_FIRST)
            chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            chip.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            chip.setStyleSheet(_chip_style(kind))
            chip.toggled.connect(lambda _on: self._load())
            self.filters[kind] = chip
            flow.addWidget(chip)
        self.all_button = QToolButton()
        self.all_button.setText(self.tr("Alles"))
        self.all_button.setAccessibleName(self.tr("Alle soorten tonen"))
        self.all_button.clicked.connect(lambda: self.choose(set(KINDS)))
        self.none_button = QToolButton()
        self.none_button.setText(self.tr("Niets"))
        self.none_button.setAccessibleName(self.tr("Geen enkele soort tonen"))
        self.none_button.clicked.connect(lambda: self.choose(set()))
        for button in (self.all_button, self.none_button):
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setAutoRaise(True)
            flow.addWidget(button)
        bar.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.filter_bar = bar

        self.list_model = TimelineModel(view.dossier, [self.tr("Datum"), self.tr("Soort"), self.tr("Titel"), ""], self)
        self.table = QTableView()
        self.table.setModel(self.list_model)
        self.table.setItemDelegateForColumn(DATE, KindBarDelegate(self.table))
        self.table.setAccessibleName(self.tr("Tijdlijn"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setShowGrid(False)
        self.row_fit = VisibleRowFit(self.table)  # a long title wraps in its row, never cut off
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)  # the title takes what is left
        header.setResizeContentsPrecision(40)  # fit the first screen's rows, not every loaded one
        self.list_model.modelReset.connect(self._span_headings)
        self.list_model.rowsInserted.connect(lambda _parent, first, last: self._span_headings(first, last))
        self.table.activated.connect(lambda index: self.open_index(index.row()))
        self.table.doubleClicked.connect(lambda index: self.open_index(index.row()))

        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setAccessibleName(self.tr("Tijdlijn leeg"))
        self.empty.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)

    # -- reading ------------------------------------------------------------

    def refresh(self) -> None:
        super().refresh()
        self.counts = lists.timeline_counts(self.view.dossier)
        locale = QLocale()
        for kind, chip in self.filters.items():
            number = self.counts.get(kinds.kind(kind).key, 0)
            plural = kind_label(kind, 2)
            plural = plural[:1].upper() + plural[1:]  # a button's label: "Moties"
            chip.setText(f"{plural} ({locale.toString(number)})")
            chip.setAccessibleName(self.tr("Toon %1").replace("%1", f"{plural} ({locale.toString(number)})"))
            chip.setVisible(number > 0)  # a kind the dossier has none of has nothing to filter
        self._load()

    def chosen_keys(self) -> set[str]:
        return {kinds.kind(kind).key for kind, chip in self.filters.items() if chip.isChecked()}

    def choose(self, chosen: set[str]) -> None:
        """Show the entries of these kinds ("motion", …) only: the Alles and Niets buttons."""
        for kind, chip in self.filters.items():
            chip.blockSignals(True)
            chip.setChecked(kind in chosen)
            chip.blockSignals(False)
        self._load()

    def _load(self) -> None:
        keys = self.chosen_keys()
        total = sum(number for key, number in self.counts.items() if key in keys)
        self.list_model.set_keys(keys, total)
        if total:
            for column in (DATE, KIND, MARK):
                self.table.resizeColumnToContents(column)
        elif not sum(self.counts.values()):
            self.empty.setText(self.tr(
                "Hier verschijnen de moties, toezeggingen, vragen, collegestukken, demonstraties, gebeurtenissen, "
                "kosten, opbrengsten, bronnen en vergaderingen van dit dossier, per jaar op volgorde van datum; "
                "dit dossier heeft er nog geen."))
        else:
            self.empty.setText(self.tr("Geen soort gekozen: kies hierboven welke soorten de tijdlijn toont."))
        self.table.setVisible(bool(total))
        self.empty.setVisible(not total)

    def _span_headings(self, first: int = 0, last: int | None = None) -> None:
        """Each heading row spans the table's width and stands a little taller than an entry. After a reset
        (`last` None) the rows that were headings before get an entry's height back: the vertical header
        keeps its sizes by row number across a model reset."""
        rows_header = self.table.verticalHeader()
        if last is None:
            self.table.clearSpans()
            for row in self._tall_rows:
                if row < rows_header.count():
                    rows_header.resizeSection(row, rows_header.defaultSectionSize())
            self._tall_rows = []
        height = round(rows_header.defaultSectionSize() * 1.4)
        for row in self.list_model.heading_rows(first, last):
            self.table.setSpan(row, 0, 1, self.list_model.columnCount())
            rows_header.resizeSection(row, height)
            self._tall_rows.append(row)

    # -- icons, once the section is on screen ------------------------------------

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._decorated:  # after this first paint: qtawesome takes a quarter second to load
            self._decorated = True
            QTimer.singleShot(0, self._decorate)

    def _decorate(self) -> None:
        if not icons.ready(self._decorate):
            return
        for kind, chip in self.filters.items():
            chip.setIcon(icons.kind_icon(kind))

    # -- what tests and the window use -----------------------------------------

    def entry_titles(self) -> list[str]:
        """Titles of the entries read so far (the first page, and more as the list is scrolled), in order,
        without the year headings."""
        return [entry.title for entry in self.list_model.entries]

    def entry_groups(self) -> list[tuple[str, list[str]]]:
        """(heading as shown, titles under it) of the rows read so far, in order."""
        groups: list[tuple[str, list[str]]] = []
        for target in self.list_model.rows:
            if isinstance(target, Heading):
                groups.append((self.list_model.heading_text(target), []))
            else:
                groups[-1][1].append(self.list_model.entries[target].title)
        return groups

    def open_row(self, row: int) -> None:
        """Open the entry `row` of entry_titles() (headings not counted) in its own section."""
        if 0 <= row < len(self.list_model.entries):
            self.view.open_item(self.list_model.entries[row].id)

    def open_index(self, model_row: int) -> None:
        """Open the entry on the table's row `model_row`; a heading row opens nothing."""
        entry = self.list_model.entry_at(model_row)
        if entry is not None:
            self.view.open_item(entry.id)


def _chip_style(kind: str) -> str:
    """A rounded filter button: the kind's colour as border and light tint when it is on, plain when off."""
    colour = QColor(icons.colour(kind))
    tint = f"rgba({colour.red()}, {colour.green()}, {colour.blue()}, 46)"
    return (f"QToolButton {{ border: 1px solid palette(mid); border-radius: 12px; padding: 3px 10px; }}"
            f"QToolButton:checked {{ border: 2px solid {colour.name()}; background-color: {tint}; }}"
            f"QToolButton:focus {{ border-style: dashed; }}")
