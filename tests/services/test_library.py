"""The library of dossiers and the motion tracker over it (services/library.py), a party's record and the party
equivalences (services/parties.py), and the fraction pack (services/packs.py make_party_pack), on the test
library of tests/library.py: the demo dossiers and dossiers imported from the real files in tests/fixtures/."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date

import pytest

from raadsdossier.domain.errors import InvalidInput, NotFound
from raadsdossier.domain.votes import party_choice, side_changes
from raadsdossier.export.build import PackOptions
from raadsdossier.services import edits, lists, packs
from raadsdossier.services.dossiers import PartnershipFields, create_dossier
from raadsdossier.services.library import MotionFilter, motions, open_library, track
from raadsdossier.services.parties import forget_party, parties, party_record, same_party, saved_equivalences
from raadsdossier.storage.dossier import Dossier
from tests.conftest import REPO, sha256
from tests.export.conftest import pdf_pages, squash
from tests.library import GL_MOTION, GL_SECRET_TITLE, VOTED_MOTIONS

ARNHEM = "Arnhem – Wuhan"
PASSWORD = "geheim-wachtwoord"


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    """A private app folder: the party equivalences the tests record go there."""
    monkeypatch.setenv("RAADSDOSSIER_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture(scope="module")
def library(test_library):
    return open_library([test_library])


def arnhem_motion(rows):
    return next(row for row in rows if row["dossier"] == ARNHEM)


def involves(motion, party_names) -> bool:
    """Whether a party named in `party_names` submitted the motion (itself or through a member) or voted on it."""
    actors = motion["submitters"] + motion["co_submitters"]
    return any(a["party"] in party_names or a["name"] in party_names for a in actors) or any(
        c["party"] in party_names for vote in motion["votes"] for c in vote["choices"])


# -- the library --------------------------------------------------------------------------------------------------

def test_the_test_library_holds_twenty_motions_with_votes_per_party_across_eleven_dossiers(library):
    assert len(library.dossiers) == 11 and library.skipped == []
    voted = [m for m in motions(library, MotionFilter(include=frozenset({"internal", "confidential"})))
             if any(vote["choices"] for vote in m["votes"])]
    assert len(voted) == VOTED_MOTIONS == 20
    # Six of the Tweede Kamer's decisions in each of three dossiers (15 parties each), one roll call of 43 members.
    assert sorted(len(m["votes"][-1]["choices"]) for m in voted).count(15) == 18
    assert any(len(m["votes"][-1]["choices"]) == 43 and m["votes"][-1]["kind"] == "roll_call" for m in voted)


def test_the_tracker_lists_the_arnhem_motion_with_its_three_votes(library):
    motion = arnhem_motion(motions(library))
    assert motion["title"] == "Motie stedenband met Wuhan verbreken"
    assert motion["path"].endswith("arnhem-wuhan.raadsdossier")
    assert (motion["status"], motion["result"], motion["date"]) == ("adopted", "adopted", "2021-07")
    assert [vote["result"] for vote in motion["votes"]] == ["rejected", "rejected", "adopted"]
    assert [vote["recorded_result"] for vote in motion["votes"]] == ["rejected", "rejected", "adopted"]
    # The source says only how GroenLinks voted the third time, without seats: no count, the recorded result.
    assert motion["votes"][2]["choices"] == [{"party": "GroenLinks", "member": None, "choice": "for", "seats": None}]
    assert motion["votes"][2]["tally"] is None
    assert motion["follow_up"] is None and motion["confidentiality"] == "public"


def test_every_motion_has_the_keys_of_the_contract_in_their_order(library):
    keys = ["dossier", "path", "id", "reference", "title", "date", "status", "result", "confidentiality",
            "submitters", "co_submitters", "votes", "follow_up"]
    for motion in motions(library):
        assert list(motion) == keys
        for vote in motion["votes"]:
            assert list(vote) == ["date", "kind", "result", "recorded_result", "tally", "choices"]


def test_a_tk_vote_counts_the_seats_of_fifteen_parties(library):
    """Each decision of the Stemming page adds up to 150 seats, and all six were "Aangenomen. (Met handopsteken)"."""
    voted = [m for m in motions(library) if m["dossier"] == "Rotterdam – Shanghai" and m["votes"]]
    assert len(voted) == 6
    for motion in voted:
        vote = motion["votes"][0]
        assert sum(c["seats"] for c in vote["choices"]) == 150
        assert sum(vote["tally"].values()) == 150 and vote["tally"]["for"] > vote["tally"]["against"]
        assert (vote["result"], motion["status"]) == ("adopted", "adopted")


def test_the_roll_call_names_each_member_with_their_party(library):
    motion = next(m for m in motions(library) if m["reference"] == "M25")
    vote = motion["votes"][0]
    assert vote["kind"] == "roll_call" and vote["tally"] == {"for": 18, "against": 25, "not_voting": 0}
    assert all(c["member"] and c["party"] and c["seats"] is None for c in vote["choices"])
    assert vote["result"] == "rejected" and motion["submitters"] == [{"name": "Charlotte Passier", "party": "Volt"}]


def test_motions_are_newest_first_and_undated_last(library):
    dates = [m["date"] for m in motions(library)]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True) and dates[:len(dated)] == dated


# -- follow-up ------------------------------------------------------------------------------------------------------

def with_follow_up(demo_copy, deadline: str):
    path = demo_copy("arnhem-wuhan")
    with Dossier.open(path) as dossier:
        motion = lists.page(dossier, "motions")[0]
        motion["follow_up"] = {"state": "in_progress", "deadline": deadline, "entries": [
            {"date": "2021-09", "text": "Het college schrijft de burgemeester van Wuhan een brief.", "evidence_ids": []}]}
        edits.save_item(dossier, "motions", motion)
    return path


def test_a_follow_up_added_to_the_arnhem_motion_is_in_the_tracker_overdue_past_its_deadline(demo_copy):
    path = with_follow_up(demo_copy, "2021-12-31")
    late = open_library([path], today=date(2022, 1, 1))
    follow_up = arnhem_motion(motions(late))["follow_up"]
    assert follow_up == {"state": "in_progress", "deadline": "2021-12-31", "overdue": True, "entries": [
        {"date": "2021-09", "text": "Het college schrijft de burgemeester van Wuhan een brief.", "evidence_ids": []}]}
    assert [m["dossier"] for m in motions(late, MotionFilter(follow_up="overdue"))] == [ARNHEM]
    assert [m["dossier"] for m in motions(late, MotionFilter(follow_up="in_progress"))] == [ARNHEM]
    on_time = open_library([path], today=date(2021, 12, 31))
    assert arnhem_motion(motions(on_time))["follow_up"]["overdue"] is False
    assert motions(on_time, MotionFilter(follow_up="overdue")) == []



def test_the_arnhem_motions_follow_up_is_on_the_overview_in_its_json_and_in_its_pack(demo_copy, tmp_path):
    """The same entry, wherever a user looks: the Overzicht (overdue past its deadline), export-json and a pack."""
    from raadsdossier.export.build import PackOptions
    from raadsdossier.services import dashboard, packs
    from raadsdossier.services.dossiers import export_json
    from raadsdossier.storage.dossier import Dossier
    from tests.export.conftest import pdf_pages, squash

    path = with_follow_up(demo_copy, "2021-12-31")
    with Dossier.open(path, read_only=True) as dossier:
        overview = dashboard.overview(dossier, date(2022, 1, 1))
        exported = export_json(dossier)
        packs.make([dossier], tmp_path / "arnhem.pdf", PackOptions(sections=("motions",), today=date(2022, 1, 1)))
    assert [entry["title"] for entry in overview["overdue_follow_ups"]] == ["Motie stedenband met Wuhan verbreken"]
    assert overview["figures"]["attention"]["overdue_follow_ups"] == 1
    [motion] = exported["motions"]
    assert motion["follow_up"]["entries"][0]["text"] == "Het college schrijft de burgemeester van Wuhan een brief."
    text = squash(" ".join(pdf_pages(tmp_path / "arnhem.pdf")))
    assert "Uitvoering" in text and "bezig (te laat)" in text
    assert "september 2021 — Het college schrijft de burgemeester van Wuhan een brief." in text


def test_follow_ups_of_the_imports_and_motions_without_one(library):
    """The council systems' own notes (Notubiz, iBabs) come in as a follow-up of state unknown; the rest has none."""
    imported = motions(library, MotionFilter(follow_up="unknown"))
    assert sorted(m["dossier"] for m in imported) == ["Alkmaar – Nanjing"] * 2 + ["Altena – Zhuhai"] * 2 + [
        "Utrecht – Shanghai"]
    assert len(motions(library, MotionFilter(follow_up="none"))) == len(motions(library)) - 5
    assert motions(library, MotionFilter(follow_up="done")) == []


