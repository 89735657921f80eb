"""Tweede Kamer OData JSON: real Zaak, Fractie and Stemming pages, the votes on them, and hostile input."""

from __future__ import annotations

import json
import random
import tracemalloc
import uuid
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from raadsdossier.domain.enums import MotionStatus, VoteKind, VoteResult
from raadsdossier.domain.errors import InvalidInput
from raadsdossier.domain.models import Motion, Party, UnassignedVote
from raadsdossier.storage.dossier import Dossier
from raadsdossier.importers import _tk_records as tk_records, detect_format, question_text, tk_odata
from raadsdossier.importers.tk_odata import read_tk_odata
from raadsdossier.interchange.load import check_schema
from tests.conftest import sha256

TK = Path(__file__).resolve().parents[1] / "fixtures" / "tk-odata"
FRACTIES = TK / "fractie_value_array.json"
PAGE = TK / "stemming_expand_besluit_agendapunt_zaak_fractie_persoon_page0880.json"
UYGHUR = TK / "zaak_motie_2024Z10738_expand_document.json"
EXPORT_LOGO = TK / "zaak_motie_2025Z10660_expand_document.json"
ZAAK_PAGE = TK / "zaak_page502_value_array.json"

CUT_OFF = "8704c0ee-ebd5-4c0e-bee5-7c5da83ca632"  # the page's last Besluit: 10 of its rows, 92 seats
CYBER, NAVO = "2025P09477", "2025P09478"  # the page's two agenda items: 5 and 11 motions


def page() -> dict:
    return json.loads(PAGE.read_text(encoding="utf-8"))


def write_json(tmp_path: Path, name: str, value) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return path


def by_besluit(rows: list[dict]) -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = {}
    for row in rows:
        groups.setdefault(row["Besluit_Id"], []).append(row)
    return groups


def unordered(value):
    """`value` with every list sorted: two documents that differ only in the order of their lists are equal."""
    if isinstance(value, dict):
        return {key: unordered(item) for key, item in value.items()}
    if isinstance(value, list):
        return sorted((unordered(item) for item in value), key=lambda item: json.dumps(item, sort_keys=True))
    return value


def tally(choices: list[dict]) -> VoteResult:
    seats = Counter()
    for choice in choices:
        seats[choice["choice"]] += choice["seats"]
    if seats["for"] == seats["against"]:
        return VoteResult.TIED
    return VoteResult.ADOPTED if seats["for"] > seats["against"] else VoteResult.REJECTED


def count(path: Path, model) -> int:
    with Dossier.open(path) as dossier, dossier.session() as session:
        query = select(model)
        if model is UnassignedVote:
            query = query.where(UnassignedVote.assigned_to_id.is_(None))
        return len(session.scalars(query).all())


def assert_one_line_error(code, err: str, path: Path) -> None:
    assert code == 1
    assert err.strip().count("\n") == 0, err
    assert str(path) in err and "Traceback" not in err


# -- the file's shape ------------------------------------------------------------------------

@pytest.mark.parametrize("fixture", [FRACTIES, PAGE, UYGHUR, EXPORT_LOGO, ZAAK_PAGE], ids=lambda p: p.name[:20])
def test_every_real_file_is_detected_as_tk_odata_and_links_its_sources(fixture):
    assert detect_format(fixture).name == "tk-odata"
    document = read_tk_odata(fixture)
    source_ids = {s["id"] for s in document["sources"]}
    for key in ("parties", "people", "motions", "question_sets", "unassigned_votes"):
        for item in document.get(key, []):
            assert item["source_ids"] and set(item["source_ids"]) <= source_ids, (key, item)
    assert all(s["title"].endswith(f"(tk-odata, bestand {fixture.name})")
               for s in document["sources"] if s["title"].startswith("Tweede Kamer OData: "))


def test_other_json_formats_are_not_taken_for_tk_odata(tmp_path):
    notubiz = Path(__file__).resolve().parents[1] / "fixtures" / "council" / "notubiz_alkmaar_motions.json"
    assert detect_format(notubiz).name == "notubiz"
    own = write_json(tmp_path, "export.json", {"format": "raadsdossier/1", "sources": [
        {"id": str(uuid.uuid4()), "title": "Tweede Kamer OData: NaamNL, Kabinetsappreciatie"}]})
    assert detect_format(own).name == "dossier-json"


