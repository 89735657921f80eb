"""The main window driven as a user would: open, navigate, edit, undo, search."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication

from raadsdossier.services import dashboard
from raadsdossier.services import edits, lists
from raadsdossier.gui.app import build_window
from raadsdossier.gui.sections.items import EDIT
from raadsdossier.gui.workspace import Settings


def test_first_run_opens_the_demo_dossiers_and_every_section(window, qtbot):
    assert sorted(v.title for v in window.views()) == [
        "Arnhem – Wuhan", "Breda – Yangzhou", "Enschede – Dalian", "Maastricht – Chengdu"]
    view = window.current_view()
    assert "Raadsdossier" in window.windowTitle() and view.title in window.windowTitle()
    titles = [view.navigator.item(i).text() for i in range(view.navigator.count())]
    assert titles[:13] == ["Overzicht", "Tijdlijn", "Moties", "Toezeggingen", "Vragen & antwoorden", "Collegestukken",
                           "Demonstraties", "Amnesty-checklist", "Kosten & opbrengsten", "Bronnen", "Bijlagen",
                           "Notities", "Vergaderingen"]
    for row in range(view.navigator.count()):
        view.navigator.setCurrentRow(row)
        assert view.stack.currentIndex() == row
        assert not view.current_section().stale


def test_second_start_reopens_what_was_open(window, qtbot):
    window.close_tab(0)
    still_open = sorted(v.dossier.path for v in window.views())
    window.close()
    again = build_window([], Settings())
    qtbot.addWidget(again)
    assert sorted(v.dossier.path for v in again.views()) == still_open


def test_overview_shows_the_partner_in_its_own_script(window):
    index = [v.title for v in window.views()].index("Enschede – Dalian")
    window.tabs.setCurrentIndex(index)
    overview = window.current_view().show_section("overview")
    assert "大连" in overview.title.text()
    assert "Amnesty-checklist: 0 van 32 afgerond" in overview.shown_text()


def test_timeline_lists_items_of_every_kind_and_opens_one(arnhem, qtbot):
    timeline = arnhem.show_section("timeline")
    titles = timeline.entry_titles()
    assert "Motie stedenband met Wuhan verbreken" in titles
    assert any("Demonstratie" in t for t in titles)
    timeline.filters["motion"].setChecked(False)
    assert "Motie stedenband met Wuhan verbreken" not in timeline.entry_titles()
    timeline.filters["motion"].setChecked(True)
    row = next(i for i in range(timeline.list_model.rowCount())
               if timeline.list_model.index(i, 2).data() == "Motie stedenband met Wuhan verbreken")
    timeline.table.activated.emit(timeline.list_model.index(row, 0))
    motions = arnhem.current_section()
    assert motions.key == "motions" and motions.current["title"] == "Motie stedenband met Wuhan verbreken"


def test_arnhem_motion_shows_three_votes_with_their_outcomes(arnhem):
    motions = arnhem.show_section("motions")
    motions.show_item(motions.model.rows[0]["id"])
    assert len(motions.vote_editors) == 3
    texts = [editor.result_label.text() for editor in motions.vote_editors]
    assert texts == ["Uitslag (vastgelegd): verworpen", "Uitslag (vastgelegd): verworpen",
                     "Uitslag (vastgelegd): aangenomen"]


def test_create_a_motion_with_votes_and_see_the_computed_result(arnhem, qtbot):
    # The demo's council has only GroenLinks (the one party its source names): add three more, then give
    # each its seats through the form.
    for number, name in enumerate(("VVD", "D66", "CDA"), start=1):
        assert arnhem.save_item("parties", {"id": f"p0000000-0000-4000-8000-00000000000{number}", "name": name},
                                f"{name} toevoegen")
    people = arnhem.show_section("parties_and_people")
    parties = people.parts[0]
    parties.refresh()
    assert sorted(row["name"] for row in parties.model.rows) == ["CDA", "D66", "GroenLinks", "VVD"]
    for row in parties.model.rows:
        after = dict(row, seats={"GroenLinks": 8, "VVD": 6, "D66": 5, "CDA": 3}[row["name"]])
        parties.show_item(row["id"])
        parties.save(after)

    motions = arnhem.show_section("motions")
    qtbot.mouseClick(motions.new_button, Qt.MouseButton.LeftButton)
    title = motions.form.widgets["title"]
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Mensenrechten centraal in de stedenband")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert motions.current["title"] == "Mensenrechten centraal in de stedenband"

    qtbot.mouseClick(motions.add_vote_button, Qt.MouseButton.LeftButton)
    editor = motions.vote_editors[0]
    add_all = next(b for b in editor.findChildren(type(motions.add_vote_button)) if b.text() == "Alle fracties")
    qtbot.mouseClick(add_all, Qt.MouseButton.LeftButton)
    editor = motions.vote_editors[0]
    for row in range(editor.table.rowCount()):
        who = editor.table.cellWidget(row, 0).currentText()
        if who in ("VVD", "CDA"):
            choice = editor.table.cellWidget(row, 1)
            choice.setCurrentIndex(choice.findData("against"))
            choice.activated.emit(choice.currentIndex())
            editor = motions.vote_editors[0]
    assert editor.result_label.text() == "Berekende uitslag: aangenomen (13 voor, 9 tegen)"
    stored = lists.get(arnhem.dossier, motions.current["id"])[1]
    assert stored["_computed"]["result"] == "adopted"
    assert editor.chart.segments and editor.chart.segments[0][1] == "for"


def test_edit_undo_and_redo(window, arnhem, qtbot):
    motions = arnhem.show_section("motions")
    motion_id = motions.model.rows[0]["id"]
    motions.show_item(motion_id)
    edit = motions.form.widgets["reference"]
    edit.setFocus()
    qtbot.keyClicks(edit, "M7")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert lists.get(arnhem.dossier, motion_id)[1]["reference"] == "M7"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert lists.get(arnhem.dossier, motion_id)[1]["reference"] is None
    assert motions.form.widgets["reference"].text() == ""
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert lists.get(arnhem.dossier, motion_id)[1]["reference"] == "M7"
    assert motions.model.rows[0]["reference"] == "M7"


def test_delete_and_undo_restores_the_links(arnhem):
    motions = arnhem.show_section("motions")
    motion_id = motions.model.rows[0]["id"]
    demonstration = lists.page(arnhem.dossier, "demonstrations")[0]
    assert demonstration["motion_id"] == motion_id
    motions.show_item(motion_id)
    motions.delete_selected()
    assert motions.model.total == 0
    assert lists.get(arnhem.dossier, demonstration["id"])[1]["motion_id"] is None
    arnhem.undo_stack.undo()
    assert motions.model.total == 1
    assert lists.get(arnhem.dossier, demonstration["id"])[1]["motion_id"] == motion_id
    assert len(lists.get(arnhem.dossier, motion_id)[1]["votes"]) == 3


def test_change_confidentiality_is_marked_in_the_list(arnhem):
    events = arnhem.show_section("timeline")
    section = arnhem.show_section("demonstrations")
    row_id = section.model.rows[0]["id"]
    section.show_item(row_id)
    combo = section.form.conf
    combo.setCurrentIndex(combo.findData("confidential"))
    combo.activated.emit(combo.currentIndex())
    column = [c.header for c in section.model.columns].index("Vertrouwelijkheid")
    index = section.model.index(section.model.row_of(row_id), column)
    assert index.data() == "vertrouwelijk"
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert lists.get(arnhem.dossier, row_id)[1]["confidentiality"] == "confidential"
    assert events is not None


def test_tick_a_checklist_item_and_undo(arnhem):
    checklist = arnhem.show_section("checklist")
    first = checklist.tree.topLevelItem(0).child(0)
    first.setCheckState(0, Qt.CheckState.Checked)
    assert checklist.progress.text() == "1 van 32 aanbevelingen afgerond"
    assert checklist.tree.topLevelItem(0).text(0).endswith("(1 / 4)")
    overview = arnhem.show_section("overview")
    assert "Amnesty-checklist: 1 van 32 afgerond" in overview.shown_text()
    arnhem.undo_stack.undo()
    checklist = arnhem.show_section("checklist")
    assert checklist.progress.text() == "0 van 32 aanbevelingen afgerond"


def test_amnestys_introduction_that_ends_in_a_colon_is_followed_by_the_points_it_announces(arnhem):
    """Amnesty introduces its first section with "De volgende punten zijn belangrijk om voor ogen te houden:"; the
    points are that section's items, listed after it (the one read in bold, the others links to theirs)."""
    checklist = arnhem.show_section("checklist")
    section = checklist.tree.topLevelItem(0)
    checklist.tree.setCurrentItem(section.child(1))
    text = checklist.reading_text()
    announced = text.index("De volgende punten zijn belangrijk om voor ogen te houden:")
    titles = [section.child(i).text(0) for i in range(section.childCount())]
    assert len(titles) == 4
    assert [text.index(title, announced) for title in titles] == sorted(text.index(t, announced) for t in titles)
    assert text.index(titles[3], announced) < text.index("Toelichting van Amnesty")
    checklist.reader.anchorClicked.emit(QUrl(f"checklist:{section.child(2).data(0, Qt.ItemDataRole.UserRole)}"))
    assert checklist.tree.currentItem() is section.child(2)
    checklist.tree.setCurrentItem(checklist.tree.topLevelItem(1).child(0))  # a section whose introduction does not
    text = checklist.reading_text()                                        # announce a list
    assert not any(title in text for title in titles)


