"""Ctrl+F as a user meets it: hits with the words highlighted (no brackets), a count per kind, dossiers by
their names, a list over the window that moves nothing, and the keyboard: arrows, Enter, Escape."""

from __future__ import annotations

import re
import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from raadsdossier.domain import kinds
from raadsdossier.gui import search_panel
from raadsdossier.gui.search_panel import MATCH_STYLE, split_marked
from tests.conftest import SECRET_EVENT
from tests.gui.test_accessibility import _unnamed


def search(window, qtbot, text: str) -> None:
    """Ctrl+F and type `text`, as a user does; wait for the results."""
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search.box
    qtbot.keyClicks(window.search.box, text)
    qtbot.waitUntil(lambda: window.search.is_open() and not window.search.timer.isActive(), timeout=3000)


def rows(panel) -> list[str]:
    return [panel.rendered_text(row) for row in range(panel.results.count())]


def test_typing_shows_the_hits_with_the_words_highlighted_not_bracketed(window, arnhem, qtbot):
    search(window, qtbot, "oeigoeren")
    panel = window.search
    shown = rows(panel)
    assert len(shown) >= 2 and panel.results.isVisible()
    for row, text in enumerate(shown):
        assert "[" not in text and "]" not in text, text
        assert "oeigoeren" in text.lower()
        highlighted = re.findall(rf'<span style="{re.escape(MATCH_STYLE)}">([^<]*)</span>', panel.hit_html(row))
        assert highlighted and all(word.lower().startswith("oeigoer") for word in highlighted), panel.hit_html(row)
    # the kind of each hit is named in Dutch, beside the title (one dossier searched: no dossier names)
    assert all(text.split("\n")[1].split(" — ")[0] in {k.singular.capitalize() for k in kinds.KINDS}
               for text in shown)


def test_a_bracket_in_the_text_itself_stays_and_markup_is_shown_as_text(window, arnhem, qtbot):
    marked = split_marked("…motie [1] over de [Oeigoeren] en [[Oeigoeren]]", re.compile(r"(?<!\w)oeigoeren", re.I))
    assert marked == (("…motie [1] over de ", False), ("Oeigoeren", True), (" en [", False), ("Oeigoeren", True),
                      ("]", False))
    from raadsdossier.services import edits

    edits.save_item(arnhem.dossier, "events", {"id": "e0000000-0000-4000-8000-0000000000b1", "kind": "other",
                                               "title": "Brief [1] over <b>Wuhan</b>-reis", "date": "2021-08"})
    search(window, qtbot, "reis")
    panel = window.search
    row = panel.hit_titles().index("Brief [1] over <b>Wuhan</b>-reis")
    assert panel.rendered_text(row).startswith("Brief [1] over <b>Wuhan</b>-reis")
    assert "&lt;b&gt;Wuhan&lt;/b&gt;" in panel.hit_html(row)


def test_confidential_hits_carry_a_tag_not_brackets(window, arnhem_with_secrets, qtbot):
    window.open_path(arnhem_with_secrets)
    search(window, qtbot, "ambassade")
    panel = window.search
    row = panel.hit_titles().index(SECRET_EVENT)
    text = panel.rendered_text(row)
    assert text.splitlines()[-1] == "vertrouwelijk"
    assert "[" not in text and "]" not in text


def test_the_count_line_says_how_many_of_each_kind(window, arnhem, qtbot):
    search(window, qtbot, "stedenband")
    panel = window.search
    summary = panel.summary.text()
    total, per_kind = re.fullmatch(r"(\d+) resultaten: (.+)", summary).groups()
    assert int(total) == panel.results.count() > 1
    shown_kinds = [text.split("\n")[1].split(" — ")[0] for text in rows(panel)]  # "Motie", "Bron", …
    plural_to_singular = {k.plural: k.singular.capitalize() for k in kinds.KINDS}
    plural_to_singular.update({k.singular: k.singular.capitalize() for k in kinds.KINDS})
    counted = {}
    for part in per_kind.split(", "):
        number, noun = part.split(" ", 1)
        assert (noun == plural_to_singular[noun].lower()) == (number == "1"), part  # "1 motie", "2 moties"
        counted[plural_to_singular[noun]] = int(number)
    assert counted == {kind: shown_kinds.count(kind) for kind in set(shown_kinds)}


def test_one_hit_is_one_result_and_a_cut_list_says_more_than(window, arnhem, qtbot, monkeypatch):
    search(window, qtbot, "bedroefd")
    assert window.search.summary.text() == "1 resultaat: 1 gebeurtenis"
    monkeypatch.setattr(search_panel, "LIMIT", 2)
    window.search.box.setText("stedenband")
    window.search.run_search()
    assert window.search.results.count() == 2
    assert re.fullmatch(r"Meer dan 2 resultaten; de beste 2: .+", window.search.summary.text())


