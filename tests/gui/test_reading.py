"""The read view (gui/reading.py): what a councillor reads on an item's page before its form."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from raadsdossier.services import dashboard
from raadsdossier.interchange.spec import KIND_BY_KEY, PARTNERSHIP
from raadsdossier.services import edits, lists
from raadsdossier.storage.dossier import Dossier

DEMOS = ("arnhem-wuhan", "breda-yangzhou", "enschede-dalian", "maastricht-chengdu")


@pytest.fixture(autouse=True)
def dutch():
    """The app's Dutch locale (gui/app.py sets it at start): numbers as "1.200"."""
    from PySide6.QtCore import QLocale

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    yield
    QLocale.setDefault(before)


@pytest.mark.parametrize("language, single, ranged, total", [
    ("nl", "€ 145.000", "€ 5.000 – € 12.500,50", "€ 145.000"),
    ("en", "€145,000", "€5,000 – €12,500.50", "€145,000"),
])
def test_amounts_are_written_alike_in_the_list_the_read_view_and_the_overview(language, single, ranged, total):
    """One way of writing euros per language: the costs list wrote Dutch thousands in the English window
    ("€ 145.000" beside "€145,000" in the read view) and dropped the cents of a range's upper end."""
    from PySide6.QtCore import QLocale

    from raadsdossier.gui.i18n import format_money
    from raadsdossier.gui.sections import overview, registry

    english = language == "en"
    QLocale.setDefault(QLocale(QLocale.Language.English if english else QLocale.Language.Dutch,
                               QLocale.Country.UnitedKingdom if english else QLocale.Country.Netherlands))
    assert registry._money({"amount_eur": 145000}) == single == format_money(145000)
    assert registry._money({"amount_eur": 5000, "amount_max_eur": 12500.5}) == ranged
    assert registry._money({}) == ""
    assert overview._euro(14_500_000) == total


def plain(page: str) -> str:
    """The page as the reader sees it: its text, whitespace made single spaces."""
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(page)
    return re.sub(r"\s+", " ", document.toPlainText())


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def read(dossier, item_id: str) -> tuple[str, str]:
    """(HTML, visible text) of an item's page."""
    from raadsdossier.gui.reading import item_html

    key, data = lists.get(dossier, item_id)
    page = item_html(dossier, key, data)
    return page, plain(page)


@pytest.fixture
def arnhem(qapp, demo_copy):
    with Dossier.open(demo_copy("arnhem-wuhan")) as opened:
        yield opened


def test_the_arnhem_motion_reads_its_three_votes_with_their_notes(arnhem):
    motion = lists.page(arnhem, "motions")[0]
    _html, text = read(arnhem, motion["id"])
    assert "Motie stedenband met Wuhan verbreken" in text
    positions = [text.index(f"Stemming {n}") for n in (1, 2, 3)]
    assert positions == sorted(positions)
    outcomes = re.findall(r"Uitslag \(vastgelegd\): (\w+)", text)
    assert outcomes == ["verworpen", "verworpen", "aangenomen"]
    for vote in motion["votes"]:
        assert squash(vote["note"]) in text
    assert "al twee keer weggestemd" in text
    # The first two votes have only a recorded result: no chart. The third has the one choice the source gives
    # (GroenLinks for, its seats unknown): that row, and no computed result made up from it.
    first_two = text[:positions[2]]
    assert "Zetels" not in first_two and "GroenLinks" not in first_two
    assert "GroenLinks ■ voor" in text[positions[2]:]
    assert "Zonder zetels per fractie kan de uitslag niet worden berekend" in text
    assert "Berekende uitslag" not in text and "None" not in text
    assert "1. Stedenbanden met China" in text


@pytest.mark.parametrize("slug", ["enschede-dalian"])
def test_kamervragen_2022Z11774_show_all_17_questions_and_answers(qapp, demo_copy, slug):
    with Dossier.open(demo_copy(slug)) as dossier:
        found = [q for q in lists.page(dossier, "question_sets") if q.get("reference") == "2022Z11774"]
        assert found, "the demo dossiers hold Kamervragen 2022Z11774"
        _html, text = read(dossier, found[0]["id"])
    questions = found[0]["questions"]
    assert len(questions) == 17
    assert "2022Z11774 De situatie met betrekking tot de Oeigoeren" in text
    assert "Sjoerd Sjoerdsma" in text and "Wopke Hoekstra" in text
    assert "35 dagen" in text and "10 juni 2022" in text and "15 juli 2022" in text
    last = -1
    for question in questions:
        number = question["number"]
        at = text.index(f"Vraag {number} ", last + 1)
        assert text.index(squash(question["question"]), at) == text.index(f"Vraag {number} ", at) + len(f"Vraag {number} ")
        answer_at = text.index(f"Antwoord {number} ", at)
        assert text.index(squash(question["answer"]), answer_at) == answer_at + len(f"Antwoord {number} ")
        last = answer_at
    assert text.index("Bronnen") > last


