"""The seat count for the next vote on a motion (services/seats.py and `raadsdossier seats`): the council's current
seats, choices pre-filled from the motion's own last vote or guessed from the dossier's other motions with
their basis, totals and verdicts as counted by hand, and nothing ever written."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from raadsdossier.domain.errors import InvalidInput, NotFound
from raadsdossier.services import edits, lists, seats
from raadsdossier.storage.dossier import Dossier
from tests.conftest import sha256

TODAY = date(2026, 12, 1)
ARNHEM_MOTION = "b95be81a-7299-4425-b49e-c804c0be7a1b"  # the demo's one motion, three votes, no reference
GROENLINKS = "4c3c79bc-9be7-43a6-b1a8-16c552354200"  # the demo's one party, its seats not in the sources

# A council of 39 seats beside the demo's GroenLinks. The seats are made up for the test (the demo's sources
# give none); what matters is that the tests add them up by hand.
COUNCIL = {"GroenLinks": 9, "D66": 6, "VVD": 5, "PvdA": 4, "SP": 4, "Arnhems Belang": 3, "CDA": 3, "PvdD": 3,
           "Partij voor Arnhem": 2}  # in the count's order: most seats first, then by name
ABBREVIATIONS = {"GroenLinks": "GL", "Partij voor Arnhem": "PvA"}


_IDS = {name: f"p0000000-0000-4000-8000-{number:012d}" for number, name in
        enumerate([*COUNCIL, "Arnhemse Ouderen"], start=1)}


def party_id(name: str) -> str:
    return GROENLINKS if name == "GroenLinks" else _IDS[name]


def add_council(dossier: Dossier) -> None:
    """The council above, a party of the last council (not current) and two motions with votes, M5 and M8, and
    two without: M20, and an older M8 of 2019 (council motions are numbered per year)."""
    for name, number in COUNCIL.items():
        edits.save_item(dossier, "parties", {"id": party_id(name), "name": name, "seats": number,
                                             "abbreviation": ABBREVIATIONS.get(name), "valid_from": "2022-03"})
    edits.save_item(dossier, "parties", {"id": party_id("Arnhemse Ouderen"), "name": "Arnhemse Ouderen", "seats": 2,
                                         "valid_from": "2018", "valid_until": "2022-03"})

    def vote(when, **choices):
        return {"date": when, "kind": "party", "result": None, "note": None,
                "choices": [{"party": party_id(name), "choice": choice, "seats": COUNCIL.get(name)}
                            for name, choice in choices.items()]}

    edits.save_item(dossier, "motions", {"id": "m5", "reference": "M5", "title": "Mensenrechten in de stedenband",
                                         "date": "2020-02-13", "votes": [vote("2020-02-13", D66="for", VVD="against",
                                                                               SP="for", PvdA="against")]})
    edits.save_item(dossier, "motions", {"id": "m8", "reference": "M8", "title": "Handelsmissie naar Wuhan",
                                         "date": "2021-03-11", "votes": [vote("2021-03-11", D66="against", VVD="for",
                                                                               PvdA="not_voting")]})
    edits.save_item(dossier, "motions", {"id": "m8-2019", "reference": "M8", "title": "Delegatie naar Wuhan",
                                         "date": "2019-05-02"})
    edits.save_item(dossier, "motions", {"id": "m20", "reference": "M20", "title": "Stedenband evalueren",
                                         "date": "2026-11"})


@pytest.fixture
def arnhem(demo_copy) -> Path:
    return demo_copy("arnhem-wuhan")


@pytest.fixture
def council(arnhem) -> Path:
    with Dossier.open(arnhem) as dossier:
        add_council(dossier)
    return arnhem


def count_of(path: Path, motion: str, choices: dict | None = None) -> seats.SeatCount:
    with Dossier.open(path, read_only=True) as dossier:
        return seats.seat_count(dossier, motion, choices, today=TODAY)


def test_the_demo_as_shipped_lists_groenlinks_with_seats_unknown_and_prefilled_from_its_last_vote(arnhem):
    count = count_of(arnhem, ARNHEM_MOTION)
    [party] = count.parties
    assert (party.name, party.seats, party.choice, party.guessed) == ("GroenLinks", None, "for", True)
    assert party.basis == (seats.Basis(ARNHEM_MOTION, None, "Motie stedenband met Wuhan verbreken", "2021-07", 3, True),)
    assert party.basis[0].label == "stemming 3 van deze motie (juli 2021)"
    # no seats are made up: nothing is counted, and what GroenLinks holds is unknown
    assert (count.for_, count.against, count.unknown, count.council_size) == (0, 0, 0, 0)
    assert count.seats_unknown == ("GroenLinks",)
    assert count.verdict == "open"
    assert count.sentence == "Zetels van GroenLinks onbekend — uitkomst open (0 voor, 0 tegen)."


def test_the_council_is_the_current_parties_and_the_total_is_their_seats(council):
    count = count_of(council, ARNHEM_MOTION)
    assert [p.name for p in count.parties] == list(COUNCIL)  # most seats first; the last council's party left out
    assert [p.seats for p in count.parties] == list(COUNCIL.values())
    assert count.council_size == sum(COUNCIL.values()) == 39
    assert count.majority == 20
    with Dossier.open(council, read_only=True) as dossier:  # on a day of the last council, that one counts
        old = seats.seat_count(dossier, ARNHEM_MOTION, today=date(2021, 7, 1))
    assert [p.name for p in old.parties] == ["Arnhemse Ouderen"]


def test_the_total_is_the_sum_of_the_seats_of_each_side_as_chosen(council):
    chosen = {"GroenLinks": "for", "D66": "for", "SP": "for", "PvdD": "for", "VVD": "against", "CDA": "against",
              "Arnhems Belang": "against", "PvdA": "unknown", "Partij voor Arnhem": "unknown"}
    count = count_of(council, ARNHEM_MOTION, {party_id(name): choice for name, choice in chosen.items()})
    by_hand = {side: sum(COUNCIL[name] for name, choice in chosen.items() if choice == side)
               for side in ("for", "against", "unknown")}
    assert by_hand == {"for": 22, "against": 11, "unknown": 6}
    assert (count.for_, count.against, count.unknown) == (by_hand["for"], by_hand["against"], by_hand["unknown"])
    assert not any(p.guessed for p in count.parties)  # every choice is the user's
    # 22 for against at most 11 + 6: adopted however the unknown seats vote
    assert count.verdict == "adopted"
    assert count.sentence == "Aangenomen bij 22 van 39 zetels; nog 6 zetels onbekend, maar dat verandert de uitkomst niet."


@pytest.mark.parametrize("against, verdict, sentence", [
    ((), "adopted", "Aangenomen bij 39 van 39 zetels."),
    (("GroenLinks", "D66", "VVD", "SP", "PvdA"), "rejected", "Verworpen: 11 voor, 28 tegen."),
    (("GroenLinks", "D66", "PvdA"), "adopted", "Aangenomen bij 20 van 39 zetels."),
    (("GroenLinks", "D66", "PvdA", "Partij voor Arnhem"), "rejected", "Verworpen: 18 voor, 21 tegen."),
])
def test_setting_every_party_gives_the_verdict_counted_by_hand(council, against, verdict, sentence):
    choices = {party_id(name): "against" if name in against else "for" for name in COUNCIL}
    count = count_of(council, ARNHEM_MOTION, choices)
    for_ = sum(seats_ for name, seats_ in COUNCIL.items() if name not in against)
    assert (count.for_, count.against, count.unknown) == (for_, 39 - for_, 0)
    assert (count.verdict, count.sentence) == (verdict, sentence)


def test_unknown_seats_that_could_tip_it_leave_the_outcome_open_and_a_tie_is_a_tie(council):
    choices = {party_id(name): "for" for name in ("GroenLinks", "D66", "SP")}  # 19
    choices |= {party_id(name): "against" for name in ("VVD", "PvdA", "CDA", "PvdD", "Arnhems Belang")}  # 18
    choices[party_id("Partij voor Arnhem")] = "unknown"  # 2
    count = count_of(council, ARNHEM_MOTION, choices)
    assert (count.verdict, count.sentence) == ("open", "Nog 2 zetels onbekend — uitkomst open (19 voor, 18 tegen).")
    with Dossier.open(council) as dossier:  # an even council: PvA's two seats go, D66 gets one fewer
        edits.save_item(dossier, "parties", {"id": party_id("Partij voor Arnhem"), "name": "Partij voor Arnhem",
                                             "valid_from": "2022-03", "valid_until": "2023"})
        edits.save_item(dossier, "parties", {"id": party_id("D66"), "name": "D66", "seats": 5, "valid_from": "2022-03"})
    del choices[party_id("Partij voor Arnhem")]
    count = count_of(council, ARNHEM_MOTION, choices)
    assert (count.for_, count.against, count.council_size) == (18, 18, 36)
    assert (count.verdict, count.sentence) == ("tied", "Staken der stemmen: 18 voor, 18 tegen; de raad stemt opnieuw.")


def test_a_party_whose_seats_are_unknown_is_listed_as_such_and_never_counted(council):
    with Dossier.open(council) as dossier:
        edits.save_item(dossier, "parties", {"id": "p-new", "name": "Nieuwe Fractie"})  # no dates: current
    choices = {party_id(name): "for" for name in COUNCIL}
    count = count_of(council, ARNHEM_MOTION, choices | {"p-new": "against"})
    assert count.parties[-1].name == "Nieuwe Fractie" and count.parties[-1].seats is None
    assert (count.for_, count.against, count.council_size) == (39, 0, 39)
    assert count.seats_unknown == ("Nieuwe Fractie",)
    # against, with seats that could outnumber the 39 for: open
    assert count.verdict == "open"
    assert count.sentence == "Zetels van Nieuwe Fractie onbekend — uitkomst open (39 voor, 0 tegen)."
    count = count_of(council, ARNHEM_MOTION, choices | {"p-new": "for"})  # it can only add to the for side
    assert count.verdict == "adopted"
    assert count.sentence == ("Aangenomen bij 39 van ten minste 39 zetels; zetels van Nieuwe Fractie onbekend, maar "
                              "dat verandert de uitkomst niet.")


def test_each_party_is_prefilled_from_the_last_vote_on_this_motion_it_took_part_in(council):
    with Dossier.open(council) as dossier:
        _key, motion = lists.get(dossier, ARNHEM_MOTION)
        motion = {k: v for k, v in motion.items() if not k.startswith("_")}
        _first, second, third = motion["votes"]
        second["choices"] = [{"party": GROENLINKS, "choice": "against", "seats": None},
                             {"party": party_id("VVD"), "choice": "against", "seats": 5},
                             {"party": party_id("SP"), "choice": "for", "seats": 4}]
        third["choices"].append({"party": party_id("SP"), "choice": "not_voting", "seats": 4})
        edits.save_item(dossier, "motions", motion)
    count = count_of(council, ARNHEM_MOTION)
    groenlinks, vvd, sp = (count.party(party_id(name)) for name in ("GroenLinks", "VVD", "SP"))
    assert (groenlinks.choice, [b.vote for b in groenlinks.basis]) == ("for", [3])  # changed sides in vote 3
    assert (vvd.choice, vvd.basis[0].vote, vvd.basis[0].this_motion) == ("against", 2, True)
    assert (sp.choice, sp.basis[0].vote) == ("for", 2)  # did not vote in vote 3: its vote 2 it is
    assert vvd.basis[0].label == "stemming 2 van deze motie (juli 2021)"  # undated vote: the motion's date
    assert all(p.guessed for p in (groenlinks, vvd, sp))


def test_a_motion_without_votes_gets_guesses_from_the_dossiers_other_motions_with_their_basis(council):
    count = count_of(council, "m20")
    guessed = {p.name: (p.choice, [b.label for b in p.basis]) for p in count.parties if p.guessed}
    assert guessed == {
        "GroenLinks": ("for", ["Motie stedenband met Wuhan verbreken (juli 2021)"]),
        "D66": ("against", ["M8 Handelsmissie naar Wuhan (11 maart 2021)"]),  # its most recent vote, not M5's
        "VVD": ("for", ["M8 Handelsmissie naar Wuhan (11 maart 2021)"]),
        "SP": ("for", ["M5 Mensenrechten in de stedenband (13 februari 2020)"]),
        "PvdA": ("against", ["M5 Mensenrechten in de stedenband (13 februari 2020)"]),  # not voting on M8 is no vote
    }
    assert all(not b.this_motion for p in count.parties for b in p.basis)
    rest = [p for p in count.parties if not p.guessed]
    assert {p.name for p in rest} == {"CDA", "PvdD", "Arnhems Belang", "Partij voor Arnhem"}
    assert all(p.choice == "unknown" and not p.basis for p in rest)
    assert (count.for_, count.against, count.unknown) == (9 + 5 + 4, 6 + 4, 3 + 3 + 3 + 2)
    # a choice the user makes is no guess, and the pre-fill's basis stays to be seen
    count = seats.recount(count, {party_id("D66"): "for"})
    d66 = count.party(party_id("D66"))
    assert (d66.choice, d66.guessed, d66.prefill, len(d66.basis)) == ("for", False, "against", 1)


def test_motion_by_reference_case_insensitive_and_ambiguous_or_unknown_ones_are_named(council):
    assert count_of(council, "m20").motion_id == "m20"  # an id
    assert count_of(council, " m 20").motion_title == "Stedenband evalueren"  # a reference, case and spaces aside
    with pytest.raises(InvalidInput) as ambiguous:
        count_of(council, "M8")
    assert str(ambiguous.value) == (
        "Het kenmerk 'M8' hoort bij 2 moties; geef het id van de bedoelde: M8 Delegatie naar Wuhan (id m8-2019); "
        "M8 Handelsmissie naar Wuhan (id m8).")
    with pytest.raises(NotFound, match=r"Geen motie met kenmerk of id 'M99' in dit dossier\. Moties: M20 "):
        count_of(council, "M99")


def test_parties_are_named_by_name_or_abbreviation_and_an_unknown_one_lists_them(council):
    count = count_of(council, ARNHEM_MOTION)
    chosen = seats.choices_by_name(count, for_=["gl", "d66"], against=["vvd", "PARTIJ VOOR ARNHEM"], unknown=["pvda"])
    assert chosen == {GROENLINKS: "for", party_id("D66"): "for", party_id("VVD"): "against",
                      party_id("Partij voor Arnhem"): "against", party_id("PvdA"): "unknown"}
    with pytest.raises(InvalidInput) as unknown:
        seats.choices_by_name(count, for_=["JA21"])
    assert str(unknown.value) == (
        "Geen fractie 'JA21' in de raad van dit dossier. Fracties: GroenLinks (GL), D66, VVD, PvdA, SP, Arnhems "
        "Belang, CDA, PvdD, Partij voor Arnhem (PvA).")
    with pytest.raises(InvalidInput, match="GroenLinks staat zowel bij voor als bij tegen"):
        seats.choices_by_name(count, for_=["GL"], against=["groenlinks"])
    with pytest.raises(InvalidInput, match="telt niet mee"):
        seats.recount(count, {party_id("Arnhemse Ouderen"): "for"})
    with pytest.raises(InvalidInput, match="geen keuze"):
        seats.recount(count, {GROENLINKS: "not_voting"})


def test_current_means_valid_today_with_partial_dates():
    today = date(2022, 3, 16)
    assert seats.is_current(None, None, today)
    assert seats.is_current("2022-03", None, today) and seats.is_current("2022", "2022-03", today)
    assert not seats.is_current("2022-04", None, today) and not seats.is_current(None, "2022-02-28", today)
    assert seats.is_current(None, "2022-03-16", today) and not seats.is_current("2022-03-17", None, today)


# -- the command line ---------------------------------------------------------------------------------------

def test_cli_prints_the_table_and_the_verdict_and_writes_nothing(run, council):
    before = sha256(council)
    info_before = run("info", council)[1]
    code, out, err = run("seats", council, "m20", "--for", "GL", "D66", "SP", "PvdD", "--against", "vvd", "CDA",
                         "--unknown", "pvda")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("M20 Stedenband evalueren (november 2026): zetels voor de volgende stemming")
    assert "Deze telling wordt niet opgeslagen." in lines
    assert any(line.split() == ["GroenLinks", "(GL)", "9", "voor"] for line in lines)
    assert any(line.split()[:3] == ["Arnhems", "Belang", "3"] and line.endswith("onbekend") for line in lines)
    assert "totaal: 22 voor, 8 tegen, 9 onbekend, van 39 zetels; meerderheid: 20" in lines
    assert lines[-1] == "Aangenomen bij 22 van 39 zetels; nog 9 zetels onbekend, maar dat verandert de uitkomst niet."
    code, out, err = run("seats", council, "m20")  # the guesses, with their basis
    assert "voor (geschat, gebaseerd op: M8 Handelsmissie naar Wuhan (11 maart 2021))" in out
    assert sha256(council) == before and run("info", council)[1] == info_before


def test_cli_json_and_the_errors(run, council):
    before = sha256(council)
    code, out, err = run("seats", council, ARNHEM_MOTION, "--json", "--against", "GroenLinks")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {"motion", "today", "parties", "for", "against", "unknown", "seats_unknown", "council_size",
                         "majority", "verdict", "sentence", "stored"}
    assert data["stored"] is False and data["council_size"] == 39
    groenlinks = data["parties"][0]
    assert (groenlinks["name"], groenlinks["seats"], groenlinks["choice"], groenlinks["guessed"]) == (
        "GroenLinks", 9, "against", False)
    assert groenlinks["basis"][0]["vote"] == 3 and groenlinks["prefill"] == "for"
    assert data["against"] == 9 + sum(p["seats"] for p in data["parties"] if p["choice"] == "against" and p["guessed"])
    code, out, err = run("seats", council, ARNHEM_MOTION, "--for", "JA21")
    assert code == 1 and "Geen fractie 'JA21'" in err and "Fracties: GroenLinks (GL), D66" in err
    code, out, err = run("seats", council, "M8")
    assert code == 1 and "M8 Delegatie naar Wuhan (id m8-2019); M8 Handelsmissie naar Wuhan (id m8)" in err
    assert sha256(council) == before
