"""Screenshots of the real window, offscreen, from the demo dossiers.

Usage:
  .venv/bin/python scripts/screenshots.py            # the README's (docs/screenshots/) and the manual's, 1280×800:
                                                     # Dutch (resources/manual/images/) and English (…/images/en/)
  .venv/bin/python scripts/screenshots.py --all DIR  # every section in read and edit mode, in Dutch and
                                                     # English, at 1280×800 and 1920×1080: DIR/nl/1280x800/…

Each language runs in a fresh process (a window's texts are set when it is built, in the language then
installed). Sections with an edit mode (lists, the overview's facts, the checklist) are shot twice:
"-lezen" and "-bewerken". Each section is shown in the demo dossier that has the most of it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SIZES = [(1280, 800), (1920, 1080)]
# Items worth showing where a section has several (the first row otherwise).
PREFERRED = {"question_sets": "2022Z11774", "motions": "Wuhan"}


def _settle(app, rounds: int = 12) -> None:
    for _ in range(rounds):  # nested layouts, lazily read models and background reads (synchronous here)
        app.processEvents()


def _window(language: str):
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from raadsdossier.gui import tasks
    from raadsdossier.gui.app import build_window, install_translations

    tasks.SYNCHRONOUS = True
    app._translators = install_translations(app, language)
    window = build_window([])
    window.show()
    from raadsdossier.gui import icons

    icons._qtawesome()  # the icons the window asks for after its first screen, loaded now
    window.decorate()
    for view in window.views():
        view.decorate()
        view.refresh_counts()
    _settle(app)
    return app, window


def _parts(section):
    return [part for part in getattr(section, "parts", [section])]


def _richest_view(window, key: str):
    """The open dossier with the most items in section `key`, and that section's part to show."""
    from raadsdossier.domain import kinds
    from raadsdossier.interchange.spec import KIND_BY_KEY
    from raadsdossier.services import lists

    keys = [kind.key for kind in kinds.SECTION_BY_KEY[key].kinds if kind.key in KIND_BY_KEY]
    if not keys:
        return window.views()[0]
    return max(window.views(), key=lambda view: sum(lists.count(view.dossier, k) for k in keys))


def _choose_item(part) -> None:
    model = getattr(part, "model", None)
    if model is None or not model.rows:
        return
    wanted = PREFERRED.get(part.key)
    row = next((r for r in model.rows if wanted and wanted in " ".join(str(v) for v in r.values())), model.rows[0])
    part.show_item(row["id"])


def _shoot(app, window, target: Path) -> Path:
    _settle(app)
    target.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(target))
    return target


def all_sections(out_dir: Path, language: str) -> list[Path]:
    """Every section, read and edit mode, at each size, in `language` (this process's only window)."""
    app, window = _window(language)
    written = []
    for width, height in SIZES:
        window.resize(width, height)
        _settle(app)
        for number, key in enumerate(window.views()[0].section_keys(), start=1):
            view = _richest_view(window, key)
            window.tabs.setCurrentWidget(view)
            section = view.show_section(key)
            part = next((p for p in _parts(section) if getattr(p, "model", None) is None or p.model.rows),
                        _parts(section)[0])
            if part is not section and hasattr(section, "tabs"):
                section.tabs.setCurrentWidget(part)
            _choose_item(part)
            if key == "checklist":
                section.tree.setCurrentItem(section.tree.topLevelItem(0).child(0))
            if hasattr(part, "read"):
                part.read()
            stem = out_dir / language / f"{width}x{height}" / f"{number:02d}-{key}"
            written.append(_shoot(app, window, stem.with_name(stem.name + "-lezen.png")))
            if hasattr(part, "edit") and getattr(part, "mode", None):
                part.edit()
                if part.mode():  # it has an edit mode, and an item to edit
                    written.append(_shoot(app, window, stem.with_name(stem.name + "-bewerken.png")))
                part.read()
    window.close()
    return written


def readme_and_manual(language: str = "nl") -> list[Path]:
    """The README's screenshots (Dutch) and the manual's, 1280×800: in Dutch, or for the English manual in English
    (resources/manual/images/en/; gui/manual.py shows those in the English manual)."""
    app, window = _window(language)
    window.resize(1280, 800)
    manual = REPO / "resources" / "manual" / "images"
    manual = manual if language == "nl" else manual / language
    manual.mkdir(parents=True, exist_ok=True)
    docs = REPO / "docs" / "screenshots" if language == "nl" else Path(tempfile.mkdtemp())  # the README's: Dutch
    written = []

    def section(key: str):
        view = _richest_view(window, key)
        window.tabs.setCurrentWidget(view)
        shown = view.show_section(key)
        for part in _parts(shown):
            _choose_item(part)
        if hasattr(shown, "read"):
            shown.read()
        return view, shown

    for name, key in (("overzicht", "overview"), ("tijdlijn", "timeline"), ("vragen", "question_sets"),
                      ("kosten", "costs_and_outcomes"), ("gebeurtenissen", "events")):
        section(key)
        written.append(_shoot(app, window, docs / f"{name}.png"))
    _view, checklist = section("checklist")
    checklist.tree.setCurrentItem(checklist.tree.topLevelItem(0).child(0))
    written.append(_shoot(app, window, docs / "checklist.png"))
    view, motions = section("motions")
    written.append(_shoot(app, window, docs / "moties.png"))
    written.append(_shoot(app, window, manual / "venster.png"))
    motions.edit()
    written.append(_shoot(app, window, docs / "moties-bewerken.png"))
    written.append(_shoot(app, window, manual / "bewerken.png"))
    motions.read()
    section("overview")
    written.append(_shoot(app, window, manual / "overzicht.png"))

    from raadsdossier.gui.import_dialog import ImportDialog

    dialog = ImportDialog(view, [REPO / "tests" / "fixtures" / "kamervragen-2022Z11774.txt"], window)
    dialog.resize(860, 520)
    dialog.show()
    _settle(app)
    written.append(_shoot(app, dialog, manual / "importeren.png"))
    dialog.reject()
    export = window.export_pack()
    # A reader's Documents folder, not the build machine's (the dialog proposes the user's own)
    documents = "/home/raadslid/Documenten" if language == "nl" else "/home/councillor/Documents"
    export.target.setText(f"{documents}/{Path(export.target.text()).name}")
    export.show()
    export._count_timer.timeout.emit()  # the count it makes 150 ms after a change, now
    _settle(app)
    written.append(_shoot(app, export, manual / "vergaderstuk.png"))
    export.reject()
    window.close()
    return [path for path in written if REPO in path.parents]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", metavar="DIR", type=Path, help="every section, both modes, languages and sizes")
    parser.add_argument("--language", choices=["nl", "en"], help=argparse.SUPPRESS)  # one language (a process each)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as home:
        os.environ["RAADSDOSSIER_HOME"] = home
        if args.all and args.language:
            written = all_sections(args.all, args.language)
        elif args.all:
            for language in ("nl", "en"):  # a process each: the window's texts follow the language it starts in
                subprocess.run([sys.executable, __file__, "--all", str(args.all), "--language", language], check=True)
            return 0
        elif args.language:
            written = readme_and_manual(args.language)
        else:
            written = readme_and_manual("nl")
            subprocess.run([sys.executable, __file__, "--language", "en"], check=True)  # its own process: see above
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
