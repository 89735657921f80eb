"""The Overzicht as a dashboard: the figures `info --json` gives, cards that open their lists, what needs
attention on the day given, costs per year, the partnership edited in place, and the glance of start-up."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtCore import Qt

from raadsdossier.services import dashboard
from raadsdossier.gui.app import build_window, start_window
from raadsdossier.gui.i18n import count_label
from raadsdossier.gui.sections.overview import CARDS, EDIT, READ
from raadsdossier.gui.workspace import Settings
from raadsdossier.services import edits
from raadsdossier.storage.dossier import Dossier
from tests.services.test_dashboard import busy

DEMOS = ["arnhem-wuhan", "breda-yangzhou", "enschede-dalian", "maastricht-chengdu"]
TODAY = date(2026, 12, 1)


@pytest.fixture
def demo_window(qtbot, app_home, messages, demo_copy):
    """The window with copies of the four demo dossiers open."""
    window = build_window([demo_copy(slug) for slug in DEMOS], Settings())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    yield window
    window.close()


@pytest.fixture
def busy_view(qtbot, app_home, messages, new_dossier):
    """A dossier with an overdue commitment and question set, an unassigned vote and costs over years, its
    Overzicht read as on TODAY."""
    with Dossier.open(new_dossier) as dossier:
        busy(dossier)
    window = build_window([new_dossier], Settings())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    view = window.current_view()
    overview = view.show_section("overview")
    overview.today = TODAY
    overview.refresh()
    yield view
    window.close()


def test_the_dashboards_figures_are_those_of_info_json(demo_window, run):
    for view in demo_window.views():
        overview = view.show_section("overview")
        assert overview.data is not None and not overview.glanced
        code, out, _err = run("info", "--json", view.dossier.path)
        assert code == 0
        info = json.loads(out)
        figures = overview.data["figures"]
        assert figures == info["dashboard"], view.title
        # what the cards and bars say is those figures
        motions = figures["motions"]["total"]
        assert overview.cards.text_of("motions").startswith(count_label("motion", motions) if motions else "geen moties")
        assert overview.cards.text_of("sources") == count_label("source", info["counts"].get("source", 0))
        shown = overview.shown_text()
        assert f"{info['checklist']['done']} van {info['checklist']['total']} afgerond" in shown
        for section in figures["checklist"]["sections"]:
            assert f"{section['title']}: {section['done']} van {section['total']}" in shown


def test_the_cards_say_their_figures_in_dutch(busy_view):
    cards = busy_view.section("overview").cards
    assert cards.text_of("motions") == "4 moties, waarvan 1 aangenomen, 2 verworpen, 1 ingetrokken"
    assert cards.text_of("commitments") == "3 open toezeggingen, 1 over de termijn; verder 1 nagekomen"
    assert cards.text_of("question_sets") == "3 vragensets, 1 nog niet beantwoord (1 over de termijn), 1 te laat beantwoord"
    assert cards.text_of("meetings") == "geen vergaderingen"
    assert cards.text_of("events") == "2 gebeurtenissen"


def test_every_card_opens_its_section(demo_window, qtbot):
    view = demo_window.current_view()
    for key, _kind in CARDS:
        overview = view.show_section("overview")
        qtbot.mouseClick(overview.cards, Qt.MouseButton.LeftButton, pos=overview.cards.rect_of(key).center())
        assert view.section_keys()[view.stack.currentIndex()] == key
    overview = view.show_section("overview")
    overview.cards.setFocus()
    qtbot.keyClick(overview.cards, Qt.Key.Key_Home)
    assert overview.cards.accessibleName() == overview.cards.text_of("motions")
    qtbot.keyClick(overview.cards, Qt.Key.Key_Right)  # the arrow keys move between the cards
    assert overview.cards.accessibleName() == overview.cards.text_of("commitments")
    qtbot.keyClick(overview.cards, Qt.Key.Key_Return)
    assert view.current_section().key == "commitments"


def test_what_needs_attention_links_to_it(busy_view, qtbot):
    overview = busy_view.section("overview")
    attention = overview.attention.text(with_title=False).splitlines()
    assert overview.attention.title == "Aandacht nodig (3)"
    assert attention == [
        "Vragenset 2026-01 Vragen over Dalian — niet binnen de termijn beantwoord (uiterlijk 31 maart 2026)",
        "Toezegging Toezegging 1 — over de termijn (uiterlijk 31 januari 2026)",  # past its deadline on TODAY
        "Stemmingen 1 niet-toegewezen stemming — wacht op toewijzing aan een motie",
    ]  # not Toezegging 2: its deadline is still ahead
    links = overview.attention
    qtbot.mouseClick(links, Qt.MouseButton.LeftButton, pos=links.rect_of("item:c1").center())
    commitments = busy_view.current_section()
    assert commitments.key == "commitments" and commitments.current["id"] == "c1"
    links = busy_view.show_section("overview").attention
    qtbot.mouseClick(links, Qt.MouseButton.LeftButton, pos=links.rect_of("section:unassigned_votes").center())
    assert busy_view.current_section().key == "unassigned_votes"


def test_nothing_to_attend_to_is_said_in_one_sentence(demo_window):
    overview = demo_window.current_view().show_section("overview")
    assert overview.attention.title == "Geen aandachtspunten"  # not "Aandacht nodig" over a sentence saying no
    assert overview.attention.text(with_title=False).startswith("Geen vragen, toezeggingen")
    assert overview.attention.targets() == []


def test_costs_are_shown_in_total_and_per_year(busy_view, qtbot):
    overview = busy_view.section("overview")
    costs = overview.data["figures"]["costs"]
    lines = overview.costs_panel.text(with_title=False).splitlines()
    assert sum(p["low"] for p in costs["per_year"]) == costs["total"]["low"]
    assert lines[0].startswith("Totaal ") and [line.split()[0] for line in lines[1:5]] == [
        "2013–2021", "2019", "2021", "zonder"]  # a line per period, in order, undated last
    assert lines[5:] == [line for line in lines[5:] if "(niet opgeteld)" in line] and len(lines) == 7
    place = overview.costs_panel.rect_of("section:costs_and_outcomes")  # its title
    qtbot.mouseClick(overview.costs_panel, Qt.MouseButton.LeftButton, pos=place.center())
    assert busy_view.current_section().key == "costs_and_outcomes"


def test_the_latest_and_coming_items_link_to_them(busy_view, qtbot):
    overview = busy_view.section("overview")
    text = overview.timeline_panel.text()
    assert "april 2027 Handelsmissie naar Dalian (gebeurtenis)" in text.split("Op de agenda")[1]  # still to come
    place = overview.timeline_panel.rect_of("item:e1")
    qtbot.mouseClick(overview.timeline_panel, Qt.MouseButton.LeftButton, pos=place.center())
    events = busy_view.current_section()
    assert events.key == "events" and events.current["id"] == "e1"
    overview = busy_view.show_section("overview")
    commitments = overview.commitments_panel
    assert commitments.targets() == ["section:commitments", "item:c1", "item:c2", "item:c3"]  # its title first
    assert "Toezegging 1 — over de termijn (uiterlijk 31 januari 2026)" in commitments.text()
    commitments.setFocus()
    qtbot.keyClick(commitments, Qt.Key.Key_Down)
    qtbot.keyClick(commitments, Qt.Key.Key_Down)
    qtbot.keyClick(commitments, Qt.Key.Key_Return)
    chosen = busy_view.current_section()
    assert chosen.key == "commitments" and chosen.current["id"] == "c2"


def test_bewerken_shows_the_form_in_place_and_saves(busy_view, qtbot):
    overview = busy_view.section("overview")
    assert overview.mode() == READ and overview.form is not None
    qtbot.mouseClick(overview.edit_button, Qt.MouseButton.LeftButton)
    assert overview.mode() == EDIT and overview.form.isVisible() and not overview.title.isVisible()
    field = overview.form.widgets["partner_region"]
    field.setText("Liaoning")
    field.editingFinished.emit()
    assert dashboard.overview(busy_view.dossier)["partnership"]["partner_region"] == "Liaoning"
    # the way back reads as in every other section's form (it said only "Klaar" here)
    motions = busy_view.section("motions")
    assert overview.done_button.text() == motions.done_button.text() == "Klaar met bewerken"
    assert overview.done_button.toolTip() == motions.done_button.toolTip()
    qtbot.mouseClick(overview.done_button, Qt.MouseButton.LeftButton)
    assert overview.mode() == READ and overview.title.isVisible()
    assert "Dalian, Liaoning, China" in overview.shown_text()
    busy_view.undo_stack.undo()
    assert "Liaoning" not in busy_view.section("overview").shown_text()


def test_the_status_history_is_shown(busy_view):
    partnership = dashboard.overview(busy_view.dossier)["partnership"]
    partnership["status"] = "suspended"
    partnership["status_history"] = [{"date": "1998-06-01", "status": "active"},
                                     {"period": "2021", "status": "suspended", "note": "Na de berichten"}]
    edits.save_item(busy_view.dossier, "partnership", partnership)
    overview = busy_view.section("overview")
    overview.refresh()
    shown = overview.shown_text()
    assert "Status: opgeschort" in shown
    assert "Statusgeschiedenis: 1 juni 1998: actief; 2021: opgeschort — Na de berichten" in shown


def test_the_cards_reflow_to_the_width(demo_window, qtbot):
    overview = demo_window.current_view().show_section("overview")
    demo_window.resize(1280, 800)
    qtbot.waitUntil(lambda: overview.cards.columns in (3, 4))
    demo_window.resize(1920, 1080)
    qtbot.waitUntil(lambda: overview.cards.columns >= 5)
    demo_window.resize(700, 500)
    qtbot.waitUntil(lambda: overview.cards.columns <= 2)
    scroll = overview.scroll
    assert scroll.verticalScrollBar().maximum() > 0  # a small window scrolls instead of cutting off
    cards = overview.cards
    assert cards.height() >= cards.heightForWidth(cards.width())  # every card's whole text has room


def test_the_cards_spread_evenly_over_their_rows(demo_window, qtbot):
    # 12 cards where 7 fit were a row of 7 and one of 5 with a gap (the English window at 1920 px)
    cards = demo_window.current_view().show_section("overview").cards
    count = len(cards.order)
    assert count == 12
    for width in range(300, 2600, 40):
        tops = [rect.top() for rect in cards._laid_out(width)[1]]
        per_row = [tops.count(top) for top in sorted(set(tops))]
        fit = max(1, min(cards.MOST, (width + cards.GAP) // (230 + cards.GAP)))
        assert len(per_row) == -(-count // fit), width  # no more rows than needed
        assert max(per_row) - min(per_row) <= 1, (width, per_row)


def test_the_glance_shows_the_same_dashboard_and_its_links_wait(qtbot, app_home, messages, demo_copy):
    files = [demo_copy(slug) for slug in DEMOS]
    window = start_window(files, Settings())
    qtbot.addWidget(window)
    window.show()
    glance = window.tabs.currentWidget().current_section()
    assert glance.glanced and glance.form is None and not glance.edit_button.isVisible()
    glanced = glance.shown_text()
    qtbot.mouseClick(glance.cards, Qt.MouseButton.LeftButton, pos=glance.cards.rect_of("motions").center())  # no error
    from raadsdossier.gui.app import finish_start

    finish_start(window, files)
    overview = window.current_view().current_section()
    assert overview.key == "overview" and not overview.glanced
    assert overview.shown_text() == glanced
    assert overview.edit_button.isVisible() and overview.edit_button.isEnabled()
    window.close()


def test_the_partnerships_texts_are_as_tall_as_a_label_makes_them_at_every_width(qtbot):
    """Their heights are remembered per width (gui/sections/paragraph.py): at every width they are
    what a QLabel with the same text and font needs, also after the text or the font changes, so no line is
    cut off; the narrowest they go is their widest word."""
    from PySide6.QtWidgets import QLabel

    from raadsdossier.gui.sections.paragraph import Paragraph

    history = ("Zusterband van de gemeente Arnhem met de Chinese stad Wuhan.\nStatusgeschiedenis: juli 2021: "
               "beëindigd — " + "de motie om de stedenband te verbreken werd aangenomen " * 6)
    paragraph, label = Paragraph(plain=True), QLabel()
    qtbot.addWidget(paragraph)
    qtbot.addWidget(label)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)

    def same_everywhere() -> None:
        for width in (120, 300, 474, 1016, 1030, 300, 1016):  # asked again: from what it remembers
            assert paragraph.heightForWidth(width) == label.heightForWidth(width), width
        widest = max(label.fontMetrics().horizontalAdvance(word) for word in label.text().split())
        assert paragraph.minimumSizeHint().width() == label.minimumSizeHint().width() >= widest

    for text in (history, "Arnhem – Wuhan  武汉", "Niveau: gemeente  ·  Partner: Wuhan, China  ·  Status: beëindigd"):
        paragraph.setText(text)
        label.setText(text)
        same_everywhere()
    larger = paragraph.font()
    larger.setPointSizeF(larger.pointSizeF() * 2)
    paragraph.setFont(larger)
    label.setFont(larger)
    same_everywhere()
    paragraph.make_selectable()
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    same_everywhere()


def test_in_english_the_checklist_bars_say_their_parts_are_amnestys_dutch(bare_window, demo_copy, qapp):
    """The bars name the checklist's parts as Amnesty published them ("Politieke realiteit"), in English too: the
    English overview says so, as the checklist's own section does; the Dutch one has nothing to explain."""
    from raadsdossier.gui.app import install_translations

    dutch = bare_window.open_path(demo_copy("arnhem-wuhan")).show_section("overview").shown_text()
    assert "Politieke realiteit" in dutch and "Amnesty" in dutch and "Nederlands" not in dutch
    translators = install_translations(qapp, "en")
    try:
        english = bare_window.open_path(demo_copy("breda-yangzhou")).show_section("overview").shown_text()
        assert "Politieke realiteit: 0 of 4" in english
        assert "The parts in Dutch, as Amnesty published them." in english
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        install_translations(qapp, "nl")
