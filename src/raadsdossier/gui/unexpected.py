"""An error that nothing in the window handled: said in one sentence, in a message over the window, instead of the
traceback Qt prints to a terminal that a councillor does not have open (the command line does the same:
cli/__init__.py). The traceback still goes to the standard error, for a report.
"""

from __future__ import annotations

import sys
import traceback

from PySide6.QtCore import QCoreApplication


def t(text: str) -> str:
    return QCoreApplication.translate("Unexpected", text)


def message(exc: BaseException) -> tuple[str, str]:
    """(title, text) of the message for `exc`: a dossier's own error in its own words, any other as ours."""
    from raadsdossier.domain.errors import DossierError

    if isinstance(exc, DossierError):
        return t("Niet gelukt"), str(exc)
    return t("Onverwachte fout"), t("Er ging iets mis in Raadsdossier (%1). Wat al was opgeslagen, blijft "
                                    "opgeslagen; meld dit, met wat u deed, aan wie Raadsdossier beheert.").replace(
        "%1", f"{type(exc).__name__}: {exc}")


def install(window) -> None:
    """From now on, an unhandled error in the event loop is said over `window` (one message at a time: an error
    repeated while one is shown, in a paint say, only goes to the standard error)."""
    showing = False

    def hook(kind, exc, tb) -> None:
        nonlocal showing
        traceback.print_exception(kind, exc, tb)
        if showing or issubclass(kind, (KeyboardInterrupt, SystemExit)):
            return
        from PySide6.QtWidgets import QMessageBox

        showing = True
        try:
            QMessageBox.warning(window, *message(exc))
        finally:
            showing = False

    sys.excepthook = hook
