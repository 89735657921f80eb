"""The window refreshes what a change names and nothing else; the window and the command line share each action."""

from __future__ import annotations

from PySide6.QtCore import Qt

from raadsdossier.gui import export_dialog, import_dialog  # noqa: F401  (imported before a service is patched)
from raadsdossier.services import lists
from tests.conftest import REPO


def _resets(model) -> list:
    seen: list = []
    model.modelReset.connect(lambda: seen.append(1))
    return seen


def test_a_saved_motion_refreshes_the_motions_and_the_overview_but_not_the_attachments(arnhem):
    attachments = arnhem.show_section("attachments")
    overview = arnhem.section("overview")
    motions = arnhem.show_section("motions")
    assert not attachments.stale and not motions.stale
    attachment_resets, motion_resets = _resets(attachments.model), _resets(motions.model)
    motion = motions.model.rows[0]
    motions.show_item(motion["id"])
    motions.form.widgets["title"].setText("Motie met een nieuwe titel")
    motions._save_form()
    assert motion_resets and motions.model.rows[0]["title"] == "Motie met een nieuwe titel"  # on screen: now
    assert overview.stale  # counts every kind: read again when shown
    assert not attachments.stale and attachment_resets == []  # shows no motion: left alone
    arnhem.show_section("attachments")
    assert attachment_resets == []
    arnhem.undo_stack.undo()
    assert attachment_resets == [] and not attachments.stale
    assert lists.get(arnhem.dossier, motion["id"])[1]["title"] == motion["title"]


def test_renaming_a_party_refreshes_the_lists_that_name_it(arnhem):
    people = arnhem.show_section("parties_and_people")
    commitments = arnhem.show_section("commitments")  # who promised: people and parties
    college_notes = arnhem.show_section("college_notes")  # names nobody
    arnhem.show_section("parties_and_people")
    parties = people.parts[0]
    party = parties.model.rows[0]
    parties.show_item(party["id"])
    parties.form.widgets["name"].setText(party["name"] + " (nieuw)")
    parties._save_form()
    assert commitments.stale and not college_notes.stale


def test_the_window_and_the_command_line_import_through_the_same_service(window, arnhem, tmp_path, monkeypatch, run):
    from raadsdossier.services import importing

    calls = []
    real = importing.import_files

    def spy(dossier, sources, *args, **kwargs):
        calls.append((dossier.path.name, kwargs.get("dry_run", False)))
        return real(dossier, sources, *args, **kwargs)

    monkeypatch.setattr(importing, "import_files", spy)
    text = (REPO / "tests/fixtures/kamervragen-2022Z11774.txt").read_text(encoding="utf-8")
    path = tmp_path / "vragen.txt"
    path.write_text(text.replace("2022Z11774", "2023Z00077"), encoding="utf-8")
    dialog = window.import_files([path])
    dialog.run_import()
    copy = tmp_path / "kopie.raadsdossier"
    copy.write_bytes((REPO / "resources/demo/dossiers/arnhem-wuhan.raadsdossier").read_bytes())
    assert run("import", copy, path)[0] == 0
    assert calls == [(arnhem.dossier.path.name, True), (arnhem.dossier.path.name, False), ("kopie.raadsdossier", False)]


def test_the_window_and_the_command_line_make_packs_through_the_same_service(window, arnhem, tmp_path, monkeypatch,
                                                                             run, qtbot):
    from PySide6.QtGui import QDesktopServices

    from raadsdossier.services import packs

    calls = []
    real = packs.make

    def spy(dossiers, targets, options, progress=None, isolated=False):
        calls.append(", ".join(d.path.name for d in dossiers))
        return real(dossiers, targets, options, progress, isolated=False)

    monkeypatch.setattr(packs, "make", spy)
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: True))
    dialog = window.export_pack()
    dialog.target.setText(str(tmp_path / "venster"))
    dialog.docx.setChecked(False)
    dialog.start()
    assert (tmp_path / "venster.pdf").is_file()
    code, _out, err = run("pack", arnhem.dossier.path, "-o", tmp_path / "opdrachtregel.pdf")
    assert code == 0, err
    assert calls == [arnhem.dossier.path.name, arnhem.dossier.path.name]
    rows = [dialog.sections.topLevelItem(i) for i in range(dialog.sections.topLevelItemCount())]
    assert all(row.data(0, Qt.ItemDataRole.UserRole) for row in rows)
