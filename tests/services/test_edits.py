"""Every edit returns a change record that names what it touched and undoes it exactly; undoing returns the redo."""

from __future__ import annotations

import json

import pytest

from raadsdossier.domain.errors import DossierError
from raadsdossier.services import edits, lists
from raadsdossier.services.dashboard import overview
from raadsdossier.services.dossiers import export_json, search
from raadsdossier.services.importing import import_files
from raadsdossier.storage.dossier import Dossier
from tests.conftest import REPO

KAMERVRAGEN = REPO / "tests" / "fixtures" / "kamervragen-2022Z11774.txt"
ODATA = REPO / "tests" / "fixtures" / "tk-odata" / "stemming_expand_besluit_agendapunt_zaak_fractie_persoon_page0880.json"


def _state(dossier: Dossier) -> str:
    """The whole dossier as its export, without the timestamps an undo may leave newer."""
    document = export_json(dossier)
    for value in document.values():
        for entry in value if isinstance(value, list) else []:
            entry.pop("updated_at", None)
            entry.pop("created_at", None)
    return json.dumps(document, sort_keys=True, ensure_ascii=False)


@pytest.fixture
def arnhem(demo_copy):
    with Dossier.open(demo_copy("arnhem-wuhan")) as dossier:
        yield dossier


def test_a_new_item_is_named_as_added_and_undoing_deletes_it(arnhem):
    before = _state(arnhem)
    change = edits.save_item(arnhem, "notes", {"id": "n1", "title": "Spreektekst", "kind": "speaking_notes"})
    assert change.added == {"note": {"n1"}} and not change.changed and not change.removed
    assert change.undo.delete == ("n1",)
    undone = edits.revert(arnhem, change.undo)
    assert undone.removed == {"note": {"n1"}}
    assert _state(arnhem) == before
    redone = edits.revert(arnhem, undone.undo)  # the step undo returns is the redo
    assert redone.added == {"note": {"n1"}} and lists.get(arnhem, "n1")[1]["title"] == "Spreektekst"


def test_an_edit_is_named_as_changed_and_undoing_puts_the_old_text_back(arnhem):
    motion = lists.page(arnhem, "motions")[0]
    before = _state(arnhem)
    change = edits.save_item(arnhem, "motions", {**motion, "title": "Andere titel"})
    assert change.changed == {"motion": {motion["id"]}} and not change.added
    assert search(arnhem, "Andere titel")
    edits.revert(arnhem, change.undo)
    assert _state(arnhem) == before
    assert not search(arnhem, "Andere titel")  # the search index follows the undo


def test_deleting_keeps_what_referred_to_the_item_for_undo(arnhem):
    motions = lists.page(arnhem, "motions", limit=500)
    source = lists.get(arnhem, next(m for m in motions if m["source_ids"])["source_ids"][0])[1]
    cited = [m["id"] for m in motions if source["id"] in m["source_ids"]]
    before = _state(arnhem)
    change = edits.delete_item(arnhem, source["id"])
    assert change.removed == {"source": {source["id"]}}
    assert set(cited) <= change.changed.get("motion", set())  # the motions that cited it
    assert all(source["id"] not in lists.get(arnhem, m)[1]["source_ids"] for m in cited)
    edits.revert(arnhem, change.undo)
    assert _state(arnhem) == before
    assert all(source["id"] in lists.get(arnhem, m)[1]["source_ids"] for m in cited)


def test_a_party_that_voted_cannot_be_deleted_and_one_with_members_comes_back_whole(arnhem):
    # The demo's GroenLinks voted: its switch to "voor" carried the July 2021 vote
    groenlinks = next(p for p in lists.page(arnhem, "parties") if p["name"] == "GroenLinks")
    before = _state(arnhem)
    with pytest.raises(DossierError, match="'GroenLinks' kan niet worden verwijderd: het wordt nog gebruikt"):
        edits.delete_item(arnhem, groenlinks["id"])
    assert _state(arnhem) == before
    # A party that never voted
    edits.save_item(arnhem, "parties", {"id": "f1", "name": "Een fractie"})
    party = lists.get(arnhem, "f1")[1]
    motion = lists.page(arnhem, "motions")[0]
    edits.save_item(arnhem, "people", {"id": "p1", "name": "Een raadslid", "role": "member", "party_id": party["id"]})
    edits.save_item(arnhem, "motions", {**motion, "submitters": [{"party": party["id"]}]})
    before = _state(arnhem)
    change = edits.delete_item(arnhem, party["id"])
    assert change.changed == {"person": {"p1"}, "motion": {motion["id"]}}
    assert lists.get(arnhem, "p1")[1]["party_id"] is None
    edits.revert(arnhem, change.undo)
    assert _state(arnhem) == before
    votes = [{"kind": "party", "choices": [{"party": party["id"], "choice": "for", "seats": 8}]}]
    edits.save_item(arnhem, "motions", {**lists.get(arnhem, motion["id"])[1], "votes": votes})
    before = _state(arnhem)
    with pytest.raises(DossierError, match="'Een fractie' kan niet worden verwijderd: het wordt nog gebruikt"):
        edits.delete_item(arnhem, party["id"])
    assert _state(arnhem) == before


def test_undoing_an_import_removes_what_it_added_and_restores_what_it_updated(arnhem, tmp_path):
    path = tmp_path / "vragen.txt"
    path.write_text(KAMERVRAGEN.read_text(encoding="utf-8").replace("2022Z11774", "2023Z00077"), encoding="utf-8")
    first = import_files(arnhem, [path]).change
    before = _state(arnhem)
    path.write_text(path.read_text(encoding="utf-8").replace("Oeigoeren", "Oeigoerse bevolking"), encoding="utf-8")
    again = import_files(arnhem, [path])
    assert again.change.changed.get("question_set") and not again.change.added
    edits.revert(arnhem, again.change.undo)
    assert _state(arnhem) == before
    undone = edits.revert(arnhem, first.undo)
    assert undone.removed["question_set"] and not lists.page(arnhem, "question_sets", text_filter="2023Z00077")