@pytest.fixture
def council(qapp, dossier):
    """The new Enschede dossier with parties, a meeting with its agenda and two sources."""
    parties = {}
    for name, seats in (("VVD", 10), ("GroenLinks", 8), ("D66", 5), ("PvdA", 4), ("CDA", 3), ("SP", 2)):
        parties[name] = f"p-{name.lower()}"
        edits.save_item(dossier, "parties", {"id": parties[name], "name": name, "seats": seats})
    edits.save_item(dossier, "meetings", {
        "id": "meet-1", "title": "Raadsvergadering 5 juli 2021", "date": "2021-07-05", "body": "council",
        "reference": "raad-2021-07-05", "agenda_items": [
            {"id": "ag-7", "number": "7", "title": "Stedenband met Dalian", "kind": "debate"}]})
    edits.save_item(dossier, "sources", {
        "id": "src-1", "kind": "article", "title": "Raad twijfelt over Dalian", "publisher": "Tubantia",
        "date": "2021-07-06", "url": "https://example.org/raad-dalian", "document_number": "TB-12"})
    edits.save_item(dossier, "sources", {
        "id": "src-2", "kind": "letter", "title": "Brief van het college over Dalian", "publisher": "Gemeente Enschede",
        "date": "2021-06"})
    return dossier, parties


def test_a_motion_with_party_votes_shows_rows_result_warning_and_who_changed_sides(council):
    dossier, parties = council

    def choices(groenlinks: str) -> list[dict]:
        return [{"party": parties["VVD"], "choice": "against", "seats": 10},
                {"party": parties["GroenLinks"], "choice": groenlinks, "seats": 8},
                {"party": parties["D66"], "choice": "for", "seats": 5},
                {"party": parties["PvdA"], "choice": "for", "seats": 4},
                {"party": parties["CDA"], "choice": "not_voting", "seats": 3},
                {"party": parties["SP"], "choice": "for", "seats": 2}]

    edits.save_item(dossier, "motions", {
        "id": "m-1", "reference": "M7", "title": "Stedenband opschorten", "date": "2021-07-05", "status": "adopted",
        "confidentiality": "confidential", "meeting_id": "meet-1", "agenda_item_id": "ag-7",
        "submitters": [{"party": parties["SP"]}], "co_submitters": [{"name": "J. de Vries"}],
        "considerations": "constaterende dat Dalian partnerstad is;\nconstaterende dat er kampen zijn;\n\n"
                          "overwegende dat de raad een standpunt moet innemen;",
        "operative_text": "verzoekt het college\nde stedenband op te schorten,", "pre_advice": "Ontraden.",
        "follow_up": "Het college schreef Dalian een brief.",
        "votes": [
            {"date": "2021-06-14", "kind": "party", "result": "adopted", "note": "Eerste ronde.",
             "choices": choices("against")},
            {"date": "2021-07-05", "kind": "party", "result": "adopted", "note": None, "choices": choices("for")},
        ],
        "source_ids": ["src-2", "src-1"]})
    page, text = read(dossier, "m-1")
    assert "Niet openbaar: vertrouwelijk" in text
    assert "M7 Stedenband opschorten" in text
    assert "constaterende dat Dalian partnerstad is;" in text and "verzoekt het college de stedenband op te schorten," in text
    assert "Ontraden." in text and "Wat ervan terechtkwam Het college schreef Dalian een brief." in text
    assert 'href="item:meet-1">Raadsvergadering 5 juli 2021</a>' in page
    assert "7 Stedenband met Dalian" in text
    assert "Indieners SP" in text and "Mede-indieners J. de Vries" in text
    # one row per party: name, choice, seats
    first = text[text.index("Stemming 1"):text.index("Stemming 2")]
    for row in ("GroenLinks ■ tegen 8", "VVD ■ tegen 10", "D66 ■ voor 5", "PvdA ■ voor 4", "SP ■ voor 2",
                "CDA ■ niet gestemd 3"):
        assert row in first
    assert "Berekende uitslag: verworpen (11 voor, 18 tegen)" in first
    assert "Vastgelegde uitslag: aangenomen" in first
    assert "Let op:" in first and "klopt niet met de stemmen" in first
    second = text[text.index("Stemming 2"):]
    assert "Berekende uitslag: aangenomen (19 voor, 10 tegen)" in second and "Let op:" not in second
    assert "Van standpunt veranderd tussen stemmingen: GroenLinks: tegen → voor (1 → 2)" in text
    # each party's bar as long as its seats: the largest party fills the cell, one of half its seats half
    assert 'width="100%" bgcolor="#c62828"' in page and 'width="50%" bgcolor="#2e7d32"' in page
    # the sources, numbered, with publisher, date, document number and address
    assert ("Bronnen 1. Raad twijfelt over Dalian, Tubantia, 6 juli 2021, TB-12, https://example.org/raad-dalian "
            "2. Brief van het college over Dalian, Gemeente Enschede, juni 2021") in text
    assert '<a href="https://example.org/raad-dalian">' in page and 'href="item:src-2"' in page


