"""Meetings and their agendas from council systems: Notubiz meetings and GemeenteOplossingen meeting pages, on
real captured files, and the links between a Notubiz motion and the agenda item it was submitted at."""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path

import lxml.html
import pytest
from sqlalchemy import select

from raadsdossier.domain.errors import InvalidInput
from raadsdossier.domain.models import AgendaItem, Meeting, Motion, Source
from raadsdossier.importers import detect_format
from raadsdossier.importers.go_meeting import read_go_meeting
from raadsdossier.importers.notubiz import agenda_item_id, item_id, meeting_id
from raadsdossier.importers.notubiz_meeting import read_notubiz_meeting
from raadsdossier.services.importing import import_files
from raadsdossier.storage.dossier import Dossier
from tests.conftest import sha256

COUNCIL = Path(__file__).resolve().parents[1] / "fixtures" / "council"
AMSTERDAM = COUNCIL / "notubiz_meeting_amsterdam.json"
DEN_HELDER = COUNCIL / "go_meeting_den_helder.html"
DEN_HELDER_ROW = COUNCIL / "go_meeting_item_den_helder.html"
ALKMAAR = COUNCIL / "notubiz_alkmaar_motions.json"
MODULES = COUNCIL / "notubiz_alkmaar_modules.json"

GO_HOST = "gemeenteraad.denhelder.nl"
DEN_HELDER_TITLES = [
    "Opening.", "Spreekrecht burgers.", "Vragenkwartier.", "Bepalen stemvolgorde.", "Vaststelling agenda.",
    ("Bekrachtigen van de geheimhouding op de daartoe door het college gewaarmerkte exploitatie van Zeestad per "
     "1 januari 2015.")]


def imported(path: Path, *files: Path):
    """The import's report, through the service both faces use."""
    with Dossier.open(path) as dossier:
        return import_files(dossier, list(files)).report


def meetings(path: Path) -> list[dict]:
    """The dossier's meetings as a user sees them: title, date, body, agenda and documents."""
    with Dossier.open(path) as dossier, dossier.session() as session:
        found = []
        for meeting in session.scalars(select(Meeting).order_by(Meeting.reference)):
            found.append({
                "id": meeting.id, "reference": meeting.reference, "title": meeting.title, "date": meeting.date,
                "body": meeting.body.value if meeting.body else None,
                "agenda": [(a.number, a.title, a.kind.value) for a in meeting.agenda_items],
                "agenda_ids": [a.id for a in meeting.agenda_items],
                "sources": sorted((s.title, s.url) for s in meeting.sources),
            })
        return found


def documents_of(path: Path, agenda_item: str) -> list[tuple[str, str]]:
    with Dossier.open(path) as dossier, dossier.session() as session:
        found = session.scalars(select(Source).where(Source.agenda_item_id == agenda_item))
        return sorted((s.title, s.url) for s in found)


def count(path: Path, model) -> int:
    with Dossier.open(path) as dossier, dossier.session() as session:
        return len(session.scalars(select(model)).all())


def add_by_hand(path: Path, after_title: str, title: str) -> str:
    """An agenda item the user adds in the window (no origin), after the one titled `after_title`."""
    mine = "d0000000-0000-4000-8000-000000000001"
    with Dossier.open(path) as dossier, dossier.transaction() as session:
        meeting = session.scalars(select(Meeting)).one()
        at = [a.title for a in meeting.agenda_items].index(after_title) + 1
        meeting.agenda_items.insert(at, AgendaItem(id=mine, number="2a", title=title))
        for position, row in enumerate(meeting.agenda_items):
            row.position = position
    return mine


def assert_one_line_error(code: int, err: str, path: Path) -> None:
    assert code == 1
    assert err.strip().count("\n") == 0, err
    assert str(path) in err and "Traceback" not in err


def amsterdam() -> dict:
    return json.loads(AMSTERDAM.read_text(encoding="utf-8"))


def write_json(path: Path, data) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


# -- Notubiz: the Amsterdam meeting ------------------------------------------------------------

