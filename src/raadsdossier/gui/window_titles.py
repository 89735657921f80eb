"""The main window's names for its dossiers: each tab's, the window's title, and the names the search shows. A
mixin of MainWindow (it uses the window's tabs and views); its texts are translated in MainWindow's context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from raadsdossier.gui.glance_view import GlanceView

if TYPE_CHECKING:
    from raadsdossier.gui.dossier_view import DossierView


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class WindowTitles:
    def names(self) -> dict[DossierView, str]:
        """Each open dossier's name as the window shows it (tabs, search results): its partnership ("Arnhem – Wuhan"),
        and where two open dossiers are of the same partnership, each with its file's name after it ("Arnhem – Wuhan ·
        arnhem-wuhan-griffie"), so that the two can be told apart."""
        views = self.views()
        titles = [view.title for view in views]
        return {view: title if titles.count(title) < 2 else f"{title} · {view.dossier.path.stem}"
                for view, title in zip(views, titles)}

    def _tab_title(self, view: DossierView, names: dict | None = None) -> str:
        name = (names if names is not None else self.names()).get(view, view.title)
        return name + (_t(" (alleen-lezen)") if view.dossier.read_only else "")

    def _retitle_tabs(self) -> None:
        """Every open dossier's tab named again (see `names`): after a dossier is opened or closed, or renamed."""
        names = self.names()
        for view in names:
            self.tabs.setTabText(self.tabs.indexOf(view), self._tab_title(view, names))

    def _update_title(self) -> None:
        view = self.current_view()
        if self.tracker is not None and self.tabs.currentWidget() is self.tracker:
            self.setWindowTitle(_t("Moties volgen") + " — Raadsdossier")
            return
        if view is None:
            glanced = self.tabs.currentWidget() if isinstance(self.tabs.currentWidget(), GlanceView) else None
            self.setWindowTitle(f"{glanced.title} — Raadsdossier" if glanced else "Raadsdossier")
            return
        state = _t("alleen-lezen") if view.dossier.read_only else _t("alle wijzigingen opgeslagen")
        self.setWindowTitle(f"{view.title} ({view.dossier.path.name}) — {state} — Raadsdossier")
        self._retitle_tabs()
