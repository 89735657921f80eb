"""The results of Ctrl+F: each hit as found (made on a worker thread from the service's hits), as it reads in
words and rich text, and the list that floats over the window under the search box, each hit painted with
its matches marked, the kind's icon and a confidentiality tag.

Loaded when the search panel (gui/search_panel.py) first needs it, not for the first screen of start-up.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QFont, QFontMetrics, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QFrame, QLabel, QListWidget, QStyle, QStyledItemDelegate, QStyleOptionViewItem,
    QVBoxLayout,
)

from raadsdossier.domain.enums import Confidentiality
from raadsdossier.gui import search_panel
from raadsdossier.gui.i18n import counts_text, kind_label, label
from raadsdossier.gui.search_panel import (
    HIT_ROLE, MATCH_STYLE, Parts, SearchPanel, fill_in, plain, split_marked, split_matches,
)

TAG_COLOURS = {  # confidentiality tag: (background, text)
    Confidentiality.INTERNAL: ("#fff1cc", "#6b4700"),
    Confidentiality.CONFIDENTIAL: ("#fde2e1", "#8f1d1d"),
}


@dataclass(frozen=True)
class Hit:
    """One result as the list shows it; made on the worker thread from a service SearchHit."""

    path: str
    item_id: str
    kind: str
    title: Parts
    snippet: Parts  # empty when the snippet would only repeat the title
    confidentiality: Confidentiality
    dossier: str  # the dossier's display name ("Arnhem – Wuhan")


@dataclass(frozen=True)
class Found:
    query: str
    hits: list[Hit]
    cut: bool  # some dossier had more than LIMIT hits
    everywhere: bool
    where: str  # the display name of the one dossier searched, or "" for all open ones


def find(targets: list[tuple[object, str]], query: str, everywhere: bool) -> Found:
    """Search each (dossier, display name) of `targets` for `query`. Runs on a worker thread: no Qt here."""
    from raadsdossier.services import dossiers
    from raadsdossier.storage.search import match_pattern, to_fts_query

    # The service marks matches in the snippet only; the title's matches are found with the same pattern.
    pattern = match_pattern(to_fts_query(query))
    limit = search_panel.LIMIT  # the panel's, read now (tests change it)
    hits, cut = [], False
    for dossier, name in targets:
        found = dossiers.search(dossier, query, limit=limit + 1)
        cut = cut or len(found) > limit
        for hit in found[:limit]:
            title = split_matches(hit.title or "", pattern)
            snippet = split_marked(hit.snippet or "", pattern)
            if plain(snippet).strip(" …") in plain(title):  # the match is in the title: said once is enough
                snippet = ()
            hits.append(Hit(str(dossier.path), hit.id, hit.kind, title, snippet, hit.confidentiality, name))
    return Found(query, hits, cut, everywhere, "" if everywhere else (targets[0][1] if targets else ""))


def kind_name(kind: str) -> str:
    """"Motie": the kind's singular with a capital, as a label of its own."""
    name = kind_label(kind)
    return name[:1].upper() + name[1:]


def tag_text(hit: Hit) -> str:
    """The confidentiality tag of a hit ("vertrouwelijk"), "" for a public one."""
    return "" if hit.confidentiality is Confidentiality.PUBLIC else label(hit.confidentiality.value)


def _escape(text: str) -> str:
    import html  # its entity tables are not needed for the first screen of start-up

    return html.escape(text, quote=False)


def _html_parts(parts: Parts) -> str:
    return "".join(f'<span style="{MATCH_STYLE}">{_escape(text)}</span>' if matched else _escape(text)
                   for text, matched in parts)


