"""The three outcomes of an import, the same for every format (docs/imports.md, "Exit codes and nothing to
import"): imported (exit 0), recognised but holding nothing to import (exit 3, a sentence naming what the
file holds and why it is not imported), not recognised or unreadable (exit 1).

The Tweede Kamer pages are built from real rows where the fixtures have that entity (Zaak, Fractie, the
Besluit and Agendapunt expanded on the Stemming page, the Documents expanded on a Zaak); the others have
exactly the fields the Gegevensmagazijn's `$metadata` gives the entity (tommyvanderwal/motiematcher @
348c9cec : api_metadata.xml, OData v4 2.0), with made-up values.
"""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

import pytest

from raadsdossier.importers import detect_format
from raadsdossier.services import importing
from raadsdossier.storage.dossier import Dossier
from tests.conftest import sha256

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TK = FIXTURES / "tk-odata"
PAGE = TK / "stemming_expand_besluit_agendapunt_zaak_fractie_persoon_page0880.json"
ZAAK_PAGE = TK / "zaak_page502_value_array.json"
FRACTIES = TK / "fractie_value_array.json"
UYGHUR = TK / "zaak_motie_2024Z10738_expand_document.json"
VOTES = FIXTURES / "council" / "ibabs_list_entry_votes_response.xml"
SRU = FIXTURES / "koop" / "motiematcher_api_response_sru_search.xml"
ODATA = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/$metadata#"
CHANGED = "2025-06-03T16:43:54.27+02:00"


def _id(*parts) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "/".join(map(str, parts))))


