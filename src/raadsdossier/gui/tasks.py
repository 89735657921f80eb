"""One helper for work off the GUI thread: run a function on a thread pool, get the result or error back on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from shiboken6 import isValid

# Tests set this to True: tasks then run at once on the calling thread.
SYNCHRONOUS = False


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable, relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # handed to the GUI thread, which shows it
            signal, value = self.relay.failed, exc
        else:
            signal, value = self.relay.done, result
        try:
            signal.emit(value)
        except RuntimeError:  # the app quit while this ran: nobody is waiting for the answer
            pass


_live: set[_Relay] = set()


def run_in_background(fn: Callable, on_done: Callable[[object], None],
                      on_error: Callable[[Exception], None], owner: QObject | None = None) -> None:
    """Call `fn()` on the global thread pool; `on_done(result)` or `on_error(exc)` runs on the GUI thread.

    `owner`: what the answer is shown on (by default the object `on_done` is a method of, if a Qt one). When it is
    gone before the answer comes (its tab closed while its dossier was being read), the answer is dropped: the work
    itself is done, and showing it on a deleted widget raised an error the user was shown as unexpected."""
    if owner is None and isinstance(getattr(on_done, "__self__", None), QObject):
        owner = on_done.__self__
    if SYNCHRONOUS:
        try:
            result = fn()
        except Exception as exc:
            on_error(exc)
        else:
            on_done(result)
        return
    relay = _Relay()
    _live.add(relay)

    def finish(callback, value):
        _live.discard(relay)
        if owner is None or isValid(owner):
            callback(value)

    relay.done.connect(lambda value: finish(on_done, value))
    relay.failed.connect(lambda exc: finish(on_error, exc))
    QThreadPool.globalInstance().start(_Task(fn, relay))
