"""What every section of the navigator offers the dossier view."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


class Section(QWidget):
    """A screen of the navigator. `refresh()` re-reads from the dossier; `show_item()` selects one."""

    key: str = ""
    kinds: tuple[str, ...] = ()  # item kinds this section shows

    def __init__(self, view, parent=None) -> None:
        super().__init__(parent)
        self.view = view
        self.stale = True

    def refresh(self) -> None:
        self.stale = False

    def show_item(self, item_id: str) -> bool:
        return False

    def new_item(self) -> None:
        pass

    def delete_selected(self) -> None:
        pass