def test_undo_and_redo_of_an_odata_import_round_trip(arnhem):
    empty = _state(arnhem)
    result = import_files(arnhem, [ODATA])
    imported = _state(arnhem)
    assert result.change.added["motion"] and result.change.undo.size > 50
    undone = edits.revert(arnhem, result.change.undo)
    assert _state(arnhem) == empty
    edits.revert(arnhem, undone.undo)
    assert _state(arnhem) == imported


def test_an_assessment_and_an_assigned_vote_are_undone(arnhem):
    before = _state(arnhem)
    change = edits.assess(arnhem, "amnesty-2021", {"id": "b-politieke-realiteit-01", "status": "done",
                                                  "assessed_on": "2026-12-01"})
    assert len(change.added["checklist_assessment"]) == 1 and set(change.added) == {"checklist_assessment"}
    edits.revert(arnhem, change.undo)
    assert _state(arnhem) == before
    parties = {p["name"]: p["id"] for p in lists.page(arnhem, "parties")}
    motion = lists.page(arnhem, "motions")[0]
    edits.save_item(arnhem, "unassigned_votes", {
        "id": "u1", "decision": "Aangenomen.", "kind": "party", "result": "adopted",
        "choices": [{"party": parties["GroenLinks"], "choice": "for", "seats": 8}]})
    before = _state(arnhem)
    change = edits.assign_vote(arnhem, "u1", motion["id"])
    assert change.changed == {"unassigned_vote": {"u1"}, "motion": {motion["id"]}}
    edits.revert(arnhem, change.undo)
    assert _state(arnhem) == before


def test_attachments_are_added_in_one_step_and_an_unreadable_file_is_named(arnhem, tmp_path):
    note = tmp_path / "brief.txt"
    note.write_text("Het college onderzoekt de paviljoenkwestie.", encoding="utf-8")
    result = edits.add_attachments(arnhem, [note, tmp_path / "weg.pdf"])
    assert len(result.change.added["attachment"]) == 1
    assert len(result.problems) == 1 and "weg.pdf" in result.problems[0]
    assert search(arnhem, "paviljoenkwestie")
    edits.revert(arnhem, result.change.undo)
    assert not search(arnhem, "paviljoenkwestie")


def test_undoing_a_delete_brings_the_item_back_as_old_as_it_was(arnhem):
    """Undo puts the item back, not a new one: its creation time (and its last change) are those it had."""
    import_files(arnhem, [("bron.json", {"format": "raadsdossier/1", "sources": [{
        "id": "s1", "title": "Raadsinformatiebrief stedenband", "created_at": "2021-03-01T09:00:00Z",
        "updated_at": "2022-05-01T10:00:00Z"}]})])
    before = lists.get(arnhem, "s1")[1]
    change = edits.delete_item(arnhem, "s1")
    edits.revert(arnhem, change.undo)
    after = lists.get(arnhem, "s1")[1]
    assert (after["created_at"], after["updated_at"]) == ("2021-03-01T09:00:00Z", "2022-05-01T10:00:00Z")
    assert after == before
    # Undoing an edit likewise leaves the item as it was before the edit, its last change included.
    edit = edits.save_item(arnhem, "sources", {**after, "title": "Andere titel", "confidentiality": "internal"})
    assert lists.get(arnhem, "s1")[1]["updated_at"] != "2022-05-01T10:00:00Z"
    edits.revert(arnhem, edit.undo)
    assert lists.get(arnhem, "s1")[1] == before


def test_a_save_without_a_title_is_refused_naming_the_field_as_the_form_does(arnhem):
    source = lists.page(arnhem, "sources")[0]
    before = _state(arnhem)
    for emptied in ({**source, "title": None}, {k: v for k, v in source.items() if k != "title"},
                    {**source, "title": ""}):
        with pytest.raises(DossierError) as refused:
            edits.save_item(arnhem, "sources", emptied)
        assert str(refused.value) == "Titel is verplicht; de wijziging is niet opgeslagen."
    party = lists.page(arnhem, "parties")[0]
    with pytest.raises(DossierError, match=r"^Naam is verplicht; de wijziging is niet opgeslagen\.$"):
        edits.save_item(arnhem, "parties", {**party, "name": None})
    with pytest.raises(DossierError, match=r"^Partner is verplicht; de wijziging is niet opgeslagen\.$"):
        edits.save_item(arnhem, "partnership", {**overview(arnhem)["partnership"], "partner_name": None})
    assert _state(arnhem) == before


def test_a_value_of_the_wrong_form_is_refused_naming_the_field_as_the_form_does(arnhem):
    motion = lists.page(arnhem, "motions")[0]
    party = lists.page(arnhem, "parties")[0]
    before = _state(arnhem)
    with pytest.raises(DossierError) as refused:
        edits.save_item(arnhem, "motions", {**motion, "date": "2021-02-30"})
    assert str(refused.value) == "Datum: '2021-02-30' is geen bestaande datum; de wijziging is niet opgeslagen."
    with pytest.raises(DossierError) as refused:
        edits.save_item(arnhem, "parties", {**party, "seats": "veel"})
    assert str(refused.value) == \
        'Zetels: verwacht een geheel getal of null, gevonden "veel"; de wijziging is niet opgeslagen.'
    assert _state(arnhem) == before
