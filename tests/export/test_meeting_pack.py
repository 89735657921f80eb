"""One pack for a council meeting over several dossiers: the agenda in order, under each agenda item what each
dossier holds for it, one numbered source list, the dossiers without the meeting named."""

from __future__ import annotations

import json
import re

import pytest
from docx import Document

from raadsdossier.domain.errors import NotFound
from raadsdossier.export.build import PackOptions
from raadsdossier.export.model import Facts, Heading, Table
from raadsdossier.services import lists, packs
from raadsdossier.storage.dossier import Dossier
from tests.export.conftest import pdf_pages, squash

MEETING = "raad-2026-12-14"


def agenda_document(source_id: str, agenda: list[tuple[str, str]], motion: tuple[str, str], prefix: str) -> dict:
    """An interchange document with the meeting, its agenda (number, title) in the dossier's own order, and a
    motion on the agenda item `motion[0]` citing the dossier's source `source_id`."""
    meeting_id = f"{prefix}0000000-0000-4000-8000-000000000001"
    items = [{"id": f"{prefix}0000000-0000-4000-8000-00000000001{i}", "number": number, "title": title, "kind": "debate"}
             for i, (number, title) in enumerate(agenda)]
    on = next(item["id"] for item in items if item["number"] == motion[0])
    return {
        "format": "raadsdossier/1",
        "meetings": [{"id": meeting_id, "reference": MEETING, "date": "2026-12-14", "body": "council",
                      "title": "Raadsvergadering", "agenda_items": items, "source_ids": [source_id]}],
        "motions": [{"id": f"{prefix}0000000-0000-4000-8000-000000000002", "reference": "M7", "title": motion[1],
                     "date": "2026-12-14", "meeting_id": meeting_id, "agenda_item_id": on, "status": "submitted",
                     "operative_text": "verzoekt het college de stedenband te evalueren,", "source_ids": [source_id]}],
        "commitments": [{"id": f"{prefix}0000000-0000-4000-8000-000000000003", "title": f"Toezegging {motion[1]}",
                         "meeting_id": meeting_id, "status": "open", "source_ids": [source_id]}],
        "question_sets": [{"id": f"{prefix}0000000-0000-4000-8000-000000000004", "title": f"Vragen bij {motion[1]}",
                           "kind": "council_questions", "meeting_id": meeting_id, "agenda_item_id": on,
                           "questions": [{"number": 1, "question": "Wanneer komt de evaluatie?"}]}],
        "college_notes": [{"id": f"{prefix}0000000-0000-4000-8000-000000000005", "title": f"Raadsinformatiebrief bij {motion[1]}",
                           "kind": "information_letter", "meeting_id": meeting_id, "agenda_item_id": on}],
    }


@pytest.fixture
def meeting_dossiers(demo_copy, tmp_path, run):
    """Arnhem and Enschede with the meeting added by import (each with the agenda in its own order), Breda without."""
    paths = {slug: demo_copy(slug) for slug in ("arnhem-wuhan", "enschede-dalian", "breda-yangzhou")}
    plans = {"arnhem-wuhan": ([("5", "Stedenband Wuhan"), ("3", "Vaststelling van de agenda")],
                              ("5", "Motie evaluatie stedenband Wuhan"), "a"),
             "enschede-dalian": ([("3", "Vaststelling van de agenda"), ("10", "Notitie stedenband Dalian")],
                                 ("10", "Motie evaluatie stedenband Dalian"), "b")}
    for slug, (agenda, motion, prefix) in plans.items():
        with Dossier.open(paths[slug], read_only=True) as dossier:
            source_id = lists.page(dossier, "sources")[0]["id"]
        document = tmp_path / f"{slug}-vergadering.json"
        document.write_text(json.dumps(agenda_document(source_id, agenda, motion, prefix)), encoding="utf-8")
        code, _out, err = run("import", paths[slug], document)
        assert code == 0, err
    return paths


def docx_text(path) -> str:
    document = Document(str(path))
    return squash(" ".join([p.text for p in document.paragraphs]
                           + [cell.text for table in document.tables for row in table.rows for cell in row.cells]))


