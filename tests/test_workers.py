"""The quiet room the timing tests run in when pytest-xdist runs the tests on several workers (tests/workers.py).
Workers are processes; flock(2) locks of two open files conflict within one process too, so threads stand in."""

from __future__ import annotations

import threading
import time
from types import SimpleNamespace

import pytest

from tests import workers

pytestmark = pytest.mark.skipif(workers.fcntl is None, reason="flock(2) is not on this system")


def test_a_timing_test_waits_for_the_test_inside_and_the_next_waits_for_it(tmp_path):
    config = SimpleNamespace(workerinput={"raadsdossier_run_folder": str(tmp_path)})
    events: list[tuple[str, str]] = []
    inside = threading.Event()

    def other(name: str, hold: float) -> None:
        with workers.room(config, alone=False):
            events.append(("in", name))
            inside.set()
            time.sleep(hold)
            events.append(("out", name))

    first = threading.Thread(target=other, args=("first", 0.3))
    first.start()
    inside.wait(10)
    with workers.room(config, alone=True):
        events.append(("in", "timing"))
        second = threading.Thread(target=other, args=("second", 0))
        second.start()
        time.sleep(0.3)  # time enough for the second to walk in, were the room not shut
        events.append(("out", "timing"))
    first.join(10)
    second.join(10)
    assert events == [("in", "first"), ("out", "first"), ("in", "timing"), ("out", "timing"),
                      ("in", "second"), ("out", "second")]


def test_other_tests_share_the_room(tmp_path):
    config = SimpleNamespace(workerinput={"raadsdossier_run_folder": str(tmp_path)})
    with workers.room(config, alone=False):
        entered = threading.Event()

        def other() -> None:
            with workers.room(config, alone=False):
                entered.set()

        thread = threading.Thread(target=other)
        thread.start()
        assert entered.wait(5)
        thread.join(5)


def test_in_one_process_there_is_nothing_to_wait_for(tmp_path):
    config = SimpleNamespace()  # no workerinput: not a pytest-xdist worker
    with workers.room(config, alone=True), workers.room(config, alone=False):
        pass
    assert list(tmp_path.iterdir()) == []
