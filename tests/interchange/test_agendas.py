"""Imported agendas: headings and repeated numbers, a later capture updating the agenda in place while the
user's own agenda items stay, documents of an agenda item putting what cites them on it, `links`, and
`fill_only` for a format that only fills gaps. Plus the migration that made room for all that (0006)."""

import sqlite3

from sqlalchemy import select

from raadsdossier.domain.models import AgendaItem, Meeting, Motion, Note
from raadsdossier.interchange import FORMAT
from raadsdossier.interchange.load import apply_document
from raadsdossier.storage.dossier import Dossier

MEETING, A1, A2, A3, HEAD = "m0000000-0000-4000-8000-000000000001", *(
    f"a0000000-0000-4000-8000-00000000000{i}" for i in range(1, 5))
MOTION, SOURCE = "b0000000-0000-4000-8000-000000000001", "c0000000-0000-4000-8000-000000000001"


def meeting(*agenda, title="Raadscommissie Financiën", sources=()) -> dict:
    return {"format": FORMAT, "sources": list(sources), "meetings": [{
        "id": MEETING, "reference": "notubiz-458902", "date": "2018-02-08", "body": "committee", "title": title,
        "agenda_items": [{"id": i, "number": n, "title": t, "kind": k, "origin": f"notubiz:{i[-1]}"}
                         for i, n, t, k in agenda]}]}


AGENDA = [(HEAD, None, "Algemeen", "heading"), (A1, "3", "Vaststellen agenda", "debate"),
          (A2, "3", "Vaststellen agenda (2)", "debate"), (A3, "4", "Conceptverslag", "debate")]


def apply(path, document):
    with Dossier.open(path) as dossier, dossier.transaction() as session:
        return apply_document(session, document, "test.json")


def agenda(path) -> list[tuple]:
    with Dossier.open(path) as dossier, dossier.session() as session:
        found = session.scalars(select(Meeting)).one()
        return [(a.number, a.title, a.kind.value) for a in found.agenda_items]


def test_an_agenda_with_headings_and_repeated_numbers_imports_in_order_and_twice_changes_nothing(new_dossier):
    first = apply(new_dossier, meeting(*AGENDA))
    assert agenda(new_dossier) == [(None, "Algemeen", "heading"), ("3", "Vaststellen agenda", "debate"),
                                   ("3", "Vaststellen agenda (2)", "debate"), ("4", "Conceptverslag", "debate")]
    again = apply(new_dossier, meeting(*AGENDA))
    assert dict(first.added) == {"meetings": 1} and not again.added and not again.updated
    assert dict(again.unchanged) == {"meetings": 1}
    assert "al zo in het dossier: 1 vergadering" in again.summary_nl()


def test_a_later_capture_updates_the_agenda_in_place_and_keeps_what_the_user_added(new_dossier):
    apply(new_dossier, meeting(*AGENDA))
    mine = "d0000000-0000-4000-8000-000000000001"
    with Dossier.open(new_dossier) as dossier, dossier.transaction() as session:
        found = session.scalars(select(Meeting)).one()
        found.agenda_items.insert(2, AgendaItem(id=mine, number="3a", title="Mijn eigen punt"))  # after A1
        for position, row in enumerate(found.agenda_items):
            row.position = position
        # a motion on A2, which the later capture drops
        session.add(Motion(id=MOTION, title="Motie", meeting_id=MEETING, agenda_item_id=A2))
    later = [(A3, "4", "Conceptverslag (gewijzigd)", "debate"), (HEAD, None, "Algemeen", "heading"),
             (A1, "3", "Vaststellen agenda", "debate")]
    report = apply(new_dossier, meeting(*later, title="raadscommissie Financiën"))
    assert dict(report.updated) == {"meetings": 1}
    assert agenda(new_dossier) == [("4", "Conceptverslag (gewijzigd)", "debate"), (None, "Algemeen", "heading"),
                                   ("3", "Vaststellen agenda", "debate"), ("3a", "Mijn eigen punt", "debate"),
                                   ("3", "Vaststellen agenda (2)", "debate")]
    with Dossier.open(new_dossier) as dossier, dossier.session() as session:
        assert session.get(Motion, MOTION).agenda_item_id == A2  # kept: something stands on it
    # The same capture again, after the motion left A2: now nothing holds A2 and it goes.
    with Dossier.open(new_dossier) as dossier, dossier.transaction() as session:
        session.get(Motion, MOTION).agenda_item_id = None
    apply(new_dossier, meeting(*later, title="raadscommissie Financiën"))
    assert [title for _n, title, _k in agenda(new_dossier)] == [
        "Conceptverslag (gewijzigd)", "Algemeen", "Vaststellen agenda", "Mijn eigen punt"]


