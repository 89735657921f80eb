"""The item pane reads first and edits one step away; lists fit their columns, count in their own noun and
say what belongs in them when empty; no raw field name is shown anywhere."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QFormLayout, QLabel, QLineEdit

from raadsdossier.domain import kinds
from raadsdossier.gui.sections.items import EDIT, READ, ItemSection
from raadsdossier.interchange.spec import KIND_BY_KEY
from raadsdossier.services import lists

SNAKE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")  # operative_text, meeting_id, assigned_to


def item_sections(view) -> list[ItemSection]:
    """Every list section of the view (the parts of tabbed ones too), built."""
    found = []
    for key in view.section_keys():
        section = view.section(key)
        found.extend(part for part in getattr(section, "parts", [section]) if isinstance(part, ItemSection))
    return found


def test_every_form_of_every_kind_labels_its_fields_in_words(arnhem):
    forms_seen = set()
    for section in item_sections(arnhem):
        spec = KIND_BY_KEY[section.key]
        keys = {field.key for field in spec.fields} | {key for key, _role in spec.actors} | {
            "confidentiality", "source_ids"}
        for layout in section.findChildren(QFormLayout):
            for row in range(layout.rowCount()):
                item = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
                widget = item.widget() if item is not None else None
                if not isinstance(widget, QLabel):
                    continue
                text = widget.text().rstrip(" *:")
                assert text not in keys, f"{section.key}: the label {text!r} is the field's attribute name"
                assert not SNAKE.search(text), f"{section.key}: raw name in label {text!r}"
        forms_seen.add(spec.kind)
    listed = {kind.name for kind in kinds.KINDS if kind.key in KIND_BY_KEY and kind.section != "overview"
              and kind.name != "checklist_assessment"}
    assert listed <= forms_seen


def test_no_visible_text_in_any_section_is_a_raw_name(arnhem, qtbot):
    for key in arnhem.section_keys():
        section = arnhem.show_section(key)
        for part in getattr(section, "parts", [section]):
            if isinstance(part, ItemSection) and part.model.rows:
                part.show_item(part.model.rows[0]["id"])
                part.edit()
        texts = [w.text() for w in section.findChildren(QLabel) if w.isVisibleTo(section)]
        texts += [w.text() for w in section.findChildren(QAbstractButton) if w.isVisibleTo(section)]
        for text in texts:
            plain = re.sub(r"<[^>]+>", " ", text)
            assert not SNAKE.search(plain), f"{key}: raw name in {text!r}"


def test_an_item_opens_in_its_read_view_and_edit_is_one_step_away(arnhem, qtbot, window):
    motions = arnhem.show_section("motions")
    first = motions.model.rows[0]
    assert motions.show_item(first["id"])
    assert motions.mode() == READ
    assert first["title"] in motions.reading_text()
    window.edit_action.trigger()  # F2
    assert motions.mode() == EDIT
    assert motions.form.widgets["title"].text() == first["title"]
    qtbot.mouseClick(motions.done_button, Qt.MouseButton.LeftButton)
    assert motions.mode() == READ


def test_editing_a_field_and_returning_shows_the_change_in_the_read_view(arnhem, qtbot):
    motions = arnhem.show_section("motions")
    motions.show_item(motions.model.rows[0]["id"])
    motions.edit()
    field = motions.form.widgets["reference"]
    field.setFocus()
    field.setText("M21-07")  # typed, not yet left: Klaar saves it
    motions.read()
    assert motions.mode() == READ
    assert "M21-07" in motions.reading_text()
    assert lists.get(arnhem.dossier, motions.current["id"])[1]["reference"] == "M21-07"


def test_double_clicking_a_row_edits_it(arnhem, qtbot):
    events = arnhem.show_section("events")
    events.show_item(events.model.rows[0]["id"])
    index = events.table.model().index(0, 0)
    rect = events.table.visualRect(index)
    qtbot.mouseClick(events.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # Qt pairs the two
    qtbot.mouseDClick(events.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert events.mode() == EDIT


def test_choosing_another_item_returns_to_reading(arnhem):
    events = arnhem.show_section("sources")
    rows = events.model.rows
    events.show_item(rows[0]["id"])
    events.edit()
    events.show_item(rows[1]["id"])
    assert events.mode() == READ
    assert rows[1]["title"] in events.reading_text()
    assert len(rows) > 1


def test_reading_items_reads_no_pickers_and_editing_shows_them_filled_in(arnhem, monkeypatch):
    """Reading an item does not read what its pickers offer (every item a reference may point at, every source:
    in a dossier of 100,000 items that held the window up on every row chosen); its form, once edited, shows
    them with the item's own reference and sources chosen, and leaving it unchanged saves nothing."""
    read = []
    real = lists.choices
    monkeypatch.setattr(lists, "choices", lambda dossier, kind: read.append(kind) or real(dossier, kind))
    demonstrations = arnhem.show_section("demonstrations")
    demonstration = next(lists.get(arnhem.dossier, row["id"])[1] for row in demonstrations.model.rows
                         if lists.get(arnhem.dossier, row["id"])[1].get("motion_id"))
    assert demonstration["source_ids"]
    for row in demonstrations.model.rows:
        demonstrations.show_item(row["id"])
    demonstrations.show_item(demonstration["id"])
    assert demonstrations.mode() == READ and read == []
    saved = []
    monkeypatch.setattr(arnhem, "save_item", lambda *args: saved.append(args) or True)
    demonstrations.edit()
    assert demonstrations.mode() == EDIT and {"meeting", "motion", "source"} == set(read)
    motion = demonstrations.form.widgets["motion_id"]
    assert motion.currentData() == demonstration["motion_id"]
    assert motion.currentText() == dict(real(arnhem.dossier, "motion"))[demonstration["motion_id"]]
    sources = demonstrations.form.source_model
    assert sources.rowCount() == len(real(arnhem.dossier, "source"))
    ticked = {sources.data(sources.index(row), Qt.ItemDataRole.UserRole) for row in range(sources.rowCount())
              if sources.data(sources.index(row), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked}
    assert ticked == set(demonstration["source_ids"])
    demonstrations.read()
    assert saved == [] and demonstrations.form.value()["motion_id"] == demonstration["motion_id"]


def test_a_sources_form_does_not_offer_the_source_itself(arnhem):
    sources = arnhem.show_section("sources")
    rows = sources.model.rows
    assert len(rows) > 1
    sources.show_item(rows[0]["id"])
    sources.edit()
    model = sources.form.source_model
    offered = [model.data(model.index(row), Qt.ItemDataRole.UserRole) for row in range(model.rowCount())]
    assert sorted(offered) == sorted(row["id"] for row in rows[1:])


def test_text_fields_show_the_start_of_their_text(arnhem):
    motions = arnhem.show_section("motions")
    motions.show_item(motions.model.rows[0]["id"])
    motions.edit()
    assert motions.form.widgets["title"].cursorPosition() == 0


def test_the_read_pane_gets_the_larger_part_and_its_place_is_remembered(arnhem, window, qtbot):
    window.resize(1280, 800)
    motions = arnhem.show_section("motions")
    qtbot.waitUntil(lambda: motions.splitter.sizes()[1] > 0)
    left, right = motions.splitter.sizes()
    assert right >= left
    motions.splitter.moveSplitter(700, 1)
    motions._remember_split(700, 1)
    share = window.settings.data["list_share"]
    assert 0.4 < share < 0.8
    events = arnhem.show_section("events")
    qtbot.waitUntil(lambda: events.splitter.sizes()[1] > 0)
    sizes = events.splitter.sizes()
    assert abs(sizes[0] / sum(sizes) - share) < 0.05


def test_counts_say_the_sections_own_noun(arnhem):
    motions = arnhem.show_section("motions")
    total = lists.count(arnhem.dossier, "motions")
    assert motions.count_label.text() == (f"{total} motie" if total == 1 else f"{total} moties")
    events = arnhem.show_section("events")
    assert events.count_label.text().endswith("gebeurtenissen") or events.count_label.text().endswith("gebeurtenis")


def test_every_empty_section_says_what_belongs_there_and_offers_new_and_import(bare_window, qtbot, tmp_path):
    from raadsdossier.gui.sections.registry import empty_text
    from raadsdossier.services import dossiers

    path = tmp_path / "leeg.raadsdossier"
    dossiers.create_dossier(path, dossiers.PartnershipFields("Leeg", "municipality", "Nergens"))
    view = bare_window.open_path(path)
    for section in item_sections(view):
        view.show_section(next(k for k in view.section_keys()
                               if section in getattr(view.section(k), "parts", [view.section(k)])))
        section.refresh()
        assert section.is_empty(), section.key
        assert section.empty.isVisibleTo(section)
        text = " ".join(label.text() for label in section.empty.findChildren(QLabel))
        assert text == empty_text(section.key) and len(text) > 40
        assert section.empty_import.isVisibleTo(section)
        assert section.empty_new.isVisibleTo(section) == section.can_create
        assert not section.pane.isVisibleTo(section)


def test_the_new_button_of_an_empty_section_makes_an_item_and_opens_its_form(bare_window, qtbot, tmp_path):
    from raadsdossier.services import dossiers

    path = tmp_path / "leeg.raadsdossier"
    dossiers.create_dossier(path, dossiers.PartnershipFields("Leeg", "municipality", "Nergens"))
    view = bare_window.open_path(path)
    motions = view.show_section("motions")
    qtbot.mouseClick(motions.empty_new, Qt.MouseButton.LeftButton)
    assert not motions.is_empty()
    assert motions.mode() == EDIT
    assert motions.count_label.text() == "1 motie"


def test_a_filter_without_matches_is_not_the_empty_state(arnhem, qtbot):
    events = arnhem.show_section("events")
    events.filter_edit.setText("zzzqqqxx")
    qtbot.waitUntil(lambda: events.model.total == 0)
    assert not events.is_empty()


def test_the_title_column_stretches_and_the_list_needs_no_horizontal_scroll_bar(arnhem, window, qtbot):
    window.resize(1280, 800)
    motions = arnhem.show_section("motions")
    qtbot.waitUntil(lambda: motions.table.viewport().width() > 100)
    header = motions.table.horizontalHeader()
    assert header.length() <= motions.table.viewport().width() + 1
    assert not motions.table.horizontalScrollBar().isVisible()


def test_a_narrow_list_drops_its_last_columns_not_one_in_between(window, qtbot):
    # Maastricht's costs: "Tot" beside "Bedrag" without "Vanaf" read as a second amount (now "Einddatum" and
    # "Datum"); a column with nothing in any row is never shown
    window.resize(1280, 800)
    index = [v.title for v in window.views()].index("Maastricht – Chengdu")
    window.tabs.setCurrentIndex(index)
    costs = window.current_view().show_section("costs_and_outcomes").parts[0]
    qtbot.waitUntil(lambda: costs.model.loaded and costs.table.viewport().width() > 100)
    header = costs.table.horizontalHeader()
    for width in (1280, 1000, 1600, 1920):
        window.resize(width, 800)
        qtbot.waitUntil(lambda: header.length() <= costs.table.viewport().width() + 1)
        titles = [str(costs.model.headerData(c, Qt.Orientation.Horizontal)) for c in range(costs.model.columnCount())
                  if any(costs.model.data(costs.model.index(row, c)) for row in range(costs.model.rowCount()))]
        shown = [str(costs.model.headerData(c, Qt.Orientation.Horizontal))
                 for c in range(costs.model.columnCount()) if not costs.table.isColumnHidden(c)]
        assert shown == titles[:len(shown)], (width, shown)
        assert "Omschrijving" in shown and ("Bedrag" in shown or width < 1280), (width, shown)


def test_the_risk_check_box_says_what_it_means_and_leaves_the_fields_their_width(window, qtbot):
    window.resize(1280, 800)
    index = [v.title for v in window.views()].index("Breda – Yangzhou")
    window.tabs.setCurrentIndex(index)
    tabs = window.current_view().show_section("parties_and_people")
    tabs.tabs.setCurrentIndex(1)
    people = tabs.parts[1]
    qtbot.waitUntil(lambda: people.model.loaded and bool(people.model.rows))
    people.show_item(people.model.rows[0]["id"])
    people.edit()
    form = people.form
    qtbot.waitUntil(lambda: form.widgets["name"].width() > 0)
    box = form.widgets["sensitive"]
    assert box.text().startswith("Persoon loopt risico")
    assert form.form_layout.labelForField(box) is None  # not a caption in the label column as well
    assert box.width() >= box.sizeHint().width()  # its whole sentence shows
    assert form.widgets["name"].width() >= form.width() * 0.5


def test_the_vote_editor_shows_the_whole_note_and_says_why_a_vote_without_seats_has_no_bar(arnhem, window, qtbot):
    window.resize(1280, 800)
    motions = arnhem.show_section("motions")
    motion = next(row for row in motions.model.rows if row.get("votes"))
    motions.show_item(motion["id"])
    motions.edit()
    editors = motions.vote_editors
    assert len(editors) == 3
    stored = lists.get(arnhem.dossier, motion["id"])[1]["votes"]
    for editor, vote in zip(editors, stored):
        assert editor.note.toPlainText() == (vote.get("note") or "")  # from its start, in a field as tall as it
        assert not editor.note.verticalScrollBar().isVisible()
    # the third vote: GroenLinks for, its seats not known (read view: no computed result)
    third = editors[2]
    assert third.value()["choices"] and third.chart.segments == []
    assert third.chart.empty == "Zonder zetels per fractie kan de uitslag niet worden berekend."
    assert editors[0].chart.empty == "geen stemmen per fractie of lid bekend"


def test_the_questions_editor_shows_every_question_whole_without_a_scroll_area_of_its_own(arnhem, window, qtbot):
    window.resize(1280, 800)
    section = arnhem.show_section("question_sets")
    section.show_item(next(row["id"] for row in section.model.rows if row.get("reference") == "2022Z11774"))
    section.edit()
    table = section.questions
    qtbot.waitUntil(lambda: table.rowCount() == 17 and table.isVisible())
    for width in (1280, 1920, 1100):
        window.resize(width, 800)
        qtbot.waitUntil(lambda: all(table.rowHeight(row) >= table.sizeHintForRow(row) for row in range(17)))
        qtbot.waitUntil(lambda: table.height() >= table.verticalHeader().length())
    assert not table.verticalScrollBar().isVisible()


def _rows_on_screen(table) -> range:
    top, rows = table.rowAt(0), table.model().rowCount()
    end = top
    while end < rows and table.rowViewportPosition(end) < table.viewport().height():
        end += 1
    return range(top, end)


def _cut_off(table) -> list[str]:
    """The titles on screen that their row is too low for (at the title column's width, as the list draws them)."""
    column = next(i for i, c in enumerate(table.model().columns) if c.sort_key == "title")
    return [table.model().data(table.model().index(row, column)) for row in _rows_on_screen(table)
            if table.rowHeight(row) < table.sizeHintForRow(row)]


def _dossier_with_events(path, titles: list[str]):
    """A new dossier at `path` with an event of each of `titles` (ids e0000000-…, e0000001-…, in order)."""
    from raadsdossier.services import dossiers, edits

    dossiers.create_dossier(path, dossiers.PartnershipFields("Lang", "municipality", "Nergens"))
    dossier = dossiers.open_dossier(path)
    try:
        for number, title in enumerate(titles):
            edits.save_item(dossier, "events", {"id": f"e{number:07d}-0000-4000-8000-000000000000", "kind": "other",
                                                "title": title})
    finally:
        dossier.close()
    return path


def test_a_long_title_wraps_in_its_row_instead_of_being_cut_off(window, qtbot):
    """Breda's events at 1280 px: "Yangzhou geeft Breda een paviljoen als tegengeschenk" was shown as "Yangzhou
    geeft Breda een paviljoen …". Each row is as tall as its text; a row whose title fits on one line keeps the
    list's usual height; at 1920 px the rows are lower again."""
    window.resize(1280, 800)
    breda = window.views()[[v.title for v in window.views()].index("Breda – Yangzhou")]
    window.tabs.setCurrentWidget(breda)
    events = breda.show_section("events")
    table = events.table
    default = table.verticalHeader().defaultSectionSize()
    qtbot.waitUntil(lambda: max(table.rowHeight(r) for r in range(table.model().rowCount())) > default)
    assert not _cut_off(table)
    title = next(r["title"] for r in events.model.rows if r["title"].startswith("Yangzhou geeft"))
    assert table.fontMetrics().horizontalAdvance(title) > table.columnWidth(events.wide_column)  # not on one line
    narrow = {r: table.rowHeight(r) for r in range(table.model().rowCount())}
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: sum(table.rowHeight(r) for r in narrow) < sum(narrow.values()))
    assert not _cut_off(table)
    assert min(table.rowHeight(r) for r in narrow) == default  # "Breda schenkt Yangzhou een waterspeeltuin"


