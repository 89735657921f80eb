"""The demo says exactly what its sources say: every quote verbatim, every status a source states, no
national party or role presented as the council's own, no source that backs nothing (issue 16, item 5).

The sources are the project's seed documents (shared/seeds/), copied into tests/fixtures/ so that this
test runs anywhere.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path

import pytest

from raadsdossier.base.paths import resource
from raadsdossier.cli import main as cli_main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED_FILES = [*sorted((FIXTURES / "seeds").glob("*.txt")), FIXTURES / "kamervragen-2022Z11774.txt"]
SLUGS = ["arnhem-wuhan", "breda-yangzhou", "enschede-dalian", "maastricht-chengdu"]


def squash(text: str) -> str:
    """Whitespace and line breaks as one space: the only difference allowed between a quote and its source."""
    return " ".join(text.split())


SEEDS = " \n ".join(squash(path.read_text(encoding="utf-8")) for path in SEED_FILES)

# Text between quotation marks. A closing ’ or ' followed by a letter is an apostrophe (China’s, z'n), and
# so is a ' after a letter (regio's): those neither open nor close a quote.
QUOTED = [re.compile(r"„(.+?)”"), re.compile(r"“(.+?)”"), re.compile(r"‘(.+?)’(?!\w)"),
          re.compile(r'"(.+?)"'), re.compile(r"(?<!\w)'(.+?)'(?!\w)")]
# Fields that are the source's words by definition, whether or not they carry quotation marks.
VERBATIM_FIELDS = {"stated_position", "question", "answer", "demands"}
# In a verbatim field, text in square brackets is the editor's: "[…]" for words left out, "[Noot: …]".
EDITORIAL = re.compile(r"\[[^\]]*\]")


def demo_documents() -> dict[str, dict]:
    """The demo documents as written (national.json once, not merged into each dossier)."""
    return {path.stem: json.loads(path.read_text(encoding="utf-8"))
            for path in sorted(resource("demo").glob("*.json"))}


def strings(value, path: str = ""):
    """(path, key, text) of every string in a JSON value."""
    if isinstance(value, dict):
        for key, child in value.items():
            if isinstance(child, str):
                yield f"{path}.{key}", key, child
            else:
                yield from strings(child, f"{path}.{key}")
    elif isinstance(value, list):
        for number, child in enumerate(value):
            if isinstance(child, str):
                yield f"{path}[{number}]", "", child
            else:
                yield from strings(child, f"{path}[{number}]")


def quotes_in(key: str, text: str, path: str) -> list[str]:
    """The passages of `text` that claim to be the source's words."""
    found = [match.group(1) for pattern in QUOTED for match in pattern.finditer(text)]
    if key in VERBATIM_FIELDS or ".status_history[" in path and key == "note":
        found += EDITORIAL.split(text)
    return [squash(quote) for quote in found if squash(quote)]


def misquoted(document: dict) -> list[tuple[str, str]]:
    """(where, quote) of every quoted passage that is not, word for word, in the seed documents."""
    return [(path, quote) for path, key, text in strings(document) for quote in quotes_in(key, text, path)
            if quote not in SEEDS]


@pytest.mark.parametrize("name", [*SLUGS, "national"])
def test_every_quote_in_the_demo_is_word_for_word_in_the_sources(name):
    document = demo_documents()[name]
    assert any(quotes_in(key, text, path) for path, key, text in strings(document))  # it has quotes to check
    assert misquoted(document) == []


def test_the_check_catches_a_quote_altered_by_one_word():
    documents = demo_documents()
    enschede, national = documents["enschede-dalian"], documents["national"]
    note = enschede["college_notes"][0]
    note["stated_position"] = note["stated_position"].replace("blijft de samenwerking staan",
                                                              "blijft de samenwerking voorlopig staan")
    assert [where for where, _quote in misquoted(enschede)] == [".college_notes[0].stated_position"]
    breda = documents["breda-yangzhou"]
    remark = next(e for e in breda["events"] if "forsere evaluatie" in e["title"])
    remark["description"] = remark["description"].replace("moeten we misschien", "moeten we zeker")
    assert [where for where, _quote in misquoted(breda)] == [f".events[{breda['events'].index(remark)}].description"]
    answer = national["question_sets"][0]["questions"][1]
    answer["answer"] = answer["answer"].replace("schokkend", "verontrustend")
    assert [where for where, _quote in misquoted(national)] == [".question_sets[0].questions[1].answer"]


def test_a_source_without_a_headline_has_a_descriptive_title_in_square_brackets():
    for name, document in demo_documents().items():
        for source in document.get("sources", []):
            if source.get("kind") == "article":
                title = source["title"]
                assert title in SEEDS or (title.startswith("[") and title.endswith("]")), (name, title)
    enschede = demo_documents()["enschede-dalian"]["sources"][0]["title"]
    assert enschede.startswith("[") and "regionaal" not in enschede.lower()  # the source does not say so