def test_documents_of_an_agenda_item_put_what_cites_them_on_it_in_either_order(tmp_path, new_dossier):
    import shutil

    document = {"id": SOURCE, "title": "Motie 12 (pdf)", "url": "https://example.org/12.pdf", "agenda_item_id": A1}
    motion = {"format": FORMAT, "sources": [{"id": SOURCE, "title": "Motie 12 (pdf)"}],
              "motions": [{"id": MOTION, "title": "Motie 12", "source_ids": [SOURCE]}]}
    other = tmp_path / "other.raadsdossier"
    shutil.copy(new_dossier, other)
    for path, first, second in ((new_dossier, meeting(*AGENDA, sources=[document]), motion),
                                (other, motion, meeting(*AGENDA, sources=[document]))):
        apply(path, first)
        report = apply(path, second)
        with Dossier.open(path) as dossier, dossier.session() as session:
            found = session.get(Motion, MOTION)
            assert (found.meeting_id, found.agenda_item_id) == (MEETING, A1)
        assert sum(report.linked.values()) == (1 if first is motion else 0)


def test_links_apply_when_both_ends_exist_and_never_move_what_the_user_placed(new_dossier):
    note = "e0000000-0000-4000-8000-000000000001"
    links = [{"item": MOTION, "agenda_item_id": A3}, {"item": note, "agenda_item_id": A1},
             {"item": "f0000000-0000-4000-8000-000000000001", "agenda_item_id": A1}]  # no such item: skipped
    report = apply(new_dossier, {"format": FORMAT, "motions": [{"id": MOTION, "title": "Motie"}], "links": links})
    assert not report.linked  # no meeting yet: nothing to link to, and no error
    with Dossier.open(new_dossier) as dossier, dossier.transaction() as session:
        session.add(Note(id=note, title="Mijn notitie"))
    apply(new_dossier, meeting(*AGENDA))
    report = apply(new_dossier, {"format": FORMAT, "links": links})
    assert dict(report.linked) == {"motions": 1, "notes": 1}
    with Dossier.open(new_dossier) as dossier, dossier.transaction() as session:
        assert session.get(Motion, MOTION).agenda_item_id == A3
        session.get(Note, note).agenda_item_id = A2  # the user moves the note
    report = apply(new_dossier, {"format": FORMAT, "links": links})
    assert not report.linked
    with Dossier.open(new_dossier) as dossier, dossier.session() as session:
        assert session.get(Note, note).agenda_item_id == A2


def test_fill_only_fields_fill_gaps_and_leave_what_is_there(new_dossier):
    apply(new_dossier, {"format": FORMAT, "sources": [{"id": SOURCE, "title": "Kamerstuk"}],
                        "motions": [{"id": MOTION, "title": "Motie van het lid Valize", "source_ids": [SOURCE]}]})
    other_source = "c0000000-0000-4000-8000-000000000002"
    zaak = {"format": FORMAT, "sources": [{"id": other_source, "title": "Zaak 2025Z10660"}],
            "motions": [{"id": MOTION, "title": "Motie van het lid Valize ", "pre_advice": "Oordeel Kamer",
                         "source_ids": [other_source], "submitters": [{"name": "J.J.T.M. Valize"}]}],
            "fill_only": {"motions": ["title", "source_ids", "submitters"]}}
    report = apply(new_dossier, zaak)
    with Dossier.open(new_dossier) as dossier, dossier.session() as session:
        found = session.get(Motion, MOTION)
        assert found.title == "Motie van het lid Valize" and found.pre_advice == "Oordeel Kamer"
        assert sorted(s.id for s in found.sources) == [SOURCE, other_source]
        assert [a.name for a in found.actors] == ["J.J.T.M. Valize"]
    assert report.updated["motions"] == 1
    again = apply(new_dossier, zaak)
    assert not again.updated and again.unchanged["motions"] == 1


def test_fill_only_naming_an_unknown_field_is_refused_with_its_place(new_dossier):
    import pytest

    from raadsdossier.domain.errors import InvalidInput

    with pytest.raises(InvalidInput, match="fill_only.motions: 'titel' is geen veld van motions"):
        apply(new_dossier, {"format": FORMAT, "fill_only": {"motions": ["titel"]}})


def test_migration_0006_keeps_every_link_to_an_agenda_item(new_dossier):
    """0006 makes agenda_items again on SQLite, with foreign keys on: the motions, commitments, question sets,
    college notes and notes on an agenda item must still be on it afterwards (down to 0005 and up again)."""
    from alembic import command

    from raadsdossier.storage import migrations

    apply(new_dossier, meeting((A1, "1", "Opening", "formality"), (A2, "2", "Stedenband", "debate")))
    ids = {}
    with Dossier.open(new_dossier) as dossier, dossier.transaction() as session:
        from raadsdossier.domain.models import CollegeNote, Commitment, QuestionSet
        for n, model in enumerate((Motion, Commitment, QuestionSet, CollegeNote, Note)):
            item = model(id=f"f0000000-0000-4000-8000-00000000000{n}", title=model.__name__)
            item.meeting_id, item.agenda_item_id = MEETING, A2
            session.add(item)
            ids[model.__tablename__] = item.id

    def links():
        with sqlite3.connect(new_dossier) as conn:
            return {table: conn.execute(f"SELECT agenda_item_id FROM {table} WHERE id = ?", (i,)).fetchone()[0]
                    for table, i in ids.items()}

    assert set(links().values()) == {A2}
    from sqlalchemy import create_engine
    engine = create_engine(f"sqlite:///{new_dossier}")
    with engine.begin() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys = ON")
        command.downgrade(migrations.alembic_config(connection), "0005")
    engine.dispose()
    assert set(links().values()) == {A2}
    Dossier.open(new_dossier).close()  # up to head again
    assert set(links().values()) == {A2}
    assert agenda(new_dossier) == [("1", "Opening", "formality"), ("2", "Stedenband", "debate")]


