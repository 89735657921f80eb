"""A dossier's tab while the app starts: its navigator and Overzicht as the dossier view will show them,
read with core/glance.py before the data layer is imported, and replaced by the dossier view once it is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QWidget

from raadsdossier.gui.sections.overview import OverviewSection
from raadsdossier.gui.sections.registry import section_titles
from raadsdossier.storage import glance


def dossier_title(partnership: dict | None, path: Path) -> str:
    """A dossier's name on its tab and in the window title: its partnership, else its file name."""
    if partnership:
        return f"{partnership['dutch_side']} – {partnership['partner_name']}"
    return Path(path).stem


class GlanceView(QWidget):
    """Stands in a tab for the dossier at `path` until MainWindow opens it (not a DossierView: nothing edits here).

    `data` is the dossier's glance (storage/glance.py), or None when it has none. Without `data`, give the
    `partnership` for the title: the glance is then read when the tab is first shown.
    """

    dossier = None  # the overview section builds no form without one
    _unread = object()

    def __init__(self, path: Path, data: dict | None = _unread, parent=None, partnership: dict | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self._data = data
        self.title = dossier_title(data["partnership"] if self.is_read and data else partnership, self.path)
        self.overview: OverviewSection | None = None
        self._built = False

    @property
    def is_read(self) -> bool:
        """Whether the glance has been read (asking for `data` reads it)."""
        return self._data is not self._unread

    @property
    def data(self) -> dict | None:
        """The glance at the dossier (None: it has to be opened properly first), read when first asked for."""
        if self._data is self._unread:
            self._data = glance.glance(self.path)
        return self._data

    def showEvent(self, event) -> None:
        # Built when first shown: only the current tab's glance is read and laid out before the window appears.
        if not self._built:
            self._build()
        super().showEvent(event)

    def _build(self) -> None:
        self._built = True
        navigator = QListWidget()
        navigator.setAccessibleName(self.tr("Onderdelen van het dossier"))
        navigator.setMaximumWidth(220)
        navigator.addItems([title for _key, title in section_titles()])
        navigator.setCurrentRow(0)
        navigator.setEnabled(False)  # sections open once the dossier is
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(navigator)
        if self.data is not None:
            self.overview = OverviewSection(self)
            self.overview.show_glance(self.data)
            layout.addWidget(self.overview, 1)
        else:  # encrypted, to be migrated, damaged…: opening it properly will say so
            waiting = QLabel(self.tr("Het dossier wordt geopend…"))
            waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(waiting, 1)

    def current_section(self):
        return self.overview

    def open_item(self, _item_id: str) -> bool:
        return False  # a link on the glance waits for the dossier to open

    def show_section(self, _key: str):
        return None  # likewise a card's link to its section
