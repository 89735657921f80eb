"""The import dialog: a dry-run preview first, then one undoable import; unassigned votes assigned in one step."""

from __future__ import annotations


from raadsdossier.services import lists
from tests.conftest import REPO


def test_preview_then_import_then_undo(window, arnhem, tmp_path):
    text = (REPO / "tests/fixtures/kamervragen-2022Z11774.txt").read_text(encoding="utf-8")
    path = tmp_path / "vragen.txt"
    path.write_text(text.replace("2022Z11774", "2023Z00077"), encoding="utf-8")
    before = lists.count(arnhem.dossier, "question_sets")
    dialog = window.import_files([path])
    top = dialog.preview.topLevelItem(0)
    assert top.text(0) == "vragen.txt" and top.text(1) != "0"
    assert lists.count(arnhem.dossier, "question_sets") == before  # a preview writes nothing
    assert dialog.confirm.isEnabled()
    dialog.run_import()
    assert lists.count(arnhem.dossier, "question_sets") == before + 1
    arnhem.undo_stack.undo()
    assert lists.count(arnhem.dossier, "question_sets") == before


def test_a_bad_file_blocks_the_import_and_says_why(window, arnhem, tmp_path):
    bad = tmp_path / "kapot.json"
    bad.write_text('{"format": "raadsdossier/1", "motions": [', encoding="utf-8")
    dialog = window.import_files([bad])
    assert not dialog.confirm.isEnabled()
    assert "kapot.json" in dialog.preview.topLevelItem(0).text(0)


def test_assign_an_unassigned_vote(window, arnhem):
    parties = {p["name"]: p["id"] for p in lists.page(arnhem.dossier, "parties")}
    motion = lists.page(arnhem.dossier, "motions")[0]
    document = {"format": "raadsdossier/1", "unassigned_votes": [{
        "id": "u3000000-0000-4000-8000-000000000003", "agenda_item": "Stemmingen", "decision": "Aangenomen.",
        "kind": "party", "result": "adopted", "choices": [{"party": parties["GroenLinks"], "choice": "for", "seats": 8}],
        "candidate_motions": [motion["id"]]}]}
    arnhem.import_files([("test", document)], "test")
    section = arnhem.show_section("unassigned_votes")
    section.show_item("u3000000-0000-4000-8000-000000000003")
    assert section.candidates.currentData() == motion["id"]
    section.assign()
    assert lists.count(arnhem.dossier, "unassigned_votes") == 0
    assert len(lists.get(arnhem.dossier, motion["id"])[1]["votes"]) == 4
    arnhem.undo_stack.undo()
    assert lists.count(arnhem.dossier, "unassigned_votes") == 1
    assert len(lists.get(arnhem.dossier, motion["id"])[1]["votes"]) == 3
