"""Data safety in the window: passwords, a locked dossier, a damaged one, backups, the check, encryption."""

from __future__ import annotations

import getpass
import socket
import sqlite3
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt

from raadsdossier.storage import backups
from raadsdossier.services import lists
from raadsdossier.domain.errors import WrongPassword
from raadsdossier.services.dossiers import PartnershipFields, create_dossier
from raadsdossier.storage.dossier import Dossier
from raadsdossier.gui import prompts
from tests.gui.test_accessibility import _unnamed

PASSWORD = "geheim-wachtwoord"


def _passwords(monkeypatch, answers):
    """ask_password returns each of `answers` in turn; returns the (title, text, wrong) it was called with."""
    calls = []
    answers = list(answers)

    def ask(parent, title, text, *, wrong=False, can_remember=False):
        calls.append((title, text, wrong))
        answer = answers.pop(0)
        return None if answer is None else (answer, False)

    monkeypatch.setattr(prompts, "ask_password", ask)
    return calls


def _damage(path) -> bytes:
    """Overwrite the middle tenth of the file (many pages, so used ones too); returns the new bytes."""
    data = bytearray(path.read_bytes())
    start, length = len(data) * 9 // 20, len(data) // 10
    data[start:start + length] = b"\xa5" * length
    path.write_bytes(bytes(data))
    return bytes(data)


@pytest.fixture
def encrypted(tmp_path):
    path = tmp_path / "geheim.raadsdossier"
    create_dossier(path, PartnershipFields(dutch_side="Enschede", level="municipality", partner_name="Dalian"),
                   password=PASSWORD)
    return path


def test_encrypted_dossier_asks_again_after_a_wrong_password(bare_window, encrypted, monkeypatch):
    calls = _passwords(monkeypatch, ["verkeerd-wachtwoord", PASSWORD])
    view = bare_window.open_path(encrypted)
    assert view is not None and view.title == "Enschede – Dalian"
    assert [wrong for _t, _x, wrong in calls] == [False, True]
    assert "geheim.raadsdossier is versleuteld" in calls[0][1]
    assert view.dossier.encrypted
    # the password is nowhere in the settings file
    bare_window.settings.save()
    assert PASSWORD not in bare_window.settings.path.read_text(encoding="utf-8")


def test_cancelled_password_opens_nothing(bare_window, encrypted, monkeypatch, messages):
    _passwords(monkeypatch, [None])
    assert bare_window.open_path(encrypted) is None
    assert bare_window.views() == [] and messages == []


def test_the_password_dialog_hides_what_is_typed(qtbot):
    dialog = prompts.PasswordDialog(None, "Wachtwoord", "Geef het wachtwoord", new=True, current=True)
    qtbot.addWidget(dialog)
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    assert dialog.remember is None  # no keyring in this environment: nothing offered
    dialog.current.setText("oud-wachtwoord")
    dialog.password.setText("kort")
    dialog.repeat.setText("kort")
    dialog._accept()
    assert dialog.error.text() == "Kies een wachtwoord van minstens 8 tekens."
    dialog.password.setText("lang-genoeg-1")
    dialog.repeat.setText("lang-genoeg-2")
    dialog._accept()
    assert dialog.error.text() == "De twee wachtwoorden zijn niet gelijk."
    assert _unnamed(dialog) == []


@pytest.fixture
def held_elsewhere(new_dossier):
    """Another program (a subprocess) holds the writer's lock on the dossier."""
    code = textwrap.dedent(f"""
        import sys, time
        from raadsdossier.storage.locking import DossierLock
        lock = DossierLock.acquire({str(new_dossier)!r})
        print("ready", flush=True)
        sys.stdin.readline()
    """)
    process = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "ready"
    yield new_dossier
    process.stdin.write("\n")
    process.stdin.close()
    process.wait(timeout=10)


def test_locked_dossier_names_who_has_it_and_opens_read_only(bare_window, held_elsewhere, asked, messages):
    view = bare_window.open_path(held_elsewhere)
    title, text, accept = asked[0]
    assert accept == "Alleen-lezen openen"
    assert f"al geopend door {getpass.getuser()} op computer {socket.gethostname()} (sinds " in text
    assert view is not None and view.dossier.read_only
    assert bare_window.tabs.tabText(bare_window.tabs.currentIndex()) == "Enschede – Dalian (alleen-lezen)"
    assert bare_window.read_only_banner.isVisible()
    assert "alleen-lezen geopend" in bare_window.read_only_banner.text()
    assert not bare_window.new_item_action.isEnabled() and not bare_window.import_action.isEnabled()
    notes = view.show_section("notes")
    notes.new_item()  # the section's own "Nieuw" button still calls this
    assert messages[-1][1] == "Niet opgeslagen" and "alleen-lezen" in messages[-1][2]
    assert lists.count(view.dossier, "notes") == 0


