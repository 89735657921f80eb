"""Amnesty-checklist: items grouped by section, each with dated assessments and evidence.

The pane on the right reads first: with no item chosen, the checklist's progress per section; with one,
the source's introduction to its section (its guidance may refer to it), the guidance, and every
assessment so far. Beoordelen (F2) shows the form that records a new assessment."""

from __future__ import annotations

from datetime import date

from html import escape

from PySide6.QtCore import QRect, QSize, Qt, QUrl
from PySide6.QtGui import QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
    QPushButton, QSplitter, QStackedWidget, QStyledItemDelegate, QTextBrowser, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from raadsdossier.services import lists
from raadsdossier.domain.checklist import load_template
from raadsdossier.domain.enums import ChecklistStatus
from raadsdossier.gui.i18n import format_date, kind_label, label
from raadsdossier.gui.reading_page import MUTED
from raadsdossier.gui.sections.base import Section

EVIDENCE_KINDS = ("motion", "college_note", "commitment", "question_set", "event", "source", "note")
DONE = (ChecklistStatus.DONE.value, ChecklistStatus.NOT_APPLICABLE.value)


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their first column's text wrapped to the column's width: no title is cut off."""

    def sizeHint(self, option, index) -> QSize:
        hint = super().sizeHint(option, index)
        tree = self.parent()
        if index.column() != 0 or not index.parent().isValid():
            return hint
        width = tree.columnWidth(0) - tree.indentation() - 48  # the branch indentation, the tick box, margins
        if width <= 40:
            return hint
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        lines = QFontMetrics(option.font).boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text)
        return QSize(hint.width(), max(hint.height(), lines.height() + 6))


class ChecklistSection(Section):
    key = "checklist"
    kinds = ("checklist_assessment",)
    also_shows = EVIDENCE_KINDS  # the titles in the evidence list

    def __init__(self, view, parent=None) -> None:
        super().__init__(view, parent)
        self.state: dict | None = None
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Checklistitems"))
        self.tree.setHeaderLabels([self.tr("Aanbeveling"), self.tr("Status"), self.tr("Beoordeeld"), self.tr("Notitie")])
        self.tree.setColumnHidden(2, True)  # the date and the note are on the read page, whole
        self.tree.setColumnHidden(3, True)
        self.tree.setWordWrap(True)  # a recommendation's title is read whole, over two lines if need be
        self.tree.setItemDelegate(WrappingDelegate(self.tree))
        self.tree.header().sectionResized.connect(lambda *_args: self.tree.scheduleDelayedItemsLayout())
        self.tree.setAlternatingRowColors(True)
        self.tree.currentItemChanged.connect(lambda current, _previous: self._show(current))
        self.tree.itemChanged.connect(self._ticked)

        self.guidance = QLabel()
        self.guidance.setWordWrap(True)
        self.guidance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history = QListWidget()
        self.history.setAccessibleName(self.tr("Eerdere beoordelingen"))
        self.history.setMaximumHeight(90)
        self.history.setWordWrap(True)
        self.status = QComboBox()
        for value in ChecklistStatus:
            self.status.addItem(label(value.value), value.value)
        self.status.setAccessibleName(self.tr("Status"))
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(self.tr("Notitie bij de beoordeling"))
        self.note.setMaximumHeight(90)
        self.note.setTabChangesFocus(True)
        self.assessed_on = QLineEdit(date.today().isoformat())
        self.assessed_on.setAccessibleName(self.tr("Datum van de beoordeling"))
        self.evidence = QListWidget()
        self.evidence.setAccessibleName(self.tr("Bewijs"))
        self.evidence.setMaximumHeight(180)
        self.evidence.setWordWrap(True)
        self.evidence.setSpacing(2)  # two check boxes of one-line titles would otherwise touch
        self.evidence.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.record = QPushButton(self.tr("Beoordeling vastleggen"))
        self.record.clicked.connect(self.record_assessment)

        side = QWidget()
        outer = QVBoxLayout(side)
        top_row = QHBoxLayout()
        top_row.addWidget(self.guidance, 1)
        back = QPushButton(self.tr("Klaar met beoordelen"))  # as the lists' "Klaar met bewerken"
        back.clicked.connect(self.read)
        top_row.addWidget(back, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top_row)
        form = QFormLayout()
        form.addRow(self.tr("Eerdere beoordelingen"), self.history)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Notitie"), self.note)
        form.addRow(self.tr("Datum beoordeling"), self.assessed_on)
        form.addRow(self.tr("Bewijs"), self.evidence)
        outer.addLayout(form)
        outer.addWidget(self.record, 0, Qt.AlignmentFlag.AlignLeft)
        outer.addStretch(1)
        self.reader = QTextBrowser()
        self.reader.setOpenLinks(False)
        self.reader.setAccessibleName(self.tr("Lezen: aanbeveling"))
        self.reader.anchorClicked.connect(self._link)
        self.edit_button = QPushButton(self.tr("Beoordelen (F2)"))
        self.edit_button.setAccessibleName(self.tr("Beoordelen"))
        self.edit_button.clicked.connect(self.edit)
        read_page = QWidget()
        read_layout = QVBoxLayout(read_page)
        read_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.progress = QLabel()
        self.progress.setAccessibleName(self.tr("Voortgang"))
        top.addWidget(self.progress, 1)
        top.addWidget(self.edit_button)
        read_layout.addLayout(top)
        read_layout.addWidget(self.reader, 1)
        self.pane = QStackedWidget()
        self.pane.addWidget(read_page)
        self.pane.addWidget(side)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.pane)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([520, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self._back_key = QShortcut(QKeySequence(Qt.Key.Key_Escape), side, self.read,
                                   context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._filling = False
        side.setEnabled(False)
        self.side = side
        self.tree.itemDoubleClicked.connect(lambda _item, _column: self.edit())

    def mode(self) -> int:
        return self.pane.currentIndex()

    def edit(self) -> None:
        if self.current_item_id() is None or self.view.dossier.read_only:
            return
        self.pane.setCurrentIndex(1)
        self.status.setFocus()

    def read(self) -> None:
        """Back to reading; an assessment filled in and not yet recorded is recorded first ("Klaar met beoordelen"
        and Escape keep what was entered, as leaving a list's form does), and the form stays when that fails."""
        if self.pane.currentIndex() == 1 and not self._keep_entered():
            return
        self.pane.setCurrentIndex(0)
        self._render()

    def reading_text(self) -> str:
        return self.reader.toPlainText()

    def _link(self, url: QUrl) -> None:
        if url.scheme() == "item":
            self.view.open_item(url.path())
        elif url.scheme() == "checklist":
            self.select(url.path())

    def _render(self) -> None:
        """The read page: the chosen item, or the progress per section when none is chosen."""
        if self.state is None:
            return
        item = self._item(self.current_item_id()) if self.current_item_id() else None
        self.edit_button.setEnabled(item is not None and not self.view.dossier.read_only)
        self.reader.setHtml(self._item_html(item) if item else self._progress_html())

    def _progress_html(self) -> str:
        parts = [f"<h2>{escape(self.state['title'])}</h2>",
                 "<p>" + escape(self.tr("Kies links een aanbeveling om de toelichting te lezen en haar te beoordelen.")) + "</p>",
                 "<table cellspacing='0' cellpadding='4' width='100%'>"]
        for section in self.state["sections"]:
            members = [i for i in self.state["items"] if i["section"] == section["id"]]
            done = sum(1 for i in members if i["history"] and i["history"][-1]["status"] in DONE)
            share = int(100 * done / len(members)) if members else 0
            bar = ("<table cellspacing='0' cellpadding='0' width='100%'><tr>"
                   + (f"<td width='{max(share, 1)}%' bgcolor='#2e7d32' height='10'></td>" if done else "")
                   + "<td bgcolor='#c8ccd2' height='10'></td></tr></table>")
            count = self.tr("%1 van %2").replace("%1", str(done)).replace("%2", str(len(members)))
            first = members[0]["id"] if members else ""
            parts.append(f"<tr><td width='35%'><a href='checklist:{first}'>{escape(section['title'])}</a></td>"
                         f"<td width='45%'>{bar}</td><td>{escape(count)}</td></tr>")
        parts.append("</table>")
        return "".join(parts)

    def _item_html(self, item: dict) -> str:
        template = load_template(self.state["template"])
        section = next((s for s in self.state["sections"] if s["id"] == item["section"]), {"title": ""})
        parts = [f"<p style='color: {MUTED}'>{escape(self.state['title'])} · {escape(section['title'])}</p>",
                 f"<h2>{escape(item['title'])}</h2>"]
        parts.append("<h3>" + escape(self.tr("Beoordelingen")) + "</h3>")
        if not item["history"]:
            parts.append("<p>" + escape(self.tr("Nog niet beoordeeld. Kies Beoordelen om de stand vast te leggen.")) + "</p>")
        titles = None
        for entry in reversed(item["history"]):
            line = f"<p><b>{escape(format_date(entry['assessed_on']))}</b>: {escape(label(entry['status']))}"
            if entry.get("note"):
                line += f" — {escape(entry['note'])}"
            line += "</p>"
            parts.append(line)
            if entry.get("evidence_ids"):
                if titles is None:
                    titles = {i: t for kind in EVIDENCE_KINDS for i, t in lists.choices(self.view.dossier, kind)}
                links = [f"<a href='item:{i}'>{escape(titles.get(i, i))}</a>" for i in entry["evidence_ids"] if i in titles]
                if links:
                    parts.append("<p>" + escape(self.tr("Bewijs:")) + " " + "; ".join(links) + "</p>")
        intro = template.intro(item["section"])
        if intro:
            parts.append("<h3>" + escape(self.tr("Inleiding van Amnesty bij dit onderdeel")) + "</h3>")
            points = ""
            if intro.rstrip().endswith(":"):  # "De volgende punten …:": in Amnesty's text the section's items follow
                points = "<ol>" + "".join(
                    f"<li><b>{escape(member['title'])}</b></li>" if member["id"] == item["id"]
                    else f"<li><a href='checklist:{escape(member['id'])}'>{escape(member['title'])}</a></li>"
                    for member in self.state["items"] if member["section"] == item["section"]) + "</ol>"
            parts.append("<blockquote>" + _paragraphs(intro) + points + "</blockquote>")
        parts.append("<h3>" + escape(self.tr("Toelichting van Amnesty")) + "</h3>")
        parts.append(_paragraphs(item["guidance"]))
        return "".join(parts)

    def refresh(self) -> None:
        super().refresh()
        selected = self.current_item_id()
        self.state = lists.checklist_state(self.view.dossier)
        self._filling = True
        try:
            if self._update_in_place():
                return
            self.tree.clear()
            done_total = 0
            for section in self.state["sections"]:
                members = [i for i in self.state["items"] if i["section"] == section["id"]]
                done = sum(1 for i in members if i["history"] and i["history"][-1]["status"] in DONE)
                done_total += done
                top = QTreeWidgetItem([f"{section['title']} ({done} / {len(members)})"])
                top.setFirstColumnSpanned(True)
                font = top.font(0)
                font.setBold(True)
                top.setFont(0, font)
                self.tree.addTopLevelItem(top)
                for item in members:
                    last = item["history"][-1] if item["history"] else None
                    status = last["status"] if last else "not_started"
                    row = QTreeWidgetItem([item["title"], label(status), format_date(last["assessed_on"]) if last else "",
                                           (last.get("note") or "") if last else ""])
                    row.setData(0, Qt.ItemDataRole.UserRole, item["id"])
                    row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    row.setCheckState(0, Qt.CheckState.Checked if status in DONE else Qt.CheckState.Unchecked)
                    row.setToolTip(0, item["guidance"][:400])
                    top.addChild(row)
                top.setExpanded(True)
            self.progress.setText(self.tr("%1 van %2 aanbevelingen afgerond")
                                  .replace("%1", str(done_total)).replace("%2", str(len(self.state["items"]))))
            header = self.tree.header()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        finally:
            self._filling = False
        if selected:
            self.select(selected)
        self._render()

    def _rows(self):
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                yield top, top.child(j)

    def _update_in_place(self) -> bool:
        """Update texts and ticks without rebuilding (a rebuild inside a tick's own signal would crash)."""
        by_id = {item["id"]: item for item in self.state["items"]}
        rows = list(self._rows())
        if [row.data(0, Qt.ItemDataRole.UserRole) for _top, row in rows] != [i["id"] for i in self.state["items"]]:
            return False
        done_per_top: dict[int, list[int]] = {}
        for top, row in rows:
            item = by_id[row.data(0, Qt.ItemDataRole.UserRole)]
            last = item["history"][-1] if item["history"] else None
            status = last["status"] if last else "not_started"
            row.setText(1, label(status))
            row.setText(2, format_date(last["assessed_on"]) if last else "")
            row.setText(3, (last.get("note") or "") if last else "")
            row.setCheckState(0, Qt.CheckState.Checked if status in DONE else Qt.CheckState.Unchecked)
            counts = done_per_top.setdefault(id(top), [0, 0])
            counts[0] += status in DONE
            counts[1] += 1
        for index, section in enumerate(self.state["sections"]):
            top = self.tree.topLevelItem(index)
            done, total = done_per_top.get(id(top), [0, 0])
            top.setText(0, f"{section['title']} ({done} / {total})")
        done_total = sum(d for d, _t in done_per_top.values())
        self.progress.setText(self.tr("%1 van %2 aanbevelingen afgerond")
                              .replace("%1", str(done_total)).replace("%2", str(len(self.state["items"]))))
        self._show(self.tree.currentItem())
        return True

    def current_item_id(self) -> str | None:
        current = self.tree.currentItem()
        return current.data(0, Qt.ItemDataRole.UserRole) if current else None

    def select(self, item_id: str) -> bool:
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                if top.child(j).data(0, Qt.ItemDataRole.UserRole) == item_id:
                    self.tree.setCurrentItem(top.child(j))
                    return True
        return False

    def _item(self, item_id: str) -> dict | None:
        return next((i for i in (self.state or {}).get("items", []) if i["id"] == item_id), None)

    def _show(self, row: QTreeWidgetItem | None) -> None:
        if self.pane.currentIndex() == 1:  # another recommendation chosen while one was being assessed
            self._keep_entered()
        item = self._item(row.data(0, Qt.ItemDataRole.UserRole)) if row else None
        self.side.setEnabled(item is not None)
        if self.pane.currentIndex() == 1 and item is None:
            self.pane.setCurrentIndex(0)
        self._render()
        if item is None:
            self.guidance.clear()
            self.history.clear()
            self._filled = None
            return
        self.guidance.setText(f"<h3>{escape(item['title'])}</h3>")  # the guidance is on the read page
        self.history.clear()
        for entry in item["history"]:
            self.history.addItem(f"{format_date(entry['assessed_on'])}: {label(entry['status'])}"
                                 f"{' — ' + entry['note'] if entry.get('note') else ''}")
        if not item["history"]:  # an empty box said nothing: what goes there, and that nothing has yet
            none = QListWidgetItem(self.tr("Nog niet beoordeeld. Elke beoordeling die u vastlegt, komt hier te staan "
                                           "met haar datum."))
            none.setFlags(Qt.ItemFlag.NoItemFlags)
            self.history.addItem(none)
        last = item["history"][-1] if item["history"] else None
        self.status.setCurrentIndex(self.status.findData(last["status"] if last else "not_started"))
        self.note.setPlainText((last or {}).get("note") or "")
        self.assessed_on.setText(date.today().isoformat())
        chosen = set((last or {}).get("evidence_ids") or [])
        self.evidence.clear()
        for kind in EVIDENCE_KINDS:
            named = kind_label(kind)  # each entry says which kind of item it is, as the Overzicht's timeline does
            for item_id, title in lists.choices(self.view.dossier, kind):
                entry = QListWidgetItem(f"{title} ({named})")
                entry.setData(Qt.ItemDataRole.UserRole, item_id)
                entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                entry.setCheckState(Qt.CheckState.Checked if item_id in chosen else Qt.CheckState.Unchecked)
                self.evidence.addItem(entry)
        self._filled = (item["id"], self._entered())

    def _entered(self) -> tuple:
        """What the assessment form holds: status, note, date and the evidence ticked."""
        evidence = tuple(self.evidence.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.evidence.count())
                         if self.evidence.item(i).checkState() == Qt.CheckState.Checked)
        return self.status.currentData(), self.note.toPlainText().strip(), self.assessed_on.text().strip(), evidence

    def _keep_entered(self, always: bool = False) -> bool:
        """Record what the form holds as a new assessment of the recommendation it was filled for, when the user
        changed anything in it (or `always`: "Beoordeling vastleggen"). False when recording it failed."""
        filled = getattr(self, "_filled", None)
        if filled is None:
            return True
        item_id, before = filled
        status, note, assessed_on, evidence = entered = self._entered()
        if entered == before and not always:
            return True
        self._filled = (item_id, entered)  # recorded once: the refresh that follows fills the form again
        entry = {"id": item_id, "status": status, "note": note or None,
                 "assessed_on": assessed_on or date.today().isoformat(), "evidence_ids": list(evidence)}
        if self.view.assess(self.state["template"], entry, self.tr("Checklistitem beoordelen")):
            return True
        self._filled = filled
        return False

    def _ticked(self, row: QTreeWidgetItem, column: int) -> None:
        item_id = row.data(0, Qt.ItemDataRole.UserRole)
        if self._filling or column != 0 or item_id is None:
            return
        done = row.checkState(0) == Qt.CheckState.Checked
        item = self._item(item_id)
        last = item["history"][-1] if item and item["history"] else {}
        entry = {"id": item_id, "status": "done" if done else "in_progress", "note": last.get("note"),
                 "assessed_on": date.today().isoformat(), "evidence_ids": last.get("evidence_ids") or []}
        self.view.assess(self.state["template"], entry, self.tr("Checklistitem afvinken"))

    def record_assessment(self) -> None:
        if self.current_item_id() is not None and self._keep_entered(always=True):
            self.read()

    def show_item(self, item_id: str) -> bool:
        return False


def _paragraphs(text: str) -> str:
    """Plain text as paragraphs; lines starting with "- " as a list, as the source prints them."""
    html, bullets = [], []
    for line in text.split("\n"):
        if line.startswith("- "):
            bullets.append(f"<li>{escape(line[2:])}</li>")
            continue
        if bullets:
            html.append("<ul>" + "".join(bullets) + "</ul>")
            bullets = []
        if line.strip():
            html.append(f"<p>{escape(line)}</p>")
    if bullets:
        html.append("<ul>" + "".join(bullets) + "</ul>")
    return "".join(html)
