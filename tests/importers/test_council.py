"""Council systems: iBabs SOAP answers and Notubiz module items, on real captured files."""

from __future__ import annotations

import copy
import json
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import select

from raadsdossier.domain.enums import ActorRole, MotionStatus, VoteChoice, VoteKind, VoteResult
from raadsdossier.domain.errors import InvalidInput
from raadsdossier.domain.models import Commitment, Motion, Party, Person, QuestionSet, Source, UnassignedVote
from raadsdossier.storage.dossier import Dossier
from raadsdossier.importers import detect_format
from raadsdossier.importers.ibabs import parse_ibabs_date, read_ibabs, readable_name
from raadsdossier.importers._vote_line import parse_vote_line
from raadsdossier.importers.notubiz import read_notubiz
from raadsdossier.interchange.load import check_schema
from tests.conftest import sha256

COUNCIL = Path(__file__).resolve().parents[1] / "fixtures" / "council"
ENTRY = COUNCIL / "ibabs_list_entry_response.xml"
VOTES = COUNCIL / "ibabs_list_entry_votes_response.xml"
ALKMAAR = COUNCIL / "notubiz_alkmaar_motions.json"
ALTENA = COUNCIL / "notubiz_altena_motions.json"
MODULES = COUNCIL / "notubiz_alkmaar_modules.json"
ERMELO = COUNCIL / "notubiz_ermelo_ingekomen_stukken.json"

M25_TITLE = "Vergroen Amerhof – Van stenen tapijt naar ontmoetingsplek in het groen"
CO_SUBMITTERS = ["Pepijn Zwanenberg", "Anne Sasbrink", "Gert Dijkstra"]


@contextmanager
def stored_motions(path: Path):
    """The dossier's motions, live inside an open session."""
    with Dossier.open(path) as dossier, dossier.session() as session:
        yield list(session.scalars(select(Motion).order_by(Motion.date, Motion.title)))


def count(path: Path, model) -> int:
    """How many of `model` the dossier has; for unassigned votes, those still waiting to be assigned."""
    with Dossier.open(path) as dossier, dossier.session() as session:
        query = select(model)
        if model is UnassignedVote:
            query = query.where(UnassignedVote.assigned_to_id.is_(None))
        return len(session.scalars(query).all())


def assert_one_line_error(code: int, err: str, path: Path) -> None:
    assert code == 1
    assert err.strip().count("\n") == 0, err
    assert str(path) in err and "Traceback" not in err


# -- iBabs: the motion -------------------------------------------------------------------------

def test_the_ibabs_list_entry_is_motion_m25_rejected_with_its_submitters():
    document = read_ibabs(ENTRY)
    (motion,) = document["motions"]
    assert motion["reference"] == "M25"
    assert motion["title"] == M25_TITLE
    assert motion["date"] == "2026-01-29"
    assert motion["status"] == "rejected"
    people = {p["id"]: p for p in document["people"]}
    parties = {p["id"]: p["name"] for p in document["parties"]}
    (submitter,) = [people[a["person"]] for a in motion["submitters"]]
    assert submitter["name"] == "Charlotte Passier"
    assert submitter["description"] == "Passier, C.E. (Charlotte) (Volt)"  # the string as iBabs wrote it
    assert parties[submitter["party_id"]] == "Volt"
    co = [people[a["person"]] for a in motion["co_submitters"]]
    assert [p["name"] for p in co] == CO_SUBMITTERS
    assert [parties[p["party_id"]] for p in co] == ["LINK", "Partij voor de Dieren", "EenUtrecht"]


@pytest.mark.parametrize("keys", [
    {"Onderwerp": "Titel", "Datum": "Datum indiening", "Indiener(s)": "Indieners", "Mede-indieners": "Medeondertekenaars"},
    {"Datum": "Datum motie", "Indiener(s)": "Indiener", "Mede-indieners": "Mede-indiener(s)"},
    {"Onderwerp": "ONDERWERP", "Datum": "datum", "Indiener(s)": "indiener(s)", "Mede-indieners": " Mede-Indieners "},
])
def test_other_councils_key_names_give_the_same_motion(tmp_path, keys):
    # Constructed from the real Utrecht answer with the keys other councils' list templates use (the spellings
    # openbesluitvorming's src/ibabs/normalize.ts reads).
    text = ENTRY.read_text(encoding="utf-8")
    for old, new in keys.items():
        assert f"<b:Key>{old}</b:Key>" in text
        text = text.replace(f"<b:Key>{old}</b:Key>", f"<b:Key>{new}</b:Key>")
    path = tmp_path / "motie.xml"
    path.write_text(text, encoding="utf-8")
    (motion,) = read_ibabs(path)["motions"]
    expected = read_ibabs(ENTRY)["motions"][0]
    for field in ("reference", "title", "date", "status", "submitters", "co_submitters", "follow_up"):
        assert motion[field] == expected[field], field


