"""Zetels tellen, driven as a user would: opened from the Moties section for the chosen motion, pre-filled from
the motion's last vote (or guessed from the dossier's other motions, with the basis shown), the total and the
verdict following every click, in Dutch and English, and nothing of it written to the dossier."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QLabel

from raadsdossier.services import seats
from tests.conftest import sha256
from tests.services.test_seats import ARNHEM_MOTION, COUNCIL, GROENLINKS, add_council, party_id


@pytest.fixture
def council_view(arnhem):
    """The window's Arnhem tab with the test council of tests/services/test_seats.py added."""
    add_council(arnhem.dossier)
    arnhem.section("motions").stale = True
    return arnhem


def _open(view, qtbot, motion_id=ARNHEM_MOTION):
    section = view.show_section("motions")
    assert section.show_item(motion_id)
    assert section.seats_button.isEnabled()
    qtbot.mouseClick(section.seats_button, Qt.MouseButton.LeftButton)
    dialog = section.seats_dialog
    qtbot.waitExposed(dialog)
    return dialog


def _button(dialog, party: str, choice: str):
    return next(b for b in dialog.groups[party_id(party)].buttons() if b.property("choice") == choice)


def test_the_button_counts_the_chosen_motion_only(arnhem):
    section = arnhem.show_section("motions")
    section._load(None)
    assert not section.seats_button.isEnabled()
    assert section.seats_button.accessibleName()
    section.show_item(ARNHEM_MOTION)
    assert section.seats_button.isEnabled()


def test_the_demo_as_shipped_shows_groenlinks_seats_unknown_prefilled_from_vote_3(arnhem, qtbot):
    dialog = _open(arnhem, qtbot)
    assert dialog.windowTitle() == "Zetels tellen"
    assert list(dialog.groups) == [GROENLINKS]
    checked = dialog.groups[GROENLINKS].checkedButton()
    assert checked.property("choice") == "for" and checked.text() == "voor"
    assert dialog.guess_labels[GROENLINKS].text() == "geschat — gebaseerd op: stemming 3 van deze motie (juli 2021)"
    assert dialog.verdict_label.text() == "Zetels van GroenLinks onbekend — uitkomst open (0 voor, 0 tegen)."
    assert "zetels onbekend: GroenLinks" in dialog.total_label.text()


def test_clicks_change_the_total_and_the_verdict_as_counted_by_hand_and_nothing_is_written(council_view, qtbot, run):
    path = council_view.dossier.path
    before, info_before = sha256(path), run("info", path)[1]
    dialog = _open(council_view, qtbot)
    # pre-filled: GroenLinks from this motion's vote 3; the others guessed from M5 and M8
    assert dialog.guess_labels[GROENLINKS].text().startswith("geschat — gebaseerd op: stemming 3 van deze motie")
    assert dialog.guess_labels[party_id("VVD")].text() == \
        "geschat — gebaseerd op: M8 Handelsmissie naar Wuhan (11 maart 2021)"
    assert dialog.guess_labels[party_id("VVD")].toolTip() == "Geschat naar: M8 Handelsmissie naar Wuhan (11 maart 2021)"
    assert dialog.guess_labels[party_id("CDA")].text() == "geen eerdere stemming"

    against = {"D66", "PvdA", "Partij voor Arnhem"}
    for name in COUNCIL:
        qtbot.mouseClick(_button(dialog, name, "against" if name in against else "for"), Qt.MouseButton.LeftButton)
    for_ = sum(number for name, number in COUNCIL.items() if name not in against)
    assert (for_, 39 - for_) == (27, 12)
    assert dialog.total_label.text() == "Voor: 27 · tegen: 12 · onbekend: 0 — van 39 zetels, meerderheid 20 zetels"
    assert dialog.verdict_label.text() == "Aangenomen bij 27 van 39 zetels."
    assert dialog.guess_labels[party_id("VVD")].text() == "door u gekozen (de schatting was: voor)"

    for name in ("GroenLinks", "SP"):  # 27 - 13 = 14 for, 12 + 13 = 25 against
        qtbot.mouseClick(_button(dialog, name, "against"), Qt.MouseButton.LeftButton)
    assert dialog.verdict_label.text() == "Verworpen: 14 voor, 25 tegen."
    qtbot.mouseClick(_button(dialog, "GroenLinks", "unknown"), Qt.MouseButton.LeftButton)  # 14 for, 16 against, 9
    assert dialog.verdict_label.text() == "Nog 9 zetels onbekend — uitkomst open (14 voor, 16 tegen)."

    assert dialog.reset_button.isEnabled()
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert dialog.count == seats.seat_count(council_view.dossier, ARNHEM_MOTION)
    assert dialog.groups[party_id("VVD")].checkedButton().property("choice") == "for"
    dialog.accept()
    assert sha256(path) == before and run("info", path)[1] == info_before


