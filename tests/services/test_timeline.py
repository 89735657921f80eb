"""The timeline service: every item of the dated kinds, undated ones at their source's date, page by page."""

from __future__ import annotations

import uuid
from collections import Counter

from raadsdossier.services import edits, lists
from raadsdossier.storage.dossier import Dossier

OLD_SOURCE = "a0000000-0000-4000-8000-000000000001"
NEW_SOURCE = "a0000000-0000-4000-8000-000000000002"
UNDATED_SOURCE = "a0000000-0000-4000-8000-000000000003"


def _save(dossier, key: str, data: dict) -> None:
    edits.save_item(dossier, key, {"id": str(uuid.uuid4()), **data})


def _entry(entries, title):
    return next(entry for entry in entries if entry.title == title)


def test_the_undated_bedroefd_reaction_stands_at_the_date_of_the_article_that_reports_it(demo_copy):
    with Dossier.open(demo_copy("arnhem-wuhan")) as dossier:
        entries = lists.timeline(dossier)
        reaction = next(entry for entry in entries if "bedroefd" in entry.title)
        assert reaction.date is None and not reaction.dated
        assert reaction.kind == "event"
        article = _entry(entries, "Stedenbanden met China: van linkse hobby naar rechtse lobby")
        assert reaction.place == article.date == "2022-01"
        # after what happened before the article, right before the article itself
        titles = [entry.title for entry in entries]
        assert titles.index("Motie stedenband met Wuhan verbreken") < titles.index(reaction.title) \
            < titles.index(article.title)


def test_no_item_of_a_timeline_kind_is_dropped(demo_copy):
    for slug in ("arnhem-wuhan", "breda-yangzhou", "enschede-dalian", "maastricht-chengdu"):
        with Dossier.open(demo_copy(slug)) as dossier:
            entries = lists.timeline(dossier)
            for key in lists.TIMELINE_KEYS:
                assert sorted(e.id for e in entries if e.key == key) == \
                    sorted(row["id"] for row in lists.page(dossier, key, limit=-1)), (slug, key)
            # Most of Breda's events have no dates of their own (the debate of "afgelopen donderdag" and the
            # remark in it carry the article's month): all of them are there, under the article's date
            if slug == "breda-yangzhou":
                undated = [e for e in entries if not e.dated]
                assert len(undated) >= 6 and all(e.place == "2022-01" for e in undated)


def test_undated_items_take_the_earliest_dated_source_and_those_without_one_come_last(dossier):
    edits.save_item(dossier, "sources", {"id": OLD_SOURCE, "title": "Oud artikel", "date": "2019-03"})
    edits.save_item(dossier, "sources", {"id": NEW_SOURCE, "title": "Nieuw artikel", "date": "2023-11-02"})
    edits.save_item(dossier, "sources", {"id": UNDATED_SOURCE, "title": "Ongedateerd artikel"})
    _save(dossier, "events", {"title": "Twee keer gemeld", "source_ids": [NEW_SOURCE, OLD_SOURCE]})
    _save(dossier, "events", {"title": "Bron zonder datum", "source_ids": [UNDATED_SOURCE]})
    _save(dossier, "motions", {"title": "Zonder bron"})
    _save(dossier, "events", {"title": "Gedateerd in maart", "date": "2019-03"})
    _save(dossier, "events", {"title": "Op een dag in maart", "date": "2019-03-15"})
    _save(dossier, "events", {"title": "In 2019", "date": "2019"})
    _save(dossier, "events", {"title": "Periode", "period": "sinds 2019", "source_ids": [OLD_SOURCE]})

    entries = lists.timeline(dossier)
    assert [(e.title, e.place) for e in entries] == [
        ("In 2019", "2019"),
        ("Periode", "2019-03"),  # undated, at its source's date: before what is dated that same month
        ("Twee keer gemeld", "2019-03"),  # the earlier of its two sources
        ("Gedateerd in maart", "2019-03"),
        ("Oud artikel", "2019-03"),
        ("Op een dag in maart", "2019-03-15"),
        ("Nieuw artikel", "2023-11-02"),
        ("Bron zonder datum", None),  # placed nowhere: last, never dropped
        ("Ongedateerd artikel", None),
        ("Zonder bron", None),
    ]
    assert _entry(entries, "Periode").period == "sinds 2019"
    assert [e.dated for e in entries] == [True, False, False, True, True, True, True, False, False, False]


def test_a_list_page_says_where_the_timeline_places_its_undated_items(dossier):
    """Lists show an undated item where its sources place it ("(bron: maart 2019)"): a page's rows carry that date,
    and only those without a date of their own do."""
    edits.save_item(dossier, "sources", {"id": OLD_SOURCE, "title": "Oud artikel", "date": "2019-03"})
    edits.save_item(dossier, "sources", {"id": NEW_SOURCE, "title": "Nieuw artikel", "date": "2023-11-02"})
    _save(dossier, "events", {"title": "Twee keer gemeld", "source_ids": [NEW_SOURCE, OLD_SOURCE]})
    _save(dossier, "events", {"title": "Gedateerd", "date": "2020-05-01", "source_ids": [OLD_SOURCE]})
    _save(dossier, "events", {"title": "Zonder bron"})
    _save(dossier, "question_sets", {"title": "Vragen", "kind": "council_questions", "source_ids": [NEW_SOURCE]})

    placed = {row["title"]: row["_computed"].get("placed_at") for row in lists.page(dossier, "events")}
    assert placed == {"Twee keer gemeld": "2019-03", "Gedateerd": None, "Zonder bron": None}
    assert [row["_computed"].get("placed_at") for row in lists.page(dossier, "question_sets")] == ["2023-11-02"]
    assert all("placed_at" not in row["_computed"] for row in lists.page(dossier, "parties"))


def test_pages_join_up_to_the_whole_timeline_and_counts_match_it(dossier):
    for number in range(30):
        _save(dossier, "events", {"title": f"Gebeurtenis {number:02}", "date": f"{2000 + number % 7}-0{1 + number % 9}"})
    for number in range(5):
        _save(dossier, "motions", {"title": f"Motie {number}", "date": f"200{number}"})
    _save(dossier, "question_sets", {"title": "Vragen", "reference": "2022Z1", "submitted_on": "2022-06-10"})
    _save(dossier, "costs", {"description": "Reiskosten", "amount_eur": 1200, "date": "2004"})
    everything = lists.timeline(dossier)
    pages = [entry for offset in range(0, 50, 7) for entry in lists.timeline_page(dossier, None, offset, 7)]
    assert pages == everything
    assert [e.place for e in everything] == sorted(e.place for e in everything)
    counts = lists.timeline_counts(dossier)
    assert set(counts) == set(lists.TIMELINE_KEYS)
    assert {key: n for key, n in counts.items() if n} == dict(Counter(e.key for e in everything))
    assert lists.timeline_count(dossier) == len(everything) == 37
    assert lists.timeline_count(dossier, {"motions", "costs"}) == 6
    assert [e.key for e in lists.timeline(dossier, {"question_sets"})] == ["question_sets"]
    assert _entry(everything, "2022Z1 Vragen").date == "2022-06-10"
    assert lists.timeline_page(dossier, set()) == [] and lists.timeline_count(dossier, set()) == 0