def test_the_locked_question_has_a_read_only_button(qtbot):
    box, yes = prompts.question_box(None, "Dossier is al geopend", "…", "Alleen-lezen openen", "Annuleren")
    qtbot.addWidget(box)
    assert [b.text() for b in box.buttons()] == ["Alleen-lezen openen", "Annuleren"]
    assert yes.text() == "Alleen-lezen openen"


def test_damaged_dossier_is_set_aside_and_the_backup_opened(bare_window, demo_copy, asked, messages):
    path = demo_copy("arnhem-wuhan")
    with Dossier.open(path) as dossier:
        dossier.backup("manual")
    data = _damage(path)

    view = bare_window.open_path(path)
    assert "beschadigd" in asked[0][1] and asked[0][2] == "Reservekopie terugzetten"
    aside = list(path.parent.glob("arnhem-wuhan.raadsdossier.beschadigd-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == data
    assert view is not None and view.title == "Arnhem – Wuhan"
    assert lists.count(view.dossier, "motions") == 1
    assert messages[-1][1] == "Reservekopie teruggezet" and aside[0].name in messages[-1][2]


def test_damaged_dossier_without_a_good_backup_is_left_alone(bare_window, demo_copy, asked, messages):
    path = demo_copy("breda-yangzhou")
    data = _damage(path)
    assert bare_window.open_path(path) is None
    assert "geen reservekopie" in messages[-1][2]
    assert path.read_bytes() == data and not list(path.parent.glob("*.beschadigd-*"))


def test_backups_dialog_lists_counts_and_restores_in_two_clicks(bare_window, demo_copy, qtbot):
    path = demo_copy("arnhem-wuhan")
    view = bare_window.open_path(path)
    dialog = bare_window.show_backups()
    assert dialog.table.rowCount() == 0
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    rows = dialog.contents()
    assert len(rows) == 1 and rows[0][1] == "handmatig"
    assert rows[0][2] == "1 fractie, 1 motie, 1 vragenset, 1 demonstratie, 1 gebeurtenis, 3 bronnen"
    assert dialog.status.text().startswith("Reservekopie gemaakt: arnhem-wuhan.")

    motions = view.show_section("motions")
    motions.show_item(motions.model.rows[0]["id"])
    motions.delete_selected()
    assert lists.count(view.dossier, "motions") == 0

    dialog.table.selectRow(0)  # click 1
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)  # click 2
    again = bare_window.current_view()
    assert again is not view and again.dossier.path == path
    assert again.show_section("motions").model.total == 1
    assert again.current_section().model.rows[0]["title"] == "Motie stedenband met Wuhan verbreken"
    assert again.undo_stack.count() == 0
    reasons = [row[1] for row in dialog.contents()]
    assert reasons == ["vóór terugzetten", "handmatig"]
    assert "is teruggezet" in dialog.status.text()
    assert _unnamed(dialog) == []


def test_backups_dialog_in_english_says_why_and_when_in_english(bare_window, demo_copy, qtbot, qapp):
    """The reason column said "automatisch" and the date "07-12-2026 19:44" in English too."""
    import datetime

    from raadsdossier.gui.app import install_translations

    path = demo_copy("arnhem-wuhan")
    bare_window.open_path(path)
    translators = install_translations(qapp, "en")
    try:
        dialog = bare_window.show_backups()
        qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
        [(when, why, _contents)] = dialog.contents()
        made = backups.list_backups(path)[0].made
        assert why == "manual"
        month = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                 "November", "December"][made.month - 1]
        assert when == f"{made.day} {month} {made.year}, {made.strftime('%H:%M')}"
        assert made.date() == datetime.date.today()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        install_translations(qapp, "nl")


def test_check_reports_a_broken_search_index_and_repairs_it(bare_window, demo_copy, qtbot):
    path = demo_copy("arnhem-wuhan")
    connection = sqlite3.connect(path)
    connection.execute("DELETE FROM search_index WHERE rowid = (SELECT min(rowid) FROM search_index)")
    connection.commit()
    connection.close()
    bare_window.open_path(path)
    dialog = bare_window.check_dossier()
    assert dialog.summary.text() == "Er is 1 probleem gevonden:"
    assert dialog.finding_texts() == ["De zoekindex klopt niet met de gegevens (1 ontbreekt) — te repareren met Repareren"]
    assert dialog.repair_button.isEnabled()
    qtbot.mouseClick(dialog.repair_button, Qt.MouseButton.LeftButton)
    assert dialog.summary.text().startswith("Het dossier is in orde.")
    assert not dialog.repair_button.isEnabled()
    assert "Eerst is een reservekopie gemaakt: arnhem-wuhan." in dialog.done_label.text()
    assert "zoekindex opnieuw opgebouwd" in dialog.done_label.text()
    assert [b.reason for b in backups.list_backups(path)] == ["repair"]
    assert _unnamed(dialog) == []