def hit_html(hit: Hit, show_dossier: bool, muted: str = "#6b6b6b") -> str:
    """The two lines of a hit: its title, then kind (and dossier) in `muted` and the snippet; matches marked."""
    meta = kind_name(hit.kind) + (" · " + hit.dossier if show_dossier and hit.dossier else "")
    second = f'<span style="color:{muted};">{_escape(meta)}</span>'
    if hit.snippet:
        second += f'<span style="color:{muted};"> — </span>{_html_parts(hit.snippet)}'
    title = _html_parts(hit.title) or _escape(kind_name(hit.kind))
    return f'<div style="font-weight:600;">{title}</div><div>{second}</div>'


def hit_text(hit: Hit, show_dossier: bool) -> str:
    """What a screen reader says for a hit: the same words as the list shows."""
    words = [kind_name(hit.kind) + ": " + plain(hit.title)]
    if tag_text(hit):
        words.append("(" + tag_text(hit) + ")")
    if show_dossier and hit.dossier:
        words.append("— " + hit.dossier)
    if hit.snippet:
        words.append("— " + plain(hit.snippet))
    return " ".join(words)


def kinds_text(hits: list[Hit]) -> str:
    """"5 moties, 4 vragensets, 3 bronnen": the hits per kind, in the registry's order of kinds."""
    return counts_text(Counter(hit.kind for hit in hits))


def summary_text(found: Found) -> str:
    """The line above the results: how many of which kind, or what was searched for in vain."""
    total = len(found.hits)
    if not total:
        where = QCoreApplication.translate("SearchPanel", "alle open dossiers") if found.everywhere else found.where
        return (QCoreApplication.translate("SearchPanel", "Niets gevonden.") + " "
                + fill_in(QCoreApplication.translate("SearchPanel", "Gezocht naar „%1” in %2."), found.query, where))
    per_kind = kinds_text(found.hits)
    number = QLocale().toString(total)
    if found.cut:
        return fill_in(QCoreApplication.translate("SearchPanel", "Meer dan %1 resultaten; de beste %1: %2"),
                       number, per_kind)
    if total == 1:
        return fill_in(QCoreApplication.translate("SearchPanel", "1 resultaat: %1"), per_kind)
    return fill_in(QCoreApplication.translate("SearchPanel", "%1 resultaten: %2"), number, per_kind)


def _mix(a: QColor, b: QColor, share_of_b: float) -> str:
    """A colour between `a` and `b` (by `share_of_b`), as #rrggbb: a muted text that keeps its contrast."""
    mixed = [round(x * (1 - share_of_b) + y * share_of_b) for x, y in
             ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue()))]
    return QColor(*mixed).name()