@pytest.mark.parametrize("written", [
    "2023-12-05T00:00:00+01:00", "2023-12-05T00:00:00.0539998+02:00", "2023-12-05T23:30:00.5Z",
    "2023-12-05T00:00:00", "2023-12-05",
])
def test_dates_with_any_offset_and_0_to_7_decimals_are_the_calendar_date_written(tmp_path, written):
    # 23:30Z would be the next day in Dutch time, but the date is taken as written, never shifted.
    fractie = json.loads(FRACTIES.read_text(encoding="utf-8"))[0]
    fractie["DatumActief"] = written
    (party,) = read_tk_odata(write_json(tmp_path, "f.json", [fractie]))["parties"]
    assert party["valid_from"] == "2023-12-05"


def test_a_single_entity_a_bare_array_and_a_full_response_read_the_same(tmp_path):
    rows = json.loads(FRACTIES.read_text(encoding="utf-8"))
    response = {"@odata.context": "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/$metadata#Fractie",
                "value": rows, "@odata.nextLink": "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/Fractie?$skip=250"}
    full = read_tk_odata(write_json(tmp_path, "response.json", response))
    bare = read_tk_odata(write_json(tmp_path, "response.json", rows))
    assert full["parties"] == bare["parties"]
    (one,) = read_tk_odata(write_json(tmp_path, "response.json", rows[1]))["parties"]
    assert one == bare["parties"][1]


def test_deleted_placeholders_are_skipped_and_counted(tmp_path):
    rows = json.loads(FRACTIES.read_text(encoding="utf-8"))
    placeholder = {key: None for key in rows[0]} | {"Id": rows[0]["Id"], "Verwijderd": True}
    document = read_tk_odata(write_json(tmp_path, "f.json", [placeholder, *rows[1:]]))
    assert len(document["parties"]) == 10
    assert document["report"]["skipped"] == {"verwijderde Fractie": 1}


# -- Fractie ---------------------------------------------------------------------------------

def test_the_fractie_array_gives_11_parties_with_their_seats():
    document = read_tk_odata(FRACTIES)
    parties = {p["name"]: p for p in document["parties"]}
    assert len(parties) == 11
    assert {name: p["seats"] for name, p in parties.items()} == {
        "Nieuw Sociaal Contract": 19, "BoerBurgerBeweging": 8, "GroenLinks-PvdA": 25, "JA21": 1,
        "Partij voor de Vrijheid": 37, "Forum voor Democratie": 3, "Volkspartij voor Vrijheid en Democratie": 24,
        "Democraten 66": 9, "Partij van de Arbeid": 0, "ChristenUnie": 3, "Socialistische Partij": 5}
    # The file's Afkorting of NSC is its full name: kept as written.
    assert parties["Nieuw Sociaal Contract"]["abbreviation"] == "Nieuw Sociaal Contract"
    assert parties["BoerBurgerBeweging"]["abbreviation"] == "BBB"
    assert parties["Nieuw Sociaal Contract"]["valid_from"] == "2023-12-05"
    assert "valid_until" not in parties["Nieuw Sociaal Contract"]
    pvda = parties["Partij van de Arbeid"]
    assert (pvda["valid_from"], pvda["valid_until"]) == ("1946-02-09", "2023-10-26")
    pvda_fractie = next(r for r in json.loads(FRACTIES.read_text(encoding="utf-8")) if r["Afkorting"] == "PvdA")
    assert pvda["id"] == tk_odata.make_id("fractie", pvda_fractie["Id"])  # the same party from any file
    sources = {s["id"]: s for s in document["sources"]}
    assert sources[parties["BoerBurgerBeweging"]["source_ids"][0]]["title"] == (
        "Tweede Kamer OData: Fractie BBB, Id 626555ac-e836-44e3-9978-a6a7f0abc3ce "
        "(tk-odata, bestand fractie_value_array.json)")


# -- Zaak ------------------------------------------------------------------------------------

