"""Running a piece of work in a child process, so that the window's interpreter never stalls on it.

Some work holds Python's GIL for long stretches, which freezes the window even from a worker thread:
one C call over a whole file (json.loads of a 60 MB OData page holds it for 0.4 s), or hundreds of
thousands of short-lived objects in reference cycles whose collection pauses every thread (rendering a
pack with reportlab). A child process has its own interpreter and its own collector, and on two cores it
works truly in parallel with the window. What goes back and forth must pickle; what comes back should be
small (unpickling is one C call too).

No Qt here: the window calls `run_in_child` from a worker thread (gui/tasks.py), which blocks while the
child works and relays its progress.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable

from raadsdossier.domain.errors import DossierError

Progress = Callable[[int, int], None]


class ChildFailed(DossierError):
    """The child could not do the work; the message is the child's own sentence (naming the file)."""


def _child(function, args: tuple, conn) -> None:
    try:
        result = function(*args, lambda done, total: conn.send(("progress", done, total)))
        conn.send(("done", result))
    except DossierError as exc:
        conn.send(("error", str(exc)))
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which shows it
        conn.send(("error", f"het is niet gelukt ({type(exc).__name__}: {exc})."))
    finally:
        conn.close()


def run_in_child(function: Callable, *args, progress: Progress | None = None):
    """Call `function(*args, report)` in a new child process and return what it returns.

    `function` must be importable by name (a module-level function) and `report(done, total)` is its way
    to say how far it is: `progress` receives that here. A DossierError (or any other error) in the child
    is raised here as ChildFailed with the child's sentence. Blocks until the child is done; any thread.
    """
    context = multiprocessing.get_context("spawn")  # no fork of a process running Qt and SQLite
    parent_conn, child_conn = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(function, args, child_conn), daemon=True)
    process.start()
    child_conn.close()
    outcome = None
    try:
        while True:
            try:
                message = parent_conn.recv()
            except EOFError:
                break
            if message[0] == "progress":
                if progress is not None:
                    progress(message[1], message[2])
            else:
                outcome = message
    finally:
        parent_conn.close()
        process.join()
    if outcome is None:
        raise ChildFailed(f"het is niet gelukt: het hulpproces stopte onverwacht (code {process.exitcode}).")
    if outcome[0] == "error":
        raise ChildFailed(outcome[1])
    return outcome[1]