def test_the_amsterdam_meeting_is_one_committee_meeting_with_all_45_agenda_items_in_notubiz_order(new_dossier):
    report = imported(new_dossier, AMSTERDAM)
    (meeting,) = meetings(new_dossier)
    assert meeting["reference"] == "notubiz-458902"
    assert (meeting["title"], meeting["date"], meeting["body"]) == ("raadscommissie Financiën", "2018-02-08",
                                                                     "committee")
    agenda = meeting["agenda"]
    assert len(agenda) == 45
    # Notubiz's order (1-40, no 18) first, the six items without an order after them as the file lists them.
    assert agenda[:6] == [(None, "TIJD: 13.30 uur tot 17.00 uur", "heading"), (None, "LOCATIE: De Raadszaal", "heading"),
                          (None, "Algemeen", "heading"), ("1", "Opening procedureel gedeelte", "debate"),
                          ("2", "Mededelingen", "debate"), ("3", "Vaststellen agenda", "debate")]
    assert agenda[14] == ("11", ("Brief aan de raad inzake Nadere informatie over de centrale huisvesting van de "
                                 "Amsterdamse School naar aanleiding van de vergadering van de Cie FIN van 19 oktober "
                                 "2017 Nr. BD2018-001117"), "debate")
    assert agenda[15][0] == "12"
    assert ("TKN 1", "Afdoening toezegging personeel WOZ-project (TA 2017-001216). (BD2017-016443)", "debate") in agenda
    assert agenda[38] == (None, "VOOR DE OVERIGE PORTEFEUILLES GEEN PUNTEN TER KENNISNAME", "heading")
    assert [title for _n, title, _k in agenda[39:]] == [
        "Vaststellen agenda (4)", "Vaststellen agenda (2)", "Waterbeheer", "Vaststellen agenda (6)",
        "Vaststellen agenda (5)", "Vaststellen agenda (3)"]
    assert [number for number, _t, _k in agenda].count("3") == 6  # numbers may repeat
    assert sum(kind == "heading" for _n, _t, kind in agenda) == 13
    assert dict(report.added) == {"meetings": 1, "sources": 52}


def test_its_documents_are_sources_with_their_addresses_and_the_agenda_items_they_belong_to(new_dossier):
    imported(new_dossier, AMSTERDAM)
    (meeting,) = meetings(new_dossier)
    assert ("Uitslagenlijst FIN 2018 02 08", "https://api.notubiz.nl/document/6183601/1") in meeting["sources"]
    assert ("Definitief verslag FIN 08 02 2018", "https://api.notubiz.nl/document/6268204/1") in meeting["sources"]
    assert len(meeting["sources"]) == 3  # the two documents and the meeting itself
    assert count(new_dossier, Source) == 52
    titles = [t for _n, t, _k in meeting["agenda"]]
    termijnagenda = meeting["agenda_ids"][titles.index("Termijnagenda, per portefeuille")]
    assert termijnagenda == agenda_item_id(3842864)
    assert documents_of(new_dossier, termijnagenda) == [
        ("FIN portefeuille Financien", "https://api.notubiz.nl/document/6162147/1"),
        ("FIN portefeuille Gemeentelijk Vastgoed", "https://api.notubiz.nl/document/6160301/1"),
        ("FIN portefeuille Inkoop", "https://api.notubiz.nl/document/6160302/1"),
        ("FIN portefeuille Personeel en organisatie", "https://api.notubiz.nl/document/6160303/1"),
        ("FIN portefeuille Waterbeheer", "https://api.notubiz.nl/document/6160306/1")]
    with Dossier.open(new_dossier) as dossier, dossier.session() as session:
        on_agenda = session.scalars(select(Source).where(Source.agenda_item_id.is_not(None))).all()
        assert len(on_agenda) == 49
        assert {s.date for s in on_agenda} == {"2018-05-10"}  # the publication date


def test_importing_the_meeting_twice_changes_nothing(new_dossier):
    imported(new_dossier, AMSTERDAM)
    before = meetings(new_dossier)
    again = imported(new_dossier, AMSTERDAM)
    assert not again.added and not again.updated and not again.linked
    assert dict(again.unchanged) == {"meetings": 1, "sources": 52}
    assert meetings(new_dossier) == before
    assert count(new_dossier, AgendaItem) == 45