@pytest.mark.parametrize("fixture, reference, advice, number, document_title", [
    (UYGHUR, "2024Z10738", "Ontraden", "kst-32735-395",
     "Motie van de leden Boswijk en Paternotte over een stappenpan voor het verkrijgen van de wetenschappelijke "
     "onderbouwing om de Chinese aanpak van Oeigoeren als genocide te bestempelen (2024D25454)"),
    (EXPORT_LOGO, "2025Z10660", "Oordeel Kamer", "kst-26643-1344", None),
], ids=["oeigoeren", "china-export-logo"])
def test_a_motion_zaak_gives_the_motion_its_pre_advice_and_its_document_as_a_source(
        fixture, reference, advice, number, document_title):
    document = read_tk_odata(fixture)
    (motion,) = document["motions"]
    zaak_source, kamerstuk = document["sources"]
    # Its kamerstuk keys the motion (docs/imports.md, "One item per publication"): KOOP XML of it is the same one.
    assert motion["reference"] == number.removeprefix("kst-")
    assert motion["pre_advice"] == advice
    assert motion["title"].startswith("Motie van ")  # Onderwerp; Titel is only the kamerstuk dossier's name
    assert "status" not in motion  # a new motion is "submitted"; a later import keeps a recorded outcome
    assert "votes" not in motion  # votes imported from a Stemming page stay
    assert motion["source_ids"] == [zaak_source["id"], kamerstuk["id"]]
    assert zaak_source["title"] == f"Tweede Kamer OData: Zaak {reference} (tk-odata, bestand {fixture.name})"
    assert kamerstuk["kind"] == "parliamentary_document"
    assert kamerstuk["document_number"] == number
    assert kamerstuk["url"] == f"https://zoek.officielebekendmakingen.nl/{number}.html"
    if document_title:
        assert kamerstuk["title"] == document_title
        assert motion["date"] == kamerstuk["date"] == "2024-06-17"


def test_the_zaak_page_gives_43_motions_and_45_question_sets_and_counts_the_rest():
    rows = json.loads(ZAAK_PAGE.read_text(encoding="utf-8"))
    soorten = Counter(r["Soort"] for r in rows)
    assert (len(rows), soorten["Motie"], soorten["Schriftelijke vragen"]) == (250, 43, 45)
    document = read_tk_odata(ZAAK_PAGE)
    assert len(document["motions"]) == 43 and len(document["question_sets"]) == 45
    assert document["report"]["skipped"] == {"Zaken van een andere soort": 162}
    (warning,) = document["report"]["warnings"]
    assert warning.startswith("162 Zaken overgeslagen die geen motie of schriftelijke vragen zijn (Brief regering 95,")
    # "Niet beschikbaar bij moties … vóór 1 april 2019" is no pre-advice: 17 motions have one
    # (2 of the page's 10 "Ontraden" are on amendments).
    advice = Counter(m.get("pre_advice") for m in document["motions"])
    assert advice == {None: 26, "Ontraden": 8, "Oordeel Kamer": 8, "Verzocht motie aan te houden": 1}


def test_written_questions_share_their_id_with_the_text_and_koop_formats():
    document = read_tk_odata(ZAAK_PAGE)
    police = next(s for s in document["question_sets"] if s["reference"] == "2022Z20802")
    assert police["id"] == str(uuid.uuid5(question_text.NAMESPACE, "2022Z20802/vragenset"))
    assert police["title"] == "Het bericht dat er Chinese politiebureaus in Nederland zijn."
    assert police["kind"] == "parliamentary_questions"
    assert police["submitted_on"] == "2022-11-02"
    assert "questions" not in police  # the Zaak has no question text; questions from the text stay


# -- Stemming --------------------------------------------------------------------------------

def test_each_complete_decision_has_party_choices_for_150_seats_and_a_result_matching_its_text():
    groups = by_besluit(page()["value"])
    document = read_tk_odata(PAGE)
    votes = document["unassigned_votes"]
    assert len(groups) == 7 and len(votes) == 6  # the 7th is cut off at the page end
    parties = {p["id"]: p for p in document["parties"]}
    for vote in votes:
        assert vote["kind"] == "party"
        assert sum(c["seats"] for c in vote["choices"]) == 150
        assert len(vote["choices"]) == 15 and {c["party"] for c in vote["choices"]} <= set(parties)
        assert vote["decision"].startswith("Aangenomen.") and vote["result"] == "adopted"
        assert tally(vote["choices"]) is VoteResult(vote["result"])
    # FractieGrootte is the size at the vote; the expanded Fractie's AantalZetels is today's.
    nsc = next(p for p in parties.values() if p["name"] == "Nieuw Sociaal Contract")
    assert nsc["seats"] == 19
    assert {c["seats"] for v in votes for c in v["choices"] if c["party"] == nsc["id"]} == {20}
    seats_against = sorted(sum(c["seats"] for c in v["choices"] if c["choice"] == "against") for v in votes)
    assert seats_against == [0, 3, 8, 24, 40, 51]


