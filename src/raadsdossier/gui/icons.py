"""The window's icons: Material Design Icons through qtawesome, one name per kind (domain/kinds.py) and per action.

qtawesome (with QtPy under it) takes about a quarter of a second to import and another to load its fonts:
more than the whole first screen. So nothing here imports it until an icon is asked for, the window asks for
its icons only after the first screen is painted (MainWindow.decorate), and both happen on a worker thread
(`when_ready`, `_qtawesome`). `icon()` gives an empty icon when qtawesome is missing, so a damaged installation
still starts, without pictures.
"""

from __future__ import annotations

import threading
from functools import lru_cache

from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from raadsdossier.domain import kinds

# One colour per kind, for the timeline and the navigator: distinguishable in light and dark mode
# (mid-saturation tones that keep contrast against both a white and a dark grey background).
KIND_COLOURS = {
    "partnership": "#5b6abf", "party": "#6d6d6d", "person": "#6d6d6d", "meeting": "#3f7fbf",
    "motion": "#c0392b", "commitment": "#d68910", "question_set": "#2e86c1", "college_note": "#7d3c98",
    "demonstration": "#cb4335", "event": "#17a589", "cost": "#b9770e", "outcome": "#229954",
    "source": "#5d6d7e", "attachment": "#5d6d7e", "note": "#a04000", "checklist_assessment": "#1e8449",
    "unassigned_vote": "#922b21",
}

# Icons of the window's actions and of the sections without a kind of their own.
ACTIONS = {
    "new-dossier": "mdi6.folder-plus-outline", "open": "mdi6.folder-open-outline", "import": "mdi6.import",
    "pack": "mdi6.file-pdf-box", "search": "mdi6.magnify", "undo": "mdi6.undo", "redo": "mdi6.redo",
    "new-item": "mdi6.plus", "delete": "mdi6.delete-outline", "edit": "mdi6.pencil-outline",
    "read": "mdi6.book-open-page-variant-outline", "backups": "mdi6.backup-restore", "check": "mdi6.shield-check-outline",
    "manual": "mdi6.help-circle-outline", "overview": "mdi6.view-dashboard-outline", "timeline": "mdi6.timeline-text-outline",
    "costs_and_outcomes": "mdi6.cash-multiple", "parties_and_people": "mdi6.account-group",
    "open-file": "mdi6.open-in-app", "show-folder": "mdi6.folder-search-outline", "close": "mdi6.close",
    "warning": "mdi6.alert-outline", "done": "mdi6.check",
}


def colour(kind: str) -> str:
    return KIND_COLOURS.get(kind, "#5d6d7e")


_loading = threading.Lock()


@lru_cache(maxsize=None)
def _qtawesome():
    """qtawesome, imported and with its fonts loaded: qtawesome loads them (each font's file checked, added to
    Qt's font database, its character map read) at the first icon, which took a quarter of a second on the GUI
    thread; asking for a character map here has that done where this runs, on a worker thread in the window
    (`when_ready`; Qt's font database is thread-safe). One thread at a time, so that a second caller waits for
    the fonts instead of loading them again."""
    with _loading:
        try:
            import qtawesome
        except ImportError:  # pragma: no cover - a damaged installation: the window works without pictures
            return None
        try:
            qtawesome.charmap(ACTIONS["new-item"])
        except Exception:  # a font qtawesome cannot load: icons of it come out empty (see _icon)
            pass
        return qtawesome


def _imported() -> bool:
    """Whether `_qtawesome()` has returned. Not `"qtawesome" in sys.modules`: that holds from the moment a worker
    starts importing it, and an icon asked for on the GUI thread then waited there for the rest of the import
    (a third of a second, while a large dossier opened)."""
    return _qtawesome.cache_info().currsize > 0


_waiting: list = []


def when_ready(callback) -> None:
    """Call `callback()` on the GUI thread once qtawesome is imported: now if it is, else after importing it
    on a worker thread (its quarter of a second would otherwise stop the window)."""
    if _imported():
        callback()
        return
    _waiting.append(callback)
    if len(_waiting) > 1:
        return  # the import is under way

    def done(_result=None) -> None:
        callbacks = list(_waiting)
        _waiting.clear()
        for waiting in callbacks:
            try:
                waiting()
            except RuntimeError:  # its widget was closed meanwhile ("Internal C++ object already deleted")
                pass

    from raadsdossier.gui import tasks

    tasks.run_in_background(_qtawesome, done, done)


def ready(then=None) -> bool:
    """Whether icons can be made without a pause. If not yet, the import starts on a worker thread, and
    `then()` is called on the GUI thread when it is done (e.g. to repaint a view that drew no icons)."""
    if _imported():
        return True
    when_ready(then or (lambda: None))
    return False


def _palette_colour(role: QPalette.ColorRole) -> str:
    app = QApplication.instance()
    palette = app.palette() if app is not None else QPalette()
    return palette.color(role).name()


@lru_cache(maxsize=None)
def _icon(name: str, tint: str, selected: str) -> QIcon:
    qta = _qtawesome()
    if qta is None:
        return QIcon()
    try:
        return qta.icon(name, color=QColor(tint), color_disabled=QColor("#9a9a9a"), color_selected=QColor(selected))
    except Exception:  # an unknown name in an older qtawesome: no picture rather than no window
        return QIcon()


def icon(name: str, tint: str | None = None) -> QIcon:
    """The icon `name` ("mdi6.gavel", or a key of ACTIONS), in `tint` or the palette's text colour. On a selected
    row (QIcon's Selected mode: the navigator's current section, a chosen list row) it is drawn in the colour of
    selected text, as the row's text is: a kind's colour on the selection's blue was hard to see."""
    return _icon(ACTIONS.get(name, name), tint or _palette_colour(QPalette.ColorRole.WindowText),
                 _palette_colour(QPalette.ColorRole.HighlightedText))


def kind_icon(kind: str, coloured: bool = True) -> QIcon:
    """The icon of an item kind ("motion"), in the kind's colour unless `coloured` is false."""
    entry = kinds.BY_NAME.get(kind)
    if entry is None:
        return QIcon()
    return icon(entry.icon, colour(kind) if coloured else None)


def section_icon(key: str) -> QIcon:
    """The icon of a navigator section: its own (ACTIONS) or that of the first kind it lists."""
    if key in ACTIONS:
        return icon(key)
    section = kinds.SECTION_BY_KEY.get(key)
    if section is None or not section.kinds:
        return QIcon()
    return kind_icon(section.kinds[0].name)


def clear_cache() -> None:
    """Forget made icons (after the palette changed between light and dark)."""
    _icon.cache_clear()
