"""CSV (motions, partnership directory), files as attachments, and the `qa-text` alias, through the CLI."""

import json
from pathlib import Path

import pytest

from raadsdossier.services.dossiers import dossier_info
from raadsdossier.services.importing import import_files
from raadsdossier.storage.dossier import Dossier
from raadsdossier.importers import detect_format, get_format
from raadsdossier.importers.csv_rows import read_csv
from tests.conftest import sha256

KAMERVRAGEN = Path(__file__).resolve().parents[1] / "fixtures" / "kamervragen-2022Z11774.txt"

MOTIONS_CSV = (
    "kenmerk;titel;datum;indieners;status;uitslag;dictum\r\n"
    "M12;Stedenband met Dalian opschorten;05-07-2021;Jan Jansen (GL)|Piet de Vries (PvdA);aangenomen;aangenomen;"
    '"verzoekt het college; de stedenband op te schorten"\r\n'
    ";Mensenrechten in Xinjiang;2021-07;Anna Bakker;Verworpen;verworpen;\r\n"
    "\r\n"
    "M3;Handelsmissie uitstellen;2022;;aangehouden;;\r\n"
)


def write(tmp_path: Path, name: str, text: str, bom: bool = False) -> Path:
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def exported(run, dossier: Path) -> dict:
    code, out, err = run("export-json", dossier)
    assert code == 0, err
    return json.loads(out)


def counts(run, dossier: Path) -> dict:
    code, out, err = run("info", dossier, "--json")
    assert code == 0, err
    return json.loads(out)["counts"]


# -- motions CSV -------------------------------------------------------------------------------

def test_a_motions_csv_with_semicolons_and_bom_imports_every_row(run, new_dossier, tmp_path):
    path = write(tmp_path, "moties.csv", MOTIONS_CSV, bom=True)
    assert detect_format(path).name == "csv"

    code, out, err = run("import", new_dossier, path)

    assert code == 0, err
    assert "toegevoegd: 3 moties, 1 bron" in out
    motions = {m["title"]: m for m in exported(run, new_dossier)["motions"]}
    assert set(motions) == {"Stedenband met Dalian opschorten", "Mensenrechten in Xinjiang", "Handelsmissie uitstellen"}
    adopted, rejected, held = (motions["Stedenband met Dalian opschorten"], motions["Mensenrechten in Xinjiang"],
                               motions["Handelsmissie uitstellen"])
    assert (adopted["reference"], adopted["date"], adopted["status"]) == ("M12", "2021-07-05", "adopted")
    assert [s["name"] for s in adopted["submitters"]] == ["Jan Jansen (GL)", "Piet de Vries (PvdA)"]
    assert adopted["operative_text"] == "verzoekt het college; de stedenband op te schorten"
    assert [(v["result"], v["choices"]) for v in adopted["votes"]] == [("adopted", [])]
    assert (rejected["date"], rejected["status"], rejected["votes"][0]["result"]) == ("2021-07", "rejected", "rejected")
    assert [s["name"] for s in rejected["submitters"]] == ["Anna Bakker"]
    assert (held["date"], held["status"], held["votes"]) == ("2022", "held", [])
    (source,) = exported(run, new_dossier)["sources"]
    assert source["title"] == "CSV-bestand moties.csv (csv)"
    assert all(m["source_ids"] == [source["id"]] for m in motions.values())


def test_a_cell_over_several_lines_keeps_its_lines_with_newlines_only(tmp_path):
    # Constructed: Excel writes a cell with line breaks quoted, with its \r\n inside the quotes.
    text = MOTIONS_CSV.replace('"verzoekt het college; de stedenband op te schorten"',
                               '"verzoekt het college:\r\n- de stedenband op te schorten\r\n- de raad te informeren"')
    document = read_csv(write(tmp_path, "moties.csv", text, bom=True))
    adopted = next(m for m in document["motions"] if m.get("reference") == "M12")
    assert adopted["operative_text"] == "verzoekt het college:\n- de stedenband op te schorten\n- de raad te informeren"


