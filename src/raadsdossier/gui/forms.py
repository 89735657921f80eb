"""An editor form built from the interchange field table: one widget per field, saved as it is edited."""

from __future__ import annotations

import copy
import math
import re

from PySide6.QtCore import QAbstractListModel, QModelIndex, QRegularExpression, QSize, Qt, Signal
from PySide6.QtGui import QIntValidator, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QLineEdit, QListView, QPlainTextEdit, QSizePolicy, QStyledItemDelegate, QWidget,
)

from raadsdossier.services import lists
from raadsdossier.domain.enums import Confidentiality
from raadsdossier.storage.dossier import Dossier
from raadsdossier.gui.i18n import field_label, label
from raadsdossier.interchange.spec import AGENDA_ITEM, FOLLOW_UP_KEYS, KindSpec, T

LONG_TEXT = {"considerations", "operative_text", "description", "summary", "stated_position", "demands", "body",
             "extracted_text", "pre_advice", "postponement_note"}
PARTIAL_DATE_RE = QRegularExpression(r"^$|^\d{4}(-\d{2}(-\d{2})?)?$")
DATE_RE = QRegularExpression(r"^$|^\d{4}-\d{2}-\d{2}$")
MONEY_RE = QRegularExpression(r"^$|^\d+([.,]\d{1,2})?$")
# The field the follow-up's part of the form comes after: where the item's status is set.
FOLLOW_UP_AFTER = {"motions": "status", "commitments": "fulfilled_by_id"}


