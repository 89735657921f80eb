"""Render the main screens of the demo dossiers offscreen to docs/screenshots/*.png.

Usage: .venv/bin/python scripts/screenshots.py [OUTDIR]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHOTS = [  # (file, dossier title, section key)
    ("overzicht", "Enschede – Dalian", "overview"),
    ("tijdlijn", "Arnhem – Wuhan", "timeline"),
    ("moties", "Arnhem – Wuhan", "motions"),
    ("vragen", "Arnhem – Wuhan", "question_sets"),
    ("checklist", "Breda – Yangzhou", "checklist"),
    ("kosten", "Maastricht – Chengdu", "costs_and_outcomes"),
    ("gebeurtenissen", "Breda – Yangzhou", "events"),
]


def main(out_dir: Path) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as home:
        os.environ["RAADSDOSSIER_HOME"] = home
        from raadsdossier.gui import tasks
        from raadsdossier.gui.app import build_window

        tasks.SYNCHRONOUS = True
        window = build_window([])
        window.resize(1280, 820)
        window.show()
        out_dir.mkdir(parents=True, exist_ok=True)
        written = []
        for name, title, key in SHOTS:
            index = [view.title for view in window.views()].index(title)
            window.tabs.setCurrentIndex(index)
            section = window.current_view().show_section(key)
            model = getattr(section, "model", None)
            if model is not None and model.rows:
                section.show_item(model.rows[0]["id"])
            for part in getattr(section, "parts", []):
                if part.model.rows:
                    part.show_item(part.model.rows[0]["id"])
            if key == "checklist":
                section.tree.setCurrentItem(section.tree.topLevelItem(0).child(0))
            for _ in range(10):  # let nested layouts (scroll areas, group boxes) settle
                app.processEvents()
            target = out_dir / f"{name}.png"
            window.grab().save(str(target))
            written.append(target)
        window.close()
    return written


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "docs" / "screenshots"
    for path in main(out):
        print(path)