def test_a_later_capture_updates_the_meeting_in_place_and_keeps_the_agenda_item_the_user_added(new_dossier, tmp_path):
    imported(new_dossier, AMSTERDAM)
    mine = add_by_hand(new_dossier, "Mededelingen", "Vraag over de stedenband")
    # The later capture (made here from the real one): an agenda item renamed, one moved, a document added.
    later = amsterdam()
    items = {item["id"]: item for item in later["agenda_items"]}
    items[3842861]["type_data"]["attributes"][0]["value"] = "Mededelingen van de voorzitter"
    items[3842869]["order"] = 41  # Rondvraag, from after Actualiteiten to the end of the ordered items
    added = copy.deepcopy(items[3842862]["documents"][0])
    added.update(id=9900001, title="Nagekomen brief over Beijing", url="https://api.notubiz.nl/document/9900001/1",
                 self="api.notubiz.nl/document/9900001")
    items[3842861]["documents"].append(added)
    report = imported(new_dossier, write_json(tmp_path / "later.json", later))

    assert dict(report.updated) == {"meetings": 1} and dict(report.added) == {"sources": 1}
    (meeting,) = meetings(new_dossier)
    titles = [title for _n, title, _k in meeting["agenda"]]
    assert len(titles) == 46 and titles.count("Mededelingen van de voorzitter") == 1 and "Mededelingen" not in titles
    assert titles[4:7] == ["Mededelingen van de voorzitter", "Vraag over de stedenband", "Vaststellen agenda"]
    assert titles.index("Rondvraag") == titles.index("VOOR DE OVERIGE PORTEFEUILLES GEEN PUNTEN TER KENNISNAME") + 1
    assert mine in meeting["agenda_ids"]
    assert documents_of(new_dossier, agenda_item_id(3842861)) == [
        ("Nagekomen brief over Beijing", "https://api.notubiz.nl/document/9900001/1")]
    assert count(new_dossier, Meeting) == 1


def agenda_read(path: Path) -> list[dict]:
    return read_notubiz_meeting(path)["meetings"][0]["agenda_items"]


def test_agenda_items_shuffled_in_the_file_come_in_the_order_notubiz_gives(tmp_path):
    original = [a["origin"] for a in agenda_read(AMSTERDAM)]
    shuffled = amsterdam()
    random.Random(22).shuffle(shuffled["agenda_items"])
    read = [a["origin"] for a in agenda_read(write_json(tmp_path / "geschud.json", shuffled))]
    assert read[:39] == original[:39]  # the order field decides
    without_order = [f"notubiz:{a['id']}" for a in shuffled["agenda_items"] if a["order"] is None]
    assert read[39:] == without_order  # the rest as the file lists them


def test_nested_agenda_items_follow_their_parent_once_even_when_listed_twice(tmp_path):
    data = amsterdam()
    items = {item["id"]: item for item in data["agenda_items"]}
    parent = items[3842862]  # 3. Vaststellen agenda
    children = [items[3842864], items[3842865]]  # Termijnagenda, TKN-lijst
    for child, order in zip(children, (2, 1)):
        child.update(order=order, parent={"id": 3842862})
    data["agenda_items"] = [a for a in data["agenda_items"] if a not in children]
    parent["agenda_items"] = children
    nested = [a["title"] for a in agenda_read(write_json(tmp_path / "genest.json", data))]
    assert nested[5:9] == ["Vaststellen agenda", "TKN-lijst", "Termijnagenda, per portefeuille",
                           "Conceptverslag van de openbare vergadering van de commissie Financiën (FIN) van 18.01.2018."]
    # Open Raadsinformatie's dumps list the children a second time at the top level.
    data["agenda_items"] += copy.deepcopy(children)
    twice = agenda_read(write_json(tmp_path / "tweemaal.json", data))
    assert [a["title"] for a in twice] == nested and len(twice) == 45