def test_the_other_ibabs_values_are_kept_verbatim_in_follow_up():
    follow_up = read_ibabs(ENTRY)["motions"][0]["follow_up"].split("\n")
    # The Agendapunt value holds a literal backslash-n; it is read as a line break.
    assert follow_up[:2] == ["Agendapunt: Gemeenteraad 29-1-2026",
                             "23 Afrondende besluitvorming na debat over Versnellingsaanpak Groene Schaalsprong; "
                             "Schriftelijke vragen Vergroening van de Amerhof"]
    assert "Status: Motie verworpen" in follow_up
    assert "Portefeuillehouder: Wethouder Voortman" in follow_up
    assert "Beleidsveld: Groen" in follow_up
    assert not any(line.startswith(("Kenmerk", "Deadline", "Afgedaan")) for line in follow_up)  # empty or "0"


def test_ibabs_sources_record_the_format_the_entry_id_the_file_and_the_public_download():
    document = read_ibabs(ENTRY)
    entry_source, pdf = document["sources"]
    assert entry_source["title"] == "iBabs-lijstitem 7381 (ibabs, bestand ibabs_list_entry_response.xml)"
    assert entry_source["publisher"] == "iBabs Utrecht"
    assert pdf["title"] == "M25 " + M25_TITLE
    assert pdf["url"] == ("https://api1.ibabs.eu/publicdownload.aspx?site=Utrecht"
                          "&id=cc872c5d-ca9f-4d7b-828c-5816333910ff")
    assert document["motions"][0]["source_ids"] == [entry_source["id"], pdf["id"]]
    for item in document["people"] + document["parties"]:
        assert item["source_ids"] == [entry_source["id"]]


# -- iBabs: the votes --------------------------------------------------------------------------

def test_the_ibabs_votes_are_one_roll_call_of_43_members_18_for_25_against():
    document = read_ibabs(VOTES)
    (vote,) = document["unassigned_votes"]
    assert vote["kind"] == "roll_call"
    assert "68d37cf2-5acf-4443-a605-a15c30565b2a" in vote["decision"]
    choices = [c["choice"] for c in vote["choices"]]
    assert len(choices) == 43 and choices.count("for") == 18 and choices.count("against") == 25
    people = {p["id"]: p for p in document["people"]}
    parties = {p["id"]: p["name"] for p in document["parties"]}
    assert len(people) == 43 and len(parties) == 16
    assert "Student & Starter" in parties.values()  # &amp; in the XML
    by_name = {p["name"]: parties[p["party_id"]] for p in people.values()}
    assert by_name["Maarten van Heuven"] == "Partij voor de Dieren"  # "Heuven, Maarten van"
    assert by_name["Berdien van der Wilt"] == "D66"
    assert by_name["Melody Deldjou Fard"] == "GroenLinks"
    (source,) = document["sources"]
    assert source["title"].endswith("(ibabs, bestand ibabs_list_entry_votes_response.xml)")
    assert vote["source_ids"] == [source["id"]]


def test_submitters_and_voters_are_the_same_people_in_both_files():
    entry_people = {p["name"]: p["id"] for p in read_ibabs(ENTRY)["people"]}
    voters = {p["name"]: p["id"] for p in read_ibabs(VOTES)["people"]}
    for name in ["Charlotte Passier", *CO_SUBMITTERS]:
        assert entry_people[name] == voters[name]


@pytest.mark.parametrize("written, expected", [
    ("Passier, C.E. (Charlotte) (Volt)", ("Charlotte Passier", "Volt")),
    ("Heuven, M. van (Maarten) (Partij voor de Dieren)", ("Maarten van Heuven", "Partij voor de Dieren")),
    ("Passier, C.E. (Volt)", ("C.E. Passier", "Volt")),
    ("Broek, Job van den", ("Job van den Broek", None)),
    ("Charlotte Passier", ("Charlotte Passier", None)),
])
def test_names_are_written_call_name_first(written, expected):
    assert readable_name(written) == expected