def test_the_page_lists_every_motion_of_the_agenda_item_so_its_votes_stay_unassigned():
    document = read_tk_odata(PAGE)
    motions = {m["id"]: m for m in document["motions"]}
    assert len(motions) == 16 and all("votes" not in m and "status" not in m for m in motions.values())
    by_item = Counter(v["agenda_item"].rsplit("(", 1)[1].rstrip(")") for v in document["unassigned_votes"])
    assert by_item == {CYBER: 3, NAVO: 3}
    for vote in document["unassigned_votes"]:
        candidates = [motions[i]["reference"] for i in vote["candidate_motions"]]
        assert vote["note"].startswith("Het bestand koppelt deze stemming niet aan één motie")
        if vote["agenda_item"].endswith(f"({CYBER})"):
            assert vote["agenda_item"].startswith("Moties ingediend bij het tweeminutendebat Online veiligheid")
            assert sorted(candidates) == ["2025Z10656", "2025Z10657", "2025Z10658", "2025Z10659", "2025Z10660"]
        else:
            assert len(candidates) == 11
    export_logo = next(m for m in motions.values() if m["reference"] == "2025Z10660")
    assert export_logo["pre_advice"] == "Oordeel Kamer"
    # The page expands the Zaak bare: it names no kamerstuk, so the motion is keyed by its Zaak. The Zaak file
    # (its documents name kst-26643-1344) keys it by the kamerstuk, as KOOP XML does: with the Zaak's
    # Kamerstukdossier expanded the page does too (tests/importers/test_publication_merge.py).
    assert export_logo["id"] == tk_odata.make_id("zaak", "e6e608c2-8fa4-4974-91a4-161981644cf3")


def test_the_cut_off_last_decision_is_reported_and_not_imported_by_half(run, new_dossier):
    document = read_tk_odata(PAGE)
    assert document["report"]["skipped"] == {"onvolledig besluit": 1}
    assert tk_odata.make_id("besluit", CUT_OFF) not in {v["id"] for v in document["unassigned_votes"]}
    code, out, err = run("import", new_dossier, PAGE)
    assert code == 0, err
    assert f"let op: {PAGE}: Besluit {CUT_OFF} is onvolledig op deze pagina (92 van de 150 zetels)" in err
    assert "de andere stemmen staan op een andere pagina: importeer die samen met deze in één bestand" in err
    assert "6 niet-toegewezen stemmingen" in out and "overgeslagen: 1 onvolledig besluit" in out
    assert count(new_dossier, UnassignedVote) == 6


def test_a_decision_split_over_two_pages_is_whole_when_they_are_put_in_one_file(tmp_path):
    data = page()
    rows = data["value"]
    # Cut the real page inside its second Besluit: alone, each half reports it incomplete.
    first = {**data, "value": rows[:22]}
    second = {**data, "value": rows[22:]}
    split_id = rows[21]["Besluit_Id"]
    assert rows[22]["Besluit_Id"] == split_id
    for half in (first, second):
        document = read_tk_odata(write_json(tmp_path, "half.json", half))
        assert tk_odata.make_id("besluit", split_id) not in {v["id"] for v in document["unassigned_votes"]}
        assert any(f"Besluit {split_id} is onvolledig" in w for w in document["report"]["warnings"])
    both = tmp_path / "both.json"
    both.write_text(json.dumps(first, indent=1) + "\n" + json.dumps(second, indent=1) + "\n", encoding="utf-8")
    assert read_tk_odata(both)["unassigned_votes"] == read_tk_odata(PAGE)["unassigned_votes"]
    # Overlapping pages repeat rows: each row counts once.
    overlap = tmp_path / "overlap.json"
    overlap.write_text(json.dumps({**data, "value": rows[:40]}) + json.dumps({**data, "value": rows[10:]}),
                       encoding="utf-8")
    assert read_tk_odata(overlap)["unassigned_votes"] == read_tk_odata(PAGE)["unassigned_votes"]