def test_record_an_assessment_with_evidence(arnhem):
    checklist = arnhem.show_section("checklist")
    item = checklist.tree.topLevelItem(1).child(0)
    checklist.tree.setCurrentItem(item)
    # before the first assessment the list of earlier ones says what goes there, and each piece of evidence
    # offered says what kind of item it is
    assert [checklist.history.item(i).text() for i in range(checklist.history.count())] == [
        "Nog niet beoordeeld. Elke beoordeling die u vastlegt, komt hier te staan met haar datum."]
    offered = [checklist.evidence.item(i).text() for i in range(checklist.evidence.count())]
    assert "Stedenbanden met China: van linkse hobby naar rechtse lobby (bron)" in offered
    assert all(text.endswith(")") for text in offered)
    checklist.status.setCurrentIndex(checklist.status.findData("in_progress"))
    checklist.note.setPlainText("Gesprek met Amnesty gepland")
    checklist.assessed_on.setText("2022-02-01")
    for i in range(checklist.evidence.count()):
        if checklist.evidence.item(i).text() == "Motie stedenband met Wuhan verbreken (motie)":
            checklist.evidence.item(i).setCheckState(Qt.CheckState.Checked)
    checklist.record_assessment()
    state = lists.checklist_state(arnhem.dossier)
    recorded = next(i for i in state["items"] if i["id"] == item.data(0, Qt.ItemDataRole.UserRole))["history"]
    assert recorded[-1]["status"] == "in_progress" and recorded[-1]["note"] == "Gesprek met Amnesty gepland"
    assert len(recorded[-1]["evidence_ids"]) == 1
    checklist.tree.setCurrentItem(item)  # and now the assessment is listed, without the explanation
    assert [checklist.history.item(i).text() for i in range(checklist.history.count())] == [
        "1 februari 2022: bezig — Gesprek met Amnesty gepland"]