def test_a_party_vote_without_seats_lists_the_parties_but_counts_nothing(council):
    dossier, parties = council
    edits.save_item(dossier, "parties", {"id": "p-x", "name": "Lokaal Enschede"})  # seats unknown
    edits.save_item(dossier, "motions", {"id": "m-2", "title": "Motie zonder zetels", "votes": [
        {"kind": "party", "result": "rejected", "choices": [{"party": "p-x", "choice": "for", "seats": None}]}]})
    _page, text = read(dossier, "m-2")
    assert "Lokaal Enschede ■ voor —" in text
    assert "Berekende uitslag" not in text and "Uitslag (vastgelegd): verworpen" in text


def test_text_is_escaped_and_never_cut(council):
    dossier, _parties = council
    long_text = " ".join(f"woord{n}" for n in range(3000))
    edits.save_item(dossier, "notes", {"id": "n-1", "title": "<b>niet vet</b> & zo", "kind": "speaking_notes",
                                       "body": long_text, "meeting_id": "meet-1"})
    page, text = read(dossier, "n-1")
    assert "<b>niet vet</b> & zo" in text and "&lt;b&gt;niet vet&lt;/b&gt; &amp; zo" in page
    assert long_text in text and "…" not in text
    assert "Spreektekst" in text or "spreektekst" in text


def test_a_question_set_reads_as_a_conversation_with_its_deadline(council):
    dossier, parties = council
    edits.save_item(dossier, "people", {"id": "pers-1", "name": "Anne Raadslid", "role": "member",
                                        "party_id": parties["D66"]})
    edits.save_item(dossier, "question_sets", {
        "id": "q-1", "reference": "SV-2020-4", "title": "Vragen over Dalian", "kind": "council_questions",
        "submitted_on": "2020-01-06", "answer_deadline_days": 30, "postponement_notice_on": "2020-02-03",
        "postponement_note": "Het college heeft meer tijd nodig.", "submitters": [{"person": "pers-1"}],
        "addressees": [{"name": "Het college van B&W"}],
        "questions": [{"number": 1, "question": "Kent u het bericht?", "answer": "Ja.\n\nEn verder nee."},
                      {"number": 2, "question": "Wat gaat u doen?", "answer": None, "answered_with": 1},
                      {"number": 3, "question": "Wanneer?", "answer": None, "answered_with": None}]})
    page, text = read(dossier, "q-1")
    assert "SV-2020-4 Vragen over Dalian" in text
    assert "Anne Raadslid (D66)" in text and 'href="item:pers-1"' in page and "Het college van B&W" in text
    assert "Uiterste datum 5 februari 2020" in text
    assert "Over de termijn en nog niet beantwoord." in text
    assert "Uitstelbericht van 3 februari 2020 Het college heeft meer tijd nodig." in text
    assert "Vraag 1 Kent u het bericht? Antwoord 1 Ja. En verder nee." in text
    assert "Vraag 2 Wat gaat u doen? Antwoord 2 Zie het antwoord op vraag 1." in text
    assert "Vraag 3 Wanneer? Antwoord 3 Nog niet beantwoord." in text


