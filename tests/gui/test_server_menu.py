"""The Server menu on a real PostgreSQL server (tests/pg.py): publish, fetch (list and checkout), send and update,
the conflict dialog, and the status bar's server status."""

from __future__ import annotations

import re
import sys

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel

from raadsdossier.domain.models import Motion
from raadsdossier.gui import server_dialog
from raadsdossier.services import store
from raadsdossier.storage.dossier import Dossier
from tests.gui.test_accessibility import _unnamed

ACTIONS = ("server-init", "server-list", "server-publish", "server-checkin", "server-update", "server-resolve")


@pytest.fixture
def url(postgres, request):
    made = postgres.create_database("gui_" + re.sub(r"[^a-z0-9]+", "_", request.node.name.lower())[:40])
    assert store.init(made) is True
    return made


def _menu(window) -> dict[str, QAction]:
    """The Server menu's actions, as the user finds them when opening the menu."""
    window.server_menu.aboutToShow.emit()
    return {name: window.findChild(QAction, name) for name in ACTIONS}


def _status(window) -> str | None:
    actions = getattr(window, "_server_actions", None)
    label = actions.label if actions is not None else None
    return label.text() if label is not None and not label.isHidden() else None


def _first_motion(path) -> tuple[str, str]:
    with Dossier.open(path, read_only=True) as dossier, dossier.session() as session:
        motion = session.query(Motion).order_by(Motion.id).first()
        return motion.id, motion.title


def _edit(dossier, motion_id, **fields) -> None:
    with dossier.transaction() as session:
        motion = session.get(Motion, motion_id)
        for name, value in fields.items():
            setattr(motion, name, value)


def _field(dossier, motion_id, name):
    with dossier.session() as session:
        return getattr(session.get(Motion, motion_id), name)


def _checkouts(url, demo_copy, tmp_path):
    store.publish(demo_copy("arnhem-wuhan"), url, "arnhem-wuhan")
    a, b = tmp_path / "a.raadsdossier", tmp_path / "b.raadsdossier"
    store.checkout(url, "arnhem-wuhan", a)
    store.checkout(url, "arnhem-wuhan", b)
    return a, b


def test_a_dossier_not_from_a_server_can_be_published_but_not_sent_and_loads_nothing_of_the_server(
        bare_window, demo_copy, monkeypatch):
    monkeypatch.delitem(sys.modules, "raadsdossier.gui.server_actions", raising=False)
    bare_window.open_path(demo_copy("arnhem-wuhan"))
    bare_window.open_path(demo_copy("breda-yangzhou"))
    bare_window.tabs.setCurrentIndex(0)
    assert "raadsdossier.gui.server_actions" not in sys.modules  # only the menu's first use imports it
    actions = _menu(bare_window)
    assert "raadsdossier.gui.server_actions" in sys.modules
    enabled = {name for name, action in actions.items() if action.isEnabled()}
    assert enabled == {"server-init", "server-list", "server-publish"}
    assert _status(bare_window) is None
    assert bare_window.server_menu.title() == "&Server"
    assert [a.text() for a in bare_window.server_menu.actions() if not a.isSeparator()] == [
        "Opslag &maken…", "&Dossiers op de server…", "&Op de server zetten…", "&Wijzigingen versturen", "&Bijwerken",
        "&Conflicten oplossen…"]


def test_publish_from_the_menu(bare_window, url, demo_copy, monkeypatch, messages):
    path = demo_copy("arnhem-wuhan")
    bare_window.open_path(path)
    asked = []
    monkeypatch.setattr(server_dialog, "ask_publish",
                        lambda parent, address, name: asked.append((address, name)) or (url, name))
    actions = _menu(bare_window)
    actions["server-publish"].trigger()
    assert asked == [("", "arnhem-wuhan")]  # nothing remembered yet; the file's name proposed
    assert [(d.name, d.revision) for d in store.list_dossiers(url)] == [("arnhem-wuhan", 1)]
    kind, _title, text = messages[-1]
    assert kind == "information"
    assert text.startswith("arnhem-wuhan.raadsdossier staat op de server als 'arnhem-wuhan' (versie 1).")
    view = bare_window.current_view()  # opened again in its place
    assert view.dossier.path == path.resolve() and view.title == "Arnhem – Wuhan"
    assert _status(bare_window) == "Server: bijgewerkt"
    assert actions["server-checkin"].isEnabled() and actions["server-update"].isEnabled()
    assert not actions["server-publish"].isEnabled()
    # the address is remembered for the next time, in the settings file
    assert bare_window.settings.server_address == url
    assert url in bare_window.settings.path.read_text(encoding="utf-8")
    assert QApplication.overrideCursor() is None  # the busy cursor is gone