def test_a_decision_naming_one_motion_is_a_vote_on_that_motion(run, new_dossier, tmp_path):
    data = page()
    # The real page, with the Agendapunt's Zaak list narrowed to one motion (as Besluit → Zaak would give).
    for row in data["value"]:
        zaken = row["Besluit"]["Agendapunt"]["Zaak"]
        row["Besluit"]["Agendapunt"]["Zaak"] = [z for z in zaken if z["Nummer"] in ("2025Z10660", "2025Z10671")]
    path = write_json(tmp_path, "one_motion.json", data)
    document = read_tk_odata(path)
    assert "unassigned_votes" not in document
    motions = {m["reference"]: m for m in document["motions"]}
    assert set(motions) == {"2025Z10660", "2025Z10671"}
    assert [len(m["votes"]) for m in motions.values()] == [3, 3]
    assert all(m["status"] == "adopted" for m in motions.values())

    code, out, err = run("import", new_dossier, path)
    assert code == 0, err
    with Dossier.open(new_dossier) as dossier, dossier.session() as session:
        motion = session.scalars(select(Motion).where(Motion.reference == "2025Z10660")).one()
        assert motion.status is MotionStatus.ADOPTED and motion.pre_advice == "Oordeel Kamer"
        assert len(motion.votes) == 3
        for vote in motion.votes:
            assert vote.kind is VoteKind.PARTY and vote.recorded_result is VoteResult.ADOPTED
            assert vote.tally.for_ + vote.tally.against + vote.tally.not_voting == 150
            assert vote.computed_result is vote.recorded_result and not vote.disagrees


def test_importing_the_page_twice_adds_nothing_the_second_time(run, new_dossier):
    assert run("import", new_dossier, PAGE)[0] == 0
    code, out, err = run("import", new_dossier, PAGE)
    assert code == 0, err
    assert "toegevoegd: niets" in out
    assert count(new_dossier, UnassignedVote) == 6 and count(new_dossier, Motion) == 16
    assert count(new_dossier, Party) == 15
    with Dossier.open(new_dossier) as dossier, dossier.session() as session:
        assert all(len(v.choices) == 15 for v in session.scalars(select(UnassignedVote)))


def test_an_assigned_vote_computes_the_result_its_decision_records_and_survives_a_new_import(run, new_dossier):
    document = read_tk_odata(PAGE)
    vote = next(v for v in document["unassigned_votes"] if tally(v["choices"]) and
                any(c["choice"] == "against" for c in v["choices"]))
    motion_id = vote["candidate_motions"][0]
    assert run("import", new_dossier, PAGE)[0] == 0
    code, out, err = run("assign-vote", new_dossier, vote["id"], motion_id)
    assert code == 0, err
    assert run("import", new_dossier, PAGE, FRACTIES, EXPORT_LOGO, UYGHUR)[0] == 0
    assert count(new_dossier, UnassignedVote) == 5  # the assigned one is not offered anew
    with Dossier.open(new_dossier) as dossier, dossier.session() as session:
        motion = session.get(Motion, motion_id)
        (cast,) = motion.votes
        assert cast.recorded_result is VoteResult.ADOPTED and cast.computed_result is VoteResult.ADOPTED
        assert sum(c.seats for c in cast.choices) == 150 and len(cast.choices) == 15
        nsc = session.scalars(select(Party).where(Party.name == "Nieuw Sociaal Contract")).one()
        assert nsc.seats == 19  # the Fractie file and the page's expansion agree: one party
    assert count(new_dossier, Party) == 16