def test_a_comma_csv_without_bom_is_detected_and_importing_it_again_adds_nothing(run, new_dossier, tmp_path):
    path = write(tmp_path, "moties-komma.csv", 'titel,datum,status\n"Motie over Dalian, deel 2",2021-07-05,ingediend\n')
    assert detect_format(path).name == "csv"
    assert run("import", new_dossier, path)[0] == 0
    code, out, err = run("import", new_dossier, path)
    assert code == 0, err
    assert "toegevoegd: niets" in out
    (motion,) = exported(run, new_dossier)["motions"]
    assert (motion["title"], motion["status"]) == ("Motie over Dalian, deel 2", "submitted")


@pytest.mark.parametrize("row, message", [
    ("M1;Goede motie;2021-07-05\nM2;Slechte motie;31-02-2021\n",
     "regel 3, kolom 'datum': '31-02-2021' is geen bestaande datum."),
    ("M1;Motie;juli 2021\n", "regel 2, kolom 'datum': 'juli 2021' is geen datum; schrijf JJJJ, JJJJ-MM"),
    ("M1;;2021\n", "regel 2, kolom 'titel': de titel ontbreekt"),
    ("M1;Motie;2021\nM1;Andere motie;2021-03\n", "regel 3, kolom 'kenmerk': het kenmerk 'M1' met een datum in 2021 "
                                                 "staat ook op regel 2"),
])
def test_a_bad_row_refuses_the_whole_file_naming_row_and_column(run, new_dossier, tmp_path, row, message):
    path = write(tmp_path, "moties.csv", "kenmerk;titel;datum\n" + row)
    before = sha256(new_dossier)

    code, out, err = run("import", new_dossier, path)

    assert code == 1
    assert f"{path}: {message}" in err
    assert "Traceback" not in err
    assert sha256(new_dossier) == before


@pytest.mark.parametrize("text, message", [
    ("titel;status\nMotie;afgewezen\n", "regel 2, kolom 'status': 'afgewezen' is geen bekende waarde; kies uit "
                                        "ingediend, aangehouden, ingetrokken, aangenomen, verworpen."),
    ("titel;status;uitslag\nMotie;aangenomen;verworpen\n", "regel 2, kolom 'uitslag': 'verworpen' strijdt met "
                                                          "de status 'aangenomen'."),
    ("titel;kleur\nMotie;rood\n", "regel 1: de kolom 'kleur' is onbekend"),
    ("titel;datum\nMotie;2021;extra\n", "regel 2: deze regel heeft 3 cellen, maar de kopregel 2 kolommen."),
    ("kenmerk;titel;datum;indieners;status;uitslag;dictum\nM1;Eerste;2021-01-05;Jan (GL);aangenomen;;x\nM2;Tweede m",
     "regel 3: deze regel heeft 2 cellen, maar de kopregel 7 kolommen, en het bestand houdt midden in die regel "
     "op: is het afgebroken?"),  # a file cut short: not half a motion
    ("titel;datum\n", "het bestand heeft alleen een kopregel; er staan geen moties in."),
    ('titel;datum\n"Motie x;2021\n', "regel 2: geen geldige CSV (een cel tussen aanhalingstekens wordt niet "
                                     "afgesloten voor het einde van het bestand)."),
    ('titel;datum\n"Motie" x;2021\n', "regel 2: geen geldige CSV (na een afsluitend aanhalingsteken moet het "
                                      "scheidingsteken of het einde van de regel komen)."),
])
def test_other_bad_motion_csvs_are_refused_with_a_sentence(tmp_path, text, message):
    from raadsdossier.domain.errors import InvalidInput

    with pytest.raises(InvalidInput) as caught:
        read_csv(write(tmp_path, "moties.csv", text))
    assert message in str(caught.value)


def test_a_csv_saved_in_windows_encoding_is_refused_with_the_line(run, new_dossier, tmp_path):
    path = tmp_path / "moties.csv"
    path.write_bytes("titel;datum\nMotie over café;2021\n".encode("cp1252"))
    code, _out, err = run("import", new_dossier, path, "--format", "csv")
    assert code == 1
    assert "regel 2: dit is geen tekst in UTF-8" in err and "CSV UTF-8" in err


