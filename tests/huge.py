"""The 100,000-item dossier that tests/gui/test_responsive.py opens (about 270 MB, built by bench/generate.py as the
benchmarks build theirs). Building it takes over a minute. When a test that needs it is selected, tests/conftest.py
starts the build right after collection, in a child process that runs beside the tests before it. On CI's two
cores this took most of that minute off the run.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
ITEMS = 100_000
SEED = 3
FIXTURE = "huge_dossier_file"  # the session fixture that hands it to the tests
_BUILD = pytest.StashKey["Build"]()


class Build:
    """bench/generate.py writing the dossier into `folder`, with its output in a log beside it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / "provincie.raadsdossier"
        self.log = folder / "generate.log"
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, str(REPO / "bench" / "generate.py"), "--items", str(ITEMS), "--seed", str(SEED),
                 str(self.path)], stdout=log, stderr=subprocess.STDOUT)

    def result(self, timeout: float = 900) -> Path:
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise
        if code != 0:
            raise RuntimeError(f"bench/generate.py could not build the {ITEMS:,}-item dossier (exit {code}):\n"
                               + self.log.read_text(errors="replace")[-2000:])
        return self.path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


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


def _begin(config: pytest.Config) -> Build:
    build = config.stash[_BUILD] = Build(Path(tempfile.mkdtemp(prefix="raadsdossier-huge-")))
    return build


def stop(config: pytest.Config) -> None:
    """At the end of the run: the build stopped if it still runs, and its folder removed."""
    if _BUILD in config.stash:
        config.stash[_BUILD].stop()