def test_rows_scrolled_to_are_fitted_too(window, qtbot, tmp_path):
    """In a list longer than the screen, the rows brought on screen by scrolling (and loaded as it scrolls) wrap
    as the first ones do; rows never shown are not measured."""
    path = _dossier_with_events(tmp_path / "lang.raadsdossier", [
        f"Gebeurtenis {number:03d}, met een titel die te lang is voor één regel in de lijst van gebeurtenissen naast "
        f"de leesweergave" for number in range(150)])
    window.resize(1280, 800)
    view = window.open_path(path)
    events = view.show_section("events")
    table = events.table
    default = table.verticalHeader().defaultSectionSize()
    qtbot.waitUntil(lambda: table.rowHeight(0) > default)
    assert not _cut_off(table)
    assert table.rowHeight(table.model().rowCount() - 1) == default  # off screen: not measured yet
    table.scrollToBottom()
    qtbot.waitUntil(lambda: table.model().rowCount() > 48)  # the next page was loaded as the list scrolled
    table.scrollToBottom()
    qtbot.waitUntil(lambda: table.rowHeight(_rows_on_screen(table)[-1]) > default)
    assert not _cut_off(table)
    table.scrollToTop()
    qtbot.waitUntil(lambda: table.rowAt(0) == 0)
    # Opening an item far down the list (a search hit does) scrolls to it, and rows growing above it do not
    # push it off the screen again.
    hit = "e0000120-0000-4000-8000-000000000000"
    assert events.show_item(hit)
    row = events.model.row_of(hit)
    qtbot.waitUntil(lambda: not _cut_off(table))  # the fitting of the rows then on screen (queued), and its scrolling
    assert 0 <= table.rowViewportPosition(row)
    assert table.rowViewportPosition(row) + table.rowHeight(row) <= table.viewport().height()