def test_ibabs_dates_in_sql_server_form_and_iso():
    assert parse_ibabs_date("Jan 29 2026 12:00AM").isoformat() == "2026-01-29"
    assert parse_ibabs_date("Sep  3 2025  7:30PM").isoformat() == "2025-09-03"
    assert parse_ibabs_date("2025-09-03T00:00:00").isoformat() == "2025-09-03"
    assert parse_ibabs_date("Feb 30 2026 12:00AM") is None
    assert parse_ibabs_date("29 januari 2026") is None


# -- iBabs: through the command line -----------------------------------------------------------

def _assign_the_vote(run, dossier_path: Path) -> None:
    vote_id = read_ibabs(VOTES)["unassigned_votes"][0]["id"]
    motion_id = read_ibabs(ENTRY)["motions"][0]["id"]
    code, out, err = run("assign-vote", dossier_path, vote_id, motion_id)
    assert code == 0, err


@pytest.mark.parametrize("order", [(ENTRY, VOTES), (VOTES, ENTRY)], ids=["motie-eerst", "stemmen-eerst"])
def test_both_ibabs_files_in_one_import_in_either_order_give_the_motion_and_its_vote(run, new_dossier, order):
    code, out, err = run("import", new_dossier, *order)
    assert code == 0, err
    vote_id = read_ibabs(VOTES)["unassigned_votes"][0]["id"]
    assert f"let op: {VOTES}: de stemmen noemen hun motie alleen bij het iBabs-id" in err
    assert f"raadsdossier assign-vote DOSSIER {vote_id} MOTIE-ID" in err
    assert "1 motie" in out and "1 niet-toegewezen stemming" in out and "43 personen" in out and "16 fracties" in out
    assert count(new_dossier, UnassignedVote) == 1
    with stored_motions(new_dossier) as (motion,):
        assert motion.votes == []  # the files share no key: the user assigns the vote once

    _assign_the_vote(run, new_dossier)
    assert count(new_dossier, UnassignedVote) == 0
    with stored_motions(new_dossier) as (motion,):
        _check_m25(motion)
    assert count(new_dossier, Person) == 43 and count(new_dossier, Party) == 16


def _check_m25(motion: Motion) -> None:
    assert (motion.reference, motion.title, motion.date) == ("M25", M25_TITLE, "2026-01-29")
    assert motion.status is MotionStatus.REJECTED
    assert motion.submitter_names == ["Charlotte Passier (Volt)"]
    assert motion.co_submitter_names == ["Pepijn Zwanenberg (LINK)", "Anne Sasbrink (Partij voor de Dieren)",
                                         "Gert Dijkstra (EenUtrecht)"]
    (vote,) = motion.votes
    assert vote.kind is VoteKind.ROLL_CALL
    assert (vote.tally.for_, vote.tally.against, vote.tally.not_voting) == (18, 25, 0)
    assert vote.computed_result is VoteResult.REJECTED
    assert motion.final_result is VoteResult.REJECTED
    passier = next(c for c in vote.choices if c.person.name == "Charlotte Passier")
    assert passier.choice is VoteChoice.FOR and passier.person.party.name == "Volt"


def test_ibabs_files_imported_apart_and_again_add_nothing_the_second_time(run, new_dossier):
    assert run("import", new_dossier, VOTES)[0] == 0
    assert run("import", new_dossier, ENTRY)[0] == 0
    code, out, err = run("import", new_dossier, ENTRY, VOTES)
    assert code == 0, err
    assert "toegevoegd: niets" in out
    assert count(new_dossier, Motion) == 1 and count(new_dossier, UnassignedVote) == 1
    assert count(new_dossier, Person) == 43 and count(new_dossier, Source) == 3


def test_a_dry_run_of_the_ibabs_files_changes_nothing(run, new_dossier):
    before = sha256(new_dossier)
    code, out, err = run("import", "--dry-run", new_dossier, ENTRY, VOTES)
    assert code == 0, err
    assert "proefimport (niets opgeslagen)" in out and "1 motie" in out
    assert sha256(new_dossier) == before
    from raadsdossier.storage.backups import list_backups

    assert list_backups(new_dossier) == []  # nor an automatic backup when it was closed


def test_the_ibabs_files_are_recognised():
    assert detect_format(ENTRY).name == "ibabs"
    assert detect_format(VOTES).name == "ibabs"


def test_ibabs_ids_are_the_same_for_the_same_answer():
    assert read_ibabs(ENTRY) == read_ibabs(ENTRY)
    assert read_ibabs(VOTES) == read_ibabs(VOTES)


# -- iBabs: bad input --------------------------------------------------------------------------