def test_nothing_found_says_what_was_searched_where(window, arnhem, qtbot):
    search(window, qtbot, "qqxyzzy")
    panel = window.search
    assert panel.is_open() and panel.results.count() == 0
    assert panel.summary.text() == "Niets gevonden. Gezocht naar „qqxyzzy” in Arnhem – Wuhan."
    panel.everywhere.setChecked(True)
    assert panel.summary.text() == "Niets gevonden. Gezocht naar „qqxyzzy” in alle open dossiers."


def test_all_open_dossiers_are_named_as_their_tabs_are(window, arnhem, qtbot):
    window.search.everywhere.setChecked(True)
    search(window, qtbot, "paviljoen")
    panel = window.search
    tab_titles = {view.title for view in window.views()}
    assert "Breda – Yangzhou" in panel.hit_dossiers()
    assert set(panel.hit_dossiers()) <= tab_titles
    for text, dossier in zip(rows(panel), panel.hit_dossiers()):
        assert f" · {dossier}" in text.split("\n")[1]
        assert "breda-yangzhou" not in text


def test_the_results_float_over_the_window_and_move_nothing(window, arnhem, qtbot):
    qtbot.wait(50)  # the toolbar's icons, added just after the window is shown, settle its height
    before = (window.tabs.geometry(), window.pages.geometry(), window.search.geometry())
    search(window, qtbot, "stedenband")
    overlay = window.search.overlay
    assert overlay.isVisible() and overlay.parentWidget() is window
    assert (window.tabs.geometry(), window.pages.geometry(), window.search.geometry()) == before
    box_bottom = window.search.box.mapTo(window, window.search.box.rect().bottomLeft()).y()
    tabs_top = window.tabs.mapTo(window, window.tabs.rect().topLeft()).y()
    assert overlay.geometry().top() > box_bottom and overlay.geometry().bottom() > tabs_top  # over the content
    window.resize(900, 600)
    qtbot.waitUntil(lambda: overlay.geometry().right() < 900 and overlay.geometry().bottom() < 600, timeout=2000)
    assert overlay.isVisible()


def test_escape_clears_and_closes_and_a_tab_switch_does_not_bring_it_back(window, arnhem, qtbot):
    search(window, qtbot, "stedenband")
    panel = window.search
    qtbot.keyClick(panel.box, Qt.Key.Key_Escape)
    assert panel.box.text() == "" and not panel.overlay.isVisible()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        assert not panel.overlay.isVisible()
    qtbot.keyClicks(panel.box, "wuhan")  # typing again brings it back
    qtbot.waitUntil(panel.is_open, timeout=3000)


def test_an_opened_hit_closes_the_list_and_it_stays_closed_on_a_tab_switch(window, arnhem, qtbot):
    window.search.everywhere.setChecked(True)
    search(window, qtbot, "paviljoen")
    panel = window.search
    row = panel.hit_dossiers().index("Breda – Yangzhou")
    qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.results.visualItemRect(panel.results.item(row)).center())
    assert not panel.overlay.isVisible()
    assert window.current_view().title == "Breda – Yangzhou"
    assert window.current_view().current_section().current["title"] == panel.hit_titles()[row]
    window.tabs.setCurrentWidget(arnhem)
    assert not panel.overlay.isVisible() and panel.box.text() == "paviljoen"


def test_down_and_enter_open_the_second_hit_in_its_section(window, arnhem, qtbot):
    search(window, qtbot, "oeigoeren")
    panel = window.search
    assert panel.results.currentRow() == 0  # Enter alone would open the first
    second = panel.results.item(1).data(search_panel.HIT_ROLE)
    qtbot.keyClick(panel.box, Qt.Key.Key_Down)
    assert panel.results.currentRow() == 1 and QApplication.focusWidget() is panel.box
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    assert not panel.overlay.isVisible()
    section = arnhem.current_section()
    assert section.key == kinds.BY_NAME[second.kind].section
    assert section.current["title"] == panel.hit_titles()[1]


def test_enter_before_the_results_are_in_opens_the_first(window, arnhem, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search.box, "bedroefd")
    qtbot.keyClick(window.search.box, Qt.Key.Key_Return)  # the as-you-type timer has not fired yet
    section = arnhem.current_section()
    assert section.key == "events" and "bedroefd" in section.current["title"]


def test_every_control_of_the_search_has_a_name(window, arnhem, qtbot):
    search(window, qtbot, "wuhan")
    assert _unnamed(window) == []
    panel = window.search
    for widget in (panel.box, panel.everywhere, panel.results, panel.summary):
        assert widget.accessibleName()
    assert "Wuhan" in panel.results.item(0).text()  # what a screen reader says for a row


def test_the_search_runs_off_the_gui_thread(window, arnhem, qtbot, monkeypatch):
    from raadsdossier.gui import tasks
    from raadsdossier.services import dossiers

    threads = []
    real = dossiers.search
    monkeypatch.setattr(dossiers, "search",
                        lambda *a, **kw: threads.append(threading.current_thread()) or real(*a, **kw))
    monkeypatch.setattr(tasks, "SYNCHRONOUS", False)
    window.search.box.setText("wuhan")
    window.search.run_search()
    qtbot.waitUntil(lambda: window.search.results.count() > 0, timeout=5000)
    assert threads and threading.main_thread() not in threads