def _read(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def _stamped(fields: dict, n: int, entity: str) -> dict:
    return {"Id": _id(entity, n), **fields, "GewijzigdOp": CHANGED, "ApiGewijzigdOp": CHANGED, "Verwijderd": False}


def activiteiten(n: int) -> list[dict]:
    return [_stamped({"Soort": "Plenair debat", "Nummer": f"2025A0{4000 + i}", "Onderwerp": "Debat over China",
                      "DatumSoort": "Dag", "Datum": "2025-06-03T00:00:00+02:00",
                      "Aanvangstijd": "2025-06-03T14:00:00+02:00", "Eindtijd": "2025-06-03T18:00:00+02:00",
                      "Locatie": "Plenaire zaal", "Besloten": False, "Status": "Uitgevoerd",
                      "Vergaderjaar": "2024-2025", "Kamer": "Tweede Kamer", "Noot": None, "VRSNummer": None,
                      "SidVoortouw": None,
                      "Voortouwnaam": "Buitenlandse Zaken", "Voortouwafkorting": "BuZa", "Voortouwkortenaam": "BuZa",
                      "Voortouwcommissie_Id": _id("commissie"), "Aanvraagdatum": None,
                      "DatumVerzoekEersteVerlenging": None, "DatumMededelingEersteVerlenging": None,
                      "DatumVerzoekTweedeVerlenging": None, "DatumMededelingTweedeVerlenging": None,
                      "Vervaldatum": None}, i, "activiteit") for i in range(n)]


def vergaderingen(n: int) -> list[dict]:
    return [_stamped({"Soort": "Plenair", "Titel": f"{80 + i}e vergadering, dinsdag 3 juni 2025",
                      "Zaal": "Plenaire zaal", "Vergaderjaar": "2024-2025", "VergaderingNummer": 80 + i,
                      "Datum": "2025-06-03T00:00:00+02:00",
                      "Aanvangstijd": "2025-06-03T14:00:00+02:00", "Sluiting": "2025-06-03T23:10:00+02:00",
                      "Kamer": "Tweede Kamer"}, i, "vergadering") for i in range(n)]


def personen(n: int) -> list[dict]:
    return [_stamped({"Nummer": 1000 + i, "Titels": None, "Initialen": "A.", "Tussenvoegsel": "van",
                      "Achternaam": f"Lid{i}", "Voornamen": "Anna", "Roepnaam": "Anna", "Geslacht": "vrouw",
                      "Functie": "Tweede Kamerlid", "Geboortedatum": "1980-01-01", "Geboorteplaats": "Utrecht",
                      "Geboorteland": "Nederland", "Overlijdensdatum": None, "Overlijdensplaats": None,
                      "Woonplaats": "Utrecht", "Land": "NL", "ContentType": "image/jpeg", "ContentLength": 4223,
                      "Fractielabel": "GL-PvdA"}, i, "persoon") for i in range(n)]


def commissies(n: int) -> list[dict]:
    return [_stamped({"Nummer": 2000 + i, "Soort": "Vaste commissie", "Afkorting": "BuZa",
                      "NaamNL": "vaste commissie voor Buitenlandse Zaken", "NaamEN": "Foreign Affairs",
                      "NaamWebNL": "Buitenlandse Zaken", "NaamWebEN": "Foreign Affairs", "Inhoudsopgave": "B",
                      "DatumActief": "2002-05-23T00:00:00+02:00", "DatumInactief": None}, i, "commissie")
            for i in range(n)]


def fractiezetels(n: int) -> list[dict]:
    fracties = _read(FRACTIES)
    return [_stamped({"Gewicht": i + 1, "Fractie_Id": fracties[i % len(fracties)]["Id"]}, i, "fractiezetel")
            for i in range(n)]


def kamerstukdossiers(n: int) -> list[dict]:
    return [_stamped({"Titel": "Grondrechten in een pluriforme samenleving", "Citeertitel": None, "Alias": None,
                      "Nummer": 32735 + i, "Toevoeging": None, "HoogsteVolgnummer": 395, "Afgesloten": False,
                      "Kamer": "Tweede Kamer"}, i, "kamerstukdossier") for i in range(n)]


def verslagen(n: int) -> list[dict]:
    return [_stamped({"Soort": "Eindpublicatie", "Status": "Gecorrigeerd", "ContentType": "text/xml",
                      "ContentLength": 812345, "Vergadering_Id": _id("vergadering", i)}, i, "verslag")
            for i in range(n)]


def toezeggingen(n: int) -> list[dict]:
    return [_stamped({"Aanmaakdatum": "2025-06-04T00:00:00+02:00", "Nummer": f"TZ202506-{i:03d}",
                      "ActiviteitNummer": "2025A04000", "Naam": "Veldkamp", "Achternaam": "Veldkamp",
                      "Initialen": "C.C.J.", "Voornaam": "Caspar", "Achtervoegsel": None, "Titulatuur": "minister",
                      "Functie": "minister van Buitenlandse Zaken", "Status": "Open",
                      "DatumNakoming": "2025-09-01T00:00:00+02:00", "KamerbriefNakoming": None,
                      "Ministerie": "Buitenlandse Zaken", "Tekst": "De minister stuurt de Kamer een brief.",
                      "Tussenvoegsel": None}, i, "toezegging") for i in range(n)]


def zaakactoren(n: int) -> list[dict]:
    return [_stamped({"Zaak_Id": _id("zaak", i), "ActorNaam": "Boswijk", "ActorFractie": "CDA", "ActorAfkorting": "CDA",
                      "Functie": "Tweede Kamerlid", "Relatie": "Indiener", "SidActor": "S-1-5",
                      "Persoon_Id": _id("p", i),
                      "Fractie_Id": _id("f", i), "Commissie_Id": None}, i, "zaakactor") for i in range(n)]


def documenten(n: int) -> list[dict]:
    """The Documents expanded on the Uyghur motion's Zaak (real), without their own expansions."""
    real = [{k: v for k, v in d.items() if not isinstance(v, (dict, list))} for d in _read(UYGHUR)["Document"]]
    return [{**real[i % len(real)], "Id": real[i % len(real)]["Id"] if i < len(real) else _id("document", i)}
            for i in range(n)]


def besluiten(n: int) -> list[dict]:
    """The Besluiten expanded on the real Stemming page, without their Agendapunt and without Stemming."""
    found: dict[str, dict] = {}
    for row in _read(PAGE)["value"]:
        found.setdefault(row["Besluit_Id"], {k: v for k, v in row["Besluit"].items() if k != "Agendapunt"})
    return list(found.values())[:n]


def agendapunten(n: int) -> list[dict]:
    """The Agendapunten expanded on the real Stemming page, without their Zaken."""
    found: dict[str, dict] = {}
    for row in _read(PAGE)["value"]:
        agendapunt = row["Besluit"]["Agendapunt"]
        found.setdefault(agendapunt["Id"], {k: v for k, v in agendapunt.items() if k != "Zaak"})
    return list(found.values())[:n]


def deleted_fracties(n: int) -> list[dict]:
    """The real Fractie rows as the deleted placeholders the server sends (`Verwijderd: true`, fields null)."""
    return [{key: None for key in row} | {"Id": row["Id"], "Verwijderd": True} for row in _read(FRACTIES)[:n]]


def other_zaken(n: int) -> list[dict]:
    """Real Zaak rows that are neither a motion nor written questions."""
    return [r for r in _read(ZAAK_PAGE) if r["Soort"] not in ("Motie", "Schriftelijke vragen")][:n]


# entity, records, how many, what the sentence says the file holds
TK_NOTHING = [
    ("Activiteit", activiteiten, 3, "3 Activiteiten — activiteiten van de Tweede Kamer worden niet geïmporteerd"),
    ("Vergadering", vergaderingen, 2, "2 Vergaderingen — vergaderingen van de Tweede Kamer worden niet geïmporteerd"),
    ("Vergadering", vergaderingen, 1, "1 Vergadering — vergaderingen van de Tweede Kamer worden niet geïmporteerd"),
    ("Agendapunt", agendapunten, 2, "2 Agendapunten — agendapunten van de Tweede Kamer worden niet geïmporteerd"),
    ("Persoon", personen, 4, "4 Personen — Kamerleden worden alleen geïmporteerd met hun stem in een hoofdelijke "
                             "stemming"),
    ("Besluit", besluiten, 7, "7 Besluiten zonder stemmingen — een besluit wordt alleen met zijn stemmingen "
                              "geïmporteerd (vraag het op met $expand=Stemming)"),
    ("Document", documenten, 2, "2 Documenten — een document wordt alleen geïmporteerd als bron van een motie of "
                                "vragenset (Zaak met $expand=Document)"),
    ("Fractie", deleted_fracties, 11, "11 verwijderde Fracties"),
    ("Zaak", other_zaken, 162, "162 Zaken van een andere soort"),
    ("Commissie", commissies, 2, "2 Commissies — commissies van de Tweede Kamer worden niet geïmporteerd"),
    ("FractieZetel", fractiezetels, 5, "5 FractieZetels — zetels worden niet geïmporteerd; het aantal zetels staat "
                                       "bij de Fractie"),
    ("Kamerstukdossier", kamerstukdossiers, 1, "1 Kamerstukdossier — kamerstukdossiers worden niet geïmporteerd"),
    ("Verslag", verslagen, 2, "2 Verslagen — verslagen worden niet geïmporteerd"),
    ("Toezegging", toezeggingen, 3, "3 Toezeggingen — toezeggingen aan de Tweede Kamer worden niet geïmporteerd"),
    ("ZaakActor", zaakactoren, 2, "2 ZaakActoren — de actoren van een zaak worden niet geïmporteerd"),
]


def _nothing_sentence(path: Path, fmt: str, held: str) -> str:
    return f"raadsdossier: {path}: niets te importeren: herkend als {fmt}, maar het bestand bevat {held}."


@pytest.mark.parametrize("shape", ["response", "bare"])
@pytest.mark.parametrize("entity, records, n, held", TK_NOTHING, ids=[f"{e}-{n}" for e, _r, n, _h in TK_NOTHING])
def test_a_tk_file_with_nothing_to_import_names_what_it_holds_and_exits_3(run, new_dossier, tmp_path, shape,
                                                                          entity, records, n, held):
    rows = records(n)
    assert len(rows) == n
    # A server response names its entity in @odata.context; a bare array only by its fields.
    value = {"@odata.context": ODATA + entity, "value": rows} if shape == "response" else rows
    path = tmp_path / f"{entity.lower()}.json"
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    assert detect_format(path).name == "tk-odata"
    before = sha256(new_dossier)
    for dry_run in (["--dry-run"], []):
        code, out, err = run("import", *dry_run, new_dossier, path)
        assert code == 3, err
        assert out == ""
        assert err.splitlines()[0] == _nothing_sentence(path, "tk-odata", held)
        assert "Traceback" not in err
    assert sha256(new_dossier) == before


def test_an_empty_page_of_a_known_entity_is_nothing_to_import(run, new_dossier, tmp_path):
    path = tmp_path / "stemming.json"
    path.write_text(json.dumps({"@odata.context": ODATA + "Stemming(Besluit())", "value": []}), encoding="utf-8")
    code, out, err = run("import", new_dossier, path)
    assert code == 3, err
    assert err.splitlines()[0] == _nothing_sentence(path, "tk-odata", "1 lege pagina zonder Stemmingen")


def test_a_tk_page_of_activiteiten_is_not_taken_for_zaken(tmp_path):
    """An Activiteit has a Nummer and a Soort, as a Zaak has: its own fields say which it is."""
    from raadsdossier.importers.tk_odata import read_tk_odata

    path = tmp_path / "activiteiten.json"
    path.write_text(json.dumps(activiteiten(250)), encoding="utf-8")
    document = read_tk_odata(path)
    assert set(document) == {"format", "report"}
    assert document["report"]["skipped"] == {
        "Activiteiten — activiteiten van de Tweede Kamer worden niet geïmporteerd": 250}
    assert document["report"]["warnings"] == [
        "Raadsdossier leest uit het Gegevensmagazijn van de Tweede Kamer alleen Zaken (moties en schriftelijke "
        "vragen), Fracties, Stemmingen en Besluiten met hun stemmingen."]


def test_a_file_with_something_exits_0_and_names_the_files_that_held_nothing(run, new_dossier, tmp_path):
    path = tmp_path / "vergaderingen.json"
    path.write_text(json.dumps({"@odata.context": ODATA + "Vergadering", "value": vergaderingen(2)}), encoding="utf-8")
    code, out, err = run("import", new_dossier, FRACTIES, path)
    assert code == 0, err
    assert "geïmporteerd; toegevoegd: 11 fracties" in out
    assert f"let op: {path}: niets te importeren: herkend als tk-odata, maar het bestand bevat 2 Vergaderingen" in err
    # Imported again, the parties are already there as the file gives them: imported, not "nothing".
    code, out, err = run("import", new_dossier, FRACTIES)
    assert code == 0, err
    assert "toegevoegd: niets" in out


def test_an_unrecognised_file_exits_1_and_nothing_is_imported(run, new_dossier, tmp_path):
    unknown = tmp_path / "unknown.json"
    unknown.write_text('{"@odata.context": "x", "value": [{"Id": "a", "Naam": "b"}]}', encoding="utf-8")
    text = tmp_path / "notities.txt"
    text.write_bytes(b"\x00\x01\x02 geen tekst")
    before = sha256(new_dossier)
    for path, words in ((unknown, "geen gegevens van de Tweede Kamer herkend"), (text, "")):
        code, out, err = run("import", new_dossier, FRACTIES, path)
        assert code == 1, err
        assert str(path) in err and words in err and "Traceback" not in err
    assert sha256(new_dossier) == before


# -- the same rule for the other formats ----------------------------------------------------------------

def test_an_ibabs_votes_answer_without_votes_is_nothing_to_import(run, new_dossier, tmp_path):
    raw = VOTES.read_text(encoding="utf-8")
    path = tmp_path / "votes.xml"
    path.write_text(re.sub(r"<a:iBabsListEntryVote>.*?</a:iBabsListEntryVote>", "", raw, flags=re.S), encoding="utf-8")
    code, out, err = run("import", new_dossier, path)
    assert code == 3, err
    assert err.splitlines()[0] == _nothing_sentence(path, "ibabs", "geen items")
    assert "er zijn geen stemmen om in te lezen" in err


def test_a_koop_publication_that_is_no_kamerstuk_or_questions_is_nothing_to_import(run, new_dossier, tmp_path):
    path = tmp_path / "stb-2025-1.xml"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?><officiele-publicatie><metadata>'
                    '<meta name="DC.identifier" content="stb-2025-1"/></metadata><staatsblad><wettekst>'
                    '<al>Wij Willem-Alexander …</al></wettekst></staatsblad></officiele-publicatie>', encoding="utf-8")
    code, out, err = run("import", new_dossier, path)
    assert code == 3, err
    assert err.splitlines()[0] == _nothing_sentence(
        path, "koop-xml", "1 officiële publicatie <staatsblad> zonder <kamerstuk> of <kamervragen> — alleen moties, "
                          "Kamervragen en antwoorden daarop worden geïmporteerd")


