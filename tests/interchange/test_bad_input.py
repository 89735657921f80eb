"""Bad interchange files: one clear sentence naming the file and the element, nothing written."""

import json

import pytest

from tests.conftest import sha256
from tests.interchange.test_roundtrip import full_document


def write(tmp_path, document, name="import.json"):
    path = tmp_path / name
    path.write_text(document if isinstance(document, str) else json.dumps(document), encoding="utf-8")
    return path


def mutated(change):
    document = full_document()
    change(document)
    return document


BAD = {
    "malformed JSON": ('{"format": "raadsdossier/1", "motions": [', "geen geldige JSON op regel 1"),
    "wrong format version": ({"format": "raadsdossier/2"}, 'onbekende formaatversie "raadsdossier/2"'),
    "no format at all": ({"motions": []}, "onbekende formaatversie null"),
    "a list, not a dossier": ("[1, 2, 3]", "geen JSON-object"),
    "unknown vote choice": (mutated(lambda d: d["motions"][0]["votes"][1]["choices"][0].update(choice="ja")),
                            'motions[0].votes[1].choices[0].choice: "ja" is geen toegestane waarde'),
    "missing title": (mutated(lambda d: d["events"][0].pop("title")), "events[0]: het veld 'title' ontbreekt"),
    "dangling reference": (mutated(lambda d: d["motions"][0].update(meeting_id="no-such-meeting")),
                           "motions[0].meeting_id: verwijst naar no-such-meeting"),
    "reference to the wrong kind": (mutated(lambda d: d["people"][0].update(party_id="person-2")),
                                    "people[0].party_id: verwijst naar een person, maar hier hoort een party"),
    "impossible date": (mutated(lambda d: d["events"][0].update(date="2021-02-30")),
                        "events[0].date: '2021-02-30' is geen bestaande datum"),
    "duplicate id": (mutated(lambda d: d["events"].append(dict(d["events"][0]))), "komt twee keer voor"),
    "damaged attachment": (mutated(lambda d: d["attachments"][0].update(content_base64="QUJD")),
                           "sha256-controlesom"),
    # References deep in an item (their path is only put into words when one fails).
    "dangling source": (mutated(lambda d: d["motions"][0]["source_ids"].append("nope")),
                        "motions[0].source_ids[1]: verwijst naar nope, dat niet in het bestand of het dossier staat"),
    "vote choice naming a person as party": (
        mutated(lambda d: d["motions"][0]["votes"][1]["choices"][0].update(party="person-1")),
        "motions[0].votes[1].choices[0].party: verwijst naar een person, maar hier hoort een party"),
    "dangling submitter": (mutated(lambda d: d["motions"][0]["submitters"][0].update(party="nope")),
                           "motions[0].submitters[0].party: verwijst naar nope"),
    "unknown checklist item": (mutated(lambda d: d["checklist"]["items"][0].update(id="b-bestaat-niet-99")),
                               "checklist.items[0].id: 'b-bestaat-niet-99' staat niet in de checklist"),
}


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_import_of_bad_file_says_what_is_wrong_and_changes_nothing(case, run, new_dossier, tmp_path):
    document, message = BAD[case]
    source = write(tmp_path, document)
    before = sha256(new_dossier)
    code, out, err = run("import", new_dossier, source, "--format", "dossier-json")
    assert code == 1
    assert message in err
    assert str(source) in err
    assert "Traceback" not in err and err.count("\n") == 1
    assert sha256(new_dossier) == before


@pytest.mark.parametrize("case", ["malformed JSON", "wrong format version", "dangling reference"])
def test_new_from_bad_file_leaves_no_dossier_behind(case, run, tmp_path):
    document, message = BAD[case]
    source = write(tmp_path, document)
    target = tmp_path / "nieuw.raadsdossier"
    code, out, err = run("new", target, "--from-json", source)
    assert code == 1 and message in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["import.json"]


def test_one_bad_file_among_several_imports_none_of_them(run, new_dossier, tmp_path):
    good = write(tmp_path, full_document(), "goed.json")
    bad = write(tmp_path, BAD["dangling reference"][0], "fout.json")
    before = sha256(new_dossier)
    code, out, err = run("import", new_dossier, good, bad)
    assert code == 1 and "fout.json" in err
    assert sha256(new_dossier) == before


def test_dry_run_reports_but_changes_nothing(run, new_dossier, tmp_path):
    source = write(tmp_path, full_document())
    before = sha256(new_dossier)
    code, out, err = run("import", new_dossier, source, "--dry-run")
    assert code == 0
    assert "proefimport" in out and "1 motie" in out
    assert sha256(new_dossier) == before


def test_auto_detection_of_the_interchange_version_names_it(run, new_dossier, tmp_path):
    code, out, err = run("import", new_dossier, write(tmp_path, {"format": "raadsdossier/2"}))
    assert code == 1 and 'onbekende formaatversie "raadsdossier/2"' in err


def test_unrecognised_import_format_is_named(run, new_dossier, tmp_path):
    source = write(tmp_path, "Kamervraag 2022Z11774\n\nDe situatie …", "vragen.txt")
    code, out, err = run("import", new_dossier, source)
    assert code == 1
    assert "vragen.txt: het formaat van dit bestand is niet herkend" in err


def test_hostile_deeply_nested_json_is_refused_in_every_json_format(run, new_dossier, tmp_path):
    source = write(tmp_path, "[" * 200_000 + "]" * 200_000, "diep.json")
    before = sha256(new_dossier)
    for fmt in ("dossier-json", "tk-odata", "notubiz"):
        code, out, err = run("import", new_dossier, source, "--format", fmt)
        assert code == 1, fmt
        assert str(source) in err and "Traceback" not in err and err.count("\n") == 1, (fmt, err)
    code, out, err = run("new", tmp_path / "x.raadsdossier", "--from-json", source)
    assert code == 1 and "te diep genest" in err
    assert sha256(new_dossier) == before