class HitDelegate(QStyledItemDelegate):
    """Paints a hit: the kind's icon, the title and snippet as rich text with the matches marked, and the
    confidentiality as a small tag on the right."""

    PAD_X, PAD_Y, ICON, GAP = 8, 5, 18, 8

    def __init__(self, panel: SearchPanel, view: QListWidget) -> None:
        super().__init__(view)
        self.panel = panel
        self.view = view

    def _hit(self, index) -> Hit | None:
        hit = index.data(HIT_ROLE)
        return hit if isinstance(hit, Hit) else None

    def _tag_size(self, hit: Hit, font: QFont) -> QSize:
        text = tag_text(hit)
        if not text:
            return QSize(0, 0)
        metrics = QFontMetrics(self._tag_font(font))
        return QSize(metrics.horizontalAdvance(text) + 16, metrics.height() + 4)

    @staticmethod
    def _tag_font(font: QFont) -> QFont:
        small = QFont(font)
        if font.pointSizeF() > 0:
            small.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        else:  # a font sized in pixels
            small.setPixelSize(max(8, round(font.pixelSize() * 0.85)))
        return small

    def _text_width(self, hit: Hit, total: int, font: QFont) -> int:
        tag = self._tag_size(hit, font)
        return max(80, total - 2 * self.PAD_X - self.ICON - self.GAP - (tag.width() + self.GAP if tag.width() else 0))

    def document(self, hit: Hit, font: QFont, width: int, muted: str = "#6b6b6b") -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(font)
        doc.setHtml(hit_html(hit, self.panel.showing_everywhere(), muted))
        doc.setTextWidth(width)
        return doc

    def row_height(self, index, width: int, font: QFont) -> int:
        hit = self._hit(index)
        if hit is None:
            return QFontMetrics(font).height() + 2 * self.PAD_Y
        doc = self.document(hit, font, self._text_width(hit, width, font))
        return int(doc.size().height()) + 2 * self.PAD_Y

    def sizeHint(self, option, index) -> QSize:
        width = self.view.viewport().width()
        return QSize(width, self.row_height(index, width, option.font))

    def paint(self, painter, option, index) -> None:
        hit = self._hit(index)
        if hit is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # the background and selection only: the text is painted below
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        text_colour = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = text_colour.name() if selected else _mix(palette.color(QPalette.ColorRole.Text),
                                                         palette.color(QPalette.ColorRole.Base), 0.42)
        rect = opt.rect.adjusted(self.PAD_X, self.PAD_Y, -self.PAD_X, -self.PAD_Y)
        painter.save()
        from raadsdossier.gui import icons  # qtawesome is slow to import: loaded off the GUI thread, then shown

        view = opt.widget
        if icons.ready(lambda: view.viewport().update() if view is not None else None):
            icons.kind_icon(hit.kind).paint(painter, QRect(rect.left(), rect.top() + 1, self.ICON, self.ICON))
        tag = self._tag_size(hit, opt.font)
        if tag.width():
            background, foreground = TAG_COLOURS.get(hit.confidentiality, ("#e8e8e8", "#333333"))
            box = QRectF(rect.right() - tag.width(), rect.top(), tag.width(), tag.height())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QColor(foreground).lighter(160))
            painter.setBrush(QColor(background))
            painter.drawRoundedRect(box, tag.height() / 2, tag.height() / 2)
            painter.setPen(QColor(foreground))
            painter.setFont(self._tag_font(opt.font))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, tag_text(hit))
        width = self._text_width(hit, opt.rect.width(), opt.font)
        doc = self.document(hit, opt.font, width, muted)
        painter.translate(rect.left() + self.ICON + self.GAP, rect.top())
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, text_colour)
        painter.setClipRect(QRectF(0, 0, width, rect.height() + 1))
        doc.documentLayout().draw(painter, context)
        painter.restore()


class ResultsOverlay(QFrame):
    """The results under the search box: a frameless child of the main window, raised above its content
    and placed by the panel, so that showing it moves nothing."""

    def __init__(self, panel: SearchPanel) -> None:
        super().__init__(panel)
        self.setObjectName("search-results")
        self.setFrameShape(QFrame.Shape.Box)  # a plain line in the palette's dark tone: the list's edge shows on
        self.setFrameShadow(QFrame.Shadow.Plain)  # a white page, in the light and the dark palette
        self.setForegroundRole(QPalette.ColorRole.Dark)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.summary = QLabel()
        self.summary.setObjectName("search-summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(QCoreApplication.translate("SearchPanel", "Aantal zoekresultaten"))
        self.summary.setContentsMargins(8, 6, 8, 5)
        self.list = QListWidget()
        self.list.setObjectName("search-list")
        self.list.setAccessibleName(QCoreApplication.translate("SearchPanel", "Zoekresultaten"))
        # The box keeps the keyboard: arrows and Enter there move through and open the results.
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setMouseTracking(True)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.delegate = HitDelegate(panel, self.list)
        self.list.setItemDelegate(self.delegate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.setSpacing(0)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self.hide()

    def preferred_height(self, width: int) -> int:
        inner = width - 2 - self.list.verticalScrollBar().sizeHint().width()
        rows = sum(self.delegate.row_height(self.list.model().index(row, 0), inner, self.list.font())
                   for row in range(self.list.count()))
        summary = self.summary.heightForWidth(width - 2)  # not sizeHint: a wrapping label's is for a narrow one
        if summary < 0:
            summary = self.summary.sizeHint().height()
        return 2 + summary + rows + (2 if rows else 0)
