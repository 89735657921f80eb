"""The export dialog: a preview of what goes in, the pack made off the GUI thread, then where it went."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton

from raadsdossier.gui import export_dialog, tasks
from raadsdossier.gui.workspace import Settings
from tests.export.conftest import pdf_pages, squash
from tests.gui.test_accessibility import _unnamed


@pytest.fixture
def documents(tmp_path, monkeypatch) -> Path:
    """The user's Documents folder, pointed at a temporary one (only that location; the others are Qt's own)."""
    folder = tmp_path / "Documenten"
    folder.mkdir()
    real = QStandardPaths.writableLocation

    def writable_location(location):
        return str(folder) if location == QStandardPaths.StandardLocation.DocumentsLocation else real(location)

    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(writable_location))
    return folder


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    """What the app asked the system to open; the system always manages."""
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url.toLocalFile()) or True))
    return urls


def _visible_buttons(dialog) -> list[str]:
    return [button.text() for button in dialog.done_buttons.findChildren(QPushButton) if button.isVisible()]


def test_preview_and_make_a_pack(window, arnhem, tmp_path, opened, qtbot, messages):
    dialog = window.export_pack()
    rows = {dialog.sections.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole): dialog.sections.topLevelItem(i)
            for i in range(dialog.sections.topLevelItemCount())}
    assert rows["motions"].text(1) == "1" and rows["notes"].checkState(0) == Qt.CheckState.Unchecked
    qtbot.waitUntil(lambda: dialog.counts is not None)
    assert f"{dialog.counts.included_items} items gaan erin; 0 niet-openbare items blijven eruit" in dialog.summary.text()
    rows["timeline"].setCheckState(0, Qt.CheckState.Unchecked)
    dialog.author.setText("Griffie Arnhem")
    out = tmp_path / "uit"
    out.mkdir()
    dialog.target.setText(str(out / "stuk"))
    dialog.start()
    assert sorted(p.name for p in out.iterdir()) == ["stuk.docx", "stuk.pdf"]
    assert opened == [str(out / "stuk.pdf")]  # "Openen als het klaar is": the PDF, not a word processor too
    assert dialog.progress.value() == dialog.progress.maximum()
    text = squash(" ".join(pdf_pages(out / "stuk.pdf")))
    assert "Griffie Arnhem" in text and "Motie stedenband met Wuhan verbreken" in text
    assert "Tijdlijn" not in text

    # The dialog stays open and says what it made and where.
    assert dialog.isVisible() and dialog.outcome.isVisible() and not dialog.choices.isVisible()
    assert dialog.outcome_title.text() == "Vergaderstuk gemaakt"
    shown = dialog.outcome_text.text()
    assert str(out / "stuk.pdf") in shown and str(out / "stuk.docx") in shown
    assert f"Items in het stuk: {dialog.pack_result.included_items}." in shown
    assert _visible_buttons(dialog) == ["Openen", "Map tonen", "Sluiten"]
    assert not dialog.open_problem_row.isVisible() and messages == []
    assert str(out / "stuk.pdf") in window.statusBar().currentMessage()
    assert _unnamed(dialog) == []

    dialog.folder_button.click()
    assert opened[-1] == str(out)
    dialog.close_button.click()
    assert not dialog.isVisible()


def test_the_first_pack_goes_to_documents_the_next_where_the_last_went(window, arnhem, documents, tmp_path, opened):
    dialog = window.export_pack()
    assert dialog.target.text() == str(documents / "arnhem-wuhan-stuk")
    elsewhere = tmp_path / "raad" / "stukken"
    elsewhere.mkdir(parents=True)
    dialog.target.setText(str(elsewhere / "commissie"))
    dialog.pdf.setChecked(False)  # DOCX alone: quicker, and "Openen" then opens that
    dialog.start()
    assert (elsewhere / "commissie.docx").is_file()
    assert opened == [str(elsewhere / "commissie.docx")]
    dialog.close_button.click()

    again = window.export_pack()
    assert again.target.text() == str(elsewhere / "arnhem-wuhan-stuk")
    again.reject()
    # Remembered in the settings file, for the next start of the app; only the folder.
    assert Settings().pack_folder(arnhem.dossier.path) == elsewhere

    elsewhere.rename(tmp_path / "weg")  # the folder is gone: Documents again, not a folder that errs
    third = window.export_pack()
    assert third.target.text() == str(documents / "arnhem-wuhan-stuk")
    third.reject()


def test_without_a_documents_folder_the_home_folder(window, arnhem, tmp_path, monkeypatch):
    home = tmp_path / "thuis"
    home.mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(lambda location: str(tmp_path / "bestaat-niet")))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("USERPROFILE", str(home))
    assert export_dialog.documents_folder() == home
    dialog = window.export_pack()
    assert Path(dialog.target.text()).parent == home
    dialog.reject()


def test_a_name_alone_goes_into_the_proposed_folder(window, arnhem, documents, opened):
    dialog = window.export_pack()
    dialog.target.setText("raad-maart")
    dialog.pdf.setChecked(False)
    dialog.start()
    assert (documents / "raad-maart.docx").is_file()
    assert str(documents / "raad-maart.docx") in dialog.outcome_text.text()


def test_a_name_with_a_date_in_it_is_saved_whole_with_each_format_after_it(window, arnhem, documents, opened, qtbot):
    dialog = window.export_pack()
    dialog.target.clear()
    qtbot.keyClicks(dialog.target, "raad 12.03.2025")
    dialog.start()
    assert sorted(p.name for p in documents.iterdir()) == ["raad 12.03.2025.docx", "raad 12.03.2025.pdf"]
    shown = dialog.outcome_text.text()
    assert str(documents / "raad 12.03.2025.pdf") in shown and str(documents / "raad 12.03.2025.docx") in shown
    dialog.close_button.click()

    # Typed with the format at its end, in any case: not doubled, and the other format in its place.
    again = window.export_pack()
    again.target.clear()
    qtbot.keyClicks(again.target, "commissie 4.1.PDF")
    assert again.targets() == [documents / "commissie 4.1.pdf", documents / "commissie 4.1.docx"]
    again.reject()


def test_when_no_program_opens_it_the_dialog_says_where_the_file_is(window, arnhem, documents, monkeypatch):
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    dialog = window.export_pack()
    assert dialog.open_when_done.isChecked()
    dialog.docx.setChecked(False)
    dialog.start()
    pdf = documents / "arnhem-wuhan-stuk.pdf"
    assert pdf.is_file()
    assert dialog.open_problem_row.isVisible()
    problem = dialog.open_problem.text()
    assert problem.startswith("Het bestand kon niet worden geopend")
    assert "PDF-bestanden" in problem and str(pdf) in problem
    assert str(pdf) in window.statusBar().currentMessage()

    dialog.folder_button.click()
    assert "De map kon niet worden geopend" in dialog.open_problem.text()
    assert str(documents) in dialog.open_problem.text()


def test_while_the_pack_is_made_the_dialog_is_busy_and_stays_open(window, arnhem, documents, opened, monkeypatch):
    waiting = []
    monkeypatch.setattr(tasks, "run_in_background", lambda fn, done, failed: waiting.append((fn, done, failed)))
    dialog = window.export_pack()
    dialog._count_timer.stop()
    dialog.docx.setChecked(False)
    dialog.start()
    assert len(waiting) == 1
    assert dialog.progress.isVisible() and dialog.progress_label.text() == "Het vergaderstuk wordt gemaakt…"
    assert not dialog.choices.isEnabled() and not dialog.make.isEnabled() and not dialog.buttons.isEnabled()
    dialog.reject()  # Escape, or the window's close button
    assert dialog.isVisible()

    dialog._show_progress(40, 100)
    assert (dialog.progress.value(), dialog.progress.maximum()) == (40, 100)
    fn, done, _failed = waiting.pop()
    done(fn())
    assert dialog.outcome.isVisible() and not dialog.progress.isVisible()
    assert str(documents / "arnhem-wuhan-stuk.pdf") in dialog.outcome_text.text()


def test_a_folder_that_does_not_exist_names_the_file(window, arnhem, tmp_path, opened, messages):
    dialog = window.export_pack()
    target = tmp_path / "bestaat-niet" / "stuk"
    dialog.target.setText(str(target))
    dialog.start()
    assert len(messages) == 1
    kind, title, text = messages[0]
    assert kind == "warning" and str(target.with_suffix(".pdf")) in text and "bestaat niet" in text
    # Back to choosing: nothing made, nothing opened, the buttons usable again.
    assert dialog.choices.isVisible() and dialog.choices.isEnabled() and dialog.make.isEnabled()
    assert not dialog.outcome.isVisible() and not dialog.progress.isVisible()
    assert opened == [] and "stuk" not in window.statusBar().currentMessage()
    dialog.reject()


def test_choosing_confidential_says_the_pack_will_be_marked(window, arnhem, qtbot):
    from raadsdossier.domain.enums import Confidentiality
    from raadsdossier.services import edits

    edits.save_item(arnhem.dossier, "events", {"id": "e1000000-0000-4000-8000-000000000001", "title": "Geheim overleg",
                                          "kind": "other", "date": "2021-09", "confidentiality": "confidential"})
    dialog = window.export_pack()
    qtbot.waitUntil(lambda: dialog.counts is not None)
    public = dialog.counts
    assert public.withheld_items == 1 and public.marking is None
    assert "1 niet-openbare items blijven eruit" in dialog.summary.text()
    assert "VERTROUWELIJK" not in dialog.summary.text()
    dialog.confidential.setChecked(True)
    qtbot.waitUntil(lambda: dialog.counts is not public)
    assert (dialog.counts.included_items, dialog.counts.withheld_items) == (public.included_items + 1, 0)
    assert "VERTROUWELIJK" in dialog.summary.text()
    assert dialog.options().include == frozenset({Confidentiality.CONFIDENTIAL})
    dialog.reject()


def test_a_meeting_pack_over_the_open_dossiers_that_have_the_meeting(window, arnhem, tmp_path, opened, qtbot):
    import json

    from raadsdossier.services import importing, lists
    from tests.export.test_meeting_pack import MEETING, agenda_document

    views = {view.title: view for view in window.views()}
    plans = {"Arnhem – Wuhan": ([("5", "Stedenband Wuhan")], ("5", "Motie evaluatie stedenband Wuhan"), "a"),
             "Enschede – Dalian": ([("10", "Notitie stedenband Dalian")], ("10", "Motie evaluatie stedenband Dalian"), "b")}
    for title, (agenda, motion, prefix) in plans.items():
        dossier = views[title].dossier
        document = tmp_path / f"{prefix}.json"
        document.write_text(json.dumps(agenda_document(lists.page(dossier, "sources")[0]["id"], agenda, motion, prefix)))
        importing.import_files(dossier, [document])
    dialog = window.export_pack()
    assert not dialog.also.isVisibleTo(dialog)  # the whole dossier: one dossier's pack
    dialog.scope.setCurrentIndex(next(i for i in range(dialog.scope.count())
                                      if dialog.scope.itemData(i) == (MEETING, None)))
    offered = [box.text() for box, _dossier in dialog.also_boxes]
    assert offered == ["Enschede – Dalian"] and dialog.also.isVisibleTo(dialog)  # Breda and Maastricht lack it
    dialog.also_boxes[0][0].setChecked(True)
    dialog.html.setChecked(True)
    out = tmp_path / "uit"
    out.mkdir()
    dialog.target.setText(str(out / "vergadering"))
    dialog.start()
    assert sorted(p.name for p in out.iterdir()) == ["vergadering.docx", "vergadering.html", "vergadering.pdf"]
    text = squash(" ".join(pdf_pages(out / "vergadering.pdf")))
    assert text.index("Agendapunt 5: Stedenband Wuhan") < text.index("Agendapunt 10: Notitie stedenband Dalian")
    assert "Arnhem – Wuhan: M7 Motie evaluatie stedenband Wuhan" in text
    assert "Dossiers in het stuk: Arnhem – Wuhan, Enschede – Dalian." in dialog.outcome_text.text()


def test_a_meeting_pack_offers_the_whole_agenda_and_its_choice_reaches_the_pack(window, arnhem, tmp_path, opened):
    import json

    from raadsdossier.services import importing, lists
    from tests.export.test_meeting_pack import MEETING, agenda_document

    dossier = {view.title: view for view in window.views()}["Arnhem – Wuhan"].dossier
    document = tmp_path / "a.json"
    agenda = [("3", "Vaststelling van de agenda"), ("5", "Stedenband Wuhan")]
    document.write_text(json.dumps(agenda_document(lists.page(dossier, "sources")[0]["id"], agenda,
                                                   ("5", "Motie evaluatie stedenband Wuhan"), "a")))
    importing.import_files(dossier, [document])
    dialog = window.export_pack()
    assert not dialog.whole_agenda.isVisibleTo(dialog)  # the whole dossier: no agenda
    dialog.scope.setCurrentIndex(next(i for i in range(dialog.scope.count()) if dialog.scope.itemData(i) == (MEETING, None)))
    assert dialog.whole_agenda.isVisibleTo(dialog)
    assert not dialog.options().whole_agenda
    dialog.whole_agenda.setChecked(True)
    assert dialog.options().whole_agenda
    out = tmp_path / "uit"
    out.mkdir()
    dialog.target.setText(str(out / "vergadering"))
    dialog.start()
    text = squash(" ".join(pdf_pages(out / "vergadering.pdf")))
    assert "Agendapunt 3: Vaststelling van de agenda" in text and "Geen van de dossiers heeft stukken" in text
    dialog.scope.setCurrentIndex(next(i for i in range(dialog.scope.count()) if dialog.scope.itemData(i) == (MEETING, "5")))
    assert not dialog.whole_agenda.isVisibleTo(dialog)  # one agenda item: nothing to choose