# -- filters ------------------------------------------------------------------------------------------------------

def test_party_lists_what_the_party_submitted_or_voted_on_and_nothing_else(library):
    everything = motions(library)
    names = {"GroenLinks"}
    found = motions(library, MotionFilter(party="GroenLinks"))
    assert found == [m for m in everything if involves(m, names)]
    # Alkmaar's two amendments (submitted by GroenLinks), the Arnhem motion (GroenLinks voted for) and Utrecht's
    # M25 (GroenLinks's members in the roll call); GroenLinks-PvdA of the Tweede Kamer is another party.
    assert sorted(m["dossier"] for m in found) == ["Alkmaar – Nanjing", "Alkmaar – Nanjing", ARNHEM,
                                                   "Utrecht – Shanghai"]


def test_a_party_is_found_by_its_abbreviation_in_any_case_and_spacing(library):
    by_name = motions(library, MotionFilter(party="Volkspartij voor Vrijheid en Democratie"))
    assert by_name and motions(library, MotionFilter(party="vvd")) == by_name
    assert motions(library, MotionFilter(party=" Partij voor de  dieren")) == motions(library, MotionFilter(party="PvdD"))


def test_submitter_status_and_since(library):
    found = motions(library, MotionFilter(submitter="SCHIPPER"))
    assert [m["title"] for m in found] == ["Vergunningverlening rond geitenhouderijen"]
    assert {m["status"] for m in motions(library, MotionFilter(status="rejected"))} == {"rejected"}
    since = motions(library, MotionFilter(since="2025-05"))
    assert since and all(m["date"] >= "2025-05" for m in since)
    assert len(motions(library, MotionFilter(since="2021"))) > len(motions(library, MotionFilter(since="2022")))


