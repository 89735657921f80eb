"""The demo dossiers: built from the source documents only, every item naming its source."""

import json
from datetime import date

import pytest
from sqlalchemy import select

from raadsdossier.domain.models import Item, Motion, QuestionSet
from raadsdossier.storage.dossier import Dossier

SLUGS = ["arnhem-wuhan", "breda-yangzhou", "enschede-dalian", "maastricht-chengdu"]


def test_demo_writes_the_four_dossiers(demo_dir):
    assert sorted(p.stem for p in demo_dir.glob("*.raadsdossier")) == SLUGS


def test_demo_into_a_folder_that_has_them_keeps_them(run, demo_dir):
    before = {p.name: p.stat().st_mtime_ns for p in demo_dir.iterdir()}
    code, out, err = run("demo", demo_dir)
    assert code == 0 and "staan al" in err
    assert {p.name: p.stat().st_mtime_ns for p in demo_dir.iterdir()} == before


@pytest.mark.parametrize("slug", SLUGS)
def test_every_demo_item_names_its_source(demo_dir, slug):
    with Dossier.open(demo_dir / f"{slug}.raadsdossier", read_only=True) as dossier, dossier.session() as session:
        items = session.scalars(select(Item).where(Item.kind != "source")).all()
        assert items
        unsourced = [f"{i.kind} {i.id}" for i in items if not i.sources]
    assert unsourced == []


def test_arnhem_motion_was_voted_three_times_and_adopted_the_third_time(demo_dir):
    with Dossier.open(demo_dir / "arnhem-wuhan.raadsdossier", read_only=True) as dossier, dossier.session() as session:
        motion = session.scalars(select(Motion)).one()
        assert [v.result.value for v in motion.votes] == ["rejected", "rejected", "adopted"]
        first, second, third = motion.votes
        assert first.choices == [] and second.choices == []  # the article gives no votes per party for these
        # The third: only that GroenLinks switched to "voor", which carried it; no seats, no other party's choice
        assert [(c.party.name, c.choice.value, c.seats) for c in third.choices] == [("GroenLinks", "for", None)]
        assert third.tally is None  # a choice without seats counts nothing: the recorded result stands
        assert motion.final_result.value == "adopted"
        assert motion.status.value == "adopted"


def test_parliamentary_questions_have_17_answered_questions_answered_after_35_days(demo_dir):
    for slug in SLUGS:
        with Dossier.open(demo_dir / f"{slug}.raadsdossier", read_only=True) as d, d.session() as session:
            qs = session.scalars(select(QuestionSet).where(QuestionSet.reference == "2022Z11774")).one()
            assert [q.number for q in qs.questions] == list(range(1, 18))
            assert all(q.effective_answer() for q in qs.questions)
            assert qs.days_to_answer == 35
            assert qs.submitted_on == date(2022, 6, 10) and qs.answered_on == date(2022, 7, 15)
            assert qs.questions[0].answer == "Ja."
            assert qs.submitters == ["Sjoerd Sjoerdsma (D66)"]


def test_demo_content_per_dossier(run, demo_dir):
    def export(slug):
        code, out, err = run("export-json", demo_dir / f"{slug}.raadsdossier")
        assert code == 0, err
        return json.loads(out)

    enschede = export("enschede-dalian")
    assert enschede["partnership"]["partner_native_name"] == "大连"
    assert enschede["demonstrations"][0]["place"] == "Enschede"
    assert enschede["college_notes"][0]["status"] == "planned"
    assert enschede["college_notes"][0]["stated_position"]
    assert any(e["kind"] == "cancellation" and "handelsmissie" in e["title"].lower() for e in enschede["events"])
    van_hijum = next(p for p in enschede["people"] if p["name"] == "Eddy van Hijum")
    assert van_hijum["role"] == "other" and van_hijum["description"].startswith("gedeputeerde")  # not a wethouder
    # dated by the README's rule: what the article of May 2021 reports as just past carries May 2021
    assert next(e for e in enschede["events"] if "bijgepraat" in e["description"])["date"] == "2021-05"

    arnhem = export("arnhem-wuhan")
    demonstration = arnhem["demonstrations"][0]
    assert demonstration["motion_id"] == arnhem["motions"][0]["id"] and demonstration["date"] == "2021-07"
    assert any("bedroefd" in (e.get("description") or "") for e in arnhem["events"])

    breda = export("breda-yangzhou")
    texts = " ".join(f"{e['title']} {e.get('description') or ''}" for e in breda["events"])
    assert "paviljoen" in texts.lower() and "Artikel 1" in texts
    # 'Daarna – in 2023 – moeten we misschien een wat forsere evaluatie doen': a remark in the debate, no commitment
    assert breda["commitments"] == []
    debate = [e for e in breda["events"] if "raadsdebat" in e["title"]]
    assert len(debate) == 2 and all(e["date"] == "2022-01" for e in debate)  # "afgelopen donderdag", January 2022
    assert any("2023" in e["title"] for e in debate)

    maastricht = export("maastricht-chengdu")
    costs = {(c["basis"], c["amount_eur"], c["amount_max_eur"]) for c in maastricht["costs"]}
    assert costs == {("total", 145000, None), ("per_trip", 5000, 12000)}
    assert maastricht["outcomes"]
    assert any(e["kind"] == "signing" and e["date"] == "2012" for e in maastricht["events"])

    for document in (enschede, arnhem, breda, maastricht):
        assert document["checklist"]["template"] == "amnesty-2021"
        assert document["partnership"]["partner_country"] == "China"