def test_a_title_of_a_hundred_thousand_characters_is_shortened_in_the_list_and_whole_in_the_read_view(
        window, qtbot, tmp_path):
    """Wrapped whole, such a title made a row of tens of thousands of pixels, measured again at every scroll."""
    title = " ".join(f"woord{number}" for number in range(14_000))
    assert len(title) > 100_000
    path = _dossier_with_events(tmp_path / "lang.raadsdossier", [title])
    window.resize(1280, 800)
    events = window.open_path(path).show_section("events")
    table = events.table
    qtbot.waitUntil(lambda: table.rowHeight(0) > table.verticalHeader().defaultSectionSize())
    shown = table.model().index(0, events.wide_column).data()
    assert shown.startswith("woord0 woord1 ") and shown.endswith("…") and len(shown) <= 301
    assert table.rowHeight(0) < table.viewport().height()
    assert not _cut_off(table)
    assert events.show_item("e0000000-0000-4000-8000-000000000000")
    assert title in events.reading_text()


@pytest.mark.parametrize("key", ["motions", "events", "sources"])
def test_the_navigator_counts_each_list(arnhem, qtbot, key):
    qtbot.waitUntil(lambda: arnhem.count_of(key) is not None)
    assert arnhem.count_of(key) == lists.count(arnhem.dossier, key)


