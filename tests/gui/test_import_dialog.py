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
    # the name and the first figure do not touch ("vragen.txt3")
    assert dialog.preview.columnWidth(0) >= dialog.preview.sizeHintForColumn(0) + dialog.preview.fontMetrics().averageCharWidth()
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


def test_a_file_with_nothing_to_import_says_what_it_holds(window, arnhem, tmp_path):
    """The sentence `raadsdossier import` prints when it exits with 3, from the same service."""
    import json

    sitting = {"Id": "3f0b9f46-8d0e-4c51-9d6e-0e4b7d3c2a11", "Soort": "Plenair", "Titel": "80e vergadering",
               "Zaal": "Plenaire zaal", "Vergaderjaar": "2024-2025", "VergaderingNummer": 80,
               "Datum": "2025-06-03T00:00:00+02:00", "Aanvangstijd": None, "Sluiting": None, "Kamer": "Tweede Kamer",
               "GewijzigdOp": None, "ApiGewijzigdOp": None, "Verwijderd": False}  # the fields of its $metadata
    path = tmp_path / "vergaderingen.json"
    path.write_text(json.dumps({"@odata.context": "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/$metadata#"
                                                  "Vergadering", "value": [sitting]}), encoding="utf-8")
    dialog = window.import_files([path])
    assert not dialog.confirm.isEnabled()
    assert dialog.status.text() == (f"{path}: niets te importeren: herkend als tk-odata, maar het bestand bevat "
                                    "1 Vergadering — vergaderingen van de Tweede Kamer worden niet geïmporteerd.")


def test_a_download_cut_off_midway_says_where_its_json_breaks_while_the_format_is_recognised(window, arnhem, tmp_path):
    alkmaar = REPO / "tests/fixtures/council/notubiz_alkmaar_motions.json"
    path = tmp_path / "moties.json"
    path.write_text("".join(alkmaar.read_text(encoding="utf-8").splitlines(keepends=True)[:16]).rstrip("\n"),
                    encoding="utf-8")
    dialog = window.import_files([path])
    assert not dialog.confirm.isEnabled()
    assert dialog.preview.topLevelItem(0).text(0) == (f"{path}: geen geldige JSON op regel 16, kolom 19: hier wordt "
                                                      "een naam tussen dubbele aanhalingstekens verwacht.")
