"""The interchange format: exports validate against the schema, and a round trip changes nothing."""

import base64
import copy
import hashlib
import json

import jsonschema
import pytest

from raadsdossier.storage.dossier import Dossier
from raadsdossier.interchange.load import schema
from tests.conftest import REPO

CONTENT = "Notitie stedenband Dalian".encode()


def full_document() -> dict:
    """One item of every kind, with every kind of link, as a user's export would have it."""
    return {
        "format": "raadsdossier/1",
        "partnership": {
            "id": "0c8f3d3e-0000-4000-8000-000000000001", "dutch_side": "Arnhem", "level": "municipality",
            "partner_name": "Wuhan", "partner_native_name": "武汉", "partner_country": "China",
            "since": "Voor 2007", "status": "dormant", "focus_themes": ["onderwijs", "economie"],
            "status_history": [{"date": "2019", "period": "Na 2019", "status": "dormant", "note": "Na 2019 sluimerend"}],
            "source_ids": ["src-1"],
        },
        "parties": [{"id": "party-gl", "name": "GroenLinks", "abbreviation": "GL", "seats": 8, "valid_from": "2018"},
                    {"id": "party-vvd", "name": "Volkspartij voor Vrijheid en Democratie", "abbreviation": "VVD", "seats": 6}],
        "people": [{"id": "person-1", "name": "A. Raadslid", "role": "member", "party_id": "party-gl"},
                   {"id": "person-2", "name": "Familielid van een activist", "role": "activist", "sensitive": True,
                    "confidentiality": "confidential"}],
        "meetings": [{"id": "meeting-1", "reference": "raad-2021-07", "date": "2021-07", "body": "council",
                      "title": "Raadsvergadering", "agenda_items": [
                          {"id": "ai-1", "number": "7", "title": "Moties vreemd aan de orde", "kind": "debate"}]}],
        "motions": [{
            "id": "motion-1", "reference": "M12", "title": "Stedenband met Wuhan beëindigen", "date": "2021-07",
            "meeting_id": "meeting-1", "agenda_item_id": "ai-1", "status": "adopted",
            "considerations": "constaterende dat …\n\noverwegende dat …", "operative_text": "verzoekt het college …",
            "pre_advice": "ontraden", "submitters": [{"party": "party-gl"}], "co_submitters": [{"name": "Lokaal Arnhem"}],
            "votes": [
                {"date": "2021-03", "kind": "party", "result": "rejected", "choices": []},
                {"date": "2021-07", "kind": "party", "result": "adopted", "note": "GroenLinks stemde nu voor",
                 "choices": [{"party": "party-gl", "choice": "for", "seats": 8},
                             {"party": "party-vvd", "choice": "against", "seats": 6}]},
                {"date": "2021-07", "kind": "roll_call", "result": None,
                 "choices": [{"person": "person-1", "choice": "for", "seats": None}]},
            ],
            "source_ids": ["src-1"],
        }],
        "commitments": [{"id": "commitment-1", "title": "Evaluatie in 2023", "deadline": "2023-12-31",
                         "promised_by": [{"person": "person-1"}], "status": "open", "fulfilled_by_id": "note-1",
                         "meeting_id": "meeting-1"}],
        "question_sets": [{"id": "qs-1", "reference": "2022Z11774", "title": "De situatie met betrekking tot de Oeigoeren",
                           "kind": "parliamentary_questions", "submitted_on": "2022-06-10", "answered_on": "2022-07-15",
                           "answer_deadline_days": 21, "submitters": [{"name": "Sjoerd Sjoerdsma (D66)"}],
                           "questions": [{"number": 1, "question": "Bent u bekend met …?", "answer": "Ja."},
                                         {"number": 2, "question": "Hoe oordeelt u …?", "answer": "Antwoord 2 en 3"},
                                         {"number": 3, "question": "Verandert dit …?", "answered_with": 2}]}],
        "college_notes": [{"id": "note-1", "kind": "note", "status": "planned", "date": "2021-05",
                           "title": "Notitie over de stedenband", "stated_position": "De samenwerking blijft staan.",
                           "attachment_id": "att-1"}],
        "demonstrations": [{"id": "demo-1", "title": "Demonstratie voor het gemeentehuis", "date": "2021-07",
                            "place": "Arnhem", "estimated_size": 40, "organisers": [{"name": "Oeigoerse activisten"}],
                            "motion_id": "motion-1", "meeting_id": "meeting-1"}],
        "events": [{"id": "event-1", "kind": "trade_mission", "date": "2021-05", "end_date": "2021-06",
                    "title": "Handelsmissie afgeblazen", "confidentiality": "internal"}],
        "costs": [{"id": "cost-1", "amount_eur": 145000, "basis": "total", "category": "other", "date": "2013",
                   "end_date": "2021", "description": "Totaal 2013–2021"},
                  {"id": "cost-2", "amount_eur": 5000, "amount_max_eur": 12000.5, "basis": "per_trip",
                   "category": "travel", "description": "Reiskosten per reis"}],
        "outcomes": [{"id": "outcome-1", "claim": "Omzet voor provinciale bedrijven", "value": "€15 mln omzet"}],
        "sources": [{"id": "src-1", "kind": "article", "title": "Stedenbanden met China", "publisher": "Follow the Money",
                     "date": "2022-01", "url": "https://example.org/artikel"}],
        "attachments": [{"id": "att-1", "file_name": "notitie.txt", "media_type": "text/plain",
                         "extracted_text": CONTENT.decode(), "sha256": hashlib.sha256(CONTENT).hexdigest(),
                         "content_base64": base64.b64encode(CONTENT).decode()}],
        "notes": [{"id": "usernote-1", "kind": "speaking_notes", "title": "Spreektekst", "body": "Punt 1 …",
                   "meeting_id": "meeting-1", "confidentiality": "internal"}],
        "checklist": {"template": "amnesty-2021", "items": [
            {"id": "b-onderzoek-01", "status": "in_progress", "note": "Gestart", "assessed_on": "2022-01-10",
             "evidence_ids": ["motion-1"]},
            {"id": "b-onderzoek-01", "status": "done", "assessed_on": "2022-06-01"}]},
    }