def test_the_toolbar_offers_the_main_actions_with_icons(window, qtbot):
    texts = [action.iconText() for action in window.toolbar.actions() if not action.isSeparator()]
    for wanted in ("Importeren", "Vergaderstuk", "Nieuw", "Bewerken", "Zoeken", "Handleiding"):
        assert wanted in texts
    qtbot.waitUntil(lambda: all(not a.icon().isNull() for a in window.toolbar.actions() if not a.isSeparator()))


def _ink(image) -> set[str]:
    """The colours of an image's opaque pixels (an icon's glyph, without its anti-aliased edge)."""
    return {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
            if image.pixelColor(x, y).alpha() == 255}


def test_the_current_sections_icon_stays_visible_on_the_selection(arnhem, qtbot):
    """On the selected navigator row the icon is drawn in the selected text's colour, as the title beside it:
    in its kind's colour (the sources' slate, the questions' blue) it all but vanished in the selection's blue."""
    from PySide6.QtGui import QIcon, QPalette

    from raadsdossier.gui import icons

    arnhem.show_section("sources")
    navigator = arnhem.navigator
    item = navigator.currentItem()
    qtbot.waitUntil(lambda: not item.icon().isNull(), timeout=10_000)
    palette = navigator.palette()
    selected = _ink(item.icon().pixmap(32, 32, QIcon.Mode.Selected).toImage())
    normal = _ink(item.icon().pixmap(32, 32, QIcon.Mode.Normal).toImage())
    assert selected == {palette.color(QPalette.ColorRole.HighlightedText).name()}
    assert normal == {icons.colour("source")}
    # and the row as painted: the icon's area holds the selected text's colour, not the kind's
    rect = navigator.visualItemRect(item)
    row = navigator.viewport().grab(rect).toImage()
    icon_area = row.copy(0, 0, rect.height(), rect.height())
    assert palette.color(QPalette.ColorRole.HighlightedText).name() in _ink(icon_area)
    assert icons.colour("source") not in _ink(icon_area)


