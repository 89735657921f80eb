"""Packs keep everything their sections and levels include: undated items, events, uncited sources; the
checklist says what is assessed; every citation points into the source list and every listed source is cited."""

from __future__ import annotations

import re
import uuid

import pytest
from docx import Document

from raadsdossier.domain import kinds
from raadsdossier.export.build import UNDATED, PackOptions
from raadsdossier.export.model import Heading, Table
from raadsdossier.services import edits, lists
from raadsdossier.storage.dossier import Dossier
from tests.export.conftest import pack_file, pack_of, pdf_pages, squash

EVERY_SECTION = tuple(section.key for section in kinds.PACK_SECTIONS)

UNDATED_ITEMS = {  # collection -> an item without any date, titled so that it can be found in the pack
    "motions": {"title": "Motie zonder datum", "status": "submitted"},
    "commitments": {"title": "Toezegging zonder datum", "status": "open"},
    "question_sets": {"title": "Vragen zonder datum", "kind": "council_questions",
                      "questions": [{"number": 1, "question": "Wat is de stand van zaken?"}]},
    "college_notes": {"title": "Notitie van het college", "kind": "note"},
    "demonstrations": {"title": "Demonstratie zonder datum"},
    "events": {"title": "Reactie zonder datum", "kind": "statement"},
    "costs": {"description": "Kosten zonder datum", "amount_eur": 1250, "basis": "total"},
    "outcomes": {"claim": "Opbrengst zonder datum"},
    "sources": {"title": "Bron die niemand aanhaalt", "kind": "article"},
    "notes": {"title": "Eigen notitie zonder datum", "kind": "general", "body": "Nog uitzoeken."},
}


def titles_of(collection: str) -> str:
    data = UNDATED_ITEMS[collection]
    return data.get("title") or data.get("description") or data.get("claim")


def docx_text(path) -> str:
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return squash(" ".join(parts))


@pytest.fixture
def undated(dossier):
    for collection, data in UNDATED_ITEMS.items():
        edits.save_item(dossier, collection, {"id": str(uuid.uuid4()), **data})
    return dossier


def test_an_undated_item_of_every_kind_is_in_the_pdf_and_the_docx(undated, tmp_path):
    options = PackOptions(sections=EVERY_SECTION)
    pdf = squash(" ".join(pdf_pages(pack_file(undated, tmp_path / "alles.pdf", options))))
    docx = docx_text(pack_file(undated, tmp_path / "alles.docx", options))
    for collection in UNDATED_ITEMS:
        assert titles_of(collection) in pdf, collection
        assert titles_of(collection) in docx, collection
    assert UNDATED in pdf and UNDATED in docx


def test_the_timeline_puts_undated_items_after_the_dated_ones(undated):
    edits.save_item(undated, "events", {"id": str(uuid.uuid4()), "title": "Gedateerde gebeurtenis", "kind": "statement", "date": "2021-07"})
    pack = pack_of(undated, PackOptions(sections=("timeline",)))
    tables = [b for b in pack.blocks if isinstance(b, Table)]
    assert [t.caption for t in tables] == ["", UNDATED]
    assert [row[2] for row in tables[0].rows] == ["Gedateerde gebeurtenis"]
    undated_titles = {row[2] for row in tables[1].rows}
    for collection in ("motions", "commitments", "question_sets", "college_notes", "demonstrations", "events"):
        assert titles_of(collection) in undated_titles, collection


def test_the_bedroefd_reaction_is_in_the_arnhem_pack_under_datum_onbekend(demo_dir, tmp_path):
    with Dossier.open(demo_dir / "arnhem-wuhan.raadsdossier", read_only=True) as dossier:
        reaction = next(e for e in lists.page(dossier, "events") if "bedroefd" in (e["title"] + (e.get("description") or "")))
        pack = pack_of(dossier, PackOptions())
        pdf = squash(" ".join(pdf_pages(pack_file(dossier, tmp_path / "arnhem.pdf", PackOptions()))))
        docx = docx_text(pack_file(dossier, tmp_path / "arnhem.docx", PackOptions()))
    assert not reaction.get("date")
    undated = next(b for b in pack.blocks if isinstance(b, Table) and b.caption == UNDATED)
    row = next(row for row in undated.rows if row[2] == reaction["title"])
    assert row[0].startswith("bron: ") and row[3].startswith("[")  # where the source puts it, and which source
    for text in (pdf, docx):  # (the PDF's table cell wraps the title: its start is on one line)
        assert text.index(UNDATED) < text.index(reaction["title"][:25], text.index(UNDATED))


