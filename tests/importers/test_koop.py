"""KOOP XML (motions, Kamervragen) and SRU search results: real files, the import, hostile input."""

import json
import re
from pathlib import Path

import pytest

from raadsdossier.domain.errors import InvalidInput
from raadsdossier.importers import detect_format
from raadsdossier.importers.koop_sru import read_koop_sru
from raadsdossier.importers._xml import repair_double_encoding
from raadsdossier.importers.koop_xml import read_koop_xml
from tests.conftest import sha256

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
KOOP = FIXTURES / "koop"
UYGHUR = KOOP / "kst-32735-395.xml"
EXPORT_LOGO = KOOP / "kst-26643-1344.xml"
BUDGET = KOOP / "kst-36600-V-42.xml"
ANSWERS = KOOP / "ah-tk-20212022-3578-constructed.xml"  # constructed, not real: see tests/fixtures/README.md
SRU_SEARCH = KOOP / "motiematcher_api_response_sru_search.xml"
SRU_RECORD = KOOP / "wetsuite_sru_record_gmb-2023-174296.xml"
QUESTIONS_TEXT = FIXTURES / "kamervragen-2022Z11774.txt"


def write(tmp_path, text: str, name: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def replaced(tmp_path, fixture: Path, old: str, new: str, name: str | None = None) -> Path:
    text = fixture.read_text(encoding="utf-8")
    assert old in text
    return write(tmp_path, text.replace(old, new), name or fixture.name)


def exported(run, dossier: Path) -> dict:
    code, out, err = run("export-json", dossier)
    assert code == 0, err
    return json.loads(out)


def item_counts(document: dict) -> dict:
    return {key: len(value) for key, value in document.items() if isinstance(value, list)}


# -- motions ---------------------------------------------------------------------------------

def test_the_uyghur_motion_has_both_signatories_its_considerations_and_its_dictum():
    document = read_koop_xml(UYGHUR)
    (motion,) = document["motions"]
    (source,) = document["sources"]
    assert motion["reference"] == "32735-395"
    assert motion["title"] == "Motie van de leden Boswijk en Paternotte"
    assert motion["date"] == "2024-06-17"
    assert motion["submitters"] == [{"name": "Boswijk"}]
    assert motion["co_submitters"] == [{"name": "Paternotte"}]
    considerations = motion["considerations"].split("\n\n")
    assert len(considerations) == 2 and all(c.startswith("constaterende dat") for c in considerations)
    assert considerations[1].endswith("de Chinese aanpak van Oeigoeren te bestempelen als genocide;")
    assert motion["operative_text"] == (
        "verzoekt de regering een stappenplan te maken voor het verkrijgen van deze wetenschappelijke "
        "onderbouwing en dit met gelijkgestemde landen te doen, en dit bij de begroting van BuZa aan de Kamer "
        "te presenteren,")
    assert "status" not in motion  # a new motion is "submitted"; a second import keeps a recorded outcome
    assert motion["source_ids"] == [source["id"]]
    assert source["kind"] == "parliamentary_document" and source["document_number"] == "kst-32735-395"
    assert source["title"] == ("Motie van de leden Boswijk en Paternotte "
                               "(koop-xml: kst-32735-395, bestand kst-32735-395.xml)")
    assert source["date"] == "2024-06-17"
    assert source["url"] == "https://zoek.officielebekendmakingen.nl/kst-32735-395.html"
    assert source["publisher"] == "Tweede Kamer der Staten-Generaal"


def test_the_china_export_logo_motion_takes_its_title_and_reference_from_the_metadata():
    document = read_koop_xml(EXPORT_LOGO)
    (motion,) = document["motions"]
    (source,) = document["sources"]
    assert motion["reference"] == "26643-1344"
    assert motion["title"] == (
        "Motie van het lid Valize over nieuwe regels waarmee het onderscheid tussen producten die aan Europese "
        "producteisen voldoen en producten met een China Export-logo duidelijker wordt")
    assert motion["date"] == "2025-05-27"
    assert motion["submitters"] == [{"name": "Valize"}] and motion["co_submitters"] == []
    assert [p.split(" dat ")[0] for p in motion["considerations"].split("\n\n")] == ["constaterende", "overwegende"]
    spreekt_uit, verzoekt = motion["operative_text"].split("\n\n")
    assert spreekt_uit.startswith("spreekt uit dat het CE-keurmerk")
    assert verzoekt.startswith("verzoekt de regering om druk uit te oefenen op de Europese Commissie")
    assert "gaat over tot de orde van de dag" not in motion["operative_text"]
    assert source["document_number"] == "kst-26643-1344"
    # The file names no address: its identifier gives the public page.
    assert source["url"] == "https://zoek.officielebekendmakingen.nl/kst-26643-1344.html"
    assert source["title"].endswith("(koop-xml: kst-26643-1344, bestand kst-26643-1344.xml)")


def test_a_budget_motion_keeps_its_chapter_in_its_reference_and_gets_its_public_page():
    document = read_koop_xml(BUDGET)
    (motion,), (source,) = document["motions"], document["sources"]
    assert motion["reference"] == "36600-V-42"  # dossier 36 600, chapter V (Buitenlandse Zaken), nr. 42
    assert motion["title"] == "Motie van het lid Dekker" and motion["date"] == "2024-11-21"
    assert motion["submitters"] == [{"name": "Dekker"}]
    assert motion["operative_text"].startswith("roept de regering op")  # the dictum inside an <al-groep>
    assert len(motion["considerations"].split("\n\n")) == 3
    assert source["document_number"] == "kst-36600-V-42"
    assert source["url"] == "https://zoek.officielebekendmakingen.nl/kst-36600-V-42.html"
    assert document["fill_only"] == {"motions": ["source_ids"]}  # another format's sources stay linked


@pytest.mark.parametrize("written", ["KST-36600-v-42", "kst-36600-V-42.xml", "KST-36600-V-42.HTML"])
def test_an_identifier_in_another_case_or_with_a_suffix_is_the_same_publication(tmp_path, written):
    path = replaced(tmp_path, BUDGET, '<meta name="OVERHEIDop.externMetadataRecord" scheme="" '
                    'content="https://zoek.officielebekendmakingen.nl/kst-36600-V-42/metadata.xml"/>',
                    f'<meta name="DC.identifier" scheme="OVERHEIDop.ParlID" content="{written}"/>', "motie.xml")
    document, original = read_koop_xml(path), read_koop_xml(BUDGET)
    assert document["motions"][0]["id"] == original["motions"][0]["id"]
    assert document["sources"][0]["id"] == original["sources"][0]["id"]
    assert document["sources"][0]["document_number"] == "kst-36600-V-42"
    assert document["motions"][0]["reference"] == "36600-V-42"


def test_another_chapter_with_the_same_number_is_another_motion(tmp_path):
    xii = replaced(tmp_path, BUDGET, "kst-36600-V-42", "kst-36600-XII-42", "kst-36600-XII-42.xml")
    one, other = read_koop_xml(BUDGET), read_koop_xml(xii)
    assert other["motions"][0]["reference"] == "36600-XII-42"
    assert other["motions"][0]["id"] != one["motions"][0]["id"]
    assert other["sources"][0]["id"] != one["sources"][0]["id"]


def test_ids_follow_the_document_number_not_the_file():
    first, again = read_koop_xml(UYGHUR), read_koop_xml(UYGHUR)
    assert first == again
    assert first["motions"][0]["id"] != read_koop_xml(EXPORT_LOGO)["motions"][0]["id"]


def test_a_kamerstuk_that_is_no_motion_gives_only_its_source(tmp_path):
    letter = replaced(tmp_path, UYGHUR, "MOTIE VAN DE LEDEN BOSWIJK EN PATERNOTTE", "BRIEF VAN DE MINISTER")
    document = read_koop_xml(letter)
    assert "motions" not in document
    assert document["sources"][0]["document_number"] == "kst-32735-395"
    assert "kst-32735-395 is geen motie" in document["report"]["warnings"][0]


# -- questions and answers -------------------------------------------------------------------

def test_the_constructed_answers_give_one_question_set_with_a_shared_answer():
    document = read_koop_xml(ANSWERS)
    (qs,) = document["question_sets"]
    (source,) = document["sources"]
    assert qs["reference"] == "2022Z11774"
    assert qs["title"] == "De situatie met betrekking tot de Oeigoeren"
    assert qs["kind"] == "parliamentary_questions"
    assert qs["submitted_on"] == "2022-06-10" and qs["answered_on"] == "2022-07-15"
    assert qs["submitters"] == [{"name": "Sjoerdsma (D66)"}]
    assert [a["name"] for a in qs["addressees"]] == [
        "Minister Hoekstra (Buitenlandse Zaken)", "Minister van Justitie en Veiligheid",
        "Staatssecretaris van Justitie en Veiligheid"]
    questions = {q["number"]: q for q in qs["questions"]}
    assert sorted(questions) == [1, 2, 3, 4, 5, 6]
    assert questions[1]["answer"] == "Ja."
    assert questions[2]["question"] == "Hoe oordeelt u over dit onderzoek en de onderliggende Xinjiang Police Files?"
    shared = questions[2]["answer"].split("\n\n")
    assert len(shared) == 3 and shared[2].startswith("De ernstige zorgen over de situatie in Xinjiang")
    assert "14\u00a0juni" in shared[1]  # the no-break space of the source survives
    assert questions[3]["answer"] is None and questions[3]["answered_with"] == 2
    assert all(questions[n]["answered_with"] is None and questions[n]["answer"] for n in (1, 2, 4, 5, 6))
    assert qs["source_ids"] == [source["id"]]
    assert source["document_number"] == "ah-tk-20212022-3578" and source["date"] == "2022-07-15"
    assert source["title"] == ("Antwoord op vragen van het lid Sjoerdsma over de situatie met betrekking tot de "
                               "Oeigoeren (koop-xml: ah-tk-20212022-3578, bestand "
                               "ah-tk-20212022-3578-constructed.xml)")


QUESTIONS_ONLY = """\
<?xml version="1.0" encoding="UTF-8"?>
<!-- constructed for this test: questions without answers, no metadata, the older "al" numbering -->
<officiele-publicatie>
  <kamervragen>
    <kamervraagomschrijving>Vragen van de leden Jansen (GL) en De Vries (D66) aan de Minister van
      Buitenlandse Zaken over de stedenband met Dalian (ingezonden <datum>16 januari 2023</datum>).
    </kamervraagomschrijving>
    <vraag><al>Vraag 1</al><al>Kent u het bericht?</al></vraag>
    <vraag><al>Vraag 2</al><al>Wat kostte de reis?</al><al>Wie betaalde?</al></vraag>
  </kamervragen>
</officiele-publicatie>
"""


def test_questions_without_answers_take_number_and_zaak_from_the_file_name(tmp_path):
    document = read_koop_xml(write(tmp_path, QUESTIONS_ONLY, "kv-tk-2023Z00815.xml"))
    (qs,) = document["question_sets"]
    assert qs["reference"] == "2023Z00815" and qs["title"] == "De stedenband met Dalian"
    assert qs["submitted_on"] == "2023-01-16" and "answered_on" not in qs
    assert qs["submitters"] == [{"name": "Jansen (GL)"}, {"name": "De Vries (D66)"}]
    assert qs["addressees"] == [{"name": "Minister van Buitenlandse Zaken"}]
    assert qs["questions"] == [
        {"number": 1, "question": "Kent u het bericht?", "answer": None, "answered_with": None},
        {"number": 2, "question": "Wat kostte de reis?\n\nWie betaalde?", "answer": None, "answered_with": None}]
    assert document["sources"][0]["document_number"] == "kv-tk-2023Z00815"


# -- SRU -------------------------------------------------------------------------------------

def test_the_sru_answer_lists_its_five_records_as_sources_with_financien_repaired():
    document = read_koop_sru(SRU_SEARCH)
    sources = document["sources"]
    assert [s["document_number"] for s in sources] == [
        "stb-2025-252", "stb-2025-250", "stb-2025-247", "stb-2025-240", "stb-2025-241"]
    assert {s["kind"] for s in sources} == {"parliamentary_document"}
    first = sources[0]
    assert first["title"] == (
        "Wet van 29 januari 2025 tot wijziging van de begrotingsstaat van het Defensiematerieelbegrotingsfonds (K) "
        "voor het jaar 2024 (wijziging samenhangende met de Najaarsnota) (koop-sru: stb-2025-252, bestand "
        "motiematcher_api_response_sru_search.xml; onderwerp: Internationaal | Defensie; Financiën | Begroting)")
    assert first["date"] == "2025-10-02" and first["publisher"] == "Ministerie van Defensie"
    assert first["url"] == "https://zoek.officielebekendmakingen.nl/stb-2025-252.html"
    assert all("Financiën | Begroting" in s["title"] for s in sources)
    assert "Ã" not in json.dumps(sources, ensure_ascii=False)  # only the warning quotes the damage
    warnings = document["report"]["warnings"]
    assert "de eerste 3 regels vóór de XML zijn overgeslagen." in warnings
    assert any("'FinanciÃ«n' → 'Financiën'" in w for w in warnings)


def test_a_single_record_without_namespaces_is_one_source():
    (source,) = read_koop_sru(SRU_RECORD)["sources"]
    assert source["document_number"] == "gmb-2023-174296" and source["kind"] == "other"
    assert source["title"].startswith("Ingekomen melding, Frater Romboutsstraat 42 5571KZ Bergeijk, verwijderen van "
                                      "asbest van het dak (koop-sru: gmb-2023-174296, bestand ")
    assert source["url"] == "https://zoek.officielebekendmakingen.nl/gmb-2023-174296.html"  # preferredUrl
    assert source["publisher"] == "Bergeijk" and source["date"] == "2023-04-20"


def test_double_encoding_is_undone_only_where_it_decodes():
    assert repair_double_encoding("FinanciÃ«n") == "Financiën"
    assert repair_double_encoding("Ã©Ã©n keer Ã©n niet â€™s avonds") == "één keer én niet ’s avonds"
    assert repair_double_encoding("Financiën en FinanciÃ«n") == "Financiën en Financiën"
    assert repair_double_encoding("São Paulo «citaat» café\u00a0") == "São Paulo «citaat» café\u00a0"


def test_valid_text_that_looks_like_double_encoding_is_left_alone():
    # A capital before a closing quote, as KOOP writes it (kst-35851-69 with this text added, see
    # /tmp/imptour: constructed): "É»" and "Ë”" decode as UTF-8 too, to "ɻ" and "˔".
    for text in ("«NIET IN HET CAFÉ» en “ZORG VOOR ELKAAR IN BELGIË”", "het café…” zei ze", "ITALIË’s\u00a0beleid"):
        assert repair_double_encoding(text) == text
    # Garbled whole, any script is repaired: a Chinese name, a Polish one beside a telltale "Ã³".
    assert repair_double_encoding("Wuhan (æ­¦æ±‰)") == "Wuhan (武汉)"
    assert repair_double_encoding("GdaÅ„sk en KrakÃ³w") == "Gdańsk en Kraków"
    assert repair_double_encoding("FinanciÃ«n en CAFÃ‰Â»") == "Financiën en CAFÉ»"


def test_a_signatory_with_a_full_stop_is_named_without_it(tmp_path):
    # Real motions sign so: "<al>Bushoff.</al>" (kst-36396-7), "<al>Paulusma.</al>" (kst-32793-739); here
    # constructed from the Uyghur motion.
    path = replaced(tmp_path, UYGHUR, "<al>Boswijk</al>\n              <al>Paternotte</al>",
                    "<al>Boswijk,</al>\n              <al>Paternotte.</al>")
    (motion,) = read_koop_xml(path)["motions"]
    assert motion["title"] == "Motie van de leden Boswijk en Paternotte"
    assert motion["submitters"] == [{"name": "Boswijk"}] and motion["co_submitters"] == [{"name": "Paternotte"}]
    one = replaced(tmp_path, UYGHUR, "<al-groep>\n              <al>Boswijk</al>\n              <al>Paternotte</al>\n"
                   "            </al-groep>", "<al>Boswijk.</al>", "one.xml")
    one = replaced(tmp_path, one, "MOTIE VAN DE LEDEN BOSWIJK EN PATERNOTTE", "MOTIE VAN HET LID BOSWIJK", "one.xml")
    (motion,) = read_koop_xml(one)["motions"]
    assert motion["title"] == "Motie van het lid Boswijk" and motion["submitters"] == [{"name": "Boswijk"}]


def test_a_motion_quoting_capitals_keeps_its_text(tmp_path):
    path = replaced(tmp_path, UYGHUR, "een stappenplan te maken",
                    "«MELD HET NIET IN HET CAFÉ» en “BELGIË” een stappenplan te maken")
    document = read_koop_xml(path)
    (motion,) = document["motions"]
    assert "«MELD HET NIET IN HET CAFÉ» en “BELGIË” een stappenplan" in motion["operative_text"]
    assert not any("dubbel gecodeerd" in w for w in document.get("report", {}).get("warnings", []))


def test_detection_tells_the_formats_apart():
    for path in (UYGHUR, EXPORT_LOGO, BUDGET, ANSWERS):
        assert detect_format(path).name == "koop-xml"
    for path in (SRU_SEARCH, SRU_RECORD):
        assert detect_format(path).name == "koop-sru"
    assert detect_format(QUESTIONS_TEXT).name == "questions-text"


# -- through the command line ----------------------------------------------------------------

def test_import_through_the_cli_adds_the_motion_as_submitted(run, new_dossier):
    code, out, err = run("import", new_dossier, UYGHUR)
    assert code == 0, err
    assert "toegevoegd: 1 motie, 1 bron" in out
    document = exported(run, new_dossier)
    (motion,) = document["motions"]
    assert motion["status"] == "submitted" and motion["reference"] == "32735-395"
    assert [a["name"] for a in motion["submitters"] + motion["co_submitters"]] == ["Boswijk", "Paternotte"]
    assert motion["source_ids"] == [document["sources"][0]["id"]]


def test_dry_run_changes_nothing(run, new_dossier):
    before = sha256(new_dossier)
    for path in (UYGHUR, ANSWERS, SRU_SEARCH):
        code, out, err = run("import", new_dossier, path, "--dry-run")
        assert code == 0 and "proefimport (niets opgeslagen)" in out, err
    assert sha256(new_dossier) == before


@pytest.mark.parametrize("path", [UYGHUR, EXPORT_LOGO, BUDGET, ANSWERS, SRU_SEARCH, SRU_RECORD], ids=lambda p: p.name)
def test_importing_twice_adds_nothing_the_second_time(run, new_dossier, path):
    assert run("import", new_dossier, path)[0] == 0
    counts = item_counts(exported(run, new_dossier))
    code, out, err = run("import", new_dossier, path)
    assert code == 0 and "toegevoegd: niets" in out, err
    assert item_counts(exported(run, new_dossier)) == counts


def test_a_second_import_keeps_the_outcome_recorded_since(run, new_dossier, tmp_path):
    assert run("import", new_dossier, UYGHUR)[0] == 0
    motion = exported(run, new_dossier)["motions"][0]
    adopted = write(tmp_path, json.dumps({"format": "raadsdossier/1", "motions": [
        {"id": motion["id"], "title": motion["title"], "status": "adopted"}]}), "uitslag.json")
    assert run("import", new_dossier, adopted)[0] == 0
    assert run("import", new_dossier, UYGHUR)[0] == 0
    assert exported(run, new_dossier)["motions"][0]["status"] == "adopted"


def _first_six_questions(tmp_path) -> Path:
    """The questions text with the six questions the constructed XML has (and the trailer naming both documents)."""
    text = QUESTIONS_TEXT.read_text(encoding="utf-8")
    head, rest = text.split(" • Vraag 7\n")
    return write(tmp_path, head + rest[rest.index("Kamervraag document nummer"):], "zes-vragen.txt")


def test_the_text_and_the_xml_of_one_zaak_are_one_question_set(run, new_dossier, tmp_path):
    assert run("import", new_dossier, _first_six_questions(tmp_path))[0] == 0
    code, out, err = run("import", new_dossier, ANSWERS)
    assert code == 0 and "bijgewerkt: 1 vragenset" in out, err
    (qs,) = exported(run, new_dossier)["question_sets"]
    assert qs["reference"] == "2022Z11774" and qs["questions"][2]["answered_with"] == 2


def test_an_xml_with_fewer_questions_than_the_stored_set_leaves_it_as_it_is(run, new_dossier):
    assert run("import", new_dossier, QUESTIONS_TEXT)[0] == 0  # 17 questions; the constructed XML has 6
    code, out, err = run("import", new_dossier, ANSWERS)
    assert code == 0 and "overgeslagen: 1 vragenset" in out
    assert f"{ANSWERS}: " in err and "heeft in dit bestand 6 vragen, in het dossier 17" in err
    (qs,) = exported(run, new_dossier)["question_sets"]
    assert len(qs["questions"]) == 17


def test_a_search_record_and_the_publication_are_one_source(run, new_dossier, tmp_path):
    record = replaced(tmp_path, SRU_RECORD, "gmb-2023-174296", "kst-32735-395", "record.xml")
    assert run("import", new_dossier, record)[0] == 0
    code, out, err = run("import", new_dossier, UYGHUR)
    assert code == 0 and "bijgewerkt: 1 bron" in out, err
    assert len(exported(run, new_dossier)["sources"]) == 1


# -- hostile and broken files ----------------------------------------------------------------

LAUGHS = "\n".join(
    ['<?xml version="1.0"?>', "<!DOCTYPE officiele-publicatie [", ' <!ENTITY lol "lol">']
    + [f' <!ENTITY lol{i} "' + ("&lol%s;" % (i - 1 if i > 1 else "")) * 10 + '">' for i in range(1, 10)]
    + ["]>", "<officiele-publicatie>&lol9;</officiele-publicatie>", ""])
PASSWD = """<?xml version="1.0"?>
<!DOCTYPE officiele-publicatie [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<officiele-publicatie><kamerstuk><stuk><titel>&x;</titel></stuk></kamerstuk></officiele-publicatie>
"""
DEEP = "<officiele-publicatie>" + "<al-groep>" * 10_000 + "</al-groep>" * 10_000 + "</officiele-publicatie>"


def _truncated(tmp_path) -> Path:
    data = UYGHUR.read_bytes()
    path = tmp_path / "afgebroken.xml"
    path.write_bytes(data[: len(data) // 2])
    return path


def _too_big(tmp_path) -> Path:
    path = tmp_path / "groot.xml"
    with path.open("wb") as handle:
        handle.write(b"<officiele-publicatie>")
        handle.seek(50 * 1024 * 1024 + 1)
        handle.write(b"</officiele-publicatie>")
    return path


BAD_FILES = {
    "truncated": (_truncated,
                  r"geen geldige XML \(regel 22, kolom 59\): het bestand houdt op midden in een element\.$"),
    "billion laughs": (lambda tmp: write(tmp, LAUGHS, "lachen.xml"),
                       r"regel 3: <!ENTITY lol> declareert een entiteit; entiteiten worden om veiligheidsredenen"),
    "external entity": (lambda tmp: write(tmp, PASSWD, "xxe.xml"),
                        r"regel 2: <!ENTITY x> verwijst naar 'file:///etc/passwd'; externe bestanden"),
    "10,000 levels deep": (lambda tmp: write(tmp, DEEP, "diep.xml"),
                           r"regel 1: element <al-groep> ligt meer dan 200 niveaus diep"),
    "over 50 MB": (_too_big, r"het bestand is 50 MB; XML-bestanden groter dan 50 MB worden niet ingelezen"),
    "answer to a missing question": (
        lambda tmp: replaced(tmp, ANSWERS, "<nr>Antwoord 6</nr>", "<nr>Antwoord 7</nr>"),
        r"regel \d+: <antwoord> 'Antwoord 7' noemt vraag 7, maar er is geen <vraag> met dat nummer"),
    "unreadable question number": (
        lambda tmp: replaced(tmp, ANSWERS, "<nr>Vraag 4</nr>", "<nr>Vraag vier</nr>"),
        r"regel 58: <vraag> heeft als nummer 'Vraag vier'; verwacht 'Vraag 1' of 'Vragen 2 en 3'"),
    "impossible date": (lambda tmp: replaced(tmp, UYGHUR, 'isodatum="2024-06-17"', 'isodatum="2024-06-31"'),
                        r"regel 22: <datum isodatum>: '2024-06-31' is geen datum in de vorm JJJJ-MM-DD"),
    "garbled beyond repair": (
        lambda tmp: replaced(tmp, SRU_RECORD, "verwijderen van asbest",
                             _garbled("verwijderen van één asbest", times=4), "record.xml"),
        r"regel 1: <record> 1 \(recordPosition 641420\): <title>: de tekst '.*Ã©Ã©n asbest.*' is verminkt"),
    "no records but an error": (
        lambda tmp: write(tmp, '<searchRetrieveResponse><diagnostics><diagnostic><message>Query syntax error'
                               '</message></diagnostic></diagnostics></searchRetrieveResponse>', "fout.xml"),
        r"regel 1: <diagnostic>: de zoekdienst meldt een fout \(Query syntax error\)"),
}


def _garbled(text: str, times: int) -> str:
    for _ in range(times):
        text = text.encode("utf-8").decode("latin-1")
    return text


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_bad_file_exits_1_with_one_line_naming_the_file_and_changes_nothing(case, run, new_dossier, tmp_path):
    make, message = BAD_FILES[case]
    source = make(tmp_path)
    before = sha256(new_dossier)
    code, out, err = run("import", new_dossier, source)
    assert code == 1
    assert re.search(f"{re.escape(str(source))}: {message}", err), err
    assert "Traceback" not in err and err.count("\n") == 1
    assert "root:" not in err  # nothing of /etc/passwd was read
    assert sha256(new_dossier) == before


def test_a_truncated_file_names_line_and_column(tmp_path):
    with pytest.raises(InvalidInput) as raised:
        read_koop_xml(_truncated(tmp_path))
    assert re.fullmatch(r".*afgebroken\.xml: geen geldige XML \(regel \d+, kolom \d+\): .+\.", str(raised.value))


def test_a_file_of_another_kind_is_refused_by_name(tmp_path):
    with pytest.raises(InvalidInput) as raised:
        read_koop_xml(SRU_RECORD)
    assert "het hoofdelement is <record>, geen <officiele-publicatie>" in str(raised.value)
    with pytest.raises(InvalidInput) as raised:
        read_koop_sru(UYGHUR)
    assert "het hoofdelement is <officiele-publicatie>, verwacht <searchRetrieveResponse> of <record>" in str(
        raised.value)
