"""The navigator's sections, in the order users expect, with each list's columns."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QVBoxLayout

from typing import TYPE_CHECKING

from raadsdossier.gui.i18n import format_date, format_money, format_size, label, section_titles
from raadsdossier.gui.sections.base import Section

if TYPE_CHECKING:  # the lists need the data layer; the navigator's titles (section_titles) do not
    from raadsdossier.gui.models import Column
    from raadsdossier.gui.sections.items import ItemSection


def t(text: str) -> str:
    return QCoreApplication.translate("Sections", text)


def _date(key: str):
    return lambda row: format_date(row.get(key))


def _own_date(key: str):
    """An item's own date; without one, where its sources place it on the timeline, as its read view says it:
    "(bron: januari 2022)" (services/lists.py _place_undated)."""
    def value(row: dict) -> str:
        if row.get(key):
            return format_date(row[key])
        placed = (row.get("_computed") or {}).get("placed_at")
        return t("(bron: %1)").replace("%1", format_date(placed)) if placed else ""
    return value


def _text(key: str):
    return lambda row: row.get(key) or ""


def _enum(key: str):
    return lambda row: label(row.get(key))


def _names(key: str):
    return lambda row: "; ".join((row.get("_actors") or {}).get(key) or [])


def _money(row: dict) -> str:
    """"€ 5.000 – € 12.000", in the language's way of writing amounts (cents included, where there are any)."""
    amount, top = row.get("amount_eur"), row.get("amount_max_eur")
    return " – ".join(format_money(value) for value in (amount, top) if value is not None)


