"""Shared fixtures. GUI tests run offscreen: set here, before anything imports Qt."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from raadsdossier.cli import main as cli_main  # noqa: E402
from raadsdossier.services import edits, lists  # noqa: E402
from raadsdossier.services.dossiers import PartnershipFields, create_dossier  # noqa: E402
from raadsdossier.storage.dossier import Dossier  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node) -> None:  # pytest-xdist's, in the controller, as each worker starts
    from tests import workers

    workers.configure_node(node)  # the folder the workers share: the 100,000-item build, the quiet room


def pytest_collection_modifyitems(config, items) -> None:
    from tests import huge

    huge.start(config, items)  # the 100,000-item dossier, when a selected test opens it: built beside the others


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    """On several workers, every test but a timing test runs in the quiet room, shared (tests/workers.py)."""
    from tests import workers

    if item.get_closest_marker("timing") is not None:
        yield
        return
    with workers.room(item.config, alone=False):
        yield


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    """A timing test's call runs alone in the quiet room: no test runs on another worker meanwhile."""
    from tests import workers

    if item.get_closest_marker("timing") is None:
        yield
        return
    with workers.room(item.config, alone=True):
        yield


def pytest_sessionfinish(session) -> None:
    from tests import huge, workers

    huge.stop(session.config)
    workers.stop(session.config)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def new_dossier(tmp_path) -> Path:
    path = tmp_path / "enschede.raadsdossier"
    create_dossier(path, PartnershipFields(dutch_side="Enschede", level="municipality", partner_name="Dalian",
                                           partner_native_name="大连", since="1998"))
    return path


@pytest.fixture
def dossier(new_dossier):
    with Dossier.open(new_dossier) as opened:
        yield opened


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory) -> Path:
    """The demo dossiers, written once per test run by `raadsdossier demo`."""
    directory = tmp_path_factory.mktemp("demo")
    assert cli_main(["demo", str(directory)]) == 0
    return directory


@pytest.fixture
def demo_copy(demo_dir, tmp_path):
    """A private copy of one demo dossier, for tests that change it."""
    def copy(slug: str) -> Path:
        target = tmp_path / f"{slug}.raadsdossier"
        target.write_bytes((demo_dir / f"{slug}.raadsdossier").read_bytes())
        return target
    return copy


@pytest.fixture
def messages(monkeypatch):
    """Every QMessageBox the app would show: (kind, title, text). Modal boxes would block a test."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str, str]] = []
    for kind in ("warning", "information", "critical", "about"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(
            lambda parent, title, text, *a, _k=kind, **kw: shown.append((_k, title, text)) or QMessageBox.StandardButton.Ok))
    return shown


@pytest.fixture
def app_home(tmp_path, monkeypatch):
    """A private app folder for the window, and its background tasks run at once."""
    from raadsdossier.gui import tasks

    home = tmp_path / "home"
    monkeypatch.setenv("RAADSDOSSIER_HOME", str(home))
    monkeypatch.setattr(tasks, "SYNCHRONOUS", True)
    return home


@pytest.fixture
def bare_window(qtbot, app_home, messages):
    """The main window with nothing open (not the first run: no demo dossiers)."""
    from raadsdossier.gui.mainwindow import MainWindow
    from raadsdossier.gui.workspace import Settings

    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


@pytest.fixture
def asked(monkeypatch):
    """Answers for prompts.confirm (True: the first button) and the questions it was asked."""
    from raadsdossier.gui import prompts

    questions: list[tuple[str, str, str]] = []

    def confirm(parent, title, text, accept, reject):
        questions.append((title, text, accept))
        return True

    monkeypatch.setattr(prompts, "confirm", confirm)
    return questions


class Cli:
    """Runs the real `raadsdossier` command in a subprocess: real exit codes, real stderr."""

    def __call__(self, *args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
        full_env = {**os.environ, **(env or {})}
        return subprocess.run([sys.executable, "-m", "raadsdossier", *map(str, args)], capture_output=True,
                              text=True, cwd=cwd, env=full_env, timeout=120)


@pytest.fixture
def cli() -> Cli:
    return Cli()


@pytest.fixture
def run(capsys):
    """Runs the command line in-process; returns (exit status, stdout, stderr)."""
    def _run(*args: str):
        try:
            code = cli_main([str(a) for a in args])
        except SystemExit as exc:  # argparse usage errors
            code = exc.code
        out, err = capsys.readouterr()
        return code, out, err
    return _run


SECRET_EVENT = "Vertrouwelijk gesprek met de ambassade"
INTERNAL_NOTE = "Fractie-intern: stemadvies voor de raad"
AT_RISK = "Aynur Testpersoon"  # a made-up name for the test only


@pytest.fixture
def arnhem_with_secrets(demo_copy) -> Path:
    """A copy of the Arnhem demo dossier with an internal and a confidential event and a person at risk added."""
    path = demo_copy("arnhem-wuhan")
    with Dossier.open(path) as dossier:
        edits.save_item(dossier, "events", {"id": "e0000000-0000-4000-8000-000000000001", "title": SECRET_EVENT,
                                            "kind": "other", "date": "2021-08", "confidentiality": "confidential"})
        edits.save_item(dossier, "events", {"id": "e0000000-0000-4000-8000-000000000002", "title": INTERNAL_NOTE,
                                            "kind": "statement", "date": "2021-06", "confidentiality": "internal"})
        edits.save_item(dossier, "people", {"id": "e0000000-0000-4000-8000-000000000003", "name": AT_RISK,
                                            "role": "activist", "sensitive": True})
        demonstration = lists.page(dossier, "demonstrations")[0]
        demonstration["description"] = f"{AT_RISK} sprak de raad toe over haar familie."
        demonstration["organisers"] = [{"person": "e0000000-0000-4000-8000-000000000003"}]
        edits.save_item(dossier, "demonstrations", demonstration)
    return path


@pytest.fixture(scope="session")
def test_library(tmp_path_factory, demo_dir) -> Path:
    """The folder of the test library (tests/library.py): the demo dossiers and dossiers imported from the real
    files in tests/fixtures/, made once per run. Read-only: tests that change a dossier change a copy."""
    from tests.library import build_library

    return build_library(tmp_path_factory.mktemp("library"), demo_dir)


@pytest.fixture(scope="session")
def postgres():
    """A real PostgreSQL server of its own for this test run (tests/pg.py); skipped, with the reason, only
    where PostgreSQL is not installed (scripts/test.sh, and so CI, installs it)."""
    from tests.pg import NOT_INSTALLED, Cluster, server_bin

    if server_bin() is None:
        pytest.skip(NOT_INSTALLED)
    cluster = Cluster()
    yield cluster
    cluster.stop()
