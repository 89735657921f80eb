"""The icons' font (qtawesome's) is loaded on a worker thread: loading it on the GUI thread stopped the window for a
quarter of a second right after start-up's first paint, or when a first dossier opened."""

from __future__ import annotations

import textwrap

from tests.gui.test_startup_first_paint import _real_start


def test_the_real_start_loads_the_icon_fonts_off_the_gui_thread_and_shows_the_icons(tmp_path):
    code = textwrap.dedent("""
        import json, sys, threading
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        import qtawesome.iconic_font as iconic_font

        seen = {"on_gui_thread": []}
        load_font = iconic_font.IconicFont.load_font
        def recorded(self, *args, **kwargs):
            seen["on_gui_thread"].append(threading.current_thread() is threading.main_thread())
            return load_font(self, *args, **kwargs)
        iconic_font.IconicFont.load_font = recorded

        real_exec = QApplication.exec
        def exec_(*args):
            app = QApplication.instance()
            window = next(w for w in app.topLevelWidgets() if hasattr(w, "views"))
            actions = [action for action in window.toolbar.actions() if action.text()]
            def poll():
                if actions and all(not action.icon().isNull() for action in actions):
                    seen["icons"] = len(actions)
                    app.quit()
                else:
                    QTimer.singleShot(20, poll)
            QTimer.singleShot(0, poll)
            QTimer.singleShot(60_000, app.quit)
            return real_exec()
    """)
    out, seen = _real_start(code, tmp_path)
    assert seen.get("icons", 0) >= 5, f"the toolbar never showed its icons: {out.stderr[-2000:]}"
    assert seen["on_gui_thread"] and not any(seen["on_gui_thread"])  # every font loaded, none on the GUI thread