class TabbedSection(Section):
    """Two or more item lists under one navigator entry (e.g. costs and outcomes)."""

    def __init__(self, view, key: str, parts: list[tuple[str, ItemSection]], parent=None) -> None:
        super().__init__(view, parent)
        self.key = key
        self.parts = [section for _title, section in parts]
        self.item_keys = tuple(section.key for section in self.parts)
        self.kinds = tuple(kind for section in self.parts for kind in section.kinds)
        self.also_shows = tuple(kind for section in self.parts for kind in section.also_shows)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(" / ".join(title for title, _section in parts))
        self.tabs.tabBar().setAccessibleName(self.tabs.accessibleName())
        for title, section in parts:
            self.tabs.addTab(section, title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def refresh(self) -> None:
        super().refresh()
        for section in self.parts:
            section.refresh()

    def show_item(self, item_id: str) -> bool:
        for index, section in enumerate(self.parts):
            if section.show_item(item_id):
                self.tabs.setCurrentIndex(index)
                return True
        return False

    def _active(self) -> ItemSection:
        return self.parts[self.tabs.currentIndex()]

    def new_item(self) -> None:
        self._active().new_item()

    def edit(self) -> None:  # F2 and Bewerken → Item bewerken: the item of the tab in front
        self._active().edit()

    def delete_selected(self) -> None:
        self._active().delete_selected()


def motion_columns() -> list[Column]:
    """The columns of the Moties list (also used by bench/run.py to drive the same model)."""
    from raadsdossier.gui.models import Column, confidentiality_column

    # Status and result before the submitters: a list beside the reading pane shows the columns that fit, in this
    # order (gui/sections/items.py _reflow), and a list of names is the widest.
    return [
        Column(t("Kenmerk"), "reference", _text("reference")), Column(t("Titel"), "title", _text("title")),
        Column(t("Datum"), "date", _own_date("date")), Column(t("Status"), "status", _enum("status")),
        Column(t("Uitslag"), None, lambda r: label(r["_computed"].get("result"))),
        Column(t("Indieners"), None, _names("submitters")),
        confidentiality_column(t("Vertrouwelijkheid")),
    ]


def empty_text(key: str) -> str:
    """One sentence on what belongs in the list `key` ("motions"), for its empty state."""
    texts = {
        "motions": t("Hier komen de moties over de stedenband: wie ze indiende, de overwegingen en het dictum, "
                     "hoe elke fractie stemde en wat het college ermee deed."),
        "commitments": t("Hier komen de toezeggingen van het college: wie wat beloofde, wanneer, en of het al "
                         "is nagekomen."),
        "question_sets": t("Hier komen schriftelijke vragen en Kamervragen met hun antwoorden, en hoe lang de "
                           "beantwoording duurde. Plak ze als tekst of importeer ze."),
        "college_notes": t("Hier komen collegestukken: raadsinformatiebrieven, notities en besluiten, met het "
                           "standpunt van het college."),
        "demonstrations": t("Hier komen demonstraties en acties over de stedenband: waar, wanneer, wie, en wat "
                            "ze vroegen."),
        "costs": t("Hier komen de kosten van de stedenband: reizen, personeel en evenementen, per jaar of in "
                   "totaal."),
        "outcomes": t("Hier komen de opbrengsten die aan de stedenband worden toegeschreven, en wie dat zegt."),
        "sources": t("Hier komen de bronnen waarop het dossier steunt: artikelen, Kamerstukken, rapporten en "
                     "webpagina's."),
        "attachments": t("Hier komen bestanden die bij het dossier horen (PDF, DOCX, tekst of afbeeldingen). "
                         "Sleep ze hierheen of voeg ze toe; hun tekst wordt doorzoekbaar."),
        "notes": t("Hier komen uw eigen notities: spreekteksten en aantekeningen. Ze gaan alleen mee in een "
                   "vergaderstuk als u dat kiest."),
        "meetings": t("Hier komen de vergaderingen van raad en commissies waarin de stedenband aan de orde was, "
                      "met hun agendapunten."),
        "events": t("Hier komen gebeurtenissen rond de stedenband: handelsmissies, bezoeken, ondertekeningen en "
                    "verklaringen."),
        "unassigned_votes": t("Hier komen stemmingen die een import niet aan één motie kon koppelen. Nu zijn er "
                              "geen: alle stemmingen horen bij een motie."),
        "parties": t("Hier komen de fracties in de raad, met hun zetels; stemmingen per fractie gebruiken ze."),
        "people": t("Hier komen raadsleden, wethouders en anderen die in het dossier voorkomen. Wie risico "
                    "loopt, wordt nooit zonder toestemming genoemd."),
    }
    return texts.get(key, t("Hier is nog niets."))


def build_sections(view):
    """(key, Dutch title, factory) for every navigator entry; factory() builds the section widget.

    A dossier view builds a section when it is first shown: building all sixteen (forms, tables,
    editors) and laying them out in the stack took half a second before the first screen."""
    from raadsdossier.gui.models import Column, confidentiality_column
    from raadsdossier.gui.reading_page import item_title
    from raadsdossier.gui.sections.attachments import AttachmentSection
    from raadsdossier.gui.sections.checklist import ChecklistSection
    from raadsdossier.gui.sections.items import ItemSection
    from raadsdossier.gui.sections.meetings import MeetingSection
    from raadsdossier.gui.sections.motions import MotionSection
    from raadsdossier.gui.sections.overview import OverviewSection
    from raadsdossier.gui.sections.questions import QuestionSection
    from raadsdossier.gui.sections.timeline import TimelineSection
    from raadsdossier.gui.sections.unassigned import UnassignedVoteSection

    conf = confidentiality_column(t("Vertrouwelijkheid"))
    factories = dict([
        ("overview", lambda: OverviewSection(view)),
        ("timeline", lambda: TimelineSection(view)),
        ("motions", lambda: MotionSection(view, "motions", t("Moties"), motion_columns())),
        ("commitments", lambda: ItemSection(view, "commitments", t("Toezeggingen"), [
            Column(t("Titel"), "title", _text("title")), Column(t("Toegezegd door"), None, _names("promised_by")),
            Column(t("Uiterste datum"), "deadline", _date("deadline")), Column(t("Status"), "status", _enum("status")),
            Column(t("Te laat"), None, lambda r: t("ja") if r["_computed"].get("overdue") else ""), conf])),
        ("question_sets", lambda: QuestionSection(view, "question_sets", t("Vragen & antwoorden"), [
            Column(t("Kenmerk"), "reference", _text("reference")), Column(t("Titel"), "title", _text("title")),
            Column(t("Ingediend"), "submitted_on", _own_date("submitted_on")),
            Column(t("Beantwoord"), "answered_on", _date("answered_on")),
            Column(t("Dagen"), None, lambda r: str(r["_computed"].get("days_to_answer") or "")),
            Column(t("Te laat"), None, lambda r: t("ja") if r["_computed"].get("overdue") or r["_computed"].get("answered_late") else ""),
            conf])),
        ("college_notes", lambda: ItemSection(view, "college_notes", t("Collegestukken"), [
            Column(t("Titel"), "title", _text("title")), Column(t("Soort"), "kind", _enum("kind")),
            Column(t("Datum"), "date", _own_date("date")), Column(t("Status"), "status", _enum("status")), conf])),
        ("demonstrations", lambda: ItemSection(view, "demonstrations", t("Demonstraties"), [
            Column(t("Titel"), "title", _text("title")), Column(t("Datum"), "date", _own_date("date")),
            Column(t("Plaats"), "place", _text("place")),
            Column(t("Geschatte omvang"), "estimated_size", _text("estimated_size")),
            conf])),
        ("checklist", lambda: ChecklistSection(view)),
        ("costs_and_outcomes", lambda: TabbedSection(view, "costs_and_outcomes", [
            (t("Kosten"), ItemSection(view, "costs", t("Kosten"), [
                # a cost is named by its description's first sentence, as its read view's heading names it
                Column(t("Omschrijving"), "description", lambda row: item_title("costs", row)),
                Column(t("Bedrag"), "amount_eur", _money),
                Column(t("Grondslag"), "basis", _enum("basis")), Column(t("Categorie"), "category", _enum("category")),
                Column(t("Datum"), "date", _own_date("date")), Column(t("Einddatum"), "end_date", _date("end_date")),
                conf])),
            (t("Opbrengsten"), ItemSection(view, "outcomes", t("Opbrengsten"), [
                Column(t("Opbrengst"), "claim", _text("claim")), Column(t("Waarde"), "value", _text("value")),
                Column(t("Volgens"), "claimed_by", _text("claimed_by")), Column(t("Datum"), "date", _own_date("date")),
                conf])),
        ])),
        ("sources", lambda: ItemSection(view, "sources", t("Bronnen"), [
            Column(t("Titel"), "title", _text("title")), Column(t("Soort"), "kind", _enum("kind")),
            Column(t("Uitgever"), "publisher", _text("publisher")), Column(t("Datum"), "date", _own_date("date")),
            Column(t("Documentnummer"), "document_number", _text("document_number")), conf])),
        ("attachments", lambda: AttachmentSection(view, "attachments", t("Bijlagen"), [
            Column(t("Bestandsnaam"), "file_name", _text("file_name")), Column(t("Soort"), "media_type", _text("media_type")),
            Column(t("Grootte"), None, lambda r: format_size(r.get("size") or 0)), conf])),
        ("notes", lambda: ItemSection(view, "notes", t("Notities"), [
            Column(t("Titel"), "title", _text("title")), Column(t("Soort"), "kind", _enum("kind")), conf])),
        ("meetings", lambda: MeetingSection(view, "meetings", t("Vergaderingen"), [
            Column(t("Titel"), "title", _text("title")), Column(t("Datum"), "date", _own_date("date")),
            Column(t("Orgaan"), "body", _enum("body")), Column(t("Kenmerk"), "reference", _text("reference")), conf])),
        ("events", lambda: ItemSection(view, "events", t("Gebeurtenissen"), [
            Column(t("Titel"), "title", _text("title")), Column(t("Soort"), "kind", _enum("kind")),
            Column(t("Datum"), "date", _own_date("date")), Column(t("Einddatum"), "end_date", _date("end_date")),
            conf])),
        ("unassigned_votes", lambda: UnassignedVoteSection(view, "unassigned_votes",
            t("Niet-toegewezen stemmingen"), [
                Column(t("Besluit"), "decision", _text("decision")), Column(t("Agendapunt"), "agenda_item", _text("agenda_item")),
                Column(t("Datum"), "date", _date("date")), conf])),
        ("parties_and_people", lambda: TabbedSection(view, "parties_and_people", [
            (t("Fracties"), ItemSection(view, "parties", t("Fracties"), [
                Column(t("Naam"), "name", _text("name")), Column(t("Afkorting"), "abbreviation", _text("abbreviation")),
                Column(t("Zetels"), "seats", _text("seats")), conf])),
            (t("Personen"), ItemSection(view, "people", t("Personen"), [
                Column(t("Naam"), "name", _text("name")), Column(t("Rol"), "role", _enum("role")),
                Column(t("Risico"), "sensitive", lambda r: t("loopt risico") if r.get("sensitive") else ""), conf])),
        ])),
    ])
    return [(key, title, factories[key]) for key, title in section_titles()]