def compact(combo: QComboBox) -> QComboBox:
    """A combo box whose width does not follow its longest entry (which would widen the whole form)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    return combo


class SourceChoiceModel(QAbstractListModel):
    """Every source of the dossier as a checkable row; checked = cited by the item in the form.

    A model rather than a QListWidget: filling a widget with one QListWidgetItem per source took
    a third of a second per selected item in a dossier with 15,000 sources."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.options: list[tuple[str, str]] = []
        self.chosen: set[str] = set()

    def set_choices(self, options: list[tuple[str, str]], chosen) -> None:
        self.beginResetModel()
        self.options = list(options)
        self.chosen = set(chosen)
        self.endResetModel()

    def chosen_ids(self) -> list[str]:
        known = {source_id for source_id, _title in self.options}
        return sorted(source_id for source_id in self.chosen if source_id in known)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.options)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        source_id, title = self.options[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return title
        if role == Qt.ItemDataRole.UserRole:
            return source_id
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if source_id in self.chosen else Qt.CheckState.Unchecked
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        source_id = self.options[index.row()][0]
        checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        if checked:
            self.chosen.add(source_id)
        else:
            self.chosen.discard(source_id)
        self.dataChanged.emit(index, index, [role])
        return True


class PaddedRows(QStyledItemDelegate):
    """A list's rows 4 pixels taller than their text."""

    def sizeHint(self, option, index) -> QSize:
        return super().sizeHint(option, index) + QSize(0, 4)


class LongTextEdit(QPlainTextEdit):
    """A multi-line field that reports an edit when the user leaves it. It is as tall as its text at its width
    (from MIN_HEIGHT to MAX_HEIGHT), so that the form, which scrolls as a whole, shows a college's position or a
    motion's considerations whole instead of five lines of it in a box with a scroll bar of its own; only a text
    taller than MAX_HEIGHT scrolls inside the field."""

    editingFinished = Signal()

    MIN_HEIGHT, MAX_HEIGHT = 60, 320

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setMinimumHeight(self.MIN_HEIGHT)
        self.setMaximumHeight(self.MAX_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # the document's size is its number of lines at the field's width: it changes as text is typed or loaded
        # (this signal) and as the field gets wider or narrower (resizeEvent)
        self.document().documentLayout().documentSizeChanged.connect(lambda _size: self._fit())

    def _fit(self) -> None:
        if self.sizeHint().height() != self.height():
            self.updateGeometry()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        lines = max(1.0, self.document().documentLayout().documentSize().height())
        margins = self.contentsMargins()
        # QPlainTextEdit wants its text a pixel clear of the bottom margin before it hides its scroll bar
        height = (lines * self.fontMetrics().lineSpacing() + 2 * self.document().documentMargin()
                  + margins.top() + margins.bottom() + 2)
        return QSize(hint.width(), max(self.MIN_HEIGHT, min(self.MAX_HEIGHT, math.ceil(height))))

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        if self.document().isModified():
            self.document().setModified(False)
            self.editingFinished.emit()


class NamesEdit(LongTextEdit):
    """People's names, one per line, as tall as its names (three addressees with their offices did not fit on
    one line, which showed "…minister buitenlandse zake"). Names typed on one line with ";" between them are read
    as well; Enter starts the next name."""

    MIN_HEIGHT, MAX_HEIGHT = 0, 160  # from one line high

    def minimumSizeHint(self) -> QSize:  # a scroll area's own is 70 px high: three lines for one name
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())

    def names(self) -> list[str]:
        return [name.strip() for name in re.split(r"[;\n]", self.toPlainText()) if name.strip()]

    def set_names(self, names: list[str]) -> None:
        self.setPlainText("\n".join(names))
        self.document().setModified(False)


class ItemForm(QWidget):
    """Edits the scalar fields, references, actors, sources and confidentiality of one item.

    `edited` is emitted when the user finished changing a field; `value()` then gives
    the item's new interchange dict (children the form does not show are kept).
    """

    edited = Signal()

    def __init__(self, dossier: Dossier, spec: KindSpec, parent=None) -> None:
        super().__init__(parent)
        self.dossier = dossier
        self.spec = spec
        self.original: dict | None = None
        self.widgets: dict[str, QWidget] = {}
        self._loading = False
        self._choices_read = False
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form_layout = layout
        self.conf = self._combo("confidentiality", [(c.value, label(c.value)) for c in Confidentiality], required=True)
        # A motion's and a commitment's "Uitvoering" (gui/follow_up_editor.py), under its status: what became of
        # an adopted motion is the next thing to record once its status says so.
        self.follow_up = None
        if spec.key in FOLLOW_UP_KEYS:
            from raadsdossier.gui.follow_up_editor import FollowUpEditor  # it reads the reading page's titles

            self.follow_up = FollowUpEditor(dossier, spec.key, self)
            self.follow_up.edited.connect(self._emit)
        for field in spec.fields:
            widget = self._widget_for(field)
            self.widgets[field.key] = widget
            text = field_label(field.key) + (" *" if field.required else "")
            if isinstance(widget, QCheckBox):
                # A check box says what it means itself, across the form: as a label its sentence ("Persoon loopt
                # risico (nooit noemen zonder toestemming)") made the label column so wide that every field beside
                # it was squeezed into a strip.
                widget.setText(text)
                layout.addRow(widget)
            else:
                layout.addRow(text, widget)
            widget.setAccessibleName(field_label(field.key))
            if self.follow_up is not None and field.key == FOLLOW_UP_AFTER.get(spec.key):
                layout.addRow(self.follow_up)
        for key, _role in spec.actors:
            edit = NamesEdit()
            edit.setPlaceholderText(self.tr("één naam per regel"))
            edit.editingFinished.connect(self._emit)
            edit.setAccessibleName(field_label(key))
            self.widgets[key] = edit
            layout.addRow(field_label(key), edit)
        layout.addRow(field_label("confidentiality"), self.conf)
        self.source_model = SourceChoiceModel(self)
        self.source_model.dataChanged.connect(lambda *_args: self._emit())
        self.sources = QListView()
        self.sources.setModel(self.source_model)
        # A dossier can hold thousands of sources: rows are laid out in batches as they scroll into view,
        # and long titles wrap rather than needing a horizontal scroll bar.
        self.sources.setWordWrap(True)
        self.sources.setResizeMode(QListView.ResizeMode.Adjust)  # wrapped again at a new width, not cut off with "…"
        # Rows a little apart (two check boxes of one-line titles would otherwise touch) by their own height: the
        # list's spacing would move each row right by as much without the list wrapping it for that, and a title
        # just short of the width was cut off with "…".
        self.sources.setItemDelegate(PaddedRows(self.sources))
        self.sources.setLayoutMode(QListView.LayoutMode.Batched)
        self.sources.setBatchSize(50)
        self.sources.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sources.setAccessibleName(field_label("source_ids"))
        self.sources.setMinimumHeight(90)
        self.sources.setMaximumHeight(160)
        layout.addRow(field_label("source_ids"), self.sources)
        if self.follow_up is not None:
            if layout.indexOf(self.follow_up) < 0:
                layout.addRow(self.follow_up)
            captions = [layout.labelForField(widget) for widget in (*self.widgets.values(), self.conf, self.sources)]
            self.follow_up.align_labels(max(caption.sizeHint().width() for caption in captions if caption is not None))
        self.setEnabled(False)

    # -- widgets ------------------------------------------------------------

    def _combo(self, key: str, options: list[tuple[str | None, str]], required: bool) -> QComboBox:
        combo = QComboBox()
        compact(combo)
        if not required:
            combo.addItem("—", None)
        for value, text in options:
            combo.addItem(text, value)
        combo.setAccessibleName(field_label(key))
        combo.activated.connect(lambda _index: self._emit())
        return combo

    def _widget_for(self, field) -> QWidget:
        if field.type == T.ENUM:
            return self._combo(field.key, [(m.value, label(m.value)) for m in field.enum], field.required)
        if field.type == T.REF:
            combo = self._combo(field.key, [], required=False)
            combo.setProperty("ref_kind", field.ref_kind)
            return combo
        if field.type == T.BOOL:
            box = QCheckBox()
            box.toggled.connect(lambda _checked: self._emit())
            return box
        if field.key in LONG_TEXT:
            edit = LongTextEdit()
            edit.editingFinished.connect(self._emit)
            return edit
        edit = QLineEdit()
        if field.type == T.PARTIAL_DATE:
            edit.setValidator(QRegularExpressionValidator(PARTIAL_DATE_RE, edit))
            edit.setPlaceholderText(self.tr("JJJJ, JJJJ-MM of JJJJ-MM-DD"))
        elif field.type == T.DATE:
            edit.setValidator(QRegularExpressionValidator(DATE_RE, edit))
            edit.setPlaceholderText(self.tr("JJJJ-MM-DD"))
        elif field.type == T.INT:
            edit.setValidator(QIntValidator(0, 10**9, edit))
        elif field.type == T.MONEY:
            edit.setValidator(QRegularExpressionValidator(MONEY_RE, edit))
        elif field.type == T.TEXT_LIST:
            edit.setPlaceholderText(self.tr("gescheiden door ;"))
        edit.editingFinished.connect(self._emit)
        return edit

    def _emit(self) -> None:
        if not self._loading and self.original is not None and self.value() != self.original:
            self.edited.emit()

    # -- loading and reading ------------------------------------------------

    def _fill_refs(self) -> None:
        meeting_id = (self.original or {}).get("meeting_id")
        for field in self.spec.refs:
            combo = self.widgets[field.key]
            combo.clear()
            combo.addItem("—", None)
            if field.ref_kind == AGENDA_ITEM:
                options = lists.agenda_items(self.dossier, meeting_id) if meeting_id else []
            elif field.ref_kind is None:
                options = [(i, t) for kind in ("college_note", "source") for i, t in lists.choices(self.dossier, kind)]
            else:
                options = lists.choices(self.dossier, field.ref_kind)
            for value, text in options:
                if value != (self.original or {}).get("id"):
                    combo.addItem(text, value)

    def load(self, data: dict | None) -> None:
        """Show `data` (an interchange dict) or clear the form when None.

        The pickers' choices (every item a reference may point to, every source) are read when the form is
        shown, not here: an item is read before it is edited, and in a dossier of 100,000 items reading them
        on every selected row held the window up for a fifth of a second (tests/gui/test_responsive.py)."""
        self._loading = True
        try:
            self.original = copy.deepcopy(data) if data is not None else None
            self.setEnabled(data is not None)
            data = data or {}
            for field in self.spec.scalars:
                self._set(self.widgets[field.key], field, data.get(field.key))
            self._actor_names = {}
            for key, _role in self.spec.actors:
                names = (data.get("_actors") or {}).get(key) or []
                refs = data.get(key) or []
                self._actor_names[key] = dict(zip(names, refs))
                self.widgets[key].set_names(names)
            self.conf.setCurrentIndex(max(0, self.conf.findData(data.get("confidentiality", Confidentiality.PUBLIC.value))))
            self._choices_read = False
            if self.isVisible():
                self._read_choices()
            if self.follow_up is not None:
                self.follow_up.load(data or None)
        finally:
            self._loading = False

    def _read_choices(self) -> None:
        """Fill the reference pickers and the source list for the item loaded, once per `load`."""
        if self._choices_read:
            return
        self._choices_read = True
        loading, self._loading = self._loading, True
        try:
            data = self.original or {}
            self._fill_refs()
            for field in self.spec.refs:
                self._set(self.widgets[field.key], field, data.get(field.key))
            sources = [choice for choice in lists.choices(self.dossier, "source") if choice[0] != data.get("id")]
            self.source_model.set_choices(sources, data.get("source_ids") or [])  # a source is not its own source
        finally:
            self._loading = loading

    def showEvent(self, event) -> None:
        self._read_choices()
        super().showEvent(event)

    def _set(self, widget: QWidget, field, value) -> None:
        if isinstance(widget, QComboBox):
            index = widget.findData(value)
            widget.setCurrentIndex(index if index >= 0 else 0)
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value or "")
            widget.document().setModified(False)
        else:
            if field.type == T.TEXT_LIST:
                widget.setText("; ".join(value or []))
            elif field.type == T.MONEY and value is not None:
                widget.setText(f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ","))
            else:
                widget.setText("" if value is None else str(value))
            widget.setCursorPosition(0)  # show the start of a long text, not its end
            widget.setToolTip(widget.text() if len(widget.text()) > 40 else "")

    def value(self) -> dict:
        self._read_choices()
        data = copy.deepcopy(self.original or {})
        for field in self.spec.fields:
            data[field.key] = self._get(self.widgets[field.key], field)
        for key, _role in self.spec.actors:
            known = self._actor_names.get(key, {})
            names = self.widgets[key].names()
            data[key] = [known.get(name) or {"name": name} for name in names]
        data["confidentiality"] = self.conf.currentData()
        data["source_ids"] = self.source_model.chosen_ids()
        if self.follow_up is not None:
            data["follow_up"] = self.follow_up.value()
        return data

    def _get(self, widget: QWidget, field):
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        text = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
        text = text.strip()
        if field.type == T.TEXT_LIST:
            return [part.strip() for part in text.split(";") if part.strip()]
        if not text:
            return None
        if field.type == T.INT:
            return int(text)
        if field.type == T.MONEY:
            amount = float(text.replace(",", "."))
            return int(amount) if amount.is_integer() else amount
        return text