def test_the_servers_dossiers_are_listed_and_one_is_fetched_and_opened(bare_window, url, demo_copy, tmp_path,
                                                                     monkeypatch, messages):
    store.publish(demo_copy("arnhem-wuhan"), url, "arnhem-wuhan")
    store.publish(demo_copy("breda-yangzhou"), url, "breda-yangzhou")
    bare_window.settings.server_address = url
    listed = []

    def choose(parent, address):  # the real dialog, as the user sees it: it lists at once
        dialog = server_dialog.ServerDossiersDialog(parent, address)
        listed.append([[dialog.table.item(row, column).text() for column in range(3)]
                       for row in range(dialog.table.rowCount())])
        assert _unnamed(dialog) == []
        dialog.table.selectRow(0)
        assert dialog.fetch.isEnabled()
        return dialog.listed_address, dialog.chosen()

    monkeypatch.setattr(server_dialog, "choose_dossier", choose)
    target = tmp_path / "mijn" / "arnhem.raadsdossier"
    target.parent.mkdir()
    offered = []
    monkeypatch.setattr(server_dialog, "ask_save_path", lambda parent, suggested: offered.append(suggested) or target)
    _menu(bare_window)["server-list"].trigger()
    assert listed == [[["arnhem-wuhan", "Arnhem – Wuhan", "1"], ["breda-yangzhou", "Breda – Yangzhou", "1"]]]
    assert offered[0].name == "arnhem-wuhan.raadsdossier"
    view = bare_window.current_view()
    assert view is not None and view.dossier.path == target.resolve() and view.title == "Arnhem – Wuhan"
    assert "'arnhem-wuhan' is opgehaald (versie 1)" in messages[-1][2]
    assert _status(bare_window) == "Server: bijgewerkt"
    assert _menu(bare_window)["server-checkin"].isEnabled()
    # fetching never overwrites a file
    _menu(bare_window)["server-list"].trigger()
    assert messages[-1][:2] == ("warning", "Niet opgehaald") and "Er is al een bestand" in messages[-1][2]


def test_the_status_says_changes_to_send_behind_and_offline(bare_window, url, demo_copy, tmp_path, monkeypatch):
    a, b = _checkouts(url, demo_copy, tmp_path)
    motion, _title = _first_motion(a)
    view = bare_window.open_path(a)
    assert _status(bare_window) == "Server: bijgewerkt"
    _edit(view.dossier, motion, title="Gewijzigd in A")
    bare_window._server_status()  # as a change of tab does
    assert _status(bare_window) == "Server: 1 wijziging te versturen"
    with Dossier.open(b) as other:
        _edit(other, motion, pre_advice="Advies van B")
    store.checkin(b)
    bare_window._server_status()
    assert _status(bare_window) == "Server: 1 wijziging te versturen, achter, versie 2 beschikbaar"
    assert "de server op versie 2" in bare_window._server_actions.label.toolTip()
    from raadsdossier.storage import store as storage

    def unreachable(address):
        raise storage.StoreError(f"{address}: de server is niet bereikbaar")

    monkeypatch.setattr(storage, "list_dossiers", unreachable)
    bare_window._server_status()
    assert _status(bare_window) == "Server niet bereikbaar — u werkt offline; 1 wijziging te versturen"
    # another tab: a dossier not from a server shows no server status
    bare_window.open_path(demo_copy("breda-yangzhou"))
    assert _status(bare_window) is None


def test_a_conflict_is_shown_kept_for_later_and_resolved_with_my_value(bare_window, url, demo_copy, tmp_path,
                                                                     messages):
    a, b = _checkouts(url, demo_copy, tmp_path)
    motion, title = _first_motion(a)
    with Dossier.open(b) as other:
        _edit(other, motion, pre_advice="Advies van B")
    assert store.checkin(b).revision == 2
    view = bare_window.open_path(a)
    _edit(view.dossier, motion, pre_advice="Advies van A")
    actions = _menu(bare_window)
    actions["server-checkin"].trigger()

    dialog = bare_window.server_actions().conflict_dialog
    assert dialog is not None and dialog.isVisible()
    cells = [[dialog.table.item(row, column).text() for column in range(5)] for row in range(dialog.table.rowCount())]
    assert len(cells) == 1
    item, field, mine, theirs, changed = cells[0]
    assert title in item and item.startswith(("Motie", title))
    assert (field, mine, theirs) == ("Preadvies college", "Advies van A", "Advies van B")
    assert re.fullmatch(r"door postgres op \d\d-\d\d-\d{4} \d\d:\d\d", changed)
    assert dialog.findChild(QLabel, "summary").text() == "arnhem-wuhan: niets te versturen; nu versie 2."
    assert not dialog.apply_button.isEnabled()  # nothing chosen yet
    assert _unnamed(dialog) == []

    dialog.later_button.click()  # Later: both values kept, and said so
    assert "Het conflict blijft bewaard tot u kiest" in messages[-1][2]
    view = bare_window.current_view()
    assert _field(view.dossier, motion, "pre_advice") == "Advies van A"
    assert _status(bare_window) == "Server: 1 conflict te beslissen, 1 wijziging te versturen"
    assert actions["server-resolve"].isEnabled()

    actions["server-resolve"].trigger()  # Server → Conflicten oplossen…: the same conflict again
    dialog = bare_window.server_actions().conflict_dialog
    assert [dialog.table.item(0, column).text() for column in range(1, 4)] == [
        "Preadvies college", "Advies van A", "Advies van B"]
    dialog.choose(0, "mine")
    assert dialog.apply_button.isEnabled()
    dialog.apply_button.click()
    kind, _title, text = messages[-1]
    assert (kind, text) == ("information", "Gekozen voor 1 item: 1 met uw waarde, 0 met die van de server. "
                                           "arnhem-wuhan: 1 wijziging verstuurd; nu versie 3.")
    assert bare_window.server_actions().conflict_dialog is None
    view = bare_window.current_view()
    assert _field(view.dossier, motion, "pre_advice") == "Advies van A"
    assert _status(bare_window) == "Server: bijgewerkt"
    assert not actions["server-resolve"].isEnabled()

    # the other checkout sees my value after Bijwerken
    other = bare_window.open_path(b)
    assert _status(bare_window) == "Server: achter, versie 3 beschikbaar"
    actions["server-update"].trigger()
    assert messages[-1][2] == "arnhem-wuhan: 1 wijziging binnengehaald; nu versie 3."
    other = bare_window.current_view()
    assert other.dossier.path == b.resolve()
    assert _field(other.dossier, motion, "pre_advice") == "Advies van A"
    assert _status(bare_window) == "Server: bijgewerkt"