def roll_call_rows(party_rows: list[dict], besluit_id: str, members: int, first: int = 0) -> list[dict]:
    """`members` rows of a roll call on `besluit_id`, one member each, shaped like the real page's rows: each
    member in one of its parties (FractieGrootte is the party's size, as the Gegevensmagazijn gives it on a
    member's row), Persoon expanded; every tenth member "Niet deelgenomen"."""
    seats = [(row, n) for row in party_rows for n in range(row["FractieGrootte"])]
    rows = []
    for index in range(first, first + members):
        party, _ = seats[index % len(seats)]
        person = f"00000000-0000-4000-8000-{index:012d}"
        rows.append(dict(party, Id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"{besluit_id}/{index}")), Besluit_Id=besluit_id,
                         Soort="Niet deelgenomen" if index % 10 == 9 else party["Soort"],
                         Besluit={**party["Besluit"], "Id": besluit_id, "StemmingsSoort": "Hoofdelijk"},
                         ActorNaam=f"Lid{index}, A.", Persoon_Id=person, SidActorLid=f"S-1-{index}",
                         Persoon={"Id": person, "Roepnaam": "Anna", "Tussenvoegsel": "van",
                                  "Achternaam": f"Lid{index}"}))
    return rows


def test_a_roll_call_is_whole_with_150_members_and_named_incomplete_with_fewer(run, new_dossier, tmp_path):
    """Constructed from the real page's rows: two roll calls, their rows interleaved, one with all 150 members
    (15 of them "Niet deelgenomen": present rows all the same), one with 120."""
    data = page()
    parties = by_besluit(data["value"])[data["value"][0]["Besluit_Id"]]  # 15 party rows, 150 seats
    whole, short = str(uuid.UUID(int=11)), str(uuid.UUID(int=12))
    a, b = roll_call_rows(parties, whole, 150), roll_call_rows(parties, short, 120)
    data["value"] = [row for pair in zip(a, b) for row in pair] + a[len(b):]
    path = write_json(tmp_path, "roll_calls.json", data)
    document = read_tk_odata(path)
    (vote,) = document["unassigned_votes"]
    assert vote["id"] == tk_odata.make_id("besluit", whole) and vote["kind"] == "roll_call"
    assert len(vote["choices"]) == 150 and all("person" in c and "seats" not in c for c in vote["choices"])
    assert Counter(c["choice"] for c in vote["choices"])["not_voting"] == 15
    people = {p["id"]: p for p in document["people"]}
    assert len(people) == 150 and "Anna van Lid0" in {p["name"] for p in people.values()}
    assert {p["party_id"] for p in people.values()} <= {p["id"] for p in document["parties"]}
    assert document["report"]["skipped"] == {"onvolledig besluit": 1}
    (warning,) = document["report"]["warnings"]
    assert warning.startswith(f"Besluit {short} is onvolledig op deze pagina (120 van de 150 Kamerleden) en is "
                              "niet geïmporteerd")
    code, out, err = run("import", new_dossier, path)
    assert code == 0, err
    assert "1 niet-toegewezen stemming" in out and f"Besluit {short} is onvolledig" in err
    with Dossier.open(new_dossier) as dossier, dossier.session() as session:
        (stored,) = session.scalars(select(UnassignedVote)).all()
        assert stored.vote_kind is VoteKind.ROLL_CALL and len(stored.choices) == 150


def test_single_rows_of_20_roll_calls_are_20_incomplete_decisions_not_20_votes(run, new_dossier, tmp_path):
    """A page sorted by member, not by decision: one member's row in each of 20 roll calls."""
    data = page()
    parties = by_besluit(data["value"])[data["value"][0]["Besluit_Id"]]
    data["value"] = [roll_call_rows(parties, str(uuid.UUID(int=100 + n)), 1, first=n)[0] for n in range(20)]
    path = write_json(tmp_path, "one_member.json", data)
    document = read_tk_odata(path)
    assert "unassigned_votes" not in document and "people" not in document
    assert document["report"]["skipped"] == {"onvolledige besluiten": 20}
    assert all("(1 van de 150 Kamerleden)" in w for w in document["report"]["warnings"])
    code, out, err = run("import", new_dossier, path)
    assert code == 3, err  # recognised, and nothing in it to import
    assert f"{path}: niets te importeren: herkend als tk-odata, maar het bestand bevat 20 onvolledige besluiten." in err