def test_a_motion_without_votes_shows_each_guess_with_the_motion_it_is_based_on(council_view, qtbot):
    dialog = _open(council_view, qtbot, "m20")
    texts = {name: dialog.guess_labels[party_id(name)].text() for name in ("GroenLinks", "D66", "SP", "PvdD")}
    assert texts == {
        "GroenLinks": "geschat — gebaseerd op: Motie stedenband met Wuhan verbreken (juli 2021)",
        "D66": "geschat — gebaseerd op: M8 Handelsmissie naar Wuhan (11 maart 2021)",
        "SP": "geschat — gebaseerd op: M5 Mensenrechten in de stedenband (13 februari 2020)",
        "PvdD": "geen eerdere stemming",
    }
    assert not dialog.guess_labels[party_id("PvdD")].isEnabled()  # shown quieter: nothing was guessed


@pytest.mark.parametrize("choices", [
    {},  # the pre-fill
    {name: "for" for name in COUNCIL},
    {name: "against" for name in COUNCIL},
    {"GroenLinks": "for", "D66": "for", "SP": "for", "VVD": "against", "PvdA": "against", "CDA": "against",
     "PvdD": "against", "Arnhems Belang": "against", "Partij voor Arnhem": "unknown"},
    {"GroenLinks": "unknown", "D66": "for", "VVD": "for", "PvdA": "for", "SP": "for"},
])
def test_the_dutch_on_screen_is_the_services_sentence_word_for_word(council_view, qtbot, choices):
    dialog = _open(council_view, qtbot)
    for name, choice in choices.items():
        dialog.set_choice(party_id(name), choice)
    expected = seats.recount(seats.seat_count(council_view.dossier, ARNHEM_MOTION),
                             {party_id(name): choice for name, choice in choices.items()})
    assert dialog.verdict_label.text() == expected.sentence


def test_in_english(council_view, qtbot, qapp):
    from raadsdossier.gui.app import install_translations

    translators = install_translations(qapp, "en")
    try:
        # (the section was made before the language changed: its button's word is checked in the catalogue)
        assert QCoreApplication.translate("MotionSection", "Zetels tellen…") == "Count seats…"
        dialog = _open(council_view, qtbot)
        assert dialog.windowTitle() == "Count seats"
        assert dialog.guess_labels[GROENLINKS].text() == "guessed — based on: vote 3 on this motion (July 2021)"
        assert _button(dialog, "VVD", "against").text() == "against"
        for name in COUNCIL:
            dialog.set_choice(party_id(name), "for")
        assert dialog.verdict_label.text() == "Adopted with 39 of 39 seats."
        dialog.set_choice(party_id("GroenLinks"), "unknown")
        assert dialog.verdict_label.text() == "Adopted with 30 of 39 seats; 9 seats still unknown, but that does not " \
                                              "change the outcome."
        labels = [label.text() for label in dialog.findChildren(QLabel)]
        assert "<i>This count is not saved.</i>" in labels and not any("Deze telling" in text for text in labels)
        dialog.accept()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    assert QCoreApplication.translate("SeatsDialog", "Zetels tellen") == "Zetels tellen"


def test_every_control_has_an_accessible_name(council_view, qtbot):
    from PySide6.QtWidgets import QAbstractButton

    dialog = _open(council_view, qtbot)
    unnamed = [b.text() for b in dialog.findChildren(QAbstractButton) if not b.accessibleName()]
    assert not unnamed
    assert _button(dialog, "D66", "for").accessibleName() == "D66: voor"


def test_a_motion_gone_meanwhile_is_a_message_not_a_dialog(arnhem, messages):
    section = arnhem.show_section("motions")
    section.show_item(ARNHEM_MOTION)
    section.current = {**section.current, "id": "weg"}  # deleted elsewhere since it was chosen
    section.count_seats()
    assert not hasattr(section, "seats_dialog")
    [(kind, title, text)] = messages
    assert (kind, title) == ("warning", "Zetels tellen") and "Geen motie met kenmerk of id 'weg'" in text