def test_a_store_is_made_from_the_menu_and_publishing_without_one_says_so(bare_window, postgres, demo_copy,
                                                                         monkeypatch, messages):
    address = postgres.create_database("gui_zonder_opslag")
    path = demo_copy("arnhem-wuhan")
    bare_window.open_path(path)
    monkeypatch.setattr(server_dialog, "ask_publish", lambda parent, address_, name: (address, name))
    actions = _menu(bare_window)
    actions["server-publish"].trigger()
    kind, title, text = messages[-1]
    assert (kind, title) == ("warning", "Niet gelukt") and "geen Raadsdossier-opslag" in text
    view = bare_window.current_view()  # opened again, still not from a server
    assert view.dossier.path == path.resolve() and actions["server-publish"].isEnabled()
    assert not actions["server-checkin"].isEnabled() and QApplication.overrideCursor() is None
    asked = []
    monkeypatch.setattr(server_dialog, "ask_address",
                        lambda parent, title, text, address_, accept_text=None: asked.append(title) or address)
    actions["server-init"].trigger()
    assert asked == ["Opslag maken"]
    assert messages[-1][2] == f"Op {address} is de opslag gemaakt. Zet er dossiers op met Server → Op de server zetten."
    assert bare_window.settings.server_address == address
    actions["server-init"].trigger()
    assert messages[-1][2] == f"Op {address} was de opslag er al; er is niets veranderd."
    assert store.list_dossiers(address) == []


def test_the_conflict_dialog_in_english(qapp, qtbot):
    from raadsdossier.gui.app import install_translations
    from raadsdossier.gui.conflict_dialog import ConflictDialog
    from raadsdossier.storage.store import Conflict

    translators = install_translations(qapp, "en")
    try:
        conflict = Conflict("motions", '["m1"]', "pre_advice", "A", None, "jansen", "2026-05-03T12:12+00:00")
        dialog = ConflictDialog(None, "arnhem-wuhan", [conflict, conflict], {"m1": ("motie", "Stedenband")})
        qtbot.addWidget(dialog)
        assert [dialog.table.horizontalHeaderItem(c).text() for c in range(6)] == [
            "Item", "Field", "Here", "On the server", "Changed on the server", "Choice"]
        assert [dialog.table.item(0, c).text() for c in range(4)] == ["Motie: Stedenband", "Pre-advice of the college",
                                                                       "A", "(empty)"]
        assert dialog.table.item(0, 4).text().startswith("by jansen on 03-05-2026 ")
        assert [dialog.combos[0].itemText(i) for i in range(3)] == ["Not yet", "My value", "The server’s value"]
        dialog.choose(1, "theirs")  # one item: its rows move together
        assert dialog.combos[0].currentData() == "theirs" and dialog.choices() == ([], ["m1"])
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))


def test_the_address_never_holds_a_password(qtbot, tmp_path):
    from raadsdossier.gui.workspace import Settings

    dialog = server_dialog.AddressDialog(None, "Opslag maken", "…", "postgresql://jan:geheim@server/raad")
    qtbot.addWidget(dialog)
    assert "~/.pgpass" in dialog.findChild(QLabel, "password-note").text()
    dialog._accept()
    assert dialog.result() != dialog.DialogCode.Accepted and "Zet geen wachtwoord in het adres" in dialog.error.text()
    dialog.address.setText("postgresql://jan@server/raad?password=geheim")
    dialog._accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    dialog.address.setText("service:griffie")
    dialog._accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert _unnamed(dialog) == []
    settings = Settings(tmp_path / "instellingen.json")
    settings.server_address = "postgresql://jan:geheim@server/raad"
    settings.server_address = "postgresql://jan@server/raad?password=geheim"
    assert settings.server_address == ""
    settings.server_address = " postgresql://jan@server/raad "
    assert settings.server_address == "postgresql://jan@server/raad"