def strip_timestamps(document):
    if isinstance(document, dict):
        return {k: strip_timestamps(v) for k, v in document.items() if k not in ("created_at", "updated_at")}
    if isinstance(document, list):
        return [strip_timestamps(v) for v in document]
    return document


@pytest.fixture
def full_json(tmp_path):
    path = tmp_path / "volledig.json"
    path.write_text(json.dumps(full_document(), ensure_ascii=False), encoding="utf-8")
    return path


def export(run, path):
    code, out, err = run("export-json", path)
    assert code == 0, err
    return json.loads(out)


def test_export_validates_against_the_published_schema(run, full_json, tmp_path):
    assert run("new", tmp_path / "a.raadsdossier", "--from-json", full_json)[0] == 0
    document = export(run, tmp_path / "a.raadsdossier")
    jsonschema.Draft202012Validator(schema()).validate(document)
    docs_schema = json.loads((REPO / "resources/schemas/raadsdossier-1.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(docs_schema)


def test_round_trip_gives_the_same_json(run, full_json, tmp_path):
    run("new", tmp_path / "a.raadsdossier", "--from-json", full_json)
    first = export(run, tmp_path / "a.raadsdossier")
    (tmp_path / "a.json").write_text(json.dumps(first, ensure_ascii=False), encoding="utf-8")
    assert run("new", tmp_path / "b.raadsdossier", "--from-json", tmp_path / "a.json")[0] == 0
    second = export(run, tmp_path / "b.raadsdossier")
    assert second == first  # timestamps too: they are carried over, not renewed


def test_round_trip_keeps_what_the_user_entered(run, full_json, tmp_path):
    run("new", tmp_path / "a.raadsdossier", "--from-json", full_json)
    exported = export(run, tmp_path / "a.raadsdossier")
    motion = exported["motions"][0]
    assert [v["result"] for v in motion["votes"]] == ["rejected", "adopted", None]
    assert motion["votes"][1]["choices"][1] == {"party": "party-vvd", "choice": "against", "seats": 6}
    by_id = {item["id"]: item for key in ("costs", "people") for item in exported[key]}
    assert by_id["cost-2"]["amount_max_eur"] == 12000.5 and by_id["cost-1"]["amount_eur"] == 145000
    assert by_id["person-2"]["sensitive"] is True and by_id["person-2"]["confidentiality"] == "confidential"
    assert by_id["person-1"]["sensitive"] is False
    assert base64.b64decode(exported["attachments"][0]["content_base64"]) == CONTENT
    assert [i["status"] for i in exported["checklist"]["items"]] == ["in_progress", "done"]
    assert exported["partnership"]["partner_native_name"] == "武汉"
    assert exported["question_sets"][0]["questions"][2]["answered_with"] == 2


def test_importing_the_same_file_twice_updates_instead_of_duplicating(run, full_json, tmp_path):
    target = tmp_path / "a.raadsdossier"
    run("new", target, "--from-json", full_json)
    before = strip_timestamps(export(run, target))
    changed = full_document()
    changed["motions"][0]["follow_up"] = "Het college heeft de band opgezegd."
    full_json.write_text(json.dumps(changed), encoding="utf-8")
    code, out, err = run("import", target, full_json)
    assert code == 0, err
    assert "bijgewerkt" in out
    after = strip_timestamps(export(run, target))
    assert len(after["motions"]) == 1 and len(after["checklist"]["items"]) == 2
    expected = copy.deepcopy(before)
    # A follow-up in the text form of before is one entry; another text is another entry, the first one kept.
    new = {"date": None, "text": "Het college heeft de band opgezegd.", "evidence_ids": []}
    was = expected["motions"][0]["follow_up"]
    expected["motions"][0]["follow_up"] = ({"state": "unknown", "deadline": None, "entries": [new]} if was is None
                                           else {**was, "entries": [*was["entries"], new]})
    assert after == expected


def test_import_adds_items_to_another_dossier_and_keeps_its_partnership(run, full_json, new_dossier):
    code, out, err = run("import", new_dossier, full_json)
    assert code == 0, err
    assert "andere" in err  # the file's partnership is a different one: said, not taken over
    exported = export(run, new_dossier)
    assert exported["partnership"]["dutch_side"] == "Enschede"
    assert len(exported["motions"]) == 1
    with Dossier.open(new_dossier) as d:
        from raadsdossier.services.dossiers import search
        assert search(d, "Wuhan")
