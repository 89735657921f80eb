"""Making a pack in a child process, so that the calling interpreter (the window) never stalls.

Rendering a large pack creates hundreds of thousands of short-lived objects in reference cycles
(reportlab's flowables and fragments). Python's cyclic garbage collector then pauses whichever
thread allocates for up to half a second at a time while it holds the GIL, and on a worker thread
that still freezes the window. A child process has its own interpreter and its own collector; on
a machine with two cores it also renders truly in parallel with the window.

No Qt here: the GUI calls `write_pack_isolated` from a worker thread (gui/tasks.py), which blocks
while the child works and relays its progress.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from pathlib import Path

from raadsdossier.domain.errors import DossierError
from raadsdossier.export.build import PackOptions


class PackFailed(DossierError):
    """The child process could not make the pack; the message is the child's own sentence."""


def _child(path: str, password: str | None, target: str, options: PackOptions, conn) -> None:
    """Runs in the child: open the dossier read-only, make the pack, report progress and the outcome."""
    try:
        from raadsdossier.storage.dossier import Dossier
        from raadsdossier.export.service import write_pack

        # verify=False: the window checked the file when it opened it; read_only takes no write lock.
        with Dossier.open(Path(path), read_only=True, password=password, verify=False) as dossier:
            written = write_pack(dossier, Path(target), options,
                                 lambda done, total: conn.send(("progress", done, total)))
        conn.send(("done", str(written)))
    except DossierError as exc:
        conn.send(("error", str(exc)))
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which shows it
        conn.send(("error", f"het stuk kon niet worden gemaakt ({type(exc).__name__}: {exc})."))
    finally:
        conn.close()


def write_pack_isolated(dossier, target: Path, options: PackOptions,
                        progress: Callable[[int, int], None] | None = None) -> Path:
    """Like export.service.write_pack, but rendered in a child process; blocks until it is done.

    `dossier` is an open Dossier (its file is reopened read-only in the child, with its password).
    Raises PackFailed with the child's message when the pack could not be made. Any thread may call
    this; the GUI calls it from a worker thread.
    """
    context = multiprocessing.get_context("spawn")  # no fork of a process running Qt and SQLite
    parent_conn, child_conn = context.Pipe(duplex=False)
    # The password stays in memory: it travels to the child through the pipe that spawn uses.
    password = dossier.password
    process = context.Process(target=_child, args=(str(dossier.path), password, str(target), options, child_conn),
                              daemon=True)
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
        raise PackFailed(f"het stuk kon niet worden gemaakt: het hulpproces stopte onverwacht (code {process.exitcode}).")
    if outcome[0] == "error":
        raise PackFailed(outcome[1])
    return Path(outcome[1])
