"""The item table model on its own, without any widget: lazy loading, SQL sorting and filtering."""

from __future__ import annotations

from PySide6.QtCore import Qt

from raadsdossier.domain.models import Event
from raadsdossier.gui.models import PAGE, Column, ItemTableModel, confidentiality_column


def fill(dossier, n=450):
    with dossier.transaction() as session:
        for i in range(n):
            session.add(Event(title=f"Gebeurtenis {i:03}", date=f"{2000 + i % 20}-{1 + i % 12:02}",
                              confidentiality="confidential" if i == 7 else "public",
                              description="handelsmissie" if i % 50 == 0 else "bezoek"))


COLUMNS = [Column("Titel", "title", lambda r: r["title"]), Column("Datum", "date", lambda r: r.get("date") or ""),
           Column("Geen sortering", None, lambda r: "x"), confidentiality_column("Vertrouwelijkheid")]


def test_rows_load_page_by_page(qtmodeltester, dossier):
    fill(dossier)
    model = ItemTableModel(dossier, "events", COLUMNS)
    assert model.total == 450 and model.rowCount() == PAGE
    assert model.canFetchMore()
    fetches = 0
    while model.canFetchMore():
        model.fetchMore()
        fetches += 1
        assert model.rowCount() == min(450, PAGE * (fetches + 1))
    assert model.rowCount() == 450 and fetches == -(-450 // PAGE) - 1
    qtmodeltester.check(model)


def test_sorting_happens_over_all_rows_not_just_the_loaded_page(dossier):
    fill(dossier)
    model = ItemTableModel(dossier, "events", COLUMNS)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == "Gebeurtenis 449"
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert model.index(0, 1).data() == "2000-01"
    before = [model.index(i, 0).data() for i in range(5)]
    model.sort(2)  # not sortable: nothing changes
    assert [model.index(i, 0).data() for i in range(5)] == before


def test_filter_uses_the_full_text_index(dossier):
    fill(dossier)
    model = ItemTableModel(dossier, "events", COLUMNS)
    model.set_filter("handelsmissie")
    assert model.total == 9 and model.rowCount() == 9
    model.set_filter("")
    assert model.total == 450


def test_confidential_rows_are_marked(dossier):
    fill(dossier, 10)
    model = ItemTableModel(dossier, "events", COLUMNS)
    row = next(i for i in range(model.rowCount()) if model.index(i, 0).data() == "Gebeurtenis 007")
    assert model.index(row, 3).data() == "vertrouwelijk"
    assert model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(0 if row else 1, 0).data(Qt.ItemDataRole.BackgroundRole) is None


def _all_rows(model) -> list[str]:
    while model.canFetchMore():
        model.fetchMore()
    return [row["title"] for row in model.rows]


def test_a_filter_with_more_matches_than_it_counts_says_so_and_still_lists_every_match(dossier, monkeypatch):
    from raadsdossier.services import lists

    monkeypatch.setattr(lists, "COUNT_BOUND", 100)
    fill(dossier)  # 441 of the 450 say "bezoek"
    expected = sorted((f"Gebeurtenis {i:03}" for i in range(450) if i % 50), reverse=True)
    model = ItemTableModel(dossier, "events", COLUMNS)
    changes = []
    model.count_changed.connect(lambda: changes.append((model.total, model.total_exact)))
    model.sort(0, Qt.SortOrder.DescendingOrder)
    model.set_filter("bezoek")
    assert (model.total, model.total_exact) == (100, False) and model.rowCount() == PAGE
    assert changes[-1] == (100, False)
    assert _all_rows(model) == expected  # in order, none dropped, none twice
    assert (model.total, model.total_exact) == (441, True) and changes[-1] == (441, True)
    assert not model.canFetchMore()


def test_every_sort_of_a_filter_with_many_matches_is_the_sort_of_all_matches(dossier, monkeypatch):
    from raadsdossier.services import lists

    monkeypatch.setattr(lists, "COUNT_BOUND", 100)
    fill(dossier)
    model = ItemTableModel(dossier, "events", COLUMNS)
    model.set_filter("bezoek")
    for column in (0, 1, 3):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            model.sort(column, order)
            many = _all_rows(model)
            monkeypatch.setattr(lists, "COUNT_BOUND", 10_000)  # the same list, counted exactly
            model.reload()
            assert model.total_exact and _all_rows(model) == many and len(many) == 441
            monkeypatch.setattr(lists, "COUNT_BOUND", 100)
            model.reload()


def test_count_of_a_filter_is_exact_however_many_match(dossier, monkeypatch):
    from raadsdossier.services import lists

    monkeypatch.setattr(lists, "COUNT_BOUND", 100)
    fill(dossier)
    assert lists.count(dossier, "events", "bezoek") == 441
    assert lists.count(dossier, "events", "handelsmissie") == 9
    listing = lists.first_page(dossier, "events", text_filter="handelsmissie", limit=5)
    assert (listing.total, listing.exact, len(listing.rows)) == (9, True, 5)
    listing = lists.first_page(dossier, "events", text_filter="bezoek", limit=5)
    assert (listing.total, listing.exact) == (100, False)