def test_a_truncated_ibabs_answer_is_refused_and_the_dossier_is_untouched(run, new_dossier, tmp_path):
    broken = tmp_path / "afgebroken.xml"
    broken.write_bytes(ENTRY.read_bytes()[:1500])
    before = sha256(new_dossier)
    code, out, err = run("import", new_dossier, VOTES, broken)
    assert_one_line_error(code, err, broken)
    assert "geen geldige XML" in err and "houdt halverwege" in err
    assert sha256(new_dossier) == before


def test_xml_with_entities_is_refused_before_anything_is_expanded(tmp_path):
    bomb = tmp_path / "entiteiten.xml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                    '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>'
                    '<GetListEntryResponse xmlns="http://tempuri.org/">&b;</GetListEntryResponse>'
                    '</s:Body></s:Envelope>', encoding="utf-8")
    assert detect_format(bomb).name == "ibabs"
    with pytest.raises(InvalidInput, match="DTD of entiteiten"):
        read_ibabs(bomb)


@pytest.mark.parametrize("change, message", [
    (("Jan 29 2026 12:00AM", "29-01-2026 's avonds"), "'Datum': '29-01-2026 's avonds' is geen datum"),
    (("<b:Key>Onderwerp</b:Key><b:Value>M25 Vergroen Amerhof – Van stenen tapijt naar ontmoetingsplek in het "
      "groen</b:Value>", "<b:Key>Onderwerp</b:Key><b:Value/>"), "'Onderwerp' of 'Titel' (de titel van de motie) "
                                                                "ontbreekt"),
    (("<Status xmlns=\"http://schemas.datacontract.org/2004/07/iBabsWCFObjects.Base\">OK</Status>",
      "<Status xmlns=\"http://schemas.datacontract.org/2004/07/iBabsWCFObjects.Base\">ERR</Status>"),
     "iBabs meldt status 'ERR'"),
])
def test_bad_ibabs_values_are_named(tmp_path, change, message):
    path = tmp_path / "motie.xml"
    text = ENTRY.read_text(encoding="utf-8")
    assert change[0] in text
    path.write_text(text.replace(change[0], change[1]), encoding="utf-8")
    with pytest.raises(InvalidInput, match=message.replace("(", r"\(").replace(")", r"\)")) as caught:
        read_ibabs(path)
    assert caught.value.source == path


def test_a_votes_answer_with_a_vote_that_is_neither_true_nor_false_is_refused(tmp_path):
    path = tmp_path / "stemmen.xml"
    text = VOTES.read_text(encoding="utf-8").replace("<a:Vote>true</a:Vote>", "<a:Vote>misschien</a:Vote>", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"<iBabsListEntryVote> 3 \(Heuven, Maarten van\): <Vote> 'misschien'"):
        read_ibabs(path)


def test_another_soap_answer_is_refused(tmp_path):
    path = tmp_path / "vergaderingen.xml"
    path.write_text('<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>'
                    '<GetMeetingsByDateRangeResponse xmlns="http://tempuri.org/"/></s:Body></s:Envelope>')
    with pytest.raises(InvalidInput, match="<GetMeetingsByDateRangeResponse>; verwacht <GetListEntryResponse>"):
        read_ibabs(path)


def test_files_over_50_mb_are_refused_without_reading_them(run, new_dossier, tmp_path):
    huge = tmp_path / "groot.xml"
    with huge.open("wb") as handle:
        handle.write(ENTRY.read_bytes()[:200])
        handle.truncate(50 * 1024 * 1024 + 1)  # sparse: nothing is written to disk
    before = sha256(new_dossier)
    code, out, err = run("import", "--format", "ibabs", new_dossier, huge)
    assert_one_line_error(code, err, huge)
    assert "groter dan 50 MB" in err
    assert sha256(new_dossier) == before
    big_json = tmp_path / "groot.json"
    big_json.write_bytes(b"")
    with big_json.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024 + 1)
    with pytest.raises(InvalidInput, match="groter dan 50 MB"):
        read_notubiz(big_json)


# -- Notubiz: motions and amendments -----------------------------------------------------------

def _by_title(document: dict) -> dict[str, dict]:
    return {m["title"]: m for m in document["motions"]}


