"""Start-up in two steps: the window shows every dossier's first screen before the data layer is imported,
then opens each dossier in its own tab's place."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from raadsdossier.services.dossiers import PartnershipFields, create_dossier
from raadsdossier.gui import prompts
from raadsdossier.gui.app import finish_start, start_window
from raadsdossier.gui.glance_view import GlanceView
from raadsdossier.gui.workspace import Settings

DEMOS = ["arnhem-wuhan", "breda-yangzhou", "enschede-dalian", "maastricht-chengdu"]
TITLES = ["Arnhem – Wuhan", "Breda – Yangzhou", "Enschede – Dalian", "Maastricht – Chengdu"]


@pytest.fixture
def demo_files(demo_copy):
    return [demo_copy(slug) for slug in DEMOS]


def _child_env(home) -> dict:
    return {**os.environ, "RAADSDOSSIER_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}


def _reopening(files) -> str:
    """A child's line that saves settings as a start left them with `files` open: the next start reopens them."""
    return ("from pathlib import Path; from raadsdossier.gui.workspace import Settings; settings = Settings(); "
            f"settings.open_files = [Path(p) for p in {[str(p) for p in files]!r}]; settings.mark_welcomed(); "
            "settings.save()")


def test_first_screen_is_shown_before_the_data_layer_is_imported(demo_files, tmp_path):
    code = textwrap.dedent(f"""
        import json, sys
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from raadsdossier.gui.app import start_window
        from raadsdossier.gui.glance_view import GlanceNavigator
        window = start_window([Path(p) for p in {[str(p) for p in demo_files]!r}])
        window.tabs.setCurrentIndex(2)
        window.show()
        app.processEvents()
        shown = window.tabs.currentWidget()
        print(json.dumps({{
            "loaded": sorted(m for m in ("sqlalchemy", "alembic", "jsonschema") if m in sys.modules),
            "tabs": [window.tabs.tabText(i) for i in range(window.tabs.count())],
            "title": window.windowTitle(),
            "summary": shown.current_section().shown_text(),
            "sections": len(shown.findChild(GlanceNavigator).titles),
        }}))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_child_env(tmp_path / "home"),
                         timeout=120)
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["loaded"] == []
    assert seen["tabs"] == TITLES
    assert seen["title"] == "Enschede – Dalian — Raadsdossier"
    assert "大连" in seen["summary"] and "Amnesty-checklist: 0 van 32 afgerond" in seen["summary"]
    assert seen["sections"] == 16


def test_the_dossiers_open_in_their_own_tabs_and_the_current_one_stays(qtbot, app_home, messages, demo_files):
    window = start_window(demo_files, Settings())
    qtbot.addWidget(window)
    window.tabs.setCurrentIndex(1)
    window.show()
    assert window.views() == [] and len(window.glances()) == 4
    assert window.current_view() is None and not window.export_action.isEnabled()
    glanced = window.tabs.currentWidget().current_section().shown_text()
    finish_start(window, demo_files)
    assert window.glances() == []
    assert [view.title for view in window.views()] == TITLES
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == TITLES
    assert window.current_view().title == "Breda – Yangzhou"
    overview = window.current_view().current_section()
    assert overview.key == "overview" and not overview.glanced and overview.form is not None
    assert overview.shown_text() == glanced  # the same first screen, now with its form
    assert window.export_action.isEnabled()
    assert [str(p) for p in Settings().open_files] == [str(p.resolve()) for p in demo_files]
    assert messages == []


def test_a_tab_closed_before_it_opened_stays_closed(qtbot, app_home, messages, demo_files):
    window = start_window(demo_files, Settings())
    qtbot.addWidget(window)
    window.show()
    window.close_tab(0)
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == TITLES[1:]
    assert [p.name for p in Settings().open_files] == [p.name for p in demo_files[1:]]
    finish_start(window, [])
    assert [view.title for view in window.views()] == TITLES[1:]


def test_an_encrypted_dossier_waits_for_its_password_in_its_place(qtbot, app_home, messages, demo_files, tmp_path,
                                                                   monkeypatch):
    secret = tmp_path / "geheim.raadsdossier"
    create_dossier(secret, PartnershipFields(dutch_side="Zwolle", level="municipality", partner_name="Hangzhou"),
                   password="geheim-wachtwoord")
    files = [demo_files[0], secret, demo_files[1]]
    asked = []
    monkeypatch.setattr(prompts, "ask_password",
                        lambda parent, title, text, **kw: asked.append(text) or ("geheim-wachtwoord", False))
    window = start_window(files, Settings())
    qtbot.addWidget(window)
    window.tabs.setCurrentIndex(1)
    window.show()
    waiting = window.tabs.currentWidget()
    assert isinstance(waiting, GlanceView) and waiting.current_section() is None  # nothing read without the password
    assert window.tabs.tabText(1) == "geheim"
    finish_start(window, [])
    assert len(asked) == 1 and "geheim.raadsdossier" in asked[0]
    assert [view.title for view in window.views()] == ["Arnhem – Wuhan", "Zwolle – Hangzhou", "Breda – Yangzhou"]
    assert window.current_view().title == "Zwolle – Hangzhou"


def test_a_dossier_gone_before_it_opened_is_reported_and_its_tab_removed(qtbot, app_home, messages, demo_files):
    window = start_window(demo_files[:2], Settings())
    qtbot.addWidget(window)
    window.show()
    demo_files[0].unlink()
    finish_start(window, [])
    assert [view.title for view in window.views()] == ["Breda – Yangzhou"]
    assert window.tabs.count() == 1
    assert any(demo_files[0].name in text for _kind, _title, text in messages)


def test_the_real_start_loads_the_data_layer_on_a_worker_and_opens_everything(demo_files, tmp_path):
    """The app as launched: the window first, the import on the thread pool, then every dossier opened."""
    home = tmp_path / "home"
    settings_home = _child_env(home)
    code = textwrap.dedent(f"""
        import gc, json, sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        {_reopening(demo_files)}
        states = []
        real_exec = QApplication.exec
        def exec_(*args):
            app = QApplication.instance()
            window = next(w for w in app.topLevelWidgets() if hasattr(w, "views"))
            def poll():
                states.append((len(window.glances()), len(window.views()), "sqlalchemy" in sys.modules))
                if window.glances() or not window.views():
                    QTimer.singleShot(5, poll)
                    return
                print(json.dumps({{"first": states[0], "titles": [v.title for v in window.views()],
                                  "frozen": gc.get_freeze_count() > 0}}))
                app.quit()
            QTimer.singleShot(0, poll)
            return real_exec()
        QApplication.exec = exec_
        from raadsdossier.cli import main
        sys.exit(main([]))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=settings_home, timeout=120)
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["first"][:2] == [4, 0]  # the first turn of the event loop: four glances, nothing opened yet
    assert seen["titles"] == TITLES
    assert seen["frozen"]