def test_long_text_fields_grow_with_their_text_instead_of_scrolling_on_their_own(window, qtbot):
    """The form scrolls as a whole: a college's position shows whole in its field (it showed five lines of it behind
    a scroll bar of its own); an empty field stays a few lines tall, and only a very long text scrolls inside."""
    from raadsdossier.gui.forms import LongTextEdit

    window.resize(1280, 800)
    view = next(v for v in window.views() if v.title == "Enschede – Dalian")
    window.tabs.setCurrentWidget(view)
    notes = view.show_section("college_notes")
    notes.show_item(notes.model.rows[0]["id"])
    notes.edit()
    position = notes.form.widgets["stated_position"]
    assert isinstance(position, LongTextEdit) and len(position.toPlainText()) > 400

    def whole() -> bool:
        bar = position.verticalScrollBar()
        return position.height() > 100 and bar.maximum() == 0 and not bar.isVisible()

    qtbot.waitUntil(whole)
    position.setPlainText("")
    qtbot.waitUntil(lambda: LongTextEdit.MIN_HEIGHT <= position.height() <= 80)
    position.setPlainText("Een lange tekst. " * 800)
    qtbot.waitUntil(lambda: position.height() == LongTextEdit.MAX_HEIGHT and position.verticalScrollBar().maximum() > 0)


