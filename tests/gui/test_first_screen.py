"""What the window shows first is worked out and read before the window's modules are imported (gui/first_screen.py,
cli/launch.py), and fontconfig is loaded beside them (gui/fontconfig.py): what is read ahead is what the window
would read itself, and whatever goes wrong ahead is met again where the window says what is wrong."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest

from raadsdossier.base.paths import resource
from raadsdossier.gui import first_screen, fontconfig
from raadsdossier.gui.workspace import Settings
from raadsdossier.storage import glance

DEMOS = ["arnhem-wuhan", "breda-yangzhou", "enschede-dalian", "maastricht-chengdu"]


@pytest.fixture(autouse=True)
def _nothing_started():
    first_screen._started = None
    yield
    first_screen._started = None


def test_the_glances_read_ahead_are_those_the_window_reads(app_home, demo_copy):
    files = [demo_copy(slug) for slug in DEMOS]
    first_screen.start(files)
    screen = first_screen.take(files)
    assert screen.paths == files and screen.read_from is None and screen.uncopied is None
    read = screen.glances()
    assert read[0] == glance.glance(files[0])
    assert read[1:] == [glance.glance_partnership(path) for path in files[1:]]
    assert [part["partner_name"] for part in read[1:]] == ["Yangzhou", "Dalian", "Chengdu"]


def test_what_was_started_is_taken_once_and_only_for_the_same_start(app_home, demo_copy):
    files = [demo_copy(slug) for slug in DEMOS[:2]]
    first_screen.start(files)
    started = first_screen._started
    assert first_screen.take(files[:1]) is not started  # other files: worked out again
    first_screen.start(files)
    started = first_screen._started
    assert first_screen.take(files, Settings()) is not started  # other settings: likewise
    first_screen.start(files)
    started = first_screen._started
    assert first_screen.take(files) is started
    assert first_screen.take(files) is not started  # once


def test_a_first_start_reads_the_shipped_demo_dossiers_until_they_are_copied(app_home):
    from raadsdossier.services import demo

    screen = first_screen.take([])
    assert [path.stem for path in screen.paths] == DEMOS
    assert screen.uncopied == screen.paths and not any(path.exists() for path in screen.paths)
    built = demo.prebuilt(check=False)
    assert screen.read_from == [built[slug] for slug in DEMOS]
    assert screen.glances()[0]["partnership"]["partner_name"] == "Wuhan"


def test_what_fails_while_working_out_ahead_is_met_again_by_the_window(app_home, monkeypatch):
    def broken(*_args, **_kwargs):  # (a damaged settings file does not: it reads as empty settings)
        raise OSError("the disk is gone")

    monkeypatch.setattr(first_screen.workspace, "Settings", broken)
    first_screen.start([])  # says nothing: the window says what is wrong, where it always did
    assert first_screen._started is None
    with pytest.raises(OSError, match="the disk is gone"):
        first_screen.take([])


def test_glances_that_fail_ahead_are_read_by_the_window_itself(qtbot, app_home, demo_copy, monkeypatch):
    from raadsdossier.gui.app import start_window

    files = [demo_copy(slug) for slug in DEMOS[:2]]

    def failing(_self, _paths):
        raise RuntimeError("read ahead failed")

    monkeypatch.setattr(glance.ReadAhead, "_read", failing)
    monkeypatch.setattr(threading, "excepthook", lambda _args: None)  # the thread's error is not the test's
    first_screen.start(files)
    assert first_screen._started.glances() is None
    window = start_window(files, defer=True)  # takes the screen started above, and reads the glances itself
    qtbot.addWidget(window)
    assert [window.tabs.tabText(i) for i in range(2)] == ["Arnhem – Wuhan", "Breda – Yangzhou"]
    assert window.glances()[0].data["partnership"]["partner_name"] == "Wuhan"


@pytest.fixture
def thread_errors(monkeypatch):
    """What escapes a thread (pytest would only warn of it)."""
    errors = []
    monkeypatch.setattr(threading, "excepthook", lambda args: errors.append(args.exc_value))
    return errors


def test_fontconfig_is_loaded_on_a_thread_of_its_own(monkeypatch, thread_errors, tmp_path):
    """FcInit, then the app's fonts added to fontconfig's application fonts, on a thread; a font fontconfig refuses
    (FcFalse) is not counted as added, so that gui/app.py adds it through Qt."""
    calls = []

    class Library:
        def __init__(self, name):
            self.name = name

        def FcInit(self):  # noqa: N802 (fontconfig's name)
            calls.append((self.name, threading.current_thread() is threading.main_thread()))
            return 1

        def FcConfigAppFontAddFile(self, config, file):  # noqa: N802
            calls.append((config, file))
            return int(file.endswith(b"good.ttf"))

    good, bad = tmp_path / "good.ttf", tmp_path / "bad.ttf"
    monkeypatch.setattr(fontconfig, "_library", Library)
    monkeypatch.setattr(fontconfig, "_loading", None)
    monkeypatch.setattr(fontconfig, "_added", set())
    monkeypatch.setattr(fontconfig, "uses_fontconfig", lambda: True)
    fontconfig.start_loading([good, bad])
    fontconfig.wait()
    assert calls == [(fontconfig.LIBRARY, False), (None, bytes(good)), (None, bytes(bad))]
    assert fontconfig.added(good) and not fontconfig.added(bad)
    fontconfig.start_loading()  # once
    fontconfig.wait()
    assert len(calls) == 3 and thread_errors == []


APP_FONT_CHECK = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from raadsdossier.gui import fontconfig
if sys.argv[1] == "thread":
    fontconfig.start_loading()
    fontconfig.wait()
from PySide6.QtGui import QFontDatabase, QTextLayout
through_qt = []
add = QFontDatabase.addApplicationFont
QFontDatabase.addApplicationFont = lambda path: through_qt.append(path) or add(path)
from raadsdossier.gui import app
qt_app = app.fusion_application()
app.install_fonts()
layout = QTextLayout("Arnhem \u2013 Wuhan \u6b66\u6c49", qt_app.font())
layout.beginLayout(); layout.createLine(); layout.endLayout()
drawn_in = {run.rawFont().familyName() for run in layout.glyphRuns()}
print(len(through_qt), "Droid Sans Fallback" in drawn_in)
"""


