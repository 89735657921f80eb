"""Written questions as plain text: the parser on the real Kamervragen text, the import, bad input."""

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from raadsdossier.domain.errors import InvalidInput
from raadsdossier.domain.models import QuestionSet, Source
from raadsdossier.storage.dossier import Dossier
from raadsdossier.importers import detect_format
from raadsdossier.importers.question_text import parse_question_text, split_names
from tests.conftest import sha256

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "kamervragen-2022Z11774.txt"

ADDRESSEES = [
    "Wopke Hoekstra (viceminister-president , minister buitenlandse zaken) (CDA)",
    "Dilan Yeşilgöz-Zegerius (minister justitie en veiligheid) (VVD)",
    "Eric van der Burg (staatssecretaris justitie en veiligheid) (VVD)",
]


def parsed_fixture() -> dict:
    return parse_question_text(FIXTURE.read_text(encoding="utf-8"), FIXTURE.name)


def write(tmp_path, text: str, name="vragen.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- the real text ---------------------------------------------------------------------------

def test_the_kamervragen_text_gives_one_question_set_with_17_answered_questions():
    document = parsed_fixture()
    assert document["format"] == "raadsdossier/1"
    (qs,) = document["question_sets"]
    assert qs["reference"] == "2022Z11774"
    assert qs["kind"] == "parliamentary_questions"
    assert qs["title"] == "De situatie met betrekking tot de Oeigoeren"
    assert qs["submitted_on"] == "2022-06-10" and qs["answered_on"] == "2022-07-15"
    assert [q["number"] for q in qs["questions"]] == list(range(1, 18))
    assert all(q["answer"] and q["answered_with"] is None for q in qs["questions"])
    assert qs["submitters"] == [{"name": "Sjoerd Sjoerdsma (D66)"}]
    assert [a["name"] for a in qs["addressees"]] == ADDRESSEES
    assert "answer_deadline_days" not in qs  # the text gives no deadline rule


def test_paragraphs_are_kept_and_stripped():
    questions = parsed_fixture()["question_sets"][0]["questions"]
    q1, q2, q17 = questions[0], questions[1], questions[16]
    assert q1["question"].startswith("Bent u bekend met het onderzoeksartikel van Adrian Zenz")
    assert q1["answer"] == "Ja."
    paragraphs = q2["answer"].split("\n\n")
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("De nieuwe beelden van de onderdrukking")
    assert paragraphs[1].startswith("Daarnaast heeft Nederland op 14\u00a0juni namens 47 landen")
    assert q17 == {"number": 17, "question": "Kunt u deze vragen afzonderlijk beantwoorden?", "answer": "Ja.",
                   "answered_with": None}


def test_sources_carry_the_urls_document_numbers_and_full_titles_of_question_and_answer():
    document = parsed_fixture()
    question_source, answer_source = document["sources"]
    assert question_source["url"] == "https://zoek.officielebekendmakingen.nl/kv-tk-2022Z11774.html"
    assert question_source["document_number"] == "kv-tk-2022Z11774"
    assert question_source["title"] == "De situatie met betrekking tot de Oeigoeren"
    assert answer_source["url"] == "https://zoek.officielebekendmakingen.nl/ah-tk-20212022-3578.html"
    assert answer_source["document_number"] == "ah-tk-20212022-3578"
    assert answer_source["title"] == ("Antwoord op vragen van het lid Sjoerdsma over de situatie met betrekking "
                                      "tot de Oeigoeren")
    assert {s["kind"] for s in document["sources"]} == {"parliamentary_document"}
    assert document["question_sets"][0]["source_ids"] == [question_source["id"], answer_source["id"]]


def test_ids_are_the_same_for_the_same_text():
    assert parsed_fixture() == parsed_fixture()


def test_the_file_is_recognised_as_questions_text():
    assert detect_format(FIXTURE).name == "questions-text"


def test_names_split_only_after_a_closing_parenthesis():
    line = FIXTURE.read_text(encoding="utf-8").splitlines()[7].removeprefix("Beantwoord door ")
    assert split_names(line) == ADDRESSEES
    assert split_names("Jansen, J. (GL)") == ["Jansen, J. (GL)"]
    assert split_names("A (CDA), B (VVD), C") == ["A (CDA)", "B (VVD)", "C"]


# -- other shapes of text --------------------------------------------------------------------

GROUPED = """\
Schriftelijke vragen 2023-17

Stedenband met Dalian

Ingediend 3 maart 2023
Beantwoord 28 maart 2023
Indieners Anna de Vries (GroenLinks), Bram Jansen (D66)
 • Vraag 1
  Is het college bekend met het bericht?

  Ja.
 • Vraag 2 en 3
  Wat kostte de reis?
  Wie betaalde de reis?

  De reis kostte 12.000 euro en werd door de gemeente betaald.
  Zie ook de raadsinformatiebrief.
 • Vraag 4
  Komt er een evaluatie?

  Antwoord 4 en 5: Ja, in het najaar.
 • Vraag 5
  Wordt de raad daarover geïnformeerd?
 • Vraag 6
  Gaat u opnieuw naar Dalian?
"""


def test_a_block_for_several_questions_answers_them_together():
    (qs,) = parse_question_text(GROUPED)["question_sets"]
    assert qs["kind"] == "council_questions" and qs["reference"] == "2023-17"
    assert [s["name"] for s in qs["submitters"]] == ["Anna de Vries (GroenLinks)", "Bram Jansen (D66)"]
    assert "addressees" not in qs
    q = {item["number"]: item for item in qs["questions"]}
    assert q[2]["question"] == "Wat kostte de reis?" and q[3]["question"] == "Wie betaalde de reis?"
    assert q[2]["answer"] == ("De reis kostte 12.000 euro en werd door de gemeente betaald.\n\n"
                              "Zie ook de raadsinformatiebrief.")
    assert q[3]["answer"] is None and q[3]["answered_with"] == 2
    # an answer that says it covers several questions
    assert q[4]["answer"] == "Ja, in het najaar." and q[5]["answered_with"] == 4 and q[5]["answer"] is None
    # an unanswered question is allowed
    assert q[6]["answer"] is None and q[6]["answered_with"] is None


def test_an_unanswered_set_has_no_answer_date_and_no_sources():
    text = "Kamervraag 2024Z00001\nEen titel\nIngediend 1 januari 2024\n• Vraag 1\n  Waarom?\n"
    document = parse_question_text(text)
    (qs,) = document["question_sets"]
    assert "answered_on" not in qs and "source_ids" not in qs and document["sources"] == []
    assert qs["questions"] == [{"number": 1, "question": "Waarom?", "answer": None, "answered_with": None}]


@pytest.mark.parametrize("month, number", [("januari", 1), ("februari", 2), ("maart", 3), ("april", 4), ("mei", 5),
                                           ("juni", 6), ("juli", 7), ("augustus", 8), ("september", 9),
                                           ("oktober", 10), ("november", 11), ("december", 12)])
def test_every_dutch_month_name_is_read(month, number):
    text = f"Kamervraag 1\nTitel\nIngediend 9 {month} 2021\n• Vraag 1\n  Waarom?\n"
    assert parse_question_text(text)["question_sets"][0]["submitted_on"] == f"2021-{number:02d}-09"


BAD_TEXTS = {
    "no reference line": ("Vragen over Dalian\n• Vraag 1\n  Waarom?\n", "regel 1: de tekst begint niet met"),
    "impossible date": ("Kamervraag 1\nTitel\nIngediend 31 juni 2022\n• Vraag 1\n  Waarom?\n",
                        "regel 3: '31 juni 2022' is geen bestaande datum"),
    "decreasing numbers": ("Kamervraag 1\nTitel\n• Vraag 2\n  A?\n• Vraag 1\n  B?\n",
                           "regel 5: vraag 1 staat na vraag 2"),
    "empty block": ("Kamervraag 1\nTitel\n• Vraag 1\n\n• Vraag 2\n  B?\n", "regel 3: onder '• Vraag 1' staat geen vraag"),
    "answer twice": ("Kamervraag 1\nTitel\n• Vraag 1\n  A?\n\n  Antwoord 1 en 2: ja.\n• Vraag 2\n  B?\n\n  Nee.\n",
                     "regel 10: vraag 2 is al beantwoord op regel 6"),
    "answered before submitted": ("Kamervraag 1\nTitel\nIngediend 2 mei 2022\nBeantwoord 1 mei 2022\n• Vraag 1\n  A?\n",
                                  "regel 4: de datum van beantwoording"),
}


@pytest.mark.parametrize("case", BAD_TEXTS, ids=list(BAD_TEXTS))
def test_bad_text_is_refused_naming_the_line(case):
    text, message = BAD_TEXTS[case]
    with pytest.raises(InvalidInput) as raised:
        parse_question_text(text, "plakken")
    assert str(raised.value).startswith("plakken: ") and message in str(raised.value)


# -- through the command line ----------------------------------------------------------------

def test_import_through_the_cli_adds_one_question_set_answered_in_35_days(run, new_dossier):
    code, out, err = run("import", new_dossier, FIXTURE)
    assert code == 0, err
    assert "1 vragenset" in out and "2 bronnen" in out
    code, out, err = run("export-json", new_dossier)
    (qs,) = json.loads(out)["question_sets"]
    assert qs["reference"] == "2022Z11774" and len(qs["questions"]) == 17
    with Dossier.open(new_dossier) as dossier, dossier.session() as session:
        (question_set,) = session.scalars(select(QuestionSet)).all()
        assert question_set.days_to_answer == 35
        assert question_set.addressees == ADDRESSEES


def test_importing_the_same_text_twice_keeps_one_set(run, new_dossier):
    assert run("import", new_dossier, FIXTURE)[0] == 0
    code, out, err = run("import", new_dossier, FIXTURE)
    assert code == 0 and "bijgewerkt: niets; al zo in het dossier: 1 vragenset, 2 bronnen" in out
    with Dossier.open(new_dossier) as dossier, dossier.session() as session:
        assert len(session.scalars(select(QuestionSet)).all()) == 1
        assert len(session.scalars(select(Source)).all()) == 2
        assert len(session.scalars(select(QuestionSet)).one().questions) == 17


def test_a_truncated_text_never_shrinks_a_stored_question_set(run, new_dossier, tmp_path):
    assert run("import", new_dossier, FIXTURE)[0] == 0
    before = run("export-json", new_dossier)[1]
    cut = tmp_path / "cut.txt"
    cut.write_bytes(FIXTURE.read_bytes()[:1500])  # a copy broken off in the second answer
    code, out, err = run("import", new_dossier, cut)
    assert code == 0 and "overgeslagen: 1 vragenset" in out and "bijgewerkt: 1 vragenset" not in out
    assert f"{cut}: " in err and "heeft in dit bestand 2 vragen, in het dossier 17: is het bestand afgebroken? " \
        "De vragenset is niet bijgewerkt." in err
    after = json.loads(run("export-json", new_dossier)[1])
    assert after["question_sets"] == json.loads(before)["question_sets"]


def test_a_text_cut_inside_its_last_answer_does_not_cut_the_stored_one(run, new_dossier, tmp_path):
    """Every question there, the last answer broken off mid-word: the count alone did not tell."""
    assert run("import", new_dossier, FIXTURE)[0] == 0
    before = run("export-json", new_dossier)[1]
    text = FIXTURE.read_text(encoding="utf-8")
    end = text.index("Kunt u deze vragen afzonderlijk beantwoorden?\n\n  Ja.") + len("Kunt u deze vragen af"
                                                                                  "zonderlijk beantwoorden?\n\n  J")
    cut = write(tmp_path, text[:end], "cut.txt")  # broken off in the answer to the last question ("Ja.")
    code, out, err = run("import", new_dossier, cut)
    assert code == 0 and "overgeslagen: 1 vragenset" in out, (out, err)
    assert "is het antwoord op vraag 17 korter dan in het dossier en er het begin van: is het bestand afgebroken?" in err
    assert json.loads(run("export-json", new_dossier)[1])["question_sets"] == json.loads(before)["question_sets"]
    longer = _fixture_with(tmp_path, "Ja.", "Ja, dat zijn wij.")  # a longer answer, a correction: it updates
    code, out, _err = run("import", new_dossier, longer)
    assert code == 0 and "bijgewerkt: 1 vragenset" in out


def test_grouped_answer_survives_the_import(run, new_dossier, tmp_path):
    assert run("import", new_dossier, write(tmp_path, GROUPED))[0] == 0
    code, out, err = run("export-json", new_dossier)
    questions = {q["number"]: q for q in json.loads(out)["question_sets"][0]["questions"]}
    assert questions[3]["answered_with"] == 2 and questions[5]["answered_with"] == 4


def _fixture_with(tmp_path, old: str, new: str, count: int = 1) -> Path:
    text = FIXTURE.read_text(encoding="utf-8")
    assert old in text
    return write(tmp_path, text.replace(old, new, count))


BAD_FILES = {
    "no questions": (lambda tmp: write(tmp, "Kamervraag 2022Z11774\n\nDe situatie\n\nIngediend 10 juni 2022\n"),
                     "regel 5: de tekst eindigt zonder één blok 'Vraag <nummer>'"),
    "bad month name": (lambda tmp: _fixture_with(tmp, "Ingediend 10 juni 2022", "Ingediend 10 juno 2022"),
                       "regel 5: '10 juno 2022' is geen Nederlandse datum"),
    "duplicate number": (lambda tmp: _fixture_with(tmp, " • Vraag 4\n", " • Vraag 3\n"),
                         "regel 28: vraag 3 komt twee keer voor (ook op regel 23)"),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_bad_file_exits_1_with_one_line_naming_file_and_line_and_changes_nothing(case, run, new_dossier, tmp_path):
    make, message = BAD_FILES[case]
    source = make(tmp_path)
    before = sha256(new_dossier)
    # without a "Vraag" line the text is not recognised automatically, so that case names the format
    options = ["--format", "questions-text"] if case == "no questions" else []
    code, out, err = run("import", new_dossier, source, *options)
    assert code == 1
    assert f"{source}: {message}" in err
    assert "Traceback" not in err and err.count("\n") == 1
    assert sha256(new_dossier) == before


def test_a_file_that_is_not_utf8_is_named(run, new_dossier, tmp_path):
    source = tmp_path / "vragen.txt"
    source.write_bytes(FIXTURE.read_text(encoding="utf-8").encode("cp1252", errors="replace"))
    before = sha256(new_dossier)
    code, out, err = run("import", new_dossier, source)
    assert code == 1
    assert f"{source}: regel 8: dit is geen tekst in UTF-8" in err and err.count("\n") == 1
    assert sha256(new_dossier) == before


def test_kamervragen_the_dossier_has_under_other_ids_are_updated_not_added_again(run, demo_copy):
    """The Arnhem demo dossier holds 2022Z11774 (built from the demo documents, with ids of their own): importing
    the official text added a second question set and two more sources. Now the question set is matched by its
    zaak number and its sources by their document numbers, and the next import finds them by the ids recorded."""
    path = demo_copy("arnhem-wuhan")
    with Dossier.open(path) as dossier, dossier.session() as session:
        [(before_id,)] = session.execute(select(QuestionSet.id)).all()
        sources = session.scalar(select(func.count()).select_from(Source))
    code, out, err = run("import", path, FIXTURE)
    assert code == 0, err
    assert "toegevoegd: niets; bijgewerkt: 1 vragenset, 1 bron; al zo in het dossier: 1 bron" in out
    with Dossier.open(path) as dossier, dossier.session() as session:
        assert session.execute(select(QuestionSet.id)).all() == [(before_id,)]
        assert session.scalar(select(func.count()).select_from(Source)) == sources
        assert len(session.get(QuestionSet, before_id).questions) == 17
    code, out, err = run("import", path, FIXTURE)
    assert "toegevoegd: niets; bijgewerkt: niets; al zo in het dossier: 1 vragenset, 2 bronnen" in out


def test_two_items_with_the_same_reference_match_neither(run, new_dossier):
    """A reference two question sets of the dossier share names neither: the import adds its own."""
    import sqlite3

    first = parse_question_text(FIXTURE.read_text(encoding="utf-8"), FIXTURE.name)
    for n in (1, 2):
        entry = dict(first["question_sets"][0], id=f"00000000-0000-4000-8000-00000000000{n}", source_ids=[],
                     reference=f"eigen-{n}")
        document = {"format": "raadsdossier/1", "question_sets": [entry]}
        written = new_dossier.with_name(f"eigen-{n}.json")
        written.write_text(json.dumps(document), encoding="utf-8")
        assert run("import", new_dossier, written)[0] == 0
    with sqlite3.connect(new_dossier) as connection:  # two sets under one reference (as a form may leave them)
        connection.execute("UPDATE question_sets SET reference = '2022Z11774'")
    code, out, _err = run("import", new_dossier, FIXTURE)
    assert code == 0 and "toegevoegd: 1 vragenset, 2 bronnen" in out