def test_a_gemeenteblad_is_named_by_its_element_not_by_its_heading(run, new_dossier, tmp_path):
    # As KOOP writes gmb-2017-100002 (Oldambt): the blad's <kop> stands before <gemeenteblad>; text shortened.
    path = tmp_path / "gmb-2017-100002.xml"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?><officiele-publicatie><metadata><meta '
                    'name="OVERHEIDop.externMetadataRecord" content="https://zoek.officielebekendmakingen.nl/'
                    'gmb-2017-100002/metadata.xml" scheme=""/></metadata><kop><titel>GEMEENTEBLAD</titel><subtitel>'
                    'Officiële uitgave van de gemeente Oldambt</subtitel></kop><gemeenteblad><kop><titel>Ingediende '
                    'aanvraag omgevingsvergunning, Zuiderweg 21 Midwolda</titel></kop><zakelijke-mededeling>'
                    '<zakelijke-mededeling-tekst><tekst><al>Ontvangen aanvraag omgevingsvergunning</al></tekst>'
                    '</zakelijke-mededeling-tekst></zakelijke-mededeling></gemeenteblad></officiele-publicatie>',
                    encoding="utf-8")
    code, out, err = run("import", new_dossier, path)
    assert code == 3, err
    assert err.splitlines()[0] == _nothing_sentence(
        path, "koop-xml", "1 officiële publicatie <gemeenteblad> zonder <kamerstuk> of <kamervragen> — alleen moties, "
                          "Kamervragen en antwoorden daarop worden geïmporteerd")