def _fill_every_kind(dossier, parties, tmp_path) -> dict[str, str]:
    """One item of every kind with every field filled; key -> id."""
    attachment = tmp_path / "brief-college.txt"
    attachment.write_text("Het college ziet geen reden de band op te zeggen.\n\nTweede alinea.", encoding="utf-8")
    added = edits.add_attachments(dossier, [attachment]).change.added["attachment"]
    attachment_id = next(iter(added))
    everything = {
        "people": {"id": "pers-2", "name": "Rahima Activist", "role": "activist", "party_id": parties["SP"],
                   "sensitive": True, "description": "Spreekt namens de Oeigoerse gemeenschap."},
        "parties": {"id": "p-y", "name": "Partij Y", "abbreviation": "PY", "seats": 1, "valid_from": "2018",
                    "valid_until": "2022"},
        "motions": {"id": "m-3", "reference": "M9", "title": "Motie Y", "date": "2021-07", "meeting_id": "meet-1",
                    "agenda_item_id": "ag-7", "considerations": "Overwegende.", "operative_text": "Verzoekt.",
                    "status": "held", "pre_advice": "Oordeel raad.", "follow_up": "Nog niets.",
                    "submitters": [{"person": "pers-2"}], "co_submitters": [{"party": parties["VVD"]}],
                    "votes": [{"date": "2021-07", "kind": "roll_call", "result": "adopted", "note": "Hoofdelijk.",
                               "choices": [{"person": "pers-2", "choice": "for", "seats": None}]}]},
        "commitments": {"id": "c-1", "title": "Brief aan Dalian", "description": "De wethouder schrijft.",
                        "promised_on": "2021-07-05", "meeting_id": "meet-1", "deadline": "2021-09-01",
                        "status": "open", "fulfilled_by_id": "src-2", "promised_by": [{"name": "Wethouder A"}]},
        "college_notes": {"id": "cn-1", "kind": "information_letter", "status": "published", "date": "2021-08",
                          "title": "Raadsinformatiebrief Dalian", "summary": "Een overzicht.",
                          "stated_position": "Het college blijft in gesprek.", "attachment_id": attachment_id},
        "demonstrations": {"id": "d-1", "title": "Demonstratie op de markt", "date": "2021-07-05", "place": "Enschede",
                           "estimated_size": 1200, "demands": "Stop de band.", "description": "Vreedzaam.",
                           "motion_id": "m-3", "meeting_id": "meet-1", "organisers": [{"person": "pers-2"}]},
        "events": {"id": "e-1", "kind": "trade_mission", "date": "2019-05", "end_date": "2019-06",
                   "period": "voorjaar 2019", "title": "Handelsmissie", "description": "Met zes bedrijven."},
        "costs": {"id": "k-1", "amount_eur": 5000, "amount_max_eur": 12500.5, "basis": "per_trip",
                  "category": "travel", "date": "2019", "end_date": "2020", "description": "Reiskosten delegatie"},
        "outcomes": {"id": "o-1", "claim": "Meer export", "value": "€15 mln omzet", "claimed_by": "Kamer van Koophandel",
                     "date": "2020"},
        "unassigned_votes": {"id": "u-1", "agenda_item": "Moties vreemd aan de orde", "decision": "Aangenomen.",
                             "date": "2021-07-05", "kind": "party", "result": "adopted", "note": "Uit Notubiz.",
                             "choices": [{"party": parties["VVD"], "choice": "for", "seats": 10}],
                             "candidate_motions": ["m-3"]},
        "question_sets": {"id": "q-2", "reference": "SV-2021-1", "title": "Vragen over de handelsmissie",
                          "kind": "council_questions", "submitted_on": "2021-03-01", "answered_on": "2021-04-15",
                          "postponement_notice_on": "2021-03-29", "postponement_note": "Later.",
                          "answer_deadline_days": 30, "submitters": [{"party": parties["SP"]}],
                          "addressees": [{"name": "Het college"}],
                          "questions": [{"number": 1, "question": "Waarom?", "answer": "Daarom."}]},
        "notes": {"id": "n-2", "kind": "general", "title": "Aantekening", "body": "Vragen voorbereiden.",
                  "meeting_id": "meet-1", "confidentiality": "internal"},
    }
    ids = {"meetings": "meet-1", "sources": "src-1", "attachments": attachment_id}
    for key, data in everything.items():
        edits.save_item(dossier, key, {**data, "source_ids": ["src-1", "src-2"]})
        ids[key] = data["id"]
    partnership = dashboard.overview(dossier)["partnership"]
    partnership.update({"partner_country": "China", "partner_region": "Liaoning", "status": "dormant",
                        "focus_themes": ["economie", "onderwijs"], "description": "Sinds 1998.",
                        "status_history": [{"date": "2019", "period": "Na 2019", "status": "dormant",
                                            "note": "Na 2019 sluimerend"}]})
    edits.save_item(dossier, "partnership", partnership)
    ids["partnership"] = partnership["id"]
    return ids