ZAAK_KEYED, KST_KEYED = "a1000000-0000-4000-8000-000000000001", "a1000000-0000-4000-8000-000000000002"


def motion_document(motion_id: str, title: str, aliases=None, **fields) -> dict:
    document = {"format": FORMAT, "motions": [{"id": motion_id, "title": title, **fields}]}
    if aliases:
        document["aliases"] = aliases
    return document


def motions(path) -> list[tuple]:
    with Dossier.open(path) as dossier, dossier.session() as session:
        return [(m.id, m.title, m.pre_advice) for m in session.scalars(select(Motion))]


def test_an_item_known_by_another_id_is_one_item_in_any_order(tmp_path, new_dossier):
    """A Stemming page names a motion by its Zaak, KOOP XML by its Kamerstuk, a Zaak file by both (`aliases`):
    whichever comes first, the three make one motion."""
    import shutil

    stemming = motion_document(ZAAK_KEYED, "Motie (Zaak)")
    zaak = motion_document(KST_KEYED, "Motie (Zaak)", {KST_KEYED: [ZAAK_KEYED]}, pre_advice="Ontraden")
    koop = motion_document(KST_KEYED, "Motie (KOOP)")
    for n, order in enumerate(((stemming, zaak, koop), (zaak, stemming, koop), (koop, zaak, stemming),
                               (zaak, koop, stemming))):
        path = tmp_path / f"{n}.raadsdossier"
        shutil.copy(new_dossier, path)
        for document in order:
            apply(path, document)
        found = motions(path)
        assert len(found) == 1, (n, found)
        assert found[0][2] == "Ontraden"
        assert apply(path, stemming).added == {}  # and again: nothing new


def test_aliases_go_with_the_dossier_through_its_json(tmp_path, new_dossier):
    from raadsdossier.interchange.export import export_dossier

    apply(new_dossier, motion_document(KST_KEYED, "Motie", {KST_KEYED: [ZAAK_KEYED]}))
    with Dossier.open(new_dossier) as dossier, dossier.session() as session:
        exported = export_dossier(session)
    assert exported["aliases"] == {KST_KEYED: [ZAAK_KEYED]}


def test_an_alias_of_an_item_of_another_kind_is_not_taken(new_dossier):
    apply(new_dossier, {"format": FORMAT, "sources": [{"id": ZAAK_KEYED, "title": "Bron"}]})
    apply(new_dossier, motion_document(KST_KEYED, "Motie", {KST_KEYED: [ZAAK_KEYED]}))
    assert [m[0] for m in motions(new_dossier)] == [KST_KEYED]


def test_two_items_a_file_says_are_one_are_named_not_merged_behind_the_users_back(new_dossier):
    apply(new_dossier, motion_document(ZAAK_KEYED, "Motie (Zaak)"))
    apply(new_dossier, motion_document(KST_KEYED, "Motie (KOOP)"))
    report = apply(new_dossier, motion_document(KST_KEYED, "Motie (KOOP)", {KST_KEYED: [ZAAK_KEYED]}))
    assert len(motions(new_dossier)) == 2
    assert any("'Motie (KOOP)' en 'Motie (Zaak)' zijn volgens dit bestand één motie" in w for w in report.warnings)


def test_a_motion_the_user_takes_off_its_agenda_item_stays_off_when_saved(new_dossier):
    """An import puts an item citing an agenda item's document on that agenda item; the user saving the item
    with no agenda item (its form, or undo) is not overruled."""
    from raadsdossier.services import edits, lists

    document = {"id": SOURCE, "title": "Motie 12 (pdf)", "agenda_item_id": A1}
    apply(new_dossier, meeting(*AGENDA, sources=[document]))
    apply(new_dossier, {"format": FORMAT, "motions": [{"id": MOTION, "title": "Motie 12", "source_ids": [SOURCE]}]})
    with Dossier.open(new_dossier) as dossier:
        motion = {k: v for k, v in lists.get(dossier, MOTION)[1].items() if not k.startswith("_")}
        assert motion["agenda_item_id"] == A1
        edits.save_item(dossier, "motions", {**motion, "meeting_id": None, "agenda_item_id": None})
        assert lists.get(dossier, MOTION)[1]["agenda_item_id"] is None