def test_the_alkmaar_amendments_carry_their_outcomes():
    document = read_notubiz(ALKMAAR)
    parties = {p["id"]: p["name"] for p in document["parties"]}
    motions_ = _by_title(document)
    rejected = motions_["Amendement: 15-A-1 Amendement - GL PvdA - Geotechnisch onderzoek mogelijkheden "
                        "woningbouw op die plek"]
    adopted = motions_["Amendement: 17-A-1 Amendement - GL PvdA - Een Jongerenraad met stem en mandaat"]
    assert rejected["status"] == "rejected" and adopted["status"] == "adopted"
    assert rejected["date"] == adopted["date"] == "2026-01-22"
    for motion, word, result in ((rejected, "verworpen", "rejected"), (adopted, "aangenomen", "adopted")):
        assert [parties[a["party"]] for a in motion["submitters"]] == ["GroenLinks", "PvdA"]
        assert f"Stemming: {word}" in motion["follow_up"].split("\n")  # the outcome, verbatim, under its label
        (vote,) = motion["votes"]
        assert vote == {"kind": "party", "result": result, "note": word, "choices": [], "date": "2026-01-22"}
    sources = {s["id"]: s for s in document["sources"]}
    item_source, main, settled = (sources[i] for i in rejected["source_ids"])
    assert item_source["title"] == "Notubiz-item 1124979 (notubiz, bestand notubiz_alkmaar_motions.json)"
    assert main["url"] == "https://api.notubiz.nl/document/16506217/1"
    assert settled["title"].endswith("(Karperton) - verworpen")


def test_the_altena_motions_keep_their_vote_lines_verbatim_and_name_their_people():
    document = read_notubiz(ALTENA)
    people = {p["id"]: p["name"] for p in document["people"]}
    parties = {p["id"]: p["name"] for p in document["parties"]}
    goats = _by_title(document)["Vergunningverlening rond geitenhouderijen"]
    assert goats["status"] == "adopted" and goats["date"] == "2026-07-07"
    assert [people.get(a.get("person")) or parties[a["party"]] for a in goats["submitters"]] == [
        "Claudia Schipper-Heijmans", "Henri de Raad", "CDA", "SGP"]
    assert [people[a["person"]] for a in goats["co_submitters"]] == ["Philip den Haan", "Jan Kolff"]
    (vote,) = goats["votes"]
    assert vote["note"] == ("Stemmen voor: 23 CDA, AL, SGP, VVD, FVD, H. Timmermans (VVA), en A. de Weerd (VVA)\n"
                            "Stemmen tegen: 7 PA, CU, A. Visser (VVA) en A. de Jong (VVA)")
    assert vote["result"] == "adopted"
    assert vote["choices"] == []  # only totals per side: seats per party are not in the line
    follow_up = goats["follow_up"].split("\n")
    assert "Uitslag: Aangenomen" in follow_up
    assert "Portefeuillehouder: J.P. Neven (Wethouder)" in follow_up
    assert "Termijn afdoening: 2026-09-30" in follow_up
    register = _by_title(document)["Een open en transparante gemeente subsidieregister"]
    assert register["votes"][0]["note"] == "Stemmen voor: 27 - overige fracties\nStemmen tegen: 3 - PA"
    assert register["votes"][0]["choices"] == []


def test_notubiz_motions_in_the_dossier(run, new_dossier):
    code, out, err = run("import", new_dossier, ALKMAAR, ALTENA)
    assert code == 0, err
    assert "4 moties" in out
    with stored_motions(new_dossier) as stored:
        _check_notubiz_motions({m.title: m for m in stored})


def _check_notubiz_motions(found: dict[str, Motion]) -> None:
    goats = found["Vergunningverlening rond geitenhouderijen"]
    assert goats.status is MotionStatus.ADOPTED
    assert goats.submitter_names == ["Claudia Schipper-Heijmans", "Henri de Raad", "CDA", "SGP"]
    (vote,) = goats.votes
    assert vote.tally is None and vote.recorded_result is VoteResult.ADOPTED and not vote.disagrees
    assert goats.final_result is VoteResult.ADOPTED
    amendment = found["Amendement: 15-A-1 Amendement - GL PvdA - Geotechnisch onderzoek mogelijkheden "
                      "woningbouw op die plek"]
    assert amendment.final_result is VoteResult.REJECTED and amendment.status is MotionStatus.REJECTED


def test_a_notubiz_vote_line_that_fixes_the_seats_becomes_a_party_vote(run, new_dossier, tmp_path):
    # The real Altena item with a vote line of the shape Altena uses, written so that it fixes the seats.
    data = json.loads(ALTENA.read_text(encoding="utf-8"))
    item = data["items"][0]
    line = next(a for a in item["attributes"] if a["id"] == 61)
    line["values"][0]["content"] = ("<p>Stemmen voor: 21 CDA, H. Timmermans (VVA) en A. de Weerd (VVA)</p>\n"
                                    "<p>Stemmen tegen: 9 - PA</p>")
    path = tmp_path / "altena.json"
    path.write_text(json.dumps({"items": [item]}, ensure_ascii=False), encoding="utf-8")
    assert run("import", new_dossier, path)[0] == 0
    with stored_motions(new_dossier) as (motion,):
        (vote,) = motion.votes
        assert [(c.party.name, c.choice.value, c.seats) for c in vote.choices] == [
            ("CDA", "for", 19), ("VVA", "for", 2), ("PA", "against", 9)]
        assert (vote.tally.for_, vote.tally.against) == (21, 9)
        assert vote.computed_result is VoteResult.ADOPTED and not vote.disagrees
        assert vote.note.startswith("Stemmen voor: 21 CDA")
    # The submitting CDA and the CDA of the vote line are one party.
    assert count(new_dossier, Party) == 4  # CDA, SGP, VVA, PA