def test_a_source_no_item_cites_is_listed_without_a_number(undated):
    pack = pack_of(undated, PackOptions(sections=EVERY_SECTION))
    assert titles_of("sources") not in " ".join(s.text for s in pack.sources)
    after = pack.blocks[pack.blocks.index(pack.headings(1)[-1]):]
    assert any(titles_of("sources") in getattr(b, "text", "") for b in after)


def test_a_mostly_unassessed_checklist_lists_only_what_is_assessed(demo_copy):
    path = demo_copy("breda-yangzhou")
    with Dossier.open(path) as dossier:
        before = pack_of(dossier, PackOptions(sections=("checklist",)))
        assert not before.headings(2)  # no recommendation is assessed: no part lists 32 rows of "niet begonnen"
        progress = next(b for b in before.blocks if isinstance(b, Table))
        assert progress.columns == ("Onderdeel", "Beoordeeld", "Afgerond")
        assert all(row[1].startswith("0 van ") for row in progress.rows)
        template = lists.checklist_state(dossier)
        item_id = template["items"][0]["id"]
        edits.assess(dossier, "amnesty-2021", {"id": item_id, "status": "in_progress", "assessed_on": "2026-11-01",
                                               "note": "Besproken in de commissie."})
        after = pack_of(dossier, PackOptions(sections=("checklist",)))
        full = pack_of(dossier, PackOptions(sections=("checklist",), full_checklist=True))
    listed = [row for b in after.blocks if isinstance(b, Table) and b.columns[0] == "Aanbeveling" for row in b.rows]
    assert len(listed) == 1 and listed[0][3] == "Besproken in de commissie."
    every = [row for b in full.blocks if isinstance(b, Table) and b.columns[0] == "Aanbeveling" for row in b.rows]
    assert len(every) == len(template["items"]) > 30


CITED = re.compile(r"\[(\d+(?:, \d+)*)\]")


@pytest.mark.parametrize("slug", ["arnhem-wuhan", "breda-yangzhou", "enschede-dalian", "maastricht-chengdu"])
def test_every_citation_points_into_the_source_list_and_every_source_is_cited(demo_dir, tmp_path, slug):
    options = PackOptions(sections=EVERY_SECTION)
    with Dossier.open(demo_dir / f"{slug}.raadsdossier", read_only=True) as dossier:
        pack = pack_of(dossier, options)
        texts = {"pdf": squash(" ".join(pdf_pages(pack_file(dossier, tmp_path / f"{slug}.pdf", options)))),
                 "docx": docx_text(pack_file(dossier, tmp_path / f"{slug}.docx", options))}
    numbers = [s.number for s in pack.sources]
    assert numbers == list(range(1, len(numbers) + 1)) and numbers
    for fmt, text in texts.items():
        start = [m.start() for m in re.finditer(r"Bronnen 1\. ", text)][-1]  # the list, not the contents
        body, listed = text[:start], text[start:]
        cited = {int(n) for group in CITED.findall(body) for n in group.split(", ")}
        assert cited == set(numbers), fmt  # nothing cites a number the list lacks; nothing listed goes uncited
        at = 0
        for source in pack.sources:  # the list holds every entry, in order
            at = listed.index(f"{source.number}. {source.text[:40]}", at)


def test_headings_of_a_pack_never_skip_a_level(demo_dir):
    with Dossier.open(demo_dir / "arnhem-wuhan.raadsdossier", read_only=True) as dossier:
        pack = pack_of(dossier, PackOptions(sections=EVERY_SECTION))
    levels = [b.level for b in pack.blocks if isinstance(b, Heading)]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:]))


def test_a_vote_with_only_some_choices_says_which_are_known(demo_dir):
    """Arnhem's third vote: the source gives GroenLinks's switch to 'voor' and no seats; the pack says just that."""
    with Dossier.open(demo_dir / "arnhem-wuhan.raadsdossier", read_only=True) as dossier:
        pack = pack_of(dossier, PackOptions(sections=("motions",)))
    third = next(b.text for b in pack.blocks if getattr(b, "text", "").startswith("Stemming 3"))
    assert "uitslag aangenomen (vastgelegd; bekend is alleen: GroenLinks voor, zonder zetels)" in third
    first = next(b.text for b in pack.blocks if getattr(b, "text", "").startswith("Stemming 1"))
    assert "geen stemmen per fractie bekend" in first