def test_search_as_you_type_and_open_the_hit(window, arnhem, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search.box
    qtbot.keyClicks(window.search.box, "bedroefd")
    qtbot.waitUntil(lambda: window.search.results.isVisible() and window.search.results.count() > 0, timeout=3000)
    assert "bedroefd" in window.search.hit_titles()[0].lower()
    qtbot.keyClick(window.search.box, Qt.Key.Key_Return)
    section = arnhem.current_section()
    assert section.key == "events"
    assert "bedroefd" in section.current["title"]


def test_search_in_all_open_dossiers(window, arnhem, qtbot):
    window.search.everywhere.setChecked(True)
    window.search.box.setText("paviljoen")
    window.search.run_search()
    assert "Breda – Yangzhou" in window.search.hit_dossiers()  # by its name, as its tab shows it


def test_add_an_attachment_and_find_its_text(window, arnhem, tmp_path, qtbot, messages):
    note = tmp_path / "raadsinformatiebrief.txt"
    note.write_text("Het college onderzoekt de zusterband met Wuhan opnieuw.", encoding="utf-8")
    section = arnhem.show_section("attachments")
    section.add_files([note, tmp_path / "weg.txt"])
    assert section.model.rows[0]["file_name"] == "raadsinformatiebrief.txt"
    assert section.current["file_name"] == "raadsinformatiebrief.txt"  # the new attachment is shown
    assert any("weg.txt" in text and "bestaat niet" in text for _kind, _title, text in messages)  # named
    window.search.box.setText("onderzoekt zusterband")
    window.search.run_search()
    assert window.search.hit_titles() and "raadsinformatiebrief.txt" in window.search.hit_titles()[0]
    arnhem.undo_stack.undo()
    assert section.model.rows == []


def test_open_a_text_file_says_why_and_opens_nothing(window, tmp_path, messages):
    bogus = tmp_path / "geen.raadsdossier"
    bogus.write_text("hallo", encoding="utf-8")
    count = len(window.views())
    assert window.open_path(bogus) is None
    assert len(window.views()) == count
    assert messages and "tekstbestand, geen Raadsdossier-dossier" in messages[-1][2]


def test_bad_date_in_the_form_is_refused_with_a_message(arnhem, messages, qtbot):
    events = arnhem.show_section("demonstrations")
    events.show_item(events.model.rows[0]["id"])
    before = lists.get(arnhem.dossier, events.current["id"])[1]["date"]
    field = events.form.widgets["date"]
    field.setText("2021-02-30")
    field.editingFinished.emit()
    assert messages[-1][1:] == ("Niet opgeslagen",
                                "Datum: '2021-02-30' is geen bestaande datum; de wijziging is niet opgeslagen.")
    assert lists.get(arnhem.dossier, events.current["id"])[1]["date"] == before


def test_a_cleared_title_is_refused_by_its_label_and_the_stored_title_shows_again(arnhem, messages, qtbot):
    sources = arnhem.show_section("sources")
    source_id = sources.model.rows[0]["id"]
    sources.show_item(source_id)
    sources.edit()
    title = lists.get(arnhem.dossier, source_id)[1]["title"]
    field = sources.form.widgets["title"]
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    sources.form.widgets["publisher"].setFocus()  # leaving the field saves it
    assert messages[-1][1:] == ("Niet opgeslagen", "Titel is verplicht; de wijziging is niet opgeslagen.")
    assert lists.get(arnhem.dossier, source_id)[1]["title"] == title
    assert sources.form.widgets["title"].text() == title
    assert not arnhem.undo_stack.canUndo()


def test_paste_a_question_set_as_text(arnhem):
    from tests.conftest import REPO

    text = (REPO / "tests/fixtures/kamervragen-2022Z11774.txt").read_text(encoding="utf-8").replace("2022Z11774", "2023Z00042")
    section = arnhem.show_section("question_sets")
    set_id = section.paste_text(text)
    assert set_id and section.current["reference"] == "2023Z00042"
    assert section.questions.rowCount() == 17
    assert section.questions.item(0, 2).text() == "Ja."
    assert "na 35 dagen" in section.heading.text()
    arnhem.undo_stack.undo()
    assert not lists.exists(arnhem.dossier, set_id)


def test_paste_of_something_else_says_why(arnhem, messages):
    section = arnhem.show_section("question_sets")
    assert section.paste_text("Beste griffie, hierbij de stukken.") is None
    assert messages and messages[-1][1] == "Vragen niet herkend"


def test_open_a_file_from_the_command_line_and_save_a_copy(qtbot, app_home, messages, new_dossier, tmp_path):
    window = build_window([new_dossier])
    qtbot.addWidget(window)
    assert [v.title for v in window.views()] == ["Enschede – Dalian"]
    copy = window.current_view().dossier.save_copy(tmp_path / "kopie.raadsdossier")
    from raadsdossier.storage.dossier import Dossier

    with Dossier.open(copy, read_only=True) as opened:
        assert dashboard.overview(opened)["partnership"]["partner_native_name"] == "大连"
    window.close()


def test_a_copy_saved_under_a_name_with_a_date_gets_the_dossier_extension_after_it(window, arnhem, tmp_path,
                                                                                    monkeypatch, messages):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(tmp_path / "arnhem 12.03.2025"), "")))
    window.save_copy()
    assert messages == []
    assert [p.name for p in tmp_path.glob("arnhem*")] == ["arnhem 12.03.2025.raadsdossier"]
    assert str(tmp_path / "arnhem 12.03.2025.raadsdossier") in window.statusBar().currentMessage()


