"""Full-text search: every text field, kept in step with changes, ranked, with snippets."""

from sqlalchemy import select

from raadsdossier.services import dossiers as services
from raadsdossier.domain.models import Attachment, Motion, Question, QuestionSet, Vote


def test_search_finds_motion_text_with_a_snippet_and_ignores_accents(dossier):
    with dossier.transaction() as session:
        session.add(Motion(reference="M12", title="Stedenband met Wuhan beëindigen",
                           operative_text="verzoekt het college de stedenband met Wuhan te beëindigen"))
    hits = services.search(dossier, "beeindigen")
    assert [(h.kind, h.title) for h in hits] == [("motion", "M12 Stedenband met Wuhan beëindigen")]
    assert "[" in hits[0].snippet and "]" in hits[0].snippet


def test_title_matches_rank_above_body_matches(dossier):
    with dossier.transaction() as session:
        session.add(Motion(title="Over iets anders", considerations="terloops genoemd: mensenrechten"))
        session.add(Motion(title="Mensenrechten centraal", considerations="tekst"))
    hits = services.search(dossier, "mensenrechten")
    assert [h.title for h in hits] == ["Mensenrechten centraal", "Over iets anders"]


def test_index_follows_edits_of_children_and_deletes(dossier):
    with dossier.transaction() as session:
        qs = QuestionSet(reference="2022Z11774", title="De situatie met betrekking tot de Oeigoeren")
        qs.questions = [Question(number=1, text="Bent u bekend met de Xinjiang Police Files?", answer="Ja.")]
        session.add(qs)
    assert services.search(dossier, "police files")

    with dossier.transaction() as session:
        qs = session.scalars(select(QuestionSet)).one()
        qs.questions[0].answer = "Het kabinet deelt de zorgen over dwangarbeid."
    assert [h.kind for h in services.search(dossier, "dwangarbeid")] == ["question_set"]

    with dossier.transaction() as session:
        session.delete(session.scalars(select(QuestionSet)).one())
    assert services.search(dossier, "dwangarbeid") == []
    assert services.search(dossier, "Oeigoeren") == []


def test_attachment_text_is_searchable_but_its_bytes_are_not_loaded_for_it(dossier):
    with dossier.transaction() as session:
        attachment = Attachment(file_name="notitie-dalian.txt", media_type="text/plain",
                                extracted_text="De actuele situatie in China geschetst")
        attachment.set_content(b"De actuele situatie in China geschetst")
        session.add(attachment)
    hits = services.search(dossier, "actuele situatie")
    assert [h.title for h in hits] == ["notitie-dalian.txt"]


def test_prefix_of_last_word_and_phrase_queries(dossier):
    with dossier.transaction() as session:
        motion = Motion(title="Handelsmissie naar Dalian afgeblazen")
        motion.votes = [Vote(note="de provincie blies de missie af")]
        session.add(motion)
    assert services.search(dossier, "handelsmis")
    assert services.search(dossier, '"missie naar"') == []
    assert services.search(dossier, '"naar Dalian"')
    assert services.search(dossier, "blies missie")


def test_queries_with_fts_syntax_do_not_fail(dossier):
    for query in ['"', "AND", "NEAR(", "*", "-", "title:x", "Oeigoeren OR", "(("]:
        services.search(dossier, query)


def test_an_item_changed_then_deleted_in_one_transaction_leaves_no_hit(dossier):
    with dossier.transaction() as session:
        motion = Motion(title="Tijdelijke motie over Dalian")
        session.add(motion)
        session.flush()
        motion.pre_advice = "bijgewerkt"
        session.flush()
        session.delete(motion)
    assert services.search(dossier, "Tijdelijke") == []
    with dossier.session() as session:
        from sqlalchemy import text

        assert session.execute(text("select count(*) from search_index")).scalar() == \
            session.execute(text("select count(*) from items")).scalar()


def test_prefixes_of_two_and_three_letters_find_words_with_and_without_accents(dossier):
    # 2- and 3-character prefixes are served by the prefix indexes of migration 0004, longer ones by the
    # terms themselves: both fold accents the same way.
    with dossier.transaction() as session:
        session.add(Motion(title="Beïnvloeding door buitenlandse overheden"))
        session.add(Motion(title="Éénmalige bijdrage aan het jubileum"))
        session.add(Motion(title="Over iets anders"))
    for query, title in [("be", "Beïnvloeding door buitenlandse overheden"),
                         ("bei", "Beïnvloeding door buitenlandse overheden"),
                         ("beï", "Beïnvloeding door buitenlandse overheden"),
                         ("beinvl", "Beïnvloeding door buitenlandse overheden"),
                         ("ee", "Éénmalige bijdrage aan het jubileum"),
                         ("éé", "Éénmalige bijdrage aan het jubileum"),
                         ("een", "Éénmalige bijdrage aan het jubileum"),
                         ("eenma", "Éénmalige bijdrage aan het jubileum")]:
        assert [h.title for h in services.search(dossier, query)] == [title], query
    assert {h.title for h in services.search(dossier, "ov")} == {"Beïnvloeding door buitenlandse overheden",
                                                                "Over iets anders"}
    assert [h.title for h in services.search(dossier, "bijdrage ju")] == ["Éénmalige bijdrage aan het jubileum"]


def test_hits_are_the_best_ranked_of_the_most_recent_matches(dossier, monkeypatch):
    from raadsdossier.storage import search

    with dossier.transaction() as session:  # added oldest first: the best match is the oldest
        session.add(Motion(title="Dwangarbeid", considerations="dwangarbeid dwangarbeid"))
        for i in range(4):
            session.add(Motion(title=f"Motie {i}", considerations="over dwangarbeid" + " en meer" * i))
    assert services.search(dossier, "dwangarbeid")[0].title == "Dwangarbeid"
    monkeypatch.setattr(search, "RANK_WINDOW", 3)
    # The three newest, ranked: the shortest text (most weight for one occurrence) first.
    assert [h.title for h in services.search(dossier, "dwangarbeid")] == ["Motie 1", "Motie 2", "Motie 3"]