def html_text(path) -> str:
    """The HTML pack's text as a reader's browser shows it (tags out, entities decoded)."""
    import html

    return squash(html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"(?s)<(style|title)>.*?</\1>", " ", path.read_text()))))


def in_order(text: str, *parts: str) -> bool:
    at = 0
    for part in parts:
        at = text.find(part, at)
        if at < 0:
            return False
    return True


def test_a_meeting_pack_of_two_dossiers_follows_the_agenda(meeting_dossiers, tmp_path, run):
    files = [meeting_dossiers[slug] for slug in ("arnhem-wuhan", "enschede-dalian", "breda-yangzhou")]
    texts = {}
    for suffix in ("pdf", "docx", "html"):
        target = tmp_path / f"vergadering.{suffix}"
        code, out, err = run("pack", *files, "--meeting", MEETING, "-o", target)
        assert code == 0, err
        assert out.strip() == str(target)
        assert "Breda – Yangzhou" in err  # named, not an error
        texts[suffix] = squash(" ".join(pdf_pages(target))) if suffix == "pdf" else docx_text(target) \
            if suffix == "docx" else html_text(target)
    for suffix, text in texts.items():
        body = text[text.rindex("Dossiers in dit stuk"):]  # the body, after the contents that name it too
        assert in_order(body, "Agendapunt 5: Stedenband Wuhan", "Arnhem – Wuhan: M7 Motie evaluatie stedenband Wuhan",
                        "Arnhem – Wuhan: vragen – Vragen bij Motie evaluatie stedenband Wuhan", "Wanneer komt de evaluatie?",
                        "Arnhem – Wuhan: collegestuk – Raadsinformatiebrief bij Motie evaluatie stedenband Wuhan",
                        "Agendapunt 10: Notitie stedenband Dalian", "Enschede – Dalian: M7 Motie evaluatie stedenband Dalian",
                        "Enschede – Dalian: vragen – Vragen bij Motie evaluatie stedenband Dalian",
                        # the agenda items the dossiers hold nothing for: one line
                        "Zonder stukken uit de dossiers (1 agendapunt): 3 Vaststelling van de agenda.",
                        "Bij de vergadering als geheel", "Toezegging Motie evaluatie stedenband Wuhan",
                        "Toezegging Motie evaluatie stedenband Dalian"), suffix
        assert "Agendapunt 3" not in body
        assert "Breda – Yangzhou" in body and "Raadsvergadering, 14 december 2026" in text


def test_the_whole_agenda_puts_every_agenda_item_in_its_place(meeting_dossiers, tmp_path, run):
    target = tmp_path / "vergadering.pdf"
    code, out, err = run("pack", meeting_dossiers["arnhem-wuhan"], meeting_dossiers["enschede-dalian"],
                         "--meeting", MEETING, "--whole-agenda", "-o", target)
    assert code == 0, err
    text = squash(" ".join(pdf_pages(target)))
    body = text[text.rindex("Dossiers in dit stuk"):]
    assert in_order(body, "Agendapunt 3: Vaststelling van de agenda",
                    "Geen van de dossiers heeft stukken bij dit agendapunt.", "Agendapunt 5: Stedenband Wuhan",
                    "Agendapunt 10: Notitie stedenband Dalian", "Bij de vergadering als geheel")
    assert "Zonder stukken uit de dossiers" not in body


def test_an_unknown_meeting_names_the_dossiers_meetings_and_how_to_import_one(meeting_dossiers, tmp_path, run):
    code, out, err = run("pack", meeting_dossiers["arnhem-wuhan"], "--meeting", "raad-1999-01-01",
                         "-o", tmp_path / "x.pdf")
    assert code == 1
    assert "De vergadering 'raad-1999-01-01' staat niet in dit dossier (Arnhem – Wuhan)" in err
    assert f"Wel bekend: {MEETING} (14 december 2026, Raadsvergadering)" in err
    assert "raadsdossier import DOSSIER BESTAND" in err and "Notubiz" in err
    assert not (tmp_path / "x.pdf").exists()