def test_a_copy_saved_into_a_missing_folder_is_refused_saying_the_folder_does_not_exist(window, arnhem, tmp_path,
                                                                                       monkeypatch, messages):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "nodir" / "kopie.raadsdossier"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(target), "")))
    window.save_copy()
    assert messages == [("warning", "Kopie niet opgeslagen",
                         f"{target}: de kopie kon niet worden opgeslagen: de map bestaat niet; er is niets veranderd.")]
    assert not target.parent.exists()


def test_parties_that_changed_their_vote_are_named(arnhem):
    edits.save_item(arnhem.dossier, "parties", {"id": "p0000000-0000-4000-8000-000000000001", "name": "VVD"})
    parties = {row["name"]: row["id"] for row in lists.page(arnhem.dossier, "parties")}
    motion = lists.page(arnhem.dossier, "motions")[0]
    motion["votes"] = [
        {"date": "2021-03", "kind": "party", "result": "rejected", "note": None, "choices": [
            {"party": parties["GroenLinks"], "choice": "against", "seats": 8},
            {"party": parties["VVD"], "choice": "against", "seats": 6}]},
        {"date": "2021-07", "kind": "party", "result": "adopted", "note": None, "choices": [
            {"party": parties["GroenLinks"], "choice": "for", "seats": 8},
            {"party": parties["VVD"], "choice": "against", "seats": 6}]},
    ]
    edits.save_item(arnhem.dossier, "motions", motion)
    section = arnhem.show_section("motions")
    section.refresh()
    section.show_item(motion["id"])
    assert "GroenLinks: tegen → voor (1 → 2)" in section.changes_label.text()
    assert "VVD" not in section.changes_label.text()
    assert section.vote_editors[1].result_label.text().startswith("Berekende uitslag: aangenomen (8 voor, 6 tegen)")
    first = section.vote_editors[0].result_label.text()
    assert first.startswith("Berekende uitslag: verworpen (0 voor, 14 tegen)") and "let op" not in first