@pytest.mark.parametrize("line, expected", [
    ("Stemmen voor: 27 - overige fracties\nStemmen tegen: 3 - PA", None),
    ("Stemmen voor: 23 CDA, AL, SGP\nStemmen tegen: 7 PA", None),
    ("Stemmen tegen: 3 - PA", None),  # the votes for are not given
    ("Stemmen voor: VVD (8), CDA (6)\nStemmen tegen: 5 PA", [("VVD", "for", 8), ("CDA", "for", 6),
                                                             ("PA", "against", 5)]),
    ("Stemmen voor: 15 VVD (8), CDA (6)\nStemmen tegen: 5 PA", None),  # 8 + 6 is not 15
    ("Aangenomen met algemene stemmen", None),
])
def test_vote_lines_are_parsed_only_where_they_fix_every_party_s_seats(line, expected):
    parsed = parse_vote_line(line)
    assert (None if parsed is None else [(n, c.value, s) for n, c, s in parsed]) == expected


# -- Notubiz: written questions and commitments ------------------------------------------------

def _constructed(module: int, attributes: list[dict]) -> dict:
    """A real Alkmaar item moved to another module with other attributes (no real module 3/4 capture exists)."""
    item = copy.deepcopy(json.loads(ALKMAAR.read_text(encoding="utf-8"))["items"][0])
    item.update(id=2000001, module_id=module, attributes=attributes)
    return {"items": [item]}


def _attribute(attribute_id: int, label: str, content, datatype="varchar", model: str | None = None) -> dict:
    values = [{"meta_data": {"reference_model": model, "label": c[1]} if model else None,
               "content": c[0] if model else c} for c in (content if isinstance(content, list) else [content])]
    return {"label": label, "id": attribute_id, "datatype": datatype, "values": values}


def test_written_questions_become_a_question_set_without_questions(tmp_path, run, new_dossier):
    path = tmp_path / "vragen.json"
    path.write_text(json.dumps(_constructed(4, [
        _attribute(1, "Onderwerp", "Stedenband met Dalian"),
        _attribute(15, "Datum ingediend", "2025-03-03 00:00:00", "datetime"),
        _attribute(17, "Datum beantwoord", "2025-04-01 00:00:00", "datetime"),
        _attribute(36, "Vragensteller", [(187947, "Claudia Schipper-Heijmans")], "integer", "person"),
        _attribute(37, "Fractie", [(2, "CDA")], "integer", "party"),
        _attribute(23, "Portefeuillehouder", [(272313, "J.P. Neven (Wethouder)")], "integer", "role"),
    ])), encoding="utf-8")
    (question_set,) = read_notubiz(path)["question_sets"]
    assert question_set["title"] == "Stedenband met Dalian" and question_set["kind"] == "council_questions"
    assert (question_set["submitted_on"], question_set["answered_on"]) == ("2025-03-03", "2025-04-01")
    assert question_set["questions"] == []
    assert question_set["addressees"] == [{"name": "J.P. Neven (Wethouder)"}]
    assert run("import", new_dossier, path)[0] == 0
    with Dossier.open(new_dossier) as dossier, dossier.session() as session:
        stored = session.scalars(select(QuestionSet)).one()
        assert stored.actor_names(ActorRole.SUBMITTER) == ["Claudia Schipper-Heijmans", "CDA"]
        assert stored.questions == [] and stored.answered_on.isoformat() == "2025-04-01"


@pytest.mark.parametrize("written, status", [("Afgedaan", "fulfilled"), ("Niet afgedaan", "open"),
                                             ("Vervallen", "withdrawn"), (None, "open")])
