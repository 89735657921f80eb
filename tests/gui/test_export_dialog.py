"""The export dialog: a preview of what goes in, then the pack made off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from tests.export.conftest import pdf_pages, squash


def test_preview_and_make_a_pack(window, arnhem, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    dialog = window.export_pack()
    rows = {dialog.sections.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole): dialog.sections.topLevelItem(i)
            for i in range(dialog.sections.topLevelItemCount())}
    assert rows["motions"].text(1) == "1" and rows["notes"].checkState(0) == Qt.CheckState.Unchecked
    assert "niet-openbare items blijven eruit" in dialog.summary.text()
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


def test_choosing_confidential_says_the_pack_will_be_marked(window, arnhem):
    from raadsdossier.services import items

    items.save(arnhem.dossier, "events", {"id": "e1000000-0000-4000-8000-000000000001", "title": "Geheim overleg",
                                          "kind": "other", "confidentiality": "confidential"})
    dialog = window.export_pack()
    assert "VERTROUWELIJK" not in dialog.summary.text()
    dialog.confidential.setChecked(True)
    assert "VERTROUWELIJK" in dialog.summary.text()
    assert dialog.options().include == frozenset({"confidential"})
    dialog.reject()
