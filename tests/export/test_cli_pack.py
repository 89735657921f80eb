"""`raadsdossier pack`: one dossier, a meeting's agenda item, or every dossier in a folder."""

from __future__ import annotations

from raadsdossier.services import edits, lists
from raadsdossier.storage.dossier import Dossier
from tests.conftest import sha256
from tests.export.conftest import SECRET_EVENT, pdf_pages, squash


def test_pack_one_dossier(run, demo_dir, tmp_path):
    target = tmp_path / "arnhem.pdf"
    before = sha256(demo_dir / "arnhem-wuhan.raadsdossier")
    code, out, err = run("pack", demo_dir / "arnhem-wuhan.raadsdossier", "-o", target, "--author", "Griffie Arnhem",
                         "--sections", "summary,motions,demonstrations,sources")
    assert code == 0, err
    text = squash(" ".join(pdf_pages(target)))
    assert "Motie stedenband met Wuhan verbreken" in text and "Griffie Arnhem" in text
    assert "Vragen en antwoorden" not in text  # not chosen
    assert sha256(demo_dir / "arnhem-wuhan.raadsdossier") == before


def test_pack_for_an_agenda_item(run, demo_copy, tmp_path):
    path = demo_copy("arnhem-wuhan")
    with Dossier.open(path) as dossier:
        edits.save_item(dossier, "meetings", {"id": "m0000000-0000-4000-8000-000000000001", "reference": "raad-2021-07",
                                         "title": "Raadsvergadering", "date": "2021-07", "agenda_items": [
                                             {"id": "a0000000-0000-4000-8000-000000000001", "number": "7",
                                              "title": "Moties vreemd aan de orde", "kind": "debate"}]})
        motion = lists.page(dossier, "motions")[0]
        motion.update(meeting_id="m0000000-0000-4000-8000-000000000001",
                      agenda_item_id="a0000000-0000-4000-8000-000000000001")
        edits.save_item(dossier, "motions", motion)
        edits.save_item(dossier, "motions", {"id": "m0000000-0000-4000-8000-000000000009", "title": "Andere motie",
                                        "status": "submitted"})
    target = tmp_path / "agendapunt.docx"
    pdf = tmp_path / "agendapunt.pdf"
    # Without the timeline, which gives the dossier's whole history (the other motion too, under "Datum onbekend").
    code, out, err = run("pack", path, "-o", pdf, "--meeting", "raad-2021-07", "--agenda-item", "7",
                         "--sections", "summary,motions,commitments,sources")
    assert code == 0, err
    pages = pdf_pages(pdf)
    assert "Raadsvergadering, juli 2021" in pages[0] and "Agendapunt 7: Moties vreemd aan de orde" in squash(pages[0])
    text = squash(" ".join(pages))
    assert "Motie stedenband met Wuhan verbreken" in text and "Andere motie" not in text
    code, out, err = run("pack", path, "-o", target, "--meeting", "raad-2021-07", "--agenda-item", "8")
    assert code == 1 and "Agendapunt 8 staat niet op de agenda" in err
    assert not target.exists()


def test_pack_all_dossiers_in_a_folder(run, demo_dir, tmp_path):
    out_dir = tmp_path / "stukken"
    code, out, err = run("pack", "--all", demo_dir, "-o", out_dir, "--format", "pdf,docx")
    assert code == 0, err
    names = sorted(p.name for p in out_dir.iterdir())
    assert names == sorted(f"{slug}.{fmt}" for slug in ("arnhem-wuhan", "breda-yangzhou", "enschede-dalian",
                                                        "maastricht-chengdu") for fmt in ("pdf", "docx"))


def test_pack_includes_confidential_only_when_asked(run, arnhem_with_secrets, tmp_path):
    run("pack", arnhem_with_secrets, "-o", tmp_path / "a.pdf")
    run("pack", arnhem_with_secrets, "-o", tmp_path / "b.pdf", "--include", "internal,confidential")
    assert SECRET_EVENT not in squash(" ".join(pdf_pages(tmp_path / "a.pdf")))
    assert SECRET_EVENT in squash(" ".join(pdf_pages(tmp_path / "b.pdf")))


def test_pack_usage_and_bad_input(run, demo_dir, tmp_path):
    dossier = demo_dir / "arnhem-wuhan.raadsdossier"
    assert run("pack", dossier)[0] == 2  # no -o
    assert run("pack", "-o", tmp_path / "x.pdf")[0] == 2  # neither FILE nor --all
    code, out, err = run("pack", dossier, "-o", tmp_path / "x.odt")
    assert code == 1 and "x.odt" in err and ".pdf of .docx" in err
    code, out, err = run("pack", dossier, "-o", tmp_path / "x.pdf", "--sections", "summary,gossip")
    assert code == 1 and "onbekend onderdeel: gossip" in err
    code, out, err = run("pack", dossier, "-o", tmp_path / "geen-map" / "x.pdf")
    assert code == 1 and "bestaat niet" in err
    assert list(tmp_path.iterdir()) == []


def test_the_section_names_of_0_1_still_work(run, demo_dir, tmp_path):
    """`questions` and `money` were renamed after their kinds (question_sets, costs_and_outcomes); scripts that
    use the old names get the same sections."""
    dossier = demo_dir / "maastricht-chengdu.raadsdossier"
    code, _out, err = run("pack", dossier, "-o", tmp_path / "oud.pdf", "--sections", "questions,money")
    assert code == 0, err
    code, _out, err = run("pack", dossier, "-o", tmp_path / "nieuw.pdf", "--sections", "question_sets,costs_and_outcomes")
    assert code == 0, err
    old, new = (squash(" ".join(pdf_pages(tmp_path / name))) for name in ("oud.pdf", "nieuw.pdf"))
    assert "Kosten en opbrengsten" in new and old == new


def test_pack_never_writes_over_a_dossier_or_a_file_of_another_kind(run, demo_dir, tmp_path):
    dossier = demo_dir / "arnhem-wuhan.raadsdossier"
    for suffix in ("pdf", "docx", "html"):  # a dossier under a pack's name, packed onto itself
        named = tmp_path / f"b.{suffix}"
        named.write_bytes(dossier.read_bytes())
        code, _out, err = run("pack", "-o", named, named)
        assert code == 1 and f"{named}: dit is een dossier; het stuk schrijft er niet overheen" in err
        assert sha256(named) == sha256(dossier)
    others = {"t.pdf": b"gewone tekst\n", "t.docx": b"%PDF-1.4\n", "t.html": bytes(range(256))}
    for name, data in others.items():
        (tmp_path / name).write_bytes(data)
        code, _out, err = run("pack", "-o", tmp_path / name, dossier)
        assert code == 1 and "dit bestand bestaat al en is geen" in err and "schrijft er niet overheen" in err, err
        assert (tmp_path / name).read_bytes() == data
    for suffix in ("pdf", "docx", "html"):  # a pack of its own kind is replaced, as before
        target = tmp_path / f"stuk.{suffix}"
        assert run("pack", "-o", target, dossier)[0] == 0
        assert run("pack", "-o", target, dossier)[0] == 0