def test_an_aanhangsel_that_only_postpones_the_answers_is_nothing_to_import(run, new_dossier, tmp_path):
    # Constructed in the shape of KOOP's Aanhangsels (kamervraagkop, -nummer, -omschrijving): a notice of
    # postponement holds a <kamervraagopmerking> and no <vraag> or <antwoord>.
    path = tmp_path / "ah-tk-20212022-3200.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><officiele-publicatie><metadata><meta '
        'name="OVERHEIDop.externMetadataRecord" scheme="" content="https://zoek.officielebekendmakingen.nl/'
        'ah-tk-20212022-3200/metadata.xml"/></metadata><aanhangsel><kamervragen><kamervraagnummer>3200'
        '</kamervraagnummer><kamervraagomschrijving>Mededeling van Minister <naam><achternaam>Hoekstra</achternaam>'
        '</naam> (Buitenlandse Zaken) (ontvangen <datum isodatum="2022-07-01">1 juli 2022</datum>)'
        '</kamervraagomschrijving><kamervraagopmerking><al>De vragen van het lid Sjoerdsma (D66) over de Oeigoeren '
        '(2022Z11774) kunnen niet binnen de gebruikelijke termijn worden beantwoord.</al></kamervraagopmerking>'
        '</kamervragen></aanhangsel></officiele-publicatie>', encoding="utf-8")
    code, out, err = run("import", new_dossier, path)
    assert code == 3, err
    assert err.splitlines()[0] == _nothing_sentence(
        path, "koop-xml", "1 uitstelbericht (de mededeling dat de vragen niet op tijd worden beantwoord) — het bevat "
                          "geen vragen of antwoorden")
    assert "ah-tk-20212022-3200 is een uitstelbericht (Mededeling van Minister Hoekstra" in err


