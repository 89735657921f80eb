"""The window's size: it fits on the screen it first opens on (a 1366×768 laptop, a 1280×800 one), and it opens
again as it was closed: size, place, maximized; closing it minimized or on a full disk loses nothing else."""

from __future__ import annotations

import errno
import json
import textwrap
from pathlib import Path

import pytest

from raadsdossier.gui.mainwindow import DEFAULT_SIZE, MainWindow, fitted_size
from raadsdossier.gui.workspace import Settings
from raadsdossier.storage import backups
from tests.gui.test_startup_first_paint import _real_start


def _open(qtbot, settings: Settings | None = None) -> MainWindow:
    window = MainWindow(settings or Settings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_default_size_is_made_smaller_only_where_the_screen_has_less_room():
    assert fitted_size(DEFAULT_SIZE, (1920, 1040)) == DEFAULT_SIZE
    width, height = fitted_size(DEFAULT_SIZE, (1366, 728))  # a laptop's 768 lines less a task bar
    assert width == DEFAULT_SIZE[0] and height < 728 < DEFAULT_SIZE[1]
    width, height = fitted_size(DEFAULT_SIZE, (1024, 600))
    assert width < 1024 and height < 600


def test_a_first_window_fits_on_a_screen_smaller_than_its_default_size(qtbot, app_home, messages):
    window = _open(qtbot)
    room = window.screen().availableGeometry()
    assert room.width() < DEFAULT_SIZE[0] and room.height() < DEFAULT_SIZE[1]  # the tests' offscreen screen: 800×800
    assert room.contains(window.frameGeometry())


def _screen(name: str, x: int, width: int, height: int) -> dict:
    return {"name": name, "x": x, "y": 0, "width": width, "height": height, "logicalDpi": 96, "dpr": 1.0}


LAPTOP, OLD_LAPTOP, MONITOR = (1366, 768), (1280, 800), (1920, 1080)


@pytest.mark.parametrize("screens, expected", [
    ([_screen("laptop", 0, *LAPTOP)], "fits"),
    ([_screen("laptop", 0, *OLD_LAPTOP)], "fits"),
    ([_screen("monitor", 0, *MONITOR)], DEFAULT_SIZE),
    # the primary screen (Qt's first) a laptop's, right of a monitor; the pointer on the monitor
    ([_screen("laptop", MONITOR[0], *LAPTOP), _screen("monitor", 0, *MONITOR)], "fits"),
], ids=["1366x768", "1280x800", "1920x1080", "laptop beside a monitor"])
def test_the_app_started_on_a_screen_opens_at_its_default_size_or_fitting_it(tmp_path, screens, expected):
    """The real start (`raadsdossier`, a first start) on offscreen screens of those sizes."""
    (tmp_path / "screens.json").write_text(json.dumps({"screens": screens}))
    code = textwrap.dedent("""
        import json, sys
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtWidgets import QApplication
        seen = {}
        def exec_(*args):
            window = next(w for w in QApplication.instance().topLevelWidgets() if hasattr(w, "views"))
            frame = window.frameGeometry()
            seen.update(size=[window.width(), window.height()], tabs=window.tabs.count(),
                        fits=all(frame.width() <= screen.availableGeometry().width()
                                 and frame.height() <= screen.availableGeometry().height()
                                 for screen in QGuiApplication.screens()))
            return 0
    """)
    _out, seen = _real_start(code, tmp_path, platform="offscreen:configfile=screens.json")
    assert seen["tabs"] == 4 and seen["fits"]  # on whichever of the screens the window manager puts it
    if expected == "fits":
        assert seen["size"][1] < DEFAULT_SIZE[1]
    else:
        assert tuple(seen["size"]) == expected


def test_the_window_opens_again_at_the_size_and_place_it_was_closed_at(qtbot, app_home, messages):
    window = _open(qtbot)
    window.resize(700, 500)
    window.move(40, 30)
    qtbot.waitUntil(lambda: window.width() == 700 and window.pos().x() == 40)
    window.close()

    again = _open(qtbot, Settings())  # read from the file, as a new start does
    assert (again.width(), again.height()) == (700, 500)
    assert (again.pos().x(), again.pos().y()) == (40, 30)


def test_a_window_closed_maximized_opens_maximized(qtbot, app_home, messages):
    window = _open(qtbot)
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    window.close()

    again = _open(qtbot, Settings())
    assert again.isMaximized()


@pytest.mark.parametrize("saved", ["not base64 at all ✗", "AAAA", 12])
def test_an_unreadable_saved_size_gives_the_default_one(qtbot, app_home, messages, saved):
    settings = Settings()
    settings.data["window_geometry"] = saved
    settings.save()

    window = _open(qtbot, Settings())
    room = window.screen().availableGeometry()
    assert room.contains(window.frameGeometry())
    assert (window.width(), window.height()) == fitted_size(DEFAULT_SIZE, (room.width(), room.height()))


def test_a_window_closed_while_minimized_keeps_the_size_saved_before(qtbot, app_home, messages):
    window = _open(qtbot)
    window.resize(700, 500)
    window.close()
    again = _open(qtbot, Settings())
    again.resize(900, 600)
    again.showMinimized()
    again.close()

    third = _open(qtbot, Settings())
    assert (third.width(), third.height()) == (700, 500)


def test_closing_the_window_when_the_settings_cannot_be_written_still_closes_each_dossier(
        qtbot, app_home, messages, new_dossier, monkeypatch):
    """A full disk refuses the settings (open files, the window's size): the dossiers are closed anyway, with the
    automatic backup that closing makes."""
    window = _open(qtbot)
    window.open_path(new_dossier)

    def full(self):
        raise OSError(errno.ENOSPC, "No space left on device", str(self.path))

    monkeypatch.setattr(Settings, "save", full)
    window.close()
    assert [b.reason_nl for b in backups.list_backups(new_dossier)] == ["automatisch"]


def test_settings_that_cannot_be_written_stay_as_they_were_with_no_temporary_beside_them(app_home, monkeypatch):
    """A full disk while the settings are written: the file keeps what it held and nothing is left beside it. Each
    process writes under a name of its own: two windows of the app saving at once never share a temporary."""
    import os

    first = Settings()
    first.data["language"] = "en"
    first.save()
    before = first.path.read_bytes()
    written = []
    real_replace = os.replace

    def full(source, target):
        written.append(Path(source).name)
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(os, "replace", full)
    first.data["language"] = "nl"
    with pytest.raises(OSError):
        first.save()
    monkeypatch.setattr(os, "replace", real_replace)
    assert first.path.read_bytes() == before
    assert sorted(path.name for path in first.path.parent.iterdir() if path.is_file()) == [first.path.name]
    assert written[0].startswith(".instellingen.json.") and str(os.getpid()) in written[0]


def test_what_a_crashed_run_left_while_writing_the_settings_is_removed_when_they_are_next_saved(app_home):
    """A run of the app killed while it wrote the settings leaves its temporary beside them; the next save removes
    it, and leaves one that another running app is writing now."""
    import os
    import subprocess
    import sys

    from raadsdossier.base import tempfiles

    settings = Settings()
    settings.save()
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    crashed = tempfiles.beside(settings.path).name.replace(f"-{os.getpid()}-", f"-{ended.stdout.strip()}-")
    (settings.path.parent / crashed).write_text("{\"language\": ", encoding="utf-8")
    running = settings.path.parent / tempfiles.beside(settings.path).name.replace(f"-{os.getpid()}-", "-1-")
    running.write_text("{}", encoding="utf-8")  # process 1 runs: it may be writing right now

    settings.data["language"] = "en"
    settings.save()
    names = sorted(path.name for path in settings.path.parent.iterdir() if path.is_file())
    assert names == sorted([settings.path.name, running.name])
    assert Settings().language == "en"