def test_every_kind_reads_without_raw_field_names_or_none(council, tmp_path):
    from raadsdossier.gui.i18n import field_label
    from raadsdossier.gui.reading import is_long

    dossier, parties = council
    ids = _fill_every_kind(dossier, parties, tmp_path)
    assert set(ids) == set(KIND_BY_KEY) | {"partnership"}
    for key, item_id in ids.items():
        spec = PARTNERSHIP if key == "partnership" else KIND_BY_KEY[key]
        page, text = read(dossier, item_id)
        _key, data = lists.get(dossier, item_id)
        raw = [f.key for f in spec.fields] + [k for k, _role in spec.actors] + list(data["_computed"]) + [
            "source_ids", "confidentiality", "agenda_items", "votes", "questions", "choices", "candidate_motions",
            "status_history", "extracted_text", "content_base64", "sha256", "item"]
        shown = [name for name in raw if re.search(rf"\b{re.escape(name)}\b", text)]
        assert not shown, f"{key}: raw field names on the page: {shown}"
        assert "None" not in text and "item:" not in text, key
        assert "1. Raad twijfelt over Dalian" in text or key in ("partnership", "meetings", "sources", "attachments"), key
        # every short field that has a value is shown under its Dutch label, every long text in full
        for spec_field in spec.fields:
            if is_long(spec_field):
                if data.get(spec_field.key):
                    assert squash(data[spec_field.key]) in text, f"{key}: {spec_field.key} not shown"
                continue
            if (key, spec_field.key) in (("people", "sensitive"), ("motions", "reference"), ("question_sets", "reference"),
                                         ("unassigned_votes", "note"), ("question_sets", "postponement_notice_on")):
                continue  # notices; part of the heading; the vote's own note (asserted below)
            if data.get(spec_field.key) not in (None, "", []) and spec_field.key not in (
                    "title", "name", "claim", "file_name", "description", "decision", "dutch_side", "partner_name",
                    "partner_native_name", "amount_eur", "amount_max_eur", "motion_id", "meeting_id"):
                assert field_label(spec_field.key) in text, f"{key}: no label for {spec_field.key}"
    _page, text = read(dossier, ids["people"])
    assert "Deze persoon loopt risico." in text and "SP" in text
    _page, text = read(dossier, ids["demonstrations"])
    assert "Organisatoren Rahima Activist (SP) (loopt risico)" in text and "ongeveer 1.200 mensen" in text
    assert "Over motie M9 Motie Y" in text and "Eisen Stop de band." in text
    _page, text = read(dossier, ids["costs"])
    assert "Bedrag € 5.000 tot € 12.500,50" in text and "per reis" in text
    _page, text = read(dossier, ids["attachments"])
    assert "Het college ziet geen reden de band op te zeggen. Tweede alinea." in text and "Grootte" in text
    _page, text = read(dossier, ids["college_notes"])
    assert text.index("Standpunt college Het college blijft in gesprek.") < text.index("Samenvatting")
    assert "Bijlage brief-college.txt" in text
    _page, text = read(dossier, ids["commitments"])
    assert "Nagekomen met Brief van het college over Dalian" in text and "Toegezegd door Wethouder A" in text
    assert "Over de uiterste datum en nog niet nagekomen." in text
    page, text = read(dossier, ids["unassigned_votes"])
    assert "Mogelijke moties M9 Motie Y" in text and "VVD ■ voor 10" in text
    assert "Uitslag (vastgelegd): aangenomen" in text and "Uit Notubiz." in text
    assert "niet worden berekend" not in text  # the core counts a motion's votes, not an unassigned one
    _page, text = read(dossier, ids["meetings"])
    assert "Agendapunten 7 Stedenband met Dalian bespreekstuk" in text
    _page, text = read(dossier, ids["partnership"])
    assert "Enschede – Dalian (大连)" in text and "Na 2019 sluimerend" in text and "economie, onderwijs" in text
    _page, text = read(dossier, ids["notes"])
    assert "Niet openbaar: fractie-intern" in text and "Tekst Vragen voorbereiden." in text and "Orgaan" not in text
    _page, text = read(dossier, ids["motions"])
    assert "Indieners Rahima Activist (SP) (loopt risico)" in text
    assert "Soort: hoofdelijk Hoofdelijk. Lid Keuze Rahima Activist ■ voor" in text  # roll call: one row a member