def test_line_edits_in_forms_keep_long_text_readable(arnhem):
    sources = arnhem.show_section("sources")
    sources.show_item(sources.model.rows[0]["id"])
    sources.edit()
    title = sources.form.widgets["title"]
    assert isinstance(title, QLineEdit) and title.cursorPosition() == 0


def test_national_questions_are_marked_as_the_national_context(window):
    view = next(v for v in window.views() if v.title == "Enschede – Dalian")
    questions = view.show_section("question_sets")
    row = next(r for r in questions.model.rows if r.get("reference") == "2022Z11774")
    questions.show_item(row["id"])
    assert "Landelijke context" in questions.reading_text() and "Tweede Kamer" in questions.reading_text()
    motions = next(v for v in window.views() if v.title == "Arnhem – Wuhan").show_section("motions")
    motions.show_item(motions.model.rows[0]["id"])
    assert "Landelijke context" not in motions.reading_text()


def test_the_arnhem_motion_reads_with_its_three_votes_and_their_outcomes(arnhem):
    motions = arnhem.show_section("motions")
    motions.show_item(motions.model.rows[0]["id"])
    text = motions.reading_text()
    for number in (1, 2, 3):
        assert f"Stemming {number}" in text
    outcomes = [line for line in text.splitlines() if line.startswith("Uitslag (vastgelegd)")]
    assert outcomes == ["Uitslag (vastgelegd): verworpen"] * 2 + ["Uitslag (vastgelegd): aangenomen"]
    assert "GroenLinks verandert" in text  # the third vote's note, whole


