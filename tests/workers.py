"""What the tests share when pytest-xdist runs them on several workers (scripts/test.sh runs them on every core).

- A folder for the run: the controller makes it and hands it to each worker as it starts (`configure_node`,
  `folder`); the 100,000-item build (tests/huge.py) and the locks below live in it. The controller removes it at
  the end (`stop`).
- A quiet room for the tests that measure the window's responsiveness by the wall clock (`@pytest.mark.timing`,
  tests/gui/test_responsive.py): while one of them runs, no test runs on any other worker, as in a run on one
  core; otherwise a worker packing a PDF beside it can hold the window's process off the CPU for longer than the
  freeze the test looks for. Every other test holds the room shared for its whole run (setup, call, teardown);
  a timing test holds it alone for its call only (its setup may wait for the 100,000-item build, which needs no
  quiet). A gate in front of the room keeps the tests that arrive while a timing test waits from starving it.
  Locks are flock(2) locks on files in the run's folder: the kernel lets go of them when a worker dies.
"""

from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest

try:
    import fcntl
except ImportError:  # not on Windows: the tests run there without the quiet room
    fcntl = None

_KEY = "raadsdossier_run_folder"  # in each worker's workerinput
_CONTROLLER_FOLDER = pytest.StashKey[Path]()


def configure_node(node) -> None:
    """In pytest-xdist's controller, as a worker starts: the run's folder (made for the first) handed to it."""
    stash = node.config.stash
    if _CONTROLLER_FOLDER not in stash:
        stash[_CONTROLLER_FOLDER] = Path(tempfile.mkdtemp(prefix="raadsdossier-tests-"))
    node.workerinput[_KEY] = str(stash[_CONTROLLER_FOLDER])


def folder(config: pytest.Config) -> Path | None:
    """The run's folder, in a worker of pytest-xdist; None when the tests run in one process."""
    shared = getattr(config, "workerinput", {}).get(_KEY)
    return Path(shared) if shared else None


def controller_folder(config: pytest.Config) -> Path | None:
    """The run's folder, in pytest-xdist's controller; None elsewhere."""
    return config.stash.get(_CONTROLLER_FOLDER, None)


def stop(config: pytest.Config) -> None:
    """In the controller, at the end of the run: the run's folder removed."""
    shared = controller_folder(config)
    if shared is not None:
        shutil.rmtree(shared, ignore_errors=True)


@contextmanager
def room(config: pytest.Config, alone: bool):
    """Inside the quiet room: alone (no test runs on another worker meanwhile) or shared with the other tests
    that are not timing tests. Nothing to wait for when the tests run in one process."""
    shared = folder(config)
    if shared is None or fcntl is None:
        yield
        return
    with open(shared / "gate.lock", "a") as gate, open(shared / "room.lock", "a") as room_lock:
        fcntl.flock(gate, fcntl.LOCK_EX if alone else fcntl.LOCK_SH)
        try:
            fcntl.flock(room_lock, fcntl.LOCK_EX if alone else fcntl.LOCK_SH)
        finally:
            if not alone:  # a timing test keeps the gate shut until it is done
                fcntl.flock(gate, fcntl.LOCK_UN)
        try:
            yield
        finally:
            fcntl.flock(room_lock, fcntl.LOCK_UN)
            if alone:
                fcntl.flock(gate, fcntl.LOCK_UN)
