"""The conflicts a check-in or an update left (services/store.py): the same field changed here and on the server,
differently. One row per conflict, with both values and who changed it on the server when; per item the user
picks "Mijn waarde" or "Die van de server" (the services decide per item, so the rows of one item move
together). "Toepassen" hands the choices to the Server menu's actions (gui/server_actions.py); "Later" keeps both
values, as the services do until a choice is made.
"""

from __future__ import annotations

import json
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from raadsdossier.domain import kinds
from raadsdossier.storage.store import DELETED
SHOWN_CHARACTERS = 400  # a longer value is cut in its cell; the cell's tooltip holds all of it


def t(text: str) -> str:
    return QCoreApplication.translate("ConflictDialog", text)


def item_names(dossier, ids) -> dict[str, tuple[str, str]]:
    """(kind, title) of each of the item ids `ids` the open `dossier` holds, as the window names them."""
    from raadsdossier.gui.i18n import kind_label
    from raadsdossier.gui.reading_page import item_title
    from raadsdossier.services import lists

    names = {}
    for item_id in dict.fromkeys(ids):
        try:
            key, data = lists.get(dossier, item_id)
        except Exception:  # not (or no longer) here, or not an item: the conflict's own rows name it
            continue
        entry = kinds.BY_KEY.get(key)
        names[item_id] = (kind_label(entry.name) if entry else "", item_title(key, data))
    return names


def _row_title(conflict) -> str | None:
    for row in (conflict.mine, conflict.theirs):
        if isinstance(row, dict):
            for name in ("title", "name", "claim", "file_name", "description"):
                if row.get(name):
                    return str(row[name])
    return None


def item_text(conflict, names: dict) -> tuple[str, str]:
    """(what the Item column shows, its tooltip) for `conflict`: the item's kind and title when known, else
    its id."""
    from raadsdossier.gui.i18n import kind_label

    kind, title = names.get(conflict.item_id, ("", None))
    if not kind and conflict.table in kinds.BY_KEY:
        kind = kind_label(kinds.BY_KEY[conflict.table].name)
    title = title or _row_title(conflict) or conflict.item_id
    named = kind and not title.lower().startswith(kind.lower())  # "Motie stedenband …" says it is a motion
    shown = f"{kind[:1].upper()}{kind[1:]}: {title}" if named else title
    return shown, f"{shown}\n{conflict.item_id}"


def field_text(conflict) -> str:
    from raadsdossier.gui.i18n import field_label

    if conflict.field == DELETED:
        return t("Verwijderd aan één kant")
    return field_label(conflict.field)


def value_text(conflict, value) -> str:
    """A value as the table shows it: empty and deleted said in words, yes/no, dates as the window writes them."""
    from raadsdossier.gui.i18n import format_date, label

    if conflict.field == DELETED:
        return t("(verwijderd)") if value is None else t("(gewijzigd)")
    if value is None or value == "":
        return t("(leeg)")
    if isinstance(value, bool):
        return t("ja") if value else t("nee")
    if isinstance(value, datetime):
        return value.astimezone().strftime("%d-%m-%Y %H:%M") if value.tzinfo else value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.isascii() and value.replace("_", "").isalpha() and value.islower():
        return label(value)  # an enumeration's value ("adopted") in words; any other text as it is
    return str(value)


def changed_text(conflict) -> str:
    """"door jansen op 03-05-2026 14:12": who changed it on the server and when, as far as known."""
    when = ""
    if conflict.at:
        try:
            when = datetime.fromisoformat(conflict.at).astimezone().strftime("%d-%m-%Y %H:%M")
        except ValueError:
            when = conflict.at
    if conflict.by and when:
        return t("door %1 op %2").replace("%1", conflict.by).replace("%2", when)
    if conflict.by:
        return t("door %1").replace("%1", conflict.by)
    return t("op %1").replace("%1", when) if when else ""