def test_a_section_that_cannot_be_read_says_so_and_the_check_mends_it(bare_window, demo_copy, qtbot, messages):
    """A date changed outside the app made the Moties section fail with a traceback on a terminal and show
    nothing; now it says what is wrong, and the check's repair empties the date (after a backup)."""
    path = demo_copy("arnhem-wuhan")
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE items SET created_at = 'gisteren' WHERE kind = 'motion'")
    view = bare_window.open_path(path)
    view.show_section("motions")
    [(kind, title, text)] = messages
    assert (kind, title) == ("warning", "Niet te lezen")
    assert text.startswith(f"{path}: een opgeslagen waarde in het dossier kan niet worden gelezen")
    dialog = bare_window.check_dossier()
    assert dialog.finding_texts() == ["1 opgeslagen waarde kan niet worden gelezen, bijvoorbeeld de datum ‘gisteren’ "
                                      "bij de motie ‘Motie stedenband met Wuhan verbreken’ — te repareren met Repareren"]
    qtbot.mouseClick(dialog.repair_button, Qt.MouseButton.LeftButton)
    assert dialog.summary.text().startswith("Het dossier is in orde.")
    view.show_section("overview")
    section = view.show_section("motions")
    assert section.model.total == 1 and len(messages) == 1


def test_an_error_nothing_handled_is_said_over_the_window(bare_window, messages):
    import sys

    from raadsdossier.domain.errors import DamagedDossier
    from raadsdossier.gui import unexpected

    before = sys.excepthook
    try:
        unexpected.install(bare_window)
        try:
            raise KeyError("kolom")
        except KeyError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        sys.excepthook(DamagedDossier, DamagedDossier("/tmp/x.raadsdossier", "het is kapot."), None)
    finally:
        sys.excepthook = before
    assert messages == [
        ("warning", "Onverwachte fout", "Er ging iets mis in Raadsdossier (KeyError: 'kolom'). Wat al was opgeslagen, "
                                        "blijft opgeslagen; meld dit, met wat u deed, aan wie Raadsdossier beheert."),
        ("warning", "Niet gelukt", "/tmp/x.raadsdossier: het is kapot.")]


def test_check_of_a_sound_dossier_offers_no_repair(bare_window, new_dossier):
    bare_window.open_path(new_dossier)
    dialog = bare_window.check_dossier()
    assert dialog.summary.text().startswith("Het dossier is in orde.") and not dialog.repair_button.isEnabled()


def test_encrypt_change_password_and_decrypt_from_the_menu(bare_window, new_dossier, monkeypatch, messages):
    view = bare_window.open_path(new_dossier)
    assert bare_window.encrypt_action.isVisible() and not bare_window.decrypt_action.isVisible()
    view.dossier.backup("manual")
    monkeypatch.setattr(prompts, "ask_new_password", lambda *a, **k: (None, PASSWORD))
    bare_window.encrypt_dossier()
    assert b"SQLite format 3" not in new_dossier.read_bytes()
    assert all(b"SQLite format 3" not in b.path.read_bytes() for b in backups.list_backups(new_dossier))
    view = bare_window.current_view()
    assert view.dossier.encrypted and view.title == "Enschede – Dalian"
    assert messages[-1][2].startswith("enschede.raadsdossier is nu versleuteld.")
    assert bare_window.password_action.isVisible() and bare_window.decrypt_action.isVisible()
    assert not bare_window.encrypt_action.isVisible()

    monkeypatch.setattr(prompts, "ask_new_password", lambda *a, **k: (PASSWORD, "nog-geheimer-1"))
    bare_window.change_password()
    assert bare_window.current_view().dossier.password == "nog-geheimer-1"
    with pytest.raises(WrongPassword):
        Dossier.open(new_dossier, read_only=True, password=PASSWORD)

    _passwords(monkeypatch, ["nog-geheimer-1"])
    bare_window.decrypt_dossier()
    assert new_dossier.read_bytes().startswith(b"SQLite format 3")
    assert not bare_window.current_view().dossier.encrypted


