"""One open dossier: its navigator of sections, its undo stack, and the changes it carries out.

Every change is a call of a service (raadsdossier.services) that returns a change record; the view
pushes its undo step and refreshes only the sections that show what it names (`apply`). A change that
can take more than a moment (an import, undoing one, adding files) runs off the GUI thread with a
progress dialog (`run_in_background`).
"""

from __future__ import annotations

from pathlib import Path

from shiboken6 import isValid
from PySide6.QtCore import QLocale, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPalette, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout, QListWidget, QListWidgetItem, QMessageBox, QProgressDialog, QStackedWidget, QStyle,
    QStyledItemDelegate, QWidget,
)

from raadsdossier.domain import kinds
from raadsdossier.domain.errors import DossierError
from raadsdossier.gui import tasks
from raadsdossier.gui.undo import ChangeCommand
from raadsdossier.services import edits, lists
from raadsdossier.services.changes import Change
from raadsdossier.storage.dossier import Dossier

# An undo step touching more items than this (undoing an import) runs off the GUI thread.
LARGE_STEP = 50
CountRole = Qt.ItemDataRole.UserRole + 1  # a navigator entry's number of items


class NavigatorDelegate(QStyledItemDelegate):
    """A navigator entry with its number of items right-aligned in a quieter colour ("Moties      3")."""

    def paint(self, painter, option, index) -> None:
        super().paint(painter, option, index)
        count = index.data(CountRole)
        if count is None:
            return
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        painter.setPen(option.palette.color(role))
        view = option.widget
        right = view.viewport().width() if view is not None else option.rect.right()
        rect = option.rect.adjusted(0, 0, 0, 0)
        rect.setRight(right - 8)
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, QLocale().toString(count))
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + 40, max(hint.height(), 26))


