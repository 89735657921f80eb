"""The Tijdlijn as a user reads it: years as headings, each kind's icon and colour, filters per kind with
their counts, undated items at the place their source puts them, paging, opening an item."""

from __future__ import annotations

import uuid
from collections import Counter

import pytest
from PySide6.QtCore import Qt

from raadsdossier.domain import kinds
from raadsdossier.gui.models import PAGE
from raadsdossier.gui.sections.timeline import DATE, KIND, MARK, TITLE, HeadingRole
from raadsdossier.services import edits, lists
from raadsdossier.storage.dossier import Dossier
from tests.conftest import INTERNAL_NOTE, SECRET_EVENT

DEMOS = ["Arnhem – Wuhan", "Breda – Yangzhou", "Enschede – Dalian", "Maastricht – Chengdu"]


def _view(window, title):
    window.tabs.setCurrentIndex([v.title for v in window.views()].index(title))
    return window.current_view()


def _read_all(timeline) -> None:
    model = timeline.list_model
    while model.canFetchMore():
        model.fetchMore()


def _row_of(timeline, title: str) -> int:
    model = timeline.list_model
    return next(row for row in range(model.rowCount()) if model.index(row, TITLE).data() == title)


def _heading_above(timeline, row: int) -> str:
    model = timeline.list_model
    while not model.index(row, 0).data(HeadingRole):
        row -= 1
    return model.index(row, DATE).data()


def _save(dossier, key: str, data: dict) -> None:
    edits.save_item(dossier, key, {"id": str(uuid.uuid4()), **data})


def test_the_undated_bedroefd_reaction_is_shown_as_datum_onbekend_at_its_sources_date(arnhem):
    timeline = arnhem.show_section("timeline")
    title = next(t for t in timeline.entry_titles() if "bedroefd" in t)
    row = _row_of(timeline, title)
    model = timeline.list_model
    assert model.index(row, DATE).data() == "datum onbekend (bron: januari 2022)"
    assert "bron die het noemt" in model.index(row, DATE).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(row, KIND).data() == "gebeurtenis"
    assert _heading_above(timeline, row) == "2022"  # the year of the Follow the Money article that reports it
    groups = dict(timeline.entry_groups())
    assert title in groups["2022"]
    assert groups["2021"] == ["Demonstratie van Oeigoerse activisten voor het gemeentehuis van Arnhem",
                              "Motie stedenband met Wuhan verbreken"]


def test_national_context_says_so_on_the_timeline(arnhem):
    timeline = arnhem.show_section("timeline")
    model = timeline.list_model
    kamervragen = _row_of(timeline, next(t for t in timeline.entry_titles() if t.startswith("2022Z11774")))
    assert model.index(kamervragen, KIND).data() == "vragenset (landelijk)"
    motion = _row_of(timeline, "Motie stedenband met Wuhan verbreken")
    assert model.index(motion, KIND).data() == "motie"  # the council's own


def test_years_are_heading_rows_in_order_and_each_entry_stands_under_its_year(window):
    timeline = _view(window, "Maastricht – Chengdu").show_section("timeline")
    model, table = timeline.list_model, timeline.table
    headings = [row for row in range(model.rowCount()) if model.index(row, 0).data(HeadingRole)]
    assert [model.index(row, DATE).data() for row in headings] == ["2012", "2013", "2018", "2022"]
    for row in headings:  # full width, bold, never selected
        assert table.columnSpan(row, 0) == model.columnCount() == 4
        assert model.index(row, 0).data(Qt.ItemDataRole.FontRole).bold()
        assert not model.flags(model.index(row, 0)) & Qt.ItemFlag.ItemIsSelectable
    assert headings[0] == 0
    for row in range(model.rowCount()):
        entry = model.entry_at(row)
        if entry is not None:
            assert _heading_above(timeline, row) == entry.place[:4], entry.title
            assert model.flags(model.index(row, 0)) & Qt.ItemFlag.ItemIsSelectable
    # partial dates as the sources give them, a period as one date cell
    texts = [model.index(row, DATE).data() for row in range(model.rowCount())]
    assert "mei 2012" in texts and "2013 – 2021" in texts


def test_each_entry_shows_its_kinds_icon_colour_and_full_title(window):
    timeline = _view(window, "Maastricht – Chengdu").show_section("timeline")
    model = timeline.list_model
    row = next(r for r in range(model.rowCount()) if model.entry_at(r) and model.entry_at(r).kind == "cost")
    assert model.index(row, KIND).data() == "kostenpost"
    assert not model.index(row, KIND).data(Qt.ItemDataRole.DecorationRole).isNull()
    assert model.index(row, DATE).data(Qt.ItemDataRole.UserRole) == "cost"  # the colour bar's kind
    title = model.entry_at(row).title
    assert model.index(row, TITLE).data(Qt.ItemDataRole.ToolTipRole) == title and len(title) > 80
    header = timeline.table.horizontalHeader()
    assert header.sectionResizeMode(TITLE) == header.ResizeMode.Stretch
    assert model.index(row, MARK).data() is None  # public: no marker


