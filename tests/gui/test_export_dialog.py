"""The export dialog: a preview of what goes in, then the pack made off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from tests.export.conftest import pdf_pages, squash


def test_preview_and_make_a_pack(window, arnhem, tmp_path, monkeypatch, qtbot):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
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
    assert sorted(opened) == [str(out / "stuk.docx"), str(out / "stuk.pdf")]
    assert dialog.progress.value() == dialog.progress.maximum()
    text = squash(" ".join(pdf_pages(out / "stuk.pdf")))
    assert "Griffie Arnhem" in text and "Motie stedenband met Wuhan verbreken" in text
    assert "Tijdlijn" not in text


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