def test_answer_13_says_that_the_source_stops_at_drie_onderdelen():
    questions = demo_documents()["national"]["question_sets"][0]["questions"]
    answer = next(q for q in questions if q["number"] == 13)["answer"]
    head, note, tail = re.split(r"\s*(\[[^\]]*\])\s*", answer)
    assert head.endswith("bestaat uit de volgende drie onderdelen:") and "drie onderdelen" in note
    assert squash(head + " " + tail) in SEEDS  # without the note, the answer as the source gives it


# -- what the built dossiers show ---------------------------------------------------------------

@pytest.fixture(scope="module")
def exported(demo_dir) -> dict[str, dict]:
    """Slug -> `raadsdossier export-json` of the built demo dossier: what the app holds and shows."""
    def export(slug):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert cli_main(["export-json", str(demo_dir / f"{slug}.raadsdossier")]) == 0
        return json.loads(out.getvalue())
    return {slug: export(slug) for slug in SLUGS}


# slug -> (status, date of its status history entry, since) as the sources give them; None where they give none
STATED = {
    # "…een motie … die voorstelt om de stedenband met Wuhan te verbreken. … en daarmee krijgt de motie genoeg stemmen."
    "arnhem-wuhan": ("ended", "2021-07", None),
    # "Breda, dat in afwachting is van het paviljoen uit Yangzhou"; "ter ere van de tienjarige vriendschapsband"
    "breda-yangzhou": ("active", "2022-01", "Circa 2012"),
    # "Maar als het aan het gemeentebestuur ligt, blijft de samenwerking staan."
    "enschede-dalian": ("active", "2021-05", None),
    # "de actieve stedenband"; the intentieverklaring signed "later dat jaar" (2012)
    "maastricht-chengdu": ("active", "2022-01", "2012"),
}


@pytest.mark.parametrize("slug", SLUGS)
def test_no_partnership_says_unknown_where_a_source_states_its_status(exported, slug):
    partnership = exported[slug]["partnership"]
    status, dated, since = STATED[slug]
    assert (partnership["status"], partnership["since"]) == (status, since)
    (entry,) = partnership["status_history"]
    assert (entry["status"], entry["date"]) == (status, dated)
    assert squash(entry["note"]) in SEEDS  # the passage the status rests on, verbatim


# The parties the sources name in each council, with the passage that names them there.
COUNCIL_PARTIES = {
    "arnhem-wuhan": {"GroenLinks": "GroenLinks verandert na het horen van hun getuigenissen van standpunt"},
    "breda-yangzhou": {"GroenLinks": "raadslid Peter Bakker (GroenLinks)",
                       "VVD": "wethouder Boaz Adank (Economie, VVD)"},
    "enschede-dalian": {},
    "maastricht-chengdu": {},
}


@pytest.mark.parametrize("slug", SLUGS)
def test_a_councils_parties_and_people_are_its_own_not_the_tweede_kamers(exported, slug):
    document = exported[slug]
    parties = {party["name"] for party in document["parties"]}
    assert parties == set(COUNCIL_PARTIES[slug])
    assert all(passage in SEEDS for passage in COUNCIL_PARTIES[slug].values())
    assert not parties & {"D66", "CDA"}  # parties of the Kamervragen only
    names = {person["name"] for person in document["people"]}
    assert not names & {"Sjoerd Sjoerdsma", "Wopke Hoekstra", "Dilan Yeşilgöz-Zegerius", "Eric van der Burg"}
    for person in document["people"]:
        assert "kamer" not in (person.get("description") or "").lower()
    (kamervragen,) = [qs for qs in document["question_sets"] if qs["reference"] == "2022Z11774"]
    assert kamervragen["kind"] == "parliamentary_questions"  # what the window and the packs mark as national
    actors = kamervragen["submitters"] + kamervragen["addressees"]
    assert actors and all(set(actor) == {"name"} and actor["name"] in SEEDS for actor in actors)


def test_national_json_holds_only_what_the_app_marks_as_national():
    national = demo_documents()["national"]
    assert set(national) == {"format", "question_sets", "sources"}
    assert all(qs["kind"] == "parliamentary_questions" for qs in national["question_sets"])
    assert all(source["kind"] == "parliamentary_document" for source in national["sources"])


@pytest.mark.parametrize("slug", SLUGS)
def test_every_source_of_a_demo_dossier_backs_an_item(exported, slug):
    document = exported[slug]
    cited = set()
    for value in document.values():
        for item in value if isinstance(value, list) else [value] if isinstance(value, dict) else []:
            cited.update(item.get("source_ids") or [])
    assert {source["id"] for source in document["sources"]} <= cited


def test_the_evaluation_in_2023_is_a_remark_not_a_commitment(exported):
    breda = exported["breda-yangzhou"]
    assert breda["commitments"] == []
    (remark,) = [e for e in breda["events"] if "forsere evaluatie" in (e.get("description") or "")]
    assert remark["kind"] == "statement" and remark["date"] == "2022-01"
    assert "moeten we misschien een wat forsere evaluatie doen dan normaal" in remark["description"]