def test_one_source_list_for_the_whole_meeting_pack(meeting_dossiers):
    with Dossier.open(meeting_dossiers["arnhem-wuhan"], read_only=True) as arnhem, \
            Dossier.open(meeting_dossiers["enschede-dalian"], read_only=True) as enschede:
        from contextlib import ExitStack

        from raadsdossier.export.meeting import build_meeting_pack

        with ExitStack() as stack:
            content = build_meeting_pack([("a", stack.enter_context(arnhem.session())),
                                          ("b", stack.enter_context(enschede.session()))], PackOptions(meeting=MEETING))
    pack = content.pack
    assert content.dossiers == ("Arnhem – Wuhan", "Enschede – Dalian") and content.missing == ()
    assert pack.subtitle == "Dossiers Arnhem – Wuhan, Enschede – Dalian"
    overview = next(b for b in pack.blocks if isinstance(b, Table))
    held = "1 motie, 1 toezegging, 1 vragenset, 1 collegestuk"
    assert overview.rows == (("Arnhem – Wuhan", "beëindigd", held), ("Enschede – Dalian", "actief", held))
    assert [s.number for s in pack.sources] == [1, 2]  # each dossier's cited source once, numbered across the pack
    cited = {n for block in pack.blocks for n in getattr(block, "citations", ())}
    facts = " ".join(v for block in pack.blocks if isinstance(block, Facts) for _k, v in block.rows)
    cited |= {int(n) for n in re.findall(r"\[(\d+)\]", facts)}
    assert cited == {1, 2}
    assert pack.headings(1)[-1].opens_sources


def test_only_one_agenda_item_and_a_meeting_no_dossier_has(meeting_dossiers, tmp_path):
    with Dossier.open(meeting_dossiers["arnhem-wuhan"], read_only=True) as arnhem, \
            Dossier.open(meeting_dossiers["enschede-dalian"], read_only=True) as enschede:
        result = packs.make_meeting_pack([arnhem, enschede], tmp_path / "punt10.pdf",
                                         PackOptions(meeting=MEETING, agenda_item="10"))
        text = squash(" ".join(pdf_pages(result.written[0])))
        assert "Motie evaluatie stedenband Dalian" in text and "Motie evaluatie stedenband Wuhan" not in text
        with pytest.raises(NotFound, match="staat in geen van de dossiers"):
            packs.make_meeting_pack([arnhem, enschede], tmp_path / "x.pdf", PackOptions(meeting="raad-1999-01-01"))
        with pytest.raises(NotFound, match="Agendapunt 99"):
            packs.make_meeting_pack([arnhem, enschede], tmp_path / "y.pdf", PackOptions(meeting=MEETING, agenda_item="99"))
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "y.pdf").exists()


def test_the_command_line_asks_for_the_meeting_with_several_dossiers(meeting_dossiers, tmp_path, run):
    code, _out, err = run("pack", meeting_dossiers["arnhem-wuhan"], meeting_dossiers["enschede-dalian"],
                          "-o", tmp_path / "x.pdf")
    assert code == 2 and "--meeting" in err
    assert not (tmp_path / "x.pdf").exists()


def _set(path, item_id: str, **changes) -> None:
    from raadsdossier.services import edits

    with Dossier.open(path) as dossier:
        key, data = lists.get(dossier, item_id)
        edits.save_item(dossier, key, {k: v for k, v in {**data, **changes}.items() if not k.startswith("_")})


