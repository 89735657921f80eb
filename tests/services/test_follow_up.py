"""The follow-up of an adopted motion or a commitment: stored with dated entries and evidence, carried by the
interchange format (the old text form still read), overdue on the Overzicht and in `info`, printed in packs,
and made from the free text of before by migration 0008 without losing a word."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest

from raadsdossier.domain.errors import InvalidInput
from raadsdossier.services import dashboard, edits, lists
from raadsdossier.storage.dossier import Dossier

TODAY = date(2026, 12, 1)
FOLLOW_UP = {"state": "in_progress", "deadline": "2026-06-30", "entries": [
    {"date": "2026-02-10", "text": "Het college zegt een evaluatie toe.", "evidence_ids": ["n1"]},
    {"date": "2026-05", "text": "Evaluatie uitgesteld.", "evidence_ids": []}]}


@pytest.fixture
def followed(dossier):
    edits.save_item(dossier, "college_notes", {"id": "n1", "title": "Raadsinformatiebrief evaluatie", "kind": "information_letter"})
    edits.save_item(dossier, "motions", {"id": "m1", "reference": "M7", "title": "Evaluatie stedenband", "status": "adopted",
                                         "follow_up": FOLLOW_UP})
    return dossier


def test_a_follow_up_is_kept_with_its_entries_and_evidence_and_round_trips(followed, tmp_path):
    from raadsdossier.services.dossiers import create_from_document, export_json

    _key, motion = lists.get(followed, "m1", TODAY)
    assert motion["follow_up"] == FOLLOW_UP
    assert motion["_computed"]["follow_up_overdue"] is True
    exported = json.loads(json.dumps(export_json(followed)))
    assert next(m for m in exported["motions"] if m["id"] == "m1")["follow_up"] == FOLLOW_UP
    create_from_document(tmp_path / "kopie.raadsdossier", exported, "kopie.json")
    with Dossier.open(tmp_path / "kopie.raadsdossier", read_only=True) as copy:
        assert export_json(copy)["motions"] == exported["motions"]


def test_an_overdue_follow_up_needs_attention_on_the_overview_and_in_info(followed):
    data = dashboard.overview(followed, TODAY)
    assert data["figures"]["attention"]["overdue_follow_ups"] == 1
    assert data["overdue_follow_ups"] == [{"id": "m1", "kind": "motion", "title": "M7 Evaluatie stedenband",
                                           "deadline": "2026-06-30", "state": "in_progress"}]
    assert dashboard.overview(followed, date(2026, 6, 1))["figures"]["attention"]["overdue_follow_ups"] == 0
    done = dict(FOLLOW_UP, state="done")
    edits.save_item(followed, "motions", {"id": "m1", "title": "Evaluatie stedenband", "follow_up": done})
    assert dashboard.overview(followed, TODAY)["figures"]["attention"]["overdue_follow_ups"] == 0  # settled


def test_the_old_text_form_is_one_entry_and_importing_it_again_adds_nothing(dossier, tmp_path):
    from raadsdossier.services import importing

    document = {"format": "raadsdossier/1", "motions": [{"id": "m2", "title": "Motie", "follow_up": "Uitgevoerd in 2023."}]}
    path = tmp_path / "oud.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    importing.import_files(dossier, [path])
    assert lists.get(dossier, "m2")[1]["follow_up"] == {
        "state": "unknown", "deadline": None, "entries": [{"date": None, "text": "Uitgevoerd in 2023.", "evidence_ids": []}]}
    # the user adds an entry; the same old file again neither doubles the text nor drops the user's entry
    mine = {"state": "done", "deadline": None, "entries": [
        {"date": None, "text": "Uitgevoerd in 2023.", "evidence_ids": []},
        {"date": "2024-01-15", "text": "Bevestigd in de jaarrekening.", "evidence_ids": []}]}
    edits.save_item(dossier, "motions", {"id": "m2", "title": "Motie", "follow_up": mine})
    again = importing.import_files(dossier, [path])
    assert lists.get(dossier, "m2")[1]["follow_up"] == mine
    assert not again.report.updated


def test_evidence_that_is_not_in_the_dossier_is_refused_with_its_place(dossier):
    bad = {"state": "done", "entries": [{"text": "Zie brief", "evidence_ids": ["bestaat-niet"]}]}
    with pytest.raises(InvalidInput, match=r"^Uitvoering: verwijst naar bestaat-niet, "):  # the form's name for it
        edits.save_item(dossier, "motions", {"id": "m3", "title": "Motie", "follow_up": bad})


def test_a_pack_prints_the_follow_up_and_names_no_evidence_at_a_level_left_out(followed, tmp_path):
    from raadsdossier.export.build import PackOptions, build_pack

    with followed.session() as session:
        pack = build_pack(session, PackOptions(sections=("motions",), today=TODAY))
    text = " ".join(getattr(block, "text", "") for block in pack.blocks)
    facts = [row for block in pack.blocks for row in getattr(block, "rows", ()) if len(row) == 2]
    assert ("Stand", "bezig (te laat)") in facts and ("Uiterlijk", "30 juni 2026") in facts
    assert "10 februari 2026 — Het college zegt een evaluatie toe. (bewijs: Raadsinformatiebrief evaluatie)" in text
    assert "mei 2026 — Evaluatie uitgesteld." in text
    edits.save_item(followed, "college_notes", {"id": "n1", "title": "Raadsinformatiebrief evaluatie",
                                                "kind": "information_letter", "confidentiality": "confidential"})
    with followed.session() as session:
        pack = build_pack(session, PackOptions(sections=("motions",), today=TODAY))
    text = " ".join(getattr(block, "text", "") for block in pack.blocks)
    assert "Raadsinformatiebrief" not in text and "(bewijs: 1 niet opgenomen stuk)" in text


def test_migration_0008_makes_the_free_text_of_before_the_first_entry(tmp_path):
    """A dossier of the first schema with a motion's follow-up text: after opening, the same words are the first
    entry of its follow-up; every vote is still there."""
    import shutil

    from tests.conftest import REPO

    path = tmp_path / "oud.raadsdossier"
    shutil.copy(REPO / "tests/fixtures/dossiers/schema-0001-arnhem.raadsdossier", path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE motions SET follow_up = 'Het college beëindigde de band in 2024.'")
        motion_id, = conn.execute("SELECT id FROM motions").fetchone()
        votes = conn.execute("SELECT count(*) FROM votes").fetchone()[0]
    with Dossier.open(path) as dossier:
        follow_up = lists.get(dossier, motion_id)[1]["follow_up"]
    assert follow_up == {"state": "unknown", "deadline": None,
                         "entries": [{"date": None, "text": "Het college beëindigde de band in 2024.", "evidence_ids": []}]}
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM votes").fetchone()[0] == votes > 0
        assert "follow_up" not in [row[1] for row in conn.execute("PRAGMA table_info(motions)")]
