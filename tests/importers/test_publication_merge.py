"""One item per publication across formats: KOOP XML, the Tweede Kamer's Zaak and an SRU record of one
publication are one motion (or question set) and one source, in any order, and importing any of them again
changes nothing."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from raadsdossier.domain.models import ItemVersion
from raadsdossier.importers import _publication
from raadsdossier.importers.koop_sru import read_koop_sru
from raadsdossier.importers.koop_xml import read_koop_xml
from raadsdossier.importers.tk_odata import read_tk_odata
from raadsdossier.services.importing import import_files
from raadsdossier.storage.dossier import Dossier

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
KOOP, TK = FIXTURES / "koop", FIXTURES / "tk-odata"
BUDGET = KOOP / "kst-36600-V-42.xml"
ANSWERS = KOOP / "ah-tk-20212022-3578-constructed.xml"  # constructed, not real: see tests/fixtures/README.md
SRU_RECORD = KOOP / "wetsuite_sru_record_gmb-2023-174296.xml"
ZAAK_PAGE = TK / "zaak_page502_value_array.json"
PAGE = TK / "stemming_expand_besluit_agendapunt_zaak_fractie_persoon_page0880.json"

# (KOOP XML, the Zaak with its documents expanded, the identifier that links them, the Zaak's pre-advice)
PAIRS = {
    "china-export-logo": (KOOP / "kst-26643-1344.xml", TK / "zaak_motie_2025Z10660_expand_document.json",
                          "kst-26643-1344", "Oordeel Kamer"),
    "oeigoeren": (KOOP / "kst-32735-395.xml", TK / "zaak_motie_2024Z10738_expand_document.json",
                  "kst-32735-395", "Ontraden"),
}
EXPORT_LOGO_ZAAK_ID = "e6e608c2-8fa4-4974-91a4-161981644cf3"


def load(dossier: Path, *paths: Path):
    """Import `paths` into `dossier` through the service both faces use; its report."""
    with Dossier.open(dossier) as opened:
        return import_files(opened, list(paths)).report


def exported(run, dossier: Path) -> dict:
    code, out, err = run("export-json", dossier)
    assert code == 0, err
    return json.loads(out)


def history_rows(dossier: Path) -> int:
    with Dossier.open(dossier) as opened, opened.session() as session:
        return session.scalar(select(func.count()).select_from(ItemVersion))


def assert_changes_nothing(dossier: Path, path: Path) -> None:
    rows = history_rows(dossier)
    report = load(dossier, path)
    assert not report.added and not report.updated, (path.name, report.summary_nl())
    assert history_rows(dossier) == rows


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def replaced(tmp_path: Path, fixture: Path, name: str, *changes: tuple[str, str]) -> Path:
    text = fixture.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    return write(tmp_path, name, text)


def publication_sources(document: dict, identifier: str) -> list[dict]:
    return [s for s in document["sources"] if s.get("document_number") == identifier]


# -- a motion: KOOP XML and its Zaak --------------------------------------------------------------

@pytest.mark.parametrize("koop_first", [True, False], ids=["koop-then-zaak", "zaak-then-koop"])
@pytest.mark.parametrize("pair", PAIRS, ids=list(PAIRS))
def test_koop_xml_and_its_zaak_are_one_motion_and_one_source_in_either_order(run, new_dossier, pair, koop_first):
    koop, zaak, identifier, advice = PAIRS[pair]
    for path in (koop, zaak) if koop_first else (zaak, koop):
        load(new_dossier, path)
    document = exported(run, new_dossier)
    (motion,) = document["motions"]
    (publication,) = publication_sources(document, identifier)
    text = read_koop_xml(koop)["motions"][0]
    # The publication's text and its source are KOOP's, whichever came first; the pre-advice is the Zaak's.
    assert motion["id"] == text["id"] == _publication.parse(identifier).motion_id
    assert motion["reference"] == identifier.removeprefix("kst-")
    assert (motion["title"], motion["date"]) == (text["title"], text["date"])
    assert motion["considerations"] == text["considerations"] and motion["operative_text"] == text["operative_text"]
    assert motion["submitters"] == text["submitters"]
    assert motion["pre_advice"] == advice and motion["status"] == "submitted"
    assert publication["title"] == f"{text['title']} (koop-xml: {identifier}, bestand {koop.name})"
    assert publication["url"] == f"https://zoek.officielebekendmakingen.nl/{identifier}.html"
    zaak_source = next(s for s in document["sources"] if s["title"].startswith("Tweede Kamer OData: Zaak "))
    assert len(document["sources"]) == 2
    assert sorted(motion["source_ids"]) == sorted([publication["id"], zaak_source["id"]])


@pytest.mark.parametrize("pair", PAIRS, ids=list(PAIRS))
def test_importing_either_file_again_changes_nothing(new_dossier, pair):
    koop, zaak, _identifier, _advice = PAIRS[pair]
    load(new_dossier, koop)
    load(new_dossier, zaak)
    for path in (koop, zaak, koop, zaak):  # KOOP, Zaak, KOOP and Zaak, KOOP, Zaak
        assert_changes_nothing(new_dossier, path)


@pytest.mark.parametrize("pair", PAIRS, ids=list(PAIRS))
def test_the_zaak_first_and_then_koop_again_changes_nothing_either(new_dossier, pair):
    koop, zaak, _identifier, _advice = PAIRS[pair]
    load(new_dossier, zaak)
    load(new_dossier, koop)
    for path in (zaak, koop):
        assert_changes_nothing(new_dossier, path)


def test_a_zaak_with_several_documents_takes_the_motion_from_the_one_that_publishes_it(tmp_path):
    koop, zaak_file, identifier, _advice = PAIRS["china-export-logo"]
    zaak = json.loads(zaak_file.read_text(encoding="utf-8"))
    motion_document = zaak["Document"][0]
    # A letter on the motion (a kamerstuk of its own) and an unpublished note come first; the motion's own
    # document names its identifier in upper case and only in ExterneIdentifier.
    letter = copy.deepcopy(motion_document)
    letter.update(Id="11111111-0000-4000-8000-000000000001", Soort="Brief regering", DocumentNummer="2025D99999",
                  Volgnummer=1350, Onderwerp="Kabinetsreactie op aangenomen moties")
    for publication in letter["HuidigeDocumentVersie"]["DocumentPublicatie"]:
        publication["Identifier"] = "kst-26643-1350"
    letter["HuidigeDocumentVersie"]["ExterneIdentifier"] = "kst-26643-1350"
    note = {"Id": "11111111-0000-4000-8000-000000000002", "Soort": "Bijlage", "DocumentNummer": "2025D99998",
            "Onderwerp": "Bijlage", "Datum": "2025-05-27T00:00:00+02:00", "HuidigeDocumentVersie": None}
    motion_document["HuidigeDocumentVersie"]["DocumentPublicatie"] = []
    motion_document["HuidigeDocumentVersie"]["ExterneIdentifier"] = "KST-26643-1344.xml"
    zaak["Document"] = [letter, note, motion_document]
    document = read_tk_odata(write(tmp_path, "zaak.json", json.dumps(zaak, ensure_ascii=False)))
    (motion,) = document["motions"]
    assert motion["id"] == read_koop_xml(koop)["motions"][0]["id"] and motion["reference"] == "26643-1344"
    numbers = {s.get("document_number") for s in document["sources"] if s["id"] in motion["source_ids"]}
    assert numbers == {"kst-26643-1350", "2025D99998", identifier, None}  # None: the Zaak's own source
    assert publication_sources(document, identifier)[0]["id"] == read_koop_xml(koop)["sources"][0]["id"]


def test_a_zaak_whose_documents_name_no_motion_of_its_own_stays_keyed_by_the_zaak(tmp_path):
    _koop, zaak_file, _identifier, _advice = PAIRS["china-export-logo"]
    zaak = json.loads(zaak_file.read_text(encoding="utf-8"))
    document = zaak["Document"][0]
    document.update(Soort="Brief regering", Volgnummer=1350)
    for publication in document["HuidigeDocumentVersie"]["DocumentPublicatie"]:
        publication["Identifier"] = "kst-26643-1350"
    document["HuidigeDocumentVersie"]["ExterneIdentifier"] = "kst-26643-1350"
    read = read_tk_odata(write(tmp_path, "zaak.json", json.dumps(zaak, ensure_ascii=False)))
    (motion,) = read["motions"]
    assert motion["reference"] == "2025Z10660"  # a letter's number is not the motion's
    assert publication_sources(read, "kst-26643-1350")[0]["id"] == _publication.source_id("kst-26643-1350")


# -- budget chapters ------------------------------------------------------------------------------

def test_two_budget_motions_with_the_same_number_on_two_chapters_stay_two(run, new_dossier, tmp_path):
    chapter_xii = replaced(tmp_path, BUDGET, "kst-36600-XII-42.xml", ("kst-36600-V-42", "kst-36600-XII-42"),
                           ("<begrotingshoofdstuk>V</begrotingshoofdstuk>",
                            "<begrotingshoofdstuk>XII</begrotingshoofdstuk>"))
    load(new_dossier, BUDGET, chapter_xii)
    document = exported(run, new_dossier)
    assert sorted(m["reference"] for m in document["motions"]) == ["36600-V-42", "36600-XII-42"]
    assert sorted(s["document_number"] for s in document["sources"]) == ["kst-36600-V-42", "kst-36600-XII-42"]
    assert_changes_nothing(new_dossier, chapter_xii)


@pytest.mark.parametrize("metadata, elements, reference", [
    # no metadata at all: the chapter from <begrotingshoofdstuk>, a chapter with letters
    ("", ("<dossiernr>36 600</dossiernr>", "<begrotingshoofdstuk>IIA</begrotingshoofdstuk>"), "36600-IIA-42"),
    # the chapter only in OVERHEIDop.dossiernummer, as "36600-XII"
    ('<meta name="OVERHEIDop.dossiernummer" content="36600-XII"/>', ("", ""), "36600-XII-42"),
    # the chapter written into <dossiernr>
    ("", ("<dossiernr>36 600 VIII</dossiernr>", ""), "36600-VIII-42"),
], ids=["begrotingshoofdstuk", "dossiernummer-meta", "in-dossiernr"])
def test_without_an_identifier_the_chapter_comes_from_where_the_file_writes_it(tmp_path, metadata, elements,
                                                                               reference):
    record = ('<meta name="OVERHEIDop.externMetadataRecord" scheme="" '
              'content="https://zoek.officielebekendmakingen.nl/kst-36600-V-42/metadata.xml"/>')
    path = replaced(tmp_path, BUDGET, "motie.xml", (record, metadata),
        ("<dossiernr>36 600</dossiernr>", elements[0]),
        ("<begrotingshoofdstuk>V</begrotingshoofdstuk>", elements[1]))
    document = read_koop_xml(path)
    (motion,), (source,) = document["motions"], document["sources"]
    identifier = f"kst-{reference}"
    assert motion["reference"] == reference and source["document_number"] == identifier
    assert motion["id"] == _publication.parse(identifier).motion_id
    assert source["url"] == f"https://zoek.officielebekendmakingen.nl/{identifier}.html"


# -- SRU ------------------------------------------------------------------------------------------

def test_a_search_record_of_the_publication_adds_no_second_source(run, new_dossier, tmp_path):
    koop, zaak, identifier, _advice = PAIRS["oeigoeren"]
    record = replaced(tmp_path, SRU_RECORD, "record.xml", ("gmb-2023-174296", identifier.upper()))
    assert read_koop_sru(record)["sources"][0]["id"] == read_koop_xml(koop)["sources"][0]["id"]
    load(new_dossier, koop, zaak)
    report = load(new_dossier, record)
    assert not report.added
    document = exported(run, new_dossier)
    (publication,) = publication_sources(document, identifier)
    assert publication["title"].startswith("Motie van de leden Boswijk en Paternotte (koop-xml: ")  # KOOP's stays
    assert len(document["sources"]) == 2 and len(document["motions"]) == 1
    for path in (record, koop, zaak, record):
        assert_changes_nothing(new_dossier, path)


def test_a_search_record_first_is_filled_in_by_the_publication(run, new_dossier, tmp_path):
    koop, _zaak, identifier, _advice = PAIRS["oeigoeren"]
    record = replaced(tmp_path, SRU_RECORD, "record.xml", ("gmb-2023-174296", identifier))
    load(new_dossier, record)
    report = load(new_dossier, koop)
    assert report.updated["sources"] == 1 and report.added == {"motions": 1}
    (publication,) = publication_sources(exported(run, new_dossier), identifier)
    assert "(koop-xml: kst-32735-395" in publication["title"]
    assert_changes_nothing(new_dossier, record)


# -- votes ----------------------------------------------------------------------------------------

def _page_on_export_logo(kamerstukdossier: bool) -> dict:
    """The real Stemming page, each agenda item's Zaken narrowed to the China Export-logo motion (as a
    Besluit → Zaak expansion names it); with `kamerstukdossier` that Zaak also has its dossier expanded."""
    data = json.loads(PAGE.read_text(encoding="utf-8"))
    for row in data["value"]:
        agendapunt = row["Besluit"]["Agendapunt"]
        agendapunt["Zaak"] = [z for z in agendapunt["Zaak"] if z["Nummer"] == "2025Z10660"]
        if kamerstukdossier:
            for zaak in agendapunt["Zaak"]:
                zaak["Kamerstukdossier"] = [{"Id": "5f0b1d52-1a83-4a43-9d4c-5d2b6a0c3e11", "Nummer": 26643,
                                             "Toevoeging": None, "Titel": zaak["Titel"], "Verwijderd": False}]
    return data


def test_votes_on_a_zaak_with_its_kamerstukdossier_go_on_the_motion_koop_made(run, new_dossier, tmp_path):
    koop, zaak, _identifier, _advice = PAIRS["china-export-logo"]
    page = write(tmp_path, "stemmingen.json", json.dumps(_page_on_export_logo(True), ensure_ascii=False))
    load(new_dossier, koop, zaak, page)
    document = exported(run, new_dossier)
    (motion,) = [m for m in document["motions"] if m["title"].startswith("Motie van het lid Valize")]
    assert motion["id"] == read_koop_xml(koop)["motions"][0]["id"] and motion["reference"] == "26643-1344"
    assert motion["votes"] and motion["status"] == "adopted" and motion["pre_advice"] == "Oordeel Kamer"
    assert motion["considerations"].startswith("constaterende dat het CE-keurmerk")
    assert len(document["motions"]) == 1


def test_in_one_file_with_the_zaak_the_votes_on_the_bare_zaak_go_on_its_kamerstuk_motion(tmp_path):
    koop, zaak, _identifier, _advice = PAIRS["china-export-logo"]
    both = write(tmp_path, "zaak_en_stemmingen.json", zaak.read_text(encoding="utf-8") + "\n"
                 + json.dumps(_page_on_export_logo(False), ensure_ascii=False))
    (motion,) = read_tk_odata(both)["motions"]
    assert motion["id"] == read_koop_xml(koop)["motions"][0]["id"] and motion["votes"]


def test_a_bare_zaak_on_its_own_names_no_kamerstuk_and_keys_the_motion_by_the_zaak(tmp_path):
    page = write(tmp_path, "stemmingen.json", json.dumps(_page_on_export_logo(False), ensure_ascii=False))
    (motion,) = read_tk_odata(page)["motions"]
    assert motion["reference"] == "2025Z10660"
    assert motion["id"] != _publication.parse("kst-26643-1344").motion_id


# -- a question set: KOOP XML of the answers and its Zaak -----------------------------------------

def _questions_zaak(tmp_path: Path) -> Path:
    """A real "Schriftelijke vragen" Zaak of the page, renumbered to the Zaak of the constructed answers and
    with a document naming them (as a Zaak with its documents expanded does)."""
    rows = json.loads(ZAAK_PAGE.read_text(encoding="utf-8"))
    zaak = dict(next(r for r in rows if r["Soort"] == "Schriftelijke vragen"))
    zaak.update(Nummer="2022Z11774", Onderwerp="De situatie met betrekking tot de Oeigoeren",
                GestartOp="2022-06-10T00:00:00+02:00")
    zaak["Document"] = [{"Id": "22222222-0000-4000-8000-000000000001", "Soort": "Antwoord schriftelijke vragen",
                         "DocumentNummer": "2022D30000", "Onderwerp": "Antwoord op vragen van het lid Sjoerdsma",
                         "Datum": "2022-07-15T00:00:00+02:00", "Verwijderd": False,
                         "HuidigeDocumentVersie": {"ExterneIdentifier": "ah-tk-20212022-3578",
                                                   "DocumentPublicatie": []}}]
    return write(tmp_path, "vragen_zaak.json", json.dumps(zaak, ensure_ascii=False))


@pytest.mark.parametrize("koop_first", [True, False], ids=["koop-then-zaak", "zaak-then-koop"])
def test_the_answers_and_their_zaak_are_one_question_set_and_one_source(run, new_dossier, tmp_path, koop_first):
    zaak = _questions_zaak(tmp_path)
    for path in (ANSWERS, zaak) if koop_first else (zaak, ANSWERS):
        load(new_dossier, path)
    document = exported(run, new_dossier)
    (question_set,) = document["question_sets"]
    (answers,) = publication_sources(document, "ah-tk-20212022-3578")
    assert len(question_set["questions"]) == 6 and question_set["answered_on"] == "2022-07-15"
    assert answers["id"] in question_set["source_ids"] and answers["title"].startswith("Antwoord op vragen")
    assert "(koop-xml: ah-tk-20212022-3578" in answers["title"]
    for path in (ANSWERS, zaak, ANSWERS):
        assert_changes_nothing(new_dossier, path)


@pytest.mark.parametrize("order", [("page", "zaak", "koop"), ("zaak", "page", "koop"), ("koop", "zaak", "page"),
                                   ("zaak", "koop", "page")])
def test_a_stemming_page_its_zaak_and_its_kamerstuk_are_one_motion_in_any_order(run, new_dossier, order):
    """The Stemming page expands the Zaak bare (no kamerstuk): its motion is keyed by the Zaak. The Zaak file names
    both, so the dossier keeps the Zaak's key as the kamerstuk motion's alias (item_aliases) and the page's votes
    and the KOOP text meet on one motion, whichever file comes first. (Page first and KOOP second, with the Zaak
    last, are two files that do not name each other: the Zaak then says they are one, without merging them.)"""
    koop, zaak, _identifier, advice = PAIRS["china-export-logo"]
    files = {"page": PAGE, "zaak": zaak, "koop": koop}
    for name in order:
        load(new_dossier, files[name])
    motions = [m for m in exported(run, new_dossier)["motions"]
               if m["reference"] in ("2025Z10660", "26643-1344") or "China Export-logo" in (m["title"] or "")]
    assert len(motions) == 1, [(m["id"], m["reference"]) for m in motions]
    assert motions[0]["reference"] == "26643-1344" and motions[0]["pre_advice"] == advice
    assert motions[0]["operative_text"]  # KOOP's text
    for name in order:
        assert_changes_nothing(new_dossier, files[name])