def test_kamervragen_2022Z11774_read_as_17_questions_each_with_its_answer(window):
    view = next(v for v in window.views() if v.title == "Enschede – Dalian")
    questions = view.show_section("question_sets")
    row = next(r for r in questions.model.rows if r.get("reference") == "2022Z11774")
    questions.show_item(row["id"])
    text = questions.reading_text()
    data = lists.get(view.dossier, row["id"])[1]
    assert len(data["questions"]) == 17
    for question in data["questions"]:
        assert f"Vraag {question['number']}" in text
        assert " ".join(question["question"].split()) in " ".join(text.split())
        if question.get("answer"):
            assert " ".join(question["answer"].split())[:200] in " ".join(text.split())


def test_the_window_follows_the_systems_dark_mode_and_back(window, qtbot):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from raadsdossier.gui.app import follow_scheme

    app = QApplication.instance()
    try:
        follow_scheme(app, Qt.ColorScheme.Dark)
        assert app.palette().color(QPalette.ColorRole.Window).lightness() < 80
        assert app.palette().color(QPalette.ColorRole.WindowText).lightness() > 180
        # An empty progress bar's track and the timeline's year rows (Midlight) were Fusion's light grey, which read
        # as full bars; an unchecked box's frame was darker than the dark window, all but invisible.
        assert app.palette().color(QPalette.ColorRole.Midlight).lightness() < 80
        assert _indicator_contrast() > 60
    finally:
        follow_scheme(app, Qt.ColorScheme.Light)
    assert app.palette().color(QPalette.ColorRole.Window).lightness() > 180


def test_a_count_arriving_after_its_dossier_was_closed_is_dropped(window, qtbot, monkeypatch):
    from raadsdossier.gui import tasks

    pending = []
    monkeypatch.setattr(tasks, "run_in_background", lambda work, done, failed=None: pending.append((work, done)))
    view = window.views()[0]
    view.refresh_counts()
    work, done = pending[-1]
    result = work()
    window.close_tab(window.tabs.indexOf(view))
    qtbot.wait(10)  # the view's widgets are deleted
    done(result)  # must not touch the deleted navigator


def test_every_source_in_a_form_shows_its_whole_title(arnhem, window, qtbot):
    """A title just short of the list's width ("Stedenbanden met China: van linkse hobby naar rechtse …") was cut
    off: the list's spacing moved each row right without the list wrapping it for that."""
    window.resize(1280, 800)
    section = arnhem.show_section("demonstrations")
    section.show_item(section.model.rows[0]["id"])
    section.edit()
    sources = section.form.sources
    qtbot.waitUntil(lambda: sources.model().rowCount() == 3)
    for width in (405, 300, 520):
        sources.setFixedWidth(width + sources.frameWidth() * 2)
        qtbot.wait(20)
        room = sources.viewport().width()
        for row in range(sources.model().rowCount()):
            index = sources.model().index(row, 0)
            rect, hint = sources.visualRect(index), sources.sizeHintForIndex(index)
            assert rect.left() >= 0 and rect.right() < room, (width, row, rect)
            assert rect.width() >= hint.width() or rect.height() > hint.height(), (width, row, rect, hint)