def test_a_checklist_assessment_reads_with_its_evidence(council):
    from raadsdossier.gui.reading import item_html

    dossier, _parties = council
    edits.assess(dossier, "amnesty-2021", {"id": "b-politieke-realiteit-01", "status": "in_progress",
                                           "assessed_on": "2022-01-10", "note": "Half gedaan.",
                                           "evidence_ids": ["src-1"]})
    state = lists.checklist_state(dossier)
    entry = next(i for i in state["items"] if i["history"])
    text = plain(item_html(dossier, "checklist", entry["history"][-1]))
    assert entry["title"] in text and "bezig" in text and "10 januari 2022" in text
    assert "Bewijs Raad twijfelt over Dalian" in text and "Half gedaan." in text


@pytest.mark.parametrize("slug", DEMOS)
def test_every_item_of_every_demo_dossier_renders(qapp, demo_copy, slug):
    from raadsdossier.gui.reading import item_html

    with Dossier.open(demo_copy(slug)) as dossier:
        ids = [dashboard.overview(dossier)["partnership"]["id"]]
        for key in KIND_BY_KEY:
            ids += [row["id"] for row in lists.page(dossier, key, limit=100_000)]
        assert len(ids) >= 9
        for item_id in ids:
            key, data = lists.get(dossier, item_id)
            text = plain(item_html(dossier, key, data))
            assert "None" not in text and "_id" not in text, (key, item_id)


def test_a_cost_named_by_a_long_description_is_headed_by_its_first_sentence_and_read_whole(qapp, demo_copy):
    """Maastricht's total cost has no title: its three-sentence description made a five-line bold heading (and a
    link as long). The heading and links take its first sentence; the read view gives the whole text under it."""
    from raadsdossier.gui.reading import item_html
    from raadsdossier.gui.reading_page import item_title

    with Dossier.open(demo_copy("maastricht-chengdu")) as dossier:
        row = next(r for r in lists.page(dossier, "costs", limit=100) if r["description"].startswith("Totale"))
        key, data = lists.get(dossier, row["id"])
        description = " ".join(data["description"].split())
        first = "Totale uitgaven van Maastricht aan de band met Chengdu tussen 2013 en 2021, exclusief reiskosten."
        assert description.startswith(first) and len(description) > len(first) + 50
        assert item_title(key, data) == first
        page, text = read(dossier, row["id"])
        heading = re.search(r"<h[12][^>]*>(.*?)</h[12]>", page, re.S)
        assert heading and plain(heading.group(1)).strip() == first
        assert f"Omschrijving {description}" in text  # nothing of it lost
        short = {**data, "description": "Reiskosten per reis."}
        assert "Omschrijving" not in plain(item_html(dossier, key, short))  # a whole description is not repeated


def test_short_titles_take_a_first_sentence_from_a_description_and_cut_a_title_at_a_word():
    from raadsdossier.gui.reading_page import short_title

    assert short_title("Kort.") == "Kort."
    assert short_title("Reiskosten per reis, bovenop het totaal: " + "vijfduizend tot twaalfduizend euro " * 4) == \
        "Reiskosten per reis, bovenop het totaal"
    title = ("Kamervragen 2022Z11774: De situatie met betrekking tot de Oeigoeren in de regio en de rol van de "
             "partnersteden in het beleid van de gemeente")
    cut = short_title(title, 120, sentences=False)
    assert cut.startswith("Kamervragen 2022Z11774: De situatie") and cut.endswith("in het…") and len(cut) <= 121
    assert short_title("woord " * 40, 50).endswith("woord…")