def test_a_confidential_meeting_or_partnership_stays_out_of_a_public_pack(meeting_dossiers, tmp_path, run):
    arnhem, enschede = meeting_dossiers["arnhem-wuhan"], meeting_dossiers["enschede-dalian"]
    _set(enschede, "b0000000-0000-4000-8000-000000000001", confidentiality="confidential")
    target = tmp_path / "raad.html"
    code, out, err = run("pack", arnhem, enschede, "--meeting", MEETING, "-o", target)
    assert code == 0, err
    page = target.read_text()
    assert "Enschede" not in page and "Dalian" not in page  # not even named: its meeting is confidential
    assert "Enschede – Dalian" in err and "niveau dat niet is gekozen" in err
    code, out, err = run("pack", arnhem, enschede, "--meeting", MEETING, "--include", "confidential", "-o", target)
    assert code == 0 and "Motie evaluatie stedenband Dalian" in target.read_text() and "VERTROUWELIJK" in target.read_text()
    # One dossier: a pack of a meeting left out by its level is refused with a sentence, not made without a cover.
    code, out, err = run("pack", enschede, "--meeting", MEETING, "-o", tmp_path / "e.pdf")
    assert code == 1 and "vertrouwelijk" in err and "--include confidential" in err
    assert not (tmp_path / "e.pdf").exists()


def test_a_confidential_partnership_shows_no_status_in_a_public_meeting_pack(meeting_dossiers):
    from raadsdossier.services import dashboard

    arnhem = meeting_dossiers["arnhem-wuhan"]
    with Dossier.open(arnhem, read_only=True) as dossier:
        partnership_id = dashboard.overview(dossier)["partnership"]["id"]
    _set(arnhem, partnership_id, confidentiality="confidential", status="suspended")
    with Dossier.open(arnhem, read_only=True) as dossier, dossier.session() as session:
        from raadsdossier.export.meeting import build_meeting_pack

        pack = build_meeting_pack([("a", session)], PackOptions(meeting=MEETING)).pack
    overview = next(b for b in pack.blocks if isinstance(b, Table))
    assert overview.rows[0][1] == "" and pack.marking is None


def test_a_dossier_given_twice_is_refused(meeting_dossiers, tmp_path, run):
    arnhem = meeting_dossiers["arnhem-wuhan"]
    other_spelling = arnhem.parent / "." / arnhem.name
    code, _out, err = run("pack", arnhem, other_spelling, "--meeting", MEETING, "-o", tmp_path / "x.pdf")
    assert code == 1 and "twee keer gegeven" in err
    assert not (tmp_path / "x.pdf").exists()


def test_one_agenda_item_counts_and_prints_only_its_own_items(meeting_dossiers):
    with Dossier.open(meeting_dossiers["arnhem-wuhan"], read_only=True) as arnhem, \
            Dossier.open(meeting_dossiers["enschede-dalian"], read_only=True) as enschede:
        from contextlib import ExitStack

        from raadsdossier.export.meeting import build_meeting_pack

        with ExitStack() as stack:
            content = build_meeting_pack([("a", stack.enter_context(arnhem.session())),
                                          ("b", stack.enter_context(enschede.session()))],
                                         PackOptions(meeting=MEETING, agenda_item="5"))
    overview = next(b for b in content.pack.blocks if isinstance(b, Table))
    # Agenda item 5 is Arnhem's: its motion, question set and college note; the commitment is the meeting's.
    assert overview.rows == (("Arnhem – Wuhan", "beëindigd", "1 motie, 1 vragenset, 1 collegestuk"),
                             ("Enschede – Dalian", "actief", "niets"))
    headings = [h.text for h in content.pack.headings(2)]
    assert not any("Dalian" in h or "Toezegging" in h for h in headings)


def test_a_one_dossier_agenda_item_pack_holds_the_question_sets_on_that_agenda_item_only(meeting_dossiers):
    with Dossier.open(meeting_dossiers["arnhem-wuhan"], read_only=True) as dossier, dossier.session() as session:
        from raadsdossier.export.build import build_pack

        on_3 = build_pack(session, PackOptions(meeting=MEETING, agenda_item="3", sections=("question_sets", "college_notes")))
        on_5 = build_pack(session, PackOptions(meeting=MEETING, agenda_item="5", sections=("question_sets", "college_notes")))
    assert on_3.headings(2) == []  # neither the national Kamervragen nor item 5's questions
    # A pack of one dossier is a meeting's pack too (its agenda, in order), without the dossier in every heading.
    assert [h.text for h in on_5.headings(2)] == ["Vragen – Vragen bij Motie evaluatie stedenband Wuhan",
                                                  "Collegestuk – Raadsinformatiebrief bij Motie evaluatie stedenband Wuhan"]