def test_demo_round_trip(run, demo_dir, tmp_path):
    first = run("export-json", demo_dir / "breda-yangzhou.raadsdossier")[1]
    (tmp_path / "a.json").write_text(first, encoding="utf-8")
    assert run("new", tmp_path / "b.raadsdossier", "--from-json", tmp_path / "a.json")[0] == 0
    assert json.loads(run("export-json", tmp_path / "b.raadsdossier")[1]) == json.loads(first)


def test_search_in_a_demo_dossier(run, demo_dir):
    code, out, err = run("search", demo_dir / "arnhem-wuhan.raadsdossier", "Oeigoeren genocide", "--json")
    hits = json.loads(out)
    assert code == 0 and hits
    assert {"kind", "id", "title", "snippet"} == set(hits[0])
    kinds = {hit["kind"] for hit in hits}
    assert "question_set" in kinds


# -- the built demo dossiers the app ships (resources/demo/dossiers/) ----------------------------

def _export(run, path) -> dict:
    code, out, err = run("export-json", path)
    assert code == 0, err

    def strip(value):  # when a file was built is no part of what it holds
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ("created_at", "updated_at")}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value
    return strip(json.loads(out))


def test_shipped_demo_dossiers_are_current():
    from raadsdossier.services import demo

    assert demo.prebuilt() is not None, (
        "resources/demo/dossiers/ is out of date with resources/demo/*.json or the schema: "
        "run `.venv/bin/python scripts/build_demo_dossiers.py` and commit the result")


def test_shipped_demo_dossiers_hold_what_a_fresh_build_holds(run, tmp_path):
    import sqlite3

    from raadsdossier.services import demo

    fresh = demo.write_demo_dossiers(tmp_path / "fresh", use_prebuilt=False)
    shipped = demo.prebuilt()
    assert sorted(p.stem for p in fresh) == sorted(shipped) == SLUGS

    def schema(path):
        """Every table, index and trigger with its definition; a table's lines in sorted order, since SQLAlchemy
        writes a table's constraints in an order that varies from one run to the next and means nothing."""
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = connection.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
        finally:
            connection.close()
        return sorted((kind, name, sorted(line.strip().rstrip(",") for line in (sql or "").splitlines()))
                      for kind, name, sql in rows)

    for path in fresh:
        assert _export(run, path) == _export(run, shipped[path.stem])
        assert schema(path) == schema(shipped[path.stem])
        for words in ("Wuhan", "mensenrechten", "Oeigoeren"):
            fresh_hits = run("search", path, words)[1]
            assert fresh_hits == run("search", shipped[path.stem], words)[1]


def test_a_first_start_copies_the_shipped_dossiers(tmp_path):
    from raadsdossier.services import demo

    written = demo.write_demo_dossiers(tmp_path)
    shipped = demo.prebuilt()
    assert sorted(p.stem for p in written) == SLUGS
    assert all(p.read_bytes() == shipped[p.stem].read_bytes() for p in written)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{s}.raadsdossier" for s in SLUGS)


def test_stale_shipped_dossiers_are_not_used(tmp_path, monkeypatch):
    from raadsdossier.services import demo

    monkeypatch.setattr(demo, "sources_digest", lambda: "other demo documents")
    assert demo.prebuilt() is None
    assert demo.copy_prebuilt(tmp_path / "copied") is None and not (tmp_path / "copied").exists()
    built = demo.write_demo_dossiers(tmp_path / "built")  # built from the documents instead
    assert sorted(p.stem for p in built) == SLUGS
    with Dossier.open(built[0], read_only=True) as dossier, dossier.session() as session:
        assert session.scalars(select(Item)).first() is not None


def test_a_full_disk_while_copying_leaves_no_file(tmp_path, monkeypatch):
    import errno
    import os

    from raadsdossier.services import demo
    from raadsdossier.domain.errors import StorageFull

    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(StorageFull) as raised:
        demo.copy_prebuilt(tmp_path)
    assert "arnhem-wuhan.raadsdossier" in str(raised.value) and "niets veranderd" in str(raised.value)
    assert list(tmp_path.iterdir()) == []