# -- partnership directory CSV -----------------------------------------------------------------

DIRECTORY_CSV = (
    "nederlandse_kant;niveau;partner;land;status;sinds\n"
    "Friesland;provincie;Sichuan;China;sluimerend;1998\n"
    "enschede;gemeente;DALIAN;China;opgeschort;1998\n"
)


def test_a_directory_csv_updates_the_dossiers_partnership_from_its_row(new_dossier, tmp_path):
    path = write(tmp_path, "stedenbanden.csv", DIRECTORY_CSV, bom=True)
    assert detect_format(path).name == "csv"
    with Dossier.open(new_dossier) as dossier:
        report = import_files(dossier, [path], "csv").report
        after = dossier_info(dossier).partnership
    assert dict(report.updated) == {"partnership": 1} and not report.added
    assert (after["dutch_side"], after["partner_name"], after["partner_native_name"]) == ("Enschede", "Dalian", "大连")
    assert (after["status"], after["since"], after["level"], after["partner_country"]) == (
        "suspended", "1998", "municipality", "China")


def test_a_directory_csv_without_the_dossiers_partnership_is_refused(new_dossier, tmp_path):
    from raadsdossier.domain.errors import InvalidInput

    path = write(tmp_path, "stedenbanden.csv", DIRECTORY_CSV.rsplit("enschede", 1)[0])
    with Dossier.open(new_dossier) as dossier:
        partnership = dossier_info(dossier).partnership
        with pytest.raises(InvalidInput) as caught:
            read_csv(path, partnership=partnership)
    assert str(caught.value) == (f"{path}: geen rij noemt de stedenband van dit dossier (Enschede – Dalian); "
                                 "het bestand noemt Friesland – Sichuan.")


def test_a_bad_directory_row_is_refused_even_when_another_row_matches(new_dossier, tmp_path):
    from raadsdossier.domain.errors import InvalidInput

    path = write(tmp_path, "stedenbanden.csv", DIRECTORY_CSV + "Drenthe;land;Shaanxi;China;onbekend;2010\n")
    with pytest.raises(InvalidInput, match=r"regel 4, kolom 'niveau': 'land' is geen bekende waarde; "
                                           r"kies uit gemeente, provincie\."):
        read_csv(path, partnership={"id": "x", "dutch_side": "Enschede", "partner_name": "Dalian",
                                    "level": "municipality"})


def test_importing_a_directory_csv_on_the_command_line_updates_the_partnership(run, new_dossier, tmp_path):
    path = write(tmp_path, "stedenbanden.csv", DIRECTORY_CSV)
    code, _out, err = run("import", new_dossier, path)
    assert code == 0, err
    assert exported(run, new_dossier)["partnership"]["status"] == "suspended"


def test_importing_a_non_matching_directory_csv_on_the_command_line_changes_nothing(run, new_dossier, tmp_path):
    path = write(tmp_path, "stedenbanden.csv", DIRECTORY_CSV.rsplit("enschede", 1)[0])
    before = sha256(new_dossier)
    code, _out, err = run("import", new_dossier, path)
    assert code == 1
    assert f"{path}: geen rij noemt de stedenband van dit dossier (Enschede – Dalian)" in err
    assert sha256(new_dossier) == before


# -- attachments -------------------------------------------------------------------------------

def make_pdf(path: Path, text: str) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.drawString(72, 760, text)
    pdf.save()
    return path


def make_docx(path: Path, text: str) -> Path:
    from docx import Document

    document = Document()
    document.add_paragraph(text)
    document.save(str(path))
    return path