def test_a_filter_value_that_is_none_of_the_choices_is_refused_in_dutch():
    with pytest.raises(InvalidInput, match="onbekende status"):
        MotionFilter(status="aangenomen")
    with pytest.raises(InvalidInput, match="stand van uitvoering"):
        MotionFilter(follow_up="late")
    with pytest.raises(InvalidInput, match="geen datum"):
        MotionFilter(since="14-03-2024")
    with pytest.raises(InvalidInput, match="vertrouwelijkheidsniveau"):
        MotionFilter(include=frozenset({"secret"}))


def test_a_confidential_motion_is_listed_only_when_its_level_is_included(library):
    public = track(library, MotionFilter(party="GL"))
    assert [m["id"] for m in public.motions] == [GL_MOTION] and public.withheld == 1
    everything = track(library, MotionFilter(party="GL", include=frozenset({"confidential"})))
    assert GL_SECRET_TITLE in [m["title"] for m in everything.motions] and everything.withheld == 0


# -- parties ------------------------------------------------------------------------------------------------------

def test_two_spellings_of_one_party_merge_when_told_to_and_not_before(library, home):
    def groenlinks():
        return [m["id"] for m in motions(library, MotionFilter(party="GroenLinks"))]

    assert GL_MOTION not in groenlinks()
    assert {"GL", "GroenLinks"} & {p["name"] for p in parties(library)} == {"GL", "GroenLinks"}
    assert same_party(["GL", "GroenLinks"]) == ["GL", "GroenLinks"]
    assert (home / "partijen.json").exists() and saved_equivalences() == [["GL", "GroenLinks"]]
    assert GL_MOTION in groenlinks()
    merged = next(p for p in parties(library) if "GL" in p["spellings"])
    assert merged["name"] == "GroenLinks" and merged["spellings"] == ["GL", "GroenLinks"]
    assert "Nijmegen – Suzhou" in merged["dossiers"] and ARNHEM in merged["dossiers"]
    assert forget_party("GL") == ["GroenLinks"]
    assert GL_MOTION not in groenlinks() and saved_equivalences() == []


def test_equivalences_join_and_are_refused_for_one_spelling(home):
    same_party(["GL", "GroenLinks"])
    assert same_party(["Groen Links", "GL-PvdA", "gl"]) == ["GL", "GroenLinks", "GL-PvdA"]
    with pytest.raises(InvalidInput):
        same_party(["GL", " gl "])
    with pytest.raises(NotFound):
        forget_party("VVD")


