"""The tab "Moties volgen": every motion of the open dossiers (or of a folder of dossiers) in one list, filtered,
sorted, and opened in its dossier."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt, QUrl

from raadsdossier.services import lists

ARNHEM = "Motie stedenband met Wuhan verbreken"


def _tracker(window, qtbot):
    tracker = window.show_tracker()
    qtbot.waitUntil(lambda: tracker.library is not None and not tracker.reading)
    return tracker


def _arnhem_row(tracker) -> int:
    return tracker.titles().index(ARNHEM)


def test_the_tracker_lists_the_arnhem_motion_with_its_three_votes(window, qtbot):
    dossiers = [view.title for view in window.views()]
    tracker = _tracker(window, qtbot)
    assert window.tabs.currentWidget() is tracker and window.tabs.tabText(0) == "Moties volgen"
    assert [view.title for view in window.views()] == dossiers  # a tab, but not a dossier
    assert window.current_view() is None and "Moties volgen" in window.windowTitle()
    assert tracker.status_text.text() == "Gelezen: 1 motie uit 4 dossiers."
    row = _arnhem_row(tracker)
    data = tracker.proxy.index(row, 0).data(tracker_roles()[1])
    assert data["dossier"] == "Arnhem – Wuhan" and data["status"] == "adopted"
    assert [vote["result"] for vote in data["votes"]] == ["rejected", "rejected", "adopted"]
    cells = [tracker.proxy.index(row, column).data() for column in range(tracker.model.columnCount())]
    assert cells[:5] == ["Arnhem – Wuhan", "juli 2021", "", ARNHEM, "aangenomen"]
    assert cells[6:8] == ["aangenomen", "voor: GroenLinks"]
    tracker.table.setCurrentIndex(tracker.proxy.index(row, 3))
    text = tracker.reader.toPlainText()
    assert "Stemming 1: verworpen" in text and "Stemming 3 · juli 2021: aangenomen" in text
    assert "Nog niet bijgehouden" in text  # an adopted motion without a follow-up says how to start one
    from tests.gui.test_accessibility import _unnamed

    assert _unnamed(tracker) == []


def tracker_roles():
    from raadsdossier.gui.tracker_model import RowRole, SortRole

    return SortRole, RowRole


def test_filters_by_party_and_by_overdue_follow_up(window, arnhem, qtbot):
    tracker = _tracker(window, qtbot)
    tracker.party.setEditText("GroenLinks")
    tracker.apply_filters()
    assert tracker.titles() == [ARNHEM]
    tracker.party.setEditText("VVD")  # no VVD in the demo's councils: nothing it submitted or voted on
    tracker.apply_filters()
    assert tracker.titles() == []
    assert tracker.empty_text.text() == "Geen motie voldoet aan deze filters."
    assert tracker.empty_buttons["clear"].isVisibleTo(tracker)
    tracker.empty_buttons["clear"].click()
    assert ARNHEM in tracker.titles()

    tracker.follow_up.setCurrentIndex(tracker.follow_up.findData("overdue"))
    tracker.follow_up.activated.emit(tracker.follow_up.currentIndex())
    assert tracker.titles() == []
    # A follow-up past its deadline, added in the dossier: the tracker reads it when shown again.
    motion_id = lists.page(arnhem.dossier, "motions")[0]["id"]
    data = lists.get(arnhem.dossier, motion_id)[1]
    data["follow_up"] = {"state": "in_progress", "deadline": "2024-06-30", "entries": [
        {"date": "2024-03", "text": "Raadsinformatiebrief over het einde van de band.", "evidence_ids": []}]}
    window.tabs.setCurrentWidget(arnhem)
    assert arnhem.save_item("motions", data, "Motie bewerken")
    assert tracker.stale
    window.show_tracker()
    qtbot.waitUntil(lambda: not tracker.stale and not tracker.reading and tracker.titles() == [ARNHEM])
    row = _arnhem_row(tracker)
    assert tracker.proxy.index(row, 8).data() == "bezig · te laat"
    assert tracker.count_label.text() == "1 van 1 motie"


def test_a_double_click_or_enter_opens_the_motion_in_its_dossier_opening_the_dossier_first(window, qtbot):
    arnhem = next(view for view in window.views() if view.title == "Arnhem – Wuhan")
    path = arnhem.dossier.path
    window.close_tab(window.tabs.indexOf(arnhem))
    assert window.view_for(path) is None
    tracker = _tracker(window, qtbot)
    tracker.set_folder(path.parent)  # the demo's folder: Arnhem is read though it is not open
    qtbot.waitUntil(lambda: not tracker.reading and ARNHEM in tracker.titles())
    row = _arnhem_row(tracker)
    rect = tracker.table.visualRect(tracker.proxy.index(row, 3))
    qtbot.mouseClick(tracker.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double click's first
    qtbot.mouseDClick(tracker.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view = window.current_view()
    assert view is not None and view.title == "Arnhem – Wuhan" and view.dossier.path == path
    motions = view.current_section()
    assert motions.key == "motions" and motions.current["title"] == ARNHEM

    window.show_tracker()
    tracker.table.setCurrentIndex(tracker.proxy.index(row, 3))
    window.tabs.setCurrentIndex(1)
    window.show_tracker()
    tracker.table.setFocus()
    qtbot.keyClick(tracker.table, Qt.Key.Key_Return)
    assert window.current_view() is view  # already open: its tab is shown


def test_a_folder_with_a_damaged_dossier_lists_the_rest_and_names_the_one_skipped(window, qtbot, tmp_path, demo_dir):
    for name in ("arnhem-wuhan", "breda-yangzhou"):
        shutil.copy(demo_dir / f"{name}.raadsdossier", tmp_path / f"{name}.raadsdossier")
    (tmp_path / "kapot.raadsdossier").write_bytes(b"SQLite format 3\x00" + bytes(600))
    tracker = _tracker(window, qtbot)
    tracker.set_folder(tmp_path)
    qtbot.waitUntil(lambda: not tracker.reading and tracker.use_folder.isChecked())
    lines = tracker.status_text.text().splitlines()
    assert lines[0] == "Gelezen: 1 motie uit 2 dossiers."
    assert lines[1].startswith("Overgeslagen: kapot.raadsdossier — ") and len(lines[1]) > 40
    assert tracker.titles() == [ARNHEM]
    assert window.settings.data["tracker_folder"] == str(tmp_path)  # proposed again next time


def test_without_dossiers_the_tracker_says_what_belongs_there_and_closes_like_a_tab(bare_window, qtbot):
    tracker = bare_window.show_tracker()
    qtbot.waitUntil(lambda: not tracker.stale)
    assert tracker.left.currentWidget() is tracker.empty
    assert "Hier komen de moties uit al uw dossiers samen" in tracker.empty_text.text()
    assert tracker.empty_buttons["open"].isVisibleTo(tracker) and tracker.empty_buttons["folder"].isVisibleTo(tracker)
    assert not tracker.filter_box.isEnabled()
    bare_window.close_tab(bare_window.tabs.indexOf(tracker))
    assert bare_window.tracker is None and bare_window.pages.currentWidget() is bare_window.welcome
    assert bare_window.settings.open_files == []


def test_sorting_by_a_column_sorts_by_its_value(window, qtbot, tmp_path, demo_dir):
    from raadsdossier.gui.tracker_model import DATE

    tracker = _tracker(window, qtbot)
    tracker.table.sortByColumn(DATE, Qt.SortOrder.AscendingOrder)
    dates = [tracker.proxy.index(row, DATE).data(tracker_roles()[0]) for row in range(tracker.proxy.rowCount())]
    assert dates == sorted(dates)


def test_a_partys_page_links_to_its_record_in_the_tracker(window, arnhem, qtbot):
    parties = arnhem.show_section("parties_and_people").parts[0]
    groenlinks = next(row for row in parties.model.rows if row["name"] == "GroenLinks")
    parties.show_item(groenlinks["id"])
    text = parties.reading_text()
    assert "Moties en stemgedrag" in text and "de moties van GroenLinks tonen" in text and "geopende dossiers" in text
    html = parties.reader.toHtml()
    href = html[html.index('href="moties-volgen:') + len('href="'):]
    parties.reader.anchorClicked.emit(QUrl(href[:href.index('"')]))  # as a click on the link does
    tracker = window.tracker
    assert tracker is not None and window.tabs.currentWidget() is tracker
    qtbot.waitUntil(lambda: tracker.library is not None and not tracker.reading)
    assert tracker.party.currentText() == "GroenLinks"
    assert tracker.titles() == [ARNHEM]  # the motion it submitted and voted for
    window.tabs.setCurrentWidget(arnhem)  # back to the dossier; the tracker keeps what it read
    parties.reader.anchorClicked.emit(QUrl("moties-volgen:Partij%20voor%20de%20Dieren"))  # read already: at once
    assert window.tabs.currentWidget() is tracker and tracker.party.currentText() == "Partij voor de Dieren"
    assert tracker.titles() == []  # no motion of it in the demo's councils


def _answered_after_deletion(monkeypatch, module, name, close) -> None:
    """Run the window's background work for real (on Qt's thread pool), hold `module.name` until `close()` has
    closed and deleted what asked for it, then let it answer."""
    import threading

    from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool

    from raadsdossier.gui import tasks

    gate = threading.Event()
    real = getattr(module, name)

    def held(*args, **kwargs):
        gate.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, held)
    monkeypatch.setattr(tasks, "SYNCHRONOUS", False)
    close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gate.set()
    QThreadPool.globalInstance().waitForDone()
    QCoreApplication.processEvents()  # the answer arrives: an error here fails the test (pytest-qt)


def test_closing_the_tracker_while_it_reads_the_library_is_quiet(window, qtbot, monkeypatch, messages):
    from raadsdossier.gui import tracker_view

    def close():
        tracker = window.show_tracker()
        qtbot.waitUntil(lambda: tracker.reading)
        window.close_tab(window.tabs.indexOf(tracker))

    _answered_after_deletion(monkeypatch, tracker_view.motion_library, "open_library", close)
    assert window.tracker is None and messages == []
    assert window.show_tracker() is not None  # and it opens again


def test_closing_a_dossier_while_its_overview_is_read_is_quiet(window, arnhem, qtbot, monkeypatch, messages):
    from raadsdossier.services import dashboard

    def close():
        arnhem.section("overview").refresh()
        window.close_tab(window.tabs.indexOf(arnhem))

    _answered_after_deletion(monkeypatch, dashboard, "overview", close)
    assert "Arnhem – Wuhan" not in [window.tabs.tabText(i) for i in range(window.tabs.count())] and messages == []