def test_filters_show_each_kinds_count_and_unchecking_one_hides_its_entries(window):
    view = _view(window, "Maastricht – Chengdu")
    timeline = view.show_section("timeline")
    everything = lists.timeline(view.dossier)
    counts = Counter(entry.kind for entry in everything)
    for kind, chip in timeline.filters.items():
        if counts[kind]:
            assert chip.text().endswith(f"({counts[kind]})") and not chip.isHidden()
            assert chip.text().lower().startswith(kinds.kind(kind).plural)
            assert chip.accessibleName().startswith("Toon ")
        else:
            assert chip.isHidden()  # nothing of this kind in the dossier: no button for it
    assert timeline.filters["event"].text() == "Gebeurtenissen (5)"
    assert not timeline.filters["source"].isChecked()  # sources are a click away, not in the way
    events = {e.title for e in everything if e.kind == "event"}
    assert events <= set(timeline.entry_titles())

    timeline.filters["event"].setChecked(False)
    assert not events & set(timeline.entry_titles())
    assert {e.title for e in everything if e.kind == "outcome"} <= set(timeline.entry_titles())

    timeline.none_button.click()
    assert timeline.entry_titles() == [] and timeline.table.isHidden() and not timeline.empty.isHidden()
    assert "kies hierboven" in timeline.empty.text()
    timeline.all_button.click()
    assert len(timeline.entry_titles()) == len(everything) and not timeline.table.isHidden()
    table, model = timeline.table, timeline.list_model
    entry_height = table.verticalHeader().defaultSectionSize()
    for row in range(model.rowCount()):  # entries an entry's height, also on rows that were headings before
        assert (table.rowHeight(row) > entry_height) == bool(model.index(row, 0).data(HeadingRole))


@pytest.mark.parametrize("title", DEMOS)
def test_nothing_is_missing_compared_with_the_service(window, title):
    view = _view(window, title)
    timeline = view.show_section("timeline")
    for choose_all in (False, True):  # the kinds chosen at first (no sources), then every kind
        if choose_all:
            timeline.all_button.click()
        _read_all(timeline)
        expected = lists.timeline(view.dossier, timeline.chosen_keys())
        assert [e.id for e in timeline.list_model.entries] == [e.id for e in expected]
    assert len(timeline.list_model.entries) == len(lists.timeline(view.dossier))  # every kind, dated or not


def test_a_long_timeline_reads_page_by_page_with_each_year_heading_once(bare_window, new_dossier):
    with Dossier.open(new_dossier) as dossier:
        for number in range(130):
            _save(dossier, "events", {"title": f"Gebeurtenis {number:03}", "date": f"{2000 + number // 10}-0{1 + number % 9}"})
        _save(dossier, "motions", {"title": "Motie zonder datum of bron"})
    view = bare_window.open_path(new_dossier)
    timeline = view.show_section("timeline")
    model = timeline.list_model
    assert len(model.entries) == PAGE and model.canFetchMore()  # the first screen, not everything
    _read_all(timeline)
    headings = [model.index(row, DATE).data() for row in range(model.rowCount()) if model.index(row, 0).data(HeadingRole)]
    assert headings == [str(year) for year in range(2000, 2013)] + ["datum onbekend"]
    assert all(timeline.table.columnSpan(row, 0) == 4 for row in range(model.rowCount())
               if model.index(row, 0).data(HeadingRole))
    groups = dict(timeline.entry_groups())
    assert groups["datum onbekend"] == ["Motie zonder datum of bron"]  # no date, no source: last, not dropped
    assert sorted(groups["2003"]) == [f"Gebeurtenis {n:03}" for n in range(30, 40)]
    assert len(timeline.entry_titles()) == 131


def test_activating_an_entry_opens_it_and_a_heading_opens_nothing(arnhem):
    timeline = arnhem.show_section("timeline")
    model = timeline.list_model
    timeline.table.activated.emit(model.index(0, 0))  # the heading "2021"
    assert arnhem.current_section() is timeline
    row = _row_of(timeline, "Motie stedenband met Wuhan verbreken")
    timeline.table.activated.emit(model.index(row, TITLE))
    motions = arnhem.current_section()
    assert motions.key == "motions" and motions.current["title"] == "Motie stedenband met Wuhan verbreken"
    timeline = arnhem.show_section("timeline")
    timeline.open_row(timeline.entry_titles().index("Demonstratie van Oeigoerse activisten voor het gemeentehuis van Arnhem"))
    assert arnhem.current_section().key == "demonstrations"


def test_an_empty_dossier_says_what_appears_here(bare_window, new_dossier):
    timeline = bare_window.open_path(new_dossier).show_section("timeline")
    assert timeline.table.isHidden() and not timeline.empty.isHidden()
    assert timeline.empty.text().startswith("Hier verschijnen de moties")
    assert all(chip.isHidden() for chip in timeline.filters.values())


def test_confidentiality_is_a_small_marker_only_where_an_item_is_not_public(bare_window, arnhem_with_secrets):
    timeline = bare_window.open_path(arnhem_with_secrets).show_section("timeline")
    model = timeline.list_model
    assert model.index(_row_of(timeline, SECRET_EVENT), MARK).data() == "vertrouwelijk"
    assert model.index(_row_of(timeline, INTERNAL_NOTE), MARK).data() == "fractie-intern"
    assert model.index(_row_of(timeline, "Motie stedenband met Wuhan verbreken"), MARK).data() is None
    assert model.headerData(MARK, Qt.Orientation.Horizontal) == ""


def test_a_new_item_appears_under_its_year_after_the_change(arnhem):
    timeline = arnhem.show_section("timeline")
    arnhem.save_item("events", {"id": str(uuid.uuid4()), "title": "Handelsmissie", "date": "2019-04"}, "nieuw")
    assert dict(timeline.entry_groups())["2019"] == ["Handelsmissie"]
    assert timeline.filters["event"].text() == "Gebeurtenissen (2)"