def test_a_meeting_without_plannings_imports_without_a_date(new_dossier, tmp_path):
    data = amsterdam()
    del data["plannings"]
    imported(new_dossier, write_json(tmp_path / "zonder-datum.json", data))
    (meeting,) = meetings(new_dossier)
    assert meeting["date"] is None and len(meeting["agenda"]) == 45


def test_the_api_answer_with_its_wrapper_and_numbered_attributes_is_the_same_meeting(new_dossier, tmp_path):
    data = amsterdam()
    data["attributes"] = [{"id": 1, "reference_model": None, "value": "raadscommissie Financiën"},
                          {"id": 3, "reference_model": None, "value": "<p>Openbare vergadering</p>"}]
    data.update(url="https://amsterdam.raadsinformatie.nl/vergadering/458902", canceled=True)
    document = read_notubiz_meeting(write_json(tmp_path / "api.json", {"meeting": data}))
    (meeting,) = document["meetings"]
    assert meeting["title"] == "raadscommissie Financiën" and meeting["reference"] == "notubiz-458902"
    assert "afgelast" in document["report"]["warnings"][0]
    imported(new_dossier, AMSTERDAM)
    imported(new_dossier, tmp_path / "api.json")
    assert count(new_dossier, Meeting) == 1 and count(new_dossier, AgendaItem) == 45


def test_a_document_without_an_address_is_skipped_and_said_so(tmp_path):
    data = amsterdam()
    data["documents"][0]["url"] = ""
    document = read_notubiz_meeting(write_json(tmp_path / "zonder-adres.json", data))
    assert document["report"]["skipped"] == {"documenten zonder adres": 1}
    assert "6183601" in document["report"]["warnings"][0]
    assert "Uitslagenlijst FIN 2018 02 08" not in [s["title"] for s in document["sources"]]


def test_notubiz_meetings_and_module_items_are_told_apart(tmp_path):
    assert detect_format(AMSTERDAM).name == "notubiz-meeting"
    assert detect_format(ALKMAAR).name == "notubiz"
    assert detect_format(MODULES).name == "notubiz"
    # The meeting's own documents can fill the first 4 KiB before anything that says "meeting".
    data = amsterdam()
    data["documents"] += [dict(d, id=d["id"] + n) for n in range(1, 8) for d in data["documents"]]
    front = {"creation_date": data.pop("creation_date"), "documents": data.pop("documents")}
    assert detect_format(write_json(tmp_path / "veel-stukken.json", {**front, **data})).name == "notubiz-meeting"
    # The app's own export holds meetings with agenda items too.
    export = read_notubiz_meeting(AMSTERDAM)
    assert detect_format(write_json(tmp_path / "export.json", export)).name == "dossier-json"


def test_a_truncated_meeting_file_is_refused_naming_the_file_and_nothing_is_written(run, new_dossier, tmp_path):
    broken = tmp_path / "afgebroken.json"
    broken.write_bytes(AMSTERDAM.read_bytes()[:5000])
    before = sha256(new_dossier)
    code, _out, err = run("import", new_dossier, broken)
    assert_one_line_error(code, err, broken)
    assert "geen geldige JSON" in err
    assert sha256(new_dossier) == before


def test_module_items_read_as_a_meeting_are_refused_with_what_to_do(run, new_dossier):
    code, _out, err = run("import", "--format", "notubiz-meeting", new_dossier, ALKMAAR)
    assert_one_line_error(code, err, ALKMAAR)
    assert "geen vergadering" in err and "'notubiz'" in err


# -- Notubiz: a motion and the agenda item it was submitted at ----------------------------------

# The Alkmaar motions name their agenda items (attribute 54 "Ingediend in", label "… (Gemeenteraad 22-01-2026
# 19:30)") but not their meeting's Notubiz id: the meeting here is built from the Amsterdam sample's structure
# with those two agenda items, under a meeting id made up for the test.
ALKMAAR_MEETING = 1499999