def test_pdf_docx_and_txt_become_attachments_whose_text_search_finds(run, new_dossier, tmp_path):
    pdf = make_pdf(tmp_path / "notitie.pdf", "Notitie over de stedenband")
    docx = make_docx(tmp_path / "raadsnotitie.docx", "Een tweede notitie over de stedenband met Dalian.")
    txt = write(tmp_path, "aantekening.txt", "Losse notitie: de stedenband ligt stil.\n")
    assert [detect_format(p).name for p in (pdf, docx, txt)] == ["attachment"] * 3

    code, out, err = run("import", new_dossier, pdf, docx, txt)

    assert code == 0, err
    assert "toegevoegd: 3 bronnen, 3 bijlagen" in out
    code, out, err = run("search", new_dossier, "stedenband notitie", "--json")
    assert code == 0, err
    hits = json.loads(out)
    assert {h["title"] for h in hits if h["kind"] == "attachment"} == {"notitie.pdf", "raadsnotitie.docx",
                                                                      "aantekening.txt"}
    document = exported(run, new_dossier)
    sources = {s["id"]: s for s in document["sources"]}
    for attachment in document["attachments"]:
        (source_id,) = attachment["source_ids"]
        source = sources[source_id]
        assert (source["title"], source["kind"], source["attachment_id"]) == (attachment["file_name"], "other",
                                                                            attachment["id"])
        assert source["document_number"] == attachment["sha256"][:16]
    media = {a["file_name"]: a["media_type"] for a in document["attachments"]}
    assert media["notitie.pdf"] == "application/pdf" and media["aantekening.txt"] == "text/plain"