@pytest.mark.parametrize("seed", [1, 2, 3, 880])
def test_rows_in_any_order_give_the_same_votes(tmp_path, seed):
    """The OData API promises no order: shuffled, the real page gives exactly what it gives in its own order."""
    data = page()
    random.Random(seed).shuffle(data["value"])
    assert [r["Besluit_Id"] for r in data["value"]] != [r["Besluit_Id"] for r in page()["value"]]
    shuffled = tmp_path / PAGE.name  # the file's name is in the sources' titles
    shuffled.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    document = read_tk_odata(shuffled)
    assert unordered(document) == unordered(read_tk_odata(PAGE))
    assert document["report"]["skipped"] == {"onvolledig besluit": 1}  # the cut-off one, still not half


def test_the_reader_keeps_of_each_row_only_what_its_vote_needs(tmp_path, monkeypatch):
    """A page many times the real one (7,000 rows, 55 MB): reading it never holds all its rows, each with its
    expanded Besluit, Agendapunt and Zaken, as Python objects at once."""
    data = page()
    rows = []
    for copy in range(70):
        for row in data["value"][:100]:
            besluit_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{copy}/{row['Besluit_Id']}"))
            rows.append({**row, "Id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{copy}/{row['Id']}")),
                         "Besluit_Id": besluit_id, "Besluit": {**row["Besluit"], "Id": besluit_id}})
    path = write_json(tmp_path, "big.json", {**data, "value": rows})
    text = path.read_text(encoding="utf-8")
    monkeypatch.setattr(tk_records, "read_text", lambda *args, **kwargs: text)  # measured: what is kept beyond it
    size = path.stat().st_size
    tracemalloc.start()
    try:
        document = read_tk_odata(path)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(document["unassigned_votes"]) == 70 * 6
    # Parsed whole, the page's objects took twice the file's size on top of its text; read a record at a
    # time, what the reader keeps (a few fields per row, one expansion per decision) takes a sixth of it.
    assert peak < size / 3, (peak, size)


def test_a_members_own_vote_beside_the_party_counts_one_seat(tmp_path):
    """Constructed from the real page: one PVV member votes apart from the other 36."""
    data = page()
    rows = data["value"]
    pvv = next(i for i, r in enumerate(rows[:15]) if r["ActorFractie"] == "PVV")
    rows[pvv]["FractieGrootte"] -= 1
    member = dict(rows[pvv], Id=str(uuid.UUID(int=1)), FractieGrootte=None, Soort="Tegen",
                  Persoon_Id=str(uuid.UUID(int=2)), ActorNaam="Lid van de PVV")
    rows.insert(pvv + 1, member)
    document = read_tk_odata(write_json(tmp_path, "member.json", data))
    vote = document["unassigned_votes"][0]
    assert len(vote["choices"]) == 16 and vote["kind"] == "party"
    own = [c for c in vote["choices"] if "person" in c]
    assert own == [{"person": tk_odata.make_id("persoon", member["Persoon_Id"]), "choice": "against"}]
    assert sum(c.get("seats", 1) for c in vote["choices"]) == 150


def test_decisions_on_no_motion_are_skipped_and_unexpanded_ones_wait_without_candidates(tmp_path):
    data = page()
    for row in data["value"]:
        for zaak in row["Besluit"]["Agendapunt"]["Zaak"]:
            zaak["Soort"] = "Wetgeving"
    document = read_tk_odata(write_json(tmp_path, "bills.json", data))
    assert "unassigned_votes" not in document and "motions" not in document
    assert document["report"]["skipped"] == {"besluiten niet over een motie": 6, "onvolledig besluit": 1}

    data = page()
    for row in data["value"]:
        del row["Besluit"]
    document = read_tk_odata(write_json(tmp_path, "bare.json", data))
    assert len(document["unassigned_votes"]) == 6
    for vote in document["unassigned_votes"]:
        assert vote["candidate_motions"] == [] and vote["agenda_item"] is None
        assert "$expand=Besluit($expand=Agendapunt($expand=Zaak))" in vote["note"]
        assert vote["decision"].startswith("Besluit ")


def test_the_quick_schema_check_still_sees_every_distinct_choice():
    document = read_tk_odata(PAGE)
    view = tk_odata._for_schema(document)
    assert sum(len(v["choices"]) for v in view["unassigned_votes"]) < sum(
        len(v["choices"]) for v in document["unassigned_votes"])
    check_schema(view, "page")
    document["unassigned_votes"][-1]["choices"][-1]["choice"] = "abstain"
    with pytest.raises(InvalidInput, match="abstain"):
        check_schema(tk_odata._for_schema(document), "page")


