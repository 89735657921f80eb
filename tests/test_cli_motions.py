"""`raadsdossier motions`, `parties`, `party` and `pack --library --party` on the test library (tests/library.py):
what a fraction's script reads (docs/motions.md) and what a user reads on stderr."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest

from raadsdossier.services import edits, lists
from raadsdossier.services.dossiers import PartnershipFields, create_dossier
from raadsdossier.storage.dossier import Dossier
from tests.export.conftest import pdf_pages, squash
from tests.library import GL_MOTION, GL_SECRET_TITLE

PASSWORD = "geheim-wachtwoord"


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("RAADSDOSSIER_HOME", str(tmp_path / "home"))


def listed(run, *args) -> list[dict]:
    code, out, err = run("motions", *args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_the_table_has_a_line_per_motion_with_its_dossier_date_status_and_follow_up(run, test_library):
    code, out, err = run("motions", test_library)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["Dossier", "Datum", "Kenmerk", "Titel", "Status", "Uitvoering"]
    arnhem = next(line for line in lines if line.startswith("Arnhem – Wuhan"))
    assert "2021-07" in arnhem and "Motie stedenband met Wuhan verbreken" in arnhem and "aangenomen" in arnhem
    assert len(lines) == 1 + len(listed(run, test_library))
    assert "1 motie niet getoond" in err and "--include" in err


def test_json_lists_the_arnhem_motion_with_its_three_votes(run, test_library):
    motion = next(m for m in listed(run, test_library) if m["dossier"] == "Arnhem – Wuhan")
    assert len(motion["votes"]) == 3 and motion["votes"][2]["choices"][0]["party"] == "GroenLinks"


def test_a_follow_up_past_its_deadline_is_overdue_in_the_json(run, demo_copy):
    path = demo_copy("arnhem-wuhan")
    with Dossier.open(path) as dossier:
        motion = lists.page(dossier, "motions")[0]
        motion["follow_up"] = {"state": "not_started", "deadline": "2022-01-31",
                               "entries": [{"date": "2021-08", "text": "Toegezegd: een brief aan Wuhan."}]}
        edits.save_item(dossier, "motions", motion)
    [motion] = listed(run, path, "--follow-up", "overdue")
    assert motion["follow_up"]["overdue"] is True and motion["follow_up"]["state"] == "not_started"
    assert motion["follow_up"]["entries"] == [{"date": "2021-08", "text": "Toegezegd: een brief aan Wuhan.",
                                               "evidence_ids": []}]
    _code, out, _err = run("motions", path)
    assert "niet begonnen (te laat)" in out


def test_csv_parses_with_one_row_per_motion(run, test_library):
    code, out, _err = run("motions", test_library, "--csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    everything = listed(run, test_library)
    assert [row["id"] for row in rows] == [m["id"] for m in everything]
    arnhem = next(row for row in rows if row["dossier"] == "Arnhem – Wuhan")
    assert (arnhem["votes"], arnhem["last_vote_result"], arnhem["last_vote_for"]) == ("3", "adopted", "GroenLinks")
    assert arnhem["follow_up_state"] == "" and arnhem["reference"] == ""
    tk = next(row for row in rows if row["dossier"] == "Rotterdam – Shanghai" and row["votes"] == "1")
    assert "Partij voor de Vrijheid (37)" in tk["last_vote_for"]
    m25 = next(row for row in rows if row["reference"] == "M25")
    assert m25["submitters"] == "Charlotte Passier (Volt)" and m25["last_vote_against"].count(";") == 24


def test_party_lists_what_it_submitted_or_voted_on_and_nothing_else(run, test_library):
    everything = listed(run, test_library)
    found = listed(run, test_library, "--party", "groenlinks")

    def involves(m):
        return any(a["party"] == "GroenLinks" for a in m["submitters"] + m["co_submitters"]) or any(
            c["party"] == "GroenLinks" for v in m["votes"] for c in v["choices"])
    assert found == [m for m in everything if involves(m)] and len(found) == 4


def test_a_party_no_dossier_names_lists_nothing_and_says_so(run, test_library):
    code, out, err = run("motions", test_library, "--party", "Groene Partij", "--json")
    assert code == 0 and json.loads(out) == []
    assert "let op: de fractie 'Groene Partij' komt in deze dossiers niet voor; bekend zijn:" in err
    assert "GroenLinks" in err and "parties --same" in err
    code, out, err = run("motions", test_library, "--party", "groenlinks", "--json")
    assert code == 0 and "komt in deze dossiers niet voor" not in err


def test_two_spellings_merge_when_told_to_and_not_before(run, test_library):
    assert GL_MOTION not in [m["id"] for m in listed(run, test_library, "--party", "GroenLinks")]
    code, _out, err = run("parties", "--same", "GL", "GroenLinks")
    assert code == 0 and "GL, GroenLinks zijn één partij" in err
    assert GL_MOTION in [m["id"] for m in listed(run, test_library, "--party", "GroenLinks")]
    code, out, _err = run("parties", test_library, "--json")
    merged = next(p for p in json.loads(out) if p["name"] == "GroenLinks")
    assert merged["spellings"] == ["GL", "GroenLinks"]
    code, out, _err = run("parties", test_library)
    assert "GroenLinks (ook: GL)" in out
    assert run("parties", "--forget", "GL")[0] == 0
    assert GL_MOTION not in [m["id"] for m in listed(run, test_library, "--party", "GroenLinks")]


@pytest.mark.parametrize("damage", ['{"same": [["GL", "Groen', '["GL"]', None], ids=["cut", "shape", "folder"])
def test_a_damaged_partijen_json_is_named_and_never_overwritten(run, test_library, damage):
    from raadsdossier.services.parties import equivalences_path

    saved = equivalences_path()
    saved.parent.mkdir(parents=True, exist_ok=True)
    if damage is None:
        saved.mkdir()
    else:
        saved.write_text(damage, encoding="utf-8")
    code, _out, err = run("parties", "--same", "PvdA", "Partij van de Arbeid")
    assert code == 1 and err.count("\n") == 1
    assert f"{saved}: de partijen die als één zijn vastgelegd, kunnen niet worden gelezen (" in err
    assert "het wordt niet overschreven" in err
    assert run("parties", "--forget", "GL")[0] == 1
    if damage is None:
        assert saved.is_dir() and not any(saved.iterdir())
    else:
        assert saved.read_text(encoding="utf-8") == damage
    assert [p.name for p in saved.parent.iterdir()] == ["partijen.json"]  # no temporary left
    code, out, err = run("parties", test_library)  # reading goes on, and says so
    assert code == 0 and "GroenLinks" in out and f"let op: {saved}: " in err and "nu niet gebruikt" in err


def test_a_folder_with_a_damaged_and_an_encrypted_dossier_lists_the_rest_and_names_both(run, demo_dir, tmp_path):
    folder = tmp_path / "bibliotheek"
    folder.mkdir()
    shutil.copy(demo_dir / "arnhem-wuhan.raadsdossier", folder)
    (folder / "kapot.raadsdossier").write_bytes(b"\x00\x17" + b"rommel" * 1000)
    create_dossier(folder / "geheim.raadsdossier", PartnershipFields("Delft", "municipality", "Jinan"), password=PASSWORD)
    code, out, err = run("motions", folder)
    assert code == 0 and "Arnhem – Wuhan" in out
    assert f"{folder / 'kapot.raadsdossier'}: overgeslagen. Dit bestand bevat onbekende gegevens" in err
    assert f"{folder / 'geheim.raadsdossier'}: overgeslagen. Het dossier is versleuteld" in err
    assert "--password-file" in err
    secret = tmp_path / "wachtwoord.txt"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    code, out, err = run("motions", folder, "--password-file", secret)
    assert code == 0 and "geheim.raadsdossier" not in err and "kapot.raadsdossier" in err


def test_exit_status_1_when_no_dossier_could_be_read(run, tmp_path):
    damaged = tmp_path / "kapot.raadsdossier"
    damaged.write_text("geen dossier", encoding="utf-8")
    code, out, err = run("motions", damaged, "--json")
    assert code == 1 and out == "" and "geen enkel dossier" in err


def test_confidential_motions_only_with_include(run, test_library):
    assert GL_SECRET_TITLE not in [m["title"] for m in listed(run, test_library)]
    code, out, err = run("motions", test_library, "--include", "confidential", "--json")
    assert GL_SECRET_TITLE in [m["title"] for m in json.loads(out)] and "niet getoond" not in err
    code, _out, err = run("motions", test_library, "--include", "geheim")
    assert code == 1 and "vertrouwelijkheidsniveau" in err


def test_a_bad_filter_is_a_usage_error_or_a_dutch_sentence(run, test_library):
    assert run("motions", test_library, "--follow-up", "late")[0] == 2
    code, _out, err = run("motions", test_library, "--since", "maart")
    assert code == 1 and "JJJJ" in err


def test_party_prints_its_record(run, test_library):
    code, out, _err = run("party", test_library, "GroenLinks", "--json")
    record = json.loads(out)
    assert code == 0 and record["counts"]["for"] >= 1 and len(record["submitted"]) == 2
    code, out, _err = run("party", test_library, "GroenLinks")
    line = next(line for line in out.splitlines() if "Motie stedenband met Wuhan verbreken, stemming 3" in line)
    assert "Ingediend (2):" in out and line.split()[-2:] == ["voor", "aangenomen"]
    code, _out, err = run("party", test_library, "Piratenpartij")
    assert code == 1 and "kent de partij 'Piratenpartij'" in err


def test_pack_library_party_writes_the_fraction_pack(run, test_library, tmp_path):
    target = tmp_path / "fractie.pdf"
    code, out, err = run("pack", "--library", test_library, "--party", "GL", "-o", target)
    assert code == 0 and out.strip() == str(target)
    text = squash(" ".join(pdf_pages(target)))
    assert "Motie mensenrechten in de stedenband met Suzhou" in text and GL_SECRET_TITLE not in text
    assert "1 item niet getoond" in err
    code, _out, _err = run("pack", "--library", test_library, "--party", "GL", "--include", "confidential",
                           "-o", tmp_path / "alles.pdf")
    assert code == 0 and GL_SECRET_TITLE in squash(" ".join(pdf_pages(tmp_path / "alles.pdf")))


def test_pack_library_without_party_is_a_usage_error(run, test_library, tmp_path):
    code, _out, err = run("pack", "--library", test_library, "-o", tmp_path / "x.pdf")
    assert code == 2 and "--library PAD en --party PARTIJ samen" in err
    code, _out, err = run("pack", "--party", "GL", "-o", tmp_path / "x.pdf")
    assert code == 2
