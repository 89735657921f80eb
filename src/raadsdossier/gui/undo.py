"""The one undo command: it holds the undo step a service returned (services/changes.py) and swaps it.

Undoing carries out the step with services.edits.revert, which returns the step that redoes it; redoing
carries that one out, and so on. The dossier view does the work (off the GUI thread for a large step).
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from raadsdossier.services.changes import UndoStep


class ChangeCommand(QUndoCommand):
    """A change already made when the command is pushed; undo and redo revert its current step."""

    def __init__(self, view, step: UndoStep, description: str) -> None:
        super().__init__(description)
        self.view = view
        self.step = step
        self._first = True  # the change is already made when the command is pushed

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.view.revert(self)

    def undo(self) -> None:
        self.view.revert(self)