def test_the_count_follows_the_filter_and_says_when_it_stopped_counting(arnhem, monkeypatch):
    from raadsdossier.domain.models import Event

    monkeypatch.setattr(lists, "COUNT_BOUND", 10)
    with arnhem.dossier.transaction() as session:
        for i in range(60):
            session.add(Event(title=f"Werkbezoek {i:02}", date="2020-01-01", description="stedenbandbezoek"))
    events = arnhem.show_section("events")

    def filter_by(text):
        events.filter_edit.setText(text)
        events._filter_timer.timeout.emit()

    filter_by("stedenbandbezoek")
    assert events.count_label.text() == "meer dan 10 gebeurtenissen"
    while events.model.canFetchMore():
        events.model.fetchMore()
    assert events.count_label.text() == "60 gebeurtenissen"  # at the end of the list the count is known
    filter_by("Werkbezoek 07")
    assert events.count_label.text() == "1 gebeurtenis"
    filter_by("")
    assert events.count_label.text() == f"{lists.count(arnhem.dossier, 'events')} gebeurtenissen"


def test_every_list_starts_a_to_z_by_its_first_column_and_its_header_says_so(window):
    """Turning sorting on sorted every list by Qt's own arrow: the first column, Z to A (Breda's events read
    "Yangzhou…", "Wethouder…", … "Breda schenkt…", with no arrow to say why)."""
    from PySide6.QtCore import Qt

    view = next(v for v in window.views() if "Breda" in v.title)
    checked = []
    for key in view.section_keys():
        section = view.show_section(key)
        model = getattr(section, "model", None)
        if not hasattr(model, "order") or len(model.rows) < 2:
            continue
        column = next(i for i, c in enumerate(model.columns) if c.sort_key)
        header = section.table.horizontalHeader()
        assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (column, Qt.SortOrder.AscendingOrder)
        assert header.isSortIndicatorShown()
        shown = [model.data(model.index(row, column)) or "" for row in range(model.rowCount())]
        assert shown == sorted(shown, key=str.casefold), key
        checked.append(key)
    assert {"events", "sources"} <= set(checked), checked