def test_an_agenda_number_written_two_ways_is_one_agenda_item(meeting_dossiers):
    """Arnhem writes its agenda item "5", Enschede "05": one heading, both dossiers' items under it."""
    from raadsdossier.services import edits

    enschede = meeting_dossiers["enschede-dalian"]
    with Dossier.open(enschede) as dossier:
        meeting = lists.get(dossier, "b0000000-0000-4000-8000-000000000001")[1]
        meeting["agenda_items"].append({"id": "b0000000-0000-4000-8000-000000000019", "number": "05",
                                        "title": "Stedenbanden", "kind": "debate"})
        edits.save_item(dossier, "meetings", {k: v for k, v in meeting.items() if not k.startswith("_")})
        edits.save_item(dossier, "commitments", {"id": "b0000000-0000-4000-8000-000000000029", "status": "open",
                                                 "title": "Toezegging bij punt 05", "meeting_id": meeting["id"],
                                                 "agenda_item_id": "b0000000-0000-4000-8000-000000000019"})
    with Dossier.open(meeting_dossiers["arnhem-wuhan"], read_only=True) as arnhem, \
            Dossier.open(enschede, read_only=True) as other:
        from contextlib import ExitStack

        from raadsdossier.export.meeting import build_meeting_pack

        with ExitStack() as stack:
            pack = build_meeting_pack([("a", stack.enter_context(arnhem.session())),
                                       ("b", stack.enter_context(other.session()))],
                                      PackOptions(meeting=MEETING, whole_agenda=True)).pack
    sections = [h.text for h in pack.headings(1)]
    assert [h for h in sections if h.startswith("Agendapunt")] == [
        "Agendapunt 3: Vaststelling van de agenda", "Agendapunt 5: Stedenband Wuhan", "Agendapunt 10: Notitie stedenband Dalian"]
    texts = [b.text for b in pack.blocks if isinstance(b, Heading)]
    at = texts.index("Agendapunt 5: Stedenband Wuhan")
    assert "Enschede – Dalian: toezegging – Toezegging bij punt 05" in texts[at:texts.index("Agendapunt 10: Notitie stedenband Dalian")]


def test_meetings_lists_each_meeting_with_its_agenda_and_what_stands_on_it(meeting_dossiers, run):
    arnhem = meeting_dossiers["arnhem-wuhan"]
    code, out, err = run("meetings", arnhem, "--json")
    assert code == 0, err
    [meeting] = json.loads(out)
    assert (meeting["reference"], meeting["date"], meeting["body"], meeting["title"]) == (
        MEETING, "2026-12-14", "council", "Raadsvergadering")
    assert [(a["number"], a["title"]) for a in meeting["agenda_items"]] == [("5", "Stedenband Wuhan"),
                                                                            ("3", "Vaststelling van de agenda")]
    on_5 = {(entry["kind"], entry["title"]) for entry in meeting["agenda_items"][0]["linked"]}
    assert on_5 == {("motion", "Motie evaluatie stedenband Wuhan"), ("question_set", "Vragen bij Motie evaluatie stedenband Wuhan"),
                    ("college_note", "Raadsinformatiebrief bij Motie evaluatie stedenband Wuhan")}
    assert meeting["agenda_items"][1]["linked"] == []
    assert [entry["title"] for entry in meeting["linked"]] == ["Toezegging Motie evaluatie stedenband Wuhan"]
    code, out, err = run("meetings", arnhem)
    assert code == 0, err
    assert in_order(out, f"{MEETING}: Raadsvergadering (raad, 14 december 2026)", "5. Stedenband Wuhan",
                    "- motie: M7 Motie evaluatie stedenband Wuhan", "3. Vaststelling van de agenda")
    code, out, err = run("meetings", meeting_dossiers["breda-yangzhou"])
    assert code == 0 and "geen vergaderingen" in out and "raadsdossier import" in out