def test_quitting_at_once_waits_for_the_work_started_on_workers(demo_files, tmp_path):
    """Quit in the event loop's first turn, while the icons' font is being loaded and the data layer imported on
    workers: the app waits for them before it is torn down (quitting while a worker added the font crashed it)."""
    code = textwrap.dedent(f"""
        import sys
        from PySide6.QtCore import QThreadPool, QTimer
        from PySide6.QtWidgets import QApplication
        {_reopening(demo_files)}
        real_exec = QApplication.exec
        def exec_(*args):
            QTimer.singleShot(0, QApplication.instance().quit)  # after the first paint's own, which starts them
            return real_exec()
        QApplication.exec = exec_
        from raadsdossier.cli import main
        code = main([])
        print("RUNNING", QThreadPool.globalInstance().activeThreadCount(), flush=True)
        sys.exit(code)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=_child_env(tmp_path / "home"), timeout=120)
    assert out.returncode == 0, out.stderr
    assert "RUNNING 0" in out.stdout.splitlines()


def test_a_broken_installation_is_said_in_a_sentence(qtbot, app_home, messages, demo_files):
    window = start_window(demo_files[:1], Settings())
    qtbot.addWidget(window)
    window.show()
    window.data_layer_failed(ImportError("No module named 'sqlalchemy'"))
    assert messages and messages[0][0] == "critical"
    assert "No module named 'sqlalchemy'" in messages[0][2] and "niet veranderd" in messages[0][2]
    assert window.glances()[0].current_section().data is not None  # the first screen stays readable


def test_a_first_start_shows_the_demo_dossiers_without_the_data_layer(tmp_path):
    code = textwrap.dedent("""
        import json, sys
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from raadsdossier.gui.app import start_window
        window = start_window([])
        window.show()
        app.processEvents()
        print(json.dumps({"loaded": "sqlalchemy" in sys.modules,
                          "tabs": [window.tabs.tabText(i) for i in range(window.tabs.count())],
                          "filled": window.tabs.currentWidget().current_section().data is not None}))
    """)
    home = tmp_path / "home"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_child_env(home), timeout=120)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.strip().splitlines()[-1]) == {"loaded": False, "tabs": TITLES, "filled": True}
    assert sorted(p.name for p in (home / "voorbeelden").glob("*.raadsdossier")) == [f"{s}.raadsdossier" for s in DEMOS]