def _cut(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= SHOWN_CHARACTERS else line[:SHOWN_CHARACTERS - 1] + "…"


class ConflictDialog(QDialog):
    """The conflicts of one dossier, a choice per item, "Toepassen" and "Later"."""

    chosen = Signal(list, list)  # item ids: keep mine, take the server's

    COLUMNS = ("item", "field", "mine", "theirs", "changed", "choice")

    def __init__(self, parent, dossier_name: str, conflicts: list, names: dict | None = None,
                 summary: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("conflicts")
        self.setWindowTitle(t("Conflicten met de server"))
        self.conflicts = list(conflicts)
        names = names or {}
        layout = QVBoxLayout(self)
        count = len(self.conflicts)
        if summary:  # what the check-in or update that found them did
            done = QLabel(summary)
            done.setWordWrap(True)
            done.setObjectName("summary")
            layout.addWidget(done)
        intro = QLabel((t("%1: 1 conflict.") if count == 1 else t("%1: %2 conflicten.")).replace(
            "%1", dossier_name).replace("%2", str(count)) + " " + t(
            "U en iemand anders hebben hetzelfde veld verschillend gewijzigd. Kies per item welke waarde blijft; de "
            "keuze geldt voor het hele item (met Mijn waarde gaat uw versie van het item naar de server). Tot u "
            "kiest, blijven beide waarden bewaard: de uwe in dit dossier, die van de server op de server."))
        intro.setWordWrap(True)
        intro.setObjectName("intro")
        layout.addWidget(intro)

        self.table = QTableWidget(count, len(self.COLUMNS))
        self.table.setObjectName("conflict-table")
        self.table.setAccessibleName(t("Conflicten"))
        self.table.setHorizontalHeaderLabels([t("Item"), t("Veld"), t("Hier"), t("Op de server"),
                                              t("Gewijzigd op de server"), t("Keuze")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setTabKeyNavigation(False)  # Tab goes from choice to choice
        self.table.setWordWrap(True)
        self.table.setStyleSheet("QTableWidget::item { padding: 4px 3px; }")
        self.table.verticalHeader().setVisible(False)
        self.combos: list[QComboBox] = []
        for row, conflict in enumerate(self.conflicts):
            shown, tip = item_text(conflict, names)
            cells = ((shown, tip), (field_text(conflict), conflict.field),
                     (value_text(conflict, conflict.mine), None), (value_text(conflict, conflict.theirs), None),
                     (changed_text(conflict), None))
            for column, (text, tooltip) in enumerate(cells):
                cell = QTableWidgetItem(_cut(text))
                cell.setToolTip(tooltip or text)
                self.table.setItem(row, column, cell)
            combo = QComboBox()
            combo.setObjectName(f"choice-{row}")
            combo.setAccessibleName(t("Keuze voor %1, %2").replace("%1", shown).replace("%2", field_text(conflict)))
            combo.addItem(t("Nog niet kiezen"), None)
            combo.addItem(t("Mijn waarde"), "mine")
            combo.addItem(t("Die van de server"), "theirs")
            combo.currentIndexChanged.connect(lambda _index, r=row: self._choice_changed(r))
            holder = QWidget()  # keeps the box its own height in a row that long values make taller
            box = QVBoxLayout(holder)
            box.setContentsMargins(4, 2, 4, 2)
            box.addWidget(combo, 0, Qt.AlignmentFlag.AlignVCenter)
            self.table.setCellWidget(row, len(self.COLUMNS) - 1, holder)
            self.combos.append(combo)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column, mode in enumerate((QHeaderView.ResizeMode.Interactive, QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        self.table.setColumnWidth(0, 250)
        header.sectionResized.connect(lambda *_args: self.table.resizeRowsToContents())  # long values wrap
        layout.addWidget(self.table, 1)

        every = QHBoxLayout()
        for text, value, name in ((t("Overal &mijn waarde"), "mine", "all-mine"),
                                  (t("Overal die van de &server"), "theirs", "all-theirs")):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(lambda _checked=False, v=value: self.choose_all(v))
            every.addWidget(button)
        every.addStretch(1)
        layout.addLayout(every)

        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton(t("&Toepassen"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("apply")
        self.apply_button.setToolTip(t("De gekozen waarden vastleggen: hier en op de server"))
        self.later_button = self.buttons.addButton(t("&Later"), QDialogButtonBox.ButtonRole.RejectRole)
        self.later_button.setObjectName("later")
        self.later_button.setToolTip(t("Nu niets kiezen: beide waarden blijven bewaard"))
        self.buttons.accepted.connect(self._apply)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update_apply()
        self.resize(1180, min(640, 240 + 60 * count))
        if self.combos:
            self.combos[0].setFocus()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()

    # -- choices ----------------------------------------------------------------

    def _choice_changed(self, row: int) -> None:
        """The services decide per item: every row of the same item gets the same choice."""
        value = self.combos[row].currentData()
        item_id = self.conflicts[row].item_id
        for other, conflict in enumerate(self.conflicts):
            if other != row and conflict.item_id == item_id and self.combos[other].currentData() != value:
                combo = self.combos[other]
                combo.blockSignals(True)
                combo.setCurrentIndex(combo.findData(value))
                combo.blockSignals(False)
        self._update_apply()

    def choose(self, row: int, value: str | None) -> None:
        """Pick "mine", "theirs" or None (not yet) for the conflict in `row` (and its item's other rows)."""
        self.combos[row].setCurrentIndex(self.combos[row].findData(value))

    def choose_all(self, value: str | None) -> None:
        for row in range(len(self.combos)):
            self.choose(row, value)

    def choices(self) -> tuple[list[str], list[str]]:
        """(item ids to keep as here, item ids to take from the server), each once, in the table's order."""
        mine, theirs = {}, {}
        for conflict, combo in zip(self.conflicts, self.combos):
            {"mine": mine, "theirs": theirs}.get(combo.currentData(), {})[conflict.item_id] = True
        return list(mine), list(theirs)

    def _update_apply(self) -> None:
        mine, theirs = self.choices()
        self.apply_button.setEnabled(bool(mine or theirs))

    def _apply(self) -> None:
        mine, theirs = self.choices()
        if not (mine or theirs):
            return
        self.accept()
        self.chosen.emit(mine, theirs)