def test_commitments_keep_their_deadline_and_status(tmp_path, written, status):
    attributes = [
        _attribute(1, "Toezegging", "Raad informeren over de stedenband"),
        _attribute(15, "Datum", "2025-02-10 00:00:00", "datetime"),
        _attribute(28, "Termijn afdoening", "2025-06-30 00:00:00", "datetime"),
        _attribute(23, "Portefeuillehouder", [(272313, "J.P. Neven (Wethouder)")], "integer", "role"),
        _attribute(35, "Toelichting", "<p>Voor het zomerreces.</p>", "text"),
    ] + ([_attribute(62, "Status", written)] if written else [])
    path = tmp_path / "toezeggingen.json"
    path.write_text(json.dumps(_constructed(3, attributes)), encoding="utf-8")
    (commitment,) = read_notubiz(path)["commitments"]
    assert commitment["title"] == "Raad informeren over de stedenband"
    assert (commitment["promised_on"], commitment["deadline"]) == ("2025-02-10", "2025-06-30")
    assert commitment["status"] == status
    assert commitment["promised_by"] == [{"name": "J.P. Neven (Wethouder)"}]
    assert commitment["description"].startswith("Voor het zomerreces.")
    if written:
        assert f"Status: {written}" in commitment["description"]


def test_notubiz_commitments_reach_the_dossier(tmp_path, run, new_dossier):
    path = tmp_path / "toezeggingen.json"
    path.write_text(json.dumps(_constructed(3, [_attribute(1, "Titel", "Evaluatie stedenband"),
                                                _attribute(17, "Afgedaan op", "2025-05-01 00:00:00", "datetime")])))
    assert run("import", new_dossier, path)[0] == 0
    with Dossier.open(new_dossier) as dossier, dossier.session() as session:
        stored = session.scalars(select(Commitment)).one()
        assert stored.title == "Evaluatie stedenband" and stored.status.value == "fulfilled"


# -- Notubiz: the files, twice, dry, and bad ---------------------------------------------------

def test_the_notubiz_files_are_recognised():
    assert detect_format(ALKMAAR).name == "notubiz"
    assert detect_format(ALTENA).name == "notubiz"
    assert detect_format(MODULES).name == "notubiz"  # recognised, so that it is refused with a reason


def test_items_that_start_with_their_attachments_are_recognised(run, new_dossier):
    # Ermelo's items begin with 6 KiB of attachments before "module_id"; module 1 is not read.
    assert detect_format(ERMELO).name == "notubiz"
    code, out, err = run("import", new_dossier, ERMELO)
    assert code == 3, err
    assert "2 items van module 1 overgeslagen" in err


def test_an_item_s_attachments_become_its_sources(tmp_path):
    # Constructed from two real files: Altena's first motion with Ermelo's seven attachments put first, as
    # Ermelo's items have them.
    motion = json.loads(ALTENA.read_text(encoding="utf-8"))["items"][0]
    attachments = json.loads(ERMELO.read_text(encoding="utf-8"))["items"][0]["attachments"]
    path = tmp_path / "altena_attachments_first.json"
    path.write_text(json.dumps({"items": [{"attachments": attachments, **motion}]}, indent=2), encoding="utf-8")
    assert detect_format(path).name == "notubiz"
    document = read_notubiz(path)
    (read,) = document["motions"]
    titles = {s["id"]: s["title"] for s in document["sources"]}
    attached = [titles[i] for i in read["source_ids"] if titles[i] in
                {d["title"] for d in attachments["document"]}]
    assert len(attached) == 7 and "Vragen CDA Informatiememo Wegenbeheerplan" in attached
    by_title = {s["title"]: s for s in document["sources"]}
    assert by_title["Vragen CDA Informatiememo Wegenbeheerplan"]["url"] == "https://api.notubiz.nl/document/16508676/1"


def test_every_council_document_passes_the_schema_and_is_stable():
    for read, path in ((read_notubiz, ALKMAAR), (read_notubiz, ALTENA), (read_ibabs, ENTRY), (read_ibabs, VOTES)):
        document = read(path)
        check_schema(document, path)
        assert document == read(path)


def test_importing_notubiz_twice_adds_nothing_the_second_time_and_a_dry_run_nothing_at_all(run, new_dossier):
    before = sha256(new_dossier)
    code, out, err = run("import", "--dry-run", new_dossier, ALKMAAR)
    assert code == 0 and "2 moties" in out
    assert sha256(new_dossier) == before
    assert run("import", new_dossier, ALKMAAR)[0] == 0
    code, out, err = run("import", new_dossier, ALKMAAR)
    assert code == 0 and "toegevoegd: niets" in out and "bijgewerkt:" in out
    assert count(new_dossier, Motion) == 2