def test_an_sru_answer_without_records_and_an_empty_interchange_file_are_nothing_to_import(run, new_dossier, tmp_path):
    raw = SRU.read_text(encoding="utf-8")
    sru = tmp_path / "sru.xml"
    sru.write_text(re.sub(r"<records>.*</records>", "<records/>", raw, flags=re.S), encoding="utf-8")
    empty = tmp_path / "leeg.json"
    empty.write_text('{"format": "raadsdossier/1"}', encoding="utf-8")
    code, out, err = run("import", new_dossier, sru, empty)
    assert code == 3, err
    lines = err.splitlines()
    assert lines[0] == _nothing_sentence(sru, "koop-sru", "geen items")
    assert lines[1] == _nothing_sentence(empty, "dossier-json", "geen items")
    assert "het SRU-antwoord bevat geen records" in err


def test_the_service_says_what_a_file_holds_for_both_faces(new_dossier, tmp_path):
    path = tmp_path / "activiteiten.json"
    path.write_text(json.dumps({"@odata.context": ODATA + "Activiteit", "value": activiteiten(2)}), encoding="utf-8")
    with Dossier.open(new_dossier) as dossier:
        result = importing.import_files(dossier, [path], dry_run=True)
    (file,) = result.files
    assert file.nothing_to_import and result.nothing_to_import and not result.errors
    assert file.nothing_text == (f"{path}: niets te importeren: herkend als tk-odata, maar het bestand bevat "
                                 "2 Activiteiten — activiteiten van de Tweede Kamer worden niet geïmporteerd.")
    assert result.nothing_texts == [file.nothing_text]
    with Dossier.open(new_dossier) as dossier:
        something = importing.import_files(dossier, [FRACTIES, path], dry_run=True)
    assert not something.nothing_to_import and something.nothing_texts == [file.nothing_text]