def test_a_source_reads_with_the_items_that_cite_it(qapp, demo_copy, monkeypatch):
    """A source's page said what it is and nothing of what it is for: it now lists, as links, every item of the
    dossier that names it among its sources (the Follow the Money article backs Arnhem's motion, the
    demonstration and the Wuhan mayor's 'bedroefd' reaction, among others)."""
    from raadsdossier.gui import reading

    with Dossier.open(demo_copy("arnhem-wuhan")) as dossier:
        everything = [dashboard.overview(dossier)["partnership"]["id"]]
        everything += [row["id"] for key in KIND_BY_KEY for row in lists.page(dossier, key, limit=100_000)]
        sources = lists.page(dossier, "sources", limit=100)
        article = next(r for r in sources if r["title"].startswith("Stedenbanden met China"))
        citing = sorted(item_id for item_id in everything
                        if article["id"] in (lists.get(dossier, item_id)[1].get("source_ids") or []))
        assert len(citing) >= 3
        found = lists.citing(dossier, article["id"])
        assert sorted(found.ids) == citing and found.total == len(citing)
        page, text = read(dossier, article["id"])
        assert "Gebruikt als bron bij" in text
        for item_id in citing:
            assert f'href="item:{item_id}"' in page
        assert "Burgemeester van Wuhan ‘bedroefd’ over de aangenomen motie (gebeurtenis)" in text
        assert "Motie stedenband met Wuhan verbreken (motie)" in text
        # at most CITING_SHOWN are listed, and the rest counted
        few = lists.citing(dossier, article["id"], limit=1)
        assert len(few.ids) == 1 and few.total == len(citing)
        monkeypatch.setattr(reading, "CITING_SHOWN", 1)
        _page, text = read(dossier, article["id"])
        assert f"en nog {len(citing) - 1}" in text
        # a source nothing cites says so
        lonely = "5a000000-0000-4000-8000-00000000c1fe"
        edits.save_item(dossier, "sources", {"id": lonely, "kind": "article", "title": "Losse bron"})
        assert lists.citing(dossier, lonely) == ([], 0)
        assert "Gebruikt als bron bij Nog geen item in dit dossier noemt deze bron." in read(dossier, lonely)[1]


def test_the_reader_does_not_load_the_icons():
    code = ("import sys; import raadsdossier.gui.reading; "
            "sys.exit(1 if 'qtawesome' in sys.modules else 0)")
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0


@pytest.mark.parametrize("key, data", [
    ("commitments", {"title": "Evaluatie toegezegd", "status": "open"}),
    ("question_sets", {"title": "Vragen over de evaluatie", "kind": "council_questions"}),
    ("college_notes", {"title": "Raadsinformatiebrief evaluatie", "kind": "information_letter"}),
    ("notes", {"title": "Spreektekst evaluatie", "kind": "speaking_notes", "body": "Eerst de feiten."}),
])
def test_an_item_on_an_agenda_item_reads_its_meeting_and_agenda_item(qapp, dossier, key, data):
    meeting, agenda_item = "m0000000-0000-4000-8000-0000000000aa", "a0000000-0000-4000-8000-0000000000aa"
    edits.save_item(dossier, "meetings", {"id": meeting, "reference": "raad-2026-12-14", "title": "Raadsvergadering",
                                          "date": "2026-12-14", "agenda_items": [
                                              {"id": agenda_item, "number": "5", "title": "Stedenband", "kind": "debate"}]})
    item_id = "i0000000-0000-4000-8000-0000000000aa"
    edits.save_item(dossier, key, {"id": item_id, **data, "meeting_id": meeting, "agenda_item_id": agenda_item})
    html, text = read(dossier, item_id)
    assert "Raadsvergadering" in text and "5 Stedenband" in text
    assert f'href="item:{meeting}"' in html


def test_an_undated_event_reads_where_the_timeline_places_it(qapp, demo_copy):
    """The Wuhan mayor's 'bedroefd' reaction has no date of its own (its only source, of January 2022, gives
    none): the timeline put it at "datum onbekend (bron: januari 2022)", its read view gave no date at all."""
    with Dossier.open(demo_copy("arnhem-wuhan")) as dossier:
        row = next(r for r in lists.page(dossier, "events", limit=100) if "bedroefd" in r["title"])
        assert not row["date"]
        _page, text = read(dossier, row["id"])
        assert "Datum onbekend (bron: januari 2022)" in text
        dated = next(r for r in lists.page(dossier, "demonstrations", limit=100) if r["date"])
        _page, text = read(dossier, dated["id"])
        assert "Datum juli 2021" in text and "bron:" not in text.split("Datum", 1)[1][:40]