@pytest.mark.parametrize("content, words", [
    (None, "herkend als notubiz, maar het bestand bevat 6 modules van Notubiz — de modulelijst bevat geen items."),
    ('{"items": []}', "herkend als notubiz, maar het bestand bevat geen items."),
], ids=["module-list", "no-items"])
def test_the_module_list_and_an_empty_item_list_are_nothing_to_import(run, new_dossier, tmp_path, content, words):
    path = MODULES if content is None else tmp_path / "notubiz.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    before = sha256(new_dossier)
    code, out, err = run("import", "--format", "notubiz", new_dossier, path)
    assert code == 3 and out == "", err
    assert f"raadsdossier: {path}: niets te importeren: {words}" in err
    assert ("modulelijst van Notubiz" if content is None else "de lijst 'items' is leeg") in err
    assert sha256(new_dossier) == before


@pytest.mark.parametrize("content, fmt, message", [
    ("[1, 2, 3]", "notubiz", "verwacht een JSON-object met een lijst 'items'"),
    ("[1, 2, 3]", "auto", "niet herkend"),
    ('{"items": [1]}', "notubiz", "items[0]: verwacht een Notubiz-item"),
    ('{"items": [{"id": 1, "module_id": 6', "notubiz", "geen geldige JSON op regel 1"),
])
def test_json_of_the_wrong_shape_is_refused(run, new_dossier, tmp_path, content, fmt, message):
    path = tmp_path / "notubiz.json"
    path.write_text(content, encoding="utf-8")
    before = sha256(new_dossier)
    code, out, err = run("import", "--format", fmt, new_dossier, path)
    assert_one_line_error(code, err, path)
    assert message in err
    assert sha256(new_dossier) == before


def test_an_attribute_with_a_non_numeric_id_is_refused_naming_the_item(run, new_dossier, tmp_path):
    data = json.loads(ALKMAAR.read_text(encoding="utf-8"))
    data["items"][1]["attributes"][1]["id"] = "titel"
    path = tmp_path / "alkmaar.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    before = sha256(new_dossier)
    code, out, err = run("import", new_dossier, ALTENA, path)
    assert_one_line_error(code, err, path)
    assert "items[1] (item 1125193): attributes[1].id: \"titel\" is geen attribuutnummer" in err
    assert sha256(new_dossier) == before


def test_items_of_other_modules_are_skipped_and_reported(run, new_dossier, tmp_path):
    data = json.loads(ALKMAAR.read_text(encoding="utf-8"))
    data["items"][0]["module_id"] = 19  # Raadsvoorstellen
    path = tmp_path / "gemengd.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run("import", new_dossier, path)
    assert code == 0, err
    assert "1 motie," in out and "overgeslagen: 1 notubiz-items (module 19)" in out
    assert f"let op: {path}: 1 item van module 19 overgeslagen" in err
    assert count(new_dossier, Motion) == 1


def test_a_file_with_only_items_of_another_module_is_nothing_to_import(tmp_path):
    data = json.loads(ALKMAAR.read_text(encoding="utf-8"))
    for item in data["items"]:
        item["module_id"] = 19
    path = tmp_path / "voorstellen.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    document = read_notubiz(path)
    assert set(document) == {"format", "report"}
    assert document["report"]["skipped"] == {"notubiz-items (module 19)": len(data["items"])}
    (warning,) = document["report"]["warnings"]
    assert len(data["items"]) > 1
    assert warning.startswith(f"{len(data['items'])} items van module 19 overgeslagen; Raadsdossier leest alleen "
                              "moties en amendementen")


@pytest.mark.parametrize("change, message", [
    (lambda item: item["attributes"][2]["values"][0].update(content="22 januari 2026"),
     "attribuut 15 ('Datum'): '22 januari 2026' is geen datum"),
    (lambda item: item.update(attributes={"1": "x"}), "'attributes' is een object, geen lijst"),
])
def test_bad_notubiz_items_are_named(tmp_path, change, message):
    data = json.loads(ALKMAAR.read_text(encoding="utf-8"))
    change(data["items"][0])
    path = tmp_path / "alkmaar.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InvalidInput, match=message.replace("(", r"\(").replace(")", r"\)")) as caught:
        read_notubiz(path)
    assert str(caught.value).startswith(f"{path}: items[0] (item 1124979): ")


def test_ibabs_and_notubiz_files_in_one_import(run, new_dossier, tmp_path):
    shutil.copy(ENTRY, tmp_path / "m25.xml")
    code, out, err = run("import", new_dossier, ALTENA, tmp_path / "m25.xml")
    assert code == 0, err
    assert count(new_dossier, Motion) == 3
