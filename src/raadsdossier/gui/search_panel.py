"""Ctrl+F: one box that searches the dossier (or all open dossiers) as you type, off the GUI thread, with the
results in a list that floats over the window under the box (it never pushes the window's content down).

The box is on the first screen of start-up (benchmarked: bench/run.py "start"); the hits, how they read and
the list under the box (gui/search_results.py) are loaded when first needed.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QHBoxLayout, QLineEdit, QWidget

from raadsdossier.gui.lazy_qt import USER_ROLE, Qt

# Hits per dossier. The service is asked for one more, so the panel knows when the limit cut results off.
LIMIT = 30
HIT_ROLE = USER_ROLE  # a Hit (Qt.ItemDataRole.UserRole, as an int: see gui/lazy_qt.py)
# A matched word: dark text on a soft yellow, bold, readable on the light and the dark palette and on a
# selected row alike.
MATCH_STYLE = "background-color:#fde68a; color:#1f1f1f; font-weight:bold;"

Parts = tuple[tuple[str, bool], ...]  # (text, is a match), in reading order


def _named(target) -> tuple[object, str]:
    """(dossier, display name); a bare dossier (from a window that gives no names) is named by its file."""
    return target if isinstance(target, tuple) else (target, target.path.stem)


def _tidy(parts: list[tuple[str, bool]]) -> Parts:
    """Whitespace (line breaks in a body text) as single spaces; empty parts dropped, neighbours merged."""
    tidy: list[tuple[str, bool]] = []
    for text, matched in parts:
        text = re.sub(r"\s+", " ", text)
        if not text:
            continue
        if tidy and tidy[-1][1] == matched:
            tidy[-1] = (tidy[-1][0] + text, matched)
        else:
            tidy.append((text, matched))
    return tuple(tidy)


def split_matches(text: str, pattern: re.Pattern | None) -> Parts:
    """`text` in parts, the words `pattern` matches marked."""
    if pattern is None:
        return _tidy([(text, False)])
    parts, pos = [], 0
    for match in pattern.finditer(text):
        if match.end() > match.start():
            parts += [(text[pos:match.start()], False), (match.group(0), True)]
            pos = match.end()
    return _tidy(parts + [(text[pos:], False)])


def split_marked(snippet: str, pattern: re.Pattern | None) -> Parts:
    """A service snippet, whose matches come as "[match]", in parts without those brackets. A bracket the
    text itself has ("motie [1]") stays: only a bracket pair right around a match of `pattern` is a marker."""
    if pattern is None:
        return _tidy([(snippet, False)])
    parts, pos = [], 0
    for match in pattern.finditer(snippet):
        start, end = match.start(), match.end()
        if start - 1 >= pos and snippet[start - 1:start] == "[" and snippet[end:end + 1] == "]":
            parts += [(snippet[pos:start - 1], False), (match.group(0), True)]
            pos = end + 1
    return _tidy(parts + [(snippet[pos:], False)])


def plain(parts: Parts) -> str:
    return "".join(text for text, _matched in parts)


def fill_in(template: str, *values: str) -> str:
    """`template` with %1, %2, … replaced by `values` in one pass (a query may itself contain "%2")."""
    return re.sub(r"%(\d)", lambda m: values[int(m.group(1)) - 1] if 0 < int(m.group(1)) <= len(values)
                  else m.group(0), template)


class SearchPanel(QWidget):
    """The search box. Emits `open_hit(dossier_path, item_id)` when the user opens a hit (Enter in the box,
    or a click in the list), and closes the list."""

    open_hit = Signal(str, str)

    MAX_WIDTH = 920

    def __init__(self, dossiers, parent=None, clear_button: bool = True) -> None:
        """`clear_button` False: the box's clear button comes with `add_clear_button` (start-up's first screen: it
        only shows once there is text, and making it loads the style's icon, 0.7 ms; gui/mainwindow.py)."""
        super().__init__(parent)
        # callable: () -> (the current (Dossier, display name) or None, [(Dossier, display name) of every open one])
        self.dossiers = dossiers
        self.box = QLineEdit()
        self.box.setPlaceholderText(self.tr("Zoeken in het dossier (Ctrl+F)"))
        self.box.setAccessibleName(self.tr("Zoeken"))
        self.box.setAccessibleDescription(self.tr(
            "Pijltjestoetsen kiezen een resultaat, Enter opent het, Escape wist de zoekvraag."))
        if clear_button:
            self.add_clear_button()
        self.everywhere = QCheckBox(self.tr("in alle open dossiers"))
        self.everywhere.setAccessibleName(self.tr("Zoeken in alle open dossiers"))
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 4, 4, 4)
        row.addWidget(self.box, 1)
        row.addWidget(self.everywhere)
        self._overlay = None  # the list under the box (`overlay`), made when first needed
        self.timer = QTimer(self, singleShot=True, interval=150)
        self.timer.timeout.connect(self.run_search)
        # "Zoeken naar …" only when a search takes long enough to be noticed
        self.busy_timer = QTimer(self, singleShot=True, interval=250)
        self.busy_timer.timeout.connect(self._show_busy)
        self.box.textChanged.connect(self._text_changed)
        self._keys_watched = False  # the box's keys go through eventFilter once it has text (see _text_changed)
        self.everywhere.toggled.connect(lambda _on: self.run_search() if self.box.text().strip() else None)
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._focus_changed)
        self._generation = 0
        self._pending_query = ""
        self._open_when_ready = False
        self._everywhere_shown = False
        self._hits: list = []  # search_results.Hit
        self._host: QWidget | None = None

    def add_clear_button(self) -> None:
        self.box.setClearButtonEnabled(True)

    # -- what the user sees ----------------------------------------------------------------------------

    def focus(self) -> None:
        self.box.setFocus()
        self.box.selectAll()

    @property
    def overlay(self):
        """The results under the box (gui/search_results.py), made on first use: not for the first screen."""
        if self._overlay is None:
            from raadsdossier.gui.search_results import ResultsOverlay

            self._overlay = ResultsOverlay(self)
            self._overlay.list.clicked.connect(lambda index: self._open_row(index.row()))
        return self._overlay

    @property
    def results(self):
        """The list of hits."""
        return self.overlay.list

    @property
    def summary(self):
        """The line above the hits: how many of which kind, or what was searched for in vain."""
        return self.overlay.summary

    def is_open(self) -> bool:
        return self._overlay is not None and not self._overlay.isHidden()

    def showing_everywhere(self) -> bool:
        return self._everywhere_shown

    def hit_titles(self) -> list[str]:
        """The titles of the hits shown, top to bottom."""
        return [plain(hit.title) for hit in self._hits]

    def hit_dossiers(self) -> list[str]:
        """The dossier named beside each hit shown ("" when one dossier was searched)."""
        return [hit.dossier if self._everywhere_shown else "" for hit in self._hits]

    def hit_html(self, row: int) -> str:
        from raadsdossier.gui.search_results import hit_html

        return hit_html(self._hits[row], self._everywhere_shown)

    def rendered_text(self, row: int) -> str:
        """The text of a row as painted: the rich text's words and the confidentiality tag."""
        from PySide6.QtGui import QTextDocument

        from raadsdossier.gui.search_results import tag_text

        doc = QTextDocument()
        doc.setHtml(self.hit_html(row))
        tag = tag_text(self._hits[row])
        return doc.toPlainText() + ("\n" + tag if tag else "")

    # -- searching -------------------------------------------------------------------------------------

    def _text_changed(self, text: str) -> None:
        if not self._keys_watched:
            # Only now: with an empty box the arrows, Enter and Escape do nothing, and a filter from the start
            # had every event of the box on the first screen handed to Python.
            self._keys_watched = True
            self.box.installEventFilter(self)
        if text.strip():
            self.timer.start()
            return
        self.timer.stop()
        self._generation += 1  # what is still under way is no longer wanted
        self.close_results()

    def run_search(self) -> None:
        """Search for the box's text now and show the results (the box's own timer calls this as one types)."""
        self.timer.stop()
        query = self.box.text().strip()
        current, all_open = self.dossiers()
        current, all_open = (_named(current) if current else None), [_named(target) for target in all_open]
        # With no dossier in front (the motion tracker's tab), every open one is searched
        everywhere = self.everywhere.isChecked() or current is None
        targets = list(all_open) if everywhere else [current]
        if everywhere and current in targets:  # the current dossier's hits first
            targets.remove(current)
            targets.insert(0, current)
        self._generation += 1
        generation = self._generation
        if not query:
            self.close_results()
            return
        if not targets:
            self._open_when_ready = False
            self._fill([], QCoreApplication.translate("SearchPanel", "Er is geen dossier open om in te zoeken."),
                       everywhere)
            return
        from raadsdossier.gui import tasks
        from raadsdossier.gui.search_results import find  # here, not on the worker thread that calls it

        self._pending_query = query
        self.busy_timer.start()
        tasks.run_in_background(lambda: find(targets, query, everywhere),
                                lambda found: self._show(generation, found),
                                lambda exc: self._failed(generation, exc), owner=self)

    def refresh(self) -> None:
        """Search again if the results are showing (another tab became the current one); a list the user
        closed stays closed."""
        if self.is_open() and self.box.text().strip():
            self.run_search()

    def _show_busy(self) -> None:
        if self._pending_query:
            self.summary.setText(fill_in(QCoreApplication.translate("SearchPanel", "Zoeken naar „%1”…"),
                                         self._pending_query))
            self._place()

    def _show(self, generation: int, found) -> None:
        """Show `found` (a search_results.Found) unless a newer search is under way."""
        from raadsdossier.gui.search_results import summary_text

        if generation != self._generation:  # a newer search is under way, or the box was emptied
            return
        self._done_waiting()
        self._fill(found.hits, summary_text(found), found.everywhere)
        if self._open_when_ready:
            self._open_when_ready = False
            self._open_row(self.results.currentRow())

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self._done_waiting()
        self._open_when_ready = False
        self._fill([], fill_in(QCoreApplication.translate("SearchPanel", "Zoeken lukte niet: %1"), str(exc)),
                   self.everywhere.isChecked())

    def _done_waiting(self) -> None:
        self.busy_timer.stop()
        self._pending_query = ""

    def _fill(self, hits: list, summary: str, everywhere: bool) -> None:
        """Show `hits` (search_results.Hit) under `summary`."""
        from raadsdossier.gui.search_results import hit_text

        self._hits = list(hits)
        self._everywhere_shown = everywhere
        self.summary.setText(summary)
        # a count is a heading, muted; "Niets gevonden." or an error is the message itself
        self.summary.setForegroundRole(QPalette.ColorRole.PlaceholderText if hits else QPalette.ColorRole.Text)
        self.results.clear()
        from PySide6.QtWidgets import QListWidgetItem  # with the results, not for the first screen

        for hit in hits:
            entry = QListWidgetItem(hit_text(hit, everywhere))
            entry.setData(HIT_ROLE, hit)
            entry.setToolTip(hit_text(hit, True))
            self.results.addItem(entry)
        self.results.setVisible(bool(hits))
        if hits:
            self.results.setCurrentRow(0)
        self._place()

    # -- the list over the window -----------------------------------------------------------------------

    def _place(self) -> None:
        """Show the list under the box, over the window's content, as high as its rows need and the window allows."""
        window = self.window()
        if window is not self and self._host is not window:
            if self._host is not None:
                self._host.removeEventFilter(self)
            self.overlay.setParent(window)
            window.installEventFilter(self)
            self._host = window
        host = self.overlay.parentWidget()
        top_left = self.box.mapTo(host, QPoint(0, self.box.height() + 3))
        right = self.mapTo(host, QPoint(self.width(), 0)).x() - 4
        width = max(200, min(right - top_left.x(), self.MAX_WIDTH))
        room = host.height() - top_left.y() - 12
        height = max(24, min(self.overlay.preferred_height(width), room))
        self.overlay.setGeometry(top_left.x(), top_left.y(), width, height)
        self.overlay.show()
        self.overlay.raise_()
        current = self.results.currentItem()
        if current is not None:
            self.results.scrollToItem(current)

    def close_results(self) -> None:
        """Hide the list; it comes back when the user searches again (types, Down or Enter in the box)."""
        self._open_when_ready = False
        self.busy_timer.stop()
        self._pending_query = ""
        if self._overlay is not None:
            self._overlay.hide()

    def clear(self) -> None:
        """Escape: an empty box and no list."""
        self.timer.stop()
        self.box.clear()
        self.close_results()

    def _open_row(self, row: int) -> None:
        if not 0 <= row < len(self._hits):
            row = 0
        if not self._hits:
            return
        hit = self._hits[row]
        self.close_results()
        self.open_hit.emit(hit.path, hit.item_id)

    def open_current(self) -> None:
        """Enter: open the chosen hit, or the first; when the results are not in yet, as soon as they are."""
        if self.timer.isActive() or self._pending_query or not self.is_open():
            if not self.box.text().strip():
                return
            self._open_when_ready = True
            if self.timer.isActive() or not self._pending_query:
                self.run_search()
            return
        self._open_row(self.results.currentRow())

    def _move(self, step: int) -> None:
        if not self.is_open():
            if self.box.text().strip():
                self.run_search()
            return
        count = self.results.count()
        if count:
            self.results.setCurrentRow(max(0, min(count - 1, self.results.currentRow() + step)))

    # -- events ----------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.box and event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            key = event.key()
            steps = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5, Qt.Key.Key_PageUp: -5}
            handled = key in steps or key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) or (
                key == Qt.Key.Key_Escape and (self.box.text() or self.is_open()))
            if event.type() == QEvent.Type.ShortcutOverride:
                if handled:  # the box, not a window shortcut, gets these keys
                    event.accept()
                return False
            if key in steps:
                self._move(steps[key])
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_current()
                return True
            if key == Qt.Key.Key_Escape and handled:
                self.clear()
                return True
        elif watched is self._host and event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            if self.is_open():
                QTimer.singleShot(0, self._replace)
        return super().eventFilter(watched, event)

    def _replace(self) -> None:
        if self.is_open():
            self._place()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.is_open():
            self._place()

    def moveEvent(self, event) -> None:
        super().moveEvent(event)
        if self.is_open():
            self._place()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.is_open():
            self.close_results()
            return
        super().keyPressEvent(event)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Focus gone elsewhere in the window (a click in a list, a tab): the list gets out of the way.
        # Not when the window merely lost focus to another program.
        if new is not None and self.is_open() and not self.isAncestorOf(new) and not self.overlay.isAncestorOf(new):
            self.close_results()