@pytest.mark.skipif(not fontconfig.uses_fontconfig(), reason="Qt uses fontconfig on Linux and the BSDs only")
@pytest.mark.parametrize("how, through_qt", [("thread", "0"), ("qt", "1")])
def test_the_cjk_font_reaches_qt_from_the_thread_or_else_through_qt(how, through_qt, tmp_path):
    """On a system with no CJK font of its own (a fontconfig that knows DejaVu Sans alone), 武汉 is drawn in the
    bundled CJK font: added on the fontconfig thread, without Qt adding it itself; or, by a start that did not add it
    there (the self-test, the tests), through Qt."""
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    (fonts / "DejaVuSans.ttf").symlink_to(resource("fonts", "DejaVuSans.ttf"))
    config = tmp_path / "fonts.conf"
    config.write_text(f"<?xml version='1.0'?><fontconfig><dir>{fonts}</dir><cachedir>{tmp_path / 'cache'}</cachedir>"
                      "</fontconfig>", encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", APP_FONT_CHECK, how], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "FONTCONFIG_FILE": str(config)})
    assert out.stdout.split() == [through_qt, "True"], out.stderr


def test_without_fontconfig_nothing_happens(monkeypatch, thread_errors):
    def missing(_name):
        raise OSError("libfontconfig.so.1: cannot open shared object file")

    monkeypatch.setattr(fontconfig, "_library", missing)
    monkeypatch.setattr(fontconfig, "_loading", None)
    monkeypatch.setattr(fontconfig, "uses_fontconfig", lambda: True)
    fontconfig.start_loading()
    fontconfig.wait()  # no error: Qt loads fontconfig itself, as it always did
    assert thread_errors == []
    monkeypatch.setattr(fontconfig, "_loading", None)
    monkeypatch.setattr(fontconfig, "uses_fontconfig", lambda: False)  # Windows, macOS
    fontconfig.start_loading()
    assert fontconfig._loading is None


@pytest.mark.skipif(not fontconfig.uses_fontconfig(), reason="Qt uses fontconfig on Linux and the BSDs only")
def test_fontconfig_is_called_without_importing_ctypes(monkeypatch):
    """Through _ctypes (one C module), not ctypes (Python code holding Python's lock beside the imports), with the
    answers ctypes gives; where _ctypes cannot, ctypes is used."""
    import ctypes

    try:
        expected = ctypes.CDLL(fontconfig.LIBRARY).FcGetVersion()
    except OSError:
        pytest.skip("no fontconfig on this system")
    library = fontconfig._library(fontconfig.LIBRARY)
    assert isinstance(library, fontconfig._Library)
    assert library.FcGetVersion() == expected and library.FcInit() == 1  # FcTrue: loaded (and again at once)
    with pytest.raises(OSError):
        library.FcNoSuchFunction
    monkeypatch.setattr(fontconfig, "_Library", lambda _name: (_ for _ in ()).throw(AttributeError("CFuncPtr")))
    fallback = fontconfig._library(fontconfig.LIBRARY)
    assert isinstance(fallback, ctypes.CDLL) and fallback.FcGetVersion() == expected
    code = ("import sys; from raadsdossier.gui import fontconfig as f; f.start_loading(); f.wait(); "
            "print('ctypes' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "False", out.stderr