def test_a_partys_record_its_motions_votes_and_where_it_changed_sides(library):
    record = party_record(library, "GroenLinks")
    assert record["party"] == "GroenLinks"
    assert [(s["dossier"], s["role"]) for s in record["submitted"]] == [("Alkmaar – Nanjing", "submitter")] * 2
    arnhem = [v for v in record["votes"] if v["dossier"] == ARNHEM]
    assert [(v["vote"], v["choice"], v["result"]) for v in arnhem] == [(3, "for", "adopted")]
    utrecht = next(v for v in record["votes"] if v["dossier"] == "Utrecht – Shanghai")
    assert utrecht["choice"] in ("for", "against")  # what most of its members chose in the roll call
    assert record["counts"]["for"] + record["counts"]["against"] == len(record["votes"]) == 2
    assert record["changed_sides"] == []
    with pytest.raises(NotFound, match="kent de partij"):
        party_record(library, "Piratenpartij")


def test_the_record_names_a_change_of_sides_between_two_votes(demo_copy):
    from tests.export.conftest import add_votes

    path = demo_copy("arnhem-wuhan")
    with Dossier.open(path) as dossier:
        add_votes(dossier, [("2021-09", [("GroenLinks", "for", 8), ("VVD", "against", 7)]),
                            ("2021-10", [("GroenLinks", "against", 8), ("VVD", "against", 7)])])
    record = party_record(open_library([path]), "groenlinks")
    assert [(c["from_vote"], c["to_vote"], c["before"], c["after"]) for c in record["changed_sides"]] == [
        (4, 5, "for", "against")]
    assert record["counts"] == {"for": 2, "against": 1, "not_voting": 0}


def test_side_changes_and_a_partys_choice_in_the_core():
    changes = side_changes([{"GL": "against", "VVD": "for"}, {"GL": "for"}, {"GL": "for", "VVD": "against"}])
    assert [(c.party, c.before, c.after, c.number) for c in changes] == [("GL", "against", "for", 1)]
    assert party_choice(["against"]) == "against" and party_choice([]) is None
    assert party_choice(["for", "against", "against"]) == "against" and party_choice(["against", "for"]) == "for"


# -- what is skipped, and what is read ----------------------------------------------------------------------------

def test_a_damaged_and_an_encrypted_dossier_are_skipped_and_named_and_the_rest_is_listed(demo_dir, tmp_path):
    folder = tmp_path / "bibliotheek"
    folder.mkdir()
    shutil.copy(demo_dir / "arnhem-wuhan.raadsdossier", folder)
    (folder / "kapot.raadsdossier").write_bytes(b"dit is geen dossier meer\n" * 100)
    create_dossier(folder / "geheim.raadsdossier", PartnershipFields("Delft", "municipality", "Jinan"), password=PASSWORD)
    library = open_library([folder])
    assert [d.name for d in library.dossiers] == [ARNHEM]
    assert [m["dossier"] for m in motions(library)] == [ARNHEM]
    reasons = {s.path.name: s.reason for s in library.skipped}
    assert reasons == {"geheim.raadsdossier": "Het dossier is versleuteld en er is geen wachtwoord voor gegeven.",
                       "kapot.raadsdossier": "Dit is een tekstbestand, geen Raadsdossier-dossier."}
    with_password = open_library([folder], PASSWORD)
    assert [d.name for d in with_password.dossiers] == [ARNHEM, "Delft – Jinan"]  # files by name
    assert with_password.password_of(folder / "geheim.raadsdossier") == PASSWORD
    assert [s.path.name for s in open_library([folder], "verkeerd-wachtwoord").skipped] == ["geheim.raadsdossier",
                                                                                           "kapot.raadsdossier"]


def test_a_dossier_open_for_writing_elsewhere_is_listed_and_no_lock_is_taken(demo_copy):
    path = demo_copy("arnhem-wuhan")
    with Dossier.open(path) as writer:
        assert writer.lock is not None
        assert [m["dossier"] for m in motions(open_library([path]))] == [ARNHEM]
    with Dossier.open(path) as again:  # the library left no lock behind
        assert again.lock is not None


def test_an_older_dossier_is_read_and_left_as_it_was(tmp_path):
    old = tmp_path / "oud.raadsdossier"
    shutil.copy(REPO / "tests" / "fixtures" / "dossiers" / "schema-0001-arnhem.raadsdossier", old)
    before = sha256(old)
    library = open_library([old])
    assert library.skipped == [] and arnhem_motion(motions(library))["title"] == "Motie stedenband met Wuhan verbreken"
    assert sha256(old) == before