class DossierView(QWidget):
    """Navigator and sections of one dossier. Changes go through `save_item`, `delete_item`, `assess`,
    `import_files` and the undo stack; each ends in `apply`."""

    changed = Signal(object)  # the Change that was made (services/changes.py)
    message = Signal(str)
    party_record_asked = Signal(str)  # a party's page asked for its record: the motion tracker, filtered on it

    def __init__(self, dossier: Dossier, parent=None) -> None:
        super().__init__(parent)
        self.dossier = dossier
        self._title: str | None = None  # (see title)
        self.undo_stack = QUndoStack(self)
        self.setAcceptDrops(True)
        self.navigator = QListWidget()
        self.navigator.setAccessibleName(self.tr("Onderdelen van het dossier"))
        self.navigator.setItemDelegate(NavigatorDelegate(self.navigator))
        self.navigator.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigator.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.stack = QStackedWidget()
        self.sections: dict[str, object] = {}  # the sections built so far, by key
        self._keys: list[str] = []
        self._factories: dict = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigator)
        layout.addWidget(self.stack, 1)
        from raadsdossier.gui.sections.registry import build_sections

        for key, title, factory in build_sections(self):
            entry = QListWidgetItem(title)
            entry.setData(Qt.ItemDataRole.UserRole, key)
            self.navigator.addItem(entry)
            self.stack.addWidget(QWidget())  # stands in until the section is first shown
            self._keys.append(key)
            self._factories[key] = factory
        self.navigator.currentRowChanged.connect(self._show_row)
        self.navigator.setCurrentRow(0)
        self.fit_navigator()
        self._count_timer = QTimer(self, singleShot=True, interval=250)
        self._count_timer.timeout.connect(self.refresh_counts)
        self._count_timer.start()
        self._counts_generation = 0
        QTimer.singleShot(0, self._decorate_soon)

    def _decorate_soon(self) -> None:
        from raadsdossier.gui import icons

        icons.when_ready(self.decorate)

    def decorate(self) -> None:
        """The navigator's icons: after the first screen, since loading the icon font takes a moment."""
        from raadsdossier.gui import icons

        if self.navigator.count() == 0:
            return
        for row, key in enumerate(self._keys):
            self.navigator.item(row).setIcon(icons.section_icon(key))
        self.fit_navigator()

    def fit_navigator(self) -> None:
        """As wide as its longest title with icon and count: no title is cut off, no space is wasted."""
        widest = max(self.navigator.sizeHintForColumn(0), 160)
        self.navigator.setFixedWidth(widest + 2 * self.navigator.frameWidth() + 6)

    def refresh_counts(self) -> None:
        """Put each list's number of items beside its navigator entry, counted off the GUI thread."""
        from raadsdossier.services import lists

        self._counts_generation += 1
        generation, dossier = self._counts_generation, self.dossier
        sections = [(row, [kind.key for kind in kinds.SECTION_BY_KEY[key].kinds])
                    for row, key in enumerate(self._keys) if key not in ("overview", "timeline", "checklist")]

        def work():
            return [(row, sum(lists.count(dossier, key) for key in keys)) for row, keys in sections if keys]

        def done(counts) -> None:
            # A newer count is on its way, or the view was closed or deleted meanwhile (a window closed
            # without closing its tabs first deletes them with it).
            if generation != self._counts_generation or not isValid(self.navigator) or self.navigator.count() == 0:
                return
            for row, count in counts:
                self.navigator.item(row).setData(CountRole, count)

        tasks.run_in_background(work, done, lambda _exc: None)

    def count_of(self, key: str) -> int | None:
        """The number beside section `key` in the navigator (None until counted)."""
        return self.navigator.item(self._keys.index(key)).data(CountRole)

    @property
    def title(self) -> str:
        """The partnership, "Arnhem – Wuhan" (the file's name without one), read once and again after a change to it:
        the window names every tab after every change (MainWindow.names)."""
        if self._title is None:
            names = lists.partnership_names(self.dossier)  # not dashboard.overview: that counts the whole dossier
            self._title = f"{names[0]} – {names[1]}" if names else self.dossier.path.stem
        return self._title

    def section_keys(self) -> list[str]:
        return list(self._keys)

    def current_section(self):
        return self.stack.currentWidget()

    def section(self, key: str):
        """The section for `key`, built now if it has not been shown before (GUI thread)."""
        if key not in self.sections:
            index = self._keys.index(key)
            section = self._factories[key]()
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, section)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.sections[key] = section
        return self.sections[key]

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        section = self.section(self._keys[row])
        self.stack.setCurrentIndex(row)
        if section.stale:
            self._refresh(section)

    def _refresh(self, section) -> None:
        """Read a section again; what cannot be read (a damaged dossier) is said, in the words of the error."""
        try:
            section.refresh()
        except DossierError as exc:
            QMessageBox.warning(self, self.tr("Niet te lezen"), str(exc))

    def show_section(self, key: str):
        self.navigator.setCurrentRow(self._keys.index(key))
        return self.section(key)

    def open_item(self, item_id: str) -> bool:
        """Show the section holding `item_id` with the item selected."""
        try:
            key, _data = lists.get(self.dossier, item_id)
        except DossierError as exc:
            self.message.emit(str(exc))
            return False
        section_key = kinds.by_key(key).section
        return section_key in self._keys and self.show_section(section_key).show_item(item_id)

    # -- changes -----------------------------------------------------------------

    def apply(self, change: Change, description: str | None = None) -> None:
        """A change made by a service: push its undo step (with `description`) and refresh what it touched."""
        if description is not None and change.undo:
            self.undo_stack.push(ChangeCommand(self, change.undo, description))
        self.refresh_for(change)

    def refresh_for(self, change: Change) -> None:
        """Refresh the sections that show what `change` names: the one on screen now, the others when next
        shown. Sections not built yet read when first shown anyway."""
        if not change:
            return
        for section in self.sections.values():
            if not section.shows(change):
                continue
            if section is self.current_section():
                self._refresh(section)
            else:
                section.stale = True
        if change.everything or change.added or change.removed:
            self._count_timer.start()
        if change.touches(("partnership",)):
            self._title = None
        self.changed.emit(change)

    def _error(self, exc: Exception) -> None:
        QMessageBox.warning(self, self.tr("Niet opgeslagen"), str(exc))

    def writable(self) -> bool:
        """Whether changes can be made; if not (read-only), the user is told so."""
        if self.dossier.read_only:
            self._error(DossierError(self.tr("Dit dossier is alleen-lezen geopend.")))
            return False
        return True

    def _do(self, work, description: str) -> Change | None:
        """Call a quick service now (one item: a few milliseconds); apply its change, or say why not."""
        if not self.writable():
            return None
        try:
            change = work()
        except DossierError as exc:
            self._error(exc)
            self.current_section().refresh()  # the form shows what is stored again, not what was refused
            return None
        self.apply(change, description)
        return change

    def save_item(self, key: str, after: dict, description: str) -> bool:
        """Save an item now as one undoable step; on bad input say why and change nothing."""
        return self._do(lambda: edits.save_item(self.dossier, key, after), description) is not None

    def delete_item(self, item_id: str, what: str) -> bool:
        return self._do(lambda: edits.delete_item(self.dossier, item_id),
                        self.tr("%1 verwijderen").replace("%1", what)) is not None

    def assess(self, template: str, entry: dict, description: str) -> bool:
        return self._do(lambda: edits.assess(self.dossier, template, entry), description) is not None

    def assign_vote(self, vote_id: str, motion_id: str, description: str) -> bool:
        return self._do(lambda: edits.assign_vote(self.dossier, vote_id, motion_id), description) is not None

    def import_files(self, sources, description: str, on_done=None) -> None:
        """Import `sources` (files, or documents as (name, document)) off the GUI thread as one undoable step;
        `on_done(result)` (services.importing.ImportResult) after. On bad input, a message and no change."""
        from raadsdossier.services import importing

        if not self.writable():
            return

        def done(result) -> None:
            self.apply(result.change, description)
            if on_done is not None:
                on_done(result)

        self.run_in_background(lambda: importing.import_files(self.dossier, sources, isolated=True),
                               self.tr("Bezig met importeren…"), done)

    def add_attachments(self, paths: list[Path], on_done=None) -> None:
        """Keep files as attachments, off the GUI thread (reading a PDF's text can take a while), as one
        undoable step; a file that cannot be added is named in a message. `on_done(change)` after."""
        if not self.writable():
            return

        def done(result: edits.AttachResult) -> None:
            self.apply(result.change, self.tr("Bijlage toevoegen"))
            if result.problems:
                QMessageBox.warning(self, self.tr("Bijlage niet toegevoegd"), "\n\n".join(result.problems))
            if on_done is not None:
                on_done(result.change)

        self.run_in_background(lambda: edits.add_attachments(self.dossier, paths),
                               self.tr("Bijlagen worden toegevoegd…"), done)

    def run_in_background(self, work, label: str, on_done, on_error=None) -> None:
        """Run `work()` (a service call) on the thread pool behind a window-modal progress dialog saying
        `label`; `on_done(result)` or `on_error(exc)` (default: a message) runs on the GUI thread after."""
        busy = QProgressDialog(label, None, 0, 0, self)  # no cancel: a transaction lands whole or not at all
        busy.setWindowTitle("Raadsdossier")
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.setMinimumDuration(300)  # a step that is over in a moment shows no dialog

        def finish(callback, value):
            busy.reset()
            busy.deleteLater()
            callback(value)

        tasks.run_in_background(work, lambda result: finish(on_done, result),
                                lambda exc: finish(on_error or self._error, exc), owner=self)

    def revert(self, command: ChangeCommand) -> None:
        """Undo or redo `command`: carry out its step and keep the step that reverses that. A large step
        (undoing an import) runs off the GUI thread."""
        step = command.step

        def done(change: Change) -> None:
            command.step = change.undo
            self.refresh_for(change)

        def failed(exc: Exception) -> None:
            self._error(exc)
            command.setObsolete(True)  # it cannot be carried out: the stack drops it

        if step.size > LARGE_STEP:
            self.run_in_background(lambda: edits.revert(self.dossier, step), command.text(), done, failed)
            return
        try:
            change = edits.revert(self.dossier, step)
        except DossierError as exc:
            failed(exc)
        else:
            done(change)

    def import_dialog(self, paths: list[Path] | None = None):
        """The import preview for `paths`, or for files the user picks now when none are given."""
        from raadsdossier.gui.import_dialog import ImportDialog

        if not self.writable():
            return None
        dialog = ImportDialog(self, list(paths or []), self)
        dialog.open()
        if not paths:
            dialog.choose()
        return dialog

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        """Files dropped on a dossier are imported (after the preview); on Bijlagen they become attachments."""
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_dialog(paths)

    def close(self) -> bool:
        self._count_timer.stop()
        self._counts_generation += 1  # a count still on its way finds the navigator gone: it is dropped
        self.dossier.close()
        return super().close()