def alkmaar_meeting(tmp_path: Path, module_items: bool = False) -> Path:
    data = amsterdam()
    template = next(a for a in data["agenda_items"] if a["id"] == 3842862)
    agenda = []
    for number, (notubiz_id, title) in enumerate(((9977098, "Geotechnisch onderzoek woningbouw"),
                                                  (9978816, "Een Jongerenraad met stem en mandaat")), start=15):
        item = copy.deepcopy(template)
        item.update(id=notubiz_id, order=number, documents=[], module_items=[])
        item["type_data"]["title_prefix"] = f"{number}."
        item["type_data"]["attributes"][0]["value"] = title
        agenda.append(item)
    if module_items:  # as the API lists them: their address (Open Raadsinformatie fetches each by its "self")
        agenda[0]["module_items"] = [{"self": "api.notubiz.nl/modules/6/items/1124979"}]
        agenda[1]["module_items"] = [{"id": 1125193, "self": "api.notubiz.nl/modules/6/items/1125193"}]
    data.update(id=ALKMAAR_MEETING, agenda_items=agenda, documents=[], attributes={"Titel": "Gemeenteraad"},
                plannings=[{"start_date": "2026-01-22 19:30:00", "end_date": None}],
                self=f"api.notubiz.nl/events/meetings/{ALKMAAR_MEETING}")
    return write_json(tmp_path / "alkmaar-raad.json", data)


def motion_places(path: Path) -> dict[str, tuple]:
    with Dossier.open(path) as dossier, dossier.session() as session:
        return {m.id: (m.meeting_id, m.agenda_item_id) for m in session.scalars(select(Motion))}


def test_a_motion_submitted_at_an_agenda_item_is_put_on_it_when_the_meeting_is_in_the_dossier(new_dossier, tmp_path):
    imported(new_dossier, alkmaar_meeting(tmp_path))
    report = imported(new_dossier, ALKMAAR)
    assert dict(report.linked) == {} and report.added["motions"] == 2  # added and linked in one go
    assert motion_places(new_dossier) == {
        item_id(1124979): (meeting_id(ALKMAAR_MEETING), agenda_item_id(9977098)),
        item_id(1125193): (meeting_id(ALKMAAR_MEETING), agenda_item_id(9978816))}
    again = imported(new_dossier, ALKMAAR)
    assert not again.linked and not again.updated


def test_without_its_meeting_a_motion_imports_unplaced_and_the_meeting_places_it_later(new_dossier, tmp_path):
    imported(new_dossier, ALKMAAR)
    assert set(motion_places(new_dossier).values()) == {(None, None)}
    report = imported(new_dossier, alkmaar_meeting(tmp_path, module_items=True))  # its module items link back
    assert dict(report.linked) == {"motions": 2}
    assert motion_places(new_dossier)[item_id(1124979)] == (meeting_id(ALKMAAR_MEETING), agenda_item_id(9977098))


def test_the_motions_imported_again_after_the_meeting_find_their_agenda_items(new_dossier, tmp_path):
    imported(new_dossier, ALKMAAR)
    imported(new_dossier, alkmaar_meeting(tmp_path))  # a capture without module items
    report = imported(new_dossier, ALKMAAR)
    assert dict(report.linked) == {"motions": 2}
    assert motion_places(new_dossier)[item_id(1125193)] == (meeting_id(ALKMAAR_MEETING), agenda_item_id(9978816))


# -- GemeenteOplossingen: the Den Helder meeting page -------------------------------------------

def test_the_den_helder_page_is_one_council_meeting_with_15_agenda_items_in_page_order(new_dossier):
    assert detect_format(DEN_HELDER).name == "go-meeting"
    report = imported(new_dossier, DEN_HELDER)
    (meeting,) = meetings(new_dossier)
    assert (meeting["title"], meeting["date"], meeting["body"]) == ("Gemeenteraad", "2015-08-31", "council")
    assert meeting["reference"] == f"go-{GO_HOST}-17694"
    assert [n for n, _t, _k in meeting["agenda"]] == [str(n) for n in range(1, 16)]
    assert [t for _n, t, _k in meeting["agenda"]][:6] == DEN_HELDER_TITLES
    assert meeting["agenda"][-1] == ("15", "Sluiting.", "debate")
    assert ("Oproep vergadering gemeenteraad.pdf", (f"https://{GO_HOST}/Vergaderingen/Gemeenteraad/2015/31-augustus/"
                                                    "19:30/Oproep-vergadering-gemeenteraad-7.pdf")) in meeting["sources"]
    assert ("Geluidsopname: 1. 2015-08-31-19-01-19-Gemeenteraad.mp3",
            f"https://{GO_HOST}/Vergaderingen/Gemeenteraad/2015/31-augustus/19:30/download/888/mp3") in meeting["sources"]
    assert dict(report.added) == {"meetings": 1, "sources": 3}


