"""What every section of the navigator offers the dossier view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # not imported for the first screen of start-up
    from raadsdossier.services.changes import Change

PEOPLE = ("party", "person")  # kinds whose names other lists show (submitters, who promised, votes)


class Section(QWidget):
    """A screen of the navigator. `refresh()` re-reads from the dossier; `show_item()` selects one.

    `kinds` are the item kinds it lists and `also_shows` those whose names or titles appear in it: a
    change naming none of them leaves it as it is (`shows`).
    """

    key: str = ""
    kinds: tuple[str, ...] = ()
    also_shows: tuple[str, ...] = ()

    def __init__(self, view, parent=None) -> None:
        super().__init__(parent)
        self.view = view
        self.stale = True

    def shows(self, change: Change) -> bool:
        """Whether this section must read again after `change`."""
        return change.touches((*self.kinds, *self.also_shows))

    def refresh(self) -> None:
        self.stale = False

    def show_item(self, item_id: str) -> bool:
        return False

    def new_item(self) -> None:
        pass

    def delete_selected(self) -> None:
        pass