def test_a_dossier_of_a_newer_raadsdossier_is_skipped_with_why(demo_copy):
    path = demo_copy("arnhem-wuhan")
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    library = open_library([path])
    assert library.dossiers == [] and "Werk Raadsdossier bij om het te openen" in library.skipped[0].reason


def test_paths_that_are_no_library_are_refused(tmp_path):
    with pytest.raises(InvalidInput, match="bestaat niet"):
        open_library([tmp_path / "nergens"])
    with pytest.raises(InvalidInput, match="geen dossiers"):
        open_library([tmp_path])


def test_a_dossier_given_twice_is_read_once(demo_dir):
    library = open_library([demo_dir / "arnhem-wuhan.raadsdossier", demo_dir])
    assert [d.name for d in library.dossiers].count(ARNHEM) == 1 and len(library.dossiers) == 4


def test_two_copies_of_one_partnership_are_told_apart_by_their_files(demo_dir, tmp_path):
    """A griffie's copy beside a councillor's in one folder: each copy, and each of its motions, named with its file
    after the partnership, as the window's tabs name them; the other dossiers keep their names."""
    for name in ("arnhem-wuhan", "arnhem-griffie"):
        shutil.copy(demo_dir / "arnhem-wuhan.raadsdossier", tmp_path / f"{name}.raadsdossier")
    shutil.copy(demo_dir / "breda-yangzhou.raadsdossier", tmp_path)
    library = open_library([tmp_path])
    names = [d.name for d in library.dossiers]
    assert names == [f"{ARNHEM} · arnhem-griffie", f"{ARNHEM} · arnhem-wuhan", "Breda – Yangzhou"]
    listed = track(library).motions
    assert {row["dossier"] for row in listed} >= set(names[:2])
    assert sum(row["dossier"] == f"{ARNHEM} · arnhem-griffie" for row in listed) == library.dossiers[0].motions > 0


# -- the fraction pack --------------------------------------------------------------------------------------------

def test_the_fraction_pack_holds_the_partys_motions_and_a_confidential_one_only_when_included(library, tmp_path):
    result = packs.make_party_pack(library, "GL", tmp_path / "gl.pdf", PackOptions(today=date(2026, 12, 1)))
    text = squash(" ".join(pdf_pages(result.written[0])))
    assert "Fractiestuk GL" in text and "Motie mensenrechten in de stedenband met Suzhou" in text
    assert GL_SECRET_TITLE not in text and "VERTROUWELIJK" not in text
    assert result.dossiers == ("Nijmegen – Suzhou",) and result.withheld_items == 1
    secret = packs.make_party_pack(library, "GL", tmp_path / "gl-alles.pdf",
                                   PackOptions(include=frozenset({"confidential"})))
    text = squash(" ".join(pdf_pages(secret.written[0])))
    assert GL_SECRET_TITLE in text and "VERTROUWELIJK" in text


def test_the_fraction_pack_groups_per_dossier_after_a_summary_with_the_partys_vote(library, tmp_path):
    result = packs.make_party_pack(library, "GroenLinks", tmp_path / "gl.pdf", PackOptions())
    pages = pdf_pages(result.written[0])
    text = squash(" ".join(pages))
    assert set(result.dossiers) == {"Alkmaar – Nanjing", ARNHEM, "Utrecht – Shanghai"}
    assert "Overzicht" in text and "Motie stedenband met Wuhan verbreken" in text
    assert "Stemming 3 (juli 2021): uitslag aangenomen" in text  # the motion in full, as motion packs print it
    assert text.index("Overzicht") < text.index("Arnhem – Wuhan Motie stedenband")
    assert "Zonder moties van GroenLinks" in text and "Rotterdam – Shanghai" in text
    with pytest.raises(NotFound):
        packs.make_party_pack(library, "Piratenpartij", tmp_path / "niets.pdf", PackOptions())


def test_the_fraction_pack_is_made_in_a_child_process_as_the_window_asks(library, tmp_path):
    result = packs.make_party_pack(library, "GL", tmp_path / "gl.html", PackOptions(), isolated=True)
    text = result.written[0].read_text(encoding="utf-8")
    assert "Motie mensenrechten in de stedenband met Suzhou" in text and GL_SECRET_TITLE not in text
