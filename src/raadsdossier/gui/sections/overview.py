"""Overzicht: the partnership at a glance, and its facts editable in place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from raadsdossier.gui import tasks
from raadsdossier.domain import kinds as item_kinds
from raadsdossier.gui.i18n import count_label, format_date, label
from raadsdossier.gui.sections.base import Section


OVERVIEW_LIMIT = 10  # entries per list on the overview


def _esc(text) -> str:
    return str(text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class OverviewSection(Section):
    """The summary on the left, the partnership's form on the right.

    Without a dossier (`view.dossier` is None) it shows a glance (`show_glance`) while the app
    starts, and the form's place says the dossier is being opened: this module imports the data
    layer only when a form is built, so that the first screen can be shown before it is loaded.
    """

    key = "overview"
    kinds = ("partnership",)

    def shows(self, change) -> bool:
        return bool(change)  # it counts every kind
    item_keys = ("partnership",)

    def __init__(self, view, parent=None) -> None:
        super().__init__(view, parent)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.summary.linkActivated.connect(self.view.open_item)
        self.summary.setAccessibleName(self.tr("Overzicht van de stedenband"))
        box = QGroupBox(self.tr("Gegevens van de stedenband"))
        box_layout = QVBoxLayout(box)
        if view.dossier is not None:
            from raadsdossier.gui.forms import ItemForm
            from raadsdossier.interchange.spec import PARTNERSHIP

            self.form = ItemForm(view.dossier, PARTNERSHIP)
            self.form.edited.connect(self._save)
            box_layout.addWidget(self.form)
        else:
            self.form = None
            opening = QLabel(self.tr("Het dossier wordt geopend…"))
            opening.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            box_layout.addWidget(opening)
        content = QWidget()
        columns = QHBoxLayout(content)
        columns.addWidget(self.summary, 3)
        columns.addWidget(box, 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setAccessibleName(self.tr("Overzicht"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(scroll)
        self.data: dict | None = None
        self.glanced = False  # data is still the glance of start-up, not the dossier's own read

    def refresh(self) -> None:
        """Read the overview on a worker thread: it counts the whole dossier, and in a large one (or the
        first time a process runs these queries) that took a third of a second with the window frozen."""
        from raadsdossier.services import lists

        super().refresh()
        self._generation = getattr(self, "_generation", 0) + 1
        generation, dossier = self._generation, self.view.dossier
        tasks.run_in_background(lambda: lists.overview(dossier), lambda data: self._show(generation, data),
                                self._failed)

    def _show(self, generation: int, data: dict) -> None:
        if generation != self._generation:  # a newer refresh is on its way
            return
        self.data, self.glanced = data, False
        self.summary.setText(self._html(self.data))
        self.form.load(self.data["partnership"])

    def show_glance(self, data: dict) -> None:
        """The overview read before the data layer was loaded (storage/glance.py); the form follows later."""
        self.data, self.glanced = data, True
        self.summary.setText(self._html(data))

    def _failed(self, exc: Exception) -> None:
        self.summary.setText(f"<p>{_esc(exc)}</p>")

    def _save(self) -> None:
        if self.data is None or self.glanced:  # the form is filled (and so editable) only by the dossier's own read
            return
        self.view.save_item("partnership", self.form.value(), self.tr("Stedenband bewerken"))

    def show_item(self, item_id: str) -> bool:
        return bool(self.data and self.data["partnership"] and self.data["partnership"]["id"] == item_id)

    def _html(self, data: dict) -> str:
        w = {  # translated words, as literal tr() calls so that lupdate finds them
            'Amnesty-checklist': self.tr('Amnesty-checklist'),
            'Geen.': self.tr('Geen.'),
            'Inhoud': self.tr('Inhoud'),
            'Laatste gebeurtenissen': self.tr('Laatste gebeurtenissen'),
            'Niveau': self.tr('Niveau'),
            'Open toezeggingen': self.tr('Open toezeggingen'),
            'Partner': self.tr('Partner'),
            'Sinds': self.tr('Sinds'),
            'Status': self.tr('Status'),
            'Statusgeschiedenis': self.tr('Statusgeschiedenis'),
            'Vragen over de termijn': self.tr('Vragen over de termijn'),
            'onbekend': self.tr('onbekend'),
            'te laat': self.tr('te laat'),
            'uiterlijk': self.tr('uiterlijk'),
        }
        p = data["partnership"]
        if p is None:
            return self.tr("<p>Dit dossier heeft nog geen stedenband.</p>")
        native = f" <span style='font-size:large'>{_esc(p['partner_native_name'])}</span>" if p.get("partner_native_name") else ""
        parts = [
            f"<h2>{_esc(p['dutch_side'])} – {_esc(p['partner_name'])}{native}</h2>",
            "<table cellspacing='4'>",
            f"<tr><td><b>{w['Niveau']}</b></td><td>{label(p['level'])}</td></tr>",
            f"<tr><td><b>{w['Partner']}</b></td><td>{_esc(', '.join(x for x in [p['partner_name'], p.get('partner_region'), p.get('partner_country')] if x))}</td></tr>",
            f"<tr><td><b>{w['Sinds']}</b></td><td>{_esc(p.get('since') or w['onbekend'])}</td></tr>",
            f"<tr><td><b>{w['Status']}</b></td><td>{label(p['status'])}</td></tr>",
            "</table>",
        ]
        if p.get("status_history"):
            parts.append(f"<h3>{w['Statusgeschiedenis']}</h3><ul>")
            for change in p["status_history"]:
                when = change.get("period") or format_date(change.get("date"))
                parts.append(f"<li>{_esc(when)}: {label(change['status'])}"
                             f"{' — ' + _esc(change['note']) if change.get('note') else ''}</li>")
            parts.append("</ul>")
        counts = data["counts"]
        shown = [(kind.name, counts[kind.name]) for kind in item_kinds.KINDS if counts.get(kind.name) and kind.name != "partnership"]
        if shown:
            parts.append(f"<h3>{w['Inhoud']}</h3><p>")
            parts.append(", ".join(count_label(kind, n) for kind, n in shown))
            parts.append("</p>")
        parts.append(f"<h3>{w['Open toezeggingen']}</h3>")
        if data["open_commitments"]:
            commitments = data["open_commitments"]
            more = f"<li>… +{len(commitments) - OVERVIEW_LIMIT}</li>" if len(commitments) > OVERVIEW_LIMIT else ""
            parts.append("<ul>" + "".join(
                f"<li><a href='{c['id']}'>{_esc(c['title'])}</a>"
                f"{' — ' + w['uiterlijk'] + ' ' + format_date(c['deadline']) if c['deadline'] else ''}"
                f"{' <b>(' + w['te laat'] + ')</b>' if c['overdue'] else ''}</li>"
                for c in commitments[:OVERVIEW_LIMIT]) + more + "</ul>")
        else:
            parts.append(f"<p>{w['Geen.']}</p>")
        parts.append(f"<h3>{w['Vragen over de termijn']}</h3>")
        if data["overdue_questions"]:
            # The oldest few, then how many more: laying out hundreds of rich-text lines (a large dossier
            # has them) took longer than the rest of the first screen; the list is a glance, Vragen has all.
            overdue = data["overdue_questions"]
            more = f"<li>… +{len(overdue) - OVERVIEW_LIMIT}</li>" if len(overdue) > OVERVIEW_LIMIT else ""
            parts.append("<ul>" + "".join(f"<li><a href='{q['id']}'>{_esc(q['title'])}</a></li>"
                                          for q in overdue[:OVERVIEW_LIMIT]) + more + "</ul>")
        else:
            parts.append(f"<p>{w['Geen.']}</p>")
        checklist = data["checklist"]
        if checklist:
            parts.append(f"<h3>{w['Amnesty-checklist']}: {checklist['done']} / {checklist['total']}</h3><ul>")
            parts.extend(f"<li>{_esc(s['title'])}: {s['done']} / {s['total']}</li>" for s in checklist["sections"])
            parts.append("</ul>")
        if data["latest_events"]:
            parts.append(f"<h3>{w['Laatste gebeurtenissen']}</h3><ul>")
            parts.extend(f"<li>{format_date(e['date'])}: <a href='{e['id']}'>{_esc(e['title'])}</a></li>"
                         for e in data["latest_events"])
            parts.append("</ul>")
        return "".join(parts)