def _indicator_contrast() -> int:
    """How far the frame of an unchecked check box stands out from the window around it (lightness, 0-255)."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QCheckBox, QStyle, QStyleOptionButton

    box = QCheckBox()
    box.resize(60, 30)
    option = QStyleOptionButton()
    option.initFrom(box)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    image = box.grab().toImage()
    window = box.palette().color(QPalette.ColorRole.Window).lightness()
    edge = [image.pixelColor(indicator.left() + dx, indicator.center().y()).lightness() for dx in range(3)]
    return max(abs(value - window) for value in edge)


def test_a_list_reads_as_its_items_read_views_do(window, qtbot):
    """Breda's events and Maastricht's costs: an item without a date of its own shows where its source places it,
    as its read view and the Tijdlijn say it; a cost is named by its description's first sentence, as its read
    view's heading names it; a column with nothing in any row ("Einddatum") gives its room to the title."""
    window.resize(1920, 1080)
    titles = [v.title for v in window.views()]
    window.tabs.setCurrentIndex(titles.index("Breda – Yangzhou"))
    events = window.current_view().show_section("events")
    qtbot.waitUntil(lambda: events.model.loaded and events.table.viewport().width() > 100)
    model = events.model
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
    dates = {row["title"]: model.data(model.index(number, headers.index("Datum")))
             for number, row in enumerate(model.rows)}
    assert dates["Breda schenkt Yangzhou een waterspeeltuin"] == "(bron: januari 2022)"
    assert all(dates.values()), dates  # each of Breda's events cites a dated source
    assert events.table.isColumnHidden(headers.index("Einddatum"))
    assert not events.table.isColumnHidden(headers.index("Datum"))
    events.show_item(next(row["id"] for row in model.rows if row["title"].startswith("Breda schenkt")))
    assert "onbekend (bron: januari 2022)" in events.reading_text()

    window.tabs.setCurrentIndex(titles.index("Maastricht – Chengdu"))
    costs = window.current_view().show_section("costs_and_outcomes").parts[0]
    qtbot.waitUntil(lambda: costs.model.loaded and bool(costs.model.rows))
    shown = costs.model.data(costs.model.index(0, 0))
    costs.show_item(costs.model.rows[0]["id"])
    heading = costs.reading_text().splitlines()
    assert shown in heading and shown.endswith(".") and "Maastricht ‘gaf" not in shown
    assert "Maastricht ‘gaf" in costs.reading_text()  # the whole description is in the read view


def test_names_are_edited_one_per_line_and_every_one_shows_whole(window, qtbot):
    """2022Z11774's three addressees with their offices: on one line the field showed "…minister buitenlandse zake";
    now a name a line, the field as tall as its names. Enter starts the next name, and leaving the field saves."""
    window.resize(1280, 800)
    view = next(v for v in window.views() if v.title == "Enschede – Dalian")
    window.tabs.setCurrentWidget(view)
    questions = view.show_section("question_sets")
    row = next(r for r in questions.model.rows if r.get("reference") == "2022Z11774")
    questions.show_item(row["id"])
    questions.edit()
    field = questions.form.widgets["addressees"]
    qtbot.waitUntil(lambda: field.isVisible() and field.viewport().width() > 100)
    names = row["_actors"]["addressees"]
    assert len(names) == 3 and field.toPlainText().splitlines() == names
    qtbot.waitUntil(lambda: not field.verticalScrollBar().isVisible())
    layout = field.document().documentLayout()
    assert layout.documentSize().height() * field.fontMetrics().lineSpacing() <= field.viewport().height()
    assert field.horizontalScrollBar().maximum() == 0  # a long name wraps, nothing is cut off at the side
    one = questions.form.widgets["submitters"]  # one name: one line high, as the line edits beside it
    assert one.toPlainText() == "Sjoerd Sjoerdsma (D66)" and one.height() < questions.form.widgets["title"].height() * 1.5

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    field.setFocus()
    field.moveCursor(field.textCursor().MoveOperation.End)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClicks(field, "Karien van Gennip")
    questions.done_button.setFocus()  # leaving the field saves it
    saved = lists.get(view.dossier, row["id"])[1]["_actors"]["addressees"]
    assert saved == [*names, "Karien van Gennip"]
