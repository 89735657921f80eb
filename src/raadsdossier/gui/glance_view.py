"""A dossier's tab while the app starts: its navigator and Overzicht as the dossier view will show them,
read with core/glance.py before the data layer is imported, and replaced by the dossier view once it is."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFontMetricsF, QPainterPath, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStylePainter, QWidget

from raadsdossier.gui.i18n import section_titles
from raadsdossier.gui.lazy_qt import ALIGN_LEFT, ALIGN_TOP, Qt
from raadsdossier.gui.sections.overview import OverviewSection
from raadsdossier.storage import glance


def dossier_title(partnership: dict | None, path: Path) -> str:
    """A dossier's name on its tab and in the window title: its partnership, else its file name."""
    if partnership:
        return f"{partnership['dutch_side']} – {partnership['partner_name']}"
    return Path(path).stem


class GlanceNavigator(QFrame):
    """The navigator of a dossier not yet open: its sections' titles, greyed out, the first one marked, as the
    disabled list the dossier view's navigator would be. Drawn rather than a QListWidget: making Qt's item-view
    classes in Python was a thirtieth of the first screen of start-up (bench/run.py "start"), and the dossier
    view brings its own navigator when the dossier opens. It is 220 px wide (the list's width), or as wide as
    its widest title in a larger font: the list cut that title off behind a scroll bar."""

    WIDTH = 220  # the list's; wider only for a title that needs it (_fit)
    # An item view's text margin under the app's style (QCommonStyle: PM_FocusFrameHMargin + 1); a constant, as
    # asking the style for it makes all of QStyle's enums in Python. tests/gui/test_startup_first_paint.py checks
    # it against the style and the whole drawing against a disabled QListWidget.
    TEXT_MARGIN = 3

    def __init__(self, titles: list[str], parent=None) -> None:
        super().__init__(parent)
        self.titles = titles
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFrameShadow(QFrame.Shadow.Sunken)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.setEnabled(False)  # sections open once the dossier is
        self.setAccessibleName(self.tr("Onderdelen van het dossier"))
        self.setAccessibleDescription(", ".join(titles))

    def _row_height(self) -> int:
        # an item view's row: the font's exact height rounded up (QFontMetrics.height rounds it off)
        return math.ceil(QFontMetricsF(self.font()).height())

    # Its width follows its font through the size hint, which QWidget asks again when the font changes; the glance's
    # layout gives it that width (the Overzicht beside it takes what is left). Not through a changeEvent of its
    # own: the first event Python is handed as a QEvent makes the wrappers of all of Qt's event classes, 1.5 ms of
    # the first screen of start-up (bench/run.py "start").
    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(title) for title in self.titles), default=0)
        width = max(self.WIDTH, widest + 2 * self.TEXT_MARGIN + 2 * self.frameWidth())
        return QSize(width, len(self.titles) * self._row_height() + 2 * self.frameWidth())

    def paintEvent(self, event) -> None:
        super().paintEvent(event)  # the frame
        painter = QStylePainter(self)
        palette, role = self.palette(), QPalette.ColorRole
        inner = self.contentsRect()
        height, margin = self._row_height(), self.TEXT_MARGIN
        for row, title in enumerate(self.titles):
            rect = QRect(inner.left(), inner.top() + row * height, inner.width(), height)
            if rect.top() > inner.bottom():
                break
            text_role = role.Text
            if row == 0:  # the current entry, as a disabled list marks it
                path = QPainterPath()
                path.addRect(rect.toRectF())
                painter.fillPath(path, palette.brush(QPalette.ColorGroup.Disabled, role.Highlight))
                text_role = role.HighlightedText
            painter.drawItemText(rect.adjusted(margin, 0, -margin, 0), ALIGN_LEFT | ALIGN_TOP, palette, False,
                                 title, text_role)


class GlanceView(QWidget):
    """Stands in a tab for the dossier at `path` until MainWindow opens it (not a DossierView: nothing edits here).

    `data` is the dossier's glance (storage/glance.py), or None when it has none. Without `data`, give the
    `partnership` for the title: the glance is then read when the tab is first shown, from `source` when given
    (the built demo dossier a first start's copy is made of, gui/app.py), else from `path`. With
    `selectable_texts` off, its Overzicht's texts are selectable only after `make_texts_selectable` (gui/app.py,
    after the first paint; see OverviewSection).
    """

    dossier = None  # the overview section builds no form without one
    _unread = object()

    def __init__(self, path: Path, data: dict | None = _unread, parent=None, partnership: dict | None = None,
                 selectable_texts: bool = True, source: Path | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.source = Path(source) if source is not None else self.path
        self.selectable_texts = selectable_texts
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
            self._data = glance.glance(self.source)
        return self._data

    def showEvent(self, event) -> None:
        # Built when first shown: only the current tab's glance is read and laid out before the window appears.
        if not self._built:
            self._build()
        super().showEvent(event)

    def _build(self) -> None:
        self._built = True
        navigator = GlanceNavigator([title for _key, title in section_titles()])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(navigator)
        if self.data is not None:
            self.overview = OverviewSection(self, selectable=self.selectable_texts)
            self.overview.show_glance(self.data)
            layout.addWidget(self.overview, 1)
        else:  # encrypted, to be migrated, damaged…: opening it properly will say so
            waiting = QLabel(self.tr("Het dossier wordt geopend…"))
            waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(waiting, 1)

    def make_texts_selectable(self) -> None:
        """Its Overzicht's texts selectable, now or when it is built (see OverviewSection)."""
        self.selectable_texts = True
        if self.overview is not None:
            self.overview.make_selectable()

    def current_section(self):
        return self.overview

    def open_item(self, _item_id: str) -> bool:
        return False  # a link on the glance waits for the dossier to open

    def show_section(self, _key: str):
        return None  # likewise a card's link to its section
