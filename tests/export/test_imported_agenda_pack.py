"""A meeting imported from the council's system makes a pack that follows its agenda, in PDF and in DOCX: the
Amsterdam Notubiz meeting (45 agenda items, headings among them, six numbered "3") and the Den Helder GO page
(15 agenda items). Under each agenda item the documents the system lists there; with --whole-agenda every
agenda item in its place, without it the ones the dossier holds nothing for on one line."""

from __future__ import annotations

import json

import pytest

from tests.conftest import REPO
from tests.export.conftest import pdf_pages, squash
from tests.export.test_meeting_pack import docx_text, in_order

COUNCIL = REPO / "tests/fixtures/council"
AMSTERDAM = COUNCIL / "notubiz_meeting_amsterdam.json"
DEN_HELDER = COUNCIL / "go_meeting_den_helder.html"


def agenda(run, dossier) -> tuple[str, list[dict]]:
    code, out, err = run("meetings", dossier, "--json")
    assert code == 0, err
    [meeting] = json.loads(out)
    return meeting["reference"], meeting["agenda_items"]


def texts(run, dossier, reference: str, tmp_path, *options: str) -> dict[str, str]:
    found = {}
    for suffix in ("pdf", "docx"):
        target = tmp_path / f"stuk{'-'.join(options)}.{suffix}"
        code, out, err = run("pack", dossier, "--meeting", reference, *options, "-o", target)
        assert code == 0, err
        found[suffix] = squash(" ".join(pdf_pages(target))) if suffix == "pdf" else docx_text(target)
    return found


@pytest.mark.parametrize("source, count", [(AMSTERDAM, 45), (DEN_HELDER, 15)])
def test_the_pack_of_an_imported_meeting_follows_its_agenda_in_pdf_and_docx(run, new_dossier, tmp_path, source, count):
    code, out, err = run("import", new_dossier, source)
    assert code == 0, err
    reference, items = agenda(run, new_dossier)
    assert len(items) == count
    numbered = [item for item in items if item["kind"] != "heading"]
    whole = texts(run, new_dossier, reference, tmp_path, "--whole-agenda")
    for suffix, text in whole.items():
        body = text[text.rindex("Dossiers in dit stuk"):]
        # every agenda item in its place, as the system orders them (a heading by its title alone)
        expected = [f"Agendapunt {item['number']}: {item['title']}" if item["number"] else item["title"]
                    for item in items]
        assert in_order(body, *(squash(line)[:60] for line in expected)), suffix
    # Without the option: the agenda items with documents in order, each with its documents; the others on one line.
    short = texts(run, new_dossier, reference, tmp_path)
    with_documents = [item for item in numbered if item["documents"]]
    assert bool(with_documents) == (source == AMSTERDAM)  # the GO page was saved with its agenda items closed
    for suffix, text in short.items():
        body = text[text.rindex("Dossiers in dit stuk"):]
        parts = []
        for item in with_documents:
            parts += [squash(f"Agendapunt {item['number']}: {item['title']}")[:60], "Stukken bij dit agendapunt",
                      squash(item["documents"][0]["title"])[:40]]
        assert in_order(body, *parts), suffix
        without = [item for item in numbered if not item["documents"]]
        line = body[body.index("Zonder stukken uit de dossiers"):]
        assert in_order(line, *(squash(f"{item['number']} {item['title']}")[:40] for item in without)), suffix


def test_importing_the_meeting_twice_makes_the_same_pack(run, new_dossier, tmp_path):
    assert run("import", new_dossier, AMSTERDAM)[0] == 0
    reference, _items = agenda(run, new_dossier)
    first = texts(run, new_dossier, reference, tmp_path)
    code, out, err = run("import", new_dossier, AMSTERDAM)
    assert code == 0 and "toegevoegd: niets; bijgewerkt: niets" in out, out + err
    again = texts(run, new_dossier, reference, tmp_path, "--author", "")
    assert again["docx"] == first["docx"]
