"""Migrating an old dossier; unassigned votes; the history of items changed by an import."""

from __future__ import annotations

import json
import shutil
import sqlite3

from raadsdossier.services import lists
from raadsdossier.storage import migrations
from raadsdossier.storage.dossier import Dossier
from tests.conftest import REPO

OLD = REPO / "tests/fixtures/dossiers/schema-0001-arnhem.raadsdossier"


def test_a_schema_0001_dossier_is_migrated_on_open_with_a_backup_first(tmp_path):
    path = tmp_path / "oud.raadsdossier"
    shutil.copy(OLD, path)
    before = path.read_bytes()
    with Dossier.open(path) as dossier:
        assert lists.count(dossier, "motions") == 1
        assert lists.count(dossier, "unassigned_votes") == 0
        motion = lists.page(dossier, "motions")[0]
        assert [v["result"] for v in motion["votes"]] == ["rejected", "rejected", "adopted"]
    with sqlite3.connect(path) as conn:
        assert conn.execute("select version_num from alembic_version").fetchone()[0] == migrations.head_revision()
    backups = list(tmp_path.glob("oud.raadsdossier-reservekopieen/oud.*.migration.raadsdossier"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as backup:
        assert backup.execute("select version_num from alembic_version").fetchone()[0] == "0001"
        assert backup.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert backup.execute("select count(*) from items").fetchone()[0] == \
            sqlite3.connect(OLD).execute("select count(*) from items").fetchone()[0]
    assert before == OLD.read_bytes()


def test_an_old_dossier_opened_read_only_is_not_migrated(tmp_path):
    path = tmp_path / "oud.raadsdossier"
    shutil.copy(OLD, path)
    with Dossier.open(path, read_only=True) as dossier:
        assert lists.count(dossier, "motions") == 1
    assert path.read_bytes() == OLD.read_bytes()


def _unassigned_document(dossier_path, run):
    exported = json.loads(run("export-json", dossier_path)[1])
    parties = {p["name"]: p["id"] for p in exported["parties"]}
    parties["VVD"] = "p2000000-0000-4000-8000-000000000003"  # the sources name no VVD in Arnhem's council: added here
    motion = exported["motions"][0]["id"]
    return {"format": "raadsdossier/1", "parties": [{"id": parties["VVD"], "name": "VVD"}], "motions": [
        {"id": "m2000000-0000-4000-8000-000000000002", "title": "Tweede motie bij hetzelfde agendapunt"}],
        "unassigned_votes": [{
            "id": "u1000000-0000-4000-8000-000000000001", "agenda_item": "Stemmingen over moties China",
            "decision": "Aangenomen.", "date": "2024-06-11", "kind": "party", "result": "adopted",
            "choices": [{"party": parties["GroenLinks"], "choice": "for", "seats": 8},
                        {"party": parties["VVD"], "choice": "against", "seats": 6}],
            "candidate_motions": [motion, "m2000000-0000-4000-8000-000000000002"]}]}, motion


def test_unassigned_vote_round_trips_and_is_assigned_in_one_step(run, demo_copy, tmp_path):
    path = demo_copy("arnhem-wuhan")
    document, motion_id = _unassigned_document(path, run)
    (tmp_path / "u.json").write_text(json.dumps(document), encoding="utf-8")
    code, out, err = run("import", path, tmp_path / "u.json")
    assert code == 0, err
    exported = json.loads(run("export-json", path)[1])
    assert exported["unassigned_votes"][0]["candidate_motions"] == document["unassigned_votes"][0]["candidate_motions"]
    with Dossier.open(path, read_only=True) as dossier:  # the list's text filter finds it
        assert lists.count(dossier, "unassigned_votes", "stemmingen chin") == 1
        assert lists.first_page(dossier, "unassigned_votes", text_filter="stemmingen chin")[1:] == (1, True)
    code, out, err = run("assign-vote", path, "u1000000-0000-4000-8000-000000000001", motion_id)
    assert code == 0, err
    with Dossier.open(path, read_only=True) as dossier:
        assert lists.count(dossier, "unassigned_votes") == 0
        assert lists.count(dossier, "unassigned_votes", "stemmingen chin") == 0
        assert lists.first_page(dossier, "unassigned_votes", text_filter="stemmingen chin")[1:] == (0, True)
        motion = lists.get(dossier, motion_id)[1]
    assert len(motion["votes"]) == 4
    assert motion["_computed"]["votes_computed"][3] == {"computed": "adopted", "tally": [8, 6, 0]}
    code, out, err = run("import", path, tmp_path / "u.json")  # the same file again: nothing new to assign
    assert code == 0, err
    with Dossier.open(path, read_only=True) as dossier:
        assert lists.count(dossier, "unassigned_votes") == 0
        assert len(lists.get(dossier, motion_id)[1]["votes"]) == 4
    code, out, err = run("assign-vote", path, "u1000000-0000-4000-8000-000000000001", motion_id)
    assert code == 1 and "al toegewezen" in err


def test_candidate_that_is_not_a_motion_is_refused(run, demo_copy, tmp_path):
    path = demo_copy("arnhem-wuhan")
    document, _motion = _unassigned_document(path, run)
    document["unassigned_votes"][0]["candidate_motions"].append(document["unassigned_votes"][0]["choices"][0]["party"])
    (tmp_path / "u.json").write_text(json.dumps(document), encoding="utf-8")
    code, out, err = run("import", path, tmp_path / "u.json")
    assert code == 1 and "candidate_motions[2]: verwijst naar een party, maar hier hoort een motion" in err


def test_an_import_that_changes_an_item_keeps_its_earlier_version(run, demo_copy, tmp_path):
    path = demo_copy("arnhem-wuhan")
    exported = json.loads(run("export-json", path)[1])
    event = exported["events"][0]
    (tmp_path / "same.json").write_text(json.dumps({"format": "raadsdossier/1", "events": [event]}), encoding="utf-8")
    run("import", path, tmp_path / "same.json")
    assert json.loads(run("history", path, event["id"])[1]) == []  # nothing changed: no history
    changed = dict(event, title="Burgemeester van Wuhan reageert")
    (tmp_path / "nieuw.json").write_text(json.dumps({"format": "raadsdossier/1", "events": [changed]}), encoding="utf-8")
    run("import", path, tmp_path / "nieuw.json")
    versions = json.loads(run("history", path, event["id"])[1])
    assert [v["data"]["title"] for v in versions] == [event["title"]]
    assert versions[0]["origin"].endswith("nieuw.json")
    code, out, err = run("history", path, "bestaat-niet")
    assert code == 1 and "bestaat niet" in err


def _pending(run, path, tmp_path, result="adopted", choices=None):
    """The second motion of `_unassigned_document` (submitted, no votes) and one decision for it."""
    document, _motion = _unassigned_document(path, run)
    vote = document["unassigned_votes"][0]
    vote["result"], vote["decision"] = result, {"adopted": "Aangenomen.", "rejected": "Verworpen."}[result]
    if choices is not None:
        vote["choices"] = choices(vote["choices"])
    (tmp_path / "u.json").write_text(json.dumps(document), encoding="utf-8")
    assert run("import", path, tmp_path / "u.json")[0] == 0
    return vote["id"], "m2000000-0000-4000-8000-000000000002"


def test_assigning_a_vote_gives_the_motion_its_status_and_the_counts_follow(run, demo_copy, tmp_path):
    path = demo_copy("arnhem-wuhan")
    vote_id, motion_id = _pending(run, path, tmp_path)
    before = json.loads(run("info", path, "--json")[1])["dashboard"]
    code, out, err = run("assign-vote", path, vote_id, motion_id)
    assert code == 0, err
    assert "status nu: aangenomen" in out
    with Dossier.open(path, read_only=True) as dossier:
        assert lists.get(dossier, motion_id)[1]["status"] == "adopted"
    after = json.loads(run("info", path, "--json")[1])["dashboard"]
    assert after["motions"]["adopted"] == before["motions"]["adopted"] + 1
    assert after["motions"]["submitted"] == before["motions"]["submitted"] - 1
    assert after["unassigned_votes"]["unassigned"] == before["unassigned_votes"]["unassigned"] - 1
    text = run("info", path)[1]
    assert "niet-toegewezen stemmingen: 0 (en 1 al toegewezen)" in text


def test_a_status_set_by_hand_stays_when_a_vote_is_assigned(run, demo_copy, tmp_path):
    path = demo_copy("arnhem-wuhan")
    vote_id, motion_id = _pending(run, path, tmp_path)
    (tmp_path / "held.json").write_text(json.dumps({"format": "raadsdossier/1", "motions": [
        {"id": motion_id, "title": "Tweede motie bij hetzelfde agendapunt", "status": "held"}]}), encoding="utf-8")
    assert run("import", path, tmp_path / "held.json")[0] == 0
    assert run("assign-vote", path, vote_id, motion_id)[0] == 0
    with Dossier.open(path, read_only=True) as dossier:
        assert lists.get(dossier, motion_id)[1]["status"] == "held"


def test_an_assigned_vote_whose_record_contradicts_its_choices_is_flagged(run, demo_copy, tmp_path):
    path = demo_copy("arnhem-wuhan")
    # Recorded "Verworpen." while the choices give 8 for and 6 against.
    vote_id, motion_id = _pending(run, path, tmp_path, result="rejected")
    assert run("assign-vote", path, vote_id, motion_id)[0] == 0
    info = json.loads(run("info", path, "--json")[1])
    assert any("Tweede motie" in entry for entry in info["votes_disagreeing"]), info["votes_disagreeing"]
    with Dossier.open(path, read_only=True) as dossier:
        motion = lists.get(dossier, motion_id)[1]
    assert motion["status"] == "adopted"  # the result computed from the choices, as Motion.final_result says