def test_the_form_of_an_item_without_a_title_is_headed_as_its_read_view_names_it(arnhem):
    """An unassigned vote's form was headed "Niet-toegewezen stemming:" with nothing after it."""
    section = arnhem.section("unassigned_votes")
    heading = section.heading_html({"decision": "Motie 12 aangenomen", "agenda_item": "7. Stedenbanden"})
    assert heading == "<h3>Niet-toegewezen stemming: Motie 12 aangenomen</h3>"


def test_two_dossiers_of_one_partnership_are_told_apart_by_their_files(bare_window, demo_dir, tmp_path, qtbot):
    """A griffie's copy beside a councillor's: both tabs, and the search's results, name the file after the
    partnership, until one of them is closed."""
    from tests.gui.test_search import search

    first, second = tmp_path / "arnhem-wuhan.raadsdossier", tmp_path / "arnhem-griffie.raadsdossier"
    for path in (first, second):
        path.write_bytes((demo_dir / "arnhem-wuhan.raadsdossier").read_bytes())
    bare_window.open_path(first, remember=False)
    assert bare_window.tabs.tabText(0) == "Arnhem – Wuhan"
    bare_window.open_path(second, remember=False)
    assert [bare_window.tabs.tabText(i) for i in range(2)] == [
        "Arnhem – Wuhan · arnhem-wuhan", "Arnhem – Wuhan · arnhem-griffie"]
    bare_window.search.everywhere.setChecked(True)
    search(bare_window, qtbot, "Oeigoeren")
    assert set(bare_window.search.hit_dossiers()) == {"Arnhem – Wuhan · arnhem-wuhan", "Arnhem – Wuhan · arnhem-griffie"}
    bare_window.close_tab(0, backup=False)
    assert [bare_window.tabs.tabText(i) for i in range(bare_window.tabs.count())] == ["Arnhem – Wuhan"]


def test_renaming_the_partnership_renames_its_tab_and_the_window_and_undo_names_it_back(window, arnhem, qtbot):
    index = window.tabs.indexOf(arnhem)
    overview = arnhem.show_section("overview")
    qtbot.waitUntil(lambda: overview.data is not None and not overview.glanced)
    overview.edit()
    edit = overview.form.widgets["dutch_side"]
    edit.clear()
    qtbot.keyClicks(edit, "Arnhem (gemeente)")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert window.tabs.tabText(index) == "Arnhem (gemeente) – Wuhan"
    assert window.windowTitle().startswith("Arnhem (gemeente) – Wuhan (")
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.tabText(index) == "Arnhem – Wuhan"


