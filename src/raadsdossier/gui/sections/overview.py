"""Overzicht: the partnership as a dashboard, and its facts editable in place.

From the top: the partnership (name, level, partner, since, status and its history) with Bewerken;
what needs attention; a card per section with its figures in words ("3 moties, waarvan 1 aangenomen"),
reflowing to the width; the checklist's progress per section as bars, the costs in total and per
year, and the latest and coming dated items. Every figure links to its list or item.

The figures are counted in the core (storage/glance.py, through services/dashboard.py): this module
only puts them into words. It is also the first screen of start-up, built before the data layer is
imported (gui/glance_view.py), so it imports nothing heavy; the cards get their icons (qtawesome takes
a quarter of a second to load) only when the dossier's own read arrives.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSize
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from raadsdossier.domain.kinds import SECTION_BY_KEY
from raadsdossier.gui.i18n import (
    count_label, format_date, format_money, is_english, kind_label, label, section_title,
)
from raadsdossier.gui.lazy_qt import Qt
from raadsdossier.gui.sections.base import Section
from raadsdossier.gui.sections.columns_layout import ColumnsLayout
from raadsdossier.gui.sections.overview_panel import PANEL_WIDTH, Panel
from raadsdossier.gui.sections.overview_widgets import CardGrid, dashboard_font
from raadsdossier.gui.sections.paragraph import Paragraph

OVERVIEW_LIMIT = 10  # entries per list of "Aandacht nodig"; the rest is one link to the section
READ, EDIT = range(2)

# The cards, in the navigator's order: (section key, the kind whose icon the card shows).
CARDS = (
    ("motions", "motion"), ("commitments", "commitment"), ("question_sets", "question_set"),
    ("college_notes", "college_note"), ("demonstrations", "demonstration"), ("events", "event"),
    ("meetings", "meeting"), ("sources", "source"), ("attachments", "attachment"), ("notes", "note"),
    ("parties_and_people", "party"), ("costs_and_outcomes", "cost"),
)
# The figures (storage/glance.py) a card adds up, where they are not its own section's.
_CARD_PARTS = {"parties_and_people": ("parties", "people"), "costs_and_outcomes": ("costs", "outcomes")}


def _number(value: int) -> str:
    return QLocale().toString(value)


def _euro(cents: int) -> str:
    """"€ 145.000", "€ 1.234,50" (in English "€145,000"), as the lists and the read view write amounts."""
    return format_money(cents / 100)


def _euros(low: int, high: int) -> str:
    return _euro(low) if low == high else f"{_euro(low)} – {_euro(high)}"


def _capital(text: str) -> str:
    """"Vragenset" for "vragenset": a label at the start of a line."""
    return text[:1].upper() + text[1:]


def _plain_label(accessible: str) -> Paragraph:
    """A word-wrapped plain-text label."""
    text = Paragraph(plain=True)
    text.setAccessibleName(accessible)
    return text


def _heading(text: str = "") -> QLabel:
    heading = QLabel(text)
    heading.setFont(dashboard_font("heading"))
    heading.setWordWrap(True)
    return heading


class _Unmeasured(QWidget):
    """A widget whose size hint lays out nothing: QWidget's own asks its layout for the height at the hint's
    width, a width the dashboard is never shown at, and had every text laid out there."""

    def sizeHint(self) -> QSize:
        return QSize(self.width(), 0)


class OverviewSection(Section):
    """The partnership as a dashboard. Without a dossier (`view.dossier` is None: a GlanceView while the app
    starts) it shows the glance (`show_glance`) and offers no Bewerken: the form needs the data layer."""

    key = "overview"
    kinds = ("partnership",)
    item_keys = ("partnership",)
    today = None  # the date that decides what is overdue and what is still to come; None: today (tests set it)

    def shows(self, change) -> bool:
        return bool(change)  # it counts every kind

    def __init__(self, view, parent=None, selectable: bool = True) -> None:
        """`selectable`: the partnership's texts can be selected with the mouse (else `make_selectable` makes them
        so). A selectable label lays its text out in a text document, again at every width a layout asks about:
        a glance's are made selectable after the first paint of start-up (GlanceView), of which it was a fifth.
        Either way its pixels are the same."""
        super().__init__(view, parent)
        self.data: dict | None = None
        self.glanced = False  # data is still the glance of start-up, not the dossier's own read
        self._decorated = False
        self._selectable = selectable

        content = _Unmeasured()
        column = QVBoxLayout(content)
        column.setContentsMargins(12, 12, 12, 12)
        column.setSpacing(12)
        column.addWidget(self._build_header())
        self.attention = Panel()
        self.attention.activated.connect(self._link)
        column.addWidget(self.attention)

        self.cards = CardGrid([key for key, _kind in CARDS])
        self.cards.activated.connect(self.view.show_section)
        column.addWidget(self.cards)

        self.checklist_panel, self.costs_panel, self.commitments_panel, self.timeline_panel = (
            Panel(), Panel(), Panel(), Panel())
        for panel in (self.checklist_panel, self.costs_panel, self.commitments_panel, self.timeline_panel):
            panel.activated.connect(self._link)
        # One column: everything stacked; two: the checklist and costs beside the commitments and the
        # timeline; three: the commitments above the costs in the middle.
        self.panels = _Unmeasured()
        self.panel_columns = ColumnsLayout(self.panels, PANEL_WIDTH, 240, 3,
                                           [[[0, 1, 2, 3]], [[0, 2], [1, 3]], [[0], [1, 2], [3]]])
        for panel in (self.checklist_panel, self.commitments_panel, self.costs_panel, self.timeline_panel):
            self.panel_columns.addWidget(panel)
        column.addWidget(self.panels)
        column.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setAccessibleName(self.tr("Overzicht"))
        self.scroll, self._content = scroll, content
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._show_data(None)

    def showEvent(self, event) -> None:
        # The content goes into its scroll area when first shown: put in at once, it was laid out (and
        # every text measured) again for each figure filled in before the screen appeared.
        if self.scroll.widget() is None:
            self.scroll.setWidget(self._content)
        super().showEvent(event)

    # -- building ----------------------------------------------------------------------

    def _build_header(self) -> QWidget:
        """The partnership read (READ) or its form (EDIT), one shown in place of the other."""
        self.header = QWidget()
        both = QVBoxLayout(self.header)
        both.setContentsMargins(0, 0, 0, 0)
        self.reading = QWidget()
        row = QHBoxLayout(self.reading)
        row.setContentsMargins(0, 0, 0, 0)
        texts = QVBoxLayout()
        texts.setSpacing(4)
        self.title = Paragraph(plain=True)
        self.title.setFont(dashboard_font("title"))
        # Plain text: a rich-text label's document was laid out again at every width a layout asked about.
        self.facts = _plain_label(self.tr("Gegevens van de stedenband"))
        self.history = _plain_label(self.tr("Omschrijving en statusgeschiedenis"))
        if self._selectable:
            self.make_selectable()
        texts.addWidget(self.title)
        texts.addWidget(self.facts)
        texts.addWidget(self.history)
        row.addLayout(texts, 1)
        self.edit_button = QPushButton(self.tr("Bewerken (F2)"))
        self.edit_button.setAccessibleName(self.tr("Gegevens van de stedenband bewerken"))
        self.edit_button.clicked.connect(self.edit)
        self.edit_button.setEnabled(False)
        both.addWidget(self.reading)

        self.form = self.editing = None
        if self.view.dossier is None:
            # A glance edits nothing: the form arrives with the dossier. Its button stays hidden, and so is not
            # aligned to the top as below: that alignment is a Qt.* enum, which the first screen does not make.
            row.addWidget(self.edit_button)
            self.edit_button.hide()
            return self.header
        row.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        from PySide6.QtGui import QKeySequence, QShortcut

        from raadsdossier.gui.forms import ItemForm
        from raadsdossier.interchange.spec import PARTNERSHIP

        self.editing = QWidget()
        column = QVBoxLayout(self.editing)
        column.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(_heading(self.tr("Gegevens van de stedenband bewerken")), 1)
        self.done_button = QPushButton(self.tr("Klaar met bewerken"))
        self.done_button.setAccessibleName(self.tr("Klaar met bewerken"))
        self.done_button.setToolTip(self.tr("Terug naar de leesweergave (Esc); wijzigingen zijn al opgeslagen"))
        self.done_button.clicked.connect(self.read)
        top.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(top)
        self.form = ItemForm(self.view.dossier, PARTNERSHIP)
        self.form.edited.connect(self._save)
        self.form.setMaximumWidth(720)
        column.addWidget(self.form)
        self._back_key = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.editing, self.read,
                                   context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.editing.hide()
        both.addWidget(self.editing)
        return self.header

    def make_selectable(self) -> None:
        """The partnership's texts selectable with the mouse (see __init__)."""
        self._selectable = True
        for text in (self.title, self.facts, self.history):
            text.make_selectable()

    # -- reading -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the overview on a worker thread: it counts the whole dossier, and in a large one (or the
        first time a process runs these queries) that took a third of a second with the window frozen."""
        from raadsdossier.gui import tasks
        from raadsdossier.services import dashboard

        super().refresh()
        self._generation = getattr(self, "_generation", 0) + 1
        generation, dossier, today = self._generation, self.view.dossier, self.today
        tasks.run_in_background(lambda: dashboard.overview(dossier, today), lambda data: self._show(generation, data),
                                self._failed, owner=self)

    def _show(self, generation: int, data: dict) -> None:
        if generation != self._generation:  # a newer refresh is on its way
            return
        self.glanced = False
        self._show_data(data)
        if self.form is not None:
            self.form.load(data["partnership"])
        self.edit_button.setEnabled(self.form is not None and data["partnership"] is not None
                                    and not self.view.dossier.read_only)
        self._decorate()

    def show_glance(self, data: dict) -> None:
        """The overview read before the data layer was loaded (storage/glance.py); the form follows later."""
        self.glanced = True
        self._show_data(data)

    def _failed(self, exc: Exception) -> None:
        self.attention.set_title(self.tr("Het overzicht kon niet worden gelezen"), accent="#c0392b")
        self.attention.set_rows([("text", str(exc))])
        self.attention.show()

    def _decorate(self) -> None:
        """The cards' icons, once: loading the icon font takes a moment, so not on the first screen, and not
        before it is loaded (icons.ready calls this again then)."""
        from raadsdossier.gui import icons

        if self._decorated or not icons.ready(self._decorate):
            return
        self._decorated = True
        self.cards.set_icons({key: icons.kind_icon(kind) for key, kind in CARDS})

    def _show_data(self, data: dict | None) -> None:
        self.data = data
        figures = data["figures"] if data else None
        self._show_header(data["partnership"] if data else None, data is not None)
        self._show_attention(data)
        for key, _kind in CARDS:
            self._show_card(key, figures)
        self._show_checklist(data["checklist"] if data else None)
        self._show_commitments(data)
        self._show_costs(figures)
        self._show_timeline(data)

    # -- the header ----------------------------------------------------------------------

    def _show_header(self, p: dict | None, read: bool) -> None:
        if p is None:
            self.title.setText(self.tr("Dit dossier heeft nog geen stedenband.") if read
                               else self.tr("Het dossier wordt geopend…"))
            self.facts.setText("")
            self.history.setText("")
            return
        native = f"  {p['partner_native_name']}" if p.get("partner_native_name") else ""
        self.title.setText(f"{p['dutch_side']} – {p['partner_name']}{native}")
        self.title.setAccessibleName(self.title.text())
        partner = ", ".join(x for x in [p["partner_name"], p.get("partner_region"), p.get("partner_country")] if x)
        facts = [
            (self.tr("Niveau"), label(p["level"])),
            (self.tr("Partner"), partner),
            (self.tr("Sinds"), p.get("since") or self.tr("onbekend")),
            (self.tr("Status"), label(p["status"])),
        ]
        if p.get("focus_themes"):
            facts.append((self.tr("Speerpunten"), ", ".join(p["focus_themes"])))
        self.facts.setText("  ·  ".join(f"{name}: {value}" for name, value in facts))
        lines = [p["description"]] if p.get("description") else []
        changes = p.get("status_history") or []
        if changes:
            history = []
            for change in changes:
                when = change.get("period") or format_date(change.get("date")) or self.tr("datum onbekend")
                note = f" — {change['note']}" if change.get("note") else ""
                history.append(f"{when}: {label(change['status'])}{note}")
            lines.append(self.tr("Statusgeschiedenis") + ": " + "; ".join(history))
        else:
            lines.append(self.tr("Nog geen statusgeschiedenis vastgelegd."))
        self.history.setText("\n".join(lines))

    # -- what needs attention --------------------------------------------------------------

    def _show_attention(self, data: dict | None) -> None:
        if data is None:
            self.attention.hide()
            return
        self.attention.show()
        figures = data["figures"]["attention"]
        rows = []
        question_set, commitment = _capital(kind_label("question_set")), _capital(kind_label("commitment"))
        for question in data["overdue_questions"][:OVERVIEW_LIMIT]:
            reason = self.tr("niet binnen de termijn beantwoord (uiterlijk %1)").replace(
                "%1", format_date(question["deadline"]))
            rows.append(("link", question_set, question["title"], f"— {reason}", f"item:{question['id']}", False))
        if figures["overdue_questions"] > OVERVIEW_LIMIT:
            rows.append(("link", "", self._more_text(figures["overdue_questions"] - OVERVIEW_LIMIT), "",
                         "section:question_sets", False))
        overdue = [c for c in data["open_commitments"] if c["overdue"]]
        for c in overdue[:OVERVIEW_LIMIT]:
            reason = self.tr("over de termijn (uiterlijk %1)").replace("%1", format_date(c["deadline"]))
            rows.append(("link", commitment, c["title"], f"— {reason}", f"item:{c['id']}", False))
        if figures["overdue_commitments"] > OVERVIEW_LIMIT:
            rows.append(("link", "", self._more_text(figures["overdue_commitments"] - OVERVIEW_LIMIT), "",
                         "section:commitments", False))
        for follow_up in data["overdue_follow_ups"][:OVERVIEW_LIMIT]:
            reason = self.tr("uitvoering over de termijn (uiterlijk %1)").replace("%1", format_date(follow_up["deadline"]))
            rows.append(("link", _capital(kind_label(follow_up["kind"])), follow_up["title"], f"— {reason}",
                         f"item:{follow_up['id']}", False))
        if figures["overdue_follow_ups"] > OVERVIEW_LIMIT:
            rows.append(("link", "", self._more_text(figures["overdue_follow_ups"] - OVERVIEW_LIMIT), "",
                         "section:motions", False))
        votes = figures["unassigned_votes"]
        if votes:
            reason = (self.tr("wacht op toewijzing aan een motie") if votes == 1
                      else self.tr("wachten op toewijzing aan een motie"))
            rows.append(("link", self.tr("Stemmingen"), count_label("unassigned_vote", votes),
                         f"— {reason}", "section:unassigned_votes", False))
        total = sum(figures.values())
        if total:
            self.attention.set_title(self.tr("Aandacht nodig (%1)").replace("%1", _number(total)), accent="#d68910")
        else:
            self.attention.set_title(self.tr("Geen aandachtspunten"), accent="#229954")
            rows = [("text", self.tr("Geen vragen, toezeggingen of uitvoering van moties over de termijn, en geen "
                                     "stemmingen die nog aan een motie moeten worden toegewezen."))]
        self.attention.set_rows(rows)

    def _more_text(self, count: int) -> str:
        return self.tr("en nog %1 in de lijst").replace("%1", _number(count))

    # -- the cards ------------------------------------------------------------------------

    def _none(self, kind: str) -> str:
        return self.tr("geen %1").replace("%1", kind_label(kind, 0))

    def _breakdown(self, total: int, parts: list[tuple[int, str]]) -> str:
        """"waarvan 1 aangenomen, 1 verworpen"; "aangenomen" or "alle aangenomen" when one part is all."""
        parts = [(n, word) for n, word in parts if n]
        if not parts:
            return ""
        if len(parts) == 1 and parts[0][0] == total:
            return parts[0][1] if total == 1 else self.tr("alle %1").replace("%1", parts[0][1])
        return self.tr("waarvan %1").replace("%1", ", ".join(f"{_number(n)} {word}" for n, word in parts))

    def _card_texts(self, key: str, f: dict) -> tuple[str, str]:
        """(headline, detail) of the card of section `key`, from the figures `f`."""
        def count(kind: str, n: int) -> str:
            return count_label(kind, n) if n else self._none(kind)

        if key == "motions":
            m = f["motions"]
            if not m["total"]:
                return self._none("motion"), ""
            return count("motion", m["total"]), self._breakdown(m["total"], [
                (m["adopted"], self.tr("aangenomen")), (m["rejected"], self.tr("verworpen")),
                (m["held"], self.tr("aangehouden")), (m["withdrawn"], self.tr("ingetrokken")),
                (m["submitted"], self.tr("nog zonder besluit"))])
        if key == "commitments":
            c = f["commitments"]
            if not c["total"]:
                return self._none("commitment"), ""
            closed = [(c["fulfilled"], self.tr("nagekomen")), (c["withdrawn"], self.tr("ingetrokken"))]
            if not c["open"]:
                return count("commitment", c["total"]), self._breakdown(c["total"], closed)
            headline = (self.tr("%1 open %2").replace("%1", _number(c["open"]))
                        .replace("%2", kind_label("commitment", c["open"])))
            details = []
            if c["overdue"]:
                details.append(self.tr("%1 over de termijn").replace("%1", _number(c["overdue"])))
            others = ", ".join(f"{_number(n)} {word}" for n, word in closed if n)
            if others:
                details.append(self.tr("verder %1").replace("%1", others))
            return headline, "; ".join(details)
        if key == "question_sets":
            q = f["question_sets"]
            if not q["total"]:
                return self._none("question_set"), ""
            details = []
            if q["unanswered"]:
                text = self.tr("%1 nog niet beantwoord").replace("%1", _number(q["unanswered"]))
                if q["overdue"]:
                    text += " " + self.tr("(%1 over de termijn)").replace("%1", _number(q["overdue"]))
                details.append(text)
            if q["answered_late"]:
                details.append(self.tr("%1 te laat beantwoord").replace("%1", _number(q["answered_late"])))
            if not details:
                return count("question_set", q["total"]), (self.tr("beantwoord") if q["total"] == 1
                                                           else self.tr("alle beantwoord"))
            return count("question_set", q["total"]), ", ".join(details)
        if key == "events":
            n = f["events"]["total"]
            return count("event", n), ""
        if key == "parties_and_people":
            return count("party", f["parties"]["total"]), count("person", f["people"]["total"])
        if key == "costs_and_outcomes":
            return count("cost", f["costs"]["items"]), count("outcome", f["outcomes"]["total"])
        kind = dict(CARDS)[key]
        return count(kind, f[key]["total"]), ""

    def _show_card(self, key: str, figures: dict | None) -> None:
        title = section_title(SECTION_BY_KEY[key].title)
        description = self.tr("Opent %1").replace("%1", title)
        if figures is None:
            self.cards.set_card(key, title, "", title, description, False)
            return
        headline, detail = self._card_texts(key, figures)
        # Quieter when the section holds nothing yet: neither of the kinds it lists.
        empty = not any(figures[part]["items" if part == "costs" else "total"] for part in _CARD_PARTS.get(key, (key,)))
        self.cards.set_card(key, headline, detail, f"{headline}, {detail}" if detail else headline, description, empty)

    # -- the checklist, costs and timeline -----------------------------------------------------

    def _show_checklist(self, checklist: dict | None) -> None:
        if checklist is None:
            self.checklist_panel.set_title(self.tr("Amnesty-checklist"), "section:checklist")
            self.checklist_panel.set_rows([("text", self.tr("Dit dossier heeft geen checklist."))] if self.data else [])
            return
        self.checklist_panel.set_title(
            self.tr("Amnesty-checklist") + ": " + self.tr("%1 van %2 afgerond")
            .replace("%1", _number(checklist["done"])).replace("%2", _number(checklist["total"])), "section:checklist")
        self.checklist_panel.set_rows([
            ("bar", section["title"], section["done"], section["total"],
             self.tr("%1 van %2").replace("%1", _number(section["done"])).replace("%2", _number(section["total"])),
             "section:checklist")
            for section in checklist["sections"]]
            # Amnesty's text is Dutch as published, in every language (gui/sections/checklist.py says so too)
            + ([("text", self.tr("De onderdelen in het Nederlands, zoals Amnesty ze publiceerde."))]
               if is_english() else []))

    def _show_commitments(self, data: dict | None) -> None:
        self.commitments_panel.set_title(self.tr("Open toezeggingen"), "section:commitments")
        if data is None:
            self.commitments_panel.set_rows([])
            return
        commitments = data["open_commitments"]
        rows = []
        for c in commitments[:OVERVIEW_LIMIT]:
            when = self.tr("uiterlijk %1").replace("%1", format_date(c["deadline"])) if c["deadline"] else ""
            if c["overdue"]:
                when = "— " + self.tr("over de termijn") + f" ({when})"
            elif when:
                when = f"— {when}"
            rows.append(("link", "", c["title"], when, f"item:{c['id']}", c["overdue"]))
        if len(commitments) > OVERVIEW_LIMIT:
            rows.append(("link", "", self._more_text(len(commitments) - OVERVIEW_LIMIT), "", "section:commitments",
                         False))
        self.commitments_panel.set_rows(rows or [("text", self.tr("Geen open toezeggingen."))])

    def _show_costs(self, figures: dict | None) -> None:
        self.costs_panel.set_title(self.tr("Kosten"), "section:costs_and_outcomes")
        if figures is None:
            self.costs_panel.set_rows([])
            return
        costs = figures["costs"]
        if not costs["items"]:
            self.costs_panel.set_rows([("text", self.tr("Nog geen kosten vastgelegd."))])
            return
        rows = []
        total = costs["total"]
        if total["count"]:
            rows.append(("value", self.tr("Totaal"), _euros(total["low"], total["high"]), True))
            for period in costs["per_year"]:
                if period["from"] is None:
                    when = self.tr("zonder datum")
                elif period["from"] == period["until"]:
                    when = period["from"]
                else:
                    when = f"{period['from']}–{period['until']}"
                rows.append(("value", when, _euros(period["low"], period["high"]), False))
        rates = {"per_year": self.tr("per jaar"), "per_trip": self.tr("per reis")}
        for rate in costs["rates"]:
            per = rates.get(rate["basis"], label(rate["basis"]))
            if rate["count"] == 1:
                text = (self.tr("Daarnaast %1 %2 (niet opgeteld).").replace("%1", _euros(rate["low"], rate["high"]))
                        .replace("%2", per))
            else:
                text = (self.tr("Daarnaast %1 bedragen %2, van %3 (niet opgeteld).")
                        .replace("%1", _number(rate["count"])).replace("%2", per)
                        .replace("%3", _euros(rate["low"], rate["high"])))
            rows.append(("text", text))
        self.costs_panel.set_rows(rows)

    def _show_timeline(self, data: dict | None) -> None:
        self.timeline_panel.set_title(self.tr("Tijdlijn"), "section:timeline")
        if data is None:
            self.timeline_panel.set_rows([])
            return

        def entries(items: list[dict]) -> list[tuple]:
            return [("link", format_date(e["date"]), e["title"], f"({kind_label(e['kind'])})", f"item:{e['id']}", False)
                    for e in items]

        upcoming = data["upcoming_events"]
        rows = [("heading", self.tr("Laatste ontwikkelingen")),
                *(entries(data["latest_events"]) or [("text", self.tr("Nog niets met een datum."))]),
                ("heading", self.tr("Op de agenda")),
                *(entries(upcoming) or [("text", self.tr("Niets met een datum na vandaag."))])]
        more = data["figures"]["upcoming"] - len(upcoming)
        if more > 0:
            rows.append(("link", "", self._more_text(more), "", "section:timeline", False))
        self.timeline_panel.set_rows(rows)

    # -- links, editing -------------------------------------------------------------------

    def _link(self, href: str) -> None:
        """Follow a link of the dashboard: "item:<id>" opens the item, "section:<key>" its list."""
        scheme, _, target = href.partition(":")
        if scheme == "item":
            self.view.open_item(target)
        elif scheme == "section":
            self.view.show_section(target)

    def mode(self) -> int:
        return EDIT if self.editing is not None and self.editing.isVisibleTo(self) else READ

    def edit(self) -> None:
        """Show the partnership's form in place of its facts (F2 or Bewerken); nothing happens on a glance,
        without a partnership, or read-only."""
        if self.form is None or not self.edit_button.isEnabled():
            return
        self.reading.hide()
        self.editing.show()
        self.scroll.ensureVisible(0, 0)
        first = self.form.widgets.get(self.form.spec.fields[0].key) if self.form.spec.fields else None
        (first or self.form).setFocus()

    def read(self) -> None:
        """Back to reading. A field still being typed in is saved first (leaving it saves it)."""
        if self.editing is None:
            return
        if self.mode() == EDIT:
            self.done_button.setFocus()  # leaving a field emits its editingFinished: it is saved now
        self.editing.hide()
        self.reading.show()
        if self.edit_button.isVisible():
            self.edit_button.setFocus()

    def _save(self) -> None:
        if self.data is None or self.glanced:  # the form is filled (and so editable) only by the dossier's own read
            return
        self.view.save_item("partnership", self.form.value(), self.tr("Stedenband bewerken"))

    def show_item(self, item_id: str) -> bool:
        return bool(self.data and self.data["partnership"] and self.data["partnership"]["id"] == item_id)

    def shown_text(self) -> str:
        """Everything the dashboard says, as plain text, top to bottom (for tests and for copying)."""
        parts = [self.title.text(), self.facts.text(), self.history.text()]
        if not self.attention.isHidden():
            parts.append(self.attention.text())
        parts.append(self.cards.text())
        parts += [panel.text() for panel in (self.checklist_panel, self.commitments_panel, self.costs_panel,
                                             self.timeline_panel)]
        return "\n".join(part for part in parts if part)