# -- bad input -------------------------------------------------------------------------------

@pytest.mark.parametrize("name, content, words", [
    ("numbers.json", "[1, 2, 3]", "[0]: is een getal, geen OData-record"),
    ("value3.json", '{"value": 3}', "value: is een getal, geen lijst van OData-records"),
    ("truncated.json", None, "geen geldige JSON op regel"),
    ("text.json", '"Stemming"', "bevat tekst, geen OData-JSON"),
    ("unknown.json", '{"@odata.context": "x", "value": [{"Id": "a", "Naam": "b"}]}',
     "geen gegevens van de Tweede Kamer herkend: geen Zaak, Fractie, Stemming of andere entiteit van het "
     "Gegevensmagazijn (wel 1 record van een onbekende soort)."),
    ("empty_array.json", '{"@odata.context": "x", "value": []}', "geen gegevens van de Tweede Kamer herkend"),
    ("cut_value.json", '{"@odata.context": "…$metadata#Stemming", "value": [{"Id": "a", "Besluit_Id": "b", '
                       '"Soort": "Voor", "FractieGrootte": 150, "ActorFractie": "X", "Fractie_Id": "f"}, ',
     "geen geldige JSON op regel 1, kolom 165: hier wordt een waarde verwacht."),
    ("value_after.json", '{"@odata.context": "…$metadata#Zaak", "value": []} 7',
     "deel 2: bevat een getal, geen OData-JSON"),
], ids=lambda v: v if isinstance(v, str) and v.endswith(".json") else "")
def test_malformed_files_exit_1_with_one_line_and_leave_the_dossier_unchanged(run, new_dossier, tmp_path,
                                                                               name, content, words):
    path = tmp_path / name
    if content is None:
        raw = PAGE.read_bytes()
        path.write_bytes(raw[: len(raw) // 2])
    else:
        path.write_text(content, encoding="utf-8")
    before = sha256(new_dossier)
    code, out, err = run("import", new_dossier, path)  # detected, or refused as of no known format
    assert_one_line_error(code, err, path)
    code, out, err = run("import", new_dossier, path, "--format", "tk-odata")
    assert_one_line_error(code, err, path)
    assert words in err
    assert sha256(new_dossier) == before


def test_a_bad_row_is_named_and_nothing_of_the_other_files_is_written(run, new_dossier, tmp_path):
    data = page()
    data["value"][37]["Soort"] = "Onthouden"
    data["value"][5]["FractieGrootte"] = "drie"
    bad_choice = write_json(tmp_path, "bad.json", data)
    before = sha256(new_dossier)
    code, out, err = run("import", new_dossier, FRACTIES, bad_choice)
    assert_one_line_error(code, err, bad_choice)
    assert "value[5]: 'FractieGrootte' is \"drie\"" in err
    assert sha256(new_dossier) == before
    data["value"][5]["FractieGrootte"] = 3
    with pytest.raises(InvalidInput, match=r"value\[37\]: 'Soort' \"Onthouden\" is geen stemkeuze"):
        read_tk_odata(write_json(tmp_path, "bad.json", data))


def test_a_bad_date_is_named(tmp_path):
    rows = json.loads(ZAAK_PAGE.read_text(encoding="utf-8"))
    index = next(i for i, row in enumerate(rows) if row["Soort"] == "Motie")
    rows[index]["GestartOp"] = "2024-02-30T00:00:00+01:00"
    with pytest.raises(InvalidInput, match=rf"\[{index}\]: 'GestartOp' \"2024-02-30T00:00:00\+01:00\" is geen datum"):
        read_tk_odata(write_json(tmp_path, "zaak.json", rows))


def test_files_over_100_mb_are_refused(tmp_path):
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:  # sparse: takes no disk space, and is never read
        handle.write(b'{"@odata.context": "x", "value": [')
        handle.truncate(100 * 1024 * 1024 + 1)
    with pytest.raises(InvalidInput, match="groter dan 100 MB worden niet ingelezen"):
        read_tk_odata(huge)