def test_a_cut_off_pdf_is_kept_with_our_own_sentence_only(cli, new_dossier, tmp_path):
    whole = make_pdf(tmp_path / "heel.pdf", "Notitie over de stedenband").read_bytes()
    half = tmp_path / "half.pdf"
    half.write_bytes(whole[:len(whole) // 2])
    result = cli("import", new_dossier, half)
    assert result.returncode == 0, result.stderr
    # not pypdf's "EOF marker not found" on a line of its own
    assert result.stderr.splitlines() == [
        f"let op: {half}: dit PDF-bestand is onvolledig (het einde ontbreekt: is het afgebroken?); het is zo "
        "bewaard, maar er is geen tekst uit te halen: zoeken vindt deze bijlage alleen op de bestandsnaam."]


def test_the_same_pdf_twice_adds_nothing_the_second_time(run, new_dossier, tmp_path):
    pdf = make_pdf(tmp_path / "notitie.pdf", "Notitie over de stedenband")
    copy = tmp_path / "kopie van notitie.pdf"
    copy.write_bytes(pdf.read_bytes())
    assert run("import", new_dossier, pdf)[0] == 0
    before = counts(run, new_dossier)

    code, out, err = run("import", new_dossier, copy)

    assert code == 0, err
    assert "toegevoegd: niets" in out
    assert counts(run, new_dossier) == before == {"attachment": 1, "source": 1}


def test_dry_run_changes_nothing(run, new_dossier, tmp_path):
    pdf = make_pdf(tmp_path / "notitie.pdf", "Notitie over de stedenband")
    csv_file = write(tmp_path, "moties.csv", MOTIONS_CSV, bom=True)
    before = sha256(new_dossier)

    code, out, err = run("import", new_dossier, pdf, csv_file, "--dry-run")

    assert code == 0, err
    assert "proefimport (niets opgeslagen)" in out and "toegevoegd: 3 moties, 2 bronnen, 1 bijlage" in out
    assert sha256(new_dossier) == before


def test_an_odt_document_is_kept_with_its_text(run, new_dossier, tmp_path):
    import zipfile

    odt = tmp_path / "verslag.odt"
    with zipfile.ZipFile(odt, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:'
                                        'xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
                                        "<office:body><office:text><text:h>Verslag</text:h><text:p>Notitie over de "
                                        "<text:span>stedenband</text:span></text:p></office:text></office:body>"
                                        "</office:document-content>")
    assert run("import", new_dossier, odt)[0] == 0
    (attachment,) = exported(run, new_dossier)["attachments"]
    assert attachment["extracted_text"] == "Verslag\nNotitie over de stedenband"
    assert attachment["media_type"] == "application/vnd.oasis.opendocument.text"


def test_a_file_without_suffix_is_known_by_its_first_bytes(run, new_dossier, tmp_path):
    pdf = make_pdf(tmp_path / "scan", "Notitie over de stedenband")
    assert detect_format(pdf).name == "attachment"
    assert run("import", new_dossier, pdf)[0] == 0
    (attachment,) = exported(run, new_dossier)["attachments"]
    assert attachment["media_type"] == "application/pdf" and "stedenband" in attachment["extracted_text"]


def test_an_image_is_kept_with_a_warning_that_search_sees_only_its_name(run, new_dossier, tmp_path):
    png = tmp_path / "foto.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    code, _out, err = run("import", new_dossier, png)
    assert code == 0, err
    assert "een afbeelding zonder tekstlaag; zoeken vindt deze bijlage alleen op de bestandsnaam" in err


@pytest.mark.parametrize("name, content, message", [
    ("programma.exe", b"MZ\x90\x00", "dit soort bestand wordt niet als bijlage bewaard ('.exe'-bestanden); "
                                     "bijlagen zijn PDF, DOCX, ODT, TXT, HTML, PNG, JPEG en GIF."),
    ("rapport.pdf", b"<!DOCTYPE html><html><body>Niet gevonden</body></html>",
     "de naam zegt PDF, maar het is een HTML-bestand; het bestand is beschadigd of heeft de verkeerde extensie."),
    ("notitie.docx", b"PK\x03\x04" + b"\x00" * 40, "dit DOCX-bestand is beschadigd"),
    ("tekst.txt", b"%PDF-1.4\n", "de naam zegt tekst, maar het is een PDF-bestand"),
])
def test_files_of_another_kind_are_refused_with_a_clear_message(run, new_dossier, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    before = sha256(new_dossier)
    code, _out, err = run("import", new_dossier, path, "--format", "attachment")
    assert code == 1
    assert f"{path}: {message}" in err
    assert sha256(new_dossier) == before


def test_unknown_kinds_and_unfinished_question_texts_are_not_detected_as_attachments(tmp_path):
    from raadsdossier.domain.errors import InvalidInput

    archive = tmp_path / "stukken.zip"
    archive.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    questions = write(tmp_path, "vragen.txt", "Kamervraag 2022Z11774\n\nDe situatie …")  # no "Vraag 1" yet
    for path in (archive, questions):
        with pytest.raises(InvalidInput, match="het formaat van dit bestand is niet herkend"):
            detect_format(path)
    assert get_format("attachment").read(questions)["attachments"][0]["file_name"] == "vragen.txt"


def test_a_file_over_200_mb_is_refused(run, new_dossier, tmp_path):
    big = tmp_path / "groot.pdf"
    with big.open("wb") as handle:
        handle.write(b"%PDF-1.4\n")
        handle.truncate(201 * 1024 * 1024)  # sparse: takes no room on disk
    code, _out, err = run("import", new_dossier, big)
    assert code == 1
    assert "het bestand is 201 MB; bijlagen groter dan 200 MB worden niet ingelezen." in err


# -- qa-text -----------------------------------------------------------------------------------

def test_qa_text_reads_the_kamervragen_like_questions_text(run, new_dossier):
    assert detect_format(KAMERVRAGEN).name == "questions-text"
    assert get_format("qa-text").read(KAMERVRAGEN) == get_format("questions-text").read(KAMERVRAGEN)

    code, out, err = run("import", new_dossier, KAMERVRAGEN, "--format", "qa-text")

    assert code == 0, err
    assert "toegevoegd: 1 vragenset, 2 bronnen" in out
    (question_set,) = exported(run, new_dossier)["question_sets"]
    assert question_set["reference"] == "2022Z11774" and len(question_set["questions"]) == 17
    assert "toegevoegd: niets" in run("import", new_dossier, KAMERVRAGEN, "--format", "questions-text")[1]


def test_binary_bytes_with_a_carriage_return_in_the_first_line_are_no_csv(tmp_path):
    """A DOCX's zip header can hold a lone \\r before any newline; recognising formats must not trip on it."""
    odd = tmp_path / "verslag.docx"
    odd.write_bytes(b"PK\x03\x04\x14\x00titel,datum\rstatus\x00\x00" + bytes(range(256)))
    assert detect_format(odd).name == "attachment"