def test_a_page_saved_with_its_styles_inline_is_still_a_meeting_page(tmp_path):
    # Constructed from the real Den Helder page as a browser saves it: the "saved from url" comment and 6 KB of
    # inline CSS before GO's <meta> tags, which then stand after the first 4 KiB.
    text = DEN_HELDER.read_text(encoding="utf-8")
    css = "<style type=\"text/css\">" + ".x{color:#000}\n" * 400 + "</style>\n"
    path = tmp_path / "Gemeenteraad 31 augustus 2015.html"
    path.write_text("<!-- saved from url=(0077)https://gemeenteraad.denhelder.nl/Vergaderingen/Gemeenteraad/2015/"
                    "31-augustus/19:30/ -->\n" + text.replace("<head>\n", "<head>\n" + css, 1), encoding="utf-8")
    assert path.read_text(encoding="utf-8").index("GemeenteOplossingen") > 4096
    assert detect_format(path).name == "go-meeting"
    assert read_go_meeting(path)["meetings"][0]["title"] == read_go_meeting(DEN_HELDER)["meetings"][0]["title"]


def test_importing_the_page_twice_changes_nothing(new_dossier):
    imported(new_dossier, DEN_HELDER)
    before = meetings(new_dossier)
    again = imported(new_dossier, DEN_HELDER)
    assert not again.added and not again.updated and dict(again.unchanged) == {"meetings": 1, "sources": 3}
    assert meetings(new_dossier) == before


def edited_page(tmp_path: Path, name: str, edit) -> Path:
    """A copy of the Den Helder page changed by `edit(page)`, written as a browser writes a page."""
    page = lxml.html.document_fromstring(DEN_HELDER.read_bytes(), parser=lxml.html.HTMLParser(encoding="utf-8"))
    edit(page)
    path = tmp_path / name
    path.write_bytes(lxml.html.tostring(page, encoding="utf-8", doctype="<!DOCTYPE html>"))
    return path


# The list GO shows under an agenda item when it is opened: the two entries of its answer for item 19024
# (openstate/open-raadsinformatie @ e5cad5bc : tests/ocd_backend/test_dumps/den_helder_meeting_item_documents.html),
# which lists one document twice, once with an absolute and once with a relative address.
ITEM_19024_DOCUMENTS = """<ul>
    <li class="onbekend"><a
            href="https://gemeenteraad.denhelder.nl/Documenten/Raadsbesluit-bekrachtiging-geheimhouding-Exploitatie-Zeestad.pdf">
        Raadsbesluit bekrachtiging geheimhouding Exploitatie Zeestad..pdf</a> <span class="extention pdf">(pdf, 73.28 kb)</span><a
            href="https://gemeenteraad.denhelder.nl/Documenten/Raadsbesluit-bekrachtiging-geheimhouding-Exploitatie-Zeestad.pdf/notitie/"
            title="Notitie" class="notelink " id="notelink19025_0_"><span class="nonvisual">notitie</span></a></li>
    <li class="onbekend"><a href="/Documenten/Raadsbesluit-bekrachtiging-geheimhouding-Exploitatie-Zeestad.pdf">
        Raadsbesluit bekrachtiging geheimhouding Exploitatie Zeestad..pdf</a> <span class="extention pdf">(pdf, 73.28 kb)</span><a
            href="https://gemeenteraad.denhelder.nl/Documenten/Raadsbesluit-bekrachtiging-geheimhouding-Exploitatie-Zeestad.pdf/notitie/"
            title="Notitie" class="notelink " id="notelink19025_0_"><span class="nonvisual">notitie</span></a></li>
</ul>"""