def test_wrong_current_password_changes_nothing(bare_window, encrypted, monkeypatch, messages):
    _passwords(monkeypatch, [PASSWORD])
    bare_window.open_path(encrypted)
    before = encrypted.read_bytes()
    monkeypatch.setattr(prompts, "ask_new_password", lambda *a, **k: ("niet-het-wachtwoord", "nieuw-wachtwoord"))
    bare_window.change_password()
    assert encrypted.read_bytes() == before
    assert "wachtwoord klopt niet" in messages[-1][2]
    assert bare_window.current_view().dossier.password == PASSWORD  # reopened with the one it had


def test_new_dossier_dialog_can_encrypt(qtbot, messages):
    from raadsdossier.gui.dialogs import NewDossierDialog

    dialog = NewDossierDialog()
    qtbot.addWidget(dialog)
    assert not dialog.password.isEnabled() and dialog.chosen_password() is None
    dialog.dutch_side.setText("Utrecht")
    dialog.partner.setText("Shenzhen")
    dialog.encrypt.setChecked(True)
    assert dialog.password.isEnabled()
    dialog.password.setText(PASSWORD)
    dialog.repeat.setText("iets anders")
    dialog._accept()
    assert messages[-1][2] == "De twee wachtwoorden zijn niet gelijk." and dialog.result() == 0
    dialog.repeat.setText(PASSWORD)
    dialog._accept()
    assert dialog.chosen_password() == PASSWORD
    assert _unnamed(dialog) == []


def test_new_encrypted_dossier_opens_without_asking(bare_window, tmp_path, monkeypatch):
    calls = _passwords(monkeypatch, [])
    fields = PartnershipFields(dutch_side="Utrecht", level="municipality", partner_name="Shenzhen")
    view = bare_window.create_dossier(tmp_path / "utrecht", fields, PASSWORD)
    assert view is not None and view.dossier.encrypted and calls == []
    assert b"SQLite format 3" not in (tmp_path / "utrecht.raadsdossier").read_bytes()


def test_closing_a_tab_makes_the_automatic_backup(bare_window, new_dossier):
    bare_window.open_path(new_dossier)
    bare_window.close_tab(0)
    assert [b.reason_nl for b in backups.list_backups(new_dossier)] == ["automatisch"]


def test_timer_backs_up_open_writable_dossiers(bare_window, new_dossier):
    assert bare_window.backup_timer.isActive() and bare_window.backup_timer.interval() == 10 * 60 * 1000
    bare_window.open_path(new_dossier)
    bare_window.backup_timer.timeout.emit()
    assert [b.reason for b in backups.list_backups(new_dossier)] == ["auto"]
    assert "Automatische reservekopie gemaakt" in bare_window.statusBar().currentMessage()
    bare_window.backup_timer.timeout.emit()  # nothing changed since: no second backup
    assert len(backups.list_backups(new_dossier)) == 1


def test_clear_the_recent_files_list(bare_window, new_dossier):
    bare_window.open_path(new_dossier)
    assert bare_window.settings.recent_files
    bare_window._fill_recent()
    clear = next(a for a in bare_window.recent_menu.actions() if a.objectName() == "clear-recent")
    assert clear.text() == "Lijst wissen" and clear.isEnabled()
    clear.trigger()
    from raadsdossier.gui.workspace import Settings

    assert Settings().recent_files == []
    bare_window._fill_recent()
    assert [a.text() for a in bare_window.recent_menu.actions() if a.text()] == ["(geen)", "Lijst wissen"]


@pytest.fixture
def fake_keyring(monkeypatch):
    """A keyring with a working backend (the real package is an optional extra, not installed for tests)."""
    import types

    store: dict[tuple[str, str], str] = {}
    fail = types.ModuleType("keyring.backends.fail")
    fail.Keyring = type("Keyring", (), {})
    backends = types.ModuleType("keyring.backends")
    backends.fail = fail
    module = types.ModuleType("keyring")
    module.backends = backends
    module.get_keyring = lambda: type("MemoryKeyring", (), {"priority": 1})()
    module.get_password = lambda service, user: store.get((service, user))
    module.set_password = lambda service, user, password: store.__setitem__((service, user), password)
    module.delete_password = lambda service, user: store.pop((service, user), None)
    for name, value in (("keyring", module), ("keyring.backends", backends), ("keyring.backends.fail", fail)):
        monkeypatch.setitem(sys.modules, name, value)
    return store


