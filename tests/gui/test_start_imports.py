"""The first screen of start-up loads only what it shows: no icons, no search results, no dialogs, no command
line (bench/run.py "start" measures it against a bare window)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

NOT_ON_THE_FIRST_SCREEN = (
    "qtawesome", "qtpy", "sqlalchemy", "raadsdossier.gui.icons", "raadsdossier.gui.search_results",
    "raadsdossier.gui.dossier_view", "raadsdossier.gui.dialogs", "raadsdossier.gui.forms", "raadsdossier.cli.commands",
    "raadsdossier.cli.safety", "raadsdossier.services.changes", "raadsdossier.domain.votes", "socket", "html",
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