def with_item_6_opened(page) -> None:
    (documents,) = page.xpath('//div[@id="agendapunt_documenten_19024"]')
    documents.append(lxml.html.fragment_fromstring(ITEM_19024_DOCUMENTS))


def test_the_page_saved_with_an_agenda_item_opened_adds_its_documents_to_the_same_meeting_in_either_order(
        new_dossier, tmp_path):
    opened = edited_page(tmp_path, "punt-6-open.html", with_item_6_opened)
    document = read_go_meeting(opened)["meetings"][0]
    plain = read_go_meeting(DEN_HELDER)["meetings"][0]
    assert document["agenda_items"] == plain["agenda_items"] and document["id"] == plain["id"]
    zeestad = plain["agenda_items"][5]["id"]
    expected = [("Raadsbesluit bekrachtiging geheimhouding Exploitatie Zeestad..pdf",
                 f"https://{GO_HOST}/Documenten/Raadsbesluit-bekrachtiging-geheimhouding-Exploitatie-Zeestad.pdf")]
    for first, second in ((DEN_HELDER, opened), (opened, DEN_HELDER)):
        path = tmp_path / f"{first.stem}-eerst.raadsdossier"
        path.write_bytes(new_dossier.read_bytes())
        imported(path, first)
        imported(path, second)
        (meeting,) = meetings(path)
        assert len(meeting["agenda"]) == 15
        assert documents_of(path, zeestad) == expected  # one source: both entries are the same document


def test_the_agenda_row_saved_on_its_own_is_refused_with_what_to_import_instead(run, new_dossier):
    assert detect_format(DEN_HELDER_ROW).name == "go-meeting"
    imported(new_dossier, DEN_HELDER)
    before = sha256(new_dossier)
    code, _out, err = run("import", new_dossier, DEN_HELDER_ROW)
    assert_one_line_error(code, err, DEN_HELDER_ROW)
    assert "één agendapunt (punt 6" in err and "Importeer de vergaderpagina zelf" in err
    assert sha256(new_dossier) == before


def test_the_list_of_one_agenda_items_documents_is_refused_with_what_to_import_instead(tmp_path):
    answer = tmp_path / "stukken-bij-punt-6.html"
    answer.write_text("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\"></head>\n"
                      f"<body><h4>Vergaderstukken bij agendapunt:</h4>\n{ITEM_19024_DOCUMENTS}\n</body>\n</html>\n",
                      encoding="utf-8")
    assert detect_format(answer).name == "go-meeting"
    with pytest.raises(InvalidInput, match="lijst met stukken bij één agendapunt; die noemt de vergadering niet"):
        read_go_meeting(answer)


def test_a_later_capture_of_the_page_updates_the_meeting_in_place(new_dossier, tmp_path):
    imported(new_dossier, DEN_HELDER)
    mine = add_by_hand(new_dossier, "Spreekrecht burgers.", "Stedenband Den Helder")

    def later(page):
        rows = page.xpath('//ul[@id="vergadering"]/li')
        rows[3].addprevious(rows[4])  # "Vaststelling agenda" before "Bepalen stemvolgorde"
        title = rows[13].xpath('.//div[@class="title"]/h3/a')[0]
        title.text = "Motie vreemd aan de orde van de dag over de stedenband met Xiamen."

    report = imported(new_dossier, edited_page(tmp_path, "later.html", later))
    assert dict(report.updated) == {"meetings": 1} and not report.added
    (meeting,) = meetings(new_dossier)
    titles = [t for _n, t, _k in meeting["agenda"]]
    assert titles[:6] == ["Opening.", "Spreekrecht burgers.", "Stedenband Den Helder", "Vragenkwartier.",
                          "Vaststelling agenda.", "Bepalen stemvolgorde."]
    assert titles[14] == "Motie vreemd aan de orde van de dag over de stedenband met Xiamen."
    assert len(titles) == 16 and mine in meeting["agenda_ids"] and count(new_dossier, Meeting) == 1