def test_f2_edits_the_item_of_the_tab_in_front_of_a_section_with_two_lists(window):
    """Kosten & opbrengsten and Fracties & personen hold two lists each: F2 and Bewerken → Item bewerken did
    nothing there, while the button on screen worked."""
    view = next(v for v in window.views() if v.title == "Maastricht – Chengdu")
    window.tabs.setCurrentWidget(view)
    tabs = view.show_section("costs_and_outcomes")
    costs = tabs.parts[0]
    costs.show_item(costs.model.rows[0]["id"])
    window.edit_action.trigger()
    assert costs.mode() == EDIT


def test_a_list_whose_items_only_an_import_makes_gets_no_new_item(window, arnhem):
    """Ctrl+Shift+N in Niet-toegewezen stemmingen made an empty one; now the status bar says where they come from."""
    section = arnhem.show_section("unassigned_votes")
    before = lists.count(arnhem.dossier, "unassigned_votes")
    window.new_item_action.trigger()
    assert lists.count(arnhem.dossier, "unassigned_votes") == before
    assert not arnhem.undo_stack.canUndo()
    assert window.statusBar().currentMessage() == (
        "In Niet-toegewezen stemmingen komen items alleen uit een import.")
    assert section.is_empty() == (before == 0)


def test_with_the_motion_tracker_in_front_ctrl_f_searches_every_open_dossier_and_ctrl_w_closes_it(window, qtbot):
    """The tracker's tab is no dossier: Ctrl+F said "Er is geen dossier open om in te zoeken." with four open, and
    Bestand → Sluiten (Ctrl+W) was greyed out, though the tab's own close button closed it."""
    window.show_tracker()
    assert window.current_view() is None
    window.search.box.setText("Wuhan")
    window.search.run_search()
    qtbot.waitUntil(lambda: bool(window.search.hit_titles()))
    assert "geen dossier open" not in window.search.summary.text()
    assert window.close_action.isEnabled()
    window.close_action.trigger()
    assert window.tracker is None or window.tabs.indexOf(window.tracker) < 0
    assert len(window.views()) == 4


def test_an_assessment_filled_in_is_kept_when_the_user_is_done_or_picks_another_recommendation(arnhem, qtbot):
    """"Klaar met beoordelen" (and Escape) threw away what was filled in, where the lists' "Klaar met bewerken"
    keeps it; now it is recorded, and so is one left for another recommendation. Looking without changing records
    nothing."""
    checklist = arnhem.show_section("checklist")
    section = checklist.tree.topLevelItem(1)
    first, second = section.child(0), section.child(1)

    def history(row):
        state = lists.checklist_state(arnhem.dossier)
        return next(i for i in state["items"] if i["id"] == row.data(0, Qt.ItemDataRole.UserRole))["history"]

    checklist.tree.setCurrentItem(first)
    checklist.edit()
    checklist.read()  # nothing changed: nothing recorded
    assert history(first) == []
    checklist.edit()
    checklist.status.setCurrentIndex(checklist.status.findData("in_progress"))
    checklist.note.setPlainText("Navragen bij de griffie")
    checklist.read()
    assert [(e["status"], e["note"]) for e in history(first)] == [("in_progress", "Navragen bij de griffie")]
    assert checklist.mode() == 0 and "Navragen bij de griffie" in checklist.reading_text()

    checklist.edit()
    checklist.note.setPlainText("Besproken met Amnesty")
    checklist.tree.setCurrentItem(second)
    # the day's assessment of the first, brought up to date (one a day: services/edits.py assess)
    assert [(e["status"], e["note"]) for e in history(first)] == [("in_progress", "Besproken met Amnesty")]
    assert history(second) == []
    checklist.edit()
    checklist.record_assessment()  # the button records even an unchanged form: an assessment of today
    assert [e["status"] for e in history(second)] == ["not_started"]
