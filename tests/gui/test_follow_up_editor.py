"""The "Uitvoering" part of a motion's and a commitment's form, driven as a user would: start tracking, add a dated
entry, pick its evidence, set a deadline; each change saved and undoable, the read view and the Overzicht showing it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from raadsdossier.services import lists

NOTE_ID = "c0000000-0000-4000-8000-000000000001"


def _motion(arnhem):
    motions = arnhem.show_section("motions")
    motions.show_item(motions.model.rows[0]["id"])
    motions.edit()
    return motions, motions.current["id"]


def _stored(arnhem, item_id):
    return lists.get(arnhem.dossier, item_id)[1]["follow_up"]


def test_a_follow_up_edited_in_the_form_is_saved_read_and_needs_attention(arnhem, qtbot):
    assert arnhem.save_item("college_notes", {"id": NOTE_ID, "title": "Raadsinformatiebrief beëindiging stedenband",
                                              "kind": "information_letter"}, "Collegestuk toevoegen")
    motions, motion_id = _motion(arnhem)
    editor = motions.form.follow_up
    assert _stored(arnhem, motion_id) is None
    assert editor.start_page.isVisible() and not editor.editor_page.isVisible()
    assert "Deze motie is aangenomen" in editor.start_text.text()  # the demo's Arnhem motion was adopted

    qtbot.mouseClick(editor.start_button, Qt.MouseButton.LeftButton)
    assert _stored(arnhem, motion_id) == {"state": "not_started", "deadline": None, "entries": []}
    assert editor.editor_page.isVisible() and editor.no_entries.isVisible()

    editor.add_button.click()  # (laid out only on the next turn of the event loop: a click on it would miss)
    assert _stored(arnhem, motion_id)["entries"] == [{"date": date.today().isoformat(), "text": None, "evidence_ids": []}]
    editor.table.item(0, 0).setText("2024-03")
    editor.table.item(0, 1).setText("Het college stuurt een raadsinformatiebrief over het einde van de band.")
    dialog = editor.choose_evidence(0)
    assert dialog.set_checked(NOTE_ID)
    dialog.accept()
    editor.deadline.setText("2024-06-30")
    editor.deadline.editingFinished.emit()
    editor.state.setCurrentIndex(editor.state.findData("in_progress"))
    editor.state.activated.emit(editor.state.currentIndex())

    stored = lists.get(arnhem.dossier, motion_id)[1]
    assert stored["follow_up"] == {"state": "in_progress", "deadline": "2024-06-30", "entries": [
        {"date": "2024-03", "text": "Het college stuurt een raadsinformatiebrief over het einde van de band.",
         "evidence_ids": [NOTE_ID]}]}
    assert stored["_computed"]["follow_up_overdue"] is True
    assert editor.overdue.isVisible()
    assert editor.table.item(0, 2).text() == "Raadsinformatiebrief beëindiging stedenband"
    from tests.gui.test_accessibility import _unnamed

    assert _unnamed(editor) == []

    motions.read()
    text = motions.reading_text()
    assert "Wat ervan terechtkwam" in text and "bezig" in text and "30 juni 2024" in text
    assert "De uitvoering is over de uiterste datum." in text
    assert "maart 2024 — Het college stuurt een raadsinformatiebrief" in text
    assert "Bewijs: Raadsinformatiebrief beëindiging stedenband" in text

    overview = arnhem.show_section("overview")
    overview.refresh()
    assert "uitvoering over de termijn (uiterlijk 30 juni 2024)" in overview.shown_text()


def test_each_change_of_a_follow_up_is_one_undo_step(arnhem, qtbot):
    motions, motion_id = _motion(arnhem)
    editor = motions.form.follow_up
    editor.start()
    editor.add_entry()
    editor.table.item(0, 1).setText("Toegezegd in de commissie.")
    editor.deadline.setText("2030-01-31")
    editor.deadline.editingFinished.emit()
    assert _stored(arnhem, motion_id)["deadline"] == "2030-01-31"

    arnhem.undo_stack.undo()  # the deadline
    assert _stored(arnhem, motion_id)["deadline"] is None
    assert editor.deadline.text() == ""
    arnhem.undo_stack.undo()  # the entry's text
    assert _stored(arnhem, motion_id)["entries"][0]["text"] is None
    arnhem.undo_stack.undo()  # the entry
    assert _stored(arnhem, motion_id)["entries"] == []
    arnhem.undo_stack.undo()  # tracking it at all
    assert _stored(arnhem, motion_id) is None
    assert editor.start_page.isVisible()
    arnhem.undo_stack.redo()
    assert _stored(arnhem, motion_id) == {"state": "not_started", "deadline": None, "entries": []}


def test_a_date_that_does_not_exist_is_refused_and_nothing_changes(arnhem, messages):
    motions, motion_id = _motion(arnhem)
    editor = motions.form.follow_up
    editor.start()
    editor.add_entry()
    before = _stored(arnhem, motion_id)
    editor.table.item(0, 0).setText("2024-02-30")
    assert messages and messages[-1][1] == "Niet opgeslagen"
    assert _stored(arnhem, motion_id) == before
    assert editor.table.item(0, 0).text() == before["entries"][0]["date"]  # the form shows what is stored


def test_a_commitment_tracks_its_follow_up_too_and_can_stop(arnhem):
    commitment_id = "c0000000-0000-4000-8000-000000000002"
    assert arnhem.save_item("commitments", {"id": commitment_id, "title": "Evaluatie van de stedenband"},
                            "Toezegging toevoegen")
    commitments = arnhem.show_section("commitments")
    commitments.show_item(commitment_id)
    commitments.edit()
    editor = commitments.form.follow_up
    assert "toezegging" in editor.start_text.text()
    editor.start()
    editor.add_entry()
    editor.add_entry()
    editor.table.setCurrentCell(0, 1)
    editor.remove_entry()
    assert len(_stored(arnhem, commitment_id)["entries"]) == 1
    editor.stop()
    assert _stored(arnhem, commitment_id) is None
    arnhem.undo_stack.undo()
    assert len(_stored(arnhem, commitment_id)["entries"]) == 1


def test_the_evidence_chooser_says_what_belongs_in_an_empty_dossier(arnhem, dossier):
    from raadsdossier.gui.follow_up_editor import EvidenceDialog

    dialog = EvidenceDialog(dossier, [], None)
    assert not dialog.list.isVisibleTo(dialog) and dialog.empty.isVisibleTo(dialog)
    assert "als bewijs" in dialog.empty.text()