def test_a_remembered_password_opens_without_asking(bare_window, encrypted, monkeypatch, fake_keyring):
    offered = []

    def ask(parent, title, text, *, wrong=False, can_remember=False):
        offered.append(can_remember)
        return PASSWORD, True

    monkeypatch.setattr(prompts, "ask_password", ask)
    bare_window.open_path(encrypted)
    assert offered == [True] and list(fake_keyring.values()) == [PASSWORD]
    bare_window.close_tab(0)
    assert bare_window.open_path(encrypted) is not None and offered == [True]  # not asked again
    bare_window.settings.save()
    assert PASSWORD not in bare_window.settings.path.read_text(encoding="utf-8")

    bare_window.close_tab(0)  # a stale remembered password is forgotten and the user is asked
    fake_keyring[next(iter(fake_keyring))] = "oud-wachtwoord"
    assert bare_window.open_path(encrypted) is not None and offered == [True, True]
    assert list(fake_keyring.values()) == [PASSWORD]


def test_damage_found_by_the_check_after_opening_offers_the_backup(bare_window, demo_copy, asked, messages):
    """Flipped bytes inside one page pass the quick open; the whole-file check after it finds them."""
    from tests.faults.test_damaged_files import _flipped_bytes_in_a_page

    path = demo_copy("arnhem-wuhan")
    with Dossier.open(path) as dossier:
        dossier.backup("manual")
    _flipped_bytes_in_a_page(path, path)
    damaged = path.read_bytes()
    view = bare_window.open_path(path)
    assert asked and asked[0][0] == "Dossier beschadigd" and "integriteitscontrole" in asked[0][1]
    [aside] = path.parent.glob("arnhem-wuhan.raadsdossier.beschadigd-*")
    assert aside.read_bytes() == damaged
    assert view is not None and bare_window.views() == [view] and view.dossier.quick_check() == "ok"
    assert lists.count(view.dossier, "motions") == 1


def test_encrypting_asks_for_the_password_of_a_backup_that_has_another(bare_window, new_dossier, monkeypatch,
                                                                        messages):
    """A backup an older version left encrypted on another password is named and its password asked for; given,
    everything ends on the new password."""
    from raadsdossier.storage import encryption

    view = bare_window.open_path(new_dossier)
    view.dossier.backup("manual")
    [backup] = backups.list_backups(new_dossier)
    other = backup.path.with_name("ander.tmp-omzetting")
    encryption._convert(backup.path, other, None, "een-ouder-wachtwoord")
    other.replace(backup.path)
    monkeypatch.setattr(prompts, "ask_new_password", lambda *a, **k: (None, PASSWORD))
    calls = _passwords(monkeypatch, ["een-ouder-wachtwoord"])
    bare_window.encrypt_dossier()
    assert [title for title, *_ in calls] == ["Wachtwoord van een reservekopie"]
    assert backup.path.name in calls[0][1]
    assert bare_window.current_view().dossier.encrypted
    assert backups.diagnose(backup.path, PASSWORD) is None
    assert messages[-1][2].startswith("enschede.raadsdossier is nu versleuteld. Ook 1 reservekopie(ën) zijn omgezet.")


def test_opening_a_dossier_whose_encryption_was_interrupted_undoes_it_and_says_so(bare_window, new_dossier, messages):
    from raadsdossier.storage import encryption

    new = encryption._new_file(new_dossier, "abcd1234")
    encryption._convert(new_dossier, new, None, PASSWORD)
    encryption._write_journal(new_dossier, encryption.ENCRYPT, encryption.PREPARE, [(new_dossier, new)])
    view = bare_window.open_path(new_dossier)
    assert view is not None and not view.dossier.encrypted and not new.exists()
    [(kind, title, text)] = [m for m in messages if m[1] == "Onderbroken wijziging afgerond"]
    assert text.startswith("enschede.raadsdossier: een onderbroken versleuteling is ongedaan gemaakt")


def test_the_directory_in_the_new_dossier_dialog_speaks_the_window_s_language(qtbot, qapp):
    """In English the list read "(Onbekend, 2010)" and "(Na 2019 sluimerend, 1998)"."""
    from raadsdossier.gui.app import install_translations
    from raadsdossier.gui.dialogs import NewDossierDialog

    dutch = NewDossierDialog()
    qtbot.addWidget(dutch)
    entries = [dutch.directory.itemText(i) for i in range(dutch.directory.count())]
    assert any(text.endswith("(Na 2019 sluimerend, 1998)") for text in entries), entries
    translators = install_translations(qapp, "en")
    try:
        english = NewDossierDialog()
        qtbot.addWidget(english)
        entries = [english.directory.itemText(i) for i in range(english.directory.count())]
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        install_translations(qapp, "nl")
    assert any(text.endswith("(dormant after 2019, 1998)") for text in entries), entries
    assert not any(word in text for text in entries for word in ("Onbekend", "Actief", "sluimerend"))
