"""The first screen of start-up loads only what it shows: no icons, no search results, no dialogs, no command
line (bench/run.py "start" measures it against a bare window)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

DEMOS = ["arnhem-wuhan", "breda-yangzhou", "enschede-dalian", "maastricht-chengdu"]
TITLES = ["Arnhem – Wuhan", "Breda – Yangzhou", "Enschede – Dalian", "Maastricht – Chengdu"]
NOT_ON_THE_FIRST_SCREEN = (
    "qtawesome", "qtpy", "sqlalchemy", "raadsdossier.gui.icons", "raadsdossier.gui.search_results",
    "raadsdossier.gui.dossier_view", "raadsdossier.gui.dialogs", "raadsdossier.gui.forms", "raadsdossier.cli.commands",
    "raadsdossier.cli.safety", "raadsdossier.services.changes", "raadsdossier.domain.votes", "socket", "html",
    "hashlib", "raadsdossier.domain.enums",
)


def test_the_first_screen_imports_only_what_it_shows(tmp_path):
    code = textwrap.dedent(f"""
        import gc, json, sys
        from PySide6.QtWidgets import QApplication
        def exec_(*args):  # the event loop as entered: the first screen is shown, nothing queued has run
            window = next(w for w in QApplication.instance().topLevelWidgets() if hasattr(w, "views"))
            print(json.dumps({{"loaded": sorted(m for m in {NOT_ON_THE_FIRST_SCREEN!r} if m in sys.modules),
                              "tabs": window.tabs.count(),
                              "filled": window.tabs.currentWidget().current_section().data is not None,
                              "collecting": gc.isenabled()}}))
            return 0
        QApplication.exec = exec_
        from raadsdossier.cli import main
        sys.exit(main([]))
    """)
    env = {**os.environ, "RAADSDOSSIER_HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen == {"loaded": [], "tabs": 4, "filled": True, "collecting": True}


def test_a_first_start_copies_the_built_demo_dossiers_and_checks_them_after_the_first_screen(qtbot, app_home,
                                                                                            messages, monkeypatch):
    from raadsdossier.gui.app import finish_start, start_window
    from raadsdossier.gui.workspace import Settings
    from raadsdossier.services import demo, dossiers

    window = start_window([], Settings())
    qtbot.addWidget(window)
    window.show()
    copies = window.unchecked_demo_copies
    assert [path.name for path in copies] == [f"{slug}.raadsdossier" for slug in DEMOS]
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == TITLES
    # The check after the first screen finds the built ones not current (as after a change of the demo
    # documents without building them again): the copies go, and the demo dossiers are built instead.
    shipped = demo.prebuilt
    monkeypatch.setattr(demo, "prebuilt", lambda check=True: None if check else shipped(check))
    built = []
    create = dossiers.create_from_document
    monkeypatch.setattr(dossiers, "create_from_document", lambda path, *a, **k: built.append(path.name) or
                        create(path, *a, **k))
    finish_start(window, [])
    assert sorted(built) == [f"{slug}.raadsdossier" for slug in DEMOS]
    assert window.glances() == [] and sorted(view.title for view in window.views()) == TITLES
    assert window.unchecked_demo_copies is None and messages == []