def test_a_page_of_another_go_council_is_another_meeting_even_with_the_same_go_ids(new_dossier, tmp_path):
    def other_council(page):
        (url,) = page.xpath('//meta[@property="og:url"]')
        url.set("content", "https://raad.voorbeeldgemeente.nl/Vergaderingen/Raadscommissie-Bestuur-en-Middelen/2016/"
                           "05-oktober/19:30/")
        page.xpath('//input[@id="meeting_object_id"]')[0].set("value", "17694")  # the same number, another site
        (group,) = page.xpath('//h2[@class="page_title"]/span[contains(@class, "group")]')
        group.text = "Raadscommissie Bestuur en Middelen"
        page.xpath('//h2[@class="page_title"]/span[@class="date"]')[0].text = "5 oktober 2016"
        for row in page.xpath('//ul[@id="vergadering"]/li')[9:]:
            row.getparent().remove(row)

    other = edited_page(tmp_path, "andere-gemeente.html", other_council)
    imported(new_dossier, DEN_HELDER)
    imported(new_dossier, other)
    den_helder, voorbeeld = meetings(new_dossier)
    assert den_helder["reference"] == f"go-{GO_HOST}-17694" and len(den_helder["agenda"]) == 15
    assert voorbeeld["reference"] == "go-raad.voorbeeldgemeente.nl-17694"
    assert (voorbeeld["title"], voorbeeld["date"], voorbeeld["body"]) == (
        "Raadscommissie Bestuur en Middelen", "2016-10-05", "committee")
    assert len(voorbeeld["agenda"]) == 9 and not set(voorbeeld["agenda_ids"]) & set(den_helder["agenda_ids"])
    assert ("Oproep vergadering gemeenteraad.pdf", ("https://raad.voorbeeldgemeente.nl/Vergaderingen/Raadscommissie-"
            "Bestuur-en-Middelen/2016/05-oktober/19:30/Oproep-vergadering-gemeenteraad-7.pdf")) in voorbeeld["sources"]


def test_without_a_meeting_number_the_meeting_is_known_by_its_address_without_the_time(tmp_path):
    def no_number(page):
        for element in page.xpath('//input[@id="meeting_object_id" or @id="currentObjectIds"]'):
            element.getparent().remove(element)

    moved = edited_page(tmp_path, "zonder-nummer.html", no_number)
    (meeting,) = read_go_meeting(moved)["meetings"]
    assert meeting["reference"] == f"go-{GO_HOST}-Gemeenteraad/2015/31-augustus"
    assert len(meeting["agenda_items"]) == 15


def test_html_that_is_no_go_meeting_page_is_refused_or_kept_as_an_attachment(run, new_dossier, tmp_path):
    news = tmp_path / "nieuws.html"
    news.write_text("<!DOCTYPE html><html><head><title>Nieuws</title></head><body><p>Stedenband.</p></body></html>",
                    encoding="utf-8")
    assert detect_format(news).name == "attachment"
    before = sha256(new_dossier)
    code, _out, err = run("import", "--format", "go-meeting", new_dossier, news)
    assert_one_line_error(code, err, news)
    assert "geen vergaderpagina van GemeenteOplossingen" in err
    assert sha256(new_dossier) == before


def test_a_truncated_page_or_one_without_its_address_is_refused(run, new_dossier, tmp_path):
    cut = tmp_path / "afgebroken.html"
    cut.write_bytes(DEN_HELDER.read_bytes()[:30000])
    before = sha256(new_dossier)
    code, _out, err = run("import", new_dossier, cut)
    assert_one_line_error(code, err, cut)
    assert "houdt halverwege op" in err
    nameless = edited_page(tmp_path, "zonder-adres.html",
                           lambda page: page.xpath('//meta[@property="og:url"]')[0].getparent().remove(
                               page.xpath('//meta[@property="og:url"]')[0]))
    with pytest.raises(InvalidInput, match="het adres van de GO-site staat niet in de pagina"):
        read_go_meeting(nameless)
    assert sha256(new_dossier) == before
