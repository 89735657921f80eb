"""The 100,000-item dossier that tests/gui/test_responsive.py opens (about 270 MB, built by bench/generate.py as the
benchmarks build theirs). Building it takes over a minute. When a test that needs it is selected, tests/conftest.py
starts the build right after collection, in a child process that runs beside the tests before it. On CI's two
cores this took most of that minute off the run.

Under pytest-xdist (scripts/test.sh runs the tests on every core) each worker collects every test, and the
build is made once for all of them, in a folder in the run's (tests/workers.py): the first worker to claim it
starts the build, through `python tests/huge.py`, which writes the build's exit status last; a worker whose
test needs the dossier waits for that status. The controller stops a build still running at the end.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
ITEMS = 100_000
SEED = 3
FIXTURE = "huge_dossier_file"  # the session fixture that hands it to the tests
NAME = "provincie.raadsdossier"
_BUILD = pytest.StashKey["Build | SharedBuild"]()
_SUBFOLDER = "huge"  # in the run's folder (tests/workers.py)


def _command(path: Path) -> list[str]:
    return [sys.executable, str(REPO / "bench" / "generate.py"), "--items", str(ITEMS), "--seed", str(SEED), str(path)]


def _failed(code: int, log: Path) -> RuntimeError:
    return RuntimeError(f"bench/generate.py could not build the {ITEMS:,}-item dossier (exit {code}):\n"
                        + log.read_text(errors="replace")[-2000:])


class Build:
    """bench/generate.py writing the dossier into `folder`, with its output in a log beside it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / NAME
        self.log = folder / "generate.log"
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(_command(self.path), stdout=log, stderr=subprocess.STDOUT)

    def result(self, timeout: float = 900) -> Path:
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise
        if code != 0:
            raise _failed(code, self.log)
        return self.path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


class SharedBuild:
    """One worker's view of the build all workers share, in `folder` (in the run's): started by the first
    worker to claim the folder by making it; `result` waits for the status file the build writes when it ends."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / NAME
        self.log = folder / "generate.log"
        self.status = folder / "status"
        try:
            folder.mkdir()  # claimed
        except FileExistsError:  # another worker builds it
            return
        subprocess.Popen([sys.executable, __file__, str(folder)], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)  # a group of its own (see stop)

    def result(self, timeout: float = 900) -> Path:
        deadline = time.monotonic() + timeout
        while not self.status.exists():
            if time.monotonic() > deadline:
                raise TimeoutError(f"the {ITEMS:,}-item dossier was not built within {timeout:.0f} s ({self.log})")
            time.sleep(0.2)
        code = int(self.status.read_text())
        if code != 0:
            raise _failed(code, self.log)
        return self.path

    def stop(self) -> None:
        """Nothing: the other workers may still wait for the build; the controller cleans up."""


def _build_and_report(folder: Path) -> None:
    """`python tests/huge.py FOLDER`: the shared build, its process group first and its exit status last (-1
    when it could not be run at all)."""
    code = -1
    try:
        (folder / "pid").write_text(str(os.getpgid(0)))
        with open(folder / "generate.log", "wb") as log:
            code = subprocess.call(_command(folder / NAME), stdout=log, stderr=subprocess.STDOUT)
    finally:
        (folder / "status.part").write_text(str(code))
        os.replace(folder / "status.part", folder / "status")


def start(config: pytest.Config, items: list) -> None:
    """Start building the dossier when a selected test needs it."""
    if config.option.collectonly or _BUILD in config.stash:
        return
    if any(FIXTURE in getattr(item, "fixturenames", ()) for item in items):
        _begin(config)


def built(config: pytest.Config) -> Path:
    """The dossier's path once it is built (started now if `start` did not)."""
    build = config.stash[_BUILD] if _BUILD in config.stash else _begin(config)
    return build.result()


def _begin(config: pytest.Config) -> Build | SharedBuild:
    from tests import workers  # not at the top: `python tests/huge.py` runs without the tests package

    shared = workers.folder(config)
    if shared is not None:
        build = SharedBuild(shared / _SUBFOLDER)
    else:
        build = Build(Path(tempfile.mkdtemp(prefix="raadsdossier-huge-")))
    config.stash[_BUILD] = build
    return build


def stop(config: pytest.Config) -> None:
    """At the end of the run (or of a worker's part of it): a build of its own stopped if it still runs, and its
    folder removed; in the controller, the shared build stopped if it still runs (tests/workers.py removes its
    folder)."""
    if _BUILD in config.stash:
        config.stash[_BUILD].stop()
    from tests import workers

    run = workers.controller_folder(config)
    pid = run / _SUBFOLDER / "pid" if run is not None else None
    if pid is not None and pid.exists() and not (pid.parent / "status").exists():
        try:
            os.killpg(int(pid.read_text()), signal.SIGKILL)  # the wrapper and its bench/generate.py
        except (ProcessLookupError, PermissionError, ValueError):
            pass


if __name__ == "__main__":
    _build_and_report(Path(sys.argv[1]))
